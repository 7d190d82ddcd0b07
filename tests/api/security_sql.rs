//! Security claim 2, SQL: metacharacters in every field and query
//! parameter are stored and shown as text, or refused.

use crate::helpers::*;

const SQL: &str = "'; DROP TABLE cases; -- \" OR 1=1 --";

/// Claim: SQL metacharacters in every field and query parameter are
/// harmless: stored and shown as text, or refused, never executed.
#[tokio::test]
async fn claim_sql_metacharacters_are_harmless_everywhere() {
    let app = spawn_app().await;
    let (reference, _) = app
        .file_report(
            ReportForm::new(SQL)
                .field("involved", SQL)
                .field("prior_reports", SQL)
                .field("city", SQL),
        )
        .await;
    for (field, value) in [
        ("kinds", SQL),
        ("province", SQL),
        ("community", SQL),
        ("reporter_role", SQL),
        ("occurred_on", SQL),
        ("lang", SQL),
    ] {
        assert_eq!(
            app.submit_report(ReportForm::new("x").field(field, value))
                .await
                .status(),
            422,
            "{field}"
        );
    }
    app.login_as("caseworker").await;
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        page.contains("&#39;; DROP TABLE cases; -- &#34; OR 1=1 --"),
        "stored and shown as text"
    );
    let encoded: String = serde_urlencoded::to_string([("q", SQL)]).unwrap()[2..].to_string();
    for param in [
        "status",
        "risk",
        "kind",
        "community",
        "assignee",
        "from",
        "to",
        "sort",
        "after",
    ] {
        let status = app
            .get(&format!("/staff/cases?{param}={encoded}"))
            .await
            .status();
        assert_eq!(status, 400, "{param}");
    }
    assert_eq!(
        app.get(&format!("/staff/cases/{encoded}")).await.status(),
        404
    );
    assert_eq!(
        app.get(&format!("/staff/admin/audit?action={encoded}"))
            .await
            .status(),
        403,
        "admin only"
    );
    assert_eq!(app.login_with(&new_client(), SQL, SQL).await.status(), 401);
    let token = csrf_token(&app.get_text("/follow-up").await);
    let res = app
        .client
        .post(app.url("/follow-up"))
        .form(&[("reference", SQL), ("receipt", SQL), ("csrf_token", &token)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        app.count("cases"),
        1,
        "the table is still there, with its one case"
    );
}
