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
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::i18n::Tr;
use crate::web::{AppError, AppState, CookieName, no_store, render_with_status, site_cookie};

/// What the browser is told to forget.
pub const CLEAR_SITE_DATA: &str = "\"cache\", \"cookies\", \"storage\"";

/// What it is told to forget when another site sent it here.
pub const CLEAR_SITE_DATA_CROSS_SITE: &str = "\"cache\", \"storage\"";

/// Whether another site sent the browser here (`Sec-Fetch-Site`).
fn from_elsewhere(req: &HttpRequest) -> bool {
    req.headers()
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|site| matches!(site, "cross-site" | "same-site"))
}

/// The `Clear-Site-Data` header, with or without cookies.
fn clear(keep_cookies: bool) -> (HeaderName, HeaderValue) {
    let value = if keep_cookies {
        CLEAR_SITE_DATA_CROSS_SITE
    } else {
        CLEAR_SITE_DATA
    };
    (
        HeaderName::from_static("clear-site-data"),
        HeaderValue::from_static(value),
    )
}

/// The `Clear-Site-Data` header for `req`. Cookies are cleared only when
/// the request comes from Haven's own pages (or from the address bar, a
/// bookmark, or a browser too old to say): another site that sends a
/// caseworker's browser here must not wipe their known-device cookie, the
/// one thing that keeps an attacker from locking them out of sign-in.
pub fn clear_site_data(req: &HttpRequest) -> (HeaderName, HeaderValue) {
    clear(from_elsewhere(req))
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
pub fn hop(
    state: &AppState,
    keep_cookies: bool,
    t: Tr,
    next: String,
    label: &'static str,
) -> Result<HttpResponse, AppError> {
    let mut res = no_store(render_with_status(&Hop { t, next, label }, StatusCode::OK)?);
    let (name, value) = clear(keep_cookies);
    res.headers_mut().insert(name, value);
    if !keep_cookies {
        forget_draft(state, &mut res)?;
    }
    Ok(res)
}

/// Removes the report form's draft cookie by name too, for browsers that
/// do not act on `Clear-Site-Data`: a draft left on the server then opens
/// for no one.
fn forget_draft(state: &AppState, res: &mut HttpResponse) -> Result<(), AppError> {
    let mut gone = site_cookie(&state.config, CookieName::DRAFT, String::new()).finish();
    gone.make_removal();
    res.add_cookie(&gone)
        .map_err(|e| AppError::Internal(e.into()))
}

pub async fn leave(
    req: HttpRequest,
    state: web::Data<AppState>,
    t: Tr,
) -> Result<HttpResponse, AppError> {
    // Sent here by another site: the next step, though asked for by this
    // page, keeps the cookies too.
    let keep = from_elsewhere(&req);
    let next = if keep {
        "/exit/now?kept=1"
    } else {
        "/exit/now"
    };
    hop(&state, keep, t, next.to_string(), "quick-exit")
}

#[derive(serde::Deserialize)]
pub struct AwayQuery {
    kept: Option<String>,
}

pub async fn away(
    req: HttpRequest,
    state: web::Data<AppState>,
    q: web::Query<AwayQuery>,
) -> HttpResponse {
    // `kept` can only keep cookies, never clear more: it needs no check.
    let keep = from_elsewhere(&req) || q.kept.is_some();
    let mut res = HttpResponse::SeeOther()
        .insert_header(clear(keep))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::LOCATION, state.config.exit_url.as_str()))
        .finish();
    if !keep {
        // A cookie that cannot be removed leaves the draft unopenable
        // anyway once its time is up: the exit goes on regardless.
        let _ = forget_draft(&state, &mut res);
    }
    res
}
