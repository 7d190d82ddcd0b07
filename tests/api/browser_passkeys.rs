//! Passkeys in a real Chromium, with its virtual authenticator (WebDriver's
//! WebAuthn extension): a caseworker adds a passkey, signs in with it after
//! the password, removes it confirming with it, and a different
//! authenticator does not sign them in (the code from their app does).
//! Screenshots of each page in English, Uyghur and Tibetan, at 360 and
//! 1280 pixels, go to target/screenshots/.

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, Locator};
use serde_json::json;

use crate::browser::{axe, browser, click, click_to_next_page, fill, shot, text_of, wait_for};
use crate::helpers::*;

/// A command of WebDriver's WebAuthn extension, under the session.
#[derive(Debug)]
struct WebAuthn {
    method: http::Method,
    path: String,
    body: Option<serde_json::Value>,
}

impl WebDriverCompatibleCommand for WebAuthn {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.expect("a WebDriver session");
        base_url.join(&format!("session/{session}/webauthn/{}", self.path))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            self.method.clone(),
            self.body.as_ref().map(|b| b.to_string()),
        )
    }
}

/// Plugs in a virtual security key (CTAP2 over USB, with a PIN that is
/// always given): its id.
async fn plug_in_key(b: &Client) -> String {
    let added = b
        .issue_cmd(WebAuthn {
            method: http::Method::POST,
            path: "authenticator".into(),
            body: Some(json!({
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": true,
                "hasUserVerification": true,
                "isUserConsenting": true,
                "isUserVerified": true,
            })),
        })
        .await
        .expect("a virtual authenticator");
    added.as_str().expect("its id").to_string()
}

async fn unplug_key(b: &Client, id: &str) {
    b.issue_cmd(WebAuthn {
        method: http::Method::DELETE,
        path: format!("authenticator/{id}"),
        body: None,
    })
    .await
    .expect("the virtual authenticator removed");
}

/// How many credentials the virtual authenticator holds.
async fn credentials_on(b: &Client, id: &str) -> usize {
    b.issue_cmd(WebAuthn {
        method: http::Method::GET,
        path: format!("authenticator/{id}/credentials"),
        body: None,
    })
    .await
    .unwrap()
    .as_array()
    .map_or(0, Vec::len)
}

/// Haven's address as the browser uses it (a domain name, as passkeys need).
fn at(app: &TestApp, path: &str) -> String {
    format!("{}{path}", app.state.config.base_url)
}

async fn sign_out(b: &Client) {
    click_to_next_page(b, "form[action^='/staff/logout'] button").await;
    wait_for(b, "input#password").await;
}

/// The password, with the code field left empty: lands on the second step.
async fn password_step(b: &Client, app: &TestApp, email: &str) {
    b.goto(&at(app, "/staff/login")).await.unwrap();
    fill(b, "email", email).await;
    fill(b, "password", PASSWORD).await;
    click_to_next_page(b, "form button[type=submit]").await;
    wait_for(b, "#verify-title").await;
}

/// Asks to add a passkey named `name` on the two-factor page: the password,
/// and a code from the app (the test accounts have one).
async fn ask_to_add(b: &Client, app: &TestApp, email: &str, name: &str) {
    fill(b, "passkey-name", name).await;
    fill(b, "passkey-add-password", PASSWORD).await;
    fill(b, "passkey-add-code", &app.fresh_totp(email)).await;
    click_to_next_page(b, "#passkey-add-submit").await;
}

