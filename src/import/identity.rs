//! Import stage, the law's identity: the number and year its first line states ("قانون رقم (7)
//! لسنة 2024", "Act No. 5 of 2018", "Loi n° 2016-444 du 13 avril 2016", "… Act, 2024"), and
//! its title ([`title`]). Read, never guessed: only a first line that opens with the name of a
//! kind of law is read, or the sentence by which a law names itself, and only what it writes
//! out is taken.

use crate::text::digits::to_latin_digits;
use crate::text::normalize::{TATWEEL, is_harakah, strip_diacritics};

/// What a law's opening line says of its number and year (each when written).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub number: Option<String>,
    pub year: Option<String>,
}

/// Words that open the title of a law, decree or code: a line starting with another word (a
/// preamble, "نحن …", "Article 1") says nothing here.
const KINDS: &[&str] = &[
    "قانون",
    "القانون",
    "مرسوم",
    "المرسوم",
    "نظام",
    "النظام",
    "ظهير",
    "الظهير",
    "أمر",
    "الأمر",
    "law",
    "act",
    "the",
    "decree",
    "ordinance",
    "loi",
    "décret",
    "decret",
    "dahir",
    "ordonnance",
    "code",
];

/// The number and year written in `head`, the first lines of the text (before its first
/// article), read from its first two non-empty lines.
pub fn identity(head: &str) -> Identity {
    let lines: Vec<&str> = head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(2)
        .collect();
    let Some(first) = lines.first() else {
        return Identity::default();
    };
    let words = |l: &str| -> Vec<String> {
        to_latin_digits(l)
            .split(|c: char| c.is_whitespace() || "()[]«»\"“”:;".contains(c))
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_end_matches(',').to_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let opening = words(first);
    let Some(kind) = opening.first() else {
        return Identity::default();
    };
    let names_a_law = opening
        .iter()
        .any(|x| matches!(x.as_str(), "act" | "law" | "loi" | "code"));
    // A short English or French title that names a law ("Prevention of Trafficking in
    // Persons Act, 2018") may give its year; only a line opening with a kind of law is read
    // for a number (an Arabic preamble cites other laws by number).
    let short_title = names_a_law && opening.len() <= 12;
    if !KINDS.contains(&kind.as_str()) && !short_title {
        return Identity::default();
    }
    let kind_first = KINDS.contains(&kind.as_str());
    let w: Vec<String> = lines.iter().flat_map(|l| words(l)).collect();
    let is_year = |s: &str| {
        s.len() == 4
            && s.chars().all(|c| c.is_ascii_digit())
            && (s.starts_with("19") || s.starts_with("20"))
    };
    let is_number = |s: &str| {
        s.chars().next().is_some_and(|c| c.is_ascii_digit())
            && s.chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '.' || c == '/')
            && !s.ends_with(['-', '.', '/'])
    };
    let mut out = Identity::default();
    // "رقم 7", "No. 5", "n° 2016-444", "no 27-14": the number; then "لسنة 2024", "of 2018",
    // a date's year ("du 13 avril 2016"), or "Act, 2024".
    let mut after = 0;
    for (i, x) in w.iter().enumerate().filter(|_| kind_first) {
        let marker = matches!(
            x.as_str(),
            "رقم" | "no." | "no" | "n°" | "nº" | "n" | "number"
        );
        if marker && let Some(n) = w.get(i + 1).filter(|n| is_number(n)) {
            out.number = Some(n.clone());
            after = i + 2;
            break;
        }
    }
    if out.number.is_none() {
        // Without a number, only a year that closes the title's first line ("… ACT, 2024").
        let names_a_law = names_a_law || matches!(kind.as_str(), "قانون" | "القانون");
        if let Some(y) = opening
            .last()
            .filter(|y| is_year(y) && opening.len() > 1 && names_a_law)
        {
            out.year = Some(y.clone());
        }
        return out;
    }
    // The year right after the number: "لسنة 2024", "of 2018", or a date's "… avril 2016".
    out.year = w.iter().enumerate().skip(after).take(5).find_map(|(i, y)| {
        let before = w.get(i - 1).map(String::as_str).unwrap_or_default();
        if is_year(y) && (YEAR_BEFORE.contains(&before) || super::marker::MONTHS.contains(&before))
        {
            return Some(y.clone());
        }
        // The date it was issued on, in figures: "صادر بتاريخ 13/09/2023م" (a Hijri
        // date, "27/صفر/1445هـ", is not a year of 19xx or 20xx).
        let date = y.trim_end_matches('م');
        let year = date.rsplit('/').next().unwrap_or_default();
        (before == "بتاريخ" && date.matches('/').count() == 2 && is_year(year))
            .then(|| year.to_string())
    });
    out
}

