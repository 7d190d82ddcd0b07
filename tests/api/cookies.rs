//! Over HTTPS every cookie Haven sets is `__Host-` prefixed: `Secure`,
//! `Path=/`, no `Domain`, so it belongs to this exact host.

use crate::helpers::*;

/// A browser over HTTPS, seen from the test's plain-HTTP side: cookies are
/// carried by hand (a cookie store would keep `Secure` cookies off plain
/// HTTP), and every `Set-Cookie` is recorded.
struct Browser {
    client: reqwest::Client,
    jar: std::collections::BTreeMap<String, String>,
    seen: Vec<String>,
}

impl Browser {
    fn new() -> Self {
        Self {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            jar: Default::default(),
            seen: Vec::new(),
        }
    }

    async fn send(&mut self, req: reqwest::RequestBuilder) -> reqwest::Response {
        let cookies: Vec<String> = self.jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let req = if cookies.is_empty() {
            req
        } else {
            req.header("cookie", cookies.join("; "))
        };
        let res = req.send().await.unwrap();
        for header in res.headers().get_all("set-cookie") {
            let header = header.to_str().unwrap().to_string();
            let (pair, _) = header.split_once(';').unwrap_or((&header, ""));
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || header.contains("Max-Age=0") {
                self.jar.remove(name);
            } else {
                self.jar.insert(name.to_string(), value.to_string());
            }
            self.seen.push(header);
        }
        res
    }

    async fn page(&mut self, url: String) -> String {
        let req = self.client.get(url);
        plain(&self.send(req).await.text().await.unwrap())
    }
}

#[tokio::test]
async fn every_cookie_is_host_prefixed_over_https() {
    let app = spawn_app_with(Options {
        production: true,
        https_base_url: true,
        ..Default::default()
    })
    .await;
    let mut b = Browser::new();

    // A step of the report form (its draft's cookie), then the quick
    // exit (which removes it).
    let token = csrf_token(&b.page(app.url("/report")).await);
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", token)
        .text("step", "2")
        .text("go", "next")
        .text("narrative", "a draft over https");
    let req = b.client.post(app.url("/report")).multipart(form);
    assert_eq!(b.send(req).await.status(), 200);
    assert!(b.jar.contains_key("__Host-haven_draft"));
    b.page(app.url("/exit")).await;
    assert!(
        !b.jar.contains_key("__Host-haven_draft"),
        "the quick exit removes it"
    );

    // Intake, then the receipt page and "I have written them down".
    let token = csrf_token(&b.page(app.url("/report")).await);
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", token)
        .text("narrative", "cookies over https");
    let req = b.client.post(app.url("/report")).multipart(form);
    assert_eq!(b.send(req).await.status(), 303);
    let page = b.page(app.url("/report/receipt")).await;
    let reference = element_text(&page, "case-reference").expect("the receipt page");
    let receipt = element_text(&page, "receipt").unwrap();
    let req = b
        .client
        .post(app.url("/report/receipt"))
        .form(&[("csrf_token", csrf_token(&page))]);
    assert_eq!(b.send(req).await.status(), 303);

    // Follow-up: open, read, leave.
    let token = csrf_token(&b.page(app.url("/follow-up")).await);
    let req = b.client.post(app.url("/follow-up")).form(&[
        ("reference", reference.as_str()),
        ("receipt", receipt.as_str()),
        ("csrf_token", token.as_str()),
    ]);
    assert_eq!(b.send(req).await.status(), 303);
    let page = b.page(app.url("/follow-up/case")).await;
    assert!(page.contains("case-status"), "the visit works: {page}");
    let req = b
        .client
        .post(app.url("/follow-up/leave"))
        .form(&[("csrf_token", csrf_token(&page))]);
    assert_eq!(b.send(req).await.status(), 303);

    // Staff sign-in and sign-out.
    let email = app.create_user("caseworker", None);
    let token = csrf_token(&b.page(app.url("/staff/login")).await);
    let code = app.fresh_totp(&email);
    let req = b.client.post(app.url("/staff/login")).form(&[
        ("email", email.as_str()),
        ("password", PASSWORD),
        ("totp", code.as_str()),
        ("csrf_token", token.as_str()),
    ]);
    assert_eq!(b.send(req).await.status(), 303);
    let page = b.page(app.url("/staff/account")).await;
    let req = b
        .client
        .post(app.url("/staff/logout"))
        .form(&[("csrf_token", csrf_token(&page))]);
    assert_eq!(b.send(req).await.status(), 303);

    let names: std::collections::BTreeSet<&str> = b
        .seen
        .iter()
        .map(|c| c.split('=').next().unwrap())
        .collect();
    for expected in [
        "__Host-haven_draft",
        "__Host-haven_receipt",
        "__Host-haven_visit",
        "__Host-haven_session",
        "__Host-haven_device",
    ] {
        assert!(names.contains(expected), "{expected} among {names:?}");
    }
    for cookie in &b.seen {
        let attributes: Vec<&str> = cookie.split(';').map(str::trim).collect();
        assert!(cookie.starts_with("__Host-"), "{cookie}");
        assert!(attributes.contains(&"Path=/"), "{cookie}");
        assert!(attributes.contains(&"Secure"), "{cookie}");
        assert!(attributes.contains(&"HttpOnly"), "{cookie}");
        assert!(
            !attributes
                .iter()
                .any(|a| a.to_ascii_lowercase().starts_with("domain=")),
            "{cookie}"
        );
    }
}
