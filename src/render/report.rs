//! The view of the regional report (`qanun report`): title page and summary, heat maps, charts
//! per theme, ratifications, a page per country, findings, sources. Built from the regional
//! matrix ([`CoverageReport`], the numbers `coverage --format json` prints) and, per country,
//! the key gaps and asks of its packet; `report.typ.tera` (PDF) and `report.html.tera` lay it
//! out and draw the charts. Every number shown is one of the matrix's, formatted here once;
//! the raw value travels beside it for the charts' geometry.

use crate::compare::coverage::{CountryColumn, CoverageReport, DedicatedLaw, GroupScore};
use crate::compare::display::{percent, percent_range};
use crate::compare::region::{ObligationFinding, ProvisionFinding, Spread, ThemeRegion, WIDEST};
use crate::model::{Lang, Law, RatificationStatus, pick};
use serde::Serialize;
use std::collections::BTreeMap;

/// What a country page adds to the matrix: from the country's packet.
#[derive(Debug, Clone, Default)]
pub struct CountryExtras {
    /// The packet's key gaps, most important first ("Article 12 — … (partial)").
    pub key_gaps: Vec<String>,
    /// The packet's asks.
    pub asks: Vec<String>,
}

/// A figure of the summary page, with what it rests on.
#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    pub value: String,
    pub label: String,
    /// How much of it is verified against official texts.
    pub basis: String,
}

/// A cell of a heat map (or a bar of a chart): a group's score for a country.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// The group (theme or part id), or `coverage` for a country's whole score.
    pub id: String,
    /// The verified score and the most it can be, 0 to 1, as in `coverage --format json`.
    pub score: f64,
    pub max: f64,
    /// "7.1%", or "7.1–100%" when the score is not settled.
    pub text: String,
    /// Nothing unread could change the score: drawn plain; else hatched with a dashed edge.
    pub settled: bool,
    /// The variant keeps none of the group's provisions: no score.
    pub empty: bool,
    /// The colour step of the verified score, 0 (none) to 4 (three quarters or more).
    pub level: u8,
}

/// A row of a heat map: a country.
#[derive(Debug, Clone, Serialize)]
pub struct HeatRowView {
    pub code: String,
    pub name: String,
    pub cells: Vec<CellView>,
}

/// A column of a heat map: a theme or a part of the model law.
#[derive(Debug, Clone, Serialize)]
pub struct HeatColumnView {
    pub id: String,
    pub title: String,
}

/// Countries × groups.
#[derive(Debug, Clone, Serialize)]
pub struct HeatMapView {
    pub title: String,
    pub note: String,
    pub columns: Vec<HeatColumnView>,
    pub rows: Vec<HeatRowView>,
}

/// A bar of a theme's ranking.
#[derive(Debug, Clone, Serialize)]
pub struct BarView {
    pub code: String,
    pub name: String,
    #[serde(flatten)]
    pub cell: CellView,
}

/// One theme's ranking of the countries.
#[derive(Debug, Clone, Serialize)]
pub struct BarChartView {
    pub id: String,
    pub title: String,
    pub bars: Vec<BarView>,
}

/// An instrument of the ratifications chart.
#[derive(Debug, Clone, Serialize)]
pub struct InstrumentView {
    pub id: String,
    pub short: String,
    pub name: String,
}

/// A country's row of the ratifications chart: one status per instrument
/// (`party`, `signatory`, `not-party`, `unknown`, as in `coverage --format json`).
#[derive(Debug, Clone, Serialize)]
pub struct RatRowView {
    pub code: String,
    pub name: String,
    pub cells: Vec<String>,
}

/// A national text a country's figures rest on.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub title: String,
    /// "year: 2009".
    pub date: String,
    /// The amendments as the file lists them (data, in the file's language; may be empty).
    pub amendments: String,
    /// "unofficial summary, 6 articles of 17" and the like.
    pub nature: String,
    pub official: bool,
    pub source: String,
}

/// A ratification on a country page.
#[derive(Debug, Clone, Serialize)]
pub struct CountryRatView {
    pub short: String,
    pub status: String,
    pub key: String,
}

/// One country's page.
#[derive(Debug, Clone, Serialize)]
pub struct CountryPageView {
    pub code: String,
    pub name: String,
    pub short: String,
    pub score: CellView,
    /// What the score rests on, in a sentence.
    pub basis: String,
    pub dedicated: String,
    pub gaps: Vec<String>,
    /// Said when there are fewer than three verified gaps.
    pub gaps_note: Option<String>,
    pub ratifications: Vec<CountryRatView>,
    pub asks: Vec<String>,
    pub sources: Vec<SourceView>,
}

/// A finding: a heading, a sentence, and the items it rests on.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    pub title: String,
    pub text: String,
    pub items: Vec<String>,
}

/// The static words of the report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportLabels {
    pub report: &'static str,
    pub contents: &'static str,
    pub summary: &'static str,
    pub widest: &'static str,
    pub rankings: &'static str,
    pub ratifications: &'static str,
    pub countries: &'static str,
    pub findings: &'static str,
    pub sources: &'static str,
    pub amendments: &'static str,
    /// The colon after a label: ":" (French puts a no-break space before it).
    pub colon: &'static str,
    pub rests_on: &'static str,
    pub gaps: &'static str,
    pub asks: &'static str,
    pub legend: &'static str,
    pub settled: &'static str,
    pub unsettled: &'static str,
    pub empty: &'static str,
    pub steps: [&'static str; 5],
    pub party: &'static str,
    pub signatory: &'static str,
    pub not_party: &'static str,
    pub unknown: &'static str,
    pub none: &'static str,
    pub version: &'static str,
    pub date: &'static str,
    pub prepared_by: &'static str,
    pub bars_note: &'static str,
    pub ratifications_note: &'static str,
}

/// Everything the report templates need.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    pub lang: &'static str,
    pub dir: &'static str,
    pub rtl: bool,
    pub labels: ReportLabels,
    pub title: String,
    pub subtitle: String,
    pub law_title: String,
    pub author: String,
    pub version: String,
    pub date: String,
    /// The warning that the texts are summaries, when any is.
    pub caveat: Option<String>,
    pub figures: Vec<FigureView>,
    pub widest: Vec<String>,
    pub themes: HeatMapView,
    pub parts: HeatMapView,
    pub bars: Vec<BarChartView>,
    pub instruments: Vec<InstrumentView>,
    pub ratifications: Vec<RatRowView>,
    pub countries: Vec<CountryPageView>,
    pub findings: Vec<FindingView>,
    pub sources_note: String,
}

