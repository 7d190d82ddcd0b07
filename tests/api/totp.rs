use crate::helpers::*;

#[tokio::test]
async fn a_caseworker_enrols_in_two_factor_sign_in_and_must_then_use_it() {
    let app = spawn_app().await;
    let email = app.create_user_without_totp("caseworker", None);
    assert_eq!(app.login(&email).await.status(), 303);
    let token = csrf_token(&app.get_text("/staff/account/totp").await);
    let res = app
        .post_form("/staff/account/totp/start", &[("csrf_token", &token)])
        .await;
    assert_eq!(res.status(), 422, "the password first");
    assert!(res.text().await.unwrap().contains("password"));
    let res = app
        .post_form(
            "/staff/account/totp/start",
            &[("csrf_token", &token), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = app.get_text("/staff/account/totp").await;
    assert!(page.contains("src=\"/staff/account/totp/qr.svg\""));
    let qr = app.get("/staff/account/totp/qr.svg").await;
    assert_eq!(qr.headers().get("content-type").unwrap(), "image/svg+xml");
    assert!(
        qr.text().await.unwrap().contains("<svg"),
        "drawn here, as SVG"
    );
    let key = element_text(&page, "totp-key").unwrap();
    let secret = base32_decode(&key);

    let res = app
        .post_form(
            "/staff/account/totp/confirm",
            &[("csrf_token", &token), ("code", "000000")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let code = totp_now(&secret);
    let res = app
        .post_form(
            "/staff/account/totp/confirm",
            &[("csrf_token", &token), ("code", &code)],
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    let codes_at = html.find("id=\"recovery-codes\"").unwrap();
    let codes: Vec<String> = html[codes_at..]
        .split("<code>")
        .skip(1)
        .take(10)
        .map(|s| s.split("</code>").next().unwrap().to_string())
        .collect();
    assert_eq!(codes.len(), 10);
    let mut conn = app.db.connect();
    let stored = haven::db::recovery_codes::unused(&mut conn, app.user_id(&email)).unwrap();
    assert!(
        stored.iter().all(|(_, h)| h.starts_with("$argon2id$")),
        "recovery codes are hashed"
    );
    assert!(
        !dump_reveals(&app.pg_dump(), &key),
        "the TOTP secret is sealed"
    );

    let client = new_client();
    let res = app.login_full(&client, &email, PASSWORD, "").await;
    assert_eq!(
        res.headers()["location"].to_str().unwrap(),
        "/staff/login/verify",
        "the code is now asked for in a second step"
    );
    assert_eq!(
        client
            .get(app.url("/staff/cases"))
            .send()
            .await
            .unwrap()
            .status(),
        303,
        "not signed in without it"
    );
    assert_eq!(
        app.login_full(&client, &email, PASSWORD, "123456")
            .await
            .status(),
        401
    );
    let next_step = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 30;
    let fresh = totp_at(&secret, next_step);
    assert_eq!(
        app.login_full(&client, &email, PASSWORD, &fresh)
            .await
            .status(),
        303
    );
    assert_eq!(
        app.login_full(&new_client(), &email, PASSWORD, &fresh)
            .await
            .status(),
        401,
        "a code works once"
    );

    let recovery = &codes[0];
    assert_eq!(
        app.login_full(&new_client(), &email, PASSWORD, recovery)
            .await
            .status(),
        303,
        "a recovery code works"
    );
    assert_eq!(
        app.login_full(&new_client(), &email, PASSWORD, recovery)
            .await
            .status(),
        401,
        "once"
    );
    assert_eq!(
        app.login_full(
            &new_client(),
            &email,
            PASSWORD,
            &codes[1].to_lowercase().replace('-', "")
        )
        .await
        .status(),
        303
    );
}

#[tokio::test]
async fn an_admin_cannot_turn_two_factor_sign_in_off() {
    let app = spawn_app().await;
    let email = app.login_as_admin().await;
    let mut conn = app.db.connect();
    let user = haven::db::users::find_by_email(&mut conn, &email)
        .unwrap()
        .unwrap();
    assert!(user.totp_enabled);
    let token = app.staff_csrf().await;
    let res = app
        .post_form(
            "/staff/account/totp/disable",
            &[("csrf_token", &token), ("code", "000000")],
        )
        .await;
    assert_eq!(res.status(), 409);
    assert!(
        plain(&res.text().await.unwrap())
            .contains("Administrators must keep two-factor sign-in on")
    );
    assert!(
        haven::db::users::find_by_email(&mut conn, &email)
            .unwrap()
            .unwrap()
            .totp_enabled
    );
}

fn base32_decode(s: &str) -> Vec<u8> {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut bits = 0u64;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.bytes().filter(|c| *c != b'=') {
        let v = alphabet
            .iter()
            .position(|a| *a == c.to_ascii_uppercase())
            .unwrap() as u64;
        bits = (bits << 5) | v;
        n += 5;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    out
}
