//! Signing in, whatever asked for it: the throttle's checks, the password
//! and the second factor, and on success a new session. It knows nothing
//! of HTTP; the sign-in page turns its outcome into a page and cookies.
//!
//! A failed sign-in gets one outcome whatever went wrong (no such account,
//! wrong password, wrong one-time code, account deactivated), after the
//! same Argon2 work. A throttled attempt costs no hash.
//!
//! A right password with an empty code field, for an account with a second
//! factor, leads to a second step: the sign-in waits (five minutes, five
//! wrong answers at most) for a passkey, a code from the authenticator app
//! or a recovery code. Until then nothing is opened and no session exists;
//! the password's seed waits sealed under the waiting sign-in's cookie.

use std::net::IpAddr;

use zeroize::Zeroizing;

use super::passkeys::{self, PasskeyError};
use super::policy::{must_use_passkey, must_use_second_factor};
use super::{credentials, keys, throttle, totp};
use crate::context::Ctx;
use crate::crypto::{Aad, RecoveryKey, Seed, digest_token, new_token};
use crate::db::{self, users::UserRow};
use crate::domain::StaffRole;
use crate::error::ServiceError;

/// How long a sign-in waits for its second factor.
pub const SECOND_STEP_SECS: i64 = 5 * 60;
/// Wrong second factors a waiting sign-in allows before it ends.
pub const SECOND_STEP_TRIES: i32 = 5;

/// What someone typed into the sign-in form, and where it came from.
pub struct SignInAttempt<'a> {
    pub email: &'a str,
    pub password: Zeroizing<String>,
    /// The one-time code or recovery code field, as typed.
    pub code: &'a str,
    /// The client's address (see `web::client_address`).
    pub source: IpAddr,
    /// The known-device cookie's value, if the browser sent one.
    pub device: Option<&'a str>,
}

/// How an attempt ended.
pub enum SignInOutcome {
    /// Held back by the throttle: try again after this many seconds.
    Throttled {
        wait_secs: i64,
    },
    /// Not signed in; which check failed is not said.
    Refused,
    /// The password was right; the second factor is still to come, in the
    /// sign-in waiting under this token (for its cookie).
    SecondStep {
        token: String,
    },
    SignedIn(SignedIn),
}

/// A new session, and what the browser is to keep.
pub struct SignedIn {
    pub user_id: i64,
    /// The session's token, for the session cookie.
    pub session_token: String,
    /// The known-device token, for the known-device cookie.
    pub device_token: String,
    /// Whether this person must set up a second factor before anything else.
    pub must_enrol: bool,
    /// Whether this person's private key was opened: without it they are
    /// signed in but open nothing sealed.
    pub keys_open: bool,
    /// A recovery key made at this sign-in (the account's first key pair),
    /// to be shown once.
    pub recovery_key: Option<RecoveryKey>,
}

/// The second factors an account has, and which of them sign it in.
#[derive(Clone, Copy, Debug)]
pub struct Factors {
    pub totp: bool,
    pub passkeys: i64,
    /// A code from the authenticator app is accepted (not for those who
    /// must use a passkey and have one).
    pub totp_signs_in: bool,
}

impl Factors {
    pub async fn of(ctx: &Ctx, user: &UserRow) -> Result<Self, ServiceError> {
        let id = user.id;
        let passkeys = ctx
            .db
            .run(move |conn| db::passkeys::count(conn, id))
            .await?;
        Ok(Self::from_parts(ctx, user, passkeys))
    }

    pub fn from_parts(ctx: &Ctx, user: &UserRow, passkeys: i64) -> Self {
        let passkey_only = passkeys > 0
            && StaffRole::parse(&user.role)
                .is_none_or(|role| must_use_passkey(ctx.config.require_passkey, role));
        Self {
            totp: user.totp_enabled,
            passkeys,
            totp_signs_in: user.totp_enabled && !passkey_only,
        }
    }

    pub fn any(self) -> bool {
        self.totp || self.passkeys > 0
    }
}

