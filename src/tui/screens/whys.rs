//! Whys: the tree outline beside the selected answer's detail, with the
//! current question the most prominent thing on screen.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::split_bottom;
use std::borrow::Cow;

use crate::export::sanitize::{clean_line, cleaned_line};
use crate::model::{Confidence, Stage, WhyNode, blameless};
use crate::tui::action::Action;
use crate::tui::app::SessionState;
use crate::tui::keymap::{Context, hint};
use crate::tui::marks;
use crate::tui::theme::Theme;
use crate::tui::widgets::labelled::labelled;
use crate::tui::widgets::{cells, edit_box};
use crate::tui::widths::{fit, fit_pad, width};

/// The Whys outline's guide: two columns a level, at most a third of the
/// outline's width, so deep chains keep room for words.
fn guide(open: &[bool], columns: usize, hanging: Option<bool>) -> String {
    crate::tui::widgets::tree_guide::guide(open, columns / 3, hanging, 2)
}

/// What an outline row shows of an answer: its indent and mark, ★ when
/// it is a root cause, and its words (cleaned of anything a terminal
/// would act on), in the style they are drawn in.
struct RowParts<'a> {
    guide: String,
    mark: &'static str,
    root: &'static str,
    /// ≠ when the answer was changed here and elsewhere.
    clash: &'static str,
    answer: Cow<'a, str>,
    style: Style,
}

/// The answers with a clash to settle (almost always none).
type Clashed<'a> = std::collections::HashSet<&'a str>;

fn row_parts<'a>(
    node: &'a WhyNode,
    open: &[bool],
    columns: usize,
    theme: &Theme,
    clashed: &Clashed,
) -> RowParts<'a> {
    let answer = if node.answer.is_empty() {
        Cow::Borrowed("(no answer yet)")
    } else {
        cleaned_line(&node.answer)
    };
    let depth = open.len().saturating_sub(1);
    RowParts {
        guide: guide(open, columns, None),
        mark: if depth == 0 {
            marks::PROBLEM
        } else {
            marks::confidence(node.confidence)
        },
        root: if node.root_cause { marks::ROOT } else { "" },
        clash: if !clashed.is_empty() && clashed.contains(node.id.as_str()) {
            marks::CLASH
        } else {
            ""
        },
        answer,
        style: if node.root_cause {
            theme.text.add_modifier(Modifier::BOLD)
        } else if node.answer.is_empty() {
            theme.dim
        } else {
            theme.text
        },
    }
}

impl RowParts<'_> {
    /// Columns before the words: the indent, the mark and ★.
    fn lead_width(&self) -> usize {
        let mark = |m: &str| if m.is_empty() { 0 } else { width(m) + 1 };
        width(&self.guide) + width(self.mark) + 1 + mark(self.root) + mark(self.clash)
    }
}

/// Draws an outline row that is not selected, on the first row of `area`:
/// one line, its words cut to fit. Written straight into the cells, as
/// it is for each row on screen on every key.
fn draw_row(
    buf: &mut Buffer,
    area: Rect,
    (node, open): (&WhyNode, &[bool]),
    theme: &Theme,
    clashed: &Clashed,
) {
    let columns = usize::from(area.width);
    let parts = row_parts(node, open, columns, theme, clashed);
    let (y, end) = (area.y, area.right());
    let mut x = area.x;
    x = cells::put(buf, x, y, &parts.guide, theme.dim, end - x);
    for (text, style) in [(parts.mark, theme.dim), (" ", theme.dim)] {
        x = cells::put(buf, x, y, text, style, end.saturating_sub(x));
    }
    if !parts.root.is_empty() {
        for text in [parts.root, " "] {
            x = cells::put(buf, x, y, text, theme.root, end.saturating_sub(x));
        }
    }
    if !parts.clash.is_empty() {
        for text in [parts.clash, " "] {
            x = cells::put(buf, x, y, text, theme.warn, end.saturating_sub(x));
        }
    }
    let room = columns.saturating_sub(parts.lead_width()).max(1);
    let answer = if width(&parts.answer) <= room {
        parts.answer
    } else {
        Cow::Owned(fit(&parts.answer, room))
    };
    cells::put(buf, x, y, &answer, parts.style, end.saturating_sub(x));
}

