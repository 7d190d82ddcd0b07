//! The owner's two-factor sign-in: where enrolment stands, turning it on
//! with a first code (recovery codes come with it), new recovery codes, and
//! turning it off where the role allows.

use super::AccountError;
use crate::auth::policy::{must_use_passkey, must_use_second_factor};
use crate::auth::{throttle, totp};
use crate::cases::notify::Notifier;
use crate::context::Ctx;
use crate::db::{self, users::UserRow};
use crate::domain::StaffRole;
use crate::error::ServiceError;

/// Where an account's two-factor sign-in stands.
pub struct Status {
    /// The authenticator app is on.
    pub enabled: bool,
    /// The base-32 key of an enrolment begun and not yet confirmed.
    pub pending_key: Option<String>,
    /// Whether the role must have a second factor.
    pub required: bool,
    /// Whether the role must have a passkey.
    pub passkey_required: bool,
    /// How many passkeys the account has.
    pub passkeys: i64,
    /// Unused recovery codes left.
    pub recovery_codes_left: usize,
}

async fn user(ctx: &Ctx, id: i64) -> Result<UserRow, AccountError> {
    ctx.db
        .run(move |conn| db::users::find(conn, id))
        .await?
        .ok_or(AccountError::NoSuchAccount)
}

pub async fn status(ctx: &Ctx, id: i64, role: StaffRole) -> Result<Status, AccountError> {
    let user = user(ctx, id).await?;
    let pending_key = if user.totp_enabled {
        None
    } else {
        totp::enrolment_details(ctx, &user)?.map(|(_, key)| key.to_string())
    };
    let (passkeys, codes) = ctx
        .db
        .run(move |conn| {
            Ok((
                db::passkeys::count(conn, id)?,
                db::recovery_codes::unused(conn, id)?.len(),
            ))
        })
        .await?;
    Ok(Status {
        enabled: user.totp_enabled,
        pending_key,
        required: must_use_second_factor(ctx.config.require_2fa, role),
        passkey_required: must_use_passkey(ctx.config.require_passkey, role),
        passkeys,
        recovery_codes_left: codes,
    })
}

/// The `otpauth://` address of a pending enrolment, for its QR code; none
/// when nothing is pending.
pub async fn enrolment_url(ctx: &Ctx, id: i64) -> Result<Option<String>, AccountError> {
    let user = user(ctx, id).await?;
    if user.totp_enabled {
        return Ok(None);
    }
    Ok(totp::enrolment_details(ctx, &user)?.map(|(url, _)| url.to_string()))
}

/// Begins an enrolment (a new pending secret) unless already enrolled.
pub async fn start(ctx: &Ctx, id: i64, enabled: bool) -> Result<(), ServiceError> {
    if enabled {
        return Ok(());
    }
    totp::start_enrolment(ctx, id).await
}

/// Turns two-factor sign-in on with a first code from the pending secret;
/// returns the new recovery codes, or none when nothing was pending.
pub async fn enable(
    ctx: &Ctx,
    id: i64,
    keep: Vec<u8>,
    code: &str,
) -> Result<Option<Vec<String>>, AccountError> {
    let user = user(ctx, id).await?;
    if user.totp_enabled || user.totp_secret.is_none() {
        return Ok(None);
    }
    if !totp::check_code(ctx, &user, code).await? {
        return Err(AccountError::WrongCode);
    }
    let notifier = Notifier::new(&ctx.config);
    ctx.db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::users::enable_totp(conn, id)?;
                db::audit::record(
                    conn,
                    Some(id),
                    "user.totp",
                    "user",
                    &id.to_string(),
                    "enabled",
                )?;
                db::sessions::delete_others(conn, id, &keep)?;
                notifier.second_factor_changed(conn, &user)
            })
        })
        .await?;
    let codes = totp::new_recovery_codes(ctx, id).await?;
    tracing::info!(user_id = id, "two-factor sign-in enabled");
    Ok(Some(codes))
}

/// New recovery codes, replacing the old ones, for an account with a
/// second factor (the caller has confirmed a current one); audited, and
/// the owner told.
pub async fn new_recovery_codes(
    ctx: &Ctx,
    id: i64,
    keep: Vec<u8>,
) -> Result<Vec<String>, AccountError> {
    let user = user(ctx, id).await?;
    let passkeys = ctx
        .db
        .run(move |conn| db::passkeys::count(conn, id))
        .await?;
    if !user.totp_enabled && passkeys == 0 {
        return Err(AccountError::WrongCode);
    }
    let codes = totp::new_recovery_codes(ctx, id).await?;
    let notifier = Notifier::new(&ctx.config);
    ctx.db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::audit::record(
                    conn,
                    Some(id),
                    "user.recovery_codes",
                    "user",
                    &id.to_string(),
                    "made",
                )?;
                db::sessions::delete_others(conn, id, &keep)?;
                notifier.second_factor_changed(conn, &user)
            })
        })
        .await?;
    Ok(codes)
}

/// Turns the authenticator app off (not for those who must have a second
/// factor and have no passkey). Its recovery codes go with it; an account
/// that keeps a passkey gets new ones (returned, to be shown once), so that
/// codes someone else may have seen stop working. A wrong code counts as
/// on the person's other account pages.
pub async fn disable(
    ctx: &Ctx,
    id: i64,
    role: StaffRole,
    keep: Vec<u8>,
    code: &str,
) -> Result<Option<Vec<String>>, AccountError> {
    let required = must_use_second_factor(ctx.config.require_2fa, role);
    let passkeys = ctx
        .db
        .run(move |conn| db::passkeys::count(conn, id))
        .await?;
    if passkeys == 0 && required {
        return Err(AccountError::SecondFactorRequired);
    }
    let user = user(ctx, id).await?;
    // Counted before it is checked, against the person's own sessions (see
    // `accounts::passkeys::reauthenticate`).
    let key = throttle::own_key(ctx, id);
    if let Err(wait_secs) = throttle::charge_first(ctx, key.clone()).await? {
        return Err(AccountError::Throttled {
            wait_secs: wait_secs as u64,
        });
    }
    if !user.totp_enabled || !totp::check_code(ctx, &user, code).await? {
        return Err(AccountError::WrongCode);
    }
    throttle::account_succeeded(ctx, key).await?;
    let notifier = Notifier::new(&ctx.config);
    let left = ctx
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                // Counted again under a lock on the account: a passkey
                // removed meanwhile cannot leave it with nothing.
                db::passkeys::lock_owner(conn, id)?;
                let passkeys = db::passkeys::count(conn, id)?;
                if passkeys == 0 && required {
                    return Ok(None);
                }
                db::users::disable_totp(conn, id)?;
                db::audit::record(
                    conn,
                    Some(id),
                    "user.totp",
                    "user",
                    &id.to_string(),
                    "disabled",
                )?;
                db::recovery_codes::delete_for_user(conn, id)?;
                db::sessions::delete_others(conn, id, &keep)?;
                notifier.second_factor_changed(conn, &user)?;
                Ok(Some(passkeys))
            })
        })
        .await?;
    let Some(passkeys) = left else {
        return Err(AccountError::SecondFactorRequired);
    };
    tracing::info!(user_id = id, "two-factor sign-in disabled");
    if passkeys == 0 {
        return Ok(None);
    }
    Ok(Some(totp::new_recovery_codes(ctx, id).await?))
}
