//! Stage: compare (elements). What a matched national text lacks of a model provision: the
//! provision's paragraphs and points (its structure) whose key terms the national text does
//! not contain, and the concepts the lexicon (`law/concepts.toml`) says it requires. Pure; it neither scores
//! alignment nor renders.

use super::align::Scorer;
use super::concepts::Lexicon;
use super::features::{self, terms};
use super::matching_text;
use crate::model::{Lang, Legislation, LegislationArticle};
use crate::variant::{RParagraph, RPoint, VArticle, plain};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Serialize, Serializer};
use std::collections::BTreeSet;
use std::fmt;
use std::sync::{Mutex, OnceLock};

/// An element counts as present when the national text holds terms carrying at least this
/// share of the element's idf-weighted terms.
pub const PRESENT: f32 = 0.45;
/// A missing element of which the national text holds at least this share is reported as
/// missing "in part".
pub const IN_PART: f32 = 0.2;
/// Two terms are taken as the same word when their trigram sets overlap this much (Dice).
const FUZZY: f32 = 0.6;
/// A term of at least this many letters matches a term that contains it ("استعمال" in
/// "باستعمالها": attached clitics and pronouns).
const MIN_CONTAINED: usize = 4;
/// Words quoted from a missing element.
const EXCERPT_WORDS: usize = 14;

/// One thing a matched national text lacks of a model provision.
///
/// Reports that stand alone (`compare`) print it in full, label and first words
/// ([`fmt::Display`], also its JSON form); a packet, which prints the article just above, names
/// only where it is ([`places`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Lack {
    /// A curated element of the provision's kind, by name ("exploitation: early or forced
    /// marriage").
    Element(String),
    /// A paragraph or point of the model article whose key terms the national text lacks.
    Text {
        /// The paragraph's number as printed ("2", "٢"); empty for an unnumbered paragraph.
        para: String,
        /// The paragraph's place in the model article, from 1 (what `clause/N` names in the
        /// lexicon and in the gold mappings).
        paragraph: u32,
        /// The point's label ("b", "ب") when the lack is a point.
        point: Option<String>,
        /// Some of its key terms are found.
        in_part: bool,
        /// Its first words, with an ellipsis when cut.
        excerpt: String,
        /// The language of the labels.
        lang: Lang,
    },
}

impl fmt::Display for Lack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lack::Element(name) => f.write_str(name),
            Lack::Text {
                para,
                point,
                in_part,
                excerpt,
                lang,
                ..
            } => {
                if *in_part {
                    write!(f, "({}) ", self::in_part(*lang))?;
                }
                let label = element_label(*lang, para, point.as_deref());
                if label.is_empty() {
                    f.write_str(excerpt)
                } else {
                    write!(f, "{label}: {excerpt}")
                }
            }
        }
    }
}

impl Serialize for Lack {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Where the lacks are, without quoting them, for a reader who has the article in front of
/// them: points of one paragraph are named together ("paragraph 1(a), (c), (d)"), elements by
/// their names, an unnumbered paragraph as "the substance of the article".
pub fn places(lacks: &[Lack]) -> Vec<String> {
    let same_paragraph = |a: &Lack, b: &Lack| {
        matches!(
            (a, b),
            (
                Lack::Text { para: p, point: Some(_), in_part: i, .. },
                Lack::Text { para: q, point: Some(_), in_part: j, .. },
            ) if p == q && i == j
        )
    };
    lacks
        .chunk_by(same_paragraph)
        .map(|group| match &group[0] {
            Lack::Element(name) => name.clone(),
            Lack::Text {
                para,
                in_part,
                lang,
                ..
            } => {
                let points: Vec<&str> = group
                    .iter()
                    .filter_map(|l| match l {
                        Lack::Text { point, .. } => point.as_deref(),
                        Lack::Element(_) => None,
                    })
                    .collect();
                let place = place_label(*lang, para, &points);
                if *in_part {
                    format!("({}) {place}", self::in_part(*lang))
                } else {
                    place
                }
            }
        })
        .collect()
}

/// "paragraph 1(a), (b)" and the like; "the substance of the article" for an unnumbered
/// paragraph (the article is matched, so "partial", but its one paragraph is not covered).
fn place_label(lang: Lang, para: &str, points: &[&str]) -> String {
    let list = |open: &str, close: &str| {
        points
            .iter()
            .map(|p| format!("{open}{p}{close}"))
            .collect::<Vec<_>>()
    };
    match (lang, para.is_empty(), points.len()) {
        (Lang::Ar, true, 0) => "مضمون المادة".to_string(),
        (Lang::En, true, 0) => "the substance of the article".to_string(),
        (Lang::Fr, true, 0) => "la substance de l'article".to_string(),
        (_, _, 0 | 1) => element_label(lang, para, points.first().copied()),
        (Lang::Ar, false, _) => format!("الفقرة ({para})، البنود {}", list("(", ")").join("، ")),
        (Lang::Ar, true, _) => format!("البنود {}", list("(", ")").join("، ")),
        (Lang::En, false, _) => format!("paragraph {para}{}", list("(", ")").join(", ")),
        (Lang::En, true, _) => format!("points {}", list("(", ")").join(", ")),
        (Lang::Fr, false, _) => format!("paragraphe {para}, {}", list("", ")").join(", ")),
        (Lang::Fr, true, _) => format!("points {}", list("", ")").join(", ")),
    }
}

/// The terms of the matched national text, for presence tests.
struct NationalTerms {
    set: FxHashSet<String>,
    /// Every distinct term, each followed by a line break: one string to search for a term
    /// contained in any of them.
    joined: String,
    /// The trigram index, built the first time a term is not found exactly or by
    /// containment (most articles never need it).
    grams: OnceLock<GramIndex>,
    /// Answers already given ([`NationalTerms::has`] is asked the same terms by many
    /// provisions).
    memo: Mutex<FxHashMap<String, bool>>,
}

impl NationalTerms {
    #[cfg(test)]
    fn new(text: &str) -> NationalTerms {
        NationalTerms::from_terms(terms(text))
    }

