//! The casework team's key and each partner group's key.
//!
//! Caseworkers and admins hold the team's key; a group's liaisons and every
//! admin hold the group's. A key is granted to a holder by sealing its
//! private key to the holder's public key, which anyone holding it can do
//! for anyone entitled: so a new caseworker or liaison gets the key when a
//! holder next signs in (`grant_pending`). A key made when no one entitled
//! has a key pair yet (a fresh installation, or one moving to people's
//! keys) is also kept under the master key — its escrow — until every
//! active account entitled to it holds it; then the escrow is deleted.
//!
//! When someone leaves (deactivated, or moved to another role), the keys
//! they held are replaced for everything sealed afterwards (`rotate`); the
//! old ones are retired, still granted to the others for what was sealed
//! to them before.

use crate::crypto::{Aad, Keyring, PublicKey, Sealed, SecretKey};
use crate::db::people_keys::{self, AccountKeyRow, GrantRow, SharedKeyRow};
use crate::db::{self, Conn, DbError};
use crate::domain::StaffRole;
use crate::error::ServiceError;

/// Whose key: the casework team's, or a partner group's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Team,
    Group(i64),
}

impl Scope {
    fn of(row: &SharedKeyRow) -> Self {
        match row.organisation_id {
            Some(org) => Scope::Group(org),
            None => Scope::Team,
        }
    }

    fn organisation(self) -> Option<i64> {
        match self {
            Scope::Team => None,
            Scope::Group(org) => Some(org),
        }
    }

    /// Whether an account with this role (and group) is to hold the key.
    pub fn entitles(self, role: StaffRole, organisation_id: Option<i64>) -> bool {
        match self {
            Scope::Team => role.works_cases(),
            Scope::Group(org) => {
                role == StaffRole::Admin
                    || (role == StaffRole::Liaison && organisation_id == Some(org))
            }
        }
    }

    fn entitles_account(self, account: &AccountKeyRow) -> bool {
        account.active
            && StaffRole::parse(&account.role)
                .is_some_and(|role| self.entitles(role, account.organisation_id))
    }

    /// How the audit log names it.
    fn label(self) -> String {
        match self {
            Scope::Team => "team".into(),
            Scope::Group(org) => format!("group:{org}"),
        }
    }
}

/// The scopes an account with `role` holds keys of.
pub fn scopes_of(
    conn: &mut Conn,
    role: StaffRole,
    organisation_id: Option<i64>,
) -> Result<Vec<Scope>, DbError> {
    Ok(match role {
        StaffRole::Caseworker => vec![Scope::Team],
        StaffRole::Liaison => organisation_id.map(Scope::Group).into_iter().collect(),
        StaffRole::Admin => {
            let mut scopes = vec![Scope::Team];
            scopes.extend(
                db::organisations::list(conn)?
                    .into_iter()
                    .map(|o| Scope::Group(o.id)),
            );
            scopes
        }
    })
}

fn public_of(row: &SharedKeyRow) -> Result<PublicKey, DbError> {
    PublicKey::from_bytes(&row.public_key)
        .ok_or(DbError::Unknown("a stored public key is malformed"))
}

/// The current key of `scope` to seal to: its id and public key. Made now
/// when there is none (granted to whoever entitled has a key pair, or held
/// in escrow until someone has) — or when no one can open the current one
/// any more (no escrow, and every account that held it gone or reset
/// without its recovery key): what is sealed from now on must not go to a
/// key no one holds.
pub fn current_public(
    conn: &mut Conn,
    keyring: &Keyring,
    scope: Scope,
) -> Result<(i64, PublicKey), DbError> {
    if let Some(row) = people_keys::current(conn, scope.organisation())?
        && (row.escrow.is_some() || people_keys::held_by_someone_active(conn, row.id)?)
    {
        return Ok((row.id, public_of(&row)?));
    }
    let id = make(conn, keyring, scope, None)?;
    let row = people_keys::find(conn, id)?.ok_or(DbError::NotFound)?;
    Ok((row.id, public_of(&row)?))
}

