//! What the ids in audit entries stand for, for the admins' page: cases by
//! their reference, referrals and files by their case, accounts by name and
//! email, groups by name. A row that is gone (a purged case) is absent.

use diesel::prelude::*;

use super::schema::{cases, evidence, organisations, referrals, users};
use super::{Conn, DbError};

/// `(case id, reference)` of the cases still held among `ids`.
pub fn case_references(conn: &mut Conn, ids: &[i64]) -> Result<Vec<(i64, String)>, DbError> {
    Ok(cases::table
        .filter(cases::id.eq_any(ids))
        .select((cases::id, cases::reference))
        .load(conn)?)
}

/// `(referral id, public id, case reference)` of the referrals among
/// `ids` or `public_ids`.
pub fn referral_cases(
    conn: &mut Conn,
    ids: &[i64],
    public_ids: &[String],
) -> Result<Vec<(i64, String, String)>, DbError> {
    Ok(referrals::table
        .inner_join(cases::table)
        .filter(
            referrals::id
                .eq_any(ids)
                .or(referrals::public_id.eq_any(public_ids)),
        )
        .select((referrals::id, referrals::public_id, cases::reference))
        .load(conn)?)
}

/// `(file public id, case reference)` of the evidence files among
/// `public_ids`.
pub fn evidence_cases(
    conn: &mut Conn,
    public_ids: &[String],
) -> Result<Vec<(String, String)>, DbError> {
    Ok(evidence::table
        .inner_join(cases::table)
        .filter(evidence::public_id.eq_any(public_ids))
        .select((evidence::public_id, cases::reference))
        .load(conn)?)
}

/// `(account id, email, display name)` of the accounts among `ids`.
pub fn accounts(conn: &mut Conn, ids: &[i64]) -> Result<Vec<(i64, String, String)>, DbError> {
    Ok(users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::email, users::display_name))
        .load(conn)?)
}

/// `(group id, name)` of the groups among `ids`.
pub fn groups(conn: &mut Conn, ids: &[i64]) -> Result<Vec<(i64, String)>, DbError> {
    Ok(organisations::table
        .filter(organisations::id.eq_any(ids))
        .select((organisations::id, organisations::name))
        .load(conn)?)
}
