//! Opening a case for staff: unwrap its data key, open the report and the
//! names of its evidence. A ciphertext that fails to authenticate is an
//! internal error (logged with the case id), never shown half-read.
//!
//! These are the only ways staff read a case, and each records the view in
//! the audit log before any content is returned, whichever page shows it
//! (the case page, the same page shown again after a refused action, an
//! evidence download).

use chrono::{DateTime, Utc};

use super::messages::{Message, open_all};
use super::{staff_keys, stamp};
use crate::context::Ctx;
use crate::crypto::{Aad, DataKey};
use crate::custody::PersonKey;
use crate::db::cases::CaseRow;
use crate::db::events::EventRow;
use crate::db::evidence::EvidenceMeta;
use crate::db::messages::MessageRow;
use crate::db::notes::NoteRow;
use crate::db::{self, Conn, DbError, strings, users::label};
use crate::domain::{CaseReference, ReportContent};
use crate::error::ServiceError;

/// One evidence file as listed on the case page.
#[derive(Debug)]
pub struct EvidenceItem {
    pub public_id: String,
    pub name: String,
    pub media_type: String,
    pub size_bytes: i32,
    pub added_by: String,
    pub received_at: DateTime<Utc>,
}

/// One line of a case's timeline.
#[derive(Debug)]
pub struct TimelineEntry {
    pub when: String,
    pub when_iso: String,
    /// Who did it; `None` for the reporter or the system.
    pub actor: Option<String>,
    pub kind: String,
    /// For status and risk changes: the codes before and after.
    pub from: String,
    pub to: String,
    /// For an assignment: who the case went to.
    pub subject: Option<String>,
}

/// An internal note, opened.
#[derive(Debug)]
pub struct Note {
    pub when: String,
    pub author: String,
    pub body: String,
}

/// What happened on a case, its internal notes and its messages with the
/// reporter.
#[derive(Debug, Default)]
pub struct Timeline {
    pub entries: Vec<TimelineEntry>,
    pub notes: Vec<Note>,
    pub messages: Vec<Message>,
}

impl Timeline {
    /// When consent `code` was last given on the follow-up page, if ever
    /// (the page shows it beside a consent that stands given): anyone
    /// holding the receipt can do that, so the caseworker confirms with
    /// the reporter before sharing. Whether it was withdrawn and given
    /// again since does not matter — a reporter's events within one hour
    /// have no order, and none is needed.
    pub fn given_on_follow_up(&self, code: &str) -> Option<&str> {
        self.entries
            .iter()
            .filter(|e| e.kind == "consent_given" && e.actor.is_none() && e.to == code)
            .max_by(|a, b| a.when_iso.cmp(&b.when_iso))
            .map(|e| e.when.as_str())
    }

    /// Whether a consent that a packet needs stands as given and was given
    /// on the follow-up page.
    pub fn sharing_given_on_follow_up(&self, case: &OpenedCase) -> bool {
        (case.consent_referral && self.given_on_follow_up("referral").is_some())
            || (case.consent_police && self.given_on_follow_up("police").is_some())
    }
}

/// A case, opened.
#[derive(Debug)]
pub struct OpenedCase {
    pub id: i64,
    pub reference: String,
    pub source: String,
    pub status: String,
    pub risk: String,
    pub kinds: Vec<String>,
    pub reporter_role: Option<String>,
    pub province: Option<String>,
    pub community: Option<String>,
    pub channels: Vec<String>,
    pub state_link: Option<String>,
    pub demands: Vec<String>,
    pub family_affected: bool,
    pub immediate_danger: bool,
    pub support: Vec<String>,
    pub contact_method: String,
    pub consent_referral: bool,
    pub consent_police: bool,
    pub consent_stats: bool,
    pub language: String,
    pub received_at: DateTime<Utc>,
    pub assignee_id: Option<i64>,
    /// When a closed case will be purged, if it is closed.
    pub deletion_due_at: Option<DateTime<Utc>>,
    pub content: ReportContent,
    pub evidence: Vec<EvidenceItem>,
    /// Its deadlines and the reporter's activity, as read.
    pub deadlines: super::deadlines::Deadlines,
}

/// A downloaded evidence file.
pub struct EvidenceFile {
    pub name: String,
    pub media_type: String,
    pub bytes: zeroize::Zeroizing<Vec<u8>>,
}

