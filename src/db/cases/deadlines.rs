//! A case's deadlines and the reporter's activity: the targets set at
//! filing, when each was met, the reporter's last reply or evidence (to the
//! hour) and whether its assignee has seen it; and, per assignee, how many
//! deadlines are due soon or overdue.

use chrono::{DateTime, Utc};
use diesel::dsl::IntervalDsl;
use diesel::pg::Pg;
use diesel::prelude::*;

use crate::db::schema::cases;
use crate::db::{Conn, DbError};

/// Sets the case's targets, counted from the hour it was received.
pub fn set_targets(
    conn: &mut Conn,
    id: i64,
    ack_days: i64,
    response_days: i64,
) -> Result<(), DbError> {
    diesel::update(cases::table.find(id))
        .set((
            cases::ack_due_at.eq((cases::received_at + ack_days.days()).nullable()),
            cases::response_due_at.eq((cases::received_at + response_days.days()).nullable()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records the first message from staff to the reporter; later ones
/// change nothing.
pub fn mark_acknowledged(conn: &mut Conn, id: i64, at: DateTime<Utc>) -> Result<(), DbError> {
    diesel::update(
        cases::table
            .find(id)
            .filter(cases::acknowledged_at.is_null()),
    )
    .set(cases::acknowledged_at.eq(at))
    .execute(conn)?;
    Ok(())
}

/// Records the first substantive response (referred, in progress or
/// closed); later ones change nothing.
pub fn mark_responded(conn: &mut Conn, id: i64, at: DateTime<Utc>) -> Result<(), DbError> {
    diesel::update(cases::table.find(id).filter(cases::responded_at.is_null()))
        .set(cases::responded_at.eq(at))
        .execute(conn)?;
    Ok(())
}

/// The reporter replied or added evidence in `hour` (already truncated by
/// the caller): the last activity, and unread since then unless it was
/// unread already.
pub fn mark_reporter_activity(
    conn: &mut Conn,
    id: i64,
    hour: DateTime<Utc>,
) -> Result<(), DbError> {
    diesel::update(cases::table.find(id))
        .set(cases::last_activity_at.eq(hour))
        .execute(conn)?;
    diesel::update(cases::table.find(id).filter(cases::unread_since.is_null()))
        .set(cases::unread_since.eq(hour))
        .execute(conn)?;
    Ok(())
}

/// The reporter's last activity has been seen.
pub fn clear_unread(conn: &mut Conn, id: i64) -> Result<(), DbError> {
    diesel::update(
        cases::table
            .find(id)
            .filter(cases::unread_since.is_not_null()),
    )
    .set(cases::unread_since.eq(None::<DateTime<Utc>>))
    .execute(conn)?;
    Ok(())
}

/// Counts stop here: past it a page shows "1000+", and no count reads
/// more than this many index entries.
pub const COUNT_CAP: i64 = 1000;

/// One assignee's deadlines (`None`: cases assigned to nobody): due
/// between now and `soon`, and overdue; each at most [`COUNT_CAP`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeadlineCounts {
    pub assignee_id: Option<i64>,
    pub due_soon: i64,
    pub overdue: i64,
}

#[derive(Clone, Copy)]
enum Waiting {
    Acknowledgement,
    Response,
}

/// The cases of `assignee` waiting on `kind`: the predicates of the
/// partial indexes `cases_ack_pending` and `cases_response_pending`
/// (migration 000085), written without bound values so that the planner
/// can always prove them.
fn waiting(kind: Waiting, assignee: Option<i64>) -> cases::BoxedQuery<'static, Pg> {
    let q = cases::table
        .filter(cases::attention_at.is_not_null())
        .into_boxed();
    let q = match kind {
        Waiting::Acknowledgement => q.filter(cases::acknowledged_at.is_null()),
        Waiting::Response => q
            .filter(cases::acknowledged_at.is_not_null())
            .filter(cases::responded_at.is_null()),
    };
    match assignee {
        Some(id) => q.filter(cases::assignee_id.eq(id)),
        None => q.filter(cases::assignee_id.is_null()),
    }
}

/// How many cases of `assignee` wait on `kind` with their deadline in
/// `[from, to)` (`from` `None`: any time before `to`), capped.
fn count_between(
    conn: &mut Conn,
    kind: Waiting,
    assignee: Option<i64>,
    from: Option<DateTime<Utc>>,
    to: DateTime<Utc>,
) -> Result<i64, DbError> {
    let mut q = waiting(kind, assignee);
    q = match (kind, from) {
        (Waiting::Acknowledgement, Some(f)) => q.filter(cases::ack_due_at.ge(f)),
        (Waiting::Response, Some(f)) => q.filter(cases::response_due_at.ge(f)),
        (_, None) => q,
    };
    q = match kind {
        Waiting::Acknowledgement => q.filter(cases::ack_due_at.lt(to)),
        Waiting::Response => q.filter(cases::response_due_at.lt(to)),
    };
    let ids: Vec<i64> = q.select(cases::id).limit(COUNT_CAP).load(conn)?;
    Ok(ids.len() as i64)
}

/// The deadlines due before `soon` and overdue at `now`, for each of
/// `assignees`. Each count is a bounded range scan of one partial index.
pub fn deadline_counts(
    conn: &mut Conn,
    assignees: &[Option<i64>],
    now: DateTime<Utc>,
    soon: DateTime<Utc>,
) -> Result<Vec<DeadlineCounts>, DbError> {
    let mut out = Vec::with_capacity(assignees.len());
    for assignee in assignees {
        let mut due_soon = 0;
        let mut overdue = 0;
        for kind in [Waiting::Acknowledgement, Waiting::Response] {
            overdue += count_between(conn, kind, *assignee, None, now)?;
            due_soon += count_between(conn, kind, *assignee, Some(now), soon)?;
        }
        out.push(DeadlineCounts {
            assignee_id: *assignee,
            due_soon: due_soon.min(COUNT_CAP),
            overdue: overdue.min(COUNT_CAP),
        });
    }
    Ok(out)
}
