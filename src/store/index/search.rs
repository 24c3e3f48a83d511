//! Word search over every session, and "seen before": earlier sessions
//! whose answers are most like one (FTS5's bm25 over the answers' words).

use std::collections::HashSet;

use serde::Serialize;

use super::rows::day_of;
use super::{Index, sql};
use crate::follow::search::Query;

/// A session whose words matched, in listing order.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Its key in the index.
    pub key: i64,
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its file.
    pub path: std::path::PathBuf,
}

/// An earlier session with an answer like the one asked about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeenBefore {
    /// The session's id.
    pub session: String,
    /// Its title.
    pub title: String,
    /// The day of its incident.
    pub day: Option<jiff::civil::Date>,
    /// The answer that is alike: its label (A3b).
    pub label: String,
    /// Its root-cause label (RC1), when it is one.
    pub root_cause: Option<String>,
    /// What it says.
    pub text: String,
    /// The actions addressing it and where they stand ("A1 open, A2 done").
    pub actions: String,
}

/// Several answers' [`SeenBefore`]s.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    /// The answer asked about: its label.
    pub label: String,
    /// Its root-cause label, when it is one.
    pub root_cause: Option<String>,
    /// What it says.
    pub text: String,
    /// Up to two earlier sessions.
    pub seen_before: Vec<SeenBefore>,
}

/// Candidates looked at for each answer asked about.
const CANDIDATES: i64 = 40;

/// Words asked about at most: the rarest of the answer's.
const QUERY_WORDS: usize = 6;

impl Index {
    /// Calls `f` with every session where `query`'s words are found (or
    /// whose id starts with `id_prefix`, when given), newest first.
    pub fn each_match(
        &self,
        query: &Query,
        id_prefix: Option<&str>,
        mut f: impl FnMut(Match) -> bool,
    ) -> std::io::Result<()> {
        if query.is_empty() && id_prefix.is_none() {
            return Ok(());
        }
        // Driven from what matched (a few rows of the word index, or the
        // ids sharing a prefix), sorted here newest first: never a walk
        // of every session.
        let mut parts = Vec::new();
        if !query.is_empty() {
            parts.push(
                "SELECT s.key, s.id, s.title, s.name, s.updated_ns, s.created_ns FROM words w \
                 JOIN sessions s ON s.key = w.rowid WHERE w.words MATCH ?1 AND s.reason IS NULL",
            );
        }
        if id_prefix.is_some() {
            parts.push(
                "SELECT key, id, title, name, updated_ns, created_ns FROM sessions \
                 WHERE id >= ?2 AND substr(id, 1, length(?2)) = ?2 AND reason IS NULL",
            );
        }
        let mut stmt = self.conn.prepare(&parts.join(" UNION ")).map_err(sql)?;
        let fts = query.fts();
        let mut rows = match (query.is_empty(), id_prefix) {
            (false, Some(prefix)) => stmt.query(rusqlite::params![fts, prefix]),
            (false, None) => stmt.query(rusqlite::params![fts]),
            (true, Some(prefix)) => stmt.query(rusqlite::params![prefix, prefix]),
            (true, None) => return Ok(()),
        }
        .map_err(sql)?;
        let mut found: Vec<(i64, i64, Match)> = Vec::new();
        while let Some(r) = rows.next().map_err(sql)? {
            let id: String = r.get(1).map_err(sql)?;
            if self.duplicates.contains_key(&id) {
                continue;
            }
            found.push((
                r.get::<_, Option<i64>>(4).map_err(sql)?.unwrap_or(0),
                r.get::<_, Option<i64>>(5).map_err(sql)?.unwrap_or(0),
                Match {
                    key: r.get(0).map_err(sql)?,
                    id,
                    title: r.get(2).map_err(sql)?,
                    path: self
                        .sessions_dir()
                        .join(r.get::<_, String>(3).map_err(sql)?),
                },
            ));
        }
        found.sort_by(|a, b| {
            (b.0, b.1)
                .cmp(&(a.0, a.1))
                .then_with(|| a.2.id.cmp(&b.2.id))
        });
        for (_, _, m) in found {
            if !f(m) {
                break;
            }
        }
        Ok(())
    }