/// Builds the report's view. `extras` are keyed by country code.
pub fn report_view(
    law: &Law,
    r: &CoverageReport,
    extras: &BTreeMap<String, CountryExtras>,
) -> ReportView {
    let lang = r.lang;
    let labels = labels(lang);
    let n = r.countries.len();
    let short: BTreeMap<&str, &str> = r
        .countries
        .iter()
        .map(|c| (c.code.as_str(), c.short.as_str()))
        .collect();
    let names = |codes: &[String]| {
        list(
            lang,
            codes
                .iter()
                .map(|c| short.get(c.as_str()).copied().unwrap_or(c)),
        )
    };
    let heat = |title: String,
                note: String,
                groups: &[crate::compare::coverage::GroupRow],
                pick_scores: &dyn Fn(&CountryColumn) -> &[GroupScore]| HeatMapView {
        title,
        note,
        columns: groups
            .iter()
            .map(|g| HeatColumnView {
                id: g.id.clone(),
                // A column header is a heading: "Early marriage", not "early marriage".
                title: upper_first(&g.title),
            })
            .collect(),
        rows: r
            .countries
            .iter()
            .map(|c| HeatRowView {
                code: c.code.clone(),
                name: c.short.clone(),
                cells: pick_scores(c).iter().map(|s| group_cell(lang, s)).collect(),
            })
            .collect(),
    };
    let binding: Vec<&crate::model::Instrument> =
        law.instruments.iter().filter(|i| i.binding).collect();
    ReportView {
        lang: lang.code(),
        dir: if lang.is_rtl() { "rtl" } else { "ltr" },
        rtl: lang.is_rtl(),
        title: labels.report.to_string(),
        subtitle: subtitle(lang, n),
        law_title: pick(&law.title, lang).cloned().unwrap_or_default(),
        author: pick(&law.author, lang).cloned().unwrap_or_default(),
        version: r.version.clone(),
        date: law.date.clone(),
        caveat: caveat(lang, r, &names),
        figures: figures(lang, r, &names),
        widest: r
            .region
            .themes
            .iter()
            .take(WIDEST)
            .map(|t| theme_line(lang, t, n))
            .collect(),
        themes: heat(heat_title(lang, true), heat_note(lang), &r.themes, &|c| {
            &c.themes
        }),
        parts: heat(heat_title(lang, false), heat_note(lang), &r.parts, &|c| {
            &c.parts
        }),
        bars: r
            .themes
            .iter()
            .enumerate()
            .map(|(i, g)| ranking(lang, r, i, &g.id, &g.title))
            .collect(),
        instruments: binding
            .iter()
            .map(|i| InstrumentView {
                id: i.id.clone(),
                short: pick(&i.short, lang)
                    .cloned()
                    .unwrap_or_else(|| i.id.clone()),
                name: pick(&i.name, lang).cloned().unwrap_or_default(),
            })
            .collect(),
        ratifications: r
            .countries
            .iter()
            .map(|c| RatRowView {
                code: c.code.clone(),
                name: c.short.clone(),
                cells: binding
                    .iter()
                    .map(|i| rat_status(r, &c.code, &i.id).as_str().to_string())
                    .collect(),
            })
            .collect(),
        countries: r
            .countries
            .iter()
            .map(|c| country_page(lang, r, c, extras.get(&c.code), &binding))
            .collect(),
        findings: findings(lang, law, r, &names),
        sources_note: sources_note(lang),
        labels,
    }
}

fn rat_status(r: &CoverageReport, cc: &str, id: &str) -> RatificationStatus {
    r.ratifications
        .get(cc)
        .and_then(|m| m.get(id))
        .and_then(|s| RatificationStatus::parse(s))
        .unwrap_or(RatificationStatus::Unknown)
}

/// A list of names joined as the language joins them: "a, b and c", "أ وب وج".
fn list<'a>(lang: Lang, items: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<&str> = items.collect();
    let (sep, and) = match lang {
        Lang::Ar => ("، ", " و"),
        Lang::En => (", ", " and "),
        Lang::Fr => (", ", " et "),
    };
    match v.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{}{and}{last}", init.join(sep)),
    }
}

/// The colour step of a verified score.
fn level(score: f64) -> u8 {
    match score {
        s if s <= 0.0 => 0,
        s if s < 0.25 => 1,
        s if s < 0.5 => 2,
        s if s < 0.75 => 3,
        _ => 4,
    }
}

/// A score as the charts print it: "7.1%", or the range "7.1–100%" when not settled.
fn score_text(lang: Lang, score: f64, max: f64) -> String {
    if max > score {
        percent_range(lang, score, max)
    } else {
        percent(lang, score)
    }
}

fn cell(lang: Lang, id: &str, score: f64, max: f64, empty: bool) -> CellView {
    CellView {
        id: id.to_string(),
        score,
        max,
        text: if empty {
            "—".to_string()
        } else {
            score_text(lang, score, max)
        },
        settled: max <= score,
        empty,
        level: level(score),
    }
}

fn group_cell(lang: Lang, s: &GroupScore) -> CellView {
    cell(lang, &s.id, s.score, s.score_max, s.empty())
}

fn ranking(lang: Lang, r: &CoverageReport, i: usize, id: &str, title: &str) -> BarChartView {
    let mut bars: Vec<BarView> = r
        .countries
        .iter()
        .filter_map(|c| {
            let s = c.themes.get(i).filter(|s| s.id == id)?;
            (!s.empty()).then(|| BarView {
                code: c.code.clone(),
                name: c.short.clone(),
                cell: group_cell(lang, s),
            })
        })
        .collect();
    bars.sort_by(|a, b| {
        b.cell
            .score
            .total_cmp(&a.cell.score)
            .then(b.cell.max.total_cmp(&a.cell.max))
            .then(a.code.cmp(&b.code))
    });
    BarChartView {
        id: id.to_string(),
        // A chart's title is a heading: "Early marriage".
        title: upper_first(title),
        bars,
    }
}

fn spread_text(lang: Lang, s: &Spread) -> String {
    let p = |x: f64| score_text(lang, x, x);
    if s.min == s.max {
        return match lang {
            Lang::Ar => format!("{} في كل الدول", p(s.max)),
            Lang::En => format!("{} in every country", p(s.max)),
            Lang::Fr => format!("{} dans tous les pays", p(s.max)),
        };
    }
    match lang {
        Lang::Ar => format!(
            "الوسيط {}، والمدى من {} إلى {}",
            p(s.median),
            p(s.min),
            p(s.max)
        ),
        Lang::En => format!("median {}, range {} to {}", p(s.median), p(s.min), p(s.max)),
        Lang::Fr => format!("médiane {}, de {} à {}", p(s.median), p(s.min), p(s.max)),
    }
}

