//! Stage: compare (regional coverage). Several countries' gap reports → the regional matrix:
//! countries × model provisions, instruments' articles × model provisions, and each
//! country's ratifications, so an unmet provision reads as an obligation where the country is
//! party to a binding instrument the provision implements, and as a recommendation where not.
//! Pure: the reports are computed by the caller; nothing here reads files or renders.

use super::{
    Coverage, GapReport, LawUsed, PRIORITY_THEMES, coverage_score, coverage_score_max, round3,
};
use crate::model::{ClauseId, Country, Lang, Law, RatificationStatus, Status, pick};
use crate::variant;
use serde::Serialize;
use std::collections::BTreeMap;

/// A cell of the countries × provisions matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CellStatus {
    Covered,
    Partial,
    Missing,
    /// Not found in a summary or an extract: not known.
    NotVerified,
    /// The country's variant leaves the provision out (with a reason).
    Omitted,
}

impl CellStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CellStatus::Covered => "covered",
            CellStatus::Partial => "partial",
            CellStatus::Missing => "missing",
            CellStatus::NotVerified => "not-verified",
            CellStatus::Omitted => "omitted",
        }
    }
}

impl From<Coverage> for CellStatus {
    fn from(c: Coverage) -> Self {
        match c {
            Coverage::Covered => CellStatus::Covered,
            Coverage::Partial => CellStatus::Partial,
            Coverage::Missing => CellStatus::Missing,
            Coverage::NotVerified => CellStatus::NotVerified,
        }
    }
}

/// What an unmet provision is for a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Duty {
    /// The country is party to a binding instrument the provision implements.
    Obligation,
    /// It is not (or the provision implements soft law only).
    Recommendation,
}

/// One cell: the status, and for a partial or missing provision what it is for the country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub status: CellStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duty: Option<Duty>,
    /// The status rests only on automatic matches, which no analyst's `model:` line confirms
    /// ([`crate::compare::is_unconfirmed`]); the matrix marks it `*`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unconfirmed: bool,
}

/// A model provision (a row of the matrix).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProvisionRow {
    pub clause: ClauseId,
    /// The number in the model law ("12", "annex 3").
    pub number: String,
    pub title: String,
    pub mandatory: bool,
    pub tags: Vec<String>,
    pub instruments: Vec<String>,
}

/// Provisions scored together: a priority theme or a part (chapter, annex) of the model law.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupRow {
    /// The theme (`early-marriage`) or the part's id (`general-provisions`).
    pub id: String,
    pub title: String,
    pub clauses: Vec<ClauseId>,
}

/// How one country fares on a group of provisions (those its variant keeps).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupScore {
    pub id: String,
    /// The verified score and the most it can be once the unread articles are read, as
    /// [`CountryColumn::coverage`] and [`CountryColumn::coverage_max`] over the group.
    pub score: f64,
    pub score_max: f64,
    pub covered: usize,
    pub partial: usize,
    pub missing: usize,
    pub not_verified: usize,
    /// Left out by the country's variant (not counted in the score).
    pub omitted: usize,
}

impl GroupScore {
    /// Whether the score is settled: nothing the country's texts leave unread could change it.
    pub fn settled(&self) -> bool {
        self.score_max <= self.score
    }

    /// Whether the variant keeps none of the group's provisions.
    pub fn empty(&self) -> bool {
        self.covered + self.partial + self.missing + self.not_verified == 0
    }
}

/// Whether a country has a dedicated anti-trafficking law, from its profile's `[[laws]]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DedicatedLaw {
    InForce,
    /// Adopted by one authority, not recognised by another (Yemen's Law No. 1 of 2018).
    Contested,
    /// A bill only.
    Draft,
    None,
}

impl DedicatedLaw {
    fn of(country: &Country) -> DedicatedLaw {
        let dedicated: Vec<&str> = country
            .laws
            .iter()
            .filter(|l| l.dedicated)
            .map(|l| l.status.as_str())
            .collect();
        if dedicated.contains(&"in-force") {
            DedicatedLaw::InForce
        } else if dedicated.contains(&"contested") {
            DedicatedLaw::Contested
        } else if dedicated.contains(&"draft") {
            DedicatedLaw::Draft
        } else {
            DedicatedLaw::None
        }
    }
}

