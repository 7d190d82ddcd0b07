//! Names people give to things Haven shows to others: partner groups.

use icu_normalizer::ComposingNormalizerBorrowed;

/// Text in compatibility-composed form (NFKC): full-width letters, ligatures
/// and other look-alike forms become the plain characters they stand for.
pub fn nfkc(input: &str) -> String {
    ComposingNormalizerBorrowed::new_nfkc()
        .normalize(input)
        .into_owned()
}

/// A partner group's name: NFKC, spaces folded, 1 to 200 characters, no
/// control or invisible formatting characters. Two names with the same
/// [`GroupName::key`] are the same group, however they were typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupName(String);

impl GroupName {
    pub fn parse(input: &str) -> Option<Self> {
        let name = nfkc(input).split_whitespace().collect::<Vec<_>>().join(" ");
        let bad = |c: char| c.is_control() || is_invisible(c);
        (!name.is_empty() && name.chars().count() <= 200 && !name.chars().any(bad))
            .then_some(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What names are compared by: the name in lower case.
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }
}

/// How a staff member is shown to colleagues: trimmed, at most 100
/// characters, no control or invisible formatting characters. Empty means
/// "show the email address instead".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayName(String);

/// Why a display name was refused: the translation key of the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisplayNameProblem {
    ControlCharacter,
    TooLong,
}

impl DisplayNameProblem {
    pub fn message(self) -> &'static str {
        match self {
            DisplayNameProblem::ControlCharacter => "error-display-name-control",
            DisplayNameProblem::TooLong => "error-display-name-long",
        }
    }
}

impl DisplayName {
    pub const MAX_CHARS: usize = 100;

    pub fn parse(input: &str) -> Result<Self, DisplayNameProblem> {
        let name = input.trim();
        if name.chars().any(|c| c.is_control() || is_invisible(c)) {
            return Err(DisplayNameProblem::ControlCharacter);
        }
        if name.chars().count() > Self::MAX_CHARS {
            return Err(DisplayNameProblem::TooLong);
        }
        Ok(Self(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Characters that change nothing visible (zero-width marks, bidi controls).
pub fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x061C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_only_look_different_have_one_key() {
        let key = GroupName::parse("OrgA").unwrap().key();
        for same in [
            "ORGA",
            "orga",
            "  OrgA ",
            "ＯｒｇＡ",
            "Org\u{3000}A".replace('\u{3000}', "").as_str(),
        ] {
            assert_eq!(GroupName::parse(same).unwrap().key(), key, "{same}");
        }
        assert_eq!(
            GroupName::parse("Toronto   Uyghur\tGroup")
                .unwrap()
                .as_str(),
            "Toronto Uyghur Group"
        );
        assert_ne!(GroupName::parse("OrgB").unwrap().key(), key);
    }

    #[test]
    fn display_names_refuse_controls_and_length_rather_than_cutting() {
        assert_eq!(DisplayName::parse("  Amina  ").unwrap().as_str(), "Amina");
        assert_eq!(DisplayName::parse("").unwrap().as_str(), "");
        assert_eq!(
            DisplayName::parse("Ami\0na"),
            Err(DisplayNameProblem::ControlCharacter)
        );
        assert_eq!(
            DisplayName::parse(&"a".repeat(101)),
            Err(DisplayNameProblem::TooLong)
        );
    }

    #[test]
    fn control_and_invisible_characters_are_refused() {
        for bad in [
            "",
            "   ",
            "Org\0A",
            "Org\u{7}A",
            "Org\u{200B}A",
            "Org\u{202E}A",
            &"x".repeat(201),
        ] {
            assert!(GroupName::parse(bad).is_none(), "{bad:?}");
        }
        assert!(GroupName::parse("ئۇيغۇر جەمئىيىتى").is_some());
    }
}
