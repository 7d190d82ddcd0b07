//! Passkeys as a second factor: adding one, signing in with it after the
//! password, and every way an answer must be refused — a challenge that
//! expired or was already answered, an answer replayed, made for another
//! origin or relying party, by another account's key, or by a cloned key
//! whose counter went back. A software authenticator answers (see
//! `authenticator.rs`); the browser tests use Chromium's virtual one.

use diesel::prelude::*;

use crate::authenticator::SoftKey;
use crate::helpers::*;

async fn passkey_app() -> TestApp {
    spawn_app_with(Options {
        localhost_base_url: true,
        ..Options::default()
    })
    .await
}

async fn passkey_app_with(env: Vec<(&'static str, String)>) -> TestApp {
    spawn_app_with(Options {
        localhost_base_url: true,
        env,
        ..Options::default()
    })
    .await
}

/// Haven's origin as browsers see it (`HAVEN_BASE_URL`).
fn origin(app: &TestApp) -> String {
    app.state.config.base_url.clone()
}

/// The WebAuthn options a page carries for its passkey button.
fn data_options(html: &str) -> String {
    let marker = "data-options=\"";
    let start = html.find(marker).expect("the page asks for a passkey") + marker.len();
    unescape(html[start..].split('"').next().unwrap())
}

/// A signed-in account of `role` (enrolled in the authenticator app, as
/// the test accounts are): its client and email.
async fn signed_in(app: &TestApp, role: &str) -> (reqwest::Client, String) {
    let client = new_client();
    let email = app.create_user(role, None);
    let res = app.login_with(&client, &email, PASSWORD).await;
    assert_eq!(res.status(), 303, "signed in");
    (client, email)
}

/// Adds `key` under `name` as `email`, signed in with `client` (with the
/// password and, if the account has one, a code from its app): the final
/// answer.
async fn add_passkey(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    name: &str,
    key: &mut SoftKey,
) -> reqwest::Response {
    let code = app.fresh_totp(email);
    let res = begin_adding(app, client, name, PASSWORD, &code).await;
    assert_eq!(res.status(), 200, "the page that makes the passkey");
    let page = res.text().await.unwrap();
    let answer = key.create(&data_options(&page), &origin(app));
    on_two_factor_page(
        app,
        client,
        "/staff/account/passkeys",
        &[("passkey", answer.as_str())],
    )
    .await
}

/// Asks to add a passkey named `name`, with the password and code given.
async fn begin_adding(
    app: &TestApp,
    client: &reqwest::Client,
    name: &str,
    password: &str,
    code: &str,
) -> reqwest::Response {
    on_two_factor_page(
        app,
        client,
        "/staff/account/passkeys/new",
        &[("name", name), ("password", password), ("code", code)],
    )
    .await
}

/// Posts a form of the two-factor page (which people who must enrol can
/// reach) with the session's form token.
async fn on_two_factor_page(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    post_with_token_of(app, client, "/staff/account/totp", path, fields).await
}

/// The password step of a sign-in with an empty code field.
async fn password_step(app: &TestApp, client: &reqwest::Client, email: &str) -> reqwest::Response {
    app.login_full(client, email, PASSWORD, "").await
}

/// The second step's page.
async fn verify_page(app: &TestApp, client: &reqwest::Client) -> reqwest::Response {
    client
        .get(app.url("/staff/login/verify"))
        .send()
        .await
        .unwrap()
}

/// Sends a passkey's answer (or a code, when `passkey` is empty) to the
/// second step.
async fn answer(
    app: &TestApp,
    client: &reqwest::Client,
    passkey: &str,
    code: &str,
) -> reqwest::Response {
    post_with_token_of(
        app,
        client,
        "/staff/login",
        "/staff/login/verify",
        &[("passkey", passkey), ("totp", code), ("next", "")],
    )
    .await
}

/// The password step, then the second step's passkey options.
async fn options_after_password(app: &TestApp, client: &reqwest::Client, email: &str) -> String {
    password_step(app, client, email).await;
    data_options(&verify_page(app, client).await.text().await.unwrap())
}

/// A whole sign-in with `key` at Haven's origin: the final answer.
async fn sign_in_with(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    key: &mut SoftKey,
) -> reqwest::Response {
    let options = options_after_password(app, client, email).await;
    answer(app, client, &key.get(&options, &origin(app)), "").await
}

/// A page's HTML, as the person signed in with `client` sees it.
async fn page_of(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    client
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The id of the first passkey stored.
fn first_passkey(app: &TestApp) -> i64 {
    let mut conn = app.db.connect();
    haven::db::schema::passkeys::table
        .select(haven::db::schema::passkeys::id)
        .order(haven::db::schema::passkeys::id.asc())
        .first(&mut conn)
        .unwrap()
}

async fn is_signed_in(app: &TestApp, client: &reqwest::Client) -> bool {
    client
        .get(app.url("/staff/account"))
        .send()
        .await
        .unwrap()
        .status()
        == 200
}

fn audit_details(app: &TestApp, action: &str) -> Vec<String> {
    let mut conn = app.db.connect();
    haven::db::schema::audit_log::table
        .filter(haven::db::schema::audit_log::action.eq(action))
        .order(haven::db::schema::audit_log::id.asc())
        .select(haven::db::schema::audit_log::detail)
        .load::<String>(&mut conn)
        .unwrap()
}

/// A person with a passkey, signed out: their email and key.
async fn with_passkey(app: &TestApp, role: &str) -> (String, SoftKey) {
    let (client, email) = signed_in(app, role).await;
    let mut key = SoftKey::new();
    let res = add_passkey(app, &client, &email, "Blue key", &mut key).await;
    assert_eq!(res.status(), 303, "passkey added");
    app.sign_out(&client).await;
    (email, key)
}

#[tokio::test]
async fn a_passkey_is_added_named_listed_and_signs_in_after_the_password() {
    let app = passkey_app().await;
    let (client, email) = signed_in(&app, "caseworker").await;
    let mut key = SoftKey::new();
    let res = add_passkey(&app, &client, &email, "  Blue\tsecurity key ", &mut key).await;
    assert_eq!(res.status(), 303);
    let page = page_of(&app, &client, "/staff/account/totp?done=passkey-added").await;
    assert!(page.contains("Your passkey is added"), "{page}");
    assert!(page.contains("Blue security key"), "named, spaces tidied");
    assert!(page.contains("Not used yet"));
    let account = page_of(&app, &client, "/staff/account").await;
    assert_eq!(
        element_text(&account, "own-factors").unwrap(),
        "One passkey · Authenticator app —"
    );
    app.sign_out(&client).await;

    // The password, then the passkey.
    let res = password_step(&app, &client, &email).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"].to_str().unwrap(),
        "/staff/login/verify"
    );
    assert!(!is_signed_in(&app, &client).await, "not yet");
    let page = verify_page(&app, &client).await.text().await.unwrap();
    assert!(page.contains("Use my passkey"));
    let options = data_options(&page);
    let parsed: serde_json::Value = serde_json::from_str(&options).unwrap();
    assert_eq!(
        parsed["publicKey"]["rpId"], "localhost",
        "from HAVEN_BASE_URL"
    );
    assert_eq!(parsed["publicKey"]["userVerification"], "required");
    let res = answer(&app, &client, &key.get(&options, &origin(&app)), "").await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    assert!(is_signed_in(&app, &client).await);
    let page = page_of(&app, &client, "/staff/account/totp").await;
    assert!(!page.contains("Not used yet"), "its last use is shown");
    assert!(audit_details(&app, "user.passkey")[0].starts_with("added "));
    assert_eq!(
        audit_details(&app, "user.signin").last().unwrap(),
        "with passkey"
    );
}

#[tokio::test]
async fn a_passkey_needs_a_name_of_sixty_characters_at_most() {
    let app = passkey_app().await;
    let (client, email) = signed_in(&app, "caseworker").await;
    for (name, message) in [
        (" \t", "Give the passkey a name."),
        (&"k".repeat(61)[..], "Use a name of 60 characters or fewer."),
    ] {
        let res = begin_adding(&app, &client, name, PASSWORD, &app.fresh_totp(&email)).await;
        assert_eq!(res.status(), 422);
        let page = res.text().await.unwrap();
        assert!(page.contains(message), "{page}");
        assert!(page.contains("aria-invalid=\"true\""));
    }
    let mut conn = app.db.connect();
    let n: i64 = haven::db::schema::passkey_challenges::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(n, 0, "no challenge stored for a refused name");
}

#[tokio::test]
async fn the_same_authenticator_is_added_once() {
    let app = passkey_app().await;
    let (client, email) = signed_in(&app, "caseworker").await;
    let mut key = SoftKey::new();
    assert_eq!(
        add_passkey(&app, &client, &email, "One", &mut key)
            .await
            .status(),
        303
    );
    let res = add_passkey(&app, &client, &email, "Again", &mut key).await;
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("already added"));
}