/// "verified against official texts: 0 of 11 countries".
fn verified_share(lang: Lang, verified: usize, n: usize) -> String {
    match lang {
        Lang::Ar => format!("المتحقَّق منه بنصوص رسمية كاملة: {verified} من {n} دولة"),
        Lang::En => {
            format!("verified against complete official texts: {verified} of {n} countries")
        }
        Lang::Fr => {
            format!("vérifié sur des textes officiels complets\u{a0}: {verified} pays sur {n}")
        }
    }
}

fn figures(lang: Lang, r: &CoverageReport, names: &dyn Fn(&[String]) -> String) -> Vec<FigureView> {
    let g = &r.region;
    let n = g.countries;
    let mut out = Vec::new();
    let in_force = g.dedicated_in_force.len();
    let mut others = Vec::new();
    if !g.dedicated_contested.is_empty() {
        others.push(match lang {
            Lang::Ar => format!("قانون متنازع عليه: {}", names(&g.dedicated_contested)),
            Lang::En => format!("law contested: {}", names(&g.dedicated_contested)),
            Lang::Fr => format!("loi contestée\u{a0}: {}", names(&g.dedicated_contested)),
        });
    }
    if !g.dedicated_draft.is_empty() {
        others.push(match lang {
            Lang::Ar => format!("مشروع قانون فقط: {}", names(&g.dedicated_draft)),
            Lang::En => format!("a bill only: {}", names(&g.dedicated_draft)),
            Lang::Fr => format!(
                "projet de loi seulement\u{a0}: {}",
                names(&g.dedicated_draft)
            ),
        });
    }
    if !g.dedicated_none.is_empty() {
        others.push(match lang {
            Lang::Ar => format!("لا قانون خاص: {}", names(&g.dedicated_none)),
            Lang::En => format!("no dedicated law: {}", names(&g.dedicated_none)),
            Lang::Fr => format!("pas de loi spécifique\u{a0}: {}", names(&g.dedicated_none)),
        });
    }
    let sep = semicolon(lang);
    let profiles = match lang {
        Lang::Ar => "من ملفات الدول، ولكل معلومة مصدرها",
        Lang::En => "from the country profiles, each fact with its source",
        Lang::Fr => "d'après les fiches pays, chaque fait avec sa source",
    };
    out.push(FigureView {
        value: format!("{in_force} / {n}"),
        label: match lang {
            Lang::Ar => "دول لديها قانون نافذ خاص بمكافحة الاتجار بالبشر".to_string(),
            Lang::En => "countries with a dedicated anti-trafficking law in force".to_string(),
            Lang::Fr => "pays dotés d'une loi spécifique contre la traite en vigueur".to_string(),
        },
        basis: if others.is_empty() {
            profiles.to_string()
        } else {
            format!("{}{sep}{profiles}", others.join(sep))
        },
    });
    if let (Some(c), Some(m)) = (&g.coverage, &g.coverage_max) {
        out.push(FigureView {
            value: score_text(lang, c.median, c.median),
            label: match lang {
                Lang::Ar => format!(
                    "التغطية المتحقَّق منها للقانون النموذجي ({})",
                    spread_text(lang, c)
                ),
                Lang::En => format!(
                    "verified coverage of the model law ({})",
                    spread_text(lang, c)
                ),
                Lang::Fr => format!(
                    "couverture vérifiée de la loi type ({})",
                    spread_text(lang, c)
                ),
            },
            basis: {
                let upper = match lang {
                    Lang::Ar => format!(
                        "وقد تبلغ عند قراءة المواد غير المقروءة: {}",
                        spread_text(lang, m)
                    ),
                    Lang::En => format!(
                        "once the unread articles are read, it may reach: {}",
                        spread_text(lang, m)
                    ),
                    Lang::Fr => format!(
                        "une fois lus les articles non lus, elle peut atteindre\u{a0}: {}",
                        spread_text(lang, m)
                    ),
                };
                format!("{}{sep}{upper}", verified_share(lang, g.verified, n))
            },
        });
    }
    let known_gaps = g.gaps_in_most.len();
    out.push(FigureView {
        value: known_gaps.to_string(),
        label: match lang {
            Lang::Ar => "أحكام نعرف أنها ناقصة أو غائبة في أكثر من نصف الدول".to_string(),
            Lang::En => "provisions known to be missing or incomplete in more than half of the countries".to_string(),
            Lang::Fr => "dispositions dont on sait qu'elles manquent ou sont incomplètes dans plus de la moitié des pays".to_string(),
        },
        basis: match lang {
            Lang::Ar => format!(
                "ولا يمكن الحكم على {} حكماً آخر في أكثر من نصف الدول لأن النصوص المتاحة لا تُظهرها{sep}{}",
                g.unverified_in_most.len(),
                verified_share(lang, g.verified, n)
            ),
            Lang::En => format!(
                "{} more provisions cannot be judged in more than half of the countries: the texts we hold do not show them{sep}{}",
                g.unverified_in_most.len(),
                verified_share(lang, g.verified, n)
            ),
            Lang::Fr => format!(
                "{} autres dispositions ne peuvent être jugées dans plus de la moitié des pays\u{a0}: les textes dont nous disposons ne les montrent pas{sep}{}",
                g.unverified_in_most.len(),
                verified_share(lang, g.verified, n)
            ),
        },
    });
    out
}

/// A theme in the summary: "re-trafficking: median 0%; a known gap in 5 countries, not
/// verified in 6".
fn theme_line(lang: Lang, t: &ThemeRegion, n: usize) -> String {
    let gap = t.split.gap.len();
    let unread = t.split.not_verified.len();
    let median = score_text(lang, t.score.median, t.score.median);
    let title = upper_first(&t.title);
    match lang {
        Lang::Ar => format!(
            "{}: الوسيط {median}؛ ثغرة معروفة في {gap} من {n} دولة، ولم يُتحقَّق منه في {unread}، ومستقر التقدير في {}",
            title, t.settled
        ),
        Lang::En => format!(
            "{}: median {median}; a known gap in {gap} of {n} countries, not verified in {unread}, settled in {}",
            title, t.settled
        ),
        Lang::Fr => format!(
            "{}\u{a0}: médiane {median}\u{a0}; lacune connue dans {gap} pays sur {n}, non vérifié dans {unread}, établi dans {}",
            title, t.settled
        ),
    }
}

