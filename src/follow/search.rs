//! Finding words across sessions: intake, participants' words, questions,
//! answers, evidence, actions and lessons, with case and accents ignored.
//!
//! Search matches whole words and word prefixes (`conf*`), the way the
//! index's full-text search does, not arbitrary parts of words: "pool"
//! finds "connection pool" and "pool's", not "spool". Several words must
//! follow one another. Pure; no I/O.

use serde::Serialize;

use crate::export::sanitize::clean_line;
use crate::model::{Lesson, Session};

/// One place in a session where the text was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The session's id.
    pub session: String,
    /// The session's title.
    pub session_title: String,
    /// Where in the session: "title", "summary", "why A1b (RC1)",
    /// "action A3", "went well 2".
    pub place: String,
    /// The line that matched, cut to about 100 characters around the match.
    pub line: String,
}

/// A word of the text looked for: folded, and whether any word starting
/// with it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// As typed (the index folds it the same way).
    pub typed: String,
    /// Lower case, accents removed.
    pub folded: String,
    /// `conf*`: every word starting with `conf`.
    pub prefix: bool,
}

/// What to look for: words that follow one another.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The words, in order.
    pub words: Vec<Word>,
}

impl Query {
    /// The words of `text`; a word ending in `*` is a prefix, and so is
    /// the last one when `last_is_prefix` (a filter typed as you go).
    pub fn parse(text: &str, last_is_prefix: bool) -> Query {
        let mut words: Vec<Word> = Vec::new();
        for (start, end) in word_spans(text) {
            let typed = &text[start..end];
            words.push(Word {
                typed: typed.to_string(),
                folded: fold_word(typed),
                prefix: text[end..].starts_with('*'),
            });
        }
        if last_is_prefix && let Some(last) = words.last_mut() {
            last.prefix = true;
        }
        Query { words }
    }

    /// Whether there is nothing to look for (only punctuation typed).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The query in FTS5's syntax: every word (quoted: nothing typed is
    /// ever an operator), prefixes marked. The index keeps which words a
    /// session holds, not where, so it finds the sessions holding them
    /// all; [`Query::find`] says where they follow one another.
    pub fn fts(&self) -> String {
        let mut out = String::new();
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                out.push_str(" AND ");
            }
            out.push('"');
            out.push_str(&w.typed.replace('"', "\"\""));
            out.push('"');
            if w.prefix {
                out.push_str(" *");
            }
        }
        out
    }

    /// Where in `text` the words are found one after another: the byte
    /// offset of the first, if anywhere.
    pub fn find(&self, text: &str) -> Option<usize> {
        if self.words.is_empty() || !self.may_be_in(text) {
            return None;
        }
        let spans = word_spans(text);
        let folded: Vec<String> = spans.iter().map(|&(s, e)| fold_word(&text[s..e])).collect();
        (0..folded.len()).find_map(|i| {
            let fits = self.words.iter().enumerate().all(|(j, w)| {
                folded.get(i + j).is_some_and(|t| {
                    if w.prefix {
                        t.starts_with(&w.folded)
                    } else {
                        *t == w.folded
                    }
                })
            });
            fits.then_some(spans[i].0)
        })
    }
}

impl Query {
    /// False when `text` surely does not hold the words: an ASCII text
    /// without the first word's letters (any case) anywhere. Cheap, so
    /// most texts are never cut into words.
    fn may_be_in(&self, text: &str) -> bool {
        let Some(first) = self.words.first() else {
            return false;
        };
        let needle = first.folded.as_bytes();
        if !text.is_ascii() || !first.folded.is_ascii() || needle.is_empty() {
            return true;
        }
        contains_ignoring_case(text.as_bytes(), needle)
    }
}

/// Whether `hay` holds `needle` (lower-case ASCII) in any case: the first
/// letter found in either case by memchr, the rest compared there.
fn contains_ignoring_case(hay: &[u8], needle: &[u8]) -> bool {
    occurrences(hay, needle).next().is_some()
}

