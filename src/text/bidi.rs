//! Text stage: bidirectional-text helpers (isolating number groups, finding forbidden marks).
//! Pure string work: it must not reorder, translate or otherwise change any visible character.

use super::digits::is_any_digit;

/// LEFT-TO-RIGHT ISOLATE, opens an isolated run.
pub const LRI: char = '\u{2066}';
/// POP DIRECTIONAL ISOLATE, closes it.
pub const PDI: char = '\u{2069}';

/// Separators that join digit runs into one number group ("448-1", "2023/05/17", "12–15").
fn is_group_separator(c: char) -> bool {
    matches!(c, '-' | '/' | '\u{2010}' | '\u{2011}' | '\u{2013}')
}

/// True for the invisible characters that set or override text direction: LRM, RLM, ALM
/// (U+061C), the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// True for characters that are invisible and could hide or split words: zero width space
/// U+200B, word joiner U+2060, BOM / zero width no-break space U+FEFF, soft hyphen U+00AD and
/// Mongolian vowel separator U+180E. ZWJ U+200D and ZWNJ U+200C are not included: they shape
/// Arabic and Persian letters legitimately.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
    )
}

/// True for a control character other than the line feed, carriage return and tab: a NUL, a
/// form feed left by PDF extraction, a C1 control from a mis-decoded file. None belongs in a
/// law's text, and XML (Word, Akoma Ntoso) cannot hold most of them.
pub fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// Wraps every hyphenated or slashed number group ("448-1", "2023-05-17", "12-15",
/// "+966-11-555", also in Arabic-Indic digits) in LRI … PDI so that it displays in logical
/// order inside an Arabic line. Plain numbers ("12") are left alone, and a group that is
/// already isolated is not wrapped twice, so the function is idempotent.
pub fn isolate_ltr_numbers(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        match number_group_end(&chars, i) {
            Some(end) => {
                let wrapped =
                    i > 0 && chars.get(i - 1) == Some(&LRI) && chars.get(end) == Some(&PDI);
                if !wrapped {
                    out.push(LRI);
                }
                out.extend(chars.get(i..end).unwrap_or(&[]));
                if !wrapped {
                    out.push(PDI);
                }
                i = end;
            }
            None => {
                // Skip the rest of a digit run so that "1234-5" is only tried from its start.
                let run = digit_run_end(&chars, i);
                let stop = if run > i { run } else { i + 1 };
                out.extend(chars.get(i..stop).unwrap_or(&[]));
                i = stop;
            }
        }
    }
    out
}

/// Splits `s` into runs, `true` for each hyphenated or slashed number group that must be
/// shown left to right inside Arabic text (the groups [`isolate_ltr_numbers`] wraps). Outputs
/// use it to isolate the groups in their own way (Typst `text(dir: ltr)`, HTML `<bdi>`).
pub fn split_ltr_numbers(s: &str) -> Vec<(bool, &str)> {
    let idx: Vec<(usize, char)> = s.char_indices().collect();
    let chars: Vec<char> = idx.iter().map(|(_, c)| *c).collect();
    let byte = |i: usize| idx.get(i).map_or(s.len(), |(b, _)| *b);
    let mut out = Vec::new();
    let (mut i, mut plain) = (0, 0);
    while i < chars.len() {
        if let Some(end) = number_group_end(&chars, i) {
            if plain < i {
                out.push((false, &s[byte(plain)..byte(i)]));
            }
            out.push((true, &s[byte(i)..byte(end)]));
            i = end;
            plain = end;
        } else {
            let run = digit_run_end(&chars, i);
            i = if run > i { run } else { i + 1 };
        }
    }
    if plain < chars.len() {
        out.push((false, &s[byte(plain)..]));
    }
    out
}

fn digit_run_end(chars: &[char], start: usize) -> usize {
    let mut j = start;
    while chars.get(j).is_some_and(|c| is_any_digit(*c)) {
        j += 1;
    }
    j
}

/// If a number group with at least one separator starts at `start`, the index after its end.
fn number_group_end(chars: &[char], start: usize) -> Option<usize> {
    let mut j = start;
    if chars.get(j) == Some(&'+') {
        let after_word = start > 0 && chars.get(start - 1).is_some_and(|c| c.is_alphanumeric());
        if after_word {
            return None;
        }
        j += 1;
    }
    let first = digit_run_end(chars, j);
    if first == j {
        return None;
    }
    j = first;
    let mut groups = 0;
    while chars.get(j).is_some_and(|c| is_group_separator(*c)) {
        let next = digit_run_end(chars, j + 1);
        if next == j + 1 {
            break;
        }
        j = next;
        groups += 1;
    }
    (groups > 0).then_some(j)
}

