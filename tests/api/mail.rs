use crate::helpers::*;

#[tokio::test]
async fn without_smtp_mail_is_written_to_files_with_both_bodies() {
    let app = spawn_app().await;
    app.create_user("caseworker", None);
    app.file_report(ReportForm::new("MAIL-MARKER-99 urgent").field("immediate_danger", "on").field("contact_method", "email").field("contact_value", "reporter-77@example.org")).await;
    assert_eq!(app.deliver_mail(), 1);
    let mails = app.mail_files();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert!(mail.contains("Content-Type: text/plain") && mail.contains("Content-Type: text/html"));
    assert!(mail.contains("Message-ID: <"));
    assert!(mail.contains("/staff/cases?risk=urgent"));
    for secret in ["MAIL-MARKER-99", "reporter-77"] {
        assert!(!mail.contains(secret), "{secret} must never be in an email");
    }
    let mut conn = app.db.connect();
    let row = haven::db::outbox::list(&mut conn, None, None, 1).unwrap().remove(0);
    assert_eq!(row.status, "sent");
    assert_eq!(app.deliver_mail(), 0, "sent once");
}
