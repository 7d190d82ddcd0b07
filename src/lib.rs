//! Haven: confidential reporting and support for people facing
//! transnational repression in Canada.
//!
//! The library holds everything; `main.rs` only reads configuration, starts
//! telemetry and dispatches the command line.

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod cases;
pub mod cli;
pub mod config;
pub mod context;
pub mod crypto;
pub mod custody;
pub mod db;
pub mod demo;
pub mod documents;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod keys;
pub mod mail;
pub mod routes;
pub mod startup;
pub mod telemetry;
pub mod web;
