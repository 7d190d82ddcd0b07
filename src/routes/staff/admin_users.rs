//! Staff accounts, for admins: create (the new user gets a link to set
//! their password), deactivate and reactivate (sessions end at once),
//! change role, set on duty, send a password-reset link.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::auth::{Staff, passwords};
use crate::db::{self, DbError, users::UserRow};
use crate::domain::text;
use crate::domain::{DisplayName, EmailAddress, Language, StaffRole};
use crate::i18n::Tr;
use crate::mail::message::Email;
use crate::web::{AppError, AppState, render, render_with_status};

/// An account as listed.
pub struct UserItem {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub organisation: Option<String>,
    pub active: bool,
    pub on_duty: bool,
    pub totp: bool,
    pub has_password: bool,
}

impl UserItem {
    /// The account's admin page, or one of its actions (`/active`, ...).
    pub fn path(&self, action: &str) -> String {
        format!("/staff/admin/users/{}{action}", self.id)
    }

    fn from_row(u: UserRow, organisation: Option<String>) -> Self {
        Self {
            id: u.id,
            has_password: u.password_hash.is_some(),
            email: u.email,
            display_name: u.display_name,
            role: u.role,
            organisation,
            active: u.active,
            on_duty: u.on_duty,
            totp: u.totp_enabled,
        }
    }
}

#[derive(Template)]
#[template(path = "staff/admin_users.html")]
struct UsersPage {
    t: Tr,
    nav: Option<StaffNav>,
    users: Vec<UserItem>,
    organisations: Vec<String>,
    roles: &'static [StaffRole],
    error: Option<&'static str>,
    form: NewUserForm,
}

#[derive(Template)]
#[template(path = "staff/admin_user.html")]
struct UserPage {
    t: Tr,
    nav: Option<StaffNav>,
    u: UserItem,
    organisations: Vec<String>,
    roles: &'static [StaffRole],
    notice: Option<&'static str>,
    error: Option<&'static str>,
    /// A set-password link, shown once after it is made.
    link: Option<String>,
}

async fn organisations(state: &AppState) -> Result<Vec<String>, AppError> {
    Ok(state.db.run(db::organisations::names).await?)
}

async fn users_page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    error: Option<&'static str>,
    form: NewUserForm,
) -> Result<UsersPage, AppError> {
    let users = state.db.run(db::users::list).await?;
    Ok(UsersPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        users: users
            .into_iter()
            .map(|(u, o)| UserItem::from_row(u, o))
            .collect(),
        organisations: organisations(state).await?,
        roles: StaffRole::ALL,
        error,
        form,
    })
}

pub async fn list(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    render(&users_page(&staff, t, &state, None, NewUserForm::default()).await?)
}

#[derive(serde::Deserialize, Default, Clone)]
pub struct NewUserForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub language: String,
}

