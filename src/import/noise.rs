//! Import stage, noise: finds what PDF extraction and copy-paste leave in a law's text (page
//! numbers, running headers, reversed lam-alef, invisible characters, presentation forms,
//! indentation, markers glued to a line's end, broken lines). It repairs them only when asked,
//! and then reports every line it changed; otherwise it only reports and keeps the text.

use super::marker::{Ctx, inline_markers, line_heading, line_marker};
use super::number::ArticleNumber;
use super::{ImportNote, NoteKind, Repair};
use crate::text::bidi::is_forbidden;
use crate::text::normalize::{is_page_number_line, normalize_for_matching, repair_lam_alef};
use std::collections::BTreeMap;
use unicode_normalization::char::decompose_compatible;

/// One line of the law's text with its 1-based line number in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub no: usize,
    pub text: String,
}

impl Line {
    /// True when the line holds only whitespace.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Splits the input into numbered lines, trimming whitespace at line ends (CR included) and
/// the form feed that `pdftotext` puts before each page's first line: a page break is the
/// layout of the PDF, not text of the law.
pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| Line {
            no: i + 1,
            text: l.trim_start_matches('\u{c}').trim_end().to_string(),
        })
        .collect()
}

/// The lines after cleaning, with the repairs done and the notes about noise left in place.
pub(crate) struct Cleaned {
    pub lines: Vec<Line>,
    pub repairs: Vec<Repair>,
    pub notes: Vec<ImportNote>,
}

/// The kinds of noise found on single lines.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Noise {
    Forbidden,
    Presentation,
    LamAlef,
    Indent,
    PageNumber,
    RunningHeader,
}

impl Noise {
    fn kind(self) -> NoteKind {
        match self {
            Noise::Forbidden => NoteKind::ForbiddenChar,
            Noise::Presentation => NoteKind::PresentationForm,
            Noise::LamAlef => NoteKind::ReversedLamAlef,
            Noise::Indent => NoteKind::Indentation,
            Noise::PageNumber => NoteKind::PageNumber,
            Noise::RunningHeader => NoteKind::RunningHeader,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Noise::Forbidden => "bidi controls, invisible or control characters",
            Noise::Presentation => "Arabic presentation forms (glyph codes from a PDF)",
            Noise::LamAlef => "lam-alef extracted in the wrong order (االتجار for الاتجار)",
            Noise::Indent => "four or more leading spaces (Markdown would show a code block)",
            Noise::PageNumber => "only a page number",
            Noise::RunningHeader => "a running header repeated on many pages",
        }
    }

    fn fix(self) -> &'static str {
        match self {
            Noise::Forbidden => "removed bidi controls, invisible or control characters",
            Noise::Presentation => "replaced Arabic presentation forms by plain letters",
            Noise::LamAlef => "put reversed lam-alef pairs back in order",
            Noise::Indent => "removed the indentation",
            Noise::PageNumber => "dropped a page number",
            Noise::RunningHeader => "dropped a running header",
        }
    }
}

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

fn plain_letters(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_presentation_form(c) {
            decompose_compatible(c, |d| out.push(d));
        } else {
            out.push(c);
        }
    }
    out
}

/// The character-level problems of a line, and the line with them repaired.
fn char_noise(text: &str) -> (Vec<Noise>, String) {
    let mut found = Vec::new();
    let mut fixed = text.to_string();
    if fixed.chars().any(is_forbidden) {
        found.push(Noise::Forbidden);
        fixed = fixed.chars().filter(|c| !is_forbidden(*c)).collect();
    }
    if fixed.chars().any(is_presentation_form) {
        found.push(Noise::Presentation);
        fixed = plain_letters(&fixed);
    }
    let repaired = repair_lam_alef(&fixed);
    if repaired != fixed {
        found.push(Noise::LamAlef);
        fixed = repaired;
    }
    let indent = fixed
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .count();
    if indent >= 4 || fixed.starts_with('\t') {
        found.push(Noise::Indent);
        fixed = fixed.trim_start().to_string();
    }
    (found, fixed)
}

/// True when the line is an article marker or a heading (never noise).
fn is_structure(text: &str, ctx: &Ctx) -> bool {
    line_marker(text, ctx).is_some() || line_heading(text, ctx).is_some()
}

