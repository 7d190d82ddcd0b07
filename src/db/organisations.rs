//! Partner community groups.

use diesel::prelude::*;

use super::schema::{organisations, users};
use super::{Conn, DbError};
use crate::domain::GroupName;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = organisations)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    pub emails: Vec<Option<String>>,
    pub communities: Vec<Option<String>>,
    pub language: String,
    pub active: bool,
}

impl OrganisationRow {
    pub fn emails(&self) -> Vec<String> {
        super::strings(self.emails.clone())
    }
    pub fn communities(&self) -> Vec<String> {
        super::strings(self.communities.clone())
    }
}

/// The group whose name has this comparison key (see `domain::GroupName`).
pub fn find_by_key(conn: &mut Conn, key: &str) -> Result<Option<OrganisationRow>, DbError> {
    Ok(organisations::table
        .filter(organisations::name_key.eq(key))
        .select(OrganisationRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find(conn: &mut Conn, id: i64) -> Result<Option<OrganisationRow>, DbError> {
    Ok(organisations::table
        .find(id)
        .select(OrganisationRow::as_select())
        .first(conn)
        .optional()?)
}

/// A new group; [`DbError::Conflict`] when another has the same name key.
pub fn insert(
    conn: &mut Conn,
    name: &GroupName,
    emails: &[String],
    communities: &[String],
) -> Result<OrganisationRow, DbError> {
    Ok(diesel::insert_into(organisations::table)
        .values((
            organisations::name.eq(name.as_str()),
            organisations::name_key.eq(name.key()),
            organisations::emails.eq(emails),
            organisations::communities.eq(communities),
        ))
        .returning(OrganisationRow::as_returning())
        .get_result(conn)?)
}

/// Changes everything about a group but its id.
pub fn update(
    conn: &mut Conn,
    id: i64,
    name: &GroupName,
    emails: &[String],
    communities: &[String],
    language: &str,
    active: bool,
) -> Result<(), DbError> {
    diesel::update(organisations::table.find(id))
        .set((
            organisations::name.eq(name.as_str()),
            organisations::name_key.eq(name.key()),
            organisations::emails.eq(emails),
            organisations::communities.eq(communities),
            organisations::language.eq(language),
            organisations::active.eq(active),
        ))
        .execute(conn)?;
    Ok(())
}

/// Every group, active first, by name.
pub fn list(conn: &mut Conn) -> Result<Vec<OrganisationRow>, DbError> {
    Ok(organisations::table
        .order((organisations::active.desc(), organisations::name.asc()))
        .select(OrganisationRow::as_select())
        .load(conn)?)
}

/// The names of active partner groups, for choosing one.
pub fn names(conn: &mut Conn) -> Result<Vec<String>, DbError> {
    Ok(organisations::table
        .filter(organisations::active.eq(true))
        .order(organisations::name.asc())
        .select(organisations::name)
        .load(conn)?)
}

/// A group's liaison accounts: (id, email, display name, active).
pub fn liaisons(conn: &mut Conn, id: i64) -> Result<Vec<(i64, String, String, bool)>, DbError> {
    Ok(users::table
        .filter(users::organisation_id.eq(id))
        .order(users::email.asc())
        .select((users::id, users::email, users::display_name, users::active))
        .load(conn)?)
}
