//! Signing in and out.
//!
//! A failed sign-in gets one answer whatever went wrong (no such account,
//! wrong password, account deactivated), after the same Argon2 work.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use zeroize::Zeroizing;

use super::StaffNav;
use crate::auth::{Staff, credentials, safe_next, session};
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
    error: Option<&'static str>,
}

#[derive(serde::Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    signed_out: Option<String>,
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
    if session::resolve(&state, &req).await?.is_some() {
        return Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, t.url("/staff"))).finish());
    }
    let mut page = page(&state, t, query.next.as_deref().unwrap_or(""), String::new());
    if query.signed_out.is_some() {
        page.notice = Some("login-signed-out");
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
    next: String,
}

pub async fn submit(
    state: web::Data<AppState>,
    t: Tr,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let form = form.into_inner();
    let password = Zeroizing::new(form.password);
    let Some(user) = credentials::verify(&state, &form.email, password).await? else {
        tracing::info!("sign-in refused");
        let mut page = page(&state, t, &form.next, form.email.trim().to_string());
        page.error = Some("login-failed");
        return render_with_status(&page, StatusCode::UNAUTHORIZED);
    };
    let cookie = session::start(&state, user.id).await?;
    tracing::info!(user_id = user.id, "signed in");
    let target = safe_next(&form.next).map(str::to_string).unwrap_or_else(|| t.url("/staff"));
    Ok(HttpResponse::SeeOther().cookie(cookie).insert_header((header::LOCATION, target)).finish())
}

pub async fn logout(staff: Staff, state: web::Data<AppState>, t: Tr) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    session::end(&state, &staff).await?;
    tracing::info!(user_id = staff.user_id, "signed out");
    Ok(HttpResponse::SeeOther()
        .cookie(session::removal_cookie(&state.config))
        .insert_header((header::LOCATION, t.url("/staff/login?signed_out=1")))
        .finish())
}
