//! Stage: diff, the Word redline. A computed [`LawDiff`] and its two drafts → the paragraphs
//! of a Word document whose tracked changes turn the old draft into the new one: words
//! inserted and deleted (`w:ins`, `w:del`), articles added and removed as inserted and deleted
//! paragraphs, moved articles as `w:moveFrom` at their old place and `w:moveTo` at the new
//! one, and a renumbered or renamed article as a change of its heading only.
//!
//! Pure: it builds the paragraphs ([`RedlineView`]); `render::docx` packs them. Accepting
//! every change gives exactly the new text of every article, rejecting every change exactly
//! the old (tests/cli/docx_redline.rs checks both, in every language).

use super::{Change, Draft, DraftArticle, Kind, LawDiff, Op, Segment};
use crate::model::{ClauseId, Lang, pick};
use serde::Serialize;
use std::collections::BTreeMap;

/// What a tracked change does to a run or a paragraph mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Track {
    /// Unchanged.
    None,
    Ins,
    Del,
    MoveFrom,
    MoveTo,
}

/// A run of text and the change it belongs to.
#[derive(Debug, Clone, Serialize)]
pub struct TrackedRun {
    pub track: Track,
    pub text: String,
    /// The change's `w:id`, unique in the document.
    pub id: usize,
}

/// One paragraph of the redline.
#[derive(Debug, Clone, Serialize)]
pub struct TrackedPara {
    pub style: &'static str,
    pub rtl: bool,
    /// The runs' `w:lang` tags: `w:val` (Latin text) and `w:bidi` (Arabic text).
    pub latin_tag: String,
    pub bidi_tag: String,
    /// What happens to the paragraph mark (the break after the paragraph).
    pub mark: Track,
    /// The `w:id` of the mark's change.
    pub mark_id: usize,
    #[serde(skip)]
    pub runs: Vec<TrackedRun>,
    /// The runs as WordprocessingML with their tracked changes, escaped (see [`runs_xml`]).
    pub xml: String,
    /// The paragraph mark's change (`<w:ins …/>` in the paragraph's run properties), or empty.
    pub mark_xml: String,
    /// For a moved article's first and last paragraphs: the move's name, opening
    /// (`move_start`) or closing (`move_end`) its range.
    pub move_start: String,
    pub move_end: String,
    /// `moveFrom` or `moveTo` for the range markers.
    pub move_kind: &'static str,
    pub move_id: usize,
}

/// Everything the redline template needs besides the document's common parts.
#[derive(Debug, Clone, Serialize)]
pub struct RedlineView {
    pub author: String,
    /// `YYYY-MM-DDT00:00:00Z`.
    pub date: String,
    #[serde(skip)]
    pub paras: Vec<TrackedPara>,
    /// The paragraphs as WordprocessingML, escaped ([`body_xml`]): a redline of the whole law
    /// in three languages has thousands of them, too many for a template loop to stay fast.
    pub body: String,
}

