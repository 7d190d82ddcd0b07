//! The signed-in staff member's own account: profile, on-duty status,
//! password, where their keys stand, and two-factor sign-in (enrolment
//! with a QR code drawn here, recovery codes).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use zeroize::Zeroizing;

use super::StaffNav;
use crate::accounts::passkeys::{self, Confirmation};
use crate::accounts::{AccountError, password, two_factor, users};
use crate::auth::passkeys::PasskeyError;
use crate::auth::{SESSION_IDLE_SECS, Staff, totp};
use crate::cases::stamp;
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
    passkeys: i64,
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
        passkeys: user.passkeys,
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
    /// The authenticator app is on.
    enabled: bool,
    must_enrol: bool,
    /// A second factor is required of this account.
    required: bool,
    /// A passkey is required of this account.
    passkey_required: bool,
    pending_key: Option<String>,
    recovery_codes: Vec<String>,
    recovery_codes_left: usize,
    is_admin: bool,
    notice: Option<&'static str>,
    error: Option<&'static str>,
    passkeys: Vec<PasskeyItem>,
    /// Passkeys work at this Haven's address.
    passkeys_available: bool,
    /// The name typed for a new passkey (kept when it was refused).
    passkey_name: String,
    passkey_name_error: Option<&'static str>,
    /// Options for the browser's passkey prompt, to confirm new recovery
    /// codes with a passkey.
    confirm_options: Option<String>,
}

/// A passkey in the list.
struct PasskeyItem {
    id: i64,
    remove_path: String,
    name: String,
    added: String,
    last_used: Option<String>,
    /// It showed the sign of a cloned authenticator and signs in no more.
    suspended: bool,
}

/// What the two-factor page shows besides where things stand.
#[derive(Default)]
struct Shown {
    recovery_codes: Vec<String>,
    notice: Option<&'static str>,
    error: Option<&'static str>,
    passkey_name: String,
    passkey_name_error: Option<&'static str>,
}

async fn totp_page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    shown: Shown,
) -> Result<TotpPage, AppError> {
    let status = two_factor::status(state, staff.user_id, staff.role)
        .await
        .map_err(own_account)?;
    let passkeys = passkeys::list(state, staff.user_id)
        .await
        .map_err(own_account)?;
    let confirm_options = if passkeys.is_empty() {
        None
    } else {
        passkeys::begin_confirming(state, staff)
            .await
            .map_err(own_account)?
    };
    let has_any = status.enabled || status.passkeys > 0;
    Ok(TotpPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        enabled: status.enabled,
        must_enrol: (status.required && !has_any)
            || (status.passkey_required && status.passkeys == 0),
        required: status.required && status.passkeys == 0,
        passkey_required: status.passkey_required,
        pending_key: status.pending_key,
        recovery_codes: shown.recovery_codes,
        recovery_codes_left: status.recovery_codes_left,
        is_admin: staff.role == StaffRole::Admin,
        notice: shown.notice,
        error: shown.error,
        passkeys: passkeys
            .into_iter()
            .map(|p| PasskeyItem {
                id: p.id,
                remove_path: remove_path(p.id),
                name: p.name,
                added: stamp(&p.created_at),
                last_used: p.last_used_at.as_ref().map(stamp),
                suspended: p.suspended,
            })
            .collect(),
        passkeys_available: state.passkeys.is_some(),
        passkey_name: shown.passkey_name,
        passkey_name_error: shown.passkey_name_error,
        confirm_options,
    })
}

#[derive(serde::Deserialize)]
pub struct TotpQuery {
    done: Option<String>,
}

pub async fn totp_show(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    q: web::Query<TotpQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = match q.done.as_deref() {
        Some("passkey-added") => Some("passkey-done-added"),
        Some("passkey-removed") => Some("passkey-done-removed"),
        _ => None,
    };
    let shown = Shown {
        notice,
        ..Shown::default()
    };
    render(&totp_page(&staff, t, &state, shown).await?)
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

#[derive(serde::Deserialize)]
pub struct StartForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    passkey: String,
}

/// Begins setting up the authenticator app: the password first, and a
/// current second factor when the account has one (a passkey), as for
/// adding a passkey.
pub async fn totp_start(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<StartForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let password = Zeroizing::new(form.password);
    let given = Confirmation::from_form(&form.passkey, &form.code);
    let has_factor = staff.totp_enabled || staff.has_passkey;
    if let Err(e) =
        passkeys::reauthenticate(&state, &staff, password, has_factor.then_some(given)).await
    {
        return refused(&staff, t, &state, e).await;
    }
    two_factor::start(&state, staff.user_id, staff.totp_enabled).await?;
    Ok(redirect(t, "/staff/account/totp"))
}

