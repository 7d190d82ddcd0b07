//! What every service can reach: the configuration, the database pool, the
//! keys, the Argon2 hasher, and the in-memory counts of failed attempts.
//! One per running instance, cheap to clone; it knows nothing of HTTP (the
//! web edge hands it to services as it is).

use std::sync::Arc;

use crate::auth::throttle::{HeldChecks, InFlight, Limiter, SourceLimiter};
use crate::config::Config;
use crate::crypto::{FormSigner, KeyedHasher, KeyringHandle, SecretHasher};
use crate::db::Db;

#[derive(Clone)]
pub struct Ctx {
    pub config: Arc<Config>,
    pub db: Db,
    /// A read-only replica for the statistics (`HAVEN_DATABASE_REPLICA_URL`).
    pub replica: Option<Db>,
    pub keyring: Arc<KeyringHandle>,
    pub hasher: SecretHasher,
    pub sources: Arc<SourceLimiter>,
    pub follow_up_sources: Arc<SourceLimiter>,
    /// Failed sign-ins per known browser, counted per account.
    pub known_devices: Arc<Limiter<Vec<u8>>>,
    /// One Argon2 check at a time per held reference or source.
    pub held_checks: Arc<HeldChecks>,
    /// Attempts under way per form token, so that replays sent together
    /// are turned away before they reach Argon2.
    pub in_flight: Arc<InFlight>,
    /// The WebAuthn relying party (Haven at `HAVEN_BASE_URL`); `None` where
    /// passkeys cannot work (an IP address as the host).
    pub passkeys: Option<Arc<webauthn_rs::Webauthn>>,
}

impl Ctx {
    /// Where reads that may lag a little (the statistics) go: the replica
    /// when there is one.
    pub fn reads(&self) -> &Db {
        self.replica.as_ref().unwrap_or(&self.db)
    }

    /// Signs and checks pre-sign-in form tokens (follows key rotation).
    pub fn forms(&self) -> FormSigner {
        self.keyring.forms()
    }

    /// Keys the throttle's records of names and references.
    pub fn throttle_keys(&self) -> KeyedHasher {
        self.keyring.throttle_keys()
    }
}
