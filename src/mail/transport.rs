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
                std::fs::create_dir_all(&config.mail_dir)
                    .with_context(|| format!("cannot create the mail folder {}", config.mail_dir.display()))?;
                Ok(Transport::Files(FileTransport::new(&config.mail_dir)))
            }
        }
    }

    /// Sends one message; the error says what went wrong, for the outbox's
    /// "last error" column.
    pub fn send(&self, message: &Message) -> Result<(), String> {
        match self {
            Transport::Smtp(t) => t.send(message).map(|_| ()).map_err(|e| format!("SMTP: {e}")),
            Transport::Files(t) => t.send(message).map(|_| ()).map_err(|e| format!("mail folder: {e}")),
        }
    }
}
