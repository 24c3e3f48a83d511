//! Taking over the terminal and giving it back, for the facilitator screen
//! and the audience window alike. Giving it back never panics, even when
//! the terminal has hung up; a panic restores it before its message.

use std::io;

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use ratatui::DefaultTerminal;

/// Raw mode, the alternate screen and bracketed paste, with a panic hook
/// that restores the terminal first.
pub fn enter() -> DefaultTerminal {
    // ratatui's own hook would panic again (and abort) on a hung-up
    // terminal before anything is saved; ours ignores restore errors.
    let default_hook = std::panic::take_hook();
    let terminal = ratatui::init();
    let _ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        let _ = ratatui::try_restore();
        default_hook(info);
    }));
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    terminal
}

/// Gives the terminal back as it was.
pub fn leave(mut terminal: DefaultTerminal) {
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    let _ = ratatui::try_restore();
    // The terminal's drop shows the cursor and prints (so panics) if that
    // fails, as it does on a hung-up terminal: done here, errors ignored.
    let _ = terminal.show_cursor();
    std::mem::forget(terminal);
}