    /// From terms already computed.
    fn from_terms(terms: impl IntoIterator<Item = String>) -> NationalTerms {
        let set: FxHashSet<String> = terms.into_iter().collect();
        let mut joined = String::new();
        for t in &set {
            joined.push_str(t);
            joined.push('\n');
        }
        NationalTerms {
            set,
            joined,
            grams: OnceLock::new(),
            memo: Mutex::default(),
        }
    }

    /// Whether the text has `term`: the same term, a term containing it (or contained in it)
    /// when both are long enough, or a term spelt nearly the same (trigram Dice).
    fn has(&self, term: &str) -> bool {
        if self.set.contains(term) {
            return true;
        }
        if let Some(&known) = self.memo().get(term) {
            return known;
        }
        let found = self.has_inexact(term);
        self.memo().insert(term.to_string(), found);
        found
    }

    fn memo(&self) -> std::sync::MutexGuard<'_, FxHashMap<String, bool>> {
        self.memo
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Whether a national term of at least [`MIN_CONTAINED`] characters stands inside `term`.
    fn has_part_of(&self, term: &str) -> bool {
        let bounds: Vec<usize> = term
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(term.len()))
            .collect();
        bounds.iter().enumerate().any(|(a, &from)| {
            bounds
                .iter()
                .skip(a + MIN_CONTAINED)
                .any(|&to| self.set.contains(&term[from..to]))
        })
    }

    fn has_inexact(&self, term: &str) -> bool {
        // A term inside another: terms hold no line break, so a match in `joined` is a match
        // inside one term.
        if term.chars().count() >= MIN_CONTAINED
            && !term.contains('\n')
            && self.joined.contains(term)
        {
            return true;
        }
        // Another inside the term: each stretch of the term long enough to count is looked
        // up (a word has a few dozen; scanning every national term was the larger cost of a
        // body of 1,500 articles).
        if self.has_part_of(term) {
            return true;
        }
        // Spelt nearly the same: the trigrams each term shares with this one, counted through
        // the index (only terms sharing one are touched), give their Dice coefficient.
        let index = self.grams.get_or_init(|| GramIndex::new(&self.set));
        let g = grams_of(term);
        let mut hits: Vec<u32> = g.iter().flat_map(|&x| index.terms_with(x)).collect();
        hits.sort_unstable();
        hits.chunk_by(|a, b| a == b).any(|run| {
            let other = run
                .first()
                .and_then(|&i| index.counts.get(i as usize))
                .map_or(0, |&n| n as usize);
            dice_of(run.len(), g.len(), other) >= FUZZY
        })
    }
}

/// The national terms' trigrams, for near spellings.
struct GramIndex {
    /// How many distinct trigrams each term has (terms numbered in the set's order).
    counts: Vec<u32>,
    /// (trigram, term) for every distinct trigram of every term, sorted: the terms sharing a
    /// trigram with a term are found by binary search, without scanning every term.
    pairs: Vec<(u64, u32)>,
}

