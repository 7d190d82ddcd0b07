//! Issue 10: no exact time of a reporter's action anywhere; notifications
//! leave on fixed slots and say only that something is waiting; a purge
//! leaves nothing that names the case.

use chrono::{Duration, Utc};
use diesel::RunQueryDsl;

use crate::helpers::*;
use crate::smtp::SmtpSink;

async fn reporter_visit(
    app: &TestApp,
    reference: &str,
    receipt: &str,
) -> (reqwest::Client, String) {
    let client = new_client();
    let res = open_follow_up(app, &client, reference, receipt).await;
    assert_eq!(res.status(), 303);
    let token = csrf_token(&follow_up_page(app, &client).await);
    (client, token)
}

/// The rows of `table` in a plain `pg_dump`, as column → value maps.
fn dumped_rows(dump: &str, table: &str) -> Vec<Vec<(String, String)>> {
    let marker = format!("COPY public.{table} (");
    let Some(start) = dump.find(&marker) else {
        return Vec::new();
    };
    let rest = &dump[start + marker.len()..];
    let columns: Vec<String> = rest[..rest.find(')').unwrap()]
        .split(", ")
        .map(|c| c.trim_matches('"').to_string())
        .collect();
    let body = &rest[rest.find('\n').unwrap() + 1..];
    body.lines()
        .take_while(|l| *l != "\\.")
        .map(|l| {
            columns
                .iter()
                .cloned()
                .zip(l.split('\t').map(str::to_string))
                .collect()
        })
        .collect()
}

fn value<'a>(row: &'a [(String, String)], column: &str) -> &'a str {
    &row.iter().find(|(c, _)| c == column).unwrap().1
}

/// Whether `v` is a timestamp finer than the hour.
fn finer_than_hour(v: &str) -> bool {
    let b = v.as_bytes();
    v.len() >= 19
        && b[4] == b'-'
        && b[10] == b' '
        && b[13] == b':'
        && (&v[14..19] != "00:00" || b.get(19) == Some(&b'.'))
}

fn ids(app: &TestApp, sql: &str) -> Vec<i64> {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let mut conn = app.db.connect();
    diesel::sql_query(sql)
        .load::<Id>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect()
}

