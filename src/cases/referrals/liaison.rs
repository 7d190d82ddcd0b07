//! The liaison's side of a referral: their group's referrals, and their
//! answer (accept, decline) or update, each recorded and emailed to the
//! caseworker who referred the case.

use super::read::{OpenedReferral, load, open, short, withdrawn};
use super::{Refusal, text_ok};
use crate::auth::Staff;
use crate::cases::notify::Notifier;
use crate::cases::stamp;
use crate::context::Ctx;
use crate::crypto::{Aad, DataKey, Sealed};
use crate::custody::referrals::{self as keys, Reader};
use crate::db::{self, Conn, DbError, referrals::ReferralWithCase};
use crate::domain::EventKind;
use crate::error::ServiceError;

/// One referral for a liaison of its group, recording the view
/// (`referral.view`) — whichever page shows it; `None` for any other
/// group's. A referral its reporter withdrew shows only that it was.
pub async fn for_liaison(
    state: &Ctx,
    staff: &Staff,
    public_id: &str,
) -> Result<Option<OpenedReferral>, ServiceError> {
    let Some(org) = staff.organisation_id else {
        return Ok(None);
    };
    let viewer = staff.user_id;
    let public_id = public_id.to_string();
    let keyring = state.keyring.get();
    let person = staff.key.clone();
    let found = state
        .db
        .run(move |conn| {
            let Some(r) = db::referrals::find_for_organisation(conn, &public_id, org)? else {
                return Ok(None);
            };
            db::audit::record(
                conn,
                Some(viewer),
                "referral.view",
                "referral",
                &public_id,
                "",
            )?;
            if r.referral.status == WITHDRAWN {
                return Ok(Some(Ok(withdrawn(r))));
            }
            Ok(Some(
                load(conn, &keyring, &person, r, Reader::Group)?.and_then(open),
            ))
        })
        .await?;
    found.transpose()
}

/// The status of a referral its reporter withdrew before it was answered.
const WITHDRAWN: &str = "withdrawn";

/// A liaison's answer or update, recorded on the case and emailed to the
/// caseworker who referred it.
pub enum Step {
    /// Taken only when `confirmed`: the liaison ticked that their group
    /// takes the case on.
    Accept {
        confirmed: bool,
    },
    Decline {
        reason: String,
    },
    Update {
        body: String,
    },
}

pub async fn liaison_step(
    state: &Ctx,
    staff: &Staff,
    public_id: &str,
    step: Step,
) -> Result<Result<(), Refusal>, ServiceError> {
    let r = find_for_group(state, staff, public_id).await?;
    if let Err(refusal) = check_step(&step, &r.referral.status) {
        return Ok(Err(refusal));
    }
    let keyring = state.keyring.get();
    let (person, referral, reference) =
        (staff.key.clone(), r.referral.clone(), r.reference.clone());
    let key = state
        .db
        .run(move |conn| {
            Ok(keys::open(
                conn,
                &keyring,
                &person,
                &referral,
                &reference,
                Reader::Group,
            ))
        })
        .await??;
    let kind = step.kind();
    let write = prepare(&key, &r, step);
    let actor = staff.user_id;
    let notifier = Notifier::new(&state.config);
    let decided = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                if !apply(conn, &key, &r, actor, write)? {
                    return Ok(false);
                }
                record_step(conn, &notifier, actor, &r, kind)?;
                Ok(true)
            })
        })
        .await?;
    tracing::info!(
        user_id = actor,
        step = kind.as_str(),
        decided,
        "referral step"
    );
    Ok(if decided {
        Ok(())
    } else {
        Err(Refusal::AlreadyDecided)
    })
}

impl Step {
    fn kind(&self) -> EventKind {
        match self {
            Step::Accept { .. } => EventKind::ReferralAccepted,
            Step::Decline { .. } => EventKind::ReferralDeclined,
            Step::Update { .. } => EventKind::ReferralUpdate,
        }
    }

    /// What the liaison typed, trimmed: a reason or an update.
    fn text(&self) -> Option<&str> {
        match self {
            Step::Accept { .. } => None,
            Step::Decline { reason } => Some(reason.trim()),
            Step::Update { body } => Some(body.trim()),
        }
    }
}

