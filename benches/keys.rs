//! A key press as the facilitator makes it: keymap → update → render, on
//! 500- and 5,000-answer sessions, at 80×24 and 200×60; and opening a
//! field, typing a key and closing it.
//!
//! ```sh
//! cargo bench --bench keys
//! ```

mod common;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use fivewhys::tui::{Action, keymap, ui, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

#[divan::bench(args = [500, 5_000])]
fn key_press_80x24(bencher: divan::Bencher, answers: usize) {
    key_press(bencher, answers, 80, 24);
}

#[divan::bench(args = [500, 5_000])]
fn key_press_200x60(bencher: divan::Bencher, answers: usize) {
    key_press(bencher, answers, 200, 60);
}

/// Down and Up in turn in the why tree, each drawn.
fn key_press(bencher: divan::Bencher, answers: usize, w: u16, h: u16) {
    let mut app = common::app_with(answers);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut down = true;
    bencher.bench_local(|| {
        let code = if down { KeyCode::Down } else { KeyCode::Up };
        down = !down;
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        if let Some(action) = keymap::action_for(app.contexts(), event) {
            update(&mut app, action);
        }
        terminal.draw(|f| ui::render(&app, f)).unwrap();
    });
}

#[divan::bench(args = [500, 5_000])]
fn edit_type_commit(bencher: divan::Bencher, answers: usize) {
    let mut app = common::app_with(answers);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    bencher.bench_local(|| {
        update(&mut app, Action::Edit);
        let event = Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
        if let Some(action) = keymap::action_for(app.contexts(), event) {
            update(&mut app, action);
        }
        terminal.draw(|f| ui::render(&app, f)).unwrap();
        update(&mut app, Action::Commit);
    });
}

/// The presenter's whole-tree view (`v`, `t`) redrawn after Down and Up,
/// at the size a room sees it.
#[divan::bench(args = [500, 5_000])]
fn tree_view_120x40(bencher: divan::Bencher, answers: usize) {
    let mut app = common::app_with(answers);
    update(&mut app, Action::TogglePresenter);
    update(&mut app, Action::ToggleTree);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut down = true;
    bencher.bench_local(|| {
        update(&mut app, if down { Action::Down } else { Action::Up });
        down = !down;
        terminal.draw(|f| ui::render(&app, f)).unwrap();
    });
}
