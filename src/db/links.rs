//! Linked cases: the sealed link key, the blind indexes of the identifiers
//! each case names, the cases waiting to be indexed, and caseworkers'
//! decisions on pairs of cases. Nothing here is an identifier: digests and
//! case ids only.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Bytea, Text, Timestamptz};

use super::schema::{case_identifiers, case_links, cases, link_keys, link_pending};
use super::{Conn, DbError};
use crate::crypto::Sealed;

/// The link key as stored: sealed to a team key, under a master key.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = link_keys)]
pub struct LinkKeyRow {
    pub master_key_id: String,
    pub team_key_id: i64,
    pub sealed: Sealed,
}

pub fn link_key(conn: &mut Conn) -> Result<Option<LinkKeyRow>, DbError> {
    Ok(link_keys::table
        .find(1i16)
        .select(LinkKeyRow::as_select())
        .first(conn)
        .optional()?)
}

/// Stores the link key unless one exists (made meanwhile elsewhere);
/// whether this one was stored.
pub fn insert_link_key(conn: &mut Conn, row: &LinkKeyRow) -> Result<bool, DbError> {
    let n = diesel::insert_into(link_keys::table)
        .values((
            link_keys::id.eq(1i16),
            link_keys::master_key_id.eq(&row.master_key_id),
            link_keys::team_key_id.eq(row.team_key_id),
            link_keys::sealed.eq(&row.sealed),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?;
    Ok(n == 1)
}

/// Replaces the master key's outer layer over the link key (rotation).
pub fn set_link_key_outer(
    conn: &mut Conn,
    master_key_id: &str,
    sealed: &Sealed,
) -> Result<(), DbError> {
    diesel::update(link_keys::table.find(1i16))
        .set((
            link_keys::master_key_id.eq(master_key_id),
            link_keys::sealed.eq(sealed),
        ))
        .execute(conn)?;
    Ok(())
}

// Cases waiting to be indexed ---------------------------------------------------

pub fn insert_pending(conn: &mut Conn, case_id: i64) -> Result<(), DbError> {
    insert_pending_many(conn, &[case_id])
}

pub fn insert_pending_many(conn: &mut Conn, ids: &[i64]) -> Result<(), DbError> {
    let rows: Vec<_> = ids.iter().map(|id| link_pending::case_id.eq(*id)).collect();
    diesel::insert_into(link_pending::table)
        .values(&rows)
        .on_conflict_do_nothing()
        .execute(conn)?;
    Ok(())
}

/// Whether a case waits to be indexed, locking its row until the
/// transaction ends (waiting for an indexer that holds it): whoever
/// indexes a case takes this row first, so two never deadlock on its
/// digests.
pub fn lock_pending(conn: &mut Conn, case_id: i64) -> Result<bool, DbError> {
    Ok(link_pending::table
        .find(case_id)
        .select(link_pending::case_id)
        .for_update()
        .first::<i64>(conn)
        .optional()?
        .is_some())
}

/// Whether case `case_id` waits to be indexed (without locking).
pub fn is_pending(conn: &mut Conn, case_id: i64) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(link_pending::table.find(case_id))).get_result(conn)?)
}

pub fn count_pending(conn: &mut Conn) -> Result<i64, DbError> {
    Ok(link_pending::table.count().get_result(conn)?)
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// Whether any case waits that a person has seen (what
/// [`claim_pending`] would find, ignoring locks; the function
/// `links_waiting_seen`, migration 000095, keeps its plan): a queue load
/// starts indexing in the background only then.
pub fn any_seen_pending(conn: &mut Conn) -> Result<bool, DbError> {
    let row: Found = diesel::sql_query("SELECT links_waiting_seen() AS found").get_result(conn)?;
    Ok(row.found)
}

#[derive(QueryableByName)]
struct Found {
    #[diesel(sql_type = Bool)]
    found: bool,
}

/// Up to `limit` cases waiting that a person has seen — opened by a
/// caseworker or admin, or moved on from "new" — other than `skipped`,
/// locked until the transaction ends; rows another instance is indexing
/// are skipped, never waited for. A report no one has looked at is
/// indexed only when someone opens it. (The function `links_waiting_seen`
/// tests the same condition.)
pub fn claim_pending(conn: &mut Conn, limit: i64, skipped: &[i64]) -> Result<Vec<i64>, DbError> {
    let rows: Vec<Id> = diesel::sql_query(
        "SELECT p.case_id AS id FROM link_pending p JOIN cases c ON c.id = p.case_id \
         WHERE p.case_id <> ALL($1) \
           AND (c.status <> 'new' OR EXISTS ( \
             SELECT 1 FROM case_access a WHERE a.case_id = p.case_id AND a.kind = 'opened')) \
         ORDER BY p.case_id LIMIT $2 \
         FOR UPDATE OF p SKIP LOCKED",
    )
    .bind::<Array<BigInt>, _>(skipped)
    .bind::<BigInt, _>(limit)
    .load(conn)?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

pub fn delete_pending(conn: &mut Conn, ids: &[i64]) -> Result<(), DbError> {
    diesel::delete(link_pending::table.filter(link_pending::case_id.eq_any(ids))).execute(conn)?;
    Ok(())
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = Bool)]
    locked: bool,
}

