//! Builds the summary document from a session, once, for every format:
//! header and status first, then summary, impact, root causes (RC1 …),
//! actions (A1 …), what went well, wrong and lucky, the timeline, who took
//! part, and the why tree with its questions as an appendix. Pure.

use std::collections::BTreeMap;

use jiff::Timestamp;

use super::Context;
use super::document::{Block, Fact, Item, Run, Section, Summary, Text, plain};
use super::format;
use crate::model::{ActionStatus, Lesson, Role, Session, WhyNode};

/// The summary of `session` (already cleaned of control characters).
pub fn summary(s: &Session, ctx: &Context) -> Summary {
    let words = s.words();
    let title = if s.title.trim().is_empty() {
        "Untitled session".to_string()
    } else {
        s.title.trim().to_string()
    };
    let day = s
        .intake
        .first_known()
        .map(|at| at.to_zoned(ctx.tz.clone()).date());
    let roots = s.root_cause_labels();
    let numbers = s.labels();
    let mut sections = vec![summary_section(s), impact(s, &words.affected)];
    sections.push(root_causes(s, &roots));
    sections.push(actions(s, ctx, &roots, &numbers));
    for lesson in Lesson::ALL {
        let items = s.lessons(lesson);
        if !items.is_empty() {
            sections.push(Section {
                heading: lesson.heading().into(),
                blocks: vec![Block::Bullets(
                    items.iter().map(|i| plain(i.trim())).collect(),
                )],
            });
        }
    }
    sections.push(to_verify(s, &roots, &numbers));
    sections.push(timeline(s, ctx));
    sections.push(people(s, ctx.redacted));
    if !s.notes.trim().is_empty() {
        sections.push(Section {
            heading: "Notes".into(),
            blocks: vec![Block::Paragraphs(paragraphs(&s.notes))],
        });
    }
    sections.push(why_tree(s, &roots, &numbers));
    sections.retain(|section| !section.blocks.is_empty());
    Summary {
        subject: match day {
            Some(day) => format!("{}: {title} — {}", words.document, format::date(day)),
            None => format!("{}: {title}", words.document),
        },
        title: format!("{}: {title}", words.document),
        facts: header(s, ctx, &words),
        status: status(s, ctx),
        sections,
    }
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

fn header(s: &Session, ctx: &Context, words: &crate::model::Vocabulary) -> Vec<Fact> {
    let intake = &s.intake;
    let mut facts = Vec::new();
    let date = |at: Timestamp| Run::Unbroken(format::date(at.to_zoned(ctx.tz.clone()).date()));
    facts.push(match intake.first_known() {
        Some(at) => Fact::runs("Date", vec![date(at)]),
        None => Fact::runs(
            "Date",
            vec![
                Run::Warn("NOT RECORDED".into()),
                Run::Plain(" (meeting held ".into()),
                date(s.created),
                Run::Plain(")".into()),
            ],
        ),
    });
    if let Some(severity) = intake.severity {
        facts.push(Fact::new("Severity", words.severity(severity)));
    }
    match (intake.duration(), intake.started) {
        (Some(d), _) => facts.push(Fact::runs(
            "Duration",
            vec![Run::Unbroken(format::duration(d))],
        )),
        (None, Some(_)) if intake.resolved.is_none() => facts.push(Fact::runs(
            "Duration",
            vec![Run::Warn(words.ongoing.clone())],
        )),
        _ => {}
    }
    if let Some(d) = intake.time_to_detect() {
        facts.push(Fact::runs(
            "Time to detect",
            vec![Run::Unbroken(format::duration(d))],
        ));
    }
    if let Some(n) = intake.customer_impact.affected {
        facts.push(Fact::runs(
            words.affected_label(),
            vec![Run::Unbroken(format::thousands(n))],
        ));
    }
    facts.push(Fact::new("Times are in", ctx.zone_name.clone()));
    facts
}

fn status(s: &Session, ctx: &Context) -> Text {
    let count = |status: ActionStatus| s.actions.iter().filter(|a| a.status == status).count();
    let gaps = s.gaps();
    let overdue = s.actions.iter().filter(|a| a.is_overdue(ctx.today)).count();
    let mut out = Vec::new();
    if s.actions.is_empty() {
        out.push(Run::Warn("No actions yet".into()));
    } else {
        let mut parts = Vec::new();
        for (status, word) in [
            (ActionStatus::Done, "done"),
            (ActionStatus::InProgress, "in progress"),
            (ActionStatus::Open, "open"),
            (ActionStatus::Dropped, "dropped"),
        ] {
            match count(status) {
                0 => {}
                n => parts.push(format!("{n} {word}")),
            }
        }
        let n = s.actions.len();
        out.push(Run::Plain(format!(
            "{n} action{}: {}",
            if n == 1 { "" } else { "s" },
            parts.join(", ")
        )));
        let mut problems = Vec::new();
        if overdue > 0 {
            problems.push(format!("{overdue} overdue"));
        }
        if gaps.unowned > 0 {
            problems.push(format!("{} unowned", gaps.unowned));
        }
        if gaps.undated > 0 {
            problems.push(format!("{} without a due date", gaps.undated));
        }
        let mut warning = problems.join(", ");
        match gaps.unaddressed {
            0 => {}
            1 => warning.push_str("; 1 root cause has no action"),
            n => warning.push_str(&format!("; {n} root causes have no action")),
        }
        let warning = warning.trim_start_matches("; ").to_string();
        if !warning.is_empty() {
            out.push(Run::Plain(" — ".into()));
            out.push(Run::Warn(warning));
        }
        return out;
    }
    match gaps.unaddressed {
        0 => {}
        1 => out.push(Run::Warn("; 1 root cause has no action".into())),
        n => out.push(Run::Warn(format!("; {n} root causes have no action"))),
    }
    out
}

fn summary_section(s: &Session) -> Section {
    let mut facts = Vec::new();
    for (i, root) in s.whys.iter().enumerate() {
        let label = if s.whys.len() > 1 {
            format!("Problem {}", i + 1)
        } else {
            "Problem".to_string()
        };
        facts.push(Fact::new(label, non_empty(&root.answer, "(not stated)")));
    }
    let mut blocks = Vec::new();
    if !facts.is_empty() {
        blocks.push(Block::Facts(facts));
    }
    let text = paragraphs(&s.intake.summary);
    if !text.is_empty() {
        blocks.push(Block::Paragraphs(text));
    }
    Section {
        heading: "Summary".into(),
        blocks,
    }
}

fn impact(s: &Session, affected: &str) -> Section {
    let impact = &s.intake.customer_impact;
    let mut blocks = Vec::new();
    let text = paragraphs(&impact.description);
    if !text.is_empty() {
        blocks.push(Block::Paragraphs(text));
    }
    let mut facts = Vec::new();
    if let Some(n) = impact.affected {
        facts.push(Fact::runs(
            "How many",
            vec![Run::Unbroken(format!(
                "{} {affected}",
                format::thousands(n)
            ))],
        ));
    }
    if !impact.channels.is_empty() {
        facts.push(Fact::new("Through", impact.channels.join(", ")));
    }
    if !facts.is_empty() {
        blocks.push(Block::Facts(facts));
    }
    Section {
        heading: "Impact".into(),
        blocks,
    }
}

fn non_empty(text: &str, fallback: &str) -> String {
    if text.trim().is_empty() {
        fallback.to_string()
    } else {
        text.trim().to_string()
    }
}

/// Action labels A1, A2 … by id.
fn action_labels(s: &Session) -> BTreeMap<String, String> {
    s.actions
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), format!("A{}", i + 1)))
        .collect()
}

