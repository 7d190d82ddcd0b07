//! Opening a case with reference and receipt: the slow check, and the
//! holds per reference and per source that bound guessing.

use std::net::IpAddr;

use crate::auth::throttle;
use zeroize::Zeroizing;

use crate::context::Ctx;
use crate::crypto::{Checked, DataKey, SecretKey};
use crate::custody;
use crate::db;
use crate::domain::{CaseReference, Receipt};
use crate::error::ServiceError;

/// The outcome of reference + receipt.
pub enum Opening {
    /// The case, and its key (opened through the receipt) for the visit.
    Opened(i64, DataKey),
    Wrong,
    /// Held back: try again in a few seconds.
    Held,
}

/// The key under which a held source's attempts on one reference are let
/// through one at a time. Per reference, so that an attacker hammering one
/// reference (or many) from an address that reporters share — an onion
/// service, a Tor exit — does not take the turns of every other reporter
/// behind it. (The reference keys are bare digests, so the two cannot meet.)
fn turn_key(source: IpAddr, reference_key: &[u8]) -> Vec<u8> {
    let mut key = format!("follow-up-source/{source}/").into_bytes();
    key.extend_from_slice(reference_key);
    key
}

pub async fn open(
    state: &Ctx,
    source: IpAddr,
    reference: &str,
    receipt: &str,
) -> Result<Opening, ServiceError> {
    let parsed = CaseReference::parse(reference);
    let key = reference_key(state, parsed.as_ref(), reference);
    // The holds come first and cost no hash: while a source or a reference
    // is held back, one attempt every few seconds is checked and the
    // others are told to wait.
    let source_held = state.follow_up_sources.blocked_for(&source).is_some();
    if source_held && !held_source_turn(state, source, &key) {
        return Ok(Opening::Held);
    }
    let reference_held = throttle::account_held_until(state, key.clone())
        .await?
        .is_some();
    if reference_held && !state.held_checks.try_take(&key) {
        return Ok(Opening::Held);
    }
    // Counted against the source before the hash, taken back on success: a
    // burst reaches the source's limit as it arrives. Past the limit, only
    // the turns above reach Argon2.
    let charged = state.follow_up_sources.try_charge(source).is_ok();
    if !charged && !source_held {
        return Ok(Opening::Held);
    }
    let found = match &parsed {
        Some(r) => find_case(state, r).await?,
        None => None,
    };
    let receipt = typed_receipt(receipt);
    let checked = receipt_matches(state, receipt.clone(), found.as_ref()).await?;
    // The right receipt opens even while held, when its attempt is the one
    // checked: 66 random bits behind Argon2id cannot be guessed at one
    // attempt every few seconds, and no one who only knows a reference, or
    // shares the reporter's address, can lock the reporter out for good.
    if let (true, Some((_, case_id))) = (checked.is_right(), found) {
        if charged {
            state.follow_up_sources.refund(&source);
        }
        throttle::account_succeeded(state, key).await?;
        let case_key = case_key(state, case_id, checked, receipt).await?;
        return Ok(Opening::Opened(case_id, case_key));
    }
    throttle::account_failed(state, key).await?;
    Ok(if source_held || reference_held {
        Opening::Held
    } else {
        Opening::Wrong
    })
}

/// The key failures are counted under: the reference as parsed, or as
/// typed when it does not parse.
fn reference_key(state: &Ctx, parsed: Option<&CaseReference>, reference: &str) -> Vec<u8> {
    state.throttle_keys().digest(&format!(
        "follow-up/{}",
        parsed.map(|r| r.as_str()).unwrap_or(reference.trim())
    ))
}

/// While the source is held: one turn every few seconds per reference (so
/// that one reference hammered from a shared address does not take the
/// turns of the others behind it), within a few checks per source in that
/// time (so that the work it can cause stays bounded).
fn held_source_turn(state: &Ctx, source: IpAddr, key: &[u8]) -> bool {
    let mut budget = b"follow-up-budget/".to_vec();
    budget.extend(throttle::source_key(source));
    state.held_checks.try_take(&turn_key(source, key))
        && state
            .held_checks
            .try_spend(&budget, throttle::HELD_SOURCE_CHECKS)
}

/// The receipt hash and id of the case `reference`, if there is one.
async fn find_case(
    state: &Ctx,
    reference: &CaseReference,
) -> Result<Option<(String, i64)>, ServiceError> {
    let r = reference.as_str().to_string();
    Ok(state
        .db
        .run(move |conn| {
            let hash = db::cases::receipt_hash(conn, &r)?;
            let case = db::cases::find_by_reference(conn, &r)?.map(|c| c.id);
            Ok(hash.zip(case))
        })
        .await?)
}

/// The receipt as it was issued, when what was typed reads as one.
fn typed_receipt(receipt: &str) -> Zeroizing<String> {
    Zeroizing::new(
        Receipt::parse(receipt)
            .map(|r| r.expose().to_string())
            .unwrap_or_else(|| receipt.to_string()),
    )
}

/// Whether `receipt` is the found case's, with the seed of its key pair;
/// the same Argon2 work whether the reference exists or not.
async fn receipt_matches(
    state: &Ctx,
    receipt: Zeroizing<String>,
    found: Option<&(String, i64)>,
) -> Result<Checked, ServiceError> {
    let checked = state
        .hasher
        .check(receipt, found.map(|(h, _)| h.clone()))
        .await?;
    Ok(if found.is_some() {
        checked
    } else {
        Checked::Wrong
    })
}

/// The case's key, opened through the receipt's key pair. A case filed
/// before keys were held by people has its key under the master key only:
/// it is opened that way once, and the case gets its copy for the receipt
/// (the receipt hashed again, so that it gives a seed).
async fn case_key(
    state: &Ctx,
    case_id: i64,
    checked: Checked,
    receipt: Zeroizing<String>,
) -> Result<DataKey, ServiceError> {
    let keyring = state.keyring.get();
    match checked {
        Checked::Right(seed) => {
            let secret = SecretKey::from_seed(&seed);
            state
                .db
                .run(move |conn| {
                    let case = db::cases::find(conn, case_id)?.ok_or(db::DbError::NotFound)?;
                    // A split receipt hash means the case has its receipt's
                    // copy: never the master key's copy instead, which a
                    // database writer could plant.
                    Ok(
                        match custody::cases::open_for_receipt(conn, &keyring, &case, &secret) {
                            Ok(Some(key)) => Ok(key),
                            Ok(None) => Err(ServiceError::internal(anyhow::anyhow!(
                                "a case opened by its receipt has no copy for it"
                            ))),
                            Err(e) => Err(e),
                        },
                    )
                })
                .await?
        }
        _ => {
            let (hash, seed) = state.hasher.hash_split(receipt).await?;
            let public = SecretKey::from_seed(&seed).public();
            state
                .db
                .run(move |conn| {
                    db::transaction(conn, |conn| {
                        let case = db::cases::find(conn, case_id)?.ok_or(db::DbError::NotFound)?;
                        let key = match custody::cases::legacy_key(&keyring, &case) {
                            Ok(key) => key,
                            Err(e) => return Ok(Err(e)),
                        };
                        if db::people_keys::case_keys(conn, case_id)?.is_some() {
                            custody::cases::add_receipt_copy(conn, &keyring, &case, &key, &public)?;
                            db::cases::set_receipt_hash(conn, case_id, &hash)?;
                        }
                        Ok(Ok(key))
                    })
                })
                .await?
        }
    }
}
