//! Cases: the sealed report plus the categorical columns used to triage.
//! The queue's listing queries are in `queue`; deadlines and the
//! reporter's activity in `deadlines`.

mod consent;
mod deadlines;
mod queue;

pub use consent::{referral_consent_locked, set_consent};

pub use deadlines::{
    COUNT_CAP, DeadlineCounts, clear_unread, deadline_counts, mark_acknowledged,
    mark_reporter_activity, mark_responded, set_targets,
};

pub use queue::{
    AssigneeFilter, Cursor, QueueFilter, QueueRow, Sort, assignee_labels, filtered_page,
    queue_page, status_counts,
};

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use super::schema::cases;
use super::{Conn, DbError};
use crate::crypto::Sealed;

#[derive(Clone, Insertable)]
#[diesel(table_name = cases)]
pub struct NewCaseRow {
    pub reference: String,
    pub receipt_hash: String,
    pub master_key_id: String,
    /// Only for cases filed before keys were held by people.
    pub wrapped_key: Option<Sealed>,
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
    /// `None`: new (the default).
    pub status: Option<&'static str>,
    /// `None`: this hour (the default). Set only by demonstration seeding.
    pub received_at: Option<DateTime<Utc>>,
}

/// A whole case as stored (the content still sealed).
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = cases)]
pub struct CaseRow {
    pub id: i64,
    pub reference: String,
    pub master_key_id: String,
    /// The case key under the master key alone: only for a case filed
    /// before keys were held by people, until it moves.
    pub wrapped_key: Option<Sealed>,
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
    pub assignee_id: Option<i64>,
    pub deletion_due_at: Option<DateTime<Utc>>,
    /// The first acknowledgement and the first substantive response: due
    /// (set at filing) and met.
    pub ack_due_at: Option<DateTime<Utc>>,
    pub response_due_at: Option<DateTime<Utc>>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub responded_at: Option<DateTime<Utc>>,
    /// A reply or evidence from the reporter not yet seen (to the hour).
    pub unread_since: Option<DateTime<Utc>>,
    /// The reporter's last reply or evidence, to the hour.
    pub last_activity_at: Option<DateTime<Utc>>,
}

/// Inserts a case and returns its id; a reference already taken is
/// [`DbError::Conflict`].
pub fn insert(conn: &mut Conn, row: &NewCaseRow) -> Result<i64, DbError> {
    Ok(diesel::insert_into(cases::table)
        .values(row)
        .returning(cases::id)
        .get_result(conn)?)
}

/// Inserts many cases at once (demonstration seeding); returns their ids.
pub fn insert_many(conn: &mut Conn, rows: &[NewCaseRow]) -> Result<Vec<i64>, DbError> {
    Ok(diesel::insert_into(cases::table)
        .values(rows)
        .returning(cases::id)
        .get_results(conn)?)
}

/// Moves a case from `from` to `to`; false if its status changed meanwhile.
pub fn set_status(conn: &mut Conn, id: i64, from: &str, to: &str) -> Result<bool, DbError> {
    Ok(
        diesel::update(cases::table.find(id).filter(cases::status.eq(from)))
            .set(cases::status.eq(to))
            .execute(conn)?
            == 1,
    )
}

pub fn set_risk(conn: &mut Conn, id: i64, risk: &str) -> Result<(), DbError> {
    diesel::update(cases::table.find(id))
        .set(cases::risk.eq(risk))
        .execute(conn)?;
    Ok(())
}

pub fn set_assignee(conn: &mut Conn, id: i64, assignee: Option<i64>) -> Result<(), DbError> {
    diesel::update(cases::table.find(id))
        .set(cases::assignee_id.eq(assignee))
        .execute(conn)?;
    Ok(())
}

/// Cases by status, counting those received before `before` only.
pub fn status_counts_before(
    conn: &mut Conn,
    before: DateTime<Utc>,
) -> Result<Vec<(String, i64)>, DbError> {
    Ok(cases::table
        .filter(cases::received_at.lt(before))
        .group_by(cases::status)
        .select((cases::status, diesel::dsl::count_star()))
        .load(conn)?)
}

/// Whether a case has this reference.
pub fn reference_exists(conn: &mut Conn, reference: &str) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        cases::table.filter(cases::reference.eq(reference)),
    ))
    .get_result(conn)?)
}

pub fn find_by_reference(conn: &mut Conn, reference: &str) -> Result<Option<CaseRow>, DbError> {
    Ok(cases::table
        .filter(cases::reference.eq(reference))
        .select(CaseRow::as_select())
        .first(conn)
        .optional()?)
}

