//! The intake's fields that are more than a choice from a list: when it
//! happened, and how to reach the reporter.

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::domain::text::SingleLine;
use crate::domain::{ContactMethod, Sensitive};

/// When it happened: a day or, when the day is not remembered, a month or
/// only a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OccurredOn {
    Day(NaiveDate),
    /// The first day of the month.
    Month(NaiveDate),
    Year(i32),
}

/// The earliest year a report may speak of.
pub const EARLIEST_YEAR: i32 = 1950;

impl OccurredOn {
    /// Reads a date as people write it: a year (`2025`, `2025年`), a month
    /// (`2025-05`, `2025/5`, `05/2025`, `5.2025`, `2025年5月`) or a day
    /// (`2025-05-07`, `2025/5/7`, `2025年5月7日`, or day first as most of the
    /// world writes it: `7/5/2025`, `07.05.2025`), in ASCII, Arabic-Indic,
    /// Persian, full-width or Tibetan digits. Two numbers before the year
    /// are always the day then the month. Refused: anything else, dates
    /// that do not exist, the future, and years before [`EARLIEST_YEAR`].
    pub fn parse(input: &str, today: NaiveDate) -> Option<Self> {
        let parsed = read(input)?;
        let too_late = match parsed {
            OccurredOn::Day(d) => d > today,
            OccurredOn::Month(m) => m > today.with_day(1)?,
            OccurredOn::Year(y) => y > today.year(),
        };
        (!too_late && parsed.year() >= EARLIEST_YEAR).then_some(parsed)
    }

    pub fn year(self) -> i32 {
        match self {
            OccurredOn::Day(d) | OccurredOn::Month(d) => d.year(),
            OccurredOn::Year(y) => y,
        }
    }

    /// The first day of the month it happened in (kept in clear for
    /// statistics; the day itself is sealed with the report). A year alone
    /// has none: it must not be counted in any month.
    pub fn month_start(self) -> Option<NaiveDate> {
        match self {
            OccurredOn::Day(d) => d.with_day(1),
            OccurredOn::Month(m) => Some(m),
            OccurredOn::Year(_) => None,
        }
    }

    /// The contract's form: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn to_form_value(self) -> String {
        match self {
            OccurredOn::Day(d) => d.format("%Y-%m-%d").to_string(),
            OccurredOn::Month(m) => m.format("%Y-%m").to_string(),
            OccurredOn::Year(y) => format!("{y:04}"),
        }
    }
}

/// One piece of a date as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece {
    /// A number and how many digits it was written with (at most four).
    Number(u32, usize),
    /// `-`, `/` or `.` (their full-width and look-alike forms folded).
    Separator(char),
    /// 年, 月 and 日 (or 号, 號) after a number.
    YearMark,
    MonthMark,
    DayMark,
}

/// Longer input is no date, and is not read further.
const MAX_DATE_CHARS: usize = 40;

/// The value of a digit in any of the systems the reporters write with.
fn digit(c: char) -> Option<u32> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{0660}'..='\u{0669}' => '\u{0660}', // Arabic-Indic ٠١٢٣٤٥٦٧٨٩
        '\u{06f0}'..='\u{06f9}' => '\u{06f0}', // Extended Arabic-Indic ۰۱۲۳۴۵۶۷۸۹
        '\u{ff10}'..='\u{ff19}' => '\u{ff10}', // full-width ０１２３４５６７８９
        '\u{0f20}'..='\u{0f29}' => '\u{0f20}', // Tibetan ༠༡༢༣༤༥༦༧༨༩
        _ => return None,
    };
    Some(c as u32 - zero as u32)
}

/// The date cut into numbers, separators and CJK marks; white space and
/// invisible marks (a pasted bidi mark, say) only end a number.
fn pieces(input: &str) -> Option<Vec<Piece>> {
    if input.chars().count() > MAX_DATE_CHARS {
        return None;
    }
    let mut out = Vec::new();
    let mut number: Option<(u32, usize)> = None;
    for c in input.chars() {
        if let Some(d) = digit(c) {
            let (value, len) = number.unwrap_or((0, 0));
            if len == 4 {
                return None;
            }
            number = Some((value * 10 + d, len + 1));
            continue;
        }
        if let Some((value, len)) = number.take() {
            out.push(Piece::Number(value, len));
        }
        if c.is_whitespace() || crate::domain::is_invisible(c) {
            continue;
        }
        out.push(match c {
            '-' | '\u{2010}'..='\u{2013}' | '\u{2212}' | '\u{fe63}' | '\u{ff0d}' => {
                Piece::Separator('-')
            }
            '/' | '\u{060d}' | '\u{2044}' | '\u{2215}' | '\u{ff0f}' => Piece::Separator('/'),
            '.' | '\u{ff0e}' => Piece::Separator('.'),
            '年' => Piece::YearMark,
            '月' => Piece::MonthMark,
            '日' | '号' | '號' => Piece::DayMark,
            _ => return None,
        });
    }
    if let Some((value, len)) = number {
        out.push(Piece::Number(value, len));
    }
    Some(out)
}

/// The date typed, if it is one of the accepted forms and exists.
fn read(input: &str) -> Option<OccurredOn> {
    use Piece::{DayMark, MonthMark, Number, Separator, YearMark};
    let pieces = pieces(input)?;
    let (year, month, day) = match pieces.as_slice() {
        [Number(y, 4)] | [Number(y, 4), YearMark] => (*y, None, None),
        [Number(y, 4), Separator(_), Number(m, 1..=2)]
        | [Number(m, 1..=2), Separator(_), Number(y, 4)]
        | [Number(y, 4), YearMark, Number(m, 1..=2), MonthMark] => (*y, Some(*m), None),
        [
            Number(y, 4),
            Separator(a),
            Number(m, 1..=2),
            Separator(b),
            Number(d, 1..=2),
        ]
        | [
            Number(d, 1..=2),
            Separator(a),
            Number(m, 1..=2),
            Separator(b),
            Number(y, 4),
        ] if a == b => (*y, Some(*m), Some(*d)),
        [
            Number(y, 4),
            YearMark,
            Number(m, 1..=2),
            MonthMark,
            Number(d, 1..=2),
            DayMark,
        ] => (*y, Some(*m), Some(*d)),
        _ => return None,
    };
    let year = i32::try_from(year).ok()?;
    Some(match (month, day) {
        (None, _) => OccurredOn::Year(year),
        (Some(m), None) => OccurredOn::Month(NaiveDate::from_ymd_opt(year, m, 1)?),
        (Some(m), Some(d)) => OccurredOn::Day(NaiveDate::from_ymd_opt(year, m, d)?),
    })
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
        if method == ContactMethod::None && !value.is_empty() {
            // Ask rather than silently throw away what they typed.
            errors.push("contact_method", "error-contact-while-none");
            return ContactDetails::None;
        }
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
