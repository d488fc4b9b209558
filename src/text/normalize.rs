//! Text stage: normalising Arabic, French and English text for MATCHING (diff options,
//! compare, import marker detection). The result is never displayed: these functions must not
//! be used to change the text that a reader sees, except [`repair_lam_alef`] and
//! [`drop_page_numbers`], which import calls only when the user asked for repairs.

use super::bidi::{is_bidi_control, is_invisible};
use super::digits::digit_value;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, decompose_compatible, is_combining_mark};

/// ARABIC TATWEEL (kashida), the letter-stretching stroke.
pub const TATWEEL: char = '\u{0640}';

/// True for the Arabic short-vowel and related marks (harakat): fathatan … sukun
/// U+064B–U+0652 and the superscript (dagger) alef U+0670.
pub fn is_harakah(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}')
}

/// True for the Quranic annotation marks (U+0610–U+061A, U+06D6–U+06ED except the small
/// letters U+06E5, U+06E6 and the non-mark U+06E9).
pub fn is_quranic_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0610}'..='\u{061A}'
            | '\u{06D6}'..='\u{06DC}'
            | '\u{06DF}'..='\u{06E4}'
            | '\u{06E7}'..='\u{06E8}'
            | '\u{06EA}'..='\u{06ED}'
    )
}

/// True for any Arabic letter form that is read as a plain alef when matching.
pub fn is_alef_form(c: char) -> bool {
    matches!(
        c,
        'ا' | 'أ' | 'إ' | 'آ' | '\u{0671}' | '\u{0672}' | '\u{0673}'
    )
}

/// True for characters of the Arabic blocks (letters, marks, digits, punctuation).
pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
}

/// Removes harakat (U+064B–U+0652, U+0670) and tatweel, and nothing else: hamza, letters,
/// Quranic marks and punctuation are kept (`qanun diff --ignore-diacritics`).
pub fn strip_diacritics(s: &str) -> String {
    s.chars()
        .filter(|c| !is_harakah(*c) && *c != TATWEEL)
        .collect()
}

/// Folds one character for matching and hands the result (zero, one or more characters) to
/// `push`. Punctuation and whitespace are passed through unchanged; the caller decides what to
/// do with them. Used by [`normalize_for_matching`] and by import's marker reader, which needs
/// the mapping to stay character-by-character.
pub(crate) fn fold_char(c: char, push: &mut impl FnMut(char)) {
    // The characters nearly every statute is made of, answered without the Unicode tables
    // (a test checks every character against the general path below).
    match c {
        'A'..='Z' => return push(c.to_ascii_lowercase()),
        ' ' | 'a'..='z' | '0'..='9' => return push(c),
        'أ' | 'إ' | 'آ' => return push('ا'),
        'ى' => return push('ي'),
        'ة' => return push('ه'),
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => return push(c),
        _ => {}
    }
    fold_char_general(c, push);
}

/// [`fold_char`] through the Unicode tables, for every character.
fn fold_char_general(c: char, push: &mut impl FnMut(char)) {
    let compat =
        matches!(c, '\u{FB00}'..='\u{FB06}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}');
    if compat {
        decompose_compatible(c, |d| fold_simple(d, push));
    } else {
        fold_simple(c, push);
    }
}

fn is_dropped(c: char) -> bool {
    is_harakah(c)
        || is_quranic_mark(c)
        || c == TATWEEL
        || is_combining_mark(c)
        || is_bidi_control(c)
        || is_invisible(c)
        || matches!(c, '\u{200C}' | '\u{200D}')
}

fn fold_simple(c: char, push: &mut impl FnMut(char)) {
    if is_dropped(c) {
        return;
    }
    if let Some(d) = digit_value(c) {
        push(char::from_u32(u32::from('0') + d).unwrap_or(c));
        return;
    }
    match c {
        _ if is_alef_form(c) => push('ا'),
        'ى' | '\u{06CC}' => push('ي'),
        '\u{06A9}' => push('ك'),
        'ة' => push('ه'),
        _ if c.is_ascii() => push(c.to_ascii_lowercase()),
        'œ' | 'Œ' => {
            push('o');
            push('e');
        }
        'æ' | 'Æ' => {
            push('a');
            push('e');
        }
        'ß' => {
            push('s');
            push('s');
        }
        _ if super::is_arabic_letter(c) => push(c),
        _ if is_latin(c) => fold_latin(c, push),
        _ if c.is_alphabetic() => c.to_lowercase().for_each(&mut *push),
        _ => push(c),
    }
}

