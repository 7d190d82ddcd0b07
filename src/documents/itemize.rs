//! A paragraph cut into runs that can each be shaped on their own: one
//! bidi level (Unicode's bidirectional algorithm, UAX #9) and one font
//! family, chosen from each character's script (UAX #24) and from which
//! fonts have a glyph for it.

use std::ops::Range;

use unicode_bidi::{Level, ParagraphBidiInfo};
use unicode_script::{Script, UnicodeScript};

use super::fonts::Family;
use super::shape::Shapers;

/// A piece of a paragraph shaped in one go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    pub(crate) range: Range<usize>,
    pub(crate) family: Family,
    pub(crate) rtl: bool,
    pub(crate) script: Script,
}

/// A paragraph with its bidi levels, scripts and families, all indexed by
/// byte (the value at a character's first byte is the character's).
pub(crate) struct Itemized<'t> {
    pub(crate) text: &'t str,
    bidi: ParagraphBidiInfo<'t>,
    scripts: Vec<Script>,
    families: Vec<Family>,
}

/// Scripts that say which font a character needs; the others (Common,
/// Inherited, Unknown) take the script of the text around them.
fn is_real(script: Script) -> bool {
    !matches!(script, Script::Common | Script::Inherited | Script::Unknown)
}

fn family_of(script: Script) -> Family {
    match script {
        Script::Arabic => Family::Arabic,
        Script::Tibetan => Family::Tibetan,
        Script::Han
        | Script::Hiragana
        | Script::Katakana
        | Script::Hangul
        | Script::Bopomofo
        | Script::Yi => Family::Cjk,
        _ => Family::Sans,
    }
}

/// The order in which families are tried for a character the preferred
/// one lacks.
const FALLBACK: [Family; 4] = [Family::Sans, Family::Cjk, Family::Arabic, Family::Tibetan];

impl<'t> Itemized<'t> {
    /// Analyses `text` as one paragraph whose base direction is
    /// right-to-left when `rtl`.
    pub(crate) fn new(text: &'t str, rtl: bool, shapers: &Shapers<'_>) -> Self {
        let base = if rtl { Level::rtl() } else { Level::ltr() };
        let bidi = ParagraphBidiInfo::new(text, Some(base));
        let chars: Vec<(usize, char)> = text.char_indices().collect();

        // Each character's script, with Common and Inherited ones taking
        // the script before them (or, at the start, the first one after).
        let mut resolved: Vec<Script> = chars.iter().map(|(_, c)| c.script()).collect();
        let first_real = resolved.iter().copied().find(|s| is_real(*s));
        let mut last = first_real;
        for s in resolved.iter_mut() {
            if is_real(*s) {
                last = Some(*s);
            } else if let Some(l) = last {
                *s = l;
            }
        }

        let mut scripts = vec![Script::Common; text.len()];
        let mut families = vec![Family::Sans; text.len()];
        let mut previous: Option<Family> = None;
        for (i, &(at, c)) in chars.iter().enumerate() {
            let preferred = family_of(resolved[i]);
            let family = match (c.script(), previous) {
                // A combining mark or joiner stays in its base's font.
                (Script::Inherited, Some(p)) => p,
                _ => choose(shapers, preferred, c),
            };
            let end = at + c.len_utf8();
            scripts[at..end].fill(resolved[i]);
            families[at..end].fill(family);
            previous = Some(family);
        }
        Itemized {
            text,
            bidi,
            scripts,
            families,
        }
    }

    /// The runs of `range` in logical order, with the levels resolved for
    /// the whole paragraph (for measuring).
    pub(crate) fn logical_runs(&self, range: Range<usize>) -> Vec<Run> {
        self.split(range, |i| self.bidi.levels[i].is_rtl())
    }

    /// The runs of the line `line` in visual order, left to right (for
    /// drawing). Trailing white space should already be left out of `line`.
    pub(crate) fn visual_runs(&self, line: Range<usize>) -> Vec<Run> {
        if line.is_empty() {
            return Vec::new();
        }
        let (levels, level_runs) = self.bidi.visual_runs(line);
        let mut out = Vec::new();
        for level_run in level_runs {
            let Some(level) = levels.get(level_run.start) else {
                continue;
            };
            let rtl = level.is_rtl();
            let mut pieces = self.split(level_run, |_| rtl);
            if rtl {
                pieces.reverse();
            }
            out.extend(pieces);
        }
        out
    }

    /// Cuts `range` where the family, the script or `rtl_at` changes.
    fn split(&self, range: Range<usize>, rtl_at: impl Fn(usize) -> bool) -> Vec<Run> {
        let mut out: Vec<Run> = Vec::new();
        for (offset, c) in self.text[range.clone()].char_indices() {
            let i = range.start + offset;
            let end = i + c.len_utf8();
            let family = self.families[i];
            let rtl = rtl_at(i);
            let script = self.scripts[i];
            match out.last_mut() {
                Some(run) if run.family == family && run.rtl == rtl && run.script == script => {
                    run.range.end = end
                }
                _ => out.push(Run {
                    range: i..end,
                    family,
                    rtl,
                    script,
                }),
            }
        }
        out
    }
}

/// The family to draw `c` with: the one its script calls for when that
/// font has the character, else the first that has it, else the one its
/// script calls for (which then shows its "missing glyph" box).
fn choose(shapers: &Shapers<'_>, preferred: Family, c: char) -> Family {
    if shapers.covers(preferred, c) {
        return preferred;
    }
    FALLBACK
        .into_iter()
        .find(|f| shapers.covers(*f, c))
        .unwrap_or(preferred)
}
