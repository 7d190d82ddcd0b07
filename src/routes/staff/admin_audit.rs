//! The audit log, for admins: who viewed or changed what, when; filters;
//! and a check of the keyed chain, against a checkpoint when one is given.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::audit::names::{CaseName, Detail, Group, Names, Person, Target};
use crate::audit::search::{self, AuditSearch, Found};
use crate::audit::{Checkpoint, Verdict};
use crate::auth::Staff;
use crate::db::audit::AuditRow;
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render, render_with_status};

/// An entry as listed.
pub struct Entry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub detail: String,
}

#[derive(serde::Deserialize, serde::Serialize, Default, Clone)]
pub struct AuditQuery {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    actor: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    action: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    target_type: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    target_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    before: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    verify: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    checkpoint: String,
}

#[derive(Template)]
#[template(path = "staff/admin_audit.html")]
struct AuditPage {
    t: Tr,
    nav: Option<StaffNav>,
    q: AuditQuery,
    entries: Vec<Entry>,
    total: i64,
    verdict: Option<String>,
    intact: bool,
    /// The head of an intact chain, to keep elsewhere.
    head: Option<String>,
    /// The checkpoint field's error, if it is not a checkpoint.
    checkpoint_error: Option<&'static str>,
    filter_error: Option<FilterError>,
    next_href: Option<String>,
}

/// A filter that cannot be searched for: which field, and what to do.
pub struct FilterError {
    pub field: &'static str,
    pub message: String,
}

/// The page with the filters as typed, the field named, and no entries.
async fn refuse_filter(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    mut q: AuditQuery,
    error: FilterError,
) -> Result<HttpResponse, AppError> {
    // Shown again without what could never be searched for.
    for value in [
        &mut q.actor,
        &mut q.action,
        &mut q.target_type,
        &mut q.target_id,
    ] {
        *value = crate::domain::text::without_controls(value);
    }
    let total = search::total(state).await?;
    let page = AuditPage {
        t,
        nav: StaffNav::for_staff(staff),
        q,
        entries: Vec::new(),
        total,
        verdict: None,
        intact: true,
        head: None,
        checkpoint_error: None,
        filter_error: Some(error),
        next_href: None,
    };
    render_with_status(&page, actix_web::http::StatusCode::UNPROCESSABLE_ENTITY)
}

/// What a check found, in words; whether it is intact; the head to keep.
fn describe(t: &Tr, verdict: Verdict) -> (String, bool, Option<String>) {
    match verdict {
        Verdict::Intact { rows, head } => (
            t.tn("audit-intact", "count", rows as i64),
            true,
            Some(head.to_string()),
        ),
        Verdict::Altered { id } => (t.tn("audit-altered", "n", id), false, None),
        Verdict::Missing { before_id } => (t.tn("audit-missing", "n", before_id), false, None),
        Verdict::Unkeyed { rows } => (t.tn("audit-unkeyed", "count", rows as i64), false, None),
        Verdict::Truncated { checkpoint_id, .. } => {
            (t.tn("audit-truncated", "n", checkpoint_id), false, None)
        }
        Verdict::Diverged { id } => (t.tn("audit-diverged", "n", id), false, None),
    }
}

pub async fn show(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    q: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let q = q.into_inner();
    // A filter with control characters (a NUL byte) is named and refused
    // before any query.
    if let Some(error) = q.filter_error(&t) {
        return refuse_filter(&staff, t, &state, q, error).await;
    }
    let checkpoint = q.checkpoint();
    let checkpoint_error = checkpoint.as_ref().err().copied();
    let verify = match (&q.verify, checkpoint) {
        (Some(_), Ok(checkpoint)) => Some(checkpoint),
        _ => None,
    };
    let found = search::search(&state, staff.user_id, q.to_search(verify)).await?;
    let page = AuditPage::build(&staff, t, q, found, checkpoint_error);
    if checkpoint_error.is_some() {
        render_with_status(&page, actix_web::http::StatusCode::UNPROCESSABLE_ENTITY)
    } else {
        render(&page)
    }
}

impl AuditQuery {
    /// The first filter field that cannot be searched for (it holds a
    /// control character), named.
    fn filter_error(&self, t: &Tr) -> Option<FilterError> {
        [
            ("actor", &self.actor, "audit-actor"),
            ("action", &self.action, "audit-action"),
            ("target_type", &self.target_type, "audit-target-type"),
            ("target_id", &self.target_id, "audit-target-id"),
        ]
        .into_iter()
        .find(|(_, value, _)| value.chars().any(char::is_control))
        .map(|(field, _, label)| FilterError {
            field,
            message: t.t1("audit-filter-invalid", "field", &t.t(label)),
        })
    }

