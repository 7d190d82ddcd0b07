//! Packets shared beyond Haven: the record of each, and the encrypted file
//! until its one download or its expiry.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::{organisations, packets, users};
use super::{Conn, DbError};

/// A new packet: `ciphertext` and `sha256` are `None` for a notice.
pub struct NewPacket<'a> {
    pub public_id: &'a str,
    pub case_id: i64,
    pub organisation_id: i64,
    pub referral_id: Option<i64>,
    pub built_by: i64,
    pub files: i32,
    pub sha256: Option<&'a str>,
    pub ciphertext: Option<&'a [u8]>,
    pub expires_at: Option<DateTime<Utc>>,
}

pub fn insert(conn: &mut Conn, p: &NewPacket<'_>) -> Result<i64, DbError> {
    let status = if p.ciphertext.is_some() {
        "ready"
    } else {
        "notice"
    };
    Ok(diesel::insert_into(packets::table)
        .values((
            packets::public_id.eq(p.public_id),
            packets::case_id.eq(p.case_id),
            packets::organisation_id.eq(p.organisation_id),
            packets::referral_id.eq(p.referral_id),
            packets::built_by.eq(p.built_by),
            packets::status.eq(status),
            packets::files.eq(p.files),
            packets::sha256.eq(p.sha256),
            packets::ciphertext.eq(p.ciphertext),
            packets::expires_at.eq(p.expires_at),
        ))
        .returning(packets::id)
        .get_result(conn)?)
}

/// A packet as its pages show it (never its ciphertext).
#[derive(Clone, Debug, Queryable)]
pub struct PacketRow {
    pub id: i64,
    pub public_id: String,
    pub case_id: i64,
    pub organisation_id: i64,
    pub referral_id: Option<i64>,
    pub built_by: Option<i64>,
    pub status: String,
    pub files: i32,
    pub sha256: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub downloaded_at: Option<DateTime<Utc>>,
    /// The recipient's name and kind.
    pub recipient: String,
    pub recipient_kind: String,
    /// Who built it: email and display name.
    pub builder_email: Option<String>,
    pub builder_name: Option<String>,
}

/// The columns of a [`PacketRow`], over packets joined to organisations
/// and (left) users.
macro_rules! row {
    () => {
        (
            packets::id,
            packets::public_id,
            packets::case_id,
            packets::organisation_id,
            packets::referral_id,
            packets::built_by,
            packets::status,
            packets::files,
            packets::sha256,
            packets::expires_at,
            packets::created_at,
            packets::downloaded_at,
            organisations::name,
            organisations::kind,
            users::email.nullable(),
            users::display_name.nullable(),
        )
    };
}

/// A case's packets, newest first.
pub fn for_case(conn: &mut Conn, case_id: i64) -> Result<Vec<PacketRow>, DbError> {
    Ok(packets::table
        .inner_join(organisations::table)
        .left_join(users::table)
        .filter(packets::case_id.eq(case_id))
        .order(packets::id.desc())
        .select(row!())
        .load(conn)?)
}

/// The packets made available to a group through one referral, newest
/// first.
pub fn for_referral(conn: &mut Conn, referral_id: i64) -> Result<Vec<PacketRow>, DbError> {
    Ok(packets::table
        .inner_join(organisations::table)
        .left_join(users::table)
        .filter(packets::referral_id.eq(referral_id))
        .order(packets::id.desc())
        .select(row!())
        .load(conn)?)
}

pub fn find(conn: &mut Conn, public_id: &str) -> Result<Option<PacketRow>, DbError> {
    Ok(packets::table
        .inner_join(organisations::table)
        .left_join(users::table)
        .filter(packets::public_id.eq(public_id))
        .select(row!())
        .first(conn)
        .optional()?)
}