/// The most words a title read from the text may have (a longer stretch is not a title).
const TITLE_WORDS: usize = 40;

/// The law's title as the text writes it, if it does:
/// - the sentence by which the law names itself, in its first articles: "This Act may be
///   cited as the Prevention of Human Trafficking Act 2014", "This Act may be called …",
///   "This Act is the …", "يسمى هذا القانون (قانون منع الاتجار بالبشر لسنة 2009)";
/// - else a first line that opens with a kind of law ("Loi n° 2016-444 du 13 avril 2016
///   visant à …", "Anti-Trafficking Act, 2019"), with, in Arabic, the line among the next
///   three that gives its subject ("في شأن مكافحة الاتجار بالبشر", "بشأن …").
///
/// `head` is the text before the first article; `articles`, the first articles' texts.
pub fn title(head: &str, articles: &[&str]) -> Option<String> {
    articles
        .iter()
        .take(2)
        .find_map(|a| self_named(a))
        .or_else(|| head_title(head))
}

/// The name a law gives itself in `text` ("This Act may be cited as …", "يسمى هذا القانون …").
fn self_named(text: &str) -> Option<String> {
    // One line: a short title broken across lines is joined.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Arabic is searched without harakat and tatweel ("يُسمّى"), and the title is cut from
    // the text as written: `kept` holds the byte offset in `flat` of each character `plain`
    // keeps.
    let kept: Vec<usize> = flat
        .char_indices()
        .filter(|(_, c)| !is_harakah(*c) && *c != TATWEEL)
        .map(|(i, _)| i)
        .collect();
    let plain = strip_diacritics(&flat);
    const AR: &[&str] = &[
        "يسمى هذا القانون",
        "يسمي هذا القانون",
        "يسمى هذا المرسوم بقانون",
        "يسمى هذا النظام",
        "يطلق على هذا القانون اسم",
        "يطلق على هذا القانون",
    ];
    const AR_ENDS: &[&str] = &["،", ".", " ويعمل", " وينشر", " ويسري"];
    for phrase in AR {
        if let Some(at) = plain.find(phrase) {
            let from = at + phrase.len();
            let (a, b) = title_span(&plain[from..], AR_ENDS)?;
            // Byte offsets in `plain` → characters → byte offsets in `flat`.
            let chars = |i: usize| plain[..i].chars().count();
            let start = *kept.get(chars(from + a))?;
            let end = kept.get(chars(from + b)).copied().unwrap_or(flat.len());
            return Some(flat[start..end].trim_end().to_string());
        }
    }
    let lower = flat.to_lowercase();
    // Lowercasing keeps byte offsets only when no character changes its length.
    if lower.len() != flat.len() {
        return None;
    }
    const EN: &[&str] = &[
        "may be cited as",
        "may be called",
        "shall be cited as",
        "shall be called",
        "shall be known as",
        "act is the",
        "law is the",
        "act is called",
        "law is called",
        "peut être citée sous le titre",
    ];
    const EN_ENDS: &[&str] = &[
        ". ",
        ";",
        " and shall ",
        " and comes ",
        " and came ",
        ", and ",
    ];
    for phrase in EN {
        if let Some(at) = lower.find(phrase) {
            let mut from = at + phrase.len();
            from += flat[from..].len() - flat[from..].trim_start().len();
            for article in ["the ", "The "] {
                if flat[from..].starts_with(article) {
                    from += article.len();
                }
            }
            let (a, b) = title_span(&flat[from..], EN_ENDS)?;
            return Some(flat[from + a..from + b].to_string());
        }
    }
    None
}

