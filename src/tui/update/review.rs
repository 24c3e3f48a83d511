//! The Review stage: the lists of lessons (went well, went wrong, got
//! lucky), previews and copying.

use jiff::Zoned;

use super::session::Out;
use super::stages::{activate, add_then_edit, read_only};
use crate::model::Lesson;
use crate::tui::action::Action;
use crate::tui::app::{Pending, Popup, SessionMode, SessionState};
use crate::tui::field::Field;

/// The list the selected row belongs to.
fn selected_list(ss: &SessionState) -> Lesson {
    match ss.selected_field() {
        Some(Field::AddLesson(lesson) | Field::Lesson(lesson, _)) => lesson,
        _ => Lesson::Well,
    }
}

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
        Action::Add => {
            let lesson = selected_list(ss);
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
