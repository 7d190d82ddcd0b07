//! Haven as an operator runs it: through PgBouncer in transaction mode, with
//! an onion service, with metrics for the operator and nothing about
//! reporters in them, with a key file checked against the database at
//! start, and backups that restore (with the key file, and only with it).

use diesel::RunQueryDsl;

use crate::helpers::*;

#[tokio::test]
async fn a_report_goes_from_intake_to_triage_through_pgbouncer() {
    let app = spawn_app_with(Options {
        through_pgbouncer: true,
        ..Default::default()
    })
    .await;
    assert!(
        app.state
            .config
            .database_url
            .expose()
            .contains(&pgbouncer_url())
    );
    // Twenty reports at once: their transactions land on whichever server
    // connection PgBouncer has free.
    let filed = futures_util::future::join_all((0..20).map(|i| {
        let app = &app;
        async move {
            app.file_report(ReportForm::new(&format!("through the pooler {i}")).file("p.png", PNG))
                .await
        }
    }))
    .await;
    assert_eq!(app.count("cases"), 20);
    let (reference, receipt) = &filed[0];
    app.login_as("caseworker").await;
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(page.contains("through the pooler 0"), "the case opens");
    let res = app
        .post_staff(
            &format!("/staff/cases/{reference}/triage"),
            &[
                ("status", "triaged"),
                ("risk", "elevated"),
                ("risk_was", "routine"),
                ("assignee", "me"),
                ("assignee_was", "none"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let queue = app.get_text("/staff/cases?status=triaged").await;
    assert!(queue.contains(reference.as_str()));
    // The reporter follows up through the pooler too.
    let reporter = new_client();
    open_follow_up(&app, &reporter, reference, receipt).await;
    assert!(
        follow_up_page(&app, &reporter)
            .await
            .contains("case-status")
    );
}

#[tokio::test]
async fn the_onion_address_is_offered_on_every_page_when_set() {
    let onion = "http://haveniaxg4ynvjp7mk2zkfq4xn3t6a5cw6twz7ybkxkfaegxglxtyrid.onion";
    let app = spawn_app_with(Options {
        env: vec![("HAVEN_ONION_URL", onion.to_string())],
        ..Default::default()
    })
    .await;
    for path in ["/", "/report", "/follow-up", "/staff/login"] {
        let res = app.get(path).await;
        assert_eq!(
            res.headers()["onion-location"].to_str().unwrap(),
            format!("{onion}/"),
            "{path}"
        );
    }
    let plain = spawn_app().await;
    assert!(
        plain
            .get("/")
            .await
            .headers()
            .get("onion-location")
            .is_none()
    );
}

const TOKEN: &str = "0123456789abcdef0123456789abcdef0123456789abcdef";

#[tokio::test]
async fn metrics_need_their_token_and_say_nothing_of_reporters() {
    let none = spawn_app().await;
    assert_eq!(
        none.get("/metrics").await.status(),
        404,
        "no token, no page"
    );
    let app = spawn_app_with(Options {
        env: vec![("HAVEN_METRICS_TOKEN", TOKEN.to_string())],
        ..Default::default()
    })
    .await;
    assert_eq!(app.get("/metrics").await.status(), 401);
    let wrong = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("x".repeat(48))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    // A report filed now (urgent, so that caseworkers on duty are to be
    // told at the next slot), a reply on it, and staff at work.
    let (reference, receipt) = app
        .file_report(ReportForm::new("metrics").field("immediate_danger", "yes"))
        .await;
    let email = app.create_user("caseworker", None);
    haven::db::users::set_on_duty(&mut app.db.connect(), app.user_id(&email), true).unwrap();
    let reporter = new_client();
    open_follow_up(&app, &reporter, &reference, &receipt).await;
    let page = follow_up_page(&app, &reporter).await;
    let res = reporter
        .post(app.url("/follow-up/case/messages"))
        .form(&[
            ("body", "are you there"),
            ("csrf_token", &csrf_token(&page)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    app.login_as("caseworker").await;
    app.get_text("/staff/cases").await;
    let res = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let text = res.text().await.unwrap();
    for line in [
        "haven_http_request_duration_seconds_count{class=\"staff\"}",
        "haven_hash_queue_full_total 0",
        "haven_outbox_messages{state=\"pending\"}",
        "haven_http_server_errors_total 0",
    ] {
        assert!(text.contains(line), "{line} in:\n{text}");
    }
    // The report came in this hour: it is counted a whole hour after it.
    assert!(text.contains("haven_cases{status=\"new\"} 0"), "{text}");
    // Emails the report and the reply queued wait for their slot: not
    // counted before it comes.
    let queued = app.count("outbox WHERE status = 'pending'");
    assert!(queued > 0, "the report and the reply queued emails");
    assert!(
        text.contains("haven_outbox_messages{state=\"pending\"} 0"),
        "{text}"
    );
    assert!(
        !text.contains("class=\"public\""),
        "reporters' pages are not counted"
    );
    assert!(
        !text.contains("/report"),
        "nothing names a reporter's page: {text}"
    );
}

#[tokio::test]
async fn an_instance_whose_key_file_lacks_a_key_in_use_refuses_to_start() {
    let app = spawn_app().await;
    app.file_report(ReportForm::new("sealed under this key"))
        .await;
    haven::startup::check_keys(&app.state).expect("the instance's own key file has them");
    // Another host started with an older copy of the key file.
    let other = spawn_app_with(Options {
        env: vec![("DATABASE_URL", app.db.url.clone())],
        ..Default::default()
    })
    .await;
    let refused = haven::startup::check_keys(&other.state)
        .unwrap_err()
        .to_string();
    assert!(refused.contains("lacks master key"), "{refused}");
    assert!(refused.contains("copy the key file"), "{refused}");
}

#[tokio::test]
async fn a_key_is_added_everywhere_first_then_made_current() {
    let app = spawn_app().await;
    app.file_report(ReportForm::new("rotated on several hosts"))
        .await;
    let key_file = app.key_dir.join("master.key");
    let before = haven::crypto::Keyring::load(&key_file, false).unwrap();
    let current = before.current().id().to_string();
    let added = haven::keys::add(&key_file, |_| {}).unwrap();
    let keyring = haven::crypto::Keyring::load(&key_file, false).unwrap();
    assert_eq!(keyring.current().id(), current, "added, not yet in use");
    assert!(keyring.ids().any(|id| id == added));
    // Every host now has the file; one of them makes the new key current.
    haven::keys::rotate(
        &app.state.db,
        &key_file,
        std::time::Duration::ZERO,
        Some(&added),
        |_| {},
    )
    .unwrap();
    let keyring = haven::crypto::Keyring::load(&key_file, false).unwrap();
    assert_eq!(keyring.current().id(), added);
    let mut conn = app.db.connect();
    let under: i64 = diesel::dsl::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(&format!(
        "(SELECT count(*) FROM cases WHERE master_key_id = '{added}')"
    )))
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(under, 1, "the case key is wrapped under it");
    assert!(
        haven::keys::rotate(
            &app.state.db,
            &key_file,
            std::time::Duration::ZERO,
            Some("nope"),
            |_| {}
        )
        .is_err()
    );
}

/// `pg_dump` of `from`'s database restored into a new database; its URL.
fn dump_and_restore(from: &TestApp) -> String {
    let dump = from.key_dir.join("backup.dump");
    let out = std::process::Command::new("pg_dump")
        .args(["--format=custom", "--file"])
        .arg(&dump)
        .arg(&from.db.url)
        .output()
        .expect("pg_dump is installed (the test script puts it on PATH)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let name = format!("{}_restored", from.db.name);
    let mut admin = <diesel::PgConnection as diesel::Connection>::establish(&admin_url()).unwrap();
    diesel::sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .unwrap();
    let (base, _) = from.db.url.rsplit_once('/').unwrap();
    let url = format!("{base}/{name}");
    let out = std::process::Command::new("pg_restore")
        .args(["--no-owner", "--exit-on-error", "--dbname"])
        .arg(&url)
        .arg(&dump)
        .output()
        .expect("pg_restore is installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    url
}

#[tokio::test]
async fn a_backup_restores_with_the_key_file_and_opens_nothing_without_it() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("kept in the backup")).await;
    let email = app.create_user("caseworker", None);
    let restored = dump_and_restore(&app);
    // Restored, with the key file: a caseworker signs in and reads it.
    let key_file = app.key_dir.join("master.key");
    let back = spawn_app_with(Options {
        env: vec![
            ("DATABASE_URL", restored.clone()),
            ("HAVEN_MASTER_KEY_FILE", key_file.display().to_string()),
        ],
        ..Default::default()
    })
    .await;
    haven::startup::check_keys(&back.state).unwrap();
    // (The one-time code is the account's, read where the helpers keep it.)
    let code = app.fresh_totp(&email);
    let res = back.login_full(&back.client, &email, PASSWORD, &code).await;
    assert_eq!(res.status(), 303);
    let page = back.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(page.contains("kept in the backup"));
    // The same backup without the key file: Haven will not start on it,
    // and the dump itself holds the report only sealed.
    let without = spawn_app_with(Options {
        env: vec![("DATABASE_URL", restored)],
        ..Default::default()
    })
    .await;
    assert!(haven::startup::check_keys(&without.state).is_err());
    assert!(!dump_reveals(&app.pg_dump(), "kept in the backup"));
}

#[test]
fn the_deployment_files_pass_their_checks() {
    let out = std::process::Command::new("bash")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/check.sh"))
        .output()
        .expect("run deploy/check.sh");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    assert!(said.contains("0 failed"), "{said}");
}

#[tokio::test]
async fn statistics_read_from_the_replica_when_there_is_one() {
    // A replica that does not answer: only the statistics fail (with the
    // "try again" page); the queue, on the database itself, still works.
    let (base, _) = admin_url()
        .rsplit_once('/')
        .map(|(b, d)| (b.to_string(), d.to_string()))
        .unwrap();
    let app = spawn_app_with(Options {
        env: vec![(
            "HAVEN_DATABASE_REPLICA_URL",
            format!("{base}/haven_no_such_replica"),
        )],
        ..Default::default()
    })
    .await;
    app.login_as("caseworker").await;
    assert_eq!(app.get("/staff/stats").await.status(), 503);
    assert_eq!(app.get("/staff/cases").await.status(), 200);
    // Without one, the statistics read the database itself.
    let plain = spawn_app().await;
    plain.login_as("caseworker").await;
    assert_eq!(plain.get("/staff/stats").await.status(), 200);
}
