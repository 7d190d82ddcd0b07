//! Statistics for advocacy: charts drawn here as SVG, and a CSV download.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::auth::Staff;
use crate::cases::stats::{self, MIN_CELL, Stats};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render};

/// One bar of a chart, laid out.
pub struct Bar {
    pub label: String,
    pub value: String,
    pub suppressed: bool,
    pub y: i64,
    pub width: i64,
}

/// A horizontal bar chart.
pub struct Chart {
    pub id: &'static str,
    pub title: String,
    pub height: i64,
    pub bars: Vec<Bar>,
}

/// Width of the bar area, and where it starts, in SVG units.
pub const BAR_AREA: i64 = 360;
pub const LABEL_WIDTH: i64 = 250;
const ROW: i64 = 26;

fn label(t: &Tr, dimension: &str, code: &str) -> String {
    match (dimension, code) {
        (_, "") => t.t("stats-not-stated"),
        ("kind", c) => t.code("kind", c),
        ("community", c) => t.code("community", c),
        ("province", c) => t.code("province", c),
        (_, c) => c.to_string(),
    }
}

fn charts(t: &Tr, stats: &Stats) -> Vec<Chart> {
    stats
        .dimensions
        .iter()
        .map(|d| {
            let max = d.max().max(1);
            let bars: Vec<Bar> = d
                .cells
                .iter()
                .enumerate()
                .map(|(i, c)| Bar {
                    label: label(t, d.name, &c.code),
                    value: c
                        .count
                        .map(|n| n.to_string())
                        .unwrap_or_else(|| t.tn("stats-suppressed", "n", MIN_CELL)),
                    suppressed: c.count.is_none(),
                    y: i as i64 * ROW,
                    width: c.count.map(|n| (n * BAR_AREA / max).max(2)).unwrap_or(0),
                })
                .collect();
            Chart {
                id: d.name,
                title: t.t(&format!("stats-by-{}", d.name)),
                height: (bars.len() as i64 * ROW).max(ROW),
                bars,
            }
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
    bar_area: i64,
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
        label_width: LABEL_WIDTH,
        bar_area: BAR_AREA,
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
