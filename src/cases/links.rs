//! Linked cases: reports that name the same phone number, address,
//! account or plate. A case's identifiers are found in its decrypted
//! content and stored only as blind indexes (HMAC under the link key,
//! which opens only for a signed-in caseworker or admin); cases sharing a
//! digest are linked, unless a caseworker dismissed the pair.
//!
//! A report is filed with no one's key at hand, so it waits
//! (`link_pending`) until a caseworker or admin opens it, or loads the
//! queue (which indexes waiting cases in the background).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::context::Ctx;
use crate::crypto::{Aad, DataKey};
use crate::custody::{self, PersonKey, links::LinkKey};
use crate::db::cases::CaseRow;
use crate::db::links::{self as store, DecisionRow};
use crate::db::{self, Conn, DbError, strings};
use crate::domain::{CaseReference, Identifier, ReportContent, extract_identifiers};
use crate::error::ServiceError;

/// Cases indexed per transaction in the background (a case page opening
/// one of them waits for its batch).
const BATCH: i64 = 100;
/// Other cases listed under one identifier on a case page.
const SHOWN_PER_IDENTIFIER: usize = 20;
/// Cases listed per group on the group page (all of them for one group).
const SHOWN_PER_CLUSTER: usize = 30;

/// The identifiers a report names: in its narrative, "who was involved"
/// and the structured field (never the reporter's own contact details).
pub fn identifiers_of(content: &ReportContent) -> Vec<Identifier> {
    extract_identifiers(
        &[content.narrative.expose(), content.involved.expose()],
        content.identifiers.expose(),
    )
}

/// The sorted, distinct digests of `identifiers`.
fn digests(key: &LinkKey, identifiers: &[Identifier]) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = identifiers.iter().map(|i| key.digest(i)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

// Indexing ---------------------------------------------------------------------

/// Stores the digests of case `case_id` (whose identifiers are
/// `identifiers`) unless they are stored already, ends its wait, and keeps
/// `linked` right for it and the cases it shares a digest with (now or
/// before). New links are audited (`case.linked`) when `actor` is given
/// or the index is built by the server for someone.
fn index_case(
    conn: &mut Conn,
    key: &LinkKey,
    case_id: i64,
    identifiers: &[Identifier],
    actor: Option<i64>,
) -> Result<(), DbError> {
    let digests = digests(key, identifiers);
    db::transaction(conn, |conn| {
        let pending = store::lock_pending(conn, case_id)?;
        if !pending && store::digests_of(conn, case_id)? == digests {
            return Ok(());
        }
        let before = store::partners(conn, case_id)?;
        store::replace_digests(conn, case_id, &digests)?;
        store::delete_pending(conn, &[case_id])?;
        let after = store::partners(conn, case_id)?;
        let fresh: Vec<i64> = after
            .iter()
            .copied()
            .filter(|p| before.binary_search(p).is_err())
            .collect();
        if !fresh.is_empty() {
            db::audit::record(
                conn,
                actor,
                "case.linked",
                "case",
                &case_id.to_string(),
                &ids_detail(&fresh),
            )?;
        }
        let mut touched = vec![case_id];
        touched.extend(before);
        touched.extend(after);
        touched.sort_unstable();
        touched.dedup();
        store::recompute_linked(conn, &touched)
    })
}

/// Case ids for an audit entry: the first 20, then how many more.
fn ids_detail(ids: &[i64]) -> String {
    let mut shown: Vec<String> = ids.iter().take(20).map(i64::to_string).collect();
    if ids.len() > 20 {
        shown.push(format!("+{}", ids.len() - 20));
    }
    shown.join(",")
}

/// Indexes the case a caseworker or admin is opening (its content open in
/// hand), before its links are read. Cheap when nothing changed: the
/// digests are compared with those stored.
pub async fn index_opened(
    ctx: &Ctx,
    person: &PersonKey,
    case: &CaseRow,
    content: &ReportContent,
) -> Result<(), ServiceError> {
    let identifiers = identifiers_of(content);
    let keyring = ctx.keyring.get();
    let person = person.clone();
    let case_id = case.id;
    ctx.db
        .run(move |conn| {
            let key = match custody::links::open_for_staff(conn, &keyring, &person) {
                Ok(key) => key,
                Err(e) => return Ok(Err(e)),
            };
            index_case(conn, &key, case_id, &identifiers, Some(person.user_id))?;
            Ok(Ok(()))
        })
        .await?
}

/// Indexes the cases waiting, in the background, for the signed-in
/// caseworker or admin `person` (whose grant of the team's key opens the
/// link key and the cases' keys): the request that calls it does not wait.
pub fn index_pending_in_background(ctx: &Ctx, person: &PersonKey) {
    if !person.is_open() {
        return;
    }
    let ctx = ctx.clone();
    let person = person.clone();
    tokio::spawn(async move {
        match index_pending(&ctx, &person).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                user_id = person.user_id,
                cases = n,
                "cases indexed for links"
            ),
            Err(e) => {
                tracing::warn!(user_id = person.user_id, error = %e, "indexing cases for links failed")
            }
        }
    });
}

