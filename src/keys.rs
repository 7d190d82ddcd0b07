//! Master-key rotation, without downtime.
//!
//! `haven keys rotate` puts a new master key first in the key file (the old
//! ones stay, so everything still opens), waits for running instances to
//! re-read the file (they do every 30 seconds), then re-wraps every case's
//! data key, and re-seals every TOTP secret and queued email secret, under
//! the new key, in batches. `haven keys retire` then removes the old keys,
//! once nothing is wrapped under them any more.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, bail};

use crate::crypto::{Aad, Keyring, WrappedKey};
use crate::db::{self, Db};

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
        Ok((
            db::cases::count_not_wrapped_under(conn, &current)?,
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
