//! Stage: compare (elements). What a matched national text lacks of a model provision: the
//! provision's paragraphs and points (its structure) whose key terms the national text does
//! not contain, and the curated elements of [`super::checklists`]. Pure; it neither scores
//! alignment nor renders.

use super::align::Scorer;
use super::checklists;
use super::features::{self, terms};
use super::{matching_text, national_text};
use crate::model::{Lang, LegislationArticle};
use crate::text::normalize::normalize_for_matching;
use crate::variant::{RParagraph, RPoint, VArticle, plain};
use std::collections::BTreeSet;

/// An element counts as present when the national text holds terms carrying at least this
/// share of the element's idf-weighted terms.
pub const PRESENT: f32 = 0.45;
/// Two terms are taken as the same word when their trigram sets overlap this much (Dice).
const FUZZY: f32 = 0.6;
/// Words quoted from a missing element.
const EXCERPT_WORDS: usize = 14;

/// The terms of the matched national text, for presence tests.
struct NationalTerms {
    set: BTreeSet<String>,
    grams: Vec<(String, BTreeSet<u64>)>,
    /// The whole text normalised, padded with spaces, for checklist stems.
    normalized: String,
}

impl NationalTerms {
    fn new(text: &str) -> NationalTerms {
        let set: BTreeSet<String> = terms(text).into_iter().collect();
        let grams = set.iter().map(|t| (t.clone(), grams_of(t))).collect();
        NationalTerms {
            set,
            grams,
            normalized: format!(" {} ", normalize_for_matching(&features::clean(text))),
        }
    }

    fn has(&self, term: &str) -> bool {
        if self.set.contains(term) {
            return true;
        }
        let g = grams_of(term);
        self.grams.iter().any(|(_, h)| dice(&g, h) >= FUZZY)
    }
}

fn grams_of(t: &str) -> BTreeSet<u64> {
    let mut v = Vec::new();
    features::trigrams(&[t.to_string()], &mut v);
    v.into_iter().collect()
}

fn dice(a: &BTreeSet<u64>, b: &BTreeSet<u64>) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count();
    2.0 * common as f32 / (a.len() + b.len()) as f32
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
            out.push((Path { para: pi, point: None }, matching_text(&p.pieces)));
        } else {
            for (k, pt) in p.points.iter().enumerate() {
                let mut s = String::new();
                point_text(pt, &mut s);
                out.push((Path { para: pi, point: Some(k) }, s));
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

/// Whether the national text holds enough of an element's terms.
fn present(element: &str, nat: &NationalTerms, scorer: &Scorer, lang: Lang) -> bool {
    let ts: BTreeSet<String> = terms(element).into_iter().collect();
    let (mut total, mut found) = (0.0f32, 0.0f32);
    for t in &ts {
        let w = scorer.idf(lang, t);
        total += w;
        if nat.has(t) {
            found += w;
        }
    }
    total == 0.0 || found / total >= PRESENT
}

/// The language to check an article in: the first of `order` that the article and at least
/// one matched national article share.
fn check_lang(
    a: &VArticle,
    matched: &[&LegislationArticle],
    law_lang: Option<Lang>,
    order: &[Lang],
) -> Option<Lang> {
    order.iter().copied().find(|&l| {
        a.text.contains_key(&l)
            && matched
                .iter()
                .any(|n| national_text(n, law_lang, l).is_some())
    })
}

/// What the matched national articles lack of model article `a`, described in `display`.
/// Empty when nothing is missing, or when no language is shared (nothing can be checked).
pub fn missing(
    a: &VArticle,
    matched: &[&LegislationArticle],
    scorer: &Scorer,
    law_lang: Option<Lang>,
    order: &[Lang],
    display: Lang,
) -> Vec<String> {
    let Some(lang) = check_lang(a, matched, law_lang, order) else {
        return Vec::new();
    };
    let text: Vec<String> = matched
        .iter()
        .filter_map(|n| national_text(n, law_lang, lang))
        .collect();
    let nat = NationalTerms::new(&text.join("\n"));
    let mut out: Vec<String> = checklists::for_clause(a.id.as_str())
        .filter(|c| !check_present(c, lang, &nat))
        .map(|c| check_label(c, display).to_string())
        .collect();
    let paras = a.text.get(&lang).map_or(&[][..], Vec::as_slice);
    let shown = a.text.get(&display).map_or(paras, Vec::as_slice);
    for (path, element) in structure(paras) {
        if !present(&element, &nat, scorer, lang) {
            out.push(describe(shown, path, display).unwrap_or_else(|| excerpt(&element)));
        }
    }
    out
}

fn check_present(c: &checklists::Check, lang: Lang, nat: &NationalTerms) -> bool {
    let stems = match lang {
        Lang::Ar => c.ar,
        Lang::En => c.en,
        Lang::Fr => c.fr,
    };
    stems.iter().any(|s| {
        let s = normalize_for_matching(s);
        !s.is_empty() && nat.normalized.contains(&s)
    })
}

fn check_label(c: &checklists::Check, lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => c.label[0],
        Lang::En => c.label[1],
        Lang::Fr => c.label[2],
    }
}

/// "paragraph 2(b): the first words…" in the display language.
fn describe(paras: &[RParagraph], path: Path, lang: Lang) -> Option<String> {
    let p = paras.get(path.para)?;
    let (point, text) = match path.point {
        None => (None, plain(&p.pieces)),
        Some(k) => {
            let pt = p.points.get(k)?;
            (Some(pt.label.as_str()), plain(&pt.pieces))
        }
    };
    let label = element_label(lang, &p.number, point);
    let ex = excerpt(&text);
    Some(if label.is_empty() {
        ex
    } else {
        format!("{label}: {ex}")
    })
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

    #[test]
    fn fuzzy_terms_match_spelling_variants() {
        let nat = NationalTerms::new("Les victimes mineures ne sont pas poursuivies");
        assert!(nat.has("victime"));
        assert!(nat.has("poursuivie"));
        assert!(!nat.has("hebergement"));
    }

    #[test]
    fn labels_and_excerpts() {
        assert_eq!(element_label(Lang::En, "2", Some("b")), "paragraph 2(b)");
        assert_eq!(element_label(Lang::Ar, "3", None), "الفقرة (3)");
        assert_eq!(element_label(Lang::Fr, "", None), "");
        let long = "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze";
        assert!(excerpt(long).ends_with('…'));
        assert_eq!(excerpt("a b"), "a b");
    }

    #[test]
    fn checklist_stems_are_found_in_noisy_arabic() {
        let nat = NationalTerms::new("أو باستغلال حالة الضعف\n12\nأو االحتيال");
        let c = checklists::for_clause("trafficking-definition")
            .next()
            .expect("the vulnerability check");
        assert!(check_present(c, Lang::Ar, &nat));
    }
}
