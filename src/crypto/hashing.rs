//! Argon2id hashing of every secret that is verified (staff passwords,
//! reporters' receipts, recovery codes). Hashing is slow on purpose, so it
//! runs on the blocking pool, and a semaphore bounds how many run at once:
//! each one holds 19 MiB, and a burst of sign-ins must not starve intake of
//! memory or of cores.

use std::sync::Arc;

use argon2::password_hash::PasswordHasher;
use argon2::{Algorithm, Argon2, Params, PasswordVerifier, Version};
use tokio::sync::Semaphore;

/// OWASP's recommended Argon2id parameters: m = 19 MiB, t = 2, p = 1.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes `secret` into a PHC string (blocking; use [`SecretHasher`] from
/// async code).
pub fn hash_secret_blocking(secret: &str) -> String {
    argon2()
        .hash_password(secret.as_bytes())
        .expect("Argon2 hashing of an in-memory secret cannot fail")
        .to_string()
}

fn verify_blocking(secret: &str, phc: Option<&str>) -> bool {
    match phc {
        Some(phc) => argon2().verify_password(secret.as_bytes(), phc).is_ok(),
        None => {
            // Unknown account or reference: spend the same time as a real
            // verification so that timing does not tell the two apart.
            let _ = argon2().verify_password(secret.as_bytes(), dummy_hash());
            false
        }
    }
}

fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_secret_blocking("haven dummy secret for constant-time misses"))
}

/// Runs Argon2 off the async workers, at most `permits` at a time.
#[derive(Clone)]
pub struct SecretHasher {
    permits: Arc<Semaphore>,
}

impl SecretHasher {
    pub fn new(permits: usize) -> Self {
        // Compute the dummy hash now rather than inside the first request.
        let _ = dummy_hash();
        Self { permits: Arc::new(Semaphore::new(permits.max(1))) }
    }

    pub async fn hash(&self, secret: String) -> String {
        let _permit = self.permits.acquire().await.expect("semaphore is never closed");
        let secret = zeroize::Zeroizing::new(secret);
        tokio::task::spawn_blocking(move || hash_secret_blocking(&secret))
            .await
            .expect("hashing task panicked")
    }

    /// Verifies `secret` against `phc`; with `None` (no such account or
    /// case) it takes the same time and returns `false`.
    pub async fn verify(&self, secret: String, phc: Option<String>) -> bool {
        let _permit = self.permits.acquire().await.expect("semaphore is never closed");
        let secret = zeroize::Zeroizing::new(secret);
        tokio::task::spawn_blocking(move || verify_blocking(&secret, phc.as_deref()))
            .await
            .expect("verification task panicked")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phc_string_uses_argon2id_with_owasp_parameters() {
        let phc = hash_secret_blocking("correct horse battery staple");
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(verify_blocking("correct horse battery staple", Some(&phc)));
        assert!(!verify_blocking("wrong", Some(&phc)));
        assert!(!verify_blocking("correct horse battery staple", None));
    }
}
