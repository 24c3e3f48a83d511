//! Follow-through across sessions, as a user runs it: `actions` with each
//! filter and form, `action` changing one (and refusing while the session
//! is open elsewhere), `search`, `stats` on figures worked out by hand, and
//! the config commands.

mod common;

use assert_cmd::Command;
use fivewhys::model::{ActionStatus, Participant, Role, Session};
use fivewhys::store::{LockOutcome, Store, file_name_for, to_text};
use jiff::Timestamp;
use predicates::str::contains;

use common::fivewhys;

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// One session: times of the incident (minutes after 10:00 on `day` for
/// detected and resolved), a root cause, and actions as
/// (description, owner, team, due, status, completed).
struct Spec<'a> {
    id: &'a str,
    title: &'a str,
    day: &'a str,
    detect: Option<i64>,
    resolve: Option<i64>,
    root: &'a str,
    actions: &'a [ActionSpec<'a>],
}

/// (description, owner, team, due, status, completed)
type ActionSpec<'a> = (
    &'a str,
    &'a str,
    &'a str,
    Option<&'a str>,
    ActionStatus,
    Option<&'a str>,
);

fn build(spec: &Spec) -> Session {
    let start = at(&format!("{}T10:00:00Z", spec.day));
    let mut s = Session::with_id(spec.id.into(), spec.title, start);
    s.intake.started = Some(start);
    s.intake.detected = spec
        .detect
        .map(|m| start + jiff::SignedDuration::from_mins(m));
    s.intake.resolved = match (spec.detect, spec.resolve) {
        (Some(d), Some(r)) => Some(start + jiff::SignedDuration::from_mins(d + r)),
        _ => None,
    };
    s.participants.push(Participant {
        name: "Zoë Brandt".into(),
        team: "Payments".into(),
        role: Role::Participant,
        email: None,
    });
    let problem = s.add_problem_statement("Customers could not pay");
    let why = s.ask_why(&problem).unwrap();
    let node = s.node_mut(&why).unwrap();
    node.answer = spec.root.into();
    node.root_cause = true;
    node.evidence = "Dashboard: Crème brûlée graph".into();
    for (desc, owner, team, due, status, completed) in spec.actions {
        let id = s.add_action(start);
        let a = s.action_mut(&id).unwrap();
        a.description = (*desc).into();
        a.owner = (!owner.is_empty()).then(|| owner.to_string());
        a.team = (!team.is_empty()).then(|| team.to_string());
        a.due = due.map(|d| d.parse().unwrap());
        a.status = *status;
        a.completed = completed.map(|c| at(&format!("{c}T12:00:00Z")));
        a.addresses.push(why.clone());
    }
    s
}

use ActionStatus::{Done, Dropped, InProgress, Open};

/// Four sessions whose figures are worked out by hand in `stats_by_hand`.
fn fixture() -> (tempfile::TempDir, Vec<std::path::PathBuf>) {
    let specs = [
        Spec {
            id: "aa1111",
            title: "Checkout pool exhausted",
            day: "2026-09-03",
            detect: Some(20),
            resolve: Some(120),
            root: "The connection pool was too small for the sale",
            actions: &[
                (
                    "Raise the pool limit",
                    "Mei Lin",
                    "Platform",
                    Some("2026-11-10"),
                    Done,
                    Some("2026-11-09"),
                ),
                (
                    "Alert on pool saturation",
                    "Carlos Mendes",
                    "Payments",
                    Some("2026-11-01"),
                    Open,
                    None,
                ),
            ],
        },
        Spec {
            id: "bb2222",
            title: "Ratings fall in the north",
            day: "2026-10-12",
            detect: Some(60),
            resolve: Some(30),
            root: "The pool of couriers shrank and nobody reviewed the limit",
            actions: &[
                (
                    "Review courier limits monthly",
                    "Aisha Khan",
                    "Operations",
                    Some("2026-11-05"),
                    Done,
                    Some("2026-11-08"),
                ),
                (
                    "Add a north-region rating chart",
                    "Zoë Brandt",
                    "Payments",
                    Some("2026-12-01"),
                    InProgress,
                    None,
                ),
            ],
        },
        Spec {
            id: "cc3333",
            title: "Retry storm after deploy",
            day: "2026-10-20",
            detect: Some(5),
            resolve: None,
            root: "Clients retry without backoff",
            actions: &[
                (
                    "Rewrite every client",
                    "",
                    "Platform",
                    None,
                    Dropped,
                    Some("2026-10-25"),
                ),
                ("Add jittered backoff to the SDK", "", "", None, Open, None),
            ],
        },
        Spec {
            id: "dd4444",
            title: "Café orders lost",
            day: "2026-11-02",
            detect: None,
            resolve: None,
            root: "A queue dropped messages over its size limit",
            actions: &[],
        },
    ];
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut paths = Vec::new();
    for spec in &specs {
        let s = build(spec);
        let path = store.sessions_dir().join(file_name_for(&s));
        std::fs::write(&path, to_text(&s)).unwrap();
        paths.push(path);
    }
    (dir, paths)
}

