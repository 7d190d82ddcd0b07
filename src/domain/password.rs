//! New staff passwords, following NIST SP 800-63B: long rather than
//! complicated, never truncated.

use zeroize::Zeroizing;

pub const MIN_CHARS: usize = 15;
pub const MAX_CHARS: usize = 256;

/// A password that meets the policy; only ever hashed.
pub struct NewPassword(Zeroizing<String>);

#[derive(Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
}

impl NewPassword {
    pub fn parse(input: String) -> Result<Self, PasswordProblem> {
        let input = Zeroizing::new(input);
        let chars = input.chars().count();
        if chars < MIN_CHARS {
            return Err(PasswordProblem::TooShort);
        }
        if chars > MAX_CHARS {
            return Err(PasswordProblem::TooLong);
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
        assert_eq!(NewPassword::parse("short".into()).unwrap_err(), PasswordProblem::TooShort);
        assert!(NewPassword::parse("fifteen chars!!".into()).is_ok());
        assert!(NewPassword::parse("é".repeat(64)).is_ok(), "64 characters of any script are allowed");
        assert_eq!(NewPassword::parse("x".repeat(257)).unwrap_err(), PasswordProblem::TooLong);
    }
}
