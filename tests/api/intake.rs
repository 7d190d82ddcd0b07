use crate::helpers::*;

fn full_report(narrative: &str) -> ReportForm {
    ReportForm::new(narrative)
        .field("kinds", "surveillance")
        .field("kinds", "family_threats")
        .field("reporter_role", "targeted")
        .field("occurred_on", "2026-05")
        .field("city", "Richmond")
        .field("province", "BC")
        .field("community", "uyghur")
        .field("channels", "wechat")
        .field("channels", "in_person")
        .field("state_link", "embassy")
        .field("demands", "inform")
        .field("involved", "a man from the consulate")
        .field("family_affected", "on")
        .field("prior_reports", "RCMP 2026-0042")
        .field("support", "legal")
        .field("support", "safety_planning")
        .field("contact_method", "signal")
        .field("contact_value", "+1 604 555 0100")
        .field("consent_referral", "on")
        .field("consent_stats", "on")
        .field("lang", "en")
}

#[tokio::test]
async fn a_report_is_stored_and_its_receipt_shown() {
    let app = spawn_app().await;
    let res = app
        .submit_report(full_report("They photographed me at the vigil.").file("photo.png", PNG))
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers().get("location").unwrap(), "/report/receipt");

    let page = app.get_text("/report/receipt").await;
    let reference = element_text(&page, "case-reference").expect("#case-reference");
    let receipt = element_text(&page, "receipt").expect("#receipt");
    assert_eq!(reference.len(), 9, "{reference}");
    let groups: Vec<_> = receipt.split(' ').collect();
    assert_eq!(groups.len(), 5, "{receipt}");
    assert!(
        groups
            .iter()
            .all(|g| g.len() == 4 && g.bytes().all(|b| b.is_ascii_digit()))
    );

    assert_eq!(app.count("cases"), 1);
    assert_eq!(app.count("evidence"), 1);
    let mut conn = app.db.connect();
    let stored = haven::db::cases::receipt_hash(&mut conn, &reference)
        .unwrap()
        .expect("stored under its reference");
    assert!(
        stored.starts_with("$haven-argon2id-split$v=19$m=19456,t=2,p=1$"),
        "only the verifier of an Argon2id hash is kept"
    );
    assert!(!stored.contains(&receipt.replace(' ', "")));
    let row = haven::db::cases::find_by_reference(&mut conn, &reference)
        .unwrap()
        .unwrap();
    assert_eq!(row.province.as_deref(), Some("BC"));
    assert_eq!(row.community.as_deref(), Some("uyghur"));
    assert!(row.consent_referral && row.consent_stats && !row.consent_police);
    assert_eq!(row.risk, "routine");
    assert_eq!(row.status, "new");
}

#[tokio::test]
async fn the_receipt_is_not_in_the_url_and_is_forgotten_when_done() {
    let app = spawn_app().await;
    let res = app
        .submit_report(ReportForm::new("Calls from an unknown number."))
        .await;
    let cookie = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.split(';').any(|a| a.trim() == "Path=/"),
        "{cookie}"
    );
    let location = res.headers().get("location").unwrap().to_str().unwrap();
    assert!(
        !location.chars().any(|c| c.is_ascii_digit()),
        "no receipt or reference in the URL"
    );

    let page = app.get("/report/receipt").await;
    assert_eq!(page.headers().get("cache-control").unwrap(), "no-store");
    let page = page.text().await.unwrap();
    assert!(
        element_text(&page, "receipt").is_some(),
        "a reload still shows it"
    );

    let token = csrf_token(&page);
    let res = app
        .post_form("/report/receipt", &[("csrf_token", &token)])
        .await;
    assert_eq!(res.status(), 303);
    let gone = app.get("/report/receipt").await;
    assert_eq!(gone.status(), 410);
    assert!(element_text(&gone.text().await.unwrap(), "receipt").is_none());

    // Another browser never sees it.
    let other = new_client()
        .get(app.url("/report/receipt"))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 410);
}

#[tokio::test]
async fn immediate_danger_marks_the_case_urgent_and_tells_them_to_call_911() {
    let app = spawn_app().await;
    let (reference, _) = app
        .file_report(ReportForm::new("He is outside my door.").field("immediate_danger", "on"))
        .await;
    let mut conn = app.db.connect();
    let row = haven::db::cases::find_by_reference(&mut conn, &reference)
        .unwrap()
        .unwrap();
    assert_eq!(row.risk, "urgent");
    assert!(row.immediate_danger);
    let form = app.get_text("/report").await;
    assert!(form.contains("call 911 first"));
}

