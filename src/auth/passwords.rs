//! Setting and resetting staff passwords through single-use links.
//!
//! A new account has no password: its owner gets a link (by email, and
//! shown once to the admin who made the account) that sets one. The same
//! kind of link resets a forgotten password. Links expire after 48 hours,
//! work once, and only their digest is stored; setting a password ends every
//! session of the account. A signed-in person changes their own password
//! here too: their private key is sealed again under the new one.

use chrono::Utc;

use crate::crypto::{Keyring, RecoveryKey, SecretKey, Seed, digest_token, new_token};
use crate::custody::accounts;
use crate::db::{self, Conn, DbError, people_keys, users::UserRow};
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

/// A live link's account, and whether it has a key pair already (then a
/// recovery key can keep it).
pub struct LinkAccount {
    pub user_id: i64,
    pub has_keys: bool,
}

/// The account of `token` if it is a live link.
pub fn link_account(conn: &mut Conn, token: &str) -> Result<Option<LinkAccount>, DbError> {
    let Some(user_id) = check_link(conn, token)? else {
        return Ok(None);
    };
    let account = people_keys::account(conn, user_id)?.ok_or(DbError::NotFound)?;
    Ok(Some(LinkAccount {
        user_id,
        has_keys: account.public_key.is_some(),
    }))
}

/// What using a link did.
pub enum LinkUse {
    /// The link is used, expired or unknown.
    Gone,
    /// A recovery key was given and does not open this account's key: the
    /// link is still good.
    RecoveryKeyWrong,
    /// The password is set. `recovery_key`: the account got a new key pair
    /// (its first, or a reset without the recovery key) and this is its
    /// recovery key, to be shown once; `None` when the old key pair was
    /// kept (opened with the recovery key).
    Set {
        user_id: i64,
        recovery_key: Option<RecoveryKey>,
        /// The account had a key pair, and a new one replaced it: what it
        /// was granted is gone until a holder grants it again.
        replaced: bool,
    },
}

/// Uses the link to set `hash` (whose seed is `seed`) as the password.
/// With a recovery key that opens the account's private key, the key pair
/// is kept, sealed under the new password; without one, the account gets
/// a new key pair, which waits for its grants.
pub fn set_with_link(
    conn: &mut Conn,
    token: &str,
    hash: &str,
    seed: &Seed,
    recovery: Option<&RecoveryKey>,
) -> Result<LinkUse, DbError> {
    if !well_formed(token) {
        return Ok(LinkUse::Gone);
    }
    let digest = digest_token(token);
    db::transaction(conn, |conn| {
        let Some(user_id) = db::password_links::peek(conn, &digest)? else {
            return Ok(LinkUse::Gone);
        };
        let account = people_keys::account(conn, user_id)?.ok_or(DbError::NotFound)?;
        let had_keys = account.public_key.is_some();
        let kept = match recovery {
            Some(recovery) => match accounts::recover(&account, recovery) {
                Some(secret) => Some(secret),
                None => return Ok(LinkUse::RecoveryKeyWrong),
            },
            None => None,
        };
        if db::password_links::consume(conn, &digest)?.is_none() {
            return Ok(LinkUse::Gone);
        }
        db::users::set_password(conn, user_id, hash)?;
        db::sessions::delete_for_user(conn, user_id)?;
        db::passkeys::delete_steps_of(conn, user_id)?;
        db::audit::record(
            conn,
            Some(user_id),
            "user.password",
            "user",
            &user_id.to_string(),
            if kept.is_some() {
                "link+recovery-key"
            } else {
                "link"
            },
        )?;
        let (recovery_key, replaced) = match kept {
            Some(secret) => {
                accounts::reseal(conn, user_id, &secret, seed)?;
                (None, false)
            }
            None => (
                Some(accounts::enrol(conn, user_id, seed)?.recovery),
                had_keys,
            ),
        };
        Ok(LinkUse::Set {
            user_id,
            recovery_key,
            replaced,
        })
    })
}

/// Sets a signed-in person's new password (`hash`, whose seed is `seed`)
/// and seals their private key under it. The key is opened with the old
/// password's seed (`old_seed`), or else taken from their session
/// (`session_key`) if it is the account's; with neither, nothing changes
/// and `None` is returned. Every session of the account ends, and a new one
/// begins for the person who changed it: its token is returned, for their
/// cookie.
pub fn change(
    conn: &mut Conn,
    user_id: i64,
    old_seed: Option<&Seed>,
    session_key: Option<&SecretKey>,
    hash: &str,
    seed: &Seed,
) -> Result<Option<String>, DbError> {
    db::transaction(conn, |conn| {
        let account = people_keys::account(conn, user_id)?.ok_or(DbError::NotFound)?;
        let public = account.public_key.as_deref();
        let secret = old_seed
            .and_then(|old| accounts::unseal(&account, old))
            .or_else(|| {
                session_key
                    .filter(|k| public == Some(k.public().to_bytes().as_slice()))
                    .cloned()
            });
        // Keys that neither the old password nor the session opens would
        // stay sealed under the old password, lost with it: refused (the
        // way on is a reset with the recovery key).
        if secret.is_none() && account.public_key.is_some() {
            return Ok(None);
        }
        db::users::set_password(conn, user_id, hash)?;
        if let Some(secret) = &secret {
            accounts::reseal(conn, user_id, secret, seed)?;
        }
        // A reset link mailed earlier must not undo the change.
        db::password_links::revoke_for_user(conn, user_id)?;
        db::sessions::delete_for_user(conn, user_id)?;
        db::passkeys::delete_steps_of(conn, user_id)?;
        let token = new_token();
        let digest = digest_token(&token);
        let sealed = secret
            .as_ref()
            .map(|s| accounts::seal_for_session(s, &token, &digest));
        db::sessions::insert(conn, &digest, user_id, &new_token(), sealed.as_ref())?;
        db::audit::record(
            conn,
            Some(user_id),
            "user.password",
            "user",
            &user_id.to_string(),
            "change",
        )?;
        Ok(Some(token))
    })
}

fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}
