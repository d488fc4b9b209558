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
    if args.format == CompareFormat::Pdf {
        eprintln!(
            "error: PDF output of qanun compare is not yet available\nhint: use --format html and print it, or --format md"
        );
        return EXIT_TROUBLE;
    }
    let project = load::load_project(&ctx.root);
    let mine = format!("countries/{}/", args.country);
    if let Err(code) = require_clean_load(ctx, &project, |f| {
        f.starts_with("law/") || f.starts_with(&mine)
    }) {
        return code;
    }
    let Some(country) = project.country(&args.country) else {
        let known: Vec<&str> = project.countries.iter().map(|c| c.code.as_str()).collect();
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
            "note: countries/{}/legislation holds no law: every provision is reported missing",
            country.code
        );
    }
    let text = match args.format {
        CompareFormat::Text | CompareFormat::Pdf => display::text::render(&report),
        CompareFormat::Md => display::md::render(&report),
        CompareFormat::Html => display::html::render(&report),
        CompareFormat::Json => display::json::render(&report),
    };
    deliver(args.output.as_deref(), &text)
}