/// The referral `public_id` of the liaison's own group; any other group's
/// is not found.
async fn find_for_group(
    state: &Ctx,
    staff: &Staff,
    public_id: &str,
) -> Result<ReferralWithCase, ServiceError> {
    let Some(org) = staff.organisation_id else {
        return Err(ServiceError::NotFound);
    };
    let id = public_id.to_string();
    state
        .db
        .run(move |conn| db::referrals::find_for_organisation(conn, &id, org))
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Text that says something, a step the referral's state allows (an
/// answer while pending, updates once accepted), and an acceptance
/// confirmed. The state is checked before the confirmation: confirming
/// would not help.
fn check_step(step: &Step, status: &str) -> Result<(), Refusal> {
    match step {
        Step::Decline { .. } if step.text().is_some_and(|t| !text_ok(t)) => {
            return Err(Refusal::BadReason);
        }
        Step::Update { .. } if step.text().is_some_and(|t| !text_ok(t)) => {
            return Err(Refusal::BadText);
        }
        _ => {}
    }
    match (step, status) {
        (_, WITHDRAWN) => Err(Refusal::Withdrawn),
        (Step::Accept { confirmed: false }, "pending") => Err(Refusal::NotConfirmed),
        (Step::Accept { .. } | Step::Decline { .. }, "pending") => Ok(()),
        (Step::Accept { .. } | Step::Decline { .. }, _) => Err(Refusal::AlreadyDecided),
        (Step::Update { .. }, "accepted") => Ok(()),
        (Step::Update { .. }, _) => Err(Refusal::NotAccepted),
    }
}

/// What a step writes. A decline's reason is sealed before the
/// transaction; an update's body only within it, once it has its id.
enum Write {
    Accept,
    Decline(Sealed),
    Update(String),
}

fn prepare(key: &DataKey, r: &ReferralWithCase, step: Step) -> Write {
    match step {
        Step::Accept { .. } => Write::Accept,
        Step::Decline { reason } => Write::Decline(key.seal(
            &Aad::referral_reason(&r.reference, &r.referral.public_id),
            reason.trim().as_bytes(),
        )),
        Step::Update { body } => Write::Update(body.trim().to_string()),
    }
}

/// Within the transaction: the answer or the update; `false` when the
/// referral was answered meanwhile.
fn apply(
    conn: &mut Conn,
    key: &DataKey,
    r: &ReferralWithCase,
    actor: i64,
    write: Write,
) -> Result<bool, DbError> {
    let referral = &r.referral;
    match write {
        Write::Accept => db::referrals::decide(conn, referral.id, "accepted", None),
        Write::Decline(reason) => {
            let declined = db::referrals::decide(conn, referral.id, "declined", Some(&reason))?;
            if declined {
                // A declined referral's packets are no longer the group's.
                db::packets::expire_for_referral(conn, referral.id)?;
            }
            Ok(declined)
        }
        Write::Update(body) => {
            // The update's id is part of its associated data, so insert
            // first, then seal under the id it got.
            let placeholder = Sealed::from_stored(Vec::new());
            let update_id = db::referrals::add_update(conn, referral.id, actor, &placeholder)?;
            let sealed = key.seal(
                &Aad::referral_update(&r.reference, &referral.public_id, update_id),
                body.as_bytes(),
            );
            db::referrals::set_update_body(conn, update_id, &sealed)?;
            Ok(true)
        }
    }
}

/// Within the transaction: the case's event, the audit entry, and the
/// email to the referring caseworker while they are active.
fn record_step(
    conn: &mut Conn,
    notifier: &Notifier,
    actor: i64,
    r: &ReferralWithCase,
    kind: EventKind,
) -> Result<(), DbError> {
    let referral = &r.referral;
    if kind == EventKind::ReferralAccepted {
        let today = chrono::Utc::now().date_naive();
        let group = db::access::Reader::Group(referral.organisation_id);
        db::access::record(conn, referral.case_id, "accepted", group, today)?;
    }
    db::events::record(
        conn,
        referral.case_id,
        Some(actor),
        kind.as_str(),
        &referral.organisation_id.to_string(),
    )?;
    db::audit::record(
        conn,
        Some(actor),
        &format!("referral.{}", kind.as_str().trim_start_matches("referral_")),
        "referral",
        &referral.id.to_string(),
        "",
    )?;
    if let Some(caseworker) = referral
        .referred_by
        .map(|id| db::users::find(conn, id))
        .transpose()?
        .flatten()
        && caseworker.active
    {
        notifier.referral_answered(conn, &caseworker, &r.organisation)?;
    }
    Ok(())
}

/// One line of a group's referral list: no case content at all.
#[derive(Debug)]
pub struct ReferralListItem {
    pub id: i64,
    pub public_id: String,
    /// The short form of the public id (`3f9a-c21e`), to name it by.
    pub short: String,
    /// The day it was made (UTC).
    pub received: chrono::NaiveDate,
    pub status: String,
    pub updated: String,
}

impl ReferralListItem {
    pub fn href(&self) -> String {
        format!("/staff/referrals/{}", self.public_id)
    }
}

pub async fn list_for_liaison(
    state: &Ctx,
    staff: &Staff,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<ReferralListItem>, ServiceError> {
    let Some(org) = staff.organisation_id else {
        return Ok(Vec::new());
    };
    let rows = state
        .db
        .run(move |conn| db::referrals::for_organisation(conn, org, before, limit))
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| ReferralListItem {
            id: r.referral.id,
            // When its reporter withdrew it is theirs alone: the group
            // sees that it was, never when.
            updated: if r.referral.status == WITHDRAWN {
                String::new()
            } else {
                stamp(&r.referral.updated_at)
            },
            short: short(&r.referral.public_id),
            received: r.referral.created_at.date_naive(),
            public_id: r.referral.public_id,
            status: r.referral.status,
        })
        .collect())
}
