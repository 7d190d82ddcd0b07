//! Opening a case with reference and receipt: the slow check, and the
//! holds per reference and per source that bound guessing.

use std::net::IpAddr;

use crate::auth::throttle;
use crate::context::Ctx;
use crate::db;
use crate::domain::{CaseReference, Receipt};
use crate::error::ServiceError;

/// The outcome of reference + receipt.
pub enum Opening {
    Opened(i64),
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
    let ok = receipt_matches(state, receipt, found.as_ref()).await?;
    // The right receipt opens even while held, when its attempt is the one
    // checked: 66 random bits behind Argon2id cannot be guessed at one
    // attempt every few seconds, and no one who only knows a reference, or
    // shares the reporter's address, can lock the reporter out for good.
    if let (true, Some((_, case_id))) = (ok, found) {
        if charged {
            state.follow_up_sources.refund(&source);
        }
        throttle::account_succeeded(state, key).await?;
        return Ok(Opening::Opened(case_id));
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

/// Whether `receipt` is the found case's; the same Argon2 work whether the
/// reference exists or not.
async fn receipt_matches(
    state: &Ctx,
    receipt: &str,
    found: Option<&(String, i64)>,
) -> Result<bool, ServiceError> {
    let receipt = Receipt::parse(receipt)
        .map(|r| r.expose().to_string())
        .unwrap_or_else(|| receipt.to_string());
    Ok(state
        .hasher
        .verify(receipt, found.map(|(h, _)| h.clone()))
        .await?
        && found.is_some())
}
