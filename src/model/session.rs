//! The session: everything one postmortem meeting records.
//!
//! Field order here is the key order in the JSON file, so it is part of the
//! public format: append new fields, never reorder. Pure data; no I/O.

use jiff::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::action::ActionItem;
use super::ids;
use super::meeting::Meeting;
use super::why_list::WhyList;

/// The version of the file format this build reads and writes.
/// Version 2 added `kind`, `time_zone`, `went_wrong`, `lucky` and
/// `meeting`; version 3 stores the why tree as a flat list with parent
/// ids; version 4 adds an action's `link`. Older files are read as they
/// are.
pub const SCHEMA_VERSION: u32 = 4;

/// One postmortem session, as saved in one JSON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Format version; files newer than this build are never overwritten.
    pub schema_version: u32,
    /// Short random id, unique in the data directory; prefixes are accepted.
    pub id: String,
    /// Short title of the incident.
    pub title: String,
    /// What kind of meeting this is (`incident`, `customer-issue` …): it
    /// sets the words used on screen and in the summary.
    #[serde(default = "default_kind")]
    pub kind: String,
    /// The time zone the meeting works in (IANA name, e.g.
    /// `Europe/Berlin`): times are shown and exported in it, whatever the
    /// zone of whoever exports. Older files without one are shown in UTC.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// When the session was created (ISO-8601, UTC).
    pub created: Timestamp,
    /// When the session was last changed (ISO-8601, UTC).
    pub updated: Timestamp,
    /// The stage the facilitator was at when the session was last saved.
    pub stage: Stage,
    /// What happened, when, how bad, and who was affected.
    pub intake: Intake,
    /// Who attended, with their function/team and role.
    pub participants: Vec<Participant>,
    /// The why tree. Each root is a problem statement (its `answer` holds
    /// the statement); children answer "why?" of their parent. Stored as a
    /// flat list in outline order, each node naming its parent.
    #[serde(with = "super::why_file")]
    #[schemars(with = "Vec<super::why_file::StoredNode>")]
    pub whys: WhyList,
    /// What will be done, by whom, by when.
    pub actions: Vec<ActionItem>,
    /// Good work done during the incident, named and appreciated.
    pub went_well: Vec<String>,
    /// What went wrong besides the root causes.
    #[serde(default)]
    pub went_wrong: Vec<String>,
    /// Where we got lucky: what could have made it worse.
    #[serde(default)]
    pub lucky: Vec<String>,
    /// Free-form notes of the facilitator.
    pub notes: String,
    /// Time spent per stage, timeboxes, and where the facilitator was.
    #[serde(default)]
    pub meeting: Meeting,
    /// Fields changed to different values here and elsewhere (another
    /// process, a teammate's copy), both values kept until the
    /// facilitator settles each. Absent while there are none, so a file
    /// without clashes is as older versions wrote it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<super::Conflict>,
}

fn default_kind() -> String {
    super::kind::DEFAULT_KIND.to_string()
}

/// The four stages of a session, in meeting order.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
    Hash,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// What happened, when, impact, who attends.
    #[default]
    Intake,
    /// The why chain.
    Whys,
    /// Action items.
    Actions,
    /// Review and export.
    Review,
}

impl Stage {
    /// All stages in meeting order.
    pub const ALL: [Stage; 4] = [Stage::Intake, Stage::Whys, Stage::Actions, Stage::Review];

    /// The name shown in the stage bar and in lists.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Intake => "Intake",
            Stage::Whys => "Whys",
            Stage::Actions => "Actions",
            Stage::Review => "Review",
        }
    }

    /// The following stage, staying at Review.
    pub fn next(self) -> Stage {
        match self {
            Stage::Intake => Stage::Whys,
            Stage::Whys => Stage::Actions,
            Stage::Actions | Stage::Review => Stage::Review,
        }
    }

    /// The previous stage, staying at Intake.
    pub fn prev(self) -> Stage {
        match self {
            Stage::Intake | Stage::Whys => Stage::Intake,
            Stage::Actions => Stage::Whys,
            Stage::Review => Stage::Actions,
        }
    }
}

