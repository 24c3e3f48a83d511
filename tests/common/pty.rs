//! The real binary in a pseudo-terminal, its screen parsed with vt100.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// A running fivewhys and what its terminal shows.
pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Bytes to type, written in order by a thread of their own, so that a
    /// program that stops reading cannot block the test past its deadline.
    keys: std::sync::mpsc::Sender<Vec<u8>>,
    /// The process.
    pub child: Box<dyn Child + Send + Sync>,
}

impl Pty {
    /// Starts `fivewhys --data-dir DIR ARGS…` in an 80×24 terminal.
    pub fn start(data: &Path, args: &[&str]) -> Pty {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_fivewhys"));
        cmd.arg("--data-dir");
        cmd.arg(data);
        for a in args {
            cmd.arg(a);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("TZ", "UTC");
        // No colour query (the test terminal never answers it) and no
        // config file outside the test's own folder.
        cmd.env("FIVEWHYS_THEME", "dark");
        cmd.env("FIVEWHYS_CONFIG", data.join("config.toml"));
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let feed = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        let mut writer = pty.master.take_writer().unwrap();
        let (keys, queue) = std::sync::mpsc::channel::<Vec<u8>>();
        std::thread::spawn(move || {
            for bytes in queue {
                if writer
                    .write_all(&bytes)
                    .and_then(|()| writer.flush())
                    .is_err()
                {
                    break;
                }
            }
        });
        // The master must outlive the child.
        std::mem::forget(pty.master);
        Pty {
            parser,
            keys,
            child,
        }
    }

    /// What the screen shows now.
    pub fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `needle`.
    pub fn wait_for(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("screen never showed {needle:?}; it shows:\n{}", self.text());
    }

    /// Waits until the screen no longer shows `needle`.
    pub fn wait_gone(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if !self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("screen still shows {needle:?}:\n{}", self.text());
    }

    /// Types `text` (no bracketed paste) and waits a moment.
    pub fn send(&mut self, text: &str) {
        self.send_now(text);
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Writes `text` to the terminal in one go, as a fast typist or a
    /// terminal without paste brackets would; returns at once.
    pub fn send_now(&self, text: &str) {
        let _ = self.keys.send(text.as_bytes().to_vec());
    }

    /// Waits for the process to end; returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(
                Instant::now() < deadline,
                "fivewhys did not exit:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends a signal to the process.
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().unwrap().to_string();
        let ok = std::process::Command::new("kill")
            .args([format!("-{name}"), pid])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -{name} failed");
    }
}

/// The session files in a data directory.
pub fn session_files(data: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(data.join("sessions"))
        .map(|dir| {
            dir.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default()
}
