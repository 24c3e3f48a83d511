//! What `fivewhys stats` reads: one row per session (its counts kept
//! when it was indexed) and the open actions overdue, without reading a
//! session file.

use std::collections::HashSet;

use jiff::civil::Date;

use super::rows::{day_number, day_of};
use super::{Index, sql};
use crate::follow::stats::{Stats, Tally};

impl Index {
    /// The figures over the sessions whose incident day is on or after
    /// `since`, "overdue" measured from `today`, counting the root causes'
    /// words `counts` keeps.
    pub fn stats(
        &self,
        since: Option<Date>,
        today: Date,
        counts: fn(&str) -> bool,
    ) -> std::io::Result<Stats> {
        let mut tally = Tally::new(since, today).counting(counts);
        let from = since.map_or(i64::MIN, day_number);
        let withheld = &self.duplicates;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, incident_day, detect_minutes, resolve_minutes, causes, done_on_time, \
                 done_late, done_undated, dropped, still_open, teams, key FROM sessions NOT INDEXED \
                 WHERE reason IS NULL AND incident_day >= ?1",
            )
            .map_err(sql)?;
        let mut rows = stmt.query([from]).map_err(sql)?;
        let mut counted = HashSet::new();
        let n = |v: Option<i64>| usize::try_from(v.unwrap_or(0)).unwrap_or(0);
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
            let count = |i: usize| r.get::<_, Option<i64>>(i).map(n).map_err(sql);
            tally.add_outcomes(count(5)?, count(6)?, count(7)?, count(8)?, count(9)?);
            let teams: Option<String> = r.get(10).map_err(sql)?;
            for line in teams.iter().flat_map(|t| t.lines()) {
                let mut parts = line.split('\x1f');
                if let (Some(team), Some(all), Some(open)) =
                    (parts.next(), parts.next(), parts.next())
                {
                    tally.add_team(team, all.parse().unwrap_or(0), open.parse().unwrap_or(0));
                }
            }
            counted.insert(r.get::<_, i64>(11).map_err(sql)?);
        }
        // The open actions due before today, from their own index.
        let mut stmt = self
            .conn
            .prepare(
                "SELECT session, due FROM actions \
                 WHERE status IN ('open', 'in_progress') AND due < ?1",
            )
            .map_err(sql)?;
        let mut rows = stmt.query([day_number(today)]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            if !counted.contains(&r.get::<_, i64>(0).map_err(sql)?) {
                continue;
            }
            if let Some(due) = r.get::<_, Option<i64>>(1).map_err(sql)?.and_then(day_of) {
                tally.add_overdue(due);
            }
        }
        Ok(tally.finish())
    }
}
