//! The report laid out on A4 pages: title, introduction, section headings,
//! and each field's label above its value; paragraphs broken into lines,
//! lines flowing from page to page, headings and labels kept with what
//! follows them. Right-to-left documents have right-aligned lines.

use std::ops::Range;
use std::sync::Arc;

use krilla::text::KrillaGlyph;

use super::fonts::{FaceId, Family, Weight};
use super::itemize::Itemized;
use super::linebreak::{Measure, break_lines};
use super::shape::Shapers;
use super::text::{one_line, paragraphs};
use super::{DocumentError, ReportDocument};

/// A4 in points.
pub(crate) const PAGE_WIDTH: f32 = 595.276;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
/// 20 mm left, right and top; the bottom margin also holds the page
/// number.
pub(crate) const MARGIN: f32 = 56.693;
const MARGIN_BOTTOM: f32 = 70.866;
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 36.0;
pub(crate) const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// A report longer than this many pages is refused rather than laid out.
pub(crate) const MAX_PAGES: usize = 2_000;
/// Space between a value's paragraphs, and where a blank line was typed.
const PARAGRAPH_GAP: f32 = 3.0;
const BLANK_LINE_GAP: f32 = 9.0;
/// Line height at least this many times the font size (more for Chinese,
/// whose glyphs fill their em).
fn line_spacing(family: Family) -> f32 {
    match family {
        Family::Cjk => 1.7,
        _ => 1.5,
    }
}

/// Tibetan and Uyghur letters are small for their em beside Latin ones:
/// they are set a little larger, as Tibetan and Uyghur print does.
fn scale(family: Family) -> f32 {
    match family {
        Family::Tibetan => 1.2,
        Family::Arabic => 1.1,
        _ => 1.0,
    }
}

/// How a kind of text is set.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub(crate) size: f32,
    pub(crate) weight: Weight,
    /// Grey level of the text, 0 black to 255 white.
    pub(crate) gray: u8,
    space_before: f32,
    keep_with_next: bool,
}

const TITLE: Style = Style {
    size: 17.0,
    weight: Weight::Bold,
    gray: 0x11,
    space_before: 0.0,
    keep_with_next: true,
};
const INTRO: Style = Style {
    size: 10.5,
    weight: Weight::Regular,
    gray: 0x33,
    space_before: 8.0,
    keep_with_next: false,
};
const HEADING: Style = Style {
    size: 13.0,
    weight: Weight::Bold,
    gray: 0x11,
    space_before: 18.0,
    keep_with_next: true,
};
const LABEL: Style = Style {
    size: 9.5,
    weight: Weight::Bold,
    gray: 0x55,
    space_before: 9.0,
    keep_with_next: true,
};
const VALUE: Style = Style {
    size: 10.5,
    weight: Weight::Regular,
    gray: 0x00,
    space_before: 2.0,
    keep_with_next: false,
};
const FOOTER: Style = Style {
    size: 8.5,
    weight: Weight::Regular,
    gray: 0x66,
    space_before: 0.0,
    keep_with_next: false,
};

/// A run of glyphs in one face and size, `x` points from the start of its
/// line.
pub(crate) struct PlacedRun {
    pub(crate) face: FaceId,
    pub(crate) size: f32,
    pub(crate) glyphs: Vec<KrillaGlyph>,
    pub(crate) x: f32,
}

/// One line of text, its runs left to right. Glyph ranges index `text`,
/// the whole paragraph.
pub(crate) struct Line {
    pub(crate) text: Arc<str>,
    pub(crate) runs: Vec<PlacedRun>,
    pub(crate) width: f32,
    /// From the top of the line to the baseline.
    pub(crate) ascent: f32,
    pub(crate) height: f32,
    pub(crate) gray: u8,
    pub(crate) rtl: bool,
}

/// What is drawn on a page, in points from its top-left corner.
pub(crate) enum Item {
    Line {
        line: Line,
        x: f32,
        baseline: f32,
    },
    Rule {
        x: f32,
        y: f32,
        width: f32,
        thickness: f32,
        gray: u8,
    },
}

#[derive(Default)]
pub(crate) struct Page {
    pub(crate) items: Vec<Item>,
}

