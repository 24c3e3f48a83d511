//! The plain-text summary, for any mail client: a subject line, then
//! headings in capitals, one attribute per line, markers first ("ROOT CAUSE
//! RC1: …", "OVERDUE"). Nothing is aligned with spaces and nothing needs a
//! monospace font, so it reads the same in a proportional font and on a
//! phone. Paragraphs are not hard-wrapped unless asked (`wrap`).

use super::document::{Block, Fact, Item, Summary, words};

fn fact(f: &Fact) -> String {
    format!("{}: {}", f.label, words(&f.value))
}

fn item(out: &mut Vec<String>, i: &Item) {
    if let Some(before) = &i.before {
        out.push(words(before));
    }
    out.push(match &i.label {
        // A tree label reads "B2c …", a name "A1: …".
        Some(label) if label.is_tree_label() => {
            format!("{} {}", label.text(), words(&i.text))
        }
        Some(label) => format!("{}: {}", label.text(), words(&i.text)),
        None => words(&i.text),
    });
    out.extend(i.facts.iter().map(fact));
}

/// Renders the summary as plain text, hard-wrapped at `wrap` columns if
/// given (the subject line never is).
pub fn render(doc: &Summary, wrap: Option<usize>) -> String {
    let mut out = vec![doc.subject.clone(), String::new()];
    out.extend(doc.facts.iter().map(fact));
    out.push(format!("Status: {}", words(&doc.status)));
    for section in &doc.sections {
        out.push(String::new());
        out.push(section.heading.to_uppercase());
        for block in &section.blocks {
            // A blank line under the heading and between blocks: headings
            // stand out in any font, even above "ROOT CAUSE RC1".
            out.push(String::new());
            match block {
                Block::Paragraphs(paragraphs) => {
                    for (i, p) in paragraphs.iter().enumerate() {
                        if i > 0 {
                            out.push(String::new());
                        }
                        out.push(p.clone());
                    }
                }
                Block::Facts(facts) => out.extend(facts.iter().map(fact)),
                Block::Items(items) => {
                    for (i, it) in items.iter().enumerate() {
                        if i > 0 {
                            out.push(String::new());
                        }
                        item(&mut out, it);
                    }
                }
                Block::Bullets(list) => out.extend(list.iter().map(|t| format!("- {}", words(t)))),
            }
        }
    }
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
