//! Reading the audit log: a page of entries under a filter, and on request
//! a check of the keyed chain. What staff see of the log is itself audited.

use crate::context::Ctx;
use crate::db::audit::{AuditFilter, AuditRow};
use crate::db::{self, DbError};
use crate::domain::CaseReference;
use crate::error::ServiceError;

use super::names::{self, Names};
use super::{Checkpoint, Verdict};

/// How many entries one page lists.
pub const PAGE_SIZE: i64 = 100;

/// What to look for, each field empty when not filtered on.
pub struct AuditSearch {
    /// An account's email, as typed (an unknown one matches nothing).
    pub actor_email: String,
    pub action_prefix: String,
    pub target_type: String,
    /// An id as recorded, or a case reference (then of a case entry).
    pub target_id: String,
    /// Entries older than this id (the next page).
    pub before: Option<i64>,
    /// Check the chain as well, against the checkpoint if one is given.
    pub verify: Option<Option<Checkpoint>>,
}

/// A page of the log.
pub struct Found {
    /// At most [`PAGE_SIZE`] entries, newest first.
    pub rows: Vec<AuditRow>,
    /// What the entries' ids stand for (case references, account names…).
    pub names: Names,
    /// Whether older entries follow.
    pub more: bool,
    /// Entries in the whole log.
    pub total: i64,
    /// What the check found, when one was asked for.
    pub verdict: Option<Verdict>,
}

/// The entries `search` selects, for `viewer`, recorded as an audit view.
pub async fn search(ctx: &Ctx, viewer: i64, search: AuditSearch) -> Result<Found, ServiceError> {
    let non_empty = |s: String| (!s.is_empty()).then_some(s);
    let actor_id = if search.actor_email.is_empty() {
        None
    } else {
        let email = search.actor_email.trim().to_lowercase();
        let found = ctx
            .db
            .run(move |conn| db::users::find_by_email(conn, &email))
            .await?;
        Some(found.map(|u| u.id).unwrap_or(-1))
    };
    let (target_type, target_id) = match case_reference(&search.target_id) {
        Some(reference) => {
            let id = ctx
                .db
                .run(move |conn| db::cases::find_by_reference(conn, reference.as_str()))
                .await?
                .map_or(-1, |c| c.id);
            let kind = non_empty(search.target_type).unwrap_or_else(|| "case".into());
            (Some(kind), Some(id.to_string()))
        }
        None => (non_empty(search.target_type), non_empty(search.target_id)),
    };
    let filter = AuditFilter {
        actor_id,
        action_prefix: non_empty(search.action_prefix),
        target_type,
        target_id,
        before: search.before,
    };
    let (rows, more, total, names) = ctx
        .db
        .run(move |conn| {
            let (rows, more) = page(conn, &filter)?;
            let names = names::resolve(conn, &rows)?;
            Ok((rows, more, db::audit::count(conn)?, names))
        })
        .await?;
    let verdict = match search.verify {
        Some(checkpoint) => Some(verify(ctx, checkpoint).await?),
        None => None,
    };
    super::view(ctx, viewer, "audit.view", "audit", String::new()).await?;
    Ok(Found {
        rows,
        names,
        more,
        total,
        verdict,
    })
}

/// At most [`PAGE_SIZE`] entries under `filter`, and whether more follow.
fn page(conn: &mut db::Conn, filter: &AuditFilter) -> Result<(Vec<AuditRow>, bool), DbError> {
    let mut rows: Vec<AuditRow> = db::audit::page(conn, filter, PAGE_SIZE + 1)?
        .into_iter()
        .map(|(row, _)| row)
        .collect();
    let more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    Ok((rows, more))
}

/// A case reference typed as the id searched for; a number is an id as
/// recorded, even one that reads as a reference.
fn case_reference(typed: &str) -> Option<CaseReference> {
    let typed = typed.trim();
    if typed.is_empty() || typed.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    CaseReference::parse(typed)
}

/// The number of entries in the log.
pub async fn total(ctx: &Ctx) -> Result<i64, ServiceError> {
    Ok(ctx.db.run(db::audit::count).await?)
}

/// Checks the whole chain (slow: off the async threads), against
/// `checkpoint` when one is given.
async fn verify(ctx: &Ctx, checkpoint: Option<Checkpoint>) -> Result<Verdict, ServiceError> {
    let db = ctx.db.clone();
    let verdict = tokio::task::spawn_blocking(move || {
        super::verify_against(&db, checkpoint.as_ref(), |_| {})
    })
    .await
    .map_err(ServiceError::internal)??;
    Ok(verdict)
}
