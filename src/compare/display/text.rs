//! Stage: compare (display, text). The gap report and the regional matrix for a terminal.
//! Rendering only.

use super::super::coverage::CoverageReport;
use super::super::{GapReport, Provision};
use super::{
    Label, cell_symbol, colon, column_score, found_text, heading, label, legend_line, list_sep,
    matches_line, national_lists, percent, row_number, score_text, status_counts, status_label,
    theme_label, to_confirm,
};
use crate::model::Lang;
use std::fmt::Write;

/// The gap report as plain text.
pub fn render(r: &GapReport) -> String {
    let l = r.lang;
    let mut s = String::new();
    let _ = write!(s, "{}", heading(r));
    if !r.laws.is_empty() && r.law_title != r.law {
        let _ = write!(s, " ({})", r.law);
    }
    s.push('\n');
    if let Some(c) = crate::compare::caveat(r, crate::compare::Reader::Analyst) {
        let _ = writeln!(s, "{c}");
    }
    let _ = writeln!(
        s,
        "{}{colon} {} ({})",
        label(l, Label::CoverageWord),
        score_text(r),
        label(l, Label::Formula),
        colon = colon(l)
    );
    let _ = writeln!(s, "{}", status_counts(r));
    let _ = writeln!(s, "\n{}", label(l, Label::Themes));
    for t in &r.themes {
        let _ = writeln!(
            s,
            "  {:<22} {:>6}  +{} ~{} -{} ?{}",
            theme_label(l, &t.theme),
            percent(l, t.score),
            t.covered,
            t.partial,
            t.missing,
            t.not_verified
        );
    }
    let _ = writeln!(s, "\n{}", label(l, Label::Provisions));
    for p in &r.provisions {
        provision(&mut s, p, l, r.laws.len() > 1);
    }
    for (title, items) in national_lists(r, l) {
        let _ = writeln!(s, "\n{title}{} {}", colon(l), items.join(list_sep(l)));
    }
    let confirm = to_confirm(r);
    if !confirm.is_empty() {
        let _ = writeln!(
            s,
            "\n{}\n{}",
            label(l, Label::ToConfirm),
            label(l, Label::ToConfirmHow)
        );
        let width = confirm
            .iter()
            .map(|c| c.article.chars().count())
            .max()
            .unwrap_or(0);
        for c in &confirm {
            let _ = writeln!(s, "  {:<width$}  {}  {}", c.article, c.model_line, c.at);
            if !c.also.is_empty() {
                let _ = writeln!(
                    s,
                    "  {:<width$}  {}{colon} {}",
                    "",
                    label(l, Label::AlsoResembles),
                    super::leads_text(&c.also),
                    colon = colon(l)
                );
            }
        }
    }
    s
}

fn provision(s: &mut String, p: &Provision, l: Lang, several: bool) {
    let _ = writeln!(
        s,
        "  [{}] {} {} — {} ({})",
        status_label(l, p.status),
        row_number(l, &p.number),
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
    if let Some(line) = matches_line(l, p, several) {
        let _ = writeln!(s, "      {line}");
    }
    if !p.found.is_empty() {
        let _ = writeln!(
            s,
            "      {}{colon} {}",
            label(l, Label::Found),
            found_text(l, &p.found, several),
            colon = colon(l)
        );
    }
    for m in &p.missing {
        let _ = writeln!(
            s,
            "      {}{colon} {m}",
            label(l, Label::Missing),
            colon = colon(l)
        );
    }
}

/// The regional matrix as plain text.
pub fn render_coverage(r: &CoverageReport) -> String {
    let l = r.lang;
    let mut s = String::new();
    let _ = writeln!(s, "{}", super::coverage_heading(r));
    let _ = writeln!(
        s,
        "{}{colon} {}\n",
        label(l, Label::Legend),
        legend_line(l, str::to_string),
        colon = colon(l)
    );
    if let Some(u) = super::unconfirmed_legend(r) {
        // Under the legend's line, which ends with a blank line.
        s.pop();
        let _ = writeln!(s, "* {u}\n");
    }
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
        let _ = write!(s, " {:>6}", c.code);
    }
    s.push('\n');
    for p in &r.provisions {
        let _ = write!(
            s,
            "{:<width$}",
            format!("{:>9} {}", row_number(l, &p.number), p.clause)
        );
        for c in &r.countries {
            let sym = c.cells.get(&p.clause).map_or("", cell_symbol);
            let _ = write!(s, " {sym:>6}");
        }
        s.push('\n');
    }
    let _ = write!(s, "{:<width$}", label(l, Label::CoverageWord));
    for c in &r.countries {
        let _ = write!(
            s,
            " {:>6}",
            column_score(l, c)
                .trim_end_matches(['%', '\u{202F}'])
                .to_string()
        );
    }
    s.push('\n');
    let _ = writeln!(s, "\n{}", label(l, Label::Countries));
    for c in &r.countries {
        let _ = writeln!(
            s,
            "  {} {} — {}{colon} {} ({})",
            c.code,
            c.name,
            c.law,
            column_score(l, c),
            label(l, Label::KnownGaps)
                .replace("{o}", &c.obligations.to_string())
                .replace("{r}", &c.recommendations.to_string()),
            colon = colon(l)
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
        "\n{}{colon} {}",
        label(l, Label::Uncovered),
        if r.uncovered.is_empty() {
            label(l, Label::NoneWord).to_string()
        } else {
            r.uncovered.join(", ")
        },
        colon = colon(l)
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
        let _ = writeln!(s, "  {cc}{} {}", colon(l), parts.join(" "));
    }
    s
}
