//! What a reporter does within a visit: read the case, reply, add
//! evidence, ask for deletion (or take the request back).

use chrono::{DateTime, NaiveDate, Utc};

use super::{DELETION_GRACE_HOURS, Visit};
use crate::cases::deadlines::{NextStep, next_step};
use crate::cases::evidence::{EvidenceUpload, within_case_cap};
use crate::cases::intake::seal_files;
use crate::cases::messages::{self, Message};
use crate::context::Ctx;
use crate::db::sharing::{SharedBy, SharingRow};
use crate::db::{self, DbError, access::AccessRow, cases::CaseRow};
use crate::domain::text::{self, MultiLine};
use crate::domain::{CaseReference, Consent, Consents, EventKind};
use crate::error::ServiceError;

/// What a reporter sees of their case.
pub struct ReporterView {
    pub reference: String,
    pub status: String,
    pub received: NaiveDate,
    /// What happens next, and by when.
    pub next: Option<NextStep>,
    /// Who read the report: roles and groups, never a staff member.
    pub access: Vec<AccessLine>,
    /// Who the case was shared with beyond Haven, and where each stands.
    pub shared: Vec<SharedLine>,
    /// The consents as they stand now.
    pub consents: Consents,
    /// Each change made on this page, oldest first, to the day: whoever
    /// holds the receipt can change a consent, and the reporter sees it.
    pub consent_changes: Vec<ConsentChangeLine>,
    pub messages: Vec<Message>,
    pub files: i64,
    pub deletion_due: Option<String>,
}

impl ReporterView {
    /// Each consent with whether it is given, in the report form's order.
    pub fn consent_list(&self) -> Vec<(&'static str, bool)> {
        Consent::ALL
            .iter()
            .map(|c| (c.as_str(), self.consents.get(*c)))
            .collect()
    }

    /// The changes of consent `code` made on this page on its last three
    /// days of changes, newest day first.
    pub fn changes_of(&self, code: &str) -> Vec<&ConsentChangeLine> {
        let mut days: Vec<&ConsentChangeLine> = self
            .consent_changes
            .iter()
            .filter(|c| c.consent == code)
            .collect();
        days.sort_by_key(|c| std::cmp::Reverse(c.day));
        days.truncate(3);
        days
    }

    /// Whether a referral of the case stands as `status`.
    pub fn has_referral(&self, status: &str) -> bool {
        self.shared.iter().any(|s| s.status == status)
    }
}

/// One line of "Shared with": a message key for where it stands, the
/// recipient it names, and the day it was shared.
pub struct SharedLine {
    pub key: &'static str,
    pub recipient: String,
    status: &'static str,
    pub day: NaiveDate,
}

impl SharedLine {
    /// A stored row as the reporter reads it; `None` for a status this
    /// version does not know (nothing is shown rather than a guess).
    fn from_row(row: SharingRow) -> Option<Self> {
        let (key, status) = match (row.by, row.status.as_str()) {
            (SharedBy::Referral, "pending") => ("follow-up-shared-pending", "pending"),
            (SharedBy::Referral, "accepted") => ("follow-up-shared-accepted", "accepted"),
            (SharedBy::Referral, "declined") => ("follow-up-shared-declined", "declined"),
            (SharedBy::Referral, "withdrawn") => ("follow-up-shared-withdrawn", "withdrawn"),
            (SharedBy::Packet, "packet") => ("follow-up-shared-packet", "packet"),
            (SharedBy::Packet, "notice") => ("follow-up-shared-notice", "notice"),
            _ => return None,
        };
        Some(Self {
            key,
            recipient: row.recipient,
            status,
            day: row.day,
        })
    }
}

/// What happened to a consent on the follow-up page on one day. A
/// reporter's changes are dated to the hour and have no order within it,
/// so a day with changes both ways says only that it changed.
pub struct ConsentChangeLine {
    pub consent: String,
    /// `follow-up-consent-changed-given`, `-withdrawn` or `-several`.
    pub key: &'static str,
    pub day: NaiveDate,
}

/// The changes (given?, consent, when) grouped by consent and day.
fn by_day(changes: Vec<(bool, String, DateTime<Utc>)>) -> Vec<ConsentChangeLine> {
    let mut days: Vec<(String, NaiveDate, bool, bool)> = Vec::new();
    for (given, consent, at) in changes {
        let day = at.date_naive();
        match days.iter_mut().find(|d| d.0 == consent && d.1 == day) {
            Some(d) => {
                d.2 |= given;
                d.3 |= !given;
            }
            None => days.push((consent, day, given, !given)),
        }
    }
    days.into_iter()
        .map(|(consent, day, given, withdrawn)| ConsentChangeLine {
            consent,
            key: match (given, withdrawn) {
                (true, true) => "follow-up-consent-changed-several",
                (true, false) => "follow-up-consent-changed-given",
                _ => "follow-up-consent-changed-withdrawn",
            },
            day,
        })
        .collect()
}

impl ConsentChangeLine {
    /// The day, as `<time datetime>` wants it.
    pub fn iso(&self) -> String {
        self.day.format("%Y-%m-%d").to_string()
    }
}

/// One line of the reporter's access list: a message key, the group it
/// names (for a referral), and the day.
pub struct AccessLine {
    pub key: &'static str,
    pub group: Option<String>,
    pub day: NaiveDate,
}

