//! One open session's state: the session, where the facilitator is on each
//! stage, the open field or popup, undo history, timer and saving.

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeSet;
use std::path::PathBuf;

use jiff::{Timestamp, Zoned};
use ratatui_textarea::TextArea;

use super::popup::Popup;
use crate::model::{Cursor, Outline, Session, Stage, WhyList, WhyNode};
use crate::tui::field::Field;
use crate::tui::history::History;
use crate::tui::timer::{Opening, Timer};

/// The text field being edited.
#[derive(Debug)]
pub struct Editor {
    /// What is being edited.
    pub field: Field,
    /// The text and cursor.
    pub area: TextArea<'static>,
    /// Why the text could not be used yet (bad time, not a number …).
    pub error: Option<String>,
    /// The text when the field was opened.
    pub original: String,
    /// For the fields of an item just added (the first, and those Tab
    /// moves on to): left with nothing typed anywhere in the item, it is
    /// taken back.
    pub fresh: Option<Fresh>,
    /// The session before this field was opened, for one undo step.
    pub before: Session,
}

/// An item just added, not yet given anything.
#[derive(Debug, Clone)]
pub struct Fresh {
    /// The answer selected before it was added (selected again if it is
    /// taken back).
    pub selected: Option<String>,
    /// The session right after adding it, before anything was typed: the
    /// item is still empty while the session is this.
    pub added: Session,
}

impl Editor {
    /// The typed text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }
}

/// What keys do in an open session.
#[derive(Debug)]
pub enum SessionMode {
    /// Moving around the current stage.
    Browse,
    /// The presenter view for the screen share.
    Presenter,
    /// A text field is open.
    Editing(Box<Editor>),
    /// A question or a list is open.
    Popup(Popup),
}

/// Whether the session on disk matches memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is on disk.
    Saved,
    /// Changes wait for the next save.
    Pending,
    /// The last save failed; the text is safe in memory and saving retries.
    Failed(String),
}

/// One open session.
#[derive(Debug)]
pub struct SessionState {
    /// The session being edited: read with [`SessionState::session`],
    /// changed only through [`SessionState::session_mut`], which drops the
    /// outline made from it.
    session: Session,
    /// The why tree's [`Outline`], made when first asked for after a change.
    outline: OnceCell<Outline>,
    /// The outline from before the last changes, with the tree it was made
    /// from: brought up to date when next asked for, by laying out again
    /// only the part of the tree that changed.
    stale: RefCell<Option<(Outline, WhyList)>>,
    /// Where the selected answer was in the outline before the last change:
    /// if the change took it away, the answer above that place is selected.
    sel_was_at: Option<usize>,
    /// Its file.
    pub path: PathBuf,
    /// Why it cannot be edited, as in "this session is …": `Some("open in
    /// a fivewhys window (process 42)")` when another instance edits it.
    pub read_only: Option<String>,
    /// Selected row on the Intake stage (index into `intake_fields`).
    pub intake_sel: usize,
    /// Selected why node.
    pub node_sel: Option<String>,
    /// Selected action row.
    pub action_sel: usize,
    /// Selected column on the Actions stage (index into `ACTION_COLUMNS`).
    pub action_col: usize,
    /// Selected went-well row on Review.
    pub review_sel: usize,
    /// Scroll of the Review summary.
    pub review_scroll: u16,
    /// Which export format Review previews.
    pub preview: crate::export::Format,
    /// That preview, rendered (kept until the session, format or width
    /// changes).
    pub preview_shown: Option<crate::tui::preview::Preview>,
    /// What keys do now.
    pub mode: SessionMode,
    /// Undo and redo.
    pub history: History,
    /// Meeting timer and stage timeboxes.
    pub timer: Timer,
    /// Saving state.
    pub save: SaveState,
    /// The last action took back an item just added (left empty): the
    /// session is as it was before, and is not stamped as changed.
    pub taken_back: bool,
    /// Actions whose team was filled in by picking the owner (and so may
    /// follow the next pick); a team typed by hand is never replaced.
    pub auto_team: BTreeSet<String>,
    /// The presenter view shows the whole why tree.
    pub tree: bool,
    /// Earlier sessions like each answer asked about, by node id: the
    /// text asked about, and what the index said (`None` while asked).
    pub seen_before: std::collections::BTreeMap<String, SeenBeforeState>,
}

