//! Signing in and out.
//!
//! A failed sign-in gets one answer whatever went wrong (no such account,
//! wrong password, wrong one-time code, account deactivated), after the
//! same Argon2 work. Failures are throttled per source and per account name
//! (see `auth::throttle`); a throttled attempt is told how long to wait.

use std::net::{IpAddr, Ipv4Addr};

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use zeroize::Zeroizing;

use super::StaffNav;
use crate::auth::throttle::{self, DEVICE_COOKIE, DEVICE_VALID_SECS};
use crate::auth::{Staff, credentials, safe_next, session, totp};
use crate::domain::StaffRole;
use crate::i18n::Tr;
use crate::web::{AppError, AppState, FormTokens, render_with_status};

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
    render_with_status(&page, StatusCode::OK)
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

fn source_of(req: &HttpRequest) -> IpAddr {
    req.peer_addr()
        .map(|a| a.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

fn minutes(secs: i64) -> i64 {
    (secs + 59) / 60
}

pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    t: Tr,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let form = form.into_inner();
    let source = source_of(&req);
    let refuse = |error: String, status: StatusCode| {
        let mut page = page(&state, t, &form.next, form.email.trim().to_string());
        page.error = Some(error);
        render_with_status(&page, status)
    };

    if let Some(wait) = state.sources.blocked_for(source) {
        tracing::warn!("sign-in refused: source throttled");
        let wait = minutes(wait.as_secs() as i64);
        return refuse(
            t.tn("login-throttled", "minutes", wait),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let key = throttle::account_key(&state, &form.email);
    let device = req.cookie(DEVICE_COOKIE).map(|c| c.value().to_string());
    let held = throttle::account_held_until(&state, key.clone()).await?;

    let password = Zeroizing::new(form.password.clone());
    let user = credentials::verify(&state, &form.email, password).await?;
    let known_device = user
        .as_ref()
        .is_some_and(|u| throttle::device_is_known(&state, device.as_deref(), u.id));
    if let (Some(until), false) = (held, known_device) {
        // Held back: answer the same whether the password was right or not.
        tracing::warn!("sign-in refused: account name throttled");
        let wait = minutes((until - chrono::Utc::now()).num_seconds().max(1));
        return refuse(
            t.tn("login-throttled", "minutes", wait),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let user = match user {
        Some(user) if !user.totp_enabled => Some(user),
        Some(user) => {
            let ok = if form.totp.trim().len() > 6 {
                totp::use_recovery_code(&state, user.id, &form.totp).await?
            } else {
                totp::check_code(&state, &user, &form.totp).await?
            };
            ok.then_some(user)
        }
        None => None,
    };
    let Some(user) = user else {
        state.sources.record_failure(source);
        throttle::account_failed(&state, key).await?;
        tracing::info!("sign-in refused");
        return refuse(t.t("login-failed"), StatusCode::UNAUTHORIZED);
    };
    // Look again after the slow checks: a burst of parallel guesses all
    // passed the first look before any failure was counted, and must not
    // get through because one of them guessed right.
    let held_now = throttle::account_held_until(&state, key.clone()).await?;
    if state.sources.blocked_for(source).is_some() || (held_now.is_some() && !known_device) {
        tracing::warn!("sign-in refused: throttled during verification");
        let wait = held_now
            .map(|u| minutes((u - chrono::Utc::now()).num_seconds().max(1)))
            .unwrap_or(15);
        return refuse(
            t.tn("login-throttled", "minutes", wait),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }

    throttle::account_succeeded(&state, key).await?;
    let cookie = session::start(&state, user.id).await?;
    crate::audit::view(&state, user.id, "user.signin", "user", user.id.to_string()).await?;
    let device_cookie = Cookie::build(DEVICE_COOKIE, throttle::device_token(&state, user.id))
        .path("/staff/login")
        .http_only(true)
        .secure(state.config.secure_cookies())
        .same_site(SameSite::Strict)
        .max_age(CookieDuration::seconds(DEVICE_VALID_SECS))
        .finish();
    tracing::info!(user_id = user.id, "signed in");
    let admin_without_totp = user.role == StaffRole::Admin.as_str() && !user.totp_enabled;
    let target = if admin_without_totp {
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
    session::end(&state, &staff).await?;
    crate::audit::view(
        &state,
        staff.user_id,
        "user.signout",
        "user",
        staff.user_id.to_string(),
    )
    .await?;
    tracing::info!(user_id = staff.user_id, "signed out");
    Ok(HttpResponse::SeeOther()
        .cookie(session::removal_cookie(&state.config))
        .insert_header((header::LOCATION, t.url("/staff/login?signed_out=1")))
        .finish())
}