#[tokio::test]
async fn a_passkey_answers_its_own_challenge_once() {
    let app = passkey_app().await;
    let (email, mut key) = with_passkey(&app, "caseworker").await;
    let client = new_client();

    // An answer that signed in once does not sign in again: a new sign-in
    // has a new challenge.
    let options = options_after_password(&app, &client, &email).await;
    let first = key.get(&options, &origin(&app));
    assert_eq!(answer(&app, &client, &first, "").await.status(), 303);
    app.sign_out(&client).await;
    let replay = new_client();
    password_step(&app, &replay, &email).await;
    verify_page(&app, &replay).await;
    let res = answer(&app, &replay, &first, "").await;
    assert_eq!(res.status(), 409, "not its challenge: asked again");
    assert!(!is_signed_in(&app, &replay).await);

    // A challenge is taken by the first answer, right or wrong: a right
    // answer to it after a wrong one is refused (the page that said so
    // asked again, with a new challenge).
    let client = new_client();
    let options = options_after_password(&app, &client, &email).await;
    let good = key.get(&options, &origin(&app));
    let mut stranger = SoftKey::new();
    stranger.credential_id = key.credential_id.clone();
    let forged = stranger.get(&options, &origin(&app));
    let res = answer(&app, &client, &forged, "").await;
    assert_eq!(res.status(), 401);
    let again = data_options(&res.text().await.unwrap());
    assert_ne!(again, options, "a new challenge");
    let res = answer(&app, &client, &good, "").await;
    assert_eq!(
        res.status(),
        409,
        "asked again: it answers a replaced challenge"
    );
    assert!(!is_signed_in(&app, &client).await);

    // An answer when no challenge waits (none was asked for, or it was
    // taken): asked to press the button again, not counted as wrong.
    let client = new_client();
    password_step(&app, &client, &email).await;
    let res = answer(&app, &client, &good, "").await;
    assert_eq!(res.status(), 409);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("timed out or was already used")
    );
    assert!(!is_signed_in(&app, &client).await);
}

