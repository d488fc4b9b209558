//! National legislation in structured form: headings and articles, as the law numbers them.

use super::{ClauseId, Lang, LangMap, Origin};

/// Metadata of a national law text (`countries/<cc>/legislation/<id>.md` front matter).
#[derive(Debug, Clone, Default)]
pub struct LegislationMeta {
    pub id: String,
    pub title: LangMap<String>,
    pub number: String,
    pub year: String,
    pub amendments: Vec<String>,
    pub status: String,
    /// The language the body is written in.
    pub language: Option<Lang>,
    /// True when the body is the official text; false for a summary.
    pub official: bool,
    /// True when the body holds every article of the law (front matter `complete`; an
    /// official text is taken as complete unless it says `complete = false`, a summary never
    /// is). Only a complete official text can show a provision as missing: what is not found
    /// in any other text is "not verified".
    pub complete: bool,
    /// How many articles the whole law has (front matter `total_articles`), when known: reports
    /// say "9 of 36 articles".
    pub total_articles: Option<u32>,
    /// A law (an act, a code, a decree-law) or a regulation (front matter `kind`).
    pub kind: LegislationKind,
    pub source: String,
    pub confidence: String,
    /// The FRBR Work and Expression URIs of the Akoma Ntoso document the text was imported
    /// from (front matter `[akn]`), if it was.
    pub akn: Option<(String, String)>,
}

/// What rank of text a national law file holds (front matter `kind`). The model law's annex
/// (the shelter regulations) sets rules that states lay down in regulations rather than in
/// their laws, so compare matches its provisions only with national regulations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LegislationKind {
    /// An act, a code or a chapter of one, a decree-law (`kind = "law"`, the default).
    #[default]
    Law,
    /// A regulation, bylaw or set of instructions issued under a law (`kind = "regulation"`).
    Regulation,
}

impl LegislationKind {
    /// The values the front matter accepts.
    pub const NAMES: [&'static str; 2] = ["law", "regulation"];

    pub fn from_name(name: &str) -> Option<LegislationKind> {
        match name {
            "law" => Some(LegislationKind::Law),
            "regulation" => Some(LegislationKind::Regulation),
            _ => None,
        }
    }
}

/// The id a `model:` line gives alone to say that an article enacts no model provision
/// (`model: none`): an analyst has read it, so the gap analysis neither matches it
/// automatically nor counts it as resembling a provision.
pub const NO_MODEL: &str = "none";

/// One article of a national law.
#[derive(Debug, Clone, Default)]
pub struct LegislationArticle {
    /// As the law writes it: `3`, `3 مكرر`, `448-1`.
    pub number: String,
    pub title: Option<String>,
    /// Model articles this article corresponds to (explicit mappings); `model: none`, an
    /// analyst's finding that the article enacts no model provision, is the one id
    /// [`NO_MODEL`].
    pub model: Vec<(ClauseId, Origin)>,
    /// The text in the law's language.
    pub text: String,
    /// The same article in other languages (`### en` sub-sections).
    pub translations: LangMap<String>,
    /// The number of the amending article that inserts this one into another code.
    pub inserted_by: Option<String>,
    pub origin: Origin,
    /// The line of its heading (`## 3`) in the file, from 1 (0 when not read from a file):
    /// where an analyst writes its `model:` line.
    pub line: usize,
}

/// A structural element of a national law, in order.
#[derive(Debug, Clone)]
pub enum LegItem {
    Heading { text: String, origin: Origin },
    Article(LegislationArticle),
}

/// A national law text.
#[derive(Debug, Clone, Default)]
pub struct Legislation {
    pub country: String,
    pub meta: LegislationMeta,
    pub items: Vec<LegItem>,
    pub origin: Origin,
}

impl Legislation {
    /// Whether a provision this text does not show can be called missing: the text is the
    /// official one and holds every article of the law.
    pub fn verifies_absence(&self) -> bool {
        self.meta.official && self.meta.complete
    }

    /// The articles, in order.
    pub fn articles(&self) -> impl Iterator<Item = &LegislationArticle> {
        self.items.iter().filter_map(|i| match i {
            LegItem::Article(a) => Some(a),
            LegItem::Heading { .. } => None,
        })
    }

    /// An article's text in `lang`: the original when it is in that language, else a
    /// translation; `None` when it has no text in that language (an empty original included).
    pub fn article_text(
        a: &LegislationArticle,
        law_lang: Option<Lang>,
        lang: Lang,
    ) -> Option<&str> {
        if law_lang == Some(lang) {
            Some(a.text.as_str()).filter(|t| !t.is_empty())
        } else {
            a.translations.get(&lang).map(String::as_str)
        }
    }
}