/// Makes a new current key for `scope` (retiring the one before, if any),
/// grants it to every active account entitled that has a key pair, and
/// keeps it in escrow if there is none. `by` is who asked (none: the
/// server or the command line). Another instance making one at the same
/// moment wins; its key is used.
fn make(conn: &mut Conn, keyring: &Keyring, scope: Scope, by: Option<i64>) -> Result<i64, DbError> {
    let secret = SecretKey::generate();
    let public = secret.public();
    let made = db::transaction(conn, |conn| {
        if let Some(old) = people_keys::current(conn, scope.organisation())? {
            people_keys::retire(conn, old.id)?;
        }
        let id = match db::transaction(conn, |conn| {
            people_keys::insert(conn, scope.organisation(), &public.to_bytes(), None)
        }) {
            Err(DbError::Conflict) => return Ok(None),
            other => other?,
        };
        let holders: Vec<AccountKeyRow> = people_keys::active_accounts(conn)?
            .into_iter()
            .filter(|a| scope.entitles_account(a))
            .collect();
        let mut granted = 0;
        for holder in &holders {
            if grant_to(conn, id, &secret, holder, by)? {
                granted += 1;
            }
        }
        // No one to hold it yet: the master key keeps it until someone
        // entitled has a key pair (those who lack one meanwhile get it from
        // a holder at the holder's next sign-in).
        if granted == 0 {
            let (key_id, escrow) = keyring.escrow_secret(&Aad::shared_key_escrow(id), &secret);
            people_keys::set_escrow(conn, id, Some((&key_id, &escrow)))?;
        }
        db::audit::record(
            conn,
            by,
            "key.create",
            "key",
            &id.to_string(),
            &scope.label(),
        )?;
        Ok(Some(id))
    })?;
    match made {
        Some(id) => Ok(id),
        None => people_keys::current(conn, scope.organisation())?
            .map(|r| r.id)
            .ok_or(DbError::NotFound),
    }
}

/// Seals `secret` (of shared key `id`) to `holder`'s public key; false when
/// the holder has no key pair yet.
fn grant_to(
    conn: &mut Conn,
    id: i64,
    secret: &SecretKey,
    holder: &AccountKeyRow,
    by: Option<i64>,
) -> Result<bool, DbError> {
    let Some(public) = holder.public_key.as_deref().and_then(PublicKey::from_bytes) else {
        return Ok(false);
    };
    let sealed = public.seal_secret(&Aad::shared_key_grant(id, holder.id), secret);
    if people_keys::grant(conn, id, holder.id, &sealed, by)? {
        db::audit::record(
            conn,
            by,
            "key.grant",
            "user",
            &holder.id.to_string(),
            &id.to_string(),
        )?;
    }
    Ok(true)
}

/// Opens shared key `id` through `user_id`'s grant.
pub fn open(
    conn: &mut Conn,
    person: &SecretKey,
    user_id: i64,
    id: i64,
) -> Result<SecretKey, ServiceError> {
    let sealed =
        people_keys::find_grant(conn, id, user_id)?.ok_or(ServiceError::KeysUnavailable)?;
    person
        .open_secret(&Aad::shared_key_grant(id, user_id), &sealed)
        .map_err(|_| ServiceError::KeysUnavailable)
}

fn open_escrow(keyring: &Keyring, row: &SharedKeyRow) -> Option<SecretKey> {
    let (key_id, sealed) = (row.escrow_key_id.as_deref()?, row.escrow.as_ref()?);
    keyring
        .open_escrow(key_id, &Aad::shared_key_escrow(row.id), sealed)
        .ok()
}

/// What a signed-in person did for others: grants made, escrows ended.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Granted {
    pub grants: usize,
    pub escrows_ended: usize,
}

