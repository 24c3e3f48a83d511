//! What each stage does with its own keys: Intake's form, the Whys tree,
//! the Actions table and Review's went-well list.

use jiff::Zoned;

use super::editing;
use super::session::Out;
use crate::model::{Direction, KeyMoment, Participant, Role, Stage};
use crate::tui::action::Action;
use crate::tui::app::{ACTION_COLUMNS, Pending, PickFor, Popup, SessionState};
use crate::tui::field::{Field, Kind};

fn read_only(ss: &SessionState) -> Result<(), String> {
    match &ss.read_only {
        Some(holder) => Err(format!("Read-only: this session is open in {holder}")),
        None => Ok(()),
    }
}

/// Records an undo step and applies an edit to the session.
fn edit<R>(
    ss: &mut SessionState,
    f: impl FnOnce(&mut crate::model::Session) -> R,
) -> Result<R, String> {
    read_only(ss)?;
    let before = ss.session.clone();
    let result = f(&mut ss.session);
    if ss.session != before {
        ss.history.record(before);
    }
    Ok(result)
}

/// Adds something and opens its first field, as one undo step: undoing
/// removes the new item together with what was typed into it.
fn add_then_edit<R>(
    ss: &mut SessionState,
    add: impl FnOnce(&mut crate::model::Session) -> R,
    field: impl FnOnce(&SessionState, &R) -> Field,
    now: &Zoned,
) -> Result<R, String> {
    read_only(ss)?;
    let before = ss.session.clone();
    let result = add(&mut ss.session);
    let field = field(ss, &result);
    if editing::open(ss, field, now)? {
        if let Some(editor) = ss.editor.as_mut() {
            editor.before = before;
        }
    } else if ss.session != before {
        ss.history.record(before);
    }
    Ok(result)
}

/// Activates a field: text opens an editor, a choice moves on, a button adds.
fn activate(ss: &mut SessionState, field: Field, now: &Zoned) -> Result<Out, String> {
    match field {
        Field::AddPerson => intake(ss, Action::Add, now),
        Field::AddMoment => intake(ss, Action::AddCause, now),
        field => {
            let choice = matches!(field.kind(), Kind::Choice(_));
            editing::open(ss, field, now)?;
            Ok(Out::changed(choice))
        }
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
                    Field::Evidence(id.clone()),
                    Field::Question(id.clone()),
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
            let len = ss.session.went_well.len();
            ss.review_sel =
                (ss.review_sel as isize + step).clamp(0, len.saturating_sub(1) as isize) as usize;
            ss.selected_field()
        }
    };
    if let Some(next) = next
        && matches!(
            next.kind(),
            Kind::Line | Kind::Multi | Kind::Time | Kind::Date | Kind::Number
        )
    {
        editing::open(ss, next, now)?;
    }
    Ok(())
}

