//! Deadlines and activity. At filing a case is promised a first
//! acknowledgement (`HAVEN_ACK_DAYS`) and a first substantive response
//! (`HAVEN_RESPONSE_DAYS`), counted from the hour it was received.
//!
//! - **Acknowledged**: the first message from staff to the reporter.
//! - **Responded**: the first time the case is referred to a partner group,
//!   moved to in progress, or closed.
//!
//! Each is recorded once, the first time. A reporter's reply or added
//! evidence marks the case unread (to the hour) until its assignee — or,
//! when nobody is assigned, any caseworker or admin — opens it. Opening a
//! case also records, for the reporter's access list, that a caseworker or
//! an admin (the role, never who) opened it that day.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::context::Ctx;
use crate::db::access::{self, Reader};
use crate::db::cases::{CaseRow, DeadlineCounts};
use crate::db::{self, Conn, DbError};
use crate::error::ServiceError;

/// A deadline is "due soon" within this many days.
pub const DUE_SOON_DAYS: i64 = 3;

/// One deadline as staff see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub due: NaiveDate,
    /// The day it was met, if it was.
    pub met: Option<NaiveDate>,
    /// Whole days past due, while it is not met and the case is open.
    pub overdue_days: Option<i64>,
}

impl Deadline {
    fn new(
        due: Option<DateTime<Utc>>,
        met: Option<DateTime<Utc>>,
        open: bool,
        now: DateTime<Utc>,
    ) -> Option<Self> {
        let due_at = due?;
        Some(Self {
            due: due_at.date_naive(),
            met: met.map(|m| m.date_naive()),
            overdue_days: (met.is_none() && open && now > due_at)
                .then(|| (now - due_at).num_days()),
        })
    }
}

/// A case's deadlines and the reporter's activity, for the case page.
#[derive(Clone, Debug, Default)]
pub struct Deadlines {
    pub acknowledge: Option<Deadline>,
    pub respond: Option<Deadline>,
    /// Since when a reply or evidence from the reporter waits unseen.
    pub unread_since: Option<DateTime<Utc>>,
    /// The day of the reporter's last reply or evidence.
    pub last_activity: Option<NaiveDate>,
}

impl Deadlines {
    pub fn of(row: &CaseRow, now: DateTime<Utc>) -> Self {
        let open = row.status != "closed";
        Self {
            acknowledge: Deadline::new(row.ack_due_at, row.acknowledged_at, open, now),
            respond: Deadline::new(row.response_due_at, row.responded_at, open, now),
            unread_since: row.unread_since,
            last_activity: row.last_activity_at.map(|t| t.date_naive()),
        }
    }

    /// The moment the unread marker names, to the hour, as staff pages
    /// write moments.
    pub fn unread_stamp(&self) -> Option<String> {
        self.unread_since.as_ref().map(super::stamp)
    }
}

/// Which deadline a case waits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waiting {
    Acknowledgement,
    Response,
}

/// The deadline a case waits on now, for the queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub waiting: Waiting,
    pub due: NaiveDate,
    pub overdue_days: Option<i64>,
}

impl Pending {
    pub fn is_reply(&self) -> bool {
        self.waiting == Waiting::Acknowledgement
    }
}

/// The times a deadline depends on, as the queue lists them.
#[derive(Clone, Copy, Debug)]
pub struct Times {
    pub closed: bool,
    pub ack_due_at: Option<DateTime<Utc>>,
    pub response_due_at: Option<DateTime<Utc>>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub responded_at: Option<DateTime<Utc>>,
}

/// The acknowledgement until it is met, then the response until it is met
/// (the order of the `case_attention` trigger); nothing once closed.
pub fn pending(t: Times, now: DateTime<Utc>) -> Option<Pending> {
    if t.closed {
        return None;
    }
    let (waiting, due) = match (t.acknowledged_at, t.responded_at) {
        (None, _) => (Waiting::Acknowledgement, t.ack_due_at?),
        (Some(_), None) => (Waiting::Response, t.response_due_at?),
        (Some(_), Some(_)) => return None,
    };
    Some(Pending {
        waiting,
        due: due.date_naive(),
        overdue_days: (now > due).then(|| (now - due).num_days()),
    })
}

/// What the reporter is told happens next: a message key and, with it,
/// the day it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStep {
    pub key: &'static str,
    pub by: Option<NaiveDate>,
}

