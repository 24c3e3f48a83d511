//! fivewhys — a terminal five-whys facilitator for blameless postmortems.
//!
//! Data flows one way, and each module owns one step of it:
//!
//! ```text
//! key/paste/resize ─> tui::keymap ─> Action ─> tui::update(&mut App, Action) -> Vec<Effect>
//!                                               │ (pure: no terminal, no files)
//!                      tui::ui::render(&App) <──┘          │
//!                                                          v
//!                                      store (save/lock) · export · clipboard
//! ```
//!
//! - [`model`]: `Session`, participants, the `WhyNode` tree, action items and
//!   their edit operations. Pure data with serde.
//! - [`store`]: all file I/O — data directory, atomic saves, locks, listing,
//!   import, schema versions.
//! - [`export`]: pure functions from a session to text.
//! - [`follow`]: actions, search and figures across sessions (pure).
//! - [`cli`]: the command line; `main.rs` only parses and dispatches.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod cli;
pub mod clipboard;
pub mod config;
pub mod export;
pub mod follow;
pub mod model;
pub mod natural;
pub mod store;
pub mod tui;
