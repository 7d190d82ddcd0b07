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
    }
    assert_eq!(
        app.get("/staff/admin/audit?action=case.").await.status(),
        200
    );
}
