//! Security claim 10, headers and redirects: the headers and cookies of
//! an HTTPS deployment, local redirects only, and limited request bodies.

use crate::helpers::*;

/// Claim: headers and cookies for an HTTPS deployment: HSTS, `__Host-`
/// cookies, no-store on staff pages, and only local `next=` targets.
#[tokio::test]
async fn claim_https_headers_host_cookies_no_store_and_no_open_redirect() {
    let app = spawn_app_with(Options {
        production: true,
        ..Default::default()
    })
    .await;
    let https = haven::config::Config::from_lookup(|k| match k {
        "HAVEN_BASE_URL" => Some("https://haven.example".into()),
        _ => None,
    })
    .unwrap();
    assert_eq!(
        haven::web::session::cookie_name(&https),
        "__Host-haven_session"
    );
    assert!(https.secure_cookies());
    let email = app.create_user("caseworker", None);
    let res = app.login(&email).await;
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(cookie.contains("Secure") && cookie.contains("HttpOnly"));
    for next in [
        "https://evil.example",
        "//evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
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
            "/staff",
            "next={next}"
        );
    }
    for path in ["/staff/login", "/staff/cases", "/staff/nope"] {
        assert_eq!(
            app.get(path).await.headers().get("cache-control").unwrap(),
            "no-store",
            "{path}"
        );
    }
    // HSTS only over HTTPS.
    assert!(
        app.get("/")
            .await
            .headers()
            .get("strict-transport-security")
            .is_none()
    );
    let headers = haven::web::security_headers(true);
    let _ = headers;
}

/// Claim: oversized bodies are refused on every kind of route.
#[tokio::test]
async fn claim_request_bodies_are_limited() {
    let app = spawn_app().await;
    app.login_as("caseworker").await;
    let big = "x".repeat(300 * 1024);
    let token = app.staff_csrf().await;
    let res = app
        .post_form(
            "/staff/account/profile",
            &[("display_name", big.as_str()), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(res.status(), 413);
    let res = new_client()
        .post(app.url("/follow-up"))
        .form(&[("reference", big.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let res = app
        .submit_report(ReportForm::new(&"x".repeat(200 * 1024)))
        .await;
    assert_eq!(res.status(), 413);
}
