//! A case's keys: sealed at intake with nobody online, opened by the
//! reporter's receipt (for that case only) and by staff through the keys
//! their role holds; a sealed key moved to another row opens nothing.

use diesel::RunQueryDsl;
use haven::crypto::{Aad, Checked, DataKey, Keyring, Sealed, SecretKey};
use haven::db::people_keys;

use crate::helpers::*;

/// An account with a key pair that no holder has granted anything yet:
/// as when its password was set, before anyone signed in since.
fn enrolled_without_grants(app: &TestApp, role: &str) -> String {
    let email = format!("{role}-first@example.org");
    let (hash, seed) = haven::crypto::hash_split_blocking(PASSWORD);
    let user = haven::db::users::insert(
        &mut app.db.connect(),
        &haven::db::users::NewUserRow {
            email: &email,
            password_hash: Some(&hash),
            role,
            organisation_id: None,
        },
    )
    .unwrap();
    app.state
        .db
        .run_blocking(|conn| haven::custody::accounts::enrol(conn, user.id, &seed))
        .unwrap();
    app.enrol_totp(&email);
    email
}

fn case_row(app: &TestApp, reference: &str) -> haven::db::cases::CaseRow {
    haven::db::cases::find_by_reference(&mut app.db.connect(), reference)
        .unwrap()
        .unwrap()
}

fn case_keys(app: &TestApp, case_id: i64) -> people_keys::CaseKeysRow {
    people_keys::case_keys(&mut app.db.connect(), case_id)
        .unwrap()
        .expect("the case has sealed keys")
}

fn keyring(app: &TestApp) -> std::sync::Arc<Keyring> {
    app.state.keyring.get()
}

/// The receipt's private key, as the reporter's receipt alone derives it:
/// the same Argon2id run that checks it against the stored hash.
fn receipt_secret(receipt: &str, receipt_hash: &str) -> SecretKey {
    let typed = haven::domain::Receipt::parse(receipt).expect("a receipt as issued");
    match haven::crypto::check_blocking(typed.expose(), receipt_hash) {
        Checked::Right(seed) => SecretKey::from_seed(&seed),
        other => panic!("the receipt checks as {other:?}"),
    }
}

/// Opens a sealed key's outer layer (the key file) and then tries `secret`
/// on what is inside.
fn open_sealed_keys(
    keyring: &Keyring,
    master_key_id: &str,
    aad: &Aad,
    outer: &Sealed,
    secret: &SecretKey,
    count: usize,
) -> Option<Vec<DataKey>> {
    let inner = keyring
        .open_outer(master_key_id, aad, outer)
        .expect("the key file takes off the outer layer");
    secret.open_keys(aad, &inner, count).ok()
}

async fn page_of(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    (status, plain(&res.text().await.unwrap()))
}

/// Refers `reference` to each group with a summary, as `client`.
async fn refer(app: &TestApp, client: &reqwest::Client, reference: &str, to: &[(i64, &str)]) {
    let mut fields: Vec<(String, String)> = Vec::new();
    for (group, summary) in to {
        fields.push(("group".into(), group.to_string()));
        fields.push((format!("summary_{group}"), summary.to_string()));
    }
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let res = post_as(
        app,
        client,
        &format!("/staff/cases/{reference}/referrals"),
        &fields,
    )
    .await;
    assert_eq!(res.status(), 303, "referred");
}

fn referrals_of(app: &TestApp, case_id: i64) -> Vec<haven::db::referrals::ReferralRow> {
    haven::db::referrals::for_case(&mut app.db.connect(), case_id)
        .unwrap()
        .into_iter()
        .map(|r| r.referral)
        .collect()
}

fn holds(app: &TestApp, email: &str, shared_key_id: i64) -> bool {
    people_keys::find_grant(&mut app.db.connect(), shared_key_id, app.user_id(email))
        .unwrap()
        .is_some()
}

fn team_key_id(app: &TestApp) -> i64 {
    people_keys::current(&mut app.db.connect(), None)
        .unwrap()
        .expect("the team has a key")
        .id
}

fn group_key_id(app: &TestApp, group: i64) -> i64 {
    people_keys::current(&mut app.db.connect(), Some(group))
        .unwrap()
        .expect("the group has a key")
        .id
}

