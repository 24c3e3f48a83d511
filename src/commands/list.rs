//! `fivewhys list [--json]`.

use anyhow::Result;
use fivewhys::export::sanitize::clean_line;
use fivewhys::store::Store;
use serde_json::json;

/// Prints the sessions, newest first; unreadable files are reported too.
pub fn run(store: &Store, as_json: bool) -> Result<()> {
    let listing = store.list()?;
    if as_json {
        let rows: Vec<_> = listing
            .sessions
            .iter()
            .map(|s| {
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
            })
            .collect();
        super::output::json(&format!("{}\n", serde_json::to_string_pretty(&rows)?))?;
        for bad in &listing.unreadable {
            super::output::say(&format!(
                "fivewhys: unreadable: {}: {}",
                bad.path.display(),
                bad.reason
            ));
        }
        return Ok(());
    }
    let tz = jiff::tz::TimeZone::system();
    let mut out = String::new();
    if listing.sessions.is_empty() && listing.unreadable.is_empty() {
        super::output::say("no sessions yet; start one with `fivewhys new \"Title\"`");
        return Ok(());
    }
    if !listing.sessions.is_empty() {
        out.push_str("ID      UPDATED           STAGE    WHYS  ACTIONS       TITLE\n");
    }
    for s in &listing.sessions {
        let actions = if s.open_actions == 0 {
            "0".to_string()
        } else {
            format!("{} ({} to do)", s.actions, s.open_actions)
        };
        out.push_str(&format!(
            "{:<7} {}  {:<8} {:<5} {:<13} {}\n",
            s.id,
            fivewhys::export::format_time(s.updated, &tz),
            s.stage.label(),
            s.whys,
            actions,
            clean_line(&s.title)
        ));
    }
    for bad in &listing.unreadable {
        out.push_str(&format!(
            "unreadable: {}: {}\n",
            bad.path.display(),
            clean_line(&bad.reason)
        ));
    }
    super::output::data(&out)
}