/// The warning on the summary page when some country's figures rest on summaries or extracts.
fn caveat(lang: Lang, r: &CoverageReport, names: &dyn Fn(&[String]) -> String) -> Option<String> {
    let summaries = summaries_caveat(lang, r, names);
    let auto = unconfirmed_caveat(lang, r, names);
    match (summaries, auto) {
        (Some(s), Some(a)) => Some(format!("{s} {a}")),
        (Some(s), None) => Some(s),
        (None, Some(a)) => Some(format!("{}{a}", crate::compare::caution(lang))),
        (None, None) => None,
    }
}

/// The sentence on findings that rest only on automatic matches, which no analyst has
/// confirmed (the matrix's `*`), when some country has them.
fn unconfirmed_caveat(
    lang: Lang,
    r: &CoverageReport,
    names: &dyn Fn(&[String]) -> String,
) -> Option<String> {
    let counts: Vec<(String, usize)> = r
        .countries
        .iter()
        .map(|c| {
            (
                c.code.clone(),
                c.cells.values().filter(|x| x.unconfirmed).count(),
            )
        })
        .filter(|(_, k)| *k > 0)
        .collect();
    if counts.is_empty() {
        return None;
    }
    let total: usize = counts.iter().map(|(_, k)| k).sum();
    let who = names(&counts.iter().map(|(c, _)| c.clone()).collect::<Vec<_>>());
    Some(match lang {
        Lang::Ar => format!(
            "وفي نصوص {who}، تقوم {total} من النتائج على مطابقات آلية بين النصوص بحسب تشابه ألفاظها لم يؤكدها محلل بعد؛ وقد تكون خاطئة، ولا تدخل في أهم الثغرات المعروضة لكل دولة."
        ),
        Lang::En => format!(
            "For {who}, {total} findings in all rest only on matches made automatically, by comparing wording, that an analyst has not yet confirmed; they may be wrong, and the gaps listed for each country leave them out."
        ),
        Lang::Fr => format!(
            "Pour {who}, {total} constats au total reposent uniquement sur des correspondances établies automatiquement, par comparaison des termes, qu'aucun analyste n'a encore confirmées\u{a0}; elles peuvent être erronées, et les lacunes indiquées pour chaque pays les laissent de côté."
        ),
    })
}

/// The sentence on national texts that are summaries or extracts, when some are.
fn summaries_caveat(
    lang: Lang,
    r: &CoverageReport,
    names: &dyn Fn(&[String]) -> String,
) -> Option<String> {
    let unverified: Vec<String> = r
        .countries
        .iter()
        .filter(|c| !c.verified)
        .map(|c| c.code.clone())
        .collect();
    if unverified.is_empty() {
        return None;
    }
    let n = r.countries.len();
    let k = unverified.len();
    let who = if k == n {
        match lang {
            Lang::Ar => "كل الدول".to_string(),
            Lang::En => "every country".to_string(),
            Lang::Fr => "tous les pays".to_string(),
        }
    } else {
        names(&unverified)
    };
    Some(match lang {
        Lang::Ar => format!(
            "تنبيه: النصوص الوطنية التي بين أيدينا لـ{who} ({k} من {n}) ملخصات غير رسمية أو مقتطفات. ما لم نجده فيها «غير متحقَّق منه» لا «غائب»، وتُعرض تغطيتها مدىً: الرقم الأول ما تُظهره النصوص، والثاني أقصى ما قد تبلغه. لا تُقرأ خانة غير متحقَّق منها على أنها ثغرة."
        ),
        Lang::En => format!(
            "Caution: the national texts we hold for {who} ({k} of {n}) are unofficial summaries or extracts. What we did not find in them is “not verified”, not “missing”, and their coverage is a range: the first figure is what the texts show, the second the most it can be. A cell that is not verified must not be read as a gap."
        ),
        Lang::Fr => format!(
            "Attention\u{a0}: les textes nationaux dont nous disposons pour {who} ({k} sur {n}) sont des résumés non officiels ou des extraits. Ce que nous n'y avons pas trouvé est «\u{a0}non vérifié\u{a0}», non «\u{a0}absent\u{a0}», et leur couverture est une fourchette\u{a0}: le premier chiffre est ce que montrent les textes, le second le maximum possible. Une case non vérifiée ne doit pas être lue comme une lacune."
        ),
    })
}

fn subtitle(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ar => format!("تشريعات مكافحة الاتجار بالبشر في {n} دولة مقارنةً بالقانون النموذجي"),
        Lang::En => {
            format!("Anti-trafficking legislation in {n} countries measured against the model law")
        }
        Lang::Fr => {
            format!("La législation contre la traite dans {n} pays au regard de la loi type")
        }
    }
}

fn heat_title(lang: Lang, themes: bool) -> String {
    match (lang, themes) {
        (Lang::Ar, true) => "التغطية حسب المحاور ذات الأولوية",
        (Lang::Ar, false) => "التغطية حسب أبواب القانون النموذجي",
        (Lang::En, true) => "Coverage by priority theme",
        (Lang::En, false) => "Coverage by chapter of the model law",
        (Lang::Fr, true) => "Couverture par thème prioritaire",
        (Lang::Fr, false) => "Couverture par chapitre de la loi type",
    }
    .to_string()
}

fn heat_note(lang: Lang) -> String {
    match lang {
        Lang::Ar => "الرقم الأول هو ما تُظهره النصوص المتاحة من أحكام القانون النموذجي (المغطاة كلياً أو جزئياً)؛ والرقم الثاني أقصى ما قد تبلغه التغطية حين تُقرأ المواد التي لم نقرأها. الخلية المخططة بخطوط مائلة وإطار متقطع تقدير غير مستقر؛ والخلية الملساء تقدير متحقَّق منه.",
        Lang::En => "The first figure is what the texts we hold show of the model law's provisions (covered in whole or in part); the second is the most coverage can reach once the articles we have not read are read. A hatched cell with a dashed edge is not settled; a plain cell is verified.",
        Lang::Fr => "Le premier chiffre est ce que les textes dont nous disposons montrent des dispositions de la loi type (couvertes en tout ou en partie)\u{a0}; le second, le maximum que la couverture peut atteindre une fois lus les articles que nous n'avons pas lus. Une case hachurée au bord en tirets n'est pas établie\u{a0}; une case unie est vérifiée.",
    }
    .to_string()
}

