//! The Review stage: the lists of lessons (went well, went wrong, got
//! lucky), previews and copying.

use jiff::Zoned;

use super::session::Out;
use super::stages::{activate, add_then_edit, read_only};
use crate::model::Lesson;
use crate::tui::action::Action;
use crate::tui::app::{Pending, Popup, SessionMode, SessionState};
use crate::tui::field::Field;

/// Adds an item to `lesson` and opens it for typing.
pub fn add(ss: &mut SessionState, lesson: Lesson, now: &Zoned) -> Result<Out, String> {
    let index = add_then_edit(
        ss,
        |s| {
            s.lessons_mut(lesson).push(String::new());
            s.lessons(lesson).len() - 1
        },
        |_, i| Field::Lesson(lesson, *i),
        now,
    )?;
    ss.review_sel = ss
        .review_fields()
        .iter()
        .position(|f| *f == Field::Lesson(lesson, index))
        .unwrap_or(0);
    Ok(Out::changed(true))
}

/// Turns the answer `id` (a belief or unsure) into an open action
/// "Verify: …" addressing it, unless one already does.
pub fn verify(ss: &mut SessionState, id: &str, now: &Zoned) -> Result<Out, String> {
    let Some(node) = ss.session().node(id) else {
        return Ok(Out::default());
    };
    let description = format!("Verify: {}", node.answer.trim());
    if let Some(i) =
        ss.session().actions.iter().position(|a| {
            a.addresses.iter().any(|n| n == id) && a.description.starts_with("Verify:")
        })
    {
        return Ok(Out::info(format!(
            "A{} already verifies this answer.",
            i + 1
        )));
    }
    let created = super::stages::edit(ss, |s| {
        let action = s.add_action(now.timestamp());
        let due = crate::config::current().default_due(now.date());
        if let Some(a) = s.action_mut(&action) {
            a.description = description.clone();
            a.addresses.push(id.to_string());
            a.due = due;
        }
        true
    })?;
    let number = ss.session().actions.len();
    Ok(Out {
        changed: created,
        info: Some(format!(
            "Added A{number} \u{201c}{}\u{201d}: give it an owner and a date on Actions.",
            crate::tui::widths::fit(&description, 50)
        )),
        ..Out::default()
    })
}

/// Review: the lists of lessons and the summary.
pub fn review(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let last = ss.review_fields().len().saturating_sub(1);
    match action {
        Action::Up | Action::PrevField => ss.review_sel = ss.review_sel.saturating_sub(1),
        Action::Down | Action::NextField => ss.review_sel = (ss.review_sel + 1).min(last),
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
        Action::First => ss.review_scroll = 0,
        Action::Last => ss.review_scroll = u16::MAX,
        Action::Verify => {
            return match ss.selected_field() {
                Some(Field::ToVerify(id)) => verify(ss, &id, now),
                _ => Ok(Out::info(
                    "Select an answer under \u{201c}To verify\u{201d} first: beliefs and unsure answers are listed there.",
                )),
            };
        }
        Action::Add => {
            let lesson = ss.review_list();
            return add(ss, lesson, now);
        }
        Action::Edit => match ss.selected_field() {
            Some(field) => return activate(ss, field, now),
            None => return add(ss, Lesson::Well, now),
        },
        Action::Delete => {
            if let Some(Field::Lesson(lesson, i)) = ss.selected_field() {
                read_only(ss)?;
                ss.mode = SessionMode::Popup(Popup::Confirm {
                    question: format!("Remove this from \u{201c}{}\u{201d}?", lesson.heading()),
                    on_yes: Pending::DeleteLesson(lesson, i),
                });
            }
        }
        _ => {}
    }
    Ok(Out::default())
}
