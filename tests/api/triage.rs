use crate::helpers::*;

fn status_of(app: &TestApp, reference: &str) -> String {
    let mut conn = app.db.connect();
    haven::db::cases::find_by_reference(&mut conn, reference)
        .unwrap()
        .unwrap()
        .status
}

#[tokio::test]
async fn a_case_moves_along_its_statuses_and_back() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("status walk")).await;
    app.login_as("caseworker").await;
    let base = format!("/staff/cases/{reference}");
    for to in [
        "triaged",
        "in_progress",
        "referred",
        "closed",
        "triaged",
        "new",
        "closed",
        "referred",
    ] {
        let res = app
            .post_staff(&format!("{base}/status"), &[("status", to)])
            .await;
        assert_eq!(res.status(), 303, "to {to}");
        assert_eq!(
            res.headers().get("location").unwrap().to_str().unwrap(),
            format!("{base}?done=status#triage"),
            "back at the triage form"
        );
        assert_eq!(status_of(&app, &reference), to);
    }
    let page = app.get_text(&format!("{base}?done=status")).await;
    assert!(page.contains("The status is changed."));
    assert!(
        page.contains("status changed Referred → Closed") || page.contains("Referred → Closed"),
        "the timeline shows each move"
    );
}

#[tokio::test]
async fn a_status_cannot_skip_ahead_and_nothing_changes() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("no skipping")).await;
    app.login_as("caseworker").await;
    let res = app
        .post_staff(
            &format!("/staff/cases/{reference}/status"),
            &[("status", "referred")],
        )
        .await;
    assert_eq!(res.status(), 409);
    assert!(plain(&res.text().await.unwrap()).contains("cannot move to that status"));
    assert_eq!(status_of(&app, &reference), "new");
    let res = app
        .post_staff(
            &format!("/staff/cases/{reference}/status"),
            &[("status", "lost")],
        )
        .await;
    assert_eq!(res.status(), 400);
}

#[tokio::test]
async fn raising_a_case_to_urgent_emails_the_caseworkers_on_duty_and_no_one_else() {
    let app = spawn_app().await;
    let (reference, _) = app
        .file_report(ReportForm::new("SECRET-NARRATIVE-17 they came to my work"))
        .await;
    let on_duty = app.create_user("caseworker", None);
    let off_duty = app.create_user("caseworker", None);
    {
        let mut conn = app.db.connect();
        haven::db::users::set_on_duty(&mut conn, app.user_id(&on_duty), true).unwrap();
    }
    app.login_as("caseworker").await;
    let res = app
        .post_staff(
            &format!("/staff/cases/{reference}/risk"),
            &[("risk", "urgent")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let mut conn = app.db.connect();
    let queued = haven::db::outbox::list(&mut conn, None, None, 10).unwrap();
    assert_eq!(queued.len(), 1, "one email, to the one caseworker on duty");
    assert_eq!(queued[0].recipient, on_duty);
    assert_ne!(queued[0].recipient, off_duty);
    assert_eq!(queued[0].template, "urgent_case");
    assert_eq!(app.deliver_mail_after_slots(), 1);
    let mails = app.mail_files();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("An urgent case is waiting"));
    assert!(
        !mails[0].contains("SECRET-NARRATIVE-17") && !mails[0].contains(&reference),
        "no content, no reference"
    );
    let row = haven::db::cases::find_by_reference(&mut conn, &reference)
        .unwrap()
        .unwrap();
    assert_eq!(row.risk, "urgent");
}

#[tokio::test]
async fn an_urgent_report_notifies_everyone_who_works_cases_when_nobody_is_on_duty() {
    let app = spawn_app().await;
    let a = app.create_user("caseworker", None);
    let b = app.create_user("admin", None);
    app.create_user("liaison", Some("Group A"));
    app.file_report(ReportForm::new("danger now").field("immediate_danger", "on"))
        .await;
    let mut conn = app.db.connect();
    let mut recipients: Vec<String> = haven::db::outbox::list(&mut conn, None, None, 10)
        .unwrap()
        .into_iter()
        .map(|m| m.recipient)
        .collect();
    recipients.sort();
    let mut expected = vec![a, b];
    expected.sort();
    assert_eq!(
        recipients, expected,
        "caseworkers and admins, never liaisons"
    );
}

#[tokio::test]
async fn cases_are_assigned_and_unassigned_only_to_people_who_work_cases() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("assign me")).await;
    let colleague = app.create_user("caseworker", None);
    let liaison = app.create_user("liaison", Some("Group A"));
    app.login_as("caseworker").await;
    let path = format!("/staff/cases/{reference}/assign");
    let res = app
        .post_staff(&path, &[("assignee", &app.user_id(&colleague).to_string())])
        .await;
    assert_eq!(res.status(), 303);
    let mut conn = app.db.connect();
    let row = haven::db::cases::find_by_reference(&mut conn, &reference)
        .unwrap()
        .unwrap();
    assert_eq!(row.assignee_id, Some(app.user_id(&colleague)));
    let res = app
        .post_staff(&path, &[("assignee", &app.user_id(&liaison).to_string())])
        .await;
    assert_eq!(res.status(), 409);
    let res = app.post_staff(&path, &[("assignee", "none")]).await;
    assert_eq!(res.status(), 303);
    let row = haven::db::cases::find_by_reference(&mut conn, &reference)
        .unwrap()
        .unwrap();
    assert_eq!(row.assignee_id, None);
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        page.contains("assigned to")
            && page.contains(&colleague)
            && page.contains("assignment removed")
    );
}

