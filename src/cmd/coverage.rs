//! `qanun coverage`: compare every country, then build and render the regional matrix.

use super::{Context, deliver, require_clean_load};
use crate::cli::{CoverageArgs, CoverageFormat};
use crate::compare::{self, CompareOptions, coverage, display};
use crate::load;
use crate::model::Lang;

/// Runs `qanun coverage`; returns the exit status.
pub fn run(ctx: &Context, args: &CoverageArgs) -> u8 {
    if let Err(code) = ctx.require_law() {
        return code;
    }
    let project = load::load_project(&ctx.root);
    if let Err(code) = require_clean_load(ctx, &project, |_| true) {
        return code;
    }
    let lang = Lang::from(args.lang);
    let opts = CompareOptions {
        explicit: true,
        lang,
        pairs: false,
    };
    let compared = compare::compare_countries(&project.law, &project.countries, &opts);
    let reports: Vec<_> = project
        .countries
        .iter()
        .zip(compared)
        .map(|(c, (r, _))| (c, r))
        .collect();
    let report = coverage::build(&project.law, &reports, lang);
    let text = match args.format {
        CoverageFormat::Text => display::text::render_coverage(&report),
        CoverageFormat::Md => display::md::render_coverage(&report),
        CoverageFormat::Html => display::html::render_coverage(&report),
        CoverageFormat::Json => display::json::render_coverage(&report),
    };
    deliver(args.output.as_deref(), &text)
}
