//! Action rows as a table for people, CSV for spreadsheets and trackers,
//! and iCalendar for calendars. Pure; no I/O.

use std::borrow::Cow;
use std::fmt::Write as _;

use jiff::civil::Date;
use unicode_width::UnicodeWidthStr;

use super::actions::ActionRow;
use crate::export::sanitize::{Clean, clean_line, cleaned_line};

/// The columns of the CSV, in order.
pub const CSV_COLUMNS: [&str; 13] = [
    "session",
    "id",
    "number",
    "session_title",
    "description",
    "owner",
    "team",
    "due",
    "priority",
    "status",
    "overdue",
    "link",
    "note",
];

/// RFC 4180 CSV with a header row: CRLF line ends, fields quoted when they
/// hold a comma, quote or line break.
pub fn csv(rows: &[&ActionRow]) -> String {
    let mut out = csv_header();
    for r in rows {
        out.push_str(&csv_row(r));
    }
    out
}

/// The CSV's header row, with its CRLF.
pub fn csv_header() -> String {
    csv_record(CSV_COLUMNS.map(String::from))
}

/// One action as a CSV row, with its CRLF.
pub fn csv_row(r: &ActionRow) -> String {
    // Text a spreadsheet would run as a formula starts with a quote mark
    // instead (the OWASP advice): a shared session file cannot make
    // someone's spreadsheet fetch a link or run a command.
    let text = |s: &str| {
        let s = clean_line(s);
        if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s
        }
    };
    csv_record([
        r.session.to_string(),
        r.id.to_string(),
        r.number.to_string(),
        text(&r.session_title),
        text(&r.description),
        r.owner.as_deref().map(text).unwrap_or_default(),
        r.team.as_deref().map(text).unwrap_or_default(),
        r.due.map(|d| d.to_string()).unwrap_or_default(),
        r.priority.label().to_string(),
        r.status.label().to_string(),
        if r.overdue { "yes" } else { "no" }.to_string(),
        r.link.as_deref().map(text).unwrap_or_default(),
        text(&r.note),
    ])
}

fn csv_record(fields: [String; 13]) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    out.write_record(fields).expect("in memory");
    String::from_utf8(out.into_inner().expect("in memory")).expect("CSV of UTF-8 text")
}

/// An iCalendar file with one all-day to-do (VTODO) per open action that
/// has a due date. UIDs are `ACTION.SESSION@fivewhys`, so importing the
/// file again updates the same to-dos instead of adding copies.
pub fn ics(rows: &[&ActionRow], stamp: jiff::Timestamp) -> String {
    use icalendar::{Calendar, Component, Todo, TodoStatus};
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//fivewhys//actions//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name("fivewhys actions");
    let stamp = chrono::DateTime::from_timestamp(stamp.as_second(), 0).unwrap_or_default();
    for r in rows.iter().filter(|r| r.status.is_open()) {
        let Some(due) = r.due.and_then(chrono_date) else {
            continue;
        };
        let mut todo = Todo::new();
        todo.uid(&format!("{}.{}@fivewhys", r.id, r.session))
            .summary(&clean_line(&r.description))
            .description(&ics_description(r))
            .due(due)
            .timestamp(stamp)
            .priority(match r.priority {
                crate::model::Priority::High => 1,
                crate::model::Priority::Medium => 5,
                crate::model::Priority::Low => 9,
            })
            .status(match r.status {
                crate::model::ActionStatus::InProgress => TodoStatus::InProcess,
                _ => TodoStatus::NeedsAction,
            });
        if let Some(link) = r.link.as_deref().filter(|l| is_web_link(l)) {
            todo.url(link.trim());
        }
        calendar.push(todo.done());
    }
    folded(&calendar.done().to_string())
}

/// Longest content line, in octets, before its line break (RFC 5545,
/// section 3.1). A continuation line's leading space counts.
const ICS_LINE: usize = 75;

