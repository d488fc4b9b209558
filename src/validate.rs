//! Stage: validate. Model → diagnostics: every rule `qanun check` enforces that needs more than
//! one file to decide (references, instruments, variables, translations, countries).
//!
//! It reads no file and changes nothing; loading already reported syntax problems.

use crate::diagnostics::Diagnostic;
use crate::load::concepts::shown;
use crate::load::{Project, listed_positions};
use crate::model::{Clause, ClauseId, Country, Lang, Law, NO_MODEL, Origin, Status};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// How much of the law is written in one language.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Coverage {
    pub lang: Lang,
    pub required: bool,
    pub translated: usize,
    pub total: usize,
}

/// Runs every cross-file check on a loaded project.
pub fn validate(project: &Project) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let law = &project.law;
    check_structure(project, &mut out);
    let used_vars = check_clauses(law, law.clauses.values().map(|c| c.as_ref()), &mut out);
    // With a broken article, which variables are used cannot be known: say nothing rather than
    // warn about terms the broken file may well use.
    let complete = law.broken.is_empty();
    // The languages the model law is written in (an optional language no article has yet is
    // not shown anywhere).
    let written: Vec<Lang> = law
        .languages()
        .filter(|l| law.clauses.values().any(|c| c.text.contains_key(l)))
        .collect();
    for (name, v) in &law.variables {
        if complete && !used_vars.contains(name.as_str()) {
            out.push(
                Diagnostic::warning(
                    "unused-variable",
                    &v.origin,
                    format!("the variable `{name}` is declared but no article uses it"),
                )
                .with_hint("use it in an article as {{ name }}, or delete its declaration"),
            );
        }
        // The unadapted model law shows a variable as its description in the language read:
        // one that lacks a language of the law falls back to English in that language's text.
        let lacking: Vec<Lang> = written
            .iter()
            .copied()
            .filter(|l| !v.description.contains_key(l))
            .collect();
        if let Some(first) = lacking.first() {
            let names: Vec<&str> = lacking.iter().map(|l| l.english_name()).collect();
            out.push(
                Diagnostic::warning(
                    "variable-description-missing",
                    &v.origin,
                    format!(
                        "the variable `{name}` has no description in {}",
                        names.join(", ")
                    ),
                )
                .with_hint(format!(
                    "add a line such as `{} = \"…\"` under [{name}] in law/variables.toml: the model law in that language shows it in its placeholders (in English until then)",
                    first.code()
                )),
            );
        }
    }
    for country in &project.countries {
        check_country(law, country, &used_vars, complete, &mut out);
    }
    check_concepts(law, &mut out);
    out
}

/// The concept lexicon's links: every article id it names exists, and so does every
/// paragraph (`shelter/2`). Ids are quoted with [`shown`]: a concept file may hold anything.
fn check_concepts(law: &Law, out: &mut Vec<Diagnostic>) {
    for c in &law.concepts {
        let name = shown(&c.id);
        for t in c.articles.iter().chain(&c.requires) {
            let article = shown(t.clause.as_str());
            // The id and its quotes; with a paragraph, the opening quote and the id.
            let id_len = t.clause.as_str().len() + if t.paragraph.is_some() { 1 } else { 2 };
            if !law.has_clause(&t.clause) {
                let hint = match suggest(t.clause.as_str(), law.clauses.keys().map(|k| k.as_str()))
                {
                    Some(s) => {
                        format!("did you mean `{s}`? Concepts link to article ids of law/clauses/")
                    }
                    None => "use the id of an article of law/clauses/ (its file name without .md)"
                        .to_string(),
                };
                out.push(
                    Diagnostic::error(
                        "unknown-article",
                        &t.origin,
                        format!(
                            "the concept `{name}` names the article `{article}`, which does not exist"
                        ),
                    )
                    .with_len(id_len)
                    .with_hint(hint),
                );
                continue;
            }
            let Some(p) = t.paragraph else { continue };
            // A broken article, or one without the primary language, is reported on its own.
            let Some(body) = law
                .clauses
                .get(&t.clause)
                .and_then(|clause| clause.body(law.primary_lang()))
            else {
                continue;
            };
            let count = body.paragraph_count() as usize;
            if p as usize > count {
                let has = match count {
                    0 => "which has no paragraph".to_string(),
                    1 => "which has a single paragraph".to_string(),
                    n => format!("which has {n} paragraphs"),
                };
                let hint = if count > 1 {
                    format!(
                        "use a paragraph from 1 to {count}, or the article alone: \"{article}\""
                    )
                } else {
                    format!("link the article alone: \"{article}\"")
                };
                out.push(
                    Diagnostic::error(
                        "unknown-paragraph",
                        &t.origin,
                        format!("the concept `{name}` names paragraph {p} of `{article}`, {has}"),
                    )
                    .with_len(id_len + 1 + p.to_string().len() + 1)
                    .with_hint(hint),
                );
            }
        }
    }
}

