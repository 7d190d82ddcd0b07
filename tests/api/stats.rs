use crate::helpers::*;

async fn file(app: &TestApp, community: &str, kind: &str, consent: bool) {
    let mut raw = haven::domain::RawIntake {
        narrative: "x".into(),
        community: community.into(),
        kinds: vec![kind.into()],
        province: "ON".into(),
        ..Default::default()
    };
    raw.consent_stats = consent;
    let report = haven::domain::NewReport::parse(&raw, chrono::Utc::now().date_naive()).unwrap();
    haven::cases::intake::file_report(&app.state, report, vec![], haven::domain::IntakeSource::Web)
        .await
        .unwrap();
}

#[tokio::test]
async fn statistics_count_consenting_reports_and_suppress_small_cells() {
    let app = spawn_app().await;
    for _ in 0..12 {
        file(&app, "uyghur", "surveillance", true).await;
    }
    for _ in 0..3 {
        file(&app, "tibetan", "hacking", true).await;
    }
    for _ in 0..7 {
        file(&app, "hong_kong", "hacking", true).await;
    }
    for _ in 0..20 {
        file(&app, "falun_gong", "assault", false).await;
    }
    app.login_as("caseworker").await;
    let page = app.get_text("/staff/stats").await;
    assert!(
        page.contains("22 consenting reports"),
        "non-consenting reports are not counted"
    );
    assert!(page.contains("<svg"), "charts drawn on the server");
    assert!(
        !page.contains("Falun Gong"),
        "no consenting Falun Gong reports"
    );
    let csv = app.get("/staff/stats.csv").await;
    assert!(
        csv.headers()
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let csv = csv.text().await.unwrap();
    assert!(csv.starts_with("dimension,category,count\n"));
    assert!(csv.contains("community,uyghur,12\n"));
    assert!(csv.contains("community,tibetan,<5\n"), "3 is suppressed");
    assert!(
        csv.contains("community,hong_kong,<5\n"),
        "and 7 with it, or 3 could be worked out from the total"
    );
    assert!(csv.contains("kind,hacking,10\n"));
    assert!(csv.contains("kind,surveillance,12\n"));
    assert!(csv.contains("province,ON,22\n"));
    assert!(!csv.contains(",3\n") && !csv.contains(",7\n"));
    assert!(!csv.contains("falun_gong"));
}

async fn file_in(app: &TestApp, province: &str) {
    let mut raw = haven::domain::RawIntake {
        narrative: "x".into(),
        community: "uyghur".into(),
        kinds: vec!["surveillance".into()],
        province: province.into(),
        ..Default::default()
    };
    raw.consent_stats = true;
    let report = haven::domain::NewReport::parse(&raw, chrono::Utc::now().date_naive()).unwrap();
    haven::cases::intake::file_report(&app.state, report, vec![], haven::domain::IntakeSource::Web)
        .await
        .unwrap();
}

#[tokio::test]
async fn suppressed_cells_cannot_be_worked_out_from_the_total() {
    let app = spawn_app().await;
    for _ in 0..10 {
        file_in(&app, "ON").await;
    }
    file_in(&app, "YT").await;
    file_in(&app, "NU").await;
    app.login_as("caseworker").await;
    let csv = app.get("/staff/stats.csv").await.text().await.unwrap();
    assert!(csv.contains("province,YT,<5\n") && csv.contains("province,NU,<5\n"));
    // 12 − 10 would leave YT + NU = 2, so YT = NU = 1: ON is hidden too.
    assert!(
        csv.contains("province,ON,<5\n"),
        "ON must be hidden with YT and NU: {csv}"
    );
    let page = app.get_text("/staff/stats").await;
    assert!(page.contains("12 consenting reports"));
}

#[tokio::test]
async fn hidden_cells_are_not_pinned_to_one_each() {
    let app = spawn_app().await;
    for _ in 0..10 {
        file_in(&app, "ON").await;
    }
    for province in ["YT", "NU", "BC", "MB", "SK"] {
        file_in(&app, province).await;
    }
    app.login_as("caseworker").await;
    let csv = app.get("/staff/stats.csv").await.text().await.unwrap();
    // 15 − 10 = 5 over five listed provinces would be one each.
    for province in ["ON", "YT", "NU", "BC", "MB", "SK"] {
        assert!(
            csv.contains(&format!("province,{province},<5\n")),
            "{province}: {csv}"
        );
    }
}
