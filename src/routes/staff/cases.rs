//! The case queue, one case, its evidence, and the triage actions.

use std::collections::HashMap;

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{NaiveDate, TimeZone, Utc};

use super::StaffNav;
use crate::auth::Staff;
use crate::cases::view::{OpenedCase, Timeline, open_case, open_evidence};
use crate::cases::workflow::{self, Refusal};
use crate::db::cases::{AssigneeFilter, Cursor, QueueFilter, Sort};
use crate::db::{self, strings};
use crate::domain::text;
use crate::domain::{CaseReference, CaseStatus, Community, IncidentKind, PublicId, RiskLevel};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render, render_with_status};

const PAGE_SIZE: i64 = 50;

/// A queue row as shown.
pub struct QueueItem {
    pub reference: String,
    pub href: String,
    pub received: String,
    pub received_iso: String,
    pub status: String,
    pub risk: String,
    pub phone: bool,
    pub kinds: Vec<String>,
    pub community: Option<String>,
    pub province: Option<String>,
    pub assignee: Option<String>,
}

/// The queue's query string, as typed in the filter form.
#[derive(serde::Deserialize, serde::Serialize, Default, Clone)]
pub struct QueueQuery {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    status: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    risk: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    community: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    assignee: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    from: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    to: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    sort: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    after: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    lang: String,
    /// Legacy "before=<id>" links of the newest-first order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    before: Option<i64>,
}

fn code<T>(value: &str, parse: fn(&str) -> Option<T>) -> Result<Option<T>, AppError> {
    if value.is_empty() {
        Ok(None)
    } else {
        parse(value).map(Some).ok_or(AppError::BadRequest)
    }
}

fn day(value: &str) -> Result<Option<NaiveDate>, AppError> {
    if value.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| AppError::BadRequest)
}

impl QueueQuery {
    fn to_filter(&self, me: i64) -> Result<QueueFilter, AppError> {
        let sort = match self.sort.as_str() {
            "" | "newest" => Sort::Newest,
            "oldest" => Sort::Oldest,
            "risk" => Sort::Risk,
            _ => return Err(AppError::BadRequest),
        };
        let after = match (self.after.as_str(), self.before) {
            ("", Some(id)) => Some(Cursor { rank: 0, id }),
            ("", None) => None,
            (a, _) => {
                let (rank, id) = a.split_once('.').unwrap_or(("0", a));
                Some(Cursor {
                    rank: rank.parse().map_err(|_| AppError::BadRequest)?,
                    id: id.parse().map_err(|_| AppError::BadRequest)?,
                })
            }
        };
        let assignee = match self.assignee.as_str() {
            "" => AssigneeFilter::Anyone,
            "none" => AssigneeFilter::Nobody,
            "me" => AssigneeFilter::User(me),
            id => AssigneeFilter::User(id.parse().map_err(|_| AppError::BadRequest)?),
        };
        let midnight =
            |d: NaiveDate| Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight exists"));
        Ok(QueueFilter {
            status: code(&self.status, CaseStatus::parse)?.map(CaseStatus::as_str),
            risk: code(&self.risk, RiskLevel::parse)?.map(RiskLevel::as_str),
            kind: code(&self.kind, IncidentKind::parse)?.map(IncidentKind::as_str),
            community: code(&self.community, Community::parse)?.map(Community::as_str),
            assignee,
            received_from: day(&self.from)?.map(midnight),
            received_before: day(&self.to)?.map(|d| midnight(d + chrono::Duration::days(1))),
            sort,
            after,
        })
    }

    /// This query with another page start or another status.
    fn href(&self, change: impl FnOnce(&mut QueueQuery)) -> String {
        let mut q = self.clone();
        q.before = None;
        change(&mut q);
        match serde_urlencoded::to_string(&q) {
            Ok(s) if !s.is_empty() => format!("/staff/cases?{s}"),
            _ => "/staff/cases".to_string(),
        }
    }
}

/// A status tab: its code, its count, its link, whether it is selected.
pub struct StatusTab {
    pub code: &'static str,
    pub count: i64,
    pub href: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "staff/cases.html")]
struct QueuePage {
    t: Tr,
    nav: Option<StaffNav>,
    rows: Vec<QueueItem>,
    total: i64,
    tabs: Vec<StatusTab>,
    all_href: String,
    q: QueueQuery,
    statuses: &'static [CaseStatus],
    risks: &'static [RiskLevel],
    kinds: &'static [IncidentKind],
    communities: &'static [Community],
    workers: Vec<(i64, String)>,
    first_href: Option<String>,
    next_href: Option<String>,
}

