//! Setting and resetting staff passwords through single-use links.
//!
//! A new account has no password: its owner gets a link (by email, and
//! shown once to the admin who made the account) that sets one. The same
//! kind of link resets a forgotten password. Links expire after 48 hours,
//! work once, and only their digest is stored; setting a password ends every
//! session of the account.

use chrono::Utc;

use crate::crypto::{Keyring, digest_token, new_token};
use crate::db::{self, Conn, DbError, users::UserRow};
use crate::mail::message::Email;
use crate::mail::outbox;

pub const LINK_VALID_HOURS: i64 = 48;
pub const LINK_PATH: &str = "/staff/password/";

/// Creates a link for `user` (cancelling older unused ones), queues the
/// email that carries it, and returns the token so the caller can show it.
/// Runs inside the caller's transaction.
pub fn issue_link(
    conn: &mut Conn,
    keyring: &Keyring,
    host: &str,
    user: &UserRow,
    email: Email,
) -> Result<String, DbError> {
    let token = new_token();
    db::password_links::revoke_for_user(conn, user.id)?;
    db::password_links::insert(
        conn,
        &digest_token(&token),
        user.id,
        Utc::now() + chrono::Duration::hours(LINK_VALID_HOURS),
    )?;
    outbox::queue_with_secret(
        conn,
        keyring,
        host,
        &user.email,
        &user.language,
        email,
        LINK_PATH,
        &token,
    )?;
    Ok(token)
}

/// Whether `token` is a live link; returns its account.
pub fn check_link(conn: &mut Conn, token: &str) -> Result<Option<i64>, DbError> {
    if !well_formed(token) {
        return Ok(None);
    }
    db::password_links::peek(conn, &digest_token(token))
}

/// Uses the link to set `hash` as the password; returns the account, or
/// `None` when the link is used, expired or unknown.
pub fn set_with_link(conn: &mut Conn, token: &str, hash: &str) -> Result<Option<i64>, DbError> {
    if !well_formed(token) {
        return Ok(None);
    }
    db::transaction(conn, |conn| {
        let Some(user_id) = db::password_links::consume(conn, &digest_token(token))? else {
            return Ok(None);
        };
        db::users::set_password(conn, user_id, hash)?;
        db::sessions::delete_for_user(conn, user_id)?;
        db::audit::record(
            conn,
            Some(user_id),
            "user.password",
            "user",
            &user_id.to_string(),
            "link",
        )?;
        Ok(Some(user_id))
    })
}

fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}
