//! Sign-in throttling per account name (see `auth::throttle`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::login_throttles;
use super::{Conn, DbError};

/// Until when sign-ins for `key` are held back, if they are.
pub fn throttled_until(
    conn: &mut Conn,
    key: &[u8],
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbError> {
    let until: Option<Option<DateTime<Utc>>> = login_throttles::table
        .find(key)
        .select(login_throttles::throttled_until)
        .first(conn)
        .optional()?;
    Ok(until.flatten().filter(|u| *u > now))
}

/// Makes attempts on `key` wait for each other until the transaction ends.
pub fn lock(conn: &mut Conn, key: &[u8]) -> Result<(), DbError> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended(encode($1, 'hex'), 0))")
        .bind::<diesel::sql_types::Bytea, _>(key)
        .execute(conn)?;
    Ok(())
}

/// Counts a failure for `key` in the window that started at most
/// `window_secs` ago (a new window starts after that); returns the failures
/// in the window. Call inside a transaction: the row is locked.
pub fn record_failure(
    conn: &mut Conn,
    key: &[u8],
    now: DateTime<Utc>,
    window_secs: i64,
) -> Result<i32, DbError> {
    let window_open = now - chrono::Duration::seconds(window_secs);
    let current: Option<(i32, DateTime<Utc>)> = login_throttles::table
        .find(key)
        .select((login_throttles::failures, login_throttles::window_start))
        .for_update()
        .first(conn)
        .optional()?;
    match current {
        Some((failures, start)) if start > window_open => {
            diesel::update(login_throttles::table.find(key))
                .set(login_throttles::failures.eq(failures + 1))
                .execute(conn)?;
            Ok(failures + 1)
        }
        Some(_) => {
            diesel::update(login_throttles::table.find(key))
                .set((
                    login_throttles::failures.eq(1),
                    login_throttles::window_start.eq(now),
                ))
                .execute(conn)?;
            Ok(1)
        }
        None => {
            diesel::insert_into(login_throttles::table)
                .values((
                    login_throttles::key.eq(key),
                    login_throttles::failures.eq(1),
                    login_throttles::window_start.eq(now),
                ))
                .on_conflict_do_nothing()
                .execute(conn)?;
            Ok(1)
        }
    }
}

pub fn hold_until(conn: &mut Conn, key: &[u8], until: DateTime<Utc>) -> Result<(), DbError> {
    diesel::update(login_throttles::table.find(key))
        .set(login_throttles::throttled_until.eq(until))
        .execute(conn)?;
    Ok(())
}

pub fn clear(conn: &mut Conn, key: &[u8]) -> Result<(), DbError> {
    diesel::delete(login_throttles::table.find(key)).execute(conn)?;
    Ok(())
}

/// Removes rows whose window and hold are both over.
pub fn delete_stale(conn: &mut Conn, before: DateTime<Utc>) -> Result<usize, DbError> {
    Ok(diesel::delete(
        login_throttles::table
            .filter(login_throttles::window_start.lt(before))
            .filter(
                login_throttles::throttled_until
                    .is_null()
                    .or(login_throttles::throttled_until.lt(before)),
            ),
    )
    .execute(conn)?)
}
