//! Import stage, markers: recognises article markers ("المادة 3 مكرر", "Article premier",
//! "Section 12A", "Article L. 425-1", "§ 1593A.", and in English a section number heading its
//! title, "3 Trafficking in persons") and part/chapter headings in one line. It reads single lines only and knows
//! nothing of the sequence of articles; deciding what a marker means is `structure`'s job.

use super::Lang;
use super::number::{
    ArticleNumber, abjad_rank, ar_ordinal, code_prefix, en_ordinal, fr_ordinal, latin_suffix,
    roman_value,
};
use super::scan::{Tok, TokKind, scan};

/// What the reader needs to know about the law besides the line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx {
    pub lang: Lang,
    /// Morocco and Tunisia call articles "الفصل" (chapters are الباب, الفرع …).
    pub fasl_is_article: bool,
}

/// The keyword that opened a marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkerWord {
    /// المادة / مادة
    Madda,
    /// الفصل used for an article ("الفصل 448-1")
    Fasl,
    /// Article / Art.
    Article,
    /// Section (English)
    Section,
    /// § (English: "§ 1581. Peonage")
    Sign,
    /// A section number alone at the start of a line, heading the section's title (English:
    /// "3 Trafficking in persons", as Singapore and the United Kingdom print their Acts).
    Bare,
}

/// An article marker found in a line.
#[derive(Debug, Clone)]
pub(crate) struct Marker {
    pub word: MarkerWord,
    pub number: ArticleNumber,
    /// The number as written in the output ("3 مكرر", "448-1", "2 bis").
    pub number_text: String,
    /// Preceded by an opening quotation mark (« “ ").
    pub quoted: bool,
    /// Followed by a separator (: - – . ) /) or by the end of the line.
    pub strong: bool,
    /// Byte offset of the marker in the line (opening quote included).
    pub start: usize,
    /// Byte offset where the rest of the line (title or text) begins.
    pub rest_start: usize,
    /// The first word after the number when no separator follows (normalised).
    pub next_word: Option<String>,
    /// The rest of the line is the article's heading by the law's convention ("§ 1590.
    /// Trafficking with respect to …", "3 Trafficking in persons"), however long it is.
    pub titled: bool,
}

/// A part or chapter heading found at the start of a line.
#[derive(Debug, Clone)]
pub(crate) struct HeadingMatch {
    /// 1 book, 2 part/title/الباب, 3 chapter/الفصل, 4 section/القسم, 5 sub-section/الفرع, 6 paragraphe.
    pub level: u8,
    /// Whether a title follows the number on the same line.
    pub has_title: bool,
    /// The first word after the number when no separator follows (normalised).
    pub next_word: Option<String>,
}

const OPEN_QUOTES: &[char] = &['«', '“', '"', '„', '‹', '\u{201F}'];
const SEPARATORS: &[char] = &[
    ':', '-', '–', '—', '‐', '‑', '.', ')', ']', '/', '_', '»', '”',
];
const HYPHENS: &[char] = &['-', '‐', '‑', '–'];

/// Words that show a line-start "المادة 5" or "Article 5" continues a sentence (a reference),
/// when they come right after the number or end the previous line.
pub(crate) fn is_connector(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "من",
        "في",
        "الي",
        "علي",
        "عن",
        "او",
        "و",
        "ف",
        "فقره",
        "الفقره",
        "بند",
        "البند",
        "اعلاه",
        "المشار",
        "المذكوره",
        "المنصوص",
        "المبينه",
        "لسنه",
        "سالفه",
        "السابقه",
        "التاليه",
        "لاحكام",
        "احكام",
        "بموجب",
        "بمقتضي",
        "وفق",
        "وفقا",
        "حسب",
        "بحسب",
        "نص",
        "بنص",
        "عليها",
        "عليه",
        "of",
        "to",
        "and",
        "or",
        "in",
        "under",
        "with",
        "by",
        "above",
        "paragraph",
        "subsection",
        "shall",
        "is",
        "are",
        "see",
        "pursuant",
        "de",
        "du",
        "des",
        "d",
        "la",
        "le",
        "les",
        "l",
        "et",
        "ou",
        "a",
        "au",
        "aux",
        "alinea",
        "paragraphe",
        "precite",
        "precitee",
        "susvise",
        "susvisee",
        "ci",
        "dudit",
        "est",
        "sont",
        "par",
        "selon",
        "vertu",
        "en",
        "conformement",
        "vise",
        "visee",
        "vises",
        "visees",
        "prevu",
        "prevue",
        "prevus",
        "prevues",
        "pour",
        "sur",
    ];
    WORDS.contains(&w)
}

fn get(toks: &[Tok], j: usize) -> Option<&Tok> {
    toks.get(j)
}

/// True when the token is a Latin word whose raw form starts with a capital letter.
fn capital(t: &Tok) -> bool {
    t.upper
}