#[tokio::test]
async fn no_exact_time_of_a_reporter_action_in_the_database_order_of_ids_or_logs() {
    let app = spawn_app().await;
    let caseworker = app.login_as("caseworker").await;
    {
        let mut conn = app.db.connect();
        haven::db::users::set_on_duty(&mut conn, app.user_id(&caseworker), true).unwrap();
    }
    let (reference, receipt) = app
        .file_report(
            ReportForm::new("timing")
                .field("immediate_danger", "on")
                .file("a.png", PNG),
        )
        .await;
    let case_id = {
        let mut conn = app.db.connect();
        haven::db::cases::find_by_reference(&mut conn, &reference)
            .unwrap()
            .unwrap()
            .id
    };
    let me = app.user_id(&caseworker).to_string();
    app.post_staff(
        &format!("/staff/cases/{reference}/assign"),
        &[("assignee", &me)],
    )
    .await;
    app.post_staff(
        &format!("/staff/cases/{reference}/messages"),
        &[("body", "staff one")],
    )
    .await;
    let (reporter, token) = reporter_visit(&app, &reference, &receipt).await;
    let res = reporter
        .post(app.url("/follow-up/case/messages"))
        .form(&[("body", "reporter reply"), ("csrf_token", &token)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let res = reporter
        .post(app.url("/follow-up/case/deletion"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    app.post_staff(
        &format!("/staff/cases/{reference}/messages"),
        &[("body", "staff two")],
    )
    .await;
    // A second report, right after: its ids must not follow the first's.
    app.file_report(ReportForm::new("second").file("b.png", PNG))
        .await;

    let dump = app.pg_dump();
    let mut checked = 0;
    // An email is dated by its slot (every 15 minutes here), which is when
    // it leaves anyway; nothing finer.
    for row in dumped_rows(&dump, "outbox") {
        for c in ["created_at", "next_attempt_at"] {
            let v = value(&row, c).to_string();
            let minute: u32 = v[14..16].parse().unwrap();
            assert!(
                &v[17..19] == "00" && v.as_bytes()[19] != b'.' && minute.is_multiple_of(15),
                "outbox.{c} = {v} is not a slot"
            );
            checked += 1;
        }
    }
    let mut leaks = Vec::new();
    type Keep<'a> = &'a dyn Fn(&[(String, String)]) -> bool;
    let mut check = |table: &str, keep: Keep, columns: &[&str]| {
        for row in dumped_rows(&dump, table).iter().filter(|r| keep(r)) {
            for c in columns {
                let v = value(row, c);
                if v != "\\N" {
                    checked += 1;
                    if finer_than_hour(v) {
                        leaks.push(format!("{table}.{c} = {v}"));
                    }
                }
            }
        }
    };
    check("reporter_sessions", &|_| true, &["opened_hour"]);
    check("cases", &|_| true, &["received_at", "deletion_due_at"]);
    check(
        "case_events",
        &|r| value(r, "actor_id") == "\\N",
        &["created_at"],
    );
    check(
        "case_messages",
        &|r| value(r, "sender") == "reporter",
        &["created_at"],
    );
    check("evidence", &|_| true, &["received_at"]);
    assert!(
        leaks.is_empty(),
        "exact times of reporter actions: {leaks:?}"
    );
    assert!(checked >= 9, "the dump has the rows checked ({checked})");
    assert!(
        !dumped_rows(&dump, "reporter_sessions").iter().any(|r| r
            .iter()
            .any(|(c, _)| c == "last_seen_at" || c == "created_at")),
        "a visit keeps no clock in clear"
    );

    // Ids carry no order: rows written one after the other are not numbered
    // one after the other (a counter would date a reporter's row between
    // two staff rows, or against reports filed at known times).
    for (table, sql) in [
        ("cases", "SELECT id FROM cases".to_string()),
        (
            "case_messages",
            format!("SELECT id FROM case_messages WHERE case_id = {case_id}"),
        ),
        (
            "case_events",
            format!("SELECT id FROM case_events WHERE case_id = {case_id}"),
        ),
        ("evidence", "SELECT id FROM evidence".to_string()),
        ("outbox", "SELECT id FROM outbox".to_string()),
    ] {
        let mut found = ids(&app, &sql);
        assert!(found.len() >= 2, "{table} has rows");
        found.sort();
        for pair in found.windows(2) {
            assert!(
                pair[1] - pair[0] > 1_000_000,
                "{table} ids follow each other: {found:?}"
            );
        }
    }

    // The logs name no case on the reporter's paths: every line that
    // carries this case's id or reference is a staff action (has a user).
    let logs = captured_logs();
    let needle_id = format!("\"case_id\":{case_id}");
    for line in logs
        .lines()
        .filter(|l| l.contains(&needle_id) || l.contains(&reference))
    {
        assert!(
            line.contains("\"user_id\""),
            "a reporter's action logged with its case: {line}"
        );
    }
}

fn urgent_slot_after(now: chrono::DateTime<Utc>) -> chrono::DateTime<Utc> {
    haven::mail::slots::Schedule::new(15, 8).next(haven::mail::slots::Cadence::Urgent, now)
}

#[tokio::test]
async fn an_urgent_report_waits_for_its_slot_and_two_give_one_email_saying_only_something_waits() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(sink.url()),
        ..Default::default()
    })
    .await;
    let on_duty = app.create_user("caseworker", None);
    {
        let mut conn = app.db.connect();
        haven::db::users::set_on_duty(&mut conn, app.user_id(&on_duty), true).unwrap();
    }
    let before = Utc::now();
    let (reference, _) = app
        .file_report(ReportForm::new("URGENT-WORDS-1").field("immediate_danger", "on"))
        .await;
    let (second, _) = app
        .file_report(ReportForm::new("URGENT-WORDS-2").field("immediate_danger", "on"))
        .await;
    let slot = urgent_slot_after(before);
    let after = Utc::now();
    if urgent_slot_after(after) != slot {
        // Filed across a slot boundary: each went in its own slot; nothing
        // more to learn from this run.
        return;
    }
    assert_eq!(
        app.deliver_mail_at(after),
        0,
        "nothing leaves before the slot"
    );
    assert_eq!(app.deliver_mail_at(slot - Duration::seconds(1)), 0);
    assert!(sink.received().is_empty());
    assert_eq!(
        app.deliver_mail_at(slot),
        1,
        "one email at the slot for two urgent reports"
    );
    let received = sink.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].recipients, vec![on_duty.clone()]);
    let text = received[0].text();
    assert!(text.contains("An urgent case is waiting"));
    for secret in [reference.as_str(), second.as_str(), "URGENT-WORDS"] {
        assert!(!text.contains(secret), "the email names {secret}");
    }
    assert!(!text.contains("/staff/cases/"), "no link to a case");
    assert_eq!(
        app.deliver_mail_at(slot + Duration::hours(1)),
        0,
        "sent once"
    );
}

