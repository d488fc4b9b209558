//! TOML documents and front matter: parse with serde, report errors at their place in the file.

use crate::diagnostics::Diagnostic;
use crate::model::Origin;
use serde::de::DeserializeOwned;

/// The parts of a file with TOML front matter between `+++` lines.
pub struct FrontMatter<'a> {
    pub toml: &'a str,
    /// Byte offset of the TOML in the file.
    pub toml_offset: usize,
    pub body: &'a str,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

/// Splits `+++\n<toml>\n+++\n<body>`. The opening line must be the file's first line.
pub fn split_front_matter<'a>(text: &'a str, rel: &str) -> Result<FrontMatter<'a>, Diagnostic> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "+++" {
        return Err(Diagnostic::error(
            "no-front-matter",
            &Origin::new(rel, 0),
            "this file must begin with front matter: a line `+++`, the article's settings, and another line `+++`",
        )
        .with_hint("add `+++` as the very first line, then id, title, status, tags and instruments, then `+++`"));
    }
    let toml_offset = (first_end + 1).min(text.len());
    let mut pos = toml_offset;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if text[pos..end].trim_end() == "+++" {
            let body_offset = (end + 1).min(text.len());
            return Ok(FrontMatter {
                toml: &text[toml_offset..pos],
                toml_offset,
                body: &text[body_offset..],
                body_offset,
            });
        }
        pos = end + 1;
    }
    Err(Diagnostic::error(
        "unclosed-front-matter",
        &Origin::new(rel, 0),
        "the front matter opened here is never closed",
    )
    .with_len(3)
    .with_hint("add a line `+++` after the last setting (title, status, tags, instruments)"))
}

/// Parses TOML into `T`; an error is reported at its place in the file (`offset` is where the
/// TOML starts in the file, so line numbers count from the top of the file, not of the block).
pub fn parse_toml<T: DeserializeOwned>(
    src: &str,
    rel: &str,
    offset: usize,
) -> Result<T, Diagnostic> {
    toml::from_str::<T>(src).map_err(|e| toml_error(&e, rel, offset))
}

/// Turns a TOML/serde error into a diagnostic with a code users can search for.
pub fn toml_error(e: &toml::de::Error, rel: &str, offset: usize) -> Diagnostic {
    let message = e.message().trim().to_string();
    let (code, hint) = classify(&message);
    let span = e.span().unwrap_or(0..0);
    let mut d = Diagnostic::error(
        code,
        &Origin::new(rel, offset + span.start),
        first_line(&message),
    )
    .with_len(span.end.saturating_sub(span.start));
    if let Some(h) = hint {
        d = d.with_hint(h);
    }
    d
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_string()
}

fn classify(message: &str) -> (&'static str, Option<&'static str>) {
    if message.contains("unknown field") {
        (
            "unknown-key",
            Some("check the spelling of the key; docs/format.md lists the keys each file may have"),
        )
    } else if message.contains("missing field") {
        (
            "missing-key",
            Some("add the missing key; docs/format.md shows an example"),
        )
    } else if message.contains("unknown variant") {
        (
            "invalid-value",
            Some("use one of the values listed in the message"),
        )
    } else if message.contains("invalid type")
        || message.contains("expected") && message.contains("found")
    {
        (
            "wrong-type",
            Some("text goes in double quotes (\"…\"), lists in square brackets ([\"a\", \"b\"])"),
        )
    } else if message.contains("duplicate key") {
        (
            "duplicate-key",
            Some("a key may appear only once; delete one of them"),
        )
    } else {
        (
            "toml-syntax",
            Some("text must be in double quotes, and each key written once as `key = \"value\"`"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        id: String,
    }

    #[test]
    fn front_matter_is_split_with_offsets() {
        let text = "+++\nid = \"x\"\n+++\n## ar\nنص\n";
        let fm = split_front_matter(text, "f").unwrap();
        assert_eq!(fm.toml, "id = \"x\"\n");
        assert_eq!(fm.toml_offset, 4);
        assert_eq!(fm.body, "## ar\nنص\n");
        assert_eq!(&text[fm.body_offset..], fm.body);
    }

    #[test]
    fn missing_or_unclosed_front_matter_is_reported() {
        assert_eq!(
            split_front_matter("## ar\n", "f").err().unwrap().code,
            "no-front-matter"
        );
        assert_eq!(
            split_front_matter("+++\nid = 1\n", "f").err().unwrap().code,
            "unclosed-front-matter"
        );
        assert_eq!(
            split_front_matter("", "f").err().unwrap().code,
            "no-front-matter"
        );
    }

    #[test]
    fn unknown_key_is_reported_at_its_place_in_the_file() {
        let d = parse_toml::<T>("id = \"x\"\ntitel = 1\n", "f", 4).unwrap_err();
        assert_eq!(d.code, "unknown-key");
        assert_eq!(d.span.unwrap().0, 4 + 9);
    }
}
