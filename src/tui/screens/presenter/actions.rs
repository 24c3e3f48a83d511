//! What we will do, for a room on the Actions and Review stages: the
//! selected action in the largest type that fits, then every action on a
//! line of its own — the selected one marked — with who and by when in
//! words, "overdue" and "needs an owner" in words and colour, and the gaps
//! still open.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{big, hanging};
use crate::export::sanitize::clean_line;
use crate::model::ActionItem;
use crate::tui::app::SessionState;
use crate::tui::theme::Theme;

/// Who and by when, in words, with what needs the room's attention
/// styled as a warning.
fn who_and_when(a: &ActionItem, today: jiff::civil::Date, theme: &Theme) -> Vec<Span<'static>> {
    use crate::model::When;
    let mut spans = Vec::new();
    // A team alone owns it until a person is named: "Marketing (no
    // person yet)", as the email says it.
    match a.owner_words() {
        Some(owner) => spans.push(Span::styled(clean_line(&owner), theme.text)),
        None if a.status.is_open() => spans.push(Span::styled("needs an owner", theme.warn)),
        None => spans.push(Span::styled("nobody named", theme.dim)),
    }
    spans.push(Span::styled(" · ", theme.dim));
    let day = |d: jiff::civil::Date| d.strftime("%a %-d %b").to_string();
    match a.when(today) {
        When::Done => spans.push(Span::styled("done", theme.dim)),
        When::Dropped => spans.push(Span::styled("dropped", theme.dim)),
        When::Overdue(d) => spans.push(Span::styled(
            format!("overdue since {}", day(d)),
            theme.warn.add_modifier(Modifier::BOLD),
        )),
        When::By(d) => spans.push(Span::styled(format!("by {}", day(d)), theme.text)),
        When::NoDate => spans.push(Span::styled("needs a date", theme.warn)),
    }
    if a.status == crate::model::ActionStatus::InProgress {
        spans.push(Span::styled(" · in progress", theme.dim));
    }
    spans
}

/// Draws the actions view into `area`.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, now: &Zoned, theme: &Theme) {
    let s = ss.session();
    let columns = usize::from(area.width);
    let today = now.date();
    let selected = s.actions.get(ss.action_sel);
    // The list: one line per action (two when it wraps), then the gaps.
    let mut list = Vec::new();
    for (i, a) in s.actions.iter().enumerate() {
        let chosen = selected.is_some_and(|sel| sel.id == a.id);
        let lead = format!("{} A{} ", if chosen { "▸" } else { " " }, i + 1);
        let style = if chosen {
            theme.selected
        } else {
            theme.text.add_modifier(Modifier::BOLD)
        };
        let words = if a.description.trim().is_empty() {
            "(not written yet)".to_string()
        } else {
            clean_line(&a.description)
        };
        list.extend(hanging(&lead, &words, columns, theme.accent, style));
        let mut detail = vec![Span::raw(" ".repeat(lead.chars().count()))];
        detail.extend(who_and_when(a, today, theme));
        list.push(Line::from(detail));
    }
    if s.actions.is_empty() {
        list.push(Line::from(Span::styled("No actions yet.", theme.dim)));
    }
    let gaps = s.gaps();
    list.push(Line::default());
    if gaps.total() == 0 {
        list.extend(hanging(
            "",
            "No gaps: every root cause has an action, every action an owner and a date.",
            columns,
            theme.accent,
            theme.accent,
        ));
    } else {
        list.extend(hanging(
            "Still open: ",
            &gaps.phrases().join(" · "),
            columns,
            theme.warn,
            theme.warn,
        ));
    }
    // The selected action in large type above the list, when there is
    // room for both.
    let heading = Line::from(Span::styled("What we will do", theme.accent));
    let room = area.height.saturating_sub(list.len() as u16 + 2);
    let big_text = selected
        .map(|a| clean_line(&a.description))
        .filter(|t| !t.trim().is_empty());
    // No larger than the actions before and after it would show.
    let near: Vec<String> = [ss.action_sel.checked_sub(1), Some(ss.action_sel + 1)]
        .into_iter()
        .flatten()
        .filter_map(|i| s.actions.get(i))
        .map(|a| clean_line(&a.description))
        .collect();
    let kind = big_text
        .as_deref()
        .map(|text| big::steady(text, &near, area.width, room));
    let big_rows = match (&big_text, &kind) {
        (Some(text), Some(kind)) if room >= 4 => big::rows(kind, text, area.width, room),
        _ => 0,
    };
    let [heading_area, big_area, _, list_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(big_rows),
        Constraint::Length(u16::from(big_rows > 0)),
        Constraint::Min(0),
    ])
    .areas(area);
    frame.render_widget(heading, heading_area);
    if let (Some(text), Some(kind), true) = (&big_text, kind, big_rows > 0) {
        big::draw(frame, big_area, text, kind, theme.question, theme.dim);
    }
    // Keep the selected action in view when the list is long.
    let at = selected
        .and_then(|sel| {
            list.iter()
                .position(|l| l.spans.first().is_some_and(|s| s.content.starts_with('▸')))
                .map(|p| (p, sel))
        })
        .map_or(0, |(p, _)| p);
    let height = usize::from(list_area.height);
    let skip = (at + 2).saturating_sub(height);
    frame.render_widget(
        Paragraph::new(list.into_iter().skip(skip).collect::<Vec<_>>()),
        list_area,
    );
}
