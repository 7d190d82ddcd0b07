//! Server-side staff sessions, keyed by the digest of the cookie's token.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::{passkeys, sessions, users};
use super::users::UserRow;
use super::{Conn, DbError};
use crate::crypto::Sealed;

#[derive(Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub token_digest: Vec<u8>,
    pub user_id: i64,
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// The account's private key under the session cookie's seed.
    pub sealed_key: Option<Sealed>,
}

pub fn insert(
    conn: &mut Conn,
    token_digest: &[u8],
    user_id: i64,
    csrf_token: &str,
    sealed_key: Option<&Sealed>,
) -> Result<(), DbError> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::token_digest.eq(token_digest),
            sessions::user_id.eq(user_id),
            sessions::csrf_token.eq(csrf_token),
            sessions::sealed_key.eq(sealed_key),
        ))
        .execute(conn)?;
    Ok(())
}

/// The live session for `token_digest` and its active user (and whether
/// they have a passkey), if the session was used after `idle_since` and
/// created after `created_since`.
pub fn find_live(
    conn: &mut Conn,
    token_digest: &[u8],
    idle_since: DateTime<Utc>,
    created_since: DateTime<Utc>,
) -> Result<Option<(SessionRow, UserRow, bool)>, DbError> {
    Ok(sessions::table
        .inner_join(users::table)
        .filter(sessions::token_digest.eq(token_digest))
        .filter(sessions::last_seen_at.gt(idle_since))
        .filter(sessions::created_at.gt(created_since))
        .filter(users::active.eq(true))
        .select((
            SessionRow::as_select(),
            UserRow::as_select(),
            diesel::dsl::exists(
                passkeys::table
                    .filter(passkeys::user_id.eq(users::id))
                    .filter(passkeys::suspended_at.is_null()),
            ),
        ))
        .first(conn)
        .optional()?)
}

pub fn touch(conn: &mut Conn, token_digest: &[u8]) -> Result<(), DbError> {
    diesel::update(sessions::table.find(token_digest))
        .set(sessions::last_seen_at.eq(diesel::dsl::now))
        .execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut Conn, token_digest: &[u8]) -> Result<(), DbError> {
    diesel::delete(sessions::table.find(token_digest)).execute(conn)?;
    Ok(())
}

/// Ends every session of a user (deactivation, password change).
pub fn delete_for_user(conn: &mut Conn, user_id: i64) -> Result<usize, DbError> {
    Ok(diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)?)
}

/// Ends every session of a user but the one under `keep` (a second factor
/// removed: whoever else holds a session must sign in again).
pub fn delete_others(conn: &mut Conn, user_id: i64, keep: &[u8]) -> Result<usize, DbError> {
    Ok(diesel::delete(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::token_digest.ne(keep)),
    )
    .execute(conn)?)
}

/// Removes sessions that can no longer be used.
pub fn delete_expired(
    conn: &mut Conn,
    idle_since: DateTime<Utc>,
    created_since: DateTime<Utc>,
) -> Result<usize, DbError> {
    Ok(diesel::delete(
        sessions::table.filter(
            sessions::last_seen_at
                .le(idle_since)
                .or(sessions::created_at.le(created_since)),
        ),
    )
    .execute(conn)?)
}
