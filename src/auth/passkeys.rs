//! Passkeys and security keys (WebAuthn, through `webauthn-rs`) as a second
//! factor for staff: adding one, and asking for one at sign-in or to
//! confirm a change.
//!
//! The relying party is Haven at `HAVEN_BASE_URL`: its host is the
//! relying-party id and its origin the only one accepted, so an assertion
//! made for any other site (a phishing page) is refused. Every challenge
//! is kept server-side, bound to what asked for it (a sign-in waiting for
//! its second factor, or a session), taken at most once and short-lived.
//! Passkeys must verify their user (a PIN or biometric on the key).
//!
//! A signature counter that does not move forward, or a credential that
//! changes whether it may be backed up, is the sign of a cloned
//! authenticator: the assertion is refused and audited.

use std::time::Duration;

use webauthn_rs::prelude::{
    CreationChallengeResponse, Passkey, PasskeyAuthentication, PasskeyRegistration,
    PublicKeyCredential, RegisterPublicKeyCredential, RequestChallengeResponse, Url, Uuid,
    Webauthn, WebauthnBuilder, WebauthnError,
};

use crate::config::Config;
use crate::context::Ctx;
use crate::db::{self, passkeys::PasskeyRow};
use crate::error::ServiceError;

/// How long a passkey challenge stays answerable. The browser's own prompt
/// is given the same time.
pub const CHALLENGE_SECS: i64 = 5 * 60;

/// The relying party for `config`: `None` when `HAVEN_BASE_URL` names its
/// host by an IP address, which WebAuthn does not accept, or is plain HTTP
/// other than on localhost (browsers refuse passkeys there) — an error if
/// passkeys are required.
pub fn relying_party(config: &Config) -> anyhow::Result<Option<Webauthn>> {
    let url = Url::parse(&config.base_url)
        .map_err(|e| anyhow::anyhow!("HAVEN_BASE_URL is not a URL: {e}"))?;
    let Some(domain) = url.domain().map(str::to_string) else {
        if config.require_passkey != crate::config::PasskeyRule::Nobody {
            anyhow::bail!(
                "HAVEN_REQUIRE_PASSKEY needs HAVEN_BASE_URL to name Haven's host by a domain \
                 name: passkeys do not work at an IP address ({})",
                config.base_url
            );
        }
        return Ok(None);
    };
    // Browsers offer WebAuthn only in a secure context: HTTPS, or plain
    // HTTP on localhost.
    let local = domain == "localhost" || domain.ends_with(".localhost");
    if url.scheme() != "https" && !local {
        if config.require_passkey != crate::config::PasskeyRule::Nobody {
            anyhow::bail!(
                "HAVEN_REQUIRE_PASSKEY needs HAVEN_BASE_URL to be https:// (or localhost): \
                 browsers offer passkeys nowhere else ({})",
                config.base_url
            );
        }
        return Ok(None);
    }
    let origin = Url::parse(&url.origin().ascii_serialization())
        .map_err(|e| anyhow::anyhow!("HAVEN_BASE_URL has no origin: {e}"))?;
    let rp = WebauthnBuilder::new(&domain, &origin)
        .and_then(|b| {
            b.rp_name("Haven")
                .timeout(Duration::from_secs(CHALLENGE_SECS as u64))
                .build()
        })
        .map_err(|e| anyhow::anyhow!("passkeys cannot be set up for HAVEN_BASE_URL: {e}"))?;
    Ok(Some(rp))
}

