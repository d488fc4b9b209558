//! Stage: diff. Pairs the articles of two drafts (by id, then renamed ones by text similarity),
//! decides which pairs moved (a changed chapter, or outside the longest run of clauses that kept
//! their relative order), and turns each pair into a [`Change`].
//!
//! Pure: works on [`Draft`]s only.

use super::words::{same_text, similarity_bound, similarity_of, word_diff, words};
use super::{Change, DiffOptions, Draft, DraftArticle, Field, Kind, Op, Pair, Segment, SetChange};
use crate::model::{ClauseId, Lang};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

/// Two articles that are the same clause in both drafts.
#[derive(Debug, Clone)]
pub struct MatchPair {
    pub old: usize,
    pub new: usize,
    /// For a pair found by text (renamed): how similar the texts are.
    pub similarity: Option<f64>,
    pub moved: bool,
}

/// How the articles of two drafts correspond.
#[derive(Debug, Clone, Default)]
pub struct Matching {
    /// In the new draft's order.
    pub pairs: Vec<MatchPair>,
    /// Old articles with no counterpart.
    pub removed: Vec<usize>,
    /// New articles with no counterpart.
    pub added: Vec<usize>,
}

/// Pairs articles by id, then removed with added ones by the similarity of their primary text,
/// and marks the pairs that moved.
pub fn match_articles(old: &Draft, new: &Draft, opts: &DiffOptions) -> Matching {
    let mut old_pos: HashMap<&ClauseId, usize> = HashMap::new();
    for (i, a) in old.articles.iter().enumerate() {
        old_pos.entry(&a.id).or_insert(i);
    }
    let mut used = vec![false; old.articles.len()];
    let mut pairs = Vec::new();
    let mut added = Vec::new();
    for (j, a) in new.articles.iter().enumerate() {
        match old_pos.get(&a.id) {
            Some(&i) if !used[i] => {
                used[i] = true;
                pairs.push(MatchPair {
                    old: i,
                    new: j,
                    similarity: None,
                    moved: false,
                });
            }
            _ => added.push(j),
        }
    }
    let removed: Vec<usize> = (0..old.articles.len()).filter(|i| !used[*i]).collect();
    let renames = find_renames(old, new, &removed, &added, opts);
    let renamed_old: BTreeSet<usize> = renames.iter().map(|r| r.old).collect();
    let renamed_new: BTreeSet<usize> = renames.iter().map(|r| r.new).collect();
    pairs.extend(renames);
    pairs.sort_by_key(|p| p.new);
    mark_moves(old, new, &mut pairs);
    Matching {
        pairs,
        removed: removed
            .into_iter()
            .filter(|i| !renamed_old.contains(i))
            .collect(),
        added: added
            .into_iter()
            .filter(|j| !renamed_new.contains(j))
            .collect(),
    }
}

/// The text that identifies a clause across a rename: its primary-language text, else any
/// text, else its title.
fn identity_text(a: &DraftArticle, primary: Lang) -> &str {
    a.text
        .get(&primary)
        .or_else(|| a.text.values().next())
        .or_else(|| a.title.get(&primary))
        .or_else(|| a.title.values().next())
        .map_or("", String::as_str)
}

/// A clause's words, in order and sorted (for the cheap bound).
struct Bag<'a> {
    words: Vec<Cow<'a, str>>,
    sorted: Vec<Cow<'a, str>>,
}

