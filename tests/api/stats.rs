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

/// The section of the stats page showing the chart `id`.
fn chart<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"chart-{id}-title\""))
        .unwrap_or_else(|| panic!("a chart {id}"));
    let end = page[start..].find("</section>").unwrap() + start;
    &page[start..end]
}

/// The table under a chart: each row's label and value, in order.
fn table_rows(chart: &str) -> Vec<(String, String)> {
    chart
        .split("<th scope=\"row\">")
        .skip(1)
        .map(|row| {
            let (label, rest) = row.split_once("</th><td>").unwrap();
            let value = rest.split_once("</td>").unwrap().0;
            (unescape(label), unescape(value))
        })
        .collect()
}

/// The bar labels as the chart draws them: each label's lines, in order.
fn drawn_labels(chart: &str) -> Vec<Vec<String>> {
    chart
        .split("class=\"bar-label\">")
        .skip(1)
        .map(|text| {
            let text = text.split_once("</text>").unwrap().0;
            text.split("<tspan")
                .skip(1)
                .map(|t| {
                    let inner = t.split_once('>').unwrap().1;
                    unescape(inner.split_once("</tspan>").unwrap().0)
                })
                .collect()
        })
        .collect()
}

/// Claim: each chart lists its bars by count, largest first, ties by their
/// names in the staff language (not their codes); every bar is labelled by
/// its whole name, wrapped in the label column rather than cut; the CSV
/// keeps the codes, in their own order.
#[tokio::test]
async fn charts_list_the_largest_counts_first_each_labelled_in_full() {
    let app = spawn_app().await;
    for (kind, n) in [
        ("assault", 12),
        ("surveillance", 8),
        ("hacking", 8),
        ("legal_abuse", 6),
    ] {
        for _ in 0..n {
            file(&app, "uyghur", kind, true).await;
        }
    }
    app.login_as("caseworker").await;
    let page = app.get_text("/staff/stats").await;
    let kinds = chart(&page, "kind");
    let legal = "Abuse of legal or consular processes (INTERPOL notices, extradition \
                 requests, passport or consular services refused)";
    let expected: Vec<(String, String)> = [
        ("Physical assault or attempted abduction", "12"),
        // A tie: by name "Being…" comes before "Hacking…" (by code,
        // hacking would come first).
        ("Being followed, watched or photographed", "8"),
        ("Hacking, phishing or device compromise", "8"),
        (legal, "6"),
    ]
    .iter()
    .map(|(l, v)| (l.to_string(), v.to_string()))
    .collect();
    assert_eq!(table_rows(kinds), expected, "the table, in chart order");

    let drawn = drawn_labels(kinds);
    assert_eq!(drawn.len(), 4, "one label per bar");
    for (lines, (label, _)) in drawn.iter().zip(&expected) {
        assert_eq!(&lines.join(" "), label, "the whole name, in order");
        for line in lines {
            // 288 SVG units at 13 units a letter's height: well under 45
            // letters to a line.
            assert!(line.chars().count() <= 44, "a line too long to fit: {line}");
        }
    }
    assert!(
        drawn[3].len() > 1,
        "the long label is wrapped: {:?}",
        drawn[3]
    );
    assert!(!kinds.contains('…'), "nothing elided");

    // Months by name, in the staff language.
    let this_month = chrono::Utc::now().format("%B %Y").to_string();
    assert_eq!(
        table_rows(chart(&page, "month")),
        vec![(this_month, "34".to_string())]
    );

    let csv = app.get("/staff/stats.csv").await.text().await.unwrap();
    assert!(
        csv.contains("kind,assault,12\nkind,hacking,8\nkind,legal_abuse,6\nkind,surveillance,8\n"),
        "codes, in their own order: {csv}"
    );
    let month = chrono::Utc::now().format("%Y-%m").to_string();
    assert!(csv.contains(&format!("month,{month},34\n")), "{csv}");
}

/// Claim: ties go by name as a French reader sorts it (accents aside), and
/// hidden cells come last, by name, never in the order of their counts.
#[tokio::test]
async fn ties_sort_by_the_french_names_and_hidden_cells_come_last() {
    let app = spawn_app().await;
    for (province, n) in [
        ("QC", 6),
        ("PE", 6),
        ("ON", 6),
        ("YT", 2),
        ("NU", 1),
        ("AB", 9),
    ] {
        for _ in 0..n {
            file_in(&app, province).await;
        }
    }
    app.login_as("caseworker").await;
    let page = app.get_text("/staff/stats?lang=fr").await;
    let rows = table_rows(chart(&page, "province"));
    let names: Vec<&str> = rows.iter().map(|(l, _)| l.as_str()).collect();
    // YT (2) and NU (1) are hidden, and one of the smallest shown cells
    // with them (ON, 6). Shown ties by name, Île before Québec whatever
    // the accent; then the hidden ones by name, not by count.
    assert_eq!(
        names,
        [
            "Alberta",
            "Île-du-Prince-Édouard",
            "Québec",
            "Nunavut",
            "Ontario",
            "Yukon"
        ],
        "{rows:?}"
    );
    assert_eq!(rows[0].1, "9");
    assert!(rows[3..].iter().all(|(_, v)| v == "moins de 5"), "{rows:?}");
}
