//! Actions inside an open session: popups, the open field, and everything
//! that is the same on every stage (stage jumps, undo, timer, presenter).

use jiff::Zoned;

use super::editing;
use super::stages;
use crate::model::Stage;
use crate::tui::action::Action;
use crate::tui::app::{Pending, PickFor, Popup, SaveState, SessionState, Status};
use crate::tui::effect::Effect;

/// What handling an action did.
#[derive(Debug, Default)]
pub struct Out {
    /// The session changed: save it.
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
    let stage_before = ss.stage();
    let result = if ss.popup.is_some() {
        popup(ss, action, now)
    } else if ss.editor.is_some() {
        editor(ss, action, now)
    } else {
        common(ss, action, now)
    };
    ss.clamp();
    match result {
        Ok(out) => {
            if let Some(text) = out.info {
                *status = Some(Status {
                    text,
                    is_error: false,
                    shown: Some(now.timestamp()),
                });
            }
            let mut effects = out.effects;
            if out.changed {
                ss.session.updated = now.timestamp();
            }
            if (out.changed || ss.stage() != stage_before) && ss.read_only.is_none() {
                if !matches!(ss.save, SaveState::Failed(_)) {
                    ss.save = SaveState::Pending;
                }
                effects.push(Effect::Save);
            }
            effects
        }
        Err(reason) => {
            *status = Some(Status {
                text: reason,
                is_error: true,
                shown: None,
            });
            Vec::new()
        }
    }
}

fn editor(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    match action {
        Action::Commit | Action::Back => Ok(Out::changed(editing::commit(ss, now)?)),
        Action::NextField | Action::PrevField => {
            let field = ss.editor.as_ref().map(|e| e.field.clone());
            let changed = editing::commit(ss, now)?;
            let step = if action == Action::NextField { 1 } else { -1 };
            if let Some(field) = field {
                stages::tab_from(ss, &field, step, now)?;
            }
            Ok(Out::changed(changed))
        }
        Action::Input(key) => Ok(Out::changed(editing::input(ss, key, now))),
        Action::Paste(text) => Ok(Out::changed(editing::paste(ss, &text, now))),
        Action::Newline => Ok(Out::changed(editing::newline(ss, now))),
        _ => Ok(Out::default()),
    }
}

fn refuse_read_only(ss: &SessionState) -> Result<(), String> {
    match &ss.read_only {
        Some(holder) => Err(format!("Read-only: this session is open in {holder}")),
        None => Ok(()),
    }
}

fn common(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    if ss.presenter
        && matches!(
            action,
            Action::Edit
                | Action::AskWhy
                | Action::AddCause
                | Action::AddProblem
                | Action::Add
                | Action::Back
        )
    {
        ss.presenter = false;
        if action == Action::Back {
            return Ok(Out::default());
        }
    }
    match action {
        Action::GoStage(stage) => {
            ss.session.stage = stage;
            Ok(Out::default())
        }
        Action::GoHome => Ok(Out {
            effects: vec![Effect::Close {
                session: Box::new(ss.session.clone()),
                path: ss.path.clone(),
                read_only: ss.read_only.is_some(),
            }],
            ..Out::default()
        }),
        Action::Undo | Action::Redo => {
            refuse_read_only(ss)?;
            let restored = if action == Action::Undo {
                ss.history.undo(&ss.session)
            } else {
                ss.history.redo(&ss.session)
            };
            match restored {
                Some(session) => {
                    ss.session = session;
                    Ok(Out {
                        changed: true,
                        info: Some(
                            if action == Action::Undo {
                                "Undone."
                            } else {
                                "Redone."
                            }
                            .into(),
                        ),
                        ..Out::default()
                    })
                }
                None => Ok(Out::info(if action == Action::Undo {
                    "Nothing to undo."
                } else {
                    "Nothing to redo."
                })),
            }
        }
        Action::TogglePresenter => {
            ss.presenter = !ss.presenter;
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
        Action::CycleTimebox => {
            ss.timer.cycle_timebox(ss.stage(), now.timestamp());
            Ok(Out::info(
                match ss.timer.remaining(ss.stage(), now.timestamp()) {
                    Some(left) => format!("Timebox for {}: {} min.", ss.stage().label(), left / 60),
                    None => format!("No timebox for {}.", ss.stage().label()),
                },
            ))
        }
        Action::Paste(text) => {
            refuse_read_only(ss)?;
            let opened = match ss.selected_field() {
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

fn popup(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let Some(popup) = ss.popup.as_mut() else {
        return Ok(Out::default());
    };
    match (popup, action) {
        (_, Action::Back) => {
            ss.popup = None;
            Ok(Out::default())
        }
        (Popup::Confirm { on_yes, .. }, Action::Confirm | Action::Commit) => {
            let pending = on_yes.clone();
            ss.popup = None;
            refuse_read_only(ss)?;
            let before = ss.session.clone();
            let s = &mut ss.session;
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
                Pending::DeleteWentWell(i) if i < s.went_well.len() => {
                    s.went_well.remove(i);
                }
                _ => {}
            }
            ss.history.record(before);
            Ok(Out {
                changed: true,
                info: Some("Deleted. u undoes it.".into()),
                ..Out::default()
            })
        }
        (
            Popup::Pick {
                options, cursor, ..
            },
            Action::Up,
        ) => {
            *cursor = cursor
                .checked_sub(1)
                .unwrap_or(options.len().saturating_sub(1));
            Ok(Out::default())
        }
        (
            Popup::Pick {
                options, cursor, ..
            },
            Action::Down,
        ) => {
            *cursor = if *cursor + 1 >= options.len() {
                0
            } else {
                *cursor + 1
            };
            Ok(Out::default())
        }
        (
            Popup::Pick {
                options,
                cursor,
                multi: true,
                ..
            },
            Action::ToggleOption,
        ) => {
            if let Some(option) = options.get_mut(*cursor) {
                option.2 = !option.2;
            }
            Ok(Out::default())
        }
        (
            Popup::Pick {
                options,
                cursor,
                multi,
                purpose,
                ..
            },
            Action::Confirm | Action::Commit,
        ) => {
            let chosen: Vec<String> = if *multi {
                options
                    .iter()
                    .filter(|o| o.2)
                    .map(|o| o.1.clone())
                    .collect()
            } else {
                options
                    .get(*cursor)
                    .map(|o| o.1.clone())
                    .into_iter()
                    .collect()
            };
            let purpose = purpose.clone();
            ss.popup = None;
            refuse_read_only(ss)?;
            let before = ss.session.clone();
            match purpose {
                PickFor::OfferedBy(id) => {
                    if let Some(node) = ss.session.node_mut(&id) {
                        node.offered_by = chosen.into_iter().next().filter(|c| !c.is_empty());
                    }
                }
                PickFor::Owner(id) => {
                    let owner = chosen.into_iter().next().unwrap_or_default();
                    crate::tui::field::Field::ActOwner(id).write(&mut ss.session, &owner, now)?;
                }
                PickFor::RootCauses(id) => {
                    if let Some(action) = ss.session.action_mut(&id) {
                        action.addresses = chosen;
                    }
                }
            }
            let changed = ss.session != before;
            if changed {
                ss.history.record(before);
            }
            Ok(Out::changed(changed))
        }
        _ => Ok(Out::default()),
    }
}
