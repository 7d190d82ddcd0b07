//! People's keys, as staff meet them: an account opens reports only with
//! its own keys (a password written into the database by someone else
//! opens the account, not the reports); the session row alone opens
//! nothing; newcomers wait for a holder's next sign-in; leaving replaces
//! the keys held; a reset keeps the keys with the recovery key and waits
//! without it; a password change keeps them.

use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
use haven::crypto::RecoveryKey;
use haven::db::schema::{sessions, users};

use crate::helpers::*;

const NARRATIVE: &str = "They photographed us outside the community hall on Tuesday";
const KEYS_CLOSED: &str = "This account’s keys could not be opened";

/// Files a report with `NARRATIVE` and a marker; returns its reference.
async fn file(app: &TestApp, marker: &str) -> String {
    let (reference, _) = app
        .file_report(ReportForm::new(&format!("{NARRATIVE} {marker}")))
        .await;
    reference
}

/// The case page as `client` sees it: status and text.
async fn case_page(app: &TestApp, client: &reqwest::Client, reference: &str) -> (u16, String) {
    let res = client
        .get(app.url(&format!("/staff/cases/{reference}")))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, plain(&res.text().await.unwrap()))
}

/// Asserts that `client` is signed in but cannot open the case.
async fn assert_closed(app: &TestApp, client: &reqwest::Client, reference: &str, marker: &str) {
    let (status, page) = case_page(app, client, reference).await;
    assert_eq!(status, 403, "the case stays closed");
    assert!(page.contains(KEYS_CLOSED), "the page says why: {page}");
    assert!(!page.contains(NARRATIVE) && !page.contains(marker));
}

/// Asserts that `client` opens the case and reads it.
async fn assert_opens(app: &TestApp, client: &reqwest::Client, reference: &str, marker: &str) {
    let (status, page) = case_page(app, client, reference).await;
    assert_eq!(status, 200, "the case opens");
    assert!(page.contains(marker), "the report is read");
}

/// The recovery key shown on a page, as typed from it.
fn recovery_key_of(html: &str) -> String {
    let start = html
        .find("id=\"recovery-key\"")
        .expect("the recovery key is shown");
    let open = start + html[start..].find('>').unwrap() + 1;
    let close = open + html[open..].find("</bdi>").unwrap();
    let key = html[open..close].replace("<wbr>", "");
    assert!(RecoveryKey::parse(&key).is_some(), "a recovery key: {key}");
    key
}

/// Sets a password through the link at `path` (with a recovery key, or
/// none); the response.
async fn use_link(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    password: &str,
    recovery_key: &str,
) -> reqwest::Response {
    use_password_link(app, client, path, (password, password), recovery_key).await
}

