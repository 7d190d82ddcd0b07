//! Property 8 (existing installations move to keys held by people) and
//! property 6 (crypto-shredding still works) for what was sealed before:
//! `haven keys migrate`, `haven keys status`, and the master key's rotation
//! and retirement over moved cases, referral keys and escrows.

use diesel::RunQueryDsl;
use diesel::sql_types::{BigInt, Bytea, Text};
use haven::crypto::{Aad, Checked, DataKey, Keyring, SecretKey};
use haven::db::{self, people_keys};

use crate::helpers::*;

const NARRATIVE: &str = "LEGACY-NARRATIVE-7731 they waited outside my door";
const NOTE: &str = "LEGACY-NOTE-5521 called back, safe for now";
const MESSAGE: &str = "LEGACY-MESSAGE-3390 we will call you on Tuesday";
const SUMMARY_A: &str = "LEGACY-SUMMARY-A-8812 needs a community contact";
const UPDATE_A: &str = "LEGACY-UPDATE-A-1175 we met them at the centre";
const SUMMARY_B: &str = "LEGACY-SUMMARY-B-4460 legal help";
const REASON_B: &str = "LEGACY-REASON-B-9023 no lawyer free this month";

/// An installation from before keys were held by people: one case, its
/// note and staff message, and two referrals, all sealed with the case
/// key under the master key alone; accounts with plain password hashes.
struct Legacy {
    reference: String,
    receipt: String,
    case_id: i64,
    /// The case's key under the master key, as a backup taken before the
    /// move holds it.
    wrapped: haven::crypto::WrappedKey,
    referral_a: String,
    caseworker: String,
    liaison: String,
    admin: String,
}

fn keyring(app: &TestApp) -> std::sync::Arc<Keyring> {
    app.state.keyring.get()
}

/// Rewrites a case filed now to the shape the version before stored:
/// its key under the master key alone, a plain Argon2id receipt hash, no
/// sealed keys, no team or group keys. Returns the case key.
fn make_legacy_case(app: &TestApp, reference: &str, receipt: &str) -> (i64, DataKey) {
    let mut conn = app.db.connect();
    let keyring = keyring(app);
    let case = db::cases::find_by_reference(&mut conn, reference)
        .unwrap()
        .unwrap();
    let issued = haven::domain::Receipt::parse(receipt).unwrap();
    let hash = db::cases::receipt_hash(&mut conn, reference)
        .unwrap()
        .unwrap();
    let Checked::Right(seed) = haven::crypto::check_blocking(issued.expose(), &hash) else {
        panic!("the receipt opens its case");
    };
    let key = haven::custody::cases::open_for_receipt(
        &mut conn,
        &keyring,
        &case,
        &SecretKey::from_seed(&seed),
    )
    .unwrap()
    .unwrap();
    let wrapped = keyring.wrap(&key, reference);
    db::cases::set_wrapped_key(&mut conn, case.id, &wrapped.master_key_id, &wrapped.sealed)
        .unwrap();
    db::cases::set_receipt_hash(
        &mut conn,
        case.id,
        &haven::crypto::hash_secret_blocking(issued.expose()),
    )
    .unwrap();
    for table in ["case_keys", "key_grants", "shared_keys"] {
        diesel::sql_query(format!("DELETE FROM {table}"))
            .execute(&mut conn)
            .unwrap();
    }
    (case.id, key)
}

