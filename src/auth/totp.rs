//! Two-factor sign-in with time-based one-time passwords (RFC 6238: SHA-1,
//! 6 digits, 30-second steps, one step of clock skew either way), and
//! single-use recovery codes.

use totp_rs::{Algorithm, Builder, Totp};
use zeroize::Zeroizing;

use crate::context::Ctx;
use crate::crypto::{Aad, hash_secret_blocking, random_bytes, random_symbols};
use crate::db::{self, users::UserRow};
use crate::error::ServiceError;

pub const RECOVERY_CODES: usize = 10;
const ISSUER: &str = "Haven";

fn totp(secret: &[u8], account: &str) -> Result<Totp, ServiceError> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret.to_vec())
        .with_account_name(account.replace(':', ""))
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|e| ServiceError::internal(anyhow::anyhow!("TOTP set-up: {e:?}")))
}

/// The user's TOTP secret, opened (enrolled or pending).
fn secret_of(state: &Ctx, user: &UserRow) -> Result<Option<Zeroizing<Vec<u8>>>, ServiceError> {
    match (&user.totp_key_id, &user.totp_secret) {
        (Some(key_id), Some(sealed)) => state
            .keyring
            .open_system(key_id, &Aad::totp_secret(user.id), sealed)
            .map(Some)
            .map_err(|_| {
                ServiceError::internal(anyhow::anyhow!(
                    "user {} TOTP secret failed to open",
                    user.id
                ))
            }),
        _ => Ok(None),
    }
}

/// Starts enrolment: a new random secret, stored sealed and not yet active.
pub async fn start_enrolment(state: &Ctx, user_id: i64) -> Result<(), ServiceError> {
    let secret = Zeroizing::new(random_bytes::<20>());
    let (key_id, sealed) = state
        .keyring
        .seal_system(&Aad::totp_secret(user_id), &secret[..]);
    state
        .db
        .run(move |conn| db::users::set_pending_totp(conn, user_id, &key_id, &sealed))
        .await?;
    Ok(())
}

/// The `otpauth://` URL and the base-32 key of a pending enrolment.
pub type EnrolmentDetails = (Zeroizing<String>, Zeroizing<String>);

/// The `otpauth://` URL and the base-32 key of a pending enrolment, for the
/// QR code and for typing by hand.
pub fn enrolment_details(
    state: &Ctx,
    user: &UserRow,
) -> Result<Option<EnrolmentDetails>, ServiceError> {
    let Some(secret) = secret_of(state, user)? else {
        return Ok(None);
    };
    let t = totp(&secret, &user.email)?;
    let url = t
        .to_url()
        .map_err(|e| ServiceError::internal(anyhow::anyhow!("TOTP URL: {e:?}")))?;
    Ok(Some((
        Zeroizing::new(url),
        Zeroizing::new(t.secret().to_base32()),
    )))
}

/// Checks a six-digit code against the user's secret, accepting each time
/// step at most once.
pub async fn check_code(state: &Ctx, user: &UserRow, code: &str) -> Result<bool, ServiceError> {
    let Some(secret) = secret_of(state, user)? else {
        return Ok(false);
    };
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(false);
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let Some(step) = totp(&secret, &user.email)?.check(&code, now) else {
        return Ok(false);
    };
    let user_id = user.id;
    let step = i64::try_from(step).unwrap_or(i64::MAX);
    Ok(state
        .db
        .run(move |conn| db::users::accept_totp_step(conn, user_id, step))
        .await?)
}

/// Makes new recovery codes (replacing any old ones) and returns them, to
/// be shown once: ten codes of ten symbols, like `7K3MQ-9PXR2`.
pub async fn new_recovery_codes(state: &Ctx, user_id: i64) -> Result<Vec<String>, ServiceError> {
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| {
            let s = random_symbols(10, b"0123456789ABCDEFGHJKMNPQRSTVWXYZ");
            format!("{}-{}", &s[..5], &s[5..])
        })
        .collect();
    let mut hashes = Vec::with_capacity(codes.len());
    for code in &codes {
        hashes.push(state.hasher.hash(normalise_recovery(code)).await?);
    }
    state
        .db
        .run(move |conn| db::recovery_codes::replace(conn, user_id, &hashes))
        .await?;
    Ok(codes)
}

fn normalise_recovery(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Whether the code field holds something shaped like a recovery code
/// (ten letters and digits, any case, dashes and spaces ignored) rather
/// than a six-digit code.
pub fn is_recovery_shaped(code: &str) -> bool {
    normalise_recovery(code).len() == 10
}

/// Checks the code field of a sign-in for the account `user_id` (whose
/// password was right; `None` otherwise), where `totp_user` is that account
/// when a code from its authenticator app may sign it in. The Argon2 work
/// depends only on what was typed: a recovery-shaped value is always
/// verified against [`RECOVERY_CODES`] hashes — the account's unused codes,
/// padded with dummy hashes, and every one of them even after a match — so
/// a right or wrong password, a known or unknown account, and a right or
/// wrong code all cost the same.
pub async fn check_second_factor(
    state: &Ctx,
    user_id: Option<i64>,
    totp_user: Option<&UserRow>,
    code: &str,
) -> Result<bool, ServiceError> {
    if is_recovery_shaped(code) {
        return use_recovery_code(state, user_id, code).await;
    }
    match totp_user {
        Some(user) if user.totp_enabled => check_code(state, user, code).await,
        _ => Ok(false),
    }
}

/// Uses a recovery code if it matches one not used before; always
/// [`RECOVERY_CODES`] verifications (see [`check_second_factor`]).
async fn use_recovery_code(
    state: &Ctx,
    user_id: Option<i64>,
    code: &str,
) -> Result<bool, ServiceError> {
    let code = normalise_recovery(code);
    // The same query whether or not the password was right (an id no
    // account has finds nothing), so not even the database round trip
    // tells the two apart.
    let id = user_id.unwrap_or(-1);
    let unused = state
        .db
        .run(move |conn| db::recovery_codes::unused(conn, id))
        .await?;
    let mut hashes: Vec<Option<String>> = unused
        .iter()
        .take(RECOVERY_CODES)
        .map(|(_, h)| Some(h.clone()))
        .collect();
    hashes.resize(RECOVERY_CODES, None);
    let Some(found) = state.hasher.verify_each(code, hashes).await? else {
        return Ok(false);
    };
    let id = unused[found].0;
    Ok(state
        .db
        .run(move |conn| db::recovery_codes::mark_used(conn, id))
        .await?)
}

/// The QR code of an `otpauth://` URL, as SVG drawn here (no third party).
pub fn qr_svg(url: &str) -> Result<String, ServiceError> {
    let code = qrcode::QrCode::new(url.as_bytes())
        .map_err(|e| ServiceError::internal(anyhow::anyhow!("QR code: {e}")))?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build())
}

/// Hashing for tests and the command line, outside a request.
pub fn hash_recovery_code_blocking(code: &str) -> String {
    hash_secret_blocking(&normalise_recovery(code))
}