impl GramIndex {
    fn new(terms: &FxHashSet<String>) -> GramIndex {
        let mut counts = Vec::with_capacity(terms.len());
        let mut pairs = Vec::new();
        for (i, t) in terms.iter().enumerate() {
            let grams = grams_of(t);
            counts.push(u32::try_from(grams.len()).unwrap_or(u32::MAX));
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            pairs.extend(grams.into_iter().map(|g| (g, i)));
        }
        pairs.sort_unstable();
        GramIndex { counts, pairs }
    }

    /// The terms holding trigram `g`.
    fn terms_with(&self, g: u64) -> impl Iterator<Item = u32> + '_ {
        let from = self.pairs.partition_point(|p| p.0 < g);
        self.pairs[from..]
            .iter()
            .take_while(move |p| p.0 == g)
            .map(|p| p.1)
    }
}

/// The national articles' terms ready for presence tests, built once per article and
/// language the first time a provision is checked against it (a national article matched by
/// several provisions is indexed once). Shared by the provisions checked in parallel.
pub struct NationalIndex {
    langs: Vec<(Lang, Vec<OnceLock<Option<NationalTerms>>>)>,
    /// Each article's passages that open with the law's own item label ("(2)", "ب-"), with
    /// their terms: where in the article an element is held ([`Found::part`]).
    parts: Vec<(Lang, Vec<OnceLock<Vec<Part>>>)>,
}

/// A labelled item of a national article: its path of labels ("(a)(3)") and its terms.
type Part = (String, NationalTerms);

impl NationalIndex {
    /// An empty index for `nationals` articles in each language of `order`.
    pub fn new(order: &[Lang], nationals: usize) -> NationalIndex {
        NationalIndex {
            langs: order
                .iter()
                .map(|&l| (l, (0..nationals).map(|_| OnceLock::new()).collect()))
                .collect(),
            parts: order
                .iter()
                .map(|&l| (l, (0..nationals).map(|_| OnceLock::new()).collect()))
                .collect(),
        }
    }

    /// The labelled items of national article `n` (text `text` in `lang`, cut by
    /// [`features::items`]): none when the article has a single item or its items carry no
    /// labels of the law's own.
    fn parts(&self, lang: Lang, n: usize, text: &str) -> &[Part] {
        let Some(slot) = self
            .parts
            .iter()
            .find(|(l, _)| *l == lang)
            .and_then(|(_, v)| v.get(n))
        else {
            return &[];
        };
        slot.get_or_init(|| {
            let ps = features::items(&features::clean(text));
            if ps.len() < 2 {
                return Vec::new();
            }
            // Items nest: "(a)" then "(1)" is item (a)(1), until the next "(b)". A label of a
            // kind met before closes the deeper items; a new kind opens a level below. A
            // label counts only in sequence: the first of a level is 1 (a, i, أ), the next
            // one follows the last; "(43)" in "Decree-Law No. (43)" is no item.
            let mut levels: Vec<(LabelKind, String)> = Vec::new();
            let mut out = Vec::new();
            for p in &ps {
                let Some(label) = features::item_label(p) else {
                    continue;
                };
                let kind = LabelKind::of(&label, &levels);
                let places = kind.places(&label);
                let at = levels.iter().position(|(k, _)| *k == kind);
                let in_sequence = match at.and_then(|i| levels.get(i)) {
                    // An Arabic list may skip one letter: "هـ-" is not read as a label.
                    Some((_, last)) => kind.places(last).iter().any(|l| {
                        places.contains(&(l + 1))
                            || (kind == LabelKind::Other && places.contains(&(l + 2)))
                    }),
                    None => places.contains(&1),
                };
                if !in_sequence {
                    continue;
                }
                if let Some(at) = at {
                    levels.truncate(at);
                }
                levels.push((kind, label));
                let path: String = levels.iter().map(|(_, l)| format!("({l})")).collect();
                out.push((path, NationalTerms::from_terms(features::terms_of_clean(p))));
            }
            out
        })
    }
}

/// The value of a lower-case Roman numeral ("iv" → 4), if `s` is one.
fn roman(s: &str) -> Option<u32> {
    let value = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let vs: Vec<u32> = s.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (i, v) in vs.iter().enumerate() {
        if vs.get(i + 1).is_some_and(|n| n > v) {
            total -= i64::from(*v);
        } else {
            total += i64::from(*v);
        }
    }
    u32::try_from(total).ok().filter(|t| *t > 0)
}

/// The kind of an item label, for nesting: "(a)" holds "(1)" in one law and "(1)" holds "(a)"
/// in another; each kind is one level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LabelKind {
    Number,
    Lower,
    /// Lower-case Roman numerals: "(i)", "(ii)", "(iv)".
    Roman,
    /// Capital Roman numerals: French "I. -", "II. -".
    UpperRoman,
    Upper,
    Other,
}

