//! Presenter view for the screen share: no chrome. On Intake and Whys, the
//! question the room is answering is the largest thing on screen — in block
//! letters when it fits, else bold in a padded box — centred under a
//! one-line "Why 4 of 5" and the chain that led to it (nothing repeated).
//! On Actions and Review, the actions and the gaps. Also the audience
//! window of `fivewhys present`.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use crate::export::sanitize::clean_line;
use crate::model::{Session, Stage, WhyNode, default_question};
use crate::tui::app::SessionState;
use crate::tui::marks;
use crate::tui::theme::Theme;
use crate::tui::timer::clock;
use crate::tui::widths::{fit, width};

/// How many whys the method suggests before asking whether to go on.
pub fn target_whys() -> usize {
    crate::config::current().target_whys()
}

/// The question the room is answering now.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt<'a> {
    /// "Why 4 of 5", or "The problem".
    pub label: String,
    /// The question, in words.
    pub question: String,
    /// What led to it: the problem statement and the answers before the
    /// one the question is about (which the question itself names).
    pub chain: Vec<&'a WhyNode>,
    /// The question typed for the answer the question is about, if any: it
    /// shows above, so the room sees what that answer answered.
    pub asked: Option<&'a str>,
}

fn why_label(n: usize) -> String {
    let target = target_whys();
    if n <= target {
        format!("Why {n} of {target}")
    } else {
        format!("Why {n} (past {target}: is it actionable yet?)")
    }
}

/// The question for the selected answer: "why?" of it when it is answered,
/// or its own question while it waits for an answer.
pub fn prompt<'a>(s: &'a Session, selected: Option<&str>) -> Prompt<'a> {
    let problem = || Prompt {
        label: "The problem".into(),
        question: "What is the problem?".into(),
        chain: Vec::new(),
        asked: None,
    };
    let Some(id) = selected else {
        return problem();
    };
    let mut chain = s.chain_to(id);
    let Some(node) = chain.pop() else {
        return problem();
    };
    let depth = chain.len();
    if !node.answer.trim().is_empty() {
        return Prompt {
            label: why_label(depth + 1),
            question: default_question(&node.answer),
            chain,
            asked: s.typed_question(id),
        };
    }
    if depth == 0 {
        return problem();
    }
    match s.typed_question(id) {
        // A question of its own needs the answer it follows to make sense.
        Some(asked) => Prompt {
            label: why_label(depth),
            question: asked.to_string(),
            chain,
            asked: None,
        },
        None => {
            chain.pop();
            Prompt {
                label: why_label(depth),
                question: s.default_question_for(id),
                chain,
                asked: None,
            }
        }
    }
}

/// Draws the presenter view over the whole window: the meeting's
/// `elapsed` seconds at the top, `hints` (or a problem) at the bottom.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    ss: &SessionState,
    elapsed: i64,
    bottom: (&str, bool),
    now: &Zoned,
    theme: &Theme,
) {
    frame.render_widget(Block::default().style(theme.text), area);
    let inner = area.inner(ratatui::layout::Margin::new(2, 0));
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let s = ss.session();
    let elapsed = format!("elapsed {}", clock(elapsed));
    let room = usize::from(header.width).saturating_sub(width(&elapsed) + 2);
    frame.render_widget(
        Line::from(vec![
            Span::styled(
                crate::tui::widths::fit_pad(&clean_line(&s.title), room),
                theme.dim,
            ),
            Span::raw("  "),
            Span::styled(elapsed, theme.dim),
        ]),
        header,
    );
    match ss.stage() {
        Stage::Intake | Stage::Whys => question_view(frame, body, ss, theme),
        Stage::Actions | Stage::Review => actions_view(frame, body, s, now, theme),
    }
    let (text, problem) = bottom;
    frame.render_widget(
        Line::from(Span::styled(
            fit(text, usize::from(footer.width)),
            if problem { theme.warn } else { theme.dim },
        )),
        footer,
    );
}

