//! `qanun bench-corpus` (hidden): writes a generated, seeded project for benchmarks.

use super::Context;
use crate::bench_corpus::{Spec, generate, revise};
use crate::cli::BenchCorpusArgs;
use crate::diagnostics::{EXIT_OK, EXIT_TROUBLE};

/// Writes the corpus described by `args` to its folder; exit 2 on a bad spec or a write error.
pub fn run(ctx: &Context, args: &BenchCorpusArgs) -> u8 {
    let dir = &args.out_dir;
    if std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
        eprintln!(
            "error: {} is not empty\nhint: give a new folder; bench-corpus never overwrites",
            dir.display()
        );
        return EXIT_TROUBLE;
    }
    let spec = Spec {
        articles: args.articles,
        countries: args.countries,
        national: args.national,
        seed: args.seed,
    };
    let written = match args.revise {
        Some(share) if !(0.0..=1.0).contains(&share) => {
            Err(format!("--revise takes a share from 0 to 1, not {share}"))
        }
        Some(share) => revise(&spec, share).and_then(|(old, new)| {
            old.write_to(&dir.join("old"))
                .and_then(|()| new.write_to(&dir.join("new")))
                .map(|()| old.files.len() + new.files.len())
                .map_err(|e| e.to_string())
        }),
        None => generate(&spec).and_then(|c| {
            c.write_to(dir)
                .map(|()| c.files.len())
                .map_err(|e| e.to_string())
        }),
    };
    match written {
        Ok(n) => {
            if !ctx.quiet {
                eprintln!("wrote {n} files to {}", dir.display());
            }
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_TROUBLE
        }
    }
}
