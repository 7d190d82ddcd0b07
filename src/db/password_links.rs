//! Single-use links to set or reset a staff password.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::password_links;
use super::{Conn, DbError};

pub fn insert(
    conn: &mut Conn,
    token_digest: &[u8],
    user_id: i64,
    expires_at: DateTime<Utc>,
) -> Result<(), DbError> {
    diesel::insert_into(password_links::table)
        .values((
            password_links::token_digest.eq(token_digest),
            password_links::user_id.eq(user_id),
            password_links::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// The account a link is for, if the link is unused and unexpired.
pub fn peek(conn: &mut Conn, token_digest: &[u8]) -> Result<Option<i64>, DbError> {
    Ok(password_links::table
        .find(token_digest)
        .filter(password_links::used_at.is_null())
        .filter(password_links::expires_at.gt(diesel::dsl::now))
        .select(password_links::user_id)
        .first(conn)
        .optional()?)
}

/// Uses the link: returns its account only the first time, while it is
/// valid. Two simultaneous uses cannot both succeed.
pub fn consume(conn: &mut Conn, token_digest: &[u8]) -> Result<Option<i64>, DbError> {
    Ok(diesel::update(
        password_links::table
            .find(token_digest)
            .filter(password_links::used_at.is_null())
            .filter(password_links::expires_at.gt(diesel::dsl::now)),
    )
    .set(password_links::used_at.eq(diesel::dsl::now))
    .returning(password_links::user_id)
    .get_result(conn)
    .optional()?)
}

/// Cancels the unused links of an account (a newer one replaces them).
pub fn revoke_for_user(conn: &mut Conn, user_id: i64) -> Result<usize, DbError> {
    Ok(diesel::delete(
        password_links::table
            .filter(password_links::user_id.eq(user_id))
            .filter(password_links::used_at.is_null()),
    )
    .execute(conn)?)
}
