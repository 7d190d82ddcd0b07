//! Packets: a case shared beyond Haven, encrypted with age to its
//! recipient. Each test decrypts what it downloads with the recipient's
//! secret key, the way the recipient would.

use std::io::{Cursor, Read};

use sha2::{Digest, Sha256};

use crate::helpers::*;
use crate::smtp::SmtpSink;

const UYGHUR: &str = "ئۇلار ئۈرۈمچىدىكى ئاچامغا تەھدىت سالدى";
const TIBETAN: &str = "ཁོ་ཚོས་ང་ལ་སྡིགས་སྐུལ་བྱས།";
const CHINESE: &str = "他们在多伦多跟踪我";

/// A recipient of `kind` with `key` (an age public key) or none.
pub(crate) fn recipient(
    app: &TestApp,
    name: &str,
    email: &str,
    kind: &str,
    key: Option<&str>,
) -> i64 {
    let mut conn = app.db.connect();
    let id = haven::db::organisations::insert(
        &mut conn,
        &haven::domain::GroupName::parse(name).unwrap(),
        &[email.to_string()],
        &["uyghur".into()],
    )
    .unwrap()
    .id;
    use diesel::prelude::*;
    diesel::sql_query("UPDATE organisations SET kind = $1, age_recipient = $2 WHERE id = $3")
        .bind::<diesel::sql_types::Text, _>(kind)
        .bind::<diesel::sql_types::Nullable<diesel::sql_types::Text>, _>(key)
        .bind::<diesel::sql_types::BigInt, _>(id)
        .execute(&mut conn)
        .unwrap();
    id
}

/// A new client signed in as a new caseworker.
async fn caseworker(app: &TestApp) -> reqwest::Client {
    signed_in(app, &app.create_user("caseworker", None)).await
}

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    client
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The evidence ids the packet form offers.
fn evidence_ids(case_page: &str) -> Vec<String> {
    case_page
        .match_indices("name=\"evidence\" value=\"")
        .map(|(i, m)| {
            case_page[i + m.len()..]
                .chars()
                .take_while(|c| *c != '"')
                .collect()
        })
        .collect()
}

/// Decrypts an age file with `identity` and reads the ZIP inside: each
/// entry's name and bytes.
fn open_packet(bytes: &[u8], identity: &age::x25519::Identity) -> Vec<(String, Vec<u8>)> {
    let decryptor = age::Decryptor::new(bytes).expect("an age file");
    let mut reader = decryptor
        .decrypt(std::iter::once(identity as &dyn age::Identity))
        .expect("the recipient's key opens it");
    let mut zip_bytes = Vec::new();
    reader.read_to_end(&mut zip_bytes).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(zip_bytes)).expect("a ZIP inside");
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        out.push((f.name().unwrap().to_string(), data));
    }
    out
}

fn zip_of(bytes: &[u8], identity: &age::x25519::Identity) -> Vec<u8> {
    let decryptor = age::Decryptor::new(bytes).unwrap();
    let mut reader = decryptor
        .decrypt(std::iter::once(identity as &dyn age::Identity))
        .unwrap();
    let mut out = Vec::new();
    reader.read_to_end(&mut out).unwrap();
    out
}

