//! The session file format: the examples re-save byte-identically and the
//! JSON Schema describes the file.

mod common;

use fivewhys::store::{parse, to_text};

#[test]
fn examples_round_trip_byte_identical() {
    let files = common::example_files();
    assert!(files.len() >= 2, "at least two example sessions");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let session = parse(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert_eq!(
            to_text(&session),
            text,
            "{} re-saves differently",
            file.display()
        );
    }
}

#[test]
fn outage_example_is_the_shape_the_brief_asks_for() {
    let text = std::fs::read_to_string(common::outage_file()).unwrap();
    let session = parse(&text).unwrap();
    assert_eq!(session.whys.len(), 2, "two problem statements");
    let deepest = session.why_nodes().iter().map(|(d, _)| *d).max().unwrap();
    assert!(deepest > 5, "a chain deeper than five whys, got {deepest}");
    assert!(session.root_causes().len() >= 2);
    assert!(
        session
            .actions
            .iter()
            .all(|a| a.addresses.iter().all(|n| session.node(n).is_some()))
    );
}

#[test]
fn file_keys_are_in_a_stable_documented_order() {
    let text = std::fs::read_to_string(common::outage_file()).unwrap();
    let order: Vec<usize> = [
        "\"schema_version\"",
        "\"id\"",
        "\"title\"",
        "\"created\"",
        "\"updated\"",
        "\"stage\"",
        "\"intake\"",
        "\"participants\"",
        "\"whys\"",
        "\"actions\"",
        "\"went_well\"",
        "\"notes\"",
    ]
    .iter()
    .map(|key| {
        text.find(&format!("\n  {key}:"))
            .unwrap_or_else(|| panic!("{key} missing"))
    })
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "keys out of order: {order:?}"
    );
    assert!(text.ends_with("}\n"), "trailing newline");
}