impl AccessLine {
    /// A stored row as the reporter reads it; `None` for a kind or role
    /// this version does not know (nothing is shown rather than a guess).
    fn from_row(row: AccessRow) -> Option<Self> {
        let key = match (row.kind.as_str(), row.role.as_deref()) {
            ("opened", Some("caseworker")) => "follow-up-access-opened-caseworker",
            ("opened", Some("admin")) => "follow-up-access-opened-admin",
            ("shared", None) if row.group.is_some() => "follow-up-access-shared",
            ("accepted", None) if row.group.is_some() => "follow-up-access-accepted",
            _ => return None,
        };
        Some(Self {
            key,
            group: row.group,
            day: row.day,
        })
    }

    /// The day, as `<time datetime>` wants it.
    pub fn iso(&self) -> String {
        self.day.format("%Y-%m-%d").to_string()
    }
}

async fn case_of(state: &Ctx, visit: &Visit) -> Result<CaseRow, ServiceError> {
    let id = visit.case_id;
    // A case deleted during the visit is simply gone.
    state
        .db
        .run(move |conn| db::cases::find(conn, id))
        .await?
        .ok_or(ServiceError::NotFound)
}

pub async fn view(state: &Ctx, visit: &Visit) -> Result<ReporterView, ServiceError> {
    let case = case_of(state, visit).await?;
    let messages = messages::for_case(state, &case, visit.key()).await?;
    let id = case.id;
    let (files, access, shared, changes) = state
        .db
        .run(move |conn| {
            Ok((
                db::evidence::list_for_case(conn, id)?.len() as i64,
                db::access::for_case(conn, id)?,
                db::sharing::for_case(conn, id)?,
                db::events::consent_changes(conn, id)?,
            ))
        })
        .await?;
    Ok(ReporterView {
        reference: case.reference.clone(),
        status: case.status.clone(),
        received: case.received_at.date_naive(),
        next: next_step(&case, Utc::now()),
        access: access
            .into_iter()
            .filter_map(AccessLine::from_row)
            .collect(),
        shared: shared
            .into_iter()
            .filter_map(SharedLine::from_row)
            .collect(),
        consents: Consents {
            referral: case.consent_referral,
            police: case.consent_police,
            stats: case.consent_stats,
        },
        consent_changes: by_day(changes),
        messages,
        files,
        deletion_due: case.deletion_due_at.as_ref().map(crate::cases::stamp),
    })
}

/// Posts the reporter's reply; `Err(message key)` when it is refused
/// (empty or invisible only, too long, or holding control characters).
pub async fn reply(
    state: &Ctx,
    visit: &Visit,
    body: &str,
) -> Result<Result<(), &'static str>, ServiceError> {
    if MultiLine::parse(body).is_err() {
        return Ok(Err("error-control-characters"));
    }
    if !messages::valid(body) || text::is_blank(body) {
        return Ok(Err("follow-up-error-message"));
    }
    let case = case_of(state, visit).await?;
    messages::post(state, case, visit.key(), None, body).await?;
    // Nothing logged: even without a case, a line's time would date it.
    Ok(Ok(()))
}

/// The outcome of adding evidence at follow-up.
pub enum Added {
    Files(usize),
    /// The case would hold more than its cap: nothing was added.
    OverCap,
}

pub async fn add_evidence(
    state: &Ctx,
    visit: &Visit,
    files: Vec<EvidenceUpload>,
) -> Result<Added, ServiceError> {
    let case = case_of(state, visit).await?;
    let reference = CaseReference::parse(&case.reference)
        .ok_or_else(|| ServiceError::internal(anyhow::anyhow!("bad reference")))?;
    let rows = seal_files(visit.key(), &reference, &files);
    let n = rows.len();
    let new_bytes: i64 = files.iter().map(|f| f.bytes.len() as i64).sum();
    let case_id = case.id;
    let assignee = case.assignee_id;
    let notifier = crate::cases::notify::Notifier::new(&state.config);
    let added = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let (held_files, held_bytes) = db::evidence::totals_for_case_locked(conn, case_id)?;
                if !within_case_cap(held_files, held_bytes, n as i64, new_bytes) {
                    return Ok(false);
                }
                for mut row in rows {
                    row.case_id = case_id;
                    db::evidence::insert(conn, &row)?;
                }
                crate::cases::deadlines::reporter_acted(conn, case_id)?;
                notifier.reporter_activity(conn, assignee)?;
                db::events::record(
                    conn,
                    case_id,
                    None,
                    EventKind::EvidenceAdded.as_str(),
                    &n.to_string(),
                )?;
                Ok(true)
            })
        })
        .await?;
    if !added {
        return Ok(Added::OverCap);
    }
    Ok(Added::Files(n))
}

pub async fn request_deletion(
    state: &Ctx,
    visit: &Visit,
    cancel: bool,
) -> Result<(), ServiceError> {
    let id = visit.case_id;
    let notifier = crate::cases::notify::Notifier::new(&state.config);
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let due = (!cancel).then(|| deletion_due(Utc::now()));
                db::cases::set_deletion_due(conn, id, due)?;
                if !cancel {
                    // Nothing more of a case its reporter wants deleted
                    // leaves Haven.
                    db::packets::expire_for_case(conn, id)?;
                    let assignee = db::cases::find(conn, id)?.and_then(|c| c.assignee_id);
                    notifier.reporter_activity(conn, assignee)?;
                }
                let kind = if cancel {
                    EventKind::DeletionCancelled
                } else {
                    EventKind::DeletionRequested
                };
                db::events::record(conn, id, None, kind.as_str(), "")?;
                Ok::<_, DbError>(())
            })
        })
        .await?;
    Ok(())
}

/// When a deletion requested at `now` takes effect: after the grace period,
/// on the hour (rounded up), so that the due date does not give the exact
/// time of the request.
pub fn deletion_due(now: DateTime<Utc>) -> DateTime<Utc> {
    db::events::coarse(now) + chrono::Duration::hours(DELETION_GRACE_HOURS + 1)
}
