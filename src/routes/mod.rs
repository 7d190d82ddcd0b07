//! Every route of Haven, by area. This file is the map: what answers where.

mod assets;
mod health;
pub mod public;
pub mod staff;

use actix_web::middleware::from_fn;
use actix_web::web;

use crate::auth::staff_gate;

/// The public routes that change something, each protected by its form's
/// token (staff routes are listed in `auth::policy::RULES`).
pub const PUBLIC_POSTS: &[&str] = &[
    "/report",
    "/report/receipt",
    "/follow-up",
    "/follow-up/case/messages",
    "/follow-up/case/evidence",
    "/follow-up/case/deletion",
    "/follow-up/case/deletion/cancel",
    "/follow-up/leave",
];

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(health::healthz))
        .route("/readyz", web::get().to(health::readyz))
        .route("/static/{file}", web::get().to(assets::serve))
        .route("/", web::get().to(public::home::show))
        .route("/exit", web::get().to(public::exit::leave))
        .route("/exit/now", web::get().to(public::exit::away))
        .route("/report", web::get().to(public::report::form))
        .route("/report", web::post().to(public::report::submit))
        .route("/report/receipt", web::get().to(public::receipt::show))
        .route("/report/receipt", web::post().to(public::receipt::done))
        .route("/follow-up", web::get().to(public::follow_up::form))
        .route("/follow-up", web::post().to(public::follow_up::open))
        .route("/follow-up/case", web::get().to(public::follow_up::show))
        .route(
            "/follow-up/case/messages",
            web::post().to(public::follow_up::reply),
        )
        .route(
            "/follow-up/case/evidence",
            web::post().to(public::follow_up::evidence),
        )
        .route(
            "/follow-up/case/deletion",
            web::post().to(public::follow_up::delete),
        )
        .route(
            "/follow-up/case/deletion/cancel",
            web::post().to(public::follow_up::keep),
        )
        .route("/follow-up/leave", web::post().to(public::follow_up::leave))
        .service(
            web::scope("/staff")
                .wrap(from_fn(staff_gate))
                .route("", web::get().to(staff::home::show))
                .route("/login", web::get().to(staff::login::form))
                .route("/login", web::post().to(staff::login::submit))
                .route("/logout", web::post().to(staff::login::logout))
                .route("/password/{token}", web::get().to(staff::password::form))
                .route("/password/{token}", web::post().to(staff::password::submit))
                .route("/account", web::get().to(staff::account::show))
                .route("/account/profile", web::post().to(staff::account::profile))
                .route("/account/duty", web::post().to(staff::account::duty))
                .route("/account/totp", web::get().to(staff::account::totp_show))
                .route(
                    "/account/totp/qr.svg",
                    web::get().to(staff::account::totp_qr),
                )
                .route(
                    "/account/totp/start",
                    web::post().to(staff::account::totp_start),
                )
                .route(
                    "/account/totp/confirm",
                    web::post().to(staff::account::totp_confirm),
                )
                .route(
                    "/account/totp/recovery",
                    web::post().to(staff::account::totp_recovery),
                )
                .route(
                    "/account/totp/disable",
                    web::post().to(staff::account::totp_disable),
                )
                .route("/cases", web::get().to(staff::cases::queue))
                .route("/cases/{reference}", web::get().to(staff::cases::show))
                .route(
                    "/cases/{reference}/evidence/{evidence_id}",
                    web::get().to(staff::cases::evidence),
                )
                .route(
                    "/cases/{reference}/status",
                    web::post().to(staff::cases::set_status),
                )
                .route(
                    "/cases/{reference}/risk",
                    web::post().to(staff::cases::set_risk),
                )
                .route(
                    "/cases/{reference}/assign",
                    web::post().to(staff::cases::assign),
                )
                .route(
                    "/cases/{reference}/notes",
                    web::post().to(staff::cases::add_note),
                )
                .route(
                    "/cases/{reference}/referrals",
                    web::post().to(staff::referrals::refer),
                )
                .route(
                    "/cases/{reference}/messages",
                    web::post().to(staff::cases::message),
                )
                .route(
                    "/cases/{reference}/purge",
                    web::post().to(staff::cases::purge),
                )
                .route("/referrals", web::get().to(staff::referrals::list))
                .route("/referrals/{id}", web::get().to(staff::referrals::show))
                .route(
                    "/referrals/{id}/accept",
                    web::post().to(staff::referrals::accept),
                )
                .route(
                    "/referrals/{id}/decline",
                    web::post().to(staff::referrals::decline),
                )
                .route(
                    "/referrals/{id}/updates",
                    web::post().to(staff::referrals::update),
                )
                .route("/intake", web::get().to(staff::intake::form))
                .route("/intake", web::post().to(staff::intake::submit))
                .route("/stats", web::get().to(staff::stats::show))
                .route("/stats.csv", web::get().to(staff::stats::csv))
                .route("/admin/users", web::get().to(staff::admin_users::list))
                .route("/admin/users", web::post().to(staff::admin_users::create))
                .route("/admin/users/{id}", web::get().to(staff::admin_users::show))
                .route(
                    "/admin/users/{id}/active",
                    web::post().to(staff::admin_users::set_active),
                )
                .route(
                    "/admin/users/{id}/role",
                    web::post().to(staff::admin_users::set_role),
                )
                .route(
                    "/admin/users/{id}/duty",
                    web::post().to(staff::admin_users::set_duty),
                )
                .route(
                    "/admin/users/{id}/reset",
                    web::post().to(staff::admin_users::send_reset),
                )
                .route("/admin/groups", web::get().to(staff::admin_groups::list))
                .route("/admin/groups", web::post().to(staff::admin_groups::create))
                .route(
                    "/admin/groups/{id}",
                    web::get().to(staff::admin_groups::show),
                )
                .route(
                    "/admin/groups/{id}",
                    web::post().to(staff::admin_groups::update),
                )
                .route("/admin/audit", web::get().to(staff::admin_audit::show))
                .route("/admin/outbox", web::get().to(staff::admin_outbox::list))
                .route(
                    "/admin/outbox/{id}/retry",
                    web::post().to(staff::admin_outbox::retry),
                ),
        );
}
