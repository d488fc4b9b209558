//! Stage: diff display. The diff as a Markdown redline: summary, a change list linking to each
//! change, then each clause with `<del>`/`<ins>` marks, Arabic in right-to-left blocks.
//!
//! Pure: builds a string. Clause text is untrusted: every character Markdown or HTML could read
//! as markup is escaped, so `*x*`, `<script>` or `[a](b)` stay text.

use super::{article_label, kinds_label, main_changes, rename_note, renumbered_only, summary_line};
use crate::diff::{Change, Kind, LawDiff, Op, Segment, SetChange};
use crate::model::Lang;
use std::fmt::Write;

/// Escapes text for Markdown: the punctuation Markdown reads as markup gets a backslash, `<`,
/// `>`, `&` become entities, and newlines become hard breaks.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\\n"),
            c if "\\`*_{}[]()#+-.!|~".contains(c) => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() && c != '\t' => {
                let _ = write!(out, "&#x{:X};", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Renders the whole diff.
pub fn render(diff: &LawDiff) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Redline\n");
    let _ = writeln!(s, "- Old: {}", escape(&diff.old));
    let _ = writeln!(s, "- New: {}", escape(&diff.new));
    if let Some(c) = &diff.country {
        let _ = writeln!(s, "- Country: {}", escape(c));
    }
    let _ = writeln!(s, "- Summary: {}\n", summary_line(&diff.summary));
    if !diff.has_changes() {
        s.push_str("No differences.\n");
        return s;
    }
    change_list(diff, &mut s);
    for c in main_changes(diff) {
        change(c, &mut s);
    }
    renumbered(diff, &mut s);
    s
}

fn change_list(diff: &LawDiff, s: &mut String) {
    s.push_str("## Changes\n\n");
    for c in main_changes(diff) {
        let flag = if c.status_changed() {
            " — **status changed**"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "1. [{} · {}](#{}) — {}{flag}",
            escape(&article_label(c)),
            escape(c.id.as_str()),
            c.anchor(),
            kinds_label(c)
        );
    }
    if renumbered_only(diff).next().is_some() {
        s.push_str("1. [Renumbered only](#renumbered)\n");
    }
    s.push('\n');
}

fn change(c: &Change, s: &mut String) {
    let _ = writeln!(
        s,
        "## <a id=\"{}\"></a>{} · {}\n",
        c.anchor(),
        escape(&article_label(c)),
        escape(c.id.as_str())
    );
    if let Some((lang, t)) = c.title.iter().next() {
        let _ = writeln!(s, "{}\n", block(*lang, &format!("**{}**", escape(t))));
    }
    let _ = writeln!(s, "- Kind: {}", kinds_label(c));
    if let Some(st) = &c.status {
        let _ = writeln!(
            s,
            "- **⚠ Status changed: {} → {}**",
            st.old.as_str(),
            st.new.as_str()
        );
    }
    if let Some(note) = rename_note(c) {
        let _ = writeln!(s, "- Renamed: {}", escape(&note));
    }
    if let Some(ch) = &c.chapter {
        let _ = writeln!(
            s,
            "- Moved: chapter {} → {}",
            escape(&ch.old),
            escape(&ch.new)
        );
    } else if c.has(Kind::Moved) {
        s.push_str("- Moved: its place among the other articles changed\n");
    }
    for (lang, t) in &c.titles {
        let _ = writeln!(
            s,
            "- Title ({lang}): <del>{}</del> → <ins>{}</ins>",
            escape(t.old.as_deref().unwrap_or("")),
            escape(t.new.as_deref().unwrap_or(""))
        );
    }
    set_line("Tags", &c.tags, s);
    set_line("Instruments", &c.instruments, s);
    if !c.stale_translations.is_empty() {
        let langs: Vec<&str> = c.stale_translations.iter().map(|l| l.code()).collect();
        let _ = writeln!(s, "- **Translation may be stale: {}**", langs.join(", "));
    }
    s.push('\n');
    for (lang, segs) in &c.text {
        let _ = writeln!(s, "### {} ({lang})\n", lang.native_name());
        let _ = writeln!(s, "{}\n", block(*lang, &segments(segs)));
    }
}

fn set_line(name: &str, set: &SetChange, s: &mut String) {
    if set.is_empty() {
        return;
    }
    let parts = set.marked(
        |a| format!("<ins>{}</ins>", escape(a)),
        |r| format!("<del>{}</del>", escape(r)),
    );
    let _ = writeln!(s, "- {name}: {parts}");
}

/// A block in the language's direction (the blank lines let Markdown inside the `<div>`).
fn block(lang: Lang, inner: &str) -> String {
    let dir = if lang.is_rtl() { " dir=\"rtl\"" } else { "" };
    format!("<div lang=\"{lang}\"{dir}>\n\n{inner}\n\n</div>")
}

/// Segments with `<del>`/`<ins>` marks, opened and closed on each line, and the indentation of
/// points kept visible.
fn segments(segs: &[Segment]) -> String {
    let mut out = String::new();
    let mut at_line_start = true;
    for seg in segs {
        for (i, line) in seg.text.split('\n').enumerate() {
            if i > 0 {
                out.push_str("\\\n");
                at_line_start = true;
            }
            let line = if at_line_start {
                let trimmed = line.trim_start_matches(' ');
                out.push_str(&"&nbsp;".repeat(line.len() - trimmed.len()));
                trimmed
            } else {
                line
            };
            if line.is_empty() {
                continue;
            }
            at_line_start = false;
            match seg.op {
                Op::Equal => out.push_str(&escape(line)),
                Op::Insert => {
                    let _ = write!(out, "<ins>{}</ins>", escape(line));
                }
                Op::Delete => {
                    let _ = write!(out, "<del>{}</del>", escape(line));
                }
            }
        }
    }
    out
}

fn renumbered(diff: &LawDiff, s: &mut String) {
    let list: Vec<String> = renumbered_only(diff)
        .map(|c| {
            format!(
                "- {} ({})",
                escape(c.id.as_str()),
                escape(&article_label(c))
            )
        })
        .collect();
    if list.is_empty() {
        return;
    }
    s.push_str("## <a id=\"renumbered\"></a>Renumbered only\n\n");
    s.push_str("These articles did not change; their numbers changed because articles before them were added or removed.\n\n");
    for l in list {
        s.push_str(&l);
        s.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_clause_text_stays_text() {
        assert_eq!(escape("*x*"), "\\*x\\*");
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"
        );
        assert_eq!(
            escape(r#"#read("/etc/passwd")"#),
            r#"\#read\("/etc/passwd"\)"#
        );
        assert_eq!(escape("نص، عربي"), "نص، عربي");
    }
}
