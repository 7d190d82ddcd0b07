//! Who holds which key. Report content, notes, messages, evidence and
//! referral summaries are sealed with per-case and per-referral keys; those
//! keys are sealed to public keys — the casework team's, a partner group's,
//! a report's receipt's — and the private keys of the team and the groups
//! are granted to people, sealed to each person's own public key. A
//! person's private key rests sealed under their password (and, apart,
//! under their recovery key) and, while they are signed in, under their
//! session cookie's secret. So the server alone, with its database, its
//! key file and its binary, opens nothing: someone must be signed in.
//!
//! The master key stays as an outer layer over every sealed case and
//! referral key, so that retiring it (`haven purge`, `haven keys rotate`)
//! still makes older backups of deleted cases unopenable.

pub mod accounts;
pub mod cases;
pub mod links;
pub mod referrals;
pub mod shared;

use std::sync::Arc;

use crate::crypto::SecretKey;
use crate::error::ServiceError;

/// The signed-in person's private key, opened from their session for one
/// request; absent when it could not be opened (a password set by someone
/// else, a reset without the recovery key, a session from before).
#[derive(Clone)]
pub struct PersonKey {
    pub user_id: i64,
    secret: Option<Arc<SecretKey>>,
}

impl PersonKey {
    pub fn new(user_id: i64, secret: Option<SecretKey>) -> Self {
        Self {
            user_id,
            secret: secret.map(Arc::new),
        }
    }

    /// The private key, or [`ServiceError::KeysUnavailable`].
    pub fn secret(&self) -> Result<&SecretKey, ServiceError> {
        self.secret.as_deref().ok_or(ServiceError::KeysUnavailable)
    }

    pub fn is_open(&self) -> bool {
        self.secret.is_some()
    }
}

impl std::fmt::Debug for PersonKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PersonKey")
            .field("user_id", &self.user_id)
            .field("open", &self.is_open())
            .finish()
    }
}
