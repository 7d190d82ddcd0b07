//! The reporter's side of a case: opened with reference and receipt, for a
//! short visit. A reporter reads the status in plain words and the
//! caseworkers' messages, replies, adds evidence, and can ask for the
//! report to be deleted.
//!
//! Opening is slow on purpose (Argon2id) and costs the same for a wrong
//! receipt as for an unknown reference. Failures are throttled per
//! reference (keyed hash, in PostgreSQL) and per source (in memory only,
//! forgotten after the window: no reporter address is ever stored); a
//! held-back reference or source gets "wait" for wrong receipts, while the
//! right receipt still opens.
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
use crate::crypto::{digest_token, new_token};
use crate::db::{self, DbError, cases::CaseRow};
use crate::domain::text::{self, MultiLine};
use crate::domain::{CaseReference, EventKind, Receipt};
use crate::web::{AppError, AppState};

pub const VISIT_IDLE_SECS: i64 = 20 * 60;
pub const VISIT_ABSOLUTE_SECS: i64 = 2 * 3600;
pub const DELETION_GRACE_HOURS: i64 = 72;

/// The outcome of reference + receipt.
pub enum Opening {
    Opened(i64),
    Wrong,
    /// Too many failures: wait this many minutes.
    Held(i64),
}

pub async fn open(
    state: &AppState,
    source: IpAddr,
    reference: &str,
    receipt: &str,
) -> Result<Opening, AppError> {
    let parsed = CaseReference::parse(reference);
    let key = state.throttle_keys().digest(&format!(
        "follow-up/{}",
        parsed
            .as_ref()
            .map(|r| r.as_str())
            .unwrap_or(reference.trim())
    ));
    let held = throttle::account_held_until(state, key.clone()).await?;
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
    // The right receipt always opens: 66 random bits cannot be guessed, and
    // neither someone who only knows a reference nor someone failing from
    // the same address (a shared Tor exit) may lock a reporter out. Wrong
    // receipts are what is held back.
    if !ok {
        if let Some(wait) = state.follow_up_sources.blocked_for(source) {
            return Ok(Opening::Held(((wait.as_secs() + 59) / 60) as i64));
        }
        if let Some(until) = held {
            return Ok(Opening::Held(
                ((until - Utc::now()).num_seconds().max(1) + 59) / 60,
            ));
        }
    }
    if !ok {
        state.follow_up_sources.record_failure(source);
        throttle::account_failed(state, key).await?;
        return Ok(Opening::Wrong);
    }
    throttle::account_succeeded(state, key).await?;
    Ok(Opening::Opened(
        found.map(|(_, id)| id).expect("checked above"),
    ))
}

/// A live visit.
#[derive(Clone)]
pub struct Visit {
    pub case_id: i64,
    pub csrf_token: String,
    token_digest: Vec<u8>,
}

/// Starts a visit to `case_id`; returns the cookie token.
pub async fn start_visit(state: &AppState, case_id: i64) -> Result<String, AppError> {
    let token = new_token();
    let digest = digest_token(&token);
    let csrf = new_token();
    state
        .db
        .run(move |conn| db::reporter_sessions::insert(conn, &digest, case_id, &csrf))
        .await?;
    Ok(token)
}

pub async fn resolve_visit(state: &AppState, token: &str) -> Result<Option<Visit>, AppError> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let digest = digest_token(token);
    let d = digest.clone();
    let found = state
        .db
        .run(move |conn| {
            let now = Utc::now();
            db::reporter_sessions::find_live(
                conn,
                &d,
                now - chrono::Duration::seconds(VISIT_IDLE_SECS),
                now - chrono::Duration::seconds(VISIT_ABSOLUTE_SECS),
            )
        })
        .await?;
    Ok(found.map(|(case_id, csrf_token)| Visit {
        case_id,
        csrf_token,
        token_digest: digest,
    }))
}

pub async fn end_visit(state: &AppState, visit: &Visit) -> Result<(), AppError> {
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

async fn case_of(state: &AppState, visit: &Visit) -> Result<CaseRow, AppError> {
    let id = visit.case_id;
    // A case deleted during the visit is simply gone.
    state
        .db
        .run(move |conn| db::cases::find(conn, id))
        .await?
        .ok_or(AppError::NotFound)
}

fn day(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}

pub async fn view(state: &AppState, visit: &Visit) -> Result<ReporterView, AppError> {
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
    state: &AppState,
    visit: &Visit,
    body: &str,
) -> Result<Result<(), &'static str>, AppError> {
    if MultiLine::parse(body).is_err() {
        return Ok(Err("error-control-characters"));
    }
    if !messages::valid(body) || text::is_blank(body) {
        return Ok(Err("follow-up-error-message"));
    }
    let case = case_of(state, visit).await?;
    let id = case.id;
    messages::post(state, case, None, body).await?;
    tracing::info!(case_id = id, "message from reporter");
    Ok(Ok(()))
}

/// The outcome of adding evidence at follow-up.
pub enum Added {
    Files(usize),
    /// The case would hold more than its cap: nothing was added.
    OverCap,
}

pub async fn add_evidence(
    state: &AppState,
    visit: &Visit,
    files: Vec<EvidenceUpload>,
) -> Result<Added, AppError> {
    let case = case_of(state, visit).await?;
    let key = data_key(state, &case)?;
    let reference = CaseReference::parse(&case.reference)
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("bad reference")))?;
    let rows = seal_files(&key, &reference, &files);
    let n = rows.len();
    let new_bytes: i64 = files.iter().map(|f| f.bytes.len() as i64).sum();
    let case_id = case.id;
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
    if !added {
        tracing::info!(case_id, "evidence refused: the case is at its cap");
        return Ok(Added::OverCap);
    }
    tracing::info!(case_id, files = n, "evidence added by reporter");
    Ok(Added::Files(n))
}

pub async fn request_deletion(
    state: &AppState,
    visit: &Visit,
    cancel: bool,
) -> Result<(), AppError> {
    let id = visit.case_id;
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let due =
                    (!cancel).then(|| Utc::now() + chrono::Duration::hours(DELETION_GRACE_HOURS));
                db::cases::set_deletion_due(conn, id, due)?;
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
    tracing::info!(case_id = id, cancel, "deletion request");
    Ok(())
}
