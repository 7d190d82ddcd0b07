use crate::helpers::*;

#[tokio::test]
async fn without_smtp_mail_is_written_to_files_with_both_bodies() {
    let app = spawn_app().await;
    app.create_user("caseworker", None);
    app.file_report(
        ReportForm::new("MAIL-MARKER-99 urgent")
            .field("immediate_danger", "on")
            .field("contact_method", "email")
            .field("contact_value", "reporter-77@example.org"),
    )
    .await;
    assert_eq!(app.deliver_mail_after_slots(), 1);
    let mails = app.mail_files();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert!(mail.contains("Content-Type: text/plain") && mail.contains("Content-Type: text/html"));
    assert!(mail.contains("Message-ID: <"));
    assert!(mail.contains("/staff/cases?risk=urgent"));
    for secret in ["MAIL-MARKER-99", "reporter-77"] {
        assert!(!mail.contains(secret), "{secret} must never be in an email");
    }
    let mut conn = app.db.connect();
    let row = haven::db::outbox::list(&mut conn, None, None, 1)
        .unwrap()
        .remove(0);
    assert_eq!(row.status, "sent");
    assert_eq!(app.deliver_mail(), 0, "sent once");
}

use crate::smtp::SmtpSink;

fn queue(app: &TestApp, n: usize) {
    let mut conn = app.db.connect();
    for i in 0..n {
        haven::mail::outbox::queue(
            &mut conn,
            "haven.test",
            &format!("staff{i}@example.org"),
            "en",
            haven::mail::message::Email::UrgentCase,
            "/staff/cases",
        )
        .unwrap();
    }
}

/// When the worker will next try the one queued message.
fn next_attempt_at(app: &TestApp) -> chrono::DateTime<chrono::Utc> {
    let mut conn = app.db.connect();
    haven::db::outbox::list(&mut conn, None, None, 1)
        .unwrap()
        .remove(0)
        .next_attempt_at
}

/// Runs the worker when the queued message's back-off has just run out,
/// rather than waiting for it: first a moment before, when it is not due
/// yet, then at that time.
fn deliver_once_the_backoff_is_over(app: &TestApp) -> usize {
    let due = next_attempt_at(app);
    assert_eq!(
        app.deliver_mail_at(due - chrono::Duration::milliseconds(50)),
        0,
        "not due before its back-off is over"
    );
    app.deliver_mail_at(due)
}

fn statuses(app: &TestApp) -> Vec<(String, i32)> {
    let mut conn = app.db.connect();
    haven::db::outbox::list(&mut conn, None, None, 10_000)
        .unwrap()
        .into_iter()
        .map(|r| (r.status, r.attempts))
        .collect()
}

#[tokio::test]
async fn while_the_smtp_server_refuses_or_is_down_mail_waits_and_arrives_once_it_is_back() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(sink.url()),
        mail_retry_secs: Some(1),
        ..Default::default()
    })
    .await;
    queue(&app, 1);
    sink.refuse(true);
    assert_eq!(app.deliver_mail(), 1);
    assert_eq!(
        statuses(&app),
        vec![("pending".to_string(), 1)],
        "refused: still pending, one attempt"
    );
    let mut conn = app.db.connect();
    let row = haven::db::outbox::list(&mut conn, None, None, 1)
        .unwrap()
        .remove(0);
    assert!(
        row.next_attempt_at > chrono::Utc::now(),
        "the retry waits (backoff)"
    );
    assert!(row.last_error.unwrap().contains("SMTP"));
    assert_eq!(app.deliver_mail(), 0, "not due yet");

    sink.refuse(false);
    sink.stop();
    assert_eq!(deliver_once_the_backoff_is_over(&app), 1);
    assert_eq!(
        statuses(&app),
        vec![("pending".to_string(), 2)],
        "down: still pending"
    );
    let row = haven::db::outbox::list(&mut conn, None, None, 1)
        .unwrap()
        .remove(0);
    let wait = row.next_attempt_at - chrono::Utc::now();
    assert!(
        wait > chrono::Duration::milliseconds(1200),
        "the second wait is longer: {wait}"
    );

    let _back = sink.restart();
    assert_eq!(deliver_once_the_backoff_is_over(&app), 1);
    assert_eq!(statuses(&app), vec![("sent".to_string(), 3)]);
    assert_eq!(sink.received().len(), 1, "arrived once");
    assert_eq!(app.deliver_mail(), 0);
}

