//! Statistics for advocacy: counts by kind, community, province and month,
//! from consenting reports only, with small cells suppressed.
//!
//! A count from 1 to 4 is never shown: it could point at a person. Every
//! breakdown's cells add up to the total (kinds nearly so), so hidden cells
//! could be recovered by subtraction: complementary suppression hides more
//! cells until the hidden ones cannot be told apart (see [`suppress`]).

use icu_normalizer::DecomposingNormalizerBorrowed;

use crate::context::Ctx;
use crate::db::{self, stats::Count};
use crate::error::ServiceError;

/// The smallest count shown.
pub const MIN_CELL: i64 = 5;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The category's code (`surveillance`, `ON`, `2026-05`, `` for not stated).
    pub code: String,
    /// `None` when suppressed.
    pub count: Option<i64>,
}

#[derive(Clone, Debug)]
pub struct Dimension {
    pub name: &'static str,
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug)]
pub struct Stats {
    /// Consenting reports; 0 when fewer than [`MIN_CELL`].
    pub total: i64,
    pub dimensions: Vec<Dimension>,
}

/// Suppresses small cells, then enough others that none can be worked out.
///
/// Primary suppression hides every count from 1 to 4. A reader who knows
/// the total (or, for kinds, who assumes one kind per report) knows the sum
/// of the hidden cells, so complementary suppression then hides the next
/// smallest shown cell until at least two cells are hidden and any one of
/// them could hold [`MIN_CELL`] reports or more (each listed cell holds at
/// least one, so five hidden cells holding five reports would be one each): with 12 reports, 10 in ON, 1 in
/// YT and 1 in NU, hiding YT and NU alone would reveal that each is 1, so
/// ON is hidden too. Applied to every breakdown, including kinds.
pub fn suppress(counts: Vec<Count>) -> Vec<Cell> {
    let mut cells: Vec<(Count, bool)> = counts
        .into_iter()
        .filter(|c| c.n > 0)
        .map(|c| {
            let hidden = c.n < MIN_CELL;
            (c, hidden)
        })
        .collect();
    loop {
        let hidden: Vec<i64> = cells.iter().filter(|c| c.1).map(|c| c.0.n).collect();
        // Every listed cell holds at least one report, so the most any one
        // hidden cell could hold is the hidden sum less one for each other
        // hidden cell: that must leave room for a count that could be shown.
        let largest_possible = hidden.iter().sum::<i64>() - (hidden.len() as i64 - 1);
        let safe = hidden.is_empty() || (hidden.len() >= 2 && largest_possible >= MIN_CELL);
        if safe {
            break;
        }
        match cells.iter_mut().filter(|c| !c.1).min_by_key(|c| c.0.n) {
            Some(next) => next.1 = true,
            None => break,
        }
    }
    cells
        .into_iter()
        .map(|(c, hidden)| Cell {
            count: (!hidden).then_some(c.n),
            code: c.code,
        })
        .collect()
}

pub async fn compute(state: &Ctx) -> Result<Stats, ServiceError> {
    let (total, kind, community, province, month) = state
        .reads()
        .run(|conn| {
            Ok((
                db::stats::total(conn)?,
                db::stats::by_kind(conn)?,
                db::stats::by_community(conn)?,
                db::stats::by_province(conn)?,
                db::stats::by_month(conn)?,
            ))
        })
        .await?;
    Ok(Stats {
        total: if total < MIN_CELL { 0 } else { total },
        dimensions: vec![
            Dimension {
                name: "kind",
                cells: suppress(kind),
            },
            Dimension {
                name: "community",
                cells: suppress(community),
            },
            Dimension {
                name: "province",
                cells: suppress(province),
            },
            Dimension {
                name: "month",
                cells: suppress(month),
            },
        ],
    })
}

/// The cells in the order a chart lists them, each with its name: shown
/// counts first, largest first, then the hidden cells. Ties, and hidden
/// cells among themselves, go by name: never by a hidden count, which the
/// order would otherwise give away. (Hidden counts are never larger than
/// shown ones, so listing them last tells nothing new.)
pub fn in_chart_order(cells: &[Cell], name: impl Fn(&Cell) -> String) -> Vec<(String, &Cell)> {
    let mut named: Vec<(String, String, &Cell)> = cells
        .iter()
        .map(|c| {
            let n = name(c);
            (sort_key(&n), n, c)
        })
        .collect();
    named.sort_by(|(a_key, a_name, a), (b_key, b_name, b)| {
        b.count
            .cmp(&a.count)
            .then_with(|| a_key.cmp(b_key))
            .then_with(|| a_name.cmp(b_name))
    });
    named.into_iter().map(|(_, n, c)| (n, c)).collect()
}