/// Reads the marker keyword at `j`; returns it and the index after it.
fn marker_keyword(toks: &[Tok], j: usize, ctx: &Ctx) -> Option<(MarkerWord, usize)> {
    let t = get(toks, j)?;
    if ctx.lang == Lang::En && t.is_punct(&['§']) {
        // "§ 1581." (a lone §; "§§ 1581–1597" lists sections and marks none).
        let next_is_num = get(toks, j + 1).is_some_and(|n| n.kind == TokKind::Num);
        return next_is_num.then_some((MarkerWord::Sign, j + 1));
    }
    if t.kind != TokKind::Word {
        return None;
    }
    let dot = |k: usize| usize::from(get(toks, k).is_some_and(|t| t.is_punct(&['.'])));
    match (ctx.lang, t.norm.as_str()) {
        (Lang::Ar, "الماده" | "ماده") => Some((MarkerWord::Madda, j + 1)),
        (Lang::Ar, "الفصل" | "فصل") => Some((MarkerWord::Fasl, j + 1)),
        (Lang::Fr | Lang::En, "article") if capital(t) => Some((MarkerWord::Article, j + 1)),
        (Lang::Fr | Lang::En, "art") if capital(t) => {
            Some((MarkerWord::Article, j + 1 + dot(j + 1)))
        }
        (Lang::En, "section") if capital(t) => Some((MarkerWord::Section, j + 1)),
        (Lang::En, "sec") if capital(t) => Some((MarkerWord::Section, j + 1 + dot(j + 1))),
        _ => None,
    }
}

/// Reads digits joined by hyphens without spaces ("448-1"); returns the parts and next index.
fn digit_parts(toks: &[Tok], j: usize) -> Option<(Vec<u32>, usize)> {
    let first = get(toks, j).filter(|t| t.kind == TokKind::Num && t.norm.len() <= 6)?;
    let mut parts = vec![first.norm.parse::<u32>().ok()?];
    let mut k = j + 1;
    while let (Some(h), Some(n)) = (get(toks, k), get(toks, k + 1)) {
        let joined = h.is_punct(HYPHENS) && !h.space_before && !n.space_before;
        if !(joined && n.kind == TokKind::Num && n.norm.len() <= 6) {
            break;
        }
        parts.push(n.norm.parse::<u32>().ok()?);
        k += 2;
    }
    Some((parts, k))
}

/// The normalised words from `j` on, up to the first non-word token.
fn words_from(toks: &[Tok], j: usize) -> Vec<&str> {
    toks.iter()
        .skip(j)
        .take(6)
        .take_while(|t| t.kind == TokKind::Word)
        .map(|t| t.norm.as_str())
        .collect()
}

/// Reads the prefix of a French code article at `j`, "L. 425-1", "R.425-10", "L425-1",
/// "D* 12": the capital letters, an optional dot and star, then digits. Returns the prefix and
/// the index of the digits. "Article L" alone stays the Roman numeral 50.
fn code_prefix_at(toks: &[Tok], j: usize) -> Option<(&'static str, usize)> {
    let t = get(toks, j).filter(|t| t.kind == TokKind::Word && t.upper)?;
    let prefix = code_prefix(&t.norm.to_ascii_uppercase())?;
    let mut k = j + 1;
    if get(toks, k).is_some_and(|d| d.is_punct(&['.']) && !d.space_before) {
        k += 1;
    }
    if get(toks, k).is_some_and(|d| d.is_punct(&['*'])) {
        k += 1;
    }
    get(toks, k)
        .is_some_and(|n| n.kind == TokKind::Num)
        .then_some((prefix, k))
}

/// Reads the article number at `j` (digits, ordinal words, premier, Roman numerals, and in
/// French the prefix of a code's part: "L. 425-1"). English "Section" takes digits only:
/// "Section I" is a heading. Returns the prefix, the parts, the text and the next index.
fn base_number(
    toks: &[Tok],
    j: usize,
    ctx: &Ctx,
    word: MarkerWord,
) -> Option<(&'static str, Vec<u32>, String, usize)> {
    if ctx.lang == Lang::Fr
        && word == MarkerWord::Article
        && let Some((prefix, k)) = code_prefix_at(toks, j)
        && let Some((parts, k)) = digit_parts(toks, k)
    {
        let text = format!("{prefix}{}", ArticleNumber::plain(parts.clone()));
        return Some((prefix, parts, text, k));
    }
    if let Some((parts, mut k)) = digit_parts(toks, j) {
        let text = ArticleNumber::plain(parts.clone()).to_string();
        let er =
            get(toks, k).is_some_and(|t| !t.space_before && (t.is_word("er") || t.is_word("re")));
        if er && ctx.lang == Lang::Fr {
            k += 1;
        }
        return Some(("", parts, text, k));
    }
    let t = get(toks, j).filter(|t| {
        t.kind == TokKind::Word && !matches!(word, MarkerWord::Section | MarkerWord::Sign)
    })?;
    match ctx.lang {
        Lang::Ar => {
            let (v, used) = ar_ordinal(&words_from(toks, j))?;
            Some(("", vec![v], v.to_string(), j + used))
        }
        Lang::Fr if t.norm == "unique" => Some(("", vec![1], "unique".to_string(), j + 1)),
        Lang::Fr => {
            let v = fr_ordinal(&t.norm).or_else(|| roman_if_capital(t))?;
            Some(("", vec![v], v.to_string(), j + 1))
        }
        Lang::En => {
            let v = en_ordinal(&t.norm).or_else(|| roman_if_capital(t))?;
            Some(("", vec![v], v.to_string(), j + 1))
        }
    }
}

