//! The queue's keyset pages: every order under every filter, paged through
//! from the first page to the last, lists each matching case exactly once
//! and in order, with many cases received in the same hour (times are kept
//! to the hour, so ties are the rule).

use chrono::{DateTime, Duration, DurationRound, Utc};
use diesel::RunQueryDsl;
use haven::db::cases::{AssigneeFilter, Cursor, QueueFilter, QueueRow, Sort, filtered_page};

use crate::helpers::*;

const STATUSES: &[&str] = &["new", "triaged", "in_progress", "referred", "closed"];
const RISKS: &[&str] = &["routine", "elevated", "urgent"];
const KINDS: &[&str] = &["surveillance", "hacking", "threats", "family_pressure"];
const COMMUNITIES: &[&str] = &["uyghur", "tibetan", "hong_kong", "chinese"];

/// A small deterministic generator: the same cases on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

fn sql_time(t: DateTime<Utc>) -> String {
    format!("'{}'::timestamptz", t.to_rfc3339())
}

/// Files `n` cases straight into the table (the queue reads no content):
/// received in one of 12 hours, each status, risk, kind, community,
/// assignee (of `workers`, or none), linked or not, and deadlines met or
/// not, some with an unread reply. Returns the hour everything is before.
fn seed(app: &TestApp, n: usize, workers: &[i64]) -> DateTime<Utc> {
    let now = Utc::now().duration_trunc(Duration::hours(1)).unwrap();
    let mut rng = Lcg(13);
    let mut values = Vec::new();
    for i in 0..n {
        let received = now - Duration::hours(1 + rng.below(12) as i64);
        let status = rng.pick(STATUSES);
        let risk = rng.pick(RISKS);
        let mut kinds = vec![rng.pick(KINDS)];
        if rng.below(3) == 0 {
            kinds.push(rng.pick(KINDS));
            kinds.dedup();
        }
        let community = match rng.below(5) {
            4 => "NULL".to_string(),
            _ => format!("'{}'", rng.pick(COMMUNITIES)),
        };
        let assignee = match rng.below(workers.len() as u64 + 1) as usize {
            k if k < workers.len() => workers[k].to_string(),
            _ => "NULL".to_string(),
        };
        let linked = rng.below(4) == 0;
        // Acknowledged or not, answered or not, an unread reply or not: the
        // trigger makes attention_at of them (the earliest still owed).
        let ack_due = received + Duration::days(rng.below(3) as i64);
        let acknowledged = match rng.below(3) {
            0 => "NULL".to_string(),
            _ => sql_time(received),
        };
        let responded = match rng.below(3) {
            0 => sql_time(received),
            _ => "NULL".to_string(),
        };
        let unread = match rng.below(5) {
            0 => sql_time(now - Duration::hours(rng.below(6) as i64)),
            _ => "NULL".to_string(),
        };
        values.push(format!(
            "('QP{i:05}', 'x', 'k', '\\x00', 'web', '{status}', '{risk}', ARRAY[{kinds}]::text[], \
             {community}, {assignee}, {received}, {linked}, {ack_due}, {response_due}, \
             {acknowledged}, {responded}, {unread}, 'en')",
            kinds = kinds
                .iter()
                .map(|k| format!("'{k}'"))
                .collect::<Vec<_>>()
                .join(","),
            received = sql_time(received),
            ack_due = sql_time(ack_due),
            response_due = sql_time(ack_due + Duration::days(1 + rng.below(3) as i64)),
        ));
    }
    if values.is_empty() {
        return now;
    }
    let mut conn = app.db.connect();
    diesel::sql_query(format!(
        "INSERT INTO cases (reference, receipt_hash, master_key_id, content, source, status, risk, \
         kinds, community, assignee_id, received_at, linked, ack_due_at, response_due_at, \
         acknowledged_at, responded_at, unread_since, language) VALUES {}",
        values.join(",\n")
    ))
    .execute(&mut conn)
    .unwrap();
    now
}

fn user_id(app: &TestApp, email: &str) -> i64 {
    let mut conn = app.db.connect();
    diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(&format!(
        "(SELECT id FROM users WHERE email = '{email}')"
    )))
    .get_result(&mut conn)
    .unwrap()
}

