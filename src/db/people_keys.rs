//! Keys held by people: team and group key pairs, their grants to
//! accounts, accounts' own sealed keys, and each case's sealed keys.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::{case_keys, key_grants, shared_keys, users};
use super::{Conn, DbError};
use crate::crypto::Sealed;

/// A team's or group's key pair (its private key is not here).
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = shared_keys)]
pub struct SharedKeyRow {
    pub id: i64,
    /// `None`: the casework team's key.
    pub organisation_id: Option<i64>,
    pub public_key: Vec<u8>,
    pub escrow_key_id: Option<String>,
    pub escrow: Option<Sealed>,
    pub created_at: DateTime<Utc>,
    pub retired_at: Option<DateTime<Utc>>,
}

fn scope(organisation_id: Option<i64>) -> shared_keys::BoxedQuery<'static, diesel::pg::Pg> {
    let q = shared_keys::table.into_boxed();
    match organisation_id {
        Some(org) => q.filter(shared_keys::organisation_id.eq(org)),
        None => q.filter(shared_keys::organisation_id.is_null()),
    }
}

/// The current key of the team (`None`) or of a group.
pub fn current(
    conn: &mut Conn,
    organisation_id: Option<i64>,
) -> Result<Option<SharedKeyRow>, DbError> {
    Ok(scope(organisation_id)
        .filter(shared_keys::retired_at.is_null())
        .select(SharedKeyRow::as_select())
        .first(conn)
        .optional()?)
}

/// Every key, current and retired, of the team (`None`) or of a group.
pub fn all_of(conn: &mut Conn, organisation_id: Option<i64>) -> Result<Vec<SharedKeyRow>, DbError> {
    Ok(scope(organisation_id)
        .order(shared_keys::id.asc())
        .select(SharedKeyRow::as_select())
        .load(conn)?)
}

/// Every team and group key.
pub fn all(conn: &mut Conn) -> Result<Vec<SharedKeyRow>, DbError> {
    Ok(shared_keys::table
        .order(shared_keys::id.asc())
        .select(SharedKeyRow::as_select())
        .load(conn)?)
}

pub fn find(conn: &mut Conn, id: i64) -> Result<Option<SharedKeyRow>, DbError> {
    Ok(shared_keys::table
        .find(id)
        .select(SharedKeyRow::as_select())
        .first(conn)
        .optional()?)
}

/// Adds a key pair as current; another current key of the same team or
/// group (made meanwhile elsewhere) is [`DbError::Conflict`].
pub fn insert(
    conn: &mut Conn,
    organisation_id: Option<i64>,
    public_key: &[u8],
    escrow: Option<(&str, &Sealed)>,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(shared_keys::table)
        .values((
            shared_keys::organisation_id.eq(organisation_id),
            shared_keys::public_key.eq(public_key),
            shared_keys::escrow_key_id.eq(escrow.map(|(id, _)| id)),
            shared_keys::escrow.eq(escrow.map(|(_, s)| s)),
        ))
        .returning(shared_keys::id)
        .get_result(conn)?)
}

pub fn retire(conn: &mut Conn, id: i64) -> Result<(), DbError> {
    diesel::update(shared_keys::table.find(id))
        .set(shared_keys::retired_at.eq(diesel::dsl::now))
        .execute(conn)?;
    Ok(())
}

/// Replaces (or, with `None`, ends) a key's escrow under the master key.
pub fn set_escrow(
    conn: &mut Conn,
    id: i64,
    escrow: Option<(&str, &Sealed)>,
) -> Result<(), DbError> {
    diesel::update(shared_keys::table.find(id))
        .set((
            shared_keys::escrow_key_id.eq(escrow.map(|(id, _)| id)),
            shared_keys::escrow.eq(escrow.map(|(_, s)| s)),
        ))
        .execute(conn)?;
    Ok(())
}

/// A grant of a team's or group's private key to an account.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = key_grants)]
pub struct GrantRow {
    pub shared_key_id: i64,
    pub user_id: i64,
    pub sealed: Sealed,
    pub granted_by: Option<i64>,
    pub created_at: DateTime<Utc>,
}