/// The chain, one entry per answer, each as lines with hanging indents:
/// "Problem …", "Why 1 · fact …" (after its question, if one was typed).
fn chain_lines(
    s: &Session,
    chain: &[&WhyNode],
    columns: usize,
    theme: &Theme,
) -> Vec<Vec<Line<'static>>> {
    let mut out = Vec::new();
    for (depth, node) in chain.iter().enumerate() {
        let mut entry = Vec::new();
        if depth > 0
            && let Some(asked) = s.typed_question(&node.id)
        {
            entry.extend(hanging(
                "",
                &format!("Asked: {}", clean_line(asked)),
                columns,
                theme.dim,
                theme.dim,
            ));
        }
        let (lead, text) = if depth == 0 {
            ("Problem ".to_string(), clean_line(&node.answer))
        } else {
            let root = if node.root_cause {
                format!("{} ", marks::ROOT)
            } else {
                String::new()
            };
            (
                format!("Why {depth} · {} ", node.confidence.label()),
                format!("{root}{}", clean_line(&node.answer)),
            )
        };
        let style = if node.root_cause {
            theme.text.add_modifier(Modifier::BOLD)
        } else {
            theme.text
        };
        entry.extend(hanging(&lead, &text, columns, theme.dim, style));
        out.push(entry);
    }
    out
}

/// `text` wrapped to `columns`, after `lead` on the first line and under
/// the text's own start on the others.
fn hanging(
    lead: &str,
    text: &str,
    columns: usize,
    lead_style: ratatui::style::Style,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let indent = width(lead);
    let room = columns.saturating_sub(indent).max(8);
    textwrap::wrap(text, room)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let first = if i == 0 {
                lead.to_string()
            } else {
                " ".repeat(indent)
            };
            Line::from(vec![
                Span::styled(first, lead_style),
                Span::styled(part.into_owned(), style),
            ])
        })
        .collect()
}

/// At most `max` lines of the chain: the problem's first line and the
/// latest whole answers that fit, saying how many were left out between.
fn shorten(entries: &[Vec<Line<'static>>], max: usize, theme: &Theme) -> Vec<Line<'static>> {
    let total: usize = entries.iter().map(Vec::len).sum();
    if total <= max {
        return entries.concat();
    }
    let Some((problem, answers)) = entries.split_first() else {
        return Vec::new();
    };
    let mut out: Vec<Line<'static>> = problem.iter().take(1).cloned().collect();
    let mut room = max.saturating_sub(out.len() + 1);
    let mut kept: Vec<&Vec<Line<'static>>> = Vec::new();
    for entry in answers.iter().rev() {
        if entry.len() > room {
            break;
        }
        room -= entry.len();
        kept.push(entry);
    }
    let left_out = answers.len() - kept.len();
    if left_out > 0 && out.len() < max {
        out.push(Line::from(Span::styled(
            match left_out {
                1 => "  … 1 earlier answer …".to_string(),
                n => format!("  … {n} earlier answers …"),
            },
            theme.dim,
        )));
    }
    for entry in kept.into_iter().rev() {
        out.extend(entry.iter().cloned());
    }
    out.truncate(max);
    out
}

fn question_view(frame: &mut Frame, area: Rect, ss: &SessionState, theme: &Theme) {
    let s = ss.session();
    let p = prompt(s, ss.node_sel.as_deref());
    let question = clean_line(&p.question);
    let columns = usize::from(area.width);
    let mut full = chain_lines(s, &p.chain, columns, theme);
    if let Some(asked) = p.asked {
        full.push(hanging(
            "",
            &format!("Asked: {}", clean_line(asked)),
            columns,
            theme.dim,
            theme.dim,
        ));
    }
    // The question comes first: the chain gives up lines if that lets the
    // question be drawn in block letters.
    let roomy = shorten(&full, usize::from(area.height / 3), theme);
    let tight = shorten(&full, 3, theme);
    let below = |chain: usize| {
        area.height
            .saturating_sub(chain as u16 + 2 + u16::from(chain > 0))
    };
    let chain = if big_size(&question, area.width, below(roomy.len())).is_none()
        && big_size(&question, area.width, below(tight.len())).is_some()
    {
        tight
    } else {
        roomy
    };
    let [chain_area, _, label_area, question_area] = Layout::vertical([
        Constraint::Length(chain.len() as u16),
        Constraint::Length(u16::from(!chain.is_empty())),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(chain), chain_area);
    frame.render_widget(Line::from(Span::styled(p.label, theme.accent)), label_area);
    big_question(frame, question_area, &question, theme);
}

/// The largest block-letter size in which `question` fits `width`×`height`,
/// with its height and lines.
fn big_size(question: &str, width: u16, height: u16) -> Option<(PixelSize, u16, Vec<String>)> {
    // The block font has printable ASCII only; other text stays as text.
    let ascii = question.replace(['—', '–'], "-");
    if !ascii.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        return None;
    }
    let sizes = [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ];
    sizes.into_iter().find_map(|(size, cell_w, cell_h)| {
        let per_line = usize::from(width / cell_w);
        if per_line < 6 {
            return None;
        }
        let lines: Vec<String> = textwrap::wrap(&ascii, per_line)
            .into_iter()
            .map(|l| l.into_owned())
            .collect();
        let tall = lines.len() as u16 * cell_h;
        (lines.iter().all(|l| l.len() <= per_line) && tall <= height).then_some((size, tall, lines))
    })
}

/// The question as large as it fits: block letters of the largest size
/// that holds it, else bold text in a padded box; centred.
fn big_question(frame: &mut Frame, area: Rect, question: &str, theme: &Theme) {
    if let Some((size, tall, lines)) = big_size(question, area.width, area.height) {
        let [_, middle, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(tall),
            Constraint::Fill(1),
        ])
        .areas(area);
        let big = BigText::builder()
            .pixel_size(size)
            .style(theme.question)
            .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
            .build();
        frame.render_widget(big, middle);
        return;
    }
    let room = usize::from(area.width.saturating_sub(6)).max(1);
    let rows = textwrap::wrap(question, room).len() as u16;
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length((rows + 4).min(area.height)),
        Constraint::Fill(1),
    ])
    .areas(area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.dim)
        .padding(Padding::new(2, 2, 1, 1));
    frame.render_widget(
        Paragraph::new(Span::styled(question.to_string(), theme.question))
            .block(block)
            .alignment(Alignment::Left)
            .wrap(Wrap { trim: true }),
        middle,
    );
}

