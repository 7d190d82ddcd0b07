//! An account's keys at sign-in: its private key opened with the
//! password's seed (made, with a recovery key, at the first sign-in of an
//! account that has none), and the grants this person can now make for
//! others who wait.

use zeroize::Zeroizing;

use crate::context::Ctx;
use crate::crypto::{Checked, RecoveryKey, SecretKey, Seed};
use crate::custody::{accounts, shared};
use crate::db::{self, users::UserRow};
use crate::error::ServiceError;

/// What sign-in found of an account's keys.
pub struct SignInKeys {
    pub secret: Option<SecretKey>,
    /// Made at this sign-in: to be shown once.
    pub recovery: Option<RecoveryKey>,
    /// The account's password hash as it is now (a plain Argon2id hash
    /// from before is replaced by a split one).
    pub password_hash: Option<String>,
}

pub async fn at_sign_in(
    ctx: &Ctx,
    user: &UserRow,
    checked: Checked,
    password: Zeroizing<String>,
) -> Result<SignInKeys, ServiceError> {
    let (seed, new_hash): (Seed, Option<String>) = match checked {
        Checked::Right(seed) => (seed, None),
        // A password hashed before keys were held by people: hash it again
        // (once) so that it gives a seed.
        Checked::Legacy => {
            let (hash, seed) = ctx.hasher.hash_split(password).await?;
            (seed, Some(hash))
        }
        Checked::Wrong => return Err(ServiceError::internal(anyhow::anyhow!("not signed in"))),
    };
    let id = user.id;
    let hash = new_hash.clone();
    let (secret, recovery) = ctx
        .db
        .run(move |conn| {
            if let Some(hash) = &hash {
                db::users::set_password(conn, id, hash)?;
            }
            accounts::at_sign_in(conn, id, &seed)
        })
        .await?;
    if let Some(secret) = &secret {
        let keyring = ctx.keyring.get();
        let person = secret.clone();
        let done = ctx
            .db
            .run(move |conn| shared::grant_pending(conn, &keyring, id, &person))
            .await?;
        if done.grants > 0 || done.escrows_ended > 0 {
            tracing::info!(
                user_id = id,
                grants = done.grants,
                escrows_ended = done.escrows_ended,
                "keys granted at sign-in"
            );
        }
    } else {
        tracing::warn!(
            user_id = id,
            "signed in, but the account's keys could not be opened"
        );
    }
    Ok(SignInKeys {
        secret,
        recovery,
        password_hash: new_hash.or_else(|| user.password_hash.clone()),
    })
}