#[tokio::test]
async fn a_report_is_sealed_with_nobody_online_and_the_first_caseworker_takes_the_key_from_escrow()
{
    let app = spawn_app().await;
    assert_eq!(app.count("users"), 0, "no staff account at all");
    let (reference, _) = app
        .file_report(ReportForm::new("NARRATIVE-ALONE-3390 filed at night"))
        .await;
    let case = case_row(&app, &reference);
    assert!(
        case.wrapped_key.is_none(),
        "the case key is under no master key alone"
    );
    let keys = case_keys(&app, case.id);
    assert!(!keys.team_keys.as_bytes().is_empty());
    assert!(keys.receipt_key.is_some(), "sealed to the receipt too");
    let team = people_keys::find(&mut app.db.connect(), keys.team_key_id)
        .unwrap()
        .unwrap();
    assert_eq!(team.organisation_id, None, "the team's key");
    assert!(team.retired_at.is_none());
    assert!(
        team.escrow.is_some(),
        "no one holds the team's key yet: it waits in escrow"
    );
    assert_eq!(app.count("shared_keys"), 1);
    assert_eq!(app.count("key_grants"), 0);

    // A caseworker whose key pair exists but who holds nothing yet signs
    // in: they take the team's key from escrow, and the escrow ends.
    let email = enrolled_without_grants(&app, "caseworker");
    assert!(
        people_keys::find(&mut app.db.connect(), team.id)
            .unwrap()
            .unwrap()
            .escrow
            .is_some(),
        "nothing is granted before a sign-in"
    );
    let client = signed_in(&app, &email).await;
    assert!(holds(&app, &email, team.id));
    assert!(
        people_keys::find(&mut app.db.connect(), team.id)
            .unwrap()
            .unwrap()
            .escrow
            .is_none(),
        "every caseworker holds the key: the master key no longer does"
    );
    let (status, page) = page_of(&app, &client, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("NARRATIVE-ALONE-3390"));
    assert!(case_row(&app, &reference).wrapped_key.is_none());
}