fn roman_if_capital(t: &Tok) -> Option<u32> {
    if t.upper { roman_value(&t.norm) } else { None }
}

/// Reads a suffix after the base number: مكرر [(أ)], bis/ter…, or a capital letter glued to
/// the digits (12A). Returns suffix ranks, the text to append, and the next index.
fn suffix(line: &str, toks: &[Tok], j: usize, ctx: &Ctx) -> (Vec<u32>, String, usize) {
    let Some(t) = get(toks, j) else {
        return (Vec::new(), String::new(), j);
    };
    match ctx.lang {
        Lang::Ar if is_bis(t) => {
            let (letter, text, k) = bis_letter(line, toks, j + 1);
            let mut ranks = vec![2];
            ranks.extend(letter);
            (ranks, format!(" مكرر{text}"), k)
        }
        Lang::Fr | Lang::En if t.kind == TokKind::Word => {
            if let Some(v) = latin_suffix(&t.norm).filter(|_| t.space_before) {
                return (vec![v], format!(" {}", t.norm), j + 1);
            }
            let letter = t.norm.len() == 1 && t.upper && !t.space_before;
            match letter.then(|| t.norm.chars().next()).flatten() {
                Some(c) if c.is_ascii_lowercase() => {
                    let rank = u32::from(c) - u32::from('a') + 1;
                    (vec![rank], c.to_ascii_uppercase().to_string(), j + 1)
                }
                _ => (Vec::new(), String::new(), j),
            }
        }
        _ => (Vec::new(), String::new(), j),
    }
}

/// After مكرر: an optional lettered or numbered rank, "(أ)", "أ" or "2" (before a separator, a
/// bracketed note or the end of the line), or "/1" as amending laws write it ("(4 مكرراً/1)").
fn bis_letter(line: &str, toks: &[Tok], j: usize) -> (Option<u32>, String, usize) {
    let raw = |t: &Tok| line.get(t.start..t.end).unwrap_or("").to_string();
    let rank = |t: &Tok| match t.kind {
        TokKind::Word => abjad_rank(&t.norm),
        TokKind::Num => t.norm.parse::<u32>().ok().filter(|n| *n < 1000),
        TokKind::Punct(_) => None,
    };
    if get(toks, j).is_some_and(|t| t.is_punct(&['/']))
        && let Some(x) = get(toks, j + 1).filter(|x| x.kind == TokKind::Num && !x.space_before)
        && let Some(r) = rank(x)
    {
        return (Some(r), format!(" {}", raw(x)), j + 2);
    }
    let paren = get(toks, j).is_some_and(|t| t.is_punct(&['(']));
    if paren
        && let (Some(x), Some(close)) = (get(toks, j + 1), get(toks, j + 2))
        && close.is_punct(&[')'])
        && let Some(r) = rank(x)
    {
        return (Some(r), format!(" ({})", raw(x)), j + 3);
    }
    if let Some(x) = get(toks, j).filter(|t| t.kind != TokKind::Punct('('))
        && let Some(r) = rank(x)
    {
        // "المادة 4 مكرراً 1 (أضيفت بموجب …)": a bracketed note may follow.
        let ends = get(toks, j + 1).is_none_or(|t| t.is_punct(SEPARATORS) || t.is_punct(&['(']));
        if ends {
            return (Some(r), format!(" {}", raw(x)), j + 1);
        }
    }
    (None, String::new(), j)
}

/// Reads an article marker that starts at token `i`.
pub(crate) fn marker_at(line: &str, toks: &[Tok], i: usize, ctx: &Ctx) -> Option<Marker> {
    let start = get(toks, i)?.start;
    let mut j = i;
    let mut quoted = false;
    while get(toks, j).is_some_and(|t| t.is_punct(OPEN_QUOTES)) {
        quoted = true;
        j += 1;
    }
    let paren = get(toks, j).is_some_and(|t| t.is_punct(&['(', '[']));
    j += usize::from(paren);
    let (word, k) = marker_keyword(toks, j, ctx)?;
    j = k + usize::from(get(toks, k).is_some_and(|t| t.is_word("رقم")));
    let num_paren = get(toks, j).is_some_and(|t| t.is_punct(&['(', '[']));
    j += usize::from(num_paren);
    let (prefix, parts, mut text, mut k) = base_number(toks, j, ctx, word)?;
    // "المادة 4 - مكرراً": a dash between the number and مكرر.
    if ctx.lang == Lang::Ar
        && get(toks, k).is_some_and(|t| t.is_punct(HYPHENS))
        && get(toks, k + 1).is_some_and(is_bis)
    {
        k += 1;
    }
    let (sfx, sfx_text, k) = suffix(line, toks, k, ctx);
    j = k;
    text.push_str(&sfx_text);
    if num_paren {
        if !get(toks, j).is_some_and(|t| t.is_punct(&[')', ']'])) {
            return None;
        }
        j += 1;
    }
    if paren && get(toks, j).is_some_and(|t| t.is_punct(&[')', ']'])) {
        j += 1;
    }
    if word == MarkerWord::Fasl && !ctx.fasl_is_article && parts.len() < 2 {
        return None;
    }
    let number = ArticleNumber {
        prefix: prefix.to_string(),
        parts,
        suffix: sfx,
    };
    let (strong, rest_start, next_word) = after_number(line, toks, j)?;
    let titled =
        word == MarkerWord::Sign && strong && line.get(rest_start..).is_some_and(reads_as_heading);
    Some(Marker {
        word,
        number,
        number_text: text,
        quoted,
        strong,
        start,
        rest_start,
        next_word,
        titled,
    })
}