#[tokio::test]
async fn notes_are_shown_to_staff_and_encrypted_at_rest() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("note target")).await;
    app.login_as("caseworker").await;
    let path = format!("/staff/cases/{reference}/notes");
    let res = app
        .post_staff(
            &path,
            &[(
                "body",
                "NOTE-MARKER-6620 called back, safe for now <b>x</b>",
            )],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        page.contains("NOTE-MARKER-6620 called back, safe for now &lt;b&gt;x&lt;/b&gt;")
            || page.contains("NOTE-MARKER-6620 called back, safe for now &#60;b&#62;")
    );
    assert!(page.contains("note added"));
    assert!(!dump_reveals(&app.pg_dump(), "NOTE-MARKER-6620"));
    let res = app.post_staff(&path, &[("body", "   ")]).await;
    assert_eq!(res.status(), 422, "an empty note is bad input");
    assert_eq!(app.count("case_notes"), 1);
}

#[tokio::test]
async fn the_timeline_records_who_did_what() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("timeline")).await;
    let email = app.login_as("caseworker").await;
    app.post_staff(
        &format!("/staff/cases/{reference}/status"),
        &[("status", "triaged")],
    )
    .await;
    app.post_staff(
        &format!("/staff/cases/{reference}/risk"),
        &[("risk", "elevated")],
    )
    .await;
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    let timeline = &page[page.find("id=\"timeline-heading\"").unwrap()..];
    let filed = timeline.find("report filed").unwrap();
    let status = timeline.find("status changed").unwrap();
    let risk = timeline.find("risk changed").unwrap();
    assert!(filed < status && status < risk, "in order");
    assert!(timeline.contains(&email), "by whom");
    assert!(timeline.contains("Routine → Elevated"));
}

#[tokio::test]
async fn the_queue_filters_sorts_and_counts() {
    let app = spawn_app().await;
    let (a, _) = app
        .file_report(
            ReportForm::new("a")
                .field("kinds", "hacking")
                .field("community", "tibetan"),
        )
        .await;
    let (b, _) = app
        .file_report(
            ReportForm::new("b")
                .field("kinds", "surveillance")
                .field("community", "uyghur"),
        )
        .await;
    let (c, _) = app
        .file_report(
            ReportForm::new("c")
                .field("immediate_danger", "on")
                .field("community", "uyghur"),
        )
        .await;
    let me = app.login_as("caseworker").await;
    app.post_staff(
        &format!("/staff/cases/{a}/status"),
        &[("status", "triaged")],
    )
    .await;
    app.post_staff(&format!("/staff/cases/{b}/assign"), &[("assignee", "me")])
        .await;

    let page = app.get_text("/staff/cases").await;
    assert!(page.contains("All (3)"));
    assert!(
        page.contains("New <span class=\"count\">2</span>")
            && page.contains("Triaged <span class=\"count\">1</span>")
    );
    let shows = |page: &str, refs: &[&str], not: &[&str]| {
        for r in refs {
            assert!(page.contains(r), "{r} should be listed");
        }
        for r in not {
            assert!(!page.contains(r), "{r} should not be listed");
        }
    };
    shows(
        &app.get_text("/staff/cases?status=triaged").await,
        &[&a],
        &[&b, &c],
    );
    shows(
        &app.get_text("/staff/cases?risk=urgent").await,
        &[&c],
        &[&a, &b],
    );
    shows(
        &app.get_text("/staff/cases?kind=hacking").await,
        &[&a],
        &[&b, &c],
    );
    shows(
        &app.get_text("/staff/cases?community=uyghur").await,
        &[&b, &c],
        &[&a],
    );
    shows(
        &app.get_text("/staff/cases?assignee=me").await,
        &[&b],
        &[&a, &c],
    );
    shows(
        &app.get_text("/staff/cases?assignee=none").await,
        &[&a, &c],
        &[&b],
    );
    let today = chrono::Utc::now().date_naive();
    let tomorrow = today + chrono::Duration::days(1);
    shows(
        &app.get_text(&format!("/staff/cases?from={today}&to={today}"))
            .await,
        &[&a, &b, &c],
        &[],
    );
    shows(
        &app.get_text(&format!("/staff/cases?from={tomorrow}")).await,
        &[],
        &[&a, &b, &c],
    );
    let by_risk = app.get_text("/staff/cases?sort=risk").await;
    assert!(
        by_risk.find(&c).unwrap() < by_risk.find(&a).unwrap(),
        "urgent first"
    );
    // Ids carry no order and times are to the hour: `a` is made an hour
    // older, so that "oldest" has an order to show.
    {
        use diesel::RunQueryDsl;
        let mut conn = app.db.connect();
        diesel::sql_query(format!(
            "UPDATE cases SET received_at = received_at - interval '1 hour' WHERE reference = '{a}'"
        ))
        .execute(&mut conn)
        .unwrap();
    }
    let oldest = app.get_text("/staff/cases?sort=oldest").await;
    assert!(oldest.find(&a).unwrap() < oldest.find(&c).unwrap());
    assert_eq!(app.get("/staff/cases?status=bogus").await.status(), 400);
    let _ = me;
}