/// The selected outline row: the whole answer, wrapped, its lines
/// hanging under its words.
fn selected_row(
    (node, open): (&WhyNode, &[bool]),
    columns: usize,
    theme: &Theme,
    clashed: &Clashed,
) -> Vec<Line<'static>> {
    let parts = row_parts(node, open, columns, theme, clashed);
    let lead = format!("{}{} ", parts.guide, parts.mark);
    let mark = |m: &str| {
        if m.is_empty() {
            String::new()
        } else {
            format!("{m} ")
        }
    };
    let root = format!("{}{}", mark(parts.root), mark(parts.clash));
    let room = columns.saturating_sub(parts.lead_width()).max(1);
    // Wrapped lines hang under the words, the guides carried down.
    let hanging = guide(open, columns, Some(!node.children.is_empty()));
    let hang = format!(
        "{hanging}{}",
        " ".repeat(parts.lead_width().saturating_sub(width(&hanging)))
    );
    let style = theme.selected.add_modifier(if node.root_cause {
        Modifier::BOLD
    } else {
        Modifier::empty()
    });
    textwrap::wrap(&parts.answer, room)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let first = if i == 0 {
                format!("{lead}{root}")
            } else {
                hang.clone()
            };
            Line::from(Span::styled(
                fit_pad(&format!("{first}{part}"), columns),
                style,
            ))
        })
        .collect()
}

/// Draws the outline's rows into `area` with a line at its right edge.
/// The rows are the window that ends at (or holds) the selected row,
/// which takes the lines `chosen`: rows before it are left out until it
/// ends in view, and rows after it are drawn while they fit.
fn outline(
    buf: &mut Buffer,
    area: Rect,
    (rows, open): (&[(usize, &WhyNode)], &[Vec<bool>]),
    (selected, chosen): (usize, &[Line]),
    theme: &Theme,
    clashed: &Clashed,
) {
    if area.is_empty() {
        return;
    }
    let edge = area.right() - 1;
    for y in area.top()..area.bottom() {
        buf[(edge, y)]
            .set_symbol(ratatui::symbols::line::VERTICAL)
            .set_style(theme.dim);
    }
    let area = Rect {
        width: area.width - 1,
        ..area
    };
    let height = usize::from(area.height);
    let lines = |i: usize| if i == selected { chosen.len() } else { 1 };
    let mut start = 0;
    while start < selected && (selected - start) + chosen.len() > height {
        start += 1;
    }
    let mut y = area.y;
    for (i, &(_, node)) in rows.iter().enumerate().skip(start) {
        if usize::from(y - area.y) + lines(i) > height && y > area.y {
            break;
        }
        if i != selected {
            let open = open.get(i).map_or(&[][..], Vec::as_slice);
            draw_row(buf, Rect { y, ..area }, (node, open), theme, clashed);
            y += 1;
            continue;
        }
        for line in chosen.iter().take(usize::from(area.bottom() - y)) {
            cells::line(buf, Rect { y, ..area }, line);
            y += 1;
        }
    }
}

