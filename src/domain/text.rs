//! Text typed by people, checked before anything else looks at it.
//!
//! Control characters have no place in what a person types: NUL is
//! refused by PostgreSQL (and by every C string beneath), escape sequences
//! and C1 controls rewrite a terminal or a log viewer, and none of them
//! shows on a page. So every text input is refused (not silently cleaned)
//! when it holds a C0 control, DEL or a C1 control — except line feed,
//! carriage return and tab in multi-line fields, which are how text is
//! laid out. Staff-side forms use the same types.

/// Why a piece of text was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// It holds a control character (NUL, escape, a C1 control, or a line
    /// break in a one-line field).
    ControlCharacter,
}

impl TextProblem {
    /// The translation key of the message shown beside the field.
    pub fn message(self) -> &'static str {
        match self {
            TextProblem::ControlCharacter => "error-control-characters",
        }
    }
}

fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// Text of one line (a name, a city, a reference): no control at all.
#[derive(Clone, PartialEq, Eq)]
pub struct SingleLine(String);

impl SingleLine {
    pub fn parse(input: &str) -> Result<Self, TextProblem> {
        if input.chars().any(is_control) {
            return Err(TextProblem::ControlCharacter);
        }
        Ok(Self(input.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// Text of several lines (a narrative, a message): line breaks and tabs
/// are allowed, no other control.
#[derive(Clone, PartialEq, Eq)]
pub struct MultiLine(String);

impl MultiLine {
    pub fn parse(input: &str) -> Result<Self, TextProblem> {
        if input
            .chars()
            .any(|c| is_control(c) && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(TextProblem::ControlCharacter);
        }
        Ok(Self(input.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

// Neither type prints its content: what people type may be a report.
impl std::fmt::Debug for SingleLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SingleLine([redacted])")
    }
}

impl std::fmt::Debug for MultiLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MultiLine([redacted])")
    }
}

/// Whether `c` shows nothing on its own: white space, and the zero-width,
/// joiner, direction and filler characters that render as nothing.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00ad}'                  // soft hyphen
                | '\u{034f}'            // combining grapheme joiner
                | '\u{061c}'            // Arabic letter mark
                | '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}' // Hangul fillers
                | '\u{17b4}' | '\u{17b5}' // Khmer inherent vowels
                | '\u{180b}'..='\u{180f}' // Mongolian selectors and separator
                | '\u{200b}'..='\u{200f}' // zero-width space, joiners, LRM, RLM
                | '\u{202a}'..='\u{202e}' // bidi embeddings and overrides
                | '\u{2060}'..='\u{206f}' // word joiner, invisible operators, isolates
                | '\u{2800}'            // braille blank
                | '\u{fe00}'..='\u{fe0f}' // variation selectors
                | '\u{feff}'            // zero-width no-break space (BOM)
                | '\u{e0000}'..='\u{e007f}' // tags
        )
}

/// Whether `text` has nothing a reader could see: empty, or made only of
/// white space and invisible characters.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(is_invisible)
}

/// `text` without its control characters (keeping line breaks and tabs),
/// for showing a refused form again without sending controls into HTML.
pub fn without_controls(text: &str) -> String {
    text.chars()
        .filter(|c| !is_control(*c) || matches!(c, '\n' | '\r' | '\t'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_text_refuses_every_control_including_line_breaks() {
        for bad in [
            "a\u{0}b",
            "\u{1b}[2J",
            "a\u{7f}",
            "a\u{85}b",
            "a\u{9f}",
            "a\nb",
            "a\rb",
            "a\tb",
        ] {
            assert_eq!(
                SingleLine::parse(bad),
                Err(TextProblem::ControlCharacter),
                "{bad:?}"
            );
        }
        for good in ["Richmond", "مېنى", "蒙特利尔", "བོད་", "a b", "€ – ‘’", ""]
        {
            assert_eq!(SingleLine::parse(good).unwrap().as_str(), good);
        }
    }

    #[test]
    fn multi_line_text_allows_line_breaks_and_tabs_only() {
        assert!(MultiLine::parse("one\r\ntwo\n\tthree").is_ok());
        for bad in ["a\u{0}b", "\u{1b}]0;x\u{7}", "a\u{8}", "a\u{85}b", "a\u{c}"] {
            assert_eq!(
                MultiLine::parse(bad),
                Err(TextProblem::ControlCharacter),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn invisible_only_text_is_blank_but_joiners_in_words_are_not() {
        assert!(is_blank(""));
        assert!(is_blank(
            " \n\t\u{a0}\u{3000}\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}\u{200e}\u{200f}\u{202a}\u{202e}\u{2066}\u{2069}\u{61c}\u{ad}"
        ));
        assert!(!is_blank("\u{200b}x"));
        assert!(!is_blank("مې\u{200c}نى"));
        assert!(!is_blank("👩\u{200d}👧"));
    }

    #[test]
    fn controls_are_removed_for_showing_again() {
        assert_eq!(without_controls("a\u{0}b\u{1b}c\nd\u{85}"), "abc\nd");
    }

    #[test]
    fn debug_does_not_print_the_text() {
        let t = MultiLine::parse("secret words").unwrap();
        assert!(!format!("{t:?}").contains("secret"));
    }
}
