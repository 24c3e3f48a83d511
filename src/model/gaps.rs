//! Gaps the facilitator should close before the meeting ends: root causes
//! no action addresses, and open actions without an owner or a due date.
//! Pure; used by the screens and the exports alike.

use super::session::Session;

/// How many of each gap a session has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Gaps {
    /// Root causes no action addresses.
    pub unaddressed: usize,
    /// Open actions without an owner.
    pub unowned: usize,
    /// Open actions without a due date.
    pub undated: usize,
}

impl Gaps {
    /// All gaps.
    pub fn total(self) -> usize {
        self.unaddressed + self.unowned + self.undated
    }

    /// Each kind of gap in words ("1 root cause has no action"), most
    /// important first; empty when there are none.
    pub fn phrases(self) -> Vec<String> {
        let mut out = Vec::new();
        match self.unaddressed {
            0 => {}
            1 => out.push("1 root cause has no action".to_string()),
            n => out.push(format!("{n} root causes have no action")),
        }
        match self.unowned {
            0 => {}
            1 => out.push("1 action has no owner".to_string()),
            n => out.push(format!("{n} actions have no owner")),
        }
        match self.undated {
            0 => {}
            1 => out.push("1 action has no due date".to_string()),
            n => out.push(format!("{n} actions have no due date")),
        }
        out
    }
}

impl Session {
    /// The gaps to close before the meeting ends.
    pub fn gaps(&self) -> Gaps {
        let open = || self.actions.iter().filter(|a| a.status.is_open());
        Gaps {
            unaddressed: self.unaddressed_root_causes().len(),
            unowned: open().filter(|a| a.owner.is_none()).count(),
            undated: open().filter(|a| a.due.is_none()).count(),
        }
    }
}
