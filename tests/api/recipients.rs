//! Recipients: partner groups and official bodies (police, national
//! security, legal, other), each with an optional age public key. Admins
//! manage them on the Recipients page and with `haven org create`; a
//! secret key pasted by mistake is refused and kept nowhere; official
//! bodies have no liaisons and are never offered where a partner group is
//! chosen; every change is audited.

use age::secrecy::ExposeSecret;
use haven::accounts::groups::{self, GroupValues};
use haven::domain::{EmailAddress, GroupName, Language, RecipientKind};

use crate::helpers::*;

/// A new age key pair: (public key, secret key).
fn key_pair() -> (String, String) {
    let identity = age::x25519::Identity::generate();
    (
        identity.to_public().to_string(),
        identity.to_string().expose_secret().to_string(),
    )
}

/// Creates an official body through the service the page calls; its id.
async fn official_body(app: &TestApp, name: &str, kind: RecipientKind) -> i64 {
    groups::create(
        &app.state,
        None,
        GroupValues {
            name: GroupName::parse(name).unwrap(),
            kind,
            emails: vec![EmailAddress::parse("desk@official.example").unwrap()],
            communities: Vec::new(),
            language: Language::En,
            age_key: None,
        },
    )
    .await
    .unwrap()
}

/// The audit entries with this action: (actor, target id, detail).
fn audit_entries(app: &TestApp, action: &str) -> Vec<(Option<i64>, String, String)> {
    let mut conn = app.db.connect();
    haven::db::audit::chunk(&mut conn, i64::MIN, 10_000)
        .unwrap()
        .into_iter()
        .filter(|e| e.action == action)
        .map(|e| (e.actor_id, e.target_id, e.detail))
        .collect()
}

fn recipient(app: &TestApp, id: i64) -> haven::db::organisations::OrganisationRow {
    haven::db::organisations::find(&mut app.db.connect(), id)
        .unwrap()
        .unwrap()
}

