//! The summary as a document, built once from a session (see `build`) and
//! rendered as plain text, Markdown or HTML. Its first sections are what a
//! reader needs on the first screen; the record follows. Every string in
//! it is text to show as it is: renderers escape all of it, so no text
//! from a session can become markup, and only an http(s) address found in
//! it becomes a link (see [`pieces`]).

/// A piece of text and how it is meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    /// Ordinary text.
    Plain(String),
    /// Text that stands out (labels such as "RC1").
    Strong(String),
    /// What needs the reader: overdue, needs an owner, a gap.
    Warn(String),
    /// A date, time or number that must not break across lines.
    Unbroken(String),
    /// Quieter text: how sure, where an answer came from.
    Quiet(String),
}

impl Run {
    /// The words, however they are meant.
    pub fn text(&self) -> &str {
        match self {
            Run::Plain(s) | Run::Strong(s) | Run::Warn(s) | Run::Unbroken(s) | Run::Quiet(s) => s,
        }
    }
}

/// Text made of runs.
pub type Text = Vec<Run>;

/// Plain text from a string.
pub fn plain(s: impl Into<String>) -> Text {
    vec![Run::Plain(s.into())]
}

/// All the words of a text.
pub fn words(text: &Text) -> String {
    text.iter().map(Run::text).collect()
}

/// A piece of text as a renderer writes it: words, or an http(s) address
/// to make a link of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Words.
    Words(&'a str),
    /// An `http://` or `https://` address, whole.
    Address(&'a str),
}

/// `text` cut into words and the http(s) addresses in it. Anything else
/// that looks like an address (`www.example.com`, `mailto:`,
/// `javascript:`) stays words.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut finder = linkify::LinkFinder::new();
    finder.kinds(&[linkify::LinkKind::Url]);
    let mut out = Vec::new();
    for span in finder.spans(text) {
        let s = span.as_str();
        let web = s.starts_with("https://") || s.starts_with("http://");
        if span.kind() != Some(&linkify::LinkKind::Url) || !web {
            out.push(Piece::Words(s));
            continue;
        }
        // Closing quotes and an ellipsis written after an address are
        // not part of it ("see “https://x.example/a”").
        let address = s.trim_end_matches(['”', '’', '»', '›', '…']);
        if address.len() <= "https://".len() {
            out.push(Piece::Words(s));
            continue;
        }
        out.push(Piece::Address(address));
        if address.len() < s.len() {
            out.push(Piece::Words(&s[address.len()..]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Piece, pieces};

    #[test]
    fn only_whole_web_addresses_become_links() {
        let found = |text: &str| -> Vec<String> {
            pieces(text)
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Address(a) => Some(a.to_string()),
                    Piece::Words(_) => None,
                })
                .collect()
        };
        assert_eq!(
            found("see https://status.example.com/incidents/42, then (http://x.example/a_(b))."),
            [
                "https://status.example.com/incidents/42",
                "http://x.example/a_(b)"
            ]
        );
        assert_eq!(
            found("asked “https://x.example/q”"),
            ["https://x.example/q"]
        );
        for words in [
            "PAY-312",
            "www.example.com",
            "example.com/path",
            "javascript:alert(1)",
            "mailto:a@example.com",
            "ftp://files.example.com",
            "https://",
            "data:text/html,<b>x</b>",
        ] {
            assert!(found(words).is_empty(), "{words}");
        }
        let joined: String = pieces("a https://x.example/b c")
            .iter()
            .map(|p| match p {
                Piece::Words(w) | Piece::Address(w) => *w,
            })
            .collect();
        assert_eq!(joined, "a https://x.example/b c", "nothing is lost");
    }
}

/// A labelled value: "Owner: Mei Lin (Platform engineering)".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The label.
    pub label: String,
    /// The value.
    pub value: Text,
}

impl Fact {
    /// A fact with a plain value.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Fact {
        Fact {
            label: label.into(),
            value: plain(value),
        }
    }

    /// A fact with a value of runs.
    pub fn runs(label: impl Into<String>, value: Text) -> Fact {
        Fact {
            label: label.into(),
            value,
        }
    }
}

/// One entry with attributes under it: a root cause and how we got there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// What names it ("RC1"), shown first.
    pub label: String,
    /// The entry itself.
    pub text: Text,
    /// One attribute per line.
    pub facts: Vec<Fact>,
}

/// A table: a row per entry, its first cell the entry's label. In plain
/// text a row reads "A1 what — who · when".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Column headings.
    pub head: Vec<String>,
    /// The rows, as many cells as headings.
    pub rows: Vec<Vec<Text>>,
}

/// A part of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Paragraphs of prose.
    Paragraphs(Vec<String>),
    /// Lines, each its own.
    Lines(Vec<Text>),
    /// Entries with their attributes.
    Items(Vec<Item>),
    /// A table.
    Table(Table),
    /// A simple list.
    Bullets(Vec<Text>),
    /// The why tree: lines with their depth. Each line names itself and
    /// its parent, so plain text needs no indentation to keep branches
    /// apart; Markdown and HTML indent too.
    Tree(Vec<(usize, Text)>),
}

/// A titled part of the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading.
    pub heading: String,
    /// What is in it.
    pub blocks: Vec<Block>,
}

/// The whole summary, in the order a reader needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// A suggested subject line for the email (one line).
    pub subject: String,
    /// The document's title, with its date when known.
    pub title: String,
    /// How bad, how long, how many, in one line.
    pub headline: Text,
    /// Where the follow-up stands: actions done, open, overdue.
    pub status: Text,
    /// What happened, why, what we ask of you; then the record.
    pub sections: Vec<Section>,
    /// Lines at the foot: how to read the labels, the time zone.
    pub footer: Vec<String>,
}
