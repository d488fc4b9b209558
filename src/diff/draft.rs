//! Stage: diff. A draft flattened for comparison: its articles in order, each with its number,
//! chapter, front matter and plain text per language.
//!
//! Pure: built from a [`Law`] or a [`Variant`]; reads no file.

use crate::model::{Body, ClauseId, Lang, LangMap, Law, PartKind, Point, Status, inlines_source};
use crate::variant::{RParagraph, RPoint, Variant, plain};

/// One side of a comparison.
#[derive(Debug, Clone)]
pub struct Draft {
    /// How to name this draft in reports.
    pub label: String,
    /// The country it was rendered for, if any.
    pub country: Option<String>,
    /// The primary language (whose text decides renames).
    pub primary: Lang,
    /// The languages the draft declares.
    pub langs: Vec<Lang>,
    /// Articles in order: the body, then the annexes.
    pub articles: Vec<DraftArticle>,
}

/// An article of a draft, flattened.
#[derive(Debug, Clone, Default)]
pub struct DraftArticle {
    pub id: ClauseId,
    /// `12` in the body, `A3` in an annex.
    pub number: String,
    /// The id of its chapter or annex.
    pub part: String,
    pub title: LangMap<String>,
    pub status: Status,
    pub tags: Vec<String>,
    pub instruments: Vec<String>,
    /// Paragraphs on their own lines; points on indented lines beginning `- `.
    pub text: LangMap<String>,
}

impl Draft {
    /// The model law's listed articles as written (references `[[id]]`, variables `{{ name }}`).
    /// Articles listed in `law.toml` without a file are left out (`qanun check` reports them).
    pub fn from_law(law: &Law, label: &str) -> Draft {
        let mut articles = Vec::new();
        let mut body_n = 0;
        for part in law.parts() {
            let mut annex_n = 0;
            for id in &part.clauses {
                let Some(c) = law.clauses.get(id) else {
                    continue;
                };
                let number = match part.kind {
                    PartKind::Chapter => {
                        body_n += 1;
                        body_n.to_string()
                    }
                    PartKind::Annex => {
                        annex_n += 1;
                        format!("A{annex_n}")
                    }
                };
                articles.push(DraftArticle {
                    id: c.id.clone(),
                    number,
                    part: part.id.clone(),
                    title: c.title.clone(),
                    status: c.status,
                    tags: c.tags.clone(),
                    instruments: c.instruments.iter().map(|r| r.raw.clone()).collect(),
                    text: c
                        .text
                        .iter()
                        .filter(|(_, b)| !b.is_empty())
                        .map(|(l, b)| (*l, body_text(b)))
                        .collect(),
                });
            }
        }
        Draft {
            label: label.to_string(),
            country: None,
            primary: law.primary_lang(),
            langs: law.languages().collect(),
            articles,
        }
    }

    /// A country's variant as rendered: references as article numbers, variables filled in.
    pub fn from_variant(v: &Variant, primary: Lang, label: &str) -> Draft {
        let articles = v
            .parts
            .iter()
            .flat_map(|p| p.articles.iter().map(move |a| (p, a)))
            .map(|(p, a)| DraftArticle {
                id: a.id.clone(),
                number: if a.in_annex {
                    format!("A{}", a.number)
                } else {
                    a.number.to_string()
                },
                part: p.id.clone(),
                title: a.title.clone(),
                status: a.status,
                tags: a.tags.clone(),
                instruments: a.instruments.clone(),
                text: a
                    .text
                    .iter()
                    .filter(|(_, ps)| !ps.is_empty())
                    .map(|(l, ps)| (*l, variant_text(ps)))
                    .collect(),
            })
            .collect();
        Draft {
            label: label.to_string(),
            country: (!v.is_model()).then(|| v.country.clone()),
            primary,
            langs: v.langs.clone(),
            articles,
        }
    }
}

/// The text of a body: one line per paragraph (alternatives marked `[option a]`), points on
/// indented lines.
fn body_text(b: &Body) -> String {
    let mut lines = Vec::new();
    for p in &b.paragraphs {
        let mut line = String::new();
        if let Some(o) = &p.option {
            line.push_str(&format!("[option {o}] "));
        }
        line.push_str(&inlines_source(&p.text));
        lines.push(line);
        point_lines(&p.points, 1, &mut lines);
    }
    lines.join("\n")
}

fn point_lines(points: &[Point], depth: usize, lines: &mut Vec<String>) {
    for p in points {
        lines.push(format!(
            "{}- {}",
            "   ".repeat(depth),
            inlines_source(&p.text)
        ));
        point_lines(&p.points, depth + 1, lines);
    }
}

fn variant_text(paras: &[RParagraph]) -> String {
    let mut lines = Vec::new();
    for p in paras {
        let mut line = String::new();
        if let Some(o) = &p.option {
            line.push_str(&format!("[{o}] "));
        }
        line.push_str(&plain(&p.pieces));
        lines.push(line);
        variant_point_lines(&p.points, 1, &mut lines);
    }
    lines.join("\n")
}

fn variant_point_lines(points: &[RPoint], depth: usize, lines: &mut Vec<String>) {
    for p in points {
        lines.push(format!("{}- {}", "   ".repeat(depth), plain(&p.pieces)));
        variant_point_lines(&p.points, depth + 1, lines);
    }
}
