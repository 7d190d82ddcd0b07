//! Every change commits with its audit entry or not at all: a failure
//! injected into the audit log (a trigger that refuses one action) must
//! leave neither the change nor its entry behind.

use diesel::RunQueryDsl;

use crate::helpers::*;

/// Makes PostgreSQL refuse audit entries of `action`, as a crash between
/// the change and its entry would.
fn fail_audit_of(app: &TestApp, action: &str) {
    let mut conn = app.db.connect();
    diesel::sql_query(format!(
        "CREATE OR REPLACE FUNCTION haven_test_fail_audit() RETURNS trigger \
         LANGUAGE plpgsql AS $$ BEGIN \
         IF NEW.action = '{action}' THEN RAISE EXCEPTION 'injected failure'; END IF; \
         RETURN NEW; END $$"
    ))
    .execute(&mut conn)
    .unwrap();
    diesel::sql_query(
        "CREATE OR REPLACE TRIGGER haven_test_fail_audit BEFORE INSERT ON audit_log \
         FOR EACH ROW EXECUTE FUNCTION haven_test_fail_audit()",
    )
    .execute(&mut conn)
    .unwrap();
}

fn entries(app: &TestApp, action: &str) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut conn = app.db.connect();
    diesel::sql_query("SELECT count(*) AS n FROM audit_log WHERE action = $1")
        .bind::<diesel::sql_types::Text, _>(action)
        .get_result::<N>(&mut conn)
        .unwrap()
        .n
}

#[tokio::test]
async fn a_change_whose_audit_entry_fails_is_not_kept() {
    let app = spawn_app().await;
    let group = app.insert_group("Group A", &["a@example.org"]);
    let colleague = app.create_user("caseworker", None);
    let colleague_id = app.user_id(&colleague);
    app.login_as_admin().await;

    fail_audit_of(&app, "group.update");
    let res = app
        .post_staff(
            &format!("/staff/admin/groups/{group}"),
            &[
                ("name", "Renamed Group"),
                ("emails", "a@example.org"),
                ("active", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), 500);
    let mut conn = app.db.connect();
    assert_eq!(
        haven::db::organisations::find(&mut conn, group)
            .unwrap()
            .unwrap()
            .name,
        "Group A",
        "the rename did not outlive its audit entry"
    );
    assert_eq!(entries(&app, "group.update"), 0);

    fail_audit_of(&app, "user.duty");
    let res = app
        .post_staff(
            &format!("/staff/admin/users/{colleague_id}/duty"),
            &[("on_duty", "yes")],
        )
        .await;
    assert_eq!(res.status(), 500);
    let res = app
        .post_staff("/staff/account/duty", &[("on_duty", "yes")])
        .await;
    assert_eq!(res.status(), 500);
    let on_duty = |email: &str| {
        haven::db::users::find_by_email(&mut app.db.connect(), email)
            .unwrap()
            .unwrap()
            .on_duty
    };
    assert!(!on_duty(&colleague), "nobody was put on duty");
    assert_eq!(entries(&app, "user.duty"), 0);

    fail_audit_of(&app, "nothing at all");
    let res = app
        .post_staff(
            &format!("/staff/admin/users/{colleague_id}/duty"),
            &[("on_duty", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303, "with the audit log working, it works");
    assert!(on_duty(&colleague));
    assert_eq!(entries(&app, "user.duty"), 1);
}

#[tokio::test]
async fn a_report_taken_by_phone_is_kept_only_with_its_audit_entry() {
    let app = spawn_app().await;
    app.login_as("caseworker").await;
    fail_audit_of(&app, "case.intake");
    let page = app.get_text("/staff/intake").await;
    // The form posts to its action, which carries the session's token.
    let action = multipart_action(&page);
    let form = reqwest::multipart::Form::new().text("narrative", "taken by phone");
    let res = app
        .client
        .post(app.url(&action))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 500);
    assert_eq!(app.count("cases"), 0, "no case without its audit entry");
    assert_eq!(entries(&app, "case.intake"), 0);
}

#[tokio::test]
async fn a_new_key_for_recipients_is_kept_only_with_its_audit_entry() {
    let app = spawn_app().await;
    let group = app.insert_group("Group A", &["a@example.org"]);
    app.login_as_admin().await;
    fail_audit_of(&app, "group.key");
    let key = age::x25519::Identity::generate().to_public().to_string();
    let res = app
        .post_staff(
            &format!("/staff/admin/groups/{group}"),
            &[
                ("name", "Group A"),
                ("emails", "a@example.org"),
                ("age_key", &key),
                ("active", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), 500);
    let row = haven::db::organisations::find(&mut app.db.connect(), group)
        .unwrap()
        .unwrap();
    assert_eq!(row.age_recipient, None, "the key did not outlive its entry");
    assert_eq!(entries(&app, "group.key"), 0);
    assert_eq!(entries(&app, "group.update"), 0);
}
