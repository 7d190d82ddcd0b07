//! The case queue: what it lists (nothing secret), its filters, sorts and
//! keyset pages, and the per-status counts beside it.
//!
//! # Every page costs the same at any size
//!
//! Case ids are random, so every order is by a time (the hour received,
//! or when attention is next due) with the id breaking ties. A page is a
//! walk down one index in exactly the page's order that stops after a page
//! of rows (migration `2026-11-30-000090_queue_indexes` has one for each
//! shape): never a scan of every matching case followed by a sort, whose
//! cost grows with the table.
//!
//! - Newest first walks an ascending `(…, received_at, id)` index
//!   backwards, oldest first forwards; a later page starts at the row
//!   comparison `(received_at, id) < (at, id)` of the cursor's case, which
//!   PostgreSQL turns into the start of the index scan, so page 10,000
//!   costs what page 1 does.
//! - Most urgent first is one such walk per risk rank, urgent then
//!   elevated then routine (`risk_rank = r`, indexes `(…, risk_rank,
//!   received_at, id)`), each stopping once the page is full; a later page
//!   continues the cursor's rank from the cursor, then the ranks after it.
//! - Needs attention walks `(attention_at, id)` over the cases that need
//!   any (partial indexes `WHERE attention_at IS NOT NULL`).
//! - Filters: a status, a community, an assignee and a risk lead indexes of
//!   their own (and "nobody" and "linked" have partial ones), so the walk
//!   visits only matching cases; a kind, and a filter an index does not
//!   lead with, are checked on the way, discarding a share of the rows that
//!   does not depend on the table's size. A date range bounds the walk.
//! - Bitmap scans are off for the page's statements: they return rows in
//!   no order, so a page read through one reads and sorts every match.
//! - The page's statements are planned for their values
//!   (`plan_cache_mode = force_custom_plan`, for the page's transaction
//!   only): a generic plan, made without the values, cannot tell a rare
//!   kind from a common one and chose to read every match and sort them.
//!   Statements are now prepared unnamed (see `db::NoNamedStatements`),
//!   which PostgreSQL plans for their values anyway; the setting stays as
//!   the rule for this transaction. The deadline counts' functions keep
//!   their generic plans (migration 000095): planning their subqueries
//!   against the many indexes of `cases` on every load cost more than
//!   running them.
//!
//! `bench/run.sh` measures every shape at 10,000 to 5,000,000 cases and
//! records each plan in `bench/PLANS.md`.

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
    /// The language the report was written in.
    pub language: String,
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

/// Where the next page starts: after the case with this id (its rank is
/// used only if the case has none). The case's own time and rank, read by
/// its id, give the place in the order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub rank: i16,
    pub id: i64,
    /// The last row's place as the page showed it: its time received (its
    /// attention time, in the needs-attention order). With it, the next
    /// page goes on from where that page ended even if that case has
    /// changed or gone since; without it (older links), from where the
    /// case is now.
    pub at: Option<DateTime<Utc>>,
}

/// The queue's filters; every field narrows the list.
#[derive(Clone, Debug, Default)]
pub struct QueueFilter {
    pub status: Option<&'static str>,
    pub risk: Option<&'static str>,
    pub kind: Option<&'static str>,
    pub community: Option<&'static str>,
    /// The language the report was written in.
    pub language: Option<&'static str>,
    pub assignee: AssigneeFilter,
    pub received_from: Option<DateTime<Utc>>,
    pub received_before: Option<DateTime<Utc>>,
    /// Only cases linked to other cases.
    pub linked: bool,
    pub sort: Sort,
    pub after: Option<Cursor>,
}

/// One page of the queue, newest first, after the case `before` (the
/// last one of the previous page).
pub fn queue_page(
    conn: &mut Conn,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<QueueRow>, DbError> {
    let filter = QueueFilter {
        after: before.map(|id| Cursor {
            rank: 0,
            id,
            at: None,
        }),
        ..Default::default()
    };
    filtered_page(conn, &filter, limit)
}

/// Where the cursor's case stands: received, risk rank, attention due.
type Anchor = (DateTime<Utc>, Option<i16>, Option<DateTime<Utc>>);

/// The rank of a risk level, as the generated column `risk_rank` has it.
fn rank_of(risk: &str) -> i16 {
    match risk {
        "urgent" => 0,
        "elevated" => 1,
        _ => 2,
    }
}

/// The highest rank `risk_rank` takes (routine).
const LAST_RANK: i16 = 2;

/// Which way one walk goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Walk {
    /// `received_at DESC, id DESC`.
    Newest,
    /// `received_at ASC, id ASC`.
    Oldest,
    /// `attention_at ASC, id ASC`, over the cases that need attention.
    Attention,
}

/// One page of the queue under `filter`, with keyset pagination: each page
/// starts after the cursor's case, found by its primary key, and is one
/// walk down an index in the page's order (three at most, for "most urgent
/// first"), never OFFSET. See the module's documentation.
pub fn filtered_page(
    conn: &mut Conn,
    filter: &QueueFilter,
    limit: i64,
) -> Result<Vec<QueueRow>, DbError> {
    // A bitmap scan returns rows in no order: a page read through one needs
    // every matching case read and sorted first, which grows with the
    // table (PostgreSQL chose one for "triaged + Uyghur + surveillance",
    // a bitmap of every case of that kind, as soon as the table was
    // large enough and until it was far larger). Without bitmap scans the
    // page is a walk in order, or, when few cases match, one index scan
    // over those few and a sort of them.
    //
    // A walk whose filter matches almost nothing (a kind no case has, say)
    // reads far down its index before giving up: a statement timeout
    // bounds what one page can cost the pool it shares with intake.
    crate::db::transaction(conn, |conn| {
        diesel::sql_query(
            "SELECT set_config('enable_bitmapscan', 'off', true), \
                    set_config('plan_cache_mode', 'force_custom_plan', true), \
                    set_config('statement_timeout', '3s', true)",
        )
        .execute(conn)?;
        page_in_order(conn, filter, limit)
    })
}

