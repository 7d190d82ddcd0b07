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