/// The Arabic letters in the order of lists in statutes: the abjad order (أ ب ج د هـ و ز …)
/// and the alphabetical one (أ ب ت ث ج ح خ …); a list may follow either.
const ABJAD: &str = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ";
const ALPHABET: &str = "أبتثجحخدذرزسشصضطظعغفقكلمنهوي";

impl LabelKind {
    /// The places in its list a label can have, from 1: "3" → 3, "c" → 3, "iv" → 4, "ج" → 3
    /// (abjad) or 5 (alphabetical). Empty when it has none.
    fn places(self, label: &str) -> Vec<u32> {
        let single = |l: &str| {
            let mut cs = l.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        };
        match self {
            LabelKind::Number => crate::text::to_latin_digits(label.trim_end_matches('°'))
                .parse()
                .ok()
                .into_iter()
                .collect(),
            LabelKind::Lower | LabelKind::Upper => single(label)
                .map(|c| u32::from(c.to_ascii_lowercase()) - u32::from('a') + 1)
                .into_iter()
                .collect(),
            LabelKind::Roman => roman(label).into_iter().collect(),
            LabelKind::UpperRoman => roman(&label.to_lowercase()).into_iter().collect(),
            LabelKind::Other => {
                let c = single(label.trim_end_matches('ـ'));
                [ABJAD, ALPHABET]
                    .iter()
                    .filter_map(|list| {
                        let c = c?;
                        let c = if matches!(c, 'ا' | 'إ' | 'آ') {
                            'أ'
                        } else {
                            c
                        };
                        list.chars().position(|x| x == c)
                    })
                    .filter_map(|i| u32::try_from(i + 1).ok())
                    .collect()
            }
        }
    }

    /// The kind of `label` among the open `levels`: "(i)" is Roman unless it follows "(h)"
    /// (and "(v)" unless it follows "(u)", "(x)" unless it follows "(w)").
    fn of(label: &str, levels: &[(LabelKind, String)]) -> LabelKind {
        let roman = !label.is_empty() && label.chars().all(|c| "ivxlc".contains(c));
        let letter_after = |l: &str| {
            let mut cs = label.chars();
            let (Some(c), None) = (cs.next(), cs.next()) else {
                return false;
            };
            l.chars().count() == 1 && l.chars().next().is_some_and(|p| (p as u32) + 1 == c as u32)
        };
        let follows_letter = levels
            .iter()
            .any(|(k, l)| *k == LabelKind::Lower && letter_after(l));
        let upper_roman = !label.is_empty() && label.chars().all(|c| "IVXLC".contains(c));
        let follows_capital = levels
            .iter()
            .any(|(k, l)| *k == LabelKind::Upper && letter_after(l));
        if label.trim_end_matches('°').chars().all(char::is_numeric) {
            LabelKind::Number
        } else if roman && !follows_letter {
            LabelKind::Roman
        } else if upper_roman && !follows_capital {
            LabelKind::UpperRoman
        } else if label.chars().all(|c| c.is_ascii_lowercase()) {
            LabelKind::Lower
        } else if label.chars().all(|c| c.is_ascii_uppercase()) {
            LabelKind::Upper
        } else {
            LabelKind::Other
        }
    }
}

impl NationalIndex {
    /// The terms of national article `n` in `lang`, if the scorer has its text.
    fn get(&self, scorer: &Scorer, lang: Lang, n: usize) -> Option<&NationalTerms> {
        let slot = self.langs.iter().find(|(l, _)| *l == lang)?.1.get(n)?;
        slot.get_or_init(|| {
            scorer
                .national_terms(lang, n)
                .map(|t| NationalTerms::from_terms(t.iter().cloned()))
        })
        .as_ref()
    }
}

/// The distinct trigrams of a term, sorted.
fn grams_of(t: &str) -> Vec<u64> {
    let mut v = Vec::new();
    features::trigrams_of(t, &mut v);
    v.sort_unstable();
    v.dedup();
    v
}

/// The Dice coefficient of two sets of `a` and `b` members sharing `common`.
fn dice_of(common: usize, a: usize, b: usize) -> f32 {
    if a == 0 || b == 0 {
        return 0.0;
    }
    2.0 * common as f32 / (a + b) as f32
}

/// The Dice coefficient of two sorted sets.
#[cfg(test)]
fn dice(a: &[u64], b: &[u64]) -> f32 {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    dice_of(common, a.len(), b.len())
}