fn is_latin(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic()
}

/// é → e, Ç → c: the base letter of a Latin letter with accents, lower-cased.
fn fold_latin(c: char, push: &mut impl FnMut(char)) {
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            d.to_lowercase().for_each(&mut *push);
        }
    });
}

/// Normalises text for matching only (displayed text is never altered):
/// - hamza forms of alef (أ إ آ ٱ) → ا, alef maqsura ى → ي, ta marbuta ة → ه, Persian
///   yeh and keheh → ي and ك, Arabic presentation forms → plain letters;
/// - harakat, Quranic marks, tatweel, bidi controls and invisible characters are removed;
/// - Arabic-Indic and Persian digits → ASCII; Latin lower-cased, accents folded (é → e,
///   œ → oe);
/// - punctuation (including ، ؛ ؟) and symbols → space; whitespace collapsed and trimmed;
/// - lam-alef pairs that a PDF extracted in the wrong order are repaired, see
///   [`repair_lam_alef`] ("االتجار" → "الاتجار").
///
/// Stray page numbers are NOT dropped here: see [`drop_page_numbers`].
pub fn normalize_for_matching(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    let mut push = |d: char| {
        let keep = super::is_arabic_letter(d) || d.is_alphanumeric();
        folded.push(if keep { d } else { ' ' });
    };
    // Most text is already in NFC: skip the composing iterator (a table look-up per
    // character) when a quick check says so.
    if s.chars().all(is_trivially_nfc)
        || unicode_normalization::is_nfc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        for c in s.chars() {
            fold_char(c, &mut push);
        }
    } else {
        for c in s.nfc() {
            fold_char(c, &mut push);
        }
    }
    let mut out = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if may_hold_reversed_lam_alef(word) {
            out.push_str(&repair_lam_alef(word));
        } else {
            out.push_str(word);
        }
    }
    out
}

/// Characters that a text in NFC may hold in any order without a table look-up: everything
/// below the combining diacritics (U+0300) and the Arabic letters and punctuation before the
/// harakat (U+0600–U+064A, less the Quranic marks U+0610–U+061A). Each is its own composition
/// and has combining class 0 (tested against the Unicode tables for every one).
fn is_trivially_nfc(c: char) -> bool {
    c < '\u{0300}' || matches!(c, '\u{0600}'..='\u{060F}' | '\u{061B}'..='\u{064A}')
}

/// Whether [`repair_lam_alef`] could change a folded word (alef forms already plain alef):
/// only a doubled alef before lam, a word that is exactly "ال", "وال" or "فال", or a token
/// whose letters are broken up by digits (where a repair may start mid-token). Nearly every
/// word answers no, and is copied without splitting it into characters.
fn may_hold_reversed_lam_alef(word: &str) -> bool {
    word.contains("اال") || matches!(word, "ال" | "وال" | "فال") || !word.chars().all(is_word_char)
}

/// The Arabic clitic letters that may come before a reversed lam-alef: و ف ب ك.
fn is_lam_alef_clitic(c: char) -> bool {
    matches!(c, 'و' | 'ف' | 'ب' | 'ك')
}

/// True when a character continues an Arabic word (letters, harakat, tatweel).
fn is_word_char(c: char) -> bool {
    super::is_alphabetic(c) || is_combining_mark(c) || c == TATWEEL
}

/// Repairs lam-alef ligatures that PDF extraction wrote in the wrong order. The ligature
/// "لا" (also "لأ", "لإ", "لآ") comes out as "ال": "الاتجار" is extracted as "االتجار",
/// "الأطفال" as "األطفال", "إلا" as "إال", "لا" as "ال". Two patterns are repaired, both
/// impossible in correct Arabic spelling:
/// - a DOUBLED ALEF at the start of a word (after at most one clitic و ف ب ك) followed by
///   lam: the second alef and the lam are swapped, "A1 A2 ل" → "A1 ل A2";
/// - the whole words "ال", "وال", "فال" (the article never stands alone) → "لا", "ولا", "فلا".
///
/// Reversed ligatures elsewhere ("عالقة" for "علاقة", "لإعادة" extracted as "إلعادة") cannot
/// be told apart from real words and are left alone. Everything else is copied unchanged.
pub fn repair_lam_alef(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let word_start = i == 0 || chars.get(i - 1).is_none_or(|p| !is_word_char(*p));
        if word_start && let Some(fixed) = reversed_la_word(&chars, i) {
            out.extend(fixed.chars());
            i += fixed.chars().count();
            continue;
        }
        if word_start && let Some(at) = reversed_lam_alef_at(&chars, i) {
            out.extend_from_slice(chars.get(i..at).unwrap_or(&[]));
            if let (Some(a1), Some(a2)) = (chars.get(at), chars.get(at + 1)) {
                out.extend([*a1, 'ل', *a2]);
            }
            i = at + 3;
            continue;
        }
        if let Some(c) = chars.get(i) {
            out.push(*c);
        }
        i += 1;
    }
    out.into_iter().collect()
}

