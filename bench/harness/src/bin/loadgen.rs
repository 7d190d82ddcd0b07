//! Haven's load client for the benchmarks, run as its own process on
//! loopback. wrk measures single requests well but cannot follow a
//! multi-step flow per connection, so complete submissions (form page,
//! POST, receipt page) are driven from here.
//!
//!   loadgen intake <base-url> <clients> <seconds> [record-file]
//!   loadgen signin <base-url> <per-second> <seconds> <email> <password>
//!   loadgen smtp-sink <port> <stats-file>

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = html.find(start)? + start.len();
    let j = html[i..].find(end)? + i;
    Some(&html[i..j])
}

fn element(html: &str, id: &str) -> Option<String> {
    let marker = format!("id=\"{id}\"");
    let at = html.find(&marker)?;
    let open = at + html[at..].find('>')? + 1;
    let close = open + html[open..].find('<')?;
    Some(html[open..close].trim().to_string())
}

#[derive(Default)]
struct Tally {
    latencies_ms: Vec<f64>,
    ok: u64,
    errors: BTreeMap<String, u64>,
    error_latencies_ms: Vec<f64>,
    record: Vec<String>,
}

fn narrative() -> String {
    "Two men followed me from the vigil to the subway and photographed me; the next day my parents \
     were called and told I must stop speaking out. "
        .repeat(4)
}