/// What the index said about one answer: the text it was asked about and
/// the earlier sessions like it (`None` while the question is out).
pub type SeenBeforeState = (String, Option<Vec<crate::store::index::SeenBefore>>);

/// A question to the index: which earlier sessions have an answer like
/// this one.
#[derive(Debug, Clone, PartialEq)]
pub struct SeenBeforeAsk {
    /// The session asking (left out of the answer).
    pub session: String,
    /// The answer's node id.
    pub node: String,
    /// What the answer says.
    pub text: String,
    /// Only sessions created before this.
    pub before: jiff::Timestamp,
}

/// Columns of the Actions table, in Tab order.
pub const ACTION_COLUMNS: usize = 8;

/// A session last changed longer ago than this opens with its timer
/// paused: looking up an old session is not more meeting time.
const RESUME_WITHIN_SECONDS: i64 = 12 * 3600;

impl SessionState {
    /// A session opened now: the meeting resumes where it stopped. A
    /// timer paused with `t` stays paused; one that counted in the last
    /// hours runs on; otherwise (a new session, one prepared yesterday or
    /// looked up later) it waits for the first change or `t`.
    pub fn new(session: Session, path: PathBuf, read_only: Option<String>, now: &Zoned) -> Self {
        let now_ts = now.timestamp();
        let recent = session
            .meeting
            .timer_ran
            .is_some_and(|last| now_ts.as_second() - last.as_second() < RESUME_WITHIN_SECONDS);
        let opening = if session.meeting.paused {
            Opening::Paused
        } else if recent && read_only.is_none() {
            Opening::Running
        } else {
            Opening::Waiting
        };
        let timer = Timer::resume(&session.meeting, session.stage, now_ts, opening);
        let Cursor {
            intake_row,
            why,
            action,
            review_row,
        } = session.meeting.cursor.clone();
        let action_sel = action
            .and_then(|id| session.actions.iter().position(|a| a.id == id))
            .unwrap_or(0);
        let auto_team = session
            .actions
            .iter()
            .filter(|a| {
                let owner_team = a
                    .owner
                    .as_deref()
                    .and_then(|o| session.participant(o))
                    .map(|p| p.team.as_str());
                a.team.is_some() && a.team.as_deref() == owner_team
            })
            .map(|a| a.id.clone())
            .collect();
        let mut ss = SessionState {
            session,
            outline: OnceCell::new(),
            stale: RefCell::new(None),
            sel_was_at: None,
            path,
            read_only,
            intake_sel: intake_row,
            node_sel: why,
            action_sel,
            action_col: 0,
            review_sel: review_row,
            review_scroll: 0,
            preview: crate::export::Format::Text,
            preview_shown: None,
            mode: SessionMode::Browse,
            history: History::default(),
            timer,
            save: SaveState::Saved,
            taken_back: false,
            auto_team,
            tree: false,
            seen_before: Default::default(),
        };
        ss.clamp();
        ss
    }

    /// The session being edited.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The session, to change: the outline made from it is put aside, as
    /// anything may change, to be brought up to date when next asked for.
    pub fn session_mut(&mut self) -> &mut Session {
        if let Some(outline) = self.outline.take() {
            self.sel_was_at =
                (self.node_sel.as_deref()).and_then(|id| outline.position(&self.session, id));
            *self.stale.get_mut() = Some((outline, self.session.whys.clone()));
        }
        &mut self.session
    }

    /// Changes words the outline does not hold (an answer's text, the
    /// title, when the session was last changed), keeping the outline: typing into a 5,000-answer session
    /// lays nothing out again. Checked in debug builds, so a test that
    /// passes something else here fails.
    pub fn change_words<R>(&mut self, f: impl FnOnce(&mut Session) -> R) -> R {
        let result = f(&mut self.session);
        debug_assert!(
            (self.outline.get()).is_none_or(|kept| *kept == Outline::of(&self.session)),
            "change_words changed what the outline holds"
        );
        result
    }

