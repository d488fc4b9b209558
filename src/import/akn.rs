//! Import stage, Akoma Ntoso: an AKN 3.0 document (`act`, `bill` or `doc`, any expression
//! language) → the same [`ImportedLaw`] as a pasted text, read from the markup instead of
//! marker heuristics. Pure, like the rest of the stage: it takes the XML text and returns data.
//!
//! Reading rules (docs/akn.md):
//! - The article-level unit is `article`; a document without articles (the style of
//!   Laws.Africa and of common-law systems) uses `section`, then `rule`, then `regulation`.
//! - Containers above it (`part`, `chapter`, `title`, `hcontainer`, `division` …) and
//!   `crossHeading`s become headings, "num: heading".
//! - An article's number is read from its `num` ("المادة (١٢)", "Article 12", "12.", "3A") in
//!   ASCII digits; its title from its `heading`.
//! - Its text is one line per block, in document order: a subdivision's `num` followed by "- "
//!   (or by a space when the number carries its own punctuation, "(a)", "1."), then its text;
//!   `intro`, `wrapUp`, `listIntroduction`, `listWrapUp` and each `p` are lines of their own.
//! - Notes (`authorialNote`, `noteRef`) are not law text and are left out; tables, images,
//!   quoted and embedded structures, and components are left out and reported at their line.
//! - Articles of an attachment (an annex numbered on its own) are numbered "3 of the Annex"
//!   in the document's language, so they never collide with the body's.

use super::{Article, ArticleNumber, Heading, ImportNote, ImportedLaw, Item, Lang, NoteKind};
use roxmltree::{Document, Node};
use std::collections::BTreeMap;

/// The AKN 3.0 namespace.
pub const AKN_NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// The FRBR identity of an imported document, kept in the legislation's front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AknIdentity {
    /// `act`, `bill` or `doc`.
    pub doc_type: String,
    /// The Work's `FRBRthis` (or `FRBRuri`).
    pub work: String,
    /// The Expression's `FRBRthis` (or `FRBRuri`).
    pub expression: String,
    pub country: String,
    pub number: String,
    /// The Work's date, `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
}

/// An imported AKN document.
#[derive(Debug, Clone)]
pub struct AknImported {
    pub lang: Lang,
    pub identity: AknIdentity,
    pub law: ImportedLaw,
    /// What was skipped or looked wrong, by line; the command exits 1 when not empty.
    pub report: Vec<ImportNote>,
}

/// Why a file could not be read as AKN at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AknError {
    /// 1-based line and column, when the problem has a place.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: String,
}

/// Whether a text looks like XML (its first non-blank character opens a tag), so `import`
/// reads it as AKN rather than as a pasted law.
pub fn looks_like_xml(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
}

/// Elements whose content is structure above the article: headings.
const CONTAINERS: &[&str] = &[
    "book",
    "tome",
    "part",
    "subpart",
    "title",
    "subtitle",
    "chapter",
    "subchapter",
    "division",
    "subdivision",
    "hcontainer",
    "level",
    "section",
    "subsection",
    "transitional",
];

/// Elements left out with a report: their content is not article text qanun can hold.
const SKIPPED: &[&str] = &[
    "table",
    "img",
    "quotedStructure",
    "embeddedStructure",
    "componentRef",
    "documentRef",
    "foreign",
    "subFlow",
];

/// Elements left out silently: notes and markers that are not law text.
const SILENT: &[&str] = &["authorialNote", "noteRef", "eop", "marker", "popup"];

/// Elements that hold a line of text of their own inside an article.
const LINES: &[&str] = &[
    "p",
    "intro",
    "wrapUp",
    "listIntroduction",
    "listWrapUp",
    "block",
    "tblock",
];

/// The words for an annex's article in each language: "3 من الملحق", "3 of the Annex".
fn annex_number(lang: Lang, n: &str, annex: usize, annexes: usize) -> String {
    let which = if annexes > 1 {
        format!(" {annex}")
    } else {
        String::new()
    };
    match lang {
        Lang::Ar => format!("{n} من الملحق{which}"),
        Lang::En => format!("{n} of the Annex{which}"),
        Lang::Fr => format!("{n} de l'annexe{which}"),
    }
}

