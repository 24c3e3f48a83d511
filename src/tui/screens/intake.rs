//! Intake: the incident facts, participants and key moments, as one form.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::split_bottom;
use crate::export::sanitize::clean_line;
use crate::model::{Session, Vocabulary};
use crate::tui::action::Action;
use crate::tui::app::SessionState;
use crate::tui::field::Field;
use crate::tui::keymap::{Context, hint};
use crate::tui::theme::Theme;
use crate::tui::widgets::edit_box;
use crate::tui::widths::fit_pad;

/// The narrowest label column; a longer label (a kind's own words, such as
/// "Subscribers affected") widens it, keeping a space before the value.
const LABEL: usize = 20;

/// The label column for `fields` in `s`.
fn label_width(fields: &[Field], s: &Session) -> usize {
    fields
        .iter()
        .filter(|f| {
            !matches!(
                f,
                Field::PersonName(_)
                    | Field::PersonTeam(_)
                    | Field::PersonRole(_)
                    | Field::PersonEmail(_)
                    | Field::MomentAt(_)
                    | Field::MomentWhat(_)
            )
        })
        .map(|f| crate::tui::widths::width(&f.label_in(s)) + 1)
        .max()
        .unwrap_or(LABEL)
        .clamp(LABEL, 30)
}

/// What to type, shown in an empty field while it is selected.
fn example(field: &Field, words: &Vocabulary) -> String {
    let text = match field {
        Field::Title => return format!("a short name for the {}", words.event),
        Field::Affected => {
            return format!(
                "how many {} (or another word: 600 restaurants)",
                words.affected
            );
        }
        Field::Problem => "one line: what went wrong, for whom",
        Field::Summary => "what happened, in a few sentences",
        Field::Started | Field::Detected | Field::Resolved => {
            "e.g. 14:05, yesterday 9am, 2026-11-02 08:21"
        }
        Field::Impact => "who was affected and how",
        Field::Channels => "e.g. app, email, phone support",
        Field::Notes => "anything else worth keeping",
        _ => "",
    };
    text.to_string()
}

