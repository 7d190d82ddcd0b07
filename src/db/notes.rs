//! Internal notes on a case, sealed with the case's data key.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::{case_notes, users};
use super::{Conn, DbError};
use crate::crypto::Sealed;

#[derive(Clone, Debug, Queryable)]
pub struct NoteRow {
    pub public_id: String,
    pub body: Sealed,
    pub created_at: DateTime<Utc>,
    pub author_email: String,
    pub author_name: String,
}

pub fn insert(
    conn: &mut Conn,
    case_id: i64,
    public_id: &str,
    author_id: i64,
    body: &Sealed,
) -> Result<(), DbError> {
    diesel::insert_into(case_notes::table)
        .values((
            case_notes::case_id.eq(case_id),
            case_notes::public_id.eq(public_id),
            case_notes::author_id.eq(author_id),
            case_notes::body.eq(body),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn for_case(conn: &mut Conn, case_id: i64) -> Result<Vec<NoteRow>, DbError> {
    Ok(case_notes::table
        .inner_join(users::table.on(users::id.eq(case_notes::author_id)))
        .filter(case_notes::case_id.eq(case_id))
        .order(case_notes::id.asc())
        .select((
            case_notes::public_id,
            case_notes::body,
            case_notes::created_at,
            users::email,
            users::display_name,
        ))
        .load(conn)?)
}
