//! The mail outbox, for admins: what is pending, sent or failed, with the
//! last error; a failed message can be put back in line.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::auth::Staff;
use crate::db::{self, outbox::OutboxRow};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render};

const PAGE_SIZE: i64 = 100;

#[derive(Template)]
#[template(path = "staff/admin_outbox.html")]
struct OutboxPage {
    t: Tr,
    nav: Option<StaffNav>,
    rows: Vec<Message>,
    counts: Vec<(String, i64)>,
    status: String,
    notice: Option<&'static str>,
    next_href: Option<String>,
}

/// A message as the outbox page shows it: what an admin may see of the
/// row (never its sealed parameters), times already written out.
pub struct Message {
    pub created: String,
    pub recipient: String,
    pub template: String,
    pub status: String,
    pub attempts: i32,
    /// When a pending message that failed before is tried again.
    pub next_attempt: Option<String>,
    pub sent: Option<String>,
    pub last_error: Option<String>,
    /// Where "try again" posts, for a failed message.
    pub retry_action: Option<String>,
}

fn when(t: &chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

impl Message {
    fn of(row: OutboxRow, t: &Tr) -> Self {
        Self {
            created: when(&row.created_at),
            next_attempt: (row.status == "pending" && row.attempts > 0)
                .then(|| when(&row.next_attempt_at)),
            sent: row.sent_at.as_ref().map(when),
            retry_action: (row.status == "failed")
                .then(|| t.url(&format!("/staff/admin/outbox/{}/retry", row.id))),
            recipient: row.recipient,
            template: row.template,
            status: row.status,
            attempts: row.attempts,
            last_error: row.last_error,
        }
    }
}

impl OutboxPage {
    fn count(&self, status: &str) -> i64 {
        self.counts
            .iter()
            .find(|(s, _)| s == status)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    }
}

#[derive(serde::Deserialize)]
pub struct OutboxQuery {
    #[serde(default)]
    status: String,
    before: Option<i64>,
    done: Option<String>,
}

pub async fn list(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    q: web::Query<OutboxQuery>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let status = match q.status.as_str() {
        "" => None,
        s @ ("pending" | "sent" | "failed") => Some(s.to_string()),
        _ => return Err(AppError::BadRequest),
    };
    let before = q.before;
    let filter = status.clone();
    let (mut rows, counts) = state
        .db
        .run(move |conn| {
            Ok((
                db::outbox::list(conn, filter.as_deref(), before, PAGE_SIZE + 1)?,
                db::outbox::counts(conn)?,
            ))
        })
        .await?;
    let more = rows.len() as i64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let status = status.unwrap_or_default();
    let next_href = if more {
        rows.last().map(|r| {
            t.url(&format!(
                "/staff/admin/outbox?status={status}&before={}",
                r.id
            ))
        })
    } else {
        None
    };
    render(&OutboxPage {
        t,
        nav: StaffNav::for_staff(&staff),
        rows: rows.into_iter().map(|row| Message::of(row, &t)).collect(),
        counts,
        status,
        notice: (q.done.as_deref() == Some("retry")).then_some("outbox-done-retry"),
        next_href,
    })
}

pub async fn retry(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let admin = staff.user_id;
    let retried = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let retried = db::outbox::retry(conn, id)?;
                if retried {
                    db::audit::record(
                        conn,
                        Some(admin),
                        "outbox.retry",
                        "outbox",
                        &id.to_string(),
                        "",
                    )?;
                }
                Ok(retried)
            })
        })
        .await?;
    if !retried {
        return Err(AppError::NotFound);
    }
    tracing::info!(
        admin_id = staff.user_id,
        outbox_id = id,
        "failed mail put back in line"
    );
    Ok(HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            t.for_staff().url("/staff/admin/outbox?done=retry"),
        ))
        .finish())
}
