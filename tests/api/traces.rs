//! Traces on the reporter's device: the receipt cookie burnt on the server
//! once acknowledged, no form memory, nothing cached, and the quick exit
//! through Haven that clears the site's data.

use crate::helpers::*;

fn set_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn a_copied_receipt_cookie_shows_nothing_once_acknowledged() {
    let app = spawn_app().await;
    let res = app.submit_report(ReportForm::new("copied cookie")).await;
    assert_eq!(res.status(), 303);
    let cookie = set_cookie(&res);
    let lower = cookie.to_lowercase();
    assert!(
        !lower.contains("max-age") && !lower.contains("expires"),
        "a session cookie: {cookie}"
    );
    let pair = cookie.split(';').next().unwrap().to_string();

    // A second client holding a copy of the cookie sees the receipt too...
    let copy = || {
        new_client()
            .get(app.url("/report/receipt"))
            .header("cookie", pair.clone())
            .send()
    };
    let page = app.get_text("/report/receipt").await;
    assert!(element_text(&page, "receipt").is_some());
    assert_eq!(copy().await.unwrap().status(), 200);

    // ...until the first acknowledges; then the copy shows nothing.
    let res = app
        .post_form("/report/receipt", &[("csrf_token", &csrf_token(&page))])
        .await;
    assert_eq!(res.status(), 303);
    let replayed = copy().await.unwrap();
    assert_eq!(replayed.status(), 410);
    assert!(element_text(&replayed.text().await.unwrap(), "receipt").is_none());
    assert_eq!(app.get("/report/receipt").await.status(), 410);
}

/// The tags named `tag` in `html`, each up to its closing `>`.
fn tags<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        if after.starts_with([' ', '>', '\n']) {
            let end = after.find('>').unwrap();
            out.push(&rest[at..at + open.len() + end + 1]);
        }
        rest = &rest[at + open.len()..];
    }
    out
}

/// Every form of the page, and every field that can remember what was
/// typed, carries `autocomplete="off"`. (Checkboxes, radio buttons, files
/// and hidden fields may not carry the attribute in HTML; their form's
/// `autocomplete="off"` covers them, and every one is inside a form.)
fn assert_no_form_memory(html: &str, page: &str) {
    // The page's own content (a staff page's header has its sign-out form).
    let start = html.find("<main").expect("a main element");
    let html = &html[start..html.find("</main>").expect("</main>")];
    let forms = tags(html, "form");
    assert!(!forms.is_empty(), "{page} has a form");
    for form in &forms {
        assert!(form.contains("autocomplete=\"off\""), "{page}: {form}");
    }
    let mut fields = 0;
    for tag in ["input", "textarea", "select"] {
        for t in tags(html, tag) {
            let type_of = t
                .split("type=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .unwrap_or("text");
            if tag == "input"
                && matches!(
                    type_of,
                    "checkbox" | "radio" | "file" | "hidden" | "submit" | "button"
                )
            {
                continue;
            }
            fields += 1;
            assert!(t.contains("autocomplete=\"off\""), "{page}: {t}");
        }
    }
    assert!(fields > 0, "{page} has fields");
    // No field sits outside a form (where no form attribute would cover it).
    let outside: String = html
        .split("<form")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part.to_string()
            } else {
                part.split_once("</form>")
                    .map(|(_, after)| after.to_string())
                    .unwrap_or_default()
            }
        })
        .collect();
    for tag in ["<input", "<textarea", "<select"] {
        assert!(!outside.contains(tag), "{page}: a field outside any form");
    }
}

