//! Security claim 6, encryption at rest: a database dump holds nothing a
//! reporter or caseworker wrote in clear.

use crate::helpers::*;

/// Claim: a database dump holds no report text, contact value, note,
/// message, summary or evidence bytes in clear.
#[tokio::test]
async fn claim_a_dump_reveals_no_secret_in_clear() {
    let app = spawn_app().await;
    let group = {
        let mut conn = app.db.connect();
        haven::db::organisations::insert(
            &mut conn,
            &haven::domain::GroupName::parse("Group A").unwrap(),
            &["a@example.org".into()],
            &[],
        )
        .unwrap()
        .id
    };
    let (reference, receipt) = app
        .file_report(
            ReportForm::new("DUMP-NARRATIVE-1")
                .field("contact_method", "email")
                .field("contact_value", "dump-contact-2@example.org")
                .field("consent_referral", "on")
                .file("f.txt", b"DUMP-EVIDENCE-3"),
        )
        .await;
    app.login_as("caseworker").await;
    let token = app.staff_csrf().await;
    app.post_form(
        &format!("/staff/cases/{reference}/notes"),
        &[("body", "DUMP-NOTE-4"), ("csrf_token", &token)],
    )
    .await;
    app.post_form(
        &format!("/staff/cases/{reference}/messages"),
        &[("body", "DUMP-MESSAGE-5"), ("csrf_token", &token)],
    )
    .await;
    app.post_form(
        &format!("/staff/cases/{reference}/referrals"),
        &[
            ("group", &group.to_string()),
            (&format!("summary_{group}"), "DUMP-SUMMARY-6"),
            ("csrf_token", &token),
        ],
    )
    .await;
    let dump = app.pg_dump();
    for secret in [
        "DUMP-NARRATIVE-1",
        "dump-contact-2",
        "DUMP-EVIDENCE-3",
        "DUMP-NOTE-4",
        "DUMP-MESSAGE-5",
        "DUMP-SUMMARY-6",
        &receipt.replace(' ', ""),
    ] {
        assert!(
            !dump_reveals(&dump, secret),
            "{secret} is readable in the dump"
        );
    }
}
