//! Throttling of failed sign-ins, per source, per account name and per
//! known browser. Every check here is cheap and comes before any Argon2
//! work: a held-back attempt costs no hash.
//!
//! - Per source (the client's address, see `web::client_address`): at
//!   most 20 failures in 15 minutes, counted in this instance's memory only
//!   and forgotten after the window, so no address is ever written anywhere.
//! - Per account name (the email as typed, keyed-hashed, known or not):
//!   after 5 failures in 15 minutes each further failure holds the name
//!   back for 1, 2, 4… minutes, never more than 15.
//! - A browser that has signed in to the account before carries a signed
//!   "known device" cookie. Neither of the holds above applies to it, so
//!   what others do from the same address or against the same name cannot
//!   lock the account's owner out; it has a count of its own instead (20
//!   failures in 15 minutes, in memory), which only its own failures fill.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::context::Ctx;
use crate::crypto::{Aad, Sealed};
use crate::db::{self, DbError};

pub const WINDOW_SECS: i64 = 15 * 60;
pub const FREE_FAILURES_PER_ACCOUNT: i32 = 5;
pub const MAX_FAILURES_PER_SOURCE: u32 = 20;
pub const MAX_HOLD_SECS: i64 = 15 * 60;
/// How many sources are remembered at most (oldest forgotten first).
const MAX_SOURCES: usize = 100_000;

/// Failures per key (a source address, a known browser), in memory.
pub struct Limiter<K> {
    seen: Mutex<HashMap<K, (u32, Instant)>>,
}

/// Failures per source address.
pub type SourceLimiter = Limiter<IpAddr>;

impl<K> Default for Limiter<K> {
    fn default() -> Self {
        Self {
            seen: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Hash + Eq> Limiter<K> {
    /// How long `key` must still wait, if it is blocked.
    pub fn blocked_for(&self, key: &K) -> Option<Duration> {
        let seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        let (count, since) = seen.get(key)?;
        let window = Duration::from_secs(WINDOW_SECS as u64);
        let elapsed = since.elapsed();
        (*count >= MAX_FAILURES_PER_SOURCE && elapsed < window).then(|| window - elapsed)
    }

    pub fn record_failure(&self, key: K) {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        let window = Duration::from_secs(WINDOW_SECS as u64);
        if seen.len() >= MAX_SOURCES {
            seen.retain(|_, (_, since)| since.elapsed() < window);
        }
        let entry = seen.entry(key).or_insert((0, Instant::now()));
        if entry.1.elapsed() >= window {
            *entry = (0, Instant::now());
        }
        entry.0 += 1;
    }

    /// Counts an attempt as a failure before its work is done, unless `key`
    /// is already blocked (then says how long it must wait, and counts
    /// nothing). One step under one lock, so that a burst arriving together
    /// is held back as it arrives: only the first attempts up to the limit
    /// get through.
    pub fn try_charge(&self, key: K) -> Result<(), Duration> {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        let window = Duration::from_secs(WINDOW_SECS as u64);
        if seen.len() >= MAX_SOURCES {
            seen.retain(|_, (_, since)| since.elapsed() < window);
        }
        let entry = seen.entry(key).or_insert((0, Instant::now()));
        if entry.1.elapsed() >= window {
            *entry = (0, Instant::now());
        }
        if entry.0 >= MAX_FAILURES_PER_SOURCE {
            return Err(window - entry.1.elapsed());
        }
        entry.0 += 1;
        Ok(())
    }

    /// Takes back one failure counted before the work was done (the attempt
    /// succeeded after all).
    pub fn refund(&self, key: &K) {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(entry) = seen.get_mut(key) {
            entry.0 = entry.0.saturating_sub(1);
        }
    }

    pub fn forget(&self, key: &K) {
        self.seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(key);
    }
}

/// While something is held back, lets one attempt through every
/// [`HELD_CHECK_SECS`] per key (a reference, a source) and answers the
/// others "wait" without hashing. In memory, per instance.
#[derive(Default)]
pub struct HeldChecks {
    last: Mutex<HashMap<Vec<u8>, Instant>>,
    budgets: Mutex<HashMap<Vec<u8>, (Instant, u32)>>,
}

/// One attempt per held key per this many seconds reaches Argon2.
pub const HELD_CHECK_SECS: u64 = 3;

impl HeldChecks {
    /// Whether one more of at most `max` checks per [`HELD_CHECK_SECS`] may
    /// be spent on `key` now.
    pub fn try_spend(&self, key: &[u8], max: u32) -> bool {
        let every = Duration::from_secs(HELD_CHECK_SECS);
        let mut budgets = self.budgets.lock().unwrap_or_else(|p| p.into_inner());
        if budgets.len() >= MAX_SOURCES {
            budgets.retain(|_, (since, _)| since.elapsed() < every);
        }
        let entry = budgets.entry(key.to_vec()).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= every {
            *entry = (Instant::now(), 0);
        }
        if entry.1 >= max {
            return false;
        }
        entry.1 += 1;
        true
    }

    /// Whether an attempt on `key` may be checked now (and if so, the next
    /// one waits [`HELD_CHECK_SECS`]).
    pub fn try_take(&self, key: &[u8]) -> bool {
        let every = Duration::from_secs(HELD_CHECK_SECS);
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        if last.len() >= MAX_SOURCES {
            last.retain(|_, at| at.elapsed() < every);
        }
        match last.get(key) {
            Some(at) if at.elapsed() < every => false,
            _ => {
                last.insert(key.to_vec(), Instant::now());
                true
            }
        }
    }
}

/// How many attempts from one held source are checked with Argon2 per
/// [`HELD_CHECK_SECS`], whatever references they name: this bounds the
/// work a held source can cause, while each reference keeps a turn of its
/// own within it (see `cases::follow_up::open`).
pub const HELD_SOURCE_CHECKS: u32 = 4;

/// Attempts under way per key (a form token), in memory, per instance.
/// [`InFlight::enter`] hands out a guard that leaves on drop.
#[derive(Default)]
pub struct InFlight {
    busy: Mutex<HashMap<Vec<u8>, u32>>,
}

/// One attempt under way; it leaves when dropped.
pub struct Entered<'a> {
    owner: &'a InFlight,
    key: Vec<u8>,
}

impl InFlight {
    /// Enters an attempt on `key`, unless `limit` are already under way.
    pub fn enter(&self, key: Vec<u8>, limit: u32) -> Option<Entered<'_>> {
        let mut busy = self.busy.lock().unwrap_or_else(|p| p.into_inner());
        let n = busy.entry(key.clone()).or_insert(0);
        if *n >= limit {
            return None;
        }
        *n += 1;
        Some(Entered { owner: self, key })
    }
}

impl Drop for Entered<'_> {
    fn drop(&mut self) {
        let mut busy = self.owner.busy.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = busy.get_mut(&self.key) {
            *n -= 1;
            if *n == 0 {
                busy.remove(&self.key);
            }
        }
    }
}

