//! A case's consents: changed by its reporter, read under the case's row
//! lock by whatever acts on them, so that a referral and a withdrawal of
//! the consent it needs happen one after the other, never across each
//! other.

use diesel::prelude::*;

use crate::db::schema::cases;
use crate::db::{Conn, DbError};
use crate::domain::Consent;

/// Sets consent `consent` of case `id` to `given`, locking the case's row
/// until the transaction ends; false (and nothing written) when it
/// already stood so or the case is gone.
pub fn set_consent(
    conn: &mut Conn,
    id: i64,
    consent: Consent,
    given: bool,
) -> Result<bool, DbError> {
    let case = cases::table.find(id);
    let n = match consent {
        Consent::Referral => diesel::update(case.filter(cases::consent_referral.ne(given)))
            .set(cases::consent_referral.eq(given))
            .execute(conn)?,
        Consent::Police => diesel::update(case.filter(cases::consent_police.ne(given)))
            .set(cases::consent_police.eq(given))
            .execute(conn)?,
        Consent::Stats => diesel::update(case.filter(cases::consent_stats.ne(given)))
            .set(cases::consent_stats.eq(given))
            .execute(conn)?,
    };
    Ok(n == 1)
}

/// Whether the reporter of case `id` consents to referral now, the case's
/// row locked until the transaction ends (a withdrawal waits for it, and
/// it for a withdrawal); `None` when the case is gone.
pub fn referral_consent_locked(conn: &mut Conn, id: i64) -> Result<Option<bool>, DbError> {
    Ok(cases::table
        .find(id)
        .select(cases::consent_referral)
        .for_update()
        .first(conn)
        .optional()?)
}
