//! The intake form: `GET /report` shows it, `POST /report` files it.
//!
//! The form comes in four short steps. Between steps, what the reporter
//! has answered and attached is held sealed in a draft (see
//! `cases::drafts`) whose token travels only in the form itself. A request
//! without a `step` field is the whole form at once (the public contract):
//! it is filed, or shown again on one page with its problems and its files
//! kept.
//!
//! On success the reporter is sent (303) to the receipt page; the reference
//! and receipt travel there in a short-lived, sealed, HttpOnly cookie, so
//! that they appear in no URL, no browser history and no server log.

use actix_multipart::Multipart;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::receipt;
use crate::cases::drafts::{self, DRAFT_IDLE_SECS, Draft};
use crate::cases::evidence::EvidenceUpload;
use crate::cases::intake::{Filing, OneTime, file_with};
use crate::crypto::new_token;
use crate::domain::{FieldError, IntakeErrors, IntakeSource, Language, NewReport};
use crate::i18n::Tr;
use crate::routes::intake_form::{
    Choices, FormValues, HeldView, IntakeUpload, STEP_TITLES, STEPS, read_intake, step_of,
};
use crate::web::{
    AppError, AppState, CookieName, FormTokens, no_store, reject_cross_site, render_with_status,
    site_cookie,
};

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
    /// The step shown (0: every question on one page).
    step: u8,
    steps: u8,
    /// The draft's token; empty before the first step is sent.
    draft: String,
    held: Vec<HeldView>,
    draft_hours: i64,
}

impl ReportPage {
    /// Whether the questions of step `n` are on this page.
    fn shows(&self, n: impl std::borrow::Borrow<u8>) -> bool {
        self.step == 0 || self.step == *n.borrow()
    }

    fn title_of(&self, n: impl std::borrow::Borrow<u8>) -> &'static str {
        STEP_TITLES[usize::from(n.borrow().saturating_sub(1))]
    }
}

fn page(
    state: &AppState,
    t: Tr,
    draft: &Draft,
    errors: IntakeErrors,
    files_dropped: bool,
) -> ReportPage {
    ReportPage {
        t,
        path: "/report",
        csrf_token: FormTokens::issue(state, FormTokens::REPORT),
        v: FormValues::new(draft.answers.clone().without_controls()),
        errors,
        files_dropped,
        choices: Choices::ALL,
        retention_days: state.config.retention_days,
        step: draft.step,
        steps: STEPS,
        draft: draft.token.clone(),
        held: draft
            .files
            .iter()
            .map(|f| HeldView {
                label: f.label.clone(),
                name: f.name.clone(),
                kib: (f.size_bytes + 1023) / 1024,
            })
            .collect(),
        draft_hours: DRAFT_IDLE_SECS / 3600,
    }
}

pub async fn form(state: web::Data<AppState>, t: Tr) -> Result<HttpResponse, AppError> {
    let mut first = Draft::new(1, "");
    // Nothing is stored before there is something to hold.
    first.forget();
    render_with_status(
        &page(&state, t, &first, IntakeErrors::default(), false),
        StatusCode::OK,
    )
}

/// What one request to the form carries beyond its fields: the browser's
/// draft secret (from its cookie, or new) and what the page says.
struct Visit {
    browser: String,
    /// The browser had no secret yet: the response sets its cookie.
    new_browser: bool,
    /// The form's token is one Haven issued recently; otherwise nothing
    /// the request carries is stored.
    trusted: bool,
    files_dropped: bool,
}

/// Shows a step of the form. Never cached: it holds what the reporter
/// typed, and the draft's token.
fn show(
    state: &AppState,
    t: Tr,
    visit: &Visit,
    draft: &Draft,
    errors: IntakeErrors,
) -> Result<HttpResponse, AppError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut response = no_store(render_with_status(
        &page(state, t, draft, errors, visit.files_dropped),
        status,
    )?);
    if visit.new_browser && draft.stored() {
        response
            .add_cookie(&draft_cookie(state, &visit.browser))
            .map_err(|e| AppError::Internal(e.into()))?;
    }
    Ok(response)
}

