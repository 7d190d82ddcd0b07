//! `haven keys migrate`: moves an installation from before keys were held
//! by people. Each case filed before gets a new staff key (its notes are
//! re-sealed under it) and its keys sealed to the team's current key; each
//! referral gets a key of its own (its summary, decline reason and updates
//! re-sealed under it), sealed to the team and to its group. In batches,
//! one transaction and one audit entry each, so that an interrupted run
//! resumes where it stopped, and a second run changes nothing.
//!
//! A moved case keeps its key under the master key until its reporter's
//! next visit, which gives it the receipt's copy and ends that one: the
//! receipt is not known here. Accounts move themselves at their next
//! sign-in.

use anyhow::bail;

use crate::crypto::{Aad, DataKey, Keyring, PublicKey, Sealed};
use crate::custody::cases::{self as case_keys, CaseKeys};
use crate::custody::referrals as referral_keys;
use crate::custody::shared::{self, Scope};
use crate::db::cases::CaseRow;
use crate::db::referrals::{ReferralKeys, ReferralRow};
use crate::db::{self, Conn, Db, DbError, migrate_keys, people_keys};

const BATCH: i64 = 200;

/// What a run moved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Moved {
    pub cases: i64,
    pub referrals: i64,
    /// Cases (or, for referrals, their cases) whose key or sealed values
    /// did not open with the key file: left as they were.
    pub unopened: Vec<i64>,
}

/// Moves every case and referral sealed before keys were held by people,
/// printing progress with `say`, then what stays interim.
pub fn migrate(db: &Db, keyring: &Keyring, mut say: impl FnMut(String)) -> anyhow::Result<Moved> {
    let mut moved = Moved::default();
    move_cases(db, keyring, &mut moved, &mut say)?;
    move_referrals(db, keyring, &mut moved, &mut say)?;
    say(format!(
        "Moved {} case(s) and {} referral(s) to keys held by people.",
        moved.cases, moved.referrals
    ));
    let status = super::status(db)?;
    let interim = status.interim();
    if interim.is_empty() {
        say("Nothing is protected by the master key alone any more.".into());
    } else {
        say("Still interim:".into());
        interim
            .into_iter()
            .for_each(|line| say(format!("  {line}")));
    }
    if !moved.unopened.is_empty() {
        let ids: Vec<String> = moved.unopened.iter().map(i64::to_string).collect();
        bail!(
            "{} case(s) could not be moved: their key or a value sealed with it does not open \
             with this key file (case ids {}). Check HAVEN_MASTER_KEY_FILE, then run \
             `haven keys migrate` again.",
            ids.len(),
            ids.join(", ")
        );
    }
    Ok(moved)
}

fn move_cases(
    db: &Db,
    keyring: &Keyring,
    moved: &mut Moved,
    say: &mut impl FnMut(String),
) -> anyhow::Result<()> {
    let total = db.run_blocking(migrate_keys::count_legacy_cases)?;
    if total == 0 {
        say("No case filed before keys were held by people is left to move.".into());
        return Ok(());
    }
    say(format!(
        "Moving {total} case(s) filed before keys were held by people to the team's key..."
    ));
    let (mut after, mut done) = (0i64, 0i64);
    loop {
        let batch = db.run_blocking(|conn| {
            db::transaction(conn, |conn| move_case_batch(conn, keyring, after))
        })?;
        let Some(last) = batch.last else { break };
        after = last;
        done += batch.seen;
        moved.cases += batch.cases;
        moved.referrals += batch.referrals;
        moved.unopened.extend(batch.unopened);
        say(format!(
            "  moved {done}/{total} ({}%)",
            done * 100 / total.max(1)
        ));
    }
    Ok(())
}

/// One batch's outcome.
#[derive(Default)]
struct Batch {
    /// The last row looked at (the next batch starts after it).
    last: Option<i64>,
    seen: i64,
    cases: i64,
    referrals: i64,
    unopened: Vec<i64>,
}

