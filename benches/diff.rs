//! Benchmark of `qanun diff`: two generated drafts of 2,000 clauses (ar and en, made by
//! `qanun::bench_corpus::revise`), 5% of the clauses changed in varied ways (words in both
//! languages, one language only, titles, status, instrument references, renamed, moved,
//! removed and added clauses). Measures LawDiff computation plus JSON rendering, and
//! `git diff --no-index --word-diff` on the same two trees for comparison; the ratio is printed
//! after divan's table.
//!
//! The drafts are written as real project folders and loaded with the real loader (outside the
//! timing). The generator is seeded, so every run compares the same drafts. `scripts/bench`
//! measures the whole process against the same baseline.
//!
//! Run: `cargo bench --bench diff`.

mod common;

use qanun::diff::display::{self, DisplayOptions, Format};
use qanun::diff::{DiffOptions, diff_laws};
use qanun::model::Law;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const CLAUSES: usize = 2_000;

fn main() {
    divan::main();
    let f = fixture();
    let ours = median(7, || {
        divan::black_box(diff_to_json(&f.old, &f.new));
    });
    let git = median(7, || git_word_diff(&f.dir));
    println!(
        "\nqanun diff (LawDiff + JSON): {:.1} ms; git diff --no-index --word-diff: {:.1} ms; \
         ratio qanun/git = {:.2}",
        ms(ours),
        ms(git),
        ours.as_secs_f64() / git.as_secs_f64().max(1e-9)
    );
    let json = diff_to_json(&f.old, &f.new);
    let s = diff_laws(&f.old, "old", &f.new, "new", &DiffOptions::default()).summary;
    println!(
        "JSON output: {} bytes; summary: {} added, {} removed, {} modified, {} renamed, \
         {} moved, {} renumbered, {} unchanged",
        json.len(),
        s.added,
        s.removed,
        s.modified,
        s.renamed,
        s.moved,
        s.renumbered,
        s.unchanged
    );
}

/// LawDiff + JSON: what `qanun diff --format json` does after loading.
#[divan::bench(sample_count = 20)]
fn lawdiff_and_json(b: divan::Bencher) {
    let f = fixture();
    b.bench(|| diff_to_json(divan::black_box(&f.old), divan::black_box(&f.new)));
}

/// LawDiff alone.
#[divan::bench(sample_count = 20)]
fn lawdiff_only(b: divan::Bencher) {
    let f = fixture();
    b.bench(|| {
        diff_laws(
            divan::black_box(&f.old),
            "old",
            divan::black_box(&f.new),
            "new",
            &DiffOptions::default(),
        )
    });
}

/// `git diff --no-index --word-diff` on the same two trees.
#[divan::bench(sample_count = 10)]
fn git_word_diff_same_trees(b: divan::Bencher) {
    let f = fixture();
    b.bench(|| git_word_diff(&f.dir));
}

fn diff_to_json(old: &Law, new: &Law) -> String {
    let d = diff_laws(old, "old", new, "new", &DiffOptions::default());
    display::render(&d, Format::Json, &DisplayOptions::default())
}

fn git_word_diff(dir: &Path) {
    // Exit status 1 means "differences"; only the time matters here.
    let _ = std::process::Command::new("git")
        .current_dir(dir)
        .args([
            "diff",
            "--no-index",
            "--word-diff",
            "--no-color",
            "old/law",
            "new/law",
        ])
        .stdout(std::process::Stdio::null())
        .status();
}

fn median(n: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[n / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The two drafts, on disk and loaded.
struct Fixture {
    dir: PathBuf,
    old: Law,
    new: Law,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let (old, new) = common::drafts(CLAUSES, 0.05);
        let load = |side: &Path| {
            let p = qanun::load::load_law_only(side);
            assert!(
                !p.loaded.diags.iter().any(|d| d.is_error()),
                "generated draft has errors: {:?}",
                p.loaded.diags.first()
            );
            p.law
        };
        Fixture {
            dir: old.parent().map(Path::to_path_buf).unwrap_or_default(),
            old: load(&old),
            new: load(&new),
        }
    })
}
