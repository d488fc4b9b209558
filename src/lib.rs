//! qanun: the model anti-trafficking law as structured text, and the tools to check, adapt,
//! compare, diff and render it.
//!
//! The pipeline, data flowing one way:
//! `load → model → validate → variant → (diff | compare) → render → pdf`.
//! `main.rs` only parses arguments and calls [`run`].

pub mod bench_corpus;
pub mod cli;
pub mod cmd;
pub mod compare;
pub mod diagnostics;
pub mod diff;
pub mod import;
pub mod load;
pub mod model;
pub mod output;
pub mod pdf;
pub mod project;
pub mod render;
pub mod review;
pub mod text;
pub mod validate;
pub mod variant;
pub mod watch;

/// Runs a parsed command line; returns the process exit code.
pub fn run(cli: cli::Cli) -> u8 {
    let ctx = cmd::Context::new(&cli.global);
    match &cli.command {
        cli::Command::BenchCorpus(a) => cmd::bench_corpus::run(&ctx, a),
        cli::Command::Check(a) => cmd::check::run(&ctx, a),
        cli::Command::Diff(a) => cmd::diff::run(&ctx, a),
        cli::Command::Compare(a) => cmd::compare::run(&ctx, a),
        cli::Command::Coverage(a) => cmd::coverage::run(&ctx, a),
        cli::Command::Report(a) => cmd::report::run(&ctx, a),
        cli::Command::Render(a) => cmd::render::run(&ctx, a),
        cli::Command::Import(a) => cmd::import::run(&ctx, a),
        cli::Command::Watch(a) => watch::run(&ctx, &a.command),
        cli::Command::Packet(a) => cmd::packet::run(&ctx, a),
        cli::Command::Init(a) => cmd::init::init(&ctx, a),
        cli::Command::New(a) => cmd::new::run(&ctx, a),
        cli::Command::Review(a) => cmd::review::run(&ctx, a),
        cli::Command::Completions(a) => cmd::init::completions(a),
        cli::Command::Man(a) => cmd::init::man(a),
    }
}
