//! Setting a password through a single-use link (new accounts, resets),
//! and the page that shows a new recovery key once.
//!
//! An account that has a key pair may give its recovery key with the new
//! password: its keys are then kept. Without it (or for a new account) the
//! account gets a new key pair, whose recovery key is shown once, and waits
//! for a colleague to grant it access again.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use zeroize::Zeroizing;

use super::StaffNav;
use crate::auth::passwords::{self, LinkUse};
use crate::crypto::RecoveryKey;
use crate::domain::NewPassword;
use crate::i18n::Tr;
use crate::web::{AppError, AppState, FormTokens, no_store, render_with_status};

#[derive(Template)]
#[template(path = "staff/password.html")]
struct PasswordPage {
    t: Tr,
    nav: Option<StaffNav>,
    csrf_token: String,
    valid: bool,
    /// The account has a key pair: its recovery key can keep it.
    has_keys: bool,
    error: Option<&'static str>,
}

const RECOVERY_KEY_WRONG: &str = "password-recovery-key-wrong";

fn page(
    state: &AppState,
    t: Tr,
    has_keys: Option<bool>,
    error: Option<&'static str>,
) -> PasswordPage {
    PasswordPage {
        t: t.for_staff(),
        nav: None,
        csrf_token: FormTokens::issue(state, FormTokens::LOGIN),
        valid: has_keys.is_some(),
        has_keys: has_keys.unwrap_or(false),
        error,
    }
}

/// Whether `token` is a live link, and whether its account has keys.
async fn link_state(state: &AppState, token: String) -> Result<Option<bool>, AppError> {
    Ok(state
        .db
        .run(move |conn| passwords::link_account(conn, &token))
        .await?
        .map(|a| a.has_keys))
}

fn gone(state: &AppState, t: Tr) -> Result<HttpResponse, AppError> {
    render_with_status(&page(state, t, None, None), StatusCode::GONE)
}

pub async fn form(
    state: web::Data<AppState>,
    t: Tr,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    match link_state(&state, token.into_inner()).await? {
        Some(has_keys) => {
            render_with_status(&page(&state, t, Some(has_keys), None), StatusCode::OK)
        }
        None => gone(&state, t),
    }
}

#[derive(serde::Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    recovery_key: String,
}

pub async fn submit(
    state: web::Data<AppState>,
    t: Tr,
    token: web::Path<String>,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let Some(has_keys) = link_state(&state, token.clone()).await? else {
        return gone(&state, t);
    };
    let form = form.into_inner();
    let password = Zeroizing::new(form.password);
    let confirm = Zeroizing::new(form.confirm);
    let typed_key = Zeroizing::new(form.recovery_key);
    let refuse = |key: &'static str| {
        render_with_status(
            &page(&state, t, Some(has_keys), Some(key)),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    if *password != *confirm {
        return refuse("password-mismatch");
    }
    let new = match NewPassword::parse(password.to_string()) {
        Ok(p) => p,
        Err(problem) => return refuse(problem.message_key()),
    };
    let recovery = match typed_key.trim() {
        "" => None,
        typed => match RecoveryKey::parse(typed) {
            Some(key) if has_keys => Some(key),
            _ => return refuse(RECOVERY_KEY_WRONG),
        },
    };
    let (hash, seed) = state
        .hasher
        .hash_split(Zeroizing::new(new.expose().to_string()))
        .await?;
    let set = state
        .db
        .run(move |conn| passwords::set_with_link(conn, &token, &hash, &seed, recovery.as_ref()))
        .await?;
    match set {
        LinkUse::Set {
            user_id,
            recovery_key: Some(recovery),
            replaced,
        } => {
            tracing::info!(
                user_id,
                replaced,
                "password set through link, new keys made"
            );
            let next = if replaced {
                "/staff/login?password_set=replaced"
            } else {
                "/staff/login?password_set=1"
            };
            recovery_page(t, &recovery, replaced, t.for_staff().url(next))
        }
        LinkUse::Set { user_id, .. } => {
            tracing::info!(user_id, "password set through link, keys kept");
            Ok(HttpResponse::SeeOther()
                .insert_header((
                    header::LOCATION,
                    t.for_staff().url("/staff/login?password_set=kept"),
                ))
                .finish())
        }
        LinkUse::RecoveryKeyWrong => refuse(RECOVERY_KEY_WRONG),
        LinkUse::Gone => gone(&state, t),
    }
}

/// A new recovery key, shown once: never stored by the server, never
/// logged, never cached by the browser. In the visitor's own language
/// (every one of Haven's six has it), not only the staff pages' two.
#[derive(Template)]
#[template(path = "staff/recovery_key.html")]
struct RecoveryKeyPage {
    t: Tr,
    nav: Option<StaffNav>,
    /// The key's groups of five, so that it wraps between them.
    groups: Zeroizing<Vec<String>>,
    /// The account had keys before: what it was granted waits for a
    /// colleague to grant it again.
    replaced: bool,
    /// Where Continue goes.
    next: String,
}

/// The page that shows `key` once; Continue leads to `next`.
pub(super) fn recovery_page(
    t: Tr,
    key: &RecoveryKey,
    replaced: bool,
    next: String,
) -> Result<HttpResponse, AppError> {
    let page = RecoveryKeyPage {
        t,
        nav: None,
        groups: Zeroizing::new(key.display().split('-').map(str::to_string).collect()),
        replaced,
        next,
    };
    Ok(no_store(render_with_status(&page, StatusCode::OK)?))
}
