//! `qanun import FILE --country CC`: the pasted official text of a law → the structured
//! legislation format (countries/<cc>/legislation/<id>.md), with a report of what could not be
//! understood, at its line in FILE.

use super::Context;
use crate::cli::ImportArgs;
use crate::diagnostics::{Diagnostic, EXIT_FOUND, EXIT_OK, EXIT_TROUBLE, Report, SourceMap};
use crate::import::{ImportOptions, LegislationMeta, import, to_markdown};
use crate::model::Origin;
use crate::output::write_atomic;

pub fn run(ctx: &Context, args: &ImportArgs) -> u8 {
    let shown = args.file.display().to_string();
    let text = match crate::load::read::read_text(&args.file, &shown) {
        Ok(t) => t,
        Err(d) => {
            let _ = ctx.emit(
                &Report::new(vec![d], &SourceMap::default()),
                &SourceMap::default(),
                false,
            );
            return EXIT_TROUBLE;
        }
    };
    if text.trim().is_empty() {
        let d = Diagnostic::file_error(
            "empty-file",
            &shown,
            "this file holds no text: there is no law to import".to_string(),
        )
        .with_hint(
            "check that the law's text was saved into it (pdftotext writes nothing from a scanned PDF: such a PDF needs OCR first)",
        );
        let _ = ctx.emit(
            &Report::new(vec![d], &SourceMap::default()),
            &SourceMap::default(),
            false,
        );
        return EXIT_TROUBLE;
    }
    let cc = args.country.to_lowercase();
    if cc.len() != 2 || !cc.chars().all(|c| c.is_ascii_lowercase()) {
        eprintln!(
            "error: `{}` is not a two-letter country code\nhint: use the ISO code in lower case: jo, eg, ma …",
            args.country
        );
        return EXIT_TROUBLE;
    }
    let lang = match args
        .lang
        .as_deref()
        .map(super::prepare::parse_lang)
        .transpose()
    {
        Ok(l) => l,
        Err(code) => return code,
    };
    let id = args.id.clone().unwrap_or_else(|| slug(&args.file));
    if !crate::model::ClauseId::is_valid(&id) {
        eprintln!(
            "error: `{id}` is not a valid law id\nhint: use lowercase words and digits joined by `-`, e.g. --id law-9-2009"
        );
        return EXIT_TROUBLE;
    }
    let opts = ImportOptions {
        lang,
        repair: args.repair,
        country: cc.clone(),
        id: Some(id.clone()),
    };
    let akn = is_akn(&args.file, &text);
    let imported = if akn {
        match crate::import::akn::import_akn(&text, lang, &cc) {
            Ok(a) => Ok(a),
            Err(e) => {
                let mut sources = SourceMap::default();
                sources.insert(&shown, text.clone());
                let starts = line_starts(&text);
                let offset = starts.get(e.line.saturating_sub(1)).copied().unwrap_or(0)
                    + e.column.saturating_sub(1);
                let d =
                    Diagnostic::error("not-akn", &Origin::new(shown.clone(), offset), e.message)
                        .with_hint(e.hint);
                let _ = ctx.emit(&Report::new(vec![d], &sources), &sources, false);
                return EXIT_TROUBLE;
            }
        }
    } else {
        Err(import(&text, &opts))
    };
    let out = args.output.clone().unwrap_or_else(|| {
        ctx.root
            .join("countries")
            .join(&cc)
            .join("legislation")
            .join(format!("{id}.md"))
    });
    if out.exists() && !args.force {
        eprintln!(
            "error: {} already exists; it was left as it is\nhint: pass --force to replace it, or -o to write elsewhere",
            out.display()
        );
        return EXIT_TROUBLE;
    }
    let imported = match imported {
        Ok(a) => {
            let mut meta = LegislationMeta::new(&id, a.lang);
            let i = &a.identity;
            if !i.number.is_empty() {
                meta.number = i.number.clone();
            }
            if let Some(year) = i
                .date
                .get(..4)
                .filter(|y| y.chars().all(|c| c.is_ascii_digit()))
            {
                meta.year = year.to_string();
            }
            if i.doc_type == "bill" {
                meta.status = "draft".to_string();
            }
            meta.source = format!(
                "Akoma Ntoso document {} ({})",
                args.file.display(),
                i.expression
            );
            if !i.title.is_empty() {
                match a.lang {
                    crate::model::Lang::Ar => meta.title_ar = Some(i.title.clone()),
                    crate::model::Lang::En => meta.title_en = Some(i.title.clone()),
                    crate::model::Lang::Fr => meta.title_fr = Some(i.title.clone()),
                }
            }
            meta.akn = Some((i.work.clone(), i.expression.clone()));
            (
                crate::import::Imported {
                    lang: a.lang,
                    law: a.law,
                    report: a.report,
                    repairs: Vec::new(),
                },
                meta,
            )
        }
        Err(imported) => {
            let meta = LegislationMeta::new(&id, imported.lang);
            (imported, meta)
        }
    };
    let (imported, mut meta) = imported;
    meta.regulation = args.kind == crate::cli::TextKind::Regulation;
    // The number and year the text's first line writes ("قانون رقم (7) لسنة 2024"), where
    // nothing else gave them; said, so that they are checked against the gazette.
    let read = crate::import::identity::identity(&imported.law.preamble);
    let mut read_out: Vec<String> = Vec::new();
    if let Some(n) = read.number.filter(|_| meta.number == "unknown") {
        read_out.push(format!("number {n}"));
        meta.number = n;
    }
    if let Some(y) = read.year.filter(|_| meta.year == "unknown") {
        read_out.push(format!("year {y}"));
        meta.year = y;
    }
    if let Some(source) = args.source.as_deref().filter(|s| !s.trim().is_empty()) {
        meta.source = source.trim().to_string();
    }
    let slot = match imported.lang {
        crate::model::Lang::Ar => &mut meta.title_ar,
        crate::model::Lang::En => &mut meta.title_en,
        crate::model::Lang::Fr => &mut meta.title_fr,
    };
    if let Some(title) = args.title.as_deref().filter(|t| !t.trim().is_empty()) {
        *slot = Some(title.trim().to_string());
    } else if slot.is_none() {
        // The name the law gives itself, or its first line: said, so that it is checked.
        let first: Vec<&str> = imported
            .law
            .articles()
            .take(2)
            .map(|a| a.text.as_str())
            .collect();
        if let Some(t) = crate::import::identity::title(&imported.law.preamble, &first) {
            read_out.push(format!("title \"{t}\""));
            *slot = Some(t);
        }
    }
    meta.complete = !imported
        .report
        .iter()
        .any(|n| n.kind == crate::import::NoteKind::Missing);
    let markdown = to_markdown(&imported.law, &meta);
    if let Err(e) = write_atomic(&out, markdown.as_bytes()) {
        eprintln!("error: cannot write {}: {e}", out.display());
        return EXIT_TROUBLE;
    }
    let mut sources = SourceMap::default();
    sources.insert(&shown, text.clone());
    let starts = line_starts(&text);
    let at = |line: usize| {
        Origin::new(
            shown.clone(),
            starts.get(line.saturating_sub(1)).copied().unwrap_or(0),
        )
    };
    let mut diags: Vec<Diagnostic> = imported
        .report
        .iter()
        .map(|n| {
            let d = Diagnostic::warning(n.kind.code(), &at(n.line), n.message.clone());
            match &n.hint {
                Some(h) => d.with_hint(h.clone()),
                None => d,
            }
        })
        .collect();
    diags.extend(
        imported
            .repairs
            .iter()
            .map(|r| Diagnostic::warning("repaired", &at(r.line), r.message.clone())),
    );
    let report = Report::new(diags, &sources);
    if !report.diagnostics.is_empty() {
        let _ = ctx.emit(&report, &sources, false);
    }
    if !ctx.quiet {
        eprintln!(
            "wrote {} ({} articles, {}; {} note{}, {} repair{})",
            out.display(),
            imported.law.articles().count(),
            imported.lang,
            imported.report.len(),
            if imported.report.len() == 1 { "" } else { "s" },
            imported.repairs.len(),
            if imported.repairs.len() == 1 { "" } else { "s" },
        );
    }
    if !ctx.quiet && !read_out.is_empty() {
        eprintln!(
            "read from the text: {} (check them against the gazette)",
            read_out.join(", ")
        );
    }
    // What only the user can give: where the text comes from, and its title.
    let untitled = [&meta.title_ar, &meta.title_en, &meta.title_fr]
        .iter()
        .all(|t| t.is_none());
    let unsourced = meta.source.is_empty() || meta.source == "unknown";
    if !ctx.quiet && (untitled || unsourced) {
        let what: Vec<&str> = [
            (
                unsourced,
                "where the text comes from (--source, or source = in the file)",
            ),
            (
                untitled,
                "the law's title (--title, or [title] in the file)",
            ),
        ]
        .into_iter()
        .filter_map(|(lacks, w)| lacks.then_some(w))
        .collect();
        eprintln!("next: write {}", what.join(", and "));
    }
    // A law the profile does not list as in force is compared, but the body it belongs to is
    // not known to be whole, so nothing can be verified missing (compare::BodyGap).
    if !ctx.quiet && args.output.is_none() {
        let listed = || {
            let mut loaded = crate::load::Loaded::default();
            crate::load::load_country(&ctx.root, &cc, &mut loaded)
                .is_some_and(|c| c.laws.iter().any(|l| l.id == id && l.in_force()))
        };
        if !ctx
            .root
            .join(format!("countries/{cc}/country.toml"))
            .is_file()
        {
            eprintln!(
                "next: the country has no profile yet: write it with qanun new country {cc} --name-ar … --name-en …, then add this law to it, as in force:\n{}",
                laws_entry(&meta)
            );
        } else if !listed() {
            eprintln!(
                "next: if it is in force, add it to countries/{cc}/country.toml, beside the country's other laws in force (only then can compare call a provision missing from them):\n{}",
                laws_entry(&meta)
            );
        }
    }
    if imported.is_clean() {
        EXIT_OK
    } else {
        EXIT_FOUND
    }
}