/// An account made the way admins make them: on the Users page (by the
/// admin signed in with the app's client), its password set by its owner
/// through the emailed link. Returns its email, id, password and the
/// recovery key shown to its owner once.
async fn newcomer(app: &TestApp, role: &str) -> (String, i64, String, String) {
    let email = format!("new-{}@example.org", &haven::crypto::new_token()[..10]);
    let res = app
        .post_staff(
            "/staff/admin/users",
            &[
                ("email", email.as_str()),
                ("role", role),
                ("display_name", "Newcomer"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let path = link_path(&res.text().await.unwrap());
    assert!(app.deliver_mail() >= 1, "the link is emailed too");
    let id = app.user_id(&email);
    let users = app.get_text("/staff/admin/users").await;
    assert!(
        element_text(&users, &format!("keys-{id}"))
            .unwrap()
            .contains("Waiting for its first sign-in"),
        "before its password, it has no keys: {users}"
    );
    let password = "a newcomer's own long passphrase";
    let res = use_link(app, &new_client(), &path, password, "").await;
    assert_eq!(res.status(), 200, "the recovery key is shown");
    assert_eq!(res.headers().get("cache-control").unwrap(), "no-store");
    let html = res.text().await.unwrap();
    let key = recovery_key_of(&html);
    assert!(html.contains("href=\"/staff/login?password_set=1\""));
    app.enrol_totp(&email);
    (email, id, password.to_string(), key)
}

/// A password-reset link made by the admin signed in with the app's
/// client, as a path.
async fn reset_link(app: &TestApp, id: i64) -> String {
    let res = app
        .post_staff(&format!("/staff/admin/users/{id}/reset"), &[])
        .await;
    assert_eq!(res.status(), 200);
    link_path(&res.text().await.unwrap())
}

/// Posts the account page's password form with `client`'s session.
async fn change_password(
    app: &TestApp,
    client: &reqwest::Client,
    current: &str,
    new: &str,
    confirm: &str,
) -> reqwest::Response {
    let page = client
        .get(app.url("/staff/account"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    client
        .post(app.url("/staff/account/password"))
        .form(&[
            ("current", current),
            ("password", new),
            ("confirm", confirm),
            ("csrf_token", csrf_token(&page).as_str()),
        ])
        .send()
        .await
        .unwrap()
}

fn public_key(app: &TestApp, id: i64) -> Option<Vec<u8>> {
    users::table
        .find(id)
        .select(users::public_key)
        .first(&mut app.db.connect())
        .unwrap()
}

fn grants_of(app: &TestApp, id: i64) -> Vec<i64> {
    haven::db::people_keys::grants_of(&mut app.db.connect(), id)
        .unwrap()
        .into_iter()
        .map(|g| g.shared_key_id)
        .collect()
}

fn current_team_key(app: &TestApp) -> i64 {
    haven::db::people_keys::current(&mut app.db.connect(), None)
        .unwrap()
        .expect("a team key")
        .id
}

fn set_password_hash(app: &TestApp, email: &str, hash: &str) {
    diesel::update(users::table.filter(users::email.eq(email)))
        .set(users::password_hash.eq(hash))
        .execute(&mut app.db.connect())
        .unwrap();
}

/// Property 1: someone who can write the database puts a password of their
/// own on a caseworker's account and signs in (knowing the second factor
/// too): the account opens, the reports do not, and the page says so.
#[tokio::test]
async fn a_password_written_into_the_database_opens_the_account_but_no_report() {
    let app = spawn_app().await;
    let caseworker = app.create_user("caseworker", None);
    let reference = file(&app, "marker-p1").await;
    let owner = new_client();
    assert_eq!(
        app.login_with(&owner, &caseworker, PASSWORD).await.status(),
        303
    );
    assert_opens(&app, &owner, &reference, "marker-p1").await;

    let attacker_password = "the attacker's chosen passphrase";
    for hash in [
        haven::crypto::hash_split_blocking(attacker_password).0,
        haven::crypto::hash_secret_blocking(attacker_password),
    ] {
        set_password_hash(&app, &caseworker, &hash);
        let attacker = new_client();
        let res = app
            .login_with(&attacker, &caseworker, attacker_password)
            .await;
        assert_eq!(res.status(), 303, "the account opens");
        assert_closed(&app, &attacker, &reference, "marker-p1").await;
        // The queue works on what stays in the clear, and says why the
        // reports are closed.
        let queue = attacker.get(app.url("/staff/cases")).send().await.unwrap();
        assert_eq!(queue.status(), 200);
        let queue = plain(&queue.text().await.unwrap());
        assert!(queue.contains(&reference), "the queue lists the case");
        assert!(queue.contains("id=\"keys-closed\""), "{queue}");
        assert!(!queue.contains(NARRATIVE));
    }
    // The owner's own keys were not replaced by the attacker's sign-ins.
    let grants = grants_of(&app, app.user_id(&caseworker));
    assert!(grants.contains(&current_team_key(&app)));
}

/// Property 4: while signed in, the private key rests in the session row
/// sealed under the cookie's secret: the row alone opens nothing.
#[tokio::test]
async fn the_session_row_alone_opens_nothing() {
    let app = spawn_app().await;
    let caseworker = app.create_user("caseworker", None);
    let client = new_client();
    let res = app.login_with(&client, &caseworker, PASSWORD).await;
    assert_eq!(res.status(), 303);
    let token = res
        .cookies()
        .find(|c| c.name().contains("session"))
        .expect("a session cookie")
        .value()
        .to_string();
    let digest = haven::crypto::digest_token(&token);
    let sealed: Option<haven::crypto::Sealed> = sessions::table
        .find(&digest)
        .select(sessions::sealed_key)
        .first(&mut app.db.connect())
        .unwrap();
    let sealed = sealed.expect("the session holds the sealed key");
    for other in [
        haven::crypto::new_token(),
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>(),
        String::new(),
    ] {
        assert!(
            haven::custody::accounts::open_for_session(&sealed, &other, &digest).is_none(),
            "no other token opens it"
        );
    }
    let opened = haven::custody::accounts::open_for_session(&sealed, &token, &digest)
        .expect("the cookie's token opens it");
    assert_eq!(
        Some(opened.public().to_bytes()),
        public_key(&app, app.user_id(&caseworker)),
        "it is the account's private key"
    );
}

/// Property 5, joining: an account made after the team key, and after its
/// last holder signed in, waits for a holder's next sign-in.
#[tokio::test]
async fn a_newcomer_waits_until_a_holder_signs_in() {
    let app = spawn_app().await;
    let admin = app.login_as_admin().await;
    let reference = file(&app, "marker-join").await;
    let (email, id, password, _) = newcomer(&app, "caseworker").await;

    let users = app.get_text("/staff/admin/users").await;
    assert!(
        element_text(&users, &format!("keys-{id}"))
            .unwrap()
            .contains("Waiting for a grant"),
        "{users}"
    );
    let them = new_client();
    assert_eq!(app.login_with(&them, &email, &password).await.status(), 303);
    assert_closed(&app, &them, &reference, "marker-join").await;

    // A holder signs in: the grant is made, and the newcomer opens the case.
    assert_eq!(
        app.login_with(&new_client(), &admin, PASSWORD)
            .await
            .status(),
        303
    );
    assert_opens(&app, &them, &reference, "marker-join").await;
    let users = app.get_text("/staff/admin/users").await;
    assert!(
        element_text(&users, &format!("keys-{id}"))
            .unwrap()
            .contains("Held"),
        "{users}"
    );
    let page = app.get_text(&format!("/staff/admin/users/{id}")).await;
    assert!(element_text(&page, "user-keys").unwrap().contains("Held"));
}

/// Property 5, leaving: deactivating a caseworker replaces the team key;
/// what is filed afterwards is sealed to the new one, which the others hold
/// and they do not. A role change that takes the team away does the same.
#[tokio::test]
async fn deactivating_a_caseworker_replaces_the_team_key() {
    let app = spawn_app().await;
    let leaving = app.create_user("caseworker", None);
    let staying = app.create_user("caseworker", None);
    app.login_as_admin().await;
    let before = file(&app, "marker-before").await;
    let old_key = current_team_key(&app);
    let leaving_id = app.user_id(&leaving);
    assert!(grants_of(&app, leaving_id).contains(&old_key));

    let res = app
        .post_staff(
            &format!("/staff/admin/users/{leaving_id}/active"),
            &[("active", "false")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let new_key = current_team_key(&app);
    assert_ne!(new_key, old_key, "a new team key");
    assert!(!grants_of(&app, leaving_id).contains(&new_key));
    assert!(
        grants_of(&app, leaving_id).is_empty(),
        "the grants they held are taken back: their password and a later copy open nothing"
    );
    assert!(grants_of(&app, app.user_id(&staying)).contains(&new_key));

    let after = file(&app, "marker-after").await;
    let case = haven::db::cases::find_by_reference(&mut app.db.connect(), &after)
        .unwrap()
        .unwrap();
    let keys = haven::db::people_keys::case_keys(&mut app.db.connect(), case.id)
        .unwrap()
        .unwrap();
    assert_eq!(keys.team_key_id, new_key, "sealed to the new team key");
    let colleague = new_client();
    assert_eq!(
        app.login_with(&colleague, &staying, PASSWORD)
            .await
            .status(),
        303
    );
    assert_opens(&app, &colleague, &after, "marker-after").await;
    assert_opens(&app, &colleague, &before, "marker-before").await;

    // Moving the colleague to liaison takes the team away: replaced again.
    app.insert_group("Group R", &["r@example.org"]);
    let staying_id = app.user_id(&staying);
    let res = app
        .post_staff(
            &format!("/staff/admin/users/{staying_id}/role"),
            &[("role", "liaison"), ("organisation", "Group R")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let third = current_team_key(&app);
    assert_ne!(third, new_key);
    assert!(!grants_of(&app, staying_id).contains(&third));
}

/// Property 5, forgetting: a reset with the recovery key keeps the keys; a
/// wrong one changes nothing and the link still works; without it, a new
/// key pair waits for a holder.
#[tokio::test]
async fn a_reset_keeps_the_keys_with_the_recovery_key_and_waits_without_it() {
    let app = spawn_app().await;
    let admin = app.login_as_admin().await;
    let reference = file(&app, "marker-reset").await;
    let (email, id, _, recovery) = newcomer(&app, "caseworker").await;
    // A holder signs in: the newcomer now holds the team key.
    assert_eq!(
        app.login_with(&new_client(), &admin, PASSWORD)
            .await
            .status(),
        303
    );
    let first_public = public_key(&app, id).unwrap();

    let path = reset_link(&app, id).await;
    let owner = new_client();
    let form = plain(
        &owner
            .get(app.url(&path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert!(form.contains("id=\"recovery_key\""), "the field is offered");

    // A wrong recovery key: nothing changes, the link still works.
    let wrong = RecoveryKey::generate().display().to_string();
    for typed in [wrong.as_str(), "not a recovery key"] {
        let res = use_link(&app, &owner, &path, "my second long passphrase", typed).await;
        assert_eq!(res.status(), 422);
        let page = plain(&res.text().await.unwrap());
        assert!(page.contains("does not open this account’s keys"), "{page}");
    }
    assert_eq!(
        owner.get(app.url(&path)).send().await.unwrap().status(),
        200
    );
    assert_eq!(public_key(&app, id).unwrap(), first_public);

    // The right one (typed in lower case, without dashes): keys kept.
    let typed = recovery.replace('-', "").to_lowercase();
    let res = use_link(&app, &owner, &path, "my second long passphrase", &typed).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers().get("location").unwrap(),
        "/staff/login?password_set=kept"
    );
    assert_eq!(public_key(&app, id).unwrap(), first_public, "same key pair");
    let login = new_client()
        .get(app.url("/staff/login?password_set=kept"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let login = plain(&login);
    assert!(login.contains("your access is unchanged"));
    let them = new_client();
    assert_eq!(
        app.login_with(&them, &email, "my second long passphrase")
            .await
            .status(),
        303
    );
    assert_opens(&app, &them, &reference, "marker-reset").await;

    // Without it: a new key pair, its grants gone, a new recovery key.
    let path = reset_link(&app, id).await;
    let res = use_link(&app, &owner, &path, "my third long passphrase", "").await;
    assert_eq!(res.status(), 200);
    let html = plain(&res.text().await.unwrap());
    let new_recovery = recovery_key_of(&html);
    assert_ne!(new_recovery, recovery);
    assert!(html.contains("grants you access again"), "{html}");
    assert!(html.contains("href=\"/staff/login?password_set=replaced\""));
    assert_ne!(
        public_key(&app, id).unwrap(),
        first_public,
        "a new key pair"
    );
    assert!(grants_of(&app, id).is_empty(), "its grants are revoked");
    let them = new_client();
    assert_eq!(
        app.login_with(&them, &email, "my third long passphrase")
            .await
            .status(),
        303
    );
    assert_closed(&app, &them, &reference, "marker-reset").await;
    assert_eq!(
        app.login_with(&new_client(), &admin, PASSWORD)
            .await
            .status(),
        303
    );
    assert_opens(&app, &them, &reference, "marker-reset").await;
}

/// Property 5, changing a password: the private key is sealed again under
/// the new one; other sessions end, this one goes on with its keys.
#[tokio::test]
async fn changing_the_password_keeps_the_keys() {
    let app = spawn_app().await;
    let caseworker = app.create_user("caseworker", None);
    let reference = file(&app, "marker-change").await;
    let here = new_client();
    let elsewhere = new_client();
    for client in [&here, &elsewhere] {
        assert_eq!(
            app.login_with(client, &caseworker, PASSWORD).await.status(),
            303
        );
    }
    let new = "a brand new long passphrase";
    let res = change_password(&app, &here, "not my password at all", new, new).await;
    assert_eq!(res.status(), 422);
    assert!(plain(&res.text().await.unwrap()).contains("The current password is not right"));
    let res = change_password(&app, &here, PASSWORD, new, "something else entirely").await;
    assert_eq!(res.status(), 422);
    let res = change_password(&app, &here, PASSWORD, "short", "short").await;
    assert_eq!(res.status(), 422);
    let res = change_password(&app, &here, PASSWORD, new, new).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers().get("location").unwrap(),
        "/staff/account?done=password"
    );

    // This browser goes on, with its keys; the other session ended.
    assert_opens(&app, &here, &reference, "marker-change").await;
    let res = elsewhere.get(app.url("/staff/cases")).send().await.unwrap();
    assert_eq!(res.status(), 303, "the other session ended");
    let audited: i64 = haven::db::schema::audit_log::table
        .filter(haven::db::schema::audit_log::action.eq("user.password"))
        .filter(haven::db::schema::audit_log::detail.eq("change"))
        .count()
        .get_result(&mut app.db.connect())
        .unwrap();
    assert_eq!(audited, 1);

    assert_eq!(app.sign_out(&here).await.status(), 303);
    assert_eq!(
        app.login_with(&new_client(), &caseworker, PASSWORD)
            .await
            .status(),
        401,
        "the old password no longer signs in"
    );
    let again = new_client();
    assert_eq!(app.login_with(&again, &caseworker, new).await.status(), 303);
    assert_opens(&app, &again, &reference, "marker-change").await;
}

/// An account from before keys were held by people gets its key pair at
/// its first sign-in, and its recovery key is shown then, once; the Users
/// page says who waits, and that the team key is also under the master key
/// until everyone has signed in once.
#[tokio::test]
async fn a_first_sign_in_shows_the_recovery_key_and_the_users_page_says_who_waits() {
    let app = spawn_app().await;
    let legacy = app.create_legacy_user("caseworker", None);
    let reference = file(&app, "marker-legacy").await;
    app.login_as_admin().await;
    let legacy_id = app.user_id(&legacy);
    let users = app.get_text("/staff/admin/users").await;
    assert!(users.contains("id=\"keys-escrowed\""), "{users}");
    assert!(
        element_text(&users, &format!("keys-{legacy_id}"))
            .unwrap()
            .contains("Waiting for its first sign-in")
    );

    app.enrol_totp(&legacy);
    let them = new_client();
    let res = app.login_with(&them, &legacy, PASSWORD).await;
    assert_eq!(res.status(), 200, "the recovery key is shown");
    assert_eq!(res.headers().get("cache-control").unwrap(), "no-store");
    let html = res.text().await.unwrap();
    recovery_key_of(&html);
    assert!(html.contains("href=\"/staff\""), "Continue goes on");
    assert!(html.contains("data-print"), "a print button");
    // Signed in, and its first sign-in took the team key from escrow.
    assert_opens(&app, &them, &reference, "marker-legacy").await;
    let users = app.get_text("/staff/admin/users").await;
    assert!(!users.contains("id=\"keys-escrowed\""), "{users}");
    // Nothing of the key was logged.
    let key = recovery_key_of(&html);
    assert!(!captured_logs().contains(&key));
}

/// `haven user create` with a password enrols the key pair and prints its
/// recovery key, once.
#[tokio::test]
async fn an_account_made_with_a_password_gets_its_keys_at_its_owners_first_sign_in() {
    let app = spawn_app().await;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_haven"))
        .args([
            "user",
            "create",
            "--email",
            "cli-keys@example.org",
            "--role",
            "caseworker",
            "--password-stdin",
        ])
        .env("DATABASE_URL", &app.db.url)
        .env("HAVEN_MASTER_KEY_FILE", app.key_dir.join("master.key"))
        .env("HAVEN_DEV", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a sturdy long passphrase\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Whoever ran the command (root on the server) never sees a recovery
    // key: the key pair is made at the owner's first sign-in.
    assert!(!stdout.contains("recovery key (shown"), "{stdout}");
    let id = app.user_id("cli-keys@example.org");
    let account = haven::db::people_keys::account(&mut app.db.connect(), id)
        .unwrap()
        .unwrap();
    assert!(account.public_key.is_none(), "no key pair yet");
    app.enrol_totp("cli-keys@example.org");
    let client = new_client();
    let res = app
        .login_with(&client, "cli-keys@example.org", "a sturdy long passphrase")
        .await;
    assert_eq!(res.status(), 200, "the recovery key page");
    let recovery = RecoveryKey::parse(&recovery_key_of(&res.text().await.unwrap())).unwrap();
    let account = haven::db::people_keys::account(&mut app.db.connect(), id)
        .unwrap()
        .unwrap();
    let opened = haven::custody::accounts::recover(&account, &recovery).expect("it opens the key");
    assert_eq!(Some(opened.public().to_bytes()), account.public_key);
}

/// Claim (README, Escrow): when no one can open the team key any more, the
/// next report is sealed to a new key instead of the lost one.
#[tokio::test]
async fn a_key_no_one_holds_any_more_gets_no_new_report() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let before = file(&app, "BEFORE-THE-RESET").await;
    let mut conn = app.db.connect();
    let user = haven::db::users::find_by_email(&mut conn, &email)
        .unwrap()
        .unwrap();
    let old_key = haven::db::people_keys::current(&mut conn, None)
        .unwrap()
        .expect("the team key")
        .id;
    // The only holder resets their password without the recovery key: a
    // new key pair, and no grant of the old team key any more.
    let (hash, seed) = haven::crypto::hash_split_blocking(PASSWORD);
    app.state
        .db
        .run_blocking(|conn| {
            haven::db::users::set_password(conn, user.id, &hash)?;
            haven::custody::accounts::enrol(conn, user.id, &seed).map(|_| ())
        })
        .unwrap();
    let after = file(&app, "AFTER-THE-RESET").await;
    let case = haven::db::cases::find_by_reference(&mut conn, &after)
        .unwrap()
        .unwrap();
    let sealed_to = haven::db::people_keys::case_keys(&mut conn, case.id)
        .unwrap()
        .unwrap()
        .team_key_id;
    assert_ne!(sealed_to, old_key, "not sealed to the key no one holds");
    let old = haven::db::people_keys::find(&mut conn, old_key)
        .unwrap()
        .unwrap();
    assert!(old.retired_at.is_some(), "the lost key is retired");
    let client = new_client();
    app.login_with(&client, &email, PASSWORD).await;
    assert_opens(&app, &client, &after, "AFTER-THE-RESET").await;
    assert_closed(&app, &client, &before, "BEFORE-THE-RESET").await;
}

/// Claims (README, Joining, leaving, forgetting): wrong current passwords
/// on the password change count against the account as at sign-in, and a
/// change voids any reset link still unused.
#[tokio::test]
async fn a_password_change_is_throttled_and_voids_unused_reset_links() {
    let app = spawn_app().await;
    let caseworker = app.create_user("caseworker", None);
    let admin = app.create_user("admin", None);
    let link = haven::accounts::users::send_reset(
        &app.state,
        app.user_id(&admin),
        app.user_id(&caseworker),
    )
    .await
    .unwrap();
    let link_path = link[link.find("/staff/password/").unwrap()..].to_string();
    let client = new_client();
    app.login_with(&client, &caseworker, PASSWORD).await;
    let new = "a brand new long passphrase";
    let res = change_password(&app, &client, PASSWORD, new, new).await;
    assert_eq!(res.status(), 303);
    let res = client.get(app.url(&link_path)).send().await.unwrap();
    assert_eq!(res.status(), 410, "the reset link mailed earlier is void");

    let free = haven::auth::throttle::FREE_FAILURES_PER_ACCOUNT as usize;
    let mut statuses = Vec::new();
    for _ in 0..free + 2 {
        let res = change_password(&app, &client, "not my password at all", new, new).await;
        statuses.push(res.status().as_u16());
    }
    assert!(
        statuses[..free].iter().all(|s| *s == 422),
        "wrong, and said so: {statuses:?}"
    );
    assert_eq!(*statuses.last().unwrap(), 429, "then held: {statuses:?}");
    // Held for the right password too, without a hash.
    let res = change_password(
        &app,
        &client,
        new,
        "another new passphrase",
        "another new passphrase",
    )
    .await;
    assert_eq!(res.status(), 429);
}