/// The document before pagination.
enum Flow {
    Line {
        line: Line,
        space_before: f32,
        keep_with_next: bool,
    },
    Rule {
        space_before: f32,
        thickness: f32,
        space_after: f32,
        gray: u8,
        keep_with_next: bool,
    },
}

impl Flow {
    fn space_before(&self) -> f32 {
        match self {
            Flow::Line { space_before, .. } | Flow::Rule { space_before, .. } => *space_before,
        }
    }

    fn height(&self) -> f32 {
        match self {
            Flow::Line { line, .. } => line.height,
            Flow::Rule {
                thickness,
                space_after,
                ..
            } => thickness + space_after,
        }
    }

    fn keep_with_next(&self) -> bool {
        match self {
            Flow::Line { keep_with_next, .. } | Flow::Rule { keep_with_next, .. } => {
                *keep_with_next
            }
        }
    }
}

/// Lays `doc` out on pages, page numbers included.
pub(crate) fn lay_out(
    doc: &ReportDocument,
    shapers: &Shapers<'_>,
) -> Result<Vec<Page>, DocumentError> {
    let flow = flow(doc, shapers);
    let mut pages = paginate(flow)?;
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let number = format!("{} / {}", i + 1, total);
        let lines = paragraph_lines(shapers, &number, FOOTER, false, CONTENT_WIDTH);
        for line in lines {
            let x = MARGIN + (CONTENT_WIDTH - line.width) / 2.0;
            page.items.push(Item::Line {
                line,
                x,
                baseline: FOOTER_BASELINE,
            });
        }
    }
    Ok(pages)
}

fn flow(doc: &ReportDocument, shapers: &Shapers<'_>) -> Vec<Flow> {
    let rtl = doc.rtl;
    let mut flow = Vec::new();
    block(&mut flow, shapers, &one_line(&doc.title), TITLE, rtl);
    flow.push(Flow::Rule {
        space_before: 6.0,
        thickness: 0.8,
        space_after: 4.0,
        gray: 0x33,
        keep_with_next: false,
    });
    block(&mut flow, shapers, &doc.intro, INTRO, rtl);
    for section in &doc.sections {
        block(
            &mut flow,
            shapers,
            &one_line(&section.heading),
            HEADING,
            rtl,
        );
        flow.push(Flow::Rule {
            space_before: 3.0,
            thickness: 0.4,
            space_after: 0.0,
            gray: 0x99,
            keep_with_next: true,
        });
        for field in &section.fields {
            block(&mut flow, shapers, &one_line(&field.label), LABEL, rtl);
            block(&mut flow, shapers, &field.value, VALUE, rtl);
        }
    }
    flow
}

/// Adds the lines of `raw`'s paragraphs, set in `style`.
fn block(flow: &mut Vec<Flow>, shapers: &Shapers<'_>, raw: &str, style: Style, rtl: bool) {
    for (k, paragraph) in paragraphs(raw).into_iter().enumerate() {
        let lines = paragraph_lines(shapers, &paragraph.text, style, rtl, CONTENT_WIDTH);
        for (j, line) in lines.into_iter().enumerate() {
            let space_before = match (j, k) {
                (0, 0) => style.space_before,
                (0, _) if paragraph.after_gap => BLANK_LINE_GAP,
                (0, _) => PARAGRAPH_GAP,
                _ => 0.0,
            };
            flow.push(Flow::Line {
                line,
                space_before,
                keep_with_next: style.keep_with_next,
            });
        }
    }
}

fn face(style: Style, family: Family) -> FaceId {
    FaceId {
        family,
        weight: style.weight,
    }
}

/// One paragraph broken into lines at most `max_width` wide.
pub(crate) fn paragraph_lines(
    shapers: &Shapers<'_>,
    text: &str,
    style: Style,
    rtl: bool,
    max_width: f32,
) -> Vec<Line> {
    if text.is_empty() {
        return Vec::new();
    }
    let itemized = Itemized::new(text, rtl, shapers);
    let measure = measure(shapers, &itemized, style);
    let shared: Arc<str> = Arc::from(text);
    break_lines(text, &measure, max_width)
        .into_iter()
        .map(|range| line(shapers, &itemized, &shared, range, style, rtl))
        .collect()
}

