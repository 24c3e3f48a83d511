//! Every screen rendered at 80×24 and 120×40, compared with the snapshots
//! committed under tests/snapshots/. Time is fixed, so timers are stable.

mod common;

use common::*;
use crossterm::event::KeyCode;
use fivewhys::model::Stage;
use fivewhys::store::{Listing, SessionSummary, Unreadable};
use fivewhys::tui::app::{App, HomeState, Screen};
use fivewhys::tui::theme::{Theme, ThemeName};
use fivewhys::tui::{Action, update};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn check(name: &str, app: &App) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(app, w, h));
    }
}

/// The outage example open at `stage`, 12 min 34 s into the meeting.
fn at(stage: Stage) -> App {
    let mut app = app_with(outage(), None);
    let key = match stage {
        Stage::Intake => '1',
        Stage::Whys => '2',
        Stage::Actions => '3',
        Stage::Review => '4',
    };
    common::key(&mut app, KeyCode::Char(key));
    let later = now().timestamp() + jiff::SignedDuration::from_secs(754);
    update(&mut app, Action::Tick(later));
    app
}

/// Selects the why node whose answer starts with `prefix`.
fn select(app: &mut App, prefix: &str) {
    for _ in 0..100 {
        let ss = ss(app);
        let id = ss.node_sel.as_deref().unwrap();
        if ss.session().node(id).unwrap().answer.starts_with(prefix) {
            return;
        }
        key(app, KeyCode::Down);
    }
    panic!("no answer starts with {prefix:?}");
}

#[test]
fn home() {
    let session = outage();
    let mut second = session.clone();
    second.id = "d7rq4m".into();
    second.title = "Deliveries on time, yet delivery ratings fall".into();
    second.updated = "2026-10-06T10:14:40Z".parse().unwrap();
    let listing = Listing {
        sessions: vec![
            SessionSummary::of(&session, "/data/sessions/a.json".into()),
            SessionSummary::of(&second, "/data/sessions/b.json".into()),
        ],
        unreadable: vec![Unreadable {
            path: "/data/sessions/2026-09-01-from-the-future.json".into(),
            reason: "schema_version 7 is newer than this fivewhys supports (1); upgrade fivewhys to open it".into(),
        }],
        ..Listing::default()
    };
    let mut app = App::new(Theme::named(ThemeName::Dark), now());
    app.screen = Screen::Home(Box::new(HomeState {
        listing,
        ..HomeState::default()
    }));
    check("home", &app);
}

#[test]
fn intake() {
    let mut app = at(Stage::Intake);
    for _ in 0..4 {
        key(&mut app, KeyCode::Down);
    }
    check("intake", &app);
}

#[test]
fn intake_editing_a_time() {
    let mut app = at(Stage::Intake);
    for _ in 0..4 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    for _ in 0..16 {
        key(&mut app, KeyCode::Backspace);
    }
    typing(&mut app, "yesterday 9:15");
    check("intake_editing_time", &app);
}

#[test]
fn whys_branching_tree() {
    let mut app = at(Stage::Whys);
    select(&mut app, "The sale traffic forecast");
    check("whys", &app);
}

#[test]
fn actions_with_gaps() {
    let mut app = at(Stage::Actions);
    key(&mut app, KeyCode::Down);
    check("actions", &app);
}

#[test]
fn review() {
    check("review", &at(Stage::Review));
}

#[test]
fn help_overlay() {
    let mut app = at(Stage::Whys);
    key(&mut app, KeyCode::Char('?'));
    check("help", &app);
}

#[test]
fn presenter_view() {
    let mut app = at(Stage::Whys);
    select(&mut app, "The sale traffic forecast");
    key(&mut app, KeyCode::Char('v'));
    check("presenter", &app);
}

#[test]
fn read_only_banner() {
    let mut app = app_with(outage(), Some("another fivewhys (process 4242)"));
    key(&mut app, KeyCode::Char('2'));
    check("read_only", &app);
}

#[test]
fn window_too_small() {
    let app = at(Stage::Whys);
    insta::assert_snapshot!("too_small_30x8", screen(&app, 30, 8));
}

