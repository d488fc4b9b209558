//! Import stage, structure: walks the cleaned lines once and decides which marker opens an
//! article, which opens an article quoted by an amending law, which line is a heading, and
//! which lines are text. It never changes a line's text (titles are moved, never rewritten),
//! except that a section number restated at the start of a section's text ("3. —(1) …" under
//! the heading "3 Trafficking in persons") is read as part of its marker.

use super::marker::{
    Ctx, HeadingMatch, Marker, MarkerWord, is_connector, line_heading, line_marker, restated_number,
};
use super::noise::{Line, ends_sentence, starts_item};
use super::number::ArticleNumber;
use super::{Article, Heading, ImportNote, ImportedLaw, Item, NoteKind};
use crate::text::normalize::normalize_for_matching;

/// The law as read, with the text of each item still as numbered lines.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    pub items: Vec<Item>,
    /// The text lines of each item: an article's text, or the text under a heading.
    pub bodies: Vec<Vec<Line>>,
    pub preamble: Vec<Line>,
}

#[derive(Debug, Clone, Copy)]
enum Open {
    Preamble,
    Article(usize),
    Heading {
        idx: usize,
        want_title: bool,
        titles: usize,
    },
}

struct Insertion {
    by: String,
    last: Option<ArticleNumber>,
}

struct Builder<'a> {
    ctx: &'a Ctx,
    d: Draft,
    rests: Vec<Option<Line>>,
    /// Per item: the rest of the marker line is the article's heading (see [`Marker::titled`]).
    titled: Vec<bool>,
    /// An article opened by a bare section number whose text has not begun: its first line may
    /// restate the number ("3. —(1) …").
    restate: Option<usize>,
    open: Open,
    top: Option<usize>,
    top_word: Option<MarkerWord>,
    ins: Option<Insertion>,
    prev: Option<String>,
    prev_blank: bool,
}

/// Reads the structure of the law from its cleaned lines.
pub(crate) fn build(lines: &[Line], ctx: &Ctx) -> Draft {
    let mut b = Builder {
        ctx,
        d: Draft::default(),
        rests: Vec::new(),
        titled: Vec::new(),
        restate: None,
        open: Open::Preamble,
        top: None,
        top_word: None,
        ins: None,
        prev: None,
        prev_blank: true,
    };
    for line in lines {
        b.line(line);
    }
    b.finish()
}