/// `ics` with every content line folded at [`ICS_LINE`] octets, on
/// character boundaries. The icalendar crate lets a last continuation
/// line reach 76 octets (its space added to 75); unfolded and folded
/// again here, every line keeps to the limit.
fn folded(ics: &str) -> String {
    let unfolded = ics.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 24);
    for line in unfolded.split_inclusive("\r\n") {
        let (mut rest, end) = match line.strip_suffix("\r\n") {
            Some(content) => (content, "\r\n"),
            None => (line, ""),
        };
        let mut room = ICS_LINE;
        while rest.len() > room {
            let mut cut = room;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            room = ICS_LINE - 1;
        }
        out.push_str(rest);
        out.push_str(end);
    }
    out
}

fn chrono_date(d: Date) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(
        i32::from(d.year()),
        u32::try_from(d.month()).ok()?,
        u32::try_from(d.day()).ok()?,
    )
}

fn is_web_link(link: &str) -> bool {
    let l = link.trim();
    (l.starts_with("https://") || l.starts_with("http://")) && !l.contains(char::is_whitespace)
}

fn ics_description(r: &ActionRow) -> String {
    let mut text = format!(
        "{} of \"{}\" ({})",
        r.number,
        clean_line(&r.session_title),
        r.session
    );
    if let Some(owner) = &r.owner {
        let _ = write!(text, "\nOwner: {}", clean_line(owner));
    }
    if let Some(link) = &r.link {
        let _ = write!(text, "\nTracked in: {}", clean_line(link));
    }
    text
}

/// A plain table for the terminal: due date (with "overdue"), owner,
/// status, the reference to give `fivewhys action`, and what, in full.
pub fn table(rows: &[&ActionRow]) -> String {
    let mut out = String::new();
    table_blocks(rows, |block| out.push_str(block.as_str()));
    out
}

const SPACES: &str = "                                ";

/// Columns `text` takes on a terminal; ASCII (most text) without a lookup.
fn width(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.width()
    }
}

/// Rows formatted at once, on every core, before they are handed on.
const BLOCK: usize = 1024;

/// [`table`], a block of whole lines at a time, so a long table is written
/// as it is made; the blocks are made and cleaned on every core, the next
/// while `block` is given the last.
pub fn table_blocks(rows: &[&ActionRow], mut block: impl FnMut(&Clean) + Send) {
    use rayon::prelude::*;
    let header = ["DUE", "OWNER", "STATUS", "ACTION", "WHAT"];
    // Each column as wide as its widest cell, up to 24; found on every core.
    let widest = |mut widths: [usize; 5], r: &&ActionRow| {
        let cells = [
            due_width(r),
            width(&owner(r)),
            r.status.label().len(),
            width(&r.session) + 1 + width(&r.number),
        ];
        for (w, cell) in widths.iter_mut().zip(cells) {
            *w = (*w).max(cell.min(24));
        }
        widths
    };
    let widths = rows
        .par_iter()
        .fold(|| header.map(str::len), widest)
        .reduce(
            || header.map(str::len),
            |a, b| std::array::from_fn(|i| a[i].max(b[i])),
        );
    let mut text = String::new();
    for (name, w) in header.iter().zip(widths).take(4) {
        cell(&mut text, name, w);
    }
    text.push_str("WHAT\n");
    block(&Clean::new(text));
    let made = |window: &[&ActionRow]| -> Vec<Clean> {
        window
            .par_chunks(BLOCK)
            .map(|rows| {
                let mut text = String::new();
                for r in rows {
                    row_line(&mut text, r, &widths);
                }
                Clean::new(text)
            })
            .collect()
    };
    let mut windows = rows.chunks(BLOCK * 32);
    let mut ready = windows.next().map(made).unwrap_or_default();
    for window in windows {
        let (next, ()) = rayon::join(|| made(window), || ready.iter().for_each(&mut block));
        ready = next;
    }
    ready.iter().for_each(block);
}

/// `date` as `YYYY-MM-DD`, written by hand for the years a table shows
/// (formatting machinery is most of a row's cost).
fn push_date(text: &mut String, date: Date) {
    let (year, month, day) = (date.year(), date.month(), date.day());
    if !(0..=9999).contains(&year) {
        let _ = write!(text, "{date}");
        return;
    }
    let digit = |n: i16| char::from(b'0' + n as u8);
    for n in [year / 1000, year / 100 % 10, year / 10 % 10, year % 10] {
        text.push(digit(n));
    }
    for n in [month, day] {
        text.push('-');
        text.push(digit(i16::from(n / 10)));
        text.push(digit(i16::from(n % 10)));
    }
}

