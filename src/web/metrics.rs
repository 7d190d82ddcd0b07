//! `GET /metrics`: Prometheus text for the operator, behind a bearer token
//! (`HAVEN_METRICS_TOKEN`; without one the page does not exist).
//!
//! Nothing here is about a reporter, nor moves when one acts: a series that
//! moved with a reporter's request would date it to the scrape, where the
//! database keeps at most the hour. So reporters' pages are not counted
//! (not even their errors); the Argon2 queue, busy with a reporter's
//! receipt while a report is filed, is shown only as the count of requests
//! it turned away when full; emails waiting for a later slot (queued by a
//! reporter's reply, say) are not counted until their slot comes; and cases
//! by status are those received before the previous hour began, so a new
//! report shows only a whole hour after the hour it came in.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use subtle::ConstantTimeEq;

use super::{AppError, AppState};
use crate::db;

/// The upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 10] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

/// What requests are counted as.
#[derive(Clone, Copy)]
pub enum RouteClass {
    /// Staff pages and actions.
    Staff,
    /// `/healthz`, `/readyz`, `/metrics`.
    Probe,
}

#[derive(Default)]
struct Histogram {
    buckets: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    /// Microseconds.
    sum: AtomicU64,
}

impl Histogram {
    fn observe(&self, took: Duration) {
        let seconds = took.as_secs_f64();
        for (bound, bucket) in BUCKETS.iter().zip(&self.buckets) {
            if seconds <= *bound {
                bucket.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        self.sum
            .fetch_add(took.as_micros() as u64, Ordering::Relaxed);
    }

    fn write(&self, out: &mut String, name: &str, class: &str) {
        for (bound, bucket) in BUCKETS.iter().zip(&self.buckets) {
            out.push_str(&format!(
                "{name}_bucket{{class=\"{class}\",le=\"{bound}\"}} {}\n",
                bucket.load(Ordering::Relaxed)
            ));
        }
        let count = self.count.load(Ordering::Relaxed);
        out.push_str(&format!(
            "{name}_bucket{{class=\"{class}\",le=\"+Inf\"}} {count}\n"
        ));
        out.push_str(&format!(
            "{name}_sum{{class=\"{class}\"}} {}\n",
            self.sum.load(Ordering::Relaxed) as f64 / 1e6
        ));
        out.push_str(&format!("{name}_count{{class=\"{class}\"}} {count}\n"));
    }
}

/// Cases by status, counted at the start of an hour.
type HourlyCounts = (DateTime<Utc>, Vec<(String, i64)>);

/// The counters of one instance, shared by its workers.
#[derive(Default)]
pub struct Metrics {
    staff: Histogram,
    probes: Histogram,
    server_errors: AtomicU64,
    /// Cases by status at the start of an hour, and that hour.
    hourly: Mutex<Option<HourlyCounts>>,
}

impl Metrics {
    pub fn observe(&self, class: RouteClass, took: Duration) {
        match class {
            RouteClass::Staff => self.staff.observe(took),
            RouteClass::Probe => self.probes.observe(took),
        }
    }

    pub fn server_error(&self) {
        self.server_errors.fetch_add(1, Ordering::Relaxed);
    }
}

/// Whether the request carries the metrics token.
fn authorized(req: &HttpRequest, token: &str) -> bool {
    req.headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|given| bool::from(given.as_bytes().ct_eq(token.as_bytes())))
}

pub async fn metrics(
    req: HttpRequest,
    state: web::Data<AppState>,
    metrics: web::Data<Metrics>,
) -> Result<HttpResponse, AppError> {
    let Some(token) = state.config.metrics_token.as_ref() else {
        return Err(AppError::NotFound);
    };
    if !authorized(&req, token.expose()) {
        return Ok(HttpResponse::Unauthorized()
            .insert_header((header::WWW_AUTHENTICATE, "Bearer"))
            .finish());
    }
    let hour = Utc::now()
        .duration_trunc(TimeDelta::hours(1))
        .map_err(|e| AppError::Internal(e.into()))?;
    // A report filed in the last moments of the previous hour may commit
    // after this hour began: counted only from the hour after.
    let before = hour - TimeDelta::hours(1);
    let cached = metrics
        .hourly
        .lock()
        .ok()
        .and_then(|h| h.clone())
        .filter(|(at, _)| *at == hour);
    let cases = match cached {
        Some((_, cases)) => cases,
        None => {
            let cases = state
                .db
                .run(move |conn| db::cases::status_counts_before(conn, before))
                .await?;
            if let Ok(mut h) = metrics.hourly.lock() {
                *h = Some((hour, cases.clone()));
            }
            cases
        }
    };
    let outbox = state.db.run(db::outbox::due_counts).await?;

    let mut out = String::new();
    out.push_str("# HELP haven_http_request_duration_seconds Time to answer staff and probe requests (reporters' pages are not counted).\n");
    out.push_str("# TYPE haven_http_request_duration_seconds histogram\n");
    metrics
        .staff
        .write(&mut out, "haven_http_request_duration_seconds", "staff");
    metrics
        .probes
        .write(&mut out, "haven_http_request_duration_seconds", "probe");
    out.push_str("# HELP haven_http_server_errors_total Answers with a 5xx status to staff and probe requests.\n");
    out.push_str("# TYPE haven_http_server_errors_total counter\n");
    out.push_str(&format!(
        "haven_http_server_errors_total {}\n",
        metrics.server_errors.load(Ordering::Relaxed)
    ));
    out.push_str("# HELP haven_hash_queue_full_total Requests the Argon2 queue turned away because it was full (they were asked to try again).\n");
    out.push_str("# TYPE haven_hash_queue_full_total counter\n");
    out.push_str(&format!(
        "haven_hash_queue_full_total {}\n",
        state.hasher.turned_away()
    ));
    out.push_str("# HELP haven_outbox_messages Emails in the outbox, by state (pending ones once their slot has come).\n");
    out.push_str("# TYPE haven_outbox_messages gauge\n");
    for state_name in ["pending", "sent", "failed"] {
        let n = outbox
            .iter()
            .find(|(s, _)| s == state_name)
            .map_or(0, |(_, n)| *n);
        out.push_str(&format!(
            "haven_outbox_messages{{state=\"{state_name}\"}} {n}\n"
        ));
    }
    out.push_str("# HELP haven_cases Cases received before the previous hour began, by status.\n");
    out.push_str("# TYPE haven_cases gauge\n");
    for status in crate::domain::CaseStatus::ALL {
        let n = cases
            .iter()
            .find(|(s, _)| s == status.as_str())
            .map_or(0, |(_, n)| *n);
        out.push_str(&format!(
            "haven_cases{{status=\"{}\"}} {n}\n",
            status.as_str()
        ));
    }
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(out))
}
