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

/// Moves cases on from "new", as a caseworker triaging them does.
async fn triage(app: &TestApp, references: &[&String]) {
    for reference in references {
        let res = app
            .post_staff(
                &format!("/staff/cases/{reference}/status"),
                &[("status", "triaged")],
            )
            .await;
        assert_eq!(res.status(), 303, "status of {reference}");
    }
}

fn pending(app: &TestApp, reference: &str) -> bool {
    let id = case_id(app, reference);
    sql_count(
        app,
        &format!("SELECT count(*) FROM link_pending WHERE case_id = {id}"),
    ) == 1
}

fn sql_count(app: &TestApp, query: &str) -> i64 {
    diesel::select(diesel::dsl::sql::<BigInt>(&format!("({query})")))
        .get_result(&mut app.db.connect())
        .unwrap()
}

/// A casework key no one holds (as when everyone who held it has left),
/// to seal to it what should then not open.
fn key_no_one_holds(app: &TestApp) -> i64 {
    diesel::sql_query("INSERT INTO shared_keys (public_key, retired_at) VALUES ('\\x00', now())")
        .execute(&mut app.db.connect())
        .unwrap();
    sql_count(app, "SELECT max(id) FROM shared_keys")
}

/// Waits for the background indexing the queue started.
async fn indexed(app: &TestApp) {
    indexed_but(app, 0).await
}

