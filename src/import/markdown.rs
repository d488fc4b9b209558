//! Import stage, output: writes an imported law in the legislation format of docs/format.md
//! (countries/<cc>/legislation/<law-id>.md). Pure: it returns the file's text; writing it is the
//! command's job.
//!
//! Layout: the TOML front matter between `+++` lines; the preamble, if any, as plain text
//! before the first heading; each part or chapter as a level-1 heading `# …`, with any text
//! found under it; each article as `## <number>`, directly followed by the optional lines
//! `title: …` and `inserted-by: <number>`, a blank line, then the article's text exactly as
//! imported. A text line that Markdown would read as a heading (`# …`) is written with a
//! backslash before the `#`.
//!
//! Amending laws: an article quoted by an amending article (e.g. article 1 adds articles
//! 448-1 to 448-14 to the penal code) is written as its own `## 448-1` right after the
//! amending `## 1`, in the order of the source, with the line `inserted-by: 1`. Level 3
//! (`###`) is not used because it already opens a language sub-section (`### en`).

use super::{ImportedLaw, Item, Lang};

/// The front matter of a legislation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegislationMeta {
    /// The file name without `.md`, e.g. "law-9-2009".
    pub id: String,
    /// The law's number as text, or "unknown".
    pub number: String,
    /// The year as text, or "unknown".
    pub year: String,
    pub amendments: Vec<String>,
    /// in-force, draft, contested or none.
    pub status: String,
    /// The language code of the text ("ar", "fr", "en").
    pub language: String,
    /// True when the body is the official text (always, for an import).
    pub official: bool,
    /// False when the numbering shows articles missing (an extract, or articles lost in
    /// extraction): a provision not found in it is then "not verified", not missing.
    pub complete: bool,
    /// A regulation (bylaw, instructions) rather than a law: front matter `kind`.
    pub regulation: bool,
    pub source: String,
    /// high, medium or low.
    pub confidence: String,
    pub title_ar: Option<String>,
    pub title_en: Option<String>,
    pub title_fr: Option<String>,
    /// The FRBR Work and Expression URIs of an Akoma Ntoso document (`[akn]`).
    pub akn: Option<(String, String)>,
}

impl LegislationMeta {
    /// Metadata for an imported official text, with every unknown fact written "unknown".
    pub fn new(id: &str, lang: Lang) -> Self {
        LegislationMeta {
            id: id.to_string(),
            number: "unknown".to_string(),
            year: "unknown".to_string(),
            amendments: Vec::new(),
            status: "in-force".to_string(),
            language: lang.code().to_string(),
            official: true,
            complete: true,
            regulation: false,
            source: "unknown".to_string(),
            confidence: "medium".to_string(),
            title_ar: None,
            title_en: None,
            title_fr: None,
            akn: None,
        }
    }
}

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn front_matter(meta: &LegislationMeta) -> String {
    let list: Vec<String> = meta.amendments.iter().map(|a| toml_str(a)).collect();
    let mut s = String::from("+++\n");
    s.push_str(&format!("id = {}\n", toml_str(&meta.id)));
    s.push_str(&format!("number = {}\n", toml_str(&meta.number)));
    s.push_str(&format!("year = {}\n", toml_str(&meta.year)));
    s.push_str(&format!("amendments = [{}]\n", list.join(", ")));
    s.push_str(&format!("status = {}\n", toml_str(&meta.status)));
    s.push_str(&format!("language = {}\n", toml_str(&meta.language)));
    s.push_str(&format!("official = {}\n", meta.official));
    if !meta.complete {
        s.push_str(
            "# qanun import found articles missing from the numbering (see its report): until the\n# whole law is here, what compare does not find in it is \"not verified\", not missing.\ncomplete = false\n",
        );
    }
    s.push_str(
        "# \"law\" (an act, a code, a decree-law) or \"regulation\" (a bylaw or instructions issued\n# under a law): the model law's annex, the shelter regulations, is compared with regulations only.\n",
    );
    let kind = if meta.regulation { "regulation" } else { "law" };
    s.push_str(&format!("kind = \"{kind}\"\n"));
    s.push_str(&format!("source = {}\n", toml_str(&meta.source)));
    s.push_str(&format!("confidence = {}\n", toml_str(&meta.confidence)));
    let titles = [
        ("ar", &meta.title_ar),
        ("en", &meta.title_en),
        ("fr", &meta.title_fr),
    ];
    if titles.iter().any(|(_, t)| t.is_some()) {
        s.push_str("\n[title]\n");
        for (code, t) in titles {
            if let Some(t) = t {
                s.push_str(&format!("{code} = {}\n", toml_str(t)));
            }
        }
    }
    if let Some((work, expression)) = &meta.akn {
        s.push_str("\n# The Akoma Ntoso document this text was imported from (its FRBR identity).\n[akn]\n");
        s.push_str(&format!("work = {}\n", toml_str(work)));
        s.push_str(&format!("expression = {}\n", toml_str(expression)));
    }
    s.push_str("+++\n");
    s
}

/// True for a line that CommonMark would read as an ATX heading: up to three spaces, one to
/// six `#`, then a space or the end of the line.
pub(crate) fn looks_like_heading(line: &str) -> bool {
    let indent = line.chars().take_while(|c| *c == ' ').count();
    let rest = line.get(indent..).unwrap_or("");
    let hashes = rest.chars().take_while(|c| *c == '#').count();
    indent <= 3
        && (1..=6).contains(&hashes)
        && rest
            .get(hashes..)
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
}

/// Writes text lines, escaping lines that would read as headings.
fn push_text(out: &mut String, text: &str) {
    for line in text.split('\n') {
        if looks_like_heading(line) {
            let indent = line.chars().take_while(|c| *c == ' ').count();
            out.push_str(line.get(..indent).unwrap_or(""));
            out.push('\\');
            out.push_str(line.get(indent..).unwrap_or(""));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The legislation file for an imported law (see the module documentation for the layout).
pub fn to_markdown(law: &ImportedLaw, meta: &LegislationMeta) -> String {
    let mut out = front_matter(meta);
    if !law.preamble.is_empty() {
        out.push('\n');
        push_text(&mut out, &law.preamble);
    }
    for item in &law.items {
        out.push('\n');
        match item {
            Item::Heading(h) => {
                out.push_str(&format!("# {}\n", one_line(&h.text)));
                if !h.body.is_empty() {
                    out.push('\n');
                    push_text(&mut out, &h.body);
                }
            }
            Item::Article(a) => {
                out.push_str(&format!("## {}\n", one_line(&a.number)));
                if let Some(t) = &a.title {
                    out.push_str(&format!("title: {}\n", one_line(t)));
                }
                if let Some(by) = &a.inserted_by {
                    out.push_str(&format!("inserted-by: {}\n", one_line(by)));
                }
                if !a.text.is_empty() {
                    out.push('\n');
                    push_text(&mut out, &a.text);
                }
            }
        }
    }
    out
}
