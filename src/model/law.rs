//! The model law: its identity, structure, variables and the instruments it implements.

use super::{Clause, ClauseId, Lang, LangMap, Origin};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The model law as loaded from `law/`.
#[derive(Debug, Clone, Default)]
pub struct Law {
    pub id: String,
    pub version: String,
    /// The version's date, `YYYY-MM-DD`.
    pub date: String,
    pub title: LangMap<String>,
    pub author: LangMap<String>,
    /// Languages every article must have; the first is the primary language.
    pub required_langs: Vec<Lang>,
    /// Languages translated progressively; `check` reports their coverage.
    pub optional_langs: Vec<Lang>,
    pub chapters: Vec<Part>,
    pub annexes: Vec<Part>,
    /// Every article file found, listed or not, keyed by id. Shared (not copied) by every
    /// country's variant that uses the model's text.
    pub clauses: BTreeMap<ClauseId, Arc<Clause>>,
    pub variables: BTreeMap<String, Variable>,
    pub instruments: Vec<Instrument>,
    /// The legal concept lexicon (`law/concepts.toml`; empty without the file).
    pub concepts: Vec<super::Concept>,
    /// Ids (file stems) of article files that exist but could not be read or parsed; their
    /// problems are reported once, and references to them are not reported again.
    pub broken: std::collections::BTreeSet<ClauseId>,
}

impl Law {
    /// Whether an article exists, even if its file is broken.
    pub fn has_clause(&self, id: &ClauseId) -> bool {
        self.clauses.contains_key(id) || self.broken.contains(id)
    }
}

impl Law {
    /// All languages the law declares, required first.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.required_langs
            .iter()
            .chain(self.optional_langs.iter())
            .copied()
    }

    /// The primary language (the first required one, Arabic by default).
    pub fn primary_lang(&self) -> Lang {
        self.required_langs.first().copied().unwrap_or(Lang::Ar)
    }

    /// Chapters then annexes, in order.
    pub fn parts(&self) -> impl Iterator<Item = &Part> {
        self.chapters.iter().chain(self.annexes.iter())
    }

    /// The ids of the main body's articles, in order (annexes excluded).
    pub fn body_ids(&self) -> impl Iterator<Item = &ClauseId> {
        self.chapters.iter().flat_map(|c| c.clauses.iter())
    }

    /// Finds an instrument by id.
    pub fn instrument(&self, id: &str) -> Option<&Instrument> {
        self.instruments.iter().find(|i| i.id == id)
    }

    /// The part (chapter or annex) that lists a clause.
    pub fn part_of(&self, id: &ClauseId) -> Option<&Part> {
        self.parts().find(|p| p.clauses.contains(id))
    }
}

/// Whether a part is a chapter of the main body or an annex numbered on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PartKind {
    #[default]
    Chapter,
    Annex,
}

/// A chapter or an annex: a titled, ordered list of articles.
#[derive(Debug, Clone, Default)]
pub struct Part {
    pub id: String,
    pub kind: PartKind,
    pub title: LangMap<String>,
    pub clauses: Vec<ClauseId>,
    pub origin: Origin,
}

/// A blank that each country fills in, declared in `law/variables.toml`.
#[derive(Debug, Clone, Default)]
pub struct Variable {
    pub name: String,
    pub description: LangMap<String>,
    pub origin: Origin,
}

/// An international instrument the law implements.
#[derive(Debug, Clone, Default)]
pub struct Instrument {
    pub id: String,
    pub kind: String,
    pub year: Option<i64>,
    pub binding: bool,
    pub name: LangMap<String>,
    pub short: LangMap<String>,
    pub requires: LangMap<String>,
    pub source: String,
    pub confidence: String,
    pub articles: Vec<InstrumentArticle>,
    pub origin: Origin,
}

impl Instrument {
    pub fn article(&self, number: &str) -> Option<&InstrumentArticle> {
        self.articles.iter().find(|a| a.number == number)
    }
}

/// One article (or principle, or guideline) of an instrument.
#[derive(Debug, Clone, Default)]
pub struct InstrumentArticle {
    pub number: String,
    pub paragraphs: Vec<String>,
    pub title: LangMap<String>,
    pub requires: LangMap<String>,
}
