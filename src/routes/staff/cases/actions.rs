//! The triage actions on a case: status, risk, assignee, notes, messages
//! to the reporter, and deletion at the reporter's request.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use super::case::{Refused, case_page, outcome};
use crate::auth::Staff;
use crate::cases::workflow;
use crate::domain::{CaseReference, CaseStatus, RiskLevel};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render_with_status};

#[derive(serde::Deserialize)]
pub struct StatusForm {
    status: String,
}

pub async fn set_status(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<StatusForm>,
) -> Result<HttpResponse, AppError> {
    let reference = CaseReference::parse(&path).ok_or(AppError::NotFound)?;
    let to = CaseStatus::parse(&form.status).ok_or(AppError::BadRequest)?;
    let result = workflow::change_status(&state, &staff, &reference, to).await?;
    outcome(
        &staff,
        t,
        &state,
        &reference,
        result.map_err(Refused::from),
        "status",
        String::new(),
    )
    .await
}

#[derive(serde::Deserialize)]
pub struct RiskForm {
    risk: String,
}

pub async fn set_risk(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<RiskForm>,
) -> Result<HttpResponse, AppError> {
    let reference = CaseReference::parse(&path).ok_or(AppError::NotFound)?;
    let to = RiskLevel::parse(&form.risk).ok_or(AppError::BadRequest)?;
    let result = workflow::change_risk(&state, &staff, &reference, to).await?;
    outcome(
        &staff,
        t,
        &state,
        &reference,
        result.map_err(Refused::from),
        "risk",
        String::new(),
    )
    .await
}

#[derive(serde::Deserialize)]
pub struct AssignForm {
    assignee: String,
}

pub async fn assign(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<AssignForm>,
) -> Result<HttpResponse, AppError> {
    let reference = CaseReference::parse(&path).ok_or(AppError::NotFound)?;
    let assignee = assignee_of(&staff, &form.assignee)?;
    let result = workflow::assign(&state, &staff, &reference, assignee).await?;
    outcome(
        &staff,
        t,
        &state,
        &reference,
        result.map_err(Refused::from),
        "assign",
        String::new(),
    )
    .await
}

/// Status, risk and assignee, in one form, with the risk and assignee it
/// was shown with.
#[derive(serde::Deserialize)]
pub struct TriageForm {
    /// Empty: the status stays as it is.
    #[serde(default)]
    status: String,
    risk: String,
    assignee: String,
    risk_was: String,
    assignee_was: String,
}

/// Saves the triage form: the status first (it can be refused when the
/// case moved meanwhile), then the risk, then the assignee, each only if
/// this form changed it, so that a form opened before a colleague's change
/// does not undo it. Back to the form, saying what was done.
pub async fn triage(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<TriageForm>,
) -> Result<HttpResponse, AppError> {
    let reference = CaseReference::parse(&path).ok_or(AppError::NotFound)?;
    let status = match form.status.as_str() {
        "" => None,
        s => Some(CaseStatus::parse(s).ok_or(AppError::BadRequest)?),
    };
    let risk = RiskLevel::parse(&form.risk).ok_or(AppError::BadRequest)?;
    let assignee = assignee_of(&staff, &form.assignee)?;
    let mut result = Ok(());
    if let Some(to) = status {
        result = workflow::change_status(&state, &staff, &reference, to).await?;
    }
    if result.is_ok() && form.risk != form.risk_was {
        result = workflow::change_risk(&state, &staff, &reference, risk).await?;
    }
    if result.is_ok() && form.assignee != form.assignee_was {
        result = workflow::assign(&state, &staff, &reference, assignee).await?;
    }
    outcome(
        &staff,
        t,
        &state,
        &reference,
        result.map_err(Refused::from),
        "triage",
        String::new(),
    )
    .await
}

/// The assignee a form names: nobody, the viewer, or a staff id.
fn assignee_of(staff: &Staff, value: &str) -> Result<Option<i64>, AppError> {
    Ok(match value {
        "" | "none" => None,
        "me" => Some(staff.user_id),
        id => Some(id.parse::<i64>().map_err(|_| AppError::BadRequest)?),
    })
}

#[derive(serde::Deserialize)]
pub struct NoteForm {
    body: String,
}

pub async fn add_note(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<NoteForm>,
) -> Result<HttpResponse, AppError> {
    let reference = CaseReference::parse(&path).ok_or(AppError::NotFound)?;
    let result = workflow::add_note(&state, &staff, &reference, &form.body).await?;
    outcome(
        &staff,
        t,
        &state,
        &reference,
        result.map_err(Refused::from),
        "note",
        form.into_inner().body,
    )
    .await
}

#[derive(serde::Deserialize)]
pub struct MessageForm {
    body: String,
}

/// A message to the reporter, read when they come back with their receipt.
pub async fn message(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<MessageForm>,
) -> Result<HttpResponse, AppError> {
    let reference = CaseReference::parse(&path).ok_or(AppError::NotFound)?;
    let body = form.into_inner().body;
    if crate::cases::messages::staff_writes(&state, &staff, &reference, &body).await? {
        outcome(
            &staff,
            t,
            &state,
            &reference,
            Ok(()),
            "message",
            String::new(),
        )
        .await
    } else {
        let page = case_page(
            &staff,
            t,
            &state,
            &reference,
            Some("case-error-message"),
            None,
            body,
        )
        .await?;
        render_with_status(&page, actix_web::http::StatusCode::UNPROCESSABLE_ENTITY)
    }
}

/// Carries out a reporter's deletion request now, instead of at the end of
/// its grace period.
pub async fn purge(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let reference = CaseReference::parse(&path).ok_or(AppError::NotFound)?;
    if !crate::cases::purge::confirm_request(&state, staff.user_id, &reference).await? {
        let page = case_page(
            &staff,
            t,
            &state,
            &reference,
            Some("case-error-no-deletion"),
            None,
            String::new(),
        )
        .await?;
        return render_with_status(&page, actix_web::http::StatusCode::CONFLICT);
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            t.for_staff().url("/staff/cases?deleted=1"),
        ))
        .finish())
}
