//! Stage: diff display. Renders a computed [`LawDiff`] as coloured text, a Markdown or HTML
//! redline, or JSON.
//!
//! Pure: returns strings; never recomputes the diff, never writes files. Clause text is untrusted
//! and every format escapes it (no markup, no terminal control codes get through).

mod html;
mod json;
mod md;
mod text;
mod typ;

use super::{Change, Kind, LawDiff, Summary};

/// A text output format of `qanun diff` (PDF goes through the Typst engine, not here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Md,
    Html,
    Json,
    /// Typst source of the PDF redline.
    Typ,
}

/// How to show a diff.
#[derive(Debug, Clone, Copy)]
pub struct DisplayOptions {
    /// Colour the text output with ANSI styles (decided by the command from --color, NO_COLOR
    /// and whether stdout is a terminal).
    pub color: bool,
    /// Unchanged words kept on each side of a change in the text output.
    pub context: usize,
}

impl Default for DisplayOptions {
    fn default() -> Self {
        DisplayOptions {
            color: false,
            context: 8,
        }
    }
}

/// Renders `diff` in `format`.
pub fn render(diff: &LawDiff, format: Format, opts: &DisplayOptions) -> String {
    match format {
        Format::Text => text::render(diff, opts),
        Format::Md => md::render(diff),
        Format::Html => html::render(diff),
        Format::Json => json::render(diff),
        Format::Typ => typ::render(diff),
    }
}

/// "Article 4", "Article 4 → 5", "new Article 7", "old Article 9".
fn article_label(c: &Change) -> String {
    match (&c.old_number, &c.new_number) {
        (Some(o), Some(n)) if o == n => format!("Article {n}"),
        (Some(o), Some(n)) => format!("Article {o} → {n}"),
        (None, Some(n)) => format!("new Article {n}"),
        (Some(o), None) => format!("old Article {o}"),
        (None, None) => "Article".to_string(),
    }
}

/// "modified, moved".
fn kinds_label(c: &Change) -> String {
    c.kinds
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "2 added, 1 removed, …" (every count, zeros included, so the line reads the same each time).
fn summary_line(s: &Summary) -> String {
    format!(
        "{} added, {} removed, {} modified, {} renamed, {} moved, {} renumbered, {} unchanged",
        s.added, s.removed, s.modified, s.renamed, s.moved, s.renumbered, s.unchanged
    )
}

/// "92%".
fn percent(similarity: f64) -> String {
    format!("{:.0}%", similarity * 100.0)
}

/// The changes shown in full (renumbered-only clauses are listed together instead).
fn main_changes(diff: &LawDiff) -> impl Iterator<Item = &Change> {
    diff.changes.iter().filter(|c| !c.renumbered_only())
}

/// Clauses whose only change is their number.
fn renumbered_only(diff: &LawDiff) -> impl Iterator<Item = &Change> {
    diff.changes.iter().filter(|c| c.renumbered_only())
}

/// The rename note: "was `old-id`, 92% similar".
fn rename_note(c: &Change) -> Option<String> {
    let old = c.old_id.as_ref()?;
    Some(match c.similarity {
        Some(s) => format!("was {old}, {} similar", percent(s)),
        None => format!("was {old}"),
    })
}

/// Whether a change is shown with its old and new text side by side (it has both).
fn two_sided(c: &Change) -> bool {
    !c.has(Kind::Added) && !c.has(Kind::Removed)
}
