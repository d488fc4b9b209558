//! Import stage, article numbers: reading numerals, ordinal words (Arabic, French, English),
//! Roman numerals and suffixes (مكرر, bis, ter, 12A), and ordering them. Pure functions over
//! normalised words; nothing here looks at lines or structure.

use serde::Serialize;
use std::fmt;

/// An article number as a sortable value: `448-1` is parts `[448, 1]`; `3 مكرر` is parts `[3]`
/// and suffix `[2]` (مكرر = bis = 2, ter = 3 …); `3 مكرر (أ)` is suffix `[2, 1]`; `12A` is
/// suffix `[1]`; `L. 425-1` of a French code is prefix `"L"` and parts `[425, 1]`. Numbers
/// compare by the part of the code their prefix names (none, then L and LO, then R and D, then
/// A), then parts, then suffix, so 3 < 3 مكرر < 3 مكرر أ < 4 < 4-1 and L. 425-5 < R. 425-1.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct ArticleNumber {
    /// The letters of a French code's part ("L", "LO", "R", "D", "A"); empty otherwise.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prefix: String,
    /// The numeric parts, separated by hyphens in the text.
    pub parts: Vec<u32>,
    /// The suffix ranks (empty when there is no suffix).
    pub suffix: Vec<u32>,
}

impl Ord for ArticleNumber {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (
            prefix_rank(&self.prefix),
            &self.parts,
            &self.suffix,
            &self.prefix,
        )
            .cmp(&(
                prefix_rank(&other.prefix),
                &other.parts,
                &other.suffix,
                &other.prefix,
            ))
    }
}

impl PartialOrd for ArticleNumber {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The part of a French code a prefix names, in the code's order: legislative articles (L, and
/// LO for organic laws, numbered among them), regulatory ones (R and D, numbered together),
/// then arrêtés (A). 0 without a prefix.
fn prefix_rank(prefix: &str) -> u8 {
    match prefix {
        "" => 0,
        "L" | "LO" => 1,
        "R" | "D" => 2,
        _ => 3,
    }
}

/// The prefixes of French code articles ("Article L. 425-1", "Article R425-1", "Article D*12").
pub fn code_prefix(word: &str) -> Option<&'static str> {
    Some(match word {
        "L" => "L",
        "LO" => "LO",
        "R" => "R",
        "D" => "D",
        "A" => "A",
        _ => return None,
    })
}

impl ArticleNumber {
    /// A number without prefix or suffix.
    pub fn plain(parts: Vec<u32>) -> Self {
        ArticleNumber {
            prefix: String::new(),
            parts,
            suffix: Vec::new(),
        }
    }

    /// The same number with parts `parts` (prefix kept, suffix dropped).
    pub(crate) fn with_parts(&self, parts: Vec<u32>) -> Self {
        ArticleNumber {
            prefix: self.prefix.clone(),
            parts,
            suffix: Vec::new(),
        }
    }

    /// The first part (0 for an empty number).
    pub fn base(&self) -> u32 {
        self.parts.first().copied().unwrap_or(0)
    }

    /// Whether `self` can directly follow `prev` in a law without a gap:
    /// 3 → 4, 3 → 3 مكرر, 3 مكرر → 4, 448 → 448-1, 448-1 → 448-2, 448-14 → 449, 448-14 → 449-1.
    /// A number that opens a later part of a code (L. 425-5 → R. 425-1) follows too.
    pub fn follows(&self, prev: &ArticleNumber) -> bool {
        match prefix_rank(&self.prefix).cmp(&prefix_rank(&prev.prefix)) {
            std::cmp::Ordering::Greater => return true,
            std::cmp::Ordering::Less => return false,
            std::cmp::Ordering::Equal => {}
        }
        let (c, p) = (&self.parts, &prev.parts);
        let (Some(c0), Some(p0)) = (c.first(), p.first()) else {
            return false;
        };
        let rest_ones = |s: &[u32]| s.iter().all(|x| *x == 1);
        if *c0 == p0.saturating_add(1) && rest_ones(c.get(1..).unwrap_or(&[])) {
            return true;
        }
        if c == p {
            return self.suffix > prev.suffix;
        }
        if c.len() > p.len() && c.starts_with(p) {
            return rest_ones(c.get(p.len()..).unwrap_or(&[]));
        }
        let k = c.len();
        k >= 2
            && k <= p.len()
            && c.get(..k - 1) == p.get(..k - 1)
            && c.get(k - 1).copied() == p.get(k - 1).map(|x| x.saturating_add(1))
    }
}

