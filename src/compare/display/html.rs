//! Stage: compare (display, HTML). A self-contained page: the gap report side by side
//! (national text | model text, differences marked), and the regional matrix. Every piece of
//! text is HTML-escaped; Arabic blocks carry `dir="rtl"`. Rendering only.

use super::super::coverage::CoverageReport;
use super::super::{GapReport, Provision, Span};
use super::{
    Label, cell_symbol, column_score, label, matches_text, percent, score_text, status_label,
    theme_label,
};
use crate::model::Lang;
use std::fmt::Write;

const STYLE: &str = "body{font-family:'Noto Naskh Arabic','Amiri','Segoe UI',Tahoma,sans-serif;margin:2em;line-height:1.6;color:#222}\
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.5em}\
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}\
.covered{background:#e3f4e1}.partial{background:#fff4d6}.missing{background:#fbe3e3}.not-verified{background:#e8eaf6;border:1px dashed #5c6bc0}.omitted{background:#eee}\
.badge{font-size:.8em;padding:.1em .5em;border-radius:.5em;border:1px solid #999}\
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}.pair>div{border:1px solid #ddd;padding:.5em;white-space:pre-wrap}\
mark.national{background:#ffd6a5}mark.model{background:#bde0fe}.obligation{font-weight:bold;color:#a00}\
.provision{border-top:1px solid #ccc;padding-top:.5em}.small{font-size:.85em;color:#555}";

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn head(s: &mut String, lang: Lang, title: &str) {
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang.code(),
        lang.dir(),
        escape(title)
    );
}

/// The gap report as a self-contained HTML page.
pub fn render(r: &GapReport) -> String {
    let l = r.lang;
    let mut s = String::new();
    let title = format!(
        "{}: {} — {}",
        label(l, Label::GapTitle),
        r.country,
        r.law_title
    );
    head(&mut s, l, &title);
    let _ = writeln!(s, "<h1>{}</h1>", escape(&title));
    if let Some(c) = crate::compare::caveat(r, crate::compare::Reader::Analyst) {
        let _ = writeln!(s, "<p class=\"caveat\"><strong>{}</strong></p>", escape(&c));
    }
    let _ = writeln!(
        s,
        "<p>{}: <strong>{}</strong> <span class=\"small\">({})</span> · {}: <code>{}</code></p>",
        label(l, Label::CoverageWord),
        score_text(r),
        label(l, Label::Formula),
        label(l, Label::NationalLaw),
        escape(&r.law)
    );
    themes(&mut s, r);
    let _ = writeln!(s, "<h2>{}</h2>", label(l, Label::Provisions));
    for p in &r.provisions {
        provision(&mut s, p, l, r.laws.len() > 1);
    }
    let um: Vec<String> = r.unmatched_articles.iter().map(|a| escape(a)).collect();
    let _ = writeln!(
        s,
        "<h2>{}</h2>\n<p>{}</p>\n</body>\n</html>",
        label(l, Label::Unmatched),
        if um.is_empty() {
            label(l, Label::NoneWord).to_string()
        } else {
            um.join(if l == Lang::Ar { "، " } else { ", " })
        }
    );
    s
}

fn themes(s: &mut String, r: &GapReport) {
    let l = r.lang;
    let _ = writeln!(
        s,
        "<h2>{}</h2>\n<table>\n<tr><th></th><th>%</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        label(l, Label::Themes),
        label(l, Label::Covered),
        label(l, Label::Partial),
        label(l, Label::MissingStatus),
        label(l, Label::NotVerified)
    );
    for t in &r.themes {
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&theme_label(l, &t.theme)),
            percent(t.score),
            t.covered,
            t.partial,
            t.missing,
            t.not_verified
        );
    }
    s.push_str("</table>\n");
}

fn provision(s: &mut String, p: &Provision, l: Lang, several: bool) {
    let st = p.status.as_str();
    let _ = writeln!(
        s,
        "<section class=\"provision\" id=\"{}\">\n<h3>{} {} — {} <span class=\"badge {st}\">{}</span> <span class=\"small\">{}</span></h3>",
        escape(p.clause.as_str()),
        label(l, Label::Article),
        escape(&p.number),
        escape(&p.title),
        status_label(l, p.status),
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
            "<p>{}: {}</p>",
            label(l, Label::Matches),
            escape(&matches_text(l, &p.matches, several))
        );
    }
    if !p.missing.is_empty() {
        let _ = writeln!(s, "<p>{}:</p>\n<ul>", label(l, Label::Missing));
        for m in &p.missing {
            let _ = writeln!(s, "<li>{}</li>", escape(&m.to_string()));
        }
        s.push_str("</ul>\n");
    }
    if let Some(pair) = &p.pair {
        let _ = writeln!(
            s,
            "<div class=\"pair\">\n<div lang=\"{}\" dir=\"{}\"><strong>{} — {} {}</strong>\n{}</div>\n<div lang=\"{}\" dir=\"{}\"><strong>{}</strong>\n{}</div>\n</div>",
            pair.national_lang.code(),
            pair.national_lang.dir(),
            label(l, Label::NationalText),
            label(l, Label::Article),
            escape(&pair.article),
            spans(&pair.national, "national"),
            pair.model_lang.code(),
            pair.model_lang.dir(),
            label(l, Label::ModelText),
            spans(&pair.model, "model"),
        );
    }
    s.push_str("</section>\n");
}

