//! Referrals: with the reporter's consent, a caseworker refers a case to
//! one or more partner groups, writing for each a summary — the only thing
//! of the case a group's liaisons ever see. The group is emailed that
//! something is waiting (never what); the liaisons accept or decline and
//! post updates, and the referring caseworker is emailed each time.

use super::notify::Notifier;
use super::{stamp, unwrap_key};
use crate::auth::Staff;
use crate::context::Ctx;
use crate::crypto::{Aad, Sealed, new_token};
use crate::db::{self, DbError, referrals::ReferralWithCase};
use crate::domain::text::{self, MultiLine};
use crate::domain::{CaseReference, CaseStatus, EventKind};
use crate::error::ServiceError;

pub const MAX_SUMMARY_CHARS: usize = 10_000;
pub const REFERRALS_PATH: &str = super::notify::REFERRALS_PATH;

/// Why a referral step was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The reporter did not consent to referral.
    NoConsent,
    /// No group was chosen, or a chosen group is unknown or inactive.
    NoGroup,
    /// A chosen group's summary is empty or too long.
    BadSummary,
    /// The case is already referred to that group (and not declined).
    AlreadyReferred,
    /// The referral was already accepted or declined.
    AlreadyDecided,
    /// Accepting first, then updates.
    NotAccepted,
    /// An update or a reason must say something (and not too much).
    BadText,
}

impl Refusal {
    pub fn message_key(&self) -> &'static str {
        match self {
            Refusal::NoConsent => "referral-error-consent",
            Refusal::NoGroup => "referral-error-group",
            Refusal::BadSummary => "referral-error-summary",
            Refusal::AlreadyReferred => "referral-error-already",
            Refusal::AlreadyDecided => "referral-error-decided",
            Refusal::NotAccepted => "referral-error-not-accepted",
            Refusal::BadText => "referral-error-text",
        }
    }

    /// Whether what was typed is at fault (422), rather than the state of
    /// the case or referral (409).
    pub fn is_bad_input(&self) -> bool {
        matches!(self, Refusal::BadSummary | Refusal::BadText)
    }
}

/// Says something visible, not too much, and holds no control character
/// (line breaks and tabs aside).
fn text_ok(text: &str) -> bool {
    let n = text.trim().chars().count();
    n > 0 && n <= MAX_SUMMARY_CHARS && !text::is_blank(text) && MultiLine::parse(text).is_ok()
}

/// Refers a case to each `(group id, summary)`.
pub async fn refer(
    state: &Ctx,
    staff: &Staff,
    reference: &CaseReference,
    targets: Vec<(i64, String)>,
) -> Result<Result<usize, Refusal>, ServiceError> {
    if targets.is_empty() {
        return Ok(Err(Refusal::NoGroup));
    }
    if targets.iter().any(|(_, s)| !text_ok(s)) {
        return Ok(Err(Refusal::BadSummary));
    }
    let reference = reference.as_str().to_string();
    let case = {
        let r = reference.clone();
        state
            .db
            .run(move |conn| db::cases::find_by_reference(conn, &r))
            .await?
            .ok_or(ServiceError::NotFound)?
    };
    if !case.consent_referral {
        return Ok(Err(Refusal::NoConsent));
    }
    let key = unwrap_key(
        state,
        &case.master_key_id,
        &case.wrapped_key,
        &case.reference,
    )?;
    let sealed: Vec<(i64, String, Sealed)> = targets
        .iter()
        .map(|(org, summary)| {
            let public_id = new_token()[..32].to_string();
            let s = key.seal(
                &Aad::referral_summary(&reference, &public_id),
                summary.trim().as_bytes(),
            );
            (*org, public_id, s)
        })
        .collect();
    let group_ids: Vec<i64> = sealed.iter().map(|(id, _, _)| *id).collect();
    let groups = state
        .db
        .run(move |conn| {
            group_ids
                .iter()
                .map(|id| db::organisations::find(conn, *id))
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    let Some(groups) = groups
        .into_iter()
        .map(|g| g.filter(|g| g.active))
        .collect::<Option<Vec<_>>>()
    else {
        return Ok(Err(Refusal::NoGroup));
    };
    let actor = staff.user_id;
    let notifier = Notifier::new(&state.config);
    let result = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                for ((_, public_id, summary), org) in sealed.iter().zip(&groups) {
                    db::referrals::insert(conn, public_id, case.id, org.id, actor, summary)?;
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
                }
                if case.status != CaseStatus::Referred.as_str()
                    && db::cases::set_status(conn, case.id, &case.status, "referred")?
                {
                    let detail = format!("{}>referred", case.status);
                    db::events::record(
                        conn,
                        case.id,
                        Some(actor),
                        EventKind::Status.as_str(),
                        &detail,
                    )?;
                }
                Ok(sealed.len())
            })
        })
        .await;
    match result {
        Ok(n) => {
            tracing::info!(
                user_id = actor,
                case_id = case.id,
                groups = n,
                "case referred"
            );
            Ok(Ok(n))
        }
        // The unique index: this case is already open with that group.
        Err(DbError::Conflict) => Ok(Err(Refusal::AlreadyReferred)),
        Err(e) => Err(e.into()),
    }
}