/// The Intake form.
pub fn intake(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let rows = ss.intake_fields();
    let field = rows.get(ss.intake_sel).cloned();
    match action {
        Action::Up | Action::PrevField => ss.intake_sel = ss.intake_sel.saturating_sub(1),
        Action::Down | Action::NextField => ss.intake_sel = (ss.intake_sel + 1).min(rows.len() - 1),
        Action::PageUp => ss.intake_sel = ss.intake_sel.saturating_sub(8),
        Action::PageDown => ss.intake_sel = (ss.intake_sel + 8).min(rows.len() - 1),
        Action::Edit => {
            if let Some(field) = field {
                return activate(ss, field, now);
            }
        }
        Action::Left | Action::Right => {
            if let Some(field) = field
                && let Kind::Choice(options) = field.kind()
            {
                editing::cycle(
                    ss,
                    &field,
                    &options,
                    if action == Action::Left { -1 } else { 1 },
                    now,
                )?;
                return Ok(Out::changed(true));
            }
        }
        Action::Add => {
            let index = edit(ss, |s| {
                s.participants.push(Participant {
                    name: String::new(),
                    team: String::new(),
                    role: Role::Participant,
                });
                s.participants.len() - 1
            })?;
            ss.intake_sel = ss
                .intake_fields()
                .iter()
                .position(|f| *f == Field::PersonName(index))
                .unwrap_or(0);
            editing::open(ss, Field::PersonName(index), now)?;
            return Ok(Out::changed(true));
        }
        Action::AddCause => {
            let at = now.timestamp();
            let index = edit(ss, |s| {
                s.intake.key_moments.push(KeyMoment {
                    at,
                    what: String::new(),
                });
                s.intake.key_moments.len() - 1
            })?;
            ss.intake_sel = ss
                .intake_fields()
                .iter()
                .position(|f| *f == Field::MomentAt(index))
                .unwrap_or(0);
            editing::open(ss, Field::MomentAt(index), now)?;
            return Ok(Out::changed(true));
        }
        Action::Delete => {
            let pending = match field {
                Some(Field::PersonName(i) | Field::PersonTeam(i) | Field::PersonRole(i)) => {
                    let name = &ss.session.participants[i].name;
                    Some((
                        format!("Remove participant {:?}?", name),
                        Pending::DeleteParticipant(i),
                    ))
                }
                Some(Field::MomentAt(i) | Field::MomentWhat(i)) => Some((
                    "Remove this key moment?".to_string(),
                    Pending::DeleteMoment(i),
                )),
                _ => None,
            };
            match pending {
                Some((question, on_yes)) => {
                    read_only(ss)?;
                    ss.popup = Some(Popup::Confirm { question, on_yes });
                }
                None => {
                    return Ok(Out::info(
                        "Only participants and key moments can be removed.",
                    ));
                }
            }
        }
        _ => {}
    }
    Ok(Out::default())
}

