//! The quick exit. `GET /exit` answers a blank page that tells the browser
//! to clear everything it keeps of this site (cache, cookies, storage) and
//! moves on at once, without script, to `GET /exit/now`, which clears again
//! and sends the browser to a neutral site.
//!
//! Why two steps: the page being left enters the back/forward cache only
//! once the next page of Haven is on screen, and Chromium flushes that
//! cache for `Clear-Site-Data: "cache"` only if the page is already in it.
//! A single redirect would leave the report in memory for Back to show.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::i18n::Tr;
use crate::web::{AppError, AppState, no_store, render_with_status};

/// What the browser is told to forget.
pub const CLEAR_SITE_DATA: &str = "\"cache\", \"cookies\", \"storage\"";

/// The `Clear-Site-Data` header.
pub fn clear_site_data() -> (HeaderName, HeaderValue) {
    (
        HeaderName::from_static("clear-site-data"),
        HeaderValue::from_static(CLEAR_SITE_DATA),
    )
}

/// A blank step on the way out, moving on to `next` at once.
#[derive(Template)]
#[template(path = "public/hop.html")]
struct Hop {
    t: Tr,
    next: String,
    label: &'static str,
}

/// A page that clears the site's data and moves on to `next`.
pub fn hop(t: Tr, next: String, label: &'static str) -> Result<HttpResponse, AppError> {
    let mut res = no_store(render_with_status(&Hop { t, next, label }, StatusCode::OK)?);
    let (name, value) = clear_site_data();
    res.headers_mut().insert(name, value);
    Ok(res)
}

pub async fn leave(t: Tr) -> Result<HttpResponse, AppError> {
    hop(t, "/exit/now".to_string(), "quick-exit")
}

pub async fn away(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(clear_site_data())
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::LOCATION, state.config.exit_url.as_str()))
        .finish()
}
