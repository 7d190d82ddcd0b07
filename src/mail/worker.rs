//! The mail worker: claims due outbox rows with `FOR UPDATE SKIP LOCKED`,
//! delivers them, and marks each sent, or schedules a retry with
//! exponential backoff, or marks it failed after the last attempt.
//!
//! Delivery is at-least-once. A row stays locked while its message is
//! handed to the server and is marked sent in the same transaction, so
//! several workers never send one message twice; but if a worker dies after
//! the server accepted a message and before that transaction commits, the
//! row unlocks still pending and is sent again. Every attempt carries the
//! same Message-ID, so the duplicate is recognisable. The alternative —
//! marking a message sent before handing it over — would lose messages in
//! that window, and a lost "urgent case" email is worse than a repeated one.
//!
//! Messages about cases wait in the outbox for their slot (see
//! [`super::slots`]); with `HAVEN_MAIL_CONSTANT` the worker also fills each
//! slot with a message to everyone, as it comes.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::{DateTime, Utc};
use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart, SinglePart};

use super::message::{Email, render};
use super::outbox::Params;
use super::transport::Transport;
use crate::cases::notify::Notifier;
use crate::context::Ctx;
use crate::crypto::Aad;
use crate::db::outbox::OutboxRow;
use crate::db::{self, DbError};
use crate::domain::Language;

/// Messages claimed per transaction.
const BATCH: i64 = 10;
/// The longest wait between two attempts.
const MAX_BACKOFF_SECS: u64 = 3600;

