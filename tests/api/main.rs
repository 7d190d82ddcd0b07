//! Haven's integration tests: the real application over real HTTP, each
//! test against its own fresh PostgreSQL database.

mod helpers;

mod encryption;
mod errors;
mod health;
mod intake;
mod staff_auth;
mod staff_cases;
