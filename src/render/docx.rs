//! Word documents (DOCX, Office Open XML): the law of a country (or the model law) as a real
//! Word document with restylable styles, right-to-left paragraphs and runs for Arabic, the
//! country's digits, bookmarks on articles and links for references.
//!
//! The view ([`DocxView`]) is built once from the [`LawView`] every other format uses: the
//! document as a flat list of paragraphs ([`Block`]), each with its Word style, so points
//! nest to any depth and a template only lays paragraphs out. The XML parts come from the
//! templates `docx/*.xml.tera` (escaped as XML); the package parts that never change are
//! constants here. [`package`] zips them with fixed dates in a fixed order: the same input
//! gives the same bytes. docs/docx.md explains the styles and the choices.

use super::Templates;
use super::view::{ArticleView, LawView, PointView, Run};
use crate::diagnostics::Diagnostic;
use crate::model::{Lang, Origin};
use crate::text::bidi::split_ltr_numbers;
use serde::Serialize;
use std::io::Write;

/// The font of every script slot. Word and LibreOffice substitute another Arabic font when it
/// is not installed (docs/docx.md names the fallbacks).
pub const FONT: &str = "Amiri";

/// One paragraph of the document.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    /// The Word paragraph style (styles.xml): `Title`, `Heading1`, `LawParagraph` …
    pub style: &'static str,
    /// Text before the runs ("1- ", "أ- "), in the paragraph's direction.
    pub prefix: String,
    #[serde(skip)]
    pub runs: Vec<Run>,
    /// The runs as WordprocessingML (`w:r`, `w:hyperlink`), escaped: written here rather than
    /// by a template component called once per paragraph.
    pub xml: String,
    /// Extra indentation from the start edge, in twentieths of a point (deep points).
    pub indent: u32,
    /// The name of a bookmark around the paragraph (an article's heading), or empty; and
    /// its number, unique in the document.
    pub bookmark: String,
    pub bookmark_id: usize,
    /// The language tag and direction of this paragraph when they differ from the
    /// document's (commentary or an article shown in a fallback language), else empty.
    pub lang_tag: String,
    pub rtl: bool,
    /// The tags of its runs' `w:lang`: `w:val` (Latin text) and `w:bidi` (Arabic text).
    pub latin_tag: String,
    pub bidi_tag: String,
    /// Whether the paragraph starts a new page (a packet's chapters).
    pub break_before: bool,
}

impl Block {
    /// A paragraph of `style` in the document's direction, without bookmark or indent.
    pub fn new(style: &'static str, prefix: String, runs: Vec<Run>, rtl: bool) -> Block {
        Block {
            style,
            prefix,
            runs,
            xml: String::new(),
            indent: 0,
            bookmark: String::new(),
            bookmark_id: 0,
            lang_tag: String::new(),
            rtl,
            latin_tag: String::new(),
            bidi_tag: String::new(),
            break_before: false,
        }
    }

    /// A paragraph of interface text (a title, a label) in the document's direction.
    pub fn text(style: &'static str, text: &str, rtl: bool) -> Block {
        Block::new(style, String::new(), text_runs(text, rtl), rtl)
    }

    /// Sets the paragraph's `w:lang` tags (its own language, or the document's `doc_tag`) and
    /// writes its runs as XML, each run in `run_style` (a character style) when not empty.
    pub fn finish(&mut self, doc_tag: &str, country: Option<&str>, run_style: &str) {
        let tag = if self.lang_tag.is_empty() {
            doc_tag
        } else {
            &self.lang_tag
        };
        (self.latin_tag, self.bidi_tag) = run_tags(tag, self.rtl, country);
        self.xml = runs_xml(
            &self.runs,
            self.rtl,
            &self.latin_tag,
            &self.bidi_tag,
            run_style,
        );
    }
}