/// Tries to sign in with `attempt`.
pub async fn attempt(ctx: &Ctx, attempt: SignInAttempt<'_>) -> Result<SignInOutcome, ServiceError> {
    let SignInAttempt {
        email,
        password,
        code,
        source,
        device,
    } = attempt;
    // Who is named, and whether this browser signed in to them before:
    // no hash yet.
    let key = throttle::account_key(ctx, email);
    let named = credentials::find(ctx, email).await?;
    // A known browser's own failures are counted per account, not per
    // cookie: however many device cookies one person holds (a sign-out
    // hands one back), they share one count.
    let device = device.and_then(|cookie| {
        named
            .as_ref()
            .filter(|u| {
                let binding = throttle::device_binding(u.password_hash.as_deref());
                throttle::device_is_known(ctx, Some(cookie), u.id, &binding)
            })
            .map(|u| u.id.to_be_bytes().to_vec())
    });
    if let Some(wait_secs) = held_for(ctx, Some(source), &key, device.as_deref()).await? {
        tracing::warn!("sign-in refused: throttled");
        return Ok(SignInOutcome::Throttled { wait_secs });
    }
    // Counted against its source before any hashing, and taken back if it
    // succeeds: a burst from one source reaches the source's limit as it
    // arrives, not after its hashes are done. (A known browser has its own
    // count and is not held by its source's.)
    let charged = match ctx.sources.try_charge(source) {
        Ok(()) => true,
        Err(_) if device.is_some() => false,
        Err(wait) => {
            tracing::warn!("sign-in refused: throttled");
            return Ok(SignInOutcome::Throttled {
                wait_secs: wait.as_secs() as i64,
            });
        }
    };

    // The Argon2 work: the password, then the code field, whose cost
    // depends only on what was typed in it (see `totp::check_second_factor`).
    let checked = credentials::check(ctx, named, password.clone()).await?;
    let (user, checked) = match checked {
        Some((user, checked)) => (Some(user), Some(checked)),
        None => (None, None),
    };
    // Look again after the slow check, before a one-time code or recovery
    // code is used up: a burst of parallel guesses all passed the first
    // look before any failure was counted, and must not get through
    // because one of them guessed right — nor burn the owner's codes.
    // (Looked at whether the password was right or not: the same work.)
    if let Some(wait_secs) = held_for(ctx, None, &key, device.as_deref()).await? {
        tracing::warn!("sign-in refused: throttled during verification");
        return Ok(SignInOutcome::Throttled { wait_secs });
    }
    let factors = match &user {
        Some(u) => Some(Factors::of(ctx, u).await?),
        None => None,
    };
    let totp_user = user
        .as_ref()
        .filter(|_| factors.is_some_and(|f| f.totp_signs_in));
    let second =
        totp::check_second_factor(ctx, user.as_ref().map(|u| u.id), totp_user, code).await?;
    // A right password and nothing in the code field: the second factor
    // comes in a second step.
    if let (Some(u), Some(f)) = (&user, factors)
        && f.any()
        && !second
        && code.trim().is_empty()
    {
        let checked = checked.expect("a right password was checked");
        let (seed, _) = keys::seed_at_sign_in(ctx, u, checked, password).await?;
        let token = wait_for_second_factor(ctx, u.id, &seed, charged).await?;
        // Counted as a failure until the second factor comes (then taken
        // back): a stolen password cannot open waiting sign-ins without
        // end, each with its own tries.
        if let Some(device) = device {
            ctx.known_devices.record_failure(device);
        }
        throttle::account_failed(ctx, key).await?;
        tracing::info!(user_id = u.id, "sign-in waits for its second factor");
        return Ok(SignInOutcome::SecondStep { token });
    }
    let user = user.filter(|_| factors.is_some_and(|f| !f.any()) || second);
    let Some(user) = user else {
        if let Some(device) = device {
            ctx.known_devices.record_failure(device);
        }
        throttle::account_failed(ctx, key).await?;
        tracing::info!("sign-in refused");
        return Ok(SignInOutcome::Refused);
    };
    if charged {
        ctx.sources.refund(&source);
    }
    throttle::account_succeeded(ctx, key).await?;
    if let Some(device) = &device {
        ctx.known_devices.forget(device);
    }
    let checked = checked.expect("a signed-in account was checked");
    let (seed, password_hash) = keys::seed_at_sign_in(ctx, &user, checked, password).await?;
    let how = if second { code_kind(code) } else { "password" };
    let factors = factors.expect("a signed-in account has its factors");
    complete(ctx, &user, factors, seed, password_hash, how).await
}

/// What kind of second factor a code field held, for the audit log.
fn code_kind(code: &str) -> &'static str {
    if totp::is_recovery_shaped(code) {
        "recovery code"
    } else {
        "authenticator app"
    }
}

