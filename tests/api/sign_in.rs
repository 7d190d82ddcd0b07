//! Sign-in behind a proxy, the same Argon2 work whatever the code field
//! holds, two-factor sign-in for every role, and sign-out.

use crate::helpers::*;

/// A client whose requests say, through a proxy, that they come from
/// `forwarded` (`X-Forwarded-For`, or `Forwarded` when `rfc7239`).
fn forwarded_client(forwarded: &str, rfc7239: bool) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    if rfc7239 {
        headers.insert(
            "forwarded",
            format!("for=\"{forwarded}\";proto=https").parse().unwrap(),
        );
    } else {
        headers.insert(
            "x-forwarded-for",
            format!("192.0.2.200, {forwarded}").parse().unwrap(),
        );
    }
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .default_headers(headers)
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_known_browser_with_the_right_password_gets_in_whatever_others_did_from_its_address() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let mine = new_client();
    assert_eq!(app.login_with(&mine, &email, PASSWORD).await.status(), 303);
    app.sign_out(&mine).await;

    // Thirty failures by others from the same address (a proxy, a Tor
    // exit): against the caseworker's name and against other names.
    for i in 0..30 {
        let name = if i % 3 == 0 {
            email.clone()
        } else {
            format!("guess{i}@example.org")
        };
        let res = app.login_with(&new_client(), &name, "attacker guess").await;
        assert!(matches!(res.status().as_u16(), 401 | 429), "{i}");
    }
    assert_eq!(
        app.login_with(&new_client(), &email, PASSWORD)
            .await
            .status(),
        429,
        "a stranger with the right password waits"
    );
    let res = app.login_with(&mine, &email, PASSWORD).await;
    assert_eq!(res.status(), 303, "the caseworker's own browser gets in");
    assert_eq!(
        mine.get(app.url("/staff/cases"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_is_throttled_on_its_own() {
    let app = spawn_app_with(Options {
        trusted_proxies: Some("127.0.0.1, ::1"),
        ..Default::default()
    })
    .await;
    let email = app.create_user("caseworker", None);
    let attacker = forwarded_client("203.0.113.77", false);
    for i in 0..20 {
        let res = app
            .login_with(&attacker, &format!("guess{i}@example.org"), "guess")
            .await;
        assert_eq!(res.status(), 401, "{i}");
    }
    assert_eq!(
        app.login_with(&attacker, &email, PASSWORD).await.status(),
        429,
        "the forwarded client that failed is held back"
    );
    let other = forwarded_client("198.51.100.78", false);
    assert_eq!(
        app.login_with(&other, &email, PASSWORD).await.status(),
        303,
        "another client behind the same proxy is not"
    );
    let third = forwarded_client("[2001:db8:77::9]:4711", true);
    assert_eq!(
        app.login_with(&third, &email, PASSWORD).await.status(),
        303,
        "nor one named in a Forwarded header"
    );

    // Read for throttling only: never written to the logs or the database.
    let logs = captured_logs();
    let dump = app.pg_dump();
    for address in ["203.0.113.77", "198.51.100.78", "2001:db8:77"] {
        assert!(!logs.contains(address), "{address} in the logs");
        assert!(!dump_reveals(&dump, address), "{address} in the database");
    }
}

#[tokio::test]
async fn a_forwarding_header_from_an_untrusted_peer_is_ignored() {
    let app = spawn_app_with(Options {
        trusted_proxies: Some("10.20.30.40"),
        ..Default::default()
    })
    .await;
    let email = app.create_user("caseworker", None);
    for i in 0..20 {
        let client = forwarded_client(&format!("203.0.113.{i}"), i % 2 == 0);
        let res = app
            .login_with(&client, &format!("guess{i}@example.org"), "guess")
            .await;
        assert_eq!(res.status(), 401, "{i}");
    }
    let client = forwarded_client("198.51.100.99", false);
    assert_eq!(
        app.login_with(&client, &email, PASSWORD).await.status(),
        429,
        "the peer is the source: the header it sent names no one"
    );
}

#[tokio::test]
async fn a_held_sign_in_costs_no_hash() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    for _ in 0..6 {
        app.login_with(&new_client(), &email, "wrong").await;
    }
    let before = app.state.hasher.verifications();
    let res = app.login_with(&new_client(), &email, PASSWORD).await;
    assert_eq!(res.status(), 429, "the name is held");
    assert_eq!(app.state.hasher.verifications(), before, "no hash");

    for i in 0..20 {
        app.login_with(&new_client(), &format!("g{i}@example.org"), "wrong")
            .await;
    }
    let before = app.state.hasher.verifications();
    let other = app.create_user("caseworker", None);
    let res = app.login_with(&new_client(), &other, PASSWORD).await;
    assert_eq!(res.status(), 429, "the source is held");
    assert_eq!(app.state.hasher.verifications(), before, "no hash");
}

/// Gives `email` ten recovery codes and returns them.
fn give_recovery_codes(app: &TestApp, email: &str) -> Vec<String> {
    let codes: Vec<String> = (0..10).map(|i| format!("R3C0V-3RY{i:02}")).collect();
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| haven::auth::totp::hash_recovery_code_blocking(c))
        .collect();
    let mut conn = app.db.connect();
    haven::db::recovery_codes::replace(&mut conn, app.user_id(email), &hashes).unwrap();
    codes
}

#[tokio::test]
async fn a_code_field_costs_the_same_argon2_work_after_a_right_or_wrong_password() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let codes = give_recovery_codes(&app, &email);
    let cost = |email: String, password: &'static str, code: String| {
        let app = &app;
        async move {
            let before = app.state.hasher.verifications();
            let res = app.login_full(&new_client(), &email, password, &code).await;
            (
                res.status().as_u16(),
                app.state.hasher.verifications() - before,
            )
        }
    };
    let shaped = "ABCDE-FGHJK".to_string();
    let wrong_password = cost(email.clone(), "not the password", shaped.clone()).await;
    let right_password = cost(email.clone(), PASSWORD, shaped.clone()).await;
    let unknown = cost("nobody@example.org".into(), PASSWORD, shaped.clone()).await;
    let right_code = cost(email.clone(), PASSWORD, codes[3].clone()).await;
    assert_eq!(
        (wrong_password.0, right_password.0, unknown.0, right_code.0),
        (401, 401, 401, 303)
    );
    assert_eq!(
        wrong_password.1, right_password.1,
        "wrong vs right password"
    );
    assert_eq!(wrong_password.1, unknown.1, "known vs unknown account");
    assert_eq!(wrong_password.1, right_code.1, "a wrong vs a right code");

    let six_digits = cost(email.clone(), "not the password", "123456".into()).await;
    let six_right = cost(email.clone(), PASSWORD, "123456".into()).await;
    assert_eq!(six_digits.1, six_right.1, "a six-digit code, either way");
}