    /// Changes the answer with this id through `f`, which may change the
    /// answer's own fields (its words, its mark, how sure the room is) but
    /// not its id or the answers below it: the outline is kept and only
    /// its counts are taken again. Found through the outline, so no walk
    /// of the tree; checked in debug builds. `None` when no answer has
    /// the id.
    pub fn change_answer<R>(&mut self, id: &str, f: impl FnOnce(&mut WhyNode) -> R) -> Option<R> {
        let outline = self.outline();
        let at = outline.position(&self.session, id)?;
        let path = outline.path(at)?;
        let result = f(self.session.node_at_mut(&path)?);
        if let Some(outline) = self.outline.get_mut() {
            outline.node_changed(&self.session, at);
        }
        debug_assert!(
            (self.outline.get()).is_none_or(|kept| *kept == Outline::of(&self.session)),
            "change_answer changed more than the answer's own fields"
        );
        Some(result)
    }

    /// The answer with this id, found through the outline.
    pub fn answer(&self, id: &str) -> Option<&WhyNode> {
        let outline = self.outline();
        let at = outline.position(&self.session, id)?;
        outline.node(&self.session, at).map(|(_, node)| node)
    }

    /// The path to the answer with this id, and an id no answer or action
    /// has yet: both found through the outline, for adding an answer
    /// under or beside it without a walk of the tree.
    pub fn place_for_new(&self, id: &str) -> Option<(Vec<usize>, String)> {
        let (s, outline) = (&self.session, self.outline());
        let path = outline.path(outline.position(s, id)?)?;
        Some((
            path,
            s.fresh_node_id_by(|c| outline.position(s, c).is_some()),
        ))
    }

    /// The why tree laid out in the order it is shown, made once per
    /// change of the session: moving through 5,000 answers and drawing
    /// them costs no walk of the tree per key.
    pub fn outline(&self) -> &Outline {
        self.outline
            .get_or_init(|| match self.stale.borrow_mut().take() {
                Some((outline, tree)) => {
                    let outline = outline.relisted(&self.session, &tree);
                    debug_assert!(
                        outline == Outline::of(&self.session),
                        "an outline brought up to date differs from one made afresh"
                    );
                    outline
                }
                None => Outline::of(&self.session),
            })
    }

    /// The session one undo step back (or forward, unless `undo`), from
    /// the session as it is; `None` when there is no step.
    pub fn restore(&mut self, undo: bool) -> Option<Session> {
        if undo {
            self.history.undo(&self.session)
        } else {
            self.history.redo(&self.session)
        }
    }

    /// `now` in the session's time zone (the local one for a session that
    /// names none yet): times are shown and typed in it.
    pub fn zoned(&self, now: &Zoned) -> Zoned {
        match self.session.zone() {
            Some(tz) => now.with_time_zone(tz),
            // One this machine does not know: UTC, as the exports say.
            None if self.session.time_zone.is_some() => now.with_time_zone(jiff::tz::TimeZone::UTC),
            None => now.clone(),
        }
    }

    /// The stage shown.
    pub fn stage(&self) -> Stage {
        self.session.stage
    }

    /// The open text field, if any.
    pub fn editor(&self) -> Option<&Editor> {
        match &self.mode {
            SessionMode::Editing(editor) => Some(editor.as_ref()),
            _ => None,
        }
    }

    /// The open text field, to type into.
    pub fn editor_mut(&mut self) -> Option<&mut Editor> {
        match &mut self.mode {
            SessionMode::Editing(editor) => Some(editor.as_mut()),
            _ => None,
        }
    }

    /// The open popup, if any.
    pub fn popup(&self) -> Option<&Popup> {
        match &self.mode {
            SessionMode::Popup(popup) => Some(popup),
            _ => None,
        }
    }

    /// The session as it should be saved `now`: with the meeting's time,
    /// timeboxes and the facilitator's place on each stage.
    pub fn snapshot(&self, now: Timestamp) -> Session {
        let mut session = self.session.clone();
        self.timer.write_to(&mut session.meeting, now);
        session.meeting.cursor = Cursor {
            intake_row: self.intake_sel,
            why: self.node_sel.clone(),
            action: self
                .session
                .actions
                .get(self.action_sel)
                .map(|a| a.id.clone()),
            review_row: self.review_sel,
        };
        session
    }

