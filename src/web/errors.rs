//! The error policy.
//!
//! Handlers return [`AppError`]. Its status is decided here, in one place;
//! the page a person sees is rendered by [`render_error_pages`] in their
//! language, and says what to do next. Server-side causes (database,
//! internal faults) are logged with their chain of causes and never shown:
//! a 5xx page is opaque. Errors that actix-web raises itself (a malformed
//! query, a body too large, no such route) get the same pages.
//!
//! Invalid form input is not an error here: the form is shown again, with
//! the reporter's words kept and each problem beside its field.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use crate::db::DbError;
use crate::i18n::Tr;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// The path exists but not for this method; `allow` lists its methods.
    #[error("method not allowed")]
    MethodNotAllowed { allow: String },
    #[error("bad request")]
    BadRequest,
    #[error("forbidden")]
    Forbidden,
    #[error("form token missing, expired or wrong")]
    CsrfRejected,
    /// Signed in, but this account's keys could not be opened.
    #[error("this account's keys could not be opened")]
    KeysUnavailable,
    #[error("too many attempts")]
    TooManyAttempts { retry_after_secs: u64 },
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("the request took too long to arrive")]
    Timeout,
    #[error("a dependency is unavailable")]
    Unavailable(#[source] anyhow::Error),
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl AppError {
    pub fn internal(e: impl Into<anyhow::Error>) -> Self {
        AppError::Internal(e.into())
    }
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Unavailable(e) => AppError::Unavailable(e),
            DbError::InvalidText(_) => AppError::BadRequest,
            DbError::NotFound => AppError::NotFound,
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<crate::error::ServiceError> for AppError {
    fn from(e: crate::error::ServiceError) -> Self {
        use crate::error::ServiceError;
        match e {
            ServiceError::NotFound => AppError::NotFound,
            ServiceError::BadInput => AppError::BadRequest,
            ServiceError::Unavailable(e) => AppError::Unavailable(e),
            ServiceError::KeysUnavailable => AppError::KeysUnavailable,
            ServiceError::Internal(e) => AppError::Internal(e),
        }
    }
}

impl From<crate::crypto::Busy> for AppError {
    fn from(e: crate::crypto::Busy) -> Self {
        AppError::Unavailable(e.into())
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(e.into())
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::Forbidden | AppError::CsrfRejected | AppError::KeysUnavailable => {
                StatusCode::FORBIDDEN
            }
            AppError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Timeout => StatusCode::REQUEST_TIMEOUT,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            AppError::Unavailable(cause) => {
                tracing::warn!(error = format!("{cause:#}"), "dependency unavailable")
            }
            AppError::Internal(cause) => {
                tracing::error!(error = format!("{cause:#}"), "internal error")
            }
            _ => {}
        }
        let mut res = HttpResponse::build(self.status_code());
        match self {
            AppError::Unavailable(_) => {
                res.insert_header((header::RETRY_AFTER, "5"));
            }
            AppError::TooManyAttempts { retry_after_secs } => {
                res.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            AppError::MethodNotAllowed { allow } => {
                res.insert_header((header::ALLOW, allow.as_str()));
            }
            _ => {}
        }
        res.insert_header((header::CACHE_CONTROL, "no-store"))
            .finish()
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    t: Tr,
    status: i64,
    title: String,
    message: String,
    staff: bool,
}

/// The translation keys of the page for `status` (or for the error that
/// made it, when it has a page of its own).
fn keys_for(status: StatusCode, error: Option<&AppError>) -> (&'static str, &'static str) {
    match status.as_u16() {
        _ if matches!(error, Some(AppError::CsrfRejected)) => {
            ("error-csrf-title", "error-csrf-body")
        }
        _ if matches!(error, Some(AppError::KeysUnavailable)) => {
            ("error-keys-title", "error-keys-body")
        }
        400 => ("error-400-title", "error-400-body"),
        401 | 403 => ("error-403-title", "error-403-body"),
        404 => ("error-404-title", "error-404-body"),
        405 => ("error-405-title", "error-405-body"),
        408 => ("error-408-title", "error-408-body"),
        413 => ("error-413-title", "error-413-body"),
        429 => ("error-429-title", "error-429-body"),
        503 => ("error-503-title", "error-503-body"),
        s if s >= 500 => ("error-500-title", "error-500-body"),
        _ => ("error-400-title", "error-400-body"),
    }
}

/// Answers `HEAD` as `GET`: the route runs as for `GET` and the server
/// sends the headers without the body (actix-http drops the body of a
/// response to a request that arrived as `HEAD`).
pub async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if req.method() == actix_web::http::Method::HEAD {
        req.head_mut().method = actix_web::http::Method::GET;
    }
    next.call(req).await
}

/// Renders every 4xx and 5xx response that has no page of its own as a
/// translated error page.
pub async fn render_error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let res = next.call(req).await?.map_into_boxed_body();
    let status = res.status();
    let has_page = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !(status.is_client_error() || status.is_server_error()) || has_page {
        return Ok(res);
    }
    let error = res
        .response()
        .error()
        .and_then(|e| e.as_error::<AppError>());
    let (title, message) = keys_for(status, error);
    let (req, mut response) = res.into_parts();
    let staff = req.path().starts_with("/staff");
    let (lang, explicit) = super::language_of(&req);
    let t = if staff {
        Tr::new(lang, explicit).for_staff()
    } else {
        Tr::new(lang, explicit)
    };
    let page = ErrorPage {
        t,
        status: i64::from(status.as_u16()),
        title: t.t(title),
        message: t.t(message),
        staff,
    };
    let body = page.render().unwrap_or_else(|_| t.t(message));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let response = response.set_body(BoxBody::new(body));
    Ok(ServiceResponse::new(req, response))
}
