//! The case queue: the filter form's query turned into the database's
//! filter, and the page of cases built from what the queue service found.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::super::StaffNav;
use crate::auth::Staff;
use crate::cases::deadlines::{self, DUE_SOON_DAYS, Pending, Times};
use crate::cases::queue::{self, QueuePage as Found};
use crate::db::cases::{
    AssigneeFilter, COUNT_CAP, Cursor, DeadlineCounts, QueueFilter, QueueRow, Sort,
};
use crate::db::{self, strings};
use crate::domain::{CaseReference, CaseStatus, Community, IncidentKind, Language, RiskLevel};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render};

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
    /// The language the report was written in.
    pub language: String,
    pub assignee: Option<String>,
    /// The deadline the case waits on, if any.
    pub pending: Option<Pending>,
    /// The day of the reporter's last reply or evidence.
    pub last_activity: Option<NaiveDate>,
    /// A reply or evidence from the reporter not yet seen.
    pub unread: bool,
}

/// One line of the deadlines per caseworker: who, a link to their cases
/// in the order they need attention, and the counts as shown.
pub struct WorkloadRow {
    /// `None`: cases assigned to nobody.
    pub name: Option<String>,
    pub href: String,
    pub due_soon: String,
    pub overdue: String,
    pub any_overdue: bool,
}

