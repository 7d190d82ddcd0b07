//! Where a paragraph's lines end: at the break opportunities of Unicode's
//! line breaking algorithm (UAX #14: between words, between CJK
//! ideographs, after a Tibetan tsheg), filling each line as far as it
//! goes; a piece with no opportunity that is wider than the line (a long
//! URL, a string of letters with no space) is cut between clusters.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

/// The widths of a paragraph's clusters, as prefix sums over its bytes.
pub(crate) struct Measure {
    /// `sum[i]`: the width of everything before byte `i` (length + 1).
    sum: Vec<f32>,
    /// Whether a cluster starts at byte `i` (length + 1; true at the end).
    cluster_start: Vec<bool>,
}

impl Measure {
    /// Starts with every byte zero-wide and no cluster boundary; add the
    /// glyphs with [`Measure::add`], then call [`Measure::finish`].
    pub(crate) fn new(len: usize) -> Self {
        let mut cluster_start = vec![false; len + 1];
        cluster_start[len] = true;
        Measure {
            sum: vec![0.0; len + 1],
            cluster_start,
        }
    }

    /// Counts `width` for the cluster that starts at byte `at`.
    pub(crate) fn add(&mut self, at: usize, width: f32) {
        if at + 1 < self.sum.len() {
            self.sum[at + 1] += width;
            self.cluster_start[at] = true;
        }
    }

    pub(crate) fn finish(mut self) -> Self {
        for i in 1..self.sum.len() {
            self.sum[i] += self.sum[i - 1];
        }
        self
    }

    pub(crate) fn width(&self, range: Range<usize>) -> f32 {
        self.sum[range.end] - self.sum[range.start]
    }

    /// The end of the longest run of whole clusters from `start` that fits
    /// in `max` (at least one cluster, so a line always makes progress).
    fn cut(&self, start: usize, end: usize, max: f32) -> usize {
        let mut best = None;
        for p in start + 1..=end {
            if !self.cluster_start[p] {
                continue;
            }
            if self.width(start..p) <= max {
                best = Some(p);
            } else {
                return best.unwrap_or(p);
            }
        }
        best.unwrap_or(end)
    }
}

/// `text[start..end]` without its trailing white space: where it ends.
fn trimmed_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

/// The lines of `text` at most `max` wide, as byte ranges without their
/// trailing white space. Never empty for a paragraph that shows anything.
pub(crate) fn break_lines(text: &str, measure: &Measure, max: f32) -> Vec<Range<usize>> {
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut push = |start: usize, end: usize| {
        let end = trimmed_end(text, start, end);
        if end > start {
            lines.push(start..end);
        }
    };
    let mut start = 0;
    let mut fits: Option<usize> = None;
    for (pos, opportunity) in linebreaks(text) {
        loop {
            let end = trimmed_end(text, start, pos);
            if measure.width(start..end) <= max {
                fits = Some(pos);
                break;
            }
            if let Some(f) = fits.take().filter(|f| *f > start) {
                push(start, f);
                start = f;
                continue;
            }
            let cut = measure.cut(start, end, max);
            push(start, cut);
            start = cut;
        }
        if opportunity == BreakOpportunity::Mandatory {
            push(start, pos);
            start = pos;
            fits = None;
        }
    }
    if start < text.len() {
        push(start, text.len());
    }
    lines
}
