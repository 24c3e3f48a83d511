//! What `list` and Home read: sessions newest first, their open actions,
//! and the files that cannot be listed.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use rusqlite::{Connection, Row};

use super::rows::{day_of, from_name};
use super::{Index, sql};
use crate::store::{FollowUp, SessionSummary, Unreadable};

/// The columns [`summary`] reads, in order.
const COLUMNS: &str = "key, name, id, title, created, updated, stage, whys, root_causes, actions, \
                       open_actions, incident_day, done_on_time, done_late";

fn summary(dir: &Path, r: &Row<'_>) -> rusqlite::Result<SessionSummary> {
    let text = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    let count = |i: usize| -> rusqlite::Result<usize> {
        Ok(usize::try_from(r.get::<_, i64>(i)?).unwrap_or(0))
    };
    let time = |i: usize| -> rusqlite::Result<jiff::Timestamp> {
        Ok(text(i)?.parse().unwrap_or_default())
    };
    Ok(SessionSummary {
        key: r.get(0)?,
        path: dir.join(text(1)?),
        id: text(2)?,
        title: text(3)?,
        created: time(4)?,
        updated: time(5)?,
        stage: from_name(&text(6)?).unwrap_or_default(),
        whys: count(7)?,
        root_causes: count(8)?,
        actions: count(9)?,
        open_actions: count(10)?,
        incident_day: day_of(r.get(11)?).unwrap_or_default(),
        follow_ups: Vec::new(),
        done_on_time: count(12)?,
        done_late: count(13)?,
    })
}

impl Index {
    /// Calls `f` with every listed session, newest first, one at a time
    /// (a store of any size lists in the same small memory). Files that
    /// share a session id are in [`Index::unreadable`], not here.
    pub fn each_session(&self, mut f: impl FnMut(SessionSummary)) -> std::io::Result<()> {
        let withheld: HashSet<&str> = self.duplicates.keys().map(String::as_str).collect();
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM sessions WHERE reason IS NULL \
                 ORDER BY updated_ns DESC, created_ns DESC, id"
            ))
            .map_err(sql)?;
        let mut rows = stmt.query([]).map_err(sql)?;
        while let Some(row) = rows.next().map_err(sql)? {
            let s = summary(self.sessions_dir(), row).map_err(sql)?;
            if !withheld.contains(s.id.as_str()) {
                f(s);
            }
        }
        Ok(())
    }

    /// The summary of the session in file `name`, if it is listed.
    pub fn session_named(&self, name: &str) -> std::io::Result<Option<SessionSummary>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM sessions WHERE reason IS NULL AND name = ?1"
            ))
            .map_err(sql)?;
        let mut rows = stmt.query([name]).map_err(sql)?;
        match rows.next().map_err(sql)? {
            Some(row) => Ok(Some(summary(self.sessions_dir(), row).map_err(sql)?)),
            None => Ok(None),
        }
    }

    /// Calls `f` with the session's row and every open action due on or
    /// before `last` (every open action when `None`), in no order: read
    /// down the table, no row looked up twice.
    pub fn each_follow_up(
        &self,
        last: Option<jiff::civil::Date>,
        mut f: impl FnMut(i64, FollowUp),
    ) -> std::io::Result<()> {
        let (due, last) = match last {
            Some(last) => ("a.due <= ?1", super::rows::day_number(last)),
            None => ("?1 = ?1", 0),
        };
        // `+`: the table in order, not each row looked up from the open
        // actions' index.
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT a.session, a.ord, a.id, a.description, a.owner, a.team, a.due, \
                 a.priority, a.status, a.link, a.note FROM actions a \
                 WHERE +a.status IN ('open', 'in_progress') AND {due}"
            ))
            .map_err(sql)?;
        let mut rows = stmt.query([last]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            let session: i64 = r.get(0).map_err(sql)?;
            let follow = follow_up(r).map_err(sql)?;
            f(session, follow);
        }
        Ok(())
    }
}

/// An open action from a row of `each_follow_up`'s query (from column 1).
fn follow_up(r: &Row<'_>) -> rusqlite::Result<FollowUp> {
    let ord: i64 = r.get(1)?;
    Ok(FollowUp {
        id: r.get(2)?,
        number: format!("A{}", ord + 1),
        description: r.get(3)?,
        owner: r.get(4)?,
        team: r.get(5)?,
        due: r.get::<_, Option<i64>>(6)?.and_then(day_of),
        priority: priority(r.get(7)?),
        status: from_name(&r.get::<_, String>(8)?).unwrap_or_default(),
        link: r.get(9)?,
        note: r.get(10)?,
    })
}

/// The priority kept as its rank.
pub fn priority(rank: i64) -> crate::model::Priority {
    use crate::model::Priority;
    Priority::ALL
        .into_iter()
        .find(|p| *p as i64 == rank)
        .unwrap_or_default()
}

/// The files that cannot be read as sessions, with why.
pub fn unreadable(conn: &Connection, dir: &Path) -> rusqlite::Result<Vec<Unreadable>> {
    let mut stmt =
        conn.prepare("SELECT name, reason FROM sessions WHERE reason IS NOT NULL ORDER BY name")?;
    let rows = stmt.query_map([], |r| {
        Ok(Unreadable {
            path: dir.join(r.get::<_, String>(0)?),
            reason: r.get(1)?,
        })
    })?;
    rows.collect()
}

/// Session ids found in more than one file, with those files.
pub fn duplicates(
    conn: &Connection,
    dir: &Path,
) -> rusqlite::Result<BTreeMap<String, Vec<std::path::PathBuf>>> {
    let mut stmt = conn.prepare(
        "SELECT id, name FROM sessions WHERE reason IS NULL AND id IN \
         (SELECT id FROM sessions WHERE reason IS NULL GROUP BY id HAVING count(*) > 1) \
         ORDER BY id, name",
    )?;
    let mut out: BTreeMap<String, Vec<std::path::PathBuf>> = BTreeMap::new();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, name) = row?;
        out.entry(id).or_default().push(dir.join(name));
    }
    Ok(out)
}