/// Waits until only `left` cases wait to be indexed.
async fn indexed_but(app: &TestApp, left: i64) {
    let started = Instant::now();
    while app.count("link_pending") > left {
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
    triage(&app, &[&a, &b]).await;
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
    assert!(page.contains("Phone numbers, accounts or names used"));
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
    triage(&app, &[&a, &b, &c, &d]).await;
    app.get("/staff/cases").await;
    indexed(&app).await;
    let views = || {
        sql_count(
            &app,
            "SELECT count(*) FROM audit_log WHERE action = 'links.view'",
        )
    };
    let page = app.get_text("/staff/links").await;
    // Each view is audited, with the ids of the cases it listed.
    assert_eq!(views(), 1);
    let listed = sql_count(
        &app,
        &format!(
            "SELECT count(*) FROM audit_log WHERE action = 'links.view' \
             AND ',' || detail || ',' LIKE '%,{},%'",
            case_id(&app, &a)
        ),
    );
    assert_eq!(listed, 1);
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
    assert_eq!(views(), 4);
    // However many groups are asked for, at most a hundred are read.
    assert_eq!(app.get("/staff/links?show=10000").await.status(), 200);
}

#[tokio::test]
async fn a_big_group_is_listed_a_page_at_a_time() {
    let app = spawn_app().await;
    let mut references = Vec::new();
    for _ in 0..3 {
        references.push(
            app.file_report(ReportForm::new("WeChat ID: big_group7"))
                .await
                .0,
        );
    }
    app.login_as("caseworker").await;
    for r in &references {
        case_page(&app, r).await;
    }
    // 120 more cases naming the account, indexed as the first were.
    {
        let mut conn = app.db.connect();
        let digest: Vec<u8> = diesel::select(diesel::dsl::sql::<diesel::sql_types::Bytea>(
            "(SELECT digest FROM case_identifiers LIMIT 1)",
        ))
        .get_result(&mut conn)
        .unwrap();
        let first = case_id(&app, &references[0]);
        diesel::sql_query(format!(
            "DO $$ DECLARE cols text; BEGIN \
               SELECT string_agg(quote_ident(column_name), ',') INTO cols \
                 FROM information_schema.columns WHERE table_name = 'cases' \
                 AND table_schema = current_schema() AND is_generated = 'NEVER' \
                 AND column_name NOT IN ('id', 'reference'); \
               EXECUTE format('INSERT INTO cases (reference, %s) \
                 SELECT reference || ''-'' || n, %s FROM cases, generate_series(1, 120) AS n \
                 WHERE id = {first}', cols, cols); \
             END $$"
        ))
        .execute(&mut conn)
        .unwrap();
        diesel::sql_query(
            "INSERT INTO case_identifiers (case_id, digest) \
             SELECT c.id, $2 FROM cases c, cases f \
             WHERE f.id = $1 AND c.reference LIKE f.reference || '-%'",
        )
        .bind::<BigInt, _>(first)
        .bind::<diesel::sql_types::Bytea, _>(&digest)
        .execute(&mut conn)
        .unwrap();
    }
    let page = app
        .get_text(&format!("/staff/links?case={}", references[0]))
        .await;
    assert!(page.contains("Cases: 123"), "{page}");
    assert_eq!(
        page.matches("class=\"code\"").count(),
        100,
        "one page of cases"
    );
    assert!(page.contains("Next cases (23 more)"));
    let next = app
        .get_text(&format!("/staff/links?case={}&page=1", references[0]))
        .await;
    assert_eq!(next.matches("class=\"code\"").count(), 23);
    assert!(next.contains("Previous cases") && !next.contains("Next cases"));
    // The case page lists twenty under the account, and counts the rest.
    let section = links_section(&case_page(&app, &references[0]).await).to_string();
    assert!(section.contains("Cases not listed here: 102."), "{section}");
}

#[tokio::test]
async fn a_report_no_one_has_looked_at_is_not_indexed_in_the_background() {
    let app = spawn_app().await;
    // A report planted to learn which cases name these numbers.
    let (planted, _) = app
        .file_report(ReportForm::new("Numbers: 416-555-0161, 416-555-0162"))
        .await;
    let (real, _) = app
        .file_report(ReportForm::new("He called from 416-555-0161."))
        .await;
    let (seen, _) = app.file_report(ReportForm::new("Nothing to link.")).await;
    app.login_as("caseworker").await;
    triage(&app, &[&real, &seen]).await;
    app.get("/staff/cases").await;
    // The cases someone has seen are indexed in one pass; the planted
    // report, which no one has opened, waits.
    indexed_but(&app, 1).await;
    assert!(pending(&app, &planted) && !pending(&app, &real) && !pending(&app, &seen));
    app.get("/staff/cases").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(pending(&app, &planted));
    assert!(!linked(&app, &real));
    // Opened by a caseworker, it is indexed and linked, and the page shows
    // it: a human has looked.
    let section = links_section(&case_page(&app, &planted).await).to_string();
    assert!(section.contains(&real), "{section}");
    assert!(linked(&app, &real) && linked(&app, &planted));
    // The audit says how many cases it was linked to, never which.
    let detail: String = diesel::select(diesel::dsl::sql::<Text>(
        "(SELECT detail FROM audit_log WHERE action = 'case.linked' ORDER BY id DESC LIMIT 1)",
    ))
    .get_result(&mut app.db.connect())
    .unwrap();
    assert_eq!(detail, "1");
}

#[tokio::test]
async fn a_report_naming_many_identifiers_links_through_the_first_twenty_and_says_so() {
    let app = spawn_app().await;
    let numbers: Vec<String> = (0..25).map(|n| format!("416-555-01{n:02}")).collect();
    let (many, _) = app
        .file_report(ReportForm::new(&format!(
            "They called from {}.",
            numbers.join(", ")
        )))
        .await;
    let (first, _) = app
        .file_report(ReportForm::new(&format!("A call from {}", numbers[0])))
        .await;
    let (last, _) = app
        .file_report(ReportForm::new(&format!("A call from {}", numbers[24])))
        .await;
    app.login_as("caseworker").await;
    case_page(&app, &first).await;
    case_page(&app, &last).await;
    let page = case_page(&app, &many).await;
    let section = links_section(&page);
    assert!(
        section.contains("This report names 25 phone numbers")
            && section.contains("Only the first 20"),
        "{section}"
    );
    assert!(section.contains(&first) && !section.contains(&last));
    let id = case_id(&app, &many);
    assert_eq!(
        sql_count(
            &app,
            &format!("SELECT count(*) FROM case_identifiers WHERE case_id = {id}")
        ),
        20
    );
    assert!(!linked(&app, &last));
}

#[tokio::test]
async fn cases_indexed_at_once_are_both_linked() {
    let app = spawn_app().await;
    let (a, _) = app.file_report(ReportForm::new("from 905-555-0143")).await;
    let (b, _) = app
        .file_report(ReportForm::new("from (905) 555-0143"))
        .await;
    app.login_as("caseworker").await;
    // Whoever indexes holds the indexing lock: a page opened while it is
    // held waits for it.
    let mut holder = app.db.connect();
    diesel::sql_query("SELECT pg_advisory_lock(hashtext('haven.link_index'))")
        .execute(&mut holder)
        .unwrap();
    let opening = {
        let client = app.client.clone();
        let url = app.url(&format!("/staff/cases/{a}"));
        tokio::spawn(async move { client.get(url).send().await.unwrap().status() })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(pending(&app, &a), "waits for the lock");
    diesel::sql_query("SELECT pg_advisory_unlock(hashtext('haven.link_index'))")
        .execute(&mut holder)
        .unwrap();
    assert_eq!(opening.await.unwrap(), 200);
    assert!(!pending(&app, &a));
    // Both pages opened at once: each sees the other's digest.
    let (pa, pb) = (format!("/staff/cases/{a}"), format!("/staff/cases/{b}"));
    let (x, y) = tokio::join!(app.get(&pa), app.get(&pb));
    assert_eq!((x.status().as_u16(), y.status().as_u16()), (200, 200));
    assert!(linked(&app, &a) && linked(&app, &b));
}

#[tokio::test]
async fn a_link_key_that_does_not_open_leaves_the_case_page_working() {
    let app = spawn_app().await;
    let (a, _) = app.file_report(ReportForm::new("from 613-555-0155")).await;
    app.login_as("caseworker").await;
    case_page(&app, &a).await;
    let lost = key_no_one_holds(&app);
    diesel::sql_query(format!("UPDATE link_keys SET team_key_id = {lost}"))
        .execute(&mut app.db.connect())
        .unwrap();
    let page = case_page(&app, &a).await;
    assert!(page.contains("613-555-0155"), "the report is shown");
    assert!(
        links_section(&page).contains("Links are unavailable"),
        "{page}"
    );
}

#[tokio::test]
async fn a_case_the_indexer_cannot_open_waits_for_someone_who_can() {
    let app = spawn_app().await;
    let (a, _) = app.file_report(ReportForm::new("WeChat ID: waits_1")).await;
    let (b, _) = app.file_report(ReportForm::new("wechat waits_1")).await;
    app.login_as("caseworker").await;
    triage(&app, &[&a, &b]).await;
    let lost = key_no_one_holds(&app);
    let id = case_id(&app, &a);
    diesel::sql_query(format!(
        "UPDATE case_keys SET team_key_id = {lost} WHERE case_id = {id}"
    ))
    .execute(&mut app.db.connect())
    .unwrap();
    app.get("/staff/cases").await;
    indexed_but(&app, 1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(pending(&app, &a), "still waiting");
    assert!(!pending(&app, &b));
}

#[tokio::test]
async fn deciding_needs_the_keys_of_both_cases() {
    let app = spawn_app().await;
    let (a, _) = app.file_report(ReportForm::new("plate WXYZ 987")).await;
    let (b, _) = app
        .file_report(ReportForm::new("licence plate WXYZ-987"))
        .await;
    app.login_as("caseworker").await;
    case_page(&app, &a).await;
    case_page(&app, &b).await;
    assert!(linked(&app, &a));
    // Case b's keys are sealed to a key this caseworker does not hold (as
    // for one still waiting for a grant).
    let lost = key_no_one_holds(&app);
    let id = case_id(&app, &b);
    diesel::sql_query(format!(
        "UPDATE case_keys SET team_key_id = {lost} WHERE case_id = {id}"
    ))
    .execute(&mut app.db.connect())
    .unwrap();
    for what in ["confirm", "dismiss"] {
        let res = app
            .post_staff(&format!("/staff/cases/{a}/links/{b}/{what}"), &[])
            .await;
        assert_eq!(res.status(), 403, "{what}");
    }
    assert_eq!(app.count("case_links"), 0);
    assert!(linked(&app, &a));
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
    haven::keys::rotate(&db, &key_file, Duration::ZERO, None, |l| lines.push(l)).unwrap();
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
