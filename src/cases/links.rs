//! Linked cases: reports that name the same phone number, address,
//! account or plate. A case's identifiers are found in its decrypted
//! content and stored only as blind indexes (HMAC under the link key,
//! which opens only for a signed-in caseworker or admin); cases sharing a
//! digest are linked, unless a caseworker dismissed the pair.
//!
//! A report is filed with no one's key at hand, so it waits
//! (`link_pending`) until a caseworker or admin opens it, or loads the
//! queue (which indexes in the background the waiting cases a person has
//! seen: opened, or moved on from "new"). A report planted to learn which
//! cases name chosen identifiers is thus indexed only once someone has
//! looked at it, and links through its first [`LINKED_PER_CASE`] only.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::context::Ctx;
use crate::crypto::{Aad, DataKey};
use crate::custody::{self, PersonKey, links::LinkKey};
use crate::db::cases::CaseRow;
use crate::db::links::{self as store, DecisionRow};
use crate::db::{self, Conn, DbError};
use crate::domain::{CaseReference, Identifier, ReportContent, extract_identifiers};
use crate::error::ServiceError;

/// Cases indexed per transaction in the background (a case page opening
/// one of them waits for its batch).
const BATCH: i64 = 100;
/// Other cases listed under one identifier on a case page.
const SHOWN_PER_IDENTIFIER: usize = 20;
/// Cases listed per group on the group page, and per page of one group.
const SHOWN_PER_CLUSTER: usize = 30;
pub const SHOWN_AROUND: usize = 100;
/// The most identifiers one case links through: the first ones it names.
/// A report planted with many numbers or accounts, to learn which real
/// cases name them, tests at most this many; the case page says when a
/// report names more.
pub const LINKED_PER_CASE: usize = 20;

/// The identifiers a report names that it is linked through (the first
/// [`LINKED_PER_CASE`]), and how many it names.
pub struct Named {
    pub linked: Vec<Identifier>,
    pub total: usize,
}

/// The identifiers a report names: in its narrative, "who was involved"
/// and the structured field (the contact details the reporter gave for
/// themselves are not read; numbers they write in the narrative are).
pub fn identifiers_of(content: &ReportContent) -> Named {
    let mut linked = extract_identifiers(
        &[content.narrative.expose(), content.involved.expose()],
        content.identifiers.expose(),
    );
    let total = linked.len();
    linked.truncate(LINKED_PER_CASE);
    Named { linked, total }
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
/// before). New links are audited (`case.linked`, with how many cases it
/// is newly linked to, never which).
fn index_case(
    conn: &mut Conn,
    key: &LinkKey,
    case_id: i64,
    identifiers: &[Identifier],
    actor: Option<i64>,
) -> Result<(), DbError> {
    let digests = digests(key, identifiers);
    // Most opens find the case indexed as it is: seen without the lock,
    // which every writer of links takes (a case page would otherwise wait
    // for every other page open at once).
    if !store::is_pending(conn, case_id)? && store::digests_of(conn, case_id)? == digests {
        return Ok(());
    }
    db::transaction(conn, |conn| {
        store::lock_indexing(conn)?;
        let pending = store::lock_pending(conn, case_id)?;
        let stored = store::digests_of(conn, case_id)?;
        if !pending && stored == digests {
            return Ok(());
        }
        let (kept, added): (Vec<Vec<u8>>, Vec<Vec<u8>>) = digests
            .iter()
            .cloned()
            .partition(|d| stored.binary_search(d).is_ok());
        let removed: Vec<Vec<u8>> = stored
            .into_iter()
            .filter(|d| digests.binary_search(d).is_err())
            .collect();
        // Cases that shared a digest no longer named may no longer be
        // linked (rare: only when what is extracted changes).
        let losing = store::sharing_ids(conn, &removed, case_id)?;
        let fresh = store::count_new_partners(conn, case_id, &added, &kept)?;
        store::replace_digests(conn, case_id, &digests)?;
        store::delete_pending(conn, &[case_id])?;
        if fresh > 0 {
            db::audit::record(
                conn,
                actor,
                "case.linked",
                "case",
                &case_id.to_string(),
                &fresh.to_string(),
            )?;
        }
        store::link_partners(conn, case_id, &added)?;
        let mut touched = losing;
        touched.push(case_id);
        store::recompute_linked(conn, &touched)
    })
}

/// Indexes the cases waiting that a person has seen, in the background,
/// for the signed-in
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
    // Cases this person could not open: left waiting for someone who can.
    let mut skipped: Vec<i64> = Vec::new();
    loop {
        let keyring = ctx.keyring.get();
        let person = person.clone();
        let mut tried = std::mem::take(&mut skipped);
        let (n, tried) = ctx
            .db
            .run(move |conn| {
                let key = match custody::links::open_for_staff(conn, &keyring, &person) {
                    Ok(key) => key,
                    Err(e) => return Ok(Err(e)),
                };
                let n = index_batch(conn, &keyring, &person, &key, &mut tried)?;
                Ok(Ok((n, tried)))
            })
            .await??;
        skipped = tried;
        if n == 0 {
            return Ok(total);
        }
        total += n;
    }
}

