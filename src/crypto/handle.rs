//! The keyring of a running instance, re-read when the key file changes
//! (after `haven keys rotate`), so that rotation needs no restart.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use zeroize::Zeroizing;

use super::{
    Aad, AuditKey, DataKey, FormSigner, KeyedHasher, Keyring, OpenError, Sealed, WrappedKey,
};

struct Snapshot {
    keyring: Arc<Keyring>,
    forms: FormSigner,
    devices: FormSigner,
    throttle_keys: KeyedHasher,
    modified: Option<SystemTime>,
}

impl Snapshot {
    fn new(keyring: Keyring, modified: Option<SystemTime>) -> Self {
        Self {
            forms: FormSigner::new(&keyring),
            devices: FormSigner::stable(&keyring, "known-device"),
            throttle_keys: KeyedHasher::new(&keyring, "sign-in"),
            keyring: Arc::new(keyring),
            modified,
        }
    }
}

pub struct KeyringHandle {
    path: PathBuf,
    snapshot: RwLock<Snapshot>,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl KeyringHandle {
    pub fn new(path: &Path, keyring: Keyring) -> Self {
        Self {
            path: path.to_path_buf(),
            snapshot: RwLock::new(Snapshot::new(keyring, modified(path))),
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Snapshot> {
        self.snapshot.read().unwrap_or_else(|p| p.into_inner())
    }

    /// The keyring as it is now.
    pub fn get(&self) -> Arc<Keyring> {
        self.read().keyring.clone()
    }

    pub fn forms(&self) -> FormSigner {
        self.read().forms.clone()
    }

    /// Signs known-device cookies (valid for months, across rotations).
    pub fn devices(&self) -> FormSigner {
        self.read().devices.clone()
    }

    pub fn throttle_keys(&self) -> KeyedHasher {
        self.read().throttle_keys.clone()
    }

    /// Re-reads the key file if it changed; true when it did.
    pub fn reload_if_changed(&self) -> anyhow::Result<bool> {
        let now = modified(&self.path);
        if now.is_none() || now == self.read().modified {
            return Ok(false);
        }
        let keyring = Keyring::load(&self.path, false)?;
        *self.snapshot.write().unwrap_or_else(|p| p.into_inner()) = Snapshot::new(keyring, now);
        Ok(true)
    }

    /// The audit chain's key (the same before and after any rotation).
    pub fn audit_key(&self) -> AuditKey {
        self.get().audit_key()
    }

    pub fn wrap(&self, data_key: &DataKey, reference: &str) -> WrappedKey {
        self.get().wrap(data_key, reference)
    }

    pub fn unwrap(&self, wrapped: &WrappedKey, reference: &str) -> Result<DataKey, OpenError> {
        self.get().unwrap(wrapped, reference)
    }

    pub fn seal_system(&self, aad: &Aad, plaintext: &[u8]) -> (String, Sealed) {
        self.get().seal_system(aad, plaintext)
    }

    pub fn open_system(
        &self,
        key_id: &str,
        aad: &Aad,
        sealed: &Sealed,
    ) -> Result<Zeroizing<Vec<u8>>, OpenError> {
        self.get().open_system(key_id, aad, sealed)
    }

    pub fn seal_transient(&self, aad: &Aad, plaintext: &[u8]) -> Sealed {
        self.get().seal_transient(aad, plaintext)
    }

    pub fn open_transient(
        &self,
        aad: &Aad,
        sealed: &Sealed,
    ) -> Result<Zeroizing<Vec<u8>>, OpenError> {
        self.get().open_transient(aad, sealed)
    }
}