fn dedicated_text(lang: Lang, d: DedicatedLaw) -> &'static str {
    match (lang, d) {
        (Lang::Ar, DedicatedLaw::InForce) => "لديها قانون نافذ خاص بمكافحة الاتجار بالبشر",
        (Lang::Ar, DedicatedLaw::Contested) => "قانونها الخاص متنازع على نفاذه",
        (Lang::Ar, DedicatedLaw::Draft) => "لديها مشروع قانون فقط",
        (Lang::Ar, DedicatedLaw::None) => "ليس لديها قانون خاص؛ تُطبَّق أحكام قوانين أخرى",
        (Lang::En, DedicatedLaw::InForce) => "has a dedicated anti-trafficking law in force",
        (Lang::En, DedicatedLaw::Contested) => "its dedicated law is contested",
        (Lang::En, DedicatedLaw::Draft) => "has a bill only",
        (Lang::En, DedicatedLaw::None) => "has no dedicated law; provisions of other laws apply",
        (Lang::Fr, DedicatedLaw::InForce) => {
            "dispose d'une loi spécifique contre la traite en vigueur"
        }
        (Lang::Fr, DedicatedLaw::Contested) => "sa loi spécifique est contestée",
        (Lang::Fr, DedicatedLaw::Draft) => "n'a qu'un projet de loi",
        (Lang::Fr, DedicatedLaw::None) => {
            "n'a pas de loi spécifique\u{a0}; d'autres lois s'appliquent"
        }
    }
}

fn source_view(lang: Lang, l: &crate::compare::LawUsed) -> SourceView {
    let nature = match (lang, l.official, l.complete) {
        (Lang::Ar, true, true) => "النص الرسمي الكامل",
        (Lang::Ar, true, false) => "مقتطف من النص الرسمي",
        (Lang::Ar, false, _) => "ملخص غير رسمي",
        (Lang::En, true, true) => "the complete official text",
        (Lang::En, true, false) => "an extract of the official text",
        (Lang::En, false, _) => "an unofficial summary",
        (Lang::Fr, true, true) => "le texte officiel complet",
        (Lang::Fr, true, false) => "un extrait du texte officiel",
        (Lang::Fr, false, _) => "un résumé non officiel",
    };
    let articles = match (lang, l.total_articles) {
        (Lang::Ar, Some(t)) => format!("{} مادة من أصل {t}", l.articles),
        (Lang::Ar, None) => format!("{} مادة", l.articles),
        (Lang::En, Some(t)) => format!("{} articles of {t}", l.articles),
        (Lang::En, None) => format!("{} articles", l.articles),
        (Lang::Fr, Some(t)) => format!("{} articles sur {t}", l.articles),
        (Lang::Fr, None) => format!("{} articles", l.articles),
    };
    let year = if l.year.is_empty() {
        "—"
    } else {
        l.year.as_str()
    };
    let date = match lang {
        Lang::Ar => format!("السنة: {year}"),
        Lang::En => format!("year: {year}"),
        Lang::Fr => format!("année\u{a0}: {year}"),
    };
    SourceView {
        title: if l.title.is_empty() {
            l.id.clone()
        } else {
            l.title.clone()
        },
        date,
        amendments: l.amendments.join("; "),
        nature: format!("{nature} ({articles})"),
        official: l.official,
        source: l.source.clone(),
    }
}

fn country_page(
    lang: Lang,
    r: &CoverageReport,
    c: &CountryColumn,
    extras: Option<&CountryExtras>,
    binding: &[&crate::model::Instrument],
) -> CountryPageView {
    let sources: Vec<SourceView> = c.laws.iter().map(|l| source_view(lang, l)).collect();
    // The provisions not verified: unread in a summary or extract, or in doubt in a complete
    // official text (an article resembles each without matching it, compare's DOUBT_RELATIVE).
    let unread = c
        .cells
        .values()
        .filter(|x| x.status == crate::compare::coverage::CellStatus::NotVerified)
        .count();
    // Of which, in a complete official text: the annex's provisions, not looked for in laws,
    // and those an article resembles.
    let annex = c.annex_not_compared;
    let doubtful = unread.saturating_sub(annex);
    let annex_note = match (lang, annex) {
        (_, 0) => String::new(),
        (Lang::Ar, 1) => "؛ وحكم واحد من أحكام الملحق لم يُقارَن: ليس بين النصوص نظام وطني".to_string(),
        (Lang::Ar, _) => format!("؛ و{annex} من أحكام الملحق لم تُقارَن: ليس بين النصوص نظام وطني"),
        (Lang::En, 1) => "; 1 provision of the annex not compared: no national regulation among the texts".to_string(),
        (Lang::En, _) => format!("; {annex} provisions of the annex not compared: no national regulation among the texts"),
        (Lang::Fr, 1) => "\u{a0}; 1 disposition de l'annexe non comparée\u{a0}: aucun règlement national parmi les textes".to_string(),
        (Lang::Fr, _) => format!("\u{a0}; {annex} dispositions de l'annexe non comparées\u{a0}: aucun règlement national parmi les textes"),
    };
    let basis = if c.laws.is_empty() {
        match lang {
            Lang::Ar => "لا نص وطني في المشروع: لا شيء متحقَّق منه".to_string(),
            Lang::En => "no national text in the project: nothing is verified".to_string(),
            Lang::Fr => "aucun texte national dans le projet\u{a0}: rien n'est vérifié".to_string(),
        }
    } else {
        let what = list(lang, sources.iter().map(|s| s.nature.as_str()));
        if c.verified && doubtful == 0 && annex > 0 {
            match lang {
                Lang::Ar => format!("{what}؛ كل غياب في القانون متحقَّق منه{annex_note}"),
                Lang::En => format!("{what}; every absence from the law is verified{annex_note}"),
                Lang::Fr => {
                    format!("{what}\u{a0}; toute absence dans la loi est vérifiée{annex_note}")
                }
            }
        } else if c.verified && doubtful > 0 {
            match lang {
                Lang::Ar => format!(
                    "{what}؛ {doubtful} من الأحكام «غير متحقَّق منها»: في النص مادة تشبه كلاً منها دون أن تنص عليه بوضوح{annex_note}"
                ),
                Lang::En => format!(
                    "{what}; {doubtful} provisions “not verified”: an article of the text resembles each without clearly enacting it{annex_note}"
                ),
                Lang::Fr => format!(
                    "{what}\u{a0}; {doubtful} dispositions «\u{a0}non vérifiées\u{a0}»\u{a0}: un article du texte ressemble à chacune sans l'énoncer clairement{annex_note}"
                ),
            }
        } else {
            match (lang, c.verified) {
                (Lang::Ar, true) => format!("{what}؛ كل غياب متحقَّق منه"),
                (Lang::Ar, false) => format!("{what}؛ ما لم نجده فيه «غير متحقَّق منه» لا «غائب»"),
                (Lang::En, true) => format!("{what}; every absence is verified"),
                (Lang::En, false) => {
                    format!("{what}; what we did not find there is “not verified”, not “missing”")
                }
                (Lang::Fr, true) => format!("{what}\u{a0}; toute absence est vérifiée"),
                (Lang::Fr, false) => format!(
                    "{what}\u{a0}; ce que nous n'y avons pas trouvé est «\u{a0}non vérifié\u{a0}», non «\u{a0}absent\u{a0}»"
                ),
            }
        }
    };
    let gaps: Vec<String> = extras
        .map(|e| e.key_gaps.iter().take(3).cloned().collect())
        .unwrap_or_default();
    let gaps_note = (gaps.len() < 3).then(|| {
        match lang {
            Lang::Ar => format!("لا تُظهر النصوص المتاحة ثغرات أخرى متحقَّقاً منها؛ ولم يُتحقَّق من {unread} حكماً."),
            Lang::En => format!("The texts we hold show no other verified gap; {unread} provisions are not verified."),
            Lang::Fr => format!("Les textes dont nous disposons ne montrent pas d'autre lacune vérifiée\u{a0}; {unread} dispositions ne sont pas vérifiées."),
        }
    });
    let labels = labels(lang);
    CountryPageView {
        code: c.code.clone(),
        name: c.name.clone(),
        short: c.short.clone(),
        score: cell(lang, "coverage", c.coverage, c.coverage_max, false),
        basis,
        dedicated: dedicated_text(lang, c.dedicated_law).to_string(),
        gaps,
        gaps_note,
        ratifications: binding
            .iter()
            .map(|i| {
                let s = rat_status(r, &c.code, &i.id);
                CountryRatView {
                    short: pick(&i.short, lang)
                        .cloned()
                        .unwrap_or_else(|| i.id.clone()),
                    status: match s {
                        RatificationStatus::Party => labels.party,
                        RatificationStatus::Signatory => labels.signatory,
                        RatificationStatus::NotParty => labels.not_party,
                        RatificationStatus::Unknown => labels.unknown,
                    }
                    .to_string(),
                    key: s.as_str().to_string(),
                }
            })
            .collect(),
        asks: extras.map(|e| e.asks.clone()).unwrap_or_default(),
        sources,
    }
}