    /// The checkpoint to verify against, if one was typed; or the message
    /// key saying it is not one.
    fn checkpoint(&self) -> Result<Option<Checkpoint>, &'static str> {
        match self.checkpoint.trim() {
            "" => Ok(None),
            text => Checkpoint::parse(text)
                .map(Some)
                .ok_or("audit-checkpoint-invalid"),
        }
    }

    fn to_search(&self, verify: Option<Option<Checkpoint>>) -> AuditSearch {
        AuditSearch {
            actor_email: self.actor.clone(),
            action_prefix: self.action.clone(),
            target_type: self.target_type.clone(),
            target_id: self.target_id.clone(),
            before: self.before,
            verify,
        }
    }

    /// The link to the entries older than `last_id`, with the same filters
    /// (and no check).
    fn next_href(&self, t: &Tr, last_id: i64) -> String {
        let mut next = self.clone();
        next.before = Some(last_id);
        next.verify = None;
        next.checkpoint.clear();
        t.url(&format!(
            "/staff/admin/audit?{}",
            serde_urlencoded::to_string(&next).unwrap_or_default()
        ))
    }
}

impl Entry {
    fn new(t: &Tr, r: AuditRow, names: &Names) -> Self {
        Entry {
            id: r.id,
            at: r.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            actor: names
                .actor(&r)
                .map(|p| person(t, &p))
                .unwrap_or_else(|| "—".into()),
            target: target(t, names.target(&r)),
            detail: detail(t, names.detail(&r)),
            action: r.action,
        }
    }
}

fn case(t: &Tr, case: &CaseName) -> String {
    match case {
        CaseName::Reference(reference) => t.t1("audit-target-case", "reference", reference),
        CaseName::Purged(id) => t.t1("audit-target-case-purged", "n", id),
    }
}

/// An account by name and email, or by number if it is unknown.
fn person(t: &Tr, person: &Person) -> String {
    match person {
        Person::Known { name, email } if name.is_empty() => email.clone(),
        Person::Known { name, email } => format!("{name} ({email})"),
        Person::Unknown(id) => t.t1("audit-target-account-unknown", "n", id),
    }
}

fn group(t: &Tr, group: &Group) -> String {
    match group {
        Group::Named(name) => t.t1("audit-target-group", "name", name),
        Group::Unknown(id) => t.t1("audit-target-group-unknown", "n", id),
    }
}

fn target(t: &Tr, target: Target) -> String {
    match target {
        Target::None => String::new(),
        Target::Case(c) => case(t, &c),
        Target::Referral {
            short,
            case: Some(reference),
        } => t.t2(
            "audit-target-referral",
            ("code", &short),
            ("reference", &reference),
        ),
        Target::Referral { short, case: None } => {
            t.t1("audit-target-referral-purged", "code", &short)
        }
        Target::Evidence(Some(reference)) => t.t1("audit-target-evidence", "reference", &reference),
        Target::Evidence(None) => t.t("audit-target-evidence-purged"),
        Target::Account(p) => t.t1("audit-target-account", "name", &person(t, &p)),
        Target::Group(g) => group(t, &g),
        Target::Other { kind, id } => format!("{kind} {id}"),
    }
}

fn detail(t: &Tr, detail: Detail) -> String {
    match detail {
        Detail::Text(text) => text,
        Detail::Case(c) => case(t, &c),
        Detail::Cases(cases) => cases
            .iter()
            .map(|c| case(t, c))
            .collect::<Vec<_>>()
            .join(", "),
        Detail::Account(p) => person(t, &p),
        Detail::Unassigned => t.t("audit-unassigned"),
        Detail::Group(Group::Named(name)) => name,
        Detail::Group(g) => group(t, &g),
    }
}

impl AuditPage {
    /// Whether the filter `field` is the one refused.
    fn error_on(&self, field: &str) -> bool {
        self.filter_error.as_ref().is_some_and(|e| e.field == field)
    }

    /// The page listing what was `found` for `q`.
    fn build(
        staff: &Staff,
        t: Tr,
        q: AuditQuery,
        found: Found,
        checkpoint_error: Option<&'static str>,
    ) -> Self {
        let next_href = if found.more {
            found.rows.last().map(|r| q.next_href(&t, r.id))
        } else {
            None
        };
        let (verdict, intact, head) = match found.verdict {
            Some(v) => {
                let (text, intact, head) = describe(&t, v);
                (Some(text), intact, head)
            }
            None => (None, true, None),
        };
        AuditPage {
            t,
            nav: StaffNav::for_staff(staff),
            q,
            entries: found
                .rows
                .into_iter()
                .map(|r| Entry::new(&t, r, &found.names))
                .collect(),
            total: found.total,
            verdict,
            intact,
            head,
            checkpoint_error,
            filter_error: None,
            next_href,
        }
    }
}