/// Draws the Intake form.
pub fn render(frame: &mut Frame, area: Rect, ss: &SessionState, now: &Zoned, theme: &Theme) {
    let (list_area, edit_area) = match ss.editor() {
        Some(editor) => split_bottom(
            area,
            edit_box::height(editor, ss.session(), now, area.width),
        ),
        None => (area, Rect::default()),
    };
    let fields = ss.intake_fields();
    let selected = fields.get(ss.intake_sel);
    let width = list_area.width as usize;
    let label = label_width(&fields, ss.session());
    let value_width = width.saturating_sub(label + 2);
    let words = ss.session().words();
    let cell = |field: &Field, text: String, w: usize| -> Span<'static> {
        let focused = Some(field) == selected;
        let style = if focused { theme.selected } else { theme.text };
        if text.is_empty() && focused {
            Span::styled(fit_pad(&example(field, &words), w), theme.selected)
        } else if text.is_empty() {
            Span::styled(fit_pad("—", w), theme.dim)
        } else {
            Span::styled(fit_pad(&clean_line(&text), w), style)
        }
    };
    let button = |field: &Field, label: &str, action: Action| {
        let style = if Some(field) == selected {
            theme.selected
        } else {
            theme.dim
        };
        Line::from(vec![
            Span::raw("  "),
            Span::styled(
                format!("{label} ({})", hint(Context::Intake, &action)),
                style,
            ),
        ])
    };
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let heading = |text: String| Line::from(Span::styled(text, theme.accent));
    // Times below are in the session's zone (the local one until the
    // session records it): say which, once.
    let zone = ss
        .session()
        .time_zone
        .clone()
        .or_else(|| now.time_zone().iana_name().map(str::to_string))
        .map_or_else(
            || "local time".to_string(),
            |z| crate::export::zone_label(&z),
        );
    lines.push(heading(format!(
        "{} · times in {zone}",
        words.event_heading()
    )));
    for (i, field) in fields.iter().enumerate() {
        if Some(field) == selected {
            selected_line = lines.len();
        }
        match field {
            Field::PersonName(p) => {
                // Name, function/team, role and email share the row.
                let w = width.saturating_sub(2);
                let (wn, wt) = ((w * 3 / 10).min(24), (w * 3 / 10).min(26));
                let wr = 12.min(w.saturating_sub(wn + wt));
                if *p == 0 {
                    lines.push(heading(format!(
                        "Participants ({})",
                        ss.session().participants.len()
                    )));
                    lines.push(Line::from(Span::styled(
                        format!(
                            "  {}{}{}{}",
                            fit_pad("Name", wn),
                            fit_pad("Function/team", wt),
                            fit_pad("Role", wr + 1),
                            "Email"
                        ),
                        theme.dim,
                    )));
                    if Some(field) == selected {
                        selected_line = lines.len();
                    }
                }
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    cell(field, field.read(ss.session(), now), wn.saturating_sub(1)),
                    Span::raw(" "),
                    cell(
                        &fields[i + 1],
                        fields[i + 1].read(ss.session(), now),
                        wt.saturating_sub(1),
                    ),
                    Span::raw(" "),
                    cell(&fields[i + 2], fields[i + 2].read(ss.session(), now), wr),
                    Span::raw(" "),
                    cell(
                        &fields[i + 3],
                        fields[i + 3].read(ss.session(), now),
                        w.saturating_sub(wn + wt + wr + 1),
                    ),
                ]));
            }
            Field::PersonTeam(_)
            | Field::PersonRole(_)
            | Field::PersonEmail(_)
            | Field::MomentWhat(_) => {
                if Some(field) == selected {
                    selected_line = lines.len() - 1;
                }
            }
            Field::AddPerson => {
                if ss.session().participants.is_empty() {
                    lines.push(heading("Participants".into()));
                    if Some(field) == selected {
                        selected_line = lines.len();
                    }
                }
                lines.push(button(field, "+ add participant", Action::Add));
            }
            Field::MomentAt(m) => {
                if *m == 0 {
                    lines.push(heading(format!(
                        "Key moments ({})",
                        ss.session().intake.key_moments.len()
                    )));
                    if Some(field) == selected {
                        selected_line = lines.len();
                    }
                }
                let w = width.saturating_sub(2);
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    cell(field, field.read(ss.session(), now), 16),
                    Span::raw("  "),
                    cell(
                        &fields[i + 1],
                        fields[i + 1].read(ss.session(), now),
                        w.saturating_sub(18),
                    ),
                ]));
            }
            Field::AddMoment => {
                if ss.session().intake.key_moments.is_empty() {
                    lines.push(heading("Key moments".into()));
                    if Some(field) == selected {
                        selected_line = lines.len();
                    }
                }
                lines.push(button(field, "+ add key moment", Action::AddMoment));
            }
            Field::Notes => {
                lines.push(heading("Facilitator".into()));
                if Some(field) == selected {
                    selected_line = lines.len();
                }
                lines.push(labelled(
                    (field, label),
                    ss.session(),
                    cell(field, field.read(ss.session(), now), value_width),
                    theme,
                ));
            }
            Field::Summary => {
                let text = field.read(ss.session(), now).replace('\n', " ");
                lines.push(labelled(
                    (field, label),
                    ss.session(),
                    cell(field, text, value_width),
                    theme,
                ));
            }
            _ => lines.push(labelled(
                (field, label),
                ss.session(),
                cell(field, field.read(ss.session(), now), value_width),
                theme,
            )),
        }
    }
    // When not everything fits, the last row says how much is out of
    // sight, so the timeline under the participants is never missed.
    let total = lines.len();
    let overflows = total > list_area.height as usize && list_area.height > 1;
    let height = list_area.height as usize - usize::from(overflows);
    let scroll = selected_line
        .saturating_sub(height.saturating_sub(2).max(1) - 1)
        .min(total.saturating_sub(height))
        .min(u16::MAX as usize);
    let [shown, more] = Layout::vertical([
        Constraint::Length(height as u16),
        Constraint::Length(u16::from(overflows)),
    ])
    .areas(list_area);
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), shown);
    if overflows {
        let below = total.saturating_sub(scroll + height);
        let mut words = Vec::new();
        if below > 0 {
            words.push(format!("↓ {below} more below"));
        }
        if scroll > 0 {
            words.push(format!("↑ {scroll} above"));
        }
        frame.render_widget(
            Line::from(Span::styled(format!("  {}", words.join(" · ")), theme.dim)),
            more,
        );
    }
    if let Some(editor) = ss.editor() {
        edit_box::render(frame, edit_area, editor, ss.session(), now, theme);
    }
}

fn labelled(
    (field, label): (&Field, usize),
    s: &Session,
    value: Span<'static>,
    theme: &Theme,
) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!("  {}", fit_pad(&field.label_in(s), label)),
            theme.dim,
        ),
        value,
    ])
}
