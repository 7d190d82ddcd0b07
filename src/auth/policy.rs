//! Who reaches which staff route: the one table that decides it, and the
//! gate that applies it to every request under `/staff`.
//!
//! A route that is registered but missing from [`RULES`] is refused (404):
//! forgetting a rule closes a route rather than opening it. The gate also
//! checks the CSRF token of every state-changing staff request, so no
//! handler can forget to.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, web};
use futures_util::StreamExt;
use subtle::ConstantTimeEq;

use super::session::{self, Staff};
use crate::config::TwoFactorRule;
use crate::domain::StaffRole;
use crate::web::{AppError, AppState, FormTokens, reject_cross_site};

/// Who may use a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not (the sign-in form).
    Anyone,
    /// Any signed-in staff member.
    Staff,
    /// Caseworkers and admins.
    Casework,
    /// Admins only.
    Admin,
    /// Liaisons of a partner group only.
    Liaison,
}

impl Access {
    pub fn allows(self, role: StaffRole) -> bool {
        match self {
            Access::Anyone | Access::Staff => true,
            Access::Casework => role.works_cases(),
            Access::Admin => role == StaffRole::Admin,
            Access::Liaison => role == StaffRole::Liaison,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub method: &'static str,
    pub pattern: &'static str,
    pub access: Access,
}

const fn rule(method: &'static str, pattern: &'static str, access: Access) -> Rule {
    Rule {
        method,
        pattern,
        access,
    }
}

/// Every staff route. Tests walk this table to check each route against
/// every kind of visitor.
pub const RULES: &[Rule] = &[
    rule("GET", "/staff", Access::Staff),
    rule("GET", "/staff/login", Access::Anyone),
    rule("POST", "/staff/login", Access::Anyone),
    rule("POST", "/staff/logout", Access::Staff),
    rule("GET", "/staff/password/{token}", Access::Anyone),
    rule("POST", "/staff/password/{token}", Access::Anyone),
    rule("GET", "/staff/account", Access::Staff),
    rule("POST", "/staff/account/profile", Access::Staff),
    rule("POST", "/staff/account/duty", Access::Casework),
    rule("GET", "/staff/account/totp", Access::Staff),
    rule("GET", "/staff/account/totp/qr.svg", Access::Staff),
    rule("POST", "/staff/account/totp/start", Access::Staff),
    rule("POST", "/staff/account/totp/confirm", Access::Staff),
    rule("POST", "/staff/account/totp/recovery", Access::Staff),
    rule("POST", "/staff/account/totp/disable", Access::Staff),
    rule("GET", "/staff/cases", Access::Casework),
    rule("GET", "/staff/cases/{reference}", Access::Casework),
    rule(
        "GET",
        "/staff/cases/{reference}/evidence/{evidence_id}",
        Access::Casework,
    ),
    rule("POST", "/staff/cases/{reference}/status", Access::Casework),
    rule("POST", "/staff/cases/{reference}/risk", Access::Casework),
    rule("POST", "/staff/cases/{reference}/assign", Access::Casework),
    rule("POST", "/staff/cases/{reference}/notes", Access::Casework),
    rule(
        "POST",
        "/staff/cases/{reference}/referrals",
        Access::Casework,
    ),
    rule(
        "POST",
        "/staff/cases/{reference}/messages",
        Access::Casework,
    ),
    rule("POST", "/staff/cases/{reference}/purge", Access::Casework),
    rule("GET", "/staff/referrals", Access::Liaison),
    rule("GET", "/staff/referrals/{id}", Access::Liaison),
    rule("POST", "/staff/referrals/{id}/accept", Access::Liaison),
    rule("POST", "/staff/referrals/{id}/decline", Access::Liaison),
    rule("POST", "/staff/referrals/{id}/updates", Access::Liaison),
    rule("GET", "/staff/intake", Access::Casework),
    rule("POST", "/staff/intake", Access::Casework),
    rule("GET", "/staff/stats", Access::Casework),
    rule("GET", "/staff/stats.csv", Access::Casework),
    rule("GET", "/staff/admin/users", Access::Admin),
    rule("POST", "/staff/admin/users", Access::Admin),
    rule("GET", "/staff/admin/users/{id}", Access::Admin),
    rule("POST", "/staff/admin/users/{id}/active", Access::Admin),
    rule("POST", "/staff/admin/users/{id}/role", Access::Admin),
    rule("POST", "/staff/admin/users/{id}/duty", Access::Admin),
    rule("POST", "/staff/admin/users/{id}/reset", Access::Admin),
    rule("GET", "/staff/admin/groups", Access::Admin),
    rule("POST", "/staff/admin/groups", Access::Admin),
    rule("GET", "/staff/admin/groups/{id}", Access::Admin),
    rule("POST", "/staff/admin/groups/{id}", Access::Admin),
    rule("GET", "/staff/admin/audit", Access::Admin),
    rule("GET", "/staff/admin/outbox", Access::Admin),
    rule("POST", "/staff/admin/outbox/{id}/retry", Access::Admin),
];

/// Whether `role` must sign in with a second factor under `rule`
/// (`HAVEN_REQUIRE_2FA`): such an account reaches nothing but enrolment
/// until it has one, and cannot turn it off.
pub fn must_use_second_factor(rule: TwoFactorRule, role: StaffRole) -> bool {
    match rule {
        TwoFactorRule::All => true,
        TwoFactorRule::Admins => role == StaffRole::Admin,
    }
}

/// Routes an account that must use two-factor sign-in may reach before it
/// has enrolled.
const ENROLMENT_ROUTES: &[&str] = &[
    "/staff/logout",
    "/staff/account/totp",
    "/staff/account/totp/qr.svg",
    "/staff/account/totp/start",
    "/staff/account/totp/confirm",
];

/// The rule for a request, if its route is listed.
pub fn rule_for(method: &Method, pattern: &str) -> Option<&'static Rule> {
    let method = if method == Method::HEAD {
        "GET"
    } else {
        method.as_str()
    };
    RULES
        .iter()
        .find(|r| r.method == method && r.pattern == pattern)
}

/// The methods a listed pattern answers (`GET` brings `HEAD`), for the
/// `Allow` header of a 405; `None` when the pattern has no rule at all.
pub fn allowed_methods(pattern: &str) -> Option<String> {
    let mut methods: Vec<&str> = Vec::new();
    for rule in RULES.iter().filter(|r| r.pattern == pattern) {
        methods.push(rule.method);
        if rule.method == "GET" {
            methods.push("HEAD");
        }
    }
    (!methods.is_empty()).then(|| methods.join(", "))
}

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
    let Some(rule) = rule_for(req.method(), &pattern) else {
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
    let must_enrol = staff.as_ref().is_some_and(|s| {
        must_use_second_factor(state.config.require_2fa, s.role) && !s.totp_enabled
    });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_unique() {
        for (i, a) in RULES.iter().enumerate() {
            for b in &RULES[i + 1..] {
                assert!(
                    !(a.method == b.method && a.pattern == b.pattern),
                    "{} {} twice",
                    a.method,
                    a.pattern
                );
            }
        }
    }

    #[test]
    fn liaisons_never_reach_casework() {
        assert!(!Access::Casework.allows(StaffRole::Liaison));
        assert!(Access::Casework.allows(StaffRole::Caseworker));
        assert!(!Access::Admin.allows(StaffRole::Caseworker));
        assert!(!Access::Liaison.allows(StaffRole::Admin));
    }
}
