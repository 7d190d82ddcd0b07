//! Deleting cases for good: a reporter's deletion request once due or
//! confirmed by a caseworker (and, later, the retention policy).
//!
//! Deleting the case row deletes its sealed keys with it (and its
//! referrals', and its key from before the move to people's keys): nothing
//! of the case opens from this database any more. Copies of those keys in
//! older backups are under the master key's outer layer; `haven purge`
//! then rotates and retires the master key, so that they never open again
//! either.

use chrono::{DateTime, Utc};

use crate::context::Ctx;
use crate::db::{self, Conn, DbError};
use crate::domain::CaseReference;
use crate::error::ServiceError;

/// Why a case was purged (recorded in the audit log, with the case's id
/// and nothing of its content).
#[derive(Clone, Copy, Debug)]
pub enum Reason {
    /// The reporter asked; the grace period is over.
    ReporterRequest,
    /// The reporter asked; a caseworker carried it out at once.
    ConfirmedByStaff(i64),
    /// Closed for longer than the retention period.
    Retention,
}

/// Deletes one case and everything of it; false if it was already gone.
pub fn purge_case(conn: &mut Conn, case_id: i64, reason: Reason) -> Result<bool, DbError> {
    db::transaction(conn, |conn| {
        let partners = super::links::before_purge(conn, case_id)?;
        let deleted = db::cases::delete(conn, case_id)?;
        if deleted {
            super::links::after_purge(conn, &partners)?;
            let (actor, detail) = match reason {
                Reason::ReporterRequest => (None, "reporter-request"),
                Reason::ConfirmedByStaff(user) => (Some(user), "reporter-request-confirmed"),
                Reason::Retention => (None, "retention"),
            };
            db::audit::record(
                conn,
                actor,
                "case.purge",
                "case",
                &case_id.to_string(),
                detail,
            )?;
        }
        Ok(deleted)
    })
}

/// Deletes the cases closed more than `retention_days` ago, in batches,
/// calling `progress(done)` after each batch; returns how many.
pub fn purge_retention(
    conn: &mut Conn,
    now: DateTime<Utc>,
    retention_days: i64,
    mut progress: impl FnMut(usize),
) -> Result<usize, DbError> {
    let before = now - chrono::Duration::days(retention_days);
    let mut purged = 0;
    loop {
        let batch = db::cases::closed_before(conn, before, 500)?;
        if batch.is_empty() {
            return Ok(purged);
        }
        for id in batch {
            if purge_case(conn, id, Reason::Retention)? {
                purged += 1;
            }
        }
        progress(purged);
    }
}

/// Deletes the emails delivered more than `keep_days` ago: even without a
/// case reference, who was told what, and when, says something about
/// cases long gone. Returns how many.
pub fn prune_outbox(conn: &mut Conn, now: DateTime<Utc>, keep_days: i64) -> Result<usize, DbError> {
    db::outbox::prune_sent(conn, now - chrono::Duration::days(keep_days))
}

/// Deletes every case whose requested deletion is due; returns how many.
pub fn purge_due_deletions(conn: &mut Conn, now: DateTime<Utc>) -> Result<usize, DbError> {
    let due = db::cases::deletions_due(conn, now)?;
    let mut purged = 0;
    for id in due {
        if purge_case(conn, id, Reason::ReporterRequest)? {
            purged += 1;
            tracing::info!(case_id = id, "case deleted at the reporter's request");
        }
    }
    Ok(purged)
}

/// Carries out the reporter's deletion request on case `reference` now,
/// confirmed by staff member `actor`; false if the reporter has asked for
/// no deletion.
pub async fn confirm_request(
    ctx: &Ctx,
    actor: i64,
    reference: &CaseReference,
) -> Result<bool, ServiceError> {
    let r = reference.as_str().to_string();
    let case = ctx
        .db
        .run(move |conn| db::cases::find_by_reference(conn, &r))
        .await?
        .ok_or(ServiceError::NotFound)?;
    if case.deletion_due_at.is_none() {
        return Ok(false);
    }
    let id = case.id;
    ctx.db
        .run(move |conn| purge_case(conn, id, Reason::ConfirmedByStaff(actor)))
        .await?;
    tracing::info!(
        user_id = actor,
        case_id = id,
        "case deleted at the reporter's request, confirmed by staff"
    );
    Ok(true)
}
