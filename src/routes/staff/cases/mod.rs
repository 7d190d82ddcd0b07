//! The staff case pages, one file per page: the queue, one case (with its
//! evidence), and the triage actions that change a case.

mod actions;
mod case;
mod queue;

pub use actions::{add_note, assign, message, purge, set_risk, set_status, triage};
pub(crate) use case::{Refused, outcome};
pub use case::{evidence, show};
pub use queue::queue;