fn root_causes(s: &Session, roots: &BTreeMap<String, String>) -> Section {
    let labels = action_labels(s);
    let items = s
        .root_causes()
        .into_iter()
        .map(|node| {
            let addressed: Vec<String> = s
                .actions
                .iter()
                .filter(|a| a.addresses.contains(&node.id) && a.status != ActionStatus::Dropped)
                .map(|a| labels[&a.id].clone())
                .collect();
            let mut facts = vec![Fact::new("How sure", node.confidence.label())];
            facts.push(if addressed.is_empty() {
                Fact::runs("Actions", vec![Run::Warn("NONE YET".into())])
            } else {
                Fact::new("Actions", addressed.join(", "))
            });
            Item {
                label: Some(Run::Strong(format!("ROOT CAUSE {}", roots[&node.id]))),
                before: None,
                text: plain(non_empty(&node.answer, "(no answer yet)")),
                facts,
                depth: 0,
            }
        })
        .collect::<Vec<_>>();
    Section {
        heading: "Root causes".into(),
        blocks: if items.is_empty() {
            Vec::new()
        } else {
            vec![Block::Items(items)]
        },
    }
}

/// How an action names what it addresses: "RC1", or an answer by number.
fn addressed(
    s: &Session,
    id: &str,
    roots: &BTreeMap<String, String>,
    numbers: &BTreeMap<String, String>,
) -> Option<String> {
    let node = s.node(id)?;
    Some(match roots.get(id) {
        Some(label) => label.clone(),
        None => format!(
            "answer {} ({})",
            numbers[id],
            non_empty(&node.answer, "no answer yet")
        ),
    })
}

