//! Reading terminal events on their own thread.
//!
//! crossterm's reader can spin forever once the terminal hangs up, and it
//! never reports a dead terminal; so the event loop never blocks inside it
//! (it waits on a channel, and so always sees SIGHUP), and this thread
//! checks for a hang-up itself whenever it has been quiet for a moment.

use std::io;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

/// An event read from the terminal (or the error that ended reading),
/// with when it was read: keys read microseconds apart came in one read,
/// as a paste does (see `burst`).
pub type Read = (Instant, io::Result<Event>);

/// Starts the reader; events (or the error that ended reading) arrive on
/// the channel, each stamped with when it was read.
pub fn spawn_reader() -> Receiver<Read> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let hangup = Hangup::watch();
        loop {
            match event::poll(Duration::from_millis(500)) {
                Ok(true) => {
                    let event = event::read();
                    let failed = event.is_err();
                    if tx.send((Instant::now(), event)).is_err() || failed {
                        break;
                    }
                }
                Ok(false) => {
                    if hangup.happened() {
                        let _ = tx.send((
                            Instant::now(),
                            Err(io::Error::new(
                                io::ErrorKind::UnexpectedEof,
                                "the terminal hung up",
                            )),
                        ));
                        break;
                    }
                }
                Err(e) => {
                    let _ = tx.send((Instant::now(), Err(e)));
                    break;
                }
            }
        }
    });
    rx
}

/// Notices that the terminal crossterm reads from has hung up.
struct Hangup {
    #[cfg(unix)]
    tty: Option<std::os::fd::OwnedFd>,
}

impl Hangup {
    #[cfg(unix)]
    fn watch() -> Hangup {
        use std::io::IsTerminal;
        use std::os::fd::AsFd;
        // crossterm reads stdin when it is a terminal, else /dev/tty.
        let tty = if io::stdin().is_terminal() {
            io::stdin().as_fd().try_clone_to_owned().ok()
        } else {
            std::fs::File::open("/dev/tty").ok().map(Into::into)
        };
        Hangup { tty }
    }

    #[cfg(not(unix))]
    fn watch() -> Hangup {
        Hangup {}
    }

    #[cfg(unix)]
    fn happened(&self) -> bool {
        use rustix::event::{PollFd, PollFlags, Timespec};
        let Some(tty) = &self.tty else {
            return false;
        };
        let mut fds = [PollFd::new(tty, PollFlags::empty())];
        let zero = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        matches!(rustix::event::poll(&mut fds, Some(&zero)), Ok(n) if n > 0)
            && fds[0]
                .revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
    }

    #[cfg(not(unix))]
    fn happened(&self) -> bool {
        false
    }
}
