//! Stage: compare (display). Renders a [`super::GapReport`] or a
//! [`super::coverage::CoverageReport`] as text, Markdown, HTML or JSON. Rendering only: no
//! scoring, no decisions, no I/O (the command writes the result).

pub mod html;
pub mod json;
pub mod md;
pub mod text;
pub mod typ;

use super::Coverage;
use super::coverage::{Cell, CellStatus, Duty};
use crate::model::Lang;

/// The words of the reports in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    GapTitle,
    CoverageWord,
    Formula,
    Themes,
    Provisions,
    Matches,
    Missing,
    NationalText,
    ModelText,
    Unmatched,
    SettledNone,
    NoneWord,
    NoLegislation,
    /// The heading of the national articles about a subject outside the model law.
    Outside,
    Mandatory,
    Optional,
    Explicit,
    Auto,
    Covered,
    Partial,
    MissingStatus,
    Article,
    RegionalTitle,
    Version,
    Countries,
    Instruments,
    Ratifications,
    Uncovered,
    Legend,
    Obligation,
    Unconfirmed,
    Recommendation,
    /// "known gaps: obligations 7, recommendations 0", a country's line in the text matrix.
    KnownGaps,
    Omitted,
    NationalLaw,
    ShownIn,
    NotVerified,
    AtMost,
    AtMostDoubt,
    Resembles,
    ResemblesMany,
    Found,
    ToConfirm,
    ToConfirmHow,
    AlsoResembles,
}

/// A national article whose matches are all automatic, and the `model:` line that would
/// confirm them, for the analyst to check: see [`to_confirm`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ToConfirm {
    /// The article ("419", or "penal-code 419" in a body of several laws).
    pub article: String,
    /// The line that would confirm the alignment's proposal: `model: a, b`.
    #[serde(rename = "model")]
    pub model_line: String,
    /// Where to write it: `countries/ly/legislation/penal-code-related.md:31` (the heading's
    /// line; empty when the article was not read from a file).
    pub at: String,
    /// Other provisions among the article's best candidates, with their scores: what else to
    /// read it against.
    pub also: Vec<Lead>,
}

/// A provision an article resembles without being matched to it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Lead {
    pub clause: String,
    pub score: f64,
}

