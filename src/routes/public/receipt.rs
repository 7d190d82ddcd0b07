//! The receipt page. The reference and receipt arrive in a sealed session
//! cookie (`Path=/`, as the `__Host-` prefix requires), valid for 15 minutes: a reload does not lose
//! them, and nothing of them is stored on the server or appears in a URL.
//! The cookie also names a one-time record on the server (a random token;
//! the server keeps its digest): "I have written them down" deletes that
//! record, so every copy of the cookie shows nothing from then on.

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::cases::intake::FiledReport;
use crate::crypto::{Aad, Sealed, digest_token, new_token};
use crate::db;
use crate::domain::{CaseReference, Receipt};
use crate::i18n::Tr;
use crate::web::{
    AppError, AppState, CookieName, FormTokens, no_store, now_unix, reject_cross_site, render,
    render_with_status, site_cookie,
};

const VALID_SECS: i64 = 15 * 60;

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    reference: String,
    receipt: String,
    /// The token of the one-time record on the server.
    view: String,
    issued: i64,
    urgent: bool,
    #[serde(default)]
    stripped: i64,
}

/// A new one-time record for a receipt page: the token for the cookie and
/// the digest to store with the report.
pub fn new_view() -> (String, Vec<u8>) {
    let token = new_token();
    let digest = digest_token(&token);
    (token, digest)
}

/// The sealed cookie that carries a new report's reference and receipt to
/// the receipt page.
pub fn cookie_for(
    state: &AppState,
    filed: &FiledReport,
    view: String,
    urgent: bool,
    stripped: usize,
) -> Cookie<'static> {
    let payload = Payload {
        reference: filed.reference.as_str().to_string(),
        receipt: filed.receipt.expose().to_string(),
        view,
        issued: now_unix(),
        urgent,
        stripped: stripped as i64,
    };
    let json = zeroize::Zeroizing::new(
        serde_json::to_vec(&payload).expect("serialising plain fields cannot fail"),
    );
    let sealed = state.keyring.seal_transient(&Aad::receipt_cookie(), &json);
    // A session cookie: the browser forgets it when it closes.
    build(state, hex::encode(sealed.as_bytes())).finish()
}

fn build(state: &AppState, value: String) -> actix_web::cookie::CookieBuilder<'static> {
    site_cookie(&state.config, CookieName::RECEIPT, value).same_site(SameSite::Lax)
}

/// Whether the one-time record behind `payload` still exists.
async fn still_shown(state: &AppState, payload: &Payload) -> Result<bool, AppError> {
    let digest = digest_token(&payload.view);
    Ok(state
        .db
        .run(move |conn| db::receipt_views::exists(conn, &digest))
        .await?)
}

fn read(state: &AppState, req: &HttpRequest) -> Option<Payload> {
    let cookie = req.cookie(CookieName::RECEIPT.for_config(&state.config))?;
    let bytes = hex::decode(cookie.value()).ok()?;
    let plain = state
        .keyring
        .open_transient(&Aad::receipt_cookie(), &Sealed::from_stored(bytes))
        .ok()?;
    let payload: Payload = serde_json::from_slice(&plain).ok()?;
    let age = now_unix() - payload.issued;
    (0..=VALID_SECS).contains(&age).then_some(payload)
}

#[derive(Template)]
#[template(path = "public/receipt.html")]
struct ReceiptPage {
    t: Tr,
    path: &'static str,
    reference: String,
    receipt: String,
    urgent: bool,
    stripped: i64,
    csrf_token: String,
}

#[derive(Template)]
#[template(path = "public/receipt_gone.html")]
struct ReceiptGonePage {
    t: Tr,
    path: &'static str,
}

pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    t: Tr,
) -> Result<HttpResponse, AppError> {
    let payload = match read(&state, &req) {
        Some(payload) if still_shown(&state, &payload).await? => payload,
        _ => {
            return Ok(no_store(render_with_status(
                &ReceiptGonePage { t, path: "/" },
                actix_web::http::StatusCode::GONE,
            )?));
        }
    };
    let reference = CaseReference::parse(&payload.reference).ok_or(AppError::BadRequest)?;
    let receipt = Receipt::parse(&payload.receipt).ok_or(AppError::BadRequest)?;
    let res = render(&ReceiptPage {
        t,
        path: "/",
        reference: reference.as_str().to_string(),
        receipt: receipt.grouped(),
        urgent: payload.urgent,
        stripped: payload.stripped,
        csrf_token: FormTokens::issue(&state, FormTokens::RECEIPT),
    })?;
    Ok(no_store(res))
}

#[derive(serde::Deserialize)]
pub struct DoneForm {
    #[serde(default)]
    csrf_token: String,
}

/// "I have written them down": the one-time record is deleted (no copy of
/// the cookie shows the receipt again) and this browser forgets the cookie.
pub async fn done(
    req: HttpRequest,
    state: web::Data<AppState>,
    t: Tr,
    form: web::Form<DoneForm>,
) -> Result<HttpResponse, AppError> {
    if reject_cross_site(&req) || !FormTokens::verify(&state, FormTokens::RECEIPT, &form.csrf_token)
    {
        return Err(AppError::CsrfRejected);
    }
    if let Some(payload) = read(&state, &req) {
        let digest = digest_token(&payload.view);
        state
            .db
            .run(move |conn| db::receipt_views::delete(conn, &digest))
            .await?;
    }
    Ok(HttpResponse::SeeOther()
        .cookie(
            build(&state, String::new())
                .max_age(CookieDuration::ZERO)
                .finish(),
        )
        .insert_header((header::LOCATION, t.url("/")))
        .finish())
}