/// Creates an account without a password and a link to set one.
pub async fn create(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<NewUserForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let Some(email) = EmailAddress::parse(&form.email) else {
        return refuse(&staff, t, &state, "admin-error-email", form).await;
    };
    let Some(role) = StaffRole::parse(&form.role) else {
        return refuse(&staff, t, &state, "admin-error-role", form).await;
    };
    let organisation = form.organisation.trim().to_string();
    if (role == StaffRole::Liaison) == organisation.is_empty() {
        return refuse(&staff, t, &state, "admin-error-organisation", form).await;
    }
    let language = Language::parse(&form.language)
        .filter(|l| l.has_staff_pages())
        .unwrap_or(Language::En);
    let typed = form.clone();
    let name = match DisplayName::parse(&form.display_name) {
        Ok(name) => name.as_str().to_string(),
        Err(problem) => return refuse(&staff, t, &state, problem.message(), form).await,
    };
    let keyring = state.keyring.get();
    let host = state.config.host().to_string();
    let admin = staff.user_id;
    let created = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let org_id = if organisation.is_empty() {
                    None
                } else {
                    match crate::domain::GroupName::parse(&organisation)
                        .map(|n| db::organisations::find_by_key(conn, &n.key()))
                        .transpose()?
                        .flatten()
                    {
                        Some(o) => Some(o.id),
                        None => return Ok(Err("admin-error-organisation")),
                    }
                };
                let row = db::users::NewUserRow {
                    email: email.as_str(),
                    password_hash: None,
                    role: role.as_str(),
                    organisation_id: org_id,
                };
                let user = match db::users::insert(conn, &row) {
                    Err(DbError::Conflict) => return Ok(Err("admin-error-exists")),
                    other => other?,
                };
                db::users::set_profile(conn, user.id, &name, language.as_str())?;
                let user = db::users::find(conn, user.id)?.expect("just inserted");
                let token = passwords::issue_link(conn, &keyring, &host, &user, Email::Welcome)?;
                db::audit::record(
                    conn,
                    Some(admin),
                    "user.create",
                    "user",
                    &user.id.to_string(),
                    role.as_str(),
                )?;
                Ok(Ok((user.id, token)))
            })
        })
        .await?;
    match created {
        Ok((id, token)) => {
            tracing::info!(admin_id = staff.user_id, user_id = id, "account created");
            let link = format!("{}{}{}", state.config.base_url, passwords::LINK_PATH, token);
            render(
                &user_page(
                    &staff,
                    t,
                    &state,
                    id,
                    Some("admin-done-created"),
                    None,
                    Some(link),
                )
                .await?,
            )
        }
        Err(key) => refuse(&staff, t, &state, key, typed).await,
    }
}

/// The list again, with the form as typed and what to fix.
async fn refuse(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    key: &'static str,
    mut form: NewUserForm,
) -> Result<HttpResponse, AppError> {
    // What was typed is shown again, without what could never be stored.
    for field in [
        &mut form.email,
        &mut form.display_name,
        &mut form.role,
        &mut form.organisation,
        &mut form.language,
    ] {
        *field = text::without_controls(field);
    }
    render_with_status(
        &users_page(staff, t, state, Some(key), form).await?,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
}

async fn user_page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    id: i64,
    notice: Option<&'static str>,
    error: Option<&'static str>,
    link: Option<String>,
) -> Result<UserPage, AppError> {
    let (user, org) = state
        .db
        .run(move |conn| {
            let Some(user) = db::users::find(conn, id)? else {
                return Ok(None);
            };
            let org = match user.organisation_id {
                Some(o) => db::organisations::find(conn, o)?.map(|o| o.name),
                None => None,
            };
            Ok(Some((user, org)))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(UserPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        u: UserItem::from_row(user, org),
        organisations: organisations(state).await?,
        roles: StaffRole::ALL,
        notice,
        error,
        link,
    })
}

#[derive(serde::Deserialize)]
pub struct UserQuery {
    done: Option<String>,
}

pub async fn show(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    q: web::Query<UserQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = match q.done.as_deref() {
        Some("active") => Some("admin-done-active"),
        Some("role") => Some("admin-done-role"),
        Some("duty") => Some("admin-done-duty"),
        _ => None,
    };
    let id = id.into_inner();
    let page = user_page(&staff, t, &state, id, notice, None, None).await?;
    crate::audit::view(&state, staff.user_id, "user.view", "user", id.to_string()).await?;
    render(&page)
}

fn back(t: Tr, id: i64, done: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            t.for_staff()
                .url(&format!("/staff/admin/users/{id}?done={done}")),
        ))
        .finish()
}

#[derive(serde::Deserialize)]
pub struct ActiveForm {
    active: String,
}

