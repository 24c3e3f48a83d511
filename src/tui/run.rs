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
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crossterm::event::Event;
use jiff::{Timestamp, Zoned};
use ratatui::DefaultTerminal;

use super::action::Action;
use super::app::{App, Screen};
use super::effect::Effect;
use super::keymap;
use super::saver::{Expect, SaveResult, Saver, fingerprint};
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
    #[error("{}", not_saved_message(.reason, .path, .recovery, *.remedy))]
    NotSaved {
        /// Why the save failed.
        reason: String,
        /// The session file that could not be written.
        path: PathBuf,
        /// Where the recovery copy went, or why none could be written.
        recovery: Result<PathBuf, String>,
        /// What the user can do about it.
        remedy: Remedy,
    },
}

/// What to do once a session could not be saved, by why it could not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// The disk is full: copy the recovery copy back once there is room.
    Room,
    /// The folder or file may not be written (permissions, a read-only
    /// mount): copy it back once it can be.
    Permission,
    /// The file was changed elsewhere and cannot be read (a half-done git
    /// merge, an editor): compare the two, nothing was written over it.
    Compare,
    /// Anything else: copy it back once the problem is fixed.
    Other,
}

impl Remedy {
    /// The remedy for a failed save.
    pub fn for_error(e: &StoreError) -> Remedy {
        use std::io::ErrorKind as K;
        match e {
            StoreError::Io { cause, .. } => match cause.kind() {
                K::StorageFull | K::QuotaExceeded => Remedy::Room,
                K::PermissionDenied | K::ReadOnlyFilesystem => Remedy::Permission,
                _ => Remedy::Other,
            },
            _ => Remedy::Other,
        }
    }
}

fn not_saved_message(
    reason: &str,
    path: &std::path::Path,
    recovery: &Result<PathBuf, String>,
    remedy: Remedy,
) -> String {
    match recovery {
        Ok(copy) => {
            let (copy, path) = (copy.display(), path.display());
            let then = match remedy {
                Remedy::Room => format!("Once there is room, copy it back: cp '{copy}' '{path}'"),
                Remedy::Permission => format!(
                    "The folder or file cannot be written (check its permissions, or whether the disk is read-only); once it can, copy it back: cp '{copy}' '{path}'"
                ),
                Remedy::Compare => format!(
                    "Nothing was written over the file; once it reads again, compare the two: diff '{copy}' '{path}'"
                ),
                Remedy::Other => {
                    format!("Once that is fixed, copy it back: cp '{copy}' '{path}'")
                }
            };
            format!(
                "the session could not be saved ({reason}). Nothing is lost: it was written to {copy}. {then}"
            )
        }
        Err(why) => format!(
            "the session could not be saved ({reason}) and no recovery copy could be written \
             ({why}); the session follows on standard error as JSON"
        ),
    }
}

/// Why a session could not be written, with what was to be written.
struct NotWritten {
    path: PathBuf,
    session: Session,
    reason: String,
    remedy: Remedy,
}

/// The open session's file as this window last read or wrote it.
struct OnDisk {
    /// The session it held.
    base: Session,
    /// Its version, for the saver to check against.
    expect: Expect,
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
    /// What the open session's file held when this window last read or
    /// wrote it: the base for merging a change made elsewhere.
    disk: Option<OnDisk>,
    /// How many times a session file was read anew (see [`Expect`]).
    readings: u64,
    /// The sessions folder changed while a session is open: look at its
    /// file once no save of ours is under way.
    look_outside: bool,
    /// Why the open session's file, changed elsewhere, cannot be read (it
    /// is then never written over; the session stays in memory).
    unreadable_outside: Option<String>,
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

/// Runs the TUI until the user quits or a signal arrives. `Ok(Some(n))`
/// says signal `n` ended it (after everything was saved), so that the
/// process can exit with 128 + n as shells expect.
pub fn run(store: Store, start: Start, options: Options) -> Result<Option<i32>, RunError> {
    // The number of the signal that asks us to stop; 0 while none has.
    let stop = Arc::new(AtomicUsize::new(0));
    #[cfg(unix)]
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
    ] {
        let number = usize::try_from(signal).unwrap_or(15);
        signal_hook::flag::register_usize(signal, Arc::clone(&stop), number)?;
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
        disk: None,
        readings: 0,
        look_outside: false,
        unreadable_outside: None,
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
        (Ok(()), Ok(result)) => result.map(|()| {
            let signal = stop.load(Ordering::Relaxed);
            (signal != 0).then(|| i32::try_from(signal).unwrap_or(15))
        }),
        (Ok(()), Err(_)) => Err(RunError::Panicked),
    }
}

