//! The caseworker's side in a browser: the queue on a 1280-pixel screen
//! shows 50 cases one line each without scrolling sideways (in English,
//! Uyghur and Tibetan); a case is triaged with the keyboard alone, with
//! and without JavaScript, and the page comes back at the form.

use diesel::RunQueryDsl;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::{Client, Locator};
use serde_json::json;

use crate::browser::{axe, browser, gone, shot, sign_in, text_of, wait_for};
use crate::helpers::*;

const KINDS: &[&str] = &[
    "online_harassment",
    "surveillance",
    "family_threats",
    "pressure_to_return",
    "pressure_to_inform",
    "event_intimidation",
    "hacking",
    "smear_campaign",
    "proxy_contact",
    "legal_abuse",
    "assault",
    "other",
];
const COMMUNITIES: &[&str] = &[
    "uyghur",
    "tibetan",
    "hong_kong",
    "southern_mongolian",
    "falun_gong",
];
const LANGUAGES: &[&str] = &["en", "fr", "zh-Hans", "zh-Hant", "ug", "bo"];
const STATUSES: &[&str] = &["new", "triaged", "in_progress", "referred"];

/// Files `n` cases straight into the table (the queue reads no content),
/// with up to three kinds each, every language and community, and long
/// assignee names: the widest rows the queue shows.
fn seed_wide(app: &TestApp, n: usize, workers: &[i64]) {
    let mut values = Vec::new();
    for i in 0..n {
        let kinds: Vec<String> = (0..=(i % 3))
            .map(|k| format!("'{}'", KINDS[(i * 5 + k * 7) % KINDS.len()]))
            .collect();
        let assignee = if i % 4 == 3 {
            "NULL".to_string()
        } else {
            workers[i % workers.len()].to_string()
        };
        values.push(format!(
            "('WD{i:05}', 'x', 'k', '\\x00', '{source}', '{status}', '{risk}', ARRAY[{kinds}]::text[], \
             '{community}', 'BC', {assignee}, now() - interval '{i} hours', now() + interval '{due} days', \
             now() - interval '{i} hours', '{language}')",
            source = if i % 9 == 0 { "phone" } else { "web" },
            status = STATUSES[i % STATUSES.len()],
            risk = ["routine", "elevated", "urgent"][i % 3],
            kinds = kinds.join(","),
            community = COMMUNITIES[i % COMMUNITIES.len()],
            due = i as i64 % 5 - 2,
            language = LANGUAGES[i % LANGUAGES.len()],
        ));
    }
    let mut conn = app.db.connect();
    diesel::sql_query(format!(
        "INSERT INTO cases (reference, receipt_hash, master_key_id, content, source, status, risk, \
         kinds, community, province, assignee_id, received_at, response_due_at, last_activity_at, \
         language) VALUES {}",
        values.join(",\n")
    ))
    .execute(&mut conn)
    .unwrap();
}

fn name(app: &TestApp, email: &str, display: &str) -> i64 {
    let id = app.user_id(email);
    let mut conn = app.db.connect();
    diesel::sql_query(format!(
        "UPDATE users SET display_name = '{display}' WHERE id = {id}"
    ))
    .execute(&mut conn)
    .unwrap();
    id
}

#[tokio::test]
async fn fifty_cases_fit_a_1280_pixel_screen_one_line_each() {
    let app = spawn_app().await;
    let email = app.create_user("caseworker", None);
    let workers = [
        name(&app, &email, "Marie-Claire Tremblay-Gagnon"),
        name(
            &app,
            &app.create_user("caseworker", None),
            "Tenzin Dolkar Lhamo",
        ),
        name(
            &app,
            &app.create_user("admin", None),
            "Abdurehim Muhemmet Ependi",
        ),
    ];
    seed_wide(&app, 60, &workers);
    let b = browser(true).await;
    b.set_window_size(1280, 900).await.unwrap();
    sign_in(&b, &app, &email, "table.queue").await;
    let mut problems = Vec::new();
    for lang in ["en", "ug", "bo"] {
        b.goto(&app.url(&format!("/staff/cases?lang={lang}")))
            .await
            .unwrap();
        wait_for(&b, "table.queue").await;
        let measured = b
            .execute(
                "const rows = [...document.querySelectorAll('table.queue tbody tr')];
                 const line = parseFloat(getComputedStyle(rows[0].querySelector('td')).lineHeight);
                 return {
                   rows: rows.length,
                   scroll: document.documentElement.scrollWidth,
                   width: document.documentElement.clientWidth,
                   table: document.querySelector('table.queue').getBoundingClientRect().right,
                   tallest: Math.max(...rows.map(r => r.getBoundingClientRect().height)),
                   line: line,
                 };",
                vec![],
            )
            .await
            .unwrap();
        shot(&b, &format!("queue-50-1280-{lang}")).await;
        assert_eq!(measured["rows"], json!(50), "{lang}: a page of 50");
        let (scroll, width) = (
            measured["scroll"].as_f64().unwrap(),
            measured["width"].as_f64().unwrap(),
        );
        assert!(
            scroll <= width,
            "{lang}: no sideways scroll ({scroll} > {width})"
        );
        let (tallest, line) = (
            measured["tallest"].as_f64().unwrap(),
            measured["line"].as_f64().unwrap(),
        );
        assert!(
            tallest < line * 2.0 + 16.0,
            "{lang}: one line per case (a row is {tallest}px, a line {line}px)"
        );
        for v in axe(&b).await {
            problems.push(format!("queue {lang}: {v}"));
        }
    }
    b.close().await.unwrap();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Presses `keys` one after another, as a person at a keyboard does,
/// wherever focus is.
async fn press(b: &Client, keys: &str) {
    let mut actions = KeyActions::new("keyboard".into());
    for c in keys.chars() {
        actions = actions
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c });
    }
    b.perform_actions(actions).await.unwrap();
}

