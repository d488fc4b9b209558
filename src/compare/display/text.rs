//! Stage: compare (display, text). The gap report and the regional matrix for a terminal.
//! Rendering only.

use super::super::coverage::CoverageReport;
use super::super::{GapReport, Provision};
use super::{Label, cell_symbol, label, matches_text, percent, status_label, theme_label};
use crate::model::Lang;
use std::fmt::Write;

/// The gap report as plain text.
pub fn render(r: &GapReport) -> String {
    let l = r.lang;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: {} — {} ({})",
        label(l, Label::GapTitle),
        r.country,
        r.law_title,
        r.law
    );
    if !r.official {
        let _ = writeln!(
            s,
            "{}",
            crate::compare::summary_caveat(l, r.national.len(), crate::compare::Reader::Analyst)
        );
    }
    let _ = writeln!(
        s,
        "{}: {} ({})",
        label(l, Label::CoverageWord),
        percent(r.coverage),
        label(l, Label::Formula)
    );
    let count = |st| r.provisions.iter().filter(|p| p.status == st).count();
    let _ = writeln!(
        s,
        "{} {}, {} {}, {} {}",
        status_label(l, super::super::Coverage::Covered),
        count(super::super::Coverage::Covered),
        status_label(l, super::super::Coverage::Partial),
        count(super::super::Coverage::Partial),
        status_label(l, super::super::Coverage::Missing),
        count(super::super::Coverage::Missing),
    );
    let _ = writeln!(s, "\n{}", label(l, Label::Themes));
    for t in &r.themes {
        let _ = writeln!(
            s,
            "  {:<22} {:>6}  +{} ~{} -{}",
            theme_label(l, &t.theme),
            percent(t.score),
            t.covered,
            t.partial,
            t.missing
        );
    }
    let _ = writeln!(s, "\n{}", label(l, Label::Provisions));
    for p in &r.provisions {
        provision(&mut s, p, l);
    }
    let _ = writeln!(
        s,
        "\n{}: {}",
        label(l, Label::Unmatched),
        if r.unmatched_articles.is_empty() {
            label(l, Label::NoneWord).to_string()
        } else {
            r.unmatched_articles.join(", ")
        }
    );
    s
}

fn provision(s: &mut String, p: &Provision, l: Lang) {
    let _ = writeln!(
        s,
        "  [{}] {} {} — {} ({})",
        status_label(l, p.status),
        p.number,
        p.clause,
        p.title,
        label(
            l,
            if p.mandatory {
                Label::Mandatory
            } else {
                Label::Optional
            }
        )
    );
    if !p.matches.is_empty() {
        let _ = writeln!(
            s,
            "      {}: {}",
            label(l, Label::Matches),
            matches_text(l, &p.matches)
        );
    }
    for m in &p.missing {
        let _ = writeln!(s, "      {}: {m}", label(l, Label::Missing));
    }
}

/// The regional matrix as plain text.
pub fn render_coverage(r: &CoverageReport) -> String {
    let l = r.lang;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} ({} {})",
        label(l, Label::RegionalTitle),
        r.law,
        r.version
    );
    let _ = writeln!(
        s,
        "{}: + {}, ~ {}, - {}, x {}, ! {}\n",
        label(l, Label::Legend),
        label(l, Label::Covered),
        label(l, Label::Partial),
        label(l, Label::MissingStatus),
        label(l, Label::Omitted),
        label(l, Label::Obligation)
    );
    if let Some(note) = crate::compare::coverage::summaries_note(r, l) {
        let _ = writeln!(s, "{note}\n");
    }
    let width = r
        .provisions
        .iter()
        .map(|p| p.clause.as_str().len())
        .max()
        .unwrap_or(10)
        + 10;
    let _ = write!(s, "{:width$}", "");
    for c in &r.countries {
        let _ = write!(s, " {:>4}", c.code);
    }
    s.push('\n');
    for p in &r.provisions {
        let _ = write!(s, "{:<width$}", format!("{:>9} {}", p.number, p.clause));
        for c in &r.countries {
            let sym = c.cells.get(&p.clause).map_or("", cell_symbol);
            let _ = write!(s, " {sym:>4}");
        }
        s.push('\n');
    }
    let _ = write!(s, "{:<width$}", label(l, Label::CoverageWord));
    for c in &r.countries {
        let _ = write!(s, " {:>4}", format!("{:.0}", c.coverage * 100.0));
    }
    s.push('\n');
    let _ = writeln!(s, "\n{}", label(l, Label::Countries));
    for c in &r.countries {
        let _ = writeln!(
            s,
            "  {} {} — {}: {} ({} {}, {} {})",
            c.code,
            c.name,
            c.law,
            percent(c.coverage),
            c.obligations,
            label(l, Label::Obligation),
            c.recommendations,
            label(l, Label::Recommendation)
        );
    }
    let _ = writeln!(s, "\n{}", label(l, Label::Instruments));
    for i in &r.instruments {
        let _ = writeln!(s, "  {} ({})", i.name, i.id);
        for a in &i.articles {
            let cl: Vec<&str> = a.clauses.iter().map(|c| c.as_str()).collect();
            let _ = writeln!(
                s,
                "    {:<16} {}",
                a.reference,
                if cl.is_empty() {
                    "—".to_string()
                } else {
                    cl.join(", ")
                }
            );
        }
    }
    let _ = writeln!(
        s,
        "\n{}: {}",
        label(l, Label::Uncovered),
        if r.uncovered.is_empty() {
            label(l, Label::NoneWord).to_string()
        } else {
            r.uncovered.join(", ")
        }
    );
    let _ = writeln!(s, "\n{}", label(l, Label::Ratifications));
    let ids: Vec<&String> = r
        .ratifications
        .values()
        .next()
        .map(|m| m.keys().collect())
        .unwrap_or_default();
    for (cc, per) in &r.ratifications {
        let parts: Vec<String> = ids
            .iter()
            .map(|i| format!("{i}={}", per.get(*i).map_or("unknown", String::as_str)))
            .collect();
        let _ = writeln!(s, "  {cc}: {}", parts.join(" "));
    }
    s
}
