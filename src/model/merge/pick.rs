//! The three-way choices every part of a merge is made of: one value
//! (taken from the side that changed it, or recorded as a clash when both
//! did), a list of plain values (lessons, channels), the order of a list
//! of items, and a list of items by key (actions, participants).

use std::collections::HashSet;

use serde::Serialize;

use crate::model::conflict::{Conflict, ConflictOn, REMOVED, value_of};

/// Where clashes found while merging one item are written down.
pub struct Clashes<'a> {
    /// Every clash found so far.
    pub found: &'a mut Vec<Conflict>,
    /// What kind of item is being merged.
    pub on: ConflictOn,
    /// Which one (`None` for the session itself).
    pub id: Option<&'a str>,
}

impl Clashes<'_> {
    /// Records that `field` was changed on both sides to different values.
    pub fn record<T: Serialize>(&mut self, field: &str, mine: &T, theirs: &T) {
        self.found.push(Conflict {
            on: self.on,
            id: self.id.map(str::to_string),
            field: field.to_string(),
            mine: value_of(mine),
            theirs: value_of(theirs),
        });
    }

    /// Three-way choice of one field: the side that changed it wins; if
    /// both changed it differently, mine stays and the clash is recorded.
    /// `base` is `None` for an item new on both sides.
    pub fn pick<T: PartialEq + Clone + Serialize>(
        &mut self,
        field: &str,
        base: Option<&T>,
        mine: &T,
        theirs: &T,
    ) -> T {
        if mine == theirs || base == Some(theirs) {
            mine.clone()
        } else if base == Some(mine) {
            theirs.clone()
        } else {
            self.record(field, mine, theirs);
            mine.clone()
        }
    }
}

/// Three-way choice of the field `$field` of an item, named as in the
/// session file: `pick!(clashes, base, mine, theirs, answer)`, where
/// `base` is an `Option` of the item.
macro_rules! pick {
    ($c:expr, $base:expr, $mine:expr, $theirs:expr, $field:ident) => {
        $c.pick(
            stringify!($field),
            $base.map(|b| &b.$field),
            &$mine.$field,
            &$theirs.$field,
        )
    };
}
pub(crate) use pick;

/// Three-way choice of a value no clash is recorded for (a timebox): the
/// side that changed it wins, mine when both did.
pub fn quietly<T: PartialEq + Clone>(base: &T, mine: &T, theirs: &T) -> T {
    if base == mine {
        theirs.clone()
    } else {
        mine.clone()
    }
}

/// A list of plain values merged as a multiset in order: what either side
/// added is there once (twice if one side added it twice), what either
/// side removed is gone; mine's order, with theirs' additions placed after
/// the value they follow there. When one side left the list as it was, the
/// other side's list is taken whole.
pub fn list<T: PartialEq + Clone>(base: &[T], mine: &[T], theirs: &[T]) -> Vec<T> {
    if base == mine {
        return theirs.to_vec();
    }
    if base == theirs || mine == theirs {
        return mine.to_vec();
    }
    let count = |list: &[T], v: &T| list.iter().filter(|x| *x == v).count();
    let mut out = mine.to_vec();
    let mut distinct: Vec<&T> = Vec::new();
    for v in mine.iter().chain(theirs) {
        if !distinct.contains(&v) {
            distinct.push(v);
        }
    }
    for v in distinct {
        let (b, m, t) = (count(base, v), count(mine, v), count(theirs, v));
        let want = if m > b && t > b {
            m.max(t)
        } else if m < b && t < b {
            m.min(t)
        } else {
            (m + t).saturating_sub(b)
        };
        let mut have = m;
        while have > want {
            if let Some(at) = out.iter().rposition(|x| x == v) {
                out.remove(at);
            }
            have -= 1;
        }
        while have < want {
            // After the value it follows in theirs, if that is here.
            let at = theirs
                .iter()
                .position(|x| x == v)
                .and_then(|i| {
                    theirs[..i]
                        .iter()
                        .rev()
                        .find_map(|p| out.iter().position(|x| x == p))
                })
                .map_or(out.len(), |p| p + 1);
            out.insert(at, v.clone());
            have += 1;
        }
    }
    out
}

