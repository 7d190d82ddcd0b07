//! What the reporter's side refuses: control characters in any public
//! input, checkbox values other than the checkbox's own, a form token used
//! twice, evidence beyond a case's cap, invisible-only narratives and
//! repeated single-value fields. Each refusal is a 422 naming the field,
//! with nothing stored.

use crate::helpers::*;

/// Posts a multipart body written by hand, so that part headers (a file
/// name) carry exactly the bytes given.
async fn post_raw_multipart(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    parts: &[(&str, Option<&str>, &[u8])],
) -> reqwest::Response {
    let boundary = "----haven-test-boundary-7731";
    let mut body = Vec::new();
    for (name, file_name, bytes) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file_name {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    client
        .post(app.url(path))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn refused_for(_app: &TestApp, res: reqwest::Response, field: &str) -> String {
    assert_eq!(res.status(), 422, "{field}");
    let html = res.text().await.unwrap();
    assert!(
        html.contains(&format!("id=\"{field}-error\"")),
        "the error names {field}"
    );
    html
}

#[tokio::test]
async fn control_characters_are_refused_in_every_text_field_of_the_report() {
    let app = spawn_app().await;
    for bad in ["a\u{0}b", "a\u{1b}[31mb", "a\u{85}b", "a\u{7f}b", "a\u{8}b"] {
        for field in ["narrative", "city", "involved", "prior_reports"] {
            let form = if field == "narrative" {
                ReportForm::new(bad)
            } else {
                ReportForm::new("words").field(field, bad)
            };
            let res = app.submit_report(form).await;
            let html = refused_for(&app, res, field).await;
            assert!(!html.contains('\u{0}'), "no NUL is sent back into HTML");
        }
        let res = app
            .submit_report(
                ReportForm::new("words")
                    .field("contact_method", "email")
                    .field("contact_value", &format!("ana{bad}@example.org")),
            )
            .await;
        refused_for(&app, res, "contact_value").await;
    }
    // Line breaks and tabs are text in multi-line fields, not in one-line ones.
    let res = app
        .submit_report(ReportForm::new("words").field("city", "Rich\nmond"))
        .await;
    refused_for(&app, res, "city").await;
    let res = app
        .submit_report(ReportForm::new("words").field("city", "Rich\tmond"))
        .await;
    refused_for(&app, res, "city").await;
    assert_eq!(app.count("cases"), 0);
    let res = app
        .submit_report(
            ReportForm::new("line one\r\nline two\n\tindented").field("involved", "a\nb"),
        )
        .await;
    assert_eq!(res.status(), 303, "line breaks and tabs in a narrative");
    assert_eq!(app.count("cases"), 1);
}

#[tokio::test]
async fn a_control_character_in_an_evidence_file_name_is_refused() {
    let app = spawn_app().await;
    for name in ["photo\u{85}.png", "photo\t.png"] {
        let token = csrf_token(&app.get_text("/report").await);
        let res = post_raw_multipart(
            &app,
            &app.client,
            "/report",
            &[
                ("csrf_token", None, token.as_bytes()),
                ("narrative", None, b"see the photo"),
                ("evidence", Some(name), PNG),
            ],
        )
        .await;
        let html = refused_for(&app, res, "evidence").await;
        assert!(html.contains("see the photo"), "the words are kept");
    }
    assert_eq!(app.count("cases"), 0);
    assert_eq!(app.count("evidence"), 0);
}

async fn open_visit(app: &TestApp) -> (reqwest::Client, String) {
    let (reference, receipt) = app.file_report(ReportForm::new("follow me up")).await;
    let client = new_client();
    let page = client
        .get(app.url("/follow-up"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let res = client
        .post(app.url("/follow-up"))
        .form(&[
            ("reference", reference.as_str()),
            ("receipt", receipt.as_str()),
            ("csrf_token", &csrf_token(&page)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let page = client
        .get(app.url("/follow-up/case"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    (client, csrf_token(&page))
}

#[tokio::test]
async fn control_characters_are_refused_at_follow_up() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("a case")).await;
    for (reference, receipt, named) in [
        (
            format!("{reference}\u{0}"),
            "1234 5678 9012 3456 7890",
            "Case reference",
        ),
        (reference.clone(), "1234\u{0}5678", "Secret receipt"),
    ] {
        let client = new_client();
        let page = client
            .get(app.url("/follow-up"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let res = client
            .post(app.url("/follow-up"))
            .form(&[
                ("reference", reference.as_str()),
                ("receipt", receipt),
                ("csrf_token", &csrf_token(&page)),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let html = plain(&res.text().await.unwrap());
        assert!(html.contains(named), "the field is named: {named}");
        assert!(!html.contains('\u{0}'));
    }

    let (client, token) = open_visit(&app).await;
    let before = app.count("case_messages");
    for body in [
        "hello\u{0}there",
        "\u{1b}]0;title\u{7}",
        "\u{200b}\u{feff} \u{2060}\n",
    ] {
        let res = client
            .post(app.url("/follow-up/case/messages"))
            .form(&[("body", body), ("csrf_token", &token)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{body:?}");
    }
    assert_eq!(app.count("case_messages"), before, "nothing stored");
    let res = post_raw_multipart(
        &app,
        &client,
        &format!("/follow-up/case/evidence?csrf_token={token}"),
        &[("evidence", Some("more\u{85}.png"), PNG)],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert_eq!(app.count("evidence"), 0);
}

#[tokio::test]
async fn control_characters_are_refused_in_phone_intake() {
    let app = spawn_app().await;
    app.login_as("caseworker").await;
    let token = csrf_token(&app.get_text("/staff/intake").await);
    for (field, value) in [("narrative", "caller\u{0}said"), ("city", "Rich\u{0}mond")] {
        let mut body = reqwest::multipart::Form::new().text("lang", "en");
        if field != "narrative" {
            body = body.text("narrative", "the caller's words");
        }
        body = body.text(field, value.to_string());
        let res = app
            .client
            .post(app.url(&format!("/staff/intake?csrf_token={token}")))
            .multipart(body)
            .send()
            .await
            .unwrap();
        refused_for(&app, res, field).await;
    }
    assert_eq!(app.count("cases"), 0);
}

#[tokio::test]
async fn a_checkbox_accepts_only_its_own_value() {
    let app = spawn_app().await;
    for field in [
        "family_affected",
        "immediate_danger",
        "consent_referral",
        "consent_police",
        "consent_stats",
    ] {
        for value in ["no", "false", "0", "off", ""] {
            let res = app
                .submit_report(ReportForm::new("words").field(field, value))
                .await;
            refused_for(&app, res, field).await;
        }
    }
    assert_eq!(app.count("cases"), 0, "no consent was stored from a 'no'");
    assert_eq!(app.count("outbox"), 0, "no case became urgent");
    // What the form's checkbox sends (and the HTML default) is a yes.
    for value in ["yes", "on"] {
        let (reference, _) = app
            .file_report(ReportForm::new("words").field("consent_police", value))
            .await;
        let mut conn = app.db.connect();
        let row = haven::db::cases::find_by_reference(&mut conn, &reference)
            .unwrap()
            .unwrap();
        assert!(row.consent_police, "{value}");
    }
}

#[tokio::test]
async fn one_form_token_files_one_report() {
    let app = spawn_app().await;
    let token = csrf_token(&app.get_text("/report").await);
    let res = app
        .post_report_with_token(ReportForm::new("the first report"), &token)
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_report_with_token(
            ReportForm::new("the same form again").field("city", "Laval"),
            &token,
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("This form was already sent"),
        "a clear message"
    );
    assert!(
        html.contains("the same form again") && html.contains("Laval"),
        "kept"
    );
    assert_ne!(csrf_token(&html), token, "a fresh form");
    assert_eq!(app.count("cases"), 1);

    // Many at once with one token: exactly one report, at most one urgent
    // mail, and one receipt hashed — replays are turned away before Argon2.
    let token = csrf_token(&app.get_text("/report").await);
    let hashed_before = app.state.hasher.receipts_hashed();
    let mut tasks = Vec::new();
    for i in 0..12 {
        let client = new_client();
        let url = app.url("/report");
        let token = token.clone();
        tasks.push(tokio::spawn(async move {
            let body = reqwest::multipart::Form::new()
                .text("csrf_token", token)
                .text("narrative", format!("flood {i}"))
                .text("immediate_danger", "yes");
            client
                .post(url)
                .multipart(body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 303 || *s == 422),
        "{statuses:?}"
    );
    assert_eq!(app.count("cases"), 2);
    assert_eq!(
        app.state.hasher.receipts_hashed() - hashed_before,
        1,
        "replays of one token cost no hash"
    );
    // Nothing about the form or the reporter is kept beside its digest.
    let dump = app.pg_dump();
    assert!(!dump.contains(&token), "the token itself is not stored");
}

#[tokio::test]
async fn evidence_added_at_follow_up_stops_at_the_case_cap() {
    let app = spawn_app().await;
    let (client, token) = open_visit(&app).await;
    let ten = || {
        let mut form = reqwest::multipart::Form::new();
        for i in 0..10 {
            form = form.part(
                "evidence",
                reqwest::multipart::Part::bytes(PNG.to_vec()).file_name(format!("p{i}.png")),
            );
        }
        form
    };
    let url = app.url(&format!("/follow-up/case/evidence?csrf_token={token}"));
    for _ in 0..3 {
        let res = client.post(&url).multipart(ten()).send().await.unwrap();
        assert_eq!(res.status(), 303);
    }
    assert_eq!(app.count("evidence"), 30);
    let res = client
        .post(&url)
        .multipart(reqwest::multipart::Form::new().part(
            "evidence",
            reqwest::multipart::Part::bytes(PNG.to_vec()).file_name("one-more.png"),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = plain(&res.text().await.unwrap());
    assert!(html.contains("30 files"), "the cap is stated");
    assert_eq!(app.count("evidence"), 30);
}

#[tokio::test]
async fn a_narrative_of_invisible_characters_only_is_empty() {
    let app = spawn_app().await;
    let invisible = "\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}\u{200e}\u{200f}\u{202a}\u{202c}\u{2066}\u{2069}\u{61c} \u{a0}\u{3000}\r\n\t";
    let res = app.submit_report(ReportForm::new(invisible)).await;
    let html = refused_for(&app, res, "narrative").await;
    assert!(html.contains("Please tell us what happened."));
    assert_eq!(app.count("cases"), 0);
    // Joiners inside real words are kept (Uyghur, Persian, emoji).
    let res = app
        .submit_report(ReportForm::new("مې\u{200c}نى 👩\u{200d}👧"))
        .await;
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn a_single_value_field_sent_twice_is_refused() {
    let app = spawn_app().await;
    for (field, a, b) in [
        ("narrative", "first words", "second words"),
        ("province", "ON", "QC"),
        ("city", "Laval", "Montréal"),
        ("reporter_role", "targeted", "witness"),
        ("contact_method", "none", "email"),
        ("consent_police", "yes", "yes"),
    ] {
        let mut form = ReportForm::new("words");
        if field == "narrative" {
            form.fields.clear();
        }
        let res = app
            .submit_report(form.field(field, a).field(field, b))
            .await;
        refused_for(&app, res, field).await;
    }
    // A hidden field has no place of its own: the summary names it.
    let res = app
        .submit_report(
            ReportForm::new("words")
                .field("lang", "en")
                .field("lang", "fr"),
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        plain(&res.text().await.unwrap())
            .contains("Language — This answer was sent more than once")
    );
    assert_eq!(app.count("cases"), 0);
    // Repeated fields stay repeated.
    let res = app
        .submit_report(
            ReportForm::new("words")
                .field("kinds", "surveillance")
                .field("kinds", "hacking"),
        )
        .await;
    assert_eq!(res.status(), 303);
}
