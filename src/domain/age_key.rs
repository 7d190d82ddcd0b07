//! A recipient's age public key (`age1…`, X25519), which what Haven shares
//! with them is encrypted to. Parsed with the `age` crate; its secret
//! counterpart (`AGE-SECRET-KEY-1…`) is recognised and refused, since it
//! must stay with the recipient.

use std::fmt;
use std::str::FromStr;

/// A valid age X25519 public key, in its canonical form (lower case).
#[derive(Clone, PartialEq, Eq)]
pub struct AgeRecipient(String);

/// Why a key was refused. Neither variant carries what was typed: a
/// secret key pasted by mistake is never kept, shown or logged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AgeKeyError {
    /// An age secret key (`AGE-SECRET-KEY-1…`), or text containing one.
    #[error("this is an age secret key, which must stay with the recipient")]
    SecretKey,
    /// Anything else that is not an age X25519 public key.
    #[error("this is not an age public key")]
    Invalid,
}

impl AgeKeyError {
    /// The message key that explains it and says what to do.
    pub fn message(self) -> &'static str {
        match self {
            AgeKeyError::SecretKey => "recipient-error-secret-key",
            AgeKeyError::Invalid => "recipient-error-age-key",
        }
    }
}

/// What every age secret key starts with (bech32 allows either case).
const SECRET_PREFIX: &str = "AGE-SECRET-KEY-";

impl AgeRecipient {
    /// Reads a public key, surrounding white space trimmed.
    pub fn parse(input: &str) -> Result<Self, AgeKeyError> {
        if input.to_ascii_uppercase().contains(SECRET_PREFIX) {
            return Err(AgeKeyError::SecretKey);
        }
        let key =
            age::x25519::Recipient::from_str(input.trim()).map_err(|_| AgeKeyError::Invalid)?;
        Ok(Self(key.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A short form to recognise the key by (its start and end), for the
    /// list of recipients and the audit log.
    pub fn short(&self) -> String {
        // Always 62 ASCII characters once parsed.
        format!("{}…{}", &self.0[..10], &self.0[self.0.len() - 6..])
    }

    /// The key, to encrypt to.
    pub fn recipient(&self) -> age::x25519::Recipient {
        age::x25519::Recipient::from_str(&self.0).expect("a parsed key parses again")
    }
}

impl fmt::Debug for AgeRecipient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AgeRecipient({})", self.short())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::ExposeSecret;

    #[test]
    fn a_generated_public_key_is_accepted_in_its_canonical_form() {
        let identity = age::x25519::Identity::generate();
        let public = identity.to_public().to_string();
        let key = AgeRecipient::parse(&format!("  {public}\n")).unwrap();
        assert_eq!(key.as_str(), public);
        assert_eq!(key.recipient().to_string(), public);
        assert_eq!(key.as_str().len(), 62);
        // Bech32 may be written in capitals; it is kept in lower case.
        let upper = AgeRecipient::parse(&public.to_uppercase()).unwrap();
        assert_eq!(upper.as_str(), public);
    }

    #[test]
    fn a_secret_key_is_refused_as_such() {
        let identity = age::x25519::Identity::generate();
        let secret = identity.to_string();
        let secret = secret.expose_secret();
        assert!(secret.starts_with("AGE-SECRET-KEY-1"));
        for pasted in [
            secret.to_string(),
            secret.to_lowercase(),
            format!(" {secret} "),
            // The whole key file, public key comment and all.
            format!(
                "# created: 2026-11-30T10:00:00Z\n# public key: {}\n{secret}\n",
                identity.to_public()
            ),
        ] {
            assert_eq!(AgeRecipient::parse(&pasted), Err(AgeKeyError::SecretKey));
        }
        assert_eq!(
            AgeKeyError::SecretKey.message(),
            "recipient-error-secret-key"
        );
    }

    #[test]
    fn anything_else_is_refused() {
        let public = age::x25519::Identity::generate().to_public().to_string();
        let mut typo = public.clone();
        typo.replace_range(20..21, if &public[20..21] == "q" { "p" } else { "q" });
        for bad in [
            String::new(),
            "age1".into(),
            typo,
            public[..61].to_string(),
            format!("{public}q"),
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
                .into(),
            format!("age1 {}", &public[4..]),
        ] {
            assert_eq!(
                AgeRecipient::parse(&bad),
                Err(AgeKeyError::Invalid),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_short_form_and_debug_show_only_the_ends() {
        let public = age::x25519::Identity::generate().to_public().to_string();
        let key = AgeRecipient::parse(&public).unwrap();
        let short = key.short();
        assert!(short.starts_with(&public[..10]) && short.ends_with(&public[56..]));
        assert_eq!(short.chars().count(), 17);
        assert!(!format!("{key:?}").contains(&public));
    }
}
