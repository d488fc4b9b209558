//! Stage: compare (alignment). Scores every national article against every model article by
//! text similarity and decides which pairs correspond. Pure and deterministic; it knows
//! nothing of statuses or outputs.
//!
//! Similarity: in each language, documents (model and national articles with text in that
//! language) get two tf-idf vectors, one over normalised word terms and one over character
//! trigrams of those terms (robust to broken words and spelling variants); the cosine of a
//! pair is `WORD_WEIGHT·cos(words) + (1 − WORD_WEIGHT)·cos(trigrams)`. A model article is
//! scored as a whole, paragraph by paragraph and point by point (the items of a list, such
//! as the terms of the definitions article; each prefixed by its title); its score is the
//! larger of the whole's cosine and [`PASSAGE_WEIGHT`] times the best paragraph's or point's,
//! since a national article often enacts one paragraph of a long model article, or a few of
//! its points; likewise each passage
//! of the national article ([`features::passages`]: its paragraphs and numbered items) is
//! scored against the model units, since a long national article often enacts several model
//! provisions. The concepts of the lexicon ([`Lexicon`]) a pair shares add
//! [`CONCEPT_WEIGHT`] times their weighted share of the model article's concepts. The score is taken in
//! the first language both sides have, in the order: the national law's language, English,
//! Arabic, French. Scores go through an inverted index over the model texts, so the cost grows
//! with the shared features rather than with every pair.

use super::concepts::Lexicon;
use super::features::{self, FxMap, Sparse};
use super::{model_units, national_text};
use crate::model::{Lang, LegislationArticle};
use crate::variant::VArticle;
use rayon::prelude::*;
use std::sync::Arc;

/// Weight of the word cosine in the pair score (the trigram cosine has the rest).
pub const WORD_WEIGHT: f32 = 0.4;
/// Weight of the best model paragraph's cosine with the whole national article, against the
/// whole model article's (1: a paragraph counts as much as the whole). Below 1 because a
/// short model paragraph (a penalty clause, say) resembles many short national articles by
/// their common words; measured on the tune split of the real statutes, 0.6 to 0.75 gave the
/// same figures, 1 fewer right pairs and more wrong ones (docs/compare.md).
pub const PASSAGE_WEIGHT: f32 = 0.7;
/// Weight of the best national passage's cosine (a paragraph or numbered item of the national
/// article, [`features::passages`]) against a model unit: a long national article often
/// enacts several model provisions, one per paragraph.
pub const NATIONAL_PASSAGE_WEIGHT: f32 = 1.0;
/// Weight of the concept score (the share of a model article's concepts, [`Lexicon`], that the
/// national article holds) added to the text similarity.
pub const CONCEPT_WEIGHT: f32 = 0.2;
/// In large comparisons (at least [`PRUNE_FROM_DOCS`] documents), features found in more than
/// this share of the documents are left out of the vectors: they tell no article from
/// another, and their long postings lists would dominate the cost.
pub const MAX_DF: f32 = 0.5;
/// See [`MAX_DF`]; smaller comparisons keep every feature.
pub const PRUNE_FROM_DOCS: usize = 200;
/// A pair scoring below this is never matched automatically.
pub const MIN_SCORE: f32 = 0.1;
/// A match must score at least this many times the national article's background (see
/// [`background`]), or stand out for the model article (see [`MODEL_LIFT`]).
pub const LIFT: f32 = 1.4;
/// Besides its best candidate, a national article is matched to the model articles scoring at
/// least this share of its best score (laws often put several model provisions in one
/// article).
pub const RELATIVE: f32 = 0.8;
/// A pair is also matched when the national article is one of the model article's best
/// (at least this share of the model article's best score over all national articles)...
pub const MODEL_RELATIVE: f32 = 0.95;
/// ... stands out from the model article's background (its 3rd to 8th national articles) by
/// this factor...
pub const MODEL_LIFT: f32 = 1.8;
/// ... scores at least this share of the national article's best (a long national article
/// that enacts several provisions, each in one paragraph)...
pub const FLOOR_RELATIVE: f32 = 0.65;
/// ... and is among the national article's this many best candidates.
pub const MODEL_RANK: usize = 3;
/// A model article that no national article matches is only *missing* from a complete text
/// when no national article resembles it: when the national article that scores best with
/// it gives it at least this share of its own best score (and [`MIN_SCORE`]), the provision
/// may be there in other words, and its absence is not verified. Measured on the real
/// statutes (docs/compare.md): of the provisions reported missing from complete official
/// texts, a quarter were enacted after all, nearly all of them with such a candidate.
pub const DOUBT_RELATIVE: f32 = 0.5;
/// How many candidates per national article are kept for the decision.
const TOP_K: usize = 12;

/// Term and trigram vectors of one text.
struct Doc {
    words: Sparse,
    grams: Sparse,
}

/// A model article's vectors: the whole article, then its paragraphs (when it has several),
/// then its points ([`point_features`]).
struct ModelDoc {
    units: Vec<Doc>,
    /// How many of the last units are points.
    points: usize,
}

impl ModelDoc {
    /// What part of the article unit `k` is.
    fn kind(&self, k: usize) -> Unit {
        if k == 0 {
            Unit::Whole
        } else if k >= self.units.len().saturating_sub(self.points) {
            Unit::Point
        } else {
            Unit::Paragraph
        }
    }
}