/// Incident intake: the facts gathered before asking why.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Intake {
    /// A few sentences on what happened.
    pub summary: String,
    /// When the incident started.
    pub started: Option<Timestamp>,
    /// When it was detected.
    pub detected: Option<Timestamp>,
    /// When it was resolved.
    pub resolved: Option<Timestamp>,
    /// How bad it was; `null` until agreed.
    pub severity: Option<Severity>,
    /// Who was affected, how many, through which channels.
    pub customer_impact: CustomerImpact,
    /// Moments in the timeline worth recording.
    pub key_moments: Vec<KeyMoment>,
}

/// Incident severity, SEV1 the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Critical: broad outage or data loss.
    Sev1,
    /// Major: a key function impaired for many customers.
    Sev2,
    /// Minor: limited impact or a workaround exists.
    Sev3,
    /// Low: cosmetic or internal only.
    Sev4,
}

impl Severity {
    /// All severities, worst first.
    pub const ALL: [Severity; 4] = [
        Severity::Sev1,
        Severity::Sev2,
        Severity::Sev3,
        Severity::Sev4,
    ];

    /// Short label, e.g. "SEV1 critical".
    pub fn label(self) -> &'static str {
        match self {
            Severity::Sev1 => "SEV1 critical",
            Severity::Sev2 => "SEV2 major",
            Severity::Sev3 => "SEV3 minor",
            Severity::Sev4 => "SEV4 low",
        }
    }
}

/// Customer impact of the incident.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerImpact {
    /// Who was affected and how.
    pub description: String,
    /// How many customers were affected, when known.
    pub affected: Option<u64>,
    /// What `affected` counts ("restaurants"), when not the kind of
    /// meeting's own word ("customers").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Channels through which the impact reached customers or was reported
    /// (e.g. "app", "email", "phone support").
    pub channels: Vec<String>,
}

/// A moment in the incident timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyMoment {
    /// When it happened.
    pub at: Timestamp,
    /// What happened.
    pub what: String,
}

/// Someone who attends the postmortem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Name as the room knows them.
    pub name: String,
    /// Function or team, e.g. "Customer support".
    pub team: String,
    /// Role in this meeting.
    pub role: Role,
    /// Email address, if given: the email draft is addressed to everyone
    /// who has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// A participant's role in the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Leads the meeting.
    Facilitator,
    /// Takes notes.
    Scribe,
    /// Speaks for a department.
    Ambassador,
    /// Takes part.
    #[default]
    Participant,
}

impl Role {
    /// All roles.
    pub const ALL: [Role; 4] = [
        Role::Facilitator,
        Role::Scribe,
        Role::Ambassador,
        Role::Participant,
    ];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Role::Facilitator => "facilitator",
            Role::Scribe => "scribe",
            Role::Ambassador => "ambassador",
            Role::Participant => "participant",
        }
    }
}

impl Session {
    /// A new, empty session with a fresh random id, created `now`.
    pub fn new(title: impl Into<String>, now: Timestamp) -> Session {
        Session::with_id(ids::random_id(ids::SESSION_ID_LEN), title, now)
    }

    /// A new, empty session with the given id.
    pub fn with_id(id: String, title: impl Into<String>, now: Timestamp) -> Session {
        Session {
            schema_version: SCHEMA_VERSION,
            id,
            title: title.into(),
            kind: default_kind(),
            time_zone: None,
            created: now,
            updated: now,
            stage: Stage::Intake,
            intake: Intake::default(),
            participants: Vec::new(),
            whys: WhyList::default(),
            actions: Vec::new(),
            went_well: Vec::new(),
            went_wrong: Vec::new(),
            lucky: Vec::new(),
            notes: String::new(),
            meeting: Meeting::default(),
            conflicts: Vec::new(),
        }
    }

    /// The first problem statement, if any (the text of the first root).
    pub fn problem_statement(&self) -> Option<&str> {
        self.whys.first().map(|n| n.answer.as_str())
    }

