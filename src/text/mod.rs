//! Text stage: Arabic-aware helpers shared by diff, compare, render and import.
//! Everything here is pure string work: no I/O, no knowledge of laws, and nothing here ever
//! alters text that is displayed unless the caller asks for it explicitly.

pub mod bidi;
pub mod digits;
pub mod normalize;
pub mod tokenize;

pub use bidi::{find_forbidden_chars, isolate_ltr_numbers, strip_bidi_controls};
pub use digits::{DigitStyle, to_arab_indic, to_latin_digits};
pub use normalize::{
    drop_page_numbers, is_page_number_line, is_stop_word, match_tokens, normalize_for_matching,
    repair_lam_alef, strip_diacritics,
};
pub use tokenize::diff_tokens;