/// Deactivates (ending every session at once) or reactivates an account.
pub async fn set_active(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<ActiveForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let active = match form.active.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(AppError::BadRequest),
    };
    let admin = staff.user_id;
    if !active && id == staff.user_id {
        return render_with_status(
            &user_page(&staff, t, &state, id, None, Some("admin-error-self"), None).await?,
            StatusCode::CONFLICT,
        );
    }
    let ended = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::users::find(conn, id)?.ok_or(DbError::NotFound)?;
                db::users::set_active(conn, id, active)?;
                db::audit::record(
                    conn,
                    Some(admin),
                    "user.active",
                    "user",
                    &id.to_string(),
                    if active { "true" } else { "false" },
                )?;
                if active {
                    Ok(0)
                } else {
                    db::sessions::delete_for_user(conn, id)
                }
            })
        })
        .await
        .map_err(|e| match e {
            DbError::NotFound => AppError::NotFound,
            e => e.into(),
        })?;
    tracing::info!(
        admin_id = staff.user_id,
        user_id = id,
        active,
        sessions_ended = ended,
        "account activity changed"
    );
    Ok(back(t, id, "active"))
}

#[derive(serde::Deserialize)]
pub struct RoleForm {
    role: String,
    #[serde(default)]
    organisation: String,
}

pub async fn set_role(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<RoleForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let role = StaffRole::parse(&form.role).ok_or(AppError::BadRequest)?;
    let organisation = form.organisation.trim().to_string();
    let admin = staff.user_id;
    if id == staff.user_id && role != StaffRole::Admin {
        return render_with_status(
            &user_page(&staff, t, &state, id, None, Some("admin-error-self"), None).await?,
            StatusCode::CONFLICT,
        );
    }
    let result = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let org_id = match (role, organisation.is_empty()) {
                    (StaffRole::Liaison, false) => {
                        match crate::domain::GroupName::parse(&organisation)
                            .map(|n| db::organisations::find_by_key(conn, &n.key()))
                            .transpose()?
                            .flatten()
                        {
                            Some(o) => Some(o.id),
                            None => return Ok(Err("admin-error-organisation")),
                        }
                    }
                    (StaffRole::Liaison, true) => return Ok(Err("admin-error-organisation")),
                    _ => None,
                };
                db::users::set_role(conn, id, role.as_str(), org_id)?;
                db::audit::record(
                    conn,
                    Some(admin),
                    "user.role",
                    "user",
                    &id.to_string(),
                    role.as_str(),
                )?;
                // A change of role ends the sessions made under the old one.
                db::sessions::delete_for_user(conn, id)?;
                Ok(Ok(()))
            })
        })
        .await?;
    match result {
        Ok(()) => {
            tracing::info!(
                admin_id = staff.user_id,
                user_id = id,
                role = role.as_str(),
                "role changed"
            );
            Ok(back(t, id, "role"))
        }
        Err(key) => render_with_status(
            &user_page(&staff, t, &state, id, None, Some(key), None).await?,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

#[derive(serde::Deserialize)]
pub struct DutyForm {
    on_duty: Option<String>,
}

pub async fn set_duty(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<DutyForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let on = form.on_duty.is_some();
    let admin = staff.user_id;
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::users::set_on_duty(conn, id, on)?;
                db::audit::record(
                    conn,
                    Some(admin),
                    "user.duty",
                    "user",
                    &id.to_string(),
                    if on { "true" } else { "false" },
                )
            })
        })
        .await?;
    tracing::info!(
        admin_id = staff.user_id,
        user_id = id,
        on_duty = on,
        "duty changed"
    );
    Ok(back(t, id, "duty"))
}

/// Sends a password-reset link (by email, and shown once here).
pub async fn send_reset(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let admin = staff.user_id;
    let keyring = state.keyring.get();
    let host = state.config.host().to_string();
    let token = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let Some(user) = db::users::find(conn, id)? else {
                    return Ok(None);
                };
                let token =
                    passwords::issue_link(conn, &keyring, &host, &user, Email::PasswordReset)?;
                db::audit::record(conn, Some(admin), "user.reset", "user", &id.to_string(), "")?;
                Ok(Some(token))
            })
        })
        .await?
        .ok_or(AppError::NotFound)?;
    tracing::info!(
        admin_id = staff.user_id,
        user_id = id,
        "password reset link sent"
    );
    let link = format!("{}{}{}", state.config.base_url, passwords::LINK_PATH, token);
    render(
        &user_page(
            &staff,
            t,
            &state,
            id,
            Some("admin-done-reset"),
            None,
            Some(link),
        )
        .await?,
    )
}