/// Indexes waiting cases in batches until none is left (or another
/// indexer is at it); how many.
pub async fn index_pending(ctx: &Ctx, person: &PersonKey) -> Result<usize, ServiceError> {
    let mut total = 0;
    loop {
        let keyring = ctx.keyring.get();
        let person = person.clone();
        let n = ctx
            .db
            .run(move |conn| {
                let key = match custody::links::open_for_staff(conn, &keyring, &person) {
                    Ok(key) => key,
                    Err(e) => return Ok(Err(e)),
                };
                Ok(Ok(index_batch(conn, &keyring, &person, &key)?))
            })
            .await??;
        if n == 0 {
            return Ok(total);
        }
        total += n;
    }
}

/// One batch in one transaction: claims waiting cases (skipping those
/// another instance holds), opens each and indexes it. A case that does
/// not open is left to be indexed when someone opens its page.
fn index_batch(
    conn: &mut Conn,
    keyring: &crate::crypto::Keyring,
    person: &PersonKey,
    key: &LinkKey,
) -> Result<usize, DbError> {
    db::transaction(conn, |conn| {
        if !store::try_lock_indexing(conn)? {
            return Ok(0);
        }
        let ids = store::claim_pending(conn, BATCH)?;
        for &id in &ids {
            let Some(case) = db::cases::find(conn, id)? else {
                continue;
            };
            match open_content(conn, keyring, person, &case) {
                Ok(content) => index_case(
                    conn,
                    key,
                    id,
                    &identifiers_of(&content),
                    Some(person.user_id),
                )?,
                Err(e) => {
                    tracing::warn!(case_id = id, error = %e, "a case could not be opened to index its links");
                    store::delete_pending(conn, &[id])?;
                }
            }
        }
        Ok(ids.len())
    })
}

fn open_content(
    conn: &mut Conn,
    keyring: &crate::crypto::Keyring,
    person: &PersonKey,
    case: &CaseRow,
) -> Result<ReportContent, ServiceError> {
    let keys = custody::cases::open_for_staff(conn, keyring, person, case)?;
    decrypt(&keys.content, case)
}

fn decrypt(key: &DataKey, case: &CaseRow) -> Result<ReportContent, ServiceError> {
    let fail = || {
        ServiceError::internal(anyhow::anyhow!(
            "case {}: content failed authentication",
            case.id
        ))
    };
    let plain = key
        .open(&Aad::case_content(&case.reference), &case.content)
        .map_err(|_| fail())?;
    serde_json::from_slice(&plain).map_err(|_| fail())
}

