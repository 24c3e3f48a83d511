//! The real binary in a pseudo-terminal: type a title, two whys and an
//! action, quit with Ctrl-C, and read back the JSON file.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
}

impl Screen {
    fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `needle`.
    fn wait_for(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("screen never showed {needle:?}; it shows:\n{}", self.text());
    }

    fn send(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }
}

#[test]
fn type_a_session_quit_with_ctrl_c_and_find_it_on_disk() {
    let data = tempfile::tempdir().unwrap();
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
    cmd.arg(data.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env("TZ", "UTC");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
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
    let mut screen = Screen {
        parser,
        writer: pty.master.take_writer().unwrap(),
    };

    screen.wait_for("No sessions yet");
    screen.send("n");
    screen.wait_for("New session");
    screen.send("Checkout outage\r");
    screen.wait_for("1 Intake");
    screen.send("2");
    screen.wait_for("No problem statement yet");
    screen.send("p");
    screen.send("Checkout failed for a third of customers\r");
    screen.send("w");
    screen.send("Payment calls timed out\r");
    screen.send("w");
    screen.send("The connection pool was capped at 50\r");
    screen.wait_for("Why 2");
    screen.send("3");
    screen.wait_for("No action items yet");
    screen.send("a");
    screen.send("Raise the pool limit and alert on saturation\r");
    screen.wait_for("Raise the pool");
    screen.send("\u{3}");

    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "fivewhys did not quit on Ctrl-C:\n{}",
            screen.text()
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "exit status {status:?}");

    let files: Vec<_> = std::fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let session = fivewhys::store::parse(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    assert_eq!(session.title, "Checkout outage");
    assert_eq!(session.whys.len(), 1);
    let root = &session.whys[0];
    assert_eq!(root.answer, "Checkout failed for a third of customers");
    assert_eq!(root.children.len(), 1);
    assert_eq!(root.children[0].answer, "Payment calls timed out");
    assert_eq!(root.children[0].children.len(), 1);
    assert_eq!(
        root.children[0].children[0].answer,
        "The connection pool was capped at 50"
    );
    assert_eq!(session.actions.len(), 1);
    assert_eq!(
        session.actions[0].description,
        "Raise the pool limit and alert on saturation"
    );
    assert!(files[0].to_string_lossy().contains("checkout-outage"));
}
