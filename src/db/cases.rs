//! Cases: the sealed report plus the categorical columns used to triage.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use super::schema::cases;
use super::{Conn, DbError};
use crate::crypto::Sealed;

#[derive(Insertable)]
#[diesel(table_name = cases)]
pub struct NewCaseRow {
    pub reference: String,
    pub receipt_hash: String,
    pub master_key_id: String,
    pub wrapped_key: Sealed,
    pub content: Sealed,
    pub source: &'static str,
    pub risk: &'static str,
    pub kinds: Vec<String>,
    pub reporter_role: Option<&'static str>,
    pub occurred_month: Option<NaiveDate>,
    pub province: Option<&'static str>,
    pub community: Option<&'static str>,
    pub channels: Vec<String>,
    pub state_link: Option<&'static str>,
    pub demands: Vec<String>,
    pub family_affected: bool,
    pub immediate_danger: bool,
    pub support: Vec<String>,
    pub contact_method: &'static str,
    pub consent_referral: bool,
    pub consent_police: bool,
    pub consent_stats: bool,
    pub language: &'static str,
}

/// What the queue lists: nothing secret, nothing to decrypt.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = cases)]
pub struct QueueRow {
    pub id: i64,
    pub reference: String,
    pub source: String,
    pub status: String,
    pub risk: String,
    pub kinds: Vec<Option<String>>,
    pub province: Option<String>,
    pub community: Option<String>,
    pub immediate_danger: bool,
    pub received_at: DateTime<Utc>,
}

/// A whole case as stored (the content still sealed).
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = cases)]
pub struct CaseRow {
    pub id: i64,
    pub reference: String,
    pub master_key_id: String,
    pub wrapped_key: Sealed,
    pub content: Sealed,
    pub source: String,
    pub status: String,
    pub risk: String,
    pub kinds: Vec<Option<String>>,
    pub reporter_role: Option<String>,
    pub occurred_month: Option<NaiveDate>,
    pub province: Option<String>,
    pub community: Option<String>,
    pub channels: Vec<Option<String>>,
    pub state_link: Option<String>,
    pub demands: Vec<Option<String>>,
    pub family_affected: bool,
    pub immediate_danger: bool,
    pub support: Vec<Option<String>>,
    pub contact_method: String,
    pub consent_referral: bool,
    pub consent_police: bool,
    pub consent_stats: bool,
    pub language: String,
    pub received_at: DateTime<Utc>,
}

/// Inserts a case and returns its id; a reference already taken is
/// [`DbError::Conflict`].
pub fn insert(conn: &mut Conn, row: &NewCaseRow) -> Result<i64, DbError> {
    Ok(diesel::insert_into(cases::table).values(row).returning(cases::id).get_result(conn)?)
}

/// One page of the queue, newest first, strictly before `before` (keyset
/// pagination on the primary key: the same cost on page 1 and page 10,000).
pub fn queue_page(conn: &mut Conn, before: Option<i64>, limit: i64) -> Result<Vec<QueueRow>, DbError> {
    let mut query = cases::table.select(QueueRow::as_select()).order(cases::id.desc()).limit(limit).into_boxed();
    if let Some(before) = before {
        query = query.filter(cases::id.lt(before));
    }
    Ok(query.load(conn)?)
}

pub fn find_by_reference(conn: &mut Conn, reference: &str) -> Result<Option<CaseRow>, DbError> {
    Ok(cases::table
        .filter(cases::reference.eq(reference))
        .select(CaseRow::as_select())
        .first(conn)
        .optional()?)
}

/// The receipt hash of a case, for follow-up.
pub fn receipt_hash(conn: &mut Conn, reference: &str) -> Result<Option<String>, DbError> {
    Ok(cases::table
        .filter(cases::reference.eq(reference))
        .select(cases::receipt_hash)
        .first(conn)
        .optional()?)
}

pub fn count(conn: &mut Conn) -> Result<i64, DbError> {
    Ok(cases::table.count().get_result(conn)?)
}