/// True for the word مكرر (مكرراً, مكررة).
fn is_bis(t: &Tok) -> bool {
    t.kind == TokKind::Word && matches!(t.norm.as_str(), "مكرر" | "مكررا" | "مكرره")
}

/// Whether the rest of a marker line reads as a heading: a title, however long, that does not
/// end a sentence ("Peonage; obstructing enforcement", "False statements, information, etc.").
fn reads_as_heading(rest: &str) -> bool {
    let t = rest.trim();
    let starts_upper = t.chars().next().is_some_and(char::is_uppercase);
    let ends_ok = !t.ends_with(['.', ':', ';', ',', '،', '؛', '—', '–', '-', '?', '!'])
        || t.to_ascii_lowercase().ends_with(" etc.");
    starts_upper && ends_ok && t.chars().count() <= 200 && t.split_whitespace().count() <= 30
}

/// Month names, which make "1 January 2015" a date, not a section heading (and make the year
/// after them a date's, [`super::identity`]).
pub(super) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A section number heading its title at the start of an English line, "3 Trafficking in
/// persons", "12A Offences by bodies corporate": digits (an optional capital glued to them),
/// a space, and a title that starts with a capital and does not end a sentence. "3. The
/// Minister may", "(1) Any person" and "18 years" are not.
fn bare_marker(line: &str, toks: &[Tok], ctx: &Ctx) -> Option<Marker> {
    let first = get(toks, 0).filter(|t| t.kind == TokKind::Num && t.norm.len() <= 4)?;
    if ctx.lang != Lang::En || line.get(..first.start).is_some_and(|l| !l.is_empty()) {
        return None;
    }
    let value = first.norm.parse::<u32>().ok().filter(|v| *v > 0)?;
    let (sfx, sfx_text, k) = suffix(line, toks, 1, ctx);
    let next = get(toks, k)?;
    let word_ok = next.kind == TokKind::Word
        && next.space_before
        && next.upper
        && !MONTHS.contains(&next.norm.as_str());
    let rest = line.get(next.start..)?;
    if !(word_ok && reads_as_heading(rest)) {
        return None;
    }
    Some(Marker {
        word: MarkerWord::Bare,
        number: ArticleNumber {
            prefix: String::new(),
            parts: vec![value],
            suffix: sfx,
        },
        number_text: format!("{value}{sfx_text}"),
        quoted: false,
        strong: false,
        start: first.start,
        rest_start: next.start,
        next_word: Some(next.norm.clone()),
        titled: true,
    })
}

/// Where the text starts in a line that restates the number of the section it begins, as
/// Singapore prints its Acts under the heading line: "3. —(1) Any person …", "13. A police
/// officer …", "12A. …". `None` for any other line.
pub(crate) fn restated_number(line: &str, number: &ArticleNumber, ctx: &Ctx) -> Option<usize> {
    let toks = scan(line);
    let first = get(&toks, 0).filter(|t| t.kind == TokKind::Num)?;
    if line
        .get(..first.start)
        .is_some_and(|l| !l.trim().is_empty())
        || !number.prefix.is_empty()
        || number.parts != [first.norm.parse::<u32>().ok()?]
    {
        return None;
    }
    let (sfx, _, k) = suffix(line, &toks, 1, ctx);
    let dot = get(&toks, k).is_some_and(|t| t.is_punct(&['.']) && !t.space_before);
    if !dot || sfx != number.suffix {
        return None;
    }
    let mut j = k + 1;
    let dash = |t: &Tok| t.is_punct(&['—', '–', '-']);
    // "3.5 per cent" is a number, not a restated one.
    if get(&toks, j).is_some_and(|t| !t.space_before && !dash(t) && !t.is_punct(&['('])) {
        return None;
    }
    while get(&toks, j).is_some_and(dash) {
        j += 1;
    }
    Some(get(&toks, j).map_or(line.len(), |t| t.start))
}

/// What follows a number: (strong, rest start, next word); `None` when punctuation other than
/// a separator follows ("المادة 5، ..."), which makes it no marker.
fn after_number(line: &str, toks: &[Tok], mut j: usize) -> Option<(bool, usize, Option<String>)> {
    let Some(t) = get(toks, j) else {
        return Some((true, line.len(), None));
    };
    if t.is_punct(SEPARATORS) {
        while get(toks, j).is_some_and(|t| t.is_punct(SEPARATORS)) {
            j += 1;
        }
        let rest = get(toks, j).map_or(line.len(), |t| t.start);
        return Some((true, rest, None));
    }
    match t.kind {
        TokKind::Word => Some((false, t.start, Some(t.norm.clone()))),
        TokKind::Num => Some((false, t.start, None)),
        TokKind::Punct(c) if c == '(' || OPEN_QUOTES.contains(&c) => Some((false, t.start, None)),
        TokKind::Punct(_) => None,
    }
}

