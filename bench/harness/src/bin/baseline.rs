//! The intake baseline: the work no implementation of intake can skip —
//! one Argon2id hash with Haven's parameters (m = 19 MiB, t = 2, p = 1),
//! bounded to one hash per core as Haven does, and the insert of a row of
//! the size of a Haven case — behind a minimal actix-web handler.
//!
//! Usage: baseline <bind> <database-url>

use std::sync::Arc;

use actix_web::{App, HttpResponse, HttpServer, web};
use argon2::password_hash::PasswordHasher;
use argon2::{Algorithm, Argon2, Params, Version};
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, Pool};
use tokio::sync::Semaphore;

#[derive(Clone)]
struct State {
    pool: Pool<ConnectionManager<PgConnection>>,
    permits: Arc<Semaphore>,
}

diesel::table! {
    baseline_rows (id) {
        id -> Int8,
        reference -> Text,
        receipt_hash -> Text,
        content -> Bytea,
    }
}

fn random<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).expect("random");
    b
}

async fn submit(state: web::Data<State>, body: web::Bytes) -> HttpResponse {
    let _permit = state.permits.acquire().await.expect("semaphore");
    let receipt: String = random::<20>()
        .iter()
        .map(|b| char::from(b'0' + b % 10))
        .collect();
    let hash = tokio::task::spawn_blocking(move || {
        let params = Params::new(19 * 1024, 2, 1, None).expect("params");
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password(receipt.as_bytes())
            .expect("hash")
            .to_string()
    })
    .await
    .expect("join");
    drop(_permit);
    // A row of the size of a Haven case: the sealed content is the body's
    // length plus the envelope's 41 bytes, the wrapped key 73 bytes.
    let mut content = body.to_vec();
    content.extend_from_slice(&[0u8; 41 + 73]);
    let reference: String = random::<8>()
        .iter()
        .map(|b| char::from(b'A' + b % 26))
        .collect();
    let pool = state.pool.clone();
    let stored = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get()?;
        diesel::insert_into(baseline_rows::table)
            .values((
                baseline_rows::reference.eq(reference),
                baseline_rows::receipt_hash.eq(hash),
                baseline_rows::content.eq(content),
            ))
            .execute(&mut conn)
            .map_err(|e| Box::new(e) as Box<dyn std::error::Error + Send + Sync>)?;
        Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
    })
    .await
    .expect("join");
    match stored {
        Ok(()) => HttpResponse::SeeOther()
            .insert_header(("Location", "/done"))
            .finish(),
        Err(_) => HttpResponse::ServiceUnavailable().finish(),
    }
}

async fn page() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html")
        .body("<form method=post><input name=csrf_token value=x></form>")
}

/// `baseline --hash-seconds N`: seconds per Argon2id hash, one at a time.
fn hash_seconds(n: u32) {
    let params = Params::new(19 * 1024, 2, 1, None).expect("params");
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let started = std::time::Instant::now();
    for i in 0..n {
        let _ = argon
            .hash_password(format!("{i:020}").as_bytes())
            .expect("hash");
    }
    println!("{:.4}", started.elapsed().as_secs_f64() / f64::from(n));
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--hash-seconds") {
        hash_seconds(args[2].parse().expect("a count"));
        return Ok(());
    }
    let (bind, url) = (args[1].clone(), args[2].clone());
    let pool = Pool::builder()
        .max_size(16)
        .build(ConnectionManager::<PgConnection>::new(url))
        .expect("pool");
    {
        let mut conn = pool.get().expect("connect");
        diesel::sql_query(
            "CREATE TABLE IF NOT EXISTS baseline_rows (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \
             reference TEXT NOT NULL UNIQUE, receipt_hash TEXT NOT NULL, content BYTEA NOT NULL)",
        )
        .execute(&mut conn)
        .expect("table");
    }
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let state = State {
        pool,
        permits: Arc::new(Semaphore::new(cores)),
    };
    HttpServer::new(move || {
        App::new()
            .app_data(web::Data::new(state.clone()))
            .app_data(web::PayloadConfig::new(1 << 20))
            .route("/report", web::get().to(page))
            .route("/report", web::post().to(submit))
            .route("/done", web::get().to(page))
    })
    .bind(bind)?
    .run()
    .await
}
