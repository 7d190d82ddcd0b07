//! The gate in front of every route under `/staff`: it applies the one
//! table of who reaches which route (`auth::policy::RULES`), sends people
//! to sign in or to enrol a second factor first, and checks the CSRF token
//! of every state-changing request, so that no handler can forget to.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, web};
use futures_util::StreamExt;
use subtle::ConstantTimeEq;

use super::session;
use super::{AppError, AppState, FormTokens, reject_cross_site};
use crate::auth::Staff;
use crate::auth::policy::{Access, ENROLMENT_ROUTES, allowed_methods, rule_for};

/// Largest urlencoded staff form the gate reads to find its token.
const FORM_LIMIT: usize = 256 * 1024;

/// What the gate decided about a request.
enum Verdict {
    Pass(Option<Staff>),
    SignInFirst,
    EnrolFirst,
}

/// Applies [`RULES`] and the CSRF check to every request under `/staff`.
/// Refusals become responses here, so that they get the error page and the
/// security headers like any other.
pub async fn staff_gate(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    match check(&mut req).await {
        Ok(Verdict::Pass(staff)) => {
            if let Some(staff) = staff {
                req.extensions_mut().insert::<Staff>(staff);
            }
            let mut res = next.call(req).await?.map_into_boxed_body();
            res.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-store"),
            );
            Ok(res)
        }
        Ok(Verdict::SignInFirst) => {
            let target = format!("/staff/login?next={}", urlencode(&path_and_query(&req)));
            let res = HttpResponse::SeeOther()
                .insert_header((header::LOCATION, target))
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .finish();
            Ok(req.into_response(res))
        }
        Ok(Verdict::EnrolFirst) => {
            let res = HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/staff/account/totp"))
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .finish();
            Ok(req.into_response(res))
        }
        Err(e) => Ok(req.error_response(e)),
    }
}

async fn check(req: &mut ServiceRequest) -> Result<Verdict, AppError> {
    let Some(pattern) = req.match_pattern() else {
        return Err(AppError::NotFound);
    };
    let Some(rule) = rule_for(req.method().as_str(), &pattern) else {
        return Err(match allowed_methods(&pattern) {
            Some(allow) => AppError::MethodNotAllowed { allow },
            None => AppError::NotFound,
        });
    };
    let state = req
        .app_data::<web::Data<AppState>>()
        .expect("AppState is registered")
        .clone();
    let staff = session::resolve(&state, req.request()).await?;
    let state_changing = req.method() != Method::GET && req.method() != Method::HEAD;

    match (&staff, rule.access) {
        (_, Access::Anyone) => {}
        (None, _) if state_changing => return Err(AppError::Forbidden),
        (None, _) => return Ok(Verdict::SignInFirst),
        (Some(s), access) if !access.allows(s.role) => return Err(AppError::Forbidden),
        _ => {}
    }
    let must_enrol = staff.as_ref().is_some_and(|s| s.must_enrol(&state.config));
    if must_enrol && rule.access != Access::Anyone && !ENROLMENT_ROUTES.contains(&rule.pattern) {
        return if state_changing {
            Err(AppError::Forbidden)
        } else {
            Ok(Verdict::EnrolFirst)
        };
    }

    if state_changing {
        if reject_cross_site(req.request()) {
            return Err(AppError::CsrfRejected);
        }
        let submitted = read_form_token(req).await?;
        let valid = match (&staff, rule.access) {
            (_, Access::Anyone) => FormTokens::verify(&state, FormTokens::LOGIN, &submitted),
            (Some(s), _) => bool::from(s.csrf_token.as_bytes().ct_eq(submitted.as_bytes())),
            (None, _) => false,
        };
        if !valid {
            return Err(AppError::CsrfRejected);
        }
    }
    Ok(Verdict::Pass(staff))
}

fn path_and_query(req: &ServiceRequest) -> String {
    match req.query_string() {
        "" => req.path().to_string(),
        q => format!("{}?{q}", req.path()),
    }
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .map(|e| e[1..].to_string())
        .unwrap_or_default()
}

/// Finds the submitted `csrf_token`: in the urlencoded body (read, then
/// put back for the handler), or, for multipart forms (whose body the
/// handler streams), in the form's action URL.
async fn read_form_token(req: &mut ServiceRequest) -> Result<String, AppError> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    if content_type.starts_with("multipart/form-data") {
        let token = serde_urlencoded::from_str::<Vec<(String, String)>>(req.query_string())
            .ok()
            .and_then(|pairs| {
                pairs
                    .into_iter()
                    .find(|(k, _)| k == "csrf_token")
                    .map(|(_, v)| v)
            })
            .unwrap_or_default();
        return Ok(token);
    }
    if !content_type.starts_with("application/x-www-form-urlencoded") {
        return Ok(String::new());
    }
    let mut payload = req.take_payload();
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| AppError::BadRequest)?;
        if body.len() + chunk.len() > FORM_LIMIT {
            return Err(AppError::PayloadTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    let body = body.freeze();
    let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
        .ok()
        .and_then(|pairs| {
            pairs
                .into_iter()
                .find(|(k, _)| k == "csrf_token")
                .map(|(_, v)| v)
        })
        .unwrap_or_default();
    req.set_payload(actix_web::dev::Payload::from(body));
    Ok(token)
}
