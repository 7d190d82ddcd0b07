//! The HTTP edge shared by every route: application state, the error
//! policy, security headers, the access log, language negotiation, form
//! tokens and the reporter's follow-up visit.

mod access_log;
mod client;
mod cookies;
mod errors;
mod forms;
mod headers;
mod lang;
pub mod metrics;
mod render;
pub mod session;
mod staff_gate;
mod state;
mod visit;

pub use access_log::access_log;
pub use client::client_address;
pub use cookies::{CookieName, site_cookie};
pub use errors::{AppError, head_as_get, render_error_pages};
pub use forms::{FormTokens, reject_cross_site};
pub use headers::{onion_location, security_headers};
pub use lang::language_of;
pub use metrics::Metrics;
pub use render::{no_store, render, render_with_status};
pub use staff_gate::staff_gate;
pub use state::AppState;
pub use visit::{HasCsrfToken, ReporterVisit, visit_cookie};

/// Seconds since the Unix epoch.
pub fn now_unix() -> i64 {
    chrono::Utc::now().timestamp()
}