#[derive(serde::Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    /// A passkey's answer (JSON), where the form can confirm with one.
    #[serde(default)]
    passkey: String,
}

pub async fn totp_confirm(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, AppError> {
    match two_factor::enable(
        &state,
        staff.user_id,
        staff.token_digest.clone(),
        &form.code,
    )
    .await
    {
        Ok(Some(codes)) => codes_page(&staff, t, &state, codes, None).await,
        Ok(None) => Ok(redirect(t, "/staff/account/totp")),
        Err(e) => refused(&staff, t, &state, e).await,
    }
}

/// The message key and status of a refusal the two-factor pages explain.
fn refusal(staff: &Staff, e: AccountError) -> Result<(&'static str, StatusCode), AccountError> {
    Ok(match e {
        AccountError::WrongCode => ("totp-error-code", StatusCode::UNPROCESSABLE_ENTITY),
        AccountError::WrongPassword => ("account-password-wrong", StatusCode::UNPROCESSABLE_ENTITY),
        AccountError::SecondFactorRequired if staff.role == StaffRole::Admin => {
            ("totp-error-admin", StatusCode::CONFLICT)
        }
        AccountError::SecondFactorRequired => ("totp-error-required", StatusCode::CONFLICT),
        AccountError::PasskeyRequired => ("passkey-error-required", StatusCode::CONFLICT),
        AccountError::Passkey(e) => match e {
            PasskeyError::Unavailable => ("passkey-error-unavailable", StatusCode::CONFLICT),
            PasskeyError::Expired => ("passkey-error-expired", StatusCode::CONFLICT),
            PasskeyError::AlreadyRegistered => ("passkey-error-taken", StatusCode::CONFLICT),
            PasskeyError::Refused | PasskeyError::Cloned => {
                ("passkey-error-refused", StatusCode::UNPROCESSABLE_ENTITY)
            }
            PasskeyError::Service(e) => return Err(AccountError::Service(e)),
        },
        e => return Err(e),
    })
}

/// The two-factor page showing new recovery codes, once.
async fn codes_page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    codes: Vec<String>,
    notice: Option<&'static str>,
) -> Result<HttpResponse, AppError> {
    let shown = Shown {
        recovery_codes: codes,
        notice,
        ..Shown::default()
    };
    render(&totp_page(staff, t, state, shown).await?)
}

/// The two-factor page with what to fix, or the refusal as an error page.
async fn refused(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    e: AccountError,
) -> Result<HttpResponse, AppError> {
    let (key, status) = refusal(staff, e).map_err(own_account)?;
    let shown = Shown {
        error: Some(key),
        ..Shown::default()
    };
    let page = totp_page(staff, t, state, shown).await?;
    render_with_status(&page, status)
}

/// A refusal these pages do not explain on the page itself: the signed-in
/// account gone (what it may do here ends), or held back (wait).
fn own_account(e: AccountError) -> AppError {
    match e {
        AccountError::NoSuchAccount => AppError::Forbidden,
        AccountError::NoSuchPasskey => AppError::NotFound,
        AccountError::Throttled { wait_secs } => AppError::TooManyAttempts {
            retry_after_secs: wait_secs,
        },
        e => e.into(),
    }
}

