//! Every route of Haven, by area. This file is the map: what answers where.

mod assets;
mod health;
pub mod public;
pub mod staff;

use actix_web::middleware::from_fn;
use actix_web::web;

use crate::auth::staff_gate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(health::healthz))
        .route("/readyz", web::get().to(health::readyz))
        .route("/static/{file}", web::get().to(assets::serve))
        .route("/", web::get().to(public::home::show))
        .route("/report", web::get().to(public::report::form))
        .route("/report", web::post().to(public::report::submit))
        .route("/report/receipt", web::get().to(public::receipt::show))
        .route("/report/receipt", web::post().to(public::receipt::done))
        .service(
            web::scope("/staff")
                .wrap(from_fn(staff_gate))
                .route("", web::get().to(staff::home::show))
                .route("/login", web::get().to(staff::login::form))
                .route("/login", web::post().to(staff::login::submit))
                .route("/logout", web::post().to(staff::login::logout))
                .route("/account", web::get().to(staff::account::show))
                .route("/cases", web::get().to(staff::cases::queue))
                .route("/cases/{reference}", web::get().to(staff::cases::show))
                .route("/cases/{reference}/evidence/{evidence_id}", web::get().to(staff::cases::evidence)),
        );
}
