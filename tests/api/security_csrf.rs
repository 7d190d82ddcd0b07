//! Security claim 3, CSRF: every state-changing route refuses a missing
//! or wrong token.

use haven::auth::{Access, RULES};

use crate::helpers::*;

/// Claim: every state-changing route refuses a missing or wrong CSRF
/// token — all of the staff policy table, and every public form.
#[tokio::test]
async fn claim_every_state_changing_route_refuses_a_missing_or_wrong_csrf_token() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("csrf")).await;
    let user_id = app.user_id(&app.create_user("caseworker", None));
    let admin = new_client();
    app.login_as_admin_with(&admin).await;
    for rule in RULES.iter().filter(|r| r.method == "POST") {
        let path = rule
            .pattern
            .replace("{reference}", &reference)
            .replace("{token}", &"ab".repeat(32))
            .replace("{id}", &user_id.to_string());
        for token in [None, Some("wrong-token")] {
            let mut form = vec![("x", "y")];
            if let Some(t) = token {
                form.push(("csrf_token", t));
            }
            let client = if rule.access == Access::Anyone {
                new_client()
            } else {
                admin.clone()
            };
            let res = client
                .post(app.url(&path))
                .form(&form)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 403, "{} with token {token:?}", rule.pattern);
        }
    }
    // Public forms: refused, nothing stored (the intake form is shown again).
    let reporter = new_client();
    let token = csrf_token(
        &reporter
            .get(app.url("/follow-up"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    reporter
        .post(app.url("/follow-up"))
        .form(&[
            ("reference", reference.as_str()),
            ("receipt", receipt.as_str()),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    for path in haven::routes::PUBLIC_POSTS {
        for token in ["", "wrong-token"] {
            let res = if *path == "/report" || path.ends_with("/evidence") {
                let body = reqwest::multipart::Form::new()
                    .text("narrative", "forged")
                    .text("csrf_token", token.to_string());
                reporter
                    .post(app.url(&format!("{path}?csrf_token={token}")))
                    .multipart(body)
                    .send()
                    .await
                    .unwrap()
            } else {
                reporter
                    .post(app.url(path))
                    .form(&[
                        ("csrf_token", token),
                        ("reference", reference.as_str()),
                        ("receipt", receipt.as_str()),
                        ("body", "forged"),
                    ])
                    .send()
                    .await
                    .unwrap()
            };
            let status = res.status().as_u16();
            assert!(
                status == 403 || status == 422,
                "{path} with token {token:?}: {status}"
            );
        }
    }
    assert_eq!(app.count("cases"), 1);
    assert_eq!(app.count("case_messages"), 0);
    assert!(
        reporter
            .get(app.url("/follow-up/case"))
            .send()
            .await
            .unwrap()
            .status()
            == 200,
        "the visit was not ended by a forged form"
    );
}
