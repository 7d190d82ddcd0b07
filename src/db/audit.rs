//! The audit log: appended to, never changed (PostgreSQL refuses UPDATE,
//! DELETE and TRUNCATE, and chains each row to the previous one by hash).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::{audit_log, users};
use super::{Conn, DbError};

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub action: String,
    pub target_type: String,
    pub target_id: String,
    pub detail: String,
    pub prev_hash: Vec<u8>,
    pub hash: Vec<u8>,
}

/// Appends an entry. `detail` holds codes only (a status, a role), never
/// content.
pub fn record(
    conn: &mut Conn,
    actor_id: Option<i64>,
    action: &str,
    target_type: &str,
    target_id: &str,
    detail: &str,
) -> Result<(), DbError> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::actor_id.eq(actor_id),
            audit_log::action.eq(action),
            audit_log::target_type.eq(target_type),
            audit_log::target_id.eq(target_id),
            audit_log::detail.eq(detail),
        ))
        .execute(conn)?;
    Ok(())
}

/// Filters for reading the log.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    pub actor_id: Option<i64>,
    pub action_prefix: Option<String>,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    pub before: Option<i64>,
}

/// One page, newest first, with the actor's email.
pub fn page(
    conn: &mut Conn,
    filter: &AuditFilter,
    limit: i64,
) -> Result<Vec<(AuditRow, Option<String>)>, DbError> {
    let mut q = audit_log::table
        .left_join(users::table.on(users::id.nullable().eq(audit_log::actor_id)))
        .select((AuditRow::as_select(), users::email.nullable()))
        .order(audit_log::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(actor) = filter.actor_id {
        q = q.filter(audit_log::actor_id.eq(actor));
    }
    if let Some(prefix) = &filter.action_prefix {
        q = q.filter(audit_log::action.like(format!("{}%", prefix.replace(['%', '_', '\\'], ""))));
    }
    if let Some(t) = &filter.target_type {
        q = q.filter(audit_log::target_type.eq(t.clone()));
    }
    if let Some(t) = &filter.target_id {
        q = q.filter(audit_log::target_id.eq(t.clone()));
    }
    if let Some(before) = filter.before {
        q = q.filter(audit_log::id.lt(before));
    }
    Ok(q.load(conn)?)
}

/// Up to `limit` rows after `after`, oldest first (for verification).
pub fn chunk(conn: &mut Conn, after: i64, limit: i64) -> Result<Vec<AuditRow>, DbError> {
    Ok(audit_log::table
        .filter(audit_log::id.gt(after))
        .order(audit_log::id.asc())
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)?)
}

/// Whether a case was purged after the last master-key rotation (so that
/// old backups could still open it until the next rotation).
pub fn shred_pending(conn: &mut Conn) -> Result<bool, DbError> {
    let last_rotation: Option<i64> = audit_log::table
        .filter(audit_log::action.eq("keys.rotate"))
        .select(diesel::dsl::max(audit_log::id))
        .first(conn)?;
    let last_purge: Option<i64> = audit_log::table
        .filter(audit_log::action.eq("case.purge"))
        .select(diesel::dsl::max(audit_log::id))
        .first(conn)?;
    Ok(last_purge.is_some_and(|p| last_rotation.is_none_or(|r| p > r)))
}

pub fn count(conn: &mut Conn) -> Result<i64, DbError> {
    Ok(audit_log::table.count().get_result(conn)?)
}