/// The browser's half of its drafts' keys: strict same-site (no other
/// site's page sends it), for the browser session only, cleared by the
/// quick exit with the rest of the site's data.
fn draft_cookie(state: &AppState, secret: &str) -> actix_web::cookie::Cookie<'static> {
    site_cookie(&state.config, CookieName::DRAFT, secret.to_string())
        .same_site(actix_web::cookie::SameSite::Strict)
        .finish()
}

fn push(errors: &mut IntakeErrors, field: &'static str, message: &'static str) {
    errors.0.push(FieldError { field, message });
}

/// The problems with a file sent in this request.
fn file_errors(upload: &IntakeUpload, errors: &mut IntakeErrors) {
    if upload.bad_file_name {
        push(errors, "evidence", "error-evidence-name");
    } else if upload.refused_file {
        push(errors, "evidence", "error-evidence-type");
    }
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
    let mut upload = read_intake(body).await?;
    // Answer in the language asked for, or the one the form was filled in.
    let t = match (
        Language::parse(&upload.switch_lang),
        Language::parse(&upload.raw.lang),
    ) {
        (Some(lang), _) => Tr::new(lang, true),
        (None, Some(lang)) if lang != t.lang => Tr::new(lang, true),
        _ => t,
    };
    if !upload.switch_lang.is_empty() {
        upload.raw.lang = t.code_str().to_string();
    }
    let cookie = req
        .cookie(CookieName::DRAFT.for_config(&state.config))
        .map(|c| c.value().to_string())
        .filter(|v| drafts::well_formed(v));
    let mut visit = Visit {
        new_browser: cookie.is_none(),
        browser: cookie.unwrap_or_else(new_token),
        trusted: FormTokens::verify(&state, FormTokens::REPORT, &upload.csrf_token),
        files_dropped: false,
    };
    let mut errors = IntakeErrors::default();
    // A form Haven did not show recently stores nothing, files included.
    if !visit.trusted {
        push(&mut errors, "csrf_token", "error-form-expired");
    }

    // The whole form at once: every field is here.
    let Some(step) = upload.step.as_deref() else {
        let mut draft = Draft::new(0, &visit.browser);
        draft.answers.merge_from(&upload.raw, |_| true);
        file_errors(&upload, &mut errors);
        return hold_and_go(&state, t, &mut visit, &mut upload, draft, errors, "send").await;
    };
    let step = step.parse::<u8>().ok().filter(|s| *s <= STEPS).unwrap_or(1);
    let mut draft = match upload.draft.as_str() {
        "" => Draft::new(step, &visit.browser),
        token => match drafts::open(&state, token, &visit.browser).await? {
            Some(draft) => draft,
            None => {
                push(&mut errors, "draft", "error-draft-expired");
                Draft::new(step, &visit.browser)
            }
        },
    };
    draft.step = step;
    draft
        .answers
        .merge_from(&upload.raw, |f| step == 0 || step_of(f) == step);
    file_errors(&upload, &mut errors);
    let go = std::mem::take(&mut upload.go);
    hold_and_go(&state, t, &mut visit, &mut upload, draft, errors, &go).await
}