/// The sign-in, once every factor is right: the account's keys opened, a
/// new session, the audit entry (with how the second factor was given).
async fn complete(
    ctx: &Ctx,
    user: &UserRow,
    factors: Factors,
    seed: Seed,
    password_hash: Option<String>,
    how: &'static str,
) -> Result<SignInOutcome, ServiceError> {
    let keys = keys::open_at_sign_in(ctx, user.id, seed, password_hash).await?;
    let session_token = super::session::begin(ctx, user.id, keys.secret.as_ref()).await?;
    let id = user.id;
    ctx.db
        .run(move |conn| {
            db::audit::record(
                conn,
                Some(id),
                "user.signin",
                "user",
                &id.to_string(),
                &format!("with {how}"),
            )
        })
        .await?;
    let binding = throttle::device_binding(keys.password_hash.as_deref());
    tracing::info!(user_id = user.id, "signed in");
    let role = StaffRole::parse(&user.role);
    let must_enrol = role.is_none_or(|role| {
        (must_use_second_factor(ctx.config.require_2fa, role) && !factors.any())
            || (must_use_passkey(ctx.config.require_passkey, role) && factors.passkeys == 0)
    });
    Ok(SignInOutcome::SignedIn(SignedIn {
        user_id: user.id,
        session_token,
        device_token: throttle::device_token(ctx, user.id, &binding),
        must_enrol,
        keys_open: keys.secret.is_some(),
        recovery_key: keys.recovery,
    }))
}

/// Keeps a sign-in whose password was right until its second factor
/// comes; the token for its cookie.
async fn wait_for_second_factor(
    ctx: &Ctx,
    user_id: i64,
    seed: &Seed,
    charged: bool,
) -> Result<String, ServiceError> {
    let token = new_token();
    let digest = digest_token(&token);
    let sealed =
        Seed::of_sign_in_token(&token).seal_seed(&Aad::sign_in_seed(user_id, &digest), seed);
    let expires_at = chrono::Utc::now() + chrono::Duration::seconds(SECOND_STEP_SECS);
    ctx.db
        .run(move |conn| {
            db::passkeys::insert_step(conn, &digest, user_id, &sealed, charged, expires_at)
        })
        .await?;
    Ok(token)
}

/// A sign-in waiting for its second factor, as its page shows it.
pub struct Waiting {
    pub user_id: i64,
    pub factors: Factors,
    /// The options for the browser to ask for a passkey (a new challenge),
    /// when the person has one.
    pub passkey_options: Option<String>,
}

/// The sign-in waiting under `token`, with a fresh passkey challenge;
/// `None` when it has ended (expired, finished, too many wrong answers).
pub async fn waiting(ctx: &Ctx, token: &str) -> Result<Option<Waiting>, ServiceError> {
    let digest = digest_token(token);
    let lookup = digest.clone();
    let Some((_, user)) = ctx.db.run(move |conn| step_and_user(conn, &lookup)).await? else {
        return Ok(None);
    };
    let factors = Factors::of(ctx, &user).await?;
    let passkey_options = passkeys::begin_sign_in(ctx, user.id, digest).await?;
    Ok(Some(Waiting {
        user_id: user.id,
        factors,
        passkey_options,
    }))
}

fn step_and_user(
    conn: &mut db::Conn,
    digest: &[u8],
) -> Result<Option<(db::passkeys::SignInStepRow, UserRow)>, db::DbError> {
    let Some(step) = db::passkeys::find_step(conn, digest)? else {
        return Ok(None);
    };
    let user = db::users::find(conn, step.user_id)?.filter(|u| u.active);
    Ok(user.map(|u| (step, u)))
}