/// Why a passkey was not accepted.
#[derive(Debug, thiserror::Error)]
pub enum PasskeyError {
    /// Passkeys cannot work at this Haven's address.
    #[error("passkeys are not available at this address")]
    Unavailable,
    /// No challenge is waiting (expired, already answered, or never asked).
    #[error("the passkey request expired or was already answered")]
    Expired,
    /// The answer is not a passkey's, or not for this challenge, origin or
    /// account.
    #[error("the passkey was not accepted")]
    Refused,
    /// The authenticator looks cloned (its counter went back, or its
    /// backup flags changed).
    #[error("the passkey looks cloned")]
    Cloned,
    /// Adding a passkey already registered.
    #[error("the passkey is already registered")]
    AlreadyRegistered,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<db::DbError> for PasskeyError {
    fn from(e: db::DbError) -> Self {
        Self::Service(e.into())
    }
}

fn rp(ctx: &Ctx) -> Result<&Webauthn, PasskeyError> {
    ctx.passkeys.as_deref().ok_or(PasskeyError::Unavailable)
}

fn json<T: serde::Serialize>(value: &T) -> Result<serde_json::Value, ServiceError> {
    serde_json::to_value(value).map_err(|e| ServiceError::internal(anyhow::anyhow!("{e}")))
}

fn options<T: serde::Serialize>(value: &T) -> Result<String, ServiceError> {
    serde_json::to_string(value).map_err(|e| ServiceError::internal(anyhow::anyhow!("{e}")))
}

/// The stored passkeys of a person, as the WebAuthn library takes them.
fn credentials(rows: &[PasskeyRow]) -> Result<Vec<Passkey>, ServiceError> {
    rows.iter()
        .map(|row| {
            serde_json::from_value::<Passkey>(row.credential.clone()).map_err(|e| {
                ServiceError::internal(anyhow::anyhow!("passkey {} unreadable: {e}", row.id))
            })
        })
        .collect()
}

fn expires_at() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now() + chrono::Duration::seconds(CHALLENGE_SECS)
}

/// The options for the browser to make a new passkey for `user_id` (their
/// email and name are what the authenticator shows), and the challenge kept
/// for the session until the answer comes back with `name`.
pub async fn begin_adding(
    ctx: &Ctx,
    user_id: i64,
    session_digest: Vec<u8>,
    email: &str,
    display_name: &str,
    name: &str,
) -> Result<String, PasskeyError> {
    let rp = rp(ctx)?;
    let fresh = crate::crypto::random_bytes::<16>();
    let (handle, existing) = ctx
        .db
        .run(move |conn| {
            Ok((
                db::passkeys::handle(conn, user_id, fresh)?,
                db::passkeys::for_user(conn, user_id)?,
            ))
        })
        .await?;
    let handle = Uuid::from_slice(&handle)
        .map_err(|_| ServiceError::internal(anyhow::anyhow!("passkey handle of {user_id}")))?;
    let exclude = existing.iter().map(|p| p.credential_id.clone()).collect();
    let shown = if display_name.is_empty() {
        email
    } else {
        display_name
    };
    let (creation, state): (CreationChallengeResponse, PasskeyRegistration) = rp
        .start_passkey_registration(handle, email, shown, Some(exclude))
        .map_err(|e| ServiceError::internal(anyhow::anyhow!("passkey registration: {e}")))?;
    let state = json(&state)?;
    let name = name.to_string();
    ctx.db
        .run(move |conn| {
            db::passkeys::set_challenge(
                conn,
                &session_digest,
                "add",
                &state,
                Some(&name),
                expires_at(),
            )
        })
        .await?;
    Ok(options(&creation)?)
}

/// A passkey added.
pub struct Added {
    pub id: i64,
    pub name: String,
}

