//! Stage: diff display. The diff as terminal text: one block per changed clause, word changes
//! inline. With colour, insertions, deletions, moves and status changes are styled (anstyle);
//! without, they read `{+inserted+}`, `[-deleted-]`, `>` and `!!`.
//!
//! Pure: builds a string. Control characters in clause text are shown escaped, so a clause can
//! never send codes to the terminal.

use super::{
    DisplayOptions, article_label, kinds_label, main_changes, rename_note, renumbered_only,
};
use crate::diff::{Change, Kind, LawDiff, Op, Segment, SetChange};
use anstyle::{AnsiColor, Effects, Style};
use std::borrow::Cow;

struct Styles {
    ins: Style,
    del: Style,
    moved: Style,
    flag: Style,
    head: Style,
    dim: Style,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            ins: AnsiColor::Green.on_default().effects(Effects::UNDERLINE),
            del: AnsiColor::Red.on_default().effects(Effects::STRIKETHROUGH),
            moved: AnsiColor::Magenta.on_default().effects(Effects::BOLD),
            flag: AnsiColor::Yellow.on_default().effects(Effects::BOLD),
            head: Style::new().effects(Effects::BOLD),
            dim: Style::new().effects(Effects::DIMMED),
        }
    }
}

/// A string being written, with or without colour.
struct Out {
    s: String,
    color: bool,
    st: Styles,
}

impl Out {
    fn push(&mut self, text: &str) {
        self.s.push_str(&clean(text));
    }

    /// Writes `text` in `style`; the style is closed at each line end.
    fn paint(&mut self, style: Style, text: &str) {
        let text = clean(text);
        if !self.color {
            self.s.push_str(&text);
            return;
        }
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.s.push('\n');
            }
            if !line.is_empty() {
                self.s.push_str(&format!("{style}{line}{style:#}"));
            }
        }
    }

    /// An insertion or deletion: styled with colour, between markers without.
    fn change(&mut self, op: Op, text: &str) {
        let (style, open, close) = match op {
            Op::Insert => (self.st.ins, "{+", "+}"),
            Op::Delete => (self.st.del, "[-", "-]"),
            Op::Equal => {
                self.push(text);
                return;
            }
        };
        if self.color {
            self.paint(style, text);
        } else {
            self.s.push_str(open);
            self.push(text);
            self.s.push_str(close);
        }
    }

    fn line(&mut self, text: &str) {
        self.push(text);
        self.s.push('\n');
    }
}

