//! Pages for reporters: no account, no tracking, nothing stored about the
//! visitor.

pub mod exit;
pub mod follow_up;
pub mod home;
pub mod receipt;
pub mod report;
