//! Import stage, the law's identity: the number and year its first line states ("قانون رقم (7)
//! لسنة 2024", "Act No. 5 of 2018", "Loi n° 2016-444 du 13 avril 2016", "… Act, 2024"). Read,
//! never guessed: only a first line that opens with the name of a kind of law is read, and
//! only what it writes out is taken.

use crate::text::digits::to_latin_digits;

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
    out.year = w
        .iter()
        .enumerate()
        .skip(after)
        .take(5)
        .find(|(i, y)| {
            is_year(y)
                && w.get(i - 1).is_some_and(|p| {
                    YEAR_BEFORE.contains(&p.as_str()) || super::marker::MONTHS.contains(&p.as_str())
                })
        })
        .map(|(_, y)| y.clone());
    out
}

/// The words a law's year follows: "لسنة", "of", and the months of a French date (the
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
}
