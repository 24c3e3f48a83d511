//! The three-way merge of a session: `base` is the version both sides
//! started from, `mine` what this side made of it, `theirs` what another
//! side did (another process, a teammate's copy through git). Items merge
//! by id — answers by node id, actions by action id, participants by
//! name — and each field three ways: the side that changed it wins; a
//! field both sides changed differently keeps mine and records a clash
//! with both values inside the session, to settle later. Nothing either
//! side added is lost. Pure: no files, no clock; the event loop and git's
//! merge driver both call it.

mod base;
mod incoming;
mod pick;
mod tree;

use std::collections::HashSet;

pub use base::{distance, nearest};
pub use incoming::Incoming;
use pick::{Clashes, keyed, list, pick, quietly};

use super::conflict::{Conflict, ConflictOn};
use super::{ActionItem, CustomerImpact, Intake, Meeting, Participant, Session, StageTime};
use super::{WhyList, ids};

/// What a merge gives.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The merged session: valid, with every item added on either side,
    /// and the clashes recorded in it.
    pub session: Session,
    /// The clashes this merge found (also in `session.conflicts`).
    pub conflicts: Vec<Conflict>,
    /// What came in from `theirs`.
    pub incoming: Incoming,
}

/// Merges `mine` and `theirs`, both changed from `base`.
pub fn merge(base: &Session, mine: &Session, theirs: &Session) -> Merged {
    if mine == theirs || base == theirs {
        return Merged {
            session: mine.clone(),
            conflicts: Vec::new(),
            incoming: Incoming::default(),
        };
    }
    let incoming = Incoming::of(base, mine, theirs);
    if base == mine {
        return Merged {
            session: theirs.clone(),
            conflicts: Vec::new(),
            incoming,
        };
    }
    let theirs = &apart(base, mine, theirs);
    let mut found = Vec::new();
    let session = merge_sessions(base, mine, theirs, &mut found);
    Merged {
        session,
        conflicts: found,
        incoming,
    }
}

/// Every id of an answer or action in a session.
fn all_ids(s: &Session) -> HashSet<String> {
    let mut ids: HashSet<String> = HashSet::new();
    s.each_why(|_, n| {
        ids.insert(n.id.clone());
    });
    ids.extend(s.actions.iter().map(|a| a.id.clone()));
    ids
}

/// `theirs` with fresh ids for items it added under an id that `mine`
/// added to something else (ids are random, so this is rare, but two
/// different answers must never become one).
fn apart(base: &Session, mine: &Session, theirs: &Session) -> Session {
    let (in_base, in_mine, in_theirs) = (all_ids(base), all_ids(mine), all_ids(theirs));
    let same_node = |id: &str| match (mine.node(id), theirs.node(id)) {
        (Some(m), Some(t)) => {
            m.same_fields(t)
                && mine.parent_of(id).map(|p| &p.id) == theirs.parent_of(id).map(|p| &p.id)
        }
        _ => false,
    };
    let same_action =
        |id: &str| matches!((mine.action(id), theirs.action(id)), (Some(m), Some(t)) if m == t);
    let clashing: Vec<String> = (in_theirs.iter())
        .filter(|id| !in_base.contains(*id) && in_mine.contains(*id))
        .filter(|id| !same_node(id) && !same_action(id))
        .cloned()
        .collect();
    let mut theirs = theirs.clone();
    for old in clashing {
        let is_node = theirs.node(&old).is_some();
        let prefix = if is_node { "n-" } else { "a-" };
        let new = ids::fresh_id(prefix, ids::ITEM_ID_LEN, |c| {
            in_base.contains(c) || in_mine.contains(c) || in_theirs.contains(c)
        });
        if is_node {
            if let Some(node) = theirs.node_mut(&old) {
                node.id = new.clone();
            }
            for a in &mut theirs.actions {
                for target in &mut a.addresses {
                    if *target == old {
                        *target = new.clone();
                    }
                }
            }
        } else if let Some(a) = theirs.action_mut(&old) {
            a.id = new.clone();
        }
        for c in &mut theirs.conflicts {
            if c.id.as_deref() == Some(old.as_str()) && c.on != ConflictOn::Participant {
                c.id = Some(new.clone());
            }
        }
    }
    theirs
}

