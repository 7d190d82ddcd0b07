//! Messages between caseworkers and the reporter. The reporter reads them
//! only when they come back with their receipt: Haven never contacts a
//! reporter by itself.

use super::stamp;
use crate::auth::Staff;
use crate::context::Ctx;
use crate::crypto::{Aad, DataKey, new_token};
use crate::db::{self, cases::CaseRow};
use crate::domain::text::{self, MultiLine};
use crate::domain::{CaseReference, EventKind};
use crate::error::ServiceError;

pub const MAX_MESSAGE_CHARS: usize = 10_000;

/// A message, opened.
#[derive(Debug)]
pub struct Message {
    pub from_reporter: bool,
    pub author: Option<String>,
    pub when: String,
    pub when_iso: String,
    /// The day alone: what the reporter's own page shows.
    pub day: chrono::NaiveDate,
    pub body: String,
}

/// A message says something visible, not too much, and holds no control
/// character (line breaks and tabs aside).
pub fn valid(body: &str) -> bool {
    let n = body.trim().chars().count();
    n > 0 && n <= MAX_MESSAGE_CHARS && !text::is_blank(body) && MultiLine::parse(body).is_ok()
}

/// Seals and stores a message on `case`, with its timeline entry.
pub async fn post(
    state: &Ctx,
    case: CaseRow,
    key: &DataKey,
    from_staff: Option<i64>,
    body: &str,
) -> Result<(), ServiceError> {
    let public_id = new_token()[..32].to_string();
    let sealed = key.seal(
        &Aad::case_message(&case.reference, &public_id),
        body.trim().as_bytes(),
    );
    let (sender, kind) = match from_staff {
        Some(_) => ("staff", EventKind::MessageToReporter),
        None => ("reporter", EventKind::MessageFromReporter),
    };
    let notifier = super::notify::Notifier::new(&state.config);
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::messages::insert(conn, case.id, &public_id, sender, from_staff, &sealed)?;
                if from_staff.is_some() {
                    super::deadlines::staff_wrote(conn, case.id)?;
                    db::audit::record(
                        conn,
                        from_staff,
                        "case.message",
                        "case",
                        &case.id.to_string(),
                        "",
                    )?;
                } else {
                    super::deadlines::reporter_acted(conn, case.id)?;
                    notifier.reporter_activity(conn, case.assignee_id)?;
                }
                db::events::record(conn, case.id, from_staff, kind.as_str(), "")
            })
        })
        .await?;
    Ok(())
}

/// A caseworker writes to the reporter.
pub async fn staff_writes(
    state: &Ctx,
    staff: &Staff,
    reference: &CaseReference,
    body: &str,
) -> Result<bool, ServiceError> {
    if !valid(body) {
        return Ok(false);
    }
    let r = reference.as_str().to_string();
    let case = state
        .db
        .run(move |conn| db::cases::find_by_reference(conn, &r))
        .await?
        .ok_or(ServiceError::NotFound)?;
    let case_id = case.id;
    let keys = super::staff_keys(state, &staff.key, &case).await?;
    post(state, case, &keys.content, Some(staff.user_id), body).await?;
    tracing::info!(user_id = staff.user_id, case_id, "message to reporter");
    Ok(true)
}

/// Every message of a case, opened, oldest first.
pub async fn for_case(
    state: &Ctx,
    case: &CaseRow,
    key: &DataKey,
) -> Result<Vec<Message>, ServiceError> {
    let id = case.id;
    let rows = state
        .db
        .run(move |conn| db::messages::for_case(conn, id))
        .await?;
    open_all(key, &case.reference, rows)
}

/// Opens message rows already loaded with their case.
pub(crate) fn open_all(
    key: &DataKey,
    reference: &str,
    rows: Vec<db::messages::MessageRow>,
) -> Result<Vec<Message>, ServiceError> {
    rows.into_iter()
        .map(|m| {
            let body = key
                .open(&Aad::case_message(reference, &m.public_id), &m.body)
                // No case id: the reporter's page opens messages too, and the
                // log line's time would date their visit.
                .map_err(|_| {
                    ServiceError::internal(anyhow::anyhow!("a message failed authentication"))
                })?;
            let author =
                db::users::author_label(m.author_email.as_deref(), m.author_name.as_deref());
            Ok(Message {
                from_reporter: m.sender == "reporter",
                author,
                when: stamp(&m.created_at),
                when_iso: m.created_at.to_rfc3339(),
                day: m.created_at.date_naive(),
                body: String::from_utf8_lossy(&body).into_owned(),
            })
        })
        .collect()
}
