//! The legal concept lexicon (`law/concepts.toml`): ideas the law requires, the words
//! statutes use for them in each language, and the model provisions that deal with them or
//! require them. Data the legal committee edits; `compare` reads it.

use super::{ClauseId, LangMap, Origin};

/// A model article, or one of its paragraphs, that a concept is linked to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConceptTarget {
    pub clause: ClauseId,
    /// The paragraph's number (1-based), when the link is to one paragraph.
    pub paragraph: Option<u32>,
    /// Where the entry is written, for diagnostics.
    pub origin: Origin,
}

/// One concept of the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    pub id: String,
    /// What a report says when a provision that requires the concept lacks it.
    pub label: LangMap<String>,
    /// The model articles and paragraphs that deal with the concept (alignment evidence).
    pub articles: Vec<ConceptTarget>,
    /// The provisions that cannot be enacted without it (named when a national text lacks it).
    pub requires: Vec<ConceptTarget>,
    /// The expressions statutes use for it, per language, as written in the file.
    pub expressions: LangMap<Vec<String>>,
    /// For a subject outside the model law (`outside = true`: the smuggling of migrants), the
    /// expressions of the model law's own subject that a national article must name less
    /// often than this one's for the article to be taken as about it (`rather_than`).
    /// Such an article is not matched with the model law automatically. `None` for a concept
    /// of the model law.
    pub outside: Option<LangMap<Vec<String>>>,
    pub origin: Origin,
}
