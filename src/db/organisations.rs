//! Recipients: partner community groups (with liaisons) and official
//! bodies. The lists that offer groups for referrals, liaisons and group
//! keys hold partner groups only; [`list_recipients`] holds every kind.

use diesel::prelude::*;

use super::schema::{organisations, users};
use super::{Conn, DbError};
use crate::domain::{AgeRecipient, GroupName, RecipientKind};

/// The kind every partner group has in `organisations.kind`.
const PARTNER: &str = "partner";

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = organisations)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    pub emails: Vec<Option<String>>,
    pub communities: Vec<Option<String>>,
    pub language: String,
    pub active: bool,
    pub kind: String,
    pub age_recipient: Option<String>,
}

impl OrganisationRow {
    pub fn emails(&self) -> Vec<String> {
        super::strings(self.emails.clone())
    }
    pub fn communities(&self) -> Vec<String> {
        super::strings(self.communities.clone())
    }

    /// What kind of recipient it is.
    pub fn kind(&self) -> Result<RecipientKind, DbError> {
        RecipientKind::parse(&self.kind).ok_or(DbError::Unknown("an organisation's kind"))
    }

    /// Whether it is a partner group (liaisons, a group key).
    pub fn is_partner(&self) -> bool {
        self.kind == PARTNER
    }

    /// Its age public key, if it has one (a recipient without one is told
    /// only that a case was shared).
    pub fn age_key(&self) -> Result<Option<AgeRecipient>, DbError> {
        self.age_recipient
            .as_deref()
            .map(|k| AgeRecipient::parse(k).map_err(|_| DbError::Unknown("an age public key")))
            .transpose()
    }
}

/// The recipient whose name has this comparison key (see
/// `domain::GroupName`).
pub fn find_by_key(conn: &mut Conn, key: &str) -> Result<Option<OrganisationRow>, DbError> {
    Ok(organisations::table
        .filter(organisations::name_key.eq(key))
        .select(OrganisationRow::as_select())
        .first(conn)
        .optional()?)
}

/// A recipient's row, locked until the transaction ends (a packet leaving
/// is decided under it, after its key, kind and standing are read again).
pub fn lock(conn: &mut Conn, id: i64) -> Result<Option<OrganisationRow>, DbError> {
    Ok(organisations::table
        .find(id)
        .select(OrganisationRow::as_select())
        .for_update()
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

/// A new recipient, a partner group until [`set_recipient`] says
/// otherwise; [`DbError::Conflict`] when another has the same name key.
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

/// Changes a recipient's name, addresses, communities, language and
/// whether it is active.
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

/// Sets a recipient's kind and age public key (none: notice only).
pub fn set_recipient(
    conn: &mut Conn,
    id: i64,
    kind: RecipientKind,
    age_key: Option<&AgeRecipient>,
) -> Result<(), DbError> {
    diesel::update(organisations::table.find(id))
        .set((
            organisations::kind.eq(kind.as_str()),
            organisations::age_recipient.eq(age_key.map(AgeRecipient::as_str)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Every partner group, active first, by name.
pub fn list(conn: &mut Conn) -> Result<Vec<OrganisationRow>, DbError> {
    Ok(organisations::table
        .filter(organisations::kind.eq(PARTNER))
        .order((organisations::active.desc(), organisations::name.asc()))
        .select(OrganisationRow::as_select())
        .load(conn)?)
}

/// Every recipient — partner groups and official bodies — active first,
/// by name.
pub fn list_recipients(conn: &mut Conn) -> Result<Vec<OrganisationRow>, DbError> {
    Ok(organisations::table
        .order((organisations::active.desc(), organisations::name.asc()))
        .select(OrganisationRow::as_select())
        .load(conn)?)
}

/// The names of active partner groups, for choosing one.
pub fn names(conn: &mut Conn) -> Result<Vec<String>, DbError> {
    Ok(organisations::table
        .filter(organisations::active.eq(true))
        .filter(organisations::kind.eq(PARTNER))
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
