//! Every mark the screens use, one glyph per meaning, and the legend that
//! explains them (on the Whys stage and in the help). Marks always come
//! with words somewhere on screen: they are never the only way a meaning is
//! shown, and never a colour alone.

use crate::model::Confidence;

/// A problem statement (a root of the why tree).
pub const PROBLEM: &str = "▣";
/// A root cause.
pub const ROOT: &str = "★";
/// A due date that has passed.
pub const OVERDUE: &str = "!";
/// Everything is on disk.
pub const SAVED: &str = "✓";
/// An item of a list (what went well, wrong, lucky).
pub const ITEM: &str = "•";
/// Changed here and elsewhere: a clash to settle.
pub const CLASH: &str = "≠";

/// How sure the room is, as a shape that reads at a distance: filled for
/// what we know, half for what we think, empty for what we don't know,
/// dotted for what nobody rated.
pub fn confidence(c: Confidence) -> &'static str {
    match c {
        Confidence::Fact => "●",
        Confidence::Belief => "◐",
        Confidence::Unsure => "○",
        Confidence::NotRated => "◌",
    }
}

/// The legend: each mark with its meaning.
pub fn legend() -> Vec<(&'static str, &'static str)> {
    vec![
        (confidence(Confidence::Fact), "fact"),
        (confidence(Confidence::Belief), "belief"),
        (confidence(Confidence::Unsure), "unsure"),
        (confidence(Confidence::NotRated), "not rated"),
        (ROOT, "root cause"),
        (PROBLEM, "problem"),
        (CLASH, "changed here and elsewhere"),
    ]
}

/// The legend of the answer marks in rows of at most `width` columns,
/// never splitting a mark from its meaning.
pub fn legend_rows(width: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    for (mark, meaning) in legend()
        .into_iter()
        .filter(|(mark, _)| *mark != PROBLEM && *mark != CLASH)
    {
        let item = format!("{mark} {meaning}");
        match rows.last_mut() {
            Some(row)
                if crate::tui::widths::width(row) + 1 + crate::tui::widths::width(&item)
                    <= width =>
            {
                row.push(' ');
                row.push_str(&item);
            }
            _ => rows.push(item),
        }
    }
    rows
}
