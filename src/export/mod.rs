//! Exports: pure functions from a [`Session`](crate::model::Session) to a
//! string. No files, no terminal, no clock: callers pass the time zone and
//! today's date. User text is always passed through [`sanitize`] first.

pub mod clean;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sanitize;
pub mod text;
mod wrap;

pub use clean::redacted;
pub use html::html;
pub use json::json;
pub use markdown::markdown;
pub use text::text;

use crate::model::Session;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Email-ready plain text.
    Text,
    /// Markdown for wikis and tickets.
    Markdown,
    /// Self-contained HTML for rich email.
    Html,
    /// The session file.
    Json,
}

impl Format {
    /// All formats, in preview order.
    pub const ALL: [Format; 4] = [Format::Text, Format::Markdown, Format::Html, Format::Json];

    /// Human name.
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Json => "JSON",
        }
    }

    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }

    /// The next format, cycling.
    pub fn next(self) -> Format {
        let i = Format::ALL.iter().position(|f| *f == self).unwrap_or(0);
        Format::ALL[(i + 1) % Format::ALL.len()]
    }
}

/// Exports `session` in `format`.
pub fn export(session: &Session, format: Format, ctx: &Context) -> String {
    match format {
        Format::Text => text(session, ctx),
        Format::Markdown => markdown(session, ctx),
        Format::Html => html(session, ctx),
        Format::Json => json(session),
    }
}

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// Where and when an export is made.
#[derive(Debug, Clone)]
pub struct Context {
    /// Time zone in which times are shown.
    pub tz: TimeZone,
    /// Today, to mark overdue action items.
    pub today: Date,
}

impl Context {
    /// The context of a given moment: its time zone and its date.
    pub fn at(now: &jiff::Zoned) -> Context {
        Context {
            tz: now.time_zone().clone(),
            today: now.date(),
        }
    }

    /// Formats a timestamp as `2026-11-22 14:05` in this context's zone.
    pub fn time(&self, at: Timestamp) -> String {
        format_time(at, &self.tz)
    }
}

/// How fivewhys shows a point in time everywhere: `2026-11-22 14:05` in
/// the given zone.
pub fn format_time(at: Timestamp, tz: &TimeZone) -> String {
    at.to_zoned(tz.clone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}
