//! Triage: moving a case along its statuses, setting its risk, assigning
//! it, and writing internal notes. Each change and its timeline entry (and
//! any email it causes) are stored in one transaction.

use crate::auth::Staff;
use crate::context::Ctx;
use crate::crypto::{Aad, new_token};
use crate::db::{self, Conn, DbError, cases::CaseRow};
use crate::domain::text::{self, MultiLine};
use crate::domain::{CaseReference, CaseStatus, EventKind, RiskLevel, StaffRole};
use crate::error::ServiceError;

use super::notify::Notifier;

/// Why a triage change was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The move is not one of the allowed steps from the current status.
    NotAllowed,
    /// Someone else changed the case first: reload and try again.
    Changed,
    /// The chosen assignee cannot take cases.
    NotACaseworker,
    /// A note must say something (and not too much).
    EmptyNote,
    NoteTooLong,
    /// The note holds control characters (a NUL byte, an escape).
    NoteControl,
}

impl Refusal {
    pub fn message_key(&self) -> &'static str {
        match self {
            Refusal::NotAllowed => "case-error-transition",
            Refusal::Changed => "case-error-changed",
            Refusal::NotACaseworker => "case-error-assignee",
            Refusal::EmptyNote => "case-error-note-empty",
            Refusal::NoteTooLong => "case-error-note-long",
            Refusal::NoteControl => "case-error-note-control",
        }
    }

    /// Whether what was typed is at fault (422), rather than the state of
    /// the case (409).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            Refusal::EmptyNote | Refusal::NoteTooLong | Refusal::NoteControl
        )
    }
}

pub const MAX_NOTE_CHARS: usize = 10_000;

async fn load(state: &Ctx, reference: &CaseReference) -> Result<CaseRow, ServiceError> {
    let reference = reference.as_str().to_string();
    state
        .db
        .run(move |conn| db::cases::find_by_reference(conn, &reference))
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Moves a case from `from` to `to` within the caller's transaction — the
/// one place a status changes, for triage and referrals alike: the status
/// (unless someone changed it first: then `false` and nothing else), its
/// timeline entry, the closing time, and the audit entry. Which moves are
/// allowed is the caller's to decide: triage takes one step along the path
/// (`CaseStatus::can_move_to`), a referral goes straight to `referred`.
pub fn transition(
    conn: &mut Conn,
    case_id: i64,
    from: CaseStatus,
    to: CaseStatus,
    actor: i64,
) -> Result<bool, DbError> {
    if !db::cases::set_status(conn, case_id, from.as_str(), to.as_str())? {
        return Ok(false);
    }
    let detail = format!("{}>{}", from.as_str(), to.as_str());
    db::events::record(
        conn,
        case_id,
        Some(actor),
        EventKind::Status.as_str(),
        &detail,
    )?;
    db::cases::set_closed_at(conn, case_id, to == CaseStatus::Closed)?;
    if matches!(
        to,
        CaseStatus::InProgress | CaseStatus::Referred | CaseStatus::Closed
    ) {
        super::deadlines::responded(conn, case_id)?;
    }
    db::audit::record(
        conn,
        Some(actor),
        "case.status",
        "case",
        &case_id.to_string(),
        &detail,
    )?;
    Ok(true)
}

pub async fn change_status(
    state: &Ctx,
    staff: &Staff,
    reference: &CaseReference,
    to: CaseStatus,
) -> Result<Result<(), Refusal>, ServiceError> {
    let case = load(state, reference).await?;
    let from = CaseStatus::parse(&case.status)
        .ok_or_else(|| ServiceError::internal(anyhow::anyhow!("unknown status")))?;
    if !from.can_move_to(to) {
        return Ok(Err(Refusal::NotAllowed));
    }
    let actor = staff.user_id;
    let moved = state
        .db
        .run(move |conn| db::transaction(conn, |conn| transition(conn, case.id, from, to, actor)))
        .await?;
    tracing::info!(user_id = actor, moved, "case status change");
    Ok(if moved { Ok(()) } else { Err(Refusal::Changed) })
}

pub async fn change_risk(
    state: &Ctx,
    staff: &Staff,
    reference: &CaseReference,
    to: RiskLevel,
) -> Result<Result<(), Refusal>, ServiceError> {
    let case = load(state, reference).await?;
    if case.risk == to.as_str() {
        return Ok(Ok(()));
    }
    let actor = staff.user_id;
    let notifier = Notifier::new(&state.config);
    let notified = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::cases::set_risk(conn, case.id, to.as_str())?;
                let detail = format!("{}>{}", case.risk, to.as_str());
                db::events::record(
                    conn,
                    case.id,
                    Some(actor),
                    EventKind::Risk.as_str(),
                    &detail,
                )?;
                db::audit::record(
                    conn,
                    Some(actor),
                    "case.risk",
                    "case",
                    &case.id.to_string(),
                    &detail,
                )?;
                if to == RiskLevel::Urgent {
                    notifier.urgent_case(conn)
                } else {
                    Ok(0)
                }
            })
        })
        .await?;
    tracing::info!(
        user_id = actor,
        case_id = case.id,
        notified,
        "case risk change"
    );
    Ok(Ok(()))
}

