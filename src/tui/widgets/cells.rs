//! Text written straight into the screen's cells. Printable ASCII, most of
//! what a room types, is copied a byte to a cell; anything else (accents,
//! wide characters, emoji) is drawn by ratatui's own grapheme-aware
//! `Span`. The Whys outline draws up to a screenful of rows on every
//! key this way, without a list widget measuring each grapheme.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Whether `b` is a printable ASCII byte: a character of its own, one
/// column wide.
fn plain(b: u8) -> bool {
    (0x20..0x7f).contains(&b)
}

/// Writes `text` from column `x` of row `y` in `style`, at most `room`
/// columns and never past the buffer's edge; returns the column after it.
///
/// Two printable ASCII characters side by side are always two graphemes
/// (every rule that joins characters needs one that is not ASCII), so
/// such a character is copied straight into its cell. Only the stretches
/// around other characters, from the ASCII character before them to the
/// next pair of ASCII ones, go through ratatui's grapheme-aware `Span`.
pub fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, style: Style, room: u16) -> u16 {
    let area = buf.area;
    if !area.contains(ratatui::layout::Position { x, y }) {
        return x;
    }
    let end = x + room.min(area.right() - x);
    let bytes = text.as_bytes();
    let row = buf.index_of(area.x, y);
    let (mut x, mut i) = (x, 0);
    while i < bytes.len() && x < end {
        if plain(bytes[i]) && bytes.get(i + 1).is_none_or(|&b| plain(b)) {
            buf.content[row + usize::from(x - area.x)]
                .set_char(char::from(bytes[i]))
                .set_style(style);
            (x, i) = (x + 1, i + 1);
            continue;
        }
        let mut j = i + 1;
        while j < bytes.len() && !(plain(bytes[j - 1]) && plain(bytes[j])) {
            j += 1;
        }
        // `j` is the end of the text or an ASCII byte: a char boundary.
        let span = Span::styled(&text[i..j], style);
        let width = u16::try_from(span.width()).unwrap_or(u16::MAX);
        // As in a `Line`, text of no width (a lone combining mark) is not drawn.
        if width > 0 {
            (&span).render(Rect::new(x, y, end - x, 1), buf);
        }
        (x, i) = (x.saturating_add(width).min(end), j);
    }
    x
}

/// Writes a line's spans from the left of `area`'s first row, cut to its
/// width, as `Line`'s own rendering places them.
pub fn line(buf: &mut Buffer, area: Rect, line: &Line) {
    if area.is_empty() {
        return;
    }
    let (mut x, end) = (area.x, area.right());
    for span in &line.spans {
        if x >= end {
            break;
        }
        x = put(
            buf,
            x,
            area.y,
            &span.content,
            line.style.patch(span.style),
            end - x,
        );
    }
}

