//! Statistics for advocacy: counts by kind, community, province and month,
//! from consenting reports only, with small cells suppressed.
//!
//! A count from 1 to 4 is never shown: it could point at a person. Where a
//! dimension's cells add up to the total (community, province, month), a
//! single suppressed cell could be recovered by subtraction, so the next
//! smallest cell is suppressed with it.

use crate::db::{self, stats::Count};
use crate::web::{AppError, AppState};

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

impl Dimension {
    pub fn max(&self) -> i64 {
        self.cells.iter().filter_map(|c| c.count).max().unwrap_or(0)
    }
}

#[derive(Clone, Debug)]
pub struct Stats {
    /// Consenting reports, rounded down to a multiple of 5 when small.
    pub total: i64,
    pub dimensions: Vec<Dimension>,
}

/// Suppresses small cells; with `additive`, also the complementary cell.
pub fn suppress(counts: Vec<Count>, additive: bool) -> Vec<Cell> {
    let mut cells: Vec<Cell> = counts
        .into_iter()
        .filter(|c| c.n > 0)
        .map(|c| Cell {
            count: (c.n >= MIN_CELL).then_some(c.n),
            code: c.code,
        })
        .collect();
    let suppressed = cells.iter().filter(|c| c.count.is_none()).count();
    if additive && suppressed == 1 {
        if let Some(smallest) = cells
            .iter_mut()
            .filter(|c| c.count.is_some())
            .min_by_key(|c| c.count)
        {
            smallest.count = None;
        }
    }
    cells
}

pub async fn compute(state: &AppState) -> Result<Stats, AppError> {
    let (total, kind, community, province, month) = state
        .db
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
                cells: suppress(kind, false),
            },
            Dimension {
                name: "community",
                cells: suppress(community, true),
            },
            Dimension {
                name: "province",
                cells: suppress(province, true),
            },
            Dimension {
                name: "month",
                cells: suppress(month, true),
            },
        ],
    })
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

    #[test]
    fn cells_below_five_are_suppressed() {
        let cells = suppress(counts(&[("a", 4), ("b", 5), ("c", 1), ("d", 30)]), false);
        assert_eq!(
            cells.iter().map(|c| c.count).collect::<Vec<_>>(),
            vec![None, Some(5), None, Some(30)]
        );
    }

    #[test]
    fn a_lone_suppressed_cell_takes_the_next_smallest_with_it_when_cells_add_up() {
        let cells = suppress(counts(&[("a", 3), ("b", 7), ("c", 40)]), true);
        assert_eq!(
            cells.iter().map(|c| c.count).collect::<Vec<_>>(),
            vec![None, None, Some(40)]
        );
        let cells = suppress(counts(&[("a", 3), ("b", 7), ("c", 40)]), false);
        assert_eq!(
            cells.iter().map(|c| c.count).collect::<Vec<_>>(),
            vec![None, Some(7), Some(40)]
        );
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
