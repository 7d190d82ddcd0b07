//! What every handler can reach.

use std::sync::Arc;

use crate::auth::throttle::{HeldChecks, InFlight, Limiter, SourceLimiter};
use crate::config::Config;
use crate::crypto::{FormSigner, KeyedHasher, KeyringHandle, SecretHasher};
use crate::db::Db;

#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub db: Db,
    pub keyring: Arc<KeyringHandle>,
    pub hasher: SecretHasher,
    pub sources: Arc<SourceLimiter>,
    pub follow_up_sources: Arc<SourceLimiter>,
    /// Failed sign-ins per known browser, counted per account.
    pub known_devices: Arc<Limiter<Vec<u8>>>,
    /// One Argon2 check at a time per held reference or source.
    pub held_checks: Arc<HeldChecks>,
    /// Attempts under way per source and per form token, so that a burst
    /// is turned away before it reaches Argon2.
    pub in_flight: Arc<InFlight>,
}

impl AppState {
    /// Signs and checks pre-sign-in form tokens (follows key rotation).
    pub fn forms(&self) -> FormSigner {
        self.keyring.forms()
    }

    /// Keys the throttle's records of names and references.
    pub fn throttle_keys(&self) -> KeyedHasher {
        self.keyring.throttle_keys()
    }
}
