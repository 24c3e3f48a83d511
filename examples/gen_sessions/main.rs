//! Writes a data directory of realistic generated sessions, for trying
//! fivewhys at scale and for the benchmarks:
//!
//! ```sh
//! cargo run --release --example gen_sessions -- --count 10000 --out /tmp/store --seed 7
//! FIVEWHYS_DATA_DIR=/tmp/store cargo run --release -- list
//! ```

mod generate;

use std::path::PathBuf;

use clap::Parser;
use fivewhys::store::{Store, file_name_for, to_text};

/// Generate sessions into a data directory.
#[derive(Parser)]
struct Args {
    /// How many sessions.
    #[arg(long)]
    count: usize,
    /// The data directory to write (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// The same seed writes the same sessions.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let store = Store::open(&args.out)?;
    let mut rng = fastrand::Rng::with_seed(args.seed);
    let mut bytes = 0usize;
    for i in 0..args.count {
        let (answers, actions) = generate::sizes(&mut rng);
        let session = generate::session(&mut rng, i, answers, actions);
        let text = to_text(&session);
        bytes += text.len();
        std::fs::write(store.sessions_dir().join(file_name_for(&session)), text)?;
    }
    eprintln!(
        "wrote {} sessions ({:.1} MB) to {}",
        args.count,
        bytes as f64 / 1e6,
        store.sessions_dir().display()
    );
    Ok(())
}
