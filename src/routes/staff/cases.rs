//! The case queue, one case, and its evidence.

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::auth::Staff;
use crate::cases::view::{OpenedCase, open_case, open_evidence};
use crate::db::{self, strings};
use crate::domain::CaseReference;
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render};

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
}

#[derive(Template)]
#[template(path = "staff/cases.html")]
struct QueuePage {
    t: Tr,
    nav: Option<StaffNav>,
    rows: Vec<QueueItem>,
    total: i64,
    first_href: Option<String>,
    next_href: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct QueueQuery {
    before: Option<i64>,
}

pub async fn queue(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let before = query.before;
    let (mut rows, total) = state
        .db
        .run(move |conn| Ok((db::cases::queue_page(conn, before, PAGE_SIZE + 1)?, db::cases::count(conn)?)))
        .await?;
    let has_more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let next_href = if has_more { rows.last().map(|r| t.url(&format!("/staff/cases?before={}", r.id))) } else { None };
    let rows = rows
        .into_iter()
        .map(|r| QueueItem {
            href: format!("/staff/cases/{}", r.reference),
            received: r.received_at.format("%Y-%m-%d %H:00").to_string(),
            received_iso: r.received_at.to_rfc3339(),
            reference: r.reference,
            status: r.status,
            risk: r.risk,
            phone: r.source == "phone",
            kinds: strings(r.kinds),
            community: r.community,
            province: r.province,
        })
        .collect();
    render(&QueuePage {
        t,
        nav: StaffNav::for_staff(&staff),
        rows,
        total,
        first_href: before.map(|_| t.url("/staff/cases")),
        next_href,
    })
}

#[derive(Template)]
#[template(path = "staff/case.html")]
struct CasePage {
    t: Tr,
    nav: Option<StaffNav>,
    c: OpenedCase,
    received: String,
}

impl CasePage {
    fn evidence_href(&self, public_id: &str) -> String {
        format!("/staff/cases/{}/evidence/{public_id}", self.c.reference)
    }

    fn kib(&self, bytes: &i32) -> i64 {
        (i64::from(*bytes) + 1023) / 1024
    }
}

pub async fn show(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let reference = CaseReference::parse(&path).ok_or(AppError::NotFound)?;
    let case = open_case(&state, &reference).await?.ok_or(AppError::NotFound)?;
    tracing::info!(user_id = staff.user_id, case_id = case.id, "case viewed");
    render(&CasePage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(&staff),
        received: case.received_at.format("%Y-%m-%d %H:00 UTC").to_string(),
        c: case,
    })
}

pub async fn evidence(
    staff: Staff,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (reference, public_id) = path.into_inner();
    let reference = CaseReference::parse(&reference).ok_or(AppError::NotFound)?;
    if public_id.len() != 32 || !public_id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    let file = open_evidence(&state, &reference, &public_id).await?.ok_or(AppError::NotFound)?;
    tracing::info!(user_id = staff.user_id, "evidence downloaded");
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::FilenameExt(header::ExtendedValue {
            charset: header::Charset::Ext("UTF-8".into()),
            language_tag: None,
            value: file.name.clone().into_bytes(),
        })],
    };
    Ok(HttpResponse::Ok()
        .content_type("application/octet-stream")
        .insert_header(disposition)
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox"))
        .body(file.bytes.to_vec()))
}
