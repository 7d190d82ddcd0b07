//! The case queue: one page of cases under a filter, with the count of
//! cases per status and the caseworkers a case can be assigned to.

use crate::context::Ctx;
use crate::db::cases::{QueueFilter, QueueRow};
use crate::db::users::UserRow;
use crate::db::{self};
use crate::error::ServiceError;

/// What the queue shows at once.
pub const PAGE_SIZE: i64 = 50;

/// One page of the queue, as found.
pub struct QueuePage {
    /// At most [`PAGE_SIZE`] rows, in the filter's order.
    pub rows: Vec<QueueRow>,
    /// Whether more rows follow this page.
    pub has_more: bool,
    /// Cases per status code, whatever the filter.
    pub counts: Vec<(String, i64)>,
    pub workers: Vec<UserRow>,
    /// Whether cases someone has seen wait to be indexed for links.
    pub links_pending: bool,
}

impl QueuePage {
    /// The number of cases of status `code`.
    pub fn count_of(&self, code: &str) -> i64 {
        self.counts
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    }

    /// The number of cases of every status.
    pub fn total(&self) -> i64 {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

/// The page of cases `filter` selects.
pub async fn page(ctx: &Ctx, filter: QueueFilter) -> Result<QueuePage, ServiceError> {
    let (mut rows, counts, workers, links_pending) = ctx
        .db
        .run(move |conn| {
            Ok((
                db::cases::filtered_page(conn, &filter, PAGE_SIZE + 1)?,
                db::cases::status_counts(conn)?,
                db::users::case_workers(conn)?,
                db::links::any_seen_pending(conn)?,
            ))
        })
        .await?;
    // One row more than a page was asked for, to know whether more follow.
    let has_more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    Ok(QueuePage {
        rows,
        has_more,
        counts,
        workers,
        links_pending,
    })
}
