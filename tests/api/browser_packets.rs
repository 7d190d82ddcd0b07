//! The packet pages in Chromium: the case page's packet form, a packet's
//! page, the page of a packet that is gone, and a group's referral with its
//! packet — in English, Uyghur (right to left) and Tibetan, at desktop and
//! phone width, with axe and without sideways scrolling.

use diesel::RunQueryDsl;
use fantoccini::{Client, Locator};

use crate::browser::{SIDEWAYS_OVERFLOW, browser, check_page, click, fill, sign_in, wait_for};
use crate::helpers::*;

fn set_recipient(app: &TestApp, id: i64, kind: &str, key: &str) {
    let mut conn = app.db.connect();
    diesel::sql_query(format!(
        "UPDATE organisations SET kind = '{kind}', age_recipient = '{key}' WHERE id = {id}"
    ))
    .execute(&mut conn)
    .unwrap();
}

async fn fits(b: &Client, what: &str) {
    let overflow = b.execute(SIDEWAYS_OVERFLOW, vec![]).await.unwrap();
    assert!(
        overflow.as_str().unwrap().starts_with("0 |"),
        "{what} fits without scrolling sideways: {overflow}"
    );
}

#[tokio::test]
async fn the_packet_pages_pass_axe_at_desktop_and_phone_width() {
    let app = spawn_app().await;
    let key = age::x25519::Identity::generate().to_public().to_string();
    let body = app.insert_group(
        "RCMP National Security Information Network",
        &["nsin@rcmp.example"],
    );
    set_recipient(&app, body, "national_security", &key);
    let group = app.insert_group("Uyghur Community Link", &["link@group.example"]);
    set_recipient(&app, group, "partner", &key);
    let (reference, receipt) = app
        .file_report(
            ReportForm::new("ئۇلار ماڭا تەھدىت سالدى — packet pages")
                .field("consent_referral", "on")
                .file("threat-photo.png", PNG),
        )
        .await;
    // Consent to the police given later, on the follow-up page: the case
    // page says so and the packet form asks to confirm with the reporter.
    let reporter = crate::consent::reporter(&app, &reference, &receipt).await;
    let res = crate::consent::change(&app, &reporter, "police", "yes").await;
    assert_eq!(res.status(), 303);
    let admin_email = app.create_user("admin", None);
    app.login(&admin_email).await;
    assert_eq!(app.refer(&reference, group, "summary").await.status(), 303);
    let res = app
        .post_staff(
            &format!("/staff/cases/{reference}/packets"),
            &[
                ("recipient", &group.to_string()),
                ("cover", "For the group."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let liaison_email = app.create_user("liaison", Some("Uyghur Community Link"));

    let mut problems = Vec::new();
    for (width, height) in [(1280, 900), (360, 740)] {
        let admin = browser(true).await;
        admin.set_window_size(width, height).await.unwrap();
        sign_in(&admin, &app, &admin_email, "main").await;
        for lang in ["en", "ug", "bo"] {
            admin
                .goto(&app.url(&format!("/staff/cases/{reference}?lang={lang}#packets")))
                .await
                .unwrap();
            wait_for(&admin, "#packet-recipient").await;
            wait_for(&admin, "#packet-consent-online").await;
            fits(&admin, &format!("the case page in {lang} at {width} px")).await;
            check_page(
                &admin,
                &format!("packets-case-{width}-{lang}"),
                &mut problems,
            )
            .await;
        }
        // Build one through the form, as a caseworker does.
        admin
            .goto(&app.url(&format!("/staff/cases/{reference}#packets")))
            .await
            .unwrap();
        admin
            .find(Locator::Id("packet-recipient"))
            .await
            .unwrap()
            .select_by_value(&body.to_string())
            .await
            .unwrap();
        fill(
            &admin,
            "packet-cover",
            "Please contact the reporter through Haven.",
        )
        .await;
        click(&admin, "#packets form button[type=submit]").await;
        wait_for(&admin, "#packet-sha256").await;
        let url = admin.current_url().await.unwrap();
        let packet_path = url.path().to_string();
        {
            // Past its time: the page still offers the button, which now
            // leads to the page of a packet that is gone.
            let mut conn = app.db.connect();
            diesel::sql_query(
                "UPDATE packets SET expires_at = now() - interval '1 minute' WHERE referral_id IS NULL",
            )
            .execute(&mut conn)
            .unwrap();
        }
        for lang in ["en", "ug", "bo"] {
            admin
                .goto(&app.url(&format!("{packet_path}?lang={lang}")))
                .await
                .unwrap();
            wait_for(&admin, "#packet-sha256").await;
            fits(&admin, &format!("the packet page in {lang} at {width} px")).await;
            check_page(&admin, &format!("packet-{width}-{lang}"), &mut problems).await;
            click(&admin, "main form button.primary").await;
            // The gone page's own callout: the packet page's heading may
            // still be there while the answer loads.
            wait_for(&admin, "#packet-gone").await;
            let heading = admin
                .find(Locator::Css("h1"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert_ne!(heading, "", "the gone page has a heading");
            fits(&admin, &format!("the gone page in {lang} at {width} px")).await;
            check_page(
                &admin,
                &format!("packet-gone-{width}-{lang}"),
                &mut problems,
            )
            .await;
        }
        admin.close().await.unwrap();

        let liaison = browser(true).await;
        liaison.set_window_size(width, height).await.unwrap();
        sign_in(&liaison, &app, &liaison_email, "main").await;
        liaison.goto(&app.url("/staff/referrals")).await.unwrap();
        let link = liaison
            .find(Locator::Css("a[href^='/staff/referrals/']"))
            .await
            .unwrap()
            .attr("href")
            .await
            .unwrap()
            .unwrap();
        for lang in ["en", "ug", "bo"] {
            liaison
                .goto(&app.url(&format!("{link}?lang={lang}")))
                .await
                .unwrap();
            wait_for(&liaison, "#packets").await;
            fits(&liaison, &format!("the referral in {lang} at {width} px")).await;
            check_page(
                &liaison,
                &format!("packets-referral-{width}-{lang}"),
                &mut problems,
            )
            .await;
        }
        liaison.close().await.unwrap();
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
