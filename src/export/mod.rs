//! Exports: pure functions from a [`Session`](crate::model::Session) to a
//! string. No files, no terminal, no clock: callers pass the time zone and
//! today's date. User text is always passed through [`sanitize`] first.

pub mod sanitize;
pub mod text;
mod wrap;

pub use text::text;

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
    /// The system time zone and today's date there.
    pub fn now() -> Context {
        let tz = TimeZone::system();
        let today = Timestamp::now().to_zoned(tz.clone()).date();
        Context { tz, today }
    }

    /// Formats a timestamp as `2026-11-22 14:05` in this context's zone.
    pub fn time(&self, at: Timestamp) -> String {
        at.to_zoned(self.tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }
}
