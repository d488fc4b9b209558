//! One article of the law: front matter, text per language, commentary.

use super::{Lang, LangMap, Origin};
use serde::Serialize;
use std::fmt;

/// An article's identifier: lowercase words joined by `-`, equal to its file stem.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(transparent)]
pub struct ClauseId(pub String);

impl ClauseId {
    pub fn new(s: impl Into<String>) -> Self {
        ClauseId(s.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `s` is a well-formed id: `[a-z0-9]+(-[a-z0-9]+)*`.
    pub fn is_valid(s: &str) -> bool {
        !s.is_empty()
            && s.split('-').all(|w| {
                !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            })
    }
}

impl fmt::Display for ClauseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for ClauseId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// Whether an article is required by a binding instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Mandatory,
    Optional,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Mandatory => "mandatory",
            Status::Optional => "optional",
        }
    }
}

/// A reference to an article of an international instrument: `palermo:3(a)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstrumentRef {
    /// As written: `palermo:3(a)`.
    pub raw: String,
    pub instrument: String,
    pub article: String,
    /// Paragraphs, outermost first: `6(3)(d)` gives `["3", "d"]`.
    pub paragraphs: Vec<String>,
    #[serde(skip)]
    pub origin: Origin,
}

impl InstrumentRef {
    /// Parses `<instrument>:<article>(<para>)…`; `None` when malformed.
    pub fn parse(raw: &str, origin: Origin) -> Option<InstrumentRef> {
        let (instrument, rest) = raw.split_once(':')?;
        let instrument = instrument.trim();
        if instrument.is_empty()
            || !instrument
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return None;
        }
        let (article, mut tail) = match rest.find('(') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let article = article.trim();
        if article.is_empty() || article.contains(char::is_whitespace) {
            return None;
        }
        let mut paragraphs = Vec::new();
        while !tail.is_empty() {
            let inner = tail.strip_prefix('(')?;
            let end = inner.find(')')?;
            let p = inner[..end].trim();
            if p.is_empty() {
                return None;
            }
            paragraphs.push(p.to_string());
            tail = &inner[end + 1..];
        }
        Some(InstrumentRef {
            raw: raw.to_string(),
            instrument: instrument.to_string(),
            article: article.to_string(),
            paragraphs,
            origin,
        })
    }
}

/// A piece of article text: plain text, a cross-reference or a variable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Inline {
    Text {
        text: String,
    },
    Ref {
        id: ClauseId,
        #[serde(skip)]
        origin: Origin,
    },
    Var {
        name: String,
        #[serde(skip)]
        origin: Origin,
    },
}

