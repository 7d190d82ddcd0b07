//! The authorization matrix: every staff route of the policy table, tried
//! by every kind of visitor. Generated from `haven::auth::RULES`, so a new
//! route cannot be left out.

use haven::auth::{Access, RULES};

use crate::helpers::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anonymous,
    LiaisonA,
    LiaisonB,
    Caseworker,
    Admin,
}

fn allowed(who: Who, access: Access) -> bool {
    match (who, access) {
        (_, Access::Anyone) => true,
        (Who::Anonymous, _) => false,
        (_, Access::Staff) => true,
        (Who::Caseworker | Who::Admin, Access::Casework) => true,
        (Who::Admin, Access::Admin) => true,
        (Who::LiaisonA | Who::LiaisonB, Access::Liaison) => true,
        _ => false,
    }
}

#[tokio::test]
async fn every_staff_route_answers_each_kind_of_visitor_as_the_policy_says() {
    let app = spawn_app().await;
    let (reference, _) = app
        .file_report(ReportForm::new("matrix").file("a.png", PNG))
        .await;
    let mut conn = app.db.connect();
    let case = haven::db::cases::find_by_reference(&mut conn, &reference)
        .unwrap()
        .unwrap();
    let evidence = haven::db::evidence::list_for_case(&mut conn, case.id)
        .unwrap()
        .remove(0)
        .public_id;
    let target = app.create_user("caseworker", None);
    let target_id = app.user_id(&target);

    for who in [
        Who::Anonymous,
        Who::LiaisonA,
        Who::LiaisonB,
        Who::Caseworker,
        Who::Admin,
    ] {
        let client = new_client();
        match who {
            Who::Anonymous => {}
            Who::Admin => {
                app.login_as_admin_with(&client).await;
            }
            other => {
                let (role, org) = match other {
                    Who::LiaisonA => ("liaison", Some("Group A")),
                    Who::LiaisonB => ("liaison", Some("Group B")),
                    _ => ("caseworker", None),
                };
                let email = app.create_user(role, org);
                assert_eq!(
                    app.login_with(&client, &email, PASSWORD).await.status(),
                    303
                );
            }
        }
        let csrf = if who == Who::Anonymous {
            String::new()
        } else {
            csrf_token(
                &client
                    .get(app.url("/staff/account"))
                    .send()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap(),
            )
        };
        // Sign-out last: it ends the session the other requests use.
        let mut rules: Vec<_> = RULES.iter().collect();
        rules.sort_by_key(|r| r.pattern == "/staff/logout");
        for rule in rules {
            let path = rule
                .pattern
                .replace("{reference}", &reference)
                .replace("{evidence_id}", &evidence)
                .replace("{token}", &"ab".repeat(32))
                .replace("{id}", &target_id.to_string());
            let res = match (rule.method, rule.access) {
                ("GET", _) => client.get(app.url(&path)).send().await.unwrap(),
                (_, Access::Anyone) => {
                    // Forms shown before sign-in carry their own signed token.
                    let token =
                        haven::web::FormTokens::issue(&app.state, haven::web::FormTokens::LOGIN);
                    client
                        .post(app.url(&path))
                        .form(&[("csrf_token", token.as_str())])
                        .send()
                        .await
                        .unwrap()
                }
                _ => client
                    .post(app.url(&path))
                    .form(&[("csrf_token", csrf.as_str())])
                    .send()
                    .await
                    .unwrap(),
            };
            let status = res.status().as_u16();
            let location = res
                .headers()
                .get("location")
                .map(|l| l.to_str().unwrap().to_string())
                .unwrap_or_default();
            let what = format!("{who:?} {} {}", rule.method, rule.pattern);
            if allowed(who, rule.access) {
                assert!(
                    status != 403 && status < 500,
                    "{what}: allowed, got {status}"
                );
                assert!(
                    !location.starts_with("/staff/login?next="),
                    "{what}: allowed, sent to sign in"
                );
            } else if who == Who::Anonymous && rule.method == "GET" {
                assert_eq!(status, 303, "{what}");
                assert!(
                    location.starts_with("/staff/login?next="),
                    "{what}: {location}"
                );
            } else {
                assert_eq!(status, 403, "{what}: refused");
            }
        }
    }
}

#[tokio::test]
async fn an_unlisted_staff_path_is_not_found_for_everyone() {
    let app = spawn_app().await;
    app.login_as("caseworker").await;
    assert_eq!(app.get("/staff/secret-admin-panel").await.status(), 404);
    // A listed path with a method it does not take is 405, with `Allow`.
    let res = app
        .client
        .post(app.url("/staff/cases"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 405);
    assert_eq!(res.headers().get("allow").unwrap(), "GET, HEAD");
}

#[tokio::test]
async fn an_admin_must_enrol_in_two_factor_sign_in_before_anything_else() {
    let app = spawn_app().await;
    let email = app.create_user_without_totp("admin", None);
    let res = app.login(&email).await;
    assert_eq!(
        res.headers().get("location").unwrap(),
        "/staff/account/totp"
    );
    for path in ["/staff/cases", "/staff/admin/users", "/staff/stats"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 303, "{path}");
        assert_eq!(
            res.headers().get("location").unwrap(),
            "/staff/account/totp"
        );
    }
    assert_eq!(app.get("/staff/account/totp").await.status(), 200);
}
