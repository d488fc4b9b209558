//! Parsing an article file: TOML front matter, then `## ar` / `## en` / `## commentary.ar` …
//! sections whose numbered lists are the paragraphs and whose nested lists are the points.
//!
//! Text is taken exactly as typed (Markdown emphasis, links or HTML are not interpreted), so
//! hostile markup stays literal in every output.

use super::toml_file::{parse_toml, split_front_matter};
use crate::diagnostics::Diagnostic;
use crate::model::{
    Body, Clause, ClauseId, Inline, InstrumentRef, Lang, Origin, Paragraph, Point, Status,
};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Front {
    id: Spanned<String>,
    #[serde(default)]
    title: TitleDe,
    status: Spanned<StatusDe>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    instruments: Option<Spanned<Vec<Spanned<String>>>>,
}

/// An article's title in each language, with where each is written (for the placeholder
/// check).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TitleDe {
    ar: Option<Spanned<String>>,
    en: Option<Spanned<String>>,
    fr: Option<Spanned<String>>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum StatusDe {
    Mandatory,
    Optional,
}

/// Text in each language; an unknown language key is an error.
#[derive(Deserialize, Default, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct LangText {
    pub ar: Option<String>,
    pub en: Option<String>,
    pub fr: Option<String>,
}

impl LangText {
    /// The non-empty entries as a language map.
    pub fn into_map(self) -> crate::model::LangMap<String> {
        [
            (Lang::Ar, self.ar),
            (Lang::En, self.en),
            (Lang::Fr, self.fr),
        ]
        .into_iter()
        .filter_map(|(l, t)| t.filter(|t| !t.trim().is_empty()).map(|t| (l, t)))
        .collect()
    }
}

/// The themes an article may be tagged with.
pub const TAGS: &[&str] = &[
    "definition",
    "early-marriage",
    "domestic-work",
    "non-punishment",
    "shelter",
    "referral",
    "re-trafficking",
    "identification",
    "children",
    "prevention",
    "penalties",
    "protection",
    "institutions",
    "cooperation",
    "procedure",
    "final",
];

