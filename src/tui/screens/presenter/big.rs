//! Type for the room: text in block letters, in one font at one of two
//! sizes of the same shape (full and quarter), or bold in a box when it
//! does not fit or is not plain ASCII. A text is drawn no larger than its
//! neighbours (the texts shown before and after it) would be, so the type
//! holds still as the facilitator moves between questions of similar
//! length.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

/// The block sizes, largest first: columns and rows one letter takes.
/// Both are the same font (half-height letters, a different shape, are
/// never used).
const SIZES: [(PixelSize, u16, u16); 2] = [(PixelSize::Full, 8, 8), (PixelSize::Quadrant, 4, 4)];

/// How a text is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    /// Block letters of this size, in these lines, this tall.
    Blocks(PixelSize, Vec<String>, u16),
    /// Bold text in a padded box.
    Boxed,
}

/// The text the block font can draw, if it can: printable ASCII, dashes
/// made plain.
fn blockable(text: &str) -> Option<String> {
    let ascii = text.replace(['—', '–'], "-");
    ascii
        .chars()
        .all(|c| c.is_ascii_graphic() || c == ' ')
        .then_some(ascii)
}

/// `text` in lines of at most `per_line` characters, if every word fits.
fn lines_of(text: &str, per_line: usize) -> Option<Vec<String>> {
    let lines: Vec<String> = textwrap::wrap(text, per_line)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    lines.iter().all(|l| l.len() <= per_line).then_some(lines)
}

/// How large a type is: 0 the largest blocks, then 1, then the box.
pub fn rank(t: &Type) -> usize {
    match t {
        Type::Blocks(size, _, _) => SIZES
            .iter()
            .position(|(s, _, _)| s == size)
            .unwrap_or(SIZES.len()),
        Type::Boxed => SIZES.len(),
    }
}

/// How `text` is drawn in `width`×`height`: the largest block size that
/// holds it, no larger than `cap` (a rank, see [`rank`]); a box when none
/// does or the text is not in the font.
pub fn choose_capped(text: &str, width: u16, height: u16, cap: usize) -> Type {
    let Some(ascii) = blockable(text) else {
        return Type::Boxed;
    };
    SIZES
        .iter()
        .skip(cap)
        .find_map(|&(size, cell_w, cell_h)| {
            let per_line = usize::from(width / cell_w);
            if per_line < 6 {
                return None;
            }
            let lines = lines_of(&ascii, per_line)?;
            let tall = lines.len() as u16 * cell_h;
            (tall <= height).then_some(Type::Blocks(size, lines, tall))
        })
        .unwrap_or(Type::Boxed)
}

/// How `text` is drawn in `width`×`height` at the largest size it fits.
pub fn choose(text: &str, width: u16, height: u16) -> Type {
    choose_capped(text, width, height, 0)
}

/// How `text` is drawn so that its neighbours (the texts shown just
/// before and after it) would be drawn the same size: the largest size
/// all of them fit. Moving between questions of similar length keeps the
/// type still; only a much longer neighbour makes it smaller.
pub fn steady(text: &str, neighbours: &[String], width: u16, height: u16) -> Type {
    let cap = neighbours
        .iter()
        .map(|n| rank(&choose(n, width, height)))
        .max()
        .unwrap_or(0);
    let own = choose(text, width, height);
    if rank(&own) >= cap {
        own
    } else {
        choose_capped(text, width, height, cap)
    }
}

/// How many rows `text` takes drawn as `t` in `width`×`height` (at most
/// `height`).
pub fn rows(t: &Type, text: &str, width: u16, height: u16) -> u16 {
    match t {
        Type::Blocks(_, _, tall) => *tall,
        Type::Boxed => {
            let room = usize::from(width.saturating_sub(6)).max(1);
            (textwrap::wrap(text, room).len() as u16 + 4).min(height)
        }
    }
}

/// Draws `text` as `t` (from [`steady`] or [`choose`] for this area),
/// centred in `area`; the area is cleared first, so no cell of earlier
/// letters stays behind. A type that no longer fits becomes the box.
pub fn draw(frame: &mut Frame, area: Rect, text: &str, t: Type, style: Style, border: Style) {
    frame.render_widget(Clear, area);
    let t = match t {
        Type::Blocks(_, _, tall) if tall > area.height => Type::Boxed,
        t => t,
    };
    match t {
        Type::Blocks(size, lines, tall) => {
            let [_, middle, _] = Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(tall),
                Constraint::Fill(1),
            ])
            .areas(area);
            let big = BigText::builder()
                .pixel_size(size)
                .style(style)
                .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                .build();
            frame.render_widget(big, middle);
        }
        Type::Boxed => {
            let room = usize::from(area.width.saturating_sub(6)).max(1);
            let rows = textwrap::wrap(text, room).len() as u16;
            let [_, middle, _] = Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length((rows + 4).min(area.height)),
                Constraint::Fill(1),
            ])
            .areas(area);
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(border)
                .padding(Padding::new(2, 2, 1, 1));
            frame.render_widget(
                Paragraph::new(Span::styled(text.to_string(), style))
                    .block(block)
                    .alignment(Alignment::Left)
                    .wrap(Wrap { trim: true }),
                middle,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_no_larger_than_its_neighbours_and_half_height_is_never_used() {
        let short = "Payments timed out";
        let long = "Every checkout request waited for a session-store connection";
        let alone = choose(short, 116, 30);
        let among = steady(short, &[long.to_string()], 116, 30);
        assert!(rank(&among) >= rank(&choose(long, 116, 30)));
        assert!(rank(&alone) <= rank(&among));
        for text in [short, long, "x"] {
            for (w, h) in [(76, 14), (116, 30), (200, 50)] {
                assert!(!matches!(
                    choose(text, w, h),
                    Type::Blocks(PixelSize::HalfHeight, _, _)
                ));
            }
        }
        assert_eq!(choose("Café ☕", 116, 30), Type::Boxed, "not in the font");
    }
}