/// Actions and gaps, for the Actions and Review stages.
fn actions_view(frame: &mut Frame, area: Rect, s: &Session, now: &Zoned, theme: &Theme) {
    let columns = usize::from(area.width);
    let mut lines = vec![
        Line::from(Span::styled("What we will do", theme.accent)),
        Line::default(),
    ];
    if s.actions.is_empty() {
        lines.push(Line::from(Span::styled("No actions yet.", theme.dim)));
    }
    for (i, a) in s.actions.iter().enumerate() {
        let who = match (&a.owner, &a.team) {
            (Some(o), Some(t)) => format!("{} ({})", clean_line(o), clean_line(t)),
            (Some(o), None) => clean_line(o),
            (None, _) => "owner needed".to_string(),
        };
        let due = match a.due {
            Some(d) if a.is_overdue(now.date()) => format!("due {d} {}", marks::OVERDUE),
            Some(d) => format!("due {d}"),
            None => "no due date".to_string(),
        };
        let lead = format!("{:>2}. ", i + 1);
        lines.extend(hanging(
            &lead,
            &clean_line(&a.description),
            columns,
            theme.dim,
            theme.text.add_modifier(Modifier::BOLD),
        ));
        lines.extend(hanging(
            &" ".repeat(lead.len()),
            &format!("{who} · {due} · {}", a.status.label()),
            columns,
            theme.dim,
            theme.dim,
        ));
    }
    let gaps = s.gaps();
    lines.push(Line::default());
    if gaps.total() == 0 {
        lines.push(Line::from(Span::styled(
            "No gaps: every root cause has an action, every action an owner and a date.",
            theme.accent,
        )));
    } else {
        lines.push(Line::from(Span::styled(
            format!("Still open: {}", gaps.phrases().join(" · ")),
            theme.warn,
        )));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
