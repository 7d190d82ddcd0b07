//! Identifiers that travel in URLs, checked for shape before any query.

/// The public id of a referral or an evidence file: 32 lower-case hex
/// digits. Anything else in a URL is "no such page", never a query.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct PublicId(String);

impl PublicId {
    pub fn parse(input: &str) -> Option<Self> {
        (input.len() == 32
            && input
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        .then(|| Self(input.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first eight digits, in two groups (`3f9a-c21e`): enough to tell
    /// one referral from another in conversation, and no way in (a page
    /// needs the whole id). Lower case, so that it is not mistaken for a
    /// case reference.
    pub fn short(&self) -> String {
        format!("{}-{}", &self.0[..4], &self.0[4..8])
    }
}

impl TryFrom<String> for PublicId {
    type Error = &'static str;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).ok_or("not a public id")
    }
}

impl std::ops::Deref for PublicId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_32_hex_digits_are_an_id() {
        assert!(PublicId::parse("0123456789abcdef0123456789abcdef").is_some());
        for bad in [
            "",
            "\0",
            "0123456789abcdef0123456789abcde\0",
            "0123456789ABCDEF0123456789ABCDEF",
            "../x",
        ] {
            assert!(PublicId::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn the_short_form_is_the_first_eight_digits() {
        let id = PublicId::parse("3f9ac21e456789abcdef0123456789ab").unwrap();
        assert_eq!(id.short(), "3f9a-c21e");
    }
}