fn json(cmd: &mut Command) -> serde_json::Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn descriptions(rows: &serde_json::Value) -> Vec<String> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r["description"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn actions_filters_sort_and_mark_overdue_from_the_given_day() {
    let (dir, _) = fixture();
    let list = |args: &[&str]| {
        let mut cmd = fivewhys(dir.path());
        cmd.args(["actions", "--today", "2026-11-22", "--json"])
            .args(args);
        json(&mut cmd)
    };
    let all = list(&[]);
    assert_eq!(
        descriptions(&all),
        [
            "Alert on pool saturation",
            "Review courier limits monthly",
            "Raise the pool limit",
            "Add a north-region rating chart",
            "Rewrite every client",
            "Add jittered backoff to the SDK",
        ],
        "soonest due first, undated last"
    );
    for key in [
        "id",
        "session",
        "session_title",
        "description",
        "owner",
        "team",
        "due",
        "priority",
        "status",
        "link",
    ] {
        assert!(all[0].get(key).is_some(), "{key}");
    }
    assert_eq!(all[0]["session"], "aa1111");
    assert_eq!(all[0]["session_title"], "Checkout pool exhausted");
    assert_eq!(all[0]["overdue"], true);
    assert_eq!(all[3]["overdue"], false);

    assert_eq!(
        descriptions(&list(&["--open"])),
        [
            "Alert on pool saturation",
            "Add a north-region rating chart",
            "Add jittered backoff to the SDK"
        ]
    );
    assert_eq!(
        descriptions(&list(&["--overdue"])),
        ["Alert on pool saturation"]
    );
    assert_eq!(
        descriptions(&list(&["--due-within", "9"])),
        [
            "Alert on pool saturation",
            "Add a north-region rating chart"
        ],
        "due by 1 Dec, overdue included"
    );
    assert_eq!(
        descriptions(&list(&["--due-within", "8"])),
        ["Alert on pool saturation"]
    );
    assert_eq!(
        descriptions(&list(&["--owner", "zoe"])),
        ["Add a north-region rating chart"],
        "accents and case ignored"
    );
    assert_eq!(
        descriptions(&list(&["--team", "platform"])),
        ["Raise the pool limit", "Rewrite every client"]
    );
    assert_eq!(
        descriptions(&list(&["--session", "bb"])),
        [
            "Review courier limits monthly",
            "Add a north-region rating chart"
        ]
    );
    // Measured from another day, the same action is not overdue.
    assert_eq!(
        descriptions(&{
            let mut cmd = fivewhys(dir.path());
            cmd.args(["actions", "--overdue", "--today", "2026-10-31", "--json"]);
            json(&mut cmd)
        }),
        Vec::<String>::new()
    );
    // The table marks overdue in words and gives the reference `action` takes.
    fivewhys(dir.path())
        .args(["actions", "--today", "2026-11-22"])
        .assert()
        .success()
        .stdout(contains("2026-11-01 overdue").and(contains("aa1111/A")));
}

use predicates::prelude::PredicateBooleanExt as _;

#[test]
fn csv_reads_back_in_a_csv_parser() {
    let (dir, _) = fixture();
    let out = fivewhys(dir.path())
        .args(["actions", "--csv", "--today", "2026-11-22"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stdout.windows(2).any(|w| w == b"\r\n"),
        "CRLF, as RFC 4180 asks"
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert!(header.contains(&"description".to_string()) && header.contains(&"due".to_string()));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("description")], "Alert on pool saturation");
    assert_eq!(&rows[0][col("overdue")], "yes");
    assert_eq!(&rows[3][col("owner")], "Zoë Brandt");
    // A note that a spreadsheet would run as a formula arrives as text.
    let store = Store::open(dir.path()).unwrap();
    let path = store.resolve("aa1111").unwrap();
    let mut s = store.load(&path).unwrap();
    s.actions[0].note = "=HYPERLINK(\"http://evil.example\",\"x\")".into();
    s.actions[0].description = "@SUM(1)".into();
    store.save(&path, &s).unwrap();
    let out = fivewhys(dir.path())
        .args(["actions", "--csv"])
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = rows
        .iter()
        .find(|r| &r[0] == "aa1111" && r[2] == *"A1")
        .unwrap();
    assert_eq!(
        &row[col("note")],
        "'=HYPERLINK(\"http://evil.example\",\"x\")"
    );
    assert_eq!(&row[col("description")], "'@SUM(1)");
}

#[test]
fn ics_parses_as_icalendar_with_one_todo_per_open_dated_action() {
    let (dir, _) = fixture();
    let out = dir.path().join("actions.ics");
    fivewhys(dir.path())
        .args(["actions", "--ics", "-o"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    let parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendars: Vec<_> = parser.map(Result::unwrap).collect();
    assert_eq!(calendars.len(), 1);
    let todos = &calendars[0].todos;
    let prop = |t: &ical::parser::ical::component::IcalTodo, name: &str| {
        t.properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    let mut summaries: Vec<String> = todos.iter().map(|t| prop(t, "SUMMARY")).collect();
    summaries.sort();
    assert_eq!(
        summaries,
        [
            "Add a north-region rating chart",
            "Alert on pool saturation"
        ],
        "open, with a due date"
    );
    let dues: Vec<String> = todos.iter().map(|t| prop(t, "DUE")).collect();
    assert!(dues.contains(&"20261101".to_string()), "{dues:?}");
    // Exported again, the UIDs are the same: a calendar updates, not doubles.
    let again = fivewhys(dir.path())
        .args(["actions", "--ics"])
        .output()
        .unwrap();
    let again = String::from_utf8(again.stdout).unwrap();
    for t in todos {
        let uid = prop(t, "UID");
        assert!(uid.ends_with("@fivewhys"), "{uid}");
        assert!(again.contains(&uid), "{uid}");
    }
}

#[test]
fn action_changes_each_field_and_refuses_while_the_session_is_open() {
    let (dir, paths) = fixture();
    let store = Store::open(dir.path()).unwrap();
    let session = store.load(&paths[1]).unwrap();
    let id = session.actions[1].id.clone();
    let reference = format!("bb2222/{id}");
    fivewhys(dir.path())
        .args(["action", &reference, "--status", "done"])
        .args(["--owner", "zo", "--due", "2026-12-24"])
        .args([
            "--link",
            "https://tracker.example.com/OPS-9",
            "--note",
            "Shipped in 4.2",
        ])
        .assert()
        .success()
        .stdout(contains("done"));
    let after = store.load(&paths[1]).unwrap();
    let a = after.action(&id).unwrap();
    assert_eq!(a.status, Done);
    assert!(a.completed.is_some(), "completion stamped");
    assert_eq!(
        a.owner.as_deref(),
        Some("Zoë Brandt"),
        "completed to a participant"
    );
    assert_eq!(a.due, Some("2026-12-24".parse().unwrap()));
    assert_eq!(a.link.as_deref(), Some("https://tracker.example.com/OPS-9"));
    assert_eq!(a.note, "Shipped in 4.2");
    assert!(after.updated > session.updated);
    // The action id alone is enough when it is unique; "" clears.
    fivewhys(dir.path())
        .args(["action", &id, "--link", "", "--status", "in-progress"])
        .assert()
        .success();
    let a = store.load(&paths[1]).unwrap().action(&id).unwrap().clone();
    assert_eq!((a.link, a.status, a.completed), (None, InProgress, None));
    // A date typed as a person would.
    fivewhys(dir.path())
        .args(["action", &reference, "--due", "next friday"])
        .assert()
        .success();
    // Held open in the app: refused, the file untouched, the holder named.
    {
        let before = std::fs::read(&paths[1]).unwrap();
        let LockOutcome::Acquired(_lock) = store.lock(&paths[1]).unwrap() else {
            panic!("lock");
        };
        fivewhys(dir.path())
            .args(["action", &reference, "--status", "dropped"])
            .assert()
            .code(1)
            .stderr(contains("open for editing in a fivewhys window (process"));
        assert_eq!(std::fs::read(&paths[1]).unwrap(), before);
    }
    // Ambiguous and unknown references name what to do.
    fivewhys(dir.path())
        .args(["action", "a-", "--status", "done"])
        .assert()
        .code(1)
        .stderr(contains("matches 6 actions"));
    fivewhys(dir.path())
        .args(["action", "zz/none", "--status", "done"])
        .assert()
        .code(1)
        .stderr(contains("no session matches \"zz\""));
    fivewhys(dir.path())
        .args(["action", "bb2222/none", "--status", "done"])
        .assert()
        .code(1)
        .stderr(contains("fivewhys actions"));
    // A change from the shell is not meeting time: the session still
    // counts as last met before it.
    let after = store.load(&paths[1]).unwrap();
    assert_eq!(after.meeting.timer_ran, Some(session.updated));
    fivewhys(dir.path())
        .args(["action", &reference, "--due", "someday"])
        .assert()
        .code(1)
        .stderr(contains("--due"));
}

#[test]
fn search_ignores_case_and_accents_and_says_where() {
    let (dir, _) = fixture();
    let hits = json(fivewhys(dir.path()).args(["search", "POOL", "--json"]));
    let places: Vec<(String, String)> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["session"].as_str().unwrap().to_string(),
                h["place"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for expected in [
        ("aa1111", "title"),
        ("aa1111", "why A1a (RC1)"),
        ("aa1111", "action A1"),
        ("aa1111", "action A2"),
        ("bb2222", "why A1a (RC1)"),
    ] {
        assert!(
            places.contains(&(expected.0.to_string(), expected.1.to_string())),
            "{expected:?} in {places:?}"
        );
    }
    fivewhys(dir.path())
        .args(["search", "cafe"])
        .assert()
        .success()
        .stdout(contains("dd4444  Café orders lost").and(contains("title: Café orders lost")));
    fivewhys(dir.path())
        .args(["search", "creme brulee"])
        .assert()
        .success()
        .stdout(contains(
            "why A1a (RC1) evidence: Dashboard: Crème brûlée graph",
        ));
    fivewhys(dir.path())
        .args(["search", "nowhere to be found"])
        .assert()
        .success()
        .stderr(contains("nothing matches"));
}

#[test]
fn stats_by_hand() {
    let (dir, _) = fixture();
    let f = json(fivewhys(dir.path()).args(["stats", "--today", "2026-11-22", "--json"]));
    assert_eq!(f["sessions"], 4);
    // Detect 20, 60, 5 min: median 20, 90th percentile (nearest rank 3 of 3) 60.
    assert_eq!(f["time_to_detect"]["median_minutes"], 20);
    assert_eq!(f["time_to_detect"]["p90_minutes"], 60);
    assert_eq!(f["time_to_detect"]["count"], 3);
    // Resolve 120, 30: median (rank 1 of 2) 30, 90th (rank 2) 120.
    assert_eq!(f["time_to_resolve"]["median_minutes"], 30);
    assert_eq!(f["time_to_resolve"]["p90_minutes"], 120);
    let a = &f["actions"];
    assert_eq!(
        (
            a["done_on_time"].as_u64(),
            a["done_late"].as_u64(),
            a["overdue"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(
        (a["open"].as_u64(), a["dropped"].as_u64()),
        (Some(2), Some(1))
    );
    // "limit" and "pool" are each in the root causes of two sessions;
    // nothing else recurs.
    let words: Vec<(&str, u64)> = f["root_cause_words"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["word"].as_str().unwrap(), w["sessions"].as_u64().unwrap()))
        .collect();
    assert_eq!(words, [("limit", 2), ("pool", 2)]);
    let months: Vec<(String, u64, u64)> = f["per_month"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap().to_string(),
                m["sessions"].as_u64().unwrap(),
                m["overdue_actions"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2026-09".to_string(), 1, 0),
            ("2026-10".to_string(), 2, 0),
            ("2026-11".to_string(), 1, 1)
        ]
    );
    assert_eq!(f["teams"][0]["team"], "Payments");
    assert_eq!(f["teams"][0]["actions"], 2);
    // --since leaves out what came before.
    let f = json(fivewhys(dir.path()).args(["stats", "--since", "2026-10-15", "--json"]));
    assert_eq!(f["sessions"], 2);
    fivewhys(dir.path())
        .args(["stats", "--today", "2026-11-22"])
        .assert()
        .success()
        .stdout(
            contains("33% of actions that came due were done on time").and(contains("pool (2)")),
        );
}

#[test]
fn config_path_init_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fivewhys(dir.path())
        .args(["config", "path"])
        .assert()
        .success()
        .stdout(contains("config.toml"))
        .stderr(contains("config init"));
    fivewhys(dir.path())
        .args(["config", "check"])
        .assert()
        .success()
        .stderr(contains("defaults"));
    fivewhys(dir.path())
        .args(["config", "init"])
        .assert()
        .success();
    let written = std::fs::read_to_string(&config).unwrap();
    assert!(written.contains("# due_in_days"));
    fivewhys(dir.path())
        .args(["config", "check"])
        .assert()
        .success()
        .stderr(contains("valid"));
    fivewhys(dir.path())
        .args(["config", "init"])
        .assert()
        .code(1)
        .stderr(contains("already exists"));
    std::fs::write(&config, "theme = \"dark\"\n\ndue_in_days = \"soon\"\n").unwrap();
    fivewhys(dir.path())
        .args(["config", "check"])
        .assert()
        .code(1)
        .stderr(contains("config.toml:3:").and(contains("due_in_days")));
    std::fs::write(&config, "[timebox]\nwhys = 25\nlunch = 60\n").unwrap();
    fivewhys(dir.path())
        .args(["config", "check"])
        .assert()
        .code(1)
        .stderr(contains(":3:").and(contains("lunch")));
    // Commands that need no config never fail because of it.
    fivewhys(dir.path()).arg("path").assert().success();
    fivewhys(dir.path())
        .arg("list")
        .assert()
        .success()
        .stderr(contains("the config file is ignored"));
}

#[test]
fn man_page_and_completions_name_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    fivewhys(dir.path())
        .arg("man")
        .assert()
        .success()
        .stdout(contains(".TH fivewhys").and(contains("actions")));
}

#[test]
fn bash_completes_session_ids_from_the_store() {
    let (dir, _) = fixture();
    let script = dir.path().join("complete.bash");
    let out = fivewhys(dir.path())
        .args(["completions", "bash"])
        .output()
        .unwrap();
    std::fs::write(&script, &out.stdout).unwrap();
    let bin_dir = assert_cmd::cargo::cargo_bin("fivewhys")
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // What bash does at `fivewhys show b<Tab>`.
    let run = |words: &str, cword: usize| {
        let shell = format!(
            "source '{}'; COMP_WORDS=({words}); COMP_CWORD={cword}; \
             _clap_complete_fivewhys fivewhys \"${{COMP_WORDS[$COMP_CWORD]}}\" \"${{COMP_WORDS[$COMP_CWORD-1]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(shell)
            .env("PATH", &path)
            .env("FIVEWHYS_DATA_DIR", dir.path())
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let ids = run("fivewhys show b", 2);
    assert_eq!(ids.trim(), "bb2222", "{ids}");
    let all = run("fivewhys export ''", 2);
    for id in ["aa1111", "bb2222", "cc3333", "dd4444"] {
        assert!(all.contains(id), "{all}");
    }
    let commands = run("fivewhys sta", 1);
    assert_eq!(commands.trim(), "stats", "{commands}");
}

#[test]
fn open_actions_from_the_listing_match_those_read_from_the_files() {
    let (dir, _) = fixture();
    let all = json(fivewhys(dir.path()).args(["actions", "--today", "2026-11-22", "--json"]));
    let open_from_files: Vec<&serde_json::Value> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "open" || r["status"] == "in_progress")
        .collect();
    // --open is answered from the listing cache, not the files.
    let open =
        json(fivewhys(dir.path()).args(["actions", "--open", "--today", "2026-11-22", "--json"]));
    let open: Vec<&serde_json::Value> = open.as_array().unwrap().iter().collect();
    assert_eq!(open, open_from_files);
}
