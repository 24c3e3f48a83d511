//! The event loop: the only part of the TUI that touches the terminal, the
//! clock and the store. It turns terminal events into actions, runs
//! `update`, draws with `render`, and carries out effects.
//!
//! Saving happens on a background thread, debounced but never more than a
//! second behind the screen. Quitting, SIGTERM, SIGHUP, SIGINT and SIGQUIT
//! save and restore the terminal; if that last save fails, a recovery copy
//! is written elsewhere and the run ends with an error naming it. A panic
//! saves what is in memory (if it is valid) before the terminal is restored.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crossterm::event::Event;
use jiff::{Timestamp, Zoned};
use ratatui::DefaultTerminal;

use super::action::Action;
use super::app::{App, Screen};
use super::effect::Effect;
use super::keymap;
use super::saver::{SaveResult, Saver, fingerprint};
use super::theme::Theme;
use super::{ui, update};
use crate::model::Session;
use crate::store::{LockOutcome, SessionLock, Store, StoreError, to_text, write_recovery};

/// Quiet time after the last change before saving.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(300);
/// The longest a change waits for a save while changes keep coming.
const SAVE_MAX_WAIT: Duration = Duration::from_secs(1);
/// Wait before retrying a failed save.
const SAVE_RETRY: Duration = Duration::from_secs(2);

/// How the TUI starts, besides where.
#[derive(Debug, Clone)]
pub struct Options {
    /// The colours.
    pub theme: Theme,
    /// The config file, where `T` remembers the theme (`None`: nowhere).
    pub config: Option<PathBuf>,
    /// A problem to show at once (e.g. an invalid config file).
    pub notice: Option<String>,
}

/// Where the TUI starts.
#[derive(Debug, Clone)]
pub enum Start {
    /// The session list.
    Home,
    /// A new session.
    New {
        /// Its title.
        title: String,
        /// Its kind (a key such as `incident`).
        kind: String,
    },
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
    /// The session could not be saved on the way out.
    #[error("{}", not_saved_message(.reason, .path, .recovery))]
    NotSaved {
        /// Why the save failed.
        reason: String,
        /// The session file that could not be written.
        path: PathBuf,
        /// Where the recovery copy went, or why none could be written.
        recovery: Result<PathBuf, String>,
    },
}

fn not_saved_message(
    reason: &str,
    path: &std::path::Path,
    recovery: &Result<PathBuf, String>,
) -> String {
    match recovery {
        Ok(copy) => format!(
            "the session could not be saved ({reason}). Nothing is lost: it was written to {}. \
             Once there is room, copy it back: cp '{}' '{}'",
            copy.display(),
            copy.display(),
            path.display()
        ),
        Err(why) => format!(
            "the session could not be saved ({reason}) and no recovery copy could be written \
             ({why}); the session follows on standard error as JSON"
        ),
    }
}

struct Loop {
    store: Store,
    app: App,
    config: Option<PathBuf>,
    lock: Option<SessionLock>,
    saver: Saver,
    /// When the next save is due.
    save_due: Option<Instant>,
    /// When the oldest change not yet sent for saving was made.
    unsaved_since: Option<Instant>,
    /// Fingerprint of the open session's file as last loaded or written.
    written: Option<u64>,
    /// The facilitator's place as last published for an audience window.
    live_sent: Option<crate::store::live::Live>,
    /// Wakes when a file in the sessions folder changes (another window
    /// or `fivewhys action` wrote one), so Home shows it.
    store_changed: Option<(notify::RecommendedWatcher, Receiver<()>)>,
    /// A listing being read on its own thread, so Home never waits for
    /// the store; and whether another was asked for meanwhile.
    listing: Option<Receiver<Result<crate::store::Listing, crate::store::StoreError>>>,
    list_again: bool,
    /// Home's listing, kept while a session is open: closing it updates
    /// that one entry and shows Home at once.
    stashed: Option<crate::store::Listing>,
    /// Something changed since the last frame was drawn.
    dirty: bool,
    quit: bool,
}