/// Indexes demonstration cases as they are seeded (their content in hand)
/// while the team's key is still in escrow; false when someone already
/// holds it (the cases then wait for a caseworker, like any report). Not
/// audited: no one acted.
pub fn index_seeded(
    conn: &mut Conn,
    keyring: &crate::crypto::Keyring,
    cases: &[(i64, &ReportContent)],
) -> Result<bool, ServiceError> {
    let Some(key) = custody::links::open_from_escrow(conn, keyring)? else {
        store::insert_pending_many(conn, &cases.iter().map(|(id, _)| *id).collect::<Vec<_>>())?;
        return Ok(false);
    };
    let mut rows = Vec::new();
    for (id, content) in cases {
        for digest in digests(&key, &identifiers_of(content)) {
            rows.push((*id, digest));
        }
    }
    store::insert_digests(conn, &rows)?;
    let mut touched: HashSet<i64> = rows.iter().map(|(id, _)| *id).collect();
    let digests: Vec<Vec<u8>> = rows.iter().map(|(_, d)| d.clone()).collect();
    for chunk in digests.chunks(5000) {
        for (_, id) in store::sharing(conn, chunk, 0)? {
            touched.insert(id);
        }
    }
    let touched: Vec<i64> = touched.into_iter().collect();
    for chunk in touched.chunks(5000) {
        store::recompute_linked(conn, chunk)?;
    }
    Ok(true)
}

/// Before a case is purged: the cases it shares a digest with, whose
/// `linked` [`after_purge`] recomputes once it is gone.
pub fn before_purge(conn: &mut Conn, case_id: i64) -> Result<Vec<i64>, DbError> {
    store::partners(conn, case_id)
}

pub fn after_purge(conn: &mut Conn, partners: &[i64]) -> Result<(), DbError> {
    store::recompute_linked(conn, partners)
}

// The case page ----------------------------------------------------------------

/// What a caseworker decided about a pair of linked cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Confirmed,
    Dismissed,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Confirmed => "confirmed",
            Decision::Dismissed => "dismissed",
        }
    }

    fn parse(code: &str) -> Option<Self> {
        match code {
            "confirmed" => Some(Decision::Confirmed),
            "dismissed" => Some(Decision::Dismissed),
            _ => None,
        }
    }

    fn audit_action(self) -> &'static str {
        match self {
            Decision::Confirmed => "case.link_confirmed",
            Decision::Dismissed => "case.link_dismissed",
        }
    }
}

/// Another case that names an identifier of this one.
#[derive(Debug)]
pub struct OtherCase {
    pub reference: String,
    pub received: String,
    /// `None`: not decided yet.
    pub decision: Option<Decision>,
}

impl OtherCase {
    /// `open`, `confirmed` or `dismissed`.
    pub fn state(&self) -> &'static str {
        self.decision.map_or("open", Decision::as_str)
    }
}

/// An identifier of this case that other cases name too, as this case
/// wrote it.
#[derive(Debug)]
pub struct SharedIdentifier {
    pub kind: &'static str,
    pub written: String,
    pub others: Vec<OtherCase>,
    /// How many more cases name it than are listed.
    pub more: i64,
}

/// The "also named in" section of a case page.
#[derive(Debug, Default)]
pub struct CaseLinks {
    pub shared: Vec<SharedIdentifier>,
}

/// The identifiers of an opened case that other cases share, for a
/// caseworker or admin: shown from this case's decrypted content, never
/// from the index.
pub async fn for_case(
    ctx: &Ctx,
    person: &PersonKey,
    case_id: i64,
    content: &ReportContent,
) -> Result<CaseLinks, ServiceError> {
    let identifiers = identifiers_of(content);
    if identifiers.is_empty() {
        return Ok(CaseLinks::default());
    }
    let keyring = ctx.keyring.get();
    let person = person.clone();
    ctx.db
        .run(move |conn| {
            let key = match custody::links::open_for_staff(conn, &keyring, &person) {
                Ok(key) => key,
                Err(e) => return Ok(Err(e)),
            };
            Ok(Ok(read_links(conn, &key, case_id, identifiers)?))
        })
        .await?
}

