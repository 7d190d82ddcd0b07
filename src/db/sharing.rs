//! Who a case has been shared with beyond Haven, as its reporter is told
//! on the follow-up page: one list, whatever the way the case left, so
//! that every recipient of a case is shown in one place. Today that is
//! each referral to a partner group.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use super::schema::{organisations, referrals};
use super::{Conn, DbError};

/// How the case was shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharedBy {
    /// A referral to a partner group: its liaisons read the summary a
    /// caseworker wrote for it.
    Referral,
}

/// One recipient of a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharingRow {
    pub by: SharedBy,
    /// The recipient's name, as Haven knows it.
    pub recipient: String,
    /// Where it stands: for a referral, its status (`pending`, `accepted`,
    /// `declined`, `withdrawn`).
    pub status: String,
    /// The day it was shared.
    pub day: NaiveDate,
}

/// Everyone case `case_id` was shared with, oldest first.
pub fn for_case(conn: &mut Conn, case_id: i64) -> Result<Vec<SharingRow>, DbError> {
    let referred: Vec<(String, String, DateTime<Utc>)> = referrals::table
        .inner_join(organisations::table)
        .filter(referrals::case_id.eq(case_id))
        .order(referrals::id.asc())
        .select((
            organisations::name,
            referrals::status,
            referrals::created_at,
        ))
        .load(conn)?;
    let mut rows: Vec<SharingRow> = referred
        .into_iter()
        .map(|(recipient, status, at)| SharingRow {
            by: SharedBy::Referral,
            recipient,
            status,
            day: at.date_naive(),
        })
        .collect();
    rows.sort_by_key(|r| r.day);
    Ok(rows)
}
