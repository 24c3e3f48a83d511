//! The meeting itself: the time spent on each stage while the meeting
//! timer ran, each stage's timebox, and where the facilitator was, so that
//! reopening a session resumes the meeting. Pure data.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::session::Stage;

/// How the meeting went so far.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Time on the Intake stage.
    #[serde(default)]
    pub intake: StageTime,
    /// Time on the Whys stage.
    #[serde(default)]
    pub whys: StageTime,
    /// Time on the Actions stage.
    #[serde(default)]
    pub actions: StageTime,
    /// Time on the Review stage.
    #[serde(default)]
    pub review: StageTime,
    /// Where the facilitator was on each stage.
    #[serde(default)]
    pub cursor: Cursor,
    /// When the meeting timer last counted: a session reopened within
    /// hours of it resumes the meeting; one changed later only from the
    /// shell (`fivewhys action`) does not. Absent until the timer first
    /// runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timer_ran: Option<jiff::Timestamp>,
    /// The facilitator paused the meeting timer (`t`): it stays paused
    /// when the session is reopened, until `t` again.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paused: bool,
}

/// Time on one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StageTime {
    /// Seconds spent on the stage while the meeting timer ran.
    pub spent_seconds: u64,
    /// The stage's timebox in minutes, if one was set.
    pub timebox_minutes: Option<u32>,
}

/// Where the facilitator was on each stage.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cursor {
    /// Selected row on Intake.
    pub intake_row: usize,
    /// Selected why node.
    pub why: Option<String>,
    /// Selected action item.
    pub action: Option<String>,
    /// Selected went-well row on Review.
    pub review_row: usize,
}

impl Meeting {
    /// The time on one stage.
    pub fn stage(&self, stage: Stage) -> &StageTime {
        match stage {
            Stage::Intake => &self.intake,
            Stage::Whys => &self.whys,
            Stage::Actions => &self.actions,
            Stage::Review => &self.review,
        }
    }

    /// The time on one stage, to change.
    pub fn stage_mut(&mut self, stage: Stage) -> &mut StageTime {
        match stage {
            Stage::Intake => &mut self.intake,
            Stage::Whys => &mut self.whys,
            Stage::Actions => &mut self.actions,
            Stage::Review => &mut self.review,
        }
    }

    /// Seconds the meeting has run, over all stages.
    pub fn elapsed_seconds(&self) -> u64 {
        Stage::ALL
            .iter()
            .map(|s| self.stage(*s).spent_seconds)
            .sum()
    }
}