/// Translation coverage of the listed articles, per declared language.
pub fn coverage(law: &Law) -> Vec<Coverage> {
    let listed: Vec<&Clause> = law
        .parts()
        .flat_map(|p| p.clauses.iter())
        .filter_map(|id| law.clauses.get(id).map(|c| c.as_ref()))
        .collect();
    law.languages()
        .map(|lang| Coverage {
            lang,
            required: law.required_langs.contains(&lang),
            translated: listed.iter().filter(|c| c.body(lang).is_some()).count(),
            total: listed.len(),
        })
        .collect()
}

fn check_structure(project: &Project, out: &mut Vec<Diagnostic>) {
    let law = &project.law;
    let law_rel = "law/law.toml";
    let positions = project
        .loaded
        .sources
        .get(law_rel)
        .map(listed_positions)
        .unwrap_or_default();
    let mut seen: BTreeSet<&ClauseId> = BTreeSet::new();
    let mut part_ids: BTreeSet<&str> = BTreeSet::new();
    for part in law.parts() {
        if !part_ids.insert(part.id.as_str()) {
            out.push(
                Diagnostic::error(
                    "duplicate-id",
                    &part.origin,
                    format!("two chapters or annexes have the id `{}`", part.id),
                )
                .with_hint("give each chapter and annex its own id"),
            );
        }
        for id in &part.clauses {
            let pos = positions
                .get(id.as_str())
                .and_then(|v| v.first().copied())
                .unwrap_or(part.origin.offset);
            let origin = Origin::new(law_rel, pos);
            if !seen.insert(id) {
                let second = positions
                    .get(id.as_str())
                    .and_then(|v| v.get(1).copied())
                    .unwrap_or(pos);
                out.push(
                    Diagnostic::error(
                        "listed-twice",
                        &Origin::new(law_rel, second),
                        format!("the article `{id}` is listed twice"),
                    )
                    .with_len(id.as_str().len() + 2)
                    .with_hint(
                        "an article belongs to one place in the law; delete one of the two entries",
                    ),
                );
                continue;
            }
            if !law.has_clause(id) {
                out.push(
                    Diagnostic::error(
                        "missing-clause-file",
                        &origin,
                        format!("the article `{id}` is listed but has no file"),
                    )
                    .with_len(id.as_str().len() + 2)
                    .with_hint(
                        match suggest(id.as_str(), law.clauses.keys().map(ClauseId::as_str)) {
                            Some(s) => format!(
                                "did you mean `{s}`? Otherwise write its file: qanun new article {id} --chapter {}",
                                part.id
                            ),
                            None => format!(
                                "write its file (qanun new article {id} --chapter {}), or remove it from the list",
                                part.id
                            ),
                        },
                    ),
                );
            }
        }
    }
    // With law.toml unreadable, no article is known to be listed: its own error says all.
    let listing_known = !project
        .loaded
        .diags
        .iter()
        .any(|d| d.is_error() && d.file == law_rel);
    for (id, c) in &law.clauses {
        if listing_known && !seen.contains(id) {
            out.push(
                Diagnostic::error("unlisted-clause", &c.origin, format!("the article `{id}` is not listed in any chapter or annex of law/law.toml"))
                    .with_hint("add its id to the `clauses` list of a chapter in law/law.toml, or delete the file"),
            );
        }
    }
}

/// Checks articles (of the model or a variant); returns the variables they use.
pub fn check_clauses<'a>(
    law: &Law,
    clauses: impl Iterator<Item = &'a Clause>,
    out: &mut Vec<Diagnostic>,
) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for c in clauses {
        check_clause(law, c, &law.clauses, out);
        used.extend(c.vars().map(|(n, _)| n.to_string()));
    }
    used
}