/// A country (a column of the matrix).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryColumn {
    pub code: String,
    pub name: String,
    /// The name charts and lists use ("Jordan").
    pub short: String,
    /// Whether it has an anti-trafficking law of its own.
    pub dedicated_law: DedicatedLaw,
    /// The national law compared (`none` without legislation).
    pub law: String,
    /// The national texts compared: title, year, official or summary, whole or extract, source.
    pub laws: Vec<LawUsed>,
    /// False when the national text is an unofficial summary.
    pub official: bool,
    /// False when an absence cannot be verified (a summary, an extract, a law in force
    /// without a file): its provisions not found are "not verified".
    pub verified: bool,
    /// Provisions of the model's annex not looked for, no national regulation being among the
    /// texts (see [`crate::compare::GapReport::annex_not_compared`]).
    pub annex_not_compared: usize,
    /// The verified coverage, and the most it can be once the unread articles are read.
    pub coverage: f64,
    pub coverage_max: f64,
    pub cells: BTreeMap<ClauseId, Cell>,
    /// The priority themes and the parts of the model law, in [`CoverageReport::themes`] and
    /// [`CoverageReport::parts`] order.
    pub themes: Vec<GroupScore>,
    pub parts: Vec<GroupScore>,
    /// Unmet provisions that are obligations, and that are recommendations.
    pub obligations: usize,
    pub recommendations: usize,
}

/// An article of an instrument and the model provisions that implement it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstrumentArticleRow {
    /// `palermo:3`.
    pub reference: String,
    pub title: String,
    pub clauses: Vec<ClauseId>,
}

/// An instrument with its articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstrumentRow {
    pub id: String,
    pub name: String,
    pub binding: bool,
    pub articles: Vec<InstrumentArticleRow>,
}

/// The regional picture.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageReport {
    pub law: String,
    /// The model law's title in the report's language.
    pub title: String,
    pub version: String,
    pub lang: Lang,
    pub provisions: Vec<ProvisionRow>,
    /// The priority themes some provision carries, in [`PRIORITY_THEMES`] order.
    pub themes: Vec<GroupRow>,
    /// The chapters of the model law, then its annexes (the shelter regulations).
    pub parts: Vec<GroupRow>,
    pub countries: Vec<CountryColumn>,
    pub instruments: Vec<InstrumentRow>,
    /// Articles of binding instruments that no provision of the model law cites
    /// (`palermo:7`); soft law left uncited shows only in [`Self::instruments`].
    pub uncovered: Vec<String>,
    /// Country → instrument → party, signatory, not-party or unknown.
    pub ratifications: BTreeMap<String, BTreeMap<String, String>>,
    /// The region in numbers, and the findings written from them.
    pub region: super::region::RegionSummary,
}

/// Builds the regional matrix from each country's report (in the order given).
pub fn build(law: &Law, reports: &[(&Country, GapReport)], lang: Lang) -> CoverageReport {
    let (model, _) = variant::build(law, None, &[lang]);
    let provisions: Vec<ProvisionRow> = model
        .articles()
        .map(|a| ProvisionRow {
            clause: a.id.clone(),
            number: if a.in_annex {
                format!("annex {}", a.number)
            } else {
                a.number.to_string()
            },
            title: pick(&a.title, lang).cloned().unwrap_or_default(),
            mandatory: a.status == Status::Mandatory,
            tags: a.tags.clone(),
            instruments: a.instruments.clone(),
        })
        .collect();
    let themes: Vec<GroupRow> = PRIORITY_THEMES
        .iter()
        .map(|t| GroupRow {
            id: t.to_string(),
            title: super::display::theme_label(lang, t),
            clauses: provisions
                .iter()
                .filter(|p| p.tags.iter().any(|x| x == t))
                .map(|p| p.clause.clone())
                .collect(),
        })
        .filter(|g| !g.clauses.is_empty())
        .collect();
    let parts: Vec<GroupRow> = law
        .parts()
        .map(|p| GroupRow {
            id: p.id.clone(),
            title: pick(&p.title, lang).cloned().unwrap_or_default(),
            clauses: p
                .clauses
                .iter()
                .filter(|c| provisions.iter().any(|r| &r.clause == *c))
                .cloned()
                .collect(),
        })
        .filter(|g| !g.clauses.is_empty())
        .collect();
    let countries: Vec<CountryColumn> = reports
        .iter()
        .map(|(c, r)| {
            let mut col = column(law, c, r, &provisions, lang);
            let complete = r.laws.iter().all(|l| l.complete);
            col.themes = themes
                .iter()
                .map(|g| group_score(g, &col, &provisions, complete))
                .collect();
            col.parts = parts
                .iter()
                .map(|g| group_score(g, &col, &provisions, complete))
                .collect();
            col
        })
        .collect();
    let (instruments, uncovered) = instrument_rows(law, &provisions, lang);
    let ratifications = reports
        .iter()
        .map(|(c, _)| {
            let per: BTreeMap<String, String> = law
                .instruments
                .iter()
                .map(|i| {
                    let s = c
                        .ratification(&i.id)
                        .map_or(RatificationStatus::Unknown, |r| r.status);
                    (i.id.clone(), s.as_str().to_string())
                })
                .collect();
            (c.code.clone(), per)
        })
        .collect();
    let binding = |id: &str| law.instrument(id).is_some_and(|i| i.binding);
    let party = |cc: &str, id: &str| {
        reports.iter().any(|(c, _)| {
            c.code == cc
                && c.ratification(id)
                    .is_some_and(|r| r.status == RatificationStatus::Party)
        })
    };
    let region = super::region::summarise(&provisions, &themes, &countries, &binding, &party);
    CoverageReport {
        law: law.id.clone(),
        title: pick(&law.title, lang).cloned().unwrap_or_default(),
        version: law.version.clone(),
        lang,
        provisions,
        themes,
        parts,
        countries,
        instruments,
        uncovered,
        ratifications,
        region,
    }
}