/// The widths of the paragraph's clusters, shaped as a whole.
fn measure(shapers: &Shapers<'_>, itemized: &Itemized<'_>, style: Style) -> Measure {
    let text = itemized.text;
    let mut measure = Measure::new(text.len());
    for run in itemized.logical_runs(0..text.len()) {
        let size = style.size * scale(run.family);
        let id = face(style, run.family);
        let shaped = shapers.shape(id, text, run.range, run.rtl, run.script);
        for glyph in &shaped.glyphs {
            measure.add(glyph.text_range.start, glyph.x_advance * size);
        }
    }
    measure.finish()
}

/// The line `range` of the paragraph, shaped again on its own (its runs
/// in visual order), as high as its tallest font needs.
fn line(
    shapers: &Shapers<'_>,
    itemized: &Itemized<'_>,
    text: &Arc<str>,
    range: Range<usize>,
    style: Style,
    rtl: bool,
) -> Line {
    let mut runs = Vec::new();
    let (mut x, mut ascent, mut descent) = (0.0f32, 0.0f32, 0.0f32);
    let mut least = style.size * line_spacing(Family::Sans);
    for run in itemized.visual_runs(range) {
        let id = face(style, run.family);
        let size = style.size * scale(run.family);
        let shaped = shapers.shape(id, text, run.range, run.rtl, run.script);
        let metrics = shapers.fonts().face(id);
        ascent = ascent.max(metrics.ascent * size);
        descent = descent.max(metrics.descent * size);
        least = least.max(size * line_spacing(run.family));
        runs.push(PlacedRun {
            face: id,
            size,
            glyphs: shaped.glyphs,
            x,
        });
        x += shaped.advance * size;
    }
    if runs.is_empty() {
        let metrics = shapers.fonts().face(face(style, Family::Sans));
        ascent = metrics.ascent * style.size;
        descent = metrics.descent * style.size;
    }
    let natural = ascent + descent;
    let height = natural.max(least);
    Line {
        text: text.clone(),
        runs,
        width: x,
        ascent: ascent + (height - natural) / 2.0,
        height,
        gray: style.gray,
        rtl,
    }
}

/// Places the flow on pages. A heading or label starts a new page rather
/// than end one, unless what it keeps with would not fit on any page.
fn paginate(flow: Vec<Flow>) -> Result<Vec<Page>, DocumentError> {
    let top = MARGIN;
    let bottom = PAGE_HEIGHT - MARGIN_BOTTOM;
    let room = bottom - top;
    // What each item needs with the items it keeps with (a handful at
    // most), so the decision can be taken before placing it.
    let needs: Vec<f32> = (0..flow.len())
        .map(|i| {
            let mut need = flow[i].height();
            let mut j = i;
            while flow[j].keep_with_next() && j + 1 < flow.len() && j < i + 8 {
                j += 1;
                need += flow[j].space_before() + flow[j].height();
            }
            if need > room { flow[i].height() } else { need }
        })
        .collect();

    let mut pages = vec![Page::default()];
    let mut y = top;
    for (item, need) in flow.into_iter().zip(needs) {
        let mut at_top = pages.last().is_none_or(|p| p.items.is_empty());
        if !at_top && y + item.space_before() + need > bottom {
            if pages.len() >= MAX_PAGES {
                return Err(DocumentError::TooLong {
                    limit: format!("more than {MAX_PAGES} pages"),
                });
            }
            pages.push(Page::default());
            y = top;
            at_top = true;
        }
        if !at_top {
            y += item.space_before();
        }
        let height = item.height();
        let placed = match item {
            Flow::Line { line, .. } => {
                let x = if line.rtl {
                    MARGIN + CONTENT_WIDTH - line.width
                } else {
                    MARGIN
                };
                let baseline = y + line.ascent;
                Item::Line { line, x, baseline }
            }
            Flow::Rule {
                thickness, gray, ..
            } => Item::Rule {
                x: MARGIN,
                y,
                width: CONTENT_WIDTH,
                thickness,
                gray,
            },
        };
        if let Some(page) = pages.last_mut() {
            page.items.push(placed);
        }
        y += height;
    }
    Ok(pages)
}
