//! The report form in steps, as a reporter goes through it: in English,
//! Uyghur and Tibetan, with JavaScript on and off. Immediate danger is the
//! first question; switching language keeps what was typed; a file sent
//! with a refused one stays held, listed by name with a remove button;
//! a contact typed while "Do not contact me" is chosen is asked about; the
//! report is filed with its file. Screenshots of each step are kept.

use fantoccini::{Client, Locator};
use haven::domain::Language;
use haven::i18n::Tr;

use crate::browser::{
    axe, browser, click, click_to_next_page, fill, gone, next_step, send_report, shot, text_of,
    wait_for,
};
use crate::helpers::*;

async fn value_of(b: &Client, id: &str) -> String {
    b.find(Locator::Id(id))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

async fn step_now(b: &Client) -> String {
    text_of(b, "step-now").await
}

/// Switches the page's language with the header's buttons, from the
/// keyboard (the header's buttons may be scrolled under the sticky quick
/// exit); returns once the page is in `lang`.
async fn switch_to(b: &Client, lang: &str) {
    let old = b.find(Locator::Css("html")).await.unwrap();
    b.find(Locator::Css(&format!(".languages button[value='{lang}']")))
        .await
        .unwrap()
        .send_keys("\u{E007}")
        .await
        .unwrap();
    gone(&old).await;
    wait_for(b, &format!("html[lang='{lang}']")).await;
}

async fn stepped_report(app: &TestApp, lang: &str, javascript: bool, files: &std::path::Path) {
    let language = Language::parse(lang).unwrap();
    let tr = Tr::new(language, true);
    let tag = format!("steps-{lang}-{}", if javascript { "js" } else { "nojs" });
    let b = browser(javascript).await;
    let mut problems = Vec::new();
    b.goto(&app.url(&format!("/report?lang={lang}")))
        .await
        .unwrap();

    // Step 1: safety first.
    assert_eq!(step_now(&b).await, tr.step(1u8, 4u8, "step-safety"));
    let first = b
        .find(Locator::Css("form.report-form input:not([type=hidden])"))
        .await
        .unwrap();
    assert_eq!(
        first.attr("id").await.unwrap().as_deref(),
        Some("immediate_danger"),
        "{tag}: immediate danger is asked first"
    );
    shot(&b, &format!("{tag}-1")).await;
    click(&b, "#role-witness").await;
    next_step(&b).await;

    // Step 2: what happened; a language switch keeps the words.
    assert_eq!(step_now(&b).await, tr.step(2u8, 4u8, "step-what-happened"));
    let words = format!("They photographed me at the rally ({tag}).");
    fill(&b, "narrative", &words).await;
    fill(&b, "occurred_on", "2025").await;
    let other = if lang == "en" { "fr" } else { "en" };
    switch_to(&b, other).await;
    assert_eq!(
        value_of(&b, "narrative").await,
        words,
        "{tag}: kept in {other}"
    );
    assert_eq!(value_of(&b, "occurred_on").await, "2025");
    switch_to(&b, lang).await;
    assert_eq!(value_of(&b, "narrative").await, words, "{tag}: kept");
    shot(&b, &format!("{tag}-2")).await;
    // Enter in a text field goes on to the next step (not to a language).
    let old = b.find(Locator::Css("html")).await.unwrap();
    fill(&b, "city", "Toronto\u{E007}").await;
    gone(&old).await;

    // Step 3: a refused file comes with an accepted one: the error is
    // shown and the accepted file is held, by name, with a remove button.
    wait_for(&b, "#state_link").await;
    assert_eq!(step_now(&b).await, tr.step(3u8, 4u8, "step-who"));
    let good = files.join(format!("notes-{lang}.txt"));
    let bad = files.join("tool.exe");
    let input = b.find(Locator::Id("evidence")).await.unwrap();
    input
        .send_keys(&format!("{}\n{}", good.display(), bad.display()))
        .await
        .unwrap();
    next_step(&b).await;
    wait_for(&b, "#form-errors").await;
    assert_eq!(
        step_now(&b).await,
        tr.step(3u8, 4u8, "step-who"),
        "{tag}: the same step"
    );
    let held = text_of(&b, "held-files").await;
    assert!(held.contains(&format!("notes-{lang}.txt")), "{tag}: {held}");
    assert!(!held.contains("tool.exe"));
    wait_for(&b, "#held-files button[name=remove_file]").await;
    shot(&b, &format!("{tag}-3-file-kept")).await;
    problems.extend(axe_if(&b, javascript).await);
    next_step(&b).await;

    // Step 4: a contact typed while "Do not contact me" is chosen is asked
    // about, not thrown away.
    wait_for(&b, "#consents").await;
    assert_eq!(step_now(&b).await, tr.step(4u8, 4u8, "step-support"));
    fill(&b, "contact_value", "me@example.org").await;
    send_report(&b).await;
    wait_for(&b, "#form-errors").await;
    let errors = text_of(&b, "form-errors").await;
    assert!(
        errors.contains(&tr.t("error-contact-while-none")),
        "{tag}: {errors}"
    );
    assert_eq!(value_of(&b, "contact_value").await, "me@example.org");
    shot(&b, &format!("{tag}-4-contact-asked")).await;
    problems.extend(axe_if(&b, javascript).await);
    click(&b, "#contact-email").await;
    send_report(&b).await;
    let reference = text_of(&b, "case-reference").await;
    assert_eq!(reference.len(), 9, "{tag}: {reference}");
    b.close().await.unwrap();
    assert!(problems.is_empty(), "{tag}: {}", problems.join("\n"));

    // The case holds the report and the one file; the draft is gone.
    let files = app.count(&format!(
        "evidence e JOIN cases c ON c.id = e.case_id WHERE c.reference = '{reference}'"
    ));
    assert_eq!(files, 1, "{tag}: the held file was filed");
    assert_eq!(app.count("report_drafts"), 0, "{tag}: no draft is left");
}

/// axe runs only where the page's scripts do.
async fn axe_if(b: &Client, javascript: bool) -> Vec<String> {
    if javascript { axe(b).await } else { Vec::new() }
}

fn evidence_files() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("haven-files-{}", haven::crypto::new_token()));
    std::fs::create_dir_all(&dir).unwrap();
    for lang in ["en", "ug", "bo"] {
        std::fs::write(
            dir.join(format!("notes-{lang}.txt")),
            format!("What I wrote down that day ({lang})."),
        )
        .unwrap();
    }
    std::fs::write(dir.join("tool.exe"), b"MZ\x90\x00\x03\x00\x00\x00binary").unwrap();
    dir
}

