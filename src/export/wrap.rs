//! Wrapping for plain-text exports: 72 columns, hanging indents, never
//! breaking a single long token such as a URL.

use textwrap::{Options, WordSplitter};
use unicode_width::UnicodeWidthStr;

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
            for (i, line) in textwrap::wrap(paragraph.trim_end(), &options)
                .into_iter()
                .enumerate()
            {
                let line = line.trim_end();
                let prefix = if i == 0 { initial } else { rest };
                // A token too long for any line stays whole; if it landed
                // after a label ("1.2 ", "- "), it moves to a line of its own.
                let body = line.strip_prefix(prefix).unwrap_or(line);
                if line.width() <= WIDTH || (prefix.trim().is_empty() && !body.trim().contains(' '))
                {
                    out.push(line.to_string());
                } else {
                    split_long(out, prefix, rest, body);
                }
            }
        }
        any = true;
    }
}

/// Re-splits an over-long line so that every token too long for a line
/// stands alone (with only indentation before it) and the others fill
/// lines of at most [`WIDTH`] columns.
fn split_long(out: &mut Vec<String>, prefix: &str, rest: &str, body: &str) {
    let mut current = prefix.to_string();
    let mut has_words = false;
    let mut lead = prefix;
    for word in body.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if has_words {
            format!("{current} {word}")
        } else {
            format!("{current}{word}")
        };
        if candidate.width() <= WIDTH {
            current = candidate;
            has_words = true;
            continue;
        }
        if has_words || !lead.trim().is_empty() {
            out.push(current.trim_end().to_string());
        }
        lead = rest;
        if rest.width() + word.width() > WIDTH {
            out.push(format!("{rest}{word}"));
            current = rest.to_string();
            has_words = false;
        } else {
            current = format!("{rest}{word}");
            has_words = true;
        }
    }
    if has_words {
        out.push(current.trim_end().to_string());
    }
}