pub async fn queue(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let mut q = query.into_inner();
    let filter = q.to_filter(staff.user_id)?;
    let paged = filter.after.is_some();
    let sort = filter.sort;
    let (mut rows, counts, workers) = state
        .db
        .run(move |conn| {
            Ok((
                db::cases::filtered_page(conn, &filter, PAGE_SIZE + 1)?,
                db::cases::status_counts(conn)?,
                db::users::case_workers(conn)?,
            ))
        })
        .await?;
    let has_more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    if t.explicit {
        q.lang = t.code_str().to_string();
    }
    let next_href = if has_more {
        rows.last().map(|r| {
            let after = match sort {
                Sort::Risk => format!("{}.{}", r.risk_rank.unwrap_or(2), r.id),
                _ => r.id.to_string(),
            };
            q.href(|q| q.after = after)
        })
    } else {
        None
    };
    let labels: HashMap<i64, String> = workers
        .iter()
        .map(|u| (u.id, u.label().to_string()))
        .collect();
    let count_of = |s: &str| {
        counts
            .iter()
            .find(|(c, _)| c == s)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    let tabs = CaseStatus::ALL
        .iter()
        .map(|s| StatusTab {
            code: s.as_str(),
            count: count_of(s.as_str()),
            href: q.href(|q| {
                q.status = s.as_str().to_string();
                q.after.clear();
            }),
            current: q.status == s.as_str(),
        })
        .collect();
    let rows = rows
        .into_iter()
        .map(|r| QueueItem {
            href: t.url(&format!("/staff/cases/{}", r.reference)),
            received: r.received_at.format("%Y-%m-%d %H:00").to_string(),
            received_iso: r.received_at.to_rfc3339(),
            reference: r.reference,
            status: r.status,
            risk: r.risk,
            phone: r.source == "phone",
            kinds: strings(r.kinds),
            community: r.community,
            province: r.province,
            assignee: r
                .assignee_id
                .map(|id| labels.get(&id).cloned().unwrap_or_else(|| format!("#{id}"))),
        })
        .collect();
    render(&QueuePage {
        t,
        nav: StaffNav::for_staff(&staff),
        rows,
        total: counts.iter().map(|(_, n)| n).sum(),
        tabs,
        all_href: q.href(|q| {
            q.status.clear();
            q.after.clear();
        }),
        first_href: paged.then(|| q.href(|q| q.after.clear())),
        next_href,
        statuses: CaseStatus::ALL,
        risks: RiskLevel::ALL,
        kinds: IncidentKind::ALL,
        communities: Community::ALL,
        workers: workers
            .into_iter()
            .map(|u| (u.id, u.label().to_string()))
            .collect(),
        q,
    })
}

#[derive(Template)]
#[template(path = "staff/case.html")]
struct CasePage {
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
}

#[derive(serde::Deserialize, Default)]
pub struct CaseQuery {
    done: Option<String>,
}

async fn case_page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    reference: &CaseReference,
    error: Option<&'static str>,
    notice: Option<&'static str>,
    note_draft: String,
) -> Result<CasePage, AppError> {
    let (case, timeline) = open_case(state, staff.user_id, reference)
        .await?
        .ok_or(AppError::NotFound)?;
    let workers = state.db.run(db::users::case_workers).await?;
    let referrals = crate::cases::referrals::for_case(state, case.id).await?;
    let deletion_due = case.deletion_due_at.as_ref().map(crate::cases::stamp);
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
        // A draft is shown again without what could never be stored.
        message_draft: if error == Some("case-error-message") {
            text::without_controls(&note_draft)
        } else {
            String::new()
        },
        note_draft: if error == Some("case-error-message") {
            String::new()
        } else {
            text::without_controls(&note_draft)
        },
        referrals,
        groups,
        deletion_due,
    })
}

fn notice_for(done: Option<&str>) -> Option<&'static str> {
    Some(match done? {
        "status" => "case-done-status",
        "risk" => "case-done-risk",
        "assign" => "case-done-assign",
        "note" => "case-done-note",
        "referred" => "case-done-referred",
        "message" => "case-done-message",
        "filed" => "case-done-filed",
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
}

impl From<Refusal> for Refused {
    fn from(r: Refusal) -> Self {
        Refused::Triage(r)
    }
}

/// After a change: back to the case page, saying what was done; or the
/// page again with the reason it was refused.
pub(super) async fn outcome(
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
            let target = t
                .for_staff()
                .url(&format!("/staff/cases/{}?done={done}", reference.as_str()));
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, target))
                .finish())
        }
        Err(refused) => {
            let (key, bad_input) = match &refused {
                Refused::Triage(r) => (r.message_key(), r.is_bad_input()),
                Refused::Referral(r) => (r.message_key(), r.is_bad_input()),
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

pub async fn evidence(
    staff: Staff,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (reference, public_id) = path.into_inner();
    let reference = CaseReference::parse(&reference).ok_or(AppError::NotFound)?;
    let public_id = PublicId::parse(&public_id).ok_or(AppError::NotFound)?;
    let file = open_evidence(&state, staff.user_id, &reference, &public_id)
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
    let r = reference.as_str().to_string();
    let case = state
        .db
        .run(move |conn| db::cases::find_by_reference(conn, &r))
        .await?
        .ok_or(AppError::NotFound)?;
    if case.deletion_due_at.is_none() {
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
    let id = case.id;
    let actor = staff.user_id;
    state
        .db
        .run(move |conn| {
            crate::cases::purge::purge_case(
                conn,
                id,
                crate::cases::purge::Reason::ConfirmedByStaff(actor),
            )
        })
        .await?;
    tracing::info!(
        user_id = staff.user_id,
        case_id = id,
        "case deleted at the reporter's request, confirmed by staff"
    );
    Ok(HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            t.for_staff().url("/staff/cases?deleted=1"),
        ))
        .finish())
}
