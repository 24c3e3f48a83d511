//! Colour themes: dark and light (each for the background it is named
//! after), high contrast (which paints its own black background), and a
//! colourless one for `NO_COLOR`. Body text is always the terminal's own
//! foreground; emphasis is bold, underline or reverse, never a colour that
//! fades on one background. Every colour used keeps at least 4.5:1 contrast
//! on the background its theme is meant for (see `contrast`). Meaning never
//! depends on colour alone: marks and words say it too.

use ratatui::style::{Color, Modifier, Style};

/// Which theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    /// For a dark terminal background.
    Dark,
    /// For a light terminal background.
    Light,
    /// Black background, maximum contrast: projectors and poor video.
    HighContrast,
    /// No colour at all (`NO_COLOR`).
    NoColor,
}

/// The terminal's background, as detected or as the chosen theme implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    /// Dark (black or near it).
    Dark,
    /// Light (white or near it).
    Light,
}

impl ThemeName {
    /// Every theme.
    pub const ALL: [ThemeName; 4] = [
        ThemeName::Dark,
        ThemeName::Light,
        ThemeName::HighContrast,
        ThemeName::NoColor,
    ];

    /// The next theme readable on `background` (`NoColor` stays put: the
    /// user asked for it).
    pub fn next(self, background: Background) -> ThemeName {
        match (self, background) {
            (ThemeName::NoColor, _) => ThemeName::NoColor,
            (ThemeName::HighContrast, Background::Dark) => ThemeName::Dark,
            (ThemeName::HighContrast, Background::Light) => ThemeName::Light,
            _ => ThemeName::HighContrast,
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

    /// The name in `--theme`, `FIVEWHYS_THEME` and the config file.
    pub fn key(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
            ThemeName::NoColor => "no-color",
        }
    }

    /// The theme with this `key`.
    pub fn from_key(key: &str) -> Option<ThemeName> {
        ThemeName::ALL.into_iter().find(|t| t.key() == key.trim())
    }

    /// The background this theme is drawn for (`None`: any).
    pub fn meant_for(self) -> Option<Background> {
        match self {
            ThemeName::Dark => Some(Background::Dark),
            ThemeName::Light => Some(Background::Light),
            ThemeName::HighContrast | ThemeName::NoColor => None,
        }
    }
}

/// The styles the screens use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Which theme this is.
    pub name: ThemeName,
    /// The background the terminal has (decides what `T` cycles through).
    pub background: Background,
    /// Body text.
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
    /// Root causes.
    pub root: Style,
    /// Key names in the footer and help.
    pub key: Style,
    /// Gentle suggestions (the blameless nudge): not an error.
    pub tip: Style,
}

impl Theme {
    /// The theme with this name, on a terminal with this background.
    pub fn named(name: ThemeName) -> Theme {
        Theme::on(name, name.meant_for().unwrap_or(Background::Dark))
    }

    /// The theme `name` on a terminal whose background is `background`.
    pub fn on(name: ThemeName, background: Background) -> Theme {
        let plain = Style::default();
        let bold = Modifier::BOLD;
        let reversed = plain.add_modifier(Modifier::REVERSED);
        let error = plain.fg(Color::White).bg(Color::Red).add_modifier(bold);
        match name {
            ThemeName::Dark => Theme {
                name,
                background,
                text: plain,
                // Faint: two thirds of the terminal's own foreground, so it
                // stays readable whatever the palette.
                dim: plain.add_modifier(Modifier::DIM),
                accent: plain.fg(Color::Cyan).add_modifier(bold),
                selected: reversed,
                question: plain.add_modifier(bold),
                warn: plain.fg(Color::LightRed).add_modifier(bold),
                error,
                root: plain.fg(Color::LightMagenta).add_modifier(bold),
                key: plain.fg(Color::Cyan).add_modifier(bold),
                tip: plain.fg(Color::Cyan).add_modifier(Modifier::ITALIC),
            },
            ThemeName::Light => Theme {
                name,
                background,
                text: plain,
                // Faint does not lighten black text, so a grey that keeps
                // 7:1 on white.
                dim: plain.fg(Color::Indexed(240)),
                accent: plain.fg(Color::Blue).add_modifier(bold),
                selected: reversed,
                question: plain.add_modifier(bold),
                warn: plain.fg(Color::Red).add_modifier(bold),
                error,
                root: plain.fg(Color::Magenta).add_modifier(bold),
                key: plain.fg(Color::Blue).add_modifier(bold),
                tip: plain.fg(Color::Blue).add_modifier(Modifier::ITALIC),
            },
            ThemeName::HighContrast => {
                let on_black = plain.bg(Color::Black);
                Theme {
                    name,
                    background,
                    text: on_black.fg(Color::White),
                    dim: on_black.fg(Color::Indexed(250)),
                    accent: on_black.fg(Color::LightYellow).add_modifier(bold),
                    selected: plain
                        .fg(Color::Black)
                        .bg(Color::LightYellow)
                        .add_modifier(bold),
                    question: on_black.fg(Color::White).add_modifier(bold),
                    warn: on_black
                        .fg(Color::LightRed)
                        .add_modifier(bold | Modifier::UNDERLINED),
                    error: plain
                        .fg(Color::Black)
                        .bg(Color::LightRed)
                        .add_modifier(bold),
                    root: on_black.fg(Color::LightCyan).add_modifier(bold),
                    key: on_black.fg(Color::LightCyan).add_modifier(bold),
                    tip: on_black.fg(Color::LightCyan).add_modifier(Modifier::ITALIC),
                }
            }
            ThemeName::NoColor => Theme {
                name,
                background,
                text: plain,
                dim: plain.add_modifier(Modifier::DIM),
                accent: plain.add_modifier(bold),
                selected: reversed,
                question: plain.add_modifier(bold),
                warn: plain.add_modifier(bold | Modifier::UNDERLINED),
                error: plain.add_modifier(Modifier::REVERSED | bold),
                root: plain.add_modifier(bold),
                key: plain.add_modifier(bold),
                tip: plain.add_modifier(Modifier::ITALIC),
            },
        }
    }

    /// Every style with its role, for checks.
    pub fn styles(&self) -> [(&'static str, Style); 10] {
        [
            ("text", self.text),
            ("dim", self.dim),
            ("accent", self.accent),
            ("selected", self.selected),
            ("question", self.question),
            ("warn", self.warn),
            ("error", self.error),
            ("root", self.root),
            ("key", self.key),
            ("tip", self.tip),
        ]
    }

    /// The next theme readable on this terminal's background.
    pub fn next(&self) -> Theme {
        Theme::on(self.name.next(self.background), self.background)
    }
}

pub mod choice;
pub mod contrast;
