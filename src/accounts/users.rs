//! Staff accounts: create (with a link to set the password unless one is
//! given), deactivate and reactivate, change role, duty, password-reset
//! links and the owner's profile; each change with its audit entry.
//!
//! Someone who leaves (deactivated, or moved to a role that holds fewer
//! keys) takes with them the keys they held: those keys are replaced, in
//! the same transaction, for everything sealed from then on.

use zeroize::Zeroizing;

use super::AccountError;
use crate::auth::passwords;
use crate::cases::notify::Notifier;
use crate::context::Ctx;
use crate::custody::shared::{self, Scope};
use crate::db::{self, Conn, DbError, people_keys, users::UserRow};
use crate::domain::{DisplayName, EmailAddress, GroupName, Language, NewPassword, StaffRole};
use crate::error::ServiceError;
use crate::mail::message::Email;

/// An account as shown: what it is, never its secrets.
pub struct Account {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub language: String,
    /// The partner group's name, for a liaison.
    pub organisation: Option<String>,
    pub active: bool,
    pub on_duty: bool,
    /// The authenticator app is on.
    pub totp: bool,
    /// How many passkeys the account has.
    pub passkeys: i64,
    pub has_password: bool,
    /// Where the account's keys stand (none for a deactivated account).
    pub keys: Option<KeyState>,
}

/// Where an active account's keys stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyState {
    /// It holds every current key its role entitles it to.
    Holds,
    /// It has a key pair and waits for a key its role entitles it to: a
    /// colleague who holds it grants it at their next sign-in.
    WaitsForGrant,
    /// It has no key pair yet: it gets one at its first sign-in (or when
    /// its password is first set), then waits for its grants.
    WaitsForSignIn,
}

impl KeyState {
    /// The message key that says it on the admin pages.
    pub fn message_key(self) -> &'static str {
        match self {
            KeyState::Holds => "keys-state-holds",
            KeyState::WaitsForGrant => "keys-state-waits-grant",
            KeyState::WaitsForSignIn => "keys-state-waits-sign-in",
        }
    }
}

/// Where each active account's keys stand, by account id.
fn key_states(conn: &mut Conn) -> Result<Vec<(i64, KeyState)>, DbError> {
    let waiting = shared::waiting(conn)?;
    Ok(people_keys::active_accounts(conn)?
        .into_iter()
        .map(|a| {
            let state = if a.public_key.is_none() {
                KeyState::WaitsForSignIn
            } else if waiting.iter().any(|w| w.user_id == a.id) {
                KeyState::WaitsForGrant
            } else {
                KeyState::Holds
            };
            (a.id, state)
        })
        .collect())
}

fn state_of(states: &[(i64, KeyState)], id: i64) -> Option<KeyState> {
    states.iter().find(|(i, _)| *i == id).map(|(_, s)| *s)
}

/// How many keys are still kept under the server's master key, until
/// every account entitled to them has signed in once.
pub async fn keys_in_escrow(ctx: &Ctx) -> Result<usize, ServiceError> {
    Ok(ctx.db.run(shared::escrowed).await?)
}

impl Account {
    fn from_row(
        u: UserRow,
        organisation: Option<String>,
        keys: Option<KeyState>,
        passkeys: i64,
    ) -> Self {
        Self {
            keys,
            passkeys,
            id: u.id,
            has_password: u.password_hash.is_some(),
            email: u.email,
            display_name: u.display_name,
            role: u.role,
            language: u.language,
            organisation,
            active: u.active,
            on_duty: u.on_duty,
            totp: u.totp_enabled,
        }
    }
}

