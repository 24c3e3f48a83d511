//! The three-way merge of a session (`model::merge`): what two sides did
//! to one base comes together by node and action id, a field both changed
//! differently is a recorded clash with both values, and nothing added on
//! either side is lost. Scenarios first, then random edits on both sides.

mod common;

use common::edits::{Edit, any_edit as edit, apply};

use std::collections::HashSet;

use fivewhys::model::{
    ActionStatus, Confidence, ConflictOn, Direction, Participant, Role, Session, Side, merge,
};
use jiff::Timestamp;
use proptest::prelude::*;

fn now() -> Timestamp {
    "2026-11-22T10:00:00Z".parse().unwrap()
}

/// A small session: one problem, two answers, one action.
fn base() -> (Session, String, String, String) {
    let mut s = Session::new("Checkout outage", now());
    let root = s.add_problem_statement("Checkout failed");
    let a = s.ask_why(&root).unwrap();
    s.node_mut(&a).unwrap().answer = "The pool ran dry".into();
    let b = s.ask_why(&a).unwrap();
    s.node_mut(&b).unwrap().answer = "The config was never reviewed".into();
    let act = s.add_action(now());
    s.action_mut(&act).unwrap().description = "Alert on pool use".into();
    (s, a, b, act)
}

#[test]
fn answers_added_on_both_sides_are_both_kept() {
    let (base, a, _, _) = base();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let m = mine.ask_why(&a).unwrap();
    mine.node_mut(&m).unwrap().answer = "Mine".into();
    let t = theirs.ask_why(&a).unwrap();
    theirs.node_mut(&t).unwrap().answer = "Theirs".into();
    let merged = merge(&base, &mine, &theirs);
    let s = &merged.session;
    assert!(s.validate().is_ok());
    assert_eq!(s.node(&m).unwrap().answer, "Mine");
    assert_eq!(s.node(&t).unwrap().answer, "Theirs");
    assert_eq!(s.node(&a).unwrap().children.len(), 3);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.incoming.describe(), "1 new answer");
}

#[test]
fn different_fields_changed_on_each_side_both_win() {
    let (base, a, b, act) = base();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.node_mut(&a).unwrap().confidence = Confidence::Fact;
    mine.toggle_root_cause(&b).unwrap();
    theirs.node_mut(&a).unwrap().evidence = "grafana/pool".into();
    theirs
        .set_action_status(&act, ActionStatus::Done, now())
        .unwrap();
    theirs.title = "Checkout outage, autumn sale".into();
    let merged = merge(&base, &mine, &theirs);
    let s = &merged.session;
    assert_eq!(s.node(&a).unwrap().confidence, Confidence::Fact);
    assert_eq!(s.node(&a).unwrap().evidence, "grafana/pool");
    assert!(s.node(&b).unwrap().root_cause);
    assert_eq!(s.action(&act).unwrap().status, ActionStatus::Done);
    assert_eq!(s.title, "Checkout outage, autumn sale");
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        merged.incoming.describe(),
        "1 changed answer, 1 action status and the title"
    );
}

#[test]
fn one_field_changed_differently_on_both_sides_is_a_clash_settled_either_way() {
    let (base, a, _, act) = base();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.node_mut(&a).unwrap().answer = "The pool was too small".into();
    theirs.node_mut(&a).unwrap().answer = "The pool leaked connections".into();
    mine.action_mut(&act).unwrap().owner = Some("Mei".into());
    theirs.action_mut(&act).unwrap().owner = Some("Ravi".into());
    let merged = merge(&base, &mine, &theirs);
    let s = merged.session;
    assert_eq!(
        s.node(&a).unwrap().answer,
        "The pool was too small",
        "mine stays"
    );
    assert_eq!(s.conflicts.len(), 2);
    assert!(s.conflicts[0].is_about(ConflictOn::Answer, &a));
    assert_eq!(
        s.conflicts[0].words(Side::Theirs),
        "The pool leaked connections"
    );
    // Settled: theirs for the answer, mine for the owner.
    let mut settled = s.clone();
    settled.settle(0, Side::Theirs).unwrap();
    assert_eq!(
        settled.node(&a).unwrap().answer,
        "The pool leaked connections"
    );
    settled.settle(0, Side::Mine).unwrap();
    assert_eq!(settled.action(&act).unwrap().owner.as_deref(), Some("Mei"));
    assert!(settled.conflicts.is_empty());
    assert!(settled.validate().is_ok());
    // The clash travels in the file, both values in it.
    let text = fivewhys::store::to_text(&s);
    assert!(text.contains("\"conflicts\"") && text.contains("Ravi"));
    assert_eq!(fivewhys::store::parse(&text).unwrap(), s);
    // A session without clashes is written as before.
    assert!(!fivewhys::store::to_text(&settled).contains("conflicts"));
}

