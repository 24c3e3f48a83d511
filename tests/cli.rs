//! The command line as a user runs it, always on a temp data directory.

mod common;

use predicates::prelude::*;
use predicates::str::contains;

use common::fivewhys;

/// A temp data directory with the outage example imported.
fn with_outage() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fivewhys(dir.path())
        .arg("import")
        .arg(common::outage_file())
        .assert()
        .success();
    dir
}

#[test]
fn import_list_show_delete() {
    let dir = tempfile::tempdir().unwrap();
    for file in common::example_files() {
        fivewhys(dir.path())
            .arg("import")
            .arg(&file)
            .assert()
            .success()
            .stderr(contains("imported session"));
    }
    fivewhys(dir.path())
        .arg("list")
        .assert()
        .success()
        .stdout(contains("k3f9ab").and(contains("Checkout outage during the autumn sale")));

    let out = fivewhys(dir.path())
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), common::example_files().len());
    assert_eq!(rows[0]["id"], "m4bx7c", "newest first");
    for key in ["id", "title", "created", "updated", "path"] {
        assert!(rows[0].get(key).is_some(), "{key}");
    }

    fivewhys(dir.path())
        .args(["show", "k3f"])
        .assert()
        .success()
        .stdout(
            contains("Postmortem: Checkout outage during the autumn sale")
                .and(contains("\nRC1 Our config review")),
        );

    fivewhys(dir.path())
        .args(["delete", "k3f"])
        .assert()
        .success()
        .stderr(contains("trash"));
    fivewhys(dir.path())
        .args(["show", "k3f"])
        .assert()
        .code(1)
        .stderr(contains("no session matches"));
}

#[test]
fn unreadable_files_go_to_stderr_with_json_and_stay_untouched() {
    let dir = with_outage();
    let broken = dir.path().join("sessions/broken.json");
    std::fs::write(&broken, "{\"schema_version\": 1, \"id\": ").unwrap();
    let out = fivewhys(dir.path())
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("broken.json") && err.contains("not valid JSON"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "{\"schema_version\": 1, \"id\": "
    );
}

#[test]
fn user_errors_exit_1_and_usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    fivewhys(dir.path())
        .args(["show", "nope"])
        .assert()
        .code(1)
        .stderr(contains("fivewhys: "));
    fivewhys(dir.path())
        .args(["import", "/no/such/file.json"])
        .assert()
        .code(1);
    fivewhys(dir.path()).args(["frobnicate"]).assert().code(2);
}

#[test]
fn import_of_an_invalid_file_names_the_json_path() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    let text = std::fs::read_to_string(common::outage_file())
        .unwrap()
        .replace("\"role\": \"scribe\"", "\"role\": \"boss\"");
    std::fs::write(&bad, text).unwrap();
    fivewhys(&dir.path().join("data"))
        .arg("import")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(contains("$.participants[5].role"));
}

#[test]
fn path_schema_and_completions() {
    let dir = tempfile::tempdir().unwrap();
    fivewhys(dir.path())
        .arg("path")
        .assert()
        .success()
        .stdout(contains(dir.path().to_str().unwrap()));
    let out = fivewhys(dir.path()).arg("schema").output().unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(schema["properties"]["whys"].is_object());
    assert!(schema["properties"]["schema_version"].is_object());
    fivewhys(dir.path())
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(contains("fivewhys"));
}

#[test]
fn data_dir_flag_beats_the_environment() {
    let env_dir = tempfile::tempdir().unwrap();
    let flag_dir = tempfile::tempdir().unwrap();
    fivewhys(env_dir.path())
        .arg("--data-dir")
        .arg(flag_dir.path())
        .arg("path")
        .assert()
        .success()
        .stdout(contains(flag_dir.path().to_str().unwrap()));
}

#[test]
fn the_interactive_screen_explains_itself_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for args in [vec![], vec!["new", "Title"]] {
        fivewhys(dir.path())
            .args(&args)
            .assert()
            .code(1)
            .stderr(contains("needs a terminal"));
    }
}