/// Everything scored in one language.
struct Space {
    lang: Lang,
    /// The idf of each term, by its process-wide id ([`features::WORDS`]).
    word_idf: Vec<f32>,
    /// The idf of a term no document has.
    unseen_idf: f32,
    model: Vec<Option<ModelDoc>>,
    national: Vec<Option<Doc>>,
    /// The passages of each national article that has several ([`features::passages`]).
    national_passages: Vec<Vec<Doc>>,
    /// The terms of each national article, kept for the element checks.
    national_terms: Vec<Option<Vec<String>>>,
    /// The concepts of the lexicon found in each national article (sorted).
    national_concepts: Vec<Vec<u32>>,
    /// Each model article's parts (title first, then paragraphs), kept for the terms the
    /// element checks read.
    model_terms: Vec<Option<Arc<ArticleFeatures>>>,
    /// Which model article each unit belongs to, and what part of it the unit is.
    units: Vec<(u32, Unit)>,
    /// Feature → (unit, weight), for words and trigrams.
    post_words: Postings,
    post_grams: Postings,
}

/// What part of a model article a unit is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Whole,
    Paragraph,
    Point,
}

/// Scores pairs of model and national articles.
pub struct Scorer {
    spaces: Vec<Space>,
    models: usize,
    /// The concepts of the lexicon linked to each model article, with weights summing to 1
    /// (a concept linked to few articles weighs more).
    model_concepts: Vec<Vec<(u32, f32)>>,
}

struct Features {
    words: Vec<String>,
    /// The process-wide ids of `words` with their counts, sorted by id ([`features::WORDS`]).
    ids: Vec<(u32, u32)>,
    /// The trigrams of `words` with their counts, sorted by id ([`features::GRAMS`]).
    grams: Vec<(u32, u32)>,
    /// The features of the text's points, for a model paragraph ([`point_features`]).
    points: Vec<Arc<Features>>,
}

/// A model article's parts (title first, then paragraphs) and the word and trigram counts of
/// its units: the whole article, then each paragraph with the title when it has several
/// ([`units_of`]), then each point with the title ([`point_features`]).
struct ArticleFeatures {
    parts: Vec<Arc<Features>>,
    units: Vec<Counts>,
    /// How many of the last units are points.
    points: usize,
}

/// Word and trigram counts, sorted by id.
type Counts = (Vec<(u32, u32)>, Vec<(u32, u32)>);

/// Values computed once per process, by key; a thread that asks for a key another thread is
/// computing waits for it rather than computing it again (so what fills it must not use
/// rayon: a thread waiting here could otherwise be the one its work needs). Emptied when it
/// holds [`CACHE_MAX`] keys (a long `watch`).
type Cache<K, V> =
    std::sync::LazyLock<std::sync::Mutex<FxMap<K, Arc<std::sync::OnceLock<Arc<V>>>>>>;

const CACHE_MAX: usize = 100_000;

/// The features of the model law's titles, paragraphs and points, by text. Each country's
/// version of the law repeats most of the model's paragraphs word for word, so a regional run
/// (`coverage`, `report`: eleven comparisons) normalises and counts most of them once rather
/// than once per country.
static FEATURE_CACHE: Cache<String, Features> = std::sync::LazyLock::new(Default::default);

/// The model law's articles, by their parts' texts: their units are counted once per process.
static ARTICLE_CACHE: Cache<Vec<String>, ArticleFeatures> =
    std::sync::LazyLock::new(Default::default);

fn cached<K, Q, V>(cache: &Cache<K, V>, key: &Q, make: impl FnOnce() -> V) -> Arc<V>
where
    K: std::borrow::Borrow<Q> + std::hash::Hash + Eq,
    Q: ToOwned<Owned = K> + std::hash::Hash + Eq + ?Sized,
{
    let slot = {
        let mut map = cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match map.get(key) {
            Some(slot) => Arc::clone(slot),
            None => {
                if map.len() >= CACHE_MAX {
                    map.clear();
                }
                let slot = Arc::new(std::sync::OnceLock::new());
                map.insert(key.to_owned(), Arc::clone(&slot));
                slot
            }
        }
    };
    Arc::clone(slot.get_or_init(|| Arc::new(make())))
}

/// The features of a model text, computed once per process ([`FEATURE_CACHE`]); a paragraph
/// written as a lead-in and at least two more lines has those lines as its points.
fn cached_features(text: &str) -> Arc<Features> {
    cached(&FEATURE_CACHE, text, || {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let points = match lines.split_first() {
            Some((_, rest)) if rest.len() > 1 => rest.iter().map(|l| cached_features(l)).collect(),
            _ => Vec::new(),
        };
        Features {
            points,
            ..features_of(text)
        }
    })
}

/// A model article's parts and unit counts, computed once per process ([`ARTICLE_CACHE`]).
fn article_features(parts: &[String]) -> Arc<ArticleFeatures> {
    cached(&ARTICLE_CACHE, parts, || {
        let parts: Vec<Arc<Features>> = parts.iter().map(|p| cached_features(p)).collect();
        let mut units: Vec<Counts> = units_of(&parts)
            .iter()
            .map(|u| counts_of(&u.iter().map(|f| f.as_ref()).collect::<Vec<_>>()))
            .collect();
        let points = point_features(&parts);
        if let Some(title) = parts.first() {
            for p in &points {
                units.push(counts_of(&[title, p]));
            }
        }
        ArticleFeatures {
            units,
            points: points.len(),
            parts,
        }
    })
}

/// The counts of a text made of parts: the parts' counts added up.
fn counts_of(parts: &[&Features]) -> Counts {
    let w: Vec<&[(u32, u32)]> = parts.iter().map(|p| p.ids.as_slice()).collect();
    let g: Vec<&[(u32, u32)]> = parts.iter().map(|p| p.grams.as_slice()).collect();
    (features::merge_all(&w), features::merge_all(&g))
}