/// The id in a `Location: /staff/admin/groups/{id}?done=…`.
fn created_id(res: &reqwest::Response) -> i64 {
    let location = res.headers().get("location").unwrap().to_str().unwrap();
    location
        .trim_start_matches("/staff/admin/groups/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn an_admin_creates_an_official_body_with_an_age_key_and_it_is_audited() {
    let app = spawn_app().await;
    let admin = app.login_as_admin().await;
    let admin_id = app.user_id(&admin);
    let page = app.get_text("/staff/admin/groups").await;
    assert!(page.contains("<h1>Recipients</h1>"), "{page}");
    assert!(
        page.contains(">Recipients</a>"),
        "the navigation says Recipients"
    );
    assert!(page.contains("name=\"csrf_token\""));
    for kind in ["Partner group", "Police", "National security", "Legal"] {
        assert!(page.contains(kind), "the kind {kind} is offered");
    }

    let (public, _) = key_pair();
    let res = app
        .post_staff(
            "/staff/admin/groups",
            &[
                ("kind", "national_security"),
                ("name", "RCMP National Security Information Network"),
                ("emails", "nsin@rcmp.example"),
                ("language", "fr"),
                ("age_key", &format!("  {public}\n")),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let id = created_id(&res);
    let row = recipient(&app, id);
    assert_eq!(row.kind, "national_security");
    assert_eq!(row.age_recipient.as_deref(), Some(public.as_str()));
    assert_eq!(row.emails(), vec!["nsin@rcmp.example"]);
    assert_eq!(row.language, "fr");
    assert!(row.active);
    let short = format!("{}…{}", &public[..10], &public[56..]);

    // The confirmation, the kind, and no liaisons.
    let page = app
        .get_text(&format!("/staff/admin/groups/{id}?done=created"))
        .await;
    assert!(page.contains("The recipient is created."), "{page}");
    assert_eq!(
        element_text(&page, "recipient-kind").as_deref(),
        Some("National security")
    );
    assert!(page.contains("Official bodies have no liaisons"));
    assert!(!page.contains("Add a liaison"));
    assert!(page.contains(&public), "the public key is shown to edit");

    // Listed with its kind and its key's short form; one without a key
    // says it receives the notice only.
    app.post_staff(
        "/staff/admin/groups",
        &[
            ("kind", "police"),
            ("name", "Toronto Police Service"),
            ("emails", "desk@tps.example"),
        ],
    )
    .await;
    let list = app.get_text("/staff/admin/groups").await;
    assert!(list.contains("RCMP National Security Information Network"));
    assert!(list.contains(&short), "{list}");
    assert!(list.contains("Toronto Police Service"));
    assert!(list.contains("No key: notice only"));

    // Audited: by the admin, with the kind and the key's short form only.
    let created = audit_entries(&app, "group.create");
    assert!(created.contains(&(Some(admin_id), id.to_string(), "national_security".into())));
    assert_eq!(
        audit_entries(&app, "group.key"),
        vec![(Some(admin_id), id.to_string(), short.clone())]
    );

    // Every active admin is told at once: the recipient's name and a link
    // to its page, never the key.
    let second_admin = app.create_user("admin", None);
    let told = |who: &str| {
        app.count(&format!(
            "outbox WHERE template = 'recipient_key_changed' AND recipient = '{who}' \
             AND params->>'path' = '/staff/admin/groups/{id}' \
             AND params::text LIKE '%RCMP National Security Information Network%'"
        ))
    };
    assert_eq!(told(&admin), 1, "the admin who set it");
    assert_eq!(app.count("outbox WHERE params::text LIKE '%age1%'"), 0);

    // Another official kind, and a key replaced, then removed: each
    // audited, each confirmed.
    let (second, _) = key_pair();
    let res = app
        .post_staff(
            &format!("/staff/admin/groups/{id}"),
            &[
                ("kind", "police"),
                ("name", "RCMP National Security Information Network"),
                ("emails", "nsin@rcmp.example"),
                ("age_key", &second),
                ("active", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let location = res.headers().get("location").unwrap().to_str().unwrap();
    assert!(location.ends_with("?done=key"), "{location}");
    assert!(
        app.get_text(location)
            .await
            .contains("The recipient is saved with its new age key")
    );
    assert_eq!(recipient(&app, id).kind, "police");
    assert_eq!(
        audit_entries(&app, "group.kind"),
        vec![(Some(admin_id), id.to_string(), "police".into())]
    );
    let res = app
        .post_staff(
            &format!("/staff/admin/groups/{id}"),
            &[
                ("kind", "police"),
                ("name", "RCMP National Security Information Network"),
                ("emails", "nsin@rcmp.example"),
                ("age_key", ""),
                ("active", "yes"),
            ],
        )
        .await;
    let location = res.headers().get("location").unwrap().to_str().unwrap();
    assert!(location.ends_with("?done=key-removed"), "{location}");
    assert!(
        app.get_text(location)
            .await
            .contains("The recipient is saved without an age key")
    );
    assert_eq!(recipient(&app, id).age_recipient, None);
    assert_eq!(
        told(&second_admin),
        2,
        "every admin hears of each key change"
    );
    assert_eq!(app.count("outbox WHERE params::text LIKE '%age1%'"), 0);
    let keys = audit_entries(&app, "group.key");
    assert_eq!(keys.len(), 3);
    assert_eq!(keys[2].2, "none");
    for (_, _, detail) in &keys {
        assert!(detail.chars().count() <= 17, "only a short form: {detail}");
    }
}

#[tokio::test]
async fn a_secret_key_is_refused_never_stored_never_shown_again_and_never_logged() {
    let app = spawn_app().await;
    app.login_as_admin().await;
    let (_, secret) = key_pair();
    let res = app
        .post_staff(
            "/staff/admin/groups",
            &[
                ("kind", "legal"),
                ("name", "Legal Aid Clinic"),
                ("emails", "intake@clinic.example"),
                ("age_key", &secret),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = plain(&res.text().await.unwrap());
    assert!(page.contains("This is a secret key"), "{page}");
    assert!(page.contains("Ask them for their public key"));
    assert!(!page.contains(&secret) && !page.contains(&secret[20..]));
    // The other fields are kept, so that only the key is to be given again.
    assert!(page.contains("Legal Aid Clinic"));
    assert_eq!(app.count("organisations"), 0);
    assert!(audit_entries(&app, "group.create").is_empty());

    // Nor on an existing recipient: its key stays as it was.
    let id = official_body(&app, "Legal Aid Clinic", RecipientKind::Legal).await;
    let res = app
        .post_staff(
            &format!("/staff/admin/groups/{id}"),
            &[
                ("name", "Legal Aid Clinic"),
                ("emails", "intake@clinic.example"),
                ("age_key", &format!("# public key: age1…\n{secret}")),
                ("active", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = plain(&res.text().await.unwrap());
    assert!(page.contains("This is a secret key"));
    assert!(!page.contains(&secret[20..]));
    assert_eq!(recipient(&app, id).age_recipient, None);
    assert!(audit_entries(&app, "group.key").is_empty());

    let lower = secret.to_lowercase();
    for text in [secret.as_str(), lower.as_str(), &secret[20..]] {
        assert!(!dump_reveals(&app.pg_dump(), text), "stored nowhere");
        assert!(!captured_logs().contains(text), "logged nowhere");
    }
}

#[tokio::test]
async fn anything_but_an_age_public_key_is_refused_and_nothing_is_stored() {
    let app = spawn_app().await;
    app.login_as_admin().await;
    let (public, _) = key_pair();
    for bad in [
        "age1".to_string(),
        public[..61].to_string(),
        format!("{public}x"),
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl".into(),
        "not a key".into(),
    ] {
        let res = app
            .post_staff(
                "/staff/admin/groups",
                &[
                    ("kind", "other"),
                    ("name", "Community Legal Desk"),
                    ("emails", "desk@legal.example"),
                    ("age_key", &bad),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "{bad}");
        let page = plain(&res.text().await.unwrap());
        assert!(page.contains("This is not an age public key"), "{bad}");
        assert!(page.contains("starts with age1"));
    }
    assert_eq!(app.count("organisations"), 0);

    // An unknown kind, and communities for an official body, are refused
    // with what to do.
    let res = app
        .post_staff(
            "/staff/admin/groups",
            &[("kind", "army"), ("name", "X"), ("emails", "x@x.example")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(plain(&res.text().await.unwrap()).contains("Choose a kind from the list."));
    let res = app
        .post_staff(
            "/staff/admin/groups",
            &[
                ("kind", "police"),
                ("name", "Vancouver Police"),
                ("emails", "desk@vpd.example"),
                ("communities", "uyghur"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(plain(&res.text().await.unwrap()).contains("Only partner groups serve communities"));
    assert_eq!(app.count("organisations"), 0);
}

#[tokio::test]
async fn a_partner_group_stays_one_and_an_official_body_never_becomes_one() {
    let app = spawn_app().await;
    app.login_as_admin().await;
    let group = app.insert_group("Group A", &["a@group.example"]);
    let body = official_body(&app, "Toronto Police Service", RecipientKind::Police).await;
    // A partner group's page offers no kind; a kind sent anyway is refused.
    let page = app.get_text(&format!("/staff/admin/groups/{group}")).await;
    assert!(!page.contains("name=\"kind\""));
    assert_eq!(
        element_text(&page, "recipient-kind").as_deref(),
        Some("Partner group")
    );
    for (id, name, kind) in [
        (group, "Group A", "police"),
        (body, "Toronto Police Service", "partner"),
    ] {
        let res = app
            .post_staff(
                &format!("/staff/admin/groups/{id}"),
                &[
                    ("kind", kind),
                    ("name", name),
                    ("emails", "a@group.example"),
                    ("active", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "{name}");
        assert!(
            plain(&res.text().await.unwrap()).contains("A partner group stays a partner group")
        );
    }
    assert_eq!(recipient(&app, group).kind, "partner");
    assert_eq!(recipient(&app, body).kind, "police");
    // An official body's page offers the official kinds only.
    let page = app.get_text(&format!("/staff/admin/groups/{body}")).await;
    assert!(page.contains("value=\"legal\""));
    assert!(!page.contains("value=\"partner\""));
    assert!(audit_entries(&app, "group.kind").is_empty());
}

#[tokio::test]
async fn caseworkers_and_liaisons_cannot_reach_the_recipients_pages() {
    let app = spawn_app().await;
    let body = official_body(&app, "Toronto Police Service", RecipientKind::Police).await;
    for role in ["caseworker", "liaison"] {
        let client = new_client();
        let email = app.create_user(role, (role == "liaison").then_some("Group A"));
        assert_eq!(
            app.login_with(&client, &email, PASSWORD).await.status(),
            303
        );
        let token = csrf_token(
            &client
                .get(app.url("/staff/account"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
        );
        for path in [
            "/staff/admin/groups".to_string(),
            format!("/staff/admin/groups/{body}"),
        ] {
            let res = client.get(app.url(&path)).send().await.unwrap();
            assert_eq!(res.status(), 403, "{role} GET {path}");
            let res = client
                .post(app.url(&path))
                .form(&[
                    ("kind", "legal"),
                    ("name", "Sneaky Body"),
                    ("emails", "x@sneaky.example"),
                    ("active", "yes"),
                    ("csrf_token", token.as_str()),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 403, "{role} POST {path}");
        }
        let page = client
            .get(app.url("/staff/account"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!page.contains("/staff/admin/groups"), "no link for {role}");
    }
    assert_eq!(recipient(&app, body).name, "Toronto Police Service");
    assert_eq!(app.count("organisations"), 2, "the body and Group A");
}

#[tokio::test]
async fn official_bodies_are_never_offered_where_a_partner_group_is_chosen() {
    let app = spawn_app().await;
    let group = app.insert_group("Uyghur Support Group", &["a@group.example"]);
    let body = official_body(&app, "Toronto Police Service", RecipientKind::Police).await;
    let (reference, _) = app
        .file_report(
            ReportForm::new("offered to whom")
                .field("consent_referral", "on")
                .field("consent_police", "on"),
        )
        .await;
    app.login_as("caseworker").await;
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        page.contains(&format!("id=\"group-{group}\"")),
        "the group is offered"
    );
    assert!(!page.contains(&format!("id=\"group-{body}\"")));
    // The body is offered only where packets are built, never in the
    // referral form.
    let referral_form = &page[page.find("id=\"referrals-heading\"").unwrap()
        ..page.find("id=\"packets-heading\"").unwrap()];
    assert!(!referral_form.contains("Toronto Police Service"));

    // A referral to the body, sent anyway, is refused: nothing is stored.
    let res = app.refer(&reference, body, "for the police").await;
    assert_eq!(res.status(), 409);
    assert!(
        plain(&res.text().await.unwrap()).contains("Choose at least one active partner group.")
    );
    assert_eq!(app.count("referrals"), 0);

    // The admins' account pages offer partner groups only for a liaison.
    let admin = new_client();
    app.login_as_admin_with(&admin).await;
    let page = admin
        .get(app.url("/staff/admin/users"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<option>Uyghur Support Group</option>"));
    assert!(!page.contains("Toronto Police Service"));
    // And the lists that feed group keys and group emails hold partner
    // groups only.
    let mut conn = app.db.connect();
    let partners: Vec<i64> = haven::db::organisations::list(&mut conn)
        .unwrap()
        .iter()
        .map(|o| o.id)
        .collect();
    assert_eq!(partners, vec![group]);
    assert_eq!(
        haven::db::organisations::names(&mut conn).unwrap(),
        vec!["Uyghur Support Group"]
    );
    assert_eq!(
        haven::db::organisations::list_recipients(&mut conn)
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn a_liaison_cannot_be_attached_to_an_official_body() {
    let app = spawn_app().await;
    official_body(&app, "Toronto Police Service", RecipientKind::Police).await;
    app.insert_group("Group A", &["a@group.example"]);
    app.login_as_admin().await;
    let users = app.count("users");
    let res = app
        .post_staff(
            "/staff/admin/users",
            &[
                ("email", "officer@tps.example"),
                ("role", "liaison"),
                ("organisation", "Toronto Police Service"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        plain(&res.text().await.unwrap()).contains("This is an official body, not a partner group")
    );
    assert_eq!(app.count("users"), users);

    // Nor by a change of role.
    let caseworker = app.create_user("caseworker", None);
    let id = app.user_id(&caseworker);
    let res = app
        .post_staff(
            &format!("/staff/admin/users/{id}/role"),
            &[
                ("role", "liaison"),
                ("organisation", "Toronto Police Service"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(plain(&res.text().await.unwrap()).contains("official bodies have no liaisons"));
    let user = haven::db::users::find(&mut app.db.connect(), id)
        .unwrap()
        .unwrap();
    assert_eq!(
        (user.role.as_str(), user.organisation_id),
        ("caseworker", None)
    );
    assert!(audit_entries(&app, "user.role").is_empty());
}

/// Runs `haven` with the test's database and key file.
fn haven(app: &TestApp, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_haven"))
        .args(args)
        .env("DATABASE_URL", &app.db.url)
        .env("HAVEN_MASTER_KEY_FILE", app.key_dir.join("master.key"))
        .env("HAVEN_DEV", "1")
        .env("RUST_LOG", "info")
        .output()
        .unwrap()
}

fn says(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[tokio::test]
async fn the_command_line_creates_official_bodies_with_a_kind_and_a_key() {
    let app = spawn_app().await;
    // The README's example.
    let readme_key = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
    let out = haven(
        &app,
        &[
            "org",
            "create",
            "--name",
            "RCMP National Security Information Network",
            "--email",
            "nsin@rcmp.example",
            "--kind",
            "national_security",
            "--age-key",
            readme_key,
        ],
    );
    assert!(out.status.success(), "{}", says(&out));
    assert!(
        says(&out).contains("Created official body"),
        "{}",
        says(&out)
    );
    let mut conn = app.db.connect();
    let name = GroupName::parse("RCMP National Security Information Network").unwrap();
    let row = haven::db::organisations::find_by_key(&mut conn, &name.key())
        .unwrap()
        .unwrap();
    assert_eq!(row.kind, "national_security");
    assert_eq!(row.age_recipient.as_deref(), Some(readme_key));
    assert_eq!(
        audit_entries(&app, "group.create")[0].2,
        "national_security"
    );
    assert_eq!(audit_entries(&app, "group.key").len(), 1);

    // Without --kind, a partner group; without --age-key, the notice only.
    let out = haven(
        &app,
        &[
            "org",
            "create",
            "--name",
            "Group A",
            "--email",
            "a@group.example",
        ],
    );
    assert!(out.status.success(), "{}", says(&out));
    assert!(says(&out).contains("Created partner group"));
    assert!(says(&out).contains("only the notice that a case was shared"));

    // Refusals, each saying what to do, storing nothing.
    let (public, secret) = key_pair();
    let refusals: [(&[&str], &str); 4] = [
        (&["--kind", "army"], "--kind must be partner, police"),
        (
            &["--kind", "police", "--community", "uyghur"],
            "drop --community for an official body",
        ),
        (
            &["--kind", "legal", "--age-key", secret.as_str()],
            "SECRET key",
        ),
        (&["--age-key", &public[..40]], "not an age public key"),
    ];
    for (extra, message) in refusals {
        let mut args = vec![
            "org",
            "create",
            "--name",
            "Refused Body",
            "--email",
            "r@x.example",
        ];
        args.extend_from_slice(extra);
        let out = haven(&app, &args);
        assert!(!out.status.success(), "{args:?}");
        let said = says(&out);
        assert!(said.contains(message), "{args:?}: {said}");
        assert!(!said.contains(&secret), "the secret key is not repeated");
    }
    assert_eq!(app.count("organisations"), 2);
    assert!(!dump_reveals(&app.pg_dump(), &secret));

    // A liaison of an official body is refused.
    let out = haven(
        &app,
        &[
            "user",
            "create",
            "--email",
            "officer@rcmp.example",
            "--role",
            "liaison",
            "--org",
            "RCMP National Security Information Network",
        ],
    );
    assert!(!out.status.success());
    assert!(
        says(&out).contains("is an official body, not a partner group"),
        "{}",
        says(&out)
    );
    let out = haven(
        &app,
        &[
            "user",
            "create",
            "--email",
            "li@group.example",
            "--role",
            "liaison",
            "--org",
            "Group A",
        ],
    );
    assert!(out.status.success(), "{}", says(&out));
    assert_eq!(app.count("users"), 1);
}

#[tokio::test]
async fn a_key_change_is_told_as_itself_even_when_every_email_is_the_constant_one() {
    let app = spawn_app_with(Options {
        mail_constant: true,
        ..Options::default()
    })
    .await;
    let admin = app.login_as_admin().await;
    let (public, _) = key_pair();
    let res = app
        .post_staff(
            "/staff/admin/groups",
            &[
                ("kind", "police"),
                ("name", "Ottawa Police Service"),
                ("emails", "tips@ottawa-police.example"),
                ("age_key", &public),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        app.count(&format!(
            "outbox WHERE template = 'recipient_key_changed' AND recipient = '{admin}' \
             AND slot_at IS NULL"
        )),
        1,
        "sent at once, not in a slot, and not replaced by the constant message"
    );
}