#[tokio::test]
async fn referrals_answers_and_replies_wait_for_the_daily_digest() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(sink.url()),
        ..Default::default()
    })
    .await;
    let group = app.insert_group("Group D", &["d@group.example"]);
    let (reference, receipt) = app
        .file_report(ReportForm::new("digest me").field("consent_referral", "on"))
        .await;
    let caseworker = app.login_as("caseworker").await;
    let me = app.user_id(&caseworker).to_string();
    app.post_staff(
        &format!("/staff/cases/{reference}/assign"),
        &[("assignee", &me)],
    )
    .await;
    assert_eq!(app.refer(&reference, group, "summary").await.status(), 303);
    let (reporter, token) = reporter_visit(&app, &reference, &receipt).await;
    reporter
        .post(app.url("/follow-up/case/messages"))
        .form(&[("body", "a reply"), ("csrf_token", &token)])
        .send()
        .await
        .unwrap();
    let now = Utc::now();
    let digest =
        haven::mail::slots::Schedule::new(15, 8).next(haven::mail::slots::Cadence::Digest, now);
    assert_eq!(
        app.deliver_mail_at(digest - Duration::seconds(1)),
        0,
        "no referral or reply email before the digest"
    );
    assert_eq!(
        app.deliver_mail_at(digest),
        2,
        "the group and the caseworker, at the digest"
    );
    let mut to: Vec<String> = sink
        .received()
        .iter()
        .flat_map(|m| m.recipients.clone())
        .collect();
    to.sort();
    let mut expected = vec!["d@group.example".to_string(), caseworker.clone()];
    expected.sort();
    assert_eq!(to, expected);
    for m in sink.received() {
        assert!(!m.text().contains(&reference) && !m.text().contains("/staff/cases/"));
    }
}

#[tokio::test]
async fn in_constant_mode_every_slot_mails_every_group_and_caseworker_on_duty() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(sink.url()),
        mail_constant: true,
        ..Default::default()
    })
    .await;
    let on_duty = app.create_user("caseworker", None);
    app.create_user("caseworker", None);
    {
        let mut conn = app.db.connect();
        haven::db::users::set_on_duty(&mut conn, app.user_id(&on_duty), true).unwrap();
        haven::db::organisations::insert(
            &mut conn,
            &haven::domain::GroupName::parse("Group C").unwrap(),
            &["c@group.example".into()],
            &[],
        )
        .unwrap();
    }
    // An urgent report now: the slot it goes in looks like every other.
    app.file_report(ReportForm::new("urgent").field("immediate_danger", "on"))
        .await;
    let notifier = haven::cases::notify::Notifier::new(&app.state.config);
    let slot = notifier
        .schedule()
        .next(haven::mail::slots::Cadence::Urgent, Utc::now());
    let next = slot + Duration::minutes(15);
    let mut texts = Vec::new();
    for (s, added) in [(slot, 1), (next, 2)] {
        let mut conn = app.db.connect();
        assert_eq!(
            notifier.fill_constant_slot(&mut conn, s).unwrap(),
            added,
            "everyone is in the slot (the urgent report already put the caseworker in the first)"
        );
        assert_eq!(
            notifier.fill_constant_slot(&mut conn, s).unwrap(),
            0,
            "once per slot"
        );
        assert_eq!(
            app.deliver_mail_at(s),
            2,
            "the group and the caseworker on duty"
        );
        texts = sink
            .received()
            .into_iter()
            .map(|m| m.text())
            .collect::<Vec<_>>();
    }
    assert_eq!(texts.len(), 4, "two recipients, two slots");
    for t in &texts {
        assert!(t.contains("Something may be waiting for you"));
        assert!(
            !t.contains("urgent"),
            "the same words whether or not anything waits"
        );
    }
}

