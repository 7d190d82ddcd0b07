//! Who a case has been shared with beyond Haven, as its reporter is told
//! on the follow-up page: one list, whatever the way the case left, so
//! that every recipient of a case is shown in one place. Today that is
//! each referral to a partner group and each packet (or notice) for any
//! recipient.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use super::schema::{organisations, packets, referrals};
use super::{Conn, DbError};

/// How the case was shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharedBy {
    /// A referral to a partner group: its liaisons read the summary a
    /// caseworker wrote for it.
    Referral,
    /// An encrypted packet, or, for a recipient without a key, the notice
    /// that the case was shared.
    Packet,
}

/// One recipient of a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharingRow {
    pub by: SharedBy,
    /// The recipient's name, as Haven knows it.
    pub recipient: String,
    /// Where it stands: for a referral, its status (`pending`, `accepted`,
    /// `declined`, `withdrawn`); for a packet, `notice` or `packet`.
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
    let sent: Vec<(String, String, DateTime<Utc>)> = packets::table
        .inner_join(organisations::table)
        .filter(packets::case_id.eq(case_id))
        .order(packets::id.asc())
        .select((organisations::name, packets::status, packets::created_at))
        .load(conn)?;
    rows.extend(sent.into_iter().map(|(recipient, status, at)| {
        SharingRow {
            by: SharedBy::Packet,
            recipient,
            // Whether it was downloaded is the recipient's business: the
            // reporter is told what left, and to whom.
            status: if status == "notice" {
                "notice"
            } else {
                "packet"
            }
            .to_string(),
            day: at.date_naive(),
        }
    }));
    rows.sort_by_key(|r| r.day);
    Ok(rows)
}
