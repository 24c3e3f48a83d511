//! Key-press latency as percentiles: 2,000 presses, each updated and
//! drawn, on 500- and 5,000-answer sessions at 80×24 and 200×60, after 200
//! to warm up: Down and Up in turn with the selection at the top of the
//! tree and in its middle, `r` (an edit, with its undo step), a letter
//! typed into an open field, `r` and `u` (undo) in turn, and `w`, a letter
//! and Enter in turn (a new answer). The
//! divan bench `keys` gives medians; this gives the p99 a facilitator feels
//! as a stutter.
//!
//! ```sh
//! cargo bench --bench key_latency
//! ```

mod common;

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use fivewhys::tui::{keymap, ui, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Where the presses are made, and which.
#[derive(Clone, Copy)]
enum Keys {
    /// Down and Up, from the first answer.
    Top,
    /// Down and Up, from the middle answer.
    Middle,
    /// `r` on the middle answer: marks it a root cause and back, each an
    /// edit with its undo step.
    Edit,
    /// A letter typed into the middle answer's open field.
    Typing,
    /// `r` and `u` in turn: an edit, then its undo.
    Undo,
    /// `w`, a letter and Enter in turn: a new answer under the middle one.
    Add,
}

impl Keys {
    fn name(self) -> &'static str {
        match self {
            Keys::Top => "top",
            Keys::Middle => "middle",
            Keys::Edit => "edit",
            Keys::Typing => "typing",
            Keys::Undo => "undo",
            Keys::Add => "add",
        }
    }
}

fn main() {
    println!("answers  size     keys        p50        p99    slowest");
    for answers in [500, 5_000] {
        for (w, h) in [(80, 24), (200, 60)] {
            for keys in [
                Keys::Top,
                Keys::Middle,
                Keys::Edit,
                Keys::Typing,
                Keys::Undo,
                Keys::Add,
            ] {
                let mut times = presses(answers, w, h, keys);
                times.sort_unstable();
                let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
                println!(
                    "{answers:>7}  {:<7}  {:<6} {:>6.3} ms  {:>6.3} ms  {:>6.3} ms",
                    format!("{w}×{h}"),
                    keys.name(),
                    ms(at(0.5)),
                    ms(at(0.99)),
                    ms(at(1.0))
                );
            }
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The time of each of 2,000 presses, after 200 not counted.
fn presses(answers: usize, w: u16, h: u16, keys: Keys) -> Vec<Duration> {
    let mut app = common::app_with(answers);
    if !matches!(keys, Keys::Top)
        && let fivewhys::tui::app::Screen::Session(ss) = &mut app.screen
    {
        let nodes = ss.session().why_nodes();
        let id = nodes[nodes.len() / 2].1.id.clone();
        ss.node_sel = Some(id);
    }
    if matches!(keys, Keys::Typing) {
        update(&mut app, fivewhys::tui::Action::Edit);
    }
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    let mut times = Vec::new();
    for i in 0..2_200 {
        let code = match keys {
            Keys::Top | Keys::Middle if i % 2 == 0 => KeyCode::Down,
            Keys::Top | Keys::Middle => KeyCode::Up,
            Keys::Edit => KeyCode::Char('r'),
            Keys::Typing => KeyCode::Char('x'),
            Keys::Undo if i % 2 == 0 => KeyCode::Char('r'),
            Keys::Undo => KeyCode::Char('u'),
            Keys::Add => [KeyCode::Char('w'), KeyCode::Char('x'), KeyCode::Enter][i % 3],
        };
        let start = Instant::now();
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        if let Some(action) = keymap::action_for(app.contexts(), event) {
            update(&mut app, action);
        }
        terminal
            .draw(|f| ui::render(&app, f))
            .expect("drawing to a test terminal");
        if i >= 200 {
            times.push(start.elapsed());
        }
    }
    times
}
