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
//! - `HAVEN_NOTIFY_URGENT_MINUTES` minutes between two urgent-notification slots
//! - `HAVEN_NOTIFY_DIGEST_HOUR` hour (UTC, 0–23) of the daily digest slot
//! - `HAVEN_MAIL_CONSTANT`   `1`: every slot mails every group and caseworker on duty
//! - `HAVEN_OUTBOX_KEEP_DAYS` days a delivered email stays in the outbox
//! - `HAVEN_TRUSTED_PROXIES` proxies allowed to name the client (see `access`)
//! - `HAVEN_REQUIRE_2FA`     `all` or `admins`: who must use a second factor
//! - `HAVEN_EXIT_URL`        the neutral site the quick exit leaves for
//! - `HAVEN_ACK_DAYS`        days after a report by which a caseworker first
//!   writes to the reporter (the acknowledgement), 1–365
//! - `HAVEN_RESPONSE_DAYS`   days after a report by which it gets a first
//!   substantive response (referred, in progress or closed), from
//!   `HAVEN_ACK_DAYS` to 365
//! - `HAVEN_ONION_URL`       the onion service's address (`http://….onion`):
//!   public pages say so in `Onion-Location`, so Tor Browser offers it
//! - `HAVEN_METRICS_TOKEN`   bearer token for `GET /metrics` (unset: none)
//! - `HAVEN_DATABASE_POOLER` `transaction`: `DATABASE_URL` goes through a
//!   pooler in transaction mode (PgBouncer); unset: straight to PostgreSQL
//! - `HAVEN_DATABASE_REPLICA_URL` a read-only replica the statistics read
//!   from (unset: the database itself)
//! - `HAVEN_LOG_FORMAT`      `json` (the default) or `text` (the default
//!   with `HAVEN_DEV=1`)

mod access;

use std::path::PathBuf;

use anyhow::{Context, bail};

pub use access::{PasskeyRule, TrustedProxies, TwoFactorRule};

pub const DEFAULT_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/haven";

/// Where the quick exit leaves for: a site anyone might be reading.
pub const DEFAULT_EXIT_URL: &str = "https://weather.gc.ca/";

#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: SecretUrl,
    /// A read-only replica for the statistics, if any.
    pub database_replica_url: Option<SecretUrl>,
    /// `DATABASE_URL` goes through a pooler in transaction mode.
    pub database_pooled: bool,
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
    pub notify_urgent_minutes: i64,
    pub notify_digest_hour: u32,
    pub mail_constant: bool,
    pub outbox_keep_days: i64,
    pub trusted_proxies: TrustedProxies,
    pub require_2fa: TwoFactorRule,
    pub require_passkey: PasskeyRule,
    pub exit_url: String,
    pub ack_days: i64,
    pub response_days: i64,
    /// The onion service's address, if Haven has one.
    pub onion_url: Option<String>,
    /// The token `GET /metrics` asks for; without one, there is no page.
    pub metrics_token: Option<SecretUrl>,
    pub log_format: LogFormat,
}

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
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
        let (ack_days, response_days) = targets(get("HAVEN_ACK_DAYS"), get("HAVEN_RESPONSE_DAYS"))?;
        Ok(Self {
            database_url: SecretUrl(
                get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into()),
            ),
            database_replica_url: get("HAVEN_DATABASE_REPLICA_URL").map(SecretUrl),
            database_pooled: match get("HAVEN_DATABASE_POOLER").as_deref() {
                None | Some("none") => false,
                Some("transaction") => true,
                Some(other) => bail!(
                    "HAVEN_DATABASE_POOLER must be transaction (PgBouncer in transaction mode) or none, not {other:?}"
                ),
            },
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
            notify_urgent_minutes: urgent_minutes(get("HAVEN_NOTIFY_URGENT_MINUTES"))?,
            notify_digest_hour: digest_hour(get("HAVEN_NOTIFY_DIGEST_HOUR"))?,
            mail_constant: match get("HAVEN_MAIL_CONSTANT").as_deref() {
                None | Some("0") | Some("false") => false,
                Some("1") | Some("true") => true,
                Some(other) => bail!("HAVEN_MAIL_CONSTANT must be 0 or 1, not {other:?}"),
            },
            outbox_keep_days: number(get("HAVEN_OUTBOX_KEEP_DAYS"), "HAVEN_OUTBOX_KEEP_DAYS", 7)?,
            trusted_proxies: TrustedProxies::parse(
                &get("HAVEN_TRUSTED_PROXIES").unwrap_or_default(),
            )?,
            require_2fa: TwoFactorRule::parse(get("HAVEN_REQUIRE_2FA").as_deref())?,
            require_passkey: PasskeyRule::parse(get("HAVEN_REQUIRE_PASSKEY").as_deref())?,
            exit_url: exit_url(get("HAVEN_EXIT_URL"))?,
            ack_days,
            response_days,
            onion_url: onion_url(get("HAVEN_ONION_URL"))?,
            metrics_token: metrics_token(get("HAVEN_METRICS_TOKEN"))?,
            log_format: match get("HAVEN_LOG_FORMAT").as_deref() {
                None if dev => LogFormat::Text,
                None => LogFormat::Json,
                Some("text") => LogFormat::Text,
                Some("json") => LogFormat::Json,
                Some(other) => bail!("HAVEN_LOG_FORMAT must be text or json, not {other:?}"),
            },
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

/// Minutes between urgent slots: a divisor of a day, so that slots fall at
/// the same times every day (every 5, 10, 15, 30, 60… minutes).
fn urgent_minutes(value: Option<String>) -> anyhow::Result<i64> {
    let n: i64 = number(value.clone(), "HAVEN_NOTIFY_URGENT_MINUTES", 15)?;
    if 1440 % n != 0 {
        bail!(
            "HAVEN_NOTIFY_URGENT_MINUTES must divide a day (1440 minutes: 5, 10, 15, 30, 60…), not {:?}",
            value.unwrap_or_default()
        );
    }
    Ok(n)
}

/// The hour of the daily digest, 0 to 23 (UTC).
fn digest_hour(value: Option<String>) -> anyhow::Result<u32> {
    match value {
        None => Ok(8),
        Some(v) => match v.trim().parse::<u32>() {
            Ok(h) if h < 24 => Ok(h),
            _ => bail!("HAVEN_NOTIFY_DIGEST_HOUR must be an hour from 0 to 23 (UTC), not {v:?}"),
        },
    }
}

/// The neutral site the quick exit leaves for: an http(s) address.
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

/// The onion service's address: `http://` and a v3 onion name (56 base32
/// characters), nothing after the host but an optional `/`.
fn onion_url(value: Option<String>) -> anyhow::Result<Option<String>> {
    let Some(url) = value else {
        return Ok(None);
    };
    let url = url.trim().trim_end_matches('/');
    let name = url
        .strip_prefix("http://")
        .and_then(|host| host.strip_suffix(".onion"));
    let valid = name.is_some_and(|n| {
        n.len() == 56
            && n.bytes()
                .all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b))
    });
    if !valid {
        bail!(
            "HAVEN_ONION_URL must be the onion service's address, http:// and 56 letters and digits ending in .onion (see /var/lib/tor/haven/hostname), not {url:?}"
        );
    }
    Ok(Some(url.to_string()))
}

