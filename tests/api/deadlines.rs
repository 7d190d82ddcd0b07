//! Deadlines and activity: the targets set at filing and met by staff
//! steps, due and overdue in the queue and per caseworker, the
//! needs-attention order, a reporter's reply marking the case unread (to
//! the hour) and telling only that something waits, and what the
//! reporter's page says happens next and by when.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use diesel::RunQueryDsl;

use crate::helpers::*;
use crate::smtp::SmtpSink;

/// Runs one statement on the test's database (how a test moves a case's
/// dates back, as time passing would).
fn exec(app: &TestApp, sql: &str) {
    diesel::sql_query(sql)
        .execute(&mut app.db.connect())
        .unwrap();
}

#[derive(diesel::QueryableByName, Debug)]
struct Dates {
    #[diesel(sql_type = diesel::sql_types::Timestamptz)]
    received_at: DateTime<Utc>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>)]
    ack_due_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>)]
    response_due_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>)]
    acknowledged_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>)]
    responded_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>)]
    unread_since: Option<DateTime<Utc>>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>)]
    last_activity_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>)]
    attention_at: Option<DateTime<Utc>>,
}

fn dates(app: &TestApp, reference: &str) -> Dates {
    diesel::sql_query(
        "SELECT received_at, ack_due_at, response_due_at, acknowledged_at, responded_at, \
         unread_since, last_activity_at, attention_at FROM cases WHERE reference = $1",
    )
    .bind::<diesel::sql_types::Text, _>(reference)
    .get_result(&mut app.db.connect())
    .unwrap()
}

