//! The master keyring and per-case data keys.
//!
//! Each case has its own random data key, stored only wrapped (sealed) by a
//! master key. Deleting a case's row destroys its data key, so the case stays
//! unreadable in old backups even to someone who holds the master key.
//!
//! The key file holds one master key per line (64 hex digits); the first is
//! current and wraps new keys, the others only unwrap, which is how
//! `haven keys rotate` works without downtime. Lines starting with `#` are
//! comments.
//!
//! The audit chain is signed with a key that must outlive every master
//! key, or rotation would make old entries unverifiable. So it is a secret
//! of its own, on a line `audit:<64 hex digits>`. A key file without that
//! line (one made by hand) signs with a key derived from its first master
//! key, and `haven keys rotate` writes that derived key out as the `audit:`
//! line before it puts a new master key first: the chain's key never
//! changes.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use hmac::{KeyInit, Mac};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::envelope::{self, Aad, Sealed};
use super::{OpenError, random_bytes};

/// One master key and its public identifier (a hash prefix, safe to store).
pub struct MasterKey {
    id: String,
    key: Zeroizing<[u8; 32]>,
}

impl MasterKey {
    pub fn generate() -> Self {
        Self::from_bytes(random_bytes::<32>())
    }

    fn from_bytes(bytes: [u8; 32]) -> Self {
        let digest = Sha256::new_with_prefix(b"haven/v1/master-key-id/")
            .chain_update(bytes)
            .finalize();
        Self {
            id: hex::encode(&digest[..8]),
            key: Zeroizing::new(bytes),
        }
    }

    fn parse(line: &str) -> anyhow::Result<Self> {
        let bytes =
            Zeroizing::new(hex::decode(line.trim()).context("a key line is not hexadecimal")?);
        let bytes: [u8; 32] = bytes[..]
            .try_into()
            .ok()
            .context("a key line is not 64 hex digits (32 bytes)")?;
        Ok(Self::from_bytes(bytes))
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    fn to_line(&self) -> Zeroizing<String> {
        Zeroizing::new(hex::encode(&self.key[..]))
    }
}

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MasterKey({})", self.id)
    }
}

/// A case's data key, wrapped by a master key, as stored beside the case.
#[derive(Clone, Debug)]
pub struct WrappedKey {
    pub master_key_id: String,
    pub sealed: Sealed,
}

/// A case's data key in memory; zeroed on drop.
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    pub fn generate() -> Self {
        Self(Zeroizing::new(random_bytes::<32>()))
    }

    pub fn seal(&self, aad: &Aad, plaintext: &[u8]) -> Sealed {
        envelope::seal(&self.0, aad, plaintext)
    }

    pub(super) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    pub(super) fn from_slice(bytes: &[u8]) -> Option<Self> {
        let key: [u8; 32] = bytes.try_into().ok()?;
        Some(Self(Zeroizing::new(key)))
    }

    pub fn open(&self, aad: &Aad, sealed: &Sealed) -> Result<Zeroizing<Vec<u8>>, OpenError> {
        envelope::open(&self.0, aad, sealed)
    }
}

/// The key that signs the audit chain (HMAC-SHA256). It only signs and
/// checks; its bytes never leave this module.
pub struct AuditKey(Zeroizing<[u8; 32]>);

impl AuditKey {
    fn mac(&self, previous: &[u8], entry: &[u8]) -> hmac::Hmac<Sha256> {
        let mut mac =
            <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(&self.0[..]).expect("any key length");
        mac.update(b"haven/v1/audit-entry/");
        mac.update(&(previous.len() as u64).to_be_bytes());
        mac.update(previous);
        mac.update(entry);
        mac
    }

    /// The MAC of an entry chained to its predecessor's MAC.
    pub fn sign(&self, previous: &[u8], entry: &[u8]) -> Vec<u8> {
        self.mac(previous, entry).finalize().into_bytes().to_vec()
    }

    /// Whether `mac` is the MAC of this entry (in constant time).
    pub fn verify(&self, previous: &[u8], entry: &[u8], mac: &[u8]) -> bool {
        self.mac(previous, entry).verify_slice(mac).is_ok()
    }
}

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(..)")
    }
}