fn features_of(text: &str) -> Features {
    features_of_words(features::terms(text))
}

/// The features of a text already cleaned ([`features::clean`]).
fn features_of_clean(text: &str) -> Features {
    features_of_words(features::terms_of_clean(text))
}

fn features_of_words(words: Vec<String>) -> Features {
    let mut grams = Vec::new();
    features::trigrams(&words, &mut grams);
    Features {
        ids: features::tally(&features::WORDS.ids(&words)),
        grams: features::tally(&features::GRAMS.ids(&grams)),
        words,
        points: Vec::new(),
    }
}

/// The points of a model article's paragraphs (the lines after a paragraph's first, when it
/// has at least two), each a unit of its own with the title: a national definitions article
/// defines a few of the model's fourteen terms. They are found with a paragraph's features
/// ([`cached_features`]).
fn point_features(parts: &[Arc<Features>]) -> Vec<Arc<Features>> {
    parts
        .iter()
        .skip(1)
        .flat_map(|p| p.points.iter().cloned())
        .collect()
}

/// The units of a model article as lists of its parts ([`article_features`]): the whole
/// article first, then each paragraph with the title when there are several.
fn units_of<T>(parts: &[T]) -> Vec<Vec<&T>> {
    let Some((title, paras)) = parts.split_first() else {
        return Vec::new();
    };
    let mut units = vec![parts.iter().collect::<Vec<_>>()];
    if paras.len() > 1 {
        for p in paras {
            units.push(vec![title, p]);
        }
    }
    units
}

impl Scorer {
    /// Builds the vectors of every article in every language of `order`.
    pub fn new(
        models: &[&VArticle],
        nationals: &[&LegislationArticle],
        law_lang: Option<Lang>,
        order: &[Lang],
        lexicon: &Lexicon,
    ) -> Scorer {
        let texts: Vec<LangTexts<Vec<String>, String>> = order
            .iter()
            .map(|&lang| {
                let mt = models.iter().map(|a| model_units(a, lang)).collect();
                let nt = nationals
                    .iter()
                    .map(|a| national_text(a, law_lang, lang))
                    .collect();
                (lang, mt, nt)
            })
            .collect();
        let needed = needed_languages(&texts);
        let spaces = texts
            .iter()
            .zip(needed)
            .filter(|(_, needed)| *needed)
            .filter_map(|((lang, mt, nt), _)| Space::new(*lang, mt, nt, lexicon))
            .collect();
        Scorer {
            spaces,
            models: models.len(),
            model_concepts: models
                .iter()
                .map(|a| concept_weights(lexicon, a.id.as_str(), models.len()))
                .collect(),
        }
    }

    /// Builds a scorer from raw texts in one language (for tests and benchmarks): each model
    /// article is its title followed by its paragraphs.
    pub fn from_texts(
        lang: Lang,
        models: &[Option<Vec<String>>],
        nationals: &[Option<String>],
    ) -> Scorer {
        Scorer {
            spaces: Space::new(lang, models, nationals, &Lexicon::default())
                .into_iter()
                .collect(),
            models: models.len(),
            model_concepts: vec![Vec::new(); models.len()],
        }
    }

    /// The score of model article `m` and national article `n`, in the first language both
    /// have; `None` when they share none.
    pub fn pair(&self, m: usize, n: usize) -> Option<f32> {
        self.spaces.iter().find_map(|sp| {
            let a = sp.model.get(m)?.as_ref()?;
            let b = sp.national.get(n)?.as_ref()?;
            let mut e = Evidence {
                concepts: self.concept_score(sp, m, n),
                ..Evidence::default()
            };
            for (k, u) in a.units.iter().enumerate() {
                let s = combine(
                    features::dot(&u.words, &b.words),
                    features::dot(&u.grams, &b.grams),
                );
                let mut part = 0.0f32;
                for q in sp.national_passages.get(n).into_iter().flatten() {
                    part = part.max(combine(
                        features::dot(&u.words, &q.words),
                        features::dot(&u.grams, &q.grams),
                    ));
                }
                match a.kind(k) {
                    Unit::Whole => {
                        e.whole = s;
                        e.part = e.part.max(part);
                    }
                    Unit::Paragraph => {
                        e.passage = e.passage.max(s);
                        e.part = e.part.max(part);
                    }
                    Unit::Point => {
                        e.point = e.point.max(s);
                        e.point_part = e.point_part.max(part);
                    }
                }
            }
            Some(e.score())
        })
    }

    /// The share (by weight) of model article `m`'s concepts that national article `n` holds.
    fn concept_score(&self, sp: &Space, m: usize, n: usize) -> f32 {
        let (Some(mc), Some(nc)) = (self.model_concepts.get(m), sp.national_concepts.get(n)) else {
            return 0.0;
        };
        mc.iter()
            .filter(|(c, _)| nc.binary_search(c).is_ok())
            .map(|(_, w)| w)
            .sum()
    }

    /// The concepts of the lexicon found in national article `n` in `lang` (sorted).
    pub fn national_concepts(&self, lang: Lang, n: usize) -> Option<&[u32]> {
        self.spaces
            .iter()
            .find(|s| s.lang == lang)?
            .national_concepts
            .get(n)
            .map(Vec::as_slice)
    }

    /// The terms of national article `n` in `lang` (as [`features::terms`] gives them).
    pub fn national_terms(&self, lang: Lang, n: usize) -> Option<&[String]> {
        self.spaces
            .iter()
            .find(|s| s.lang == lang)?
            .national_terms
            .get(n)?
            .as_deref()
    }

