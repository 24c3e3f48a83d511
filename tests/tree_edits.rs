//! Tree edits: unit cases and a proptest over random edit sequences.

mod common;

use common::edits::{Edit, apply, node_id, tree_edit as edit};

use fivewhys::model::{ActionStatus, Direction, Outline, Session};
use fivewhys::store::{parse, to_text};
use jiff::Timestamp;
use proptest::prelude::*;

fn now() -> Timestamp {
    "2026-11-22T10:00:00Z".parse().unwrap()
}

#[test]
fn ask_why_adds_a_child_and_sibling_adds_beside() {
    let mut s = Session::new("t", now());
    let root = s.add_problem_statement("Checkout failed");
    let a = s.ask_why(&root).unwrap();
    let b = s.add_sibling_cause(&a).unwrap();
    let a1 = s.ask_why(&a).unwrap();
    assert_eq!(s.whys[0].children.len(), 2);
    assert_eq!(s.whys[0].children[1].id, b);
    assert_eq!(s.chain_to(&a1).len(), 3);
    s.node_mut(&a).unwrap().answer = "Payments timed out.".into();
    assert_eq!(s.question_for(&a1), "Why? — Payments timed out");
    // Beside a problem statement means another problem statement.
    s.add_sibling_cause(&root).unwrap();
    assert_eq!(s.whys.len(), 2);
}

#[test]
fn deleting_a_subtree_removes_action_links_into_it() {
    let mut s = Session::new("t", now());
    let root = s.add_problem_statement("p");
    let a = s.ask_why(&root).unwrap();
    let deep = s.ask_why(&a).unwrap();
    let keep = s.ask_why(&root).unwrap();
    s.toggle_root_cause(&deep).unwrap();
    let action = s.add_action(now());
    s.toggle_action_link(&action, &deep).unwrap();
    s.toggle_action_link(&action, &keep).unwrap();
    s.delete_subtree(&a).unwrap();
    assert_eq!(s.action(&action).unwrap().addresses, vec![keep]);
    assert!(s.validate().is_ok());
}

#[test]
fn moving_stays_within_siblings() {
    let mut s = Session::new("t", now());
    let root = s.add_problem_statement("p");
    let a = s.ask_why(&root).unwrap();
    let b = s.add_sibling_cause(&a).unwrap();
    assert!(s.move_node(&b, Direction::Up).unwrap());
    assert_eq!(s.whys[0].children[0].id, b);
    assert!(!s.move_node(&b, Direction::Up).unwrap(), "already first");
}

#[test]
fn done_stamps_completion_and_reopening_clears_it() {
    let mut s = Session::new("t", now());
    let a = s.add_action(now());
    s.set_action_status(&a, ActionStatus::Done, now()).unwrap();
    assert_eq!(s.action(&a).unwrap().completed, Some(now()));
    s.set_action_status(&a, ActionStatus::Open, now()).unwrap();
    assert_eq!(s.action(&a).unwrap().completed, None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(200)))]

    #[test]
    fn random_edits_keep_ids_unique_links_valid_and_round_trip(
        edits in proptest::collection::vec(edit(), 1..120)
    ) {
        let mut s = Session::new("random", now());
        for e in edits {
            apply(&mut s, e);
            // Unique ids and no dangling action links after every step.
            prop_assert!(s.validate().is_ok(), "{:?}", s.validate());
        }
        let text = to_text(&s);
        let back = parse(&text).unwrap();
        prop_assert_eq!(&back, &s);
        prop_assert_eq!(to_text(&back), text);
    }
}

/// A session after `edits`, and a selection in it: the node `pick` points
/// at, or when `stale` an id no node has.
fn edited_and_selected(edits: Vec<Edit>, pick: usize, stale: bool) -> (Session, Option<String>) {
    let mut s = Session::new("random", now());
    for e in edits {
        apply(&mut s, e);
    }
    let selected = if stale {
        Some("gone".to_string())
    } else {
        node_id(&s, pick)
    };
    (s, selected)
}

