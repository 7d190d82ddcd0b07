//! Which language a request is answered in: `?lang=` when given, otherwise
//! the browser's `Accept-Language`, otherwise English.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};

use crate::domain::Language;
use crate::i18n::Tr;

/// The language and whether it was chosen explicitly with `?lang=`.
pub fn language_of(req: &HttpRequest) -> (Language, bool) {
    let chosen = req.query_string().split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == "lang")
            .then(|| Language::parse(&v.replace("%2D", "-").replace("%2d", "-")))
            .flatten()
    });
    if let Some(lang) = chosen {
        return (lang, true);
    }
    let negotiated = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Language::negotiate);
    (negotiated.unwrap_or(Language::En), false)
}

impl FromRequest for Tr {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let (lang, explicit) = language_of(req);
        std::future::ready(Ok(Tr::new(lang, explicit)))
    }
}
