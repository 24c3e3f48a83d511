//! A listing streams: going through every session and every action of a
//! store holds one row at a time from the index, never the store. Heap use is
//! counted by this test binary's allocator (one test, so nothing else
//! allocates meanwhile).

use std::alloc::{GlobalAlloc, Layout, System};
use std::fs;
use std::sync::atomic::{AtomicUsize, Ordering};

use fivewhys::follow::ActionFilter;
use fivewhys::model::Session;
use fivewhys::store::{Check, Store, file_name_for, to_text};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only
// the byte counts are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's layout, as the system allocator requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes allocated at the peak of `f`, above what was in use before.
fn peak_of(f: impl FnOnce()) -> usize {
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    f();
    PEAK.load(Ordering::Relaxed) - base
}

#[test]
fn going_through_every_session_holds_one_line_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let long = "with a description as long as the ones people write in a meeting, ".repeat(2);
    for n in 0..1_500 {
        let t = jiff::Timestamp::from_second(1_790_000_000 - n * 60).unwrap();
        let mut s = Session::with_id(format!("m{n:05}"), format!("Session {n}"), t);
        for k in 0..24 {
            let a = s.add_action(t);
            s.action_mut(&a).unwrap().description = format!("Action {k} {long}");
        }
        fs::write(store.sessions_dir().join(file_name_for(&s)), to_text(&s)).unwrap();
    }
    store.list().unwrap(); // builds the index

    // Every action, streamed from the index: the heap holds one row at a
    // time (and SQLite's own page cache, a few MiB at most), not the
    // 36,000 rows of about 250 bytes each.
    let mut seen = 0;
    let mut rows = 0;
    let peak = peak_of(|| {
        let index = store.index(Check::Full).unwrap();
        index
            .each_session(|_| {
                seen += 1;
            })
            .unwrap();
        let today = jiff::civil::date(2026, 12, 8);
        index
            .each_action(&ActionFilter::default(), today, |_| rows += 1)
            .unwrap();
    });
    assert_eq!((seen, rows), (1_500, 36_000));
    let all_rows = 36_000 * 250;
    assert!(
        peak < 12 * 1024 * 1024 && peak < all_rows / 2,
        "going through {seen} sessions and {rows} actions held {peak} bytes at once"
    );

    // Holding the whole listing, by contrast, grows with the store.
    let whole = peak_of(|| {
        let listing = store.list().unwrap();
        assert_eq!(listing.sessions.len(), 1_500);
    });
    assert!(whole > 1_500 * 300, "{whole} bytes for the whole listing");
}