/// Whether `country` is bound by a binding instrument that `row` cites.
pub fn is_obligation(law: &Law, country: &Country, instruments: &[String]) -> bool {
    instruments.iter().any(|raw| {
        let id = raw.split(':').next().unwrap_or_default();
        law.instrument(id).is_some_and(|i| i.binding)
            && country
                .ratification(id)
                .is_some_and(|r| r.status == RatificationStatus::Party)
    })
}

fn column(
    law: &Law,
    country: &Country,
    report: &GapReport,
    rows: &[ProvisionRow],
    lang: Lang,
) -> CountryColumn {
    let by_clause: BTreeMap<&ClauseId, Coverage> = report
        .provisions
        .iter()
        .map(|p| (&p.clause, p.status))
        .collect();
    let unconfirmed: std::collections::BTreeSet<&ClauseId> = report
        .provisions
        .iter()
        .filter(|p| crate::compare::is_unconfirmed(p))
        .map(|p| &p.clause)
        .collect();
    let mut cells = BTreeMap::new();
    let (mut obligations, mut recommendations) = (0, 0);
    for row in rows {
        let status = by_clause
            .get(&row.clause)
            .map_or(CellStatus::Omitted, |s| CellStatus::from(*s));
        let duty = match status {
            CellStatus::Partial | CellStatus::Missing => {
                if is_obligation(law, country, &row.instruments) {
                    obligations += 1;
                    Some(Duty::Obligation)
                } else {
                    recommendations += 1;
                    Some(Duty::Recommendation)
                }
            }
            _ => None,
        };
        let unconfirmed = unconfirmed.contains(&row.clause);
        cells.insert(
            row.clause.clone(),
            Cell {
                status,
                duty,
                unconfirmed,
            },
        );
    }
    CountryColumn {
        code: country.code.clone(),
        name: pick(&country.name, lang).cloned().unwrap_or_default(),
        short: country.short(lang),
        dedicated_law: DedicatedLaw::of(country),
        law: report.law.clone(),
        laws: report.laws.clone(),
        official: report.official,
        verified: report.verified,
        annex_not_compared: report.annex_not_compared,
        coverage: round3(report.coverage),
        coverage_max: round3(report.coverage_max),
        cells,
        themes: Vec::new(),
        parts: Vec::new(),
        obligations,
        recommendations,
    }
}