    /// The terms of paragraph `p` of model article `m` in `lang`.
    pub fn paragraph_terms(&self, lang: Lang, m: usize, p: usize) -> Option<&[String]> {
        self.spaces
            .iter()
            .find(|s| s.lang == lang)?
            .model_terms
            .get(m)?
            .as_ref()?
            .parts
            .get(p + 1)
            .map(|f| f.words.as_slice())
    }

    /// The inverse document frequency of a term in a language (high for unseen terms).
    pub fn idf(&self, lang: Lang, term: &str) -> f32 {
        let Some(sp) = self.spaces.iter().find(|s| s.lang == lang) else {
            return 1.0;
        };
        features::WORDS
            .id(term)
            .and_then(|id| sp.word_idf.get(id as usize).copied())
            .unwrap_or(sp.unseen_idf)
    }

    /// Scores of national article `n` against every model article (0 where nothing is shared).
    pub fn rank(&self, n: usize) -> Vec<f32> {
        self.evidence(n).iter().map(Evidence::score).collect()
    }

    /// The evidence of national article `n` against every model article: the score's parts.
    pub fn evidence(&self, n: usize) -> Vec<Evidence> {
        let mut out = vec![Evidence::default(); self.models];
        let mut done = vec![false; self.models];
        for sp in &self.spaces {
            let Some(Some(doc)) = sp.national.get(n) else {
                continue;
            };
            let mut w = vec![0i64; sp.units.len()];
            let mut g = vec![0i64; sp.units.len()];
            accumulate(&doc.words, &sp.post_words, &mut w);
            accumulate(&doc.grams, &sp.post_grams, &mut g);
            // Per model article: the whole, its best paragraph, its best point; then the
            // same three against the national article's best passage.
            let mut best = vec![[0.0f32; 6]; self.models];
            let slot = |kind: Unit| match kind {
                Unit::Whole => 0,
                Unit::Paragraph => 1,
                Unit::Point => 2,
            };
            for (u, &(m, kind)) in sp.units.iter().enumerate() {
                if let Some(b) = best.get_mut(m as usize) {
                    let x = &mut b[slot(kind)];
                    *x = x.max(combine(features::cosine(w[u]), features::cosine(g[u])));
                }
            }
            // Each passage of the national article against every model unit.
            for q in sp.national_passages.get(n).into_iter().flatten() {
                w.iter_mut().for_each(|x| *x = 0);
                g.iter_mut().for_each(|x| *x = 0);
                accumulate(&q.words, &sp.post_words, &mut w);
                accumulate(&q.grams, &sp.post_grams, &mut g);
                for (u, &(m, kind)) in sp.units.iter().enumerate() {
                    if let Some(b) = best.get_mut(m as usize) {
                        let x = &mut b[3 + slot(kind)];
                        *x = x.max(combine(features::cosine(w[u]), features::cosine(g[u])));
                    }
                }
            }
            for (m, out) in out.iter_mut().enumerate() {
                let has = sp.model.get(m).is_some_and(Option::is_some);
                if has && !done[m] {
                    let b = best[m];
                    *out = Evidence {
                        whole: b[0],
                        passage: b[1],
                        point: b[2],
                        part: b[3].max(b[4]),
                        point_part: b[5],
                        concepts: self.concept_score(sp, m, n),
                    };
                    done[m] = true;
                }
            }
        }
        out
    }
}

/// The parts of a pair's score (see [`Scorer::rank`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Evidence {
    /// Cosine of the whole model article with the whole national article.
    pub whole: f32,
    /// Best cosine of a model paragraph (with its title) with the whole national article.
    pub passage: f32,
    /// Best cosine of a point of a model paragraph (with the title, [`point_features`]) with
    /// the whole national article.
    pub point: f32,
    /// Best cosine of the whole model article or one of its paragraphs with a passage of the
    /// national article.
    pub part: f32,
    /// Best cosine of a model point with a passage of the national article.
    pub point_part: f32,
    /// Weighted share of the model article's concepts found in the national article.
    pub concepts: f32,
}

impl Evidence {
    /// The pair's score.
    pub fn score(&self) -> f32 {
        self.score_of(self.passage.max(self.point), self.part.max(self.point_part))
    }

    /// The score without the model's points: what [`DOUBT_RELATIVE`] compares. A point that
    /// a national article matches closely raises that article's best score, and with it the
    /// bar every other provision must reach to be in doubt; measured on the tune split,
    /// deciding doubt with points made four more provisions "missing" that the statutes enact.
    pub fn score_without_points(&self) -> f32 {
        self.score_of(self.passage, self.part)
    }

    /// The score with these best model-part and national-passage cosines.
    fn score_of(&self, passage: f32, part: f32) -> f32 {
        let text = self
            .whole
            .max(PASSAGE_WEIGHT * passage)
            .max(NATIONAL_PASSAGE_WEIGHT * part);
        text + CONCEPT_WEIGHT * self.concepts
    }
}

/// A language with the texts of the model articles and of the national articles in it
/// (`None` where an article has none).
type LangTexts<M, N> = (Lang, Vec<Option<M>>, Vec<Option<N>>);

/// Which languages of `texts` (in order of preference) any pair is scored in: a pair is
/// scored in the first language both articles have, so a language that comes after one every
/// pair shares is never used, and building its vectors (a third of a packet's comparison)
/// would be wasted. The scores are the same either way: each language's vectors and idf are
/// its own.
fn needed_languages<M, N>(texts: &[LangTexts<M, N>]) -> Vec<bool> {
    let models = texts.first().map_or(0, |(_, m, _)| m.len());
    let nationals = texts.first().map_or(0, |(_, _, n)| n.len());
    let mut needed = vec![false; texts.len()];
    for m in 0..models {
        for n in 0..nationals {
            let first = texts.iter().position(|(_, mt, nt)| {
                mt.get(m).is_some_and(Option::is_some) && nt.get(n).is_some_and(Option::is_some)
            });
            if let Some(slot) = first.and_then(|i| needed.get_mut(i)) {
                *slot = true;
            }
        }
    }
    needed
}

