//! The index at scale: Home's filter, one keystroke at a time, through
//! update and its effect (the lookup thread asking the index) until every
//! session found is on the list; and "seen before" for one answer.
//!
//! ```sh
//! cargo bench --bench index                                  # 10,000 sessions
//! FIVEWHYS_BENCH_SESSIONS=100000 cargo bench --bench index   # 100,000 (makes a 2 GB store)
//! FIVEWHYS_BENCH_STORE=DIR cargo bench --bench index          # a data folder made before
//! ```

#[path = "../examples/gen_sessions/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::sync::OnceLock;
use std::time::Duration;

use fivewhys::store::{Check, Store, file_name_for, to_text};
use fivewhys::tui::app::{App, FoundPart, Screen};
use fivewhys::tui::lookup::Lookup;
use fivewhys::tui::theme::{Theme, ThemeName};
use fivewhys::tui::{Action, Effect, update};

fn main() {
    divan::main();
}

/// How many sessions the store holds.
fn count() -> usize {
    std::env::var("FIVEWHYS_BENCH_SESSIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

/// A generated store, indexed (words too), made once per run under
/// cargo's target folder (the next run replaces it).
fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        if let Some(dir) = std::env::var_os("FIVEWHYS_BENCH_STORE") {
            let store = Store::open(dir).unwrap();
            store.index(Check::Full).unwrap().add_words().unwrap();
            return store;
        }
        let n = count();
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("bench-stores")
            .join(format!("index-{n}"));
        let store = Store::open(&dir).unwrap();
        let have = std::fs::read_dir(store.sessions_dir()).unwrap().count();
        if have != n {
            let _ = std::fs::remove_dir_all(&dir);
            let store = Store::open(&dir).unwrap();
            let mut rng = fastrand::Rng::with_seed(7);
            for i in 0..n {
                let (answers, actions) = generate::sizes(&mut rng);
                let s = generate::session(&mut rng, i, answers, actions);
                std::fs::write(store.sessions_dir().join(file_name_for(&s)), to_text(&s)).unwrap();
            }
        }
        store.index(Check::Full).unwrap().add_words().unwrap();
        store
    })
}

/// Home with the store listed, and a lookup thread of its own.
fn home() -> (App, Lookup) {
    let store = store();
    let mut app = App::new(Theme::named(ThemeName::Dark), jiff::Zoned::now());
    let last = jiff::Zoned::now()
        .date()
        .saturating_add(jiff::Span::new().days(8));
    update(&mut app, Action::Listed(store.list_due_by(last).unwrap()));
    update(&mut app, Action::Filter);
    (app, Lookup::start(store.clone()))
}

/// Types `key` into the filter and dispatches what the index says until
/// it has said all of it; returns how many sessions are shown.
fn type_key(app: &mut App, lookup: &Lookup, key: Action) -> usize {
    for effect in update(app, key) {
        if let Effect::Search(text) = effect {
            lookup.filter(text);
        }
    }
    loop {
        match lookup.found.recv_timeout(Duration::from_secs(60)) {
            Ok(Action::Found(text, FoundPart::Done)) => {
                let filter = match &app.screen {
                    Screen::Home(home) => home.filter.clone(),
                    Screen::Session(_) => String::new(),
                };
                update(app, Action::Found(text.clone(), FoundPart::Done));
                if text == filter {
                    break;
                }
            }
            Ok(action) => {
                update(app, action);
            }
            Err(_) => panic!("the index did not answer"),
        }
    }
    match &app.screen {
        Screen::Home(home) => home.visible().len(),
        Screen::Session(_) => 0,
    }
}

/// One keystroke of "connection pool" being typed (the word typed again
/// from its start once it is complete): from the key until every session
/// the filter keeps is on the list.
#[divan::bench(sample_count = 30, sample_size = 1)]
fn filter_keystroke(bencher: divan::Bencher) {
    let (mut app, lookup) = home();
    let text: Vec<char> = "connection pool".chars().collect();
    let mut at = 0;
    bencher.bench_local(|| {
        if at == text.len() {
            if let Screen::Home(home) = &mut app.screen {
                home.filter.clear();
            }
            at = 0;
        }
        let key = Action::Type(text[at].to_string());
        at += 1;
        type_key(&mut app, &lookup, key)
    });
}

/// "Seen before" for a root cause that recurs in the generated store.
#[divan::bench(sample_count = 30)]
fn seen_before(bencher: divan::Bencher) {
    let store = store();
    let index = store.index(Check::Quick).unwrap();
    let later = jiff::Timestamp::now();
    bencher.bench_local(|| {
        index
            .seen_before(
                "The connection pool was capped too low for the traffic",
                "none",
                later,
                &fivewhys::config::word_counts,
                2,
            )
            .unwrap()
    });
}
