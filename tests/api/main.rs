//! Haven's integration tests: the real application over real HTTP, each
//! test against its own fresh PostgreSQL database.

mod helpers;
mod smtp;

mod accounts;
mod authorization;
mod browser;
mod encryption;
mod errors;
mod follow_up;
mod health;
mod intake;
mod mail;
mod referrals;
mod reporter_input;
mod security;
mod staff_auth;
mod staff_cases;
mod stats;
mod throttle;
mod totp;
mod traces;
mod triage;
