//! The owner's passkeys: listing them, adding one under a name, removing
//! one (with the password and a current second factor), and confirming a
//! change with a second factor. None of it touches the sealed private key:
//! a passkey is a way in, not a key to anything sealed.

use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use super::AccountError;
use crate::auth::passkeys::{self, PasskeyError};
use crate::auth::policy::{must_use_passkey, must_use_second_factor};
use crate::auth::{Staff, throttle, totp};
use crate::cases::notify::Notifier;
use crate::context::Ctx;
use crate::crypto::Checked;
use crate::db::{self, users::UserRow};
use crate::domain::text;

/// The longest name a passkey may have.
pub const NAME_MAX_CHARS: usize = 60;

/// A passkey as its owner sees it.
pub struct Summary {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    /// It showed the sign of a cloned authenticator and signs in no more.
    pub suspended: bool,
}

pub async fn list(ctx: &Ctx, user_id: i64) -> Result<Vec<Summary>, AccountError> {
    let rows = ctx
        .db
        .run(move |conn| db::passkeys::for_user(conn, user_id))
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| Summary {
            id: r.id,
            name: r.name,
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            suspended: r.suspended_at.is_some(),
        })
        .collect())
}

/// A passkey's name as given: trimmed, without control characters, one to
/// [`NAME_MAX_CHARS`] characters.
pub fn parse_name(typed: &str) -> Result<String, AccountError> {
    let name = text::without_controls(typed)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        return Err(AccountError::PasskeyName("passkey-error-name-missing"));
    }
    if name.chars().count() > NAME_MAX_CHARS {
        return Err(AccountError::PasskeyName("passkey-error-name-long"));
    }
    Ok(name)
}

/// Begins adding a passkey named `name`: the options for the browser.
/// The password first, and a current second factor when the account has
/// one: a session alone (left open, or stolen) cannot add a way in.
pub async fn begin_adding(
    ctx: &Ctx,
    staff: &Staff,
    name: &str,
    password: Zeroizing<String>,
    given: Confirmation<'_>,
) -> Result<String, AccountError> {
    let name = parse_name(name)?;
    let has_factor = staff.totp_enabled || staff.has_passkey;
    reauthenticate(ctx, staff, password, has_factor.then_some(given)).await?;
    passkeys::begin_adding(
        ctx,
        staff.user_id,
        staff.token_digest.clone(),
        &staff.email,
        &staff.display_name,
        &name,
    )
    .await
    .map_err(passkey_error)
}

/// What adding a passkey did.
pub struct Added {
    pub name: String,
    /// New recovery codes, to be shown once: made when this passkey is the
    /// account's first second factor (and it has no unused codes).
    pub recovery_codes: Option<Vec<String>>,
}

/// Finishes adding a passkey with the browser's answer.
pub async fn finish_adding(ctx: &Ctx, staff: &Staff, answer: &str) -> Result<Added, AccountError> {
    let added = passkeys::finish_adding(ctx, staff.user_id, staff.token_digest.clone(), answer)
        .await
        .map_err(passkey_error)?;
    let id = staff.user_id;
    let unused = ctx
        .db
        .run(move |conn| db::recovery_codes::unused(conn, id))
        .await?;
    let recovery_codes = if unused.is_empty() && !staff.totp_enabled {
        Some(totp::new_recovery_codes(ctx, id).await?)
    } else {
        None
    };
    Ok(Added {
        name: added.name,
        recovery_codes,
    })
}

