//! The intake form, parsed into a validated report. Only `narrative` is
//! required: a frightened reporter must be able to say what happened and
//! nothing else.

mod fields;
mod parse;

pub use fields::{ContactDetails, OccurredOn};

use super::text;
use super::{
    Channel, Community, ContactMethod, Demand, IncidentKind, Language, Province, ReporterRole,
    Sensitive, StateLink, Support,
};

pub const MAX_NARRATIVE_CHARS: usize = 20_000;
pub const MAX_SHORT_TEXT_CHARS: usize = 2_000;
pub const MAX_CITY_CHARS: usize = 100;
pub const MAX_CONTACT_CHARS: usize = 200;

/// The value a checkbox of the form sends when ticked. `on` (what a
/// browser sends for a checkbox without a value) means the same.
pub const CHECKBOX_VALUE: &str = "yes";

/// The form as submitted: strings, unchecked. Built by the route from the
/// multipart body; repeated fields collect every value, and a single-value
/// field sent more than once is listed in `repeated`. Serialized only to be
/// sealed in a draft between the form's steps.
#[derive(Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct RawIntake {
    pub narrative: String,
    pub kinds: Vec<String>,
    pub reporter_role: String,
    pub occurred_on: String,
    /// "I don't remember exactly": the date, if any, is an estimate.
    pub occurred_unsure: bool,
    pub city: String,
    pub province: String,
    pub community: String,
    pub channels: Vec<String>,
    pub state_link: String,
    pub demands: Vec<String>,
    pub involved: String,
    /// Phone numbers, accounts or names they used (one a line).
    pub identifiers: String,
    pub family_affected: bool,
    pub prior_reports: String,
    pub immediate_danger: bool,
    pub support: Vec<String>,
    pub contact_method: String,
    pub contact_value: String,
    pub consent_referral: bool,
    pub consent_police: bool,
    pub consent_stats: bool,
    pub lang: String,
    /// Single-value fields that were sent more than once.
    #[serde(skip)]
    pub repeated: Vec<&'static str>,
    /// Checkboxes sent with a value other than their own.
    #[serde(skip)]
    pub bad_checkboxes: Vec<&'static str>,
}

impl RawIntake {
    /// Reads a checkbox as sent: its own value ticks it; absent leaves it
    /// unticked; anything else (`no`, `false`, `0`, `off`, empty) is
    /// refused rather than guessed.
    pub fn set_checkbox(&mut self, field: &'static str, value: &str) {
        let slot = match field {
            "occurred_unsure" => &mut self.occurred_unsure,
            "family_affected" => &mut self.family_affected,
            "immediate_danger" => &mut self.immediate_danger,
            "consent_referral" => &mut self.consent_referral,
            "consent_police" => &mut self.consent_police,
            "consent_stats" => &mut self.consent_stats,
            _ => return,
        };
        if value == CHECKBOX_VALUE || value == "on" {
            *slot = true;
        } else {
            *slot = false;
            self.bad_checkboxes.push(field);
        }
    }

    /// Takes from `posted` the fields `wanted` names (a step of the form
    /// replaces its own answers, and leaves the other steps' as they were).
    /// A field sent twice, or a checkbox sent with a strange value, is not
    /// taken: it is refused on its step, and what was held stays.
    pub fn merge_from(&mut self, posted: &RawIntake, wanted: impl Fn(&str) -> bool) {
        let refused = |field: &str| {
            posted.repeated.contains(&field) || posted.bad_checkboxes.contains(&field)
        };
        macro_rules! take {
            ($($field:ident),*) => {
                $(if wanted(stringify!($field)) && !refused(stringify!($field)) {
                    self.$field = posted.$field.clone();
                })*
            };
        }
        take!(
            narrative,
            kinds,
            reporter_role,
            occurred_on,
            occurred_unsure,
            city,
            province,
            community,
            channels,
            state_link,
            demands,
            involved,
            identifiers,
            family_affected,
            prior_reports,
            immediate_danger,
            support,
            contact_method,
            contact_value,
            consent_referral,
            consent_police,
            consent_stats
        );
        self.lang = posted.lang.clone();
        self.repeated = posted
            .repeated
            .iter()
            .copied()
            .filter(|f| wanted(f))
            .collect();
        self.bad_checkboxes = posted
            .bad_checkboxes
            .iter()
            .copied()
            .filter(|f| wanted(f))
            .collect();
    }