/// A case's row, locked until the transaction ends: what is decided
/// under it (a packet leaving, a consent changing) happens one at a time.
pub fn lock(conn: &mut Conn, id: i64) -> Result<Option<CaseRow>, DbError> {
    Ok(cases::table
        .find(id)
        .select(CaseRow::as_select())
        .for_update()
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

/// Every case, counted from the per-status counters.
pub fn count(conn: &mut Conn) -> Result<i64, DbError> {
    Ok(status_counts(conn)?.iter().map(|(_, n)| n).sum())
}

/// Marks when a case was closed (for retention), or clears it on reopening.
pub fn set_closed_at(conn: &mut Conn, id: i64, closed: bool) -> Result<(), DbError> {
    let at = closed.then(Utc::now);
    diesel::update(cases::table.find(id))
        .set(cases::closed_at.eq(at))
        .execute(conn)?;
    Ok(())
}

/// Cases closed before `before` (for retention).
pub fn closed_before(
    conn: &mut Conn,
    before: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<i64>, DbError> {
    Ok(cases::table
        .filter(cases::status.eq("closed"))
        .filter(cases::closed_at.lt(before))
        .order(cases::id.asc())
        .limit(limit)
        .select(cases::id)
        .load(conn)?)
}

/// Schedules (or, with `None`, cancels) the deletion a reporter asked for.
pub fn set_deletion_due(
    conn: &mut Conn,
    id: i64,
    due: Option<DateTime<Utc>>,
) -> Result<(), DbError> {
    diesel::update(cases::table.find(id))
        .set(cases::deletion_due_at.eq(due))
        .execute(conn)?;
    Ok(())
}

/// Cases whose requested deletion is due.
pub fn deletions_due(conn: &mut Conn, now: DateTime<Utc>) -> Result<Vec<i64>, DbError> {
    Ok(cases::table
        .filter(cases::deletion_due_at.le(now))
        .select(cases::id)
        .load(conn)?)
}

/// Deletes a case; its evidence, notes, messages, events, referrals and
/// sessions go with it (ON DELETE CASCADE), and so does its wrapped data
/// key, so that copies of its ciphertext elsewhere can never be opened.
pub fn delete(conn: &mut Conn, id: i64) -> Result<bool, DbError> {
    Ok(diesel::delete(cases::table.find(id)).execute(conn)? == 1)
}

pub fn find(conn: &mut Conn, id: i64) -> Result<Option<CaseRow>, DbError> {
    Ok(cases::table
        .find(id)
        .select(CaseRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn count_not_wrapped_under(conn: &mut Conn, key_id: &str) -> Result<i64, DbError> {
    Ok(cases::table
        .filter(cases::wrapped_key.is_not_null())
        .filter(cases::master_key_id.ne(key_id))
        .count()
        .get_result(conn)?)
}

/// Cases whose data key is wrapped under another master key, locked for
/// re-wrapping (skipping rows another rotation holds).
pub fn wrapped_not_under(
    conn: &mut Conn,
    key_id: &str,
    limit: i64,
) -> Result<Vec<(i64, String, String, Sealed)>, DbError> {
    Ok(cases::table
        .filter(cases::wrapped_key.is_not_null())
        .filter(cases::master_key_id.ne(key_id))
        .order(cases::id.asc())
        .limit(limit)
        .select((
            cases::id,
            cases::reference,
            cases::master_key_id,
            cases::wrapped_key.assume_not_null(),
        ))
        .for_update()
        .skip_locked()
        .load(conn)?)
}

pub fn set_wrapped_key(
    conn: &mut Conn,
    id: i64,
    key_id: &str,
    sealed: &Sealed,
) -> Result<(), DbError> {
    diesel::update(cases::table.find(id))
        .set((
            cases::master_key_id.eq(key_id),
            cases::wrapped_key.eq(sealed),
        ))
        .execute(conn)?;
    Ok(())
}

/// Ends a case's copy of its key under the master key alone (it moved to
/// people's keys).
pub fn clear_wrapped_key(conn: &mut Conn, id: i64) -> Result<(), DbError> {
    diesel::update(cases::table.find(id))
        .set(cases::wrapped_key.eq(None::<Sealed>))
        .execute(conn)?;
    Ok(())
}

/// Replaces a case's receipt hash (a plain one from before, by a split one).
pub fn set_receipt_hash(conn: &mut Conn, id: i64, hash: &str) -> Result<(), DbError> {
    diesel::update(cases::table.find(id))
        .set(cases::receipt_hash.eq(hash))
        .execute(conn)?;
    Ok(())
}

/// The reference of a case.
pub fn reference_of(conn: &mut Conn, id: i64) -> Result<String, DbError> {
    Ok(cases::table.find(id).select(cases::reference).first(conn)?)
}

/// Records the master key under which the case's keys are sealed now.
pub fn set_master_key_id(conn: &mut Conn, id: i64, key_id: &str) -> Result<(), DbError> {
    diesel::update(cases::table.find(id))
        .set(cases::master_key_id.eq(key_id))
        .execute(conn)?;
    Ok(())
}

/// Records the master key of a case's sealed keys, unless the case still
/// has its key under the master key alone (a moved case before its
/// reporter's visit): that copy's key id is the one the column names.
pub fn set_master_key_id_if_unwrapped(
    conn: &mut Conn,
    id: i64,
    key_id: &str,
) -> Result<(), DbError> {
    diesel::update(cases::table.find(id).filter(cases::wrapped_key.is_null()))
        .set(cases::master_key_id.eq(key_id))
        .execute(conn)?;
    Ok(())
}
