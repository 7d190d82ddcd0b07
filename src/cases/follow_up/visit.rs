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
    token_digest: Vec<u8>,
    /// The case's key, opened from the visit with its cookie's secret.
    key: Arc<DataKey>,
}

impl Visit {
    /// The case's key: what the receipt opens.
    pub fn key(&self) -> &DataKey {
        &self.key
    }
}

/// When a visit was opened and last used (Unix seconds). Stored sealed:
/// these are exact times of a reporter's actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct VisitClock {
    opened: i64,
    last_seen: i64,
}

impl VisitClock {
    fn seal(self, keyring: &KeyringHandle, digest: &[u8]) -> Vec<u8> {
        let mut plain = [0u8; 16];
        plain[..8].copy_from_slice(&self.opened.to_be_bytes());
        plain[8..].copy_from_slice(&self.last_seen.to_be_bytes());
        keyring
            .seal_transient(&Aad::visit_clock(digest), &plain)
            .as_bytes()
            .to_vec()
    }

    fn open(keyring: &KeyringHandle, digest: &[u8], sealed: Vec<u8>) -> Option<Self> {
        let plain = keyring
            .open_transient(&Aad::visit_clock(digest), &Sealed::from_stored(sealed))
            .ok()?;
        let bytes: [u8; 16] = plain.as_slice().try_into().ok()?;
        Some(Self {
            opened: i64::from_be_bytes(bytes[..8].try_into().ok()?),
            last_seen: i64::from_be_bytes(bytes[8..].try_into().ok()?),
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
                    let refreshed = VisitClock {
                        last_seen: now,
                        ..clock
                    }
                    .seal(&keyring, &d);
                    db::reporter_sessions::set_clock(conn, &d, &refreshed)?;
                    Ok(Some((case_id, csrf, sealed_key)))
                }
                None => {
                    db::reporter_sessions::delete(conn, &d)?;
                    Ok(None)
                }
            }
        })
        .await?;
    let Some((case_id, csrf_token, Some(sealed_key))) = found else {
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
        token_digest: digest,
        key: Arc::new(key),
    }))
}

pub async fn end_visit(state: &Ctx, visit: &Visit) -> Result<(), ServiceError> {
    let digest = visit.token_digest.clone();
    state
        .db
        .run(move |conn| db::reporter_sessions::delete(conn, &digest))
        .await?;
    Ok(())
}
