//! Argon2id hashing of every secret that is verified (staff passwords,
//! reporters' receipts, recovery codes). Hashing is slow and memory-hard on
//! purpose (19 MiB each), so it runs on a few threads of its own — one per
//! core, plus one reserved for filing reports — fed through bounded queues:
//! a burst of sign-ins waits its turn (or is told to try again) instead of
//! starving the async workers or the reports, and memory stays bounded.
//! Each thread owns its 19 MiB block buffer for good and hashes into it:
//! allocating it per hash made the allocator keep a gigabyte under load.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use argon2::password_hash::PasswordHasher;
use argon2::password_hash::phc::{Ident, Output, ParamsString, PasswordHash, Salt};
use argon2::{ARGON2ID_IDENT, Algorithm, Argon2, Block, Params, Version};
use hmac::{KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use super::people::Seed;
use super::random_bytes;

/// The algorithm name of a split hash: one Argon2id run whose output is
/// split by HMAC-SHA256 into a verifier (stored) and a seed (never stored)
/// that seals the person's private key, or derives a receipt's key pair.
/// A PHC string otherwise like Argon2id's, so its parameters and salt read
/// the same way; the name keeps it from being taken for a plain Argon2id
/// hash, whose output would be the whole secret.
const SPLIT_IDENT: Ident = Ident::new_unwrap("haven-argon2id-split");

/// What checking a secret against a stored hash found.
pub enum Checked {
    /// Not this secret (or no stored hash).
    Wrong,
    /// The secret matches a plain Argon2id hash made before keys were held
    /// by people: right, but it yields no seed.
    Legacy,
    /// The secret matches a split hash: here is its seed.
    Right(Seed),
}

impl Checked {
    pub fn is_right(&self) -> bool {
        !matches!(self, Checked::Wrong)
    }
}

impl std::fmt::Debug for Checked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Checked::Wrong => "Wrong",
            Checked::Legacy => "Legacy",
            Checked::Right(_) => "Right(..)",
        })
    }
}

/// The verifier and the seed of one Argon2id output.
fn split(raw: &[u8; 32]) -> ([u8; 32], Seed) {
    let part = |label: &[u8]| -> [u8; 32] {
        let mut mac = <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(raw).expect("any key length");
        mac.update(b"haven/v1/split/");
        mac.update(label);
        mac.finalize().into_bytes().into()
    };
    let verifier = part(b"verifier");
    let seed = Seed(Zeroizing::new(part(b"seed")));
    (verifier, seed)
}

/// Hashes into `blocks` as a split hash: the PHC string to store and the
/// seed to use now.
fn hash_split_with(secret: &str, blocks: &mut [Block]) -> (String, Seed) {
    let params = argon2().params().clone();
    let salt = random_bytes::<16>();
    let mut raw = Zeroizing::new([0u8; 32]);
    argon2()
        .hash_password_into_with_memory(secret.as_bytes(), &salt, &mut raw[..], blocks)
        .expect("Argon2 hashing of an in-memory secret cannot fail");
    let (verifier, seed) = split(&raw);
    let phc = PasswordHash {
        algorithm: SPLIT_IDENT,
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).expect("valid parameters"),
        salt: Some(Salt::new(&salt).expect("16 bytes is a valid salt")),
        hash: Some(Output::new(&verifier).expect("32 bytes is a valid output")),
    }
    .to_string();
    (phc, seed)
}

/// Checks `secret` against a split hash or a plain Argon2id one, with the
/// same work either way.
fn check_with(secret: &str, phc: &str, blocks: &mut [Block]) -> Checked {
    let Ok(hash) = PasswordHash::new(phc) else {
        return Checked::Wrong;
    };
    if hash.algorithm != SPLIT_IDENT {
        return if verify_with(secret, phc, blocks) {
            Checked::Legacy
        } else {
            Checked::Wrong
        };
    }
    let (Ok(params), Some(salt), Some(expected)) = (Params::try_from(&hash), hash.salt, hash.hash)
    else {
        return Checked::Wrong;
    };
    let version = hash
        .version
        .and_then(|v| Version::try_from(v).ok())
        .unwrap_or_default();
    let argon = Argon2::new(Algorithm::Argon2id, version, params.clone());
    let mut raw = Zeroizing::new([0u8; 32]);
    let ok = if params.block_count() == blocks.len() {
        argon.hash_password_into_with_memory(secret.as_bytes(), salt.as_ref(), &mut raw[..], blocks)
    } else {
        argon.hash_password_into(secret.as_bytes(), salt.as_ref(), &mut raw[..])
    }
    .is_ok();
    let (verifier, seed) = split(&raw);
    if ok && bool::from(verifier.as_slice().ct_eq(expected.as_bytes())) {
        Checked::Right(seed)
    } else {
        Checked::Wrong
    }
}

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

