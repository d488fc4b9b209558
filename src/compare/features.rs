//! Stage: compare (features). Turns article text into the features that alignment scores:
//! normalised word terms and character trigrams, weighted by tf-idf. Text is normalised for
//! matching only; nothing here changes text that is displayed, and nothing here reads files.

use crate::text::normalize::{drop_page_numbers, is_stop_word, match_tokens};

/// Cleans text extracted from a PDF before matching: drops lines holding only a page number
/// and joins words hyphenated across a line break ("traf-\nficking").
pub fn clean(text: &str) -> String {
    let dropped = drop_page_numbers(text);
    if !dropped.contains("-\n") {
        return dropped;
    }
    let mut out = String::with_capacity(dropped.len());
    let mut rest = dropped.as_str();
    while let Some(i) = rest.find("-\n") {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        let after = &tail[2..];
        let joins = head.chars().next_back().is_some_and(char::is_alphabetic)
            && after
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        if joins {
            rest = after.trim_start();
        } else {
            out.push_str("-\n");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The terms of a text for matching: normalised tokens without stop words, numbers and
/// single letters; Latin plurals lose their final `s`/`x`.
pub fn terms(text: &str) -> Vec<String> {
    terms_of_clean(&clean(text))
}

/// [`terms`] of a text already cleaned by [`clean`].
pub fn terms_of_clean(text: &str) -> Vec<String> {
    match_tokens(text)
        .into_iter()
        .filter(|t| {
            t.chars().count() > 1
                && !t.chars().all(|c| c.is_ascii_digit())
                && !is_stop_word(t)
                && !is_legal_boilerplate(t)
        })
        .map(light_stem)
        .collect()
}

/// Words of legislative boilerplate that every article may use ("the provisions of this
/// law", "l'article", "المادة"): they say nothing of an article's subject, and short articles
/// made mostly of them ("any provision contrary to this law is repealed") would otherwise
/// match at random. As [`match_tokens`] returns them.
fn is_legal_boilerplate(t: &str) -> bool {
    const WORDS: &[&str] = &[
        "قانون",
        "احكام",
        "حكم",
        "ماده",
        "مواد",
        "مادتين",
        "فقره",
        "بند",
        "وفقا",
        "وفق",
        "law",
        "article",
        "provision",
        "paragraph",
        "accordance",
        "loi",
        "presente",
        "present",
        "disposition",
        "paragraphe",
        "conformement",
    ];
    WORDS.contains(&t)
}

/// A passage shorter than this many words joins the one before it.
const MIN_PASSAGE_WORDS: usize = 8;
/// A line longer than this many words is cut before its numbered items.
const LONG_LINE_WORDS: usize = 40;

/// The passages of a national article, for scoring its parts on their own: its lines, and
/// within a long line (statutes flattened onto one line by extraction) the stretches that
/// start at a numbered item: "(2)", "( b )", "2-", "3.", "ب-", "1 ـ". Short passages join
/// the one before. One passage when the article has no parts.
pub fn passages(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let mut pieces: Vec<Vec<&str>> = vec![Vec::new()];
        for (i, w) in words.iter().enumerate() {
            let starts_item = words.len() > LONG_LINE_WORDS
                && i > 0
                && is_item_marker(w, words.get(i + 1).copied(), words.get(i + 2).copied());
            if starts_item {
                pieces.push(Vec::new());
            }
            if let Some(last) = pieces.last_mut() {
                last.push(w);
            }
        }
        for p in pieces.into_iter().filter(|p| !p.is_empty()) {
            match out.last_mut() {
                Some(last) if p.len() < MIN_PASSAGE_WORDS => {
                    last.push(' ');
                    last.push_str(&p.join(" "));
                }
                _ => out.push(p.join(" ")),
            }
        }
    }
    // A first passage too short to stand (a heading) joins the next.
    if out.len() > 1
        && out
            .first()
            .is_some_and(|f| f.split_whitespace().count() < MIN_PASSAGE_WORDS)
    {
        let first = out.remove(0);
        if let Some(next) = out.first_mut() {
            *next = format!("{first} {next}");
        }
    }
    out
}

/// Whether a word opens a numbered item: "(2)", "(b)", "(ii)", "( a )" (three words), "2-",
/// "2.", "2)", "ب-", "أ)", "1ـ" or "1" followed by "-" or "ـ".
fn is_item_marker(w: &str, next: Option<&str>, after: Option<&str>) -> bool {
    let short = |s: &str| {
        let n = s.chars().count();
        (1..=4).contains(&n) && s.chars().all(|c| c.is_alphanumeric())
    };
    if let Some(inner) = w.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return short(inner) && inner.chars().count() <= 3;
    }
    if w == "(" {
        return next.is_some_and(|n| short(n) && n.chars().count() <= 3) && after == Some(")");
    }
    if let Some(head) = w.strip_suffix(['-', '.', ')', 'ـ', '–']) {
        let n = head.chars().count();
        let digits = !head.is_empty() && head.chars().all(|c| c.is_numeric()) && n <= 2;
        let arabic_letter = n == 1 && head.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c));
        return digits || arabic_letter;
    }
    w.chars().count() <= 2
        && w.chars().all(char::is_numeric)
        && next.is_some_and(|n| n == "-" || n == "ـ" || n == "–")
}