/// "scope (0.21), definitions (0.18)": ids, shown left to right in every language.
pub fn leads_text(leads: &[Lead]) -> String {
    leads
        .iter()
        .map(|x| format!("{} ({:.2})", x.clause, x.score))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The national articles an analyst still has to settle because the report's findings rest
/// on their automatic matches: each with the `model:` line the alignment proposes and where
/// it goes. Empty when every matched article has its `model:` line.
pub fn to_confirm(r: &super::GapReport) -> Vec<ToConfirm> {
    let several = r.laws.len() > 1;
    r.national
        .iter()
        .filter(|n| !n.settled && !n.clauses.is_empty())
        .map(|n| ToConfirm {
            article: if several {
                format!("{} {}", n.law, n.number)
            } else {
                n.number.clone()
            },
            model_line: format!(
                "model: {}",
                n.clauses
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            at: match (n.file.is_empty(), n.line) {
                (true, _) => String::new(),
                (false, 0) => n.file.clone(),
                (false, line) => format!("{}:{line}", n.file),
            },
            also: n
                .also
                .iter()
                .map(|(c, score)| Lead {
                    clause: c.as_str().to_string(),
                    score: *score,
                })
                .collect(),
        })
        .collect()
}

/// The closing lists of a gap report, each a label and the national articles in it: the
/// articles that match no provision (always, "none" when empty), then those an analyst marked
/// `model: none`, then those about a subject outside the model law, in one list grouped by
/// subject (only when there are some). Each display lays them out and escapes them its own way.
pub fn national_lists(r: &super::GapReport, l: Lang) -> Vec<(String, Vec<String>)> {
    let mut out = vec![(
        label(l, Label::Unmatched).to_string(),
        if r.unmatched_articles.is_empty() {
            vec![label(l, Label::NoneWord).to_string()]
        } else {
            r.unmatched_articles.clone()
        },
    )];
    if !r.settled_none.is_empty() {
        out.push((
            label(l, Label::SettledNone).to_string(),
            r.settled_none.clone(),
        ));
    }
    if !r.outside.is_empty() {
        // One list, a group per subject: "2, 4 bis (smuggling of migrants …); 19 (failure to
        // report the offence)".
        let (comma, semicolon) = (list_sep(l), if l == Lang::Ar { "؛ " } else { "; " });
        let groups: Vec<String> = r
            .outside
            .iter()
            .map(|o| format!("{} ({})", o.articles.join(comma), o.label))
            .collect();
        out.push((
            label(l, Label::Outside).to_string(),
            vec![groups.join(semicolon)],
        ));
    }
    out
}

/// A gap report's heading: "Gap analysis: jo — <the laws' titles>", or "… — no national
/// legislation yet" when the country has none in the project. Each display escapes it its
/// own way; the text display adds the laws' ids.
pub fn heading(r: &super::GapReport) -> String {
    let l = r.lang;
    let laws = if r.laws.is_empty() {
        label(l, Label::NoLegislation)
    } else {
        r.law_title.as_str()
    };
    format!(
        "{}{} {} — {laws}",
        label(l, Label::GapTitle),
        colon(l),
        r.country
    )
}

/// The regional matrix's heading: "Regional coverage of the model law: <its title>, version
/// 1.0.0" (the law's id when it has no title in the report's language).
pub fn coverage_heading(r: &super::coverage::CoverageReport) -> String {
    let name = if r.title.is_empty() { &r.law } else { &r.title };
    let colon = colon(r.lang);
    let comma = if r.lang == Lang::Ar { "،" } else { "," };
    format!(
        "{}{colon} {name}{comma} {} {}",
        label(r.lang, Label::RegionalTitle),
        label(r.lang, Label::Version),
        r.version
    )
}

/// The label in a language.
pub fn label(lang: Lang, l: Label) -> &'static str {
    let [ar, en, fr] = words(l);
    match lang {
        Lang::Ar => ar,
        Lang::En => en,
        Lang::Fr => fr,
    }
}

fn words(l: Label) -> [&'static str; 3] {
    match l {
        Label::GapTitle => ["تحليل الفجوات", "Gap analysis", "Analyse des lacunes"],
        Label::CoverageWord => ["نسبة التغطية", "Coverage", "Couverture"],
        Label::Formula => [
            "الأحكام الإلزامية بوزن 2 والاختيارية بوزن 1، والتغطية الجزئية بنصف النقطة",
            "mandatory provisions weigh 2, optional 1; partial coverage counts half",
            "dispositions obligatoires : poids 2, facultatives : 1 ; couverture partielle : moitié",
        ],
        Label::Themes => [
            "المحاور ذات الأولوية",
            "Priority themes",
            "Thèmes prioritaires",
        ],
        Label::Provisions => ["الأحكام", "Provisions", "Dispositions"],
        Label::Matches => ["المواد المقابلة", "Matches", "Correspondances"],
        Label::Missing => ["ما ينقص", "Missing", "Manque"],
        Label::NationalText => ["النص الوطني", "National text", "Texte national"],
        Label::ModelText => [
            "نص القانون النموذجي",
            "Model law text",
            "Texte de la loi type",
        ],
        Label::Unmatched => [
            "مواد وطنية لا تقابل أي حكم",
            "National articles matching no provision",
            "Articles nationaux sans correspondance",
        ],
        Label::SettledNone => [
            "مواد وطنية قرّر المحلل أنها لا تسنّ أي حكم (\u{2066}model: none\u{2069})",
            "National articles an analyst found to enact no provision (model: none)",
            "Articles nationaux qui, selon l'analyste, ne transposent aucune disposition (model: none)",
        ],
        Label::ToConfirm => [
            "مطابقات آلية للتأكيد",
            "Automatic matches to confirm",
            "Correspondances automatiques à confirmer",
        ],
        Label::ToConfirmHow => [
            "لم يحسم محلل هذه المطابقات، وهي قائمة على تشابه الألفاظ وحده. اكتب تحت عنوان كل مادة سطر \u{2066}model:\u{2069} بالأحكام التي تسنّها فعلاً (السطر المقترح بعد مراجعته)، أو \u{2066}model: none\u{2069} إن لم تسنّ أياً منها.",
            "No analyst has settled these matches; they rest on shared wording alone. Under each article's heading, write a `model:` line with the provisions it does enact (the line proposed, once checked), or `model: none` if it enacts none.",
            "Aucun analyste n'a tranché ces correspondances, qui reposent sur la seule ressemblance des termes. Sous le titre de chaque article, écrivez une ligne `model:` avec les dispositions qu'il transpose réellement (la ligne proposée, une fois vérifiée), ou `model: none` s'il n'en transpose aucune.",
        ],
        Label::AlsoResembles => ["تشبه أيضاً", "also resembles", "ressemble aussi à"],
        Label::NoneWord => ["لا شيء", "none", "aucun"],
        Label::Outside => [
            "مواد وطنية في موضوعات تخرج عن القانون النموذجي، لم تُقارن به",
            "National articles on subjects outside the model law, not compared with it",
            "Articles nationaux portant sur des sujets étrangers à la loi type, non comparés avec elle",
        ],
        Label::NoLegislation => [
            "لا تشريع وطني بعد",
            "no national legislation yet",
            "aucune législation nationale pour l'instant",
        ],
        Label::Mandatory => ["إلزامي", "mandatory", "obligatoire"],
        Label::Optional => ["اختياري", "optional", "facultatif"],
        Label::Explicit => ["صريح", "explicit", "explicite"],
        Label::Auto => ["آلي", "auto", "automatique"],
        Label::Covered => ["مغطى", "covered", "couvert"],
        Label::Partial => ["جزئي", "partial", "partiel"],
        Label::MissingStatus => ["غائب", "missing", "absent"],
        Label::Article => ["المادة", "Article", "Article"],
        Label::RegionalTitle => [
            "التغطية الإقليمية للقانون النموذجي",
            "Regional coverage of the model law",
            "Couverture régionale de la loi type",
        ],
        Label::Version => ["الإصدار", "version", "version"],
        Label::Countries => ["الدول", "Countries", "Pays"],
        Label::Instruments => [
            "الصكوك الدولية والأحكام التي تنفذها",
            "Instruments and the provisions implementing them",
            "Instruments et dispositions qui les mettent en œuvre",
        ],
        Label::Ratifications => ["التصديقات", "Ratifications", "Ratifications"],
        Label::Uncovered => [
            "التزامات لا تغطيها أي مادة",
            "Obligations no article covers",
            "Obligations qu'aucun article ne couvre",
        ],
        Label::Legend => ["مفتاح الرموز", "Legend", "Légende"],
        Label::Obligation => ["التزام", "obligation", "obligation"],
        Label::Unconfirmed => [
            "مطابقة آلية بحسب تشابه النص لم يؤكدها محلل بعد",
            "rests on an automatic match by wording, not yet confirmed by an analyst",
            "repose sur une correspondance automatique des termes, non encore confirmée par un analyste",
        ],
        Label::Recommendation => ["توصية", "recommendation", "recommandation"],
        Label::KnownGaps => [
            "الثغرات المعروفة: التزامات {o}، توصيات {r}",
            "known gaps: obligations {o}, recommendations {r}",
            "lacunes connues\u{a0}: obligations {o}, recommandations {r}",
        ],
        Label::Omitted => [
            "محذوف في النسخة الوطنية",
            "omitted in the variant",
            "omis dans la variante",
        ],
        Label::NationalLaw => ["القانون الوطني", "National law", "Loi nationale"],
        Label::ShownIn => ["معروض باللغة", "shown in", "affiché en"],
        Label::NotVerified => ["غير متحقق منه", "not verified", "non vérifié"],
        Label::Found => ["ما يتضمنه النص الوطني", "Found in", "Présent dans"],
        Label::AtMost => [
            "على الأكثر بعد قراءة المواد غير المتاحة",
            "at most, once the unread articles are read",
            "au plus, une fois lus les articles non disponibles",
        ],
        Label::Resembles => ["تشبهه المادة", "resembles article", "ressemble à l'article"],
        Label::ResemblesMany => [
            "تشبهه المواد",
            "resembles articles",
            "ressemble aux articles",
        ],
        Label::AtMostDoubt => [
            "على الأكثر إن ثبت وجود الأحكام غير المتحقق منها",
            "at most, if the provisions not verified are there",
            "au plus, si les dispositions non vérifiées y figurent",
        ],
    }
}

/// The status word in a language.
pub fn status_label(lang: Lang, s: Coverage) -> &'static str {
    label(
        lang,
        match s {
            Coverage::Covered => Label::Covered,
            Coverage::Partial => Label::Partial,
            Coverage::Missing => Label::MissingStatus,
            Coverage::NotVerified => Label::NotVerified,
        },
    )
}

