//! Popups: a yes/no question, a picker, and the "window too small" notice.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::export::sanitize::clean_line;
use crate::tui::action::Action;
use crate::tui::app::{PickOption, Popup};
use crate::tui::keymap::{Context, hint, hint2};
use crate::tui::theme::Theme;

/// "y: yes    n / Esc: no", from the key table.
pub fn yes_no(theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(hint2(Context::Confirm, &Action::Confirm), theme.key),
        Span::raw(": yes    "),
        Span::styled(hint2(Context::Confirm, &Action::Back), theme.key),
        Span::raw(": no"),
    ])
}

/// Draws a popup centred over `area`; `session` is the one it is over.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    popup: &Popup,
    session: &crate::model::Session,
    theme: &Theme,
) {
    match popup {
        Popup::Settle { index } => settle(frame, area, session, *index, theme),
        Popup::Confirm { question, .. } => {
            let rect = super::centered(area, 60, 6);
            frame.render_widget(Clear, rect);
            let text = vec![
                Line::from(Span::styled(clean_line(question), theme.question)),
                Line::default(),
                yes_no(theme),
            ];
            let block = Block::default()
                .borders(Borders::ALL)
                .title(" Are you sure? ")
                .style(theme.text);
            frame.render_widget(
                Paragraph::new(text).wrap(Wrap { trim: false }).block(block),
                rect,
            );
        }
        Popup::Pick {
            title,
            options,
            cursor,
            multi,
            filter,
            purpose,
        } => pick(
            frame,
            area,
            (title, options, *cursor, *multi, filter),
            find_hint(purpose),
            theme,
        ),
    }
}

/// A list to choose from: the options found by the words typed (all when
/// none are), numbered for the digit that picks them while none are.
/// What typing finds in a list, said above it.
fn find_hint(purpose: &crate::tui::app::PickFor) -> &'static str {
    use crate::tui::app::PickFor;
    match purpose {
        PickFor::Addresses(_) => "Type to find: an answer's words or its label (A3b, RC2)",
        PickFor::OfferedBy(_) | PickFor::Owner(_) => "Type to find: part of a name",
        PickFor::Choice(_) => "Type to find, or press its number",
    }
}

fn pick(
    frame: &mut Frame,
    area: Rect,
    (title, options, cursor, multi, filter): (&str, &[PickOption], usize, bool, &str),
    find_words: &str,
    theme: &Theme,
) {
    let shown = crate::tui::app::shown(options, filter);
    // As tall as the whole list, so finding does not make it jump; a row
    // for the words typed and one for the keys.
    let height = (options.len() as u16 + 5).min(area.height);
    let rect = super::centered(area, 70, height);
    frame.render_widget(Clear, rect);
    let width = usize::from(rect.width.saturating_sub(2));
    let inner_rows = usize::from(rect.height.saturating_sub(4));
    let at = shown.iter().position(|&i| i == cursor).unwrap_or(0);
    let start = at.saturating_sub(inner_rows.saturating_sub(1));
    let find = if filter.is_empty() {
        Line::from(Span::styled(find_words.to_string(), theme.dim))
    } else {
        Line::from(vec![
            Span::styled("Find: ", theme.dim),
            Span::styled(clean_line(filter), theme.accent),
            Span::styled("▏", theme.accent),
        ])
    };
    let mut lines = vec![find];
    if shown.is_empty() {
        lines.push(Line::from(Span::styled(
            crate::tui::widths::fit(&format!("Nothing matches “{}”.", clean_line(filter)), width),
            theme.warn,
        )));
    }
    lines.extend(shown.iter().skip(start).take(inner_rows).map(|&i| {
        let option = &options[i];
        let mark = match (multi, option.ticked) {
            (true, true) => "[x] ",
            (true, false) => "[ ] ",
            (false, _) => "",
        };
        // The digit that picks it, for the first nine of a whole
        // list (with words typed, digits are typed too).
        let number = match (filter.is_empty(), i < 9) {
            (true, true) => format!("{} ", i + 1),
            (true, false) => "  ".to_string(),
            (false, _) => String::new(),
        };
        let style = if i == cursor {
            theme.selected
        } else {
            theme.text
        };
        let text = format!("{number}{mark}{}", clean_line(&option.label));
        Line::from(Span::styled(crate::tui::widths::fit(&text, width), style))
    }));
    let key = |action: Action| hint(Context::Pick, &action);
    let many = |action: Action| hint(Context::PickMany, &action);
    let found = |action: Action| hint(Context::PickFiltered, &action);
    let keys = match (filter.is_empty(), multi) {
        (false, true) => format!(
            "{} ticks the one found and saves · {} clears",
            found(Action::Confirm),
            found(Action::Back)
        ),
        (false, false) => format!(
            "{} takes the one found · {} clears",
            found(Action::Confirm),
            found(Action::Back)
        ),
        (true, true) => format!(
            "{} or {} ticks · {} saves · {} cancels",
            many(Action::PickNth(0)),
            many(Action::ToggleOption),
            many(Action::Confirm),
            key(Action::Back)
        ),
        (true, false) => format!(
            "{} or {} chooses · {} cancels",
            key(Action::PickNth(0)),
            key(Action::Confirm),
            key(Action::Back)
        ),
    };
    // The keys stay on the last row.
    let room = usize::from(rect.height.saturating_sub(3));
    lines.truncate(room);
    while lines.len() < room {
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        crate::tui::widths::fit(&keys, width),
        theme.dim,
    )));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", clean_line(title)))
        .style(theme.text);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// A clash: what it is about, both values, and the keys that settle it.
fn settle(
    frame: &mut Frame,
    area: Rect,
    session: &crate::model::Session,
    index: usize,
    theme: &Theme,
) {
    use crate::model::Side;
    let Some(c) = session.conflicts.get(index) else {
        return;
    };
    let open = session.open_conflicts().count();
    let place = session
        .open_conflicts()
        .position(|(i, _)| i == index)
        .map_or(1, |p| p + 1);
    let width = 72.min(area.width);
    let columns = usize::from(width.saturating_sub(2));
    let side = |label: &str, words: String| {
        super::labelled::labelled(
            label,
            11,
            theme.dim,
            vec![Span::styled(clean_line(&words), theme.text)],
            columns,
        )
    };
    let mut lines = vec![Line::from(Span::styled(
        clean_line(&format!(
            "{}: {}",
            session.conflict_item(c),
            c.field_label()
        )),
        theme.question,
    ))];
    lines.extend(side("here", session.conflict_words(c, Side::Mine)));
    lines.extend(side("elsewhere", session.conflict_words(c, Side::Theirs)));
    lines.push(Line::default());
    let key = |action: Action| hint(Context::Settle, &action);
    lines.push(Line::from(vec![
        Span::styled(key(Action::KeepMine), theme.key),
        Span::raw(": keep mine    "),
        Span::styled(key(Action::TakeTheirs), theme.key),
        Span::raw(": take theirs    "),
        Span::styled(key(Action::Back), theme.key),
        Span::raw(": later"),
    ]));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" Changed here and elsewhere ({place} of {open}) "))
        .style(theme.text);
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    // As tall as what it says, wrapped.
    let height = u16::try_from(text.line_count(width.saturating_sub(2)))
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let rect = super::centered(area, width, height);
    frame.render_widget(Clear, rect);
    frame.render_widget(text.block(block), rect);
}

/// Shown instead of the screen when the window is too small to use.
pub fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let text = format!(
        "Make the window larger: fivewhys needs at least 40×10 (now {}×{}). Nothing is lost.",
        area.width, area.height
    );
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.warn)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}
