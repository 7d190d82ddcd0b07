//! Cases: the sealed report plus the categorical columns used to triage.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;

use super::schema::{case_status_counts, cases, users};
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
    /// `None`: new (the default).
    pub status: Option<&'static str>,
    /// `None`: this hour (the default). Set only by demonstration seeding.
    pub received_at: Option<DateTime<Utc>>,
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
    pub risk_rank: Option<i16>,
    pub kinds: Vec<Option<String>>,
    pub province: Option<String>,
    pub community: Option<String>,
    pub immediate_danger: bool,
    pub assignee_id: Option<i64>,
    pub received_at: DateTime<Utc>,
}

/// Whose cases to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum AssigneeFilter {
    #[default]
    Anyone,
    Nobody,
    User(i64),
}

/// The order of the queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    /// Urgent first, then elevated, then routine; newest first within each.
    Risk,
}

/// Where the next page starts: after the row with this rank and id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub rank: i16,
    pub id: i64,
}

/// The queue's filters; every field narrows the list.
#[derive(Clone, Debug, Default)]
pub struct QueueFilter {
    pub status: Option<&'static str>,
    pub risk: Option<&'static str>,
    pub kind: Option<&'static str>,
    pub community: Option<&'static str>,
    pub assignee: AssigneeFilter,
    pub received_from: Option<DateTime<Utc>>,
    pub received_before: Option<DateTime<Utc>>,
    pub sort: Sort,
    pub after: Option<Cursor>,
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
    pub assignee_id: Option<i64>,
    pub deletion_due_at: Option<DateTime<Utc>>,
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

/// One page of the queue, newest first, strictly before `before` (keyset
/// pagination on the primary key: the same cost on page 1 and page 10,000).
pub fn queue_page(
    conn: &mut Conn,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<QueueRow>, DbError> {
    let filter = QueueFilter {
        after: before.map(|id| Cursor { rank: 0, id }),
        ..Default::default()
    };
    filtered_page(conn, &filter, limit)
}

/// One page of the queue under `filter`, with keyset pagination: each page
/// starts where the last one ended, using an index, never OFFSET.
pub fn filtered_page(
    conn: &mut Conn,
    filter: &QueueFilter,
    limit: i64,
) -> Result<Vec<QueueRow>, DbError> {
    let mut q = cases::table
        .select(QueueRow::as_select())
        .limit(limit)
        .into_boxed();
    if let Some(status) = filter.status {
        q = q.filter(cases::status.eq(status));
    }
    if let Some(risk) = filter.risk {
        q = q.filter(cases::risk.eq(risk));
    }
    if let Some(kind) = filter.kind {
        q = q.filter(cases::kinds.contains(vec![Some(kind.to_string())]));
    }
    if let Some(community) = filter.community {
        q = q.filter(cases::community.eq(community));
    }
    match filter.assignee {
        AssigneeFilter::Anyone => {}
        AssigneeFilter::Nobody => q = q.filter(cases::assignee_id.is_null()),
        AssigneeFilter::User(id) => q = q.filter(cases::assignee_id.eq(id)),
    }
    if let Some(from) = filter.received_from {
        q = q.filter(cases::received_at.ge(from));
    }
    if let Some(before) = filter.received_before {
        q = q.filter(cases::received_at.lt(before));
    }
    // Case ids are random (a sequence would date a report against others
    // filed at known times): the order is by the hour received, and the
    // cursor's case gives the place to continue from.
    let anchor: Option<(DateTime<Utc>, Option<i16>)> = match filter.after {
        Some(c) => cases::table
            .find(c.id)
            .select((cases::received_at, cases::risk_rank))
            .first(conn)
            .optional()?,
        None => None,
    };
    if filter.after.is_some() && anchor.is_none() {
        return Ok(Vec::new());
    }
    q = match (filter.sort, filter.after.zip(anchor)) {
        (Sort::Newest, Some((c, (at, _)))) => q.filter(
            cases::received_at
                .lt(at)
                .or(cases::received_at.eq(at).and(cases::id.lt(c.id))),
        ),
        (Sort::Oldest, Some((c, (at, _)))) => q.filter(
            cases::received_at
                .gt(at)
                .or(cases::received_at.eq(at).and(cases::id.gt(c.id))),
        ),
        (Sort::Risk, Some((c, (at, rank)))) => {
            let rank = rank.unwrap_or(c.rank);
            q.filter(
                cases::risk_rank.gt(rank).or(cases::risk_rank.eq(rank).and(
                    cases::received_at
                        .lt(at)
                        .or(cases::received_at.eq(at).and(cases::id.lt(c.id))),
                )),
            )
        }
        (_, None) => q,
    };
    q = match filter.sort {
        Sort::Newest => q.order((cases::received_at.desc(), cases::id.desc())),
        Sort::Oldest => q.order((cases::received_at.asc(), cases::id.asc())),
        Sort::Risk => q.order((
            cases::risk_rank.asc(),
            cases::received_at.desc(),
            cases::id.desc(),
        )),
    };
    Ok(q.load(conn)?)
}

/// How many cases are in each status (kept by triggers, so instant).
pub fn status_counts(conn: &mut Conn) -> Result<Vec<(String, i64)>, DbError> {
    Ok(case_status_counts::table
        .select((case_status_counts::status, case_status_counts::n))
        .load(conn)?)
}

/// Labels of the assignees of `ids`.
pub fn assignee_labels(
    conn: &mut Conn,
    ids: &[i64],
) -> Result<Vec<(i64, String, String)>, DbError> {
    Ok(users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::email, users::display_name))
        .load(conn)?)
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
        .filter(cases::master_key_id.ne(key_id))
        .order(cases::id.asc())
        .limit(limit)
        .select((
            cases::id,
            cases::reference,
            cases::master_key_id,
            cases::wrapped_key,
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
