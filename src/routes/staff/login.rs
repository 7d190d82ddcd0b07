//! Signing in and out: the pages and cookies around `auth::sign_in`.
//!
//! A failed sign-in gets one answer whatever went wrong (no such account,
//! wrong password, wrong one-time code, account deactivated). Failures are
//! throttled per source, per account name and per known browser (see
//! `auth::throttle`); a throttled attempt is told how long to wait.
//!
//! A right password with no code, for an account with a second factor,
//! leads to the second step (`/staff/login/verify`): a passkey (the page's
//! script asks the browser for it), or a code from the authenticator app,
//! or a recovery code. The waiting sign-in is named by a short-lived,
//! `SameSite=Strict` cookie.

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use zeroize::Zeroizing;

use super::StaffNav;
use crate::auth::sign_in::{
    self, SECOND_STEP_SECS, SecondFactor, SignInAttempt, SignInOutcome, SignedIn, StepOutcome,
};
use crate::auth::throttle::{self, DEVICE_VALID_SECS};
use crate::auth::{Staff, safe_next};
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
    page.notice = match query.password_set.as_deref() {
        Some("kept") => Some("login-password-set-kept"),
        Some("replaced") => Some("login-password-set-replaced"),
        Some(_) => Some("login-password-set"),
        None => page.notice,
    };
    let mut res = render_with_status(&page, StatusCode::OK)?;
    let handed_back = query
        .device
        .as_deref()
        .and_then(|h| throttle::take_device_handoff(&state, h));
    if let Some((user_id, binding)) = handed_back {
        res.add_cookie(&device_cookie(
            &state,
            throttle::device_token(&state, user_id, &binding),
        ))
        .map_err(AppError::internal)?;
    }
    Ok(res)
}

/// The known-device cookie carrying `token` (see `throttle::device_token`).
fn device_cookie(state: &AppState, token: String) -> Cookie<'static> {
    site_cookie(&state.config, CookieName::DEVICE, token)
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

pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    t: Tr,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let asked = t;
    let t = t.for_staff();
    let mut form = form.into_inner();
    let device = req.cookie(CookieName::DEVICE.for_config(&state.config));
    let attempt = SignInAttempt {
        email: &form.email,
        password: Zeroizing::new(std::mem::take(&mut form.password)),
        code: &form.totp,
        source: client_address(&req, &state.config.trusted_proxies),
        device: device.as_ref().map(|c| c.value()),
    };
    let outcome = sign_in::attempt(&state, attempt).await?;
    let refuse = |error: String, status: StatusCode| {
        let mut page = page(&state, t, &form.next, form.email.trim().to_string());
        page.error = Some(error);
        render_with_status(&page, status)
    };
    let signed_in = match outcome {
        SignInOutcome::Throttled { wait_secs } => {
            return refuse(
                t.tn("login-throttled", "minutes", minutes(wait_secs)),
                StatusCode::TOO_MANY_REQUESTS,
            );
        }
        SignInOutcome::Refused => {
            return refuse(t.t("login-failed"), StatusCode::UNAUTHORIZED);
        }
        SignInOutcome::SecondStep { token } => {
            let target = match safe_next(&form.next) {
                Some(next) => format!("/staff/login/verify?next={}", urlencode(next)),
                None => "/staff/login/verify".to_string(),
            };
            return Ok(HttpResponse::SeeOther()
                .cookie(step_cookie(&state, token))
                .insert_header((header::LOCATION, t.url(&target)))
                .finish());
        }
        SignInOutcome::SignedIn(signed_in) => signed_in,
    };
    signed_in_response(&state, asked, t, signed_in, &form.next)
}

/// The answer to a completed sign-in: its cookies, then the recovery key
/// to keep (if one was made now), enrolment, or where they were going.
fn signed_in_response(
    state: &AppState,
    asked: Tr,
    t: Tr,
    signed_in: SignedIn,
    next: &str,
) -> Result<HttpResponse, AppError> {
    let target = if signed_in.must_enrol {
        t.url("/staff/account/totp")
    } else {
        safe_next(next)
            .map(str::to_string)
            .unwrap_or_else(|| t.url("/staff"))
    };
    let session = session::cookie(&state.config, signed_in.session_token);
    let device = device_cookie(state, signed_in.device_token);
    // Keys made at this sign-in (an account from before keys were held by
    // people): their recovery key is shown now, once, before going on.
    if let Some(recovery) = &signed_in.recovery_key {
        let mut res = super::password::recovery_page(asked, recovery, false, target)?;
        res.add_cookie(&session).map_err(AppError::internal)?;
        res.add_cookie(&device).map_err(AppError::internal)?;
        res.add_cookie(&step_removal(state))
            .map_err(AppError::internal)?;
        return Ok(res);
    }
    Ok(HttpResponse::SeeOther()
        .cookie(session)
        .cookie(device)
        .cookie(step_removal(state))
        .insert_header((header::LOCATION, target))
        .finish())
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .map(|e| e[1..].to_string())
        .unwrap_or_default()
}

