//! The true Argon2 ceiling of this machine: every core hashing in a tight
//! loop, each into its own reused buffer, with Haven's own hashing (the
//! split hash of a password or receipt). `bench/run.sh` runs it:
//!
//!     cargo run --release --example argon2_ceiling -- SECONDS
//!
//! Prints the number of hashes per second over all cores.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

fn main() {
    let seconds: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let stop = Arc::new(AtomicBool::new(false));
    let count = Arc::new(AtomicU64::new(0));
    let threads: Vec<_> = (0..cores)
        .map(|t| {
            let (stop, count) = (stop.clone(), count.clone());
            std::thread::spawn(move || {
                let mut buffer = haven::crypto::HashBuffer::new();
                let mut i = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    let _ = buffer.hash_split(&format!("ceiling {t} {i:020}"));
                    count.fetch_add(1, Ordering::Relaxed);
                    i += 1;
                }
            })
        })
        .collect();
    let started = Instant::now();
    std::thread::sleep(Duration::from_secs(seconds));
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        let _ = t.join();
    }
    let per_second = count.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64();
    println!("{per_second:.1}");
}