fn actions(
    s: &Session,
    ctx: &Context,
    roots: &BTreeMap<String, String>,
    numbers: &BTreeMap<String, String>,
) -> Section {
    let items = s
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut facts = Vec::new();
            facts.push(match (&a.owner, &a.team) {
                // Redacted, an owner is their function: say it once.
                (Some(o), Some(t)) if o.trim() == t.trim() => Fact::new("Owner", o.trim()),
                (Some(o), Some(t)) => Fact::new("Owner", format!("{} ({})", o.trim(), t.trim())),
                (Some(o), None) => Fact::new("Owner", o.trim()),
                (None, Some(t)) => Fact::runs(
                    "Owner",
                    vec![
                        Run::Warn("NONE YET".into()),
                        Run::Plain(format!(" ({})", t.trim())),
                    ],
                ),
                (None, None) => Fact::runs("Owner", vec![Run::Warn("NONE YET".into())]),
            });
            facts.push(match a.due {
                Some(due) if a.is_overdue(ctx.today) => Fact::runs(
                    "Due",
                    vec![
                        Run::Warn("OVERDUE".into()),
                        Run::Plain(", was due ".into()),
                        Run::Unbroken(format::date(due)),
                    ],
                ),
                Some(due) => Fact::runs("Due", vec![Run::Unbroken(format::date(due))]),
                None => Fact::runs("Due", vec![Run::Warn("NOT SET".into())]),
            });
            facts.push(Fact::new("Priority", a.priority.label()));
            facts.push(Fact::new("Status", a.status.label()));
            if let Some(link) = a.link.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
                facts.push(Fact::new("Tracked in", link));
            }
            let targets: Vec<String> = a
                .addresses
                .iter()
                .filter_map(|id| addressed(s, id, roots, numbers))
                .collect();
            if !targets.is_empty() {
                facts.push(Fact::new("Addresses", targets.join("; ")));
            }
            if !a.note.trim().is_empty() {
                facts.push(Fact::new("Note", a.note.trim()));
            }
            Item {
                label: Some(Run::Strong(format!("A{}", i + 1))),
                before: None,
                text: plain(non_empty(&a.description, "(not written yet)")),
                facts,
                depth: 0,
            }
        })
        .collect::<Vec<_>>();
    Section {
        heading: "Actions".into(),
        blocks: if items.is_empty() {
            Vec::new()
        } else {
            vec![Block::Items(items)]
        },
    }
}

fn to_verify(
    s: &Session,
    roots: &BTreeMap<String, String>,
    numbers: &BTreeMap<String, String>,
) -> Section {
    let items: Vec<Text> = s
        .to_verify()
        .into_iter()
        .map(|n| {
            let name = roots
                .get(&n.id)
                .cloned()
                .unwrap_or_else(|| numbers[&n.id].clone());
            vec![
                Run::Strong(format!("{} ", n.confidence.label().to_uppercase())),
                Run::Plain(format!(
                    "{name}: {}",
                    non_empty(&n.answer, "(no answer yet)")
                )),
            ]
        })
        .collect();
    Section {
        heading: "Still to verify".into(),
        blocks: if items.is_empty() {
            Vec::new()
        } else {
            vec![Block::Bullets(items)]
        },
    }
}

