//! `/staff`: where each role starts.

use actix_web::HttpResponse;
use actix_web::http::header;

use crate::auth::Staff;
use crate::i18n::Tr;

pub async fn show(staff: Staff, t: Tr) -> HttpResponse {
    let t = t.for_staff();
    let target = if staff.role.works_cases() {
        "/staff/cases"
    } else {
        "/staff/referrals"
    };
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, t.url(target)))
        .finish()
}
