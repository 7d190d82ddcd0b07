//! A reporter's visit to their case, opened with reference and receipt.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::reporter_sessions;
use super::{Conn, DbError};

pub fn insert(
    conn: &mut Conn,
    token_digest: &[u8],
    case_id: i64,
    csrf_token: &str,
) -> Result<(), DbError> {
    diesel::insert_into(reporter_sessions::table)
        .values((
            reporter_sessions::token_digest.eq(token_digest),
            reporter_sessions::case_id.eq(case_id),
            reporter_sessions::csrf_token.eq(csrf_token),
        ))
        .execute(conn)?;
    Ok(())
}

/// The case and CSRF token of a live visit, refreshing its idle timer.
pub fn find_live(
    conn: &mut Conn,
    token_digest: &[u8],
    idle_since: DateTime<Utc>,
    created_since: DateTime<Utc>,
) -> Result<Option<(i64, String)>, DbError> {
    let found: Option<(i64, String)> = reporter_sessions::table
        .find(token_digest)
        .filter(reporter_sessions::last_seen_at.gt(idle_since))
        .filter(reporter_sessions::created_at.gt(created_since))
        .select((reporter_sessions::case_id, reporter_sessions::csrf_token))
        .first(conn)
        .optional()?;
    if found.is_some() {
        diesel::update(reporter_sessions::table.find(token_digest))
            .set(reporter_sessions::last_seen_at.eq(diesel::dsl::now))
            .execute(conn)?;
    }
    Ok(found)
}

pub fn delete(conn: &mut Conn, token_digest: &[u8]) -> Result<(), DbError> {
    diesel::delete(reporter_sessions::table.find(token_digest)).execute(conn)?;
    Ok(())
}

pub fn delete_expired(
    conn: &mut Conn,
    idle_since: DateTime<Utc>,
    created_since: DateTime<Utc>,
) -> Result<usize, DbError> {
    Ok(diesel::delete(
        reporter_sessions::table.filter(
            reporter_sessions::last_seen_at
                .le(idle_since)
                .or(reporter_sessions::created_at.le(created_since)),
        ),
    )
    .execute(conn)?)
}
