//! New staff passwords, following NIST SP 800-63B: long rather than
//! complicated (at least 15 characters, up to 256 of any script, never
//! truncated, no composition rules), and refused when common, breached, or
//! made of one short piece repeated.

use std::collections::HashSet;
use std::sync::LazyLock;

use zeroize::Zeroizing;

pub const MIN_CHARS: usize = 15;
pub const MAX_CHARS: usize = 256;

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common_passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// A password that meets the policy; only ever hashed.
pub struct NewPassword(Zeroizing<String>);

#[derive(Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    /// On the list of common or breached passwords, or a short piece
    /// repeated ("abcabcabcabcabc"), or a run of one sequence ("123456...").
    TooCommon,
}

impl PasswordProblem {
    /// The translation key of the message for this problem.
    pub fn message_key(&self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::TooCommon => "password-too-common",
        }
    }
}

fn repeats_a_short_piece(chars: &[char]) -> bool {
    (1..=4).any(|unit| {
        chars.len().is_multiple_of(unit) && chars.chunks(unit).all(|c| c == &chars[..unit])
    })
}

fn is_a_sequence(chars: &[char]) -> bool {
    let steps: Vec<i64> = chars
        .windows(2)
        .map(|w| w[1] as i64 - w[0] as i64)
        .collect();
    steps.iter().all(|s| *s == 1) || steps.iter().all(|s| *s == -1)
}

impl NewPassword {
    pub fn parse(input: String) -> Result<Self, PasswordProblem> {
        let input = Zeroizing::new(input);
        let chars: Vec<char> = input.chars().collect();
        if chars.len() < MIN_CHARS {
            return Err(PasswordProblem::TooShort);
        }
        if chars.len() > MAX_CHARS {
            return Err(PasswordProblem::TooLong);
        }
        let lower = Zeroizing::new(input.to_lowercase());
        if COMMON.contains(lower.as_str()) || repeats_a_short_piece(&chars) || is_a_sequence(&chars)
        {
            return Err(PasswordProblem::TooCommon);
        }
        Ok(Self(input))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_rules() {
        assert_eq!(
            NewPassword::parse("short".into()).unwrap_err(),
            PasswordProblem::TooShort
        );
        assert!(NewPassword::parse("fifteen chars!!".into()).is_ok());
        assert!(
            NewPassword::parse("é".repeat(63) + "x").is_ok(),
            "64 characters of any script are allowed"
        );
        assert!(NewPassword::parse("长城 ".repeat(30) + "x").is_ok());
        assert_eq!(
            NewPassword::parse("x".repeat(257)).unwrap_err(),
            PasswordProblem::TooLong
        );
    }

    #[test]
    fn nothing_is_truncated() {
        let long = format!("{}{}", "a very long passphrase ".repeat(10), "the end");
        assert_eq!(NewPassword::parse(long.clone()).unwrap().expose(), long);
    }

    #[test]
    fn common_and_trivial_passwords_are_refused() {
        for bad in [
            "1qaz2wsx3edc4rfv",
            "1QAZ2WSX3EDC4RFV",
            "111111111111111",
            "abcabcabcabcabcabc",
            "abcdefghijklmnop",
            "zyxwvutsrqponmlk",
        ] {
            assert_eq!(
                NewPassword::parse(bad.into()).unwrap_err(),
                PasswordProblem::TooCommon,
                "{bad}"
            );
        }
        assert!(COMMON.len() > 100);
        assert!(NewPassword::parse("correct horse battery staple".into()).is_ok());
    }
}