/// Where an element sits in the article: paragraph index and, for a point, its index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Path {
    para: usize,
    point: Option<usize>,
}

/// The elements of an article in a language: each paragraph without points, and each point
/// (with its sub-points) of a paragraph that has them.
fn structure(paras: &[RParagraph]) -> Vec<(Path, String)> {
    let mut out = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        if p.points.is_empty() {
            out.push((
                Path {
                    para: pi,
                    point: None,
                },
                matching_text(&p.pieces),
            ));
        } else {
            for (k, pt) in p.points.iter().enumerate() {
                let mut s = String::new();
                point_text(pt, &mut s);
                out.push((
                    Path {
                        para: pi,
                        point: Some(k),
                    },
                    s,
                ));
            }
        }
    }
    out
}

fn point_text(p: &RPoint, s: &mut String) {
    s.push_str(&matching_text(&p.pieces));
    for q in &p.points {
        s.push(' ');
        point_text(q, s);
    }
}

/// The idf-weighted share of an element's terms that the national text holds (1 for an
/// element without terms).
fn share_present(
    element: &[String],
    has: impl Fn(&str) -> bool,
    scorer: &Scorer,
    lang: Lang,
) -> f32 {
    let ts: BTreeSet<&str> = element.iter().map(String::as_str).collect();
    let (mut total, mut found) = (0.0f32, 0.0f32);
    for t in &ts {
        let w = scorer.idf(lang, t);
        total += w;
        if has(t) {
            found += w;
        }
    }
    if total == 0.0 { 1.0 } else { found / total }
}

/// "in part" in a language, for elements of which some key terms are found.
fn in_part(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "جزئياً",
        Lang::En => "in part",
        Lang::Fr => "en partie",
    }
}

/// The language to check an article in: the first of `order` that the article and at least
/// one matched national article share.
fn check_lang(
    a: &VArticle,
    matched: &[(usize, &LegislationArticle)],
    law_lang: Option<Lang>,
    order: &[Lang],
) -> Option<Lang> {
    order.iter().copied().find(|&l| {
        a.text.contains_key(&l)
            && matched
                .iter()
                .any(|(_, n)| Legislation::article_text(n, law_lang, l).is_some())
    })
}

/// Where the national text holds an element of a model provision: the element's label
/// ("paragraph 2(b)", or a concept's label) and the matched national article (its index in the
/// comparison) that holds most of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub element: String,
    pub national: usize,
    /// For a paragraph or point, the paragraph's place in the model article, from 1.
    pub paragraph: Option<u32>,
    /// The item of the national article that holds most of it, by the law's own labels
    /// ("(2)", "(a)(3)", "(ب)"), when the article's passages are labelled and one holds at
    /// least [`IN_PART`] of the element's key terms.
    pub part: Option<String>,
}