/// Every account, with its group's name.
pub async fn list(ctx: &Ctx) -> Result<Vec<Account>, ServiceError> {
    let (users, states, passkeys) = ctx
        .db
        .run(|conn| {
            let users = db::users::list(conn)?;
            let ids: Vec<i64> = users.iter().map(|(u, _)| u.id).collect();
            Ok((users, key_states(conn)?, db::passkeys::counts(conn, &ids)?))
        })
        .await?;
    Ok(users
        .into_iter()
        .map(|(u, o)| {
            let keys = state_of(&states, u.id);
            let n = passkeys
                .iter()
                .find(|(id, _)| *id == u.id)
                .map_or(0, |(_, n)| *n);
            Account::from_row(u, o, keys, n)
        })
        .collect())
}

/// One account, with its group's name.
pub async fn find(ctx: &Ctx, id: i64) -> Result<Account, AccountError> {
    ctx.db
        .run(move |conn| {
            let Some(user) = db::users::find(conn, id)? else {
                return Ok(None);
            };
            let org = match user.organisation_id {
                Some(o) => db::organisations::find(conn, o)?.map(|o| o.name),
                None => None,
            };
            let keys = state_of(&key_states(conn)?, user.id);
            let passkeys = db::passkeys::count(conn, user.id)?;
            Ok(Some(Account::from_row(user, org, keys, passkeys)))
        })
        .await?
        .ok_or(AccountError::NoSuchAccount)
}

/// The names of the partner groups, for choosing a liaison's.
pub async fn group_names(ctx: &Ctx) -> Result<Vec<String>, ServiceError> {
    Ok(ctx.db.run(db::organisations::names).await?)
}

/// A liaison belongs to exactly one partner group; other roles to none.
/// `group_given`: whether a group was named at all.
pub fn check_membership(role: StaffRole, group_given: bool) -> Result<(), AccountError> {
    match (role == StaffRole::Liaison, group_given) {
        (true, false) => Err(AccountError::GroupRequired),
        (false, true) => Err(AccountError::GroupNotAllowed),
        _ => Ok(()),
    }
}

/// A new account as asked for.
pub struct NewAccount {
    pub email: EmailAddress,
    pub role: StaffRole,
    /// The partner group of a liaison.
    pub group: Option<GroupName>,
    /// Set with the language of the account's pages and emails; without
    /// it both keep their defaults.
    pub profile: Option<(DisplayName, Language)>,
    /// Without one, the owner is emailed a single-use link to set it.
    pub password: Option<NewPassword>,
}

/// A created account, and the link to set its password if it has none.
pub struct Created {
    pub id: i64,
    pub link: Option<String>,
}

/// Creates an account; `actor` is the admin who asked (none from the
/// command line).
pub async fn create(
    ctx: &Ctx,
    actor: Option<i64>,
    new: NewAccount,
) -> Result<Created, AccountError> {
    check_membership(new.role, new.group.is_some())?;
    // A password given now is hashed as a split hash; the account's key
    // pair is made at its owner's first sign-in, which shows them its
    // recovery key: whoever created the account (root on the server, from
    // the command line) never sees it.
    let split = match &new.password {
        Some(p) => Some(
            ctx.hasher
                .hash_split(Zeroizing::new(p.expose().to_string()))
                .await?,
        ),
        None => None,
    };
    let keyring = ctx.keyring.get();
    let host = ctx.config.host().to_string();
    let role = new.role;
    let created = ctx
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let org_id = match group_id(conn, new.group.as_ref())? {
                    Ok(id) => id,
                    Err(e) => return Ok(Err(e)),
                };
                let row = db::users::NewUserRow {
                    email: new.email.as_str(),
                    password_hash: split.as_ref().map(|(hash, _)| hash.as_str()),
                    role: role.as_str(),
                    organisation_id: org_id,
                };
                // In a savepoint of its own: a taken address rolls back just
                // the insert, and the transaction ends cleanly.
                let mut user = match db::transaction(conn, |conn| db::users::insert(conn, &row)) {
                    Err(DbError::Conflict) => return Ok(Err(AccountError::EmailTaken)),
                    other => other?,
                };
                if let Some((name, language)) = &new.profile {
                    db::users::set_profile(conn, user.id, name.as_str(), language.as_str())?;
                    // The welcome email goes out in the language just set.
                    user = db::users::find(conn, user.id)?.ok_or(DbError::NotFound)?;
                }
                let token = match &split {
                    Some(_) => None,
                    None => Some(passwords::issue_link(
                        conn,
                        &keyring,
                        &host,
                        &user,
                        Email::Welcome,
                    )?),
                };
                db::audit::record(
                    conn,
                    actor,
                    "user.create",
                    "user",
                    &user.id.to_string(),
                    role.as_str(),
                )?;
                Ok(Ok((user.id, token)))
            })
        })
        .await??;
    let (id, token) = created;
    tracing::info!(admin_id = actor, user_id = id, "account created");
    Ok(Created {
        id,
        link: token.map(|t| link(ctx, &t)),
    })
}

