//! Exports: pure functions from a [`Session`](crate::model::Session) to a
//! string. A session becomes one [`document::Summary`] (see `build`),
//! rendered as plain text, Markdown or HTML; JSON is the session file. No
//! files, no terminal, no clock: callers pass the moment of the export, and
//! times are shown in the session's own time zone, never the exporter's.
//! User text is cleaned of control characters first ([`sanitize`]).

mod build;
pub mod clean;
pub mod document;
pub mod eml;
pub mod format;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sanitize;
pub mod text;

pub use clean::redacted;
pub use json::json;

use crate::model::Session;

/// The summary document of `session`.
pub fn summary(session: &Session, ctx: &Context) -> document::Summary {
    build::summary(&clean::cleaned(session), ctx)
}

/// The plain-text summary.
pub fn text(session: &Session, ctx: &Context) -> String {
    text::render(&summary(session, ctx), ctx.wrap)
}

/// The Markdown summary.
pub fn markdown(session: &Session, ctx: &Context) -> String {
    markdown::render(&summary(session, ctx))
}

/// The HTML summary.
pub fn html(session: &Session, ctx: &Context) -> String {
    html::render(&summary(session, ctx))
}

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
    /// An email draft: text and HTML in one message, for a mail client.
    Eml,
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
            Format::Eml => "email draft",
        }
    }

    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Eml => "eml",
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
        Format::Eml => eml::eml(session, ctx),
    }
}

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// Where and when an export is made, and how.
#[derive(Debug, Clone)]
pub struct Context {
    /// The zone times are shown in: the session's.
    pub tz: TimeZone,
    /// Its name, printed once in the summary.
    pub zone_name: String,
    /// Today in that zone, to mark overdue action items.
    pub today: Date,
    /// When the export is made (the email draft's date).
    pub now: Timestamp,
    /// Hard-wrap plain text at this many columns.
    pub wrap: Option<usize>,
    /// Participants' names are replaced (the people section counts them).
    pub redacted: bool,
}

/// How a zone is named to readers: its IANA name, but plain "UTC" for
/// the names systems give UTC ("Etc/UTC", "Universal" …).
pub fn zone_label(name: &str) -> String {
    match name {
        "Etc/UTC" | "Etc/UCT" | "Etc/Universal" | "Etc/Zulu" | "UCT" | "Universal" | "Zulu" => {
            "UTC".to_string()
        }
        other => other.to_string(),
    }
}

impl Context {
    /// The context of exporting `session` at `now`: its time zone (UTC for
    /// a session that names none) and the date there.
    pub fn for_session(session: &Session, now: Timestamp) -> Context {
        let (tz, zone_name) = match session.zone() {
            Some(tz) => {
                let name = zone_label(session.time_zone.as_deref().unwrap_or_default());
                (tz, name)
            }
            None => (TimeZone::UTC, "UTC".to_string()),
        };
        Context {
            now,
            today: now.to_zoned(tz.clone()).date(),
            tz,
            zone_name,
            wrap: None,
            redacted: false,
        }
    }

    /// Formats a timestamp as `2026-11-22 14:05` in the session's zone.
    pub fn time(&self, at: Timestamp) -> String {
        format::time(at, &self.tz)
    }
}

/// How fivewhys shows a point in time on screen: `2026-11-22 14:05` in
/// the given zone.
pub fn format_time(at: Timestamp, tz: &TimeZone) -> String {
    format::time(at, tz)
}
