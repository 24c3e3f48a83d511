//! The interactive facilitator: keymap → [`Action`] → pure [`update`] →
//! [`Effect`]s, and [`ui::render`] that only reads the [`App`].
//!
//! Only [`run`] touches the terminal and the store; everything else here is
//! pure and tested without a terminal.

pub mod action;
pub mod app;
pub mod audience;
pub mod burst;
pub mod detect;
pub mod effect;
pub mod field;
pub mod history;
pub mod input;
pub mod keymap;
pub mod lookup;
pub mod marks;
pub mod mode;
pub mod preview;
pub mod run;
pub mod saver;
pub mod screens;
pub mod terminal;
pub mod theme;
pub mod timer;
pub mod ui;
pub mod update;
pub mod widgets;
pub mod widths;

pub use action::Action;
pub use app::App;
pub use effect::Effect;
pub use run::{Options, RunError, Start, run};
pub use update::update;
