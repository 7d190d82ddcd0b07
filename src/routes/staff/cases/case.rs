//! One case as staff see it: the case page (also shown again, with the
//! reason, when a change is refused) and its evidence files.

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, web};
use askama::Template;

use super::super::StaffNav;
use crate::auth::Staff;
use crate::cases::view::{OpenedCase, Timeline, open_case, open_evidence};
use crate::cases::workflow::Refusal;
use crate::db;
use crate::domain::text;
use crate::domain::{CaseReference, CaseStatus, PublicId, RecipientKind, RiskLevel};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render, render_with_status};

#[derive(Template)]
#[template(path = "staff/case.html")]
pub(super) struct CasePage {
    t: Tr,
    nav: Option<StaffNav>,
    c: OpenedCase,
    timeline: Timeline,
    received: String,
    next_statuses: Vec<CaseStatus>,
    risks: &'static [RiskLevel],
    workers: Vec<(i64, String)>,
    me: i64,
    error: Option<&'static str>,
    notice: Option<&'static str>,
    note_draft: String,
    referrals: Vec<crate::cases::referrals::OpenedReferral>,
    groups: Vec<(i64, String, String)>,
    deletion_due: Option<String>,
    message_draft: String,
    links: crate::cases::links::CaseLinks,
    packets: Vec<crate::cases::packets::PacketView>,
    recipients: Vec<RecipientOption>,
    packet_draft: String,
}

/// A recipient as the packet form offers it.
pub(super) struct RecipientOption {
    id: i64,
    name: String,
    kind: String,
    has_key: bool,
    /// Whether the reporter's consents allow sharing with it.
    allowed: bool,
}

impl CasePage {
    fn evidence_href(&self, public_id: &str) -> String {
        format!("/staff/cases/{}/evidence/{public_id}", self.c.reference)
    }

    fn action(&self, what: &str) -> String {
        self.t
            .url(&format!("/staff/cases/{}/{what}", self.c.reference))
    }

    fn kib(&self, bytes: &i32) -> i64 {
        (i64::from(*bytes) + 1023) / 1024
    }

    fn assignee_is(&self, id: &i64) -> bool {
        self.c.assignee_id == Some(*id)
    }

    /// The assignee, when no longer one of those a case can be given to
    /// (their account closed): still shown as chosen, so that saving the
    /// triage form for something else does not unassign the case.
    fn assignee_elsewhere(&self) -> Option<i64> {
        self.c
            .assignee_id
            .filter(|id| !self.workers.iter().any(|(w, _)| w == id))
    }

    fn packet_href(&self, public_id: &str) -> String {
        self.t.url(&format!("/staff/packets/{public_id}"))
    }

    fn any_recipient_allowed(&self) -> bool {
        self.recipients.iter().any(|r| r.allowed)
    }
}

#[derive(serde::Deserialize, Default)]
pub struct CaseQuery {
    done: Option<String>,
}

pub(super) async fn case_page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    reference: &CaseReference,
    error: Option<&'static str>,
    notice: Option<&'static str>,
    note_draft: String,
) -> Result<CasePage, AppError> {
    let (case, timeline) = open_case(state, &staff.key, reference)
        .await?
        .ok_or(AppError::NotFound)?;
    let workers = state.db.run(db::users::case_workers).await?;
    let referrals = crate::cases::referrals::for_case(state, &staff.key, case.id).await?;
    let deletion_due = case.deletion_due_at.as_ref().map(crate::cases::stamp);
    let links = crate::cases::links::for_case(state, &staff.key, case.id, &case.content).await?;
    let packets = crate::cases::packets::for_case(state, staff.user_id, case.id).await?;
    let (consent_referral, consent_police) = (case.consent_referral, case.consent_police);
    let recipients = state
        .db
        .run(db::organisations::list_recipients)
        .await?
        .into_iter()
        .filter(|o| o.active)
        .map(|o| {
            let kind = RecipientKind::parse(&o.kind).unwrap_or(RecipientKind::Other);
            RecipientOption {
                id: o.id,
                has_key: o.age_recipient.is_some(),
                allowed: kind.allowed(consent_referral, consent_police),
                kind: o.kind,
                name: o.name,
            }
        })
        .collect();
    let groups = state
        .db
        .run(db::organisations::list)
        .await?
        .into_iter()
        .filter(|g| g.active)
        .map(|g| {
            let communities = g.communities().join(", ");
            (g.id, g.name, communities)
        })
        .collect();
    tracing::info!(user_id = staff.user_id, case_id = case.id, "case viewed");
    let status = CaseStatus::parse(&case.status).unwrap_or(CaseStatus::New);
    Ok(CasePage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        received: case.received_at.format("%Y-%m-%d %H:00 UTC").to_string(),
        next_statuses: status.next_statuses(),
        risks: RiskLevel::ALL,
        workers: workers
            .into_iter()
            .map(|u| (u.id, u.label().to_string()))
            .collect(),
        me: staff.user_id,
        c: case,
        timeline,
        error,
        notice,
        // A draft is shown again, in the form it came from, without what
        // could never be stored.
        message_draft: if error == Some("case-error-message") {
            text::without_controls(&note_draft)
        } else {
            String::new()
        },
        packet_draft: if error.is_some_and(|e| e.starts_with("packet-error")) {
            text::without_controls(&note_draft)
        } else {
            String::new()
        },
        note_draft: if error == Some("case-error-message")
            || error.is_some_and(|e| e.starts_with("packet-error"))
        {
            String::new()
        } else {
            text::without_controls(&note_draft)
        },
        packets,
        recipients,
        referrals,
        groups,
        deletion_due,
        links,
    })
}

