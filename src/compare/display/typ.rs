//! Stage: compare (display, Typst). The gap report as Typst source for its PDF: title, the
//! summary caveat, the score, the priority themes and a table of every provision (header
//! repeated on each page), in the report's language and direction. Rendering only; every piece
//! of text is escaped with [`crate::pdf::escape_typst`], so it is shown literally.

use super::super::GapReport;
use super::{
    Label, colon, heading, label, list_sep, matches_cell, national_lists, percent, row_number,
    score_text, status_label, theme_label,
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
        "#text(size: 16pt, weight: \"bold\")[{}]\n",
        esc(&heading(r))
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
        "{}{colon} #text(weight: \"bold\", dir: ltr)[{}] ({})\n",
        esc(label(l, Label::CoverageWord)),
        esc(&score_text(r)),
        esc(label(l, Label::Formula)),
        colon = colon(l)
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
        let _ = writeln!(
            s,
            "{}{colon} {}\n",
            esc_bidi(&title),
            esc(&items.join(list_sep(l))),
            colon = colon(l)
        );
    }
    let confirm = super::to_confirm(r);
    if !confirm.is_empty() {
        let _ = writeln!(
            s,
            "== {}\n\n{}\n",
            esc(label(l, Label::ToConfirm)),
            esc_bidi(label(l, Label::ToConfirmHow))
        );
        for c in &confirm {
            let _ = write!(
                s,
                "- {}{colon} #text(dir: ltr)[{}]",
                esc(&c.article),
                esc(&c.model_line),
                colon = colon(l)
            );
            if !c.at.is_empty() {
                let _ = write!(s, " #text(dir: ltr, size: 0.85em)[({})]", esc(&c.at));
            }
            if !c.also.is_empty() {
                let _ = write!(
                    s,
                    " \\ #text(size: 0.85em)[{}{colon} #box[#text(dir: ltr)[{}]]]",
                    esc(label(l, Label::AlsoResembles)),
                    esc(&super::leads_text(&c.also)),
                    colon = colon(l)
                );
            }
            s.push('\n');
        }
        s.push('\n');
    }
    s
}

/// Escapes `s` for Typst, turning each left-to-right isolate (LRI … PDI, which Typst does not
/// apply) into a box of left-to-right text, so that `model: none` inside an Arabic sentence
/// reads in its own order.
fn esc_bidi(s: &str) -> String {
    use crate::text::bidi::{LRI, PDI};
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(start) = rest.find(LRI) {
        out.push_str(&esc(&rest[..start]));
        let inner = &rest[start + LRI.len_utf8()..];
        let end = inner.find(PDI).unwrap_or(inner.len());
        let _ = write!(out, "#box[#text(dir: ltr)[{}]]", esc(&inner[..end]));
        rest = inner.get(end + PDI.len_utf8()..).unwrap_or("");
    }
    out.push_str(&esc(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::esc_bidi;

    #[test]
    fn isolates_become_left_to_right_boxes_and_the_rest_is_escaped() {
        assert_eq!(
            esc_bidi("أو \u{2066}model: none\u{2069} #x"),
            "أو #box[#text(dir: ltr)[model\\: none]] \\#x"
        );
        // Text without isolates is escaped as usual; an isolate left open runs to the end.
        assert_eq!(esc_bidi("a*b"), "a\\*b");
        assert_eq!(esc_bidi("\u{2066}x_y"), "#box[#text(dir: ltr)[x\\_y]]");
    }
}
