//! Linked cases: reports naming the same phone number, account, address
//! or plate are linked on their case pages, whoever wrote it however; the
//! identifiers are kept only as blind indexes under a key that opens only
//! through a person's grant.

use std::time::{Duration, Instant};

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use crate::helpers::*;

fn case_id(app: &TestApp, reference: &str) -> i64 {
    let mut conn = app.db.connect();
    haven::db::cases::find_by_reference(&mut conn, reference)
        .unwrap()
        .unwrap()
        .id
}

fn linked(app: &TestApp, reference: &str) -> bool {
    let id = case_id(app, reference);
    haven::db::links::is_linked(&mut app.db.connect(), id).unwrap()
}

/// How many audit entries of `action` name case `target`.
fn audited(app: &TestApp, action: &str, target: i64) -> i64 {
    let mut conn = app.db.connect();
    diesel::select(
        diesel::dsl::sql::<BigInt>("(SELECT count(*) FROM audit_log WHERE action = ")
            .bind::<Text, _>(action)
            .sql(" AND target_id = ")
            .bind::<Text, _>(target.to_string())
            .sql(")"),
    )
    .get_result(&mut conn)
    .unwrap()
}

async fn case_page(app: &TestApp, reference: &str) -> String {
    let res = app.get(&format!("/staff/cases/{reference}")).await;
    assert_eq!(res.status(), 200);
    unescape(&plain(&res.text().await.unwrap()))
}

/// The "also named in" section of a case page.
fn links_section(page: &str) -> &str {
    let start = page
        .find("id=\"links\"")
        .expect("the page has a links section");
    let end = page[start..].find("</section>").unwrap() + start;
    &page[start..end]
}

