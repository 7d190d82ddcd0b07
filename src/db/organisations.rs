//! Partner community groups.

use diesel::prelude::*;

use super::schema::organisations;
use super::{Conn, DbError};

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = organisations)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    pub active: bool,
}

pub fn find_by_name(conn: &mut Conn, name: &str) -> Result<Option<OrganisationRow>, DbError> {
    Ok(organisations::table
        .filter(organisations::name.eq(name))
        .select(OrganisationRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find(conn: &mut Conn, id: i64) -> Result<Option<OrganisationRow>, DbError> {
    Ok(organisations::table.find(id).select(OrganisationRow::as_select()).first(conn).optional()?)
}

pub fn insert(conn: &mut Conn, name: &str, emails: &[String], communities: &[String]) -> Result<OrganisationRow, DbError> {
    Ok(diesel::insert_into(organisations::table)
        .values((
            organisations::name.eq(name),
            organisations::emails.eq(emails),
            organisations::communities.eq(communities),
        ))
        .returning(OrganisationRow::as_returning())
        .get_result(conn)?)
}

/// The names of active partner groups, for choosing one.
pub fn names(conn: &mut Conn) -> Result<Vec<String>, DbError> {
    Ok(organisations::table
        .filter(organisations::active.eq(true))
        .order(organisations::name.asc())
        .select(organisations::name)
        .load(conn)?)
}
