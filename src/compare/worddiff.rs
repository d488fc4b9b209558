//! Stage: compare (word diff). The best national article and its model provision, split into
//! words and diffed on their normalised forms, so that spelling variants, clitics and PDF
//! damage do not show as differences. Pure; the displays decide how to mark the spans.

use super::features::FxMap;
use super::{MatchSource, Pair, Span};
use crate::model::{Lang, Legislation, LegislationArticle};
use crate::text::normalize::match_tokens;
use crate::text::tokenize::diff_tokens;
use crate::variant::{RPoint, VArticle, plain};
use rayon::prelude::*;
use similar::{Algorithm, DiffTag, capture_diff_slices};

/// A pair ready to be diffed: the two texts and their languages.
#[derive(Debug, Clone)]
pub struct Prepared {
    article: String,
    source: MatchSource,
    national_lang: Lang,
    model_lang: Lang,
    national: String,
    model: String,
    /// False when the two texts share no language: shown unmarked.
    comparable: bool,
}

/// Chooses the texts of the side-by-side pair of model article `a` and national article `n`:
/// both in `display` when both have it, else in the national law's language, else in any
/// language they share; with no shared language, both unmarked (national original, model in
/// `display`).
pub fn prepare(
    a: &VArticle,
    n: &LegislationArticle,
    source: MatchSource,
    law_lang: Option<Lang>,
    display: Lang,
) -> Option<Prepared> {
    let mut order = vec![display];
    order.extend(law_lang);
    order.extend(Lang::ALL);
    let shared = order
        .iter()
        .copied()
        .find(|&l| a.text.contains_key(&l) && Legislation::article_text(n, law_lang, l).is_some());
    match shared {
        Some(l) => Some(Prepared {
            article: n.number.clone(),
            source,
            national_lang: l,
            model_lang: l,
            national: Legislation::article_text(n, law_lang, l)?.to_string(),
            model: model_display(a, l)?,
            comparable: true,
        }),
        None => {
            let ml = if a.text.contains_key(&display) {
                display
            } else {
                *a.text.keys().next()?
            };
            Some(Prepared {
                article: n.number.clone(),
                source,
                national_lang: law_lang.unwrap_or(display),
                model_lang: ml,
                national: n.text.clone(),
                model: model_display(a, ml)?,
                comparable: false,
            })
        }
    }
}

impl Prepared {
    /// The texts whose tokens need keys.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.comparable
            .then_some([self.national.as_str(), self.model.as_str()])
            .into_iter()
            .flatten()
    }

    /// Diffs the pair with keys computed beforehand.
    pub fn finish(self, keys: &Keys) -> Pair {
        let (national, model) = if self.comparable {
            diff_keyed(&self.national, &self.model, keys)
        } else {
            (
                vec![Span {
                    text: self.national,
                    same: true,
                }],
                vec![Span {
                    text: self.model,
                    same: true,
                }],
            )
        };
        Pair {
            article: self.article,
            source: self.source,
            national_lang: self.national_lang,
            model_lang: self.model_lang,
            national,
            model,
        }
    }
}

/// The comparison keys of every distinct token of a set of texts, normalised once each (in
/// parallel), so that many pairs can be diffed without normalising a word twice.
#[derive(Debug, Default)]
pub struct Keys(FxMap<String, Option<String>>);

impl Keys {
    /// Keys for every token of `texts`.
    pub fn for_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Keys {
        let mut distinct: FxMap<&str, ()> = FxMap::default();
        for t in texts {
            for tok in diff_tokens(t) {
                distinct.insert(tok, ());
            }
        }
        let mut tokens: Vec<&str> = distinct.into_keys().collect();
        tokens.sort_unstable();
        let keyed: Vec<(String, Option<String>)> = tokens
            .par_iter()
            .map(|t| ((*t).to_string(), key(t)))
            .collect();
        Keys(keyed.into_iter().collect())
    }

    fn get(&self, token: &str) -> Option<String> {
        match self.0.get(token) {
            Some(k) => k.clone(),
            None => key(token),
        }
    }
}

/// A model article as displayed: one line per paragraph ("1. …") and per point ("أ) …").
pub fn model_display(a: &VArticle, lang: Lang) -> Option<String> {
    let paras = a.text.get(&lang)?;
    let mut lines = Vec::new();
    for p in paras {
        let text = plain(&p.pieces);
        lines.push(if p.number.is_empty() {
            text
        } else {
            format!("{}. {text}", p.number)
        });
        for pt in &p.points {
            point_lines(pt, 1, &mut lines);
        }
    }
    Some(lines.join("\n"))
}

