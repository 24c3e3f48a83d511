//! A clash recorded inside a session: one field changed to different
//! values here and elsewhere (another process, a teammate's copy through
//! git), or an item removed on one side and changed on the other. Both
//! values are kept — the session holds mine, the record holds theirs —
//! until the facilitator settles it: keep mine, or take theirs. Pure.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::session::Session;

/// What a clash is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConflictOn {
    /// A field of the session itself (title, intake, notes …).
    Session,
    /// An answer (or problem statement) of the why tree, by id.
    Answer,
    /// An action item, by id.
    Action,
    /// A participant, by name.
    Participant,
}

/// The field name that means "the item was removed on one side and
/// changed on the other"; its values say, for each side, whether that
/// side removed it.
pub const REMOVED: &str = "removed";

/// The field name of an answer's place in the tree (its parent's id).
pub const PARENT: &str = "parent";

/// One clash, both values kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// What kind of item it is about.
    pub on: ConflictOn,
    /// The item: an answer's or action's id, a participant's name; `null`
    /// for the session itself.
    pub id: Option<String>,
    /// The field, as named in the session file (`answer`, `status`,
    /// `intake.summary`), or `removed` / `parent`.
    pub field: String,
    /// The value here when the two met (what the session holds).
    pub mine: Value,
    /// The value from elsewhere.
    pub theirs: Value,
}

/// Which value settles a clash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Keep what the session holds.
    Mine,
    /// Take the value from elsewhere.
    Theirs,
}

impl Conflict {
    /// Whether it is about this item.
    pub fn is_about(&self, on: ConflictOn, id: &str) -> bool {
        self.on == on && self.id.as_deref() == Some(id)
    }

    /// The value of one side, in words for the screen and the summary.
    pub fn words(&self, side: Side) -> String {
        let value = match side {
            Side::Mine => &self.mine,
            Side::Theirs => &self.theirs,
        };
        if self.field == REMOVED {
            return match value.as_bool() {
                Some(true) => "removed".into(),
                _ => "kept (and changed)".into(),
            };
        }
        words_of(value)
    }
}