impl fmt::Display for ArticleNumber {
    /// The prefix and the parts joined by hyphens ("448-1", "L425-1"); the suffix is not
    /// shown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text: Vec<String> = self.parts.iter().map(u32::to_string).collect();
        f.write_str(&self.prefix)?;
        f.write_str(&text.join("-"))
    }
}

/// The numbers missing between `prev` and `cur`, as an inclusive range, when `cur` jumps
/// ahead: 5 → 8 misses 6..7; 448-1 → 448-4 misses 448-2..448-3; 448 → 448-3 misses
/// 448-1..448-2. `None` when nothing is missing (or the numbers are not comparable, as in
/// two parts of a code: L. 425-5 → R. 425-1).
pub fn missing_between(
    prev: &ArticleNumber,
    cur: &ArticleNumber,
) -> Option<(ArticleNumber, ArticleNumber)> {
    if prefix_rank(&prev.prefix) != prefix_rank(&cur.prefix) {
        return None;
    }
    let (c, p) = (&cur.parts, &prev.parts);
    let (c0, p0) = (*c.first()?, *p.first()?);
    if c.len() == 1 {
        return (c0 > p0.saturating_add(1))
            .then(|| (cur.with_parts(vec![p0 + 1]), cur.with_parts(vec![c0 - 1])));
    }
    let k = c.len();
    let prefix = c.get(..k - 1)?;
    let last = *c.get(k - 1)?;
    let from = if p.len() >= k && p.get(..k - 1) == Some(prefix) {
        p.get(k - 1)?.saturating_add(1)
    } else if c.starts_with(p) || c0 > p0 {
        1
    } else {
        return None;
    };
    (last > from).then(|| {
        let mut a = prefix.to_vec();
        a.push(from);
        let mut b = prefix.to_vec();
        b.push(last - 1);
        (cur.with_parts(a), cur.with_parts(b))
    })
}

/// Strips a leading Arabic article "ال" (used before matching ordinal words).
fn strip_al(w: &str) -> &str {
    w.strip_prefix("ال").unwrap_or(w)
}

/// 1–10 as Arabic ordinal words, masculine or feminine, normalised, without article.
fn ar_unit(w: &str) -> Option<u32> {
    Some(match strip_al(w) {
        "اول" | "اولي" | "حادي" | "حاديه" | "واحد" | "واحده" => 1,
        "ثاني" | "ثانيه" => 2,
        "ثالث" | "ثالثه" => 3,
        "رابع" | "رابعه" => 4,
        "خامس" | "خامسه" => 5,
        "سادس" | "سادسه" => 6,
        "سابع" | "سابعه" => 7,
        "ثامن" | "ثامنه" => 8,
        "تاسع" | "تاسعه" => 9,
        "عاشر" | "عاشره" => 10,
        _ => return None,
    })
}

/// 20–90 ("العشرون", "والعشرين" …), with or without و and the article.
fn ar_tens(w: &str) -> Option<u32> {
    let w = w.strip_prefix('و').unwrap_or(w);
    Some(match strip_al(w) {
        "عشرون" | "عشرين" => 20,
        "ثلاثون" | "ثلاثين" => 30,
        "اربعون" | "اربعين" => 40,
        "خمسون" | "خمسين" => 50,
        "ستون" | "ستين" => 60,
        "سبعون" | "سبعين" => 70,
        "ثمانون" | "ثمانين" => 80,
        "تسعون" | "تسعين" => 90,
        _ => return None,
    })
}

