//! Stage: review. A review copy edited in Word (comments, tracked changes) → review comments
//! and proposed edits anchored to clause ids and paragraph numbers, through the bookmarks
//! `render --format docx --review` put on every paragraph (`render::docx::anchor_name`).
//!
//! Pure: it reads the bytes of a .docx and returns data; `cmd::review` writes the review file.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Read;

/// A comment made in Word, anchored to an article's paragraph (0: the article's heading).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewComment {
    pub clause: String,
    pub paragraph: usize,
    pub author: String,
    pub date: String,
    pub text: String,
    /// The words the comment was made on.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
}

/// Tracked changes to one paragraph: its text before and after them (as the review copy shows
/// it: number prefix, points on their own lines).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewEdit {
    pub clause: String,
    pub paragraph: usize,
    pub authors: Vec<String>,
    pub date: String,
    pub old: String,
    pub new: String,
    /// Set when the paragraph changed in the project since the review copy was made: its
    /// current text, kept beside the reviewer's so that nothing is lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
}

/// A review file (`reviews/<date>-<author>.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFile {
    /// The review copy it was read from.
    pub source: String,
    /// What the copy was made of: "<target> <lang> <version>".
    pub copy: String,
    #[serde(default, rename = "comment", skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<ReviewComment>,
    #[serde(default, rename = "edit", skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<ReviewEdit>,
}

