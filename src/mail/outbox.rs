//! Queuing a message: one outbox row, written with the caller's connection
//! so that it commits or rolls back with the change that caused it.

use serde::{Deserialize, Serialize};

use super::message::Email;
use crate::crypto::{Aad, Keyring, new_token};
use chrono::{DateTime, Utc};

use crate::db::outbox::{NewMessage, enqueue, enqueue_in_slot};
use crate::db::{Conn, DbError};

/// What the worker needs to render a queued message.
#[derive(Debug, Serialize, Deserialize)]
pub struct Params {
    pub email: Email,
    /// The path the message links to (the secret, if any, is appended).
    pub path: String,
}

/// A Message-ID for a new message, fixed at queue time: `<random@host>`.
pub fn new_message_id(host: &str) -> String {
    format!("<{}@{}>", &new_token()[..32], host)
}

/// Queues `email` to `recipient`, linking to `path`.
pub fn queue(
    conn: &mut Conn,
    host: &str,
    recipient: &str,
    language: &str,
    email: Email,
    path: &str,
) -> Result<(), DbError> {
    let message = NewMessage {
        recipient: recipient.to_string(),
        template: email.template(),
        language: language.to_string(),
        params: serde_json::to_value(Params {
            email,
            path: path.to_string(),
        })
        .expect("plain data serialises"),
    };
    enqueue(conn, &message, &new_message_id(host), None)
}

/// Queues `email` to `recipient`, linking to `path`, for the slot at
/// `slot` (see [`super::slots`]); nothing more if the recipient already
/// has a message of this kind in that slot.
pub fn queue_in_slot(
    conn: &mut Conn,
    host: &str,
    recipient: &str,
    language: &str,
    email: Email,
    path: &str,
    slot: DateTime<Utc>,
) -> Result<bool, DbError> {
    let message = NewMessage {
        recipient: recipient.to_string(),
        template: email.template(),
        language: language.to_string(),
        params: serde_json::to_value(Params {
            email,
            path: path.to_string(),
        })
        .expect("plain data serialises"),
    };
    enqueue_in_slot(conn, &message, &new_message_id(host), slot)
}

/// Queues `email` whose link ends with `secret` (a single-use token). The
/// secret is sealed in the outbox row and erased once the message is sent
/// or has failed for good.
#[allow(clippy::too_many_arguments)]
pub fn queue_with_secret(
    conn: &mut Conn,
    keyring: &Keyring,
    host: &str,
    recipient: &str,
    language: &str,
    email: Email,
    path: &str,
    secret: &str,
) -> Result<(), DbError> {
    let message_id = new_message_id(host);
    let (key_id, sealed) = keyring.seal_system(&Aad::outbox_secret(&message_id), secret.as_bytes());
    let message = NewMessage {
        recipient: recipient.to_string(),
        template: email.template(),
        language: language.to_string(),
        params: serde_json::to_value(Params {
            email,
            path: path.to_string(),
        })
        .expect("plain data serialises"),
    };
    enqueue(conn, &message, &message_id, Some((key_id, sealed)))
}