fn read_links(
    conn: &mut Conn,
    key: &LinkKey,
    case_id: i64,
    identifiers: Vec<Identifier>,
) -> Result<CaseLinks, DbError> {
    let keyed: Vec<(Vec<u8>, Identifier)> = identifiers
        .into_iter()
        .map(|i| (key.digest(&i), i))
        .collect();
    let digests: Vec<Vec<u8>> = keyed.iter().map(|(d, _)| d.clone()).collect();
    let mut by_digest: HashMap<Vec<u8>, Vec<i64>> = HashMap::new();
    for (digest, id) in store::sharing(conn, &digests, case_id)? {
        by_digest.entry(digest).or_default().push(id);
    }
    let mut others: Vec<i64> = by_digest.values().flatten().copied().collect();
    others.sort_unstable();
    others.dedup();
    let cases: HashMap<i64, store::LinkedCaseRow> = store::linked_cases(conn, &others)?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let decisions = store::decisions_of(conn, case_id)?;
    let decision_with = |other: i64| {
        decisions
            .iter()
            .find(|d| d.case_a == other || d.case_b == other)
            .and_then(|d| Decision::parse(&d.decision))
    };
    let mut shared = Vec::new();
    for (digest, identifier) in keyed {
        let Some(ids) = by_digest.get(&digest) else {
            continue;
        };
        let mut listed: Vec<&store::LinkedCaseRow> =
            ids.iter().filter_map(|id| cases.get(id)).collect();
        listed.sort_by(|a, b| b.received_at.cmp(&a.received_at).then(b.id.cmp(&a.id)));
        let more = listed.len().saturating_sub(SHOWN_PER_IDENTIFIER) as i64;
        shared.push(SharedIdentifier {
            kind: identifier.kind.as_str(),
            written: identifier.written().to_string(),
            others: listed
                .into_iter()
                .take(SHOWN_PER_IDENTIFIER)
                .map(|c| OtherCase {
                    reference: c.reference.clone(),
                    received: day(&c.received_at),
                    decision: decision_with(c.id),
                })
                .collect(),
            more,
        });
    }
    Ok(CaseLinks { shared })
}

fn day(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}

/// Why a decision on a pair was not recorded.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The two cases share no identifier (any more).
    NotLinked,
}

/// Records a caseworker's decision on the pair (`reference`, `other`),
/// audited; deciding again the same way changes nothing. `Ok(Err(_))`
/// when the cases are not linked.
pub async fn decide(
    ctx: &Ctx,
    actor: i64,
    reference: &CaseReference,
    other: &CaseReference,
    decision: Decision,
) -> Result<Result<(), Refusal>, ServiceError> {
    let (reference, other) = (reference.as_str().to_string(), other.as_str().to_string());
    Ok(ctx
        .db
        .run(move |conn| {
            let (Some(case), Some(partner)) = (
                db::cases::find_by_reference(conn, &reference)?,
                db::cases::find_by_reference(conn, &other)?,
            ) else {
                return Err(DbError::NotFound);
            };
            db::transaction(conn, |conn| {
                if store::partners(conn, case.id)?
                    .binary_search(&partner.id)
                    .is_err()
                {
                    return Ok(Err(Refusal::NotLinked));
                }
                if store::decide(conn, case.id, partner.id, decision.as_str(), actor)? {
                    db::audit::record(
                        conn,
                        Some(actor),
                        decision.audit_action(),
                        "case",
                        &case.id.to_string(),
                        &partner.id.to_string(),
                    )?;
                    store::recompute_linked(conn, &[case.id, partner.id])?;
                }
                Ok(Ok(()))
            })
        })
        .await?)
}

// Groups of linked cases ---------------------------------------------------------

/// A case in a group.
#[derive(Debug)]
pub struct ClusterCase {
    pub reference: String,
    pub received: String,
}

