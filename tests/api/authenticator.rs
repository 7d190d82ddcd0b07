//! A software authenticator for the integration tests: it answers the
//! WebAuthn options Haven's pages carry as a browser and a security key
//! would (ES256, "none" attestation, user verified), for whatever origin
//! and relying party a test asks, with a signature counter the test sets.
//! The browser tests use Chromium's own virtual authenticator instead.

use p256::ecdsa::signature::Signer;
use p256::ecdsa::{DerSignature, SigningKey};
use sha2::{Digest, Sha256};

pub struct SoftKey {
    key: SigningKey,
    pub credential_id: Vec<u8>,
    /// The signature counter the next answer carries.
    pub counter: u32,
    /// The flags of its assertions (user present and verified).
    pub flags: u8,
}

/// What a page's `data-options` carries, read as JSON.
fn options(json: &str) -> serde_json::Value {
    serde_json::from_str(json).expect("WebAuthn options are JSON")
}

pub fn b64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        let symbols = chunk.len() + 1;
        for i in 0..symbols {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

pub fn unb64url(text: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => panic!("not base64url: {c}"),
        }
    };
    let symbols: Vec<u8> = text.bytes().filter(|c| *c != b'=').collect();
    let mut out = Vec::new();
    for chunk in symbols.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, c)| n | (value(*c) << (18 - 6 * i)));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

fn cbor_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    match bytes.len() {
        n if n < 24 => out.push(0x40 | n as u8),
        n if n < 256 => out.extend([0x58, n as u8]),
        n => {
            out.push(0x59);
            out.extend((n as u16).to_be_bytes());
        }
    }
    out.extend_from_slice(bytes);
}

fn cbor_text(out: &mut Vec<u8>, text: &str) {
    assert!(text.len() < 24);
    out.push(0x60 | text.len() as u8);
    out.extend_from_slice(text.as_bytes());
}

impl SoftKey {
    pub fn new() -> Self {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).unwrap();
        let mut credential_id = vec![0u8; 32];
        getrandom::fill(&mut credential_id).unwrap();
        Self {
            key: SigningKey::from_slice(&seed).unwrap(),
            credential_id,
            counter: 1,
            flags: 0x05,
        }
    }

    /// The same key under the same credential: a clone of this
    /// authenticator, with its own counter.
    pub fn clone_key(&self) -> Self {
        Self {
            key: self.key.clone(),
            credential_id: self.credential_id.clone(),
            counter: self.counter,
            flags: self.flags,
        }
    }

    /// The public key as COSE (EC2, P-256, ES256).
    fn cose_key(&self) -> Vec<u8> {
        let point = self.key.verifying_key().to_sec1_point(false);
        let point = point.as_bytes();
        let mut out = vec![0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21];
        cbor_bytes(&mut out, &point[1..33]);
        out.push(0x22);
        cbor_bytes(&mut out, &point[33..65]);
        out
    }

    fn client_data(kind: &str, challenge: &str, origin: &str) -> Vec<u8> {
        serde_json::json!({
            "type": kind,
            "challenge": challenge,
            "origin": origin,
            "crossOrigin": false,
        })
        .to_string()
        .into_bytes()
    }

    fn auth_data(&self, rp_id: &str, flags: u8) -> Vec<u8> {
        let mut data = Sha256::digest(rp_id.as_bytes()).to_vec();
        data.push(flags);
        data.extend(self.counter.to_be_bytes());
        data
    }

    /// The answer to a creation request (`navigator.credentials.create`),
    /// made at `origin`; the relying party is the one the options name.
    pub fn create(&mut self, options_json: &str, origin: &str) -> String {
        let options = options(options_json);
        let key = &options["publicKey"];
        let rp_id = key["rp"]["id"].as_str().unwrap().to_string();
        let challenge = key["challenge"].as_str().unwrap();
        let client_data = Self::client_data("webauthn.create", challenge, origin);
        // User present and verified, attested credential data.
        let mut auth = self.auth_data(&rp_id, 0x45);
        auth.extend([0u8; 16]);
        auth.extend((self.credential_id.len() as u16).to_be_bytes());
        auth.extend(&self.credential_id);
        auth.extend(self.cose_key());
        let mut attestation = vec![0xA3];
        cbor_text(&mut attestation, "fmt");
        cbor_text(&mut attestation, "none");
        cbor_text(&mut attestation, "attStmt");
        attestation.push(0xA0);
        cbor_text(&mut attestation, "authData");
        cbor_bytes(&mut attestation, &auth);
        self.counter += 1;
        serde_json::json!({
            "id": b64url(&self.credential_id),
            "rawId": b64url(&self.credential_id),
            "type": "public-key",
            "response": {
                "attestationObject": b64url(&attestation),
                "clientDataJSON": b64url(&client_data),
            },
            "extensions": {},
        })
        .to_string()
    }

    /// The answer to a request for an assertion (`navigator.credentials.get`)
    /// made at `origin` for the relying party `rp_id` (a phishing page would
    /// give its own).
    pub fn get_for(&mut self, options_json: &str, origin: &str, rp_id: &str) -> String {
        let options = options(options_json);
        let challenge = options["publicKey"]["challenge"].as_str().unwrap();
        let client_data = Self::client_data("webauthn.get", challenge, origin);
        let auth = self.auth_data(rp_id, self.flags);
        let mut signed = auth.clone();
        signed.extend(Sha256::digest(&client_data));
        let signature: DerSignature = self.key.sign(&signed);
        self.counter += 1;
        serde_json::json!({
            "id": b64url(&self.credential_id),
            "rawId": b64url(&self.credential_id),
            "type": "public-key",
            "response": {
                "authenticatorData": b64url(&auth),
                "clientDataJSON": b64url(&client_data),
                "signature": b64url(signature.as_bytes()),
                "userHandle": null,
            },
            "extensions": {},
        })
        .to_string()
    }

    /// The answer to a request made at `origin`, for the relying party the
    /// options name.
    pub fn get(&mut self, options_json: &str, origin: &str) -> String {
        let rp_id = options(options_json)["publicKey"]["rpId"]
            .as_str()
            .unwrap()
            .to_string();
        self.get_for(options_json, origin, &rp_id)
    }
}

#[test]
fn base64url_goes_there_and_back() {
    for len in 0..10 {
        let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 250) as u8).collect();
        assert_eq!(unb64url(&b64url(&bytes)), bytes);
    }
    assert_eq!(b64url(b"\xfb\xff"), "-_8");
}