/// What was read from a review copy, and what could not be placed.
#[derive(Debug, Clone, Default)]
pub struct ReadReview {
    pub file: ReviewFile,
    /// Problems in plain words (anchors missing, comments outside any article).
    pub notes: Vec<String>,
    /// The anchors found in the document, in order.
    pub found: Vec<Place>,
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// An anchor: a clause id and a paragraph number (0: the article's heading).
pub type Place = (String, usize);

/// Reads a review copy. `anchors` maps bookmark names to (clause id, paragraph).
pub fn read_review(
    bytes: &[u8],
    anchors: &BTreeMap<String, (String, usize)>,
) -> Result<ReadReview, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| {
        "this file is not a Word document (.docx): it is not a zip package".to_string()
    })?;
    let mut part = |name: &str| -> Option<String> {
        let mut f = zip.by_name(name).ok()?;
        let mut s = String::new();
        f.read_to_string(&mut s).ok()?;
        Some(s)
    };
    let document = part("word/document.xml")
        .ok_or("this file is not a Word document (.docx): it has no word/document.xml")?;
    let comments_xml = part("word/comments.xml");
    let custom = part("docProps/custom.xml").unwrap_or_default();
    let doc = roxmltree::Document::parse(&document)
        .map_err(|e| format!("the document's XML cannot be read: {e}"))?;
    let copy = roxmltree::Document::parse(&custom)
        .ok()
        .and_then(|c| {
            c.descendants()
                .find(|n| n.attribute("name") == Some(crate::render::docx::REVIEW_PROPERTY))
                .map(|n| {
                    n.descendants()
                        .filter(|t| t.is_text())
                        .filter_map(|t| t.text())
                        .collect::<String>()
                })
        })
        .unwrap_or_default();

    let mut comment_text: BTreeMap<String, (String, String, String)> = BTreeMap::new();
    if let Some(c) = &comments_xml
        && let Ok(cdoc) = roxmltree::Document::parse(c)
    {
        for n in cdoc
            .descendants()
            .filter(|n| n.has_tag_name((W, "comment")))
        {
            let id = n.attribute((W, "id")).unwrap_or_default().to_string();
            let text = n
                .descendants()
                .filter(|p| p.has_tag_name((W, "p")))
                .map(|p| {
                    p.descendants()
                        .filter(|t| t.has_tag_name((W, "t")))
                        .filter_map(|t| t.text())
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join("\n");
            let author = n.attribute((W, "author")).unwrap_or_default().to_string();
            let date = n.attribute((W, "date")).unwrap_or_default().to_string();
            comment_text.insert(id, (author, date, text));
        }
    }

    // Walk the body in document order.
    #[derive(Default)]
    struct Anchor {
        accept: String,
        reject: String,
        authors: Vec<String>,
        date: String,
        paragraphs: usize,
    }
    let mut order: Vec<(String, usize)> = Vec::new();
    let mut texts: BTreeMap<(String, usize), Anchor> = BTreeMap::new();
    let mut current: Option<(String, usize)> = None;
    let mut open_quotes: BTreeMap<String, (Option<Place>, String)> = BTreeMap::new();
    // Comments placed: (comment id, anchor, the words commented on).
    let mut placed: Vec<(String, Option<Place>, String)> = Vec::new();
    let mut found = 0;
    let Some(body) = doc.descendants().find(|n| n.has_tag_name((W, "body"))) else {
        return Err("the document has no body".to_string());
    };
    for n in body.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        if n.tag_name().namespace() != Some(W) {
            continue;
        }
        match name {
            "bookmarkStart" => {
                if let Some(a) = n.attribute((W, "name")).and_then(|b| anchors.get(b)) {
                    found += 1;
                    current = Some(a.clone());
                    if !texts.contains_key(a) {
                        order.push(a.clone());
                    }
                    texts.entry(a.clone()).or_default();
                }
            }
            "p" => {
                if let Some(a) = current.as_ref().and_then(|c| texts.get_mut(c)) {
                    if a.paragraphs > 0 {
                        a.accept.push('\n');
                        a.reject.push('\n');
                    }
                    a.paragraphs += 1;
                }
            }
            "t" | "delText" => {
                let text = n.text().unwrap_or_default();
                let changed = n.ancestors().find(|a| {
                    a.tag_name().namespace() == Some(W)
                        && matches!(a.tag_name().name(), "ins" | "del" | "moveFrom" | "moveTo")
                });
                let kind = changed.map(|c| c.tag_name().name()).unwrap_or("");
                for (_, q) in open_quotes.values_mut() {
                    if !matches!(kind, "ins" | "moveTo") {
                        q.push_str(text);
                    }
                }
                if let Some(a) = current.as_ref().and_then(|c| texts.get_mut(c)) {
                    if !matches!(kind, "del" | "moveFrom") {
                        a.accept.push_str(text);
                    }
                    if !matches!(kind, "ins" | "moveTo") {
                        a.reject.push_str(text);
                    }
                    if let Some(c) = changed {
                        let who = c.attribute((W, "author")).unwrap_or_default().to_string();
                        if !a.authors.contains(&who) {
                            a.authors.push(who);
                        }
                        let when = c.attribute((W, "date")).unwrap_or_default();
                        if when > a.date.as_str() {
                            a.date = when.to_string();
                        }
                    }
                }
            }
            "commentRangeStart" => {
                let id = n.attribute((W, "id")).unwrap_or_default().to_string();
                open_quotes.insert(id, (current.clone(), String::new()));
            }
            "commentRangeEnd" => {
                let id = n.attribute((W, "id")).unwrap_or_default().to_string();
                if let Some((at, quote)) = open_quotes.remove(&id) {
                    placed.push((id, at, quote));
                }
            }
            "commentReference" => {
                let id = n.attribute((W, "id")).unwrap_or_default().to_string();
                if !placed.iter().any(|(p, _, _)| *p == id) && !open_quotes.contains_key(&id) {
                    placed.push((id, current.clone(), String::new()));
                }
            }
            _ => {}
        }
    }
    if found == 0 {
        return Err("this Word document is not a qanun review copy: none of its paragraphs carries an anchor of this project's articles".to_string());
    }
    // The law's own Word document and the packet bookmark the articles' headings only; a
    // review copy anchors every paragraph, which is what the edits are read against.
    if !order.iter().any(|(_, n)| *n > 0) {
        return Err("this Word document is not a qanun review copy: its articles' headings are bookmarked but not their paragraphs, as in a law document or a packet rendered without --review".to_string());
    }
    let mut out = ReadReview::default();
    out.file.copy = copy;
    out.found = order.clone();
    // A paragraph whose anchor was deleted in Word: its text was read as part of the paragraph
    // before it. Said plainly, so that nobody applies such an edit blindly.
    let mut seen: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (clause, n) in &order {
        if *n > 0 {
            seen.entry(clause.as_str()).or_default().push(*n);
        }
    }
    for (clause, ns) in &seen {
        let most = ns.iter().copied().max().unwrap_or(0);
        for n in (1..most).filter(|n| !ns.contains(n)) {
            out.notes.push(format!(
                "the anchor of paragraph {n} of `{clause}` was deleted in the document: its text, and any change to it, were read as part of paragraph {}",
                n - 1
            ));
        }
    }
    for (id, at, quote) in placed {
        let Some((author, date, text)) = comment_text.get(&id).cloned() else {
            continue;
        };
        match at {
            Some((clause, paragraph)) => out.file.comments.push(ReviewComment {
                clause,
                paragraph,
                author,
                date,
                text,
                quote: quote.trim().to_string(),
            }),
            None => out.notes.push(format!(
                "a comment by {author} (“{}”) is outside any article and was left out",
                text.chars().take(60).collect::<String>()
            )),
        }
    }
    for key in order {
        let a = &texts[&key];
        if a.accept != a.reject {
            out.file.edits.push(ReviewEdit {
                clause: key.0.clone(),
                paragraph: key.1,
                authors: a.authors.clone(),
                date: a.date.clone(),
                old: a.reject.clone(),
                new: a.accept.clone(),
                current: None,
            });
        }
    }
    Ok(out)
}

