//! The audit trail: recording who did what, and checking that nobody has
//! altered or removed an entry.

use sha2::{Digest, Sha256};

use crate::db::{self, Db, DbError, audit::AuditRow};
use crate::web::{AppError, AppState};

/// Records a staff view (its own small transaction; changes record their
/// entry inside their own transaction instead).
pub async fn view(
    state: &AppState,
    actor: i64,
    action: &'static str,
    target_type: &'static str,
    target_id: String,
) -> Result<(), AppError> {
    state
        .db
        .run(move |conn| db::audit::record(conn, Some(actor), action, target_type, &target_id, ""))
        .await?;
    Ok(())
}

/// The bytes a row's hash covers, exactly as PostgreSQL's
/// `audit_log_canonical` builds them.
fn canonical(row: &AuditRow) -> String {
    format!(
        "{}|{}|{}|{}|{}|{}|{}",
        row.id,
        row.at.timestamp_micros(),
        row.actor_id.map(|a| a.to_string()).unwrap_or_default(),
        row.action,
        row.target_type,
        row.target_id,
        row.detail
    )
}

/// What verification found.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every row matches its hash and follows its predecessor.
    Intact { rows: u64 },
    /// The row with this id was altered (its hash does not match it).
    Altered { id: i64 },
    /// Rows are missing before this id (its predecessor's hash differs).
    Missing { before_id: i64 },
}

/// Walks the whole chain in id order, calling `progress` every 10,000 rows.
pub fn verify(db: &Db, mut progress: impl FnMut(u64)) -> Result<Verdict, DbError> {
    let mut previous: Vec<u8> = Vec::new();
    let mut after = 0i64;
    let mut rows = 0u64;
    loop {
        let chunk = db.run_blocking(|conn| db::audit::chunk(conn, after, 10_000))?;
        if chunk.is_empty() {
            return Ok(Verdict::Intact { rows });
        }
        for row in &chunk {
            if row.prev_hash != previous {
                return Ok(Verdict::Missing { before_id: row.id });
            }
            let mut hasher = Sha256::new();
            hasher.update(&row.prev_hash);
            hasher.update(canonical(row).as_bytes());
            if hasher.finalize().as_slice() != row.hash.as_slice() {
                return Ok(Verdict::Altered { id: row.id });
            }
            previous = row.hash.clone();
            rows += 1;
        }
        after = chunk.last().map(|r| r.id).unwrap_or(after);
        progress(rows);
    }
}
