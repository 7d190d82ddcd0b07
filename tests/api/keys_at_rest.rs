//! At rest, the server alone opens nothing: after a day of use, an
//! attacker with a dump of the database, the key file and Haven's own code,
//! and no one signed in, tries everything the server could do by itself.

use diesel::sql_types::{BigInt, Bytea, Nullable, Text};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};
use haven::crypto::{Aad, Checked, Keyring, Sealed, SecretKey, Seed};

use crate::helpers::*;

/// A case as stored, with its sealed keys.
#[derive(QueryableByName)]
struct StoredCase {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    reference: String,
    #[diesel(sql_type = Nullable<Bytea>)]
    wrapped_key: Option<Vec<u8>>,
    #[diesel(sql_type = Nullable<BigInt>)]
    team_key_id: Option<i64>,
    #[diesel(sql_type = Nullable<Text>)]
    keys_master_key_id: Option<String>,
    #[diesel(sql_type = Nullable<Bytea>)]
    team_keys: Option<Vec<u8>>,
    #[diesel(sql_type = Nullable<Bytea>)]
    receipt_key: Option<Vec<u8>>,
}

/// A referral's sealed keys as stored.
#[derive(QueryableByName)]
struct StoredReferral {
    #[diesel(sql_type = Text)]
    public_id: String,
    #[diesel(sql_type = Text)]
    reference: String,
    #[diesel(sql_type = Nullable<Text>)]
    master_key_id: Option<String>,
    #[diesel(sql_type = Nullable<Bytea>)]
    team_key: Option<Vec<u8>>,
    #[diesel(sql_type = Nullable<Bytea>)]
    group_key: Option<Vec<u8>>,
}

/// A team's or group's key as stored.
#[derive(QueryableByName)]
struct StoredSharedKey {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Nullable<Bytea>)]
    escrow: Option<Vec<u8>>,
}

/// A grant of a shared key to an account.
#[derive(QueryableByName)]
struct StoredGrant {
    #[diesel(sql_type = BigInt)]
    shared_key_id: i64,
    #[diesel(sql_type = BigInt)]
    user_id: i64,
    #[diesel(sql_type = Bytea)]
    sealed: Vec<u8>,
}

/// A staff session or a reporter's visit, as stored.
#[derive(QueryableByName)]
struct StoredSession {
    #[diesel(sql_type = Bytea)]
    token_digest: Vec<u8>,
    #[diesel(sql_type = Text)]
    csrf_token: String,
    #[diesel(sql_type = Nullable<Bytea>)]
    sealed_key: Option<Vec<u8>>,
}

/// An account as stored.
#[derive(QueryableByName)]
struct StoredUser {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    email: String,
    #[diesel(sql_type = Nullable<Text>)]
    password_hash: Option<String>,
    #[diesel(sql_type = Nullable<Bytea>)]
    sealed_key: Option<Vec<u8>>,
    #[diesel(sql_type = Nullable<Bytea>)]
    recovery_key: Option<Vec<u8>>,
    #[diesel(sql_type = Nullable<Text>)]
    totp_key_id: Option<String>,
    #[diesel(sql_type = Nullable<Bytea>)]
    totp_secret: Option<Vec<u8>>,
}

/// A sealed secret in the outbox (a link's token).
#[derive(QueryableByName)]
struct StoredOutboxSecret {
    #[diesel(sql_type = Text)]
    message_id: String,
    #[diesel(sql_type = Text)]
    secret_key_id: String,
    #[diesel(sql_type = Bytea)]
    secret_params: Vec<u8>,
}

fn load<T: QueryableByName<diesel::pg::Pg> + 'static>(
    conn: &mut PgConnection,
    sql: &str,
) -> Vec<T> {
    diesel::sql_query(sql).load(conn).unwrap()
}

fn sealed(bytes: &[u8]) -> Sealed {
    Sealed::from_stored(bytes.to_vec())
}

/// The value of cookie `name` set by `res`.
fn set_cookie(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix(&format!("{name}=")))
        .and_then(|v| v.split(';').next())
        .expect("the cookie is set")
        .to_string()
}

/// Signs `client` in to `email`, returning its session cookie's secret
/// (which only the browser holds).
async fn sign_in(app: &TestApp, client: &reqwest::Client, email: &str) -> String {
    let res = app.login_with(client, email, PASSWORD).await;
    assert_eq!(res.status(), 303, "signed in");
    set_cookie(&res, "haven_session")
}

