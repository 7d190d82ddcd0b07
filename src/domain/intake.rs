//! The intake form, parsed into a validated report. Only `narrative` is
//! required: a frightened reporter must be able to say what happened and
//! nothing else.

use chrono::{Datelike, NaiveDate};

use super::text::{self, MultiLine, SingleLine};
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
/// field sent more than once is listed in `repeated`.
#[derive(Default)]
pub struct RawIntake {
    pub narrative: String,
    pub kinds: Vec<String>,
    pub reporter_role: String,
    pub occurred_on: String,
    pub city: String,
    pub province: String,
    pub community: String,
    pub channels: Vec<String>,
    pub state_link: String,
    pub demands: Vec<String>,
    pub involved: String,
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
    pub repeated: Vec<&'static str>,
    /// Checkboxes sent with a value other than their own.
    pub bad_checkboxes: Vec<&'static str>,
}

impl RawIntake {
    /// Reads a checkbox as sent: its own value ticks it; absent leaves it
    /// unticked; anything else (`no`, `false`, `0`, `off`, empty) is
    /// refused rather than guessed.
    pub fn set_checkbox(&mut self, field: &'static str, value: &str) {
        let slot = match field {
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

    /// The same form with control characters removed from its free text,
    /// to be shown again: refused input is never sent back into a page.
    pub fn without_controls(mut self) -> Self {
        for field in [
            &mut self.narrative,
            &mut self.city,
            &mut self.involved,
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

/// When it happened: a day or, when the day is not remembered, a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OccurredOn {
    Day(NaiveDate),
    Month(NaiveDate),
}

impl OccurredOn {
    pub fn parse(input: &str, today: NaiveDate) -> Option<Self> {
        let input = input.trim();
        let parsed = if input.len() == 7 {
            NaiveDate::parse_from_str(&format!("{input}-01"), "%Y-%m-%d")
                .ok()
                .map(OccurredOn::Month)
        } else if input.len() == 10 {
            NaiveDate::parse_from_str(input, "%Y-%m-%d")
                .ok()
                .map(OccurredOn::Day)
        } else {
            None
        }?;
        let first_of_this_month = today.with_day(1)?;
        let too_late = match parsed {
            OccurredOn::Day(d) => d > today,
            OccurredOn::Month(m) => m > first_of_this_month,
        };
        (!too_late && parsed.month_start().year() >= 1950).then_some(parsed)
    }

    /// The first day of the month it happened in (kept in clear for
    /// statistics; the day itself is sealed with the report).
    pub fn month_start(self) -> NaiveDate {
        match self {
            OccurredOn::Day(d) => d.with_day(1).expect("every month has a first day"),
            OccurredOn::Month(m) => m,
        }
    }

    pub fn to_form_value(self) -> String {
        match self {
            OccurredOn::Day(d) => d.format("%Y-%m-%d").to_string(),
            OccurredOn::Month(m) => m.format("%Y-%m").to_string(),
        }
    }
}

/// The secret part of a report: sealed as a whole with the case's data key.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct ReportContent {
    pub narrative: Sensitive,
    pub involved: Sensitive,
    pub prior_reports: Sensitive,
    pub city: Sensitive,
    pub occurred_on: Option<String>,
    pub contact_value: Sensitive,
}

/// How to reach the reporter, if at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContactDetails {
    None,
    Email(Sensitive),
    Phone(Sensitive),
    Signal(Sensitive),
}

impl ContactDetails {
    fn parse(method: &str, value: &str, errors: &mut IntakeErrors) -> ContactDetails {
        let method = if method.trim().is_empty() {
            Some(ContactMethod::None)
        } else {
            ContactMethod::parse(method)
        };
        let value = value.trim();
        if SingleLine::parse(value).is_err() {
            errors.push("contact_value", "error-control-characters");
            return ContactDetails::None;
        }
        let Some(method) = method else {
            errors.push("contact_method", "error-invalid-choice");
            return ContactDetails::None;
        };
        if method != ContactMethod::None && value.is_empty() {
            errors.push("contact_value", "error-contact-value-required");
            return ContactDetails::None;
        }
        if value.chars().count() > MAX_CONTACT_CHARS {
            errors.push("contact_value", "error-too-long");
            return ContactDetails::None;
        }
        let valid = match method {
            ContactMethod::None => true,
            ContactMethod::Email => super::EmailAddress::parse(value).is_some(),
            ContactMethod::Phone => is_phone(value),
            ContactMethod::Signal => is_phone(value) || is_signal_username(value),
        };
        if !valid {
            errors.push("contact_value", "error-contact-value-invalid");
            return ContactDetails::None;
        }
        let v = Sensitive::new(value);
        match method {
            ContactMethod::None => ContactDetails::None,
            ContactMethod::Email => ContactDetails::Email(v),
            ContactMethod::Phone => ContactDetails::Phone(v),
            ContactMethod::Signal => ContactDetails::Signal(v),
        }
    }

    pub fn method(&self) -> ContactMethod {
        match self {
            ContactDetails::None => ContactMethod::None,
            ContactDetails::Email(_) => ContactMethod::Email,
            ContactDetails::Phone(_) => ContactMethod::Phone,
            ContactDetails::Signal(_) => ContactMethod::Signal,
        }
    }

    pub fn value(&self) -> Sensitive {
        match self {
            ContactDetails::None => Sensitive::default(),
            ContactDetails::Email(v) | ContactDetails::Phone(v) | ContactDetails::Signal(v) => {
                v.clone()
            }
        }
    }
}

fn is_phone(value: &str) -> bool {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        && (7..=15).contains(&digits)
}

/// Signal usernames: a nickname, a dot, and at least two digits.
fn is_signal_username(value: &str) -> bool {
    let value = value.strip_prefix('@').unwrap_or(value);
    let Some((nick, number)) = value.rsplit_once('.') else {
        return false;
    };
    (3..=32).contains(&nick.len())
        && nick.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && (2..=9).contains(&number.len())
        && number.chars().all(|c| c.is_ascii_digit())
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

fn one_of<T>(
    raw: &str,
    field: &'static str,
    parse: fn(&str) -> Option<T>,
    errors: &mut IntakeErrors,
) -> Option<T> {
    if raw.trim().is_empty() {
        return None;
    }
    let parsed = parse(raw);
    if parsed.is_none() {
        errors.push(field, "error-invalid-choice");
    }
    parsed
}

fn many_of<T: PartialEq>(
    raw: &[String],
    field: &'static str,
    parse: fn(&str) -> Option<T>,
    errors: &mut IntakeErrors,
) -> Vec<T> {
    let mut out = Vec::new();
    for value in raw.iter().filter(|v| !v.trim().is_empty()) {
        match parse(value) {
            Some(v) if !out.contains(&v) => out.push(v),
            Some(_) => {}
            None => {
                errors.push(field, "error-invalid-choice");
                return Vec::new();
            }
        }
    }
    out
}

/// Whether a free-text field holds one line or several.
#[derive(Clone, Copy)]
enum Lines {
    One,
    Several,
}

fn text(
    raw: &str,
    field: &'static str,
    max: usize,
    lines: Lines,
    errors: &mut IntakeErrors,
) -> Sensitive {
    let trimmed = raw.trim();
    let checked = match lines {
        Lines::One => SingleLine::parse(trimmed).map(SingleLine::into_inner),
        Lines::Several => MultiLine::parse(trimmed).map(MultiLine::into_inner),
    };
    match checked {
        Err(problem) => {
            errors.push(field, problem.message());
            Sensitive::default()
        }
        Ok(_) if trimmed.chars().count() > max => {
            errors.push(field, "error-too-long");
            Sensitive::default()
        }
        Ok(text) => Sensitive::new(text),
    }
}

impl NewReport {
    /// Checks every field; returns every problem at once so the form can
    /// show them all.
    pub fn parse(raw: &RawIntake, today: NaiveDate) -> Result<Self, IntakeErrors> {
        let mut errors = IntakeErrors::default();
        for field in &raw.repeated {
            errors.push(field, "error-repeated-field");
        }
        for field in &raw.bad_checkboxes {
            errors.push(field, "error-checkbox-value");
        }
        let narrative = text(
            &raw.narrative,
            "narrative",
            MAX_NARRATIVE_CHARS,
            Lines::Several,
            &mut errors,
        );
        if text::is_blank(narrative.expose()) && errors.for_field("narrative").is_none() {
            errors.push("narrative", "error-narrative-required");
        }
        let occurred_on = if raw.occurred_on.trim().is_empty() {
            None
        } else {
            let parsed = OccurredOn::parse(&raw.occurred_on, today);
            if parsed.is_none() {
                errors.push("occurred_on", "error-occurred-on-invalid");
            }
            parsed
        };
        let contact = ContactDetails::parse(&raw.contact_method, &raw.contact_value, &mut errors);
        let language =
            one_of(&raw.lang, "lang", Language::parse, &mut errors).unwrap_or(Language::En);
        let report = NewReport {
            kinds: many_of(&raw.kinds, "kinds", IncidentKind::parse, &mut errors),
            reporter_role: one_of(
                &raw.reporter_role,
                "reporter_role",
                ReporterRole::parse,
                &mut errors,
            ),
            province: one_of(&raw.province, "province", Province::parse, &mut errors),
            community: one_of(&raw.community, "community", Community::parse, &mut errors),
            channels: many_of(&raw.channels, "channels", Channel::parse, &mut errors),
            state_link: one_of(&raw.state_link, "state_link", StateLink::parse, &mut errors),
            demands: many_of(&raw.demands, "demands", Demand::parse, &mut errors),
            support: many_of(&raw.support, "support", Support::parse, &mut errors),
            content: ReportContent {
                narrative,
                involved: text(
                    &raw.involved,
                    "involved",
                    MAX_SHORT_TEXT_CHARS,
                    Lines::Several,
                    &mut errors,
                ),
                prior_reports: text(
                    &raw.prior_reports,
                    "prior_reports",
                    MAX_SHORT_TEXT_CHARS,
                    Lines::Several,
                    &mut errors,
                ),
                city: text(&raw.city, "city", MAX_CITY_CHARS, Lines::One, &mut errors),
                occurred_on: occurred_on.map(OccurredOn::to_form_value),
                contact_value: contact.value(),
            },
            occurred_on,
            family_affected: raw.family_affected,
            immediate_danger: raw.immediate_danger,
            contact_method: contact.method(),
            consent_referral: raw.consent_referral,
            consent_police: raw.consent_police,
            consent_stats: raw.consent_stats,
            language,
        };
        if errors.is_empty() {
            Ok(report)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn minimal() -> RawIntake {
        RawIntake {
            narrative: "  Two men followed me after the vigil.  ".into(),
            ..Default::default()
        }
    }

    #[test]
    fn only_the_narrative_is_required() {
        let r = NewReport::parse(&minimal(), today()).unwrap();
        assert_eq!(
            r.content.narrative.expose(),
            "Two men followed me after the vigil."
        );
        assert_eq!(r.contact_method, ContactMethod::None);
        assert!(!r.consent_referral && !r.consent_police && !r.consent_stats);
        assert_eq!(r.language, Language::En);
    }

    #[test]
    fn an_empty_narrative_is_refused() {
        let raw = RawIntake {
            narrative: " \n ".into(),
            ..Default::default()
        };
        let e = NewReport::parse(&raw, today()).unwrap_err();
        assert_eq!(e.for_field("narrative"), Some("error-narrative-required"));
    }

    #[test]
    fn every_field_parses() {
        let raw = RawIntake {
            kinds: vec![
                "surveillance".into(),
                "family_threats".into(),
                "surveillance".into(),
            ],
            reporter_role: "witness".into(),
            occurred_on: "2026-10".into(),
            city: "Montréal".into(),
            province: "QC".into(),
            community: "uyghur".into(),
            channels: vec!["wechat".into()],
            state_link: "embassy".into(),
            demands: vec!["inform".into()],
            involved: "a man who said he was from the consulate".into(),
            family_affected: true,
            prior_reports: "RCMP 2026-123".into(),
            immediate_danger: true,
            support: vec!["legal".into(), "digital_security".into()],
            contact_method: "signal".into(),
            contact_value: "ana.42".into(),
            consent_referral: true,
            consent_stats: true,
            lang: "ug".into(),
            ..minimal()
        };
        let r = NewReport::parse(&raw, today()).unwrap();
        assert_eq!(
            r.kinds,
            vec![IncidentKind::Surveillance, IncidentKind::FamilyThreats]
        );
        assert_eq!(r.reporter_role, Some(ReporterRole::Witness));
        assert_eq!(
            r.occurred_on.unwrap().month_start(),
            NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()
        );
        assert_eq!(r.province, Some(Province::QC));
        assert_eq!(r.community, Some(Community::Uyghur));
        assert_eq!(r.state_link, Some(StateLink::Embassy));
        assert_eq!(r.contact_method, ContactMethod::Signal);
        assert_eq!(r.content.contact_value.expose(), "ana.42");
        assert!(r.family_affected && r.immediate_danger && r.consent_referral && r.consent_stats);
        assert_eq!(r.language, Language::Ug);
    }

    #[test]
    fn unknown_choices_are_refused_per_field() {
        let raw = RawIntake {
            kinds: vec!["alien_abduction".into()],
            province: "XX".into(),
            reporter_role: "boss".into(),
            lang: "de".into(),
            ..minimal()
        };
        let e = NewReport::parse(&raw, today()).unwrap_err();
        for field in ["kinds", "province", "reporter_role", "lang"] {
            assert_eq!(e.for_field(field), Some("error-invalid-choice"), "{field}");
        }
    }

    #[test]
    fn dates_in_the_future_or_malformed_are_refused() {
        for bad in [
            "2026-12",
            "2026-11-27",
            "26-11",
            "2026/11/01",
            "2026-13",
            "1900-01",
        ] {
            let raw = RawIntake {
                occurred_on: bad.into(),
                ..minimal()
            };
            assert!(NewReport::parse(&raw, today()).is_err(), "{bad}");
        }
        for good in ["2026-11", "2026-11-26", "2001-02-28"] {
            let raw = RawIntake {
                occurred_on: good.into(),
                ..minimal()
            };
            assert!(NewReport::parse(&raw, today()).is_ok(), "{good}");
        }
    }

    #[test]
    fn contact_values_are_checked_against_the_method() {
        let case = |m: &str, v: &str| {
            NewReport::parse(
                &RawIntake {
                    contact_method: m.into(),
                    contact_value: v.into(),
                    ..minimal()
                },
                today(),
            )
        };
        assert!(case("email", "ana@example.org").is_ok());
        assert!(case("phone", "+1 (514) 555-0100").is_ok());
        assert!(case("signal", "+15145550100").is_ok());
        assert_eq!(
            case("email", "").unwrap_err().for_field("contact_value"),
            Some("error-contact-value-required")
        );
        assert_eq!(
            case("email", "not an email")
                .unwrap_err()
                .for_field("contact_value"),
            Some("error-contact-value-invalid")
        );
        assert_eq!(
            case("phone", "call me")
                .unwrap_err()
                .for_field("contact_value"),
            Some("error-contact-value-invalid")
        );
        assert_eq!(
            case("pigeon", "x").unwrap_err().for_field("contact_method"),
            Some("error-invalid-choice")
        );
        let none = case("none", "ignored").unwrap();
        assert!(
            none.content.contact_value.is_empty(),
            "a value without a method is not kept"
        );
    }

    #[test]
    fn overlong_text_is_refused() {
        let raw = RawIntake {
            narrative: "x".repeat(MAX_NARRATIVE_CHARS + 1),
            ..Default::default()
        };
        assert_eq!(
            NewReport::parse(&raw, today())
                .unwrap_err()
                .for_field("narrative"),
            Some("error-too-long")
        );
    }

    #[test]
    fn a_checkbox_is_yes_only_with_its_own_value() {
        for no in ["no", "false", "0", "off", "", "YES", " yes"] {
            let mut raw = minimal();
            raw.set_checkbox("consent_police", no);
            assert!(!raw.consent_police);
            assert_eq!(
                NewReport::parse(&raw, today())
                    .unwrap_err()
                    .for_field("consent_police"),
                Some("error-checkbox-value"),
                "{no:?}"
            );
        }
        for yes in [CHECKBOX_VALUE, "on"] {
            let mut raw = minimal();
            raw.set_checkbox("consent_police", yes);
            assert!(NewReport::parse(&raw, today()).unwrap().consent_police);
        }
    }

    #[test]
    fn control_characters_and_invisible_narratives_are_refused() {
        let e = |raw: RawIntake| NewReport::parse(&raw, today()).unwrap_err();
        let raw = RawIntake {
            city: "Rich\u{0}mond".into(),
            involved: "a\u{1b}b".into(),
            ..minimal()
        };
        let errors = e(raw);
        assert_eq!(errors.for_field("city"), Some("error-control-characters"));
        assert_eq!(
            errors.for_field("involved"),
            Some("error-control-characters")
        );
        let raw = RawIntake {
            narrative: "\u{200b}\u{feff}\u{2060} \u{200e}".into(),
            ..Default::default()
        };
        assert_eq!(
            e(raw).for_field("narrative"),
            Some("error-narrative-required")
        );
    }

    #[test]
    fn repeated_single_value_fields_are_refused_and_controls_not_shown_again() {
        let raw = RawIntake {
            repeated: vec!["province"],
            ..minimal()
        };
        assert_eq!(
            NewReport::parse(&raw, today())
                .unwrap_err()
                .for_field("province"),
            Some("error-repeated-field")
        );
        let shown = RawIntake {
            narrative: "a\u{0}b\nc".into(),
            ..Default::default()
        }
        .without_controls();
        assert_eq!(shown.narrative, "ab\nc");
    }
}
