//! Server-side staff sessions. The cookie holds a random token; PostgreSQL
//! holds its digest, the user and the session's CSRF token, so that signing
//! out, deactivation and a password change take effect at once on every
//! instance.

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use chrono::Utc;

use crate::config::Config;
use crate::crypto::{digest_token, new_token};
use crate::db::{self, DbError};
use crate::domain::StaffRole;
use crate::web::{AppError, AppState, CookieName, site_cookie};

/// A session ends after this long without a request...
pub const SESSION_IDLE_SECS: i64 = 30 * 60;
/// ...and in any case this long after sign-in.
pub const SESSION_ABSOLUTE_SECS: i64 = 12 * 3600;
/// `last_seen_at` is written at most this often.
const TOUCH_EVERY_SECS: i64 = 60;

/// The signed-in staff member, put on the request by the staff gate.
#[derive(Clone)]
pub struct Staff {
    pub user_id: i64,
    pub role: StaffRole,
    pub organisation_id: Option<i64>,
    pub email: String,
    pub display_name: String,
    pub language: String,
    pub totp_enabled: bool,
    pub csrf_token: String,
    pub(crate) token_digest: Vec<u8>,
}

impl std::fmt::Debug for Staff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Staff")
            .field("user_id", &self.user_id)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

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

/// Starts a session for `user_id`: a fresh token every time, so a token
/// planted before sign-in is worthless after it.
pub async fn start(state: &AppState, user_id: i64) -> Result<Cookie<'static>, AppError> {
    let token = new_token();
    let digest = digest_token(&token);
    let csrf = new_token();
    state
        .db
        .run(move |conn| db::sessions::insert(conn, &digest, user_id, &csrf))
        .await?;
    Ok(build_cookie(&state.config, token))
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
            let Some((session, user)) =
                db::sessions::find_live(conn, &digest, idle_since, created_since)?
            else {
                return Ok::<_, DbError>(None);
            };
            if (now - session.last_seen_at).num_seconds() >= TOUCH_EVERY_SECS {
                db::sessions::touch(conn, &digest)?;
            }
            Ok(Some((session, user)))
        })
        .await?;
    let Some((session, user)) = found else {
        return Ok(None);
    };
    let Some(role) = StaffRole::parse(&user.role) else {
        return Ok(None);
    };
    Ok(Some(Staff {
        user_id: user.id,
        role,
        organisation_id: user.organisation_id,
        email: user.email,
        display_name: user.display_name,
        language: user.language,
        totp_enabled: user.totp_enabled,
        csrf_token: session.csrf_token,
        token_digest: session.token_digest,
    }))
}

/// Ends this session.
pub async fn end(state: &AppState, staff: &Staff) -> Result<(), AppError> {
    let digest = staff.token_digest.clone();
    state
        .db
        .run(move |conn| db::sessions::delete(conn, &digest))
        .await?;
    Ok(())
}