/// At a word start `i`, the repair of a whole word "ال", "وال" or "فال": the negation "لا"
/// ("ولا", "فلا") extracted in the wrong order. The article never stands alone, so these
/// words do not occur in correct text.
fn reversed_la_word(chars: &[char], i: usize) -> Option<&'static str> {
    let end = (i..chars.len())
        .find(|k| chars.get(*k).is_none_or(|c| !is_word_char(*c)))
        .unwrap_or(chars.len());
    let word: String = chars.get(i..end)?.iter().collect();
    match word.as_str() {
        "ال" => Some("لا"),
        "وال" => Some("ولا"),
        "فال" => Some("فلا"),
        _ => None,
    }
}

/// At a word start `i`, the index of a doubled alef followed by lam (after at most one clitic).
fn reversed_lam_alef_at(chars: &[char], i: usize) -> Option<usize> {
    let matches_at = |k: usize| {
        chars.get(k).is_some_and(|c| is_alef_form(*c))
            && chars.get(k + 1).is_some_and(|c| is_alef_form(*c))
            && chars.get(k + 2) == Some(&'ل')
    };
    if matches_at(i) {
        return Some(i);
    }
    let clitic = chars.get(i).is_some_and(|c| is_lam_alef_clitic(*c));
    (clitic && matches_at(i + 1)).then_some(i + 1)
}

/// The article and clitic+article prefixes stripped by [`match_tokens`], longest first, with
/// the minimum number of letters that must remain.
const ARTICLE_PREFIXES: &[(&str, usize)] = &[
    ("وبال", 3),
    ("وكال", 3),
    ("فبال", 3),
    ("فكال", 3),
    ("وال", 3),
    ("فال", 3),
    ("بال", 3),
    ("كال", 3),
    ("ولل", 3),
    ("فلل", 3),
    ("لل", 2),
    ("ال", 2),
];

/// Strips the article and attached clitics from a normalised Arabic word, keeping at least
/// two letters (three after a clitic + article: "بالغه" stays whole). The conjunction و alone
/// is stripped only before an imperfect-verb prefix ي ت ن with three letters left
/// ("ويعاقب" → "يعاقب"), because many nouns start with و (وزاره, وسائل).
fn strip_clitics(word: &str) -> &str {
    for (prefix, min) in ARTICLE_PREFIXES {
        if let Some(rest) = word.strip_prefix(prefix)
            && rest.chars().count() >= *min
        {
            return rest;
        }
    }
    if let Some(rest) = word.strip_prefix('و')
        && rest.starts_with(['ي', 'ت', 'ن'])
        && rest.chars().count() >= 3
    {
        return rest;
    }
    word
}

/// Normalised word tokens for matching: [`normalize_for_matching`], split into words, with
/// the Arabic article and common attached clitics stripped ("والاتجار" → "اتجار",
/// "بالبشر" → "بشر", "للضحية" → "ضحيه"). Latin tokens are lower-cased and accent-folded;
/// French elisions split ("l'article" → "l", "article"). Stop words are kept: filter them
/// with [`is_stop_word`] where wanted.
pub fn match_tokens(s: &str) -> Vec<String> {
    normalize_for_matching(s)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().next().is_some_and(is_arabic) {
                strip_clitics(w).to_string()
            } else {
                w.to_string()
            }
        })
        .collect()
}

/// Very common words of Arabic, French and English legal text, as [`match_tokens`] returns
/// them, that carry little meaning for matching.
pub fn is_stop_word(token: &str) -> bool {
    const STOP: &[&str] = &[
        // Arabic (normalised, article stripped)
        "في", "من", "علي", "الي", "عن", "او", "ان", "ما", "لا", "مع", "هذا", "هذه", "ذلك", "تلك",
        "كل", "له", "لها", "به", "بها", "ذي", "تي", "قد", "ثم", "اي", "غير", "بين", "عند",
        // French
        "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "a", "au", "aux",
        "en", "par", "pour", "dans", "sur", "que", "qui", "est", "sont", "se", "ce", "cette",
        // English
        "the", "of", "and", "or", "to", "in", "by", "for", "on", "is", "be", "an", "any", "that",
        "this", "with", "as", "which", "shall",
    ];
    STOP.contains(&token)
}

