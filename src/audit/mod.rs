//! The audit trail: recording who did what, and checking that nobody has
//! altered or removed an entry.
//!
//! Each entry carries an HMAC-SHA256, under the audit key from the key file,
//! of its own fields and of its predecessor's MAC; ids are consecutive, taken
//! under one lock. Someone holding only the database can neither alter an
//! entry nor re-chain the ones after it. What the chain alone cannot show is
//! the newest entries cut off its end: a checkpoint (the head's id and MAC,
//! printed by `haven audit checkpoint` and kept elsewhere) shows that.

pub mod names;
pub mod search;

use std::fmt;

use crate::context::Ctx;
use crate::crypto::AuditKey;
use crate::db::audit::{AuditRow, CHAIN_KEYED, CHAIN_UNKEYED, UnkeyedDigest};
use crate::db::{self, Db, DbError};
use crate::error::ServiceError;

/// Records a staff view (its own small transaction; changes record their
/// entry inside their own transaction instead).
pub async fn view(
    state: &Ctx,
    actor: i64,
    action: &'static str,
    target_type: &'static str,
    target_id: String,
) -> Result<(), ServiceError> {
    state
        .db
        .run(move |conn| db::audit::record(conn, Some(actor), action, target_type, &target_id, ""))
        .await?;
    Ok(())
}

/// The head of the chain at some moment: an entry's id and its MAC. Kept
/// outside the database, it shows later whether entries up to it were cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    pub id: i64,
    pub mac: Vec<u8>,
}

impl Checkpoint {
    /// Reads `ID:HEX`, as [`Display`](fmt::Display) writes it.
    pub fn parse(text: &str) -> Option<Self> {
        let (id, mac) = text.trim().split_once(':')?;
        let id: i64 = id.parse().ok().filter(|id| *id >= 0)?;
        let mac = hex::decode(mac).ok()?;
        let expected = if id == 0 { 0 } else { 32 };
        (mac.len() == expected).then_some(Self { id, mac })
    }
}

impl fmt::Display for Checkpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.id, hex::encode(&self.mac))
    }
}

/// What verification found.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every entry matches its MAC and follows its predecessor; `head` is the
    /// newest entry, to keep as a checkpoint.
    Intact { rows: u64, head: Checkpoint },
    /// The entry with this id was altered (its MAC does not match it).
    Altered { id: i64 },
    /// Entries are missing before this id (its predecessor differs).
    Missing { before_id: i64 },
    /// Entries exist, but none is signed with the audit key: the chain was
    /// stripped, or the key file is not the one that signed it.
    Unkeyed { rows: u64 },
    /// The chain ends before the checkpoint's entry: the newest entries were
    /// removed.
    Truncated {
        checkpoint_id: i64,
        last_id: Option<i64>,
    },
    /// The checkpoint's entry is there but its MAC differs: entries up to it
    /// were removed (newer ones then took their ids) or rewritten, or the
    /// checkpoint belongs to another database.
    Diverged { id: i64 },
}

impl Verdict {
    pub fn is_intact(&self) -> bool {
        matches!(self, Verdict::Intact { .. })
    }
}

/// Walks the whole chain in id order, calling `progress` every 10,000 rows.
pub fn verify(db: &Db, progress: impl FnMut(u64)) -> Result<Verdict, DbError> {
    verify_against(db, None, progress)
}

/// As [`verify`], and also checks that the chain still holds the entry a
/// checkpoint names, with the same MAC.
pub fn verify_against(
    db: &Db,
    checkpoint: Option<&Checkpoint>,
    mut progress: impl FnMut(u64),
) -> Result<Verdict, DbError> {
    let key = db.audit_key().ok_or_else(|| {
        DbError::Unavailable(anyhow::anyhow!(
            "the audit key is not loaded: cannot verify the chain"
        ))
    })?;
    let mut walk = Walk::new(key);
    // From the lowest possible id: an entry slipped in below 1 is walked
    // too, and breaks the chain, rather than being listed unverified.
    let mut after = i64::MIN;
    loop {
        let chunk = db.run_blocking(|conn| db::audit::chunk(conn, after, 10_000))?;
        let Some(last) = chunk.last() else { break };
        after = last.id;
        for row in &chunk {
            if let Some(failure) = walk.step(row) {
                return Ok(failure);
            }
            if checkpoint.is_some_and(|cp| cp.id == row.id && cp.mac != row.hash) {
                return Ok(Verdict::Diverged { id: row.id });
            }
        }
        progress(walk.rows);
    }
    Ok(walk.finish(checkpoint))
}

