//! Stage: compare (alignment). Scores every national article against every model article by
//! text similarity and decides which pairs correspond. Pure and deterministic; it knows
//! nothing of statuses or outputs.
//!
//! Similarity: in each language, documents (model and national articles with text in that
//! language) get two tf-idf vectors, one over normalised word terms and one over character
//! trigrams of those terms (robust to broken words and spelling variants). The score of a pair
//! is `WORD_WEIGHT·cos(words) + (1 − WORD_WEIGHT)·cos(trigrams)`, taken in the first language
//! both sides have, in the order: the national law's language, English, Arabic, French.
//! Scores are computed through an inverted index over the model articles, so the cost grows
//! with the number of shared features rather than with every pair.

use super::features::{self, Sparse, Vocab};
use super::{model_text, national_text};
use crate::model::{Lang, LegislationArticle};
use crate::variant::VArticle;
use rayon::prelude::*;

/// Weight of the word cosine in the pair score (the trigram cosine has the rest).
pub const WORD_WEIGHT: f32 = 0.5;
/// A pair scoring below this is never matched automatically.
pub const MIN_SCORE: f32 = 0.2;
/// A national article is matched to every model article scoring at least this share of its
/// best score (laws often put several model provisions in one article).
pub const RELATIVE: f32 = 0.7;
/// At most this many automatic matches per national article.
pub const MAX_PER_ARTICLE: usize = 4;
/// How many candidates per national article are kept for the decision.
const TOP_K: usize = 10;

/// Term and trigram vectors of one document.
struct Doc {
    words: Sparse,
    grams: Sparse,
}

/// Everything scored in one language.
struct Space {
    lang: Lang,
    words: Vocab<String>,
    word_idf: Vec<f32>,
    model: Vec<Option<Doc>>,
    national: Vec<Option<Doc>>,
    /// Feature → (model article, weight), for words and trigrams.
    post_words: Vec<Vec<(u32, f32)>>,
    post_grams: Vec<Vec<(u32, f32)>>,
}

/// Scores pairs of model and national articles.
pub struct Scorer {
    spaces: Vec<Space>,
    models: usize,
}

struct Features {
    words: Vec<String>,
    grams: Vec<u64>,
}

fn features_of(text: &str) -> Features {
    let words = features::terms(text);
    let mut grams = Vec::new();
    features::trigrams(&words, &mut grams);
    Features { words, grams }
}

impl Scorer {
    /// Builds the vectors of every article in every language of `order`.
    pub fn new(
        models: &[&VArticle],
        nationals: &[&LegislationArticle],
        law_lang: Option<Lang>,
        order: &[Lang],
    ) -> Scorer {
        let spaces = order
            .iter()
            .filter_map(|&lang| {
                let mt: Vec<Option<String>> = models.iter().map(|a| model_text(a, lang)).collect();
                let nt: Vec<Option<String>> = nationals
                    .iter()
                    .map(|a| national_text(a, law_lang, lang))
                    .collect();
                Space::new(lang, &mt, &nt)
            })
            .collect();
        Scorer {
            spaces,
            models: models.len(),
        }
    }

    /// Builds a scorer from raw texts in one language (for tests and benchmarks).
    pub fn from_texts(lang: Lang, models: &[Option<String>], nationals: &[Option<String>]) -> Scorer {
        Scorer {
            spaces: Space::new(lang, models, nationals).into_iter().collect(),
            models: models.len(),
        }
    }

    /// The score of model article `m` and national article `n`, in the first language both
    /// have; `None` when they share none.
    pub fn pair(&self, m: usize, n: usize) -> Option<f32> {
        self.pair_lang(m, n).map(|(s, _)| s)
    }

    /// The score and the language it was computed in.
    pub fn pair_lang(&self, m: usize, n: usize) -> Option<(f32, Lang)> {
        self.spaces.iter().find_map(|sp| {
            let a = sp.model.get(m)?.as_ref()?;
            let b = sp.national.get(n)?.as_ref()?;
            Some((combine(features::dot(&a.words, &b.words), features::dot(&a.grams, &b.grams)), sp.lang))
        })
    }

    /// The inverse document frequency of a term in a language (high for unseen terms).
    pub fn idf(&self, lang: Lang, term: &str) -> f32 {
        let Some(sp) = self.spaces.iter().find(|s| s.lang == lang) else {
            return 1.0;
        };
        sp.words
            .id(&term.to_string())
            .and_then(|id| sp.word_idf.get(id as usize).copied())
            .unwrap_or_else(|| sp.word_idf.iter().copied().fold(1.0, f32::max))
    }

    /// Scores of national article `n` against every model article (0 where nothing is shared).
    pub fn rank(&self, n: usize) -> Vec<f32> {
        let mut out = vec![0.0f32; self.models];
        let mut done = vec![false; self.models];
        for sp in &self.spaces {
            let Some(Some(doc)) = sp.national.get(n) else {
                continue;
            };
            let mut w = vec![0.0f32; self.models];
            let mut g = vec![0.0f32; self.models];
            accumulate(&doc.words, &sp.post_words, &mut w);
            accumulate(&doc.grams, &sp.post_grams, &mut g);
            for (m, slot) in out.iter_mut().enumerate() {
                let has = sp.model.get(m).is_some_and(Option::is_some);
                if has && !done[m] {
                    *slot = combine(w[m], g[m]);
                    done[m] = true;
                }
            }
        }
        out
    }
}