/// Draws the Whys stage.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, now: &Zoned, theme: &Theme) {
    let s = ss.session();
    if s.whys.is_empty() {
        let text = vec![
            Line::from(Span::styled("No problem statement yet.", theme.question)),
            Line::default(),
            Line::from(format!(
                "Press {} to write the problem statement, then {} to ask why.",
                hint(Context::Whys, &Action::AddProblem),
                hint(Context::Whys, &Action::AskWhy)
            )),
            Line::from(
                "Real incidents often have two: \"why did it break\" and \"why did recovery take so long\".",
            ),
        ];
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let left_width = (area.width / 2).max(20).min(area.width);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Min(0)]).areas(area);
    let columns = usize::from(left.width.saturating_sub(1));
    // Only the rows that fit are walked to and built, so 5,000 answers
    // draw as fast as fifty: a window that keeps the selection in view.
    let window = (ss.outline()).window(s, ss.node_sel.as_deref(), usize::from(left.height));
    let (first, selected) = (window.first, window.selected);
    let clashed: Clashed = (s.open_conflicts())
        .filter(|(_, c)| c.on == crate::model::ConflictOn::Answer)
        .filter_map(|(_, c)| c.id.as_deref())
        .collect();
    let chosen = (window.rows.get(selected - first))
        .map(|&(_, node)| {
            let open = window
                .open
                .get(selected - first)
                .map_or(&[][..], Vec::as_slice);
            selected_row((node, open), columns, theme, &clashed)
        })
        .unwrap_or_default();
    outline(
        frame.buffer_mut(),
        left,
        (&window.rows, &window.open),
        (selected - first, &chosen),
        theme,
        &clashed,
    );

    let Some(id) = ss.node_sel.as_deref() else {
        return;
    };
    let Some(&(depth, node)) = (window.rows.get(selected - first)).filter(|(_, n)| n.id == id)
    else {
        return;
    };
    let (detail_area, edit_area) = match ss.editor() {
        Some(editor) => split_bottom(
            right,
            edit_box::height(editor, ss.session(), now, right.width),
        ),
        None => (right, Rect::default()),
    };
    // The legend under it, an item never split: two rows when one is
    // too narrow for every mark.
    let legend_rows = marks::legend_rows(usize::from(right.width.saturating_sub(2)));
    let [detail_area, legend] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(legend_rows.len().min(2) as u16),
    ])
    .areas(detail_area);
    detail(frame, detail_area, ss, (node, window.parent), depth, theme);
    let legend = legend.inner(ratatui::layout::Margin::new(1, 0));
    for (i, row) in legend_rows.iter().take(2).enumerate() {
        let mut area = legend;
        area.y += i as u16;
        area.height = 1;
        cells::line(
            frame.buffer_mut(),
            area,
            &Line::from(Span::styled(fit(row, usize::from(legend.width)), theme.dim)),
        );
    }
    if let Some(editor) = ss.editor() {
        edit_box::render(frame, edit_area, editor, ss.session(), now, theme);
    }
}