/// The file name of a review: `<date>-<author>.toml`, from the latest date and the authors.
pub fn file_name(file: &ReviewFile) -> String {
    let dates = file
        .comments
        .iter()
        .map(|c| c.date.as_str())
        .chain(file.edits.iter().map(|e| e.date.as_str()));
    let date = dates
        .max()
        .and_then(|d| d.get(..10))
        .filter(|d| d.chars().all(|c| c.is_ascii_digit() || c == '-'))
        .unwrap_or("undated")
        .to_string();
    let mut authors: Vec<&str> = file
        .comments
        .iter()
        .map(|c| c.author.as_str())
        .chain(
            file.edits
                .iter()
                .flat_map(|e| e.authors.iter().map(String::as_str)),
        )
        .filter(|a| !a.is_empty())
        .collect();
    authors.sort();
    authors.dedup();
    let who = match authors.as_slice() {
        [] => "anonymous".to_string(),
        [one] => slug(one),
        _ => "several".to_string(),
    };
    format!("{date}-{who}.toml")
}

fn slug(s: &str) -> String {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "reviewer".to_string()
    } else {
        words.join("-")
    }
}

/// The problems of the review files under `reviews/`: comments and edits whose article no
/// longer exists, or whose paragraph is past the article's end (warnings: the review stays
/// readable). Returns the diagnostics and the files' texts, for quoting.
pub fn check_reviews(
    root: &std::path::Path,
    law: &crate::model::Law,
) -> (Vec<crate::diagnostics::Diagnostic>, Vec<(String, String)>) {
    use crate::diagnostics::Diagnostic;
    use crate::model::{ClauseId, Origin};
    let dir = root.join("reviews");
    let mut diags = Vec::new();
    let mut texts = Vec::new();
    // Review files sit directly in reviews/; folders there hold proposed laws (review apply).
    let files = crate::load::files_under(&dir, |n| n.ends_with(".toml"));
    for path in files
        .into_iter()
        .filter(|p| p.parent() == Some(dir.as_path()))
    {
        let rel = format!("reviews/{}", crate::load::rel_path(&dir, &path));
        let text = match crate::load::read::read_text(&path, &rel) {
            Ok(t) => t,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let file: ReviewFile = match toml::from_str(&text) {
            Ok(f) => f,
            Err(e) => {
                let at = e.span().map_or(0, |s| s.start);
                diags.push(
                    Diagnostic::error(
                        "review",
                        &Origin::new(&rel, at),
                        format!("this review file cannot be read: {}", e.message()),
                    )
                    .with_hint(
                        "it is written by qanun review import; compare it with docs/docx.md",
                    ),
                );
                texts.push((rel, text));
                continue;
            }
        };
        let places = file
            .comments
            .iter()
            .map(|c| (c.clause.as_str(), c.paragraph))
            .chain(file.edits.iter().map(|e| (e.clause.as_str(), e.paragraph)));
        for (clause, paragraph) in places {
            let needle = format!("clause = \"{clause}\"");
            let at = text.find(&needle).map_or(0, |i| i + 9);
            let origin = Origin::new(&rel, at);
            match law.clauses.get(&ClauseId(clause.to_string())) {
                None => diags.push(
                    Diagnostic::warning("review-anchor", &origin, format!("the review refers to `{clause}`, which is no longer an article of the law"))
                        .with_len(clause.len() + 2)
                        .with_hint("the article was removed or renamed since the review: read the comment and move it by hand, or delete it once dealt with"),
                ),
                Some(c) => {
                    let most = c.text.values().map(|b| b.paragraphs.len()).max().unwrap_or(0);
                    if paragraph > most {
                        diags.push(
                            Diagnostic::warning("review-anchor", &origin, format!("the review refers to paragraph {paragraph} of `{clause}`, which now has {most}"))
                                .with_len(clause.len() + 2)
                                .with_hint("the article changed since the review: check where the comment belongs"),
                        );
                    }
                }
            }
        }
        texts.push((rel, text));
    }
    (diags, texts)
}

/// Every comment of the review files under `reviews/` (files that cannot be read are skipped:
/// `qanun check` reports them), with their dates cut to the day, in file order.
pub fn load_comments(root: &std::path::Path) -> Vec<ReviewComment> {
    let dir = root.join("reviews");
    let mut out = Vec::new();
    for path in crate::load::files_under(&dir, |n| n.ends_with(".toml"))
        .into_iter()
        .filter(|p| p.parent() == Some(dir.as_path()))
    {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if let Ok(file) = toml::from_str::<ReviewFile>(&text) {
            out.extend(file.comments.into_iter().map(|mut c| {
                c.date = c.date.chars().take(10).collect();
                c
            }));
        }
    }
    out
}

/// Applies a reviewer's edit of a paragraph's own line to its source text. `rendered` holds
/// the paragraph's pieces as the review copy showed them, `source` the same paragraph as the
/// clause file writes it, one inline per piece; `prefix` is what the copy put before the text
/// ("1- "). Returns the new source text, or why it cannot be applied safely (then the edit is
/// for a person to make).
pub fn apply_edit(
    edit: &ReviewEdit,
    prefix: &str,
    rendered: &[crate::variant::Piece],
    source: &[crate::model::Inline],
) -> Result<String, String> {
    use crate::model::Inline;
    use crate::variant::Piece;
    let mut old_lines = edit.old.split('\n');
    let mut new_lines = edit.new.split('\n');
    let (old_line, new_line) = (
        old_lines.next().unwrap_or(""),
        new_lines.next().unwrap_or(""),
    );
    if old_lines.ne(new_lines) {
        return Err("its points changed: make that change in the clause file by hand".to_string());
    }
    let (Some(old_body), Some(new_body)) =
        (old_line.strip_prefix(prefix), new_line.strip_prefix(prefix))
    else {
        return Err(
            "its number changed: renumbering is done in law/law.toml, not in the text".to_string(),
        );
    };
    if rendered.len() != source.len() || crate::variant::plain(rendered) != old_body {
        return Err("the paragraph no longer reads as in the review copy".to_string());
    }
    // Each character of the old text: its piece and its place in the piece.
    let mut owner: Vec<(usize, usize)> = Vec::new();
    for (k, p) in rendered.iter().enumerate() {
        owner.extend((0..p.text().chars().count()).map(|i| (k, i)));
    }
    let atomic = |k: usize| !matches!(rendered[k], Piece::Text(_));
    let src_chars: Vec<Vec<char>> = source
        .iter()
        .map(|i| match i {
            Inline::Text { text } => text.chars().collect(),
            _ => Vec::new(),
        })
        .collect();
    let source_form = |k: usize| crate::model::inlines_source(std::slice::from_ref(&source[k]));
    let diff = similar::TextDiff::from_chars(old_body, new_body);
    let mut out = String::new();
    let mut kept = vec![0usize; rendered.len()];
    let mut dropped = vec![0usize; rendered.len()];
    let mut pos = 0;
    for change in diff.iter_all_changes() {
        let value = change.value();
        match change.tag() {
            similar::ChangeTag::Insert => {
                if pos > 0
                    && pos < owner.len()
                    && owner[pos - 1].0 == owner[pos].0
                    && atomic(owner[pos].0)
                {
                    return Err(
                        "the change falls inside a reference or a country's term: make it by hand"
                            .to_string(),
                    );
                }
                out.push_str(value);
            }
            similar::ChangeTag::Equal | similar::ChangeTag::Delete => {
                for _ in value.chars() {
                    let Some(&(k, i)) = owner.get(pos) else {
                        return Err(
                            "the paragraph no longer reads as in the review copy".to_string()
                        );
                    };
                    let equal = change.tag() == similar::ChangeTag::Equal;
                    if atomic(k) {
                        if equal {
                            if kept[k] == 0 && dropped[k] == 0 {
                                out.push_str(&source_form(k));
                            }
                            kept[k] += 1;
                        } else {
                            dropped[k] += 1;
                        }
                    } else if equal {
                        // The source's own character: digits stay as the file writes them.
                        out.push(src_chars[k].get(i).copied().unwrap_or('\u{FFFD}'));
                    }
                    pos += 1;
                }
            }
        }
    }
    if (0..rendered.len()).any(|k| atomic(k) && kept[k] > 0 && dropped[k] > 0) {
        return Err(
            "the change cuts into a reference or a country's term: make it by hand".to_string(),
        );
    }
    Ok(out)
}
