//! Text stage: French typography. Pure string work on text written by qanun itself (labels,
//! caveats), never on law text.

/// Puts the no-break space French typography wants before `:`, `;`, `?`, `!` and `»` and after
/// `«`, in place of an ordinary space, so that a line never starts with the mark or ends on
/// the guillemet. Marks without a space before them (`model:`, `https://`) are left alone, and
/// the function is idempotent.
pub fn french_spacing(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            (' ', Some(':' | ';' | '?' | '!' | '»')) => out.push('\u{a0}'),
            ('«', Some(' ')) => {
                out.push('«');
                out.push('\u{a0}');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::french_spacing;

    #[test]
    fn spaces_before_high_punctuation_and_inside_guillemets_become_no_break() {
        assert_eq!(
            french_spacing("Attention : marquées « non vérifié » ; une ligne `model:` ?"),
            "Attention\u{a0}: marquées «\u{a0}non vérifié\u{a0}»\u{a0}; une ligne `model:`\u{a0}?"
        );
        let once = french_spacing("a : b « c »");
        assert_eq!(french_spacing(&once), once);
        assert_eq!(french_spacing("https://x.org 12:30"), "https://x.org 12:30");
    }
}
