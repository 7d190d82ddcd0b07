//! The mail outbox. Rows are written inside the transaction of the change
//! that causes them; the mail worker claims due rows with `FOR UPDATE SKIP
//! LOCKED`, so that several instances never take the same message.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::outbox;
use super::{Conn, DbError};
use crate::crypto::Sealed;

/// A message to send: to whom, which template, in which language, with
/// which non-secret parameters.
#[derive(Clone, Debug)]
pub struct NewMessage {
    pub recipient: String,
    pub template: &'static str,
    pub language: String,
    pub params: serde_json::Value,
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    pub id: i64,
    pub message_id: String,
    pub recipient: String,
    pub template: String,
    pub language: String,
    pub params: serde_json::Value,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub secret_key_id: Option<String>,
    pub secret_params: Option<Sealed>,
    pub slot_at: Option<DateTime<Utc>>,
}

/// Queues `message`; its Message-ID is fixed now, so every attempt to
/// deliver it carries the same one.
pub fn enqueue(
    conn: &mut Conn,
    message: &NewMessage,
    message_id: &str,
    secret: Option<(String, Sealed)>,
) -> Result<(), DbError> {
    let (key_id, sealed) = secret.map_or((None, None), |(k, s)| (Some(k), Some(s)));
    diesel::insert_into(outbox::table)
        .values((
            outbox::secret_key_id.eq(key_id),
            outbox::secret_params.eq(sealed),
            outbox::message_id.eq(message_id),
            outbox::recipient.eq(&message.recipient),
            outbox::template.eq(message.template),
            outbox::language.eq(&message.language),
            outbox::params.eq(&message.params),
        ))
        .execute(conn)?;
    Ok(())
}

/// Queues `message` for the slot at `slot`: it is dated and due at the
/// slot, not when it was written. A recipient gets one message of a kind
/// per slot: when one is already queued, this adds nothing (false).
pub fn enqueue_in_slot(
    conn: &mut Conn,
    message: &NewMessage,
    message_id: &str,
    slot: DateTime<Utc>,
) -> Result<bool, DbError> {
    let n = diesel::insert_into(outbox::table)
        .values((
            outbox::message_id.eq(message_id),
            outbox::recipient.eq(&message.recipient),
            outbox::template.eq(message.template),
            outbox::language.eq(&message.language),
            outbox::params.eq(&message.params),
            outbox::slot_at.eq(slot),
            outbox::next_attempt_at.eq(slot),
            outbox::created_at.eq(slot),
        ))
        .on_conflict((outbox::recipient, outbox::template, outbox::slot_at))
        .do_nothing()
        .execute(conn)?;
    Ok(n == 1)
}

/// Claims up to `limit` messages due at `now`; they stay locked until the
/// surrounding transaction ends.
pub fn claim_due(
    conn: &mut Conn,
    limit: i64,
    now: DateTime<Utc>,
) -> Result<Vec<OutboxRow>, DbError> {
    Ok(outbox::table
        .filter(outbox::status.eq("pending"))
        .filter(outbox::next_attempt_at.le(now))
        .order((outbox::next_attempt_at.asc(), outbox::id.asc()))
        .limit(limit)
        .select(OutboxRow::as_select())
        .for_update()
        .skip_locked()
        .load(conn)?)
}

