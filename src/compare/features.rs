//! Stage: compare (features). Turns article text into the features that alignment scores:
//! normalised word terms and character trigrams, weighted by tf-idf. Text is normalised for
//! matching only; nothing here changes text that is displayed, and nothing here reads files.

use crate::text::normalize::{drop_page_numbers, is_matching_term, match_tokens};

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
        .filter(|t| is_matching_term(t))
        .map(light_stem)
        .collect()
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
    split(text, MIN_PASSAGE_WORDS)
}

/// The items of a national article as the law lays them out: its lines, and the numbered
/// items of a long line, however short (passages join short ones, for scoring).
pub fn items(text: &str) -> Vec<String> {
    split(text, 0)
}

/// [`passages`] with pieces shorter than `min_words` joined to the one before.
fn split(text: &str, min_words: usize) -> Vec<String> {
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
                Some(last) if p.len() < min_words => {
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
            .is_some_and(|f| f.split_whitespace().count() < min_words)
    {
        let first = out.remove(0);
        if let Some(next) = out.first_mut() {
            *next = format!("{first} {next}");
        }
    }
    out
}

/// The law's own label of a passage that opens with a numbered item ("(2)" → "2", "( b )" →
/// "b", "ب-" → "ب", "3." → "3"), or `None` when it opens with none.
pub fn item_label(passage: &str) -> Option<String> {
    if let Some(label) = french_item_label(passage) {
        return Some(label);
    }
    let mut words = passage.split_whitespace();
    let w = words.next()?;
    let (next, after) = (words.next(), words.next());
    if !is_item_marker(w, next, after) {
        return None;
    }
    if w == "(" {
        return next.map(str::to_string);
    }
    if let Some(inner) = w.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return Some(inner.to_string());
    }
    Some(
        w.strip_suffix(['-', '.', ')', 'ـ', '–'])
            .unwrap_or(w)
            .to_string(),
    )
}

/// The labels of French legislative items: "1°" (kept with its sign, as French law cites
/// it) and the capital Roman numerals of "I. -", "II.-" ("I", "II").
fn french_item_label(passage: &str) -> Option<String> {
    let first = passage.split_whitespace().next()?;
    if let Some(n) = first.strip_suffix('°')
        && !n.is_empty()
        && n.chars().count() <= 2
        && n.chars().all(|c| c.is_ascii_digit())
    {
        return Some(first.to_string());
    }
    let roman: String = passage
        .chars()
        .take_while(|c| "IVXLC".contains(*c))
        .collect();
    let rest = passage.get(roman.len()..)?;
    let rest = rest.strip_prefix('.')?.trim_start();
    (!roman.is_empty() && roman.len() <= 4 && (rest.starts_with('-') || rest.starts_with('–')))
        .then_some(roman)
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

/// Features (word terms, trigrams) numbered for the whole process: dense ids, never reused or
/// dropped, so a feature's id stays valid for the whole process (a long `watch` adds only the
/// features it has not met). A text's features are numbered once, when they are first found
/// ([`Registry::ids`]), and every country's term space indexes its document frequencies and
/// postings by these ids: a paragraph repeated in eleven countries' versions of the model law
/// is looked up once, not once per country.
///
/// The ids depend on which thread met a feature first, so the order of a vector's features
/// varies between runs; the scores do not: a vector's length and its dot products are summed
/// in integers ([`weigh`], [`dot`]), which add up to the same in any order.
pub struct Registry<K> {
    ids: std::sync::LazyLock<std::sync::RwLock<FxMap<K, u32>>>,
}

/// The word terms scored in this process.
pub static WORDS: Registry<String> = Registry::new();
/// The character trigrams scored in this process ([`trigrams`]).
pub static GRAMS: Registry<u64> = Registry::new();

impl<K: std::hash::Hash + Eq + Clone> Registry<K> {
    const fn new() -> Registry<K> {
        Registry {
            ids: std::sync::LazyLock::new(Default::default),
        }
    }

    /// The ids of `keys`, registering those not seen before.
    pub fn ids(&self, keys: &[K]) -> Vec<u32> {
        {
            let known = self
                .ids
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let ids: Option<Vec<u32>> = keys.iter().map(|k| known.get(k).copied()).collect();
            if let Some(ids) = ids {
                return ids;
            }
        }
        let mut known = self
            .ids
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        keys.iter()
            .map(|k| match known.get(k) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(known.len()).unwrap_or(u32::MAX);
                    known.insert(k.clone(), id);
                    id
                }
            })
            .collect()
    }

    /// The id of a feature, if a text scored so far has it.
    pub fn id<Q>(&self, key: &Q) -> Option<u32>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.ids
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(key)
            .copied()
    }

    /// How many features have an id (every id is below).
    pub fn len(&self) -> usize {
        self.ids
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .len()
    }

    /// Whether no feature has an id yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The distinct features of a list with their counts, sorted by feature.
