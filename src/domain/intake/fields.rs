//! The intake's fields that are more than a choice from a list: when it
//! happened, and how to reach the reporter.

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::domain::text::SingleLine;
use crate::domain::{ContactMethod, Sensitive};

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

/// How to reach the reporter, if at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContactDetails {
    None,
    Email(Sensitive),
    Phone(Sensitive),
    Signal(Sensitive),
}

impl ContactDetails {
    pub(super) fn parse(method: &str, value: &str, errors: &mut IntakeErrors) -> ContactDetails {
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
            ContactMethod::Email => crate::domain::EmailAddress::parse(value).is_some(),
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