/// The in-flight key of a source address.
pub fn source_key(source: IpAddr) -> Vec<u8> {
    match source {
        IpAddr::V4(a) => a.octets().to_vec(),
        IpAddr::V6(a) => a.octets().to_vec(),
    }
}

/// The throttle key of an account name as typed.
///
/// The name is normalised exactly as sign-in finds the account (NFKC, lower
/// case), so that `ａna@x.org` and `ana@x.org` share one hold: every way of
/// typing one address counts against the same account.
pub fn account_key(state: &Ctx, email: &str) -> Vec<u8> {
    let name = crate::domain::EmailAddress::parse(email)
        .map(|e| e.as_str().to_string())
        .unwrap_or_else(|| crate::domain::nfkc(email.trim()).to_lowercase());
    state.throttle_keys().digest(&name)
}

/// How long sign-ins for this account name are held back, if they are.
pub async fn account_held_until(
    state: &Ctx,
    key: Vec<u8>,
) -> Result<Option<DateTime<Utc>>, DbError> {
    state
        .db
        .run(move |conn| db::throttles::throttled_until(conn, &key, Utc::now()))
        .await
}

/// Counts a failure for this account name and holds it back when the free
/// failures are used up.
pub async fn account_failed(state: &Ctx, key: Vec<u8>) -> Result<(), DbError> {
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

pub async fn account_succeeded(state: &Ctx, key: Vec<u8>) -> Result<(), DbError> {
    state
        .db
        .run(move |conn| db::throttles::clear(conn, &key))
        .await
}

/// The throttle key of what a signed-in person types to prove it is them
/// (a password, a code, a passkey, on their own account pages): filled by
/// their own sessions' attempts only, so that a stranger holding the
/// account's name back at sign-in does not lock the owner out of their own
/// two-factor page.
pub fn own_key(state: &Ctx, user_id: i64) -> Vec<u8> {
    state
        .throttle_keys()
        .digest(&format!("own-account-checks/{user_id}"))
}

/// Counts an attempt on `key` before it is checked (taken back by
/// [`account_succeeded`] when it was right), and refuses it while the key
/// is held: attempts sent at once wait for each other, so none of them
/// slips past the count. The seconds to wait, when refused.
pub async fn charge_first(state: &Ctx, key: Vec<u8>) -> Result<Result<(), i64>, DbError> {
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::throttles::lock(conn, &key)?;
                let now = Utc::now();
                if let Some(until) = db::throttles::throttled_until(conn, &key, now)? {
                    return Ok(Err((until - now).num_seconds().max(1)));
                }
                let failures = db::throttles::record_failure(conn, &key, now, WINDOW_SECS)?;
                if let Some(hold) = hold_secs(failures + 1) {
                    db::throttles::hold_until(conn, &key, now + chrono::Duration::seconds(hold))?;
                }
                Ok(Ok(()))
            })
        })
        .await
}

/// The hold after `failures` failures in a window, if any.
pub fn hold_secs(failures: i32) -> Option<i64> {
    let over = failures - FREE_FAILURES_PER_ACCOUNT;
    (over > 0).then(|| (60i64 << (over - 1).min(10)).min(MAX_HOLD_SECS))
}

