//! What every handler can reach.

use std::sync::Arc;

use crate::config::Config;
use crate::crypto::{FormSigner, Keyring, SecretHasher};
use crate::db::Db;

#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub db: Db,
    pub keyring: Arc<Keyring>,
    pub hasher: SecretHasher,
    pub forms: FormSigner,
}
