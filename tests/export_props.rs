//! Hostile text in every field never breaks an export: the subject is one
//! line, wrapped plain text stays within its width (but for single
//! unbreakable tokens), no format carries control characters or bidi
//! overrides, HTML never lets user markup through, and Markdown from
//! hostile text has exactly the structure it has from plain words and the
//! same web addresses (the one thing that becomes markup: a link).

mod common;

use fivewhys::export::{self, Context};
use fivewhys::model::{Confidence, Participant, Role, Session};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

fn ctx(s: &Session) -> Context {
    Context::for_session(s, "2026-11-22T10:00:00Z".parse().unwrap())
}

/// The same text as plain words, line for line, keeping its http(s)
/// addresses: what a harmless room would have typed in the same places
/// (`n` tells the fields apart, so two never read as one).
fn harmless(n: usize, text: &str) -> String {
    use fivewhys::export::document::{Piece, pieces};
    fivewhys::export::sanitize::clean_text(text)
        .split('\n')
        .map(|line| {
            if line.trim().is_empty() {
                return String::new();
            }
            let mut out = vec![format!("word{n}")];
            out.extend(pieces(line).into_iter().filter_map(|p| match p {
                Piece::Address(url) => Some(url.to_string()),
                Piece::Words(_) => None,
            }));
            out.join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Markdown without its autolinks (`<https://…>`), the only place a `<`
/// or a bare `&` may be.
fn without_autolinks(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(at) = rest.find("<http") {
        out.push_str(&rest[..at]);
        match rest[at..].find('>') {
            Some(end) if !rest[at + 1..at + end].contains([' ', '<', '\n']) => {
                out.push_str("LINK");
                rest = &rest[at + end + 1..];
            }
            _ => {
                out.push_str(&rest[at..at + 1]);
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The structure of a Markdown document: every element opened and closed,
/// and any raw HTML, but not the words.
fn structure(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser};
    Parser::new_ext(markdown, Options::all())
        .filter_map(|event| match event {
            Event::Start(tag) => Some(format!("start {tag:?}")),
            Event::End(tag) => Some(format!("end {tag:?}")),
            Event::Html(html) | Event::InlineHtml(html) => Some(format!("html {html}")),
            Event::Code(code) => Some(format!("code {code}")),
            Event::FootnoteReference(r) => Some(format!("footnote {r}")),
            Event::TaskListMarker(_) | Event::Rule => Some(format!("{event:?}")),
            _ => None,
        })
        .collect()
}

/// Nasty text: markup, controls, escapes, bidi, wide and combining
/// characters, very long words.
fn nasty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[a-zA-Z0-9 ,.]{0,12}",
        1 => Just("<script>alert(1)</script>".to_string()),
        1 => Just("<b>&amp; & &lt; <!-- x -->".to_string()),
        1 => Just("**bold** _em_ [link](http://x) | pipe | # head\n- item\n1. one `code`".to_string()),
        1 => Just("\u{1b}[31mred\u{1b}[0m \u{1b}]52;c;aGk=\u{7} \u{7}\u{8}\u{0}\r\n\t".to_string()),
        1 => Just("\u{202e}reversed\u{202c} \u{2066}iso\u{2069} \u{200f}".to_string()),
        1 => Just("漢字テキスト全角 ｗｉｄｅ e\u{301}\u{301} 👩‍👩‍👧".to_string()),
        1 => Just("https://example.com/a/very/long/path/that/cannot/be/broken/anywhere/at/all/because/it/is/a/url".to_string()),
        1 => "[a-z]{60,120}",
        1 => any::<String>(),
    ];
    prop::collection::vec(piece, 0..4).prop_map(|parts| parts.join(" "))
}

fn session_with(texts: Vec<String>) -> Session {
    let mut t = texts.into_iter().cycle();
    let mut next = move || t.next().unwrap_or_default();
    let now = "2026-11-22T10:00:00Z".parse().unwrap();
    let mut s = Session::with_id("abc234".into(), next(), now);
    s.intake.summary = next();
    s.intake.customer_impact.description = next();
    s.intake.customer_impact.channels = vec![next(), next()];
    s.intake.key_moments.push(fivewhys::model::KeyMoment {
        at: now,
        what: next(),
    });
    s.notes = next();
    s.went_well = vec![next(), next()];
    s.went_wrong = vec![next()];
    s.lucky = vec![next()];
    s.participants.push(Participant {
        name: next(),
        team: next(),
        role: Role::Scribe,
        email: None,
    });
    let root = s.add_problem_statement(next());
    let a = s.ask_why(&root).unwrap();
    let b = s.ask_why(&a).unwrap();
    for id in [&root, &a, &b] {
        let n = s.node_mut(id).unwrap();
        n.answer = next();
        n.evidence = next();
        n.question = next();
        n.offered_by = Some(next());
        n.confidence = Confidence::Unsure;
        n.root_cause = true;
    }
    let action = s.add_action(now);
    let item = s.action_mut(&action).unwrap();
    item.description = next();
    item.owner = Some(next());
    item.team = Some(next());
    item.note = next();
    item.addresses = vec![b];
    s
}

fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(300)))]

    #[test]
    fn exports_stay_safe_and_readable(texts in prop::collection::vec(nasty(), 24)) {
        let s = session_with(texts.clone());
        let ctx = ctx(&s);
        let text = export::text(&s, &ctx);
        prop_assert!(text.lines().next().is_some_and(|l| l.contains("2026")), "the subject is one line");
        let mut narrow = ctx.clone();
        narrow.wrap = Some(60);
        for line in export::text(&s, &narrow).lines().skip(1) {
            if line.width() > 60 {
                prop_assert!(!line.trim().contains(' '), "line over 60 columns: {line:?}");
            }
        }
        for (name, out) in [
            ("text", text.clone()),
            ("markdown", export::markdown(&s, &ctx)),
            ("html", export::html(&s, &ctx)),
            ("json", export::json(&s)),
        ] {
            prop_assert!(!out.chars().any(forbidden), "{name} has a control or bidi character");
        }
        let html = export::html(&s, &ctx);
        prop_assert!(!html.contains("<script"), "user markup in HTML");
        prop_assert!(!html.contains("<b>") && !html.contains("<!--"), "user markup in HTML");
        // Every '&' starts an entity we wrote.
        for (i, _) in html.match_indices('&') {
            let rest = &html[i..];
            prop_assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| rest.starts_with(e)),
                "bare & in HTML: {:?}", &rest[..rest.len().min(12)]
            );
        }
        let md = export::markdown(&s, &ctx);
        let bare = without_autolinks(&md);
        prop_assert!(!bare.contains('<'), "raw HTML in Markdown");
        for (i, _) in bare.match_indices('&') {
            let rest = &bare[i..];
            prop_assert!(["&amp;", "&lt;", "&gt;"].iter().any(|e| rest.starts_with(e)), "bare & in Markdown");
        }
        // No emphasis, link, image, code, heading, table cell or HTML comes
        // from what the room typed: the structure equals that of plain words.
        // Equal texts stay equal (an owner who is their team is said once).
        let same = |t: &str| fivewhys::export::sanitize::clean_text(t).trim().to_string();
        let first = |t: &String| texts.iter().position(|u| same(u) == same(t)).unwrap_or(0);
        let plain = session_with(texts.iter().map(|t| harmless(first(t), t)).collect());
        let plain_md = export::markdown(&plain, &ctx);
        prop_assert_eq!(structure(&md), structure(&plain_md), "\n{}\n----\n{}", md, plain_md);
    }
}
