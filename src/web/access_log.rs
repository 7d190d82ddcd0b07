//! The access log: method, route pattern, status and duration. Never the
//! client's address, user agent, query string or the path itself (which can
//! hold a case reference): only the pattern it matched.
//!
//! Only staff pages are logged, and failures (5xx) on any page. A line's
//! own time is exact: for the public pages (a report sent, a reply, a
//! consent changed, a visit opened) it would date what a reporter did to
//! the second, which Haven otherwise keeps only to the hour.

use std::time::Instant;

use super::metrics::{Metrics, RouteClass};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

pub async fn access_log(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().clone();
    let route = req.match_pattern().unwrap_or_else(|| "(no route)".into());
    let metrics = req.app_data::<actix_web::web::Data<Metrics>>().cloned();
    let res = next.call(req).await?;
    if let Some(metrics) = metrics {
        let class = if route.starts_with("/staff") {
            Some(RouteClass::Staff)
        } else if matches!(route.as_str(), "/healthz" | "/readyz" | "/metrics") {
            Some(RouteClass::Probe)
        } else {
            None // reporters' pages: not counted
        };
        if let Some(class) = class {
            metrics.observe(class, started.elapsed());
            if res.status().is_server_error() {
                metrics.server_error();
            }
        }
    }
    if !route.starts_with("/staff") && !res.status().is_server_error() {
        return Ok(res);
    }
    tracing::info!(
        method = %method,
        route = %route,
        status = res.status().as_u16(),
        ms = started.elapsed().as_millis() as u64,
        "request"
    );
    Ok(res)
}
