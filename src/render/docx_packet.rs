//! The advocacy packet as a Word document (`qanun packet <cc> --format docx`), for advocates
//! who adapt the brief before sending it: the same chapters as the PDF, from the same
//! [`PacketView`], as Word paragraphs in restylable styles and Word tables.
//!
//! The view ([`PacketDocx`]) is a list of [`Element`]s, each a paragraph ([`Block`], as in
//! the law's Word document) or a table whose cells hold paragraphs; the template
//! `docx/packet.xml.tera` lays them out, and [`super::docx`] packs the document. The law in
//! the annex is the law's own Word paragraphs ([`law_blocks`]), one level down, so its articles
//! keep their bookmarks and the recommended text's references link to them.

use super::Templates;
use super::docx::{
    Block, DocxView, Level, article_blocks, law_blocks, run_tags, runs_xml, text_runs, titled,
};
use super::packet::{ObligationView, PacketView, SpanView};
use super::view::Run;
use crate::diagnostics::Diagnostic;
use crate::model::Lang;
use serde::Serialize;

/// The width of the text between the margins of an A4 page (twentieths of a point).
const TEXT_WIDTH: u32 = 11906 - 2 * 1304;

/// A cell of a table: its paragraphs and its shading.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub blocks: Vec<Block>,
    /// Background colour (`RRGGBB`), or empty.
    pub fill: &'static str,
    /// Columns the cell spans (1 for most).
    pub span: usize,
    /// Its width (twentieths of a point).
    pub width: u32,
}

/// A table: a header row repeated on every page, then the rows.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// The columns' widths (twentieths of a point).
    pub widths: Vec<u32>,
    pub header: Vec<Cell>,
    pub rows: Vec<Vec<Cell>>,
}

/// A paragraph or a table, in the order of the document.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Element {
    Paragraph(Block),
    Table(Table),
}

/// Everything the packet's Word template needs: the common parts (styles, header, footer,
/// properties) and the elements.
#[derive(Debug, Clone, Serialize)]
pub struct PacketDocx {
    #[serde(flatten)]
    pub base: DocxView,
    pub elements: Vec<Element>,
}

