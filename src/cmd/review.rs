//! `qanun review import FILE.docx`: a review copy edited in Word → `reviews/<date>-<author>.toml`,
//! its comments and tracked changes anchored to clause ids and paragraphs. Edits to a paragraph
//! that changed in the project since the copy was made are kept with both texts, and reported.

use super::Context;
use super::prepare::prepare;
use crate::cli::{ReviewApplyArgs, ReviewArgs, ReviewCommand, ReviewImportArgs};
use crate::diagnostics::{EXIT_FOUND, EXIT_OK, EXIT_TROUBLE};
use crate::output::write_atomic;
use crate::render::docx::{anchor_name, docx_view};
use std::collections::BTreeMap;

pub fn run(ctx: &Context, args: &ReviewArgs) -> u8 {
    match &args.command {
        ReviewCommand::Import(a) => import(ctx, a),
        ReviewCommand::Apply(a) => apply(ctx, a),
    }
}

fn import(ctx: &Context, args: &ReviewImportArgs) -> u8 {
    if let Err(code) = ctx.require_law() {
        return code;
    }
    let shown = args.file.display().to_string();
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!(
                "error: cannot read {shown}: {e}\nhint: check the file's name and that you may read it"
            );
            return EXIT_TROUBLE;
        }
    };
    let project = crate::load::load_project(&ctx.root);
    // Every anchor a review copy of this law can hold: each article's heading and paragraphs.
    let mut anchors: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for (id, c) in &project.law.clauses {
        anchors.insert(
            crate::render::view::bookmark(id.as_str()),
            (id.to_string(), 0),
        );
        let most = c
            .text
            .values()
            .map(|b| b.paragraphs.len())
            .max()
            .unwrap_or(1)
            .max(1)
            + 20;
        for n in 1..=most {
            anchors.insert(anchor_name(id.as_str(), n), (id.to_string(), n));
        }
    }
    let mut read = match crate::review::read_review(&bytes, &anchors) {
        Ok(r) => r,
        Err(message) => {
            eprintln!(
                "error: {shown}: {message}\nhint: import the copy written by `qanun render <cc> --format docx --review`, after it was edited in Word or LibreOffice"
            );
            return EXIT_TROUBLE;
        }
    };
    read.file.source = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(shown.clone());
    // Compare each edit's text before the changes with the paragraph as it reads today.
    let mut conflicts = 0;
    let mut parts = read.file.copy.split_whitespace();
    if let (Some(target), Some(lang)) = (parts.next(), parts.next())
        && let Ok(prepared) = prepare(ctx, target, Some(lang))
    {
        let now = review_copy(&prepared, &read.file.copy);
        let mut current: BTreeMap<String, String> = BTreeMap::new();
        let mut open: Option<String> = None;
        for b in &now.blocks {
            let text = format!(
                "{}{}",
                b.prefix,
                b.runs.iter().map(|r| r.text.as_str()).collect::<String>()
            );
            if !b.bookmark.is_empty() && b.style == "LawParagraph" {
                current.insert(b.bookmark.clone(), text);
                open = Some(b.bookmark.clone());
            } else if matches!(b.style, "LawPoint" | "LawSubPoint") {
                if let Some(t) = open.as_ref().and_then(|o| current.get_mut(o)) {
                    t.push('\n');
                    t.push_str(&text);
                }
            } else {
                open = None;
            }
        }
        // Anchors of the copy's articles that the reviewer's document lost (a paragraph
        // retyped whole, say): its text was read with the paragraph before it.
        let found: std::collections::BTreeSet<&(String, usize)> = read.found.iter().collect();
        let articles: std::collections::BTreeSet<&str> =
            read.found.iter().map(|(c, _)| c.as_str()).collect();
        let mut lost = Vec::new();
        for (id, a) in prepared.variant.articles().map(|a| (a.id.as_str(), a)) {
            if !articles.contains(id) {
                continue;
            }
            let count = a.text.get(&prepared.lang).map_or(0, Vec::len);
            for n in 1..=count {
                if !found.contains(&(id.to_string(), n)) {
                    lost.push(format!(
                        "the anchor of paragraph {n} of `{id}` was deleted in the document: its text, and any change to it, were read as part of paragraph {}",
                        n - 1
                    ));
                }
            }
        }
        read.notes.retain(|n| !lost.contains(n));
        read.notes.extend(lost);
        for e in &mut read.file.edits {
            let key = anchor_name(&e.clause, e.paragraph);
            let today = current.get(&key).cloned().unwrap_or_default();
            if today != e.old {
                conflicts += 1;
                eprintln!(
                    "warning: {} paragraph {}: the paragraph changed since the review copy was made; the reviewer's text and today's are both kept in the review file",
                    e.clause,
                    shown_paragraph(&prepared, &e.clause, e.paragraph)
                );
                e.current = Some(today);
            }
        }
    }
    let name = crate::review::file_name(&read.file);
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| ctx.root.join("reviews").join(&name));
    if out.exists() && !args.force {
        eprintln!(
            "error: {} already exists; it was left as it is\nhint: pass --force to replace it, or -o to write elsewhere",
            out.display()
        );
        return EXIT_TROUBLE;
    }
    let text = match toml::to_string_pretty(&read.file) {
        Ok(t) => format!(
            "# Comments and tracked changes read from a review copy by `qanun review import`.\n# `old` and `new` are the paragraph before and after the reviewer's changes, as the copy shows it.\n{t}"
        ),
        Err(e) => {
            eprintln!("error: the review could not be written: {e}");
            return EXIT_TROUBLE;
        }
    };
    if let Err(e) = write_atomic(&out, text.as_bytes()) {
        eprintln!("error: cannot write {}: {e}", out.display());
        return EXIT_TROUBLE;
    }
    for n in &read.notes {
        eprintln!("warning: {n}");
    }
    if !ctx.quiet {
        eprintln!(
            "wrote {} ({} comment{}, {} proposed edit{}, {conflicts} on paragraphs changed since)",
            out.display(),
            read.file.comments.len(),
            if read.file.comments.len() == 1 {
                ""
            } else {
                "s"
            },
            read.file.edits.len(),
            if read.file.edits.len() == 1 { "" } else { "s" },
        );
    }
    if conflicts > 0 || !read.notes.is_empty() {
        EXIT_FOUND
    } else {
        EXIT_OK
    }
}