/// Removes the direction marks and controls (see [`is_bidi_control`]), for comparing text that
/// went through a PDF (pdftotext) with the source.
pub fn strip_bidi_controls(s: &str) -> String {
    s.chars().filter(|c| !is_bidi_control(*c)).collect()
}

/// Every character that must not appear in law text, with its byte offset: the bidi controls
/// of [`is_bidi_control`] (LRM and RLM included: they are invisible direction marks too), the
/// invisible characters of [`is_invisible`] and the control characters of
/// [`is_stray_control`]. ZWJ and ZWNJ are allowed.
pub fn find_forbidden_chars(s: &str) -> Vec<(usize, char)> {
    s.char_indices().filter(|(_, c)| is_forbidden(*c)).collect()
}

/// True for a character of [`find_forbidden_chars`].
pub fn is_forbidden(c: char) -> bool {
    is_bidi_control(c) || is_invisible(c) || is_stray_control(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_groups_are_split_out_for_isolation() {
        let runs = split_ltr_numbers("المادة 448-1 بتاريخ 2023-05-17 و12");
        let ltr: Vec<&str> = runs.iter().filter(|(l, _)| *l).map(|(_, s)| *s).collect();
        assert_eq!(ltr, vec!["448-1", "2023-05-17"]);
        assert_eq!(
            runs.iter().map(|(_, s)| *s).collect::<String>(),
            "المادة 448-1 بتاريخ 2023-05-17 و12"
        );
        assert!(split_ltr_numbers("").is_empty());
    }
    use proptest::prelude::*;

    fn wrap(s: &str) -> String {
        format!("{LRI}{s}{PDI}")
    }

    #[test]
    fn isolates_groups() {
        assert_eq!(
            isolate_ltr_numbers("الفصل 448-1 من القانون"),
            format!("الفصل {} من القانون", wrap("448-1"))
        );
        assert_eq!(isolate_ltr_numbers("2023-05-17"), wrap("2023-05-17"));
        assert_eq!(
            isolate_ltr_numbers("من 12-15"),
            format!("من {}", wrap("12-15"))
        );
        assert_eq!(
            isolate_ltr_numbers("هاتف +966-11-555"),
            format!("هاتف {}", wrap("+966-11-555"))
        );
        assert_eq!(isolate_ltr_numbers("١٢/٣"), wrap("١٢/٣"));
        assert_eq!(
            isolate_ltr_numbers("في 17/05/2023."),
            format!("في {}.", wrap("17/05/2023"))
        );
    }

    #[test]
    fn leaves_plain_numbers_and_dangling_separators() {
        for s in ["المادة 12", "12-", "-12", "a-b", "12 - 15", "x+1-2"] {
            let out = isolate_ltr_numbers(s);
            if s == "x+1-2" {
                assert_eq!(out, format!("x+{}", wrap("1-2")));
            } else {
                assert_eq!(out, s);
            }
        }
    }

    #[test]
    fn is_idempotent() {
        let once = isolate_ltr_numbers("448-1 و 448-2");
        assert_eq!(isolate_ltr_numbers(&once), once);
    }

    #[test]
    fn finds_forbidden_with_byte_offsets() {
        let s = "a\u{200F}b\u{200D}c\u{200C}d\u{00AD}e\u{202E}";
        assert_eq!(
            find_forbidden_chars(s),
            vec![(1, '\u{200F}'), (13, '\u{00AD}'), (16, '\u{202E}')]
        );
        assert!(find_forbidden_chars("نص\u{200C}عادي").is_empty());
    }

    #[test]
    fn strips_controls() {
        assert_eq!(
            strip_bidi_controls("\u{200F}12\u{2066}3-4\u{2069}"),
            "123-4"
        );
    }

    proptest! {
        #[test]
        fn isolate_then_strip_is_identity(s in "\\PC*") {
            let clean = strip_bidi_controls(&s);
            prop_assert_eq!(strip_bidi_controls(&isolate_ltr_numbers(&clean)), clean);
        }

        #[test]
        fn isolate_then_strip_on_numbers(s in "[0-9٠-٩+/ \\-ا-ي]{0,40}") {
            prop_assert_eq!(strip_bidi_controls(&isolate_ltr_numbers(&s)), s.clone());
            let once = isolate_ltr_numbers(&s);
            prop_assert_eq!(isolate_ltr_numbers(&once), once.clone());
        }
    }
}