/// The whole session, field by field. Built as a literal of every field,
/// so a new field of the session cannot be forgotten here.
fn merge_sessions(b: &Session, m: &Session, t: &Session, found: &mut Vec<Conflict>) -> Session {
    let mut c = Clashes {
        found,
        on: ConflictOn::Session,
        id: None,
    };
    let title = pick!(c, Some(b), m, t, title);
    let kind = pick!(c, Some(b), m, t, kind);
    let time_zone = pick!(c, Some(b), m, t, time_zone);
    let created = pick!(c, Some(b), m, t, created);
    let notes = pick!(c, Some(b), m, t, notes);
    let intake = merge_intake(&b.intake, &m.intake, &t.intake, &mut c);
    let whys = tree::merge(&b.whys, &m.whys, &t.whys, found);
    let participants = keyed(
        &b.participants,
        &m.participants,
        &t.participants,
        |p| p.name.as_str(),
        ConflictOn::Participant,
        found,
        |b, m, t, c| {
            let Participant {
                name,
                team: _,
                role: _,
                email: _,
            } = m;
            Participant {
                name: name.clone(),
                team: pick!(c, b, m, t, team),
                role: pick!(c, b, m, t, role),
                email: pick!(c, b, m, t, email),
            }
        },
    );
    let mut actions = keyed(
        &b.actions,
        &m.actions,
        &t.actions,
        |a| a.id.as_str(),
        ConflictOn::Action,
        found,
        merge_action,
    );
    // An action keeps only links to answers that are still there.
    let nodes: HashSet<String> = {
        let mut ids = HashSet::new();
        for (_, n) in crate::model::Session::nodes_of(&whys) {
            ids.insert(n);
        }
        ids
    };
    for a in &mut actions {
        a.addresses.retain(|id| nodes.contains(id));
    }
    let mut session = Session {
        schema_version: m.schema_version,
        id: m.id.clone(),
        title,
        kind,
        time_zone,
        created,
        updated: m.updated.max(t.updated),
        stage: m.stage,
        intake,
        participants,
        whys,
        actions,
        went_well: list(&b.went_well, &m.went_well, &t.went_well),
        went_wrong: list(&b.went_wrong, &m.went_wrong, &t.went_wrong),
        lucky: list(&b.lucky, &m.lucky, &t.lucky),
        notes,
        meeting: merge_meeting(&b.meeting, &m.meeting, &t.meeting),
        conflicts: Vec::new(),
    };
    session.conflicts = merge_conflicts(&m.conflicts, &t.conflicts, found);
    let still: Vec<Conflict> = (session.open_conflicts()).map(|(_, c)| c.clone()).collect();
    session.conflicts = still;
    session
}

fn merge_intake(b: &Intake, m: &Intake, t: &Intake, c: &mut Clashes) -> Intake {
    let Intake {
        summary,
        started,
        detected,
        resolved,
        severity,
        customer_impact,
        key_moments,
    } = m;
    let CustomerImpact {
        description,
        affected,
        unit,
        channels,
    } = customer_impact;
    let (bi, ti) = (&b.customer_impact, &t.customer_impact);
    Intake {
        summary: c.pick("intake.summary", Some(&b.summary), summary, &t.summary),
        started: c.pick("intake.started", Some(&b.started), started, &t.started),
        detected: c.pick("intake.detected", Some(&b.detected), detected, &t.detected),
        resolved: c.pick("intake.resolved", Some(&b.resolved), resolved, &t.resolved),
        severity: c.pick("intake.severity", Some(&b.severity), severity, &t.severity),
        customer_impact: CustomerImpact {
            description: c.pick(
                "intake.customer_impact.description",
                Some(&bi.description),
                description,
                &ti.description,
            ),
            affected: c.pick(
                "intake.customer_impact.affected",
                Some(&bi.affected),
                affected,
                &ti.affected,
            ),
            unit: c.pick(
                "intake.customer_impact.unit",
                Some(&bi.unit),
                unit,
                &ti.unit,
            ),
            channels: list(&bi.channels, channels, &ti.channels),
        },
        key_moments: list(&b.key_moments, key_moments, &t.key_moments),
    }
}

