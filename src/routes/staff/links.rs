//! Linked cases: a caseworker's decision on a pair of cases that share an
//! identifier (from the case page), and the groups of linked cases.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::auth::Staff;
use crate::cases::links::{self, Clusters, Decision, GroupsShown, Refusal};
use crate::domain::CaseReference;
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render};

/// Groups shown on the first page; "show more" adds as many again, up to
/// [`MOST`].
const PAGE: usize = 25;
const MOST: usize = 100;

async fn decide(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    decision: Decision,
) -> Result<HttpResponse, AppError> {
    let (reference, other) = path.into_inner();
    let reference = CaseReference::parse(&reference).ok_or(AppError::NotFound)?;
    let other = CaseReference::parse(&other).ok_or(AppError::NotFound)?;
    let done = match links::decide(&state, &staff.key, &reference, &other, decision).await? {
        Ok(()) if decision == Decision::Confirmed => "link-confirmed",
        Ok(()) => "link-dismissed",
        Err(Refusal::NotLinked) => "link-none",
    };
    tracing::info!(
        user_id = staff.user_id,
        decision = decision.as_str(),
        "link decided"
    );
    let target = t
        .for_staff()
        .url(&format!("/staff/cases/{}?done={done}", reference.as_str()));
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("{target}#links")))
        .finish())
}

pub async fn confirm(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    decide(staff, t, state, path, Decision::Confirmed).await
}

pub async fn dismiss(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    decide(staff, t, state, path, Decision::Dismissed).await
}

#[derive(serde::Deserialize, Default)]
pub struct GroupsQuery {
    /// Only the group holding this case, all its cases listed.
    #[serde(default)]
    case: String,
    /// How many groups to show.
    #[serde(default)]
    show: Option<usize>,
    /// Which page of the cases of the group holding `case`.
    #[serde(default)]
    page: usize,
}

#[derive(Template)]
#[template(path = "staff/links.html")]
struct GroupsPage {
    t: Tr,
    nav: Option<StaffNav>,
    found: Clusters,
    around: Option<String>,
    more_href: Option<String>,
    /// The previous and next pages of the group holding `around`.
    previous_href: Option<String>,
    next_href: Option<String>,
}

impl GroupsPage {
    fn case_href(&self, reference: &str) -> String {
        self.t.url(&format!("/staff/cases/{reference}"))
    }

    fn group_href(&self, reference: &str) -> String {
        self.t.url(&format!("/staff/links?case={reference}"))
    }
}

pub async fn groups(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    query: web::Query<GroupsQuery>,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let around = match query.case.as_str() {
        "" => None,
        r => Some(CaseReference::parse(r).ok_or(AppError::NotFound)?),
    };
    let show = query.show.unwrap_or(PAGE).clamp(1, MOST);
    let page = query.page.min(10_000);
    let shown = match &around {
        Some(r) => GroupsShown::Around(r.clone(), page),
        None => GroupsShown::First(show),
    };
    let found = links::clusters(&state, staff.user_id, shown).await?;
    let more_href = (around.is_none() && found.has_more && show < MOST)
        .then(|| t.url(&format!("/staff/links?show={}", (show + PAGE).min(MOST))));
    let group_page = |n: usize| {
        around
            .as_ref()
            .map(|r| t.url(&format!("/staff/links?case={}&page={n}", r.as_str())))
    };
    let group = found.clusters.first();
    let next_href = group
        .filter(|g| around.is_some() && g.hidden > 0)
        .and_then(|_| group_page(page + 1));
    let previous_href = group
        .filter(|g| g.offset > 0)
        .and_then(|_| group_page(page.saturating_sub(1)));
    render(&GroupsPage {
        t,
        nav: StaffNav::for_staff(&staff),
        found,
        around: around.map(|r| r.as_str().to_string()),
        more_href,
        previous_href,
        next_href,
    })
}
