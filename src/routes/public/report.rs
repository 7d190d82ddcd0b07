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
use super::upload::{IntakeUpload, read_intake};
use crate::cases::intake::file_report;
use crate::domain::{
    Channel, Community, ContactMethod, Demand, FieldError, IncidentKind, IntakeErrors,
    IntakeSource, Language, NewReport, Province, RawIntake, ReporterRole, StateLink, Support,
};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, FormTokens, reject_cross_site, render_with_status};

/// The values to show in the form again (the reporter's own words).
pub struct FormValues(RawIntake);

impl std::ops::Deref for FormValues {
    type Target = RawIntake;
    fn deref(&self) -> &RawIntake {
        &self.0
    }
}

impl FormValues {
    pub fn new(raw: RawIntake) -> Self {
        Self(raw)
    }

    /// Whether the repeated field `list` holds `code`.
    pub fn has(&self, list: &str, code: &str) -> bool {
        let values = match list {
            "kinds" => &self.0.kinds,
            "channels" => &self.0.channels,
            "demands" => &self.0.demands,
            "support" => &self.0.support,
            _ => return false,
        };
        values.iter().any(|v| v.trim() == code)
    }
}

/// The closed lists the report form offers, shared with phone intake.
pub struct Choices {
    pub kinds: &'static [IncidentKind],
    pub roles: &'static [ReporterRole],
    pub provinces: &'static [Province],
    pub communities: &'static [Community],
    pub channels: &'static [Channel],
    pub state_links: &'static [StateLink],
    pub demands: &'static [Demand],
    pub supports: &'static [Support],
    pub contact_methods: &'static [ContactMethod],
}

impl Choices {
    pub const ALL: Choices = Choices {
        kinds: IncidentKind::ALL,
        roles: ReporterRole::ALL,
        provinces: Province::ALL,
        communities: Community::ALL,
        channels: Channel::ALL,
        state_links: StateLink::ALL,
        demands: Demand::ALL,
        supports: Support::ALL,
        contact_methods: ContactMethod::ALL,
    };
}

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
        v: FormValues(v),
        errors,
        files_dropped,
        choices: Choices::ALL,
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

/// Shows the form again with the reporter's words and what to fix.
fn form_again(
    state: &AppState,
    t: Tr,
    upload: IntakeUpload,
    errors: IntakeErrors,
) -> Result<HttpResponse, AppError> {
    let files_dropped = !upload.files.is_empty() || upload.refused_file;
    render_with_status(
        &page(state, t, upload.raw, errors, files_dropped),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
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
    if !FormTokens::verify(&state, FormTokens::REPORT, &upload.csrf_token) {
        let errors = IntakeErrors(vec![FieldError {
            field: "csrf_token",
            message: "error-form-expired",
        }]);
        return form_again(&state, t, upload, errors);
    }
    let report = match NewReport::parse(&upload.raw, chrono::Utc::now().date_naive()) {
        Ok(report) if !upload.refused_file => report,
        result => {
            let mut errors = result.err().unwrap_or_default();
            if upload.refused_file {
                errors.0.push(FieldError {
                    field: "evidence",
                    message: "error-evidence-type",
                });
            }
            return form_again(&state, t, upload, errors);
        }
    };
    let urgent = report.immediate_danger;
    let stripped = upload.stripped;
    let filed = file_report(&state, report, upload.files, IntakeSource::Web).await?;
    let cookie = receipt::cookie_for(&state, &filed, urgent, stripped);
    Ok(HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((header::LOCATION, t.url("/report/receipt")))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish())
}