impl Builder<'_> {
    fn line(&mut self, line: &Line) {
        if line.is_blank() {
            self.push_text(line);
            self.prev_blank = true;
            return;
        }
        if let Some(idx) = self.restate.take()
            && let Some(number) = self.number_of(idx)
            && let Some(at) = restated_number(&line.text, number, self.ctx)
        {
            // The number restated at the start of the text belongs to the marker.
            if let Some(rest) = line.text.get(at..).filter(|r| !r.trim().is_empty()) {
                let text = rest.to_string();
                self.push_body(idx, &Line { no: line.no, text });
            }
        } else if let Some(m) = line_marker(&line.text, self.ctx).filter(|m| self.accept(m)) {
            self.open_article(&m, line);
        } else if let Some(h) =
            line_heading(&line.text, self.ctx).filter(|h| self.accept_heading(h))
        {
            self.open_heading(&h, line);
        } else {
            self.push_text(line);
        }
        self.prev = Some(line.text.clone());
        self.prev_blank = false;
    }

    fn number_of(&self, idx: usize) -> Option<&ArticleNumber> {
        match self.d.items.get(idx) {
            Some(Item::Article(a)) => Some(&a.number_value),
            _ => None,
        }
    }

    fn top_number(&self) -> Option<&ArticleNumber> {
        self.top.and_then(|i| self.number_of(i))
    }

    /// The number of the last article in the current context (inserted or top-level).
    fn current_last(&self) -> Option<&ArticleNumber> {
        self.ins
            .as_ref()
            .and_then(|i| i.last.as_ref())
            .or_else(|| self.top_number())
    }

    /// The previous line, unless a blank line came in between.
    fn prev_text(&self) -> Option<&str> {
        if self.prev_blank {
            None
        } else {
            self.prev.as_deref()
        }
    }

    /// Whether the marker can come next without a gap, in the top-level sequence or in the
    /// articles an amending article is inserting.
    fn plausible(&self, m: &Marker) -> bool {
        let Some(top) = self.top_number() else {
            return m.number == ArticleNumber::plain(vec![1]);
        };
        let after_inserted = self.ins.as_ref().and_then(|i| i.last.as_ref());
        m.number.follows(top)
            || after_inserted.is_some_and(|l| m.number.follows(l))
            || (self.ins.is_none()
                && self.announces()
                && (m.quoted || Some(m.word) != self.top_word))
    }

    fn accept(&self, m: &Marker) -> bool {
        if m.word == MarkerWord::Bare {
            return self.accept_bare(m);
        }
        let prev = self.prev_text();
        if prev.is_some_and(ends_with_connector) {
            return false;
        }
        let plausible = self.plausible(m);
        if !m.strong && (!plausible || m.next_word.as_deref().is_some_and(is_connector)) {
            return false;
        }
        let unfinished = prev.is_some_and(|t| !ends_sentence(t));
        let backward = self.current_last().is_some_and(|l| m.number <= *l);
        !(unfinished && !plausible && backward)
    }

    /// A bare section number ("3 Trafficking in persons") opens a section only in a law that
    /// numbers its sections that way from section 1, outside quoted text, at the start of a
    /// paragraph, and with the next number in sequence.
    fn accept_bare(&self, m: &Marker) -> bool {
        let own_style = self.top_word.is_none_or(|w| w == MarkerWord::Bare);
        let paragraph = self.prev_text().is_none_or(ends_sentence);
        let next = match self.top_number() {
            None => m.number == ArticleNumber::plain(vec![1]),
            Some(top) => m.number.follows(top),
        };
        own_style && self.ins.is_none() && paragraph && next
    }

    fn accept_heading(&self, h: &HeadingMatch) -> bool {
        !self.prev_text().is_some_and(ends_with_connector)
            && !h.next_word.as_deref().is_some_and(is_connector)
    }

    /// Whether the open top-level article introduces quoted text: its last line ends with ":"
    /// or holds words such as "كما يلي", "ainsi rédigé", "as follows".
    fn announces(&self) -> bool {
        const PHRASES: &[&str] = &[
            "كما يلي",
            "ما يلي",
            "التاليه",
            "التالي",
            "الاتي",
            "الاتيه",
            "ainsi redige",
            "suivants",
            "suivantes",
            "ainsi libelle",
            "as follows",
            "the following",
        ];
        let Some(t) = self.top else { return false };
        let rest = self.rests.get(t).and_then(Option::as_ref);
        let body = self.d.bodies.get(t).map(Vec::as_slice).unwrap_or(&[]);
        // Only the article's last line: the quoted articles follow the words that announce
        // them ("… shall read as follows:"), while a line ending with ":" inside an article
        // ("… when it is committed:" before a list) announces no article.
        rest.into_iter().chain(body).last().is_some_and(|l| {
            let end = l.text.trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '–' | '«' | '»' | '"' | '“' | '”')
            });
            let norm = normalize_for_matching(&l.text);
            end.ends_with(':') || PHRASES.iter().any(|p| norm.contains(p))
        })
    }

    /// Whether the marker opens an article quoted by the open amending article.
    fn is_inserted(&self, m: &Marker) -> bool {
        let Some(top) = self.top_number() else {
            return false;
        };
        let same_word = self.top_word == Some(m.word);
        let follows_top = m.number.follows(top);
        if self.ins.is_some() {
            return !(follows_top && same_word && !m.quoted);
        }
        // A heading may come between the amending article and the articles it quotes
        // ("« Section V. – …"), so the open item need not be the amending article itself.
        m.quoted || (self.announces() && (!follows_top || !same_word))
    }

    fn push_item(&mut self, item: Item, rest: Option<Line>, titled: bool) -> usize {
        self.d.items.push(item);
        self.d.bodies.push(Vec::new());
        self.rests.push(rest);
        self.titled.push(titled);
        self.d.items.len() - 1
    }

    fn open_article(&mut self, m: &Marker, line: &Line) {
        let inserted_by = if self.is_inserted(m) {
            let by = self.top.and_then(|t| match self.d.items.get(t) {
                Some(Item::Article(a)) => Some(a.number.clone()),
                _ => None,
            });
            let ins = self.ins.get_or_insert(Insertion {
                by: by.unwrap_or_default(),
                last: None,
            });
            ins.last = Some(m.number.clone());
            Some(ins.by.clone())
        } else {
            None
        };
        let rest = line
            .text
            .get(m.rest_start..)
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(|r| Line {
                no: line.no,
                text: r.to_string(),
            });
        let article = Article {
            number: m.number_text.clone(),
            number_value: m.number.clone(),
            title: None,
            text: String::new(),
            line: line.no,
            inserted_by: inserted_by.clone(),
        };
        let idx = self.push_item(Item::Article(article), rest, m.titled);
        if m.word == MarkerWord::Bare {
            self.restate = Some(idx);
        }
        if inserted_by.is_none() {
            self.ins = None;
            self.top = Some(idx);
            self.top_word.get_or_insert(m.word);
        }
        self.open = Open::Article(idx);
    }

    fn open_heading(&mut self, h: &HeadingMatch, line: &Line) {
        let heading = Heading {
            level: h.level,
            text: one_line(&line.text),
            line: line.no,
            body: String::new(),
        };
        let idx = self.push_item(Item::Heading(heading), None, false);
        self.open = Open::Heading {
            idx,
            want_title: !h.has_title,
            titles: 0,
        };
    }

    fn push_text(&mut self, line: &Line) {
        match self.open {
            Open::Preamble => self.d.preamble.push(line.clone()),
            Open::Article(i) => self.push_body(i, line),
            Open::Heading {
                idx,
                want_title,
                titles,
            } => {
                if want_title && line.is_blank() {
                    self.open = Open::Heading {
                        idx,
                        want_title: titles == 0,
                        titles,
                    };
                } else if want_title && titles < 2 && is_title_like(&line.text) {
                    self.add_heading_title(idx, &line.text, titles);
                    self.open = Open::Heading {
                        idx,
                        want_title,
                        titles: titles + 1,
                    };
                } else {
                    self.open = Open::Heading {
                        idx,
                        want_title: false,
                        titles,
                    };
                    self.push_body(idx, line);
                }
            }
        }
    }

    /// Adds a line to the text of item `idx`.
    fn push_body(&mut self, idx: usize, line: &Line) {
        if let Some(body) = self.d.bodies.get_mut(idx) {
            body.push(line.clone());
        }
    }

    fn add_heading_title(&mut self, idx: usize, title: &str, titles: usize) {
        if let Some(Item::Heading(h)) = self.d.items.get_mut(idx) {
            let sep = if titles > 0 || h.text.ends_with([':', '-', '–', '—', '.']) {
                " "
            } else {
                ": "
            };
            h.text.push_str(sep);
            h.text.push_str(&one_line(title));
        }
    }

    /// Trims blank lines, and turns the rest of a marker line (or a short first line) into the
    /// article's title when it reads as one.
    fn finish(mut self) -> Draft {
        trim_blank(&mut self.d.preamble);
        let rests = std::mem::take(&mut self.rests);
        let titled = std::mem::take(&mut self.titled);
        for (idx, (rest, titled)) in rests.into_iter().zip(titled).enumerate() {
            let (Some(item), Some(body)) = (self.d.items.get_mut(idx), self.d.bodies.get_mut(idx))
            else {
                continue;
            };
            while body.last().is_some_and(Line::is_blank) {
                body.pop();
            }
            if let Item::Article(a) = item {
                a.title = match rest {
                    Some(r) if titled => {
                        trim_blank(body);
                        Some(one_line(&r.text))
                    }
                    rest => take_title(rest, body),
                };
            }
            trim_blank(body);
        }
        self.d
    }
}

