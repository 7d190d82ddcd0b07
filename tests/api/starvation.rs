//! Hashing can't be starved: a flood of receipt guesses from hundreds of
//! addresses does not turn filing a report into "try again".

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::helpers::*;

/// A guesser bound to its own loopback address, 127.0.x.y.
fn guesser(i: usize) -> reqwest::Client {
    let ip = std::net::Ipv4Addr::new(127, 0, 1 + (i / 200) as u8, 2 + (i % 200) as u8);
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .local_address(std::net::IpAddr::V4(ip))
        .build()
        .unwrap()
}

fn random_reference(n: usize) -> String {
    let alphabet = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let token = haven::crypto::new_token();
    let s: String = token
        .bytes()
        .take(8)
        .enumerate()
        .map(|(i, b)| alphabet[(b as usize + n + i) % 32] as char)
        .collect();
    format!("{}-{}", &s[..4], &s[4..])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_report_is_filed_while_two_hundred_clients_guess_receipts() {
    let app = Arc::new(spawn_app().await);
    let (target, _) = app.file_report(ReportForm::new("the guessed case")).await;
    let stop = Arc::new(AtomicBool::new(false));
    let answers = Arc::new(AtomicUsize::new(0));
    let busy = Arc::new(AtomicUsize::new(0));
    let mut flood = Vec::new();
    for i in 0..200 {
        let (app, stop, answers, busy) = (app.clone(), stop.clone(), answers.clone(), busy.clone());
        let target = target.clone();
        flood.push(tokio::spawn(async move {
            let client = guesser(i);
            let Ok(res) = client.get(app.url("/follow-up")).send().await else {
                return;
            };
            let token = csrf_token(&res.text().await.unwrap_or_default());
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                // Mostly references of their own; some on the real one.
                let reference = if n % 4 == 0 {
                    target.clone()
                } else {
                    random_reference(i + n)
                };
                let res = client
                    .post(app.url("/follow-up"))
                    .form(&[
                        ("reference", reference.as_str()),
                        ("receipt", "1234 5678 9012 3456 7890"),
                        ("csrf_token", token.as_str()),
                    ])
                    .send()
                    .await;
                if let Ok(res) = res {
                    answers.fetch_add(1, Ordering::Relaxed);
                    if res.status() == 503 {
                        busy.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        }));
    }
    let started = Instant::now();
    tokio::time::sleep(Duration::from_secs(3)).await;

    // In the thick of it, a reporter files.
    let reporter = new_client();
    let page = plain(
        &reporter
            .get(app.url("/report"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", csrf_token(&page))
        .text("narrative", "filed during the flood");
    let res = reporter
        .post(app.url("/report"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = res.status();
    let body = plain(&res.text().await.unwrap());
    assert_eq!(
        status, 303,
        "the report is accepted, not 'try again': {body}"
    );
    let page = plain(
        &reporter
            .get(app.url("/report/receipt"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert!(element_text(&page, "receipt").is_some(), "{page}");

    let rest = Duration::from_secs(8).saturating_sub(started.elapsed());
    tokio::time::sleep(rest).await;
    stop.store(true, Ordering::Relaxed);
    for task in flood {
        let _ = task.await;
    }
    assert!(
        answers.load(Ordering::Relaxed) > 400,
        "the flood was real: {} answers",
        answers.load(Ordering::Relaxed)
    );
    eprintln!(
        "flood: {} answers, {} 'try again'",
        answers.load(Ordering::Relaxed),
        busy.load(Ordering::Relaxed)
    );
}

/// Fetches the follow-up form and sends reference + receipt with `client`.
async fn follow_up(
    app: &TestApp,
    client: &reqwest::Client,
    reference: &str,
    receipt: &str,
) -> reqwest::StatusCode {
    let page = client
        .get(app.url("/follow-up"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    client
        .post(app.url("/follow-up"))
        .form(&[
            ("reference", reference),
            ("receipt", receipt),
            ("csrf_token", &csrf_token(&page)),
        ])
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burst_of_sign_ins_from_one_source_is_turned_away_before_hashing() {
    let app = Arc::new(spawn_app().await);
    let email = app.create_user("caseworker", None);
    let before = app.state.hasher.verifications();
    let mut tasks = Vec::new();
    for _ in 0..24 {
        let app = app.clone();
        let email = email.clone();
        tasks.push(tokio::spawn(async move {
            // A wrong password and a recovery-shaped code: the dearest try.
            app.login_full(&new_client(), &email, "wrong password", "ABCDE12345")
                .await
                .status()
                .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert!(
        statuses.iter().all(|s| *s == 401 || *s == 429),
        "{statuses:?}"
    );
    assert!(
        statuses.contains(&429),
        "some were turned away: {statuses:?}"
    );
    assert!(
        statuses.iter().filter(|s| **s == 429).count() >= 4,
        "past the source's 20, none reached Argon2: {statuses:?}"
    );
    let hashed = app.state.hasher.verifications() - before;
    assert!(
        hashed <= 20 * 11,
        "only those let in were hashed ({hashed} verifications)"
    );
}

#[tokio::test]
async fn an_attacker_on_a_shared_address_does_not_take_other_reporters_turns() {
    let app = spawn_app().await;
    let (attacked, _) = app.file_report(ReportForm::new("attacked")).await;
    let (mine, receipt) = app.file_report(ReportForm::new("mine")).await;
    // Everyone arrives from one address (an onion service, a Tor exit): the
    // attacker's failures hold that source back...
    let shared = new_client();
    for n in 0..21 {
        let guess = random_reference(n);
        follow_up(&app, &shared, &guess, "0000 0000 0000 0000 0000").await;
    }
    assert_eq!(
        follow_up(
            &app,
            &shared,
            &random_reference(99),
            "0000 0000 0000 0000 0000"
        )
        .await,
        429,
        "the source is held"
    );
    // ...and the attacker keeps trying the reference it is after, taking
    // that reference's turn.
    follow_up(&app, &shared, &attacked, "0000 0000 0000 0000 0000").await;
    // Another reporter behind the same address still opens their own case.
    let status = follow_up(&app, &shared, &mine, &receipt).await;
    assert_eq!(status, 303, "the other reporter gets in at once");
}
