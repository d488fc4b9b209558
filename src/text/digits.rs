//! Text stage: converting between Western (0-9) and Arabic-Indic (٠-٩) digits.
//! Pure character mapping; it must not touch anything but digits.

use serde::{Deserialize, Serialize};

/// The digits a country writes its numbers with (`digits = "arab"` or `"latn"` in country.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DigitStyle {
    /// Arabic-Indic digits ٠١٢٣٤٥٦٧٨٩ (U+0660–U+0669).
    Arab,
    /// Western digits 0123456789.
    Latn,
}

impl Default for DigitStyle {
    /// Western digits, unless a country profile says otherwise.
    fn default() -> Self {
        DigitStyle::Latn
    }
}

impl DigitStyle {
    /// Rewrites every digit of `s` (Western, Arabic-Indic or Persian) in this style.
    pub fn apply(&self, s: &str) -> String {
        match self {
            DigitStyle::Arab => to_arab_indic(s),
            DigitStyle::Latn => to_latin_digits(s),
        }
    }
}

/// Western digits 0-9 and Persian digits ۰-۹ become Arabic-Indic ٠-٩; nothing else changes.
pub fn to_arab_indic(s: &str) -> String {
    s.chars()
        .map(|c| match digit_value(c) {
            Some(d) => char::from_u32(0x0660 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// Arabic-Indic ٠-٩ and Persian ۰-۹ digits become Western 0-9; nothing else changes.
pub fn to_latin_digits(s: &str) -> String {
    s.chars()
        .map(|c| match digit_value(c) {
            Some(d) => char::from_u32(u32::from('0') + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// The value of a Western, Arabic-Indic or Persian decimal digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(u32::from(c) - u32::from('0')),
        '\u{0660}'..='\u{0669}' => Some(u32::from(c) - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(u32::from(c) - 0x06F0),
        _ => None,
    }
}

/// True for a Western, Arabic-Indic or Persian decimal digit.
pub fn is_any_digit(c: char) -> bool {
    digit_value(c).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways() {
        assert_eq!(
            to_arab_indic("المادة 448-1 لسنة 2009"),
            "المادة ٤٤٨-١ لسنة ٢٠٠٩"
        );
        assert_eq!(
            to_latin_digits("المادة ٤٤٨-١ لسنة ٢٠٠٩"),
            "المادة 448-1 لسنة 2009"
        );
        assert_eq!(to_latin_digits("۱۲۳"), "123");
        assert_eq!(to_arab_indic("۱۲۳"), "١٢٣");
    }

    #[test]
    fn style_applies() {
        assert_eq!(DigitStyle::Arab.apply("12"), "١٢");
        assert_eq!(DigitStyle::Latn.apply("١٢"), "12");
        assert_eq!(DigitStyle::Latn.apply("abc"), "abc");
    }

    #[test]
    fn style_reads_country_toml_values() {
        #[derive(Deserialize)]
        struct C {
            digits: DigitStyle,
        }
        let c: Result<C, _> = toml::from_str("digits = \"arab\"");
        assert_eq!(c.map(|c| c.digits).ok(), Some(DigitStyle::Arab));
    }
}
