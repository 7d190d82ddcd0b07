//! Partner community groups: their name, notification addresses,
//! communities served, the language of their emails, whether they are
//! active, and their liaisons; each change with its audit entry.

use super::AccountError;
use crate::context::Ctx;
use crate::db::{self, DbError, organisations::OrganisationRow};
use crate::domain::{Community, EmailAddress, GroupName, Language};
use crate::error::ServiceError;

/// A group as shown.
pub struct Group {
    pub id: i64,
    pub name: String,
    pub emails: Vec<String>,
    pub communities: Vec<String>,
    pub language: String,
    pub active: bool,
}

impl Group {
    fn from_row(g: OrganisationRow) -> Self {
        Self {
            id: g.id,
            emails: g.emails(),
            communities: g.communities(),
            name: g.name,
            language: g.language,
            active: g.active,
        }
    }
}

/// A liaison of a group: id, email, display name, active.
pub type Liaison = (i64, String, String, bool);

/// A group's values, checked.
pub struct GroupValues {
    pub name: GroupName,
    pub emails: Vec<EmailAddress>,
    pub communities: Vec<Community>,
    pub language: Language,
}

impl GroupValues {
    fn emails(&self) -> Vec<String> {
        self.emails.iter().map(|e| e.as_str().to_string()).collect()
    }

    fn communities(&self) -> Vec<String> {
        self.communities
            .iter()
            .map(|c| c.as_str().to_string())
            .collect()
    }
}

pub async fn list(ctx: &Ctx) -> Result<Vec<Group>, ServiceError> {
    let rows = ctx.db.run(db::organisations::list).await?;
    Ok(rows.into_iter().map(Group::from_row).collect())
}

/// A group and its liaisons.
pub async fn find(ctx: &Ctx, id: i64) -> Result<(Group, Vec<Liaison>), AccountError> {
    let (group, liaisons) = ctx
        .db
        .run(move |conn| {
            Ok((
                db::organisations::find(conn, id)?,
                db::organisations::liaisons(conn, id)?,
            ))
        })
        .await?;
    let group = group.ok_or(AccountError::NoSuchGroup)?;
    Ok((Group::from_row(group), liaisons))
}

/// Creates an active group; `actor` is the admin who asked (none from the
/// command line). Returns its id.
pub async fn create(
    ctx: &Ctx,
    actor: Option<i64>,
    group: GroupValues,
) -> Result<i64, AccountError> {
    let (emails, communities) = (group.emails(), group.communities());
    let created = ctx
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let org = db::organisations::insert(conn, &group.name, &emails, &communities)?;
                db::organisations::update(
                    conn,
                    org.id,
                    &group.name,
                    &emails,
                    &communities,
                    group.language.as_str(),
                    true,
                )?;
                db::audit::record(
                    conn,
                    actor,
                    "group.create",
                    "group",
                    &org.id.to_string(),
                    "",
                )?;
                Ok(org.id)
            })
        })
        .await;
    let id = match created {
        Err(DbError::Conflict) => return Err(AccountError::GroupNameTaken),
        other => other?,
    };
    tracing::info!(
        admin_id = actor,
        organisation_id = id,
        "partner group created"
    );
    Ok(id)
}

/// Saves a group's values and whether it is active.
pub async fn update(
    ctx: &Ctx,
    admin: i64,
    id: i64,
    group: GroupValues,
    active: bool,
) -> Result<(), AccountError> {
    let (emails, communities) = (group.emails(), group.communities());
    let saved = ctx
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::organisations::find(conn, id)?.ok_or(DbError::NotFound)?;
                db::organisations::update(
                    conn,
                    id,
                    &group.name,
                    &emails,
                    &communities,
                    group.language.as_str(),
                    active,
                )?;
                db::audit::record(
                    conn,
                    Some(admin),
                    "group.update",
                    "group",
                    &id.to_string(),
                    if active { "active" } else { "inactive" },
                )
            })
        })
        .await;
    match saved {
        Err(DbError::NotFound) => return Err(AccountError::NoSuchGroup),
        Err(DbError::Conflict) => return Err(AccountError::GroupNameTaken),
        other => other?,
    }
    tracing::info!(
        admin_id = admin,
        organisation_id = id,
        active,
        "partner group saved"
    );
    Ok(())
}