/// Every case, as the queue would list it, read without the queue's code.
fn all_rows(app: &TestApp) -> Vec<QueueRow> {
    use diesel::prelude::*;
    use haven::db::schema::cases;
    let mut conn = app.db.connect();
    cases::table
        .select(QueueRow::as_select())
        .load(&mut conn)
        .unwrap()
}

/// What `filter` should list, in its order, worked out here in memory.
fn expected(rows: &[QueueRow], filter: &QueueFilter) -> Vec<i64> {
    let rank = |r: &str| match r {
        "urgent" => 0,
        "elevated" => 1,
        _ => 2,
    };
    let mut found: Vec<&QueueRow> = rows
        .iter()
        .filter(|r| filter.status.is_none_or(|s| r.status == s))
        .filter(|r| filter.risk.is_none_or(|s| r.risk == s))
        .filter(|r| {
            filter
                .kind
                .is_none_or(|k| r.kinds.iter().any(|x| x.as_deref() == Some(k)))
        })
        .filter(|r| {
            filter
                .community
                .is_none_or(|c| r.community.as_deref() == Some(c))
        })
        .filter(|r| match filter.assignee {
            AssigneeFilter::Anyone => true,
            AssigneeFilter::Nobody => r.assignee_id.is_none(),
            AssigneeFilter::User(id) => r.assignee_id == Some(id),
        })
        .filter(|r| filter.received_from.is_none_or(|t| r.received_at >= t))
        .filter(|r| filter.received_before.is_none_or(|t| r.received_at < t))
        .filter(|r| !filter.linked || r.linked)
        .filter(|r| filter.sort != Sort::Attention || r.attention_at.is_some())
        .collect();
    match filter.sort {
        Sort::Newest => found.sort_by_key(|r| std::cmp::Reverse((r.received_at, r.id))),
        Sort::Oldest => found.sort_by_key(|r| (r.received_at, r.id)),
        Sort::Risk => found.sort_by_key(|r| {
            (
                rank(&r.risk),
                std::cmp::Reverse(r.received_at),
                std::cmp::Reverse(r.id),
            )
        }),
        Sort::Attention => found.sort_by_key(|r| (r.attention_at, r.id)),
    }
    found.into_iter().map(|r| r.id).collect()
}

/// Pages through `filter` from the first page to the last, `size` rows a
/// page, each page after the last row of the one before (as the queue's
/// "next" link does), through the application's own pool.
fn page_through(app: &TestApp, filter: &QueueFilter, size: i64) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut filter = filter.clone();
    filter.after = None;
    for _ in 0..1000 {
        let f = filter.clone();
        let page = app
            .state
            .db
            .run_blocking(move |conn| filtered_page(conn, &f, size))
            .unwrap();
        ids.extend(page.iter().map(|r| r.id));
        match page.last() {
            Some(last) if page.len() as i64 == size => {
                filter.after = Some(Cursor {
                    rank: last.risk_rank.unwrap_or(2),
                    id: last.id,
                    at: Some(match filter.sort {
                        Sort::Attention => last.attention_at.unwrap(),
                        _ => last.received_at,
                    }),
                });
            }
            _ => return ids,
        }
    }
    panic!("paging never ended");
}