/// Checks the browser's answer to [`begin_adding`] and stores the new
/// passkey (audited), under the name given when it was begun.
pub async fn finish_adding(
    ctx: &Ctx,
    user_id: i64,
    session_digest: Vec<u8>,
    answer: &str,
) -> Result<Added, PasskeyError> {
    let rp = rp(ctx)?;
    let keep = session_digest.clone();
    let taken = ctx
        .db
        .run(move |conn| db::passkeys::take_challenge(conn, &session_digest, "add"))
        .await?;
    let Some((state, name)) = taken else {
        return Err(PasskeyError::Expired);
    };
    let state: PasskeyRegistration =
        serde_json::from_value(state).map_err(|_| PasskeyError::Expired)?;
    let answer: RegisterPublicKeyCredential =
        serde_json::from_str(answer).map_err(|_| PasskeyError::Refused)?;
    let passkey = match rp.finish_passkey_registration(&answer, &state) {
        Ok(passkey) => passkey,
        Err(e) => {
            // One of the person's own offered again: the library refuses
            // it as excluded (under a misleading name).
            let raw_id = answer.raw_id.clone();
            let theirs = ctx
                .db
                .run(move |conn| db::passkeys::for_user(conn, user_id))
                .await?
                .iter()
                .any(|p| p.credential_id == raw_id);
            if theirs {
                return Err(PasskeyError::AlreadyRegistered);
            }
            tracing::info!(user_id, error = %e, "passkey not added");
            return Err(PasskeyError::Refused);
        }
    };
    let credential = json(&passkey)?;
    let sign_count = credential
        .pointer("/cred/counter")
        .and_then(serde_json::Value::as_i64)
        .unwrap_or(0);
    let credential_id = passkey.cred_id().clone();
    let name = name.unwrap_or_default();
    let stored_name = name.clone();
    let notifier = crate::cases::notify::Notifier::new(&ctx.config);
    let id = ctx
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let Some(id) = db::passkeys::insert(
                    conn,
                    user_id,
                    &credential_id,
                    &stored_name,
                    &credential,
                    sign_count,
                )?
                else {
                    return Ok(None);
                };
                // The owner is told (a passkey added from a stolen session
                // does not go unseen), and their other sessions end.
                audited_and_told(conn, &notifier, user_id, &format!("added {id}"))?;
                db::sessions::delete_others(conn, user_id, &keep)?;
                Ok(Some(id))
            })
        })
        .await?
        .ok_or(PasskeyError::AlreadyRegistered)?;
    tracing::info!(user_id, passkey_id = id, "passkey added");
    Ok(Added { id, name })
}

/// The options for the browser to answer with one of `user_id`'s passkeys,
/// and the challenge's state to keep; `None` when they have none (or
/// passkeys cannot work here).
async fn begin_asking(
    ctx: &Ctx,
    user_id: i64,
) -> Result<Option<(String, serde_json::Value)>, ServiceError> {
    let Some(rp) = ctx.passkeys.as_deref() else {
        return Ok(None);
    };
    let rows: Vec<PasskeyRow> = ctx
        .db
        .run(move |conn| db::passkeys::for_user(conn, user_id))
        .await?
        .into_iter()
        .filter(|r| r.suspended_at.is_none())
        .collect();
    if rows.is_empty() {
        return Ok(None);
    }
    let (request, state): (RequestChallengeResponse, PasskeyAuthentication) = rp
        .start_passkey_authentication(&credentials(&rows)?)
        .map_err(|e| ServiceError::internal(anyhow::anyhow!("passkey challenge: {e}")))?;
    Ok(Some((options(&request)?, json(&state)?)))
}

/// Asks for a passkey to complete the waiting sign-in `step_digest`: the
/// options for the browser, or `None` when the person has no passkey (or
/// passkeys cannot work here). A new challenge replaces any earlier one.
pub async fn begin_sign_in(
    ctx: &Ctx,
    user_id: i64,
    step_digest: Vec<u8>,
) -> Result<Option<String>, ServiceError> {
    let Some((options, state)) = begin_asking(ctx, user_id).await? else {
        return Ok(None);
    };
    let kept = ctx
        .db
        .run(move |conn| db::passkeys::set_step_challenge(conn, &step_digest, &state))
        .await?;
    Ok(kept.then_some(options))
}

