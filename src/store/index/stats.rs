//! What `fivewhys stats` reads: per session, per action and per root
//! cause, without reading a session file.

use jiff::civil::Date;

use super::rows::{day_number, day_of, from_name};
use super::{Index, sql};
use crate::follow::stats::{Stats, Tally};

impl Index {
    /// The figures over the sessions whose incident day is on or after
    /// `since`, "overdue" measured from `today`.
    pub fn stats(&self, since: Option<Date>, today: Date) -> std::io::Result<Stats> {
        let mut tally = Tally::new(since, today);
        let from = since.map_or(i64::MIN, day_number);
        let withheld = &self.duplicates;
        let counted = "s.reason IS NULL AND s.incident_day >= ?1";
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT s.id, s.incident_day, s.detect_minutes, s.resolve_minutes, s.causes \
                 FROM sessions s WHERE {counted}"
            ))
            .map_err(sql)?;
        let mut rows = stmt.query([from]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            if withheld.contains_key(&r.get::<_, String>(0).map_err(sql)?) {
                continue;
            }
            let Some(day) = day_of(r.get(1).map_err(sql)?) else {
                continue;
            };
            tally.add_session(day, r.get(2).map_err(sql)?, r.get(3).map_err(sql)?);
            let causes: Option<String> = r.get(4).map_err(sql)?;
            tally.add_root_causes(causes.iter().flat_map(|c| c.lines()));
        }
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT s.id, a.status, a.due, a.done_day, a.team FROM actions a \
                 JOIN sessions s ON s.key = a.session WHERE {counted}"
            ))
            .map_err(sql)?;
        let mut rows = stmt.query([from]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            if withheld.contains_key(&r.get::<_, String>(0).map_err(sql)?) {
                continue;
            }
            let status = from_name(&r.get::<_, String>(1).map_err(sql)?).unwrap_or_default();
            let due = r.get::<_, Option<i64>>(2).map_err(sql)?.and_then(day_of);
            let done = r.get::<_, Option<i64>>(3).map_err(sql)?.and_then(day_of);
            let team: Option<String> = r.get(4).map_err(sql)?;
            tally.add_action(status, due, done, team.as_deref());
        }
        Ok(tally.finish())
    }
}