    /// The rows of the Intake stage, in order.
    pub fn intake_fields(&self) -> Vec<Field> {
        let mut rows = vec![
            Field::Title,
            Field::MeetingKind,
            Field::Problem,
            Field::Summary,
            Field::Started,
            Field::Detected,
            Field::Resolved,
            Field::Severity,
            Field::Impact,
            Field::Affected,
            Field::Channels,
        ];
        for i in 0..self.session.participants.len() {
            rows.extend([
                Field::PersonName(i),
                Field::PersonTeam(i),
                Field::PersonRole(i),
                Field::PersonEmail(i),
            ]);
        }
        rows.push(Field::AddPerson);
        for i in 0..self.session.intake.key_moments.len() {
            rows.extend([Field::MomentAt(i), Field::MomentWhat(i)]);
        }
        rows.push(Field::AddMoment);
        rows.push(Field::Notes);
        rows
    }

    /// The rows of the Review stage: each list of lessons, its heading
    /// (which adds to it) then its items.
    pub fn review_fields(&self) -> Vec<Field> {
        let mut rows = Vec::new();
        for lesson in crate::model::Lesson::ALL {
            rows.push(Field::AddLesson(lesson));
            rows.extend((0..self.session.lessons(lesson).len()).map(|i| Field::Lesson(lesson, i)));
        }
        rows.extend(
            self.session
                .to_verify()
                .into_iter()
                .map(|n| Field::ToVerify(n.id.clone())),
        );
        rows
    }

    /// The field of the Actions table at a column for an action.
    pub fn action_field(id: &str, col: usize) -> Field {
        let id = id.to_string();
        match col % ACTION_COLUMNS {
            0 => Field::ActDescription(id),
            1 => Field::ActOwner(id),
            2 => Field::ActTeam(id),
            3 => Field::ActDue(id),
            4 => Field::ActPriority(id),
            5 => Field::ActStatus(id),
            6 => Field::ActNote(id),
            _ => Field::ActLink(id),
        }
    }

    /// The Review list `a` adds to: the one the selection is in (what
    /// went well when the selection is on none).
    pub fn review_list(&self) -> crate::model::Lesson {
        match self.selected_field() {
            Some(Field::AddLesson(lesson) | Field::Lesson(lesson, _)) => lesson,
            _ => crate::model::Lesson::Well,
        }
    }

    /// The field selected on the current stage, if any.
    pub fn selected_field(&self) -> Option<Field> {
        match self.stage() {
            Stage::Intake => self.intake_fields().get(self.intake_sel).cloned(),
            Stage::Whys => self.node_sel.clone().map(Field::Answer),
            Stage::Actions => self
                .session
                .actions
                .get(self.action_sel)
                .map(|a| Self::action_field(&a.id, self.action_col)),
            Stage::Review => self.review_fields().get(self.review_sel).cloned(),
        }
    }

    /// Keeps every selection pointing at something that exists.
    pub fn clamp(&mut self) {
        let rows = self.intake_fields().len();
        self.intake_sel = self.intake_sel.min(rows.saturating_sub(1));
        self.action_sel = self
            .action_sel
            .min(self.session.actions.len().saturating_sub(1));
        // Working out Review's fields walks the tree: only when it matters.
        if self.review_sel > 0 {
            self.review_sel = self
                .review_sel
                .min(self.review_fields().len().saturating_sub(1));
        }
        let valid = (self.node_sel.as_deref())
            .is_some_and(|id| self.outline().position(&self.session, id).is_some());
        if !valid {
            // The selected answer is gone (deleted, or an added one undone):
            // the answer above its place, often its parent, not the top.
            let outline = self.outline();
            let at = self.sel_was_at.map_or(0, |at| at.saturating_sub(1));
            let at = at.min(outline.len().saturating_sub(1));
            self.node_sel = (outline.node(&self.session, at)).map(|(_, n)| n.id.clone());
        }
    }
}
