//! `qanun report`: the regional report. Every country is compared (as by `qanun coverage`),
//! the matrix and the region's figures are built once, each country's packet summary (key
//! gaps, asks) is added, and the view goes through `report.typ.tera` (PDF) or
//! `report.html.tera` (one self-contained HTML file).

use super::render::Document;
use super::{Context, require_clean_load};
use crate::cli::{RegionalFormat, ReportArgs};
use crate::compare::{self, CompareOptions, coverage};
use crate::diagnostics::{EXIT_FOUND, EXIT_OK, EXIT_TROUBLE, Report};
use crate::load;
use crate::model::Lang;
use crate::output::write_atomic;
use crate::render::packet::{Gaps, PacketInput, packet_summary};
use crate::render::report::{CountryExtras, ReportView, report_view};
use crate::render::{Format, Templates};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// The report's built-in templates.
pub const REPORT_TEMPLATES: &[(&str, &str)] = &[
    (
        "report.typ.tera",
        include_str!("../../templates/report.typ.tera"),
    ),
    (
        "report.html.tera",
        include_str!("../../templates/report.html.tera"),
    ),
];

/// The HTML view: the report, and the font it embeds so that Arabic is shaped the same on a
/// machine without Arabic fonts, offline.
#[derive(Serialize)]
struct HtmlView<'a> {
    #[serde(flatten)]
    report: &'a ReportView,
    /// Amiri Regular, base64.
    font: String,
}

/// Runs `qanun report`.
pub fn run(ctx: &Context, args: &ReportArgs) -> u8 {
    let doc = match document(ctx, args) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let bytes = if args.format == RegionalFormat::Pdf {
        let engine = match super::engine(ctx, &args.fonts) {
            Ok(e) => e,
            Err(code) => return code,
        };
        match engine.compile(&doc.text, &Default::default(), &doc.options) {
            Ok(pdf) => pdf.bytes,
            Err(e) => {
                eprintln!(
                    "error: {}",
                    super::typst_failure(
                        &e.to_string(),
                        "report",
                        "report.typ.tera",
                        "--format typ",
                        None
                    )
                );
                return EXIT_FOUND;
            }
        }
    } else {
        doc.text.into_bytes()
    };
    if let Err(e) = write_atomic(&doc.path, &bytes) {
        eprintln!("error: cannot write {}: {e}", doc.path.display());
        return EXIT_TROUBLE;
    }
    if !ctx.quiet {
        eprintln!("wrote {}", doc.path.display());
    }
    EXIT_OK
}

/// Loads the project, compares every country and renders the report's source: Typst for a
/// PDF (and `--format typ`), HTML otherwise. Problems are printed; the error is the exit code.
pub fn document(ctx: &Context, args: &ReportArgs) -> Result<Document, u8> {
    ctx.require_law()?;
    let project = load::load_project(&ctx.root);
    require_clean_load(ctx, &project, |_| true)?;
    let law = &project.law;
    let lang = Lang::from(args.lang);
    if project.countries.is_empty() {
        eprintln!(
            "error: the project has no countries (countries/<cc>/country.toml)\nhint: add one with `qanun new country <cc>`"
        );
        return Err(EXIT_TROUBLE);
    }
    let view = build_view(law, &project.countries, lang);
    let sources = &project.loaded.sources;
    let rendered = match args.format {
        RegionalFormat::Html => {
            let html = HtmlView {
                report: &view,
                font: crate::pdf::amiri_base64(),
            };
            Templates::load(&ctx.root, Format::Html, REPORT_TEMPLATES)
                .and_then(|t| t.render("report", &html))
        }
        RegionalFormat::Pdf | RegionalFormat::Typ => {
            Templates::load(&ctx.root, Format::Typ, REPORT_TEMPLATES)
                .and_then(|t| t.render("report", &view))
        }
    };
    let text = rendered.map_err(|d| {
        let _ = ctx.emit(&Report::new(vec![d], sources), sources, false);
        EXIT_FOUND
    })?;
    let title = format!("{} — {}", view.title, view.law_title);
    let options = super::pdf_options(law, &title, "region", lang, "report");
    let ext = match args.format {
        RegionalFormat::Pdf => "pdf",
        RegionalFormat::Html => "html",
        RegionalFormat::Typ => "typ",
    };
    let path = args.output.clone().unwrap_or_else(|| {
        ctx.root
            .join("out")
            .join(format!("report-{}.{ext}", lang.code()))
    });
    Ok(Document {
        text,
        options,
        path,
    })
}

/// Compares every country, builds the regional matrix and each country's packet summary, and
/// the view.
pub fn build_view(
    law: &crate::model::Law,
    countries: &[crate::model::Country],
    lang: Lang,
) -> ReportView {
    let opts = CompareOptions {
        explicit: true,
        lang,
        pairs: false,
    };
    // The language shown where the country's own version lacks `lang` (French for Jordan).
    let fallback = (!law.required_langs.contains(&lang)).then(|| {
        law.required_langs
            .iter()
            .copied()
            .find(|l| *l != Lang::Ar)
            .unwrap_or(Lang::En)
    });
    let compared = compare::compare_countries(law, countries, &opts);
    let done: Vec<(usize, compare::GapReport, CountryExtras)> = compared
        .into_par_iter()
        .enumerate()
        .map(|(i, (report, v))| {
            let gaps = Gaps::from_report(&report);
            let extras = packet_summary(&PacketInput {
                law,
                country: &countries[i],
                variant: &v,
                lang,
                fallback,
                gaps: Some(&gaps),
            });
            (i, report, extras)
        })
        .collect();
    let mut extras = BTreeMap::new();
    let mut reports = Vec::new();
    for (i, report, mut e) in done {
        let c = &countries[i];
        // The report writes Western digits throughout (docs/report.md), whatever the packet's.
        for s in e.key_gaps.iter_mut().chain(e.asks.iter_mut()) {
            *s = crate::text::digits::to_latin_digits(s);
        }
        extras.insert(c.code.clone(), e);
        reports.push((c, report));
    }
    let matrix = coverage::build(law, &reports, lang);
    report_view(law, &matrix, &extras)
}
