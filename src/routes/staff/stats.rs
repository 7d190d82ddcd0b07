//! Statistics for advocacy: charts drawn here as SVG, and a CSV download.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use super::chart::{self, Chart, Row};
use crate::auth::Staff;
use crate::cases::stats::{self, MIN_CELL, Stats};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render};

/// A category's name in the staff language: months as "May 2026", codes
/// by their labels.
fn label(t: &Tr, dimension: &str, code: &str) -> String {
    match (dimension, code) {
        (_, "") => t.t("stats-not-stated"),
        ("kind", c) => t.code("kind", c),
        ("community", c) => t.code("community", c),
        ("province", c) => t.code("province", c),
        ("month", c) => month(t, c).unwrap_or_else(|| c.to_string()),
        (_, c) => c.to_string(),
    }
}

/// `2026-05` as the month's name and year.
fn month(t: &Tr, code: &str) -> Option<String> {
    let (year, month) = code.split_once('-')?;
    Some(t.month(year.parse().ok()?, month.parse().ok()?))
}

fn charts(t: &Tr, stats: &Stats) -> Vec<Chart> {
    stats
        .dimensions
        .iter()
        .map(|d| {
            let rows = stats::in_chart_order(&d.cells, |c| label(t, d.name, &c.code))
                .into_iter()
                .map(|(label, c)| Row {
                    label,
                    value: c
                        .count
                        .map(|n| n.to_string())
                        .unwrap_or_else(|| t.tn("stats-suppressed", "n", MIN_CELL)),
                    count: c.count,
                })
                .collect();
            Chart::new(d.name, t.t(&format!("stats-by-{}", d.name)), rows)
        })
        .collect()
}

#[derive(Template)]
#[template(path = "staff/stats.html")]
struct StatsPage {
    t: Tr,
    nav: Option<StaffNav>,
    total: i64,
    charts: Vec<Chart>,
    min_cell: i64,
    label_width: i64,
    label_end: i64,
    bar_area: i64,
    width: i64,
}

pub async fn show(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let stats = stats::compute(&state).await?;
    render(&StatsPage {
        t,
        nav: StaffNav::for_staff(&staff),
        total: stats.total,
        charts: charts(&t, &stats),
        min_cell: MIN_CELL,
        label_width: chart::LABEL_WIDTH,
        label_end: chart::LABEL_END,
        bar_area: chart::BAR_AREA,
        width: chart::WIDTH,
    })
}

pub async fn csv(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let stats = stats::compute(&state).await?;
    let name = format!(
        "haven-statistics-{}.csv",
        chrono::Utc::now().format("%Y-%m-%d")
    );
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .body(stats::to_csv(&stats)))
}
