//! The event loop: the only part of the TUI that touches the terminal, the
//! clock and the store. It turns terminal events into actions, runs
//! `update`, draws with `render`, and carries out effects.
//!
//! Saving happens on a background thread, debounced, so typing never waits
//! for a disk. SIGTERM and SIGHUP save and restore the terminal; a panic
//! saves what is in memory (if it is valid) before the terminal is restored.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;
use jiff::{Timestamp, Zoned};
use ratatui::DefaultTerminal;

use super::action::Action;
use super::app::{App, Screen};
use super::effect::Effect;
use super::keymap;
use super::theme::Theme;
use super::{ui, update};
use crate::model::Session;
use crate::store::{LockOutcome, SessionLock, Store, StoreError};

/// Idle time after the last change before saving.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(300);
/// Wait before retrying a failed save.
const SAVE_RETRY: Duration = Duration::from_secs(2);

/// Where the TUI starts.
#[derive(Debug, Clone)]
pub enum Start {
    /// The session list.
    Home,
    /// A new session with this title.
    New(String),
    /// The session at this path.
    Open(PathBuf),
}

/// Why the TUI stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The terminal could not be used.
    #[error("terminal error: {0}")]
    Terminal(#[from] io::Error),
    /// The store failed while starting.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// fivewhys hit a bug; what was in memory was saved first.
    #[error("fivewhys stopped on an internal error; your session was saved first")]
    Panicked,
}

struct Saver {
    jobs: Option<Sender<(PathBuf, Session)>>,
    results: Receiver<Result<(), String>>,
    thread: Option<JoinHandle<()>>,
    in_flight: usize,
}

impl Saver {
    fn start(store: Store) -> Saver {
        let (jobs, inbox) = mpsc::channel::<(PathBuf, Session)>();
        let (outbox, results) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            while let Ok(mut job) = inbox.recv() {
                // Only the newest state matters.
                while let Ok(newer) = inbox.try_recv() {
                    let _ = outbox.send(Ok(()));
                    job = newer;
                }
                let result = store.save(&job.0, &job.1).map_err(|e| e.to_string());
                if outbox.send(result).is_err() {
                    break;
                }
            }
        });
        Saver {
            jobs: Some(jobs),
            results,
            thread: Some(thread),
            in_flight: 0,
        }
    }

    fn send(&mut self, path: PathBuf, session: Session) {
        if let Some(jobs) = &self.jobs
            && jobs.send((path, session)).is_ok()
        {
            self.in_flight += 1;
        }
    }

    /// Waits for every queued save; returns the last failure, if any.
    fn drain(&mut self) -> Option<String> {
        let mut failure = None;
        while self.in_flight > 0 {
            match self.results.recv() {
                Ok(Err(e)) => failure = Some(e),
                Ok(Ok(())) => {}
                Err(_) => break,
            }
            self.in_flight -= 1;
        }
        failure
    }

    fn stop(&mut self) {
        self.drain();
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

struct Loop {
    store: Store,
    app: App,
    lock: Option<SessionLock>,
    saver: Saver,
    save_due: Option<Instant>,
    quit: bool,
}

/// Runs the TUI until the user quits or a signal arrives.
pub fn run(store: Store, start: Start) -> Result<(), RunError> {
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::init();
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        previous_hook(info);
    }));
    let _ = execute!(io::stdout(), EnableBracketedPaste);

    let mut lp = Loop {
        saver: Saver::start(store.clone()),
        store,
        app: App::new(Theme::from_env(), Zoned::now()),
        lock: None,
        save_due: None,
        quit: false,
    };
    let events = spawn_input_reader();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        lp.run(&mut terminal, &start, &stop, &events)
    }));
    // Whatever happened, what is in memory goes to disk before we leave.
    lp.final_save();
    lp.saver.stop();
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    match outcome {
        Ok(result) => result,
        Err(_) => Err(RunError::Panicked),
    }
}

/// Reads terminal events on their own thread. crossterm's reader can spin
/// forever once the terminal hangs up, so the event loop must never block
/// inside it: it waits on this channel instead and so always sees SIGHUP.
fn spawn_input_reader() -> Receiver<io::Result<Event>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if tx.send(event).is_err() || failed {
                break;
            }
        }
    });
    rx
}

