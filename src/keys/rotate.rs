//! Master-key rotation, without downtime.
//!
//! `haven keys rotate` puts a new master key first in the key file (the old
//! ones stay, so everything still opens), waits for running instances to
//! re-read the file (they do every 30 seconds), then re-seals under the new
//! key, in batches, the master key's outer layer over every case's and
//! referral's sealed keys (and the keys of cases filed before keys were
//! held by people), every escrowed team or group key, the link key, every
//! TOTP secret and queued email secret. `haven keys retire` then removes the old keys,
//! once nothing is wrapped under them any more.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, bail};

use crate::crypto::{Aad, Keyring, Sealed, WrappedKey};
use crate::custody;
use crate::db::{self, Db, people_keys};

const BATCH: i64 = 1000;

/// `haven keys add`: a new master key at the end of the key file, not in
/// use yet. The file is then copied to every host; `haven keys rotate --to`
/// makes the key current once they all have it.
pub fn add(path: &Path, mut say: impl FnMut(String)) -> anyhow::Result<String> {
    let mut keyring = Keyring::load(path, false)?;
    let id = keyring.push_spare().id().to_string();
    keyring.save(path)?;
    say(format!(
        "Master key {id} is added at the end of {}, not in use yet. Copy this file to every host that runs Haven, then run `haven keys rotate --to {id}` on one of them.",
        path.display()
    ));
    Ok(id)
}