#[tokio::test]
async fn every_order_under_every_filter_pages_through_each_case_once_in_order() {
    let app = spawn_app().await;
    let workers = [
        user_id(&app, &app.create_user("caseworker", None)),
        user_id(&app, &app.create_user("caseworker", None)),
    ];
    let now = seed(&app, 400, &workers);
    let rows = all_rows(&app);
    assert_eq!(rows.len(), 400);
    let mut hours: Vec<_> = rows.iter().map(|r| r.received_at).collect();
    hours.sort();
    hours.dedup();
    assert!(hours.len() <= 12, "about 33 cases share each hour");
    assert!(
        rows.iter().any(|r| r.attention_at.is_some()) && rows.iter().any(|r| r.linked),
        "some cases need attention, some are linked"
    );

    let filters = [
        QueueFilter::default(),
        QueueFilter {
            status: Some("triaged"),
            ..Default::default()
        },
        QueueFilter {
            risk: Some("urgent"),
            ..Default::default()
        },
        QueueFilter {
            risk: Some("routine"),
            ..Default::default()
        },
        QueueFilter {
            kind: Some("surveillance"),
            ..Default::default()
        },
        QueueFilter {
            community: Some("uyghur"),
            ..Default::default()
        },
        QueueFilter {
            assignee: AssigneeFilter::User(workers[0]),
            ..Default::default()
        },
        QueueFilter {
            assignee: AssigneeFilter::Nobody,
            ..Default::default()
        },
        QueueFilter {
            received_from: Some(now - Duration::hours(8)),
            received_before: Some(now - Duration::hours(3)),
            ..Default::default()
        },
        QueueFilter {
            linked: true,
            ..Default::default()
        },
        QueueFilter {
            linked: true,
            status: Some("new"),
            assignee: AssigneeFilter::Nobody,
            ..Default::default()
        },
        QueueFilter {
            status: Some("triaged"),
            community: Some("uyghur"),
            kind: Some("surveillance"),
            ..Default::default()
        },
        QueueFilter {
            status: Some("in_progress"),
            risk: Some("elevated"),
            assignee: AssigneeFilter::User(workers[1]),
            received_from: Some(now - Duration::hours(10)),
            ..Default::default()
        },
    ];
    for base in &filters {
        for sort in [Sort::Newest, Sort::Oldest, Sort::Risk, Sort::Attention] {
            let filter = QueueFilter {
                sort,
                ..base.clone()
            };
            let want = expected(&rows, &filter);
            for size in [1, 7, 50] {
                let got = page_through(&app, &filter, size);
                assert_eq!(
                    got, want,
                    "{sort:?} under {filter:?}, {size} a page: each case once, in order"
                );
            }
        }
    }
    // The filters are not empty by accident.
    let count = |f: QueueFilter| expected(&rows, &f).len();
    assert!(
        count(filters[11].clone()) > 0,
        "the filtered queue has cases"
    );
    assert!(
        count(QueueFilter {
            sort: Sort::Attention,
            linked: true,
            ..Default::default()
        }) > 10
    );
}

#[tokio::test]
async fn needs_attention_lists_the_earliest_owed_first_and_leaves_out_the_rest() {
    let app = spawn_app().await;
    let now = seed(&app, 0, &[]);
    let mut conn = app.db.connect();
    // Four cases received in the same hour: one owes its acknowledgement
    // in two days, one its response tomorrow, one has a reply unread since
    // yesterday, one owes nothing; a closed case with no reply unread owes
    // nothing either.
    let at = sql_time(now - Duration::hours(1));
    let day = |d: i64| sql_time(now + Duration::days(d));
    diesel::sql_query(format!(
        "INSERT INTO cases (reference, receipt_hash, master_key_id, content, source, status, risk, \
         received_at, ack_due_at, response_due_at, acknowledged_at, responded_at, unread_since, \
         language) VALUES
         ('ACK2', 'x', 'k', '\\x00', 'web', 'new', 'routine', {at}, {d2}, {d9}, NULL, NULL, NULL, 'en'),
         ('RESP1', 'x', 'k', '\\x00', 'web', 'triaged', 'urgent', {at}, {d0}, {d1}, {at}, NULL, NULL, 'en'),
         ('UNREAD', 'x', 'k', '\\x00', 'web', 'in_progress', 'routine', {at}, {d0}, {d1}, {at}, {at}, {y}, 'en'),
         ('DONE', 'x', 'k', '\\x00', 'web', 'in_progress', 'routine', {at}, {d0}, {d1}, {at}, {at}, NULL, 'en'),
         ('SHUT', 'x', 'k', '\\x00', 'web', 'closed', 'routine', {at}, {d0}, {d1}, NULL, NULL, NULL, 'en')",
        d0 = day(0),
        d1 = day(1),
        d2 = day(2),
        d9 = day(9),
        y = day(-1),
    ))
    .execute(&mut conn)
    .unwrap();
    let filter = QueueFilter {
        sort: Sort::Attention,
        ..Default::default()
    };
    let page = app
        .state
        .db
        .run_blocking(move |conn| filtered_page(conn, &filter, 50))
        .unwrap();
    let refs: Vec<&str> = page.iter().map(|r| r.reference.as_str()).collect();
    assert_eq!(refs, ["UNREAD", "RESP1", "ACK2"]);
}

