//! What of a reporter's text is shown, in both the HTML and the PDF: the
//! same cleaning for both, so the two files always say the same thing.
//!
//! Text from reporters is untrusted. Control characters are dropped (tabs
//! become spaces, every kind of line break becomes one), and so are the
//! bidi embedding and override characters (U+202A–U+202E): an override
//! can make a name or a number read backwards, and a report must show what
//! was typed in the order it was typed. The isolates (U+2066–U+2069) and
//! the direction marks stay: they only group text, and translations use
//! them. Runs of blank lines shrink to one paragraph gap, so a value of
//! thousands of empty lines cannot fill pages with nothing.

use crate::domain::text::without_controls;

/// One paragraph of a value: a line of the text as typed, with whether a
/// blank line came before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Paragraph {
    pub(crate) text: String,
    pub(crate) after_gap: bool,
}

fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}')
}

/// The paragraphs of `raw`, cleaned; none is blank, and there are none at
/// all when `raw` shows nothing.
pub(crate) fn paragraphs(raw: &str) -> Vec<Paragraph> {
    let cleaned: String = without_controls(raw)
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| !is_bidi_override(*c))
        .map(|c| match c {
            '\r' | '\u{2028}' | '\u{2029}' => '\n',
            '\t' => ' ',
            c => c,
        })
        .collect();
    let mut out: Vec<Paragraph> = Vec::new();
    let mut gap = false;
    for line in cleaned.split('\n') {
        let line = line.trim_end();
        if line.chars().all(char::is_whitespace) {
            gap = !out.is_empty();
            continue;
        }
        out.push(Paragraph {
            text: line.to_string(),
            after_gap: gap,
        });
        gap = false;
    }
    out
}

/// `raw` cleaned as [`paragraphs`] cleans it, as one string with its line
/// breaks (a blank line between paragraphs that had a gap).
pub(crate) fn cleaned(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for (i, p) in paragraphs(raw).iter().enumerate() {
        if i > 0 {
            out.push_str(if p.after_gap { "\n\n" } else { "\n" });
        }
        out.push_str(&p.text);
    }
    out
}

/// A one-line version of `raw` (a title, a label): its paragraphs joined
/// with spaces.
pub(crate) fn one_line(raw: &str) -> String {
    paragraphs(raw)
        .into_iter()
        .map(|p| p.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A BCP-47 tag that is safe to write into an attribute and a PDF: ASCII
/// letters, digits and hyphens, at most 35 of them; anything else is
/// "und" (undetermined).
pub(crate) fn language_tag(lang: &str) -> String {
    let ok = !lang.is_empty()
        && lang.len() <= 35
        && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !lang.starts_with('-');
    if ok {
        lang.to_string()
    } else {
        "und".to_string()
    }
}