fn notice_for(done: Option<&str>) -> Option<&'static str> {
    Some(match done? {
        "status" => "case-done-status",
        "risk" => "case-done-risk",
        "assign" => "case-done-assign",
        "triage" => "case-done-triage",
        "note" => "case-done-note",
        "referred" => "case-done-referred",
        "message" => "case-done-message",
        "filed" => "case-done-filed",
        "link-confirmed" => "case-done-link-confirmed",
        "link-dismissed" => "case-done-link-dismissed",
        "link-none" => "case-done-link-none",
        "packet-group" => "case-done-packet-group",
        "packet-notice" => "case-done-packet-notice",
        _ => return None,
    })
}

pub async fn show(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<CaseQuery>,
) -> Result<HttpResponse, AppError> {
    let reference = CaseReference::parse(&path).ok_or(AppError::NotFound)?;
    let page = case_page(
        &staff,
        t,
        &state,
        &reference,
        None,
        notice_for(query.done.as_deref()),
        String::new(),
    )
    .await?;
    render(&page)
}

/// Why a change to a case was refused: triage or referral rules.
pub enum Refused {
    Triage(Refusal),
    Referral(crate::cases::referrals::Refusal),
    Packet(crate::cases::packets::PacketRefusal),
}

impl From<Refusal> for Refused {
    fn from(r: Refusal) -> Self {
        Refused::Triage(r)
    }
}

/// After a change: back to the case page, saying what was done; or the
/// page again with the reason it was refused.
pub(crate) async fn outcome(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    reference: &CaseReference,
    result: Result<(), Refused>,
    done: &str,
    note_draft: String,
) -> Result<HttpResponse, AppError> {
    match result {
        Ok(()) => {
            // Back where the form was on the page, not at its top.
            let at = match done {
                "status" | "risk" | "assign" | "triage" => "#triage",
                "note" => "#notes",
                "message" => "#messages",
                "referred" => "#referrals",
                d if d.starts_with("link") => "#links",
                d if d.starts_with("packet") => "#packets",
                _ => "",
            };
            let target = t
                .for_staff()
                .url(&format!("/staff/cases/{}?done={done}", reference.as_str()));
            let target = format!("{target}{at}");
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, target))
                .finish())
        }
        Err(refused) => {
            let (key, bad_input) = match &refused {
                Refused::Triage(r) => (r.message_key(), r.is_bad_input()),
                Refused::Referral(r) => (r.message_key(), r.is_bad_input()),
                Refused::Packet(r) => (r.message_key(), r.is_bad_input()),
            };
            let page = case_page(staff, t, state, reference, Some(key), None, note_draft).await?;
            let status = if bad_input {
                actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
            } else {
                actix_web::http::StatusCode::CONFLICT
            };
            render_with_status(&page, status)
        }
    }
}

pub async fn evidence(
    staff: Staff,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (reference, public_id) = path.into_inner();
    let reference = CaseReference::parse(&reference).ok_or(AppError::NotFound)?;
    let public_id = PublicId::parse(&public_id).ok_or(AppError::NotFound)?;
    let file = open_evidence(&state, &staff.key, &reference, &public_id)
        .await?
        .ok_or(AppError::NotFound)?;
    tracing::info!(user_id = staff.user_id, "evidence downloaded");
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::FilenameExt(header::ExtendedValue {
            charset: header::Charset::Ext("UTF-8".into()),
            language_tag: None,
            value: crate::cases::evidence::download_name(&file.name, &file.media_type).into_bytes(),
        })],
    };
    Ok(HttpResponse::Ok()
        .content_type("application/octet-stream")
        .insert_header(disposition)
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; frame-ancestors 'none'; sandbox",
        ))
        .body(file.bytes.to_vec()))
}
