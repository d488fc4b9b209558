//! `qanun review import FILE.docx`: a review copy edited in Word → `reviews/<date>-<author>.toml`,
//! its comments and tracked changes anchored to clause ids and paragraphs. Edits to a paragraph
//! that changed in the project since the copy was made are kept with both texts, and reported.

use super::Context;
use super::prepare::prepare;
use crate::cli::{ReviewArgs, ReviewCommand, ReviewImportArgs};
use crate::diagnostics::{EXIT_FOUND, EXIT_OK, EXIT_TROUBLE};
use crate::output::write_atomic;
use crate::render::docx::{anchor_name, docx_view};
use std::collections::BTreeMap;

pub fn run(ctx: &Context, args: &ReviewArgs) -> u8 {
    match &args.command {
        ReviewCommand::Import(a) => import(ctx, a),
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
        let law = &prepared.project.law;
        let view = crate::render::view::law_view(
            law,
            prepared.country(),
            &prepared.variant,
            prepared.lang,
            prepared.fallback,
        );
        let now = docx_view(
            &view,
            prepared.country().map(|c| c.code.as_str()),
            &law.date,
            &read.file.copy,
        );
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
        for e in &mut read.file.edits {
            let key = anchor_name(&e.clause, e.paragraph);
            let today = current.get(&key).cloned().unwrap_or_default();
            if today != e.old {
                conflicts += 1;
                eprintln!(
                    "warning: {} paragraph {}: the paragraph changed since the review copy was made; the reviewer's text and today's are both kept in the review file",
                    e.clause, e.paragraph
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