/// Everything the DOCX templates need.
#[derive(Debug, Clone, Serialize)]
pub struct DocxView {
    pub title: String,
    pub author: String,
    /// The running header: country and title.
    pub header: String,
    /// Whether the header reads right to left (a redline's, naming git revisions, does not).
    pub header_rtl: bool,
    pub rtl: bool,
    /// BCP 47 tag of the document's language, with the country's region: `ar-JO`, `en-GB`.
    pub lang_tag: String,
    /// The tag Word keeps for Latin text (`w:val`) and for Arabic (`w:bidi`).
    pub latin_tag: String,
    pub bidi_tag: String,
    pub font: &'static str,
    /// Page numbers: `decimal`, or `hindiNumbers` (Arabic-Indic digits).
    pub page_format: &'static str,
    /// `YYYY-MM-DDT00:00:00Z`: the law's date, for the document properties.
    pub created: String,
    /// For a review copy: "<target> <lang> <version>", kept as the custom document property
    /// `qanun-review` (`qanun review import` reads it); empty otherwise.
    pub review: String,
    pub blocks: Vec<Block>,
}

/// The bookmark that anchors paragraph `n` (1-based) of article `id` in a review copy:
/// `q_<id>__<n>`, Word's 40 characters at most (a long id is shortened with a hash of it).
pub fn anchor_name(id: &str, n: usize) -> String {
    let clean: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let name = format!("q_{clean}__{n}");
    if name.len() <= 40 {
        return name;
    }
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let short: String = clean.chars().take(22).collect();
    format!("q_{short}_{:08x}__{n}", hash as u32)
}

/// The two tags of a run's `w:lang` for text whose tag is `tag`: `w:val` (Latin text) and
/// `w:bidi` (Arabic text). In right-to-left text `tag` is the Arabic one and Latin words are
/// English; in left-to-right text `tag` is the Latin one and Arabic is the country's.
pub fn run_tags(tag: &str, rtl: bool, country: Option<&str>) -> (String, String) {
    if rtl {
        ("en-GB".to_string(), tag.to_string())
    } else {
        (tag.to_string(), lang_tag(Lang::Ar, country))
    }
}

/// BCP 47 tag of `lang` as written in `country` (an ISO code) or, for the model law, generic.
pub fn lang_tag(lang: Lang, country: Option<&str>) -> String {
    let region = country
        .filter(|c| c.len() == 2 && c.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase);
    match (lang, region) {
        (Lang::Ar, Some(r)) => format!("ar-{r}"),
        (Lang::Ar, None) => "ar-SA".to_string(),
        (Lang::En, _) => "en-GB".to_string(),
        (Lang::Fr, Some(r)) if matches!(r.as_str(), "MA" | "DZ" | "TN" | "LB") => format!("fr-{r}"),
        (Lang::Fr, _) => "fr-FR".to_string(),
    }
}

/// Runs of a text of the interface (a title, a label): in Arabic, number groups ("1.0.0",
/// "2026-11-29") are runs of their own, left to right, as in every other format.
pub fn text_runs(text: &str, rtl: bool) -> Vec<Run> {
    if !rtl {
        return vec![Run {
            kind: "text",
            text: text.to_string(),
            target: String::new(),
        }];
    }
    split_ltr_numbers(text)
        .into_iter()
        .map(|(ltr, s)| Run {
            kind: if ltr { "ltr" } else { "text" },
            text: s.to_string(),
            target: String::new(),
        })
        .collect()
}

/// Builds the document's paragraphs from the law's view.
/// `date` is the law's date, `YYYY-MM-DD` (the view's is in the country's digits).
/// `review` ("<target> <lang> <version>", or empty) makes a review copy: every paragraph of the
/// law carries a bookmark ([`anchor_name`]) that `qanun review import` finds again.
pub fn docx_view(view: &LawView, country: Option<&str>, date: &str, review: &str) -> DocxView {
    let lang = Lang::from_code(view.lang).unwrap_or(Lang::Ar);
    let doc_tag = lang_tag(lang, country);
    let colon = view.labels.colon;
    let mut blocks = vec![
        Block::text("Title", &view.title, view.rtl),
        Block::text("Subtitle", &view.country, view.rtl),
        Block::text(
            "DocumentInfo",
            &format!(
                "{}{colon} {} · {}{colon} {}",
                view.labels.version, view.version, view.labels.date, view.date
            ),
            view.rtl,
        ),
    ];
    if view.is_model {
        blocks.push(Block::text("Note", view.labels.placeholder_note, view.rtl));
    }
    blocks.extend(law_blocks(
        view,
        country,
        !review.is_empty(),
        Level::Document,
    ));
    let (latin_tag, bidi_tag) = run_tags(&doc_tag, lang.is_rtl(), country);
    for b in &mut blocks {
        b.finish(&doc_tag, country, "");
    }
    DocxView {
        title: view.title.clone(),
        author: view.author.clone(),
        header: format!("{} — {}", view.country, view.title),
        header_rtl: view.rtl,
        rtl: view.rtl,
        lang_tag: doc_tag,
        latin_tag,
        bidi_tag,
        font: FONT,
        page_format: if view.digits_arab {
            "hindiNumbers"
        } else {
            "decimal"
        },
        created: format!("{date}T00:00:00Z"),
        review: review.to_string(),
        blocks,
    }
}