/// `age -d -i key.txt packet.zip.age`, run in a scratch folder, as the
/// README tells a recipient.
fn age_cli_decrypt(bytes: &[u8], identity: &age::x25519::Identity) -> Vec<u8> {
    use age::secrecy::ExposeSecret;
    let dir = std::env::temp_dir().join(format!(
        "haven-age-{}-{}",
        std::process::id(),
        &hex::encode(Sha256::digest(bytes))[..12]
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("key.txt"), identity.to_string().expose_secret()).unwrap();
    std::fs::write(dir.join("packet.zip.age"), bytes).unwrap();
    let out = std::process::Command::new("age")
        .current_dir(&dir)
        .args(["-d", "-i", "key.txt", "packet.zip.age"])
        .output()
        .expect("the age command is installed (scripts/test.sh installs it)");
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        out.status.success(),
        "age -d failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn entry<'a>(files: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &files
        .iter()
        .find(|(n, _)| n == &format!("haven-packet/{name}"))
        .unwrap_or_else(|| panic!("{name} is in the packet"))
        .1
}

fn text_of(files: &[(String, Vec<u8>)], name: &str) -> String {
    String::from_utf8(entry(files, name).to_vec()).unwrap()
}

/// The text of a PDF, through poppler's `pdftotext`.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("haven-packet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.pdf", hex::encode(Sha256::digest(pdf))));
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is installed (scripts/test.sh installs poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Every file's SHA-256 is in the manifest, and matches.
fn check_manifest(files: &[(String, Vec<u8>)]) {
    let sums = text_of(files, "SHA256SUMS");
    let listed: Vec<(&str, &str)> = sums
        .lines()
        .map(|l| l.split_once("  ").expect("sha256sum format"))
        .collect();
    let others: Vec<_> = files
        .iter()
        .filter(|(n, _)| n != "haven-packet/SHA256SUMS")
        .collect();
    assert_eq!(listed.len(), others.len(), "one line per file");
    for (name, bytes) in others {
        let short = name.trim_start_matches("haven-packet/");
        let (hash, _) = listed
            .iter()
            .find(|(_, n)| *n == short)
            .unwrap_or_else(|| panic!("{short} is in the manifest"));
        assert_eq!(*hash, hex::encode(Sha256::digest(bytes)), "{short}'s hash");
    }
}

#[tokio::test]
async fn a_packet_for_an_official_body_opens_with_its_key_and_downloads_once() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(sink.url()),
        ..Default::default()
    })
    .await;
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let body = recipient(
        &app,
        "RCMP NSIN",
        "nsin@rcmp.example",
        "national_security",
        Some(&public),
    );
    let narrative = format!("NARRATIVE-MARK-9120 {UYGHUR} {TIBETAN} {CHINESE}");
    let (reference, receipt) = app
        .file_report(
            ReportForm::new(&narrative)
                .field("consent_police", "on")
                .field("contact_method", "email")
                .field("contact_value", "contact-mark-5521@example.org")
                .file("threat.png", PNG),
        )
        .await;

    let cw = caseworker(&app).await;
    let case_page = page(&app, &cw, &format!("/staff/cases/{reference}")).await;
    let ids = evidence_ids(&case_page);
    assert_eq!(ids.len(), 1, "the form offers the case's file");
    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/packets"),
        &[
            ("recipient", &body.to_string()),
            (
                "cover",
                "COVER-MARK-3307 Please contact the family through us.",
            ),
            ("evidence", &ids[0]),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/staff/packets/"), "{location}");
    let packet_path = location.split('?').next().unwrap().to_string();
    let shown = plain(&page(&app, &cw, &location).await);
    assert!(shown.contains("The packet for RCMP NSIN was built"));
    assert!(shown.contains("age -d -i key.txt packet.zip.age"));
    let shown_hash = element_text(&page(&app, &cw, &packet_path).await, "packet-sha256").unwrap();

    // Only ciphertext rests in the database until the download.
    let dump = app.pg_dump();
    for secret in ["COVER-MARK-3307", "NARRATIVE-MARK-9120"] {
        assert!(!dump_reveals(&dump, secret), "{secret} is not in clear");
    }

    // Another caseworker cannot take it.
    let other = caseworker(&app).await;
    let res = post_as(&app, &other, &format!("{packet_path}/download"), &[]).await;
    assert_eq!(res.status(), 404);

    let res = post_as(&app, &cw, &format!("{packet_path}/download"), &[]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"].to_str().unwrap(),
        "application/octet-stream"
    );
    let bytes = res.bytes().await.unwrap().to_vec();
    assert_eq!(hex::encode(Sha256::digest(&bytes)), shown_hash);

    let files = open_packet(&bytes, &identity);
    check_manifest(&files);
    // The one command the README gives a recipient opens it too.
    assert_eq!(
        age_cli_decrypt(&bytes, &identity),
        zip_of(&bytes, &identity)
    );
    let cover = text_of(&files, "cover.txt");
    assert!(cover.contains("COVER-MARK-3307 Please contact the family through us."));
    assert!(cover.contains(&reference));
    let html = text_of(&files, "report.html");
    assert!(html.contains("NARRATIVE-MARK-9120") && html.contains(UYGHUR));
    assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"));
    let pdf = entry(&files, "report.pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let pdf_text = pdf_text(pdf);
    assert!(pdf_text.contains("NARRATIVE-MARK-9120"), "{pdf_text}");
    // (Lines break between ideographs: compared without white space.)
    let joined: String = pdf_text.split_whitespace().collect();
    assert!(joined.contains(CHINESE), "{pdf_text}");
    assert!(
        !pdf_text.contains('\u{2068}') && pdf_text.contains(&format!("Report {reference}")),
        "no isolation marks: {pdf_text}"
    );
    assert_eq!(entry(&files, "evidence/01-threat.png"), PNG);
    let custody = text_of(&files, "custody.txt");
    assert!(custody.contains("Report received: "));
    assert!(custody.contains(":00 UTC"), "to the hour: {custody}");
    assert!(custody.contains("evidence/01-threat.png"));
    assert!(custody.contains("added by the reporter"));
    assert!(
        custody.contains("Caseworker"),
        "exported by role: {custody}"
    );
    assert!(!custody.contains("caseworker-"), "never by name or email");
    for (name, data) in &files {
        let text = String::from_utf8_lossy(data);
        assert!(
            !text.contains("contact-mark-5521") && !text.contains(&receipt),
            "{name} holds no contact details and no receipt"
        );
    }

    // Once: a second download fails, and the file is gone from Haven.
    let res = post_as(&app, &cw, &format!("{packet_path}/download"), &[]).await;
    assert_eq!(res.status(), 410);
    assert!(plain(&res.text().await.unwrap()).contains("This packet cannot be downloaded again"));
    let mut conn = app.db.connect();
    use diesel::prelude::*;
    let left: i64 = diesel::dsl::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT count(*) FROM packets WHERE ciphertext IS NOT NULL)",
    ))
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(left, 0);

    // Audited: who, which case, which recipient, which files, its hash.
    let case_id = haven::db::cases::find_by_reference(&mut conn, &reference)
        .unwrap()
        .unwrap()
        .id;
    let rows = haven::db::audit::chunk(&mut conn, 0, 1000).unwrap();
    let built = rows
        .iter()
        .find(|r| r.action == "packet.built")
        .expect("packet.built is audited");
    assert_eq!(built.target_id, case_id.to_string());
    assert!(built.actor_id.is_some());
    assert!(built.detail.contains(&format!("recipient={body}")));
    assert!(built.detail.contains(&ids[0]));
    assert!(built.detail.contains(&shown_hash));
    assert!(rows.iter().any(|r| r.action == "packet.downloaded"));

    // The recipient hears only that a packet is ready.
    app.deliver_mail_after_slots();
    let mails: Vec<_> = sink
        .received()
        .into_iter()
        .filter(|m| m.recipients == vec!["nsin@rcmp.example".to_string()])
        .collect();
    assert_eq!(mails.len(), 1);
    let text = mails[0].text();
    assert!(text.contains("An encrypted packet from Haven is ready for RCMP NSIN"));
    for secret in [
        "COVER-MARK-3307",
        "NARRATIVE-MARK-9120",
        &reference,
        "contact-mark-5521",
    ] {
        assert!(!text.contains(secret), "the email holds no {secret}");
    }

    // The reporter sees with whom their case was shared.
    let reporter = new_client();
    open_follow_up(&app, &reporter, &reference, &receipt).await;
    let follow = follow_up_page(&app, &reporter).await;
    assert!(follow.contains("RCMP NSIN"), "{follow}");
}