/// Records a grant; one already there stays (true when this one was new).
pub fn grant(
    conn: &mut Conn,
    shared_key_id: i64,
    user_id: i64,
    sealed: &Sealed,
    granted_by: Option<i64>,
) -> Result<bool, DbError> {
    Ok(diesel::insert_into(key_grants::table)
        .values((
            key_grants::shared_key_id.eq(shared_key_id),
            key_grants::user_id.eq(user_id),
            key_grants::sealed.eq(sealed),
            key_grants::granted_by.eq(granted_by),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?
        == 1)
}

pub fn find_grant(
    conn: &mut Conn,
    shared_key_id: i64,
    user_id: i64,
) -> Result<Option<Sealed>, DbError> {
    Ok(key_grants::table
        .find((shared_key_id, user_id))
        .select(key_grants::sealed)
        .first(conn)
        .optional()?)
}

/// Every grant (few: one per account and key).
pub fn all_grants(conn: &mut Conn) -> Result<Vec<GrantRow>, DbError> {
    Ok(key_grants::table.select(GrantRow::as_select()).load(conn)?)
}

/// The grants an account holds.
pub fn grants_of(conn: &mut Conn, user_id: i64) -> Result<Vec<GrantRow>, DbError> {
    Ok(key_grants::table
        .filter(key_grants::user_id.eq(user_id))
        .select(GrantRow::as_select())
        .load(conn)?)
}

/// Removes every grant of an account (its key pair was replaced).
pub fn revoke_grants(conn: &mut Conn, user_id: i64) -> Result<usize, DbError> {
    Ok(diesel::delete(key_grants::table.filter(key_grants::user_id.eq(user_id))).execute(conn)?)
}

/// Removes an account's grants of the given keys.
pub fn revoke_grants_of(conn: &mut Conn, user_id: i64, keys: &[i64]) -> Result<usize, DbError> {
    Ok(diesel::delete(
        key_grants::table
            .filter(key_grants::user_id.eq(user_id))
            .filter(key_grants::shared_key_id.eq_any(keys)),
    )
    .execute(conn)?)
}

/// An account's key pair as stored.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct AccountKeyRow {
    pub id: i64,
    pub role: String,
    pub organisation_id: Option<i64>,
    pub active: bool,
    pub public_key: Option<Vec<u8>>,
    pub sealed_key: Option<Sealed>,
    pub recovery_key: Option<Sealed>,
}

pub fn account(conn: &mut Conn, user_id: i64) -> Result<Option<AccountKeyRow>, DbError> {
    Ok(users::table
        .find(user_id)
        .select(AccountKeyRow::as_select())
        .first(conn)
        .optional()?)
}

/// Every active account (few).
pub fn active_accounts(conn: &mut Conn) -> Result<Vec<AccountKeyRow>, DbError> {
    Ok(users::table
        .filter(users::active.eq(true))
        .order(users::id.asc())
        .select(AccountKeyRow::as_select())
        .load(conn)?)
}

/// Every active account, locked against a change of key pair until the
/// transaction ends (so that a grant is never sealed to a key pair being
/// replaced meanwhile).
pub fn active_accounts_locked(conn: &mut Conn) -> Result<Vec<AccountKeyRow>, DbError> {
    Ok(users::table
        .filter(users::active.eq(true))
        .order(users::id.asc())
        .select(AccountKeyRow::as_select())
        .for_share()
        .load(conn)?)
}

/// Locks an account's row until the transaction ends (its key pair is
/// about to change).
pub fn lock_account(conn: &mut Conn, user_id: i64) -> Result<(), DbError> {
    users::table
        .find(user_id)
        .select(users::id)
        .for_update()
        .first::<i64>(conn)?;
    Ok(())
}

/// Whether an active account holds a grant of shared key `id`.
pub fn held_by_someone_active(conn: &mut Conn, id: i64) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        key_grants::table
            .inner_join(users::table.on(users::id.eq(key_grants::user_id)))
            .filter(key_grants::shared_key_id.eq(id))
            .filter(users::active.eq(true)),
    ))
    .get_result(conn)?)
}

/// Gives an account a key pair: its public key, its private key under its
/// password's seed and under its recovery key.
pub fn set_account_keys(
    conn: &mut Conn,
    user_id: i64,
    public_key: &[u8],
    sealed_key: &Sealed,
    recovery_key: &Sealed,
) -> Result<(), DbError> {
    diesel::update(users::table.find(user_id))
        .set((
            users::public_key.eq(public_key),
            users::sealed_key.eq(sealed_key),
            users::recovery_key.eq(recovery_key),
        ))
        .execute(conn)?;
    Ok(())
}

/// Re-seals an account's private key under a new password's seed.
pub fn set_sealed_key(conn: &mut Conn, user_id: i64, sealed_key: &Sealed) -> Result<(), DbError> {
    diesel::update(users::table.find(user_id))
        .set(users::sealed_key.eq(sealed_key))
        .execute(conn)?;
    Ok(())
}

/// A case's sealed keys.
#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = case_keys)]
pub struct CaseKeysRow {
    pub case_id: i64,
    pub master_key_id: String,
    pub team_key_id: i64,
    pub team_keys: Sealed,
    pub receipt_key: Option<Sealed>,
}

pub fn insert_case_keys(conn: &mut Conn, row: &CaseKeysRow) -> Result<(), DbError> {
    diesel::insert_into(case_keys::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn insert_many_case_keys(conn: &mut Conn, rows: &[CaseKeysRow]) -> Result<(), DbError> {
    diesel::insert_into(case_keys::table)
        .values(rows)
        .execute(conn)?;
    Ok(())
}

pub fn case_keys(conn: &mut Conn, case_id: i64) -> Result<Option<CaseKeysRow>, DbError> {
    Ok(case_keys::table
        .find(case_id)
        .select(CaseKeysRow::as_select())
        .first(conn)
        .optional()?)
}

/// Replaces a case's sealed keys (a master-key rotation re-seals their
/// outer layer; a reporter's first visit after the move adds the receipt's).
pub fn update_case_keys(conn: &mut Conn, row: &CaseKeysRow) -> Result<(), DbError> {
    diesel::update(case_keys::table.find(row.case_id))
        .set((
            case_keys::master_key_id.eq(&row.master_key_id),
            case_keys::team_key_id.eq(row.team_key_id),
            case_keys::team_keys.eq(&row.team_keys),
            case_keys::receipt_key.eq(&row.receipt_key),
        ))
        .execute(conn)?;
    Ok(())
}

/// Case keys sealed under another master key, locked for re-sealing.
pub fn case_keys_not_under(
    conn: &mut Conn,
    key_id: &str,
    limit: i64,
) -> Result<Vec<CaseKeysRow>, DbError> {
    Ok(case_keys::table
        .filter(case_keys::master_key_id.ne(key_id))
        .order(case_keys::case_id.asc())
        .limit(limit)
        .select(CaseKeysRow::as_select())
        .for_update()
        .skip_locked()
        .load(conn)?)
}

pub fn count_case_keys_not_under(conn: &mut Conn, key_id: &str) -> Result<i64, DbError> {
    Ok(case_keys::table
        .filter(case_keys::master_key_id.ne(key_id))
        .count()
        .get_result(conn)?)
}