/// The selected answer: its question, the answer, and what is known of it.
fn detail(
    frame: &mut Frame,
    area: Rect,
    ss: &SessionState,
    (node, parent): (&WhyNode, Option<&WhyNode>),
    depth: usize,
    theme: &Theme,
) {
    let s = ss.session();
    // Named as the presenter and the audience window name it: "Why 3 of
    // 5", and its label.
    let outline = ss.outline();
    let label = (outline.position(s, &node.id))
        .and_then(|at| outline.path(at))
        .and_then(|path| s.label_at_path(&path))
        .unwrap_or_default();
    let title = if depth == 0 {
        let index = s.whys.iter().position(|r| r.id == node.id).unwrap_or(0);
        format!(" Problem {label} · {} of {} ", index + 1, s.whys.len())
    } else {
        let target = crate::config::current().target_whys();
        format!(" {} · {label} ", crate::model::why_heading(depth, target))
    };
    let mut lines = Vec::new();
    let question = if depth == 0 {
        "What is the problem?".to_string()
    } else {
        clean_line(&crate::model::question_of(node, parent))
    };
    lines.push(Line::from(Span::styled(question, theme.question)));
    lines.push(Line::default());
    if node.answer.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "(no answer yet: {} to type it)",
                hint(Context::Whys, &Action::Edit)
            ),
            theme.dim,
        )));
    } else {
        lines.push(Line::from(Span::styled(
            clean_line(&node.answer),
            theme.text,
        )));
    }
    if let Some(clash) =
        crate::tui::widgets::clash::line(s, crate::model::ConflictOn::Answer, &node.id, theme)
    {
        lines.push(clash);
    }
    lines.push(Line::default());
    let columns = usize::from(area.width.saturating_sub(2));
    let row =
        |label: &str, value: Vec<Span<'static>>| labelled(label, 12, theme.dim, value, columns);
    let keys = |text: String| Span::styled(format!("  ({text})"), theme.dim);
    let whys_key = |action: Action| hint(Context::Whys, &action);
    if depth > 0 {
        let choices = Confidence::RATED
            .iter()
            .map(|c| format!("{} {}", whys_key(Action::SetConfidence(*c)), c.label()))
            .collect::<Vec<_>>()
            .join(" · ");
        // The key of the level it has takes the rating back.
        let choices = match node.confidence {
            Confidence::NotRated => choices,
            rated => format!(
                "{choices}; {} again: not rated",
                whys_key(Action::SetConfidence(rated))
            ),
        };
        lines.extend(row(
            "How sure",
            vec![
                Span::styled(
                    format!(
                        "{} {}",
                        marks::confidence(node.confidence),
                        node.confidence.label()
                    ),
                    theme.accent,
                ),
                keys(choices),
            ],
        ));
    }
    lines.extend(row(
        "Root cause",
        vec![
            if node.root_cause {
                Span::styled(format!("{} yes", marks::ROOT), theme.root)
            } else {
                Span::raw("no")
            },
            keys(whys_key(Action::ToggleRootCause)),
        ],
    ));
    lines.extend(row(
        "Offered by",
        vec![
            Span::raw(
                node.offered_by
                    .as_deref()
                    .map(clean_line)
                    .unwrap_or_else(|| "—".into()),
            ),
            keys(whys_key(Action::PickOfferedBy)),
        ],
    ));
    lines.extend(row(
        "Evidence",
        vec![
            Span::raw(if node.evidence.is_empty() {
                "—".into()
            } else {
                clean_line(&node.evidence)
            }),
            keys(format!(
                "{}, then {} twice",
                whys_key(Action::Edit),
                hint(Context::Editing, &Action::NextField)
            )),
        ],
    ));
    let count = s
        .actions
        .iter()
        .filter(|a| a.addresses.contains(&node.id))
        .count();
    if node.root_cause || count > 0 {
        let text = match count {
            0 => Span::styled(
                format!(
                    "none yet: add one on Actions ({})",
                    hint(Context::Session, &Action::GoStage(Stage::Actions))
                ),
                theme.warn,
            ),
            1 => Span::raw("1 action addresses this"),
            n => Span::raw(format!("{n} actions address this")),
        };
        lines.extend(row("Actions", vec![text]));
    }
    let extra = &crate::config::current().blame_words;
    let nudge = if extra.is_empty() {
        blameless::nudge(s, &node.answer)
    } else {
        let words: Vec<&str> = blameless::BLAME_WORDS
            .iter()
            .copied()
            .chain(extra.iter().map(String::as_str))
            .collect();
        blameless::nudge_with(&words, s, &node.answer)
    };
    if let Some(nudge) = nudge {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled("Tip: ", theme.tip.add_modifier(Modifier::BOLD)),
            Span::styled(nudge, theme.tip),
        ]));
    }
    // Earlier sessions with an answer like this one: for the facilitator
    // (the presenter never shows it).
    if depth > 0 {
        lines.extend(seen_before(ss, &node.id, theme));
    }
    // The title on the first row, written straight into its cells; the
    // lines wrapped below it.
    let area = area.inner(ratatui::layout::Margin::new(1, 0));
    let [title_row, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    cells::line(
        frame.buffer_mut(),
        title_row,
        &Line::from(Span::styled(title, theme.accent)),
    );
    cells::wrapped(frame.buffer_mut(), body, &lines);
}

/// "Seen before: …" lines for the answer `id`, once the index has said.
pub fn seen_before(ss: &SessionState, id: &str, theme: &Theme) -> Vec<Line<'static>> {
    let Some((_, Some(seen))) = ss.seen_before.get(id) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for (i, earlier) in seen.iter().enumerate() {
        if i == 0 {
            lines.push(Line::default());
        }
        lines.push(Line::from(vec![
            Span::styled("Seen before: ", theme.accent),
            Span::styled(crate::follow::seen::line(earlier), theme.dim),
        ]));
    }
    lines
}
