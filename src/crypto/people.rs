//! Keys held by people rather than by the server.
//!
//! Every staff account, the casework team, each partner group and each
//! report's receipt has an X25519 key pair. Keys are sealed to a public key
//! with HPKE (RFC 9180: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
//! ChaCha20-Poly1305, base mode), so that anyone may seal — a report being
//! filed, a referral being made — while only the holder of the private key
//! opens. The associated data names what a sealed key belongs to, so a
//! sealed key moved to another row fails to open.
//!
//! A private key rests sealed under a [`Seed`]: 32 bytes derived from a
//! person's password or receipt by the same Argon2id run that checks it
//! (see `hashing`), or from a recovery key, or from a session cookie's
//! secret while its owner is signed in.

use hmac::{KeyInit, Mac};
use hpke::kem::X25519HkdfSha256;
use hpke::{Deserializable, Kem, OpModeR, OpModeS, Serializable};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::envelope::{self, Aad};
use super::keys::{DataKey, Keyring};
use super::{OpenError, Sealed, random_bytes};

type Suite = X25519HkdfSha256;
type HpkeAead = hpke::aead::ChaCha20Poly1305;
type HpkeKdf = hpke::kdf::HkdfSha256;

/// The HPKE `info` of every seal: the protocol and its version.
const INFO: &[u8] = b"haven/v1/people-keys";
/// The first byte of a value sealed to a public key.
const VERSION: u8 = 2;
const ENC_LEN: usize = 32;

/// An X25519 public key (safe to store and show).
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey(<Suite as Kem>::PublicKey);

impl PublicKey {
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        <Suite as Kem>::PublicKey::from_bytes(bytes).ok().map(Self)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.to_bytes().to_vec()
    }

    /// Seals `plaintext` so that only the holder of the matching private
    /// key opens it, bound to `aad`.
    pub fn seal(&self, aad: &Aad, plaintext: &[u8]) -> Sealed {
        let (enc, ciphertext) = hpke::single_shot_seal::<HpkeAead, HpkeKdf, Suite>(
            &OpModeS::Base,
            &self.0,
            INFO,
            plaintext,
            aad.as_bytes(),
        )
        .expect("HPKE sealing to a valid X25519 key cannot fail");
        let mut out = Vec::with_capacity(1 + ENC_LEN + ciphertext.len());
        out.push(VERSION);
        out.extend_from_slice(&enc.to_bytes());
        out.extend_from_slice(&ciphertext);
        Sealed::from_stored(out)
    }

    /// Seals data keys (each 32 bytes, in order) to this public key.
    pub fn seal_keys(&self, aad: &Aad, keys: &[&DataKey]) -> Sealed {
        let mut plain = Zeroizing::new(Vec::with_capacity(32 * keys.len()));
        for key in keys {
            plain.extend_from_slice(key.bytes());
        }
        self.seal(aad, &plain)
    }

    /// Seals a private key (a team's, a group's) to this public key.
    pub fn seal_secret(&self, aad: &Aad, secret: &SecretKey) -> Sealed {
        self.seal(aad, &secret.0[..])
    }

    /// A short fingerprint for pages and logs.
    pub fn fingerprint(&self) -> String {
        let digest = <Sha256 as sha2::Digest>::digest(self.to_bytes());
        hex::encode(&digest[..6])
    }
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PublicKey({})", self.fingerprint())
    }
}

/// An X25519 private key in memory; zeroed on drop, never printed.
pub struct SecretKey(Zeroizing<[u8; 32]>);

impl SecretKey {
    /// A fresh random key pair.
    pub fn generate() -> Self {
        Self::from_seed(&Seed(Zeroizing::new(random_bytes::<32>())))
    }

    /// The key pair derived from a seed (RFC 9180's DeriveKeyPair): how a
    /// receipt's key pair is found again from the receipt alone.
    pub fn from_seed(seed: &Seed) -> Self {
        let (sk, _) = Suite::derive_keypair(&seed.0[..]);
        // Written straight into memory that is zeroed on drop.
        let mut key = Self(Zeroizing::new([0u8; 32]));
        sk.write_exact(&mut key.0[..]);
        key
    }

