//! Referrals: a caseworker refers a case (from its page); a liaison sees
//! only their own group's referrals and only the summary written for them.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::auth::Staff;
use crate::cases::referrals::{self, OpenedReferral, ReferralListItem, Step};
use crate::domain::{CaseReference, PublicId};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render, render_with_status};

const PAGE_SIZE: i64 = 50;

/// `POST /staff/cases/{reference}/referrals`: fields `group` (repeated
/// group ids) and `summary_<id>` for each.
pub async fn refer(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let reference = CaseReference::parse(&path).ok_or(AppError::NotFound)?;
    let fields = form.into_inner();
    let mut targets = Vec::new();
    for (name, value) in &fields {
        if name == "group" {
            let id: i64 = value.parse().map_err(|_| AppError::BadRequest)?;
            let summary = fields
                .iter()
                .find(|(n, _)| *n == format!("summary_{id}"))
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            if !targets.iter().any(|(g, _)| *g == id) {
                targets.push((id, summary));
            }
        }
    }
    let result = referrals::refer(&state, &staff, &reference, targets).await?;
    super::cases::outcome(
        &staff,
        t,
        &state,
        &reference,
        result.map(|_| ()).map_err(super::cases::Refused::Referral),
        "referred",
        String::new(),
    )
    .await
}

#[derive(Template)]
#[template(path = "staff/referrals.html")]
struct ListPage {
    t: Tr,
    nav: Option<StaffNav>,
    items: Vec<ReferralListItem>,
    next_href: Option<String>,
    first_href: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct ListQuery {
    before: Option<i64>,
}

pub async fn list(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let mut items = referrals::list_for_liaison(&state, &staff, q.before, PAGE_SIZE + 1).await?;
    let more = items.len() as i64 > PAGE_SIZE;
    items.truncate(PAGE_SIZE as usize);
    let next_href = if more {
        items
            .last()
            .map(|i| t.url(&format!("/staff/referrals?before={}", i.id)))
    } else {
        None
    };
    render(&ListPage {
        t,
        nav: StaffNav::for_staff(&staff),
        items,
        next_href,
        first_href: q.before.map(|_| t.url("/staff/referrals")),
    })
}

#[derive(Template)]
#[template(path = "staff/referral.html")]
struct ReferralPage {
    t: Tr,
    nav: Option<StaffNav>,
    r: OpenedReferral,
    packets: Vec<crate::cases::packets::PacketView>,
    notice: Option<&'static str>,
    error: Option<&'static str>,
    /// A reason refused, shown again to be corrected.
    reason: String,
}

impl ReferralPage {
    /// Whether the error belongs to the confirmation box or the reason.
    fn error_on(&self, field: &str) -> bool {
        matches!(
            (field, self.error),
            ("confirm", Some("referral-error-confirm")) | ("reason", Some("referral-error-reason"))
        )
    }

    fn action(&self, what: &str) -> String {
        self.t
            .url(&format!("/staff/referrals/{}/{what}", self.r.public_id))
    }

    fn packet_action(&self, packet: &str) -> String {
        self.t.url(&format!(
            "/staff/referrals/{}/packets/{packet}/download",
            self.r.public_id
        ))
    }
}

#[derive(serde::Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

async fn page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    id: &str,
    notice: Option<&'static str>,
    error: Option<(&'static str, String)>,
) -> Result<ReferralPage, AppError> {
    // Another group's referral is "not found", exactly like one that does not exist.
    let r = referrals::for_liaison(state, staff, id)
        .await?
        .ok_or(AppError::NotFound)?;
    tracing::info!(user_id = staff.user_id, "referral viewed");
    let packets = crate::cases::packets::for_liaison(state, staff, id).await?;
    Ok(ReferralPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        r,
        packets,
        notice,
        error: error.as_ref().map(|(key, _)| *key),
        reason: error
            .map(|(_, reason)| crate::domain::text::without_controls(&reason))
            .unwrap_or_default(),
    })
}

pub async fn show(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<PublicId>,
    q: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = match q.done.as_deref() {
        Some("accept") => Some("referral-done-accept"),
        Some("decline") => Some("referral-done-decline"),
        Some("update") => Some("referral-done-update"),
        _ => None,
    };
    render(&page(&staff, t, &state, &id, notice, None).await?)
}

async fn step(
    staff: Staff,
    t: Tr,
    state: &AppState,
    id: &str,
    step: Step,
    done: &str,
) -> Result<HttpResponse, AppError> {
    let reason = match &step {
        Step::Decline { reason } => reason.clone(),
        _ => String::new(),
    };
    match referrals::liaison_step(state, &staff, id, step).await? {
        Ok(()) => Ok(HttpResponse::SeeOther()
            .insert_header((
                header::LOCATION,
                t.for_staff()
                    .url(&format!("/staff/referrals/{id}?done={done}")),
            ))
            .finish()),
        Err(refusal) => {
            let status = if refusal.is_bad_input() {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::CONFLICT
            };
            let error = Some((refusal.message_key(), reason));
            render_with_status(&page(&staff, t, state, id, None, error).await?, status)
        }
    }
}

#[derive(serde::Deserialize)]
pub struct AcceptForm {
    /// The box "I confirm our group takes this case on", ticked.
    confirm: Option<String>,
}

pub async fn accept(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<PublicId>,
    form: web::Form<AcceptForm>,
) -> Result<HttpResponse, AppError> {
    let confirmed = matches!(form.confirm.as_deref(), Some("yes" | "on"));
    step(staff, t, &state, &id, Step::Accept { confirmed }, "accept").await
}

#[derive(serde::Deserialize)]
pub struct ReasonForm {
    #[serde(default)]
    reason: String,
}

pub async fn decline(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<PublicId>,
    form: web::Form<ReasonForm>,
) -> Result<HttpResponse, AppError> {
    step(
        staff,
        t,
        &state,
        &id,
        Step::Decline {
            reason: form.into_inner().reason,
        },
        "decline",
    )
    .await
}

#[derive(serde::Deserialize)]
pub struct UpdateForm {
    #[serde(default)]
    body: String,
}

pub async fn update(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<PublicId>,
    form: web::Form<UpdateForm>,
) -> Result<HttpResponse, AppError> {
    step(
        staff,
        t,
        &state,
        &id,
        Step::Update {
            body: form.into_inner().body,
        },
        "update",
    )
    .await
}
