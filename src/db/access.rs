//! What the reporter is told of who read their report: the case opened by
//! a caseworker or an admin (the role, never who), shared with a partner
//! group, accepted by it — one row per kind, role or group, and day.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schema::{case_access, organisations};
use super::{Conn, DbError};

/// Who, by role or group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader<'a> {
    /// `caseworker` or `admin`.
    Role(&'a str),
    Group(i64),
}

/// Records that `reader` did `kind` (`opened`, `shared`, `accepted`) on
/// `day`; once per kind, reader and day.
pub fn record(
    conn: &mut Conn,
    case_id: i64,
    kind: &str,
    reader: Reader<'_>,
    day: NaiveDate,
) -> Result<(), DbError> {
    let (role, organisation_id) = match reader {
        Reader::Role(role) => (Some(role), None),
        Reader::Group(id) => (None, Some(id)),
    };
    diesel::insert_into(case_access::table)
        .values((
            case_access::case_id.eq(case_id),
            case_access::kind.eq(kind),
            case_access::role.eq(role),
            case_access::organisation_id.eq(organisation_id),
            case_access::day.eq(day),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?;
    Ok(())
}

/// One line of the access list: the kind, the role or the group's name,
/// and the day.
#[derive(Clone, Debug, PartialEq, Eq, Queryable)]
pub struct AccessRow {
    pub kind: String,
    pub role: Option<String>,
    pub group: Option<String>,
    pub day: NaiveDate,
}

/// The case's access list, oldest first.
pub fn for_case(conn: &mut Conn, case_id: i64) -> Result<Vec<AccessRow>, DbError> {
    Ok(case_access::table
        .left_join(organisations::table)
        .filter(case_access::case_id.eq(case_id))
        .order((case_access::day.asc(), case_access::id.asc()))
        .select((
            case_access::kind,
            case_access::role,
            organisations::name.nullable(),
            case_access::day,
        ))
        .load(conn)?)
}