/// How an article stands in the redline.
enum Place<'a> {
    Same(&'a DraftArticle, &'a DraftArticle, Option<&'a Change>),
    Added(&'a DraftArticle),
    Removed(&'a DraftArticle),
    MoveFrom(&'a DraftArticle),
    MoveTo(&'a DraftArticle, &'a DraftArticle),
}

/// The articles of both drafts in one sequence: the new order, removed and moved-away
/// articles where they stood in the old one.
fn places<'a>(diff: &'a LawDiff, old: &'a Draft, new: &'a Draft) -> Vec<Place<'a>> {
    let changes: BTreeMap<&ClauseId, &Change> = diff.changes.iter().map(|c| (&c.id, c)).collect();
    // The old article each new article continues (same id, or renamed from).
    let mut from_old: BTreeMap<&ClauseId, &ClauseId> = BTreeMap::new();
    let old_ids: BTreeMap<&ClauseId, usize> = old
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (&a.id, i))
        .collect();
    for a in &new.articles {
        match changes.get(&a.id) {
            Some(c) if c.has(Kind::Added) => {}
            Some(c) if c.old_id.is_some() => {
                from_old.insert(&a.id, c.old_id.as_ref().unwrap_or(&a.id));
            }
            _ if old_ids.contains_key(&a.id) => {
                from_old.insert(&a.id, &a.id);
            }
            _ => {}
        }
    }
    let to_new: BTreeMap<&ClauseId, &ClauseId> = from_old.iter().map(|(n, o)| (*o, *n)).collect();
    let moved = |id: &ClauseId| changes.get(id).is_some_and(|c| c.has(Kind::Moved));
    let old_by_id: BTreeMap<&ClauseId, &DraftArticle> =
        old.articles.iter().map(|a| (&a.id, a)).collect();
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < old.articles.len() || j < new.articles.len() {
        if let Some(o) = old.articles.get(i) {
            match to_new.get(&o.id) {
                None => {
                    out.push(Place::Removed(o));
                    i += 1;
                    continue;
                }
                Some(n) if moved(n) => {
                    out.push(Place::MoveFrom(o));
                    i += 1;
                    continue;
                }
                _ => {}
            }
        }
        if let Some(n) = new.articles.get(j) {
            match from_old.get(&n.id) {
                None => {
                    out.push(Place::Added(n));
                    j += 1;
                    continue;
                }
                Some(o) if moved(&n.id) => {
                    out.push(Place::MoveTo(old_by_id[o], n));
                    j += 1;
                    continue;
                }
                _ => {}
            }
        }
        match (old.articles.get(i), new.articles.get(j)) {
            (Some(o), Some(n)) if to_new.get(&o.id) == Some(&&n.id) => {
                out.push(Place::Same(o, n, changes.get(&n.id).copied()));
                i += 1;
                j += 1;
            }
            // The unmoved articles keep their relative order, so this is not expected; if it
            // happens, show the old one moved away rather than lose it.
            (Some(o), _) => {
                out.push(Place::MoveFrom(o));
                i += 1;
            }
            (None, Some(n)) => {
                let o = from_old.get(&n.id).and_then(|o| old_by_id.get(o)).copied();
                match o {
                    Some(o) => out.push(Place::MoveTo(o, n)),
                    None => out.push(Place::Added(n)),
                }
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// "المادة (12) — العنوان", "Article 12 — Title"; annex articles ("A3") as the annex's.
pub fn heading(a: &DraftArticle, lang: Lang) -> String {
    let (number, annex) = match a.number.strip_prefix('A') {
        Some(n) => (n.to_string(), true),
        None => (a.number.clone(), false),
    };
    let label = crate::variant::heading_label(lang, &number);
    let label = if annex {
        match lang {
            Lang::Ar => format!("{label} من الملحق"),
            Lang::En => format!("{label} of the Annex"),
            Lang::Fr => format!("{label} de l'annexe"),
        }
    } else {
        label
    };
    match pick(&a.title, lang).filter(|t| !t.is_empty()) {
        Some(t) => format!("{label} — {t}"),
        None => label,
    }
}

/// A language's name as a section heading, in that language.
fn language_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "النص العربي",
        Lang::En => "English text",
        Lang::Fr => "Texte français",
    }
}

struct Builder {
    paras: Vec<TrackedPara>,
    rtl: bool,
    latin_tag: String,
    bidi_tag: String,
    moves: usize,
}

impl Builder {
    fn para(&mut self, style: &'static str, mark: Track, runs: Vec<TrackedRun>) {
        self.paras.push(TrackedPara {
            style,
            rtl: self.rtl,
            latin_tag: self.latin_tag.clone(),
            bidi_tag: self.bidi_tag.clone(),
            mark,
            mark_id: 0,
            runs,
            xml: String::new(),
            mark_xml: String::new(),
            move_start: String::new(),
            move_end: String::new(),
            move_kind: "",
            move_id: 0,
        });
    }

    /// The lines of `text` as paragraphs, every run and mark with `track`.
    fn lines(&mut self, text: &str, track: Track) {
        for line in text.split('\n') {
            let (style, line) = split_indent(line);
            self.para(
                style,
                track,
                vec![TrackedRun {
                    track,
                    text: line.to_string(),
                    id: 0,
                }],
            );
        }
    }

    /// Paragraphs from word-level segments: a newline inside a segment ends a paragraph whose
    /// mark has the segment's change.
    fn segments(&mut self, segments: &[Segment]) {
        let mut runs: Vec<TrackedRun> = Vec::new();
        let track_of = |op: Op| match op {
            Op::Equal => Track::None,
            Op::Insert => Track::Ins,
            Op::Delete => Track::Del,
        };
        for s in segments {
            let track = track_of(s.op);
            let mut pieces = s.text.split('\n').peekable();
            while let Some(piece) = pieces.next() {
                if !piece.is_empty() {
                    runs.push(TrackedRun {
                        track,
                        text: piece.to_string(),
                        id: 0,
                    });
                }
                if pieces.peek().is_some() {
                    let done = std::mem::take(&mut runs);
                    self.tracked_para(done, track);
                }
            }
        }
        self.tracked_para(runs, Track::None);
    }

    /// A paragraph of tracked runs; unchanged leading indentation becomes the point style.
    fn tracked_para(&mut self, mut runs: Vec<TrackedRun>, mark: Track) {
        let mut style = "LawParagraph";
        if let Some(first) = runs.first_mut()
            && first.track == Track::None
        {
            let (s, rest) = split_indent(&first.text);
            if s != "LawParagraph" {
                style = s;
                first.text = rest.to_string();
            }
        }
        runs.retain(|r| !r.text.is_empty());
        self.para(style, mark, runs);
    }
}

/// A draft line's style and text: points are indented lines beginning "- ".
fn split_indent(line: &str) -> (&'static str, &str) {
    let trimmed = line.trim_start_matches(' ');
    let depth = (line.len() - trimmed.len()) / 3;
    match (depth, trimmed.strip_prefix("- ")) {
        (0, _) | (_, None) => ("LawParagraph", line),
        (1, Some(_)) => ("LawPoint", trimmed),
        (_, Some(_)) => ("LawSubPoint", trimmed),
    }
}

/// The redline of `diff` between `old` and `new`, every language the diff compared.
pub fn redline(diff: &LawDiff, old: &Draft, new: &Draft, author: &str, date: &str) -> RedlineView {
    let places = places(diff, old, new);
    let mut b = Builder {
        paras: Vec::new(),
        rtl: false,
        latin_tag: String::new(),
        bidi_tag: String::new(),
        moves: 0,
    };
    let country = diff.country.as_deref();
    for &lang in &diff.langs {
        b.rtl = lang.is_rtl();
        let tag = crate::render::docx::lang_tag(lang, country);
        (b.latin_tag, b.bidi_tag) = crate::render::docx::run_tags(&tag, b.rtl, country);
        b.para(
            "Heading1",
            Track::None,
            vec![TrackedRun {
                track: Track::None,
                text: language_heading(lang).to_string(),
                id: 0,
            }],
        );
        for place in &places {
            match place {
                Place::Same(o, n, change) => {
                    let (ho, hn) = (heading(o, lang), heading(n, lang));
                    let runs = if ho == hn {
                        vec![TrackedRun {
                            track: Track::None,
                            text: hn,
                            id: 0,
                        }]
                    } else {
                        vec![
                            TrackedRun {
                                track: Track::Del,
                                text: ho,
                                id: 0,
                            },
                            TrackedRun {
                                track: Track::Ins,
                                text: hn,
                                id: 0,
                            },
                        ]
                    };
                    b.para("Heading2", Track::None, runs);
                    comments(&mut b, diff, &n.id);
                    match change.and_then(|c| c.text.get(&lang)) {
                        Some(segments) => {
                            // An article that gains or loses its text in this language.
                            match (o.text.get(&lang), n.text.get(&lang)) {
                                (None, Some(t)) => b.lines(t, Track::Ins),
                                (Some(t), None) => b.lines(t, Track::Del),
                                _ => b.segments(segments),
                            }
                        }
                        None => {
                            if let Some(t) = n.text.get(&lang) {
                                b.lines(t, Track::None);
                            }
                        }
                    }
                }
                Place::Added(n) => {
                    b.lines(&heading(n, lang), Track::Ins);
                    relabel(&mut b, "Heading2");
                    comments(&mut b, diff, &n.id);
                    if let Some(t) = n.text.get(&lang) {
                        b.lines(t, Track::Ins);
                    }
                }
                Place::Removed(o) => {
                    b.lines(&heading(o, lang), Track::Del);
                    relabel(&mut b, "Heading2");
                    if let Some(t) = o.text.get(&lang) {
                        b.lines(t, Track::Del);
                    }
                }
                Place::MoveFrom(o) => {
                    let start = b.paras.len();
                    b.lines(&heading(o, lang), Track::MoveFrom);
                    relabel(&mut b, "Heading2");
                    if let Some(t) = o.text.get(&lang) {
                        b.lines(t, Track::MoveFrom);
                    }
                    name_move(&mut b, start, "moveFrom", &o.id, lang);
                }
                Place::MoveTo(o, n) => {
                    let start = b.paras.len();
                    b.lines(&heading(n, lang), Track::MoveTo);
                    relabel(&mut b, "Heading2");
                    if let Some(t) = n.text.get(&lang) {
                        b.lines(t, Track::MoveTo);
                    }
                    name_move(&mut b, start, "moveTo", &o.id, lang);
                }
            }
        }
    }
    // Every change gets its own w:id, after the move ranges' ids.
    let mut next = b.moves;
    for p in &mut b.paras {
        for r in &mut p.runs {
            next += 1;
            r.id = next;
        }
        next += 1;
        p.mark_id = next;
    }
    for p in &mut b.paras {
        p.xml = runs_xml(p, author, date);
        p.mark_xml = mark_xml(p, author, date);
    }
    RedlineView {
        author: author.to_string(),
        date: date.to_string(),
        body: body_xml(&b.paras, author, date),
        paras: b.paras,
    }
}

/// The review comments on an article (`reviews/`), as notes under its heading: they are not
/// tracked changes, so accepting or rejecting changes leaves them.
fn comments(b: &mut Builder, diff: &LawDiff, id: &ClauseId) {
    for c in diff.comments.iter().filter(|c| c.clause == id.as_str()) {
        let text = format!("{} · {}: {}", c.author, c.date, c.text);
        b.para(
            "ReviewComment",
            Track::None,
            vec![TrackedRun {
                track: Track::None,
                text,
                id: 0,
            }],
        );
    }
}

/// A paragraph's runs as WordprocessingML: each changed run inside its `w:ins`, `w:del`,
/// `w:moveFrom` or `w:moveTo`, deleted text as `w:delText`, every run right to left in Arabic
/// and tagged with its language. Written here rather than by the template: a redline of the
/// whole law has thousands of runs.
fn runs_xml(p: &TrackedPara, author: &str, date: &str) -> String {
    let esc = crate::render::escape::xml_string;
    let (author, date) = (esc(author), esc(date));
    let rpr = format!(
        "<w:rPr>{}<w:lang w:val=\"{}\" w:bidi=\"{}\"/></w:rPr>",
        if p.rtl { "<w:rtl/>" } else { "" },
        esc(&p.latin_tag),
        esc(&p.bidi_tag)
    );
    let mut out = String::new();
    for r in &p.runs {
        let tag = match r.track {
            Track::None => None,
            Track::Ins => Some("ins"),
            Track::Del => Some("del"),
            Track::MoveFrom => Some("moveFrom"),
            Track::MoveTo => Some("moveTo"),
        };
        if let Some(t) = tag {
            out.push_str(&format!(
                "<w:{t} w:id=\"{}\" w:author=\"{author}\" w:date=\"{date}\">",
                r.id
            ));
        }
        let text = if r.track == Track::Del {
            "delText"
        } else {
            "t"
        };
        out.push_str(&format!(
            "<w:r>{rpr}<w:{text} xml:space=\"preserve\">{}</w:{text}></w:r>",
            esc(&r.text)
        ));
        if let Some(t) = tag {
            out.push_str(&format!("</w:{t}>"));
        }
    }
    out
}

/// The paragraphs: style, direction, the mark's change, the move range around a moved
/// article, and the runs.
fn body_xml(paras: &[TrackedPara], author: &str, date: &str) -> String {
    let esc = crate::render::escape::xml_string;
    let (author, date) = (esc(author), esc(date));
    let mut out = String::with_capacity(paras.iter().map(|p| p.xml.len() + 200).sum());
    for p in paras {
        let (bidi, rtl) = if p.rtl {
            ("<w:bidi/>", "<w:rtl/>")
        } else {
            ("", "")
        };
        out.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{}\"/>{bidi}<w:rPr>{}{rtl}</w:rPr></w:pPr>",
            p.style, p.mark_xml
        ));
        if !p.move_start.is_empty() {
            out.push_str(&format!(
                "<w:{}RangeStart w:id=\"{}\" w:name=\"{}\" w:author=\"{author}\" w:date=\"{date}\"/>",
                p.move_kind,
                p.move_id,
                esc(&p.move_start)
            ));
        }
        out.push_str(&p.xml);
        if !p.move_end.is_empty() {
            out.push_str(&format!(
                "<w:{}RangeEnd w:id=\"{}\"/>",
                p.move_kind, p.move_id
            ));
        }
        out.push_str("</w:p>\n");
    }
    out
}

