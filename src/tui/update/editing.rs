//! Opening, typing into, and closing text fields. Line and multi-line text
//! is written into the session on every key so that autosave keeps it even
//! if the meeting ends abruptly; times, dates and numbers are written when
//! they parse. One undo step covers one visit to a field. Opening a field,
//! moving in it or leaving it unchanged changes nothing.

use jiff::Zoned;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::choice;
use super::stages::{read_only, team_follows_owner};
use crate::export::sanitize::{clean_line, clean_text};
use crate::tui::app::{Editor, SessionMode, SessionState};
use crate::tui::field::{Field, Kind};

/// Why a field could not be opened or closed.
pub type Refusal = String;

/// Opens `field`: a text editor, or for a choice a list opened on the
/// current value. Returns whether a text editor opened. Buttons are
/// handled by the caller.
pub fn open(ss: &mut SessionState, field: Field, now: &Zoned) -> Result<bool, Refusal> {
    read_only(ss)?;
    match field.kind() {
        Kind::Choice => {
            let options = field.choices(ss.session());
            choice::open(ss, field, &options, now);
            Ok(false)
        }
        Kind::Button => Ok(false),
        _ => {
            let (text, placeholder) = match &field {
                // A question not typed yet is empty, with the default
                // wording shown as a placeholder: nothing to delete first.
                Field::Question(id) => (
                    ss.session()
                        .node(id)
                        .map(|n| n.question.clone())
                        .unwrap_or_default(),
                    Some(ss.session().default_question_for(id)),
                ),
                // An answer's words, found through the outline.
                Field::Answer(id) | Field::Evidence(id) => (
                    (ss.answer(id).and_then(|n| field.words_of(n)))
                        .unwrap_or_default()
                        .to_string(),
                    None,
                ),
                _ => (field.read(ss.session(), now), None),
            };
            let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
            let mut area = TextArea::new(lines);
            area.set_wrap_mode(WrapMode::WordOrGlyph);
            if let Some(placeholder) = placeholder {
                area.set_placeholder_text(clean_line(&placeholder));
                area.set_placeholder_style(Style::default().add_modifier(Modifier::DIM));
            }
            area.move_cursor(CursorMove::Bottom);
            area.move_cursor(CursorMove::End);
            // A time, date or number is usually replaced, not edited: it
            // opens selected, so typing replaces it (an arrow key keeps it).
            if matches!(field.kind(), Kind::Time | Kind::Date | Kind::Number) && !text.is_empty() {
                area.select_all();
            }
            ss.mode = SessionMode::Editing(Box::new(Editor {
                field,
                area,
                error: None,
                original: text,
                fresh: None,
                before: ss.session().clone(),
            }));
            Ok(true)
        }
    }
}

/// Applies a key to the open editor; returns whether the session changed.
pub fn input(ss: &mut SessionState, key: crossterm::event::KeyEvent, now: &Zoned) -> bool {
    let Some(editor) = ss.editor_mut() else {
        return false;
    };
    // A single-line field never takes a newline from the keyboard.
    if editor.field.kind() != Kind::Multi && matches!(key.code, crossterm::event::KeyCode::Enter) {
        return false;
    }
    // The box holds clean text only: control and bidi characters typed
    // (or sent by a hostile terminal) are dropped here, and pastes are
    // cleaned, so what is typed never needs cleaning again.
    if let crossterm::event::KeyCode::Char(c) = key.code
        && crate::export::sanitize::is_unsafe_char(c)
    {
        return false;
    }
    if !editor.area.input(key) {
        // The cursor moved; the text did not change.
        return false;
    }
    live_write(ss, now)
}

/// Inserts characters typed in a row (one edit for all of them).
pub fn type_text(ss: &mut SessionState, text: &str, now: &Zoned) -> bool {
    let Some(editor) = ss.editor_mut() else {
        return false;
    };
    let clean: String = text
        .chars()
        .filter(|c| !crate::export::sanitize::is_unsafe_char(*c))
        .collect();
    if clean.is_empty() || !editor.area.insert_str(clean) {
        return false;
    }
    live_write(ss, now)
}

/// Inserts pasted text, cleaned of control characters and escapes.
pub fn paste(ss: &mut SessionState, text: &str, now: &Zoned) -> bool {
    let Some(editor) = ss.editor_mut() else {
        return false;
    };
    let cleaned = if editor.field.kind() == Kind::Multi {
        clean_text(text)
    } else {
        clean_line(text)
    };
    editor.area.insert_str(cleaned);
    live_write(ss, now)
}

/// Empties the open field.
pub fn clear(ss: &mut SessionState, now: &Zoned) -> bool {
    let Some(editor) = ss.editor_mut() else {
        return false;
    };
    editor.area.select_all();
    if !editor.area.cut() {
        return false;
    }
    live_write(ss, now)
}

