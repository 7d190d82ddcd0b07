//! What every handler can reach.

use std::sync::Arc;

use crate::config::Config;
use crate::auth::throttle::SourceLimiter;
use crate::crypto::{FormSigner, KeyedHasher, Keyring, SecretHasher};
use crate::db::Db;

#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub db: Db,
    pub keyring: Arc<Keyring>,
    pub hasher: SecretHasher,
    pub forms: FormSigner,
    pub throttle_keys: KeyedHasher,
    pub sources: Arc<SourceLimiter>,
    pub follow_up_sources: Arc<SourceLimiter>,
}
