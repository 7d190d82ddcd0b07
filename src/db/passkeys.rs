//! Passkeys (WebAuthn credentials) of staff accounts, sign-ins waiting for
//! their second factor, and the passkey challenges of signed-in sessions.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::{passkey_challenges, passkeys, sign_in_steps, users};
use super::{Conn, DbError};
use crate::crypto::Sealed;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = passkeys)]
pub struct PasskeyRow {
    pub id: i64,
    pub user_id: i64,
    pub credential_id: Vec<u8>,
    pub name: String,
    pub credential: serde_json::Value,
    pub sign_count: i64,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub suspended_at: Option<DateTime<Utc>>,
}

/// The passkeys of `user_id`, oldest first.
pub fn for_user(conn: &mut Conn, user_id: i64) -> Result<Vec<PasskeyRow>, DbError> {
    Ok(passkeys::table
        .filter(passkeys::user_id.eq(user_id))
        .order(passkeys::id.asc())
        .select(PasskeyRow::as_select())
        .load(conn)?)
}

/// How many passkeys `user_id` has that sign in (not suspended).
pub fn count(conn: &mut Conn, user_id: i64) -> Result<i64, DbError> {
    Ok(passkeys::table
        .filter(passkeys::user_id.eq(user_id))
        .filter(passkeys::suspended_at.is_null())
        .count()
        .get_result(conn)?)
}

/// How many passkeys that sign in each of `user_ids` has (those with none
/// are absent).
pub fn counts(conn: &mut Conn, user_ids: &[i64]) -> Result<Vec<(i64, i64)>, DbError> {
    Ok(passkeys::table
        .filter(passkeys::user_id.eq_any(user_ids))
        .filter(passkeys::suspended_at.is_null())
        .group_by(passkeys::user_id)
        .select((passkeys::user_id, diesel::dsl::count_star()))
        .load(conn)?)
}

/// Stores a new passkey; `None` when its credential is already registered
/// (to this account or another).
pub fn insert(
    conn: &mut Conn,
    user_id: i64,
    credential_id: &[u8],
    name: &str,
    credential: &serde_json::Value,
    sign_count: i64,
) -> Result<Option<i64>, DbError> {
    Ok(diesel::insert_into(passkeys::table)
        .values((
            passkeys::user_id.eq(user_id),
            passkeys::credential_id.eq(credential_id),
            passkeys::name.eq(name),
            passkeys::credential.eq(credential),
            passkeys::sign_count.eq(sign_count),
        ))
        .on_conflict(passkeys::credential_id)
        .do_nothing()
        .returning(passkeys::id)
        .get_result(conn)
        .optional()?)
}