/// The events read with `first`: those already waiting and, while the
/// last one is a text key, any arriving within [`super::burst::BURST_GAP`]
/// of it (a paste's keys may still be on their way from the reader).
fn gather(
    first: super::input::Read,
    events: &Receiver<super::input::Read>,
) -> io::Result<Vec<super::burst::Timed>> {
    let mut batch = Vec::new();
    let mut next = Some(first);
    while let Some((at, event)) = next.take() {
        batch.push(super::burst::Timed { at, event: event? });
        next = events.try_recv().ok().or_else(|| {
            let text = batch
                .last()
                .is_some_and(|t| super::burst::text_of(&t.event).is_some());
            if text {
                events.recv_timeout(super::burst::BURST_GAP).ok()
            } else {
                None
            }
        });
    }
    Ok(batch)
}

impl Loop {
    fn run(
        &mut self,
        terminal: &mut DefaultTerminal,
        start: &Start,
        stop: &AtomicUsize,
        events: &Receiver<super::input::Read>,
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
            if stop.load(Ordering::Relaxed) != 0 {
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
                Ok(first) => {
                    // Take everything already waiting before drawing again,
                    // so a paste or fast typing is not slowed by redraws,
                    // and characters typed in a row go in as one edit. Keys
                    // that came in one read are a paste without brackets:
                    // text, never commands (see `burst`).
                    let batch = gather(first, events)?;
                    let mut typed = String::new();
                    for event in super::burst::coalesce(batch) {
                        if self.quit {
                            break;
                        }
                        self.handle(event, &mut typed);
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
            if self.look_outside && self.saver.in_flight() == 0 {
                self.look_outside = false;
                self.take_in_outside();
            }
            if self.save_due.is_some_and(|due| Instant::now() >= due) {
                self.save_due = None;
                self.unsaved_since = None;
                if let Some((path, session)) = self.savable()
                    && let Some(disk) = &self.disk
                {
                    self.saver.send(path, session, disk.expect);
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
        let (session, version) = match self.store.load_versioned(&path) {
            Ok(loaded) => loaded,
            Err(e) => return self.dispatch(Action::Failed(e.to_string())),
        };
        self.readings += 1;
        self.disk = Some(OnDisk {
            base: session.clone(),
            expect: Expect {
                reading: self.readings,
                version: Some(version),
            },
        });
        self.unreadable_outside = None;
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
    /// saved elsewhere, or an action marked done from the shell. In a
    /// session, looks whether its own file was changed elsewhere.
    fn follow_the_store(&mut self) {
        let Some((_, changes)) = &self.store_changed else {
            return;
        };
        let mut changed = false;
        while changes.try_recv().is_ok() {
            changed = true;
        }
        if !changed {
            return;
        }
        match self.app.screen {
            Screen::Home(_) => self.apply(vec![Effect::Refresh]),
            Screen::Session(_) => self.look_outside = true,
        }
    }

    /// Reads the open session's file; if it changed since this window
    /// last read or wrote it, merges that change with what is on screen
    /// (by answer and action id, see `model::merge`), says what came in,
    /// and saves the result when it holds more than the file. A file that
    /// cannot be read is never written over. Returns whether the file
    /// changed elsewhere.
    fn take_in_outside(&mut self) -> bool {
        let Screen::Session(ss) = &self.app.screen else {
            return false;
        };
        let Some(disk) = &self.disk else {
            return false;
        };
        let path = ss.path.clone();
        let read = match self.store.read_versioned(&path) {
            Ok(read) => read,
            Err(e) => {
                self.dispatch(Action::Saved(Err(e.to_string())));
                return false;
            }
        };
        if read.as_ref().map(|(_, v)| *v) == disk.expect.version {
            return false;
        }
        self.readings += 1;
        let reading = self.readings;
        let Some((text, version)) = read else {
            // Removed elsewhere (a pull that deleted it, an `rm`): what is
            // on screen is the session; it is written back.
            self.unreadable_outside = None;
            if let Some(disk) = &mut self.disk {
                disk.expect = Expect {
                    reading,
                    version: None,
                };
            }
            self.written = None;
            if ss.read_only.is_none() {
                self.app
                    .notice("The file was removed elsewhere; this window saves it again.");
                self.schedule_save();
            }
            return true;
        };
        let theirs = match crate::store::parse(&text) {
            Ok(theirs) => theirs,
            Err(reason) => {
                // Never written over: someone's half-done merge or edit.
                let why = format!(
                    "{} was changed elsewhere and cannot be read ({reason}); your work is kept here and saved once the file reads again",
                    path.display()
                );
                self.unreadable_outside = Some(why.clone());
                self.dispatch(Action::Saved(Err(why)));
                self.save_due = Some(Instant::now() + SAVE_RETRY);
                return true;
            }
        };
        self.unreadable_outside = None;
        let mine = ss.snapshot(Timestamp::now());
        let merged = crate::model::merge(&disk.base, &mine, &theirs);
        let news = if merged.incoming.is_empty() {
            String::new()
        } else {
            merged.incoming.describe()
        };
        let more_than_theirs = fingerprint(&merged.session) != fingerprint(&theirs);
        self.written = Some(fingerprint(&theirs));
        self.disk = Some(OnDisk {
            base: theirs,
            expect: Expect {
                reading,
                version: Some(version),
            },
        });
        self.dispatch(Action::ChangedElsewhere(Box::new(super::action::TakenIn {
            session: merged.session,
            news,
            clashes: merged.conflicts.len(),
        })));
        if more_than_theirs {
            self.schedule_save();
        } else {
            self.dispatch(Action::Saved(Ok(())));
        }
        true
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

    /// Takes note of a save's result; `Err` says why it failed, `Ok(true)`
    /// that the file changed elsewhere and must be merged first.
    fn note_result(&mut self, result: SaveResult) -> Result<bool, String> {
        match result {
            SaveResult::Written {
                session,
                version,
                fingerprint,
            } => {
                self.written = Some(fingerprint);
                if let Some(disk) = &mut self.disk {
                    disk.base = *session;
                    disk.expect.version = Some(version);
                }
                Ok(false)
            }
            SaveResult::Superseded => Ok(false),
            SaveResult::ChangedElsewhere => Ok(true),
            SaveResult::Failed(e) => Err(e),
        }
    }

    fn collect_save_results(&mut self) {
        while let Some(result) = self.saver.try_result() {
            match self.note_result(result) {
                Err(e) => {
                    self.dispatch(Action::Saved(Err(e)));
                    self.save_due = Some(Instant::now() + SAVE_RETRY);
                }
                Ok(true) => self.look_outside = true,
                Ok(false) if self.saver.in_flight() == 0 && self.save_due.is_none() => {
                    self.dispatch(Action::Saved(Ok(())));
                }
                Ok(false) => {}
            }
        }
    }

    /// Writes the open session if it differs from its file; `Err` says why
    /// it could not be written.
    fn flush(&mut self) -> Result<(), Box<NotWritten>> {
        for result in self.saver.drain() {
            let _ = self.note_result(result);
        }
        self.save_due = None;
        self.unsaved_since = None;
        // A change made elsewhere meanwhile is merged in first (and again,
        // should another land while this one is written).
        for _ in 0..5 {
            self.take_in_outside();
            let Some((path, session)) = self.savable() else {
                return Ok(());
            };
            if let Some(why) = &self.unreadable_outside {
                return Err(Box::new(NotWritten {
                    path,
                    session,
                    reason: why.clone(),
                    remedy: Remedy::Compare,
                }));
            }
            if Some(fingerprint(&session)) == self.written {
                return Ok(());
            }
            let text = to_text(&session);
            if let Err(e) = session.validate() {
                return Err(Box::new(NotWritten {
                    path,
                    session,
                    reason: format!("the session is inconsistent ({e})"),
                    remedy: Remedy::Other,
                }));
            }
            let expected = self.disk.as_ref().and_then(|d| d.expect.version);
            match self.store.read_versioned(&path) {
                Ok(now) if now.as_ref().map(|(_, v)| *v) != expected => continue,
                Ok(_) => {}
                Err(e) => {
                    return Err(Box::new(NotWritten {
                        remedy: Remedy::for_error(&e),
                        reason: e.to_string(),
                        path,
                        session,
                    }));
                }
            }
            return match self.store.save_text(&path, &text) {
                Ok(()) => {
                    self.written = Some(fingerprint(&session));
                    if let Some(disk) = &mut self.disk {
                        disk.expect.version = Some(crate::store::Version::of(text.as_bytes()));
                        disk.base = session;
                    }
                    Ok(())
                }
                Err(e) => Err(Box::new(NotWritten {
                    remedy: Remedy::for_error(&e),
                    reason: e.to_string(),
                    path,
                    session,
                })),
            };
        }
        match self.savable() {
            Some((path, session)) => Err(Box::new(NotWritten {
                path,
                session,
                reason: "the file keeps being changed elsewhere".to_string(),
                remedy: Remedy::Compare,
            })),
            None => Ok(()),
        }
    }

    /// Leaving a session for the list: it is saved first, or stays open.
    fn close(&mut self) {
        if let Err(failed) = self.flush() {
            return self.dispatch(Action::CloseFailed(failed.reason));
        }
        self.lock = None;
        self.written = None;
        self.disk = None;
        self.unreadable_outside = None;
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
        let NotWritten {
            path,
            session,
            reason,
            remedy,
        } = *failed;
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
                remedy,
            },
            unwritten,
        ))
    }
}