pub fn mark_sent(conn: &mut Conn, id: i64) -> Result<(), DbError> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::status.eq("sent"),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::sent_at.eq(diesel::dsl::now),
            outbox::last_error.eq(None::<String>),
            outbox::secret_key_id.eq(None::<String>),
            outbox::secret_params.eq(None::<Sealed>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records a failed attempt: retried at `next_attempt_at`, or failed for
/// good when `give_up`.
pub fn mark_failed_attempt(
    conn: &mut Conn,
    id: i64,
    error: &str,
    next_attempt_at: DateTime<Utc>,
    give_up: bool,
) -> Result<(), DbError> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::status.eq(if give_up { "failed" } else { "pending" }),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::next_attempt_at.eq(next_attempt_at),
            outbox::last_error.eq(Some(error)),
        ))
        .execute(conn)?;
    if give_up {
        // A message that will not be sent must not keep its secret.
        diesel::update(outbox::table.find(id))
            .set((
                outbox::secret_key_id.eq(None::<String>),
                outbox::secret_params.eq(None::<Sealed>),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Puts a failed message back in line, as new.
pub fn retry(conn: &mut Conn, id: i64) -> Result<bool, DbError> {
    let n = diesel::update(outbox::table.find(id).filter(outbox::status.eq("failed")))
        .set((
            outbox::status.eq("pending"),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn list(
    conn: &mut Conn,
    status: Option<&str>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<OutboxRow>, DbError> {
    // Ids are random (they must not date the rows): newest first is by date.
    let anchor: Option<(DateTime<Utc>, i64)> = match before {
        Some(id) => outbox::table
            .find(id)
            .select((outbox::created_at, outbox::id))
            .first(conn)
            .optional()?,
        None => None,
    };
    if before.is_some() && anchor.is_none() {
        return Ok(Vec::new());
    }
    let mut q = outbox::table
        .select(OutboxRow::as_select())
        .order((outbox::created_at.desc(), outbox::id.desc()))
        .limit(limit)
        .into_boxed();
    if let Some(status) = status {
        q = q.filter(outbox::status.eq(status.to_string()));
    }
    if let Some((at, id)) = anchor {
        q = q.filter(
            outbox::created_at
                .lt(at)
                .or(outbox::created_at.eq(at).and(outbox::id.lt(id))),
        );
    }
    Ok(q.load(conn)?)
}

/// Deletes the messages delivered before `before`; returns how many.
pub fn prune_sent(conn: &mut Conn, before: DateTime<Utc>) -> Result<usize, DbError> {
    Ok(diesel::delete(
        outbox::table
            .filter(outbox::status.eq("sent"))
            .filter(outbox::sent_at.lt(before)),
    )
    .execute(conn)?)
}

/// Messages by status, counting pending ones only once they are due (their
/// slot has come): a message waiting for a later slot exists because of
/// something someone did just now, and counting it would date that.
pub fn due_counts(conn: &mut Conn) -> Result<Vec<(String, i64)>, DbError> {
    Ok(outbox::table
        .filter(
            outbox::status
                .ne("pending")
                .or(outbox::slot_at.is_null())
                .or(outbox::slot_at.le(diesel::dsl::now)),
        )
        .group_by(outbox::status)
        .select((outbox::status, diesel::dsl::count_star()))
        .load(conn)?)
}

pub fn counts(conn: &mut Conn) -> Result<Vec<(String, i64)>, DbError> {
    Ok(outbox::table
        .group_by(outbox::status)
        .select((outbox::status, diesel::dsl::count_star()))
        .load(conn)?)
}

/// Queued secrets sealed under another master key: (id, message id, key id, sealed).
pub fn secrets_not_under(
    conn: &mut Conn,
    key_id: &str,
) -> Result<Vec<(i64, String, String, Sealed)>, DbError> {
    let rows: Vec<(i64, String, Option<String>, Option<Sealed>)> = outbox::table
        .filter(outbox::secret_key_id.is_not_null())
        .filter(outbox::secret_key_id.ne(key_id))
        .select((
            outbox::id,
            outbox::message_id,
            outbox::secret_key_id,
            outbox::secret_params,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, m, k, s)| Some((id, m, k?, s?)))
        .collect())
}

pub fn set_secret(conn: &mut Conn, id: i64, key_id: &str, sealed: &Sealed) -> Result<(), DbError> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::secret_key_id.eq(key_id),
            outbox::secret_params.eq(sealed),
        ))
        .execute(conn)?;
    Ok(())
}
