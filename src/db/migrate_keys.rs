//! The queries of the move to keys held by people (`haven keys migrate`,
//! `haven keys status`): what was sealed before under the master key alone,
//! found, locked and rewritten in batches.

use diesel::dsl::{exists, not};
use diesel::prelude::*;

use super::cases::CaseRow;
use super::referrals::ReferralRow;
use super::schema::{case_keys, case_notes, cases, referrals, users};
use super::{Conn, DbError};
use crate::crypto::Sealed;

/// Cases filed before keys were held by people and not moved yet: a case
/// key under the master key and no sealed keys of their own; those after
/// case `after`, oldest first. Locked for moving, skipping rows another
/// run holds.
pub fn legacy_cases(conn: &mut Conn, after: i64, limit: i64) -> Result<Vec<CaseRow>, DbError> {
    Ok(cases::table
        .filter(cases::id.gt(after))
        .filter(cases::wrapped_key.is_not_null())
        .filter(not(exists(
            case_keys::table.filter(case_keys::case_id.eq(cases::id)),
        )))
        .order(cases::id.asc())
        .limit(limit)
        .select(CaseRow::as_select())
        .for_update()
        .skip_locked()
        .load(conn)?)
}

pub fn count_legacy_cases(conn: &mut Conn) -> Result<i64, DbError> {
    Ok(cases::table
        .filter(cases::wrapped_key.is_not_null())
        .filter(not(exists(
            case_keys::table.filter(case_keys::case_id.eq(cases::id)),
        )))
        .count()
        .get_result(conn)?)
}

/// Cases moved whose reporter has not come back since: their key is still
/// under the master key too, until the receipt opens it once.
pub fn count_waiting_for_reporter(conn: &mut Conn) -> Result<i64, DbError> {
    Ok(cases::table
        .filter(cases::wrapped_key.is_not_null())
        .filter(exists(
            case_keys::table.filter(case_keys::case_id.eq(cases::id)),
        ))
        .count()
        .get_result(conn)?)
}

/// A case's notes: id, public id and sealed body.
pub fn notes_of(conn: &mut Conn, case_id: i64) -> Result<Vec<(i64, String, Sealed)>, DbError> {
    Ok(case_notes::table
        .filter(case_notes::case_id.eq(case_id))
        .order(case_notes::id.asc())
        .select((case_notes::id, case_notes::public_id, case_notes::body))
        .load(conn)?)
}

pub fn set_note_body(conn: &mut Conn, id: i64, body: &Sealed) -> Result<(), DbError> {
    diesel::update(case_notes::table.find(id))
        .set(case_notes::body.eq(body))
        .execute(conn)?;
    Ok(())
}

/// Referrals made before keys were held by people (sealed with their
/// case's key), after referral `after`, oldest first. Locked for moving,
/// skipping rows another run holds.
pub fn legacy_referrals(
    conn: &mut Conn,
    after: i64,
    limit: i64,
) -> Result<Vec<ReferralRow>, DbError> {
    Ok(referrals::table
        .filter(referrals::id.gt(after))
        .filter(referrals::master_key_id.is_null())
        .order(referrals::id.asc())
        .limit(limit)
        .select(ReferralRow::as_select())
        .for_update()
        .skip_locked()
        .load(conn)?)
}

/// The referrals of one case made before keys were held by people, locked
/// for moving with it.
pub fn legacy_referrals_of(conn: &mut Conn, case_id: i64) -> Result<Vec<ReferralRow>, DbError> {
    Ok(referrals::table
        .filter(referrals::case_id.eq(case_id))
        .filter(referrals::master_key_id.is_null())
        .order(referrals::id.asc())
        .select(ReferralRow::as_select())
        .for_update()
        .load(conn)?)
}

pub fn count_legacy_referrals(conn: &mut Conn) -> Result<i64, DbError> {
    Ok(referrals::table
        .filter(referrals::master_key_id.is_null())
        .count()
        .get_result(conn)?)
}

/// Replaces a referral's sealed summary and decline reason (re-sealed
/// under its own key).
pub fn set_referral_texts(
    conn: &mut Conn,
    id: i64,
    summary: &Sealed,
    decline_reason: Option<&Sealed>,
) -> Result<(), DbError> {
    diesel::update(referrals::table.find(id))
        .set((
            referrals::summary.eq(summary),
            referrals::decline_reason.eq(decline_reason),
        ))
        .execute(conn)?;
    Ok(())
}

/// Active accounts without a key pair: not signed in (or without a
/// password) since keys were held by people.
pub fn count_accounts_without_keys(conn: &mut Conn) -> Result<i64, DbError> {
    Ok(users::table
        .filter(users::active.eq(true))
        .filter(users::public_key.is_null())
        .count()
        .get_result(conn)?)
}