    /// Calls `f` with the row of every session holding `query`'s words,
    /// as the word index gives them (not in listing order): the quickest
    /// answer to "which sessions". `f` returns false to stop.
    pub fn each_key(&self, query: &Query, mut f: impl FnMut(i64) -> bool) -> std::io::Result<()> {
        if query.is_empty() {
            return Ok(());
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT rowid FROM words WHERE words MATCH ?1")
            .map_err(sql)?;
        let mut rows = stmt.query([query.fts()]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            if !f(r.get(0).map_err(sql)?) {
                break;
            }
        }
        Ok(())
    }

    /// The first `limit` sessions (newest first) holding `query`'s words:
    /// read down the listing's order, so a word most sessions hold costs
    /// no more than a rare one.
    pub fn first_matches(&self, query: &Query, limit: usize) -> std::io::Result<Vec<Match>> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT key, id, title, name FROM sessions WHERE reason IS NULL AND key IN \
                 (SELECT rowid FROM words WHERE words MATCH ?1) \
                 ORDER BY updated_ns DESC, created_ns DESC, id LIMIT ?2",
            )
            .map_err(sql)?;
        let mut rows = stmt
            .query(rusqlite::params![query.fts(), limit as i64])
            .map_err(sql)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(sql)? {
            out.push(Match {
                key: r.get(0).map_err(sql)?,
                id: r.get(1).map_err(sql)?,
                title: r.get(2).map_err(sql)?,
                path: self
                    .sessions_dir()
                    .join(r.get::<_, String>(3).map_err(sql)?),
            });
        }
        Ok(out)
    }

    /// The lines of a searched session with their places (see
    /// [`crate::follow::search::labelled_lines`]) as the index keeps them,
    /// compressed ([`unpack`] them), if it has them.
    pub fn packed_lines(&self, key: i64) -> std::io::Result<Option<Vec<u8>>> {
        self.conn
            .prepare_cached("SELECT body FROM texts WHERE key = ?1")
            .map_err(sql)?
            .query_row([key], |r| r.get(0))
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })
            .map_err(sql)
    }

    /// [`Index::packed_lines`], unpacked.
    pub fn lines_of(&self, key: i64) -> std::io::Result<Option<String>> {
        Ok(self.packed_lines(key)?.and_then(|b| unpack(&b)))
    }

    /// Up to `limit` sessions other than `session`, created before
    /// `before`, with an answer most like `text` (root causes first among
    /// equals). `counts` says which words count (see `stop_words`).
    pub fn seen_before(
        &self,
        text: &str,
        session: &str,
        before: jiff::Timestamp,
        counts: &dyn Fn(&str) -> bool,
        limit: usize,
    ) -> std::io::Result<Vec<SeenBefore>> {
        let mine: HashSet<String> = content(text, counts);
        if mine.len() < 2 {
            return Ok(Vec::new());
        }
        // The rarest words say most about what an answer is about, and a
        // query of few words stays fast however large the store.
        let mut rare: Vec<(i64, &String)> = Vec::new();
        {
            let mut doc = self
                .conn
                .prepare_cached("SELECT doc FROM vocab WHERE term = ?1")
                .map_err(sql)?;
            for w in &mine {
                let n: Option<i64> = doc
                    .query_row([w], |r| r.get(0))
                    .map(Some)
                    .or_else(|e| match e {
                        rusqlite::Error::QueryReturnedNoRows => Ok(None),
                        e => Err(e),
                    })
                    .map_err(sql)?;
                if let Some(n) = n {
                    rare.push((n, w));
                }
            }
        }
        rare.sort();
        rare.truncate(QUERY_WORDS);
        if rare.is_empty() {
            return Ok(Vec::new());
        }
        // At least two of them in common (one word shared is chance),
        // the rarest pair first: asked one after another, more pairs
        // only while too few alike sessions are found, so a question
        // stays small however many sessions hold common words.
        let mut pairs = Vec::new();
        for (i, (n, a)) in rare.iter().enumerate() {
            for (m, b) in &rare[i + 1..] {
                pairs.push((n + m, format!("(\"{a}\" AND \"{b}\")")));
            }
        }
        pairs.sort();
        let before_ns = i64::try_from(before.as_nanosecond()).unwrap_or(i64::MAX);
        let mut out: Vec<SeenBefore> = Vec::new();
        let mut tried = std::collections::HashSet::new();
        let mut asked = 0;
        for take in [1, 2, pairs.len()] {
            if out.len() == limit || asked >= pairs.len() {
                break;
            }
            let upto = take.max(asked + 1).min(pairs.len());
            let question: Vec<&str> = pairs[..upto].iter().map(|(_, p)| p.as_str()).collect();
            asked = upto;
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT s.id, s.title, s.incident_day, s.name FROM words m \
                     JOIN sessions s ON s.key = m.rowid \
                     WHERE m.words MATCH ?1 AND s.reason IS NULL AND s.id != ?3 \
                     AND s.created_ns < ?4 ORDER BY m.rank LIMIT ?2",
                )
                .map_err(sql)?;
            let mut rows = stmt
                .query(rusqlite::params![
                    question.join(" OR "),
                    CANDIDATES,
                    session,
                    before_ns
                ])
                .map_err(sql)?;
            while let Some(r) = rows.next().map_err(sql)? {
                if out.len() == limit {
                    break;
                }
                let id: String = r.get(0).map_err(sql)?;
                if !tried.insert(id.clone()) {
                    continue;
                }
                let path = self
                    .sessions_dir()
                    .join(r.get::<_, String>(3).map_err(sql)?);
                // Which of its answers is alike comes from its file (the
                // index keeps the words of the whole session).
                let Some(alike) = most_alike(&path, &mine, counts) else {
                    continue;
                };
                out.push(SeenBefore {
                    session: id,
                    title: r.get(1).map_err(sql)?,
                    day: r.get::<_, Option<i64>>(2).map_err(sql)?.and_then(day_of),
                    ..alike
                });
            }
        }
        Ok(out)
    }
}

