//! Commands: each a thin `run` that wires the stages together and turns results into an exit code.

pub mod bench_corpus;
pub mod check;
pub mod compare;
pub mod coverage;
pub mod diff;
pub mod import;
pub mod init;
pub mod new;
pub mod packet;
pub mod prepare;
pub mod render;
pub mod report;
pub mod review;

use crate::cli::{ColorArg, GlobalArgs};
use crate::diagnostics::{EXIT_OK, EXIT_TROUBLE, Report, SourceMap};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// What every command needs: the root, colour and verbosity.
#[derive(Debug, Clone)]
pub struct Context {
    pub root: PathBuf,
    pub color: ColorArg,
    pub quiet: bool,
}

impl Context {
    /// Builds the context from the global options and the current folder.
    pub fn new(g: &GlobalArgs) -> Context {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Context {
            root: crate::project::find_root(g.root.as_deref(), &cwd),
            color: g.color,
            quiet: g.quiet,
        }
    }

    /// Whether to colour output written to stdout (`stderr = false`) or stderr.
    pub fn use_color(&self, stderr: bool) -> bool {
        match self.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                let tty = if stderr {
                    std::io::stderr().is_terminal()
                } else {
                    std::io::stdout().is_terminal()
                };
                !no_color && tty
            }
        }
    }

    /// Prints diagnostics like a compiler on stderr (or stdout for `check`).
    pub fn emit(
        &self,
        report: &Report,
        sources: &SourceMap,
        to_stdout: bool,
    ) -> std::io::Result<()> {
        let choice = if self.use_color(!to_stdout) {
            ColorChoice::Always
        } else {
            ColorChoice::Never
        };
        let stream = if to_stdout {
            StandardStream::stdout(choice)
        } else {
            StandardStream::stderr(choice)
        };
        let mut lock = stream.lock();
        report.emit(&mut lock, sources)?;
        lock.flush()
    }

    /// Fails with a plain message when the root holds no law.
    pub fn require_law(&self) -> Result<(), u8> {
        if crate::project::has_law(&self.root) {
            Ok(())
        } else {
            eprintln!(
                "error: no law/law.toml in {}\nhint: run qanun inside a qanun project, or pass --root DIR",
                self.root.display()
            );
            Err(EXIT_TROUBLE)
        }
    }
}

/// The Typst engine with the embedded fonts, plus `--font-path` folders.
pub fn engine(ctx: &Context, fonts: &crate::cli::FontArgs) -> Result<crate::pdf::Engine, u8> {
    let options = crate::pdf::EngineOptions {
        root: Some(ctx.root.clone()),
        font_paths: fonts.font_path.clone(),
        system_fonts: fonts.system_fonts,
    };
    crate::pdf::Engine::new(&options).map_err(|e| {
        eprintln!("error: the PDF engine could not start: {e}");
        EXIT_TROUBLE
    })
}

/// Fixed PDF options: metadata from the law, the date of the law's version, a stable identifier.
pub fn pdf_options(
    law: &crate::model::Law,
    title: &str,
    target: &str,
    lang: crate::model::Lang,
    kind: &str,
) -> crate::pdf::PdfOptions {
    crate::pdf::PdfOptions {
        title: title.to_string(),
        author: crate::model::pick(&law.author, lang)
            .cloned()
            .unwrap_or_default(),
        lang: lang.code().to_string(),
        date: crate::pdf::Date::parse(&law.date)
            .unwrap_or_else(|| crate::pdf::Date::new(2000, 1, 1).expect("a valid date")),
        ident: format!(
            "qanun/{}/{}/{target}/{kind}/{}",
            law.id,
            law.version,
            lang.code()
        ),
        standard: None,
    }
}

/// The message of a Typst error in a document made from `template`: Typst names a line of
/// `main.typ`, the generated source, which `how` (an option of the same command) writes to
/// `path` (or to its usual place) so that the line can be read.
pub fn typst_failure(
    error: &str,
    what: &str,
    template: &str,
    how: &str,
    path: Option<&std::path::Path>,
) -> String {
    let to = path.map_or(String::new(), |p| format!(" to {}", p.display()));
    format!(
        "the PDF could not be made:\n{error}\nhint: main.typ is the {what}'s Typst source, made from templates/{template}: the same command with {how} writes it{to}, to read the line named above; if you changed a template, compare it with the built-in one (docs/templates.md)"
    )
}

/// Maps the result of writing to stdout to an exit code: a closed pipe (`| head`) ends quietly.
pub fn finish_io(r: std::io::Result<u8>) -> u8 {
    finish_io_or(r, EXIT_OK)
}

/// As [`finish_io`], for a command whose status is known before it writes (`diff`, `check`):
/// a reader that stops early (`| head`) must not turn "differences found" into "none".
pub fn finish_io_or(r: std::io::Result<u8>, on_closed: u8) -> u8 {
    match r {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => on_closed,
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_TROUBLE
        }
    }
}

impl From<crate::cli::OneLang> for crate::model::Lang {
    fn from(l: crate::cli::OneLang) -> Self {
        match l {
            crate::cli::OneLang::Ar => crate::model::Lang::Ar,
            crate::cli::OneLang::En => crate::model::Lang::En,
            crate::cli::OneLang::Fr => crate::model::Lang::Fr,
        }
    }
}

/// Writes a command's output to `path` atomically, or to stdout; a closed pipe ends quietly.
pub fn deliver(output: Option<&std::path::Path>, text: &str) -> u8 {
    match output {
        Some(p) => match crate::output::write_atomic(p, text.as_bytes()) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", p.display());
                EXIT_TROUBLE
            }
        },
        None => finish_io((|| {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(EXIT_OK)
        })()),
    }
}

/// Prints the load errors of the files `relevant` selects on stderr; `Err` with the exit code
/// when there are any.
pub fn require_clean_load(
    ctx: &Context,
    project: &crate::load::Project,
    relevant: impl Fn(&str) -> bool,
) -> Result<(), u8> {
    let errors: Vec<crate::diagnostics::Diagnostic> = project
        .loaded
        .diags
        .iter()
        .filter(|d| d.is_error() && relevant(&d.file))
        .cloned()
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    let report = Report::new(errors, &project.loaded.sources);
    let _ = ctx.emit(&report, &project.loaded.sources, false);
    eprintln!(
        "error: {} problem{} must be fixed first (run `qanun check` for the full list)",
        report.errors,
        if report.errors == 1 { "" } else { "s" }
    );
    Err(EXIT_TROUBLE)
}
