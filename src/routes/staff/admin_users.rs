//! Staff accounts, for admins: create (the new user gets a link to set
//! their password), deactivate and reactivate (sessions end at once),
//! change role, set on duty, send a password-reset link; and where each
//! account's keys stand (who waits for a grant, or for a first sign-in).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::accounts::AccountError;
use crate::accounts::users::{self, Account, KeyState, NewAccount};
use crate::auth::Staff;
use crate::domain::text;
use crate::domain::{DisplayName, EmailAddress, GroupName, Language, StaffRole};
use crate::i18n::Tr;
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
    pub passkeys: i64,
    pub has_password: bool,
    /// Where the account's keys stand (message key), if it is active.
    pub keys: Option<&'static str>,
    /// It waits for something before it opens reports.
    pub keys_waiting: bool,
}

impl UserItem {
    /// The account's admin page, or one of its actions (`/active`, ...).
    pub fn path(&self, action: &str) -> String {
        format!("/staff/admin/users/{}{action}", self.id)
    }
}

impl From<Account> for UserItem {
    fn from(a: Account) -> Self {
        Self {
            id: a.id,
            email: a.email,
            display_name: a.display_name,
            role: a.role,
            organisation: a.organisation,
            active: a.active,
            on_duty: a.on_duty,
            totp: a.totp,
            passkeys: a.passkeys,
            has_password: a.has_password,
            keys: a.keys.map(|k| k.message_key()),
            keys_waiting: a.keys.is_some_and(|k| k != KeyState::Holds),
        }
    }
}

/// What the account pages show for a refusal they do not explain on the
/// page itself (their own refusals are matched before this).
impl From<AccountError> for AppError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::Service(e) => e.into(),
            AccountError::NoSuchAccount | AccountError::NoSuchGroup => AppError::NotFound,
            _ => AppError::BadRequest,
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
    /// Keys are still kept under the server's master key too, until every
    /// caseworker and admin has signed in once.
    escrowed: bool,
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

async fn users_page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    error: Option<&'static str>,
    form: NewUserForm,
) -> Result<UsersPage, AppError> {
    let users = users::list(state).await?;
    Ok(UsersPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        users: users.into_iter().map(UserItem::from).collect(),
        organisations: users::group_names(state).await?,
        roles: StaffRole::ALL,
        error,
        form,
        escrowed: users::keys_in_escrow(state).await? > 0,
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

impl NewUserForm {
    /// The account asked for, or the message key of what to fix.
    fn parse(&self) -> Result<NewAccount, &'static str> {
        let email = EmailAddress::parse(&self.email).ok_or("admin-error-email")?;
        let role = StaffRole::parse(&self.role).ok_or("admin-error-role")?;
        let organisation = self.organisation.trim();
        users::check_membership(role, !organisation.is_empty())
            .map_err(|_| "admin-error-organisation")?;
        let language = Language::parse(&self.language)
            .filter(|l| l.has_staff_pages())
            .unwrap_or(Language::En);
        let name = DisplayName::parse(&self.display_name).map_err(|p| p.message())?;
        Ok(NewAccount {
            email,
            role,
            group: GroupName::parse(organisation),
            profile: Some((name, language)),
            password: None,
        })
    }
}

/// The message key of a refusal these pages explain, if it is one.
fn refusal_key(e: &AccountError) -> Option<&'static str> {
    match e {
        AccountError::EmailTaken => Some("admin-error-exists"),
        AccountError::GroupRequired | AccountError::GroupNotAllowed | AccountError::NoSuchGroup => {
            Some("admin-error-organisation")
        }
        AccountError::OfficialBody => Some("admin-error-official-body"),
        AccountError::OwnAccount => Some("admin-error-self"),
        _ => None,
    }
}

/// Creates an account without a password and a link to set one.
pub async fn create(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<NewUserForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let new = match form.parse() {
        Ok(new) => new,
        Err(key) => return refuse(&staff, t, &state, key, form).await,
    };
    match users::create(&state, Some(staff.user_id), new).await {
        Ok(created) => render(
            &user_page(
                &staff,
                t,
                &state,
                created.id,
                Some("admin-done-created"),
                None,
                created.link,
            )
            .await?,
        ),
        Err(e) => match refusal_key(&e) {
            Some(key) => refuse(&staff, t, &state, key, form).await,
            None => Err(e.into()),
        },
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
    let account = users::find(state, id).await?;
    Ok(UserPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        u: account.into(),
        organisations: users::group_names(state).await?,
        roles: StaffRole::ALL,
        notice,
        error,
        link,
    })
}

/// The account's page with a refusal it explains (a conflict with its
/// state, or a group to fix), or the refusal as an error page.
async fn refused(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    id: i64,
    e: AccountError,
) -> Result<HttpResponse, AppError> {
    let status = match e {
        AccountError::OwnAccount => StatusCode::CONFLICT,
        AccountError::GroupRequired | AccountError::NoSuchGroup | AccountError::OfficialBody => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        e => return Err(e.into()),
    };
    let page = user_page(staff, t, state, id, None, refusal_key(&e), None).await?;
    render_with_status(&page, status)
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
        Some("factors") => Some("admin-done-factors"),
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
    match users::set_active(&state, staff.user_id, id, active).await {
        Ok(()) => Ok(back(t, id, "active")),
        Err(e) => refused(&staff, t, &state, id, e).await,
    }
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
    let group = GroupName::parse(form.organisation.trim());
    match users::set_role(&state, staff.user_id, id, role, group).await {
        Ok(()) => Ok(back(t, id, "role")),
        Err(e) => refused(&staff, t, &state, id, e).await,
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
    users::set_duty(&state, staff.user_id, id, form.on_duty.is_some()).await?;
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
    let link = users::send_reset(&state, staff.user_id, id).await?;
    let notice = Some("admin-done-reset");
    render(&user_page(&staff, t, &state, id, notice, None, Some(link)).await?)
}

#[derive(serde::Deserialize)]
pub struct FactorsForm {
    /// The box saying the admin has checked who asked.
    confirm: Option<String>,
}

/// Removes every second factor of an account whose owner lost them all
/// (after checking, outside Haven, that the request is really theirs).
pub async fn reset_factors(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<FactorsForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    if form.confirm.is_none() {
        let page = user_page(
            &staff,
            t,
            &state,
            id,
            None,
            Some("admin-error-factors-confirm"),
            None,
        )
        .await?;
        return render_with_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
    }
    match crate::accounts::passkeys::reset_factors(&state, staff.user_id, id).await {
        Ok(()) => Ok(back(t, id, "factors")),
        Err(e) => refused(&staff, t, &state, id, e).await,
    }
}
