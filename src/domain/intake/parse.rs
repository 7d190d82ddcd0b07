//! Parsing the submitted form into a `NewReport`: every field checked,
//! every problem collected so that the form can show them all.

use chrono::NaiveDate;

use super::*;
use crate::domain::text::{self, MultiLine, SingleLine};
use crate::domain::{
    Channel, Community, Demand, IncidentKind, Language, Province, ReporterRole, Sensitive,
    StateLink, Support,
};

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
        form_problems(raw, &mut errors);
        let narrative = narrative(raw, &mut errors);
        let occurred_on = occurred_on(raw, today, &mut errors);
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
                identifiers: text(
                    &raw.identifiers,
                    "identifiers",
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
                occurred_unsure: raw.occurred_unsure,
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

/// Fields sent more than once, and checkboxes with a value no form sends.
fn form_problems(raw: &RawIntake, errors: &mut IntakeErrors) {
    for field in &raw.repeated {
        errors.push(field, "error-repeated-field");
    }
    for field in &raw.bad_checkboxes {
        errors.push(field, "error-checkbox-value");
    }
}

/// The one required field: it must say something visible.
fn narrative(raw: &RawIntake, errors: &mut IntakeErrors) -> Sensitive {
    let narrative = text(
        &raw.narrative,
        "narrative",
        MAX_NARRATIVE_CHARS,
        Lines::Several,
        errors,
    );
    if text::is_blank(narrative.expose()) && errors.for_field("narrative").is_none() {
        errors.push("narrative", "error-narrative-required");
    }
    narrative
}

/// When it happened, if the reporter said. Left empty, it is no problem
/// (with "I don't remember exactly" ticked or not).
fn occurred_on(raw: &RawIntake, today: NaiveDate, errors: &mut IntakeErrors) -> Option<OccurredOn> {
    if text::is_blank(&raw.occurred_on) {
        return None;
    }
    let parsed = OccurredOn::parse(&raw.occurred_on, today);
    if parsed.is_none() {
        errors.push("occurred_on", "error-occurred-on-invalid");
    }
    parsed
}