fn combine(words: f32, grams: f32) -> f32 {
    WORD_WEIGHT * words + (1.0 - WORD_WEIGHT) * grams
}

fn accumulate(v: &Sparse, postings: &Postings, acc: &mut [i64]) {
    for &(f, w) in v {
        if let Some(list) = postings.list(f) {
            for &(u, wu) in list {
                if let Some(a) = acc.get_mut(u as usize) {
                    *a += i64::from(w) * i64::from(wu);
                }
            }
        }
    }
}

impl Space {
    fn new(
        lang: Lang,
        models: &[Option<Vec<String>>],
        nationals: &[Option<String>],
        lexicon: &Lexicon,
    ) -> Option<Space> {
        if models.iter().all(Option::is_none) || nationals.iter().all(Option::is_none) {
            return None;
        }
        let articles: Vec<Option<Arc<ArticleFeatures>>> = models
            .par_iter()
            .map(|t| t.as_deref().map(article_features))
            .collect();
        // Each national text is normalised once: an article with several passages is
        // counted passage by passage, and its whole from its passages' counts.
        let (nf, np): (Vec<Option<Features>>, Vec<Vec<Features>>) = nationals
            .par_iter()
            .map(|t| match t.as_deref() {
                None => (None, Vec::new()),
                Some(t) => {
                    let cleaned = features::clean(t);
                    let ps = features::passages(&cleaned);
                    if ps.len() > 1 {
                        (None, ps.iter().map(|p| features_of_clean(p)).collect())
                    } else {
                        (Some(features_of_clean(&cleaned)), Vec::new())
                    }
                }
            })
            .unzip();
        // Each national article's counts (whole, and passages when it has several) and its
        // terms for the element checks, taken apart from its features without copying.
        let mut nc: Vec<Option<Counts>> = Vec::with_capacity(nf.len());
        let mut pc: Vec<Vec<Counts>> = Vec::with_capacity(nf.len());
        let mut national_terms: Vec<Option<Vec<String>>> = Vec::with_capacity(nf.len());
        for (f, ps) in nf.into_iter().zip(np) {
            match f {
                Some(f) => {
                    nc.push(Some((f.ids, f.grams)));
                    pc.push(Vec::new());
                    national_terms.push(Some(f.words));
                }
                None if ps.is_empty() => {
                    nc.push(None);
                    pc.push(Vec::new());
                    national_terms.push(None);
                }
                None => {
                    nc.push(Some(counts_of(&ps.iter().collect::<Vec<_>>())));
                    let mut words = Vec::new();
                    let mut parts = Vec::with_capacity(ps.len());
                    for p in ps {
                        words.extend(p.words);
                        parts.push((p.ids, p.grams));
                    }
                    pc.push(parts);
                    national_terms.push(Some(words));
                }
            }
        }
        let national_concepts: Vec<Vec<u32>> = national_terms
            .par_iter()
            .map(|t| {
                t.as_deref()
                    .map(|t| lexicon.find(lang, t))
                    .unwrap_or_default()
            })
            .collect();
        // Document frequencies over the whole model articles and the whole national articles
        // (paragraphs, points and passages are parts of these), by process-wide id: every id
        // these texts have was given before this count.
        let mut word_df = vec![0u32; features::WORDS.len()];
        let mut gram_df = vec![0u32; features::GRAMS.len()];
        let wholes = articles
            .iter()
            .flatten()
            .filter_map(|a| a.units.first())
            .chain(nc.iter().flatten());
        for (w, g) in wholes {
            for (df, counts) in [(&mut word_df, w), (&mut gram_df, g)] {
                for (id, _) in counts {
                    if let Some(d) = df.get_mut(*id as usize) {
                        *d += 1;
                    }
                }
            }
        }
        let docs = articles.iter().flatten().count() + nc.iter().flatten().count();
        let word_idf: Vec<f32> = word_df.iter().map(|&d| features::idf(docs, d)).collect();
        let gram_idf: Vec<f32> = gram_df.iter().map(|&d| features::idf(docs, d)).collect();
        let min_idf = if docs >= PRUNE_FROM_DOCS {
            features::idf_at(docs, MAX_DF)
        } else {
            0.0
        };
        let weigh = |(w, g): &Counts| Doc {
            words: features::weigh(w, &word_idf, min_idf),
            grams: features::weigh(g, &gram_idf, min_idf),
        };
        let model: Vec<Option<ModelDoc>> = articles
            .iter()
            .map(|a| {
                a.as_ref().map(|a| ModelDoc {
                    units: a.units.iter().map(weigh).collect(),
                    points: a.points,
                })
            })
            .collect();
        let national: Vec<Option<Doc>> = nc.iter().map(|c| c.as_ref().map(weigh)).collect();
        let national_passages: Vec<Vec<Doc>> =
            pc.iter().map(|ps| ps.iter().map(weigh).collect()).collect();
        let mut units = Vec::new();
        for (m, d) in model.iter().enumerate() {
            let Some(d) = d else { continue };
            for k in 0..d.units.len() {
                units.push((u32::try_from(m).unwrap_or(u32::MAX), d.kind(k)));
            }
        }
        let unit_docs = || model.iter().flatten().flat_map(|d| &d.units);
        let post_words = Postings::new(word_df.len(), unit_docs().map(|d| &d.words));
        let post_grams = Postings::new(gram_df.len(), unit_docs().map(|d| &d.grams));
        Some(Space {
            national_terms,
            national_concepts,
            model_terms: articles,
            lang,
            word_idf,
            unseen_idf: features::idf(docs, 0),
            model,
            national,
            national_passages,
            units,
            post_words,
            post_grams,
        })
    }
}

