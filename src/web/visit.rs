//! A reporter's follow-up visit at the HTTP edge: the visit cookie (made and
//! removed here) and the `ReporterVisit` extractor, which finds the visit of
//! a request and, for anything but a read, checks the visit's form token.

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::Payload;
use actix_web::error::InternalError;
use actix_web::http::{Method, header};
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use subtle::ConstantTimeEq;

use super::{AppError, AppState, CookieName, reject_cross_site, site_cookie};
use crate::cases::follow_up::{self, Visit};
use crate::i18n::Tr;

/// The visit cookie: strict same-site, so no other site's page can act in
/// a reporter's visit.
pub fn visit_cookie(state: &AppState, value: String, max_age: CookieDuration) -> Cookie<'static> {
    site_cookie(&state.config, CookieName::VISIT, value)
        .same_site(SameSite::Strict)
        .max_age(max_age)
        .finish()
}

/// What carries a visit's form token in a request: the form of a POST, or
/// its query when the body is a file upload. `()` carries none, for reads.
pub trait VisitToken {
    fn visit_token(&self) -> Option<&str>;
}

impl VisitToken for () {
    fn visit_token(&self) -> Option<&str> {
        None
    }
}

/// A request's form or query that has a `csrf_token` field.
pub trait HasCsrfToken {
    fn csrf_token(&self) -> &str;
}

impl<T: HasCsrfToken> VisitToken for web::Form<T> {
    fn visit_token(&self) -> Option<&str> {
        Some(self.csrf_token())
    }
}

impl<T: HasCsrfToken> VisitToken for web::Query<T> {
    fn visit_token(&self) -> Option<&str> {
        Some(self.csrf_token())
    }
}

/// The live visit of this request, with `input` (the form or query that
/// carried its token, already checked). A request without a live visit is
/// sent to the follow-up form, its stale cookie removed; a request that
/// changes something without the visit's token, or from another site, is
/// refused with the form-token page.
pub struct ReporterVisit<I = ()> {
    pub visit: Visit,
    pub input: I,
}

impl<I> FromRequest for ReporterVisit<I>
where
    I: FromRequest + VisitToken + 'static,
    I::Error: Into<actix_web::Error>,
{
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        // The form is read first, as when it was the handler's own argument:
        // a malformed body is refused before the visit is looked at.
        let input = I::from_request(&req, payload);
        Box::pin(async move {
            let input = input.await.map_err(Into::into)?;
            let visit = match find(&req).await? {
                Some(visit) => visit,
                None => return Err(expired(&req).into()),
            };
            let read = matches!(*req.method(), Method::GET | Method::HEAD);
            if !read && !token_ok(&req, &visit, input.visit_token()) {
                return Err(AppError::CsrfRejected.into());
            }
            Ok(ReporterVisit { visit, input })
        })
    }
}

async fn find(req: &HttpRequest) -> Result<Option<Visit>, AppError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("no application state")))?;
    let token = req
        .cookie(CookieName::VISIT.for_config(&state.config))
        .map(|c| c.value().to_string())
        .unwrap_or_default();
    Ok(follow_up::resolve_visit(state, &token).await?)
}

/// Back to the follow-up form, saying the visit has ended.
fn expired(req: &HttpRequest) -> InternalError<&'static str> {
    let (lang, explicit) = super::language_of(req);
    let t = Tr::new(lang, explicit);
    let mut redirect = HttpResponse::SeeOther();
    if let Some(state) = req.app_data::<web::Data<AppState>>() {
        redirect.cookie(visit_cookie(state, String::new(), CookieDuration::ZERO));
    }
    let redirect = redirect
        .insert_header((header::LOCATION, t.url("/follow-up?expired=1")))
        .finish();
    InternalError::from_response("no live follow-up visit", redirect)
}

fn token_ok(req: &HttpRequest, visit: &Visit, token: Option<&str>) -> bool {
    let Some(token) = token else {
        return false;
    };
    !reject_cross_site(req) && bool::from(visit.csrf_token.as_bytes().ct_eq(token.as_bytes()))
}
