//! A copy of a session safe to export: every user-written string cleaned of
//! control characters, escape sequences and bidi overrides, and optionally
//! redacted (participants' names replaced by their function).

use crate::model::{Session, WhyNode};

use super::sanitize::{clean_line, clean_text};

/// The session with every text field cleaned. For a session typed in
/// fivewhys this is identical to the original.
pub fn cleaned(session: &Session) -> Session {
    let mut s = session.clone();
    map_text(&mut s, &mut |text, multi| {
        if multi {
            clean_text(text)
        } else {
            clean_line(text)
        }
    });
    s
}

/// The session with participants' names replaced by their function, for
/// sharing blamelessly beyond the room. Names are replaced wherever they
/// appear: participant list, "offered by", owners, and free text (whole
/// words, full name first, then first name).
pub fn redacted(session: &Session) -> Session {
    let mut s = cleaned(session);
    let mut names: Vec<(String, String)> = Vec::new();
    for p in &s.participants {
        let function = if p.team.trim().is_empty() {
            "a participant".to_string()
        } else {
            p.team.clone()
        };
        if !p.name.trim().is_empty() {
            names.push((p.name.trim().to_string(), function.clone()));
            if let Some(first) = p.name.split_whitespace().next()
                && first.chars().count() >= 3
                && first != p.name.trim()
            {
                names.push((first.to_string(), function));
            }
        }
    }
    // Longest first, so "Mei Lin" goes before "Mei".
    names.sort_by_key(|(name, _)| std::cmp::Reverse(name.chars().count()));
    for p in &mut s.participants {
        // An address names its person too.
        p.email = None;
        p.name = if p.team.trim().is_empty() {
            "a participant".into()
        } else {
            p.team.clone()
        };
    }
    let replace = |text: &str| replace_words(text, &names);
    // Covers free text, "offered by" and owners alike.
    map_text(&mut s, &mut |text, _| replace(text));
    s
}

fn replace_words(text: &str, names: &[(String, String)]) -> String {
    let mut out = text.to_string();
    for (name, function) in names {
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(i) = rest.find(name.as_str()) {
            let before = rest[..i].chars().next_back();
            let after = rest[i + name.len()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            result.push_str(&rest[..i]);
            if boundary(before) && boundary(after) {
                result.push_str(function);
            } else {
                result.push_str(name);
            }
            rest = &rest[i + name.len()..];
        }
        result.push_str(rest);
        out = result;
    }
    out
}

/// Applies `f` to every string inside a JSON value.
fn map_json_text(value: &mut serde_json::Value, f: &mut dyn FnMut(&str, bool) -> String) {
    match value {
        serde_json::Value::String(s) => *s = f(s, true),
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| map_json_text(v, f)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| map_json_text(v, f)),
        _ => {}
    }
}

/// Applies `f` to every user-written string; `multi` marks multi-line text.
/// Every struct is taken apart without `..`: a new field does not compile
/// until it is decided here whether it holds text.
fn map_text(s: &mut Session, f: &mut dyn FnMut(&str, bool) -> String) {
    let Session {
        schema_version: _,
        id: _,
        title,
        kind,
        time_zone,
        created: _,
        updated: _,
        stage: _,
        intake,
        participants,
        whys,
        actions,
        went_well,
        went_wrong,
        lucky,
        notes,
        meeting: _,
        conflicts,
    } = s;
    // Both values of a clash are the room's words too.
    for crate::model::Conflict {
        on,
        id,
        field: _,
        mine,
        theirs,
    } in conflicts
    {
        if *on == crate::model::ConflictOn::Participant {
            *id = id.as_deref().map(|name| f(name, false));
        }
        for value in [mine, theirs] {
            map_json_text(value, f);
        }
    }
    *title = f(title, false);
    *kind = f(kind, false);
    *time_zone = time_zone.as_deref().map(|z| f(z, false));
    *notes = f(notes, true);
    let crate::model::Intake {
        summary,
        started: _,
        detected: _,
        resolved: _,
        severity: _,
        customer_impact,
        key_moments,
    } = intake;
    *summary = f(summary, true);
    let crate::model::CustomerImpact {
        description,
        affected: _,
        unit,
        channels,
    } = customer_impact;
    *description = f(description, false);
    if let Some(unit) = unit {
        *unit = f(unit, false);
    }
    for c in channels {
        *c = f(c, false);
    }
    for crate::model::KeyMoment { at: _, what } in key_moments {
        *what = f(what, false);
    }
    for crate::model::Participant {
        name,
        team,
        role: _,
        email,
    } in participants
    {
        *name = f(name, false);
        *team = f(team, false);
        if let Some(email) = email {
            *email = f(email, false);
        }
    }
    // Depth first without recursion: chains can be very deep.
    let mut stack: Vec<&mut WhyNode> = whys.make_mut().iter_mut().rev().collect();
    while let Some(node) = stack.pop() {
        let WhyNode {
            id: _,
            question,
            answer,
            confidence: _,
            evidence,
            offered_by,
            root_cause: _,
            children,
        } = node;
        *question = f(question, false);
        *answer = f(answer, false);
        *evidence = f(evidence, false);
        *offered_by = offered_by.as_deref().map(|o| f(o, false));
        stack.extend(children.make_mut().iter_mut().rev());
    }
    for a in actions {
        let crate::model::ActionItem {
            id: _,
            description,
            owner,
            team,
            due: _,
            priority: _,
            status: _,
            link,
            addresses: _,
            created: _,
            completed: _,
            note,
        } = a;
        *description = f(description, false);
        *owner = owner.as_deref().map(|o| f(o, false));
        *team = team.as_deref().map(|t| f(t, false));
        *note = f(note, false);
        *link = link.as_deref().map(|l| f(l, false));
    }
    for list in [went_well, went_wrong, lucky] {
        for w in list {
            *w = f(w, false);
        }
    }
}
