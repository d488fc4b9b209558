//! Stage: model. The one domain model every stage shares: plain data, no I/O, no parsing.
//!
//! `load` builds these structs from files, `validate` checks them, `variant` adapts them to a
//! country, `diff`/`compare` compare them and `render` shows them. Nothing here reads a file.

mod clause;
mod concept;
mod country;
mod law;
mod legislation;

pub use clause::{
    Body, Clause, ClauseId, Inline, InstrumentRef, Paragraph, Point, Status, inlines_source,
};
pub use concept::{Concept, ConceptTarget};
pub use country::{
    Body as NationalBody, Confidence, Country, Currency, DigitStyle, LawRecord, MarriageAge,
    Ratification, RatificationStatus, VariantAdd, VariantOmit, VariantSpec,
};
pub use law::{Instrument, InstrumentArticle, Law, Part, PartKind, Variable};
pub use legislation::{
    LegItem, Legislation, LegislationArticle, LegislationKind, LegislationMeta, NO_MODEL,
};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A language of the law. The set is closed on purpose: adding a language means adding its
/// reference wording, digit rules and templates, not just a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ar,
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ar, Lang::En, Lang::Fr];

    /// The ISO 639-1 code, as written in files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Parses a language code (`ar`, `en`, `fr`).
    pub fn from_code(s: &str) -> Option<Lang> {
        match s {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// Whether text in this language runs right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The direction of its text as HTML and Typst write it: `rtl` or `ltr`.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// The language's own name, for headings and menus.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// The language's name in English, for messages written in English ("the Arabic title").
    pub fn english_name(self) -> &'static str {
        match self {
            Lang::Ar => "Arabic",
            Lang::En => "English",
            Lang::Fr => "French",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    /// Reads "ar", "en" or "fr".
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_code(s).ok_or_else(|| format!("unknown language '{s}' (ar, fr or en)"))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Text in several languages, keyed by language (sorted, so output is deterministic).
pub type LangMap<T> = BTreeMap<Lang, T>;

/// Picks the text in `lang`, falling back to English, then Arabic, then anything.
pub fn pick<T>(map: &LangMap<T>, lang: Lang) -> Option<&T> {
    pick_with_lang(map, lang).map(|(_, t)| t)
}

/// [`pick`], also saying which language was found (to mark text shown in another language).
pub fn pick_with_lang<T>(map: &LangMap<T>, lang: Lang) -> Option<(Lang, &T)> {
    [lang, Lang::En, Lang::Ar]
        .into_iter()
        .find_map(|l| map.get(&l).map(|t| (l, t)))
        .or_else(|| map.iter().next().map(|(l, t)| (*l, t)))
}

/// Where something came from: a file (relative to the project root) and a byte offset in it.
/// The offset is resolved to line and column only when a diagnostic is printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub file: String,
    pub offset: usize,
}

impl Origin {
    pub fn new(file: impl Into<String>, offset: usize) -> Self {
        Origin {
            file: file.into(),
            offset,
        }
    }
}