/// The metrics token: long enough not to be guessed.
fn metrics_token(value: Option<String>) -> anyhow::Result<Option<SecretUrl>> {
    match value {
        None => Ok(None),
        Some(t) if t.trim().len() >= 32 && t.trim().is_ascii() => {
            Ok(Some(SecretUrl(t.trim().into())))
        }
        Some(_) => bail!(
            "HAVEN_METRICS_TOKEN must be at least 32 characters (for example: openssl rand -hex 32)"
        ),
    }
}

/// The days promised to a reporter: a first acknowledgement, then a first
/// substantive response no sooner than it, each within a year.
fn targets(ack: Option<String>, response: Option<String>) -> anyhow::Result<(i64, i64)> {
    let ack_days: i64 = number(ack, "HAVEN_ACK_DAYS", 7)?;
    let response_days: i64 = number(response, "HAVEN_RESPONSE_DAYS", 30)?;
    if ack_days > 365 {
        bail!("HAVEN_ACK_DAYS must be at most 365 days, not {ack_days}");
    }
    if response_days > 365 {
        bail!("HAVEN_RESPONSE_DAYS must be at most 365 days, not {response_days}");
    }
    if response_days < ack_days {
        bail!(
            "HAVEN_RESPONSE_DAYS ({response_days}) must be at least HAVEN_ACK_DAYS ({ack_days}): \
             a response cannot be due before the acknowledgement"
        );
    }
    Ok((ack_days, response_days))
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
        assert_eq!((c.notify_urgent_minutes, c.notify_digest_hour), (15, 8));
        assert!(!c.mail_constant);
        assert_eq!(c.outbox_keep_days, 7);
        assert!(c.trusted_proxies.is_empty());
        assert_eq!(c.require_2fa, TwoFactorRule::All);
        assert_eq!(c.exit_url, "https://weather.gc.ca/");
        assert_eq!((c.ack_days, c.response_days), (7, 30));
    }

    #[test]
    fn deadline_targets_are_whole_days_with_the_response_last() {
        let c = with(&[("HAVEN_ACK_DAYS", "3"), ("HAVEN_RESPONSE_DAYS", "14")]).unwrap();
        assert_eq!((c.ack_days, c.response_days), (3, 14));
        let same = with(&[("HAVEN_ACK_DAYS", "10"), ("HAVEN_RESPONSE_DAYS", "10")]).unwrap();
        assert_eq!((same.ack_days, same.response_days), (10, 10));
        for bad in [
            &[("HAVEN_ACK_DAYS", "0")][..],
            &[("HAVEN_ACK_DAYS", "a week")],
            &[("HAVEN_ACK_DAYS", "-7")],
            &[("HAVEN_ACK_DAYS", "366")],
            &[("HAVEN_RESPONSE_DAYS", "1.5")],
            &[("HAVEN_RESPONSE_DAYS", "400")],
            &[("HAVEN_RESPONSE_DAYS", "5")],
            &[("HAVEN_ACK_DAYS", "20"), ("HAVEN_RESPONSE_DAYS", "10")],
        ] {
            assert!(with(bad).is_err(), "{bad:?} is refused");
        }
        let e = with(&[("HAVEN_RESPONSE_DAYS", "5")])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("HAVEN_RESPONSE_DAYS (5) must be at least HAVEN_ACK_DAYS (7)"),
            "{e}"
        );
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
        assert!(with(&[("HAVEN_NOTIFY_URGENT_MINUTES", "7")]).is_err());
        assert!(with(&[("HAVEN_NOTIFY_URGENT_MINUTES", "0")]).is_err());
        assert!(with(&[("HAVEN_NOTIFY_DIGEST_HOUR", "24")]).is_err());
        assert!(with(&[("HAVEN_MAIL_CONSTANT", "yes")]).is_err());
        assert!(with(&[("HAVEN_OUTBOX_KEEP_DAYS", "0")]).is_err());
        let c = with(&[
            ("HAVEN_NOTIFY_URGENT_MINUTES", "30"),
            ("HAVEN_NOTIFY_DIGEST_HOUR", "0"),
            ("HAVEN_MAIL_CONSTANT", "1"),
        ])
        .unwrap();
        assert_eq!((c.notify_urgent_minutes, c.notify_digest_hour), (30, 0));
        assert!(c.mail_constant);
        assert!(with(&[("HAVEN_TRUSTED_PROXIES", "proxy.local")]).is_err());
        let e = with(&[("HAVEN_REQUIRE_2FA", "nobody")]).unwrap_err();
        assert!(
            e.to_string()
                .contains("HAVEN_REQUIRE_2FA must be all or admins")
        );
        assert!(with(&[("HAVEN_EXIT_URL", "javascript:alert(1)")]).is_err());
        assert!(with(&[("HAVEN_EXIT_URL", "https://a.example/\r\nX: y")]).is_err());
    }

    #[test]
    fn database_url_is_redacted_in_debug() {
        let c = with(&[("DATABASE_URL", "postgres://u:secret@h/db")]).unwrap();
        assert!(!format!("{c:?}").contains("secret"));
    }

    #[test]
    fn the_onion_address_metrics_token_and_log_format_are_checked() {
        let onion = "http://haveniaxg4ynvjp7mk2zkfq4xn3t6a5cw6twz7ybkxkfaegxglxtyrid.onion";
        assert_eq!(
            with(&[("HAVEN_ONION_URL", &format!("{onion}/"))])
                .unwrap()
                .onion_url
                .as_deref(),
            Some(onion)
        );
        for bad in [
            "https://example.org",
            "http://short.onion",
            "http://haveniaxg4ynvjp7mk2zkfq4xn3t6a5cw6twz7ybkxkfaegxglxtyrid.onion/x\r\nX: y",
        ] {
            assert!(with(&[("HAVEN_ONION_URL", bad)]).is_err(), "{bad}");
        }
        assert!(with(&[("HAVEN_METRICS_TOKEN", "short")]).is_err());
        let token = "0123456789abcdef0123456789abcdef";
        let c = with(&[("HAVEN_METRICS_TOKEN", token), ("HAVEN_LOG_FORMAT", "json")]).unwrap();
        assert_eq!(c.metrics_token.unwrap().expose(), token);
        assert_eq!(c.log_format, LogFormat::Json);
        assert!(with(&[("HAVEN_LOG_FORMAT", "xml")]).is_err());
        assert!(!with(&[]).unwrap().database_pooled);
        assert!(
            with(&[("HAVEN_DATABASE_POOLER", "transaction")])
                .unwrap()
                .database_pooled
        );
        assert!(with(&[("HAVEN_DATABASE_POOLER", "session")]).is_err());
        assert_eq!(with(&[]).unwrap().log_format, LogFormat::Json);
        let dev = with(&[("HAVEN_DEV", "1")]).unwrap();
        assert_eq!(dev.log_format, LogFormat::Text);
    }
}