    /// The same form with control characters removed from its free text,
    /// to be shown again: refused input is never sent back into a page.
    pub fn without_controls(mut self) -> Self {
        for field in [
            &mut self.narrative,
            &mut self.city,
            &mut self.involved,
            &mut self.identifiers,
            &mut self.prior_reports,
            &mut self.contact_value,
            &mut self.occurred_on,
        ] {
            *field = text::without_controls(field);
        }
        self
    }
}

impl std::fmt::Debug for RawIntake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RawIntake([redacted])")
    }
}

/// How many steps the public report form has.
pub const STEPS: u8 = 4;

/// The translation keys of the steps' titles, in order.
pub const STEP_TITLES: [&str; STEPS as usize] = [
    "step-safety",
    "step-what-happened",
    "step-who",
    "step-support",
];

/// Which step of the public form asks for `field`; 0 for what concerns the
/// whole form (its token, its draft). Immediate danger comes first.
pub fn step_of(field: &str) -> u8 {
    match field {
        "immediate_danger" | "reporter_role" | "community" => 1,
        "narrative" | "kinds" | "occurred_on" | "occurred_unsure" | "city" | "province"
        | "channels" => 2,
        "state_link" | "demands" | "involved" | "identifiers" | "family_affected"
        | "prior_reports" | "evidence" => 3,
        "support" | "contact_method" | "contact_value" | "consent_referral" | "consent_police"
        | "consent_stats" => 4,
        _ => 0,
    }
}

/// One problem with one field; `message` is a translation key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

impl FieldError {
    /// The translation key of the field's label (`field-occurred-on`).
    pub fn label_key(&self) -> String {
        format!("field-{}", self.field.replace('_', "-"))
    }

    /// The step of the public form whose question this is about; 0 for
    /// what is not one question (the form's token, draft or language).
    pub fn step(&self) -> u8 {
        step_of(self.field)
    }

    /// Whether the problem is the form's as a whole (its token or its
    /// draft): said without a question's name.
    pub fn is_form_level(&self) -> bool {
        matches!(self.field, "csrf_token" | "draft")
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IntakeErrors(pub Vec<FieldError>);

impl IntakeErrors {
    fn push(&mut self, field: &'static str, message: &'static str) {
        self.0.push(FieldError { field, message });
    }
    pub fn for_field(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.message)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The secret part of a report: sealed as a whole with the case's data key.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct ReportContent {
    pub narrative: Sensitive,
    pub involved: Sensitive,
    /// Phone numbers, accounts or names they used; absent from reports
    /// filed before the form asked.
    #[serde(default)]
    pub identifiers: Sensitive,
    pub prior_reports: Sensitive,
    pub city: Sensitive,
    pub occurred_on: Option<String>,
    /// The reporter does not remember exactly: the date, if any, is an
    /// estimate. Absent from reports filed before the form asked.
    #[serde(default)]
    pub occurred_unsure: bool,
    pub contact_value: Sensitive,
}

/// A report that passed every check, ready to be sealed and stored.
#[derive(Debug)]
pub struct NewReport {
    pub content: ReportContent,
    pub kinds: Vec<IncidentKind>,
    pub reporter_role: Option<ReporterRole>,
    pub occurred_on: Option<OccurredOn>,
    pub province: Option<Province>,
    pub community: Option<Community>,
    pub channels: Vec<Channel>,
    pub state_link: Option<StateLink>,
    pub demands: Vec<Demand>,
    pub family_affected: bool,
    pub immediate_danger: bool,
    pub support: Vec<Support>,
    pub contact_method: ContactMethod,
    pub consent_referral: bool,
    pub consent_police: bool,
    pub consent_stats: bool,
    pub language: Language,
}

#[cfg(test)]
mod tests;