/// The coverage score as a report states it: "42.5%" when every absence is verified, else the
/// range "12% – 64% (at most, once the unread articles are read)", or "(at most, if the
/// provisions not verified are there)" for a complete official text.
pub fn score_text(r: &super::GapReport) -> String {
    if r.coverage_max <= r.coverage {
        percent(r.lang, r.coverage)
    } else {
        format!(
            "{} – {} ({})",
            percent(r.lang, r.coverage),
            percent(r.lang, r.coverage_max),
            label(
                r.lang,
                if r.verified {
                    Label::AtMostDoubt
                } else {
                    Label::AtMost
                }
            )
        )
    }
}

/// "covered 3, partial 5, missing 0, not verified 60": the statuses a report has, in order.
pub fn status_counts(r: &super::GapReport) -> String {
    let l = r.lang;
    [
        Coverage::Covered,
        Coverage::Partial,
        Coverage::Missing,
        Coverage::NotVerified,
    ]
    .into_iter()
    .filter_map(|st| {
        let n = r.provisions.iter().filter(|p| p.status == st).count();
        // A complete official text shows "not verified" only when it has some.
        (st != Coverage::NotVerified || !r.verified || n > 0)
            .then(|| format!("{} {n}", status_label(l, st)))
    })
    .collect::<Vec<_>>()
    .join(", ")
}