/// The id of the named partner group (none for none), or that there is
/// no such group, or that it is an official body.
fn group_id(
    conn: &mut db::Conn,
    group: Option<&GroupName>,
) -> Result<Result<Option<i64>, AccountError>, DbError> {
    let Some(name) = group else {
        return Ok(Ok(None));
    };
    Ok(match db::organisations::find_by_key(conn, &name.key())? {
        Some(o) if o.is_partner() => Ok(Some(o.id)),
        // Official bodies never sign in: they have no liaisons.
        Some(_) => Err(AccountError::OfficialBody),
        None => Err(AccountError::NoSuchGroup),
    })
}

/// The full address of a set-password link.
fn link(ctx: &Ctx, token: &str) -> String {
    format!("{}{}{token}", ctx.config.base_url, passwords::LINK_PATH)
}

/// The scopes whose keys an account with `role` and `organisation_id`
/// holds (none for a role not known).
fn held_scopes(
    conn: &mut Conn,
    role: &str,
    organisation_id: Option<i64>,
) -> Result<Vec<Scope>, DbError> {
    match StaffRole::parse(role) {
        Some(role) => shared::scopes_of(conn, role, organisation_id),
        None => Ok(Vec::new()),
    }
}

/// Deactivates (ending every session at once, and replacing the keys the
/// account held) or reactivates an account.
pub async fn set_active(ctx: &Ctx, admin: i64, id: i64, active: bool) -> Result<(), AccountError> {
    if !active && id == admin {
        return Err(AccountError::OwnAccount);
    }
    let keyring = ctx.keyring.get();
    let notifier = Notifier::new(&ctx.config);
    let ended = ctx
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let before = db::users::find(conn, id)?.ok_or(DbError::NotFound)?;
                db::users::set_active(conn, id, active)?;
                if before.role == StaffRole::Admin.as_str() && before.active != active {
                    notifier.admin_access_changed(conn, &before)?;
                }
                db::audit::record(
                    conn,
                    Some(admin),
                    "user.active",
                    "user",
                    &id.to_string(),
                    if active { "true" } else { "false" },
                )?;
                if active {
                    return Ok(0);
                }
                let ended = db::sessions::delete_for_user(conn, id)?;
                db::passkeys::delete_steps_of(conn, id)?;
                // What is sealed from now on opens only for those who stay.
                if before.active {
                    let held = held_scopes(conn, &before.role, before.organisation_id)?;
                    shared::rotate(conn, &keyring, &held, Some(admin))?;
                    shared::revoke(conn, id, &held, Some(admin))?;
                }
                Ok(ended)
            })
        })
        .await
        .map_err(|e| match e {
            DbError::NotFound => AccountError::NoSuchAccount,
            e => e.into(),
        })?;
    tracing::info!(
        admin_id = admin,
        user_id = id,
        active,
        sessions_ended = ended,
        "account activity changed"
    );
    Ok(())
}