/// A field's value in words.
fn words_of(value: &Value) -> String {
    match value {
        Value::Null => "(empty)".into(),
        Value::String(s) if s.is_empty() => "(empty)".into(),
        Value::String(s) => s.clone(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        other => other.to_string(),
    }
}

impl Conflict {}

impl Conflict {
    /// The field in words: "the answer", "the status", "the summary".
    pub fn field_label(&self) -> &str {
        match self.field.as_str() {
            REMOVED => "removed on one side, changed on the other",
            PARENT => "where it sits in the tree",
            "answer" => "its words",
            "question" => "its question",
            "evidence" => "its evidence",
            "offered_by" => "who offered it",
            "root_cause" => "root cause or not",
            "confidence" => "how sure",
            "description" => "what will be done",
            "due" => "due date",
            "link" => "tracked in",
            "time_zone" => "time zone",
            "intake.summary" => "summary",
            "intake.started" => "started",
            "intake.detected" => "detected",
            "intake.resolved" => "resolved",
            "intake.severity" => "severity",
            "intake.customer_impact.description" => "impact",
            "intake.customer_impact.affected" => "how many were affected",
            "intake.customer_impact.unit" => "what was counted",
            other => other,
        }
    }
}

/// The value of a field, as a clash records it.
pub fn value_of<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Why a clash could not be settled the way asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Unsettled(pub String);

impl Session {
    /// The clashes still to settle whose item still exists (a clash about
    /// an answer deleted since is moot).
    pub fn open_conflicts(&self) -> impl Iterator<Item = (usize, &Conflict)> {
        self.conflicts
            .iter()
            .enumerate()
            .filter(|(_, c)| self.conflict_target_exists(c))
    }

    /// Whether the item a clash is about still exists.
    pub fn conflict_target_exists(&self, c: &Conflict) -> bool {
        let id = c.id.as_deref().unwrap_or_default();
        match c.on {
            ConflictOn::Session => true,
            ConflictOn::Answer => self.node(id).is_some(),
            ConflictOn::Action => self.action(id).is_some(),
            ConflictOn::Participant => self.participant(id).is_some(),
        }
    }

    /// What a clash is about, in words: `Answer "The pool ran dry"`,
    /// `Action A2 "Alert on pool use"`, `Participant Mei`, `The session`.
    pub fn conflict_item(&self, c: &Conflict) -> String {
        let id = c.id.as_deref().unwrap_or_default();
        let short = |text: &str| {
            let text = text.trim();
            let mut cut: String = text.chars().take(60).collect();
            if cut.len() < text.len() {
                cut.push('…');
            }
            cut
        };
        match c.on {
            ConflictOn::Session => "The session".to_string(),
            ConflictOn::Answer => {
                let what = if self.whys.iter().any(|r| r.id == id) {
                    "Problem statement"
                } else {
                    "Answer"
                };
                match self.node(id) {
                    Some(n) if n.answer.trim().is_empty() => format!("{what} with no words yet"),
                    Some(n) => format!("{what} \u{201c}{}\u{201d}", short(&n.answer)),
                    None => "An answer no longer there".to_string(),
                }
            }
            ConflictOn::Action => match self.actions.iter().position(|a| a.id == id) {
                Some(i) => format!(
                    "Action A{} \u{201c}{}\u{201d}",
                    i + 1,
                    short(&self.actions[i].description)
                ),
                None => "An action no longer there".to_string(),
            },
            ConflictOn::Participant => format!("Participant {id}"),
        }
    }

    /// One side of a clash in words; an answer's place is named by the
    /// answer it sits under. Mine is what the session holds now (typed on
    /// after the clash, it is that which keeping mine keeps).
    pub fn conflict_words(&self, c: &Conflict, side: Side) -> String {
        if side == Side::Mine
            && c.field != REMOVED
            && c.field != PARENT
            && let Some(now) = self.field_value(c.on, c.id.as_deref(), &c.field)
        {
            return words_of(&now);
        }
        if c.field == PARENT {
            let value = match side {
                Side::Mine => &c.mine,
                Side::Theirs => &c.theirs,
            };
            return match value.as_str() {
                None => "a problem statement of its own".to_string(),
                Some(id) => match self.node(id) {
                    Some(n) => format!("under \u{201c}{}\u{201d}", n.answer.trim()),
                    None => "under an answer no longer there".to_string(),
                },
            };
        }
        c.words(side)
    }

    /// The value a clash would record for a field, as the session file
    /// holds it (`None` when there is no such item or field).
    pub fn field_value(&self, on: ConflictOn, id: Option<&str>, field: &str) -> Option<Value> {
        let id = id.unwrap_or_default();
        let item = match on {
            ConflictOn::Session => serde_json::json!({
                "title": self.title,
                "kind": self.kind,
                "time_zone": self.time_zone,
                "created": self.created,
                "notes": self.notes,
                "intake": self.intake,
            }),
            ConflictOn::Answer => {
                let n = self.node(id)?;
                serde_json::json!({
                    "question": n.question,
                    "answer": n.answer,
                    "confidence": n.confidence,
                    "evidence": n.evidence,
                    "offered_by": n.offered_by,
                    "root_cause": n.root_cause,
                })
            }
            ConflictOn::Action => value_of(self.action(id)?),
            ConflictOn::Participant => value_of(self.participant(id)?),
        };
        field
            .split('.')
            .try_fold(&item, |value, key| value.get(key))
            .cloned()
    }

    /// Records a clash, replacing one already recorded on the same field;
    /// returns whether it is a new one.
    pub fn record_conflict(&mut self, c: Conflict) -> bool {
        let same = |x: &Conflict| x.on == c.on && x.id == c.id && x.field == c.field;
        match self.conflicts.iter().position(same) {
            Some(i) => {
                self.conflicts[i] = c;
                false
            }
            None => {
                self.conflicts.push(c);
                true
            }
        }
    }

    /// Settles clash `index`: keeping mine leaves the session as it is
    /// (an item removed here goes), taking theirs writes their value (an
    /// item removed there goes). The record goes either way.
    pub fn settle(&mut self, index: usize, side: Side) -> Result<(), Unsettled> {
        let c = self
            .conflicts
            .get(index)
            .cloned()
            .ok_or_else(|| Unsettled("that clash was settled already".into()))?;
        if self.conflict_target_exists(&c) {
            if c.field == REMOVED {
                let removed = match side {
                    Side::Mine => &c.mine,
                    Side::Theirs => &c.theirs,
                };
                if removed.as_bool() == Some(true) {
                    self.remove_item(&c)?;
                }
            } else if side == Side::Theirs {
                self.set_field(&c.on, c.id.as_deref(), &c.field, c.theirs.clone())?;
            }
        }
        self.conflicts.remove(index);
        Ok(())
    }

    fn remove_item(&mut self, c: &Conflict) -> Result<(), Unsettled> {
        let id = c.id.as_deref().unwrap_or_default();
        let fail = |e: super::EditError| Unsettled(e.to_string());
        match c.on {
            ConflictOn::Answer => self.delete_subtree(id).map(drop).map_err(fail),
            ConflictOn::Action => self.remove_action(id).map(drop).map_err(fail),
            ConflictOn::Participant => {
                self.participants.retain(|p| p.name != id);
                Ok(())
            }
            ConflictOn::Session => Err(Unsettled("the session itself is never removed".into())),
        }
    }

    /// Writes `value` into the named field of an item.
    fn set_field(
        &mut self,
        on: &ConflictOn,
        id: Option<&str>,
        field: &str,
        value: Value,
    ) -> Result<(), Unsettled> {
        let id = id.unwrap_or_default();
        let bad = |e: serde_json::Error| Unsettled(format!("{field}: {e}"));
        fn set<T: serde::de::DeserializeOwned>(
            slot: &mut T,
            value: Value,
        ) -> Result<(), serde_json::Error> {
            *slot = serde_json::from_value(value)?;
            Ok(())
        }
        let missing = || Unsettled(format!("{id:?} no longer exists"));
        match on {
            ConflictOn::Session => self.set_session_field(field, value).map_err(bad),
            ConflictOn::Answer if field == PARENT => {
                let parent: Option<String> = serde_json::from_value(value).map_err(bad)?;
                self.move_under(id, parent.as_deref())
            }
            ConflictOn::Answer => {
                let node = self.node_mut(id).ok_or_else(missing)?;
                match field {
                    "question" => set(&mut node.question, value),
                    "answer" => set(&mut node.answer, value),
                    "confidence" => set(&mut node.confidence, value),
                    "evidence" => set(&mut node.evidence, value),
                    "offered_by" => set(&mut node.offered_by, value),
                    "root_cause" => set(&mut node.root_cause, value),
                    _ => return Err(Unsettled(format!("an answer has no field {field:?}"))),
                }
                .map_err(bad)
            }
            ConflictOn::Action => {
                let a = self.action_mut(id).ok_or_else(missing)?;
                match field {
                    "description" => set(&mut a.description, value),
                    "owner" => set(&mut a.owner, value),
                    "team" => set(&mut a.team, value),
                    "due" => set(&mut a.due, value),
                    "priority" => set(&mut a.priority, value),
                    "status" => set(&mut a.status, value),
                    "link" => set(&mut a.link, value),
                    "created" => set(&mut a.created, value),
                    "completed" => set(&mut a.completed, value),
                    "note" => set(&mut a.note, value),
                    _ => return Err(Unsettled(format!("an action has no field {field:?}"))),
                }
                .map_err(bad)
            }
            ConflictOn::Participant => {
                let p =
                    (self.participants.iter_mut().find(|p| p.name == id)).ok_or_else(missing)?;
                match field {
                    "team" => set(&mut p.team, value),
                    "role" => set(&mut p.role, value),
                    "email" => set(&mut p.email, value),
                    _ => return Err(Unsettled(format!("a participant has no field {field:?}"))),
                }
                .map_err(bad)
            }
        }
    }

    /// Moves an answer, with everything below it, to the end of the
    /// answers to `parent` (to the problem statements for `None`).
    fn move_under(&mut self, id: &str, parent: Option<&str>) -> Result<(), Unsettled> {
        if let Some(p) = parent {
            if self.node(p).is_none() {
                return Err(Unsettled(format!("the answer {p:?} is gone")));
            }
            if self.chain_to(p).iter().any(|n| n.id == id) {
                return Err(Unsettled(
                    "that would put the answer below itself".to_string(),
                ));
            }
        }
        let path = self
            .path_of(id)
            .ok_or_else(|| Unsettled(format!("the answer {id:?} is gone")))?;
        let (last, up) = path.split_last().expect("paths are never empty");
        let node = if up.is_empty() {
            self.whys.make_mut().remove(*last)
        } else {
            let above = self.node_at_mut(up).expect("on the path");
            above.children.make_mut().remove(*last)
        };
        match parent.and_then(|p| self.path_of(p)) {
            Some(to) => self
                .node_at_mut(&to)
                .expect("just found")
                .children
                .make_mut()
                .push(node),
            None => self.whys.make_mut().push(node),
        }
        Ok(())
    }

    fn set_session_field(&mut self, field: &str, value: Value) -> Result<(), serde_json::Error> {
        fn set<T: serde::de::DeserializeOwned>(
            slot: &mut T,
            value: Value,
        ) -> Result<(), serde_json::Error> {
            *slot = serde_json::from_value(value)?;
            Ok(())
        }
        let intake = &mut self.intake;
        match field {
            "title" => set(&mut self.title, value),
            "kind" => set(&mut self.kind, value),
            "time_zone" => set(&mut self.time_zone, value),
            "created" => set(&mut self.created, value),
            "notes" => set(&mut self.notes, value),
            "intake.summary" => set(&mut intake.summary, value),
            "intake.started" => set(&mut intake.started, value),
            "intake.detected" => set(&mut intake.detected, value),
            "intake.resolved" => set(&mut intake.resolved, value),
            "intake.severity" => set(&mut intake.severity, value),
            "intake.customer_impact.description" => {
                set(&mut intake.customer_impact.description, value)
            }
            "intake.customer_impact.affected" => set(&mut intake.customer_impact.affected, value),
            "intake.customer_impact.unit" => set(&mut intake.customer_impact.unit, value),
            _ => Err(serde::de::Error::custom(format!(
                "the session has no field {field:?} to settle"
            ))),
        }
    }
}
