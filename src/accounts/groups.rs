//! Recipients: partner community groups (their name, notification
//! addresses, communities served, the language of their emails, whether
//! they are active, and their liaisons) and official bodies (police,
//! national security, legal, other: the same, without communities or
//! liaisons). Any recipient may have an age public key; without one it is
//! only ever told that a case was shared. Each change commits with its
//! audit entries.

use super::AccountError;
use crate::cases::notify::Notifier;
use crate::context::Ctx;
use crate::db::{self, Conn, DbError, organisations::OrganisationRow};
use crate::domain::{AgeRecipient, Community, EmailAddress, GroupName, Language, RecipientKind};
use crate::error::ServiceError;

/// A recipient as shown.
pub struct Group {
    pub id: i64,
    pub name: String,
    pub kind: RecipientKind,
    pub emails: Vec<String>,
    pub communities: Vec<String>,
    pub language: String,
    pub active: bool,
    /// Its age public key; none: it receives the notice only.
    pub age_key: Option<AgeRecipient>,
}

impl Group {
    fn from_row(g: OrganisationRow) -> Result<Self, DbError> {
        Ok(Self {
            id: g.id,
            kind: g.kind()?,
            age_key: g.age_key()?,
            emails: g.emails(),
            communities: g.communities(),
            name: g.name,
            language: g.language,
            active: g.active,
        })
    }
}

/// A liaison of a group: id, email, display name, active.
pub type Liaison = (i64, String, String, bool);

/// A recipient's values, checked.
pub struct GroupValues {
    pub name: GroupName,
    pub kind: RecipientKind,
    pub emails: Vec<EmailAddress>,
    pub communities: Vec<Community>,
    pub language: Language,
    pub age_key: Option<AgeRecipient>,
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

    /// Only partner groups serve communities.
    fn check(&self) -> Result<(), AccountError> {
        if self.kind.is_official() && !self.communities.is_empty() {
            return Err(AccountError::CommunitiesForGroupsOnly);
        }
        Ok(())
    }
}

/// Every recipient, partner groups and official bodies, active first, by
/// name.
pub async fn recipients(ctx: &Ctx) -> Result<Vec<Group>, ServiceError> {
    let rows = ctx.db.run(db::organisations::list_recipients).await?;
    Ok(rows
        .into_iter()
        .map(Group::from_row)
        .collect::<Result<_, _>>()?)
}

/// A recipient and its liaisons (none for an official body).
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
    Ok((Group::from_row(group)?, liaisons))
}

/// Records that a recipient's age key was set, changed or removed — the
/// key's short form (a public key; never more of it), or `none` — and
/// tells every admin: a key swapped by a stolen admin account would
/// otherwise send the next packet to whoever holds its secret half.
fn record_key(
    conn: &mut Conn,
    notifier: &Notifier,
    actor: Option<i64>,
    (id, name): (i64, &str),
    key: Option<&AgeRecipient>,
) -> Result<(), DbError> {
    let detail = key.map_or_else(|| "none".to_string(), AgeRecipient::short);
    db::audit::record(conn, actor, "group.key", "group", &id.to_string(), &detail)?;
    notifier.recipient_key_changed(conn, id, name)
}

/// Creates an active recipient; `actor` is the admin who asked (none from
/// the command line). Returns its id.
pub async fn create(
    ctx: &Ctx,
    actor: Option<i64>,
    group: GroupValues,
) -> Result<i64, AccountError> {
    group.check()?;
    let (emails, communities) = (group.emails(), group.communities());
    let (kind, has_key) = (group.kind, group.age_key.is_some());
    let notifier = Notifier::new(&ctx.config);
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
                db::organisations::set_recipient(conn, org.id, kind, group.age_key.as_ref())?;
                db::audit::record(
                    conn,
                    actor,
                    "group.create",
                    "group",
                    &org.id.to_string(),
                    kind.as_str(),
                )?;
                if let Some(key) = &group.age_key {
                    record_key(conn, &notifier, actor, (org.id, &org.name), Some(key))?;
                }
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
        kind = kind.as_str(),
        has_key,
        "recipient created"
    );
    Ok(id)
}

/// Saves a recipient's values and whether it is active; whether its age
/// key changed (set, replaced or removed). A partner group stays a partner
/// group (its liaisons and key depend on it), and an official body stays
/// an official body, though of any official kind.
pub async fn update(
    ctx: &Ctx,
    admin: i64,
    id: i64,
    group: GroupValues,
    active: bool,
) -> Result<bool, AccountError> {
    group.check()?;
    let (emails, communities) = (group.emails(), group.communities());
    let kind = group.kind;
    let notifier = Notifier::new(&ctx.config);
    let saved = ctx
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let before = db::organisations::find(conn, id)?.ok_or(DbError::NotFound)?;
                let before_kind = before.kind()?;
                if before_kind.is_official() != kind.is_official() {
                    return Ok(Err(AccountError::KindChange));
                }
                db::organisations::update(
                    conn,
                    id,
                    &group.name,
                    &emails,
                    &communities,
                    group.language.as_str(),
                    active,
                )?;
                db::organisations::set_recipient(conn, id, kind, group.age_key.as_ref())?;
                db::audit::record(
                    conn,
                    Some(admin),
                    "group.update",
                    "group",
                    &id.to_string(),
                    if active { "active" } else { "inactive" },
                )?;
                if before_kind != kind {
                    let detail = kind.as_str();
                    db::audit::record(
                        conn,
                        Some(admin),
                        "group.kind",
                        "group",
                        &id.to_string(),
                        detail,
                    )?;
                }
                let key_changed = before.age_recipient.as_deref()
                    != group.age_key.as_ref().map(AgeRecipient::as_str);
                if key_changed {
                    let name = group.name.as_str();
                    let key = group.age_key.as_ref();
                    record_key(conn, &notifier, Some(admin), (id, name), key)?;
                }
                // A packet waiting for download was sealed to the key, kind
                // and standing the recipient had: any change forgets it.
                if key_changed || before_kind != kind || before.active != active {
                    db::packets::expire_for_organisation(conn, id)?;
                }
                Ok(Ok(key_changed))
            })
        })
        .await;
    let key_changed = match saved {
        Err(DbError::NotFound) => return Err(AccountError::NoSuchGroup),
        Err(DbError::Conflict) => return Err(AccountError::GroupNameTaken),
        other => other??,
    };
    tracing::info!(
        admin_id = admin,
        organisation_id = id,
        kind = kind.as_str(),
        active,
        key_changed,
        "recipient saved"
    );
    Ok(key_changed)
}