/// Changes an account's role (and a liaison's group; other roles' group is
/// ignored), ending the sessions made under the old one. The keys the old
/// role held and the new one does not are replaced.
pub async fn set_role(
    ctx: &Ctx,
    admin: i64,
    id: i64,
    role: StaffRole,
    group: Option<GroupName>,
) -> Result<(), AccountError> {
    if id == admin && role != StaffRole::Admin {
        return Err(AccountError::OwnAccount);
    }
    let group = if role == StaffRole::Liaison {
        Some(group.ok_or(AccountError::GroupRequired)?)
    } else {
        None
    };
    let keyring = ctx.keyring.get();
    let notifier = Notifier::new(&ctx.config);
    ctx.db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let org_id = match group_id(conn, group.as_ref())? {
                    Ok(id) => id,
                    Err(e) => return Ok(Err(e)),
                };
                let Some(before) = db::users::find(conn, id)? else {
                    return Ok(Err(AccountError::NoSuchAccount));
                };
                db::users::set_role(conn, id, role.as_str(), org_id)?;
                if before.active {
                    let kept = shared::scopes_of(conn, role, org_id)?;
                    let lost: Vec<Scope> = held_scopes(conn, &before.role, before.organisation_id)?
                        .into_iter()
                        .filter(|s| !kept.contains(s))
                        .collect();
                    shared::rotate(conn, &keyring, &lost, Some(admin))?;
                    shared::revoke(conn, id, &lost, Some(admin))?;
                }
                db::audit::record(
                    conn,
                    Some(admin),
                    "user.role",
                    "user",
                    &id.to_string(),
                    role.as_str(),
                )?;
                // A change of role ends the sessions made under the old one.
                db::sessions::delete_for_user(conn, id)?;
                db::passkeys::delete_steps_of(conn, id)?;
                let was_admin = before.role == StaffRole::Admin.as_str();
                if was_admin != (role == StaffRole::Admin) {
                    notifier.admin_access_changed(conn, &before)?;
                }
                Ok(Ok(()))
            })
        })
        .await??;
    tracing::info!(
        admin_id = admin,
        user_id = id,
        role = role.as_str(),
        "role changed"
    );
    Ok(())
}

/// Puts an account on duty or off; `actor` is its owner or an admin.
pub async fn set_duty(ctx: &Ctx, actor: i64, id: i64, on: bool) -> Result<(), ServiceError> {
    ctx.db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::users::set_on_duty(conn, id, on)?;
                db::audit::record(
                    conn,
                    Some(actor),
                    "user.duty",
                    "user",
                    &id.to_string(),
                    if on { "true" } else { "false" },
                )
            })
        })
        .await?;
    tracing::info!(actor_id = actor, user_id = id, on_duty = on, "duty changed");
    Ok(())
}

/// Emails the account a password-reset link; returns the link, to be shown
/// once to the admin who asked.
pub async fn send_reset(ctx: &Ctx, admin: i64, id: i64) -> Result<String, AccountError> {
    let keyring = ctx.keyring.get();
    let host = ctx.config.host().to_string();
    let token = ctx
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let Some(user) = db::users::find(conn, id)? else {
                    return Ok(None);
                };
                let token =
                    passwords::issue_link(conn, &keyring, &host, &user, Email::PasswordReset)?;
                db::audit::record(conn, Some(admin), "user.reset", "user", &id.to_string(), "")?;
                Ok(Some(token))
            })
        })
        .await?
        .ok_or(AccountError::NoSuchAccount)?;
    tracing::info!(admin_id = admin, user_id = id, "password reset link sent");
    Ok(link(ctx, &token))
}

/// The owner's own name and language.
pub async fn set_profile(
    ctx: &Ctx,
    id: i64,
    name: DisplayName,
    language: Language,
) -> Result<(), ServiceError> {
    ctx.db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                db::users::set_profile(conn, id, name.as_str(), language.as_str())?;
                db::audit::record(
                    conn,
                    Some(id),
                    "user.profile",
                    "user",
                    &id.to_string(),
                    language.as_str(),
                )
            })
        })
        .await?;
    Ok(())
}