/// Takes the encrypted file of a ready, unexpired packet, once: the row
/// becomes `downloaded` and forgets the file in the same statement, so two
/// requests racing each other cannot both have it.
pub fn take(conn: &mut Conn, id: i64, now: DateTime<Utc>) -> Result<Option<Vec<u8>>, DbError> {
    let taken: Option<Option<Vec<u8>>> = diesel::sql_query(
        "UPDATE packets p SET status = 'downloaded', downloaded_at = $2, ciphertext = NULL \
         FROM (SELECT id, ciphertext FROM packets WHERE id = $1 AND status = 'ready' \
               AND expires_at > $2 FOR UPDATE) old \
         WHERE p.id = old.id RETURNING old.ciphertext",
    )
    .bind::<diesel::sql_types::BigInt, _>(id)
    .bind::<diesel::sql_types::Timestamptz, _>(now)
    .get_result::<Taken>(conn)
    .optional()?
    .map(|t| t.ciphertext);
    Ok(taken.flatten())
}

#[derive(QueryableByName)]
struct Taken {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Bytea>)]
    ciphertext: Option<Vec<u8>>,
}

/// Which waiting packets to forget.
type Waiting<'a> = Box<
    dyn BoxableExpression<packets::table, diesel::pg::Pg, SqlType = diesel::sql_types::Bool> + 'a,
>;

/// Forgets the files of the ready packets `which` picks: they become
/// `expired` and their ciphertext goes; returns how many.
fn forget(conn: &mut Conn, which: Waiting<'_>) -> Result<usize, DbError> {
    Ok(diesel::update(
        packets::table
            .filter(packets::status.eq("ready"))
            .filter(which),
    )
    .set((
        packets::status.eq("expired"),
        packets::ciphertext.eq(None::<Vec<u8>>),
    ))
    .execute(conn)?)
}

/// Forgets the files of packets not downloaded by `now`; returns how many.
pub fn expire(conn: &mut Conn, now: DateTime<Utc>) -> Result<usize, DbError> {
    forget(
        conn,
        Box::new(packets::expires_at.le(now).assume_not_null()),
    )
}

/// Forgets the files still waiting in a case's packets for recipients of
/// `kinds`, when the reporter withdraws the consent they need; returns
/// how many.
pub fn withdraw(conn: &mut Conn, case_id: i64, kinds: &[&str]) -> Result<usize, DbError> {
    let of_kinds = organisations::table
        .filter(organisations::kind.eq_any(kinds))
        .select(organisations::id);
    forget(
        conn,
        Box::new(
            packets::case_id
                .eq(case_id)
                .and(packets::organisation_id.eq_any(of_kinds)),
        ),
    )
}

/// Forgets the files waiting for one recipient (its key, kind or standing
/// changed); returns how many.
pub fn expire_for_organisation(conn: &mut Conn, organisation_id: i64) -> Result<usize, DbError> {
    forget(conn, Box::new(packets::organisation_id.eq(organisation_id)))
}

/// Forgets the files waiting in a referral's packets (it was declined or
/// withdrawn); returns how many.
pub fn expire_for_referral(conn: &mut Conn, referral_id: i64) -> Result<usize, DbError> {
    forget(
        conn,
        Box::new(packets::referral_id.eq(referral_id).assume_not_null()),
    )
}

/// Forgets the files waiting in a case's packets (the reporter asked for
/// its deletion); returns how many.
pub fn expire_for_case(conn: &mut Conn, case_id: i64) -> Result<usize, DbError> {
    forget(conn, Box::new(packets::case_id.eq(case_id)))
}

/// Forgets the files of the case's earlier packets still waiting for the
/// same recipient: one ready packet per case and recipient.
pub fn replace_earlier(
    conn: &mut Conn,
    case_id: i64,
    organisation_id: i64,
) -> Result<usize, DbError> {
    forget(
        conn,
        Box::new(
            packets::case_id
                .eq(case_id)
                .and(packets::organisation_id.eq(organisation_id)),
        ),
    )
}