/// Reads an AKN document. `lang` overrides the expression's language; `country` is the
/// importing country (for the number words of Morocco and Tunisia).
pub fn import_akn(text: &str, lang: Option<Lang>, country: &str) -> Result<AknImported, AknError> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    let doc = Document::parse_with_options(text, opts).map_err(|e| {
        let pos = e.pos();
        AknError {
            line: pos.row as usize,
            column: pos.col as usize,
            message: format!("this file is not well-formed XML: {e}"),
            hint: "an Akoma Ntoso file is XML; check that it was saved whole (not cut off) and not as HTML or Word".to_string(),
        }
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "akomaNtoso" {
        let at = doc.text_pos_at(root.range().start);
        return Err(AknError {
            line: at.row as usize,
            column: at.col as usize,
            message: format!(
                "this XML is not an Akoma Ntoso document: its root element is <{}>, not <akomaNtoso>",
                root.tag_name().name()
            ),
            hint: "qanun imports Akoma Ntoso (AKN 3.0) acts and bills, or pasted law texts (.txt)"
                .to_string(),
        });
    }
    let mut report = Vec::new();
    // Line numbers by binary search in the line starts (roxmltree's own `text_pos_at` counts
    // from the start of the text at each call, which is quadratic on a long document).
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |n: Node| starts.partition_point(|&s| s <= n.range().start);
    if root.tag_name().namespace() != Some(AKN_NS) {
        report.push(ImportNote {
            line: line_of(root),
            kind: NoteKind::Unexpected,
            message: format!(
                "the namespace is {}, not Akoma Ntoso 3.0's ({AKN_NS})",
                root.tag_name().namespace().unwrap_or("missing")
            ),
            hint: Some("the document was read by element names; check the result".to_string()),
        });
    }
    let Some(main) = root.children().find(Node::is_element) else {
        return Err(AknError {
            line: line_of(root),
            column: 1,
            message: "the <akomaNtoso> element is empty".to_string(),
            hint: "an AKN file holds one document: <act>, <bill> or <doc>".to_string(),
        });
    };
    let doc_type = main.tag_name().name().to_string();
    if !matches!(doc_type.as_str(), "act" | "bill" | "doc") {
        let at = doc.text_pos_at(main.range().start);
        return Err(AknError {
            line: at.row as usize,
            column: at.col as usize,
            message: format!(
                "this Akoma Ntoso document is a <{doc_type}>, not a law: qanun imports <act>, <bill> and <doc>"
            ),
            hint: "export the act or bill itself from the system that made this file".to_string(),
        });
    }
    let identity = identity(main, &doc_type);
    let expr_lang = child(main, "meta")
        .and_then(|m| child(m, "identification"))
        .and_then(|i| child(i, "FRBRExpression"))
        .and_then(|e| child(e, "FRBRlanguage"))
        .and_then(|l| l.attribute("language"))
        .and_then(lang_of_code);
    let body = child(main, "body").or_else(|| child(main, "mainBody"));
    let lang = lang
        .or(expr_lang)
        .unwrap_or_else(|| super::detect_lang(&body.map(|b| all_text(b)).unwrap_or_default()));
    let Some(body) = body else {
        return Err(AknError {
            line: line_of(main),
            column: 1,
            message: format!(
                "this <{doc_type}> has no <body> (or <mainBody>): there are no articles to import"
            ),
            hint: "check that the file is the whole document, not only its metadata".to_string(),
        });
    };
    let unit = ["article", "section", "rule", "regulation"]
        .into_iter()
        .find(|u| body.descendants().any(|n| n.has_tag_name(*u) || is(n, u)))
        .unwrap_or("article");
    let mut r = Reader {
        starts: &starts,
        unit,
        lang,
        country: country.to_string(),
        items: Vec::new(),
        report,
        annex: None,
    };
    let mut preamble = String::new();
    if let Some(p) = child(main, "preamble") {
        preamble = r.lines(p, true).join("\n");
    }
    r.walk(body, 1);
    let attachments: Vec<Node> = child(main, "attachments")
        .map(|a| a.children().filter(|c| is(*c, "attachment")).collect())
        .unwrap_or_default();
    let count = attachments.len();
    for (k, att) in attachments.into_iter().enumerate() {
        let Some(inner) = att.children().find(Node::is_element) else {
            continue;
        };
        let Some(abody) = child(inner, "body").or_else(|| child(inner, "mainBody")) else {
            r.note(
                att,
                NoteKind::Skipped,
                "an attachment without a body was left out",
            );
            continue;
        };
        let heading = [
            inner
                .descendants()
                .find(|n| is(*n, "docNumber"))
                .map(inline_text),
            inner
                .descendants()
                .find(|n| is(*n, "docTitle"))
                .map(inline_text),
        ]
        .into_iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(": ");
        r.items.push(Item::Heading(Heading {
            level: 1,
            text: if heading.is_empty() {
                annex_number(lang, "", k + 1, count).trim().to_string()
            } else {
                heading
            },
            line: line_of(inner),
            body: String::new(),
        }));
        r.annex = Some((k + 1, count));
        r.walk(abody, 1);
    }
    let mut report = r.report;
    report.extend(sequence_notes(&r.items));
    if !r.items.iter().any(|i| matches!(i, Item::Article(_))) {
        report.push(ImportNote {
            line: line_of(body),
            kind: NoteKind::NoArticles,
            message: "no <article>, <section> or <rule> was found in the body".to_string(),
            hint: Some("check that this is the law itself; qanun imports its articles".to_string()),
        });
    }
    report.sort_by_key(|n| n.line);
    Ok(AknImported {
        lang,
        identity,
        law: ImportedLaw {
            preamble,
            preamble_line: None,
            items: r.items,
        },
        report,
    })
}

/// `ara`, `ar`, `eng`, `en`, `fra`, `fre`, `fr` → the language.
fn lang_of_code(code: &str) -> Option<Lang> {
    match code.to_ascii_lowercase().as_str() {
        "ara" | "ar" => Some(Lang::Ar),
        "eng" | "en" => Some(Lang::En),
        "fra" | "fre" | "fr" => Some(Lang::Fr),
        _ => None,
    }
}

fn is(n: Node, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(*c, name))
}