/// A new line in a multi-line field.
pub fn newline(ss: &mut SessionState, now: &Zoned) -> bool {
    let Some(editor) = ss.editor_mut() else {
        return false;
    };
    if editor.field.kind() != Kind::Multi {
        return false;
    }
    editor.area.insert_newline();
    live_write(ss, now)
}

/// Writes the editor's text into the session if the field takes text as
/// typed; returns whether the stored value changed.
fn live_write(ss: &mut SessionState, now: &Zoned) -> bool {
    let Some(editor) = ss.editor() else {
        return false;
    };
    let field = editor.field.clone();
    match field.kind() {
        Kind::Line | Kind::Multi => {
            let text = editor.text();
            let changed = write_field(ss, &field, &text, now, true);
            if let Some(editor) = ss.editor_mut() {
                editor.error = changed.as_ref().err().cloned();
            }
            changed.unwrap_or(false)
        }
        _ => {
            if let Some(editor) = ss.editor_mut() {
                editor.error = None;
            }
            false
        }
    }
}

/// Writes `text` to `field`, with what follows from it (the team follows a
/// picked owner; a team typed by hand is the user's). Returns whether the
/// stored value changed.
fn write_field(
    ss: &mut SessionState,
    field: &Field,
    text: &str,
    now: &Zoned,
    typed: bool,
) -> Result<bool, Refusal> {
    if let Field::Answer(id) | Field::Evidence(id) = field {
        // Found through the outline: typing into an answer of a 5,000-answer
        // tree walks none of it. An edit box holds clean text; anything else
        // is cleaned first, as `Field::write` does.
        let clean = if typed { text.into() } else { clean_line(text) };
        let changed = ss.change_answer(id, |node| field.write_typed_words(node, &clean));
        return changed
            .flatten()
            .ok_or_else(|| "that answer no longer exists".to_string());
    }
    let before = field.read(ss.session(), now);
    let write = |s: &mut crate::model::Session| match typed {
        true => field.write_typed(s, text, now),
        false => field.write(s, text, now),
    };
    // The first problem statement written on Intake adds the tree's
    // first node when there is none yet: that changes the outline.
    let adds_a_node = matches!(field, Field::Problem) && ss.session().whys.is_empty();
    if field.leaves_outline() && !adds_a_node {
        ss.change_words(write)?;
    } else {
        write(ss.session_mut())?;
    }
    let changed = field.read(ss.session(), now) != before;
    if changed {
        match field {
            Field::ActOwner(id) => team_follows_owner(ss, id),
            Field::ActTeam(id) => {
                ss.auto_team.remove(id);
            }
            _ => {}
        }
    }
    Ok(changed)
}

/// Closes the editor, writing its text. A time, date or number that does
/// not parse keeps the editor open with the reason. Returns whether the
/// session changed while the field was open.
pub fn commit(ss: &mut SessionState, now: &Zoned) -> Result<bool, Refusal> {
    commit_leaving(ss, now, false)
}

/// Like [`commit`]; `moving_on` says the facilitator goes on to the next
/// field of the same item (Tab), which keeps a new item even if its first
/// field was left as it was (a key moment's time).
pub fn commit_leaving(
    ss: &mut SessionState,
    now: &Zoned,
    moving_on: bool,
) -> Result<bool, Refusal> {
    let Some(editor) = ss.editor() else {
        return Ok(false);
    };
    let (field, text) = (editor.field.clone(), editor.text());
    // Text left as it was is not written again: a time shown to the minute
    // would otherwise lose its seconds.
    let untouched = text == editor.original;
    if editor.fresh.is_some() && !moving_on && still_empty(ss, &field, &text, untouched, now) {
        return Ok(discard(ss));
    }
    if let Err(reason) = if untouched {
        Ok(false)
    } else {
        write_field(ss, &field, &text, now, false)
    } {
        if let Some(editor) = ss.editor_mut() {
            editor.error = Some(reason.clone());
        }
        return Err(reason);
    }
    let SessionMode::Editing(editor) = std::mem::replace(&mut ss.mode, SessionMode::Browse) else {
        return Ok(false);
    };
    let changed = *ss.session() != editor.before;
    if changed {
        ss.history.record(editor.before);
    }
    Ok(changed)
}

/// Whether the item just added is still as it was added, once the open
/// field's `text` is counted (blank text counts as nothing typed).
fn still_empty(
    ss: &mut SessionState,
    field: &Field,
    text: &str,
    untouched: bool,
    now: &Zoned,
) -> bool {
    let Some(added) = ss
        .editor()
        .and_then(|e| e.fresh.as_ref())
        .map(|f| f.added.clone())
    else {
        return false;
    };
    if untouched {
        return same_but_stamps(ss.session(), &added);
    }
    if !text.trim().is_empty() {
        return false;
    }
    // Spaces typed and live-written are nothing: try the item as if the
    // field were empty.
    let mut probe = ss.session().clone();
    let _ = field.write_typed(&mut probe, "", now);
    same_but_stamps(&probe, &added)
}

