//! Reading files: UTF-8 check with the byte offset, BOM, CRLF, forbidden characters.
//!
//! Separates reading from parsing, so parsers take `&str` and most tests never touch disk.

use crate::diagnostics::{Diagnostic, line_col};
use crate::model::Origin;
use std::path::Path;

/// Reads a text file: strips a UTF-8 BOM and turns CRLF into LF. A file that is not UTF-8 is
/// refused with the byte offset (and line) of the first invalid byte.
pub fn read_text(path: &Path, rel: &str) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::file_error("unreadable", rel, format!("cannot read this file: {e}"))
            .with_hint("check that the file exists and that you may read it")
    })?;
    decode(bytes, rel)
}

/// Decodes bytes as UTF-8 text (see [`read_text`]).
pub fn decode(bytes: Vec<u8>, rel: &str) -> Result<String, Diagnostic> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    if let Some((what, hint)) = document_kind(&bytes) {
        return Err(Diagnostic::file_error(
            "not-utf8",
            rel,
            format!("this file is {what}, not plain text"),
        )
        .at_line(1, 1)
        .with_hint(hint));
    }
    if let Some(bom) = [&b"\xFF\xFE"[..], &b"\xFE\xFF"[..]]
        .into_iter()
        .find(|bom| bytes.starts_with(bom))
    {
        return Err(Diagnostic::file_error(
            "not-utf8",
            rel,
            format!(
                "this file is UTF-16 text (it starts with the bytes {}), not UTF-8",
                bom.iter()
                    .map(|b| format!("0x{b:02X}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        )
        .at_line(1, 1)
        .with_hint(
            "open the file in your editor and save it again with the encoding \"UTF-8\" \
             (Windows Notepad calls UTF-16 \"Unicode\")",
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(if text.contains('\r') {
            text.replace("\r\n", "\n")
        } else {
            text
        }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
            let (line, col) = line_col(&valid, valid.len());
            Err(Diagnostic::file_error(
                "not-utf8",
                rel,
                format!(
                    "this file is not UTF-8 text: invalid byte 0x{:02X} at byte offset {at} (line {line}, column {col})",
                    e.as_bytes()[at]
                ),
            )
            .at_line(line, col)
            .with_hint(
                "open the file in your editor and save it again with the encoding \"UTF-8\" \
                 (it may have been saved as Windows-1256 or ISO-8859-6)",
            ))
        }
    }
}

/// What a file given where text is expected is, by its first bytes: a PDF, or a Word (or
/// other office) document. Lawyers hold laws in these; qanun reads their text.
fn document_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"%PDF") {
        Some((
            "a PDF document",
            "qanun reads text: extract the law's text first (pdftotext -layout law.pdf law.txt, or copy it from the PDF into a text file saved as UTF-8), then use that file (qanun import --repair mends the usual extraction noise)",
        ))
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Some((
            "a Word or other office document (or a zip archive)",
            "qanun reads text: in Word or LibreOffice, save the document as plain text (\"Plain Text\", encoding UTF-8), then use that file",
        ))
    } else {
        None
    }
}

/// Why a character is refused in a law's text, or `None` when it is allowed (the rule itself
/// lives in [`crate::text::bidi`]). Direction controls can reorder the words a reader sees
/// without changing the words stored; invisible characters can split or hide words. ZWJ and
/// ZWNJ are allowed: they change how Arabic letters join, which is legitimate typography.
pub fn forbidden_char(c: char) -> Option<&'static str> {
    use crate::text::bidi::{is_bidi_control, is_invisible, is_stray_control};
    if is_bidi_control(c) {
        Some("a bidirectional control character")
    } else if is_invisible(c) {
        Some("an invisible character")
    } else if is_stray_control(c) {
        Some("a control character")
    } else {
        None
    }
}

/// Reports every forbidden character in a file's text.
pub fn check_chars(text: &str, rel: &str, out: &mut Vec<Diagnostic>) {
    for (i, c) in text.char_indices() {
        if let Some(what) = forbidden_char(c) {
            out.push(
                Diagnostic::error(
                    "forbidden-character",
                    &Origin::new(rel, i),
                    format!("{what} (U+{:04X}) is not allowed: it can hide or reorder the words of a law", c as u32),
                )
                .with_len(c.len_utf8())
                .with_hint("delete it; your editor may show it only with \"show invisible characters\" on"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_normalised() {
        let t = decode(b"\xEF\xBB\xBFa\r\nb\r\n".to_vec(), "x").unwrap();
        assert_eq!(t, "a\nb\n");
    }

    #[test]
    fn invalid_utf8_names_offset_and_line() {
        let mut bytes = "ab\nال".as_bytes().to_vec();
        bytes.push(0xC7); // a lone lead byte (Windows-1256 alef)
        bytes.push(b' ');
        let d = decode(bytes, "law/x.md").unwrap_err();
        assert_eq!(d.code, "not-utf8");
        assert!(d.message.contains("byte offset 7"), "{}", d.message);
        assert_eq!((d.line, d.column), (2, 3));
    }

    #[test]
    fn a_pdf_or_a_word_document_is_named_with_how_to_get_its_text() {
        for (bytes, what, how) in [
            (
                &b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"[..],
                "a PDF document",
                "pdftotext",
            ),
            (&b"PK\x03\x04\x14\x00\x06\x00"[..], "Word", "Plain Text"),
            (
                &b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"[..],
                "Word",
                "Plain Text",
            ),
        ] {
            let d = decode(bytes.to_vec(), "law.pdf").unwrap_err();
            assert_eq!(d.code, "not-utf8");
            assert!(d.message.contains(what), "{}", d.message);
            assert!(
                d.hint.as_deref().unwrap_or("").contains(how),
                "{:?}",
                d.hint
            );
        }
        // Text that happens to start like nothing of the kind is read as text.
        assert_eq!(
            decode(b"PK is a name".to_vec(), "x").unwrap(),
            "PK is a name"
        );
    }

    #[test]
    fn utf16_is_named_as_such() {
        for bom in [[0xFF, 0xFE], [0xFE, 0xFF]] {
            let mut bytes = bom.to_vec();
            bytes.extend("a = 1".encode_utf16().flat_map(u16::to_le_bytes));
            let d = decode(bytes, "law/law.toml").unwrap_err();
            assert_eq!(d.code, "not-utf8");
            assert!(d.message.contains("UTF-16"), "{}", d.message);
            assert!(d.hint.as_deref().unwrap_or("").contains("\"UTF-8\""));
        }
    }

    #[test]
    fn zwj_and_zwnj_are_allowed_but_bidi_controls_are_not() {
        assert!(forbidden_char('\u{200D}').is_none());
        assert!(forbidden_char('\u{200C}').is_none());
        assert!(forbidden_char('\u{202E}').is_some());
        assert!(forbidden_char('\u{2067}').is_some());
        assert!(forbidden_char('\u{200B}').is_some());
        let mut out = Vec::new();
        check_chars("abc\u{202E}d", "f", &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].span, Some((3, 6)));
    }
}
