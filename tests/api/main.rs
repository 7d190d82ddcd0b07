//! Haven's integration tests: the real application over real HTTP, each
//! test against its own fresh PostgreSQL database.

mod helpers;
mod smtp;

mod accounts;
mod audit;
mod authorization;
mod bad_input;
mod browser;
mod cookies;
mod encryption;
mod errors;
mod follow_up;
mod health;
mod intake;
mod mail;
mod quiet_mail;
mod referrals;
mod reporter_input;
mod security;
mod sign_in;
mod staff_auth;
mod staff_cases;
mod starvation;
mod stats;
mod throttle;
mod totp;
mod traces;
mod triage;
