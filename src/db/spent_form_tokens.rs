//! Report form tokens that have filed a report (digests only).

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schema::spent_form_tokens;
use super::{Conn, DbError};

/// Marks `digest` as spent; false when it already was. Inside the
/// report's transaction, a concurrent use of the same token waits for
/// this one and then finds it spent.
pub fn spend(conn: &mut Conn, digest: &[u8], expires_on: NaiveDate) -> Result<bool, DbError> {
    let inserted = diesel::insert_into(spent_form_tokens::table)
        .values((
            spent_form_tokens::token_digest.eq(digest),
            spent_form_tokens::expires_on.eq(expires_on),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?;
    Ok(inserted == 1)
}

/// Whether `digest` has already filed a report.
pub fn is_spent(conn: &mut Conn, digest: &[u8]) -> Result<bool, DbError> {
    Ok(
        diesel::select(diesel::dsl::exists(spent_form_tokens::table.find(digest)))
            .get_result(conn)?,
    )
}

/// Forgets tokens that could no longer be accepted.
pub fn delete_expired(conn: &mut Conn, today: NaiveDate) -> Result<usize, DbError> {
    Ok(
        diesel::delete(spent_form_tokens::table.filter(spent_form_tokens::expires_on.lt(today)))
            .execute(conn)?,
    )
}
