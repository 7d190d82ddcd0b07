//! The reporter's side of a case: opened with reference and receipt, for a
//! short visit. A reporter reads the status in plain words and the
//! caseworkers' messages, replies, adds evidence, and can ask for the
//! report to be deleted.
//!
//! Opening is slow on purpose (Argon2id) and costs the same for a wrong
//! receipt as for an unknown reference. Failures are counted per reference
//! (keyed hash, in PostgreSQL) and per source (in memory only, forgotten
//! after the window: no reporter address is ever stored). While a
//! reference or a source is held back, one attempt for it every
//! `throttle::HELD_CHECK_SECS` seconds is checked — the right receipt then
//! opens — and the others are answered "wait" without any hashing: the
//! hold bounds the Argon2 work an attacker can cause, and guessing is
//! bounded by the receipt's 66 random bits.
//!
//! A deletion request takes effect after a grace period of
//! [`DELETION_GRACE_HOURS`], during which the reporter can cancel it (a
//! request made under pressure can be taken back); a caseworker can carry
//! it out at once.

use std::net::IpAddr;

use chrono::{DateTime, Utc};

use super::data_key;
use super::evidence::{EvidenceUpload, within_case_cap};
use super::intake::seal_files;
use super::messages::{self, Message};
use crate::auth::throttle;
use crate::context::Ctx;
use crate::crypto::{Aad, KeyringHandle, Sealed, digest_token, new_token};
use crate::db::{self, DbError, cases::CaseRow};
use crate::domain::text::{self, MultiLine};
use crate::domain::{CaseReference, EventKind, Receipt};
use crate::error::ServiceError;

pub const VISIT_IDLE_SECS: i64 = 20 * 60;
pub const VISIT_ABSOLUTE_SECS: i64 = 2 * 3600;
pub const DELETION_GRACE_HOURS: i64 = 72;

/// The outcome of reference + receipt.
pub enum Opening {
    Opened(i64),
    Wrong,
    /// Held back: try again in a few seconds.
    Held,
}

/// The key under which a held source's attempts on one reference are let
/// through one at a time. Per reference, so that an attacker hammering one
/// reference (or many) from an address that reporters share — an onion
/// service, a Tor exit — does not take the turns of every other reporter
/// behind it. (The reference keys are bare digests, so the two cannot meet.)
fn source_key(source: IpAddr, reference_key: &[u8]) -> Vec<u8> {
    let mut key = format!("follow-up-source/{source}/").into_bytes();
    key.extend_from_slice(reference_key);
    key
}

pub async fn open(
    state: &Ctx,
    source: IpAddr,
    reference: &str,
    receipt: &str,
) -> Result<Opening, ServiceError> {
    let parsed = CaseReference::parse(reference);
    let key = state.throttle_keys().digest(&format!(
        "follow-up/{}",
        parsed
            .as_ref()
            .map(|r| r.as_str())
            .unwrap_or(reference.trim())
    ));
    // The holds come first and cost no hash: while a source or a reference
    // is held back, one attempt every few seconds is checked and the
    // others are told to wait.
    // While the source is held: one turn every few seconds per reference
    // (so that one reference hammered from a shared address does not take
    // the turns of the others behind it), within a few checks per source
    // in that time (so that the work it can cause stays bounded).
    let source_held = state.follow_up_sources.blocked_for(&source).is_some();
    if source_held {
        let mut budget = b"follow-up-budget/".to_vec();
        budget.extend(throttle::source_key(source));
        if !state.held_checks.try_take(&source_key(source, &key))
            || !state
                .held_checks
                .try_spend(&budget, throttle::HELD_SOURCE_CHECKS)
        {
            return Ok(Opening::Held);
        }
    }
    let reference_held = throttle::account_held_until(state, key.clone())
        .await?
        .is_some();
    if reference_held && !state.held_checks.try_take(&key) {
        return Ok(Opening::Held);
    }
    // Counted against the source before the hash, taken back on success: a
    // burst reaches the source's limit as it arrives. Past the limit, only
    // the turns above reach Argon2.
    let charged = state.follow_up_sources.try_charge(source).is_ok();
    if !charged && !source_held {
        return Ok(Opening::Held);
    }
    let found = match &parsed {
        Some(r) => {
            let r = r.as_str().to_string();
            state
                .db
                .run(move |conn| {
                    let hash = db::cases::receipt_hash(conn, &r)?;
                    let case = db::cases::find_by_reference(conn, &r)?.map(|c| c.id);
                    Ok(hash.zip(case))
                })
                .await?
        }
        None => None,
    };
    let receipt = Receipt::parse(receipt)
        .map(|r| r.expose().to_string())
        .unwrap_or_else(|| receipt.to_string());
    // The same Argon2 work whether the reference exists or not.
    let ok = state
        .hasher
        .verify(receipt, found.as_ref().map(|(h, _)| h.clone()))
        .await?
        && found.is_some();
    // The right receipt opens even while held, when its attempt is the one
    // checked: 66 random bits behind Argon2id cannot be guessed at one
    // attempt every few seconds, and no one who only knows a reference, or
    // shares the reporter's address, can lock the reporter out for good.
    if let (true, Some((_, case_id))) = (ok, found) {
        if charged {
            state.follow_up_sources.refund(&source);
        }
        throttle::account_succeeded(state, key).await?;
        return Ok(Opening::Opened(case_id));
    }
    throttle::account_failed(state, key).await?;
    Ok(if source_held || reference_held {
        Opening::Held
    } else {
        Opening::Wrong
    })
}

