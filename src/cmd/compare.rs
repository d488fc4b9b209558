//! `qanun compare <cc>`: load, compare the country's variant with one of its laws, render.

use super::{Context, deliver, require_clean_load};
use crate::cli::{CompareArgs, CompareFormat};
use crate::compare::{self, CompareOptions, display};
use crate::diagnostics::EXIT_TROUBLE;
use crate::load;
use crate::model::Lang;

/// Runs `qanun compare`; returns the exit status.
pub fn run(ctx: &Context, args: &CompareArgs) -> u8 {
    if let Err(code) = ctx.require_law() {
        return code;
    }
    let project = load::load_project_for(&ctx.root, Some(&args.country));
    let mine = format!("countries/{}/", args.country);
    if let Err(code) = require_clean_load(ctx, &project, |f| {
        f.starts_with("law/") || f.starts_with(&mine)
    }) {
        return code;
    }
    let Some(country) = project.country(&args.country) else {
        let known = load::country_codes(&ctx.root, &mut load::Loaded::default());
        eprintln!(
            "error: unknown country `{}`\nhint: the countries are: {}",
            args.country,
            known.join(", ")
        );
        return EXIT_TROUBLE;
    };
    let law_lang = args
        .law
        .as_deref()
        .and_then(|id| country.legislation.iter().find(|l| l.meta.id == id))
        .or_else(|| compare::default_legislation(country))
        .and_then(|l| l.meta.language);
    let lang = args
        .lang
        .map(Lang::from)
        .or(law_lang)
        .unwrap_or_else(|| country.default_lang());
    let opts = CompareOptions {
        explicit: true,
        lang,
        pairs: true,
    };
    let report = match compare::compare_country(&project.law, country, args.law.as_deref(), &opts) {
        Ok(r) => r,
        Err(msg) => {
            eprintln!("error: {msg}\nhint: pass --law with one of those ids");
            return EXIT_TROUBLE;
        }
    };
    if report.law == "none" && !ctx.quiet {
        eprintln!(
            "note: countries/{}/legislation holds no law: no provision can be verified, so every one is reported not verified\nhint: add the country's laws with `qanun import` (or `qanun new law`)",
            country.code
        );
    }
    let text = match args.format {
        CompareFormat::Text => display::text::render(&report),
        CompareFormat::Pdf => return write_pdf(ctx, args, &project.law, &report),
        CompareFormat::Md => display::md::render(&report),
        CompareFormat::Html => display::html::render(&report),
        CompareFormat::Json => display::json::render(&report),
    };
    deliver(args.output.as_deref(), &text)
}

/// Compiles the report's Typst source and writes the PDF (default: out/<cc>/compare-<lang>.pdf).
fn write_pdf(
    ctx: &Context,
    args: &CompareArgs,
    law: &crate::model::Law,
    report: &compare::GapReport,
) -> u8 {
    let engine = match super::engine(ctx, &Default::default()) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let title = format!("{} — {}", report.country, report.law_title);
    let options = super::pdf_options(law, &title, &report.country, report.lang, "compare");
    match engine.compile(&display::typ::render(report), &Default::default(), &options) {
        Ok(pdf) => {
            let path = args.output.clone().unwrap_or_else(|| {
                ctx.root
                    .join("out")
                    .join(&report.country)
                    .join(format!("compare-{}.pdf", report.lang))
            });
            match crate::output::write_atomic(&path, &pdf.bytes) {
                Ok(()) => {
                    if !ctx.quiet {
                        eprintln!("wrote {}", path.display());
                    }
                    crate::diagnostics::EXIT_OK
                }
                Err(e) => {
                    eprintln!("error: cannot write {}: {e}", path.display());
                    EXIT_TROUBLE
                }
            }
        }
        Err(e) => {
            eprintln!("error: the PDF could not be made:\n{e}");
            EXIT_TROUBLE
        }
    }
}
