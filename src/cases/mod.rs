//! Casework operations that span crypto and the database: filing a report,
//! opening a case for staff, reading its evidence. Routes call these; these
//! call the database and crypto modules.

pub mod deadlines;
pub mod drafts;
pub mod evidence;
pub mod follow_up;
pub mod intake;
pub mod links;
pub mod messages;
pub mod notify;
pub mod packets;
pub mod purge;
pub mod queue;
pub mod referrals;
pub mod stats;
pub mod view;
pub mod workflow;

use chrono::{DateTime, Utc};

use crate::context::Ctx;
use crate::custody::{self, PersonKey, cases::CaseKeys};
use crate::db::cases::CaseRow;
use crate::error::ServiceError;

/// A case's keys, opened for the signed-in caseworker or admin `person`.
pub(crate) async fn staff_keys(
    state: &Ctx,
    person: &PersonKey,
    case: &CaseRow,
) -> Result<CaseKeys, ServiceError> {
    let keyring = state.keyring.get();
    let person = person.clone();
    let case = case.clone();
    state
        .db
        .run(move |conn| {
            Ok(custody::cases::open_for_staff(
                conn, &keyring, &person, &case,
            ))
        })
        .await?
}

/// How staff pages write a moment: minute precision, always UTC.
pub(crate) fn stamp(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}