/// Checks one article against the law: references, instruments, variables, languages, options.
pub fn check_clause(
    law: &Law,
    c: &Clause,
    known: &BTreeMap<ClauseId, Arc<Clause>>,
    out: &mut Vec<Diagnostic>,
) {
    for (id, origin) in c.refs() {
        if !known.contains_key(id) && !law.broken.contains(id) {
            let hint = match suggest(id.as_str(), known.keys().map(ClauseId::as_str)) {
                Some(s) => format!("did you mean [[{s}]]?"),
                None => "refer to the id of an article listed in law/law.toml".to_string(),
            };
            out.push(
                Diagnostic::error(
                    "unknown-reference",
                    origin,
                    format!("`[[{id}]]` refers to an article that does not exist"),
                )
                .with_len(id.as_str().len() + 4)
                .with_hint(hint),
            );
        }
    }
    for r in &c.instruments {
        let Some(inst) = law.instrument(&r.instrument) else {
            let ids = law.instruments.iter().map(|i| i.id.as_str());
            out.push(
                Diagnostic::error(
                    "unknown-instrument",
                    &r.origin,
                    format!("unknown instrument `{}` in \"{}\"", r.instrument, r.raw),
                )
                .with_len(r.raw.len() + 2)
                .with_hint(match suggest(&r.instrument, ids) {
                    Some(s) => format!(
                        "did you mean `{s}`? Instruments are declared in law/instruments.toml"
                    ),
                    None => "declare the instrument in law/instruments.toml, or correct its id"
                        .to_string(),
                }),
            );
            continue;
        };
        let Some(article) = inst.article(&r.article) else {
            out.push(
                Diagnostic::error(
                    "unknown-article",
                    &r.origin,
                    format!(
                        "`{}` has no article {} in law/instruments.toml",
                        r.instrument, r.article
                    ),
                )
                .with_len(r.raw.len() + 2)
                .with_hint("check the article number, or add the article to law/instruments.toml"),
            );
            continue;
        };
        if let Some(p) = r.paragraphs.first()
            && !article.paragraphs.is_empty()
            && !article.paragraphs.contains(p)
        {
            out.push(
                Diagnostic::error(
                    "unknown-paragraph",
                    &r.origin,
                    format!(
                        "article {} of `{}` has no paragraph ({p})",
                        r.article, r.instrument
                    ),
                )
                .with_len(r.raw.len() + 2)
                .with_hint(format!(
                    "its paragraphs are: {}",
                    article.paragraphs.join(", ")
                )),
            );
        }
    }
    for (name, origin) in c.vars() {
        if !law.variables.contains_key(name) {
            out.push(
                Diagnostic::error("undeclared-variable", origin, format!("the variable `{{{{ {name} }}}}` is not declared"))
                    .with_len(name.len() + 6)
                    .with_hint(match suggest(name, law.variables.keys().map(String::as_str)) {
                        Some(s) => format!("did you mean {{{{ {s} }}}}? Variables are declared in law/variables.toml"),
                        None => "declare it in law/variables.toml with what countries must write there".to_string(),
                    }),
            );
        }
    }
    for lang in &law.required_langs {
        if c.body(*lang).is_none() {
            out.push(
                Diagnostic::error(
                    "missing-translation",
                    &c.origin,
                    format!(
                        "the article `{}` has no {} text (`## {}` is missing or empty)",
                        c.id,
                        lang.english_name(),
                        lang.code()
                    ),
                )
                .with_hint(format!(
                    "add a section `## {}` with the article's text; {} is required by law/law.toml",
                    lang.code(),
                    lang.code()
                )),
            );
        }
        if !c.title.contains_key(lang) {
            out.push(
                Diagnostic::error(
                    "missing-title",
                    &c.origin,
                    format!(
                        "the article `{}` has no title in {}",
                        c.id,
                        lang.english_name()
                    ),
                )
                .with_hint(format!(
                    "add `{}` under [title] in the front matter",
                    lang.code()
                )),
            );
        }
    }
    let mut keysets = c
        .text
        .iter()
        .filter(|(_, b)| !b.is_empty())
        .map(|(l, b)| (*l, b.option_keys()));
    if let Some((first_lang, first)) = keysets.next() {
        for (lang, keys) in keysets {
            if keys != first {
                out.push(
                    Diagnostic::error(
                        "option-mismatch",
                        &c.text[&lang].origin,
                        format!(
                            "the {} text offers options [{}] but the {} text offers [{}]",
                            lang.english_name(),
                            keys.join(", "),
                            first_lang.english_name(),
                            first.join(", ")
                        ),
                    )
                    .with_hint("every language must offer the same alternatives, `[option a]`, `[option b]`, in the same order"),
                );
            }
        }
    }
    placeholders(c, out);
    if c.instruments.is_empty() && c.status == Status::Mandatory {
        out.push(
            Diagnostic::warning(
                "no-instruments",
                c.instruments_origin.as_ref().unwrap_or(&c.origin),
                format!(
                    "the mandatory article `{}` cites no international instrument",
                    c.id
                ),
            )
            .with_hint(
                "add the instrument articles it implements, e.g. instruments = [\"palermo:5(1)\"]",
            ),
        );
    }
}

