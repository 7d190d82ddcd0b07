//! Signing in and out.
//!
//! A failed sign-in gets one answer whatever went wrong (no such account,
//! wrong password, wrong one-time code, account deactivated), after the
//! same Argon2 work. Failures are throttled per source, per account name
//! and per known browser (see `auth::throttle`); a throttled attempt is
//! told how long to wait, and costs no hash.

use std::net::IpAddr;

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use zeroize::Zeroizing;

use super::StaffNav;
use crate::auth::policy::must_use_second_factor;
use crate::auth::throttle::{self, DEVICE_VALID_SECS};
use crate::auth::{Staff, credentials, safe_next, totp};
use crate::domain::StaffRole;
use crate::i18n::Tr;
use crate::web::session;
use crate::web::{
    AppError, AppState, CookieName, FormTokens, client_address, render_with_status, site_cookie,
};

#[derive(Template)]
#[template(path = "staff/login.html")]
struct LoginPage {
    t: Tr,
    nav: Option<StaffNav>,
    csrf_token: String,
    next: String,
    email: String,
    notice: Option<&'static str>,
    error: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    signed_out: Option<String>,
    password_set: Option<String>,
    /// The known-device cookie handed back after sign-out.
    device: Option<String>,
}

fn page(state: &AppState, t: Tr, next: &str, email: String) -> LoginPage {
    LoginPage {
        t,
        nav: None,
        csrf_token: FormTokens::issue(state, FormTokens::LOGIN),
        next: safe_next(next).unwrap_or("").to_string(),
        email,
        notice: None,
        error: None,
    }
}

pub async fn form(
    req: HttpRequest,
    state: web::Data<AppState>,
    t: Tr,
    query: web::Query<LoginQuery>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    // The staff gate has already resolved any session on this request.
    if req.extensions().get::<Staff>().is_some() {
        return Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, t.url("/staff")))
            .finish());
    }
    let mut page = page(
        &state,
        t,
        query.next.as_deref().unwrap_or(""),
        String::new(),
    );
    if query.signed_out.is_some() {
        page.notice = Some("login-signed-out");
    }
    if query.password_set.is_some() {
        page.notice = Some("login-password-set");
    }
    let mut res = render_with_status(&page, StatusCode::OK)?;
    let handed_back = query
        .device
        .as_deref()
        .and_then(|h| throttle::take_device_handoff(&state, h));
    if let Some((user_id, binding)) = handed_back {
        res.add_cookie(&device_cookie(&state, user_id, &binding))
            .map_err(AppError::internal)?;
    }
    Ok(res)
}

/// The known-device cookie for `user_id`.
fn device_cookie(state: &AppState, user_id: i64, binding: &str) -> Cookie<'static> {
    site_cookie(
        &state.config,
        CookieName::DEVICE,
        throttle::device_token(state, user_id, binding),
    )
    .same_site(SameSite::Strict)
    .max_age(CookieDuration::seconds(DEVICE_VALID_SECS))
    .finish()
}

#[derive(serde::Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    totp: String,
    #[serde(default)]
    next: String,
}

fn minutes(secs: i64) -> i64 {
    (secs + 59) / 60
}

/// How long this attempt must wait, if it is held back: by its known
/// browser's own count only, or else by its source's and its account
/// name's. Cheap checks, made before any Argon2 work.
///
/// `source` is `None` on the second look, after the password check: the
/// attempt has already been counted against its source, which the first
/// look judged.
async fn held_for(
    state: &AppState,
    source: Option<IpAddr>,
    key: &[u8],
    device: Option<&[u8]>,
) -> Result<Option<i64>, AppError> {
    if let Some(device) = device {
        return Ok(state
            .known_devices
            .blocked_for(&device.to_vec())
            .map(|w| w.as_secs() as i64));
    }
    if let Some(wait) = source.and_then(|source| state.sources.blocked_for(&source)) {
        return Ok(Some(wait.as_secs() as i64));
    }
    let until = throttle::account_held_until(state, key.to_vec()).await?;
    Ok(until.map(|u| (u - chrono::Utc::now()).num_seconds().max(1)))
}

pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    t: Tr,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let form = form.into_inner();
    let source = client_address(&req, &state.config.trusted_proxies);
    let refuse = |error: String, status: StatusCode| {
        let mut page = page(&state, t, &form.next, form.email.trim().to_string());
        page.error = Some(error);
        render_with_status(&page, status)
    };
    let throttled = |secs: i64| {
        refuse(
            t.tn("login-throttled", "minutes", minutes(secs)),
            StatusCode::TOO_MANY_REQUESTS,
        )
    };

    // Who is named, and whether this browser signed in to them before:
    // no hash yet.
    let key = throttle::account_key(&state, &form.email);
    let named = credentials::find(&state, &form.email).await?;
    // A known browser's own failures are counted per account, not per
    // cookie: however many device cookies one person holds (a sign-out
    // hands one back), they share one count.
    let device = req
        .cookie(CookieName::DEVICE.for_config(&state.config))
        .and_then(|c| {
            named
                .as_ref()
                .filter(|u| {
                    let binding = throttle::device_binding(u.password_hash.as_deref());
                    throttle::device_is_known(&state, Some(c.value()), u.id, &binding)
                })
                .map(|u| u.id.to_be_bytes().to_vec())
        });
    if let Some(wait) = held_for(&state, Some(source), &key, device.as_deref()).await? {
        tracing::warn!("sign-in refused: throttled");
        return throttled(wait);
    }
    // Counted against its source before any hashing, and taken back if it
    // succeeds: a burst from one source reaches the source's limit as it
    // arrives, not after its hashes are done. (A known browser has its own
    // count and is not held by its source's.)
    let charged = match state.sources.try_charge(source) {
        Ok(()) => true,
        Err(_) if device.is_some() => false,
        Err(wait) => {
            tracing::warn!("sign-in refused: throttled");
            return throttled(wait.as_secs() as i64);
        }
    };

    // The Argon2 work: the password, then the code field, whose cost
    // depends only on what was typed in it (see `totp::check_second_factor`).
    let password = Zeroizing::new(form.password.clone());
    let user = credentials::check(&state, named, password).await?;
    // Look again after the slow check, before a one-time code or recovery
    // code is used up: a burst of parallel guesses all passed the first
    // look before any failure was counted, and must not get through
    // because one of them guessed right — nor burn the owner's codes.
    // (Looked at whether the password was right or not: the same work.)
    if let Some(wait) = held_for(&state, None, &key, device.as_deref()).await? {
        tracing::warn!("sign-in refused: throttled during verification");
        return throttled(wait);
    }
    let enrolled = user.as_ref().filter(|u| u.totp_enabled);
    let second = totp::check_second_factor(&state, enrolled, &form.totp).await?;
    let user = user.filter(|u| !u.totp_enabled || second);
    let Some(user) = user else {
        if let Some(device) = device {
            state.known_devices.record_failure(device);
        }
        throttle::account_failed(&state, key).await?;
        tracing::info!("sign-in refused");
        return refuse(t.t("login-failed"), StatusCode::UNAUTHORIZED);
    };
    if charged {
        state.sources.refund(&source);
    }
    throttle::account_succeeded(&state, key).await?;
    if let Some(device) = &device {
        state.known_devices.forget(device);
    }
    let cookie = session::start(&state, user.id).await?;
    crate::audit::view(&state, user.id, "user.signin", "user", user.id.to_string()).await?;
    let binding = throttle::device_binding(user.password_hash.as_deref());
    let device_cookie = device_cookie(&state, user.id, &binding);
    tracing::info!(user_id = user.id, "signed in");
    let must_enrol = StaffRole::parse(&user.role)
        .is_none_or(|role| must_use_second_factor(state.config.require_2fa, role))
        && !user.totp_enabled;
    let target = if must_enrol {
        t.url("/staff/account/totp")
    } else {
        safe_next(&form.next)
            .map(str::to_string)
            .unwrap_or_else(|| t.url("/staff"))
    };
    Ok(HttpResponse::SeeOther()
        .cookie(cookie)
        .cookie(device_cookie)
        .insert_header((header::LOCATION, target))
        .finish())
}

pub async fn logout(
    staff: Staff,
    state: web::Data<AppState>,
    t: Tr,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    crate::auth::session::end(&state, &staff).await?;
    crate::audit::view(
        &state,
        staff.user_id,
        "user.signout",
        "user",
        staff.user_id.to_string(),
    )
    .await?;
    tracing::info!(user_id = staff.user_id, "signed out");
    // The browser forgets everything of Haven's: pages in its cache,
    // cookies, storage. The sign-in page hands the known-device cookie back.
    let id = staff.user_id;
    let password_hash = state
        .db
        .run(move |conn| crate::db::users::find(conn, id))
        .await?
        .and_then(|u| u.password_hash);
    let binding = throttle::device_binding(password_hash.as_deref());
    let target = format!(
        "/staff/login?signed_out=1&device={}",
        throttle::device_handoff(&state, staff.user_id, &binding)
    );
    Ok(HttpResponse::SeeOther()
        .insert_header(("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\""))
        .cookie(session::removal_cookie(&state.config))
        .insert_header((header::LOCATION, t.url(&target)))
        .finish())
}