/// The order of the items `kept` (keys), given each side's order: if mine
/// kept the order of the items both sides still have, theirs' order is
/// used (they may have moved some), else mine's; the items only the other
/// side has are placed after the item they follow there.
pub fn order<'a>(
    base: &[&'a str],
    mine: &[&'a str],
    theirs: &[&'a str],
    kept: &HashSet<&'a str>,
) -> Vec<&'a str> {
    let keep = |list: &[&'a str]| -> Vec<&'a str> {
        list.iter().copied().filter(|k| kept.contains(k)).collect()
    };
    let (base, mine, theirs) = (keep(base), keep(mine), keep(theirs));
    let both: HashSet<&str> = mine
        .iter()
        .copied()
        .filter(|k| theirs.contains(k))
        .collect();
    let common = |list: &[&'a str]| -> Vec<&'a str> {
        list.iter().copied().filter(|k| both.contains(k)).collect()
    };
    let mine_moved = common(&mine) != common(&base);
    let (skeleton, other) = if mine_moved {
        (mine, theirs)
    } else {
        (theirs, mine)
    };
    let mut out = skeleton;
    for (i, k) in other.iter().enumerate() {
        if out.contains(k) {
            continue;
        }
        let at = other[..i]
            .iter()
            .rev()
            .find_map(|p| out.iter().position(|x| x == p))
            .map_or(0, |p| p + 1);
        out.insert(at, k);
    }
    out
}

/// Items with a key (actions by id, participants by name) merged three
/// ways: `fields` merges one item present on both sides; an item added on
/// either side is kept; one removed on one side goes if the other side
/// left it as it was, and otherwise stays with a clash recorded (nothing
/// is dropped unseen).
pub fn keyed<T: Clone + PartialEq>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> &str,
    on: ConflictOn,
    found: &mut Vec<Conflict>,
    mut fields: impl FnMut(Option<&T>, &T, &T, &mut Clashes) -> T,
) -> Vec<T> {
    let find = |list: &'_ [T], k: &str| list.iter().position(|x| key(x) == k);
    let mut merged: Vec<T> = Vec::new();
    for side in [mine, theirs] {
        for item in side {
            let k = key(item);
            if merged.iter().any(|x| key(x) == k) {
                continue;
            }
            let b = find(base, k).map(|i| &base[i]);
            let m = find(mine, k).map(|i| &mine[i]);
            let t = find(theirs, k).map(|i| &theirs[i]);
            let mut clashes = Clashes {
                found,
                on,
                id: Some(k),
            };
            let kept = match (m, t) {
                (Some(m), Some(t)) => Some(fields(b, m, t, &mut clashes)),
                (Some(only), None) | (None, Some(only)) => match b {
                    None => Some(only.clone()),
                    Some(b) if b == only => None,
                    Some(_) => {
                        let mine_removed = m.is_none();
                        clashes.record(REMOVED, &mine_removed, &!mine_removed);
                        Some(only.clone())
                    }
                },
                (None, None) => None,
            };
            merged.extend(kept);
        }
    }
    let kept_keys: Vec<String> = merged.iter().map(|x| key(x).to_string()).collect();
    let ordered: Vec<String> = {
        let kept: HashSet<&str> = kept_keys.iter().map(String::as_str).collect();
        let (bk, mk, tk): (Vec<&str>, Vec<&str>, Vec<&str>) = (
            base.iter().map(&key).collect(),
            mine.iter().map(&key).collect(),
            theirs.iter().map(&key).collect(),
        );
        order(&bk, &mk, &tk, &kept)
            .into_iter()
            .map(str::to_string)
            .collect()
    };
    let mut out = Vec::with_capacity(merged.len());
    for k in ordered {
        if let Some(i) = merged.iter().position(|x| key(x) == k) {
            out.push(merged.swap_remove(i));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_keeps_what_both_added_and_loses_what_either_removed() {
        let base = ["a", "b", "c"];
        let mine = ["a", "b", "c", "mine"];
        let theirs = ["a", "theirs", "c"];
        assert_eq!(list(&base, &mine, &theirs), ["a", "theirs", "c", "mine"]);
        assert_eq!(list(&base, &base, &theirs), theirs, "one side unchanged");
        let both = ["a", "b", "c", "same"];
        assert_eq!(list(&base, &both, &both), both);
    }

    #[test]
    fn order_follows_the_side_that_moved() {
        let kept: HashSet<&str> = ["a", "b", "c", "d"].into_iter().collect();
        let base = ["a", "b", "c"];
        let mine = ["a", "b", "c", "d"];
        let theirs = ["c", "a", "b"];
        // d came after c in mine, and c moved to the front in theirs.
        assert_eq!(order(&base, &mine, &theirs, &kept), ["c", "d", "a", "b"]);
    }

    #[test]
    fn one_field_clashes_only_when_both_changed_it_differently() {
        let mut found = Vec::new();
        let mut clashes = Clashes {
            found: &mut found,
            on: ConflictOn::Session,
            id: None,
        };
        assert_eq!(clashes.pick("t", Some(&1), &1, &2), 2);
        assert_eq!(clashes.pick("t", Some(&1), &3, &1), 3);
        assert_eq!(clashes.pick("t", Some(&1), &3, &3), 3);
        assert_eq!(clashes.pick("t", Some(&1), &3, &4), 3);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].theirs, serde_json::json!(4));
    }
}
