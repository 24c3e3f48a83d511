//! `fivewhys search WORDS`: every place in every session that holds them,
//! found through the index's word search; and `fivewhys related ID`.

use anyhow::Result;
use fivewhys::export::sanitize::clean_line;
use fivewhys::follow::search::{self, Query};
use fivewhys::store::index::{Related, unpack};
use fivewhys::store::{Check, Store};

use super::output;

/// Prints the hits grouped by session (newest first), or a JSON array of
/// them, as each session is read.
pub fn run(store: &Store, text: &str, as_json: bool) -> Result<()> {
    let query = Query::parse(text, false);
    if query.is_empty() {
        anyhow::bail!(
            "give some words to look for, e.g. `fivewhys search \"connection pool\"` or `fivewhys search \"conf*\"`"
        );
    }
    let mut index = super::list::index(store, Check::Quick)?;
    index.add_words()?;
    let mut found = Vec::new();
    index.each_match(&query, None, |m| {
        found.push(m);
        true
    })?;
    let mut out = output::Stream::stdout();
    let (mut places, mut sessions) = (0, 0);
    // The index names the sessions and keeps their lines with their
    // places; a session whose lines it lacks is read from its file.
    for batch in found.chunks(256) {
        use rayon::prelude::*;
        let kept: Vec<Option<Vec<u8>>> = batch
            .iter()
            .map(|m| index.packed_lines(m.key))
            .collect::<std::io::Result<_>>()?;
        let read: Vec<_> = batch
            .par_iter()
            .zip(kept)
            .filter_map(|(m, lines)| {
                let hits = match lines.as_deref().and_then(unpack) {
                    Some(lines) => search::hits_in(&m.id, &m.title, &lines, &query),
                    None => search::hits(&store.load(&m.path).ok()?, &query),
                };
                (!hits.is_empty()).then(|| (m.id.clone(), clean_line(&m.title), hits))
            })
            .collect();
        for (id, title, hits) in read {
            if as_json {
                for hit in &hits {
                    let object = serde_json::to_string_pretty(hit).unwrap_or_default();
                    let mut text = String::from(if places == 0 { "[\n" } else { ",\n" });
                    places += 1;
                    text.push_str(&indent(&object));
                    out.json(&text);
                }
            } else {
                let mut text = String::new();
                if sessions > 0 {
                    text.push('\n');
                }
                text.push_str(&format!("{id}  {title}\n"));
                for hit in &hits {
                    text.push_str(&format!("  {}: {}\n", hit.place, hit.line));
                }
                places += hits.len();
                out.data(&text);
            }
            sessions += 1;
        }
    }
    if as_json {
        out.json(if places == 0 { "[]\n" } else { "\n]\n" });
        return out.finish();
    }
    out.finish()?;
    if places == 0 {
        output::say(&format!(
            "nothing matches {text:?} (search finds whole words, one after another, and word prefixes such as conf*)"
        ));
        return Ok(());
    }
    output::say(&format!(
        "{places} place{} in {sessions} session{}",
        if places == 1 { "" } else { "s" },
        if sessions == 1 { "" } else { "s" }
    ));
    Ok(())
}

/// `text` with every line indented two spaces.
fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Prints, for each root cause of a session (each answer when it has
/// none), up to two earlier sessions with an answer like it.
pub fn related(store: &Store, query: &str, as_json: bool) -> Result<()> {
    let path = store.resolve(query)?;
    let session = store.load(&path)?;
    let mut index = super::list::index(store, Check::Quick)?;
    index.add_words()?;
    let causes = session.root_causes();
    let asked: Vec<&fivewhys::model::WhyNode> = if causes.is_empty() {
        (session.why_nodes().into_iter())
            .filter(|(depth, n)| *depth > 0 && !n.answer.trim().is_empty())
            .map(|(_, n)| n)
            .collect()
    } else {
        causes
    };
    let labels = session.labels();
    let rc = session.root_cause_labels();
    let mut all = Vec::new();
    for node in asked {
        let seen = index.seen_before(
            &node.answer,
            &session.id,
            session.created,
            &fivewhys::config::word_counts,
            2,
        )?;
        all.push(Related {
            label: labels.get(&node.id).cloned().unwrap_or_default(),
            root_cause: rc.get(&node.id).cloned(),
            text: node.answer.clone(),
            seen_before: seen,
        });
    }
    if as_json {
        return output::json(&format!("{}\n", serde_json::to_string_pretty(&all)?));
    }
    let found: Vec<&Related> = all.iter().filter(|r| !r.seen_before.is_empty()).collect();
    if found.is_empty() {
        output::say(&format!(
            "no earlier session has answers like those of {} ({})",
            session.id,
            clean_line(&session.title)
        ));
        return Ok(());
    }
    let mut out = String::new();
    for r in found {
        let name = match &r.root_cause {
            Some(rc) => format!("{rc} ({})", r.label),
            None => r.label.clone(),
        };
        out.push_str(&format!("{name}  {}\n", clean_line(&r.text)));
        for seen in &r.seen_before {
            out.push_str(&format!(
                "  seen before: {}\n",
                fivewhys::follow::seen::line(seen)
            ));
        }
    }
    output::data(&out)
}
