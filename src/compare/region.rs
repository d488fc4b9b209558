//! Stage: compare (the region in numbers). The regional matrix → what a conference reads
//! first: how many countries have a law of their own, the spread of coverage, the themes with
//! the widest gaps, and the findings written from the data (gaps most countries share,
//! obligations most laws do not meet, where the unified concept is absent). Every figure
//! carries how much of it rests on verified texts. Pure: computed once, shown by `coverage
//! --format json` and by `qanun report`.

use super::coverage::{CellStatus, CountryColumn, DedicatedLaw, Duty, GroupRow, ProvisionRow};
use crate::model::ClauseId;
use serde::Serialize;

/// The themes of the alliance's unified concept of trafficking.
pub const UNIFIED_CONCEPT: [&str; 2] = ["early-marriage", "domestic-work"];

/// How many themes the summary names as the widest gaps.
pub const WIDEST: usize = 3;

/// The median and the range of a figure over the countries.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Spread {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Spread {
    fn of(values: &[f64]) -> Option<Spread> {
        let mut v: Vec<f64> = values.to_vec();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        if n == 0 {
            return None;
        }
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        };
        Some(Spread {
            median: super::round3(median),
            min: v[0],
            max: v[n - 1],
        })
    }
}

/// The countries in each state of a group of provisions, or of one provision.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Split {
    /// Every provision of the group is covered.
    pub covered: Vec<String>,
    /// Some provision is found only in part, or found absent in a complete official text:
    /// a gap we know of.
    pub gap: Vec<String>,
    /// Nothing is known to be missing, but the texts we hold do not show every provision.
    pub not_verified: Vec<String>,
    /// The country's variant leaves the group out.
    pub omitted: Vec<String>,
}

/// A priority theme across the region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeRegion {
    pub id: String,
    pub title: String,
    /// The countries' verified scores on the theme, and the most they can be.
    pub score: Spread,
    pub score_max: Spread,
    /// The countries whose score on the theme is settled (nothing unread could change it).
    pub settled: usize,
    pub split: Split,
}

/// A model provision most countries lack, or one most cannot be checked on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProvisionFinding {
    pub clause: ClauseId,
    pub number: String,
    pub title: String,
    /// Countries whose text lacks it in part or whole, by status.
    pub missing: Vec<String>,
    pub partial: Vec<String>,
    pub not_verified: Vec<String>,
    /// Countries whose variant keeps the provision.
    pub of: usize,
}

/// A provision that implements a binding instrument, unmet by most of the countries bound.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObligationFinding {
    pub clause: ClauseId,
    pub number: String,
    pub title: String,
    /// The binding instruments it implements (`palermo:5`).
    pub instruments: Vec<String>,
    /// Countries party to one of them.
    pub bound: Vec<String>,
    /// Of those, the countries whose text misses or only partly meets it.
    pub unmet: Vec<String>,
    /// Of those, the countries whose texts do not show it (not verified).
    pub not_verified: Vec<String>,
}

/// The regional picture in numbers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RegionSummary {
    pub countries: usize,
    /// Countries whose every absence is verified (complete official texts).
    pub verified: usize,
    /// Countries whose texts are all official (complete or not).
    pub official: usize,
    /// Countries by whether they have a dedicated anti-trafficking law.
    pub dedicated_in_force: Vec<String>,
    pub dedicated_contested: Vec<String>,
    pub dedicated_draft: Vec<String>,
    pub dedicated_none: Vec<String>,
    /// The verified coverage of the countries, and the most it can be.
    pub coverage: Option<Spread>,
    pub coverage_max: Option<Spread>,
    /// The priority themes, widest gap first: lowest median verified score, then most
    /// countries with a known gap, then the order of the themes.
    pub themes: Vec<ThemeRegion>,
    /// Provisions with a known gap (partial or missing) in more than half of the countries
    /// that keep them.
    pub gaps_in_most: Vec<ProvisionFinding>,
    /// Provisions the texts of more than half of the countries do not show (not verified):
    /// nothing can be said of them until the official texts are read.
    pub unverified_in_most: Vec<ProvisionFinding>,
    /// Obligations of ratified instruments unmet by more than half of the countries bound.
    pub obligations: Vec<ObligationFinding>,
    /// The themes of the unified concept (early marriage, domestic work), as in `themes`.
    pub unified_concept: Vec<ThemeRegion>,
}

