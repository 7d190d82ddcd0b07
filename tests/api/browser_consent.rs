//! Browser test of consent in the reporter's hands: the report form's notes
//! beside each consent (with the retention period) and the follow-up
//! page's "Shared with" and consents, with a change confirmed, in English,
//! Uyghur (right to left) and Tibetan, at desktop and phone width. axe
//! finds no serious or critical violation, nothing scrolls sideways, and a
//! screenshot of each is kept in target/screenshots/.

use fantoccini::Client;

use crate::browser::{
    SIDEWAYS_OVERFLOW, browser, check_page, click, open_visit, show_all_questions, wait_for,
};
use crate::helpers::*;

/// Brings `#id` into view (for the screenshot) and checks that the page
/// does not scroll sideways.
async fn in_view_and_fits(b: &Client, id: &str, name: &str, problems: &mut Vec<String>) {
    b.execute(
        &format!("document.getElementById('{id}').scrollIntoView()"),
        vec![],
    )
    .await
    .unwrap();
    let overflow = b.execute(SIDEWAYS_OVERFLOW, vec![]).await.unwrap();
    if !overflow.as_str().unwrap().starts_with("0 |") {
        problems.push(format!("{name} scrolls sideways: {overflow}"));
    }
    check_page(b, name, problems).await;
}

#[tokio::test]
async fn the_consent_notes_and_the_follow_up_consents_pass_axe_in_three_languages_at_desktop_and_phone_width()
 {
    let app = spawn_app().await;
    let group = app.insert_group("Tibetan Community Link", &["link@group.example"]);
    let (reference, receipt) = app
        .file_report(
            ReportForm::new("consent pages")
                .field("consent_referral", "on")
                .field("consent_stats", "on"),
        )
        .await;
    // Shared with a group, so that "Shared with" has a line.
    app.login_as("caseworker").await;
    assert_eq!(app.refer(&reference, group, "summary").await.status(), 303);
    let mut problems = Vec::new();
    for (width, height) in [(1280, 900), (360, 740)] {
        let b = browser(true).await;
        b.set_window_size(width, height).await.unwrap();
        for lang in ["en", "ug", "bo"] {
            b.goto(&app.url(&format!("/report?lang={lang}")))
                .await
                .unwrap();
            show_all_questions(&b).await;
            wait_for(&b, "#consent_police-hint").await;
            if lang == "ug" {
                assert!(b.source().await.unwrap().contains("dir=\"rtl\""));
            }
            in_view_and_fits(
                &b,
                "consents",
                &format!("report-consents-{width}-{lang}"),
                &mut problems,
            )
            .await;
        }
        open_visit(&b, &app, &reference, &receipt, "#shared-list").await;
        for lang in ["en", "ug", "bo"] {
            b.goto(&app.url(&format!("/follow-up/case?lang={lang}")))
                .await
                .unwrap();
            wait_for(&b, "#consent-referral-state").await;
            if lang == "ug" {
                assert!(b.source().await.unwrap().contains("dir=\"rtl\""));
            }
            in_view_and_fits(
                &b,
                "shared",
                &format!("follow-up-consents-{width}-{lang}"),
                &mut problems,
            )
            .await;
            // A change, confirmed in the reporter's language, then undone.
            click(&b, "#consent-stats button[type=submit]").await;
            wait_for(&b, "#consent-stats input[name=given][value=yes]").await;
            wait_for(&b, "#notice").await;
            assert!(
                b.current_url()
                    .await
                    .unwrap()
                    .as_str()
                    .contains(&format!("lang={lang}")),
                "the language is carried along"
            );
            in_view_and_fits(
                &b,
                "notice",
                &format!("follow-up-consent-changed-{width}-{lang}"),
                &mut problems,
            )
            .await;
            click(&b, "#consent-stats button[type=submit]").await;
            wait_for(&b, "#consent-stats input[name=given][value=no]").await;
        }
        b.close().await.unwrap();
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
