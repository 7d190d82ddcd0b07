//! The audit log: appended to, never changed (PostgreSQL refuses UPDATE,
//! DELETE and TRUNCATE). Each entry takes the next id and chains to its
//! predecessor's MAC while holding one transaction-scoped lock, so that
//! every instance appends to one chain in commit order.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::schema::{audit_log, users};
use super::{Conn, DbError};

/// Entries written before the chain was keyed (hashed in PostgreSQL).
pub const CHAIN_UNKEYED: i16 = 1;
/// Entries signed with the audit key.
pub const CHAIN_KEYED: i16 = 2;

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
    pub chain: i16,
}

impl AuditRow {
    /// The bytes an entry's MAC covers, besides its predecessor's MAC.
    pub fn signed_bytes(&self) -> Vec<u8> {
        entry_bytes(
            self.id,
            self.chain,
            &self.at,
            self.actor_id,
            [
                &self.action,
                &self.target_type,
                &self.target_id,
                &self.detail,
            ],
        )
    }
}

/// Every field, length-prefixed, so that no two entries share an encoding.
fn entry_bytes(
    id: i64,
    chain: i16,
    at: &DateTime<Utc>,
    actor_id: Option<i64>,
    texts: [&str; 4],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + texts.iter().map(|t| t.len() + 8).sum::<usize>());
    out.extend_from_slice(&id.to_be_bytes());
    out.extend_from_slice(&chain.to_be_bytes());
    out.extend_from_slice(&at.timestamp_micros().to_be_bytes());
    match actor_id {
        Some(a) => {
            out.push(1);
            out.extend_from_slice(&a.to_be_bytes());
        }
        None => out.push(0),
    }
    for text in texts {
        out.extend_from_slice(&(text.len() as u64).to_be_bytes());
        out.extend_from_slice(text.as_bytes());
    }
    out
}

/// What the first keyed entry chains to: a digest of every entry written
/// before the chain was keyed, in id order (empty when there are none).
/// Altering or removing one of them therefore breaks the keyed chain.
pub struct UnkeyedDigest {
    hasher: Sha256,
    rows: u64,
}

impl Default for UnkeyedDigest {
    fn default() -> Self {
        Self {
            hasher: Sha256::new_with_prefix(b"haven/v1/audit-unkeyed/"),
            rows: 0,
        }
    }
}

impl UnkeyedDigest {
    pub fn add(&mut self, row: &AuditRow) {
        let bytes = row.signed_bytes();
        self.hasher.update((bytes.len() as u64).to_be_bytes());
        self.hasher.update(bytes);
        self.rows += 1;
    }

    pub fn finish(self) -> Vec<u8> {
        if self.rows == 0 {
            Vec::new()
        } else {
            self.hasher.finalize().to_vec()
        }
    }
}

fn unkeyed_digest(conn: &mut Conn) -> Result<Vec<u8>, DbError> {
    let mut digest = UnkeyedDigest::default();
    // From the lowest possible id: an entry slipped in below 1 is walked
    // too, and breaks the chain, rather than being listed unverified.
    let mut after = i64::MIN;
    loop {
        let rows = chunk(conn, after, 10_000)?;
        let Some(last) = rows.last() else {
            return Ok(digest.finish());
        };
        after = last.id;
        for row in rows.iter().filter(|r| r.chain == CHAIN_UNKEYED) {
            digest.add(row);
        }
    }
}

fn no_audit_key() -> DbError {
    DbError::Query(diesel::result::Error::QueryBuilderError(
        "no audit key: audit entries are written through a Db given one (Db::with_audit_key)"
            .into(),
    ))
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
    let key = super::current_audit_key().ok_or_else(no_audit_key)?;
    super::transaction(conn, |conn| {
        // Held until the surrounding transaction ends: the next writer, on
        // any instance, reads this entry as its predecessor.
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext('haven.audit_log'))")
            .execute(conn)?;
        let head: Option<(i64, i16, Vec<u8>)> = audit_log::table
            .order(audit_log::id.desc())
            .select((audit_log::id, audit_log::chain, audit_log::hash))
            .first(conn)
            .optional()?;
        let (id, previous) = match head {
            None => (1, Vec::new()),
            Some((id, CHAIN_KEYED, mac)) => (id + 1, mac),
            Some((id, _, _)) => (id + 1, unkeyed_digest(conn)?),
        };
        let micros = Utc::now().timestamp_micros();
        let at = DateTime::from_timestamp_micros(micros).unwrap_or_else(Utc::now);
        let bytes = entry_bytes(
            id,
            CHAIN_KEYED,
            &at,
            actor_id,
            [action, target_type, target_id, detail],
        );
        let mac = key.sign(&previous, &bytes);
        diesel::insert_into(audit_log::table)
            .values((
                audit_log::id.eq(id),
                audit_log::at.eq(at),
                audit_log::actor_id.eq(actor_id),
                audit_log::action.eq(action),
                audit_log::target_type.eq(target_type),
                audit_log::target_id.eq(target_id),
                audit_log::detail.eq(detail),
                audit_log::prev_hash.eq(previous),
                audit_log::hash.eq(mac),
                audit_log::chain.eq(CHAIN_KEYED),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// The newest entry's id and chain, if any.
pub fn head(conn: &mut Conn) -> Result<Option<(i64, i16)>, DbError> {
    Ok(audit_log::table
        .order(audit_log::id.desc())
        .select((audit_log::id, audit_log::chain))
        .first(conn)
        .optional()?)
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
    let query = audit_log::table.into_boxed();
    // From `i64::MIN` a walk starts at the very bottom, that id included.
    let query = if after == i64::MIN {
        query.filter(audit_log::id.ge(after))
    } else {
        query.filter(audit_log::id.gt(after))
    };
    Ok(query
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
