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
/// what we know, half for what we think, empty for what we don't know.
pub fn confidence(c: Confidence) -> &'static str {
    match c {
        Confidence::Fact => "●",
        Confidence::Belief => "◐",
        Confidence::Unsure => "○",
    }
}

/// The legend: each mark with its meaning.
pub fn legend() -> Vec<(&'static str, &'static str)> {
    vec![
        (confidence(Confidence::Fact), "fact"),
        (confidence(Confidence::Belief), "belief"),
        (confidence(Confidence::Unsure), "unsure"),
        (ROOT, "root cause"),
        (PROBLEM, "problem"),
        (CLASH, "changed here and elsewhere"),
    ]
}

/// The legend of the answer marks as one line: "● fact ◐ belief ○ unsure
/// ★ root cause" (the problem mark explains itself on screen).
pub fn legend_line() -> String {
    legend()
        .into_iter()
        .filter(|(mark, _)| *mark != PROBLEM && *mark != CLASH)
        .map(|(mark, meaning)| format!("{mark} {meaning}"))
        .collect::<Vec<_>>()
        .join(" ")
}