/// Strips a final plural `s` or `x` from Latin words of four letters or more.
fn light_stem(mut t: String) -> String {
    let latin = t.bytes().all(|c| c.is_ascii_alphanumeric());
    if latin && t.len() > 3 && (t.ends_with('s') || t.ends_with('x')) {
        t.pop();
    }
    t
}

/// Character trigrams of each term, with a space marking the word's edges, packed into a
/// `u64` (three 21-bit code points). Pushes onto `out`.
pub fn trigrams(terms: &[String], out: &mut Vec<u64>) {
    for t in terms {
        trigrams_of(t, out);
    }
}

/// [`trigrams`] of one term.
pub fn trigrams_of(term: &str, out: &mut Vec<u64>) {
    let mut chars = std::iter::once(' ')
        .chain(term.chars())
        .chain(std::iter::once(' '));
    let (Some(mut a), Some(mut b)) = (chars.next(), chars.next()) else {
        return;
    };
    for c in chars {
        out.push(pack(a, b, c));
        (a, b) = (b, c);
    }
}

fn pack(a: char, b: char, c: char) -> u64 {
    (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c)
}

/// A hash map with rustc's fast, deterministic hasher (for integer and short string keys).
pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Every word term this process has scored, with a dense id. Each country's term space
/// ([`Vocab`]) is keyed by these ids, so that a term repeated in eleven countries' versions of
/// the model law is hashed as text once, not once per country. Ids are never reused or
/// dropped: a term's id stays valid for the whole process (a long `watch` adds only the new
/// words it meets). The ids depend on which thread saw a word first; nothing outside a term
/// space's lookups sees them, and a term space numbers its own terms in the order it meets
/// them, so results do not depend on them.
static WORD_IDS: std::sync::LazyLock<std::sync::RwLock<FxMap<String, u32>>> =
    std::sync::LazyLock::new(Default::default);

/// The process-wide ids of `words` ([`WORD_IDS`]), registering those not seen before.
pub fn word_ids(words: &[String]) -> Vec<u32> {
    {
        let known = WORD_IDS
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let ids: Option<Vec<u32>> = words.iter().map(|w| known.get(w).copied()).collect();
        if let Some(ids) = ids {
            return ids;
        }
    }
    let mut known = WORD_IDS
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    words
        .iter()
        .map(|w| match known.get(w) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(known.len()).unwrap_or(u32::MAX);
                known.insert(w.clone(), id);
                id
            }
        })
        .collect()
}

/// The process-wide id of a word term, if any text scored so far has it.
pub fn word_id(word: &str) -> Option<u32> {
    WORD_IDS
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(word)
        .copied()
}

/// A sparse vector: (feature, weight) sorted by feature; L2-normalised once weighted.
pub type Sparse = Vec<(u32, f32)>;

/// Two lists of (id, count) sorted by id, as one: the counts of an id in both added up.
fn merge_sorted(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(&&x), Some(&&y)) => match x.0.cmp(&y.0) {
                std::cmp::Ordering::Less => a.next().copied(),
                std::cmp::Ordering::Greater => b.next().copied(),
                std::cmp::Ordering::Equal => {
                    a.next();
                    b.next();
                    Some((x.0, x.1 + y.1))
                }
            },
            (Some(_), None) => a.next().copied(),
            (None, Some(_)) => b.next().copied(),
            (None, None) => None,
        };
        match next {
            Some(p) => out.push(p),
            None => return out,
        }
    }
}

/// Maps features to dense ids and counts in how many documents each occurs.
#[derive(Default)]
pub struct Vocab<K> {
    ids: FxMap<K, u32>,
    df: Vec<u32>,
    /// Occurrences of each id in the document being counted (all 0 between calls).
    scratch: Vec<u32>,
}

