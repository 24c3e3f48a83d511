//! Keys while a popup is open: answer a question, or move through a list,
//! tick options and choose.

use jiff::Zoned;

use super::session::Out;
use super::stages::{edit, read_only, team_follows_owner};
use crate::model::{ConflictOn, Side};
use crate::tui::action::Action;
use crate::tui::app::{Pending, PickFor, Popup, SessionMode, SessionState};
use crate::tui::field::Field;
use crate::tui::keymap::{Context, hint};

/// Applies an action to the open popup.
pub fn popup(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let SessionMode::Popup(popup) = std::mem::replace(&mut ss.mode, SessionMode::Browse) else {
        return Ok(Out::default());
    };
    match (popup, action) {
        // Esc closes, except a list with words typed to find in it: there
        // it takes the words back first.
        (ref popup, Action::Back) if !matches!(popup, Popup::Pick { filter, .. } if !filter.is_empty()) => {
            Ok(Out::default())
        }
        (Popup::Confirm { on_yes, .. }, Action::Confirm | Action::Commit) => confirmed(ss, on_yes),
        // Tab goes on through the fields of what is being edited: a list
        // of values is one of them, kept as it is.
        (
            Popup::Pick {
                purpose: PickFor::Choice(field),
                ..
            },
            tab @ (Action::NextField | Action::PrevField),
        ) => {
            let step = if tab == Action::NextField { 1 } else { -1 };
            super::stages::tab_from(ss, &field, step, now)?;
            Ok(Out::default())
        }
        (Popup::Settle { index }, Action::KeepMine) => settled(ss, index, Side::Mine),
        (Popup::Settle { index }, Action::TakeTheirs) => settled(ss, index, Side::Theirs),
        (
            Popup::Pick {
                title,
                mut options,
                mut cursor,
                multi,
                purpose,
                mut filter,
            },
            action,
        ) => {
            let shown = crate::tui::app::shown(&options, &filter);
            let at = shown.iter().position(|&i| i == cursor);
            let step = |by: isize| -> usize {
                let n = shown.len() as isize;
                match (at, n) {
                    (_, 0) => cursor,
                    (None, _) => shown[0],
                    (Some(at), n) => shown[(at as isize + by).rem_euclid(n) as usize],
                }
            };
            let chosen = match action {
                // Esc takes back the words typed first, then closes.
                Action::Back => {
                    filter.clear();
                    None
                }
                Action::Up => {
                    cursor = step(-1);
                    None
                }
                Action::Down => {
                    cursor = step(1);
                    None
                }
                // Typing finds: the first option that matches is highlighted.
                Action::Type(text) | Action::Paste(text) => {
                    find(&mut filter, &text);
                    cursor = first_shown(&options, &filter).unwrap_or(cursor);
                    None
                }
                Action::Input(crossterm::event::KeyEvent {
                    code: crossterm::event::KeyCode::Char(c),
                    ..
                }) => {
                    find(&mut filter, &c.to_string());
                    cursor = first_shown(&options, &filter).unwrap_or(cursor);
                    None
                }
                Action::Input(key) if key.code == crossterm::event::KeyCode::Backspace => {
                    filter.pop();
                    cursor = first_shown(&options, &filter).unwrap_or(cursor);
                    None
                }
                Action::ToggleOption if multi => {
                    if let Some(option) = options.get_mut(cursor) {
                        option.ticked = !option.ticked;
                    }
                    None
                }
                Action::PickNth(n) if n < options.len() => {
                    cursor = n;
                    if multi {
                        options[n].ticked = !options[n].ticked;
                        None
                    } else {
                        Some(vec![options[n].value.clone()])
                    }
                }
                // With words typed, Enter takes the option found (and, in a
                // list to tick, keeps what was ticked too).
                Action::Confirm | Action::Commit if !filter.is_empty() && at.is_none() => None,
                Action::Confirm | Action::Commit => Some(if multi {
                    if !filter.is_empty()
                        && let Some(option) = options.get_mut(cursor)
                    {
                        option.ticked = true;
                    }
                    options
                        .iter()
                        .filter(|o| o.ticked)
                        .map(|o| o.value.clone())
                        .collect()
                } else {
                    options
                        .get(cursor)
                        .map(|o| o.value.clone())
                        .into_iter()
                        .collect()
                }),
                _ => None,
            };
            match chosen {
                Some(values) => picked(ss, purpose, values, now),
                None => {
                    ss.mode = SessionMode::Popup(Popup::Pick {
                        title,
                        options,
                        cursor,
                        multi,
                        purpose,
                        filter,
                    });
                    Ok(Out::default())
                }
            }
        }
        (popup, _) => {
            ss.mode = SessionMode::Popup(popup);
            Ok(Out::default())
        }
    }
}