/// Parses an article file. Problems go to `diags`; `None` only when the front matter is unusable.
pub fn parse_clause(rel: &str, text: &str, diags: &mut Vec<Diagnostic>) -> Option<Clause> {
    let fm = match split_front_matter(text, rel) {
        Ok(fm) => fm,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let front: Front = match parse_toml(fm.toml, rel, fm.toml_offset) {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let at = |span: Range<usize>| Origin::new(rel, fm.toml_offset + span.start);
    let id_origin = at(front.id.span());
    let id = front.id.into_inner();
    if !ClauseId::is_valid(&id) {
        diags.push(
            Diagnostic::error(
                "invalid-id",
                &id_origin,
                format!("`{id}` is not a valid article id"),
            )
            .with_hint(
                "use lowercase letters and digits, words joined by `-`, e.g. \"non-punishment\"",
            ),
        );
    }
    let mut tags = Vec::new();
    for t in front.tags {
        let origin = at(t.span());
        let t = t.into_inner();
        if !TAGS.contains(&t.as_str()) {
            diags.push(
                Diagnostic::error("unknown-tag", &origin, format!("unknown tag `{t}`"))
                    .with_len(t.len() + 2)
                    .with_hint(format!("use one of: {}", TAGS.join(", "))),
            );
        }
        tags.push(t);
    }
    let mut instruments = Vec::new();
    let instruments_origin = front.instruments.as_ref().map(|l| at(l.span()));
    for r in front
        .instruments
        .map(Spanned::into_inner)
        .unwrap_or_default()
    {
        let origin = at(r.span());
        let raw = r.into_inner();
        match InstrumentRef::parse(&raw, origin.clone()) {
            Some(parsed) => instruments.push(parsed),
            None => diags.push(
                Diagnostic::error("bad-instrument-ref", &origin, format!("`{raw}` is not an instrument reference"))
                    .with_len(raw.len() + 2)
                    .with_hint("write \"<instrument>:<article>\", with paragraphs in brackets: \"palermo:3(a)\", \"cedaw:16(2)\""),
            ),
        }
    }
    // The titles `qanun new article` leaves to write, reported at their own line.
    let mut title = crate::model::LangMap::new();
    for (lang, t) in [
        (Lang::Ar, front.title.ar),
        (Lang::En, front.title.en),
        (Lang::Fr, front.title.fr),
    ] {
        let Some(t) = t else { continue };
        let origin = at(t.span());
        let t = t.into_inner();
        if t.trim_start().starts_with(crate::validate::PLACEHOLDER) {
            diags.push(
                Diagnostic::error(
                    "placeholder",
                    &origin,
                    format!(
                        "the {} title of `{id}` is still a placeholder",
                        lang.english_name()
                    ),
                )
                .with_len(t.len() + 2)
                .with_hint(format!(
                    "write the article's title here, in {}",
                    lang.english_name()
                )),
            );
        }
        if !t.trim().is_empty() {
            title.insert(lang, t);
        }
    }
    let status = match *front.status.get_ref() {
        StatusDe::Mandatory => Status::Mandatory,
        StatusDe::Optional => Status::Optional,
    };
    let mut clause = Clause {
        id: ClauseId(id),
        title,
        status,
        tags,
        instruments,
        origin: id_origin,
        instruments_origin,
        ..Clause::default()
    };
    parse_sections(rel, fm.body, fm.body_offset, &mut clause, diags);
    Some(clause)
}

enum Section {
    Text(Lang),
    Commentary(Lang),
}

fn section_name(name: &str) -> Option<Section> {
    match name.split_once('.') {
        Some(("commentary", l)) => Lang::from_code(l).map(Section::Commentary),
        None => Lang::from_code(name).map(Section::Text),
        _ => None,
    }
}

/// Splits the body at `## <name>` lines and parses each section.
fn parse_sections(
    rel: &str,
    body: &str,
    base: usize,
    clause: &mut Clause,
    diags: &mut Vec<Diagnostic>,
) {
    let mut sections: Vec<(Option<Section>, usize, usize, usize)> = Vec::new(); // (kind, heading offset, content start, content end)
    let mut pos = 0;
    let mut preamble_end = body.len();
    while pos < body.len() {
        let end = body[pos..].find('\n').map_or(body.len(), |i| pos + i);
        let line = &body[pos..end];
        if let Some(rest) = line.strip_prefix("##")
            && rest.starts_with(|c: char| !c.is_whitespace() && c != '#')
        {
            // `##fr` is text to Markdown: the French would silently join the section before.
            diags.push(
                Diagnostic::error(
                    "heading-space",
                    &Origin::new(rel, base + pos),
                    format!("`{}` has no space after `##`: it would be read as text of the section before, not as a section heading", line.trim_end()),
                )
                .with_len(line.trim_end().len())
                .with_hint(format!("write `## {}`", rest.trim())),
            );
        }
        if let Some(name) = line.strip_prefix("## ") {
            let name = name.trim();
            if sections.is_empty() {
                preamble_end = pos;
            }
            if let Some(last) = sections.last_mut() {
                last.3 = pos;
            }
            let kind = section_name(name);
            if kind.is_none() {
                diags.push(
                    Diagnostic::error("unknown-section", &Origin::new(rel, base + pos + 3), format!("unknown section `## {name}`"))
                        .with_len(name.len())
                        .with_hint("sections are `## ar`, `## en`, `## fr` and `## commentary.ar`, `## commentary.en`, `## commentary.fr`"),
                );
            }
            sections.push((kind, pos, (end + 1).min(body.len()), body.len()));
        }
        pos = end + 1;
    }
    if let Some(off) = body[..preamble_end.min(body.len())].find(|c: char| !c.is_whitespace()) {
        diags.push(
            Diagnostic::error(
                "text-outside-section",
                &Origin::new(rel, base + off),
                "this text is outside any language section",
            )
            .with_hint("put the article's text under a line `## ar` (or `## en`, `## fr`)"),
        );
    }
    for (kind, heading, start, end) in sections {
        let Some(kind) = kind else { continue };
        let origin = Origin::new(rel, base + heading);
        let content = &body[start..end];
        match kind {
            Section::Text(lang) => {
                if clause.text.contains_key(&lang) {
                    diags.push(duplicate_section(&origin, lang.code()));
                    continue;
                }
                if content.trim().is_empty() {
                    diags.push(
                        Diagnostic::warning(
                            "empty-section",
                            &origin,
                            format!("the section `## {}` holds no text", lang.code()),
                        )
                        .with_len(3 + lang.code().len())
                        .with_hint("write the article's text under it, or remove the heading: the article then counts as not yet translated"),
                    );
                    continue;
                }
                let b = parse_body(rel, content, base + start, origin, diags);
                clause.text.insert(lang, b);
            }
            Section::Commentary(lang) => {
                if clause.commentary.contains_key(&lang) {
                    diags.push(duplicate_section(&origin, &format!("commentary.{lang}")));
                    continue;
                }
                let paras = blocks(content)
                    .into_iter()
                    .map(|r| join_lines(rel, &content[r.clone()], base + start + r.start, diags))
                    .filter(|p| !p.is_empty())
                    .collect();
                clause.commentary.insert(lang, paras);
            }
        }
    }
}

fn duplicate_section(origin: &Origin, name: &str) -> Diagnostic {
    Diagnostic::error(
        "duplicate-section",
        origin,
        format!("the section `## {name}` appears twice"),
    )
    .with_len(3 + name.len())
    .with_hint("merge the two sections into one")
}

/// Ranges of blank-line-separated blocks.
fn blocks(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    for line in s.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some(st) = start.take() {
                out.push(st..pos);
            }
        } else if start.is_none() {
            start = Some(pos);
        }
        pos += line.len();
    }
    if let Some(st) = start {
        out.push(st..s.len());
    }
    out
}