/// True for a token, as [`match_tokens`] returns it, that matching counts: not a stop word
/// ([`is_stop_word`]), a number, a single letter or a word of legislative boilerplate. The
/// alignment's terms and the lexicon's expressions are made of these.
pub fn is_matching_term(t: &str) -> bool {
    t.chars().count() > 1
        && !t.chars().all(|c| c.is_ascii_digit())
        && !is_stop_word(t)
        && !is_legal_boilerplate(t)
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

/// True for a line that holds only a page number: "12", "- 12 -", "١٢", "12/40",
/// "Page 12", "page 3 sur 40", "Page 3 of 40", "p. 3", "صفحة 12", "الصفحة ١٢", "ص 12".
pub fn is_page_number_line(line: &str) -> bool {
    const PAGE_WORDS: &[&str] = &["page", "p", "sur", "of", "de", "صفحه", "الصفحه", "ص"];
    let t = line.trim();
    if t.is_empty() || t.chars().count() > 30 {
        return false;
    }
    let decor = |c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '_' | '*' | '|' | '•' | '.' | '/')
    };
    if t.chars()
        .any(|c| !(c.is_alphanumeric() || decor(c) || is_dropped(c)))
    {
        return false;
    }
    // "3." starts a numbered paragraph, and "(3)" (refused above) is a paragraph number.
    let digit_dot = t.ends_with('.') && t.chars().rev().nth(1).is_some_and(char::is_numeric);
    if digit_dot {
        return false;
    }
    let norm = normalize_for_matching(t);
    let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    let numbers = words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .count();
    let number_ok = words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .all(|w| w.len() <= 4);
    let others_ok = words
        .iter()
        .all(|w| w.chars().all(|c| c.is_ascii_digit()) || PAGE_WORDS.contains(w));
    (1..=2).contains(&numbers) && number_ok && others_ok
}

