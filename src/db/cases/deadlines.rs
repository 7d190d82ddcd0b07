//! A case's deadlines and the reporter's activity: the targets set at
//! filing, when each was met, the reporter's last reply or evidence (to the
//! hour) and whether its assignee has seen it; and, per assignee, how many
//! deadlines are due soon or overdue.

use chrono::{DateTime, Utc};
use diesel::dsl::IntervalDsl;
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

/// Counts stop here: past it a page shows "100+", and no count reads
/// more than this many index entries.
pub const COUNT_CAP: i64 = 100;

/// One assignee's deadlines (`None`: cases assigned to nobody): due
/// between now and `soon`, and overdue; each at most [`COUNT_CAP`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeadlineCounts {
    pub assignee_id: Option<i64>,
    pub due_soon: i64,
    pub overdue: i64,
}

#[derive(QueryableByName)]
struct CountsRow {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
    assignee: Option<i64>,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    due_soon: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    overdue: i64,
}

/// The deadlines due before `soon` and overdue at `now`, for each of the
/// caseworkers `workers`, then for the cases assigned to nobody; each
/// count capped at [`COUNT_CAP`]. One round trip to the function
/// `queue_deadline_counts` (migration 000095), whose statement keeps its
/// plan for the connection; each count is a bounded range scan of one
/// partial index, whatever the size of the table.
pub fn deadline_counts(
    conn: &mut Conn,
    workers: &[i64],
    now: DateTime<Utc>,
    soon: DateTime<Utc>,
) -> Result<Vec<DeadlineCounts>, DbError> {
    let rows: Vec<CountsRow> = diesel::sql_query(
        "SELECT assignee, due_soon, overdue FROM queue_deadline_counts($1, $2, $3, $4) \
         ORDER BY n NULLS LAST",
    )
    .bind::<diesel::sql_types::Array<diesel::sql_types::BigInt>, _>(workers)
    .bind::<diesel::sql_types::Timestamptz, _>(now)
    .bind::<diesel::sql_types::Timestamptz, _>(soon)
    .bind::<diesel::sql_types::BigInt, _>(COUNT_CAP)
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| DeadlineCounts {
            assignee_id: r.assignee,
            due_soon: r.due_soon.min(COUNT_CAP),
            overdue: r.overdue.min(COUNT_CAP),
        })
        .collect())
}
