//! `fivewhys list [--json]`: streamed from the index, one session at a
//! time, so a store of any size lists in the same small memory.

use anyhow::Result;
use fivewhys::export::sanitize::{clean_line, escaped_path};
use fivewhys::store::{Check, Index, SessionSummary, Store};
use serde_json::json;

use super::output;

/// The index, brought up to date as `check` asks; what it says about
/// itself (rebuilt, and why) goes to stderr.
pub fn index(store: &Store, check: Check) -> Result<Index> {
    let index = store.index(check)?;
    if let Some(notice) = &index.notice {
        output::say(&format!("fivewhys: {notice}"));
    }
    Ok(index)
}

/// Prints the sessions, newest first; unreadable files are reported too.
pub fn run(store: &Store, as_json: bool) -> Result<()> {
    let index = index(store, Check::Full)?;
    let mut out = output::Stream::stdout();
    if as_json {
        let mut first = true;
        index.each_session(|s| {
            let object = serde_json::to_string_pretty(&as_json_row(&s)).unwrap_or_default();
            let mut text = String::from(if first { "[\n" } else { ",\n" });
            first = false;
            for (i, line) in object.lines().enumerate() {
                if i > 0 {
                    text.push('\n');
                }
                text.push_str("  ");
                text.push_str(line);
            }
            out.json(&text);
        })?;
        out.json(if first { "[]\n" } else { "\n]\n" });
        out.finish()?;
        for bad in &index.unreadable {
            output::say(&format!(
                "fivewhys: unreadable: {}: {}",
                escaped_path(&bad.path),
                bad.reason
            ));
        }
        return Ok(());
    }
    let tz = jiff::tz::TimeZone::system();
    let mut any = false;
    index.each_session(|s| {
        if !any {
            out.data("ID      UPDATED           STAGE    WHYS  ACTIONS       TITLE\n");
            any = true;
        }
        let actions = if s.actions == 0 {
            "0".to_string()
        } else if s.open_actions == 0 {
            format!("{} (none open)", s.actions)
        } else {
            format!("{} ({} to do)", s.actions, s.open_actions)
        };
        out.data(&format!(
            "{:<7} {}  {:<8} {:<5} {:<13} {}\n",
            s.id,
            fivewhys::export::format_time(s.updated, &tz),
            s.stage.label(),
            s.whys,
            actions,
            clean_line(&s.title)
        ));
    })?;
    if !any && index.unreadable.is_empty() {
        output::say("no sessions yet; start one with `fivewhys new \"Title\"`");
        return Ok(());
    }
    for bad in &index.unreadable {
        out.data(&format!(
            "unreadable: {}: {}\n",
            escaped_path(&bad.path),
            clean_line(&bad.reason)
        ));
    }
    out.finish()
}

/// The fields `list --json` gives for a session.
fn as_json_row(s: &SessionSummary) -> serde_json::Value {
    json!({
        "id": s.id,
        "title": s.title,
        "created": s.created,
        "updated": s.updated,
        "stage": s.stage,
        "whys": s.whys,
        "root_causes": s.root_causes,
        "actions": s.actions,
        "open_actions": s.open_actions,
        "path": s.path,
    })
}
