use crate::helpers::*;

#[tokio::test]
async fn a_database_dump_reveals_no_report_content_contact_or_evidence() {
    let app = spawn_app().await;
    let narrative = "NARRATIVE-MARKER-4471 they threatened my mother in Kashgar";
    let involved = "INVOLVED-MARKER-9152";
    let prior = "PRIOR-MARKER-3310";
    let city = "CITYMARKER-Markham";
    let contact = "contact-marker-5521@example.org";
    let evidence = b"EVIDENCE-MARKER-8008 screenshot text of the threat";
    let file_name = "FILENAME-MARKER-2024.txt";
    app.file_report(
        ReportForm::new(narrative)
            .field("involved", involved)
            .field("prior_reports", prior)
            .field("city", city)
            .field("occurred_on", "2026-03-14")
            .field("contact_method", "email")
            .field("contact_value", contact)
            .file(file_name, evidence),
    )
    .await;
    let dump = app.pg_dump();
    assert!(
        dump.contains("COPY public.cases"),
        "the dump has the cases table"
    );
    for marker in [
        "NARRATIVE-MARKER-4471",
        "Kashgar",
        involved,
        prior,
        "CITYMARKER",
        contact,
        "EVIDENCE-MARKER-8008",
        "FILENAME-MARKER",
        "2026-03-14",
    ] {
        assert!(
            !dump_reveals(&dump, marker),
            "{marker} is readable in the dump"
        );
    }
}

#[tokio::test]
async fn each_case_has_its_own_data_key_and_a_moved_ciphertext_does_not_open() {
    let app = spawn_app().await;
    let (a, _) = app.file_report(ReportForm::new("case A words")).await;
    let (b, _) = app.file_report(ReportForm::new("case B words")).await;
    let mut conn = app.db.connect();
    use diesel::RunQueryDsl;
    let wrapped: Vec<Vec<u8>> = {
        let rows = haven::db::cases::queue_page(&mut conn, None, 10).unwrap();
        assert_eq!(rows.len(), 2);
        rows.iter()
            .map(|r| {
                let case = haven::db::cases::find_by_reference(&mut conn, &r.reference)
                    .unwrap()
                    .unwrap();
                assert!(
                    case.wrapped_key.is_none(),
                    "no copy under the master key alone"
                );
                haven::db::people_keys::case_keys(&mut conn, case.id)
                    .unwrap()
                    .unwrap()
                    .team_keys
                    .as_bytes()
                    .to_vec()
            })
            .collect()
    };
    assert_ne!(wrapped[0], wrapped[1]);
    // Swap B's sealed content into A: authentication must fail, and the page
    // must fail closed with an opaque 500 rather than show anything.
    diesel::sql_query(format!(
        "UPDATE cases SET content = (SELECT content FROM cases WHERE reference = '{b}') WHERE reference = '{a}'"
    ))
    .execute(&mut conn)
    .unwrap();
    app.login_as("caseworker").await;
    let res = app.get(&format!("/staff/cases/{a}")).await;
    assert_eq!(res.status(), 500);
    let body = res.text().await.unwrap();
    assert!(
        !body.contains("case B words") && !body.contains("authentication"),
        "opaque error page"
    );
    assert!(body.contains("Something went wrong on our side"));
    assert_eq!(app.get(&format!("/staff/cases/{b}")).await.status(), 200);
}

#[tokio::test]
async fn without_the_master_key_nothing_opens() {
    let app = spawn_app().await;
    let (reference, _) = app
        .file_report(ReportForm::new("needs the right key"))
        .await;
    let mut conn = app.db.connect();
    let row = haven::db::cases::find_by_reference(&mut conn, &reference)
        .unwrap()
        .unwrap();
    let keys = haven::db::people_keys::case_keys(&mut conn, row.id)
        .unwrap()
        .unwrap();
    let aad = haven::crypto::Aad::case_team_keys(&reference);
    let other = haven::crypto::Keyring::new(vec![haven::crypto::MasterKey::generate()]).unwrap();
    assert!(
        other
            .open_outer(&keys.master_key_id, &aad, &keys.team_keys)
            .is_err()
    );
    assert!(
        app.state
            .keyring
            .get()
            .open_outer(&keys.master_key_id, &aad, &keys.team_keys)
            .is_ok(),
        "the master key takes off the outer layer only"
    );
}