/// Where a title is at the start of `rest` (byte range): what a bracket or quote opening it
/// encloses, or the words up to the first of `ends` (or the end), without a closing full stop
/// or quotes; `None` when that is empty or too long to be a title.
fn title_span(rest: &str, ends: &[&str]) -> Option<(usize, usize)> {
    let lead = rest.len() - rest.trim_start().len();
    let body = &rest[lead..];
    let pairs = [('(', ')'), ('«', '»'), ('"', '"'), ('“', '”'), ('[', ']')];
    let (mut a, mut b) = match pairs.iter().find(|(o, _)| body.starts_with(*o)) {
        Some((o, c)) => {
            let from = lead + o.len_utf8();
            (from, from + rest[from..].find(*c)?)
        }
        None => {
            let end = ends
                .iter()
                .filter_map(|e| body.find(e))
                .min()
                .unwrap_or(body.len());
            (lead, lead + end)
        }
    };
    let trim = |c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | '،' | ':' | '"' | '“' | '”' | '«' | '»')
    };
    while let Some(c) = rest[a..b].chars().next().filter(|c| trim(*c)) {
        a += c.len_utf8();
    }
    while let Some(c) = rest[a..b].chars().next_back().filter(|c| trim(*c)) {
        b -= c.len_utf8();
    }
    let words = rest[a..b].split_whitespace().count();
    (words > 0 && words <= TITLE_WORDS).then_some((a, b))
}

/// A title from the lines before the first article: a first line that opens with a kind of
/// law, or a short one that names a law ("THE PREVENTION OF TRAFFICKING IN PERSONS ACT, 2024");
/// in Arabic, with the line among the next three that gives its subject ("في شأن …"), or,
/// when the first line gives only the number and year ("قانون رقم (7) لسنة 2024"), the name
/// on the next line before them ("قانون مكافحة الاتجار بالبشر رقم (7) لسنة 2024").
fn head_title(head: &str) -> Option<String> {
    let lines: Vec<&str> = head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(4)
        .collect();
    let first = *lines.first()?;
    let words: Vec<String> = first
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '°')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let opens_with_kind = |ws: &[String]| {
        ws.first()
            .is_some_and(|k| k != "the" && KINDS.contains(&k.as_str()))
    };
    let names_a_law = words.len() <= 12
        && words
            .iter()
            .any(|w| matches!(w.as_str(), "act" | "law" | "loi" | "code"));
    if !opens_with_kind(&words) && !names_a_law {
        return None;
    }
    let second = lines.get(1).copied();
    // "قانون رقم (7) لسنة 2024": the kind, then nothing but the number and the year.
    let number_only = words.len() > 1
        && words.iter().skip(1).all(|w| {
            let w = to_latin_digits(w);
            w.chars().all(|c| c.is_ascii_digit() || "-./".contains(c))
                || YEAR_BEFORE.contains(&w.as_str())
                || matches!(w.as_str(), "رقم" | "no" | "n°" | "nº" | "number")
        });
    let t = match second {
        Some(name)
            if number_only
                && opens_with_kind(
                    &name
                        .split_whitespace()
                        .take(1)
                        .map(str::to_lowercase)
                        .collect::<Vec<_>>(),
                ) =>
        {
            let rest = first.split_once(char::is_whitespace).map_or("", |x| x.1);
            format!("{name} {}", rest.trim())
        }
        _ => {
            let subject = lines.iter().skip(1).find(|l| {
                let l = strip_diacritics(l);
                ["في شأن", "بشأن", "بشان", "في شان"]
                    .iter()
                    .any(|p| l.starts_with(p))
            });
            match subject {
                Some(s) => format!("{first} {s}"),
                None => first.to_string(),
            }
        }
    };
    let (a, b) = title_span(&t, &[])?;
    Some(t[a..b].to_string())
}

