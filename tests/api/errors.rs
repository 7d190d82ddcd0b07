use crate::helpers::*;

#[tokio::test]
async fn an_unknown_page_gets_a_translated_404() {
    let app = spawn_app().await;
    let res = app.get("/no-such-page").await;
    assert_eq!(res.status(), 404);
    assert!(
        res.headers()
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(res.text().await.unwrap().contains("Page not found"));
    let res = app.get("/no-such-page?lang=fr").await;
    let html = res.text().await.unwrap();
    assert!(html.contains("lang=\"fr\""));
    assert!(html.contains("Page introuvable"), "{html}");
}

#[tokio::test]
async fn a_bad_query_gets_a_400_page_not_a_trace() {
    let app = spawn_app().await;
    app.login_as("caseworker").await;
    let res = app.get("/staff/cases?before=not-a-number").await;
    assert_eq!(res.status(), 400);
    let html = res.text().await.unwrap();
    assert!(html.contains("Something in this request was not right"));
    assert!(!html.contains("ParseIntError") && !html.contains("invalid digit"));
}

#[tokio::test]
async fn with_the_database_down_a_reporter_is_told_nothing_was_stored() {
    let app = spawn_app_with(Options {
        database_missing: true,
        ..Default::default()
    })
    .await;
    let form = app.get("/report").await;
    assert_eq!(form.status(), 200, "the form itself needs no database");
    let res = app.submit_report(ReportForm::new("during an outage")).await;
    assert_eq!(res.status(), 503);
    assert!(res.headers().get("retry-after").is_some());
    assert!(
        res.headers().get("set-cookie").is_none(),
        "no receipt for a report that does not exist"
    );
    let html = res.text().await.unwrap();
    assert!(html.contains("nothing was stored"));
    assert!(html.contains("try again"));
    let res = app.get("/staff/login").await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn head_answers_every_get_route_without_a_body() {
    let app = spawn_app().await;
    for path in [
        "/healthz",
        "/readyz",
        "/",
        "/report",
        "/follow-up",
        "/staff/login",
    ] {
        let res = app.client.head(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 200, "HEAD {path}");
        assert!(
            res.bytes().await.unwrap().is_empty(),
            "HEAD {path} has no body"
        );
    }
    // A staff page still needs a session, as for GET.
    let res = app
        .client
        .head(app.url("/staff/cases"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn a_wrong_method_gets_405_with_the_methods_allowed() {
    let app = spawn_app().await;
    let cases = [
        (reqwest::Method::PUT, "/report", "GET, HEAD, POST"),
        (reqwest::Method::DELETE, "/healthz", "GET, HEAD"),
        (reqwest::Method::POST, "/readyz", "GET, HEAD"),
        (reqwest::Method::GET, "/follow-up/leave", "POST"),
        (reqwest::Method::POST, "/staff/cases", "GET, HEAD"),
        (reqwest::Method::GET, "/staff/logout", "POST"),
        (
            reqwest::Method::PATCH,
            "/staff/cases/ABCD-EFGH",
            "GET, HEAD",
        ),
    ];
    for (method, path, allow) in cases {
        let res = app
            .client
            .request(method.clone(), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 405, "{method} {path}");
        assert_eq!(
            res.headers().get("allow").unwrap().to_str().unwrap(),
            allow,
            "{method} {path}"
        );
        let html = res.text().await.unwrap();
        assert!(
            html.contains("does not take that kind of request"),
            "{html}"
        );
    }
    assert_eq!(app.get("/no-such-page").await.status(), 404);
}