/// What the matched national articles lack of model article `a` (number `m` in the scorer),
/// described in `display`, and where they hold each element they have.
/// Empty when nothing is missing, or when no language is shared (nothing can be checked).
#[allow(clippy::too_many_arguments)]
pub fn missing(
    a: &VArticle,
    m: usize,
    matched: &[(usize, &LegislationArticle)],
    scorer: &Scorer,
    lexicon: &Lexicon,
    law_lang: Option<Lang>,
    order: &[Lang],
    display: Lang,
    index: &NationalIndex,
) -> (Vec<Lack>, Vec<Found>) {
    let Some(lang) = check_lang(a, matched, law_lang, order) else {
        return (Vec::new(), Vec::new());
    };
    let mut found: BTreeSet<u32> = BTreeSet::new();
    // Each matched article's terms and concepts. A term is in the matched text as a whole
    // when it is in one of them (every presence test asks whether some term matches).
    let mut each: Vec<(usize, &NationalTerms, Vec<u32>)> = Vec::new();
    for (i, _) in matched {
        if let (Some(t), Some(nt)) = (scorer.national_terms(lang, *i), index.get(scorer, lang, *i))
        {
            let cs = scorer
                .national_concepts(lang, *i)
                .map_or_else(|| lexicon.find(lang, t), <[u32]>::to_vec);
            found.extend(cs.iter().copied());
            each.push((*i, nt, cs));
        }
    }
    let in_matched = |t: &str| each.iter().any(|(_, nt, _)| nt.has(t));
    let mut where_found: Vec<Found> = Vec::new();
    let single = matched.first().map(|(i, _)| *i);
    // The matched article holding most of an element: its terms' share plus its concepts.
    let holder = |element_terms: &[String], concepts: &[u32]| -> Option<usize> {
        if matched.len() < 2 || each.is_empty() {
            return single;
        }
        // `matched` comes best first (an analyst's mappings, then by score); `max_by` keeps
        // the last of equals, so the list is read backwards for a tie to go to the best match.
        each.iter()
            .rev()
            .map(|(i, nt, cs)| {
                let hits = concepts.iter().filter(|c| cs.contains(c)).count() as f32;
                (
                    *i,
                    share_present(element_terms, |t| nt.has(t), scorer, lang) + hits,
                )
            })
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .map(|(i, _)| i)
    };
    // The concepts the lexicon says this provision requires, by name (each once).
    let mut required: Vec<u32> = lexicon
        .required(a.id.as_str())
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    required.dedup();
    let mut out: Vec<Lack> = Vec::new();
    for c in required {
        if found.contains(&c) {
            if let Some(i) = holder(&[], &[c]) {
                where_found.push(Found {
                    element: lexicon.label(c, display),
                    national: i,
                    paragraph: None,
                    part: None,
                });
            }
        } else {
            out.push(Lack::Element(lexicon.label(c, display)));
        }
    }
    let linked = lexicon.linked(a.id.as_str());
    let paras = a.text.get(&lang).map_or(&[][..], Vec::as_slice);
    let shown = a.text.get(&display).map_or(paras, Vec::as_slice);
    let elements: Vec<(Path, String, Vec<String>)> = structure(paras)
        .into_iter()
        .map(|(path, element)| {
            let t = match (path.point, scorer.paragraph_terms(lang, m, path.para)) {
                (None, Some(t)) => t.to_vec(),
                _ => terms(&element),
            };
            (path, element, t)
        })
        .collect();
    // Each matched article's closest element: the one of which it holds the largest share of
    // key terms, when it holds some (`IN_PART`). The article was matched for something; without
    // this, a report could say that an article enacting a paragraph in other words holds
    // nothing of the provision.
    let closest: Vec<(usize, usize)> = each
        .iter()
        .filter_map(|(i, nt, _)| {
            elements
                .iter()
                .enumerate()
                .map(|(k, (_, _, t))| (k, share_present(t, |x| nt.has(x), scorer, lang)))
                .fold(None, |best: Option<(usize, f32)>, (k, sh)| match best {
                    Some((_, b)) if b >= sh => best,
                    _ => Some((k, sh)),
                })
                .filter(|(_, sh)| *sh >= IN_PART)
                .map(|(k, _)| (k, *i))
        })
        .collect();
    // The labelled item of matched article `i` that holds most of an element's key terms.
    let part_of = |i: usize, element_terms: &[String]| -> Option<String> {
        let (_, article) = matched.iter().find(|(n, _)| *n == i)?;
        let text = Legislation::article_text(article, law_lang, lang)?;
        index
            .parts(lang, i, text)
            .iter()
            .rev()
            .map(|(label, nt)| {
                (
                    label,
                    share_present(element_terms, |t| nt.has(t), scorer, lang),
                )
            })
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .filter(|(_, share)| *share >= IN_PART)
            .map(|(label, _)| label.clone())
    };
    for (k, (path, element, element_terms)) in elements.into_iter().enumerate() {
        let share = share_present(&element_terms, in_matched, scorer, lang);
        // The concepts the lexicon links to this paragraph: a national text that holds them
        // says the same thing in other words.
        // The paragraph's number, not its place: in the model law shown with its options,
        // alternatives share one.
        let para_no = paras.get(path.para).map_or_else(
            || u32::try_from(path.para + 1).unwrap_or(u32::MAX),
            |p| p.index,
        );
        let concepts: Vec<u32> = linked
            .iter()
            .filter(|(_, p)| *p == Some(para_no))
            .map(|(c, _)| *c)
            .collect();
        let held = concepts.iter().filter(|c| found.contains(c)).count();
        let by_concepts =
            !concepts.is_empty() && (held == concepts.len() || (held > 0 && share >= IN_PART));
        let (para, point, excerpt) =
            describe(shown, path).unwrap_or_else(|| (String::new(), None, excerpt(&element)));
        let present = share >= PRESENT || by_concepts;
        let holder = if present {
            holder(&element_terms, &concepts)
        } else {
            closest.iter().find(|(e, _)| *e == k).map(|(_, i)| *i)
        };
        if present || holder.is_some() {
            if let Some(i) = holder {
                where_found.push(Found {
                    element: element_label(display, &para, point.as_deref()),
                    national: i,
                    paragraph: Some(para_no),
                    part: part_of(i, &element_terms),
                });
            }
        } else {
            out.push(Lack::Text {
                para,
                paragraph: para_no,
                point,
                in_part: share >= IN_PART,
                excerpt,
                lang: display,
            });
        }
    }
    (out, where_found)
}