/// One batch in one transaction: claims waiting cases that a person has
/// seen (skipping those another instance holds and those in `skipped`),
/// opens each and indexes it. A case that does not open for this person
/// stays waiting, for someone who can open it, and joins `skipped`.
fn index_batch(
    conn: &mut Conn,
    keyring: &crate::crypto::Keyring,
    person: &PersonKey,
    key: &LinkKey,
    skipped: &mut Vec<i64>,
) -> Result<usize, DbError> {
    db::transaction(conn, |conn| {
        if !store::try_lock_indexing(conn)? {
            return Ok(0);
        }
        let ids = store::claim_pending(conn, BATCH, skipped)?;
        for &id in &ids {
            let Some(case) = db::cases::find(conn, id)? else {
                continue;
            };
            match open_content(conn, keyring, person, &case) {
                Ok(content) => index_case(
                    conn,
                    key,
                    id,
                    &identifiers_of(&content).linked,
                    Some(person.user_id),
                )?,
                Err(e) => {
                    tracing::warn!(case_id = id, error = %e, "a case could not be opened to index its links");
                    skipped.push(id);
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
    // The lock every other writer of digests and `linked` holds: seeding
    // beside a serving instance (whose queue pages index in the
    // background) waits its turn instead of deadlocking with it.
    store::lock_indexing(conn)?;
    let mut rows = Vec::new();
    for (id, content) in cases {
        for digest in digests(&key, &identifiers_of(content).linked) {
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
    // Chunks in id order: the same order on every run.
    let mut touched: Vec<i64> = touched.into_iter().collect();
    touched.sort_unstable();
    for chunk in touched.chunks(5000) {
        store::recompute_linked(conn, chunk)?;
    }
    Ok(true)
}

/// Before a case is purged: the cases it shares a digest with, whose
/// `linked` [`after_purge`] recomputes once it is gone.
pub fn before_purge(conn: &mut Conn, case_id: i64) -> Result<Vec<i64>, DbError> {
    store::lock_indexing(conn)?;
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
    /// How many identifiers the report names (it is linked through the
    /// first [`LINKED_PER_CASE`] only).
    pub named: usize,
    /// The link key did not open for this person: links are not shown
    /// (the rest of the page is).
    pub unavailable: bool,
}

impl CaseLinks {
    /// Whether the report names more identifiers than it is linked
    /// through.
    pub fn capped(&self) -> bool {
        self.named > LINKED_PER_CASE
    }
}

/// Indexes the case a caseworker or admin is opening (cheap when nothing
/// changed: the digests are compared with those stored), then reads the
/// identifiers of it that other cases share: shown from this case's
/// decrypted content, never from the index. The identifiers are found
/// once, away from the request's worker. A link key that does not open
/// for this person leaves the section saying so, not the page failing.
pub async fn for_case(
    ctx: &Ctx,
    person: &PersonKey,
    case_id: i64,
    content: &ReportContent,
) -> Result<CaseLinks, ServiceError> {
    let keyring = ctx.keyring.get();
    let person = person.clone();
    let content = content.clone();
    ctx.db
        .run(move |conn| {
            let named = identifiers_of(&content);
            drop(content);
            let key = match custody::links::open_for_staff(conn, &keyring, &person) {
                Ok(key) => key,
                Err(e @ (ServiceError::KeysUnavailable | ServiceError::Internal(_))) => {
                    tracing::warn!(
                        user_id = person.user_id,
                        case_id,
                        error = %e,
                        "the link key could not be opened"
                    );
                    return Ok(Ok(CaseLinks {
                        named: named.total,
                        unavailable: true,
                        ..CaseLinks::default()
                    }));
                }
                Err(e) => return Ok(Err(e)),
            };
            index_case(conn, &key, case_id, &named.linked, Some(person.user_id))?;
            Ok(Ok(read_links(conn, &key, case_id, named)?))
        })
        .await?
}

fn read_links(
    conn: &mut Conn,
    key: &LinkKey,
    case_id: i64,
    named: Named,
) -> Result<CaseLinks, DbError> {
    let total = named.total;
    if named.linked.is_empty() {
        return Ok(CaseLinks {
            named: total,
            ..CaseLinks::default()
        });
    }
    let keyed: Vec<(Vec<u8>, Identifier)> = named
        .linked
        .into_iter()
        .map(|i| (key.digest(&i), i))
        .collect();
    let digests: Vec<Vec<u8>> = keyed.iter().map(|(d, _)| d.clone()).collect();
    let mut by_digest: HashMap<Vec<u8>, (i64, Vec<store::SharingRow>)> = HashMap::new();
    for row in store::sharing_shown(conn, &digests, case_id, SHOWN_PER_IDENTIFIER as i64)? {
        let entry = by_digest
            .entry(row.digest.clone())
            .or_insert((row.total, Vec::new()));
        entry.1.push(row);
    }
    let decisions = store::decisions_of(conn, case_id)?;
    let decision_with = |other: i64| {
        decisions
            .iter()
            .find(|d| d.case_a == other || d.case_b == other)
            .and_then(|d| Decision::parse(&d.decision))
    };
    let mut shared = Vec::new();
    for (digest, identifier) in keyed {
        let Some((count, mut listed)) = by_digest.remove(&digest) else {
            continue;
        };
        listed.sort_by(|a, b| b.received_at.cmp(&a.received_at).then(b.id.cmp(&a.id)));
        shared.push(SharedIdentifier {
            kind: identifier.kind.as_str(),
            written: identifier.written().to_string(),
            more: count - listed.len() as i64,
            others: listed
                .into_iter()
                .map(|c| OtherCase {
                    decision: decision_with(c.id),
                    received: day(&c.received_at),
                    reference: c.reference,
                })
                .collect(),
        });
    }
    Ok(CaseLinks {
        shared,
        named: total,
        unavailable: false,
    })
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
    person: &PersonKey,
    reference: &CaseReference,
    other: &CaseReference,
    decision: Decision,
) -> Result<Result<(), Refusal>, ServiceError> {
    let (reference, other) = (reference.as_str().to_string(), other.as_str().to_string());
    let keyring = ctx.keyring.get();
    let person = person.clone();
    let actor = person.user_id;
    ctx.db
        .run(move |conn| {
            let (Some(case), Some(partner)) = (
                db::cases::find_by_reference(conn, &reference)?,
                db::cases::find_by_reference(conn, &other)?,
            ) else {
                return Err(DbError::NotFound);
            };
            // Only someone who can open both cases learns whether they are
            // linked (a caseworker still waiting for a grant cannot).
            for c in [&case, &partner] {
                if let Err(e) = custody::cases::open_for_staff(conn, &keyring, &person, c) {
                    return Ok(Err(e));
                }
            }
            db::transaction(conn, |conn| {
                store::lock_indexing(conn)?;
                if !store::share_digest(conn, case.id, partner.id)? {
                    return Ok(Ok(Err(Refusal::NotLinked)));
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
                Ok(Ok(Ok(())))
            })
        })
        .await?
}

// Groups of linked cases ---------------------------------------------------------

/// A case in a group.
#[derive(Debug)]
pub struct ClusterCase {
    pub id: i64,
    pub reference: String,
    pub received: String,
}

/// A group of linked cases: connected through shared identifiers, minus
/// dismissed pairs.
#[derive(Debug)]
pub struct Cluster {
    pub cases: Vec<ClusterCase>,
    pub count: i64,
    /// Cases of the group listed after these.
    pub hidden: i64,
    /// Cases of the group listed before these (on earlier pages).
    pub offset: usize,
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

/// Which groups a page of the groups view shows.
#[derive(Clone, Debug)]
pub enum GroupsShown {
    /// The first `n` groups, [`SHOWN_PER_CLUSTER`] cases listed in each.
    First(usize),
    /// Only the group holding this case, its cases a page of
    /// [`SHOWN_AROUND`] at a time.
    Around(CaseReference, usize),
}

/// The groups of linked cases, for the caseworker or admin `actor`: the
/// view is audited (`links.view`, with the ids of the cases listed).
pub async fn clusters(ctx: &Ctx, actor: i64, shown: GroupsShown) -> Result<Clusters, ServiceError> {
    Ok(ctx
        .db
        .run(move |conn| {
            let found = read_clusters(conn, &shown)?;
            let listed: Vec<String> = found
                .clusters
                .iter()
                .flat_map(|c| c.cases.iter().map(|c| c.id.to_string()))
                .collect();
            db::audit::record(
                conn,
                Some(actor),
                "links.view",
                "links",
                "",
                &listed.join(","),
            )?;
            Ok(found)
        })
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
/// Within one digest's cases the edges not dismissed are walked without
/// listing them: each case reached is taken out of those left, and each
/// one passed over is a dismissed pair, so a digest of k cases with d
/// dismissed pairs among them costs k + d, not k².
fn components(
    ids: &[i64],
    members: &[Vec<usize>],
    dismissed: &HashSet<(i64, i64)>,
) -> Vec<Vec<usize>> {
    components_counted(ids, members, dismissed, &mut 0)
}

/// [`components`], counting in `steps` the pairs looked up.
fn components_counted(
    ids: &[i64],
    members: &[Vec<usize>],
    dismissed: &HashSet<(i64, i64)>,
    steps: &mut usize,
) -> Vec<Vec<usize>> {
    let mut dismissals: HashMap<i64, usize> = HashMap::new();
    for &(a, b) in dismissed {
        *dismissals.entry(a).or_default() += 1;
        *dismissals.entry(b).or_default() += 1;
    }
    let is_dismissed = |i: usize, j: usize| {
        let (a, b) = (ids[i].min(ids[j]), ids[i].max(ids[j]));
        dismissed.contains(&(a, b))
    };
    let mut groups = Groups((0..ids.len()).collect());
    for group in members {
        // A case in no dismissed pair is joined to every other: the whole
        // group is connected through it.
        if let Some(&hub) = group.iter().find(|&&i| !dismissals.contains_key(&ids[i])) {
            for &i in group {
                groups.union(hub, i);
            }
            continue;
        }
        let mut left: Vec<usize> = group.clone();
        while let Some(start) = left.pop() {
            let mut reached = vec![start];
            while let Some(i) = reached.pop() {
                *steps += left.len();
                let (joined, apart): (Vec<usize>, Vec<usize>) =
                    left.iter().partition(|&&j| !is_dismissed(i, j));
                for &j in &joined {
                    groups.union(start, j);
                }
                reached.extend(joined);
                left = apart;
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

fn read_clusters(conn: &mut Conn, shown: &GroupsShown) -> Result<Clusters, DbError> {
    let shared = store::shared_digests(conn)?;
    let mut ids: Vec<i64> = shared.iter().flatten().copied().collect();
    ids.sort_unstable();
    ids.dedup();
    let index = |id: i64| ids.binary_search(&id).expect("every id is listed");
    let members: Vec<Vec<usize>> = shared
        .iter()
        .map(|cases| cases.iter().map(|&id| index(id)).collect())
        .collect();
    drop(shared);
    let decisions: Vec<DecisionRow> = store::decisions_among(conn, &ids)?;
    let dismissed: HashSet<(i64, i64)> = decisions
        .iter()
        .filter(|d| d.decision == Decision::Dismissed.as_str())
        .map(|d| (d.case_a, d.case_b))
        .collect();
    let mut found = components(&ids, &members, &dismissed);
    let (limit, offset, per) = match shown {
        GroupsShown::First(n) => (*n, 0, SHOWN_PER_CLUSTER),
        GroupsShown::Around(reference, page) => {
            let Some(case) = db::cases::find_by_reference(conn, reference.as_str())? else {
                return Err(DbError::NotFound);
            };
            let Ok(i) = ids.binary_search(&case.id) else {
                return Ok(Clusters::default());
            };
            found.retain(|c| c.contains(&i));
            (1, page.saturating_mul(SHOWN_AROUND), SHOWN_AROUND)
        }
    };
    // Biggest first, then the one with the most recent case (case ids
    // grow as reports arrive).
    let latest = |c: &Vec<usize>| c.iter().map(|&i| ids[i]).max();
    found.sort_by(|a, b| b.len().cmp(&a.len()).then(latest(b).cmp(&latest(a))));
    let total = found.len();
    let has_more = total > limit;
    let mut clusters = Vec::new();
    for group in found.into_iter().take(limit) {
        let members: Vec<i64> = group.iter().map(|&i| ids[i]).collect();
        clusters.push(cluster(conn, &members, &decisions, offset, per)?);
    }
    Ok(Clusters {
        clusters,
        total: total as i64,
        has_more,
    })
}

/// A group of `members`, listing `shown` of its cases from the
/// `offset`-th, most recent first.
fn cluster(
    conn: &mut Conn,
    members: &[i64],
    decisions: &[DecisionRow],
    offset: usize,
    shown: usize,
) -> Result<Cluster, DbError> {
    let summary = store::group_summary(conn, members)?;
    let page = store::page_of(conn, members, offset as i64, shown as i64)?;
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
        count: summary.count,
        hidden: (summary.count - (offset + page.len()) as i64).max(0),
        offset,
        first: summary.first.as_ref().map(day).unwrap_or_default(),
        last: summary.last.as_ref().map(day).unwrap_or_default(),
        cases: page
            .into_iter()
            .map(|(id, reference, received)| ClusterCase {
                id,
                reference,
                received: day(&received),
            })
            .collect(),
        kinds: summary.kinds,
        communities: summary.communities,
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

    #[test]
    fn a_big_group_with_dismissed_pairs_costs_its_size_not_its_square() {
        // 3,000 cases naming one number, each pair of neighbours dismissed
        // (so no case is free of dismissals): still one group, found
        // without looking at every pair (4.5 million).
        let k = 3000;
        let ids: Vec<i64> = (1..=k as i64).collect();
        let members = vec![(0..k).collect::<Vec<usize>>()];
        let dismissed: HashSet<(i64, i64)> = (1..k as i64).map(|i| (i, i + 1)).collect();
        let mut steps = 0;
        let found = components_counted(&ids, &members, &dismissed, &mut steps);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].len(), k);
        assert!(steps <= 4 * k, "{steps} pairs looked up");
    }
}
