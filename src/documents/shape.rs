//! Shaping: a run of text becomes positioned glyphs (harfrust, a port of
//! HarfBuzz), with Arabic joining, Tibetan stacking, mark placement and
//! mirrored brackets in right-to-left runs.

use std::ops::Range;
use std::str::FromStr;

use harfrust::{Direction, Language, ShapeOptions, Shaper, UnicodeBuffer};
use krilla::text::{GlyphId, KrillaGlyph};
use skrifa::MetadataProvider;
use skrifa::charmap::Charmap;
use unicode_script::Script;

use super::fonts::{FaceId, Family, Fonts, Weight};

/// A shaped run: glyphs in visual order (left to right), each with the
/// byte range of its cluster in the paragraph, advances and offsets in
/// ems.
pub(crate) struct ShapedRun {
    pub(crate) glyphs: Vec<KrillaGlyph>,
    /// The sum of the advances, in ems.
    pub(crate) advance: f32,
}

struct Entry<'a> {
    shaper: Shaper<'a>,
    charmap: Charmap<'a>,
    units_per_em: f32,
}

/// Shapers for every face, made for one rendering.
pub(crate) struct Shapers<'a> {
    fonts: &'a Fonts,
    entries: Vec<(FaceId, Entry<'a>)>,
    language: Option<Language>,
}

impl<'a> Shapers<'a> {
    /// `lang` is a checked BCP-47 tag ("und" when unknown); it picks
    /// language-specific glyph forms where a font has them.
    pub(crate) fn new(fonts: &'a Fonts, lang: &str) -> Self {
        let mut entries = Vec::with_capacity(8);
        for family in Family::ALL {
            for weight in [Weight::Regular, Weight::Bold] {
                let id = FaceId { family, weight };
                let face = fonts.face(id);
                let font = face.font_ref();
                let units_per_em = face.pdf.units_per_em().max(1.0);
                let entry = Entry {
                    shaper: face.shaper_data().shaper(&font).build(),
                    charmap: font.charmap(),
                    units_per_em,
                };
                entries.push((id, entry));
            }
        }
        let language = (lang != "und")
            .then(|| Language::from_str(lang).ok())
            .flatten();
        Shapers {
            fonts,
            entries,
            language,
        }
    }

    pub(crate) fn fonts(&self) -> &'a Fonts {
        self.fonts
    }

    fn entry(&self, id: FaceId) -> &Entry<'a> {
        // Every face has an entry: `new` makes one for each.
        &self
            .entries
            .iter()
            .find(|(f, _)| *f == id)
            .expect("a shaper for every face")
            .1
    }

    /// Whether `family`'s regular face has a glyph for `c`.
    pub(crate) fn covers(&self, family: Family, c: char) -> bool {
        let id = FaceId {
            family,
            weight: Weight::Regular,
        };
        self.entry(id)
            .charmap
            .map(c)
            .is_some_and(|g| g.to_u32() != 0)
    }

    /// Shapes `text[range]` with the face `face`, the text around it as
    /// context (so Arabic letters join across a change of font).
    pub(crate) fn shape(
        &self,
        face: FaceId,
        text: &str,
        range: Range<usize>,
        rtl: bool,
        script: Script,
    ) -> ShapedRun {
        let entry = self.entry(face);
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(&text[range.clone()]);
        buffer.set_pre_context(&text[..range.start]);
        buffer.set_post_context(&text[range.end..]);
        buffer.set_direction(if rtl {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        });
        if let Ok(script) = harfrust::Script::from_str(script.short_name()) {
            buffer.set_script(script);
        }
        if let Some(language) = &self.language {
            buffer.set_language(language.clone());
        }
        let output = entry.shaper.shape(buffer, ShapeOptions::new());
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();

        // A cluster ends where the next one (in logical order) starts.
        let mut starts: Vec<u32> = infos.iter().map(|i| i.cluster).collect();
        starts.sort_unstable();
        starts.dedup();
        let len = range.len();
        let em = entry.units_per_em;
        let mut advance = 0.0;
        let glyphs = infos
            .iter()
            .zip(positions)
            .map(|(info, pos)| {
                let start = (info.cluster as usize).min(len);
                let end = match starts.binary_search(&info.cluster) {
                    Ok(k) => starts.get(k + 1).map_or(len, |e| *e as usize).min(len),
                    Err(_) => len,
                };
                let x_advance = pos.x_advance as f32 / em;
                advance += x_advance;
                KrillaGlyph::new(
                    GlyphId::new(info.glyph_id),
                    x_advance,
                    pos.x_offset as f32 / em,
                    pos.y_offset as f32 / em,
                    0.0,
                    range.start + start..range.start + end.max(start),
                    None,
                )
            })
            .collect();
        ShapedRun { glyphs, advance }
    }
}
