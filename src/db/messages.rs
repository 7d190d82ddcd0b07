//! Messages between caseworkers and a reporter, sealed with the case's key.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::schema::{case_messages, users};
use super::{Conn, DbError};
use crate::crypto::Sealed;

#[derive(Clone, Debug, Queryable)]
pub struct MessageRow {
    pub public_id: String,
    pub sender: String,
    pub body: Sealed,
    pub created_at: DateTime<Utc>,
    pub author_email: Option<String>,
    pub author_name: Option<String>,
}

/// Stores a message; a reporter's message gets the hour only (see
/// `events::record`).
pub fn insert(
    conn: &mut Conn,
    case_id: i64,
    public_id: &str,
    sender: &str,
    author_id: Option<i64>,
    body: &Sealed,
) -> Result<(), DbError> {
    let now = Utc::now();
    let at = if sender == "reporter" {
        super::events::coarse(now)
    } else {
        now
    };
    diesel::insert_into(case_messages::table)
        .values((
            case_messages::created_at.eq(at),
            case_messages::case_id.eq(case_id),
            case_messages::public_id.eq(public_id),
            case_messages::sender.eq(sender),
            case_messages::author_id.eq(author_id),
            case_messages::body.eq(body),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn for_case(conn: &mut Conn, case_id: i64) -> Result<Vec<MessageRow>, DbError> {
    Ok(case_messages::table
        .left_join(users::table.on(users::id.nullable().eq(case_messages::author_id)))
        .filter(case_messages::case_id.eq(case_id))
        // Ids are random: order by time (a reporter's rows have the hour).
        .order((case_messages::created_at.asc(), case_messages::id.asc()))
        .select((
            case_messages::public_id,
            case_messages::sender,
            case_messages::body,
            case_messages::created_at,
            users::email.nullable(),
            users::display_name.nullable(),
        ))
        .load(conn)?)
}