/// Summarises the matrix.
pub fn summarise(
    provisions: &[ProvisionRow],
    themes: &[GroupRow],
    countries: &[CountryColumn],
    binding: &dyn Fn(&str) -> bool,
    party: &dyn Fn(&str, &str) -> bool,
) -> RegionSummary {
    let codes = |f: &dyn Fn(&CountryColumn) -> bool| -> Vec<String> {
        countries
            .iter()
            .filter(|c| f(c))
            .map(|c| c.code.clone())
            .collect()
    };
    let scores: Vec<f64> = countries.iter().map(|c| c.coverage).collect();
    let maxes: Vec<f64> = countries.iter().map(|c| c.coverage_max).collect();
    let mut theme_rows: Vec<(usize, ThemeRegion)> = themes
        .iter()
        .enumerate()
        .map(|(i, g)| (i, theme_region(i, g, countries)))
        .collect();
    let unified_concept = theme_rows
        .iter()
        .filter(|(_, t)| UNIFIED_CONCEPT.contains(&t.id.as_str()))
        .map(|(_, t)| t.clone())
        .collect();
    theme_rows.sort_by(|(i, a), (j, b)| {
        a.score
            .median
            .total_cmp(&b.score.median)
            .then(b.split.gap.len().cmp(&a.split.gap.len()))
            .then(i.cmp(j))
    });
    let (gaps_in_most, unverified_in_most) = provision_findings(provisions, countries);
    RegionSummary {
        countries: countries.len(),
        verified: countries.iter().filter(|c| c.verified).count(),
        official: countries.iter().filter(|c| c.official).count(),
        dedicated_in_force: codes(&|c| c.dedicated_law == DedicatedLaw::InForce),
        dedicated_contested: codes(&|c| c.dedicated_law == DedicatedLaw::Contested),
        dedicated_draft: codes(&|c| c.dedicated_law == DedicatedLaw::Draft),
        dedicated_none: codes(&|c| c.dedicated_law == DedicatedLaw::None),
        coverage: Spread::of(&scores),
        coverage_max: Spread::of(&maxes),
        themes: theme_rows.into_iter().map(|(_, t)| t).collect(),
        gaps_in_most,
        unverified_in_most,
        obligations: obligation_findings(provisions, countries, binding, party),
        unified_concept,
    }
}

fn theme_region(i: usize, g: &GroupRow, countries: &[CountryColumn]) -> ThemeRegion {
    let mut split = Split::default();
    let (mut scores, mut maxes, mut settled) = (Vec::new(), Vec::new(), 0);
    for c in countries {
        let Some(s) = c.themes.get(i).filter(|s| s.id == g.id) else {
            continue;
        };
        if s.empty() {
            split.omitted.push(c.code.clone());
            continue;
        }
        scores.push(s.score);
        maxes.push(s.score_max);
        if s.settled() {
            settled += 1;
        }
        if s.partial + s.missing > 0 {
            split.gap.push(c.code.clone());
        } else if s.not_verified > 0 {
            split.not_verified.push(c.code.clone());
        } else {
            split.covered.push(c.code.clone());
        }
    }
    let zero = Spread {
        median: 0.0,
        min: 0.0,
        max: 0.0,
    };
    ThemeRegion {
        id: g.id.clone(),
        title: g.title.clone(),
        score: Spread::of(&scores).unwrap_or(zero),
        score_max: Spread::of(&maxes).unwrap_or(zero),
        settled,
        split,
    }
}

fn provision_findings(
    provisions: &[ProvisionRow],
    countries: &[CountryColumn],
) -> (Vec<ProvisionFinding>, Vec<ProvisionFinding>) {
    let (mut gaps, mut unread) = (Vec::new(), Vec::new());
    for p in provisions {
        let mut f = ProvisionFinding {
            clause: p.clause.clone(),
            number: p.number.clone(),
            title: p.title.clone(),
            missing: Vec::new(),
            partial: Vec::new(),
            not_verified: Vec::new(),
            of: 0,
        };
        for c in countries {
            let Some(cell) = c.cells.get(&p.clause) else {
                continue;
            };
            let code = c.code.clone();
            match cell.status {
                CellStatus::Omitted => continue,
                CellStatus::Missing => f.missing.push(code),
                CellStatus::Partial => f.partial.push(code),
                CellStatus::NotVerified => f.not_verified.push(code),
                CellStatus::Covered => {}
            }
            f.of += 1;
        }
        if 2 * (f.missing.len() + f.partial.len()) > f.of {
            gaps.push(f);
        } else if 2 * f.not_verified.len() > f.of {
            unread.push(f);
        }
    }
    (gaps, unread)
}

