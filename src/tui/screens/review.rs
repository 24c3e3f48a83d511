//! Review: the gaps still open, what went well (edited here), and the
//! summary as its reader will see it in the chosen format, with the size of
//! what a copy takes, scrollable.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::split_bottom;
use crate::export::sanitize::clean_line;
use crate::tui::action::Action;
use crate::tui::app::SessionState;
use crate::tui::field::Field;
use crate::tui::keymap::{Context, hint};
use crate::tui::marks;
use crate::tui::preview::Look;
use crate::tui::theme::Theme;
use crate::tui::widgets::edit_box;
use crate::tui::widths::fit;

fn style_of(look: Look, theme: &Theme) -> ratatui::style::Style {
    use ratatui::style::Modifier;
    match look {
        Look::Plain => theme.text,
        Look::Heading => theme.accent,
        Look::Strong => theme.text.add_modifier(Modifier::BOLD),
        Look::Emphasis => theme.text.add_modifier(Modifier::ITALIC),
        Look::Link => theme.text.add_modifier(Modifier::UNDERLINED),
    }
}

/// Draws the Review stage.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, now: &Zoned, theme: &Theme) {
    let s = ss.session();
    let (main, edit_area) = match ss.editor() {
        Some(editor) => split_bottom(
            area,
            edit_box::height(editor, ss.session(), now, area.width),
        ),
        None => (area, Rect::default()),
    };
    let gaps = s.gaps();
    // What is still missing, wrapped (at most three rows), never cut.
    let gap_lines = if gaps.total() > 0 {
        crate::tui::widths::wrap(
            &format!("Before you send it: {}", gaps.phrases().join(" · ")),
            usize::from(main.width),
            3,
        )
    } else {
        Vec::new()
    };
    let gap_rows = gap_lines.len() as u16;
    // Earlier sessions with a root cause like one of these: at most two
    // lines, for the facilitator to raise or not.
    let causes = s.root_cause_labels();
    let seen: Vec<String> = (s.root_causes().iter())
        .filter_map(|n| match ss.seen_before.get(&n.id) {
            Some((_, Some(seen))) => Some((causes.get(&n.id).cloned().unwrap_or_default(), seen)),
            _ => None,
        })
        // The closest earlier session for each root cause: two causes
        // seen before say more than two sessions for one.
        .filter_map(|(rc, seen)| {
            (seen.first()).map(|e| format!("{rc} seen before: {}", crate::follow::seen::line(e)))
        })
        .take(2)
        .collect();
    let seen_rows = seen.len() as u16;
    let rows = ss.review_fields();
    let list_rows = (rows.len() as u16).min(main.height / 2).max(3);
    let [gap_area, seen_area, well, summary] = Layout::vertical([
        Constraint::Length(gap_rows),
        Constraint::Length(seen_rows),
        Constraint::Length(list_rows),
        Constraint::Min(0),
    ])
    .areas(main);
    let cut = usize::from(seen_area.width);
    let seen: Vec<Line> = seen
        .into_iter()
        .map(|text| Line::from(Span::styled(fit(&text, cut), theme.dim)))
        .collect();
    frame.render_widget(Paragraph::new(seen), seen_area);
    frame.render_widget(
        Paragraph::new(
            gap_lines
                .into_iter()
                .map(|l| Line::from(Span::styled(l, theme.warn)))
                .collect::<Vec<_>>(),
        ),
        gap_area,
    );

    let width = usize::from(well.width);
    let first = ss
        .review_sel
        .saturating_sub(usize::from(list_rows).saturating_sub(1));
    let add = hint(Context::Review, &Action::Add);
    let numbers = s.labels();
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list_rows))
        .map(|(i, field)| {
            let selected = i == ss.review_sel;
            match field {
                Field::AddLesson(lesson) => {
                    let items = s.lessons(*lesson).len();
                    let note = if items == 0 {
                        format!(
                            "  {} ({add} adds)",
                            lesson.prompt(&ss.session().words().event)
                        )
                    } else {
                        format!("  ({items}; {add} adds)")
                    };
                    Line::from(vec![
                        Span::styled(
                            lesson.heading(),
                            if selected {
                                theme.selected
                            } else {
                                theme.accent
                            },
                        ),
                        Span::styled(
                            fit(&note, width.saturating_sub(lesson.heading().len())),
                            theme.dim,
                        ),
                    ])
                }
                Field::ToVerify(id) => {
                    let node = s.node(id);
                    let verifier = s.actions.iter().position(|a| {
                        a.addresses.iter().any(|n| n == id) && a.description.starts_with("Verify:")
                    });
                    let tail = match verifier {
                        Some(i) => format!("  (A{} verifies it)", i + 1),
                        None if selected => format!(
                            "  ({} makes it an action)",
                            hint(Context::Review, &Action::Verify)
                        ),
                        None => String::new(),
                    };
                    let head = format!(
                        "To verify, {} {}: ",
                        node.map_or("", |n| n.confidence.label()),
                        numbers.get(id).map_or("", String::as_str)
                    );
                    let answer = node.map(|n| clean_line(&n.answer)).unwrap_or_default();
                    let room = width.saturating_sub(head.chars().count() + tail.chars().count());
                    Line::from(vec![
                        Span::styled(head, if selected { theme.selected } else { theme.dim }),
                        Span::styled(
                            fit(&answer, room),
                            if selected { theme.selected } else { theme.text },
                        ),
                        Span::styled(tail, theme.dim),
                    ])
                }
                field => Line::from(Span::styled(
                    format!(
                        "  {} {}",
                        marks::ITEM,
                        fit(&clean_line(&field.read(s, now)), width.saturating_sub(4))
                    ),
                    if selected { theme.selected } else { theme.text },
                )),
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), well);

    let (body, size) = match &ss.preview_shown {
        Some(p) => (p.lines.clone(), p.size()),
        None => (Vec::new(), String::new()),
    };
    let title = format!(
        " {} as it reads · {size} · {} next format · {}/{} scroll ",
        ss.preview.label(),
        hint(Context::Review, &Action::CyclePreview),
        hint(Context::Session, &Action::PageUp),
        hint(Context::Session, &Action::PageDown)
    );
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.dim)
        .title(Span::styled(
            fit(&title, usize::from(summary.width.saturating_sub(2))),
            theme.accent,
        ));
    let total = body.len() as u16;
    let visible = summary.height.saturating_sub(1);
    let scroll = ss.review_scroll.min(total.saturating_sub(visible));
    let text: Vec<Line> = body
        .into_iter()
        .map(|pieces| {
            Line::from(
                pieces
                    .into_iter()
                    .map(|(text, look)| Span::styled(text, style_of(look, theme)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(
        Paragraph::new(text).block(block).scroll((scroll, 0)),
        summary,
    );

    if let Some(editor) = ss.editor() {
        edit_box::render(frame, edit_area, editor, ss.session(), now, theme);
    }
}