/// A priority theme's name in a language (the tag itself when unknown).
pub fn theme_label(lang: Lang, theme: &str) -> String {
    let w: Option<[&str; 3]> = match theme {
        "early-marriage" => Some(["الزواج المبكر", "early marriage", "mariage précoce"]),
        "domestic-work" => Some(["العمل المنزلي", "domestic work", "travail domestique"]),
        "non-punishment" => Some(["عدم معاقبة الضحايا", "non-punishment", "non-sanction"]),
        "shelter" => Some(["الإيواء", "shelter", "hébergement"]),
        "referral" => Some(["الإحالة", "referral", "orientation"]),
        "re-trafficking" => Some(["منع إعادة الاتجار", "re-trafficking", "nouvelle traite"]),
        "identification" => Some(["التعرف على الضحايا", "identification", "identification"]),
        "children" => Some(["الأطفال", "children", "enfants"]),
        _ => None,
    };
    match (w, lang) {
        (Some([ar, _, _]), Lang::Ar) => ar.to_string(),
        (Some([_, en, _]), Lang::En) => en.to_string(),
        (Some([_, _, fr]), Lang::Fr) => fr.to_string(),
        (None, _) => theme.to_string(),
    }
}

/// A one- or two-character symbol of a matrix cell: `+` covered, `~` partial, `-` missing,
/// `?` not verified, `x` omitted; `!` after `~` or `-` marks an obligation.
pub fn cell_symbol(c: &Cell) -> &'static str {
    match (c.status, c.duty, c.unconfirmed) {
        (CellStatus::Covered, _, false) => "+",
        (CellStatus::Covered, _, true) => "+*",
        (CellStatus::Partial, Some(Duty::Obligation), false) => "~!",
        (CellStatus::Partial, Some(Duty::Obligation), true) => "~!*",
        (CellStatus::Partial, _, false) => "~",
        (CellStatus::Partial, _, true) => "~*",
        (CellStatus::Missing, Some(Duty::Obligation), _) => "-!",
        (CellStatus::Missing, _, _) => "-",
        (CellStatus::NotVerified, _, _) => "?",
        (CellStatus::Omitted, _, _) => "x",
    }
}

