//! Every route of Haven, by area. This file is the map: what answers where.

mod assets;
mod health;
pub mod intake_form;
pub mod public;
pub mod staff;

use actix_web::middleware::from_fn;
use actix_web::{FromRequest, Handler, HttpResponse, Resource, Responder, web};

use crate::web::{AppError, staff_gate};

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
    "/follow-up/case/consent",
    "/follow-up/leave",
];

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(at("/healthz").get(health::healthz).done())
        .service(at("/readyz").get(health::readyz).done())
        .service(at("/metrics").get(crate::web::metrics::metrics).done())
        .service(at("/static/{file}").get(assets::serve).done())
        .service(at("/").get(public::home::show).done())
        .service(at("/exit").get(public::exit::leave).done())
        .service(at("/exit/now").get(public::exit::away).done())
        .service(
            at("/report")
                .get(public::report::form)
                .post(public::report::submit)
                .done(),
        )
        .service(
            at("/report/receipt")
                .get(public::receipt::show)
                .post(public::receipt::done)
                .done(),
        )
        .service(
            at("/follow-up")
                .get(public::follow_up::form)
                .post(public::follow_up::open)
                .done(),
        )
        .service(at("/follow-up/case").get(public::follow_up::show).done())
        .service(
            at("/follow-up/case/messages")
                .post(public::follow_up::reply)
                .done(),
        )
        .service(
            at("/follow-up/case/evidence")
                .post(public::follow_up::evidence)
                .done(),
        )
        .service(
            at("/follow-up/case/deletion")
                .post(public::follow_up::delete)
                .done(),
        )
        .service(
            at("/follow-up/case/deletion/cancel")
                .post(public::follow_up::keep)
                .done(),
        )
        .service(
            at("/follow-up/case/consent")
                .post(public::follow_up::consent)
                .done(),
        )
        .service(at("/follow-up/leave").post(public::follow_up::leave).done())
        .service(
            web::scope("/staff")
                .wrap(from_fn(staff_gate))
                .service(at("").get(staff::home::show).done())
                .service(
                    at("/login")
                        .get(staff::login::form)
                        .post(staff::login::submit)
                        .done(),
                )
                .service(
                    at("/login/verify")
                        .get(staff::login::verify_form)
                        .post(staff::login::verify_submit)
                        .done(),
                )
                .service(at("/logout").post(staff::login::logout).done())
                .service(
                    at("/password/{token}")
                        .get(staff::password::form)
                        .post(staff::password::submit)
                        .done(),
                )
                .service(at("/account").get(staff::account::show).done())
                .service(at("/account/profile").post(staff::account::profile).done())
                .service(at("/account/duty").post(staff::account::duty).done())
                .service(
                    at("/account/password")
                        .post(staff::account::change_password)
                        .done(),
                )
                .service(at("/account/totp").get(staff::account::totp_show).done())
                .service(
                    at("/account/totp/qr.svg")
                        .get(staff::account::totp_qr)
                        .done(),
                )
                .service(
                    at("/account/totp/start")
                        .post(staff::account::totp_start)
                        .done(),
                )
                .service(
                    at("/account/totp/confirm")
                        .post(staff::account::totp_confirm)
                        .done(),
                )
                .service(
                    at("/account/totp/recovery")
                        .post(staff::account::totp_recovery)
                        .done(),
                )
                .service(
                    at("/account/totp/disable")
                        .post(staff::account::totp_disable)
                        .done(),
                )
                .service(
                    at("/account/passkeys/new")
                        .post(staff::account::passkey_new)
                        .done(),
                )
                .service(
                    at("/account/passkeys")
                        .post(staff::account::passkey_add)
                        .done(),
                )
                .service(
                    at("/account/passkeys/{id}/remove")
                        .get(staff::account::passkey_remove_form)
                        .post(staff::account::passkey_remove)
                        .done(),
                )
                .service(at("/cases").get(staff::cases::queue).done())
                .service(at("/cases/{reference}").get(staff::cases::show).done())
                .service(
                    at("/cases/{reference}/evidence/{evidence_id}")
                        .get(staff::cases::evidence)
                        .done(),
                )
                .service(
                    at("/cases/{reference}/status")
                        .post(staff::cases::set_status)
                        .done(),
                )
                .service(
                    at("/cases/{reference}/risk")
                        .post(staff::cases::set_risk)
                        .done(),
                )
                .service(
                    at("/cases/{reference}/assign")
                        .post(staff::cases::assign)
                        .done(),
                )
                .service(
                    at("/cases/{reference}/triage")
                        .post(staff::cases::triage)
                        .done(),
                )
                .service(
                    at("/cases/{reference}/notes")
                        .post(staff::cases::add_note)
                        .done(),
                )
                .service(
                    at("/cases/{reference}/referrals")
                        .post(staff::referrals::refer)
                        .done(),
                )
                .service(
                    at("/cases/{reference}/packets")
                        .post(staff::packets::build)
                        .done(),
                )
                .service(at("/packets/{id}").get(staff::packets::show).done())
                .service(
                    at("/packets/{id}/download")
                        .post(staff::packets::download)
                        .done(),
                )
                .service(
                    at("/cases/{reference}/messages")
                        .post(staff::cases::message)
                        .done(),
                )
                .service(
                    at("/cases/{reference}/purge")
                        .post(staff::cases::purge)
                        .done(),
                )
                .service(
                    at("/cases/{reference}/links/{other}/confirm")
                        .post(staff::links::confirm)
                        .done(),
                )
                .service(
                    at("/cases/{reference}/links/{other}/dismiss")
                        .post(staff::links::dismiss)
                        .done(),
                )
                .service(at("/links").get(staff::links::groups).done())
                .service(at("/referrals").get(staff::referrals::list).done())
                .service(at("/referrals/{id}").get(staff::referrals::show).done())
                .service(
                    at("/referrals/{id}/accept")
                        .post(staff::referrals::accept)
                        .done(),
                )
                .service(
                    at("/referrals/{id}/decline")
                        .post(staff::referrals::decline)
                        .done(),
                )
                .service(
                    at("/referrals/{id}/updates")
                        .post(staff::referrals::update)
                        .done(),
                )
                .service(
                    at("/referrals/{id}/packets/{packet}/download")
                        .post(staff::packets::download_for_group)
                        .done(),
                )
                .service(
                    at("/intake")
                        .get(staff::intake::form)
                        .post(staff::intake::submit)
                        .done(),
                )
                .service(at("/stats").get(staff::stats::show).done())
                .service(at("/stats.csv").get(staff::stats::csv).done())
                .service(
                    at("/admin/users")
                        .get(staff::admin_users::list)
                        .post(staff::admin_users::create)
                        .done(),
                )
                .service(at("/admin/users/{id}").get(staff::admin_users::show).done())
                .service(
                    at("/admin/users/{id}/active")
                        .post(staff::admin_users::set_active)
                        .done(),
                )
                .service(
                    at("/admin/users/{id}/role")
                        .post(staff::admin_users::set_role)
                        .done(),
                )
                .service(
                    at("/admin/users/{id}/duty")
                        .post(staff::admin_users::set_duty)
                        .done(),
                )
                .service(
                    at("/admin/users/{id}/reset")
                        .post(staff::admin_users::send_reset)
                        .done(),
                )
                .service(
                    at("/admin/users/{id}/factors")
                        .post(staff::admin_users::reset_factors)
                        .done(),
                )
                .service(
                    at("/admin/groups")
                        .get(staff::admin_groups::list)
                        .post(staff::admin_groups::create)
                        .done(),
                )
                .service(
                    at("/admin/groups/{id}")
                        .get(staff::admin_groups::show)
                        .post(staff::admin_groups::update)
                        .done(),
                )
                .service(at("/admin/audit").get(staff::admin_audit::show).done())
                .service(at("/admin/outbox").get(staff::admin_outbox::list).done())
                .service(
                    at("/admin/outbox/{id}/retry")
                        .post(staff::admin_outbox::retry)
                        .done(),
                ),
        );
}

/// One path and the handlers that answer it. Any other method gets 405 with
/// `Allow` (HEAD is answered as GET by [`crate::web::head_as_get`]); under
/// `/staff` the gate answers first, from the policy table.
struct At {
    resource: Resource,
    allow: Vec<&'static str>,
}

fn at(path: &'static str) -> At {
    At {
        resource: web::resource(path),
        allow: Vec::new(),
    }
}

impl At {
    fn get<F, Args>(mut self, handler: F) -> Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.resource = self.resource.route(web::get().to(handler));
        self.allow.extend(["GET", "HEAD"]);
        self
    }

    fn post<F, Args>(mut self, handler: F) -> Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.resource = self.resource.route(web::post().to(handler));
        self.allow.push("POST");
        self
    }

    fn done(self) -> Resource {
        let allow = self.allow.join(", ");
        self.resource.default_service(web::to(move || {
            let allow = allow.clone();
            async move { Err::<HttpResponse, _>(AppError::MethodNotAllowed { allow }) }
        }))
    }
}