/// The Whys tree.
pub fn whys(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let order: Vec<String> = ss
        .session
        .why_nodes()
        .iter()
        .map(|(_, n)| n.id.clone())
        .collect();
    let at = ss
        .node_sel
        .as_ref()
        .and_then(|id| order.iter().position(|o| o == id));
    let sel = ss.node_sel.clone();
    let select_and_edit = |ss: &mut SessionState, id: String| -> Result<Out, String> {
        ss.node_sel = Some(id.clone());
        editing::open(ss, Field::Answer(id), now)?;
        Ok(Out::changed(true))
    };
    let add_node = |ss: &mut SessionState,
                    add: &dyn Fn(&mut crate::model::Session) -> Result<String, String>|
     -> Result<Out, String> {
        let id = add_then_edit(
            ss,
            add,
            |_, id| Field::Answer(id.clone().unwrap_or_default()),
            now,
        )??;
        ss.node_sel = Some(id);
        Ok(Out::changed(true))
    };
    match action {
        Action::Up | Action::PrevField => {
            if let Some(i) = at {
                ss.node_sel = Some(order[i.saturating_sub(1)].clone());
            }
        }
        Action::Down | Action::NextField => {
            if let Some(i) = at {
                ss.node_sel = Some(order[(i + 1).min(order.len() - 1)].clone());
            }
        }
        Action::PageUp => {
            if let Some(i) = at {
                ss.node_sel = Some(order[i.saturating_sub(10)].clone());
            }
        }
        Action::PageDown => {
            if let Some(i) = at {
                ss.node_sel = Some(order[(i + 10).min(order.len() - 1)].clone());
            }
        }
        Action::Left => {
            if let Some(parent) = sel.as_deref().and_then(|id| ss.session.parent_of(id)) {
                ss.node_sel = Some(parent.id.clone());
            }
        }
        Action::Right => {
            if let Some(child) = sel
                .as_deref()
                .and_then(|id| ss.session.node(id))
                .and_then(|n| n.children.first())
            {
                ss.node_sel = Some(child.id.clone());
            }
        }
        Action::Edit => match sel {
            Some(id) => return select_and_edit(ss, id),
            None => return whys(ss, Action::AddProblem, now),
        },
        Action::AskWhy => {
            return match sel {
                Some(parent) => add_node(ss, &|s| s.ask_why(&parent).map_err(|e| e.to_string())),
                None => add_node(ss, &|s| Ok(s.add_problem_statement(""))),
            };
        }
        Action::AddCause => {
            return match sel {
                Some(beside) => add_node(ss, &|s| {
                    s.add_sibling_cause(&beside).map_err(|e| e.to_string())
                }),
                None => add_node(ss, &|s| Ok(s.add_problem_statement(""))),
            };
        }
        Action::AddProblem => return add_node(ss, &|s| Ok(s.add_problem_statement(""))),
        Action::MoveUp | Action::MoveDown => {
            if let Some(id) = sel {
                let dir = if action == Action::MoveUp {
                    Direction::Up
                } else {
                    Direction::Down
                };
                let moved = edit(ss, |s| s.move_node(&id, dir))?.map_err(|e| e.to_string())?;
                return Ok(Out::changed(moved));
            }
        }
        Action::ToggleRootCause => {
            if let Some(id) = sel {
                let on = edit(ss, |s| s.toggle_root_cause(&id))?.map_err(|e| e.to_string())?;
                return Ok(Out {
                    changed: true,
                    info: Some(
                        if on {
                            "Marked as a root cause. Add an action for it on stage 3."
                        } else {
                            "No longer a root cause."
                        }
                        .into(),
                    ),
                    ..Out::default()
                });
            }
        }
        Action::CycleConfidence => {
            if let Some(id) = sel {
                edit(ss, |s| {
                    if let Some(node) = s.node_mut(&id) {
                        node.confidence = node.confidence.next();
                    }
                })?;
                return Ok(Out::changed(true));
            }
        }
        Action::PickOfferedBy => {
            if let Some(id) = sel {
                read_only(ss)?;
                if ss.session.participants.is_empty() {
                    return Ok(Out::info(
                        "No participants yet: add them on Intake (1, then a).",
                    ));
                }
                let current = ss.session.node(&id).and_then(|n| n.offered_by.clone());
                let mut options: Vec<(String, String, bool)> = ss
                    .session
                    .participants
                    .iter()
                    .map(|p| (format!("{} ({})", p.name, p.team), p.name.clone(), false))
                    .collect();
                options.push(("nobody in particular".into(), String::new(), false));
                let cursor = options
                    .iter()
                    .position(|o| Some(&o.1) == current.as_ref())
                    .unwrap_or(0);
                ss.popup = Some(Popup::Pick {
                    title: "Who offered this answer?".into(),
                    options,
                    cursor,
                    multi: false,
                    purpose: PickFor::OfferedBy(id),
                });
            }
        }
        Action::Delete => {
            if let Some(id) = sel {
                read_only(ss)?;
                let node = ss.session.node(&id).ok_or("that answer no longer exists")?;
                let below = node.walk().len() - 1;
                let what = if node.answer.is_empty() {
                    "this empty answer".to_string()
                } else {
                    format!("{:?}", crate::export::sanitize::clean_line(&node.answer))
                };
                let question = match below {
                    0 => format!("Delete {what}?"),
                    n => format!("Delete {what} and the {n} answer(s) below it?"),
                };
                ss.popup = Some(Popup::Confirm {
                    question,
                    on_yes: Pending::DeleteNode(id),
                });
            }
        }
        _ => {}
    }
    Ok(Out::default())
}

