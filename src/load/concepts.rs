//! Loading `law/concepts.toml`, the legal concept lexicon (see docs/concepts.md). Checks what
//! the file alone can show (a missing label, an empty or repeated expression, a repeated id, a
//! malformed article reference, a control character written as an escape); `validate` checks
//! the article ids against the law.

use super::Loaded;
use super::files::Files;
use super::law::read_from;
use super::read::forbidden_char;
use super::toml_file::parse_toml;
use crate::diagnostics::Diagnostic;
use crate::model::{ClauseId, Concept, ConceptTarget, Lang, LangMap, Origin};
use crate::text::normalize::{is_matching_term, match_tokens, normalize_for_matching};
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
    label: LabelToml,
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
    /// A subject outside the model law (see [`Concept::outside`]).
    #[serde(default)]
    outside: bool,
    #[serde(default)]
    rather_than: Option<Spanned<ExpressionsToml>>,
}

/// Expressions per language (`rather_than.ar = [...]`).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ExpressionsToml {
    #[serde(default)]
    ar: Vec<Spanned<String>>,
    #[serde(default)]
    en: Vec<Spanned<String>>,
    #[serde(default)]
    fr: Vec<Spanned<String>>,
}

/// A concept's label per language, with where each is written.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LabelToml {
    ar: Option<Spanned<String>>,
    en: Option<Spanned<String>>,
    fr: Option<Spanned<String>>,
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
        Ok(t) => concepts(t, &text, rel, &mut out.diags),
        Err(d) => {
            out.diags.push(d);
            Vec::new()
        }
    }
}

