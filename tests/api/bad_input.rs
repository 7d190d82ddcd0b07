//! Claim: hostile input on the staff side gets a clear answer — a 404 for
//! an id of the wrong shape, a 422 naming the field — never a 500.

use crate::helpers::*;

#[tokio::test]
async fn ids_of_the_wrong_shape_are_not_found_before_any_query() {
    let app = spawn_app().await;
    app.login_as("liaison").await;
    for path in [
        "/staff/referrals/%00",
        "/staff/referrals/0123456789abcdef0123456789abcde%00",
        "/staff/referrals/..%2F..%2Fetc",
        "/staff/referrals/'%20OR%201=1",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
    }
    let token = app.staff_csrf().await;
    let res = app
        .post_form(
            "/staff/referrals/%00/accept",
            &[("csrf_token", token.as_str())],
        )
        .await;
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn a_nul_byte_in_an_audit_filter_names_the_field_and_queries_nothing() {
    let app = spawn_app().await;
    app.login_as_admin().await;
    for (field, label) in [
        ("actor", "Who (email)"),
        ("action", "Action (or its beginning)"),
        ("target_type", "Kind of thing"),
        ("target_id", "Its id"),
    ] {
        let res = app.get(&format!("/staff/admin/audit?{field}=a%00b")).await;
        assert_eq!(res.status(), 422, "{field}");
        let html = plain(&unescape(&res.text().await.unwrap()));
        assert!(
            html.contains(&format!("{label} cannot contain control characters")),
            "{field}: {html}"
        );
        assert!(html.contains("value=\"ab\""), "shown again without the NUL");
        assert!(
            html.contains("aria-invalid=\"true\""),
            "the field is marked"
        );
    }
    assert_eq!(
        app.get("/staff/admin/audit?action=case.").await.status(),
        200
    );
}

#[tokio::test]
async fn control_characters_in_staff_text_are_refused_with_the_field_named() {
    let app = spawn_app().await;
    let group = app.insert_group("Group A", &["a@example.org"]);
    let (reference, _) = app
        .file_report(ReportForm::new("staff input").field("consent_referral", "on"))
        .await;
    app.login_as("caseworker").await;
    let case = format!("/staff/cases/{reference}");

    let res = app
        .post_staff(&format!("{case}/notes"), &[("body", "a\u{0}note")])
        .await;
    assert_eq!(res.status(), 422);
    let html = unescape(&res.text().await.unwrap());
    assert!(html.contains("The note contains invisible control characters"));
    assert!(!html.contains('\u{0}'), "nothing raw is sent back");

    let res = app
        .post_staff(&format!("{case}/messages"), &[("body", "hi\u{1b}[2J")])
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        unescape(&res.text().await.unwrap())
            .contains("Invisible control characters (such as a NUL byte) cannot be accepted")
    );

    let res = app
        .post_staff(
            &format!("{case}/referrals"),
            &[
                ("group", &group.to_string()),
                (&format!("summary_{group}"), "summary\u{0}"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(app.count("case_notes"), 0);
    assert_eq!(app.count("referrals"), 0);
    // A multi-line note with tabs and line breaks is fine.
    let res = app
        .post_staff(&format!("{case}/notes"), &[("body", "one\n\ttwo")])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.count("case_notes"), 1);

    let res = app
        .post_staff(
            "/staff/account/profile",
            &[("display_name", "Ami\u{0}na"), ("language", "en")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = unescape(&res.text().await.unwrap());
    assert!(html.contains("The display name contains invisible control characters"));
    assert!(
        html.contains("value=\"Amina\""),
        "shown again without the NUL"
    );
}

#[tokio::test]
async fn control_characters_in_account_forms_are_refused_not_stored() {
    let app = spawn_app().await;
    app.login_as_admin().await;
    let users = app.count("users");
    let res = app
        .post_staff(
            "/staff/admin/users",
            &[
                ("email", "new@example.org"),
                ("role", "caseworker"),
                ("display_name", "New\u{0}"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        unescape(&res.text().await.unwrap())
            .contains("The display name contains invisible control characters")
    );
    let res = app
        .post_staff(
            "/staff/admin/users",
            &[
                ("email", "new@example.org"),
                ("role", "liaison"),
                ("organisation", "Group\u{0}A"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422, "the organisation field");
    let res = app
        .post_staff(
            "/staff/admin/groups",
            &[("name", "Group\u{0}A"), ("emails", "a@example.org")],
        )
        .await;
    assert_eq!(res.status(), 422, "a group name");
    assert_eq!(app.count("users"), users);
    assert_eq!(app.count("organisations"), 0);
}
