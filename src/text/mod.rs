//! Text stage: Arabic-aware helpers shared by diff, compare, render and import.
//! Everything here is pure string work: no I/O, no knowledge of laws, and nothing here ever
//! alters text that is displayed unless the caller asks for it explicitly.

pub mod bidi;
pub mod digits;
pub mod normalize;
pub mod tokenize;
pub mod typography;

pub use bidi::{find_forbidden_chars, isolate_ltr_numbers, strip_bidi_controls};
pub use digits::{DigitStyle, to_arab_indic, to_latin_digits};
pub use normalize::{
    drop_page_numbers, is_page_number_line, is_stop_word, match_tokens, normalize_for_matching,
    repair_lam_alef, strip_diacritics,
};
pub use tokenize::diff_tokens;

/// `char::is_alphabetic`, answered at once for the Arabic letters (U+0621–U+064A, tatweel
/// included). The standard library searches a table for every non-ASCII character, which was
/// the largest single cost of tokenising Arabic text for compare (15% of `compare jo`).
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    is_arabic_letter(c) || c.is_alphabetic()
}

/// The basic Arabic letters and tatweel, U+0621–U+064A: all alphabetic, none with case.
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}')
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fast_alphabetic_test_agrees_with_the_standard_library() {
        for c in ('\0'..='\u{FFFF}').chain('\u{10000}'..='\u{10FFF}') {
            assert_eq!(
                super::is_alphabetic(c),
                c.is_alphabetic(),
                "U+{:04X}",
                u32::from(c)
            );
        }
        for c in '\u{0621}'..='\u{064A}' {
            assert!(super::is_arabic_letter(c));
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string());
        }
    }
}
