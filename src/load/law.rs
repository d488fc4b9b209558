//! Loading `law/`: law.toml, variables.toml, instruments.toml and every article file.

use super::clause::{LangText, parse_clause};
use super::files::Files;
use super::read::{check_chars, decode, read_text};
use super::toml_file::parse_toml;
use super::{Loaded, rel_path};
use crate::diagnostics::Diagnostic;
use crate::model::{
    ClauseId, Instrument, InstrumentArticle, Lang, Law, Origin, Part, PartKind, Variable,
};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LawToml {
    id: String,
    version: String,
    date: Spanned<String>,
    title: LangText,
    #[serde(default)]
    author: LangText,
    languages: Languages,
    #[serde(default)]
    chapters: Vec<Spanned<PartToml>>,
    #[serde(default)]
    annexes: Vec<Spanned<PartToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Languages {
    required: Vec<Spanned<String>>,
    #[serde(default)]
    optional: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartToml {
    id: String,
    title: LangText,
    clauses: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InstrumentsToml {
    instruments: Vec<Spanned<InstrumentToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InstrumentToml {
    id: String,
    kind: String,
    year: Option<i64>,
    #[serde(default = "yes")]
    binding: bool,
    name: LangText,
    #[serde(default)]
    short: LangText,
    #[serde(default)]
    requires: LangText,
    #[serde(default)]
    source: String,
    #[serde(default)]
    confidence: String,
    #[serde(default)]
    articles: Vec<ArticleToml>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleToml {
    number: String,
    #[serde(default)]
    paragraphs: Vec<String>,
    #[serde(default)]
    title: LangText,
    #[serde(default)]
    requires: LangText,
}

fn lang_list(list: Vec<Spanned<String>>, rel: &str, out: &mut Loaded) -> Vec<Lang> {
    let mut langs = Vec::new();
    for l in list {
        let origin = Origin::new(rel, l.span().start);
        match Lang::from_code(l.get_ref()) {
            Some(lang) if !langs.contains(&lang) => langs.push(lang),
            Some(_) => {}
            None => out.diags.push(
                Diagnostic::error(
                    "unknown-language",
                    &origin,
                    format!("unknown language `{}`", l.get_ref()),
                )
                .with_len(l.get_ref().len() + 2)
                .with_hint("qanun knows \"ar\" (Arabic), \"en\" (English) and \"fr\" (French)"),
            ),
        }
    }
    langs
}

/// Loads the model law under `law/` of a file tree. Problems go to `out.diags`.
pub fn load_law(files: &Files, out: &mut Loaded) -> Law {
    let mut law = Law::default();
    let rel = "law/law.toml";
    if let Some(text) = read_from(files, rel, out) {
        match parse_toml::<LawToml>(&text, rel, 0) {
            Ok(t) => {
                law.id = t.id;
                law.version = t.version;
                let date_origin = Origin::new(rel, t.date.span().start);
                law.date = t.date.into_inner();
                if !is_iso_date(&law.date) {
                    out.diags.push(
                        Diagnostic::error(
                            "bad-date",
                            &date_origin,
                            format!("`{}` is not a date", law.date),
                        )
                        .with_hint("write the date as \"YYYY-MM-DD\", e.g. \"2026-11-29\""),
                    );
                }
                law.title = t.title.into_map();
                law.author = t.author.into_map();
                law.required_langs = lang_list(t.languages.required, rel, out);
                law.optional_langs = lang_list(t.languages.optional, rel, out);
                law.chapters = parts(t.chapters, PartKind::Chapter, rel);
                law.annexes = parts(t.annexes, PartKind::Annex, rel);
            }
            Err(d) => out.diags.push(d),
        }
    }
    law.variables = load_variables(files, out);
    law.instruments = load_instruments(files, out);
    law.concepts = super::concepts::load_concepts(files, out);
    law.clauses = load_clauses_from(files, "law/clauses", out);
    law.broken = out.broken.iter().map(|s| ClauseId(s.clone())).collect();
    law
}

fn parts(list: Vec<Spanned<PartToml>>, kind: PartKind, rel: &str) -> Vec<Part> {
    list.into_iter()
        .map(|p| {
            let origin = Origin::new(rel, p.span().start);
            let p = p.into_inner();
            Part {
                id: p.id,
                kind,
                title: p.title.into_map(),
                clauses: p
                    .clauses
                    .into_iter()
                    .map(|c| ClauseId(c.into_inner()))
                    .collect(),
                origin,
            }
        })
        .collect()
}

/// Where each id is listed in law.toml (for diagnostics on the list itself).
pub fn listed_positions(text: &str) -> BTreeMap<String, Vec<usize>> {
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    #[derive(Deserialize)]
    struct Lists {
        #[serde(default)]
        chapters: Vec<L>,
        #[serde(default)]
        annexes: Vec<L>,
    }
    #[derive(Deserialize)]
    struct L {
        clauses: Vec<Spanned<String>>,
    }
    if let Ok(l) = toml::from_str::<Lists>(text) {
        for c in l
            .chapters
            .iter()
            .chain(l.annexes.iter())
            .flat_map(|p| p.clauses.iter())
        {
            out.entry(c.get_ref().clone())
                .or_default()
                .push(c.span().start);
        }
    }
    out
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn load_variables(files: &Files, out: &mut Loaded) -> BTreeMap<String, Variable> {
    let rel = "law/variables.toml";
    let mut vars = BTreeMap::new();
    if !files.exists(rel) {
        return vars;
    }
    let Some(text) = read_from(files, rel, out) else {
        return vars;
    };
    match parse_toml::<BTreeMap<String, Spanned<BTreeMap<String, String>>>>(&text, rel, 0) {
        Ok(map) => {
            for (name, v) in map {
                let origin = Origin::new(rel, v.span().start);
                let mut description = BTreeMap::new();
                for (k, d) in v.into_inner() {
                    match Lang::from_code(&k) {
                        Some(l) => {
                            description.insert(l, d);
                        }
                        None => out.diags.push(
                            Diagnostic::error(
                                "unknown-language",
                                &origin,
                                format!("unknown language `{k}` in variable `{name}`"),
                            )
                            .with_hint("describe each variable with keys ar, en or fr"),
                        ),
                    }
                }
                if !super::clause::is_var_name(&name) {
                    out.diags.push(
                        Diagnostic::error(
                            "bad-variable",
                            &origin,
                            format!("`{name}` is not a valid variable name"),
                        )
                        .with_hint("use lowercase words joined by `_`, e.g. competent_court"),
                    );
                }
                vars.insert(
                    name.clone(),
                    Variable {
                        name,
                        description,
                        origin,
                    },
                );
            }
        }
        Err(d) => out.diags.push(d),
    }
    vars
}

fn load_instruments(files: &Files, out: &mut Loaded) -> Vec<Instrument> {
    let rel = "law/instruments.toml";
    if !files.exists(rel) {
        return Vec::new();
    }
    let Some(text) = read_from(files, rel, out) else {
        return Vec::new();
    };
    match parse_toml::<InstrumentsToml>(&text, rel, 0) {
        Ok(t) => t
            .instruments
            .into_iter()
            .map(|i| {
                let origin = Origin::new(rel, i.span().start);
                let i = i.into_inner();
                Instrument {
                    id: i.id,
                    kind: i.kind,
                    year: i.year,
                    binding: i.binding,
                    name: i.name.into_map(),
                    short: i.short.into_map(),
                    requires: i.requires.into_map(),
                    source: i.source,
                    confidence: i.confidence,
                    articles: i
                        .articles
                        .into_iter()
                        .map(|a| InstrumentArticle {
                            number: a.number,
                            paragraphs: a.paragraphs,
                            title: a.title.into_map(),
                            requires: a.requires.into_map(),
                        })
                        .collect(),
                    origin,
                }
            })
            .collect(),
        Err(d) => {
            out.diags.push(d);
            Vec::new()
        }
    }
}

/// Every `.md` file under `dir`, sorted, so loading is deterministic.
pub fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    files_under(dir, |name| name.ends_with(".md"))
}

/// Every file under `dir` (recursively) whose name passes `keep`, sorted; hidden files and
/// folders (`.swp`, `.git`) are skipped.
pub fn files_under(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else if keep(&name) {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// Loads every article file under `dir`. Duplicate ids and id/stem mismatches are reported here,
/// since only the loader sees file names.
pub fn load_clauses(
    dir: &Path,
    root: &Path,
    out: &mut Loaded,
) -> BTreeMap<ClauseId, std::sync::Arc<crate::model::Clause>> {
    load_clauses_from(&Files::disk(root), &rel_path(root, dir), out)
}

/// Loads every article file under the folder `rel_dir` of a file tree (see [`load_clauses`]).
pub fn load_clauses_from(
    files: &Files,
    rel_dir: &str,
    out: &mut Loaded,
) -> BTreeMap<ClauseId, std::sync::Arc<crate::model::Clause>> {
    let mut clauses: BTreeMap<ClauseId, std::sync::Arc<crate::model::Clause>> = BTreeMap::new();
    for rel in files.markdown_files(rel_dir) {
        let path = Path::new(&rel);
        let Some(text) = read_from(files, &rel, out) else {
            out.broken.insert(stem(path));
            continue;
        };
        let Some(clause) = parse_clause(&rel, &text, &mut out.diags) else {
            out.broken.insert(stem(path));
            continue;
        };
        let stem = stem(path);
        if clause.id.as_str() != stem {
            out.diags.push(
                Diagnostic::error(
                    "id-mismatch",
                    &clause.origin,
                    format!(
                        "the id `{}` differs from the file name `{stem}.md`",
                        clause.id
                    ),
                )
                .with_hint(format!(
                    "rename the file to `{}.md`, or set id = \"{stem}\"",
                    clause.id
                )),
            );
        }
        if let Some(first) = clauses.get(&clause.id) {
            out.diags.push(
                Diagnostic::error(
                    "duplicate-id",
                    &clause.origin,
                    format!(
                        "the id `{}` is already used by {}",
                        clause.id, first.origin.file
                    ),
                )
                .with_hint("each article needs its own id; rename one of them"),
            );
            continue;
        }
        clauses.insert(clause.id.clone(), std::sync::Arc::new(clause));
    }
    clauses
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Checks file-level rules for a file read by the loader.
pub fn check_file_text(text: &str, rel: &str, out: &mut Vec<Diagnostic>) {
    check_chars(text, rel, out);
}

/// Reads a file for the loader, recording its text for diagnostics.
pub fn read_into(root: &Path, rel: &str, out: &mut Loaded) -> Option<String> {
    record(read_text(&root.join(rel), rel), rel, out)
}

/// Reads a file of a file tree for the loader, recording its text for diagnostics.
pub fn read_from(files: &Files, rel: &str, out: &mut Loaded) -> Option<String> {
    let text = match files.read(rel) {
        Ok(bytes) => decode(bytes, rel),
        Err(e) => {
            Err(
                Diagnostic::file_error("unreadable", rel, format!("cannot read this file: {e}"))
                    .with_hint("check that the file exists and that you may read it"),
            )
        }
    };
    record(text, rel, out)
}

fn record(text: Result<String, Diagnostic>, rel: &str, out: &mut Loaded) -> Option<String> {
    match text {
        Ok(text) => {
            check_file_text(&text, rel, &mut out.diags);
            out.sources.insert(rel, text.clone());
            Some(text)
        }
        Err(d) => {
            out.diags.push(d);
            None
        }
    }
}