/// Where the law stands in a document: the whole of it (its parts are chapters, `Heading1`),
/// or an annex of another document (a packet's: parts `Heading2`, articles `Heading3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Document,
    Annex,
}

/// The law's parts, articles and deviations as paragraphs. Every article heading carries its
/// bookmark (the target of references); with `anchors` (a review copy) every paragraph does.
pub fn law_blocks(
    view: &LawView,
    country: Option<&str>,
    anchors: bool,
    level: Level,
) -> Vec<Block> {
    let colon = view.labels.colon;
    let (chapter, article) = match level {
        Level::Document => ("Heading1", "Heading2"),
        Level::Annex => ("Heading2", "Heading3"),
    };
    let mut blocks = Vec::new();
    let mut bookmark_id = 0;
    for part in &view.parts {
        let style = if part.annex && level == Level::Document {
            "AnnexHeading"
        } else {
            chapter
        };
        let heading = if part.title.is_empty() {
            part.label.clone()
        } else {
            format!("{}{colon} {}", part.label, part.title)
        };
        blocks.push(Block::text(style, &heading, view.rtl));
        for a in &part.articles {
            let mut heading = Block::text(article, &article_heading(a), view.rtl);
            heading.bookmark = a.bookmark.clone();
            heading.bookmark_id = bookmark_id;
            bookmark_id += 1;
            blocks.push(heading);
            blocks.extend(article_blocks(
                a,
                view,
                country,
                anchors.then_some(&mut bookmark_id),
            ));
        }
    }
    if !view.is_model {
        blocks.push(Block::text(chapter, view.labels.deviations, view.rtl));
        if view.deviations.is_empty() {
            blocks.push(Block::text(
                "Deviation",
                view.labels.no_deviations,
                view.rtl,
            ));
        }
        for d in &view.deviations {
            let mut runs = text_runs(&d.text, view.rtl);
            if !d.note.is_empty() {
                runs.extend(text_runs(&format!("{colon} "), view.rtl));
                runs.extend(text_runs(&d.note, d.note_dir == "rtl"));
            }
            blocks.push(Block::new("Deviation", "• ".to_string(), runs, view.rtl));
        }
    }
    blocks
}

/// An article's heading: "Article 4 — Definition of trafficking".
pub fn article_heading(a: &ArticleView) -> String {
    titled(&a.label, &a.title)
}

/// A label and its title: "Article 4 — Definition of trafficking", or the label alone.
pub fn titled(label: &str, title: &str) -> String {
    if title.is_empty() {
        label.to_string()
    } else {
        format!("{label} — {title}")
    }
}

/// The paragraphs of an article after its heading: the fallback note, the numbered
/// paragraphs with their points, the commentary. With `anchors` (a review copy), every
/// paragraph carries a bookmark ([`anchor_name`]) numbered from it.
pub fn article_blocks(
    a: &ArticleView,
    view: &LawView,
    country: Option<&str>,
    mut anchors: Option<&mut usize>,
) -> Vec<Block> {
    let lang = Lang::from_code(view.lang).unwrap_or(Lang::Ar);
    let colon = view.labels.colon;
    let mut blocks = Vec::new();
    // An article shown in another language keeps that language's tag and direction.
    let (text_tag, text_rtl) = match Lang::from_code(a.text_lang) {
        Some(l) if l != lang => (lang_tag(l, country), l.is_rtl()),
        _ => (String::new(), view.rtl),
    };
    if let Some(f) = &a.fallback {
        blocks.push(Block::text("Note", &format!("({f})"), view.rtl));
    }
    for (i, p) in a.paragraphs.iter().enumerate() {
        let mut prefix = String::new();
        if let Some(o) = &p.option {
            prefix.push_str(&format!("{o}{colon} "));
        }
        if !p.number.is_empty() {
            prefix.push_str(&format!("{}- ", p.number));
        }
        let mut b = Block::new("LawParagraph", prefix, p.runs.clone(), text_rtl);
        b.lang_tag = text_tag.clone();
        if let Some(next) = anchors.as_deref_mut() {
            b.bookmark = anchor_name(&a.id, i + 1);
            b.bookmark_id = *next;
            *next += 1;
        }
        blocks.push(b);
        points(&p.points, 0, &text_tag, text_rtl, &mut blocks);
    }
    if !a.commentary.is_empty() {
        let c_lang = Lang::from_code(a.commentary_lang).unwrap_or(lang);
        let c_tag = if c_lang == lang {
            String::new()
        } else {
            lang_tag(c_lang, country)
        };
        let title = match &a.commentary_fallback {
            Some(f) => format!("{} ({f})", view.labels.commentary),
            None => view.labels.commentary.to_string(),
        };
        blocks.push(Block::text("CommentaryHeading", &title, view.rtl));
        for c in &a.commentary {
            let mut b = Block::new("Commentary", String::new(), c.clone(), c_lang.is_rtl());
            b.lang_tag = c_tag.clone();
            blocks.push(b);
        }
    }
    blocks
}

