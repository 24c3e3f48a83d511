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

/// `text` wrapped at word boundaries to `columns` (long words broken), in
/// at most `rows` rows: the last ends in "…" when more did not fit.
pub fn wrap(text: &str, columns: usize, rows: usize) -> Vec<String> {
    let options = textwrap::Options::new(columns.max(1))
        .break_words(true)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let all = textwrap::wrap(text, options);
    let cut = all.len() > rows;
    let mut lines: Vec<String> = all.into_iter().take(rows).map(|l| l.into_owned()).collect();
    if cut && let Some(last) = lines.last_mut() {
        *last = fit(&format!("{last} …"), columns);
        if !last.ends_with('…') {
            last.push('…');
        }
    }
    lines
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

    #[test]
    fn wrapping_keeps_every_word_or_says_it_was_cut() {
        let text = "Before you send it: 1 root cause has no action · 1 action has no due date";
        let lines = wrap(text, 40, 3);
        assert!(lines.iter().all(|l| width(l) <= 40), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        let cut = wrap(text, 20, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'), "{cut:?}");
        assert!(width(&cut[1]) <= 20, "{cut:?}");
    }

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
