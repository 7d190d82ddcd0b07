//! `haven keys status`: how far an installation is held by people's keys,
//! and what the master key alone still protects meanwhile. Read-only.

use chrono::{DateTime, Utc};

use crate::crypto::PublicKey;
use crate::custody::shared;
use crate::db::{Db, DbError, migrate_keys, people_keys};

/// The casework team's current key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamKey {
    pub id: i64,
    pub fingerprint: String,
    pub created_at: DateTime<Utc>,
    pub in_escrow: bool,
}

/// What is not held by people yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Status {
    /// Cases filed before, not moved (`haven keys migrate` moves them).
    pub legacy_cases: i64,
    /// Referrals still sealed with their case's key.
    pub legacy_referrals: i64,
    /// Cases moved whose key is still under the master key too, until
    /// their reporter's next visit.
    pub waiting_for_reporter: i64,
    /// Active accounts without a key pair (not signed in since).
    pub accounts_without_keys: i64,
    /// Keys an entitled account does not hold yet.
    pub pending_grants: usize,
    /// Of those, how many wait for the account's own first sign-in.
    pub pending_first_sign_in: usize,
    /// Team and group keys still in escrow under the master key.
    pub escrowed: usize,
    pub team_key: Option<TeamKey>,
}

/// Counts what is not held by people yet.
pub fn status(db: &Db) -> Result<Status, DbError> {
    db.run_blocking(|conn| {
        let waiting = shared::waiting(conn)?;
        let team_key = people_keys::current(conn, None)?.map(|row| TeamKey {
            id: row.id,
            fingerprint: PublicKey::from_bytes(&row.public_key)
                .map(|k| k.fingerprint())
                .unwrap_or_else(|| "malformed".into()),
            created_at: row.created_at,
            in_escrow: row.escrow.is_some(),
        });
        Ok(Status {
            legacy_cases: migrate_keys::count_legacy_cases(conn)?,
            legacy_referrals: migrate_keys::count_legacy_referrals(conn)?,
            waiting_for_reporter: migrate_keys::count_waiting_for_reporter(conn)?,
            accounts_without_keys: migrate_keys::count_accounts_without_keys(conn)?,
            pending_grants: waiting.len(),
            pending_first_sign_in: waiting.iter().filter(|w| w.needs_sign_in).count(),
            escrowed: shared::escrowed(conn)?,
            team_key,
        })
    })
}

impl Status {
    /// Nothing is protected by the master key alone any more.
    pub fn is_complete(&self) -> bool {
        self.legacy_cases == 0
            && self.legacy_referrals == 0
            && self.waiting_for_reporter == 0
            && self.escrowed == 0
    }

    /// What remains interim, in plain words (empty when nothing does).
    pub fn interim(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if self.legacy_cases > 0 {
            lines.push(format!(
                "{} case(s) are not moved yet: their key is under the master key alone \
                 (run `haven keys migrate`).",
                self.legacy_cases
            ));
        }
        if self.legacy_referrals > 0 {
            lines.push(format!(
                "{} referral(s) are still sealed with their case's key (run `haven keys migrate`).",
                self.legacy_referrals
            ));
        }
        if self.waiting_for_reporter > 0 {
            lines.push(format!(
                "{} case(s) wait for their reporter's next visit: until then their key is also \
                 under the master key.",
                self.waiting_for_reporter
            ));
        }
        if self.accounts_without_keys > 0 && self.escrowed > 0 {
            lines.push(format!(
                "{} account(s) have not signed in since: the team key stays in escrow under the \
                 master key until every caseworker and admin has (and a group's key until its \
                 liaisons have).",
                self.accounts_without_keys
            ));
        } else if self.accounts_without_keys > 0 {
            lines.push(format!(
                "{} account(s) have not signed in since: they open cases once they have, and a \
                 holder has signed in after them.",
                self.accounts_without_keys
            ));
        }
        if self.escrowed > 0 {
            lines.push(format!(
                "{} key(s) in escrow under the master key: whoever holds the key file and the \
                 database can open what is sealed to them.",
                self.escrowed
            ));
        }
        lines
    }

    /// Every count, for `haven keys status`.
    pub fn report(&self) -> Vec<String> {
        let mut lines = vec![
            format!(
                "Cases filed before keys were held by people, not moved: {}",
                self.legacy_cases
            ),
            format!(
                "Referrals still sealed with their case's key: {}",
                self.legacy_referrals
            ),
            format!(
                "Cases waiting for their reporter's next visit (key also under the master key): {}",
                self.waiting_for_reporter
            ),
            format!(
                "Active accounts without a key pair (not signed in since): {}",
                self.accounts_without_keys
            ),
            format!(
                "Keys waiting to be granted: {} ({} for accounts that must sign in first, the \
                 others at a holder's next sign-in)",
                self.pending_grants, self.pending_first_sign_in
            ),
            format!(
                "Team and group keys in escrow under the master key: {}",
                self.escrowed
            ),
        ];
        lines.push(match &self.team_key {
            Some(key) => format!(
                "Team key: #{} (fingerprint {}), made {}{}",
                key.id,
                key.fingerprint,
                key.created_at.format("%Y-%m-%d %H:%M UTC"),
                if key.in_escrow { ", in escrow" } else { "" }
            ),
            None => "Team key: none yet (made with the first case sealed to it)".into(),
        });
        let interim = self.interim();
        if interim.is_empty() {
            lines.push(
                "Nothing is protected by the master key alone: every case, referral and key \
                 is held by people."
                    .into(),
            );
        } else {
            lines.push("Interim protection:".into());
            lines.extend(interim.into_iter().map(|l| format!("  {l}")));
        }
        lines
    }
}