fn identity(main: Node, doc_type: &str) -> AknIdentity {
    let ident = child(main, "meta").and_then(|m| child(m, "identification"));
    let part = |name: &str| ident.and_then(|i| child(i, name));
    let value = |n: Option<Node>, name: &str| {
        n.and_then(|n| child(n, name))
            .and_then(|c| c.attribute("value"))
            .unwrap_or_default()
            .to_string()
    };
    let work = part("FRBRWork");
    let expr = part("FRBRExpression");
    let this_or_uri = |n: Option<Node>| {
        let this = value(n, "FRBRthis");
        if this.is_empty() {
            value(n, "FRBRuri")
        } else {
            this
        }
    };
    AknIdentity {
        doc_type: doc_type.to_string(),
        work: this_or_uri(work),
        expression: this_or_uri(expr),
        country: value(work, "FRBRcountry"),
        number: value(work, "FRBRnumber"),
        date: work
            .and_then(|w| child(w, "FRBRdate"))
            .and_then(|d| d.attribute("date"))
            .unwrap_or_default()
            .to_string(),
        title: main
            .descendants()
            .find(|n| is(*n, "docTitle"))
            .map(inline_text)
            .or_else(|| {
                main.descendants()
                    .find(|n| is(*n, "shortTitle"))
                    .map(inline_text)
            })
            .unwrap_or_default(),
    }
}

/// All the text under a node, notes left out.
fn all_text(n: Node) -> String {
    let mut out = String::new();
    for d in n.descendants() {
        if d.is_text() && !d.ancestors().any(|a| SILENT.contains(&a.tag_name().name())) {
            out.push_str(d.text().unwrap_or_default());
            out.push(' ');
        }
    }
    out
}