/// A day as English pages write it.
fn en_day(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// The text of the first table row of `html` that contains `needle`, its
/// tags and spacing folded away.
fn row_text(html: &str, needle: &str) -> String {
    let at = html
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} on the page"));
    let start = html[..at].rfind("<tr").unwrap();
    let end = at + html[at..].find("</tr>").unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn assign(app: &TestApp, reference: &str, user: &str) {
    let id = app.user_id(user).to_string();
    let res = app
        .post_staff(
            &format!("/staff/cases/{reference}/assign"),
            &[("assignee", &id)],
        )
        .await;
    assert_eq!(res.status(), 303);
}

async fn reporter_visit(app: &TestApp, reference: &str, receipt: &str) -> reqwest::Client {
    let client = new_client();
    assert_eq!(
        open_follow_up(app, &client, reference, receipt)
            .await
            .status(),
        303
    );
    client
}

async fn reporter_replies(app: &TestApp, client: &reqwest::Client, body: &str) {
    let res = post_as_reporter(app, client, "/follow-up/case/messages", &[("body", body)]).await;
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn a_report_is_promised_its_targets_and_staff_steps_meet_them_once() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("targets")).await;
    let d = dates(&app, &reference);
    assert_eq!(d.ack_due_at, Some(d.received_at + Duration::days(7)));
    assert_eq!(d.response_due_at, Some(d.received_at + Duration::days(30)));
    assert_eq!((d.acknowledged_at, d.responded_at), (None, None));
    assert_eq!(
        d.attention_at, d.ack_due_at,
        "waiting on the acknowledgement"
    );

    app.login_as("caseworker").await;
    // Triage is not a response; a message to the reporter acknowledges.
    let res = app
        .post_staff(
            &format!("/staff/cases/{reference}/status"),
            &[("status", "triaged")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(dates(&app, &reference).responded_at, None);
    app.post_staff(
        &format!("/staff/cases/{reference}/messages"),
        &[("body", "We have your report.")],
    )
    .await;
    let acked = dates(&app, &reference)
        .acknowledged_at
        .expect("acknowledged");
    assert_eq!(
        dates(&app, &reference).attention_at,
        d.response_due_at,
        "then waiting on the response"
    );
    app.post_staff(
        &format!("/staff/cases/{reference}/messages"),
        &[("body", "A second message.")],
    )
    .await;
    assert_eq!(
        dates(&app, &reference).acknowledged_at,
        Some(acked),
        "the first message only"
    );
    // Moving to in progress is the substantive response.
    app.post_staff(
        &format!("/staff/cases/{reference}/status"),
        &[("status", "in_progress")],
    )
    .await;
    let d = dates(&app, &reference);
    let responded = d.responded_at.expect("responded");
    assert_eq!(d.attention_at, None, "nothing waits any more");
    app.post_staff(
        &format!("/staff/cases/{reference}/status"),
        &[("status", "closed")],
    )
    .await;
    assert_eq!(
        dates(&app, &reference).responded_at,
        Some(responded),
        "the first time only"
    );

    // A referral is a response too.
    let group = app.insert_group("Group R", &["r@group.example"]);
    let (referred, _) = app
        .file_report(ReportForm::new("refer me").field("consent_referral", "on"))
        .await;
    assert_eq!(app.refer(&referred, group, "summary").await.status(), 303);
    let d = dates(&app, &referred);
    assert!(d.responded_at.is_some() && d.acknowledged_at.is_none());
}

#[tokio::test]
async fn due_and_overdue_show_in_the_queue_in_words_and_are_counted_per_caseworker() {
    let app = spawn_app().await;
    let (late, _) = app.file_report(ReportForm::new("late")).await;
    let (soon, _) = app.file_report(ReportForm::new("soon")).await;
    let (later, _) = app.file_report(ReportForm::new("later")).await;
    let (nobodys, _) = app.file_report(ReportForm::new("nobody's")).await;
    let me = app.login_as("caseworker").await;
    for r in [&late, &soon, &later] {
        assign(&app, r, &me).await;
    }
    exec(
        &app,
        &format!(
            "UPDATE cases SET ack_due_at = now() - interval '3 days 2 hours' WHERE reference = '{late}'"
        ),
    );
    exec(
        &app,
        &format!(
            "UPDATE cases SET ack_due_at = now() + interval '1 day' WHERE reference = '{soon}'"
        ),
    );
    exec(
        &app,
        &format!(
            "UPDATE cases SET ack_due_at = now() - interval '1 hour' WHERE reference = '{nobodys}'"
        ),
    );
    let soon_day = dates(&app, &soon).ack_due_at.unwrap().date_naive();
    let later_day = dates(&app, &later).ack_due_at.unwrap().date_naive();

    let page = app.get_text("/staff/cases").await;
    assert!(
        row_text(&page, &late).contains("Reply overdue by 3 days"),
        "{}",
        row_text(&page, &late)
    );
    // The queue gives days as 2026-12-07: short, and sorted as they read.
    assert!(row_text(&page, &soon).contains(&format!("Reply due {soon_day}")));
    assert!(row_text(&page, &later).contains(&format!("Reply due {later_day}")));
    assert!(row_text(&page, &nobodys).contains("Reply overdue by less than a day"));
    // Per caseworker: one overdue, one due within three days (the third
    // is due in a week); the unassigned case on its own line.
    let workload = &page[page.find("id=\"workload\"").unwrap()..];
    let mine = row_text(workload, &me);
    assert!(mine.ends_with(&format!("{me} 1 1")), "{mine}");
    assert_eq!(row_text(workload, "Not assigned"), "Not assigned 1 0");
    // The counts' links open that queue in the order cases need attention.
    let id = app.user_id(&me);
    assert!(unescape(workload).contains(&format!("/staff/cases?assignee={id}&sort=attention")));

    // Met deadlines are no longer due; closed cases wait on nothing.
    app.post_staff(
        &format!("/staff/cases/{late}/messages"),
        &[("body", "Sorry for the wait.")],
    )
    .await;
    let page = app.get_text("/staff/cases").await;
    assert!(row_text(&page, &late).contains("Response due"));
    let workload = &page[page.find("id=\"workload\"").unwrap()..];
    assert!(row_text(workload, &me).ends_with(&format!("{me} 0 1")));

    // In French.
    exec(
        &app,
        &format!(
            "UPDATE cases SET response_due_at = now() - interval '2 days 1 hour' WHERE reference = '{late}'"
        ),
    );
    let page = app.get_text("/staff/cases?lang=fr").await;
    assert!(
        row_text(&page, &late).contains("Suite en retard de 2 jours"),
        "{}",
        row_text(&page, &late)
    );
    assert!(page.contains("Délais par intervenant·e"));
    assert!(page.contains("En retard"));

    // The case page says the same, with the acknowledgement met.
    let case = app.get_text(&format!("/staff/cases/{late}")).await;
    let today = en_day(Utc::now().date_naive());
    assert!(
        case.contains(&format!("Met on {today}")),
        "acknowledged today"
    );
    assert!(case.contains("Overdue by 2 days"));
}

#[tokio::test]
async fn the_needs_attention_order_puts_the_most_overdue_first_and_leaves_out_what_waits_on_nothing()
 {
    let app = spawn_app().await;
    let mut refs = Vec::new();
    for name in ["a", "b", "c", "done", "closed"] {
        refs.push(app.file_report(ReportForm::new(name)).await.0);
    }
    let [a, b, c, done, closed] = refs.try_into().unwrap();
    for (r, shift) in [
        (&a, "- interval '1 day'"),
        (&b, "- interval '5 days'"),
        (&c, "+ interval '2 days'"),
    ] {
        exec(
            &app,
            &format!("UPDATE cases SET ack_due_at = now() {shift} WHERE reference = '{r}'"),
        );
    }
    exec(
        &app,
        &format!(
            "UPDATE cases SET acknowledged_at = now(), responded_at = now() WHERE reference = '{done}'"
        ),
    );
    exec(
        &app,
        &format!("UPDATE cases SET status = 'closed' WHERE reference = '{closed}'"),
    );
    app.login_as("caseworker").await;
    let page = app.get_text("/staff/cases?sort=attention").await;
    let at = |r: &str| page.find(r).unwrap_or(usize::MAX);
    assert!(at(&b) < at(&a) && at(&a) < at(&c), "most overdue first");
    assert!(!page.contains(&done) && !page.contains(&closed));
    assert!(
        page.contains("<option value=\"attention\" selected>Needs attention first</option>"),
        "offered first, and kept selected"
    );
    let first_option = page.find("<option value=\"attention\"").unwrap();
    assert!(first_option < page.find("<option value=\"newest\"").unwrap());
    // A reply waiting unseen needs attention now, before any deadline.
    exec(
        &app,
        &format!(
            "UPDATE cases SET unread_since = date_trunc('hour', now()) - interval '10 days' WHERE reference = '{done}'"
        ),
    );
    let page = app.get_text("/staff/cases?sort=attention").await;
    assert!(page.find(&done).unwrap() < page.find(&b).unwrap());
    // A value the form never offers is refused.
    assert_eq!(app.get("/staff/cases?sort=whenever").await.status(), 400);
    assert_eq!(app.get("/staff/cases?linked=yes").await.status(), 400);
}

#[tokio::test]
async fn the_linked_filter_lists_only_cases_linked_to_others() {
    let app = spawn_app().await;
    let (linked, _) = app.file_report(ReportForm::new("linked")).await;
    let (alone, _) = app.file_report(ReportForm::new("alone")).await;
    exec(
        &app,
        &format!("UPDATE cases SET linked = true WHERE reference = '{linked}'"),
    );
    app.login_as("caseworker").await;
    let page = app.get_text("/staff/cases?linked=1").await;
    assert!(page.contains(&linked) && !page.contains(&alone));
    assert!(page.contains("name=\"linked\" value=\"1\" checked"));
    let page = app.get_text("/staff/cases").await;
    assert!(page.contains(&linked) && page.contains(&alone));
}

#[tokio::test]
async fn a_reporter_reply_marks_the_case_unread_to_the_hour_tells_the_assignee_only_that_something_waits_and_is_seen_when_they_open_it()
 {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(sink.url()),
        ..Default::default()
    })
    .await;
    let (reference, receipt) = app.file_report(ReportForm::new("activity")).await;
    let assignee = app.login_as("caseworker").await;
    assign(&app, &reference, &assignee).await;
    let other = app.create_user("caseworker", None);
    let other_client = new_client();
    app.login_with(&other_client, &other, PASSWORD).await;
    let page = app.get_text("/staff/cases").await;
    assert!(!row_text(&page, &reference).contains("New from the reporter"));

    let reporter = reporter_visit(&app, &reference, &receipt).await;
    reporter_replies(&app, &reporter, "REPLY-CONTENT-7781 they called again").await;
    let d = dates(&app, &reference);
    let hour = |t: DateTime<Utc>| t.format("%M:%S%.f").to_string() == "00:00";
    let unread = d.unread_since.expect("unread");
    assert!(hour(unread) && hour(d.last_activity_at.unwrap()), "{d:?}");
    assert_eq!(d.last_activity_at, Some(unread));
    assert!(Utc::now() - unread < Duration::hours(1));
    assert_eq!(d.attention_at, Some(unread), "needs attention now");

    let page = app.get_text("/staff/cases").await;
    let row = row_text(&page, &reference);
    assert!(row.contains("New from the reporter"), "{row}");
    assert!(
        row.contains(&unread.date_naive().to_string()),
        "last activity: {row}"
    );

    // In the next digest, to the assignee only, saying only that
    // something waits.
    let digest = haven::mail::slots::Schedule::new(15, 8)
        .next(haven::mail::slots::Cadence::Digest, Utc::now());
    assert_eq!(app.deliver_mail_at(digest - Duration::seconds(1)), 0);
    assert_eq!(app.deliver_mail_at(digest), 1);
    let mail = sink.received();
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].recipients, vec![assignee.clone()]);
    let text = mail[0].text();
    assert!(!text.contains("REPLY-CONTENT-7781") && !text.contains(&reference));
    assert!(!text.contains("/staff/cases/"), "no link to the case");

    // Another caseworker opening it does not clear it; the assignee does.
    other_client
        .get(app.url(&format!("/staff/cases/{reference}")))
        .send()
        .await
        .unwrap();
    assert!(dates(&app, &reference).unread_since.is_some());
    let case = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        case.contains("New from the reporter since"),
        "shown as it clears"
    );
    assert!(case.contains(&format!(
        "Reporter’s last reply or evidence: {}",
        en_day(unread.date_naive())
    )));
    let d = dates(&app, &reference);
    assert_eq!(d.unread_since, None);
    assert_eq!(d.last_activity_at, Some(unread), "the activity stays");
    let page = app.get_text("/staff/cases").await;
    assert!(!row_text(&page, &reference).contains("New from the reporter"));
    let case = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(!case.contains("New from the reporter since"));
}

