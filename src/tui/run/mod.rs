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

mod errors;
mod follow;

mod saving;

pub use errors::{Remedy, RunError};

use super::action::Action;
use super::app::{App, Screen};
use super::effect::Effect;
use super::keymap;
use super::saver::{Expect, Saver, fingerprint};
use super::theme::Theme;
use super::{ui, update};
use crate::model::Session;
use crate::store::{LockOutcome, SessionLock, Store, StoreError};

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

/// The open session's file as this window knows it.
struct OnDisk {
    /// Every version of the file this window read or wrote, oldest first
    /// (the last [`KNOWN_VERSIONS`]): a change made elsewhere is merged
    /// from the one it most likely grew from (`model::merge::nearest`).
    /// A teammate's copy grows from what this window last wrote; a stash
    /// or an editor's old buffer from an older one, which then takes away
    /// nothing typed here since.
    known: Vec<Session>,
    /// The version the file holds as this window last read or wrote it,
    /// for the saver to check against.
    expect: Expect,
}

/// How many versions of the open file a window keeps to merge from.
const KNOWN_VERSIONS: usize = 64;

impl OnDisk {
    /// Adds a version read or written, dropping the oldest past the limit.
    fn know(&mut self, version: Session) {
        if self.known.len() >= KNOWN_VERSIONS {
            self.known.remove(0);
        }
        self.known.push(version);
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
    /// The thread that asks the index (Home's filter, "seen before").
    lookup: crate::tui::lookup::Lookup,
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
        lookup: crate::tui::lookup::Lookup::start(store.clone()),
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
    let events = super::input::spawn_reader();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        lp.run(&mut terminal, (&start, options.notice), &stop, &events)
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
        (start, notice): (&Start, Option<String>),
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
        // Said after the session opened (which sets a line of its own),
        // so a problem with the config file is seen on any way in.
        if let Some(notice) = notice {
            self.dispatch(Action::Failed(notice));
        }
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
            // While the store is being read or the index asked, what
            // they bring is looked for often: it is shown as it comes.
            let idle = if self.awaiting() {
                Duration::from_millis(8)
            } else {
                Duration::from_millis(250)
            };
            let wait = match self.save_due {
                Some(due) => due.saturating_duration_since(Instant::now()).min(idle),
                None => idle,
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
            self.collect_lookups();
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
                Effect::Search(query) => self.lookup.filter(query),
                Effect::SeenBefore(ask) => self.lookup.seen_before(ask),
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
        if format == Format::Eml {
            // A draft is a file to open, not something to paste.
            let said = match self.store.write_export(&path, "eml", text.as_bytes()) {
                Ok(file) => Action::Copied(format!(
                    "Email draft written to {}: open it in your mail client to send it.",
                    file.display()
                )),
                Err(e) => Action::Failed(format!("Could not write the email draft: {e}")),
            };
            return self.dispatch(said);
        }
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
            known: vec![session.clone()],
            expect: Expect {
                reading: self.readings,
                version: Some(version),
                recorded: Some(fingerprint(&session)),
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
}