pub async fn assign(
    state: &Ctx,
    staff: &Staff,
    reference: &CaseReference,
    assignee: Option<i64>,
) -> Result<Result<(), Refusal>, ServiceError> {
    let case = load(state, reference).await?;
    let actor = staff.user_id;
    let result = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                if let Some(id) = assignee {
                    let ok = db::users::find(conn, id)?.is_some_and(|u| {
                        u.active && StaffRole::parse(&u.role).is_some_and(StaffRole::works_cases)
                    });
                    if !ok {
                        return Ok(Err(Refusal::NotACaseworker));
                    }
                }
                if case.assignee_id == assignee {
                    return Ok(Ok(()));
                }
                db::cases::set_assignee(conn, case.id, assignee)?;
                let detail = assignee.map(|a| a.to_string()).unwrap_or_default();
                db::audit::record(
                    conn,
                    Some(actor),
                    "case.assign",
                    "case",
                    &case.id.to_string(),
                    &detail,
                )?;
                match assignee {
                    Some(id) => db::events::record(
                        conn,
                        case.id,
                        Some(actor),
                        EventKind::Assigned.as_str(),
                        &id.to_string(),
                    )?,
                    None => db::events::record(
                        conn,
                        case.id,
                        Some(actor),
                        EventKind::Unassigned.as_str(),
                        "",
                    )?,
                }
                Ok::<_, DbError>(Ok(()))
            })
        })
        .await?;
    Ok(result)
}

pub async fn add_note(
    state: &Ctx,
    staff: &Staff,
    reference: &CaseReference,
    body: &str,
) -> Result<Result<(), Refusal>, ServiceError> {
    let body = body.trim();
    if MultiLine::parse(body).is_err() {
        return Ok(Err(Refusal::NoteControl));
    }
    if body.is_empty() || text::is_blank(body) {
        return Ok(Err(Refusal::EmptyNote));
    }
    if body.chars().count() > MAX_NOTE_CHARS {
        return Ok(Err(Refusal::NoteTooLong));
    }
    let case = load(state, reference).await?;
    let keys = super::staff_keys(state, &staff.key, &case).await?;
    let public_id = new_token()[..32].to_string();
    let sealed = keys.staff().seal(
        &Aad::case_note(&case.reference, &public_id),
        body.as_bytes(),
    );
    let actor = staff.user_id;
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::notes::insert(conn, case.id, &public_id, actor, &sealed)?;
                db::audit::record(
                    conn,
                    Some(actor),
                    "case.note",
                    "case",
                    &case.id.to_string(),
                    "",
                )?;
                db::events::record(conn, case.id, Some(actor), EventKind::Note.as_str(), "")
            })
        })
        .await?;
    tracing::info!(user_id = actor, case_id = case.id, "note added");
    Ok(Ok(()))
}
