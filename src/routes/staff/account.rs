//! The signed-in staff member's own account: profile, on-duty status,
//! password, where their keys stand, and two-factor sign-in (enrolment
//! with a QR code drawn here, recovery codes).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use zeroize::Zeroizing;

use super::StaffNav;
use crate::accounts::{AccountError, password, two_factor, users};
use crate::auth::{SESSION_IDLE_SECS, Staff, totp};
use crate::domain::text;
use crate::domain::{DisplayName, Language, NewPassword, StaffRole};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render, render_with_status, session};

#[derive(Template)]
#[template(path = "staff/account.html")]
struct AccountPage {
    t: Tr,
    nav: Option<StaffNav>,
    email: String,
    display_name: String,
    language: String,
    role: &'static str,
    organisation: Option<String>,
    on_duty: bool,
    works_cases: bool,
    totp_enabled: bool,
    idle_minutes: i64,
    notice: Option<&'static str>,
    /// The profile form's error, beside the display name.
    name_error: Option<&'static str>,
    /// The password form's error.
    password_error: Option<&'static str>,
    /// Where this person's keys stand (message key).
    keys: Option<&'static str>,
}

#[derive(serde::Deserialize)]
pub struct Done {
    done: Option<String>,
}

fn redirect(t: Tr, path: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, t.for_staff().url(path)))
        .finish()
}

pub async fn show(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    q: web::Query<Done>,
) -> Result<HttpResponse, AppError> {
    let notice = match q.done.as_deref() {
        Some("profile") => Some("account-done-profile"),
        Some("duty") => Some("account-done-duty"),
        Some("totp-off") => Some("totp-done-off"),
        Some("password") => Some("account-done-password"),
        _ => None,
    };
    render(&account_page(&staff, t, &state, notice, None).await?)
}

/// What the account page shows of a refused form.
enum Refused {
    Name(&'static str, String),
    Password(&'static str),
}

async fn account_page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    notice: Option<&'static str>,
    refused: Option<Refused>,
) -> Result<AccountPage, AppError> {
    let user = users::find(state, staff.user_id)
        .await
        .map_err(own_account)?;
    let (name_error, display_name, password_error) = match refused {
        Some(Refused::Name(key, typed)) => (Some(key), typed, None),
        Some(Refused::Password(key)) => (None, user.display_name.clone(), Some(key)),
        None => (None, user.display_name.clone(), None),
    };
    Ok(AccountPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        email: user.email,
        display_name,
        language: user.language,
        role: staff.role.as_str(),
        organisation: user.organisation,
        on_duty: user.on_duty,
        works_cases: staff.role.works_cases(),
        totp_enabled: user.totp,
        idle_minutes: SESSION_IDLE_SECS / 60,
        notice,
        name_error,
        password_error,
        keys: user.keys.map(|k| k.message_key()),
    })
}

#[derive(serde::Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    language: String,
}