/// The byte spans of the words of `text`: runs of letters and digits,
/// as the index's word tokenizer cuts them.
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// A word in lower case with the accents of Latin letters removed
/// ("Crème" → "creme"), as the index folds it.
pub fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let latin = ('\u{00C0}'..'\u{0250}').contains(&c) || ('\u{1E00}'..'\u{1F00}').contains(&c);
        if latin
            && let Some(plain) = deunicode::deunicode_char(c)
            && !plain.is_empty()
            && plain.chars().all(|p| p.is_ascii_alphanumeric())
        {
            out.push_str(&plain.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Calls `f` with every searchable text of `s`, in the order a reader
/// meets them (empty ones left out), and a way to name its place:
/// "title", "why A3b (RC1)", "action A2 owner". Places are named only
/// when asked (indexing never asks).
pub fn each_place(s: &Session, f: &mut dyn FnMut(&dyn Fn() -> String, &str)) {
    let mut put = |label: &dyn Fn() -> String, text: &str| {
        if !text.trim().is_empty() {
            f(label, text);
        }
    };
    put(&|| "title".into(), &s.title);
    put(&|| "summary".into(), &s.intake.summary);
    put(&|| "impact".into(), &s.intake.customer_impact.description);
    for (i, m) in s.intake.key_moments.iter().enumerate() {
        put(&|| format!("key moment {}", i + 1), &m.what);
    }
    let named = std::cell::OnceCell::new();
    let names = || named.get_or_init(|| (s.labels(), s.root_cause_labels()));
    for (depth, node) in s.why_nodes() {
        let at = || {
            let (numbers, causes) = names();
            let number = numbers.get(&node.id).cloned().unwrap_or_default();
            match (depth, causes.get(&node.id)) {
                (0, _) => format!("problem {number}"),
                (_, Some(rc)) => format!("why {number} ({rc})"),
                (_, None) => format!("why {number}"),
            }
        };
        put(&|| format!("{} question", at()), &node.question);
        put(&at, &node.answer);
        put(&|| format!("{} evidence", at()), &node.evidence);
    }
    for (i, a) in s.actions.iter().enumerate() {
        let at = || format!("action A{}", i + 1);
        put(&at, &a.description);
        put(
            &|| format!("{} owner", at()),
            a.owner.as_deref().unwrap_or(""),
        );
        put(
            &|| format!("{} team", at()),
            a.team.as_deref().unwrap_or(""),
        );
        put(
            &|| format!("{} tracked in", at()),
            a.link.as_deref().unwrap_or(""),
        );
        put(&|| format!("{} note", at()), &a.note);
    }
    for lesson in Lesson::ALL {
        for (i, text) in s.lessons(lesson).iter().enumerate() {
            put(
                &|| format!("{} {}", lesson.heading().to_lowercase(), i + 1),
                text,
            );
        }
    }
    for (i, p) in s.participants.iter().enumerate() {
        put(&|| format!("participant {}", i + 1), &p.name);
    }
    put(&|| "notes".into(), &s.notes);
}

/// Every line of every searchable text of `session`, in reading order,
/// as `place\tline\n`: what the index keeps to say where words were
/// found without reading the file again.
pub fn labelled_lines(session: &Session) -> String {
    let mut out = String::new();
    each_place(session, &mut |place, text| {
        let place = place();
        for line in text.lines() {
            out.push_str(&place);
            out.push('\t');
            out.push_str(line);
            out.push('\n');
        }
    });
    out
}

/// Every place in `session` where `query`'s words are found, in the order
/// a reader meets them; for each, the first line that holds them.
pub fn hits(session: &Session, query: &Query) -> Vec<Hit> {
    hits_in(&session.id, &session.title, &labelled_lines(session), query)
}

/// [`hits`] from a session's [`labelled_lines`].
pub fn hits_in(id: &str, title: &str, lines: &str, query: &Query) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    let Some(first) = query.words.first() else {
        return out;
    };
    let mut look = |row: &str| {
        let Some((place, line)) = row.split_once('\t') else {
            return;
        };
        if out.last().is_some_and(|h| h.place == place) {
            return;
        }
        if let Some(at) = query.find(line) {
            out.push(Hit {
                session: id.to_string(),
                session_title: clean_line(title),
                place: place.to_string(),
                line: excerpt(&clean_line(line), at, 100),
            });
        }
    };
    let needle = first.folded.as_bytes();
    if !lines.is_ascii() || !first.folded.is_ascii() || needle.is_empty() {
        lines.lines().for_each(look);
        return out;
    }
    // Only the rows where the first word's letters are (in any case):
    // found in the whole text at once, in order.
    let bytes = lines.as_bytes();
    let mut done = 0;
    for at in occurrences(bytes, needle) {
        if at < done {
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |n| n + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
        look(&lines[start..end]);
        done = end;
    }
    out
}

/// Where `needle` (lower-case ASCII) is in `hay`, in any case.
fn occurrences<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let first = needle[0];
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, hay).filter(move |&at| {
        hay.get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// About `width` characters of `line` around byte offset `at` (a match),
/// with "…" where it is cut.
pub fn excerpt(line: &str, at: usize, width: usize) -> String {
    let width = width.max(10);
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= width {
        return line.to_string();
    }
    let start = line
        .get(..at.min(line.len()))
        .map_or(0, |before| before.chars().count());
    let from = start.saturating_sub(width / 3);
    let to = (from + width).min(chars.len());
    let from = to.saturating_sub(width);
    let mut text: String = chars[from..to].iter().collect();
    if from > 0 {
        text.insert(0, '…');
    }
    if to < chars.len() {
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_prefixes_match_case_and_accents_ignored() {
        let q = Query::parse("creme", false);
        assert_eq!(q.find("Café Crème brûlée"), Some(6));
        assert_eq!(
            Query::parse("CAFÉ crème", false).find("cafe creme"),
            Some(0)
        );
        assert_eq!(Query::parse("conf*", false).find("a Config file"), Some(2));
        assert_eq!(Query::parse("conf", false).find("a Config file"), None);
        assert_eq!(Query::parse("conf", true).find("a Config file"), Some(2));
        // Not inside a word, and words must follow one another.
        assert_eq!(Query::parse("pool", false).find("spool"), None);
        assert_eq!(Query::parse("pool size", false).find("pool, size"), Some(0));
        assert_eq!(Query::parse("size pool", false).find("pool size"), None);
    }

    #[test]
    fn typed_operators_are_words() {
        let q = Query::parse("NOT \"a\" OR b*", false);
        assert_eq!(q.fts(), "\"NOT\" AND \"a\" AND \"OR\" AND \"b\" *");
        assert!(Query::parse("(460)", false).fts() == "\"460\"");
        assert!(Query::parse("-- ()", true).is_empty());
    }
}