fn provision_item(lang: Lang, f: &ProvisionFinding, names: &dyn Fn(&[String]) -> String) -> String {
    let number = crate::compare::display::row_number(lang, &f.number);
    let mut parts = Vec::new();
    if !f.missing.is_empty() {
        parts.push(match lang {
            Lang::Ar => format!("غائب في {}", names(&f.missing)),
            Lang::En => format!("missing in {}", names(&f.missing)),
            Lang::Fr => format!("absent\u{a0}: {}", names(&f.missing)),
        });
    }
    if !f.partial.is_empty() {
        parts.push(match lang {
            Lang::Ar => format!("ناقص في {}", names(&f.partial)),
            Lang::En => format!("incomplete in {}", names(&f.partial)),
            Lang::Fr => format!("incomplet\u{a0}: {}", names(&f.partial)),
        });
    }
    let gap = f.missing.len() + f.partial.len();
    let head = match lang {
        Lang::Ar => format!("المادة {number} «{}»: {gap} من {}", f.title, f.of),
        Lang::En => format!("Article {number}, “{}”: {gap} of {}", f.title, f.of),
        Lang::Fr => format!(
            "Article {number}, «\u{a0}{}\u{a0}»\u{a0}: {gap} sur {}",
            f.title, f.of
        ),
    };
    let sep = semicolon(lang);
    format!("{head} ({})", parts.join(sep))
}

/// The instruments' articles a provision implements, by the instruments' short names, each
/// article once: "Palermo Protocol art. 3, 5; CRC art. 34".
fn citations(lang: Lang, law: &Law, raws: &[String]) -> String {
    let mut by: Vec<(String, Vec<String>)> = Vec::new();
    for raw in raws {
        let (id, rest) = raw.split_once(':').unwrap_or((raw.as_str(), ""));
        let article = rest
            .split('(')
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        let name = law
            .instrument(id)
            .and_then(|i| pick(&i.short, lang).or_else(|| pick(&i.name, lang)))
            .cloned()
            .unwrap_or_else(|| id.to_string());
        match by.iter_mut().find(|(n, _)| *n == name) {
            Some((_, arts)) if !arts.contains(&article) => arts.push(article),
            Some(_) => {}
            None => by.push((name, vec![article])),
        }
    }
    let sep = semicolon(lang);
    let comma = if lang == Lang::Ar { "، " } else { ", " };
    by.into_iter()
        .map(|(name, arts)| {
            let arts: Vec<&str> = arts
                .iter()
                .map(String::as_str)
                .filter(|a| !a.is_empty())
                .collect();
            match arts.split_first() {
                None => name,
                Some((first, rest)) => {
                    let mut s = format!("{name} {}", crate::render::packet::part_name(lang, first));
                    for a in rest {
                        s.push_str(comma);
                        s.push_str(a);
                    }
                    s
                }
            }
        })
        .collect::<Vec<_>>()
        .join(sep)
}

fn obligation_item(
    lang: Lang,
    law: &Law,
    f: &ObligationFinding,
    names: &dyn Fn(&[String]) -> String,
) -> String {
    let number = crate::compare::display::row_number(lang, &f.number);
    let cites = citations(lang, law, &f.instruments);
    match lang {
        Lang::Ar => format!(
            "المادة {number} «{}» ({cites}): لا تستوفيها {} من {} دولة ملزمة ({})",
            f.title,
            f.unmet.len(),
            f.bound.len(),
            names(&f.unmet)
        ),
        Lang::En => format!(
            "Article {number}, “{}” ({cites}): unmet in {} of the {} countries bound ({})",
            f.title,
            f.unmet.len(),
            f.bound.len(),
            names(&f.unmet)
        ),
        Lang::Fr => format!(
            "Article {number}, «\u{a0}{}\u{a0}» ({cites})\u{a0}: non satisfait dans {} des {} pays liés ({})",
            f.title,
            f.unmet.len(),
            f.bound.len(),
            names(&f.unmet)
        ),
    }
}

