//! Opening, typing into, and closing text fields. Line and multi-line text
//! is written into the session on every key so that autosave keeps it even
//! if the meeting ends abruptly; times, dates and numbers are written when
//! they parse. One undo step covers one visit to a field.

use jiff::Zoned;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::export::sanitize::{clean_line, clean_text};
use crate::tui::app::{Editor, SessionState};
use crate::tui::field::{Field, Kind};

/// Why a field could not be opened or closed.
pub type Refusal = String;

/// Opens a text editor on `field`. Choices cycle instead; buttons are
/// handled by the caller.
pub fn open(ss: &mut SessionState, field: Field, now: &Zoned) -> Result<bool, Refusal> {
    if let Some(holder) = &ss.read_only {
        return Err(format!("Read-only: this session is open in {holder}"));
    }
    match field.kind() {
        Kind::Choice(options) => {
            cycle(ss, &field, &options, 1, now)?;
            Ok(false)
        }
        Kind::Button => Ok(false),
        _ => {
            let text = field.read(&ss.session, now);
            let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
            let mut area = TextArea::new(lines);
            area.set_wrap_mode(WrapMode::WordOrGlyph);
            area.move_cursor(CursorMove::Bottom);
            area.move_cursor(CursorMove::End);
            ss.editor = Some(Editor {
                field,
                area,
                error: None,
                before: ss.session.clone(),
            });
            Ok(true)
        }
    }
}

/// Moves a choice field `step` options on (wrapping). One undo step.
pub fn cycle(
    ss: &mut SessionState,
    field: &Field,
    options: &[&str],
    step: isize,
    now: &Zoned,
) -> Result<(), Refusal> {
    if let Some(holder) = &ss.read_only {
        return Err(format!("Read-only: this session is open in {holder}"));
    }
    let current = field.read(&ss.session, now);
    let index = options.iter().position(|o| *o == current).unwrap_or(0) as isize;
    let next = (index + step).rem_euclid(options.len() as isize) as usize;
    let before = ss.session.clone();
    field.write(&mut ss.session, options[next], now)?;
    ss.history.record(before);
    Ok(())
}

/// Applies a key to the open editor; returns whether the session changed.
pub fn input(ss: &mut SessionState, key: crossterm::event::KeyEvent, now: &Zoned) -> bool {
    let Some(editor) = ss.editor.as_mut() else {
        return false;
    };
    // A single-line field never takes a newline from the keyboard.
    if editor.field.kind() != Kind::Multi && matches!(key.code, crossterm::event::KeyCode::Enter) {
        return false;
    }
    editor.area.input(key);
    live_write(ss, now)
}

/// Inserts pasted text, cleaned of control characters and escapes.
pub fn paste(ss: &mut SessionState, text: &str, now: &Zoned) -> bool {
    let Some(editor) = ss.editor.as_mut() else {
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

/// A new line in a multi-line field.
pub fn newline(ss: &mut SessionState, now: &Zoned) -> bool {
    let Some(editor) = ss.editor.as_mut() else {
        return false;
    };
    if editor.field.kind() != Kind::Multi {
        return false;
    }
    editor.area.insert_newline();
    live_write(ss, now)
}

fn live_write(ss: &mut SessionState, now: &Zoned) -> bool {
    let Some(editor) = ss.editor.as_mut() else {
        return false;
    };
    match editor.field.kind() {
        Kind::Line | Kind::Multi => {
            let text = editor.text();
            let before = ss.session.clone();
            editor.error = editor.field.write(&mut ss.session, &text, now).err();
            ss.session != before
        }
        _ => {
            editor.error = None;
            false
        }
    }
}

/// Closes the editor, writing its text. A time, date or number that does
/// not parse keeps the editor open with the reason.
pub fn commit(ss: &mut SessionState, now: &Zoned) -> Result<bool, Refusal> {
    let Some(editor) = ss.editor.as_mut() else {
        return Ok(false);
    };
    let text = editor.text();
    if let Err(reason) = editor.field.write(&mut ss.session, &text, now) {
        editor.error = Some(reason.clone());
        return Err(reason);
    }
    let editor = ss.editor.take().expect("checked above");
    let changed = ss.session != editor.before;
    if changed {
        ss.history.record(editor.before);
    }
    Ok(changed)
}
