//! The stage bar: the four stages with live counts in words, the meeting
//! timer and the stage's timebox. Always visible in a session. When the
//! window is narrow, detail goes first, then the timer; the number of gaps
//! stays to the end.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::model::Stage;
use crate::tui::app::SessionState;
use crate::tui::theme::Theme;
use crate::tui::timer::clock;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What the stage labels count, gathered once per frame (a layout may be
/// tried several times); the tree's counts come from its outline, made
/// once per change.
struct Counts {
    people: usize,
    answers: usize,
    root_causes: usize,
    actions: usize,
    unowned: usize,
    gaps: usize,
    /// Fields changed here and elsewhere, still to settle.
    clashes: usize,
}

impl Counts {
    fn of(ss: &SessionState) -> Counts {
        let (s, tally) = (ss.session(), ss.outline().tally());
        let gaps = tally.gaps;
        Counts {
            people: s.participants.len(),
            answers: tally.answers,
            root_causes: tally.root_causes,
            actions: s.actions.len(),
            unowned: gaps.unowned,
            gaps: gaps.total(),
            clashes: s.open_conflicts().count(),
        }
    }
}

/// What a stage's label says about it, in words ("16 answers · 5 root
/// causes", or in `short` form "16 answers").
fn detail(c: &Counts, stage: Stage, short: bool) -> String {
    match stage {
        Stage::Intake => plural(c.people, "person", "people"),
        Stage::Whys => {
            let mut text = plural(c.answers, "answer", "answers");
            if c.root_causes > 0 && !short {
                text.push_str(&format!(
                    " · {}",
                    plural(c.root_causes, "root cause", "root causes")
                ));
            }
            text
        }
        Stage::Actions => {
            let mut text = plural(c.actions, "action", "actions");
            if c.unowned > 0 && !short {
                text.push_str(&format!(" · {} unowned", c.unowned));
            }
            text
        }
        Stage::Review => gaps(c),
    }
}

/// The gap count in words: "3 gaps", "no gaps"; and the clashes to
/// settle, while there are any: "3 gaps · 1 to settle".
fn gaps(c: &Counts) -> String {
    let gaps = match c.gaps {
        0 => "no gaps".to_string(),
        n => plural(n, "gap", "gaps"),
    };
    match c.clashes {
        0 => gaps,
        n => format!("{gaps} · {n} to settle"),
    }
}

/// How much a layout shows.
#[derive(Clone, Copy)]
struct Level {
    /// Every stage's detail, or only the current stage's (and the gaps).
    all_details: bool,
    /// The current stage's detail (the gaps are always said).
    current_detail: bool,
    /// The short form of the details.
    short: bool,
    /// Names of the other stages (else numbers only).
    names: bool,
    /// The timer, and whether it says "elapsed".
    timer: Option<bool>,
}

/// Roomiest first. The stage names outlast the current stage's count,
/// the timer outlasts detail, and the gap count outlasts the timer.
const LEVELS: [Level; 8] = [
    Level {
        current_detail: true,
        all_details: true,
        short: false,
        names: true,
        timer: Some(true),
    },
    Level {
        current_detail: true,
        all_details: true,
        short: false,
        names: true,
        timer: Some(false),
    },
    Level {
        current_detail: true,
        all_details: false,
        short: false,
        names: true,
        timer: Some(false),
    },
    Level {
        current_detail: true,
        all_details: false,
        short: true,
        names: true,
        timer: Some(false),
    },
    Level {
        current_detail: false,
        all_details: false,
        short: true,
        names: true,
        timer: Some(false),
    },
    Level {
        current_detail: true,
        all_details: false,
        short: true,
        names: false,
        timer: Some(false),
    },
    Level {
        current_detail: true,
        all_details: false,
        short: true,
        names: true,
        timer: None,
    },
    Level {
        current_detail: true,
        all_details: false,
        short: true,
        names: false,
        timer: None,
    },
];

/// Draws the stage bar on one row, as roomy as the width allows.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, now: Timestamp, theme: &Theme) {
    let elapsed = clock(ss.timer.elapsed(now));
    let remaining = ss.timer.remaining(ss.stage(), now);
    let right = |level: Level| -> Vec<Span<'static>> {
        let Some(words) = level.timer else {
            return Vec::new();
        };
        let paused = if ss.timer.running() {
            ""
        } else if ss.timer.waiting() {
            " waiting"
        } else {
            " paused"
        };
        let mut spans = vec![Span::styled(
            if words {
                format!("elapsed {elapsed}{paused}")
            } else {
                format!("{elapsed}{paused}")
            },
            theme.accent,
        )];
        if let Some(left) = remaining {
            spans.push(if left >= 0 {
                Span::styled(format!(" · {} left", clock(left)), theme.accent)
            } else {
                Span::styled(format!(" · {} OVER", clock(-left)), theme.warn)
            });
        }
        spans
    };
    let counts = Counts::of(ss);
    let left = |level: Level| -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        for (i, stage) in Stage::ALL.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled("│", theme.dim));
            }
            let current = *stage == ss.stage();
            let mut label = format!("{}", i + 1);
            if level.names || current {
                label.push(' ');
                label.push_str(stage.label());
            }
            let detail = if (current && level.current_detail) || level.all_details {
                detail(&counts, *stage, level.short)
            } else if *stage == Stage::Review {
                gaps(&counts)
            } else {
                String::new()
            };
            if !detail.is_empty() {
                label.push_str(": ");
                label.push_str(&detail);
            }
            spans.push(Span::styled(
                format!(" {label} "),
                if current { theme.selected } else { theme.text },
            ));
        }
        spans
    };
    let width = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
    let available = usize::from(area.width);
    let last = LEVELS[LEVELS.len() - 1];
    let (mut spans, r) = LEVELS
        .iter()
        .map(|level| (left(*level), right(*level)))
        .find(|(l, r)| width(l) + width(r) < available)
        .unwrap_or_else(|| (left(last), Vec::new()));
    let gap = available.saturating_sub(width(&spans) + width(&r));
    spans.push(Span::raw(" ".repeat(gap)));
    spans.extend(r);
    super::cells::line(frame.buffer_mut(), area, &Line::from(spans));
}
