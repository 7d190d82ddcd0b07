//! Every cookie Haven sets, named and scoped in one place. Over HTTPS each
//! name carries the `__Host-` prefix, which browsers only accept with
//! `Secure`, `Path=/` and no `Domain`: the cookie is then bound to this
//! exact host and cannot be planted by a sibling domain.

use actix_web::cookie::{Cookie, CookieBuilder};

use crate::config::Config;

/// A cookie's name over plain HTTP and over HTTPS.
#[derive(Clone, Copy, Debug)]
pub struct CookieName {
    plain: &'static str,
    host: &'static str,
}

impl CookieName {
    /// The staff session.
    pub const SESSION: Self = Self::new("haven_session", "__Host-haven_session");
    /// "This browser signed in to this account before".
    pub const DEVICE: Self = Self::new("haven_device", "__Host-haven_device");
    /// A staff sign-in whose password was right, waiting for its second
    /// factor.
    pub const SIGN_IN: Self = Self::new("haven_sign_in", "__Host-haven_sign_in");
    /// A new report's reference and receipt, on their way to the receipt page.
    pub const RECEIPT: Self = Self::new("haven_receipt", "__Host-haven_receipt");
    /// A reporter's visit to their case.
    pub const VISIT: Self = Self::new("haven_visit", "__Host-haven_visit");
    /// The browser's part of the key of a report written in steps: a draft
    /// opens only in the browser that wrote it.
    pub const DRAFT: Self = Self::new("haven_draft", "__Host-haven_draft");

    const fn new(plain: &'static str, host: &'static str) -> Self {
        Self { plain, host }
    }

    pub fn for_config(self, config: &Config) -> &'static str {
        if config.https() {
            self.host
        } else {
            self.plain
        }
    }
}

/// A cookie for the whole site: `Path=/`, `HttpOnly`, `Secure` unless in
/// local development over plain HTTP. The caller adds `SameSite` and the
/// lifetime.
pub fn site_cookie(config: &Config, name: CookieName, value: String) -> CookieBuilder<'static> {
    Cookie::build(name.for_config(config), value)
        .path("/")
        .http_only(true)
        .secure(config.secure_cookies())
}