/// 100 and 200 ("المائة", "المئة", "المائتين" …), with or without و and the article.
fn ar_hundreds(w: &str) -> Option<u32> {
    let w = w.strip_prefix('و').unwrap_or(w);
    Some(match strip_al(w) {
        "مائه" | "مئه" | "مايه" | "ماءه" => 100,
        "مائتان" | "مائتين" | "مئتان" | "مئتين" | "مايتان" | "مايتين" => {
            200
        }
        _ => return None,
    })
}

/// Reads an Arabic ordinal (1 to 299) from normalised words: "الاولي", "الحاديه عشره",
/// "الخامسه والعشرون", "الثلاثون", "المايه", "الاولي بعد المايه". Returns the value and the
/// number of words used.
pub fn ar_ordinal(words: &[&str]) -> Option<(u32, usize)> {
    let first = *words.first()?;
    let (mut value, mut used) = if let Some(h) = ar_hundreds(first) {
        (h, 1)
    } else if let Some(t) = ar_tens(first).filter(|_| first.starts_with("ال")) {
        (t, 1)
    } else {
        let u = ar_unit(first)?;
        match words.get(1).copied() {
            Some("عشر" | "عشره") if u <= 9 => (10 + u, 2),
            Some(next) if u <= 9 && next.starts_with("وال") && ar_tens(next).is_some() => {
                (ar_tens(next).unwrap_or(0) + u, 2)
            }
            _ => (u, 1),
        }
    };
    if value < 100
        && words.get(used) == Some(&"بعد")
        && let Some(h) = words.get(used + 1).and_then(|w| ar_hundreds(w))
    {
        value += h;
        used += 2;
    }
    Some((value, used))
}

/// French ordinal words for articles and headings: "premier", "première", "deuxième" … "dixième",
/// "second(e)". Accent-folded and lower-cased input.
pub fn fr_ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "premier" | "premiere" | "1er" | "1re" => 1,
        "second" | "seconde" | "deuxieme" => 2,
        "troisieme" => 3,
        "quatrieme" => 4,
        "cinquieme" => 5,
        "sixieme" => 6,
        "septieme" => 7,
        "huitieme" => 8,
        "neuvieme" => 9,
        "dixieme" => 10,
        _ => return None,
    })
}

/// English ordinal and cardinal words one/first … ten/tenth (lower-cased input).
pub fn en_ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "one" | "first" => 1,
        "two" | "second" => 2,
        "three" | "third" => 3,
        "four" | "fourth" => 4,
        "five" | "fifth" => 5,
        "six" | "sixth" => 6,
        "seven" | "seventh" => 7,
        "eight" | "eighth" => 8,
        "nine" | "ninth" => 9,
        "ten" | "tenth" => 10,
        _ => return None,
    })
}

/// Latin suffixes: bis = 2, ter = 3 … decies = 10 (and up to quaterdecies = 14).
pub fn latin_suffix(w: &str) -> Option<u32> {
    const WORDS: &[&str] = &[
        "bis",
        "ter",
        "quater",
        "quinquies",
        "sexies",
        "septies",
        "octies",
        "nonies",
        "decies",
        "undecies",
        "duodecies",
        "terdecies",
        "quaterdecies",
    ];
    if w == "novies" {
        return Some(9);
    }
    WORDS
        .iter()
        .position(|x| *x == w)
        .and_then(|i| u32::try_from(i + 2).ok())
}

