//! Escaping untrusted text for each output language, so clause text is always shown literally.

use std::io::Write;

/// HTML: `& < > " '` become entities.
pub fn html(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    for c in input.chars() {
        match c {
            '&' => out.write_all(b"&amp;")?,
            '<' => out.write_all(b"&lt;")?,
            '>' => out.write_all(b"&gt;")?,
            '"' => out.write_all(b"&quot;")?,
            '\'' => out.write_all(b"&#39;")?,
            _ => write!(out, "{c}")?,
        }
    }
    Ok(())
}

/// XML text and attribute values: `& < > " '` become entities, and the characters XML 1.0
/// cannot hold at all (C0 controls other than tab and line ends, U+FFFE, U+FFFF) become
/// U+FFFD, so a document is well-formed whatever a clause contains.
pub fn xml(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(xml_string(input).as_bytes())
}

/// What [`xml`] writes for `c`, when it is not `c` itself.
fn xml_replacement(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&apos;"),
        '\t' | '\n' | '\r' => None,
        c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => Some("\u{FFFD}"),
        _ => None,
    }
}

/// [`xml`] into a new string, for markup written by the program itself. Text between the
/// characters it replaces is copied in one piece.
pub fn xml_string(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    let mut start = 0;
    for (i, c) in input.char_indices() {
        if let Some(r) = xml_replacement(c) {
            out.push_str(&input[start..i]);
            out.push_str(r);
            start = i + c.len_utf8();
        }
    }
    out.push_str(&input[start..]);
    out
}

/// Typst markup: every ASCII punctuation character is backslash-escaped (see
/// [`crate::pdf::escape_typst`]), so `#`, `$`, `*`, `_`, `@`, `<`, `//` stay literal.
pub fn typst(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(crate::pdf::escape_typst(input).as_bytes())
}

/// Markdown: the characters that open markup are backslash-escaped.
pub fn markdown(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    for c in input.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '$' | '!' | '&'
        ) {
            out.write_all(b"\\")?;
        }
        write!(out, "{c}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    fn run(f: tera::EscapeFn, s: &str) -> String {
        let mut v = Vec::new();
        f(s, &mut v).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn each_language_escapes_its_markup() {
        assert_eq!(
            run(super::html, "<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
        assert_eq!(
            run(super::markdown, "*b* [x](y) <i>"),
            "\\*b\\* \\[x\\](y) \\<i\\>"
        );
        assert_eq!(
            run(super::xml, "<w:p a='1'>&]]>\u{1}\u{0}x"),
            "&lt;w:p a=&apos;1&apos;&gt;&amp;]]&gt;\u{FFFD}\u{FFFD}x"
        );
        assert!(run(super::typst, "#read(\"/etc/passwd\")").starts_with("\\#read"));
    }
}