/// The article's title: the rest of the marker line when it is short and more text follows;
/// otherwise, with nothing after the number, a short first line followed by more text.
fn take_title(rest: Option<Line>, body: &mut Vec<Line>) -> Option<String> {
    match rest {
        Some(r) if is_marker_title(&r.text, body) => {
            trim_blank(body);
            Some(one_line(&strip_parens(&r.text)))
        }
        Some(r) => {
            // The blank lines between the marker line and the rest of the text are kept.
            body.insert(0, r);
            None
        }
        None => {
            trim_blank(body);
            let first = body.first()?;
            let next = body.get(1)?;
            let continues = next
                .text
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            let short = first.text.trim().chars().count() <= 50
                && first.text.split_whitespace().count() <= 6
                && !starts_item(&first.text)
                && !first
                    .text
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
            if short && !continues && !next.is_blank() && is_title_like(&first.text) {
                let t = one_line(&first.text);
                body.remove(0);
                trim_blank(body);
                Some(t)
            } else {
                None
            }
        }
    }
}

fn trim_blank(lines: &mut Vec<Line>) {
    while lines.last().is_some_and(Line::is_blank) {
        lines.pop();
    }
    let lead = lines.iter().take_while(|l| l.is_blank()).count();
    lines.drain(..lead);
}

