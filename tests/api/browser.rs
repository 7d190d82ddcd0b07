//! Browser tests: a real Chromium (Debian's, through ChromeDriver) files a
//! report, reads its receipt, follows up and replies, in English, Chinese
//! and Uyghur, with JavaScript on and off; a caseworker signs in and reads
//! the report; axe-core checks the pages for accessibility. Screenshots are
//! written to target/screenshots/ for a person to look at.

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::helpers::*;

fn webdriver_url() -> String {
    std::env::var("HAVEN_TEST_WEBDRIVER").expect(
        "HAVEN_TEST_WEBDRIVER is not set: run the suite with scripts/test.sh, which installs Chromium and starts ChromeDriver",
    )
}

/// A fresh headless Chromium, phone-sized, with or without JavaScript.
pub(crate) async fn browser(javascript: bool) -> Client {
    // Named by the test run, whose script closes what a failed test left.
    let run = std::env::var("HAVEN_TEST_RUN").unwrap_or_default();
    let profile = std::env::temp_dir().join(format!(
        "haven-chromium-{run}-{}",
        haven::crypto::new_token()
    ));
    let mut prefs = serde_json::Map::new();
    if !javascript {
        prefs.insert(
            "profile.managed_default_content_settings.javascript".into(),
            json!(2),
        );
    }
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=390,1200",
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": prefs,
        }
    });
    let serde_json::Value::Object(caps) = caps else {
        unreachable!()
    };
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&webdriver_url())
        .await
        .expect("start Chromium through ChromeDriver")
}

