//! Wrapping for plain-text exports: 72 columns, hanging indents, never
//! breaking a single long token such as a URL.

use textwrap::{Options, WordSplitter};

/// Email-friendly line width.
pub const WIDTH: usize = 72;

/// Wraps `text` with `first` before the first line and `rest` before the
/// others (a hanging indent), pushing the lines onto `out`.
pub fn push_wrapped(out: &mut Vec<String>, text: &str, first: &str, rest: &str) {
    let options = Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false)
        .word_splitter(WordSplitter::NoHyphenation);
    let mut any = false;
    for paragraph in text.split('\n') {
        let (initial, options) = if any {
            (rest, options.clone().initial_indent(rest))
        } else {
            (first, options.clone())
        };
        if paragraph.trim().is_empty() {
            out.push(initial.trim_end().to_string());
        } else {
            out.extend(
                textwrap::wrap(paragraph.trim_end(), &options)
                    .into_iter()
                    .map(|l| l.trim_end().to_string()),
            );
        }
        any = true;
    }
}
