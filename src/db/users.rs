//! Staff accounts.

use diesel::prelude::*;

use super::schema::users;
use super::{Conn, DbError};

#[derive(Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub password_hash: Option<String>,
    pub role: String,
    pub organisation_id: Option<i64>,
    pub active: bool,
}

impl std::fmt::Debug for UserRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserRow").field("id", &self.id).field("role", &self.role).finish_non_exhaustive()
    }
}

#[derive(Insertable)]
#[diesel(table_name = users)]
pub struct NewUserRow<'a> {
    pub email: &'a str,
    pub password_hash: Option<&'a str>,
    pub role: &'a str,
    pub organisation_id: Option<i64>,
}

pub fn insert(conn: &mut Conn, user: &NewUserRow<'_>) -> Result<UserRow, DbError> {
    Ok(diesel::insert_into(users::table).values(user).returning(UserRow::as_returning()).get_result(conn)?)
}

pub fn find_by_email(conn: &mut Conn, email: &str) -> Result<Option<UserRow>, DbError> {
    Ok(users::table.filter(users::email.eq(email)).select(UserRow::as_select()).first(conn).optional()?)
}

pub fn count_admins(conn: &mut Conn) -> Result<i64, DbError> {
    Ok(users::table.filter(users::role.eq("admin")).count().get_result(conn)?)
}