const AUDIT_LINE: &str = "audit:";

/// The master keys: the current one first, older ones kept for unwrapping
/// until rotation has re-wrapped every case key; and the audit secret, when
/// the file names one.
pub struct Keyring {
    keys: Vec<MasterKey>,
    audit: Option<Zeroizing<[u8; 32]>>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.keys.iter().map(|k| k.id()))
            .finish()
    }
}

impl Keyring {
    pub fn new(keys: Vec<MasterKey>) -> anyhow::Result<Self> {
        if keys.is_empty() {
            bail!("the keyring has no key");
        }
        Ok(Self { keys, audit: None })
    }

    /// Reads the key file; when it is missing and `create` is set (local
    /// development), writes a fresh key there first, readable by the owner only.
    pub fn load(path: &Path, create: bool) -> anyhow::Result<Self> {
        if !path.exists() {
            if !create {
                bail!(
                    "the master key file {} does not exist: create it with \
                     `head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \\n' > {}` \
                     (and keep a copy somewhere safe), or set HAVEN_DEV=1 to have one made",
                    path.display(),
                    path.display()
                );
            }
            let mut fresh = Self::new(vec![MasterKey::generate()])?;
            fresh.audit = Some(Zeroizing::new(random_bytes::<32>()));
            fresh.save(path)?;
            tracing::info!(path = %path.display(), "created a new master key file");
        }
        let text = Zeroizing::new(
            std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the master key file {}", path.display()))?,
        );
        let malformed = || format!("the master key file {} is malformed", path.display());
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let keys = lines
            .iter()
            .filter(|l| !l.starts_with(AUDIT_LINE))
            .map(|l| MasterKey::parse(l))
            .collect::<anyhow::Result<Vec<_>>>()
            .with_context(malformed)?;
        let mut audit = lines.iter().filter_map(|l| l.strip_prefix(AUDIT_LINE));
        let mut ring = Self::new(keys)?;
        if let Some(line) = audit.next() {
            if audit.next().is_some() {
                bail!("{}: more than one audit: line", malformed());
            }
            ring.audit = Some(MasterKey::parse(line).with_context(malformed)?.key);
        }
        Ok(ring)
    }

    /// Writes the keyring to `path` atomically with mode 0600.
    pub fn save(&self, path: &Path) -> anyhow::Result<()> {
        use std::os::unix::fs::OpenOptionsExt;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        let tmp = path.with_extension("tmp");
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        writeln!(
            file,
            "# Haven master keys: the first line is current. Keep this file secret and backed up."
        )?;
        for key in &self.keys {
            writeln!(file, "{}", key.to_line().as_str())?;
        }
        if let Some(audit) = &self.audit {
            writeln!(file, "# The audit chain's key: never change it.")?;
            writeln!(
                file,
                "{AUDIT_LINE}{}",
                Zeroizing::new(hex::encode(&audit[..])).as_str()
            )?;
        }
        file.sync_all()?;
        std::fs::rename(&tmp, path)
            .with_context(|| format!("cannot replace {}", path.display()))?;
        Ok(())
    }

    pub fn current(&self) -> &MasterKey {
        &self.keys[0]
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(MasterKey::id)
    }

    /// Puts a new current key in front of the others, first pinning the
    /// audit key so that it stays what it was.
    pub fn push_new_current(&mut self) -> &MasterKey {
        if self.audit.is_none() {
            self.audit = Some(derive(self.current(), "audit"));
        }
        self.keys.insert(0, MasterKey::generate());
        &self.keys[0]
    }

    /// Adds a new key at the end, not in use yet: it becomes current later
    /// (`make_current`), once every host has the file with it.
    pub fn push_spare(&mut self) -> &MasterKey {
        if self.audit.is_none() {
            self.audit = Some(derive(self.current(), "audit"));
        }
        self.keys.push(MasterKey::generate());
        self.keys.last().expect("a key was just added")
    }

    /// Puts the key `id` in front; whether the file has it.
    pub fn make_current(&mut self, id: &str) -> bool {
        let Some(at) = self.keys.iter().position(|k| k.id() == id) else {
            return false;
        };
        if self.audit.is_none() {
            self.audit = Some(derive(self.current(), "audit"));
        }
        let key = self.keys.remove(at);
        self.keys.insert(0, key);
        true
    }

