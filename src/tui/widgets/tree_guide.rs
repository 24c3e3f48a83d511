//! Tree guides: the `├─ └─ │` in front of an answer that tell a sibling
//! from a child at any depth (the Whys outline and the presenter's tree).

/// The guide in front of an answer's mark, `step` columns a level (2 or
/// 3): for each level above it `│` where that level goes on below, then
/// `├─` (more causes follow) or `└─` (the last). `open` says, from the
/// problem statement down to the answer, whether the node at each level
/// has a sibling after it; a problem statement has no guide. `hanging`
/// gives the guide for a wrapped line of the answer instead
/// (`Some(has_children)` carries a line down to its children, under its
/// mark). Never wider than `budget` columns: deeper, the levels nearest
/// the problem give way to `… `, so the nearest ones, which tell a sibling
/// from a child, always show.
pub fn guide(open: &[bool], budget: usize, hanging: Option<bool>, step: usize) -> String {
    let Some((own, above)) = open.get(1..).and_then(|levels| levels.split_last()) else {
        return String::new();
    };
    let step = step.max(2);
    let pad = |s: &str| format!("{s}{}", " ".repeat(step - 2));
    let (line, branch, last, blank) = (pad("│ "), pad("├─"), pad("└─"), " ".repeat(step));
    let levels = open.len() - 1;
    let room = (budget / step).max(2);
    // Deeper than the room: only the levels nearest the answer are drawn
    // (built from those alone, so a very deep chain costs no more).
    let (skipped, above) = if levels > room {
        let keep = room - 2;
        (true, &above[above.len() - keep.min(above.len())..])
    } else {
        (false, above)
    };
    let mut parts: Vec<String> = above
        .iter()
        .map(|&o| if o { line.clone() } else { blank.clone() })
        .collect();
    match hanging {
        None => parts.push(if *own { branch } else { last }),
        Some(has_children) => {
            parts.push(if *own { line.clone() } else { blank.clone() });
            parts.push(if has_children { "│" } else { " " }.to_string());
        }
    }
    if skipped {
        return format!("…{}{}", " ".repeat(step - 1), parts.concat());
    }
    parts.concat()
}

#[cfg(test)]
mod tests {
    use super::guide;

    #[test]
    fn guides_tell_a_sibling_from_a_child_at_any_depth() {
        // A problem statement has no guide; its first of two causes hangs
        // on ├─, the last on └─, and a level that goes on below shows │.
        assert_eq!(guide(&[false], 12, None, 2), "");
        assert_eq!(guide(&[false, true], 12, None, 2), "├─");
        assert_eq!(guide(&[false, true, false], 12, None, 2), "│ └─");
        assert_eq!(guide(&[false, false, true], 12, None, 2), "  ├─");
        assert_eq!(guide(&[false, true, false], 26, None, 3), "│  └─ ");
        // A wrapped line carries the guides down, and a line to its
        // children under its mark.
        assert_eq!(guide(&[false, true, false], 12, Some(true), 2), "│   │");
        assert_eq!(guide(&[false, true, false], 26, Some(false), 3), "│      ");
        // Twelve levels down with 12 columns for the guide: the levels nearest the problem
        // give way to "… ", the nearest ones still tell sibling from child.
        let mut open = vec![false; 13];
        open[11] = true;
        let row = guide(&open, 12, None, 2);
        assert_eq!(row, "…       │ └─");
        assert!(crate::tui::widths::width(&row) <= 12);
        open[12] = true;
        assert_eq!(guide(&open, 12, None, 2), "…       │ ├─");
    }
}
