//! Actions inside an open session: dispatch by mode (popup, field,
//! presenter view, stage), and what is the same on every stage (stage
//! jumps, undo, timer). Also decides what a result means for saving and
//! for the status line.

use jiff::Zoned;

use super::{editing, popup, presenter, stages};
use crate::model::Stage;
use crate::tui::action::Action;
use crate::tui::app::{SaveState, SessionMode, SessionState, Status, StatusKind};
use crate::tui::effect::Effect;
use crate::tui::field::Field;

/// What handling an action did.
#[derive(Debug, Default)]
pub struct Out {
    /// The session's content changed: bump `updated` and save it.
    pub changed: bool,
    /// Other work for the event loop.
    pub effects: Vec<Effect>,
    /// A message for the status line.
    pub info: Option<String>,
}

impl Out {
    pub fn changed(changed: bool) -> Out {
        Out {
            changed,
            ..Out::default()
        }
    }
    pub fn info(text: impl Into<String>) -> Out {
        Out {
            info: Some(text.into()),
            ..Out::default()
        }
    }
}

/// Applies an action to the open session.
pub fn update(
    ss: &mut SessionState,
    action: Action,
    now: &Zoned,
    status: &mut Option<Status>,
) -> Vec<Effect> {
    let local = now.time_zone().clone();
    let here = ss.zoned(now);
    let now = &here;
    let stage_before = ss.stage();
    ss.taken_back = false;
    let result = match &ss.mode {
        SessionMode::Popup(_) => popup::popup(ss, action, now),
        SessionMode::Editing(_) => editor(ss, action, now),
        SessionMode::Presenter => presenter::presenter(ss, action, now),
        SessionMode::Browse => common(ss, action, now),
    };
    ss.clamp();
    if ss.stage() != stage_before {
        ss.timer.switch(ss.stage(), now.timestamp());
        // Messages mean now: what was said about one stage goes with it.
        if status
            .as_ref()
            .is_some_and(|s| matches!(s.kind, StatusKind::Info { .. }))
        {
            *status = None;
        }
    }
    // A complaint about a field goes once the field is fixed or left.
    let field_fine = ss.editor().is_none_or(|e| e.error.is_none());
    if field_fine && status.as_ref().is_some_and(|s| s.kind == StatusKind::Field) {
        *status = None;
    }
    match result {
        Ok(out) => {
            if let Some(text) = out.info {
                *status = Some(Status::info(text, now));
            } else if out.changed
                && status
                    .as_ref()
                    .is_some_and(|s| matches!(s.kind, StatusKind::Info { .. }))
            {
                // Information was about what came before this edit.
                *status = None;
            }
            let mut effects = out.effects;
            if out.changed && ss.read_only.is_none() {
                // The meeting starts with its first change: an item just
                // added with nothing typed yet (maybe taken back) is not one.
                // (Asked only while the timer waits: comparing sessions is
                // not free.)
                if ss.timer.waiting() {
                    let untouched = ss.taken_back
                        || ss
                            .editor()
                            .and_then(|e| e.fresh.as_ref())
                            .is_some_and(|f| f.added == *ss.session());
                    if !untouched {
                        ss.timer.start_if_waiting(now.timestamp());
                    }
                }
                // An item taken back leaves the session as it was, stamps
                // included: saved again only if the add had been, and then
                // byte for byte as before it.
                if !std::mem::take(&mut ss.taken_back) {
                    ss.change_words(|s| {
                        s.updated = now.timestamp();
                        // A session from before zones were recorded takes
                        // the zone it is being edited in.
                        if s.time_zone.is_none() {
                            s.time_zone = local.iana_name().map(str::to_string);
                        }
                    });
                }
                if !matches!(ss.save, SaveState::Failed(_)) {
                    ss.save = SaveState::Pending;
                }
                effects.push(Effect::Save);
            }
            effects
        }
        Err(reason) => {
            let kind = if ss.editor().is_some_and(|e| e.error.is_some()) {
                StatusKind::Field
            } else {
                StatusKind::Error
            };
            *status = Some(Status { text: reason, kind });
            Vec::new()
        }
    }
}

/// Whether the open field is the question or evidence of an answer just
/// added that has no words yet.
fn question_first(ss: &SessionState) -> bool {
    let Some(editor) = ss.editor() else {
        return false;
    };
    match &editor.field {
        Field::Question(id) | Field::Evidence(id) => {
            editor.fresh.is_some() && ss.answer(id).is_some_and(|n| n.answer.trim().is_empty())
        }
        _ => false,
    }
}