pub fn tally(ids: &[u32]) -> Vec<(u32, u32)> {
    let mut sorted = ids.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(sorted.len());
    for id in sorted {
        match out.last_mut() {
            Some(last) if last.0 == id => last.1 += 1,
            _ => out.push((id, 1)),
        }
    }
    out
}

/// Two lists of (id, count) sorted by id, as one: the counts of an id in both added up.
pub fn merge_sorted(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
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

/// The counts of a text made of parts: the parts' counts added up.
pub fn merge_all(parts: &[&[(u32, u32)]]) -> Vec<(u32, u32)> {
    match parts {
        [] => Vec::new(),
        [one] => one.to_vec(),
        [first, rest @ ..] => rest
            .iter()
            .fold(first.to_vec(), |acc, p| merge_sorted(&acc, p)),
    }
}

/// The smoothed inverse document frequency of a feature in `df` of `n` documents:
/// `ln((n+1)/(df+1)) + 1`.
pub fn idf(n: usize, df: u32) -> f32 {
    smoothed_idf(n as f32, df as f32)
}

/// The idf of a feature found in `share` of `n` documents.
pub fn idf_at(n: usize, share: f32) -> f32 {
    let n = n as f32;
    smoothed_idf(n, share * n)
}

fn smoothed_idf(n: f32, df: f32) -> f32 {
    ((n + 1.0) / (df + 1.0)).ln() + 1.0
}

/// A sparse vector: (feature, weight) sorted by feature, of unit length once weighted. The
/// weights are fixed-point numbers ([`ONE`] is 1), so that sums of their products are exact
/// and do not depend on the order of the features (see [`Registry`]).
pub type Sparse = Vec<(u32, i32)>;

/// The fixed-point 1 of a [`Sparse`] weight (2^30: nine decimal digits).
pub const ONE: i32 = 1 << 30;

/// A sum of products of [`Sparse`] weights as a number (the cosine, for unit vectors).
pub fn cosine(sum: i64) -> f32 {
    (sum as f64 / (f64::from(ONE) * f64::from(ONE))) as f32
}

/// Weights counts by sublinear tf (`1 + ln tf`) times idf and normalises to unit length;
/// features whose idf is below `min_idf` (too common to tell articles apart) are left out.
/// The length is summed in integers, exactly, whatever the order of the features.
pub fn weigh(counts: &[(u32, u32)], idf: &[f32], min_idf: f32) -> Sparse {
    let raw: Vec<(u32, f32)> = counts
        .iter()
        .filter(|(id, _)| idf.get(*id as usize).is_none_or(|&w| w >= min_idf))
        .map(|&(id, c)| {
            let w = tf_weight(c) * idf.get(id as usize).copied().unwrap_or(1.0);
            (id, w)
        })
        .collect();
    // Each weight (a f32, at least 1 and far below 2^39) is an exact integer times 2^-24
    // here; their squares add up exactly in 128 bits.
    let squares: u128 = raw
        .iter()
        .map(|&(_, w)| {
            let q = u128::from((f64::from(w) * f64::from(1u32 << 24)) as u64);
            q * q
        })
        .sum();
    let norm = (squares as f64).sqrt() / f64::from(1u32 << 24);
    if norm <= 0.0 {
        return Vec::new();
    }
    let scale = f64::from(ONE) / norm;
    raw.into_iter()
        .map(|(id, w)| (id, (f64::from(w) * scale) as i32))
        .collect()
}

/// Sublinear tf, `1 + ln tf` (from a table for the counts most texts have).
fn tf_weight(c: u32) -> f32 {
    static TABLE: std::sync::LazyLock<[f32; 64]> =
        std::sync::LazyLock::new(|| std::array::from_fn(|c| 1.0 + (c.max(1) as f32).ln()));
    match TABLE.get(c as usize) {
        Some(&w) => w,
        None => 1.0 + (c as f32).ln(),
    }
}

/// Dot product of two sparse vectors sorted by feature, as an exact sum ([`cosine`] reads it).
pub fn dot_sum(a: &Sparse, b: &Sparse) -> i64 {
    let (mut i, mut j, mut s) = (0, 0, 0i64);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += i64::from(x.1) * i64::from(y.1);
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// The cosine of two sparse vectors sorted by feature.
pub fn dot(a: &Sparse, b: &Sparse) -> f32 {
    cosine(dot_sum(a, b))
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
    fn an_item_label_is_the_laws_own_marker() {
        assert_eq!(item_label("(2) Any person who").as_deref(), Some("2"));
        assert_eq!(item_label("( b ) the victim").as_deref(), Some("b"));
        assert_eq!(item_label("ب- يعاقب كل من").as_deref(), Some("ب"));
        assert_eq!(item_label("3. The court").as_deref(), Some("3"));
        assert_eq!(item_label("1 ـ يعاقب").as_deref(), Some("1"));
        assert_eq!(item_label("Whoever knowingly").as_deref(), None);
        assert_eq!(
            item_label("1° A l'égard d'un mineur").as_deref(),
            Some("1°")
        );
        assert_eq!(item_label("II. - La traite").as_deref(), Some("II"));
        assert_eq!(item_label("I.-L'infraction prévue").as_deref(), Some("I"));
        assert_eq!(item_label("Il est puni").as_deref(), None);
        assert_eq!(item_label("I. La traite").as_deref(), None);
        assert_eq!(item_label("(2023) was").as_deref(), None);
        assert_eq!(item_label("").as_deref(), None);
    }

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
        let parts: [&[u32]; 4] = [&[2, 1, 2, 3], &[4, 1, 5], &[5, 5, 6, 2], &[]];
        for pick in [
            &[0][..],
            &[0, 1],
            &[1, 2],
            &[2, 3],
            &[0, 1, 2],
            &[0, 1, 2, 3],
        ] {
            // Parts tallied, then merged...
            let counted: Vec<Vec<(u32, u32)>> = parts.iter().map(|p| tally(p)).collect();
            let refs: Vec<&[(u32, u32)]> = pick.iter().map(|&i| counted[i].as_slice()).collect();
            // ... as the parts' features put together and tallied as one text.
            let all: Vec<u32> = pick
                .iter()
                .flat_map(|&i| parts[i].iter().copied())
                .collect();
            assert_eq!(merge_all(&refs), tally(&all), "{pick:?}");
        }
        assert_eq!(tally(&[3, 1, 3]), vec![(1, 1), (3, 2)]);
    }

    #[test]
    fn weighted_vectors_have_unit_length() {
        let w = weigh(&[(0, 2), (1, 1)], &[1.0, 1.7], 0.0);
        assert!((dot(&w, &w) - 1.0).abs() < 1e-6);
        assert_eq!(w.len(), 2);
        // A feature below the idf floor is left out.
        assert_eq!(weigh(&[(0, 2), (1, 1)], &[1.0, 1.7], 1.5).len(), 1);
        assert!(weigh(&[], &[], 0.0).is_empty());
    }

    #[test]
    fn scores_do_not_depend_on_how_features_are_numbered() {
        // The same two texts with their features numbered in another order (as another
        // thread could have met them first) score exactly the same.
        let idf = [1.3, 2.9, 1.1, 4.2, 1.05, 3.3, 2.2];
        let a = [(0, 3), (1, 1), (2, 2), (3, 1), (5, 4)];
        let b = [(0, 1), (2, 5), (3, 2), (4, 1), (5, 1), (6, 2)];
        let renumber = [6u32, 2, 5, 0, 3, 1, 4];
        let moved = |v: &[(u32, u32)]| -> Vec<(u32, u32)> {
            let mut m: Vec<(u32, u32)> =
                v.iter().map(|&(f, c)| (renumber[f as usize], c)).collect();
            m.sort_unstable();
            m
        };
        let mut idf2 = [0.0f32; 7];
        for (f, w) in idf.iter().enumerate() {
            idf2[renumber[f] as usize] = *w;
        }
        let s1 = dot_sum(&weigh(&a, &idf, 0.0), &weigh(&b, &idf, 0.0));
        let s2 = dot_sum(
            &weigh(&moved(&a), &idf2, 0.0),
            &weigh(&moved(&b), &idf2, 0.0),
        );
        assert_eq!(s1, s2);
        assert!(cosine(s1) > 0.3 && cosine(s1) < 1.0);
    }
}