/// Takes the indexing lock for this transaction if no one holds it: one
/// indexer at a time works through the waiting cases, the others leave.
pub fn try_lock_indexing(conn: &mut Conn) -> Result<bool, DbError> {
    let row: Locked = diesel::sql_query(
        "SELECT pg_try_advisory_xact_lock(hashtext('haven.link_index')) AS locked",
    )
    .get_result(conn)?;
    Ok(row.locked)
}

/// Takes the indexing lock for this transaction, waiting for whoever
/// holds it. Whatever writes digests or decisions, or recomputes
/// `linked`, holds it: two cases naming one identifier indexed at once
/// would each miss the other's digest and both stay unlinked.
pub fn lock_indexing(conn: &mut Conn) -> Result<(), DbError> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext('haven.link_index'))")
        .execute(conn)?;
    Ok(())
}

// Blind indexes ----------------------------------------------------------------

pub fn digests_of(conn: &mut Conn, case_id: i64) -> Result<Vec<Vec<u8>>, DbError> {
    Ok(case_identifiers::table
        .filter(case_identifiers::case_id.eq(case_id))
        .select(case_identifiers::digest)
        .order(case_identifiers::digest)
        .load(conn)?)
}

/// Replaces a case's digests with `digests`.
pub fn replace_digests(conn: &mut Conn, case_id: i64, digests: &[Vec<u8>]) -> Result<(), DbError> {
    diesel::delete(case_identifiers::table.filter(case_identifiers::case_id.eq(case_id)))
        .execute(conn)?;
    insert_digests(
        conn,
        &digests
            .iter()
            .map(|d| (case_id, d.clone()))
            .collect::<Vec<_>>(),
    )
}

/// Adds (case, digest) rows; those already there stay.
pub fn insert_digests(conn: &mut Conn, rows: &[(i64, Vec<u8>)]) -> Result<(), DbError> {
    for chunk in rows.chunks(5000) {
        let values: Vec<_> = chunk
            .iter()
            .map(|(case_id, digest)| {
                (
                    case_identifiers::case_id.eq(*case_id),
                    case_identifiers::digest.eq(digest),
                )
            })
            .collect();
        diesel::insert_into(case_identifiers::table)
            .values(&values)
            .on_conflict_do_nothing()
            .execute(conn)?;
    }
    Ok(())
}

/// The other cases naming any of `digests`: (digest, case id).
pub fn sharing(
    conn: &mut Conn,
    digests: &[Vec<u8>],
    except: i64,
) -> Result<Vec<(Vec<u8>, i64)>, DbError> {
    Ok(case_identifiers::table
        .filter(case_identifiers::digest.eq_any(digests))
        .filter(case_identifiers::case_id.ne(except))
        .select((case_identifiers::digest, case_identifiers::case_id))
        .load(conn)?)
}

/// The other cases naming any of `digests`.
pub fn sharing_ids(conn: &mut Conn, digests: &[Vec<u8>], except: i64) -> Result<Vec<i64>, DbError> {
    let mut ids: Vec<i64> = case_identifiers::table
        .filter(case_identifiers::digest.eq_any(digests))
        .filter(case_identifiers::case_id.ne(except))
        .select(case_identifiers::case_id)
        .distinct()
        .load(conn)?;
    ids.sort_unstable();
    Ok(ids)
}

