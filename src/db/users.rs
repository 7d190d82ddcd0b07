//! Staff accounts.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::{organisations, users};
use super::{Conn, DbError};
use crate::crypto::Sealed;

#[derive(Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub password_hash: Option<String>,
    pub role: String,
    pub organisation_id: Option<i64>,
    pub active: bool,
    pub display_name: String,
    pub language: String,
    pub on_duty: bool,
    pub totp_key_id: Option<String>,
    pub totp_secret: Option<Sealed>,
    pub totp_enabled: bool,
    pub totp_last_step: i64,
    pub created_at: DateTime<Utc>,
}

impl std::fmt::Debug for UserRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserRow")
            .field("id", &self.id)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

impl UserRow {
    /// How the account is named on pages: its display name, or its email.
    pub fn label(&self) -> &str {
        label(&self.email, &self.display_name)
    }
}

/// How an account is named on pages: its display name, or its email when it
/// has none.
pub fn label<'a>(email: &'a str, display_name: &'a str) -> &'a str {
    if display_name.is_empty() {
        email
    } else {
        display_name
    }
}

/// The label of a joined author, if the row has one.
pub fn author_label(email: Option<&str>, display_name: Option<&str>) -> Option<String> {
    email.map(|e| label(e, display_name.unwrap_or("")).to_string())
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
    Ok(diesel::insert_into(users::table)
        .values(user)
        .returning(UserRow::as_returning())
        .get_result(conn)?)
}

pub fn find(conn: &mut Conn, id: i64) -> Result<Option<UserRow>, DbError> {
    Ok(users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_email(conn: &mut Conn, email: &str) -> Result<Option<UserRow>, DbError> {
    Ok(users::table
        .filter(users::email.eq(email))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn count_admins(conn: &mut Conn) -> Result<i64, DbError> {
    Ok(users::table
        .filter(users::role.eq("admin"))
        .count()
        .get_result(conn)?)
}

/// Every active admin.
pub fn active_admins(conn: &mut Conn) -> Result<Vec<UserRow>, DbError> {
    Ok(users::table
        .filter(users::role.eq("admin"))
        .filter(users::active.eq(true))
        .select(UserRow::as_select())
        .load(conn)?)
}

/// Active admins other than `except` (so the last admin is never removed).
pub fn count_other_active_admins(conn: &mut Conn, except: i64) -> Result<i64, DbError> {
    Ok(users::table
        .filter(users::role.eq("admin"))
        .filter(users::active.eq(true))
        .filter(users::id.ne(except))
        .count()
        .get_result(conn)?)
}

/// Every account, with its partner group's name, for the admin list.
pub fn list(conn: &mut Conn) -> Result<Vec<(UserRow, Option<String>)>, DbError> {
    Ok(users::table
        .left_join(organisations::table)
        .order((users::active.desc(), users::role.asc(), users::email.asc()))
        .select((UserRow::as_select(), organisations::name.nullable()))
        .load(conn)?)
}

/// Active caseworkers and admins: who a case can be assigned to.
pub fn case_workers(conn: &mut Conn) -> Result<Vec<UserRow>, DbError> {
    Ok(users::table
        .filter(users::active.eq(true))
        .filter(users::role.eq_any(["caseworker", "admin"]))
        .order(users::email.asc())
        .select(UserRow::as_select())
        .load(conn)?)
}

/// Who is told about an urgent case: the active caseworkers and admins on
/// duty, or, when nobody is on duty, all of them.
pub fn urgent_recipients(conn: &mut Conn) -> Result<Vec<UserRow>, DbError> {
    let all = case_workers(conn)?;
    let on_duty: Vec<UserRow> = all.iter().filter(|u| u.on_duty).cloned().collect();
    Ok(if on_duty.is_empty() { all } else { on_duty })
}

pub fn set_password(conn: &mut Conn, id: i64, hash: &str) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set(users::password_hash.eq(hash))
        .execute(conn)?;
    Ok(())
}

pub fn set_active(conn: &mut Conn, id: i64, active: bool) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set(users::active.eq(active))
        .execute(conn)?;
    Ok(())
}

pub fn set_role(
    conn: &mut Conn,
    id: i64,
    role: &str,
    organisation_id: Option<i64>,
) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set((
            users::role.eq(role),
            users::organisation_id.eq(organisation_id),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_on_duty(conn: &mut Conn, id: i64, on_duty: bool) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set(users::on_duty.eq(on_duty))
        .execute(conn)?;
    Ok(())
}

pub fn set_profile(
    conn: &mut Conn,
    id: i64,
    display_name: &str,
    language: &str,
) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set((
            users::display_name.eq(display_name),
            users::language.eq(language),
        ))
        .execute(conn)?;
    Ok(())
}

/// Stores a new, not yet confirmed, TOTP secret.
pub fn set_pending_totp(
    conn: &mut Conn,
    id: i64,
    key_id: &str,
    secret: &Sealed,
) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set((
            users::totp_key_id.eq(key_id),
            users::totp_secret.eq(secret),
            users::totp_enabled.eq(false),
            users::totp_last_step.eq(0),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn enable_totp(conn: &mut Conn, id: i64) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set(users::totp_enabled.eq(true))
        .execute(conn)?;
    Ok(())
}

pub fn disable_totp(conn: &mut Conn, id: i64) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set((
            users::totp_enabled.eq(false),
            users::totp_key_id.eq(None::<String>),
            users::totp_secret.eq(None::<Sealed>),
            users::totp_last_step.eq(0),
        ))
        .execute(conn)?;
    Ok(())
}

/// Accepts TOTP time step `step` once: true only if no later or equal step
/// was accepted before (so a code cannot be replayed).
pub fn accept_totp_step(conn: &mut Conn, id: i64, step: i64) -> Result<bool, DbError> {
    let n = diesel::update(users::table.find(id).filter(users::totp_last_step.lt(step)))
        .set(users::totp_last_step.eq(step))
        .execute(conn)?;
    Ok(n == 1)
}

/// Users whose TOTP secret is sealed under another master key.
pub fn totp_not_under(
    conn: &mut Conn,
    key_id: &str,
) -> Result<Vec<(i64, String, Sealed)>, DbError> {
    let rows: Vec<(i64, Option<String>, Option<Sealed>)> = users::table
        .filter(users::totp_key_id.is_not_null())
        .filter(users::totp_key_id.ne(key_id))
        .select((users::id, users::totp_key_id, users::totp_secret))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, k, s)| Some((id, k?, s?)))
        .collect())
}

pub fn set_totp_sealed(
    conn: &mut Conn,
    id: i64,
    key_id: &str,
    sealed: &Sealed,
) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set((users::totp_key_id.eq(key_id), users::totp_secret.eq(sealed)))
        .execute(conn)?;
    Ok(())
}
