//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod driver;
pub mod edits;
pub mod pty;

use std::path::{Path, PathBuf};

/// The example session files shipped in `examples/sessions/`.
pub fn example_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sessions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("examples/sessions exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// The checkout outage example (two problem statements, deep tree).
pub fn outage_file() -> PathBuf {
    example_files()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("checkout-outage"))
        .expect("the outage example exists")
}

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use fivewhys::model::Session;
use fivewhys::tui::app::{App, Screen, SessionState};
use fivewhys::tui::effect::Effect;
use fivewhys::tui::theme::{Theme, ThemeName};
use fivewhys::tui::{Action, keymap, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A fixed "now": Sunday 2026-11-22 10:00 UTC.
pub fn now() -> jiff::Zoned {
    "2026-11-22T10:00:00[UTC]".parse().unwrap()
}

/// A parsed example session.
pub fn outage() -> Session {
    fivewhys::store::parse(&std::fs::read_to_string(outage_file()).unwrap()).unwrap()
}

/// `session` with three clashes to settle, as a merge with a change made
/// elsewhere leaves them: an answer's words, an action's owner, the title.
pub fn with_clashes(mut session: Session) -> Session {
    use fivewhys::model::{Conflict, ConflictOn};
    let answer = session.whys[0].id.clone();
    let action = session.actions[0].id.clone();
    session.conflicts = vec![
        Conflict {
            on: ConflictOn::Answer,
            id: Some(answer),
            field: "answer".into(),
            mine: session.whys[0].answer.clone().into(),
            theirs: "Worded elsewhere".into(),
        },
        Conflict {
            on: ConflictOn::Action,
            id: Some(action),
            field: "owner".into(),
            mine: serde_json::Value::Null,
            theirs: "Ravi".into(),
        },
        Conflict {
            on: ConflictOn::Session,
            id: None,
            field: "title".into(),
            mine: session.title.clone().into(),
            theirs: "Retitled elsewhere".into(),
        },
    ];
    session
}

/// An app with `session` open (read-only if `holder` is given), as in a
/// meeting that is going on now (so its timer runs).
pub fn app_with(mut session: Session, holder: Option<&str>) -> App {
    session.updated = now().timestamp();
    let mut app = App::new(Theme::named(ThemeName::Dark), now());
    update(
        &mut app,
        Action::SessionOpened {
            session: Box::new(session),
            path: "/nonexistent/session.json".into(),
            read_only: holder.map(|h| format!("open in {h}")),
        },
    );
    app
}

/// The open session's state.
pub fn ss(app: &App) -> &SessionState {
    match &app.screen {
        Screen::Session(ss) => ss,
        Screen::Home(_) => panic!("no session open"),
    }
}

/// The open session's state, to change.
pub fn ss_mut(app: &mut App) -> &mut SessionState {
    match &mut app.screen {
        Screen::Session(ss) => ss,
        Screen::Home(_) => panic!("no session open"),
    }
}

/// Sends a terminal event through the real keymap and update.
pub fn event(app: &mut App, ev: Event) -> Vec<Effect> {
    match keymap::action_for(app.contexts(), ev) {
        Some(action) => update(app, action),
        None => Vec::new(),
    }
}

/// Presses one key.
pub fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    event(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// Presses Ctrl + a letter.
pub fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    event(
        app,
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    )
}

/// Presses Down, as a user would, until `field` is selected; panics
/// if Down stops moving first.
pub fn down_to(app: &mut App, field: fivewhys::tui::field::Field) {
    for _ in 0..200 {
        if ss(app).selected_field() == Some(field.clone()) {
            return;
        }
        key(app, KeyCode::Down);
    }
    panic!("Down never reached {field:?}");
}

/// Types text, one key per character.
pub fn typing(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Renders the app into a `width`×`height` test terminal.
pub fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| fivewhys::tui::ui::render(app, f))
        .unwrap();
    terminal
}

/// The screen as plain text lines, as a terminal shows it: the cell a
/// wide character covers is not printed again.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    use unicode_width::UnicodeWidthStr;
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut covered = 0;
        for x in 0..buffer.area.width {
            if covered > 0 {
                covered -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            covered = symbol.width().saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// Makes a named pipe at `path` (which reading would wait on for ever).
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    assert!(
        std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap()
            .success()
    );
}

/// Property-test cases: `PROPTEST_CASES` when set (for long soak runs),
/// else the quick default.
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The real binary on the data folder `data`, with its own config file,
/// in UTC and without colour.
pub fn fivewhys(data: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("fivewhys").unwrap();
    cmd.env("FIVEWHYS_DATA_DIR", data)
        .env("FIVEWHYS_CONFIG", data.join("config.toml"))
        .env("TZ", "UTC")
        .env("NO_COLOR", "1");
    cmd
}