/// The colon after a label, as the language writes it: French puts a no-break space before
/// it ("Couverture : 12 %", as the packets and caveats do); Arabic and English do not.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}:",
        Lang::Ar | Lang::En => ":",
    }
}

/// What separates the items of a list of national articles in a language: the Arabic comma in
/// Arabic ("14، 20، 21"), else a comma.
pub fn list_sep(lang: Lang) -> &'static str {
    if lang == Lang::Ar { "، " } else { ", " }
}

/// The matrix legend's entries in order: the symbol [`cell_symbol`] writes, the class the HTML
/// matrix colours it with, and its word.
pub const LEGEND: [(&str, &str, Label); 6] = [
    ("+", "covered", Label::Covered),
    ("~", "partial", Label::Partial),
    ("-", "missing", Label::MissingStatus),
    ("?", "not-verified", Label::NotVerified),
    ("x", "omitted", Label::Omitted),
    ("!", "obligation", Label::Obligation),
];

/// The legend as one line, each symbol written by `symbol` ("+ covered, ~ partial, …").
pub fn legend_line(lang: Lang, symbol: impl Fn(&str) -> String) -> String {
    LEGEND
        .iter()
        .map(|&(sym, _, word)| format!("{} {}", symbol(sym), label(lang, word)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The legend's entry for `*` when some cell of the matrix has it (see [`cell_symbol`]).
pub fn unconfirmed_legend(r: &super::coverage::CoverageReport) -> Option<&'static str> {
    r.countries
        .iter()
        .any(|c| c.cells.values().any(|x| x.unconfirmed))
        .then(|| label(r.lang, Label::Unconfirmed))
}

/// A provision's number as a report's lists show it: "12", and for the shelter regulations
/// ("annex 3") the annex in the report's language.
pub fn row_number(l: Lang, number: &str) -> String {
    match (l, number.strip_prefix("annex ")) {
        (Lang::Ar, Some(n)) => format!("الملحق {n}"),
        (Lang::Fr, Some(n)) => format!("annexe {n}"),
        _ => number.to_string(),
    }
}

/// A score as a percentage: 0.425 → "42.5%".
/// The matches of a provision as plain text, "448-1 (explicit, 0.45); 3 (auto, 0.31)": each
/// format escapes it in its own way.
pub fn matches_text(lang: Lang, matches: &[super::Match], several_laws: bool) -> String {
    matches
        .iter()
        .map(|m| {
            let src = match m.source {
                super::MatchSource::Explicit => Label::Explicit,
                super::MatchSource::Auto => Label::Auto,
            };
            if several_laws {
                format!(
                    "{} {} ({}, {:.2})",
                    m.law,
                    m.article,
                    label(lang, src),
                    m.score
                )
            } else {
                format!("{} ({}, {:.2})", m.article, label(lang, src), m.score)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A provision's matches as [`matches_text`] writes them, then the articles that resemble it
/// when it is not verified and no article matches it: "resembles articles 12 (0.24), 3 (0.2)".
pub fn matches_cell(lang: Lang, p: &super::Provision, several_laws: bool) -> String {
    let mut s = matches_text(lang, &p.matches, several_laws);
    if !p.resembles.is_empty() {
        if !s.is_empty() {
            s.push_str("; ");
        }
        let articles = p
            .resembles
            .iter()
            .map(|m| {
                if several_laws {
                    format!("{} {} ({:.2})", m.law, m.article, m.score)
                } else {
                    format!("{} ({:.2})", m.article, m.score)
                }
            })
            .collect::<Vec<_>>()
            .join(if lang == Lang::Ar { "، " } else { ", " });
        let which = if p.resembles.len() == 1 {
            Label::Resembles
        } else {
            Label::ResemblesMany
        };
        s.push_str(&format!("{} {articles}", label(lang, which)));
    }
    s
}

/// A provision's matches as a line of its own, for the formats that write one per provision
/// (text, HTML): "Matches: 3 (0.41)", or, when no article matches it and some resemble it,
/// "Resembles articles 12 (0.24), 3 (0.2)" (no "Matches:" label over articles that do not
/// match). `None` when there is neither.
pub fn matches_line(lang: Lang, p: &super::Provision, several_laws: bool) -> Option<String> {
    if p.matches.is_empty() && p.resembles.is_empty() {
        return None;
    }
    let cell = matches_cell(lang, p, several_laws);
    Some(if p.matches.is_empty() {
        let mut chars = cell.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        format!(
            "{}{colon} {cell}",
            label(lang, Label::Matches),
            colon = colon(lang)
        )
    })
}

/// A country's coverage in the matrix: "42%" when verified, "12–64%" when not.
pub fn column_score(lang: Lang, c: &super::coverage::CountryColumn) -> String {
    if c.coverage_max <= c.coverage {
        percent(lang, c.coverage)
    } else {
        percent_range(lang, c.coverage, c.coverage_max)
    }
}

/// Where each element of a provision is found, "paragraph 1 → 3; paragraph 2(b) → 5" (with
/// the law's id when the report compares several laws): each format escapes it its own way.
pub fn found_text(lang: Lang, found: &[super::FoundElement], several_laws: bool) -> String {
    let sep = if lang == Lang::Ar { "؛ " } else { "; " };
    found
        .iter()
        .map(|f| {
            let element = if f.element.is_empty() {
                label(lang, Label::Article).to_string()
            } else {
                f.element.clone()
            };
            let article = match &f.part {
                Some(part) => format!("{}{part}", f.article),
                None => f.article.clone(),
            };
            // The arrow points from the element to the article in the reading direction:
            // an arrow is not mirrored in right-to-left text.
            let arrow = if lang == Lang::Ar { "←" } else { "→" };
            if several_laws {
                format!("{element} {arrow} {} {article}", f.law)
            } else {
                format!("{element} {arrow} {article}")
            }
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// A score as a percentage to one decimal, as the language writes it: "42.5%" in Arabic and
/// English (the model law writes Western digits), "42,5 %" in French (decimal comma, narrow
/// no-break space before the sign).
pub fn percent(lang: Lang, x: f64) -> String {
    let number = percent_number(lang, x);
    if lang == Lang::Fr {
        format!("{number}\u{202F}%")
    } else {
        format!("{number}%")
    }
}

/// A range of scores with one sign: "7.1–100%", "7,1–100 %".
pub fn percent_range(lang: Lang, low: f64, high: f64) -> String {
    format!("{}–{}", percent_number(lang, low), percent(lang, high))
}

/// The number of [`percent`], without the sign.
fn percent_number(lang: Lang, x: f64) -> String {
    let p = (x * 1000.0).round() / 10.0;
    let text = format!("{p}");
    if lang == Lang::Fr {
        text.replace('.', ",")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_written_as_each_language_writes_them() {
        assert_eq!(percent(Lang::En, 0.425), "42.5%");
        assert_eq!(percent(Lang::Ar, 0.12), "12%");
        assert_eq!(percent(Lang::Fr, 0.425), "42,5\u{202F}%");
        assert_eq!(percent(Lang::Fr, 1.0), "100\u{202F}%");
        assert_eq!(percent_range(Lang::En, 0.071, 1.0), "7.1–100%");
        assert_eq!(percent_range(Lang::Fr, 0.071, 1.0), "7,1–100\u{202F}%");
    }

    #[test]
    fn the_legend_explains_every_symbol_a_cell_can_show() {
        let statuses = [
            CellStatus::Covered,
            CellStatus::Partial,
            CellStatus::Missing,
            CellStatus::NotVerified,
            CellStatus::Omitted,
        ];
        let explained: String = LEGEND.iter().map(|(sym, _, _)| *sym).collect();
        for status in statuses {
            for duty in [None, Some(Duty::Obligation), Some(Duty::Recommendation)] {
                for unconfirmed in [false, true] {
                    let shown = cell_symbol(&Cell {
                        status,
                        duty,
                        unconfirmed,
                    });
                    // `*` has its own entry, shown when some cell has it.
                    for c in shown.chars().filter(|&c| c != '*') {
                        assert!(explained.contains(c), "{shown}: no legend for {c}");
                    }
                }
            }
        }
        assert_eq!(
            legend_line(Lang::En, |s| format!("`{s}`")),
            "`+` covered, `~` partial, `-` missing, `?` not verified, `x` omitted in the variant, `!` obligation"
        );
    }
}
