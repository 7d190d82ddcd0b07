use crate::helpers::*;

/// The sign-in page minus its form token (which carries the time).
fn without_token(html: &str) -> String {
    let token = csrf_token(html);
    html.replace(&token, "")
}

#[tokio::test]
async fn a_caseworker_signs_in_and_reaches_the_queue() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let res = app.login(&email).await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers().get("location").unwrap(), "/staff");
    let res = app.get("/staff").await;
    assert_eq!(res.headers().get("location").unwrap(), "/staff/cases");
    let res = app.get("/staff/cases").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers().get("cache-control").unwrap(), "no-store");
}

#[tokio::test]
async fn email_case_and_spaces_do_not_matter() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let res = app
        .login_with(
            &app.client,
            &format!("  {}  ", email.to_uppercase()),
            PASSWORD,
        )
        .await;
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn unknown_email_and_wrong_password_get_the_same_answer() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let wrong = app
        .login_with(&app.client, &email, "not the password at all")
        .await;
    let unknown = app
        .login_with(&app.client, "nobody@example.org", "not the password at all")
        .await;
    assert_eq!(wrong.status(), 401);
    assert_eq!(unknown.status(), 401);
    assert!(
        wrong.headers().get("set-cookie").is_none()
            && unknown.headers().get("set-cookie").is_none()
    );
    let wrong = without_token(&wrong.text().await.unwrap()).replace(&email, "EMAIL");
    let unknown =
        without_token(&unknown.text().await.unwrap()).replace("nobody@example.org", "EMAIL");
    assert_eq!(wrong, unknown);
    assert!(wrong.contains("The email address or password is not right"));
    assert_eq!(
        app.get("/staff/cases").await.status(),
        303,
        "still signed out"
    );
}

#[tokio::test]
async fn a_deactivated_account_cannot_sign_in_and_loses_its_sessions() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    assert_eq!(app.login(&email).await.status(), 303);
    assert_eq!(app.get("/staff/cases").await.status(), 200);
    let mut conn = app.db.connect();
    use diesel::RunQueryDsl;
    diesel::sql_query(format!(
        "UPDATE users SET active = false WHERE email = '{email}'"
    ))
    .execute(&mut conn)
    .unwrap();
    assert_eq!(
        app.get("/staff/cases").await.status(),
        303,
        "the live session ends at once"
    );
    assert_eq!(
        app.login_with(&new_client(), &email, PASSWORD)
            .await
            .status(),
        401
    );
}

#[tokio::test]
async fn the_session_cookie_is_httponly_samesite_and_secure_in_production() {
    let app = spawn_app_with(Options {
        production: true,
        ..Default::default()
    })
    .await;
    let email = app.create_user("caseworker", None);
    let res = app.login(&email).await;
    assert_eq!(res.status(), 303);
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");

    let dev = spawn_app().await;
    let email = dev.create_user("caseworker", None);
    let res = dev.login(&email).await;
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && !cookie.contains("Secure"),
        "local development over HTTP: {cookie}"
    );
}

#[tokio::test]
async fn the_session_token_changes_at_each_sign_in_and_only_its_digest_is_stored() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let first = app
        .login(&email)
        .await
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let second = app.login_with(&new_client(), &email, PASSWORD).await;
    let second = second
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let token = |c: &str| {
        c.split(';')
            .next()
            .unwrap()
            .split('=')
            .nth(1)
            .unwrap()
            .to_string()
    };
    assert_ne!(token(&first), token(&second));
    let dump = app.pg_dump();
    assert!(
        !dump_reveals(&dump, &token(&first)),
        "the raw session token is not in the database"
    );
}

#[tokio::test]
async fn signing_out_revokes_the_session_on_the_server() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let res = app.login(&email).await;
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
    let page = app.get_text("/staff/cases").await;
    let token = csrf_token(&page);
    let res = app
        .post_form("/staff/logout", &[("csrf_token", &token)])
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        res.headers()
            .get("location")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("/staff/login?signed_out=1&device="),
        "to the sign-in page, which hands back the known-device cookie"
    );
    assert!(
        app.get_text("/staff/login?signed_out=1")
            .await
            .contains("You have signed out.")
    );
    // A copy of the old cookie, replayed from elsewhere, is dead too.
    let replay = new_client()
        .get(app.url("/staff/cases"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 303);
    assert!(
        replay
            .headers()
            .get("location")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("/staff/login")
    );
    assert_eq!(app.count("sessions"), 0);
}

#[tokio::test]
async fn state_changing_staff_requests_need_the_session_csrf_token() {
    let app = spawn_app().await;
    app.login_as("caseworker").await;
    let res = app.post_form("/staff/logout", &[]).await;
    assert_eq!(res.status(), 403);
    assert!(res.text().await.unwrap().contains("This form has expired"));
    let res = app
        .post_form("/staff/logout", &[("csrf_token", "0000")])
        .await;
    assert_eq!(res.status(), 403);
    assert_eq!(
        app.get("/staff/cases").await.status(),
        200,
        "still signed in"
    );
    let token = csrf_token(&app.get_text("/staff/cases").await);
    let res = app
        .client
        .post(app.url("/staff/logout"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        403,
        "a cross-site post is refused even with the token"
    );
}

#[tokio::test]
async fn the_sign_in_form_needs_its_token() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let res = app
        .post_form("/staff/login", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(res.status(), 403);
    assert!(res.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn sign_in_returns_to_a_local_page_only() {
    let app = spawn_app().await;
    let res = app.get("/staff/cases?before=5").await;
    assert_eq!(
        res.headers().get("location").unwrap(),
        "/staff/login?next=%2Fstaff%2Fcases%3Fbefore%3D5"
    );
    let email = app.create_user("caseworker", None);
    for (next, expected) in [
        ("/staff/cases?before=5", "/staff/cases?before=5"),
        ("https://evil.example/", "/staff"),
        ("//evil.example", "/staff"),
    ] {
        let client = new_client();
        let page = client
            .get(app.url("/staff/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let token = csrf_token(&page);
        let res = client
            .post(app.url("/staff/login"))
            .form(&[
                ("email", email.as_str()),
                ("password", PASSWORD),
                ("totp", &app.fresh_totp(&email)),
                ("csrf_token", &token),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.headers().get("location").unwrap(),
            expected,
            "next={next}"
        );
    }
}

#[tokio::test]
async fn anonymous_visitors_and_liaisons_are_kept_out_of_casework() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("private words")).await;
    let case_path = format!("/staff/cases/{reference}");
    for path in ["/staff/cases", case_path.as_str(), "/staff/account"] {
        let res = new_client().get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 303, "anonymous {path}");
        assert!(
            res.headers()
                .get("location")
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("/staff/login")
        );
    }
    app.login_as("liaison").await;
    for path in ["/staff/cases", case_path.as_str()] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 403, "liaison {path}");
        assert!(!res.text().await.unwrap().contains("private words"));
    }
    assert_eq!(
        app.get("/staff/account").await.status(),
        200,
        "a liaison has an account page"
    );
    assert_eq!(
        app.get("/staff").await.headers().get("location").unwrap(),
        "/staff/referrals"
    );
}
