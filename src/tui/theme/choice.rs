//! Which theme to start with: an explicit `--theme` (or `FIVEWHYS_THEME`)
//! wins, then `NO_COLOR`, then the theme remembered from `T` (unless it was
//! chosen for the other kind of background), then the terminal's detected
//! background. Pure: detection is passed in and asked for only if needed.

use super::{Background, Theme, ThemeName};

/// A theme asked for by name, or "auto".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// Follow the terminal's background.
    Auto,
    /// This theme.
    Named(ThemeName),
}

impl Request {
    /// Reads `auto`, `dark`, `light`, `high-contrast` (also `no-color`).
    pub fn parse(text: &str) -> Option<Request> {
        match text.trim() {
            "auto" => Some(Request::Auto),
            other => ThemeName::from_key(other).map(Request::Named),
        }
    }
}

/// The theme to start with.
pub fn choose(
    explicit: Option<Request>,
    no_color: bool,
    remembered: Option<Request>,
    detect: impl FnOnce() -> Option<Background>,
) -> Theme {
    let mut detected = None;
    let mut detect = Some(detect);
    let mut background = || {
        if let Some(f) = detect.take() {
            detected = Some(f());
        }
        detected.flatten()
    };
    let named = |name: ThemeName, background: &mut dyn FnMut() -> Option<Background>| {
        let on = name
            .meant_for()
            .or_else(background)
            .unwrap_or(Background::Dark);
        Theme::on(name, on)
    };
    match explicit {
        Some(Request::Named(name)) => return named(name, &mut background),
        Some(Request::Auto) => {}
        None if no_color => return Theme::on(ThemeName::NoColor, Background::Dark),
        None => {
            if let Some(Request::Named(name)) = remembered {
                let here = background();
                // A theme remembered on a light terminal is not forced on a
                // dark one: readable first.
                let fits = match (name.meant_for(), here) {
                    (Some(meant), Some(here)) => meant == here,
                    _ => true,
                };
                if fits {
                    return Theme::on(name, here.or(name.meant_for()).unwrap_or(Background::Dark));
                }
            }
        }
    }
    match background() {
        Some(Background::Light) => Theme::on(ThemeName::Light, Background::Light),
        _ => Theme::on(ThemeName::Dark, Background::Dark),
    }
}

/// The background `COLORFGBG` ("15;0") describes, if it does.
pub fn from_colorfgbg(value: &str) -> Option<Background> {
    let bg: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
    Some(if matches!(bg, 7 | 9..=15) {
        Background::Light
    } else {
        Background::Dark
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(
        explicit: Option<&str>,
        no_color: bool,
        remembered: Option<&str>,
        bg: Option<Background>,
    ) -> ThemeName {
        choose(
            explicit.and_then(Request::parse),
            no_color,
            remembered.and_then(Request::parse),
            || bg,
        )
        .name
    }

    #[test]
    fn the_terminal_background_decides_when_nothing_is_asked() {
        assert_eq!(
            pick(None, false, None, Some(Background::Light)),
            ThemeName::Light
        );
        assert_eq!(
            pick(None, false, None, Some(Background::Dark)),
            ThemeName::Dark
        );
        assert_eq!(pick(None, false, None, None), ThemeName::Dark);
        assert_eq!(
            pick(Some("auto"), false, Some("dark"), Some(Background::Light)),
            ThemeName::Light
        );
    }

    #[test]
    fn explicit_beats_no_color_beats_remembered() {
        let light = Some(Background::Light);
        assert_eq!(
            pick(Some("high-contrast"), true, Some("light"), light),
            ThemeName::HighContrast
        );
        assert_eq!(pick(None, true, Some("light"), light), ThemeName::NoColor);
        assert_eq!(
            pick(None, false, Some("high-contrast"), light),
            ThemeName::HighContrast
        );
    }

    #[test]
    fn a_remembered_theme_for_the_other_background_is_not_forced() {
        assert_eq!(
            pick(None, false, Some("light"), Some(Background::Dark)),
            ThemeName::Dark
        );
        assert_eq!(pick(None, false, Some("light"), None), ThemeName::Light);
    }

    #[test]
    fn t_cycles_only_through_themes_readable_on_the_background() {
        let on_light = choose(None, false, None, || Some(Background::Light));
        let names: Vec<ThemeName> = std::iter::successors(Some(on_light), |t| Some(t.next()))
            .take(4)
            .map(|t| t.name)
            .collect();
        assert_eq!(
            names,
            [
                ThemeName::Light,
                ThemeName::HighContrast,
                ThemeName::Light,
                ThemeName::HighContrast
            ]
        );
    }

    #[test]
    fn colorfgbg_says_light_or_dark() {
        assert_eq!(from_colorfgbg("15;0"), Some(Background::Dark));
        assert_eq!(from_colorfgbg("0;15"), Some(Background::Light));
        assert_eq!(from_colorfgbg("default;default"), None);
    }
}