/// The change of a paragraph's mark, as the paragraph's run properties hold it.
fn mark_xml(p: &TrackedPara, author: &str, date: &str) -> String {
    let tag = match p.mark {
        Track::None => return String::new(),
        Track::Ins => "ins",
        Track::Del => "del",
        Track::MoveFrom => "moveFrom",
        Track::MoveTo => "moveTo",
    };
    let esc = crate::render::escape::xml_string;
    format!(
        "<w:{tag} w:id=\"{}\" w:author=\"{}\" w:date=\"{}\"/>",
        p.mark_id,
        esc(author),
        esc(date)
    )
}

/// Gives the last paragraph written (a heading written with `lines`) its heading style.
fn relabel(b: &mut Builder, style: &'static str) {
    if let Some(p) = b.paras.last_mut() {
        p.style = style;
    }
}

/// Marks the paragraphs from `start` as one move range named after the article, so that Word
/// pairs the place it left with the place it went to.
fn name_move(b: &mut Builder, start: usize, kind: &'static str, id: &ClauseId, lang: Lang) {
    b.moves += 1;
    let name: String = format!("move_{}_{}", lang.code(), id)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(40)
        .collect();
    let end = b.paras.len().saturating_sub(1);
    let id = b.moves;
    if let Some(p) = b.paras.get_mut(start) {
        p.move_start = name.clone();
        p.move_kind = kind;
        p.move_id = id;
    }
    if let Some(p) = b.paras.get_mut(end) {
        p.move_end = name;
        p.move_kind = kind;
        p.move_id = id;
    }
}
