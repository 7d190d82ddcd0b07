//! Security claim 9, no trace of the reporter's connection: no address
//! or user agent in the database or the logs.

use crate::helpers::*;

/// Claim: no reporter address or user agent reaches the database or the
/// logs. The app listens on 127.0.0.2 and the reporter connects from
/// 127.0.0.3, an address that appears nowhere else in the test run.
#[tokio::test]
async fn claim_no_reporter_address_or_user_agent_in_database_or_logs() {
    let app = spawn_app_with(Options {
        bind_ip: Some("127.0.0.2"),
        ..Default::default()
    })
    .await;
    let reporter_ip = "127.0.0.3";
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .local_address(Some(reporter_ip.parse().unwrap()))
        .build()
        .unwrap();
    let agent = "Mozilla/5.0 (ReporterPhone) AgentMarker-99120";
    let forwarded = "198.51.100.231";
    let page = client
        .get(app.url("/report"))
        .header("user-agent", agent)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let body = reqwest::multipart::Form::new()
        .text("csrf_token", csrf_token(&page))
        .text("narrative", "connection check");
    let res = client
        .post(app.url("/report"))
        .header("user-agent", agent)
        .header("x-forwarded-for", forwarded)
        .header("x-real-ip", forwarded)
        .header("forwarded", format!("for={forwarded}"))
        .multipart(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let receipt_page = client
        .get(app.url("/report/receipt"))
        .header("user-agent", agent)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let reference = element_text(&receipt_page, "case-reference").unwrap();
    let receipt = element_text(&receipt_page, "receipt").unwrap();
    let token = csrf_token(
        &client
            .get(app.url("/follow-up"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    // A wrong receipt first (throttling sees the source), then the right one.
    for r in ["0000 0000 0000 0000 0000", receipt.as_str()] {
        client
            .post(app.url("/follow-up"))
            .header("user-agent", agent)
            .header("x-forwarded-for", forwarded)
            .form(&[
                ("reference", reference.as_str()),
                ("receipt", r),
                ("csrf_token", &token),
            ])
            .send()
            .await
            .unwrap();
    }
    // A staff page, whose request is logged.
    client.get(app.url("/staff/login")).send().await.unwrap();
    let dump = app.pg_dump();
    let logs = captured_logs();
    assert!(
        logs.contains("\"route\":\"/staff/login\""),
        "the access log is captured"
    );
    // The public pages' requests are not logged (but for failures): a
    // line's exact time would date what a reporter did.
    for line in logs.lines().filter(|l| l.contains("\"route\":")) {
        let public = !line.contains("\"route\":\"/staff");
        let failed = line.contains("\"status\":5");
        assert!(!public || failed, "a public request logged: {line}");
    }
    for leak in [
        "AgentMarker-99120",
        forwarded,
        reporter_ip,
        &receipt.replace(' ', ""),
    ] {
        assert!(!dump_reveals(&dump, leak), "{leak} is in the database");
        assert!(!logs.contains(leak), "{leak} is in the logs");
    }
    assert!(!logs.contains(&reference), "logs carry ids, not references");
}