/// The words a law's year follows/// The words a law's year follows: "لسنة", "of", and the months of a French date (the
/// English months are [`super::marker::MONTHS`]).
const YEAR_BEFORE: &[&str] = &[
    "لسنة",
    "لعام",
    "سنة",
    "عام",
    "of",
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> (Option<String>, Option<String>) {
        let i = identity(s);
        (i.number, i.year)
    }

    fn is(number: Option<&str>, year: Option<&str>) -> (Option<String>, Option<String>) {
        (number.map(str::to_string), year.map(str::to_string))
    }

    #[test]
    fn the_number_and_year_a_first_line_writes_are_read() {
        assert_eq!(
            read("قانون رقم (7) لسنة 2024\nقانون مكافحة الاتجار بالبشر"),
            is(Some("7"), Some("2024"))
        );
        assert_eq!(
            read("مرسوم بقانون اتحادي رقم ٢٤\nلسنة ٢٠٢٣ في شأن مكافحة الاتجار بالبشر"),
            is(Some("24"), Some("2023"))
        );
        assert_eq!(
            read("The Prevention of Trafficking in Persons Act (Act No. 5 of 2018)"),
            is(Some("5"), Some("2018"))
        );
        assert_eq!(
            read("Loi n° 2016-444 du 13 avril 2016 visant à renforcer la lutte"),
            is(Some("2016-444"), Some("2016"))
        );
        assert_eq!(
            read("Decree No. 12 dated 1 March 2015 on trafficking"),
            is(Some("12"), Some("2015"))
        );
        // No year after the number, but the date it was issued on.
        assert_eq!(
            read(
                "مرسوم بقانون اتحادي رقم 24\nصادر بتاريخ 13/09/2023م\nفي شأن مكافحة الاتجار بالبشر"
            ),
            is(Some("24"), Some("2023"))
        );
        assert_eq!(
            read("مرسوم بقانون رقم 24\nصادر بتاريخ 27/02/1445هـ"),
            is(Some("24"), None)
        );
        assert_eq!(
            read("THE PREVENTION OF TRAFFICKING IN PERSONS ACT, 2024\nAn Act to prevent"),
            is(None, Some("2024"))
        );
    }

    #[test]
    fn what_a_first_line_does_not_write_is_not_guessed() {
        // A Moroccan law's number does not give its year.
        assert_eq!(
            read("Loi n° 27-14 relative à la lutte contre la traite des êtres humains"),
            is(Some("27-14"), None)
        );
        // A preamble or an article opens the text: nothing is read, even a law it cites.
        assert_eq!(
            read(
                "نحن تميم بن حمد آل ثاني أمير دولة قطر،\nبعد الاطلاع على القانون رقم (15) لسنة 2011"
            ),
            is(None, None)
        );
        assert_eq!(read("Article 1\nLoi n° 12 de 1990"), is(None, None));
        assert_eq!(read("المادة الأولى:"), is(None, None));
        assert_eq!(read(""), is(None, None));
        // A year far from the number (another law's, further on) is not the law's.
        assert_eq!(
            read("قانون رقم 3 بتعديل بعض أحكام القانون الصادر بتنفيذ الاتفاقية الموقعة في عام 1990"),
            is(Some("3"), None)
        );
    }

    #[test]
    fn a_year_alone_is_read_only_from_a_title_that_names_a_law() {
        assert_eq!(identity("The Official Gazette, 2019").year, None);
        assert_eq!(
            identity("Prevention of Trafficking in Persons Act, 2018")
                .year
                .as_deref(),
            Some("2018")
        );
        // Not a title: a long line of a preamble that cites an act.
        assert_eq!(
            identity("WHEREAS it is expedient to give effect to the obligations of the State under the Act, 2010").year,
            None
        );
        assert_eq!(
            identity("Anti-Trafficking Law, 2019").year.as_deref(),
            Some("2019")
        );
    }

    #[test]
    fn a_title_is_read_from_the_sentence_by_which_a_law_names_itself() {
        let t = |a: &str| title("", &[a]);
        assert_eq!(
            t("(1) This Act may be called the Prevention of\nTrafficking in Persons Act, 2018.\n(2) It extends to the whole of Pakistan.")
                .as_deref(),
            Some("Prevention of Trafficking in Persons Act, 2018")
        );
        assert_eq!(
            t("1. This Act is the Prevention of Human Trafficking Act 2014.").as_deref(),
            Some("Prevention of Human Trafficking Act 2014")
        );
        assert_eq!(
            t("This Act may be cited as the Anti-Trafficking Act 2019 and shall come into operation on a date fixed by the Minister.")
                .as_deref(),
            Some("Anti-Trafficking Act 2019")
        );
        assert_eq!(
            t("يُسمّى هذا القانون (قانون منع الاتجار بالبشر لسنة 2009) ويُعمل به بعد ثلاثين يوماً من تاريخ نشره في الجريدة الرسمية.")
                .as_deref(),
            Some("قانون منع الاتجار بالبشر لسنة 2009")
        );
        // The title keeps its harakat (found without them).
        assert_eq!(
            t("يُسمّى هذا القانونُ قانونَ مكافحةِ الاتجار بالبشر، ويُعمل به من تاريخ نشره.").as_deref(),
            Some("قانونَ مكافحةِ الاتجار بالبشر")
        );
        assert_eq!(
            t("يسمى هذا القانون قانون مكافحة الاتجار بالبشر، ويعمل به من تاريخ نشره.").as_deref(),
            Some("قانون مكافحة الاتجار بالبشر")
        );
        // The second article may name the law (the first being the definitions), not a later one.
        assert_eq!(
            title(
                "",
                &[
                    "In this Act, “child” means …",
                    "This Act may be cited as the X Act."
                ]
            )
            .as_deref(),
            Some("X Act")
        );
        assert_eq!(
            title("", &["a", "b", "This Act may be cited as the X Act."]),
            None
        );
    }

    #[test]
    fn a_title_is_read_from_a_first_line_that_opens_with_a_kind_of_law() {
        assert_eq!(
            title(
                "مرسوم بقانون اتحادي رقم 24\nصادر بتاريخ 13/09/2023م\nالموافق فيه 27/صفر/1445هـ\nفي شأن مكافحة الاتجار بالبشر\nرئيس الدولة،",
                &["يقصد بالكلمات"]
            )
            .as_deref(),
            Some("مرسوم بقانون اتحادي رقم 24 في شأن مكافحة الاتجار بالبشر")
        );
        assert_eq!(
            title(
                "Loi n° 2016-444 du 13 avril 2016 visant à renforcer la lutte contre le système prostitutionnel\n",
                &[]
            )
            .as_deref(),
            Some("Loi n° 2016-444 du 13 avril 2016 visant à renforcer la lutte contre le système prostitutionnel")
        );
        assert_eq!(
            title(
                "قانون رقم (7) لسنة 2024\nقانون مكافحة الاتجار بالبشر وحماية ضحاياه\n\nبعد الاطلاع",
                &[]
            )
            .as_deref(),
            Some("قانون مكافحة الاتجار بالبشر وحماية ضحاياه رقم (7) لسنة 2024")
        );
        assert_eq!(
            title(
                "THE PREVENTION OF TRAFFICKING IN PERSONS ACT, 2024\nAn Act to prevent trafficking",
                &[]
            )
            .as_deref(),
            Some("THE PREVENTION OF TRAFFICKING IN PERSONS ACT, 2024")
        );
        // The law's own name wins over its first line.
        assert_eq!(
            title(
                "Act No. 5 of 2018",
                &["This Act may be called the Short Act, 2018."]
            )
            .as_deref(),
            Some("Short Act, 2018")
        );
    }

    #[test]
    fn no_title_is_guessed() {
        // A preamble, an article, a sentence naming no title: nothing.
        assert_eq!(
            title(
                "نحن تميم بن حمد آل ثاني أمير دولة قطر،\nبعد الاطلاع على القانون رقم (15) لسنة 2011 بشأن مكافحة الاتجار بالبشر",
                &["يُستبدل بنص المادة (5) النص الآتي"]
            ),
            None
        );
        assert_eq!(
            title(
                "",
                &["Whoever holds any person to a condition of peonage shall be fined."]
            ),
            None
        );
        assert_eq!(title("The Official Gazette", &[]), None);
        assert_eq!(title("", &[]), None);
        // An unclosed bracket, or a "title" running on for a page, is not read.
        assert_eq!(title("", &["يسمى هذا القانون (قانون مكافحة"]), None);
        let long = format!("This Act may be cited as the {} Act.", "very ".repeat(60));
        assert_eq!(title("", &[&long]), None);
    }
}
