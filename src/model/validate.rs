//! Checks a session beyond what its JSON shape guarantees: unique ids and
//! action links that point at existing why nodes. Pure; no I/O.

use std::collections::HashSet;

use super::session::{SCHEMA_VERSION, Session};

/// The first problem found in a session, with the JSON path to it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct Invalid {
    /// JSON path, e.g. `actions[2].addresses[0]`.
    pub path: String,
    /// What is wrong there.
    pub reason: String,
}

fn invalid(path: String, reason: impl Into<String>) -> Invalid {
    Invalid {
        path,
        reason: reason.into(),
    }
}

impl Session {
    /// Checks the invariants every edit keeps; returns the first problem.
    pub fn validate(&self) -> Result<(), Invalid> {
        if self.schema_version == 0 || self.schema_version > SCHEMA_VERSION {
            return Err(invalid(
                "schema_version".into(),
                format!("version {} is not supported", self.schema_version),
            ));
        }
        if !super::ids::is_id_text(&self.id) {
            return Err(invalid(
                "id".into(),
                "must be lowercase letters, digits or '-', starting with a letter or digit",
            ));
        }
        let mut seen = HashSet::new();
        // Numbered as the file lists them: depth first.
        for (i, (_, node)) in self.why_nodes().into_iter().enumerate() {
            if !super::ids::is_id_text(&node.id) {
                return Err(invalid(
                    format!("whys[{i}].id"),
                    format!(
                        "{:?} is not an id: lowercase letters, digits or '-', starting with a letter or digit",
                        node.id
                    ),
                ));
            }
            if !seen.insert(node.id.as_str()) {
                return Err(invalid(
                    format!("whys[{i}].id"),
                    format!("duplicate or empty id {:?}", node.id),
                ));
            }
        }
        for (i, action) in self.actions.iter().enumerate() {
            let path = format!("actions[{i}]");
            if !super::ids::is_id_text(&action.id) {
                return Err(invalid(
                    format!("{path}.id"),
                    format!(
                        "{:?} is not an id: lowercase letters, digits or '-', starting with a letter or digit",
                        action.id
                    ),
                ));
            }
            if !seen.insert(action.id.as_str()) {
                return Err(invalid(
                    format!("{path}.id"),
                    format!("duplicate or empty id {:?}", action.id),
                ));
            }
        }
        for (i, action) in self.actions.iter().enumerate() {
            for (j, target) in action.addresses.iter().enumerate() {
                if self.node(target).is_none() {
                    return Err(invalid(
                        format!("actions[{i}].addresses[{j}]"),
                        format!("no why node has the id {target:?}"),
                    ));
                }
            }
        }
        Ok(())
    }
}
