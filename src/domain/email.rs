//! Email addresses of staff and partner groups.

/// A plausible email address, trimmed, in NFKC and lower case (so that
/// sign-in does not depend on how it was typed, and a full-width look-alike
/// is the same address), and ASCII only: an address that merely looks like
/// another (Cyrillic "а" for Latin "a") is refused, not stored as new.
/// Internationalised domains are written in their `xn--` form.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(input: &str) -> Option<Self> {
        let s = super::nfkc(input.trim()).to_lowercase();
        if s.len() > 254
            || !s.is_ascii()
            || s.chars().any(|c| {
                c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"')
            })
        {
            return None;
        }
        let (local, domain) = s.rsplit_once('@')?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        (!local.is_empty() && !local.contains('@') && domain_ok).then_some(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Addresses are personal data: logs get ids, never addresses.
impl std::fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EmailAddress([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_look_alikes_are_the_same_address() {
        assert_eq!(
            EmailAddress::parse("ａｎａ＠ｅｘａｍｐｌｅ．ｏｒｇ")
                .unwrap()
                .as_str(),
            "ana@example.org"
        );
    }

    #[test]
    fn parses_and_normalises() {
        assert_eq!(
            EmailAddress::parse("  Ana@Example.ORG ").unwrap().as_str(),
            "ana@example.org"
        );
        for bad in [
            "",
            "ana",
            "@example.org",
            "ana@",
            "ana@example",
            "a b@example.org",
            "ana@.org",
            "<a@b.org>",
            "\u{0430}na@example.org",
            "ana\0@example.org",
        ] {
            assert!(EmailAddress::parse(bad).is_none(), "{bad}");
        }
    }
}
