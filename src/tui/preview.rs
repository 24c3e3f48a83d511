//! The Review stage's preview: each export format as its reader will see
//! it — text wrapped to the window, Markdown and HTML rendered as text —
//! with the size of what will be copied. Pure; computed when the session,
//! the format or the width changes, not on every frame.

use crate::export::{self, Context, Format};
use crate::model::Session;

/// How a piece of preview text looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// Body text.
    Plain,
    /// A heading.
    Heading,
    /// Strong text.
    Strong,
    /// Emphasised text.
    Emphasis,
    /// A link.
    Link,
}

/// One line of the preview: its pieces and how each looks.
pub type PreviewLine = Vec<(String, Look)>;

/// A rendered preview and what it was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The format shown.
    pub format: Format,
    /// The width it was laid out for.
    pub width: u16,
    /// When the session was last changed, as the preview saw it.
    pub updated: jiff::Timestamp,
    /// The lines to show.
    pub lines: Vec<PreviewLine>,
    /// Bytes that a copy puts on the clipboard.
    pub bytes: usize,
}

impl Preview {
    /// Whether this preview still shows `session` in `format` at `width`.
    pub fn is_for(&self, session: &Session, format: Format, width: u16) -> bool {
        self.format == format && self.width == width && self.updated == session.updated
    }

    /// "4.2 KB".
    pub fn size(&self) -> String {
        if self.bytes < 1024 {
            format!("{} bytes", self.bytes)
        } else {
            format!("{:.1} KB", self.bytes as f64 / 1024.0)
        }
    }
}

fn wrapped(text: &str, width: usize) -> Vec<PreviewLine> {
    text.lines()
        .flat_map(|line| {
            if line.trim().is_empty() {
                vec![Vec::new()]
            } else {
                textwrap::wrap(line, width)
                    .into_iter()
                    .map(|l| vec![(l.into_owned(), Look::Plain)])
                    .collect()
            }
        })
        .collect()
}

/// HTML laid out as a mail client shows it: headings, bold, italics and
/// links kept as looks, not as markup characters.
fn html_as_text(html: &str, width: usize) -> Vec<PreviewLine> {
    use html2text::render::RichAnnotation;
    let lines = match html2text::config::rich().lines_from_read(html.as_bytes(), width) {
        Ok(lines) => lines,
        Err(e) => {
            return vec![vec![(
                format!("(the preview could not be drawn: {e})"),
                Look::Plain,
            )]];
        }
    };
    lines
        .into_iter()
        .map(|line| {
            let mut pieces: PreviewLine = line
                .tagged_strings()
                .map(|piece| {
                    let look = piece.tag.iter().fold(Look::Plain, |look, tag| match tag {
                        RichAnnotation::Strong => Look::Strong,
                        RichAnnotation::Emphasis if look == Look::Plain => Look::Emphasis,
                        RichAnnotation::Link(_) => Look::Link,
                        _ => look,
                    });
                    (piece.s.clone(), look)
                })
                .collect();
            // html2text writes headings as "## Title": a heading look instead.
            if let Some((first, _)) = pieces.first_mut() {
                let hashes = first.chars().take_while(|c| *c == '#').count();
                if hashes > 0 && first[hashes..].starts_with(' ') {
                    *first = first[hashes + 1..].to_string();
                    for piece in &mut pieces {
                        piece.1 = Look::Heading;
                    }
                }
            }
            pieces
        })
        .collect()
}

/// The preview of `session` in `format`, `width` columns wide.
pub fn make(session: &Session, format: Format, ctx: &Context, width: u16) -> Preview {
    let columns = usize::from(width).max(20);
    let out = export::export(session, format, ctx);
    let lines = match format {
        Format::Text | Format::Json | Format::Eml => wrapped(&out, columns),
        Format::Markdown => {
            let mut html = String::new();
            let options = pulldown_cmark::Options::ENABLE_TABLES
                | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
            pulldown_cmark::html::push_html(
                &mut html,
                pulldown_cmark::Parser::new_ext(&out, options),
            );
            html_as_text(&html, columns)
        }
        Format::Html => html_as_text(&out, columns),
    };
    Preview {
        format,
        width,
        updated: session.updated,
        lines,
        bytes: out.len(),
    }
}