/// The article marker at the start of `line`, if any.
pub(crate) fn line_marker(line: &str, ctx: &Ctx) -> Option<Marker> {
    let toks = scan(line);
    marker_at(line, &toks, 0, ctx).or_else(|| bare_marker(line, &toks, ctx))
}

/// Article markers found inside `line` (not at its start), each with whether it is glued to the
/// end of a sentence (preceded by . : ؛ ; ) » ! ? ؟), as PDF extraction leaves them.
pub(crate) fn inline_markers(line: &str, ctx: &Ctx) -> Vec<(Marker, bool)> {
    const ENDS: &[char] = &['.', ':', '؛', ';', ')', '»', '”', '!', '?', '؟'];
    let toks = scan(line);
    let mut found = Vec::new();
    for i in 1..toks.len() {
        let Some(prev) = toks.get(i - 1) else {
            continue;
        };
        if prev.is_punct(OPEN_QUOTES) || prev.is_punct(&['(', '[']) {
            continue;
        }
        let Some(m) = marker_at(line, &toks, i, ctx) else {
            continue;
        };
        let glued = prev.is_punct(ENDS);
        found.push((m, glued));
    }
    found
}

/// Reads a heading keyword at `j`: its level and the index after it.
fn heading_keyword(toks: &[Tok], j: usize, ctx: &Ctx) -> Option<(u8, usize)> {
    let t = get(toks, j)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let w = t.norm.as_str();
    let level = match ctx.lang {
        Lang::Ar => match w.strip_prefix("ال").unwrap_or(w) {
            "كتاب" => 1,
            "باب" | "جزء" => 2,
            "فصل" => 3,
            "قسم" => 4,
            "فرع" => 5,
            _ => return None,
        },
        Lang::Fr if capital(t) => match w {
            "livre" => 1,
            "titre" | "partie" => 2,
            "chapitre" => 3,
            "section" => 4,
            "paragraphe" => 6,
            "sous" => {
                let sub = get(toks, j + 1).is_some_and(|h| h.is_punct(HYPHENS))
                    && get(toks, j + 2).is_some_and(|s| s.is_word("section"));
                return sub.then_some((5, j + 3));
            }
            _ => return None,
        },
        Lang::En if capital(t) => match w {
            "book" => 1,
            "part" | "title" | "schedule" => 2,
            "chapter" => 3,
            "division" => 4,
            "section" => 4,
            _ => return None,
        },
        _ => return None,
    };
    Some((level, j + 1))
}

/// Reads a heading number (digits, ordinal words, Roman numerals, "préliminaire" …).
fn heading_number(toks: &[Tok], j: usize, ctx: &Ctx) -> Option<usize> {
    if let Some((_, k)) = digit_parts(toks, j) {
        let er =
            get(toks, k).is_some_and(|t| !t.space_before && (t.is_word("er") || t.is_word("re")));
        return Some(k + usize::from(er));
    }
    let t = get(toks, j).filter(|t| t.kind == TokKind::Word)?;
    let w = t.norm.as_str();
    let ok = match ctx.lang {
        Lang::Ar => {
            if let Some((_, used)) = ar_ordinal(&words_from(toks, j)) {
                return Some(j + used);
            }
            matches!(w, "التمهيدي" | "تمهيدي" | "الختامي" | "ختامي")
        }
        Lang::Fr => {
            fr_ordinal(w).is_some()
                || w.ends_with("ieme")
                || matches!(w, "preliminaire" | "unique")
                || roman_value(w).is_some()
                || w.strip_suffix("er")
                    .is_some_and(|r| roman_value(r) == Some(1))
        }
        Lang::En => en_ordinal(w).is_some() || w == "preliminary" || roman_value(w).is_some(),
    };
    ok.then_some(j + 1)
}

/// The part or chapter heading at the start of `line`, if any. Roman numerals alone on a line
/// ("IV", "II.") are headings too. Article markers are checked first by the caller, so that
/// "الفصل 448-1" and English "Section 1" are articles.
pub(crate) fn line_heading(line: &str, ctx: &Ctx) -> Option<HeadingMatch> {
    let toks = scan(line);
    if let Some(h) = roman_alone(line, &toks) {
        return Some(h);
    }
    let mut j = 0;
    while get(&toks, j).is_some_and(|t| t.is_punct(OPEN_QUOTES)) {
        j += 1;
    }
    let (level, k) = heading_keyword(&toks, j, ctx)?;
    let k = heading_number(&toks, k, ctx)?;
    let (strong, rest, next_word) = after_number(line, &toks, k)?;
    let has_title = line.get(rest..).is_some_and(|r| !r.trim().is_empty());
    Some(HeadingMatch {
        level,
        has_title,
        next_word: if strong { None } else { next_word },
    })
}

