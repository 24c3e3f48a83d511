//! Choosing the base of a merge: of the versions of a session file a
//! window knows (the one it read, each one it wrote since), the one a
//! changed file most likely grew from. A teammate's copy grows from the
//! version this window last shared; an editor's buffer or a stash from an
//! older one. Merging from the right one keeps both sides' work: from a
//! version too old, the other side's edits of what was added since look
//! like additions of their own (and come out twice); from one too new,
//! an older copy looks like it removed what was typed since.

use std::collections::HashMap;

use super::tree::Flat;
use crate::model::Session;

/// How far apart two versions of a session are: how many answers,
/// actions and participants one has that the other has not or has
/// otherwise, plus how many of the session's own fields differ. Zero
/// for two versions that record the same.
pub fn distance(a: &Session, b: &Session) -> usize {
    let (fa, fb) = (Flat::of(&a.whys), Flat::of(&b.whys));
    let mut n = 0;
    for (id, (pa, na)) in &fa.nodes {
        match fb.nodes.get(id) {
            Some((pb, nb)) if pa == pb && na.same_fields(nb) => {}
            _ => n += 1,
        }
    }
    n += fb
        .nodes
        .keys()
        .filter(|id| !fa.nodes.contains_key(*id))
        .count();
    n += keyed_distance(&a.actions, &b.actions, |x| x.id.as_str());
    n += keyed_distance(&a.participants, &b.participants, |p| p.name.as_str());
    let fields = [
        a.title == b.title,
        a.kind == b.kind,
        a.time_zone == b.time_zone,
        a.intake == b.intake,
        a.went_well == b.went_well,
        a.went_wrong == b.went_wrong,
        a.lucky == b.lucky,
        a.notes == b.notes,
    ];
    n + fields.iter().filter(|same| !**same).count()
}

fn keyed_distance<T: PartialEq>(a: &[T], b: &[T], key: impl Fn(&T) -> &str) -> usize {
    let bs: HashMap<&str, &T> = b.iter().map(|x| (key(x), x)).collect();
    let asx: HashMap<&str, &T> = a.iter().map(|x| (key(x), x)).collect();
    let changed = a
        .iter()
        .filter(|x| bs.get(key(x)).is_none_or(|y| *y != *x))
        .count();
    changed + b.iter().filter(|y| !asx.contains_key(key(y))).count()
}

/// Of the `known` versions (oldest first), the one `theirs` most likely
/// grew from. It holds an answer, action or participant that first
/// appeared in a known version, so it grew from that one or a later one:
/// of those, the nearest (the latest of equally near ones).
pub fn nearest<'a>(known: &'a [Session], theirs: &Session) -> Option<&'a Session> {
    // Where each item first appeared.
    let mut first: HashMap<String, usize> = HashMap::new();
    for (i, v) in known.iter().enumerate() {
        for key in item_keys(v) {
            first.entry(key).or_insert(i);
        }
    }
    let from = item_keys(theirs)
        .iter()
        .filter_map(|key| first.get(key))
        .copied()
        .max()
        .unwrap_or(0);
    known
        .iter()
        .enumerate()
        .skip(from)
        .min_by_key(|(i, v)| (distance(v, theirs), std::cmp::Reverse(*i)))
        .map(|(_, v)| v)
}

/// Every answer's and action's id and participant's name, told apart.
fn item_keys(s: &Session) -> Vec<String> {
    let mut keys = Vec::new();
    s.each_why(|_, n| keys.push(format!("n {}", n.id)));
    keys.extend(s.actions.iter().map(|a| format!("a {}", a.id)));
    keys.extend(s.participants.iter().map(|p| format!("p {}", p.name)));
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_a_copy_grew_from_is_the_nearest() {
        let now = "2026-11-22T10:00:00Z".parse().unwrap();
        let mut read = Session::new("t", now);
        let root = read.add_problem_statement("p");
        let mut written = read.clone();
        let a = written.ask_why(&root).unwrap();
        written.node_mut(&a).unwrap().answer = "typed in the meeting".into();
        // A teammate's copy of what was written, with one change.
        let mut theirs = written.clone();
        theirs.node_mut(&a).unwrap().answer = "typo fixed".into();
        let known = [read.clone(), written.clone()];
        assert_eq!(nearest(&known, &theirs), Some(&written));
        // They also removed what was added: the copy holds an answer that
        // first appeared in what was written, so it grew from that.
        let b = written.clone().ask_why(&root).unwrap();
        let mut written2 = written.clone();
        written2
            .ask_why_at(&written2.path_of(&root).unwrap(), b.clone())
            .unwrap();
        let mut theirs2 = written2.clone();
        theirs2.node_mut(&a).unwrap().answer = "typo fixed".into();
        theirs2.delete_subtree(&b).unwrap();
        let known2 = [read.clone(), written2.clone()];
        assert_eq!(nearest(&known2, &theirs2), Some(&written2));
        // An editor's buffer of what was read, with one change.
        let mut old = read.clone();
        old.notes = "a note".into();
        assert_eq!(nearest(&known, &old), Some(&read));
        assert_eq!(distance(&read, &read), 0);
    }
}