fn concept_item(lang: Lang, t: &ThemeRegion, names: &dyn Fn(&[String]) -> String) -> String {
    let s = &t.split;
    let mut parts = Vec::new();
    let mut add = |codes: &[String], ar: &str, en: &str, fr: &str| {
        if !codes.is_empty() {
            let w = match lang {
                Lang::Ar => ar,
                Lang::En => en,
                Lang::Fr => fr,
            };
            parts.push(format!("{w} {}", names(codes)));
        }
    };
    add(&s.covered, "مغطى في", "covered in", "couvert\u{a0}:");
    add(
        &s.gap,
        "ناقص أو غائب في",
        "incomplete or missing in",
        "incomplet ou absent\u{a0}:",
    );
    add(
        &s.not_verified,
        "لم يُتحقَّق منه في",
        "not verified in",
        "non vérifié\u{a0}:",
    );
    add(
        &s.omitted,
        "مستبعد من صيغة",
        "left out of the version of",
        "écarté de la version de\u{a0}:",
    );
    let sep = semicolon(lang);
    let colon = if lang == Lang::Fr { "\u{a0}: " } else { ": " };
    format!("{}{colon}{}", upper_first(&t.title), parts.join(sep))
}

/// The semicolon between the parts of a list item: Arabic's own, and in French with the
/// no-break space French typography puts before it.
fn semicolon(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "؛ ",
        Lang::En => "; ",
        Lang::Fr => "\u{a0}; ",
    }
}

/// A theme's name at the start of a list item: its first letter in capitals ("re-trafficking"
/// → "Re-trafficking"), the rest as written (names and acronyms keep their case). Arabic has
/// no capitals and is left as it is.
fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn findings(
    lang: Lang,
    law: &Law,
    r: &CoverageReport,
    names: &dyn Fn(&[String]) -> String,
) -> Vec<FindingView> {
    let g = &r.region;
    let n = g.countries;
    let mut out = Vec::new();
    out.push(FindingView {
        title: match lang {
            Lang::Ar => "أحكام تنقص أكثر الدول",
            Lang::En => "Provisions most countries lack",
            Lang::Fr => "Dispositions qui manquent à la plupart des pays",
        }
        .to_string(),
        text: match (lang, g.gaps_in_most.len()) {
            (Lang::Ar, 0) => "لا يوجد حكم نعرف أنه ناقص أو غائب في أكثر من نصف الدول.".to_string(),
            (Lang::Ar, k) => format!("{k} من أحكام القانون النموذجي نعرف أنها ناقصة أو غائبة في أكثر من نصف الدول:"),
            (Lang::En, 0) => "No provision is known to be missing or incomplete in more than half of the countries.".to_string(),
            (Lang::En, k) => format!("{k} provisions of the model law are known to be missing or incomplete in more than half of the countries:"),
            (Lang::Fr, 0) => "Aucune disposition n'est connue comme absente ou incomplète dans plus de la moitié des pays.".to_string(),
            (Lang::Fr, k) => format!("{k} dispositions de la loi type sont connues comme absentes ou incomplètes dans plus de la moitié des pays\u{a0}:"),
        },
        items: g
            .gaps_in_most
            .iter()
            .map(|f| provision_item(lang, f, names))
            .collect(),
    });
    out.push(FindingView {
        title: match lang {
            Lang::Ar => "التزامات من صكوك صادقت عليها الدول ولا تستوفيها أكثر القوانين",
            Lang::En => "Obligations of ratified instruments most laws do not meet",
            Lang::Fr => "Obligations d'instruments ratifiés que la plupart des lois ne remplissent pas",
        }
        .to_string(),
        text: match (lang, g.obligations.len()) {
            (Lang::Ar, 0) => "لا يوجد التزام نعرف أن أكثر الدول الملزمة به لا تستوفيه.".to_string(),
            (Lang::Ar, k) => format!("{k} من الأحكام تنفّذ صكوكاً ملزمة صادقت عليها الدول، ونعرف أن أكثر الدول الملزمة لا تستوفيها:"),
            (Lang::En, 0) => "No obligation is known to be unmet by most of the countries bound by it.".to_string(),
            (Lang::En, k) => format!("{k} provisions implement binding instruments the countries have ratified, and are known to be unmet by most of the countries bound:"),
            (Lang::Fr, 0) => "Aucune obligation n'est connue comme non remplie par la plupart des pays liés.".to_string(),
            (Lang::Fr, k) => format!("{k} dispositions mettent en œuvre des instruments contraignants ratifiés, et sont connues comme non remplies par la plupart des pays liés\u{a0}:"),
        },
        items: g
            .obligations
            .iter()
            .map(|f| obligation_item(lang, law, f, names))
            .collect(),
    });
    out.push(FindingView {
        title: match lang {
            Lang::Ar => "المفهوم الموحد: الزواج المبكر وعمل المنازل",
            Lang::En => "The unified concept: early marriage and domestic work",
            Lang::Fr => "Le concept unifié\u{a0}: mariage précoce et travail domestique",
        }
        .to_string(),
        text: match lang {
            Lang::Ar => "يعدّ التحالف الزواج المبكر واستغلال عاملات المنازل اتجاراً متى توافرت أركان الجريمة ومؤشراتها. حال هذين المحورين في التشريعات:".to_string(),
            Lang::En => "The alliance treats early marriage and the abuse of domestic workers as trafficking when the elements and indicators of the crime are present. Where the legislation stands on these two themes:".to_string(),
            Lang::Fr => "L'alliance traite le mariage précoce et l'exploitation des travailleuses domestiques comme de la traite lorsque les éléments et indicateurs de l'infraction sont réunis. Où en est la législation sur ces deux thèmes\u{a0}:".to_string(),
        },
        items: g
            .unified_concept
            .iter()
            .map(|t| concept_item(lang, t, names))
            .collect(),
    });
    out.push(FindingView {
        title: match lang {
            Lang::Ar => "ما لا يمكن الحكم عليه بعد",
            Lang::En => "What cannot be judged yet",
            Lang::Fr => "Ce qui ne peut pas encore être jugé",
        }
        .to_string(),
        text: match lang {
            Lang::Ar => format!(
                "لا تُظهر النصوص المتاحة {} حكماً في أكثر من نصف الدول. هذا لا يعني أنها غائبة: النصوص ملخصات أو مقتطفات، ويلزم النص الرسمي للحكم. ({})",
                g.unverified_in_most.len(),
                verified_share(lang, g.verified, n)
            ),
            Lang::En => format!(
                "The texts we hold do not show {} provisions in more than half of the countries. That does not make them missing: the texts are summaries or extracts, and only the official text can settle it. ({})",
                g.unverified_in_most.len(),
                verified_share(lang, g.verified, n)
            ),
            Lang::Fr => format!(
                "Les textes dont nous disposons ne montrent pas {} dispositions dans plus de la moitié des pays. Elles n'en sont pas absentes pour autant\u{a0}: les textes sont des résumés ou des extraits, et seul le texte officiel permet de trancher. ({})",
                g.unverified_in_most.len(),
                verified_share(lang, g.verified, n)
            ),
        },
        items: Vec::new(),
    });
    out
}

