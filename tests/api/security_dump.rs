//! Security claim 6, encryption at rest: a database dump holds nothing a
//! reporter or caseworker wrote in clear.

use crate::helpers::*;
use crate::security_helpers::evidence_of;

/// Posts `form` (with the caseworker's token) to the case's `action` and
/// checks that it was accepted and that the case page now shows `marker`:
/// the dump is searched for what was stored, not for what was refused.
async fn post_on_case(
    app: &TestApp,
    reference: &str,
    action: &str,
    form: &[(&str, &str)],
    marker: &str,
) {
    let token = app.staff_csrf().await;
    let mut form = form.to_vec();
    form.push(("csrf_token", &token));
    let res = app
        .post_form(&format!("/staff/cases/{reference}/{action}"), &form)
        .await;
    assert_eq!(res.status(), 303, "{action} accepted");
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(page.contains(marker), "the case page shows {marker}");
}

/// Claim: a database dump holds no report text, contact value, note,
/// message, summary or evidence bytes in clear.
#[tokio::test]
async fn claim_a_dump_reveals_no_secret_in_clear() {
    let app = spawn_app().await;
    let group = app.insert_group("Group A", &["a@example.org"]);
    let (reference, receipt) = app
        .file_report(
            ReportForm::new("DUMP-NARRATIVE-1")
                .field("contact_method", "email")
                .field("contact_value", "dump-contact-2@example.org")
                .field("consent_referral", "on")
                .file("f.txt", b"DUMP-EVIDENCE-3"),
        )
        .await;
    let caseworker = app.login_as("caseworker").await;

    // Each secret is first seen where it belongs.
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    for shown in [
        "DUMP-NARRATIVE-1",
        "dump-contact-2@example.org",
        ">f.txt</a>",
    ] {
        assert!(page.contains(shown), "the caseworker sees {shown}");
    }
    let downloads = evidence_of(&app, &reference).await;
    assert_eq!(downloads.len(), 1, "one evidence file");
    for (_, res) in downloads {
        assert_eq!(res.status(), 200);
        assert_eq!(res.bytes().await.unwrap().as_ref(), b"DUMP-EVIDENCE-3");
    }
    post_on_case(
        &app,
        &reference,
        "notes",
        &[("body", "DUMP-NOTE-4")],
        "DUMP-NOTE-4",
    )
    .await;
    post_on_case(
        &app,
        &reference,
        "messages",
        &[("body", "DUMP-MESSAGE-5")],
        "DUMP-MESSAGE-5",
    )
    .await;
    let summary_field = format!("summary_{group}");
    post_on_case(
        &app,
        &reference,
        "referrals",
        &[
            ("group", &group.to_string()),
            (&summary_field, "DUMP-SUMMARY-6"),
        ],
        "DUMP-SUMMARY-6",
    )
    .await;
    let reporter = new_client();
    assert_eq!(
        open_follow_up(&app, &reporter, &reference, &receipt)
            .await
            .status(),
        303,
        "the receipt opens the case"
    );
    assert!(
        follow_up_page(&app, &reporter)
            .await
            .contains("DUMP-MESSAGE-5"),
        "the reporter reads the caseworker's message"
    );

    let dump = app.pg_dump();
    assert!(
        dump.contains(&caseworker),
        "the dump is of this database (staff emails are kept in clear)"
    );
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