/// The index of the node with id `id` among `nodes`, 0 when none has it.
fn index_of(nodes: &[(usize, &fivewhys::model::WhyNode)], id: Option<&str>) -> usize {
    (nodes.iter())
        .position(|(_, n)| id == Some(n.id.as_str()))
        .unwrap_or(0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(200)))]

    /// The outline made once per change holds every node in the order of
    /// the whole tree, each found by its id with its own parent; the
    /// window the Whys screen draws from it holds the rows a list scrolled
    /// to the selection shows; and its counts are those of the whole tree;
    /// after any edits, for any selection (a stale one too) and any height.
    #[test]
    fn the_drawn_window_and_the_counts_match_the_whole_tree(
        edits in proptest::collection::vec(edit(), 1..80),
        pick in any::<usize>(),
        stale in any::<bool>(),
        height in 1usize..12,
    ) {
        let (s, selected_id) = edited_and_selected(edits, pick, stale);
        let nodes = s.why_nodes();
        let selected = index_of(&nodes, selected_id.as_deref());
        let first = selected.saturating_sub(height - 1);
        let expected: Vec<_> = nodes.iter().skip(first).take(height).copied().collect();
        let outline = Outline::of(&s);
        prop_assert_eq!(outline.len(), nodes.len());
        for (at, &(depth, node)) in nodes.iter().enumerate() {
            prop_assert_eq!(outline.node(&s, at), Some((depth, node)));
            prop_assert_eq!(outline.position(&s, &node.id), Some(at));
            let parent = outline.parent(&s, at).map(|p| &p.id);
            prop_assert_eq!(parent, s.parent_of(&node.id).map(|p| &p.id));
        }
        prop_assert_eq!(outline.node(&s, nodes.len()), None);
        let window = outline.window(&s, selected_id.as_deref(), height);
        prop_assert_eq!((window.first, window.selected), (first, selected));
        prop_assert_eq!(window.rows, expected);
        let parent = selected_id.as_deref().and_then(|id| s.parent_of(id));
        prop_assert_eq!(window.parent.map(|p| &p.id), parent.map(|p| &p.id));

        let tally = outline.tally();
        prop_assert_eq!(tally, s.tally());
        prop_assert_eq!(tally.answers, nodes.iter().filter(|(d, _)| *d > 0).count());
        prop_assert_eq!(tally.root_causes, s.root_causes().len());
        prop_assert_eq!(tally.gaps.unaddressed, s.unaddressed_root_causes().len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(200)))]

    /// Moving by any number of rows from any selection (a stale one too)
    /// lands where counting along the whole tree lands, kept to its ends.
    #[test]
    fn moving_through_the_tree_lands_as_counting_does(
        edits in proptest::collection::vec(edit(), 1..80),
        pick in any::<usize>(),
        stale in any::<bool>(),
        offset in prop_oneof![-12isize..12, Just(isize::MIN), Just(isize::MAX)],
    ) {
        let (s, selected_id) = edited_and_selected(edits, pick, stale);
        let nodes = s.why_nodes();
        let at = index_of(&nodes, selected_id.as_deref());
        let expected = nodes.len().checked_sub(1).map(|last| {
            let to = at.saturating_add_signed(offset).min(last);
            nodes[to].1.id.clone()
        });
        let outline = Outline::of(&s);
        let moved = outline.beside(&s, selected_id.as_deref(), offset).map(|n| n.id.clone());
        prop_assert_eq!(moved, expected);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(200)))]

    /// Copies share their answers until one changes: a copy taken before
    /// each edit still reads as it did after all of them. And undo, which
    /// keeps only what each edit changed, gives every step back exactly,
    /// then redo every step forward again.
    #[test]
    fn copies_stay_as_they_were_and_undo_gives_every_step_back(
        edits in proptest::collection::vec(edit(), 1..60),
    ) {
        use fivewhys::tui::history::History;
        let mut s = Session::new("random", now());
        let mut history = History::default();
        let (mut copies, mut texts) = (vec![s.clone()], vec![to_text(&s)]);
        for e in edits {
            let before = s.clone();
            apply(&mut s, e);
            if s != before {
                history.record(before);
                copies.push(s.clone());
                texts.push(to_text(&s));
            }
        }
        for (copy, text) in copies.iter().zip(&texts) {
            prop_assert_eq!(&to_text(copy), text);
        }
        for expected in texts.iter().rev().skip(1) {
            s = history.undo(&s).expect("a step to undo");
            prop_assert_eq!(&to_text(&s), expected);
        }
        prop_assert!(history.undo(&s).is_none());
        for expected in texts.iter().skip(1) {
            s = history.redo(&s).expect("a step to redo");
            prop_assert_eq!(&to_text(&s), expected);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(200)))]

    /// An outline brought up to date after an edit (laying out again only
    /// the list that changed) is the outline made afresh: after each of
    /// any edits, one at a time and several at once, and after undoing
    /// them, which swaps in a tree that shares most of its lists.
    #[test]
    fn an_outline_brought_up_to_date_is_one_made_afresh(
        edits in proptest::collection::vec(edit(), 1..60),
        every in 1usize..4,
    ) {
        use fivewhys::tui::history::History;
        let mut s = Session::new("random", now());
        let mut history = History::default();
        let (mut outline, mut tree) = (Outline::of(&s), s.whys.clone());
        for (i, e) in edits.into_iter().enumerate() {
            let before = s.clone();
            apply(&mut s, e);
            if s != before {
                history.record(before);
            }
            if i % every == 0 {
                outline = outline.relisted(&s, &tree);
                prop_assert_eq!(&outline, &Outline::of(&s));
                tree = s.whys.clone();
            }
        }
        while let Some(older) = history.undo(&s) {
            outline = Outline::of(&s).relisted(&older, &s.whys);
            prop_assert_eq!(&outline, &Outline::of(&older));
            s = older;
        }
    }
}
