//! Recovery codes for two-factor sign-in, stored as Argon2id hashes.

use diesel::prelude::*;

use super::schema::recovery_codes;
use super::{Conn, DbError};

/// Replaces every code of `user_id` by `hashes`.
pub fn replace(conn: &mut Conn, user_id: i64, hashes: &[String]) -> Result<(), DbError> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
        .execute(conn)?;
    let rows: Vec<_> = hashes
        .iter()
        .map(|h| {
            (
                recovery_codes::user_id.eq(user_id),
                recovery_codes::code_hash.eq(h),
            )
        })
        .collect();
    diesel::insert_into(recovery_codes::table)
        .values(&rows)
        .execute(conn)?;
    Ok(())
}

/// The unused codes of `user_id`: (id, hash).
pub fn unused(conn: &mut Conn, user_id: i64) -> Result<Vec<(i64, String)>, DbError> {
    Ok(recovery_codes::table
        .filter(recovery_codes::user_id.eq(user_id))
        .filter(recovery_codes::used_at.is_null())
        .select((recovery_codes::id, recovery_codes::code_hash))
        .load(conn)?)
}

/// Marks a code used; false if it was used meanwhile.
pub fn mark_used(conn: &mut Conn, id: i64) -> Result<bool, DbError> {
    let n = diesel::update(
        recovery_codes::table
            .find(id)
            .filter(recovery_codes::used_at.is_null()),
    )
    .set(recovery_codes::used_at.eq(diesel::dsl::now))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn delete_for_user(conn: &mut Conn, user_id: i64) -> Result<(), DbError> {
    diesel::delete(recovery_codes::table.filter(recovery_codes::user_id.eq(user_id)))
        .execute(conn)?;
    Ok(())
}