/// Asks for a passkey to confirm a change in the session `session_digest`
/// (removing a passkey, new recovery codes): the options for the browser,
/// or `None` when the person has no passkey.
pub async fn begin_confirming(
    ctx: &Ctx,
    user_id: i64,
    session_digest: Vec<u8>,
) -> Result<Option<String>, ServiceError> {
    let Some((options, state)) = begin_asking(ctx, user_id).await? else {
        return Ok(None);
    };
    ctx.db
        .run(move |conn| {
            db::passkeys::set_challenge(
                conn,
                &session_digest,
                "confirm",
                &state,
                None,
                expires_at(),
            )
        })
        .await?;
    Ok(Some(options))
}

/// Checks the answer to a waiting sign-in's passkey challenge (taken, so
/// it answers once) for `user_id`; the passkey's id.
pub async fn finish_sign_in(
    ctx: &Ctx,
    user_id: i64,
    step_digest: Vec<u8>,
    answer: &str,
) -> Result<i64, PasskeyError> {
    rp(ctx)?;
    let state = ctx
        .db
        .run(move |conn| db::passkeys::take_step_challenge(conn, &step_digest))
        .await?
        .ok_or(PasskeyError::Expired)?;
    verify(ctx, user_id, state, answer).await
}

/// Checks the answer to a session's confirmation challenge for `user_id`;
/// the passkey's id.
pub async fn finish_confirming(
    ctx: &Ctx,
    user_id: i64,
    session_digest: Vec<u8>,
    answer: &str,
) -> Result<i64, PasskeyError> {
    rp(ctx)?;
    let (state, _) = ctx
        .db
        .run(move |conn| db::passkeys::take_challenge(conn, &session_digest, "confirm"))
        .await?
        .ok_or(PasskeyError::Expired)?;
    verify(ctx, user_id, state, answer).await
}

/// Verifies an assertion against a challenge's state: the origin, the
/// relying party, the challenge, user verification and the signature (by
/// the library), then that the credential is still this person's and that
/// its counter moved forward (here, atomically with recording the use).
async fn verify(
    ctx: &Ctx,
    user_id: i64,
    state: serde_json::Value,
    answer: &str,
) -> Result<i64, PasskeyError> {
    let rp = rp(ctx)?;
    let state: PasskeyAuthentication =
        serde_json::from_value(state).map_err(|_| PasskeyError::Expired)?;
    let answer: PublicKeyCredential =
        serde_json::from_str(answer).map_err(|_| PasskeyError::Refused)?;
    let result = match rp.finish_passkey_authentication(&answer, &state) {
        Ok(result) => result,
        // The counter is checked after the signature: a real answer from
        // a copy of the key. The passkey is suspended.
        Err(WebauthnError::CredentialPossibleCompromise) => {
            return Err(
                match cloned(ctx, user_id, answer.raw_id.clone(), COUNTER_BACK).await? {
                    Some(_) => PasskeyError::Cloned,
                    None => PasskeyError::Refused,
                },
            );
        }
        // Backup flags are looked at before the signature, so anyone can
        // claim them: refused and audited, never a reason to suspend.
        Err(e) if backup_signal(&e).is_some() => {
            let why = backup_signal(&e).unwrap_or_default();
            refused_flags(ctx, user_id, answer.raw_id.clone(), why).await?;
            return Err(PasskeyError::Refused);
        }
        // An answer to a challenge since replaced (another tab, a page
        // shown again): nothing was checked, so it is asked again.
        Err(WebauthnError::MismatchedChallenge) => return Err(PasskeyError::Expired),
        Err(e) => {
            tracing::info!(user_id, error = %e, "passkey refused");
            return Err(PasskeyError::Refused);
        }
    };
    let credential_id = result.cred_id().clone();
    let sign_count = i64::from(result.counter());
    let lookup = credential_id.clone();
    let rows = ctx
        .db
        .run(move |conn| db::passkeys::for_user(conn, user_id))
        .await?;
    // Removed or suspended since the challenge was made.
    let Some(row) = rows
        .into_iter()
        .find(|r| r.credential_id == lookup && r.suspended_at.is_none())
    else {
        return Err(PasskeyError::Refused);
    };
    let mut passkey: Passkey =
        serde_json::from_value(row.credential.clone()).map_err(|_| PasskeyError::Refused)?;
    passkey.update_credential(&result);
    let credential = json(&passkey)?;
    let id = row.id;
    let stored = credential_id.clone();
    let moved = ctx
        .db
        .run(move |conn| db::passkeys::record_use(conn, user_id, &stored, sign_count, &credential))
        .await?;
    if !moved {
        // Another answer with this counter (or a later one) came first —
        // unless the passkey was removed or suspended meanwhile.
        return Err(
            match cloned(ctx, user_id, credential_id, COUNTER_BACK).await? {
                Some(_) => PasskeyError::Cloned,
                None => PasskeyError::Refused,
            },
        );
    }
    Ok(id)
}

