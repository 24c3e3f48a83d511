//! Under Home's session list: actions overdue or due this week across all
//! sessions, and one line of the figures a team reviews.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::export::sanitize::clean_line;
use crate::store::{FollowUp, SessionSummary};
use crate::tui::action::Action;
use crate::tui::app::{FOLLOW_UP_DAYS, HomeFocus, HomeState};
use crate::tui::keymap::{Context, hint};
use crate::tui::theme::Theme;
use crate::tui::widths::{fit, fit_pad};

/// The follow-ups: a heading and as many rows as fit, keeping the
/// selection in view when they have the focus.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    home: &HomeState,
    rows: &[(&SessionSummary, &FollowUp)],
    now: &Zoned,
    theme: &Theme,
) {
    if area.height == 0 || rows.is_empty() {
        return;
    }
    let today = now.date();
    let overdue = rows
        .iter()
        .filter(|(_, f)| f.due.is_some_and(|d| d < today))
        .count();
    let soon = rows.len() - overdue;
    let focused = home.focus == HomeFocus::FollowUps;
    let counts = match (overdue, soon) {
        (0, soon) => format!("{soon} due within {FOLLOW_UP_DAYS} days"),
        (overdue, 0) => format!("{overdue} overdue"),
        (overdue, soon) => format!("{overdue} overdue, {soon} due within {FOLLOW_UP_DAYS} days"),
    };
    let mut heading = vec![Span::styled(format!("Follow-ups: {counts}"), theme.accent)];
    if !focused {
        heading.push(Span::styled(
            format!(
                "  ({} to go there)",
                hint(Context::Home, &Action::NextField)
            ),
            theme.dim,
        ));
    }
    let mut lines = vec![Line::from(heading)];
    let height = usize::from(area.height.saturating_sub(1)).max(1);
    let selected = home.follow_sel.min(rows.len() - 1);
    let first = if focused {
        selected.saturating_sub(height - 1)
    } else {
        0
    };
    let width = usize::from(area.width);
    for (i, (s, f)) in rows.iter().enumerate().skip(first).take(height) {
        let is_selected = focused && i == selected;
        // Home lists only dated actions.
        let due = f.due.unwrap_or(today);
        let when = if due < today {
            format!("{} overdue", due.strftime("%a %d %b"))
        } else {
            due.strftime("%a %d %b").to_string()
        };
        let owner = f
            .owner
            .as_deref()
            .map(clean_line)
            .unwrap_or_else(|| "unowned".into());
        let what = if f.description.trim().is_empty() {
            "(not written yet)".to_string()
        } else {
            clean_line(&f.description)
        };
        let fixed = 2 + 19 + 16 + 2 + 6;
        let text = format!(
            "{}{}{}{}  {}",
            if is_selected { "▸ " } else { "  " },
            fit_pad(&when, 19),
            fit_pad(&owner, 16),
            fit_pad(&what, width.saturating_sub(fixed).max(8)),
            s.id
        );
        let style = if is_selected {
            theme.selected
        } else if due < today {
            theme.warn
        } else {
            theme.text
        };
        lines.push(Line::from(Span::styled(fit(&text, width), style)));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Bars for counts, scaled to the largest: ▁ for none.
fn sparkline(counts: &[usize]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let top = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .map(|&n| {
            if n == 0 {
                BARS[0]
            } else {
                BARS[(n * 7).div_ceil(top).min(7)]
            }
        })
        .collect()
}

/// One line: actions done on time, and sessions and overdue actions per
/// month over the last six months.
pub fn figures(frame: &mut Frame, area: Rect, home: &HomeState, now: &Zoned, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let today = now.date();
    let sessions = &home.listing.sessions;
    let on_time: usize = sessions.iter().map(|s| s.done_on_time).sum();
    let late: usize = sessions.iter().map(|s| s.done_late).sum();
    let overdue: usize = sessions
        .iter()
        .map(|s| {
            s.follow_ups
                .iter()
                .filter(|f| f.due.is_some_and(|d| d < today))
                .count()
        })
        .sum();
    let came_due = on_time + late + overdue;
    let honoured = match (on_time * 100 + came_due / 2).checked_div(came_due) {
        None => "none came due yet".to_string(),
        Some(percent) => format!("{on_time} of {came_due} ({percent}%)"),
    };
    // The last six months, this one last.
    let months: Vec<jiff::civil::Date> = (0..6)
        .rev()
        .filter_map(|back| {
            today
                .first_of_month()
                .checked_sub(jiff::Span::new().months(back))
                .ok()
        })
        .collect();
    let index = |d: jiff::civil::Date| {
        months
            .iter()
            .position(|m| m.year() == d.year() && m.month() == d.month())
    };
    let mut per_month = [0usize; 6];
    let mut overdue_per_month = [0usize; 6];
    for s in sessions {
        if let Some(i) = index(s.incident_day) {
            per_month[i] += 1;
        }
        for due in s
            .follow_ups
            .iter()
            .filter_map(|f| f.due)
            .filter(|d| *d < today)
        {
            if let Some(i) = index(due) {
                overdue_per_month[i] += 1;
            }
        }
    }
    let span = format!(
        "{}–{}",
        months
            .first()
            .map(|m| m.strftime("%b").to_string())
            .unwrap_or_default(),
        months
            .last()
            .map(|m| m.strftime("%b").to_string())
            .unwrap_or_default()
    );
    let line = Line::from(vec![
        Span::styled("Done on time: ", theme.dim),
        Span::styled(honoured, theme.text),
        Span::styled(format!(" · sessions {span} "), theme.dim),
        Span::styled(sparkline(&per_month), theme.accent),
        Span::styled(" · overdue ", theme.dim),
        Span::styled(sparkline(&overdue_per_month), theme.warn),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

#[cfg(test)]
mod tests {
    use super::sparkline;

    #[test]
    fn bars_scale_to_the_largest_and_none_is_the_floor() {
        assert_eq!(sparkline(&[0, 1, 2, 4]), "▁▃▅█");
        assert_eq!(sparkline(&[0, 0]), "▁▁");
    }
}