async fn focused_id(b: &Client) -> String {
    b.active_element()
        .await
        .unwrap()
        .attr("id")
        .await
        .unwrap()
        .unwrap_or_default()
}

const TAB: char = '\u{E004}';
const ENTER: char = '\u{E007}';
const DOWN: char = '\u{E015}';

async fn triage_by_keyboard(app: &TestApp, javascript: bool) {
    let tag = if javascript { "js" } else { "nojs" };
    let (reference, _) = app
        .file_report(ReportForm::new(&format!("keyboard triage {tag}")))
        .await;
    let email = app.create_user("caseworker", None);
    let b = browser(javascript).await;
    b.set_window_size(1280, 900).await.unwrap();
    sign_in(&b, app, &email, "table.queue").await;
    b.goto(&app.url(&format!("/staff/cases/{reference}")))
        .await
        .unwrap();
    wait_for(&b, "#triage-form").await;
    if javascript {
        // The documented keys: s, r and a take focus to their fields.
        for (key, id) in [
            ('s', "status"),
            ('r', "risk"),
            ('a', "assignee"),
            ('s', "status"),
        ] {
            b.find(Locator::Css("h1"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
            press(&b, &key.to_string()).await;
            assert_eq!(focused_id(&b).await, id, "{key} focuses #{id}");
        }
    } else {
        // From the section's start, Tab reaches the status first.
        b.goto(&app.url(&format!("/staff/cases/{reference}#triage")))
            .await
            .unwrap();
        wait_for(&b, "#triage-form").await;
        press(&b, &TAB.to_string()).await;
        assert_eq!(focused_id(&b).await, "status");
    }
    // Status: the first move offered; risk: one down (elevated); assignee:
    // one down (the first caseworker listed); then save with Enter.
    let old = b.find(Locator::Css("html")).await.unwrap();
    press(&b, &format!("{DOWN}{TAB}{DOWN}{TAB}{DOWN}{TAB}")).await;
    assert_eq!(
        b.active_element()
            .await
            .unwrap()
            .attr("type")
            .await
            .unwrap()
            .as_deref(),
        Some("submit")
    );
    press(&b, &ENTER.to_string()).await;
    gone(&old).await;
    shot(&b, &format!("triage-keyboard-{tag}")).await;
    let done = text_of(&b, "triage-done").await;
    assert!(done.starts_with("Triage saved"), "{done}");
    let url = b.current_url().await.unwrap();
    assert_eq!(url.fragment(), Some("triage"), "back at the form: {url}");
    // Focus goes on from the form: Tab reaches the status again.
    press(&b, &TAB.to_string()).await;
    assert_eq!(
        focused_id(&b).await,
        "status",
        "{tag}: focus stays at the form"
    );
    b.close().await.unwrap();

    let row = haven::db::cases::find_by_reference(&mut app.db.connect(), &reference)
        .unwrap()
        .unwrap();
    assert_eq!(row.status, "triaged", "{tag}");
    assert_eq!(row.risk, "elevated", "{tag}");
    assert!(row.assignee_id.is_some(), "{tag}");
}

#[tokio::test]
async fn a_case_is_triaged_with_the_keyboard_alone() {
    let app = spawn_app().await;
    triage_by_keyboard(&app, true).await;
    triage_by_keyboard(&app, false).await;
}
