//! Text stage: splitting text into tokens for word-level diffs.
//! Tokens are slices of the input and concatenate back to it exactly: this module must never
//! drop, add or change a character.
//!
//! The rules:
//! - a run of whitespace is one token;
//! - a word is a run of letters with their combining marks, tatweel and ZWJ/ZWNJ, so an Arabic
//!   word keeps its attached clitics ("والاتجار" is one token);
//! - French elision: an apostrophe (' or ’) between letters stays inside the word ("aujourd'hui",
//!   "State's"), except after an elided article or pronoun (l d j m n s t c qu jusqu lorsqu
//!   puisqu quoiqu presqu), where the token ends after the apostrophe: "l'article" is the two
//!   tokens "l'" and "article", so a change of noun does not show the article as changed;
//! - a number is a run of digits (Western, Arabic-Indic or Persian) together with single
//!   internal separators - / . , ٫ ٬ between digits: "448-1", "2023/05/17", "1,5" and "١٢٫٥"
//!   are one token each, so a changed article number shows as one replaced token;
//! - every other character (punctuation such as ، ؛ ؟ , ; ( ) « », symbols, controls) is a
//!   token of its own.

use super::digits::is_any_digit;
use super::normalize::TATWEEL;
use unicode_normalization::char::is_combining_mark;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Space,
    Word,
    Number,
    Other,
}

fn is_word_char(c: char) -> bool {
    super::is_alphabetic(c)
        || is_combining_mark(c)
        || matches!(c, TATWEEL | '\u{200C}' | '\u{200D}')
}

fn kind_of(c: char) -> Kind {
    if c.is_whitespace() {
        Kind::Space
    } else if is_any_digit(c) {
        Kind::Number
    } else if is_word_char(c) {
        Kind::Word
    } else {
        Kind::Other
    }
}

fn is_number_separator(c: char) -> bool {
    matches!(c, '-' | '/' | '.' | ',' | '\u{066B}' | '\u{066C}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// The French words that elide before a vowel: "l'", "d'", "qu'", "jusqu'" …
fn is_elision_prefix(word: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
        "presqu",
    ];
    let lower = word.to_lowercase();
    PREFIXES.contains(&lower.as_str())
}

/// Splits `s` into diff tokens (see the module documentation for the rules). The tokens
/// concatenate back to `s` exactly.
pub fn diff_tokens(s: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let end = token_end(s, &chars, i);
        let from = chars.get(i).map_or(s.len(), |(b, _)| *b);
        let to = chars.get(end).map_or(s.len(), |(b, _)| *b);
        if let Some(t) = s.get(from..to) {
            tokens.push(t);
        }
        i = end.max(i + 1);
    }
    tokens
}

/// The index (in `chars`) just after the token that starts at `start`.
fn token_end(s: &str, chars: &[(usize, char)], start: usize) -> usize {
    let Some(&(_, first)) = chars.get(start) else {
        return start;
    };
    let at = |k: usize| chars.get(k).map(|(_, c)| *c);
    let mut j = start + 1;
    match kind_of(first) {
        Kind::Space => {
            while at(j).is_some_and(char::is_whitespace) {
                j += 1;
            }
        }
        Kind::Number => loop {
            match at(j) {
                Some(c) if is_any_digit(c) || is_combining_mark(c) => j += 1,
                Some(c) if is_number_separator(c) && at(j + 1).is_some_and(is_any_digit) => j += 2,
                _ => break,
            }
        },
        Kind::Word => loop {
            match at(j) {
                Some(c) if is_word_char(c) => j += 1,
                Some(c) if is_apostrophe(c) && at(j + 1).is_some_and(char::is_alphabetic) => {
                    let word = chars
                        .get(j)
                        .and_then(|(b, _)| s.get(chars.get(start).map_or(0, |p| p.0)..*b))
                        .unwrap_or("");
                    j += 1;
                    if is_elision_prefix(word) {
                        break;
                    }
                }
                _ => break,
            }
        },
        Kind::Other => {}
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn arabic_words_keep_clitics_and_punctuation_splits() {
        assert_eq!(
            diff_tokens("والاتجار بالبشر، جريمة؛ أليس كذلك؟"),
            vec![
                "والاتجار",
                " ",
                "بالبشر",
                "،",
                " ",
                "جريمة",
                "؛",
                " ",
                "أليس",
                " ",
                "كذلك",
                "؟"
            ]
        );
    }

    #[test]
    fn harakat_and_tatweel_stay_in_the_word() {
        assert_eq!(
            diff_tokens("يُعاقَبُ  بالسـجن"),
            vec!["يُعاقَبُ", "  ", "بالسـجن"]
        );
    }

    #[test]
    fn numbers_with_separators_are_one_token() {
        assert_eq!(
            diff_tokens("المادة 448-1 (2023/05/17) ١٢٫٥ 1,5 12-"),
            vec![
                "المادة",
                " ",
                "448-1",
                " ",
                "(",
                "2023/05/17",
                ")",
                " ",
                "١٢٫٥",
                " ",
                "1,5",
                " ",
                "12",
                "-"
            ]
        );
        assert_eq!(diff_tokens("5."), vec!["5", "."]);
    }

    #[test]
    fn french_elision() {
        assert_eq!(
            diff_tokens("l'article d’un aujourd'hui qu'il"),
            vec![
                "l'",
                "article",
                " ",
                "d’",
                "un",
                " ",
                "aujourd'hui",
                " ",
                "qu'",
                "il"
            ]
        );
        assert_eq!(diff_tokens("State's law"), vec!["State's", " ", "law"]);
        assert_eq!(diff_tokens("'x'"), vec!["'", "x", "'"]);
    }

    #[test]
    fn latin_punctuation_and_brackets() {
        assert_eq!(
            diff_tokens("a; b: [c]!"),
            vec!["a", ";", " ", "b", ":", " ", "[", "c", "]", "!"]
        );
        assert_eq!(diff_tokens("Art2"), vec!["Art", "2"]);
    }

    proptest! {
        #[test]
        fn tokens_concatenate_back(s in "\\PC*") {
            let tokens = diff_tokens(&s);
            prop_assert_eq!(tokens.concat(), s.clone());
            prop_assert!(tokens.iter().all(|t| !t.is_empty()));
        }

        #[test]
        fn tokens_concatenate_back_any(s in any::<String>()) {
            prop_assert_eq!(diff_tokens(&s).concat(), s.clone());
        }
    }
}