/// Every seed an attacker can derive from what is stored: each stored
/// string (digests, form tokens, addresses, hashes) taken for a session's
/// or a visit's cookie secret.
fn seeds_from<'a>(
    sessions: impl Iterator<Item = &'a StoredSession>,
    users: &[StoredUser],
) -> Vec<Seed> {
    let mut strings: Vec<String> = Vec::new();
    for s in sessions {
        strings.push(hex::encode(&s.token_digest));
        strings.push(hex::encode_upper(&s.token_digest));
        strings.push(String::from_utf8_lossy(&s.token_digest).into_owned());
        strings.push(s.csrf_token.clone());
    }
    for u in users {
        strings.push(u.email.clone());
        if let Some(hash) = &u.password_hash {
            strings.push(hash.clone());
            strings.extend(hash.split('$').map(str::to_string));
        }
    }
    strings
        .iter()
        .flat_map(|s| [Seed::of_session_token(s), Seed::of_visit_token(s)])
        .collect()
}

#[tokio::test]
async fn after_a_day_of_use_the_database_and_the_key_file_open_nothing_without_a_person() {
    let app = spawn_app().await;
    let group_a = app.insert_group("Group A", &["intake@group-a.example"]);

    // Early morning: reports arrive before anyone works.
    let (first, first_receipt) = app
        .file_report(
            ReportForm::new("NARRATIVE-ONE-6121 they called my father in Hotan")
                .field("involved", "INVOLVED-ONE-7302")
                .field("contact_method", "email")
                .field("contact_value", "contact-one-4417@example.org")
                .field("consent_referral", "on")
                .file(
                    "FILENAME-ONE-1198.txt",
                    b"EVIDENCE-ONE-5530 the voice message",
                ),
        )
        .await;
    let (second, second_receipt) = app
        .file_report(
            ReportForm::new("NARRATIVE-TWO-8840 a stranger photographed our meeting")
                .field("contact_method", "phone")
                .field("contact_value", "+1 416 555 0199")
                .field("immediate_danger", "on")
                .file("FILENAME-TWO-3307.png", PNG),
        )
        .await;
    let (third, _) = app
        .file_report(ReportForm::new(
            "NARRATIVE-THREE-2218 my account was taken over",
        ))
        .await;

    // The team signs in: an admin, two caseworkers, the group's liaison.
    let admin = new_client();
    let admin_email = app.create_user("admin", None);
    sign_in(&app, &admin, &admin_email).await;
    let cw = app.client.clone();
    let cw_email = app.create_user("caseworker", None);
    let cw_token = sign_in(&app, &cw, &cw_email).await;
    let colleague = app.create_user("caseworker", None);
    let liaison = new_client();
    let liaison_email = app.create_user("liaison", Some("Group A"));
    sign_in(&app, &liaison, &liaison_email).await;

    // Triage.
    for (reference, status, risk) in [
        (&first, "triaged", "elevated"),
        (&second, "triaged", "urgent"),
        (&third, "triaged", "routine"),
    ] {
        let base = format!("/staff/cases/{reference}");
        let res = app
            .post_staff(&format!("{base}/status"), &[("status", status)])
            .await;
        assert_eq!(res.status(), 303, "status of {reference}");
        let res = app
            .post_staff(&format!("{base}/risk"), &[("risk", risk)])
            .await;
        assert_eq!(res.status(), 303, "risk of {reference}");
    }
    let res = app
        .post_staff(
            &format!("/staff/cases/{first}/assign"),
            &[("assignee", "me")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_staff(
            &format!("/staff/cases/{second}/assign"),
            &[("assignee", &app.user_id(&colleague).to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_staff(
            &format!("/staff/cases/{first}/notes"),
            &[("body", "NOTE-ONE-9921 call back after the family visit")],
        )
        .await;
    assert_eq!(res.status(), 303);
    for (reference, body) in [
        (&first, "STAFFMSG-ONE-4720 Are you safe to talk this week?"),
        (
            &second,
            "STAFFMSG-TWO-6613 Please call us as soon as you can.",
        ),
    ] {
        let res = app
            .post_staff(
                &format!("/staff/cases/{reference}/messages"),
                &[("body", body)],
            )
            .await;
        assert_eq!(res.status(), 303);
    }

    // A referral to the partner group, accepted and answered.
    let res = app
        .post_staff(
            &format!("/staff/cases/{first}/referrals"),
            &[
                ("group", &group_a.to_string()),
                (
                    &format!("summary_{group_a}"),
                    "SUMMARY-ONE-3381 needs a community contact in Toronto",
                ),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let list = liaison
        .get(app.url("/staff/referrals"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = list
        .find("href=\"/staff/referrals/")
        .expect("the liaison sees the referral");
    let link: String = list[at + 6..].chars().take_while(|c| *c != '"').collect();
    let token = csrf_token(
        &liaison
            .get(app.url("/staff/account"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let res = liaison
        .post(app.url(&format!("{link}/accept")))
        .form(&[("confirm", "yes"), ("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let res = liaison
        .post(app.url(&format!("{link}/updates")))
        .form(&[
            ("body", "UPDATE-ONE-7710 we met her; she is safe"),
            ("csrf_token", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);

    // The reporters come back: one replies and adds evidence, the other
    // reads and leaves the visit open.
    let reporter = new_client();
    let res = open_follow_up(&app, &reporter, &first, &first_receipt).await;
    assert_eq!(res.status(), 303);
    let visit_token = set_cookie(&res, "haven_visit");
    let page = follow_up_page(&app, &reporter).await;
    assert!(page.contains("STAFFMSG-ONE-4720"));
    let res = reporter
        .post(app.url("/follow-up/case/messages"))
        .form(&[
            ("body", "REPLY-ONE-2254 yes, on Thursday evening"),
            ("csrf_token", &csrf_token(&page)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let page = follow_up_page(&app, &reporter).await;
    let action = multipart_action(&page);
    let res = reporter
        .post(app.url(&action))
        .multipart(
            reqwest::multipart::Form::new().part(
                "evidence",
                reqwest::multipart::Part::bytes(b"EVIDENCE-LATER-8163 the second message".to_vec())
                    .file_name("FILENAME-LATER-4460.txt"),
            ),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let other_reporter = new_client();
    let res = open_follow_up(&app, &other_reporter, &second, &second_receipt).await;
    assert_eq!(res.status(), 303);
    assert!(
        follow_up_page(&app, &other_reporter)
            .await
            .contains("STAFFMSG-TWO-6613")
    );

    // The staff read what came in (the day worked, through people's keys).
    let page = app.get_text(&format!("/staff/cases/{first}")).await;
    for seen in [
        "NARRATIVE-ONE-6121",
        "contact-one-4417@example.org",
        "NOTE-ONE-9921",
        "REPLY-ONE-2254",
        "FILENAME-LATER-4460.txt",
        "UPDATE-ONE-7710",
    ] {
        assert!(page.contains(seen), "the caseworker reads {seen}");
    }
    let page = plain(
        &admin
            .get(app.url(&format!("/staff/cases/{second}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert!(page.contains("NARRATIVE-TWO-8840") && page.contains("FILENAME-TWO-3307.png"));

    // Night: the attacker takes a dump and the key file. Nobody is signed
    // in any more than the rows say.
    let dump = app.pg_dump();
    let keyring = Keyring::load(&app.key_dir.join("master.key"), false).expect("the key file");
    let mut conn = app.db.connect();

    let cases: Vec<StoredCase> = load(
        &mut conn,
        "SELECT c.id, c.reference, c.wrapped_key, k.team_key_id, \
         k.master_key_id AS keys_master_key_id, k.team_keys, k.receipt_key \
         FROM cases c LEFT JOIN case_keys k ON k.case_id = c.id ORDER BY c.id",
    );
    let referrals: Vec<StoredReferral> = load(
        &mut conn,
        "SELECT r.public_id, c.reference, r.master_key_id, r.team_key, r.group_key \
         FROM referrals r JOIN cases c ON c.id = r.case_id ORDER BY r.id",
    );
    let shared: Vec<StoredSharedKey> = load(&mut conn, "SELECT id, escrow FROM shared_keys");
    let grants: Vec<StoredGrant> = load(
        &mut conn,
        "SELECT shared_key_id, user_id, sealed FROM key_grants",
    );
    let sessions: Vec<StoredSession> = load(
        &mut conn,
        "SELECT token_digest, csrf_token, sealed_key FROM sessions",
    );
    let visits: Vec<StoredSession> = load(
        &mut conn,
        "SELECT token_digest, csrf_token, sealed_key FROM reporter_sessions",
    );
    let users: Vec<StoredUser> = load(
        &mut conn,
        "SELECT id, email, password_hash, sealed_key, recovery_key, totp_key_id, totp_secret \
         FROM users",
    );
    let outbox: Vec<StoredOutboxSecret> = load(
        &mut conn,
        "SELECT message_id, secret_key_id, secret_params FROM outbox \
         WHERE secret_params IS NOT NULL",
    );
    assert_eq!(cases.len(), 3);
    assert_eq!(referrals.len(), 1);
    assert_eq!(users.len(), 4);
    assert!(sessions.len() >= 3, "three people are signed in");
    assert_eq!(visits.len(), 2, "two visits are open");

    // Every team's and group's key is held by people: none is left under
    // the master key.
    assert!(shared.len() >= 2, "the team's key and the group's");
    for key in &shared {
        assert!(
            key.escrow.is_none(),
            "shared key {} is still in escrow: the key file alone opens it",
            key.id
        );
    }

    // What the attacker can derive from the rows, to try on every lock.
    let seeds = seeds_from(sessions.iter().chain(&visits), &users);
    let guesses: Vec<SecretKey> = seeds.iter().map(SecretKey::from_seed).collect();

    // Sessions and visits: their keys do not open from their rows.
    for s in &sessions {
        let sealed_key = sealed(s.sealed_key.as_ref().expect("a session holds its key"));
        let aad = Aad::session_key(&s.token_digest);
        for seed in &seeds {
            assert!(
                seed.open_secret(&aad, &sealed_key).is_err(),
                "a session's key opened from what its row holds"
            );
        }
    }
    for v in &visits {
        let sealed_key = sealed(v.sealed_key.as_ref().expect("a visit holds its key"));
        let aad = Aad::visit_key(&v.token_digest);
        for seed in &seeds {
            assert!(
                seed.open_key(&aad, &sealed_key).is_err(),
                "a visit's case key opened from what its row holds"
            );
        }
    }
    // (Only the cookies' secrets, which the browsers hold, open them.)
    let cw_session = sessions
        .iter()
        .find(|s| s.token_digest == haven::crypto::digest_token(&cw_token))
        .expect("the caseworker's session");
    assert!(
        Seed::of_session_token(&cw_token)
            .open_secret(
                &Aad::session_key(&cw_session.token_digest),
                &sealed(cw_session.sealed_key.as_ref().unwrap()),
            )
            .is_ok(),
        "the cookie's secret opens its session's key"
    );
    let visit = visits
        .iter()
        .find(|v| v.token_digest == haven::crypto::digest_token(&visit_token))
        .expect("the reporter's visit");
    assert!(
        Seed::of_visit_token(&visit_token)
            .open_key(
                &Aad::visit_key(&visit.token_digest),
                &sealed(visit.sealed_key.as_ref().unwrap()),
            )
            .is_ok(),
        "the cookie's secret opens its visit's key"
    );

    // Accounts: the private key opens with the password, and with nothing
    // the rows hold; the TOTP secrets, under the master key, open — they
    // are no report's content.
    for u in &users {
        let sealed_key = sealed(u.sealed_key.as_ref().expect("every account has a key pair"));
        let recovery = sealed(u.recovery_key.as_ref().expect("and its recovery copy"));
        for seed in &seeds {
            assert!(
                seed.open_secret(&Aad::account_key(u.id), &sealed_key)
                    .is_err()
                    && seed
                        .open_secret(&Aad::account_recovery_key(u.id), &recovery)
                        .is_err(),
                "account {}'s key opened without its password",
                u.id
            );
        }
        for guess in ["", "password", u.email.as_str()] {
            assert!(matches!(
                haven::crypto::check_blocking(guess, u.password_hash.as_deref().unwrap()),
                Checked::Wrong
            ));
        }
        let Checked::Right(seed) =
            haven::crypto::check_blocking(PASSWORD, u.password_hash.as_deref().unwrap())
        else {
            panic!("the password gives the seed");
        };
        assert!(
            seed.open_secret(&Aad::account_key(u.id), &sealed_key)
                .is_ok(),
            "with the password, the account's key opens"
        );
        let totp = keyring
            .open_system(
                u.totp_key_id.as_deref().unwrap(),
                &Aad::totp_secret(u.id),
                &sealed(u.totp_secret.as_ref().unwrap()),
            )
            .expect("the master key opens a TOTP secret");
        assert_eq!(totp.as_slice(), test_totp_secret().as_slice());
    }
    for secret in &outbox {
        let plain = keyring
            .open_system(
                &secret.secret_key_id,
                &Aad::outbox_secret(&secret.message_id),
                &sealed(&secret.secret_params),
            )
            .expect("an outbox secret opens with the master key");
        assert!(plain.len() < 200, "a link's token, not a case's content");
    }

    // Cases: no copy under the master key alone; the master key takes off
    // the outer layer of the sealed keys, and no key the rows give opens
    // what is inside.
    for case in &cases {
        assert!(
            case.wrapped_key.is_none(),
            "case {} has its key under the master key alone",
            case.reference
        );
        assert!(case.team_key_id.is_some());
        let master_key_id = case.keys_master_key_id.as_deref().expect("its sealed keys");
        for (aad, outer, count) in [
            (
                Aad::case_team_keys(&case.reference),
                case.team_keys.as_ref().expect("sealed to the team"),
                2,
            ),
            (
                Aad::case_receipt_key(&case.reference),
                case.receipt_key.as_ref().expect("sealed to the receipt"),
                1,
            ),
        ] {
            let inner = keyring
                .open_outer(master_key_id, &aad, &sealed(outer))
                .expect("the key file takes off the outer layer");
            for guess in &guesses {
                assert!(
                    guess.open_keys(&aad, &inner, count).is_err(),
                    "case {}'s keys opened without a person",
                    case.id
                );
            }
        }
        assert!(
            haven::db::cases::find(&mut conn, case.id)
                .unwrap()
                .and_then(|row| haven::custody::cases::legacy_key(&keyring, &row).ok())
                .is_none(),
            "the server's own path for cases filed before opens nothing"
        );
    }
    for r in &referrals {
        let master_key_id = r.master_key_id.as_deref().expect("the referral's own key");
        for (holder, outer) in [
            ("team", r.team_key.as_ref().expect("sealed to the team")),
            ("group", r.group_key.as_ref().expect("sealed to the group")),
        ] {
            let aad = Aad::referral_key(&r.reference, &r.public_id, holder);
            let inner = keyring
                .open_outer(master_key_id, &aad, &sealed(outer))
                .expect("the key file takes off the outer layer");
            for guess in &guesses {
                assert!(
                    guess.open_keys(&aad, &inner, 1).is_err(),
                    "a referral's key opened without a person"
                );
            }
        }
    }
    for g in &grants {
        let aad = Aad::shared_key_grant(g.shared_key_id, g.user_id);
        for guess in &guesses {
            assert!(
                guess.open_secret(&aad, &sealed(&g.sealed)).is_err(),
                "a grant opened without its holder's password"
            );
        }
    }

    // And nothing of the day is readable in the dump itself.
    for marker in [
        "NARRATIVE-ONE-6121",
        "Hotan",
        "INVOLVED-ONE-7302",
        "contact-one-4417",
        "EVIDENCE-ONE-5530",
        "FILENAME-ONE-1198",
        "NARRATIVE-TWO-8840",
        "416 555 0199",
        "FILENAME-TWO-3307",
        "NARRATIVE-THREE-2218",
        "NOTE-ONE-9921",
        "STAFFMSG-ONE-4720",
        "STAFFMSG-TWO-6613",
        "REPLY-ONE-2254",
        "EVIDENCE-LATER-8163",
        "FILENAME-LATER-4460",
        "SUMMARY-ONE-3381",
        "UPDATE-ONE-7710",
        first_receipt.as_str(),
        &first_receipt.replace(' ', ""),
        cw_token.as_str(),
        visit_token.as_str(),
    ] {
        assert!(
            !dump_reveals(&dump, marker),
            "{marker} is readable in the dump"
        );
    }
    assert!(
        !dump.to_lowercase().contains(&hex::encode(PNG)),
        "the evidence image is not in the dump"
    );
}
