//! How readable a style is: its colours resolved the way xterm draws them
//! (the standard 256-colour palette, faint as two thirds of the colour,
//! reverse swapping), and the WCAG contrast ratio between them.

use ratatui::style::{Color, Modifier, Style};

use super::Background;

/// An sRGB colour.
pub type Rgb = (u8, u8, u8);

/// The default foreground and background xterm shows on each background
/// (`xterm -fg white -bg black`, `xterm -fg black -bg white`).
pub fn defaults(background: Background) -> (Rgb, Rgb) {
    match background {
        Background::Dark => ((255, 255, 255), (0, 0, 0)),
        Background::Light => ((0, 0, 0), (255, 255, 255)),
    }
}

/// xterm's colour for `color`; `None` for the terminal's default.
pub fn xterm_rgb(color: Color) -> Option<Rgb> {
    const BASIC: [Rgb; 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    let index = match color {
        Color::Reset => return None,
        Color::Rgb(r, g, b) => return Some((r, g, b)),
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) => i,
    };
    Some(match index {
        0..=15 => BASIC[usize::from(index)],
        16..=231 => {
            let i = index - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            (level(i / 36), level(i / 6 % 6), level(i % 6))
        }
        _ => {
            let v = 8 + 10 * (index - 232);
            (v, v, v)
        }
    })
}

/// The colours a style is drawn in on `background`: (text, behind it).
pub fn resolve(style: Style, background: Background) -> (Rgb, Rgb) {
    let (default_fg, default_bg) = defaults(background);
    let mut fg = style.fg.and_then(xterm_rgb).unwrap_or(default_fg);
    let bg = style.bg.and_then(xterm_rgb).unwrap_or(default_bg);
    if style.add_modifier.contains(Modifier::DIM) {
        // xterm (and VTE, which copied it) draws faint at 2/3 intensity.
        let third = |c: u8| (u16::from(c) * 2 / 3) as u8;
        fg = (third(fg.0), third(fg.1), third(fg.2));
    }
    if style.add_modifier.contains(Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

/// WCAG relative luminance.
pub fn luminance((r, g, b): Rgb) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG contrast ratio, 1 to 21.
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The contrast of `style` drawn on `background`.
pub fn of(style: Style, background: Background) -> f64 {
    let (fg, bg) = resolve(style, background);
    ratio(fg, bg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::theme::{Theme, ThemeName};

    #[test]
    fn the_formula_matches_known_values() {
        assert!((ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
        // The old dark theme's "dim" (xterm grey 7) next to white text.
        assert!(ratio((229, 229, 229), (255, 255, 255)) < 1.3);
        // Yellow on white: what the old question looked like.
        assert!(of(Style::default().fg(Color::Yellow), Background::Light) < 1.8);
    }

    #[test]
    fn every_style_of_every_theme_is_readable_on_its_background() {
        let mut failures = Vec::new();
        for name in ThemeName::ALL {
            let backgrounds = match name.meant_for() {
                Some(b) => vec![b],
                None => vec![Background::Dark, Background::Light],
            };
            for background in backgrounds {
                let theme = Theme::on(name, background);
                for (role, style) in theme.styles() {
                    let contrast = of(style, background);
                    if contrast < 4.5 {
                        failures.push(format!(
                            "{} on {background:?}: {role} is {contrast:.2}:1",
                            name.label()
                        ));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn secondary_text_looks_different_from_body_text() {
        for name in [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast] {
            let theme = Theme::named(name);
            let background = name.meant_for().unwrap_or(Background::Dark);
            let apart = ratio(
                resolve(theme.dim, background).0,
                resolve(theme.text, background).0,
            );
            assert!(
                apart >= 1.5,
                "{}: labels and values look the same ({apart:.2}:1)",
                name.label()
            );
        }
    }
}
