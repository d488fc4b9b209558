//! Stage: diff display. The diff as a self-contained HTML redline: a change list linking to each
//! change, then each clause with its old and new text side by side (`<del>` in the old column,
//! `<ins>` in the new), Arabic right to left, and an inline redline.
//!
//! Pure: builds a string; no scripts, no external resources. Clause text is untrusted and every
//! piece of it is HTML-escaped.

use super::{
    article_label, kinds_label, main_changes, rename_note, renumbered_only, summary_line, two_sided,
};
use crate::diff::{Change, Kind, LawDiff, Op, Segment, SetChange};
use crate::model::Lang;
use std::fmt::Write;

const STYLE: &str = "
body{font-family:'Noto Naskh Arabic','Amiri','Segoe UI',Tahoma,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;line-height:1.6;color:#1b1b1b}
header{border-bottom:2px solid #444;margin-bottom:1rem}
nav ol{columns:2}
.kind{font-size:.85em;color:#555}
.flag{background:#fff3cd;border-left:4px solid #c00;padding:.3rem .6rem;font-weight:bold}
.stale{background:#eef;border-left:4px solid #448;padding:.3rem .6rem}
section.change{border-top:1px solid #ccc;padding-top:.5rem;margin-top:1.5rem}
aside.review{border-inline-start:3px solid #d4a017;background:#fffbea;padding:.3rem .8rem;margin:.5rem 0}
aside.review .who{color:#666;font-size:.85em}
.sbs{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.sbs>div,.inline{white-space:pre-wrap;border:1px solid #ddd;padding:.5rem;border-radius:4px}
.sbs .old{background:#fcfcfc}
.col{font-size:.8em;color:#666;margin:0}
del{background:#fdd;color:#900;text-decoration:line-through}
ins{background:#dfd;color:#060;text-decoration:underline}
.moved{color:#707}
[dir=rtl]{text-align:right}
";

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {
                let _ = write!(out, "&#xFFFD;");
            }
            c => out.push(c),
        }
    }
    out
}

/// `lang="ar" dir="rtl"` for a language.
fn lang_attrs(lang: Lang) -> String {
    if lang.is_rtl() {
        format!("lang=\"{lang}\" dir=\"rtl\"")
    } else {
        format!("lang=\"{lang}\" dir=\"ltr\"")
    }
}

/// Renders the whole document.
pub fn render(diff: &LawDiff) -> String {
    let mut s = String::new();
    let title = format!("Redline: {} → {}", diff.old, diff.new);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    header(diff, &mut s);
    if diff.has_changes() {
        change_list(diff, &mut s);
        s.push_str("<main>\n");
        for c in main_changes(diff) {
            change(c, &diff.comments, &mut s);
        }
        renumbered(diff, &mut s);
        s.push_str("</main>\n");
    } else {
        s.push_str("<p>No differences.</p>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

fn header(diff: &LawDiff, s: &mut String) {
    s.push_str("<header>\n<h1>Redline</h1>\n<dl>\n");
    let _ = writeln!(s, "<dt>Old</dt><dd>{}</dd>", escape(&diff.old));
    let _ = writeln!(s, "<dt>New</dt><dd>{}</dd>", escape(&diff.new));
    if let Some(c) = &diff.country {
        let _ = writeln!(s, "<dt>Country</dt><dd>{}</dd>", escape(c));
    }
    let _ = writeln!(
        s,
        "<dt>Summary</dt><dd>{}</dd>\n</dl>\n</header>",
        escape(&summary_line(&diff.summary))
    );
}

fn change_list(diff: &LawDiff, s: &mut String) {
    s.push_str("<nav>\n<h2>Changes</h2>\n<ol>\n");
    for c in main_changes(diff) {
        let flag = if c.status_changed() {
            " <span class=\"flag\">status changed</span>"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "<li><a href=\"#{}\">{} · {}</a> <span class=\"kind\">{}</span>{flag}</li>",
            escape(&c.anchor()),
            escape(&article_label(c)),
            escape(c.id.as_str()),
            escape(&kinds_label(c))
        );
    }
    if renumbered_only(diff).next().is_some() {
        s.push_str("<li><a href=\"#renumbered\">Renumbered only</a></li>\n");
    }
    s.push_str("</ol>\n</nav>\n");
}

fn change(c: &Change, comments: &[crate::review::ReviewComment], s: &mut String) {
    let _ = writeln!(
        s,
        "<section class=\"change\" id=\"{}\">\n<h2>{} · {} <span class=\"kind\">{}</span></h2>",
        escape(&c.anchor()),
        escape(&article_label(c)),
        escape(c.id.as_str()),
        escape(&kinds_label(c))
    );
    for (lang, t) in &c.title {
        let _ = writeln!(
            s,
            "<p {}><strong>{}</strong></p>",
            lang_attrs(*lang),
            escape(t)
        );
    }
    front(c, s);
    for r in comments.iter().filter(|r| r.clause == c.id.as_str()) {
        let _ = writeln!(
            s,
            "<aside class=\"review\"><span class=\"who\">{} · <bdi dir=\"ltr\">{}</bdi></span> {}</aside>",
            escape(&r.author),
            escape(&r.date),
            escape(&r.text)
        );
    }
    for (lang, segs) in &c.text {
        let _ = writeln!(s, "<h3>{} ({lang})</h3>", escape(lang.native_name()));
        if two_sided(c) {
            side_by_side(*lang, segs, s);
        } else {
            let _ = writeln!(
                s,
                "<div class=\"inline\" {}>{}</div>",
                lang_attrs(*lang),
                marked(segs, None)
            );
        }
    }
    s.push_str("</section>\n");
}

fn front(c: &Change, s: &mut String) {
    if let Some(st) = &c.status {
        let _ = writeln!(
            s,
            "<p class=\"flag\">⚠ Status changed: {} → {}</p>",
            st.old.as_str(),
            st.new.as_str()
        );
    }
    if !c.stale_translations.is_empty() {
        let langs: Vec<&str> = c.stale_translations.iter().map(|l| l.code()).collect();
        let _ = writeln!(
            s,
            "<p class=\"stale\">Translation may be stale: {}</p>",
            langs.join(", ")
        );
    }
    let mut items = Vec::new();
    if let Some(note) = rename_note(c) {
        items.push(format!("Renamed: {}", escape(&note)));
    }
    if let Some(ch) = &c.chapter {
        items.push(format!(
            "<span class=\"moved\">Moved: chapter {} → {}</span>",
            escape(&ch.old),
            escape(&ch.new)
        ));
    } else if c.has(Kind::Moved) {
        items.push(
            "<span class=\"moved\">Moved: its place among the other articles changed</span>"
                .to_string(),
        );
    }
    for (lang, t) in &c.titles {
        items.push(format!(
            "Title ({lang}): <span {}><del>{}</del> <ins>{}</ins></span>",
            lang_attrs(*lang),
            escape(t.old.as_deref().unwrap_or("")),
            escape(t.new.as_deref().unwrap_or(""))
        ));
    }
    set_item("Tags", &c.tags, &mut items);
    set_item("Instruments", &c.instruments, &mut items);
    if !items.is_empty() {
        s.push_str("<ul>\n");
        for i in items {
            let _ = writeln!(s, "<li>{i}</li>");
        }
        s.push_str("</ul>\n");
    }
}

fn set_item(name: &str, set: &SetChange, items: &mut Vec<String>) {
    if set.is_empty() {
        return;
    }
    let parts = set.marked(
        |a| format!("<ins>{}</ins>", escape(a)),
        |r| format!("<del>{}</del>", escape(r)),
    );
    items.push(format!("{name}: {parts}"));
}

/// The old text (deletions marked) beside the new (insertions marked), then the inline redline.
fn side_by_side(lang: Lang, segs: &[Segment], s: &mut String) {
    let attrs = lang_attrs(lang);
    let _ = writeln!(
        s,
        "<div class=\"sbs\">\n<div class=\"old\" {attrs}><p class=\"col\">old</p>{}</div>\n\
         <div class=\"new\" {attrs}><p class=\"col\">new</p>{}</div>\n</div>",
        marked(segs, Some(Op::Insert)),
        marked(segs, Some(Op::Delete))
    );
    let _ = writeln!(
        s,
        "<details><summary>inline redline</summary><div class=\"inline\" {attrs}>{}</div></details>",
        marked(segs, None)
    );
}

/// The segments as HTML, leaving out those with the op `skip`.
fn marked(segs: &[Segment], skip: Option<Op>) -> String {
    let mut out = String::new();
    for seg in segs.iter().filter(|g| Some(g.op) != skip) {
        let t = escape(&seg.text);
        match seg.op {
            Op::Equal => out.push_str(&t),
            Op::Insert => {
                let _ = write!(out, "<ins>{t}</ins>");
            }
            Op::Delete => {
                let _ = write!(out, "<del>{t}</del>");
            }
        }
    }
    out
}

fn renumbered(diff: &LawDiff, s: &mut String) {
    let list: Vec<&Change> = renumbered_only(diff).collect();
    if list.is_empty() {
        return;
    }
    s.push_str(
        "<section id=\"renumbered\">\n<h2>Renumbered only</h2>\n\
         <p>These articles did not change; their numbers changed because articles before them \
         were added or removed.</p>\n<ul>\n",
    );
    for c in list {
        let _ = writeln!(
            s,
            "<li>{} ({})</li>",
            escape(c.id.as_str()),
            escape(&article_label(c))
        );
    }
    s.push_str("</ul>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_clause_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a\u{1b}[31m"), "a&#xFFFD;[31m");
    }
}
