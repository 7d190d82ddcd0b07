//! The signed-in staff member's own account: profile, on-duty status, and
//! two-factor sign-in (enrolment with a QR code drawn here, recovery codes).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::auth::policy::must_use_second_factor;
use crate::auth::{SESSION_IDLE_SECS, Staff, totp};
use crate::db;
use crate::domain::text;
use crate::domain::{DisplayName, Language, StaffRole};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render, render_with_status};

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
        _ => None,
    };
    render(&account_page(&staff, t, &state, notice, None).await?)
}

async fn account_page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    notice: Option<&'static str>,
    name_error: Option<(&'static str, String)>,
) -> Result<AccountPage, AppError> {
    let id = staff.user_id;
    let (user, organisation) = state
        .db
        .run(move |conn| {
            let user = db::users::find(conn, id)?;
            let org = match user.as_ref().and_then(|u| u.organisation_id) {
                Some(org) => db::organisations::find(conn, org)?.map(|o| o.name),
                None => None,
            };
            Ok((user, org))
        })
        .await?;
    let user = user.ok_or(AppError::Forbidden)?;
    let (name_error, display_name) = match name_error {
        Some((key, typed)) => (Some(key), typed),
        None => (None, user.display_name.clone()),
    };
    Ok(AccountPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        email: user.email.clone(),
        display_name,
        language: user.language.clone(),
        role: staff.role.as_str(),
        organisation,
        on_duty: user.on_duty,
        works_cases: staff.role.works_cases(),
        totp_enabled: user.totp_enabled,
        idle_minutes: SESSION_IDLE_SECS / 60,
        notice,
        name_error,
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
        Ok(name) => name.as_str().to_string(),
        Err(problem) => {
            let typed = text::without_controls(&form.display_name);
            let page =
                account_page(&staff, t, &state, None, Some((problem.message(), typed))).await?;
            return render_with_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let language = Language::parse(&form.language)
        .filter(|l| l.has_staff_pages())
        .ok_or(AppError::BadRequest)?;
    let id = staff.user_id;
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::users::set_profile(conn, id, &name, language.as_str())?;
                db::audit::record(
                    conn,
                    Some(id),
                    "user.profile",
                    "user",
                    &id.to_string(),
                    language.as_str(),
                )
            })
        })
        .await?;
    Ok(redirect(
        Tr::new(language, true),
        "/staff/account?done=profile",
    ))
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
    let on = form.on_duty.is_some();
    let id = staff.user_id;
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::users::set_on_duty(conn, id, on)?;
                db::audit::record(
                    conn,
                    Some(id),
                    "user.duty",
                    "user",
                    &id.to_string(),
                    if on { "true" } else { "false" },
                )
            })
        })
        .await?;
    tracing::info!(user_id = id, on_duty = on, "duty changed");
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
    let id = staff.user_id;
    let user = state
        .db
        .run(move |conn| db::users::find(conn, id))
        .await?
        .ok_or(AppError::Forbidden)?;
    let pending_key = if user.totp_enabled {
        None
    } else {
        totp::enrolment_details(state, &user)?.map(|(_, key)| key.to_string())
    };
    let required = must_use_second_factor(state.config.require_2fa, staff.role);
    Ok(TotpPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        enabled: user.totp_enabled,
        must_enrol: required && !user.totp_enabled,
        required,
        pending_key,
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
    let id = staff.user_id;
    let user = state
        .db
        .run(move |conn| db::users::find(conn, id))
        .await?
        .ok_or(AppError::Forbidden)?;
    if user.totp_enabled {
        return Err(AppError::NotFound);
    }
    let (url, _) = totp::enrolment_details(&state, &user)?.ok_or(AppError::NotFound)?;
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
    if staff.totp_enabled {
        return Ok(redirect(t, "/staff/account/totp"));
    }
    totp::start_enrolment(&state, staff.user_id).await?;
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
    let id = staff.user_id;
    let user = state
        .db
        .run(move |conn| db::users::find(conn, id))
        .await?
        .ok_or(AppError::Forbidden)?;
    if user.totp_enabled || user.totp_secret.is_none() {
        return Ok(redirect(t, "/staff/account/totp"));
    }
    if !totp::check_code(&state, &user, &form.code).await? {
        let page = totp_page(&staff, t, &state, Vec::new(), Some("totp-error-code")).await?;
        return render_with_status(&page, actix_web::http::StatusCode::UNPROCESSABLE_ENTITY);
    }
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::users::enable_totp(conn, id)?;
                db::audit::record(
                    conn,
                    Some(id),
                    "user.totp",
                    "user",
                    &id.to_string(),
                    "enabled",
                )
            })
        })
        .await?;
    let codes = totp::new_recovery_codes(&state, id).await?;
    tracing::info!(user_id = id, "two-factor sign-in enabled");
    render(&totp_page(&staff, t, &state, codes, None).await?)
}

/// New recovery codes, replacing the old ones (needs a current code).
pub async fn totp_recovery(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, AppError> {
    let id = staff.user_id;
    let user = state
        .db
        .run(move |conn| db::users::find(conn, id))
        .await?
        .ok_or(AppError::Forbidden)?;
    if !user.totp_enabled || !totp::check_code(&state, &user, &form.code).await? {
        let page = totp_page(&staff, t, &state, Vec::new(), Some("totp-error-code")).await?;
        return render_with_status(&page, actix_web::http::StatusCode::UNPROCESSABLE_ENTITY);
    }
    let codes = totp::new_recovery_codes(&state, id).await?;
    render(&totp_page(&staff, t, &state, codes, None).await?)
}

/// Turns two-factor sign-in off (not for those who must keep it: admins,
/// and every role under `HAVEN_REQUIRE_2FA=all`).
pub async fn totp_disable(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, AppError> {
    if must_use_second_factor(state.config.require_2fa, staff.role) {
        let error = if staff.role == StaffRole::Admin {
            "totp-error-admin"
        } else {
            "totp-error-required"
        };
        let page = totp_page(&staff, t, &state, Vec::new(), Some(error)).await?;
        return render_with_status(&page, actix_web::http::StatusCode::CONFLICT);
    }
    let id = staff.user_id;
    let user = state
        .db
        .run(move |conn| db::users::find(conn, id))
        .await?
        .ok_or(AppError::Forbidden)?;
    if !user.totp_enabled || !totp::check_code(&state, &user, &form.code).await? {
        let page = totp_page(&staff, t, &state, Vec::new(), Some("totp-error-code")).await?;
        return render_with_status(&page, actix_web::http::StatusCode::UNPROCESSABLE_ENTITY);
    }
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::users::disable_totp(conn, id)?;
                db::audit::record(
                    conn,
                    Some(id),
                    "user.totp",
                    "user",
                    &id.to_string(),
                    "disabled",
                )?;
                db::recovery_codes::delete_for_user(conn, id)
            })
        })
        .await?;
    tracing::info!(user_id = id, "two-factor sign-in disabled");
    Ok(redirect(t, "/staff/account?done=totp-off"))
}