#[tokio::test]
async fn a_purge_leaves_nothing_that_names_the_case_and_old_delivered_mail_is_pruned() {
    let app = spawn_app().await;
    let group = app.insert_group("Group P", &["p@group.example"]);
    app.login_as("caseworker").await;
    // Filed by phone (audited), triaged, referred, answered.
    let page = app.get_text("/staff/intake").await;
    let action = multipart_action(&page);
    let body = reqwest::multipart::Form::new()
        .text("narrative", "by phone")
        .text("consent_referral", "on")
        .text("lang", "en");
    let res = app
        .client
        .post(app.url(&action))
        .multipart(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let reference = element_text(&res.text().await.unwrap(), "case-reference").unwrap();
    app.post_staff(
        &format!("/staff/cases/{reference}/status"),
        &[("status", "triaged")],
    )
    .await;
    app.post_staff(
        &format!("/staff/cases/{reference}/referrals"),
        &[
            ("group", &group.to_string()),
            (&format!("summary_{group}"), "summary"),
        ],
    )
    .await;
    let liaison = new_client();
    let li = app.create_user("liaison", Some("Group P"));
    app.login_with(&liaison, &li, PASSWORD).await;
    let list = liaison
        .get(app.url("/staff/referrals"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = list.find("href=\"/staff/referrals/").unwrap() + 6;
    let link: String = list[at..].chars().take_while(|c| *c != '"').collect();
    let page = liaison
        .get(app.url(&link))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let res = liaison
        .post(app.url(&format!("{link}/accept")))
        .form(&[
            ("confirm", "yes"),
            ("csrf_token", csrf_token(&page).as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(
        app.deliver_mail_after_slots(),
        2,
        "the group and the caseworker"
    );
    let for_purge = reference.clone();
    let purged = app
        .state
        .db
        .run_blocking(move |conn| {
            let case = haven::db::cases::find_by_reference(conn, &for_purge)?.unwrap();
            haven::cases::purge::purge_case(conn, case.id, haven::cases::purge::Reason::Retention)
        })
        .unwrap();
    assert!(purged);
    let dump = app.pg_dump();
    assert!(
        !dump.contains(&reference),
        "the dump still names the purged case"
    );

    // `haven purge` removes delivered mail older than HAVEN_OUTBOX_KEEP_DAYS.
    let mut conn = app.db.connect();
    diesel::sql_query(
        "UPDATE outbox SET sent_at = now() - interval '8 days' \
         WHERE id = (SELECT id FROM outbox WHERE status = 'sent' LIMIT 1)",
    )
    .execute(&mut conn)
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_haven"))
        .arg("purge")
        .arg("--wait")
        .arg("0")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", &app.db.url)
        .env("HAVEN_MASTER_KEY_FILE", app.key_dir.join("master.key"))
        .env("HAVEN_OUTBOX_KEEP_DAYS", "7")
        .env("HAVEN_DEV", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        app.count("outbox WHERE status = 'sent'"),
        1,
        "the old delivered email is gone"
    );
}