/// Holds what was sent (answers and files) in the draft, then does what
/// the reporter asked: another step, the same step again, or filing.
async fn hold_and_go(
    state: &AppState,
    t: Tr,
    visit: &mut Visit,
    upload: &mut IntakeUpload,
    mut draft: Draft,
    mut errors: IntakeErrors,
    go: &str,
) -> Result<HttpResponse, AppError> {
    let files = upload.take_files();
    let asks_to_file = go == "send" || (go == "next" && matches!(draft.step, 0 | STEPS));
    let today = chrono::Utc::now().date_naive();
    if !visit.trusted {
        // Shown again as sent; nothing is stored, and files are chosen again.
        visit.files_dropped = !files.is_empty() || upload.refused_file;
        return show(state, t, visit, &draft, errors);
    }
    // A report sent whole and right is filed without a draft.
    if asks_to_file
        && errors.is_empty()
        && !draft.stored()
        && let Ok(report) = NewReport::parse(&draft.answers, today)
    {
        return file(state, t, visit, upload, draft, report, files).await;
    }
    // Blank first steps make no draft: nothing is stored until there is
    // something to hold.
    let holds_something = draft.stored() || !files.is_empty() || !drafts::is_blank(&draft.answers);
    let was_stored = draft.stored();
    if !holds_something {
        draft.forget();
    } else if !drafts::save(state, &mut draft).await? {
        if was_stored {
            // Filed or gone meanwhile (another tab, a page sent twice).
            push(&mut errors, "draft", "error-draft-expired");
        } else {
            // As many drafts as Haven holds: this report is written on one
            // page, its answers travelling in the page itself.
            draft.step = 0;
        }
        visit.files_dropped = !files.is_empty();
        draft.forget();
    }
    if draft.stored() && !files.is_empty() {
        let added = drafts::add_files(state, &mut draft, files).await?;
        if added.over_limit > 0 {
            push(&mut errors, "evidence", "error-evidence-too-many");
        }
        if added.held_full > 0 {
            push(&mut errors, "evidence", "error-evidence-held-full");
        }
    }
    if !upload.remove_file.is_empty() {
        drafts::remove_file(state, &mut draft, &upload.remove_file).await?;
        return show(state, t, visit, &draft, errors);
    }
    if !errors.is_empty() {
        // Say everything at once: the form's problems with the files'.
        if let Err(all) = NewReport::parse(&draft.answers, today) {
            let step = draft.step;
            errors.0.extend(
                all.0
                    .into_iter()
                    .filter(|e| asks_to_file || (go == "next" && step_of(e.field) == step)),
            );
        }
        return show(state, t, visit, &draft, errors);
    }
    match go {
        "back" => draft.step = draft.step.saturating_sub(1).max(1),
        "all" => draft.step = 0,
        "next" if (1..STEPS).contains(&draft.step) => {
            let step = draft.step;
            if let Err(all) = NewReport::parse(&draft.answers, today) {
                errors
                    .0
                    .extend(all.0.into_iter().filter(|e| step_of(e.field) == step));
            }
            if errors.is_empty() {
                draft.step += 1;
            }
        }
        _ if asks_to_file => match NewReport::parse(&draft.answers, today) {
            Ok(report) => {
                let files = drafts::file_contents(state, &draft).await?;
                return file(state, t, visit, upload, draft, report, files).await;
            }
            Err(all) => {
                // Show the first step with a problem; the list names all.
                if draft.step != 0 {
                    draft.step = all
                        .0
                        .iter()
                        .map(|e| step_of(e.field))
                        .filter(|s| *s != 0)
                        .min()
                        .unwrap_or(draft.step);
                }
                errors = all;
            }
        },
        // A language switched, or the page sent again: the same step.
        _ => {}
    }
    if draft.stored() && !drafts::save(state, &mut draft).await? {
        push(&mut errors, "draft", "error-draft-expired");
        draft.forget();
    }
    show(state, t, visit, &draft, errors)
}

/// Files the report (its draft deleted in the same transaction); on
/// success the receipt is next.
async fn file(
    state: &AppState,
    t: Tr,
    visit: &mut Visit,
    upload: &IntakeUpload,
    mut draft: Draft,
    report: NewReport,
    files: Vec<(EvidenceUpload, bool)>,
) -> Result<HttpResponse, AppError> {
    let mut errors = IntakeErrors::default();
    let Some(spent_form) = FormTokens::spent_mark(state, &upload.csrf_token) else {
        push(&mut errors, "csrf_token", "error-form-expired");
        visit.files_dropped = !files.is_empty();
        return show(state, t, visit, &draft, errors);
    };
    let urgent = report.immediate_danger;
    let stripped = files.iter().filter(|(_, stripped)| *stripped).count();
    let files = files.into_iter().map(|(f, _)| f).collect();
    let (view_token, view_digest) = receipt::new_view();
    let once = OneTime {
        spent_form: Some(spent_form),
        receipt_view: Some(view_digest),
        taken_by: None,
        draft: draft.stored().then(|| draft.digest()),
    };
    let filed = match file_with(state, report, files, IntakeSource::Web, once).await? {
        Filing::Filed(filed) => filed,
        Filing::FormAlreadyUsed => {
            // Sent twice: the first sending filed it, and its draft went
            // with it. What this page shows is not stored again.
            push(&mut errors, "csrf_token", "error-form-used");
            draft.forget();
            return show(state, t, visit, &draft, errors);
        }
    };
    let cookie = receipt::cookie_for(state, &filed, view_token, urgent, stripped);
    Ok(HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((header::LOCATION, t.url("/report/receipt")))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish())
}
