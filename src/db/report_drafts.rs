//! Reports written in steps, held between steps (see `cases::drafts`).
//! Every value is sealed under the draft's own token; in clear, only the
//! hour after which the draft goes.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::{report_draft_files, report_drafts};
use super::{Conn, DbError};

/// Stores a new draft's sealed answers, unless `max` drafts are held
/// already; whether it was stored.
pub fn insert(
    conn: &mut Conn,
    token_digest: &[u8],
    expires_hour: DateTime<Utc>,
    sealed: &[u8],
    max: i64,
) -> Result<bool, DbError> {
    super::transaction(conn, |conn| {
        // One at a time, so that drafts started together cannot each find
        // the last place.
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext('haven.report_drafts'))")
            .execute(conn)?;
        let held: i64 = report_drafts::table.count().get_result(conn)?;
        if held >= max {
            return Ok(false);
        }
        diesel::insert_into(report_drafts::table)
            .values((
                report_drafts::token_digest.eq(token_digest),
                report_drafts::expires_hour.eq(expires_hour),
                report_drafts::sealed.eq(sealed),
            ))
            .execute(conn)?;
        Ok(true)
    })
}

/// Writes a later step of a stored draft (its hour of expiry stays the one
/// set when it was first stored); whether the draft was still there.
pub fn update(conn: &mut Conn, token_digest: &[u8], sealed: &[u8]) -> Result<bool, DbError> {
    Ok(diesel::update(report_drafts::table.find(token_digest))
        .set(report_drafts::sealed.eq(sealed))
        .execute(conn)?
        > 0)
}

pub fn find(conn: &mut Conn, token_digest: &[u8]) -> Result<Option<Vec<u8>>, DbError> {
    Ok(report_drafts::table
        .find(token_digest)
        .select(report_drafts::sealed)
        .first(conn)
        .optional()?)
}

/// A held file: its row id, label, size and sealed description.
pub type DraftFileRow = (i64, String, i64, Vec<u8>);

/// The files a draft holds, oldest first, without their contents.
pub fn files(conn: &mut Conn, token_digest: &[u8]) -> Result<Vec<DraftFileRow>, DbError> {
    Ok(report_draft_files::table
        .filter(report_draft_files::token_digest.eq(token_digest))
        .order(report_draft_files::id)
        .select((
            report_draft_files::id,
            report_draft_files::label,
            report_draft_files::size_bytes,
            report_draft_files::sealed_meta,
        ))
        .load(conn)?)
}

/// The sealed contents of a draft's files, oldest first.
pub fn file_contents(
    conn: &mut Conn,
    token_digest: &[u8],
) -> Result<Vec<(String, Vec<u8>)>, DbError> {
    Ok(report_draft_files::table
        .filter(report_draft_files::token_digest.eq(token_digest))
        .order(report_draft_files::id)
        .select((report_draft_files::label, report_draft_files::sealed_bytes))
        .load(conn)?)
}

/// The limits a draft's files are held within.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Files one draft holds at most.
    pub files: i64,
    /// Bytes one draft holds at most.
    pub bytes: i64,
    /// Bytes all drafts together hold at most.
    pub all_bytes: i64,
}

/// Whether a file was held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Held {
    Added,
    /// The draft holds as much as one report may carry.
    OverDraft,
    /// All drafts together hold as much as they may.
    OverAll,
}

/// Holds one more file with a draft, within `limits`. Additions are taken
/// one at a time, so that requests sent together cannot each find room for
/// the same space.
#[allow(clippy::too_many_arguments)]
pub fn add_file(
    conn: &mut Conn,
    token_digest: &[u8],
    label: &str,
    size_bytes: i64,
    sealed_meta: &[u8],
    sealed_bytes: &[u8],
    limits: Limits,
) -> Result<Held, DbError> {
    super::transaction(conn, |conn| {
        // One file at a time across all drafts: the overall limit is then
        // checked against what is really held.
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext('haven.report_draft_files'))")
            .execute(conn)?;
        let locked: Option<Vec<u8>> = report_drafts::table
            .find(token_digest)
            .select(report_drafts::token_digest)
            .for_update()
            .first(conn)
            .optional()?;
        if locked.is_none() {
            return Err(DbError::NotFound);
        }
        let held: HeldNow = diesel::sql_query(
            "SELECT (SELECT count(*) FROM report_draft_files WHERE token_digest = $1) AS files, \
                    (SELECT coalesce(sum(size_bytes), 0)::bigint FROM report_draft_files \
                      WHERE token_digest = $1) AS bytes, \
                    (SELECT coalesce(sum(size_bytes), 0)::bigint FROM report_draft_files) \
                      AS all_bytes",
        )
        .bind::<diesel::sql_types::Bytea, _>(token_digest)
        .get_result(conn)?;
        if held.files >= limits.files || held.bytes + size_bytes > limits.bytes {
            return Ok(Held::OverDraft);
        }
        if held.all_bytes + size_bytes > limits.all_bytes {
            return Ok(Held::OverAll);
        }
        diesel::insert_into(report_draft_files::table)
            .values((
                report_draft_files::token_digest.eq(token_digest),
                report_draft_files::label.eq(label),
                report_draft_files::size_bytes.eq(size_bytes),
                report_draft_files::sealed_meta.eq(sealed_meta),
                report_draft_files::sealed_bytes.eq(sealed_bytes),
            ))
            .execute(conn)?;
        Ok(Held::Added)
    })
}

/// What a draft, and all drafts, hold now.
#[derive(QueryableByName)]
struct HeldNow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    files: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    bytes: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    all_bytes: i64,
}

/// Removes one of a draft's files (only one of its own).
pub fn remove_file(conn: &mut Conn, token_digest: &[u8], label: &str) -> Result<bool, DbError> {
    Ok(diesel::delete(
        report_draft_files::table
            .filter(report_draft_files::token_digest.eq(token_digest))
            .filter(report_draft_files::label.eq(label)),
    )
    .execute(conn)?
        > 0)
}

/// Deletes a draft and its files; whether there was one.
pub fn delete(conn: &mut Conn, token_digest: &[u8]) -> Result<bool, DbError> {
    Ok(diesel::delete(report_drafts::table.find(token_digest)).execute(conn)? > 0)
}

/// Deletes the drafts whose time is up.
pub fn delete_expired(conn: &mut Conn, now: DateTime<Utc>) -> Result<usize, DbError> {
    Ok(
        diesel::delete(report_drafts::table.filter(report_drafts::expires_hour.lt(now)))
            .execute(conn)?,
    )
}
