//! Follow-up by receipt: `GET/POST /follow-up` opens a visit to the case;
//! `/follow-up/case` and its actions work within that visit.

use actix_multipart::Multipart;
use actix_web::cookie::time::Duration as CookieDuration;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::exit;
use crate::cases::follow_up::{
    self, Added, ConsentOutcome, DELETION_GRACE_HOURS, Opening, ReporterView, Visit,
};
use crate::domain::ConsentChange;
use crate::domain::text::{self, SingleLine};
use crate::i18n::Tr;
use crate::routes::intake_form::read_intake;
use crate::web::{
    AppError, AppState, FormTokens, HasCsrfToken, ReporterVisit, client_address, no_store,
    reject_cross_site, render_with_status, visit_cookie,
};

#[derive(Template)]
#[template(path = "public/follow_up.html")]
struct FollowUpPage {
    t: Tr,
    path: &'static str,
    csrf_token: String,
    reference: String,
    error: Option<String>,
    notice: Option<&'static str>,
}

fn form_page(
    state: &AppState,
    t: Tr,
    reference: String,
    error: Option<String>,
    notice: Option<&'static str>,
) -> FollowUpPage {
    FollowUpPage {
        t,
        path: "/follow-up",
        csrf_token: FormTokens::issue(state, FormTokens::FOLLOW_UP),
        reference,
        error,
        notice,
    }
}

#[derive(serde::Deserialize)]
pub struct FormQuery {
    left: Option<String>,
    expired: Option<String>,
}

pub async fn form(
    req: HttpRequest,
    state: web::Data<AppState>,
    t: Tr,
    q: web::Query<FormQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = if q.left.is_some() {
        Some("follow-up-left")
    } else if q.expired.is_some() {
        Some("follow-up-expired")
    } else {
        None
    };
    let mut res = no_store(render_with_status(
        &form_page(&state, t, String::new(), None, notice),
        StatusCode::OK,
    )?);
    if q.left.is_some() {
        let (name, value) = exit::clear_site_data(&req);
        res.headers_mut().insert(name, value);
    }
    Ok(res)
}

#[derive(serde::Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    reference: String,
    #[serde(default)]
    receipt: String,
    #[serde(default)]
    csrf_token: String,
}