    /// Drops every key but the current one.
    pub fn retain_current_only(&mut self) {
        self.keys.truncate(1);
    }

    /// The key that signs the audit chain: the file's `audit:` secret, or
    /// one derived from the first master key when the file has none.
    pub fn audit_key(&self) -> AuditKey {
        AuditKey(match &self.audit {
            Some(secret) => secret.clone(),
            None => derive(self.current(), "audit"),
        })
    }

    pub fn wrap(&self, data_key: &DataKey, reference: &str) -> WrappedKey {
        let current = self.current();
        WrappedKey {
            master_key_id: current.id.clone(),
            sealed: envelope::seal(&current.key, &Aad::case_key(reference), &data_key.0[..]),
        }
    }

    pub fn unwrap(&self, wrapped: &WrappedKey, reference: &str) -> Result<DataKey, OpenError> {
        let master = self
            .keys
            .iter()
            .find(|k| k.id == wrapped.master_key_id)
            .ok_or(OpenError)?;
        let bytes = envelope::open(&master.key, &Aad::case_key(reference), &wrapped.sealed)?;
        let key: [u8; 32] = bytes[..].try_into().map_err(|_| OpenError)?;
        Ok(DataKey(Zeroizing::new(key)))
    }

    /// A key for a purpose other than wrapping (form signing, the receipt
    /// cookie), derived from the current master key with HMAC-SHA256.
    pub(super) fn derive(&self, label: &str) -> Zeroizing<[u8; 32]> {
        derive(self.current(), label)
    }

    /// A key for `label` that stays the same across master-key rotation:
    /// derived from the key file's stable secret (the one that keys the
    /// audit chain, pinned before the first rotation). For what must
    /// outlive a rotation and protects nothing at rest: the keyed hashes of
    /// throttle records and the known-device cookie's signature.
    pub(super) fn derive_stable(&self, label: &str) -> Zeroizing<[u8; 32]> {
        let secret = match &self.audit {
            Some(secret) => secret.clone(),
            None => derive(self.current(), "audit"),
        };
        let mut mac =
            <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(&secret[..]).expect("any key length");
        mac.update(b"haven/v1/derive-stable/");
        mac.update(label.as_bytes());
        Zeroizing::new(mac.finalize().into_bytes().into())
    }

    /// The key for `label` under every master key, current first.
    pub(super) fn derive_all(&self, label: &str) -> Vec<Zeroizing<[u8; 32]>> {
        self.keys.iter().map(|k| derive(k, label)).collect()
    }

    /// Seals a secret that belongs to no case (a TOTP secret, a link in a
    /// queued email) under a key derived from the current master key; the
    /// returned id says which master key, so rotation can re-seal it.
    pub fn seal_system(&self, aad: &Aad, plaintext: &[u8]) -> (String, Sealed) {
        let current = self.current();
        (
            current.id.clone(),
            envelope::seal(&derive(current, "system"), aad, plaintext),
        )
    }

    pub fn open_system(
        &self,
        key_id: &str,
        aad: &Aad,
        sealed: &Sealed,
    ) -> Result<Zeroizing<Vec<u8>>, OpenError> {
        let master = self.keys.iter().find(|k| k.id == key_id).ok_or(OpenError)?;
        envelope::open(&derive(master, "system"), aad, sealed)
    }

    /// Seals a short-lived value that leaves the server (the receipt cookie).
    pub fn seal_transient(&self, aad: &Aad, plaintext: &[u8]) -> Sealed {
        envelope::seal(&self.derive("transient"), aad, plaintext)
    }

    pub fn open_transient(
        &self,
        aad: &Aad,
        sealed: &Sealed,
    ) -> Result<Zeroizing<Vec<u8>>, OpenError> {
        self.derive_all("transient")
            .iter()
            .find_map(|k| envelope::open(k, aad, sealed).ok())
            .ok_or(OpenError)
    }
}