#[test]
fn export_in_every_format_to_stdout_and_to_a_file() {
    let dir = with_outage();
    for (format, marker) in [
        ("text", "Postmortem: Checkout outage during the autumn sale"),
        (
            "markdown",
            "# Postmortem: Checkout outage during the autumn sale",
        ),
        ("html", "<!DOCTYPE html>"),
        ("json", "\"schema_version\": 4"),
    ] {
        fivewhys(dir.path())
            .args(["export", "k3f", "--format", format])
            .assert()
            .success()
            .stdout(contains(marker));
    }
    let out = dir.path().join("summary.html");
    fivewhys(dir.path())
        .args(["export", "k3f", "--format", "html", "--output"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(!html.contains("<style") && !html.contains("<script") && !html.contains("<link"));
    assert!(html.contains("style=\""));
}

#[test]
fn export_redact_replaces_names_with_functions() {
    let dir = with_outage();
    fivewhys(dir.path())
        .args(["export", "k3f", "--redact"])
        .assert()
        .success()
        .stdout(contains("— Platform engineering · by").and(contains("Mei Lin").not()));
}

#[test]
fn export_copy_without_any_clipboard_writes_the_file_and_says_where() {
    let dir = with_outage();
    let out = fivewhys(dir.path())
        .args(["export", "k3f", "--copy", "--format", "markdown"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "--copy does not print the summary");
    let err = String::from_utf8_lossy(&out.stderr);
    let saved = dir
        .path()
        .join("exports/2026-11-03-checkout-outage-during-the-autumn-sale-k3f9ab.md");
    assert!(err.contains(&saved.display().to_string()), "{err}");
    assert!(
        std::fs::read_to_string(&saved)
            .unwrap()
            .starts_with("# Postmortem")
    );
    // HTML goes to the file as HTML, in a folder only the user can read.
    let out = fivewhys(dir.path())
        .args(["export", "k3f", "--copy", "--format", "html"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = saved.with_extension("html");
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("exports"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "exports/ is private");
    }
}

#[test]
fn exports_are_the_same_from_any_local_time_zone() {
    let dir = tempfile::tempdir().unwrap();
    fivewhys(dir.path())
        .args(["import"])
        .arg(common::outage_file())
        .assert()
        .success();
    for format in ["text", "markdown", "html", "json"] {
        let run = |tz: &str| {
            let out = fivewhys(dir.path())
                .env("TZ", tz)
                .args(["export", "k3f9ab", "--format", format])
                .output()
                .unwrap();
            assert!(out.status.success());
            String::from_utf8(out.stdout).unwrap()
        };
        let tokyo = run("Asia/Tokyo");
        let los_angeles = run("America/Los_Angeles");
        assert_eq!(
            tokyo, los_angeles,
            "{format} depends on the exporter's zone"
        );
        if format == "text" {
            assert!(tokyo.contains("Times are in Europe/London."), "{tokyo}");
            assert!(
                tokyo.contains("08:21 Detected"),
                "in the session's zone: {tokyo}"
            );
        }
    }
}

#[test]
fn kinds_from_the_config_file_name_their_own_words() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[kinds.ops-review]\nname = \"operations review\"\ndocument = \"Ops review\"\naffected = \"orders\"\n",
    )
    .unwrap();
    let mut session: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::outage_file()).unwrap()).unwrap();
    session["kind"] = "ops-review".into();
    let file = dir.path().join("ops.json");
    std::fs::write(&file, session.to_string()).unwrap();
    fivewhys(dir.path())
        .arg("import")
        .arg(&file)
        .assert()
        .success();
    fivewhys(dir.path())
        .args(["export", "k3f9ab"])
        .assert()
        .success()
        .stdout(contains("Ops review: Checkout outage").and(contains("41,250 orders")));
    fivewhys(dir.path())
        .args(["new", "--kind", "nope"])
        .assert()
        .code(1)
        .stderr(contains("ops-review"));
    std::fs::write(
        dir.path().join("config.toml"),
        "[kinds.Bad]\nname = \"x\"\n",
    )
    .unwrap();
    fivewhys(dir.path())
        .args(["export", "k3f9ab"])
        .assert()
        .success()
        .stderr(contains("config.toml:1").and(contains("ignored")))
        .stdout(contains("Postmortem: Checkout outage"));
}

#[test]
fn commands_that_only_print_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("not-yet");
    for args in [
        vec!["path"],
        vec!["schema"],
        vec!["completions", "bash"],
        vec!["--help"],
    ] {
        fivewhys(&data).args(&args).assert().success();
        assert!(!data.exists(), "`{args:?}` created the data folder");
    }
    fivewhys(&data)
        .arg("path")
        .assert()
        .stdout(format!("{}\n", data.display()));
}

#[test]
#[cfg(unix)]
fn import_takes_only_regular_files_of_sensible_size() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    common::mkfifo(&fifo);
    // Refused at once, not read: a pipe would block forever.
    fivewhys(dir.path())
        .arg("import")
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(1)
        .stderr(contains("named pipe"));
    let huge = dir.path().join("huge.json");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(17 * 1024 * 1024).unwrap();
    fivewhys(dir.path())
        .arg("import")
        .arg(&huge)
        .assert()
        .code(1)
        .stderr(contains("larger than 16 MiB"));
}

