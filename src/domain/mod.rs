//! Domain types: what Haven's words mean, parsed once at the edge
//! ("parse, don't validate"). Nothing here knows about HTTP or the database.

mod age_key;
mod codes;
mod consent;
mod email;
mod identifiers;
mod ids;
mod intake;
mod language;
mod names;
mod password;
mod receipt;
mod recipients;
mod reference;
mod sensitive;
mod staff;
mod status;
pub mod text;

pub use age_key::{AgeKeyError, AgeRecipient};
pub use codes::{
    Channel, Community, ContactMethod, Demand, IncidentKind, Province, ReporterRole, StateLink,
    Support,
};
pub use consent::{Consent, ConsentChange, Consents};
pub use email::EmailAddress;
pub use identifiers::{Identifier, IdentifierKind, extract as extract_identifiers};
pub use ids::PublicId;
pub use intake::{
    CHECKBOX_VALUE, ContactDetails, FieldError, IntakeErrors, NewReport, OccurredOn, RawIntake,
    ReportContent, STEP_TITLES, STEPS, step_of,
};
pub use language::Language;
pub use names::{DisplayName, DisplayNameProblem, GroupName, is_invisible, nfkc};
pub use password::{NewPassword, PasswordProblem};
pub use receipt::Receipt;
pub use recipients::{RecipientKind, SharingConsent};
pub use reference::CaseReference;
pub use sensitive::Sensitive;
pub use staff::StaffRole;
pub use status::{CaseStatus, EventKind, IntakeSource, RiskLevel};

/// Defines an enum of stable string codes (used in forms, URLs and the
/// database) with `as_str`, `parse` and `ALL`.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $(#[serde(rename = $code)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<Self> {
                match code.trim() { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use code_enum;
