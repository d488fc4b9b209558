//! `qanun packet <cc>... | --all`: a PDF advocacy packet per country, for parliaments and
//! ministries. Countries are built in parallel; one that fails does not stop the others.

use super::Context;
use super::prepare::prepare;
use crate::cli::{PacketArgs, PacketFormat, PdfStandardArg};
use crate::diagnostics::{EXIT_FOUND, EXIT_OK, EXIT_TROUBLE, Report};
use crate::output::write_atomic;
use crate::pdf::{Engine, PdfOptions, PdfStandard};
use crate::render::packet::{Gaps, PacketInput, packet_view};
use crate::render::{Format, Templates};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The packet's built-in templates.
pub const PACKET_TEMPLATES: &[(&str, &str)] = &[
    (
        "packet.typ.tera",
        include_str!("../../templates/packet.typ.tera"),
    ),
    (
        "partials/packet-setup.typ.tera",
        include_str!("../../templates/partials/packet-setup.typ.tera"),
    ),
];

/// The result of one country's packet: the file written, or why it failed.
type Outcome = Result<PathBuf, String>;

/// Runs `packet`.
pub fn run(ctx: &Context, args: &PacketArgs) -> u8 {
    if let Err(code) = ctx.require_law() {
        return code;
    }
    let codes = requested(ctx, args);
    if codes.is_empty() {
        eprintln!("error: the project has no countries (countries/<cc>/country.toml)");
        return EXIT_TROUBLE;
    }
    if let Some(e) = refusal(ctx, args) {
        eprintln!("{e}");
        return EXIT_TROUBLE;
    }
    // A Word packet needs no fonts: Word and LibreOffice lay it out.
    let engine = if args.format == PacketFormat::Pdf && !args.typ {
        match super::engine(ctx, &args.fonts) {
            Ok(e) => Some(e),
            Err(code) => return code,
        }
    } else {
        None
    };
    let start = Instant::now();
    let progress = Progress::new(ctx, codes.len());
    let started = std::sync::atomic::AtomicUsize::new(0);
    let outcomes = in_parallel(&codes, |cc| {
        started.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let r = build_one(ctx, engine.as_ref(), args, cc);
        // Each packet is compiled once: when more are to come, drop Typst's caches so that
        // memory does not grow with --all (before the process exits, it would be wasted
        // time: about 17 ms for a packet of ninety pages).
        if started.load(std::sync::atomic::Ordering::SeqCst) < codes.len() {
            typst::comemo::evict(0);
        }
        progress.done(cc, &r);
        r
    });
    progress.finish();
    summarise(ctx, &outcomes, start)
}

/// Runs `build` on every country code, as many at once as the machine has cores; the outcomes
/// in the order of `codes`.
///
/// Plain threads, not a rayon `par_iter`: Typst lays out pages on rayon's global pool, and a
/// rayon worker that waits for that inner work steals the next country from the outer loop,
/// so every packet ends up being compiled at once, nested on one stack (measured: 1 GB peak
/// for eleven packets even with one thread, each compile slower for the crowding). Threads
/// outside the pool simply wait, so at most one packet per core is alive, and Typst's own
/// parallelism still uses the pool.
fn in_parallel(codes: &[String], build: impl Fn(&str) -> Outcome + Sync) -> Vec<(String, Outcome)> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(codes.len())
        .max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut outcomes: Vec<(usize, String, Outcome)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(cc) = codes.get(i) else { break };
                        let outcome = caught(|| build(cc));
                        done.push((i, cc.clone(), outcome));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    outcomes.sort_by_key(|(i, _, _)| *i);
    outcomes.into_iter().map(|(_, cc, r)| (cc, r)).collect()
}

/// Runs `build`, turning a crash (a bug) into a failed outcome so that the other countries'
/// results are not lost; the panic hook has already printed the message.
fn caught(build: impl FnOnce() -> Outcome) -> Outcome {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(build)).unwrap_or_else(|_| {
        Err(
            "qanun crashed while building this packet (a bug: please report it with the \
             message above)"
                .to_string(),
        )
    })
}