impl Loop {
    fn run(
        &mut self,
        terminal: &mut DefaultTerminal,
        start: &Start,
        stop: &AtomicBool,
        events: &Receiver<io::Result<Event>>,
    ) -> Result<(), RunError> {
        let first = match start {
            Start::Home => vec![Effect::Refresh],
            Start::New(title) => vec![Effect::Create(title.clone())],
            Start::Open(path) => vec![Effect::Open(path.clone())],
        };
        self.apply(first);
        let mut last_tick = Instant::now();
        while !self.quit {
            if stop.load(Ordering::Relaxed) {
                self.dispatch(Action::Quit);
                break;
            }
            terminal.draw(|frame| ui::render(&self.app, frame))?;
            let wait = match self.save_due {
                Some(due) => due
                    .saturating_duration_since(Instant::now())
                    .min(Duration::from_millis(250)),
                None => Duration::from_millis(250),
            };
            match events.recv_timeout(wait) {
                Ok(event) => {
                    self.handle(event?);
                    // Drain what is already waiting before drawing again, so
                    // a paste or fast typing is not slowed by redraws.
                    while !self.quit {
                        match events.try_recv() {
                            Ok(event) => self.handle(event?),
                            Err(_) => break,
                        }
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                // The terminal is gone: save and leave.
                Err(RecvTimeoutError::Disconnected) => self.dispatch(Action::Quit),
            }
            if last_tick.elapsed() >= Duration::from_millis(500) {
                last_tick = Instant::now();
                self.dispatch(Action::Tick(Timestamp::now()));
            }
            self.collect_save_results();
            if self.save_due.is_some_and(|due| Instant::now() >= due) {
                self.save_due = None;
                if let Some((path, session)) = self.savable() {
                    self.saver.send(path, session);
                }
            }
        }
        Ok(())
    }

    fn handle(&mut self, event: Event) {
        if let Some(action) = keymap::action_for(&self.app.contexts(), event) {
            self.dispatch(action);
        }
    }

    fn dispatch(&mut self, action: Action) {
        let effects = update(&mut self.app, action);
        self.apply(effects);
    }

    fn apply(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Save => self.save_due = Some(Instant::now() + SAVE_DEBOUNCE),
                Effect::Quit => self.quit = true,
                Effect::Refresh => match self.store.list() {
                    Ok(listing) => self.dispatch(Action::Listed(listing)),
                    Err(e) => self.dispatch(Action::Failed(e.to_string())),
                },
                Effect::Open(path) => self.open(path),
                Effect::Create(title) => match self.store.create(&title, Timestamp::now()) {
                    Ok((_, path)) => self.open(path),
                    Err(e) => self.dispatch(Action::Failed(e.to_string())),
                },
                Effect::Trash(path) => {
                    if let Err(e) = self.store.delete(&path.to_string_lossy()) {
                        self.dispatch(Action::Failed(e.to_string()));
                    }
                }
                Effect::Copy(format) => self.copy(format),
                Effect::Close {
                    session,
                    path,
                    read_only,
                } => {
                    self.save_due = None;
                    if !read_only {
                        self.saver.drain();
                        if let Err(e) = self.store.save(&path, &session) {
                            self.dispatch(Action::Failed(format!("{e}; the session stays open")));
                        }
                    }
                    self.lock = None;
                    self.dispatch(Action::Listed(self.store.list().unwrap_or_default()));
                }
            }
        }
    }

    fn copy(&mut self, format: crate::export::Format) {
        use crate::export::{self, Format};
        let Some((path, session)) = self
            .app
            .session()
            .map(|ss| (ss.path.clone(), ss.session.clone()))
        else {
            return;
        };
        let ctx = export::Context::at(&self.app.now);
        let text = export::export(&session, format, &ctx);
        let (plain, html) = match format {
            Format::Html => (export::text(&session, &ctx), Some(text.as_str())),
            _ => (text.clone(), None),
        };
        let mut stdout = io::stdout();
        let fallback = self.store.export_path(&path, format.extension());
        let report = crate::clipboard::copy(&plain, html, Some(&mut stdout), &fallback);
        self.dispatch(Action::Copied(
            report.describe(&format!("{} summary", format.label())),
        ));
    }

    fn open(&mut self, path: PathBuf) {
        let session = match self.store.load(&path) {
            Ok(session) => session,
            Err(e) => return self.dispatch(Action::Failed(e.to_string())),
        };
        let read_only = match self.store.lock(&path) {
            Ok(LockOutcome::Acquired(lock)) => {
                self.lock = Some(lock);
                None
            }
            Ok(LockOutcome::HeldElsewhere { holder }) => Some(holder),
            Err(e) => Some(format!("no lock could be taken ({e})")),
        };
        self.dispatch(Action::SessionOpened {
            session: Box::new(session),
            path,
            read_only,
        });
    }

    /// The open session and its path, if it may be saved.
    fn savable(&self) -> Option<(PathBuf, Session)> {
        match &self.app.screen {
            Screen::Session(ss) if ss.read_only.is_none() => {
                Some((ss.path.clone(), ss.session.clone()))
            }
            _ => None,
        }
    }

    fn collect_save_results(&mut self) {
        while let Ok(result) = self.saver.results.try_recv() {
            self.saver.in_flight = self.saver.in_flight.saturating_sub(1);
            match result {
                Err(e) => {
                    self.dispatch(Action::Saved(Err(e)));
                    self.save_due = Some(Instant::now() + SAVE_RETRY);
                }
                Ok(()) if self.saver.in_flight == 0 && self.save_due.is_none() => {
                    self.dispatch(Action::Saved(Ok(())));
                }
                Ok(()) => {}
            }
        }
    }

    fn final_save(&mut self) {
        self.saver.drain();
        if let Some((path, session)) = self.savable()
            && session.validate().is_ok()
        {
            // Best effort on the way out; the autosaves before it stand.
            let _ = self.store.save(&path, &session);
        }
        self.lock = None;
    }
}