#[tokio::test]
async fn an_empty_narrative_is_refused_and_nothing_is_stored() {
    let app = spawn_app().await;
    let res = app
        .submit_report(
            ReportForm::new("   ")
                .field("involved", "kept words")
                .field("province", "ON"),
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Please tell us what happened."));
    assert!(
        html.contains("id=\"narrative-error\""),
        "the error is tied to its field"
    );
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("kept words"), "the reporter's words are kept");
    assert!(html.contains("value=\"ON\" selected"));
    assert_eq!(app.count("cases"), 0);
}

#[tokio::test]
async fn invalid_choices_dates_and_contacts_are_refused() {
    let app = spawn_app().await;
    for (field, value) in [
        ("kinds", "alien_abduction"),
        ("reporter_role", "boss"),
        ("occurred_on", "2999-01"),
        ("occurred_on", "yesterday"),
        ("province", "ZZ"),
        ("state_link", "aliens"),
        ("contact_method", "pigeon"),
    ] {
        let res = app
            .submit_report(ReportForm::new("words").field(field, value))
            .await;
        assert_eq!(res.status(), 422, "{field}={value}");
    }
    let res = app
        .submit_report(
            ReportForm::new("words")
                .field("contact_method", "email")
                .field("contact_value", "nope"),
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("id=\"contact_value-error\"")
    );
    assert_eq!(app.count("cases"), 0);
}

#[tokio::test]
async fn a_file_of_a_type_not_allowed_is_refused_with_the_report() {
    let app = spawn_app().await;
    let res = app
        .submit_report(
            ReportForm::new("see attached").file("run.exe", b"MZ\x90\x00\x03\x00\x00\x00binary"),
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"evidence-error\""));
    assert!(html.contains("see attached"));
    assert_eq!(app.count("cases"), 0);
    assert_eq!(app.count("evidence"), 0);
}

#[tokio::test]
async fn an_oversized_file_gets_413_and_nothing_is_stored() {
    let app = spawn_app().await;
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    let res = app
        .submit_report(ReportForm::new("big file").file("big.txt", &big))
        .await;
    assert_eq!(res.status(), 413);
    assert!(res.text().await.unwrap().contains("Nothing was stored"));
    assert_eq!(app.count("cases"), 0);
}

#[tokio::test]
async fn a_form_without_a_valid_token_is_shown_again_and_not_stored() {
    let app = spawn_app().await;
    let res = app
        .post_report_with_token(ReportForm::new("my words stay"), "")
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("This form had expired"));
    assert!(html.contains("my words stay"));
    let res = app
        .post_report_with_token(ReportForm::new("x"), "1700000000.deadbeef")
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(app.count("cases"), 0);
}

#[tokio::test]
async fn a_cross_site_submission_is_refused() {
    let app = spawn_app().await;
    let token = csrf_token(&app.get_text("/report").await);
    let body = reqwest::multipart::Form::new()
        .text("csrf_token", token)
        .text("narrative", "forged");
    let res = app
        .client
        .post(app.url("/report"))
        .header("sec-fetch-site", "cross-site")
        .multipart(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(app.count("cases"), 0);
}

#[tokio::test]
async fn the_form_offers_every_contract_field() {
    let app = spawn_app().await;
    let html = app.get_text("/report").await;
    assert!(html.contains("enctype=\"multipart/form-data\""));
    for name in [
        "narrative",
        "kinds",
        "reporter_role",
        "occurred_on",
        "city",
        "province",
        "community",
        "channels",
        "state_link",
        "demands",
        "involved",
        "family_affected",
        "prior_reports",
        "immediate_danger",
        "support",
        "evidence",
        "contact_method",
        "contact_value",
        "consent_referral",
        "consent_police",
        "consent_stats",
        "lang",
        "csrf_token",
    ] {
        assert!(html.contains(&format!("name=\"{name}\"")), "field {name}");
    }
    for consent in ["consent_referral", "consent_police", "consent_stats"] {
        let at = html.find(&format!("name=\"{consent}\"")).unwrap();
        let tag_end = at + html[at..].find('>').unwrap();
        assert!(
            !html[at..tag_end].contains("checked"),
            "{consent} is off by default"
        );
    }
}

#[tokio::test]
async fn nothing_about_the_reporters_connection_is_stored() {
    let app = spawn_app().await;
    let marker_agent = "Mozilla/5.0 (ReporterPhone; MarkerAgent-7731)";
    let body = reqwest::multipart::Form::new()
        .text("csrf_token", csrf_token(&app.get_text("/report").await))
        .text("narrative", "plain report");
    let res = app
        .client
        .post(app.url("/report"))
        .header("user-agent", marker_agent)
        .header("x-forwarded-for", "203.0.113.77")
        .multipart(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let dump = app.pg_dump();
    for leak in ["MarkerAgent-7731", "203.0.113.77", "127.0.0.1"] {
        assert!(!dump_reveals(&dump, leak), "{leak} is in the database");
    }
}
