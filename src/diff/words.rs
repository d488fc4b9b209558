//! Stage: diff. Word-level comparison of two texts (Arabic words with their clitics, punctuation
//! and digit runs as tokens, from `text::tokenize`), and text similarity for renames.
//!
//! Pure string work: no knowledge of clauses, no I/O.

use super::{Op, Segment};
use crate::text::normalize::strip_diacritics;
use crate::text::tokenize::diff_tokens;
use similar::{Algorithm, DiffOp, capture_diff_slices, diff_ratio};
use std::borrow::Cow;

/// The comparison key of a token: itself, or itself without harakat and tatweel.
fn key(token: &str, ignore_diacritics: bool) -> Cow<'_, str> {
    if ignore_diacritics {
        Cow::Owned(strip_diacritics(token))
    } else {
        Cow::Borrowed(token)
    }
}

/// Whether two texts are the same for the comparison.
pub fn same_text(old: &str, new: &str, ignore_diacritics: bool) -> bool {
    old == new || (ignore_diacritics && strip_diacritics(old) == strip_diacritics(new))
}

/// The word-level changes from `old` to `new`: equal, deleted and inserted runs. Equal runs
/// show the new text (which may differ from the old in diacritics when they are ignored).
/// Changes separated only by whitespace are joined, so a rewritten phrase reads as one
/// deletion followed by one insertion.
pub fn word_diff(old: &str, new: &str, ignore_diacritics: bool) -> Vec<Segment> {
    let ot = diff_tokens(old);
    let nt = diff_tokens(new);
    let ok: Vec<Cow<str>> = ot.iter().map(|t| key(t, ignore_diacritics)).collect();
    let nk: Vec<Cow<str>> = nt.iter().map(|t| key(t, ignore_diacritics)).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &ok, &nk);
    let mut raw = Vec::with_capacity(ops.len());
    for op in &ops {
        let o = op.old_range();
        let n = op.new_range();
        match op {
            DiffOp::Equal { .. } => raw.push(Segment::new(Op::Equal, join(&nt, n))),
            DiffOp::Delete { .. } => raw.push(Segment::new(Op::Delete, join(&ot, o))),
            DiffOp::Insert { .. } => raw.push(Segment::new(Op::Insert, join(&nt, n))),
            DiffOp::Replace { .. } => {
                raw.push(Segment::new(Op::Delete, join(&ot, o)));
                raw.push(Segment::new(Op::Insert, join(&nt, n)));
            }
        }
    }
    coalesce(absorb_blank_equals(raw))
}

fn join(tokens: &[&str], range: std::ops::Range<usize>) -> String {
    tokens.get(range).map(|t| t.concat()).unwrap_or_default()
}

/// Turns whitespace-only equal runs between two changes into a deletion and an insertion.
fn absorb_blank_equals(segs: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segs.len());
    for (i, s) in segs.iter().enumerate() {
        let between_changes = i > 0
            && segs.get(i + 1).is_some_and(|n| n.op != Op::Equal)
            && segs[i - 1].op != Op::Equal;
        if s.op == Op::Equal && between_changes && s.text.trim().is_empty() {
            out.push(Segment::new(Op::Delete, s.text.clone()));
            out.push(Segment::new(Op::Insert, s.text.clone()));
        } else {
            out.push(s.clone());
        }
    }
    out
}

