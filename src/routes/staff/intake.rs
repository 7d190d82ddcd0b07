//! Intake by phone: a caseworker enters a report on behalf of a caller and
//! reads the reference and receipt back to them. Same form, same checks and
//! same encryption as the public intake; the case is marked as received by
//! phone.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::auth::Staff;
use crate::cases::intake::take_by_phone;
use crate::domain::{IntakeErrors, RawIntake};
use crate::i18n::Tr;
use crate::routes::intake_form::{Choices, FormValues, HeldView, read_intake};
use crate::web::{AppError, AppState, no_store, render, render_with_status};

#[derive(Template)]
#[template(path = "staff/intake.html")]
struct IntakePage {
    t: Tr,
    nav: Option<StaffNav>,
    action: String,
    report_lang: String,
    v: FormValues,
    errors: IntakeErrors,
    files_dropped: bool,
    choices: Choices,
    /// How long a closed case is kept, said beside the consents.
    retention_days: i64,
    /// Every question on one page (the public form's step 0).
    step: u8,
    /// Files are not held between attempts here: none to list.
    held: Vec<HeldView>,
}

fn page(
    staff: &Staff,
    state: &AppState,
    t: Tr,
    v: RawIntake,
    errors: IntakeErrors,
    files_dropped: bool,
) -> IntakePage {
    let action = format!(
        "{}{}csrf_token={}",
        t.url("/staff/intake"),
        if t.explicit { "&" } else { "?" },
        staff.csrf_token
    );
    let report_lang = if v.lang.is_empty() {
        t.code_str().to_string()
    } else {
        v.lang.clone()
    };
    IntakePage {
        t,
        nav: StaffNav::for_staff(staff),
        action,
        report_lang,
        v: FormValues::new(v.without_controls()),
        errors,
        files_dropped,
        choices: Choices::ALL,
        retention_days: state.config.retention_days,
        step: 0,
        held: Vec::new(),
    }
}

pub async fn form(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    render(&page(
        &staff,
        &state,
        t.for_staff(),
        RawIntake::default(),
        IntakeErrors::default(),
        false,
    ))
}

#[derive(Template)]
#[template(path = "staff/intake_done.html")]
struct DonePage {
    t: Tr,
    nav: Option<StaffNav>,
    reference: String,
    receipt: String,
    case_href: String,
}

pub async fn submit(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    body: Multipart,
) -> Result<HttpResponse, AppError> {
    let t = t.for_staff();
    let upload = read_intake(body).await?;
    let report = match upload.parse(chrono::Utc::now().date_naive()) {
        Ok(report) => report,
        Err(errors) => {
            let dropped = upload.files_dropped();
            return Ok(no_store(render_with_status(
                &page(&staff, &state, t, upload.raw, errors, dropped),
                StatusCode::UNPROCESSABLE_ENTITY,
            )?));
        }
    };
    let filed = take_by_phone(&state, report, upload.files, staff.user_id).await?;
    tracing::info!(user_id = staff.user_id, "report taken by phone");
    Ok(no_store(render(&DonePage {
        t,
        nav: StaffNav::for_staff(&staff),
        case_href: t.url(&format!("/staff/cases/{}", filed.reference.as_str())),
        reference: filed.reference.as_str().to_string(),
        receipt: filed.receipt.grouped(),
    })?))
}
