//! What `fivewhys actions` reads: every action of every session, filtered
//! and sorted by the database, one row at a time.

use std::sync::Arc;

use compact_str::CompactString;
use jiff::civil::Date;
use rusqlite::types::Value;

use super::listing::priority;
use super::rows::{day_number, day_of, from_name};
use super::{Index, sql};
use crate::follow::{ActionFilter, ActionRow};

impl Index {
    /// Calls `f` with every action `filter` keeps, "overdue" measured from
    /// `today`: soonest due first (undated last), then by priority,
    /// session id and number.
    pub fn each_action(
        &self,
        filter: &ActionFilter,
        today: Date,
        mut f: impl FnMut(ActionRow),
    ) -> std::io::Result<()> {
        let mut sql_where = vec!["s.reason IS NULL".to_string()];
        let mut args: Vec<Value> = Vec::new();
        // `+`: read the table in order rather than through the open
        // actions' index, which would look up each row's other columns.
        let open = "+a.status IN ('open', 'in_progress')";
        if filter.open || filter.overdue || filter.due_within.is_some() {
            sql_where.push(open.into());
        }
        if filter.overdue {
            args.push(Value::Integer(day_number(today)));
            sql_where.push(format!("a.due < ?{}", args.len()));
        }
        if let Some(days) = filter.due_within {
            let last = today.saturating_add(jiff::Span::new().days(days));
            args.push(Value::Integer(day_number(last)));
            sql_where.push(format!("a.due <= ?{}", args.len()));
        }
        if let Some(id) = &filter.session {
            args.push(Value::Text(id.clone()));
            sql_where.push(format!("s.id = ?{}", args.len()));
        }
        let query = format!(
            "SELECT s.id, s.title, a.ord, a.id, a.description, a.owner, a.team, a.due, \
             a.priority, a.status, a.link, a.note FROM actions a \
             JOIN sessions s ON s.key = a.session WHERE {} \
             ORDER BY a.due IS NULL, a.due, a.priority, s.id, a.ord",
            sql_where.join(" AND ")
        );
        let withheld = &self.duplicates;
        let mut stmt = self.conn.prepare(&query).map_err(sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args)).map_err(sql)?;
        let mut title: (String, Arc<str>) = (String::new(), Arc::from(""));
        while let Some(r) = rows.next().map_err(sql)? {
            let session: String = r.get(0).map_err(sql)?;
            if withheld.contains_key(&session) {
                continue;
            }
            let session_title: String = r.get(1).map_err(sql)?;
            if title.0 != session_title {
                title = (session_title.clone(), Arc::from(session_title.as_str()));
            }
            let due = r.get::<_, Option<i64>>(7).map_err(sql)?.and_then(day_of);
            let status = from_name(&r.get::<_, String>(9).map_err(sql)?).unwrap_or_default();
            let row = ActionRow {
                session: CompactString::from(session),
                session_title: Arc::clone(&title.1),
                number: compact_str::format_compact!("A{}", r.get::<_, i64>(2).map_err(sql)? + 1),
                id: CompactString::from(r.get::<_, String>(3).map_err(sql)?),
                description: r.get(4).map_err(sql)?,
                owner: r
                    .get::<_, Option<String>>(5)
                    .map_err(sql)?
                    .map(CompactString::from),
                team: r
                    .get::<_, Option<String>>(6)
                    .map_err(sql)?
                    .map(CompactString::from),
                due,
                priority: priority(r.get(8).map_err(sql)?),
                status,
                link: r.get(10).map_err(sql)?,
                overdue: status.is_open() && due.is_some_and(|d| d < today),
                note: r.get(11).map_err(sql)?,
            };
            if filter.keeps(&row, today) {
                f(row);
            }
        }
        Ok(())
    }

    /// The files of the sessions with an action whose id starts with
    /// `prefix`.
    pub fn sessions_with_action(&self, prefix: &str) -> std::io::Result<Vec<std::path::PathBuf>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT DISTINCT s.name FROM actions a JOIN sessions s ON s.key = a.session \
                 WHERE s.reason IS NULL AND substr(a.id, 1, length(?1)) = ?1 ORDER BY s.name",
            )
            .map_err(sql)?;
        let names = stmt
            .query_map([prefix], |r| r.get::<_, String>(0))
            .map_err(sql)?;
        names
            .map(|n| n.map(|n| self.sessions_dir().join(n)).map_err(sql))
            .collect()
    }
}
