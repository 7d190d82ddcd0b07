use crate::helpers::*;

#[tokio::test]
async fn the_right_receipt_opens_the_case_with_its_status_in_plain_words() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("follow me up")).await;
    let client = new_client();
    let res = open_follow_up(
        &app,
        &client,
        &reference.to_lowercase().replace('-', " "),
        &receipt.replace(' ', "-"),
    )
    .await;
    assert_eq!(res.status(), 303, "typing variants are forgiven");
    assert_eq!(res.headers().get("location").unwrap(), "/follow-up/case");
    let cookie = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && cookie.split(';').any(|a| a.trim() == "Path=/"),
        "the whole site, as the __Host- prefix over HTTPS requires: {cookie}"
    );
    let page = follow_up_page(&app, &client).await;
    assert!(page.contains(&reference));
    assert!(page.contains("Received. A caseworker will read it soon."));
    assert!(
        !page.contains("follow me up"),
        "the report itself is not shown back"
    );
}

#[tokio::test]
async fn a_wrong_receipt_and_an_unknown_reference_get_the_same_answer() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("x")).await;
    let wrong = open_follow_up(&app, &new_client(), &reference, "0000 0000 0000 0000 0000").await;
    let unknown =
        open_follow_up(&app, &new_client(), "ZZZZ-ZZZZ", "0000 0000 0000 0000 0000").await;
    let garbage = open_follow_up(&app, &new_client(), "not a reference", "letters").await;
    for res in [&wrong, &unknown, &garbage] {
        assert_eq!(res.status(), 401);
        assert!(res.headers().get("set-cookie").is_none());
    }
    let body = |html: String, r: &str| {
        let token = csrf_token(&html);
        html.replace(&token, "").replace(r, "REF")
    };
    let a = body(wrong.text().await.unwrap(), &reference);
    let b = body(unknown.text().await.unwrap(), "ZZZZ-ZZZZ");
    assert_eq!(a, b);
    assert!(a.contains("The reference or the receipt is not right."));
}

/// Waits until a held reference or source has its next attempt checked.
async fn held_check_passes() {
    tokio::time::sleep(std::time::Duration::from_secs(
        haven::auth::throttle::HELD_CHECK_SECS,
    ))
    .await;
}

#[tokio::test]
async fn attempts_are_throttled_per_reference_and_per_source_and_no_address_is_stored() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("x")).await;
    for _ in 0..6 {
        assert_eq!(
            open_follow_up(&app, &new_client(), &reference, "1111 1111 1111 1111 1111")
                .await
                .status(),
            401
        );
    }
    let res = open_follow_up(&app, &new_client(), &reference, "1111 1111 1111 1111 1112").await;
    assert_eq!(
        res.status(),
        429,
        "wrong receipts for this reference are held back"
    );
    assert!(plain(&res.text().await.unwrap()).contains(
        "Too many attempts with this reference or from this connection. Wait a few seconds"
    ));
    let hashed = app.state.hasher.verifications();
    let res = open_follow_up(&app, &new_client(), &reference, &receipt).await;
    assert_eq!(
        res.status(),
        429,
        "one attempt every few seconds is checked"
    );
    assert_eq!(
        app.state.hasher.verifications(),
        hashed,
        "the others cost no hash"
    );
    held_check_passes().await;
    let res = open_follow_up(&app, &new_client(), &reference, &receipt).await;
    assert_eq!(
        res.status(),
        303,
        "but whoever knows only the reference cannot lock the reporter out"
    );
    let (other, other_receipt) = app.file_report(ReportForm::new("y")).await;
    for i in 0..14 {
        let _ = open_follow_up(
            &app,
            &new_client(),
            &format!("AAAA-{:04}", i),
            "2222 2222 2222 2222 2222",
        )
        .await;
    }
    let res = open_follow_up(&app, &new_client(), &other, "3333 3333 3333 3333 3333").await;
    assert_eq!(
        res.status(),
        429,
        "this source has failed 20 times: its wrong receipts wait"
    );
    held_check_passes().await;
    let res = open_follow_up(&app, &new_client(), &other, &other_receipt).await;
    assert_eq!(
        res.status(),
        303,
        "a reporter sharing the address (a Tor exit) still gets in"
    );
    assert!(!dump_reveals(&app.pg_dump(), "127.0.0.1"));
}