/// A name as a reader sorts it: letter case and accents aside, so that
/// "Île-du-Prince-Édouard" comes before "Québec".
fn sort_key(name: &str) -> String {
    DecomposingNormalizerBorrowed::new_nfd()
        .normalize(name)
        .chars()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The statistics as CSV: `dimension,category,count`, with `<5` for
/// suppressed cells.
pub fn to_csv(stats: &Stats) -> String {
    let mut out = String::from("dimension,category,count\n");
    for d in &stats.dimensions {
        for c in &d.cells {
            let code = if c.code.is_empty() {
                "not_stated"
            } else {
                c.code.as_str()
            };
            let count = c
                .count
                .map(|n| n.to_string())
                .unwrap_or_else(|| format!("<{MIN_CELL}"));
            out.push_str(&format!("{},{},{}\n", d.name, csv_field(code), count));
        }
    }
    out
}

/// Quotes a field when needed, and defuses spreadsheet formulas.
fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pairs: &[(&str, i64)]) -> Vec<Count> {
        pairs
            .iter()
            .map(|(c, n)| Count {
                code: c.to_string(),
                n: *n,
            })
            .collect()
    }

    fn shown(cells: &[Cell]) -> Vec<Option<i64>> {
        cells.iter().map(|c| c.count).collect()
    }

    #[test]
    fn cells_below_five_are_suppressed_with_enough_others_to_hide_them() {
        let cells = suppress(counts(&[("a", 4), ("b", 5), ("c", 1), ("d", 30)]));
        // 4 and 1 alone: either could hold at most 4, so 5 is hidden too.
        assert_eq!(shown(&cells), vec![None, None, None, Some(30)]);
        let cells = suppress(counts(&[("a", 4), ("b", 3), ("c", 9), ("d", 30)]));
        assert_eq!(shown(&cells), vec![None, None, Some(9), Some(30)]);
    }

    #[test]
    fn a_lone_suppressed_cell_takes_the_next_smallest_with_it() {
        let cells = suppress(counts(&[("a", 3), ("b", 7), ("c", 40)]));
        assert_eq!(shown(&cells), vec![None, None, Some(40)]);
    }

    #[test]
    fn hidden_cells_that_add_up_to_less_than_five_take_another_with_them() {
        // 12 reports: ON 10, YT 1, NU 1. Hiding YT and NU alone leaves
        // YT + NU = 2, so each is 1.
        let cells = suppress(counts(&[("ON", 10), ("YT", 1), ("NU", 1)]));
        assert_eq!(shown(&cells), vec![None, None, None]);
        let cells = suppress(counts(&[("ON", 10), ("YT", 1), ("NU", 1), ("QC", 20)]));
        assert_eq!(shown(&cells), vec![None, None, None, Some(20)]);
    }

    #[test]
    fn hidden_cells_are_hidden_until_none_is_pinned_to_one_value() {
        // 15 reports: ON 10 and five provinces with one each. Hiding the
        // five alone leaves 5 reports over 5 listed cells: one each.
        let cells = suppress(counts(&[
            ("ON", 10),
            ("YT", 1),
            ("NU", 1),
            ("BC", 1),
            ("MB", 1),
            ("SK", 1),
        ]));
        assert!(cells.iter().all(|c| c.count.is_none()), "{cells:?}");
        // 25 reports: 20, 2, 1, 1, 1 — the hidden four could only be 1 or 2.
        let cells = suppress(counts(&[("a", 20), ("b", 2), ("c", 1), ("d", 1), ("e", 1)]));
        assert!(cells.iter().all(|c| c.count.is_none()), "{cells:?}");
    }

    #[test]
    fn no_suppression_when_every_cell_is_large() {
        let cells = suppress(counts(&[("a", 5), ("b", 9)]));
        assert_eq!(shown(&cells), vec![Some(5), Some(9)]);
    }

    fn order(cells: &[Cell]) -> Vec<String> {
        in_chart_order(cells, |c| c.code.clone())
            .into_iter()
            .map(|(name, _)| name)
            .collect()
    }

    #[test]
    fn charts_list_the_largest_counts_first_and_ties_by_name() {
        let cells = suppress(counts(&[("b", 9), ("c", 30), ("a", 9), ("d", 12)]));
        assert_eq!(order(&cells), ["c", "d", "a", "b"]);
    }

    #[test]
    fn ties_go_by_name_whatever_the_accents_and_letter_case() {
        let cells = suppress(counts(&[
            ("Québec", 6),
            ("Île-du-Prince-Édouard", 6),
            ("alberta", 6),
            ("Ontario", 6),
        ]));
        assert_eq!(
            order(&cells),
            ["alberta", "Île-du-Prince-Édouard", "Ontario", "Québec"]
        );
    }

    #[test]
    fn hidden_cells_come_last_by_name_never_by_their_counts() {
        // 1 and 2 are hidden, and 7 with them: their order must not tell
        // which is which (by count it would be m, z, a).
        let cells = suppress(counts(&[("a", 1), ("z", 2), ("m", 7), ("q", 20)]));
        let ordered = in_chart_order(&cells, |c| c.code.clone());
        let names: Vec<&str> = ordered.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["q", "a", "m", "z"]);
        assert!(ordered[1..].iter().all(|(_, c)| c.count.is_none()));
    }

    #[test]
    fn csv_marks_suppressed_cells_and_defuses_formulas() {
        let stats = Stats {
            total: 50,
            dimensions: vec![Dimension {
                name: "kind",
                cells: vec![
                    Cell {
                        code: "=cmd".into(),
                        count: None,
                    },
                    Cell {
                        code: "".into(),
                        count: Some(9),
                    },
                ],
            }],
        };
        assert_eq!(
            to_csv(&stats),
            "dimension,category,count\nkind,'=cmd,<5\nkind,not_stated,9\n"
        );
    }
}
