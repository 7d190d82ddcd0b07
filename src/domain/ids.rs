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
}