/// A live visit.
#[derive(Clone)]
pub struct Visit {
    pub case_id: i64,
    pub csrf_token: String,
    token_digest: Vec<u8>,
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

/// Starts a visit to `case_id`; returns the cookie token.
pub async fn start_visit(state: &Ctx, case_id: i64) -> Result<String, ServiceError> {
    let token = new_token();
    let digest = digest_token(&token);
    let csrf = new_token();
    let now = Utc::now().timestamp();
    let clock = VisitClock {
        opened: now,
        last_seen: now,
    }
    .seal(&state.keyring, &digest);
    state
        .db
        .run(move |conn| db::reporter_sessions::insert(conn, &digest, case_id, &csrf, &clock))
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
            let Some((case_id, csrf, sealed)) = db::reporter_sessions::find(conn, &d)? else {
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
                    Ok(Some((case_id, csrf)))
                }
                None => {
                    db::reporter_sessions::delete(conn, &d)?;
                    Ok(None)
                }
            }
        })
        .await?;
    Ok(found.map(|(case_id, csrf_token)| Visit {
        case_id,
        csrf_token,
        token_digest: digest,
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

/// What a reporter sees of their case.
pub struct ReporterView {
    pub reference: String,
    pub status: String,
    pub received: String,
    pub messages: Vec<Message>,
    pub files: i64,
    pub deletion_due: Option<String>,
}

async fn case_of(state: &Ctx, visit: &Visit) -> Result<CaseRow, ServiceError> {
    let id = visit.case_id;
    // A case deleted during the visit is simply gone.
    state
        .db
        .run(move |conn| db::cases::find(conn, id))
        .await?
        .ok_or(ServiceError::NotFound)
}

fn day(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}

pub async fn view(state: &Ctx, visit: &Visit) -> Result<ReporterView, ServiceError> {
    let case = case_of(state, visit).await?;
    let messages = messages::for_case(state, &case).await?;
    let id = case.id;
    let files = state
        .db
        .run(move |conn| db::evidence::list_for_case(conn, id))
        .await?
        .len() as i64;
    Ok(ReporterView {
        reference: case.reference.clone(),
        status: case.status.clone(),
        received: day(&case.received_at),
        messages,
        files,
        deletion_due: case.deletion_due_at.as_ref().map(super::stamp),
    })
}

/// Posts the reporter's reply; `Err(message key)` when it is refused
/// (empty or invisible only, too long, or holding control characters).
pub async fn reply(
    state: &Ctx,
    visit: &Visit,
    body: &str,
) -> Result<Result<(), &'static str>, ServiceError> {
    if MultiLine::parse(body).is_err() {
        return Ok(Err("error-control-characters"));
    }
    if !messages::valid(body) || text::is_blank(body) {
        return Ok(Err("follow-up-error-message"));
    }
    let case = case_of(state, visit).await?;
    messages::post(state, case, None, body).await?;
    // No case id: the line's own time would date the reporter's action.
    tracing::info!("message from a reporter");
    Ok(Ok(()))
}

/// The outcome of adding evidence at follow-up.
pub enum Added {
    Files(usize),
    /// The case would hold more than its cap: nothing was added.
    OverCap,
}

pub async fn add_evidence(
    state: &Ctx,
    visit: &Visit,
    files: Vec<EvidenceUpload>,
) -> Result<Added, ServiceError> {
    let case = case_of(state, visit).await?;
    let key = data_key(state, &case)?;
    let reference = CaseReference::parse(&case.reference)
        .ok_or_else(|| ServiceError::internal(anyhow::anyhow!("bad reference")))?;
    let rows = seal_files(&key, &reference, &files);
    let n = rows.len();
    let new_bytes: i64 = files.iter().map(|f| f.bytes.len() as i64).sum();
    let case_id = case.id;
    let assignee = case.assignee_id;
    let notifier = super::notify::Notifier::new(&state.config);
    let added = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let (held_files, held_bytes) = db::evidence::totals_for_case_locked(conn, case_id)?;
                if !within_case_cap(held_files, held_bytes, n as i64, new_bytes) {
                    return Ok(false);
                }
                for mut row in rows {
                    row.case_id = case_id;
                    db::evidence::insert(conn, &row)?;
                }
                notifier.reporter_activity(conn, assignee)?;
                db::events::record(
                    conn,
                    case_id,
                    None,
                    EventKind::EvidenceAdded.as_str(),
                    &n.to_string(),
                )?;
                Ok(true)
            })
        })
        .await?;
    // No case id: the line's own time would date the reporter's action.
    if !added {
        tracing::info!("evidence refused: the case is at its cap");
        return Ok(Added::OverCap);
    }
    tracing::info!("evidence added by a reporter");
    Ok(Added::Files(n))
}

pub async fn request_deletion(
    state: &Ctx,
    visit: &Visit,
    cancel: bool,
) -> Result<(), ServiceError> {
    let id = visit.case_id;
    let notifier = super::notify::Notifier::new(&state.config);
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let due = (!cancel).then(|| deletion_due(Utc::now()));
                db::cases::set_deletion_due(conn, id, due)?;
                if !cancel {
                    let assignee = db::cases::find(conn, id)?.and_then(|c| c.assignee_id);
                    notifier.reporter_activity(conn, assignee)?;
                }
                let kind = if cancel {
                    EventKind::DeletionCancelled
                } else {
                    EventKind::DeletionRequested
                };
                db::events::record(conn, id, None, kind.as_str(), "")?;
                Ok::<_, DbError>(())
            })
        })
        .await?;
    tracing::info!(cancel, "deletion request from a reporter");
    Ok(())
}

/// When a deletion requested at `now` takes effect: after the grace period,
/// on the hour (rounded up), so that the due date does not give the exact
/// time of the request.
pub fn deletion_due(now: DateTime<Utc>) -> DateTime<Utc> {
    db::events::coarse(now) + chrono::Duration::hours(DELETION_GRACE_HOURS + 1)
}