/// A running worker thread; [`WorkerHandle::stop`] ends it after the batch
/// in hand.
pub struct WorkerHandle {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl WorkerHandle {
    pub fn stop(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for WorkerHandle {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Starts the worker on its own thread (it blocks on PostgreSQL and SMTP).
pub fn spawn(state: Ctx) -> anyhow::Result<WorkerHandle> {
    let transport = Transport::from_config(&state.config)?;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let thread = std::thread::Builder::new()
        .name("haven-mail".into())
        .spawn(move || run(state, transport, flag))?;
    Ok(WorkerHandle {
        stop,
        thread: Some(thread),
    })
}

fn run(state: Ctx, transport: Transport, stop: Arc<AtomicBool>) {
    tracing::info!("mail worker started");
    let notifier = Notifier::new(&state.config);
    let mut filled = None;
    while !stop.load(Ordering::SeqCst) {
        if state.config.mail_constant {
            let slot = notifier.schedule().current_urgent(Utc::now());
            if filled != Some(slot) {
                match state
                    .db
                    .run_blocking(|conn| notifier.fill_constant_slot(conn, slot))
                {
                    Ok(_) => filled = Some(slot),
                    Err(e) => tracing::warn!(error = %e, "mail worker: slot not filled, retrying"),
                }
            }
        }
        match deliver_due(&state, &transport) {
            Ok(n) if n > 0 => continue,
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "mail worker: database unavailable, retrying"),
        }
        // Idle: look again shortly, waking early to stop.
        for _ in 0..10 {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    tracing::info!("mail worker stopped");
}

/// Delivers one batch of due messages; returns how many were attempted.
pub fn deliver_due(state: &Ctx, transport: &Transport) -> Result<usize, DbError> {
    deliver_due_at(state, transport, Utc::now())
}

/// [`deliver_due`] as if the clock said `now` (tests move time this way
/// rather than wait for a slot).
pub fn deliver_due_at(
    state: &Ctx,
    transport: &Transport,
    now: DateTime<Utc>,
) -> Result<usize, DbError> {
    deliver_at(state, transport, now, &|_| Ok(()))
}

/// [`deliver_due`], calling `after_send` once the server has accepted a
/// message and before it is marked sent. An error there aborts the batch's
/// transaction as a crash would: this is how the tests show what happens
/// when a worker dies in that window.
pub fn deliver_due_with(
    state: &Ctx,
    transport: &Transport,
    after_send: &dyn Fn(&OutboxRow) -> Result<(), DbError>,
) -> Result<usize, DbError> {
    deliver_at(state, transport, Utc::now(), after_send)
}

fn deliver_at(
    state: &Ctx,
    transport: &Transport,
    now: DateTime<Utc>,
    after_send: &dyn Fn(&OutboxRow) -> Result<(), DbError>,
) -> Result<usize, DbError> {
    state.db.run_blocking(|conn| {
        db::transaction(conn, |conn| {
            let rows = db::outbox::claim_due(conn, BATCH, now)?;
            for row in &rows {
                match build(state, row) {
                    Ok(message) => match transport.send(&message) {
                        Ok(()) => {
                            after_send(row)?;
                            db::outbox::mark_sent(conn, row.id)?;
                            tracing::info!(outbox_id = row.id, template = %row.template, "mail sent");
                        }
                        Err(error) => failed_attempt(state, conn, row, &error)?,
                    },
                    Err(error) => {
                        // A message that cannot be built will not build later.
                        db::outbox::mark_failed_attempt(conn, row.id, &error, Utc::now(), true)?;
                        tracing::error!(outbox_id = row.id, error = %error, "mail cannot be built");
                    }
                }
            }
            Ok(rows.len())
        })
    })
}

fn failed_attempt(
    state: &Ctx,
    conn: &mut db::Conn,
    row: &OutboxRow,
    error: &str,
) -> Result<(), DbError> {
    let attempts = row.attempts + 1;
    let give_up = attempts >= state.config.mail_max_attempts;
    let delay = backoff(state.config.mail_retry_secs, attempts);
    let next = Utc::now() + chrono::Duration::seconds(delay as i64);
    db::outbox::mark_failed_attempt(conn, row.id, error, next, give_up)?;
    if give_up {
        tracing::error!(outbox_id = row.id, attempts, "mail failed for good");
    } else {
        tracing::warn!(
            outbox_id = row.id,
            attempts,
            retry_in_secs = delay,
            "mail attempt failed"
        );
    }
    Ok(())
}

/// The delay before attempt `attempts + 1`: `base`, doubling, capped.
pub fn backoff(base_secs: u64, attempts: i32) -> u64 {
    let exp = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(0)
        .min(20);
    base_secs.saturating_mul(1u64 << exp).min(MAX_BACKOFF_SECS)
}

fn build(state: &Ctx, row: &OutboxRow) -> Result<Message, String> {
    let params: Params =
        serde_json::from_value(row.params.clone()).map_err(|e| format!("bad parameters: {e}"))?;
    let secret = match (&row.secret_key_id, &row.secret_params) {
        (Some(key_id), Some(sealed)) => {
            let plain = state
                .keyring
                .open_system(key_id, &Aad::outbox_secret(&row.message_id), sealed)
                .map_err(|_| "the sealed link could not be opened".to_string())?;
            String::from_utf8(plain.to_vec())
                .map_err(|_| "the sealed link is not text".to_string())?
        }
        _ if needs_secret(&params.email) => {
            return Err("the single-use link of this message has expired: send a new one".into());
        }
        _ => String::new(),
    };
    let link = format!("{}{}{}", state.config.base_url, params.path, secret);
    let language = Language::parse(&row.language).unwrap_or(Language::En);
    let rendered = render(&params.email, language, &link).map_err(|e| format!("template: {e}"))?;
    let from: Mailbox = state
        .config
        .mail_from
        .parse()
        .map_err(|e| format!("HAVEN_MAIL_FROM: {e}"))?;
    let to: Mailbox = row
        .recipient
        .parse()
        .map_err(|e| format!("recipient: {e}"))?;
    Message::builder()
        .from(from)
        .to(to)
        .subject(rendered.subject)
        .message_id(Some(row.message_id.clone()))
        .multipart(
            MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .body(rendered.text),
                )
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(rendered.html),
                ),
        )
        .map_err(|e| format!("message: {e}"))
}

fn needs_secret(email: &Email) -> bool {
    matches!(email, Email::Welcome | Email::PasswordReset)
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(30, 1), 30);
        assert_eq!(backoff(30, 2), 60);
        assert_eq!(backoff(30, 3), 120);
        assert_eq!(backoff(30, 30), 3600);
        assert_eq!(backoff(1, 1), 1);
    }
}