/// The country codes of the project: folders of `countries/` holding a `country.toml`, sorted.
fn country_dirs(root: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join("countries")) else {
        return Vec::new();
    };
    let mut codes: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().join("country.toml").is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    codes.sort();
    codes
}

fn standard(arg: Option<PdfStandardArg>) -> Option<PdfStandard> {
    arg.map(|a| match a {
        PdfStandardArg::Ua1 => PdfStandard::Ua1,
        PdfStandardArg::A2b => PdfStandard::A2b,
    })
}

/// One country's packet as Typst source, ready to compile.
pub struct PacketSource {
    /// The Typst document.
    pub text: String,
    /// Its PDF options (title, language, date, standard).
    pub options: PdfOptions,
    /// Where the PDF goes (`out/<cc>/packet-<lang>.pdf` by default).
    pub pdf_path: PathBuf,
    /// Where `--typ` writes the source instead.
    pub typ_path: PathBuf,
}

/// Loads the project and builds one country's packet as a Word document; the path it goes
/// to.
fn packet_docx(ctx: &Context, args: &PacketArgs, cc: &str) -> Result<(Vec<u8>, PathBuf), String> {
    let built = packet_parts(ctx, args, cc)?;
    let date = &built.prepared.project.law.date;
    let doc = crate::render::docx_packet::packet_docx(&built.view, cc, date);
    let bytes = Templates::load(&ctx.root, Format::Xml, &[])
        .and_then(|t| crate::render::docx_packet::render_packet_docx(&t, &doc))
        .map_err(|d| built.template_error(ctx, d))?;
    Ok((bytes, built.path))
}

/// What both formats of a packet are built from: the prepared country, the packet's view and
/// the file it goes to.
struct PacketParts {
    prepared: super::prepare::Prepared,
    view: crate::render::packet::PacketView,
    path: PathBuf,
}

impl PacketParts {
    /// Prints a template's problem; the line saying why the country failed.
    fn template_error(&self, ctx: &Context, d: crate::diagnostics::Diagnostic) -> String {
        let sources = &self.prepared.project.loaded.sources;
        let _ = ctx.emit(&Report::new(vec![d], sources), sources, false);
        "the packet template could not be used".to_string()
    }
}

/// Loads the project and builds one country's packet source: variant, gap analysis, view,
/// template. Problems are printed; the error says in a line why the country failed.
pub fn packet_source(ctx: &Context, args: &PacketArgs, cc: &str) -> Result<PacketSource, String> {
    let built = packet_parts(ctx, args, cc)?;
    let text = render_packet(&ctx.root, &built.view).map_err(|d| built.template_error(ctx, *d))?;
    let law = &built.prepared.project.law;
    let title = format!("{} — {}", built.view.plabels.packet, built.view.law.country);
    let mut options = super::pdf_options(law, &title, cc, built.prepared.lang, "packet");
    options.standard = standard(args.pdf_standard);
    let typ_path = built.path.with_extension("typ");
    Ok(PacketSource {
        text,
        options,
        pdf_path: built.path,
        typ_path,
    })
}