    fn from_bytes(bytes: &[u8]) -> Result<Self, OpenError> {
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| OpenError)?;
        <Suite as Kem>::PrivateKey::from_bytes(&bytes).map_err(|_| OpenError)?;
        Ok(Self(Zeroizing::new(bytes)))
    }

    fn inner(&self) -> <Suite as Kem>::PrivateKey {
        <Suite as Kem>::PrivateKey::from_bytes(&self.0[..]).expect("checked when made")
    }

    pub fn public(&self) -> PublicKey {
        PublicKey(Suite::sk_to_pk(&self.inner()))
    }

    /// Opens a value sealed to this key's public key.
    pub fn open(&self, aad: &Aad, sealed: &Sealed) -> Result<Zeroizing<Vec<u8>>, OpenError> {
        let bytes = sealed.as_bytes();
        if bytes.len() < 1 + ENC_LEN || bytes[0] != VERSION {
            return Err(OpenError);
        }
        let enc = <Suite as Kem>::EncappedKey::from_bytes(&bytes[1..1 + ENC_LEN])
            .map_err(|_| OpenError)?;
        hpke::single_shot_open::<HpkeAead, HpkeKdf, Suite>(
            &OpModeR::Base,
            &self.inner(),
            &enc,
            INFO,
            &bytes[1 + ENC_LEN..],
            aad.as_bytes(),
        )
        .map(Zeroizing::new)
        .map_err(|_| OpenError)
    }

    /// Opens data keys sealed with [`PublicKey::seal_keys`]; `count` says
    /// how many are expected.
    pub fn open_keys(
        &self,
        aad: &Aad,
        sealed: &Sealed,
        count: usize,
    ) -> Result<Vec<DataKey>, OpenError> {
        let plain = self.open(aad, sealed)?;
        if plain.len() != 32 * count {
            return Err(OpenError);
        }
        plain
            .chunks(32)
            .map(|c| DataKey::from_slice(c).ok_or(OpenError))
            .collect()
    }

    /// Opens a private key sealed with [`PublicKey::seal_secret`].
    pub fn open_secret(&self, aad: &Aad, sealed: &Sealed) -> Result<SecretKey, OpenError> {
        let plain = self.open(aad, sealed)?;
        SecretKey::from_bytes(&plain)
    }
}

impl Clone for SecretKey {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

/// 32 bytes of key material that seals a private key at rest: derived from
/// a password or receipt (by Argon2id, see `hashing`), a recovery key or a
/// session cookie's secret. Zeroed on drop.
pub struct Seed(pub(super) Zeroizing<[u8; 32]>);

impl Seed {
    /// The seed of a session, from the secret in its cookie: the session's
    /// row holds only the token's digest, so the row alone opens nothing.
    pub fn of_session_token(token: &str) -> Self {
        Self::derive(token.as_bytes(), "session")
    }

    /// The seed of a sign-in waiting for its second factor, from its
    /// cookie's secret.
    pub fn of_sign_in_token(token: &str) -> Self {
        Self::derive(token.as_bytes(), "sign-in")
    }

    /// Seals another seed under this one (a waiting sign-in holds its
    /// password's seed this way until the second factor is given).
    pub fn seal_seed(&self, aad: &Aad, seed: &Seed) -> Sealed {
        envelope::seal(&self.0, aad, &seed.0[..])
    }

    pub fn open_seed(&self, aad: &Aad, sealed: &Sealed) -> Result<Seed, OpenError> {
        let plain = envelope::open(&self.0, aad, sealed)?;
        let bytes: [u8; 32] = plain[..].try_into().map_err(|_| OpenError)?;
        Ok(Seed(Zeroizing::new(bytes)))
    }

    /// The seed of a reporter's visit, from the visit cookie's secret.
    pub fn of_visit_token(token: &str) -> Self {
        Self::derive(token.as_bytes(), "visit")
    }

    /// The seed of a report written in steps, from the draft's token (held
    /// only by the reporter's open form).
    pub fn of_draft_token(token: &str) -> Self {
        Self::derive(token.as_bytes(), "report-draft")
    }

    /// Seals a value under this seed.
    pub fn seal(&self, aad: &Aad, plaintext: &[u8]) -> Sealed {
        envelope::seal(&self.0, aad, plaintext)
    }

