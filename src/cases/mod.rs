//! Casework operations that span crypto and the database: filing a report,
//! opening a case for staff, reading its evidence. Routes call these; these
//! call the database and crypto modules.

pub mod evidence;
pub mod follow_up;
pub mod intake;
pub mod messages;
pub mod notify;
pub mod purge;
pub mod referrals;
pub mod stats;
pub mod view;
pub mod workflow;