/// Writes `lines` from the top of `area`, each wrapped at words as a
/// `Paragraph` with `Wrap { trim: false }` wraps it, until `area` is full.
/// A line of printable ASCII that fits is written straight into its row;
/// any other line is wrapped by ratatui on its own, in a `Paragraph` only
/// as tall as it needs. (One `Paragraph` over the whole area would style
/// every cell of it twice, on every key.)
pub fn wrapped(buf: &mut Buffer, area: Rect, lines: &[Line]) {
    let mut y = area.y;
    for text in lines {
        if y >= area.bottom() {
            break;
        }
        let ascii = (text.spans.iter()).all(|span| span.content.bytes().all(plain));
        if ascii && text.alignment.is_none() && text.width() <= usize::from(area.width) {
            line(
                buf,
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                text,
            );
            y += 1;
            continue;
        }
        let paragraph = Paragraph::new(text.clone()).wrap(Wrap { trim: false });
        let rows = u16::try_from(paragraph.line_count(area.width))
            .unwrap_or(u16::MAX)
            .min(area.bottom() - y);
        paragraph.render(
            Rect {
                y,
                height: rows,
                ..area
            },
            buf,
        );
        y += rows;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    /// The same line drawn by ratatui and by `line`, into same-sized
    /// buffers that already hold other text.
    fn both(spans: Vec<Span<'static>>, width: u16) -> (Buffer, Buffer) {
        let area = Rect::new(0, 0, width + 3, 2);
        let filler = "#".repeat(usize::from(width) + 3);
        let mut theirs = Buffer::with_lines([filler.as_str(), filler.as_str()]);
        let mut ours = theirs.clone();
        let row = Rect::new(1, 1, width, 1);
        let text = Line::from(spans);
        (&text).render(row, &mut theirs);
        line(&mut ours, row, &text);
        assert_eq!(theirs.area, area);
        (theirs, ours)
    }

    #[test]
    fn lines_land_in_the_cells_ratatui_puts_them_in() {
        let texts = [
            "plain ascii answer",
            "the pool ran dry — twice",
            "café: naïve résumé",
            "wide 漢字 and 😀 emoji",
            "combining e\u{301} accent",
            "",
            "exactly eleven!",
            "\u{301}ab and ab\u{200b}cd",
            "a\u{301}b — e\u{301}\u{301}",
            "\u{301}",
            "x\u{1f1eb}\u{1f1f7}y",
        ];
        for text in texts {
            for width in [0, 1, 5, 11, 12, 40] {
                let spans = vec![
                    Span::styled("  ", Style::new().fg(Color::DarkGray)),
                    Span::styled("★ ", Style::new().red()),
                    Span::styled(text.to_string(), Style::new().bold()),
                ];
                let (theirs, ours) = both(spans, width);
                assert_eq!(ours, theirs, "{text:?} in {width} columns");
            }
        }
    }

    /// Lines drawn by a wrapping `Paragraph` and by `wrapped`, into
    /// same-sized buffers that already hold other text.
    fn both_wrapped(lines: Vec<Line<'static>>, width: u16, height: u16) -> (Buffer, Buffer) {
        let filler = "#".repeat(usize::from(width) + 2);
        let rows = vec![filler.as_str(); usize::from(height) + 2];
        let mut theirs = Buffer::with_lines(rows);
        let mut ours = theirs.clone();
        let area = Rect::new(1, 1, width, height);
        Paragraph::new(lines.clone())
            .wrap(Wrap { trim: false })
            .render(area, &mut theirs);
        wrapped(&mut ours, area, &lines);
        (theirs, ours)
    }

    #[test]
    fn wrapped_lines_land_as_a_wrapping_paragraph_puts_them() {
        let lines = || {
            vec![
                Line::from(Span::styled(
                    "Why did the pool run dry?",
                    Style::new().cyan(),
                )),
                Line::default(),
                Line::from("a long answer that goes on well past the width of the pane, twice"),
                Line::from(vec![
                    Span::styled("Root cause  ", Style::new().dim()),
                    Span::raw("★ yes"),
                    Span::styled("  (mark it)", Style::new().dim()),
                ]),
                Line::from("  indented, with  two spaces and a verylongwordthatcannotfit"),
            ]
        };
        for width in [1, 5, 12, 20, 40, 80] {
            for height in [1, 3, 8, 20] {
                let (theirs, ours) = both_wrapped(lines(), width, height);
                assert_eq!(ours, theirs, "{width}×{height}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_lines_wrap_as_a_wrapping_paragraph_wraps_them(
            texts in proptest::collection::vec("(\\PC|[a-z ]{1,6}|\\p{M}){0,24}", 0..6),
            width in 1u16..30,
            height in 1u16..12,
        ) {
            let lines: Vec<Line<'static>> = texts.into_iter().map(Line::from).collect();
            let (theirs, ours) = both_wrapped(lines, width, height);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_printable_text_lands_as_ratatui_puts_it(
            lead in "[ a-z]{0,4}",
            text in "(\\PC|[a-z ]|\\p{M}|\u{200b}){0,30}",
            width in 0u16..30,
        ) {
            let spans = vec![Span::raw(lead), Span::styled(text, Style::new().italic())];
            let (theirs, ours) = both(spans, width);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