/// A list item with the ranges of its nested lists.
struct ItemNode {
    range: Range<usize>,
    sublists: Vec<(Range<usize>, Vec<ItemNode>)>,
}

enum Block {
    Plain(Range<usize>),
    List(Vec<ItemNode>),
}

/// Parses a language section into paragraphs and points.
fn parse_body(
    rel: &str,
    content: &str,
    base: usize,
    origin: Origin,
    diags: &mut Vec<Diagnostic>,
) -> Body {
    let events: Vec<(Event, Range<usize>)> = Parser::new(content).into_offset_iter().collect();
    let mut i = 0;
    let mut blocks = Vec::new();
    while i < events.len() {
        match &events[i].0 {
            Event::Start(Tag::List(_)) => {
                i += 1;
                blocks.push(Block::List(items(&events, &mut i)));
            }
            Event::Start(_) => {
                let range = events[i].1.clone();
                skip_block(&events, &mut i);
                blocks.push(Block::Plain(range));
            }
            Event::Html(_) | Event::Text(_) | Event::Rule => {
                blocks.push(Block::Plain(events[i].1.clone()));
                i += 1;
            }
            _ => i += 1,
        }
    }
    let numbered = !(blocks.len() == 1 && matches!(blocks[0], Block::Plain(_)));
    let mut paragraphs = Vec::new();
    // The number typed before each list item ("2." → 2): Markdown renumbers lists, so it is
    // only read to check that alternatives of one paragraph carry one number.
    let mut typed: Vec<Option<&str>> = Vec::new();
    for b in blocks {
        match b {
            Block::Plain(r) => {
                let raw = &content[r.clone()];
                paragraphs.push(paragraph(rel, raw, base + r.start, Vec::new(), diags));
                typed.push(None);
            }
            Block::List(items) => {
                for it in items {
                    let marker = content[it.range.clone()].trim_start();
                    let digits = marker.len()
                        - marker
                            .trim_start_matches(|c: char| c.is_ascii_digit())
                            .len();
                    typed.push((digits > 0).then(|| &marker[..digits]));
                    let (raw, off) = item_text(content, &it);
                    let points = it
                        .sublists
                        .iter()
                        .flat_map(|(_, l)| l.iter())
                        .map(|p| point(rel, content, base, p, diags))
                        .collect();
                    paragraphs.push(paragraph(rel, &raw, base + off, points, diags));
                }
            }
        }
    }
    let body = Body {
        paragraphs,
        numbered,
        origin,
    };
    // Alternatives are one paragraph: a drafter reading "2. [option b]" after "1. [option a]"
    // would take the paragraphs after them to be numbered one higher than every output shows
    // them (and link concepts to the wrong paragraph).
    let numbers = body.numbers();
    for k in 1..body.paragraphs.len() {
        if numbers[k] == numbers[k - 1]
            && let (Some(a), Some(b)) = (typed[k - 1], typed[k])
            && a != b
        {
            let p = &body.paragraphs[k];
            diags.push(
                Diagnostic::warning(
                    "option-number",
                    &p.origin,
                    format!(
                        "`[option {}]` is another wording of paragraph {}, but it is numbered {b}: the alternatives of one paragraph share its number in every output",
                        p.option.as_deref().unwrap_or(""),
                        numbers[k]
                    ),
                )
                .with_hint(format!("number it {a}, like the wording before it, and number the paragraphs after it from {}", numbers[k] + 1)),
            );
        }
    }
    body
}

