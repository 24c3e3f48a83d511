//! The meeting timer (pausable), the time spent on each stage, and the
//! stage timeboxes. It resumes from what the session stored and writes its
//! state back for saving. Pure: the current time is always passed in.

use jiff::Timestamp;

use crate::model::{Meeting, Stage};

/// Timebox lengths offered, in minutes (0 = off).
pub const TIMEBOXES: [u32; 6] = [0, 5, 10, 15, 20, 30];

/// Elapsed meeting time, per stage, and the stage timeboxes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    /// Seconds spent on each stage before the running stretch.
    spent: [i64; 4],
    /// Each stage's timebox in minutes.
    timebox: [Option<u32>; 4],
    /// The stage whose time runs.
    stage: Stage,
    /// When the running stretch started; `None` while paused or waiting.
    running_since: Option<Timestamp>,
    /// Stopped with `t`: only `t` starts it again (a change does not).
    paused: bool,
}

/// How a timer opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// Counting from now on.
    Running,
    /// Paused with `t`: only `t` resumes it.
    Paused,
    /// Not started: the first change (or `t`) starts it.
    Waiting,
}

fn index(stage: Stage) -> usize {
    Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0)
}

impl Timer {
    /// A timer running from `now` on `stage`, with nothing spent yet.
    pub fn start(stage: Stage, now: Timestamp) -> Timer {
        Timer::resume(&Meeting::default(), stage, now, Opening::Running)
    }

    /// A timer that continues from a stored meeting.
    pub fn resume(meeting: &Meeting, stage: Stage, now: Timestamp, opening: Opening) -> Timer {
        let mut spent = [0; 4];
        let mut timebox = [None; 4];
        for s in Stage::ALL {
            let stored = meeting.stage(s);
            spent[index(s)] = i64::try_from(stored.spent_seconds).unwrap_or(i64::MAX / 2);
            timebox[index(s)] = stored.timebox_minutes.filter(|m| *m > 0);
        }
        Timer {
            spent,
            timebox,
            stage,
            running_since: (opening == Opening::Running).then_some(now),
            paused: opening == Opening::Paused,
        }
    }

    fn running_stretch(&self, now: Timestamp) -> i64 {
        self.running_since
            .map_or(0, |since| (now.as_second() - since.as_second()).max(0))
    }

    /// Seconds of meeting so far.
    pub fn elapsed(&self, now: Timestamp) -> i64 {
        self.spent.iter().sum::<i64>() + self.running_stretch(now)
    }

    /// Seconds spent on `stage` so far.
    pub fn spent(&self, stage: Stage, now: Timestamp) -> i64 {
        let running = if stage == self.stage {
            self.running_stretch(now)
        } else {
            0
        };
        self.spent[index(stage)] + running
    }

    /// The meeting moved to another stage: time counts there from now.
    pub fn switch(&mut self, stage: Stage, now: Timestamp) {
        if stage == self.stage {
            return;
        }
        self.spent[index(self.stage)] = self.spent(self.stage, now);
        if self.running_since.is_some() {
            self.running_since = Some(now);
        }
        self.stage = stage;
    }

    /// Pauses or resumes (or starts a waiting timer).
    pub fn toggle(&mut self, now: Timestamp) {
        if self.running_since.is_some() {
            self.spent[index(self.stage)] = self.spent(self.stage, now);
            self.running_since = None;
            self.paused = true;
        } else {
            self.running_since = Some(now);
            self.paused = false;
        }
    }

    /// The meeting changed something: a waiting timer starts now (a
    /// paused one stays paused).
    pub fn start_if_waiting(&mut self, now: Timestamp) {
        if self.waiting() {
            self.running_since = Some(now);
        }
    }

    /// Whether the timer is running.
    pub fn running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Whether the timer has not started: the first change starts it.
    pub fn waiting(&self) -> bool {
        self.running_since.is_none() && !self.paused
    }

    /// `stage`'s timebox in minutes, if set.
    pub fn timebox(&self, stage: Stage) -> Option<u32> {
        self.timebox[index(stage)]
    }