/// Loads the project and builds one country's packet view: variant, gap analysis, view.
/// Problems are printed; the error says in a line why the country failed.
fn packet_parts(ctx: &Context, args: &PacketArgs, cc: &str) -> Result<PacketParts, String> {
    let quiet = Context {
        quiet: true,
        ..ctx.clone()
    };
    let prepared = prepare(&quiet, cc, args.lang.as_deref())
        .map_err(|_| "the country could not be prepared (see the problems above)".to_string())?;
    let country = prepared
        .country()
        .ok_or_else(|| format!("unknown country `{cc}`"))?;
    let law = &prepared.project.law;
    let opts = crate::compare::CompareOptions {
        explicit: true,
        lang: prepared.lang,
        pairs: true,
    };
    let report = crate::compare::compare_country(law, country, None, &opts)?;
    let gaps = Gaps::from_report(&report);
    let view = packet_view(&PacketInput {
        law,
        country,
        variant: &prepared.variant,
        lang: prepared.lang,
        fallback: prepared.fallback,
        gaps: Some(&gaps),
    });
    let path = match output_file(args) {
        Some(file) => file.to_path_buf(),
        None => args
            .output
            .clone()
            .unwrap_or_else(|| ctx.root.join("out"))
            .join(cc)
            .join(format!(
                "packet-{}.{}",
                prepared.lang.code(),
                args.format.extension()
            )),
    };
    Ok(PacketParts {
        prepared,
        view,
        path,
    })
}

/// The country codes asked for: those named, or every country of the project with `--all`.
fn requested(ctx: &Context, args: &PacketArgs) -> Vec<String> {
    if args.all {
        country_dirs(&ctx.root)
    } else {
        args.countries.clone()
    }
}

/// The error (with its hint) that refuses a request before anything is built (`packet` and
/// `watch packet`): a country the project does not have, or `-o` naming one file when several
/// packets are asked for, or a file of the other format.
pub fn refusal(ctx: &Context, args: &PacketArgs) -> Option<String> {
    let known = country_dirs(&ctx.root);
    let codes = requested(ctx, args);
    let unknown: Vec<&str> = codes
        .iter()
        .filter(|cc| !known.contains(cc))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        let what = match unknown.as_slice() {
            [one] => format!("country `{one}`: no countries/{one}/country.toml"),
            many => format!(
                "countries `{}`: no countries/<cc>/country.toml",
                many.join("`, `")
            ),
        };
        return Some(format!(
            "error: unknown {what}\nhint: packets are built for the project's countries: {} (or --all)",
            known.join(", ")
        ));
    }
    let ext = args.format.extension();
    if let Some(other) = args.output.as_deref().filter(|p| {
        p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["pdf", "docx"].contains(&e.to_ascii_lowercase().as_str())
                && !e.eq_ignore_ascii_case(ext)
        })
    }) {
        return Some(format!(
            "error: -o {} names a file of another format than the packet's ({ext})\nhint: write -o FILE.{ext}, or ask for that format with --format {}",
            other.display(),
            if ext == "pdf" { "docx" } else { "pdf" }
        ));
    }
    let file = output_file(args)?;
    let n = codes.len();
    (n > 1).then(|| {
        format!(
            "error: -o {} names one {} file, but {n} packets are asked for\nhint: give a folder instead (for example -o out): each packet goes to <folder>/<cc>/packet-<lang>.{ext}",
            file.display(),
            if ext == "pdf" { "PDF" } else { "Word" }
        )
    })
}

/// `-o` naming a file of the packet's format (`-o jo.pdf`, `-o jo.docx`) rather than a folder:
/// the one packet asked for is written there, as a user who names a file expects (not into a
/// folder called `jo.pdf`).
fn output_file(args: &PacketArgs) -> Option<&Path> {
    let ext = args.format.extension();
    args.output
        .as_deref()
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext)))
}

