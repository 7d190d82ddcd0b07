//! Recipients, for admins: partner community groups (name, communities
//! served, addresses, language of their emails, active flag, liaisons) and
//! official bodies (police, national security, legal, other — no
//! liaisons), each with an optional age public key.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::accounts::AccountError;
use crate::accounts::groups::{self, Group, GroupValues, Liaison};
use crate::auth::Staff;
use crate::domain::{AgeRecipient, Community, EmailAddress, GroupName, Language, RecipientKind};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render, render_with_status};

/// The recipient form as typed; addresses are one per line or comma.
#[derive(serde::Deserialize, Default, Clone)]
pub struct GroupForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub emails: String,
    #[serde(default)]
    pub communities: Vec<String>,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub active: Option<String>,
    #[serde(default)]
    pub age_key: String,
}

/// A recipient as listed.
struct RecipientItem {
    id: i64,
    name: String,
    kind: RecipientKind,
    communities: Vec<String>,
    active: bool,
    /// The key's short form; none: notice only.
    key: Option<String>,
}

impl RecipientItem {
    fn communities(&self) -> &[String] {
        &self.communities
    }
}

impl From<Group> for RecipientItem {
    fn from(g: Group) -> Self {
        Self {
            id: g.id,
            name: g.name,
            kind: g.kind,
            communities: g.communities,
            active: g.active,
            key: g.age_key.as_ref().map(AgeRecipient::short),
        }
    }
}

impl GroupForm {
    fn from_group(g: Group) -> Self {
        Self {
            name: g.name,
            kind: g.kind.as_str().to_string(),
            emails: g.emails.join("\n"),
            communities: g.communities,
            language: g.language,
            active: g.active.then(|| "yes".into()),
            age_key: g
                .age_key
                .map(|k| k.as_str().to_string())
                .unwrap_or_default(),
        }
    }

    /// The values asked for, or the message key of what to fix. Without a
    /// `kind` field the recipient is of kind `default_kind` (a new one is
    /// a partner group; one being edited keeps its own).
    fn check(&self, default_kind: RecipientKind) -> Result<GroupValues, &'static str> {
        let kind = match self.kind.trim() {
            "" => default_kind,
            code => RecipientKind::parse(code).ok_or("recipient-error-kind")?,
        };
        let age_key = match self.age_key.trim() {
            "" => None,
            key => Some(AgeRecipient::parse(key).map_err(|e| e.message())?),
        };
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
            kind,
            emails,
            communities,
            language,
            age_key,
        })
    }

    /// The form as it is shown again after a refusal: a key that is not a
    /// valid public key is never echoed back (it may be a secret key
    /// pasted by mistake, which must not travel again).
    fn shown_again(mut self) -> Self {
        if AgeRecipient::parse(&self.age_key).is_err() {
            self.age_key.clear();
        }
        self
    }

    pub fn serves(&self, community: &str) -> bool {
        self.communities.iter().any(|c| c == community)
    }
}

/// What the recipient pages show for a refusal they explain on the page.
fn refusal_key(e: &AccountError) -> Option<(&'static str, StatusCode)> {
    match e {
        AccountError::GroupNameTaken => Some(("group-error-exists", StatusCode::CONFLICT)),
        AccountError::CommunitiesForGroupsOnly => Some((
            "recipient-error-communities",
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        AccountError::KindChange => Some((
            "recipient-error-kind-change",
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        _ => None,
    }
}

#[derive(Template)]
#[template(path = "staff/admin_groups.html")]
struct GroupsPage {
    t: Tr,
    nav: Option<StaffNav>,
    recipients: Vec<RecipientItem>,
    form: GroupForm,
    communities: &'static [Community],
    error: Option<&'static str>,
}

impl GroupsPage {
    fn group_href(&self, id: &i64) -> String {
        format!("/staff/admin/groups/{id}")
    }
    /// A new recipient may be of any kind.
    fn kind_choices(&self) -> &'static [RecipientKind] {
        RecipientKind::ALL
    }
    /// Shown while the kind is still to be chosen (then refused for an
    /// official body).
    fn shows_communities(&self) -> bool {
        true
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
        recipients: groups::recipients(state)
            .await?
            .into_iter()
            .map(RecipientItem::from)
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
    let refused = match form.check(RecipientKind::Partner) {
        Err(key) => (key, StatusCode::UNPROCESSABLE_ENTITY),
        Ok(group) => match groups::create(&state, Some(staff.user_id), group).await {
            Ok(id) => return Ok(redirect(t, id, "created")),
            Err(e) => refusal_key(&e).ok_or(e)?,
        },
    };
    let (key, status) = refused;
    let page = groups_page(&staff, t, &state, form.shown_again(), Some(key)).await?;
    render_with_status(&page, status)
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
            "kind" => form.kind = v,
            "emails" => form.emails = v,
            "communities" => form.communities.push(v),
            "language" => form.language = v,
            "active" => form.active = Some(v),
            "age_key" => form.age_key = v,
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
    /// The recipient's kind as stored (the form may hold another one
    /// typed).
    kind: RecipientKind,
    form: GroupForm,
    liaisons: Vec<Liaison>,
    communities: &'static [Community],
    notice: Option<&'static str>,
    error: Option<&'static str>,
}

impl GroupPage {
    fn action(&self) -> String {
        format!("/staff/admin/groups/{}", self.id)
    }
    fn user_href(&self, id: &i64) -> String {
        format!("/staff/admin/users/{id}")
    }
    /// An official body may become another kind of official body; a
    /// partner group stays one (no choice shown).
    fn kind_choices(&self) -> &'static [RecipientKind] {
        if self.kind.is_official() {
            RecipientKind::OFFICIAL
        } else {
            &[]
        }
    }
    fn shows_communities(&self) -> bool {
        !self.kind.is_official()
    }
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
        kind: group.kind,
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
        Some("key") => Some("recipient-done-key"),
        Some("key-removed") => Some("recipient-done-key-removed"),
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
    let (before, _) = groups::find(&state, id).await?;
    let refused = match form.check(before.kind) {
        Err(key) => (key, StatusCode::UNPROCESSABLE_ENTITY),
        Ok(group) => {
            let has_key = group.age_key.is_some();
            let active = form.active.is_some();
            match groups::update(&state, staff.user_id, id, group, active).await {
                Ok(key_changed) => {
                    let done = match (key_changed, has_key) {
                        (false, _) => "saved",
                        (true, true) => "key",
                        (true, false) => "key-removed",
                    };
                    return Ok(redirect(t, id, done));
                }
                Err(e) => refusal_key(&e).ok_or(e)?,
            }
        }
    };
    let (key, status) = refused;
    let form = Some(form.shown_again());
    let page = group_page(&staff, t, &state, id, form, None, Some(key)).await?;
    render_with_status(&page, status)
}
