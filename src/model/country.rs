//! A country of the alliance: its profile, terms, ratifications and variant specification.

use super::{Clause, ClauseId, Lang, LangMap, Legislation, Origin};
use std::collections::BTreeMap;
use std::sync::Arc;

pub use crate::text::digits::DigitStyle;

/// How sure the project is of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Confidence {
    High,
    Medium,
    #[default]
    Low,
}

impl Confidence {
    pub fn parse(s: &str) -> Option<Confidence> {
        match s {
            "high" => Some(Confidence::High),
            "medium" => Some(Confidence::Medium),
            "low" => Some(Confidence::Low),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// A country's currency; `code == "none"` where it has none of its own.
#[derive(Debug, Clone, Default)]
pub struct Currency {
    pub code: String,
    pub name: LangMap<String>,
    pub note: String,
}

/// A national institution.
#[derive(Debug, Clone, Default)]
pub struct Body {
    pub name: LangMap<String>,
    pub role: String,
    pub source: String,
    pub confidence: Confidence,
}

/// Whether a country is bound by an instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RatificationStatus {
    Party,
    Signatory,
    NotParty,
    #[default]
    Unknown,
}

impl RatificationStatus {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "party" => Some(Self::Party),
            "signatory" => Some(Self::Signatory),
            "not-party" => Some(Self::NotParty),
            "unknown" => Some(Self::Unknown),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Party => "party",
            Self::Signatory => "signatory",
            Self::NotParty => "not-party",
            Self::Unknown => "unknown",
        }
    }
}

/// A country's status with respect to one instrument.
#[derive(Debug, Clone, Default)]
pub struct Ratification {
    pub instrument: String,
    pub status: RatificationStatus,
    /// ratification, accession, succession or signature.
    pub kind: String,
    /// `YYYY-MM-DD`, `YYYY`, or `unknown`.
    pub date: String,
    pub note: String,
    pub source: String,
    pub confidence: Confidence,
    pub origin: Origin,
}

/// The minimum age of marriage, as the law states it (a text: "18", "unknown").
#[derive(Debug, Clone, Default)]
pub struct MarriageAge {
    pub minimum: String,
    pub note: String,
    pub source: String,
    pub confidence: Confidence,
}

/// A national law recorded in the profile (the text, if shipped, is a `Legislation`).
#[derive(Debug, Clone, Default)]
pub struct LawRecord {
    pub id: String,
    pub title: LangMap<String>,
    pub number: String,
    pub year: String,
    pub amendments: Vec<String>,
    /// in-force, draft, contested, none.
    pub status: String,
    /// An anti-trafficking law (`kind = "dedicated"`, the default), not provisions of other
    /// laws applied to trafficking (`kind = "related"`).
    pub dedicated: bool,
    pub note: String,
    pub source: String,
    pub confidence: Confidence,
}

impl LawRecord {
    /// Whether the profile lists the law as in force (`status = "in-force"`): the laws a
    /// country's default body of legislation is made of.
    pub fn in_force(&self) -> bool {
        self.status == "in-force"
    }
}

/// An article the country leaves out, and why.
#[derive(Debug, Clone, Default)]
pub struct VariantOmit {
    pub clause: ClauseId,
    /// Why, in one or more languages (`reason = "…"` is filed under the language of its
    /// script: Arabic, or else English).
    pub reason: LangMap<String>,
    pub origin: Origin,
}

/// An article the country adds, and where.
#[derive(Debug, Clone, Default)]
pub struct VariantAdd {
    pub clause: ClauseId,
    pub after: Option<ClauseId>,
    pub before: Option<ClauseId>,
    pub origin: Origin,
}

/// How a country's version differs from the model (`countries/<cc>/variant/`).
#[derive(Debug, Clone, Default)]
pub struct VariantSpec {
    pub omit: Vec<VariantOmit>,
    pub add: Vec<VariantAdd>,
    /// Clause id → chosen option key.
    pub choices: BTreeMap<ClauseId, (String, Origin)>,
    /// Replacement and added articles, keyed by id.
    pub clauses: BTreeMap<ClauseId, Arc<Clause>>,
    pub origin: Origin,
}

/// A country's profile and everything under `countries/<cc>/`.
#[derive(Debug, Clone, Default)]
pub struct Country {
    pub code: String,
    pub languages: Vec<Lang>,
    pub digits: DigitStyle,
    pub name: LangMap<String>,
    /// The name charts and lists use ("Jordan"); may be empty (see [`Country::short`]).
    pub short_name: LangMap<String>,
    pub currency: Currency,
    /// Language → variable → (value, where it is defined).
    pub terms: LangMap<BTreeMap<String, (String, Origin)>>,
    pub bodies: Vec<Body>,
    pub ratifications: Vec<Ratification>,
    pub marriage_age: Option<MarriageAge>,
    pub laws: Vec<LawRecord>,
    pub legislation: Vec<Legislation>,
    pub variant: VariantSpec,
    /// country.toml, relative to the root.
    pub origin: Origin,
}

impl Country {
    /// The country's default language (its first working language).
    /// The short name in `lang`, else the full name, else the code.
    pub fn short(&self, lang: Lang) -> String {
        crate::model::pick(&self.short_name, lang)
            .or_else(|| crate::model::pick(&self.name, lang))
            .cloned()
            .unwrap_or_else(|| self.code.clone())
    }

    pub fn default_lang(&self) -> Lang {
        self.languages.first().copied().unwrap_or(Lang::Ar)
    }

    /// The status for an instrument (`Unknown` when the profile says nothing).
    pub fn ratification(&self, instrument: &str) -> Option<&Ratification> {
        self.ratifications
            .iter()
            .find(|r| r.instrument == instrument)
    }

    /// The country's term for a variable in a language.
    pub fn term(&self, lang: Lang, name: &str) -> Option<&str> {
        self.terms
            .get(&lang)
            .and_then(|t| t.get(name))
            .map(|(v, _)| v.as_str())
    }
}
