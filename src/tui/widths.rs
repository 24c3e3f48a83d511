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

/// Whether every character of `text` is printable ASCII: one grapheme
/// and one column each, so its width is its length (most text is).
fn is_printable_ascii(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// Columns `text` takes on screen.
pub fn width(text: &str) -> usize {
    if is_printable_ascii(text) {
        return text.len();
    }
    graphemes(text).map(|(_, w)| w).sum()
}

/// `text` cut to at most `max` columns, ending in "…" when cut.
pub fn fit(text: &str, max: usize) -> String {
    if is_printable_ascii(text) {
        return match max {
            _ if text.len() <= max => text.to_string(),
            0 => String::new(),
            _ => format!("{}…", &text[..max - 1]),
        };
    }
    fit_by_graphemes(text, max)
}

/// [`fit`] for any text: measured and cut grapheme by grapheme.
fn fit_by_graphemes(text: &str, max: usize) -> String {
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
    use proptest::prelude::*;

    proptest! {
        /// Printable ASCII measured and cut by length gives what measuring
        /// grapheme by grapheme gives; other text still takes that path.
        #[test]
        fn the_ascii_shortcut_measures_as_graphemes_do(
            text in "[ -~]{0,40}|[ -~\t\r\néü王]{0,20}",
            max in 0usize..45,
        ) {
            prop_assert_eq!(width(&text), graphemes(&text).map(|(_, w)| w).sum::<usize>());
            prop_assert_eq!(fit(&text, max), fit_by_graphemes(&text, max));
        }
    }

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