/// The second factor given to a waiting sign-in.
pub enum SecondFactor<'a> {
    /// A passkey's answer (the browser's JSON).
    Passkey(&'a str),
    /// The code field: from the authenticator app, or a recovery code.
    Code(&'a str),
}

/// How giving a second factor ended.
pub enum StepOutcome {
    /// No sign-in waits under this token (expired, finished, or too many
    /// wrong answers): start again with the password.
    Gone,
    /// The passkey request expired or was already answered: ask again.
    AskAgain,
    /// Wrong; this many tries are left.
    Wrong {
        tries_left: i32,
    },
    SignedIn(SignedIn),
}

/// Completes the sign-in waiting under `token` with `factor`.
pub async fn second_step(
    ctx: &Ctx,
    token: &str,
    factor: SecondFactor<'_>,
    source: IpAddr,
) -> Result<StepOutcome, ServiceError> {
    let digest = digest_token(token);
    let lookup = digest.clone();
    let Some((step, user)) = ctx.db.run(move |conn| step_and_user(conn, &lookup)).await? else {
        return Ok(StepOutcome::Gone);
    };
    let factors = Factors::of(ctx, &user).await?;
    // A try is taken before the factor is checked: answers sent at once
    // cannot outnumber the tries.
    let lookup = digest.clone();
    let Some(tries) = ctx
        .db
        .run(move |conn| db::passkeys::take_try(conn, &lookup, SECOND_STEP_TRIES))
        .await?
    else {
        return Ok(StepOutcome::Gone);
    };
    let (right, what): (bool, &'static str) = match factor {
        SecondFactor::Passkey(answer) => {
            match passkeys::finish_sign_in(ctx, user.id, digest.clone(), answer).await {
                Ok(_) => (true, "passkey"),
                Err(PasskeyError::Expired) => {
                    let lookup = digest.clone();
                    ctx.db
                        .run(move |conn| db::passkeys::give_back_try(conn, &lookup))
                        .await?;
                    return Ok(StepOutcome::AskAgain);
                }
                Err(PasskeyError::Service(e)) => return Err(e),
                Err(_) => (false, "passkey"),
            }
        }
        SecondFactor::Code(code) => {
            let totp_user = Some(&user).filter(|_| factors.totp_signs_in);
            let right = totp::check_second_factor(ctx, Some(user.id), totp_user, code).await?;
            (right, code_kind(code))
        }
    };
    let key = throttle::account_key(ctx, &user.email);
    if !right {
        let lookup = digest.clone();
        let id = user.id;
        let spent = tries >= SECOND_STEP_TRIES;
        ctx.db
            .run(move |conn| {
                if spent {
                    db::passkeys::delete_step(conn, &lookup)?;
                }
                db::audit::record(
                    conn,
                    Some(id),
                    "user.signin",
                    "user",
                    &id.to_string(),
                    &format!("refused: wrong {what}"),
                )
            })
            .await?;
        throttle::account_failed(ctx, key).await?;
        tracing::info!(user_id = user.id, "second factor refused");
        return Ok(if spent {
            StepOutcome::Gone
        } else {
            StepOutcome::Wrong {
                tries_left: SECOND_STEP_TRIES - tries,
            }
        });
    }
    let how = what;
    // Whoever deletes the waiting sign-in finishes it: once.
    let lookup = digest.clone();
    if !ctx
        .db
        .run(move |conn| db::passkeys::delete_step(conn, &lookup))
        .await?
    {
        return Ok(StepOutcome::Gone);
    }
    let seed = Seed::of_sign_in_token(token)
        .open_seed(&Aad::sign_in_seed(user.id, &digest), &step.sealed_seed)
        .map_err(|_| ServiceError::internal(anyhow::anyhow!("waiting sign-in's seed")))?;
    if step.charged {
        ctx.sources.refund(&source);
    }
    throttle::account_succeeded(ctx, key).await?;
    ctx.known_devices.forget(&user.id.to_be_bytes().to_vec());
    let hash = user.password_hash.clone();
    match complete(ctx, &user, factors, seed, hash, how).await? {
        SignInOutcome::SignedIn(signed_in) => Ok(StepOutcome::SignedIn(signed_in)),
        _ => Err(ServiceError::internal(anyhow::anyhow!(
            "sign-in not completed"
        ))),
    }
}

/// How long this attempt must wait, if it is held back: by its known
/// browser's own count only, or else by its source's and its account
/// name's. Cheap checks, made before any Argon2 work.
///
/// `source` is `None` on the second look, after the password check: the
/// attempt has already been counted against its source, which the first
/// look judged.
async fn held_for(
    ctx: &Ctx,
    source: Option<IpAddr>,
    key: &[u8],
    device: Option<&[u8]>,
) -> Result<Option<i64>, ServiceError> {
    if let Some(device) = device {
        return Ok(ctx
            .known_devices
            .blocked_for(&device.to_vec())
            .map(|w| w.as_secs() as i64));
    }
    if let Some(wait) = source.and_then(|source| ctx.sources.blocked_for(&source)) {
        return Ok(Some(wait.as_secs() as i64));
    }
    let until = throttle::account_held_until(ctx, key.to_vec()).await?;
    Ok(until.map(|u| (u - chrono::Utc::now()).num_seconds().max(1)))
}
