//! Commands that keep the data in shape: the retention purge, the move to
//! keys held by people and its status, and the audit log's checks and
//! checkpoints.

use anyhow::{Context, bail};

use super::connect;
use crate::config::Config;
use crate::db;

/// The failure a verdict stands for, or the number of entries checked.
fn explain(verdict: crate::audit::Verdict) -> anyhow::Result<u64> {
    use crate::audit::Verdict;
    const COMPROMISED: &str = "treat this database as compromised";
    match verdict {
        Verdict::Intact { rows, .. } => Ok(rows),
        Verdict::Altered { id } => {
            bail!("audit entry {id} was altered after it was written: {COMPROMISED}")
        }
        Verdict::Missing { before_id } => {
            bail!("audit entries were removed just before entry {before_id}: {COMPROMISED}")
        }
        Verdict::Unkeyed { rows } => bail!(
            "none of the {rows} audit entries is signed with this key file's audit key: \
             the chain was stripped, or this is not the key file that signed it"
        ),
        Verdict::Truncated {
            checkpoint_id,
            last_id,
        } => bail!(
            "the audit log ends at entry {} but the checkpoint names entry {checkpoint_id}: \
             the newest entries were removed; {COMPROMISED}",
            last_id.unwrap_or(0)
        ),
        Verdict::Diverged { id } => bail!(
            "audit entry {id} differs from the checkpoint: entries up to it were removed or \
             rewritten (or the checkpoint belongs to another database); {COMPROMISED}"
        ),
    }
}

pub(super) fn purge(config: &Config, shred_wait: u64) -> anyhow::Result<()> {
    let db = connect(config)?;
    let now = chrono::Utc::now();
    println!(
        "Applying the retention policy: closed cases are kept {} days.",
        config.retention_days
    );
    let retained = db.run_blocking(|conn| {
        crate::cases::purge::purge_retention(conn, now, config.retention_days, |n| {
            println!("  purged {n} closed cases so far")
        })
    })?;
    let requested = db.run_blocking(|conn| crate::cases::purge::purge_due_deletions(conn, now))?;
    println!(
        "Purged {retained} case(s) closed more than {} days ago and {requested} case(s) whose reporters asked for deletion.",
        config.retention_days
    );
    let pruned = db.run_blocking(|conn| {
        crate::cases::purge::prune_outbox(conn, now, config.outbox_keep_days)
    })?;
    println!(
        "Removed {pruned} email(s) delivered more than {} days ago from the outbox.",
        config.outbox_keep_days
    );
    // A purged case's sealed keys (and its referrals') are gone from the
    // database, but a backup taken before still holds them, under the
    // master key's outer layer: with that master key, the key of anyone who
    // held the team's or the group's key (or a key still in escrow, or a
    // case's key from before the move to people's keys) would open them.
    // Re-sealing everything that remains under a new master key and
    // retiring the old one makes those backups useless for the purged cases.
    if db.run_blocking(db::audit::shred_pending)? {
        println!(
            "Rotating the master key so that backups taken before this purge cannot open the purged cases \
             (their sealed keys, their referrals' keys, and escrowed keys as they were then)..."
        );
        crate::keys::rotate(
            &db,
            &config.master_key_file,
            std::time::Duration::from_secs(shred_wait),
            None,
            |line| println!("{line}"),
        )?;
        crate::keys::retire(&db, &config.master_key_file, |line| println!("{line}"))?;
    } else {
        println!("Nothing was purged since the last master-key rotation: no rotation needed.");
    }
    Ok(())
}

/// `haven keys migrate`: moves what was sealed before keys were held by
/// people, then says what stays interim.
pub(super) fn keys_migrate(config: &Config) -> anyhow::Result<()> {
    let db = connect(config)?;
    let keyring = crate::crypto::Keyring::load(&config.master_key_file, false)?;
    crate::keys::migrate(&db, &keyring, |line| println!("{line}"))?;
    Ok(())
}

/// `haven keys status`: what the master key alone still protects.
pub(super) fn keys_status(config: &Config) -> anyhow::Result<()> {
    let db = connect(config)?;
    for line in crate::keys::status(&db)?.report() {
        println!("{line}");
    }
    Ok(())
}

/// `haven audit verify`: checks the chain (and that it still holds the
/// checkpoint's entry, when given one).
pub(super) fn verify(config: &Config, checkpoint: Option<String>) -> anyhow::Result<()> {
    let checkpoint = checkpoint
        .map(|text| {
            crate::audit::Checkpoint::parse(&text).with_context(|| {
                format!("--checkpoint {text:?} is not a checkpoint (ID:MAC, as `haven audit checkpoint` prints it)")
            })
        })
        .transpose()?;
    let db = connect(config)?;
    let verdict = crate::audit::verify_against(&db, checkpoint.as_ref(), |n| {
        println!("  checked {n} entries")
    })?;
    let rows = explain(verdict)?;
    println!("The audit log is intact: {rows} entries, each chained to the one before.");
    if checkpoint.is_some() {
        println!("It still holds the checkpoint's entry, unchanged.");
    }
    Ok(())
}

/// `haven audit checkpoint`: checks the chain, then prints its head.
pub(super) fn checkpoint(config: &Config) -> anyhow::Result<()> {
    let db = connect(config)?;
    let verdict = crate::audit::verify(&db, |_| {})?;
    let head = match &verdict {
        crate::audit::Verdict::Intact { head, .. } => head.to_string(),
        _ => String::new(),
    };
    explain(verdict)?;
    println!("{head}");
    Ok(())
}
