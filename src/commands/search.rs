//! `fivewhys search TEXT`: every place in every session that holds it.

use anyhow::Result;
use fivewhys::follow;
use fivewhys::store::Store;

use super::output;

/// Prints the hits grouped by session, or a JSON array of them.
pub fn run(store: &Store, text: &str, as_json: bool) -> Result<()> {
    if text.trim().is_empty() {
        anyhow::bail!("give some text to look for, e.g. `fivewhys search \"connection pool\"`");
    }
    let mut hits: Vec<follow::Hit> = Vec::new();
    super::actions::for_each(store, |_, s| hits.extend(follow::search::hits(&s, text)))?;
    if as_json {
        return output::json(&format!("{}\n", serde_json::to_string_pretty(&hits)?));
    }
    if hits.is_empty() {
        output::say(&format!("nothing matches {text:?}"));
        return Ok(());
    }
    let mut out = String::new();
    let mut sessions = 0;
    let mut last = "";
    for hit in &hits {
        if hit.session != last {
            if !last.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!("{}  {}\n", hit.session, hit.session_title));
            last = &hit.session;
            sessions += 1;
        }
        out.push_str(&format!("  {}: {}\n", hit.place, hit.line));
    }
    output::data(&out)?;
    output::say(&format!(
        "{} place{} in {sessions} session{}",
        hits.len(),
        if hits.len() == 1 { "" } else { "s" },
        if sessions == 1 { "" } else { "s" }
    ));
    Ok(())
}
