//! Telling staff that something is waiting, through the outbox, in the
//! transaction of the change that causes it.

use crate::db::{self, Conn, DbError};
use crate::mail::message::Email;
use crate::mail::outbox;

/// Where the urgent-case email points: the queue filtered to urgent cases
/// (the email itself names no case).
pub const URGENT_QUEUE_PATH: &str = "/staff/cases?risk=urgent&sort=risk";

/// Queues an "urgent case waiting" email to every caseworker on duty (or,
/// when nobody is on duty, to every caseworker and admin); returns how many.
pub fn urgent_case(conn: &mut Conn, host: &str) -> Result<usize, DbError> {
    let recipients = db::users::urgent_recipients(conn)?;
    for user in &recipients {
        outbox::queue(
            conn,
            host,
            &user.email,
            &user.language,
            Email::UrgentCase,
            URGENT_QUEUE_PATH,
        )?;
    }
    Ok(recipients.len())
}
