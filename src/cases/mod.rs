//! Casework operations that span crypto and the database: filing a report,
//! opening a case for staff, reading its evidence. Routes call these; these
//! call the database and crypto modules.

pub mod evidence;
pub mod intake;
pub mod notify;
pub mod stats;
pub mod view;
pub mod workflow;