fn check_country(
    law: &Law,
    country: &Country,
    used_vars: &BTreeSet<String>,
    complete: bool,
    out: &mut Vec<Diagnostic>,
) {
    let name = crate::model::pick(&country.name, Lang::En)
        .cloned()
        .unwrap_or_else(|| country.code.clone());
    let mut used: BTreeSet<String> = used_vars.clone();
    // The country's own articles follow the same rules as the model's; they may refer to the
    // model's articles and to each other.
    let known: BTreeMap<ClauseId, Arc<Clause>> = law
        .clauses
        .iter()
        .chain(country.variant.clauses.iter())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for c in country.variant.clauses.values() {
        check_clause(law, c, &known, out);
        used.extend(c.vars().map(|(n, _)| n.to_string()));
    }
    for terms in country.terms.values() {
        for (var, (_, origin)) in terms {
            if complete && !used.contains(var) {
                out.push(
                    Diagnostic::warning(
                        "unused-term",
                        origin,
                        format!("no article uses the term `{var}`"),
                    )
                    .with_hint(
                        match suggest(var, law.variables.keys().map(String::as_str)) {
                            Some(s) if s != var => format!("did you mean `{s}`?"),
                            _ => "delete it, or use {{ name }} in an article".to_string(),
                        },
                    ),
                );
            }
        }
    }
    for r in &country.ratifications {
        if law.instrument(&r.instrument).is_none() {
            out.push(
                Diagnostic::error(
                    "unknown-instrument",
                    &r.origin,
                    format!("unknown instrument `{}`", r.instrument),
                )
                .with_hint("ratifications name instruments declared in law/instruments.toml"),
            );
        }
    }
    for inst in &law.instruments {
        if country.ratification(&inst.id).is_none() {
            out.push(
                Diagnostic::warning("missing-ratification", &country.origin, format!("{name}'s status for `{}` is not recorded", inst.id))
                    .with_hint("add a [[ratifications]] entry; write status = \"unknown\" when it is not known"),
            );
        }
    }
    for l in &country.legislation {
        let mut numbers: BTreeSet<&str> = BTreeSet::new();
        for a in l.articles() {
            if !numbers.insert(a.number.as_str()) {
                out.push(
                    Diagnostic::warning("duplicate-article", &a.origin, format!("article {} appears twice in this law", a.number))
                        .with_hint("check the article numbers; an inserted article is written like `3 مكرر` or `448-1`"),
                );
            }
            if a.model.len() > 1
                && let Some((_, origin)) = a.model.iter().find(|(id, _)| id.as_str() == NO_MODEL)
            {
                out.push(
                    Diagnostic::error(
                        "none-with-ids",
                        origin,
                        format!(
                            "the `model:` line of article {} says both `none` (it enacts no model provision) and the ids of model articles",
                            a.number
                        ),
                    )
                    .with_len(NO_MODEL.len())
                    .with_hint("write `model: none` alone when the article enacts no model provision, or list the ids without `none`"),
                );
            }
            for (id, origin) in &a.model {
                if id.as_str() == NO_MODEL {
                    continue;
                }
                if !law.has_clause(id) {
                    out.push(
                        Diagnostic::error(
                            "unknown-reference",
                            origin,
                            format!("`{id}` is not an article of the model law"),
                        )
                        .with_len(id.as_str().len())
                        .with_hint(
                            match suggest(id.as_str(), law.clauses.keys().map(ClauseId::as_str)) {
                                Some(s) => format!("did you mean `{s}`?"),
                                None => {
                                    "`model:` lists ids of articles in law/law.toml".to_string()
                                }
                            },
                        ),
                    );
                }
            }
        }
    }
}

/// The closest candidate by edit distance, when it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (distance(word, c), c))
        .filter(|(d, c)| *d <= (word.chars().count().max(c.chars().count()) / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The words `qanun new article` leaves where the drafter must write: a title or a paragraph
/// that still starts with them is reported, with what to write instead (titles by
/// `load::clause`, paragraphs here).
pub const PLACEHOLDER: &str = "TODO";

fn placeholders(c: &Clause, out: &mut Vec<Diagnostic>) {
    // (Placeholder titles are reported where the front matter is read, at their line.)
    for (lang, body) in &c.text {
        for p in &body.paragraphs {
            let starts = matches!(p.text.first(), Some(crate::model::Inline::Text { text }) if text.trim_start().starts_with(PLACEHOLDER));
            if starts {
                out.push(
                    Diagnostic::error(
                        "placeholder",
                        &p.origin,
                        format!("this {} paragraph of `{}` is still a placeholder", lang.english_name(), c.id),
                    )
                    .with_len(PLACEHOLDER.len())
                    .with_hint(format!(
                        "write the article's text in {} here: one numbered line (1. …) per paragraph",
                        lang.english_name()
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_catch_typos_only() {
        let ids = ["non-punishment", "shelter", "trafficking-definition"];
        assert_eq!(
            suggest("non-punishmnt", ids.iter().copied()),
            Some("non-punishment")
        );
        assert_eq!(suggest("sheltr", ids.iter().copied()), Some("shelter"));
        assert_eq!(suggest("extradition", ids.iter().copied()), None);
    }
}
