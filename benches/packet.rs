//! Benchmark of `qanun packet`: one Arabic packet, and all eleven countries in parallel, on a
//! generated project the size of the real one (100 model articles, 60 national articles per
//! country). In-process, through the command itself, writing to a temporary folder. The
//! targets (issue 8: `--all` under 3 s and 400 MiB) are measured on whole processes by
//! `scripts/bench`, with the typst command-line compiler as the baseline.

mod common;

use divan::Bencher;
use qanun::cli::{ColorArg, PacketArgs};
use qanun::cmd::Context;

fn main() {
    divan::main();
}

fn packet(bencher: Bencher, countries: Vec<String>, all: bool) {
    let root = common::project(100, 11, 60);
    let out = tempfile::tempdir().expect("a temporary folder");
    let ctx = Context {
        root,
        color: ColorArg::Never,
        quiet: true,
    };
    let args = PacketArgs {
        countries,
        all,
        lang: Some("ar".into()),
        output: Some(out.path().to_path_buf()),
        fonts: Default::default(),
        pdf_standard: None,
        typ: false,
    };
    assert_eq!(qanun::cmd::packet::run(&ctx, &args), 0, "the packet builds");
    bencher.bench(|| qanun::cmd::packet::run(&ctx, &args));
}

/// One country's packet in Arabic.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn one_packet(bencher: Bencher) {
    packet(bencher, vec!["jo".into()], false);
}

/// `packet --all`: the eleven countries, built in parallel.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn all_packets(bencher: Bencher) {
    packet(bencher, Vec::new(), true);
}