#[tokio::test]
async fn a_packet_without_the_consent_its_recipient_needs_is_refused_and_nothing_is_stored() {
    let app = spawn_app().await;
    let identity = age::x25519::Identity::generate();
    let police = recipient(
        &app,
        "Toronto Police",
        "tips@police.example",
        "police",
        Some(&identity.to_public().to_string()),
    );
    let lawyer = recipient(
        &app,
        "Legal Clinic",
        "intake@clinic.example",
        "legal",
        Some(&identity.to_public().to_string()),
    );
    // Consent to referral only: a lawyer may receive it, the police not.
    let (reference, _) = app
        .file_report(
            ReportForm::new("NARRATIVE-MARK-1200 a warning").field("consent_referral", "on"),
        )
        .await;
    let cw = caseworker(&app).await;
    let case_page = plain(&page(&app, &cw, &format!("/staff/cases/{reference}")).await);
    assert!(case_page.contains("Legal Clinic"));
    assert!(
        !case_page.contains("Toronto Police"),
        "not offered without consent"
    );
    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/packets"),
        &[
            ("recipient", &police.to_string()),
            ("cover", "Please look at this."),
        ],
    )
    .await;
    assert_eq!(res.status(), 409);
    assert!(
        plain(&res.text().await.unwrap())
            .contains("has not given the consent this recipient needs")
    );
    assert_eq!(app.count("packets"), 0);
    assert_eq!(app.count("outbox"), 0);

    // An empty cover note is refused, and what was typed is kept.
    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/packets"),
        &[("recipient", &lawyer.to_string()), ("cover", "   ")],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(plain(&res.text().await.unwrap()).contains("Write a cover note"));
    // A file of another case, or none that exists, is refused.
    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/packets"),
        &[
            ("recipient", &lawyer.to_string()),
            ("cover", "Please look at this."),
            ("evidence", "0123456789abcdef0123456789abcdef"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    // No recipient chosen.
    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/packets"),
        &[("recipient", ""), ("cover", "Please look at this.")],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert_eq!(app.count("packets"), 0);

    // The lawyer may receive it.
    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/packets"),
        &[
            ("recipient", &lawyer.to_string()),
            ("cover", "Please look at this."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.count("packets"), 1);
}

#[tokio::test]
async fn a_recipient_without_a_key_receives_only_the_notice() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(sink.url()),
        ..Default::default()
    })
    .await;
    let body = recipient(&app, "Local Police", "desk@police.example", "police", None);
    let (reference, receipt) = app
        .file_report(ReportForm::new("NARRATIVE-MARK-6620 a threat").field("consent_police", "on"))
        .await;
    let cw = caseworker(&app).await;
    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/packets"),
        &[
            ("recipient", &body.to_string()),
            ("cover", "COVER-MARK-8181"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.contains("done=packet-notice"), "{location}");
    let shown = plain(&page(&app, &cw, &location).await);
    assert!(shown.contains("only a notice that a case was shared was sent"));
    let mut conn = app.db.connect();
    use diesel::prelude::*;
    let (status, has_file): (String, bool) = diesel::dsl::select((
        diesel::dsl::sql::<diesel::sql_types::Text>("(SELECT status FROM packets)"),
        diesel::dsl::sql::<diesel::sql_types::Bool>("(SELECT ciphertext IS NOT NULL FROM packets)"),
    ))
    .get_result(&mut conn)
    .unwrap();
    assert_eq!((status.as_str(), has_file), ("notice", false));

    app.deliver_mail_after_slots();
    let mails: Vec<_> = sink
        .received()
        .into_iter()
        .filter(|m| m.recipients == vec!["desk@police.example".to_string()])
        .collect();
    assert_eq!(mails.len(), 1);
    let text = mails[0].text();
    assert!(text.contains("Haven shared a case with Local Police"));
    for secret in ["COVER-MARK-8181", "NARRATIVE-MARK-6620", &reference] {
        assert!(!text.contains(secret));
    }
    let reporter = new_client();
    open_follow_up(&app, &reporter, &reference, &receipt).await;
    assert!(
        follow_up_page(&app, &reporter)
            .await
            .contains("Local Police")
    );
}

