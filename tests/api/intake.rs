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
    let html = app.report_all_questions("").await;
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

#[tokio::test]
async fn a_report_in_steps_is_held_sealed_between_steps_and_gone_once_sent() {
    let app = spawn_app().await;
    let page = app.get_text("/report").await;
    assert!(page.contains("Step 1 of 4: Your safety"));
    assert!(!page.contains("name=\"narrative\""), "one step at a time");
    let res = app
        .report_step(
            "",
            &[
                ("csrf_token", &csrf_token(&page)),
                ("step", "1"),
                ("go", "next"),
                ("immediate_danger", "yes"),
            ],
            &[],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("no-store"),
        "a step is never cached"
    );
    let page = plain(&res.text().await.unwrap());
    assert!(page.contains("Step 2 of 4: What happened"));
    let draft = hidden_value(&page, "draft");
    assert_eq!(draft.len(), 64);
    let res = app
        .report_step(
            "",
            &[
                ("csrf_token", &csrf_token(&page)),
                ("draft", &draft),
                ("step", "2"),
                ("go", "next"),
                ("narrative", "A blue van waits outside 41 Elm Street"),
            ],
            &[("van-photo.png", PNG)],
        )
        .await;
    let page = plain(&res.text().await.unwrap());
    assert!(page.contains("Step 3 of 4"), "{page}");
    assert!(page.contains("<span class=\"file-name\" dir=\"auto\">van-photo.png</span>"));
    assert_eq!(hidden_value(&page, "draft"), draft, "the same draft");
    // Between steps, a copy of the database reads none of it.
    let dump = app.pg_dump();
    for secret in ["A blue van waits", "41 Elm Street", "van-photo"] {
        assert!(!dump_reveals(&dump, secret), "{secret} is sealed");
    }
    assert!(!dump_reveals(&dump, &draft), "the token is not stored");
    assert_eq!(app.count("report_drafts"), 1);
    assert_eq!(app.count("report_draft_files"), 1);
    // Sent from the last step, with the answers of every step.
    let res = app
        .report_step(
            "",
            &[
                ("csrf_token", &csrf_token(&page)),
                ("draft", &draft),
                ("step", "4"),
                ("go", "send"),
            ],
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.count("cases WHERE risk = 'urgent'"), 1, "step 1 kept");
    assert_eq!(app.count("evidence"), 1, "the held file is filed");
    assert_eq!(app.count("report_drafts"), 0, "the draft is gone");
    assert_eq!(app.count("report_draft_files"), 0);
}