/// Feature → (unit, weight) for every unit that has the feature, units in order: one list per
/// feature, all in one buffer.
struct Postings {
    /// Where each feature's list starts in `entries` (one more than there are features).
    starts: Vec<u32>,
    entries: Vec<(u32, i32)>,
}

impl Postings {
    /// The postings of `features` features over the units' vectors, unit `u` being the u-th.
    fn new<'a>(features: usize, units: impl Iterator<Item = &'a Sparse> + Clone) -> Postings {
        let mut starts = vec![0u32; features + 1];
        for v in units.clone() {
            for &(f, _) in v {
                if let Some(n) = starts.get_mut(f as usize + 1) {
                    *n += 1;
                }
            }
        }
        let mut sum = 0;
        for n in &mut starts {
            sum += *n;
            *n = sum;
        }
        let mut next = starts.clone();
        let mut entries = vec![(0u32, 0i32); starts.last().map_or(0, |&n| n as usize)];
        for (u, v) in units.enumerate() {
            let u = u32::try_from(u).unwrap_or(u32::MAX);
            for &(f, w) in v {
                if let Some(at) = next.get_mut(f as usize) {
                    if let Some(e) = entries.get_mut(*at as usize) {
                        *e = (u, w);
                    }
                    *at += 1;
                }
            }
        }
        Postings { starts, entries }
    }

    /// The (unit, weight) list of feature `f`.
    fn list(&self, f: u32) -> Option<&[(u32, i32)]> {
        let f = f as usize;
        let (&a, &b) = (self.starts.get(f)?, self.starts.get(f + 1)?);
        self.entries.get(a as usize..b as usize)
    }
}

/// The best candidates of one national article: (model article, score), best first.
fn top(scores: &[f32]) -> Vec<(usize, f32)> {
    let mut v: Vec<(usize, f32)> = scores
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, s)| *s > 0.0)
        .collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(TOP_K);
    v
}

/// The typical score of an unrelated model article for a national article: the mean of its
/// candidates ranked third to eighth (every article shares some vocabulary with every other).
fn background(cands: &[(usize, f32)]) -> f32 {
    let rest: Vec<f32> = cands.iter().skip(2).take(6).map(|c| c.1).collect();
    if rest.is_empty() {
        0.0
    } else {
        rest.iter().sum::<f32>() / rest.len() as f32
    }
}

/// The weights of the concepts linked to a model article: `ln(1 + articles / spread)` for each
/// (a concept linked to few articles tells more), normalised to sum to 1.
fn concept_weights(lexicon: &Lexicon, clause: &str, articles: usize) -> Vec<(u32, f32)> {
    let mut ids: Vec<u32> = lexicon.linked(clause).into_iter().map(|(c, _)| c).collect();
    ids.sort_unstable();
    ids.dedup();
    let raw: Vec<(u32, f32)> = ids
        .into_iter()
        .map(|c| {
            let spread = lexicon.spread(c).max(1) as f32;
            (c, (1.0 + articles.max(1) as f32 / spread).ln())
        })
        .collect();
    let total: f32 = raw.iter().map(|(_, w)| w).sum();
    if total <= 0.0 {
        return Vec::new();
    }
    raw.into_iter().map(|(c, w)| (c, w / total)).collect()
}

/// How many of a model article's best national articles are kept for its statistics.
const MODEL_TOP: usize = 8;

