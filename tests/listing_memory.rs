//! A listing streams: going through every session of a store holds the
//! cache's index and one line at a time, never the store. Heap use is
//! counted by this test binary's allocator (one test, so nothing else
//! allocates meanwhile).

use std::alloc::{GlobalAlloc, Layout, System};
use std::fs;
use std::sync::atomic::{AtomicUsize, Ordering};

use fivewhys::model::Session;
use fivewhys::store::{Store, file_name_for, to_text};

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
    store.list().unwrap(); // builds the cache
    let cache = fs::metadata(dir.path().join("cache").join("list-v5.log"))
        .unwrap()
        .len() as usize;
    assert!(cache > 6_000_000, "the cache is {cache} bytes");

    let mut seen = 0;
    let mut open = 0;
    let peak = peak_of(|| {
        let scan = store.scan().unwrap();
        scan.for_each(true, |s| {
            seen += 1;
            open += s.follow_ups.len();
        })
        .unwrap();
    });
    assert_eq!((seen, open), (1_500, 36_000));
    assert!(
        peak < 2 * 1024 * 1024 && peak < cache / 4,
        "going through {seen} sessions held {peak} bytes at once; the cache is {cache} bytes"
    );

    // Holding the whole listing, by contrast, is the size of the store.
    let whole = peak_of(|| {
        let listing = store.list().unwrap();
        assert_eq!(listing.sessions.len(), 1_500);
    });
    assert!(whole > cache, "{whole} bytes for the whole listing");
}
