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
    let assignee = match form.assignee.as_str() {
        "" | "none" => None,
        "me" => Some(staff.user_id),
        id => Some(id.parse::<i64>().map_err(|_| AppError::BadRequest)?),
    };
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