/// The key under which running headers repeat: normalised, every digit run replaced by #.
/// Lines that end a sentence are never headers (laws repeat whole sentences too).
fn header_key(text: &str) -> Option<String> {
    if text.chars().count() > 120 || ends_sentence(text) {
        return None;
    }
    let norm = normalize_for_matching(text);
    let mut key = String::new();
    let mut words = 0;
    for w in norm.split(' ').filter(|w| !w.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        if w.chars().all(|c| c.is_ascii_digit()) {
            key.push('#');
        } else {
            key.push_str(w);
            words += 1;
        }
    }
    (words >= 2).then_some(key)
}

/// The line numbers of running headers: lines (not markers or headings) whose key repeats.
fn running_headers(lines: &[Line], ctx: &Ctx) -> Vec<usize> {
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for line in lines.iter().filter(|l| !l.is_blank()) {
        if let Some(key) = header_key(&line.text)
            && !is_structure(&line.text, ctx)
        {
            by_key.entry(key).or_default().push(line.no);
        }
    }
    // A header with a number (issue, date, page) must repeat three times, one without five.
    let mut out: Vec<usize> = by_key
        .into_iter()
        .filter(|(key, v)| v.len() >= if key.contains('#') { 3 } else { 5 })
        .flat_map(|(_, v)| v)
        .collect();
    out.sort_unstable();
    out
}

/// Finds the noise of every line; with `repair`, fixes it and records each repaired line,
/// otherwise keeps the text and records one grouped note per kind of noise.
pub(crate) fn clean(lines: Vec<Line>, repair: bool, ctx: &Ctx) -> Cleaned {
    let mut found: BTreeMap<Noise, Vec<usize>> = BTreeMap::new();
    let mut repairs = Vec::new();
    let mut kept = Vec::with_capacity(lines.len());
    for line in lines {
        let (noise, fixed) = char_noise(&line.text);
        for n in &noise {
            found.entry(*n).or_default().push(line.no);
        }
        if repair && !noise.is_empty() {
            let what: Vec<&str> = noise.iter().map(|n| n.fix()).collect();
            repairs.push(Repair {
                line: line.no,
                message: what.join("; "),
            });
            kept.push(Line {
                no: line.no,
                text: fixed,
            });
        } else {
            kept.push(line);
        }
    }
    let pages: Vec<usize> = kept
        .iter()
        .filter(|l| is_page_number_line(&l.text) && !is_structure(&l.text, ctx))
        .map(|l| l.no)
        .collect();
    let headers = running_headers(&kept, ctx);
    for (noise, nos) in [(Noise::PageNumber, pages), (Noise::RunningHeader, headers)] {
        if nos.is_empty() {
            continue;
        }
        if repair {
            kept.retain(|l| {
                let drop = nos.contains(&l.no);
                if drop {
                    repairs.push(Repair {
                        line: l.no,
                        message: format!("{}: “{}”", noise.fix(), l.text.trim()),
                    });
                }
                !drop
            });
        }
        found.insert(noise, nos);
    }
    let notes = if repair {
        Vec::new()
    } else {
        grouped_notes(&found)
    };
    Cleaned {
        lines: kept,
        repairs,
        notes,
    }
}

/// "3, 40, 77 (and 12 more)"
pub(crate) fn line_list(nos: &[usize]) -> String {
    const SHOWN: usize = 8;
    let shown: Vec<String> = nos.iter().take(SHOWN).map(usize::to_string).collect();
    let mut s = shown.join(", ");
    if nos.len() > SHOWN {
        s.push_str(&format!(" (and {} more)", nos.len() - SHOWN));
    }
    s
}

fn grouped_notes(found: &BTreeMap<Noise, Vec<usize>>) -> Vec<ImportNote> {
    found
        .iter()
        .filter_map(|(noise, nos)| {
            let first = *nos.first()?;
            let lines = if nos.len() == 1 {
                "line holds"
            } else {
                "lines hold"
            };
            Some(ImportNote {
                line: first,
                kind: noise.kind(),
                message: format!(
                    "{} {lines} {}: {}",
                    nos.len(),
                    noise.describe(),
                    line_list(nos)
                ),
                hint: Some(
                    "the text was kept as it came; rerun with --repair to fix it".to_string(),
                ),
            })
        })
        .collect()
}