/// Records a use of a passkey whose authenticator signed with counter
/// `sign_count`: only if the counter moved past the one last seen (or the
/// authenticator keeps no counter, both zero). False when it did not, which
/// is the sign of a cloned authenticator.
pub fn record_use(
    conn: &mut Conn,
    user_id: i64,
    credential_id: &[u8],
    sign_count: i64,
    credential: &serde_json::Value,
) -> Result<bool, DbError> {
    // A counter of zero means the authenticator keeps none: accepted only
    // while the stored one is zero too.
    let last_seen_below = if sign_count == 0 { 1 } else { sign_count };
    let n = diesel::update(
        passkeys::table
            .filter(passkeys::user_id.eq(user_id))
            .filter(passkeys::credential_id.eq(credential_id))
            .filter(passkeys::suspended_at.is_null())
            .filter(passkeys::sign_count.lt(last_seen_below)),
    )
    .set((
        passkeys::sign_count.eq(sign_count),
        passkeys::credential.eq(credential),
        passkeys::last_used_at.eq(diesel::dsl::now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Suspends a passkey that showed the sign of a cloned authenticator; its
/// id, if it is (still) `user_id`'s.
pub fn suspend(
    conn: &mut Conn,
    user_id: i64,
    credential_id: &[u8],
) -> Result<Option<i64>, DbError> {
    Ok(diesel::update(
        passkeys::table
            .filter(passkeys::user_id.eq(user_id))
            .filter(passkeys::credential_id.eq(credential_id)),
    )
    .set(passkeys::suspended_at.eq(Some(Utc::now())))
    .returning(passkeys::id)
    .get_result(conn)
    .optional()?)
}

/// Removes one of `user_id`'s passkeys; its name, if it was there.
pub fn delete(conn: &mut Conn, user_id: i64, id: i64) -> Result<Option<String>, DbError> {
    Ok(diesel::delete(
        passkeys::table
            .filter(passkeys::id.eq(id))
            .filter(passkeys::user_id.eq(user_id)),
    )
    .returning(passkeys::name)
    .get_result(conn)
    .optional()?)
}

/// Removes every passkey of `user_id`; how many there were.
pub fn delete_all(conn: &mut Conn, user_id: i64) -> Result<usize, DbError> {
    Ok(diesel::delete(passkeys::table.filter(passkeys::user_id.eq(user_id))).execute(conn)?)
}

/// Locks `user_id`'s account row until the transaction ends (changes to
/// its second factors wait for each other); whether it uses an
/// authenticator app.
pub fn lock_owner(conn: &mut Conn, user_id: i64) -> Result<bool, DbError> {
    Ok(users::table
        .find(user_id)
        .select(users::totp_enabled)
        .for_update()
        .first(conn)?)
}

/// The account's WebAuthn handle, made (random) the first time it is asked
/// for.
pub fn handle(conn: &mut Conn, user_id: i64, fresh: [u8; 16]) -> Result<Vec<u8>, DbError> {
    diesel::update(
        users::table
            .find(user_id)
            .filter(users::passkey_handle.is_null()),
    )
    .set(users::passkey_handle.eq(&fresh[..]))
    .execute(conn)?;
    users::table
        .find(user_id)
        .select(users::passkey_handle)
        .first::<Option<Vec<u8>>>(conn)?
        .ok_or(DbError::NotFound)
}

/// A sign-in waiting for its second factor.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = sign_in_steps)]
pub struct SignInStepRow {
    pub token_digest: Vec<u8>,
    pub user_id: i64,
    pub sealed_seed: Sealed,
    pub charged: bool,
    pub failures: i32,
    pub expires_at: DateTime<Utc>,
}

/// Keeps a new waiting sign-in for `user_id`, ending any earlier one: a
/// person has one at most, so its tries cannot be multiplied.
pub fn insert_step(
    conn: &mut Conn,
    token_digest: &[u8],
    user_id: i64,
    sealed_seed: &Sealed,
    charged: bool,
    expires_at: DateTime<Utc>,
) -> Result<(), DbError> {
    delete_steps_of(conn, user_id)?;
    diesel::insert_into(sign_in_steps::table)
        .values((
            sign_in_steps::token_digest.eq(token_digest),
            sign_in_steps::user_id.eq(user_id),
            sign_in_steps::sealed_seed.eq(sealed_seed),
            sign_in_steps::charged.eq(charged),
            sign_in_steps::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// The sign-in waiting under `token_digest`, if it has not expired.
pub fn find_step(conn: &mut Conn, token_digest: &[u8]) -> Result<Option<SignInStepRow>, DbError> {
    Ok(sign_in_steps::table
        .find(token_digest)
        .filter(sign_in_steps::expires_at.gt(diesel::dsl::now))
        .select(SignInStepRow::as_select())
        .first(conn)
        .optional()?)
}

/// Sets the passkey challenge outstanding for a waiting sign-in (replacing
/// any earlier one).
pub fn set_step_challenge(
    conn: &mut Conn,
    token_digest: &[u8],
    challenge: &serde_json::Value,
) -> Result<bool, DbError> {
    let n = diesel::update(
        sign_in_steps::table
            .find(token_digest)
            .filter(sign_in_steps::expires_at.gt(diesel::dsl::now)),
    )
    .set(sign_in_steps::challenge.eq(challenge))
    .execute(conn)?;
    Ok(n == 1)
}

/// Takes a waiting sign-in's passkey challenge: it is gone from the row
/// whoever took it, so it answers at most one assertion.
pub fn take_step_challenge(
    conn: &mut Conn,
    token_digest: &[u8],
) -> Result<Option<serde_json::Value>, DbError> {
    // The old value is returned from a self-join of the row as it was:
    // `UPDATE … RETURNING` gives the new (null) one.
    let taken: Option<Option<serde_json::Value>> = diesel::sql_query(
        "UPDATE sign_in_steps AS s SET challenge = NULL \
         FROM (SELECT token_digest, challenge FROM sign_in_steps \
               WHERE token_digest = $1 AND expires_at > now() FOR UPDATE) AS old \
         WHERE s.token_digest = old.token_digest \
         RETURNING old.challenge AS challenge",
    )
    .bind::<diesel::sql_types::Bytea, _>(token_digest)
    .get_result::<TakenChallenge>(conn)
    .optional()?
    .map(|t| t.challenge);
    Ok(taken.flatten())
}

#[derive(QueryableByName)]
struct TakenChallenge {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Jsonb>)]
    challenge: Option<serde_json::Value>,
}

/// Takes one try of a waiting sign-in, before its second factor is
/// checked (so that tries sent at once cannot outnumber the limit): the
/// tries taken so far, or `None` when it has none left, or has ended.
pub fn take_try(conn: &mut Conn, token_digest: &[u8], limit: i32) -> Result<Option<i32>, DbError> {
    Ok(diesel::update(
        sign_in_steps::table
            .find(token_digest)
            .filter(sign_in_steps::failures.lt(limit))
            .filter(sign_in_steps::expires_at.gt(diesel::dsl::now)),
    )
    .set(sign_in_steps::failures.eq(sign_in_steps::failures + 1))
    .returning(sign_in_steps::failures)
    .get_result(conn)
    .optional()?)
}

/// Gives back a try that checked nothing (a passkey answer with no
/// challenge waiting).
pub fn give_back_try(conn: &mut Conn, token_digest: &[u8]) -> Result<(), DbError> {
    diesel::update(
        sign_in_steps::table
            .find(token_digest)
            .filter(sign_in_steps::failures.gt(0)),
    )
    .set(sign_in_steps::failures.eq(sign_in_steps::failures - 1))
    .execute(conn)?;
    Ok(())
}

/// Ends every waiting sign-in of `user_id` (a new one, a password changed
/// or reset).
pub fn delete_steps_of(conn: &mut Conn, user_id: i64) -> Result<usize, DbError> {
    Ok(
        diesel::delete(sign_in_steps::table.filter(sign_in_steps::user_id.eq(user_id)))
            .execute(conn)?,
    )
}

/// Ends a waiting sign-in; whether it was there (and so is this caller's
/// to finish).
pub fn delete_step(conn: &mut Conn, token_digest: &[u8]) -> Result<bool, DbError> {
    Ok(diesel::delete(sign_in_steps::table.find(token_digest)).execute(conn)? == 1)
}

pub fn delete_expired_steps(conn: &mut Conn, now: DateTime<Utc>) -> Result<usize, DbError> {
    let steps = diesel::delete(sign_in_steps::table.filter(sign_in_steps::expires_at.le(now)))
        .execute(conn)?;
    let challenges =
        diesel::delete(passkey_challenges::table.filter(passkey_challenges::expires_at.le(now)))
            .execute(conn)?;
    Ok(steps + challenges)
}

/// A session's passkey challenge for `purpose` (`add` or `confirm`),
/// replacing any earlier one.
pub fn set_challenge(
    conn: &mut Conn,
    session_digest: &[u8],
    purpose: &str,
    state: &serde_json::Value,
    name: Option<&str>,
    expires_at: DateTime<Utc>,
) -> Result<(), DbError> {
    diesel::insert_into(passkey_challenges::table)
        .values((
            passkey_challenges::session_digest.eq(session_digest),
            passkey_challenges::purpose.eq(purpose),
            passkey_challenges::state.eq(state),
            passkey_challenges::name.eq(name),
            passkey_challenges::expires_at.eq(expires_at),
        ))
        .on_conflict((
            passkey_challenges::session_digest,
            passkey_challenges::purpose,
        ))
        .do_update()
        .set((
            passkey_challenges::state.eq(state),
            passkey_challenges::name.eq(name),
            passkey_challenges::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Takes a session's challenge for `purpose` if it has not expired: the
/// state and the name given with it. Gone from the table either way.
pub fn take_challenge(
    conn: &mut Conn,
    session_digest: &[u8],
    purpose: &str,
) -> Result<Option<(serde_json::Value, Option<String>)>, DbError> {
    let taken: Option<(serde_json::Value, Option<String>, DateTime<Utc>)> = diesel::delete(
        passkey_challenges::table
            .filter(passkey_challenges::session_digest.eq(session_digest))
            .filter(passkey_challenges::purpose.eq(purpose)),
    )
    .returning((
        passkey_challenges::state,
        passkey_challenges::name,
        passkey_challenges::expires_at,
    ))
    .get_result(conn)
    .optional()?;
    Ok(taken
        .filter(|(_, _, expires_at)| *expires_at > Utc::now())
        .map(|(state, name, _)| (state, name)))
}