    /// The next timebox length for `stage` (off, 5, 10 … 30 minutes).
    pub fn cycle_timebox(&mut self, stage: Stage) {
        let current = self.timebox(stage).unwrap_or(0);
        let at = TIMEBOXES.iter().position(|m| *m == current).unwrap_or(0);
        let next = TIMEBOXES[(at + 1) % TIMEBOXES.len()];
        self.timebox[index(stage)] = (next > 0).then_some(next);
    }

    /// Seconds left in `stage`'s timebox (negative when over), if one is set.
    pub fn remaining(&self, stage: Stage, now: Timestamp) -> Option<i64> {
        self.timebox(stage)
            .map(|minutes| i64::from(minutes) * 60 - self.spent(stage, now))
    }

    /// Writes the time spent and the timeboxes into `meeting`.
    pub fn write_to(&self, meeting: &mut Meeting, now: Timestamp) {
        for stage in Stage::ALL {
            let stored = meeting.stage_mut(stage);
            stored.spent_seconds = u64::try_from(self.spent(stage, now)).unwrap_or(0);
            stored.timebox_minutes = self.timebox(stage);
        }
        if self.running() {
            meeting.timer_ran = Some(now);
        }
        meeting.paused = self.paused;
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
        let mut t = Timer::start(Stage::Intake, at(0));
        assert_eq!(t.elapsed(at(90)), 90);
        t.toggle(at(90));
        assert_eq!(t.elapsed(at(500)), 90);
        t.toggle(at(500));
        assert_eq!(t.elapsed(at(510)), 100);
        assert_eq!(clock(3723), "1:02:03");
    }

    #[test]
    fn each_stage_counts_its_own_time_against_its_timebox() {
        let mut t = Timer::start(Stage::Intake, at(0));
        t.switch(Stage::Whys, at(120));
        t.cycle_timebox(Stage::Whys);
        assert_eq!(t.remaining(Stage::Whys, at(180)), Some(240));
        assert_eq!(t.remaining(Stage::Intake, at(180)), None);
        assert_eq!(t.remaining(Stage::Whys, at(480)), Some(-60));
        t.switch(Stage::Actions, at(480));
        assert_eq!(t.spent(Stage::Whys, at(9000)), 360, "stopped counting");
        assert_eq!(t.spent(Stage::Intake, at(9000)), 120);
    }

    #[test]
    fn a_stored_meeting_resumes_where_it_stopped() {
        let mut t = Timer::start(Stage::Intake, at(0));
        t.switch(Stage::Whys, at(300));
        t.cycle_timebox(Stage::Whys);
        t.cycle_timebox(Stage::Whys);
        let mut meeting = Meeting::default();
        t.write_to(&mut meeting, at(400));
        assert_eq!(meeting.elapsed_seconds(), 400);
        assert_eq!(meeting.whys.timebox_minutes, Some(10));
        let again = Timer::resume(&meeting, Stage::Whys, at(10_000), Opening::Running);
        assert_eq!(again.elapsed(at(10_060)), 460);
        assert_eq!(again.remaining(Stage::Whys, at(10_060)), Some(600 - 160));
    }

    #[test]
    fn a_waiting_timer_starts_at_the_first_change_and_a_pause_is_kept() {
        let mut t = Timer::resume(&Meeting::default(), Stage::Intake, at(0), Opening::Waiting);
        assert_eq!(t.elapsed(at(3600)), 0, "preparing is not meeting time");
        t.start_if_waiting(at(3600));
        assert_eq!(t.elapsed(at(3660)), 60);
        t.toggle(at(3660));
        t.start_if_waiting(at(3700));
        assert_eq!(t.elapsed(at(3800)), 60, "a change does not undo a pause");
        let mut meeting = Meeting::default();
        t.write_to(&mut meeting, at(3800));
        assert!(meeting.paused);
        t.toggle(at(3800));
        t.write_to(&mut meeting, at(3900));
        assert!(!meeting.paused);
        assert_eq!(meeting.elapsed_seconds(), 160);
    }
}
