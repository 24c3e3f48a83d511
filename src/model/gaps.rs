//! Gaps the facilitator should close before the meeting ends: root causes
//! no action addresses, and open actions without an owner or a due date.
//! Pure; used by the screens and the exports alike.

use super::session::Session;

/// How many of each gap a session has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Gaps {
    /// Root causes no action addresses.
    pub unaddressed: usize,
    /// Open actions nobody owns (neither a person nor a team).
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
        self.tally().gaps
    }

    /// The answers, the root causes and the gaps, counted in one walk of
    /// the tree.
    pub fn tally(&self) -> Tally {
        let addressed = self.addressed();
        let (mut answers, mut root_causes, mut unaddressed) = (0, 0, 0);
        self.each_why(|depth, node| {
            answers += usize::from(depth > 0);
            if node.root_cause {
                root_causes += 1;
                unaddressed += usize::from(!addressed.contains(node.id.as_str()));
            }
        });
        self.tally_with(answers, root_causes, unaddressed)
    }

    /// The [`Tally`] of this session given its tree's counts: how many
    /// answers, how many root causes, and how many of those no action
    /// addresses. The actions' gaps are counted here.
    pub fn tally_with(&self, answers: usize, root_causes: usize, unaddressed: usize) -> Tally {
        let open = || self.actions.iter().filter(|a| a.status.is_open());
        Tally {
            answers,
            root_causes,
            gaps: Gaps {
                unaddressed,
                unowned: open().filter(|a| !a.is_owned()).count(),
                undated: open().filter(|a| a.due.is_none()).count(),
            },
        }
    }
}

/// What [`Session::tally`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Answers: every node but the problem statements.
    pub answers: usize,
    /// Nodes marked as root causes.
    pub root_causes: usize,
    /// The gaps to close.
    pub gaps: Gaps,
}
