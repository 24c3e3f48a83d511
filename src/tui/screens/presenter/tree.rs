//! The whole why tree for the room, as a whiteboard shows it:
//!
//! ```text
//! ▣ Checkout failed for a third of customers     ▣ Recovery took 2 h 19 min
//! ├─ ● Payment authorisation calls timed out     ├─ ● 26 min before the platform
//! │  └─ ● Every checkout request waited for a    │    team was paged
//! │       session-store connection               │  └─ ◐ ★ Alerts watch the API …
//! │     ├─ ● Pool capped at 50 per instance      └─ ● The rollback stopped on a …
//! │     └─ ● Load tests at 2x, not the 6x        …
//! └─ ● Customers retried and were charged twice
//! ```
//!
//! Every problem statement and answer, joined by tree guides, laid out to
//! fit the window: problem statements side by side when the window is
//! wide enough, every answer whole when they fit, else the answers off
//! the selected path cut to one line, else the rows around the selection
//! (saying how many are above and below). The selected path is
//! highlighted; root causes and how sure each answer is are marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::export::sanitize::clean_line;
use crate::model::{Session, WhyNode};
use crate::tui::app::SessionState;
use crate::tui::marks;
use crate::tui::theme::Theme;
use crate::tui::widgets::tree_guide::guide;
use crate::tui::widths::fit;

/// Columns a tree level takes.
const STEP: usize = 3;
/// The narrowest column a problem statement's tree gets beside another.
const MIN_COLUMN: usize = 46;
/// Columns between trees side by side.
const GAP: usize = 3;

/// One answer (or problem statement) in the tree.
struct Item<'a> {
    node: &'a WhyNode,
    /// From its problem down: whether each level has a sibling after it.
    open: Vec<bool>,
    /// On the way from its problem statement to the selected answer.
    on_path: bool,
    selected: bool,
}

/// How much of each answer shows.
#[derive(Clone, Copy, PartialEq)]
enum Fit {
    /// Every answer whole.
    Whole,
    /// The selected path whole, the rest cut to a line.
    PathWhole,
}

/// Draws the whole tree into `area`.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, theme: &Theme) {
    let s = ss.session();
    if s.whys.is_empty() {
        frame.render_widget(
            Line::from(Span::styled("No problem statement yet.", theme.question)),
            area,
        );
        return;
    }
    let trees = items(s, ss.node_sel.as_deref());
    let columns = columns_for(&trees, usize::from(area.width));
    let column_width = (usize::from(area.width) - GAP * (columns.len() - 1)) / columns.len();
    let height = usize::from(area.height);
    let mut x = area.x;
    for group in &columns {
        let items: Vec<&Item> = group.iter().flat_map(|&t| trees[t].iter()).collect();
        let lines = lay_out(&items, column_width, height, theme);
        for (row, line) in lines.iter().enumerate() {
            let rect = Rect {
                x,
                y: area.y + row as u16,
                width: column_width as u16,
                height: 1,
            };
            frame.render_widget(line, rect);
        }
        x += (column_width + GAP) as u16;
    }
}

/// Each problem statement's tree as items in outline order.
fn items<'a>(s: &'a Session, selected: Option<&str>) -> Vec<Vec<Item<'a>>> {
    let path: Vec<&str> = selected
        .map(|id| s.chain_to(id).iter().map(|n| n.id.as_str()).collect())
        .unwrap_or_default();
    let mut trees = Vec::with_capacity(s.whys.len());
    for (i, root) in s.whys.iter().enumerate() {
        let mut items = Vec::new();
        // The lists being gone through, with the open levels above them.
        let mut stack: Vec<(&[WhyNode], usize, Vec<bool>)> =
            vec![(std::slice::from_ref(root), 0, Vec::new())];
        let last_root = i + 1 == s.whys.len();
        while let Some((list, at, above)) = stack.pop() {
            let Some(node) = list.get(at) else {
                continue;
            };
            stack.push((list, at + 1, above.clone()));
            let mut open = above;
            open.push(if open.is_empty() {
                !last_root
            } else {
                at + 1 < list.len()
            });
            let id = node.id.as_str();
            items.push(Item {
                node,
                open: open.clone(),
                on_path: path.contains(&id),
                selected: selected == Some(id),
            });
            stack.push((&node.children, 0, open));
        }
        trees.push(items);
    }
    trees
}

/// Which problem statements' trees go in which column: side by side when
/// the window is wide enough for each to have [`MIN_COLUMN`], in order,
/// the answers shared out as evenly as the order allows.
fn columns_for(trees: &[Vec<Item>], width: usize) -> Vec<Vec<usize>> {
    let fits = (width + GAP) / (MIN_COLUMN + GAP);
    let count = fits.clamp(1, trees.len().max(1));
    let total: usize = trees.iter().map(Vec::len).sum();
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); count];
    let mut filled = 0;
    let mut column = 0;
    for (t, tree) in trees.iter().enumerate() {
        // Move on once this column holds its share, keeping a tree for
        // each column still to fill.
        let share = total * (column + 1) / count;
        let left = trees.len() - t;
        if !columns[column].is_empty()
            && column + 1 < count
            && (filled + tree.len() / 2 > share || left < count - column)
        {
            column += 1;
        }
        columns[column].push(t);
        filled += tree.len();
    }
    columns.retain(|c| !c.is_empty());
    columns
}