/// The text of an inline run (a `p`, a `num`, a `heading`), notes left out, white space
/// collapsed as XML pretty-printing requires.
fn inline_text(n: Node) -> String {
    let mut out = String::new();
    collect_inline(n, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn collect_inline(n: Node, out: &mut String) {
    for c in n.children() {
        if c.is_text() {
            out.push_str(c.text().unwrap_or_default());
        } else if c.is_element() {
            let name = c.tag_name().name();
            if SILENT.contains(&name) || SKIPPED.contains(&name) {
                continue;
            }
            if matches!(name, "eol" | "br") {
                out.push(' ');
                continue;
            }
            collect_inline(c, out);
        }
    }
}

struct Reader<'a> {
    /// The byte offset of each line's start.
    starts: &'a [usize],
    unit: &'static str,
    lang: Lang,
    country: String,
    items: Vec<Item>,
    report: Vec<ImportNote>,
    /// While reading an attachment: (its rank, how many there are).
    annex: Option<(usize, usize)>,
}

impl Reader<'_> {
    fn line(&self, n: Node) -> usize {
        self.starts.partition_point(|&s| s <= n.range().start)
    }

    fn note(&mut self, n: Node, kind: NoteKind, message: &str) {
        let line = self.line(n);
        self.report.push(ImportNote {
            line,
            kind,
            message: message.to_string(),
            hint: None,
        });
    }

    fn skipped(&mut self, n: Node) {
        let name = n.tag_name().name();
        let what = match name {
            "table" => "a table",
            "img" => "an image",
            "quotedStructure" => "a quoted structure (text quoted from another law)",
            "embeddedStructure" => "an embedded structure",
            "componentRef" | "documentRef" => "a reference to another component",
            "foreign" => "content in another XML vocabulary",
            _ => "an element",
        };
        let line = self.line(n);
        self.report.push(ImportNote {
            line,
            kind: NoteKind::Skipped,
            message: format!("{what} (<{name}>) was left out of the import"),
            hint: Some(
                "copy its content into the legislation file by hand if it matters for compare"
                    .to_string(),
            ),
        });
    }

    /// Walks structure above the unit: containers become headings, units become articles.
    fn walk(&mut self, n: Node, level: u8) {
        for c in n.children().filter(Node::is_element) {
            let name = c.tag_name().name();
            if name == self.unit {
                self.article(c);
            } else if name == "crossHeading" {
                let text = inline_text(c);
                if !text.is_empty() {
                    self.items.push(Item::Heading(Heading {
                        level,
                        text,
                        line: self.line(c),
                        body: String::new(),
                    }));
                }
            } else if CONTAINERS.contains(&name) || name == "component" {
                let head = heading_of(c, self.lang);
                if !head.is_empty() {
                    self.items.push(Item::Heading(Heading {
                        level,
                        text: head,
                        line: self.line(c),
                        body: String::new(),
                    }));
                }
                self.walk(c, level.saturating_add(1));
            } else if SKIPPED.contains(&name) {
                self.skipped(c);
            } else if matches!(name, "num" | "heading" | "subheading") || SILENT.contains(&name) {
            } else if c.descendants().any(|d| is(d, self.unit)) {
                // A wrapper qanun does not know (a `paragraph` holding articles, say).
                self.walk(c, level);
            } else {
                let text = inline_text(c);
                if !text.is_empty() {
                    let line = self.line(c);
                    self.report.push(ImportNote {
                        line,
                        kind: NoteKind::TextOutsideArticle,
                        message: format!(
                            "text outside any article (<{name}>) was left out: “{}”",
                            shorten(&text)
                        ),
                        hint: None,
                    });
                }
            }
        }
    }

    fn article(&mut self, n: Node) {
        let num = child(n, "num").map(inline_text).unwrap_or_default();
        let (number, value) = self.number(&num, n);
        let number = match self.annex {
            Some((k, count)) => annex_number(self.lang, &number, k, count),
            None => number,
        };
        let title = child(n, "heading")
            .map(inline_text)
            .filter(|t| !t.is_empty());
        let text = self.lines(n, false).join("\n");
        let line = self.line(n);
        self.items.push(Item::Article(Article {
            number,
            number_value: value,
            title,
            text,
            line,
            inserted_by: None,
        }));
    }

    /// The article's number from its `num` (or, without one, from its `eId`).
    fn number(&self, num: &str, n: Node) -> (String, ArticleNumber) {
        let latin = crate::text::digits::to_latin_digits(num);
        let bare = latin
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(['.', ':', '-', ')', ' '])
            .trim();
        // "Article 12", "المادة (12)", "Section 3A": the word, then a bare number.
        let after_word = bare
            .split_once(' ')
            .filter(|(w, _)| w.chars().all(char::is_alphabetic) || w.ends_with('.'))
            .map(|(_, rest)| {
                rest.trim()
                    .trim_start_matches('(')
                    .trim_end_matches(')')
                    .trim()
            })
            .filter(|rest| !rest.contains(' '));
        let bare = match after_word {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
            _ => bare,
        };
        if !bare.is_empty() && bare.starts_with(|c: char| c.is_ascii_digit()) && !bare.contains(' ')
        {
            let parts: Vec<u32> = bare
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|p| p.parse().ok())
                .take(1)
                .chain(
                    bare.split('-')
                        .skip(1)
                        .filter_map(|p| p.trim().parse().ok()),
                )
                .collect();
            return (bare.to_string(), ArticleNumber::plain(parts));
        }
        if !bare.is_empty() {
            let opts = super::ImportOptions {
                lang: Some(self.lang),
                repair: false,
                country: self.country.clone(),
                id: None,
            };
            let probe = super::import(&format!("{latin}\n.\n"), &opts);
            if let Some(a) = probe.law.articles().next() {
                return (a.number.clone(), a.number_value.clone());
            }
            return (bare.to_string(), ArticleNumber::default());
        }
        let from_eid = n
            .attribute("eId")
            .and_then(|e| e.rsplit("__").next())
            .and_then(|last| last.split_once('_'))
            .map(|(_, v)| v.to_string())
            .unwrap_or_default();
        let parts = from_eid.parse().map(|v| vec![v]).unwrap_or_default();
        (from_eid, ArticleNumber::plain(parts))
    }

    /// The lines of text under `n`, in document order (see the module documentation). `top`
    /// reads every child, `num` and `heading` included (for a preamble).
    fn lines(&mut self, n: Node, top: bool) -> Vec<String> {
        let mut out = Vec::new();
        self.lines_into(n, top, "", &mut out);
        out.retain(|l| !l.trim().is_empty());
        out
    }

    /// Appends the lines of `n`'s children to `out`; `prefix` (a subdivision's number) opens
    /// the first line written.
    fn lines_into(&mut self, n: Node, top: bool, prefix: &str, out: &mut Vec<String>) {
        let mut prefix = prefix.to_string();
        for c in n.children().filter(Node::is_element) {
            let name = c.tag_name().name();
            if !top && matches!(name, "num" | "heading" | "subheading") {
                continue;
            }
            if SILENT.contains(&name) {
                continue;
            }
            if SKIPPED.contains(&name) {
                self.skipped(c);
                continue;
            }
            if LINES.contains(&name) || (top && matches!(name, "num" | "heading")) {
                let has_blocks = c
                    .children()
                    .any(|g| is(g, "p") || is(g, "blockList") || is(g, "table"));
                if has_blocks {
                    self.lines_into(c, false, &prefix, out);
                } else {
                    // Inline content that is left out (an image, a quoted structure in a
                    // `mod`) is reported; the rest of the line is kept.
                    let inner: Vec<Node> = c
                        .descendants()
                        .skip(1)
                        .filter(|d| {
                            d.is_element()
                                && SKIPPED.contains(&d.tag_name().name())
                                && !d
                                    .ancestors()
                                    .skip(1)
                                    .take_while(|a| *a != c)
                                    .any(|a| SKIPPED.contains(&a.tag_name().name()))
                        })
                        .collect();
                    for d in inner {
                        self.skipped(d);
                    }
                    out.push(join_prefix(&prefix, &inline_text(c)));
                }
                prefix.clear();
            } else if matches!(
                name,
                "content" | "blockContainer" | "container" | "blockList"
            ) || (name == "list" && !has_num(c))
            {
                self.lines_into(c, false, &prefix, out);
                prefix.clear();
            } else {
                // A subdivision: paragraph, point, item, subsection, indent, alinea …
                if !prefix.is_empty() {
                    out.push(prefix.clone());
                    prefix.clear();
                }
                let num = child(c, "num").map(inline_text).unwrap_or_default();
                let head = child(c, "heading").map(inline_text).unwrap_or_default();
                let start = out.len();
                self.lines_into(c, false, &num, out);
                if out.len() == start && !num.is_empty() {
                    out.push(num);
                }
                if !head.is_empty() {
                    // An alternative's label or a subdivision's title stays with its text.
                    out.insert(start, head);
                }
            }
        }
        if !prefix.is_empty() {
            out.push(prefix);
        }
    }
}