fn spans(v: &[Span], class: &str) -> String {
    v.iter()
        .map(|sp| {
            if sp.same {
                escape(&sp.text)
            } else {
                format!("<mark class=\"{class}\">{}</mark>", escape(&sp.text))
            }
        })
        .collect()
}

/// The regional matrix as a self-contained HTML page.
pub fn render_coverage(r: &CoverageReport) -> String {
    let l = r.lang;
    let mut s = String::new();
    let title = format!(
        "{} ({} {})",
        label(l, Label::RegionalTitle),
        r.law,
        r.version
    );
    head(&mut s, l, &title);
    let _ = writeln!(s, "<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        s,
        "<p class=\"small\">{}: + {}, ~ {}, - {}, ? {}, x {}, ! {}</p>",
        label(l, Label::Legend),
        label(l, Label::Covered),
        label(l, Label::Partial),
        label(l, Label::MissingStatus),
        label(l, Label::NotVerified),
        label(l, Label::Omitted),
        label(l, Label::Obligation)
    );
    if let Some(note) = crate::compare::coverage::summaries_note(r, l) {
        let _ = writeln!(
            s,
            "<p class=\"caveat\"><strong>{}</strong></p>",
            escape(&note)
        );
    }
    s.push_str("<table>\n<tr><th>#</th><th></th>");
    for c in &r.countries {
        let _ = write!(
            s,
            "<th title=\"{}\">{}</th>",
            escape(&c.name),
            escape(&c.code)
        );
    }
    s.push_str("</tr>\n");
    for p in &r.provisions {
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{}</td>",
            escape(&p.number),
            escape(&p.title)
        );
        for c in &r.countries {
            match c.cells.get(&p.clause) {
                Some(cell) => {
                    let ob = if cell.duty == Some(super::super::coverage::Duty::Obligation) {
                        " obligation"
                    } else {
                        ""
                    };
                    let _ = write!(
                        s,
                        "<td class=\"{}{ob}\">{}</td>",
                        cell.status.as_str(),
                        escape(cell_symbol(cell))
                    );
                }
                None => s.push_str("<td></td>"),
            }
        }
        s.push_str("</tr>\n");
    }
    let _ = write!(s, "<tr><th></th><th>{}</th>", label(l, Label::CoverageWord));
    for c in &r.countries {
        let _ = write!(s, "<th>{}</th>", column_score(c));
    }
    s.push_str("</tr>\n</table>\n");
    let _ = writeln!(s, "<h2>{}</h2>\n<table>", label(l, Label::Instruments));
    for i in &r.instruments {
        for a in &i.articles {
            let cl: Vec<String> = a.clauses.iter().map(|c| escape(c.as_str())).collect();
            let class = if cl.is_empty() {
                " class=\"missing\""
            } else {
                ""
            };
            let _ = writeln!(
                s,
                "<tr{class}><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
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
    s.push_str("</table>\n");
    let unc: Vec<String> = r.uncovered.iter().map(|u| escape(u)).collect();
    let _ = writeln!(
        s,
        "<h2>{}</h2>\n<p>{}</p>",
        label(l, Label::Uncovered),
        if unc.is_empty() {
            label(l, Label::NoneWord).to_string()
        } else {
            unc.join(", ")
        }
    );
    let _ = writeln!(
        s,
        "<h2>{}</h2>\n<table>\n<tr><th></th>",
        label(l, Label::Ratifications)
    );
    let ids: Vec<&String> = r
        .ratifications
        .values()
        .next()
        .map(|m| m.keys().collect())
        .unwrap_or_default();
    for i in &ids {
        let _ = write!(s, "<th>{}</th>", escape(i));
    }
    s.push_str("</tr>\n");
    for (cc, per) in &r.ratifications {
        let _ = write!(s, "<tr><th>{}</th>", escape(cc));
        for i in &ids {
            let _ = write!(
                s,
                "<td>{}</td>",
                escape(per.get(*i).map_or("unknown", String::as_str))
            );
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</table>\n</body>\n</html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape("<script>\"x\"&'y'</script>"),
            "&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;"
        );
    }
}