/// Builds the packet's Word view. `country` is the country's code, `date` the law's date
/// (`YYYY-MM-DD`).
pub fn packet_docx(v: &PacketView, country: &str, date: &str) -> PacketDocx {
    let law = &v.law;
    let rtl = law.rtl;
    let lang = Lang::from_code(law.lang).unwrap_or(Lang::Ar);
    let colon = law.labels.colon;
    let l = &v.plabels;
    let mut out = Doc {
        elements: Vec::new(),
        tag: super::docx::lang_tag(lang, Some(country)),
        rtl,
        arab: law.digits_arab,
        none: l.none,
    };

    // 1. Cover.
    out.text("Subtitle", l.packet);
    out.text("Title", &law.country);
    out.text("Subtitle", &law.title);
    out.text(
        "DocumentInfo",
        &format!(
            "{} {} · {} {} · {}{colon} {}",
            law.labels.version, law.version, law.labels.date, law.date, l.language, v.language_name
        ),
    );
    out.text(
        "DocumentInfo",
        &format!("{}{colon} {}", l.prepared_by, law.author),
    );

    // The contents go here, once every heading is known.
    let contents_at = out.elements.len();

    // 2. Executive summary.
    out.chapter(l.summary);
    if let Some(score) = &v.coverage {
        // A range reads from the lower figure, which in Arabic stands on the right: each
        // figure is a run of its own (as one left-to-right run, "8–100%" would put 8 on the
        // left), as in the PDF.
        let mut runs = text_runs(&format!("{}{colon} ", l.coverage), rtl);
        for (i, figure) in score.split('–').enumerate() {
            if i > 0 {
                runs.extend(text_runs("–", rtl));
            }
            runs.extend(text_runs(figure, rtl));
        }
        out.push(Block::new("Score", String::new(), runs, rtl));
        if let Some(note) = &v.coverage_note {
            out.text("ScoreNote", note);
        }
        if let Some(with) = &v.compared_with {
            out.text("ScoreNote", &format!("{}{colon} {with}", l.compared_with));
        }
    }
    if let Some(caveat) = &v.caveat {
        out.text("Caveat", caveat);
    }
    out.text("Heading2", l.key_gaps);
    out.list(&v.key_gaps, false);
    out.text("Heading2", l.asks);
    out.list(&v.asks, true);

    // 3. International obligations.
    out.chapter(l.obligations);
    out.text("Heading2", l.party);
    out.obligations(&v.party, [l.instrument, l.date, l.requires], true);
    out.text("Heading2", l.not_party);
    out.obligations(&v.not_party, [l.instrument, l.status, l.requires], false);

    // 4. Gap table.
    if !v.gap_rows.is_empty() {
        out.chapter(l.gap_table);
        if let Some(with) = &v.compared_with {
            out.text("Normal", &format!("{}{colon} {with}", l.compared_with));
        }
        if let Some(caveat) = &v.caveat {
            out.text("Caveat", caveat);
        }
        let widths = columns(&[16, 44, 17, 23]);
        let header = vec![
            cell_text(l.model_article, rtl, 2, widths[0] + widths[1]),
            cell_text(l.status, rtl, 1, widths[2]),
            cell_text(l.national_articles, rtl, 1, widths[3]),
        ];
        let rows = v
            .gap_rows
            .iter()
            .map(|r| {
                let (style, fill) = match r.status {
                    "missing" => ("StatusMissing", ""),
                    "partial" => ("StatusPartial", ""),
                    "not-verified" => ("StatusNotVerified", "E8EAF6"),
                    _ => ("", ""),
                };
                let mut status = cell_text(&r.status_text, rtl, 1, widths[2]);
                status.fill = fill;
                for b in &mut status.blocks {
                    b.finish(&out.tag, Some(country), style);
                }
                vec![
                    cell_text(&r.label, rtl, 1, widths[0]),
                    cell_text(&r.title, rtl, 1, widths[1]),
                    status,
                    cell_text(&r.national, rtl, 1, widths[3]),
                ]
            })
            .collect();
        out.table(&widths, header, rows);
    }

    // 5. Recommended text.
    out.chapter(l.recommended);
    out.text("Normal", l.recommended_intro);
    if let Some(note) = &v.unverified {
        out.text("Unverified", note);
    }
    for r in &v.recommended {
        out.text("PacketArticle", &titled(&r.article.label, &r.article.title));
        if !r.status_text.is_empty() {
            out.text("Note", &format!("{}{colon} {}", l.status, r.status_text));
        }
        for b in article_blocks(&r.article, law, Some(country), None) {
            out.push(b);
        }
        if !r.missing.is_empty() {
            let missing = r.missing.join(l.list_separator);
            out.text("Lacks", &format!("{}{colon} {missing}", l.lacks));
        }
        if !r.citations.is_empty() {
            out.text("CommentaryHeading", &format!("{}{colon}", l.implements));
            for c in &r.citations {
                let text = if c.requires.is_empty() {
                    c.reference.clone()
                } else {
                    format!("{}{colon} {}", c.reference, c.requires)
                };
                out.push(Block::new(
                    "ListItem",
                    "• ".to_string(),
                    text_runs(&text, rtl),
                    rtl,
                ));
            }
        }
    }

    // 6. Side by side.
    if !v.sides.is_empty() {
        out.chapter(l.side_by_side);
        out.text("Note", l.diff_note);
        let widths = columns(&[50, 50]);
        for s in &v.sides {
            out.text("PacketArticle", &titled(&s.label, &s.title));
            let national_head = format!(
                "{} ({}){}",
                l.national_text,
                s.national_article,
                dash(&s.national_in)
            );
            let model_head = format!("{}{}", l.model_text, dash(&s.model_in));
            let header = vec![
                cell_text(&national_head, rtl, 1, widths[0]),
                cell_text(&model_head, rtl, 1, widths[1]),
            ];
            let row = vec![
                spans_cell(
                    &s.national,
                    s.national_lang,
                    country,
                    widths[0],
                    "DiffNational",
                ),
                spans_cell(&s.model, s.model_lang, country, widths[1], "DiffModel"),
            ];
            out.table(&widths, header, vec![row]);
        }
    }

    // 7. Annexes: the law itself, one level down.
    out.chapter(l.annexes);
    for b in law_blocks(law, Some(country), false, Level::Annex) {
        out.push(b);
    }

    let title = format!("{} — {}", l.packet, law.country);
    let mut base = DocxView::frame(&title, &law.author, &title, lang, Some(country), date);
    base.page_format = if law.digits_arab {
        "hindiNumbers"
    } else {
        "decimal"
    };
    let mut elements = out.elements;
    for e in &mut elements {
        match e {
            Element::Paragraph(b) => b.finish(&out.tag, Some(country), ""),
            Element::Table(t) => {
                for b in t.header.iter_mut().flat_map(|c| c.blocks.iter_mut()) {
                    b.finish(&out.tag, Some(country), "TableHeaderText");
                }
                // Cells already written (a status, a side of the diff) are left as they are.
                let cells = t.rows.iter_mut().flatten();
                for b in cells.flat_map(|c| c.blocks.iter_mut()) {
                    if b.xml.is_empty() {
                        b.finish(&out.tag, Some(country), "");
                    }
                }
            }
        }
    }
    let contents = contents(
        &mut elements[contents_at..],
        law.labels.contents,
        &out.tag,
        rtl,
        country,
    );
    elements.splice(contents_at..contents_at, contents);
    PacketDocx { base, elements }
}

