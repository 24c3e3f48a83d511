//! A label and its value, the value wrapping under itself rather than under
//! the label: "Evidence    Runbook RB-17 (Enter,
//!                         then Tab)".

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::widths::{fit, fit_pad, width};

/// `label` padded to `label_width`, then `value` wrapped to the rest of
/// `columns`, continuation lines indented under the value.
pub fn labelled(
    label: &str,
    label_width: usize,
    label_style: Style,
    value: Vec<Span<'static>>,
    columns: usize,
) -> Vec<Line<'static>> {
    let room = columns.saturating_sub(label_width).max(8);
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for span in value {
        let style = span.style;
        for piece in span.content.split_inclusive(' ') {
            let w = width(piece.trim_end());
            if used > 0 && used + w > room {
                lines.push(Vec::new());
                used = 0;
            }
            let piece = if used == 0 { piece.trim_start() } else { piece };
            let piece = if width(piece.trim_end()) > room {
                fit(piece, room)
            } else {
                piece.to_string()
            };
            used += width(&piece);
            if let Some(line) = lines.last_mut() {
                line.push(Span::styled(piece, style));
            }
        }
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(i, spans)| {
            let lead = if i == 0 {
                Span::styled(fit_pad(label, label_width), label_style)
            } else {
                Span::raw(" ".repeat(label_width))
            };
            Line::from(std::iter::once(lead).chain(spans).collect::<Vec<_>>())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_wraps_under_itself() {
        let lines = labelled(
            "Evidence",
            12,
            Style::default(),
            vec![
                Span::raw("Runbook RB-17"),
                Span::raw("  (one more, then this)"),
            ],
            30,
        );
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(text[0].trim_end(), "Evidence    Runbook RB-17");
        assert!(text[1].starts_with("            ("), "{text:?}");
        assert!(text.iter().all(|l| width(l.trim_end()) <= 30), "{text:?}");
    }
}
