//! Everything that can happen in the TUI, as data. Keys, pastes, resizes,
//! clock ticks and results of outside work all become an [`Action`] that
//! `update` applies.

use std::path::PathBuf;

use crossterm::event::KeyEvent;
use jiff::Timestamp;

use crate::model::{Confidence, Session, Stage};
use crate::store::Listing;

/// One thing to apply to the app state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Save and leave fivewhys.
    Quit,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Leave the current mode: close the field, popup, overlay, filter or
    /// presenter view (Esc).
    Back,
    /// Finish the field or choose (Enter).
    Commit,
    /// Jump to a stage.
    GoStage(Stage),
    /// Leave the session for the home screen.
    GoHome,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Toggle the presenter view for the screen share.
    TogglePresenter,
    /// Show the whole why tree in the presenter view, or the question.
    ToggleTree,
    /// Pause or resume the meeting timer.
    ToggleTimer,
    /// Cycle the current stage's timebox (off, 5, 10, 15, 20, 30 min).
    CycleTimebox,
    /// Cycle the colour theme.
    CycleTheme,
    /// Select the previous row.
    Up,
    /// Select the next row.
    Down,
    /// Scroll up a page.
    PageUp,
    /// Scroll down a page.
    PageDown,
    /// Go to the first row (or the top).
    First,
    /// Go to the last row (or the bottom).
    Last,
    /// Select the parent answer, or the previous option.
    Left,
    /// Select the first child answer, or the next option.
    Right,
    /// Edit the selected field (or open the selected session).
    Edit,
    /// Save the field and edit the next one.
    NextField,
    /// Save the field and edit the previous one.
    PrevField,
    /// A key typed into the open text field.
    Input(KeyEvent),
    /// Printable characters typed in a row, which arrived together (fast
    /// typing, or a paste from a terminal without bracketed paste): taken
    /// in one go, so long input costs one edit, not one per character.
    Type(String),
    /// A new line in a multi-line field.
    Newline,
    /// Empty the open text field.
    ClearField,
    /// Text pasted from the terminal (bracketed paste).
    Paste(String),
    /// The terminal changed size.
    Resize(u16, u16),
    /// The clock moved on (drives the meeting timer).
    Tick(Timestamp),
    /// Ask "why?" of the selected answer.
    AskWhy,
    /// Ask why of the selected answer, typing the question first.
    AskQuestion,
    /// Add another cause beside the selected answer.
    AddCause,
    /// Add another problem statement.
    AddProblem,
    /// Delete the selected item (asks first).
    Delete,
    /// Move the selected item up among its siblings.
    MoveUp,
    /// Move the selected item down among its siblings.
    MoveDown,
    /// Mark or unmark the selected answer as a root cause.
    ToggleRootCause,
    /// Set the selected answer's confidence.
    SetConfidence(Confidence),
    /// Pick who offered the selected answer.
    PickOfferedBy,
    /// Add an item to the current stage's list.
    Add,
    /// Add a key moment to the timeline (Intake).
    AddMoment,
    /// Pick the selected action's owner from the participants.
    PickOwner,
    /// Pick the answers (root causes first) the selected action addresses.
    PickAddresses,
    /// Copy the summary in this format to the clipboard.
    Copy(crate::export::Format),
    /// Show the next export format in the Review preview.
    CyclePreview,
    /// Turn the selected belief or unsure answer into an action
    /// "Verify: …" addressing it.
    Verify,
    /// A copy finished; the message says which way(s) it went.
    Copied(String),
    /// Start a new session (home).
    NewSession,
    /// Filter the session list (home).
    Filter,
    /// Answer yes to the open question.
    Confirm,
    /// Toggle the highlighted option of a picker.
    ToggleOption,
    /// Choose (or, in a multiple choice, tick) the option with this index.
    PickNth(usize),
    /// The outside world opened a session for us.
    SessionOpened {
        /// The session.
        session: Box<Session>,
        /// Its file.
        path: PathBuf,
        /// Why it cannot be edited, as in "this session is …" (another
        /// instance edits it, or no lock could be taken).
        read_only: Option<String>,
    },
    /// The session list was (re)loaded.
    Listed(Listing),
    /// The session list is being read again in the background.
    Listing,
    /// Where the Home filter's text was found inside the sessions.
    Found(String, crate::tui::app::FoundPart),
    /// What the index said about an answer: earlier sessions like it.
    SeenBefore(
        crate::tui::app::SeenBeforeAsk,
        Vec<crate::store::index::SeenBefore>,
    ),
    /// Select this action on the Actions stage (a follow-up was opened).
    SelectAction(String),
    /// The open session was saved and closed; the list follows.
    Closed(Listing),
    /// Closing the session failed; it stays open and this says why.
    CloseFailed(String),
    /// A save finished: `Err` carries the message to show.
    Saved(Result<(), String>),
    /// Something outside failed; show the message.
    Failed(String),
    /// The open session's file was changed elsewhere (a `git pull`, a
    /// teammate, an editor) and has been merged with what is on screen.
    ChangedElsewhere(Box<TakenIn>),
    /// Open the next clash to settle (a field changed here and elsewhere).
    Settle,
    /// Settle the clash shown by keeping what this window has.
    KeepMine,
    /// Settle the clash shown by taking the value from elsewhere.
    TakeTheirs,
}

/// A change from elsewhere, merged with what is on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct TakenIn {
    /// The merged session, to show and to save.
    pub session: Session,
    /// What came in, in words ("2 new answers and 1 action status"); empty
    /// when nothing that shows changed.
    pub news: String,
    /// Clashes this merge found.
    pub clashes: usize,
    /// The file as it is now: what a field open while it changed is
    /// compared with.
    pub theirs: Session,
}

impl Action {
    /// Whether the action changes the session (refused when read-only, and
    /// then not offered in the footer).
    pub fn edits(&self) -> bool {
        matches!(
            self,
            Action::Undo
                | Action::Redo
                | Action::Edit
                | Action::AskWhy
                | Action::AskQuestion
                | Action::AddCause
                | Action::AddProblem
                | Action::Delete
                | Action::MoveUp
                | Action::MoveDown
                | Action::ToggleRootCause
                | Action::SetConfidence(_)
                | Action::PickOfferedBy
                | Action::Add
                | Action::AddMoment
                | Action::PickOwner
                | Action::PickAddresses
                | Action::Settle
        )
    }
}
