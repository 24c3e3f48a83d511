//! Action items: what will be done about the root causes, by whom, by when.
//! Pure; no I/O.

use jiff::Timestamp;
use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ids;
use super::session::Session;
use super::why::EditError;

/// Something the team commits to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    /// Id unique within the session, e.g. `a-7hq2`.
    pub id: String,
    /// What will be done.
    pub description: String,
    /// Who will do it (a person); `null` while unowned.
    pub owner: Option<String>,
    /// The owner's function or team.
    pub team: Option<String>,
    /// When it is due (a calendar date, `YYYY-MM-DD`).
    pub due: Option<Date>,
    /// How urgent it is.
    pub priority: Priority,
    /// Where it stands.
    pub status: ActionStatus,
    /// Where the work is tracked: a tracker URL or a ticket key such as
    /// `OPS-142`. Missing in files before version 4.
    #[serde(default)]
    pub link: Option<String>,
    /// Ids of the why nodes (root causes) this action addresses.
    pub addresses: Vec<String>,
    /// When the action was recorded.
    pub created: Timestamp,
    /// When it was marked done or dropped.
    pub completed: Option<Timestamp>,
    /// Free-form note.
    pub note: String,
}

/// How urgent an action item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Do first.
    High,
    /// Normal.
    #[default]
    Medium,
    /// When there is time.
    Low,
}

impl Priority {
    /// All priorities, most urgent first.
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }
}

/// Where an action item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Not started.
    #[default]
    Open,
    /// Being worked on.
    InProgress,
    /// Finished.
    Done,
    /// Decided against.
    Dropped,
}

impl ActionStatus {
    /// All statuses in workflow order.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// Whether the action still needs doing.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

impl ActionItem {
    /// An empty, open action item.
    pub fn new(id: String, now: Timestamp) -> ActionItem {
        ActionItem {
            id,
            description: String::new(),
            owner: None,
            team: None,
            due: None,
            priority: Priority::default(),
            status: ActionStatus::Open,
            link: None,
            addresses: Vec::new(),
            created: now,
            completed: None,
            note: String::new(),
        }
    }

    /// Whether the action is still open and its due date is before `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status.is_open() && self.due.is_some_and(|due| due < today)
    }

    /// Who owns it, as a reader follows it: "Mei Lin (Platform
    /// engineering)", "Infrastructure (no person yet)" for a team alone;
    /// `None` when nobody does.
    pub fn owner_words(&self) -> Option<String> {
        let given = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        match (given(&self.owner), given(&self.team)) {
            // Redacted, an owner is their function: said once.
            (Some(o), Some(t)) if o == t => Some(o),
            (Some(o), Some(t)) => Some(format!("{o} ({t})")),
            (Some(o), None) => Some(o),
            (None, Some(t)) => Some(format!("{t} (no person yet)")),
            (None, None) => None,
        }
    }

    /// Whether someone owns it: a person, or a team until a person is
    /// named.
    pub fn is_owned(&self) -> bool {
        self.owner_words().is_some()
    }

    /// Where it stands in time on `today`.
    pub fn when(&self, today: Date) -> When {
        match (self.status, self.due) {
            (ActionStatus::Done, _) => When::Done,
            (ActionStatus::Dropped, _) => When::Dropped,
            (_, Some(due)) if due < today => When::Overdue(due),
            (_, Some(due)) => When::By(due),
            (_, None) => When::NoDate,
        }
    }
}

/// Where an action stands in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Done.
    Done,
    /// Dropped.
    Dropped,
    /// Open, and its due date has passed.
    Overdue(Date),
    /// Open, due on that day.
    By(Date),
    /// Open, with no due date.
    NoDate,
}

impl Session {
    /// Adds an empty action item; returns its id.
    pub fn add_action(&mut self, now: Timestamp) -> String {
        let id = ids::fresh_id("a-", ids::ITEM_ID_LEN, |c| self.id_taken(c));
        self.actions.push(ActionItem::new(id.clone(), now));
        id
    }

    /// The action item with this id.
    pub fn action(&self, id: &str) -> Option<&ActionItem> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The action item with this id, to edit in place.
    pub fn action_mut(&mut self, id: &str) -> Option<&mut ActionItem> {
        self.actions.iter_mut().find(|a| a.id == id)
    }

    /// Removes an action item.
    pub fn remove_action(&mut self, id: &str) -> Result<ActionItem, EditError> {
        let index = self
            .actions
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| EditError::NoSuchAction(id.to_string()))?;
        Ok(self.actions.remove(index))
    }

    /// Sets an action's status, stamping or clearing its completion time.
    pub fn set_action_status(
        &mut self,
        id: &str,
        status: ActionStatus,
        now: Timestamp,
    ) -> Result<(), EditError> {
        let action = self
            .action_mut(id)
            .ok_or_else(|| EditError::NoSuchAction(id.to_string()))?;
        action.status = status;
        action.completed = if status.is_open() {
            None
        } else {
            action.completed.or(Some(now))
        };
        Ok(())
    }

    /// Links an action to a why node, or unlinks it if already linked;
    /// returns whether it is linked afterwards.
    pub fn toggle_action_link(&mut self, action: &str, node: &str) -> Result<bool, EditError> {
        if self.node(node).is_none() {
            return Err(EditError::NoSuchNode(node.to_string()));
        }
        let item = self
            .action_mut(action)
            .ok_or_else(|| EditError::NoSuchAction(action.to_string()))?;
        if let Some(i) = item.addresses.iter().position(|n| n == node) {
            item.addresses.remove(i);
            Ok(false)
        } else {
            item.addresses.push(node.to_string());
            Ok(true)
        }
    }

    /// Root causes that no action item addresses: gaps to close before the
    /// meeting ends.
    pub fn unaddressed_root_causes(&self) -> Vec<&super::WhyNode> {
        let addressed = self.addressed();
        self.root_causes()
            .into_iter()
            .filter(|n| !addressed.contains(n.id.as_str()))
            .collect()
    }

    /// The ids of the answers an action not dropped addresses, gathered
    /// once: a large tree has many root causes to look up.
    pub fn addressed(&self) -> std::collections::HashSet<&str> {
        (self.actions.iter())
            .filter(|a| a.status != ActionStatus::Dropped)
            .flat_map(|a| a.addresses.iter().map(String::as_str))
            .collect()
    }
}
