//! The Whys stage: navigating and editing the why tree.

use jiff::Zoned;

use super::editing;
use super::session::Out;
use super::stages::{add_then_edit, edit, edit_answer, pick_participant, read_only};
use crate::model::{Confidence, Direction, Stage, WhyNode};
use crate::tui::action::Action;
use crate::tui::app::{Pending, PickFor, Popup, SessionMode, SessionState};
use crate::tui::field::Field;
use crate::tui::keymap::{Context, hint};

/// Moves the selection through the tree (also used by the presenter view).
pub fn navigate(ss: &mut SessionState, action: &Action) {
    let target = target_of(ss, action);
    if let Some(target) = target {
        ss.node_sel = Some(target);
    }
}

/// Where a move goes from the selection; ids are borrowed, not copied,
/// until the one chosen.
fn target_of(ss: &SessionState, action: &Action) -> Option<String> {
    let (s, outline) = (ss.session(), ss.outline());
    let sel = ss.node_sel.as_deref();
    let beside = |offset: isize| outline.beside(s, sel, offset).map(|n| n.id.clone());
    let at = sel.and_then(|id| outline.position(s, id));
    match action {
        Action::Left => at
            .and_then(|at| outline.parent(s, at))
            .map(|p| p.id.clone()),
        Action::Right => (at.and_then(|at| outline.node(s, at)))
            .and_then(|(_, n)| n.children.first())
            .map(|c| c.id.clone()),
        Action::First => beside(isize::MIN),
        Action::Last => beside(isize::MAX),
        Action::Up | Action::PrevField => beside(-1),
        Action::Down | Action::NextField => beside(1),
        Action::PageUp => beside(-10),
        Action::PageDown => beside(10),
        _ => None,
    }
}

/// The Whys tree.
pub fn whys(ss: &mut SessionState, action: Action, now: &Zoned) -> Result<Out, String> {
    let sel = ss.node_sel.clone();
    // A new answer opens its answer, or with `q` its question (typed
    // first, as the room asked it); it is as sure as the settings say.
    let question_first = action == Action::AskQuestion && sel.is_some();
    let first_field = move |id: String| match question_first {
        true => Field::Question(id),
        false => Field::Answer(id),
    };
    let add_node = |ss: &mut SessionState,
                    add: &dyn Fn(&mut crate::model::Session) -> Result<String, String>|
     -> Result<Out, String> {
        let id = add_then_edit(
            ss,
            |s| {
                let id = add(s)?;
                let sure = crate::config::current().new_answer_confidence();
                if let Some(node) = s.node_mut(&id)
                    && node.confidence != Confidence::Fact
                {
                    node.confidence = sure;
                }
                Ok::<_, String>(id)
            },
            |_, id| first_field(id.clone().unwrap_or_default()),
            now,
        )??;
        ss.node_sel = Some(id);
        Ok(Out::changed(true))
    };
    match action {
        Action::Up
        | Action::Down
        | Action::PrevField
        | Action::NextField
        | Action::PageUp
        | Action::PageDown
        | Action::First
        | Action::Last
        | Action::Left
        | Action::Right => navigate(ss, &action),
        Action::Edit => match sel {
            Some(id) => {
                editing::open(ss, Field::Answer(id), now)?;
            }
            None => return whys(ss, Action::AddProblem, now),
        },
        Action::AskWhy | Action::AskQuestion | Action::AddCause => {
            let Some(sel) = sel else {
                return add_node(ss, &|s| Ok(s.add_problem_statement("")));
            };
            let (path, id) = ss
                .place_for_new(&sel)
                .ok_or("that answer no longer exists")?;
            return add_node(ss, &move |s| {
                let added = match action {
                    Action::AskWhy | Action::AskQuestion => s.ask_why_at(&path, id.clone()),
                    _ => s.add_sibling_at(&path, id.clone()),
                };
                added.map_err(|e| e.to_string())
            });
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
                let (s, outline) = (ss.session(), ss.outline());
                let is_problem = (outline.position(s, &id))
                    .and_then(|at| outline.node(s, at))
                    .is_some_and(|(depth, _)| depth == 0);
                if is_problem {
                    return Ok(Out::info(
                        "A problem statement is what happened; its root causes are among the answers below it.",
                    ));
                }
                let on = edit_answer(ss, &id, WhyNode::toggle_root_cause)?;
                let info = if on {
                    format!(
                        "Marked as a root cause. Add an action for it on Actions ({}).",
                        hint(Context::Session, &Action::GoStage(Stage::Actions))
                    )
                } else {
                    "No longer a root cause.".to_string()
                };
                return Ok(Out {
                    changed: true,
                    info: Some(info),
                    ..Out::default()
                });
            }
        }
        Action::SetConfidence(level) => {
            if let Some(id) = sel {
                return set_confidence(ss, &id, level);
            }
        }
        Action::PickOfferedBy => {
            if let Some(id) = sel {
                let current = ss.session().node(&id).and_then(|n| n.offered_by.clone());
                return pick_participant(
                    ss,
                    "Who offered this answer?",
                    "nobody in particular",
                    current,
                    PickFor::OfferedBy(id),
                );
            }
        }
        Action::Delete => {
            if let Some(id) = sel {
                read_only(ss)?;
                let node = ss
                    .session()
                    .node(&id)
                    .ok_or("that answer no longer exists")?;
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
                ss.mode = SessionMode::Popup(Popup::Confirm {
                    question,
                    on_yes: Pending::DeleteNode(id),
                });
            }
        }
        _ => {}
    }
    Ok(Out::default())
}

fn set_confidence(ss: &mut SessionState, id: &str, level: Confidence) -> Result<Out, String> {
    let (s, outline) = (ss.session(), ss.outline());
    let at = outline
        .position(s, id)
        .ok_or("that answer no longer exists")?;
    if outline.node(s, at).is_some_and(|(depth, _)| depth == 0) {
        return Ok(Out::info(
            "A problem statement is what happened; confidence is for the answers below it.",
        ));
    }
    // The key of the level an answer has takes the rating back.
    let mut now_is = level;
    let changed = edit_answer(ss, id, |node| {
        if node.confidence == level {
            now_is = Confidence::NotRated;
        }
        node.confidence = now_is;
        true
    })?;
    Ok(Out {
        changed,
        info: Some(format!("How sure: {}.", now_is.label())),
        ..Out::default()
    })
}