/// The "known device" cookie (`CookieName::DEVICE`): proof that this
/// browser signed in to the account before. Signed, so it cannot be
/// forged; valid 180 days.
pub const DEVICE_VALID_SECS: i64 = 180 * 24 * 3600;

/// What ties a known-device cookie to the account's current password: a
/// short digest of its hash. Changing or resetting the password changes it,
/// so every browser known before (an intruder's included) is a stranger
/// again.
pub fn device_binding(password_hash: Option<&str>) -> String {
    let digest = crate::crypto::digest_token(password_hash.unwrap_or(""));
    hex::encode(&digest[..8])
}

pub fn device_token(state: &Ctx, user_id: i64, binding: &str) -> String {
    format!(
        "{user_id}.{}",
        state.keyring.devices().issue(
            &format!("device/{user_id}/{binding}"),
            chrono::Utc::now().timestamp()
        )
    )
}

pub fn device_is_known(state: &Ctx, cookie: Option<&str>, user_id: i64, binding: &str) -> bool {
    let Some((id, token)) = cookie.and_then(|c| c.split_once('.')) else {
        return false;
    };
    id == user_id.to_string()
        && state.keyring.devices().verify(
            &format!("device/{user_id}/{binding}"),
            token,
            chrono::Utc::now().timestamp(),
            DEVICE_VALID_SECS,
        )
}

/// Signing out tells the browser to clear Haven's cookies, the known-device
/// cookie among them; the sign-in page it is then sent to hands that cookie
/// back, so that signing out does not cost the owner their protection. The
/// hand-over travels in that redirect's URL, sealed (opaque in the
/// browser's history), and is good for this many seconds.
pub const HANDOFF_SECS: i64 = 60;

/// The sealed hand-over of `user_id`'s known-device cookie.
pub fn device_handoff(state: &Ctx, user_id: i64, binding: &str) -> String {
    let plain = format!("{user_id}.{}.{binding}", chrono::Utc::now().timestamp());
    hex::encode(
        state
            .keyring
            .seal_transient(&Aad::device_handoff(), plain.as_bytes())
            .as_bytes(),
    )
}

/// The account (and password binding) whose known-device cookie `handoff`
/// hands back, if it is genuine and fresh.
pub fn take_device_handoff(state: &Ctx, handoff: &str) -> Option<(i64, String)> {
    let bytes = hex::decode(handoff).ok()?;
    let plain = state
        .keyring
        .open_transient(&Aad::device_handoff(), &Sealed::from_stored(bytes))
        .ok()?;
    let mut parts = std::str::from_utf8(&plain).ok()?.splitn(3, '.');
    let (user_id, issued, binding) = (parts.next()?, parts.next()?, parts.next()?);
    let age = chrono::Utc::now().timestamp() - issued.parse::<i64>().ok()?;
    if !(0..=HANDOFF_SECS).contains(&age) {
        return None;
    }
    Some((user_id.parse().ok()?, binding.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_flight_attempts_are_capped_per_key_and_leave_when_done() {
        let in_flight = InFlight::default();
        let a: Vec<_> = (0..2)
            .filter_map(|_| in_flight.enter(b"a".to_vec(), 2))
            .collect();
        assert_eq!(a.len(), 2);
        assert!(in_flight.enter(b"a".to_vec(), 2).is_none(), "a third waits");
        assert!(
            in_flight.enter(b"b".to_vec(), 2).is_some(),
            "another key does not"
        );
        drop(a);
        assert!(
            in_flight.enter(b"a".to_vec(), 2).is_some(),
            "and leaving frees a place"
        );
    }

    #[test]
    fn a_held_source_spends_a_bounded_number_of_checks() {
        let checks = HeldChecks::default();
        let spent = (0..10).filter(|_| checks.try_spend(b"s", 4)).count();
        assert_eq!(spent, 4);
        assert!(checks.try_spend(b"t", 4), "another source has its own");
    }

    #[test]
    fn a_refund_takes_back_one_failure() {
        let limiter: Limiter<u8> = Limiter::default();
        for _ in 0..MAX_FAILURES_PER_SOURCE {
            limiter.record_failure(1);
        }
        assert!(limiter.blocked_for(&1).is_some());
        limiter.refund(&1);
        assert!(limiter.blocked_for(&1).is_none());
    }

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
            assert!(limiter.blocked_for(&a).is_none());
            limiter.record_failure(a);
        }
        assert!(limiter.blocked_for(&a).is_some());
        assert!(limiter.blocked_for(&b).is_none());
        limiter.forget(&a);
        assert!(limiter.blocked_for(&a).is_none());
    }

    #[test]
    fn a_held_key_lets_one_check_through_at_a_time() {
        let checks = HeldChecks::default();
        assert!(checks.try_take(b"ref"));
        assert!(!checks.try_take(b"ref"), "the next waits");
        assert!(checks.try_take(b"other"), "keys are apart");
    }
}