/// Control characters (other than newline and tab) and direction controls, escaped.
fn clean(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && c != '\n' && c != '\t') || crate::text::bidi::is_bidi_control(c)
    };
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if bad(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Renders the whole diff.
pub fn render(diff: &LawDiff, opts: &DisplayOptions) -> String {
    let mut out = Out {
        s: String::new(),
        color: opts.color,
        st: Styles::new(),
    };
    header(diff, &mut out);
    for c in main_changes(diff) {
        change(c, opts.context, &mut out);
    }
    renumbered(diff, &mut out);
    out.s
}

fn header(diff: &LawDiff, out: &mut Out) {
    let head = out.st.head;
    out.paint(head, "qanun diff");
    out.s.push('\n');
    out.line(&format!("  old: {}", diff.old));
    out.line(&format!("  new: {}", diff.new));
    if let Some(c) = &diff.country {
        out.line(&format!("  country: {c}"));
    }
    out.line(&format!("summary: {}", super::summary_line(&diff.summary)));
    if !diff.has_changes() {
        out.line("no differences");
    }
}

fn change(c: &Change, context: usize, out: &mut Out) {
    out.s.push('\n');
    let (mark, style) = if c.has(Kind::Added) {
        ("+", out.st.ins)
    } else if c.has(Kind::Removed) {
        ("-", out.st.del)
    } else if c.has(Kind::Moved) {
        (">", out.st.moved)
    } else {
        ("~", out.st.head)
    };
    let title = c
        .title
        .values()
        .next()
        .map_or(String::new(), |t| format!(" · {t}"));
    out.paint(
        style,
        &format!(
            "{mark} {} · {}{title} · {}",
            article_label(c),
            c.id,
            kinds_label(c)
        ),
    );
    out.s.push('\n');
    front(c, out);
    for (lang, segs) in &c.text {
        out.line(&format!("  {lang}:"));
        let mut body = Out {
            s: String::new(),
            color: out.color,
            st: Styles::new(),
        };
        segments(segs, context, &mut body);
        for l in body.s.split('\n') {
            out.s.push_str("    ");
            out.s.push_str(l);
            out.s.push('\n');
        }
    }
}

/// Rename, move, status, titles, tags, instruments and stale translations.
fn front(c: &Change, out: &mut Out) {
    if let Some(note) = rename_note(c) {
        out.line(&format!("  renamed: {note}"));
    }
    if let Some(ch) = &c.chapter {
        let moved = out.st.moved;
        out.s.push_str("  ");
        out.paint(moved, &format!("> moved: chapter {} → {}", ch.old, ch.new));
        out.s.push('\n');
    } else if c.has(Kind::Moved) {
        let moved = out.st.moved;
        out.s.push_str("  ");
        out.paint(moved, "> moved: its place among the other articles changed");
        out.s.push('\n');
    }
    if let Some(s) = &c.status {
        let flag = out.st.flag;
        out.s.push_str("  ");
        out.paint(
            flag,
            &format!(
                "!! status changed: {} → {} !!",
                s.old.as_str(),
                s.new.as_str()
            ),
        );
        out.s.push('\n');
    }
    for (lang, t) in &c.titles {
        out.push(&format!("  title.{lang}: "));
        out.change(Op::Delete, t.old.as_deref().unwrap_or(""));
        out.push(" ");
        out.change(Op::Insert, t.new.as_deref().unwrap_or(""));
        out.s.push('\n');
    }
    set_line("tags", &c.tags, out);
    set_line("instruments", &c.instruments, out);
    if !c.stale_translations.is_empty() {
        let langs: Vec<&str> = c.stale_translations.iter().map(|l| l.code()).collect();
        let flag = out.st.flag;
        out.s.push_str("  ");
        out.paint(
            flag,
            &format!("translation may be stale: {}", langs.join(", ")),
        );
        out.s.push('\n');
    }
}

fn set_line(name: &str, set: &SetChange, out: &mut Out) {
    if set.is_empty() {
        return;
    }
    out.push(&format!("  {name}:"));
    for a in &set.added {
        out.push(" ");
        out.change(Op::Insert, a);
    }
    for r in &set.removed {
        out.push(" ");
        out.change(Op::Delete, r);
    }
    out.s.push('\n');
}

/// Clauses whose only change is their number, on one line each.
fn renumbered(diff: &LawDiff, out: &mut Out) {
    let mut any = false;
    for c in renumbered_only(diff) {
        if !any {
            out.s.push('\n');
            out.line("renumbered only (articles before them were added or removed):");
            any = true;
        }
        out.line(&format!("  # {} · {}", article_label(c), c.id));
    }
}

/// Word changes with at most `context` unchanged words kept on each side of a change.
fn segments(segs: &[Segment], context: usize, out: &mut Out) {
    let last = segs.len().saturating_sub(1);
    for (i, s) in segs.iter().enumerate() {
        match s.op {
            Op::Equal => {
                let kept = elide(&s.text, context, i == 0, i == last);
                let dim = out.st.dim;
                match kept {
                    Elided::Whole => out.push(&s.text),
                    Elided::Parts(head, tail) => {
                        out.push(head);
                        if !head.is_empty() {
                            out.s.push(' ');
                        }
                        out.paint(dim, "…");
                        out.push(tail);
                    }
                }
            }
            op => out.change(op, &s.text),
        }
    }
}

enum Elided<'a> {
    Whole,
    /// What is kept before and after the "…".
    Parts(&'a str, &'a str),
}

/// Which part of an unchanged run to keep: `n` words after the change before it (unless it is
/// the first run) and `n` words before the change after it (unless it is the last). A word here
/// is a run of non-space characters, so a reference `[[id]]` is never cut.
fn elide(text: &str, n: usize, first: bool, last: bool) -> Elided<'_> {
    if first && last {
        return Elided::Whole;
    }
    let words = word_spans(text);
    let keep_head = if first { 0 } else { n };
    let keep_tail = if last { 0 } else { n };
    if words.len() <= keep_head + keep_tail + 1 {
        return Elided::Whole;
    }
    let head_end = match keep_head {
        0 => 0,
        k => words[k - 1].1,
    };
    let tail_start = match keep_tail {
        0 => text.len(),
        // Keep the space before the first kept word.
        k => words[words.len() - k - 1].1,
    };
    match (text.get(..head_end), text.get(tail_start..)) {
        (Some(h), Some(t)) if head_end <= tail_start => Elided::Parts(h, t),
        _ => Elided::Whole,
    }
}

/// Byte ranges (start, end) of the runs of non-space characters.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, n: usize, first: bool, last: bool) -> String {
        match elide(text, n, first, last) {
            Elided::Whole => text.to_string(),
            Elided::Parts(h, t) => format!("{h}|{t}"),
        }
    }

    #[test]
    fn unchanged_runs_keep_whole_words_around_changes() {
        let t = "one two [[three-x]] four five six ";
        assert_eq!(shown(t, 2, false, false), "one two| five six ");
        assert_eq!(shown(t, 2, true, false), "| five six ");
        assert_eq!(shown(t, 2, false, true), "one two|");
        assert_eq!(shown("a b c", 1, false, false), "a b c");
        assert_eq!(shown("x", 0, true, true), "x");
    }

    #[test]
    fn terminal_codes_in_clause_text_are_escaped() {
        assert_eq!(clean("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(clean("سطر\nline\tx"), "سطر\nline\tx");
    }
}
