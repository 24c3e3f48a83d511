//! Follow-through across sessions: every action in one list, search over
//! everything the room wrote, and the numbers a team reviews. Pure
//! functions over loaded sessions; the commands load them.

pub mod actions;
pub mod formats;
pub mod search;
pub mod seen;
pub mod stats;

pub use actions::{ActionFilter, ActionRow, Found};
pub use search::Hit;
pub use stats::Stats;

/// Text folded for matching: accents spelled in ASCII, lower case, runs of
/// white space as one space. "Café  Crème" and "cafe creme" fold alike.
pub fn fold(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_and_spacing() {
        assert_eq!(fold("Café  Crème"), fold("cafe creme"));
        assert_eq!(fold("Zürich"), "zurich");
    }
}
