use crate::helpers::*;
use crate::smtp::SmtpSink;

/// An active partner group serving the Uyghur community; its id.
pub(crate) fn group(app: &TestApp, name: &str, emails: &[&str]) -> i64 {
    let mut conn = app.db.connect();
    let emails: Vec<String> = emails.iter().map(|e| e.to_string()).collect();
    haven::db::organisations::insert(
        &mut conn,
        &haven::domain::GroupName::parse(name).unwrap(),
        &emails,
        &["uyghur".into()],
    )
    .unwrap()
    .id
}

#[tokio::test]
async fn the_whole_referral_path_over_real_smtp() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(sink.url()),
        ..Default::default()
    })
    .await;
    let group_a = group(
        &app,
        "Group A",
        &["intake@group-a.example", "lead@group-a.example"],
    );
    group(&app, "Group B", &["intake@group-b.example"]);
    let (reference, receipt) = app
        .file_report(
            ReportForm::new("NARRATIVE-MARK-4410 they threatened my sister in Urumqi")
                .field("consent_referral", "on")
                .field("contact_method", "email")
                .field("contact_value", "contact-mark-2281@example.org"),
        )
        .await;

    let caseworker = new_client();
    let cw_email = app.create_user("caseworker", None);
    app.login_with(&caseworker, &cw_email, PASSWORD).await;
    let page = caseworker
        .get(app.url(&format!("/staff/cases/{reference}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("name=\"summary_"),
        "a referral form, since the reporter consented"
    );
    let summary = "SUMMARY-MARK-7731 Needs a community contact in Toronto; safe to call weekdays.";
    let res = post_as(
        &app,
        &caseworker,
        &format!("/staff/cases/{reference}/referrals"),
        &[
            ("group", &group_a.to_string()),
            (&format!("summary_{group_a}"), summary),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let mut conn = app.db.connect();
    assert_eq!(
        haven::db::cases::find_by_reference(&mut conn, &reference)
            .unwrap()
            .unwrap()
            .status,
        "referred"
    );
    assert!(
        !dump_reveals(&app.pg_dump(), "SUMMARY-MARK-7731"),
        "the summary is encrypted at rest"
    );

    // The group's two addresses are emailed over SMTP; nothing from the case.
    assert_eq!(app.deliver_mail_after_slots(), 2);
    let received = sink.received();
    let mut to: Vec<String> = received.iter().flat_map(|m| m.recipients.clone()).collect();
    to.sort();
    assert_eq!(to, vec!["intake@group-a.example", "lead@group-a.example"]);
    assert!(
        received[0]
            .text()
            .contains("A referral is waiting for Group A")
    );
    assert!(received[0].text().contains("/staff/referrals"));

    // A liaison of group A reads the summary, and only the summary.
    let li = liaison(&app, "Group A").await;
    let list = li
        .get(app.url("/staff/referrals"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let links = referral_links(&list);
    assert_eq!(links.len(), 1);
    let page = li
        .get(app.url(&links[0]))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("SUMMARY-MARK-7731"));
    for secret in ["NARRATIVE-MARK-4410", "contact-mark-2281", &reference] {
        assert!(
            !page.contains(secret) && !list.contains(secret),
            "a liaison never sees {secret}"
        );
    }
    let res = post_as(
        &app,
        &li,
        &format!("{}/accept", links[0]),
        &[("confirm", "yes")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let res = post_as(
        &app,
        &li,
        &format!("{}/updates", links[0]),
        &[("body", "UPDATE-MARK-5150 we met; she is safe")],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert!(!dump_reveals(&app.pg_dump(), "UPDATE-MARK-5150"));

    // The caseworker is emailed once for both (accepted, updated: one
    // digest slot, one email) and sees both on the case.
    assert_eq!(app.deliver_mail_after_slots(), 1);
    let to_cw: Vec<_> = sink
        .received()
        .into_iter()
        .filter(|m| m.recipients == vec![cw_email.clone()])
        .collect();
    assert_eq!(to_cw.len(), 1);
    assert!(
        !to_cw[0].text().contains(&reference) && !to_cw[0].text().contains("/staff/cases/"),
        "no case reference, no case link"
    );
    assert!(to_cw[0].text().contains("Group A answered a referral"));
    let case_page = plain(
        &caseworker
            .get(app.url(&format!("/staff/cases/{reference}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert!(case_page.contains("referred to Group A"));
    assert!(case_page.contains("referral accepted by Group A"));
    assert!(case_page.contains("update from Group A"));
    assert!(case_page.contains("UPDATE-MARK-5150 we met; she is safe"));

    // No email ever carried anything of the case.
    for m in sink.received() {
        let text = m.text();
        for secret in [
            "NARRATIVE-MARK-4410",
            "Urumqi",
            "SUMMARY-MARK-7731",
            "contact-mark-2281",
            "UPDATE-MARK-5150",
            &receipt,
            &receipt.replace(' ', ""),
        ] {
            assert!(!text.contains(secret), "an email carried {secret}");
        }
    }
}

#[tokio::test]
async fn without_consent_there_is_no_referral_form_and_the_server_refuses_one() {
    let app = spawn_app().await;
    let group_a = group(&app, "Group A", &["a@example.org"]);
    let (reference, _) = app.file_report(ReportForm::new("no consent given")).await;
    app.login_as("caseworker").await;
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(!page.contains("name=\"summary_"));
    assert!(page.contains("did not consent to referral"));
    let token = app.staff_csrf().await;
    let res = app
        .post_form(
            &format!("/staff/cases/{reference}/referrals"),
            &[
                ("group", &group_a.to_string()),
                (&format!("summary_{group_a}"), "x"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(res.status(), 409);
    assert_eq!(app.count("referrals"), 0);
    assert_eq!(app.count("outbox"), 0);
}

#[tokio::test]
async fn a_liaison_of_one_group_never_reaches_another_groups_referrals() {
    let app = spawn_app().await;
    let group_a = group(&app, "Group A", &["a@example.org"]);
    let group_b = group(&app, "Group B", &["b@example.org"]);
    let (reference, _) = app
        .file_report(ReportForm::new("two groups").field("consent_referral", "on"))
        .await;
    app.login_as("caseworker").await;
    let token = app.staff_csrf().await;
    let res = app
        .post_form(
            &format!("/staff/cases/{reference}/referrals"),
            &[
                ("group", &group_a.to_string()),
                (&format!("summary_{group_a}"), "FOR-A-ONLY"),
                ("group", &group_b.to_string()),
                (&format!("summary_{group_b}"), "FOR-B-ONLY"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let a = liaison(&app, "Group A").await;
    let b = liaison(&app, "Group B").await;
    let a_links = referral_links(
        &a.get(app.url("/staff/referrals"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let b_links = referral_links(
        &b.get(app.url("/staff/referrals"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert_eq!((a_links.len(), b_links.len()), (1, 1));
    assert_ne!(a_links[0], b_links[0]);
    let a_page = a
        .get(app.url(&a_links[0]))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(a_page.contains("FOR-A-ONLY") && !a_page.contains("FOR-B-ONLY"));
    // B's referral by URL, from A: the same 404 as a referral that does not exist.
    let res = a.get(app.url(&b_links[0])).send().await.unwrap();
    assert_eq!(res.status(), 404);
    let res = post_as(&app, &a, &format!("{}/accept", b_links[0]), &[]).await;
    assert_eq!(res.status(), 404);
    let res = a
        .get(app.url("/staff/referrals/0123456789abcdef0123456789abcdef"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let mut conn = app.db.connect();
    let row = haven::db::referrals::for_organisation(&mut conn, group_b, None, 10)
        .unwrap()
        .remove(0);
    assert_eq!(
        row.referral.status, "pending",
        "A's attempt changed nothing"
    );
    // A liaison never reaches the case itself.
    assert_eq!(
        a.get(app.url(&format!("/staff/cases/{reference}")))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
}

#[tokio::test]
async fn a_liaison_declines_with_a_reason_and_cannot_answer_twice() {
    let app = spawn_app().await;
    let group_a = group(&app, "Group A", &["a@example.org"]);
    let (reference, _) = app
        .file_report(ReportForm::new("decline me").field("consent_referral", "on"))
        .await;
    app.login_as("caseworker").await;
    let token = app.staff_csrf().await;
    app.post_form(
        &format!("/staff/cases/{reference}/referrals"),
        &[
            ("group", &group_a.to_string()),
            (&format!("summary_{group_a}"), "please help"),
            ("csrf_token", &token),
        ],
    )
    .await;
    let li = liaison(&app, "Group A").await;
    let link = referral_links(
        &li.get(app.url("/staff/referrals"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    )
    .remove(0);
    let res = post_as(&app, &li, &format!("{link}/decline"), &[("reason", "")]).await;
    assert_eq!(res.status(), 422, "a reason is required");
    let res = post_as(
        &app,
        &li,
        &format!("{link}/decline"),
        &[("reason", "REASON-MARK we have no volunteer in that city")],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        post_as(&app, &li, &format!("{link}/accept"), &[])
            .await
            .status(),
        409
    );
    assert_eq!(
        post_as(&app, &li, &format!("{link}/updates"), &[("body", "x")])
            .await
            .status(),
        409
    );
    let page = plain(&app.get_text(&format!("/staff/cases/{reference}")).await);
    assert!(page.contains("REASON-MARK we have no volunteer"));
    assert!(page.contains("referral declined by Group A"));
    assert!(!dump_reveals(&app.pg_dump(), "REASON-MARK"));
    // After a decline, the case can be referred to the group again.
    let token = app.staff_csrf().await;
    let res = app
        .post_form(
            &format!("/staff/cases/{reference}/referrals"),
            &[
                ("group", &group_a.to_string()),
                (&format!("summary_{group_a}"), "again"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &format!("/staff/cases/{reference}/referrals"),
            &[
                ("group", &group_a.to_string()),
                (&format!("summary_{group_a}"), "twice"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(res.status(), 409, "but not twice while open");
}

#[tokio::test]
async fn admins_manage_partner_groups() {
    let app = spawn_app().await;
    app.login_as_admin().await;
    let token = app.staff_csrf().await;
    let res = app
        .post_form(
            "/staff/admin/groups",
            &[
                ("name", "Tibetan Support Network"),
                ("emails", "not an address"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let res = app
        .post_form(
            "/staff/admin/groups",
            &[
                ("name", "Tibetan Support Network"),
                ("emails", "one@tsn.example\ntwo@tsn.example"),
                ("communities", "tibetan"),
                ("language", "fr"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let location = res
        .headers()
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let id: i64 = location
        .trim_start_matches("/staff/admin/groups/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let mut conn = app.db.connect();
    let g = haven::db::organisations::find(&mut conn, id)
        .unwrap()
        .unwrap();
    assert_eq!(g.emails(), vec!["one@tsn.example", "two@tsn.example"]);
    assert_eq!(g.communities(), vec!["tibetan"]);
    assert_eq!(g.language, "fr");
    let res = app
        .post_form(
            &format!("/staff/admin/groups/{id}"),
            &[
                ("name", "Tibetan Support Network"),
                ("emails", "one@tsn.example"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let g = haven::db::organisations::find(&mut conn, id)
        .unwrap()
        .unwrap();
    assert!(!g.active, "unticked: inactive");
    assert!(
        app.get_text(&format!("/staff/admin/groups/{id}?done=saved"))
            .await
            .contains("The recipient is saved.")
    );
}

#[tokio::test]
async fn a_referral_moves_the_case_through_the_same_transition_as_triage() {
    let app = spawn_app().await;
    let group_a = group(&app, "Group A", &["intake@group-a.example"]);
    let (reference, _) = app
        .file_report(ReportForm::new("moved by a referral").field("consent_referral", "on"))
        .await;
    let caseworker = new_client();
    let email = app.create_user("caseworker", None);
    app.login_with(&caseworker, &email, PASSWORD).await;
    let res = post_as(
        &app,
        &caseworker,
        &format!("/staff/cases/{reference}/referrals"),
        &[
            ("group", &group_a.to_string()),
            (&format!("summary_{group_a}"), "a summary"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    // Like a triage step: the status change is audited, not only the
    // referral.
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    use diesel::RunQueryDsl;
    let n = diesel::sql_query(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'case.status' AND detail = 'new>referred'",
    )
    .get_result::<N>(&mut app.db.connect())
    .unwrap()
    .n;
    assert_eq!(n, 1);
}

/// A case referred by a new caseworker to `group`; its reference.
async fn referred_case(app: &TestApp, group_id: i64, summary: &str) -> String {
    let (reference, _) = app
        .file_report(ReportForm::new("NARRATIVE-LABEL-3391").field("consent_referral", "on"))
        .await;
    let cw = signed_in(app, &app.create_user("caseworker", None)).await;
    let res = post_as(
        app,
        &cw,
        &format!("/staff/cases/{reference}/referrals"),
        &[
            ("group", &group_id.to_string()),
            (&format!("summary_{group_id}"), summary),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    reference
}

async fn text_of(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    plain(
        &client
            .get(app.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    )
}

fn referral_status(app: &TestApp, group_id: i64) -> String {
    let mut conn = app.db.connect();
    haven::db::referrals::for_organisation(&mut conn, group_id, None, 10)
        .unwrap()
        .remove(0)
        .referral
        .status
}

/// Claim: a liaison's list names each referral by the day it came and a
/// short id (nothing of the case); its page says what accepting and
/// declining each lead to; accepting takes a ticked confirmation, checked
/// by the server, and without it nothing changes; the page then says what
/// happened.
#[tokio::test]
async fn a_liaison_accepts_only_once_confirmed_and_is_told_what_happened() {
    let app = spawn_app().await;
    let group_a = group(&app, "Group A", &["a@example.org"]);
    let reference = referred_case(&app, group_a, "SUMMARY-LABEL-5120 help her").await;
    let li = liaison(&app, "Group A").await;

    let list = text_of(&app, &li, "/staff/referrals").await;
    let link = referral_links(&list).remove(0);
    let public_id = link.trim_start_matches("/staff/referrals/");
    let label = format!("Referral {}-{}", &public_id[..4], &public_id[4..8]);
    let today = chrono::Utc::now().format("%-d %B %Y").to_string();
    assert!(
        list.contains(&format!(">{label}</a>")),
        "the short label: {list}"
    );
    assert!(list.contains(&today), "the day it came: {list}");
    for secret in [
        "SUMMARY-LABEL-5120",
        "NARRATIVE-LABEL-3391",
        reference.as_str(),
    ] {
        assert!(!list.contains(secret), "the list shows nothing of the case");
    }

    let page = text_of(&app, &li, &link).await;
    assert!(page.contains(&format!("<h1>{label}</h1>")));
    assert!(page.contains(&format!("Received {today}")));
    assert!(!page.contains(&reference), "never the case reference");
    assert!(page.contains(
        "If you accept, the caseworker is told that your group takes the case on. \
         Your group then helps the person, and you post updates on this page"
    ));
    assert!(page.contains(
        "If you decline, a reason is required. It is shared with the caseworker, \
         who may refer the case to another group."
    ));
    assert!(page.contains("name=\"confirm\" value=\"yes\" required"));
    assert!(page.contains("I confirm our group takes this case on"));

    // Without the box ticked: refused, said so, and nothing changed.
    let (outbox, events) = (app.count("outbox"), app.count("case_events"));
    let res = post_as(&app, &li, &format!("{link}/accept"), &[]).await;
    assert_eq!(res.status(), 422);
    let refused = plain(&res.text().await.unwrap());
    assert!(
        refused.contains(
            "To accept, tick “I confirm our group takes this case on”. Nothing was changed."
        ),
        "{refused}"
    );
    assert!(
        refused.contains("aria-invalid=\"true\""),
        "the box is marked"
    );
    assert_eq!(referral_status(&app, group_a), "pending");
    assert_eq!(
        (app.count("outbox"), app.count("case_events")),
        (outbox, events),
        "no email, no event"
    );
    let res = post_as(&app, &li, &format!("{link}/accept"), &[("confirm", "no")]).await;
    assert_eq!(res.status(), 422, "only a ticked box confirms");
    assert_eq!(referral_status(&app, group_a), "pending");

    // Ticked: accepted, and the page says what that means.
    let res = post_as(&app, &li, &format!("{link}/accept"), &[("confirm", "yes")]).await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(location, format!("{link}?done=accept"));
    assert_eq!(referral_status(&app, group_a), "accepted");
    let done = text_of(&app, &li, &location).await;
    assert!(done.contains(
        "You accepted this referral: your group takes the case on. The caseworker has \
         been told. Post updates below to keep them informed."
    ));
    assert!(!done.contains("/accept\""), "no answer left to give");
    assert!(done.contains("/updates\""), "updates can now be posted");

    // The same page in French.
    let fr = text_of(&app, &li, &format!("{link}?lang=fr")).await;
    assert!(fr.contains(&label.replace("Referral", "Aiguillage")));
}

/// Claim: declining takes a reason, said to be shared with the caseworker;
/// without one nothing changes (and what was typed is kept); after it the
/// page says the reason was shared and the case may go to another group.
#[tokio::test]
async fn a_liaison_declines_with_a_reason_and_is_told_what_happened() {
    let app = spawn_app().await;
    let group_a = group(&app, "Group A", &["a@example.org"]);
    referred_case(&app, group_a, "please help").await;
    let li = liaison(&app, "Group A").await;
    let link = referral_links(&text_of(&app, &li, "/staff/referrals").await).remove(0);

    let res = post_as(&app, &li, &format!("{link}/decline"), &[("reason", "   ")]).await;
    assert_eq!(res.status(), 422);
    let refused = plain(&res.text().await.unwrap());
    assert!(
        refused.contains("To decline, write your group’s reason"),
        "{refused}"
    );
    assert!(refused.contains("Nothing was changed."));
    assert_eq!(referral_status(&app, group_a), "pending");
    let res = post_as(
        &app,
        &li,
        &format!("{link}/decline"),
        &[("reason", "KEPT-REASON-1 no volunteer\u{0}")],
    )
    .await;
    assert_eq!(res.status(), 422);
    let refused = plain(&res.text().await.unwrap());
    assert!(
        refused.contains(">KEPT-REASON-1 no volunteer</textarea>"),
        "what was typed is kept, without the control character"
    );

    let res = post_as(
        &app,
        &li,
        &format!("{link}/decline"),
        &[("reason", "REASON-LABEL-7 no volunteer in that city")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(referral_status(&app, group_a), "declined");
    let done = text_of(&app, &li, &location).await;
    assert!(done.contains(
        "You declined this referral. Your reason has been shared with the caseworker, \
         who may refer the case to another group."
    ));
    assert!(done.contains("REASON-LABEL-7 no volunteer in that city"));
}