#[tokio::test]
async fn the_stepped_form_keeps_words_and_files_with_javascript() {
    let app = spawn_app().await;
    let files = evidence_files();
    for lang in ["en", "ug", "bo"] {
        stepped_report(&app, lang, true, &files).await;
    }
    assert_eq!(app.count("cases"), 3);
}

#[tokio::test]
async fn the_stepped_form_keeps_words_and_files_without_javascript() {
    let app = spawn_app().await;
    let files = evidence_files();
    for lang in ["en", "ug", "bo"] {
        stepped_report(&app, lang, false, &files).await;
    }
    assert_eq!(app.count("cases"), 3);
}

#[tokio::test]
async fn a_held_file_can_be_removed_and_back_keeps_the_answers() {
    let app = spawn_app().await;
    let files = evidence_files();
    let b = browser(false).await;
    b.goto(&app.url("/report")).await.unwrap();
    next_step(&b).await;
    fill(&b, "narrative", "Someone keeps calling my mother.").await;
    next_step(&b).await;
    wait_for(&b, "#state_link").await;
    let input = b.find(Locator::Id("evidence")).await.unwrap();
    input
        .send_keys(&format!(
            "{}\n{}",
            files.join("notes-en.txt").display(),
            files.join("notes-ug.txt").display()
        ))
        .await
        .unwrap();
    click_to_next_page(&b, "form.report-form button[name=go][value=back]").await;
    assert_eq!(
        value_of(&b, "narrative").await,
        "Someone keeps calling my mother.",
        "Back shows the step's answers again"
    );
    next_step(&b).await;
    let held = text_of(&b, "held-files").await;
    assert!(
        held.contains("notes-en.txt") && held.contains("notes-ug.txt"),
        "{held}"
    );
    click_to_next_page(&b, "#held-files li:first-child button[name=remove_file]").await;
    let held = text_of(&b, "held-files").await;
    assert!(
        !held.contains("notes-en.txt") && held.contains("notes-ug.txt"),
        "{held}"
    );
    assert_eq!(app.count("report_draft_files"), 1);
    b.close().await.unwrap();
}