#[test]
fn removed_on_one_side_and_changed_on_the_other_stays_with_a_clash() {
    let (base, a, b, _) = base();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.node_mut(&b).unwrap().answer = "Nobody owned the config review".into();
    theirs.delete_subtree(&a).unwrap();
    let merged = merge(&base, &mine, &theirs);
    let s = merged.session;
    assert!(
        s.node(&a).is_some() && s.node(&b).is_some(),
        "nothing dropped unseen"
    );
    let removed: Vec<_> = s
        .conflicts
        .iter()
        .filter(|c| c.field == "removed")
        .collect();
    assert!(!removed.is_empty(), "{:?}", s.conflicts);
    // Taking theirs removes it after all.
    let mut settled = s.clone();
    while let Some(i) = settled.conflicts.iter().position(|c| c.field == "removed") {
        settled.settle(i, Side::Theirs).unwrap();
    }
    assert!(settled.node(&a).is_none());
    // Removed there, left alone here: gone without a clash.
    let (base, a, _, _) = self::base();
    let mut theirs = base.clone();
    theirs.delete_subtree(&a).unwrap();
    let mut mine = base.clone();
    mine.title = "Busy here".into();
    let merged = merge(&base, &mine, &theirs);
    assert!(merged.session.node(&a).is_none());
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.incoming.describe(), "2 answers removed");
}

#[test]
fn an_answer_added_below_one_removed_elsewhere_brings_it_back() {
    let (base, a, b, _) = base();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let added = mine.ask_why(&b).unwrap();
    theirs.delete_subtree(&a).unwrap();
    let merged = merge(&base, &mine, &theirs);
    let s = &merged.session;
    assert!(s.validate().is_ok());
    assert_eq!(s.parent_of(&added).unwrap().id, b);
    assert!(s.conflicts.iter().any(|c| c.field == "removed"));
}

#[test]
fn moves_on_one_side_are_kept_and_opposite_moves_never_make_a_loop() {
    let (base, a, b, _) = base();
    let root = base.whys[0].id.clone();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let c = mine.ask_why(&root).unwrap();
    let c2 = mine.add_sibling_cause(&c).unwrap();
    mine.move_node(&c2, Direction::Up).unwrap();
    theirs.node_mut(&b).unwrap().answer = "Theirs".into();
    let merged = merge(&base, &mine, &theirs);
    let s = &merged.session;
    let order: Vec<&str> = s.whys[0].children.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(order, [a.as_str(), c2.as_str(), c.as_str()]);
    assert_eq!(s.node(&b).unwrap().answer, "Theirs");
}

#[test]
fn actions_and_participants_added_on_both_sides_are_kept() {
    let (base, _, _, _) = base();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.add_action(now());
    theirs.add_action(now());
    theirs.add_action(now());
    mine.participants.push(Participant {
        name: "Mei".into(),
        team: "Platform".into(),
        role: Role::Facilitator,
        email: None,
    });
    theirs.participants.push(Participant {
        name: "Ravi".into(),
        team: "Support".into(),
        role: Role::Participant,
        email: None,
    });
    theirs.went_well.push("Support spotted it first".into());
    let merged = merge(&base, &mine, &theirs);
    let s = &merged.session;
    assert_eq!(s.actions.len(), 4);
    assert_eq!(s.participants.len(), 2);
    assert_eq!(s.went_well, ["Support spotted it first"]);
    assert_eq!(
        merged.incoming.describe(),
        "2 new actions, 1 participant and the lessons"
    );
}

