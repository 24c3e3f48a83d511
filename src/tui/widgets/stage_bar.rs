//! The stage bar: the four stages with live counts, the meeting timer and
//! the stage's timebox. Always visible in a session.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::model::{Session, Stage};
use crate::tui::app::SessionState;
use crate::tui::theme::Theme;
use crate::tui::timer::clock;

/// Counts of gaps the facilitator should close before the meeting ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gaps {
    /// Root causes no action addresses.
    pub unaddressed: usize,
    /// Open actions without an owner.
    pub unowned: usize,
    /// Open actions without a due date.
    pub undated: usize,
}

impl Gaps {
    /// The gaps of a session.
    pub fn of(s: &Session) -> Gaps {
        let open = || s.actions.iter().filter(|a| a.status.is_open());
        Gaps {
            unaddressed: s.unaddressed_root_causes().len(),
            unowned: open().filter(|a| a.owner.is_none()).count(),
            undated: open().filter(|a| a.due.is_none()).count(),
        }
    }

    /// All gaps.
    pub fn total(self) -> usize {
        self.unaddressed + self.unowned + self.undated
    }
}

/// The label of a stage with its live count, long or compact.
pub fn stage_label(s: &Session, stage: Stage, compact: bool) -> String {
    let sep = if compact { "·" } else { " · " };
    match stage {
        Stage::Intake => format!(
            "Intake {}",
            plural(s.participants.len(), "person", "people", compact)
        ),
        Stage::Whys => {
            let answers = s.why_nodes().iter().filter(|(d, _)| *d > 0).count();
            format!("Whys {answers}{sep}{} root", s.root_causes().len())
        }
        Stage::Actions => {
            let gaps = Gaps::of(s);
            let mut label = format!("Actions {}", s.actions.len());
            if gaps.unowned > 0 {
                label.push_str(&format!("{sep}{} unowned", gaps.unowned));
            } else if gaps.undated > 0 {
                label.push_str(&format!("{sep}{} no date", gaps.undated));
            }
            label
        }
        Stage::Review => match Gaps::of(s).total() {
            0 => "Review".to_string(),
            n => format!("Review {n} gap{}", if n == 1 { "" } else { "s" }),
        },
    }
}

fn plural(n: usize, one: &str, many: &str, compact: bool) -> String {
    if compact {
        n.to_string()
    } else {
        format!("{n} {}", if n == 1 { one } else { many })
    }
}

/// Draws the stage bar on one row.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, now: Timestamp, theme: &Theme) {
    let mut timer = format!(" ⏱ {}", clock(ss.timer.elapsed(now)));
    if !ss.timer.running() {
        timer.push_str(" paused");
    }
    let timebox = ss.timer.remaining(ss.stage(), now).map(|left| {
        if left >= 0 {
            format!(" ⏳ {} left", clock(left))
        } else {
            format!(" ⏳ {} over", clock(-left))
        }
    });
    let right_width = timer.chars().count() + timebox.as_ref().map_or(0, |t| t.chars().count()) + 1;
    let build = |compact: bool| -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        for (i, stage) in Stage::ALL.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(if compact { "│" } else { " │ " }, theme.dim));
            }
            let text = format!(" {} {} ", i + 1, stage_label(&ss.session, *stage, compact));
            let style = if *stage == ss.stage() {
                theme.selected
            } else {
                theme.text
            };
            spans.push(Span::styled(text, style));
        }
        spans
    };
    let width = |spans: &[Span]| spans.iter().map(|s| s.width()).sum::<usize>();
    let mut spans = build(false);
    if width(&spans) + right_width > area.width as usize {
        spans = build(true);
    }
    let used = width(&spans);
    let room = (area.width as usize).saturating_sub(used);
    if room >= right_width {
        spans.push(Span::raw(" ".repeat(room - right_width + 1)));
        spans.push(Span::styled(timer, theme.accent));
        if let Some(t) = timebox {
            let over = ss.timer.remaining(ss.stage(), now).is_some_and(|l| l < 0);
            spans.push(Span::styled(
                t,
                if over { theme.warn } else { theme.accent },
            ));
        }
    }
    frame.render_widget(Line::from(spans), area);
}