/// Lines kept by [`Index::packed_lines`] as text.
pub fn unpack(packed: &[u8]) -> Option<String> {
    lz4_flex::decompress_size_prepended(packed)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
}

/// The answer of the session file at `path` with the most words of `mine`
/// (at least two, and a root cause among equals), as a [`SeenBefore`]
/// without the session's id, title and day.
fn most_alike(
    path: &std::path::Path,
    mine: &HashSet<String>,
    counts: &dyn Fn(&str) -> bool,
) -> Option<SeenBefore> {
    let text = crate::store::listing::read_limited(path).ok()?;
    let session = crate::store::codec::parse(&text).ok()?;
    let need = 2.max(mine.len().div_ceil(4));
    let (_, node) = (session.why_nodes().into_iter())
        .filter(|(depth, _)| *depth > 0)
        .map(|(_, n)| {
            let shared = content(&n.answer, counts).intersection(mine).count();
            ((shared, n.root_cause), n)
        })
        .filter(|((shared, _), _)| *shared >= need)
        .max_by_key(|(rank, _)| *rank)?;
    let labels = session.labels();
    let causes = session.root_cause_labels();
    let actions: Vec<String> = (session.actions.iter().enumerate())
        .filter(|(_, a)| a.addresses.contains(&node.id))
        .map(|(i, a)| format!("A{} {}", i + 1, a.status.label()))
        .collect();
    Some(SeenBefore {
        session: String::new(),
        title: String::new(),
        day: None,
        label: labels.get(&node.id).cloned().unwrap_or_default(),
        root_cause: causes.get(&node.id).cloned(),
        text: node.answer.clone(),
        actions: actions.join(", "),
    })
}

/// The words of `text` that count, folded as the index folds them.
fn content(text: &str, counts: &dyn Fn(&str) -> bool) -> HashSet<String> {
    crate::follow::search::word_spans(text)
        .into_iter()
        .map(|(s, e)| crate::follow::search::fold_word(&text[s..e]))
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| counts(w))
        .collect()
}
