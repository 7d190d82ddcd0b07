//! The reporter's side of a case: opened with reference and receipt, for a
//! short visit. A reporter reads the status in plain words and the
//! caseworkers' messages, replies, adds evidence, and can ask for the
//! report to be deleted.
//!
//! Opening is slow on purpose (Argon2id) and costs the same for a wrong
//! receipt as for an unknown reference. Failures are counted per reference
//! (keyed hash, in PostgreSQL) and per source (in memory only, forgotten
//! after the window: no reporter address is ever stored). While a
//! reference or a source is held back, one attempt for it every
//! `throttle::HELD_CHECK_SECS` seconds is checked — the right receipt then
//! opens — and the others are answered "wait" without any hashing: the
//! hold bounds the Argon2 work an attacker can cause, and guessing is
//! bounded by the receipt's 66 random bits.
//!
//! The reporter sees the consents they gave, with what each recipient
//! would see, and can give or withdraw each one ([`change_consent`]); and
//! sees who their case was shared with beyond Haven.
//!
//! A deletion request takes effect after a grace period of
//! [`DELETION_GRACE_HOURS`], during which the reporter can cancel it (a
//! request made under pressure can be taken back); a caseworker can carry
//! it out at once.

mod consent;
mod open;
mod reporter_actions;
mod visit;

pub use consent::{ConsentOutcome, change_consent};
pub use open::{Opening, open};
pub use reporter_actions::{
    AccessLine, Added, ReporterView, SharedLine, add_evidence, deletion_due, reply,
    request_deletion, view,
};
pub use visit::{Visit, end_visit, leave_notice, resolve_visit, start_visit};

pub const VISIT_IDLE_SECS: i64 = 20 * 60;
pub const VISIT_ABSOLUTE_SECS: i64 = 2 * 3600;
pub const DELETION_GRACE_HOURS: i64 = 72;
