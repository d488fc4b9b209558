//! `qanun render <cc|model>`: the law as adapted for a country, in Markdown, HTML, Typst or PDF.

use super::prepare::prepare;
use super::{Context, finish_io};
use crate::cli::{OutFormat, RenderArgs};
use crate::diagnostics::{EXIT_FOUND, EXIT_OK, EXIT_TROUBLE, Report};
use crate::output::write_atomic;
use crate::render::view::law_view;
use crate::render::{Format, Templates};
use std::io::Write;
use std::path::PathBuf;

pub fn run(ctx: &Context, args: &RenderArgs) -> u8 {
    let prepared = match prepare(ctx, &args.target, args.lang.as_deref()) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let law = &prepared.project.law;
    let view = law_view(
        law,
        prepared.country(),
        &prepared.variant,
        prepared.lang,
        prepared.fallback,
    );
    let format = match args.format {
        OutFormat::Md => Format::Md,
        OutFormat::Html => Format::Html,
        OutFormat::Typ | OutFormat::Pdf => Format::Typ,
    };
    let text = match Templates::load(&ctx.root, format, &[]).and_then(|t| t.render("law", &view)) {
        Ok(t) => t,
        Err(d) => {
            let r = Report::new(vec![d], &prepared.project.loaded.sources);
            let _ = ctx.emit(&r, &prepared.project.loaded.sources, false);
            return EXIT_FOUND;
        }
    };
    if args.format != OutFormat::Pdf {
        return match &args.output {
            Some(path) => write_file(path, text.as_bytes()),
            None => finish_io(
                std::io::stdout()
                    .lock()
                    .write_all(text.as_bytes())
                    .map(|_| EXIT_OK),
            ),
        };
    }
    let options = super::pdf_options(law, &view.title, &prepared.target, prepared.lang, "law");
    let engine = match super::engine(ctx, &args.font_path) {
        Ok(e) => e,
        Err(code) => return code,
    };
    match engine.compile(&text, &Default::default(), &options) {
        Ok(pdf) => {
            let path = args.output.clone().unwrap_or_else(|| {
                ctx.root
                    .join("out")
                    .join(&prepared.target)
                    .join(format!("law-{}.pdf", prepared.lang))
            });
            let code = write_file(&path, &pdf.bytes);
            if code == EXIT_OK && !ctx.quiet {
                eprintln!("wrote {}", path.display());
            }
            code
        }
        Err(e) => {
            eprintln!("error: the PDF could not be made:\n{e}");
            EXIT_FOUND
        }
    }
}

fn write_file(path: &PathBuf, bytes: &[u8]) -> u8 {
    match write_atomic(path, bytes) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            EXIT_TROUBLE
        }
    }
}