/// A referral as the version before made it: its texts sealed with the
/// case key, no key of its own.
fn legacy_referral(
    conn: &mut db::Conn,
    key: &DataKey,
    (case_id, reference): (i64, &str),
    group: i64,
    by: i64,
    summary: &str,
) -> (i64, String) {
    let public_id = haven::crypto::new_token()[..32].to_string();
    let sealed = key.seal(
        &Aad::referral_summary(reference, &public_id),
        summary.as_bytes(),
    );
    diesel::sql_query(
        "INSERT INTO referrals (public_id, case_id, organisation_id, referred_by, summary) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind::<Text, _>(&public_id)
    .bind::<BigInt, _>(case_id)
    .bind::<BigInt, _>(group)
    .bind::<BigInt, _>(by)
    .bind::<Bytea, _>(sealed.as_bytes())
    .execute(conn)
    .unwrap();
    let id = db::referrals::for_case(conn, case_id)
        .unwrap()
        .into_iter()
        .find(|r| r.referral.public_id == public_id)
        .unwrap()
        .referral
        .id;
    (id, public_id)
}

async fn legacy_installation(app: &TestApp) -> Legacy {
    let group_a = app.insert_group("Group A", &["a@group-a.example"]);
    let group_b = app.insert_group("Group B", &["b@group-b.example"]);
    let caseworker = app.create_legacy_user("caseworker", None);
    let liaison = app.create_legacy_user("liaison", Some("Group A"));
    let admin = app.create_legacy_user("admin", None);
    for email in [&caseworker, &liaison, &admin] {
        app.enrol_totp(email);
    }
    let author = app.user_id(&caseworker);
    let (reference, receipt) = app
        .file_report(ReportForm::new(NARRATIVE).field("consent_referral", "on"))
        .await;
    let (case_id, key) = make_legacy_case(app, &reference, &receipt);
    let mut conn = app.db.connect();
    db::notes::insert(
        &mut conn,
        case_id,
        "legacy-note-1",
        author,
        &key.seal(
            &Aad::case_note(&reference, "legacy-note-1"),
            NOTE.as_bytes(),
        ),
    )
    .unwrap();
    db::messages::insert(
        &mut conn,
        case_id,
        "legacy-message-1",
        "staff",
        Some(author),
        &key.seal(
            &Aad::case_message(&reference, "legacy-message-1"),
            MESSAGE.as_bytes(),
        ),
    )
    .unwrap();
    let case = (case_id, reference.as_str());
    let (id_a, referral_a) = legacy_referral(&mut conn, &key, case, group_a, author, SUMMARY_A);
    let update = db::referrals::add_update(
        &mut conn,
        id_a,
        app.user_id(&liaison),
        &haven::crypto::Sealed::from_stored(Vec::new()),
    )
    .unwrap();
    db::referrals::set_update_body(
        &mut conn,
        update,
        &key.seal(
            &Aad::referral_update(&reference, &referral_a, update),
            UPDATE_A.as_bytes(),
        ),
    )
    .unwrap();
    let (id_b, referral_b) = legacy_referral(&mut conn, &key, case, group_b, author, SUMMARY_B);
    let reason = key.seal(
        &Aad::referral_reason(&reference, &referral_b),
        REASON_B.as_bytes(),
    );
    assert!(db::referrals::decide(&mut conn, id_b, "declined", Some(&reason)).unwrap());
    let wrapped = haven::crypto::WrappedKey {
        master_key_id: db::cases::find(&mut conn, case_id)
            .unwrap()
            .unwrap()
            .master_key_id,
        sealed: db::cases::find(&mut conn, case_id)
            .unwrap()
            .unwrap()
            .wrapped_key
            .unwrap(),
    };
    Legacy {
        reference,
        receipt,
        case_id,
        wrapped,
        referral_a,
        caseworker,
        liaison,
        admin,
    }
}

fn migrate(app: &TestApp) -> haven::keys::Moved {
    let keyring = keyring(app);
    let mut lines = Vec::new();
    let moved = haven::keys::migrate(&app.state.db, &keyring, |l| lines.push(l)).unwrap();
    assert!(
        lines.iter().any(|l| l.contains("moved 1/1 (100%)")) || moved.cases == 0,
        "progress is printed: {lines:?}"
    );
    moved
}

/// The database's rows (a dump without its per-run markers).
fn data(app: &TestApp) -> String {
    app.pg_dump()
        .lines()
        .filter(|l| !l.starts_with("\\restrict") && !l.starts_with("\\unrestrict"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn status(app: &TestApp) -> haven::keys::Status {
    haven::keys::status(&app.state.db).unwrap()
}

/// Signs `email` in with a client of its own; returns the client.
async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let client = new_client();
    let res = app.login_with(&client, email, PASSWORD).await;
    // An account from before, or one whose key pair is made now, is shown
    // its new recovery key once (200); otherwise straight on (303).
    let status = res.status().as_u16();
    assert!(
        status == 200 || status == 303,
        "{email} signed in: {status}"
    );
    if status == 200 {
        assert!(
            res.text().await.unwrap().contains("id=\"recovery-key\""),
            "the recovery key is shown"
        );
    }
    client
}

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let res = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    unescape(&res.text().await.unwrap())
}

/// Property 8: after `haven keys migrate`, and each person's first sign-in
/// since, nothing is lost: the caseworker opens the case, its note and its
/// referrals; the group's liaison opens its summary; the reporter opens
/// the case with their receipt, after which its key is no longer under
/// the master key alone. A second run changes nothing, and `haven keys
/// status` counts down to nothing as people come back.
#[tokio::test]
async fn an_installation_from_before_moves_and_nothing_is_lost() {
    let app = spawn_app().await;
    let legacy = legacy_installation(&app).await;

    let before = status(&app);
    assert_eq!(before.legacy_cases, 1);
    assert_eq!(before.legacy_referrals, 2);
    assert_eq!(before.accounts_without_keys, 3);
    assert_eq!(before.team_key, None);
    assert!(!before.is_complete());

    let moved = migrate(&app);
    assert_eq!((moved.cases, moved.referrals), (1, 2));
    assert!(moved.unopened.is_empty());
    let mut conn = app.db.connect();
    let row = db::cases::find(&mut conn, legacy.case_id).unwrap().unwrap();
    assert!(row.wrapped_key.is_some(), "kept until the reporter's visit");
    let keys = people_keys::case_keys(&mut conn, legacy.case_id)
        .unwrap()
        .expect("the case's sealed keys");
    assert!(keys.receipt_key.is_none());
    assert!(
        db::referrals::for_case(&mut conn, legacy.case_id)
            .unwrap()
            .iter()
            .all(|r| r.referral.master_key_id.is_some()),
        "each referral has a key of its own"
    );

    let after = status(&app);
    assert_eq!((after.legacy_cases, after.legacy_referrals), (0, 0));
    assert_eq!(after.waiting_for_reporter, 1);
    assert_eq!(after.accounts_without_keys, 3);
    // The team's key and both groups' keys, held by no one yet.
    assert_eq!(after.escrowed, 3);
    let team = after.team_key.clone().expect("a team key");
    assert!(team.in_escrow);
    let interim = after.interim().join("\n");
    assert!(interim.contains("1 case(s) wait for their reporter's next visit"));
    assert!(interim.contains("3 account(s) have not signed in since"));
    assert!(interim.contains("3 key(s) in escrow"));
    assert!(after.report().iter().any(|l| l.contains(&team.fingerprint)));

    // A second run changes nothing at all.
    let dump = data(&app);
    let again = migrate(&app);
    assert_eq!((again.cases, again.referrals), (0, 0));
    assert!(data(&app) == dump, "a second run changes nothing");

    // The caseworker's first sign-in since: enrolled, takes the team's key.
    let caseworker = signed_in(&app, &legacy.caseworker).await;
    let case_page = page(
        &app,
        &caseworker,
        &format!("/staff/cases/{}", legacy.reference),
    )
    .await;
    for text in [
        NARRATIVE, NOTE, MESSAGE, SUMMARY_A, UPDATE_A, SUMMARY_B, REASON_B,
    ] {
        assert!(case_page.contains(text), "the case page shows {text:?}");
    }
    assert_eq!(status(&app).accounts_without_keys, 2);

    // The liaison's: takes the group's key, opens its referral.
    let liaison = signed_in(&app, &legacy.liaison).await;
    let referral = page(
        &app,
        &liaison,
        &format!("/staff/referrals/{}", legacy.referral_a),
    )
    .await;
    assert!(referral.contains(SUMMARY_A) && referral.contains(UPDATE_A));
    assert!(!referral.contains(NARRATIVE) && !referral.contains(SUMMARY_B));

    // The admin's: every account now holds what it is entitled to, and
    // no key is left in escrow.
    signed_in(&app, &legacy.admin).await;
    let signed = status(&app);
    assert_eq!(signed.accounts_without_keys, 0);
    assert_eq!(signed.pending_grants, 0);
    assert_eq!(signed.escrowed, 0);
    assert!(!signed.team_key.unwrap().in_escrow);

    // The reporter's visit: the case opens with the receipt, shows the
    // staff message, and gets the receipt's copy of its key instead of
    // the one under the master key alone.
    let reporter = new_client();
    let res = open_follow_up(&app, &reporter, &legacy.reference, &legacy.receipt).await;
    assert_eq!(res.status(), 303);
    assert!(follow_up_page(&app, &reporter).await.contains(MESSAGE));
    let row = db::cases::find(&mut conn, legacy.case_id).unwrap().unwrap();
    assert!(
        row.wrapped_key.is_none(),
        "no copy under the master key alone"
    );
    let keys = people_keys::case_keys(&mut conn, legacy.case_id)
        .unwrap()
        .unwrap();
    assert!(keys.receipt_key.is_some());
    let done = status(&app);
    assert_eq!(done.waiting_for_reporter, 0);
    assert!(done.is_complete(), "{:?}", done.report());
    assert!(done.interim().is_empty());

    // And everything still opens, for the reporter and for staff alike.
    let reporter = new_client();
    open_follow_up(&app, &reporter, &legacy.reference, &legacy.receipt).await;
    assert!(follow_up_page(&app, &reporter).await.contains(MESSAGE));
    let case_page = page(
        &app,
        &caseworker,
        &format!("/staff/cases/{}", legacy.reference),
    )
    .await;
    assert!(case_page.contains(NARRATIVE) && case_page.contains(NOTE));
    // The backup from before still held the case key under the master
    // key; it still opens while that master key is in the file (the
    // purge's rotation is what ends it, tested below).
    assert!(
        keyring(&app)
            .unwrap(&legacy.wrapped, &legacy.reference)
            .is_ok()
    );
}

/// A referral made by an instance still running the version before, on a
/// case already moved, is moved by the next run (while its case's key is
/// still under the master key).
#[tokio::test]
async fn a_referral_made_meanwhile_by_the_version_before_moves_on_the_next_run() {
    let app = spawn_app().await;
    let legacy = legacy_installation(&app).await;
    migrate(&app);
    let mut conn = app.db.connect();
    let keyring = keyring(&app);
    let case = db::cases::find(&mut conn, legacy.case_id).unwrap().unwrap();
    let key = haven::custody::cases::legacy_key(&keyring, &case).unwrap();
    let group_c = app.insert_group("Group C", &["c@group-c.example"]);
    let author = app.user_id(&legacy.caseworker);
    let (_, late) = legacy_referral(
        &mut conn,
        &key,
        (case.id, &legacy.reference),
        group_c,
        author,
        "LATE-SUMMARY-6671",
    );
    assert_eq!(status(&app).legacy_referrals, 1);
    let moved = migrate(&app);
    assert_eq!((moved.cases, moved.referrals), (0, 1));
    assert_eq!(status(&app).legacy_referrals, 0);
    let caseworker = signed_in(&app, &legacy.caseworker).await;
    let case_page = page(
        &app,
        &caseworker,
        &format!("/staff/cases/{}", legacy.reference),
    )
    .await;
    assert!(case_page.contains("LATE-SUMMARY-6671"), "{late}");
}

/// What an attacker's backup holds of a moved case: its sealed keys, its
/// referrals' sealed keys, the escrows, and its key from before the move.
struct Backup {
    case_keys: people_keys::CaseKeysRow,
    referrals: Vec<(String, db::referrals::ReferralKeys)>,
    escrows: Vec<people_keys::SharedKeyRow>,
}

fn backup(app: &TestApp, case_id: i64) -> Backup {
    let mut conn = app.db.connect();
    Backup {
        case_keys: people_keys::case_keys(&mut conn, case_id).unwrap().unwrap(),
        referrals: db::referrals::for_case(&mut conn, case_id)
            .unwrap()
            .into_iter()
            .map(|r| {
                let row = r.referral;
                let keys = db::referrals::ReferralKeys {
                    master_key_id: row.master_key_id.unwrap(),
                    team_key_id: row.team_key_id.unwrap(),
                    team_key: row.team_key.unwrap(),
                    group_key_id: row.group_key_id,
                    group_key: row.group_key,
                };
                (row.public_id, keys)
            })
            .collect(),
        escrows: people_keys::all(&mut conn)
            .unwrap()
            .into_iter()
            .filter(|k| k.escrow.is_some())
            .collect(),
    }
}

/// Property 6 over moved cases: after `haven purge`'s rotation and
/// retirement, a copy taken before of a purged case's sealed keys, of its
/// referrals' keys, of the escrowed team and group keys and of its key
/// from before the move no longer opens with the key file as it is now.
#[tokio::test]
async fn a_purged_moved_case_cannot_be_opened_from_an_older_copy() {
    let app = spawn_app().await;
    let legacy = legacy_installation(&app).await;
    migrate(&app);
    let copy = backup(&app, legacy.case_id);
    assert_eq!(copy.referrals.len(), 2);
    assert_eq!(copy.escrows.len(), 3);

    let db = app.state.db.clone();
    assert!(
        db.run_blocking(|conn| haven::cases::purge::purge_case(
            conn,
            legacy.case_id,
            haven::cases::purge::Reason::Retention
        ))
        .unwrap()
    );
    let key_file = app.key_dir.join("master.key");
    let mut conn = app.db.connect();
    assert!(db::audit::shred_pending(&mut conn).unwrap());
    haven::keys::rotate(&db, &key_file, std::time::Duration::ZERO, None, |_| {}).unwrap();
    haven::keys::retire(&db, &key_file, |_| {}).unwrap();
    assert!(!db::audit::shred_pending(&mut conn).unwrap());

    let now = Keyring::load(&key_file, false).unwrap();
    assert_eq!(now.ids().count(), 1, "only the new master key is left");
    let reference = &legacy.reference;
    let case_copy = &copy.case_keys;
    assert!(
        now.open_outer(
            &case_copy.master_key_id,
            &Aad::case_team_keys(reference),
            &case_copy.team_keys
        )
        .is_err(),
        "the case's sealed keys"
    );
    for (public_id, keys) in &copy.referrals {
        for (holder, outer) in [
            ("team", &keys.team_key),
            ("group", keys.group_key.as_ref().unwrap()),
        ] {
            assert!(
                now.open_outer(
                    &keys.master_key_id,
                    &Aad::referral_key(reference, public_id, holder),
                    outer
                )
                .is_err(),
                "the referral's key sealed to the {holder}"
            );
        }
    }
    for escrow in &copy.escrows {
        assert!(
            now.open_escrow(
                escrow.escrow_key_id.as_deref().unwrap(),
                &Aad::shared_key_escrow(escrow.id),
                escrow.escrow.as_ref().unwrap()
            )
            .is_err(),
            "the old copy of escrow {}",
            escrow.id
        );
    }
    assert!(
        now.unwrap(&legacy.wrapped, reference).is_err(),
        "its key from before the move"
    );
    // The escrows still in the database were re-sealed, not lost.
    for escrow in people_keys::all(&mut conn)
        .unwrap()
        .iter()
        .filter(|k| k.escrow.is_some())
    {
        assert_eq!(
            escrow.escrow_key_id.as_deref(),
            Some(now.current().id()),
            "escrow {} is under the new key",
            escrow.id
        );
        assert!(
            now.open_escrow(
                now.current().id(),
                &Aad::shared_key_escrow(escrow.id),
                escrow.escrow.as_ref().unwrap()
            )
            .is_ok()
        );
    }
}

/// Rotation re-seals moved cases (and their key under the master key
/// until the reporter's visit), referral keys and escrows; retirement
/// refuses while any of them is under an old key; after both, everyone
/// still opens what they did.
#[tokio::test]
async fn rotation_covers_moved_cases_referral_keys_and_escrows_and_retire_waits_for_it() {
    let app = spawn_app().await;
    let legacy = legacy_installation(&app).await;
    migrate(&app);
    let key_file = app.key_dir.join("master.key");
    let db = app.state.db.clone();

    // A rotation interrupted once the new key was in the file: nothing
    // re-sealed yet, so retiring the old key must refuse.
    let mut file = Keyring::load(&key_file, false).unwrap();
    file.push_new_current();
    file.save(&key_file).unwrap();
    let refused = haven::keys::retire(&db, &key_file, |_| {})
        .unwrap_err()
        .to_string();
    for what in [
        "1 case key(s) under the master key alone",
        "1 case(s)' sealed keys",
        "2 referral key(s)",
        "3 escrowed team or group key(s)",
    ] {
        assert!(refused.contains(what), "{what:?} in {refused:?}");
    }
    assert_eq!(
        Keyring::load(&key_file, false).unwrap().ids().count(),
        2,
        "nothing was retired"
    );

    let mut lines = Vec::new();
    haven::keys::rotate(&db, &key_file, std::time::Duration::ZERO, None, |l| {
        lines.push(l)
    })
    .unwrap();
    let said = lines.join("\n");
    assert!(said.contains("re-sealed 2/2 (100%)"), "{said}");
    assert!(
        said.contains("Re-sealed 2 referral key(s) and 3 escrowed team or group key(s)"),
        "{said}"
    );
    haven::keys::retire(&db, &key_file, |_| {}).unwrap();
    let now = Keyring::load(&key_file, false).unwrap();
    let current = now.current().id().to_string();
    assert_eq!(now.ids().count(), 1);
    let mut conn = app.db.connect();
    let case = db::cases::find(&mut conn, legacy.case_id).unwrap().unwrap();
    assert_eq!(
        case.master_key_id, current,
        "its key from before, re-wrapped"
    );
    assert_eq!(
        people_keys::case_keys(&mut conn, case.id)
            .unwrap()
            .unwrap()
            .master_key_id,
        current
    );
    for r in db::referrals::for_case(&mut conn, case.id).unwrap() {
        assert_eq!(r.referral.master_key_id.as_deref(), Some(current.as_str()));
    }
    for k in people_keys::all(&mut conn).unwrap() {
        assert_eq!(k.escrow_key_id.as_deref(), Some(current.as_str()));
    }

    // The running service takes the new file; people sign in for the
    // first time since the move and open what they did before.
    assert!(app.state.keyring.reload_if_changed().unwrap());
    let liaison = signed_in(&app, &legacy.liaison).await;
    let referral = page(
        &app,
        &liaison,
        &format!("/staff/referrals/{}", legacy.referral_a),
    )
    .await;
    assert!(referral.contains(SUMMARY_A) && referral.contains(UPDATE_A));
    let caseworker = signed_in(&app, &legacy.caseworker).await;
    let case_page = page(
        &app,
        &caseworker,
        &format!("/staff/cases/{}", legacy.reference),
    )
    .await;
    assert!(case_page.contains(NOTE) && case_page.contains(REASON_B));
    let reporter = new_client();
    let res = open_follow_up(&app, &reporter, &legacy.reference, &legacy.receipt).await;
    assert_eq!(res.status(), 303);
    assert!(follow_up_page(&app, &reporter).await.contains(MESSAGE));
}

/// `haven demo` makes no account: its cases are sealed to a team key in
/// escrow, which the first admin to sign in takes, and the cases open.
#[tokio::test]
async fn demonstration_cases_open_for_the_first_admin_to_sign_in() {
    let app = spawn_app().await;
    let keyring = keyring(&app);
    haven::demo::seed(&app.state.db, &keyring, 5).unwrap();
    let seeded = status(&app);
    assert_eq!(seeded.escrowed, 1, "the team's key waits in escrow");
    assert!(seeded.team_key.unwrap().in_escrow);

    let admin = app.create_legacy_user("admin", None);
    app.enrol_totp(&admin);
    let client = signed_in(&app, &admin).await;
    assert_eq!(status(&app).escrowed, 0, "taken from escrow at sign-in");
    let mut conn = app.db.connect();
    let any = diesel::dsl::sql::<Text>("(SELECT reference FROM cases ORDER BY id LIMIT 1)");
    let reference: String = diesel::select(any).get_result(&mut conn).unwrap();
    let case_page = page(&app, &client, &format!("/staff/cases/{reference}")).await;
    assert!(
        [
            "After I spoke",
            "Since I posted",
            "Last month",
            "When I renewed",
            "Every week",
            "On campus"
        ]
        .iter()
        .any(|opening| case_page.contains(opening)),
        "the demonstration report opens"
    );
}

/// A case whose key does not open with the key file is left as it was and
/// named (the command fails), while the others move.
#[tokio::test]
async fn a_case_that_does_not_open_is_left_as_it_was_and_named() {
    let app = spawn_app().await;
    let legacy = legacy_installation(&app).await;
    let (broken_ref, broken_receipt) = app.file_report(ReportForm::new("OTHER-CASE")).await;
    let (broken, _) = make_legacy_case(&app, &broken_ref, &broken_receipt);
    // Its key wrapped for another case: it no longer authenticates.
    let mut conn = app.db.connect();
    db::cases::set_wrapped_key(
        &mut conn,
        broken,
        &legacy.wrapped.master_key_id,
        &legacy.wrapped.sealed,
    )
    .unwrap();
    let keyring = keyring(&app);
    let failed = haven::keys::migrate(&app.state.db, &keyring, |_| {})
        .unwrap_err()
        .to_string();
    assert!(failed.contains(&broken.to_string()), "{failed}");
    assert!(!failed.contains(&legacy.case_id.to_string()), "{failed}");
    let left = status(&app);
    assert_eq!(left.legacy_cases, 1, "only the broken case is left");
    assert!(
        people_keys::case_keys(&mut conn, legacy.case_id)
            .unwrap()
            .is_some()
    );
    assert!(people_keys::case_keys(&mut conn, broken).unwrap().is_none());
}

/// Claim (README, Moving an installation): `haven serve` moves what was
/// sealed before as it starts (and at each housekeeping round), and staff
/// never open a case or referral not moved through the master key.
#[tokio::test]
async fn serving_moves_an_installation_from_before_and_staff_never_use_the_master_key() {
    let app = spawn_app().await;
    let legacy = legacy_installation(&app).await;
    // Not moved yet: the caseworker is refused, not served through the
    // master key.
    let client = signed_in(&app, &legacy.caseworker).await;
    let res = client
        .get(app.url(&format!("/staff/cases/{}", legacy.reference)))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        500,
        "a case not moved does not open for staff"
    );
    assert!(!res.text().await.unwrap().contains(NARRATIVE));
    // What `haven serve` runs before serving.
    haven::startup::move_to_people_keys(&app.state);
    let after = status(&app);
    assert_eq!((after.legacy_cases, after.legacy_referrals), (0, 0));
    let client = signed_in(&app, &legacy.caseworker).await;
    let case = page(&app, &client, &format!("/staff/cases/{}", legacy.reference)).await;
    assert!(case.contains(NARRATIVE) && case.contains(NOTE) && case.contains(SUMMARY_A));
}
