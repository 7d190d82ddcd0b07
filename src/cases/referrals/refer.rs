//! A caseworker refers a consenting case to partner groups: one sealed
//! summary per group, written with the case's events and audit entries and
//! the groups' notices in one transaction.

use super::{Refusal, text_ok};
use crate::auth::Staff;
use crate::cases::notify::Notifier;
use crate::context::Ctx;
use crate::crypto::{Aad, DataKey, Sealed, new_token};
use crate::custody;
use crate::db::access::Reader::Group;
use crate::db::{self, Conn, DbError, cases::CaseRow, organisations::OrganisationRow};
use crate::domain::{CaseReference, CaseStatus, EventKind};
use crate::error::ServiceError;

/// A summary sealed for one group: the group's id, the referral's public
/// id (part of the summary's associated data), the sealed summary and the
/// referral's own key that sealed it (sealed to the team and the group in
/// the transaction, then forgotten).
type SealedSummary = (i64, String, Sealed, DataKey);

/// Refers a case to each `(group id, summary)`.
pub async fn refer(
    state: &Ctx,
    staff: &Staff,
    reference: &CaseReference,
    targets: Vec<(i64, String)>,
) -> Result<Result<usize, Refusal>, ServiceError> {
    if let Err(refusal) = check_targets(&targets) {
        return Ok(Err(refusal));
    }
    let case = find_case(state, reference).await?;
    if !case.consent_referral {
        return Ok(Err(Refusal::NoConsent));
    }
    let sealed = seal_summaries(&case, &targets);
    let Some(groups) = active_groups(state, &sealed).await? else {
        return Ok(Err(Refusal::NoGroup));
    };
    let actor = staff.user_id;
    let case_id = case.id;
    let notifier = Notifier::new(&state.config);
    let keyring = state.keyring.get();
    let result = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                record_referrals(conn, &keyring, &notifier, actor, &case, &sealed, &groups)
            })
        })
        .await;
    match result {
        Ok(Ok(n)) => {
            tracing::info!(user_id = actor, case_id, groups = n, "case referred");
            Ok(Ok(n))
        }
        // The reporter withdrew their consent while the page was open.
        Ok(Err(refusal)) => Ok(Err(refusal)),
        // The unique index: this case is already open with that group.
        Err(DbError::Conflict) => Ok(Err(Refusal::AlreadyReferred)),
        Err(e) => Err(e.into()),
    }
}

/// At least one group, and a summary for each that says something.
fn check_targets(targets: &[(i64, String)]) -> Result<(), Refusal> {
    if targets.is_empty() {
        return Err(Refusal::NoGroup);
    }
    if targets.iter().any(|(_, s)| !text_ok(s)) {
        return Err(Refusal::BadSummary);
    }
    Ok(())
}

async fn find_case(state: &Ctx, reference: &CaseReference) -> Result<CaseRow, ServiceError> {
    let r = reference.as_str().to_string();
    state
        .db
        .run(move |conn| db::cases::find_by_reference(conn, &r))
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Each summary sealed under a new key of its referral's own, bound to the
/// case and to the new referral's public id.
fn seal_summaries(case: &CaseRow, targets: &[(i64, String)]) -> Vec<SealedSummary> {
    targets
        .iter()
        .map(|(org, summary)| {
            let public_id = new_token()[..32].to_string();
            let key = DataKey::generate();
            let s = key.seal(
                &Aad::referral_summary(&case.reference, &public_id),
                summary.trim().as_bytes(),
            );
            (*org, public_id, s, key)
        })
        .collect()
}

/// The chosen groups, in order; `None` when one is unknown, inactive, or
/// an official body (which is never referred to: it has no liaisons).
async fn active_groups(
    state: &Ctx,
    sealed: &[SealedSummary],
) -> Result<Option<Vec<OrganisationRow>>, ServiceError> {
    let group_ids: Vec<i64> = sealed.iter().map(|(id, ..)| *id).collect();
    let groups = state
        .db
        .run(move |conn| {
            group_ids
                .iter()
                .map(|id| db::organisations::find(conn, *id))
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    Ok(groups
        .into_iter()
        .map(|g| g.filter(|g| g.active && g.is_partner()))
        .collect::<Option<Vec<_>>>())
}

/// Within the transaction: each referral with its event, audit entry and
/// the group's notice, then the case marked referred. The reporter's
/// consent is read again under the case's row lock first, so that a
/// withdrawal made meanwhile is seen, and one made now waits and then
/// withdraws these referrals too.
fn record_referrals(
    conn: &mut Conn,
    keyring: &crate::crypto::Keyring,
    notifier: &Notifier,
    actor: i64,
    case: &CaseRow,
    sealed: &[SealedSummary],
    groups: &[OrganisationRow],
) -> Result<Result<usize, Refusal>, DbError> {
    if db::cases::referral_consent_locked(conn, case.id)? != Some(true) {
        return Ok(Err(Refusal::NoConsent));
    }
    for ((_, public_id, summary, key), org) in sealed.iter().zip(groups) {
        let keys =
            custody::referrals::seal(conn, keyring, &case.reference, public_id, org.id, key)?;
        db::referrals::insert(conn, public_id, case.id, org.id, actor, summary, &keys)?;
        db::events::record(
            conn,
            case.id,
            Some(actor),
            EventKind::Referred.as_str(),
            &org.id.to_string(),
        )?;
        db::audit::record(
            conn,
            Some(actor),
            "case.refer",
            "case",
            &case.id.to_string(),
            &org.id.to_string(),
        )?;
        notifier.referral_waiting(conn, org)?;
        let today = chrono::Utc::now().date_naive();
        db::access::record(conn, case.id, "shared", Group(org.id), today)?;
    }
    let from = CaseStatus::parse(&case.status).ok_or(DbError::Unknown("case status"))?;
    if from != CaseStatus::Referred {
        // Referring is a move of its own: straight to `referred`, whatever
        // triage had reached; the same transition records it (and the
        // response, if it was the first).
        crate::cases::workflow::transition(conn, case.id, from, CaseStatus::Referred, actor)?;
    }
    Ok(Ok(sealed.len()))
}
