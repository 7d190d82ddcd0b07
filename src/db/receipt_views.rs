//! One-time records behind the receipt cookie (digests only).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::receipt_views;
use super::{Conn, DbError};

pub fn insert(conn: &mut Conn, digest: &[u8]) -> Result<(), DbError> {
    diesel::insert_into(receipt_views::table)
        .values(receipt_views::token_digest.eq(digest))
        .execute(conn)?;
    Ok(())
}

pub fn exists(conn: &mut Conn, digest: &[u8]) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(receipt_views::table.find(digest))).get_result(conn)?)
}

pub fn delete(conn: &mut Conn, digest: &[u8]) -> Result<(), DbError> {
    diesel::delete(receipt_views::table.find(digest)).execute(conn)?;
    Ok(())
}

/// Forgets records older than any receipt cookie can be.
pub fn delete_before(conn: &mut Conn, before: DateTime<Utc>) -> Result<usize, DbError> {
    Ok(
        diesel::delete(receipt_views::table.filter(receipt_views::created_at.lt(before)))
            .execute(conn)?,
    )
}
