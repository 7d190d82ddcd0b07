//! A reporter changes a consent on the follow-up page: gives one they had
//! not given, or withdraws one. Withdrawing consent to referral withdraws,
//! in the same transaction, every referral no group has answered yet, and
//! tells each of those groups that a referral was withdrawn — never which
//! case, nor anything of it. Referrals already accepted stay: the group
//! has read the summary, and the reporter can ask their caseworker to
//! follow it up.
//!
//! Like every reporter action, nothing dates it finer than the hour: its
//! timeline entries and the referrals' last change carry the hour, the
//! emails leave in the daily digest, and nothing is logged.

use chrono::Utc;

use super::Visit;
use crate::cases::notify::Notifier;
use crate::context::Ctx;
use crate::db::{self, Conn, DbError};
use crate::domain::{Consent, ConsentChange, EventKind, RecipientKind, SharingConsent};
use crate::error::ServiceError;

/// What a change of consent did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsentOutcome {
    /// The consent now stands as asked.
    Changed,
    /// It already stood so: nothing was written.
    Unchanged,
}

pub async fn change_consent(
    state: &Ctx,
    visit: &Visit,
    change: ConsentChange,
) -> Result<ConsentOutcome, ServiceError> {
    let case_id = visit.case_id;
    let notifier = Notifier::new(&state.config);
    let outcome = state
        .db
        .run(move |conn| db::transaction(conn, |conn| apply(conn, &notifier, case_id, change)))
        .await?;
    // No log line: even without a case its time would date the action.
    Ok(outcome)
}

/// Within the transaction: the consent, its timeline entry, the referrals
/// a withdrawal ends, and the notice to the caseworker.
fn apply(
    conn: &mut Conn,
    notifier: &Notifier,
    case_id: i64,
    change: ConsentChange,
) -> Result<ConsentOutcome, DbError> {
    // A case deleted during the visit is simply gone.
    let case = db::cases::find(conn, case_id)?.ok_or(DbError::NotFound)?;
    if !db::cases::set_consent(conn, case_id, change.consent, change.given)? {
        return Ok(ConsentOutcome::Unchanged);
    }
    let kind = if change.given {
        EventKind::ConsentGiven
    } else {
        EventKind::ConsentWithdrawn
    };
    db::events::record(conn, case_id, None, kind.as_str(), change.consent.as_str())?;
    if change.consent == Consent::Referral && !change.given {
        withdraw_referrals(conn, notifier, case_id)?;
    }
    if !change.given {
        forget_packets(conn, case_id, change.consent)?;
    }
    // Like a reply: the case shows the reporter acted (to the hour) until
    // its caseworker opens it, the caseworker hears that something waits
    // (in the digest), and the case's timeline says what — so a change made
    // with a stolen receipt is noticed, not taken on trust.
    crate::cases::deadlines::reporter_acted(conn, case_id)?;
    notifier.reporter_activity(conn, case.assignee_id)?;
    Ok(ConsentOutcome::Changed)
}

/// Packets still waiting for a recipient whose kind needs the consent just
/// withdrawn are forgotten: nothing more leaves under a consent the
/// reporter took back.
fn forget_packets(conn: &mut Conn, case_id: i64, consent: Consent) -> Result<(), DbError> {
    let needs = match consent {
        Consent::Referral => SharingConsent::Referral,
        Consent::Police => SharingConsent::Police,
        Consent::Stats => return Ok(()),
    };
    let kinds: Vec<&str> = RecipientKind::ALL
        .iter()
        .filter(|k| k.consent_needed() == needs)
        .map(|k| k.as_str())
        .collect();
    db::packets::withdraw(conn, case_id, &kinds)?;
    Ok(())
}

/// Every pending referral of the case withdrawn, each with its timeline
/// entry and a notice to its group's addresses (an inactive group, which
/// no liaison can sign in to, is not written to).
fn withdraw_referrals(conn: &mut Conn, notifier: &Notifier, case_id: i64) -> Result<(), DbError> {
    let hour = db::events::coarse(Utc::now());
    for (_, group_id) in db::referrals::withdraw_pending(conn, case_id, hour)? {
        db::events::record(
            conn,
            case_id,
            None,
            EventKind::ReferralWithdrawn.as_str(),
            &group_id.to_string(),
        )?;
        if let Some(group) = db::organisations::find(conn, group_id)?.filter(|g| g.active) {
            notifier.referral_withdrawn(conn, &group)?;
        }
    }
    Ok(())
}
