//! Deleting cases for good: a reporter's deletion request once due or
//! confirmed by a caseworker (and, later, the retention policy).
//!
//! Deleting the case row deletes its wrapped data key with it: every
//! ciphertext of the case — in this database, in its backups, anywhere —
//! can then never be opened again, even with the master key.

use chrono::{DateTime, Utc};

use crate::db::{self, Conn, DbError};

/// Deletes one case and everything of it; false if it was already gone.
pub fn purge_case(conn: &mut Conn, case_id: i64) -> Result<bool, DbError> {
    db::transaction(conn, |conn| db::cases::delete(conn, case_id))
}

/// Deletes every case whose requested deletion is due; returns how many.
pub fn purge_due_deletions(conn: &mut Conn, now: DateTime<Utc>) -> Result<usize, DbError> {
    let due = db::cases::deletions_due(conn, now)?;
    let mut purged = 0;
    for id in due {
        if purge_case(conn, id)? {
            purged += 1;
            tracing::info!(case_id = id, "case deleted at the reporter's request");
        }
    }
    Ok(purged)
}
