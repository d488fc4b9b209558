//! `qanun check`: load everything, report every problem, print translation coverage.

use super::Context;
use crate::cli::{CheckArgs, ReportFormat};
use crate::diagnostics::{EXIT_FOUND, EXIT_OK, Report};
use crate::{load, validate};
use std::io::Write;

pub fn run(ctx: &Context, args: &CheckArgs) -> u8 {
    if let Err(code) = ctx.require_law() {
        return code;
    }
    let project = load::load_project(&ctx.root);
    let mut diags = project.loaded.diags.clone();
    diags.extend(validate::validate(&project));
    diags.extend(crate::variant::check_all(&project));
    let (review_diags, review_texts) = crate::review::check_reviews(&ctx.root, &project.law);
    diags.extend(review_diags);
    let mut sources = project.loaded.sources.clone();
    for (rel, text) in review_texts {
        sources.insert(&rel, text);
    }
    let report = Report::new(diags, &sources);
    let failed = report.has_errors() || (args.strict && report.warnings > 0);
    let code = if failed { EXIT_FOUND } else { EXIT_OK };
    super::finish_io_or(
        (|| {
            match args.format {
                ReportFormat::Json => {
                    let mut out = std::io::stdout().lock();
                    writeln!(out, "{}", report.to_json())?;
                }
                ReportFormat::Text => {
                    ctx.emit(&report, &sources, true)?;
                    if !ctx.quiet {
                        let mut out = std::io::stdout().lock();
                        let listed = project.law.parts().map(|p| p.clauses.len()).sum::<usize>();
                        writeln!(
                            out,
                            "checked {listed} article{} and {} countr{}: {} error{}, {} warning{}",
                            if listed == 1 { "" } else { "s" },
                            project.countries.len(),
                            if project.countries.len() == 1 {
                                "y"
                            } else {
                                "ies"
                            },
                            report.errors,
                            if report.errors == 1 { "" } else { "s" },
                            report.warnings,
                            if report.warnings == 1 { "" } else { "s" },
                        )?;
                        let cov: Vec<String> = validate::coverage(&project.law)
                            .iter()
                            .map(|c| {
                                format!(
                                    "{} {}/{}{}",
                                    c.lang,
                                    c.translated,
                                    c.total,
                                    if c.required { "" } else { " (optional)" }
                                )
                            })
                            .collect();
                        if !cov.is_empty() {
                            writeln!(out, "translation: {}", cov.join(", "))?;
                        }
                    }
                }
            }
            Ok(code)
        })(),
        code,
    )
}