fn timeline(s: &Session, ctx: &Context) -> Section {
    let intake = &s.intake;
    let mut moments: Vec<(Timestamp, Run)> = Vec::new();
    for (at, what) in [
        (intake.started, "Started"),
        (intake.detected, "Detected"),
        (intake.resolved, "Resolved"),
    ] {
        if let Some(at) = at {
            moments.push((at, Run::Strong(what.into())));
        }
    }
    for m in &intake.key_moments {
        moments.push((m.at, Run::Plain(m.what.trim().to_string())));
    }
    moments.sort_by_key(|(at, _)| *at);
    let mut last_day = None;
    let items: Vec<Text> = moments
        .into_iter()
        .map(|(at, what)| {
            let zoned = at.to_zoned(ctx.tz.clone());
            // The date once per day; times alone after it.
            let when = if last_day == Some(zoned.date()) {
                format::clock(at, &ctx.tz)
            } else {
                last_day = Some(zoned.date());
                format!(
                    "{} {}",
                    format::date(zoned.date()),
                    format::clock(at, &ctx.tz)
                )
            };
            vec![Run::Unbroken(when), Run::Plain(" ".into()), what]
        })
        .collect();
    Section {
        heading: "Timeline".into(),
        blocks: if items.is_empty() {
            Vec::new()
        } else {
            vec![Block::Bullets(items)]
        },
    }
}

fn people(s: &Session, redacted: bool) -> Section {
    let mut by_team: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in &s.participants {
        let team = non_empty(&p.team, "No team given");
        let role = match p.role {
            Role::Participant => String::new(),
            role => role.label().to_string(),
        };
        let entry = if redacted {
            role
        } else if role.is_empty() {
            p.name.trim().to_string()
        } else {
            format!("{} ({role})", p.name.trim())
        };
        by_team.entry(team).or_default().push(entry);
    }
    let items: Vec<Text> = by_team
        .into_iter()
        .map(|(team, names)| {
            let text = if redacted {
                let roles: Vec<String> = names.iter().filter(|r| !r.is_empty()).cloned().collect();
                let n = names.len();
                let people = if n == 1 {
                    "1 person".to_string()
                } else {
                    format!("{n} people")
                };
                if roles.is_empty() {
                    format!("{team}: {people}")
                } else {
                    format!("{team}: {people} ({})", roles.join(", "))
                }
            } else {
                format!("{team}: {}", names.join(", "))
            };
            plain(text)
        })
        .collect();
    Section {
        heading: "Who took part".into(),
        blocks: if items.is_empty() {
            Vec::new()
        } else {
            vec![Block::Bullets(items)]
        },
    }
}

fn why_tree(
    s: &Session,
    roots: &BTreeMap<String, String>,
    numbers: &BTreeMap<String, String>,
) -> Section {
    let items: Vec<Item> = s
        .why_nodes()
        .into_iter()
        .map(|(depth, node)| tree_item(node, depth, roots, numbers))
        .collect();
    Section {
        heading: "Appendix: the why chain".into(),
        blocks: if items.is_empty() {
            Vec::new()
        } else {
            vec![Block::Items(items)]
        },
    }
}

fn tree_item(
    node: &WhyNode,
    depth: usize,
    roots: &BTreeMap<String, String>,
    numbers: &BTreeMap<String, String>,
) -> Item {
    let mut facts = Vec::new();
    if depth > 0 {
        let sure = node.confidence.label();
        facts.push(match node.confidence.to_verify() {
            false => Fact::new("How sure", sure),
            true => Fact::runs("How sure", vec![Run::Plain(format!("{sure} (to verify)"))]),
        });
    }
    if let Some(label) = roots.get(&node.id) {
        facts.push(Fact::runs("Root cause", vec![Run::Strong(label.clone())]));
    }
    if !node.evidence.trim().is_empty() {
        facts.push(Fact::new("Evidence", node.evidence.trim()));
    }
    if let Some(who) = node.offered_by.as_deref().filter(|w| !w.trim().is_empty()) {
        facts.push(Fact::new("Offered by", who.trim()));
    }
    let text = if depth == 0 {
        plain(format!(
            "Problem: {}",
            non_empty(&node.answer, "(not stated)")
        ))
    } else {
        plain(non_empty(&node.answer, "(no answer yet)"))
    };
    Item {
        label: Some(Run::Strong(numbers[&node.id].clone())),
        before: Some(node.question.trim())
            .filter(|q| !q.is_empty())
            .map(|q| plain(format!("Asked: {q}"))),
        text,
        facts,
        depth,
    }
}
