use crate::helpers::*;

#[tokio::test]
async fn repeated_failures_hold_an_account_name_back_known_or_not() {
    let app = spawn_app().await;
    let known = app.create_user("caseworker", None);
    for email in [known.as_str(), "nobody-here@example.org"] {
        for i in 0..5 {
            let res = app.login_with(&new_client(), email, "wrong password").await;
            assert_eq!(res.status(), 401, "{email} failure {i}");
        }
        let res = app.login_with(&new_client(), email, "wrong password").await;
        assert_eq!(res.status(), 401, "the sixth failure starts the hold");
        let res = app.login_with(&new_client(), email, PASSWORD).await;
        assert_eq!(
            res.status(),
            429,
            "{email}: held back, even with the right password"
        );
        let body = plain(&res.text().await.unwrap());
        assert!(
            body.contains("Too many failed sign-ins. Wait 1 minute, then try again."),
            "{body}"
        );
    }
}

#[tokio::test]
async fn a_browser_that_signed_in_before_is_not_locked_out_by_an_attacker() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let mine = new_client();
    assert_eq!(app.login_with(&mine, &email, PASSWORD).await.status(), 303);
    app.sign_out(&mine).await;
    for _ in 0..8 {
        app.login_with(&new_client(), &email, "attacker guess")
            .await;
    }
    assert_eq!(
        app.login_with(&new_client(), &email, PASSWORD)
            .await
            .status(),
        429,
        "strangers wait"
    );
    assert_eq!(
        app.login_with(&mine, &email, PASSWORD).await.status(),
        303,
        "the caseworker's own browser gets in"
    );
}

#[tokio::test]
async fn the_hold_ends_by_itself() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    for _ in 0..6 {
        app.login_with(&new_client(), &email, "wrong").await;
    }
    assert_eq!(
        app.login_with(&new_client(), &email, PASSWORD)
            .await
            .status(),
        429
    );
    let mut conn = app.db.connect();
    use diesel::RunQueryDsl;
    diesel::sql_query("UPDATE login_throttles SET throttled_until = now() - interval '1 second'")
        .execute(&mut conn)
        .unwrap();
    assert_eq!(
        app.login_with(&new_client(), &email, PASSWORD)
            .await
            .status(),
        303
    );
    assert_eq!(app.count("login_throttles"), 0, "success clears the count");
}

#[tokio::test]
async fn one_source_failing_against_many_names_is_held_back() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    for i in 0..20 {
        let res = app
            .login_with(
                &new_client(),
                &format!("guess{i}@example.org"),
                "password guess",
            )
            .await;
        assert_eq!(res.status(), 401);
    }
    let res = app.login_with(&new_client(), &email, PASSWORD).await;
    assert_eq!(res.status(), 429, "this source has failed too often");
    let dump = app.pg_dump();
    assert!(
        !dump_reveals(&dump, "127.0.0.1"),
        "the source is never written to the database"
    );
    assert!(
        !dump.contains("guess3@example.org"),
        "names typed are not stored either"
    );
}

#[tokio::test]
async fn every_way_of_typing_an_address_counts_against_the_same_hold() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let (local, domain) = email.split_once('@').unwrap();
    // Full-width letters sign in to the same account (NFKC), so they must
    // share its hold: each variant is not five more free guesses.
    let full_width = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap(),
                c => c,
            })
            .collect()
    };
    let variants = [
        email.clone(),
        email.to_uppercase(),
        format!("{}@{domain}", full_width(local)),
        format!("{local}@{}", full_width(domain)),
        full_width(&email),
        format!(" {} ", email.to_uppercase()),
    ];
    for (i, variant) in variants.iter().enumerate() {
        let res = app
            .login_with(&new_client(), variant, "wrong password")
            .await;
        assert_eq!(res.status(), 401, "failure {i}");
    }
    let res = app
        .login_with(&new_client(), &full_width(&email.to_uppercase()), "wrong")
        .await;
    assert_eq!(res.status(), 429, "yet another way of typing it is held");
}

#[tokio::test]
async fn a_key_rotation_neither_forgets_a_hold_nor_a_known_browser() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let mine = new_client();
    assert_eq!(app.login_with(&mine, &email, PASSWORD).await.status(), 303);
    app.sign_out(&mine).await;
    for _ in 0..8 {
        app.login_with(&new_client(), &email, "attacker guess")
            .await;
    }
    // `haven purge` rotates the master key and retires the old one.
    let key_file = app.key_dir.join("master.key");
    haven::keys::rotate(
        &app.state.db,
        &key_file,
        std::time::Duration::ZERO,
        None,
        |_| {},
    )
    .unwrap();
    haven::keys::retire(&app.state.db, &key_file, |_| {}).unwrap();
    assert!(app.state.keyring.reload_if_changed().unwrap());
    assert_eq!(
        app.login_with(&new_client(), &email, PASSWORD)
            .await
            .status(),
        429,
        "the hold on the name outlives the rotation"
    );
    assert_eq!(
        app.login_with(&mine, &email, PASSWORD).await.status(),
        303,
        "and so does the owner's known browser"
    );
}

#[tokio::test]
async fn a_new_password_makes_every_known_browser_a_stranger_again() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let known = new_client();
    assert_eq!(app.login_with(&known, &email, PASSWORD).await.status(), 303);
    app.sign_out(&known).await;
    // The password is changed (after a suspected intrusion, say).
    let new_password = "a brand new passphrase for this account";
    {
        use diesel::RunQueryDsl;
        let mut conn = app.db.connect();
        diesel::sql_query("UPDATE users SET password_hash = $1 WHERE email = $2")
            .bind::<diesel::sql_types::Text, _>(haven::crypto::hash_secret_blocking(new_password))
            .bind::<diesel::sql_types::Text, _>(&email)
            .execute(&mut conn)
            .unwrap();
    }
    for _ in 0..8 {
        app.login_with(&new_client(), &email, "attacker guess")
            .await;
    }
    assert_eq!(
        app.login_with(&known, &email, new_password).await.status(),
        429,
        "a browser known under the old password is held like a stranger"
    );
}
