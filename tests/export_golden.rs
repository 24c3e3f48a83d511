//! Golden files of every export format for every example session, plus
//! the redacted text export. The moment of the export is fixed.

mod common;

use fivewhys::export::{self, Context, Format};
use fivewhys::store::parse;

fn ctx(session: &fivewhys::model::Session) -> Context {
    Context::for_session(session, "2026-11-22T10:00:00Z".parse().unwrap())
}

#[test]
fn every_format_of_both_examples() {
    for file in common::example_files() {
        let session = parse(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for format in Format::ALL {
            let name = format!("{}_{}", session.id, format.extension());
            insta::assert_snapshot!(name, export::export(&session, format, &ctx(&session)));
        }
    }
}

#[test]
fn json_export_is_the_file_as_stored() {
    for file in common::example_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let session = parse(&text).unwrap();
        assert_eq!(export::json(&session), text);
    }
}

#[test]
fn redaction_replaces_names_with_functions_everywhere() {
    let session = common::outage();
    let redacted = export::redacted(&session);
    let mut ctx = ctx(&redacted);
    ctx.redacted = true;
    let text = export::text(&redacted, &ctx);
    for p in &session.participants {
        for part in p.name.split_whitespace() {
            assert!(!text.contains(part), "{part} still in the redacted summary");
        }
    }
    assert!(text.contains("— Platform engineering · by"), "{text}");
    assert!(
        text.contains("Site reliability: 2 people (facilitator, scribe)"),
        "people are counted, not listed as their team: {text}"
    );
    // "Hannah will bring the forecast question" in the notes.
    assert!(text.contains("Customer support will bring"), "{text}");
    insta::assert_snapshot!("k3f9ab_redacted_txt", text);
}
