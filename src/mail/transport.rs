//! Where mail goes: an SMTP server (`HAVEN_SMTP_URL`: `smtp://`, `smtps://`,
//! STARTTLS with `?tls=required`, with or without credentials), or, without
//! one, `.eml` files in `HAVEN_MAIL_DIR` so that Haven runs out of the box.

use std::time::Duration;

use anyhow::Context;
use lettre::{FileTransport, Message, SmtpTransport, Transport as _};

use crate::config::Config;

pub enum Transport {
    Smtp(SmtpTransport),
    Files(FileTransport),
}

impl Transport {
    pub fn from_config(config: &Config) -> anyhow::Result<Self> {
        match &config.smtp_url {
            Some(url) => {
                let transport = SmtpTransport::from_url(url.expose())
                    .context("HAVEN_SMTP_URL is not a valid smtp:// or smtps:// URL")?
                    .timeout(Some(Duration::from_secs(20)))
                    .build();
                Ok(Transport::Smtp(transport))
            }
            None => {
                std::fs::create_dir_all(&config.mail_dir).with_context(|| {
                    format!(
                        "cannot create the mail folder {}",
                        config.mail_dir.display()
                    )
                })?;
                Ok(Transport::Files(FileTransport::new(&config.mail_dir)))
            }
        }
    }

    /// Sends one message; the error says what went wrong, for the outbox's
    /// "last error" column.
    pub fn send(&self, message: &Message) -> Result<(), String> {
        match self {
            Transport::Smtp(t) => t
                .send(message)
                .map(|_| ())
                .map_err(|e| format!("SMTP: {e}")),
            Transport::Files(t) => t
                .send(message)
                .map(|_| ())
                .map_err(|e| format!("mail folder: {e}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(smtp: Option<&str>) -> Config {
        let dir = std::env::temp_dir().join("haven-transport-test");
        let vars: Vec<(String, String)> = [("HAVEN_MAIL_DIR", dir.display().to_string())]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .chain(smtp.map(|u| ("HAVEN_SMTP_URL".to_string(), u.to_string())))
            .collect();
        Config::from_lookup(|k| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())).unwrap()
    }

    #[test]
    fn every_documented_url_form_is_accepted() {
        for url in [
            "smtp://127.0.0.1:2525",
            "smtp://user:pass@mail.example.org:587?tls=required",
            "smtp://mail.example.org:587?tls=opportunistic",
            "smtps://user:p%40ss@mail.example.org",
            "smtps://mail.example.org:465",
        ] {
            assert!(
                matches!(
                    Transport::from_config(&config(Some(url))).unwrap(),
                    Transport::Smtp(_)
                ),
                "{url}"
            );
        }
        assert!(matches!(
            Transport::from_config(&config(None)).unwrap(),
            Transport::Files(_)
        ));
    }

    #[test]
    fn a_bad_url_says_what_is_wrong() {
        let err = Transport::from_config(&config(Some("imap://mail.example.org")))
            .err()
            .unwrap();
        assert!(format!("{err:#}").contains("HAVEN_SMTP_URL"));
    }
}