#[test]
#[cfg(unix)]
fn export_output_replaces_files_only() {
    let dir = with_outage();
    // Output redirected by the shell keeps what came before and after.
    let all = dir.path().join("all.txt");
    let bin = assert_cmd::cargo::cargo_bin("fivewhys");
    let script = format!(
        "{{ echo BEFORE; '{}' export k3f -o /dev/stdout; echo AFTER; }} > '{}'",
        bin.display(),
        all.display()
    );
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(&script)
        .env("FIVEWHYS_DATA_DIR", dir.path())
        .env("FIVEWHYS_CONFIG", dir.path().join("config.toml"))
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&all).unwrap();
    assert!(
        text.starts_with("BEFORE\n")
            && text.ends_with("AFTER\n")
            && text.contains("Checkout outage"),
        "{text}"
    );
    // Replacing a file keeps its mode.
    let shared = dir.path().join("shared.txt");
    std::fs::write(&shared, "old").unwrap();
    std::fs::set_permissions(&shared, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    fivewhys(dir.path())
        .args(["export", "k3f", "-o"])
        .arg(&shared)
        .assert()
        .success();
    use std::os::unix::fs::PermissionsExt as _;
    assert_eq!(
        std::fs::metadata(&shared).unwrap().permissions().mode() & 0o777,
        0o644
    );
    let target = dir.path().join("summary.txt");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    fivewhys(dir.path())
        .args(["export", "k3f", "-o"])
        .arg(&link)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("Postmortem")
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let out = fivewhys(dir.path())
        .args(["export", "k3f", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("folder"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn an_os_error_is_said_once() {
    let dir = with_outage();
    let out = fivewhys(dir.path())
        .args(["export", "k3f", "-o"])
        .arg(dir.path().join("no-such-folder").join("out.txt"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");

    let missing = dir.path().join("never-written.json");
    let out = fivewhys(dir.path())
        .arg("import")
        .arg(&missing)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("never-written.json"), "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
}

#[cfg(unix)]
#[test]
fn list_names_an_unreadable_file_by_its_real_name_escaped_on_one_line() {
    use std::os::unix::ffi::OsStrExt;
    let dir = with_outage();
    let name = std::ffi::OsStr::from_bytes(b"bad\x1b[2Jname\nsplit\xff.json");
    std::fs::write(dir.path().join("sessions").join(name), "not json").unwrap();
    let out = fivewhys(dir.path()).arg("list").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("unreadable:"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains(r"bad\x1b[2Jname\nsplit\xff.json"),
        "the real name, escaped visibly, on one line: {line}"
    );
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn an_unknown_time_zone_is_said_not_silently_made_utc() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::outage_file())
        .unwrap()
        .replace("\"Europe/London\"", "\"Mars/Olympus_Mons\"");
    assert!(
        text.contains("Mars/Olympus_Mons"),
        "the example names a zone"
    );
    let file = dir.path().join("mars.json");
    std::fs::write(&file, text).unwrap();
    let data = dir.path().join("data");
    fivewhys(&data).arg("import").arg(&file).assert().success();
    for args in [
        &["show", "k3f9ab"][..],
        &["export", "k3f9ab", "--format", "markdown"],
    ] {
        fivewhys(&data).args(args).assert().success().stderr(
            contains("\"Mars/Olympus_Mons\" is not known on this machine").and(contains("UTC")),
        );
    }
}

#[test]
fn show_warns_of_clashes_and_action_settles_the_one_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut session: fivewhys::model::Session =
        fivewhys::store::parse(&std::fs::read_to_string(common::outage_file()).unwrap()).unwrap();
    let action = session.action("a-m9x3").unwrap().clone();
    session.conflicts.push(fivewhys::model::Conflict {
        on: fivewhys::model::ConflictOn::Action,
        id: Some(action.id.clone()),
        field: "note".into(),
        mine: action.note.clone().into(),
        theirs: "their note".into(),
    });
    let file = dir.path().join("clash.json");
    std::fs::write(&file, fivewhys::store::to_text(&session)).unwrap();
    let data = dir.path().join("data");
    fivewhys(&data).arg("import").arg(&file).assert().success();
    fivewhys(&data)
        .args(["show", "k3f9ab"])
        .assert()
        .success()
        .stderr(contains("1 field was changed both here and elsewhere").and(contains("then c")));
    fivewhys(&data)
        .args(["action", "k3f9ab/a-m9x3", "--note", "from the shell"])
        .assert()
        .success()
        .stderr(contains(
            "this settles what was changed in two places: note",
        ));
    let path = std::fs::read_dir(data.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let after = fivewhys::store::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(after.conflicts.is_empty());
    assert_eq!(after.action("a-m9x3").unwrap().note, "from the shell");
}

#[test]
fn an_action_is_found_by_the_label_every_summary_shows() {
    let dir = with_outage();
    fivewhys(dir.path())
        .args(["action", "k3f9ab/A2", "--note", "by its label"])
        .assert()
        .success()
        .stdout(contains("k3f9ab/A2"));
    fivewhys(dir.path())
        .args(["action", "k3f/a2"])
        .assert()
        .success()
        .stdout(contains("k3f9ab/A2"));
    // The id scripts keep works as well.
    fivewhys(dir.path())
        .args(["action", "k3f9ab/a-k8w2"])
        .assert()
        .success()
        .stdout(contains("k3f9ab/A2"));
    let file = std::fs::read_dir(dir.path().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let s = fivewhys::store::parse(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(s.action("a-k8w2").unwrap().note, "by its label");
    fivewhys(dir.path())
        .args(["action", "k3f9ab/A9", "--note", "x"])
        .assert()
        .code(1)
        .stderr(contains("no action matches"));
}
