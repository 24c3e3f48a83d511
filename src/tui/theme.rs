//! Colour themes: dark (default), light, high contrast, and a colourless
//! one for `NO_COLOR`. Meaning never depends on colour alone: confidence and
//! root causes also have symbols and labels.

use ratatui::style::{Color, Modifier, Style};

/// Which theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    /// Light text on a dark terminal.
    Dark,
    /// Dark text on a light terminal.
    Light,
    /// Maximum contrast, for projectors and poor video.
    HighContrast,
    /// No colour at all (`NO_COLOR`).
    NoColor,
}

impl ThemeName {
    /// The next theme (`NoColor` stays put: the user asked for it).
    pub fn next(self) -> ThemeName {
        match self {
            ThemeName::Dark => ThemeName::Light,
            ThemeName::Light => ThemeName::HighContrast,
            ThemeName::HighContrast => ThemeName::Dark,
            ThemeName::NoColor => ThemeName::NoColor,
        }
    }

    /// Name shown in the status line.
    pub fn label(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high contrast",
            ThemeName::NoColor => "no colour",
        }
    }
}

/// The styles the screens use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Which theme this is.
    pub name: ThemeName,
    /// Normal text.
    pub text: Style,
    /// Secondary text: labels, hints.
    pub dim: Style,
    /// Headings and the current stage.
    pub accent: Style,
    /// The selected row or cell.
    pub selected: Style,
    /// The question being asked: the biggest thing on screen.
    pub question: Style,
    /// Gaps and warnings.
    pub warn: Style,
    /// Errors.
    pub error: Style,
    /// Root-cause marker.
    pub root: Style,
    /// Key names in the footer.
    pub key: Style,
    /// Gentle suggestions (the blameless nudge): not an error.
    pub tip: Style,
}

impl Theme {
    /// The theme with this name.
    pub fn named(name: ThemeName) -> Theme {
        let plain = Style::default();
        match name {
            ThemeName::Dark => Theme {
                name,
                text: plain,
                dim: plain.fg(Color::Gray),
                accent: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
                selected: plain.bg(Color::Blue).fg(Color::White),
                question: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
                warn: plain.fg(Color::LightRed),
                error: plain
                    .fg(Color::White)
                    .bg(Color::Red)
                    .add_modifier(Modifier::BOLD),
                root: plain.fg(Color::LightMagenta).add_modifier(Modifier::BOLD),
                key: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
                tip: plain.fg(Color::Cyan).add_modifier(Modifier::ITALIC),
            },
            ThemeName::Light => Theme {
                name,
                text: plain,
                dim: plain.fg(Color::DarkGray),
                accent: plain.fg(Color::Blue).add_modifier(Modifier::BOLD),
                selected: plain.bg(Color::LightBlue).fg(Color::Black),
                question: plain.fg(Color::Magenta).add_modifier(Modifier::BOLD),
                warn: plain.fg(Color::Red),
                error: plain
                    .fg(Color::White)
                    .bg(Color::Red)
                    .add_modifier(Modifier::BOLD),
                root: plain.fg(Color::Magenta).add_modifier(Modifier::BOLD),
                key: plain.fg(Color::Blue).add_modifier(Modifier::BOLD),
                tip: plain.fg(Color::Blue).add_modifier(Modifier::ITALIC),
            },
            ThemeName::HighContrast => Theme {
                name,
                text: plain.fg(Color::White).bg(Color::Black),
                dim: plain.fg(Color::White).bg(Color::Black),
                accent: plain
                    .fg(Color::LightYellow)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                selected: plain
                    .fg(Color::Black)
                    .bg(Color::LightYellow)
                    .add_modifier(Modifier::BOLD),
                question: plain
                    .fg(Color::LightYellow)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                warn: plain
                    .fg(Color::LightRed)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                error: plain
                    .fg(Color::Black)
                    .bg(Color::LightRed)
                    .add_modifier(Modifier::BOLD),
                root: plain
                    .fg(Color::LightCyan)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                key: plain
                    .fg(Color::LightCyan)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                tip: plain
                    .fg(Color::LightCyan)
                    .bg(Color::Black)
                    .add_modifier(Modifier::ITALIC),
            },
            ThemeName::NoColor => Theme {
                name,
                text: plain,
                dim: plain,
                accent: plain.add_modifier(Modifier::BOLD),
                selected: plain.add_modifier(Modifier::REVERSED),
                question: plain.add_modifier(Modifier::BOLD),
                warn: plain.add_modifier(Modifier::BOLD),
                error: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
                root: plain.add_modifier(Modifier::BOLD),
                key: plain.add_modifier(Modifier::BOLD),
                tip: plain.add_modifier(Modifier::ITALIC),
            },
        }
    }

    /// Dark, or no colour when `NO_COLOR` is set (to anything non-empty).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::named(if no_color {
            ThemeName::NoColor
        } else {
            ThemeName::Dark
        })
    }
}