/// A short line that does not end a sentence: a heading's or an article's title.
fn is_title_like(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().count() <= 100 && !t.ends_with(['.', ':', '؛', ';', ',', '،'])
}

/// The rest of a marker line is a title when more text follows and it is wholly in brackets
/// ("المادة 2 (تعريفات)"), or short, not ending a sentence or with a connector word, and not
/// continued by a line starting in lower case.
fn is_marker_title(text: &str, body: &[Line]) -> bool {
    let Some(next) = body.iter().find(|l| !l.is_blank()) else {
        return false;
    };
    let t = text.trim();
    let bracketed =
        (t.starts_with('(') && t.ends_with(')')) || (t.starts_with('[') && t.ends_with(']'));
    let short = t.chars().count() <= 80 && t.split_whitespace().count() <= 10;
    let continued = next
        .text
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    bracketed
        || (short
            && is_title_like(t)
            && !t.ends_with(['-', '–', '—'])
            && !ends_with_connector(t)
            && !continued)
}

/// Titles and headings are single lines with single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_parens(text: &str) -> String {
    let t = text.trim();
    let inner = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .or_else(|| t.strip_prefix('[').and_then(|x| x.strip_suffix(']')));
    inner.unwrap_or(t).trim().to_string()
}

/// True when a line ends with a word that continues the sentence ("… المنصوص عليها في").
fn ends_with_connector(text: &str) -> bool {
    let norm = normalize_for_matching(text);
    let last = norm.rsplit(' ').next().unwrap_or("");
    let punct_end = text.trim_end().ends_with(|c: char| !c.is_alphanumeric());
    !punct_end && is_connector(last)
}

impl Draft {
    /// The notes about structure: a preamble, no article at all, text under a heading.
    pub(crate) fn notes(&self) -> Vec<ImportNote> {
        let mut notes = Vec::new();
        let has_articles = self.items.iter().any(|i| matches!(i, Item::Article(_)));
        if let Some(first) = self.preamble.first() {
            let (kind, message, hint) = if has_articles {
                (
                    NoteKind::Preamble,
                    match self.preamble.len() {
                        1 => "1 line before the first article is kept as the preamble".to_string(),
                        n => format!("{n} lines before the first article are kept as the preamble"),
                    },
                    "check that no article marker is hidden in it (glued to another line, or without a number)",
                )
            } else {
                (
                    NoteKind::NoArticles,
                    "no article marker was found: the whole text is kept as the preamble"
                        .to_string(),
                    "check the language (--lang ar, fr or en) and how the articles are introduced",
                )
            };
            notes.push(ImportNote {
                line: first.no,
                kind,
                message,
                hint: Some(hint.to_string()),
            });
        } else if !has_articles {
            notes.push(ImportNote {
                line: 1,
                kind: NoteKind::NoArticles,
                message: "no article marker was found".to_string(),
                hint: Some("check the language (--lang ar, fr or en)".to_string()),
            });
        }
        for (item, body) in self.items.iter().zip(&self.bodies) {
            if let (Item::Heading(h), Some(first)) = (item, body.first()) {
                notes.push(ImportNote {
                    line: first.no,
                    kind: NoteKind::TextOutsideArticle,
                    message: format!(
                        "text under the heading on line {} is not part of any article",
                        h.line
                    ),
                    hint: Some(
                        "it is kept under the heading; check for a missing article marker"
                            .to_string(),
                    ),
                });
            }
        }
        notes
    }

    /// The finished law: the lines of each text joined with newlines.
    pub(crate) fn into_law(self) -> ImportedLaw {
        let join = |lines: &[Line]| {
            lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let items = self
            .items
            .into_iter()
            .zip(
                self.bodies
                    .iter()
                    .map(|b| join(b))
                    .chain(std::iter::repeat(String::new())),
            )
            .map(|(item, text)| match item {
                Item::Article(a) => Item::Article(Article { text, ..a }),
                Item::Heading(h) => Item::Heading(Heading { body: text, ..h }),
            })
            .collect();
        ImportedLaw {
            preamble: join(&self.preamble),
            preamble_line: self.preamble.first().map(|l| l.no),
            items,
        }
    }
}
