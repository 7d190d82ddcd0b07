//! Server-side staff sessions. The cookie holds a random token; PostgreSQL
//! holds its digest, the user and the session's CSRF token, so that signing
//! out, deactivation and a password change take effect at once on every
//! instance.

use crate::config::Config;
use crate::context::Ctx;
use crate::crypto::{SecretKey, digest_token, new_token};
use crate::custody::PersonKey;
use crate::db;
use crate::domain::StaffRole;
use crate::error::ServiceError;

/// A session ends after this long without a request...
pub const SESSION_IDLE_SECS: i64 = 30 * 60;
/// ...and in any case this long after sign-in.
pub const SESSION_ABSOLUTE_SECS: i64 = 12 * 3600;
/// `last_seen_at` is written at most this often.
pub const TOUCH_EVERY_SECS: i64 = 60;

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
    pub has_passkey: bool,
    pub csrf_token: String,
    pub token_digest: Vec<u8>,
    /// This person's private key, opened from the session for this request.
    pub key: PersonKey,
}

impl Staff {
    /// Whether this person must set up a second factor (or a passkey)
    /// before anything else: they reach only enrolment until they do.
    pub fn must_enrol(&self, config: &Config) -> bool {
        (super::policy::must_use_second_factor(config.require_2fa, self.role)
            && !self.totp_enabled
            && !self.has_passkey)
            || (super::policy::must_use_passkey(config.require_passkey, self.role)
                && !self.has_passkey)
    }
}

impl std::fmt::Debug for Staff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Staff")
            .field("user_id", &self.user_id)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

/// Starts a session for `user_id` and gives its token: a fresh token every
/// time, so a token planted before sign-in is worthless after it. Only the
/// token's digest is stored, and the person's private key (when it could
/// be opened) sealed under a key derived from the token: the row alone
/// opens nothing.
pub async fn begin(
    state: &Ctx,
    user_id: i64,
    secret: Option<&SecretKey>,
) -> Result<String, ServiceError> {
    let token = new_token();
    let digest = digest_token(&token);
    let csrf = new_token();
    let sealed = secret.map(|s| crate::custody::accounts::seal_for_session(s, &token, &digest));
    state
        .db
        .run(move |conn| db::sessions::insert(conn, &digest, user_id, &csrf, sealed.as_ref()))
        .await?;
    Ok(token)
}

/// Ends this session.
pub async fn end(state: &Ctx, staff: &Staff) -> Result<(), ServiceError> {
    let digest = staff.token_digest.clone();
    state
        .db
        .run(move |conn| db::sessions::delete(conn, &digest))
        .await?;
    Ok(())
}