fn apply(ctx: &Context, args: &ReviewApplyArgs) -> u8 {
    if let Err(code) = ctx.require_law() {
        return code;
    }
    let shown = args.file.display().to_string();
    let review: crate::review::ReviewFile = match std::fs::read_to_string(&args.file)
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!(
                "error: {shown} cannot be read as a review file: {e}\nhint: give a file written by qanun review import"
            );
            return EXIT_TROUBLE;
        }
    };
    let mut parts = review.copy.split_whitespace();
    let (Some(target), Some(lang)) = (parts.next(), parts.next()) else {
        eprintln!(
            "error: {shown} does not say what its copy was made of (`copy = \"jo ar 1.0.0\"`)"
        );
        return EXIT_TROUBLE;
    };
    let Ok(prepared) = prepare(ctx, target, Some(lang)) else {
        return EXIT_TROUBLE;
    };
    let copy = review_copy(&prepared, &review.copy);
    let prefixes: BTreeMap<&str, &str> = copy
        .blocks
        .iter()
        .filter(|b| !b.bookmark.is_empty())
        .map(|b| (b.bookmark.as_str(), b.prefix.as_str()))
        .collect();
    // (file, offset, old source line, new source line) per edit that can be applied.
    let mut changes: BTreeMap<String, Vec<(usize, String, String)>> = BTreeMap::new();
    let mut skipped = 0;
    for e in &review.edits {
        let why = (|| -> Result<(String, usize, String, String), String> {
            if e.current.is_some() {
                return Err("the paragraph changed in the project since the review copy: both texts are in the review file".to_string());
            }
            let a = prepared
                .variant
                .article(&e.clause)
                .ok_or("the article is not in the law any more")?;
            let body = a
                .clause
                .text
                .get(&prepared.lang)
                .ok_or("the article has no text in the copy's language")?;
            if body.paragraphs.iter().any(|p| p.option.is_some()) {
                return Err(
                    "the article offers alternative wordings: make the change by hand".to_string(),
                );
            }
            let n = e.paragraph;
            let source = n
                .checked_sub(1)
                .and_then(|i| body.paragraphs.get(i))
                .ok_or("there is no such paragraph any more")?;
            let rendered = a
                .text
                .get(&prepared.lang)
                .and_then(|ps| ps.get(n - 1))
                .ok_or("there is no such paragraph any more")?;
            let prefix = prefixes
                .get(anchor_name(&e.clause, n).as_str())
                .copied()
                .unwrap_or("");
            let new = crate::review::apply_edit(e, prefix, &rendered.pieces, &source.text)?;
            let old = crate::model::inlines_source(&source.text);
            Ok((source.origin.file.clone(), source.origin.offset, old, new))
        })();
        match why {
            Ok((file, offset, old, new)) => {
                changes.entry(file).or_default().push((offset, old, new))
            }
            Err(reason) => {
                skipped += 1;
                eprintln!(
                    "warning: {} paragraph {} was not applied: {reason}",
                    e.clause,
                    shown_paragraph(&prepared, &e.clause, e.paragraph)
                );
            }
        }
    }
    let dest = if args.in_place {
        ctx.root.clone()
    } else {
        let stem = args
            .file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "review".to_string());
        let dest = args
            .output
            .clone()
            .unwrap_or_else(|| ctx.root.join("reviews").join(&stem));
        if let Err(e) = copy_dir(&ctx.root.join("law"), &dest.join("law")) {
            eprintln!("error: cannot copy law/ to {}: {e}", dest.display());
            return EXIT_TROUBLE;
        }
        dest
    };
    let mut applied = 0;
    for (file, mut edits) in changes {
        let Ok(mut text) = std::fs::read_to_string(ctx.root.join(&file)) else {
            eprintln!("warning: {file} cannot be read; its edits were not applied");
            skipped += edits.len();
            continue;
        };
        // From the end of the file, so that earlier offsets stay right.
        edits.sort_by_key(|e| std::cmp::Reverse(e.0));
        for (offset, old, new) in edits {
            if text.get(offset..offset + old.len()) == Some(old.as_str()) {
                text.replace_range(offset..offset + old.len(), &new);
                applied += 1;
            } else {
                skipped += 1;
                eprintln!(
                    "warning: {file}: the paragraph is not written there as expected; that edit was not applied"
                );
            }
        }
        if let Err(e) = write_atomic(&dest.join(&file), text.as_bytes()) {
            eprintln!("error: cannot write {}: {e}", dest.join(&file).display());
            return EXIT_TROUBLE;
        }
    }
    if !ctx.quiet {
        if args.in_place {
            eprintln!(
                "applied {applied} edit{} to law/ ({skipped} left for a person); see them with qanun diff git:HEAD .",
                if applied == 1 { "" } else { "s" }
            );
        } else {
            eprintln!(
                "wrote the proposed law to {} ({applied} edit{}, {skipped} left for a person); see it with: qanun diff law {}",
                dest.display(),
                if applied == 1 { "" } else { "s" },
                dest.join("law").display()
            );
        }
    }
    if skipped > 0 { EXIT_FOUND } else { EXIT_OK }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let dest = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &dest)?;
        } else {
            std::fs::copy(e.path(), dest)?;
        }
    }
    Ok(())
}

/// The review copy of `copy` ("jo ar 1.0.0") as the project renders it today.
/// Paragraph `n` (its place in the article, as review files keep it) as the review copy
/// numbers it: "2", or "1 (Option B)" where the model law shows alternative wordings, which
/// share a number; the place itself when the article is gone.
fn shown_paragraph(prepared: &super::prepare::Prepared, clause: &str, n: usize) -> String {
    prepared
        .variant
        .article(clause)
        .and_then(|a| a.text.get(&prepared.lang))
        .and_then(|ps| ps.get(n.checked_sub(1)?))
        .filter(|p| !p.number.is_empty())
        .map_or_else(
            || n.to_string(),
            |p| match &p.option {
                Some(o) => format!("{} ({o})", p.number),
                None => p.number.clone(),
            },
        )
}

fn review_copy(prepared: &super::prepare::Prepared, copy: &str) -> crate::render::docx::DocxView {
    let law = &prepared.project.law;
    let view = crate::render::view::law_view(
        law,
        prepared.country(),
        &prepared.variant,
        prepared.lang,
        prepared.fallback,
    );
    docx_view(
        &view,
        prepared.country().map(|c| c.code.as_str()),
        &law.date,
        copy,
    )
}