fn points(points: &[PointView], depth: u32, tag: &str, rtl: bool, out: &mut Vec<Block>) {
    for p in points {
        let style = if depth == 0 {
            "LawPoint"
        } else {
            "LawSubPoint"
        };
        let mut b = Block::new(style, format!("{}- ", p.label), p.runs.clone(), rtl);
        b.indent = depth.saturating_sub(1) * 425;
        b.lang_tag = tag.to_string();
        out.push(b);
        self::points(&p.points, depth + 1, tag, rtl, out);
    }
}

/// Runs as WordprocessingML: a reference is a link to its article's bookmark, a blank is
/// highlighted, Arabic runs are right to left, number groups in Arabic open with a
/// LEFT-TO-RIGHT MARK (without it Word shows "2026-11-29" as "29-11-2026"), and every run says
/// its language.
pub fn runs_xml(runs: &[Run], rtl: bool, latin: &str, bidi: &str, style: &str) -> String {
    let esc = super::escape::xml_string;
    let lang = format!(
        "<w:lang w:val=\"{}\" w:bidi=\"{}\"/>",
        esc(latin),
        esc(bidi)
    );
    let mut out = String::new();
    for r in runs {
        let link = r.kind == "ref" && !r.target.is_empty();
        if link {
            out.push_str(&format!(
                "<w:hyperlink w:anchor=\"{}\" w:history=\"1\">",
                esc(&r.target)
            ));
        }
        out.push_str("<w:r><w:rPr>");
        if r.kind == "ref" {
            out.push_str("<w:rStyle w:val=\"Reference\"/>");
        } else if !style.is_empty() {
            out.push_str(&format!("<w:rStyle w:val=\"{style}\"/>"));
        }
        if r.kind == "placeholder" {
            out.push_str("<w:highlight w:val=\"yellow\"/>");
        }
        if rtl && r.kind != "ltr" {
            out.push_str("<w:rtl/>");
        }
        out.push_str(&lang);
        out.push_str("</w:rPr><w:t xml:space=\"preserve\">");
        if rtl && r.kind == "ltr" {
            out.push('\u{200E}');
        }
        out.push_str(&esc(&r.text));
        out.push_str("</w:t></w:r>");
        if link {
            out.push_str("</w:hyperlink>");
        }
    }
    out
}

/// The parts of a package that do not depend on the document.
const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>
"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>
"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>
"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
"#;

const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>qanun</Application></Properties>
"#;

/// Renders the templates of `view` and packs the document.
pub fn render_docx(templates: &Templates, view: &DocxView) -> Result<Vec<u8>, Diagnostic> {
    pack(templates, view, "docx/document", &view.review)
}

/// The redline of two drafts with its tracked changes, on the common parts of `base` (styles,
/// header, footer, properties).
#[derive(Debug, Clone, Serialize)]
pub struct RedlineDoc<'a> {
    #[serde(flatten)]
    pub base: &'a DocxView,
    pub redline: &'a crate::diff::redline::RedlineView,
}

/// Renders a redline and packs it.
pub fn render_redline(templates: &Templates, doc: &RedlineDoc) -> Result<Vec<u8>, Diagnostic> {
    pack(templates, doc, "docx/redline", "")
}