#[cfg(test)]
fn verify_blocking(secret: &str, phc: Option<&str>) -> bool {
    use argon2::PasswordVerifier;
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

/// The memory one Argon2 hash works in, allocated once and reused, as each
/// of the hasher's threads does.
pub struct HashBuffer(Vec<Block>);

impl HashBuffer {
    pub fn new() -> Self {
        Self(vec![Block::default(); argon2().params().block_count()])
    }

    /// Hashes `secret` into a split hash in this buffer, exactly as a
    /// password or a receipt is hashed (for measuring the ceiling).
    pub fn hash_split(&mut self, secret: &str) -> (String, Seed) {
        hash_split_with(secret, &mut self.0)
    }
}

impl Default for HashBuffer {
    fn default() -> Self {
        Self::new()
    }
}

/// Checks `secret` against a split or plain hash (blocking; for the
/// command line).
pub fn check_blocking(secret: &str, phc: &str) -> Checked {
    let mut blocks = vec![Block::default(); argon2().params().block_count()];
    check_with(secret, phc, &mut blocks)
}

/// Hashes `secret` into a split hash (blocking; for the command line and
/// demonstration seeding).
pub fn hash_split_blocking(secret: &str) -> (String, Seed) {
    let mut blocks = vec![Block::default(); argon2().params().block_count()];
    hash_split_with(secret, &mut blocks)
}

fn dummy_split_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_split_blocking("haven dummy secret for constant-time misses").0)
}

/// Hashes into `blocks`, reusing them (the same PHC string as
/// [`hash_secret_blocking`]).
fn hash_with(secret: &str, blocks: &mut [Block]) -> String {
    let params = argon2().params().clone();
    let salt = random_bytes::<16>();
    let mut out = [0u8; 32];
    argon2()
        .hash_password_into_with_memory(secret.as_bytes(), &salt, &mut out, blocks)
        .expect("Argon2 hashing of an in-memory secret cannot fail");
    PasswordHash {
        algorithm: ARGON2ID_IDENT,
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).expect("valid parameters"),
        salt: Some(Salt::new(&salt).expect("16 bytes is a valid salt")),
        hash: Some(Output::new(&out).expect("32 bytes is a valid output")),
    }
    .to_string()
}

/// Verifies against `phc` using `blocks` when the parameters match theirs.
fn verify_with(secret: &str, phc: &str, blocks: &mut [Block]) -> bool {
    let Ok(hash) = PasswordHash::new(phc) else {
        return false;
    };
    let (Ok(params), Some(salt), Some(expected)) = (Params::try_from(&hash), hash.salt, hash.hash)
    else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(hash.algorithm.as_str()) else {
        return false;
    };
    let version = hash
        .version
        .and_then(|v| Version::try_from(v).ok())
        .unwrap_or_default();
    let argon = Argon2::new(algorithm, version, params.clone());
    let mut out = vec![0u8; expected.as_bytes().len()];
    let ok = if params.block_count() == blocks.len() {
        argon
            .hash_password_into_with_memory(secret.as_bytes(), salt.as_ref(), &mut out, blocks)
            .is_ok()
    } else {
        argon
            .hash_password_into(secret.as_bytes(), salt.as_ref(), &mut out)
            .is_ok()
    };
    ok && bool::from(out.as_slice().ct_eq(expected.as_bytes()))
}

type Job = Box<dyn FnOnce(&mut [Block]) + Send>;

/// Jobs that may wait per hashing thread; past that, callers are told to
/// try again rather than queue without end (a flood of sign-ins must not
/// make every reporter wait minutes).
const QUEUE_PER_THREAD: usize = 64;

/// The hashing queue is full: answer "try again later".
#[derive(Debug, thiserror::Error)]
#[error("too many secrets are waiting to be hashed")]
pub struct Busy;

/// Runs Argon2 on dedicated threads, off the async workers, in two lanes:
/// one for filing reports (the receipt's hash) and one for everything
/// else (sign-ins, follow-ups, recovery codes, new passwords). A flood of
/// guesses fills the general lane and is told to try again; reports wait
/// only behind other reports.
#[derive(Clone)]
pub struct SecretHasher {
    general: mpsc::SyncSender<Job>,
    reports: mpsc::SyncSender<Job>,
    verifications: Arc<AtomicU64>,
    receipts: Arc<AtomicU64>,
    /// Jobs refused because their lane's queue was full (for `/metrics`).
    turned_away: Arc<AtomicU64>,
}

