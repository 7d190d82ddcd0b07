//! Partner community groups, for admins: name, communities served,
//! notification addresses, language of their emails, active flag, and
//! their liaison accounts.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::accounts::AccountError;
use crate::accounts::groups::{self, Group, GroupValues, Liaison};
use crate::auth::Staff;
use crate::domain::{Community, EmailAddress, GroupName, Language};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render, render_with_status};

/// The group form as typed; lists are one entry per line or comma.
#[derive(serde::Deserialize, Default, Clone)]
pub struct GroupForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub emails: String,
    #[serde(default)]
    pub communities: Vec<String>,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub active: Option<String>,
}

/// A group as listed.
struct GroupItem {
    id: i64,
    name: String,
    communities: Vec<String>,
    active: bool,
}

impl GroupItem {
    fn communities(&self) -> &[String] {
        &self.communities
    }
}

impl From<Group> for GroupItem {
    fn from(g: Group) -> Self {
        Self {
            id: g.id,
            name: g.name,
            communities: g.communities,
            active: g.active,
        }
    }
}

impl GroupForm {
    fn from_group(g: Group) -> Self {
        Self {
            name: g.name,
            emails: g.emails.join("\n"),
            communities: g.communities,
            language: g.language,
            active: g.active.then(|| "yes".into()),
        }
    }

    fn check(&self) -> Result<GroupValues, &'static str> {
        let name = GroupName::parse(&self.name).ok_or("group-error-name")?;
        let emails = self
            .emails
            .split(['\n', ',', ';'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(|e| EmailAddress::parse(e).ok_or("group-error-email"))
            .collect::<Result<Vec<_>, _>>()?;
        if emails.is_empty() {
            return Err("group-error-email");
        }
        let communities = self
            .communities
            .iter()
            .map(|c| Community::parse(c).ok_or("group-error-community"))
            .collect::<Result<Vec<_>, _>>()?;
        let language = Language::parse(&self.language)
            .filter(|l| l.has_staff_pages())
            .unwrap_or(Language::En);
        Ok(GroupValues {
            name,
            emails,
            communities,
            language,
        })
    }

    pub fn serves(&self, community: &str) -> bool {
        self.communities.iter().any(|c| c == community)
    }
}

#[derive(Template)]
#[template(path = "staff/admin_groups.html")]
struct GroupsPage {
    t: Tr,
    nav: Option<StaffNav>,
    groups: Vec<GroupItem>,
    form: GroupForm,
    communities: &'static [Community],
    error: Option<&'static str>,
}

impl GroupsPage {
    fn group_href(&self, id: &i64) -> String {
        format!("/staff/admin/groups/{id}")
    }
}

impl GroupPage {
    fn action(&self) -> String {
        format!("/staff/admin/groups/{}", self.id)
    }
    fn user_href(&self, id: &i64) -> String {
        format!("/staff/admin/users/{id}")
    }
}

async fn groups_page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    form: GroupForm,
    error: Option<&'static str>,
) -> Result<GroupsPage, AppError> {
    Ok(GroupsPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        groups: groups::list(state)
            .await?
            .into_iter()
            .map(GroupItem::from)
            .collect(),
        form,
        communities: Community::ALL,
        error,
    })
}

pub async fn list(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    render(&groups_page(&staff, t, &state, GroupForm::default(), None).await?)
}

pub async fn create(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let form = parse_form(form.into_inner());
    let group = match form.check() {
        Ok(g) => g,
        Err(key) => {
            return render_with_status(
                &groups_page(&staff, t, &state, form, Some(key)).await?,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    match groups::create(&state, Some(staff.user_id), group).await {
        Ok(id) => Ok(redirect(t, id, "created")),
        Err(AccountError::GroupNameTaken) => render_with_status(
            &groups_page(&staff, t, &state, form, Some("group-error-exists")).await?,
            StatusCode::CONFLICT,
        ),
        Err(e) => Err(e.into()),
    }
}

fn redirect(t: Tr, id: i64, done: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            t.for_staff()
                .url(&format!("/staff/admin/groups/{id}?done={done}")),
        ))
        .finish()
}

/// Reads a urlencoded form with repeated `communities` fields.
fn parse_form(fields: Vec<(String, String)>) -> GroupForm {
    let mut form = GroupForm::default();
    for (k, v) in fields {
        match k.as_str() {
            "name" => form.name = v,
            "emails" => form.emails = v,
            "communities" => form.communities.push(v),
            "language" => form.language = v,
            "active" => form.active = Some(v),
            _ => {}
        }
    }
    form
}

#[derive(Template)]
#[template(path = "staff/admin_group.html")]
struct GroupPage {
    t: Tr,
    nav: Option<StaffNav>,
    id: i64,
    form: GroupForm,
    liaisons: Vec<Liaison>,
    communities: &'static [Community],
    notice: Option<&'static str>,
    error: Option<&'static str>,
}

async fn group_page(
    staff: &Staff,
    t: Tr,
    state: &AppState,
    id: i64,
    form: Option<GroupForm>,
    notice: Option<&'static str>,
    error: Option<&'static str>,
) -> Result<GroupPage, AppError> {
    let (group, liaisons) = groups::find(state, id).await?;
    Ok(GroupPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(staff),
        id,
        form: form.unwrap_or_else(|| GroupForm::from_group(group)),
        liaisons,
        communities: Community::ALL,
        notice,
        error,
    })
}

#[derive(serde::Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn show(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    q: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = match q.done.as_deref() {
        Some("created") => Some("group-done-created"),
        Some("saved") => Some("group-done-saved"),
        _ => None,
    };
    render(&group_page(&staff, t, &state, id.into_inner(), None, notice, None).await?)
}

pub async fn update(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = parse_form(form.into_inner());
    let group = match form.check() {
        Ok(g) => g,
        Err(key) => {
            return render_with_status(
                &group_page(&staff, t, &state, id, Some(form), None, Some(key)).await?,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let active = form.active.is_some();
    match groups::update(&state, staff.user_id, id, group, active).await {
        Ok(()) => Ok(redirect(t, id, "saved")),
        Err(AccountError::GroupNameTaken) => {
            let error = Some("group-error-exists");
            let page = group_page(&staff, t, &state, id, Some(form), None, error).await?;
            render_with_status(&page, StatusCode::CONFLICT)
        }
        Err(e) => Err(e.into()),
    }
}
