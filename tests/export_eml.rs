//! The email draft, read back as a mail client reads it: one message with
//! the text and the HTML summary as alternatives, the subject, X-Unsent,
//! and recipients only where participants have an email address.

mod common;

use common::*;
use fivewhys::export::{self, Context, Format};
use fivewhys::model::Session;
use mail_parser::{Message, MessageParser, MimeHeaders};

fn ctx(s: &Session) -> Context {
    Context::for_session(s, now().timestamp())
}

fn lf(text: &str) -> String {
    text.replace("\r\n", "\n").trim_end().to_string()
}

fn parse(raw: &[u8]) -> Message<'_> {
    MessageParser::default()
        .parse(raw)
        .expect("a message a MIME parser reads")
}

fn recipients(m: &Message) -> Vec<(String, String)> {
    m.to()
        .map(|to| {
            to.iter()
                .map(|a| {
                    (
                        a.name().unwrap_or_default().to_string(),
                        a.address().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_example_reads_back_as_its_text_and_html_summaries() {
    for file in example_files() {
        let session: Session =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let c = ctx(&session);
        let raw = export::export(&session, Format::Eml, &c);
        let m = parse(raw.as_bytes());
        let doc = export::summary(&session, &c);
        assert_eq!(
            m.subject(),
            Some(doc.subject.as_str()),
            "{}",
            file.display()
        );
        let unsent = m.header("X-Unsent").and_then(|v| v.as_text());
        assert_eq!(unsent, Some("1"), "{}: opens as a draft", file.display());
        let ct = m.content_type().expect("a content type");
        assert_eq!(
            (ct.ctype(), ct.subtype()),
            ("multipart", Some("alternative")),
            "{}",
            file.display()
        );
        assert_eq!(
            lf(&m.body_text(0).unwrap()),
            lf(&export::text(&session, &c)),
            "{}: the text part is the text summary",
            file.display()
        );
        assert_eq!(
            lf(&m.body_html(0).unwrap()),
            lf(&export::html(&session, &c)),
            "{}: the HTML part is the HTML summary",
            file.display()
        );
        assert!(recipients(&m).is_empty(), "no addresses, no recipients");
    }
}

#[test]
fn participants_with_an_address_are_the_recipients_and_redaction_drops_them() {
    let mut s = outage();
    s.participants[1].email = Some("mei.lin@example.com".into());
    s.participants[3].email = Some("hannah@example.com".into());
    let raw = export::export(&s, Format::Eml, &ctx(&s));
    let m = parse(raw.as_bytes());
    assert_eq!(
        recipients(&m),
        vec![
            ("Mei Lin".to_string(), "mei.lin@example.com".to_string()),
            (
                "Hannah Schulz".to_string(),
                "hannah@example.com".to_string()
            ),
        ]
    );
    let hidden = export::redacted(&s);
    let raw = export::export(&hidden, Format::Eml, &ctx(&hidden));
    assert!(!raw.contains("example.com>"), "redacted: nobody is named");
    assert!(recipients(&parse(raw.as_bytes())).is_empty());
}

#[test]
fn the_command_writes_a_draft_file() {
    let data = tempfile::tempdir().unwrap();
    fivewhys(data.path())
        .args(["import", outage_file().to_str().unwrap()])
        .assert()
        .success();
    let out = data.path().join("draft.eml");
    fivewhys(data.path())
        .args(["export", "k3f9ab", "--format", "eml", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicates::str::contains("draft.eml"));
    let raw = std::fs::read(&out).unwrap();
    let m = parse(&raw);
    assert!(
        m.subject()
            .unwrap()
            .starts_with("Postmortem: Checkout outage during the autumn sale"),
        "{:?}",
        m.subject()
    );
    assert!(m.body_html(0).unwrap().contains("<a href="));
    fivewhys(data.path())
        .args(["export", "k3f9ab", "--format", "eml", "--copy"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("--output"));
}

#[test]
fn an_address_is_typed_on_intake_beside_the_role_and_a_wrong_one_is_refused() {
    use crossterm::event::KeyCode;
    use fivewhys::tui::field::Field;
    let mut app = app_with(outage(), None);
    key(&mut app, KeyCode::Char('1'));
    down_to(&mut app, Field::PersonName(1));
    for _ in 0..3 {
        key(&mut app, KeyCode::Right);
    }
    assert_eq!(ss(&app).selected_field(), Some(Field::PersonEmail(1)));
    key(&mut app, KeyCode::Enter);
    typing(&mut app, "mei lin at example");
    key(&mut app, KeyCode::Enter);
    let status = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("not an email address"), "{status}");
    assert_eq!(ss(&app).session().participants[1].email, None);
    for _ in 0.."mei lin at example".len() {
        key(&mut app, KeyCode::Backspace);
    }
    typing(&mut app, "mei.lin@example.com");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        ss(&app).session().participants[1].email.as_deref(),
        Some("mei.lin@example.com")
    );
    assert!(screen(&app, 120, 40).contains("mei.lin@example.com"));
}

#[test]
fn a_draft_is_the_same_for_the_same_moment_and_names_no_machine() {
    let s = outage();
    let one = export::export(&s, Format::Eml, &ctx(&s));
    let two = export::export(&s, Format::Eml, &ctx(&s));
    // Only the MIME boundary differs between two drafts of one moment.
    let (a, b) = (parse(one.as_bytes()), parse(two.as_bytes()));
    assert_eq!(a.message_id(), b.message_id());
    assert_eq!(a.date(), b.date());
    let m = a;
    assert_eq!(
        m.date().map(|d| d.to_timestamp()),
        Some(now().timestamp().as_second())
    );
    let id = m.message_id().unwrap_or_default();
    assert!(id.ends_with("@fivewhys.invalid"), "{id}");
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    let host = host.trim();
    if !host.is_empty() && host != "fivewhys.invalid" {
        assert!(!one.contains(&format!("@{host}>")), "the machine's name");
    }
}
