//! The case queue: what it lists (nothing secret), its filters, sorts and
//! keyset pages, and the per-status counts beside it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::{case_status_counts, cases, users};
use crate::db::{Conn, DbError};

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
    /// Shares an identifier with another case (a link not dismissed).
    pub linked: bool,
    /// When the case next needs attention (see the migration's trigger).
    pub attention_at: Option<DateTime<Utc>>,
    pub ack_due_at: Option<DateTime<Utc>>,
    pub response_due_at: Option<DateTime<Utc>>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub responded_at: Option<DateTime<Utc>>,
    /// A reply or evidence from the reporter its assignee has not seen.
    pub unread_since: Option<DateTime<Utc>>,
    /// The reporter's last reply or evidence, to the hour.
    pub last_activity_at: Option<DateTime<Utc>>,
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
    /// What needs attention soonest first (an unread reply, or the
    /// deadline not yet met); cases needing none are left out.
    Attention,
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
    /// Only cases linked to other cases.
    pub linked: bool,
    pub sort: Sort,
    pub after: Option<Cursor>,
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

/// Where the cursor's case sits in each order: received, risk rank, attention.
type Anchor = (DateTime<Utc>, Option<i16>, Option<DateTime<Utc>>);

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
    if filter.linked {
        q = q.filter(cases::linked.eq(true));
    }
    if filter.sort == Sort::Attention {
        q = q.filter(cases::attention_at.is_not_null());
    }
    // Case ids are random (a sequence would date a report against others
    // filed at known times): the order is by the hour received, and the
    // cursor's case gives the place to continue from.
    let anchor: Option<Anchor> = match filter.after {
        Some(c) => cases::table
            .find(c.id)
            .select((cases::received_at, cases::risk_rank, cases::attention_at))
            .first(conn)
            .optional()?,
        None => None,
    };
    if filter.after.is_some() && anchor.is_none() {
        return Ok(Vec::new());
    }
    q = match (filter.sort, filter.after.zip(anchor)) {
        (Sort::Newest, Some((c, (at, _, _)))) => q.filter(
            cases::received_at
                .lt(at)
                .or(cases::received_at.eq(at).and(cases::id.lt(c.id))),
        ),
        (Sort::Oldest, Some((c, (at, _, _)))) => q.filter(
            cases::received_at
                .gt(at)
                .or(cases::received_at.eq(at).and(cases::id.gt(c.id))),
        ),
        (Sort::Attention, Some((c, (_, _, due)))) => {
            let due = due.unwrap_or(DateTime::<Utc>::MAX_UTC);
            q.filter(
                cases::attention_at
                    .gt(due)
                    .or(cases::attention_at.eq(due).and(cases::id.gt(c.id))),
            )
        }
        (Sort::Risk, Some((c, (at, rank, _)))) => {
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
        Sort::Attention => q.order((cases::attention_at.asc(), cases::id.asc())),
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