/// One complete submission; Ok((reference, receipt)) or Err(what went wrong).
async fn submit(client: &reqwest::Client, base: &str) -> Result<(String, String), String> {
    let form = client
        .get(format!("{base}/report"))
        .send()
        .await
        .map_err(|e| format!("connect: {e}"))?;
    if form.status() != 200 {
        return Err(format!("form {}", form.status().as_u16()));
    }
    let html = form.text().await.map_err(|e| format!("read: {e}"))?;
    let token = between(&html, "name=\"csrf_token\" value=\"", "\"")
        .unwrap_or("x")
        .to_string();
    let body = reqwest::multipart::Form::new()
        .text("csrf_token", token)
        .text("narrative", narrative())
        .text("kinds", "surveillance")
        .text("province", "ON")
        .text("community", "uyghur")
        .text("consent_stats", "on")
        .text("lang", "en");
    let res = client
        .post(format!("{base}/report"))
        .multipart(body)
        .send()
        .await
        .map_err(|e| format!("post: {e}"))?;
    if res.status() != 303 {
        return Err(format!("post {}", res.status().as_u16()));
    }
    let location = res
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or("/")
        .to_string();
    let page = client
        .get(format!("{base}{location}"))
        .send()
        .await
        .map_err(|e| format!("receipt: {e}"))?;
    if page.status() != 200 {
        return Err(format!("receipt {}", page.status().as_u16()));
    }
    let html = page.text().await.map_err(|e| format!("read: {e}"))?;
    Ok((
        element(&html, "case-reference").unwrap_or_default(),
        element(&html, "receipt").unwrap_or_default(),
    ))
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

async fn intake(base: String, clients: usize, seconds: u64, record: Option<String>) {
    let tally = Arc::new(Mutex::new(Tally::default()));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (base, tally) = (base.clone(), tally.clone());
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap();
            while Instant::now() < deadline {
                let t = Instant::now();
                let outcome = submit(&client, &base).await;
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                let failed = {
                    let mut tally = tally.lock().unwrap();
                    match outcome {
                        Ok((reference, receipt)) => {
                            tally.ok += 1;
                            tally.latencies_ms.push(ms);
                            tally
                                .record
                                .push(format!("ok {reference} {}", receipt.replace(' ', "")));
                            false
                        }
                        Err(e) => {
                            *tally.errors.entry(e.clone()).or_default() += 1;
                            tally.error_latencies_ms.push(ms);
                            tally.record.push(format!("error {}", e.replace(' ', "_")));
                            true
                        }
                    }
                };
                if failed {
                    // Back off a little, as a person would, instead of spinning.
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let mut tally = tally.lock().unwrap();
    tally.latencies_ms.sort_by(|a, b| a.partial_cmp(b).unwrap());
    tally
        .error_latencies_ms
        .sort_by(|a, b| a.partial_cmp(b).unwrap());
    if let Some(path) = record {
        let mut f = std::fs::File::create(path).unwrap();
        for line in &tally.record {
            writeln!(f, "{line}").unwrap();
        }
    }
    let out = serde_json::json!({
        "clients": clients,
        "ok": tally.ok,
        "failed": tally.errors.values().sum::<u64>(),
        "errors": tally.errors,
        "per_second": tally.ok as f64 / elapsed,
        "p50_ms": percentile(&tally.latencies_ms, 50.0),
        "p99_ms": percentile(&tally.latencies_ms, 99.0),
        "error_p99_ms": percentile(&tally.error_latencies_ms, 99.0),
        "error_max_ms": tally.error_latencies_ms.last().copied().unwrap_or(0.0),
    });
    println!("{out}");
}

async fn signin(base: String, rate: u64, seconds: u64, email: String, password: String) {
    let interval = Duration::from_secs_f64(1.0 / rate as f64);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    // (signed in, failed, latencies of the sign-in POST in ms)
    let done = Arc::new(Mutex::new((0u64, 0u64, Vec::<f64>::new())));
    let mut tick = tokio::time::interval(interval);
    let mut tasks = Vec::new();
    while Instant::now() < deadline {
        tick.tick().await;
        let (base, email, password, done) =
            (base.clone(), email.clone(), password.clone(), done.clone());
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            let outcome = async {
                let html = client
                    .get(format!("{base}/staff/login"))
                    .send()
                    .await
                    .ok()?
                    .text()
                    .await
                    .ok()?;
                let token = between(&html, "name=\"csrf_token\" value=\"", "\"")?.to_string();
                let started = Instant::now();
                let res = client
                    .post(format!("{base}/staff/login"))
                    .form(&[
                        ("email", email.as_str()),
                        ("password", password.as_str()),
                        ("csrf_token", token.as_str()),
                    ])
                    .send()
                    .await
                    .ok()?;
                let ok = res.status() == 303;
                let _ = res.bytes().await;
                Some((ok, started.elapsed().as_secs_f64() * 1000.0))
            }
            .await;
            let mut d = done.lock().unwrap();
            match outcome {
                Some((true, ms)) => {
                    d.0 += 1;
                    d.2.push(ms);
                }
                _ => d.1 += 1,
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let mut d = done.lock().unwrap();
    d.2.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "{}",
        serde_json::json!({
            "signed_in": d.0,
            "failed": d.1,
            "per_second": d.0 as f64 / seconds as f64,
            "p50_ms": percentile(&d.2, 50.0),
            "p99_ms": percentile(&d.2, 99.0),
        })
    );
}

/// A minimal SMTP server that counts messages and distinct Message-IDs,
/// rewriting its stats file after each message.
fn smtp_sink(port: u16, stats: String) {
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).expect("bind");
    let seen = Arc::new(Mutex::new((
        0u64,
        HashSet::<String>::new(),
        None::<Instant>,
        None::<Instant>,
    )));
    for conn in listener.incoming().flatten() {
        let (seen, stats) = (seen.clone(), stats.clone());
        std::thread::spawn(move || {
            let mut out = conn.try_clone().unwrap();
            let mut reader = BufReader::new(conn);
            let _ = out.write_all(b"220 sink ESMTP\r\n");
            let mut line = String::new();
            loop {
                line.clear();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let upper = line.to_ascii_uppercase();
                if upper.starts_with("EHLO") {
                    let _ = out.write_all(b"250-sink\r\n250 8BITMIME\r\n");
                } else if upper.starts_with("DATA") {
                    let _ = out.write_all(b"354 go\r\n");
                    let mut id = String::new();
                    loop {
                        line.clear();
                        if reader.read_line(&mut line).unwrap_or(0) == 0 {
                            return;
                        }
                        if line == ".\r\n" {
                            break;
                        }
                        if let Some(v) = line.strip_prefix("Message-ID: ") {
                            id = v.trim().to_string();
                        }
                    }
                    let mut s = seen.lock().unwrap();
                    s.0 += 1;
                    s.1.insert(id);
                    s.2.get_or_insert_with(Instant::now);
                    s.3 = Some(Instant::now());
                    let span = match (s.2, s.3) {
                        (Some(a), Some(b)) => (b - a).as_secs_f64(),
                        _ => 0.0,
                    };
                    // Written aside, then renamed: a reader never sees half a file.
                    let tmp = format!("{stats}.tmp");
                    if std::fs::write(&tmp, format!("{} {} {:.3}\n", s.0, s.1.len(), span)).is_ok()
                    {
                        let _ = std::fs::rename(&tmp, &stats);
                    }
                    let _ = out.write_all(b"250 ok\r\n");
                } else if upper.starts_with("QUIT") {
                    let _ = out.write_all(b"221 bye\r\n");
                    return;
                } else {
                    let _ = out.write_all(b"250 ok\r\n");
                }
            }
        });
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("intake") => {
            intake(
                args[2].clone(),
                args[3].parse().unwrap(),
                args[4].parse().unwrap(),
                args.get(5).cloned(),
            )
            .await
        }
        Some("signin") => {
            signin(
                args[2].clone(),
                args[3].parse().unwrap(),
                args[4].parse().unwrap(),
                args[5].clone(),
                args[6].clone(),
            )
            .await
        }
        Some("smtp-sink") => {
            let (port, stats) = (args[2].parse().unwrap(), args[3].clone());
            tokio::task::spawn_blocking(move || smtp_sink(port, stats))
                .await
                .unwrap()
        }
        _ => eprintln!("usage: loadgen intake|signin|smtp-sink ..."),
    }
}