/// One action present on both sides, field by field.
fn merge_action(
    b: Option<&ActionItem>,
    m: &ActionItem,
    t: &ActionItem,
    c: &mut Clashes,
) -> ActionItem {
    let ActionItem {
        id,
        description: _,
        owner: _,
        team: _,
        due: _,
        priority: _,
        status: _,
        link: _,
        addresses,
        created: _,
        completed: _,
        note: _,
    } = m;
    let empty = Vec::new();
    ActionItem {
        id: id.clone(),
        description: pick!(c, b, m, t, description),
        owner: pick!(c, b, m, t, owner),
        team: pick!(c, b, m, t, team),
        due: pick!(c, b, m, t, due),
        priority: pick!(c, b, m, t, priority),
        status: pick!(c, b, m, t, status),
        link: pick!(c, b, m, t, link),
        addresses: list(b.map_or(&empty, |b| &b.addresses), addresses, &t.addresses),
        created: pick!(c, b, m, t, created),
        // When it was done follows the status that stands.
        completed: if status_of(b, m, t) == m.status {
            m.completed
        } else {
            t.completed
        },
        note: pick!(c, b, m, t, note),
    }
}

/// The status a merge keeps, without recording a clash a second time.
fn status_of(b: Option<&ActionItem>, m: &ActionItem, t: &ActionItem) -> crate::model::ActionStatus {
    if m.status == t.status || b.is_some_and(|b| b.status == t.status) {
        m.status
    } else if b.is_some_and(|b| b.status == m.status) {
        t.status
    } else {
        m.status
    }
}

/// Meeting time is the longer of the two (both sides usually carry the
/// same meeting, one of them further on); the timeboxes follow whoever
/// changed them; where the facilitator is, and whether the timer is
/// paused, stays mine.
fn merge_meeting(b: &Meeting, m: &Meeting, t: &Meeting) -> Meeting {
    let Meeting {
        intake,
        whys,
        actions,
        review,
        cursor,
        timer_ran,
        paused,
    } = m;
    let stage = |b: &StageTime, m: &StageTime, t: &StageTime| StageTime {
        spent_seconds: m.spent_seconds.max(t.spent_seconds),
        timebox_minutes: quietly(&b.timebox_minutes, &m.timebox_minutes, &t.timebox_minutes),
    };
    Meeting {
        intake: stage(&b.intake, intake, &t.intake),
        whys: stage(&b.whys, whys, &t.whys),
        actions: stage(&b.actions, actions, &t.actions),
        review: stage(&b.review, review, &t.review),
        cursor: cursor.clone(),
        timer_ran: (*timer_ran).max(t.timer_ran),
        paused: *paused,
    }
}

/// The clashes both sides had, and the ones found now (a newer clash on
/// the same field replaces an older one).
fn merge_conflicts(mine: &[Conflict], theirs: &[Conflict], found: &[Conflict]) -> Vec<Conflict> {
    let key = |c: &Conflict| (c.on, c.id.clone(), c.field.clone());
    let mut all: Vec<Conflict> = Vec::new();
    for c in mine.iter().chain(theirs).chain(found) {
        match all.iter().position(|x| key(x) == key(c)) {
            Some(i) => all[i] = c.clone(),
            None => all.push(c.clone()),
        }
    }
    all
}

impl Session {
    /// Every answer's id under `roots`, depth first, with its depth.
    fn nodes_of(roots: &WhyList) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        super::why::each_depth_first(roots, |depth, n| {
            out.push((depth, n.id.clone()));
            std::ops::ControlFlow::Continue(())
        });
        out
    }
}