/// A country's score on a group of provisions, from its cells (the provisions its variant
/// omits are counted apart and do not weigh in the score).
fn group_score(
    group: &GroupRow,
    col: &CountryColumn,
    rows: &[ProvisionRow],
    complete: bool,
) -> GroupScore {
    let mut items: Vec<(bool, Coverage)> = Vec::new();
    let mut omitted = 0;
    for clause in &group.clauses {
        let mandatory = rows.iter().any(|r| &r.clause == clause && r.mandatory);
        match col.cells.get(clause).map(|c| c.status) {
            Some(CellStatus::Covered) => items.push((mandatory, Coverage::Covered)),
            Some(CellStatus::Partial) => items.push((mandatory, Coverage::Partial)),
            Some(CellStatus::Missing) => items.push((mandatory, Coverage::Missing)),
            Some(CellStatus::NotVerified) => items.push((mandatory, Coverage::NotVerified)),
            Some(CellStatus::Omitted) | None => omitted += 1,
        }
    }
    let count = |s: Coverage| items.iter().filter(|(_, x)| *x == s).count();
    GroupScore {
        id: group.id.clone(),
        score: coverage_score(items.iter().copied()),
        score_max: coverage_score_max(items.iter().copied(), complete),
        covered: count(Coverage::Covered),
        partial: count(Coverage::Partial),
        missing: count(Coverage::Missing),
        not_verified: count(Coverage::NotVerified),
        omitted,
    }
}

/// A warning naming the countries whose national text is an unofficial summary or an extract,
/// whose provisions not found are "not verified" rather than missing.
pub fn summaries_note(r: &CoverageReport, lang: Lang) -> Option<String> {
    let codes: Vec<&str> = r
        .countries
        .iter()
        .filter(|c| !c.verified)
        .map(|c| c.code.as_str())
        .collect();
    if codes.is_empty() {
        return None;
    }
    let list = codes.join(", ");
    Some(match lang {
        Lang::Ar => format!(
            "تنبيه: النصوص الوطنية المتاحة لهذه الدول ملخصات غير رسمية أو نصوص ناقصة، فالأحكام التي لم نجدها فيها موصوفة بأنها «غير متحقق منها» (?) لا بأنها غائبة، وتُعرض نسبة تغطيتها نطاقاً: {list}"
        ),
        Lang::En => format!(
            "Caution: the national texts available for these countries are unofficial summaries or incomplete; provisions not found in them are marked not verified (?), not missing, and their coverage is a range: {list}"
        ),
        Lang::Fr => crate::text::typography::french_spacing(&format!(
            "Attention : les textes nationaux disponibles pour ces pays sont des résumés non officiels ou incomplets ; les dispositions qui n'y figurent pas sont marquées non vérifié (?), et non absentes, et leur couverture est une fourchette : {list}"
        )),
    })
}

fn instrument_rows(
    law: &Law,
    rows: &[ProvisionRow],
    lang: Lang,
) -> (Vec<InstrumentRow>, Vec<String>) {
    let mut uncovered = Vec::new();
    let instruments = law
        .instruments
        .iter()
        .map(|inst| {
            let articles = inst
                .articles
                .iter()
                .map(|art| {
                    let reference = format!("{}:{}", inst.id, art.number);
                    let clauses: Vec<ClauseId> = rows
                        .iter()
                        .filter(|r| {
                            r.instruments
                                .iter()
                                .any(|raw| cites(raw, &inst.id, &art.number))
                        })
                        .map(|r| r.clause.clone())
                        .collect();
                    if clauses.is_empty() && inst.binding {
                        uncovered.push(reference.clone());
                    }
                    InstrumentArticleRow {
                        reference,
                        title: pick(&art.title, lang).cloned().unwrap_or_default(),
                        clauses,
                    }
                })
                .collect();
            InstrumentRow {
                id: inst.id.clone(),
                name: pick(&inst.short, lang)
                    .or_else(|| pick(&inst.name, lang))
                    .cloned()
                    .unwrap_or_else(|| inst.id.clone()),
                binding: inst.binding,
                articles,
            }
        })
        .collect();
    (instruments, uncovered)
}

/// Whether a reference as written (`palermo:6(3)(a)`) cites article `article` of `instrument`.
fn cites(raw: &str, instrument: &str, article: &str) -> bool {
    let Some((i, rest)) = raw.split_once(':') else {
        return false;
    };
    let a = rest.split('(').next().unwrap_or_default().trim();
    i.trim() == instrument && a == article
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_cite_their_article_whatever_the_paragraph() {
        assert!(cites("palermo:6(3)(a)", "palermo", "6"));
        assert!(cites("ohchr-rpg:P7", "ohchr-rpg", "P7"));
        assert!(!cites("palermo:6", "palermo", "3"));
        assert!(!cites("untoc:6", "palermo", "6"));
        assert!(!cites("nonsense", "palermo", "6"));
    }
}
