//! A signed-in person changes their own password: the current one checked
//! (one Argon2 run, whose seed also opens their private key), the new one
//! hashed, the private key sealed again under it, their other sessions
//! ended, with its audit entry, in one transaction.

use zeroize::Zeroizing;

use super::AccountError;
use crate::auth::{passwords, throttle};
use crate::context::Ctx;
use crate::crypto::Checked;
use crate::custody::PersonKey;
use crate::db;
use crate::domain::NewPassword;

/// Changes `user_id`'s password from `current` to `new`; `person` is the
/// private key their session opened (used when the current password's
/// hash gives no seed). Returns the token of the session that replaces
/// the one they are in.
pub async fn change(
    ctx: &Ctx,
    user_id: i64,
    person: &PersonKey,
    current: Zeroizing<String>,
    new: NewPassword,
) -> Result<String, AccountError> {
    let user = ctx
        .db
        .run(move |conn| db::users::find(conn, user_id))
        .await?
        .filter(|u| u.active)
        .ok_or(AccountError::NoSuchAccount)?;
    // Wrong current passwords count against the account as at sign-in: a
    // signed-in browser left open is no way to guess the password, which
    // is the key to everything this account holds.
    let key = throttle::account_key(ctx, &user.email);
    if let Some(until) = throttle::account_held_until(ctx, key.clone()).await? {
        let wait_secs = (until - chrono::Utc::now()).num_seconds().max(1) as u64;
        return Err(AccountError::Throttled { wait_secs });
    }
    let old_seed = match ctx.hasher.check(current, user.password_hash).await? {
        Checked::Wrong => {
            throttle::account_failed(ctx, key).await?;
            tracing::info!(user_id, "password change refused: wrong current password");
            return Err(AccountError::WrongPassword);
        }
        Checked::Legacy => None,
        Checked::Right(seed) => Some(seed),
    };
    throttle::account_succeeded(ctx, key).await?;
    let (hash, seed) = ctx
        .hasher
        .hash_split(Zeroizing::new(new.expose().to_string()))
        .await?;
    let session_key = person.secret().ok().cloned();
    let token = ctx
        .db
        .run(move |conn| {
            passwords::change(
                conn,
                user_id,
                old_seed.as_ref(),
                session_key.as_ref(),
                &hash,
                &seed,
            )
        })
        .await?;
    let Some(token) = token else {
        tracing::warn!(
            user_id,
            "password change refused: the account's keys do not open"
        );
        return Err(AccountError::Service(
            crate::error::ServiceError::KeysUnavailable,
        ));
    };
    tracing::info!(user_id, "password changed");
    Ok(token)
}
