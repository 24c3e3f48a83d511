//! The meeting timer (pausable) and per-stage timeboxes. Pure: the current
//! time is always passed in.

use jiff::Timestamp;

use crate::model::Stage;

/// Timebox lengths offered, in minutes (0 = off).
pub const TIMEBOXES: [i64; 6] = [0, 5, 10, 15, 20, 30];

/// Elapsed meeting time and the current stage's timebox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    /// Seconds counted before the last resume.
    pub accumulated: i64,
    /// When the timer was last resumed; `None` while paused.
    pub running_since: Option<Timestamp>,
    /// The timebox: stage, minutes, and when it was set.
    pub timebox: Option<(Stage, i64, Timestamp)>,
}

impl Timer {
    /// A timer running from `now`.
    pub fn start(now: Timestamp) -> Timer {
        Timer {
            accumulated: 0,
            running_since: Some(now),
            timebox: None,
        }
    }

    /// Seconds of meeting so far.
    pub fn elapsed(&self, now: Timestamp) -> i64 {
        self.accumulated
            + self
                .running_since
                .map_or(0, |since| (now.as_second() - since.as_second()).max(0))
    }

    /// Pauses or resumes.
    pub fn toggle(&mut self, now: Timestamp) {
        if self.running_since.is_some() {
            self.accumulated = self.elapsed(now);
            self.running_since = None;
        } else {
            self.running_since = Some(now);
        }
    }

    /// Whether the timer is running.
    pub fn running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Next timebox length for `stage`, restarting the countdown.
    pub fn cycle_timebox(&mut self, stage: Stage, now: Timestamp) {
        let current = match self.timebox {
            Some((s, minutes, _)) if s == stage => minutes,
            _ => 0,
        };
        let index = TIMEBOXES.iter().position(|m| *m == current).unwrap_or(0);
        let next = TIMEBOXES[(index + 1) % TIMEBOXES.len()];
        self.timebox = (next > 0).then_some((stage, next, now));
    }

    /// Seconds left in `stage`'s timebox (negative when over), if one is set.
    pub fn remaining(&self, stage: Stage, now: Timestamp) -> Option<i64> {
        match self.timebox {
            Some((s, minutes, set)) if s == stage => {
                Some(minutes * 60 - (now.as_second() - set.as_second()))
            }
            _ => None,
        }
    }
}

/// "1:02:03" or "12:34".
pub fn clock(seconds: i64) -> String {
    let s = seconds.abs();
    let sign = if seconds < 0 { "-" } else { "" };
    if s >= 3600 {
        format!("{sign}{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
    } else {
        format!("{sign}{:02}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + s).unwrap()
    }

    #[test]
    fn pausing_stops_the_clock() {
        let mut t = Timer::start(at(0));
        assert_eq!(t.elapsed(at(90)), 90);
        t.toggle(at(90));
        assert_eq!(t.elapsed(at(500)), 90);
        t.toggle(at(500));
        assert_eq!(t.elapsed(at(510)), 100);
        assert_eq!(clock(3723), "1:02:03");
    }

    #[test]
    fn timebox_counts_down_and_over() {
        let mut t = Timer::start(at(0));
        t.cycle_timebox(Stage::Whys, at(0));
        assert_eq!(t.remaining(Stage::Whys, at(60)), Some(240));
        assert_eq!(t.remaining(Stage::Intake, at(60)), None);
        assert_eq!(t.remaining(Stage::Whys, at(360)), Some(-60));
    }
}