/// A referral, opened for someone allowed to read it.
#[derive(Debug)]
pub struct OpenedReferral {
    pub public_id: String,
    pub group: String,
    pub status: String,
    pub summary: String,
    pub decline_reason: Option<String>,
    pub created: String,
    pub updates: Vec<ReferralUpdate>,
}

#[derive(Debug)]
pub struct ReferralUpdate {
    pub when: String,
    pub author: String,
    pub body: String,
}

fn open(
    state: &Ctx,
    r: ReferralWithCase,
    updates: Vec<(i64, db::referrals::UpdateRow)>,
) -> Result<OpenedReferral, ServiceError> {
    let key = unwrap_key(state, &r.master_key_id, &r.wrapped_key, &r.reference)?;
    let fail = || {
        ServiceError::internal(anyhow::anyhow!(
            "referral {} failed authentication",
            r.referral.id
        ))
    };
    let id = &r.referral.public_id;
    let summary = key
        .open(
            &Aad::referral_summary(&r.reference, id),
            &r.referral.summary,
        )
        .map_err(|_| fail())?;
    let decline_reason = match &r.referral.decline_reason {
        Some(s) => Some(
            String::from_utf8_lossy(
                &key.open(&Aad::referral_reason(&r.reference, id), s)
                    .map_err(|_| fail())?,
            )
            .into_owned(),
        ),
        None => None,
    };
    let updates = updates
        .into_iter()
        .map(|(update_id, u)| {
            let body = key
                .open(&Aad::referral_update(&r.reference, id, update_id), &u.body)
                .map_err(|_| fail())?;
            let author =
                db::users::author_label(u.author_email.as_deref(), u.author_name.as_deref())
                    .unwrap_or_default();
            Ok(ReferralUpdate {
                when: stamp(&u.created_at),
                author,
                body: String::from_utf8_lossy(&body).into_owned(),
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    Ok(OpenedReferral {
        public_id: r.referral.public_id.clone(),
        group: r.organisation,
        status: r.referral.status,
        summary: String::from_utf8_lossy(&summary).into_owned(),
        decline_reason,
        created: stamp(&r.referral.created_at),
        updates,
    })
}

/// Every referral of a case, opened, for caseworkers.
pub async fn for_case(state: &Ctx, case_id: i64) -> Result<Vec<OpenedReferral>, ServiceError> {
    let rows = state
        .db
        .run(move |conn| {
            let referrals = db::referrals::for_case(conn, case_id)?;
            referrals
                .into_iter()
                .map(|r| {
                    let updates = db::referrals::updates(conn, r.referral.id)?;
                    Ok((r, updates))
                })
                .collect::<Result<Vec<_>, DbError>>()
        })
        .await?;
    rows.into_iter().map(|(r, u)| open(state, r, u)).collect()
}

/// One referral for a liaison of its group, recording the view
/// (`referral.view`) — whichever page shows it; `None` for any other
/// group's.
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
            let updates = db::referrals::updates(conn, r.referral.id)?;
            Ok(Some((r, updates)))
        })
        .await?;
    found.map(|(r, u)| open(state, r, u)).transpose()
}

/// A liaison's answer or update, recorded on the case and emailed to the
/// caseworker who referred it.
pub enum Step {
    Accept,
    Decline { reason: String },
    Update { body: String },
}

pub async fn liaison_step(
    state: &Ctx,
    staff: &Staff,
    public_id: &str,
    step: Step,
) -> Result<Result<(), Refusal>, ServiceError> {
    let Some(org) = staff.organisation_id else {
        return Err(ServiceError::NotFound);
    };
    let id = public_id.to_string();
    let r = state
        .db
        .run(move |conn| db::referrals::find_for_organisation(conn, &id, org))
        .await?
        .ok_or(ServiceError::NotFound)?;
    let text = match &step {
        Step::Accept => None,
        Step::Decline { reason } => Some(reason.trim().to_string()),
        Step::Update { body } => Some(body.trim().to_string()),
    };
    if let Some(t) = &text
        && !text_ok(t)
    {
        return Ok(Err(Refusal::BadText));
    }
    match (&step, r.referral.status.as_str()) {
        (Step::Accept | Step::Decline { .. }, "pending") => {}
        (Step::Accept | Step::Decline { .. }, _) => return Ok(Err(Refusal::AlreadyDecided)),
        (Step::Update { .. }, "accepted") => {}
        (Step::Update { .. }, _) => return Ok(Err(Refusal::NotAccepted)),
    }
    let key = unwrap_key(state, &r.master_key_id, &r.wrapped_key, &r.reference)?;
    let actor = staff.user_id;
    let notifier = Notifier::new(&state.config);
    let keyed_reference = r.reference.clone();
    let decline_sealed = match &step {
        Step::Decline { reason } => Some(key.seal(
            &Aad::referral_reason(&keyed_reference, &r.referral.public_id),
            reason.trim().as_bytes(),
        )),
        _ => None,
    };
    let update_body = match &step {
        Step::Update { body } => Some(body.trim().to_string()),
        _ => None,
    };
    let kind = match step {
        Step::Accept => EventKind::ReferralAccepted,
        Step::Decline { .. } => EventKind::ReferralDeclined,
        Step::Update { .. } => EventKind::ReferralUpdate,
    };
    let decided = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let referral = &r.referral;
                match kind {
                    EventKind::ReferralAccepted => {
                        if !db::referrals::decide(conn, referral.id, "accepted", None)? {
                            return Ok(false);
                        }
                    }
                    EventKind::ReferralDeclined => {
                        if !db::referrals::decide(
                            conn,
                            referral.id,
                            "declined",
                            decline_sealed.as_ref(),
                        )? {
                            return Ok(false);
                        }
                    }
                    _ => {
                        // The update's id is part of its associated data, so
                        // insert first, then seal under the id it got.
                        let placeholder = Sealed::from_stored(Vec::new());
                        let update_id =
                            db::referrals::add_update(conn, referral.id, actor, &placeholder)?;
                        let body = update_body.as_deref().unwrap_or_default();
                        let sealed = key.seal(
                            &Aad::referral_update(&keyed_reference, &referral.public_id, update_id),
                            body.as_bytes(),
                        );
                        db::referrals::set_update_body(conn, update_id, &sealed)?;
                    }
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

/// One line of a group's referral list: no case content at all.
#[derive(Debug)]
pub struct ReferralListItem {
    pub id: i64,
    pub public_id: String,
    pub status: String,
    pub created: String,
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
            public_id: r.referral.public_id,
            status: r.referral.status,
            created: stamp(&r.referral.created_at),
            updated: stamp(&r.referral.updated_at),
        })
        .collect())
}