/// The contents page: the chapters (`Heading1`) and their sections (`Heading2`), as the PDF's
/// outline lists them (an article's heading in the recommended text or the side by side is a
/// `PacketArticle`, not listed). Each heading gets a bookmark if it has none; each entry links
/// to it and gives its page as a `PAGEREF` field, which LibreOffice computes as it lays the
/// pages out, and which is marked dirty so that Word updates it when the document opens (and
/// again with F9 after an advocate's edits). Not Word's TOC field: LibreOffice shows a TOC
/// field's entries as written, without their page numbers, which cannot be known here.
fn contents(
    elements: &mut [Element],
    title: &str,
    doc_tag: &str,
    rtl: bool,
    country: &str,
) -> Vec<Element> {
    let esc = super::escape::xml_string;
    let mut next_id = elements
        .iter()
        .filter_map(|e| match e {
            Element::Paragraph(b) if !b.bookmark.is_empty() => Some(b.bookmark_id + 1),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let mut heading = Block::text("ContentsHeading", title, rtl);
    heading.break_before = true;
    heading.finish(doc_tag, Some(country), "");
    let mut out = vec![Element::Paragraph(heading)];
    for e in elements.iter_mut() {
        let Element::Paragraph(h) = e else { continue };
        let style = match h.style {
            "Heading1" => "TOC1",
            "Heading2" => "TOC2",
            _ => continue,
        };
        if h.bookmark.is_empty() {
            h.bookmark = format!("_Toc{next_id}");
            h.bookmark_id = next_id;
            next_id += 1;
        }
        let text: String = h.runs.iter().map(|r| r.text.as_str()).collect();
        let mut b = Block::new(style, String::new(), text_runs(&text, rtl), rtl);
        b.finish(doc_tag, Some(country), "");
        let rpr = format!(
            "<w:rPr>{}<w:lang w:val=\"{}\" w:bidi=\"{}\"/></w:rPr>",
            if rtl { "<w:rtl/>" } else { "" },
            esc(&b.latin_tag),
            esc(&b.bidi_tag)
        );
        let mark = esc(&h.bookmark);
        b.xml = format!(
            "<w:hyperlink w:anchor=\"{mark}\" w:history=\"1\">{}<w:r>{rpr}<w:tab/></w:r>\
             <w:r>{rpr}<w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>\
             <w:r>{rpr}<w:instrText xml:space=\"preserve\"> PAGEREF {mark} \\h </w:instrText></w:r>\
             <w:r>{rpr}<w:fldChar w:fldCharType=\"separate\"/></w:r>\
             <w:r>{rpr}<w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink>",
            b.xml
        );
        out.push(Element::Paragraph(b));
    }
    out
}

/// Renders the packet's Word template and packs the document.
pub fn render_packet_docx(templates: &Templates, doc: &PacketDocx) -> Result<Vec<u8>, Diagnostic> {
    super::docx::pack_document(templates, doc, "docx/packet")
}

/// The document being built.
struct Doc {
    elements: Vec<Element>,
    /// The document's language tag (`ar-JO`).
    tag: String,
    /// Whether the packet reads right to left.
    rtl: bool,
    /// Whether the country writes Arabic-Indic digits.
    arab: bool,
    /// The word for an empty list ("none").
    none: &'static str,
}

impl Doc {
    fn push(&mut self, b: Block) {
        self.elements.push(Element::Paragraph(b));
    }

    fn text(&mut self, style: &'static str, text: &str) {
        self.push(Block::text(style, text, self.rtl));
    }

    fn table(&mut self, widths: &[u32], header: Vec<Cell>, rows: Vec<Vec<Cell>>) {
        self.elements.push(Element::Table(Table {
            widths: widths.to_vec(),
            header,
            rows,
        }));
    }

    /// A chapter's heading, on a new page.
    fn chapter(&mut self, title: &str) {
        let mut b = Block::text("Heading1", title, self.rtl);
        b.break_before = true;
        self.push(b);
    }

    /// A bulleted or numbered list (in the country's digits), or `none` when it is empty.
    fn list(&mut self, items: &[String], numbered: bool) {
        if items.is_empty() {
            self.text("Normal", self.none);
        }
        for (i, item) in items.iter().enumerate() {
            let prefix = if numbered && self.arab {
                format!(
                    "{}. ",
                    crate::text::digits::to_arab_indic(&(i + 1).to_string())
                )
            } else if numbered {
                format!("{}. ", i + 1)
            } else {
                "• ".to_string()
            };
            let runs = text_runs(item, self.rtl);
            self.push(Block::new("ListItem", prefix, runs, self.rtl));
        }
    }

    /// The instruments a country is party to (with the date) or not (with its status).
    fn obligations(&mut self, list: &[ObligationView], heads: [&str; 3], dated: bool) {
        let rtl = self.rtl;
        if list.is_empty() {
            self.text("Normal", self.none);
            return;
        }
        let widths = columns(&[34, 16, 50]);
        let header = heads
            .iter()
            .zip(widths)
            .map(|(h, w)| cell_text(h, rtl, 1, w))
            .collect();
        let rows = list
            .iter()
            .map(|o| {
                let middle = if dated {
                    cell_runs(o.date.clone(), rtl, widths[1])
                } else {
                    cell_text(&o.status, rtl, 1, widths[1])
                };
                vec![
                    cell_text(&o.name, rtl, 1, widths[0]),
                    middle,
                    cell_text(&o.requires, rtl, 1, widths[2]),
                ]
            })
            .collect();
        self.table(&widths, header, rows);
    }
}

/// Column widths from shares of the text's width (in per cent).
fn columns<const N: usize>(shares: &[u32; N]) -> [u32; N] {
    shares.map(|s| TEXT_WIDTH * s / 100)
}

fn cell_runs(runs: Vec<Run>, rtl: bool, width: u32) -> Cell {
    Cell {
        blocks: vec![Block::new("TableText", String::new(), runs, rtl)],
        fill: "",
        span: 1,
        width,
    }
}

fn cell_text(text: &str, rtl: bool, span: usize, width: u32) -> Cell {
    let mut c = cell_runs(text_runs(text, rtl), rtl, width);
    c.span = span;
    c
}

/// A side of the side-by-side table: a paragraph per line of the text, the words that differ
/// in the side's character style (shaded).
fn spans_cell(
    spans: &[SpanView],
    lang: &str,
    country: &str,
    width: u32,
    changed: &'static str,
) -> Cell {
    let side_lang = Lang::from_code(lang).unwrap_or(Lang::Ar);
    let rtl = side_lang.is_rtl();
    let mut lines: Vec<Vec<&SpanView>> = vec![Vec::new()];
    for s in spans {
        if s.line && lines.last().is_some_and(|l| !l.is_empty()) {
            lines.push(Vec::new());
        }
        if let Some(last) = lines.last_mut() {
            last.push(s);
        }
    }
    let blocks = lines
        .into_iter()
        .map(|line| {
            let mut b = Block::new("TableText", String::new(), Vec::new(), rtl);
            b.lang_tag = super::docx::lang_tag(side_lang, Some(country));
            (b.latin_tag, b.bidi_tag) = run_tags(&b.lang_tag, rtl, Some(country));
            b.xml = line
                .iter()
                .map(|s| {
                    let style = if s.same { "" } else { changed };
                    runs_xml(
                        &text_runs(&s.text, rtl),
                        rtl,
                        &b.latin_tag,
                        &b.bidi_tag,
                        style,
                    )
                })
                .collect();
            b
        })
        .collect();
    Cell {
        blocks,
        fill: "",
        span: 1,
        width,
    }
}

/// " — in Arabic", or nothing.
fn dash(s: &str) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!(" — {s}")
    }
}
