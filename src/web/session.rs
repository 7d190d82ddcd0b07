//! Staff sessions at the HTTP edge: the session cookie (made, read and
//! removed here) and the `Staff` extractor that hands handlers the signed-in
//! person the staff gate found. Sessions live server-side in PostgreSQL;
//! only the SHA-256 of a cookie's token is stored.

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use chrono::Utc;

use super::{AppError, AppState, CookieName, site_cookie};
use crate::auth::Staff;
use crate::auth::session::{SESSION_ABSOLUTE_SECS, SESSION_IDLE_SECS, TOUCH_EVERY_SECS};
use crate::config::Config;
use crate::crypto::digest_token;
use crate::db::{self, DbError};
use crate::domain::StaffRole;

impl FromRequest for Staff {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // The gate has put it there; a handler reached without it is a
        // configuration fault, refused rather than served.
        std::future::ready(
            req.extensions()
                .get::<Staff>()
                .cloned()
                .ok_or(AppError::Forbidden),
        )
    }
}

/// The session cookie's name: `__Host-` prefixed over HTTPS, so that it is
/// bound to this host and path `/`, and always `Secure`.
pub fn cookie_name(config: &Config) -> &'static str {
    CookieName::SESSION.for_config(config)
}

fn build_cookie(config: &Config, value: String) -> Cookie<'static> {
    site_cookie(config, CookieName::SESSION, value)
        .same_site(SameSite::Lax)
        .finish()
}

/// The session cookie carrying `token` (from `auth::session::begin`).
pub fn cookie(config: &Config, token: String) -> Cookie<'static> {
    build_cookie(config, token)
}

/// A cookie that removes the session cookie from the browser.
pub fn removal_cookie(config: &Config) -> Cookie<'static> {
    let mut c = build_cookie(config, String::new());
    c.set_max_age(CookieDuration::ZERO);
    c
}

/// The live session of this request, if any.
pub async fn resolve(state: &AppState, req: &HttpRequest) -> Result<Option<Staff>, AppError> {
    let Some(cookie) = req.cookie(cookie_name(&state.config)) else {
        return Ok(None);
    };
    let token = cookie.value();
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let digest = digest_token(token);
    let found = state
        .db
        .run(move |conn| {
            let now = Utc::now();
            let idle_since = now - chrono::Duration::seconds(SESSION_IDLE_SECS);
            let created_since = now - chrono::Duration::seconds(SESSION_ABSOLUTE_SECS);
            let Some((session, user, has_passkey)) =
                db::sessions::find_live(conn, &digest, idle_since, created_since)?
            else {
                return Ok::<_, DbError>(None);
            };
            if (now - session.last_seen_at).num_seconds() >= TOUCH_EVERY_SECS {
                db::sessions::touch(conn, &digest)?;
            }
            Ok(Some((session, user, has_passkey)))
        })
        .await?;
    let Some((session, user, has_passkey)) = found else {
        return Ok(None);
    };
    let Some(role) = StaffRole::parse(&user.role) else {
        return Ok(None);
    };
    let secret = session.sealed_key.as_ref().and_then(|sealed| {
        crate::custody::accounts::open_for_session(sealed, token, &session.token_digest)
    });
    Ok(Some(Staff {
        user_id: user.id,
        role,
        organisation_id: user.organisation_id,
        email: user.email,
        display_name: user.display_name,
        language: user.language,
        totp_enabled: user.totp_enabled,
        has_passkey,
        csrf_token: session.csrf_token,
        token_digest: session.token_digest,
        key: crate::custody::PersonKey::new(user.id, secret),
    }))
}
