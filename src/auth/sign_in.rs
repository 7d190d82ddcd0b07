//! Signing in, whatever asked for it: the throttle's checks, the password
//! and the second factor, and on success a new session. It knows nothing
//! of HTTP; the sign-in page turns its outcome into a page and cookies.
//!
//! A failed sign-in gets one outcome whatever went wrong (no such account,
//! wrong password, wrong one-time code, account deactivated), after the
//! same Argon2 work. A throttled attempt costs no hash.

use std::net::IpAddr;

use zeroize::Zeroizing;

use super::policy::must_use_second_factor;
use super::{credentials, keys, throttle, totp};
use crate::context::Ctx;
use crate::crypto::RecoveryKey;
use crate::domain::StaffRole;
use crate::error::ServiceError;

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
    let enrolled = user.as_ref().filter(|u| u.totp_enabled);
    let second = totp::check_second_factor(ctx, enrolled, code).await?;
    let user = user.filter(|u| !u.totp_enabled || second);
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
    let keys = keys::at_sign_in(ctx, &user, checked, password).await?;
    let session_token = super::session::begin(ctx, user.id, keys.secret.as_ref()).await?;
    crate::audit::view(ctx, user.id, "user.signin", "user", user.id.to_string()).await?;
    let binding = throttle::device_binding(keys.password_hash.as_deref());
    tracing::info!(user_id = user.id, "signed in");
    let must_enrol = StaffRole::parse(&user.role)
        .is_none_or(|role| must_use_second_factor(ctx.config.require_2fa, role))
        && !user.totp_enabled;
    Ok(SignInOutcome::SignedIn(SignedIn {
        user_id: user.id,
        session_token,
        device_token: throttle::device_token(ctx, user.id, &binding),
        must_enrol,
        keys_open: keys.secret.is_some(),
        recovery_key: keys.recovery,
    }))
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
