//! The intake form: `GET /report` shows it, `POST /report` files it.
//!
//! On success the reporter is sent (303) to the receipt page; the reference
//! and receipt travel there in a short-lived, sealed, HttpOnly cookie, so
//! that they appear in no URL, no browser history and no server log.

use actix_multipart::Multipart;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::receipt;
use crate::cases::intake::{Filing, OneTime, file_with};
use crate::domain::{FieldError, IntakeErrors, IntakeSource, Language, RawIntake};
use crate::i18n::Tr;
use crate::routes::intake_form::{Choices, FormValues, IntakeUpload, read_intake};
use crate::web::{AppError, AppState, FormTokens, no_store, reject_cross_site, render_with_status};

#[derive(Template)]
#[template(path = "public/report.html")]
struct ReportPage {
    t: Tr,
    path: &'static str,
    csrf_token: String,
    v: FormValues,
    errors: IntakeErrors,
    files_dropped: bool,
    choices: Choices,
    /// How long a closed case is kept (`HAVEN_RETENTION_DAYS`), said
    /// beside the consents.
    retention_days: i64,
}

fn page(
    state: &AppState,
    t: Tr,
    v: RawIntake,
    errors: IntakeErrors,
    files_dropped: bool,
) -> ReportPage {
    ReportPage {
        t,
        path: "/report",
        csrf_token: FormTokens::issue(state, FormTokens::REPORT),
        v: FormValues::new(v.without_controls()),
        errors,
        files_dropped,
        choices: Choices::ALL,
        retention_days: state.config.retention_days,
    }
}

pub async fn form(state: web::Data<AppState>, t: Tr) -> Result<HttpResponse, AppError> {
    render_with_status(
        &page(
            &state,
            t,
            RawIntake::default(),
            IntakeErrors::default(),
            false,
        ),
        StatusCode::OK,
    )
}

/// Shows the form again with the reporter's words and what to fix. Never
/// cached: it holds what the reporter typed.
fn form_again(
    state: &AppState,
    t: Tr,
    upload: IntakeUpload,
    errors: IntakeErrors,
) -> Result<HttpResponse, AppError> {
    let files_dropped = upload.files_dropped();
    words_again(state, t, upload.raw, errors, files_dropped)
}

fn words_again(
    state: &AppState,
    t: Tr,
    raw: RawIntake,
    errors: IntakeErrors,
    files_dropped: bool,
) -> Result<HttpResponse, AppError> {
    Ok(no_store(render_with_status(
        &page(state, t, raw, errors, files_dropped),
        StatusCode::UNPROCESSABLE_ENTITY,
    )?))
}

fn form_error(field: &'static str, message: &'static str) -> IntakeErrors {
    IntakeErrors(vec![FieldError { field, message }])
}

pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    t: Tr,
    body: Multipart,
) -> Result<HttpResponse, AppError> {
    if reject_cross_site(&req) {
        return Err(AppError::CsrfRejected);
    }
    let upload = read_intake(body).await?;
    // Answer in the language the form was filled in.
    let t = match Language::parse(&upload.raw.lang) {
        Some(lang) if lang != t.lang => Tr::new(lang, true),
        _ => t,
    };
    let Some(spent_form) = FormTokens::spent_mark(&state, &upload.csrf_token) else {
        return form_again(
            &state,
            t,
            upload,
            form_error("csrf_token", "error-form-expired"),
        );
    };
    let report = match upload.parse(chrono::Utc::now().date_naive()) {
        Ok(report) => report,
        Err(errors) => return form_again(&state, t, upload, errors),
    };
    let urgent = report.immediate_danger;
    let (view_token, view_digest) = receipt::new_view();
    let once = OneTime {
        spent_form: Some(spent_form),
        receipt_view: Some(view_digest),
        taken_by: None,
    };
    let stripped = upload.stripped;
    let files_dropped = upload.files_dropped();
    let (raw, files) = (upload.raw, upload.files);
    let filed = match file_with(&state, report, files, IntakeSource::Web, once).await? {
        Filing::Filed(filed) => filed,
        Filing::FormAlreadyUsed => {
            let errors = form_error("csrf_token", "error-form-used");
            return words_again(&state, t, raw, errors, files_dropped);
        }
    };
    let cookie = receipt::cookie_for(&state, &filed, view_token, urgent, stripped);
    Ok(HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((header::LOCATION, t.url("/report/receipt")))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish())
}