fn obligation_findings(
    provisions: &[ProvisionRow],
    countries: &[CountryColumn],
    binding: &dyn Fn(&str) -> bool,
    party: &dyn Fn(&str, &str) -> bool,
) -> Vec<ObligationFinding> {
    let instrument = |raw: &str| raw.split(':').next().unwrap_or_default().to_string();
    provisions
        .iter()
        .filter_map(|p| {
            let instruments: Vec<String> = p
                .instruments
                .iter()
                .filter(|raw| binding(&instrument(raw)))
                .cloned()
                .collect();
            if instruments.is_empty() {
                return None;
            }
            let mut f = ObligationFinding {
                clause: p.clause.clone(),
                number: p.number.clone(),
                title: p.title.clone(),
                instruments,
                bound: Vec::new(),
                unmet: Vec::new(),
                not_verified: Vec::new(),
            };
            for c in countries {
                let Some(cell) = c.cells.get(&p.clause) else {
                    continue;
                };
                let bound = f
                    .instruments
                    .iter()
                    .any(|raw| party(&c.code, &instrument(raw)));
                if !bound || cell.status == CellStatus::Omitted {
                    continue;
                }
                f.bound.push(c.code.clone());
                if cell.duty == Some(Duty::Obligation) {
                    f.unmet.push(c.code.clone());
                } else if cell.status == CellStatus::NotVerified {
                    f.not_verified.push(c.code.clone());
                }
            }
            (2 * f.unmet.len() > f.bound.len()).then_some(f)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::coverage::{Cell, GroupScore};

    fn row(id: &str, instruments: &[&str]) -> ProvisionRow {
        ProvisionRow {
            clause: ClauseId::new(id),
            number: "1".to_string(),
            title: id.to_string(),
            mandatory: true,
            tags: Vec::new(),
            instruments: instruments.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// A country with the given cells (clause, status, duty) and one theme score.
    fn country(
        code: &str,
        cells: &[(&str, CellStatus, Option<Duty>)],
        theme: GroupScore,
    ) -> CountryColumn {
        CountryColumn {
            code: code.to_string(),
            name: code.to_string(),
            short: code.to_string(),
            dedicated_law: DedicatedLaw::InForce,
            law: String::new(),
            laws: Vec::new(),
            official: false,
            verified: false,
            annex_not_compared: 0,
            coverage: 0.0,
            coverage_max: 1.0,
            cells: cells
                .iter()
                .map(|(c, status, duty)| {
                    (
                        ClauseId::new(*c),
                        Cell {
                            status: *status,
                            duty: *duty,
                            unconfirmed: false,
                        },
                    )
                })
                .collect(),
            themes: vec![theme],
            parts: Vec::new(),
            obligations: 0,
            recommendations: 0,
        }
    }

    fn theme(
        score: f64,
        max: f64,
        partial: usize,
        missing: usize,
        not_verified: usize,
    ) -> GroupScore {
        GroupScore {
            id: "shelter".to_string(),
            score,
            score_max: max,
            covered: 0,
            partial,
            missing,
            not_verified,
            omitted: 0,
        }
    }

    #[test]
    fn findings_tell_known_gaps_from_unread_provisions_and_count_only_the_countries_bound() {
        use CellStatus::*;
        let rows = [
            row("offence", &["palermo:5"]),
            row("shelter", &["ohchr-rpg:P8"]),
        ];
        let groups = [GroupRow {
            id: "shelter".to_string(),
            title: "shelter".to_string(),
            clauses: vec![ClauseId::new("shelter")],
        }];
        let ob = Some(Duty::Obligation);
        let rec = Some(Duty::Recommendation);
        let countries = [
            country(
                "aa",
                &[("offence", Missing, ob), ("shelter", NotVerified, None)],
                theme(0.0, 1.0, 0, 0, 1),
            ),
            country(
                "bb",
                &[("offence", Partial, ob), ("shelter", NotVerified, None)],
                theme(0.0, 1.0, 0, 0, 1),
            ),
            country(
                "cc",
                &[("offence", Partial, rec), ("shelter", Missing, rec)],
                theme(0.0, 0.0, 0, 1, 0),
            ),
            country(
                "dd",
                &[("offence", Covered, None), ("shelter", Omitted, None)],
                theme(0.0, 0.0, 0, 0, 0),
            ),
        ];
        let binding = |id: &str| id == "palermo";
        // cc is not party to Palermo: its gap is a recommendation, and it is not "bound".
        let party = |cc: &str, id: &str| id == "palermo" && cc != "cc";
        let r = summarise(&rows, &groups, &countries, &binding, &party);
        // offence: a known gap in 3 of 4 countries (more than half).
        assert_eq!(r.gaps_in_most.len(), 1);
        let g = &r.gaps_in_most[0];
        assert_eq!(
            (g.missing.clone(), g.partial.clone(), g.of),
            (
                vec!["aa".to_string()],
                vec!["bb".to_string(), "cc".to_string()],
                4
            )
        );
        // shelter: kept by 3, unread in 2 of them (more than half), known missing in 1.
        assert_eq!(r.unverified_in_most.len(), 1);
        assert_eq!(r.unverified_in_most[0].of, 3);
        // The obligation: bound are aa, bb, dd; unmet by aa and bb (2 of 3).
        assert_eq!(r.obligations.len(), 1);
        assert_eq!(r.obligations[0].bound, ["aa", "bb", "dd"]);
        assert_eq!(r.obligations[0].unmet, ["aa", "bb"]);
        // The theme: aa and bb unread, cc a known gap, dd leaves it out.
        let t = &r.themes[0];
        assert_eq!(t.split.not_verified, ["aa", "bb"]);
        assert_eq!(t.split.gap, ["cc"]);
        assert_eq!(t.split.omitted, ["dd"]);
        assert_eq!(t.settled, 1, "cc's 0% is settled; the others are ranges");
        assert_eq!(r.dedicated_in_force.len(), 4);
        assert_eq!(r.verified, 0);
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        let s = Spread::of(&[0.4, 0.1, 0.3, 0.2]).unwrap();
        assert_eq!((s.median, s.min, s.max), (0.25, 0.1, 0.4));
        let s = Spread::of(&[0.5, 0.1, 0.9]).unwrap();
        assert_eq!((s.median, s.min, s.max), (0.5, 0.1, 0.9));
        assert!(Spread::of(&[]).is_none());
    }
}