fn roman_alone(line: &str, toks: &[Tok]) -> Option<HeadingMatch> {
    let first = toks.first()?;
    let raw = line.get(first.start..first.end)?;
    let upper = raw.chars().all(|c| c.is_ascii_uppercase());
    let rest_ok = toks
        .iter()
        .skip(1)
        .all(|t| t.is_punct(&['.', '-', '–', ')']));
    (first.kind == TokKind::Word && upper && rest_ok && roman_value(raw).is_some()).then_some(
        HeadingMatch {
            level: 2,
            has_title: false,
            next_word: None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const AR: Ctx = Ctx {
        lang: Lang::Ar,
        fasl_is_article: false,
    };
    const MA: Ctx = Ctx {
        lang: Lang::Ar,
        fasl_is_article: true,
    };
    const FR: Ctx = Ctx {
        lang: Lang::Fr,
        fasl_is_article: false,
    };
    const EN: Ctx = Ctx {
        lang: Lang::En,
        fasl_is_article: false,
    };

    fn num(line: &str, ctx: &Ctx) -> Option<(String, bool)> {
        line_marker(line, ctx).map(|m| (m.number_text, m.strong))
    }

    fn rest(line: &str, ctx: &Ctx) -> Option<String> {
        line_marker(line, ctx).and_then(|m| line.get(m.rest_start..).map(str::to_string))
    }

    #[test]
    fn arabic_marker_forms() {
        let s = |x: &str| Some((x.to_string(), true));
        assert_eq!(num("المادة 1", &AR), s("1"));
        assert_eq!(num("المادة (1)", &AR), s("1"));
        assert_eq!(num("مادة ١", &AR), s("1"));
        assert_eq!(num("مادة ۱۲:", &AR), s("12"));
        assert_eq!(num("المادة الأولى", &AR), s("1"));
        assert_eq!(num("المادة الاولى", &AR), s("1"));
        assert_eq!(num("المادة األولى", &AR), s("1"));
        assert_eq!(num("المادة الحادية عشرة", &AR), s("11"));
        assert_eq!(num("المادة الخامسة والعشرون:", &AR), s("25"));
        assert_eq!(num("المادة المائة", &AR), s("100"));
        assert_eq!(num("(المادة الثالثة)", &AR), s("3"));
        assert_eq!(num("المادة رقم (4)", &AR), s("4"));
        assert_eq!(num("المادة 3 مكرر", &AR), s("3 مكرر"));
        assert_eq!(num("المادة 3 مكرراً", &AR), s("3 مكرر"));
        assert_eq!(num("المادة 3 مكرر (أ)", &AR), s("3 مكرر (أ)"));
        assert_eq!(num("المادة 3 مكرر أ -", &AR), s("3 مكرر أ"));
        assert_eq!(num("المادة 448-1", &AR), s("448-1"));
        assert_eq!(num("المادة ٤٤٨-١:", &AR), s("448-1"));
        assert_eq!(num("المـــادة 7", &AR), s("7"));
    }

    #[test]
    fn arabic_marker_values_and_rest() {
        let m = line_marker("المادة 3 مكرر (ب): تعريفات", &AR);
        assert_eq!(
            m.as_ref().map(|m| m.number.clone()),
            Some(ArticleNumber {
                parts: vec![3],
                suffix: vec![2, 2],
                ..ArticleNumber::default()
            })
        );
        assert_eq!(
            rest("المادة 3 مكرر (ب): تعريفات", &AR).as_deref(),
            Some("تعريفات")
        );
        assert_eq!(
            rest("المادة 1- يسمى هذا القانون", &AR).as_deref(),
            Some("يسمى هذا القانون")
        );
        assert_eq!(rest("المادة (2) يعاقب", &AR).as_deref(), Some("يعاقب"));
        assert_eq!(num("المادة (2) يعاقب", &AR), Some(("2".into(), false)));
        assert_eq!(rest("المادة 5 :- النص", &AR).as_deref(), Some("النص"));
    }

    #[test]
    fn arabic_non_markers() {
        assert!(line_marker("المادة: تعريف", &AR).is_none());
        assert!(line_marker("المادة، وهي", &AR).is_none());
        assert!(line_marker("الفقرة (أ) من هذه المادة", &AR).is_none());
        assert!(line_marker("وفقا لأحكام المادة 5", &AR).is_none());
        assert!(line_marker("المادة 5، من", &AR).is_none());
        // Weak (no separator): the caller decides with the connector list.
        let m = line_marker("المادة 5 من هذا القانون", &AR);
        assert!(m.is_some_and(|m| !m.strong && m.next_word.as_deref().is_some_and(is_connector)));
    }

    #[test]
    fn fasl_is_an_article_in_the_maghreb_or_when_hyphenated() {
        assert_eq!(num("الفصل 448-1", &AR), Some(("448-1".into(), true)));
        assert!(line_marker("الفصل 2", &AR).is_none());
        assert!(line_marker("الفصل الأول", &AR).is_none());
        assert_eq!(num("الفصل 2", &MA), Some(("2".into(), true)));
        assert_eq!(num("الفصل الأول", &MA), Some(("1".into(), true)));
        assert!(
            line_heading("الفصل الأول: أحكام عامة", &AR)
                .is_some_and(|h| h.level == 3 && h.has_title)
        );
    }

    #[test]
    fn french_marker_forms() {
        let s = |x: &str| Some((x.to_string(), true));
        assert_eq!(num("Article 1", &FR), s("1"));
        assert_eq!(num("Article premier", &FR), s("1"));
        assert_eq!(num("Article 1er. – La présente loi", &FR), s("1"));
        assert_eq!(num("ARTICLE PREMIER", &FR), s("1"));
        assert_eq!(num("Art. 2", &FR), s("2"));
        assert_eq!(num("Article 448-1", &FR), s("448-1"));
        assert_eq!(num("Article 2 bis", &FR), s("2 bis"));
        assert_eq!(num("Article 2 ter :", &FR), s("2 ter"));
        assert_eq!(num("« Art. 448-3. – Le fait", &FR), s("448-3"));
        assert!(line_marker("« Art. 448-3. – Le fait", &FR).is_some_and(|m| m.quoted));
        assert_eq!(
            rest("Article 1er. – La présente loi", &FR).as_deref(),
            Some("La présente loi")
        );
        assert_eq!(num("Article unique", &FR), s("unique"));
        assert!(line_marker("article 5 du code", &FR).is_none());
        assert!(line_marker("Section 1", &FR).is_none());
        assert!(line_heading("Section 1 : De la traite", &FR).is_some_and(|h| h.level == 4));
        assert!(line_heading("Sous-section 2", &FR).is_some_and(|h| h.level == 5));
        assert!(line_heading("Chapitre premier", &FR).is_some());
        assert!(line_heading("TITRE Ier – DISPOSITIONS GÉNÉRALES", &FR).is_some());
    }

    #[test]
    fn english_marker_forms() {
        let s = |x: &str| Some((x.to_string(), true));
        assert_eq!(num("Article 1", &EN), s("1"));
        assert_eq!(num("Art. 1", &EN), s("1"));
        assert_eq!(num("Section 1. Short title", &EN), s("1"));
        assert_eq!(num("Section 12A.", &EN), s("12A"));
        assert!(line_marker("Section I", &EN).is_none());
        assert!(line_heading("Section I", &EN).is_some());
        assert!(
            line_heading("PART II - OFFENCES", &EN).is_some_and(|h| h.level == 2 && h.has_title)
        );
        assert!(line_heading("Chapter 3", &EN).is_some_and(|h| !h.has_title));
        let m = line_marker("Section 5 of the Penal Code", &EN);
        assert!(m.is_some_and(|m| !m.strong && m.next_word.as_deref() == Some("of")));
    }

    #[test]
    fn headings() {
        assert!(line_heading("الباب الأول", &AR).is_some_and(|h| h.level == 2 && !h.has_title));
        assert!(line_heading("الباب التمهيدي", &AR).is_some());
        assert!(
            line_heading("القسم الثاني - الحماية", &AR)
                .is_some_and(|h| h.level == 4 && h.has_title)
        );
        assert!(line_heading("الفرع 3", &AR).is_some_and(|h| h.level == 5));
        assert!(line_heading("الفصل الأول أحكام عامة", &AR).is_some_and(|h| h.next_word.is_some()));
        assert!(line_heading("IV", &FR).is_some());
        assert!(line_heading("II.", &EN).is_some());
        assert!(line_heading("IV. Les victimes", &FR).is_none());
        assert!(line_heading("الباب", &AR).is_none());
        assert!(line_heading("في الباب الأول", &AR).is_none());
        assert!(line_heading("Titre", &FR).is_none());
    }

    #[test]
    fn inline_markers_found_and_glued() {
        let found = inline_markers("وتسري أحكام الفقرة أعلاه.المادة 26", &AR);
        assert_eq!(found.len(), 1);
        assert!(
            found
                .first()
                .is_some_and(|(m, glued)| *glued && m.number_text == "26")
        );
        let found = inline_markers("وفقا لأحكام المادة 5 من هذا القانون", &AR);
        assert!(found.first().is_some_and(|(_, glued)| !*glued));
        let found = inline_markers("... du présent code. Article 12 : Le", &FR);
        assert!(
            found
                .first()
                .is_some_and(|(m, glued)| *glued && m.strong && m.number_text == "12")
        );
    }

    #[test]
    fn arabic_bis_after_a_dash_and_before_a_note() {
        let s = |x: &str, strong: bool| Some((x.to_string(), strong));
        let added = "المادة 7 - مكرراً (أضيفت بموجب القانون رقم 2 لسنة 2019)";
        assert_eq!(num(added, &AR), s("7 مكرر", false));
        assert_eq!(
            rest(added, &AR).as_deref(),
            Some("(أضيفت بموجب القانون رقم 2 لسنة 2019)")
        );
        let second = "المادة 7 - مكرراً 1 (أضيفت بموجب القانون رقم 2 لسنة 2019)";
        assert_eq!(num(second, &AR), s("7 مكرر 1", false));
        assert_eq!(
            line_marker(second, &AR).map(|m| m.number.suffix),
            Some(vec![2, 1])
        );
        assert_eq!(num("المادة 12 – مكرر", &AR), s("12 مكرر", true));
        assert_eq!(num("مادة (7 مكرراً/2):", &AR), s("7 مكرر 2", true));
        // A dash before anything but مكرر still ends the number.
        assert_eq!(num("المادة 7 - يعاقب", &AR), s("7", true));
        assert_eq!(rest("المادة 7 - يعاقب", &AR).as_deref(), Some("يعاقب"));
    }

    #[test]
    fn french_code_prefixes() {
        let s = |x: &str| Some((x.to_string(), true));
        assert_eq!(num("Article L. 12-1", &FR), s("L12-1"));
        assert_eq!(num("Article R. 12-10", &FR), s("R12-10"));
        assert_eq!(num("Article L12-1", &FR), s("L12-1"));
        assert_eq!(num("Article D.12-3 :", &FR), s("D12-3"));
        assert_eq!(num("Article LO. 140", &FR), s("LO140"));
        assert_eq!(num("Article R* 12-4", &FR), s("R12-4"));
        assert_eq!(num("Art. A. 7-2", &FR), s("A7-2"));
        assert_eq!(
            line_marker("Article R. 12-10", &FR).map(|m| (m.number.prefix, m.number.parts)),
            Some(("R".to_string(), vec![12, 10]))
        );
        // Without digits after it, a capital stays a Roman numeral; glued letters stay suffixes.
        assert_eq!(num("Article L", &FR), s("50"));
        assert_eq!(num("Article 31A", &FR), s("31A"));
        assert!(line_marker("article L. 12-1 du code", &FR).is_none());
        let weak = line_marker("Article L. 12-1 du code", &FR);
        assert!(weak.is_some_and(|m| !m.strong && m.next_word.as_deref() == Some("du")));
    }

    #[test]
    fn english_section_sign() {
        let s = |x: &str| Some((x.to_string(), true));
        assert_eq!(num("§ 204. Holding a person in bondage", &EN), s("204"));
        assert_eq!(num("§ 204A. Profiting from bondage", &EN), s("204A"));
        assert_eq!(
            rest("§ 204. Holding a person in bondage", &EN).as_deref(),
            Some("Holding a person in bondage")
        );
        let long = "§ 205. Conduct relating to papers of persons held in bondage, to their travel, to their work, or to their wages";
        assert!(line_marker(long, &EN).is_some_and(|m| m.titled));
        // Text after the number is no heading.
        assert!(
            line_marker("§ 206. Whoever does so shall be fined.", &EN).is_some_and(|m| !m.titled)
        );
        assert!(line_marker("§§ 204–210", &EN).is_none());
        assert!(line_marker("§ 2. Le juge peut", &FR).is_none());
    }

    #[test]
    fn english_bare_section_numbers() {
        let bare = |line: &str| {
            line_marker(line, &EN)
                .filter(|m| m.word == MarkerWord::Bare && m.titled)
                .map(|m| (m.number_text, line.get(m.rest_start..).map(str::to_string)))
        };
        assert_eq!(
            bare("3 Harbouring of persons"),
            Some(("3".into(), Some("Harbouring of persons".into())))
        );
        assert_eq!(
            bare("12A Offences by bodies corporate"),
            Some(("12A".into(), Some("Offences by bodies corporate".into())))
        );
        assert!(bare("9 Reports, returns, etc.").is_some());
        assert!(
            bare("14 Persons who profit from the work of persons held in bondage by others")
                .is_some()
        );
        // Sub-items, restated numbers, sentences, quantities and dates are not.
        assert!(line_marker("3. The Minister may make rules.", &EN).is_none());
        assert!(line_marker("(1) Any person who harbours", &EN).is_none());
        assert!(bare("18 years of age").is_none());
        assert!(bare("1 January 2021").is_none());
        assert!(bare("3 The Minister may make rules.").is_none());
        assert!(bare("3 Persons liable under this section:").is_none());
        assert!(bare("3").is_none());
        assert!(bare("  3 Harbouring of persons").is_none());
        assert!(line_marker("3 Harbouring of persons", &FR).is_none());
        assert!(line_marker("3 Harbouring of persons", &AR).is_none());
    }

    #[test]
    fn numbers_restated_under_a_section_heading() {
        let three = ArticleNumber::plain(vec![3]);
        let at = |line: &str, n: &ArticleNumber| {
            restated_number(line, n, &EN).and_then(|i| line.get(i..).map(str::to_string))
        };
        assert_eq!(
            at("3. —(1) Any person who harbours", &three).as_deref(),
            Some("(1) Any person who harbours")
        );
        assert_eq!(
            at("3.—(1) Any person", &three).as_deref(),
            Some("(1) Any person")
        );
        assert_eq!(
            at("3. An officer may enter.", &three).as_deref(),
            Some("An officer may enter.")
        );
        let twelve_a = ArticleNumber {
            suffix: vec![1],
            ..ArticleNumber::plain(vec![12])
        };
        assert_eq!(
            at("12A. Where an offence", &twelve_a).as_deref(),
            Some("Where an offence")
        );
        assert_eq!(at("12. Where an offence", &twelve_a), None);
        assert_eq!(at("4. —(1) Any person", &three), None);
        assert_eq!(at("3 Harbouring", &three), None);
        assert_eq!(at("(3) Any person", &three), None);
        assert_eq!(at("3.5 per cent", &three), None);
    }
}