/// New recovery codes, replacing the old ones (needs a current second
/// factor: a code, or a passkey).
pub async fn totp_recovery(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, AppError> {
    let given = Confirmation::from_form(&form.passkey, &form.code);
    let made = match passkeys::confirm(&state, &staff, given).await {
        Ok(()) => {
            two_factor::new_recovery_codes(&state, staff.user_id, staff.token_digest.clone()).await
        }
        Err(e) => Err(e),
    };
    match made {
        Ok(codes) => codes_page(&staff, t, &state, codes, None).await,
        Err(e) => refused(&staff, t, &state, e).await,
    }
}

/// Turns the authenticator app off (not for those who must keep a second
/// factor and have no passkey).
pub async fn totp_disable(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, AppError> {
    let keep = staff.token_digest.clone();
    match two_factor::disable(&state, staff.user_id, staff.role, keep, &form.code).await {
        Ok(None) => Ok(redirect(t, "/staff/account?done=totp-off")),
        // Passkeys remain: the codes someone may have seen are replaced.
        Ok(Some(codes)) => codes_page(&staff, t, &state, codes, Some("totp-done-off")).await,
        Err(e) => refused(&staff, t, &state, e).await,
    }
}

#[derive(Template)]
#[template(path = "staff/passkey_add.html")]
struct PasskeyAddPage {
    t: Tr,
    nav: Option<StaffNav>,
    name: String,
    /// Options for the browser's prompt to make the passkey (JSON).
    options: String,
}

#[derive(serde::Deserialize)]
pub struct PasskeyNameForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
    /// A passkey's answer, confirming with one already added.
    #[serde(default)]
    passkey: String,
}

/// Begins adding a passkey under the name given: the page whose button
/// asks the browser to make it.
pub async fn passkey_new(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<PasskeyNameForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let password = Zeroizing::new(form.password);
    let given = Confirmation::from_form(&form.passkey, &form.code);
    match passkeys::begin_adding(&state, &staff, &form.name, password, given).await {
        Ok(options) => render(&PasskeyAddPage {
            t: t.for_staff(),
            nav: StaffNav::for_staff(&staff),
            name: passkeys::parse_name(&form.name).unwrap_or_default(),
            options,
        }),
        Err(AccountError::PasskeyName(key)) => {
            let shown = Shown {
                passkey_name: text::without_controls(&form.name),
                passkey_name_error: Some(key),
                ..Shown::default()
            };
            let page = totp_page(&staff, t, &state, shown).await?;
            render_with_status(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => {
            // What was typed for the name stays, whatever was wrong.
            let (key, status) = refusal(&staff, e).map_err(own_account)?;
            let shown = Shown {
                passkey_name: text::without_controls(&form.name),
                error: Some(key),
                ..Shown::default()
            };
            let page = totp_page(&staff, t, &state, shown).await?;
            render_with_status(&page, status)
        }
    }
}

#[derive(serde::Deserialize)]
pub struct PasskeyAnswerForm {
    #[serde(default)]
    passkey: String,
}

/// Finishes adding a passkey with the browser's answer.
pub async fn passkey_add(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<PasskeyAnswerForm>,
) -> Result<HttpResponse, AppError> {
    match passkeys::finish_adding(&state, &staff, &form.passkey).await {
        Ok(added) => match added.recovery_codes {
            // The account's first second factor: its recovery codes, once.
            Some(codes) => codes_page(&staff, t, &state, codes, Some("passkey-done-added")).await,
            None => Ok(redirect(t, "/staff/account/totp?done=passkey-added")),
        },
        Err(e) => refused(&staff, t, &state, e).await,
    }
}

#[derive(Template)]
#[template(path = "staff/passkey_remove.html")]
struct PasskeyRemovePage {
    t: Tr,
    nav: Option<StaffNav>,
    remove_path: String,
    name: String,
    /// Options for the browser's passkey prompt, to confirm with a passkey.
    confirm_options: Option<String>,
    /// A code from the authenticator app is accepted.
    totp: bool,
    error: Option<&'static str>,
}

async fn remove_page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    id: i64,
    error: Option<&'static str>,
) -> Result<PasskeyRemovePage, AppError> {
    let name = passkeys::name_of(state, staff.user_id, id)
        .await
        .map_err(own_account)?;
    let confirm_options = passkeys::begin_confirming(state, staff)
        .await
        .map_err(own_account)?;
    let status = two_factor::status(state, staff.user_id, staff.role)
        .await
        .map_err(own_account)?;
    Ok(PasskeyRemovePage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        remove_path: remove_path(id),
        name,
        confirm_options,
        totp: status.enabled && !status.passkey_required,
        error,
    })
}

fn remove_path(id: i64) -> String {
    format!("/staff/account/passkeys/{id}/remove")
}

/// Asks to confirm a passkey's removal: the password and a second factor.
pub async fn passkey_remove_form(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    render(&remove_page(&staff, t, &state, id.into_inner(), None).await?)
}

#[derive(serde::Deserialize)]
pub struct PasskeyRemoveForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    passkey: String,
}

pub async fn passkey_remove(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<PasskeyRemoveForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let password = Zeroizing::new(form.password);
    let given = Confirmation::from_form(&form.passkey, &form.code);
    match passkeys::remove(&state, &staff, id, password, given).await {
        Ok(_) => Ok(redirect(t, "/staff/account/totp?done=passkey-removed")),
        Err(e) => {
            let (key, status) = refusal(&staff, e).map_err(own_account)?;
            let page = remove_page(&staff, t, &state, id, Some(key)).await?;
            render_with_status(&page, status)
        }
    }
}
