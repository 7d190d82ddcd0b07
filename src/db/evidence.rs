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