#[tokio::test]
async fn a_cursor_whose_case_is_gone_or_no_longer_waiting_ends_the_list() {
    let app = spawn_app().await;
    seed(&app, 30, &[]);
    let rows = all_rows(&app);
    let waiting = rows.iter().find(|r| r.attention_at.is_some()).unwrap().id;
    let mut conn = app.db.connect();
    diesel::sql_query(format!(
        "UPDATE cases SET status = 'closed', unread_since = NULL WHERE id = {waiting}"
    ))
    .execute(&mut conn)
    .unwrap();
    let page = |after: i64, sort: Sort| {
        let filter = QueueFilter {
            sort,
            after: Some(Cursor {
                rank: 0,
                id: after,
                at: None,
            }),
            ..Default::default()
        };
        app.state
            .db
            .run_blocking(move |conn| filtered_page(conn, &filter, 50))
            .unwrap()
            .len()
    };
    assert_eq!(page(waiting, Sort::Attention), 0, "closed: owes nothing");
    assert!(page(waiting, Sort::Oldest) + page(waiting, Sort::Newest) == 29);
    assert_eq!(page(i64::MAX, Sort::Newest), 0, "no such case");
}

/// Through HTTP: the queue's "next" links, followed to the end, show every
/// case of the filtered queue once, most urgent first.
#[tokio::test]
async fn the_next_links_walk_the_filtered_queue_to_its_end() {
    let app = spawn_app().await;
    seed(&app, 400, &[]);
    let rows = all_rows(&app);
    let filter = QueueFilter {
        status: Some("triaged"),
        sort: Sort::Risk,
        ..Default::default()
    };
    let want: Vec<String> = expected(&rows, &filter)
        .iter()
        .map(|id| rows.iter().find(|r| r.id == *id).unwrap().reference.clone())
        .collect();
    assert!(want.len() > 50, "more than one page");
    app.login_as("caseworker").await;
    let mut href = "/staff/cases?status=triaged&sort=risk".to_string();
    let mut seen = Vec::new();
    loop {
        let page = app.get_text(&href).await;
        let mut rest = page.as_str();
        while let Some(at) = rest.find(">QP") {
            let reference: String = rest[at + 1..].chars().take(7).collect();
            if seen.last() != Some(&reference) {
                seen.push(reference);
            }
            rest = &rest[at + 8..];
        }
        let marker = "href=\"/staff/cases?status=triaged&#38;sort=risk&#38;after=";
        match page.find(marker) {
            Some(at) => {
                let next: String = page[at + 6..].chars().take_while(|c| *c != '"').collect();
                href = unescape(&next);
            }
            None => break,
        }
    }
    assert_eq!(seen, want);
}

#[tokio::test]
async fn the_next_page_goes_on_from_where_the_last_one_ended_when_that_case_changed_or_went() {
    let app = spawn_app().await;
    seed(&app, 60, &[]);
    for sort in [Sort::Attention, Sort::Newest, Sort::Risk] {
        let all = {
            let filter = QueueFilter {
                sort,
                ..Default::default()
            };
            app.state
                .db
                .run_blocking(move |conn| filtered_page(conn, &filter, 1000))
                .unwrap()
        };
        assert!(all.len() > 10, "{sort:?}");
        let last = &all[4];
        let cursor = Cursor {
            rank: last.risk_rank.unwrap_or(2),
            id: last.id,
            at: Some(match sort {
                Sort::Attention => last.attention_at.unwrap(),
                _ => last.received_at,
            }),
        };
        // The page's last case is read (its reply seen, its deadlines met)
        // and moved to urgent, then deleted: the next page is the same.
        let mut conn = app.db.connect();
        diesel::sql_query(format!(
            "UPDATE cases SET unread_since = NULL, acknowledged_at = now(), \
             responded_at = now(), risk = 'urgent' WHERE id = {}",
            last.id
        ))
        .execute(&mut conn)
        .unwrap();
        let next = |app: &TestApp| {
            let filter = QueueFilter {
                sort,
                after: Some(cursor),
                ..Default::default()
            };
            app.state
                .db
                .run_blocking(move |conn| filtered_page(conn, &filter, 5))
                .unwrap()
                .iter()
                .map(|r| r.id)
                .collect::<Vec<_>>()
        };
        let expected: Vec<i64> = all[5..10].iter().map(|r| r.id).collect();
        assert_eq!(next(&app), expected, "{sort:?} after a change");
        diesel::sql_query(format!("DELETE FROM cases WHERE id = {}", last.id))
            .execute(&mut conn)
            .unwrap();
        assert_eq!(next(&app), expected, "{sort:?} after a deletion");
    }
}