impl DocxView {
    /// The common parts of a document without paragraphs of its own (a redline's).
    pub fn frame(
        title: &str,
        author: &str,
        header: &str,
        lang: Lang,
        country: Option<&str>,
        date: &str,
    ) -> DocxView {
        let tag = lang_tag(lang, country);
        let (latin_tag, bidi_tag) = run_tags(&tag, lang.is_rtl(), country);
        DocxView {
            title: title.to_string(),
            author: author.to_string(),
            header: header.to_string(),
            header_rtl: header
                .chars()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            rtl: lang.is_rtl(),
            lang_tag: tag,
            latin_tag,
            bidi_tag,
            font: FONT,
            page_format: "decimal",
            created: format!("{date}T00:00:00Z"),
            review: String::new(),
            blocks: Vec::new(),
        }
    }
}

/// Renders a document whose body is template `document` (`docx/packet`) and packs it with the
/// common parts.
pub fn pack_document<T: Serialize>(
    templates: &Templates,
    view: &T,
    document: &str,
) -> Result<Vec<u8>, Diagnostic> {
    pack(templates, view, document, "")
}

/// The name of the custom document property that marks a review copy.
pub const REVIEW_PROPERTY: &str = "qanun-review";

fn pack<T: Serialize>(
    templates: &Templates,
    view: &T,
    document: &str,
    review: &str,
) -> Result<Vec<u8>, Diagnostic> {
    let part = |name: &str| templates.render(name, view).map(String::into_bytes);
    let (types, rels) = if review.is_empty() {
        (CONTENT_TYPES.to_string(), ROOT_RELS.to_string())
    } else {
        (
            CONTENT_TYPES.replace(
                "</Types>",
                "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/></Types>",
            ),
            ROOT_RELS.replace(
                "</Relationships>",
                "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" Target=\"docProps/custom.xml\"/></Relationships>",
            ),
        )
    };
    let mut parts: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", types.into_bytes()),
        ("_rels/.rels", rels.into_bytes()),
        ("docProps/app.xml", APP.as_bytes().to_vec()),
        ("docProps/core.xml", part("docx/core")?),
        (
            "word/_rels/document.xml.rels",
            DOCUMENT_RELS.as_bytes().to_vec(),
        ),
        ("word/document.xml", part(document)?),
        ("word/styles.xml", part("docx/styles")?),
        ("word/settings.xml", SETTINGS.as_bytes().to_vec()),
        ("word/header1.xml", part("docx/header")?),
        ("word/footer1.xml", part("docx/footer")?),
    ];
    if !review.is_empty() {
        let escaped = super::escape::xml_string(review);
        let custom = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><property fmtid=\"{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}\" pid=\"2\" name=\"{REVIEW_PROPERTY}\"><vt:lpwstr>{}</vt:lpwstr></property></Properties>\n",
            escaped
        );
        parts.push(("docProps/custom.xml", custom.into_bytes()));
    }
    package(&parts).map_err(|e| {
        Diagnostic::error(
            "docx",
            &Origin::new("templates", 0),
            format!("the Word document could not be packed: {e}"),
        )
    })
}

/// A zip package of `parts`, in the given order, every entry dated 1980-01-01 (the earliest
/// date zip can hold) so that the bytes depend on the content only.
pub fn package(parts: &[(&str, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        // The fastest level: a Word document of the whole law is written in a few
        // milliseconds, and is about a tenth bigger than at the default level.
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in parts {
        zip.start_file(*name, options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_carry_the_country() {
        assert_eq!(lang_tag(Lang::Ar, Some("jo")), "ar-JO");
        assert_eq!(lang_tag(Lang::Ar, None), "ar-SA");
        assert_eq!(lang_tag(Lang::Fr, Some("ma")), "fr-MA");
        assert_eq!(lang_tag(Lang::Fr, Some("eg")), "fr-FR");
        assert_eq!(lang_tag(Lang::En, Some("jo")), "en-GB");
    }

    #[test]
    fn packages_are_byte_identical() {
        let parts = vec![("a.xml", b"<a/>".to_vec()), ("b/c.xml", b"<c/>".to_vec())];
        let one = package(&parts).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert_eq!(one, package(&parts).unwrap());
    }
}