/// Splits lines where a marker for a missing article number is glued to the end of a sentence
/// ("… أعلاه.المادة 26"). Returns the new lines and one repair per split line.
pub(crate) fn split_glued(
    lines: &[Line],
    missing: &[ArticleNumber],
    ctx: &Ctx,
) -> (Vec<Line>, Vec<Repair>) {
    let mut out = Vec::with_capacity(lines.len());
    let mut repairs = Vec::new();
    for line in lines {
        let cut = inline_markers(&line.text, ctx)
            .into_iter()
            .find(|(m, glued)| *glued && m.strong && missing.contains(&m.number));
        let Some((m, _)) = cut else {
            out.push(line.clone());
            continue;
        };
        let (head, tail) = line.text.split_at(m.start.min(line.text.len()));
        out.push(Line {
            no: line.no,
            text: head.trim_end().to_string(),
        });
        out.push(Line {
            no: line.no,
            text: tail.to_string(),
        });
        repairs.push(Repair {
            line: line.no,
            message: format!("split the line before the glued marker “{}”", tail.trim()),
        });
    }
    (out, repairs)
}

/// Terminal punctuation: a line ending with one of these is not broken.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    t.is_empty()
        || t.ends_with([
            '.', ':', '؛', ';', '!', '?', '؟', '»', '”', ')', '-', '–', '—', '"', '،', ',',
        ])
}

/// True when a line starts a list item or a quoted paragraph: "1-", "أ)", "(ب)", "- ",
/// "•", "«", "أولاً".
pub(crate) fn starts_item(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with(['(', '[', '-', '–', '—', '•', '*', '«', '“', '"']) {
        return true;
    }
    let head: Vec<char> = t.chars().take(4).collect();
    let sep_at = head
        .iter()
        .position(|c| matches!(c, '.' | '-' | ')' | '–' | ':'));
    let short_then_sep = sep_at.is_some_and(|p| {
        p >= 1
            && head
                .iter()
                .take(p)
                .all(|c| c.is_numeric() || c.is_alphabetic())
    });
    let norm = normalize_for_matching(t);
    let first_word = norm.split(' ').next().unwrap_or("");
    const ORDINALS: &[&str] = &[
        "اولا",
        "ثانيا",
        "ثالثا",
        "رابعا",
        "خامسا",
        "سادسا",
        "سابعا",
        "ثامنا",
        "تاسعا",
        "عاشرا",
    ];
    short_then_sep || ORDINALS.contains(&first_word)
}

/// The typical width of a full line: the 90th percentile of non-blank line lengths, when the
/// text has enough lines to tell.
pub(crate) fn full_width(lines: &[Line]) -> Option<usize> {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.text.chars().count())
        .collect();
    if widths.len() < 8 {
        return None;
    }
    widths.sort_unstable();
    widths.get(widths.len() * 9 / 10).copied()
}

