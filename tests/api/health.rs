use crate::helpers::*;

#[tokio::test]
async fn probes_answer() {
    let app = spawn_app().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), 200);
    let res = app.get("/readyz").await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn readiness_fails_while_the_database_is_unreachable() {
    let app = spawn_app_with(Options {
        database_missing: true,
        ..Default::default()
    })
    .await;
    assert_eq!(app.get("/healthz").await.status(), 200, "the process is up");
    assert_eq!(app.get("/readyz").await.status(), 503);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in [
        "/",
        "/report",
        "/staff/login",
        "/no-such-page",
        "/static/haven.css",
        "/healthz",
    ] {
        let res = app.get(path).await;
        let h = res.headers();
        let csp = h
            .get("content-security-policy")
            .unwrap_or_else(|| panic!("CSP on {path}"))
            .to_str()
            .unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"),
            "{path}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(h.get("referrer-policy").unwrap(), "no-referrer", "{path}");
        assert_eq!(
            h.get("x-content-type-options").unwrap(),
            "nosniff",
            "{path}"
        );
        assert!(
            h.get("strict-transport-security").is_none(),
            "no HSTS over plain HTTP"
        );
    }
}

#[tokio::test]
async fn pages_load_nothing_from_another_origin_and_have_no_inline_script() {
    let app = spawn_app().await;
    for path in ["/", "/report", "/staff/login", "/no-such-page"] {
        let html = app.get_text(path).await;
        for attr in [
            "src=\"http",
            "href=\"//",
            "src=\"//",
            "<link rel=\"stylesheet\" href=\"http",
        ] {
            assert!(
                !html.contains(attr),
                "{path} loads a third-party resource: {attr}"
            );
        }
        assert!(
            !html.contains("<script>") && !html.contains("onclick="),
            "{path} has inline script"
        );
        assert!(
            html.contains("id=\"quick-exit\"") || path.starts_with("/staff"),
            "{path} has the quick exit"
        );
    }
}