fn editor(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    match action {
        // The question or evidence of a new answer typed first: Enter goes
        // on to the answer itself rather than leave it without one.
        Action::Commit if question_first(ss) => {
            let id = match ss.editor().map(|e| &e.field) {
                Some(Field::Question(id) | Field::Evidence(id)) => id.clone(),
                _ => return Ok(Out::default()),
            };
            let (changed, carry) = editing::tab_away(ss, now)?;
            editing::open(ss, Field::Answer(id), now)?;
            if let Some(carry) = carry {
                editing::carry_on(ss, carry);
            }
            Ok(Out::changed(changed))
        }
        Action::Commit => Ok(Out::changed(editing::commit(ss, now)?)),
        // Esc always leaves: text that cannot be used is dropped and the
        // field keeps the value it had.
        Action::Back => match editing::commit(ss, now) {
            Ok(changed) => Ok(Out::changed(changed)),
            Err(reason) => Ok(Out {
                changed: editing::abandon(ss),
                info: Some(format!("{reason}. The field keeps its earlier value.")),
                ..Out::default()
            }),
        },
        // Tab and Shift-Tab move between the fields of what is being
        // edited and never close it: a new answer left empty stays open
        // for its question to be typed first.
        Action::NextField | Action::PrevField => {
            let field = ss.editor().map(|e| e.field.clone());
            let (changed, carry) = editing::tab_away(ss, now)?;
            let step = if action == Action::NextField { 1 } else { -1 };
            if let Some(field) = field.filter(|f| f.exists(ss.session())) {
                stages::tab_from(ss, &field, step, now)?;
            }
            if let Some(carry) = carry {
                editing::carry_on(ss, carry);
            }
            Ok(Out::changed(changed))
        }
        Action::Input(key) => Ok(Out::changed(editing::input(ss, key, now))),
        Action::Type(text) => Ok(Out::changed(editing::type_text(ss, &text, now))),
        Action::Paste(text) => Ok(Out::changed(editing::paste(ss, &text, now))),
        Action::Newline => Ok(Out::changed(editing::newline(ss, now))),
        Action::ClearField => Ok(Out::changed(editing::clear(ss, now))),
        _ => Ok(Out::default()),
    }
}

/// Keys that work the same on every stage; the rest go to the stage.
pub(super) fn common(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    match action {
        Action::GoStage(stage) => {
            ss.session_mut().stage = stage;
            Ok(Out::default())
        }
        Action::SelectAction(id) => {
            if let Some(i) = ss.session().actions.iter().position(|a| a.id == id) {
                ss.action_sel = i;
                ss.action_col = 0;
            }
            Ok(Out::default())
        }
        Action::GoHome => Ok(Out {
            effects: vec![Effect::Close],
            ..Out::default()
        }),
        Action::Undo | Action::Redo => undo_redo(ss, action == Action::Undo),
        Action::TogglePresenter => {
            ss.mode = SessionMode::Presenter;
            Ok(Out::default())
        }
        Action::ToggleTimer => {
            ss.timer.toggle(now.timestamp());
            Ok(Out::info(if ss.timer.running() {
                "Timer running."
            } else {
                "Timer paused."
            }))
        }
        Action::Settle => popup::settle_next(ss),
        Action::CycleTimebox => {
            let stage = ss.stage();
            ss.timer.cycle_timebox(stage);
            Ok(Out::info(match ss.timer.timebox(stage) {
                Some(minutes) => format!("Timebox for {}: {minutes} min.", stage.label()),
                None => format!("No timebox for {}.", stage.label()),
            }))
        }
        // A paste (or keys that came in one lump, see `burst`) goes into
        // the selected text field; it never runs as commands, and never
        // opens a list.
        Action::Paste(text) => {
            stages::read_only(ss)?;
            let takes_text = |f: &crate::tui::field::Field| {
                !matches!(
                    f.kind(),
                    crate::tui::field::Kind::Choice | crate::tui::field::Kind::Button
                )
            };
            let opened = match ss.selected_field().filter(takes_text) {
                Some(field) => editing::open(ss, field, now)?,
                None => false,
            };
            if opened {
                Ok(Out::changed(editing::paste(ss, &text, now)))
            } else {
                Ok(Out::info("Select a text field to paste into."))
            }
        }
        other => match ss.stage() {
            Stage::Intake => super::intake::intake(ss, other, now),
            Stage::Whys => super::whys::whys(ss, other, now),
            Stage::Actions => super::actions_stage::actions(ss, other, now),
            Stage::Review => super::review::review(ss, other, now),
        },
    }
}

fn undo_redo(ss: &mut SessionState, undo: bool) -> Result<Out, String> {
    stages::read_only(ss)?;
    let restored = ss.restore(undo);
    match restored {
        Some(mut session) => {
            // Undo restores what was written, not where the meeting is.
            session.stage = ss.session().stage;
            *ss.session_mut() = session;
            Ok(Out {
                changed: true,
                info: Some(if undo { "Undone." } else { "Redone." }.into()),
                ..Out::default()
            })
        }
        None => Ok(Out::info(if undo {
            "Nothing to undo."
        } else {
            "Nothing to redo."
        })),
    }
}
