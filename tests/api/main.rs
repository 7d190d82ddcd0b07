//! Haven's integration tests: the real application over real HTTP, each
//! test against its own fresh PostgreSQL database.

mod helpers;
mod smtp;

mod accounts;
mod atomic;
mod audit;
mod authorization;
mod bad_input;
mod browser;
mod browser_packets;

mod browser_casework;
mod browser_consent;
mod browser_report;
mod consent;
mod cookies;
mod deadlines;
mod encryption;
mod errors;
mod follow_up;
mod health;
mod intake;
mod keys_accounts;
mod keys_at_rest;
mod keys_cases;
mod keys_migration;
mod links;
mod mail;
mod packets;
mod queue_pages;
mod quiet_mail;
mod recipients;
mod referrals;
mod reporter_access;
mod reporter_input;
mod security_audit;
mod security_csrf;
mod security_dump;
mod security_escaping;
mod security_headers;
mod security_helpers;
mod security_purge;
mod security_sessions;
mod security_sql;
mod security_traces;
mod security_uploads;
mod sign_in;
mod staff_auth;
mod staff_cases;
mod starvation;
mod stats;
mod throttle;
mod totp;
mod traces;
mod triage;
