//! The store: an autosave of a 500-answer session (with fsync), listing
//! 10,000 generated sessions with and without the index, finding one id
//! among 100,000 files, and exporting a 500-answer session in each format.
//!
//! ```sh
//! cargo bench --bench store
//! ```

#[path = "../examples/gen_sessions/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::sync::OnceLock;

use fivewhys::store::{Store, file_name_for, to_text};

fn main() {
    divan::main();
}

/// An empty folder under cargo's target directory for a generated store,
/// emptied at the start of each run: the stores live as long as the run
/// (statics are never dropped), so they are kept where the next run
/// replaces them, not left in the system's temp folder.
fn fresh_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("bench-stores")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A generated store of `count` sessions, made once per run.
fn store_of(count: usize, cell: &'static OnceLock<Store>) -> &'static Store {
    cell.get_or_init(|| {
        let dir = fresh_dir(&format!("sessions-{count}"));
        let store = Store::open(&dir).unwrap();
        let mut rng = fastrand::Rng::with_seed(7);
        for i in 0..count {
            let (answers, actions) = generate::sizes(&mut rng);
            let s = generate::session(&mut rng, i, answers, actions);
            std::fs::write(store.sessions_dir().join(file_name_for(&s)), to_text(&s)).unwrap();
        }
        store
    })
}

static TEN_THOUSAND: OnceLock<Store> = OnceLock::new();

#[divan::bench(sample_count = 5, sample_size = 1)]
fn list_10k_cold(bencher: divan::Bencher) {
    let store = store_of(10_000, &TEN_THOUSAND);
    let cache = store.root().join("cache");
    bencher
        .with_inputs(|| {
            for file in ["index.sqlite", "index.sqlite-wal", "index.sqlite-shm"] {
                let _ = std::fs::remove_file(cache.join(file));
            }
        })
        .bench_local_values(|()| store.list().unwrap());
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn list_10k_warm(bencher: divan::Bencher) {
    let store = store_of(10_000, &TEN_THOUSAND);
    store.list().unwrap();
    bencher.bench_local(|| store.list().unwrap());
}

#[divan::bench(sample_count = 20)]
fn find_one_id_among_100k(bencher: divan::Bencher) {
    // Small files: finding one reads names, not contents.
    static CELL: OnceLock<Store> = OnceLock::new();
    let store = CELL.get_or_init(|| {
        let dir = fresh_dir("names-100k");
        let store = Store::open(&dir).unwrap();
        for i in 0..100_000 {
            let s = fivewhys::model::Session::with_id(
                format!("h{i:05}"),
                format!("Session {i}"),
                jiff::Timestamp::now(),
            );
            std::fs::write(store.sessions_dir().join(file_name_for(&s)), to_text(&s)).unwrap();
        }
        store
    });
    bencher.bench_local(|| store.resolve("h54321").unwrap());
}

fn five_hundred() -> fivewhys::model::Session {
    let mut rng = fastrand::Rng::with_seed(7);
    generate::session(&mut rng, 1, 500, 30)
}

#[divan::bench(sample_count = 20)]
fn autosave_500_answers_with_fsync(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let session = five_hundred();
    let path = store.sessions_dir().join(file_name_for(&session));
    bencher.bench_local(|| store.save(&path, &session).unwrap());
}

#[divan::bench(args = ["text", "markdown", "html", "json"])]
fn export_500_answers(bencher: divan::Bencher, format: &str) {
    let session = five_hundred();
    let ctx = fivewhys::export::Context::for_session(&session, jiff::Timestamp::now());
    let format = match format {
        "text" => fivewhys::export::Format::Text,
        "markdown" => fivewhys::export::Format::Markdown,
        "html" => fivewhys::export::Format::Html,
        _ => fivewhys::export::Format::Json,
    };
    bencher.bench_local(|| fivewhys::export::export(&session, format, &ctx));
}