/// What happens next, for the reporter: a caseworker's reply by the
/// acknowledgement date; once acknowledged, the response by its date; once
/// responded, that a caseworker is on it — never anything overdue then.
/// Nothing once the case is closed.
pub fn next_step(row: &CaseRow, now: DateTime<Utc>) -> Option<NextStep> {
    if row.status == "closed" {
        return None;
    }
    let step = |key, due: DateTime<Utc>| NextStep {
        key,
        by: Some(due.date_naive()),
    };
    let working = NextStep {
        key: "follow-up-next-working",
        by: None,
    };
    Some(match (row.acknowledged_at, row.responded_at) {
        (_, Some(_)) => match (row.acknowledged_at, row.ack_due_at) {
            (None, Some(due)) if due > now => step("follow-up-next-reply", due),
            _ => working,
        },
        (None, None) => match row.ack_due_at {
            Some(due) if due > now => step("follow-up-next-reply", due),
            Some(due) => step("follow-up-next-reply-late", due),
            None => working,
        },
        (Some(_), None) => match row.response_due_at {
            Some(due) if due > now => step("follow-up-next-response", due),
            Some(due) => step("follow-up-next-response-late", due),
            None => working,
        },
    })
}

/// Within the case page's read: a caseworker or an admin opened the case
/// today (for the reporter's access list), and, when they are its assignee
/// or it has none (or one who left), the reporter's activity is seen. Only
/// once the case's keys opened for them.
pub(crate) fn opened_by_staff(conn: &mut Conn, viewer: i64, row: &CaseRow) -> Result<(), DbError> {
    let Some(user) = db::users::find(conn, viewer)? else {
        return Ok(());
    };
    let role = match user.role.as_str() {
        "caseworker" => "caseworker",
        "admin" => "admin",
        _ => return Ok(()),
    };
    let today = Utc::now().date_naive();
    access::record(conn, row.id, "opened", Reader::Role(role), today)?;
    // The assignee sees it; with none (or one who left), anyone who works cases.
    let assignee_present = match row.assignee_id {
        Some(a) if a != viewer => db::users::find(conn, a)?.is_some_and(|u| u.active),
        _ => false,
    };
    if row.unread_since.is_some() && !assignee_present {
        db::cases::clear_unread(conn, row.id)?;
    }
    Ok(())
}

/// A reporter replied or added evidence: the last activity and the unread
/// marker, to the hour only.
pub(crate) fn reporter_acted(conn: &mut Conn, case_id: i64) -> Result<(), DbError> {
    db::cases::mark_reporter_activity(conn, case_id, db::events::coarse(Utc::now()))
}

/// A caseworker wrote to the reporter: acknowledged, if it was not yet.
pub(crate) fn staff_wrote(conn: &mut Conn, case_id: i64) -> Result<(), DbError> {
    db::cases::mark_acknowledged(conn, case_id, Utc::now())
}

/// The case was referred, moved to in progress or closed: responded, if it
/// was not yet.
pub(crate) fn responded(conn: &mut Conn, case_id: i64) -> Result<(), DbError> {
    db::cases::mark_responded(conn, case_id, Utc::now())
}

/// Deadlines due soon and overdue for each of `workers` and for cases
/// assigned to nobody (last).
pub async fn counts(ctx: &Ctx, workers: &[i64]) -> Result<Vec<DeadlineCounts>, ServiceError> {
    let workers = workers.to_vec();
    let now = Utc::now();
    let soon = now + Duration::days(DUE_SOON_DAYS);
    let mut counts = ctx
        .db
        .run(move |conn| db::cases::deadline_counts(conn, &workers, now, soon))
        .await?;
    // In the order asked for, nobody last.
    counts.sort_by_key(|c| c.assignee_id.is_none());
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn times() -> Times {
        Times {
            closed: false,
            ack_due_at: Some(at("2026-12-07T10:00:00Z")),
            response_due_at: Some(at("2026-12-30T10:00:00Z")),
            acknowledged_at: None,
            responded_at: None,
        }
    }

    #[test]
    fn a_case_waits_on_the_acknowledgement_then_the_response() {
        let now = at("2026-12-09T11:00:00Z");
        let p = pending(times(), now).unwrap();
        assert_eq!(p.waiting, Waiting::Acknowledgement);
        assert_eq!(p.overdue_days, Some(2));
        let acked = Times {
            acknowledged_at: Some(at("2026-12-01T09:00:00Z")),
            ..times()
        };
        let p = pending(acked, now).unwrap();
        assert_eq!((p.waiting, p.overdue_days), (Waiting::Response, None));
        assert_eq!(p.due, NaiveDate::from_ymd_opt(2026, 12, 30).unwrap());
        let done = Times {
            responded_at: Some(now),
            ..acked
        };
        assert_eq!(pending(done, now), None);
        let closed = Times {
            closed: true,
            ..times()
        };
        assert_eq!(pending(closed, now), None);
    }
}
