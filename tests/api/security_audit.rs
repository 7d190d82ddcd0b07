//! Security claim 8, audit: tampering with the audit log in SQL is
//! detected or refused.

use crate::helpers::*;

/// Claim: the audit log detects an entry altered or deleted in SQL, and
/// PostgreSQL refuses UPDATE and DELETE on it.
#[tokio::test]
async fn claim_the_audit_chain_detects_tampering_and_refuses_changes() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("audited")).await;
    app.login_as("caseworker").await;
    app.get(&format!("/staff/cases/{reference}")).await;
    let token = app.staff_csrf().await;
    app.post_form(
        &format!("/staff/cases/{reference}/status"),
        &[("status", "triaged"), ("csrf_token", &token)],
    )
    .await;
    app.post_form(
        &format!("/staff/cases/{reference}/risk"),
        &[("risk", "elevated"), ("csrf_token", &token)],
    )
    .await;
    // The app's pool holds the audit key that checks the chain.
    let db = app.state.db.clone();
    assert!(
        matches!(haven::audit::verify(&db, |_| {}).unwrap(), haven::audit::Verdict::Intact { rows, .. } if rows >= 4)
    );

    use diesel::RunQueryDsl;
    let mut conn = app.db.connect();
    assert!(
        diesel::sql_query("UPDATE audit_log SET detail = 'x'")
            .execute(&mut conn)
            .is_err(),
        "UPDATE refused"
    );
    assert!(
        diesel::sql_query("DELETE FROM audit_log")
            .execute(&mut conn)
            .is_err(),
        "DELETE refused"
    );
    assert!(
        diesel::sql_query("TRUNCATE audit_log")
            .execute(&mut conn)
            .is_err(),
        "TRUNCATE refused"
    );

    // A superuser who switches the triggers off can still edit: the chain shows it.
    diesel::sql_query("SET session_replication_role = replica")
        .execute(&mut conn)
        .unwrap();
    diesel::sql_query("UPDATE audit_log SET detail = 'new>closed' WHERE action = 'case.status'")
        .execute(&mut conn)
        .unwrap();
    let verdict = haven::audit::verify(&db, |_| {}).unwrap();
    assert!(
        matches!(verdict, haven::audit::Verdict::Altered { .. }),
        "{verdict:?}"
    );
    diesel::sql_query("UPDATE audit_log SET detail = 'new>triaged' WHERE action = 'case.status'")
        .execute(&mut conn)
        .unwrap();
    diesel::sql_query("DELETE FROM audit_log WHERE action = 'case.status'")
        .execute(&mut conn)
        .unwrap();
    let verdict = haven::audit::verify(&db, |_| {}).unwrap();
    assert!(
        matches!(verdict, haven::audit::Verdict::Missing { .. }),
        "{verdict:?}"
    );
    diesel::sql_query("SET session_replication_role = origin")
        .execute(&mut conn)
        .unwrap();

    // The admin's page says so too.
    let admin = new_client();
    app.login_as_admin_with(&admin).await;
    let page = admin
        .get(app.url("/staff/admin/audit?verify=1"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(plain(&page).contains("Entries were removed just before entry"));
}