/// The distinct features of a list with their counts, in the order of their first occurrence
/// (which is the order [`Vocab::counted`] numbers new features in, as if it met them one by
/// one). Computed once per text and cached with its features, so that each country's term
/// space looks up each distinct feature once rather than each occurrence.
pub fn tally<K: std::hash::Hash + Eq + Clone>(features: &[K]) -> Vec<(K, u32)> {
    let mut at: FxMap<&K, usize> = FxMap::default();
    let mut out: Vec<(K, u32)> = Vec::new();
    for f in features {
        match at.get(f) {
            Some(&i) => {
                if let Some(e) = out.get_mut(i) {
                    e.1 += 1;
                }
            }
            None => {
                at.insert(f, out.len());
                out.push((f.clone(), 1));
            }
        }
    }
    out
}

impl<K: std::hash::Hash + Eq + Clone> Vocab<K> {
    /// Term counts of one document as (id, count), sorted by id; registers new features and,
    /// when `document` is true, counts the document in their document frequencies (false for
    /// passages of a document already counted).
    pub fn counts(&mut self, features: &[K], document: bool) -> Vec<(u32, u32)> {
        self.counted(&tally(features), document)
    }

    /// [`Vocab::counts`] of a document already tallied ([`tally`]).
    pub fn counted(&mut self, tallied: &[(K, u32)], document: bool) -> Vec<(u32, u32)> {
        let mut v: Vec<(u32, u32)> = Vec::with_capacity(tallied.len());
        for (f, c) in tallied {
            let id = match self.ids.get(f) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(self.df.len()).unwrap_or(u32::MAX);
                    self.ids.insert(f.clone(), id);
                    self.df.push(0);
                    self.scratch.push(0);
                    id
                }
            };
            v.push((id, *c));
        }
        v.sort_unstable_by_key(|&(id, _)| id);
        if document {
            self.count_document(&v);
        }
        v
    }

    /// The counts of a document made of parts already counted (with `document` false): the
    /// parts' counts added up and, when `document` is true, the document counted once in each
    /// feature's document frequency. The same as counting the parts' features put together,
    /// without looking them up again.
    pub fn merge_counts(&mut self, parts: &[&[(u32, u32)]], document: bool) -> Vec<(u32, u32)> {
        let v = match parts {
            [one] => one.to_vec(),
            // Two sorted lists (a paragraph with its title: most units) merge in one pass.
            [a, b] => merge_sorted(a, b),
            _ => return self.tally(parts.iter().flat_map(|p| p.iter().copied()), document),
        };
        if document {
            self.count_document(&v);
        }
        v
    }

    /// (id, count) pairs added up in the scratch table (indexed by id, so only the distinct
    /// ids are sorted), as sorted counts; with `document`, counted in the document
    /// frequencies.
    fn tally(
        &mut self,
        pairs: impl Iterator<Item = (u32, u32)>,
        document: bool,
    ) -> Vec<(u32, u32)> {
        let mut distinct: Vec<u32> = Vec::with_capacity(pairs.size_hint().0);
        for (id, c) in pairs {
            if let Some(n) = self.scratch.get_mut(id as usize) {
                if *n == 0 {
                    distinct.push(id);
                }
                *n += c;
            }
        }
        distinct.sort_unstable();
        let v = self.take_scratch(distinct);
        if document {
            self.count_document(&v);
        }
        v
    }

    /// The counts held in the scratch table for `distinct` (sorted), leaving it all 0.
    fn take_scratch(&mut self, distinct: Vec<u32>) -> Vec<(u32, u32)> {
        distinct
            .into_iter()
            .map(|id| {
                let n = self.scratch.get_mut(id as usize).map_or(0, std::mem::take);
                (id, n)
            })
            .collect()
    }

    /// Counts one document in the document frequency of each of its features.
    fn count_document(&mut self, counts: &[(u32, u32)]) {
        for (id, _) in counts {
            if let Some(d) = self.df.get_mut(*id as usize) {
                *d += 1;
            }
        }
    }

    /// The id of a feature already seen.
    pub fn id<Q>(&self, f: &Q) -> Option<u32>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.ids.get(f).copied()
    }

    /// The idf of a feature found in `share` of `n` documents.
    pub fn idf_at(n: usize, share: f32) -> f32 {
        let n = n as f32;
        ((n + 1.0) / (share * n + 1.0)).ln() + 1.0
    }

    /// Smoothed inverse document frequencies over `n` documents: `ln((n+1)/(df+1)) + 1`.
    pub fn idf(&self, n: usize) -> Vec<f32> {
        let n = n as f32;
        self.df
            .iter()
            .map(|&d| ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0)
            .collect()
    }

    /// How many distinct features were seen.
    pub fn len(&self) -> usize {
        self.df.len()
    }

    /// Whether no feature was seen.
    pub fn is_empty(&self) -> bool {
        self.df.is_empty()
    }
}

