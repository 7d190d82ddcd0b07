//! The audit log: every view of case content is recorded, whatever page
//! shows it; the chain is ordered under one lock across instances, keyed so
//! that a database-only attacker cannot rewrite it, and checked against a
//! checkpoint kept elsewhere so that removing the newest entries shows.

use diesel::RunQueryDsl;
use haven::audit::{Checkpoint, Verdict};

use crate::helpers::*;

/// How many entries with this action the log holds.
fn entries(app: &TestApp, action: &str) -> i64 {
    let mut conn = app.db.connect();
    diesel::dsl::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(&format!(
        "(SELECT count(*) FROM audit_log WHERE action = '{action}')"
    )))
    .get_result(&mut conn)
    .unwrap()
}

async fn post_with(
    app_url: &str,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
    token: &str,
) -> reqwest::Response {
    let mut form: Vec<(&str, &str)> = fields.to_vec();
    form.push(("csrf_token", token));
    client
        .post(format!("{app_url}{path}"))
        .form(&form)
        .send()
        .await
        .unwrap()
}

async fn token_of(app: &TestApp, client: &reqwest::Client) -> String {
    let page = client
        .get(app.url("/staff/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    csrf_token(&page)
}

/// Claim: a page that shows case content is an audited view, including the
/// case page shown again after a refused action, not only `GET` of the case.
#[tokio::test]
async fn every_page_showing_case_content_records_a_view() {
    let app = spawn_app().await;
    let (reference, _) = app
        .file_report(ReportForm::new("VIEWED-CONTENT-5521"))
        .await;
    let caseworker = new_client();
    let email = app.create_user("caseworker", None);
    assert_eq!(
        app.login_with(&caseworker, &email, PASSWORD).await.status(),
        303
    );
    let liaison_email = app.create_user("liaison", Some("Group A"));
    let liaison_id = app.user_id(&liaison_email).to_string();
    let group_id = {
        let mut conn = app.db.connect();
        haven::db::organisations::find_by_key(&mut conn, "group a")
            .unwrap()
            .unwrap()
            .id
            .to_string()
    };
    let token = token_of(&app, &caseworker).await;
    let case = format!("/staff/cases/{reference}");
    let summary = format!("summary_{group_id}");
    // Each refused action answers with the case page (report included).
    type Refused<'a> = (&'a str, String, Vec<(&'a str, &'a str)>, u16);
    let refused: Vec<Refused> = vec![
        (
            "empty note",
            format!("{case}/notes"),
            vec![("body", "  ")],
            422,
        ),
        (
            "illegal status change",
            format!("{case}/status"),
            vec![("status", "referred")],
            409,
        ),
        (
            "assignment to a liaison",
            format!("{case}/assign"),
            vec![("assignee", liaison_id.as_str())],
            409,
        ),
        (
            "empty message",
            format!("{case}/messages"),
            vec![("body", "")],
            422,
        ),
        (
            "referral without consent",
            format!("{case}/referrals"),
            vec![("group", group_id.as_str()), (summary.as_str(), "x")],
            409,
        ),
        (
            "purge without a deletion request",
            format!("{case}/purge"),
            vec![],
            409,
        ),
    ];
    for (what, path, fields, status) in refused {
        let before = entries(&app, "case.view");
        let res = post_with(&app.address, &caseworker, &path, &fields, &token).await;
        assert_eq!(res.status().as_u16(), status, "{what}");
        assert!(
            plain(&res.text().await.unwrap()).contains("VIEWED-CONTENT-5521"),
            "{what}: the refusal shows the case"
        );
        assert_eq!(
            entries(&app, "case.view"),
            before + 1,
            "{what}: the case page shown again is an audited view"
        );
    }
    // The case page itself, as before.
    let before = entries(&app, "case.view");
    caseworker.get(app.url(&case)).send().await.unwrap();
    assert_eq!(entries(&app, "case.view"), before + 1);
}

/// Claim: a liaison's referral page is an audited view, also when shown
/// again after a refused answer.
#[tokio::test]
async fn a_liaisons_referral_page_shown_after_a_refusal_records_a_view() {
    let app = spawn_app().await;
    let (reference, _) = app
        .file_report(ReportForm::new("for referral").field("consent_referral", "on"))
        .await;
    let caseworker = new_client();
    let email = app.create_user("caseworker", None);
    app.login_with(&caseworker, &email, PASSWORD).await;
    let liaison_email = app.create_user("liaison", Some("Group A"));
    let group_id = app
        .state
        .db
        .run_blocking(|conn| haven::db::organisations::find_by_key(conn, "group a"))
        .unwrap()
        .unwrap()
        .id;
    let token = token_of(&app, &caseworker).await;
    let summary = format!("summary_{group_id}");
    let res = post_with(
        &app.address,
        &caseworker,
        &format!("/staff/cases/{reference}/referrals"),
        &[
            ("group", &group_id.to_string()),
            (&summary, "SUMMARY-FOR-LIAISON-7731"),
        ],
        &token,
    )
    .await;
    assert_eq!(res.status(), 303);
    let liaison = new_client();
    app.login_with(&liaison, &liaison_email, PASSWORD).await;
    let list = liaison
        .get(app.url("/staff/referrals"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = list.find("href=\"/staff/referrals/").unwrap() + 6;
    let link: String = list[at..].chars().take_while(|c| *c != '"').collect();
    let token = token_of(&app, &liaison).await;
    // An update before accepting is refused, and the page shows the summary.
    let before = entries(&app, "referral.view");
    let res = post_with(
        &app.address,
        &liaison,
        &format!("{link}/updates"),
        &[("body", "too early")],
        &token,
    )
    .await;
    assert_eq!(res.status(), 409);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("SUMMARY-FOR-LIAISON-7731")
    );
    assert_eq!(entries(&app, "referral.view"), before + 1);
}

/// A second instance of Haven on the same database and key file, as behind
/// a load balancer.
async fn notes_from(
    base: String,
    client: reqwest::Client,
    token: String,
    reference: String,
    n: usize,
) {
    for i in 0..n {
        let res = post_with(
            &base,
            &client,
            &format!("/staff/cases/{reference}/notes"),
            &[("body", &format!("note {i}"))],
            &token,
        )
        .await;
        assert_eq!(res.status(), 303, "note accepted");
        let res = client
            .get(format!("{base}/staff/cases/{reference}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    }
}

/// Claim: staff working at the same time on two instances leave one chain
/// that verifies clean (no false "entries were removed").
#[tokio::test]
async fn concurrent_staff_actions_on_two_instances_verify_clean() {
    let app = spawn_app().await;
    let other = app.second_instance().await;
    let (reference, _) = app.file_report(ReportForm::new("busy case")).await;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..12 {
        let client = new_client();
        let email = app.create_user("caseworker", None);
        assert_eq!(
            app.login_with(&client, &email, PASSWORD).await.status(),
            303
        );
        let token = token_of(&app, &client).await;
        let base = if i % 2 == 0 {
            app.address.clone()
        } else {
            other.address.clone()
        };
        tasks.spawn(notes_from(base, client, token, reference.clone(), 10));
    }
    while let Some(done) = tasks.join_next().await {
        done.unwrap();
    }
    let total = app.count("audit_log");
    assert!(total >= 12 * 10 * 2);
    let verdict = haven::audit::verify(&app.state.db, |_| {}).unwrap();
    assert!(
        matches!(verdict, Verdict::Intact { rows, .. } if rows as i64 == total),
        "{verdict:?}"
    );
    // The other instance checks the same chain with the same result.
    let verdict = haven::audit::verify(&other.state.db, |_| {}).unwrap();
    assert!(matches!(verdict, Verdict::Intact { .. }), "{verdict:?}");
}

/// The bytes the unkeyed chain hashed (PostgreSQL's `audit_log_canonical`
/// before the chain was keyed): what an attacker who knows the scheme
/// recomputes.
fn unkeyed_canonical(id: i64, at_micros: i64, actor: Option<i64>, fields: [&str; 4]) -> String {
    format!(
        "{id}|{at_micros}|{}|{}|{}|{}|{}",
        actor.map(|a| a.to_string()).unwrap_or_default(),
        fields[0],
        fields[1],
        fields[2],
        fields[3]
    )
}

/// Claim: an attacker with the database alone (superuser, triggers off)
/// who alters an entry and recomputes every hash after it is detected: the
/// chain is keyed by a secret in the key file, not in the database.
#[tokio::test]
async fn a_database_only_attacker_cannot_rewrite_the_chain() {
    use sha2::Digest;
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("rewritten")).await;
    app.login_as("caseworker").await;
    let token = app.staff_csrf().await;
    for status in ["triaged", "in_progress"] {
        app.post_form(
            &format!("/staff/cases/{reference}/status"),
            &[("status", status), ("csrf_token", &token)],
        )
        .await;
    }
    assert!(matches!(
        haven::audit::verify(&app.state.db, |_| {}).unwrap(),
        Verdict::Intact { .. }
    ));
    let mut conn = app.db.connect();
    diesel::sql_query("SET session_replication_role = replica")
        .execute(&mut conn)
        .unwrap();
    let rows = app
        .state
        .db
        .run_blocking(|conn| haven::db::audit::chunk(conn, 0, 1000))
        .unwrap();
    let target = rows
        .iter()
        .find(|r| r.action == "case.status" && r.detail.ends_with(">triaged"))
        .unwrap()
        .id;
    // Rewrite "new>triaged" as "new>closed" and re-chain every entry from
    // there with the hash a database-only attacker can compute.
    let mut previous: Vec<u8> = Vec::new();
    for row in &rows {
        let detail = if row.id == target {
            "new>closed".to_string()
        } else {
            row.detail.clone()
        };
        let canonical = unkeyed_canonical(
            row.id,
            row.at.timestamp_micros(),
            row.actor_id,
            [&row.action, &row.target_type, &row.target_id, &detail],
        );
        let mut hasher = sha2::Sha256::new();
        hasher.update(&previous);
        hasher.update(canonical.as_bytes());
        let hash = hasher.finalize().to_vec();
        diesel::sql_query(
            "UPDATE audit_log SET detail = $1, prev_hash = $2, hash = $3 WHERE id = $4",
        )
        .bind::<diesel::sql_types::Text, _>(&detail)
        .bind::<diesel::sql_types::Bytea, _>(&previous)
        .bind::<diesel::sql_types::Bytea, _>(&hash)
        .bind::<diesel::sql_types::BigInt, _>(row.id)
        .execute(&mut conn)
        .unwrap();
        previous = hash;
    }
    let verdict = haven::audit::verify(&app.state.db, |_| {}).unwrap();
    assert!(
        matches!(verdict, Verdict::Altered { id } if id <= target),
        "{verdict:?}"
    );
    // Nor can the attacker pass every entry off as written before the
    // chain was keyed.
    diesel::sql_query("UPDATE audit_log SET chain = 1")
        .execute(&mut conn)
        .unwrap();
    let verdict = haven::audit::verify(&app.state.db, |_| {}).unwrap();
    assert!(!matches!(verdict, Verdict::Intact { .. }), "{verdict:?}");
}

/// Claim: the newest entries removed after a checkpoint was taken are
/// detected against it, by the library (as `haven audit verify
/// --checkpoint`) and on the admins' page.
#[tokio::test]
async fn removing_the_newest_entries_is_detected_against_a_checkpoint() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("checkpointed")).await;
    app.login_as("caseworker").await;
    app.get(&format!("/staff/cases/{reference}")).await;
    let Verdict::Intact { head, .. } = haven::audit::verify(&app.state.db, |_| {}).unwrap() else {
        panic!("intact")
    };
    assert!(head.id > 0);
    let kept = head.to_string();
    let checkpoint = Checkpoint::parse(&kept).expect("a checkpoint parses back");
    assert_eq!(checkpoint, head);
    // Work goes on after the checkpoint: still intact against it.
    app.get(&format!("/staff/cases/{reference}")).await;
    app.get(&format!("/staff/cases/{reference}")).await;
    assert!(matches!(
        haven::audit::verify_against(&app.state.db, Some(&checkpoint), |_| {}).unwrap(),
        Verdict::Intact { .. }
    ));
    // A checkpoint the chain never had (another MAC) does not pass.
    let forged = Checkpoint::parse(&format!("{}:{}", head.id, "ab".repeat(32))).unwrap();
    assert!(!matches!(
        haven::audit::verify_against(&app.state.db, Some(&forged), |_| {}).unwrap(),
        Verdict::Intact { .. }
    ));

    let admin = new_client();
    app.login_as_admin_with(&admin).await;

    // The attacker removes the newest entries, the checkpointed one included.
    let mut conn = app.db.connect();
    diesel::sql_query("SET session_replication_role = replica")
        .execute(&mut conn)
        .unwrap();
    diesel::sql_query(format!("DELETE FROM audit_log WHERE id >= {}", head.id))
        .execute(&mut conn)
        .unwrap();
    assert!(
        matches!(
            haven::audit::verify(&app.state.db, |_| {}).unwrap(),
            Verdict::Intact { .. }
        ),
        "without a checkpoint, a cut-off end looks like a shorter log"
    );
    let verdict = haven::audit::verify_against(&app.state.db, Some(&checkpoint), |_| {}).unwrap();
    assert!(
        matches!(verdict, Verdict::Truncated { checkpoint_id, .. } if checkpoint_id == head.id),
        "{verdict:?}"
    );

    // The admins' page checks against a checkpoint too, and says what it found.
    let page = admin
        .get(app.url(&format!(
            "/staff/admin/audit?{}",
            serde_urlencoded::to_string([("verify", "1"), ("checkpoint", kept.as_str())]).unwrap()
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let page = plain(&page.text().await.unwrap());
    assert!(
        page.contains(&format!("Entry {} of the checkpoint is missing", head.id)),
        "{page}"
    );
    // New entries since then take the removed ids, with other MACs: the
    // checkpoint still shows the cut.
    app.get(&format!("/staff/cases/{reference}")).await;
    app.get(&format!("/staff/cases/{reference}")).await;
    let verdict = haven::audit::verify_against(&app.state.db, Some(&checkpoint), |_| {}).unwrap();
    assert_eq!(verdict, Verdict::Diverged { id: head.id });
    let bad = admin
        .get(app.url(&format!(
            "/staff/admin/audit?{}",
            serde_urlencoded::to_string([("verify", "1"), ("checkpoint", "not a checkpoint")])
                .unwrap()
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let bad = plain(&bad.text().await.unwrap());
    assert!(bad.contains("Checkpoint"), "the field is named");
    assert!(bad.contains("is not a checkpoint"));
}

/// Claim: after an intact check the admins' page shows the head as a
/// checkpoint to keep elsewhere.
#[tokio::test]
async fn the_admins_page_shows_the_checkpoint_of_an_intact_chain() {
    let app = spawn_app().await;
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
    let Verdict::Intact { head, .. } = haven::audit::verify(&app.state.db, |_| {}).unwrap() else {
        panic!("intact")
    };
    // The page's own view entry may follow the head it showed; the head it
    // showed is an entry of the chain, with its MAC.
    let marker = "id=\"audit-checkpoint\">";
    let at = page.find(marker).expect("the checkpoint is shown") + marker.len();
    let shown: String = page[at..].chars().take_while(|c| *c != '<').collect();
    let shown = Checkpoint::parse(shown.trim()).unwrap();
    assert!(shown.id <= head.id);
    assert!(matches!(
        haven::audit::verify_against(&app.state.db, Some(&shown), |_| {}).unwrap(),
        Verdict::Intact { .. }
    ));
}

/// Claim: entries written before the chain was keyed are bound into it by
/// the first keyed entry, so altering them later shows too.
#[tokio::test]
async fn entries_from_before_the_key_are_bound_into_the_chain() {
    let app = spawn_app().await;
    let mut conn = app.db.connect();
    for id in [1, 2] {
        diesel::sql_query(format!(
            "INSERT INTO audit_log (id, action, target_type, target_id, chain) \
             VALUES ({id}, 'case.view', 'case', '{id}', 1)"
        ))
        .execute(&mut conn)
        .unwrap();
    }
    assert_eq!(
        haven::audit::verify(&app.state.db, |_| {}).unwrap(),
        Verdict::Unkeyed { rows: 2 },
        "an old log that nothing has bound yet is not passed as intact"
    );
    assert!(haven::audit::bind_unkeyed_entries(&app.state.db).unwrap());
    assert!(!haven::audit::bind_unkeyed_entries(&app.state.db).unwrap());
    app.login_as("caseworker").await;
    let verdict = haven::audit::verify(&app.state.db, |_| {}).unwrap();
    assert!(
        matches!(verdict, Verdict::Intact { rows, .. } if rows >= 4),
        "{verdict:?}"
    );
    diesel::sql_query("SET session_replication_role = replica")
        .execute(&mut conn)
        .unwrap();
    diesel::sql_query("UPDATE audit_log SET target_id = '9' WHERE id = 2")
        .execute(&mut conn)
        .unwrap();
    assert_eq!(
        haven::audit::verify(&app.state.db, |_| {}).unwrap(),
        Verdict::Missing { before_id: 3 }
    );
}

#[tokio::test]
async fn an_entry_slipped_in_below_the_first_id_breaks_the_chain() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("below")).await;
    app.login_as("caseworker").await;
    app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(matches!(
        haven::audit::verify(&app.state.db, |_| {}).unwrap(),
        Verdict::Intact { .. }
    ));
    // A database-only attacker drops the check and writes a made-up entry
    // ("this caseworker viewed that case") below id 1, which the admins'
    // page would list.
    let mut conn = app.db.connect();
    diesel::sql_query("ALTER TABLE audit_log DROP CONSTRAINT audit_log_id_positive")
        .execute(&mut conn)
        .unwrap();
    for (id, chain) in [(-6i64, 1i16), (-7, 2), (i64::MIN, 2)] {
        diesel::sql_query(
            "INSERT INTO audit_log (id, at, actor_id, action, target_type, target_id, detail, \
             prev_hash, hash, chain) \
             SELECT $1, now(), actor_id, 'case.view', 'case', target_id, '', \
             '\\x01', '\\x00', $2 FROM audit_log WHERE action = 'case.view' LIMIT 1",
        )
        .bind::<diesel::sql_types::BigInt, _>(id)
        .bind::<diesel::sql_types::SmallInt, _>(chain)
        .execute(&mut conn)
        .unwrap();
        let verdict = haven::audit::verify(&app.state.db, |_| {}).unwrap();
        assert!(
            !matches!(verdict, Verdict::Intact { .. }),
            "id {id}, chain {chain}: {verdict:?}"
        );
        diesel::sql_query("SET session_replication_role = replica")
            .execute(&mut conn)
            .unwrap();
        diesel::sql_query("DELETE FROM audit_log WHERE id < 0")
            .execute(&mut conn)
            .unwrap();
        diesel::sql_query("SET session_replication_role = origin")
            .execute(&mut conn)
            .unwrap();
    }
}

/// The admins' page as rows: (actor, action, target, detail), newest first.
fn audit_rows(page: &str) -> Vec<[String; 4]> {
    page.split("<tr><th scope=\"row\">")
        .skip(1)
        .map(|row| {
            let cells: Vec<String> = row
                .split("<td>")
                .skip(1)
                .map(|c| unescape(c.split_once("</td>").unwrap().0))
                .collect();
            let action = cells[2]
                .trim_start_matches("<code>")
                .trim_end_matches("</code>")
                .to_string();
            [cells[1].clone(), action, cells[3].clone(), cells[4].clone()]
        })
        .collect()
}

/// Claim: the admins' audit page names each case by its reference, a
/// referral by its short id and case, accounts by name or email and groups
/// by name — never by the internal numbers — and finds a case's entries by
/// its reference.
#[tokio::test]
async fn the_audit_page_names_cases_by_reference_and_people_by_email() {
    let app = spawn_app().await;
    let group_id = app.insert_group("Group A", &["a@example.org"]);
    let (reference, _) = app
        .file_report(ReportForm::new("audited").field("consent_referral", "on"))
        .await;
    let case_id = haven::db::cases::find_by_reference(&mut app.db.connect(), &reference)
        .unwrap()
        .unwrap()
        .id;
    let cw_email = app.create_user("caseworker", None);
    let cw_id = app.user_id(&cw_email);
    let cw = signed_in(&app, &cw_email).await;
    let case = format!("/staff/cases/{reference}");
    cw.get(app.url(&case)).send().await.unwrap();
    let res = post_as(
        &app,
        &cw,
        &format!("{case}/assign"),
        &[("assignee", &cw_id.to_string())],
    )
    .await;
    assert_eq!(res.status(), 303);
    let res = post_as(
        &app,
        &cw,
        &format!("{case}/referrals"),
        &[
            ("group", &group_id.to_string()),
            (&format!("summary_{group_id}"), "please help"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let li = liaison(&app, "Group A").await;
    let list = li
        .get(app.url("/staff/referrals"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let link = referral_links(&list).remove(0);
    let public_id = link.trim_start_matches("/staff/referrals/").to_string();
    let short = format!("{}-{}", &public_id[..4], &public_id[4..8]);
    li.get(app.url(&link)).send().await.unwrap();
    let res = post_as(&app, &li, &format!("{link}/accept"), &[("confirm", "yes")]).await;
    assert_eq!(res.status(), 303);

    let admin = new_client();
    let admin_email = app.login_as_admin_with(&admin).await;
    let page = plain(
        &admin
            .get(app.url("/staff/admin/audit"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let rows = audit_rows(&page);
    let find = |action: &str| {
        rows.iter()
            .find(|r| r[1] == action)
            .unwrap_or_else(|| panic!("an entry {action}: {rows:?}"))
            .clone()
    };
    let case_name = format!("Case {reference}");
    for action in ["case.view", "case.assign", "case.refer"] {
        let row = find(action);
        assert_eq!(row[2], case_name, "{action}: the case by its reference");
        assert_eq!(row[0], cw_email, "{action}: by the caseworker's email");
    }
    assert_eq!(
        find("case.assign")[3],
        cw_email,
        "assigned to whom, by email"
    );
    assert_eq!(find("case.refer")[3], "Group A", "referred to which group");
    let referral_name = format!("Referral {short} of case {reference}");
    assert_eq!(find("referral.view")[2], referral_name);
    assert_eq!(find("referral.accepted")[2], referral_name);
    assert_eq!(
        find("user.signin")[2],
        format!("Account {admin_email}"),
        "an account by its email"
    );
    // No internal number names a case, an account or a group.
    for row in &rows {
        for cell in &row[..] {
            for internal in [
                format!("case {case_id}"),
                format!("user {cw_id}"),
                format!("#{cw_id}"),
            ] {
                assert!(!cell.contains(&internal), "{internal} in {row:?}");
            }
        }
        assert!(
            !(row[1] == "case.refer" && row[3] == group_id.to_string()),
            "{row:?}"
        );
    }

    // The case's entries, found by its reference as typed.
    let typed = reference.to_lowercase().replace('-', " ");
    let filtered = plain(
        &admin
            .get(app.url(&format!(
                "/staff/admin/audit?{}",
                serde_urlencoded::to_string([("target_id", typed.as_str())]).unwrap()
            )))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let rows = audit_rows(&filtered);
    assert!(rows.len() >= 3, "{rows:?}");
    assert!(rows.iter().all(|r| r[2] == case_name), "{rows:?}");
}
