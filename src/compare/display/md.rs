//! Stage: compare (display, Markdown). The gap report and the regional matrix as Markdown
//! for papers and issue trackers. Rendering only; table cells are escaped.

use super::super::GapReport;
use super::super::coverage::CoverageReport;
use super::{
    Label, cell_symbol, colon, column_score, heading, label, legend_line, list_sep, matches_cell,
    national_lists, percent, row_number, score_text, status_label, theme_label,
};
use std::fmt::Write;

/// Escapes text for a Markdown table cell or line: pipes, emphasis and HTML characters.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '\\' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The gap report as Markdown.
pub fn render(r: &GapReport) -> String {
    let l = r.lang;
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", escape(&heading(r)));
    if let Some(c) = crate::compare::caveat(r, crate::compare::Reader::Analyst) {
        let _ = writeln!(s, "> {}\n", escape(&c));
    }
    let _ = writeln!(
        s,
        "{}{colon} **{}** ({}). {}{colon} `{}`\n",
        label(l, Label::CoverageWord),
        score_text(r),
        label(l, Label::Formula),
        label(l, Label::NationalLaw),
        escape(&r.law),
        colon = colon(l)
    );
    let _ = writeln!(s, "## {}\n", label(l, Label::Themes));
    let _ = writeln!(s, "| | % | + | ~ | - | ? |\n|---|---|---|---|---|---|");
    for t in &r.themes {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            escape(&theme_label(l, &t.theme)),
            percent(l, t.score),
            t.covered,
            t.partial,
            t.missing,
            t.not_verified
        );
    }
    let _ = writeln!(s, "\n## {}\n", label(l, Label::Provisions));
    let _ = writeln!(
        s,
        "| # | {} | | {} | {} |\n|---|---|---|---|---|",
        label(l, Label::Provisions),
        label(l, Label::Matches),
        label(l, Label::Missing)
    );
    for p in &r.provisions {
        let ms = escape(&matches_cell(l, p, r.laws.len() > 1));
        let missing: Vec<String> = p.missing.iter().map(|m| escape(&m.to_string())).collect();
        let _ = writeln!(
            s,
            "| {} | {} (`{}`){} | {} | {} | {} |",
            escape(&row_number(l, &p.number)),
            escape(&p.title),
            escape(p.clause.as_str()),
            if p.mandatory { "" } else { " ○" },
            status_label(l, p.status),
            ms,
            missing.join("; ")
        );
    }
    for (title, items) in national_lists(r, l) {
        let items: Vec<String> = items.iter().map(|a| escape(a)).collect();
        let _ = writeln!(
            s,
            "\n{}{} {}",
            escape(&title),
            colon(l),
            items.join(list_sep(l))
        );
    }
    let confirm = super::to_confirm(r);
    if !confirm.is_empty() {
        let _ = writeln!(
            s,
            "\n## {}\n\n{}\n",
            escape(label(l, Label::ToConfirm)),
            escape(label(l, Label::ToConfirmHow))
        );
        for c in &confirm {
            let _ = write!(
                s,
                "- {}{colon} `{}`",
                escape(&c.article),
                c.model_line,
                colon = colon(l)
            );
            if !c.at.is_empty() {
                let _ = write!(s, " ({})", escape(&c.at));
            }
            if !c.also.is_empty() {
                let _ = write!(
                    s,
                    "; {}{colon} {}",
                    label(l, Label::AlsoResembles),
                    escape(&super::leads_text(&c.also)),
                    colon = colon(l)
                );
            }
            s.push('\n');
        }
    }
    s
}

/// The regional matrix as Markdown tables.
pub fn render_coverage(r: &CoverageReport) -> String {
    let l = r.lang;
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", escape(&super::coverage_heading(r)));
    let _ = writeln!(
        s,
        "{}{colon} {}\n",
        label(l, Label::Legend),
        legend_line(l, |sym| format!("`{sym}`")),
        colon = colon(l)
    );
    if let Some(u) = super::unconfirmed_legend(r) {
        s.pop();
        let _ = writeln!(s, "`*` {}\n", escape(u));
    }
    if let Some(note) = crate::compare::coverage::summaries_note(r, l) {
        let _ = writeln!(s, "> {}\n", escape(&note));
    }
    let _ = write!(s, "| # | |");
    for c in &r.countries {
        let _ = write!(s, " {} |", escape(&c.code));
    }
    let _ = write!(s, "\n|---|---|");
    for _ in &r.countries {
        s.push_str("---|");
    }
    s.push('\n');
    for p in &r.provisions {
        let _ = write!(
            s,
            "| {} | {} |",
            escape(&row_number(l, &p.number)),
            escape(&p.title)
        );
        for c in &r.countries {
            let sym = c.cells.get(&p.clause).map_or("", cell_symbol);
            let _ = write!(s, " `{sym}` |");
        }
        s.push('\n');
    }
    let _ = write!(s, "| | **{}** |", label(l, Label::CoverageWord));
    for c in &r.countries {
        let _ = write!(s, " {} |", column_score(l, c));
    }
    let _ = writeln!(s, "\n\n## {}\n", label(l, Label::Instruments));
    let _ = writeln!(s, "| | | {} |\n|---|---|---|", label(l, Label::Provisions));
    for i in &r.instruments {
        for a in &i.articles {
            let cl: Vec<String> = a
                .clauses
                .iter()
                .map(|c| format!("`{}`", escape(c.as_str())))
                .collect();
            let _ = writeln!(
                s,
                "| `{}` | {} | {} |",
                escape(&a.reference),
                escape(&a.title),
                if cl.is_empty() {
                    "—".to_string()
                } else {
                    cl.join(", ")
                }
            );
        }
    }
    let unc: Vec<String> = r
        .uncovered
        .iter()
        .map(|u| format!("`{}`", escape(u)))
        .collect();
    let _ = writeln!(
        s,
        "\n{}{colon} {}\n",
        label(l, Label::Uncovered),
        if unc.is_empty() {
            label(l, Label::NoneWord).to_string()
        } else {
            unc.join(", ")
        },
        colon = colon(l)
    );
    let _ = writeln!(s, "## {}\n", label(l, Label::Ratifications));
    let ids: Vec<&String> = r
        .ratifications
        .values()
        .next()
        .map(|m| m.keys().collect())
        .unwrap_or_default();
    let _ = write!(s, "| |");
    for i in &ids {
        let _ = write!(s, " {} |", escape(i));
    }
    let _ = write!(s, "\n|---|");
    for _ in &ids {
        s.push_str("---|");
    }
    s.push('\n');
    for (cc, per) in &r.ratifications {
        let _ = write!(s, "| {} |", escape(cc));
        for i in &ids {
            let _ = write!(s, " {} |", per.get(*i).map_or("unknown", String::as_str));
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_tables_or_inject_html() {
        assert_eq!(escape("a|b <x> *y*\nz"), "a\\|b &lt;x&gt; \\*y\\* z");
    }
}