fn skip_block(events: &[(Event, Range<usize>)], i: &mut usize) {
    let mut depth = 0usize;
    while *i < events.len() {
        match events[*i].0 {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    *i += 1;
                    return;
                }
            }
            _ => {}
        }
        *i += 1;
    }
}

/// Collects the items of a list whose `Start(List)` was just consumed, up to its `End(List)`.
fn items(events: &[(Event, Range<usize>)], i: &mut usize) -> Vec<ItemNode> {
    let mut out = Vec::new();
    while *i < events.len() {
        match &events[*i].0 {
            Event::End(TagEnd::List(_)) => {
                *i += 1;
                break;
            }
            Event::Start(Tag::Item) => {
                let mut node = ItemNode {
                    range: events[*i].1.clone(),
                    sublists: Vec::new(),
                };
                *i += 1;
                while *i < events.len() {
                    match &events[*i].0 {
                        Event::End(TagEnd::Item) => {
                            *i += 1;
                            break;
                        }
                        Event::Start(Tag::List(_)) => {
                            let r = events[*i].1.clone();
                            *i += 1;
                            node.sublists.push((r, items(events, i)));
                        }
                        _ => *i += 1,
                    }
                }
                out.push(node);
            }
            _ => *i += 1,
        }
    }
    out
}

/// An item's own text (without its nested lists and its list marker), and its offset.
fn item_text(content: &str, it: &ItemNode) -> (String, usize) {
    let mut raw = String::new();
    let mut cursor = it.range.start;
    for (r, _) in &it.sublists {
        raw.push_str(&content[cursor..r.start.max(cursor)]);
        cursor = r.end.max(cursor);
    }
    raw.push_str(&content[cursor.min(it.range.end)..it.range.end]);
    let trimmed = raw.trim_start();
    let lead = raw.len() - trimmed.len();
    let marker_len = list_marker_len(trimmed);
    let rest = &trimmed[marker_len..];
    let rest_trim = rest.trim_start_matches([' ', '\t']);
    let skip = lead + marker_len + (rest.len() - rest_trim.len());
    (raw[skip..].to_string(), it.range.start + skip)
}

/// Length of a list marker (`1.`, `12)`, `-`, `*`, `+`) at the start of `s`.
fn list_marker_len(s: &str) -> usize {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(s.as_bytes().get(digits), Some(b'.' | b')')) {
        return digits + 1;
    }
    if matches!(s.as_bytes().first(), Some(b'-' | b'*' | b'+')) {
        return 1;
    }
    0
}