/// Joins lines that the PDF broke: a full-width line that does not end a sentence, followed
/// directly by a line that does not start a list item, becomes one line. Records a repair for
/// each joined line.
pub(crate) fn join_broken(lines: &mut Vec<Line>, width: usize, repairs: &mut Vec<Repair>) {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // The length of the previous input line: only a full-width line can have been broken.
    let mut last_len = 0;
    for line in lines.drain(..) {
        let len = line.text.chars().count();
        let joinable = out.last().is_some_and(|prev: &Line| {
            !prev.is_blank()
                && !line.is_blank()
                && last_len * 4 >= width * 3
                && !ends_sentence(&prev.text)
                && !starts_item(&line.text)
                && line
                    .text
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase())
        });
        match out.last_mut() {
            Some(prev) if joinable => {
                repairs.push(Repair {
                    line: line.no,
                    message: format!("joined to line {} (a line broken by the PDF)", prev.no),
                });
                prev.text.push(' ');
                prev.text.push_str(line.text.trim_start());
            }
            _ => out.push(line),
        }
        last_len = len;
    }
    *lines = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Lang;

    const AR: Ctx = Ctx {
        lang: Lang::Ar,
        fasl_is_article: false,
    };

    fn lines(s: &str) -> Vec<Line> {
        split_lines(s)
    }

    #[test]
    fn split_trims_line_ends_only() {
        let l = split_lines("  a  \r\nb\n");
        assert_eq!(
            l.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(),
            vec!["  a", "b", ""]
        );
        assert_eq!(l.first().map(|l| l.no), Some(1));
    }

    #[test]
    fn split_drops_the_form_feed_of_a_page_break() {
        let l = split_lines("a\n\u{c}المادة 2\nb\u{c}\n");
        assert_eq!(
            l.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(),
            vec!["a", "المادة 2", "b", ""]
        );
    }

    #[test]
    fn control_characters_are_noise_like_bidi_controls() {
        let text = "نص\u{1} المادة\nسطر \u{0}ثان";
        let c = clean(lines(text), false, &AR);
        assert_eq!(c.lines, lines(text));
        assert_eq!(
            c.notes.iter().map(|n| n.kind).collect::<Vec<_>>(),
            vec![NoteKind::ForbiddenChar]
        );
        let c = clean(lines(text), true, &AR);
        let kept: Vec<&str> = c.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(kept, vec!["نص المادة", "سطر ثان"]);
    }

    #[test]
    fn reports_without_repair_and_keeps_text() {
        let text = "الجريدة الرسمية العدد 12\nاالتجار\u{200F}\n14\nالجريدة الرسمية العدد 13\nنص\nالجريدة الرسمية العدد 14";
        let c = clean(lines(text), false, &AR);
        assert_eq!(c.lines, lines(text));
        assert!(c.repairs.is_empty());
        let kinds: Vec<NoteKind> = c.notes.iter().map(|n| n.kind).collect();
        assert_eq!(
            kinds,
            vec![
                NoteKind::ForbiddenChar,
                NoteKind::ReversedLamAlef,
                NoteKind::PageNumber,
                NoteKind::RunningHeader
            ]
        );
        assert!(c.notes.iter().all(|n| n.hint.is_some()));
    }

    #[test]
    fn repairs_and_reports_each_line() {
        let text = "الجريدة الرسمية العدد 12\nاالتجار\u{200F}\n14\nالجريدة الرسمية العدد 13\n      نص\nالجريدة الرسمية العدد 14\nﻻ";
        let c = clean(lines(text), true, &AR);
        let kept: Vec<&str> = c.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(kept, vec!["الاتجار", "نص", "لا"]);
        let repaired: Vec<usize> = c.repairs.iter().map(|r| r.line).collect();
        assert_eq!(repaired, vec![2, 5, 7, 3, 1, 4, 6]);
        assert!(c.notes.is_empty());
    }

    #[test]
    fn markers_and_sentences_are_never_headers() {
        let text = "المادة 1\nالمادة 1\nالمادة 1";
        assert!(running_headers(&lines(text), &AR).is_empty());
        let text = "تطبق أحكام هذا القانون.\n".repeat(6);
        assert!(running_headers(&lines(&text), &AR).is_empty());
        let text = "أحكام عامة\n".repeat(4);
        assert!(running_headers(&lines(&text), &AR).is_empty());
        let text = "Bulletin officiel\n".repeat(5);
        assert_eq!(running_headers(&lines(&text), &AR).len(), 5);
    }

    #[test]
    fn splits_glued_marker_for_missing_number() {
        let l = lines("نص أعلاه.المادة 26\nوفقا للمادة 26 من القانون.");
        let missing = vec![ArticleNumber::plain(vec![26])];
        let (out, repairs) = split_glued(&l, &missing, &AR);
        let texts: Vec<&str> = out.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["نص أعلاه.", "المادة 26", "وفقا للمادة 26 من القانون."]
        );
        assert_eq!(repairs.len(), 1);
        let (same, none) = split_glued(&l, &[], &AR);
        assert_eq!(same, l);
        assert!(none.is_empty());
    }

    #[test]
    fn joins_broken_lines_only() {
        let mut l = lines(
            "يعاقب بالسجن مدة لا تقل عن خمس سنوات كل من ارتكب\nجريمة الاتجار بالبشر.\nأ- قصيرة\n1- بند\nسطر كامل الطول تقريبا ولكنه ينتهي بنقطة.\nسطر تال",
        );
        let mut repairs = Vec::new();
        join_broken(&mut l, 50, &mut repairs);
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts.first().copied(),
            Some("يعاقب بالسجن مدة لا تقل عن خمس سنوات كل من ارتكب جريمة الاتجار بالبشر.")
        );
        assert_eq!(texts.len(), 5);
        assert_eq!(repairs.first().map(|r| r.line), Some(2));
    }

    #[test]
    fn list_items() {
        for yes in [
            "1- بند",
            "أ) بند",
            "(ب) بند",
            "- بند",
            "أولاً: بند",
            "« Art",
            "12. Item",
        ] {
            assert!(starts_item(yes), "{yes}");
        }
        for no in ["جريمة الاتجار", "the offence"] {
            assert!(!starts_item(no), "{no}");
        }
    }
}
