//! Plays the event loop's part for tests: carries out effects against an
//! in-memory store, so that key sequences can open, close, create and
//! trash sessions without a terminal or files.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crossterm::event::{Event, KeyEvent};
use fivewhys::model::Session;
use fivewhys::store::{Listing, SessionSummary};
use fivewhys::tui::app::{App, Screen};
use fivewhys::tui::effect::Effect;
use fivewhys::tui::{Action, keymap, update};

/// An app and the sessions "on disk".
pub struct Driver {
    /// The app under test.
    pub app: App,
    /// Sessions by path.
    pub files: BTreeMap<PathBuf, Session>,
    /// Effects seen, in order.
    pub effects: Vec<Effect>,
}

impl Driver {
    /// A driver on the home screen with these sessions stored.
    pub fn home(sessions: Vec<Session>) -> Driver {
        let mut files = BTreeMap::new();
        for s in sessions {
            files.insert(PathBuf::from(format!("/store/{}.json", s.id)), s);
        }
        let mut d = Driver {
            app: App::new(
                fivewhys::tui::theme::Theme::named(fivewhys::tui::theme::ThemeName::Dark),
                super::now(),
            ),
            files,
            effects: Vec::new(),
        };
        d.apply(vec![Effect::Refresh]);
        d
    }

    /// A driver with `session` open.
    pub fn open(session: Session) -> Driver {
        let path = PathBuf::from(format!("/store/{}.json", session.id));
        let mut d = Driver::home(vec![session]);
        d.apply(vec![Effect::Open(path)]);
        d
    }

    fn listing(&self) -> Listing {
        let mut listing = Listing {
            sessions: self
                .files
                .iter()
                .map(|(p, s)| SessionSummary::of(s, p.clone()))
                .collect(),
            ..Listing::default()
        };
        listing.sort();
        listing.place();
        listing
    }

    /// Sends one terminal event through the real keymap and update.
    pub fn event(&mut self, ev: Event) -> Vec<Effect> {
        let effects = match keymap::action_for(self.app.contexts(), ev) {
            Some(action) => update(&mut self.app, action),
            None => Vec::new(),
        };
        self.apply(effects.clone());
        effects
    }

    /// Presses a key.
    pub fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.event(Event::Key(key))
    }

    /// Dispatches an action directly.
    pub fn action(&mut self, action: Action) -> Vec<Effect> {
        let effects = update(&mut self.app, action);
        self.apply(effects.clone());
        effects
    }

    fn apply(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            self.effects.push(effect.clone());
            match effect {
                Effect::Refresh => {
                    let listing = self.listing();
                    update(&mut self.app, Action::Listed(listing));
                }
                Effect::Open(path) => {
                    if let Some(s) = self.files.get(&path).cloned() {
                        update(
                            &mut self.app,
                            Action::SessionOpened {
                                session: Box::new(s),
                                path,
                                read_only: None,
                            },
                        );
                    }
                }
                Effect::Create { title, kind } => {
                    let mut s = Session::new(title, super::now().timestamp());
                    s.kind = kind;
                    let path = PathBuf::from(format!("/store/{}.json", s.id));
                    self.files.insert(path.clone(), s);
                    self.apply(vec![Effect::Open(path)]);
                }
                Effect::Trash(path) => {
                    self.files.remove(&path);
                }
                Effect::Close => {
                    if let Screen::Session(ss) = &self.app.screen {
                        let saved = ss.snapshot(self.app.now.timestamp());
                        self.files.insert(ss.path.clone(), saved);
                    }
                    let listing = self.listing();
                    update(&mut self.app, Action::Closed(listing));
                }
                Effect::Copy(_) => {
                    update(&mut self.app, Action::Copied("Copied.".into()));
                }
                Effect::OpenAction { path, action } => {
                    self.apply(vec![Effect::Open(path)]);
                    if matches!(self.app.screen, Screen::Session(_)) {
                        update(
                            &mut self.app,
                            Action::GoStage(fivewhys::model::Stage::Actions),
                        );
                        update(&mut self.app, Action::SelectAction(action));
                    }
                }
                Effect::Search(text) => {
                    // As the index answers: the sessions with the words
                    // (the last one a prefix) or an id starting with them,
                    // then where, then that this was all.
                    use fivewhys::tui::app::FoundPart;
                    let query = fivewhys::follow::search::Query::parse(&text, true);
                    let prefix = text.trim().to_lowercase();
                    let mut ids = Vec::new();
                    let mut hits = Vec::new();
                    for s in self.files.values() {
                        let hit = fivewhys::follow::search::hits(s, &query).into_iter().next();
                        if hit.is_some() || (!prefix.is_empty() && s.id.starts_with(&prefix)) {
                            ids.push(s.id.clone());
                        }
                        hits.extend(hit);
                    }
                    let found = |part| Action::Found(text.clone(), part);
                    update(&mut self.app, found(FoundPart::Sessions(ids)));
                    update(&mut self.app, found(FoundPart::Done));
                    for hit in hits {
                        update(&mut self.app, found(FoundPart::Hit(hit)));
                    }
                }
                Effect::SeenBefore(ask) => {
                    update(&mut self.app, Action::SeenBefore(ask, Vec::new()));
                }
                Effect::Save | Effect::Quit | Effect::RememberTheme(_) => {}
            }
        }
    }
}
