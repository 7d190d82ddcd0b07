//! The quick exit: `GET /exit` tells the browser to clear everything it
//! keeps of this site (cache, cookies, storage — and with them the
//! back/forward cache of its pages), then sends it to a neutral site.
//! Nothing of Haven is in the answer, so Back finds nothing of a report.

use actix_web::HttpResponse;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::web;

use crate::web::AppState;

/// What the browser is told to forget.
pub const CLEAR_SITE_DATA: &str = "\"cache\", \"cookies\", \"storage\"";

/// The `Clear-Site-Data` header (also sent when a reporter leaves a visit).
pub fn clear_site_data() -> (HeaderName, HeaderValue) {
    (
        HeaderName::from_static("clear-site-data"),
        HeaderValue::from_static(CLEAR_SITE_DATA),
    )
}

pub async fn leave(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(clear_site_data())
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::LOCATION, state.config.exit_url.as_str()))
        .finish()
}