    /// Sets the first problem statement, creating the first root if needed.
    pub fn set_problem_statement(&mut self, text: impl Into<String>) {
        let text = text.into();
        match self.whys.make_mut().first_mut() {
            Some(root) => root.answer = text,
            None => {
                self.add_problem_statement(text);
            }
        }
    }

    /// The participant with this name, if any.
    pub fn participant(&self, name: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.name == name)
    }

    /// The session's time zone, if it names one the time-zone database
    /// knows.
    pub fn zone(&self) -> Option<jiff::tz::TimeZone> {
        self.time_zone
            .as_deref()
            .and_then(|name| jiff::tz::TimeZone::get(name).ok())
    }

    /// The time zone the session names when this machine's time-zone
    /// database does not know it (a misspelt name, a zone newer than the
    /// database): its times are shown in UTC then, and this is said.
    pub fn unknown_zone(&self) -> Option<&str> {
        self.time_zone
            .as_deref()
            .filter(|name| jiff::tz::TimeZone::get(name).is_err())
    }

    /// What to say about an unknown time zone, if the session names one.
    pub fn unknown_zone_warning(&self) -> Option<String> {
        self.unknown_zone().map(|name| {
            format!(
                // Quoted as Rust quotes it: any control character escaped.
                "the session's time zone {name:?} is not known on this machine, so its times are shown in UTC"
            )
        })
    }

    /// The words of this session's kind.
    pub fn words(&self) -> super::Vocabulary {
        super::Vocabulary::of(&self.kind, super::kind::known())
    }

    /// What the number affected counts: the session's own word
    /// ("restaurants"), else its kind's ("customers").
    pub fn affected_unit(&self) -> String {
        self.intake
            .customer_impact
            .unit
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map_or_else(|| self.words().affected, str::to_string)
    }

    /// The label for how many were affected: "Restaurants affected".
    pub fn affected_label(&self) -> String {
        format!(
            "{} affected",
            super::kind::capitalised(&self.affected_unit())
        )
    }

    /// "600 restaurants" (with thousands separated), if known.
    pub fn affected_words(&self) -> Option<String> {
        let n = self.intake.customer_impact.affected?;
        Some(format!(
            "{} {}",
            crate::export::format::thousands(n),
            self.affected_unit()
        ))
    }
}

impl Intake {
    /// How long it lasted, start to resolution (`None` while unresolved or
    /// if either time is missing or out of order).
    pub fn duration(&self) -> Option<jiff::SignedDuration> {
        between(self.started?, self.resolved?)
    }

    /// When the incident began, as far as anyone knows: the start, else
    /// the earliest time recorded (detection, a key moment, resolution).
    pub fn first_known(&self) -> Option<Timestamp> {
        self.started.or_else(|| {
            [self.detected, self.resolved]
                .into_iter()
                .flatten()
                .chain(self.key_moments.iter().map(|m| m.at))
                .min()
        })
    }

    /// How long it took to notice, start to detection.
    pub fn time_to_detect(&self) -> Option<jiff::SignedDuration> {
        between(self.started?, self.detected?)
    }

    /// How long it took to resolve once noticed.
    pub fn time_to_resolve(&self) -> Option<jiff::SignedDuration> {
        between(self.detected?, self.resolved?)
    }

    /// Whether there is anything to put in a timeline.
    pub fn has_timeline(&self) -> bool {
        self.started.is_some()
            || self.detected.is_some()
            || self.resolved.is_some()
            || !self.key_moments.is_empty()
    }

    /// Key moments in time order.
    pub fn moments_in_order(&self) -> Vec<&KeyMoment> {
        let mut moments: Vec<&KeyMoment> = self.key_moments.iter().collect();
        moments.sort_by_key(|m| m.at);
        moments
    }
}

fn between(from: Timestamp, to: Timestamp) -> Option<jiff::SignedDuration> {
    let d = to.duration_since(from);
    (!d.is_negative()).then_some(d)
}

impl CustomerImpact {
    /// Whether nothing about the impact has been recorded.
    pub fn is_empty(&self) -> bool {
        self.description.trim().is_empty() && self.affected.is_none() && self.channels.is_empty()
    }
}