/// Whether two cases name a digest in common.
pub fn share_digest(conn: &mut Conn, a: i64, b: i64) -> Result<bool, DbError> {
    let row: Locked = diesel::sql_query(
        "SELECT EXISTS (SELECT 1 FROM case_identifiers x \
           JOIN case_identifiers y ON y.digest = x.digest AND y.case_id = $2 \
           WHERE x.case_id = $1) AS locked",
    )
    .bind::<BigInt, _>(a)
    .bind::<BigInt, _>(b)
    .get_result(conn)?;
    Ok(row.locked)
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// How many cases name one of `added` but none of `kept`: the cases
/// `case_id` is newly linked to when `added` joins its digests.
pub fn count_new_partners(
    conn: &mut Conn,
    case_id: i64,
    added: &[Vec<u8>],
    kept: &[Vec<u8>],
) -> Result<i64, DbError> {
    if added.is_empty() {
        return Ok(0);
    }
    let row: Count = diesel::sql_query(
        "SELECT count(DISTINCT case_id) AS n FROM case_identifiers \
         WHERE digest = ANY($1) AND case_id <> $3 AND case_id NOT IN ( \
           SELECT case_id FROM case_identifiers WHERE digest = ANY($2))",
    )
    .bind::<Array<Bytea>, _>(added)
    .bind::<Array<Bytea>, _>(kept)
    .bind::<BigInt, _>(case_id)
    .get_result(conn)?;
    Ok(row.n)
}

/// Marks linked the cases not linked yet that name one of `added` (now
/// also named by `case_id`), unless their pair with it was dismissed: one
/// pass over the index, writing only cases whose value changes.
pub fn link_partners(conn: &mut Conn, case_id: i64, added: &[Vec<u8>]) -> Result<(), DbError> {
    if added.is_empty() {
        return Ok(());
    }
    diesel::sql_query(
        "UPDATE cases c SET linked = true \
         WHERE NOT c.linked AND c.id IN ( \
           SELECT case_id FROM case_identifiers WHERE digest = ANY($1) AND case_id <> $2) \
         AND NOT EXISTS (SELECT 1 FROM case_links l WHERE l.decision = 'dismissed' \
           AND l.case_a = LEAST(c.id, $2) AND l.case_b = GREATEST(c.id, $2))",
    )
    .bind::<Array<Bytea>, _>(added)
    .bind::<BigInt, _>(case_id)
    .execute(conn)?;
    Ok(())
}

/// Another case naming a digest, and how many do.
#[derive(QueryableByName)]
pub struct SharingRow {
    #[diesel(sql_type = Bytea)]
    pub digest: Vec<u8>,
    /// How many other cases name the digest.
    #[diesel(sql_type = BigInt)]
    pub total: i64,
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub reference: String,
    #[diesel(sql_type = Timestamptz)]
    pub received_at: DateTime<Utc>,
}

/// For each of `digests` the other cases name: how many, and the `shown`
/// most recent (by id; each read through the index, never all of them).
/// The function `links_sharing_shown` (migration 000095) keeps its plan:
/// every case page asks it.
pub fn sharing_shown(
    conn: &mut Conn,
    digests: &[Vec<u8>],
    except: i64,
    shown: i64,
) -> Result<Vec<SharingRow>, DbError> {
    Ok(diesel::sql_query(
        "SELECT digest, total, id, reference, received_at FROM links_sharing_shown($1, $2, $3)",
    )
    .bind::<Array<Bytea>, _>(digests)
    .bind::<BigInt, _>(except)
    .bind::<BigInt, _>(shown)
    .load(conn)?)
}

/// The cases sharing a digest with `case_id`.
pub fn partners(conn: &mut Conn, case_id: i64) -> Result<Vec<i64>, DbError> {
    let digests = digests_of(conn, case_id)?;
    let mut ids: Vec<i64> = sharing(conn, &digests, case_id)?
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

#[derive(QueryableByName)]
struct SharedRow {
    #[diesel(sql_type = Array<BigInt>)]
    cases: Vec<i64>,
}

/// For each digest more than one case names, the cases naming it: one
/// pass over the index, case ids only.
pub fn shared_digests(conn: &mut Conn) -> Result<Vec<Vec<i64>>, DbError> {
    let rows: Vec<SharedRow> = diesel::sql_query(
        "SELECT array_agg(case_id) AS cases FROM case_identifiers \
         GROUP BY digest HAVING count(*) > 1",
    )
    .load(conn)?;
    Ok(rows.into_iter().map(|r| r.cases).collect())
}

/// Sets `cases.linked` of each of `ids`: whether it shares a digest with
/// another case in a pair not dismissed. Only rows whose value changes are
/// written.
pub fn recompute_linked(conn: &mut Conn, ids: &[i64]) -> Result<(), DbError> {
    if ids.is_empty() {
        return Ok(());
    }
    diesel::sql_query(
        "UPDATE cases c SET linked = x.linked FROM ( \
           SELECT i.id, EXISTS ( \
             SELECT 1 FROM case_identifiers a \
             JOIN case_identifiers b ON b.digest = a.digest AND b.case_id <> a.case_id \
             WHERE a.case_id = i.id AND NOT EXISTS ( \
               SELECT 1 FROM case_links l WHERE l.decision = 'dismissed' \
                 AND l.case_a = LEAST(a.case_id, b.case_id) \
                 AND l.case_b = GREATEST(a.case_id, b.case_id))) AS linked \
           FROM unnest($1) AS i(id)) x \
         WHERE c.id = x.id AND c.linked IS DISTINCT FROM x.linked",
    )
    .bind::<Array<BigInt>, _>(ids)
    .execute(conn)?;
    Ok(())
}

pub fn is_linked(conn: &mut Conn, case_id: i64) -> Result<bool, DbError> {
    Ok(cases::table
        .find(case_id)
        .select(cases::linked)
        .first(conn)?)
}

// Decisions --------------------------------------------------------------------

/// A caseworker's decision on a pair, `case_a < case_b`.
#[derive(Clone, Debug, Queryable)]
pub struct DecisionRow {
    pub case_a: i64,
    pub case_b: i64,
    pub decision: String,
}

fn ordered(a: i64, b: i64) -> (i64, i64) {
    (a.min(b), a.max(b))
}

/// The decisions on pairs that include `case_id`.
pub fn decisions_of(conn: &mut Conn, case_id: i64) -> Result<Vec<DecisionRow>, DbError> {
    Ok(case_links::table
        .filter(
            case_links::case_a
                .eq(case_id)
                .or(case_links::case_b.eq(case_id)),
        )
        .select((case_links::case_a, case_links::case_b, case_links::decision))
        .load(conn)?)
}

/// The decisions on pairs both of whose cases are among `ids`.
pub fn decisions_among(conn: &mut Conn, ids: &[i64]) -> Result<Vec<DecisionRow>, DbError> {
    let mut out = Vec::new();
    for chunk in ids.chunks(10_000) {
        out.extend(
            case_links::table
                .filter(case_links::case_a.eq_any(chunk))
                .select((case_links::case_a, case_links::case_b, case_links::decision))
                .load::<DecisionRow>(conn)?,
        );
    }
    out.retain(|d| ids.binary_search(&d.case_b).is_ok());
    Ok(out)
}

/// Records `decision` on the pair; false when it was already so.
pub fn decide(conn: &mut Conn, a: i64, b: i64, decision: &str, by: i64) -> Result<bool, DbError> {
    let (a, b) = ordered(a, b);
    let current: Option<String> = case_links::table
        .find((a, b))
        .select(case_links::decision)
        .for_update()
        .first(conn)
        .optional()?;
    if current.as_deref() == Some(decision) {
        return Ok(false);
    }
    diesel::insert_into(case_links::table)
        .values((
            case_links::case_a.eq(a),
            case_links::case_b.eq(b),
            case_links::decision.eq(decision),
            case_links::decided_by.eq(by),
        ))
        .on_conflict((case_links::case_a, case_links::case_b))
        .do_update()
        .set((
            case_links::decision.eq(decision),
            case_links::decided_by.eq(by),
            case_links::decided_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    Ok(true)
}

// Cases as the link pages show them --------------------------------------------

/// What a group of linked cases shows of all its cases.
#[derive(QueryableByName)]
pub struct GroupSummary {
    #[diesel(sql_type = BigInt)]
    pub count: i64,
    #[diesel(sql_type = diesel::sql_types::Nullable<Timestamptz>)]
    pub first: Option<DateTime<Utc>>,
    #[diesel(sql_type = diesel::sql_types::Nullable<Timestamptz>)]
    pub last: Option<DateTime<Utc>>,
    #[diesel(sql_type = Array<Text>)]
    pub kinds: Vec<String>,
    #[diesel(sql_type = Array<Text>)]
    pub communities: Vec<String>,
}

/// How many of `ids` there are, when the first and last were received,
/// and the kinds and communities they name: summed up in the database.
pub fn group_summary(conn: &mut Conn, ids: &[i64]) -> Result<GroupSummary, DbError> {
    Ok(diesel::sql_query(
        "SELECT count(*) AS count, min(received_at) AS first, max(received_at) AS last, \
           ARRAY(SELECT DISTINCT k FROM cases x, unnest(x.kinds) AS k \
                 WHERE x.id = ANY($1) AND k IS NOT NULL ORDER BY k) AS kinds, \
           ARRAY(SELECT DISTINCT x.community FROM cases x \
                 WHERE x.id = ANY($1) AND x.community IS NOT NULL ORDER BY 1) AS communities \
         FROM cases WHERE id = ANY($1)",
    )
    .bind::<Array<BigInt>, _>(ids)
    .get_result(conn)?)
}

/// `limit` of `ids` from the `offset`-th, most recently received first.
pub fn page_of(
    conn: &mut Conn,
    ids: &[i64],
    offset: i64,
    limit: i64,
) -> Result<Vec<(i64, String, DateTime<Utc>)>, DbError> {
    Ok(cases::table
        .filter(cases::id.eq_any(ids))
        .order((cases::received_at.desc(), cases::id.desc()))
        .offset(offset)
        .limit(limit)
        .select((cases::id, cases::reference, cases::received_at))
        .load(conn)?)
}
