//! Setting a password through a single-use link (new accounts, resets).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use zeroize::Zeroizing;

use super::StaffNav;
use crate::auth::passwords;
use crate::domain::NewPassword;
use crate::i18n::Tr;
use crate::web::{AppError, AppState, FormTokens, render_with_status};

#[derive(Template)]
#[template(path = "staff/password.html")]
struct PasswordPage {
    t: Tr,
    nav: Option<StaffNav>,
    csrf_token: String,
    valid: bool,
    error: Option<&'static str>,
}

fn page(state: &AppState, t: Tr, valid: bool, error: Option<&'static str>) -> PasswordPage {
    PasswordPage {
        t,
        nav: None,
        csrf_token: FormTokens::issue(state, FormTokens::LOGIN),
        valid,
        error,
    }
}

pub async fn form(
    state: web::Data<AppState>,
    t: Tr,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let token = token.into_inner();
    let valid = state
        .db
        .run(move |conn| passwords::check_link(conn, &token))
        .await?
        .is_some();
    let status = if valid {
        StatusCode::OK
    } else {
        StatusCode::GONE
    };
    render_with_status(&page(&state, t, valid, None), status)
}

#[derive(serde::Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

pub async fn submit(
    state: web::Data<AppState>,
    t: Tr,
    token: web::Path<String>,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let form = form.into_inner();
    let password = Zeroizing::new(form.password);
    let confirm = Zeroizing::new(form.confirm);
    if *password != *confirm {
        return render_with_status(
            &page(&state, t, true, Some("password-mismatch")),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let new = match NewPassword::parse(password.to_string()) {
        Ok(p) => p,
        Err(problem) => {
            return render_with_status(
                &page(&state, t, true, Some(problem.message_key())),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let (hash, seed) = state
        .hasher
        .hash_split(Zeroizing::new(new.expose().to_string()))
        .await?;
    let token = token.into_inner();
    let set = state
        .db
        .run(move |conn| passwords::set_with_link(conn, &token, &hash, &seed, None))
        .await?;
    match set {
        passwords::LinkUse::Set { user_id, .. } => {
            tracing::info!(user_id, "password set through link");
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, t.url("/staff/login?password_set=1")))
                .finish())
        }
        _ => render_with_status(&page(&state, t, false, None), StatusCode::GONE),
    }
}
