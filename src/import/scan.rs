//! Import stage, line scanner: turns one raw line into normalised tokens that remember their
//! byte span in the raw line. It only reads: the raw line is never modified.

use crate::text::normalize::{fold_char, repair_lam_alef};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of letters (normalised: hamza forms folded, harakat dropped, lower-cased).
    Word,
    /// A run of digits, written in ASCII whatever digits the line used.
    Num,
    /// One punctuation or symbol character.
    Punct(char),
}

/// One token of a line.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub kind: TokKind,
    /// The normalised text (for `Punct`, the character itself).
    pub norm: String,
    /// Byte offset of the first raw character.
    pub start: usize,
    /// Byte offset just after the last raw character (harakat included).
    pub end: usize,
    /// Whether whitespace separates this token from the previous one.
    pub space_before: bool,
    /// Whether the first raw character is an upper-case letter.
    pub upper: bool,
}

impl Tok {
    /// True for a word token with exactly this normalised text.
    pub fn is_word(&self, w: &str) -> bool {
        self.kind == TokKind::Word && self.norm == w
    }

    /// True for a punctuation token with one of these characters.
    pub fn is_punct(&self, set: &[char]) -> bool {
        matches!(self.kind, TokKind::Punct(c) if set.contains(&c))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Num,
}

/// Scans a raw line into tokens.
pub(crate) fn scan(line: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut space = false;
    let mut open: Option<Class> = None;
    for (off, c) in line.char_indices() {
        let end = off + c.len_utf8();
        let mut folded: Vec<char> = Vec::with_capacity(2);
        fold_char(c, &mut |d| folded.push(d));
        if folded.is_empty() {
            if open.is_some()
                && let Some(last) = toks.last_mut()
            {
                last.end = end;
            }
            continue;
        }
        for d in folded {
            push_char(&mut toks, &mut space, &mut open, d, c, off, end);
        }
    }
    for t in &mut toks {
        if t.kind == TokKind::Word {
            t.norm = repair_lam_alef(&t.norm);
        }
    }
    toks
}

fn push_char(
    toks: &mut Vec<Tok>,
    space: &mut bool,
    open: &mut Option<Class>,
    d: char,
    raw: char,
    off: usize,
    end: usize,
) {
    if d.is_whitespace() {
        *space = true;
        *open = None;
        return;
    }
    let class = if d.is_ascii_digit() {
        Some(Class::Num)
    } else if d.is_alphabetic() {
        Some(Class::Word)
    } else {
        None
    };
    if let (Some(cl), Some(last)) = (class, toks.last_mut())
        && *open == Some(cl)
    {
        last.norm.push(d);
        last.end = end;
        return;
    }
    let kind = match class {
        Some(Class::Word) => TokKind::Word,
        Some(Class::Num) => TokKind::Num,
        None => TokKind::Punct(d),
    };
    toks.push(Tok {
        kind,
        norm: d.to_string(),
        start: off,
        end,
        space_before: *space,
        upper: raw.is_uppercase(),
    });
    *space = false;
    *open = class;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(line: &str) -> Vec<String> {
        scan(line).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn scans_arabic_marker() {
        assert_eq!(
            norms("المـادةُ (١٢) مكرراً:"),
            vec!["الماده", "(", "12", ")", "مكررا", ":"]
        );
        let toks = scan("المادةُ 5");
        assert_eq!(
            toks.first().map(|t| (t.start, t.end)),
            Some((0, "المادةُ".len()))
        );
        assert!(
            toks.get(1)
                .is_some_and(|t| t.space_before && t.kind == TokKind::Num)
        );
    }

    #[test]
    fn scans_latin_and_repairs_lam_alef_in_words() {
        assert_eq!(
            norms("Art. 448-1er"),
            vec!["art", ".", "448", "-", "1", "er"]
        );
        assert_eq!(norms("المادة األولى"), vec!["الماده", "الاولي"]);
        assert!(scan("Article").first().is_some_and(|t| t.upper));
    }
}