#[tokio::test]
async fn a_group_packet_goes_with_its_referral_and_one_liaison_downloads_it_once() {
    let app = spawn_app().await;
    let identity = age::x25519::Identity::generate();
    let group = recipient(
        &app,
        "Group A",
        "intake@group-a.example",
        "partner",
        Some(&identity.to_public().to_string()),
    );
    let group_b = recipient(&app, "Group B", "intake@group-b.example", "partner", None);
    let (reference, _) = app
        .file_report(
            ReportForm::new(&format!("NARRATIVE-MARK-4471 {TIBETAN}"))
                .field("consent_referral", "on"),
        )
        .await;
    let cw = caseworker(&app).await;
    let build = [
        ("recipient", group.to_string()),
        ("cover", "COVER-MARK-2024".to_string()),
    ];
    let build: Vec<(&str, &str)> = build.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/packets"),
        &build,
    )
    .await;
    assert_eq!(res.status(), 409, "a group needs a referral first");
    assert!(plain(&res.text().await.unwrap()).contains("Refer the case to the group first"));

    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/referrals"),
        &[
            ("group", &group.to_string()),
            (&format!("summary_{group}"), "A summary."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/packets"),
        &build,
    )
    .await;
    assert_eq!(res.status(), 303);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .contains("done=packet-group")
    );

    // The caseworker cannot download a group's packet.
    let mut conn = app.db.connect();
    use diesel::prelude::*;
    let packet: String = diesel::dsl::select(diesel::dsl::sql::<diesel::sql_types::Text>(
        "(SELECT public_id FROM packets)",
    ))
    .get_result(&mut conn)
    .unwrap();
    let res = post_as(&app, &cw, &format!("/staff/packets/{packet}/download"), &[]).await;
    assert_eq!(res.status(), 404);

    let liaison = signed_in(&app, &app.create_user("liaison", Some("Group A"))).await;
    let list = page(&app, &liaison, "/staff/referrals").await;
    let referral = referral_links(&list).remove(0);
    let shown = plain(&page(&app, &liaison, &referral).await);
    assert!(shown.contains("Packets for your group"));
    assert!(shown.contains("Accept the referral to download the packet."));
    let download = format!("{referral}/packets/{packet}/download");
    let res = post_as(&app, &liaison, &download, &[]).await;
    assert_eq!(res.status(), 404, "not before the group accepts");
    let res = post_as(
        &app,
        &liaison,
        &format!("{referral}/accept"),
        &[("confirm", "yes")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let shown = page(&app, &liaison, &referral).await;
    assert!(shown.contains(&download));

    // A liaison of another group, through its own referral of the same
    // case, cannot take it.
    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/referrals"),
        &[
            ("group", &group_b.to_string()),
            (&format!("summary_{group_b}"), "B."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let other = signed_in(&app, &app.create_user("liaison", Some("Group B"))).await;
    let list_b = page(&app, &other, "/staff/referrals").await;
    let referral_b = referral_links(&list_b).remove(0);
    assert_ne!(referral_b, referral);
    let res = post_as(
        &app,
        &other,
        &format!("{referral_b}/accept"),
        &[("confirm", "yes")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let res = post_as(
        &app,
        &other,
        &format!("{referral_b}/packets/{packet}/download"),
        &[],
    )
    .await;
    assert_eq!(res.status(), 404);
    let res = post_as(&app, &other, &download, &[]).await;
    assert_eq!(res.status(), 404);

    let res = post_as(&app, &liaison, &download, &[]).await;
    assert_eq!(res.status(), 200);
    let files = open_packet(&res.bytes().await.unwrap(), &identity);
    check_manifest(&files);
    assert!(text_of(&files, "cover.txt").contains("COVER-MARK-2024"));
    assert!(text_of(&files, "report.html").contains(TIBETAN));
    let res = post_as(&app, &liaison, &download, &[]).await;
    assert_eq!(res.status(), 410, "once");
}

#[tokio::test]
async fn a_packet_past_its_time_is_gone() {
    let app = spawn_app().await;
    let identity = age::x25519::Identity::generate();
    let body = recipient(
        &app,
        "Legal Clinic",
        "intake@clinic.example",
        "legal",
        Some(&identity.to_public().to_string()),
    );
    let (reference, _) = app
        .file_report(ReportForm::new("NARRATIVE-MARK-3030").field("consent_referral", "on"))
        .await;
    let cw = caseworker(&app).await;
    let res = post_as(
        &app,
        &cw,
        &format!("/staff/cases/{reference}/packets"),
        &[
            ("recipient", &body.to_string()),
            ("cover", "For your review."),
        ],
    )
    .await;
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let packet_path = location.split('?').next().unwrap().to_string();
    let mut conn = app.db.connect();
    use diesel::prelude::*;
    diesel::sql_query("UPDATE packets SET expires_at = now() - interval '1 minute'")
        .execute(&mut conn)
        .unwrap();
    let res = post_as(&app, &cw, &format!("{packet_path}/download"), &[]).await;
    assert_eq!(res.status(), 410);
    assert_eq!(haven::cases::packets::expire(&mut conn).unwrap(), 1);
    let status: String = diesel::dsl::select(diesel::dsl::sql::<diesel::sql_types::Text>(
        "(SELECT status FROM packets)",
    ))
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(status, "expired");
    assert_eq!(app.count("packets WHERE ciphertext IS NOT NULL"), 0);
}

#[tokio::test]
async fn what_waits_is_forgotten_when_the_recipient_changes_or_the_reporter_asks_for_deletion() {
    let app = spawn_app().await;
    let first = age::x25519::Identity::generate().to_public().to_string();
    let second = age::x25519::Identity::generate().to_public().to_string();
    let body = recipient(
        &app,
        "Legal Clinic",
        "intake@clinic.example",
        "legal",
        Some(&first),
    );
    let (reference, receipt) = app
        .file_report(ReportForm::new("NARRATIVE-MARK-7070").field("consent_referral", "on"))
        .await;
    app.login_as("admin").await;
    let build = |cover: &'static str| {
        let path = format!("/staff/cases/{reference}/packets");
        let body = body.to_string();
        let app = &app;
        async move {
            app.post_staff(&path, &[("recipient", body.as_str()), ("cover", cover)])
                .await
        }
    };
    assert_eq!(build("First.").await.status(), 303);
    assert_eq!(build("Second.").await.status(), 303);
    assert_eq!(
        app.count("packets WHERE status = 'ready'"),
        1,
        "one packet waits per case and recipient"
    );

    // A new key: what was sealed to the old one is forgotten.
    let res = app
        .post_staff(
            &format!("/staff/admin/groups/{body}"),
            &[
                ("kind", "legal"),
                ("name", "Legal Clinic"),
                ("emails", "intake@clinic.example"),
                ("age_key", &second),
                ("active", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.count("packets WHERE status = 'ready'"), 0);
    assert_eq!(app.count("packets WHERE ciphertext IS NOT NULL"), 0);

    // The reporter asks for deletion: what waits is forgotten, and no
    // packet leaves any more.
    assert_eq!(build("Third.").await.status(), 303);
    assert_eq!(app.count("packets WHERE status = 'ready'"), 1);
    let reporter = new_client();
    open_follow_up(&app, &reporter, &reference, &receipt).await;
    let res = post_as_reporter(&app, &reporter, "/follow-up/case/deletion", &[]).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    assert_eq!(app.count("packets WHERE status = 'ready'"), 0);
    let res = build("Fourth.").await;
    assert_eq!(res.status(), 409);
    assert!(plain(&res.text().await.unwrap()).contains("asked for this case to be deleted"));
}

#[tokio::test]
async fn a_withdrawn_consent_a_deactivated_recipient_or_a_declined_referral_forgets_what_waits() {
    let app = spawn_app().await;
    let key = age::x25519::Identity::generate().to_public().to_string();
    let police = recipient(
        &app,
        "City Police",
        "desk@police.example",
        "police",
        Some(&key),
    );
    let lawyer = recipient(
        &app,
        "Legal Clinic",
        "intake@clinic.example",
        "legal",
        Some(&key),
    );
    let group = recipient(
        &app,
        "Group A",
        "intake@group-a.example",
        "partner",
        Some(&key),
    );
    let (reference, receipt) = app
        .file_report(
            ReportForm::new("NARRATIVE-MARK-5151")
                .field("consent_referral", "on")
                .field("consent_police", "on"),
        )
        .await;
    app.login_as("admin").await;
    let res = app
        .post_staff(
            &format!("/staff/cases/{reference}/referrals"),
            &[
                ("group", group.to_string().as_str()),
                (format!("summary_{group}").as_str(), "A summary."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    for id in [police, lawyer, group] {
        let res = app
            .post_staff(
                &format!("/staff/cases/{reference}/packets"),
                &[
                    ("recipient", id.to_string().as_str()),
                    ("cover", "For you."),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
    }
    let waiting = |org: i64| format!("packets WHERE status = 'ready' AND organisation_id = {org}");
    assert_eq!(app.count("packets WHERE status = 'ready'"), 3);

    // The reporter withdraws consent to the police: the police's packet is
    // forgotten, the others stay.
    let reporter = new_client();
    open_follow_up(&app, &reporter, &reference, &receipt).await;
    let res = crate::consent::change(&app, &reporter, "police", "no").await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.count(&waiting(police)), 0);
    assert_eq!(app.count(&waiting(lawyer)), 1);
    assert_eq!(app.count(&waiting(group)), 1);

    // The admin deactivates the lawyer: its packet is forgotten.
    let res = app
        .post_staff(
            &format!("/staff/admin/groups/{lawyer}"),
            &[
                ("kind", "legal"),
                ("name", "Legal Clinic"),
                ("emails", "intake@clinic.example"),
                ("age_key", key.as_str()),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.count(&waiting(lawyer)), 0);
    assert_eq!(app.count(&waiting(group)), 1);

    // The group declines the referral: its packet is forgotten.
    let liaison = signed_in(&app, &app.create_user("liaison", Some("Group A"))).await;
    let list = page(&app, &liaison, "/staff/referrals").await;
    let referral = referral_links(&list).remove(0);
    let res = post_as(
        &app,
        &liaison,
        &format!("{referral}/decline"),
        &[("reason", "We cannot take this on.")],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.count("packets WHERE status = 'ready'"), 0);
    assert_eq!(app.count("packets WHERE ciphertext IS NOT NULL"), 0);
}