/// A session whose people and texts are in wide and combining scripts.
fn wide_session() -> fivewhys::model::Session {
    use fivewhys::model::{Participant, Role};
    let mut s = outage();
    s.title = "配送評価の低下 📦 — Zoë’s review".into();
    s.participants = vec![
        Participant {
            name: "王小明".into(),
            team: "客服 Customer support".into(),
            role: Role::Facilitator,
            email: None,
        },
        Participant {
            name: "José 👩‍💻 García".into(),
            team: "Plataforma e\u{301}quipe".into(),
            role: Role::Participant,
            email: None,
        },
        Participant {
            name: "Ünal Çelik".into(),
            team: "Operasyon 🚚🚚🚚🚚🚚🚚🚚🚚🚚🚚".into(),
            role: Role::Scribe,
            email: None,
        },
    ];
    s.actions[0].description =
        "配送状況のメールを毎日送る 📧 so that customers know where the parcel is".into();
    s.actions[0].owner = Some("王小明".into());
    s.actions[0].team = Some("客服 Customer support".into());
    s.actions[1].owner = Some("José 👩‍💻 García".into());
    s.actions[1].description =
        "Café-style ‘e\u{301}’ accents and zero\u{200b}width spaces line up".into();
    s
}

#[test]
fn wide_text_lines_up() {
    let mut app = app_with(wide_session(), None);
    common::key(&mut app, KeyCode::Char('1'));
    for _ in 0..12 {
        common::key(&mut app, KeyCode::Down);
    }
    insta::assert_snapshot!("wide_intake_80x24", screen(&app, 80, 24));
    common::key(&mut app, KeyCode::Char('3'));
    insta::assert_snapshot!("wide_actions_80x24", screen(&app, 80, 24));
    let listing = Listing {
        sessions: vec![SessionSummary::of(
            &wide_session(),
            "/data/sessions/a.json".into(),
        )],
        unreadable: Vec::new(),
        ..Listing::default()
    };
    let mut home = App::new(Theme::named(ThemeName::Dark), now());
    home.screen = Screen::Home(Box::new(HomeState {
        listing,
        ..HomeState::default()
    }));
    insta::assert_snapshot!("wide_home_80x24", screen(&home, 80, 24));
}

#[test]
fn review_previews_markdown_and_html_as_they_read() {
    let mut app = at(Stage::Review);
    common::key(&mut app, KeyCode::Char('f'));
    let markdown = screen(&app, 80, 40);
    assert!(
        !markdown.contains("**"),
        "Markdown is shown rendered:\n{markdown}"
    );
    insta::assert_snapshot!("review_markdown_80x40", markdown);
    common::key(&mut app, KeyCode::Char('f'));
    let html = screen(&app, 80, 40);
    assert!(
        !html.contains("<li") && !html.contains("style="),
        "HTML is shown rendered:\n{html}"
    );
    insta::assert_snapshot!("review_html_80x40", html);
}

#[test]
fn a_seven_level_chain_at_80x24() {
    let mut app = at(Stage::Whys);
    select(&mut app, "Our config review only compares files");
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Our config review only compares files"),
        "the deepest answer is readable:\n{shown}"
    );
    insta::assert_snapshot!("whys_seven_deep_80x24", shown);
}

#[test]
fn every_theme_shows_the_focused_action_cell() {
    use fivewhys::tui::theme::contrast;
    for name in ThemeName::ALL {
        let mut app = at(Stage::Actions);
        app.theme = Theme::named(name);
        key(&mut app, KeyCode::Down);
        key(&mut app, KeyCode::Right);
        let terminal = draw(&app, 80, 24);
        let buffer = terminal.backend().buffer();
        let row = (0..24)
            .find(|&y| buffer[(0, y)].symbol() == "▸")
            .expect("a selected row");
        let background = name
            .meant_for()
            .unwrap_or(fivewhys::tui::theme::Background::Dark);
        let look = |x: u16| {
            let cell = &buffer[(x, row)];
            let style = ratatui::style::Style::default()
                .fg(cell.fg)
                .bg(cell.bg)
                .add_modifier(cell.modifier);
            contrast::resolve(style, background)
        };
        // The owner cell (focused) looks different from the description
        // cell beside it in the same row.
        let owner_x = (0..80)
            .find(|&x| buffer[(x, row)].symbol() == "C" && buffer[(x + 1, row)].symbol() == "a")
            .expect("Carlos Mendes on the selected row");
        assert_ne!(
            look(owner_x).1,
            look(5).1,
            "{}: the focused cell does not stand out",
            name.label()
        );
    }
}