fn move_case_batch(conn: &mut Conn, keyring: &Keyring, after: i64) -> Result<Batch, DbError> {
    let rows = migrate_keys::legacy_cases(conn, after, BATCH)?;
    let mut batch = Batch {
        last: rows.last().map(|c| c.id),
        seen: rows.len() as i64,
        ..Batch::default()
    };
    if rows.is_empty() {
        return Ok(batch);
    }
    let team = shared::current_public(conn, keyring, Scope::Team)?;
    for case in &rows {
        match move_case(conn, keyring, (team.0, &team.1), case)? {
            Some(referrals) => {
                batch.cases += 1;
                batch.referrals += referrals;
            }
            None => batch.unopened.push(case.id),
        }
    }
    record(conn, "cases", &rows, &batch)?;
    Ok(batch)
}

/// The batch's audit entry: what it moved (`kind`: the cases pass or the
/// referrals pass), how many, nothing else.
fn record<T>(conn: &mut Conn, kind: &str, rows: &[T], batch: &Batch) -> Result<(), DbError> {
    // Nothing moved (only cases that do not open, tried again at each
    // housekeeping round): nothing to record again.
    if rows.is_empty() || (batch.cases == 0 && batch.referrals == 0) {
        return Ok(());
    }
    db::audit::record(
        conn,
        None,
        "keys.migrate",
        "keys",
        kind,
        &format!(
            "cases={} referrals={} unopened={}",
            batch.cases,
            batch.referrals,
            batch.unopened.len()
        ),
    )
}

/// Moves one case (and its referrals); `None`, writing nothing, when
/// something of it does not open.
fn move_case(
    conn: &mut Conn,
    keyring: &Keyring,
    team: (i64, &PublicKey),
    case: &CaseRow,
) -> Result<Option<i64>, DbError> {
    let Ok(content) = case_keys::legacy_key(keyring, case) else {
        tracing::warn!(case_id = case.id, "a case's key does not open: not moved");
        return Ok(None);
    };
    let keys = CaseKeys::legacy(content).with_new_staff_key();
    let Some(notes) = reseal_notes(conn, case, &keys)? else {
        tracing::warn!(case_id = case.id, "a case's note does not open: not moved");
        return Ok(None);
    };
    let referrals = migrate_keys::legacy_referrals_of(conn, case.id)?;
    let mut planned = Vec::with_capacity(referrals.len());
    for referral in &referrals {
        match plan_referral(conn, keyring, &case.reference, &keys.content, referral)? {
            Some(plan) => planned.push(plan),
            None => {
                tracing::warn!(
                    referral_id = referral.id,
                    "a referral does not open: not moved"
                );
                return Ok(None);
            }
        }
    }
    for (id, body) in &notes {
        migrate_keys::set_note_body(conn, *id, body)?;
    }
    let mut row = case_keys::seal_to(keyring, team, &case.reference, &keys, None);
    row.case_id = case.id;
    people_keys::insert_case_keys(conn, &row)?;
    for plan in &planned {
        write_referral(conn, plan)?;
    }
    Ok(Some(planned.len() as i64))
}

/// A case's notes re-sealed under its new staff key (they were under its
/// case key); `None` when one does not open.
fn reseal_notes(
    conn: &mut Conn,
    case: &CaseRow,
    keys: &CaseKeys,
) -> Result<Option<Vec<(i64, Sealed)>>, DbError> {
    let mut out = Vec::new();
    for (id, public_id, body) in migrate_keys::notes_of(conn, case.id)? {
        let aad = Aad::case_note(&case.reference, &public_id);
        let Ok(plain) = keys.content.open(&aad, &body) else {
            return Ok(None);
        };
        out.push((id, keys.staff().seal(&aad, &plain)));
    }
    Ok(Some(out))
}

/// A referral re-sealed under a key of its own, ready to write.
struct PlannedReferral {
    id: i64,
    keys: ReferralKeys,
    summary: Sealed,
    decline_reason: Option<Sealed>,
    updates: Vec<(i64, Sealed)>,
}

