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
