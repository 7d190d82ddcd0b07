//! The signed-in staff member's own account.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::auth::{SESSION_IDLE_SECS, Staff};
use crate::db;
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render};

#[derive(Template)]
#[template(path = "staff/account.html")]
struct AccountPage {
    t: Tr,
    nav: Option<StaffNav>,
    email: String,
    role: &'static str,
    organisation: Option<String>,
    idle_minutes: i64,
}

pub async fn show(staff: Staff, t: Tr, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let organisation = match staff.organisation_id {
        Some(id) => state.db.run(move |conn| db::organisations::find(conn, id)).await?.map(|o| o.name),
        None => None,
    };
    render(&AccountPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(&staff),
        email: staff.email.clone(),
        role: staff.role.as_str(),
        organisation,
        idle_minutes: SESSION_IDLE_SECS / 60,
    })
}