/// Starts `threads` threads fed by one bounded queue.
fn lane(name: &str, threads: usize) -> mpsc::SyncSender<Job> {
    let (jobs, queue) = mpsc::sync_channel::<Job>(QUEUE_PER_THREAD * threads);
    let queue = Arc::new(Mutex::new(queue));
    for i in 0..threads {
        let queue = queue.clone();
        std::thread::Builder::new()
            .name(format!("haven-argon2-{name}-{i}"))
            .spawn(move || {
                let mut blocks = vec![Block::default(); argon2().params().block_count()];
                loop {
                    let job = match queue.lock() {
                        Ok(q) => q.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(&mut blocks),
                        Err(_) => return, // every sender dropped: shut down
                    }
                }
            })
            .expect("start an Argon2 thread");
    }
    jobs
}

impl SecretHasher {
    /// `threads` threads for the general lane, and one of its own for
    /// reports.
    pub fn new(threads: usize) -> Self {
        // Compute the dummy hashes now rather than inside the first request.
        let _ = dummy_hash();
        let _ = dummy_split_hash();
        Self {
            general: lane("general", threads.max(1)),
            reports: lane("reports", 1),
            verifications: Arc::new(AtomicU64::new(0)),
            receipts: Arc::new(AtomicU64::new(0)),
            turned_away: Arc::new(AtomicU64::new(0)),
        }
    }

    /// How many jobs were refused, since start, because the queue was full.
    pub fn turned_away(&self) -> u64 {
        self.turned_away.load(Ordering::Relaxed)
    }