/// The state of a walk along the chain.
struct Walk<'k> {
    key: &'k AuditKey,
    rows: u64,
    unkeyed: Option<UnkeyedDigest>,
    last: Option<(i64, Vec<u8>)>,
    keyed: bool,
}

impl<'k> Walk<'k> {
    fn new(key: &'k AuditKey) -> Self {
        Self {
            key,
            rows: 0,
            unkeyed: Some(UnkeyedDigest::default()),
            last: None,
            keyed: false,
        }
    }

    /// Checks one entry; a failure verdict when it does not hold.
    fn step(&mut self, row: &AuditRow) -> Option<Verdict> {
        self.rows += 1;
        match row.chain {
            // Entries from before the key: only ever a prefix of the log.
            CHAIN_UNKEYED if !self.keyed => {
                if let Some(digest) = self.unkeyed.as_mut() {
                    digest.add(row);
                }
                self.last = Some((row.id, row.hash.clone()));
                return None;
            }
            CHAIN_KEYED => {}
            _ => return Some(Verdict::Altered { id: row.id }),
        }
        if !self
            .key
            .verify(&row.prev_hash, &row.signed_bytes(), &row.hash)
        {
            return Some(Verdict::Altered { id: row.id });
        }
        let expected_id = self.last.as_ref().map_or(1, |(id, _)| id + 1);
        let expected_prev = if self.keyed {
            self.last
                .as_ref()
                .map(|(_, mac)| mac.clone())
                .unwrap_or_default()
        } else {
            self.unkeyed
                .take()
                .map(UnkeyedDigest::finish)
                .unwrap_or_default()
        };
        if row.id != expected_id || row.prev_hash != expected_prev {
            return Some(Verdict::Missing { before_id: row.id });
        }
        self.keyed = true;
        self.last = Some((row.id, row.hash.clone()));
        None
    }

    fn finish(self, checkpoint: Option<&Checkpoint>) -> Verdict {
        if self.rows > 0 && !self.keyed {
            return Verdict::Unkeyed { rows: self.rows };
        }
        let last_id = self.last.as_ref().map(|(id, _)| *id);
        if let Some(cp) = checkpoint.filter(|cp| cp.id > last_id.unwrap_or(0)) {
            return Verdict::Truncated {
                checkpoint_id: cp.id,
                last_id,
            };
        }
        let (id, mac) = self.last.unwrap_or((0, Vec::new()));
        Verdict::Intact {
            rows: self.rows,
            head: Checkpoint { id, mac },
        }
    }
}

/// When the newest entry was written before the chain was keyed (a database
/// upgraded from then), appends a keyed entry that binds every older one,
/// so that stripping the keyed entries later cannot pass for an old log.
pub fn bind_unkeyed_entries(db: &Db) -> Result<bool, DbError> {
    db.run_blocking(|conn| {
        db::transaction(conn, |conn| match db::audit::head(conn)? {
            Some((_, CHAIN_UNKEYED)) => {
                db::audit::record(conn, None, "audit.keyed", "audit", "", "")?;
                Ok(true)
            }
            _ => Ok(false),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checkpoint_reads_back_what_it_writes_and_nothing_else() {
        let cp = Checkpoint {
            id: 42,
            mac: vec![7; 32],
        };
        assert_eq!(Checkpoint::parse(&cp.to_string()), Some(cp));
        let empty = Checkpoint {
            id: 0,
            mac: Vec::new(),
        };
        assert_eq!(Checkpoint::parse(&empty.to_string()), Some(empty));
        for bad in ["", "42", "42:zz", "-1:", "42:abcd", "x:00", "0:00"] {
            assert_eq!(Checkpoint::parse(bad), None, "{bad}");
        }
    }
}