/// The cookie naming a sign-in that waits for its second factor.
fn step_cookie(state: &AppState, token: String) -> Cookie<'static> {
    site_cookie(&state.config, CookieName::SIGN_IN, token)
        .same_site(SameSite::Strict)
        .max_age(CookieDuration::seconds(SECOND_STEP_SECS))
        .finish()
}

fn step_removal(state: &AppState) -> Cookie<'static> {
    let mut c = step_cookie(state, String::new());
    c.set_max_age(CookieDuration::ZERO);
    c
}

#[derive(Template)]
#[template(path = "staff/login_verify.html")]
struct VerifyPage {
    t: Tr,
    nav: Option<StaffNav>,
    csrf_token: String,
    next: String,
    /// The options for the browser's passkey prompt (JSON), when the
    /// person has a passkey and passkeys work here.
    passkey_options: Option<String>,
    /// A code from the authenticator app signs this person in.
    totp: bool,
    error: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct VerifyQuery {
    next: Option<String>,
}

/// The waiting sign-in's token from its cookie, if the browser sent one.
fn step_token(req: &HttpRequest, state: &AppState) -> Option<String> {
    req.cookie(CookieName::SIGN_IN.for_config(&state.config))
        .map(|c| c.value().to_string())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Back to the sign-in form: the waiting sign-in has ended.
fn start_again(state: &AppState, t: Tr, next: &str) -> Result<HttpResponse, AppError> {
    let mut page = page(state, t, next, String::new());
    page.error = Some(t.t("login-verify-start-again"));
    let mut res = render_with_status(&page, StatusCode::UNAUTHORIZED)?;
    res.add_cookie(&step_removal(state))
        .map_err(AppError::internal)?;
    Ok(res)
}

async fn verify_page(
    state: &AppState,
    t: Tr,
    token: &str,
    next: &str,
    error: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let Some(waiting) = sign_in::waiting(state, token).await? else {
        return start_again(state, t, next);
    };
    let page = VerifyPage {
        t,
        nav: None,
        csrf_token: FormTokens::issue(state, FormTokens::LOGIN),
        next: safe_next(next).unwrap_or("").to_string(),
        passkey_options: waiting.passkey_options,
        totp: waiting.factors.totp_signs_in,
        error,
    };
    render_with_status(&page, status)
}

/// The second step of a sign-in: a passkey, or a code.
pub async fn verify_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    t: Tr,
    query: web::Query<VerifyQuery>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let next = query.next.as_deref().unwrap_or("");
    let Some(token) = step_token(&req, &state) else {
        return start_again(&state, t, next);
    };
    verify_page(&state, t, &token, next, None, StatusCode::OK).await
}

#[derive(serde::Deserialize)]
pub struct VerifyForm {
    /// The passkey's answer (JSON), filled in by the page's script.
    #[serde(default)]
    passkey: String,
    #[serde(default)]
    totp: String,
    #[serde(default)]
    next: String,
}

pub async fn verify_submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    t: Tr,
    form: web::Form<VerifyForm>,
) -> Result<HttpResponse, AppError> {
    let asked = t;
    let t = t.for_staff();
    let Some(token) = step_token(&req, &state) else {
        return start_again(&state, t, &form.next);
    };
    let factor = if form.passkey.trim().is_empty() {
        SecondFactor::Code(&form.totp)
    } else {
        SecondFactor::Passkey(&form.passkey)
    };
    let source = client_address(&req, &state.config.trusted_proxies);
    match sign_in::second_step(&state, &token, factor, source).await? {
        StepOutcome::SignedIn(signed_in) => {
            signed_in_response(&state, asked, t, signed_in, &form.next)
        }
        StepOutcome::Gone => start_again(&state, t, &form.next),
        StepOutcome::AskAgain => {
            let error = Some(t.t("login-verify-expired"));
            verify_page(&state, t, &token, &form.next, error, StatusCode::CONFLICT).await
        }
        StepOutcome::Wrong { tries_left } => {
            let key = if form.passkey.trim().is_empty() {
                "login-verify-wrong-code"
            } else {
                "login-verify-wrong-passkey"
            };
            let error = Some(t.tn(key, "tries", i64::from(tries_left)));
            verify_page(
                &state,
                t,
                &token,
                &form.next,
                error,
                StatusCode::UNAUTHORIZED,
            )
            .await
        }
    }
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
