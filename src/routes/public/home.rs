//! The landing page.

use actix_web::HttpResponse;
use askama::Template;

use crate::i18n::Tr;
use crate::web::{AppError, render};

#[derive(Template)]
#[template(path = "public/home.html")]
struct HomePage {
    t: Tr,
    path: &'static str,
}

pub async fn show(t: Tr) -> Result<HttpResponse, AppError> {
    render(&HomePage { t, path: "/" })
}
