//! Stage pdf: escaping untrusted text for Typst markup. Pure string functions; must not decide
//! what is trusted (the templates do, by escaping everything but their own markup).

/// Escapes text so that Typst markup shows it literally.
///
/// Every ASCII punctuation character (`!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`) gets a backslash in
/// front. In Typst markup a backslash followed by any non-space character is that character,
/// literally, so no `#` can start code (`#read(..)`, `#include ..`), no `$` math, no `*`/`_`
/// emphasis, no `@`/`<` reference or label, no `=`/`-`/`+`/`1.` heading or list, no `//`
/// comment, no `\u{..}` escape, no `--`/`...` shorthand and no smart quote. Other characters,
/// Arabic included, pass unchanged; newlines stay newlines (a blank line is still a paragraph
/// break).
///
/// Use it for text inside markup (`[...]` or the top level), not inside a Typst string
/// literal `"..."`: there, backslash escapes mean something else. Data that is not markup is
/// best passed as a data file (`json("/data.json")`), which Typst never parses as markup.
pub fn escape_typst(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes text for the inside of a Typst string literal (`"..."`), as in
/// `#set document(title: "...")`: a backslash, a double quote and the control characters get
/// the string escapes Typst knows. [`escape_typst`] is wrong there: Typst keeps an unknown
/// escape such as `\'` or `\(` as it stands, backslash included.
pub fn escape_typst_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_escapes_only_what_a_string_literal_needs() {
        assert_eq!(
            escape_typst_string("République arabe d'Égypte (A.R.E.)"),
            "République arabe d'Égypte (A.R.E.)"
        );
        assert_eq!(escape_typst_string("a\"b\\c"), "a\\\"b\\\\c");
        assert_eq!(escape_typst_string("x\ny\u{7}"), "x\\ny\\u{7}");
        assert_eq!(
            escape_typst_string("\")#read(\"/etc/passwd\")"),
            "\\\")#read(\\\"/etc/passwd\\\")"
        );
    }

    #[test]
    fn escapes_ascii_punctuation_only() {
        assert_eq!(escape_typst("a*b_c"), "a\\*b\\_c");
        assert_eq!(escape_typst("#read(\"/x\")"), "\\#read\\(\\\"\\/x\\\"\\)");
        assert_eq!(escape_typst("\\"), "\\\\");
        assert_eq!(escape_typst("مادة ١: تعريف"), "مادة ١\\: تعريف");
        assert_eq!(escape_typst("line one\n\nline two"), "line one\n\nline two");
        assert_eq!(escape_typst(""), "");
    }

    #[test]
    fn every_punctuation_character_is_escaped() {
        let all = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        let escaped = escape_typst(all);
        assert_eq!(escaped.chars().count(), all.chars().count() * 2);
        assert!(escaped.chars().step_by(2).all(|c| c == '\\'));
    }
}