/// The paragraph number, point label and first words of the element at `path`.
fn describe(paras: &[RParagraph], path: Path) -> Option<(String, Option<String>, String)> {
    let p = paras.get(path.para)?;
    let (point, text) = match path.point {
        None => (None, plain(&p.pieces)),
        Some(k) => {
            let pt = p.points.get(k)?;
            (Some(pt.label.clone()), plain(&pt.pieces))
        }
    };
    Some((p.number.clone(), point, excerpt(&text)))
}

fn element_label(lang: Lang, para: &str, point: Option<&str>) -> String {
    match (lang, para.is_empty(), point) {
        (_, true, None) => String::new(),
        (Lang::Ar, false, None) => format!("الفقرة ({para})"),
        (Lang::Ar, false, Some(pt)) => format!("الفقرة ({para})، البند ({pt})"),
        (Lang::Ar, true, Some(pt)) => format!("البند ({pt})"),
        (Lang::En, false, None) => format!("paragraph {para}"),
        (Lang::En, false, Some(pt)) => format!("paragraph {para}({pt})"),
        (Lang::En, true, Some(pt)) => format!("point ({pt})"),
        (Lang::Fr, false, None) => format!("paragraphe {para}"),
        (Lang::Fr, false, Some(pt)) => format!("paragraphe {para}, {pt})"),
        (Lang::Fr, true, Some(pt)) => format!("point {pt})"),
    }
}