pub(crate) async fn shot(client: &Client, name: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    // The whole page, not only what the window shows: the window is made
    // as tall as the document for the shot, then given back its height.
    let (width, height) = client.get_window_size().await.unwrap();
    let (width, height) = (width as u32, height as u32);
    let document = client
        .execute("return document.documentElement.scrollHeight;", vec![])
        .await
        .unwrap()
        .as_u64()
        .unwrap_or(0) as u32;
    let tall = document.saturating_add(160).clamp(height, 12_000);
    client.set_window_size(width, tall).await.unwrap();
    let png = client.screenshot().await.unwrap();
    client.set_window_size(width, height).await.unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

pub(crate) async fn fill(client: &Client, id: &str, text: &str) {
    for attempt in 0..5 {
        let element = client
            .wait()
            .at_most(std::time::Duration::from_secs(20))
            .for_element(Locator::Id(id))
            .await
            .unwrap_or_else(|_| panic!("#{id}"));
        match element.send_keys(text).await {
            Ok(_) => return,
            Err(fantoccini::error::CmdError::Standard(e))
                if e.error == fantoccini::error::ErrorStatus::StaleElementReference
                    && attempt < 4 =>
            {
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
            Err(e) => panic!("fill #{id}: {e}"),
        }
    }
}

pub(crate) async fn click(client: &Client, css: &str) {
    // The element is looked up again if the page was replaced between
    // finding and clicking it (a redirect still landing).
    for attempt in 0..5 {
        let element = client
            .wait()
            .at_most(std::time::Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|_| panic!("{css}"));
        match element.click().await {
            Ok(_) => return,
            Err(fantoccini::error::CmdError::Standard(e))
                if e.error == fantoccini::error::ErrorStatus::StaleElementReference
                    && attempt < 4 =>
            {
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
            Err(e) => panic!("click {css}: {e}"),
        }
    }
}

/// The text of `#id`, waiting for the page that has it to load.
pub(crate) async fn text_of(client: &Client, id: &str) -> String {
    client
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(Locator::Id(id))
        .await
        .unwrap_or_else(|_| panic!("#{id}"))
        .text()
        .await
        .unwrap()
}

pub(crate) async fn wait_for(client: &Client, css: &str) {
    client
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("{css}"));
}

/// Clicks `css` and returns once the page it leads to has replaced this
/// one (a form's steps share their ids, so waiting for an id is not enough).
pub(crate) async fn click_to_next_page(b: &Client, css: &str) {
    let old = b.find(Locator::Css("html")).await.unwrap();
    click(b, css).await;
    gone(&old).await;
}

/// Waits until `element`'s page has been replaced.
pub(crate) async fn gone(element: &fantoccini::elements::Element) {
    for _ in 0..400 {
        if let Err(fantoccini::error::CmdError::Standard(e)) = element.tag_name().await
            && e.error == fantoccini::error::ErrorStatus::StaleElementReference
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the page was not replaced");
}

/// The report form's Next button; returns on the next page.
pub(crate) async fn next_step(b: &Client) {
    click_to_next_page(b, "form.report-form button[name=go][value=next]").await;
}

/// The report form's "every question on one page" view.
pub(crate) async fn show_all_questions(b: &Client) {
    click_to_next_page(b, "form.report-form button[name=go][value=all]").await;
    wait_for(b, "textarea#identifiers").await;
}

/// Sends the report from its last step (or the one-page view).
pub(crate) async fn send_report(b: &Client) {
    click_to_next_page(b, "form.report-form button[name=go][value=send]").await;
}

/// Signs `email` in through the staff sign-in form in `b`, with the test
/// password and, for an account enrolled in two-factor sign-in, a fresh
/// one-time code; returns once `landing` (CSS) shows.
pub(crate) async fn sign_in(b: &Client, app: &TestApp, email: &str, landing: &str) {
    b.goto(&app.url("/staff/login")).await.unwrap();
    fill(b, "email", email).await;
    fill(b, "password", PASSWORD).await;
    let code = app.fresh_totp(email);
    if !code.is_empty() {
        fill(b, "totp", &code).await;
    }
    click(b, "form button[type=submit]").await;
    wait_for(b, landing).await;
}

/// Opens the reporter's visit to case `reference` with `receipt` through
/// the follow-up form in `b`; returns once `landing` (CSS) shows.
pub(crate) async fn open_visit(
    b: &Client,
    app: &TestApp,
    reference: &str,
    receipt: &str,
    landing: &str,
) {
    b.goto(&app.url("/follow-up")).await.unwrap();
    fill(b, "reference", reference).await;
    fill(b, "receipt", receipt).await;
    click(b, "form button[type=submit].primary").await;
    wait_for(b, landing).await;
}

/// Files a report, reads the receipt, follows up and replies, in `lang`.
async fn reporter_journey(
    app: &TestApp,
    lang: &str,
    javascript: bool,
    narrative: &str,
    reply: &str,
) -> String {
    let tag = format!("{lang}-{}", if javascript { "js" } else { "nojs" });
    let b = browser(javascript).await;
    b.goto(&app.url(&format!("/?lang={lang}"))).await.unwrap();
    let html = b.source().await.unwrap();
    assert!(html.contains(&format!("lang=\"{lang}\"")));
    if lang == "ug" {
        assert!(
            html.contains("dir=\"rtl\""),
            "Uyghur pages are right to left"
        );
    }
    shot(&b, &format!("{tag}-1-home")).await;
    click(&b, ".button.primary").await;
    wait_for(&b, "form.report-form").await;
    // Step 1: safety and who is reporting.
    click(&b, "#role-targeted").await;
    b.find(Locator::Id("community"))
        .await
        .unwrap()
        .select_by_value("uyghur")
        .await
        .unwrap();
    next_step(&b).await;
    // Step 2: what happened.
    fill(&b, "narrative", narrative).await;
    click(&b, "#kind-surveillance").await;
    fill(&b, "occurred_on", "2026-05").await;
    b.find(Locator::Id("province"))
        .await
        .unwrap()
        .select_by_value("BC")
        .await
        .unwrap();
    next_step(&b).await;
    // Step 3: nothing more; step 4: consent to statistics.
    wait_for(&b, "#state_link").await;
    next_step(&b).await;
    click(&b, "#consent_stats").await;
    shot(&b, &format!("{tag}-2-form")).await;
    send_report(&b).await;
    let reference = text_of(&b, "case-reference").await;
    let receipt = text_of(&b, "receipt").await;
    assert_eq!(reference.len(), 9, "{reference}");
    assert_eq!(receipt.split(' ').count(), 5, "{receipt}");
    shot(&b, &format!("{tag}-3-receipt")).await;
    assert!(
        b.current_url()
            .await
            .unwrap()
            .as_str()
            .contains(&format!("lang={lang}")),
        "the language is carried along"
    );

    // Come back later with reference and receipt, and reply.
    b.goto(&app.url(&format!("/follow-up?lang={lang}")))
        .await
        .unwrap();
    fill(&b, "reference", &reference).await;
    fill(&b, "receipt", &receipt).await;
    shot(&b, &format!("{tag}-4-follow-up")).await;
    click(&b, "form button[type=submit].primary").await;
    assert_eq!(text_of(&b, "case-reference").await, reference);
    fill(&b, "body", reply).await;
    click(&b, "form[action*='/follow-up/case/messages'] button").await;
    wait_for(&b, ".message.mine").await;
    shot(&b, &format!("{tag}-5-case")).await;
    let page = b.source().await.unwrap();
    let shown = b
        .find(Locator::Css(".message .prewrap"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(shown.trim(), reply, "the reply is shown");
    assert!(page.contains("message mine"));
    b.close().await.unwrap();
    reference
}

async fn caseworker_reads(app: &TestApp, javascript: bool, reference: &str, narrative: &str) {
    let email = app.create_user("caseworker", None);
    let b = browser(javascript).await;
    sign_in(&b, app, &email, "table.queue").await;
    let url = b.current_url().await.unwrap();
    assert!(url.as_str().ends_with("/staff/cases"), "{url}");
    click(&b, &format!("a[href='/staff/cases/{reference}']")).await;
    wait_for(&b, ".narrative").await;
    let page = b.source().await.unwrap();
    assert!(page.contains(narrative), "the caseworker reads the report");
    shot(
        &b,
        &format!("staff-case-{}", if javascript { "js" } else { "nojs" }),
    )
    .await;
    b.close().await.unwrap();
}

#[tokio::test]
async fn a_reporter_files_follows_up_and_replies_in_three_languages_with_javascript() {
    let app = spawn_app().await;
    let cases = [
        (
            "en",
            "Two men followed me from the vigil to my home.",
            "Thank you, I am safe now.",
        ),
        (
            "zh-Hans",
            "两个人从守夜活动一直跟踪我到家门口。",
            "谢谢，我现在安全。",
        ),
        (
            "ug",
            "ئىككى ئادەم مېنى ئۆيۈمگىچە ئەگىشىپ كەلدى.",
            "رەھمەت، مەن ھازىر بىخەتەر.",
        ),
    ];
    let mut first = String::new();
    for (lang, narrative, reply) in cases {
        let reference = reporter_journey(&app, lang, true, narrative, reply).await;
        if first.is_empty() {
            first = reference;
        }
    }
    caseworker_reads(&app, true, &first, cases[0].1).await;
    assert_eq!(app.count("cases"), 3);
}

#[tokio::test]
async fn the_same_journeys_work_with_javascript_disabled() {
    let app = spawn_app().await;
    let cases = [
        (
            "en",
            "They called my parents and told them to make me stop.",
            "I will come to the office.",
        ),
        (
            "zh-Hant",
            "他們打電話給我父母，要他們叫我停止。",
            "我會去辦公室。",
        ),
        (
            "ug",
            "ئۇلار ئاتا-ئانامغا تېلېفون قىلدى.",
            "مەن ئىشخانىغا بارىمەن.",
        ),
    ];
    let mut first = String::new();
    for (lang, narrative, reply) in cases {
        let reference = reporter_journey(&app, lang, false, narrative, reply).await;
        if first.is_empty() {
            first = reference;
        }
    }
    caseworker_reads(&app, false, &first, cases[0].1).await;
}

/// Runs axe-core on the current page; returns serious and critical
/// violations as "rule: count".
pub(crate) async fn axe(client: &Client) -> Vec<String> {
    let path = std::env::var("HAVEN_TEST_AXE").expect("HAVEN_TEST_AXE is set by scripts/test.sh");
    let source = std::fs::read_to_string(&path).expect("axe-core is installed by scripts/test.sh");
    client.execute(&source, vec![]).await.unwrap();
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => done(r.violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(result).unwrap()
}

#[tokio::test]
async fn axe_finds_no_serious_or_critical_violation_on_the_public_and_sign_in_pages() {
    let app = spawn_app().await;
    let b = browser(true).await;
    let mut problems = Vec::new();
    for lang in ["en", "zh-Hans", "ug", "bo"] {
        for path in ["/", "/report", "/follow-up"] {
            b.goto(&app.url(&format!("{path}?lang={lang}")))
                .await
                .unwrap();
            for v in axe(&b).await {
                problems.push(format!("{path}?lang={lang}: {v}"));
            }
        }
    }
    // The form with errors shown, the receipt page, the case page.
    b.goto(&app.url("/report")).await.unwrap();
    next_step(&b).await;
    wait_for(&b, "#narrative").await;
    next_step(&b).await;
    wait_for(&b, "#form-errors").await;
    problems.extend(
        axe(&b)
            .await
            .into_iter()
            .map(|v| format!("/report (errors): {v}")),
    );
    b.goto(&app.url("/report")).await.unwrap();
    show_all_questions(&b).await;
    fill(&b, "narrative", "axe check").await;
    send_report(&b).await;
    problems.extend(axe(&b).await.into_iter().map(|v| format!("receipt: {v}")));
    let reference = text_of(&b, "case-reference").await;
    let receipt = text_of(&b, "receipt").await;
    open_visit(&b, &app, &reference, &receipt, "#case-status").await;
    problems.extend(axe(&b).await.into_iter().map(|v| format!("case: {v}")));
    b.goto(&app.url("/staff/login")).await.unwrap();
    problems.extend(axe(&b).await.into_iter().map(|v| format!("sign-in: {v}")));
    b.close().await.unwrap();
    assert!(
        problems.is_empty(),
        "accessibility problems:\n{}",
        problems.join("\n")
    );
}

#[tokio::test]
async fn the_quick_exit_leaves_and_nothing_loads_from_elsewhere() {
    let app = spawn_app().await;
    let b = browser(true).await;
    b.goto(&app.url("/report")).await.unwrap();
    let resources: Vec<String> = serde_json::from_value(
        b.execute(
            "return performance.getEntriesByType('resource').map(e => e.name)",
            vec![],
        )
        .await
        .unwrap(),
    )
    .unwrap();
    assert!(!resources.is_empty());
    for r in &resources {
        assert!(r.starts_with(&app.address), "loaded from elsewhere: {r}");
    }
    let exit = b.find(Locator::Id("quick-exit")).await.unwrap();
    assert_eq!(
        exit.attr("href").await.unwrap().as_deref(),
        Some("/exit"),
        "the quick exit goes through Haven, which sends the browser to a neutral site"
    );
    let (_, _, width, _) = exit.rectangle().await.unwrap();
    assert!(width >= 44.0, "the quick exit is easy to hit: {width}px");
    b.close().await.unwrap();
}

/// A stand-in for the neutral site the quick exit leaves for (the tests
/// have no network): another origin, answering one plain page.
fn neutral_site() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = Vec::new();
            let mut buf = [0u8; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buf[..n]),
                }
            }
            let body = "<!DOCTYPE html><html lang=\"en\"><head><title>Weather</title></head><body><h1 id=\"neutral\">Weather: sunny</h1></body></html>";
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    address
}

async fn spawn_app_with_neutral_exit() -> TestApp {
    spawn_app_with(Options {
        exit_url: Some(neutral_site()),
        ..Default::default()
    })
    .await
}

/// Leaves by the quick exit, lands on the neutral site, then presses Back;
/// returns the page Back shows and the value of its narrative field, if
/// it has one.
async fn quick_exit_then_back(b: &Client) -> (String, Option<String>) {
    click(b, "#quick-exit").await;
    wait_for(b, "#neutral").await;
    let neutral = b.find(Locator::Css("html")).await.unwrap();
    b.back().await.unwrap();
    // Back lands on a page of Haven, or, where the page left was the answer
    // to a form (a step of the report), on the browser's own page saying
    // it would have to send the form again: either way, nothing typed.
    gone(&neutral).await;
    wait_for(b, "body").await;
    let source = b.source().await.unwrap();
    let narrative = match b.find(Locator::Id("narrative")).await {
        Ok(field) => field.prop("value").await.unwrap(),
        Err(_) => None,
    };
    (source, narrative)
}

#[tokio::test]
async fn back_after_the_quick_exit_shows_nothing_of_a_half_written_report() {
    let app = spawn_app_with_neutral_exit().await;
    for javascript in [true, false] {
        let b = browser(javascript).await;
        b.goto(&app.url("/")).await.unwrap();
        click(&b, ".button.primary").await;
        wait_for(&b, "form.report-form").await;
        show_all_questions(&b).await;
        let words = format!("They waited outside my flat {javascript}");
        fill(&b, "narrative", &words).await;
        fill(&b, "city", "Markham-7731").await;
        click(&b, "#consent_police").await;
        let (source, narrative) = quick_exit_then_back(&b).await;
        shot(
            &b,
            &format!(
                "quick-exit-back-form-{}",
                if javascript { "js" } else { "nojs" }
            ),
        )
        .await;
        assert!(
            !source.contains(&words) && !source.contains("Markham-7731"),
            "Back shows nothing typed (javascript: {javascript})"
        );
        assert!(
            narrative.unwrap_or_default().is_empty(),
            "the form does not come back filled in (javascript: {javascript})"
        );
        if let Ok(consent) = b.find(Locator::Id("consent_police")).await {
            assert_eq!(
                consent.prop("checked").await.unwrap().as_deref(),
                Some("false"),
                "nor ticked (javascript: {javascript})"
            );
        }
        b.close().await.unwrap();
    }
    assert_eq!(app.count("cases"), 0);
}

#[tokio::test]
async fn back_after_leaving_a_visit_shows_nothing_of_the_case() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("visit")).await;
    for javascript in [true, false] {
        let b = browser(javascript).await;
        open_visit(&b, &app, &reference, &receipt, "#case-status").await;
        let reply = format!("My new address is 12 Elm Street {javascript}");
        fill(&b, "body", &reply).await;
        click(&b, "form[action*='/follow-up/case/messages'] button").await;
        wait_for(&b, ".message.mine").await;
        click(&b, "form[action*='/follow-up/leave'] button").await;
        wait_for(&b, "#reference").await;
        b.back().await.unwrap();
        wait_for(&b, "main").await;
        let source = b.source().await.unwrap();
        assert!(
            !source.contains(&reply) && !source.contains("id=\"case-status\""),
            "Back shows nothing of the case (javascript: {javascript})"
        );
        b.close().await.unwrap();
    }
}

#[tokio::test]
async fn back_after_the_quick_exit_shows_no_receipt() {
    let app = spawn_app_with_neutral_exit().await;
    for javascript in [true, false] {
        let b = browser(javascript).await;
        b.goto(&app.url("/report")).await.unwrap();
        show_all_questions(&b).await;
        fill(&b, "narrative", "A car follows me to work.").await;
        send_report(&b).await;
        let receipt = text_of(&b, "receipt").await;
        let reference = text_of(&b, "case-reference").await;
        let (source, _) = quick_exit_then_back(&b).await;
        shot(
            &b,
            &format!(
                "quick-exit-back-receipt-{}",
                if javascript { "js" } else { "nojs" }
            ),
        )
        .await;
        assert!(
            !source.contains(&receipt) && !source.contains(&reference),
            "Back shows neither receipt nor reference (javascript: {javascript})"
        );
        // And the receipt page itself, asked for again, has nothing.
        b.goto(&app.url("/report/receipt")).await.unwrap();
        assert!(!b.source().await.unwrap().contains(&receipt));
        b.close().await.unwrap();
    }
}

/// Where `#quick-exit` is on screen, and the viewport: (left, top, right,
/// bottom, viewport width, viewport height).
async fn quick_exit_box(b: &Client) -> [f64; 6] {
    let value = b
        .execute(
            "const r = document.getElementById('quick-exit').getBoundingClientRect();
             return [r.left, r.top, r.right, r.bottom, document.documentElement.clientWidth, window.innerHeight];",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

#[tokio::test]
async fn the_quick_exit_stays_on_screen_while_scrolling_on_a_small_phone() {
    let app = spawn_app().await;
    let b = browser(true).await;
    b.set_window_size(360, 740).await.unwrap();
    for lang in ["en", "ug", "bo"] {
        b.goto(&app.url(&format!("/report?lang={lang}")))
            .await
            .unwrap();
        // Every question on one page: the longest page there is.
        show_all_questions(&b).await;
        let width: f64 = serde_json::from_value(
            b.execute("return document.documentElement.clientWidth", vec![])
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(width <= 360.0, "a 360 px wide viewport: {width}");
        // At the top, the header takes its own place: nothing is beneath it.
        let overlap: bool = serde_json::from_value(
            b.execute(
                "const h = document.querySelector('.site-header').getBoundingClientRect();
                 const n = document.querySelector('.site-nav').getBoundingClientRect();
                 return n.top < h.bottom - 0.5;",
                vec![],
            )
            .await
            .unwrap(),
        )
        .unwrap();
        assert!(!overlap, "{lang}: the header covers nothing at the top");
        b.execute("window.scrollTo(0, document.body.scrollHeight)", vec![])
            .await
            .unwrap();
        let scrolled: f64 =
            serde_json::from_value(b.execute("return window.scrollY", vec![]).await.unwrap())
                .unwrap();
        assert!(scrolled > 1000.0, "{lang}: the page scrolled ({scrolled})");
        let [left, top, right, bottom, vw, vh] = quick_exit_box(&b).await;
        shot(&b, &format!("quick-exit-360-{lang}-scrolled")).await;
        assert!(
            top >= 0.0 && bottom <= vh && left >= 0.0 && right <= vw,
            "{lang}: the quick exit is on screen after scrolling: {left},{top},{right},{bottom} in {vw}x{vh}"
        );
        assert!(
            bottom - top >= 44.0 && right - left >= 44.0,
            "{lang}: a 44 px target"
        );
        if lang == "ug" {
            assert!(
                left < vw / 2.0,
                "right to left: the quick exit is on the left"
            );
        } else {
            assert!(
                right > vw / 2.0,
                "left to right: the quick exit is on the right"
            );
        }
    }
    b.close().await.unwrap();
}

/// Runs axe on the page `b` shows and keeps a screenshot of it.
pub(crate) async fn check_page(b: &Client, name: &str, problems: &mut Vec<String>) {
    for v in axe(b).await {
        problems.push(format!("{name}: {v}"));
    }
    shot(b, name).await;
}

/// The pages this round of protection changed, as reporters and staff see
/// them: the public ones in English, Uyghur (right to left) and Tibetan,
/// the staff ones in English, each at desktop and phone width; axe finds
/// no serious or critical violation on any, and a screenshot of each is
/// kept for a person to look at.
#[tokio::test]
async fn the_pages_changed_for_protection_pass_axe_at_desktop_and_phone_width() {
    let app = spawn_app().await;
    let group = app.insert_group("OrgA", &["a@example.org"]);
    let (reference, _) = app
        .file_report(ReportForm::new("pages check").field("consent_referral", "on"))
        .await;
    let mut problems = Vec::new();
    let b = browser(true).await;
    for (width, height) in [(1280, 900), (360, 740)] {
        b.set_window_size(width, height).await.unwrap();
        for lang in ["en", "ug", "bo"] {
            let tag = format!("{width}-{lang}");
            b.goto(&app.url(&format!("/report?lang={lang}")))
                .await
                .unwrap();
            check_page(&b, &format!("report-{tag}"), &mut problems).await;
            next_step(&b).await;
            wait_for(&b, "#narrative").await;
            next_step(&b).await;
            wait_for(&b, "#form-errors").await;
            // Focus is on the list of problems, where a keyboard or screen
            // reader user goes next (the page's own `autofocus`, no script).
            let focused = b
                .execute(
                    "return document.activeElement && document.activeElement.id;",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(
                focused,
                json!("form-errors"),
                "{tag}: focus after a failed submit"
            );
            check_page(&b, &format!("report-errors-{tag}"), &mut problems).await;
            b.goto(&app.url(&format!("/follow-up?lang={lang}")))
                .await
                .unwrap();
            fill(&b, "reference", &reference).await;
            fill(&b, "receipt", "0000 0000 0000 0000 0000").await;
            click(&b, "form button[type=submit].primary").await;
            wait_for(&b, ".field-error, [role=alert]").await;
            check_page(&b, &format!("follow-up-wrong-{tag}"), &mut problems).await;
            b.goto(&app.url(&format!("/follow-up/leave?lang={lang}")))
                .await
                .unwrap();
            check_page(&b, &format!("error-405-{tag}"), &mut problems).await;
        }
        // Staff pages (English and French exist): first sign-in with
        // two-factor required for every role, then the pages that now
        // answer bad input with the field named.
        let email = app.create_user_without_totp("caseworker", None);
        let staff = browser(true).await;
        staff.set_window_size(width, height).await.unwrap();
        sign_in(
            &staff,
            &app,
            &email,
            "form[action$='/staff/account/totp/start']",
        )
        .await;
        assert!(
            staff
                .current_url()
                .await
                .unwrap()
                .as_str()
                .ends_with("/staff/account/totp"),
            "a caseworker enrols first"
        );
        check_page(&staff, &format!("staff-enrol-{width}"), &mut problems).await;
        staff.close().await.unwrap();

        let admin = browser(true).await;
        admin.set_window_size(width, height).await.unwrap();
        let email = app.create_user("admin", None);
        sign_in(&admin, &app, &email, "table.queue").await;
        for (name, path) in [
            (
                "staff-audit-filter-error",
                "/staff/admin/audit?target_id=a%00b",
            ),
            ("staff-audit-verified", "/staff/admin/audit?verify=1"),
            ("staff-stats", "/staff/stats"),
            ("staff-405", "/staff/logout"),
        ] {
            admin.goto(&app.url(path)).await.unwrap();
            wait_for(&admin, "h1").await;
            let url = admin.current_url().await.unwrap();
            assert!(
                url.as_str().contains(path.split('?').next().unwrap()),
                "{url}"
            );
            check_page(&admin, &format!("{name}-{width}"), &mut problems).await;
        }
        admin
            .goto(&app.url(&format!("/staff/admin/groups/{group}")))
            .await
            .unwrap();
        wait_for(&admin, "#name").await;
        admin
            .find(Locator::Id("name"))
            .await
            .unwrap()
            .clear()
            .await
            .unwrap();
        fill(&admin, "name", "Org\u{200B}A").await;
        click(&admin, "main form button[type=submit]").await;
        wait_for(&admin, ".field-error, .callout").await;
        check_page(&admin, &format!("staff-group-error-{width}"), &mut problems).await;
        admin
            .goto(&app.url(&format!("/staff/cases/{reference}")))
            .await
            .unwrap();
        wait_for(&admin, ".narrative").await;
        check_page(&admin, &format!("staff-case-{width}"), &mut problems).await;
        admin.goto(&app.url("/staff/account")).await.unwrap();
        fill(&admin, "display_name", &"x".repeat(101)).await;
        click(
            &admin,
            "form[action$='/staff/account/profile'] button[type=submit]",
        )
        .await;
        wait_for(&admin, "#display_name-error").await;
        check_page(
            &admin,
            &format!("staff-account-error-{width}"),
            &mut problems,
        )
        .await;
        admin.close().await.unwrap();
    }
    b.close().await.unwrap();
    assert!(
        problems.is_empty(),
        "accessibility problems:\n{}",
        problems.join("\n")
    );
}

/// The recovery-key page, as a newcomer sees it after setting their
/// password through their link: the key is shown once, with a Print button
/// (the script shows it) and a way on to sign in; in English, Uyghur (right
/// to left) and Tibetan, at desktop and phone width, axe finds no serious
/// or critical violation, and a screenshot of each is kept.
#[tokio::test]
async fn the_recovery_key_page_shows_the_key_with_print_and_continue() {
    let app = spawn_app().await;
    app.login_as_admin().await;
    let mut problems = Vec::new();
    for (width, height) in [(1280, 900), (360, 740)] {
        for lang in ["en", "ug", "bo"] {
            let email = format!("recovery-{width}-{lang}@example.org");
            let res = app
                .post_staff(
                    "/staff/admin/users",
                    &[
                        ("email", email.as_str()),
                        ("role", "caseworker"),
                        ("display_name", "Newcomer"),
                        ("language", "en"),
                    ],
                )
                .await;
            assert_eq!(res.status(), 200);
            let html = res.text().await.unwrap();
            let path = link_path(&html);

            let b = browser(true).await;
            b.set_window_size(width, height).await.unwrap();
            b.goto(&app.url(&format!("{path}?lang={lang}")))
                .await
                .unwrap();
            fill(&b, "password", "a newcomer's own long passphrase").await;
            fill(&b, "confirm", "a newcomer's own long passphrase").await;
            click(&b, "form button[type=submit]").await;
            let key = text_of(&b, "recovery-key").await;
            assert!(
                haven::crypto::RecoveryKey::parse(&key).is_some(),
                "the recovery key is shown: {key:?}"
            );
            let lang_shown = b
                .find(Locator::Css("html"))
                .await
                .unwrap()
                .attr("lang")
                .await
                .unwrap();
            assert_eq!(lang_shown.as_deref(), Some(lang), "in the language asked");
            let print = b.find(Locator::Id("print-recovery-key")).await.unwrap();
            assert!(
                print.is_displayed().await.unwrap(),
                "the Print button is shown"
            );
            check_page(&b, &format!("recovery-key-{width}-{lang}"), &mut problems).await;
            click(&b, "#recovery-continue").await;
            wait_for(&b, "#email").await;
            let url = b.current_url().await.unwrap();
            assert!(
                url.as_str().contains("/staff/login?password_set=1"),
                "Continue leads to sign-in: {url}"
            );
            b.close().await.unwrap();
        }
    }
    assert!(
        problems.is_empty(),
        "accessibility problems:\n{}",
        problems.join("\n")
    );
}

/// The staff pages that keys held by people changed, at desktop and phone
/// width: the users page with who holds and who waits, one's own account
/// with its password change, the set-password page with its recovery key
/// field, and what a person whose keys could not be opened sees (the
/// banner on the queue, the case page that says why). axe finds no serious
/// or critical violation; a screenshot of each is kept.
#[tokio::test]
async fn the_pages_changed_for_people_keys_pass_axe_at_desktop_and_phone_width() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("keys pages check")).await;
    let admin_email = app.create_user("admin", None);
    let waiting = app.create_legacy_user("caseworker", None);
    app.enrol_totp(&waiting);
    let closed = app.create_user("caseworker", None);
    // A caseworker whose private key does not open with their password (as
    // when someone else wrote a password into the database): signed in, but
    // nothing opens.
    {
        use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
        use haven::db::schema::users;
        let mut conn = app.db.connect();
        diesel::update(users::table.find(app.user_id(&closed)))
            .set(users::sealed_key.eq(None::<Vec<u8>>))
            .execute(&mut conn)
            .unwrap();
    }
    let link = haven::accounts::users::send_reset(
        &app.state,
        app.user_id(&admin_email),
        app.user_id(&closed),
    )
    .await
    .unwrap();
    let link_path = &link[link.find("/staff/password/").unwrap()..];
    let mut problems = Vec::new();
    for (width, height) in [(1280, 900), (360, 740)] {
        let admin = browser(true).await;
        admin.set_window_size(width, height).await.unwrap();
        sign_in(&admin, &app, &admin_email, "table.queue").await;
        for (name, path) in [
            ("staff-users-keys", "/staff/admin/users".to_string()),
            (
                "staff-user-waiting",
                format!("/staff/admin/users/{}", app.user_id(&waiting)),
            ),
            ("staff-account-password", "/staff/account".to_string()),
        ] {
            admin.goto(&app.url(&path)).await.unwrap();
            wait_for(&admin, "h1").await;
            check_page(&admin, &format!("{name}-{width}"), &mut problems).await;
        }
        admin.close().await.unwrap();

        let person = browser(true).await;
        person.set_window_size(width, height).await.unwrap();
        sign_in(&person, &app, &closed, "#keys-closed").await;
        check_page(
            &person,
            &format!("staff-keys-banner-{width}"),
            &mut problems,
        )
        .await;
        person
            .goto(&app.url(&format!("/staff/cases/{reference}")))
            .await
            .unwrap();
        wait_for(&person, "h1").await;
        let text = person
            .find(Locator::Css("main"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            !text.contains("keys pages check"),
            "nothing of the case shows"
        );
        check_page(
            &person,
            &format!("staff-keys-closed-case-{width}"),
            &mut problems,
        )
        .await;
        person.close().await.unwrap();

        let link_page = browser(true).await;
        link_page.set_window_size(width, height).await.unwrap();
        link_page.goto(&app.url(link_path)).await.unwrap();
        wait_for(&link_page, "#recovery_key").await;
        check_page(
            &link_page,
            &format!("staff-password-recovery-field-{width}"),
            &mut problems,
        )
        .await;
        link_page.close().await.unwrap();
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Linked cases: the case page with its "also named in" section and the
/// page of groups, in English, French and Uyghur (right to left), and the
/// report form's new field in English, Uyghur and Tibetan — each at
/// desktop and phone width, with axe finding no serious or critical
/// violation and the staff pages never scrolling sideways.
#[tokio::test]
async fn the_linked_cases_pages_and_the_new_report_field_pass_axe_at_desktop_and_phone_width() {
    let app = spawn_app().await;
    let (a, _) = app
        .file_report(ReportForm::new(
            "He called me from +1 (416) 555-0199 and wrote on WeChat ID: Zhang_Wei88.",
        ))
        .await;
    let (b, _) = app
        .file_report(
            ReportForm::new("Another call.")
                .field("identifiers", "416.555.0199\nwechat zhang_wei88"),
        )
        .await;
    let (c, _) = app
        .file_report(ReportForm::new("The same WeChat: zhang_wei88"))
        .await;
    let email = app.create_user("caseworker", None);
    let mut problems = Vec::new();
    for (width, height) in [(1280, 900), (360, 740)] {
        let b_ = browser(true).await;
        b_.set_window_size(width, height).await.unwrap();
        for lang in ["en", "ug", "bo"] {
            b_.goto(&app.url(&format!("/report?lang={lang}")))
                .await
                .unwrap();
            show_all_questions(&b_).await;
            check_page(
                &b_,
                &format!("report-identifiers-{width}-{lang}"),
                &mut problems,
            )
            .await;
        }
        b_.close().await.unwrap();

        let staff = browser(true).await;
        staff.set_window_size(width, height).await.unwrap();
        sign_in(&staff, &app, &email, "table.queue").await;
        for lang in ["en", "fr", "ug"] {
            for reference in [&b, &c, &a] {
                staff
                    .goto(&app.url(&format!("/staff/cases/{reference}?lang={lang}")))
                    .await
                    .unwrap();
                wait_for(&staff, "#links").await;
            }
            let section = staff
                .find(Locator::Css("#links"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(section.contains(&b) && section.contains(&c), "{section}");
            let overflow = staff.execute(SIDEWAYS_OVERFLOW, vec![]).await.unwrap();
            assert!(
                overflow.as_str().unwrap().starts_with("0 |"),
                "the case page fits {width} px in {lang}: {overflow}"
            );
            check_page(
                &staff,
                &format!("staff-case-links-{width}-{lang}"),
                &mut problems,
            )
            .await;
            staff
                .goto(&app.url(&format!("/staff/links?lang={lang}")))
                .await
                .unwrap();
            wait_for(&staff, "section.group").await;
            let overflow = staff.execute(SIDEWAYS_OVERFLOW, vec![]).await.unwrap();
            assert!(
                overflow.as_str().unwrap().starts_with("0 |"),
                "the groups page fits {width} px in {lang}: {overflow}"
            );
            check_page(
                &staff,
                &format!("staff-link-groups-{width}-{lang}"),
                &mut problems,
            )
            .await;
        }
        staff.close().await.unwrap();
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// How far the page scrolls sideways, then the elements of `main` that
/// reach past the window (to say what overflows).
pub(crate) const SIDEWAYS_OVERFLOW: &str = "
    var w = document.documentElement.clientWidth;
    var out = [document.documentElement.scrollWidth - w];
    document.querySelectorAll('main *').forEach(function (e) {
        var r = e.getBoundingClientRect();
        if (r.right > w + 1 && out.length < 8) {
            out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right));
        }
    });
    return out.join(' | ') + ' |';";

/// The queue with its deadlines, unread marker and counts per caseworker
/// (English and French), the case page with its deadlines, and the
/// reporter's page with what happens next and who opened the report
/// (English, Uyghur right to left, Tibetan), at desktop and phone width:
/// axe finds no serious or critical violation; a screenshot of each is
/// kept.
#[tokio::test]
async fn the_deadline_and_access_pages_pass_axe_at_desktop_and_phone_width() {
    let app = spawn_app().await;
    let group = app.insert_group("Tibetan Community Link", &["link@group.example"]);
    let (reference, receipt) = app
        .file_report(ReportForm::new("deadline pages").field("consent_referral", "on"))
        .await;
    let (other, _) = app.file_report(ReportForm::new("another")).await;
    let admin_email = app.create_user("admin", None);
    let me = app.user_id(&admin_email);
    {
        use diesel::RunQueryDsl;
        let mut conn = app.db.connect();
        diesel::sql_query(format!(
            "UPDATE cases SET assignee_id = {me}, ack_due_at = now() - interval '2 days 1 hour', \
             unread_since = date_trunc('hour', now()), last_activity_at = date_trunc('hour', now()) \
             WHERE reference = '{other}'"
        ))
        .execute(&mut conn)
        .unwrap();
    }
    // Shared with a group and opened: the reporter's list has lines.
    app.login(&admin_email).await;
    assert_eq!(app.refer(&reference, group, "summary").await.status(), 303);
    let mut problems = Vec::new();
    for (width, height) in [(1280, 900), (360, 740)] {
        let admin = browser(true).await;
        admin.set_window_size(width, height).await.unwrap();
        sign_in(&admin, &app, &admin_email, "table.queue").await;
        for lang in ["en", "fr"] {
            admin
                .goto(&app.url(&format!("/staff/cases?sort=attention&lang={lang}")))
                .await
                .unwrap();
            wait_for(&admin, "#workload").await;
            let text = plain(
                &admin
                    .find(Locator::Css("table.queue"))
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap(),
            );
            assert!(
                text.contains(if lang == "en" {
                    "overdue by 2 days"
                } else {
                    "en retard de 2 jours"
                }),
                "{text}"
            );
            shot(&admin, &format!("staff-queue-deadlines-{width}-{lang}")).await;
            let overflow = admin.execute(SIDEWAYS_OVERFLOW, vec![]).await.unwrap();
            assert!(
                overflow.as_str().unwrap().starts_with("0 |"),
                "the queue fits {width} px without scrolling sideways: {overflow}"
            );
            check_page(
                &admin,
                &format!("staff-queue-deadlines-{width}-{lang}"),
                &mut problems,
            )
            .await;
        }
        admin
            .goto(&app.url(&format!("/staff/cases/{other}")))
            .await
            .unwrap();
        wait_for(&admin, "#deadlines").await;
        check_page(
            &admin,
            &format!("staff-case-deadlines-{width}"),
            &mut problems,
        )
        .await;
        admin
            .goto(&app.url(&format!("/staff/cases/{reference}")))
            .await
            .unwrap();
        wait_for(&admin, "#deadlines").await;
        admin.close().await.unwrap();

        let b = browser(true).await;
        b.set_window_size(width, height).await.unwrap();
        open_visit(&b, &app, &reference, &receipt, "#access-list").await;
        for lang in ["en", "ug", "bo"] {
            b.goto(&app.url(&format!("/follow-up/case?lang={lang}")))
                .await
                .unwrap();
            wait_for(&b, "#next-step").await;
            let items = b
                .find_all(Locator::Css("#access-list li"))
                .await
                .unwrap()
                .len();
            assert_eq!(items, 2, "shared, then opened by an admin");
            check_page(
                &b,
                &format!("follow-up-deadlines-{width}-{lang}"),
                &mut problems,
            )
            .await;
        }
        b.close().await.unwrap();
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The Recipients page — partner groups and official bodies, with and
/// without an age key — as an admin uses it in English, Uyghur (right to
/// left) and Tibetan, at desktop and phone width: the list, a new official
/// body created through the form (and its confirmation), the form refusing
/// a secret key without showing it again, and an official body's own page.
/// axe finds no serious or critical violation, no page scrolls sideways,
/// and a screenshot of each is kept.
#[tokio::test]
async fn the_recipients_pages_pass_axe_and_fit_a_phone_in_three_languages() {
    let app = spawn_app().await;
    app.insert_group("Uyghur Support Group", &["a@group.example"]);
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let secret = {
        use age::secrecy::ExposeSecret;
        identity.to_string().expose_secret().to_string()
    };
    let admin_email = app.create_user("admin", None);
    let mut problems = Vec::new();
    for (width, height) in [(1280, 900), (360, 740)] {
        let admin = browser(true).await;
        admin.set_window_size(width, height).await.unwrap();
        sign_in(&admin, &app, &admin_email, "main h1").await;
        for lang in ["en", "ug", "bo"] {
            let tag = format!("{width}-{lang}");
            let fits = |what: &str, overflow: serde_json::Value| {
                assert!(
                    overflow.as_str().unwrap().starts_with("0 |"),
                    "{what} fits {width} px in {lang}: {overflow}"
                );
            };

            // A new official body, with its key, through the form.
            admin
                .goto(&app.url(&format!("/staff/admin/groups?lang={lang}")))
                .await
                .unwrap();
            wait_for(&admin, "form[action*='/staff/admin/groups'] #kind").await;
            admin
                .find(Locator::Id("kind"))
                .await
                .unwrap()
                .select_by_value("police")
                .await
                .unwrap();
            fill(&admin, "name", &format!("Police {tag}")).await;
            fill(&admin, "emails", "desk@police.example").await;
            fill(&admin, "age_key", &public).await;
            click(&admin, "main form button[type=submit]").await;
            wait_for(&admin, ".callout.ok").await;
            let url = admin.current_url().await.unwrap();
            assert!(url.as_str().contains("done=created"), "{url}");
            assert_eq!(
                admin
                    .find(Locator::Css("html"))
                    .await
                    .unwrap()
                    .attr("lang")
                    .await
                    .unwrap()
                    .as_deref(),
                Some(lang),
                "still in the language chosen"
            );
            fits(
                "an official body's page",
                admin.execute(SIDEWAYS_OVERFLOW, vec![]).await.unwrap(),
            );
            check_page(
                &admin,
                &format!("staff-recipient-created-{tag}"),
                &mut problems,
            )
            .await;

            // The list: both kinds, a key's short form, the notice only.
            admin
                .goto(&app.url(&format!("/staff/admin/groups?lang={lang}")))
                .await
                .unwrap();
            wait_for(&admin, "#recipients").await;
            let rows = admin
                .find_all(Locator::Css("#recipients tbody tr"))
                .await
                .unwrap()
                .len();
            assert!(rows >= 2, "{rows} recipients listed");
            let listed = admin
                .find(Locator::Id("recipients"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(listed.contains(&public[..10]), "{listed}");
            fits(
                "the Recipients page",
                admin.execute(SIDEWAYS_OVERFLOW, vec![]).await.unwrap(),
            );
            check_page(&admin, &format!("staff-recipients-{tag}"), &mut problems).await;

            // A secret key pasted by mistake: refused, and not shown again.
            admin
                .find(Locator::Id("kind"))
                .await
                .unwrap()
                .select_by_value("legal")
                .await
                .unwrap();
            fill(&admin, "name", &format!("Legal {tag}")).await;
            fill(&admin, "emails", "desk@legal.example").await;
            fill(&admin, "age_key", &secret).await;
            click(&admin, "main form button[type=submit]").await;
            wait_for(&admin, ".callout.error").await;
            let source = admin.source().await.unwrap();
            assert!(
                !source.contains(&secret[20..]),
                "the secret key is not shown again"
            );
            let typed = admin
                .find(Locator::Id("age_key"))
                .await
                .unwrap()
                .prop("value")
                .await
                .unwrap()
                .unwrap_or_default();
            assert!(typed.is_empty(), "the key field is empty: {typed}");
            fits(
                "the refused form",
                admin.execute(SIDEWAYS_OVERFLOW, vec![]).await.unwrap(),
            );
            check_page(
                &admin,
                &format!("staff-recipients-secret-key-{tag}"),
                &mut problems,
            )
            .await;
        }
        admin.close().await.unwrap();
    }
    assert_eq!(
        app.count("organisations"),
        7,
        "the group and six police bodies"
    );
    assert!(problems.is_empty(), "{problems:#?}");
}
