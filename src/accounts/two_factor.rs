//! The owner's two-factor sign-in: where enrolment stands, turning it on
//! with a first code (recovery codes come with it), new recovery codes, and
//! turning it off where the role allows.

use super::AccountError;
use crate::auth::policy::must_use_second_factor;
use crate::auth::totp;
use crate::context::Ctx;
use crate::db::{self, users::UserRow};
use crate::domain::StaffRole;
use crate::error::ServiceError;

/// Where an account's two-factor sign-in stands.
pub struct Status {
    pub enabled: bool,
    /// The base-32 key of an enrolment begun and not yet confirmed.
    pub pending_key: Option<String>,
    /// Whether the role must use it (so it cannot be turned off).
    pub required: bool,
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
    Ok(Status {
        enabled: user.totp_enabled,
        pending_key,
        required: must_use_second_factor(ctx.config.require_2fa, role),
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
pub async fn enable(ctx: &Ctx, id: i64, code: &str) -> Result<Option<Vec<String>>, AccountError> {
    let user = user(ctx, id).await?;
    if user.totp_enabled || user.totp_secret.is_none() {
        return Ok(None);
    }
    if !totp::check_code(ctx, &user, code).await? {
        return Err(AccountError::WrongCode);
    }
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
                )
            })
        })
        .await?;
    let codes = totp::new_recovery_codes(ctx, id).await?;
    tracing::info!(user_id = id, "two-factor sign-in enabled");
    Ok(Some(codes))
}

/// New recovery codes, replacing the old ones (needs a current code).
pub async fn new_recovery_codes(
    ctx: &Ctx,
    id: i64,
    code: &str,
) -> Result<Vec<String>, AccountError> {
    let user = user(ctx, id).await?;
    if !user.totp_enabled || !totp::check_code(ctx, &user, code).await? {
        return Err(AccountError::WrongCode);
    }
    Ok(totp::new_recovery_codes(ctx, id).await?)
}

/// Turns two-factor sign-in off (not for those who must keep it: admins,
/// and every role under `HAVEN_REQUIRE_2FA=all`), with its recovery codes.
pub async fn disable(ctx: &Ctx, id: i64, role: StaffRole, code: &str) -> Result<(), AccountError> {
    if must_use_second_factor(ctx.config.require_2fa, role) {
        return Err(AccountError::SecondFactorRequired);
    }
    let user = user(ctx, id).await?;
    if !user.totp_enabled || !totp::check_code(ctx, &user, code).await? {
        return Err(AccountError::WrongCode);
    }
    ctx.db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::users::disable_totp(conn, id)?;
                db::audit::record(
                    conn,
                    Some(id),
                    "user.totp",
                    "user",
                    &id.to_string(),
                    "disabled",
                )?;
                db::recovery_codes::delete_for_user(conn, id)
            })
        })
        .await?;
    tracing::info!(user_id = id, "two-factor sign-in disabled");
    Ok(())
}