#[tokio::test]
async fn a_caseworker_and_the_reporter_exchange_messages_encrypted_at_rest() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("messages")).await;
    app.login_as("caseworker").await;
    let token = app.staff_csrf().await;
    let res = app
        .post_form(
            &format!("/staff/cases/{reference}/messages"),
            &[
                ("body", "STAFF-MSG-881 Are you safe tonight?"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);

    let reporter = new_client();
    open_follow_up(&app, &reporter, &reference, &receipt).await;
    let page = follow_up_page(&app, &reporter).await;
    assert!(page.contains("STAFF-MSG-881 Are you safe tonight?"));
    // The reporter sees the day a message was written, never its time.
    let today = chrono::Utc::now().date_naive();
    assert!(
        page.contains(&format!("<time datetime=\"{today}\">")),
        "{page}"
    );
    assert!(
        !page.contains(" UTC"),
        "no time of day on the reporter's page"
    );
    let token = csrf_token(&page);
    let res = reporter
        .post(app.url("/follow-up/case/messages"))
        .form(&[
            ("body", "REPLY-MSG-552 Yes, at my cousin's."),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let next = res
        .headers()
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        plain(
            &reporter
                .get(app.url(&next))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        )
        .contains("Your message is sent.")
    );

    let staff_page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        staff_page.contains("REPLY-MSG-552 Yes, at my cousin&#39;s.")
            || staff_page.contains("REPLY-MSG-552 Yes, at my cousin")
    );
    assert!(staff_page.contains("message from the reporter"));
    let dump = app.pg_dump();
    assert!(!dump_reveals(&dump, "STAFF-MSG-881") && !dump_reveals(&dump, "REPLY-MSG-552"));

    // Without the visit's token, nothing is posted.
    let res = reporter
        .post(app.url("/follow-up/case/messages"))
        .form(&[("body", "forged"), ("csrf_token", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(app.count("case_messages"), 2);
}

#[tokio::test]
async fn the_reporter_adds_evidence() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("evidence later")).await;
    let reporter = new_client();
    open_follow_up(&app, &reporter, &reference, &receipt).await;
    let page = follow_up_page(&app, &reporter).await;
    let action = multipart_action(&page);
    let body = reqwest::multipart::Form::new().part(
        "evidence",
        reqwest::multipart::Part::bytes(PNG.to_vec()).file_name("later.png"),
    );
    let res = reporter
        .post(app.url(&action))
        .multipart(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(
        follow_up_page(&app, &reporter)
            .await
            .contains("One file has been received")
    );
    let body = reqwest::multipart::Form::new().part(
        "evidence",
        reqwest::multipart::Part::bytes(b"MZ\x90\x00exe".to_vec()).file_name("x.exe"),
    );
    assert_eq!(
        reporter
            .post(app.url(&action))
            .multipart(body)
            .send()
            .await
            .unwrap()
            .status(),
        422
    );
    app.login_as("caseworker").await;
    let staff_page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(staff_page.contains("later.png") && staff_page.contains("the reporter added evidence"));
}

#[tokio::test]
async fn a_deletion_request_waits_out_its_grace_period_can_be_withdrawn_and_then_deletes_everything()
 {
    let app = spawn_app().await;
    let (reference, receipt) = app
        .file_report(ReportForm::new("delete me").file("a.png", PNG))
        .await;
    let reporter = new_client();
    open_follow_up(&app, &reporter, &reference, &receipt).await;
    let token = csrf_token(&follow_up_page(&app, &reporter).await);
    let res = reporter
        .post(app.url("/follow-up/case/deletion"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let page = follow_up_page(&app, &reporter).await;
    assert!(page.contains("Your report will be deleted"));
    let res = reporter
        .post(app.url("/follow-up/case/deletion/cancel"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    // Confirmed on the page, never in its address (a browser's history
    // would keep it), and once: a reload no longer says it.
    assert_eq!(res.headers().get("location").unwrap(), "/follow-up/case");
    assert!(
        follow_up_page(&app, &reporter)
            .await
            .contains("Your report will be kept.")
    );
    assert!(
        !follow_up_page(&app, &reporter)
            .await
            .contains("Your report will be kept.")
    );
    // An address made up to say something else says nothing.
    assert!(
        !plain(
            &reporter
                .get(app.url("/follow-up/case?done=police-given"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        )
        .contains("You agreed to sharing with Canadian police")
    );
    reporter
        .post(app.url("/follow-up/case/deletion"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();

    // Through the app's pool, which signs the purge's audit entry.
    let db = app.state.db.clone();
    assert_eq!(
        db.run_blocking(|conn| haven::cases::purge::purge_due_deletions(conn, chrono::Utc::now()))
            .unwrap(),
        0,
        "not before the grace period"
    );
    // Due on the hour after the grace period (the exact time of the
    // request is not kept).
    let later = chrono::Utc::now()
        + chrono::Duration::hours(haven::cases::follow_up::DELETION_GRACE_HOURS + 1)
        + chrono::Duration::minutes(1);
    assert_eq!(
        db.run_blocking(|conn| haven::cases::purge::purge_due_deletions(conn, later))
            .unwrap(),
        1
    );
    for table in ["cases", "evidence", "case_events", "reporter_sessions"] {
        assert_eq!(app.count(table), 0, "{table} is empty");
    }
    assert_eq!(
        open_follow_up(&app, &new_client(), &reference, &receipt)
            .await
            .status(),
        401,
        "gone"
    );
}

#[tokio::test]
async fn a_caseworker_can_carry_out_a_deletion_request_at_once() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("delete now")).await;
    let reporter = new_client();
    open_follow_up(&app, &reporter, &reference, &receipt).await;
    let token = csrf_token(&follow_up_page(&app, &reporter).await);
    reporter
        .post(app.url("/follow-up/case/deletion"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    app.login_as("caseworker").await;
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(page.contains("asked for this report to be deleted"));
    let staff_token = app.staff_csrf().await;
    let res = app
        .post_form(
            &format!("/staff/cases/{reference}/purge"),
            &[("csrf_token", &staff_token)],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.count("cases"), 0);
    assert_eq!(
        app.get(&format!("/staff/cases/{reference}")).await.status(),
        404
    );
    let res = reporter
        .get(app.url("/follow-up/case"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "the visit ended with the case");
}

#[tokio::test]
async fn leaving_ends_the_visit() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("x")).await;
    let reporter = new_client();
    open_follow_up(&app, &reporter, &reference, &receipt).await;
    let token = csrf_token(&follow_up_page(&app, &reporter).await);
    let res = reporter
        .post(app.url("/follow-up/leave"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers().get("location").unwrap(), "/follow-up?left=1");
    let res = reporter
        .get(app.url("/follow-up/case"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(app.count("reporter_sessions"), 0);
}