/// The text of `#id` once the page's script has shown something there.
async fn shown_text(b: &Client, id: &str) -> String {
    for _ in 0..200 {
        let text = text_of(b, id).await;
        if !text.is_empty() {
            return text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("#{id} stayed empty");
}

async fn current_path(b: &Client) -> String {
    b.current_url().await.unwrap().path().to_string()
}

#[tokio::test]
async fn a_passkey_is_added_signs_in_is_removed_and_another_key_is_refused() {
    let app = spawn_app_with(Options {
        localhost_base_url: true,
        ..Options::default()
    })
    .await;
    let email = app.create_user("caseworker", None);
    let b = browser(true).await;
    b.set_window_size(1280, 900).await.unwrap();
    let key = plug_in_key(&b).await;

    // Signed in as before (password and app code), the caseworker adds a
    // passkey from Account → Two-factor sign-in.
    b.goto(&at(&app, "/staff/login")).await.unwrap();
    fill(&b, "email", &email).await;
    fill(&b, "password", PASSWORD).await;
    fill(&b, "totp", &app.fresh_totp(&email)).await;
    click_to_next_page(&b, "form button[type=submit]").await;
    b.goto(&at(&app, "/staff/account/totp")).await.unwrap();
    ask_to_add(&b, &app, &email, "Work laptop").await;
    assert_eq!(text_of(&b, "passkey-name-shown").await, "Work laptop");
    shot(&b, "passkey-add-1280-en").await;
    click_to_next_page(&b, "#passkey-button").await;
    assert!(
        text_of(&b, "two-factor-notice")
            .await
            .contains("Your passkey is added")
    );
    assert_eq!(credentials_on(&b, &key).await, 1);
    shot(&b, "passkey-list-1280-en").await;

    // The same key again: the browser refuses it, and the page says why.
    ask_to_add(&b, &app, &email, "Again").await;
    click(&b, "#passkey-button").await;
    let error = shown_text(&b, "passkey-error").await;
    assert!(error.contains("already added"), "{error}");
    assert_eq!(credentials_on(&b, &key).await, 1);

    // Signing in: the password, then the passkey.
    b.goto(&at(&app, "/staff/account")).await.unwrap();
    sign_out(&b).await;
    password_step(&b, &app, &email).await;
    assert_eq!(current_path(&b).await, "/staff/login/verify");
    shot(&b, "passkey-verify-1280-en").await;
    click_to_next_page(&b, "#passkey-button").await;
    wait_for(&b, "form[action^='/staff/logout']").await;
    assert_eq!(current_path(&b).await, "/staff/cases", "signed in");

    // Removing it, confirming with the password and the passkey itself.
    b.goto(&at(&app, "/staff/account/totp")).await.unwrap();
    click_to_next_page(&b, "#passkey-list a").await;
    assert_eq!(text_of(&b, "passkey-name-shown").await, "Work laptop");
    shot(&b, "passkey-remove-1280-en").await;
    fill(&b, "password", PASSWORD).await;
    click_to_next_page(&b, "#passkey-button").await;
    assert!(
        text_of(&b, "two-factor-notice")
            .await
            .contains("no longer signs you in")
    );
    wait_for(&b, "#passkeys-none").await;

    // Added again, then the key is lost: another key does not sign in,
    // and the app's code does.
    ask_to_add(&b, &app, &email, "Work laptop").await;
    click_to_next_page(&b, "#passkey-button").await;
    wait_for(&b, "#passkey-list").await;
    b.goto(&at(&app, "/staff/account")).await.unwrap();
    sign_out(&b).await;
    unplug_key(&b, &key).await;
    let other = plug_in_key(&b).await;
    password_step(&b, &app, &email).await;
    click(&b, "#passkey-button").await;
    let error = shown_text(&b, "passkey-error").await;
    assert!(error.contains("was not used"), "{error}");
    assert_eq!(current_path(&b).await, "/staff/login/verify");
    assert_eq!(credentials_on(&b, &other).await, 0);
    fill(&b, "totp", &app.fresh_totp(&email)).await;
    click_to_next_page(&b, "form:not(#passkey-form) button[type=submit]").await;
    wait_for(&b, "form[action^='/staff/logout']").await;
    assert_eq!(current_path(&b).await, "/staff/cases", "signed in");
}

/// Every page of passkeys, as its users see it: English, Uyghur and
/// Tibetan, on a phone and a desktop; axe finds nothing serious; nothing
/// scrolls sideways.
#[tokio::test]
async fn the_passkey_pages_read_well_in_three_languages_and_two_widths() {
    let app = spawn_app_with(Options {
        localhost_base_url: true,
        ..Options::default()
    })
    .await;
    let email = app.create_user("caseworker", None);
    let b = browser(true).await;
    plug_in_key(&b).await;
    b.goto(&at(&app, "/staff/login")).await.unwrap();
    fill(&b, "email", &email).await;
    fill(&b, "password", PASSWORD).await;
    fill(&b, "totp", &app.fresh_totp(&email)).await;
    click_to_next_page(&b, "form button[type=submit]").await;
    b.goto(&at(&app, "/staff/account/totp")).await.unwrap();
    ask_to_add(&b, &app, &email, "مەن ئىشلىتىدىغان بىخەتەرلىك ئاچقۇچى").await;
    click_to_next_page(&b, "#passkey-button").await;
    wait_for(&b, "#passkey-list").await;
    let id: String = b
        .find(Locator::Css("#passkey-list li"))
        .await
        .unwrap()
        .attr("id")
        .await
        .unwrap()
        .unwrap()
        .trim_start_matches("passkey-")
        .to_string();

    let mut problems = Vec::new();
    for (width, height) in [(360u32, 800u32), (1280, 900)] {
        b.set_window_size(width, height).await.unwrap();
        for lang in ["en", "ug", "bo"] {
            for (name, path) in [
                ("list", "/staff/account/totp".to_string()),
                ("remove", format!("/staff/account/passkeys/{id}/remove")),
            ] {
                b.goto(&at(&app, &format!("{path}?lang={lang}")))
                    .await
                    .unwrap();
                wait_for(&b, "h1").await;
                let wide: bool = b
                    .execute(
                        "return document.documentElement.scrollWidth > window.innerWidth;",
                        vec![],
                    )
                    .await
                    .unwrap()
                    .as_bool()
                    .unwrap();
                assert!(!wide, "{name} scrolls sideways at {width} in {lang}");
                problems.extend(
                    axe(&b)
                        .await
                        .into_iter()
                        .map(|p| format!("{name} {lang}: {p}")),
                );
                shot(&b, &format!("passkey-{name}-{width}-{lang}")).await;
            }
        }
    }
    // The second step, in a fresh browser for each language.
    for lang in ["en", "ug", "bo"] {
        let b = browser(true).await;
        b.set_window_size(360, 800).await.unwrap();
        password_step(&b, &app, &email).await;
        b.goto(&at(&app, &format!("/staff/login/verify?lang={lang}")))
            .await
            .unwrap();
        wait_for(&b, "#passkey-button").await;
        problems.extend(
            axe(&b)
                .await
                .into_iter()
                .map(|p| format!("verify {lang}: {p}")),
        );
        shot(&b, &format!("passkey-verify-360-{lang}")).await;
        b.set_window_size(1280, 900).await.unwrap();
        shot(&b, &format!("passkey-verify-1280-{lang}")).await;
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