    pub fn open(&self, aad: &Aad, sealed: &Sealed) -> Result<Zeroizing<Vec<u8>>, OpenError> {
        envelope::open(&self.0, aad, sealed)
    }

    pub(super) fn derive(secret: &[u8], label: &str) -> Self {
        let mut mac =
            <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(secret).expect("any key length");
        mac.update(b"haven/v1/seed/");
        mac.update(label.as_bytes());
        Self(Zeroizing::new(mac.finalize().into_bytes().into()))
    }

    /// Seals a private key under this seed.
    pub fn seal_secret(&self, aad: &Aad, secret: &SecretKey) -> Sealed {
        envelope::seal(&self.0, aad, &secret.0[..])
    }

    pub fn open_secret(&self, aad: &Aad, sealed: &Sealed) -> Result<SecretKey, OpenError> {
        let plain = envelope::open(&self.0, aad, sealed)?;
        SecretKey::from_bytes(&plain)
    }

    /// Seals a data key under this seed (a reporter's visit holds its
    /// case's key this way).
    pub fn seal_key(&self, aad: &Aad, key: &DataKey) -> Sealed {
        envelope::seal(&self.0, aad, key.bytes())
    }

    pub fn open_key(&self, aad: &Aad, sealed: &Sealed) -> Result<DataKey, OpenError> {
        let plain = envelope::open(&self.0, aad, sealed)?;
        DataKey::from_slice(&plain).ok_or(OpenError)
    }
}

impl std::fmt::Debug for Seed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Seed(..)")
    }
}

impl Keyring {
    /// Keeps a team's or group's private key under the current master key
    /// until someone can hold it (its escrow); gives the master key's id.
    pub fn escrow_secret(&self, aad: &Aad, secret: &SecretKey) -> (String, Sealed) {
        self.seal_system(aad, &secret.0[..])
    }

    pub fn open_escrow(
        &self,
        key_id: &str,
        aad: &Aad,
        sealed: &Sealed,
    ) -> Result<SecretKey, OpenError> {
        SecretKey::from_bytes(&self.open_system(key_id, aad, sealed)?)
    }

    /// The master key's outer layer over a value sealed to a public key.
    pub fn seal_outer(&self, aad: &Aad, inner: &Sealed) -> (String, Sealed) {
        self.seal_system(&aad.outer(), inner.as_bytes())
    }

    /// Takes off the outer layer: what is left opens only with a private key.
    pub fn open_outer(&self, key_id: &str, aad: &Aad, outer: &Sealed) -> Result<Sealed, OpenError> {
        let inner = self.open_system(key_id, &aad.outer(), outer)?;
        Ok(Sealed::from_stored(inner.to_vec()))
    }

    /// Re-seals an outer layer under the current master key (rotation).
    pub fn reseal_outer(
        &self,
        key_id: &str,
        aad: &Aad,
        outer: &Sealed,
    ) -> Result<(String, Sealed), OpenError> {
        let inner = self.open_outer(key_id, aad, outer)?;
        Ok(self.seal_outer(aad, &inner))
    }

    /// Re-seals an escrow under the current master key (rotation).
    pub fn reseal_escrow(
        &self,
        key_id: &str,
        aad: &Aad,
        sealed: &Sealed,
    ) -> Result<(String, Sealed), OpenError> {
        let secret = self.open_escrow(key_id, aad, sealed)?;
        Ok(self.escrow_secret(aad, &secret))
    }
}

/// The symbols of a recovery key: no 0/O, 1/I/L or U, so that a printed key
/// reads back without doubt (Crockford's base 32).
const RECOVERY_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 30 symbols of 5 bits: 150 bits, more than enough against a search even
/// without a slow hash in front.
const RECOVERY_SYMBOLS: usize = 30;

/// A recovery key: shown once when an account's key pair is made, to be
/// printed or written down; it opens a copy of the private key if the
/// password is forgotten.
pub struct RecoveryKey(Zeroizing<String>);

impl RecoveryKey {
    pub fn generate() -> Self {
        Self(Zeroizing::new(super::random_symbols(
            RECOVERY_SYMBOLS,
            RECOVERY_ALPHABET,
        )))
    }