#[test]
fn an_id_both_sides_chose_for_different_answers_keeps_both() {
    let (base, a, _, act) = base();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let m = mine.ask_why(&a).unwrap();
    mine.node_mut(&m).unwrap().answer = "Mine".into();
    mine.toggle_action_link(&act, &m).unwrap();
    theirs.ask_why(&a).unwrap();
    // Force the same id on theirs' new answer.
    let t = theirs.node(&a).unwrap().children.last().unwrap().id.clone();
    theirs.node_mut(&t).unwrap().id = m.clone();
    theirs.node_mut(&m).unwrap().answer = "Theirs".into();
    let merged = merge(&base, &mine, &theirs);
    let s = &merged.session;
    assert!(s.validate().is_ok());
    let answers: Vec<&str> = s
        .node(&a)
        .unwrap()
        .children
        .iter()
        .map(|n| n.answer.as_str())
        .collect();
    assert!(
        answers.contains(&"Mine") && answers.contains(&"Theirs"),
        "{answers:?}"
    );
}

// Random edits on both sides.

fn edited(from: &Session, edits: &[Edit]) -> Session {
    let mut s = from.clone();
    for e in edits {
        apply(&mut s, e.clone());
    }
    s
}

fn node_ids(s: &Session) -> HashSet<String> {
    s.why_nodes().iter().map(|(_, n)| n.id.clone()).collect()
}

fn action_ids(s: &Session) -> HashSet<String> {
    s.actions.iter().map(|a| a.id.clone()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(300)))]

    /// Whatever two sides do to one base, the merge is a valid session
    /// holding every answer and action either side added; every clash
    /// recorded has two different values and an item that exists; and
    /// merging with a side left as it was gives the other side exactly.
    #[test]
    fn two_sides_merge_into_a_valid_session_that_loses_no_addition(
        shared in proptest::collection::vec(edit(), 0..30),
        mine_edits in proptest::collection::vec(edit(), 0..25),
        theirs_edits in proptest::collection::vec(edit(), 0..25),
    ) {
        let base = edited(&Session::new("t", now()), &shared);
        let mine = edited(&base, &mine_edits);
        let theirs = edited(&base, &theirs_edits);
        let merged = merge(&base, &mine, &theirs);
        let s = &merged.session;
        prop_assert!(s.validate().is_ok(), "{:?}", s.validate());
        let text = fivewhys::store::to_text(s);
        prop_assert_eq!(&fivewhys::store::parse(&text).unwrap(), s);

        let (in_base, in_merged) = (node_ids(&base), node_ids(s));
        let (mine_ids, theirs_ids) = (node_ids(&mine), node_ids(&theirs));
        for id in mine_ids.difference(&in_base) {
            prop_assert!(in_merged.contains(id), "mine's new answer {} lost", id);
        }
        for id in theirs_ids.difference(&in_base) {
            if !mine_ids.contains(id) {
                prop_assert!(in_merged.contains(id), "theirs' new answer {} lost", id);
            }
        }
        prop_assert!(in_merged.len() >= mine_ids.union(&theirs_ids).filter(|id| !in_base.contains(*id)).count());
        let actions = action_ids(s);
        for id in action_ids(&mine).union(&action_ids(&theirs)) {
            if !action_ids(&base).contains(id) {
                prop_assert!(actions.contains(id), "new action {} lost", id);
            }
        }
        for c in &s.conflicts {
            prop_assert!(c.mine != c.theirs, "{:?}", c);
            prop_assert!(s.conflict_target_exists(c), "{:?}", c);
        }
        // Settling every clash either way leaves a valid session.
        let mut settled = s.clone();
        let mut side = Side::Mine;
        while !settled.conflicts.is_empty() {
            let _ = settled.settle(0, side);
            side = if side == Side::Mine { Side::Theirs } else { Side::Mine };
        }
        prop_assert!(settled.validate().is_ok(), "{:?}", settled.validate());

        prop_assert_eq!(&merge(&base, &mine, &base).session, &mine);
        prop_assert_eq!(&merge(&base, &base, &theirs).session, &theirs);
        prop_assert_eq!(&merge(&base, &mine, &mine).session, &mine);
    }
}