/// Carries out the grants `user_id` (whose private key is `person`) can
/// make: every key they hold, to every active account entitled to it that
/// has a key pair and lacks it; and takes from escrow any key they are
/// entitled to and lack. Ends each escrow whose key every active account
/// entitled to it now holds. Run at sign-in.
pub fn grant_pending(
    conn: &mut Conn,
    keyring: &Keyring,
    user_id: i64,
    person: &SecretKey,
) -> Result<Granted, DbError> {
    db::transaction(conn, |conn| {
        let accounts = people_keys::active_accounts_locked(conn)?;
        let Some(me) = accounts.iter().find(|a| a.id == user_id) else {
            return Ok(Granted::default());
        };
        let mut grants: Vec<GrantRow> = people_keys::all_grants(conn)?;
        let mut done = Granted::default();
        for key in people_keys::all(conn)? {
            let scope = Scope::of(&key);
            let mine = grants
                .iter()
                .find(|g| g.shared_key_id == key.id && g.user_id == user_id)
                .and_then(|g| {
                    person
                        .open_secret(&Aad::shared_key_grant(key.id, user_id), &g.sealed)
                        .ok()
                });
            let secret = match mine {
                Some(secret) => Some(secret),
                None if scope.entitles_account(me) => open_escrow(keyring, &key),
                None => None,
            };
            let Some(secret) = secret else { continue };
            for account in accounts.iter().filter(|a| scope.entitles_account(a)) {
                let held = grants
                    .iter()
                    .any(|g| g.shared_key_id == key.id && g.user_id == account.id);
                if !held && grant_to(conn, key.id, &secret, account, Some(user_id))? {
                    done.grants += 1;
                    grants.push(GrantRow {
                        shared_key_id: key.id,
                        user_id: account.id,
                        sealed: Sealed::from_stored(Vec::new()),
                        granted_by: Some(user_id),
                        created_at: chrono::Utc::now(),
                    });
                }
            }
            let all_hold = accounts
                .iter()
                .filter(|a| scope.entitles_account(a))
                .all(|a| {
                    grants
                        .iter()
                        .any(|g| g.shared_key_id == key.id && g.user_id == a.id)
                });
            if key.escrow.is_some() && all_hold {
                people_keys::set_escrow(conn, key.id, None)?;
                db::audit::record(
                    conn,
                    Some(user_id),
                    "key.escrow_end",
                    "key",
                    &key.id.to_string(),
                    &scope.label(),
                )?;
                done.escrows_ended += 1;
            }
        }
        Ok(done)
    })
}

/// Replaces the current key of each of `scopes` (someone who held them
/// left): what is sealed from now on opens only for those who remain.
pub fn rotate(
    conn: &mut Conn,
    keyring: &Keyring,
    scopes: &[Scope],
    by: Option<i64>,
) -> Result<(), DbError> {
    for &scope in scopes {
        // Nothing sealed to this scope yet: nothing to replace.
        if people_keys::current(conn, scope.organisation())?.is_some() {
            make(conn, keyring, scope, by)?;
        }
    }
    Ok(())
}

/// Takes back from `user_id` every grant of the keys of `scopes`, current
/// and retired (they left, or hold less): their password and a later copy
/// of the database then open nothing sealed to those keys. Granted again by
/// a holder's next sign-in if they come back.
pub fn revoke(
    conn: &mut Conn,
    user_id: i64,
    scopes: &[Scope],
    by: Option<i64>,
) -> Result<usize, DbError> {
    let keys: Vec<i64> = people_keys::all(conn)?
        .iter()
        .filter(|k| scopes.contains(&Scope::of(k)))
        .map(|k| k.id)
        .collect();
    let revoked = people_keys::revoke_grants_of(conn, user_id, &keys)?;
    if revoked > 0 {
        db::audit::record(
            conn,
            by,
            "key.revoke",
            "user",
            &user_id.to_string(),
            &revoked.to_string(),
        )?;
    }
    Ok(revoked)
}

/// An account entitled to a key it does not hold yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub user_id: i64,
    pub scope: Scope,
    /// The account has no key pair yet: it waits for its first sign-in
    /// (or its first password) before anyone can grant it anything.
    pub needs_sign_in: bool,
}

/// Who waits for which current key, for the admin pages.
pub fn waiting(conn: &mut Conn) -> Result<Vec<Waiting>, DbError> {
    let accounts = people_keys::active_accounts(conn)?;
    let grants = people_keys::all_grants(conn)?;
    let mut out = Vec::new();
    for key in people_keys::all(conn)?
        .into_iter()
        .filter(|k| k.retired_at.is_none())
    {
        let scope = Scope::of(&key);
        for account in accounts.iter().filter(|a| scope.entitles_account(a)) {
            let held = grants
                .iter()
                .any(|g| g.shared_key_id == key.id && g.user_id == account.id);
            if !held {
                out.push(Waiting {
                    user_id: account.id,
                    scope,
                    needs_sign_in: account.public_key.is_none(),
                });
            }
        }
    }
    Ok(out)
}

/// How many keys are still held in escrow under the master key.
pub fn escrowed(conn: &mut Conn) -> Result<usize, DbError> {
    Ok(people_keys::all(conn)?
        .iter()
        .filter(|k| k.escrow.is_some())
        .count())
}