fn combine(words: f32, grams: f32) -> f32 {
    WORD_WEIGHT * words + (1.0 - WORD_WEIGHT) * grams
}

fn accumulate(v: &Sparse, postings: &[Vec<(u32, f32)>], acc: &mut [f32]) {
    for &(f, w) in v {
        if let Some(list) = postings.get(f as usize) {
            for &(m, wm) in list {
                if let Some(a) = acc.get_mut(m as usize) {
                    *a += w * wm;
                }
            }
        }
    }
}

impl Space {
    fn new(lang: Lang, models: &[Option<String>], nationals: &[Option<String>]) -> Option<Space> {
        if models.iter().all(Option::is_none) || nationals.iter().all(Option::is_none) {
            return None;
        }
        let feats = |texts: &[Option<String>]| -> Vec<Option<Features>> {
            texts
                .par_iter()
                .map(|t| t.as_deref().map(features_of))
                .collect()
        };
        let mf = feats(models);
        let nf = feats(nationals);
        let mut words: Vocab<String> = Vocab::default();
        let mut grams: Vocab<u64> = Vocab::default();
        let mut count = |f: &Option<Features>| {
            f.as_ref()
                .map(|f| (words.counts(&f.words), grams.counts(&f.grams)))
        };
        let mc: Vec<_> = mf.iter().map(&mut count).collect();
        let nc: Vec<_> = nf.iter().map(&mut count).collect();
        let docs = mc.iter().chain(nc.iter()).filter(|c| c.is_some()).count();
        let word_idf = words.idf(docs);
        let gram_idf = grams.idf(docs);
        let weigh = |c: &Option<(Vec<(u32, u32)>, Vec<(u32, u32)>)>| {
            c.as_ref().map(|(w, g)| Doc {
                words: features::weigh(w, &word_idf),
                grams: features::weigh(g, &gram_idf),
            })
        };
        let model: Vec<Option<Doc>> = mc.iter().map(weigh).collect();
        let national: Vec<Option<Doc>> = nc.iter().map(weigh).collect();
        let mut post_words = vec![Vec::new(); words.len()];
        let mut post_grams = vec![Vec::new(); grams.len()];
        for (m, d) in model.iter().enumerate() {
            let Some(d) = d else { continue };
            let m = u32::try_from(m).unwrap_or(u32::MAX);
            for &(f, w) in &d.words {
                if let Some(p) = post_words.get_mut(f as usize) {
                    p.push((m, w));
                }
            }
            for &(f, w) in &d.grams {
                if let Some(p) = post_grams.get_mut(f as usize) {
                    p.push((m, w));
                }
            }
        }
        Some(Space {
            lang,
            words,
            word_idf,
            model,
            national,
            post_words,
            post_grams,
        })
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

/// Decides the automatic matches of the `eligible` national articles: each is matched to
/// the model articles scoring at least [`MIN_SCORE`] and at least [`RELATIVE`] times its best
/// score, at most [`MAX_PER_ARTICLE`]. Returns (model article, national article, score),
/// sorted.
pub fn decide(scorer: &Scorer, eligible: &[usize]) -> Vec<(usize, usize, f32)> {
    let candidates: Vec<(usize, Vec<(usize, f32)>)> = eligible
        .par_iter()
        .map(|&n| (n, top(&scorer.rank(n))))
        .collect();
    let mut out = Vec::new();
    for (n, cands) in &candidates {
        let Some(&(_, best)) = cands.first() else {
            continue;
        };
        for &(m, s) in cands.iter().take(MAX_PER_ARTICLE) {
            if s >= MIN_SCORE && s >= RELATIVE * best {
                out.push((m, *n, s));
            }
        }
    }
    out.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> Option<String> {
        Some(t.to_string())
    }

    #[test]
    fn similar_texts_score_higher_and_noise_does_not_hurt() {
        let models = [
            s("لا تُقام الدعوى الجزائية على ضحية الاتجار بالبشر بسبب فعل أُكرهت على ارتكابه"),
            s("تُنشأ دور إيواء لضحايا الاتجار تقدم السكن الآمن والرعاية الصحية والنفسية"),
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
        let d = decide(&sc, &[0, 1]);
        assert_eq!(
            d.iter().map(|(m, n, _)| (*m, *n)).collect::<Vec<_>>(),
            vec![(0, 0), (1, 1)]
        );
    }

    #[test]
    fn no_shared_language_gives_no_score() {
        let sc = Scorer::from_texts(Lang::Fr, &[s("traite des personnes")], &[None]);
        assert_eq!(sc.pair(0, 0), None);
        assert_eq!(sc.rank(0), vec![0.0]);
        assert!(decide(&sc, &[0]).is_empty());
    }
}