/// Enrols the signed-in user of `client` through the pages, as a person
/// would; returns the secret.
async fn enrol_through_the_pages(app: &TestApp, client: &reqwest::Client) -> Vec<u8> {
    let get = |path: &str| client.get(app.url(path)).send();
    let page = plain(
        &get("/staff/account/totp")
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let token = csrf_token(&page);
    let res = client
        .post(app.url("/staff/account/totp/start"))
        .form(&[("csrf_token", token.as_str()), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let page = plain(
        &get("/staff/account/totp")
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let secret = base32(&element_text(&page, "totp-key").unwrap());
    let res = client
        .post(app.url("/staff/account/totp/confirm"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("code", totp_now(&secret).as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    secret
}

fn base32(s: &str) -> Vec<u8> {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let (mut bits, mut n, mut out) = (0u64, 0, Vec::new());
    for c in s.bytes().filter(|c| *c != b'=') {
        let v = alphabet.iter().position(|a| *a == c).unwrap() as u64;
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

#[tokio::test]
async fn by_default_every_role_enrols_in_two_factor_sign_in_before_anything_else() {
    let app = spawn_app().await;
    for (role, home) in [
        ("caseworker", "/staff/cases"),
        ("liaison", "/staff/referrals"),
    ] {
        let org = (role == "liaison").then_some("Group A");
        let email = app.create_user_without_totp(role, org);
        let client = new_client();
        let res = app.login_with(&client, &email, PASSWORD).await;
        assert_eq!(res.status(), 303, "{role}");
        assert_eq!(
            res.headers().get("location").unwrap(),
            "/staff/account/totp",
            "{role}: enrolment first"
        );
        let res = client.get(app.url(home)).send().await.unwrap();
        assert_eq!(res.status(), 303, "{role}");
        assert_eq!(
            res.headers().get("location").unwrap(),
            "/staff/account/totp",
            "{role}: nothing else is reachable"
        );
        enrol_through_the_pages(&app, &client).await;
        let res = client.get(app.url(home)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{role}: enrolled, at work");

        let page = client
            .get(app.url("/staff/account/totp"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let res = client
            .post(app.url("/staff/account/totp/disable"))
            .form(&[
                ("csrf_token", csrf_token(&page).as_str()),
                ("code", "000000"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409, "{role} cannot turn it off");
        assert!(
            plain(&res.text().await.unwrap()).contains("Two-factor sign-in is required"),
            "{role}"
        );
    }
}

#[tokio::test]
async fn with_admins_only_other_roles_may_sign_in_with_a_password_alone() {
    let app = spawn_app_with(Options {
        require_2fa: Some("admins"),
        ..Default::default()
    })
    .await;
    let email = app.create_user_without_totp("caseworker", None);
    let client = new_client();
    let res = app.login_with(&client, &email, PASSWORD).await;
    assert_eq!(res.headers().get("location").unwrap(), "/staff");
    assert_eq!(
        client
            .get(app.url("/staff/cases"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let admin = app.create_user_without_totp("admin", None);
    let res = app.login_with(&new_client(), &admin, PASSWORD).await;
    assert_eq!(
        res.headers().get("location").unwrap(),
        "/staff/account/totp",
        "admins still must"
    );
}

#[tokio::test]
async fn signing_out_clears_the_browser_and_ends_the_session() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let client = new_client();
    app.login_with(&client, &email, PASSWORD).await;
    let res = app.sign_out(&client).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()
            .get("clear-site-data")
            .map(|v| v.to_str().unwrap()),
        Some("\"cache\", \"cookies\", \"storage\"")
    );
    assert_eq!(app.count("sessions"), 0, "ended on the server");
    let res = client.get(app.url("/staff/cases")).send().await.unwrap();
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn after_signing_out_the_sign_in_page_hands_back_the_known_device_cookie() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let client = new_client();
    app.login_with(&client, &email, PASSWORD).await;
    let res = app.sign_out(&client).await;
    let location = res.headers().get("location").unwrap().to_str().unwrap();
    // A browser has just cleared every cookie: a fresh client stands in.
    let cleared = new_client();
    let res = cleared.get(app.url(location)).send().await.unwrap();
    let set = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect::<Vec<_>>();
    assert!(
        set.iter().any(|c| c.starts_with("haven_device=")),
        "{set:?}"
    );
    for _ in 0..8 {
        app.login_with(&new_client(), &email, "attacker guess")
            .await;
    }
    assert_eq!(
        app.login_with(&cleared, &email, PASSWORD).await.status(),
        303,
        "still known after signing out"
    );
    let forged = location.replace("device=", "device=00");
    let res = new_client().get(app.url(&forged)).send().await.unwrap();
    assert!(
        res.headers().get("set-cookie").is_none(),
        "a forged hand-over is ignored"
    );
}
