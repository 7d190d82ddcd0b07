//! Referrals: with the reporter's consent, a caseworker refers a case to
//! one or more partner groups, writing for each a summary — the only thing
//! of the case a group's liaisons ever see. The group is emailed that
//! something is waiting (never what); the liaisons accept or decline and
//! post updates, and the referring caseworker is emailed each time.

mod liaison;
mod read;
mod refer;

pub use liaison::{ReferralListItem, Step, for_liaison, liaison_step, list_for_liaison};
pub use read::{OpenedReferral, ReferralUpdate, for_case};
pub use refer::refer;

use crate::domain::text::{self, MultiLine};

pub const MAX_SUMMARY_CHARS: usize = 10_000;
pub const REFERRALS_PATH: &str = super::notify::REFERRALS_PATH;

/// Why a referral step was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The reporter did not consent to referral.
    NoConsent,
    /// No group was chosen, or a chosen group is unknown or inactive.
    NoGroup,
    /// A chosen group's summary is empty or too long.
    BadSummary,
    /// The case is already referred to that group (and not declined).
    AlreadyReferred,
    /// The referral was already accepted or declined.
    AlreadyDecided,
    /// Accepting first, then updates.
    NotAccepted,
    /// An update must say something (and not too much).
    BadText,
    /// A decline needs a reason (saying something, and not too much).
    BadReason,
    /// Accepting takes a confirmation that the group takes the case on.
    NotConfirmed,
    /// The reporter withdrew the referral before the group answered.
    Withdrawn,
}

impl Refusal {
    pub fn message_key(&self) -> &'static str {
        match self {
            Refusal::NoConsent => "referral-error-consent",
            Refusal::NoGroup => "referral-error-group",
            Refusal::BadSummary => "referral-error-summary",
            Refusal::AlreadyReferred => "referral-error-already",
            Refusal::AlreadyDecided => "referral-error-decided",
            Refusal::NotAccepted => "referral-error-not-accepted",
            Refusal::BadText => "referral-error-text",
            Refusal::BadReason => "referral-error-reason",
            Refusal::NotConfirmed => "referral-error-confirm",
            Refusal::Withdrawn => "referral-error-withdrawn",
        }
    }

    /// Whether what was typed is at fault (422), rather than the state of
    /// the case or referral (409).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            Refusal::BadSummary | Refusal::BadText | Refusal::BadReason | Refusal::NotConfirmed
        )
    }
}

/// Says something visible, not too much, and holds no control character
/// (line breaks and tabs aside).
pub(crate) fn text_ok(text: &str) -> bool {
    let n = text.trim().chars().count();
    n > 0 && n <= MAX_SUMMARY_CHARS && !text::is_blank(text) && MultiLine::parse(text).is_ok()
}