/// Merges each run of changes into one deletion then one insertion, and adjacent equal runs.
fn coalesce(segs: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut del = String::new();
    let mut ins = String::new();
    let flush = |out: &mut Vec<Segment>, del: &mut String, ins: &mut String| {
        if !del.is_empty() {
            out.push(Segment::new(Op::Delete, std::mem::take(del)));
        }
        if !ins.is_empty() {
            out.push(Segment::new(Op::Insert, std::mem::take(ins)));
        }
    };
    for s in segs {
        match s.op {
            Op::Delete => del.push_str(&s.text),
            Op::Insert => ins.push_str(&s.text),
            Op::Equal => {
                flush(&mut out, &mut del, &mut ins);
                match out.last_mut() {
                    Some(last) if last.op == Op::Equal => last.text.push_str(&s.text),
                    _ if s.text.is_empty() => {}
                    _ => out.push(s),
                }
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// The words of a text (whitespace dropped), for similarity.
pub fn words(s: &str, ignore_diacritics: bool) -> Vec<Cow<'_, str>> {
    diff_tokens(s)
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| key(t, ignore_diacritics))
        .collect()
}

/// How similar two texts are, from 0 (nothing in common) to 1 (the same words in the same
/// order): twice the matched words over all words.
pub fn similarity(a: &str, b: &str, ignore_diacritics: bool) -> f64 {
    similarity_of(&words(a, ignore_diacritics), &words(b, ignore_diacritics))
}

/// [`similarity`] of two word lists.
pub fn similarity_of(a: &[Cow<str>], b: &[Cow<str>]) -> f64 {
    let ops = capture_diff_slices(Algorithm::Myers, a, b);
    f64::from(diff_ratio(&ops, a.len(), b.len()))
}

/// An upper bound of [`similarity_of`] from the words alone, ignoring their order (cheap; used
/// to skip pairs). Both lists must be sorted.
pub fn similarity_bound(a_sorted: &[Cow<str>], b_sorted: &[Cow<str>]) -> f64 {
    let total = a_sorted.len() + b_sorted.len();
    if total == 0 {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a_sorted.get(i), b_sorted.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(segs: &[Segment]) -> String {
        segs.iter()
            .map(|s| match s.op {
                Op::Equal => s.text.clone(),
                Op::Delete => format!("[-{}-]", s.text),
                Op::Insert => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    #[test]
    fn arabic_words_change_whole_with_their_clitics() {
        let segs = word_diff(
            "يُعاقب بالسجن كل من ارتكب جريمة الاتجار.",
            "يُعاقب بالحبس كل من ارتكب جريمة الاتجار.",
            false,
        );
        assert_eq!(
            show(&segs),
            "يُعاقب [-بالسجن-]{+بالحبس+} كل من ارتكب جريمة الاتجار."
        );
    }

    #[test]
    fn arabic_punctuation_and_digits_are_tokens_of_their_own() {
        let segs = word_diff("المادة (١٢)، الفقرة", "المادة (١٣)؛ الفقرة", false);
        assert_eq!(show(&segs), "المادة ([-١٢-]{+١٣+})[-،-]{+؛+} الفقرة");
    }

    #[test]
    fn a_rewritten_phrase_is_one_deletion_then_one_insertion() {
        let segs = word_diff(
            "the victim shall be protected",
            "the person concerned must be protected",
            false,
        );
        assert_eq!(
            show(&segs),
            "the [-victim shall-]{+person concerned must+} be protected"
        );
    }

    #[test]
    fn diacritics_can_be_ignored() {
        let old = "يُعاقَب كلُّ من";
        let new = "يعاقب كل من";
        assert!(!same_text(old, new, false));
        assert!(same_text(old, new, true));
        let segs = word_diff(old, new, true);
        assert_eq!(segs, vec![Segment::new(Op::Equal, new)]);
        assert!(similarity(old, new, true) > 0.99);
    }

    #[test]
    fn segments_rebuild_both_texts() {
        let old = "A victim، shall not be punished for 2 acts; the State shall.";
        let new = "A victim shall not be prosecuted or punished for acts؛ the State must.";
        let segs = word_diff(old, new, false);
        let keep = |skip: Op| -> String {
            segs.iter()
                .filter(|s| s.op != skip)
                .map(|s| s.text.as_str())
                .collect()
        };
        assert_eq!(keep(Op::Insert), old);
        assert_eq!(keep(Op::Delete), new);
    }

    #[test]
    fn similarity_ranges_from_zero_to_one() {
        assert!((similarity("a b c d", "a b c d", false) - 1.0).abs() < 1e-9);
        assert!(similarity("a b c d", "w x y z", false) < 1e-9);
        let s = similarity("a b c d", "a b c e", false);
        assert!((s - 0.75).abs() < 1e-9, "{s}");
        let (a, b) = (words("a b c d", false), words("d c b a", false));
        let (mut sa, mut sb) = (a.clone(), b.clone());
        sa.sort();
        sb.sort();
        assert!((similarity_bound(&sa, &sb) - 1.0).abs() < 1e-9);
        assert!(similarity_of(&a, &b) < 0.5);
    }
}