#[tokio::test]
async fn a_receipt_opens_its_own_case_and_nothing_else() {
    let app = spawn_app().await;
    let group_a = app.insert_group("Group A", &["a@example.org"]);
    let (reference, receipt) = app
        .file_report(
            ReportForm::new("NARRATIVE-MINE-5501 the report this receipt opens")
                .field("consent_referral", "on")
                .file("mine.txt", b"EVIDENCE-MINE-2290 my file"),
        )
        .await;
    let (other, _) = app
        .file_report(ReportForm::new(
            "NARRATIVE-OTHER-7718 someone else's report",
        ))
        .await;
    let caseworker = app.create_user("caseworker", None);
    app.create_user("liaison", Some("Group A"));
    let cw = signed_in(&app, &caseworker).await;
    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/notes"),
        &[("body", "NOTE-STAFF-6640 for staff eyes only")],
    )
    .await;
    assert_eq!(res.status(), 303);
    refer(&app, &cw, &reference, &[(group_a, "SUMMARY-MINE-1183")]).await;

    // The attacker holding the receipt (and, for the outer layer, the key
    // file) derives the receipt's private key.
    let keyring = keyring(&app);
    let case = case_row(&app, &reference);
    let receipt_hash = haven::db::cases::receipt_hash(&mut app.db.connect(), &reference)
        .unwrap()
        .unwrap();
    let secret = receipt_secret(&receipt, &receipt_hash);
    let keys = case_keys(&app, case.id);
    let content = open_sealed_keys(
        &keyring,
        &keys.master_key_id,
        &Aad::case_receipt_key(&reference),
        keys.receipt_key.as_ref().unwrap(),
        &secret,
        1,
    )
    .expect("the receipt opens its case's key")
    .pop()
    .unwrap();
    let report = content
        .open(&Aad::case_content(&reference), &case.content)
        .expect("the case key opens the report");
    assert!(String::from_utf8_lossy(&report).contains("NARRATIVE-MINE-5501"));
    let evidence = haven::db::evidence::list_for_case(&mut app.db.connect(), case.id).unwrap();
    let (_, bytes) = haven::db::evidence::find_with_content(
        &mut app.db.connect(),
        case.id,
        &evidence[0].public_id,
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        content
            .open(
                &Aad::evidence_bytes(&reference, &evidence[0].public_id),
                &bytes
            )
            .unwrap()
            .as_slice(),
        b"EVIDENCE-MINE-2290 my file"
    );

    // Nothing else: not the other case's copies, ...
    let other_case = case_row(&app, &other);
    let other_keys = case_keys(&app, other_case.id);
    assert!(
        open_sealed_keys(
            &keyring,
            &other_keys.master_key_id,
            &Aad::case_receipt_key(&other),
            other_keys.receipt_key.as_ref().unwrap(),
            &secret,
            1,
        )
        .is_none(),
        "another case's receipt copy"
    );
    assert!(
        open_sealed_keys(
            &keyring,
            &other_keys.master_key_id,
            &Aad::case_team_keys(&other),
            &other_keys.team_keys,
            &secret,
            2,
        )
        .is_none(),
        "another case's team copy"
    );
    assert!(
        content
            .open(&Aad::case_content(&other), &other_case.content)
            .is_err(),
        "another case's report"
    );
    // ... not its own case's team copy (the staff key, which seals notes),
    assert!(
        open_sealed_keys(
            &keyring,
            &keys.master_key_id,
            &Aad::case_team_keys(&reference),
            &keys.team_keys,
            &secret,
            2,
        )
        .is_none(),
        "the team's copy, with the staff key"
    );
    let notes = haven::db::notes::for_case(&mut app.db.connect(), case.id).unwrap();
    assert_eq!(notes.len(), 1);
    assert!(
        content
            .open(
                &Aad::case_note(&reference, &notes[0].public_id),
                &notes[0].body
            )
            .is_err(),
        "the case key does not open a note"
    );
    // ... nor the referral's key, to the team or to the group.
    let referral = referrals_of(&app, case.id).remove(0);
    for holder in ["team", "group"] {
        let outer = match holder {
            "team" => referral.team_key.as_ref().unwrap(),
            _ => referral.group_key.as_ref().unwrap(),
        };
        assert!(
            open_sealed_keys(
                &keyring,
                referral.master_key_id.as_deref().unwrap(),
                &Aad::referral_key(&reference, &referral.public_id, holder),
                outer,
                &secret,
                1,
            )
            .is_none(),
            "the referral's key to the {holder}"
        );
    }
    assert!(
        content
            .open(
                &Aad::referral_summary(&reference, &referral.public_id),
                &referral.summary
            )
            .is_err(),
        "the case key does not open the referral's summary"
    );
    // Staff read both (so they are there to be read).
    let (_, page) = page_of(&app, &cw, &format!("/staff/cases/{reference}")).await;
    assert!(page.contains("NOTE-STAFF-6640") && page.contains("SUMMARY-MINE-1183"));
}