/// A current second factor, given to confirm a change.
pub enum Confirmation<'a> {
    /// A passkey's answer to the session's confirmation challenge.
    Passkey(&'a str),
    /// A code from the authenticator app, or a recovery code.
    Code(&'a str),
}

impl<'a> Confirmation<'a> {
    /// The passkey's answer if the form carries one, else its code field.
    pub fn from_form(passkey: &'a str, code: &'a str) -> Self {
        if passkey.trim().is_empty() {
            Self::Code(code)
        } else {
            Self::Passkey(passkey)
        }
    }
}

/// Asks for a passkey to confirm a change in this session: the options for
/// the browser, or `None` when the person has no passkey.
pub async fn begin_confirming(ctx: &Ctx, staff: &Staff) -> Result<Option<String>, AccountError> {
    Ok(passkeys::begin_confirming(ctx, staff.user_id, staff.token_digest.clone()).await?)
}

/// The signed-in person's account and its own throttle key, once this
/// attempt is counted (see `throttle::charge_first`): a session is no way
/// to guess passwords or codes, and a stranger holding the account's name
/// back at sign-in does not hold its owner back here.
async fn counted(ctx: &Ctx, staff: &Staff) -> Result<(UserRow, Vec<u8>), AccountError> {
    let id = staff.user_id;
    let user = ctx
        .db
        .run(move |conn| db::users::find(conn, id))
        .await?
        .filter(|u| u.active)
        .ok_or(AccountError::NoSuchAccount)?;
    let key = throttle::own_key(ctx, user.id);
    match throttle::charge_first(ctx, key.clone()).await? {
        Ok(()) => Ok((user, key)),
        Err(wait_secs) => Err(AccountError::Throttled {
            wait_secs: wait_secs as u64,
        }),
    }
}

/// Checks a current second factor of the signed-in person (counted).
pub async fn confirm(
    ctx: &Ctx,
    staff: &Staff,
    given: Confirmation<'_>,
) -> Result<(), AccountError> {
    let (user, key) = counted(ctx, staff).await?;
    check_factor(ctx, staff, &user, given).await?;
    throttle::account_succeeded(ctx, key).await?;
    Ok(())
}

/// Checks `given` against `user`'s second factors (the attempt is counted
/// by the caller).
async fn check_factor(
    ctx: &Ctx,
    staff: &Staff,
    user: &UserRow,
    given: Confirmation<'_>,
) -> Result<(), AccountError> {
    let right = match given {
        Confirmation::Passkey(answer) => {
            match passkeys::finish_confirming(
                ctx,
                staff.user_id,
                staff.token_digest.clone(),
                answer,
            )
            .await
            {
                Ok(_) => Ok(()),
                Err(PasskeyError::Service(e)) => return Err(AccountError::Service(e)),
                Err(e) => Err(AccountError::Passkey(e)),
            }
        }
        Confirmation::Code(code) => {
            let factors = crate::auth::sign_in::Factors::of(ctx, user).await?;
            let totp_user = Some(user).filter(|_| factors.totp_signs_in);
            if totp::check_second_factor(ctx, Some(user.id), totp_user, code).await? {
                Ok(())
            } else {
                Err(AccountError::WrongCode)
            }
        }
    };
    if right.is_err() {
        tracing::info!(user_id = user.id, "second factor refused");
    }
    right
}

/// The password and, when `given`, a current second factor of the
/// signed-in person: one attempt, counted before either is checked, and
/// taken back only when both are right.
pub async fn reauthenticate(
    ctx: &Ctx,
    staff: &Staff,
    password: Zeroizing<String>,
    given: Option<Confirmation<'_>>,
) -> Result<(), AccountError> {
    let (user, key) = counted(ctx, staff).await?;
    if let Checked::Wrong = ctx
        .hasher
        .check(password, user.password_hash.clone())
        .await?
    {
        tracing::info!(user_id = user.id, "refused: wrong password");
        return Err(AccountError::WrongPassword);
    }
    if let Some(given) = given {
        check_factor(ctx, staff, &user, given).await?;
    }
    throttle::account_succeeded(ctx, key).await?;
    Ok(())
}

/// Removes passkey `id` of the signed-in person: their password and a
/// current second factor first. Not their last passkey if they must use
/// one, nor their last second factor if they must have one. Audited; the
/// removed passkey's name.
pub async fn remove(
    ctx: &Ctx,
    staff: &Staff,
    id: i64,
    password: Zeroizing<String>,
    given: Confirmation<'_>,
) -> Result<String, AccountError> {
    let user_id = staff.user_id;
    let (user, count) = ctx
        .db
        .run(move |conn| {
            Ok((
                db::users::find(conn, user_id)?,
                db::passkeys::for_user(conn, user_id)?,
            ))
        })
        .await?;
    let user = user
        .filter(|u| u.active)
        .ok_or(AccountError::NoSuchAccount)?;
    if !count.iter().any(|p| p.id == id) {
        return Err(AccountError::NoSuchPasskey);
    }
    let left = count.len() - 1;
    if left == 0 && must_use_passkey(ctx.config.require_passkey, staff.role) {
        return Err(AccountError::PasskeyRequired);
    }
    if left == 0 && !user.totp_enabled && must_use_second_factor(ctx.config.require_2fa, staff.role)
    {
        return Err(AccountError::SecondFactorRequired);
    }
    // The password and a current second factor, throttled as at sign-in.
    reauthenticate(ctx, staff, password, Some(given)).await?;
    // Checked again under a lock on the account: two removals at once
    // cannot take away the last one between them.
    let passkey_required = must_use_passkey(ctx.config.require_passkey, staff.role);
    let factor_required = must_use_second_factor(ctx.config.require_2fa, staff.role);
    let notifier = Notifier::new(&ctx.config);
    let keep = staff.token_digest.clone();
    let removed = ctx
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let totp = db::passkeys::lock_owner(conn, user_id)?;
                let Some(name) = db::passkeys::delete(conn, user_id, id)? else {
                    return Ok(Err(AccountError::NoSuchPasskey));
                };
                let left = db::passkeys::count(conn, user_id)?;
                if left == 0 && passkey_required {
                    return Err(db::DbError::Conflict);
                }
                if left == 0 && !totp && factor_required {
                    return Err(db::DbError::Conflict);
                }
                passkeys::audited_and_told(conn, &notifier, user_id, &format!("removed {id}"))?;
                // Whoever else holds a session signs in again (with what
                // is left).
                db::sessions::delete_others(conn, user_id, &keep)?;
                Ok(Ok(name))
            })
        })
        .await;
    let name = match removed {
        Ok(done) => done?,
        Err(db::DbError::Conflict) if passkey_required => {
            return Err(AccountError::PasskeyRequired);
        }
        Err(db::DbError::Conflict) => return Err(AccountError::SecondFactorRequired),
        Err(e) => return Err(e.into()),
    };
    tracing::info!(user_id, passkey_id = id, "passkey removed");
    Ok(name)
}

