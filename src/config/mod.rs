//! Configuration, read from the environment only (a `.env` file is read in
//! development by `main`). Every variable is documented in the README.
//!
//! - `DATABASE_URL`          PostgreSQL connection string
//! - `HAVEN_BIND`            listen address
//! - `HAVEN_BASE_URL`        public URL, used in links in emails
//! - `HAVEN_SMTP_URL`        SMTP server; unset: mail goes to files
//! - `HAVEN_MAIL_FROM`       sender address
//! - `HAVEN_MAIL_DIR`        folder for mail when no SMTP is configured
//! - `HAVEN_MASTER_KEY_FILE` file holding the master key
//! - `HAVEN_DEV`             `1`: local development
//! - `HAVEN_MAIL_RETRY_SECS` first retry delay of a failed email (doubles each time)
//! - `HAVEN_MAIL_MAX_ATTEMPTS` attempts before an email is marked failed
//! - `HAVEN_RETENTION_DAYS`  days a closed case is kept before it is purged
//! - `HAVEN_EXIT_URL`        the neutral site the quick exit leaves for

use std::path::PathBuf;

use anyhow::{Context, bail};

pub const DEFAULT_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/haven";

/// Where the quick exit leaves for: a site anyone might be reading.
pub const DEFAULT_EXIT_URL: &str = "https://weather.gc.ca/";

#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: SecretUrl,
    pub bind: String,
    pub base_url: String,
    pub smtp_url: Option<SecretUrl>,
    pub mail_from: String,
    pub mail_dir: PathBuf,
    pub master_key_file: PathBuf,
    pub dev: bool,
    pub mail_retry_secs: u64,
    pub mail_max_attempts: i32,
    pub retention_days: i64,
    pub exit_url: String,
}

/// A connection string that may carry a password: never printed whole.
#[derive(Clone)]
pub struct SecretUrl(String);

impl SecretUrl {
    pub fn new(url: impl Into<String>) -> Self {
        Self(url.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SecretUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretUrl([redacted])")
    }
}

impl Config {
    /// Reads the configuration from the process environment.
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup`, so that tests can supply
    /// their own values without touching the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let dev = match get("HAVEN_DEV").as_deref() {
            None | Some("0") | Some("false") => false,
            Some("1") | Some("true") => true,
            Some(other) => bail!("HAVEN_DEV must be 0 or 1, not {other:?}"),
        };
        let base_url = get("HAVEN_BASE_URL")
            .unwrap_or_else(|| "http://127.0.0.1:8080".into())
            .trim_end_matches('/')
            .to_string();
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            bail!("HAVEN_BASE_URL must start with http:// or https://");
        }
        let bind = get("HAVEN_BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        bind.parse::<std::net::SocketAddr>().with_context(|| {
            format!("HAVEN_BIND must be an address such as 127.0.0.1:8080, not {bind:?}")
        })?;
        Ok(Self {
            database_url: SecretUrl(
                get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into()),
            ),
            bind,
            base_url,
            smtp_url: get("HAVEN_SMTP_URL").map(SecretUrl),
            mail_from: get("HAVEN_MAIL_FROM")
                .unwrap_or_else(|| "Haven <no-reply@localhost>".into()),
            mail_dir: get("HAVEN_MAIL_DIR")
                .unwrap_or_else(|| "./data/mail".into())
                .into(),
            master_key_file: get("HAVEN_MASTER_KEY_FILE")
                .unwrap_or_else(|| "./data/master.key".into())
                .into(),
            dev,
            mail_retry_secs: number(get("HAVEN_MAIL_RETRY_SECS"), "HAVEN_MAIL_RETRY_SECS", 30)?,
            mail_max_attempts: number(
                get("HAVEN_MAIL_MAX_ATTEMPTS"),
                "HAVEN_MAIL_MAX_ATTEMPTS",
                8,
            )?,
            retention_days: number(get("HAVEN_RETENTION_DAYS"), "HAVEN_RETENTION_DAYS", 365)?,
            exit_url: exit_url(get("HAVEN_EXIT_URL"))?,
        })
    }

    /// Whether the public URL is served over HTTPS (cookies get `Secure` and
    /// the `__Host-` prefix, responses carry HSTS).
    pub fn https(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    /// Cookies carry `Secure` except in local development over plain HTTP.
    pub fn secure_cookies(&self) -> bool {
        !self.dev || self.https()
    }

    /// The host part of the public URL (for Message-IDs).
    pub fn host(&self) -> &str {
        let rest = self
            .base_url
            .split_once("://")
            .map(|(_, r)| r)
            .unwrap_or(&self.base_url);
        rest.split(['/', ':']).next().unwrap_or("localhost")
    }
}

fn exit_url(value: Option<String>) -> anyhow::Result<String> {
    let url = value.unwrap_or_else(|| DEFAULT_EXIT_URL.into());
    let url = url.trim();
    let valid = (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() > "https://".len()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if !valid {
        bail!("HAVEN_EXIT_URL must be an http:// or https:// address, not {url:?}");
    }
    Ok(url.to_string())
}

fn number<T: std::str::FromStr + PartialOrd + From<u8>>(
    value: Option<String>,
    name: &str,
    default: T,
) -> anyhow::Result<T> {
    match value {
        None => Ok(default),
        Some(v) => match v.trim().parse::<T>() {
            Ok(n) if n >= T::from(1) => Ok(n),
            _ => bail!("{name} must be a whole number of at least 1, not {v:?}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(&str, &str)]) -> anyhow::Result<Config> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn defaults_match_the_operations_contract() {
        let c = with(&[]).unwrap();
        assert_eq!(c.bind, "127.0.0.1:8080");
        assert_eq!(c.base_url, "http://127.0.0.1:8080");
        assert_eq!(c.mail_from, "Haven <no-reply@localhost>");
        assert_eq!(c.mail_dir, PathBuf::from("./data/mail"));
        assert_eq!(c.master_key_file, PathBuf::from("./data/master.key"));
        assert!(!c.dev);
        assert!(c.smtp_url.is_none());
        assert!(c.secure_cookies());
        assert_eq!((c.mail_retry_secs, c.mail_max_attempts), (30, 8));
        assert_eq!(c.exit_url, "https://weather.gc.ca/");
    }

    #[test]
    fn dev_mode_over_http_drops_secure_cookies() {
        let c = with(&[("HAVEN_DEV", "1")]).unwrap();
        assert!(c.dev && !c.secure_cookies());
    }

    #[test]
    fn bad_values_are_refused_with_a_reason() {
        assert!(with(&[("HAVEN_DEV", "yes")]).is_err());
        assert!(with(&[("HAVEN_BIND", "localhost")]).is_err());
        assert!(with(&[("HAVEN_BASE_URL", "ftp://x")]).is_err());
        assert!(with(&[("HAVEN_MAIL_MAX_ATTEMPTS", "0")]).is_err());
        assert!(with(&[("HAVEN_MAIL_RETRY_SECS", "soon")]).is_err());
        assert!(with(&[("HAVEN_EXIT_URL", "javascript:alert(1)")]).is_err());
        assert!(with(&[("HAVEN_EXIT_URL", "https://a.example/\r\nX: y")]).is_err());
    }

    #[test]
    fn database_url_is_redacted_in_debug() {
        let c = with(&[("DATABASE_URL", "postgres://u:secret@h/db")]).unwrap();
        assert!(!format!("{c:?}").contains("secret"));
    }
}
