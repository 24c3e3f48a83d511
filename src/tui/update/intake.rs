//! The Intake stage: the incident form, participants and key moments.

use jiff::Zoned;

use super::session::Out;
use super::stages::{activate, add_then_edit, read_only};
use crate::model::{KeyMoment, Participant, Role};
use crate::tui::action::Action;
use crate::tui::app::{Pending, Popup, SessionMode, SessionState};
use crate::tui::field::Field;

/// The rows of the form as (first field index, number of cells): a
/// participant is one row of name, team and role; a key moment one of time
/// and what happened; every other field a row of its own.
fn row_spans(fields: &[Field]) -> Vec<(usize, usize)> {
    let group = |f: &Field| match f {
        Field::PersonName(i)
        | Field::PersonTeam(i)
        | Field::PersonRole(i)
        | Field::PersonEmail(i) => Some((0, *i)),
        Field::MomentAt(i) | Field::MomentWhat(i) => Some((1, *i)),
        _ => None,
    };
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        match spans.last_mut() {
            Some((start, len)) if group(f).is_some() && group(&fields[*start]) == group(f) => {
                *len += 1
            }
            _ => spans.push((i, 1)),
        }
    }
    spans
}

/// The field `rows` rows away from `at`, in the same column where the row
/// has one.
fn move_rows(fields: &[Field], at: usize, rows: isize) -> usize {
    let spans = row_spans(fields);
    let Some(row) = spans.iter().position(|(s, l)| (*s..s + l).contains(&at)) else {
        return at;
    };
    let col = at - spans[row].0;
    let target = (row as isize + rows).clamp(0, spans.len() as isize - 1) as usize;
    let (start, len) = spans[target];
    start + col.min(len - 1)
}

/// The Intake form.
pub fn intake(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let rows = ss.intake_fields();
    let field = rows.get(ss.intake_sel).cloned();
    let at = ss.intake_sel;
    match action {
        Action::Up => ss.intake_sel = move_rows(&rows, at, -1),
        Action::Down => ss.intake_sel = move_rows(&rows, at, 1),
        Action::PageUp => ss.intake_sel = move_rows(&rows, at, -8),
        Action::PageDown => ss.intake_sel = move_rows(&rows, at, 8),
        Action::First => ss.intake_sel = 0,
        Action::Last => ss.intake_sel = rows.len() - 1,
        Action::PrevField => ss.intake_sel = at.saturating_sub(1),
        Action::NextField => ss.intake_sel = (at + 1).min(rows.len() - 1),
        Action::Left | Action::Right => {
            let spans = row_spans(&rows);
            if let Some((start, len)) = spans.into_iter().find(|(s, l)| (*s..s + l).contains(&at)) {
                ss.intake_sel = if action == Action::Left {
                    at.saturating_sub(1).max(start)
                } else {
                    (at + 1).min(start + len - 1)
                };
            }
        }
        Action::Edit => {
            if let Some(field) = field {
                return activate(ss, field, now);
            }
        }
        Action::Add => {
            let index = add_then_edit(
                ss,
                |s| {
                    s.participants.push(Participant {
                        name: String::new(),
                        team: String::new(),
                        role: Role::Participant,
                        email: None,
                    });
                    s.participants.len() - 1
                },
                |_, i| Field::PersonName(*i),
                now,
            )?;
            ss.intake_sel = ss
                .intake_fields()
                .iter()
                .position(|f| *f == Field::PersonName(index))
                .unwrap_or(0);
            return Ok(Out::changed(true));
        }
        Action::AddMoment => {
            // To the minute: the time field shows minutes, and leaving it
            // unchanged must not change it.
            let second = now.timestamp().as_second();
            let at = jiff::Timestamp::from_second(second - second.rem_euclid(60))
                .unwrap_or(now.timestamp());
            let index = add_then_edit(
                ss,
                |s| {
                    s.intake.key_moments.push(KeyMoment {
                        at,
                        what: String::new(),
                    });
                    s.intake.key_moments.len() - 1
                },
                |_, i| Field::MomentAt(*i),
                now,
            )?;
            ss.intake_sel = ss
                .intake_fields()
                .iter()
                .position(|f| *f == Field::MomentAt(index))
                .unwrap_or(0);
            return Ok(Out::changed(true));
        }
        Action::Delete => {
            let pending = match field {
                Some(
                    Field::PersonName(i)
                    | Field::PersonTeam(i)
                    | Field::PersonRole(i)
                    | Field::PersonEmail(i),
                ) => {
                    let name = &ss.session().participants[i].name;
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
                    ss.mode = SessionMode::Popup(Popup::Confirm { question, on_yes });
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