    /// Reads a recovery key as typed: any case, spaces and dashes ignored,
    /// and the symbols people confuse (O, I, L) taken for what they look like.
    pub fn parse(typed: &str) -> Option<Self> {
        let mut symbols = Zeroizing::new(String::with_capacity(RECOVERY_SYMBOLS));
        for c in typed.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\t' | '\n' | '\r' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !c.is_ascii() || !RECOVERY_ALPHABET.contains(&(c as u8)) {
                return None;
            }
            symbols.push(c);
        }
        (symbols.len() == RECOVERY_SYMBOLS).then_some(Self(symbols))
    }

    /// The key in groups of five, as shown and printed.
    pub fn display(&self) -> Zeroizing<String> {
        let groups: Vec<&str> = self
            .0
            .as_bytes()
            .chunks(5)
            .map(|c| std::str::from_utf8(c).expect("ASCII"))
            .collect();
        Zeroizing::new(groups.join("-"))
    }

    pub fn seed(&self) -> Seed {
        Seed::derive(self.0.as_bytes(), "recovery-key")
    }
}

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_private_key_opens_what_was_sealed_to_its_public_key() {
        let alice = SecretKey::generate();
        let mallory = SecretKey::generate();
        let aad = Aad::case_content("R1");
        let sealed = alice.public().seal(&aad, b"a case key");
        assert_eq!(&alice.open(&aad, &sealed).unwrap()[..], b"a case key");
        assert!(mallory.open(&aad, &sealed).is_err());
        assert!(alice.open(&Aad::case_content("R2"), &sealed).is_err());
        let mut bytes = sealed.as_bytes().to_vec();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        assert!(alice.open(&aad, &Sealed::from_stored(bytes)).is_err());
    }

    #[test]
    fn a_seed_gives_the_same_key_pair_every_time() {
        let seed = Seed::derive(b"a receipt's argon2 output", "receipt");
        assert_eq!(
            SecretKey::from_seed(&seed).public(),
            SecretKey::from_seed(&seed).public()
        );
        let other = Seed::derive(b"another receipt", "receipt");
        assert_ne!(
            SecretKey::from_seed(&seed).public(),
            SecretKey::from_seed(&other).public()
        );
    }

    #[test]
    fn private_keys_and_data_keys_round_trip_through_seals() {
        let team = SecretKey::generate();
        let member = SecretKey::generate();
        let aad = Aad::case_content("x");
        let grant = member.public().seal_secret(&aad, &team);
        let back = member.open_secret(&aad, &grant).unwrap();
        assert_eq!(back.public(), team.public());
        let (a, b) = (DataKey::generate(), DataKey::generate());
        let sealed = team.public().seal_keys(&aad, &[&a, &b]);
        let keys = team.open_keys(&aad, &sealed, 2).unwrap();
        assert_eq!(keys[0].bytes(), a.bytes());
        assert_eq!(keys[1].bytes(), b.bytes());
        assert!(team.open_keys(&aad, &sealed, 1).is_err());
        let seed = Seed::of_session_token("token");
        let at_rest = seed.seal_secret(&aad, &member);
        assert_eq!(
            seed.open_secret(&aad, &at_rest).unwrap().public(),
            member.public()
        );
        assert!(
            Seed::of_session_token("other")
                .open_secret(&aad, &at_rest)
                .is_err()
        );
    }

    #[test]
    fn a_recovery_key_reads_back_as_typed() {
        let key = RecoveryKey::generate();
        let shown = key.display();
        assert_eq!(shown.len(), 30 + 5);
        let typed = shown.to_lowercase().replace('-', " ");
        let again = RecoveryKey::parse(&typed).unwrap();
        assert_eq!(again.display().as_str(), shown.as_str());
        assert!(RecoveryKey::parse("short").is_none());
        assert!(RecoveryKey::parse(&format!("{}!", &shown[..34])).is_none());
        let aad = Aad::case_content("x");
        let secret = SecretKey::generate();
        let sealed = key.seed().seal_secret(&aad, &secret);
        assert_eq!(
            again.seed().open_secret(&aad, &sealed).unwrap().public(),
            secret.public()
        );
    }
}