/// Opens a referral's summary, decline reason and updates with its case's
/// key and seals them under a new key of its own, sealed to the team and
/// the group; `None` when one does not open.
fn plan_referral(
    conn: &mut Conn,
    keyring: &Keyring,
    reference: &str,
    case_key: &DataKey,
    referral: &ReferralRow,
) -> Result<Option<PlannedReferral>, DbError> {
    let id = &referral.public_id;
    let reseal = |aad: Aad, sealed: &Sealed, key: &DataKey| {
        case_key
            .open(&aad, sealed)
            .ok()
            .map(|plain| key.seal(&aad, &plain))
    };
    let (key, mut keys) =
        referral_keys::seal_new(conn, keyring, reference, id, referral.organisation_id)?;
    // A referral its reporter withdrew is sealed to the team alone.
    if referral.status == "withdrawn" {
        keys.group_key_id = None;
        keys.group_key = None;
    }
    let Some(summary) = reseal(
        Aad::referral_summary(reference, id),
        &referral.summary,
        &key,
    ) else {
        return Ok(None);
    };
    let decline_reason = match &referral.decline_reason {
        Some(sealed) => match reseal(Aad::referral_reason(reference, id), sealed, &key) {
            Some(s) => Some(s),
            None => return Ok(None),
        },
        None => None,
    };
    let mut updates = Vec::new();
    for (update_id, update) in db::referrals::updates(conn, referral.id)? {
        match reseal(
            Aad::referral_update(reference, id, update_id),
            &update.body,
            &key,
        ) {
            Some(s) => updates.push((update_id, s)),
            None => return Ok(None),
        }
    }
    Ok(Some(PlannedReferral {
        id: referral.id,
        keys,
        summary,
        decline_reason,
        updates,
    }))
}

fn write_referral(conn: &mut Conn, plan: &PlannedReferral) -> Result<(), DbError> {
    migrate_keys::set_referral_texts(conn, plan.id, &plan.summary, plan.decline_reason.as_ref())?;
    for (update_id, body) in &plan.updates {
        db::referrals::set_update_body(conn, *update_id, body)?;
    }
    db::referrals::set_keys(conn, plan.id, &plan.keys)
}

/// Referrals left sealed with their case's key once the cases are moved
/// (made meanwhile by an instance still running the version before).
fn move_referrals(
    db: &Db,
    keyring: &Keyring,
    moved: &mut Moved,
    say: &mut impl FnMut(String),
) -> anyhow::Result<()> {
    let total = db.run_blocking(migrate_keys::count_legacy_referrals)?;
    if total == 0 {
        return Ok(());
    }
    say(format!(
        "Giving {total} referral(s) sealed with their case's key a key of their own..."
    ));
    let (mut after, mut done) = (0i64, 0i64);
    loop {
        let batch = db.run_blocking(|conn| {
            db::transaction(conn, |conn| move_referral_batch(conn, keyring, after))
        })?;
        let Some(last) = batch.last else { break };
        after = last;
        done += batch.seen;
        moved.referrals += batch.referrals;
        moved.unopened.extend(batch.unopened);
        say(format!(
            "  moved {done}/{total} ({}%)",
            done * 100 / total.max(1)
        ));
    }
    Ok(())
}

fn move_referral_batch(conn: &mut Conn, keyring: &Keyring, after: i64) -> Result<Batch, DbError> {
    let rows = migrate_keys::legacy_referrals(conn, after, BATCH)?;
    let mut batch = Batch {
        last: rows.last().map(|r| r.id),
        seen: rows.len() as i64,
        ..Batch::default()
    };
    for referral in &rows {
        let case = db::cases::find(conn, referral.case_id)?.ok_or(DbError::NotFound)?;
        // The case key opens with the master key only while the case has
        // that copy (a moved case, until its reporter's next visit).
        let plan = match case_keys::legacy_key(keyring, &case) {
            Ok(key) => plan_referral(conn, keyring, &case.reference, &key, referral)?,
            Err(_) => None,
        };
        match plan {
            Some(plan) => {
                write_referral(conn, &plan)?;
                batch.referrals += 1;
            }
            None => {
                tracing::warn!(
                    referral_id = referral.id,
                    "a referral does not open: not moved"
                );
                if !batch.unopened.contains(&case.id) {
                    batch.unopened.push(case.id);
                }
            }
        }
    }
    record(conn, "referrals", &rows, &batch)?;
    Ok(batch)
}