/// The first words of a text, with an ellipsis when cut.
fn excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut s = words
        .iter()
        .take(EXCERPT_WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if words.len() > EXCERPT_WORDS {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part_labels(text: &str) -> Vec<String> {
        let index = NationalIndex::new(&[Lang::En], 1);
        index
            .parts(Lang::En, 0, text)
            .iter()
            .map(|(l, _)| l.clone())
            .collect()
    }

    #[test]
    fn items_nest_by_the_kind_of_their_labels() {
        let words = "any person who does this shall be punished by the court";
        let text = |labels: &[&str]| {
            labels
                .iter()
                .map(|l| format!("{l} {words}"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        // A letter holds numbers, Roman numerals and capitals; the next letter closes them.
        assert_eq!(
            part_labels(&text(&["(a)", "(1)", "(2)", "(i)", "(ii)", "(b)", "(A)"])),
            [
                "(a)",
                "(a)(1)",
                "(a)(2)",
                "(a)(2)(i)",
                "(a)(2)(ii)",
                "(b)",
                "(b)(A)"
            ]
        );
        // "(i)" after "(h)" is a letter, not a Roman one; Arabic labels nest the same way.
        let letters = [
            "(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)",
        ];
        let mut labels = vec!["(1)"];
        labels.extend(letters);
        let parts = part_labels(&text(&labels));
        assert_eq!(parts.len(), 11, "{parts:?}");
        assert_eq!(parts[9..], ["(1)(i)", "(1)(j)"]);
        assert_eq!(
            part_labels(&text(&["1-", "أ-", "ب-", "2-"])),
            ["(1)", "(1)(أ)", "(1)(ب)", "(2)"]
        );
        // A short item keeps its label (scoring joins it to the passage before).
        assert_eq!(
            part_labels(&format!("(a) {words}\n(b) abduction;\n(c) {words}")),
            ["(a)", "(b)", "(c)"]
        );
        // French items: "I. -" holds "1°", and "II. -" closes it.
        assert_eq!(
            part_labels(&text(&["I. -", "1°", "2°", "II. -", "1°"])),
            ["(I)", "(I)(1°)", "(I)(2°)", "(II)", "(II)(1°)"]
        );
        // A label counts only in its list's order: a law's number in brackets opening a
        // passage is no item, nor is a "(3)" that follows "(1)".
        assert!(part_labels(&text(&["(43)", "(44)"])).is_empty());
        assert_eq!(part_labels(&text(&["(1)", "(3)", "(2)"])), ["(1)", "(2)"]);
        assert_eq!(
            part_labels(&text(&["أ-", "ب-", "ج-", "د-", "و-"])),
            ["(أ)", "(ب)", "(ج)", "(د)", "(و)"]
        );
        // An article of one passage, or of passages without labels, has no parts.
        assert!(part_labels(&text(&["(a)"])).is_empty());
        assert!(part_labels(&format!("{words}\n{words}")).is_empty());
    }

    fn text(para: &str, point: Option<&str>, in_part: bool, lang: Lang) -> Lack {
        Lack::Text {
            para: para.into(),
            paragraph: para.parse().unwrap_or(1),
            point: point.map(Into::into),
            in_part,
            excerpt: "first words…".into(),
            lang,
        }
    }

    #[test]
    fn a_lack_in_full_keeps_its_label_and_first_words() {
        let l = text("1", Some("b"), true, Lang::En);
        assert_eq!(l.to_string(), "(in part) paragraph 1(b): first words…");
        assert_eq!(
            serde_json::to_string(&l).unwrap(),
            "\"(in part) paragraph 1(b): first words…\""
        );
        assert_eq!(text("", None, false, Lang::Ar).to_string(), "first words…");
        assert_eq!(Lack::Element("x".into()).to_string(), "x");
    }

    #[test]
    fn places_name_points_of_one_paragraph_together_without_quoting() {
        let lacks = [
            Lack::Element("exploitation: forced marriage".into()),
            text("1", Some("a"), false, Lang::En),
            text("1", Some("b"), false, Lang::En),
            text("1", Some("c"), true, Lang::En),
            text("1", Some("d"), true, Lang::En),
            text("2", Some("a"), true, Lang::En),
            text("3", None, false, Lang::En),
        ];
        assert_eq!(
            places(&lacks),
            [
                "exploitation: forced marriage",
                "paragraph 1(a), (b)",
                "(in part) paragraph 1(c), (d)",
                "(in part) paragraph 2(a)",
                "paragraph 3",
            ]
        );
        let ar = [
            text("١", Some("أ"), false, Lang::Ar),
            text("١", Some("ب"), false, Lang::Ar),
            text("", None, true, Lang::Ar),
        ];
        assert_eq!(
            places(&ar),
            ["الفقرة (١)، البنود (أ)، (ب)", "(جزئياً) مضمون المادة"]
        );
        let fr = [
            text("2", Some("a"), false, Lang::Fr),
            text("2", Some("b"), false, Lang::Fr),
            text("", Some("c"), false, Lang::Fr),
            text("", Some("d"), false, Lang::Fr),
        ];
        assert_eq!(places(&fr), ["paragraphe 2, a), b)", "points c), d)"]);
        assert!(places(&[]).is_empty());
    }

    #[test]
    fn fuzzy_terms_match_spelling_variants() {
        let nat = NationalTerms::new("Les victimes mineures ne sont pas poursuivies");
        assert!(nat.has("victime"));
        assert!(nat.has("poursuivie"));
        assert!(!nat.has("hebergement"));
    }

    #[test]
    fn each_presence_test_matches_as_a_scan_of_every_term_would() {
        let text = "protection des victimes et hebergement temporaire. تلتزم الدولة بإيواء \
                    الضحايا وتقديم المساعدة القانونية والنفسية";
        let nat = NationalTerms::new(text);
        let all = terms(text);
        let mut fuzzy_only = 0;
        // The same answers as testing each term one by one, asked twice (the memo).
        for term in [
            "victime",
            "victima",
            "hebergements",
            "hebergemnt",
            "protectionnel",
            "temporair",
            "temporel",
            "xyzw",
            "et",
            "ايواء",
            "مساعده",
            "مساعدت",
            "قانونيه",
            "نفسي",
            "دوله",
            "ضحيه",
        ] {
            let g = grams_of(term);
            let exact_or_contained = all.iter().any(|n| {
                n == term
                    || (term.chars().count() >= MIN_CONTAINED && n.contains(term))
                    || (n.chars().count() >= MIN_CONTAINED && term.contains(n.as_str()))
            });
            let fuzzy = all.iter().any(|n| dice(&g, &grams_of(n)) >= FUZZY);
            let expected = exact_or_contained || fuzzy;
            fuzzy_only += usize::from(fuzzy && !exact_or_contained);
            assert_eq!(nat.has(term), expected, "{term}");
            assert_eq!(nat.has(term), expected, "{term}, asked again");
        }
        // The index of trigrams is what answered these.
        assert!(fuzzy_only >= 2, "{fuzzy_only}");
    }

    #[test]
    fn labels_and_excerpts() {
        assert_eq!(element_label(Lang::En, "2", Some("b")), "paragraph 2(b)");
        assert_eq!(element_label(Lang::Ar, "3", None), "الفقرة (3)");
        assert_eq!(element_label(Lang::Fr, "", None), "");
        let long =
            "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze";
        assert!(excerpt(long).ends_with('…'));
        assert_eq!(excerpt("a b"), "a b");
    }
}
