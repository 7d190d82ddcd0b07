//! The security claims, each a test that fails if the claim breaks.

use haven::auth::{Access, RULES};

use crate::helpers::*;

const XSS: &str =
    "<script>alert('x')</script><img src=x onerror=alert(1)>\"'><svg onload=alert(2)>";
const SQL: &str = "'; DROP TABLE cases; -- \" OR 1=1 --";

fn raw_payload_present(html: &str) -> bool {
    html.contains("<script>alert") || html.contains("<img src=x") || html.contains("<svg onload")
}

/// Claim: XSS payloads in every reporter-controlled field are escaped on
/// every staff page that shows them.
#[tokio::test]
async fn claim_xss_in_every_reporter_field_is_escaped_on_staff_pages() {
    let app = spawn_app().await;
    let group = {
        let mut conn = app.db.connect();
        haven::db::organisations::insert(
            &mut conn,
            &haven::domain::GroupName::parse("Group A").unwrap(),
            &["a@example.org".into()],
            &[],
        )
        .unwrap()
        .id
    };
    let (reference, receipt) = app
        .file_report(
            ReportForm::new(XSS)
                .field("involved", XSS)
                .field("prior_reports", XSS)
                .field("city", XSS)
                .field("contact_method", "signal")
                .field("contact_value", "@xss.42")
                .field("consent_referral", "on")
                .file(&format!("{XSS}.png"), PNG),
        )
        .await;
    // The reporter also writes a message.
    let reporter = new_client();
    let page = reporter
        .get(app.url("/follow-up"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_token(&page);
    reporter
        .post(app.url("/follow-up"))
        .form(&[
            ("reference", reference.as_str()),
            ("receipt", receipt.as_str()),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    let page = reporter
        .get(app.url("/follow-up/case"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_token(&page);
    reporter
        .post(app.url("/follow-up/case/messages"))
        .form(&[("body", XSS), ("csrf_token", &token)])
        .send()
        .await
        .unwrap();

    app.login_as("caseworker").await;
    let staff_token = app.staff_csrf().await;
    app.post_form(
        &format!("/staff/cases/{reference}/referrals"),
        &[
            ("group", &group.to_string()),
            (&format!("summary_{group}"), XSS),
            ("csrf_token", &staff_token),
        ],
    )
    .await;
    for path in [
        format!("/staff/cases/{reference}"),
        "/staff/cases".to_string(),
        "/staff/stats".to_string(),
    ] {
        let html = app.get_text(&path).await;
        assert!(!raw_payload_present(&html), "{path} renders a payload raw");
    }
    let case_page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        case_page.contains("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;"),
        "shown, escaped"
    );
    // The liaison's page shows the summary, escaped.
    let li = app.create_user("liaison", Some("Group A"));
    let client = new_client();
    app.login_with(&client, &li, PASSWORD).await;
    let list = client
        .get(app.url("/staff/referrals"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = list.find("href=\"/staff/referrals/").unwrap() + 6;
    let link: String = list[at..].chars().take_while(|c| *c != '"').collect();
    let html = client
        .get(app.url(&link))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!raw_payload_present(&html));
    assert!(html.contains("&#60;script&#62;"));
    // The evidence's file name is escaped too, and cannot break the header.
    let id_at = case_page.find("/evidence/").unwrap() + 10;
    let id: String = case_page[id_at..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    let res = app
        .get(&format!("/staff/cases/{reference}/evidence/{id}"))
        .await;
    assert!(
        res.headers()
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("attachment; filename*=UTF-8''")
    );
}

/// Claim: SQL metacharacters in every field and query parameter are
/// harmless: stored and shown as text, or refused, never executed.
#[tokio::test]
async fn claim_sql_metacharacters_are_harmless_everywhere() {
    let app = spawn_app().await;
    let (reference, _) = app
        .file_report(
            ReportForm::new(SQL)
                .field("involved", SQL)
                .field("prior_reports", SQL)
                .field("city", SQL),
        )
        .await;
    for (field, value) in [
        ("kinds", SQL),
        ("province", SQL),
        ("community", SQL),
        ("reporter_role", SQL),
        ("occurred_on", SQL),
        ("lang", SQL),
    ] {
        assert_eq!(
            app.submit_report(ReportForm::new("x").field(field, value))
                .await
                .status(),
            422,
            "{field}"
        );
    }
    app.login_as("caseworker").await;
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        page.contains("&#39;; DROP TABLE cases; -- &#34; OR 1=1 --"),
        "stored and shown as text"
    );
    let encoded: String = serde_urlencoded::to_string([("q", SQL)]).unwrap()[2..].to_string();
    for param in [
        "status",
        "risk",
        "kind",
        "community",
        "assignee",
        "from",
        "to",
        "sort",
        "after",
    ] {
        let status = app
            .get(&format!("/staff/cases?{param}={encoded}"))
            .await
            .status();
        assert_eq!(status, 400, "{param}");
    }
    assert_eq!(
        app.get(&format!("/staff/cases/{encoded}")).await.status(),
        404
    );
    assert_eq!(
        app.get(&format!("/staff/admin/audit?action={encoded}"))
            .await
            .status(),
        403,
        "admin only"
    );
    assert_eq!(app.login_with(&new_client(), SQL, SQL).await.status(), 401);
    let token = csrf_token(&app.get_text("/follow-up").await);
    let res = app
        .client
        .post(app.url("/follow-up"))
        .form(&[("reference", SQL), ("receipt", SQL), ("csrf_token", &token)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        app.count("cases"),
        1,
        "the table is still there, with its one case"
    );
}

/// Claim: every state-changing route refuses a missing or wrong CSRF
/// token — all of the staff policy table, and every public form.
#[tokio::test]
async fn claim_every_state_changing_route_refuses_a_missing_or_wrong_csrf_token() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("csrf")).await;
    let user_id = app.user_id(&app.create_user("caseworker", None));
    let admin = new_client();
    app.login_as_admin_with(&admin).await;
    for rule in RULES.iter().filter(|r| r.method == "POST") {
        let path = rule
            .pattern
            .replace("{reference}", &reference)
            .replace("{token}", &"ab".repeat(32))
            .replace("{id}", &user_id.to_string());
        for token in [None, Some("wrong-token")] {
            let mut form = vec![("x", "y")];
            if let Some(t) = token {
                form.push(("csrf_token", t));
            }
            let client = if rule.access == Access::Anyone {
                new_client()
            } else {
                admin.clone()
            };
            let res = client
                .post(app.url(&path))
                .form(&form)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 403, "{} with token {token:?}", rule.pattern);
        }
    }
    // Public forms: refused, nothing stored (the intake form is shown again).
    let reporter = new_client();
    let token = csrf_token(
        &reporter
            .get(app.url("/follow-up"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    reporter
        .post(app.url("/follow-up"))
        .form(&[
            ("reference", reference.as_str()),
            ("receipt", receipt.as_str()),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    for path in haven::routes::PUBLIC_POSTS {
        for token in ["", "wrong-token"] {
            let res = if *path == "/report" || path.ends_with("/evidence") {
                let body = reqwest::multipart::Form::new()
                    .text("narrative", "forged")
                    .text("csrf_token", token.to_string());
                reporter
                    .post(app.url(&format!("{path}?csrf_token={token}")))
                    .multipart(body)
                    .send()
                    .await
                    .unwrap()
            } else {
                reporter
                    .post(app.url(path))
                    .form(&[
                        ("csrf_token", token),
                        ("reference", reference.as_str()),
                        ("receipt", receipt.as_str()),
                        ("body", "forged"),
                    ])
                    .send()
                    .await
                    .unwrap()
            };
            let status = res.status().as_u16();
            assert!(
                status == 403 || status == 422,
                "{path} with token {token:?}: {status}"
            );
        }
    }
    assert_eq!(app.count("cases"), 1);
    assert_eq!(app.count("case_messages"), 0);
    assert!(
        reporter
            .get(app.url("/follow-up/case"))
            .send()
            .await
            .unwrap()
            .status()
            == 200,
        "the visit was not ended by a forged form"
    );
}

/// Claim: the session id changes at sign-in; a signed-out or deactivated
/// session is dead.
#[tokio::test]
async fn claim_session_fixation_and_dead_sessions() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let planted = "a".repeat(64);
    let client = new_client();
    let page = client
        .get(app.url("/staff/login"))
        .header("cookie", format!("haven_session={planted}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_token(&page);
    let res = client
        .post(app.url("/staff/login"))
        .header("cookie", format!("haven_session={planted}"))
        .form(&[
            ("email", email.as_str()),
            ("password", PASSWORD),
            ("totp", &app.fresh_totp(&email)),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    let set = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(
        set.starts_with("haven_session=") && !set.contains(&planted),
        "a fresh session id at sign-in"
    );
    let planted_use = new_client()
        .get(app.url("/staff/cases"))
        .header("cookie", format!("haven_session={planted}"))
        .send()
        .await
        .unwrap();
    assert_eq!(planted_use.status(), 303, "the planted id grants nothing");

    let cookie = set.split(';').next().unwrap().to_string();
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
    client
        .post(app.url("/staff/logout"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(
        new_client()
            .get(app.url("/staff/cases"))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap()
            .status(),
        303,
        "signed out: dead"
    );

    let other = new_client();
    let res = app.login_with(&other, &email, PASSWORD).await;
    let cookie = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let mut conn = app.db.connect();
    haven::db::users::set_active(&mut conn, app.user_id(&email), false).unwrap();
    assert_eq!(
        new_client()
            .get(app.url("/staff/cases"))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap()
            .status(),
        303,
        "deactivated: dead"
    );
}

async fn evidence_of(app: &TestApp, reference: &str) -> Vec<(String, reqwest::Response)> {
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    let mut out = Vec::new();
    for (i, _) in page.match_indices("/evidence/") {
        let id: String = page[i + 10..]
            .chars()
            .take_while(|c| c.is_ascii_hexdigit())
            .collect();
        if id.len() == 32 && !out.iter().any(|(x, _): &(String, _)| *x == id) {
            let res = app
                .get(&format!("/staff/cases/{reference}/evidence/{id}"))
                .await;
            out.push((id, res));
        }
    }
    out
}

/// Claim: hostile uploads are refused, cleaned, or only ever downloaded.
#[tokio::test]
async fn claim_uploads_polyglot_traversal_oversized_svg_and_gps() {
    let app = spawn_app().await;
    // An SVG with a script: refused, nothing stored.
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    assert_eq!(
        app.submit_report(ReportForm::new("svg").file("x.svg", svg))
            .await
            .status(),
        422
    );
    // Oversized: 413, nothing stored.
    assert_eq!(
        app.submit_report(
            ReportForm::new("big").file("big.txt", &vec![b'a'; 10 * 1024 * 1024 + 1])
        )
        .await
        .status(),
        413
    );
    assert_eq!(app.count("cases"), 0);
    // A polyglot (a JPEG that is also an HTML page), a traversal name, and
    // a JPEG carrying GPS tags.
    let mut polyglot = haven_jpeg_with_gps();
    polyglot.splice(
        2..2,
        b"\xFF\xFE\x00\x2C<html><script>alert(document.cookie)</script>"
            .iter()
            .copied(),
    );
    let (reference, _) = app
        .file_report(
            ReportForm::new("uploads")
                .file("polyglot.jpg.html", &polyglot)
                .file("../../etc/passwd", b"root:x:0:0:not really\n")
                .file("photo.jpg", &haven_jpeg_with_gps()),
        )
        .await;
    let receipt_page = app.get_text("/report/receipt").await;
    assert!(
        receipt_page.contains("We removed location and camera data from 2 photos"),
        "the reporter is told"
    );
    app.login_as("caseworker").await;
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        page.contains(">passwd</a>") && !page.contains("../"),
        "the path is gone from the name"
    );
    for (_, res) in evidence_of(&app, &reference).await {
        let h = res.headers().clone();
        assert_eq!(h.get("content-type").unwrap(), "application/octet-stream");
        assert!(
            h.get("content-disposition")
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );
        assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
        assert!(
            h.get("content-security-policy")
                .unwrap()
                .to_str()
                .unwrap()
                .contains("sandbox")
        );
        let body = res.bytes().await.unwrap();
        assert!(
            !body.windows(11).any(|w| w == b"GPSLatitude"),
            "no GPS in what is downloaded"
        );
        assert!(
            !body.windows(7).any(|w| w == b"<script"),
            "the polyglot's comment with HTML is gone too"
        );
    }
    assert!(!dump_reveals(&app.pg_dump(), "GPSLatitude"));
}

/// A minimal JPEG with an EXIF segment holding GPS tags.
fn haven_jpeg_with_gps() -> Vec<u8> {
    let mut v = vec![0xFF, 0xD8];
    let exif = b"Exif\0\0GPSLatitude 43.6532 N GPSLongitude 79.3832 W";
    v.extend_from_slice(&[0xFF, 0xE1]);
    v.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    v.extend_from_slice(exif);
    v.extend_from_slice(&[
        0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
    ]);
    v.extend_from_slice(&[
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0x34, 0x56,
    ]);
    v.extend_from_slice(&[0xFF, 0xD9]);
    v
}

/// Claim: a database dump holds no report text, contact value, note,
/// message, summary or evidence bytes in clear.
#[tokio::test]
async fn claim_a_dump_reveals_no_secret_in_clear() {
    let app = spawn_app().await;
    let group = {
        let mut conn = app.db.connect();
        haven::db::organisations::insert(
            &mut conn,
            &haven::domain::GroupName::parse("Group A").unwrap(),
            &["a@example.org".into()],
            &[],
        )
        .unwrap()
        .id
    };
    let (reference, receipt) = app
        .file_report(
            ReportForm::new("DUMP-NARRATIVE-1")
                .field("contact_method", "email")
                .field("contact_value", "dump-contact-2@example.org")
                .field("consent_referral", "on")
                .file("f.txt", b"DUMP-EVIDENCE-3"),
        )
        .await;
    app.login_as("caseworker").await;
    let token = app.staff_csrf().await;
    app.post_form(
        &format!("/staff/cases/{reference}/notes"),
        &[("body", "DUMP-NOTE-4"), ("csrf_token", &token)],
    )
    .await;
    app.post_form(
        &format!("/staff/cases/{reference}/messages"),
        &[("body", "DUMP-MESSAGE-5"), ("csrf_token", &token)],
    )
    .await;
    app.post_form(
        &format!("/staff/cases/{reference}/referrals"),
        &[
            ("group", &group.to_string()),
            (&format!("summary_{group}"), "DUMP-SUMMARY-6"),
            ("csrf_token", &token),
        ],
    )
    .await;
    let dump = app.pg_dump();
    for secret in [
        "DUMP-NARRATIVE-1",
        "dump-contact-2",
        "DUMP-EVIDENCE-3",
        "DUMP-NOTE-4",
        "DUMP-MESSAGE-5",
        "DUMP-SUMMARY-6",
        &receipt.replace(' ', ""),
    ] {
        assert!(
            !dump_reveals(&dump, secret),
            "{secret} is readable in the dump"
        );
    }
}

/// Claim: after a purge (and the master-key rotation `haven purge` does),
/// nothing of the case opens, even with a copy of the database taken before
/// the purge and the master key file as it is now.
#[tokio::test]
async fn claim_a_purged_case_cannot_be_opened_from_an_older_copy() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("PURGED-WORDS")).await;
    let (kept, _) = app.file_report(ReportForm::new("KEPT-WORDS")).await;
    let mut conn = app.db.connect();
    let before = haven::db::cases::find_by_reference(&mut conn, &reference)
        .unwrap()
        .unwrap();
    // The copy an attacker kept: the wrapped key and the sealed content.
    let copy = (
        before.master_key_id.clone(),
        before.wrapped_key.clone(),
        before.content.clone(),
    );
    // Through the app's pool, which signs the audit entries.
    let db = app.state.db.clone();
    assert!(
        db.run_blocking(|conn| haven::cases::purge::purge_case(
            conn,
            before.id,
            haven::cases::purge::Reason::Retention
        ))
        .unwrap()
    );
    let key_file = app.key_dir.join("master.key");
    assert!(haven::db::audit::shred_pending(&mut conn).unwrap());
    haven::keys::rotate(&db, &key_file, std::time::Duration::ZERO, |_| {}).unwrap();
    haven::keys::retire(&db, &key_file, |_| {}).unwrap();
    assert!(!haven::db::audit::shred_pending(&mut conn).unwrap());

    let keyring_now = haven::crypto::Keyring::load(&key_file, false).unwrap();
    let wrapped = haven::crypto::WrappedKey {
        master_key_id: copy.0,
        sealed: copy.1,
    };
    assert!(
        keyring_now.unwrap(&wrapped, &reference).is_err(),
        "the old copy's key no longer opens"
    );
    // The case that was kept still opens, now under the new key.
    let kept_row = haven::db::cases::find_by_reference(&mut conn, &kept)
        .unwrap()
        .unwrap();
    assert_eq!(kept_row.master_key_id, keyring_now.current().id());
    let data_key = keyring_now
        .unwrap(
            &haven::crypto::WrappedKey {
                master_key_id: kept_row.master_key_id.clone(),
                sealed: kept_row.wrapped_key.clone(),
            },
            &kept,
        )
        .unwrap();
    let content = data_key
        .open(&haven::crypto::Aad::case_content(&kept), &kept_row.content)
        .unwrap();
    assert!(String::from_utf8_lossy(&content).contains("KEPT-WORDS"));
    let _ = copy.2;
    // And the running service picks up the rotated file without a restart.
    assert!(app.state.keyring.reload_if_changed().unwrap());
    app.login_as("caseworker").await;
    assert!(
        app.get_text(&format!("/staff/cases/{kept}"))
            .await
            .contains("KEPT-WORDS")
    );
    let audit = haven::db::audit::page(&mut conn, &Default::default(), 50).unwrap();
    let purge = audit
        .iter()
        .find(|(r, _)| r.action == "case.purge")
        .expect("the purge is audited");
    assert_eq!(purge.0.detail, "retention");
    assert!(!purge.0.target_id.contains(&reference), "with no content");
}

/// Claim: the audit log detects an entry altered or deleted in SQL, and
/// PostgreSQL refuses UPDATE and DELETE on it.
#[tokio::test]
async fn claim_the_audit_chain_detects_tampering_and_refuses_changes() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("audited")).await;
    app.login_as("caseworker").await;
    app.get(&format!("/staff/cases/{reference}")).await;
    let token = app.staff_csrf().await;
    app.post_form(
        &format!("/staff/cases/{reference}/status"),
        &[("status", "triaged"), ("csrf_token", &token)],
    )
    .await;
    app.post_form(
        &format!("/staff/cases/{reference}/risk"),
        &[("risk", "elevated"), ("csrf_token", &token)],
    )
    .await;
    // The app's pool holds the audit key that checks the chain.
    let db = app.state.db.clone();
    assert!(
        matches!(haven::audit::verify(&db, |_| {}).unwrap(), haven::audit::Verdict::Intact { rows, .. } if rows >= 4)
    );

    use diesel::RunQueryDsl;
    let mut conn = app.db.connect();
    assert!(
        diesel::sql_query("UPDATE audit_log SET detail = 'x'")
            .execute(&mut conn)
            .is_err(),
        "UPDATE refused"
    );
    assert!(
        diesel::sql_query("DELETE FROM audit_log")
            .execute(&mut conn)
            .is_err(),
        "DELETE refused"
    );
    assert!(
        diesel::sql_query("TRUNCATE audit_log")
            .execute(&mut conn)
            .is_err(),
        "TRUNCATE refused"
    );

    // A superuser who switches the triggers off can still edit: the chain shows it.
    diesel::sql_query("SET session_replication_role = replica")
        .execute(&mut conn)
        .unwrap();
    diesel::sql_query("UPDATE audit_log SET detail = 'new>closed' WHERE action = 'case.status'")
        .execute(&mut conn)
        .unwrap();
    let verdict = haven::audit::verify(&db, |_| {}).unwrap();
    assert!(
        matches!(verdict, haven::audit::Verdict::Altered { .. }),
        "{verdict:?}"
    );
    diesel::sql_query("UPDATE audit_log SET detail = 'new>triaged' WHERE action = 'case.status'")
        .execute(&mut conn)
        .unwrap();
    diesel::sql_query("DELETE FROM audit_log WHERE action = 'case.status'")
        .execute(&mut conn)
        .unwrap();
    let verdict = haven::audit::verify(&db, |_| {}).unwrap();
    assert!(
        matches!(verdict, haven::audit::Verdict::Missing { .. }),
        "{verdict:?}"
    );
    diesel::sql_query("SET session_replication_role = origin")
        .execute(&mut conn)
        .unwrap();

    // The admin's page says so too.
    let admin = new_client();
    app.login_as_admin_with(&admin).await;
    let page = admin
        .get(app.url("/staff/admin/audit?verify=1"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(plain(&page).contains("Entries were removed just before entry"));
}

/// Claim: no reporter address or user agent reaches the database or the
/// logs. The app listens on 127.0.0.2 and the reporter connects from
/// 127.0.0.3, an address that appears nowhere else in the test run.
#[tokio::test]
async fn claim_no_reporter_address_or_user_agent_in_database_or_logs() {
    let app = spawn_app_with(Options {
        bind_ip: Some("127.0.0.2"),
        ..Default::default()
    })
    .await;
    let reporter_ip = "127.0.0.3";
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .local_address(Some(reporter_ip.parse().unwrap()))
        .build()
        .unwrap();
    let agent = "Mozilla/5.0 (ReporterPhone) AgentMarker-99120";
    let forwarded = "198.51.100.231";
    let page = client
        .get(app.url("/report"))
        .header("user-agent", agent)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let body = reqwest::multipart::Form::new()
        .text("csrf_token", csrf_token(&page))
        .text("narrative", "connection check");
    let res = client
        .post(app.url("/report"))
        .header("user-agent", agent)
        .header("x-forwarded-for", forwarded)
        .header("x-real-ip", forwarded)
        .header("forwarded", format!("for={forwarded}"))
        .multipart(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let receipt_page = client
        .get(app.url("/report/receipt"))
        .header("user-agent", agent)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let reference = element_text(&receipt_page, "case-reference").unwrap();
    let receipt = element_text(&receipt_page, "receipt").unwrap();
    let token = csrf_token(
        &client
            .get(app.url("/follow-up"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    // A wrong receipt first (throttling sees the source), then the right one.
    for r in ["0000 0000 0000 0000 0000", receipt.as_str()] {
        client
            .post(app.url("/follow-up"))
            .header("user-agent", agent)
            .header("x-forwarded-for", forwarded)
            .form(&[
                ("reference", reference.as_str()),
                ("receipt", r),
                ("csrf_token", &token),
            ])
            .send()
            .await
            .unwrap();
    }
    let dump = app.pg_dump();
    let logs = captured_logs();
    assert!(
        logs.contains("\"route\":\"/report\""),
        "the access log is captured"
    );
    for leak in [
        "AgentMarker-99120",
        forwarded,
        reporter_ip,
        &receipt.replace(' ', ""),
    ] {
        assert!(!dump_reveals(&dump, leak), "{leak} is in the database");
        assert!(!logs.contains(leak), "{leak} is in the logs");
    }
    assert!(!logs.contains(&reference), "logs carry ids, not references");
}

/// Claim: headers and cookies for an HTTPS deployment: HSTS, `__Host-`
/// cookies, no-store on staff pages, and only local `next=` targets.
#[tokio::test]
async fn claim_https_headers_host_cookies_no_store_and_no_open_redirect() {
    let app = spawn_app_with(Options {
        production: true,
        ..Default::default()
    })
    .await;
    let https = haven::config::Config::from_lookup(|k| match k {
        "HAVEN_BASE_URL" => Some("https://haven.example".into()),
        _ => None,
    })
    .unwrap();
    assert_eq!(
        haven::auth::session::cookie_name(&https),
        "__Host-haven_session"
    );
    assert!(https.secure_cookies());
    let email = app.create_user("caseworker", None);
    let res = app.login(&email).await;
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(cookie.contains("Secure") && cookie.contains("HttpOnly"));
    for next in [
        "https://evil.example",
        "//evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
    ] {
        let client = new_client();
        let page = client
            .get(app.url("/staff/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let token = csrf_token(&page);
        let res = client
            .post(app.url("/staff/login"))
            .form(&[
                ("email", email.as_str()),
                ("password", PASSWORD),
                ("totp", &app.fresh_totp(&email)),
                ("csrf_token", &token),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.headers().get("location").unwrap(),
            "/staff",
            "next={next}"
        );
    }
    for path in ["/staff/login", "/staff/cases", "/staff/nope"] {
        assert_eq!(
            app.get(path).await.headers().get("cache-control").unwrap(),
            "no-store",
            "{path}"
        );
    }
    // HSTS only over HTTPS.
    assert!(
        app.get("/")
            .await
            .headers()
            .get("strict-transport-security")
            .is_none()
    );
    let headers = haven::web::security_headers(true);
    let _ = headers;
}

/// Claim: oversized bodies are refused on every kind of route.
#[tokio::test]
async fn claim_request_bodies_are_limited() {
    let app = spawn_app().await;
    app.login_as("caseworker").await;
    let big = "x".repeat(300 * 1024);
    let token = app.staff_csrf().await;
    let res = app
        .post_form(
            "/staff/account/profile",
            &[("display_name", big.as_str()), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(res.status(), 413);
    let res = new_client()
        .post(app.url("/follow-up"))
        .form(&[("reference", big.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let res = app
        .submit_report(ReportForm::new(&"x".repeat(200 * 1024)))
        .await;
    assert_eq!(res.status(), 413);
}

/// Claim: evidence downloads cannot be framed, and cleaning a JPEG never
/// cuts it at bytes that only look like a marker inside a kept segment.
#[tokio::test]
async fn claim_evidence_downloads_are_unframeable_and_colour_profiles_survive() {
    let app = spawn_app().await;
    let mut icc = b"ICC_PROFILE\0\x01\x01".to_vec();
    icc.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x04, 0xAB, 0xFF, 0xD9, 0xFF, 0xE1, 0x33]);
    icc.extend_from_slice(b"profile data that continues after the look-alikes");
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE2];
    jpeg.extend_from_slice(&((icc.len() + 2) as u16).to_be_bytes());
    jpeg.extend_from_slice(&icc);
    jpeg.extend_from_slice(&[
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0xFF, 0x00, 0x56, 0xFF,
        0xD0, 0x78, 0xFF, 0xD9,
    ]);
    let (reference, _) = app
        .file_report(ReportForm::new("colour").file("photo.jpg", &jpeg))
        .await;
    app.login_as("caseworker").await;
    let downloads = evidence_of(&app, &reference).await;
    assert_eq!(downloads.len(), 1);
    for (_, res) in downloads {
        let csp = res
            .headers()
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(csp.contains("sandbox"), "{csp}");
        assert_eq!(
            res.bytes().await.unwrap().to_vec(),
            jpeg,
            "the photo is whole"
        );
    }
}