/// Watches the sessions folder; `None` where the platform cannot, and
/// then Home shows changes from elsewhere when it is next listed.
fn watch_sessions(store: &Store) -> Option<(notify::RecommendedWatcher, Receiver<()>)> {
    use notify::Watcher as _;
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !e.kind.is_access()) {
            let _ = tx.send(());
        }
    })
    .ok()?;
    watcher
        .watch(&store.sessions_dir(), notify::RecursiveMode::NonRecursive)
        .ok()?;
    Some((watcher, rx))
}

/// Runs the TUI until the user quits or a signal arrives.
pub fn run(store: Store, start: Start, options: Options) -> Result<(), RunError> {
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = super::terminal::enter();

    let mut lp = Loop {
        store_changed: watch_sessions(&store),
        listing: None,
        list_again: false,
        stashed: None,
        dirty: true,
        saver: Saver::start(store.clone()),
        store,
        app: App::new(options.theme, Zoned::now()),
        config: options.config,
        lock: None,
        save_due: None,
        unsaved_since: None,
        written: None,
        live_sent: None,
        quit: false,
    };
    if let Ok(size) = terminal.size() {
        lp.dispatch(Action::Resize(size.width, size.height));
    }
    if let Some(notice) = options.notice {
        lp.dispatch(Action::Failed(notice));
    }
    let events = super::input::spawn_reader();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        lp.run(&mut terminal, &start, &stop, &events)
    }));
    // Whatever happened, what is in memory goes to disk before we leave.
    let saved = lp.final_save();
    lp.saver.stop();
    super::terminal::leave(terminal);
    let saved = saved.map_err(|(error, unwritten)| {
        if let Some(text) = unwritten {
            // Nowhere to write it: standard error, the only place left,
            // rather than losing it.
            // As JSON that means the same, with nothing a terminal obeys.
            eprintln!("{}", crate::export::sanitize::inert_json(&text));
        }
        error
    });
    match (saved, outcome) {
        (Err(not_saved), _) => Err(not_saved),
        (Ok(()), Ok(result)) => result,
        (Ok(()), Err(_)) => Err(RunError::Panicked),
    }
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
            Start::New { title, kind } => vec![Effect::Create {
                title: title.clone(),
                kind: kind.clone(),
            }],
            Start::Open(path) => vec![Effect::Open(path.clone())],
        };
        self.apply(first);
        let mut last_tick = Instant::now();
        while !self.quit {
            if stop.load(Ordering::Relaxed) {
                self.dispatch(Action::Quit);
                break;
            }
            // Idle is idle: a frame only when something happened.
            if std::mem::take(&mut self.dirty) {
                terminal.draw(|frame| ui::render(&self.app, frame))?;
            }
            let wait = match self.save_due {
                Some(due) => due
                    .saturating_duration_since(Instant::now())
                    .min(Duration::from_millis(250)),
                None => Duration::from_millis(250),
            };
            match events.recv_timeout(wait) {
                Ok(event) => {
                    // Take everything already waiting before drawing again,
                    // so a paste or fast typing is not slowed by redraws,
                    // and characters typed in a row go in as one edit.
                    let mut typed = String::new();
                    self.handle(event?, &mut typed);
                    while !self.quit {
                        match events.try_recv() {
                            Ok(event) => self.handle(event?, &mut typed),
                            Err(_) => break,
                        }
                    }
                    self.flush_typed(&mut typed);
                }
                Err(RecvTimeoutError::Timeout) => {}
                // The terminal is gone: save and leave.
                Err(RecvTimeoutError::Disconnected) => self.dispatch(Action::Quit),
            }
            if last_tick.elapsed() >= Duration::from_millis(500) {
                last_tick = Instant::now();
                // Home shows no clock: a tick there matters only while a
                // status message is fading.
                let home = matches!(self.app.screen, Screen::Home(_));
                if !home || self.app.status.is_some() {
                    self.dispatch(Action::Tick(Timestamp::now()));
                }
            }
            self.collect_save_results();
            self.publish_live();
            self.follow_the_store();
            self.collect_listing();
            if self.save_due.is_some_and(|due| Instant::now() >= due) {
                self.save_due = None;
                self.unsaved_since = None;
                if let Some((path, session)) = self.savable() {
                    self.saver.send(path, session);
                }
            }
        }
        Ok(())
    }

    /// Dispatches what an event means; printable characters typed into a
    /// field are collected in `typed` instead, to go in together.
    fn handle(&mut self, event: Event, typed: &mut String) {
        use crossterm::event::{KeyCode, KeyModifiers};
        match keymap::action_for(self.app.contexts(), event) {
            Some(Action::Input(key))
                if matches!(key.code, KeyCode::Char(_))
                    && (key.modifiers - KeyModifiers::SHIFT).is_empty() =>
            {
                if let KeyCode::Char(c) = key.code {
                    typed.push(c);
                }
            }
            Some(action) => {
                self.flush_typed(typed);
                self.dispatch(action);
            }
            None => {}
        }
    }

    fn flush_typed(&mut self, typed: &mut String) {
        if !typed.is_empty() {
            self.dispatch(Action::Type(std::mem::take(typed)));
        }
    }

    fn dispatch(&mut self, action: Action) {
        self.dirty = true;
        let effects = update(&mut self.app, action);
        self.apply(effects);
    }

    fn apply(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Save => self.schedule_save(),
                Effect::Quit => self.quit = true,
                Effect::Refresh => self.refresh(),
                Effect::Open(path) => self.open(path),
                Effect::OpenAction { path, action } => {
                    self.open(path);
                    if matches!(self.app.screen, Screen::Session(_)) {
                        self.dispatch(Action::GoStage(crate::model::Stage::Actions));
                        self.dispatch(Action::SelectAction(action));
                    }
                }
                Effect::Search(query) => {
                    let found = self.search(&query);
                    self.dispatch(Action::Found(found));
                }
                Effect::Create { title, kind } => match self.store.create(
                    &title,
                    &kind,
                    self.app.now.time_zone().iana_name().map(str::to_string),
                    Timestamp::now(),
                ) {
                    Ok((_, path)) => self.open(path),
                    Err(e) => self.dispatch(Action::Failed(e.to_string())),
                },
                Effect::Trash(path) => {
                    if let Err(e) = self.store.delete(&path.to_string_lossy()) {
                        self.dispatch(Action::Failed(e.to_string()));
                    }
                }
                Effect::Copy(format) => self.copy(format),
                Effect::Close => self.close(),
                Effect::RememberTheme(name) => {
                    if let Some(path) = &self.config
                        && let Err(e) = crate::config::remember_theme(path, name.key())
                    {
                        let message = format!("The theme is not remembered: {e}");
                        self.dispatch(Action::Failed(message));
                    }
                }
            }
        }
    }

    /// A change was made: save after a quiet moment, but never let the disk
    /// fall more than [`SAVE_MAX_WAIT`] behind the screen.
    fn schedule_save(&mut self) {
        let now = Instant::now();
        let since = *self.unsaved_since.get_or_insert(now);
        self.save_due = Some((now + SAVE_DEBOUNCE).min(since + SAVE_MAX_WAIT));
    }

    fn copy(&mut self, format: crate::export::Format) {
        use crate::export::{self, Format};
        let Some((path, session)) = self
            .app
            .session()
            .map(|ss| (ss.path.clone(), ss.session().clone()))
        else {
            return;
        };
        let ctx = export::Context::for_session(&session, self.app.now.timestamp());
        let text = export::export(&session, format, &ctx);
        let (plain, html) = match format {
            Format::Html => (export::text(&session, &ctx), Some(text.as_str())),
            _ => (text.clone(), None),
        };
        let mut stdout = io::stdout();
        let store = &self.store;
        let keep = || store.write_export(&path, format.extension(), text.as_bytes());
        let report = crate::clipboard::copy(&plain, html, Some(&mut stdout), keep);
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
            Ok(LockOutcome::HeldElsewhere { holder, .. }) => Some(format!("open in {holder}")),
            Err(e @ StoreError::HardLinked { .. }) => Some(format!("only shown: {e}")),
            Err(StoreError::Io { cause, .. }) => {
                Some(format!("only shown: no lock could be taken: {cause}"))
            }
            Err(e) => Some(format!("only shown: no lock could be taken ({e})")),
        };
        // As it would be written unchanged: looking writes nothing.
        self.written = Some(fingerprint(&session));
        // Keep Home's listing for the way back.
        if let Screen::Home(home) = &mut self.app.screen {
            self.stashed = Some(std::mem::take(&mut home.listing));
            home.forget();
        }
        self.dispatch(Action::SessionOpened {
            session: Box::new(session),
            path,
            read_only,
        });
    }

    /// Reads the listing on its own thread; the result arrives through
    /// [`Loop::collect_listing`].
    fn refresh(&mut self) {
        if self.listing.is_some() {
            self.list_again = true;
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let store = self.store.clone();
        // Home shows the open actions overdue or due within a week; the
        // rest stay in the files (a refresh comes with any change).
        let last = jiff::Zoned::now()
            .date()
            .saturating_add(jiff::Span::new().days(super::app::FOLLOW_UP_DAYS + 1));
        std::thread::spawn(move || {
            let _ = tx.send(store.list_due_by(last));
        });
        self.listing = Some(rx);
        self.dispatch(Action::Listing);
    }

    fn collect_listing(&mut self) {
        let Some(rx) = &self.listing else { return };
        match rx.try_recv() {
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            outcome => {
                self.listing = None;
                match outcome {
                    Ok(Ok(listing)) => self.dispatch(Action::Listed(listing)),
                    Ok(Err(e)) => self.dispatch(Action::Failed(e.to_string())),
                    Err(_) => {}
                }
                if std::mem::take(&mut self.list_again) {
                    self.refresh();
                }
            }
        }
    }

    /// On Home, lists again when the sessions folder changed: a session
    /// saved elsewhere, or an action marked done from the shell.
    fn follow_the_store(&mut self) {
        let Some((_, changes)) = &self.store_changed else {
            return;
        };
        let mut changed = false;
        while changes.try_recv().is_ok() {
            changed = true;
        }
        if changed && matches!(self.app.screen, Screen::Home(_)) {
            self.apply(vec![Effect::Refresh]);
        }
    }

    /// Searches every listed session for `query` (Home's filter): the
    /// same places `fivewhys search` looks.
    fn search(&self, query: &str) -> crate::tui::app::Found {
        let mut hits = std::collections::BTreeMap::new();
        if let Screen::Home(home) = &self.app.screen {
            for s in &home.listing.sessions {
                if let Ok(session) = self.store.load(&s.path)
                    && let Some(hit) = crate::follow::search::hits(&session, query)
                        .into_iter()
                        .next()
                {
                    hits.insert(s.id.clone(), hit);
                }
            }
        }
        crate::tui::app::Found {
            query: query.to_string(),
            hits,
        }
    }

    /// Tells an audience window (`fivewhys present`) where the facilitator
    /// is, when that changed: a small cache file, never the session file.
    fn publish_live(&mut self) {
        let Screen::Session(ss) = &self.app.screen else {
            return;
        };
        if ss.read_only.is_some() {
            return;
        }
        let now = Timestamp::now();
        let live = crate::store::live::Live {
            stage: ss.stage(),
            why: ss.node_sel.clone(),
            action: ss
                .session()
                .actions
                .get(ss.action_sel)
                .map(|a| a.id.clone()),
            elapsed_seconds: u64::try_from(ss.timer.elapsed(now)).unwrap_or(0),
            running: ss.timer.running(),
            at: now,
        };
        if self
            .live_sent
            .as_ref()
            .is_some_and(|sent| sent.same_place(&live))
        {
            return;
        }
        // Best effort: an audience window is a nicety, never a reason to fail.
        let _ = crate::store::live::write(self.store.root(), &ss.session().id, &live);
        self.live_sent = Some(live);
    }

    /// The open session and its path, as it should be saved now, if it
    /// may be saved.
    fn savable(&self) -> Option<(PathBuf, Session)> {
        match &self.app.screen {
            Screen::Session(ss) if ss.read_only.is_none() => {
                Some((ss.path.clone(), ss.snapshot(Timestamp::now())))
            }
            _ => None,
        }
    }

    fn note_result(&mut self, result: SaveResult) -> Option<String> {
        match result {
            SaveResult::Written(fingerprint) => {
                self.written = Some(fingerprint);
                None
            }
            SaveResult::Superseded => None,
            SaveResult::Failed(e) => Some(e),
        }
    }

    fn collect_save_results(&mut self) {
        while let Some(result) = self.saver.try_result() {
            match self.note_result(result) {
                Some(e) => {
                    self.dispatch(Action::Saved(Err(e)));
                    self.save_due = Some(Instant::now() + SAVE_RETRY);
                }
                None if self.saver.in_flight() == 0 && self.save_due.is_none() => {
                    self.dispatch(Action::Saved(Ok(())));
                }
                None => {}
            }
        }
    }

    /// Writes the open session if it differs from its file; `Err` says why
    /// it could not be written.
    fn flush(&mut self) -> Result<(), Box<(PathBuf, Session, String)>> {
        for result in self.saver.drain() {
            self.note_result(result);
        }
        self.save_due = None;
        self.unsaved_since = None;
        let Some((path, session)) = self.savable() else {
            return Ok(());
        };
        if Some(fingerprint(&session)) == self.written {
            return Ok(());
        }
        let text = to_text(&session);
        if let Err(e) = session.validate() {
            return Err(Box::new((
                path,
                session,
                format!("the session is inconsistent ({e})"),
            )));
        }
        match self.store.save_text(&path, &text) {
            Ok(()) => {
                self.written = Some(fingerprint(&session));
                Ok(())
            }
            Err(e) => Err(Box::new((path, session, e.to_string()))),
        }
    }

    /// Leaving a session for the list: it is saved first, or stays open.
    fn close(&mut self) {
        if let Err(failed) = self.flush() {
            return self.dispatch(Action::CloseFailed(failed.2));
        }
        self.lock = None;
        self.written = None;
        self.live_sent = None;
        // Home at once, with this session as it is now; the rest of the
        // store is read again in the background.
        let edited = self
            .app
            .session()
            .map(|ss| (ss.session().clone(), ss.path.clone()));
        let listing = match (self.stashed.take(), edited) {
            (Some(listing), Some((session, path))) => listing.with(&session, path),
            (Some(listing), None) => listing,
            (None, _) => crate::store::Listing::default(),
        };
        self.dispatch(Action::Closed(listing));
        self.refresh();
    }

    /// On the way out: save, or write a recovery copy and say where. When
    /// not even that could be written, the text comes back to be printed
    /// once the terminal is restored.
    fn final_save(&mut self) -> Result<(), (RunError, Option<String>)> {
        let outcome = self.flush();
        self.lock = None;
        let Err(failed) = outcome else {
            return Ok(());
        };
        let (path, session, reason) = *failed;
        let text = to_text(&session);
        let recovery = write_recovery(self.store.root(), &session.id, &text).map_err(|tried| {
            tried
                .iter()
                .map(|(p, e)| format!("{}: {e}", p.display()))
                .collect::<Vec<_>>()
                .join("; ")
        });
        let unwritten = recovery.is_err().then_some(text);
        Err((
            RunError::NotSaved {
                reason,
                path,
                recovery,
            },
            unwritten,
        ))
    }
}