fn has_num(n: Node) -> bool {
    child(n, "num").is_some()
}

/// "1" + "text" → "1- text"; "(a)" + "text" → "(a) text".
fn join_prefix(prefix: &str, text: &str) -> String {
    match prefix.chars().last() {
        None => text.to_string(),
        Some(c) if c.is_alphanumeric() => format!("{prefix}- {text}"),
        Some(_) => format!("{prefix} {text}"),
    }
}

/// "num: heading", "num" or "heading" of a container. A bare number ("1", "IV") is named by
/// its element as the language says it ("Part 1"), as pasted texts write their headings.
fn heading_of(n: Node, lang: Lang) -> String {
    let mut num = child(n, "num").map(inline_text).unwrap_or_default();
    let bare = !num.is_empty()
        && num
            .trim_end_matches('.')
            .chars()
            .all(|c| c.is_ascii_digit() || "IVXLCDM".contains(c));
    if bare {
        let word = match (lang, n.tag_name().name()) {
            (Lang::En, "part") => "Part",
            (Lang::En, "chapter") => "Chapter",
            (Lang::En, "title") => "Title",
            (Lang::En, "book") => "Book",
            (Lang::En, "division") => "Division",
            (Lang::Fr, "part") => "Partie",
            (Lang::Fr, "chapter") => "Chapitre",
            (Lang::Fr, "title") => "Titre",
            (Lang::Fr, "book") => "Livre",
            (Lang::Ar, "part") => "الجزء",
            (Lang::Ar, "chapter") => "الفصل",
            (Lang::Ar, "title") => "الباب",
            (Lang::Ar, "book") => "الكتاب",
            _ => "",
        };
        if !word.is_empty() {
            num = format!("{word} {}", num.trim_end_matches('.'));
        }
    }
    let head = child(n, "heading").map(inline_text).unwrap_or_default();
    match (num.is_empty(), head.is_empty()) {
        (false, false) => format!("{num}: {head}"),
        (false, true) => num,
        _ => head,
    }
}

