//! Horizontal bar charts, laid out here and drawn as SVG by the template.
//! Every label is shown whole: wrapped onto as many lines as it needs in
//! the label column, never cut, and the row grows to hold it.

use crate::documents::linebreak::{Measure, break_lines};

/// The label column, the bar area after it, and room for a value after
/// the longest bar, in SVG units (the template scales the whole chart).
pub const LABEL_WIDTH: i64 = 300;
pub const BAR_AREA: i64 = 310;
pub const WIDTH: i64 = LABEL_WIDTH + BAR_AREA + 80;
/// Where label lines end (they are right-aligned against the bars).
pub const LABEL_END: i64 = LABEL_WIDTH - 8;

/// The label font's size (`.bar-label` in the style sheet) and line
/// height; Tibetan's stacked letters need taller lines.
const FONT: f32 = 13.0;
const LINE: i64 = 16;
const TALL_LINE: i64 = 24;
const BAR: i64 = 18;
const MIN_ROW: i64 = 26;

/// What a bar shows, before layout.
pub struct Row {
    pub label: String,
    pub value: String,
    /// `None` for a suppressed cell (drawn as a dashed box, no length).
    pub count: Option<i64>,
}

/// One bar of a chart, laid out.
pub struct Bar {
    /// The whole label, for the table under the chart.
    pub label: String,
    /// The label as drawn, one line each, `line` apart.
    pub lines: Vec<String>,
    pub line: i64,
    pub value: String,
    pub suppressed: bool,
    /// The row's top, its first line's baseline, the bar's top (both
    /// within the row), and the bar's length.
    pub y: i64,
    pub text_y: i64,
    pub bar_y: i64,
    pub width: i64,
}

impl Bar {
    pub fn value_y(&self) -> i64 {
        self.bar_y + 13
    }
}

/// A horizontal bar chart.
pub struct Chart {
    pub id: &'static str,
    pub title: String,
    pub height: i64,
    pub bars: Vec<Bar>,
}

impl Chart {
    /// Lays out `rows` in the order given, bars scaled to the largest count.
    pub fn new(id: &'static str, title: String, rows: Vec<Row>) -> Self {
        let max = rows
            .iter()
            .filter_map(|r| r.count)
            .max()
            .unwrap_or(0)
            .max(1);
        let mut y = 0;
        let bars = rows
            .into_iter()
            .map(|r| {
                let lines = wrap(&r.label, (LABEL_END - 4) as f32);
                let line = line_height(&r.label);
                let block = lines.len().max(1) as i64 * line;
                let height = (block + 10).max(MIN_ROW);
                let bar = Bar {
                    lines,
                    line,
                    label: r.label,
                    value: r.value,
                    suppressed: r.count.is_none(),
                    y,
                    text_y: (height - block) / 2 + line * 3 / 4,
                    bar_y: (height - BAR) / 2,
                    width: r.count.map(|n| (n * BAR_AREA / max).max(2)).unwrap_or(0),
                };
                y += height;
                bar
            })
            .collect();
        Chart {
            id,
            title,
            height: y.max(MIN_ROW),
            bars,
        }
    }
}

fn line_height(label: &str) -> i64 {
    if label
        .chars()
        .any(|c| ('\u{0f00}'..='\u{0fff}').contains(&c))
    {
        TALL_LINE
    } else {
        LINE
    }
}

/// `text` broken into lines no wider than `max` SVG units.
pub fn wrap(text: &str, max: f32) -> Vec<String> {
    let mut measure = Measure::new(text.len());
    for (at, c) in text.char_indices() {
        if !is_combining(c) {
            measure.add(at, advance(c) * FONT);
        }
    }
    let measure = measure.finish();
    break_lines(text, &measure, max)
        .into_iter()
        .map(|range| text[range].to_string())
        .collect()
}

/// The estimated width of `text` in SVG units, as [`wrap`] measures it.
pub fn estimated_width(text: &str) -> f32 {
    text.chars()
        .filter(|c| !is_combining(*c))
        .map(|c| advance(c) * FONT)
        .sum()
}

/// A character's width in ems, on the generous side of common sans-serif
/// faces: the browser's font is not known here, and a label a little
/// narrower than estimated only leaves more room.
fn advance(c: char) -> f32 {
    match c {
        ' ' | 'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '’' | '!' | '|' => 0.35,
        'f' | 't' | 'r' | '(' | ')' | '-' | '‑' => 0.45,
        'm' | 'w' | 'M' | 'W' | '—' => 0.9,
        c if is_wide(c) => 1.05,
        c if c.is_uppercase() => 0.75,
        _ => 0.62,
    }
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{0f71}'..='\u{0f84}' | '\u{0f8d}'..='\u{0fbc}' | '\u{064b}'..='\u{065f}')
}

/// Ideographs, kana, hangul and full-width forms: one em each.
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}'
        | '\u{20000}'..='\u{3fffd}')
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: &str = "Abuse of legal or consular processes (INTERPOL notices, \
        extradition requests, passport or consular services refused)";

    #[test]
    fn a_long_label_is_wrapped_whole_within_the_column() {
        let lines = wrap(LONG, (LABEL_END - 4) as f32);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.join(" "), LONG, "nothing cut");
        for line in &lines {
            assert!(estimated_width(line) <= (LABEL_END - 4) as f32, "{line}");
        }
    }

    #[test]
    fn a_short_label_is_one_line() {
        assert_eq!(wrap("Ontario", 288.0), ["Ontario"]);
    }

    #[test]
    fn a_word_wider_than_the_column_is_broken_not_cut() {
        let word = "x".repeat(80);
        let lines = wrap(&word, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn rows_grow_with_their_labels_and_bars_scale_to_the_largest_count() {
        let chart = Chart::new(
            "kind",
            "By kind".into(),
            vec![
                Row {
                    label: LONG.into(),
                    value: "20".into(),
                    count: Some(20),
                },
                Row {
                    label: "Other".into(),
                    value: "10".into(),
                    count: Some(10),
                },
            ],
        );
        let (first, second) = (&chart.bars[0], &chart.bars[1]);
        assert_eq!(first.width, BAR_AREA);
        assert_eq!(second.width, BAR_AREA / 2);
        assert!(second.y >= first.lines.len() as i64 * LINE, "no overlap");
        assert_eq!(chart.height, second.y + MIN_ROW);
        assert!(first.text_y > 0 && first.bar_y >= 0);
    }
}
