//! Stage: diff display. The diff as Typst source for the PDF redline: summary, change list,
//! then each change with struck-out deletions and underlined insertions, Arabic right to left.
//!
//! Pure: builds a string. Clause text is untrusted: every piece goes through
//! [`crate::pdf::escape_typst`], so it is shown literally and never runs as Typst code.

use super::{article_label, kinds_label, main_changes, rename_note, renumbered_only, summary_line};
use crate::diff::{Change, Kind, LawDiff, Op, Segment, SetChange};
use crate::model::Lang;
use crate::pdf::escape_typst as esc;
use std::fmt::Write;

const SETUP: &str = r##"#set page(paper: "a4", margin: (x: 2cm, y: 2.2cm), numbering: "1 / 1", number-align: center)
#set text(font: "Amiri", size: 11pt, lang: "en")
#set par(justify: false, leading: 0.85em)
#let ins(body) = underline(text(fill: rgb("#1a6b2f"), body))
#let del(body) = strike(text(fill: rgb("#b3261e"), body))
"##;

/// Renders the whole diff as a Typst document.
pub fn render(diff: &LawDiff) -> String {
    let mut s = String::from(SETUP);
    let _ = writeln!(s, "\n= Redline\n");
    let _ = writeln!(s, "- Old: {}", esc(&diff.old));
    let _ = writeln!(s, "- New: {}", esc(&diff.new));
    if let Some(c) = &diff.country {
        let _ = writeln!(s, "- Country: {}", esc(c));
    }
    let _ = writeln!(s, "- Summary: {}\n", esc(&summary_line(&diff.summary)));
    if !diff.has_changes() {
        s.push_str("No differences.\n");
        return for_embedded_font(&s);
    }
    s.push_str("== Changes\n\n");
    for c in main_changes(diff) {
        let flag = if c.status_changed() {
            " — *status changed*"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "+ {} · {} — {}{flag}",
            esc(&article_label(c)),
            esc(c.id.as_str()),
            esc(&kinds_label(c))
        );
    }
    for c in main_changes(diff) {
        change(c, &mut s);
    }
    let renumbered: Vec<String> = renumbered_only(diff)
        .map(|c| format!("- {} ({})", esc(c.id.as_str()), esc(&article_label(c))))
        .collect();
    if !renumbered.is_empty() {
        s.push_str("\n== Renumbered only\n\n");
        s.push_str(&renumbered.join("\n"));
        s.push('\n');
    }
    for_embedded_font(&s)
}

/// The embedded Amiri has no arrow or warning sign, and the engine refuses missing glyphs:
/// the labels shared with the other displays use "»" here instead.
fn for_embedded_font(s: &str) -> String {
    s.replace('→', "»").replace("⚠ ", "")
}

fn change(c: &Change, s: &mut String) {
    let _ = writeln!(
        s,
        "\n== {} · {}\n",
        esc(&article_label(c)),
        esc(c.id.as_str())
    );
    if let Some((lang, t)) = c.title.iter().next() {
        let _ = writeln!(s, "{}\n", block(*lang, &format!("*{}*", esc(t))));
    }
    let _ = writeln!(s, "- Kind: {}", esc(&kinds_label(c)));
    if let Some(st) = &c.status {
        let _ = writeln!(
            s,
            "- *⚠ Status changed: {} → {}*",
            st.old.as_str(),
            st.new.as_str()
        );
    }
    if let Some(note) = rename_note(c) {
        let _ = writeln!(s, "- Renamed: {}", esc(&note));
    }
    if let Some(ch) = &c.chapter {
        let _ = writeln!(s, "- Moved: chapter {} → {}", esc(&ch.old), esc(&ch.new));
    } else if c.has(Kind::Moved) {
        s.push_str("- Moved: its place among the other articles changed\n");
    }
    for (lang, t) in &c.titles {
        let old = esc(t.old.as_deref().unwrap_or(""));
        let new = esc(t.new.as_deref().unwrap_or(""));
        let _ = writeln!(
            s,
            "- Title ({lang}): {}",
            block(*lang, &format!("#del[{old}] → #ins[{new}]"))
        );
    }
    set_line("Tags", &c.tags, s);
    set_line("Instruments", &c.instruments, s);
    if !c.stale_translations.is_empty() {
        let langs: Vec<&str> = c.stale_translations.iter().map(|l| l.code()).collect();
        let _ = writeln!(s, "- *Translation may be stale: {}*", langs.join(", "));
    }
    for (lang, segs) in &c.text {
        let _ = writeln!(s, "\n=== {} ({lang})\n", lang.native_name());
        let _ = writeln!(s, "{}", block(*lang, &segments(segs)));
    }
}

fn set_line(name: &str, set: &SetChange, s: &mut String) {
    if set.is_empty() {
        return;
    }
    let parts = set.marked(
        |a| format!("#ins[{}]", esc(a)),
        |r| format!("#del[{}]", esc(r)),
    );
    let _ = writeln!(s, "- {name}: {parts}");
}

/// Content in the language's direction.
fn block(lang: Lang, inner: &str) -> String {
    let dir = lang.dir();
    format!(
        "#block(width: 100%)[#set text(lang: \"{}\", dir: {dir})\n{inner}]",
        lang.code()
    )
}

/// Segments with struck-out deletions and underlined insertions; line breaks kept.
fn segments(segs: &[Segment]) -> String {
    let mut out = String::new();
    for seg in segs {
        for (i, line) in seg.text.split('\n').enumerate() {
            if i > 0 {
                out.push_str(" \\\n");
            }
            if line.is_empty() {
                continue;
            }
            match seg.op {
                Op::Equal => out.push_str(&esc(line)),
                Op::Insert => {
                    let _ = write!(out, "#ins[{}]", esc(line));
                }
                Op::Delete => {
                    let _ = write!(out, "#del[{}]", esc(line));
                }
            }
        }
    }
    out
}