fn sources_note(lang: Lang) -> String {
    match lang {
        Lang::Ar => "لكل دولة: النصوص الوطنية التي قامت عليها الأرقام، وهل هي النص الرسمي أم ملخص، وتاريخها ومصدرها كما تسجله ملفات المشروع. والأرقام في هذا التقرير أرقام عربية غربية (من 0 إلى 9)، كما في القانون النموذجي.".to_string(),
        Lang::En => "For each country: the national texts the figures rest on, whether each is the official text or a summary, its date and its source, as the project's files record them.".to_string(),
        Lang::Fr => "Pour chaque pays\u{a0}: les textes nationaux sur lesquels reposent les chiffres, s'il s'agit du texte officiel ou d'un résumé, leur date et leur source, tels que les fichiers du projet les consignent.".to_string(),
    }
}

/// The report's words in `lang`.
pub fn labels(lang: Lang) -> ReportLabels {
    match lang {
        Lang::Ar => ReportLabels {
            report: "التقرير الإقليمي",
            contents: "المحتويات",
            summary: "المنطقة في لمحة",
            widest: "المحاور ذات الثغرات الأوسع",
            rankings: "ترتيب الدول حسب المحور",
            ratifications: "المصادقات على الصكوك الدولية الملزمة",
            countries: "الدول",
            findings: "نتائج إقليمية",
            sources: "المصادر والتحفظات",
            amendments: "التعديلات",
            colon: ":",
            rests_on: "الأساس",
            gaps: "أهم الثغرات",
            asks: "المطالب",
            legend: "مفتاح الألوان",
            settled: "تقدير متحقَّق منه",
            unsettled: "تقدير غير مستقر (مدى)",
            empty: "مستبعد من صيغة الدولة",
            steps: [
                "0%",
                "أقل من 25%",
                "من 25% إلى 50%",
                "من 50% إلى 75%",
                "75% فأكثر",
            ],
            party: "دولة طرف",
            signatory: "موقِّعة",
            not_party: "غير طرف",
            unknown: "غير معروف",
            none: "لا شيء.",
            version: "الإصدار",
            date: "التاريخ",
            prepared_by: "من إعداد",
            bars_note: "الجزء المصمت هو التغطية المتحقَّق منها؛ والجزء المخطط أقصى ما قد تبلغه.",
            ratifications_note: "من ملفات الدول، ولكل مصادقة مصدرها.",
        },
        Lang::En => ReportLabels {
            report: "Regional report",
            contents: "Contents",
            summary: "The region at a glance",
            widest: "Themes with the widest gaps",
            rankings: "Countries ranked by theme",
            ratifications: "Ratifications of the binding instruments",
            countries: "Countries",
            findings: "Regional findings",
            sources: "Sources and caveats",
            amendments: "Amendments",
            colon: ":",
            rests_on: "Rests on",
            gaps: "Most important gaps",
            asks: "Asks",
            legend: "Legend",
            settled: "verified",
            unsettled: "not settled (a range)",
            empty: "left out of the country's version",
            steps: ["0%", "under 25%", "25–50%", "50–75%", "75% and more"],
            party: "party",
            signatory: "signatory",
            not_party: "not party",
            unknown: "unknown",
            none: "None.",
            version: "Version",
            date: "Date",
            prepared_by: "Prepared by",
            bars_note: "The solid bar is the verified coverage; the hatched part is how far it may reach.",
            ratifications_note: "From the country profiles, each ratification with its source.",
        },
        Lang::Fr => ReportLabels {
            report: "Rapport régional",
            contents: "Sommaire",
            summary: "La région en un coup d'œil",
            widest: "Thèmes aux lacunes les plus larges",
            rankings: "Classement des pays par thème",
            ratifications: "Ratifications des instruments contraignants",
            countries: "Pays",
            findings: "Constats régionaux",
            sources: "Sources et réserves",
            amendments: "Modifications",
            colon: "\u{a0}:",
            rests_on: "Repose sur",
            gaps: "Lacunes principales",
            asks: "Demandes",
            legend: "Légende",
            settled: "vérifié",
            unsettled: "non établi (une fourchette)",
            empty: "écarté de la version du pays",
            steps: [
                "0\u{202F}%",
                "moins de 25\u{202F}%",
                "25–50\u{202F}%",
                "50–75\u{202F}%",
                "75\u{202F}% et plus",
            ],
            party: "partie",
            signatory: "signataire",
            not_party: "non partie",
            unknown: "inconnu",
            none: "Aucune.",
            version: "Version",
            date: "Date",
            prepared_by: "Préparé par",
            bars_note: "La barre pleine est la couverture vérifiée\u{a0}; la partie hachurée, le maximum qu'elle peut atteindre.",
            ratifications_note: "D'après les fiches pays, chaque ratification avec sa source.",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_print_as_a_figure_when_settled_and_a_range_when_not() {
        assert_eq!(score_text(Lang::En, 0.071, 1.0), "7.1–100%");
        assert_eq!(score_text(Lang::En, 0.5, 0.5), "50%");
        assert_eq!(score_text(Lang::Fr, 0.5, 0.5), "50\u{202F}%");
        assert_eq!(score_text(Lang::Fr, 0.071, 0.137), "7,1–13,7\u{202F}%");
        assert_eq!(score_text(Lang::Ar, 0.071, 0.071), "7.1%");
        assert_eq!(level(0.0), 0);
        assert_eq!(level(0.2), 1);
        assert_eq!(level(0.75), 4);
    }

    #[test]
    fn lists_join_as_each_language_does() {
        let v = ["a", "b", "c"];
        assert_eq!(list(Lang::En, v.iter().copied()), "a, b and c");
        assert_eq!(list(Lang::Fr, v.iter().copied()), "a, b et c");
        assert_eq!(list(Lang::Ar, ["أ", "ب"].iter().copied()), "أ وب");
        assert_eq!(list(Lang::En, std::iter::empty()), "");
    }

    #[test]
    fn a_list_item_that_starts_with_a_theme_starts_with_a_capital() {
        assert_eq!(upper_first("re-trafficking"), "Re-trafficking");
        assert_eq!(upper_first("nouvelle traite"), "Nouvelle traite");
        assert_eq!(upper_first("état civil"), "État civil");
        assert_eq!(upper_first("UNODC referral"), "UNODC referral");
        assert_eq!(upper_first("إعادة الاتجار"), "إعادة الاتجار");
        assert_eq!(upper_first(""), "");
        assert_eq!(semicolon(Lang::Fr), "\u{a0}; ");
        assert_eq!(semicolon(Lang::En), "; ");
    }
}
