//! Telling a paste from typing when the terminal sends no paste brackets
//! (some terminals, tmux without `-p`, a paste over SSH, keys arriving in
//! one lump over a slow link). Keys a person types are tens of
//! milliseconds apart; a paste arrives as one read, its keys microseconds
//! apart. Printable keys, Enter and Tab that arrive that close together
//! are taken as pasted text — into a field, never run as commands — so a
//! paste or keys typed before a field opened never mark root causes, add
//! answers or pause the timer. Pure: the event loop stamps each event
//! with when it was read and passes the lot here.

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};

/// Keys read at most this far apart belong to one burst. A person's
/// keys, even rolled over, are further apart; the keys of one read of
/// the terminal are microseconds apart.
pub const BURST_GAP: Duration = Duration::from_millis(3);

/// A burst has at least this many keys: two keys in one read are never
/// typed by hand.
pub const BURST_MIN: usize = 2;

/// A terminal event and when it was read.
#[derive(Debug, Clone)]
pub struct Timed {
    /// When the reader got it.
    pub at: Instant,
    /// The event.
    pub event: Event,
}

/// The text a key stands for in a paste: a printable character, Enter as
/// a new line, Tab as a tab; `None` for any other key or event.
pub fn text_of(event: &Event) -> Option<char> {
    let Event::Key(key) = event else {
        return None;
    };
    if key.kind == KeyEventKind::Release
        || key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
    {
        return None;
    }
    match key.code {
        KeyCode::Char(c) => Some(c),
        KeyCode::Enter => Some('\n'),
        KeyCode::Tab => Some('\t'),
        _ => None,
    }
}

/// The events as they should be handled: each burst of text keys (at
/// least [`BURST_MIN`], each within [`BURST_GAP`] of the one before) as
/// one paste; every other event as it came.
pub fn coalesce(events: Vec<Timed>) -> Vec<Event> {
    let mut out = Vec::with_capacity(events.len());
    let mut run: Vec<Timed> = Vec::new();
    let flush = |run: &mut Vec<Timed>, out: &mut Vec<Event>| {
        if run.len() >= BURST_MIN {
            out.push(Event::Paste(
                run.iter().filter_map(|t| text_of(&t.event)).collect(),
            ));
            run.clear();
        } else {
            out.extend(run.drain(..).map(|t| t.event));
        }
    };
    for timed in events {
        if text_of(&timed.event).is_none() {
            flush(&mut run, &mut out);
            out.push(timed.event);
            continue;
        }
        let close = run
            .last()
            .is_some_and(|last| timed.at.saturating_duration_since(last.at) <= BURST_GAP);
        if !close {
            flush(&mut run, &mut out);
        }
        run.push(timed);
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEvent;

    fn keys(text: &str, start: Instant, step: Duration) -> Vec<Timed> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Timed {
                at: start + step * i as u32,
                event: Event::Key(KeyEvent::new(
                    if c == '\n' {
                        KeyCode::Enter
                    } else {
                        KeyCode::Char(c)
                    },
                    KeyModifiers::NONE,
                )),
            })
            .collect()
    }

    #[test]
    fn keys_read_together_are_a_paste_and_typed_keys_are_keys() {
        let now = Instant::now();
        let pasted = coalesce(keys("x\nrw", now, Duration::from_micros(20)));
        assert_eq!(pasted, vec![Event::Paste("x\nrw".into())]);
        let typed = coalesce(keys("rw", now, Duration::from_millis(60)));
        assert_eq!(typed.len(), 2);
        assert!(matches!(typed[0], Event::Key(_)));
        // One key alone is a key, even read at once.
        assert_eq!(coalesce(keys("r", now, Duration::ZERO)).len(), 1);
        // Ctrl-C in a paste is never text: it splits the burst.
        let mut mixed = keys("ab", now, Duration::from_micros(5));
        mixed.push(Timed {
            at: now,
            event: Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        });
        mixed.extend(keys("cd", now, Duration::from_micros(5)));
        let out = coalesce(mixed);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0], Event::Paste("ab".into()));
        assert_eq!(out[2], Event::Paste("cd".into()));
    }
}