#[tokio::test]
async fn evidence_on_an_unassigned_case_tells_the_caseworkers_on_duty_and_any_of_them_sees_it() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(sink.url()),
        ..Default::default()
    })
    .await;
    let (reference, receipt) = app.file_report(ReportForm::new("evidence later")).await;
    let on_duty = app.create_user("caseworker", None);
    let off_duty = app.create_user("caseworker", None);
    exec(
        &app,
        &format!("UPDATE users SET on_duty = (email = '{on_duty}') WHERE role <> 'liaison'"),
    );
    let reporter = reporter_visit(&app, &reference, &receipt).await;
    let page = reporter
        .get(app.url("/follow-up/case"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let form = reqwest::multipart::Form::new().part(
        "evidence",
        reqwest::multipart::Part::bytes(b"%PDF-1.4\n%EVIDENCE-CONTENT-4410\n".to_vec())
            .file_name("note.pdf"),
    );
    let res = reporter
        .post(app.url(&multipart_action(&page)))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(dates(&app, &reference).unread_since.is_some());
    app.deliver_mail_after_slots();
    let to: Vec<String> = sink
        .received()
        .iter()
        .flat_map(|m| m.recipients.clone())
        .collect();
    assert_eq!(to, vec![on_duty.clone()], "not {off_duty}");
    assert!(!sink.received()[0].text().contains("EVIDENCE-CONTENT"));
    // Nobody's case: any caseworker opening it has seen it.
    let client = new_client();
    app.login_with(&client, &off_duty, PASSWORD).await;
    client
        .get(app.url(&format!("/staff/cases/{reference}")))
        .send()
        .await
        .unwrap();
    assert_eq!(dates(&app, &reference).unread_since, None);
}

#[tokio::test]
async fn the_reporter_s_page_says_what_happens_next_and_by_when_in_their_language() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("when")).await;
    let due = dates(&app, &reference).ack_due_at.unwrap().date_naive();
    let reporter = reporter_visit(&app, &reference, &receipt).await;
    let page = follow_up_page(&app, &reporter).await;
    assert!(
        page.contains(&format!(
            "A caseworker will reply to you on this page by {}.",
            en_day(due)
        )),
        "{page}"
    );
    let fr = plain(
        &reporter
            .get(app.url("/follow-up/case?lang=fr"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    use chrono::Datelike;
    let day = if due.day() == 1 {
        "1er".to_string()
    } else {
        due.day().to_string()
    };
    let fr_due = format!("{day} {} {}", months[due.month0() as usize], due.year());
    assert!(
        fr.contains(&format!("vous répondra sur cette page d’ici le {fr_due}.")),
        "{fr}"
    );
    let zh = plain(
        &reporter
            .get(app.url("/follow-up/case?lang=zh-Hans"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert!(zh.contains(&format!("{}年{}月{}日", due.year(), due.month(), due.day())));

    // Late: said plainly, with an apology.
    exec(
        &app,
        &format!(
            "UPDATE cases SET ack_due_at = now() - interval '1 day' WHERE reference = '{reference}'"
        ),
    );
    let page = follow_up_page(&app, &reporter).await;
    assert!(page.contains("A caseworker should have replied by"));

    // Acknowledged: the response target.
    app.login_as("caseworker").await;
    app.post_staff(
        &format!("/staff/cases/{reference}/messages"),
        &[("body", "Hello.")],
    )
    .await;
    let response = dates(&app, &reference)
        .response_due_at
        .unwrap()
        .date_naive();
    let page = follow_up_page(&app, &reporter).await;
    assert!(
        page.contains(&format!("is planned by {}.", en_day(response))),
        "{page}"
    );

    // Responded: nothing overdue, even past every date.
    for status in ["triaged", "in_progress"] {
        let res = app
            .post_staff(
                &format!("/staff/cases/{reference}/status"),
                &[("status", status)],
            )
            .await;
        assert_eq!(res.status(), 303);
    }
    exec(
        &app,
        &format!(
            "UPDATE cases SET response_due_at = now() - interval '9 days' WHERE reference = '{reference}'"
        ),
    );
    let page = follow_up_page(&app, &reporter).await;
    assert!(page.contains("A caseworker is working on your report."));
    assert!(!page.contains("should have") && !page.contains("sorry"));
}

#[test]
fn the_targets_are_configured_in_whole_days_with_the_response_after_the_acknowledgement() {
    let config = |pairs: &'static [(&'static str, &'static str)]| {
        haven::config::Config::from_lookup(|k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        })
    };
    let c = config(&[("HAVEN_ACK_DAYS", "2"), ("HAVEN_RESPONSE_DAYS", "21")]).unwrap();
    assert_eq!((c.ack_days, c.response_days), (2, 21));
    let c = config(&[]).unwrap();
    assert_eq!((c.ack_days, c.response_days), (7, 30));
    for bad in [
        &[("HAVEN_ACK_DAYS", "0")][..],
        &[("HAVEN_ACK_DAYS", "seven")],
        &[("HAVEN_RESPONSE_DAYS", "3")],
        &[("HAVEN_RESPONSE_DAYS", "1000")],
    ] {
        let e = config(bad).unwrap_err().to_string();
        assert!(e.contains(bad[0].0), "the variable is named: {e}");
    }
}

#[tokio::test]
async fn counts_stop_at_their_cap_and_say_so() {
    let app = spawn_app().await;
    exec(
        &app,
        "INSERT INTO cases (reference, receipt_hash, master_key_id, content, source, risk, kinds, \
         channels, demands, support, contact_method, language, ack_due_at, response_due_at) \
         SELECT 'CAP' || g, 'h', 'k', '\\x00', 'web', 'routine', '{}', '{}', '{}', '{}', 'none', \
         'en', now() - interval '1 day', now() + interval '20 days' \
         FROM generate_series(1, 105) g",
    );
    app.login_as("caseworker").await;
    let page = app.get_text("/staff/cases").await;
    let workload = &page[page.find("id=\"workload\"").unwrap()..];
    assert_eq!(row_text(workload, "Not assigned"), "Not assigned 100+ 0");
}

#[tokio::test]
async fn a_reply_after_closing_needs_attention_and_waits_its_turn_with_the_deadlines() {
    let app = spawn_app().await;
    let (closed, receipt) = app.file_report(ReportForm::new("came back")).await;
    let (late, _) = app.file_report(ReportForm::new("late")).await;
    exec(
        &app,
        &format!("UPDATE cases SET status = 'closed' WHERE reference = '{closed}'"),
    );
    exec(
        &app,
        &format!(
            "UPDATE cases SET ack_due_at = now() - interval '5 days' WHERE reference = '{late}'"
        ),
    );
    app.login_as("caseworker").await;
    let page = app.get_text("/staff/cases?sort=attention").await;
    assert!(!page.contains(&closed), "a closed case waits on nothing");
    // The reporter writes again after the case was closed.
    let reporter = reporter_visit(&app, &closed, &receipt).await;
    reporter_replies(&app, &reporter, "they came back last night").await;
    let page = app.get_text("/staff/cases?sort=attention").await;
    assert!(page.contains(&closed), "the reply needs attention");
    // Whoever has waited longest first: the deadline passed five days ago,
    // the reply came this hour.
    assert!(page.find(&late).unwrap() < page.find(&closed).unwrap());
    // A closed case has no deadline to count.
    let workload = &page[page.find("id=\"workload\"").unwrap()..];
    assert_eq!(row_text(workload, "Not assigned"), "Not assigned 1 0");
}

#[tokio::test]
async fn a_caseworker_whose_keys_do_not_open_the_case_neither_shows_it_opened_nor_sees_the_reply() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("keys wait")).await;
    let reporter = reporter_visit(&app, &reference, &receipt).await;
    reporter_replies(&app, &reporter, "are you there").await;
    let me = app.login_as("caseworker").await;
    exec(
        &app,
        &format!(
            "DELETE FROM key_grants WHERE user_id = (SELECT id FROM users WHERE email = '{me}')"
        ),
    );
    let res = app.get(&format!("/staff/cases/{reference}")).await;
    assert_eq!(res.status(), 403, "the keys page");
    assert!(dates(&app, &reference).unread_since.is_some(), "not seen");
    let opened: i64 = diesel::dsl::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT count(*) FROM case_access WHERE kind = 'opened')",
    ))
    .get_result(&mut app.db.connect())
    .unwrap();
    assert_eq!(opened, 0, "the reporter is not told it was opened");
    let page = reporter
        .get(app.url("/follow-up/case"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Opened by a caseworker"));
}

#[tokio::test]
async fn a_reply_on_a_case_whose_assignee_left_is_seen_by_whoever_opens_it() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("left behind")).await;
    let leaver = app.create_user("caseworker", None);
    let me = app.login_as("caseworker").await;
    assign(&app, &reference, &leaver).await;
    exec(
        &app,
        &format!(
            "UPDATE cases SET ack_due_at = now() - interval '1 day' WHERE reference = '{reference}'"
        ),
    );
    let reporter = reporter_visit(&app, &reference, &receipt).await;
    reporter_replies(&app, &reporter, "still here").await;
    exec(
        &app,
        &format!("UPDATE users SET active = false WHERE email = '{leaver}'"),
    );
    // Its assignee left: the caseworker who opens it has seen the reply.
    app.get_text(&format!("/staff/cases/{reference}")).await;
    assert_eq!(dates(&app, &reference).unread_since, None, "seen by {me}");
}