fn derive(master: &MasterKey, label: &str) -> Zeroizing<[u8; 32]> {
    let mut mac =
        <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(&master.key[..]).expect("any key length");
    mac.update(b"haven/v1/derive/");
    mac.update(label.as_bytes());
    Zeroizing::new(mac.finalize().into_bytes().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_secrets_open_under_the_key_that_sealed_them() {
        let mut ring = Keyring::new(vec![MasterKey::generate()]).unwrap();
        let aad = Aad::totp_secret(7);
        let (id, sealed) = ring.seal_system(&aad, b"JBSWY3DPEHPK3PXP");
        ring.push_new_current();
        assert_eq!(
            &ring.open_system(&id, &aad, &sealed).unwrap()[..],
            b"JBSWY3DPEHPK3PXP"
        );
        assert!(
            ring.open_system(&id, &Aad::totp_secret(8), &sealed)
                .is_err()
        );
        ring.retain_current_only();
        assert!(ring.open_system(&id, &aad, &sealed).is_err());
    }

    #[test]
    fn wrap_and_unwrap_a_case_key() {
        let ring = Keyring::new(vec![MasterKey::generate()]).unwrap();
        let dk = DataKey::generate();
        let sealed = dk.seal(&Aad::case_content("R1"), b"narrative");
        let wrapped = ring.wrap(&dk, "R1");
        let back = ring.unwrap(&wrapped, "R1").unwrap();
        assert_eq!(
            &back.open(&Aad::case_content("R1"), &sealed).unwrap()[..],
            b"narrative"
        );
        assert!(
            ring.unwrap(&wrapped, "R2").is_err(),
            "a key moved to another case must not unwrap"
        );
    }

    #[test]
    fn rotation_keeps_old_keys_readable_until_rewrapped() {
        let mut ring = Keyring::new(vec![MasterKey::generate()]).unwrap();
        let dk = DataKey::generate();
        let old = ring.wrap(&dk, "R1");
        ring.push_new_current();
        let dk = ring.unwrap(&old, "R1").unwrap();
        let new = ring.wrap(&dk, "R1");
        assert_ne!(new.master_key_id, old.master_key_id);
        ring.retain_current_only();
        assert!(ring.unwrap(&old, "R1").is_err());
        assert!(ring.unwrap(&new, "R1").is_ok());
    }

    #[test]
    fn key_file_round_trip_and_creation() {
        let dir = std::env::temp_dir().join(format!(
            "haven-key-test-{}",
            hex::encode(random_bytes::<8>())
        ));
        let path = dir.join("master.key");
        assert!(Keyring::load(&path, false).is_err());
        let ring = Keyring::load(&path, true).unwrap();
        let again = Keyring::load(&path, false).unwrap();
        assert_eq!(ring.current().id(), again.current().id());
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_audit_key_survives_rotation_and_retirement() {
        let dir = std::env::temp_dir().join(format!(
            "haven-audit-key-test-{}",
            hex::encode(random_bytes::<8>())
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("master.key");
        // A key file made by hand: one master key, no audit line.
        std::fs::write(&path, hex::encode(random_bytes::<32>())).unwrap();
        let signed = Keyring::load(&path, false)
            .unwrap()
            .audit_key()
            .sign(b"", b"entry");
        let mut ring = Keyring::load(&path, false).unwrap();
        ring.push_new_current();
        ring.save(&path).unwrap();
        let mut ring = Keyring::load(&path, false).unwrap();
        ring.retain_current_only();
        ring.save(&path).unwrap();
        let ring = Keyring::load(&path, false).unwrap();
        assert!(ring.audit_key().verify(b"", b"entry", &signed));
        assert!(!ring.audit_key().verify(b"", b"other", &signed));
        assert!(!ring.audit_key().verify(b"x", b"entry", &signed));
        // A new master key alone would not verify it.
        let other = Keyring::new(vec![MasterKey::generate()]).unwrap();
        assert!(!other.audit_key().verify(b"", b"entry", &signed));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn debug_shows_ids_only() {
        let ring = Keyring::new(vec![MasterKey::generate()]).unwrap();
        let line = ring.current().to_line();
        assert!(!format!("{ring:?}").contains(line.as_str()));
    }
}