fn point(
    rel: &str,
    content: &str,
    base: usize,
    it: &ItemNode,
    diags: &mut Vec<Diagnostic>,
) -> Point {
    let (raw, off) = item_text(content, it);
    let origin = Origin::new(rel, base + off);
    let text = inlines(rel, &raw, base + off, diags);
    let points = it
        .sublists
        .iter()
        .flat_map(|(_, l)| l.iter())
        .map(|p| point(rel, content, base, p, diags))
        .collect();
    Point {
        text,
        points,
        origin,
    }
}

/// Builds a paragraph, taking an `[option x]` marker off its start.
fn paragraph(
    rel: &str,
    raw: &str,
    offset: usize,
    points: Vec<Point>,
    diags: &mut Vec<Diagnostic>,
) -> Paragraph {
    let origin = Origin::new(rel, offset);
    let mut option = None;
    let mut raw = raw;
    let mut offset = offset;
    if let Some(rest) = raw.strip_prefix("[option") {
        match rest.find(']') {
            Some(end) if rest.starts_with(' ') => {
                let key = rest[..end].trim();
                if key.is_empty()
                    || !key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    diags.push(
                        Diagnostic::error("bad-option", &origin, format!("`[option{}]` is not a valid option marker", &rest[..end]))
                            .with_hint("write `[option a]`, `[option b]`, … at the start of each alternative paragraph"),
                    );
                } else {
                    option = Some(key.to_string());
                }
                let after = &rest[end + 1..];
                let trimmed = after.trim_start();
                let skip = "[option".len() + end + 1 + (after.len() - trimmed.len());
                raw = &raw[skip..];
                offset += skip;
            }
            _ => diags.push(
                Diagnostic::error("bad-option", &origin, "this option marker is not closed")
                    .with_hint("write `[option a]` with a closing bracket"),
            ),
        }
    }
    Paragraph {
        text: inlines(rel, raw, offset, diags),
        points,
        option,
        origin,
    }
}

/// Joins the lines of a block into one line, reporting malformed markers; for commentary.
fn join_lines(rel: &str, raw: &str, offset: usize, diags: &mut Vec<Diagnostic>) -> Vec<Inline> {
    inlines(rel, raw, offset, diags)
}

/// Parses raw text into text, `[[references]]` and `{{ variables }}`; line breaks and
/// indentation become single spaces.
pub fn inlines(rel: &str, raw: &str, offset: usize, diags: &mut Vec<Diagnostic>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut pos = 0;
    let mut first = true;
    for line in raw.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim();
        if content.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        if !first {
            push_text(&mut out, " ");
        }
        first = false;
        scan_line(rel, content, offset + start + lead, &mut out, diags);
    }
    out
}

fn push_text(out: &mut Vec<Inline>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Inline::Text { text }) = out.last_mut() {
        text.push_str(s);
    } else {
        out.push(Inline::Text {
            text: s.to_string(),
        });
    }
}

fn scan_line(
    rel: &str,
    line: &str,
    offset: usize,
    out: &mut Vec<Inline>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut rest = line;
    let mut at = offset;
    loop {
        let next = [rest.find("[["), rest.find("{{")]
            .into_iter()
            .flatten()
            .min();
        let Some(i) = next else {
            push_text(out, rest);
            return;
        };
        push_text(out, &rest[..i]);
        let is_ref = rest[i..].starts_with("[[");
        let close = if is_ref { "]]" } else { "}}" };
        let origin = Origin::new(rel, at + i);
        let Some(len) = rest[i + 2..].find(close) else {
            let (code, what, hint) = if is_ref {
                (
                    "unclosed-reference",
                    "a cross-reference `[[` is not closed",
                    "write the reference as [[clause-id]]",
                )
            } else {
                (
                    "unclosed-variable",
                    "a variable `{{` is not closed",
                    "write the variable as {{ name }}",
                )
            };
            diags.push(
                Diagnostic::error(code, &origin, what)
                    .with_len(2)
                    .with_hint(hint),
            );
            push_text(out, &rest[i..]);
            return;
        };
        let inner = rest[i + 2..i + 2 + len].trim();
        let whole = &rest[i..i + 4 + len];
        if is_ref {
            if ClauseId::is_valid(inner) {
                out.push(Inline::Ref {
                    id: ClauseId(inner.to_string()),
                    origin,
                });
            } else {
                diags.push(
                    Diagnostic::error("bad-reference", &origin, format!("`{whole}` is not a valid cross-reference"))
                        .with_len(whole.len())
                        .with_hint("a reference names an article id: lowercase words joined by `-`, as in [[non-punishment]]"),
                );
                push_text(out, whole);
            }
        } else if is_var_name(inner) {
            out.push(Inline::Var {
                name: inner.to_string(),
                origin,
            });
        } else {
            diags.push(
                Diagnostic::error("bad-variable", &origin, format!("`{whole}` is not a valid variable"))
                    .with_len(whole.len())
                    .with_hint("a variable is a name declared in law/variables.toml: lowercase words joined by `_`, as in {{ competent_court }}"),
            );
            push_text(out, whole);
        }
        let consumed = i + 4 + len;
        at += consumed;
        rest = &rest[consumed..];
    }
}