#[tokio::test]
async fn a_whole_form_with_a_problem_keeps_its_files_on_one_page() {
    let app = spawn_app().await;
    let res = app
        .submit_report(
            ReportForm::new("  ")
                .field("involved", "kept words")
                .file("threat.png", PNG),
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = plain(&res.text().await.unwrap());
    assert!(page.contains("Please tell us what happened."));
    assert!(page.contains("<span class=\"file-name\" dir=\"auto\">threat.png</span>"));
    assert!(page.contains("name=\"consent_stats\""), "every question");
    assert!(page.contains("kept words"));
    let res = app
        .report_step(
            "",
            &[
                ("csrf_token", &csrf_token(&page)),
                ("draft", &hidden_value(&page, "draft")),
                ("step", "0"),
                ("go", "send"),
                ("narrative", "They sent this picture."),
            ],
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.count("evidence"), 1, "sent once, filed with the report");
}

#[tokio::test]
async fn a_draft_that_is_gone_is_said_and_the_step_sent_is_kept() {
    let app = spawn_app().await;
    let page = app.get_text("/report").await;
    let res = app
        .report_step(
            "",
            &[
                ("csrf_token", &csrf_token(&page)),
                ("draft", &"ab".repeat(32)),
                ("step", "2"),
                ("go", "next"),
                ("narrative", "still here"),
            ],
            &[],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = plain(&res.text().await.unwrap());
    assert!(page.contains("Your answers from earlier steps were deleted"));
    assert!(page.contains("still here"));
    assert_ne!(hidden_value(&page, "draft"), "ab".repeat(32), "a new draft");
}

/// Posts step 2 of a new draft with `narrative` from `client`; returns the
/// page (holding the draft's token) as `client` sees it.
async fn draft_in(app: &TestApp, client: &reqwest::Client, narrative: &str) -> String {
    let page = client.get(app.url("/report")).send().await.unwrap();
    let page = plain(&page.text().await.unwrap());
    let fields = [
        ("csrf_token", csrf_token(&page)),
        ("step", "2".into()),
        ("go", "next".into()),
        ("narrative", narrative.into()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app
        .report_step_as(client, "", &fields, &[("plan.png", PNG)])
        .await;
    assert_eq!(res.status(), 200);
    plain(&res.text().await.unwrap())
}

#[tokio::test]
async fn a_draft_opens_only_in_the_browser_that_wrote_it() {
    let app = spawn_app().await;
    let attacker = new_client();
    let page = draft_in(&app, &attacker, "planted").await;
    let planted = hidden_value(&page, "draft");
    // Another browser sent to the form with that token (a page of another
    // site posting to Haven, say) does not get the draft, nor does what it
    // writes go into it.
    let victim = new_client();
    let form = victim
        .get(app.url("/report"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_token(&form);
    let fields = [
        ("csrf_token", token.as_str()),
        ("draft", planted.as_str()),
        ("step", "2"),
        ("go", "all"),
        ("narrative", "the victim's words"),
    ];
    let res = app.report_step_as(&victim, "", &fields, &[]).await;
    let seen = plain(&res.text().await.unwrap());
    assert!(!seen.contains("planted") && !seen.contains("plan.png"));
    assert!(seen.contains("Your answers from earlier steps were deleted"));
    let fresh = hidden_value(&seen, "draft");
    assert_ne!(
        fresh, planted,
        "the victim writes into a draft of their own"
    );
    // The attacker's token does not open the victim's draft either.
    let token = csrf_token(&page);
    let fields = [
        ("csrf_token", token.as_str()),
        ("draft", fresh.as_str()),
        ("step", "1"),
        ("go", "all"),
    ];
    let res = app.report_step_as(&attacker, "", &fields, &[]).await;
    assert!(!plain(&res.text().await.unwrap()).contains("the victim's words"));
}

#[tokio::test]
async fn a_draft_sent_twice_at_once_files_one_report() {
    let app = spawn_app().await;
    let page = draft_in(&app, &app.client, "sent twice").await;
    let draft = hidden_value(&page, "draft");
    let send = |token: String| {
        let (app, draft) = (&app, draft.clone());
        async move {
            let fields = [
                ("csrf_token", token.as_str()),
                ("draft", draft.as_str()),
                ("step", "4"),
                ("go", "send"),
            ];
            app.report_step("", &fields, &[]).await.status()
        }
    };
    // Two pages of the same draft (two tabs), each with its own form token.
    let second = csrf_token(&app.get_text("/report").await);
    let (a, b) = tokio::join!(send(csrf_token(&page)), send(second));
    let filed = [a, b].iter().filter(|s| s.as_u16() == 303).count();
    assert_eq!(filed, 1, "{a} {b}");
    assert_eq!(app.count("cases"), 1);
    assert_eq!(app.count("evidence"), 1);
    assert_eq!(
        app.count("report_drafts"),
        0,
        "the draft went with the filing"
    );
}

#[tokio::test]
async fn a_form_haven_did_not_show_stores_no_draft_and_no_file() {
    let app = spawn_app().await;
    for step in [None, Some("3")] {
        let mut fields = vec![("csrf_token", "1700000000.deadbeef.00"), ("go", "next")];
        if let Some(step) = step {
            fields.push(("step", step));
        }
        let res = app
            .report_step("", &fields, &[("a.png", PNG), ("b.png", b"\x89PNG other")])
            .await;
        assert_eq!(res.status(), 422);
        assert!(plain(&res.text().await.unwrap()).contains("This form had expired"));
    }
    assert_eq!(app.count("report_drafts"), 0);
    assert_eq!(app.count("report_draft_files"), 0);
}

#[tokio::test]
async fn a_blank_first_step_stores_nothing_and_problems_elsewhere_name_their_step() {
    let app = spawn_app().await;
    let page = app.get_text("/report").await;
    let res = app
        .report_step(
            "",
            &[
                ("csrf_token", &csrf_token(&page)),
                ("step", "1"),
                ("go", "next"),
            ],
            &[],
        )
        .await;
    let page = plain(&res.text().await.unwrap());
    assert!(page.contains("Step 2 of 4"));
    assert_eq!(hidden_value(&page, "draft"), "", "no draft yet");
    assert_eq!(app.count("report_drafts"), 0);
    // Sent from the last step without what happened and with a contact
    // that cannot be read: the step with the first problem is shown, and
    // the list names the other's step.
    let res = app
        .report_step(
            "",
            &[
                ("csrf_token", &csrf_token(&page)),
                ("step", "4"),
                ("go", "send"),
                ("contact_method", "email"),
                ("contact_value", "not an address"),
            ],
            &[],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = plain(&res.text().await.unwrap());
    assert!(page.contains("Step 2 of 4: What happened"), "{page}");
    assert!(page.contains("What happened? — Please tell us what happened."));
    assert!(
        page.contains("(step 4) — "),
        "a problem on another step names it: {page}"
    );
}

#[tokio::test]
async fn files_held_between_steps_stay_within_their_limits() {
    use haven::db::report_drafts::{Held, Limits, add_file, insert};
    let app = spawn_app().await;
    let mut conn = app.db.connect();
    let expires = chrono::Utc::now() + chrono::Duration::hours(25);
    assert!(insert(&mut conn, b"one", expires, b"sealed", 10).unwrap());
    assert!(insert(&mut conn, b"two", expires, b"sealed", 10).unwrap());
    assert!(
        !insert(&mut conn, b"three", expires, b"sealed", 2).unwrap(),
        "two drafts at most"
    );
    let limits = Limits {
        files: 2,
        bytes: 100,
        all_bytes: 150,
    };
    let add = |conn: &mut haven::db::Conn, draft: &[u8], size: i64| {
        add_file(conn, draft, "label", size, b"m", b"b", limits).unwrap()
    };
    assert_eq!(add(&mut conn, b"one", 60), Held::Added);
    assert_eq!(
        add(&mut conn, b"one", 50),
        Held::OverDraft,
        "100 bytes a draft"
    );
    assert_eq!(add(&mut conn, b"one", 40), Held::Added);
    assert_eq!(
        add(&mut conn, b"one", 1),
        Held::OverDraft,
        "two files a draft"
    );
    assert_eq!(
        add(&mut conn, b"two", 60),
        Held::OverAll,
        "150 bytes in all"
    );
    assert_eq!(add(&mut conn, b"two", 50), Held::Added);
}
