//! Referrals of cases to partner groups, and the liaisons' updates.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::{cases, organisations, referral_updates, referrals, users};
use super::{Conn, DbError};
use crate::crypto::Sealed;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = referrals)]
pub struct ReferralRow {
    pub id: i64,
    pub public_id: String,
    pub case_id: i64,
    pub organisation_id: i64,
    pub referred_by: Option<i64>,
    pub summary: Sealed,
    pub status: String,
    pub decline_reason: Option<Sealed>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The master key under whose outer layer the referral's key is sealed;
    /// `None` for a referral sealed with its case's key before keys were
    /// held by people.
    pub master_key_id: Option<String>,
    pub team_key_id: Option<i64>,
    pub team_key: Option<Sealed>,
    pub group_key_id: Option<i64>,
    pub group_key: Option<Sealed>,
}

/// A referral's key sealed to the team and to the group (each under the
/// master key's outer layer). The group's copy is gone once its reporter
/// withdrew the referral: from then on only the team can open it.
#[derive(Clone, Debug)]
pub struct ReferralKeys {
    pub master_key_id: String,
    pub team_key_id: i64,
    pub team_key: Sealed,
    pub group_key_id: Option<i64>,
    pub group_key: Option<Sealed>,
}

/// A referral with what is needed to open and show it.
#[derive(Clone, Debug)]
pub struct ReferralWithCase {
    pub referral: ReferralRow,
    pub reference: String,
    pub organisation: String,
}

#[derive(Clone, Debug, Queryable)]
pub struct UpdateRow {
    pub body: Sealed,
    pub created_at: DateTime<Utc>,
    pub author_email: Option<String>,
    pub author_name: Option<String>,
}

pub fn insert(
    conn: &mut Conn,
    public_id: &str,
    case_id: i64,
    organisation_id: i64,
    referred_by: i64,
    summary: &Sealed,
    keys: &ReferralKeys,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(referrals::table)
        .values((
            referrals::public_id.eq(public_id),
            referrals::case_id.eq(case_id),
            referrals::organisation_id.eq(organisation_id),
            referrals::referred_by.eq(referred_by),
            referrals::summary.eq(summary),
            referrals::master_key_id.eq(&keys.master_key_id),
            referrals::team_key_id.eq(keys.team_key_id),
            referrals::team_key.eq(&keys.team_key),
            referrals::group_key_id.eq(keys.group_key_id),
            referrals::group_key.eq(&keys.group_key),
        ))
        .returning(referrals::id)
        .get_result(conn)?)
}

type Joined = (ReferralRow, String, String);

fn joined(rows: Vec<Joined>) -> Vec<ReferralWithCase> {
    rows.into_iter()
        .map(|(referral, reference, organisation)| ReferralWithCase {
            referral,
            reference,
            organisation,
        })
        .collect()
}

/// The referrals of one case, oldest first.
pub fn for_case(conn: &mut Conn, case_id: i64) -> Result<Vec<ReferralWithCase>, DbError> {
    let rows: Vec<Joined> = referrals::table
        .inner_join(cases::table)
        .inner_join(organisations::table)
        .filter(referrals::case_id.eq(case_id))
        .order(referrals::id.asc())
        .select((
            ReferralRow::as_select(),
            cases::reference,
            organisations::name,
        ))
        .load(conn)?;
    Ok(joined(rows))
}