/// The rank of an Arabic letter in abjad order (أ ب ج د هـ و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث
/// خ ذ ض ظ غ), the order of lettered points in Arabic legislation. Normalised input.
pub fn abjad_rank(w: &str) -> Option<u32> {
    const ORDER: &str = "ابجدهوزحطيكلمنسعفصقرشتثخذضظغ";
    let mut chars = w.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    ORDER
        .chars()
        .position(|x| x == c)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// The value of a Roman numeral (I … MMMCMXCIX) written canonically, any case.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let mut total: u32 = 0;
    let mut prev = 0;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (to_roman(total) == s.to_ascii_uppercase()).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= *v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ord(s: &str) -> Option<(u32, usize)> {
        let norm = crate::text::normalize_for_matching(s);
        let words: Vec<&str> = norm.split(' ').collect();
        ar_ordinal(&words)
    }

    #[test]
    fn arabic_ordinals_to_one_hundred_and_beyond() {
        assert_eq!(ord("الأولى"), Some((1, 1)));
        assert_eq!(ord("الاولى"), Some((1, 1)));
        assert_eq!(ord("الأول"), Some((1, 1)));
        assert_eq!(ord("الثانية"), Some((2, 1)));
        assert_eq!(ord("العاشرة"), Some((10, 1)));
        assert_eq!(ord("الحادية عشرة"), Some((11, 2)));
        assert_eq!(ord("الحادي عشر"), Some((11, 2)));
        assert_eq!(ord("الثانية عشرة"), Some((12, 2)));
        assert_eq!(ord("التاسعة عشرة"), Some((19, 2)));
        assert_eq!(ord("العشرون"), Some((20, 1)));
        assert_eq!(ord("الحادية والعشرون"), Some((21, 2)));
        assert_eq!(ord("الخامسة والعشرون"), Some((25, 2)));
        assert_eq!(ord("الخامسة والعشرين"), Some((25, 2)));
        assert_eq!(ord("الحادية والثلاثون"), Some((31, 2)));
        assert_eq!(ord("الثامن والأربعون"), Some((48, 2)));
        assert_eq!(ord("التاسعة والتسعون"), Some((99, 2)));
        assert_eq!(ord("المائة"), Some((100, 1)));
        assert_eq!(ord("المئة"), Some((100, 1)));
        assert_eq!(ord("الأولى بعد المائة"), Some((101, 3)));
        assert_eq!(ord("الحادية عشرة بعد المائة"), Some((111, 4)));
        assert_eq!(ord("المائتين"), Some((200, 1)));
        assert_eq!(ord("أولى"), Some((1, 1)));
        assert_eq!(ord("الفقرة"), None);
        assert_eq!(ord("عشرون"), None);
    }

    #[test]
    fn every_arabic_ordinal_from_1_to_99_reads() {
        let units_f = [
            "الأولى",
            "الثانية",
            "الثالثة",
            "الرابعة",
            "الخامسة",
            "السادسة",
            "السابعة",
            "الثامنة",
            "التاسعة",
        ];
        let tens = [
            "العشرون",
            "الثلاثون",
            "الأربعون",
            "الخمسون",
            "الستون",
            "السبعون",
            "الثمانون",
            "التسعون",
        ];
        for (i, u) in units_f.iter().enumerate() {
            let n = u32::try_from(i).unwrap_or(0) + 1;
            assert_eq!(ord(u).map(|x| x.0), Some(n));
            let teen = if n == 1 {
                "الحادية عشرة".to_string()
            } else {
                format!("{u} عشرة")
            };
            assert_eq!(ord(&teen).map(|x| x.0), Some(10 + n), "{teen}");
            for (j, t) in tens.iter().enumerate() {
                let tv = (u32::try_from(j).unwrap_or(0) + 2) * 10;
                let unit = if n == 1 { "الحادية" } else { u };
                let w = format!("{unit} و{}", t);
                assert_eq!(ord(&w).map(|x| x.0), Some(tv + n), "{w}");
                assert_eq!(ord(t).map(|x| x.0), Some(tv));
            }
        }
    }

    #[test]
    fn latin_words() {
        assert_eq!(fr_ordinal("premier"), Some(1));
        assert_eq!(fr_ordinal("deuxieme"), Some(2));
        assert_eq!(en_ordinal("first"), Some(1));
        assert_eq!(latin_suffix("bis"), Some(2));
        assert_eq!(latin_suffix("ter"), Some(3));
        assert_eq!(latin_suffix("decies"), Some(10));
        assert_eq!(latin_suffix("foo"), None);
        assert_eq!(abjad_rank("ا"), Some(1));
        assert_eq!(abjad_rank("ج"), Some(3));
        assert_eq!(abjad_rank("ه"), Some(5));
        assert_eq!(abjad_rank("اب"), None);
    }

    #[test]
    fn roman() {
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("xii"), Some(12));
        assert_eq!(roman_value("XCIX"), Some(99));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("IC"), None);
        assert_eq!(roman_value("Ier"), None);
        assert_eq!(roman_value(""), None);
    }

    fn n(parts: &[u32]) -> ArticleNumber {
        ArticleNumber::plain(parts.to_vec())
    }

    #[test]
    fn ordering_and_following() {
        let bis = ArticleNumber {
            parts: vec![3],
            suffix: vec![2],
            ..ArticleNumber::default()
        };
        let bis_a = ArticleNumber {
            parts: vec![3],
            suffix: vec![2, 1],
            ..ArticleNumber::default()
        };
        assert!(n(&[3]) < bis && bis < bis_a && bis_a < n(&[4]) && n(&[4]) < n(&[4, 1]));
        assert!(n(&[4]).follows(&n(&[3])));
        assert!(bis.follows(&n(&[3])));
        assert!(bis_a.follows(&bis));
        assert!(n(&[4]).follows(&bis));
        assert!(n(&[448, 1]).follows(&n(&[448])));
        assert!(n(&[448, 2]).follows(&n(&[448, 1])));
        assert!(n(&[449]).follows(&n(&[448, 14])));
        assert!(n(&[449, 1]).follows(&n(&[448, 14])));
        assert!(!n(&[5]).follows(&n(&[3])));
        assert!(!n(&[3]).follows(&n(&[3])));
        assert!(!n(&[448, 3]).follows(&n(&[448, 1])));
        assert!(!n(&[2]).follows(&n(&[448, 1])));
    }

    #[test]
    fn missing_ranges() {
        let r = |a: &[u32], b: &[u32]| {
            missing_between(&n(a), &n(b)).map(|(x, y)| (x.to_string(), y.to_string()))
        };
        assert_eq!(r(&[5], &[8]), Some(("6".into(), "7".into())));
        assert_eq!(r(&[5], &[6]), None);
        assert_eq!(
            r(&[448, 1], &[448, 4]),
            Some(("448-2".into(), "448-3".into()))
        );
        assert_eq!(r(&[448], &[448, 3]), Some(("448-1".into(), "448-2".into())));
        assert_eq!(
            r(&[448, 14], &[449, 3]),
            Some(("449-1".into(), "449-2".into()))
        );
        assert_eq!(r(&[448, 2], &[448, 1]), None);
        assert_eq!(r(&[9], &[3]), None);
    }

    fn coded(prefix: &str, parts: &[u32]) -> ArticleNumber {
        ArticleNumber {
            prefix: prefix.to_string(),
            ..n(parts)
        }
    }

    #[test]
    fn french_code_prefixes_order_the_parts_of_a_code() {
        let (l1, l5) = (coded("L", &[425, 1]), coded("L", &[425, 5]));
        let (r1, r10, d2) = (
            coded("R", &[425, 1]),
            coded("R", &[425, 10]),
            coded("D", &[425, 2]),
        );
        assert!(n(&[999]) < l1 && l1 < l5 && l5 < r1 && r1 < d2 && d2 < r10);
        assert_ne!(l1, r1);
        assert!(coded("L", &[425, 2]).follows(&l1));
        assert!(coded("LO", &[425, 2]).follows(&l1));
        assert!(r1.follows(&l5));
        assert!(d2.follows(&r1));
        assert!(!l1.follows(&r1));
        assert_eq!(missing_between(&l5, &r1), None);
        assert_eq!(
            missing_between(&r1, &coded("R", &[425, 4]))
                .map(|(a, b)| (a.to_string(), b.to_string())),
            Some(("R425-2".into(), "R425-3".into()))
        );
        assert_eq!(code_prefix("LO"), Some("LO"));
        assert_eq!(code_prefix("X"), None);
    }
}