    async fn run<T: Send + 'static>(
        &self,
        lane: &mpsc::SyncSender<Job>,
        work: impl FnOnce(&mut [Block]) -> T + Send + 'static,
    ) -> Result<T, Busy> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |blocks| {
            // Nobody waits for an answer any more (the client went away):
            // spend no Argon2 work on it.
            if reply.is_closed() {
                return;
            }
            let _ = reply.send(work(blocks));
        });
        if lane.try_send(job).is_err() {
            self.turned_away.fetch_add(1, Ordering::Relaxed);
            return Err(Busy);
        }
        answer.await.map_err(|_| Busy)
    }

    /// Hashes a new secret (a password, a recovery code).
    pub async fn hash(&self, secret: String) -> Result<String, Busy> {
        let secret = zeroize::Zeroizing::new(secret);
        self.run(&self.general, move |blocks| hash_with(&secret, blocks))
            .await
    }

    /// Hashes the receipt of a report being filed, in the reports' lane.
    pub async fn hash_receipt(&self, secret: String) -> Result<String, Busy> {
        let secret = zeroize::Zeroizing::new(secret);
        let counter = self.receipts.clone();
        self.run(&self.reports, move |blocks| {
            counter.fetch_add(1, Ordering::Relaxed);
            hash_with(&secret, blocks)
        })
        .await
    }

    /// Hashes a new password into a split hash; gives its seed too.
    pub async fn hash_split(&self, secret: Zeroizing<String>) -> Result<(String, Seed), Busy> {
        self.run(&self.general, move |blocks| {
            hash_split_with(&secret, blocks)
        })
        .await
    }

    /// Hashes the receipt of a report being filed into a split hash, in the
    /// reports' lane; the seed gives the receipt's key pair.
    pub async fn hash_receipt_split(
        &self,
        secret: Zeroizing<String>,
    ) -> Result<(String, Seed), Busy> {
        let counter = self.receipts.clone();
        self.run(&self.reports, move |blocks| {
            counter.fetch_add(1, Ordering::Relaxed);
            hash_split_with(&secret, blocks)
        })
        .await
    }

    /// Checks `secret` against `phc` (split or plain Argon2id); with `None`
    /// (no such account or case) it takes the same time and finds it wrong.
    pub async fn check(
        &self,
        secret: Zeroizing<String>,
        phc: Option<String>,
    ) -> Result<Checked, Busy> {
        let counter = self.verifications.clone();
        self.run(&self.general, move |blocks| {
            counter.fetch_add(1, Ordering::Relaxed);
            match phc.as_deref() {
                Some(phc) => check_with(&secret, phc, blocks),
                None => {
                    let _ = check_with(&secret, dummy_split_hash(), blocks);
                    Checked::Wrong
                }
            }
        })
        .await
    }

    /// Verifies `secret` against `phc`; with `None` (no such account or
    /// case) it takes the same time and returns `false`.
    pub async fn verify(&self, secret: String, phc: Option<String>) -> Result<bool, Busy> {
        Ok(self.verify_each(secret, vec![phc]).await?.is_some())
    }

    /// Verifies `secret` against every hash in `phcs`, all of them even
    /// after a match (a `None` against a dummy hash), and returns the index
    /// of the first match: the work depends on the length of `phcs` only.
    pub async fn verify_each(
        &self,
        secret: String,
        phcs: Vec<Option<String>>,
    ) -> Result<Option<usize>, Busy> {
        let secret = zeroize::Zeroizing::new(secret);
        let counter = self.verifications.clone();
        self.run(&self.general, move |blocks| {
            let mut found = None;
            for (i, phc) in phcs.iter().enumerate() {
                counter.fetch_add(1, Ordering::Relaxed);
                let ok = match phc.as_deref() {
                    Some(phc) => verify_with(&secret, phc, blocks),
                    None => {
                        let _ = verify_with(&secret, dummy_hash(), blocks);
                        false
                    }
                };
                if ok && found.is_none() {
                    found = Some(i);
                }
            }
            found
        })
        .await
    }

    /// How many receipts this hasher has hashed.
    pub fn receipts_hashed(&self) -> u64 {
        self.receipts.load(Ordering::Relaxed)
    }

    /// How many Argon2 verifications this hasher has run (real or dummy).
    pub fn verifications(&self) -> u64 {
        self.verifications.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_full_queue_answers_busy_instead_of_waiting_without_end() {
        let hasher = SecretHasher::new(1);
        let jobs: Vec<_> = (0..QUEUE_PER_THREAD + 16)
            .map(|i| hasher.verify(format!("s{i}"), None))
            .collect();
        let results = futures_util::future::join_all(jobs).await;
        let busy = results.iter().filter(|r| r.is_err()).count();
        assert!(busy >= 14, "{busy} refused");
        assert!(results.iter().filter(|r| matches!(r, Ok(false))).count() >= QUEUE_PER_THREAD);
    }

    #[tokio::test]
    async fn a_full_general_lane_does_not_stop_reports() {
        let hasher = SecretHasher::new(1);
        let flood: Vec<_> = (0..QUEUE_PER_THREAD + 16)
            .map(|i| hasher.verify(format!("s{i}"), None))
            .collect();
        let receipt = hasher.hash_receipt("a receipt".into());
        let (flood, receipt) =
            futures_util::future::join(futures_util::future::join_all(flood), receipt).await;
        assert!(
            flood.iter().any(|r| r.is_err()),
            "the general lane was full"
        );
        assert!(receipt.is_ok(), "the report's receipt was hashed anyway");
    }

    #[tokio::test]
    async fn every_hash_of_a_list_is_verified_even_after_a_match() {
        let hasher = SecretHasher::new(1);
        let phc = hash_secret_blocking("code");
        let found = hasher
            .verify_each("code".into(), vec![None, Some(phc), None])
            .await
            .unwrap();
        assert_eq!(found, Some(1));
        assert_eq!(hasher.verifications(), 3);
    }

    #[test]
    fn hashing_into_reused_blocks_matches_the_crate() {
        let mut blocks = vec![Block::default(); argon2().params().block_count()];
        let phc = hash_with("a receipt", &mut blocks);
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(
            verify_blocking("a receipt", Some(&phc)),
            "the crate verifies ours"
        );
        let theirs = hash_secret_blocking("a receipt");
        assert!(
            verify_with("a receipt", &theirs, &mut blocks),
            "we verify the crate's"
        );
        assert!(!verify_with("another", &theirs, &mut blocks));
        assert!(!verify_with("a receipt", "not a phc string", &mut blocks));
    }

    #[test]
    fn a_split_hash_checks_its_secret_and_gives_the_same_seed_again() {
        let mut blocks = vec![Block::default(); argon2().params().block_count()];
        let (phc, seed) = hash_split_with("a password", &mut blocks);
        assert!(
            phc.starts_with("$haven-argon2id-split$v=19$m=19456,t=2,p=1$"),
            "{phc}"
        );
        let Checked::Right(again) = check_with("a password", &phc, &mut blocks) else {
            panic!("the right secret is right");
        };
        assert_eq!(*again.0, *seed.0);
        assert!(matches!(
            check_with("another", &phc, &mut blocks),
            Checked::Wrong
        ));
        // The stored verifier is not the seed.
        assert!(!phc.contains(&hex::encode(&seed.0[..])));
        // A plain Argon2id hash still checks, without a seed.
        let legacy = hash_secret_blocking("a password");
        assert!(matches!(
            check_with("a password", &legacy, &mut blocks),
            Checked::Legacy
        ));
        assert!(matches!(
            check_with("wrong", &legacy, &mut blocks),
            Checked::Wrong
        ));
        // The crate's own verifier does not take a split hash for its own.
        assert!(!verify_blocking("a password", Some(&phc)));
    }

    #[test]
    fn phc_string_uses_argon2id_with_owasp_parameters() {
        let phc = hash_secret_blocking("correct horse battery staple");
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(verify_blocking("correct horse battery staple", Some(&phc)));
        assert!(!verify_blocking("wrong", Some(&phc)));
        assert!(!verify_blocking("correct horse battery staple", None));
    }
}