/// User text as a message may quote it: control, direction and invisible characters are
/// written as `\u{…}` so that a message never carries them to a terminal or a report.
pub fn shown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || forbidden_char(c).is_some() {
            out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The length in bytes of a value's span in the file (its quotes included).
fn span_len<T>(v: &Spanned<T>) -> usize {
    let s = v.span();
    s.end.saturating_sub(s.start)
}

fn concepts(t: ConceptsToml, src: &str, rel: &str, diags: &mut Vec<Diagnostic>) -> Vec<Concept> {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    for c in t.concept {
        let origin = Origin::new(rel, c.span().start);
        let c = c.into_inner();
        let id_at = Origin::new(rel, c.id.span().start);
        let id_len = span_len(&c.id);
        let id = c.id.into_inner();
        let name = shown(&id);
        if !ClauseId::is_valid(&id) {
            diags.push(
                Diagnostic::error(
                    "bad-concept-id",
                    &id_at,
                    format!("`{name}` is not a valid concept id"),
                )
                .with_len(id_len)
                .with_hint("use lowercase words joined by `-`, e.g. id = \"recovery-period\""),
            );
        }
        if !seen.insert(id.clone()) {
            diags.push(
                Diagnostic::error(
                    "duplicate-concept",
                    &id_at,
                    format!("the concept `{name}` is defined twice"),
                )
                .with_len(id_len)
                .with_hint("give each concept its own id, or merge the two entries"),
            );
        }
        let mut label: LangMap<String> = LangMap::new();
        for (l, text) in [
            (Lang::Ar, c.label.ar),
            (Lang::En, c.label.en),
            (Lang::Fr, c.label.fr),
        ] {
            let Some(text) = text else { continue };
            plain_line(
                &text,
                src,
                rel,
                &format!("the {} label of `{name}`", l.english_name()),
                diags,
            );
            let text = text.into_inner();
            if !text.trim().is_empty() {
                label.insert(l, text);
            }
        }
        for l in Lang::ALL {
            if !label.contains_key(&l) {
                diags.push(
                    Diagnostic::error(
                        "concept-label",
                        &origin,
                        format!("the concept `{name}` has no label in {}", l.english_name()),
                    )
                    .with_hint(format!(
                        "add label.{} = \"…\": reports name what a national text lacks by this label",
                        l.code()
                    )),
                );
            }
        }
        let articles = targets(c.articles, rel, &name, diags);
        let requires = targets(c.requires, rel, &name, diags);
        if c.outside && !(articles.is_empty() && requires.is_empty()) {
            diags.push(
                Diagnostic::error(
                    "concept-articles",
                    &origin,
                    format!("`{name}` is a subject outside the model law (outside = true), yet it is linked to model articles"),
                )
                .with_hint("remove its articles and requires, or remove outside = true if the model law does deal with it"),
            );
        }
        let rather_than = match (c.outside, c.rather_than) {
            (true, Some(r)) => {
                let r = r.into_inner();
                Some(expressions(
                    [(Lang::Ar, r.ar), (Lang::En, r.en), (Lang::Fr, r.fr)],
                    src,
                    rel,
                    &format!("the {{}} rather_than list of `{name}`"),
                    "rather_than.",
                    &origin,
                    diags,
                ))
            }
            (true, None) => {
                diags.push(
                    Diagnostic::error(
                        "concept-rather-than",
                        &origin,
                        format!("the subject `{name}` (outside = true) has no rather_than expressions"),
                    )
                    .with_hint("add rather_than.ar = [\"…\"] (and .en, .fr): how statutes name trafficking in persons, which an article must name less often than this subject to be set aside"),
                );
                Some(LangMap::new())
            }
            (false, Some(r)) => {
                diags.push(
                    Diagnostic::error(
                        "concept-rather-than",
                        &Origin::new(rel, r.span().start),
                        format!("`{name}` has rather_than expressions but is not a subject outside the model law"),
                    )
                    .with_hint("add outside = true if national articles about it are to be set aside, or remove rather_than"),
                );
                None
            }
            (false, None) => None,
        };
        if articles.is_empty() && !c.outside {
            diags.push(
                Diagnostic::error(
                    "concept-articles",
                    &origin,
                    format!("the concept `{name}` is linked to no model article"),
                )
                .with_hint("list the articles that deal with it: articles = [\"shelter\", \"assistance/2\"]"),
            );
        }
        let expressions = expressions(
            [(Lang::Ar, c.ar), (Lang::En, c.en), (Lang::Fr, c.fr)],
            src,
            rel,
            &format!("the {{}} list of `{name}`"),
            "",
            &origin,
            diags,
        );
        out.push(Concept {
            id,
            label,
            articles,
            requires,
            expressions,
            outside: rather_than,
            origin,
        });
    }
    out
}

/// The expression lists of a concept, per language, checked: none empty or repeated, and a
/// warning for a language without any. `list` names the list in messages, with `{}` where
/// the language goes: "the {} list of `shelter`".
fn expressions(
    lists: [(Lang, Vec<Spanned<String>>); 3],
    src: &str,
    rel: &str,
    list: &str,
    key: &str,
    origin: &Origin,
    diags: &mut Vec<Diagnostic>,
) -> LangMap<Vec<String>> {
    let mut expressions: LangMap<Vec<String>> = LangMap::new();
    for (lang, entries) in lists {
        let list_name = list.replace("{}", lang.english_name());
        let mut norm_seen: BTreeMap<String, String> = BTreeMap::new();
        let mut kept = Vec::new();
        for e in entries {
            let at = Origin::new(rel, e.span().start);
            let len = span_len(&e);
            let what = format!("an expression in {list_name}");
            if !plain_line(&e, src, rel, &what, diags) {
                continue;
            }
            let text = e.into_inner();
            let norm = normalize_for_matching(&text);
            if norm.trim().is_empty() {
                diags.push(
                        Diagnostic::error(
                            "empty-expression",
                            &at,
                            format!(
                                "an empty expression in {list_name}: it has no letter or digit to look for"
                            ),
                        )
                        .with_len(len)
                        .with_hint("remove it, or write the words a statute uses for the concept"),
                    );
                continue;
            }
            if !match_tokens(&text).iter().any(|t| is_matching_term(t)) {
                // A warning: the expression does no harm, it is only never found, and a
                // lexicon written before this check must not stop a packet.
                diags.push(
                    Diagnostic::warning(
                        "ignored-expression",
                        &at,
                        format!(
                            "“{}” in {list_name} is made only of words that matching leaves out (very common words, numbers, single letters, and words such as “law” or “article” that every article uses): it would never be found",
                            shown(&text)
                        ),
                    )
                    .with_len(len)
                    .with_hint("write the words that carry the concept, as a statute says them (the notes at the top of this file list the words left out)"),
                );
                continue;
            }
            if let Some(prev) = norm_seen.insert(norm.clone(), text.clone()) {
                diags.push(
                        Diagnostic::error(
                            "duplicate-expression",
                            &at,
                            format!(
                                "“{}” repeats “{}” in {list_name} (they read the same once hamza, ta marbuta, diacritics and case are set aside)",
                                shown(&text),
                                shown(&prev)
                            ),
                        )
                        .with_len(len)
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
                        origin,
                        format!("{list_name} has no expression"),
                    )
                    .with_hint(format!(
                        "add {key}{} = [\"…\"]: without it the concept is never found in a law in that language",
                        lang.code()
                    )),
                );
        } else {
            expressions.insert(lang, kept);
        }
    }
    expressions
}

/// Whether a label or an expression is one line of plain text. A control character, or a
/// direction or invisible character written as an escape (`"\u202E"`: the file itself then
/// holds only plain letters, so the check of the file's characters cannot see it), is
/// reported at the string. A forbidden character written as itself is already reported where
/// it stands, by the check every file goes through.
fn plain_line(
    value: &Spanned<String>,
    src: &str,
    rel: &str,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let span = value.span();
    let raw = src.get(span.clone()).unwrap_or("");
    let bad = value
        .get_ref()
        .chars()
        .find(|&c| c.is_control() || (forbidden_char(c).is_some() && !raw.contains(c)));
    let Some(c) = bad else {
        return true;
    };
    let kind = forbidden_char(c).unwrap_or("a control character");
    diags.push(
        Diagnostic::error(
            "forbidden-character",
            &Origin::new(rel, span.start),
            format!(
                "{what} holds {kind} (U+{:04X}): “{}”",
                u32::from(c),
                shown(value.get_ref())
            ),
        )
        .with_len(span_len(value))
        .with_hint(
            "labels and expressions are one line of plain text: delete the escape (\\u…) or the character",
        ),
    );
    false
}

/// `"shelter"` or `"shelter/2"` → a target; a malformed entry is reported. `name` is the
/// concept's id as messages show it.
fn targets(
    list: Vec<Spanned<String>>,
    rel: &str,
    name: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<ConceptTarget> {
    let mut out = Vec::new();
    for t in list {
        let origin = Origin::new(rel, t.span().start);
        let len = span_len(&t);
        let raw = t.into_inner();
        let (clause, para) = match raw.split_once('/') {
            Some((c, p)) => (c.trim(), Some(p.trim())),
            None => (raw.trim(), None),
        };
        let problem = match para {
            _ if raw.trim().is_empty() => {
                Some(format!("an empty entry in `{name}` names no article"))
            }
            _ if clause.is_empty() => {
                Some(format!("`{}` in `{name}` names no article", shown(&raw)))
            }
            Some(p) if !p.parse::<u32>().is_ok_and(|n| n > 0) => Some(format!(
                "`{}` in `{name}`: `{}` is not a paragraph number (paragraphs are numbered from 1)",
                shown(&raw),
                shown(p)
            )),
            _ => None,
        };
        if let Some(message) = problem {
            diags.push(
                Diagnostic::error("bad-concept-article", &origin, message)
                    .with_len(len)
                    .with_hint(
                        "write \"shelter\" for the article, or \"shelter/2\" for its paragraph 2",
                    ),
            );
            continue;
        }
        let paragraph = para.and_then(|p| p.parse::<u32>().ok());
        out.push(ConceptTarget {
            clause: ClauseId(clause.to_string()),
            paragraph,
            origin,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_escapes_what_could_reach_a_terminal() {
        assert_eq!(shown("إيواء <b>"), "إيواء <b>");
        assert_eq!(shown("a\u{1b}[2Jb"), "a\\u{001B}[2Jb");
        assert_eq!(shown("x\u{202E}y"), "x\\u{202E}y");
    }
}