pub async fn profile(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<ProfileForm>,
) -> Result<HttpResponse, AppError> {
    let name = match DisplayName::parse(&form.display_name) {
        Ok(name) => name,
        Err(problem) => {
            let typed = text::without_controls(&form.display_name);
            let refused = Refused::Name(problem.message(), typed);
            let page = account_page(&staff, t, &state, None, Some(refused)).await?;
            return render_with_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let language = Language::parse(&form.language)
        .filter(|l| l.has_staff_pages())
        .ok_or(AppError::BadRequest)?;
    users::set_profile(&state, staff.user_id, name, language).await?;
    Ok(redirect(
        Tr::new(language, true),
        "/staff/account?done=profile",
    ))
}

#[derive(serde::Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

/// Changes the signed-in person's password. Their other sessions end; this
/// one is replaced by a new session (a new cookie), which holds their
/// private key as before.
pub async fn change_password(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let current = Zeroizing::new(form.current);
    let password = Zeroizing::new(form.password);
    let confirm = Zeroizing::new(form.confirm);
    let new = if *password != *confirm {
        Err("password-mismatch")
    } else {
        NewPassword::parse(password.to_string()).map_err(|p| p.message_key())
    };
    let refused = match new {
        Err(key) => key,
        Ok(new) => match password::change(&state, staff.user_id, &staff.key, current, new).await {
            Ok(token) => {
                return Ok(HttpResponse::SeeOther()
                    .cookie(session::cookie(&state.config, token))
                    .insert_header((
                        header::LOCATION,
                        t.for_staff().url("/staff/account?done=password"),
                    ))
                    .finish());
            }
            Err(AccountError::WrongPassword) => "account-password-wrong",
            Err(AccountError::Throttled { wait_secs }) => {
                return Err(AppError::TooManyAttempts {
                    retry_after_secs: wait_secs,
                });
            }
            Err(e) => return Err(own_account(e)),
        },
    };
    let page = account_page(&staff, t, &state, None, Some(Refused::Password(refused))).await?;
    render_with_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
}

#[derive(serde::Deserialize)]
pub struct DutyForm {
    on_duty: Option<String>,
}

pub async fn duty(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<DutyForm>,
) -> Result<HttpResponse, AppError> {
    let id = staff.user_id;
    users::set_duty(&state, id, id, form.on_duty.is_some()).await?;
    Ok(redirect(t, "/staff/account?done=duty"))
}

#[derive(Template)]
#[template(path = "staff/totp.html")]
struct TotpPage {
    t: Tr,
    nav: Option<StaffNav>,
    enabled: bool,
    must_enrol: bool,
    /// Two-factor sign-in is required of this account (it cannot be
    /// turned off).
    required: bool,
    pending_key: Option<String>,
    recovery_codes: Vec<String>,
    is_admin: bool,
    error: Option<&'static str>,
}

async fn totp_page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    recovery_codes: Vec<String>,
    error: Option<&'static str>,
) -> Result<TotpPage, AppError> {
    let status = two_factor::status(state, staff.user_id, staff.role)
        .await
        .map_err(own_account)?;
    Ok(TotpPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        enabled: status.enabled,
        must_enrol: status.required && !status.enabled,
        required: status.required,
        pending_key: status.pending_key,
        recovery_codes,
        is_admin: staff.role == StaffRole::Admin,
        error,
    })
}

pub async fn totp_show(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    render(&totp_page(&staff, t, &state, Vec::new(), None).await?)
}

/// The enrolment QR code, as an image of our own.
pub async fn totp_qr(staff: Staff, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let url = two_factor::enrolment_url(&state, staff.user_id)
        .await
        .map_err(own_account)?
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(totp::qr_svg(&url)?))
}

pub async fn totp_start(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    two_factor::start(&state, staff.user_id, staff.totp_enabled).await?;
    Ok(redirect(t, "/staff/account/totp"))
}

#[derive(serde::Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

pub async fn totp_confirm(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, AppError> {
    match two_factor::enable(&state, staff.user_id, &form.code).await {
        Ok(Some(codes)) => render(&totp_page(&staff, t, &state, codes, None).await?),
        Ok(None) => Ok(redirect(t, "/staff/account/totp")),
        Err(e) => refused(&staff, t, &state, e).await,
    }
}

/// The two-factor page with what to fix, or the refusal as an error page.
async fn refused(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    e: AccountError,
) -> Result<HttpResponse, AppError> {
    let (key, status) = match e {
        AccountError::WrongCode => ("totp-error-code", StatusCode::UNPROCESSABLE_ENTITY),
        AccountError::SecondFactorRequired if staff.role == StaffRole::Admin => {
            ("totp-error-admin", StatusCode::CONFLICT)
        }
        AccountError::SecondFactorRequired => ("totp-error-required", StatusCode::CONFLICT),
        e => return Err(own_account(e)),
    };
    let page = totp_page(staff, t, state, Vec::new(), Some(key)).await?;
    render_with_status(&page, status)
}

/// The signed-in account is gone: what it may do here ends.
fn own_account(e: AccountError) -> AppError {
    match e {
        AccountError::NoSuchAccount => AppError::Forbidden,
        e => e.into(),
    }
}

/// New recovery codes, replacing the old ones (needs a current code).
pub async fn totp_recovery(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, AppError> {
    match two_factor::new_recovery_codes(&state, staff.user_id, &form.code).await {
        Ok(codes) => render(&totp_page(&staff, t, &state, codes, None).await?),
        Err(e) => refused(&staff, t, &state, e).await,
    }
}

/// Turns two-factor sign-in off (not for those who must keep it: admins,
/// and every role under `HAVEN_REQUIRE_2FA=all`).
pub async fn totp_disable(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, AppError> {
    match two_factor::disable(&state, staff.user_id, staff.role, &form.code).await {
        Ok(()) => Ok(redirect(t, "/staff/account?done=totp-off")),
        Err(e) => refused(&staff, t, &state, e).await,
    }
}