#[tokio::test]
async fn no_field_of_the_reporters_forms_is_remembered_by_the_browser() {
    let app = spawn_app().await;
    assert_no_form_memory(&app.get_text("/report").await, "/report");
    let again = app
        .submit_report(ReportForm::new("  ").field("city", "Laval"))
        .await
        .text()
        .await
        .unwrap();
    assert_no_form_memory(&again, "/report with errors");
    assert_no_form_memory(&app.get_text("/follow-up").await, "/follow-up");
    let (reference, receipt) = app.file_report(ReportForm::new("remember nothing")).await;
    let page = app.get_text("/follow-up").await;
    let res = app
        .post_form(
            "/follow-up",
            &[
                ("reference", &reference),
                ("receipt", &receipt),
                ("csrf_token", &csrf_token(&page)),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_no_form_memory(&app.get_text("/follow-up/case").await, "/follow-up/case");
    app.login_as("caseworker").await;
    assert_no_form_memory(&app.get_text("/staff/intake").await, "/staff/intake");
}

fn assert_no_store(res: &reqwest::Response, page: &str) {
    assert_eq!(
        res.headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap()),
        Some("no-store"),
        "{page}"
    );
}

#[tokio::test]
async fn pages_showing_what_a_reporter_typed_or_received_are_not_stored() {
    let app = spawn_app().await;
    // The form shown again with errors, and with an expired token.
    let res = app
        .submit_report(ReportForm::new("").field("involved", "typed words"))
        .await;
    assert_eq!(res.status(), 422);
    assert_no_store(&res, "report with errors");
    let res = app
        .post_report_with_token(ReportForm::new("typed words"), "")
        .await;
    assert_eq!(res.status(), 422);
    assert_no_store(&res, "report with an expired form");
    // The receipt page.
    let (reference, receipt) = app.file_report(ReportForm::new("stored")).await;
    let res = app.submit_report(ReportForm::new("another")).await;
    assert_eq!(res.status(), 303);
    assert_no_store(&app.get("/report/receipt").await, "receipt");
    // Follow-up: a wrong receipt, an expired form, the case and its errors.
    let page = app.get_text("/follow-up").await;
    let res = app
        .post_form(
            "/follow-up",
            &[
                ("reference", &reference),
                ("receipt", "1111 2222 3333 4444 5555"),
                ("csrf_token", &csrf_token(&page)),
            ],
        )
        .await;
    assert_eq!(res.status(), 401);
    assert_no_store(&res, "follow-up, wrong receipt");
    let res = app
        .post_form(
            "/follow-up",
            &[
                ("reference", &reference),
                ("receipt", &receipt),
                ("csrf_token", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_no_store(&res, "follow-up, expired form");
    let page = app.get_text("/follow-up").await;
    let res = app
        .post_form(
            "/follow-up",
            &[
                ("reference", &reference),
                ("receipt", &receipt),
                ("csrf_token", &csrf_token(&page)),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let case = app.get("/follow-up/case").await;
    assert_no_store(&case, "follow-up case");
    let token = csrf_token(&case.text().await.unwrap());
    let res = app
        .post_form(
            "/follow-up/case/messages",
            &[("body", " "), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_no_store(&res, "follow-up, empty reply");
    let res = app
        .client
        .post(app.url(&format!("/follow-up/case/evidence?csrf_token={token}")))
        .multipart(reqwest::multipart::Form::new().text("narrative", "no file"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_no_store(&res, "follow-up, no file");
}

#[tokio::test]
async fn the_quick_exit_goes_through_haven_and_clears_the_site_data() {
    let app = spawn_app().await;
    for path in ["/", "/report", "/follow-up", "/report/receipt", "/nowhere"] {
        let html = app.get_text(path).await;
        assert!(
            html.contains("id=\"quick-exit\" href=\"/exit\""),
            "{path} links its quick exit to /exit"
        );
    }
    assert!(
        app.get_text("/report?lang=ug")
            .await
            .contains("id=\"quick-exit\" href=\"/exit\""),
        "in every language"
    );
    // A blank step that clears the site's data and moves on without script...
    let res = app.get("/exit").await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers().get("clear-site-data").unwrap(),
        "\"cache\", \"cookies\", \"storage\""
    );
    assert_no_store(&res, "/exit");
    let html = res.text().await.unwrap();
    assert!(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=/exit/now\">"));
    assert!(!html.contains("<script"), "no script needed");
    // ...then clears again (the page left is now in the back/forward cache)
    // and leaves for a neutral site.
    let res = app.get("/exit/now").await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers().get("location").unwrap(),
        "https://weather.gc.ca/",
        "a neutral site"
    );
    assert_eq!(
        res.headers().get("clear-site-data").unwrap(),
        "\"cache\", \"cookies\", \"storage\""
    );
    assert_no_store(&res, "/exit/now");
    assert!(
        res.bytes().await.unwrap().is_empty(),
        "nothing of Haven in the answer"
    );
}

#[tokio::test]
async fn leaving_a_visit_clears_the_site_data_too() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("leave")).await;
    let page = app.get_text("/follow-up").await;
    app.post_form(
        "/follow-up",
        &[
            ("reference", &reference),
            ("receipt", &receipt),
            ("csrf_token", &csrf_token(&page)),
        ],
    )
    .await;
    let token = csrf_token(&app.get_text("/follow-up/case").await);
    let res = app
        .post_form("/follow-up/leave", &[("csrf_token", &token)])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers().get("location").unwrap(), "/follow-up?left=1");
    assert_eq!(
        res.headers().get("clear-site-data").unwrap(),
        "\"cache\", \"cookies\", \"storage\""
    );
    let left = app.get("/follow-up?left=1").await;
    assert_eq!(
        left.headers().get("clear-site-data").unwrap(),
        "\"cache\", \"cookies\", \"storage\"",
        "cleared again once the case page is behind"
    );
    assert_eq!(
        app.get("/follow-up/case").await.status(),
        303,
        "visit ended"
    );
}

#[tokio::test]
async fn another_site_cannot_make_the_exit_wipe_a_caseworkers_cookies() {
    let app = spawn_app().await;
    for path in ["/exit", "/exit/now", "/follow-up?left=1"] {
        for (site, value) in [
            ("same-origin", "\"cache\", \"cookies\", \"storage\""),
            ("none", "\"cache\", \"cookies\", \"storage\""),
            ("cross-site", "\"cache\", \"storage\""),
            ("same-site", "\"cache\", \"storage\""),
        ] {
            let res = app
                .client
                .get(app.url(path))
                .header("sec-fetch-site", site)
                .send()
                .await
                .unwrap();
            assert_eq!(
                res.headers().get("clear-site-data").unwrap(),
                value,
                "{path} from {site}"
            );
        }
    }
}

#[tokio::test]
async fn an_exit_begun_by_another_site_keeps_the_cookies_on_its_second_step_too() {
    let app = spawn_app().await;
    let res = app
        .client
        .get(app.url("/exit"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.headers().get("clear-site-data").unwrap(),
        "\"cache\", \"storage\""
    );
    let html = res.text().await.unwrap();
    assert!(
        html.contains("url=/exit/now?kept=1"),
        "the second step is told: {html}"
    );
    // The hop page's own refresh is same-origin, yet keeps the cookies.
    let res = app
        .client
        .get(app.url("/exit/now?kept=1"))
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers().get("clear-site-data").unwrap(),
        "\"cache\", \"storage\""
    );
}
