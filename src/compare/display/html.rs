//! Stage: compare (display, HTML). A self-contained page: the gap report side by side
//! (national text | model text, differences marked), and the regional matrix. Every piece of
//! text is HTML-escaped; Arabic blocks carry `dir="rtl"`. Rendering only.

use super::super::coverage::CoverageReport;
use super::super::{GapReport, Provision, Span};
use super::{
    LEGEND, Label, cell_symbol, colon, column_score, found_text, heading, label, list_sep,
    matches_line, national_lists, percent, score_text, status_label, theme_label,
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
.provision{border-top:1px solid #ccc;padding-top:.5em}.small{font-size:.85em;color:#555}\
.legend{list-style:none;padding:0;margin:.3em 0 1em}.legend li{margin:.15em 0}\
.key{display:inline-block;min-width:1.6em;text-align:center;border:1px solid #ccc;margin-inline-end:.4em}\
.score,.number{white-space:nowrap}";

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
    let title = heading(r);
    head(&mut s, l, &title);
    let _ = writeln!(s, "<h1>{}</h1>", escape(&title));
    if let Some(c) = crate::compare::caveat(r, crate::compare::Reader::Analyst) {
        let _ = writeln!(s, "<p class=\"caveat\"><strong>{}</strong></p>", escape(&c));
    }
    let _ = writeln!(
        s,
        "<p>{}{colon} <strong>{}</strong> <span class=\"small\">({})</span> · {}{colon} <code>{}</code></p>",
        label(l, Label::CoverageWord),
        score_text(r),
        label(l, Label::Formula),
        label(l, Label::NationalLaw),
        escape(&r.law),
        colon = colon(l)
    );
    themes(&mut s, r);
    let _ = writeln!(s, "<h2>{}</h2>", label(l, Label::Provisions));
    for p in &r.provisions {
        provision(&mut s, p, l, r.laws.len() > 1);
    }
    for (title, items) in national_lists(r, l) {
        let items: Vec<String> = items.iter().map(|a| escape(a)).collect();
        let _ = writeln!(
            s,
            "<h2>{}</h2>\n<p>{}</p>",
            escape(&title),
            items.join(list_sep(l))
        );
    }
    let confirm = super::to_confirm(r);
    if !confirm.is_empty() {
        let _ = writeln!(
            s,
            "<h2 id=\"to-confirm\">{}</h2>\n<p>{}</p>\n<ul class=\"to-confirm\">",
            escape(label(l, Label::ToConfirm)),
            escape(label(l, Label::ToConfirmHow))
        );
        for c in &confirm {
            let _ = write!(
                s,
                "<li>{}{colon} <code dir=\"ltr\">{}</code>",
                escape(&c.article),
                escape(&c.model_line),
                colon = colon(l)
            );
            if !c.at.is_empty() {
                let _ = write!(
                    s,
                    " <span class=\"small\" dir=\"ltr\">{}</span>",
                    escape(&c.at)
                );
            }
            if !c.also.is_empty() {
                let _ = write!(
                    s,
                    "<br><span class=\"small\">{}{colon} <bdi>{}</bdi></span>",
                    escape(label(l, Label::AlsoResembles)),
                    escape(&super::leads_text(&c.also)),
                    colon = colon(l)
                );
            }
            s.push_str("</li>\n");
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</body>\n</html>\n");
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
            percent(l, t.score),
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
        "<section class=\"provision\" id=\"{}\">\n<h3>{} — {} <span class=\"badge {st}\">{}</span> <span class=\"small\">{}</span></h3>",
        escape(p.clause.as_str()),
        escape(&article_name(l, &p.number)),
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
    if let Some(line) = matches_line(l, p, several) {
        let _ = writeln!(s, "<p>{}</p>", escape(&line));
    }
    if !p.found.is_empty() {
        let _ = writeln!(
            s,
            "<p>{}{colon} {}</p>",
            label(l, Label::Found),
            escape(&found_text(l, &p.found, several)),
            colon = colon(l)
        );
    }
    if !p.missing.is_empty() {
        let _ = writeln!(
            s,
            "<p>{}{colon}</p>\n<ul>",
            label(l, Label::Missing),
            colon = colon(l)
        );
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
    let title = super::coverage_heading(r);
    head(&mut s, l, &title);
    let _ = writeln!(s, "<h1>{}</h1>", escape(&title));
    legend(&mut s, r);
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
            "<tr><td class=\"number\">{}</td><td>{}</td>",
            escape(&super::row_number(l, &p.number)),
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
        let _ = write!(s, "<th class=\"score\">{}</th>", column_score(l, c));
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

/// A provision as a heading names it: "Article 12", and for the shelter regulations (number
/// "annex 3") "Article 3 of the Annex" in the report's language, as the packet does.
fn article_name(l: Lang, number: &str) -> String {
    match (l, number.strip_prefix("annex ")) {
        (Lang::Ar, Some(n)) => format!("المادة {n} من الملحق"),
        (Lang::En, Some(n)) => format!("Article {n} of the Annex"),
        (Lang::Fr, Some(n)) => format!("Article {n} de l'annexe"),
        (_, None) => format!("{} {number}", label(l, Label::Article)),
    }
}

/// The matrix's legend: each symbol in a cell styled as the matrix styles it, what "?" and
/// "!" mean, and, when a score is a range, what its two figures are.
fn legend(s: &mut String, r: &CoverageReport) {
    let l = r.lang;
    let (not_verified, obligation, range) = match l {
        Lang::Ar => (
            "لم يُعثر عليه في ملخص أو نص ناقص، أو تشبهه مادة من نص كامل دون أن تنص عليه بوضوح: قد يرد في القانون مع ذلك",
            "حكم غير مغطى أو مغطى جزئيًا ينفذ صكًا ملزمًا الدولةُ طرف فيه",
            "نسبة التغطية المعروضة نطاقًا (أدنى–أعلى): الرقم الأول ما يُظهره النص المتاح، والثاني أقصى ما قد تبلغه إن ثبت وجود الأحكام غير المتحقق منها.",
        ),
        Lang::En => (
            "not found in a summary or an incomplete text, or only resembled by an article of a complete one: the law may still have it",
            "a provision not or only partly covered that implements a binding instrument the country is party to",
            "A coverage shown as a range (low–high): the first figure is what the text available shows, the second the most it can be if the provisions not verified are there.",
        ),
        Lang::Fr => (
            "introuvable dans un résumé ou un texte incomplet, ou seulement approchée par un article d'un texte complet\u{a0}: la loi peut néanmoins la prévoir",
            "disposition non couverte ou partielle qui met en œuvre un instrument contraignant auquel le pays est partie",
            "Couverture en fourchette (bas–haut)\u{a0}: le premier chiffre est ce que montre le texte disponible, le second le maximum qu'elle puisse atteindre si les dispositions non vérifiées y figurent.",
        ),
    };
    let ranged = r.countries.iter().any(|c| c.coverage_max > c.coverage);
    let item = |s: &mut String, class: &str, symbol: &str, text: &str| {
        let _ = writeln!(
            s,
            "<li><span class=\"key {class}\">{symbol}</span>{}</li>",
            escape(text)
        );
    };
    let _ = writeln!(
        s,
        "<div class=\"small\"><strong>{}</strong>\n<ul class=\"legend\">",
        label(l, Label::Legend)
    );
    for (symbol, class, word) in LEGEND {
        let explanation = match word {
            Label::NotVerified => Some(not_verified),
            Label::Obligation => Some(obligation),
            _ => None,
        };
        let text = match explanation {
            Some(e) => format!("{} — {e}", label(l, word)),
            None => label(l, word).to_string(),
        };
        item(s, class, symbol, &text);
    }
    if let Some(u) = super::unconfirmed_legend(r) {
        item(s, "unconfirmed", "*", u);
    }
    if ranged {
        let _ = writeln!(s, "<li>{}</li>", escape(range));
    }
    s.push_str("</ul>\n</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::compare::coverage::{Cell, CellStatus, CountryColumn, ProvisionRow};
    use crate::model::ClauseId;

    /// A matrix of one country whose summary shows article 4 and not the annex's article 3.
    fn matrix(lang: Lang) -> CoverageReport {
        let row = |clause: &str, number: &str| ProvisionRow {
            clause: ClauseId::new(clause),
            number: number.to_string(),
            title: "Title".to_string(),
            mandatory: true,
            tags: Vec::new(),
            instruments: Vec::new(),
        };
        let cell = |status| Cell {
            status,
            duty: None,
            unconfirmed: false,
        };
        CoverageReport {
            law: "model".to_string(),
            title: "Model law".to_string(),
            version: "1.0.0".to_string(),
            lang,
            provisions: vec![row("a", "4"), row("b", "annex 3")],
            countries: vec![CountryColumn {
                code: "jo".to_string(),
                name: "Jordan".to_string(),
                short: "Jordan".to_string(),
                dedicated_law: crate::compare::coverage::DedicatedLaw::InForce,
                law: "law".to_string(),
                laws: Vec::new(),
                official: false,
                verified: false,
                annex_not_compared: 0,
                coverage: 0.5,
                coverage_max: 1.0,
                cells: [
                    (ClauseId::new("a"), cell(CellStatus::Partial)),
                    (ClauseId::new("b"), cell(CellStatus::NotVerified)),
                ]
                .into_iter()
                .collect(),
                themes: Vec::new(),
                parts: Vec::new(),
                obligations: 0,
                recommendations: 0,
            }],
            themes: Vec::new(),
            parts: Vec::new(),
            instruments: Vec::new(),
            uncovered: Vec::new(),
            ratifications: Default::default(),
            region: Default::default(),
        }
    }

    #[test]
    fn the_matrix_legend_explains_not_verified_cells_and_ranges() {
        let html = render_coverage(&matrix(Lang::En));
        // Each symbol is shown as its cell is, and "?" and a range say what they mean.
        assert!(
            html.contains(
                "<span class=\"key not-verified\">?</span>not verified — not found in a summary"
            ),
            "{html}"
        );
        assert!(
            html.contains("the first figure is what the text available shows"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"key obligation\">!</span>obligation — "),
            "{html}"
        );
        // A range does not break at its dash.
        assert!(html.contains("<th class=\"score\">50–100%</th>"), "{html}");
        assert!(html.contains(".score,.number{white-space:nowrap}"));
        // Without a range, the legend does not explain one.
        let mut verified = matrix(Lang::En);
        verified.countries[0].verified = true;
        verified.countries[0].coverage_max = 0.5;
        assert!(!render_coverage(&verified).contains("the first figure"));
    }

    #[test]
    fn a_cell_resting_on_automatic_matches_only_is_marked_and_explained() {
        let plain = render_coverage(&matrix(Lang::En));
        assert!(plain.contains("<td class=\"partial\">~</td>"), "{plain}");
        assert!(
            !plain.contains("key unconfirmed"),
            "no mark, no legend entry"
        );
        let mut m = matrix(Lang::En);
        if let Some(c) = m.countries[0].cells.get_mut(&ClauseId::new("a")) {
            c.unconfirmed = true;
        }
        let html = render_coverage(&m);
        assert!(html.contains("<td class=\"partial\">~*</td>"), "{html}");
        assert!(
            html.contains("<span class=\"key unconfirmed\">*</span>rests on an automatic match"),
            "{html}"
        );
        let text = crate::compare::display::text::render_coverage(&m);
        assert!(text.contains("\n* rests on an automatic match"), "{text}");
        let md = crate::compare::display::md::render_coverage(&m);
        assert!(md.contains("\n`*` rests on an automatic match"), "{md}");
        assert!(md.contains(" `~*` |"), "{md}");
        let json = serde_json::to_value(&m.countries[0].cells).expect("json");
        assert_eq!(json["a"]["unconfirmed"], true);
        assert!(json["b"].get("unconfirmed").is_none());
    }

    #[test]
    fn annex_articles_are_named_in_the_reports_language() {
        let ar = render_coverage(&matrix(Lang::Ar));
        assert!(ar.contains("<td class=\"number\">الملحق 3</td>"), "{ar}");
        assert!(!ar.contains(">annex 3<"), "{ar}");
        assert!(render_coverage(&matrix(Lang::Fr)).contains(">annexe 3<"));
        assert!(render_coverage(&matrix(Lang::En)).contains(">annex 3<"));
        assert_eq!(article_name(Lang::Ar, "annex 3"), "المادة 3 من الملحق");
        assert_eq!(article_name(Lang::En, "annex 3"), "Article 3 of the Annex");
        assert_eq!(article_name(Lang::Fr, "12"), "Article 12");
    }

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape("<script>\"x\"&'y'</script>"),
            "&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;"
        );
    }
}