/// Opens the next clash to settle: the selected answer's or action's
/// first, else the first there is.
pub fn settle_next(ss: &mut SessionState) -> Result<Out, String> {
    read_only(ss)?;
    let s = ss.session();
    let selected = match ss.stage() {
        crate::model::Stage::Whys => ss.node_sel.clone().map(|id| (ConflictOn::Answer, id)),
        crate::model::Stage::Actions => {
            (s.actions.get(ss.action_sel)).map(|a| (ConflictOn::Action, a.id.clone()))
        }
        _ => None,
    };
    let mine = selected.and_then(|(on, id)| {
        s.open_conflicts()
            .find(|(_, c)| c.is_about(on, &id))
            .map(|(i, _)| i)
    });
    match mine.or_else(|| s.open_conflicts().next().map(|(i, _)| i)) {
        Some(index) => {
            ss.mode = SessionMode::Popup(Popup::Settle { index });
            Ok(Out::default())
        }
        None => Ok(Out::info(
            "Nothing to settle: no field was changed both here and elsewhere.",
        )),
    }
}

/// Settles clash `index` the way chosen, as one undo step, and shows the
/// next one.
fn settled(ss: &mut SessionState, index: usize, side: Side) -> Result<Out, String> {
    read_only(ss)?;
    edit(ss, |s| s.settle(index, side))?.map_err(|e| e.to_string())?;
    // Clashes about items that are gone now go too.
    let moot: Vec<usize> = (0..ss.session().conflicts.len())
        .filter(|&i| {
            !ss.session()
                .conflict_target_exists(&ss.session().conflicts[i])
        })
        .collect();
    if !moot.is_empty() {
        let s = ss.session_mut();
        let mut i = 0;
        s.conflicts.retain(|_| {
            i += 1;
            !moot.contains(&(i - 1))
        });
    }
    let next = settle_next(ss)?;
    let info = match ss.session().open_conflicts().count() {
        0 => "All settled.".to_string(),
        n => format!("Settled; {n} to go."),
    };
    Ok(Out {
        changed: true,
        info: Some(info),
        effects: next.effects,
    })
}

fn confirmed(ss: &mut SessionState, pending: Pending) -> Result<Out, String> {
    read_only(ss)?;
    let before = ss.session().clone();
    let s = ss.session_mut();
    match pending {
        Pending::DeleteNode(id) => {
            s.delete_subtree(&id).map_err(|e| e.to_string())?;
        }
        Pending::DeleteAction(id) => {
            s.remove_action(&id).map_err(|e| e.to_string())?;
        }
        Pending::DeleteParticipant(i) if i < s.participants.len() => {
            s.participants.remove(i);
        }
        Pending::DeleteMoment(i) if i < s.intake.key_moments.len() => {
            s.intake.key_moments.remove(i);
        }
        Pending::DeleteLesson(lesson, i) if i < s.lessons(lesson).len() => {
            s.lessons_mut(lesson).remove(i);
        }
        _ => {}
    }
    ss.history.record(before);
    Ok(Out {
        changed: true,
        info: Some(format!(
            "Deleted. {} undoes it.",
            hint(Context::Session, &Action::Undo)
        )),
        ..Out::default()
    })
}

fn picked(
    ss: &mut SessionState,
    purpose: PickFor,
    chosen: Vec<String>,
    now: &Zoned,
) -> Result<Out, String> {
    read_only(ss)?;
    let before = ss.session().clone();
    match purpose {
        PickFor::OfferedBy(id) => {
            if let Some(node) = ss.session_mut().node_mut(&id) {
                node.offered_by = chosen.into_iter().next().filter(|c| !c.is_empty());
            }
        }
        PickFor::Owner(id) => {
            let owner = chosen.into_iter().next().unwrap_or_default();
            Field::ActOwner(id.clone()).write(ss.session_mut(), &owner, now)?;
            team_follows_owner(ss, &id);
        }
        PickFor::Addresses(id) => {
            if let Some(action) = ss.session_mut().action_mut(&id) {
                action.addresses = chosen;
            }
        }
        PickFor::Choice(field) => {
            if let Some(value) = chosen.into_iter().next() {
                field.write(ss.session_mut(), &value, now)?;
            }
        }
    }
    let changed = *ss.session() != before;
    if changed {
        ss.history.record(before);
    }
    Ok(Out::changed(changed))
}

/// The first option shown for `filter`.
fn first_shown(options: &[crate::tui::app::PickOption], filter: &str) -> Option<usize> {
    crate::tui::app::shown(options, filter).first().copied()
}

/// Adds `text` typed (or pasted) to the words that find an option; spaces
/// before any word are nothing.
fn find(filter: &mut String, text: &str) {
    let text = crate::export::sanitize::clean_line(text);
    if !(filter.is_empty() && text.trim().is_empty()) {
        filter.push_str(&text);
    }
}