fn point_lines(p: &RPoint, depth: usize, lines: &mut Vec<String>) {
    lines.push(format!(
        "{}{}) {}",
        "   ".repeat(depth),
        p.label,
        plain(&p.pieces)
    ));
    for q in &p.points {
        point_lines(q, depth + 1, lines);
    }
}

/// The comparison key of a token: its normalised terms, or nothing for spaces and punctuation.
fn key(token: &str) -> Option<String> {
    if !token.chars().any(char::is_alphanumeric) {
        return None;
    }
    let t = match_tokens(token);
    (!t.is_empty()).then(|| t.join(" "))
}

/// Word-diffs two texts; returns the spans of each side (same = the other side has it).
pub fn diff(old: &str, new: &str) -> (Vec<Span>, Vec<Span>) {
    diff_keyed(old, new, &Keys::for_texts([old, new]))
}

/// [`diff`] with the tokens' keys computed beforehand.
pub fn diff_keyed(old: &str, new: &str, keys: &Keys) -> (Vec<Span>, Vec<Span>) {
    let ot = diff_tokens(old);
    let nt = diff_tokens(new);
    let ok: Vec<Option<String>> = ot.iter().map(|t| keys.get(t)).collect();
    let nk: Vec<Option<String>> = nt.iter().map(|t| keys.get(t)).collect();
    let (oi, ov): (Vec<usize>, Vec<&String>) = index_keys(&ok);
    let (ni, nv): (Vec<usize>, Vec<&String>) = index_keys(&nk);
    let mut of = vec![true; ot.len()];
    let mut nf = vec![true; nt.len()];
    for op in capture_diff_slices(Algorithm::Myers, &ov, &nv) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        for i in o {
            if let Some(&t) = oi.get(i) {
                of[t] = false;
            }
        }
        for i in n {
            if let Some(&t) = ni.get(i) {
                nf[t] = false;
            }
        }
    }
    (spans(&ot, &ok, &of), spans(&nt, &nk, &nf))
}

fn index_keys(keys: &[Option<String>]) -> (Vec<usize>, Vec<&String>) {
    keys.iter()
        .enumerate()
        .filter_map(|(i, k)| k.as_ref().map(|k| (i, k)))
        .unzip()
}

/// Merges tokens into spans. A space or punctuation mark is marked only when the words on
/// both sides of it are marked, so a changed phrase shows as one span.
fn spans(tokens: &[&str], keys: &[Option<String>], same: &[bool]) -> Vec<Span> {
    let flag_at = |i: usize| -> bool {
        if keys.get(i).is_some_and(Option::is_some) {
            return same.get(i).copied().unwrap_or(true);
        }
        let prev = (0..i)
            .rev()
            .find(|&j| keys.get(j).is_some_and(Option::is_some));
        let next = (i + 1..tokens.len()).find(|&j| keys.get(j).is_some_and(Option::is_some));
        match (prev, next) {
            (Some(p), Some(n)) => {
                same.get(p).copied().unwrap_or(true) || same.get(n).copied().unwrap_or(true)
            }
            _ => true,
        }
    };
    let mut out: Vec<Span> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let f = flag_at(i);
        match out.last_mut() {
            Some(last) if last.same == f => last.text.push_str(t),
            _ => out.push(Span {
                text: (*t).to_string(),
                same: f,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(s: &[Span]) -> String {
        s.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn spans_reassemble_the_texts_and_mark_only_real_changes() {
        let (o, n) = diff("لا تعاقب ضحية االتجار", "لا تُعاقب ضحية الاتجار بالبشر");
        assert_eq!(joined(&o), "لا تعاقب ضحية االتجار");
        assert_eq!(joined(&n), "لا تُعاقب ضحية الاتجار بالبشر");
        assert!(o.iter().all(|s| s.same), "{o:?}");
        assert_eq!(
            n.last().map(|s| (s.text.as_str(), s.same)),
            Some(("بالبشر", false))
        );
    }

    #[test]
    fn a_changed_phrase_is_one_span() {
        let (o, _) = diff(
            "the victim shall not be punished",
            "the victim shall be protected",
        );
        let changed: Vec<&str> = o
            .iter()
            .filter(|s| !s.same)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(changed, vec!["not", "punished"]);
    }
}