/// Opens a case for `viewer`, recording the view (`case.view`).
pub async fn open_case(
    state: &Ctx,
    person: &PersonKey,
    reference: &CaseReference,
) -> Result<Option<(OpenedCase, Timeline)>, ServiceError> {
    let reference = reference.as_str().to_string();
    let viewer = person.user_id;
    let Some(stored) = state
        .db
        .run(move |conn| read_recording_view(conn, viewer, &reference))
        .await?
    else {
        return Ok(None);
    };
    let keys = staff_keys(state, person, &stored.row).await?;
    let key = &keys.content;
    let row = &stored.row;
    let content = open_content(key, row)?;
    // Opened: only now does the reporter's access list say so, and is
    // their activity seen.
    let opened_row = row.clone();
    state
        .db
        .run(move |conn| super::deadlines::opened_by_staff(conn, viewer, &opened_row))
        .await?;
    let evidence = open_evidence_names(key, row, stored.evidence)?;
    let timeline = Timeline {
        entries: timeline_entries(stored.events, &stored.names),
        notes: open_notes(keys.staff(), row, stored.notes)?,
        messages: open_all(key, &row.reference, stored.messages)?,
    };
    Ok(Some((opened(stored.row, content, evidence), timeline)))
}

/// What a case page shows, as stored (still sealed).
struct Stored {
    row: CaseRow,
    evidence: Vec<EvidenceMeta>,
    events: Vec<EventRow>,
    notes: Vec<NoteRow>,
    messages: Vec<MessageRow>,
    names: Names,
}

/// The names a timeline mentions: assignees (id, email, display name) and
/// referral groups (id, name).
struct Names {
    subjects: Vec<(i64, String, String)>,
    groups: Vec<(i64, String)>,
}

/// Reads the case `reference` and everything its page shows, after
/// recording the view.
fn read_recording_view(
    conn: &mut Conn,
    viewer: i64,
    reference: &str,
) -> Result<Option<Stored>, DbError> {
    let Some(row) = db::cases::find_by_reference(conn, reference)? else {
        return Ok(None);
    };
    db::audit::record(
        conn,
        Some(viewer),
        "case.view",
        "case",
        &row.id.to_string(),
        "",
    )?;
    let evidence = db::evidence::list_for_case(conn, row.id)?;
    let events = db::events::for_case(conn, row.id)?;
    let notes = db::notes::for_case(conn, row.id)?;
    let messages = db::messages::for_case(conn, row.id)?;
    let names = names_in(conn, &events)?;
    Ok(Some(Stored {
        row,
        evidence,
        events,
        notes,
        messages,
        names,
    }))
}

fn names_in(conn: &mut Conn, events: &[EventRow]) -> Result<Names, DbError> {
    let subject_ids: Vec<i64> = events
        .iter()
        .filter(|e| e.kind == "assigned")
        .filter_map(|e| e.detail.parse::<i64>().ok())
        .collect();
    let subjects = db::cases::assignee_labels(conn, &subject_ids)?;
    let mut groups = Vec::new();
    for id in events
        .iter()
        .filter(|e| e.kind.starts_with("referr"))
        .filter_map(|e| e.detail.parse::<i64>().ok())
    {
        if !groups.iter().any(|(g, _)| *g == id)
            && let Some(org) = db::organisations::find(conn, id)?
        {
            groups.push((id, org.name));
        }
    }
    Ok(Names { subjects, groups })
}

fn failed(case_id: i64, what: &str) -> ServiceError {
    ServiceError::internal(anyhow::anyhow!(
        "case {case_id} {what} failed authentication"
    ))
}

fn open_content(key: &DataKey, row: &CaseRow) -> Result<ReportContent, ServiceError> {
    let plain = key
        .open(&Aad::case_content(&row.reference), &row.content)
        .map_err(|_| failed(row.id, "content"))?;
    serde_json::from_slice(&plain).map_err(|_| failed(row.id, "content"))
}

fn open_evidence_names(
    key: &DataKey,
    row: &CaseRow,
    evidence: Vec<EvidenceMeta>,
) -> Result<Vec<EvidenceItem>, ServiceError> {
    evidence
        .into_iter()
        .map(|e| {
            let name = key
                .open(&Aad::evidence_name(&row.reference, &e.public_id), &e.name)
                .map_err(|_| failed(row.id, "evidence name"))?;
            Ok(EvidenceItem {
                name: String::from_utf8_lossy(&name).into_owned(),
                public_id: e.public_id,
                media_type: e.media_type,
                size_bytes: e.size_bytes,
                added_by: e.added_by,
                received_at: e.received_at,
            })
        })
        .collect()
}