pub async fn open(
    req: HttpRequest,
    state: web::Data<AppState>,
    t: Tr,
    form: web::Form<OpenForm>,
) -> Result<HttpResponse, AppError> {
    if reject_cross_site(&req) {
        return Err(AppError::CsrfRejected);
    }
    let form = form.into_inner();
    let reference = text::without_controls(form.reference.trim());
    if !FormTokens::verify(&state, FormTokens::FOLLOW_UP, &form.csrf_token) {
        let page = form_page(&state, t, reference, Some(t.t("error-form-expired")), None);
        return answer(&page, StatusCode::UNPROCESSABLE_ENTITY);
    }
    for (label, value) in [
        ("receipt-reference-label", &form.reference),
        ("receipt-receipt-label", &form.receipt),
    ] {
        if SingleLine::parse(value).is_err() {
            let message = format!("{}: {}", t.t(label), t.t("error-control-characters"));
            let page = form_page(&state, t, reference, Some(message), None);
            return answer(&page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    }
    let source = client_address(&req, &state.config.trusted_proxies);
    match follow_up::open(&state, source, &reference, &form.receipt).await? {
        Opening::Opened(case_id, key) => {
            let token = follow_up::start_visit(&state, case_id, &key).await?;
            Ok(HttpResponse::SeeOther()
                .cookie(visit_cookie(
                    &state,
                    token,
                    CookieDuration::seconds(follow_up::VISIT_ABSOLUTE_SECS),
                ))
                .insert_header((header::LOCATION, t.url("/follow-up/case")))
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .finish())
        }
        Opening::Wrong => {
            let page = form_page(&state, t, reference, Some(t.t("follow-up-wrong")), None);
            answer(&page, StatusCode::UNAUTHORIZED)
        }
        Opening::Held => {
            let page = form_page(&state, t, reference, Some(t.t("follow-up-held")), None);
            answer(&page, StatusCode::TOO_MANY_REQUESTS)
        }
    }
}

/// A follow-up page, never cached: each shows what the reporter typed or
/// what their case holds.
fn answer(page: &impl Template, status: StatusCode) -> Result<HttpResponse, AppError> {
    Ok(no_store(render_with_status(page, status)?))
}

#[derive(Template)]
#[template(path = "public/case.html")]
struct CasePage {
    t: Tr,
    path: &'static str,
    v: ReporterView,
    csrf_token: String,
    evidence_action: String,
    grace_hours: i64,
    notice: Option<&'static str>,
    /// Said after the notice: what a withdrawal of referral did to the
    /// referrals already made.
    notice_more: Vec<&'static str>,
    error: Option<&'static str>,
}

async fn case_page(
    state: &AppState,
    t: Tr,
    visit: &Visit,
    notice: Option<&'static str>,
    error: Option<&'static str>,
) -> Result<CasePage, AppError> {
    let v = follow_up::view(state, visit).await?;
    let mut notice_more = Vec::new();
    if notice == Some(REFERRAL_WITHDRAWN) {
        if v.has_referral("withdrawn") {
            notice_more.push("follow-up-done-referral-withdrawn-pending");
        }
        if v.has_referral("accepted") {
            notice_more.push("follow-up-done-referral-withdrawn-accepted");
        }
    }
    let sep = if t.explicit { "&" } else { "?" };
    Ok(CasePage {
        t,
        path: "/follow-up",
        v,
        csrf_token: visit.csrf_token.clone(),
        evidence_action: format!(
            "{}{sep}csrf_token={}",
            t.url("/follow-up/case/evidence"),
            visit.csrf_token
        ),
        grace_hours: DELETION_GRACE_HOURS,
        notice,
        notice_more,
        error,
    })
}

const REFERRAL_WITHDRAWN: &str = "follow-up-done-referral-withdrawn";

/// What an action leaves for the page to confirm, kept sealed in the
/// visit (never in the address): the code stored, and the message shown.
const NOTICES: [(&str, &str); 12] = [
    ("reply", "follow-up-done-reply"),
    ("evidence", "follow-up-done-evidence"),
    ("deletion", "follow-up-done-deletion"),
    ("kept", "follow-up-done-kept"),
    ("referral-given", "follow-up-done-referral-given"),
    ("referral-withdrawn", REFERRAL_WITHDRAWN),
    ("police-given", "follow-up-done-police-given"),
    ("police-withdrawn", "follow-up-done-police-withdrawn"),
    ("stats-given", "follow-up-done-stats-given"),
    ("stats-withdrawn", "follow-up-done-stats-withdrawn"),
    ("consent-already-given", "follow-up-consent-already-given"),
    (
        "consent-already-withdrawn",
        "follow-up-consent-already-withdrawn",
    ),
];

/// The message of a stored notice (1-based; 0 is none).
fn notice_message(notice: u8) -> Option<&'static str> {
    let i = usize::from(notice).checked_sub(1)?;
    NOTICES.get(i).map(|(_, message)| *message)
}

/// The stored form of notice `done`.
fn notice_code(done: &str) -> u8 {
    NOTICES
        .iter()
        .position(|(code, _)| *code == done)
        .map_or(0, |i| u8::try_from(i + 1).unwrap_or(0))
}

pub async fn show(
    state: web::Data<AppState>,
    t: Tr,
    ReporterVisit { visit, .. }: ReporterVisit,
) -> Result<HttpResponse, AppError> {
    let notice = notice_message(visit.notice);
    Ok(no_store(render_with_status(
        &case_page(&state, t, &visit, notice, None).await?,
        StatusCode::OK,
    )?))
}

/// Back to the case page, which confirms what was done: the notice waits
/// sealed in the visit, so the address stays `/follow-up/case`.
async fn back(
    state: &AppState,
    t: Tr,
    visit: &Visit,
    done: &str,
) -> Result<HttpResponse, AppError> {
    follow_up::leave_notice(state, visit, notice_code(done)).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, t.url("/follow-up/case")))
        .finish())
}

#[derive(serde::Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    csrf_token: String,
}

