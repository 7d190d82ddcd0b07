//! Random bearer tokens (sessions, links) and signed form tokens.
//!
//! Bearer tokens are stored only as SHA-256 digests, so a database copy does
//! not yield a usable session. Forms shown before sign-in (intake, follow-up,
//! the sign-in form) carry a token signed with a key derived from the master
//! key: it proves the form came from Haven recently, without any server-side
//! state or cookie about the visitor.

use hmac::{KeyInit, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use super::{Keyring, random_bytes};

/// A fresh 256-bit token, hex encoded.
pub fn new_token() -> String {
    hex::encode(random_bytes::<32>())
}

/// The digest under which a bearer token is stored.
pub fn digest_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Signs and checks the tokens of forms shown before sign-in. Tokens are
/// signed with a key derived from the current master key and accepted
/// under any key of the keyring, so a key rotation does not void forms
/// already on someone's screen.
#[derive(Clone)]
pub struct FormSigner {
    keys: Vec<Zeroizing<[u8; 32]>>,
}

impl FormSigner {
    pub fn new(keyring: &Keyring) -> Self {
        Self {
            keys: keyring.derive_all("form-token"),
        }
    }

    /// A signer whose key survives master-key rotation (see
    /// `Keyring::derive_stable`): for tokens that live for months.
    pub fn stable(keyring: &Keyring, label: &str) -> Self {
        Self {
            keys: vec![keyring.derive_stable(&format!("signer/{label}"))],
        }
    }

    fn mac_with(&self, key: &[u8; 32], purpose: &str, issued: i64, nonce: &str) -> String {
        let mut mac =
            <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(&key[..]).expect("any key length");
        mac.update(purpose.as_bytes());
        mac.update(b"/");
        mac.update(issued.to_string().as_bytes());
        mac.update(b"/");
        mac.update(nonce.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// A token for a form of `purpose`, issued at `now` (Unix seconds). A
    /// random nonce makes every token distinct, so that a token can be
    /// single-use: two forms shown in the same second differ.
    pub fn issue(&self, purpose: &str, now: i64) -> String {
        let nonce = hex::encode(random_bytes::<16>());
        let mac = self.mac_with(&self.keys[0], purpose, now, &nonce);
        format!("{now}.{nonce}.{mac}")
    }

    /// When `token` was issued, if it was issued by us for `purpose` within
    /// `max_age_secs`.
    pub fn verified_issue_time(
        &self,
        purpose: &str,
        token: &str,
        now: i64,
        max_age_secs: i64,
    ) -> Option<i64> {
        let mut parts = token.split('.');
        let (Some(issued), Some(nonce), Some(mac), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        let text = issued;
        let issued = issued.parse::<i64>().ok()?;
        // Only the form we wrote: `0123`, `+123` or an upper-case MAC would
        // verify the same but differ as text, and a single-use token is
        // spent by its text.
        if issued.to_string() != text
            || nonce.len() != 32
            || !nonce
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        {
            return None;
        }
        if issued > now + 60 || now - issued > max_age_secs {
            return None;
        }
        self.keys
            .iter()
            .any(|key| {
                bool::from(
                    self.mac_with(key, purpose, issued, nonce)
                        .as_bytes()
                        .ct_eq(mac.as_bytes()),
                )
            })
            .then_some(issued)
    }

    /// Whether `token` was issued by us for `purpose` within `max_age_secs`.
    pub fn verify(&self, purpose: &str, token: &str, now: i64, max_age_secs: i64) -> bool {
        self.verified_issue_time(purpose, token, now, max_age_secs)
            .is_some()
    }
}

/// A keyed hash (HMAC-SHA256 under a key derived from the master key):
/// stable for a value, useless to anyone without the key. Used where a
/// value must be recognised but not stored (the email address typed at
/// sign-in, for throttling).
#[derive(Clone)]
pub struct KeyedHasher {
    key: Zeroizing<[u8; 32]>,
}

impl KeyedHasher {
    /// Keyed by the key file's stable secret, so that records keyed today
    /// are found again after a master-key rotation.
    pub fn new(keyring: &Keyring, label: &str) -> Self {
        Self {
            key: keyring.derive_stable(&format!("keyed-hash/{label}")),
        }
    }

    pub fn digest(&self, value: &str) -> Vec<u8> {
        let mut mac =
            <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(&self.key[..]).expect("any key length");
        mac.update(value.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::MasterKey;

    fn signer() -> FormSigner {
        FormSigner::new(&Keyring::new(vec![MasterKey::generate()]).unwrap())
    }

    #[test]
    fn only_the_token_as_written_verifies() {
        let s = signer();
        let token = s.issue("report", 1_000);
        assert!(s.verify("report", &token, 1_000, 60));
        let (issued, rest) = token.split_once('.').unwrap();
        for variant in [
            format!("0{issued}.{rest}"),
            format!("+{issued}.{rest}"),
            format!("{issued}.{}", rest.to_uppercase()),
        ] {
            assert!(!s.verify("report", &variant, 1_000, 60), "{variant}");
        }
    }

    #[test]
    fn form_tokens_verify_for_their_purpose_and_age_only() {
        let s = signer();
        let t = s.issue("report", 1_000_000);
        assert!(s.verify("report", &t, 1_000_100, 3600));
        assert!(!s.verify("login", &t, 1_000_100, 3600));
        assert!(!s.verify("report", &t, 1_010_000, 3600));
        assert!(!s.verify("report", "", 1_000_100, 3600));
        assert!(!s.verify("report", "1000000.00", 1_000_100, 3600));
        assert!(!s.verify("report", &format!("{t}.00"), 1_000_100, 3600));
        assert_ne!(
            s.issue("report", 1_000_000),
            t,
            "tokens issued in the same second differ"
        );
        let (issued, rest) = t.split_once('.').unwrap();
        let (_, mac) = rest.split_once('.').unwrap();
        assert!(
            !s.verify(
                "report",
                &format!("{issued}.{}.{mac}", "0".repeat(32)),
                1_000_100,
                3600
            ),
            "the nonce is signed"
        );
        assert!(
            !signer().verify("report", &t, 1_000_100, 3600),
            "another key must not verify"
        );
    }

    #[test]
    fn tokens_are_random_and_digests_stable() {
        assert_ne!(new_token(), new_token());
        assert_eq!(digest_token("a"), digest_token("a"));
        assert_eq!(new_token().len(), 64);
    }
}