/// Removes the lines of `text` that hold only a page number (see [`is_page_number_line`]);
/// every other line is kept as it is. For import (with repairs) and compare.
pub fn drop_page_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if !is_page_number_line(line) {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_paths_agree_with_the_unicode_tables_for_every_character() {
        use unicode_normalization::char::canonical_combining_class;
        for c in '\0'..=char::MAX {
            let (mut fast, mut general) = (String::new(), String::new());
            super::fold_char(c, &mut |d| fast.push(d));
            super::fold_char_general(c, &mut |d| general.push(d));
            assert_eq!(fast, general, "U+{:04X}", u32::from(c));
            if super::is_trivially_nfc(c) {
                assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", u32::from(c));
                assert_eq!(
                    unicode_normalization::is_nfc_quick(std::iter::once(c)),
                    unicode_normalization::IsNormalized::Yes,
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
    }
    use proptest::prelude::*;

    #[test]
    fn the_fast_path_still_repairs_reversed_ligatures() {
        assert_eq!(normalize_for_matching("االتجار"), "الاتجار");
        assert_eq!(normalize_for_matching("واالتجار"), "والاتجار");
        assert_eq!(normalize_for_matching("ال يجوز"), "لا يجوز");
        assert_eq!(normalize_for_matching("a2ال"), "a2لا");
        assert_eq!(normalize_for_matching("الاتجار"), "الاتجار");
    }

    #[test]
    fn folds_arabic_letters() {
        assert_eq!(normalize_for_matching("أإآٱا"), "ااااا");
        assert_eq!(normalize_for_matching("على"), "علي");
        assert_eq!(normalize_for_matching("الضحيّة"), "الضحيه");
        assert_eq!(normalize_for_matching("يُعاقَبُ"), "يعاقب");
        assert_eq!(normalize_for_matching("الاتـــجار"), "الاتجار");
        assert_eq!(
            normalize_for_matching("الإنسان"),
            normalize_for_matching("الانسان")
        );
        assert_eq!(normalize_for_matching("ﻻ"), "لا");
    }

    #[test]
    fn folds_digits_latin_and_punctuation() {
        assert_eq!(normalize_for_matching("المادة ٤٤٨-١"), "الماده 448 1");
        assert_eq!(normalize_for_matching("۱۲"), "12");
        assert_eq!(
            normalize_for_matching("Éducation PÉNALE, l'Œuvre"),
            "education penale l oeuvre"
        );
        assert_eq!(
            normalize_for_matching("أولاً، ثانياً؛ لماذا؟"),
            "اولا ثانيا لماذا"
        );
        assert_eq!(normalize_for_matching("  a\t\n b  "), "a b");
        assert_eq!(normalize_for_matching("e\u{0301}"), "e");
    }

    #[test]
    fn repairs_reversed_lam_alef_only_at_word_start() {
        assert_eq!(repair_lam_alef("االتجار"), "الاتجار");
        assert_eq!(repair_lam_alef("األطفال"), "الأطفال");
        assert_eq!(repair_lam_alef("إال إذا"), "إلا إذا");
        assert_eq!(repair_lam_alef("واالتجار باالبشر"), "والاتجار بالابشر");
        assert_eq!(normalize_for_matching("االتجار"), "الاتجار");
        assert_eq!(repair_lam_alef("ال يجوز، وال فال."), "لا يجوز، ولا فلا.");
        assert_eq!(repair_lam_alef("بال"), "بال");
        // Legitimate text is untouched.
        for ok in [
            "الاتجار",
            "الأطفال",
            "إلا",
            "عالقة",
            "والي",
            "الا",
            "مال",
            "الى",
            "لا",
            "الحال",
        ] {
            assert_eq!(repair_lam_alef(ok), ok);
        }
    }

    #[test]
    fn tokens_strip_article_and_clitics() {
        assert_eq!(
            match_tokens("والاتجار بالبشر للضحية"),
            vec!["اتجار", "بشر", "ضحيه"]
        );
        assert_eq!(match_tokens("ويعاقب الجاني"), vec!["يعاقب", "جاني"]);
        assert_eq!(match_tokens("وزارة العمل"), vec!["وزاره", "عمل"]);
        // Short words are not destroyed.
        assert_eq!(
            match_tokens("إلى الحق بالغة في"),
            vec!["الي", "حق", "بالغه", "في"]
        );
        assert_eq!(
            match_tokens("l'article 5 du Code"),
            vec!["l", "article", "5", "du", "code"]
        );
    }

    #[test]
    fn stop_words() {
        assert!(is_stop_word("في") && is_stop_word("the") && is_stop_word("du"));
        assert!(!is_stop_word("اتجار"));
    }

    #[test]
    fn diacritics_only() {
        assert_eq!(strip_diacritics("يُعاقَبُ بِالسِّجنِ"), "يعاقب بالسجن");
        assert_eq!(strip_diacritics("الإتـجار"), "الإتجار");
        assert_eq!(strip_diacritics("رحمٰن"), "رحمن");
    }

    #[test]
    fn page_numbers() {
        for yes in [
            "12",
            " - 12 - ",
            "١٢",
            "Page 3",
            "page 3 sur 40",
            "Page 3 of 40",
            "صفحة 12",
            "الصفحة ١٢",
            "ص 12",
            "— 7 —",
            "12/40",
            "p. 4",
        ] {
            assert!(is_page_number_line(yes), "{yes}");
        }
        for no in [
            "",
            "المادة 12",
            "12 شهرا",
            "Article 3",
            "2023-05-17-1",
            "12345",
            "1. Définitions",
            "(أ)",
            "(12)",
            "3.",
        ] {
            assert!(!is_page_number_line(no), "{no}");
        }
        assert_eq!(drop_page_numbers("نص\n12\nنص آخر\n"), "نص\nنص آخر\n");
    }

    proptest! {
        #[test]
        fn normalize_never_panics(s in "\\PC*") {
            let n = normalize_for_matching(&s);
            prop_assert!(!n.starts_with(' ') && !n.ends_with(' ') && !n.contains("  "));
            let _ = match_tokens(&s);
            let _ = repair_lam_alef(&s);
            let _ = is_page_number_line(&s);
        }

        #[test]
        fn words_skipped_by_the_fast_path_need_no_lam_alef_repair(
            w in "[الوفبكتينمهع3a]{1,8}"
        ) {
            if !may_hold_reversed_lam_alef(&w) {
                prop_assert_eq!(repair_lam_alef(&w), w.clone());
            }
        }

        #[test]
        fn normalize_is_idempotent(s in "[ا-يأإآىةـ ،؛0-9٠-٩a-zA-Zé.]{0,40}") {
            let once = normalize_for_matching(&s);
            prop_assert_eq!(normalize_for_matching(&once), once.clone());
        }
    }
}
