//! Master-key rotation, without downtime.
//!
//! `haven keys rotate` puts a new master key first in the key file (the old
//! ones stay, so everything still opens), waits for running instances to
//! re-read the file (they do every 30 seconds), then re-seals under the new
//! key, in batches, the master key's outer layer over every case's and
//! referral's sealed keys (and the keys of cases filed before keys were
//! held by people), every escrowed team or group key, every TOTP secret and
//! queued email secret. `haven keys retire` then removes the old keys,
//! once nothing is wrapped under them any more.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, bail};

use crate::crypto::{Aad, Keyring, WrappedKey};
use crate::db::{self, Db, people_keys};

const BATCH: i64 = 1000;

pub fn rotate(
    db: &Db,
    path: &Path,
    wait: Duration,
    mut say: impl FnMut(String),
) -> anyhow::Result<()> {
    let mut keyring = Keyring::load(path, false)?;
    let old: Vec<String> = keyring.ids().map(str::to_string).collect();
    let new_id = keyring.push_new_current().id().to_string();
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
        "Re-sealing the outer layer of {total} case's sealed keys under {new_id}..."
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
                    db::cases::set_master_key_id(conn, row.case_id, &moved.master_key_id)?;
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

    let referrals = db.run_blocking(|conn| db::referrals::keys_not_under(conn, &new_id))?;
    for (id, reference, public_id, keys) in &referrals {
        let reseal = |holder: &str, outer: &crate::crypto::Sealed| {
            keyring
                .reseal_outer(
                    &keys.master_key_id,
                    &Aad::referral_key(reference, public_id, holder),
                    outer,
                )
                .map_err(|_| anyhow::anyhow!("referral {id}: its sealed keys do not open"))
        };
        let (key_id, team_key) = reseal("team", &keys.team_key)?;
        let (_, group_key) = reseal("group", &keys.group_key)?;
        let moved = db::referrals::ReferralKeys {
            master_key_id: key_id,
            team_key,
            group_key,
            ..keys.clone()
        };
        db.run_blocking(|conn| db::referrals::set_keys(conn, *id, &moved))?;
    }
    let escrows = db.run_blocking(people_keys::all)?;
    let mut escrows_moved = 0;
    for key in escrows
        .iter()
        .filter(|k| k.escrow_key_id.as_deref().is_some_and(|id| id != new_id))
    {
        let (Some(key_id), Some(sealed)) = (&key.escrow_key_id, &key.escrow) else {
            continue;
        };
        let (k, s) = keyring
            .reseal_escrow(key_id, &Aad::shared_key_escrow(key.id), sealed)
            .map_err(|_| anyhow::anyhow!("shared key {}: its escrow does not open", key.id))?;
        db.run_blocking(|conn| people_keys::set_escrow(conn, key.id, Some((&k, &s))))?;
        escrows_moved += 1;
    }
    if !referrals.is_empty() || escrows_moved > 0 {
        say(format!(
            "Re-sealed {} referral key(s) and {escrows_moved} escrowed key(s) under {new_id}.",
            referrals.len()
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
        "Done: {done} case key(s), {} TOTP secret(s) and {} queued link(s) are now under {new_id}.",
        users.len(),
        secrets.len()
    ));
    say("Once every instance runs with the new file (within 30 s), remove the old key(s) with `haven keys retire`.".into());
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
    let (cases, users, secrets) = db.run_blocking(|conn| {
        let escrows = people_keys::all(conn)?
            .iter()
            .filter(|k| k.escrow_key_id.as_deref().is_some_and(|id| id != current))
            .count() as i64;
        Ok((
            db::cases::count_not_wrapped_under(conn, &current)?
                + people_keys::count_case_keys_not_under(conn, &current)?
                + db::referrals::keys_not_under(conn, &current)?.len() as i64
                + escrows,
            db::users::totp_not_under(conn, &current)?.len(),
            db::outbox::secrets_not_under(conn, &current)?.len(),
        ))
    })?;
    if cases > 0 || users > 0 || secrets > 0 {
        bail!(
            "{cases} case key(s), {users} TOTP secret(s) and {secrets} queued link(s) are still under an old key: \
             run `haven keys rotate --wait 0` to finish re-wrapping, then retire"
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
