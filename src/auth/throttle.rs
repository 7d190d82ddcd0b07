//! Throttling of failed sign-ins, per source and per account name.
//!
//! - Per source (the connecting address): at most 20 failures in 15
//!   minutes, counted in this instance's memory only and forgotten after
//!   the window, so no address is ever written anywhere.
//! - Per account name (the email as typed, keyed-hashed, known or not):
//!   after 5 failures in 15 minutes each further failure holds the name
//!   back for 1, 2, 4… minutes, never more than 15. The hold does not apply
//!   to a browser that has signed in to that account before (it carries a
//!   signed "known device" cookie), so an attacker can slow a caseworker's
//!   account down for strangers but cannot lock the caseworker out.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::db::{self, DbError};
use crate::web::AppState;

pub const WINDOW_SECS: i64 = 15 * 60;
pub const FREE_FAILURES_PER_ACCOUNT: i32 = 5;
pub const MAX_FAILURES_PER_SOURCE: u32 = 20;
pub const MAX_HOLD_SECS: i64 = 15 * 60;
/// How many sources are remembered at most (oldest forgotten first).
const MAX_SOURCES: usize = 100_000;

/// Failures per source, in memory.
#[derive(Default)]
pub struct SourceLimiter {
    seen: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

impl SourceLimiter {
    /// How long `source` must still wait, if it is blocked.
    pub fn blocked_for(&self, source: IpAddr) -> Option<Duration> {
        let seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        let (count, since) = seen.get(&source)?;
        let window = Duration::from_secs(WINDOW_SECS as u64);
        let elapsed = since.elapsed();
        (*count >= MAX_FAILURES_PER_SOURCE && elapsed < window).then(|| window - elapsed)
    }

    pub fn record_failure(&self, source: IpAddr) {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        let window = Duration::from_secs(WINDOW_SECS as u64);
        if seen.len() >= MAX_SOURCES {
            seen.retain(|_, (_, since)| since.elapsed() < window);
        }
        let entry = seen.entry(source).or_insert((0, Instant::now()));
        if entry.1.elapsed() >= window {
            *entry = (0, Instant::now());
        }
        entry.0 += 1;
    }

    pub fn forget(&self, source: IpAddr) {
        self.seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&source);
    }
}

/// The throttle key of an account name as typed.
pub fn account_key(state: &AppState, email: &str) -> Vec<u8> {
    state.throttle_keys().digest(&email.trim().to_lowercase())
}

/// How long sign-ins for this account name are held back, if they are.
pub async fn account_held_until(
    state: &AppState,
    key: Vec<u8>,
) -> Result<Option<DateTime<Utc>>, DbError> {
    state
        .db
        .run(move |conn| db::throttles::throttled_until(conn, &key, Utc::now()))
        .await
}

/// Counts a failure for this account name and holds it back when the free
/// failures are used up.
pub async fn account_failed(state: &AppState, key: Vec<u8>) -> Result<(), DbError> {
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let now = Utc::now();
                let failures = db::throttles::record_failure(conn, &key, now, WINDOW_SECS)?;
                if let Some(hold) = hold_secs(failures) {
                    db::throttles::hold_until(conn, &key, now + chrono::Duration::seconds(hold))?;
                }
                Ok(())
            })
        })
        .await
}

pub async fn account_succeeded(state: &AppState, key: Vec<u8>) -> Result<(), DbError> {
    state
        .db
        .run(move |conn| db::throttles::clear(conn, &key))
        .await
}

/// The hold after `failures` failures in a window, if any.
pub fn hold_secs(failures: i32) -> Option<i64> {
    let over = failures - FREE_FAILURES_PER_ACCOUNT;
    (over > 0).then(|| (60i64 << (over - 1).min(10)).min(MAX_HOLD_SECS))
}

/// The "known device" cookie: proof that this browser signed in to the
/// account before. Signed, so it cannot be forged; scoped to the sign-in
/// page; valid 180 days.
pub const DEVICE_COOKIE: &str = "haven_device";
pub const DEVICE_VALID_SECS: i64 = 180 * 24 * 3600;

pub fn device_token(state: &AppState, user_id: i64) -> String {
    format!(
        "{user_id}.{}",
        state
            .forms()
            .issue(&format!("device/{user_id}"), crate::web::now_unix())
    )
}

pub fn device_is_known(state: &AppState, cookie: Option<&str>, user_id: i64) -> bool {
    let Some((id, token)) = cookie.and_then(|c| c.split_once('.')) else {
        return false;
    };
    id == user_id.to_string()
        && state.forms().verify(
            &format!("device/{user_id}"),
            token,
            crate::web::now_unix(),
            DEVICE_VALID_SECS,
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_grow_and_are_capped() {
        assert_eq!(hold_secs(5), None);
        assert_eq!(hold_secs(6), Some(60));
        assert_eq!(hold_secs(7), Some(120));
        assert_eq!(hold_secs(9), Some(480));
        assert_eq!(hold_secs(10), Some(900));
        assert_eq!(hold_secs(100), Some(900));
    }

    #[test]
    fn a_source_is_blocked_after_its_failures_only() {
        let limiter = SourceLimiter::default();
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        for _ in 0..MAX_FAILURES_PER_SOURCE {
            assert!(limiter.blocked_for(a).is_none());
            limiter.record_failure(a);
        }
        assert!(limiter.blocked_for(a).is_some());
        assert!(limiter.blocked_for(b).is_none());
        limiter.forget(a);
        assert!(limiter.blocked_for(a).is_none());
    }
}
