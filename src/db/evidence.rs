//! Evidence files: sealed name and bytes, with the detected type and size
//! in clear so that staff can see what a file is before opening it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::evidence;
use super::{Conn, DbError};
use crate::crypto::Sealed;

#[derive(Insertable)]
#[diesel(table_name = evidence)]
pub struct NewEvidenceRow {
    pub case_id: i64,
    pub public_id: String,
    pub name: Sealed,
    pub media_type: &'static str,
    pub size_bytes: i32,
    pub content: Sealed,
    pub added_by: &'static str,
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = evidence)]
pub struct EvidenceMeta {
    pub public_id: String,
    pub name: Sealed,
    pub media_type: String,
    pub size_bytes: i32,
    pub added_by: String,
    pub received_at: DateTime<Utc>,
}

pub fn insert(conn: &mut Conn, row: &NewEvidenceRow) -> Result<(), DbError> {
    diesel::insert_into(evidence::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn list_for_case(conn: &mut Conn, case_id: i64) -> Result<Vec<EvidenceMeta>, DbError> {
    Ok(evidence::table
        .filter(evidence::case_id.eq(case_id))
        .order((evidence::received_at.asc(), evidence::id.asc()))
        .select(EvidenceMeta::as_select())
        .load(conn)?)
}

/// How many files a case holds and their total size in bytes. Locks the
/// case's row first, so that additions to one case are counted one after
/// the other (call inside a transaction).
pub fn totals_for_case_locked(conn: &mut Conn, case_id: i64) -> Result<(i64, i64), DbError> {
    use super::schema::cases;
    cases::table
        .find(case_id)
        .select(cases::id)
        .for_update()
        .first::<i64>(conn)
        .optional()?;
    let (files, bytes): (i64, Option<i64>) = evidence::table
        .filter(evidence::case_id.eq(case_id))
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::sum(evidence::size_bytes),
        ))
        .first(conn)?;
    Ok((files, bytes.unwrap_or(0)))
}

/// One file of one case, with its sealed bytes.
pub fn find_with_content(
    conn: &mut Conn,
    case_id: i64,
    public_id: &str,
) -> Result<Option<(EvidenceMeta, Sealed)>, DbError> {
    Ok(evidence::table
        .filter(evidence::case_id.eq(case_id))
        .filter(evidence::public_id.eq(public_id))
        .select((EvidenceMeta::as_select(), evidence::content))
        .first(conn)
        .optional()?)
}
