//! Stage: compare (display, JSON). The gap report in the documented shape
//! `{"country","law","coverage","provisions":[…],"unmatched_articles":[…]}`, and the regional
//! report as its struct. Serialisation only.

use super::super::GapReport;
use super::super::coverage::CoverageReport;
use serde::Serialize;

#[derive(Serialize)]
struct JsonMatch<'a> {
    law: &'a str,
    article: &'a str,
    score: f64,
    source: &'static str,
}

#[derive(Serialize)]
struct JsonProvision<'a> {
    clause: &'a str,
    number: &'a str,
    status: &'static str,
    mandatory: bool,
    tags: &'a [String],
    matches: Vec<JsonMatch<'a>>,
    missing: &'a [crate::compare::elements::Lack],
    found: &'a [crate::compare::FoundElement],
    /// The articles that resemble a provision not verified that no article matches.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    resembles: Vec<JsonMatch<'a>>,
}

impl<'a> JsonMatch<'a> {
    fn of(m: &'a crate::compare::Match) -> Self {
        JsonMatch {
            law: &m.law,
            article: &m.article,
            score: m.score,
            source: m.source.as_str(),
        }
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    country: &'a str,
    law: &'a str,
    laws: &'a [crate::compare::LawUsed],
    verified: bool,
    coverage: f64,
    coverage_max: f64,
    /// Provisions of the model's annex not looked for (no national regulation compared).
    annex_not_compared: usize,
    /// Why the country's body of legislation is not known to be whole, when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    body_gap: Option<&'a crate::compare::BodyGap>,
    provisions: Vec<JsonProvision<'a>>,
    unmatched_articles: &'a [String],
    /// National articles an analyst marked `model: none`.
    settled_none: &'a [String],
    /// National articles about a subject outside the model law, by subject: not matched
    /// automatically.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    outside: &'a [crate::compare::OutsideArticles],
    /// National articles whose matches are all automatic: the `model:` line to check and
    /// where it goes.
    to_confirm: Vec<super::ToConfirm>,
}

/// The gap report as pretty JSON, with a final newline.
pub fn render(r: &GapReport) -> String {
    let view = JsonReport {
        country: &r.country,
        law: &r.law,
        laws: &r.laws,
        verified: r.verified,
        coverage: r.coverage,
        coverage_max: r.coverage_max,
        annex_not_compared: r.annex_not_compared,
        body_gap: r.body_gap.as_ref(),
        provisions: r
            .provisions
            .iter()
            .map(|p| JsonProvision {
                clause: p.clause.as_str(),
                number: &p.number,
                status: p.status.as_str(),
                mandatory: p.mandatory,
                tags: &p.tags,
                matches: p.matches.iter().map(JsonMatch::of).collect(),
                missing: &p.missing,
                found: &p.found,
                resembles: p.resembles.iter().map(JsonMatch::of).collect(),
            })
            .collect(),
        unmatched_articles: &r.unmatched_articles,
        settled_none: &r.settled_none,
        outside: &r.outside,
        to_confirm: super::to_confirm(r),
    };
    to_pretty(&view)
}

/// The regional report as pretty JSON, with a final newline.
pub fn render_coverage(r: &CoverageReport) -> String {
    to_pretty(r)
}

fn to_pretty<T: Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}
