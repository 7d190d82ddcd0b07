//! Checking an email and password. Unknown accounts, deactivated accounts,
//! accounts without a password yet and wrong passwords all take one Argon2
//! verification and give the same answer.
//!
//! Finding the account and checking its password are two steps, so that a
//! sign-in can be refused by its throttles between them, before any hash.

use zeroize::Zeroizing;

use crate::context::Ctx;
use crate::crypto::Checked;
use crate::db;
use crate::db::users::UserRow;
use crate::domain::EmailAddress;
use crate::error::ServiceError;

/// The account named by `email`, if there is one (no Argon2 work).
pub async fn find(state: &Ctx, email: &str) -> Result<Option<UserRow>, ServiceError> {
    Ok(match EmailAddress::parse(email) {
        Some(email) => {
            let email = email.as_str().to_string();
            state
                .db
                .run(move |conn| db::users::find_by_email(conn, &email))
                .await?
        }
        None => None,
    })
}

/// `user` if `password` is theirs and the account may sign in, with what
/// the check found (the password's seed, which opens the account's private
/// key); one Argon2 run either way.
pub async fn check(
    state: &Ctx,
    user: Option<UserRow>,
    password: Zeroizing<String>,
) -> Result<Option<(UserRow, Checked)>, ServiceError> {
    let hash = user
        .as_ref()
        .filter(|u| u.active)
        .and_then(|u| u.password_hash.clone());
    let known = hash.is_some();
    let checked = state.hasher.check(password, hash).await?;
    Ok(match user {
        Some(user) if known && checked.is_right() => Some((user, checked)),
        _ => None,
    })
}