async fn decide(app: &TestApp, reference: &str, other: &str, what: &str) -> String {
    let res = app
        .post_staff(
            &format!("/staff/cases/{reference}/links/{other}/{what}"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303, "{what}");
    res.headers()
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string()
}

/// Waits for the background indexing the queue started.
async fn indexed(app: &TestApp) {
    let started = Instant::now();
    while app.count("link_pending") > 0 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the queue's background indexing never finished"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn two_reports_naming_one_number_two_ways_are_linked_on_both_pages_and_a_dump_holds_neither()
{
    let app = spawn_app().await;
    let (a, _) = app
        .file_report(ReportForm::new(
            "A man called me every night from +1 (416) 555-0199 and named my sister.",
        ))
        .await;
    let (b, _) = app
        .file_report(
            ReportForm::new("They phoned my parents and told them to make me stop.").field(
                "involved",
                "A man from the association, number 416.555.0199",
            ),
        )
        .await;
    let (unrelated, _) = app
        .file_report(ReportForm::new(
            "Someone photographed me on 2024-05-12 at 10:30 outside the consulate.",
        ))
        .await;
    assert_eq!(app.count("link_pending"), 3, "filed with no one's key");
    app.login_as("caseworker").await;

    // A first: B is not indexed yet, so nothing to show.
    let page = case_page(&app, &a).await;
    assert!(links_section(&page).contains("No other case names"));
    // B's page indexes it: it names A's number, as B wrote it.
    let page = case_page(&app, &b).await;
    let section = links_section(&page);
    assert!(section.contains("Also named in"), "{section}");
    assert!(section.contains("416.555.0199"), "{section}");
    assert!(section.contains(&a), "{section}");
    assert!(!section.contains(&unrelated));
    // And A's page now shows B, with A's own writing of the number.
    let page = case_page(&app, &a).await;
    let section = links_section(&page);
    assert!(section.contains("+1 (416) 555-0199"), "{section}");
    assert!(!section.contains("416.555.0199"), "only this case's words");
    assert!(section.contains(&b) && section.contains("not decided"));
    assert!(linked(&app, &a) && linked(&app, &b));
    assert!(!linked(&app, &unrelated));
    assert_eq!(audited(&app, "case.linked", case_id(&app, &b)), 1);

    let dump = app.pg_dump();
    for form in [
        "4165550199",
        "14165550199",
        "+14165550199",
        "416.555.0199",
        "+1 (416) 555-0199",
        "555-0199",
        "phone:+14165550199",
    ] {
        assert!(!dump_reveals(&dump, form), "the dump holds {form}");
    }
}

#[tokio::test]
async fn the_queue_indexes_waiting_cases_in_the_background_and_its_filter_finds_them() {
    let app = spawn_app().await;
    let (a, _) = app
        .file_report(ReportForm::new("He wrote to me. WeChat ID: Zhang_Wei88"))
        .await;
    let (b, _) = app
        .file_report(
            ReportForm::new("A stranger added me").field("identifiers", "wechat zhang_wei88"),
        )
        .await;
    let (c, _) = app
        .file_report(ReportForm::new("Nothing to link here."))
        .await;
    app.login_as("caseworker").await;
    assert_eq!(app.get("/staff/cases").await.status(), 200);
    // A case page opened while the queue's indexing runs waits its turn.
    assert_eq!(app.get(&format!("/staff/cases/{c}")).await.status(), 200);
    indexed(&app).await;
    assert!(linked(&app, &a) && linked(&app, &b) && !linked(&app, &c));

    let filter = haven::db::cases::QueueFilter {
        linked: true,
        ..Default::default()
    };
    let rows = haven::db::cases::filtered_page(&mut app.db.connect(), &filter, 50).unwrap();
    let mut found: Vec<String> = rows.into_iter().map(|r| r.reference).collect();
    found.sort();
    let mut expected = vec![a.clone(), b.clone()];
    expected.sort();
    assert_eq!(found, expected);

    // Indexed by the queue, shown on both pages.
    assert!(links_section(&case_page(&app, &a).await).contains(&b));
    assert!(links_section(&case_page(&app, &b).await).contains(&a));
}

#[tokio::test]
async fn the_structured_field_is_sealed_shown_to_staff_and_kept_after_an_error() {
    let app = spawn_app().await;
    // Refused for another field: the value comes back in the form.
    let res = app
        .submit_report(
            ReportForm::new("")
                .field("identifiers", "WeChat: li_ming77")
                .field("lang", "ug"),
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = unescape(&res.text().await.unwrap());
    assert!(page.contains("name=\"identifiers\""));
    assert!(page.contains("WeChat: li_ming77</textarea>"));
    // Too long: a clear error, nothing stored.
    let res = app
        .submit_report(ReportForm::new("long").field("identifiers", &"x".repeat(2_001)))
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        plain(&res.text().await.unwrap()).contains("Phone numbers, accounts or names they used")
    );
    assert_eq!(app.count("cases"), 0);

    let (reference, _) = app
        .file_report(
            ReportForm::new("They never stopped.").field("identifiers", "WeChat: li_ming77"),
        )
        .await;
    assert!(!dump_reveals(&app.pg_dump(), "li_ming77"));
    app.login_as("caseworker").await;
    let page = case_page(&app, &reference).await;
    assert!(page.contains("Phone numbers, accounts or names they used"));
    assert!(page.contains("WeChat: li_ming77"));
}

#[tokio::test]
async fn confirming_and_dismissing_are_audited_harmless_twice_and_a_dismissal_unlinks() {
    let app = spawn_app().await;
    let (a, _) = app
        .file_report(ReportForm::new("The car had licence plate ABCD-123."))
        .await;
    let (b, _) = app
        .file_report(ReportForm::new(
            "A grey van, plate ABCD 123, parked outside.",
        ))
        .await;
    let (c, _) = app.file_report(ReportForm::new("No plate seen.")).await;
    app.login_as("caseworker").await;
    case_page(&app, &a).await;
    case_page(&app, &b).await;
    assert!(linked(&app, &a) && linked(&app, &b));
    let (ida, idb) = (case_id(&app, &a), case_id(&app, &b));

    let location = decide(&app, &a, &b, "confirm").await;
    assert_eq!(
        location,
        format!("/staff/cases/{a}?done=link-confirmed#links")
    );
    let page = app
        .get_text(&format!("/staff/cases/{a}?done=link-confirmed"))
        .await;
    assert!(page.contains("The link is confirmed."));
    assert!(links_section(&unescape(&page)).contains(">confirmed<"));
    decide(&app, &a, &b, "confirm").await;
    assert_eq!(
        audited(&app, "case.link_confirmed", ida),
        1,
        "once, however often"
    );
    assert!(linked(&app, &a) && linked(&app, &b));

    // Dismissed from the other side: nothing else links them.
    decide(&app, &b, &a, "dismiss").await;
    decide(&app, &b, &a, "dismiss").await;
    assert_eq!(audited(&app, "case.link_dismissed", idb), 1);
    assert!(!linked(&app, &a) && !linked(&app, &b));
    let page = case_page(&app, &b).await;
    assert!(links_section(&page).contains(">dismissed<"));
    // Changing one's mind is recorded too.
    decide(&app, &a, &b, "confirm").await;
    assert_eq!(audited(&app, "case.link_confirmed", ida), 2);
    assert!(linked(&app, &a) && linked(&app, &b));

    // A pair that shares nothing: nothing recorded, and the page says so.
    let location = decide(&app, &a, &c, "confirm").await;
    assert!(location.contains("done=link-none"));
    let page = app
        .get_text(&format!("/staff/cases/{a}?done=link-none"))
        .await;
    assert!(page.contains("no longer share an identifier"));
    assert_eq!(app.count("case_links"), 1);
    // Without the session's token: refused by the gate.
    let res = app
        .post_form(&format!("/staff/cases/{a}/links/{b}/dismiss"), &[])
        .await;
    assert_eq!(res.status(), 403);
    assert!(linked(&app, &a));
}

#[tokio::test]
async fn the_groups_page_lists_cases_linked_directly_or_through_another() {
    let app = spawn_app().await;
    let (a, _) = app
        .file_report(ReportForm::new("Write to agent.li@example.com they said."))
        .await;
    let (b, _) = app
        .file_report(ReportForm::new(
            "AGENT.LI@example.com and +86 138 0013 8000",
        ))
        .await;
    let (c, _) = app
        .file_report(ReportForm::new("手机13800138000给我打电话"))
        .await;
    let (d, _) = app.file_report(ReportForm::new("Nothing shared.")).await;
    app.login_as("caseworker").await;
    app.get("/staff/cases").await;
    indexed(&app).await;
    let page = app.get_text("/staff/links").await;
    assert!(page.contains("Groups of linked cases"));
    assert!(page.contains("Groups: 1"), "{page}");
    assert!(page.contains("Cases: 3"));
    for r in [&a, &b, &c] {
        assert!(page.contains(r.as_str()), "{r}");
    }
    assert!(!page.contains(d.as_str()));
    assert!(page.contains("No link confirmed yet"));
    let one = app.get_text(&format!("/staff/links?case={c}")).await;
    assert!(one.contains(a.as_str()) && one.contains(b.as_str()));
    let none = app.get_text(&format!("/staff/links?case={d}")).await;
    assert!(none.contains("No cases are linked yet."));
    // The staff header links to it.
    assert!(
        app.get_text("/staff/cases")
            .await
            .contains("href=\"/staff/links\"")
    );
    // In French too.
    let fr = app.get_text("/staff/links?lang=fr").await;
    assert!(fr.contains("Groupes de dossiers liés") && fr.contains("Dossiers : 3"));
}

#[tokio::test]
async fn a_liaison_reaches_no_link() {
    let app = spawn_app().await;
    let (a, _) = app.file_report(ReportForm::new("from 647-555-0142")).await;
    let (b, _) = app
        .file_report(ReportForm::new("from (647) 555 0142"))
        .await;
    let caseworker = new_client();
    let email = app.create_user("caseworker", None);
    app.login_with(&caseworker, &email, PASSWORD).await;
    caseworker
        .get(app.url(&format!("/staff/cases/{a}")))
        .send()
        .await
        .unwrap();
    caseworker
        .get(app.url(&format!("/staff/cases/{b}")))
        .send()
        .await
        .unwrap();
    assert!(linked(&app, &a));

    app.login_as("liaison").await;
    assert_eq!(app.get("/staff/links").await.status(), 403);
    assert_eq!(app.get(&format!("/staff/cases/{a}")).await.status(), 403);
    let res = app
        .post_staff(&format!("/staff/cases/{a}/links/{b}/dismiss"), &[])
        .await;
    assert_eq!(res.status(), 403);
    assert!(linked(&app, &a) && linked(&app, &b));
    assert!(
        !app.get_text("/staff/referrals")
            .await
            .contains("/staff/links")
    );
}

#[tokio::test]
async fn a_purged_case_leaves_its_partner_unlinked() {
    let app = spawn_app().await;
    let (a, _) = app
        .file_report(ReportForm::new("t.me/consul_helper wrote"))
        .await;
    let (b, _) = app
        .file_report(ReportForm::new("Telegram @Consul_Helper again"))
        .await;
    app.login_as("caseworker").await;
    case_page(&app, &a).await;
    case_page(&app, &b).await;
    assert!(linked(&app, &a) && linked(&app, &b));
    let id = case_id(&app, &a);
    app.state
        .db
        .run_blocking(|conn| {
            haven::cases::purge::purge_case(conn, id, haven::cases::purge::Reason::Retention)
        })
        .unwrap();
    assert!(!linked(&app, &b));
    assert!(links_section(&case_page(&app, &b).await).contains("No other case names"));
}

#[tokio::test]
async fn the_link_key_opens_only_through_a_persons_grant() {
    let app = spawn_app().await;
    let (a, _) = app.file_report(ReportForm::new("from 416-555-0177")).await;
    app.login_as("caseworker").await;
    case_page(&app, &a).await;
    let keyring = app.state.keyring.get();
    let mut conn = app.db.connect();
    let row = haven::db::links::link_key(&mut conn)
        .unwrap()
        .expect("made at first need");
    // The key file takes off the outer layer only: what is left is sealed
    // to the team's key, which no longer waits in escrow once its holders
    // signed in.
    let inner = keyring
        .open_outer(
            &row.master_key_id,
            &haven::crypto::Aad::link_key(),
            &row.sealed,
        )
        .unwrap();
    assert_ne!(inner.len(), 32, "not the key itself");
    for key in haven::db::people_keys::all(&mut conn).unwrap() {
        assert!(key.escrow.is_none(), "no team key under the key file");
    }
    assert!(
        haven::custody::links::open_from_escrow(&mut conn, &keyring)
            .unwrap()
            .is_none(),
        "the database and the key file alone open no link key"
    );
    // And the digests stored are not an HMAC under anything stored.
    let stored: Vec<Vec<u8>> = haven::db::links::digests_of(&mut conn, case_id(&app, &a)).unwrap();
    assert_eq!(stored.len(), 1);
    for candidate in [inner.as_bytes(), row.sealed.as_bytes()] {
        use hmac::{KeyInit, Mac};
        let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(candidate).unwrap();
        mac.update(b"phone:+14165550177");
        assert_ne!(mac.finalize().into_bytes().to_vec(), stored[0]);
    }
}

#[tokio::test]
async fn rotation_reseals_the_link_key_and_retire_waits_for_it() {
    let app = spawn_app().await;
    let (a, _) = app
        .file_report(ReportForm::new("WeChat ID: rotate_me1"))
        .await;
    let (b, _) = app.file_report(ReportForm::new("wechat rotate_me1")).await;
    app.login_as("caseworker").await;
    case_page(&app, &a).await;
    assert!(links_section(&case_page(&app, &b).await).contains(&a));
    let key_file = app.key_dir.join("master.key");
    let db = app.state.db.clone();
    let mut file = haven::crypto::Keyring::load(&key_file, false).unwrap();
    file.push_new_current();
    file.save(&key_file).unwrap();
    let refused = haven::keys::retire(&db, &key_file, |_| {})
        .unwrap_err()
        .to_string();
    assert!(refused.contains("1 link key"), "{refused}");
    let mut lines = Vec::new();
    haven::keys::rotate(&db, &key_file, Duration::ZERO, |l| lines.push(l)).unwrap();
    assert!(
        lines
            .join("\n")
            .contains("Re-sealed the link key's outer layer")
    );
    haven::keys::retire(&db, &key_file, |_| {}).unwrap();
    let current = haven::crypto::Keyring::load(&key_file, false).unwrap();
    let row = haven::db::links::link_key(&mut app.db.connect())
        .unwrap()
        .unwrap();
    assert_eq!(row.master_key_id, current.current().id());
    assert!(app.state.keyring.reload_if_changed().unwrap());
    assert!(links_section(&case_page(&app, &a).await).contains(&b));
}

#[tokio::test]
async fn demonstration_cases_are_indexed_while_the_team_key_waits_in_escrow() {
    let app = spawn_app().await;
    let keyring = app.state.keyring.get();
    haven::demo::seed(&app.state.db, &keyring, 1000).unwrap();
    assert_eq!(app.count("link_pending"), 0, "indexed as seeded");
    assert!(app.count("case_identifiers") >= 20);
    let mut conn = app.db.connect();
    let linked: i64 = diesel::select(diesel::dsl::sql::<BigInt>(
        "(SELECT count(*) FROM cases WHERE linked)",
    ))
    .get_result(&mut conn)
    .unwrap();
    assert!(linked >= 2, "some perpetrators are named more than once");
    // The first caseworker takes the team's key, and the groups show.
    app.login_as("caseworker").await;
    let page = app.get_text("/staff/links").await;
    assert!(page.contains("Cases: "), "{page}");
}
