//! The email is written for its reader: the first screen of every example
//! says who does what by when; every web address is a link in HTML and
//! Markdown and nothing else is; labels are explained at the foot; the
//! Markdown heading has the date; durations and team owners read as
//! people say them.

mod common;

use fivewhys::export::{self, Context, Format};
use fivewhys::model::{KeyMoment, Session, When};

fn ctx(s: &Session) -> Context {
    Context::for_session(s, "2026-11-22T10:00:00Z".parse().unwrap())
}

fn examples() -> Vec<Session> {
    common::example_files()
        .iter()
        .map(|p| fivewhys::store::parse(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

#[test]
fn the_first_screen_of_every_example_says_who_does_what_by_when() {
    for s in examples() {
        let ctx = ctx(&s);
        let text = export::text(&s, &ctx);
        let first: Vec<&str> = text.lines().take(25).collect();
        for (i, a) in s.actions.iter().enumerate() {
            let label = format!("A{} ", i + 1);
            let line = first
                .iter()
                .find(|l| l.starts_with(&label))
                .unwrap_or_else(|| {
                    panic!("{}: {label}is not in the first 25 lines:\n{text}", s.id)
                });
            let who = a.owner_words().unwrap_or_else(|| "needs an owner".into());
            assert!(line.contains(&who), "{}: {line:?} lacks {who:?}", s.id);
            let when = match a.when(ctx.today) {
                When::Done => "done".to_string(),
                When::Dropped => "dropped".to_string(),
                When::Overdue(d) => format!("overdue since {}", export::format::date(d)),
                When::By(d) => format!("by {}", export::format::date(d)),
                When::NoDate => "needs a date".to_string(),
            };
            assert!(line.contains(&when), "{}: {line:?} lacks {when:?}", s.id);
        }
        // Each root cause in one line, on the first screen too.
        for (i, rc) in s.root_causes().iter().enumerate() {
            let line = format!("RC{} {}", i + 1, rc.answer.trim());
            assert!(
                first.iter().any(|l| l.starts_with(&line)),
                "{}: {line:?} not in the first 25 lines",
                s.id
            );
        }
        assert!(
            !text.contains("NONE YET")
                && !text.contains("NOT SET")
                && !text.contains("ROOT CAUSE RC"),
            "no shouting:\n{text}"
        );
    }
}

/// A session whose address fields hold web addresses, and whose other
/// fields hold things that only look like them.
fn with_addresses() -> (Session, Vec<&'static str>, Vec<&'static str>) {
    let mut s = common::outage();
    let urls = vec![
        "https://grafana.example.com/d/pool?from=1&to=2",
        "https://tracker.example.com/browse/PAY-311",
        "https://status.example.com/incidents/42",
        "http://wiki.example.com/Runbooks/RB-17",
    ];
    let not_urls = vec![
        "PAY-312",
        "www.example.com/ops",
        "javascript:alert(1)",
        "ftp://files.example.com/dump",
    ];
    let root = s.whys[0].children[0].id.clone();
    s.node_mut(&root).unwrap().evidence = format!("Pool graph {}", urls[0]);
    s.actions[0].link = Some(urls[1].into());
    s.actions[1].link = Some(not_urls[0].into());
    s.intake.key_moments.push(KeyMoment {
        at: s.intake.key_moments[0].at,
        what: format!("Status page updated: {}", urls[2]),
    });
    s.intake.summary = format!("{} See {}.", s.intake.summary, urls[3]);
    s.notes = format!(
        "Mirror at {} and {}; {}.",
        not_urls[1], not_urls[2], not_urls[3]
    );
    (s, urls, not_urls)
}

#[test]
fn every_web_address_becomes_a_link_and_nothing_else_does() {
    let (s, urls, not_urls) = with_addresses();
    let ctx = ctx(&s);
    let html = export::export(&s, Format::Html, &ctx);
    for url in &urls {
        let href = format!("<a href=\"{}\" rel=\"noopener\"", url.replace('&', "&amp;"));
        assert!(html.contains(&href), "{url} is a link:\n{html}");
    }
    // Every link is one of them (the outage's own tracker link too).
    let mut own: Vec<String> = urls.iter().map(|u| u.replace('&', "&amp;")).collect();
    own.extend(
        examples()
            .into_iter()
            .flat_map(|e| e.actions.into_iter().filter_map(|a| a.link))
            .filter(|l| l.starts_with("http")),
    );
    for (at, _) in html.match_indices("<a ") {
        let href = &html[at..];
        assert!(
            own.iter()
                .any(|u| href.starts_with(&format!("<a href=\"{u}\""))),
            "an unexpected link: {}",
            &href[..href.len().min(80)]
        );
    }
    for words in &not_urls {
        let shown = words.replace('&', "&amp;");
        assert!(html.contains(&shown), "{words} is kept as words");
        assert!(
            !html.contains(&format!("href=\"{shown}")),
            "{words} is not a link"
        );
    }
    assert!(!html.contains("href=\"javascript"), "never a script link");
    let md = export::export(&s, Format::Markdown, &ctx);
    for url in &urls {
        assert!(
            md.contains(&format!("<{url}>")),
            "{url} is a Markdown link:\n{md}"
        );
    }
    for words in &not_urls {
        assert!(!md.contains(&format!("<{words}")), "{words} is not a link");
    }
}

#[test]
fn labels_are_explained_and_the_markdown_heading_has_the_date() {
    let s = common::outage();
    let ctx = ctx(&s);
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let out = export::export(&s, format, &ctx);
        assert!(
            out.contains("How to read the labels: A3ab is the third why under problem A"),
            "{format:?}"
        );
        assert!(!out.contains("1.1.1"), "{format:?}: no outline numbers");
    }
    let md = export::export(&s, Format::Markdown, &ctx);
    assert!(
        md.starts_with("# Postmortem: Checkout outage during the autumn sale — Mon 2 Nov 2026\n"),
        "{md}"
    );
    // The appendix: each line names itself and what it answers, with no
    // indentation in plain text.
    let text = export::export(&s, Format::Text, &ctx);
    assert!(
        text.contains("\nA3ab (under A2a) “Why did our load tests"),
        "{text}"
    );
    assert!(text.contains("\nA1b (under A) Customers retried"), "{text}");
    assert!(
        !text.lines().any(|l| l.starts_with("  ")),
        "nothing is aligned by spaces"
    );
}

#[test]
fn durations_and_team_owners_read_as_people_say_them() {
    let mut s = common::outage();
    let started = s.intake.started.unwrap();
    s.intake.resolved = Some(started + jiff::SignedDuration::from_mins(24 * 60 + 40));
    s.intake.customer_impact.affected = Some(600);
    s.intake.customer_impact.unit = Some("restaurants".into());
    s.actions[0].owner = None;
    s.actions[0].team = Some("Infrastructure".into());
    let text = export::text(&s, &ctx(&s));
    assert!(text.contains(" · 24 h 40 min · "), "{text}");
    assert!(text.contains("600 restaurants affected"), "{text}");
    assert!(
        text.contains("— Infrastructure (no person yet) · by"),
        "{text}"
    );
    assert!(
        !text.contains("A1 needs an owner"),
        "a team owns it:\n{text}"
    );
}

#[test]
fn a_root_cause_nobody_rated_does_not_read_as_known() {
    let mut s = common::outage();
    let rc = s.root_causes()[0].id.clone();
    s.node_mut(&rc).unwrap().confidence = fivewhys::model::Confidence::NotRated;
    let text = export::export(&s, Format::Text, &ctx(&s));
    let line = text.lines().find(|l| l.starts_with("RC1 ")).unwrap();
    assert!(line.ends_with("(how sure not said)"), "{line}");
    assert!(
        !text
            .lines()
            .skip_while(|l| *l != "STILL TO VERIFY")
            .take_while(|l| !l.is_empty())
            .any(|l| l.contains("RC1")),
        "not listed to verify"
    );
}