#[tokio::test]
async fn pagination_by_risk_keeps_its_order_across_pages() {
    let app = spawn_app().await;
    for i in 0..53 {
        let raw = haven::domain::RawIntake {
            narrative: format!("r{i}"),
            immediate_danger: i % 10 == 0,
            ..Default::default()
        };
        let report =
            haven::domain::NewReport::parse(&raw, chrono::Utc::now().date_naive()).unwrap();
        haven::cases::intake::file_report(
            &app.state,
            report,
            vec![],
            haven::domain::IntakeSource::Web,
        )
        .await
        .unwrap();
    }
    app.login_as("caseworker").await;
    let first = app.get_text("/staff/cases?sort=risk").await;
    assert_eq!(
        first.matches("badge risk-urgent").count(),
        6,
        "all six urgent cases lead page one"
    );
    let at = first
        .find("href=\"/staff/cases?sort=risk&#38;after=")
        .expect("a next page in risk order");
    let href: String = first[at + 6..].chars().take_while(|c| *c != '"').collect();
    let second = app.get_text(&unescape(&href)).await;
    assert_eq!(second.matches("<tr class=\"risk-").count(), 3);
    assert_eq!(second.matches("badge risk-urgent").count(), 0);
}

#[tokio::test]
async fn a_caseworker_takes_a_report_by_phone() {
    let app = spawn_app().await;
    app.login_as("caseworker").await;
    let page = app.get_text("/staff/intake").await;
    let action = multipart_action(&page);
    let body = reqwest::multipart::Form::new()
        .text(
            "narrative",
            "Caller says PHONE-MARKER-31 men waited outside the mosque",
        )
        .text("contact_method", "phone")
        .text("contact_value", "+1 416 555 0199")
        .text("lang", "en");
    let res = app
        .client
        .post(app.url(&action))
        .multipart(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    let reference = element_text(&html, "case-reference").unwrap();
    assert!(element_text(&html, "receipt").is_some());
    let mut conn = app.db.connect();
    let row = haven::db::cases::find_by_reference(&mut conn, &reference)
        .unwrap()
        .unwrap();
    assert_eq!(row.source, "phone");
    assert!(!dump_reveals(&app.pg_dump(), "PHONE-MARKER-31"));
    // Without the session's token in the action, the gate refuses it.
    let body = reqwest::multipart::Form::new().text("narrative", "forged");
    let res = app
        .client
        .post(app.url("/staff/intake"))
        .multipart(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn the_triage_form_changes_only_what_it_changed() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("one form")).await;
    app.login_as("caseworker").await;
    let base = format!("/staff/cases/{reference}");
    // A colleague raises the risk while this form, opened before, is
    // still on screen showing "routine".
    let res = app
        .post_staff(&format!("{base}/risk"), &[("risk", "urgent")])
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_staff(
            &format!("{base}/triage"),
            &[
                ("status", "triaged"),
                ("risk", "routine"),
                ("risk_was", "routine"),
                ("assignee", "none"),
                ("assignee_was", "none"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"].to_str().unwrap(),
        format!("{base}?done=triage#triage")
    );
    let case = haven::db::cases::find_by_reference(&mut app.db.connect(), &reference)
        .unwrap()
        .unwrap();
    assert_eq!(case.status, "triaged");
    assert_eq!(case.risk, "urgent", "the colleague's change stays");
    // What the form does change, it changes, in one submit.
    let res = app
        .post_staff(
            &format!("{base}/triage"),
            &[
                ("status", ""),
                ("risk", "elevated"),
                ("risk_was", "urgent"),
                ("assignee", "me"),
                ("assignee_was", "none"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let case = haven::db::cases::find_by_reference(&mut app.db.connect(), &reference)
        .unwrap()
        .unwrap();
    assert_eq!(
        (case.status.as_str(), case.risk.as_str()),
        ("triaged", "elevated")
    );
    assert!(case.assignee_id.is_some());
    let page = app.get_text(&format!("{base}?done=triage")).await;
    assert!(page.contains("Triage saved"));
}