#[tokio::test]
async fn the_reporter_follows_up_through_the_receipt_and_the_caseworker_reads_it() {
    let app = spawn_app().await;
    let (reference, receipt) = app
        .file_report(ReportForm::new("NARRATIVE-FOLLOW-4404"))
        .await;
    let caseworker = app.create_user("caseworker", None);
    let cw = signed_in(&app, &caseworker).await;
    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/messages"),
        &[("body", "STAFFMSG-FOLLOW-8812 can we call you?")],
    )
    .await;
    assert_eq!(res.status(), 303);

    let reporter = new_client();
    let res = open_follow_up(&app, &reporter, &reference, &receipt).await;
    assert_eq!(res.status(), 303);
    let page = follow_up_page(&app, &reporter).await;
    assert!(page.contains("STAFFMSG-FOLLOW-8812 can we call you?"));
    let res = reporter
        .post(app.url("/follow-up/case/messages"))
        .form(&[
            ("body", "REPLY-FOLLOW-3356 after six, please"),
            ("csrf_token", &csrf_token(&page)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let page = follow_up_page(&app, &reporter).await;
    assert!(
        page.contains("REPLY-FOLLOW-3356"),
        "the reporter reads it back"
    );
    let action = multipart_action(&page);
    let res = reporter
        .post(app.url(&action))
        .multipart(
            reqwest::multipart::Form::new().part(
                "evidence",
                reqwest::multipart::Part::bytes(b"EVIDENCE-FOLLOW-6120 a later file".to_vec())
                    .file_name("later-6120.txt"),
            ),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);

    // The caseworker reads the reply and downloads the file.
    let (status, page) = page_of(&app, &cw, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("REPLY-FOLLOW-3356 after six, please"));
    assert!(page.contains("later-6120.txt"));
    let evidence =
        haven::db::evidence::list_for_case(&mut app.db.connect(), case_row(&app, &reference).id)
            .unwrap();
    assert_eq!(evidence.len(), 1);
    let res = cw
        .get(app.url(&format!(
            "/staff/cases/{reference}/evidence/{}",
            evidence[0].public_id
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.bytes().await.unwrap().as_ref(),
        b"EVIDENCE-FOLLOW-6120 a later file"
    );
    let dump = app.pg_dump();
    for marker in ["REPLY-FOLLOW-3356", "EVIDENCE-FOLLOW-6120", "later-6120"] {
        assert!(!dump_reveals(&dump, marker), "{marker} in the dump");
    }
}

#[tokio::test]
async fn staff_open_what_their_role_allows_through_the_keys_they_hold() {
    let app = spawn_app().await;
    let group_a = app.insert_group("Group A", &["a@example.org"]);
    let group_b = app.insert_group("Group B", &["b@example.org"]);
    let admin = app.create_user("admin", None);
    let caseworker = app.create_user("caseworker", None);
    let liaison_a = app.create_user("liaison", Some("Group A"));
    let liaison_b = app.create_user("liaison", Some("Group B"));
    let (reference, _) = app
        .file_report(
            ReportForm::new("NARRATIVE-ROLES-2231 for caseworkers only")
                .field("consent_referral", "on"),
        )
        .await;
    let cw = signed_in(&app, &caseworker).await;
    refer(
        &app,
        &cw,
        &reference,
        &[(group_a, "SUMMARY-A-5120"), (group_b, "SUMMARY-B-7764")],
    )
    .await;

    // Who holds which key.
    let team = team_key_id(&app);
    let (key_a, key_b) = (group_key_id(&app, group_a), group_key_id(&app, group_b));
    assert!(holds(&app, &caseworker, team) && holds(&app, &admin, team));
    assert!(!holds(&app, &caseworker, key_a) && !holds(&app, &caseworker, key_b));
    assert!(holds(&app, &liaison_a, key_a) && !holds(&app, &liaison_a, key_b));
    assert!(!holds(&app, &liaison_a, team));
    assert!(holds(&app, &liaison_b, key_b) && !holds(&app, &liaison_b, key_a));
    assert!(
        holds(&app, &admin, key_a) && holds(&app, &admin, key_b),
        "an admin holds every group's key"
    );

    // The caseworker opens the case and its referrals through the team key.
    let (status, page) = page_of(&app, &cw, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 200);
    for seen in ["NARRATIVE-ROLES-2231", "SUMMARY-A-5120", "SUMMARY-B-7764"] {
        assert!(page.contains(seen), "the caseworker reads {seen}");
    }

    // A liaison opens their group's summary, and nothing else.
    let la = signed_in(&app, &liaison_a).await;
    let lb = signed_in(&app, &liaison_b).await;
    let (_, list_a) = page_of(&app, &la, "/staff/referrals").await;
    let (_, list_b) = page_of(&app, &lb, "/staff/referrals").await;
    let (link_a, link_b) = (
        referral_links(&list_a).remove(0),
        referral_links(&list_b).remove(0),
    );
    let (status, page) = page_of(&app, &la, &link_a).await;
    assert_eq!(status, 200);
    assert!(page.contains("SUMMARY-A-5120") && !page.contains("SUMMARY-B-7764"));
    assert!(!page.contains("NARRATIVE-ROLES-2231"));
    let (status, page) = page_of(&app, &la, &link_b).await;
    assert_eq!(status, 404, "another group's referral");
    assert!(!page.contains("SUMMARY-B-7764"));
    let (status, page) = page_of(&app, &la, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 403, "a liaison never opens the case");
    assert!(!page.contains("NARRATIVE-ROLES-2231"));

    // The admin's own key opens a group's copy of a referral's key (the
    // crypto path, since an admin reads referrals on the case page).
    let mut conn = app.db.connect();
    let account = people_keys::account(&mut conn, app.user_id(&admin))
        .unwrap()
        .unwrap();
    let user = haven::db::users::find(&mut conn, account.id)
        .unwrap()
        .unwrap();
    let Checked::Right(seed) =
        haven::crypto::check_blocking(PASSWORD, user.password_hash.as_deref().unwrap())
    else {
        panic!("the admin's password gives a seed");
    };
    let admin_secret = haven::custody::accounts::unseal(&account, &seed).unwrap();
    let group_secret = haven::custody::shared::open(&mut conn, &admin_secret, account.id, key_b)
        .expect("the admin opens group B's key");
    let referral_b = referrals_of(&app, case_row(&app, &reference).id)
        .into_iter()
        .find(|r| r.organisation_id == group_b)
        .unwrap();
    let key = open_sealed_keys(
        &keyring(&app),
        referral_b.master_key_id.as_deref().unwrap(),
        &Aad::referral_key(&reference, &referral_b.public_id, "group"),
        referral_b.group_key.as_ref().unwrap(),
        &group_secret,
        1,
    )
    .expect("group B's key opens its copy")
    .pop()
    .unwrap();
    assert_eq!(
        key.open(
            &Aad::referral_summary(&reference, &referral_b.public_id),
            &referral_b.summary
        )
        .unwrap()
        .as_slice(),
        b"SUMMARY-B-7764"
    );
    let ad = signed_in(&app, &admin).await;
    let (status, page) = page_of(&app, &ad, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("NARRATIVE-ROLES-2231"));

    // The keys are what open it: without their grant, the same people are
    // told their keys could not be opened, and shown nothing.
    diesel::sql_query(format!(
        "DELETE FROM key_grants WHERE user_id IN ({}, {})",
        app.user_id(&caseworker),
        app.user_id(&liaison_a)
    ))
    .execute(&mut conn)
    .unwrap();
    let (status, page) = page_of(&app, &cw, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 403);
    assert!(!page.contains("NARRATIVE-ROLES-2231"));
    let (status, page) = page_of(&app, &la, &link_a).await;
    assert_eq!(status, 403);
    assert!(!page.contains("SUMMARY-A-5120"));
}

#[tokio::test]
async fn a_case_whose_sealed_keys_were_swapped_fails_closed() {
    let app = spawn_app().await;
    let (a, _) = app
        .file_report(ReportForm::new("NARRATIVE-SWAP-A-1150"))
        .await;
    let (b, _) = app
        .file_report(ReportForm::new("NARRATIVE-SWAP-B-9043"))
        .await;
    let (c, _) = app
        .file_report(ReportForm::new("NARRATIVE-SWAP-C-3378"))
        .await;
    let caseworker = app.create_user("caseworker", None);
    let cw = signed_in(&app, &caseworker).await;
    let (case_a, case_b, case_c) = (case_row(&app, &a), case_row(&app, &b), case_row(&app, &c));
    let mut conn = app.db.connect();

    // B's sealed keys copied into A's row, as they are.
    diesel::sql_query(format!(
        "UPDATE case_keys SET team_keys = (SELECT team_keys FROM case_keys WHERE case_id = {}) \
         WHERE case_id = {}",
        case_b.id, case_a.id
    ))
    .execute(&mut conn)
    .unwrap();
    // B's sealed keys put into C's row by someone with the key file, who
    // re-seals the outer layer for C: the inner layer still names B.
    let keyring = keyring(&app);
    let keys_b = case_keys(&app, case_b.id);
    let inner = keyring
        .open_outer(
            &keys_b.master_key_id,
            &Aad::case_team_keys(&b),
            &keys_b.team_keys,
        )
        .unwrap();
    let mut keys_c = case_keys(&app, case_c.id);
    let (master_key_id, outer) = keyring.seal_outer(&Aad::case_team_keys(&c), &inner);
    keys_c.master_key_id = master_key_id;
    keys_c.team_keys = outer;
    people_keys::update_case_keys(&mut conn, &keys_c).unwrap();

    for (reference, case) in [(&a, &case_a), (&c, &case_c)] {
        let (status, page) = page_of(&app, &cw, &format!("/staff/cases/{reference}")).await;
        assert_eq!(status, 500, "case {} fails closed", case.id);
        assert!(page.contains("Something went wrong on our side"));
        for marker in [
            "NARRATIVE-SWAP-A-1150",
            "NARRATIVE-SWAP-B-9043",
            "NARRATIVE-SWAP-C-3378",
        ] {
            assert!(!page.contains(marker), "{marker} shown");
        }
        let res = post_as(
            &app,
            &cw,
            &format!("/staff/cases/{reference}/messages"),
            &[("body", "written to the wrong key")],
        )
        .await;
        assert_eq!(res.status(), 500, "nothing is written under a swapped key");
    }
    assert_eq!(app.count("case_messages"), 0);
    let (status, page) = page_of(&app, &cw, &format!("/staff/cases/{b}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("NARRATIVE-SWAP-B-9043"));
}

#[tokio::test]
async fn a_referrals_key_moved_to_another_referral_does_not_open() {
    let app = spawn_app().await;
    let group_a = app.insert_group("Group A", &["a@example.org"]);
    let caseworker = app.create_user("caseworker", None);
    let liaison = app.create_user("liaison", Some("Group A"));
    let (one, _) = app
        .file_report(ReportForm::new("first").field("consent_referral", "on"))
        .await;
    let (two, _) = app
        .file_report(ReportForm::new("second").field("consent_referral", "on"))
        .await;
    let cw = signed_in(&app, &caseworker).await;
    refer(&app, &cw, &one, &[(group_a, "SUMMARY-MOVED-ONE-4471")]).await;
    refer(&app, &cw, &two, &[(group_a, "SUMMARY-MOVED-TWO-8802")]).await;
    let r1 = referrals_of(&app, case_row(&app, &one).id).remove(0);
    let r2 = referrals_of(&app, case_row(&app, &two).id).remove(0);
    let li = signed_in(&app, &liaison).await;
    let link = |r: &haven::db::referrals::ReferralRow| format!("/staff/referrals/{}", r.public_id);
    assert_eq!(page_of(&app, &li, &link(&r2)).await.0, 200);

    // One's group copy moved into two's row, as it is.
    let mut conn = app.db.connect();
    diesel::sql_query(format!(
        "UPDATE referrals SET group_key = (SELECT group_key FROM referrals WHERE id = {}) \
         WHERE id = {}",
        r1.id, r2.id
    ))
    .execute(&mut conn)
    .unwrap();
    let (status, page) = page_of(&app, &li, &link(&r2)).await;
    assert_eq!(status, 500, "the moved key fails closed");
    assert!(!page.contains("SUMMARY-MOVED-ONE-4471") && !page.contains("SUMMARY-MOVED-TWO-8802"));

    // Moved by someone with the key file, the outer layer re-sealed for
    // two: the inner layer still names one.
    let keyring = keyring(&app);
    let inner = keyring
        .open_outer(
            r1.master_key_id.as_deref().unwrap(),
            &Aad::referral_key(&one, &r1.public_id, "group"),
            r1.group_key.as_ref().unwrap(),
        )
        .unwrap();
    let (master_key_id, outer) =
        keyring.seal_outer(&Aad::referral_key(&two, &r2.public_id, "group"), &inner);
    let (team_master_key_id, team_outer) = keyring
        .reseal_outer(
            r2.master_key_id.as_deref().unwrap(),
            &Aad::referral_key(&two, &r2.public_id, "team"),
            r2.team_key.as_ref().unwrap(),
        )
        .unwrap();
    assert_eq!(master_key_id, team_master_key_id);
    haven::db::referrals::set_keys(
        &mut conn,
        r2.id,
        &haven::db::referrals::ReferralKeys {
            master_key_id,
            team_key_id: r2.team_key_id.unwrap(),
            team_key: team_outer,
            group_key_id: r2.group_key_id,
            group_key: Some(outer),
        },
    )
    .unwrap();
    let (status, page) = page_of(&app, &li, &link(&r2)).await;
    assert_eq!(status, 500, "the moved key fails closed");
    assert!(!page.contains("SUMMARY-MOVED-ONE-4471") && !page.contains("SUMMARY-MOVED-TWO-8802"));
    let res = post_as(
        &app,
        &li,
        &format!("{}/accept", link(&r2)),
        &[("confirm", "yes")],
    )
    .await;
    assert_eq!(res.status(), 500, "no answer under a moved key");
    assert_eq!(
        referrals_of(&app, case_row(&app, &two).id)[0].status,
        "pending"
    );
    let (status, page) = page_of(&app, &li, &link(&r1)).await;
    assert_eq!(status, 200);
    assert!(page.contains("SUMMARY-MOVED-ONE-4471"));
}