pub fn rotate(
    db: &Db,
    path: &Path,
    wait: Duration,
    to: Option<&str>,
    mut say: impl FnMut(String),
) -> anyhow::Result<()> {
    let mut keyring = Keyring::load(path, false)?;
    let old: Vec<String> = keyring.ids().map(str::to_string).collect();
    let new_id = match to {
        // A key added earlier (`haven keys add`) and copied to every host.
        Some(id) => {
            if !keyring.make_current(id) {
                anyhow::bail!(
                    "the key file {} has no master key {id}: add it with `haven keys add` and copy the file to every host first",
                    path.display()
                );
            }
            id.to_string()
        }
        None => keyring.push_new_current().id().to_string(),
    };
    let old: Vec<String> = old.into_iter().filter(|id| *id != new_id).collect();
    // A host whose file lacks a key the database uses would make a current
    // key no one else has, then fail half-way: refuse before writing.
    let in_use = db.run_blocking(db::master_keys_in_use)?;
    let missing: Vec<&String> = in_use
        .iter()
        .filter(|id| !keyring.ids().any(|k| k == id.as_str()))
        .collect();
    if !missing.is_empty() {
        anyhow::bail!(
            "the key file {} lacks master key(s) {} that the database uses: copy the key file from a host that has them first; nothing was changed",
            path.display(),
            missing
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    keyring.save(path)?;
    say(format!(
        "New master key {new_id} is now first in {}; the old key(s) {} stay until retired.",
        path.display(),
        old.join(", ")
    ));
    let mut left = wait.as_secs();
    while left > 0 {
        say(format!(
            "Waiting {left} s for running instances to load the new key file..."
        ));
        let step = left.min(10);
        std::thread::sleep(Duration::from_secs(step));
        left -= step;
    }

    let total = db.run_blocking(|conn| db::cases::count_not_wrapped_under(conn, &new_id))?;
    say(format!("Re-wrapping {total} case key(s) under {new_id}..."));
    let mut done = 0i64;
    loop {
        let n = db.run_blocking(|conn| {
            db::transaction(conn, |conn| {
                let batch = db::cases::wrapped_not_under(conn, &new_id, BATCH)?;
                for (id, reference, key_id, sealed) in &batch {
                    let wrapped = WrappedKey {
                        master_key_id: key_id.clone(),
                        sealed: sealed.clone(),
                    };
                    let data_key = keyring.unwrap(&wrapped, reference).map_err(|_| {
                        db::DbError::Unavailable(anyhow::anyhow!(
                            "case {id}: its key does not open with any key in the file"
                        ))
                    })?;
                    let rewrapped = keyring.wrap(&data_key, reference);
                    db::cases::set_wrapped_key(
                        conn,
                        *id,
                        &rewrapped.master_key_id,
                        &rewrapped.sealed,
                    )?;
                }
                Ok(batch.len() as i64)
            })
        })?;
        if n == 0 {
            break;
        }
        done += n;
        say(format!(
            "  re-wrapped {done}/{total} ({}%)",
            done * 100 / total.max(1)
        ));
    }

    let total = db.run_blocking(|conn| people_keys::count_case_keys_not_under(conn, &new_id))?;
    say(format!(
        "Re-sealing the outer layer over the sealed keys of {total} case(s) under {new_id}..."
    ));
    let mut sealed_done = 0i64;
    loop {
        let n = db.run_blocking(|conn| {
            db::transaction(conn, |conn| {
                let batch = people_keys::case_keys_not_under(conn, &new_id, BATCH)?;
                for row in &batch {
                    let reference = db::cases::reference_of(conn, row.case_id)?;
                    let fail = || {
                        db::DbError::Unavailable(anyhow::anyhow!(
                            "case {}: its sealed keys do not open with any key in the file",
                            row.case_id
                        ))
                    };
                    let (key_id, team_keys) = keyring
                        .reseal_outer(
                            &row.master_key_id,
                            &Aad::case_team_keys(&reference),
                            &row.team_keys,
                        )
                        .map_err(|_| fail())?;
                    let receipt_key = match &row.receipt_key {
                        Some(outer) => Some(
                            keyring
                                .reseal_outer(
                                    &row.master_key_id,
                                    &Aad::case_receipt_key(&reference),
                                    outer,
                                )
                                .map_err(|_| fail())?
                                .1,
                        ),
                        None => None,
                    };
                    let moved = people_keys::CaseKeysRow {
                        case_id: row.case_id,
                        master_key_id: key_id,
                        team_key_id: row.team_key_id,
                        team_keys,
                        receipt_key,
                    };
                    people_keys::update_case_keys(conn, &moved)?;
                    db::cases::set_master_key_id_if_unwrapped(
                        conn,
                        row.case_id,
                        &moved.master_key_id,
                    )?;
                }
                Ok(batch.len() as i64)
            })
        })?;
        if n == 0 {
            break;
        }
        sealed_done += n;
        say(format!(
            "  re-sealed {sealed_done}/{total} ({}%)",
            sealed_done * 100 / total.max(1)
        ));
    }
    done += sealed_done;

    let referrals = reseal_referrals(db, &keyring, &new_id, &mut say)?;
    let escrows = reseal_escrows(db, &keyring, &new_id)?;
    let link_key = db.run_blocking(|conn| custody::links::reseal_outer(conn, &keyring, &new_id))?;
    if link_key {
        say(format!(
            "Re-sealed the link key's outer layer under {new_id}."
        ));
    }
    if referrals > 0 || escrows > 0 {
        say(format!(
            "Re-sealed {referrals} referral key(s) and {escrows} escrowed team or group key(s) under {new_id}."
        ));
    }

    let users = db.run_blocking(|conn| db::users::totp_not_under(conn, &new_id))?;
    for (id, key_id, sealed) in &users {
        let aad = Aad::totp_secret(*id);
        let secret = keyring
            .open_system(key_id, &aad, sealed)
            .map_err(|_| anyhow::anyhow!("user {id}: TOTP secret does not open"))?;
        let (k, s) = keyring.seal_system(&aad, &secret);
        db.run_blocking(|conn| db::users::set_totp_sealed(conn, *id, &k, &s))?;
    }
    let secrets = db.run_blocking(|conn| db::outbox::secrets_not_under(conn, &new_id))?;
    for (id, message_id, key_id, sealed) in &secrets {
        let aad = Aad::outbox_secret(message_id);
        if let Ok(secret) = keyring.open_system(key_id, &aad, sealed) {
            let (k, s) = keyring.seal_system(&aad, &secret);
            db.run_blocking(|conn| db::outbox::set_secret(conn, *id, &k, &s))?;
        }
    }
    db.run_blocking(|conn| {
        db::audit::record(
            conn,
            None,
            "keys.rotate",
            "master-key",
            &new_id,
            &old.join(","),
        )
    })?;
    say(format!(
        "Done: {done} case key(s), {referrals} referral key(s), {escrows} escrowed key(s), {} TOTP secret(s) and {} queued link(s) are now under {new_id}.",
        users.len(),
        secrets.len()
    ));
    say("Instances sharing this file load it within 30 s; hosts with their own copy need it copied to them, then `haven keys rotate --to` this key once more (it re-wraps what they sealed meanwhile). Then remove the old key(s) with `haven keys retire`.".into());
    Ok(())
}

pub fn retire(db: &Db, path: &Path, mut say: impl FnMut(String)) -> anyhow::Result<()> {
    let mut keyring = Keyring::load(path, false)?;
    let current = keyring.current().id().to_string();
    let old: Vec<String> = keyring.ids().skip(1).map(str::to_string).collect();
    if old.is_empty() {
        say(format!(
            "Only the current key {current} is in {}: nothing to retire.",
            path.display()
        ));
        return Ok(());
    }
    let left = db.run_blocking(|conn| {
        Ok([
            (
                db::cases::count_not_wrapped_under(conn, &current)?,
                "case key(s) under the master key alone",
            ),
            (
                people_keys::count_case_keys_not_under(conn, &current)?,
                "case(s)' sealed keys",
            ),
            (
                db::referrals::count_keys_not_under(conn, &current)?,
                "referral key(s)",
            ),
            (
                escrows_not_under(conn, &current)?.len() as i64,
                "escrowed team or group key(s)",
            ),
            (
                i64::from(custody::links::under_other_key(conn, &current)?),
                "link key",
            ),
            (
                db::users::totp_not_under(conn, &current)?.len() as i64,
                "TOTP secret(s)",
            ),
            (
                db::outbox::secrets_not_under(conn, &current)?.len() as i64,
                "queued link(s)",
            ),
        ])
    })?;
    let left: Vec<String> = left
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    if !left.is_empty() {
        bail!(
            "{} still under an old key: run `haven keys rotate --wait 0` to finish re-sealing, then retire",
            left.join(", ")
        );
    }
    keyring.retain_current_only();
    keyring.save(path).context("cannot rewrite the key file")?;
    db.run_blocking(|conn| {
        db::audit::record(conn, None, "keys.retire", "master-key", &old.join(","), "")
    })?;
    say(format!(
        "Retired {}; {current} is the only key in {}. Destroy any other copy of the old key(s).",
        old.join(", "),
        path.display()
    ));
    Ok(())
}

/// Re-seals the outer layer of every referral's sealed keys under
/// `new_id`, in batches of one transaction each; how many.
fn reseal_referrals(
    db: &Db,
    keyring: &Keyring,
    new_id: &str,
    say: &mut impl FnMut(String),
) -> anyhow::Result<i64> {
    let total = db.run_blocking(|conn| db::referrals::count_keys_not_under(conn, new_id))?;
    if total == 0 {
        return Ok(0);
    }
    say(format!(
        "Re-sealing the outer layer of {total} referral key(s) under {new_id}..."
    ));
    let (mut after, mut done) = (0i64, 0i64);
    loop {
        let batch = db.run_blocking(|conn| {
            db::transaction(conn, |conn| {
                let batch = db::referrals::keys_not_under_after(conn, new_id, after, BATCH)?;
                for (id, reference, public_id, keys) in &batch {
                    let reseal = |holder: &str, outer: &Sealed| {
                        keyring
                            .reseal_outer(
                                &keys.master_key_id,
                                &Aad::referral_key(reference, public_id, holder),
                                outer,
                            )
                            .map_err(|_| {
                                db::DbError::Unavailable(anyhow::anyhow!(
                                    "referral {id}: its sealed keys do not open with any key in the file"
                                ))
                            })
                    };
                    let (key_id, team_key) = reseal("team", &keys.team_key)?;
                    let group_key = match &keys.group_key {
                        Some(outer) => Some(reseal("group", outer)?.1),
                        None => None,
                    };
                    let moved = db::referrals::ReferralKeys {
                        master_key_id: key_id,
                        team_key,
                        group_key,
                        ..keys.clone()
                    };
                    db::referrals::set_keys(conn, *id, &moved)?;
                }
                Ok((batch.len() as i64, batch.last().map(|r| r.0)))
            })
        })?;
        let (n, Some(last)) = batch else { break };
        after = last;
        done += n;
        say(format!(
            "  re-sealed {done}/{total} ({}%)",
            done * 100 / total.max(1)
        ));
    }
    Ok(done)
}

/// Team and group keys in escrow under another master key than `key_id`.
fn escrows_not_under(
    conn: &mut db::Conn,
    key_id: &str,
) -> Result<Vec<people_keys::SharedKeyRow>, db::DbError> {
    Ok(people_keys::all(conn)?
        .into_iter()
        .filter(|k| k.escrow_key_id.as_deref().is_some_and(|id| id != key_id))
        .collect())
}

/// Re-seals every escrowed team or group key under `new_id`; how many.
fn reseal_escrows(db: &Db, keyring: &Keyring, new_id: &str) -> anyhow::Result<i64> {
    db.run_blocking(|conn| {
        db::transaction(conn, |conn| {
            let escrows = escrows_not_under(conn, new_id)?;
            for key in &escrows {
                let (Some(key_id), Some(sealed)) = (&key.escrow_key_id, &key.escrow) else {
                    continue;
                };
                let (k, s) = keyring
                    .reseal_escrow(key_id, &Aad::shared_key_escrow(key.id), sealed)
                    .map_err(|_| {
                        db::DbError::Unavailable(anyhow::anyhow!(
                            "shared key {}: its escrow does not open with any key in the file",
                            key.id
                        ))
                    })?;
                people_keys::set_escrow(conn, key.id, Some((&k, &s)))?;
            }
            Ok(escrows.len() as i64)
        })
    })
    .map_err(Into::into)
}
