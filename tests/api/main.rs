//! Haven's integration tests: the real application over real HTTP, each
//! test against its own fresh PostgreSQL database.

mod helpers;

mod accounts;
mod authorization;
mod encryption;
mod errors;
mod health;
mod intake;
mod mail;
mod staff_auth;
mod staff_cases;
mod stats;
mod throttle;
mod totp;
mod triage;
