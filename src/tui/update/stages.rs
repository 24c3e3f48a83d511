//! What the stages share: read-only checks, undoable edits, adding an item
//! and typing into it as one step, and Tab order. Each stage's own keys are
//! in `intake`, `whys`, `actions_stage` and `review`.

use jiff::Zoned;

use super::editing;
use super::session::Out;
use crate::model::Stage;
use crate::tui::action::Action;
use crate::tui::app::{ACTION_COLUMNS, PickFor, PickOption, Popup, SessionMode, SessionState};
use crate::tui::field::{Field, Kind};
use crate::tui::keymap::{Context, hint};

pub(super) fn read_only(ss: &SessionState) -> Result<(), String> {
    match &ss.read_only {
        Some(why) => Err(format!("Read-only: this session is {why}")),
        None => Ok(()),
    }
}

/// Records an undo step and applies an edit to the session.
pub(super) fn edit<R>(
    ss: &mut SessionState,
    f: impl FnOnce(&mut crate::model::Session) -> R,
) -> Result<R, String> {
    read_only(ss)?;
    let before = ss.session().clone();
    let result = f(ss.session_mut());
    if *ss.session() != before {
        ss.history.record(before);
    }
    Ok(result)
}

/// Records an undo step and changes one answer's own fields (see
/// [`SessionState::change_answer`]): in a 5,000-answer session this costs
/// the lists on the way down to the answer, not a walk of the tree.
pub(super) fn edit_answer<R>(
    ss: &mut SessionState,
    id: &str,
    f: impl FnOnce(&mut crate::model::WhyNode) -> R,
) -> Result<R, String> {
    read_only(ss)?;
    let before = ss.session().clone();
    let result = ss
        .change_answer(id, f)
        .ok_or("that answer no longer exists")?;
    if *ss.session() != before {
        ss.history.record(before);
    }
    Ok(result)
}

/// Adds something and opens its first field, as one undo step: undoing
/// removes the new item together with what was typed into it.
pub(super) fn add_then_edit<R>(
    ss: &mut SessionState,
    add: impl FnOnce(&mut crate::model::Session) -> R,
    field: impl FnOnce(&SessionState, &R) -> Field,
    now: &Zoned,
) -> Result<R, String> {
    read_only(ss)?;
    let before = ss.session().clone();
    let selected = ss.node_sel.clone();
    let result = add(ss.session_mut());
    let field = field(ss, &result);
    if editing::open(ss, field, now)? {
        let added = ss.session().clone();
        if let Some(editor) = ss.editor_mut() {
            editor.before = before;
            editor.fresh = Some(crate::tui::app::Fresh { selected, added });
        }
    } else if *ss.session() != before {
        ss.history.record(before);
    }
    Ok(result)
}

/// Activates a field: text opens an editor, a choice opens its list, a
/// button adds. Opening changes nothing.
pub(super) fn activate(ss: &mut SessionState, field: Field, now: &Zoned) -> Result<Out, String> {
    match field {
        Field::AddPerson => super::intake::intake(ss, Action::Add, now),
        Field::AddMoment => super::intake::intake(ss, Action::AddMoment, now),
        Field::AddLesson(lesson) => super::review::add(ss, lesson, now),
        Field::ToVerify(id) => super::review::verify(ss, &id, now),
        field => {
            editing::open(ss, field, now)?;
            Ok(Out::default())
        }
    }
}

/// After the owner of action `id` changed: the team follows the owner's
/// function when the team is empty or was filled by an earlier pick; a
/// team typed by hand stays.
pub(super) fn team_follows_owner(ss: &mut SessionState, id: &str) {
    let Some(action) = ss.session().action(id) else {
        return;
    };
    let auto = ss.auto_team.contains(id);
    if action.team.is_some() && !auto {
        return;
    }
    let team = action
        .owner
        .as_deref()
        .and_then(|o| ss.session().participant(o))
        .map(|p| p.team.trim().to_string())
        .filter(|t| !t.is_empty());
    if team.is_some() {
        ss.auto_team.insert(id.to_string());
    } else {
        ss.auto_team.remove(id);
    }
    if let Some(action) = ss.session_mut().action_mut(id) {
        action.team = team;
    }
}

/// After Tab or Shift-Tab left `field`: select the next field in the
/// stage's order and open it if it takes text.
pub fn tab_from(
    ss: &mut SessionState,
    field: &Field,
    step: isize,
    now: &Zoned,
) -> Result<(), String> {
    let next = match ss.stage() {
        Stage::Intake => {
            let rows = ss.intake_fields();
            let at = rows
                .iter()
                .position(|f| f == field)
                .unwrap_or(ss.intake_sel);
            ss.intake_sel = (at as isize + step).clamp(0, rows.len() as isize - 1) as usize;
            rows.get(ss.intake_sel).cloned()
        }
        Stage::Whys => {
            let order = |id: &String| {
                [
                    Field::Answer(id.clone()),
                    Field::Question(id.clone()),
                    Field::Evidence(id.clone()),
                ]
            };
            let id = match field {
                Field::Answer(id) | Field::Evidence(id) | Field::Question(id) => id.clone(),
                _ => return Ok(()),
            };
            let fields = order(&id);
            let at = fields.iter().position(|f| f == field).unwrap_or(0) as isize;
            Some(fields[(at + step).rem_euclid(3) as usize].clone())
        }
        Stage::Actions => {
            ss.action_col =
                (ss.action_col as isize + step).rem_euclid(ACTION_COLUMNS as isize) as usize;
            ss.selected_field()
        }
        Stage::Review => {
            let len = ss.review_fields().len();
            ss.review_sel =
                (ss.review_sel as isize + step).clamp(0, len.saturating_sub(1) as isize) as usize;
            // Headings are buttons: Tab skips them to the next item.
            if matches!(ss.selected_field(), Some(Field::AddLesson(_))) {
                ss.review_sel = (ss.review_sel as isize + step)
                    .clamp(0, len.saturating_sub(1) as isize)
                    as usize;
            }
            ss.selected_field()
        }
    };
    // Text fields open for typing, choices open their list: after Tab,
    // keys never fall through to commands unseen.
    if let Some(next) = next
        && next.kind() != Kind::Button
    {
        editing::open(ss, next, now)?;
    }
    Ok(())
}

/// Opens a picker of the participants (plus a "nobody" option), with the
/// current choice highlighted.
pub(super) fn pick_participant(
    ss: &mut SessionState,
    title: &str,
    nobody: &str,
    current: Option<String>,
    purpose: PickFor,
) -> Result<Out, String> {
    read_only(ss)?;
    if ss.session().participants.is_empty() {
        return Ok(Out::info(format!(
            "No participants yet: add them on Intake ({}, then {}).",
            hint(
                Context::Session,
                &Action::GoStage(crate::model::Stage::Intake)
            ),
            hint(Context::Intake, &Action::Add)
        )));
    }
    let mut options: Vec<PickOption> = ss
        .session()
        .participants
        .iter()
        .map(|p| {
            let label = if p.team.trim().is_empty() {
                p.name.clone()
            } else {
                format!("{} ({})", p.name, p.team)
            };
            PickOption::new(label, p.name.clone())
        })
        .collect();
    options.push(PickOption::new(nobody, ""));
    let cursor = options
        .iter()
        .position(|o| Some(&o.value) == current.as_ref())
        .unwrap_or(0);
    ss.mode = SessionMode::Popup(Popup::Pick {
        title: title.to_string(),
        options,
        cursor,
        multi: false,
        purpose,
        filter: String::new(),
    });
    Ok(Out::default())
}