fn page_in_order(
    conn: &mut Conn,
    filter: &QueueFilter,
    limit: i64,
) -> Result<Vec<QueueRow>, DbError> {
    // Case ids are random (a sequence would date a report against others
    // filed at known times): the order is by the hour received (or the
    // time attention is due), the id breaking ties, and the cursor's case
    // gives the place to continue from.
    let anchor: Option<Anchor> = match filter.after {
        // The place the page showed: received (or due) at, and its rank.
        Some(c) if c.at.is_some() => {
            let at = c.at.expect("checked");
            let rank = Some(c.rank.clamp(0, LAST_RANK));
            Some(match filter.sort {
                Sort::Attention => (at, rank, Some(at)),
                _ => (at, rank, None),
            })
        }
        Some(c) => cases::table
            .find(c.id)
            .select((cases::received_at, cases::risk_rank, cases::attention_at))
            .first(conn)
            .optional()?,
        None => None,
    };
    let after = match (filter.after, anchor) {
        (None, _) => None,
        // The cursor's case is gone (purged): there is no place to go on from.
        (Some(_), None) => return Ok(Vec::new()),
        (Some(c), Some((received, rank, due))) => Some((c, received, rank, due)),
    };
    let only_rank = filter.risk.map(rank_of);
    match filter.sort {
        Sort::Newest | Sort::Oldest => {
            let walk = if filter.sort == Sort::Newest {
                Walk::Newest
            } else {
                Walk::Oldest
            };
            let key = after.map(|(c, received, _, _)| (received, c.id));
            walk_one(conn, filter, walk, only_rank, key, limit)
        }
        Sort::Attention => {
            let key = match after {
                None => None,
                Some((c, _, _, Some(due))) => Some((due, c.id)),
                // The cursor's case no longer needs attention: its place in
                // this order is gone.
                Some((_, _, _, None)) => return Ok(Vec::new()),
            };
            walk_one(conn, filter, Walk::Attention, only_rank, key, limit)
        }
        Sort::Risk => {
            // Urgent first, then elevated, then routine: one walk per rank,
            // each newest first, the first one from the cursor on.
            let (first, mut key) = match after {
                Some((c, received, rank, _)) => (
                    rank.unwrap_or(c.rank).clamp(0, LAST_RANK),
                    Some((received, c.id)),
                ),
                None => (0, None),
            };
            let mut rows = Vec::new();
            for rank in first..=LAST_RANK {
                if only_rank.is_some_and(|r| r != rank) {
                    key = None;
                    continue;
                }
                let want = limit - rows.len() as i64;
                if want <= 0 {
                    break;
                }
                rows.extend(walk_one(conn, filter, Walk::Newest, Some(rank), key, want)?);
                key = None;
            }
            Ok(rows)
        }
    }
}

/// One walk down an index: the cases `filter` selects (of risk rank `rank`
/// if given) in `walk`'s order, strictly after `key` (the cursor's case's
/// time and id), at most `limit` of them. The key is a row comparison,
/// which PostgreSQL turns into the start of an index scan.
fn walk_one(
    conn: &mut Conn,
    filter: &QueueFilter,
    walk: Walk,
    rank: Option<i16>,
    key: Option<(DateTime<Utc>, i64)>,
    limit: i64,
) -> Result<Vec<QueueRow>, DbError> {
    use diesel::dsl::sql;
    use diesel::sql_types::{BigInt, Bool, Timestamptz};

    let mut q = cases::table
        .select(QueueRow::as_select())
        .limit(limit)
        .into_boxed();
    if let Some(status) = filter.status {
        q = q.filter(cases::status.eq(status));
    }
    if let Some(rank) = rank {
        q = q.filter(cases::risk_rank.eq(rank));
    }
    if let Some(kind) = filter.kind {
        q = q.filter(cases::kinds.contains(vec![Some(kind.to_string())]));
    }
    if let Some(community) = filter.community {
        q = q.filter(cases::community.eq(community));
    }
    if let Some(language) = filter.language {
        q = q.filter(cases::language.eq(language));
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
        // The column itself, not "= $1": the partial indexes' predicate
        // (WHERE linked) is then seen to hold even in a generic plan.
        q = q.filter(cases::linked);
    }
    match walk {
        Walk::Newest => {
            if let Some((at, id)) = key {
                q = q.filter(
                    sql::<Bool>("(cases.received_at, cases.id) < (")
                        .bind::<Timestamptz, _>(at)
                        .sql(", ")
                        .bind::<BigInt, _>(id)
                        .sql(")"),
                );
            }
            q = q.order((cases::received_at.desc(), cases::id.desc()));
        }
        Walk::Oldest => {
            if let Some((at, id)) = key {
                q = q.filter(
                    sql::<Bool>("(cases.received_at, cases.id) > (")
                        .bind::<Timestamptz, _>(at)
                        .sql(", ")
                        .bind::<BigInt, _>(id)
                        .sql(")"),
                );
            }
            q = q.order((cases::received_at.asc(), cases::id.asc()));
        }
        Walk::Attention => {
            q = q.filter(cases::attention_at.is_not_null());
            if let Some((due, id)) = key {
                q = q.filter(
                    sql::<Bool>("(cases.attention_at, cases.id) > (")
                        .bind::<Timestamptz, _>(due)
                        .sql(", ")
                        .bind::<BigInt, _>(id)
                        .sql(")"),
                );
            }
            q = q.order((cases::attention_at.asc(), cases::id.asc()));
        }
    }
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