impl<'a> Bag<'a> {
    fn new(a: &'a DraftArticle, primary: Lang, ignore_diacritics: bool) -> Bag<'a> {
        let words = words(identity_text(a, primary), ignore_diacritics);
        let mut sorted = words.clone();
        sorted.sort();
        Bag { words, sorted }
    }
}

/// Pairs removed and added articles whose texts are similar enough, most similar first.
fn find_renames(
    old: &Draft,
    new: &Draft,
    removed: &[usize],
    added: &[usize],
    opts: &DiffOptions,
) -> Vec<MatchPair> {
    if removed.is_empty() || added.is_empty() {
        return Vec::new();
    }
    let (primary, ign) = (new.primary, opts.ignore_diacritics);
    let old_bags: Vec<Bag> = removed
        .iter()
        .map(|&i| Bag::new(&old.articles[i], primary, ign))
        .collect();
    let new_bags: Vec<Bag> = added
        .iter()
        .map(|&j| Bag::new(&new.articles[j], primary, ign))
        .collect();
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (oi, ob) in old_bags.iter().enumerate() {
        for (ni, nb) in new_bags.iter().enumerate() {
            // Cheapest first: lengths alone, then the words regardless of order.
            let (a, b) = (ob.words.len(), nb.words.len());
            let by_length = if a + b == 0 {
                1.0
            } else {
                2.0 * a.min(b) as f64 / (a + b) as f64
            };
            if by_length < opts.rename_threshold
                || similarity_bound(&ob.sorted, &nb.sorted) < opts.rename_threshold
            {
                continue;
            }
            let s = similarity_of(&ob.words, &nb.words);
            if s >= opts.rename_threshold {
                candidates.push((s, removed[oi], added[ni]));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
    let mut taken_old = BTreeSet::new();
    let mut taken_new = BTreeSet::new();
    let mut out = Vec::new();
    for (s, i, j) in candidates {
        if taken_old.contains(&i) || taken_new.contains(&j) {
            continue;
        }
        taken_old.insert(i);
        taken_new.insert(j);
        out.push(MatchPair {
            old: i,
            new: j,
            // Three decimals: enough to read, and stable in JSON.
            similarity: Some((s * 1000.0).round() / 1000.0),
            moved: false,
        });
    }
    out
}

/// Marks as moved the pairs whose chapter changed, and those outside a longest run of pairs that
/// kept their relative order (so a clause renumbered only because others came or went before it
/// has not moved). `pairs` must be in the new draft's order.
fn mark_moves(old: &Draft, new: &Draft, pairs: &mut [MatchPair]) {
    let seq: Vec<usize> = pairs.iter().map(|p| p.old).collect();
    let keep = longest_increasing(&seq);
    for (k, p) in pairs.iter_mut().enumerate() {
        let chapter_changed = old.articles[p.old].part != new.articles[p.new].part;
        p.moved = chapter_changed || !keep[k];
    }
}

/// Marks the members of one longest strictly increasing subsequence of `seq` (patience sorting,
/// O(n log n)). Deterministic: among equally long runs, the one ending earliest is kept.
pub fn longest_increasing(seq: &[usize]) -> Vec<bool> {
    // tails[k]: index in seq of the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, &x) in seq.iter().enumerate() {
        let k = tails.partition_point(|&t| seq[t] < x);
        prev[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = vec![false; seq.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = prev[i];
    }
    keep
}

/// What the comparison of a pair needs to know.
pub struct Compare<'a> {
    pub langs: &'a [Lang],
    pub primary: Lang,
    pub ignore_diacritics: bool,
}

/// Every change, in the new draft's order, removed clauses where they stood in the old one.
pub fn changes(old: &Draft, new: &Draft, m: &Matching, c: &Compare) -> Vec<Change> {
    let mut old_to_new: Vec<Option<usize>> = vec![None; old.articles.len()];
    for p in &m.pairs {
        old_to_new[p.old] = Some(p.new);
    }
    let mut keyed: Vec<((usize, usize, usize), Change)> = Vec::new();
    for p in &m.pairs {
        let (o, n) = (&old.articles[p.old], &new.articles[p.new]);
        if let Some(ch) = pair_change(o, n, p, c) {
            keyed.push(((p.new + 1, 0, 0), ch));
        }
    }
    for &j in &m.added {
        keyed.push(((j + 1, 0, 0), whole(&new.articles[j], Kind::Added, c)));
    }
    for &i in &m.removed {
        let after = (0..i)
            .rev()
            .find_map(|k| old_to_new[k])
            .map_or(0, |n| n + 1);
        keyed.push(((after, 1, i), whole(&old.articles[i], Kind::Removed, c)));
    }
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, ch)| ch).collect()
}

/// An added or removed clause: its whole text inserted or deleted.
fn whole(a: &DraftArticle, kind: Kind, c: &Compare) -> Change {
    let op = if kind == Kind::Added {
        Op::Insert
    } else {
        Op::Delete
    };
    let number = Some(a.number.clone());
    let (old_number, new_number) = if kind == Kind::Added {
        (None, number)
    } else {
        (number, None)
    };
    Change {
        kinds: vec![kind],
        id: a.id.clone(),
        old_number,
        new_number,
        title: a.title.clone(),
        text: c
            .langs
            .iter()
            .filter_map(|l| Some((*l, vec![Segment::new(op, a.text.get(l)?.clone())])))
            .collect(),
        ..Change::default()
    }
}

/// The change of a matched pair, or `None` when nothing differs.
fn pair_change(o: &DraftArticle, n: &DraftArticle, p: &MatchPair, c: &Compare) -> Option<Change> {
    let mut ch = Change {
        id: n.id.clone(),
        old_number: Some(o.number.clone()),
        new_number: Some(n.number.clone()),
        title: n.title.clone(),
        similarity: p.similarity,
        ..Change::default()
    };
    compare_front(o, n, c, &mut ch);
    compare_text(o, n, c, &mut ch);
    if o.id != n.id {
        ch.old_id = Some(o.id.clone());
        ch.kinds.push(Kind::Renamed);
    }
    if p.moved {
        ch.kinds.push(Kind::Moved);
    }
    if o.part != n.part {
        ch.chapter = Some(Pair {
            old: o.part.clone(),
            new: n.part.clone(),
        });
    }
    if !ch.fields.is_empty() {
        ch.kinds.push(Kind::Modified);
    }
    if o.number != n.number && !p.moved {
        ch.kinds.push(Kind::Renumbered);
    }
    ch.kinds.sort();
    (!ch.kinds.is_empty()).then_some(ch)
}

/// Titles, status, tags and instrument references.
fn compare_front(o: &DraftArticle, n: &DraftArticle, c: &Compare, ch: &mut Change) {
    for &l in c.langs {
        let (a, b) = (o.title.get(&l), n.title.get(&l));
        let same = match (a, b) {
            (Some(a), Some(b)) => same_text(a, b, c.ignore_diacritics),
            (None, None) => true,
            _ => false,
        };
        if !same {
            ch.fields.push(Field::Title(l));
            ch.titles.insert(
                l,
                Pair {
                    old: a.cloned(),
                    new: b.cloned(),
                },
            );
        }
    }
    if o.status != n.status {
        ch.fields.push(Field::Status);
        ch.status = Some(Pair {
            old: o.status,
            new: n.status,
        });
    }
    ch.tags = set_change(&o.tags, &n.tags);
    if !ch.tags.is_empty() {
        ch.fields.push(Field::Tags);
    }
    ch.instruments = set_change(&o.instruments, &n.instruments);
    if !ch.instruments.is_empty() {
        ch.fields.push(Field::Instruments);
    }
}

/// Members added and removed, each list in its draft's order.
fn set_change(old: &[String], new: &[String]) -> SetChange {
    SetChange {
        added: new.iter().filter(|x| !old.contains(x)).cloned().collect(),
        removed: old.iter().filter(|x| !new.contains(x)).cloned().collect(),
    }
}

/// Word-level changes per language, and translations that may have gone stale.
fn compare_text(o: &DraftArticle, n: &DraftArticle, c: &Compare, ch: &mut Change) {
    let mut changed = Vec::new();
    for &l in c.langs {
        let a = o.text.get(&l).map_or("", String::as_str);
        let b = n.text.get(&l).map_or("", String::as_str);
        if !same_text(a, b, c.ignore_diacritics) {
            ch.fields.push(Field::Text(l));
            ch.text.insert(l, word_diff(a, b, c.ignore_diacritics));
            changed.push(l);
        }
    }
    ch.stale_translations = stale(&changed, n, c);
}

/// Languages that may be stale: the others when the primary text changed, the primary when only
/// translations changed. Only languages the new draft has text in can be stale.
fn stale(changed: &[Lang], n: &DraftArticle, c: &Compare) -> Vec<Lang> {
    if changed.is_empty() || !c.langs.contains(&c.primary) {
        return Vec::new();
    }
    let has = |l: &Lang| n.text.contains_key(l);
    if changed.contains(&c.primary) {
        c.langs
            .iter()
            .filter(|l| **l != c.primary && !changed.contains(l) && has(l))
            .copied()
            .collect()
    } else if has(&c.primary) {
        vec![c.primary]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_increasing_run_keeps_clauses_that_did_not_move() {
        let keep = |s: &[usize]| -> Vec<usize> {
            longest_increasing(s)
                .iter()
                .enumerate()
                .filter(|(_, k)| !**k)
                .map(|(i, _)| s[i])
                .collect()
        };
        // 0 1 2 3 4 with 4 moved to the front.
        assert_eq!(keep(&[4, 0, 1, 2, 3]), vec![4]);
        // 0 moved to the end.
        assert_eq!(keep(&[1, 2, 3, 4, 0]), vec![0]);
        // Indices with gaps (clauses removed) are still in order: nothing moved.
        assert_eq!(keep(&[0, 2, 5, 9]), Vec::<usize>::new());
        assert_eq!(keep(&[]), Vec::<usize>::new());
    }
}