/// Records a change of `user_id`'s passkeys in the audit log and tells
/// its owner by email, in the caller's transaction.
pub(crate) fn audited_and_told(
    conn: &mut db::Conn,
    notifier: &crate::cases::notify::Notifier,
    user_id: i64,
    detail: &str,
) -> Result<(), db::DbError> {
    db::audit::record(
        conn,
        Some(user_id),
        "user.passkey",
        "user",
        &user_id.to_string(),
        detail,
    )?;
    if let Some(owner) = db::users::find(conn, user_id)? {
        notifier.second_factor_changed(conn, &owner)?;
    }
    Ok(())
}

const COUNTER_BACK: &str = "the signature counter did not move forward";

/// Why an error of the library about an answer's backup flags is
/// suspicious, in the audit log's words; `None` for other refusals.
fn backup_signal(e: &WebauthnError) -> Option<&'static str> {
    match e {
        WebauthnError::CredentialBackupEligibilityInconsistent => {
            Some("whether it may be backed up changed")
        }
        WebauthnError::CredentialMayNotBeHardwareBound => {
            Some("it says it is backed up but may not be")
        }
        _ => None,
    }
}

/// Audits an answer refused for its backup flags (unsigned as far as the
/// library got: not proof of a copy).
async fn refused_flags(
    ctx: &Ctx,
    user_id: i64,
    credential_id: Vec<u8>,
    why: &'static str,
) -> Result<(), PasskeyError> {
    ctx.db
        .run(move |conn| {
            let id = db::passkeys::for_user(conn, user_id)?
                .into_iter()
                .find(|r| r.credential_id == credential_id)
                .map(|r| r.id);
            let Some(id) = id else {
                return Ok(());
            };
            db::audit::record(
                conn,
                Some(user_id),
                "user.passkey",
                "user",
                &user_id.to_string(),
                &format!("refused {id}: {why}"),
            )
        })
        .await?;
    Ok(())
}

/// Suspends a passkey whose answer showed the sign of a cloned
/// authenticator (it signs in no more; its owner is told to remove it) and
/// audits it; the passkey's id, if it is still this person's.
async fn cloned(
    ctx: &Ctx,
    user_id: i64,
    credential_id: Vec<u8>,
    why: &str,
) -> Result<Option<i64>, PasskeyError> {
    let why = why.to_string();
    let notifier = crate::cases::notify::Notifier::new(&ctx.config);
    let id = ctx
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let Some(id) = db::passkeys::suspend(conn, user_id, &credential_id)? else {
                    return Ok(None);
                };
                let detail = format!("refused {id} and suspended: {why}");
                audited_and_told(conn, &notifier, user_id, &detail)?;
                Ok(Some(id))
            })
        })
        .await?;
    if let Some(id) = id {
        tracing::warn!(
            user_id,
            passkey_id = id,
            "passkey suspended: it may be cloned"
        );
    }
    Ok(id)
}