/// The Actions table.
pub fn actions(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let count = ss.session.actions.len();
    let sel_id = ss.session.actions.get(ss.action_sel).map(|a| a.id.clone());
    match action {
        Action::Up => ss.action_sel = ss.action_sel.saturating_sub(1),
        Action::Down => ss.action_sel = (ss.action_sel + 1).min(count.saturating_sub(1)),
        Action::Left | Action::PrevField => {
            ss.action_col = (ss.action_col + ACTION_COLUMNS - 1) % ACTION_COLUMNS
        }
        Action::Right | Action::NextField => ss.action_col = (ss.action_col + 1) % ACTION_COLUMNS,
        Action::Add => {
            add_then_edit(
                ss,
                |s| s.add_action(now.timestamp()),
                |_, id| SessionState::action_field(id, 0),
                now,
            )?;
            ss.action_sel = ss.session.actions.len() - 1;
            ss.action_col = 0;
            return Ok(Out::changed(true));
        }
        Action::Edit => match ss.selected_field() {
            Some(field) => return activate(ss, field, now),
            None => return actions(ss, Action::Add, now),
        },
        Action::MoveUp | Action::MoveDown => {
            let i = ss.action_sel;
            let j = if action == Action::MoveUp {
                i.checked_sub(1)
            } else {
                (i + 1 < count).then_some(i + 1)
            };
            if let Some(j) = j {
                edit(ss, |s| s.actions.swap(i, j))?;
                ss.action_sel = j;
                return Ok(Out::changed(true));
            }
        }
        Action::PickRootCauses => {
            if let Some(id) = sel_id {
                read_only(ss)?;
                let linked = ss
                    .session
                    .action(&id)
                    .map(|a| a.addresses.clone())
                    .unwrap_or_default();
                let numbers = crate::export::text::outline_numbers(&ss.session);
                let options: Vec<(String, String, bool)> = ss
                    .session
                    .why_nodes()
                    .into_iter()
                    .filter(|(_, n)| n.root_cause || linked.contains(&n.id))
                    .map(|(_, n)| {
                        (
                            format!("{} {}", numbers[&n.id], n.answer),
                            n.id.clone(),
                            linked.contains(&n.id),
                        )
                    })
                    .collect();
                if options.is_empty() {
                    return Ok(Out::info(
                        "No root causes yet: mark them on Whys (2, then r).",
                    ));
                }
                ss.popup = Some(Popup::Pick {
                    title: "Which root causes does this address? (Space ticks)".into(),
                    options,
                    cursor: 0,
                    multi: true,
                    purpose: PickFor::RootCauses(id),
                });
            }
        }
        Action::Delete => {
            if let Some(id) = sel_id {
                read_only(ss)?;
                ss.popup = Some(Popup::Confirm {
                    question: "Delete this action item?".into(),
                    on_yes: Pending::DeleteAction(id),
                });
            }
        }
        _ => {}
    }
    Ok(Out::default())
}

/// Review: the went-well list and the summary.
pub fn review(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let len = ss.session.went_well.len();
    match action {
        Action::Up | Action::PrevField => ss.review_sel = ss.review_sel.saturating_sub(1),
        Action::Down | Action::NextField => {
            ss.review_sel = (ss.review_sel + 1).min(len.saturating_sub(1))
        }
        Action::Copy(format) => {
            return Ok(Out {
                effects: vec![crate::tui::effect::Effect::Copy(format)],
                ..Out::default()
            });
        }
        Action::CyclePreview => {
            ss.preview = ss.preview.next();
            ss.review_scroll = 0;
            return Ok(Out::info(format!("Previewing {}.", ss.preview.label())));
        }
        Action::PageUp => ss.review_scroll = ss.review_scroll.saturating_sub(10),
        Action::PageDown => ss.review_scroll = ss.review_scroll.saturating_add(10),
        Action::Add => {
            let index = add_then_edit(
                ss,
                |s| {
                    s.went_well.push(String::new());
                    s.went_well.len() - 1
                },
                |_, i| Field::WentWell(*i),
                now,
            )?;
            ss.review_sel = index;
            return Ok(Out::changed(true));
        }
        Action::Edit => match ss.selected_field() {
            Some(field) => return activate(ss, field, now),
            None => return review(ss, Action::Add, now),
        },
        Action::Delete if ss.review_sel < len => {
            read_only(ss)?;
            ss.popup = Some(Popup::Confirm {
                question: "Remove this went-well item?".into(),
                on_yes: Pending::DeleteWentWell(ss.review_sel),
            });
        }
        _ => {}
    }
    Ok(Out::default())
}