/// The name of passkey `id` of `user_id`, for the page that asks to
/// confirm its removal.
pub async fn name_of(ctx: &Ctx, user_id: i64, id: i64) -> Result<String, AccountError> {
    list(ctx, user_id)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .map(|p| p.name)
        .ok_or(AccountError::NoSuchPasskey)
}

fn passkey_error(e: PasskeyError) -> AccountError {
    match e {
        PasskeyError::Service(e) => AccountError::Service(e),
        e => AccountError::Passkey(e),
    }
}

/// An admin removes every second factor of account `id` (its passkeys, its
/// authenticator app, its recovery codes) for someone who lost them all:
/// its sessions and any waiting sign-in end, and at its next sign-in the
/// password alone leads to setting one up again (where one is required,
/// nothing else is reachable until then). Not one's own account. Audited,
/// and the owner told.
pub async fn reset_factors(ctx: &Ctx, admin: i64, id: i64) -> Result<(), AccountError> {
    if admin == id {
        return Err(AccountError::OwnAccount);
    }
    let notifier = Notifier::new(&ctx.config);
    let done = ctx
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let Some(user) = db::users::find(conn, id)? else {
                    return Ok(false);
                };
                db::passkeys::lock_owner(conn, id)?;
                let removed = db::passkeys::delete_all(conn, id)?;
                db::users::disable_totp(conn, id)?;
                db::recovery_codes::delete_for_user(conn, id)?;
                db::sessions::delete_for_user(conn, id)?;
                db::passkeys::delete_steps_of(conn, id)?;
                db::audit::record(
                    conn,
                    Some(admin),
                    "user.factors_reset",
                    "user",
                    &id.to_string(),
                    &format!("{removed} passkeys, app and recovery codes removed"),
                )?;
                notifier.second_factor_changed(conn, &user)?;
                Ok(true)
            })
        })
        .await?;
    if !done {
        return Err(AccountError::NoSuchAccount);
    }
    tracing::info!(admin_id = admin, user_id = id, "second factors reset");
    Ok(())
}
