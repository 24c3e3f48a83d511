//! `fivewhys stats`: the numbers a team reviews.

use std::fmt::Write as _;

use anyhow::Result;
use fivewhys::follow::stats::{Spread, Stats};
use fivewhys::store::Store;
use jiff::civil::Date;

use super::output;

/// Prints the figures as text or JSON.
pub fn run(store: &Store, since: Option<Date>, today: Option<Date>, as_json: bool) -> Result<()> {
    let today = today.unwrap_or_else(super::actions::today);
    let index = super::list::index(store, fivewhys::store::Check::Full)?;
    let figures = index.stats(since, today, fivewhys::config::word_counts)?;
    let skipped = index.unreadable.len();
    if skipped > 0 {
        output::say(&format!(
            "fivewhys: {skipped} unreadable file{} left out; `fivewhys list` says why",
            if skipped == 1 { " was" } else { "s were" }
        ));
    }
    if as_json {
        return output::json(&format!("{}\n", serde_json::to_string_pretty(&figures)?));
    }
    output::data(&text(&figures, since))
}

fn minutes(m: i64) -> String {
    fivewhys::export::format::duration(jiff::SignedDuration::from_mins(m))
}

fn spread(s: &Spread) -> String {
    match (s.median_minutes, s.p90_minutes) {
        (Some(median), Some(p90)) => format!(
            "median {}, 90th percentile {} (over {} session{})",
            minutes(median),
            minutes(p90),
            s.count,
            if s.count == 1 { "" } else { "s" }
        ),
        _ => "no session has both times".to_string(),
    }
}

/// The figures as plain text.
pub fn text(f: &Stats, since: Option<Date>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} session{}{}",
        f.sessions,
        if f.sessions == 1 { "" } else { "s" },
        since.map(|d| format!(" since {d}")).unwrap_or_default()
    );
    if !f.per_month.is_empty() {
        let _ = writeln!(
            out,
            "\nPer month       sessions  overdue actions due that month"
        );
        for m in &f.per_month {
            let _ = writeln!(
                out,
                "  {}        {:>8}  {:>7}",
                m.month, m.sessions, m.overdue_actions
            );
        }
    }
    let _ = writeln!(out, "\nTime to detect   {}", spread(&f.time_to_detect));
    let _ = writeln!(out, "Time to resolve  {}", spread(&f.time_to_resolve));
    let a = &f.actions;
    let _ = writeln!(
        out,
        "\nActions  {} done on time, {} done late, {} done with no due date, {} overdue, {} open, {} dropped",
        a.done_on_time, a.done_late, a.done_undated, a.overdue, a.open, a.dropped
    );
    if let Some(p) = a.on_time_percent() {
        let _ = writeln!(
            out,
            "         {p}% of actions that came due were done on time"
        );
    }
    if f.root_cause_words.is_empty() && f.sessions > 1 {
        let _ = writeln!(
            out,
            "\nRoot-cause words  none recurs in more than one session"
        );
    }
    if !f.root_cause_words.is_empty() {
        let words: Vec<String> = f
            .root_cause_words
            .iter()
            .map(|w| format!("{} ({})", w.word, w.sessions))
            .collect();
        let _ = writeln!(out, "\nRoot-cause words (sessions)  {}", words.join(", "));
    }
    if !f.teams.is_empty() {
        let _ = writeln!(out, "\nTeams owning actions");
        for t in &f.teams {
            let _ = writeln!(out, "  {:<28} {} ({} open)", t.team, t.actions, t.open);
        }
    }
    out
}