/// Whether `s` is a variable name: `[a-z][a-z0-9_]*`.
pub fn is_var_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inlines_source;

    const SAMPLE: &str = "+++\nid = \"consent-irrelevant\"\nstatus = \"mandatory\"\ntags = [\"definition\"]\ninstruments = [\"palermo:3(b)\"]\n\n[title]\nar = \"عدم الاعتداد بالرضا\"\nen = \"Consent irrelevant\"\n+++\n\n## ar\n\n1. لا يُعتدّ برضا الضحية متى استُخدمت وسيلة من الوسائل المبينة في [[trafficking-definition]].\n2. يُعاقب بـ{{ penalty_trafficking }}:\n   - كل من\n     استغل.\n   - كل من ساعد.\n\n## en\n\nThe consent of a victim is irrelevant where any means set out in [[trafficking-definition]]\nhas been used.\n\n## commentary.en\n\nWhy it matters.\nSecond line.\n\nAnother paragraph.\n";

    fn parse(text: &str) -> (Option<Clause>, Vec<Diagnostic>) {
        let mut d = Vec::new();
        (parse_clause("law/clauses/x.md", text, &mut d), d)
    }

    #[test]
    fn sections_paragraphs_points_refs_and_vars() {
        let (c, d) = parse(SAMPLE);
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(c.id.as_str(), "consent-irrelevant");
        assert_eq!(c.title[&Lang::Ar], "عدم الاعتداد بالرضا");
        let ar = &c.text[&Lang::Ar];
        assert!(ar.numbered);
        assert_eq!(ar.paragraphs.len(), 2);
        assert_eq!(ar.paragraphs[1].points.len(), 2);
        assert_eq!(
            inlines_source(&ar.paragraphs[1].points[0].text),
            "كل من استغل."
        );
        assert!(
            matches!(&ar.paragraphs[1].text[1], Inline::Var { name, .. } if name == "penalty_trafficking")
        );
        let en = &c.text[&Lang::En];
        assert!(!en.numbered);
        assert_eq!(
            inlines_source(&en.paragraphs[0].text),
            "The consent of a victim is irrelevant where any means set out in [[trafficking-definition]] has been used."
        );
        assert_eq!(c.commentary[&Lang::En].len(), 2);
        assert_eq!(c.refs().count(), 2);
    }

    #[test]
    fn reference_offsets_point_into_the_file() {
        let (c, _) = parse(SAMPLE);
        let c = c.unwrap();
        let (_, origin) = c.refs().next().unwrap();
        assert!(SAMPLE[origin.offset..].starts_with("[[trafficking-definition]]"));
        let (_, origin) = c.vars().next().unwrap();
        assert!(SAMPLE[origin.offset..].starts_with("{{ penalty_trafficking }}"));
    }

    #[test]
    fn hostile_markup_is_kept_literally() {
        let text = "+++\nid = \"x\"\nstatus = \"optional\"\n+++\n## en\n\n1. #read(\"/etc/passwd\") *bold* _it_ $x^2$ @lbl <lbl> \\ ] // <script>alert(1)</script>\n";
        let (c, d) = parse(text);
        assert!(d.is_empty(), "{d:?}");
        let p = &c.unwrap().text[&Lang::En].paragraphs[0];
        assert_eq!(
            inlines_source(&p.text),
            "#read(\"/etc/passwd\") *bold* _it_ $x^2$ @lbl <lbl> \\ ] // <script>alert(1)</script>"
        );
    }

    #[test]
    fn html_block_and_indented_code_are_text() {
        let text =
            "+++\nid = \"x\"\nstatus = \"optional\"\n+++\n## en\n\n<script>alert(1)</script>\n";
        let (c, _) = parse(text);
        let b = &c.unwrap().text[&Lang::En];
        assert_eq!(
            inlines_source(&b.paragraphs[0].text),
            "<script>alert(1)</script>"
        );
    }

    #[test]
    fn options_are_taken_off_the_paragraph() {
        let text = "+++\nid = \"x\"\nstatus = \"optional\"\n+++\n## en\n\n1. First.\n2. [option a] Six months.\n2. [option b] The proceedings.\n";
        let (c, d) = parse(text);
        assert!(d.is_empty(), "{d:?}");
        let b = &c.unwrap().text[&Lang::En];
        assert_eq!(b.option_keys(), vec!["a", "b"]);
        assert_eq!(inlines_source(&b.paragraphs[1].text), "Six months.");
    }

    #[test]
    fn malformed_markers_are_reported() {
        let text = "+++\nid = \"x\"\nstatus = \"optional\"\n+++\n## en\n\n1. See [[Bad Id]] and {{ x-y }} and [[open\n## es\n";
        let (_, d) = parse(text);
        let codes: Vec<_> = d.iter().map(|d| d.code).collect();
        assert!(codes.contains(&"bad-reference"), "{codes:?}");
        assert!(codes.contains(&"bad-variable"), "{codes:?}");
        assert!(codes.contains(&"unclosed-reference"), "{codes:?}");
        assert!(codes.contains(&"unknown-section"), "{codes:?}");
    }

    #[test]
    fn text_before_sections_and_duplicates_are_reported() {
        let text = "+++\nid = \"x\"\nstatus = \"optional\"\n+++\nstray\n## en\n\nA.\n## en\n\nB.\n";
        let (_, d) = parse(text);
        let codes: Vec<_> = d.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["text-outside-section", "duplicate-section"]);
    }

    #[test]
    fn front_matter_errors_carry_file_offsets() {
        let text = "+++\nid = \"x\"\nstatus = \"optional\"\ntitel = \"y\"\n+++\n";
        let (c, d) = parse(text);
        assert!(c.is_none());
        assert_eq!(d[0].code, "unknown-key");
        assert_eq!(d[0].span.unwrap().0, text.find("titel").unwrap());
        let (_, d) = parse("+++\nid = \"x\"\nstatus = \"maybe\"\n+++\n");
        assert_eq!(d[0].code, "invalid-value");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn body_chars() -> impl Strategy<Value = String> {
        proptest::string::string_regex(
            "([-#+*\\[\\]{}()0-9.\\n =:\"_`<>!a-z]|ا|ل|م|د|ة|\u{064E}|\u{202E}){0,300}",
        )
        .unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn arbitrary_files_never_panic(text in any::<String>()) {
            let mut d = Vec::new();
            let _ = parse_clause("f.md", &text, &mut d);
        }

        #[test]
        fn arbitrary_bodies_never_panic_and_offsets_stay_in_the_file(body in body_chars()) {
            let text = format!("+++\nid = \"x\"\nstatus = \"optional\"\n+++\n## ar\n{body}\n## en\n{body}\n");
            let mut d = Vec::new();
            if let Some(c) = parse_clause("f.md", &text, &mut d) {
                for (_, o) in c.refs() {
                    prop_assert!(o.offset <= text.len());
                }
            }
            for diag in &d {
                let (s, e) = diag.span.unwrap_or((0, 0));
                prop_assert!(s <= text.len() && e <= text.len() + 4);
            }
        }
    }
}
