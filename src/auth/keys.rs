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
    let (seed, password_hash) = seed_at_sign_in(ctx, user, checked, password).await?;
    open_at_sign_in(ctx, user.id, seed, password_hash).await
}

/// The password's seed, from a right password: a password hashed before
/// keys were held by people is hashed again (once, and stored) so that it
/// gives one. Also the account's password hash as it now is.
pub async fn seed_at_sign_in(
    ctx: &Ctx,
    user: &UserRow,
    checked: Checked,
    password: Zeroizing<String>,
) -> Result<(Seed, Option<String>), ServiceError> {
    match checked {
        Checked::Right(seed) => Ok((seed, user.password_hash.clone())),
        Checked::Legacy => {
            let (hash, seed) = ctx.hasher.hash_split(password).await?;
            let id = user.id;
            let stored = hash.clone();
            ctx.db
                .run(move |conn| db::users::set_password(conn, id, &stored))
                .await?;
            Ok((seed, Some(hash)))
        }
        Checked::Wrong => Err(ServiceError::internal(anyhow::anyhow!("not signed in"))),
    }
}

/// Opens the account's private key with its password's seed (making the
/// account's first key pair if it has none), once the sign-in is complete.
pub async fn open_at_sign_in(
    ctx: &Ctx,
    id: i64,
    seed: Seed,
    password_hash: Option<String>,
) -> Result<SignInKeys, ServiceError> {
    let (secret, recovery) = ctx
        .db
        .run(move |conn| accounts::at_sign_in(conn, id, &seed))
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
        password_hash,
    })
}
