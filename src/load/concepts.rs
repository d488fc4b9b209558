//! Loading `law/concepts.toml`, the legal concept lexicon (see docs/concepts.md). Checks what
//! the file alone can show (a missing label, an empty or repeated expression, a repeated id, a
//! malformed article reference); `validate` checks the article ids against the law.

use super::Loaded;
use super::clause::LangText;
use super::files::Files;
use super::law::read_from;
use super::toml_file::parse_toml;
use crate::diagnostics::Diagnostic;
use crate::model::{ClauseId, Concept, ConceptTarget, Lang, LangMap, Origin};
use crate::text::normalize::normalize_for_matching;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

/// Where the lexicon lives.
pub const CONCEPTS_FILE: &str = "law/concepts.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptsToml {
    #[serde(default)]
    concept: Vec<Spanned<ConceptToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptToml {
    id: Spanned<String>,
    #[serde(default)]
    label: LangText,
    #[serde(default)]
    articles: Vec<Spanned<String>>,
    #[serde(default)]
    requires: Vec<Spanned<String>>,
    #[serde(default)]
    ar: Vec<Spanned<String>>,
    #[serde(default)]
    en: Vec<Spanned<String>>,
    #[serde(default)]
    fr: Vec<Spanned<String>>,
}

/// Loads the lexicon; a project without `law/concepts.toml` has none.
pub fn load_concepts(files: &Files, out: &mut Loaded) -> Vec<Concept> {
    let rel = CONCEPTS_FILE;
    if !files.exists(rel) {
        return Vec::new();
    }
    let Some(text) = read_from(files, rel, out) else {
        return Vec::new();
    };
    match parse_toml::<ConceptsToml>(&text, rel, 0) {
        Ok(t) => concepts(t, rel, &mut out.diags),
        Err(d) => {
            out.diags.push(d);
            Vec::new()
        }
    }
}

fn concepts(t: ConceptsToml, rel: &str, diags: &mut Vec<Diagnostic>) -> Vec<Concept> {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    for c in t.concept {
        let origin = Origin::new(rel, c.span().start);
        let c = c.into_inner();
        let id_at = Origin::new(rel, c.id.span().start);
        let id = c.id.into_inner();
        if !ClauseId::is_valid(&id) {
            diags.push(
                Diagnostic::error(
                    "bad-concept-id",
                    &id_at,
                    format!("`{id}` is not a valid concept id"),
                )
                .with_len(id.len() + 2)
                .with_hint("use lowercase words joined by `-`, e.g. id = \"recovery-period\""),
            );
        }
        if !seen.insert(id.clone()) {
            diags.push(
                Diagnostic::error(
                    "duplicate-concept",
                    &id_at,
                    format!("the concept `{id}` is defined twice"),
                )
                .with_len(id.len() + 2)
                .with_hint("give each concept its own id, or merge the two entries"),
            );
        }
        let label = c.label.into_map();
        for l in Lang::ALL {
            if !label.contains_key(&l) {
                diags.push(
                    Diagnostic::error(
                        "concept-label",
                        &origin,
                        format!("the concept `{id}` has no label in {}", l_name(l)),
                    )
                    .with_hint(format!(
                        "add label.{} = \"…\": reports name what a national text lacks by this label",
                        l.code()
                    )),
                );
            }
        }
        let articles = targets(c.articles, rel, &id, diags);
        if articles.is_empty() {
            diags.push(
                Diagnostic::error(
                    "concept-articles",
                    &origin,
                    format!("the concept `{id}` is linked to no model article"),
                )
                .with_hint("list the articles that deal with it: articles = [\"shelter\", \"assistance/2\"]"),
            );
        }
        let requires = targets(c.requires, rel, &id, diags);
        let mut expressions: LangMap<Vec<String>> = LangMap::new();
        for (lang, list) in [(Lang::Ar, c.ar), (Lang::En, c.en), (Lang::Fr, c.fr)] {
            let mut norm_seen: BTreeMap<String, String> = BTreeMap::new();
            let mut kept = Vec::new();
            for e in list {
                let at = Origin::new(rel, e.span().start);
                let text = e.into_inner();
                let norm = normalize_for_matching(&text);
                if norm.trim().is_empty() {
                    diags.push(
                        Diagnostic::error(
                            "empty-expression",
                            &at,
                            format!("an empty expression in the {} list of `{id}`", l_name(lang)),
                        )
                        .with_len(text.len() + 2)
                        .with_hint("remove it, or write the words a statute uses for the concept"),
                    );
                    continue;
                }
                if let Some(prev) = norm_seen.insert(norm.clone(), text.clone()) {
                    diags.push(
                        Diagnostic::error(
                            "duplicate-expression",
                            &at,
                            format!(
                                "“{text}” repeats “{prev}” in the {} list of `{id}` (they read the same once hamza, ta marbuta, diacritics and case are set aside)",
                                l_name(lang)
                            ),
                        )
                        .with_len(text.len() + 2)
                        .with_hint("remove one of the two"),
                    );
                    continue;
                }
                kept.push(text);
            }
            if kept.is_empty() {
                diags.push(
                    Diagnostic::warning(
                        "concept-language",
                        &origin,
                        format!("the concept `{id}` has no expression in {}", l_name(lang)),
                    )
                    .with_hint(format!(
                        "add {} = [\"…\"]: without it the concept is never found in a law in that language",
                        lang.code()
                    )),
                );
            } else {
                expressions.insert(lang, kept);
            }
        }
        out.push(Concept {
            id,
            label,
            articles,
            requires,
            expressions,
            origin,
        });
    }
    out
}

fn l_name(l: Lang) -> &'static str {
    match l {
        Lang::Ar => "Arabic",
        Lang::En => "English",
        Lang::Fr => "French",
    }
}

/// `"shelter"` or `"shelter/2"` → a target; a malformed entry is reported.
fn targets(
    list: Vec<Spanned<String>>,
    rel: &str,
    id: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<ConceptTarget> {
    let mut out = Vec::new();
    for t in list {
        let origin = Origin::new(rel, t.span().start);
        let raw = t.into_inner();
        let (clause, para) = match raw.split_once('/') {
            Some((c, p)) => (c.trim(), Some(p.trim())),
            None => (raw.trim(), None),
        };
        let paragraph = match para.map(str::parse::<u32>) {
            None => None,
            Some(Ok(n)) if n > 0 => Some(n),
            Some(_) => {
                diags.push(
                    Diagnostic::error(
                        "bad-concept-article",
                        &origin,
                        format!("`{raw}` in `{id}` is not an article id or article/paragraph"),
                    )
                    .with_len(raw.len() + 2)
                    .with_hint(
                        "write \"shelter\" for the article, or \"shelter/2\" for its paragraph 2",
                    ),
                );
                continue;
            }
        };
        out.push(ConceptTarget {
            clause: ClauseId(clause.to_string()),
            paragraph,
            origin,
        });
    }
    out
}