#[tokio::test]
async fn a_waiting_sign_in_and_its_challenge_expire() {
    let app = passkey_app().await;
    let (email, mut key) = with_passkey(&app, "caseworker").await;
    let client = new_client();
    let options = options_after_password(&app, &client, &email).await;
    // Five minutes later.
    let mut conn = app.db.connect();
    diesel::sql_query("UPDATE sign_in_steps SET expires_at = now() - interval '1 second'")
        .execute(&mut conn)
        .unwrap();
    let res = answer(&app, &client, &key.get(&options, &origin(&app)), "").await;
    assert_eq!(res.status(), 401);
    let page = res.text().await.unwrap();
    assert!(page.contains("Your sign-in timed out or ended"), "{page}");
    assert!(page.contains("name=\"password\""), "back to the password");
    assert!(!is_signed_in(&app, &client).await);

    // Adding a passkey: the challenge kept for the session expires too.
    let (client, email) = signed_in(&app, "caseworker").await;
    let res = begin_adding(&app, &client, "Late", PASSWORD, &app.fresh_totp(&email)).await;
    let options = data_options(&res.text().await.unwrap());
    diesel::sql_query("UPDATE passkey_challenges SET expires_at = now() - interval '1 second'")
        .execute(&mut conn)
        .unwrap();
    let late = SoftKey::new().create(&options, &origin(&app));
    let res = on_two_factor_page(
        &app,
        &client,
        "/staff/account/passkeys",
        &[("passkey", &late)],
    )
    .await;
    assert_eq!(res.status(), 409);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("timed out or was already used")
    );
    let n: i64 = haven::db::schema::passkeys::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(n, 1, "only the first person's passkey");
}

#[tokio::test]
async fn answers_for_another_origin_or_relying_party_are_refused() {
    let app = passkey_app().await;
    let (email, mut key) = with_passkey(&app, "caseworker").await;
    // A phishing page relays Haven's challenge: the browser says where the
    // page really was, and signs for its relying party.
    for (origin, rp_id) in [
        ("https://haven-support.example", "localhost"),
        ("http://localhost:1", "localhost"),
        ("https://haven-support.example", "haven-support.example"),
    ] {
        let client = new_client();
        let options = options_after_password(&app, &client, &email).await;
        let res = answer(&app, &client, &key.get_for(&options, origin, rp_id), "").await;
        assert_eq!(res.status(), 401, "{origin} {rp_id}");
        assert!(!is_signed_in(&app, &client).await);
    }
    // Registration too.
    let (client, email) = signed_in(&app, "caseworker").await;
    let res = begin_adding(&app, &client, "Phished", PASSWORD, &app.fresh_totp(&email)).await;
    let options = data_options(&res.text().await.unwrap());
    let answer = SoftKey::new().create(&options, "https://haven-support.example");
    let res = post_as(
        &app,
        &client,
        "/staff/account/passkeys",
        &[("passkey", &answer)],
    )
    .await;
    assert_eq!(res.status(), 422);
}

#[tokio::test]
async fn another_accounts_passkey_does_not_sign_in() {
    let app = passkey_app().await;
    let (alice, _) = with_passkey(&app, "caseworker").await;
    let (_, mut bobs) = with_passkey(&app, "caseworker").await;
    let client = new_client();
    let options = options_after_password(&app, &client, &alice).await;
    let res = answer(&app, &client, &bobs.get(&options, &origin(&app)), "").await;
    assert_eq!(res.status(), 401);
    assert!(!is_signed_in(&app, &client).await);
}

