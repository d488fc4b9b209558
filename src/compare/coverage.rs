//! Stage: compare (regional coverage). Several countries' gap reports → the regional matrix:
//! countries × model provisions, instruments' articles × model provisions, and each
//! country's ratifications, so an unmet provision reads as an obligation where the country is
//! party to a binding instrument the provision implements, and as a recommendation where not.
//! Pure: the reports are computed by the caller; nothing here reads files or renders.

use super::{Coverage, GapReport, round3};
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

/// A country (a column of the matrix).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryColumn {
    pub code: String,
    pub name: String,
    /// The national law compared (`none` without legislation).
    pub law: String,
    /// False when the national text is an unofficial summary.
    pub official: bool,
    /// False when an absence cannot be verified (a summary, an extract, a law in force
    /// without a file): its provisions not found are "not verified".
    pub verified: bool,
    /// The verified coverage, and the most it can be once the unread articles are read.
    pub coverage: f64,
    pub coverage_max: f64,
    pub cells: BTreeMap<ClauseId, Cell>,
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
    pub version: String,
    pub lang: Lang,
    pub provisions: Vec<ProvisionRow>,
    pub countries: Vec<CountryColumn>,
    pub instruments: Vec<InstrumentRow>,
    /// Articles of binding instruments that no provision of the model law cites
    /// (`palermo:7`); soft law left uncited shows only in [`Self::instruments`].
    pub uncovered: Vec<String>,
    /// Country → instrument → party, signatory, not-party or unknown.
    pub ratifications: BTreeMap<String, BTreeMap<String, String>>,
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
    let countries = reports
        .iter()
        .map(|(c, r)| column(law, c, r, &provisions, lang))
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
    CoverageReport {
        law: law.id.clone(),
        version: law.version.clone(),
        lang,
        provisions,
        countries,
        instruments,
        uncovered,
        ratifications,
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
        cells.insert(row.clause.clone(), Cell { status, duty });
    }
    CountryColumn {
        code: country.code.clone(),
        name: pick(&country.name, lang).cloned().unwrap_or_default(),
        law: report.law.clone(),
        official: report.official,
        verified: report.verified,
        coverage: round3(report.coverage),
        coverage_max: round3(report.coverage_max),
        cells,
        obligations,
        recommendations,
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
        Lang::Fr => format!(
            "Attention : les textes nationaux disponibles pour ces pays sont des résumés non officiels ou incomplets ; les dispositions qui n'y figurent pas sont marquées non vérifié (?), et non absentes, et leur couverture est une fourchette : {list}"
        ),
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
