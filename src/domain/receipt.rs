//! The secret receipt: 20 random decimal digits (66 bits), shown once and
//! stored only as an Argon2id hash. Digits in groups of four read the same
//! in every language and survive being dictated over the phone.

use zeroize::Zeroize;

const DIGITS: usize = 20;

#[derive(Clone, PartialEq, Eq)]
pub struct Receipt(String);

impl Receipt {
    pub fn generate() -> Self {
        Self(crate::crypto::random_decimal_digits(DIGITS))
    }

    /// Reads a receipt as typed: spaces, dashes and dots are ignored, and
    /// digits from other scripts (full-width, Arabic-Indic, Persian,
    /// Tibetan) count as the digits they are.
    pub fn parse(input: &str) -> Option<Self> {
        let mut digits = String::with_capacity(DIGITS);
        for c in input.chars() {
            if c.is_whitespace()
                || matches!(c, '-' | '.' | '·' | '\u{2011}' | '\u{2013}' | 'ー' | '－')
            {
                continue;
            }
            digits.push(char::from_digit(digit_value(c)?, 10)?);
        }
        (digits.len() == DIGITS).then_some(Self(digits))
    }

    /// The digits alone, as hashed.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Grouped for reading: `1234 5678 9012 3456 7890`.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).expect("ascii"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn digit_value(c: char) -> Option<u32> {
    let zeros = ['0', '０', '٠', '۰', '༠', '०'];
    zeros.iter().find_map(|&zero| {
        let v = (c as u32).checked_sub(zero as u32)?;
        (v < 10).then_some(v)
    })
}

impl Drop for Receipt {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for Receipt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Receipt([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_receipts_have_twenty_digits_in_five_groups() {
        let r = Receipt::generate();
        assert_eq!(r.expose().len(), 20);
        let g = r.grouped();
        assert_eq!(g.split(' ').count(), 5);
        assert_eq!(Receipt::parse(&g), Some(r));
    }

    #[test]
    fn digits_of_other_scripts_are_read() {
        let ascii = Receipt::parse("1234-5678-9012-3456-7890").unwrap();
        assert_eq!(
            Receipt::parse("１２３４ ５６７８ ９０１２ ３４５６ ７８９０").unwrap(),
            ascii
        );
        assert_eq!(Receipt::parse("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠").unwrap(), ascii);
        assert_eq!(Receipt::parse("༡༢༣༤༥༦༧༨༩༠༡༢༣༤༥༦༧༨༩༠").unwrap(), ascii);
    }

    #[test]
    fn wrong_lengths_and_letters_are_refused() {
        assert!(Receipt::parse("1234").is_none());
        assert!(Receipt::parse("1234 5678 9012 3456 789O").is_none());
        assert!(Receipt::parse("1234 5678 9012 3456 7890 1").is_none());
    }

    #[test]
    fn debug_redacts() {
        assert_eq!(format!("{:?}", Receipt::generate()), "Receipt([redacted])");
    }
}
