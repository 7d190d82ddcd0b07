//! An account's own key pair: made when its password is first set (or at
//! its first sign-in after keys moved to people), its private key sealed
//! under the password's seed and, apart, under a recovery key shown once;
//! re-sealed when the password changes; replaced by a reset without the
//! recovery key (the new one then waits for its grants).

use crate::crypto::{Aad, RecoveryKey, Sealed, SecretKey, Seed};
use crate::db::people_keys::{self, AccountKeyRow};
use crate::db::{self, Conn, DbError};

/// A new key pair, sealed for storage; the recovery key is to be shown once.
pub struct Enrolment {
    pub secret: SecretKey,
    pub recovery: RecoveryKey,
}

/// Makes and stores a new key pair for `user_id`, sealed under `seed`
/// (its password's) and a new recovery key. Any grants of an older key
/// pair are dropped: they were sealed to a key no longer held.
pub fn enrol(conn: &mut Conn, user_id: i64, seed: &Seed) -> Result<Enrolment, DbError> {
    let secret = SecretKey::generate();
    let recovery = RecoveryKey::generate();
    let sealed = seed.seal_secret(&Aad::account_key(user_id), &secret);
    let recovery_sealed = recovery
        .seed()
        .seal_secret(&Aad::account_recovery_key(user_id), &secret);
    db::transaction(conn, |conn| {
        people_keys::lock_account(conn, user_id)?;
        let revoked = people_keys::revoke_grants(conn, user_id)?;
        people_keys::set_account_keys(
            conn,
            user_id,
            &secret.public().to_bytes(),
            &sealed,
            &recovery_sealed,
        )?;
        db::audit::record(
            conn,
            Some(user_id),
            "user.keys",
            "user",
            &user_id.to_string(),
            if revoked > 0 { "replaced" } else { "new" },
        )
    })?;
    Ok(Enrolment { secret, recovery })
}

/// At sign-in: the account's private key opened with `seed`, or — when it
/// has no key pair yet — a new one with its recovery key to show. Decided
/// under the account's row lock, so that two first sign-ins at once make
/// one key pair (the second opens it) and no recovery key shown is stale.
pub fn at_sign_in(
    conn: &mut Conn,
    user_id: i64,
    seed: &Seed,
) -> Result<(Option<SecretKey>, Option<RecoveryKey>), DbError> {
    db::transaction(conn, |conn| {
        people_keys::lock_account(conn, user_id)?;
        let account = people_keys::account(conn, user_id)?.ok_or(DbError::NotFound)?;
        Ok(match account.public_key {
            Some(_) => (unseal(&account, seed), None),
            None => {
                let made = enrol(conn, user_id, seed)?;
                (Some(made.secret), Some(made.recovery))
            }
        })
    })
}

/// The account's private key, if `seed` (its password's) opens it.
pub fn unseal(account: &AccountKeyRow, seed: &Seed) -> Option<SecretKey> {
    seed.open_secret(&Aad::account_key(account.id), account.sealed_key.as_ref()?)
        .ok()
}

/// The account's private key, if `recovery` opens its recovery copy.
pub fn recover(account: &AccountKeyRow, recovery: &RecoveryKey) -> Option<SecretKey> {
    recovery
        .seed()
        .open_secret(
            &Aad::account_recovery_key(account.id),
            account.recovery_key.as_ref()?,
        )
        .ok()
}

/// Re-seals the account's private key under a new password's seed.
pub fn reseal(
    conn: &mut Conn,
    user_id: i64,
    secret: &SecretKey,
    seed: &Seed,
) -> Result<(), DbError> {
    people_keys::set_sealed_key(
        conn,
        user_id,
        &seed.seal_secret(&Aad::account_key(user_id), secret),
    )
}

/// The private key sealed for a new session: under the seed of the
/// session cookie's secret, bound to the session.
pub fn seal_for_session(secret: &SecretKey, token: &str, token_digest: &[u8]) -> Sealed {
    Seed::of_session_token(token).seal_secret(&Aad::session_key(token_digest), secret)
}

/// The private key of a session, opened with its cookie's secret.
pub fn open_for_session(sealed: &Sealed, token: &str, token_digest: &[u8]) -> Option<SecretKey> {
    Seed::of_session_token(token)
        .open_secret(&Aad::session_key(token_digest), sealed)
        .ok()
}
