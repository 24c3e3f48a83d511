//! Timings for the README's performance section:
//!
//! ```sh
//! cargo bench --bench speed
//! ```
//!
//! Plain `Instant` timings (no harness): listing 10,000 sessions with a
//! cold and a warm cache, the first frame of the home screen, and one key
//! press (update + render) in a 250-answer tree.

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use fivewhys::model::Session;
use fivewhys::store::{Store, to_text};
use fivewhys::tui::app::{App, HomeState, Screen};
use fivewhys::tui::theme::{Theme, ThemeName};
use fivewhys::tui::{Action, keymap, ui, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let example = std::fs::read_to_string(
        "examples/sessions/2026-11-03-checkout-outage-during-the-autumn-sale-k3f9ab.json",
    )
    .unwrap();
    let template = fivewhys::store::parse(&example).unwrap();
    for i in 0..10_000 {
        let mut s = template.clone();
        s.id = format!("s{i:05}");
        s.title = format!("Incident number {i}");
        std::fs::write(
            store
                .sessions_dir()
                .join(format!("2026-11-{:02}-incident-{i}.json", i % 28 + 1)),
            to_text(&s),
        )
        .unwrap();
    }
    let cache = dir.path().join("cache/list-v3.json");

    let cold = time(3, || {
        let _ = std::fs::remove_file(&cache);
        store.list().unwrap()
    });
    store.list().unwrap();
    let warm = time(5, || store.list().unwrap());

    let listing = store.list().unwrap();
    // The listing is in memory already (timed above); the first frame is
    // what Home works out and draws from it.
    let mut fresh: Vec<App> = (0..5)
        .map(|_| {
            let mut app = App::new(Theme::named(ThemeName::Dark), jiff::Zoned::now());
            app.screen = Screen::Home(Box::new(HomeState {
                listing: listing.clone(),
                ..HomeState::default()
            }));
            app
        })
        .collect();
    let mut drawn = Vec::new();
    let first_frame = time(5, || {
        let app = fresh.pop().unwrap();
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| ui::render(&app, f)).unwrap();
        // Dropped after the timing, not in it.
        drawn.push(app);
    });
    drop(drawn);

    let mut app = App::new(Theme::named(ThemeName::Dark), jiff::Zoned::now());
    let mut session = Session::with_id("bench2".into(), "Bench", jiff::Timestamp::now());
    let root = session.add_problem_statement("Problem");
    let mut parent = root;
    for i in 0..250 {
        let id = session.ask_why(&parent).unwrap();
        session.node_mut(&id).unwrap().answer =
            format!("answer {i} with some words to wrap in the detail pane");
        if i % 3 != 0 {
            parent = id;
        }
    }
    session.stage = fivewhys::model::Stage::Whys;
    update(
        &mut app,
        Action::SessionOpened {
            session: Box::new(session),
            path: "/x.json".into(),
            read_only: None,
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut down = true;
    let keypress = time(200, || {
        let code = if down { KeyCode::Down } else { KeyCode::Up };
        down = !down;
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        if let Some(action) = keymap::action_for(app.contexts(), event) {
            update(&mut app, action);
        }
        terminal.draw(|f| ui::render(&app, f)).unwrap();
    });
    let typing = time(200, || {
        update(&mut app, Action::Edit);
        let event = Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
        if let Some(action) = keymap::action_for(app.contexts(), event) {
            update(&mut app, action);
        }
        terminal.draw(|f| ui::render(&app, f)).unwrap();
        update(&mut app, Action::Commit);
    });

    println!("list 10,000 sessions, cold cache:      {cold:>10.2?}");
    println!("list 10,000 sessions, warm cache:      {warm:>10.2?}");
    println!("home screen first frame (120x40):      {first_frame:>10.2?}");
    println!("key press in a 250-answer tree:        {keypress:>10.2?}  (update + render, 120x40)");
    println!("edit, type one key, commit (250 nodes): {typing:>10.2?}");
}
