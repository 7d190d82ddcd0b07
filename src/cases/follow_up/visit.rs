//! A reporter's visit: started when a case opens, kept alive while used,
//! ended by leaving or by its idle and absolute limits.

use chrono::Utc;

use super::{VISIT_ABSOLUTE_SECS, VISIT_IDLE_SECS};
use crate::context::Ctx;
use std::sync::Arc;

use crate::crypto::{Aad, DataKey, KeyringHandle, Sealed, Seed, digest_token, new_token};
use crate::db;
use crate::error::ServiceError;

/// A live visit.
#[derive(Clone)]
pub struct Visit {
    pub case_id: i64,
    pub csrf_token: String,
    /// What the visit's last action left to confirm on the next page (see
    /// [`leave_notice`]), taken as the visit was resolved; 0 for nothing.
    pub notice: u8,
    token_digest: Vec<u8>,
    /// When the visit was opened (Unix seconds), to seal its clock again.
    opened: i64,
    /// The case's key, opened from the visit with its cookie's secret.
    key: Arc<DataKey>,
}

impl Visit {
    /// The case's key: what the receipt opens.
    pub fn key(&self) -> &DataKey {
        &self.key
    }
}

/// When a visit was opened and last used (Unix seconds), and the notice
/// its last action left for the next page. Stored sealed: these are exact
/// times of a reporter's actions, and what they did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct VisitClock {
    opened: i64,
    last_seen: i64,
    notice: u8,
}

impl VisitClock {
    fn seal(self, keyring: &KeyringHandle, digest: &[u8]) -> Vec<u8> {
        let mut plain = [0u8; 17];
        plain[..8].copy_from_slice(&self.opened.to_be_bytes());
        plain[8..16].copy_from_slice(&self.last_seen.to_be_bytes());
        plain[16] = self.notice;
        keyring
            .seal_transient(&Aad::visit_clock(digest), &plain)
            .as_bytes()
            .to_vec()
    }

    fn open(keyring: &KeyringHandle, digest: &[u8], sealed: Vec<u8>) -> Option<Self> {
        let plain = keyring
            .open_transient(&Aad::visit_clock(digest), &Sealed::from_stored(sealed))
            .ok()?;
        // A clock sealed before notices were kept has none.
        let bytes = plain.as_slice();
        if bytes.len() != 16 && bytes.len() != 17 {
            return None;
        }
        Some(Self {
            opened: i64::from_be_bytes(bytes[..8].try_into().ok()?),
            last_seen: i64::from_be_bytes(bytes[8..16].try_into().ok()?),
            notice: bytes.get(16).copied().unwrap_or(0),
        })
    }

    fn live_at(self, now: i64) -> bool {
        now - self.last_seen < VISIT_IDLE_SECS && now - self.opened < VISIT_ABSOLUTE_SECS
    }
}

/// Starts a visit to `case_id`, holding its key (opened through the
/// receipt) sealed under a key derived from the visit cookie's secret;
/// returns the cookie token.
pub async fn start_visit(state: &Ctx, case_id: i64, key: &DataKey) -> Result<String, ServiceError> {
    let token = new_token();
    let digest = digest_token(&token);
    let csrf = new_token();
    let sealed_key = Seed::of_visit_token(&token).seal_key(&Aad::visit_key(&digest), key);
    let now = Utc::now().timestamp();
    let clock = VisitClock {
        opened: now,
        last_seen: now,
        notice: 0,
    }
    .seal(&state.keyring, &digest);
    state
        .db
        .run(move |conn| {
            db::reporter_sessions::insert(conn, &digest, case_id, &csrf, &clock, &sealed_key)
        })
        .await?;
    Ok(token)
}

/// The live visit of `token`, its idle timer refreshed; a visit past its
/// limits (or whose clock cannot be opened) ends here.
pub async fn resolve_visit(state: &Ctx, token: &str) -> Result<Option<Visit>, ServiceError> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let digest = digest_token(token);
    let d = digest.clone();
    let keyring = state.keyring.clone();
    let found = state
        .db
        .run(move |conn| {
            let Some((case_id, csrf, sealed, sealed_key)) = db::reporter_sessions::find(conn, &d)?
            else {
                return Ok(None);
            };
            let now = Utc::now().timestamp();
            match VisitClock::open(&keyring, &d, sealed).filter(|c| c.live_at(now)) {
                Some(clock) => {
                    // The notice is shown once: taken now.
                    let refreshed = VisitClock {
                        last_seen: now,
                        notice: 0,
                        ..clock
                    }
                    .seal(&keyring, &d);
                    db::reporter_sessions::set_clock(conn, &d, &refreshed)?;
                    Ok(Some((
                        case_id,
                        csrf,
                        sealed_key,
                        clock.opened,
                        clock.notice,
                    )))
                }
                None => {
                    db::reporter_sessions::delete(conn, &d)?;
                    Ok(None)
                }
            }
        })
        .await?;
    let Some((case_id, csrf_token, Some(sealed_key), opened, notice)) = found else {
        return Ok(None);
    };
    // A visit whose key does not open (from before keys were held by
    // people) is no visit: the reporter opens the case again.
    let Ok(key) = Seed::of_visit_token(token).open_key(&Aad::visit_key(&digest), &sealed_key)
    else {
        return Ok(None);
    };
    Ok(Some(Visit {
        case_id,
        csrf_token,
        notice,
        token_digest: digest,
        opened,
        key: Arc::new(key),
    }))
}

/// Leaves `notice` (non-zero) for the visit's next page: what an action
/// did is confirmed there without going into the page's address, where a
/// browser's history would keep it.
pub async fn leave_notice(state: &Ctx, visit: &Visit, notice: u8) -> Result<(), ServiceError> {
    let digest = visit.token_digest.clone();
    let clock = VisitClock {
        opened: visit.opened,
        last_seen: Utc::now().timestamp(),
        notice,
    }
    .seal(&state.keyring, &digest);
    state
        .db
        .run(move |conn| db::reporter_sessions::set_clock(conn, &digest, &clock))
        .await?;
    Ok(())
}

pub async fn end_visit(state: &Ctx, visit: &Visit) -> Result<(), ServiceError> {
    let digest = visit.token_digest.clone();
    state
        .db
        .run(move |conn| db::reporter_sessions::delete(conn, &digest))
        .await?;
    Ok(())
}