fn shorten(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        s.push('…');
    }
    s
}

/// Duplicate numbers (a document that numbers two articles alike) and gaps in the numbering
/// of the body (an extract): a law with gaps is imported as incomplete.
fn sequence_notes(items: &[Item]) -> Vec<ImportNote> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut prev: Option<&Article> = None;
    for item in items {
        let Item::Article(a) = item else { continue };
        if let Some(first) = seen.insert(a.number.as_str(), a.line) {
            out.push(ImportNote {
                line: a.line,
                kind: NoteKind::Duplicate,
                message: format!("article {} appears twice (first at line {first})", a.number),
                hint: Some("check the document's numbering; both are kept".to_string()),
            });
        }
        // Between two articles, and before the first (a document that starts partway through
        // its numbering, L. 425-1 or 448-1, is an extract too).
        let gap = match prev {
            Some(p) if !a.number_value.parts.is_empty() && !p.number_value.parts.is_empty() => {
                super::number::missing_between(&p.number_value, &a.number_value)
            }
            Some(_) => None,
            None if seen.len() == 1 => super::check::first_gap(&a.number_value),
            None => None,
        };
        if let Some((from, to)) = gap {
            let message = if from == to {
                format!("article {from} is not in this document")
            } else {
                format!("articles {from} to {to} are not in this document")
            };
            out.push(ImportNote {
                line: a.line,
                kind: NoteKind::Missing,
                message,
                hint: Some("an extract is imported as incomplete: what compare does not find in it is \"not verified\"".to_string()),
            });
        }
        if !a.number.contains(' ') {
            prev = Some(a);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            r##"<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="{AKN_NS}"><act name="x"><meta><identification source="#x">
<FRBRWork><FRBRthis value="/akn/xx/act/2020-01-01/1/!main"/><FRBRuri value="/akn/xx/act/2020-01-01/1"/><FRBRdate date="2020-01-01" name="x"/><FRBRauthor href="#x"/><FRBRcountry value="xx"/><FRBRnumber value="7"/></FRBRWork>
<FRBRExpression><FRBRthis value="/akn/xx/act/2020-01-01/1/eng@/!main"/><FRBRuri value="/akn/xx/act/2020-01-01/1/eng@"/><FRBRdate date="2020-01-01" name="x"/><FRBRauthor href="#x"/><FRBRlanguage language="eng"/></FRBRExpression>
</identification></meta><body>{body}</body></act></akomaNtoso>"##
        )
    }

    #[test]
    fn articles_paragraphs_and_points_become_numbered_lines() {
        let xml = doc(
            r#"<chapter eId="chp_1"><num>Chapter 1</num><heading>General</heading>
<article eId="art_1"><num>Article 1</num><heading>Scope</heading>
<paragraph eId="art_1__para_1"><num>1</num><content><p>This   law
 applies.</p></content></paragraph>
<paragraph eId="art_1__para_2"><num>2</num><list eId="l"><intro><p>It covers:</p></intro>
<point eId="p_a"><num>(a)</num><content><p>women<authorialNote eId="n"><p>a note</p></authorialNote>;</p></content></point>
<point eId="p_b"><num>(b)</num><content><p>girls.</p></content></point></list></paragraph>
</article></chapter>"#,
        );
        let imp = import_akn(&xml, None, "xx").unwrap();
        assert_eq!(imp.lang, Lang::En);
        assert_eq!(imp.identity.number, "7");
        assert_eq!(imp.identity.work, "/akn/xx/act/2020-01-01/1/!main");
        let Item::Heading(h) = &imp.law.items[0] else {
            panic!()
        };
        assert_eq!(h.text, "Chapter 1: General");
        let a = imp.law.articles().next().unwrap();
        assert_eq!(a.number, "1");
        assert_eq!(a.title.as_deref(), Some("Scope"));
        assert_eq!(
            a.text,
            "1- This law applies.\n2- It covers:\n(a) women;\n(b) girls."
        );
        assert!(imp.report.is_empty(), "{:?}", imp.report);
    }

    #[test]
    fn arabic_numbers_are_read_in_ascii_digits() {
        let xml = doc(
            r#"<article eId="art_12"><num>المادة (١٢)</num><content><p>نص.</p></content></article>
<article eId="art_13"><num>المادة الثالثة عشرة</num><content><p>نص.</p></content></article>"#,
        )
        .replace("eng", "ara");
        let imp = import_akn(&xml, None, "jo").unwrap();
        assert_eq!(imp.lang, Lang::Ar);
        let numbers: Vec<&str> = imp.law.articles().map(|a| a.number.as_str()).collect();
        assert_eq!(numbers, ["12", "13"]);
    }

    #[test]
    fn what_is_left_out_is_reported_at_its_line() {
        let xml = doc(
            "<article eId=\"art_1\"><num>1.</num><content><p>Text.</p>\n<table><tr><td><p>x</p></td></tr></table></content></article>\n<article eId=\"art_3\"><num>3.</num><content><p>T.</p></content></article>",
        );
        let imp = import_akn(&xml, None, "xx").unwrap();
        let kinds: Vec<NoteKind> = imp.report.iter().map(|n| n.kind).collect();
        assert_eq!(kinds, [NoteKind::Skipped, NoteKind::Missing]);
        assert_eq!(imp.report[0].line, 6);
        assert_eq!(imp.report[1].message, "article 2 is not in this document");
    }

    #[test]
    fn a_document_that_starts_partway_through_its_numbering_is_an_extract() {
        let xml = doc(
            "<article eId=\"art_448-1\"><num>448-1.</num><content><p>T.</p></content></article>\n<article eId=\"art_448-2\"><num>448-2.</num><content><p>T.</p></content></article>",
        );
        let imp = import_akn(&xml, None, "ma").unwrap();
        let missing: Vec<&str> = imp
            .report
            .iter()
            .filter(|n| n.kind == NoteKind::Missing)
            .map(|n| n.message.as_str())
            .collect();
        assert_eq!(missing, ["articles 1 to 447 are not in this document"]);
        let whole =
            doc("<article eId=\"art_1\"><num>1.</num><content><p>T.</p></content></article>");
        let imp = import_akn(&whole, None, "ma").unwrap();
        assert!(imp.report.is_empty(), "{:?}", imp.report);
    }

    #[test]
    fn not_xml_and_not_akn_are_refused_with_their_place() {
        let e = import_akn("<akomaNtoso><act>", None, "xx").unwrap_err();
        assert!(e.message.contains("not well-formed"), "{e:?}");
        let e = import_akn("<html><body/></html>", None, "xx").unwrap_err();
        assert!(e.message.contains("root element is <html>"), "{e:?}");
        let e = import_akn(
            &format!("<akomaNtoso xmlns=\"{AKN_NS}\"><judgment/></akomaNtoso>"),
            None,
            "xx",
        )
        .unwrap_err();
        assert!(e.message.contains("<judgment>"), "{e:?}");
        let e = import_akn(
            "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><akomaNtoso/>",
            None,
            "xx",
        )
        .unwrap_err();
        assert!(
            e.message.contains("not well-formed") || e.message.contains("DTD"),
            "{e:?}"
        );
    }
}
