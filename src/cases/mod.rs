//! Casework operations that span crypto and the database: filing a report,
//! opening a case for staff, reading its evidence. Routes call these; these
//! call the database and crypto modules.

pub mod evidence;
pub mod follow_up;
pub mod intake;
pub mod messages;
pub mod notify;
pub mod purge;
pub mod queue;
pub mod referrals;
pub mod stats;
pub mod view;
pub mod workflow;

use chrono::{DateTime, Utc};

use crate::context::Ctx;
use crate::crypto::{DataKey, Sealed, WrappedKey};
use crate::db::cases::CaseRow;
use crate::error::ServiceError;

/// Unwraps a case's data key from its stored master-key id and sealed key.
/// The case reference is the binding context, so a key moved onto another
/// case refuses to open.
pub(crate) fn unwrap_key(
    state: &Ctx,
    master_key_id: &str,
    wrapped: &Sealed,
    reference: &str,
) -> Result<DataKey, ServiceError> {
    let wrapped = WrappedKey {
        master_key_id: master_key_id.to_string(),
        sealed: wrapped.clone(),
    };
    state
        .keyring
        .unwrap(&wrapped, reference)
        .map_err(|_| ServiceError::internal(anyhow::anyhow!("a case data key failed to unwrap")))
}

/// The data key of a loaded case row.
pub(crate) fn data_key(state: &Ctx, case: &CaseRow) -> Result<DataKey, ServiceError> {
    unwrap_key(
        state,
        &case.master_key_id,
        &case.wrapped_key,
        &case.reference,
    )
    .map_err(|_| {
        ServiceError::internal(anyhow::anyhow!(
            "case {} data key failed to unwrap",
            case.id
        ))
    })
}

/// How staff pages write a moment: minute precision, always UTC.
pub(crate) fn stamp(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}