/// Weights counts by sublinear tf (`1 + ln tf`) times idf and normalises to unit length;
/// features whose idf is below `min_idf` (too common to tell articles apart) are left out.
pub fn weigh(counts: &[(u32, u32)], idf: &[f32], min_idf: f32) -> Sparse {
    let mut v: Sparse = counts
        .iter()
        .filter(|(id, _)| idf.get(*id as usize).is_none_or(|&w| w >= min_idf))
        .map(|&(id, c)| {
            let w = (1.0 + (c as f32).ln()) * idf.get(id as usize).copied().unwrap_or(1.0);
            (id, w)
        })
        .collect();
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v
}

/// Dot product of two sparse vectors sorted by feature.
pub fn dot(a: &Sparse, b: &Sparse) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += x.1 * y.1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

#[cfg(test)]
mod passage_tests {
    use super::passages;

    #[test]
    fn long_flattened_lines_are_cut_at_their_numbered_items() {
        let filler = "word ".repeat(12);
        let line = format!(
            "Heading text {filler} (1) first {filler} ( b ) second {filler} 3- third {filler} ب- fourth {filler}"
        );
        let p = passages(&line);
        assert_eq!(p.len(), 5, "{p:?}");
        assert!(p[1].starts_with("(1) first"));
        assert!(p[2].starts_with("( b ) second"));
        assert!(p[3].starts_with("3- third"));
        assert!(p[4].starts_with("ب- fourth"));
        // Short lines stay whole; tiny pieces join the one before.
        assert_eq!(
            passages("one two\nthree four five six seven eight nine ten").len(),
            1
        );
        assert_eq!(passages("").len(), 0);
        // A short line is not cut, even with markers.
        assert_eq!(passages("(1) a b c d e f g h (2) i j k l m n o p").len(), 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_drops_page_numbers_and_joins_hyphenated_words() {
        assert_eq!(
            clean("la traf-\nficking\n12\nsuite"),
            "la trafficking\nsuite"
        );
        assert_eq!(clean("نص\n- 3 -\nتكملة"), "نص\nتكملة");
    }

    #[test]
    fn terms_survive_pdf_noise() {
        let clean_t = terms("جريمة الاتجار بالبشر");
        let noisy_t = terms("جريمة االتجار\n٤\nبالبشر");
        assert_eq!(clean_t, noisy_t);
        assert_eq!(
            terms("Les victimes de la traite"),
            vec!["victime", "traite"]
        );
    }

    #[test]
    fn trigrams_mark_word_edges() {
        let mut g = Vec::new();
        trigrams(&["ab".to_string()], &mut g);
        assert_eq!(g, vec![pack(' ', 'a', 'b'), pack('a', 'b', ' ')]);
    }

    #[test]
    fn merged_parts_count_as_the_parts_put_together() {
        let parts: [&[&str]; 4] = [
            &["b", "a", "b", "c"],
            &["d", "a", "e"],
            &["e", "e", "f", "b"],
            &[],
        ];
        for pick in [
            &[0][..],
            &[0, 1],
            &[1, 2],
            &[2, 3],
            &[0, 1, 2],
            &[0, 1, 2, 3],
        ] {
            // Parts counted, then merged...
            let mut merged: Vocab<&str> = Vocab::default();
            let counted: Vec<Vec<(u32, u32)>> =
                parts.iter().map(|p| merged.counts(p, false)).collect();
            let refs: Vec<&[(u32, u32)]> = pick.iter().map(|&i| counted[i].as_slice()).collect();
            let got = merged.merge_counts(&refs, true);
            // ... as the parts' words put together and counted as one document.
            let mut whole: Vocab<&str> = Vocab::default();
            for p in &parts {
                whole.counts(p, false);
            }
            let words: Vec<&str> = pick
                .iter()
                .flat_map(|&i| parts[i].iter().copied())
                .collect();
            assert_eq!(got, whole.counts(&words, true), "{pick:?}");
            assert_eq!(merged.df, whole.df, "{pick:?}");
            assert!(merged.scratch.iter().all(|&n| n == 0), "{pick:?}");
        }
    }

    #[test]
    fn weighted_vectors_have_unit_length() {
        let mut v: Vocab<String> = Vocab::default();
        let c = v.counts(&["a".into(), "b".into(), "a".into()], true);
        let w = weigh(&c, &v.idf(1), 0.0);
        assert!((dot(&w, &w) - 1.0).abs() < 1e-5);
        assert_eq!(v.len(), 2);
    }
}
