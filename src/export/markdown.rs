//! Markdown for wikis and tickets, rendered from the summary document:
//! the title with its date, headings, the actions as a table, root causes
//! as list entries with their chains under them, the why tree as nested
//! lists. Every string is escaped, so text from a session can never create
//! markup; `<`, `>` and `&` become entities, so no raw HTML passes
//! through; an http(s) address becomes an autolink (`<https://…>`).

use super::document::{Block, Fact, Item, Piece, Run, Summary, Text, pieces};

/// Escapes text that starts a line in Markdown. Inline markup characters
/// are backslash-escaped wherever they are; list, heading and quote markers
/// only where they could start a block (the start of the text); `<`, `>`
/// and `&` become entities so no raw HTML passes through; line breaks
/// become spaces (use [`escape_block`] for multi-line text).
pub fn escape(text: &str) -> String {
    escape_at(text, true)
}

/// Escapes text in the middle of a line (after a label): block markers
/// cannot start there, so only inline markup is escaped.
pub fn escape_mid(text: &str) -> String {
    escape_at(text, false)
}

fn escape_at(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let trimmed = if line_start { text.trim_start() } else { text };
    let lead_digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in trimmed.chars().enumerate() {
        let at_start = i == 0;
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            // `$` starts math and `^` superscript where those are on (as
            // on GitHub); the rest are CommonMark's own.
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' | '^' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' | '#' | ':' if at_start && line_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if line_start && lead_digits > 0 && i == lead_digits => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes multi-line user text, keeping paragraphs as Markdown paragraphs.
pub fn escape_block(text: &str) -> String {
    text.split('\n')
        .map(|line| escape(line.trim_end()))
        .collect::<Vec<_>>()
        .join("  \n")
}

/// Neighbouring runs of the same kind as one ("**a****b**" is not bold).
fn merged(text: &Text) -> Text {
    let mut out: Text = Vec::new();
    for run in text {
        match (out.last_mut(), run) {
            (Some(Run::Strong(a)), Run::Strong(b)) | (Some(Run::Warn(a)), Run::Warn(b)) => {
                a.push_str(b)
            }
            _ => out.push(run.clone()),
        }
    }
    out
}

/// Text after a label, in the middle of a line.
fn runs(text: &Text) -> String {
    runs_at(text, false)
}

/// Words with every http(s) address in them an autolink.
fn linked(text: &str, line_start: bool) -> String {
    pieces(text)
        .into_iter()
        .enumerate()
        .map(|(i, piece)| match piece {
            Piece::Address(url) => format!("<{url}>"),
            Piece::Words(w) if i == 0 && line_start => escape(w),
            Piece::Words(w) => escape_mid(w),
        })
        .collect()
}

/// Text that starts a line (or a list item), where block markers count.
fn runs_at(text: &Text, line_start: bool) -> String {
    merged(text)
        .iter()
        .enumerate()
        .map(|(i, run)| match run {
            Run::Plain(s) | Run::Unbroken(s) | Run::Quiet(s) => linked(s, i == 0 && line_start),
            Run::Strong(s) | Run::Warn(s) if s.trim().is_empty() => escape_mid(s),
            Run::Strong(s) | Run::Warn(s) => {
                // Emphasis cannot start or end with a space.
                let lead = &s[..s.len() - s.trim_start().len()];
                let tail = &s[s.trim_end().len()..];
                format!("{lead}**{}**{tail}", escape_mid(s.trim()))
            }
        })
        .collect()
}

fn fact(f: &Fact) -> String {
    format!("**{}:** {}", escape_mid(&f.label), runs(&f.value))
}

/// Lines joined with hard breaks, continuation lines indented by `indent`.
fn broken(lines: &[String], indent: &str) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l.clone()
            } else {
                format!("{indent}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("  \n")
}

/// Tree entries nest by depth up to this many levels; deeper ones stay at
/// the last level (their labels still say how deep they are and what they
/// answer), so a very deep chain does not indent every line by its depth.
const MAX_NESTING: usize = 6;

fn item(out: &mut String, i: &Item) {
    let mut lines = vec![format!(
        "**{}** {}",
        escape_mid(&i.label),
        runs_at(&i.text, false)
    )];
    lines.extend(i.facts.iter().map(fact));
    out.push_str(&format!("- {}\n", broken(&lines, "  ")));
}

/// A table row: `| **A1** | what | who | when |`.
fn table_row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

/// Renders the summary as Markdown.
pub fn render(doc: &Summary) -> String {
    let mut out = format!("# {}\n\n", escape(&doc.title));
    let mut header = Vec::new();
    if !doc.headline.is_empty() {
        header.push(runs_at(&doc.headline, true));
    }
    header.push(runs_at(&doc.status, true));
    out.push_str(&broken(&header, ""));
    out.push('\n');
    for section in &doc.sections {
        out.push_str(&format!("\n## {}\n", escape(&section.heading)));
        for block in &section.blocks {
            out.push('\n');
            match block {
                Block::Paragraphs(paragraphs) => {
                    let text: Vec<String> = paragraphs.iter().map(|p| linked(p, true)).collect();
                    out.push_str(&text.join("\n\n"));
                    out.push('\n');
                }
                Block::Lines(lines) => {
                    let lines: Vec<String> = lines.iter().map(|l| runs_at(l, true)).collect();
                    out.push_str(&broken(&lines, ""));
                    out.push('\n');
                }
                Block::Items(items) => {
                    for i in items {
                        item(&mut out, i);
                    }
                }
                Block::Table(table) => {
                    let head: Vec<String> = table.head.iter().map(|h| escape_mid(h)).collect();
                    out.push_str(&table_row(&head));
                    out.push_str(&table_row(&vec!["---".to_string(); head.len()]));
                    for row in &table.rows {
                        let cells: Vec<String> = row.iter().map(runs).collect();
                        out.push_str(&table_row(&cells));
                    }
                }
                Block::Bullets(list) => {
                    for t in list {
                        out.push_str(&format!("- {}\n", runs_at(t, true)));
                    }
                }
                Block::Tree(lines) => {
                    for (depth, line) in lines {
                        let indent = "  ".repeat((*depth).min(MAX_NESTING));
                        out.push_str(&format!("{indent}- {}\n", runs_at(line, true)));
                    }
                }
            }
        }
    }
    out.push_str("\n---\n\n");
    let footer: Vec<String> = doc.footer.iter().map(|l| linked(l, true)).collect();
    out.push_str(&broken(&footer, ""));
    out.push('\n');
    out
}
