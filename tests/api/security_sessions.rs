//! Security claim 4, sessions: a new id at sign-in, and dead sessions
//! stay dead.

use crate::helpers::*;

/// Claim: the session id changes at sign-in; a signed-out or deactivated
/// session is dead.
#[tokio::test]
async fn claim_session_fixation_and_dead_sessions() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let planted = "a".repeat(64);
    let client = new_client();
    let page = client
        .get(app.url("/staff/login"))
        .header("cookie", format!("haven_session={planted}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_token(&page);
    let res = client
        .post(app.url("/staff/login"))
        .header("cookie", format!("haven_session={planted}"))
        .form(&[
            ("email", email.as_str()),
            ("password", PASSWORD),
            ("totp", &app.fresh_totp(&email)),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    let set = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(
        set.starts_with("haven_session=") && !set.contains(&planted),
        "a fresh session id at sign-in"
    );
    let planted_use = new_client()
        .get(app.url("/staff/cases"))
        .header("cookie", format!("haven_session={planted}"))
        .send()
        .await
        .unwrap();
    assert_eq!(planted_use.status(), 303, "the planted id grants nothing");

    let cookie = set.split(';').next().unwrap().to_string();
    let token = csrf_token(
        &client
            .get(app.url("/staff/account"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    client
        .post(app.url("/staff/logout"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(
        new_client()
            .get(app.url("/staff/cases"))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap()
            .status(),
        303,
        "signed out: dead"
    );

    let other = new_client();
    let res = app.login_with(&other, &email, PASSWORD).await;
    let cookie = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let mut conn = app.db.connect();
    haven::db::users::set_active(&mut conn, app.user_id(&email), false).unwrap();
    assert_eq!(
        new_client()
            .get(app.url("/staff/cases"))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap()
            .status(),
        303,
        "deactivated: dead"
    );
}