/// A group of linked cases: connected through shared identifiers, minus
/// dismissed pairs.
#[derive(Debug)]
pub struct Cluster {
    pub cases: Vec<ClusterCase>,
    pub count: i64,
    /// Cases of the group not listed.
    pub hidden: i64,
    /// Kinds of incident and communities named in the group's cases.
    pub kinds: Vec<String>,
    pub communities: Vec<String>,
    pub first: String,
    pub last: String,
    /// Pairs in the group a caseworker confirmed.
    pub confirmed: i64,
}

/// One page of groups, biggest and then most recent first.
#[derive(Debug, Default)]
pub struct Clusters {
    pub clusters: Vec<Cluster>,
    pub total: i64,
    pub has_more: bool,
}

/// The groups of linked cases: the first `limit`, or only the one holding
/// `around` (all its cases listed).
pub async fn clusters(
    ctx: &Ctx,
    limit: usize,
    around: Option<&CaseReference>,
) -> Result<Clusters, ServiceError> {
    let around = around.map(|r| r.as_str().to_string());
    Ok(ctx
        .db
        .run(move |conn| read_clusters(conn, limit, around.as_deref()))
        .await?)
}

/// Union–find over case indexes.
struct Groups(Vec<usize>);

impl Groups {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Connected groups of `ids` (sorted), from the cases naming each shared
/// digest (`members`), an edge between every two of them unless dismissed.
fn components(
    ids: &[i64],
    members: &[Vec<usize>],
    dismissed: &HashSet<(i64, i64)>,
) -> Vec<Vec<usize>> {
    let touched: HashSet<i64> = dismissed.iter().flat_map(|&(a, b)| [a, b]).collect();
    let mut groups = Groups((0..ids.len()).collect());
    for group in members {
        // A case in no dismissed pair is joined to every other: the whole
        // group is connected through it.
        if let Some(&hub) = group.iter().find(|&&i| !touched.contains(&ids[i])) {
            for &i in group {
                groups.union(hub, i);
            }
            continue;
        }
        for (n, &i) in group.iter().enumerate() {
            for &j in &group[n + 1..] {
                let pair = (ids[i].min(ids[j]), ids[i].max(ids[j]));
                if !dismissed.contains(&pair) {
                    groups.union(i, j);
                }
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..ids.len() {
        let root = groups.find(i);
        by_root.entry(root).or_default().push(i);
    }
    by_root.into_values().filter(|c| c.len() > 1).collect()
}

fn read_clusters(conn: &mut Conn, limit: usize, around: Option<&str>) -> Result<Clusters, DbError> {
    let rows = store::shared_digests(conn)?;
    let mut ids: Vec<i64> = rows.iter().map(|(_, id)| *id).collect();
    ids.sort_unstable();
    ids.dedup();
    let index = |id: i64| ids.binary_search(&id).expect("every id is listed");
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut last: Option<&[u8]> = None;
    for (digest, id) in &rows {
        if last != Some(digest.as_slice()) {
            members.push(Vec::new());
            last = Some(digest);
        }
        if let Some(group) = members.last_mut() {
            group.push(index(*id));
        }
    }
    let decisions: Vec<DecisionRow> = store::decisions_among(conn, &ids)?;
    let dismissed: HashSet<(i64, i64)> = decisions
        .iter()
        .filter(|d| d.decision == Decision::Dismissed.as_str())
        .map(|d| (d.case_a, d.case_b))
        .collect();
    let mut found = components(&ids, &members, &dismissed);
    if let Some(reference) = around {
        let Some(case) = db::cases::find_by_reference(conn, reference)? else {
            return Err(DbError::NotFound);
        };
        let Ok(i) = ids.binary_search(&case.id) else {
            return Ok(Clusters::default());
        };
        found.retain(|c| c.contains(&i));
    }
    let received: HashMap<i64, DateTime<Utc>> = store::received(conn, &ids)?.into_iter().collect();
    let latest = |c: &Vec<usize>| {
        c.iter()
            .filter_map(|&i| received.get(&ids[i]))
            .max()
            .copied()
    };
    found.sort_by(|a, b| b.len().cmp(&a.len()).then(latest(b).cmp(&latest(a))));
    let total = found.len();
    let has_more = total > limit;
    let shown_per = if around.is_some() {
        usize::MAX
    } else {
        SHOWN_PER_CLUSTER
    };
    let mut clusters = Vec::new();
    for group in found.into_iter().take(limit) {
        let members: Vec<i64> = group.iter().map(|&i| ids[i]).collect();
        clusters.push(cluster(conn, &members, &decisions, shown_per)?);
    }
    Ok(Clusters {
        clusters,
        total: total as i64,
        has_more,
    })
}

fn cluster(
    conn: &mut Conn,
    members: &[i64],
    decisions: &[DecisionRow],
    shown: usize,
) -> Result<Cluster, DbError> {
    let mut cases = store::linked_cases(conn, members)?;
    cases.sort_by(|a, b| b.received_at.cmp(&a.received_at).then(b.id.cmp(&a.id)));
    let mut kinds: Vec<String> = Vec::new();
    let mut communities: Vec<String> = Vec::new();
    for c in &cases {
        for k in strings(c.kinds.clone()) {
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
        if let Some(x) = &c.community
            && !communities.contains(x)
        {
            communities.push(x.clone());
        }
    }
    kinds.sort();
    communities.sort();
    let mut sorted = members.to_vec();
    sorted.sort_unstable();
    let confirmed = decisions
        .iter()
        .filter(|d| d.decision == Decision::Confirmed.as_str())
        .filter(|d| {
            sorted.binary_search(&d.case_a).is_ok() && sorted.binary_search(&d.case_b).is_ok()
        })
        .count() as i64;
    Ok(Cluster {
        count: cases.len() as i64,
        hidden: cases.len().saturating_sub(shown) as i64,
        first: cases
            .last()
            .map(|c| day(&c.received_at))
            .unwrap_or_default(),
        last: cases
            .first()
            .map(|c| day(&c.received_at))
            .unwrap_or_default(),
        cases: cases
            .iter()
            .take(shown)
            .map(|c| ClusterCase {
                reference: c.reference.clone(),
                received: day(&c.received_at),
            })
            .collect(),
        kinds,
        communities,
        confirmed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
        for g in &mut groups {
            g.sort_unstable();
        }
        groups.sort();
        groups
    }

    #[test]
    fn cases_sharing_digests_form_groups() {
        let ids = [10, 20, 30, 40, 50];
        // 10–20 share one digest, 20–30 another; 40–50 a third.
        let members = vec![vec![0, 1], vec![1, 2], vec![3, 4]];
        assert_eq!(
            sorted(components(&ids, &members, &HashSet::new())),
            vec![vec![0, 1, 2], vec![3, 4]]
        );
    }

    #[test]
    fn a_dismissed_pair_splits_a_group_only_where_nothing_else_joins_it() {
        let ids = [10, 20, 30];
        let members = vec![vec![0, 1], vec![1, 2]];
        let dismissed: HashSet<(i64, i64)> = [(10, 20)].into();
        assert_eq!(
            sorted(components(&ids, &members, &dismissed)),
            vec![vec![1, 2]]
        );
        // Three cases naming one digest: dismissing one pair leaves them
        // joined through the third.
        let members = vec![vec![0, 1, 2]];
        assert_eq!(
            sorted(components(&ids, &members, &dismissed)),
            vec![vec![0, 1, 2]]
        );
        // Every pair dismissed: no group.
        let all: HashSet<(i64, i64)> = [(10, 20), (10, 30), (20, 30)].into();
        assert!(components(&ids, &members, &all).is_empty());
    }
}
