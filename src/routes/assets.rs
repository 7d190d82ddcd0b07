//! Haven's own stylesheet and script, compiled into the binary: no CDN, no
//! third-party resource, nothing to deploy beside the binary.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::web::AppError;

const ASSETS: &[(&str, &str, &str)] = &[
    (
        "haven.css",
        "text/css; charset=utf-8",
        include_str!("../../static/haven.css"),
    ),
    (
        "haven.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/haven.js"),
    ),
    (
        "passkey.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/passkey.js"),
    ),
];

pub async fn serve(file: web::Path<String>) -> Result<HttpResponse, AppError> {
    let (_, content_type, body) = ASSETS
        .iter()
        .find(|(name, _, _)| *name == file.as_str())
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type(*content_type)
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(*body))
}
