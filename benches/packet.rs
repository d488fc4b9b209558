//! Benchmark of `qanun packet`: one Arabic packet, and all eleven countries in parallel, on a
//! generated project the size of the real one (100 model articles, 60 national articles per
//! country). In-process, through the command itself, writing to a temporary folder. The
//! targets (issue 8: `--all` under 3 s and 400 MiB) are measured on whole processes by
//! `scripts/bench`, with the typst command-line compiler as the baseline.

mod common;

use divan::Bencher;
use qanun::cli::{ColorArg, PacketArgs, PacketFormat};
use qanun::cmd::Context;

fn main() {
    divan::main();
}

fn packet(bencher: Bencher, countries: Vec<String>, all: bool, format: PacketFormat) {
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
        format,
    };
    assert_eq!(qanun::cmd::packet::run(&ctx, &args), 0, "the packet builds");
    bencher.bench(|| qanun::cmd::packet::run(&ctx, &args));
}

/// One country's packet in Arabic.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn one_packet(bencher: Bencher) {
    packet(bencher, vec!["jo".into()], false, PacketFormat::Pdf);
}

/// One country's packet in Arabic as a Word document (`--format docx`).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn one_packet_docx(bencher: Bencher) {
    packet(bencher, vec!["jo".into()], false, PacketFormat::Docx);
}

/// `packet --all`: the eleven countries, built in parallel.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn all_packets(bencher: Bencher) {
    packet(bencher, Vec::new(), true, PacketFormat::Pdf);
}
