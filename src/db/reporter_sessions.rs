//! A reporter's visit to their case, opened with reference and receipt.
//!
//! A visit needs exact times (it ends after a few idle minutes), but a
//! copy of the database must not say when a reporter came: the row keeps
//! its clock sealed (see `cases::follow_up`) and, in clear, only the hour
//! it was opened in, to clear abandoned visits.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::reporter_sessions;
use super::{Conn, DbError};
use crate::crypto::Sealed;

pub fn insert(
    conn: &mut Conn,
    token_digest: &[u8],
    case_id: i64,
    csrf_token: &str,
    clock: &[u8],
    sealed_key: &Sealed,
) -> Result<(), DbError> {
    diesel::insert_into(reporter_sessions::table)
        .values((
            reporter_sessions::token_digest.eq(token_digest),
            reporter_sessions::case_id.eq(case_id),
            reporter_sessions::csrf_token.eq(csrf_token),
            reporter_sessions::clock.eq(clock),
            reporter_sessions::sealed_key.eq(sealed_key),
        ))
        .execute(conn)?;
    Ok(())
}

/// A visit as stored: its case, CSRF token, sealed clock and sealed case key.
pub type VisitRow = (i64, String, Vec<u8>, Option<Sealed>);

/// The case, CSRF token, sealed clock and sealed case key of a visit.
pub fn find(conn: &mut Conn, token_digest: &[u8]) -> Result<Option<VisitRow>, DbError> {
    Ok(reporter_sessions::table
        .find(token_digest)
        .select((
            reporter_sessions::case_id,
            reporter_sessions::csrf_token,
            reporter_sessions::clock,
            reporter_sessions::sealed_key,
        ))
        .first(conn)
        .optional()?)
}

pub fn set_clock(conn: &mut Conn, token_digest: &[u8], clock: &[u8]) -> Result<(), DbError> {
    diesel::update(reporter_sessions::table.find(token_digest))
        .set(reporter_sessions::clock.eq(clock))
        .execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut Conn, token_digest: &[u8]) -> Result<(), DbError> {
    diesel::delete(reporter_sessions::table.find(token_digest)).execute(conn)?;
    Ok(())
}

/// Deletes the visits opened in an hour before `opened_before` (their
/// absolute limit has passed whatever their sealed clock says).
pub fn delete_expired(conn: &mut Conn, opened_before: DateTime<Utc>) -> Result<usize, DbError> {
    Ok(diesel::delete(
        reporter_sessions::table.filter(reporter_sessions::opened_hour.lt(opened_before)),
    )
    .execute(conn)?)
}