/// Builds and writes one country's packet.
fn build_one(ctx: &Context, engine: Option<&Engine>, args: &PacketArgs, cc: &str) -> Outcome {
    if args.format == PacketFormat::Docx && !args.typ {
        let (bytes, path) = packet_docx(ctx, args, cc)?;
        write_atomic(&path, &bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        return Ok(path);
    }
    let source = packet_source(ctx, args, cc)?;
    if args.typ {
        // The Typst source only, for measuring the typst compiler on the same document.
        let path = source.typ_path;
        write_atomic(&path, source.text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        return Ok(path);
    }
    let Some(engine) = engine else {
        return Err("no Typst engine for a PDF (a bug: please report it)".to_string());
    };
    let pdf = engine.compile(&source.text, &Default::default(), &source.options);
    let pdf = pdf.map_err(|e| {
        super::typst_failure(
            &e.to_string(),
            "packet",
            "packet.typ.tera and its partials",
            "--typ",
            Some(&source.typ_path),
        )
    })?;
    let path = source.pdf_path;
    write_atomic(&path, &pdf.bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// The packet's Typst source, through the templates (the project's overrides applied).
fn render_packet(
    root: &Path,
    view: &crate::render::packet::PacketView,
) -> Result<String, Box<crate::diagnostics::Diagnostic>> {
    let templates = Templates::load(root, Format::Typ, PACKET_TEMPLATES).map_err(Box::new)?;
    templates.render("packet", view).map_err(Box::new)
}

/// Prints what was written and what failed; the exit code.
fn summarise(ctx: &Context, outcomes: &[(String, Outcome)], start: Instant) -> u8 {
    let failed: Vec<&(String, Outcome)> = outcomes.iter().filter(|(_, r)| r.is_err()).collect();
    for (cc, r) in outcomes {
        match r {
            Ok(path) if !ctx.quiet => eprintln!("wrote {}", path.display()),
            Ok(_) => {}
            Err(e) => eprintln!("error: {cc}: {e}"),
        }
    }
    if !ctx.quiet || !failed.is_empty() {
        eprintln!(
            "{} packet{} written, {} failed ({:.1} s)",
            outcomes.len() - failed.len(),
            if outcomes.len() - failed.len() == 1 {
                ""
            } else {
                "s"
            },
            failed.len(),
            start.elapsed().as_secs_f64()
        );
    }
    if failed.is_empty() {
        EXIT_OK
    } else {
        EXIT_FOUND
    }
}

/// A progress bar on a terminal, nothing otherwise (the summary lists the results).
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(ctx: &Context, n: usize) -> Progress {
        let show = !ctx.quiet && std::io::stderr().is_terminal() && n > 1;
        let bar = show.then(|| {
            let bar = indicatif::ProgressBar::new(n as u64);
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} packets {msg}")
            {
                bar.set_style(style);
            }
            bar
        });
        Progress { bar }
    }

    fn done(&self, cc: &str, r: &Outcome) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{cc} {}", if r.is_ok() { "ok" } else { "failed" }));
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn codes(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("c{i:02}")).collect()
    }

    #[test]
    fn in_parallel_builds_every_country_once_and_keeps_their_order() {
        let calls = AtomicUsize::new(0);
        let all = codes(11);
        let outcomes = in_parallel(&all, |cc| {
            calls.fetch_add(1, Ordering::SeqCst);
            Ok(PathBuf::from(cc))
        });
        assert_eq!(calls.load(Ordering::SeqCst), 11);
        let got: Vec<&str> = outcomes.iter().map(|(cc, _)| cc.as_str()).collect();
        assert_eq!(got, all.iter().map(String::as_str).collect::<Vec<_>>());
        for (cc, r) in &outcomes {
            assert_eq!(r.as_ref().unwrap(), &PathBuf::from(cc));
        }
    }

    #[test]
    fn in_parallel_runs_no_more_packets_at_once_than_cores() {
        let live = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        in_parallel(&codes(8), |cc| {
            let now = live.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(5));
            live.fetch_sub(1, Ordering::SeqCst);
            Ok(PathBuf::from(cc))
        });
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        assert!(most.load(Ordering::SeqCst) <= cores.min(8));
    }

    #[test]
    fn a_crash_in_one_country_fails_that_country_alone() {
        let outcomes = in_parallel(&codes(4), |cc| {
            if cc == "c02" {
                panic!("boom");
            }
            Ok(PathBuf::from(cc))
        });
        assert_eq!(outcomes.len(), 4);
        for (cc, r) in &outcomes {
            if cc == "c02" {
                assert!(r.as_ref().unwrap_err().contains("crashed"));
            } else {
                assert!(r.is_ok(), "{cc}");
            }
        }
    }
}