pub async fn reply(
    state: web::Data<AppState>,
    t: Tr,
    ReporterVisit { visit, input: form }: ReporterVisit<web::Form<ReplyForm>>,
) -> Result<HttpResponse, AppError> {
    if let Err(key) = follow_up::reply(&state, &visit, &form.body).await? {
        let page = case_page(&state, t, &visit, None, Some(key)).await?;
        return answer(&page, StatusCode::UNPROCESSABLE_ENTITY);
    }
    back(&state, t, &visit, "reply").await
}

pub async fn evidence(
    state: web::Data<AppState>,
    t: Tr,
    ReporterVisit { visit, .. }: ReporterVisit<web::Query<TokenQuery>>,
    body: Multipart,
) -> Result<HttpResponse, AppError> {
    let upload = read_intake(body).await?;
    let problem = if upload.bad_file_name {
        Some("error-evidence-name")
    } else if upload.refused_file {
        Some("error-evidence-type")
    } else if upload.files.is_empty() {
        Some("follow-up-error-no-file")
    } else {
        None
    };
    if let Some(key) = problem {
        let page = case_page(&state, t, &visit, None, Some(key)).await?;
        return answer(&page, StatusCode::UNPROCESSABLE_ENTITY);
    }
    match follow_up::add_evidence(&state, &visit, upload.files).await? {
        Added::Files(_) => back(&state, t, &visit, "evidence").await,
        Added::OverCap => {
            let page = case_page(
                &state,
                t,
                &visit,
                None,
                Some("follow-up-error-evidence-cap"),
            )
            .await?;
            answer(&page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

#[derive(serde::Deserialize)]
pub struct ConsentForm {
    #[serde(default)]
    consent: String,
    #[serde(default)]
    given: String,
    #[serde(default)]
    csrf_token: String,
}

/// `POST /follow-up/case/consent`: fields `consent` (`referral`, `police`,
/// `stats`) and `given` (`yes` gives it, `no` withdraws it).
pub async fn consent(
    state: web::Data<AppState>,
    t: Tr,
    ReporterVisit { visit, input: form }: ReporterVisit<web::Form<ConsentForm>>,
) -> Result<HttpResponse, AppError> {
    let Some(change) = ConsentChange::parse(&form.consent, &form.given) else {
        let page = case_page(&state, t, &visit, None, Some("follow-up-error-consent")).await?;
        return answer(&page, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let done = match follow_up::change_consent(&state, &visit, change).await? {
        ConsentOutcome::Changed => format!(
            "{}-{}",
            change.consent.as_str(),
            if change.given { "given" } else { "withdrawn" }
        ),
        ConsentOutcome::Unchanged if change.given => "consent-already-given".into(),
        ConsentOutcome::Unchanged => "consent-already-withdrawn".into(),
    };
    back(&state, t, &visit, &done).await
}

#[derive(serde::Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    csrf_token: String,
}

#[derive(serde::Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    csrf_token: String,
}

impl HasCsrfToken for TokenQuery {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

impl HasCsrfToken for TokenForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

impl HasCsrfToken for ConsentForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

impl HasCsrfToken for ReplyForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// A POST that carries only the visit's form token.
type TokenPost = ReporterVisit<web::Form<TokenForm>>;

pub async fn delete(
    state: web::Data<AppState>,
    t: Tr,
    post: TokenPost,
) -> Result<HttpResponse, AppError> {
    follow_up::request_deletion(&state, &post.visit, false).await?;
    back(&state, t, &post.visit, "deletion").await
}

pub async fn keep(
    state: web::Data<AppState>,
    t: Tr,
    post: TokenPost,
) -> Result<HttpResponse, AppError> {
    follow_up::request_deletion(&state, &post.visit, true).await?;
    back(&state, t, &post.visit, "kept").await
}

pub async fn leave(
    req: HttpRequest,
    state: web::Data<AppState>,
    t: Tr,
    post: TokenPost,
) -> Result<HttpResponse, AppError> {
    follow_up::end_visit(&state, &post.visit).await?;
    // Like the quick exit, leaving clears what the browser kept of the
    // site: here, and again on the page this one leads to.
    Ok(HttpResponse::SeeOther()
        .cookie(visit_cookie(&state, String::new(), CookieDuration::ZERO))
        .insert_header((header::LOCATION, t.url("/follow-up?left=1")))
        .insert_header(exit::clear_site_data(&req))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish())
}