/// Decides the automatic matches of the `eligible` national articles, each pair on its own
/// evidence: a pair is matched when it stands out among the national article's candidates
/// ([`LIFT`], [`RELATIVE`]) or among the model article's ([`MODEL_RELATIVE`], [`MODEL_LIFT`],
/// [`FLOOR_RELATIVE`], [`MODEL_RANK`]). No rule denies a pair because another pair scores higher, and there is
/// no cap per article: a national article may enact many provisions and a provision may be
/// enacted by many articles. Only pairs (model article, national article) that `allowed`
/// accepts are considered at all (the model's annex is matched with national regulations
/// only). Returns the matches and, for each model article, the national article that
/// resembles it if one does ([`Decided`]).
pub fn decide(
    scorer: &Scorer,
    eligible: &[usize],
    allowed: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Decided {
    type Ranks = Vec<(usize, Vec<f32>)>;
    let (ranks, plain): (Ranks, Ranks) = eligible
        .par_iter()
        .map(|&n| {
            let mut e = scorer.evidence(n);
            for (m, x) in e.iter_mut().enumerate() {
                if !allowed(m, n) {
                    *x = Evidence::default();
                }
            }
            (
                (n, e.iter().map(Evidence::score).collect()),
                (n, e.iter().map(Evidence::score_without_points).collect()),
            )
        })
        .unzip();
    let resembling = resembling(scorer.models, &plain);
    // Each model article's best national articles (scores, best first).
    let mut by_model: Vec<Vec<f32>> = vec![Vec::new(); scorer.models];
    for (_, r) in &ranks {
        for (m, &s) in r.iter().enumerate() {
            if s <= 0.0 {
                continue;
            }
            if let Some(v) = by_model.get_mut(m) {
                let at = v.partition_point(|&x| x >= s);
                if at < MODEL_TOP {
                    v.insert(at, s);
                    v.truncate(MODEL_TOP);
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut leads = Vec::with_capacity(ranks.len());
    for (n, r) in &ranks {
        let cands = top(r);
        let Some(&(_, best)) = cands.first() else {
            continue;
        };
        leads.push((
            *n,
            cands
                .iter()
                .take(LEADS)
                .filter(|c| c.1 >= MIN_SCORE)
                .copied()
                .collect(),
        ));
        let bg_n = background(&cands);
        for (i, &(m, s)) in cands.iter().enumerate() {
            if s < MIN_SCORE {
                continue;
            }
            let col = by_model.get(m).map_or(&[][..], Vec::as_slice);
            let best_m = col.first().copied().unwrap_or(0.0);
            let bg_m = if col.len() > 2 {
                col.iter().skip(2).sum::<f32>() / (col.len() - 2) as f32
            } else {
                0.0
            };
            // Among the national article's candidates: its best, or close to it, and above
            // its background.
            let for_national = s >= LIFT * bg_n && (i == 0 || s >= RELATIVE * best);
            // Among the model article's candidates: one of its best national articles, above
            // its background, and not far below the national article's best.
            let for_model = i < MODEL_RANK
                && s >= MODEL_RELATIVE * best_m
                && s >= MODEL_LIFT * bg_m
                && s >= FLOOR_RELATIVE * best;
            if for_national || for_model {
                out.push((m, *n, s));
            }
        }
    }
    out.sort_by_key(|&(m, n, _)| (m, n));
    Decided {
        pairs: out,
        resembling,
        leads,
    }
}

/// How many of a national article's best candidates an analyst is shown ([`Decided::leads`]).
/// On the real statutes, the right provision is an article's best, second or third candidate
/// for 113 of the 180 gold pairs of the tune split, and fourth or lower for 67
/// (docs/compare.md).
pub const LEADS: usize = 3;

/// What [`decide`] found.
pub struct Decided {
    /// The automatic matches: (model article, national article, score), sorted.
    pub pairs: Vec<(usize, usize, f32)>,
    /// For each eligible national article that has candidates, its best [`LEADS`] (model
    /// article, score), best first, scoring at least [`MIN_SCORE`], matched or not: where an
    /// analyst confirming its `model:` line should look.
    pub leads: Vec<(usize, Vec<(usize, f32)>)>,
    /// For each model article, the national articles that resemble it ([`DOUBT_RELATIVE`]),
    /// at most [`LEADS`], best first: where it is most likely enacted if at all. While one
    /// does, its absence cannot be called certain.
    pub resembling: Vec<Vec<usize>>,
}

/// For each model article, the eligible national articles that resemble it, best first and at
/// most [`LEADS`]: its best-scoring national articles, as long as each gives it at least
/// [`MIN_SCORE`] and [`DOUBT_RELATIVE`] times its own best score. The list stops at the first
/// that does not: when the article scoring best with a provision prefers others by far, the
/// provision resembles nothing (and in a complete official text, it is missing).
fn resembling(models: usize, ranks: &[(usize, Vec<f32>)]) -> Vec<Vec<usize>> {
    // Each model article's LEADS best-scoring national articles (ties: the earlier first),
    // with their own best scores: the list is a prefix of these.
    let mut best: Vec<Vec<(usize, f32, f32)>> = vec![Vec::new(); models];
    for (n, r) in ranks {
        let top = r.iter().copied().fold(0.0, f32::max);
        for (m, &s) in r.iter().enumerate() {
            if s > 0.0
                && let Some(v) = best.get_mut(m)
            {
                let at = v.partition_point(|x| x.1 > s || (x.1 == s && x.0 < *n));
                if at < LEADS {
                    v.insert(at, (*n, s, top));
                    v.truncate(LEADS);
                }
            }
        }
    }
    best.into_iter()
        .map(|v| {
            v.into_iter()
                .take_while(|&(_, s, top)| s >= MIN_SCORE && s >= DOUBT_RELATIVE * top)
                .map(|(n, _, _)| n)
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_languages_some_pair_is_scored_in_are_built() {
        let some = Some(());
        // Every pair shares Arabic: English and French are never used.
        let texts = vec![
            (Lang::Ar, vec![some, some], vec![some, some]),
            (Lang::En, vec![some, some], vec![some, some]),
            (Lang::Fr, vec![some, None], vec![some, some]),
        ];
        assert_eq!(needed_languages(&texts), vec![true, false, false]);
        // A national article without Arabic is scored in English.
        let texts = vec![
            (Lang::Ar, vec![some, some], vec![some, None]),
            (Lang::En, vec![some, some], vec![None, some]),
            (Lang::Fr, vec![some, some], vec![some, some]),
        ];
        assert_eq!(needed_languages(&texts), vec![true, true, false]);
        // A model article without Arabic or English falls through to French.
        let texts = vec![
            (Lang::Ar, vec![some, None], vec![some]),
            (Lang::En, vec![None, None], vec![some]),
            (Lang::Fr, vec![some, some], vec![some]),
        ];
        assert_eq!(needed_languages(&texts), vec![true, false, true]);
        let none: Vec<LangTexts<(), ()>> = Vec::new();
        assert!(needed_languages(&none).is_empty());
    }

    fn s(t: &str) -> Option<String> {
        Some(t.to_string())
    }

    fn m(t: &str) -> Option<Vec<String>> {
        Some(vec![String::new(), t.to_string()])
    }

    #[test]
    fn similar_texts_score_higher_and_noise_does_not_hurt() {
        let models = [
            m("لا تُقام الدعوى الجزائية على ضحية الاتجار بالبشر بسبب فعل أُكرهت على ارتكابه"),
            m("تُنشأ دور إيواء لضحايا الاتجار تقدم السكن الآمن والرعاية الصحية والنفسية"),
            m("تختص المحاكم الوطنية بالنظر في الجرائم المرتكبة على إقليم الدولة"),
        ];
        let nationals = [
            s("لا تلاحق ضحية االتجار جزائيا عن فعل\n١٢\nأكرهت على ارتكابه"),
            s("تنشئ الوزارة دارا لإيواء الضحايا وتقدم لهم الرعاية الصحية والنفسية"),
        ];
        let sc = Scorer::from_texts(Lang::Ar, &models, &nationals);
        let r0 = sc.rank(0);
        let r1 = sc.rank(1);
        assert!(r0[0] > r0[1], "{r0:?}");
        assert!(r1[1] > r1[0], "{r1:?}");
        assert_eq!(sc.pair(0, 0), Some(r0[0]));
        let d = decide(&sc, &[0, 1], &|_, _| true).pairs;
        assert_eq!(
            d.iter().map(|(m, n, _)| (*m, *n)).collect::<Vec<_>>(),
            vec![(0, 0), (1, 1)]
        );
    }

    #[test]
    fn a_paragraph_can_carry_the_match() {
        let models = [Some(vec![
            "Shelter.".to_string(),
            "Victims have a right to shelter.".to_string(),
            "Shelters keep records. Staff are trained. Inspections happen yearly.".to_string(),
        ])];
        let sc = Scorer::from_texts(
            Lang::En,
            &models,
            &[s("Every victim has a right to shelter.")],
        );
        let whole_only = Scorer::from_texts(
            Lang::En,
            &[m(
                "Shelter. Victims have a right to shelter. Shelters keep records. Staff are trained. Inspections happen yearly.",
            )],
            &[s("Every victim has a right to shelter.")],
        );
        assert!(sc.rank(0)[0] > whole_only.rank(0)[0]);
    }

    #[test]
    fn a_point_of_a_list_can_carry_the_match_but_not_the_doubt() {
        // One paragraph: a lead-in and five definitions, one per line.
        let list = "In this Law the following words have these meanings:
child: any person under eighteen years of age;
victim: any natural person harmed by trafficking;
organised criminal group: three or more persons acting together over time;
public official: any person who holds a public office;
domestic worker: any person who performs domestic work in a household.";
        let models = [Some(vec!["Definitions.".to_string(), list.to_string()])];
        let national = [s("Child means any person under eighteen years of age.")];
        let sc = Scorer::from_texts(Lang::En, &models, &national);
        let e = sc.evidence(0)[0];
        assert!(e.point > 2.0 * e.whole, "{e:?}");
        assert!(e.score() > e.score_without_points());
        assert_eq!(sc.rank(0)[0], e.score());
        assert_eq!(sc.pair(0, 0), Some(e.score()));
        // Two lines are a paragraph, not a list: no points.
        let two = [Some(vec![
            "Definitions.".to_string(),
            "In this Law:\nchild: any person under eighteen years of age;".to_string(),
        ])];
        let sc = Scorer::from_texts(Lang::En, &two, &national);
        assert_eq!(sc.evidence(0)[0].point, 0.0);
    }

    #[test]
    fn a_provision_is_resembled_by_its_best_articles_while_they_give_it_half_their_best() {
        // National article 0 prefers model 0 (0.6); model 1 scores 0.35 with it, more than
        // half of 0.6. National article 1 scores model 2 at 0.3, a third of its best (0.9):
        // nothing resembles model 2. Model 3 scores below MIN_SCORE everywhere.
        let ranks = vec![
            (0, vec![0.6, 0.35, 0.05, 0.05]),
            (1, vec![0.9, 0.1, 0.3, 0.0]),
        ];
        assert_eq!(
            resembling(4, &ranks),
            vec![vec![1, 0], vec![0], vec![], vec![]]
        );
        // The best-scoring national article decides whether anything does: article 0 scores
        // model 0 highest (0.4), less than half of its own best (0.9), so model 0 resembles
        // nothing, though article 1 gives it two thirds of its best.
        let ranks = vec![(0, vec![0.4, 0.9]), (1, vec![0.2, 0.3])];
        assert_eq!(resembling(2, &ranks), vec![vec![], vec![0, 1]]);
        let ranks = vec![(0, vec![0.2, 0.9]), (1, vec![0.3, 0.2])];
        assert_eq!(resembling(2, &ranks), vec![vec![1], vec![0, 1]]);
        // At most LEADS, best first, and the list stops at the first that does not resemble.
        let ranks: Vec<(usize, Vec<f32>)> =
            (0..5).map(|n| (n, vec![0.2 + n as f32 * 0.1])).collect();
        assert_eq!(resembling(1, &ranks), vec![vec![4, 3, 2]]);
        let ranks = vec![
            (0, vec![0.5, 0.1]),
            (1, vec![0.4, 0.9]),
            (2, vec![0.3, 0.0]),
        ];
        assert_eq!(resembling(2, &ranks)[0], vec![0]);
    }

    #[test]
    fn no_shared_language_gives_no_score() {
        let sc = Scorer::from_texts(Lang::Fr, &[m("traite des personnes")], &[None]);
        assert_eq!(sc.pair(0, 0), None);
        assert_eq!(sc.rank(0), vec![0.0]);
        let d = decide(&sc, &[0], &|_, _| true);
        assert!(d.pairs.is_empty() && d.resembling.iter().all(Vec::is_empty));
    }
}
