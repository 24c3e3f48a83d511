//! What the key benches share: a generated session open on Whys.

use fivewhys::tui::app::App;
use fivewhys::tui::theme::{Theme, ThemeName};
use fivewhys::tui::{Action, update};

#[path = "../../examples/gen_sessions/generate.rs"]
#[allow(dead_code)]
mod generate;

/// An app with a generated session of `answers` answers open on Whys.
pub fn app_with(answers: usize) -> App {
    let mut rng = fastrand::Rng::with_seed(7);
    let mut session = generate::session(&mut rng, 1, answers, 20);
    session.stage = fivewhys::model::Stage::Whys;
    let mut app = App::new(Theme::named(ThemeName::Dark), jiff::Zoned::now());
    update(
        &mut app,
        Action::SessionOpened {
            session: Box::new(session),
            path: "/bench.json".into(),
            read_only: None,
        },
    );
    app
}
