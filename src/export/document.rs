//! The summary as a document: sections of facts, items and paragraphs,
//! built once from a session (see `build`) and rendered as plain text,
//! Markdown or HTML. Every string in it is text to show as it is: renderers
//! escape all of it, so no text from a session can become markup.

/// A piece of text and how it is meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    /// Ordinary text.
    Plain(String),
    /// Text that stands out (labels such as "RC1").
    Strong(String),
    /// A warning: OVERDUE, no owner, a gap.
    Warn(String),
    /// A date, time or number that must not break across lines.
    Unbroken(String),
}

impl Run {
    /// The words, however they are meant.
    pub fn text(&self) -> &str {
        match self {
            Run::Plain(s) | Run::Strong(s) | Run::Warn(s) | Run::Unbroken(s) => s,
        }
    }

    /// Whether this is a label of the why tree (a problem's "B", an
    /// answer's "B2c"; see `model::labels`), which reads before its text
    /// without a colon. Actions ("A1") and root causes ("RC1") end in a
    /// digit and take a colon.
    pub fn is_tree_label(&self) -> bool {
        let t = self.text();
        let caps = t.chars().take_while(char::is_ascii_uppercase).count();
        let rest = &t[caps..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let tail = &rest[digits..];
        caps > 0
            && ((digits == 0 && tail.is_empty())
                || (digits > 0 && !tail.is_empty() && tail.chars().all(|c| c.is_ascii_lowercase())))
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

/// One entry of a list: a root cause, an action, an answer of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// What names it ("RC1", "A2", "1.2.1"), shown first.
    pub label: Option<Run>,
    /// A line before it (the question an answer answers).
    pub before: Option<Text>,
    /// The entry itself.
    pub text: Text,
    /// One attribute per line.
    pub facts: Vec<Fact>,
    /// Depth in a tree (0 outside trees).
    pub depth: usize,
}

/// A part of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Paragraphs of prose.
    Paragraphs(Vec<String>),
    /// Labelled values.
    Facts(Vec<Fact>),
    /// Entries with their attributes.
    Items(Vec<Item>),
    /// A simple list.
    Bullets(Vec<Text>),
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
    /// The document's title.
    pub title: String,
    /// The key facts: date, severity, duration, time to detect, people
    /// affected, the time zone.
    pub facts: Vec<Fact>,
    /// Where the follow-up stands: actions done, open, overdue; gaps.
    pub status: Text,
    /// Summary, impact, root causes, actions … then the appendix.
    pub sections: Vec<Section>,
}