#[tokio::test]
async fn a_counter_that_goes_back_is_refused_and_audited() {
    let app = passkey_app().await;
    let (email, mut key) = with_passkey(&app, "caseworker").await;
    key.counter = 10;
    let client = new_client();
    assert_eq!(
        sign_in_with(&app, &client, &email, &mut key).await.status(),
        303
    );
    app.sign_out(&client).await;

    // A clone of the key, behind the original's counter (7), or level
    // with it (10): refused, audited, and the passkey suspended (cleared
    // here between the two, as if its owner had added it again).
    let mut clone = key.clone_key();
    for counter in [7, 10] {
        clone.counter = counter;
        let client = new_client();
        let options = options_after_password(&app, &client, &email).await;
        let res = answer(&app, &client, &clone.get(&options, &origin(&app)), "").await;
        assert_eq!(res.status(), 401, "counter {counter} after 10");
        assert!(!is_signed_in(&app, &client).await);
        let mut conn = app.db.connect();
        let suspended: i64 = haven::db::schema::passkeys::table
            .filter(haven::db::schema::passkeys::suspended_at.is_not_null())
            .count()
            .get_result(&mut conn)
            .unwrap();
        assert_eq!(suspended, 1);
        diesel::sql_query("UPDATE passkeys SET suspended_at = NULL")
            .execute(&mut conn)
            .unwrap();
    }
    let refused: Vec<String> = audit_details(&app, "user.passkey")
        .into_iter()
        .filter(|d| d.starts_with("refused "))
        .collect();
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert!(refused[0].contains("counter"), "{refused:?}");
    assert!(refused[0].contains("suspended"), "{refused:?}");
    // The original, moving on, signs in.
    let client = new_client();
    let options = options_after_password(&app, &client, &email).await;
    let res = answer(&app, &client, &key.get(&options, &origin(&app)), "").await;
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn a_code_still_completes_the_second_step_and_five_wrong_ones_end_it() {
    let app = passkey_app().await;
    let (email, _) = with_passkey(&app, "caseworker").await;
    // The authenticator app, instead of the passkey.
    let client = new_client();
    password_step(&app, &client, &email).await;
    let res = answer(&app, &client, "", &app.fresh_totp(&email)).await;
    assert_eq!(res.status(), 303);
    assert!(is_signed_in(&app, &client).await);
    assert_eq!(
        audit_details(&app, "user.signin").last().unwrap(),
        "with authenticator app"
    );
    app.sign_out(&client).await;

    // Five wrong codes, and the password is asked again.
    let client = new_client();
    password_step(&app, &client, &email).await;
    for left in (1..=4).rev() {
        let res = answer(&app, &client, "", "000000").await;
        assert_eq!(res.status(), 401);
        let page = plain(&res.text().await.unwrap());
        let expected = if left == 1 {
            "one more try".to_string()
        } else {
            format!("{left} more tries")
        };
        assert!(page.contains(&expected), "{page}");
    }
    let res = answer(&app, &client, "", "000000").await;
    let page = res.text().await.unwrap();
    assert!(page.contains("Your sign-in timed out or ended"));
    let res = answer(&app, &client, "", &app.fresh_totp(&email)).await;
    assert_eq!(res.status(), 401, "the waiting sign-in is gone");
    assert!(!is_signed_in(&app, &client).await);
}

#[tokio::test]
async fn the_one_form_sign_in_of_the_contract_still_works() {
    let app = passkey_app().await;
    let (email, _) = with_passkey(&app, "caseworker").await;
    let client = new_client();
    let res = app
        .login_full(&client, &email, PASSWORD, &app.fresh_totp(&email))
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"].to_str().unwrap(), "/staff");
    // A wrong password with an empty code field is refused as before, and
    // no second step is offered.
    let client = new_client();
    let res = app
        .login_full(&client, &email, "wrong password here", "")
        .await;
    assert_eq!(res.status(), 401);
    let mut conn = app.db.connect();
    let waiting: i64 = haven::db::schema::sign_in_steps::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(waiting, 0);
}

#[tokio::test]
async fn removing_a_passkey_needs_the_password_and_a_second_factor() {
    let app = passkey_app().await;
    let (client, email) = signed_in(&app, "caseworker").await;
    let mut key = SoftKey::new();
    add_passkey(&app, &client, &email, "Old key", &mut key).await;
    let id = first_passkey(&app);
    let path = format!("/staff/account/passkeys/{id}/remove");
    let page = page_of(&app, &client, &path).await;
    assert!(page.contains("Old key"));
    let res = post_as(
        &app,
        &client,
        &path,
        &[
            ("password", "not the password"),
            ("code", &app.fresh_totp(&email)),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("password"));
    let res = post_as(
        &app,
        &client,
        &path,
        &[("password", PASSWORD), ("code", "000000")],
    )
    .await;
    assert_eq!(res.status(), 422);
    // With a passkey as the second factor.
    let page = page_of(&app, &client, &path).await;
    let confirm = key.get(&data_options(&page), &origin(&app));
    let res = post_as(
        &app,
        &client,
        &path,
        &[("password", PASSWORD), ("passkey", confirm.as_str())],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"].to_str().unwrap(),
        "/staff/account/totp?done=passkey-removed"
    );
    let details = audit_details(&app, "user.passkey");
    assert_eq!(details.last().unwrap(), &format!("removed {id}"));
    // Gone: it no longer signs in, and the second step asks for a code.
    app.sign_out(&client).await;
    let client = new_client();
    password_step(&app, &client, &email).await;
    let page = verify_page(&app, &client).await.text().await.unwrap();
    assert!(!page.contains("data-options"));
    assert!(page.contains("name=\"totp\""));
}

#[tokio::test]
async fn adding_and_removing_passkeys_never_touches_the_sealed_private_key() {
    let app = passkey_app().await;
    let (client, email) = signed_in(&app, "caseworker").await;
    let user_id = app.user_id(&email);
    let keys = |app: &TestApp| {
        let mut conn = app.db.connect();
        haven::db::schema::users::table
            .find(user_id)
            .select((
                haven::db::schema::users::public_key,
                haven::db::schema::users::sealed_key,
                haven::db::schema::users::recovery_key,
            ))
            .first::<(Option<Vec<u8>>, Option<Vec<u8>>, Option<Vec<u8>>)>(&mut conn)
            .unwrap()
    };
    let before = keys(&app);
    assert!(before.1.is_some(), "the account has a sealed private key");
    let mut key = SoftKey::new();
    add_passkey(&app, &client, &email, "Key", &mut key).await;
    assert_eq!(keys(&app), before);
    // Signing in with it opens the private key as the password does.
    app.sign_out(&client).await;
    let client = new_client();
    let options = options_after_password(&app, &client, &email).await;
    answer(&app, &client, &key.get(&options, &origin(&app)), "").await;
    let account = page_of(&app, &client, "/staff/account").await;
    assert!(!account.contains("id=\"keys-closed\""), "keys open");
    let id = first_passkey(&app);
    let path = format!("/staff/account/passkeys/{id}/remove");
    let res = post_as(
        &app,
        &client,
        &path,
        &[("password", PASSWORD), ("code", &app.fresh_totp(&email))],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(keys(&app), before);
}

#[tokio::test]
async fn admins_must_add_a_passkey_when_passkeys_are_required_of_them() {
    let app = passkey_app_with(vec![("HAVEN_REQUIRE_PASSKEY", "admins".into())]).await;
    let client = new_client();
    let email = app.create_user("admin", None);
    let res = app.login_with(&client, &email, PASSWORD).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"].to_str().unwrap(),
        "/staff/account/totp",
        "sent to add a passkey"
    );
    let res = client.get(app.url("/staff/cases")).send().await.unwrap();
    assert_eq!(res.status(), 303, "nothing else until then");
    let page = page_of(&app, &client, "/staff/account/totp").await;
    assert!(page.contains("Administrators must sign in with a passkey"));
    let mut key = SoftKey::new();
    let res = add_passkey(&app, &client, &email, "Admin key", &mut key).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        client
            .get(app.url("/staff/cases"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // The last passkey stays.
    let id = first_passkey(&app);
    let res = post_as(
        &app,
        &client,
        &format!("/staff/account/passkeys/{id}/remove"),
        &[("password", PASSWORD), ("code", &app.fresh_totp(&email))],
    )
    .await;
    assert_eq!(res.status(), 409);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("You must keep a passkey")
    );
    app.sign_out(&client).await;

    // Now a code from the app no longer signs the admin in, in one form or
    // in the second step; the passkey does.
    let client = new_client();
    let res = app
        .login_full(&client, &email, PASSWORD, &app.fresh_totp(&email))
        .await;
    assert_eq!(res.status(), 401);
    let res = password_step(&app, &client, &email).await;
    assert_eq!(res.status(), 303);
    let page = verify_page(&app, &client).await.text().await.unwrap();
    assert!(
        page.contains("Recovery code"),
        "only recovery codes besides"
    );
    let res = answer(&app, &client, "", &app.fresh_totp(&email)).await;
    assert_eq!(res.status(), 401);
    let options = data_options(&verify_page(&app, &client).await.text().await.unwrap());
    let res = answer(&app, &client, &key.get(&options, &origin(&app)), "").await;
    assert_eq!(res.status(), 303);
    // Caseworkers are not held to it.
    let (_, _) = signed_in(&app, "caseworker").await;
}

#[tokio::test]
async fn a_first_passkey_without_an_app_comes_with_recovery_codes() {
    let app = passkey_app_with(vec![("HAVEN_REQUIRE_2FA", "admins".into())]).await;
    let client = new_client();
    let email = app.create_user_without_totp("caseworker", None);
    assert_eq!(
        app.login_full(&client, &email, PASSWORD, "").await.status(),
        303
    );
    let mut key = SoftKey::new();
    let res = add_passkey(&app, &client, &email, "Only key", &mut key).await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("id=\"recovery-codes\""), "shown once");
    let code = unescape(
        page.split("<li><code>")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap(),
    );
    app.sign_out(&client).await;
    // The passkey, or a recovery code, completes a sign-in now.
    let client = new_client();
    assert_eq!(password_step(&app, &client, &email).await.status(), 303);
    let res = answer(&app, &client, "", &code).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        audit_details(&app, "user.signin").last().unwrap(),
        "with recovery code"
    );
}

#[tokio::test]
async fn the_admin_list_and_page_show_each_persons_factors() {
    let app = passkey_app().await;
    let (email, _) = with_passkey(&app, "caseworker").await;
    let id = app.user_id(&email);
    let admin = new_client();
    app.login_as_admin_with(&admin).await;
    let list = admin
        .get(app.url("/staff/admin/users"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        element_text(&list, &format!("factors-{id}")).unwrap(),
        "One passkey · Authenticator app"
    );
    let page = admin
        .get(app.url(&format!("/staff/admin/users/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        element_text(&page, "factors").unwrap(),
        "One passkey · Authenticator app"
    );
}

#[test]
fn passkeys_need_a_domain_name_when_they_are_required() {
    let lookup = |base: &'static str, rule: &'static str| {
        move |k: &str| match k {
            "HAVEN_BASE_URL" => Some(base.to_string()),
            "HAVEN_REQUIRE_PASSKEY" => Some(rule.to_string()),
            "HAVEN_DEV" => Some("1".to_string()),
            _ => None,
        }
    };
    let rp = |base, rule| {
        let config = haven::config::Config::from_lookup(lookup(base, rule)).unwrap();
        haven::auth::passkeys::relying_party(&config)
    };
    // At an IP address, passkeys are off; Haven refuses to start if they
    // are required there.
    assert!(rp("http://127.0.0.1:8080", "none").unwrap().is_none());
    let refused = rp("http://127.0.0.1:8080", "admins")
        .unwrap_err()
        .to_string();
    assert!(refused.contains("HAVEN_REQUIRE_PASSKEY"), "{refused}");
    assert!(rp("https://haven.example.org", "admins").unwrap().is_some());
    // Plain HTTP is a secure context on localhost only.
    assert!(rp("http://haven.example.org", "none").unwrap().is_none());
    assert!(rp("http://haven.example.org", "all").is_err());
    assert!(rp("http://localhost:8080", "all").unwrap().is_some());
}

#[tokio::test]
async fn a_session_alone_cannot_add_a_passkey() {
    let app = passkey_app().await;
    let (client, email) = signed_in(&app, "caseworker").await;
    // No password, a wrong one, or no second factor: no challenge is made.
    for (password, code, status) in [
        ("", app.fresh_totp(&email), 422),
        ("not the password at all", app.fresh_totp(&email), 422),
        (PASSWORD, String::new(), 422),
        (PASSWORD, "000000".to_string(), 422),
    ] {
        let res = begin_adding(&app, &client, "Thief's key", password, &code).await;
        assert_eq!(res.status(), status, "{password:?} {code:?}");
        let page = res.text().await.unwrap();
        assert!(page.contains("Thief&#39;s key"), "the name typed is kept");
    }
    let mut conn = app.db.connect();
    let challenges: i64 = haven::db::schema::passkey_challenges::table
        .filter(haven::db::schema::passkey_challenges::purpose.eq("add"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(challenges, 0);
    // Wrong passwords and codes count against the account as at sign-in:
    // after the free ones, even the right pair waits.
    for _ in 0..3 {
        begin_adding(&app, &client, "Thief's key", PASSWORD, "000000").await;
    }
    let res = begin_adding(&app, &client, "Key", PASSWORD, &app.fresh_totp(&email)).await;
    assert_eq!(res.status(), 429, "held back");
}

#[tokio::test]
async fn second_factor_changes_are_mailed_to_their_owner_and_audited() {
    let app = passkey_app().await;
    let (client, email) = signed_in(&app, "caseworker").await;
    let mails = |app: &TestApp| {
        let mut conn = app.db.connect();
        haven::db::schema::outbox::table
            .filter(haven::db::schema::outbox::template.eq("second_factor_changed"))
            .filter(haven::db::schema::outbox::recipient.eq(&email))
            .count()
            .get_result::<i64>(&mut conn)
            .unwrap()
    };
    let mut key = SoftKey::new();
    add_passkey(&app, &client, &email, "Key", &mut key).await;
    assert_eq!(mails(&app), 1, "added");
    let res = post_as(
        &app,
        &client,
        "/staff/account/totp/recovery",
        &[("code", &app.fresh_totp(&email))],
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(mails(&app), 2, "new recovery codes");
    assert_eq!(
        audit_details(&app, "user.recovery_codes").last().unwrap(),
        "made"
    );
    let id = first_passkey(&app);
    post_as(
        &app,
        &client,
        &format!("/staff/account/passkeys/{id}/remove"),
        &[("password", PASSWORD), ("code", &app.fresh_totp(&email))],
    )
    .await;
    assert_eq!(mails(&app), 3, "removed");
    // The email says nothing of which passkey, nor anything else.
    app.deliver_mail();
    let sent = app.mail_files().join("\n");
    assert!(sent.contains("Your second factors in Haven changed"));
    assert!(!sent.contains("Key"), "no passkey name");
}

#[tokio::test]
async fn removing_a_passkey_ends_the_persons_other_sessions() {
    let app = passkey_app().await;
    let (client, email) = signed_in(&app, "caseworker").await;
    let other = new_client();
    app.login_with(&other, &email, PASSWORD).await;
    assert!(is_signed_in(&app, &other).await);
    let mut key = SoftKey::new();
    add_passkey(&app, &client, &email, "Key", &mut key).await;
    let id = first_passkey(&app);
    let res = post_as(
        &app,
        &client,
        &format!("/staff/account/passkeys/{id}/remove"),
        &[("password", PASSWORD), ("code", &app.fresh_totp(&email))],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert!(is_signed_in(&app, &client).await, "this one stays");
    assert!(!is_signed_in(&app, &other).await, "the other ends");
}

#[tokio::test]
async fn tries_sent_at_once_do_not_outnumber_the_limit() {
    let app = passkey_app().await;
    let (email, _) = with_passkey(&app, "caseworker").await;
    let client = new_client();
    password_step(&app, &client, &email).await;
    // The form token and cookie, sent twenty times at once.
    let page = page_of(&app, &client, "/staff/login").await;
    let token = csrf_token(&page);
    let sends = (0..20).map(|i| {
        let client = client.clone();
        let url = app.url("/staff/login/verify");
        let token = token.clone();
        async move {
            client
                .post(url)
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("totp", &format!("{:06}", i)),
                    ("passkey", ""),
                ])
                .send()
                .await
                .unwrap()
                .status()
        }
    });
    futures_util::future::join_all(sends).await;
    let refused = audit_details(&app, "user.signin")
        .into_iter()
        .filter(|d| d.starts_with("refused"))
        .count();
    assert!(refused <= 5, "{refused} codes were checked");
    let res = answer(&app, &client, "", &app.fresh_totp(&email)).await;
    assert_eq!(res.status(), 401, "no tries left, even for the right code");
}

#[tokio::test]
async fn a_person_has_one_waiting_sign_in_and_it_ends_with_a_new_password() {
    let app = passkey_app().await;
    let (email, _) = with_passkey(&app, "caseworker").await;
    let first = new_client();
    password_step(&app, &first, &email).await;
    let second = new_client();
    password_step(&app, &second, &email).await;
    let res = answer(&app, &first, "", &app.fresh_totp(&email)).await;
    assert_eq!(res.status(), 401, "the first was ended by the second");
    // A waiting sign-in ends when the password changes.
    let (owner, _) = (new_client(), ());
    app.login_with(&owner, &email, PASSWORD).await;
    let res = post_as(
        &app,
        &owner,
        "/staff/account/password",
        &[
            ("current", PASSWORD),
            ("password", "another long passphrase here"),
            ("confirm", "another long passphrase here"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let res = answer(&app, &second, "", &app.fresh_totp(&email)).await;
    assert_eq!(res.status(), 401, "ended by the password change");
    assert!(!is_signed_in(&app, &second).await);
}

#[tokio::test]
async fn a_cloned_passkey_is_suspended_and_shown_so() {
    let app = passkey_app().await;
    let (email, mut key) = with_passkey(&app, "caseworker").await;
    key.counter = 10;
    let client = new_client();
    assert_eq!(
        sign_in_with(&app, &client, &email, &mut key).await.status(),
        303
    );
    let page = page_of(&app, &client, "/staff/account/totp").await;
    assert!(!page.contains("may have been copied"));
    app.sign_out(&client).await;
    let mut clone = key.clone_key();
    clone.counter = 3;
    let client = new_client();
    let options = options_after_password(&app, &client, &email).await;
    answer(&app, &client, &clone.get(&options, &origin(&app)), "").await;
    // Suspended: even the original, moving on, no longer signs in; the
    // second step asks for a code, and the list says what happened.
    let page = verify_page(&app, &client).await.text().await.unwrap();
    assert!(!page.contains("data-options"), "no passkey to ask for");
    let res = answer(&app, &client, "", &app.fresh_totp(&email)).await;
    assert_eq!(res.status(), 303);
    let page = page_of(&app, &client, "/staff/account/totp").await;
    assert!(page.contains("may have been copied"), "{page}");
    let account = page_of(&app, &client, "/staff/account").await;
    assert_eq!(
        element_text(&account, "own-factors").unwrap(),
        "Authenticator app —",
        "a suspended passkey is no factor"
    );
}

#[tokio::test]
async fn at_an_ip_address_the_page_says_passkeys_cannot_be_used() {
    let app = spawn_app().await;
    let (client, _) = signed_in(&app, "caseworker").await;
    let page = page_of(&app, &client, "/staff/account/totp").await;
    assert!(page.contains("id=\"passkeys-unavailable\""));
    assert!(!page.contains("passkey-add-form"));
}

#[tokio::test]
async fn an_admin_removes_the_factors_of_someone_who_lost_them_all() {
    let app = passkey_app().await;
    let (email, _) = with_passkey(&app, "caseworker").await;
    let id = app.user_id(&email);
    let owner = new_client();
    app.login_with(&owner, &email, PASSWORD).await;
    let admin = new_client();
    let admin_email = app.login_as_admin_with(&admin).await;
    let path = format!("/staff/admin/users/{id}/factors");
    let res = post_as(&app, &admin, &path, &[]).await;
    assert_eq!(res.status(), 422, "the box must be ticked");
    assert!(res.text().await.unwrap().contains("Tick the box"));
    let res = post_as(&app, &admin, &path, &[("confirm", "yes")]).await;
    assert_eq!(res.status(), 303);
    let page = page_of(
        &app,
        &admin,
        &format!("/staff/admin/users/{id}?done=factors"),
    )
    .await;
    assert_eq!(element_text(&page, "factors").unwrap(), "None");
    assert!(!is_signed_in(&app, &owner).await, "their sessions ended");
    let mut conn = app.db.connect();
    let told: i64 = haven::db::schema::outbox::table
        .filter(haven::db::schema::outbox::template.eq("second_factor_changed"))
        .filter(haven::db::schema::outbox::recipient.eq(&email))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(told, 2, "told when the passkey was added, and now");
    assert_eq!(
        audit_details(&app, "user.factors_reset").last().unwrap(),
        "1 passkeys, app and recovery codes removed"
    );
    // The password alone, then straight to setting up a second factor.
    let client = new_client();
    let res = app.login_full(&client, &email, PASSWORD, "").await;
    assert_eq!(
        res.headers()["location"].to_str().unwrap(),
        "/staff/account/totp"
    );
    // Not one's own.
    let own = format!("/staff/admin/users/{}/factors", app.user_id(&admin_email));
    let res = post_as(&app, &admin, &own, &[("confirm", "yes")]).await;
    assert_eq!(res.status(), 409);
    // Caseworkers cannot.
    let (caseworker, _) = signed_in(&app, "caseworker").await;
    let res = post_as(&app, &caseworker, &path, &[("confirm", "yes")]).await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn backup_flags_anyone_can_claim_refuse_but_never_suspend() {
    let app = passkey_app().await;
    let (email, key) = with_passkey(&app, "caseworker").await;
    // Without the key: its credential id, any signature, and the flags
    // saying it is backed up without being eligible.
    let mut forger = SoftKey::new();
    forger.credential_id = key.credential_id.clone();
    forger.flags = 0x15;
    let client = new_client();
    let options = options_after_password(&app, &client, &email).await;
    let res = answer(&app, &client, &forger.get(&options, &origin(&app)), "").await;
    assert_eq!(res.status(), 401);
    let mut conn = app.db.connect();
    let suspended: i64 = haven::db::schema::passkeys::table
        .filter(haven::db::schema::passkeys::suspended_at.is_not_null())
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(suspended, 0, "not suspended on an unsigned claim");
    assert!(
        audit_details(&app, "user.passkey")
            .last()
            .unwrap()
            .contains("backed up"),
    );
}

#[tokio::test]
async fn a_stranger_holding_the_name_back_does_not_hold_the_owner_back() {
    let app = passkey_app().await;
    let (client, email) = signed_in(&app, "caseworker").await;
    let stranger = new_client();
    for _ in 0..8 {
        app.login_full(&stranger, &email, "a guessed password here", "")
            .await;
    }
    let mut key = SoftKey::new();
    let res = add_passkey(&app, &client, &email, "Key", &mut key).await;
    assert_eq!(res.status(), 303, "the owner adds a passkey all the same");
}

#[tokio::test]
async fn codes_sent_at_once_from_a_session_are_counted_before_they_are_checked() {
    let app = passkey_app().await;
    let (client, email) = signed_in(&app, "caseworker").await;
    let page = page_of(&app, &client, "/staff/account").await;
    let token = csrf_token(&page);
    let sends = (0..20).map(|i| {
        let client = client.clone();
        let url = app.url("/staff/account/totp/recovery");
        let token = token.clone();
        async move {
            client
                .post(url)
                .form(&[("csrf_token", token.as_str()), ("code", &format!("{i:06}"))])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    });
    let statuses = futures_util::future::join_all(sends).await;
    let checked = statuses.iter().filter(|s| **s == 422).count();
    assert!(checked <= 5, "{checked} codes were checked: {statuses:?}");
    let res = post_as(
        &app,
        &client,
        "/staff/account/totp/recovery",
        &[("code", &app.fresh_totp(&email))],
    )
    .await;
    assert_eq!(res.status(), 429, "held back, even for the right code");
}

#[tokio::test]
async fn the_app_is_set_up_with_the_password_and_a_passkey_when_there_is_one() {
    let app = passkey_app_with(vec![("HAVEN_REQUIRE_2FA", "admins".into())]).await;
    let client = new_client();
    let email = app.create_user_without_totp("caseworker", None);
    app.login_full(&client, &email, PASSWORD, "").await;
    let mut key = SoftKey::new();
    let res = add_passkey(&app, &client, &email, "Only key", &mut key).await;
    assert_eq!(res.status(), 200);
    // A session with the password alone cannot add the app beside it.
    let res = on_two_factor_page(
        &app,
        &client,
        "/staff/account/totp/start",
        &[("password", PASSWORD)],
    )
    .await;
    assert_eq!(res.status(), 422);
    // (The page's form token and passkey challenge, from one showing.)
    let page = page_of(&app, &client, "/staff/account/totp").await;
    let confirm = key.get(&data_options(&page), &origin(&app));
    let res = client
        .post(app.url("/staff/account/totp/start"))
        .form(&[
            ("csrf_token", csrf_token(&page).as_str()),
            ("password", PASSWORD),
            ("passkey", confirm.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let page = page_of(&app, &client, "/staff/account/totp").await;
    assert!(page.contains("id=\"totp-key\""), "the app's key is shown");
}

#[tokio::test]
async fn turning_the_app_off_beside_a_passkey_replaces_the_recovery_codes() {
    let app = passkey_app().await;
    let (client, email) = signed_in(&app, "caseworker").await;
    let other = new_client();
    app.login_with(&other, &email, PASSWORD).await;
    let mut key = SoftKey::new();
    add_passkey(&app, &client, &email, "Key", &mut key).await;
    assert!(
        !is_signed_in(&app, &other).await,
        "adding ended the other session"
    );
    let res = post_as(
        &app,
        &client,
        "/staff/account/totp/recovery",
        &[("code", &app.fresh_totp(&email))],
    )
    .await;
    let page = res.text().await.unwrap();
    let before = page
        .split("<li><code>")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_string();
    let res = post_as(
        &app,
        &client,
        "/staff/account/totp/disable",
        &[("code", &app.fresh_totp(&email))],
    )
    .await;
    assert_eq!(res.status(), 200, "new codes are shown");
    let page = res.text().await.unwrap();
    assert!(page.contains("id=\"recovery-codes\""));
    assert!(!page.contains(&before), "the old codes are gone");
    // An old code no longer signs in; the passkey does.
    app.sign_out(&client).await;
    let client = new_client();
    password_step(&app, &client, &email).await;
    let res = answer(&app, &client, "", &unescape(&before)).await;
    assert_eq!(res.status(), 401);
    assert_eq!(
        sign_in_with(&app, &client, &email, &mut key).await.status(),
        303
    );
}
