//! The envelope format for values stored at rest: version byte, a random
//! 192-bit nonce, then XChaCha20-Poly1305 ciphertext and tag. The associated
//! data names the row and column, so a ciphertext moved to another row or
//! column fails to open.

use chacha20poly1305::aead::{Aead, Generate, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use super::OpenError;
pub use crate::db::Sealed;

const VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;

/// Associated data: which value a ciphertext belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aad(String);

impl Aad {
    pub fn case_key(reference: &str) -> Self {
        Self(format!("haven/v1/case/{reference}/data-key"))
    }
    pub fn case_content(reference: &str) -> Self {
        Self(format!("haven/v1/case/{reference}/content"))
    }
    pub fn evidence_name(reference: &str, evidence_id: &str) -> Self {
        Self(format!(
            "haven/v1/case/{reference}/evidence/{evidence_id}/name"
        ))
    }
    pub fn evidence_bytes(reference: &str, evidence_id: &str) -> Self {
        Self(format!(
            "haven/v1/case/{reference}/evidence/{evidence_id}/bytes"
        ))
    }
    pub fn case_note(reference: &str, note_id: &str) -> Self {
        Self(format!("haven/v1/case/{reference}/note/{note_id}"))
    }
    pub fn referral_summary(reference: &str, referral_id: &str) -> Self {
        Self(format!(
            "haven/v1/case/{reference}/referral/{referral_id}/summary"
        ))
    }
    pub fn referral_reason(reference: &str, referral_id: &str) -> Self {
        Self(format!(
            "haven/v1/case/{reference}/referral/{referral_id}/decline-reason"
        ))
    }
    pub fn referral_update(reference: &str, referral_id: &str, update_id: i64) -> Self {
        Self(format!(
            "haven/v1/case/{reference}/referral/{referral_id}/update/{update_id}"
        ))
    }
    pub fn case_message(reference: &str, message_id: &str) -> Self {
        Self(format!("haven/v1/case/{reference}/message/{message_id}"))
    }
    pub fn totp_secret(user_id: i64) -> Self {
        Self(format!("haven/v1/user/{user_id}/totp"))
    }
    pub fn outbox_secret(message_id: &str) -> Self {
        Self(format!("haven/v1/outbox/{message_id}/secret"))
    }
    /// The sealed clock of a reporter's visit, bound to its token digest.
    pub fn visit_clock(token_digest: &[u8]) -> Self {
        Self(format!(
            "haven/v1/visit/{}/clock",
            hex::encode(token_digest)
        ))
    }
    pub fn receipt_cookie() -> Self {
        Self("haven/v1/receipt-cookie".into())
    }
    pub fn device_handoff() -> Self {
        Self("haven/v1/device-handoff".into())
    }
    /// A case's data keys sealed to the casework team's key.
    pub fn case_team_keys(reference: &str) -> Self {
        Self(format!("haven/v1/case/{reference}/keys/team"))
    }
    /// A case's data key sealed to its receipt's key.
    pub fn case_receipt_key(reference: &str) -> Self {
        Self(format!("haven/v1/case/{reference}/keys/receipt"))
    }
    /// A referral's key sealed to `holder` ("team" or "group").
    pub fn referral_key(reference: &str, referral_id: &str, holder: &str) -> Self {
        Self(format!(
            "haven/v1/case/{reference}/referral/{referral_id}/key/{holder}"
        ))
    }
    /// A team's or group's private key granted to an account.
    pub fn shared_key_grant(shared_key_id: i64, user_id: i64) -> Self {
        Self(format!(
            "haven/v1/shared-key/{shared_key_id}/grant/{user_id}"
        ))
    }
    /// A team's or group's private key held under the master key until it
    /// has a holder.
    pub fn shared_key_escrow(shared_key_id: i64) -> Self {
        Self(format!("haven/v1/shared-key/{shared_key_id}/escrow"))
    }
    /// The key of the identifiers' blind indexes, sealed to a casework
    /// team key.
    pub fn link_key() -> Self {
        Self("haven/v1/link-key/team".into())
    }
    /// An account's private key under its password's seed.
    pub fn account_key(user_id: i64) -> Self {
        Self(format!("haven/v1/user/{user_id}/key/password"))
    }
    /// An account's private key under its recovery key.
    pub fn account_recovery_key(user_id: i64) -> Self {
        Self(format!("haven/v1/user/{user_id}/key/recovery"))
    }
    /// The password's seed of a sign-in waiting for its second factor,
    /// under the seed of the waiting sign-in's cookie.
    pub fn sign_in_seed(user_id: i64, token_digest: &[u8]) -> Self {
        Self(format!(
            "haven/v1/user/{user_id}/sign-in/{}/seed",
            hex::encode(token_digest)
        ))
    }
    /// A signed-in account's private key under its session cookie's seed.
    pub fn session_key(token_digest: &[u8]) -> Self {
        Self(format!(
            "haven/v1/session/{}/key",
            hex::encode(token_digest)
        ))
    }
    /// A case key under a reporter's visit cookie's seed.
    pub fn visit_key(token_digest: &[u8]) -> Self {
        Self(format!("haven/v1/visit/{}/key", hex::encode(token_digest)))
    }
    /// A report draft's answers, under the draft token's seed.
    pub fn report_draft(token_digest: &[u8]) -> Self {
        Self(format!(
            "haven/v1/draft/{}/answers",
            hex::encode(token_digest)
        ))
    }
    /// A report draft's file (`part` is `name` or `bytes`).
    pub fn report_draft_file(token_digest: &[u8], label: &str, part: &str) -> Self {
        Self(format!(
            "haven/v1/draft/{}/file/{label}/{part}",
            hex::encode(token_digest)
        ))
    }
    /// The master key's outer layer over a value sealed to a person's key:
    /// rotating the master key and retiring the old one makes copies in
    /// older backups unopenable even to the person.
    pub fn outer(&self) -> Self {
        Self(format!("{}/outer", self.0))
    }
    pub(super) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

pub(super) fn seal(key: &[u8; 32], aad: &Aad, plaintext: &[u8]) -> Sealed {
    let cipher = XChaCha20Poly1305::new_from_slice(key).expect("key is 32 bytes");
    let nonce = XNonce::generate();
    let ciphertext = cipher
        .encrypt(
            &nonce,
            Payload {
                msg: plaintext,
                aad: aad.as_bytes(),
            },
        )
        .expect("XChaCha20-Poly1305 encryption cannot fail for in-memory buffers");
    let mut out = Vec::with_capacity(1 + NONCE_LEN + ciphertext.len());
    out.push(VERSION);
    out.extend_from_slice(nonce.as_slice());
    out.extend_from_slice(&ciphertext);
    Sealed::from_stored(out)
}

pub(super) fn open(
    key: &[u8; 32],
    aad: &Aad,
    sealed: &Sealed,
) -> Result<Zeroizing<Vec<u8>>, OpenError> {
    let bytes = sealed.as_bytes();
    if bytes.len() < 1 + NONCE_LEN + TAG_LEN || bytes[0] != VERSION {
        return Err(OpenError);
    }
    let cipher = XChaCha20Poly1305::new_from_slice(key).map_err(|_| OpenError)?;
    let nonce = XNonce::try_from(&bytes[1..1 + NONCE_LEN]).map_err(|_| OpenError)?;
    cipher
        .decrypt(
            &nonce,
            Payload {
                msg: &bytes[1 + NONCE_LEN..],
                aad: aad.as_bytes(),
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| OpenError)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [7; 32];

    #[test]
    fn round_trip() {
        let aad = Aad::case_content("ABCD-EFGH");
        let sealed = seal(&KEY, &aad, b"they followed me home");
        assert_eq!(
            &open(&KEY, &aad, &sealed).unwrap()[..],
            b"they followed me home"
        );
    }

    #[test]
    fn ciphertext_does_not_contain_plaintext_and_nonces_differ() {
        let aad = Aad::case_content("ABCD-EFGH");
        let a = seal(&KEY, &aad, b"plain words here");
        let b = seal(&KEY, &aad, b"plain words here");
        assert_ne!(a, b);
        assert!(!a.as_bytes().windows(5).any(|w| w == b"plain"));
    }

    #[test]
    fn tampered_ciphertext_is_rejected() {
        let aad = Aad::case_content("ABCD-EFGH");
        let sealed = seal(&KEY, &aad, b"secret");
        for i in 0..sealed.len() {
            let mut bytes = sealed.as_bytes().to_vec();
            bytes[i] ^= 0x01;
            assert!(
                open(&KEY, &aad, &Sealed::from_stored(bytes)).is_err(),
                "flip at byte {i}"
            );
        }
        let truncated = Sealed::from_stored(sealed.as_bytes()[..sealed.len() - 1].to_vec());
        assert!(open(&KEY, &aad, &truncated).is_err());
    }

    #[test]
    fn wrong_associated_data_is_rejected() {
        let sealed = seal(&KEY, &Aad::case_content("ABCD-EFGH"), b"secret");
        assert!(open(&KEY, &Aad::case_content("ABCD-EFGJ"), &sealed).is_err());
        assert!(open(&KEY, &Aad::case_key("ABCD-EFGH"), &sealed).is_err());
    }

    #[test]
    fn wrong_key_is_rejected() {
        let aad = Aad::case_content("ABCD-EFGH");
        let sealed = seal(&KEY, &aad, b"secret");
        assert!(open(&[8; 32], &aad, &sealed).is_err());
    }

    #[test]
    fn debug_does_not_print_bytes() {
        let sealed = seal(&KEY, &Aad::case_content("R"), b"x");
        assert_eq!(
            format!("{sealed:?}"),
            format!("Sealed({} bytes)", sealed.len())
        );
    }
}
