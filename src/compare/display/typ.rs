//! Stage: compare (display, Typst). The gap report as Typst source for its PDF: title, the
//! summary caveat, the score, the priority themes and a table of every provision (header
//! repeated on each page), in the report's language and direction. Rendering only; every piece
//! of text is escaped with [`crate::pdf::escape_typst`], so it is shown literally.

use super::super::GapReport;
use super::{
    Label, label, matches_cell, national_lists, percent, row_number, score_text, status_label,
    theme_label,
};
use crate::pdf::escape_typst as esc;
use std::fmt::Write;

/// The gap report as a Typst document.
pub fn render(r: &GapReport) -> String {
    let l = r.lang;
    let dir = l.dir();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "#set page(paper: \"a4\", margin: (x: 1.8cm, y: 2cm), numbering: \"1\", number-align: center)\n\
         #set text(font: \"Amiri\", size: 10.5pt, lang: \"{}\", dir: {dir})\n\
         #set par(leading: 0.85em)\n\
         #show table.cell: set par(justify: false)\n",
        l.code()
    );
    let _ = writeln!(
        s,
        "#text(size: 16pt, weight: \"bold\")[{}: {} — {}]\n",
        esc(label(l, Label::GapTitle)),
        esc(&r.country),
        esc(&r.law_title)
    );
    if let Some(c) = crate::compare::caveat(r, crate::compare::Reader::Analyst) {
        let _ = writeln!(
            s,
            "#block(stroke: (left: 3pt + rgb(\"#b3261e\")), inset: (x: 8pt, y: 5pt))[{}]\n",
            esc(&c)
        );
    }
    let _ = writeln!(
        s,
        "{}: #text(weight: \"bold\", dir: ltr)[{}] ({})\n",
        esc(label(l, Label::CoverageWord)),
        esc(&score_text(r)),
        esc(label(l, Label::Formula))
    );
    let _ = writeln!(s, "== {}\n", esc(label(l, Label::Themes)));
    s.push_str("#table(columns: (1fr, auto, auto, auto, auto, auto), table.header([], [%], [+], [\\~], [\\-], [?]),\n");
    for t in &r.themes {
        let _ = writeln!(
            s,
            "  [{}], [{}], [{}], [{}], [{}], [{}],",
            esc(&theme_label(l, &t.theme)),
            esc(&percent(l, t.score)),
            t.covered,
            t.partial,
            t.missing,
            t.not_verified
        );
    }
    s.push_str(")\n\n");
    let _ = writeln!(s, "== {}\n", esc(label(l, Label::Provisions)));
    let _ = writeln!(
        s,
        "#table(columns: (auto, 1.4fr, auto, 1fr, 1.6fr), table.header([\\#], [{}], [], [{}], [{}]),",
        esc(label(l, Label::Provisions)),
        esc(label(l, Label::Matches)),
        esc(label(l, Label::Missing))
    );
    for p in &r.provisions {
        let _ = writeln!(
            s,
            "  [{}], [{}{}], [{}], [{}], [{}],",
            esc(&row_number(l, &p.number)),
            esc(&p.title),
            if p.mandatory { "" } else { " °" },
            esc(status_label(l, p.status)),
            esc(&matches_cell(l, p, r.laws.len() > 1)),
            esc(&p
                .missing
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "))
        );
    }
    s.push_str(")\n\n");
    for (title, items) in national_lists(r, l) {
        let _ = writeln!(s, "{}: {}\n", esc(title), esc(&items.join(", ")));
    }
    s
}
