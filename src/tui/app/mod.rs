//! The TUI's whole state. `update` changes it; `render` only reads it.
//! Selection and scroll positions live here, never in the model. What mode
//! the app is in is held by enums (`Help`, `HomeMode`, `SessionMode`), and
//! derived in one place by [`App::mode`](crate::tui::mode).

mod home;
mod popup;
mod session;

use jiff::Zoned;

pub use home::{FOLLOW_UP_DAYS, Found, FoundPart, HomeFocus, HomeMode, HomeState};
pub use popup::{Pending, PickFor, PickOption, Popup, shown};
pub use session::{
    ACTION_COLUMNS, Editor, Fresh, SaveState, SeenBeforeAsk, SeenBeforeState, SessionMode,
    SessionState,
};

use super::theme::Theme;

/// The whole TUI state.
#[derive(Debug)]
pub struct App {
    /// Which screen is showing.
    pub screen: Screen,
    /// The help overlay.
    pub help: Help,
    /// Colours.
    pub theme: Theme,
    /// The current time, in the user's time zone (set by ticks).
    pub now: Zoned,
    /// A message for the status line.
    pub status: Option<Status>,
    /// The terminal's size (columns, rows), as last reported.
    pub viewport: (u16, u16),
}

/// The help overlay, over whatever mode is below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Help {
    /// Not shown.
    #[default]
    Closed,
    /// Shown, scrolled by this many lines.
    Open {
        /// Lines scrolled.
        scroll: u16,
    },
}

impl Help {
    /// Whether the overlay is showing.
    pub fn is_open(self) -> bool {
        matches!(self, Help::Open { .. })
    }
}

/// A status-line message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The message.
    pub text: String,
    /// What kind of message, which decides when it goes away.
    pub kind: StatusKind,
}

/// What a status message is, and so when it goes away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    /// Information: fades after [`STATUS_SECONDS`] and at a stage change.
    Info {
        /// When it was shown.
        shown: jiff::Timestamp,
    },
    /// News from outside (a change merged in from elsewhere): stays
    /// [`NOTICE_SECONDS`], through edits and stage changes.
    Notice {
        /// When it was shown.
        shown: jiff::Timestamp,
    },
    /// A problem with the open field: goes once the field is fixed or left.
    Field,
    /// A problem that stays until something replaces it.
    Error,
}

impl Status {
    /// Whether it reports a problem.
    pub fn is_error(&self) -> bool {
        !matches!(
            self.kind,
            StatusKind::Info { .. } | StatusKind::Notice { .. }
        )
    }
}

/// How long an informational status message stays.
pub const STATUS_SECONDS: i64 = 6;

/// How long news from outside stays in the status line.
pub const NOTICE_SECONDS: i64 = 30;

/// Home or a session.
#[derive(Debug)]
pub enum Screen {
    /// The session list.
    Home(Box<HomeState>),
    /// One session open.
    Session(Box<SessionState>),
}

impl App {
    /// A new app on the home screen.
    pub fn new(theme: Theme, now: Zoned) -> App {
        App {
            screen: Screen::Home(Box::default()),
            help: Help::Closed,
            theme,
            now,
            status: None,
            viewport: (80, 24),
        }
    }

    /// The open session, if any.
    pub fn session(&self) -> Option<&SessionState> {
        match &self.screen {
            Screen::Session(s) => Some(s),
            Screen::Home(_) => None,
        }
    }

    /// Shows a message in the status line; it fades.
    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status::info(text, &self.now));
    }

    /// Shows a problem in the status line; it stays.
    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status::error(text));
    }

    /// Shows news from outside in the status line, for
    /// [`NOTICE_SECONDS`].
    pub fn notice(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            kind: StatusKind::Notice {
                shown: self.now.timestamp(),
            },
        });
    }
}

impl Status {
    /// Information shown `now`.
    pub fn info(text: impl Into<String>, now: &Zoned) -> Status {
        Status {
            text: text.into(),
            kind: StatusKind::Info {
                shown: now.timestamp(),
            },
        }
    }

    /// A lasting problem.
    pub fn error(text: impl Into<String>) -> Status {
        Status {
            text: text.into(),
            kind: StatusKind::Error,
        }
    }
}
