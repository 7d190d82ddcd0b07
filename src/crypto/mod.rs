//! Keys, the cipher and secret hashing. This is the only module that holds
//! keys or calls the cipher: everything else asks it to seal or open a value.

mod envelope;
mod handle;
mod hashing;
mod keys;
mod people;
mod random;
mod tokens;

pub use envelope::{Aad, Sealed};
pub use handle::KeyringHandle;
pub use hashing::{
    Busy, Checked, HashBuffer, SecretHasher, check_blocking, hash_secret_blocking,
    hash_split_blocking,
};
pub use keys::{AuditKey, DataKey, Keyring, MasterKey, WrappedKey};
pub use people::{PublicKey, RecoveryKey, SecretKey, Seed};
pub use random::{random_bytes, random_decimal_digits, random_symbols};
pub use tokens::{FormSigner, KeyedHasher, digest_token, new_token};

/// A value could not be opened: wrong key, wrong associated data, or the
/// ciphertext was altered. Deliberately carries no detail.
#[derive(Debug, thiserror::Error)]
#[error("ciphertext could not be authenticated")]
pub struct OpenError;
