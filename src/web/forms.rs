//! Protection of forms against cross-site submission.
//!
//! Two layers: browsers tell us where a request came from
//! (`Sec-Fetch-Site`), and we refuse anything cross-site outright; and every
//! form carries a token. Forms shown before sign-in carry a signed,
//! time-limited token (no cookie, no server state about the visitor); staff
//! forms carry their session's own token (checked by the staff gate).

use actix_web::HttpRequest;

use super::{AppState, now_unix};

/// How long a form shown before sign-in stays valid: a reporter may take
/// hours to write. An expired form is shown again with its content kept.
pub const PUBLIC_FORM_MAX_AGE_SECS: i64 = 24 * 3600;

/// The purposes a form token can be issued for.
pub struct FormTokens;

impl FormTokens {
    pub const REPORT: &'static str = "report";
    pub const FOLLOW_UP: &'static str = "follow-up";
    pub const LOGIN: &'static str = "login";
    pub const RECEIPT: &'static str = "receipt";

    pub fn issue(state: &AppState, purpose: &str) -> String {
        state.forms().issue(purpose, now_unix())
    }

    pub fn verify(state: &AppState, purpose: &str, token: &str) -> bool {
        state
            .forms()
            .verify(purpose, token, now_unix(), PUBLIC_FORM_MAX_AGE_SECS)
    }

    /// How a valid report form token is recorded once it has filed a
    /// report: its digest, and the day after which it could no longer be
    /// accepted anyway (when the record may go).
    pub fn spent_mark(state: &AppState, token: &str) -> Option<crate::cases::intake::SpentForm> {
        let issued = state.forms().verified_issue_time(
            Self::REPORT,
            token,
            now_unix(),
            PUBLIC_FORM_MAX_AGE_SECS,
        )?;
        let last_valid = chrono::DateTime::from_timestamp(issued + PUBLIC_FORM_MAX_AGE_SECS, 0)?;
        Some(crate::cases::intake::SpentForm {
            digest: crate::crypto::digest_token(token),
            expires_on: last_valid.date_naive(),
        })
    }
}

/// Whether the browser says this request was made by another site.
pub fn reject_cross_site(req: &HttpRequest) -> bool {
    req.headers()
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|site| !matches!(site, "same-origin" | "none"))
}
