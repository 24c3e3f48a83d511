//! Text measured as the terminal shows it: by grapheme and display width,
//! the same way ratatui draws it, so CJK, emoji, combining and zero-width
//! characters line up. Cutting always happens between graphemes and ends
//! with "…".

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

/// The graphemes ratatui draws, with their widths.
fn graphemes(text: &str) -> impl Iterator<Item = (&str, usize)> {
    text.graphemes(true)
        .filter(|g| !g.contains(char::is_control))
        .map(|g| (g, usize::from(g.cell_width())))
        .filter(|(_, w)| *w > 0)
}

/// Columns `text` takes on screen.
pub fn width(text: &str) -> usize {
    graphemes(text).map(|(_, w)| w).sum()
}

/// `text` cut to at most `max` columns, ending in "…" when cut.
pub fn fit(text: &str, max: usize) -> String {
    if width(text) <= max {
        return graphemes(text).map(|(g, _)| g).collect();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for (g, w) in graphemes(text) {
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// `text` fitted to exactly `columns` columns: cut with "…", or padded
/// with spaces.
pub fn fit_pad(text: &str, columns: usize) -> String {
    let mut out = fit(text, columns);
    let used = width(&out);
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_and_combining_text_is_measured_as_shown() {
        assert_eq!(width("王小明"), 6);
        assert_eq!(width("e\u{301}"), 1, "combining accent");
        assert_eq!(width("a\u{200b}b"), 2, "zero-width space");
        assert_eq!(width("👩‍💻"), 2, "emoji ZWJ sequence");
        assert_eq!(fit("王小明先生", 6), "王小…");
        assert_eq!(width(&fit("王小明先生", 6)), 5);
        assert_eq!(fit_pad("王小明先生", 6), "王小… ");
        assert_eq!(fit_pad("José", 6), "José  ");
        assert_eq!(fit("Jose\u{301} Garcia", 5), "Jose\u{301}…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("abcdef", 1), "…");
    }
}