/// A sub-point of a paragraph (lettered: أ، ب، ج / a, b, c).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Point {
    pub text: Vec<Inline>,
    pub points: Vec<Point>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A numbered paragraph of an article, possibly one alternative among several (`[option a]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Paragraph {
    pub text: Vec<Inline>,
    pub points: Vec<Point>,
    /// The option key when this paragraph is one of several alternative wordings.
    pub option: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// An article's text in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Body {
    pub paragraphs: Vec<Paragraph>,
    /// False for an article written as one plain paragraph (rendered without a number).
    pub numbered: bool,
    #[serde(skip)]
    pub origin: Origin,
}

impl Body {
    /// Whether the section holds no text at all.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.iter().all(|p| p.text.is_empty())
    }

    /// The option keys offered, in order of first appearance.
    pub fn option_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for p in &self.paragraphs {
            if let Some(k) = &p.option
                && !keys.contains(k)
            {
                keys.push(k.clone());
            }
        }
        keys
    }

    /// Each paragraph's number, 1-based, in the order of `paragraphs`. Alternatives written in
    /// a row (`1. [option a] …`, `1. [option b] …`) are one paragraph offered in several
    /// wordings, and share its number: the next paragraph is 2, as the drafters numbered it.
    /// A key met again (`[option a]` after `[option b]`) opens the next paragraph's
    /// alternatives. Concept links (`victims-fund/3`) and the gap reports' "paragraph 3" use
    /// these numbers, in the model law shown with its options as in a country's version.
    pub fn numbers(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.paragraphs.len());
        let mut n = 0;
        let mut group: Vec<&str> = Vec::new();
        for p in &self.paragraphs {
            match p.option.as_deref() {
                Some(k) if !group.is_empty() && !group.contains(&k) => group.push(k),
                Some(k) => {
                    n += 1;
                    group = vec![k];
                }
                None => {
                    n += 1;
                    group.clear();
                }
            }
            out.push(n);
        }
        out
    }

    /// How many paragraphs the article has, alternatives counting once ([`Body::numbers`]).
    pub fn paragraph_count(&self) -> u32 {
        self.numbers().last().copied().unwrap_or(0)
    }
}

/// One article of the model law (or of a country's variant).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Clause {
    pub id: ClauseId,
    pub title: LangMap<String>,
    pub status: Status,
    pub tags: Vec<String>,
    pub instruments: Vec<InstrumentRef>,
    pub text: LangMap<Body>,
    /// The drafters' explanation, paragraph by paragraph; never part of the law's text.
    pub commentary: LangMap<Vec<Vec<Inline>>>,
    /// The file (relative to the root), and the offset of the `id` key.
    #[serde(skip)]
    pub origin: Origin,
    /// Where the `instruments` list is written, when it is.
    #[serde(skip)]
    pub instruments_origin: Option<Origin>,
}

impl Clause {
    /// Every cross-reference in every language, in order.
    pub fn refs(&self) -> impl Iterator<Item = (&ClauseId, &Origin)> {
        self.inlines().filter_map(|i| match i {
            Inline::Ref { id, origin } => Some((id, origin)),
            _ => None,
        })
    }

    /// Every variable use in every language, in order.
    pub fn vars(&self) -> impl Iterator<Item = (&str, &Origin)> {
        self.inlines().filter_map(|i| match i {
            Inline::Var { name, origin } => Some((name.as_str(), origin)),
            _ => None,
        })
    }

    fn inlines(&self) -> impl Iterator<Item = &Inline> {
        self.text
            .values()
            .flat_map(|b| {
                b.paragraphs
                    .iter()
                    .flat_map(|p| p.text.iter().chain(p.points.iter().flat_map(point_inlines)))
            })
            .chain(self.commentary.values().flatten().flatten())
    }

    /// The article's text in `lang`, if it has a non-empty section for it.
    pub fn body(&self, lang: Lang) -> Option<&Body> {
        self.text.get(&lang).filter(|b| !b.is_empty())
    }
}

fn point_inlines(p: &Point) -> Box<dyn Iterator<Item = &Inline> + '_> {
    Box::new(p.text.iter().chain(p.points.iter().flat_map(point_inlines)))
}

/// Plain text of a run of inlines with references and variables shown as typed.
pub fn inlines_source(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text { text } => s.push_str(text),
            Inline::Ref { id, .. } => {
                s.push_str("[[");
                s.push_str(id.as_str());
                s.push_str("]]");
            }
            Inline::Var { name, .. } => {
                s.push_str("{{ ");
                s.push_str(name);
                s.push_str(" }}");
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instrument_refs_parse_to_paragraph_precision() {
        let r = InstrumentRef::parse("palermo:6(3)(d)", Origin::default()).unwrap();
        assert_eq!(r.instrument, "palermo");
        assert_eq!(r.article, "6");
        assert_eq!(r.paragraphs, vec!["3", "d"]);
        let r = InstrumentRef::parse("ohchr-rpg:P7", Origin::default()).unwrap();
        assert_eq!(r.article, "P7");
        assert!(r.paragraphs.is_empty());
    }

    #[test]
    fn malformed_instrument_refs_are_rejected() {
        for bad in [
            "palermo",
            ":3",
            "palermo:",
            "palermo:3(",
            "palermo:3()",
            "pal ermo:3",
            "palermo:3 (a)x",
        ] {
            assert!(
                InstrumentRef::parse(bad, Origin::default()).is_none(),
                "{bad} should be rejected"
            );
        }
    }

    fn body(options: &[Option<&str>]) -> Body {
        Body {
            paragraphs: options
                .iter()
                .map(|o| Paragraph {
                    option: o.map(str::to_string),
                    ..Paragraph::default()
                })
                .collect(),
            numbered: true,
            origin: Origin::default(),
        }
    }

    #[test]
    fn alternatives_share_their_paragraph_number() {
        // victims-fund: 1 [a], 1 [b], 2, 3.
        let b = body(&[Some("a"), Some("b"), None, None]);
        assert_eq!(b.numbers(), vec![1, 1, 2, 3]);
        assert_eq!(b.paragraph_count(), 3);
        // residence-permit: 1, 2 [a], 2 [b], 3.
        assert_eq!(
            body(&[None, Some("a"), Some("b"), None]).numbers(),
            vec![1, 2, 2, 3]
        );
        // Two paragraphs with alternatives in a row: the key met again opens the next one.
        assert_eq!(
            body(&[Some("a"), Some("b"), Some("a"), Some("b")]).numbers(),
            vec![1, 1, 2, 2]
        );
        // No options: one number each; nothing at all: none.
        assert_eq!(body(&[None, None]).numbers(), vec![1, 2]);
        assert_eq!(body(&[]).paragraph_count(), 0);
    }

    #[test]
    fn clause_ids_are_lowercase_words_joined_by_hyphens() {
        assert!(ClauseId::is_valid("non-punishment"));
        assert!(ClauseId::is_valid("law-9-2009"));
        for bad in [
            "",
            "Non-punishment",
            "non--punishment",
            "-x",
            "x-",
            "non_punishment",
            "عربي",
        ] {
            assert!(!ClauseId::is_valid(bad), "{bad}");
        }
    }
}