/// The referrals addressed to one group, newest first, one page.
pub fn for_organisation(
    conn: &mut Conn,
    organisation_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<ReferralWithCase>, DbError> {
    let mut q = referrals::table
        .inner_join(cases::table)
        .inner_join(organisations::table)
        .filter(referrals::organisation_id.eq(organisation_id))
        .filter(organisations::active.eq(true))
        .order(referrals::id.desc())
        .limit(limit)
        .select((
            ReferralRow::as_select(),
            cases::reference,
            organisations::name,
        ))
        .into_boxed();
    if let Some(before) = before {
        q = q.filter(referrals::id.lt(before));
    }
    Ok(joined(q.load(conn)?))
}

/// One referral, only if it is addressed to `organisation_id`.
pub fn find_for_organisation(
    conn: &mut Conn,
    public_id: &str,
    organisation_id: i64,
) -> Result<Option<ReferralWithCase>, DbError> {
    let row: Option<Joined> = referrals::table
        .inner_join(cases::table)
        .inner_join(organisations::table)
        .filter(referrals::public_id.eq(public_id))
        .filter(referrals::organisation_id.eq(organisation_id))
        .filter(organisations::active.eq(true))
        .select((
            ReferralRow::as_select(),
            cases::reference,
            organisations::name,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(|r| joined(vec![r]).remove(0)))
}

/// Moves a pending referral to `status`; false if it was not pending.
pub fn decide(
    conn: &mut Conn,
    id: i64,
    status: &str,
    reason: Option<&Sealed>,
) -> Result<bool, DbError> {
    let n = diesel::update(
        referrals::table
            .find(id)
            .filter(referrals::status.eq("pending")),
    )
    .set((
        referrals::status.eq(status),
        referrals::decline_reason.eq(reason),
        referrals::updated_at.eq(diesel::dsl::now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Withdraws every pending referral of case `case_id` (its reporter took
/// back their consent to referral), dated `at`, and erases the group's copy
/// of each one's key, so that no liaison can open it again, whatever page
/// or bug might try; returns the id and group of each one withdrawn.
/// Accepted and declined referrals stay as they are.
pub fn withdraw_pending(
    conn: &mut Conn,
    case_id: i64,
    at: DateTime<Utc>,
) -> Result<Vec<(i64, i64)>, DbError> {
    Ok(diesel::update(
        referrals::table
            .filter(referrals::case_id.eq(case_id))
            .filter(referrals::status.eq("pending")),
    )
    .set((
        referrals::status.eq("withdrawn"),
        referrals::updated_at.eq(at),
        referrals::group_key_id.eq(None::<i64>),
        referrals::group_key.eq(None::<Sealed>),
    ))
    .returning((referrals::id, referrals::organisation_id))
    .get_results(conn)?)
}

/// Adds an update and returns its id.
pub fn add_update(
    conn: &mut Conn,
    referral_id: i64,
    author_id: i64,
    body: &Sealed,
) -> Result<i64, DbError> {
    let id = diesel::insert_into(referral_updates::table)
        .values((
            referral_updates::referral_id.eq(referral_id),
            referral_updates::author_id.eq(author_id),
            referral_updates::body.eq(body),
        ))
        .returning(referral_updates::id)
        .get_result(conn)?;
    diesel::update(referrals::table.find(referral_id))
        .set(referrals::updated_at.eq(diesel::dsl::now))
        .execute(conn)?;
    Ok(id)
}

/// An update as read: id, sealed body, when, author's email and name.
type UpdateColumns = (i64, Sealed, DateTime<Utc>, Option<String>, Option<String>);

pub fn updates(conn: &mut Conn, referral_id: i64) -> Result<Vec<(i64, UpdateRow)>, DbError> {
    let rows: Vec<UpdateColumns> = referral_updates::table
        .left_join(users::table.on(users::id.nullable().eq(referral_updates::author_id)))
        .filter(referral_updates::referral_id.eq(referral_id))
        .order(referral_updates::id.asc())
        .select((
            referral_updates::id,
            referral_updates::body,
            referral_updates::created_at,
            users::email.nullable(),
            users::display_name.nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, body, created_at, author_email, author_name)| {
            (
                id,
                UpdateRow {
                    body,
                    created_at,
                    author_email,
                    author_name,
                },
            )
        })
        .collect())
}

pub fn set_update_body(conn: &mut Conn, update_id: i64, body: &Sealed) -> Result<(), DbError> {
    diesel::update(referral_updates::table.find(update_id))
        .set(referral_updates::body.eq(body))
        .execute(conn)?;
    Ok(())
}

/// Replaces a referral's sealed keys (a master-key rotation re-seals their
/// outer layer; a referral made before keys were held by people moves).
pub fn set_keys(conn: &mut Conn, id: i64, keys: &ReferralKeys) -> Result<(), DbError> {
    diesel::update(referrals::table.find(id))
        .set((
            referrals::master_key_id.eq(&keys.master_key_id),
            referrals::team_key_id.eq(keys.team_key_id),
            referrals::team_key.eq(&keys.team_key),
            referrals::group_key_id.eq(keys.group_key_id),
            referrals::group_key.eq(&keys.group_key),
        ))
        .execute(conn)?;
    Ok(())
}

type KeysRow = (
    i64,
    i64,
    String,
    Option<String>,
    Option<i64>,
    Option<Sealed>,
    Option<i64>,
    Option<Sealed>,
);

/// Referrals whose key's outer layer is under another master key, after
/// referral `after`, oldest first, at most `limit`: id, case reference,
/// public id and sealed keys (for re-sealing in batches with progress).
/// The referrals' rows stay locked until the transaction ends, so that a
/// withdrawal (which erases the group's copy) waits for the re-sealed keys
/// to be written rather than having them written back over it.
pub fn keys_not_under_after(
    conn: &mut Conn,
    key_id: &str,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, String, String, ReferralKeys)>, DbError> {
    let rows: Vec<KeysRow> = referrals::table
        .filter(referrals::id.gt(after))
        .filter(referrals::master_key_id.is_not_null())
        .filter(referrals::master_key_id.ne(key_id))
        .order(referrals::id.asc())
        .limit(limit)
        .select((
            referrals::id,
            referrals::case_id,
            referrals::public_id,
            referrals::master_key_id,
            referrals::team_key_id,
            referrals::team_key,
            referrals::group_key_id,
            referrals::group_key,
        ))
        .for_update()
        .load(conn)?;
    let case_ids: Vec<i64> = rows.iter().map(|r| r.1).collect();
    let references: std::collections::HashMap<i64, String> = cases::table
        .filter(cases::id.eq_any(&case_ids))
        .select((cases::id, cases::reference))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|(id, case_id, public_id, m, ti, t, gi, g)| {
            Some((
                id,
                references.get(&case_id)?.clone(),
                public_id,
                ReferralKeys {
                    master_key_id: m?,
                    team_key_id: ti?,
                    team_key: t?,
                    group_key_id: gi,
                    group_key: g,
                },
            ))
        })
        .collect())
}

pub fn count_keys_not_under(conn: &mut Conn, key_id: &str) -> Result<i64, DbError> {
    Ok(referrals::table
        .filter(referrals::master_key_id.is_not_null())
        .filter(referrals::master_key_id.ne(key_id))
        .count()
        .get_result(conn)?)
}