#[tokio::test]
async fn a_message_that_always_fails_ends_failed_and_an_admin_can_retry_it() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(sink.url()),
        mail_retry_secs: Some(1),
        mail_max_attempts: Some(3),
        ..Default::default()
    })
    .await;
    queue(&app, 1);
    sink.refuse(true);
    for attempt in 1..=3 {
        assert_eq!(
            deliver_once_the_backoff_is_over(&app),
            1,
            "attempt {attempt}"
        );
    }
    assert_eq!(statuses(&app), vec![("failed".to_string(), 3)]);
    assert_eq!(
        app.deliver_mail(),
        0,
        "a failed message is not tried again by itself"
    );

    app.login_as_admin().await;
    let page = app.get_text("/staff/admin/outbox?status=failed").await;
    assert!(
        page.contains("Service not available"),
        "the last error is shown"
    );
    let mut conn = app.db.connect();
    let id = haven::db::outbox::list(&mut conn, Some("failed"), None, 1)
        .unwrap()
        .remove(0)
        .id;
    sink.refuse(false);
    let token = app.staff_csrf().await;
    let res = app
        .post_form(
            &format!("/staff/admin/outbox/{id}/retry"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.deliver_mail(), 1);
    assert_eq!(statuses(&app)[0].0, "sent");
    assert_eq!(sink.received().len(), 1);
}

#[tokio::test]
async fn two_workers_on_one_database_deliver_a_thousand_messages_exactly_once() {
    a_thousand_messages_exactly_once(false).await;
}

#[tokio::test]
async fn through_pgbouncer_two_workers_deliver_a_thousand_messages_exactly_once() {
    a_thousand_messages_exactly_once(true).await;
}

async fn a_thousand_messages_exactly_once(through_pgbouncer: bool) {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(sink.url()),
        through_pgbouncer,
        ..Default::default()
    })
    .await;
    queue(&app, 1000);
    let first = haven::mail::worker::spawn(app.state.clone()).unwrap();
    let second = haven::mail::worker::spawn(app.state.clone()).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while sink.received().len() < 1000 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    first.stop();
    second.stop();
    let received = sink.received();
    let mut ids: Vec<String> = received.iter().map(|m| m.message_id()).collect();
    assert_eq!(ids.len(), 1000, "every message arrived");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 1000, "none twice");
    assert!(statuses(&app).iter().all(|(s, a)| s == "sent" && *a == 1));
}

#[tokio::test]
async fn a_worker_dying_after_the_server_accepted_a_message_means_it_is_sent_again_with_the_same_message_id()
 {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(sink.url()),
        ..Default::default()
    })
    .await;
    queue(&app, 1);
    let transport = haven::mail::transport::Transport::from_config(&app.state.config).unwrap();
    let crashed = haven::mail::worker::deliver_due_with(&app.state, &transport, &|_| {
        Err(haven::db::DbError::Unavailable(anyhow::anyhow!(
            "the worker died here"
        )))
    });
    assert!(crashed.is_err());
    assert_eq!(sink.received().len(), 1, "the server had accepted it");
    assert_eq!(
        statuses(&app),
        vec![("pending".to_string(), 0)],
        "but it was never marked sent"
    );
    assert_eq!(app.deliver_mail(), 1);
    let received = sink.received();
    assert_eq!(received.len(), 2, "at-least-once: delivered again");
    assert_eq!(
        received[0].message_id(),
        received[1].message_id(),
        "with the same Message-ID"
    );
    assert!(received[0].message_id().ends_with("@haven.test>"));
    assert_eq!(statuses(&app), vec![("sent".to_string(), 1)]);
}
