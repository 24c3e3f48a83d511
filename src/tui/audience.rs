//! `fivewhys present <ID>`: the audience window. The session in presenter
//! form, read-only, following the facilitator's saves and moves as they
//! happen (the session file and its live file are watched). It never takes
//! the lock and never writes. The facilitator edits in one window and shares
//! this one.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use crossterm::event::Event;
use jiff::Zoned;
use notify::{RecursiveMode, Watcher};

use super::RunError;
use super::app::{SessionMode, SessionState};
use super::keymap::{self, Context};
use super::theme::Theme;
use super::ui::{MIN_HEIGHT, MIN_WIDTH};
use crate::model::Session;
use crate::store::live::{self, Live};
use crate::store::{Store, StoreError};

/// What the window shows: the last good session and where the facilitator
/// is in it.
struct View {
    path: PathBuf,
    session: Session,
    live: Option<Live>,
    /// Why the file could not be read just now (the last good one shows).
    problem: Option<String>,
    /// The whole why tree shows, not the question.
    tree: bool,
}

enum Wake {
    Input(std::io::Result<Event>),
    Changed,
}

impl View {
    fn reload(&mut self, store: &Store) {
        match store.load(&self.path) {
            Ok(session) => {
                self.session = session;
                self.problem = None;
            }
            Err(e) => self.problem = Some(problem_with(&self.path, &e)),
        }
        self.live = live::read(store.root(), &self.session.id);
    }

    /// The session as the facilitator sees it now.
    fn state(&self, now: &Zoned) -> (SessionState, i64) {
        let mut session = self.session.clone();
        if let Some(live) = &self.live {
            session.stage = live.stage;
        }
        let mut ss =
            SessionState::new(session, self.path.clone(), Some("the audience".into()), now);
        ss.mode = SessionMode::Presenter;
        ss.tree = self.tree;
        let elapsed = match &self.live {
            Some(live) => {
                ss.node_sel = live.why.clone().or(ss.node_sel.take());
                if let Some(i) = live
                    .action
                    .as_ref()
                    .and_then(|id| ss.session().actions.iter().position(|a| &a.id == id))
                {
                    ss.action_sel = i;
                }
                ss.clamp();
                i64::try_from(live.elapsed_at(now.timestamp())).unwrap_or(0)
            }
            None => i64::try_from(self.session.meeting.elapsed_seconds()).unwrap_or(0),
        };
        (ss, elapsed)
    }
}

/// What the audience window says when the session file cannot be shown
/// now: the news first (the line may be cut), then why.
fn problem_with(path: &Path, e: &StoreError) -> String {
    let gone = !path.exists()
        || matches!(e, StoreError::Io { cause, .. } if cause.kind() == std::io::ErrorKind::NotFound);
    if gone {
        "The session was deleted (or moved): showing the last version read.".to_string()
    } else {
        let why = match e {
            StoreError::Unreadable { reason, .. } => reason.to_string(),
            other => other.to_string(),
        };
        format!("The file can't be read now: showing the last good version ({why}).")
    }
}

/// Whether a watcher event is a change to one of `names` (file names).
/// Reading a file is an event too: it must not count, or every reload would
/// set off the next.
fn concerns(event: &notify::Event, names: &[String]) -> bool {
    use notify::EventKind;
    let change = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
    ) && !matches!(
        event.kind,
        EventKind::Modify(notify::event::ModifyKind::Metadata(_))
    );
    change
        && event.paths.iter().any(|p| {
            p.file_name()
                .is_some_and(|n| names.iter().any(|name| n.to_string_lossy() == *name))
        })
}

/// Runs the audience window for the session at `path` until closed.
pub fn run(store: Store, path: PathBuf, tree: bool, theme: Theme) -> Result<(), RunError> {
    let session = store.load(&path)?;
    let id = session.id.clone();
    let live_file = live::path(store.root(), &id);
    let mut view = View {
        path: path.clone(),
        live: live::read(store.root(), &id),
        session,
        problem: None,
        tree,
    };
    let (tx, rx) = mpsc::channel::<Wake>();
    let names: Vec<String> = [&path, &live_file]
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let changed = tx.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| concerns(&e, &names)) {
            let _ = changed.send(Wake::Changed);
        }
    })
    .map_err(|e| watch_error(&path, e))?;
    for dir in [parent(&path), parent(&live_file)] {
        let _ = std::fs::create_dir_all(dir);
        watcher
            .watch(dir, RecursiveMode::NonRecursive)
            .map_err(|e| watch_error(dir, e))?;
    }
    let mut terminal = super::terminal::enter();
    let input = super::input::spawn_reader();
    std::thread::spawn(move || {
        for (_, event) in input {
            if tx.send(Wake::Input(event)).is_err() {
                break;
            }
        }
    });
    let result = (|| -> Result<(), RunError> {
        let mut waiting: Vec<Wake> = Vec::new();
        loop {
            let now = Zoned::now();
            terminal.draw(|frame| draw(frame, &view, &now, &theme))?;
            let wake = match waiting.pop() {
                Some(wake) => Ok(wake),
                None => rx.recv_timeout(Duration::from_millis(500)),
            };
            match wake {
                Ok(Wake::Changed) => {
                    // A save is a rename and a write or two: take them as
                    // one; anything else that arrives meanwhile waits.
                    let settle = Instant::now() + Duration::from_millis(30);
                    while let Ok(wake) =
                        rx.recv_timeout(settle.saturating_duration_since(Instant::now()))
                    {
                        if let Wake::Input(_) = wake {
                            waiting.insert(0, wake);
                        }
                    }
                    view.reload(&store);
                }
                Ok(Wake::Input(event)) => {
                    if let Event::Key(key) = event? {
                        match keymap::lookup(&[Context::Audience, Context::Always], &key) {
                            Some(super::action::Action::ToggleTree) => view.tree = !view.tree,
                            Some(_) => return Ok(()),
                            None => {}
                        }
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
    })();
    drop(watcher);
    super::terminal::leave(terminal);
    result
}

fn draw(frame: &mut ratatui::Frame, view: &View, now: &Zoned, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        super::widgets::popup::too_small(frame, area, theme);
        return;
    }
    let (ss, elapsed) = view.state(now);
    let key = |action| keymap::hint(Context::Audience, &action);
    let hint = format!(
        "{} closes · {} whole tree or question · follows the facilitator",
        key(super::action::Action::Quit),
        key(super::action::Action::ToggleTree)
    );
    let bottom = match &view.problem {
        Some(problem) => (problem.as_str(), true),
        None => (hint.as_str(), false),
    };
    super::screens::presenter::render(frame, area, &ss, elapsed, bottom, now, theme);
}

fn parent(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new("."))
}

fn watch_error(path: &Path, e: notify::Error) -> RunError {
    RunError::Store(StoreError::Io {
        action: "watch",
        path: path.to_path_buf(),
        cause: std::io::Error::other(e.to_string()),
    })
}
