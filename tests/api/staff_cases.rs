use crate::helpers::*;

#[tokio::test]
async fn the_case_page_shows_the_decrypted_report_and_its_evidence() {
    let app = spawn_app().await;
    let (reference, _) = app
        .file_report(
            ReportForm::new("Two men followed me from the temple.")
                .field("involved", "one wore a consulate badge")
                .field("contact_method", "email")
                .field("contact_value", "reporter@example.org")
                .field("kinds", "surveillance")
                .file("street.png", PNG),
        )
        .await;
    app.login_as("caseworker").await;
    let queue = app.get_text("/staff/cases").await;
    assert!(queue.contains(&reference));
    assert!(
        !queue.contains("Two men followed me"),
        "the queue decrypts nothing"
    );
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(page.contains("Two men followed me from the temple."));
    assert!(page.contains("one wore a consulate badge"));
    assert!(page.contains("reporter@example.org"));
    assert!(page.contains("Being followed, watched or photographed"));
    assert!(page.contains("street.png"));
    // In caseworkers' words, with names rather than codes.
    assert!(page.contains("Reported to Canadian police before"));
    assert!(
        page.contains("<dd>English</dd>"),
        "the report's language by name"
    );
    let link_start = page.find("/evidence/").unwrap();
    let id: String = page[link_start + 10..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    let res = app
        .get(&format!("/staff/cases/{reference}/evidence/{id}"))
        .await;
    assert_eq!(res.status(), 200);
    let h = res.headers();
    assert!(
        h.get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(h.get("content-type").unwrap(), "application/octet-stream");
    assert_eq!(&res.bytes().await.unwrap()[..], PNG);
}

#[tokio::test]
async fn html_in_a_report_is_escaped_on_the_staff_pages() {
    let app = spawn_app().await;
    let payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    let (reference, _) = app
        .file_report(
            ReportForm::new(payload)
                .field("involved", payload)
                .field("city", "<b>city</b>")
                .field("prior_reports", payload)
                .file("<svg onload=alert(1)>.png", PNG),
        )
        .await;
    app.login_as("caseworker").await;
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(!page.contains("<script>alert"), "script tag rendered raw");
    assert!(!page.contains("<img src=x"), "img tag rendered raw");
    assert!(!page.contains("<b>city</b>"));
    assert!(!page.contains("<svg onload"));
    assert!(
        page.contains("&lt;script&gt;")
            || page.contains("&#60;script&#62;")
            || page.contains("&lt;script")
    );
}

#[tokio::test]
async fn unknown_cases_and_evidence_are_404() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("x")).await;
    app.login_as("caseworker").await;
    assert_eq!(app.get("/staff/cases/ZZZZ-ZZZZ").await.status(), 404);
    assert_eq!(app.get("/staff/cases/not-a-reference").await.status(), 404);
    let missing = format!("/staff/cases/{reference}/evidence/0123456789abcdef0123456789abcdef");
    assert_eq!(app.get(&missing).await.status(), 404);
    assert_eq!(
        app.get(&format!("/staff/cases/{reference}/evidence/..%2f..%2fetc"))
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn the_queue_pages_by_keyset_newest_first() {
    let app = spawn_app().await;
    let mut references = Vec::new();
    for i in 0..55 {
        let report = haven::domain::NewReport::parse(
            &haven::domain::RawIntake {
                narrative: format!("report {i}"),
                ..Default::default()
            },
            chrono::Utc::now().date_naive(),
        )
        .unwrap();
        let filed = haven::cases::intake::file_report(
            &app.state,
            report,
            vec![],
            haven::domain::IntakeSource::Web,
        )
        .await
        .unwrap();
        references.push(filed.reference.as_str().to_string());
    }
    // Times are kept to the hour and ids are random: give each report its
    // own hour, so that "newest first" has one order.
    {
        use diesel::RunQueryDsl;
        let mut conn = app.db.connect();
        for (i, reference) in references.iter().enumerate() {
            diesel::sql_query(format!(
                "UPDATE cases SET received_at = received_at - interval '{} hours' WHERE reference = '{reference}'",
                55 - i
            ))
            .execute(&mut conn)
            .unwrap();
        }
    }
    app.login_as("caseworker").await;
    let first = app.get_text("/staff/cases").await;
    assert!(first.contains("All (55)"));
    assert!(first.contains(&references[54]), "newest first");
    assert!(
        !first.contains(&references[4]),
        "the oldest five are on page two"
    );
    let marker = "href=\"/staff/cases?after=";
    let at = first.find(marker).expect("a link to older cases") + "href=\"".len();
    let next: String = first[at..].chars().take_while(|c| *c != '"').collect();
    let second = app.get_text(&unescape(&next)).await;
    for r in &references[..5] {
        assert!(second.contains(r.as_str()), "{r} on page two");
    }
    assert!(!second.contains(&references[5]));
    assert!(!second.contains("rel=\"next\""), "no page three");
    assert!(second.contains("First page"));
}

#[tokio::test]
async fn the_queue_goes_to_a_case_by_reference_and_filters_by_language() {
    let app = spawn_app().await;
    let (english, _) = app.file_report(ReportForm::new("in English")).await;
    let (uyghur, _) = app
        .file_report(ReportForm::new("ئۇيغۇرچە").field("lang", "ug"))
        .await;
    app.login_as("caseworker").await;
    // As typed: lower case, without the dash.
    let typed = english.replace('-', "").to_lowercase();
    let res = app.get(&format!("/staff/cases?reference={typed}")).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"].to_str().unwrap(),
        format!("/staff/cases/{english}")
    );
    let page = app.get_text("/staff/cases?reference=ZZZZ-ZZZZ").await;
    assert!(
        page.contains("No case has the reference “ZZZZ-ZZZZ”"),
        "{page}"
    );
    let page = app.get_text("/staff/cases?language=ug").await;
    assert!(page.contains(&uyghur) && !page.contains(&english));
    assert!(page.contains("Uyghur"));
    assert_eq!(app.get("/staff/cases?language=xx").await.status(), 400);
}