fn owner(r: &ActionRow) -> Cow<'_, str> {
    r.owner
        .as_deref()
        .map_or(Cow::Borrowed("unowned"), cleaned_line)
}

fn due_width(r: &ActionRow) -> usize {
    match r.due {
        Some(_) if r.overdue => "YYYY-MM-DD overdue".len(),
        Some(_) => "YYYY-MM-DD".len(),
        None => "no date".len(),
    }
}

/// `text` and spaces up to `columns`, and two more between columns.
fn cell(text: &mut String, cell: &str, columns: usize) {
    text.push_str(cell);
    let pad = columns.saturating_sub(width(cell)) + 2;
    for _ in 0..pad / SPACES.len() {
        text.push_str(SPACES);
    }
    text.push_str(&SPACES[..pad % SPACES.len()]);
}

/// One row of the table, with its newline, added to `text`.
fn row_line(text: &mut String, r: &ActionRow, widths: &[usize; 5]) {
    // Dates are ASCII: their width is their length.
    let start = text.len();
    match r.due {
        Some(d) => {
            push_date(text, d);
            if r.overdue {
                text.push_str(" overdue");
            }
        }
        None => text.push_str("no date"),
    }
    let written = text.len() - start;
    cell(text, "", widths[0].saturating_sub(written));
    cell(text, &owner(r), widths[1]);
    cell(text, r.status.label(), widths[2]);
    text.push_str(&r.session);
    text.push('/');
    // The label everyone sees (k3f9ab/A2); `action` takes it, and the
    // action's id, which JSON gives for scripts.
    text.push_str(&r.number);
    let reference_width = width(&r.session) + 1 + width(&r.number);
    cell(text, "", widths[3].saturating_sub(reference_width));
    let _ = writeln!(
        text,
        "{} (in {})",
        cleaned_line(&r.description),
        cleaned_line(&r.session_title)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The calendar `actions --ics` writes keeps to the limit too, for
    /// every length of description (the crate alone let some reach 76).
    #[test]
    fn the_actions_calendar_keeps_every_line_within_75_octets() {
        for len in 40..200 {
            let row = ActionRow {
                id: "a-2b3c".into(),
                session: "k3f9ab".into(),
                session_title: "Checkout outage".into(),
                number: "A1".into(),
                description: "x".repeat(len),
                owner: Some("Mei Lin".into()),
                team: None,
                due: Some(jiff::civil::date(2026, 12, 1)),
                priority: crate::model::Priority::High,
                status: crate::model::ActionStatus::Open,
                link: None,
                overdue: false,
                note: String::new(),
            };
            let text = ics(&[&row], jiff::Timestamp::UNIX_EPOCH);
            for line in text.split("\r\n") {
                assert!(line.len() <= ICS_LINE, "{len}: {} octets", line.len());
            }
        }
    }

    /// Every line of any length, with characters of one to four octets,
    /// is folded within 75 octets and unfolds to what it was.
    #[test]
    fn ics_lines_fold_within_75_octets() {
        for len in 60..260 {
            for c in ['a', 'é', '漢', '😀'] {
                let value: String = std::iter::repeat_n(c, len / c.len_utf8()).collect();
                let ics = format!("BEGIN:VTODO\r\nDESCRIPTION:{value}\r\nEND:VTODO\r\n");
                let out = folded(&ics);
                for line in out.split("\r\n") {
                    assert!(line.len() <= ICS_LINE, "{} octets: {line:?}", line.len());
                }
                assert_eq!(out.replace("\r\n ", ""), ics);
            }
        }
    }

    /// The hand-written date is jiff's own, for every year a table can
    /// hold, ordinary or not.
    #[test]
    fn dates_are_written_as_jiff_writes_them() {
        for year in [-9999, -1, 0, 7, 99, 999, 1000, 2026, 9999] {
            for (month, day) in [(1, 1), (2, 28), (9, 30), (10, 9), (12, 31)] {
                let date = jiff::civil::date(year, month, day);
                let mut text = String::new();
                push_date(&mut text, date);
                assert_eq!(text, date.to_string());
            }
        }
    }
}