/// Whether two versions of a session record the same, apart from when it
/// was last changed and the time zone a first change stamps on it (both
/// written after the item was added).
pub(super) fn same_but_stamps(a: &crate::model::Session, b: &crate::model::Session) -> bool {
    let mut a = a.clone();
    a.updated = b.updated;
    a.time_zone.clone_from(&b.time_zone);
    a == *b
}

/// Removes from `s` the item `field` belongs to: what taking back an item
/// just added removes.
pub(super) fn take_back(field: &Field, s: &mut crate::model::Session) {
    match field {
        Field::Answer(id) | Field::Question(id) | Field::Evidence(id) => {
            let _ = s.delete_subtree(id);
        }
        Field::ActDescription(id)
        | Field::ActOwner(id)
        | Field::ActTeam(id)
        | Field::ActDue(id)
        | Field::ActPriority(id)
        | Field::ActStatus(id)
        | Field::ActNote(id)
        | Field::ActLink(id) => {
            let _ = s.remove_action(id);
        }
        Field::PersonName(i)
        | Field::PersonTeam(i)
        | Field::PersonRole(i)
        | Field::PersonEmail(i)
            if *i < s.participants.len() =>
        {
            s.participants.remove(*i);
        }
        Field::MomentAt(i) | Field::MomentWhat(i) if *i < s.intake.key_moments.len() => {
            s.intake.key_moments.remove(*i);
        }
        Field::Lesson(lesson, i) if *i < s.lessons(*lesson).len() => {
            s.lessons_mut(*lesson).remove(*i);
        }
        _ => {}
    }
}

/// Leaves the open field for the next one of the same item (Tab), never
/// closing the item: an item just added stays, however empty, and what
/// is typed in its fields is one undo step. Returns whether the session
/// changed, and what the next field carries over.
pub fn tab_away(ss: &mut SessionState, now: &Zoned) -> Result<(bool, Option<Carry>), Refusal> {
    let fresh = ss.editor().and_then(|e| e.fresh.clone());
    let Some(fresh) = fresh else {
        return Ok((commit_leaving(ss, now, true)?, None));
    };
    let Some(editor) = ss.editor() else {
        return Ok((false, None));
    };
    let (field, text, untouched) = (
        editor.field.clone(),
        editor.text(),
        editor.text() == editor.original,
    );
    if !untouched && let Err(reason) = write_field(ss, &field, &text, now, false) {
        if let Some(editor) = ss.editor_mut() {
            editor.error = Some(reason.clone());
        }
        return Err(reason);
    }
    let SessionMode::Editing(editor) = std::mem::replace(&mut ss.mode, SessionMode::Browse) else {
        return Ok((false, None));
    };
    let changed = *ss.session() != editor.before;
    Ok((
        changed,
        Some(Carry {
            before: editor.before,
            fresh,
        }),
    ))
}

/// What an item just added carries from one of its fields to the next.
#[derive(Debug)]
pub struct Carry {
    /// The session before the item was added (one undo step for it all).
    pub before: crate::model::Session,
    /// That it is new.
    pub fresh: crate::tui::app::Fresh,
}

/// Hands `carry` to the field now open; with none open (the next field is
/// a list, or there is none), the item's undo step is recorded now.
pub fn carry_on(ss: &mut SessionState, carry: Carry) {
    match ss.editor_mut() {
        Some(editor) => {
            editor.before = carry.before;
            editor.fresh = Some(carry.fresh);
        }
        None => {
            if *ss.session() != carry.before {
                ss.history.record(carry.before);
            }
        }
    }
}

/// Closes the editor without writing its text (which could not be used);
/// returns whether the session changed while the field was open.
pub fn abandon(ss: &mut SessionState) -> bool {
    let SessionMode::Editing(editor) = std::mem::replace(&mut ss.mode, SessionMode::Browse) else {
        return false;
    };
    let changed = *ss.session() != editor.before;
    if changed {
        ss.history.record(editor.before);
    }
    changed
}

/// Takes back an item just added whose first field was left with nothing
/// typed, as if it had never been added; returns whether the session
/// differs from before the add (it was saved meanwhile, so it must be again).
fn discard(ss: &mut SessionState) -> bool {
    let SessionMode::Editing(editor) = std::mem::replace(&mut ss.mode, SessionMode::Browse) else {
        return false;
    };
    let editor = *editor;
    if let Some(fresh) = editor.fresh {
        ss.node_sel = fresh.selected;
    }
    let changed = *ss.session() != editor.before;
    *ss.session_mut() = editor.before;
    ss.taken_back = true;
    changed
}