/// The lines of one column: as much of each answer as fits `height`.
fn lay_out(items: &[&Item], width: usize, height: usize, theme: &Theme) -> Vec<Line<'static>> {
    for fit in [Fit::Whole, Fit::PathWhole] {
        // Every answer takes a line at least: more answers than rows
        // cannot all be whole.
        if fit == Fit::Whole && items.len() > height {
            continue;
        }
        let lines: Vec<(bool, Line)> = items
            .iter()
            .flat_map(|item| {
                let keep = item.selected;
                item_lines(item, width, fit, theme)
                    .into_iter()
                    .map(move |l| (keep, l))
            })
            .collect();
        if lines.len() <= height {
            return lines.into_iter().map(|(_, l)| l).collect();
        }
        if fit == Fit::PathWhole {
            return window(lines, height, theme);
        }
    }
    Vec::new()
}

/// `height` of `lines` around the selected answer's, the first and last
/// row saying how many are left out above and below.
fn window(lines: Vec<(bool, Line<'static>)>, height: usize, theme: &Theme) -> Vec<Line<'static>> {
    let first_kept = lines.iter().position(|(keep, _)| *keep).unwrap_or(0);
    let last_kept = lines.iter().rposition(|(keep, _)| *keep).unwrap_or(0);
    let body = height.saturating_sub(2).max(1);
    // The selection a third of the way down, so what follows it shows.
    let mut start = first_kept.saturating_sub(body / 3);
    start = start.min(lines.len().saturating_sub(body));
    if last_kept >= start + body {
        start = last_kept + 1 - body;
    }
    let end = (start + body).min(lines.len());
    let more = |n: usize, where_: &str| {
        Line::from(Span::styled(
            format!(
                "  ⋮ {n} more line{} {where_}",
                if n == 1 { "" } else { "s" }
            ),
            theme.dim,
        ))
    };
    let mut out = Vec::with_capacity(height);
    out.push(if start > 0 {
        more(start, "above")
    } else {
        Line::default()
    });
    out.extend(lines[start..end].iter().map(|(_, l)| l.clone()));
    if end < lines.len() {
        out.push(more(lines.len() - end, "below"));
    }
    // Without anything above, the blank first row goes.
    if start == 0 {
        out.remove(0);
    }
    out.truncate(height);
    out
}

/// One answer's lines: its guide, marks and words, wrapped under its
/// words (or cut to one line when `fit` says so).
fn item_lines(item: &Item, width: usize, fit_to: Fit, theme: &Theme) -> Vec<Line<'static>> {
    let node = item.node;
    let problem = item.open.len() == 1;
    let lead = guide(&item.open, width / 2, None, STEP);
    let mut mark = if problem {
        format!("{} ", marks::PROBLEM)
    } else {
        format!("{} ", marks::confidence(node.confidence))
    };
    if node.root_cause {
        mark.push_str(marks::ROOT);
        mark.push(' ');
    }
    let words = if node.answer.trim().is_empty() {
        "(no answer yet)".to_string()
    } else {
        clean_line(&node.answer)
    };
    // Guides and marks are one column a character.
    let lead_width = lead.chars().count() + mark.chars().count();
    let room = width.saturating_sub(lead_width).max(8);
    let style = text_style(item, problem, theme);
    let parts: Vec<String> = if fit_to == Fit::PathWhole && !item.on_path {
        vec![fit(&words, room)]
    } else {
        textwrap::wrap(&words, room)
            .into_iter()
            .map(|p| p.into_owned())
            .collect()
    };
    let has_children = !node.children.is_empty();
    // A problem statement's wrapped lines carry the line down to its
    // answers' guides.
    let hanging = match (problem, has_children) {
        (true, true) => "│".to_string(),
        (true, false) => String::new(),
        (false, _) => guide(&item.open, width / 2, Some(has_children), STEP),
    };
    let hang = format!(
        "{hanging}{}",
        " ".repeat(lead_width.saturating_sub(hanging.chars().count()))
    );
    let guide_style = if item.on_path {
        theme.accent
    } else {
        theme.dim
    };
    let mark_style = if node.root_cause {
        theme.root
    } else {
        theme.text
    };
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let spans = if i == 0 {
                vec![
                    Span::styled(lead.clone(), guide_style),
                    Span::styled(mark.clone(), mark_style),
                    Span::styled(part, style),
                ]
            } else {
                vec![
                    Span::styled(hang.clone(), theme.dim),
                    Span::styled(part, style),
                ]
            };
            Line::from(spans)
        })
        .collect()
}

/// The selected answer stands out; its path is bold; root causes and
/// problem statements are bold too.
fn text_style(item: &Item, problem: bool, theme: &Theme) -> Style {
    if item.selected {
        theme.selected
    } else if item.on_path {
        theme.accent
    } else if problem || item.node.root_cause {
        theme.text.add_modifier(Modifier::BOLD)
    } else if item.node.answer.trim().is_empty() {
        theme.dim
    } else {
        theme.text
    }
}