/// The `[[laws]]` entry of a country profile that lists an imported law as in force, with
/// what import knows filled in, ready to paste (indented for the terminal; TOML ignores it).
fn laws_entry(meta: &LegislationMeta) -> String {
    let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut lines = vec!["[[laws]]".to_string(), format!("id = {}", quoted(&meta.id))];
    for (code, title) in [
        ("ar", &meta.title_ar),
        ("en", &meta.title_en),
        ("fr", &meta.title_fr),
    ] {
        if let Some(t) = title {
            lines.push(format!("title.{code} = {}", quoted(t)));
        }
    }
    if [&meta.title_ar, &meta.title_en, &meta.title_fr]
        .iter()
        .all(|t| t.is_none())
    {
        lines.push(format!(
            "title.{} = \"…\"   # the law's title, as the gazette gives it",
            meta.language
        ));
    }
    for (key, value) in [("number", &meta.number), ("year", &meta.year)] {
        if value != "unknown" && !value.is_empty() {
            lines.push(format!("{key} = {}", quoted(value)));
        }
    }
    lines.push("status = \"in-force\"".to_string());
    lines.push(format!("source = {}", quoted(&meta.source)));
    lines.push(format!(
        "confidence = {}   # high, medium or low: how sure you are of the source",
        quoted(&meta.confidence)
    ));
    lines
        .iter()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether to read the file as Akoma Ntoso: an `.xml` or `.akn` file, or any text that opens
/// with a tag. (A pasted law never starts with `<`.)
fn is_akn(path: &std::path::Path, text: &str) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "xml" | "akn") || crate::import::akn::looks_like_xml(text)
}

/// A law id from a file name: `Law 9 of 2009.txt` → `law-9-of-2009`.
fn slug(path: &std::path::Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let words: Vec<String> = stem
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        "imported-law".to_string()
    } else {
        words.join("-")
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}
