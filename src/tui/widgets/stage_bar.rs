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

/// How much room the stage bar takes: 0 is roomiest.
const LEVELS: usize = 3;

/// Draws the stage bar on one row: as roomy as the width allows, always
/// keeping the stage numbers and names, and the timer whenever it fits.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, now: Timestamp, theme: &Theme) {
    let elapsed = clock(ss.timer.elapsed(now));
    let remaining = ss.timer.remaining(ss.stage(), now);
    let right = |level: usize| -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        let paused = if ss.timer.running() { "" } else { " paused" };
        spans.push(Span::styled(
            if level == 0 {
                format!("elapsed {elapsed}{paused}")
            } else {
                format!("{elapsed}{paused}")
            },
            theme.accent,
        ));
        if let Some(left) = remaining {
            let (text, style) = if left >= 0 {
                (format!(" · {} left", clock(left)), theme.accent)
            } else {
                (format!(" · {} OVER", clock(-left)), theme.warn)
            };
            spans.push(Span::styled(text, style));
        }
        spans
    };
    let left = |level: usize| -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        for (i, stage) in Stage::ALL.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(
                    if level == 0 { " │ " } else { "│" },
                    theme.dim,
                ));
            }
            let current = *stage == ss.stage();
            let label = if level == 2 && !current {
                format!("{} {}", i + 1, stage.label())
            } else {
                format!("{} {}", i + 1, stage_label(&ss.session, *stage, level > 0))
            };
            let text = if current || level == 0 {
                format!(" {label} ")
            } else {
                label
            };
            spans.push(Span::styled(
                text,
                if current { theme.selected } else { theme.text },
            ));
        }
        spans
    };
    let width = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
    let available = area.width as usize;
    let mut chosen = None;
    for level in 0..LEVELS {
        let (l, r) = (left(level), right(level));
        if width(&l) + width(&r) < available {
            chosen = Some((l, r));
            break;
        }
    }
    let (mut spans, r) = chosen.unwrap_or_else(|| (left(LEVELS - 1), Vec::new()));
    let gap = available.saturating_sub(width(&spans) + width(&r));
    spans.push(Span::raw(" ".repeat(gap)));
    spans.extend(r);
    frame.render_widget(Line::from(spans), area);
}
