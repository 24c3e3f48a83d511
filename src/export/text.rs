//! The plain-text summary, for any mail client: the subject, a line of
//! how bad and how long, then what happened, why and what we ask of whom
//! by when — the first screen — and the record after it. Headings in
//! capitals, one entry per line (an action is one line: "A1 what — who ·
//! by when"); nothing is aligned with spaces and nothing needs a monospace
//! font, so it reads the same in a proportional font and on a phone.
//! Paragraphs are not hard-wrapped unless asked (`wrap`).

use super::document::{Block, Fact, Item, Summary, Text, words};

fn fact(f: &Fact) -> String {
    format!("{}: {}", f.label, words(&f.value))
}

fn item(out: &mut Vec<String>, i: &Item) {
    out.push(format!("{} {}", i.label, words(&i.text)));
    out.extend(i.facts.iter().map(fact));
}

/// A table row as a line: "A1 what — who · when".
fn row(cells: &[Text]) -> String {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        let text = words(cell);
        match i {
            0 => line.push_str(&text),
            1 => {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&text);
            }
            2 => {
                line.push_str(" — ");
                line.push_str(&text);
            }
            _ => {
                line.push_str(" · ");
                line.push_str(&text);
            }
        }
    }
    line
}

/// Renders the summary as plain text, hard-wrapped at `wrap` columns if
/// given (the subject line never is).
pub fn render(doc: &Summary, wrap: Option<usize>) -> String {
    let mut out = vec![doc.subject.clone(), String::new()];
    let headline = words(&doc.headline);
    if !headline.is_empty() {
        out.push(headline);
    }
    out.push(words(&doc.status));
    for section in &doc.sections {
        out.push(String::new());
        out.push(section.heading.to_uppercase());
        for (b, block) in section.blocks.iter().enumerate() {
            // A blank line between blocks, none under the heading: the
            // first screen holds what a reader needs.
            if b > 0 {
                out.push(String::new());
            }
            match block {
                Block::Paragraphs(paragraphs) => {
                    for (i, p) in paragraphs.iter().enumerate() {
                        if i > 0 {
                            out.push(String::new());
                        }
                        out.push(p.clone());
                    }
                }
                Block::Lines(lines) => out.extend(lines.iter().map(words)),
                Block::Items(items) => {
                    for (i, it) in items.iter().enumerate() {
                        if i > 0 {
                            out.push(String::new());
                        }
                        item(&mut out, it);
                    }
                }
                Block::Table(table) => out.extend(table.rows.iter().map(|r| row(r))),
                Block::Bullets(list) => out.extend(list.iter().map(|t| format!("- {}", words(t)))),
                Block::Tree(lines) => out.extend(lines.iter().map(|(_, t)| words(t))),
            }
        }
    }
    out.push(String::new());
    out.push("--".into());
    out.extend(doc.footer.iter().cloned());
    let mut lines = out.into_iter();
    let mut text = lines.next().unwrap_or_default();
    text.push('\n');
    for line in lines {
        match wrap {
            Some(width) if unicode_width::UnicodeWidthStr::width(line.as_str()) > width => {
                // First fit: a word too long for any line stands alone
                // rather than pulling a neighbour past the width.
                let options = textwrap::Options::new(width.max(20))
                    .break_words(false)
                    .word_splitter(textwrap::WordSplitter::NoHyphenation)
                    .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
                    .word_separator(textwrap::WordSeparator::AsciiSpace);
                for part in textwrap::wrap(&line, options) {
                    text.push_str(part.trim_end());
                    text.push('\n');
                }
            }
            _ => {
                text.push_str(line.trim_end());
                text.push('\n');
            }
        }
    }
    text
}