/// A count as shown: past the cap, "100+".
fn shown(n: i64) -> String {
    if n >= COUNT_CAP {
        format!("{COUNT_CAP}+")
    } else {
        n.to_string()
    }
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
    language: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    assignee: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    from: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    to: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    sort: String,
    /// `1`: only cases linked to other cases.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    linked: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    after: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    lang: String,
    /// A case reference to go to (never kept in the queue's links).
    #[serde(default, skip_serializing)]
    reference: String,
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
    /// The database filter this query asks for, `me` being the viewer
    /// (for "assigned to me"); a value the form never offers is refused.
    fn to_filter(&self, me: i64) -> Result<QueueFilter, AppError> {
        let sort = match self.sort.as_str() {
            "" | "newest" => Sort::Newest,
            "oldest" => Sort::Oldest,
            "risk" => Sort::Risk,
            "attention" => Sort::Attention,
            _ => return Err(AppError::BadRequest),
        };
        let linked = match self.linked.as_str() {
            "" => false,
            "1" => true,
            _ => return Err(AppError::BadRequest),
        };
        let after = match (self.after.as_str(), self.before) {
            ("", Some(id)) => Some(Cursor {
                rank: 0,
                id,
                at: None,
            }),
            ("", None) => None,
            (a, _) => Some(parse_cursor(a).ok_or(AppError::BadRequest)?),
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
            language: code(&self.language, Language::parse)?.map(Language::as_str),
            assignee,
            received_from: day(&self.from)?.map(midnight),
            received_before: day(&self.to)?.map(|d| midnight(d + chrono::Duration::days(1))),
            linked,
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

impl QueueQuery {
    /// One tab per status, each linking to this query for that status.
    fn tabs(&self, found: &Found) -> Vec<StatusTab> {
        CaseStatus::ALL
            .iter()
            .map(|s| StatusTab {
                code: s.as_str(),
                count: found.count_of(s.as_str()),
                href: self.href(|q| {
                    q.status = s.as_str().to_string();
                    q.after.clear();
                }),
                current: self.status == s.as_str(),
            })
            .collect()
    }
}

impl QueueItem {
    /// A row as shown, its assignee named by `labels` (or by id).
    fn new(r: QueueRow, t: &Tr, labels: &HashMap<i64, String>, now: chrono::DateTime<Utc>) -> Self {
        let times = Times {
            closed: r.status == "closed",
            ack_due_at: r.ack_due_at,
            response_due_at: r.response_due_at,
            acknowledged_at: r.acknowledged_at,
            responded_at: r.responded_at,
        };
        QueueItem {
            pending: deadlines::pending(times, now),
            last_activity: r.last_activity_at.map(|a| a.date_naive()),
            unread: r.unread_since.is_some(),
            href: t.url(&format!("/staff/cases/{}", r.reference)),
            received: r.received_at.format("%Y-%m-%d").to_string(),
            received_iso: r.received_at.to_rfc3339(),
            reference: r.reference,
            status: r.status,
            risk: r.risk,
            phone: r.source == "phone",
            kinds: strings(r.kinds),
            community: r.community,
            province: r.province,
            language: r.language,
            assignee: r
                .assignee_id
                .map(|id| labels.get(&id).cloned().unwrap_or_else(|| format!("#{id}"))),
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
    languages: &'static [Language],
    workers: Vec<(i64, String)>,
    /// A reference searched for that no case has.
    not_found: Option<String>,
    first_href: Option<String>,
    next_href: Option<String>,
    workload: Vec<WorkloadRow>,
    due_soon_days: i64,
}

pub async fn queue(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let mut q = query.into_inner();
    // A reference searched for: straight to its case, if there is one.
    let mut not_found = None;
    let wanted = std::mem::take(&mut q.reference);
    if !wanted.trim().is_empty() {
        if let Some(reference) = CaseReference::parse(&wanted) {
            let r = reference.as_str().to_string();
            if state
                .db
                .run(move |conn| db::cases::reference_exists(conn, &r))
                .await?
            {
                let href = t.url(&format!("/staff/cases/{}", reference.as_str()));
                return Ok(HttpResponse::SeeOther()
                    .insert_header((actix_web::http::header::LOCATION, href))
                    .finish());
            }
        }
        not_found = Some(wanted.trim().chars().take(40).collect());
    }
    let filter = q.to_filter(staff.user_id)?;
    let paged = filter.after.is_some();
    let sort = filter.sort;
    let found = queue::page(&state, filter).await?;
    if found.links_pending {
        crate::cases::links::index_pending_in_background(&state, &staff.key);
    }
    let worker_ids: Vec<i64> = found.workers.iter().map(|u| u.id).collect();
    let counts = deadlines::counts(&state, &worker_ids).await?;
    let mut page = QueuePage::build(&staff, t, q, found, sort, paged);
    page.workload = page.workload_rows(&counts);
    page.not_found = not_found;
    render(&page)
}

impl QueuePage {
    /// The page for `found`: its rows, the status tabs and the links to
    /// other pages of the same query. `paged` says whether this is a later
    /// page (and so links back to the first).
    fn build(
        staff: &Staff,
        t: Tr,
        mut q: QueueQuery,
        found: Found,
        sort: Sort,
        paged: bool,
    ) -> Self {
        if t.explicit {
            q.lang = t.code_str().to_string();
        }
        let next_href = if found.has_more {
            found.rows.last().map(|r| {
                let at = match sort {
                    Sort::Attention => r.attention_at.unwrap_or(r.received_at),
                    _ => r.received_at,
                };
                let after = format!(
                    "{}.{}.{}",
                    r.risk_rank.unwrap_or(2),
                    r.id,
                    at.timestamp_micros()
                );
                q.href(|q| q.after = after)
            })
        } else {
            None
        };
        let tabs = q.tabs(&found);
        let total = found.total();
        let workers: Vec<(i64, String)> = found
            .workers
            .iter()
            .map(|u| (u.id, u.label().to_string()))
            .collect();
        let labels: HashMap<i64, String> = workers.iter().cloned().collect();
        let now = Utc::now();
        let rows = found
            .rows
            .into_iter()
            .map(|r| QueueItem::new(r, &t, &labels, now))
            .collect();
        QueuePage {
            t,
            nav: StaffNav::for_staff(staff),
            rows,
            total,
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
            languages: Language::ALL,
            workers,
            not_found: None,
            q,
            workload: Vec::new(),
            due_soon_days: DUE_SOON_DAYS,
        }
    }

    /// The deadlines per caseworker (and for nobody, last), each linking
    /// to that queue in the order cases need attention.
    fn workload_rows(&self, counts: &[DeadlineCounts]) -> Vec<WorkloadRow> {
        counts
            .iter()
            .map(|c| {
                let assignee = match c.assignee_id {
                    Some(id) => id.to_string(),
                    None => "none".to_string(),
                };
                let fresh = QueueQuery {
                    lang: self.q.lang.clone(),
                    ..QueueQuery::default()
                };
                WorkloadRow {
                    name: c.assignee_id.map(|id| {
                        self.workers
                            .iter()
                            .find(|(w, _)| *w == id)
                            .map(|(_, name)| name.clone())
                            .unwrap_or_else(|| format!("#{id}"))
                    }),
                    href: fresh.href(|q| {
                        q.assignee = assignee;
                        q.sort = "attention".to_string();
                    }),
                    due_soon: shown(c.due_soon),
                    overdue: shown(c.overdue),
                    any_overdue: c.overdue > 0,
                }
            })
            .collect()
    }
}

/// A page's start, as the previous page's last row wrote it: "rank.id" or
/// "rank.id.microseconds" (its place in the order, so that the next page
/// does not move when that case changes), or a bare id.
fn parse_cursor(a: &str) -> Option<Cursor> {
    let mut parts = a.split('.');
    let (rank, id) = match (parts.next(), parts.next()) {
        (Some(id), None) => (0, id.parse().ok()?),
        (Some(rank), Some(id)) => (rank.parse::<i16>().ok()?, id.parse().ok()?),
        _ => return None,
    };
    if !(0..=2).contains(&rank) {
        return None;
    }
    let at = match parts.next() {
        None => None,
        Some(micros) => Some(DateTime::<Utc>::from_timestamp_micros(
            micros.parse().ok()?,
        )?),
    };
    if parts.next().is_some() {
        return None;
    }
    Some(Cursor { rank, id, at })
}
