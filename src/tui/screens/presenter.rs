//! Presenter view for the screen share: no chrome, just the problem, the
//! chain so far, and the question the room is answering, in large type
//! where it fits.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use crate::export::sanitize::clean_line;
use crate::model::default_question;
use crate::tui::app::SessionState;
use crate::tui::theme::Theme;
use crate::tui::timer::clock;

/// The question the room answers now, and its "Why N" depth.
pub fn current_question(ss: &SessionState) -> (usize, String) {
    let s = &ss.session;
    let Some(id) = ss.node_sel.as_deref() else {
        return (0, "What is the problem?".into());
    };
    let chain = s.chain_to(id);
    let depth = chain.len().saturating_sub(1);
    match chain.last() {
        Some(node) if node.answer.trim().is_empty() && depth > 0 => (depth, s.question_for(id)),
        Some(node) if node.answer.trim().is_empty() => (0, "What is the problem?".into()),
        Some(node) => (depth + 1, default_question(&node.answer)),
        None => (0, "What is the problem?".into()),
    }
}

/// Draws the presenter view over the whole window.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, now: &Zoned, theme: &Theme) {
    let s = &ss.session;
    let chain = ss
        .node_sel
        .as_deref()
        .map(|id| s.chain_to(id))
        .unwrap_or_default();
    let (depth, question) = current_question(ss);
    let question = clean_line(&question);
    let width = area.width.saturating_sub(4) as usize;

    let mut top = vec![Line::from(vec![
        Span::styled(clean_line(&s.title), theme.dim),
        Span::styled(
            format!("   elapsed {}", clock(ss.timer.elapsed(now.timestamp()))),
            theme.dim,
        ),
    ])];
    if let Some(problem) = chain.first() {
        top.push(Line::from(vec![
            Span::styled("Problem: ", theme.accent),
            Span::styled(clean_line(&problem.answer), theme.text),
        ]));
    }
    for (i, node) in chain.iter().enumerate().skip(1) {
        if node.answer.trim().is_empty() {
            continue;
        }
        if let Some(asked) = s.typed_question(&node.id) {
            top.push(Line::from(vec![
                Span::styled(format!("Q{i}     "), theme.dim),
                Span::styled(clean_line(asked), theme.dim),
            ]));
        }
        let mut spans = vec![
            Span::styled(format!("Why {i}  "), theme.accent),
            Span::styled(
                format!("{} ", crate::tui::marks::confidence(node.confidence)),
                theme.accent,
            ),
        ];
        if node.root_cause {
            spans.push(Span::styled("★ ", theme.root));
        }
        spans.push(Span::styled(clean_line(&node.answer), theme.text));
        top.push(Line::from(spans));
    }
    // Wrapped height of the chain, so the question gets what is left.
    let chain_rows: u16 = top
        .iter()
        .map(|l| (l.width().max(1).div_ceil(width.max(1))) as u16)
        .sum::<u16>()
        .min(area.height / 2);
    let [chain_area, _, label_area, question_area] = Layout::vertical([
        Constraint::Length(chain_rows),
        Constraint::Length(1),
        Constraint::Length(4),
        Constraint::Min(1),
    ])
    .areas(area.inner(ratatui::layout::Margin::new(2, 0)));
    frame.render_widget(Paragraph::new(top).wrap(Wrap { trim: true }), chain_area);

    let label = if depth == 0 {
        "PROBLEM?".to_string()
    } else {
        format!("WHY {depth}?")
    };
    let big_label = BigText::builder()
        .pixel_size(if label_area.width >= 8 * label.len() as u16 {
            PixelSize::HalfHeight
        } else {
            PixelSize::Quadrant
        })
        .style(theme.accent)
        .lines(vec![Line::from(label)])
        .build();
    frame.render_widget(big_label, label_area);

    // The question in quadrant-sized letters (4 columns, 4 rows each) when
    // it fits, in bold wrapped text when it does not.
    // The big font has glyphs for printable ASCII only; anything else
    // (accents, other scripts) would vanish, so such questions stay plain.
    let big_question = question.replace('—', "-");
    let per_line = (question_area.width / 4) as usize;
    let wrapped: Vec<String> = if per_line >= 8
        && big_question
            .chars()
            .all(|c| c.is_ascii_graphic() || c == ' ')
    {
        textwrap::wrap(&big_question, per_line)
            .into_iter()
            .map(|l| l.into_owned())
            .collect()
    } else {
        Vec::new()
    };
    let fits_big = !wrapped.is_empty()
        && wrapped.iter().all(|l| l.chars().count() <= per_line)
        && (wrapped.len() as u16) * 4 <= question_area.height;
    if fits_big {
        let big = BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(theme.question)
            .lines(wrapped.into_iter().map(Line::from).collect::<Vec<_>>())
            .build();
        frame.render_widget(big, question_area);
    } else {
        frame.render_widget(
            Paragraph::new(Span::styled(question, theme.question))
                .alignment(Alignment::Left)
                .wrap(Wrap { trim: true }),
            question_area,
        );
    }
}
