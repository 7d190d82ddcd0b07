use crate::helpers::*;

async fn set_password(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    password: &str,
    confirm: &str,
) -> reqwest::Response {
    use_password_link(app, client, path, (password, confirm), "").await
}

#[tokio::test]
async fn an_admin_creates_an_account_whose_owner_sets_a_password_through_a_single_use_link() {
    let app = spawn_app().await;
    app.login_as_admin().await;
    let res = app
        .post_staff(
            "/staff/admin/users",
            &[
                ("email", "New.Caseworker@Example.org"),
                ("role", "caseworker"),
                ("display_name", "Amina"),
                ("language", "fr"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("The account is created"));
    let path = link_path(&html);

    // The link is emailed too, in the owner's language, and the token is
    // erased from the outbox once sent.
    assert_eq!(app.deliver_mail(), 1);
    let mail = app.mail_files().remove(0);
    assert!(
        mail.contains("Votre compte Haven") || mail.contains("Haven"),
        "{mail}"
    );
    assert!(mail.contains(&path[16..]), "the email carries the link");
    let mut conn = app.db.connect();
    let row = haven::db::outbox::list(&mut conn, None, None, 1)
        .unwrap()
        .remove(0);
    assert!(
        row.secret_params.is_none(),
        "the link is no longer in the database"
    );

    let owner = new_client();
    let res = set_password(&owner, &app, &path, "short", "short").await;
    assert_eq!(res.status(), 422);
    assert!(plain(&res.text().await.unwrap()).contains("at least 15"));
    let res = set_password(&owner, &app, &path, "1qaz2wsx3edc4rfv", "1qaz2wsx3edc4rfv").await;
    assert_eq!(res.status(), 422, "a breached password is refused");
    let res = set_password(
        &owner,
        &app,
        &path,
        "a long new passphrase",
        "a different passphrase",
    )
    .await;
    assert_eq!(res.status(), 422);
    let res = set_password(
        &owner,
        &app,
        &path,
        "a long new passphrase",
        "a long new passphrase",
    )
    .await;
    // A new account gets its key pair now: its recovery key is shown once,
    // and Continue leads to the sign-in page.
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("id=\"recovery-key\""), "{html}");
    assert!(html.contains("href=\"/staff/login?password_set=1\""));
    assert_eq!(
        app.login_with(
            &owner,
            "new.caseworker@example.org",
            "a long new passphrase"
        )
        .await
        .status(),
        303
    );

    // Used once: never again.
    let again = new_client();
    assert_eq!(
        again.get(app.url(&path)).send().await.unwrap().status(),
        410
    );
    let token = haven::web::FormTokens::issue(&app.state, haven::web::FormTokens::LOGIN);
    let res = again
        .post(app.url(&path))
        .form(&[
            ("password", "another passphrase here"),
            ("confirm", "another passphrase here"),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 410);
}

#[tokio::test]
async fn a_password_link_expires() {
    let app = spawn_app().await;
    app.login_as_admin().await;
    let target = app.create_user("caseworker", None);
    let id = app.user_id(&target);
    let res = app
        .post_staff(&format!("/staff/admin/users/{id}/reset"), &[])
        .await;
    let path = link_path(&res.text().await.unwrap());
    let mut conn = app.db.connect();
    use diesel::RunQueryDsl;
    diesel::sql_query("UPDATE password_links SET expires_at = now() - interval '1 minute'")
        .execute(&mut conn)
        .unwrap();
    let client = new_client();
    let page = client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(page.status(), 410);
    assert!(plain(&page.text().await.unwrap()).contains("already been used or has expired"));
    let token = csrf_token(
        &client
            .get(app.url("/staff/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let res = client
        .post(app.url(&path))
        .form(&[
            ("password", "a long new passphrase"),
            ("confirm", "a long new passphrase"),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 410);
    assert_eq!(
        app.login_with(&new_client(), &target, PASSWORD)
            .await
            .status(),
        303,
        "the old password still works"
    );
}

#[tokio::test]
async fn deactivation_ends_live_sessions_at_once() {
    let app = spawn_app().await;
    let target = app.create_user("caseworker", None);
    let theirs = new_client();
    assert_eq!(
        app.login_with(&theirs, &target, PASSWORD).await.status(),
        303
    );
    assert_eq!(
        theirs
            .get(app.url("/staff/cases"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    app.login_as_admin().await;
    let id = app.user_id(&target);
    let res = app
        .post_staff(
            &format!("/staff/admin/users/{id}/active"),
            &[("active", "false")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        theirs
            .get(app.url("/staff/cases"))
            .send()
            .await
            .unwrap()
            .status(),
        303,
        "signed out at once"
    );
    assert_eq!(
        app.login_with(&new_client(), &target, PASSWORD)
            .await
            .status(),
        401
    );
    let res = app
        .post_staff(
            &format!("/staff/admin/users/{id}/active"),
            &[("active", "true")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        app.login_with(&new_client(), &target, PASSWORD)
            .await
            .status(),
        303
    );
}

#[tokio::test]
async fn an_admin_changes_a_role_and_the_old_sessions_end() {
    let app = spawn_app().await;
    let target = app.create_user("caseworker", None);
    let theirs = new_client();
    app.login_with(&theirs, &target, PASSWORD).await;
    app.login_as_admin().await;
    {
        let mut conn = app.db.connect();
        haven::db::organisations::insert(
            &mut conn,
            &haven::domain::GroupName::parse("Group A").unwrap(),
            &["a@example.org".into()],
            &[],
        )
        .unwrap();
    }
    let id = app.user_id(&target);
    let res = app
        .post_staff(
            &format!("/staff/admin/users/{id}/role"),
            &[("role", "liaison"), ("organisation", "")],
        )
        .await;
    assert_eq!(res.status(), 422, "a liaison needs a group");
    let res = app
        .post_staff(
            &format!("/staff/admin/users/{id}/role"),
            &[("role", "liaison"), ("organisation", "Group A")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        theirs
            .get(app.url("/staff/cases"))
            .send()
            .await
            .unwrap()
            .status(),
        303
    );
    app.login_with(&theirs, &target, PASSWORD).await;
    assert_eq!(
        theirs
            .get(app.url("/staff/cases"))
            .send()
            .await
            .unwrap()
            .status(),
        403,
        "now a liaison"
    );
}

#[tokio::test]
async fn an_admin_cannot_lock_themselves_out() {
    let app = spawn_app().await;
    let me = app.login_as_admin().await;
    let id = app.user_id(&me);
    assert_eq!(
        app.post_staff(
            &format!("/staff/admin/users/{id}/active"),
            &[("active", "false")]
        )
        .await
        .status(),
        409
    );
    assert_eq!(
        app.post_staff(
            &format!("/staff/admin/users/{id}/role"),
            &[("role", "caseworker")]
        )
        .await
        .status(),
        409
    );
}

#[tokio::test]
async fn the_cli_creates_an_account_and_refuses_weak_passwords() {
    let app = spawn_app().await;
    let bin = env!("CARGO_BIN_EXE_haven");
    let run = |args: &[&str], stdin: &str| {
        use std::io::Write;
        let mut child = std::process::Command::new(bin)
            .args(args)
            .env("DATABASE_URL", &app.db.url)
            .env("HAVEN_MASTER_KEY_FILE", app.key_dir.join("master.key"))
            .env("HAVEN_DEV", "1")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(
        &[
            "user",
            "create",
            "--email",
            "cli@example.org",
            "--role",
            "caseworker",
            "--password-stdin",
        ],
        "password\n",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 15 characters"));
    let out = run(
        &[
            "user",
            "create",
            "--email",
            "cli@example.org",
            "--role",
            "caseworker",
            "--password-stdin",
        ],
        "a sturdy long passphrase\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Created caseworker account"));
    // The first sign-in makes the account's keys and shows its owner the
    // recovery key (200), then goes on.
    let res = app
        .login_with(&new_client(), "cli@example.org", "a sturdy long passphrase")
        .await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("id=\"recovery-key\""));
    let out = run(
        &[
            "user",
            "create",
            "--email",
            "li@example.org",
            "--role",
            "liaison",
        ],
        "",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--org"));
    let out = run(
        &[
            "org",
            "create",
            "--name",
            "Toronto Group",
            "--email",
            "intake@group.example",
            "--community",
            "uyghur",
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(
        &[
            "user",
            "create",
            "--email",
            "li@example.org",
            "--role",
            "liaison",
            "--org",
            "Toronto Group",
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("/staff/password/"),
        "a new account without a password gets a link: {stdout}"
    );
}

#[tokio::test]
async fn names_and_addresses_that_only_look_different_are_refused() {
    let app = spawn_app().await;
    app.login_as_admin().await;
    let token = app.staff_csrf().await;
    let group = |name: &'static str| {
        [
            ("name", name),
            ("emails", "intake@orga.example"),
            ("csrf_token", token.as_str()),
        ]
    };
    let res = app.post_form("/staff/admin/groups", &group("OrgA")).await;
    assert_eq!(res.status(), 303);
    for same in ["ORGA", "orga ", "ＯｒｇＡ"] {
        let res = app.post_form("/staff/admin/groups", &group(same)).await;
        assert_eq!(res.status(), 409, "{same}");
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("A partner group or official body with this name already exists")
        );
    }
    let res = app
        .post_form("/staff/admin/groups", &group("Org\u{200B}A"))
        .await;
    assert_eq!(res.status(), 422, "an invisible character is refused");
    let mut conn = app.db.connect();
    assert_eq!(haven::db::organisations::list(&mut conn).unwrap().len(), 1);

    let res = app
        .post_staff(
            "/staff/admin/users",
            &[("email", "amina@example.org"), ("role", "caseworker")],
        )
        .await;
    assert_eq!(res.status(), 200);
    // Full width is the same address; a Cyrillic "а" is not an address at all.
    let res = app
        .post_staff(
            "/staff/admin/users",
            &[
                ("email", "ａｍｉｎａ＠ｅｘａｍｐｌｅ．ｏｒｇ"),
                ("role", "caseworker"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("An account with this email address already exists")
    );
    let res = app
        .post_staff(
            "/staff/admin/users",
            &[
                ("email", "\u{0430}mina@example.org"),
                ("role", "caseworker"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        app.count("users"),
        2,
        "the admin and one caseworker, nothing else"
    );
}

#[tokio::test]
async fn every_admin_and_the_account_concerned_hear_when_admin_access_changes() {
    let app = spawn_app().await;
    let me = app.login_as_admin().await;
    let other = app.create_user("admin", None);
    let worker = app.create_user("caseworker", None);
    let told = |who: &str| {
        app.count(&format!(
            "outbox WHERE template = 'admin_access_changed' AND recipient = '{who}' \
             AND slot_at IS NULL AND params->>'path' = '/staff/admin/users'"
        ))
    };
    let worker_id = app.user_id(&worker);
    // Made an admin: every admin, and the account concerned.
    let res = app
        .post_staff(
            &format!("/staff/admin/users/{worker_id}/role"),
            &[("role", "admin"), ("organisation", "")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!((told(&me), told(&other), told(&worker)), (1, 1, 1));
    // Another admin deactivated: the admins who stay, and the one deactivated.
    let other_id = app.user_id(&other);
    let res = app
        .post_staff(
            &format!("/staff/admin/users/{other_id}/active"),
            &[("active", "false")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!((told(&me), told(&other), told(&worker)), (2, 2, 2));
    // A caseworker deactivated is no change of admin access.
    let plain = app.create_user("caseworker", None);
    let plain_id = app.user_id(&plain);
    let res = app
        .post_staff(
            &format!("/staff/admin/users/{plain_id}/active"),
            &[("active", "false")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(told(&plain), 0);
    assert_eq!(told(&me), 2);
}
