//! A shared session file cannot reach the user's terminal: whatever its
//! title, names and texts hold, no command prints an escape sequence, a
//! bell, a C1 control or a bidirectional override, on any path.

mod common;

use assert_cmd::Command;
use fivewhys::model::{Participant, Role, Session, WhyNode};
use fivewhys::store::to_text;

/// Text a hostile file might carry: an OSC title change, a clear screen,
/// an OSC 52 clipboard write, a C1 CSI and a right-to-left override.
const NASTY: &str =
    "\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{202e}txt.exe\u{7}";

fn hostile_session(id: &str) -> Session {
    let created = "2026-11-20T10:00:00Z".parse().unwrap();
    let mut s = Session::with_id(id.into(), format!("Outage {NASTY}"), created);
    s.time_zone = Some("Europe/London".into());
    s.intake.summary = format!("Summary {NASTY}");
    s.participants.push(Participant {
        name: format!("Mallory {NASTY}"),
        team: format!("Team {NASTY}"),
        role: Role::Participant,
        email: None,
    });
    let mut root = WhyNode::new("n-root".into());
    root.answer = format!("Problem {NASTY}");
    let mut why = WhyNode::new("n-why1".into());
    why.answer = format!("Because {NASTY}");
    why.question = format!("Why {NASTY}?");
    why.root_cause = true;
    root.children.make_mut().push(why);
    s.whys.make_mut().push(root);
    let action = s.add_action(created);
    s.actions[0].description = format!("Fix {NASTY}");
    s.actions[0].owner = Some(format!("Mallory {NASTY}"));
    s.toggle_action_link(&action, "n-why1").unwrap();
    s.notes = format!("Notes {NASTY}");
    s
}

fn dangerous(c: char) -> bool {
    matches!(c, '\u{1b}' | '\u{7}' | '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

struct Run {
    data: tempfile::TempDir,
    checked: usize,
}

impl Run {
    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("fivewhys").unwrap();
        cmd.env("FIVEWHYS_DATA_DIR", self.data.path())
            .env("FIVEWHYS_CONFIG", self.data.path().join("config.toml"))
            .env("TZ", "UTC")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY");
        cmd
    }

    /// Runs `fivewhys ARGS` and checks everything it printed.
    fn check(&mut self, args: &[&str]) -> std::process::Output {
        let out = self.cmd().args(args).output().unwrap();
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            if let Some(c) = text.chars().find(|c| dangerous(*c)) {
                panic!(
                    "`fivewhys {args:?}` printed U+{:04X} on {stream}:\n{text:?}",
                    c as u32
                );
            }
        }
        self.checked += 1;
        out
    }
}

#[test]
fn no_command_passes_control_sequences_from_a_session_to_the_terminal() {
    let mut run = Run {
        data: tempfile::tempdir().unwrap(),
        checked: 0,
    };
    let files = tempfile::tempdir().unwrap();
    let first = files.path().join("first.json");
    std::fs::write(&first, to_text(&hostile_session("k3f9ab"))).unwrap();
    let second = files.path().join("second.json");
    std::fs::write(&second, to_text(&hostile_session("k3f9ac"))).unwrap();

    // Success paths.
    assert!(
        run.check(&["import", first.to_str().unwrap()])
            .status
            .success()
    );
    assert!(
        run.check(&["import", second.to_str().unwrap()])
            .status
            .success()
    );
    assert!(run.check(&["list"]).status.success());
    let listed = run.check(&["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert!(
        rows[0]["title"].as_str().unwrap().contains('\u{1b}'),
        "JSON keeps the data, escaped"
    );
    assert!(run.check(&["show", "k3f9ab"]).status.success());
    for format in ["text", "markdown", "html", "json"] {
        assert!(
            run.check(&["export", "k3f9ab", "-f", format])
                .status
                .success()
        );
        assert!(
            run.check(&["export", "k3f9ab", "-f", format, "--redact"])
                .status
                .success()
        );
    }
    let out_file = files.path().join("summary.txt");
    assert!(
        run.check(&["export", "k3f9ab", "-o", out_file.to_str().unwrap()])
            .status
            .success()
    );
    assert!(run.check(&["export", "k3f9ab", "--copy"]).status.success());
    assert!(
        run.check(&["import", "--new-id", first.to_str().unwrap()])
            .status
            .success()
    );
    assert!(run.check(&["path"]).status.success());
    assert!(run.check(&["schema"]).status.success());
    assert!(run.check(&["completions", "bash"]).status.success());

    // Error paths: an ambiguous prefix lists titles, a repeated import
    // names the stored copy, unreadable files give their reasons.
    let ambiguous = run.check(&["show", "k3f9a"]);
    assert_eq!(ambiguous.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&ambiguous.stderr).contains("ambiguous"));
    assert_eq!(
        run.check(&["import", first.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
    let sessions = run.data.path().join("sessions");
    std::fs::write(
        sessions.join(format!("bad-{NASTY}.json")),
        format!("{{\"schema_version\": 3, \"id\": \"{NASTY}\""),
    )
    .unwrap();
    std::fs::write(
        sessions.join("shape.json"),
        to_text(&hostile_session("zz9zzz")).replace(
            "\"confidence\": \"belief\"",
            "\"confidence\": \"\u{1b}]0;PWNED\u{7}\"",
        ),
    )
    .unwrap();
    assert!(run.check(&["list"]).status.success());
    assert!(run.check(&["list", "--json"]).status.success());
    assert_eq!(run.check(&["show", NASTY]).status.code(), Some(1));
    assert_eq!(
        run.check(&["open", sessions.join("shape.json").to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(run.check(&["delete", NASTY]).status.code(), Some(1));
    assert_eq!(run.check(&[NASTY]).status.code(), Some(2), "usage error");
    assert_eq!(
        run.check(&["open", "k3f9ab"]).status.code(),
        Some(1),
        "no terminal"
    );
    let malformed = files.path().join(format!("{NASTY}.json"));
    std::fs::write(&malformed, "{\"title\": \"\u{1b}[2J\"").unwrap();
    assert_eq!(
        run.check(&["import", malformed.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
    assert!(run.check(&["delete", "k3f9ab"]).status.success());
    assert!(run.checked >= 25, "{} commands checked", run.checked);
}
