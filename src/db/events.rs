//! The timeline of a case: what happened, who did it, when.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::{case_events, users};
use super::{Conn, DbError};
use crate::domain::EventKind;

#[derive(Clone, Debug, Queryable)]
pub struct EventRow {
    pub id: i64,
    pub kind: String,
    pub detail: String,
    pub created_at: DateTime<Utc>,
    pub actor_email: Option<String>,
    pub actor_name: Option<String>,
}

/// Records an event. Events without a staff actor come from the reporter,
/// and get the hour only: an exact time could be matched against network
/// logs to find who they are.
pub fn record(
    conn: &mut Conn,
    case_id: i64,
    actor_id: Option<i64>,
    kind: &str,
    detail: &str,
) -> Result<(), DbError> {
    let now = Utc::now();
    let at = if actor_id.is_some() { now } else { coarse(now) };
    diesel::insert_into(case_events::table)
        .values((
            case_events::case_id.eq(case_id),
            case_events::actor_id.eq(actor_id),
            case_events::kind.eq(kind),
            case_events::detail.eq(detail),
            case_events::created_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// `t` truncated to the hour.
pub fn coarse(t: DateTime<Utc>) -> DateTime<Utc> {
    use chrono::{DurationRound, TimeDelta};
    t.duration_trunc(TimeDelta::hours(1)).unwrap_or(t)
}

pub fn for_case(conn: &mut Conn, case_id: i64) -> Result<Vec<EventRow>, DbError> {
    Ok(case_events::table
        .left_join(users::table.on(users::id.nullable().eq(case_events::actor_id)))
        .filter(case_events::case_id.eq(case_id))
        // Ids are random: order by time (a reporter's rows have the hour).
        .order((case_events::created_at.asc(), case_events::id.asc()))
        .select((
            case_events::id,
            case_events::kind,
            case_events::detail,
            case_events::created_at,
            users::email.nullable(),
            users::display_name.nullable(),
        ))
        .load(conn)?)
}

/// The consent changes of case `case_id` made on its follow-up page, oldest
/// first: whether it was given, which consent (`referral`, `police`,
/// `stats`), and when (to the hour, like every reporter action).
pub fn consent_changes(
    conn: &mut Conn,
    case_id: i64,
) -> Result<Vec<(bool, String, DateTime<Utc>)>, DbError> {
    let rows: Vec<(String, String, DateTime<Utc>)> = case_events::table
        .filter(case_events::case_id.eq(case_id))
        .filter(case_events::kind.eq_any([
            EventKind::ConsentGiven.as_str(),
            EventKind::ConsentWithdrawn.as_str(),
        ]))
        .order((case_events::created_at.asc(), case_events::id.asc()))
        .select((
            case_events::kind,
            case_events::detail,
            case_events::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(kind, consent, at)| (kind == EventKind::ConsentGiven.as_str(), consent, at))
        .collect())
}

/// Records a "filed" event for each of `case_ids` (demonstration seeding).
pub fn record_filed_many(conn: &mut Conn, case_ids: &[i64], source: &str) -> Result<(), DbError> {
    let rows: Vec<_> = case_ids
        .iter()
        .map(|id| {
            (
                case_events::case_id.eq(*id),
                case_events::kind.eq("filed"),
                case_events::detail.eq(source),
            )
        })
        .collect();
    diesel::insert_into(case_events::table)
        .values(&rows)
        .execute(conn)?;
    Ok(())
}
