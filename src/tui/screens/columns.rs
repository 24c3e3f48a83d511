//! Rows of fixed- and flexible-width columns, padded and cut by display
//! width (wide and combining characters line up; cut text ends in "…").

use crate::tui::widths::fit_pad;

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Heading (also names the column).
    pub title: &'static str,
    /// Width, or the least width for a flexible column.
    width: usize,
    /// Whether it takes the room the others leave.
    flex: bool,
}

/// Columns are separated by one space.
const GAP: usize = 1;

impl Column {
    /// A column of exactly `width` columns.
    pub fn fixed(title: &'static str, width: usize) -> Column {
        Column {
            title,
            width,
            flex: false,
        }
    }

    /// A column of at least `min` columns that takes the remaining room.
    pub fn flex(title: &'static str, min: usize) -> Column {
        Column {
            title,
            width: min,
            flex: true,
        }
    }

    /// The width the columns need at least.
    pub fn min_width(cols: &[Column]) -> usize {
        cols.iter().map(|c| c.width).sum::<usize>() + GAP * cols.len().saturating_sub(1)
    }

    /// Each column's width in `total` columns: fixed ones as given, the
    /// flexible ones share what is left.
    pub fn widths(cols: &[Column], total: usize) -> Vec<usize> {
        let flex = cols.iter().filter(|c| c.flex).count().max(1);
        let spare = total.saturating_sub(Column::min_width(cols));
        let mut extra = spare;
        cols.iter()
            .map(|c| {
                if c.flex {
                    let share = (spare / flex).max(1).min(extra);
                    extra -= share;
                    c.width + share
                } else {
                    c.width
                }
            })
            .collect()
    }
}

/// One row: each column's text fitted to its width, separated by a space.
pub fn row(cols: &[Column], widths: &[usize], value: impl Fn(&Column) -> String) -> String {
    cols.iter()
        .zip(widths)
        .map(|(c, w)| fit_pad(&value(c), *w))
        .collect::<Vec<_>>()
        .join(&" ".repeat(GAP))
}

/// One row as spans, each cell styled on its own (for a focused cell).
pub fn spans(
    cols: &[Column],
    widths: &[usize],
    cell: impl Fn(&Column) -> (String, ratatui::style::Style),
) -> Vec<ratatui::text::Span<'static>> {
    let mut out = Vec::new();
    for (i, (c, w)) in cols.iter().zip(widths).enumerate() {
        if i > 0 {
            out.push(ratatui::text::Span::raw(" ".repeat(GAP)));
        }
        let (text, style) = cell(c);
        out.push(ratatui::text::Span::styled(fit_pad(&text, *w), style));
    }
    out
}