fn timeline_entries(events: Vec<EventRow>, names: &Names) -> Vec<TimelineEntry> {
    events
        .into_iter()
        .map(|e| {
            let (from, to) = e
                .detail
                .split_once('>')
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .unwrap_or((String::new(), e.detail.clone()));
            let id = e.detail.parse::<i64>().ok();
            let subject = if e.kind == "assigned" {
                id.and_then(|id| names.subjects.iter().find(|(i, _, _)| *i == id))
                    .map(|(_, email, name)| label(email, name).to_string())
            } else if e.kind.starts_with("referr") {
                id.and_then(|id| names.groups.iter().find(|(g, _)| *g == id))
                    .map(|(_, name)| name.clone())
            } else {
                None
            };
            TimelineEntry {
                when: stamp(&e.created_at),
                when_iso: e.created_at.to_rfc3339(),
                actor: e
                    .actor_email
                    .as_deref()
                    .map(|email| label(email, e.actor_name.as_deref().unwrap_or("")).to_string()),
                kind: e.kind,
                from,
                to,
                subject,
            }
        })
        .collect()
}

fn open_notes(
    key: &DataKey,
    row: &CaseRow,
    notes: Vec<NoteRow>,
) -> Result<Vec<Note>, ServiceError> {
    notes
        .into_iter()
        .map(|n| {
            let body = key
                .open(&Aad::case_note(&row.reference, &n.public_id), &n.body)
                .map_err(|_| failed(row.id, "note"))?;
            Ok(Note {
                when: stamp(&n.created_at),
                author: label(&n.author_email, &n.author_name).to_string(),
                body: String::from_utf8_lossy(&body).into_owned(),
            })
        })
        .collect()
}

fn opened(row: CaseRow, content: ReportContent, evidence: Vec<EvidenceItem>) -> OpenedCase {
    OpenedCase {
        deadlines: super::deadlines::Deadlines::of(&row, Utc::now()),
        id: row.id,
        reference: row.reference,
        source: row.source,
        status: row.status,
        risk: row.risk,
        kinds: strings(row.kinds),
        reporter_role: row.reporter_role,
        province: row.province,
        community: row.community,
        channels: strings(row.channels),
        state_link: row.state_link,
        demands: strings(row.demands),
        family_affected: row.family_affected,
        immediate_danger: row.immediate_danger,
        support: strings(row.support),
        contact_method: row.contact_method,
        consent_referral: row.consent_referral,
        consent_police: row.consent_police,
        consent_stats: row.consent_stats,
        language: row.language,
        received_at: row.received_at,
        assignee_id: row.assignee_id,
        deletion_due_at: row.deletion_due_at,
        content,
        evidence,
    }
}

/// Opens one evidence file for `viewer`, recording the download
/// (`case.evidence`).
pub async fn open_evidence(
    state: &Ctx,
    person: &PersonKey,
    reference: &CaseReference,
    public_id: &str,
) -> Result<Option<EvidenceFile>, ServiceError> {
    let viewer = person.user_id;
    let reference = reference.as_str().to_string();
    let public_id = public_id.to_string();
    let found = state
        .db
        .run(move |conn| {
            let Some(row) = db::cases::find_by_reference(conn, &reference)? else {
                return Ok(None);
            };
            let file = db::evidence::find_with_content(conn, row.id, &public_id)?;
            if file.is_some() {
                db::audit::record(
                    conn,
                    Some(viewer),
                    "case.evidence",
                    "evidence",
                    &public_id,
                    "",
                )?;
            }
            Ok(file.map(|f| (row, f)))
        })
        .await?;
    let Some((row, (meta, content))) = found else {
        return Ok(None);
    };
    let keys = staff_keys(state, person, &row).await?;
    let key = &keys.content;
    let fail = || {
        ServiceError::internal(anyhow::anyhow!(
            "case {} evidence failed authentication",
            row.id
        ))
    };
    let name = key
        .open(
            &Aad::evidence_name(&row.reference, &meta.public_id),
            &meta.name,
        )
        .map_err(|_| fail())?;
    let bytes = key
        .open(
            &Aad::evidence_bytes(&row.reference, &meta.public_id),
            &content,
        )
        .map_err(|_| fail())?;
    Ok(Some(EvidenceFile {
        name: String::from_utf8_lossy(&name).into_owned(),
        media_type: meta.media_type,
        bytes,
    }))
}
