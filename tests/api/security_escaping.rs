//! Security claim 1, escaping: what reporters and caseworkers type is
//! escaped on every staff page that shows it.

use crate::helpers::*;

const XSS: &str =
    "<script>alert('x')</script><img src=x onerror=alert(1)>\"'><svg onload=alert(2)>";

fn raw_payload_present(html: &str) -> bool {
    html.contains("<script>alert") || html.contains("<img src=x") || html.contains("<svg onload")
}

/// Claim: XSS payloads in every reporter-controlled field are escaped on
/// every staff page that shows them.
#[tokio::test]
async fn claim_xss_in_every_reporter_field_is_escaped_on_staff_pages() {
    let app = spawn_app().await;
    let group = app.insert_group("Group A", &["a@example.org"]);
    let (reference, receipt) = app
        .file_report(
            ReportForm::new(XSS)
                .field("involved", XSS)
                .field("prior_reports", XSS)
                .field("city", XSS)
                .field("contact_method", "signal")
                .field("contact_value", "@xss.42")
                .field("consent_referral", "on")
                .file(&format!("{XSS}.png"), PNG),
        )
        .await;
    // The reporter also writes a message.
    let reporter = new_client();
    open_follow_up(&app, &reporter, &reference, &receipt).await;
    post_as_reporter(
        &app,
        &reporter,
        "/follow-up/case/messages",
        &[("body", XSS)],
    )
    .await;

    app.login_as("caseworker").await;
    let staff_token = app.staff_csrf().await;
    app.post_form(
        &format!("/staff/cases/{reference}/referrals"),
        &[
            ("group", &group.to_string()),
            (&format!("summary_{group}"), XSS),
            ("csrf_token", &staff_token),
        ],
    )
    .await;
    for path in [
        format!("/staff/cases/{reference}"),
        "/staff/cases".to_string(),
        "/staff/stats".to_string(),
    ] {
        let html = app.get_text(&path).await;
        assert!(!raw_payload_present(&html), "{path} renders a payload raw");
    }
    let case_page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        case_page.contains("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;"),
        "shown, escaped"
    );
    // The liaison's page shows the summary, escaped.
    let li = app.create_user("liaison", Some("Group A"));
    let client = new_client();
    app.login_with(&client, &li, PASSWORD).await;
    let list = client
        .get(app.url("/staff/referrals"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = list.find("href=\"/staff/referrals/").unwrap() + 6;
    let link: String = list[at..].chars().take_while(|c| *c != '"').collect();
    let html = client
        .get(app.url(&link))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!raw_payload_present(&html));
    assert!(html.contains("&#60;script&#62;"));
    // The evidence's file name is escaped too, and cannot break the header.
    let id_at = case_page.find("/evidence/").unwrap() + 10;
    let id: String = case_page[id_at..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    let res = app
        .get(&format!("/staff/cases/{reference}/evidence/{id}"))
        .await;
    assert!(
        res.headers()
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("attachment; filename*=UTF-8''")
    );
}
