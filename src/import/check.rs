//! Import stage, checks: compares the article numbers that were read with the sequence a law
//! should have (duplicates, numbers out of order, gaps) and looks for the lost markers behind
//! the gaps. It only reports; it never changes the draft.

use super::marker::{Ctx, inline_markers, line_marker};
use super::noise::Line;
use super::number::{ArticleNumber, missing_between};
use super::structure::Draft;
use super::{Article, ImportNote, Item, NoteKind};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The articles in sequence scopes: the top-level articles, then those inserted by each
/// amending article.
fn scopes(d: &Draft) -> Vec<(Option<&str>, Vec<&Article>)> {
    let mut by: BTreeMap<Option<&str>, Vec<&Article>> = BTreeMap::new();
    for item in &d.items {
        if let Item::Article(a) = item {
            by.entry(a.inserted_by.as_deref()).or_default().push(a);
        }
    }
    by.into_iter().collect()
}

/// A gap in a scope: the range skipped, the numbers in it that appear nowhere in the scope,
/// and the articles on each side.
struct Gap<'a> {
    from: ArticleNumber,
    to: ArticleNumber,
    missing: Vec<ArticleNumber>,
    before: Option<&'a Article>,
    after: &'a Article,
}

/// The numbers before the first article of a text, when it does not start at the start of
/// its numbering: 5 (articles 1 to 4 are not here), and the numbers of a code's article,
/// L. 425-1 or 448-1 (the code's articles 1 to 424 or 447 are not here: an extract).
pub(crate) fn first_gap(n: &ArticleNumber) -> Option<(ArticleNumber, ArticleNumber)> {
    match n.parts.as_slice() {
        [first, ..] if *first > 1 => Some((n.with_parts(vec![1]), n.with_parts(vec![first - 1]))),
        [.., last] if *last > 1 => {
            let mut from = n.parts.clone();
            let mut to = n.parts.clone();
            *from.last_mut()? = 1;
            *to.last_mut()? = last - 1;
            Some((n.with_parts(from), n.with_parts(to)))
        }
        _ => None,
    }
}

/// Every gap in every scope: each article is compared with the highest number before it, and
/// numbers that appear elsewhere in the scope (out of order) are not missing.
fn gaps(d: &Draft) -> Vec<Gap<'_>> {
    let mut out = Vec::new();
    for (by, arts) in scopes(d) {
        let present: HashSet<&ArticleNumber> = arts.iter().map(|a| &a.number_value).collect();
        let mut high: Option<&Article> = None;
        for a in arts {
            let range = match high {
                Some(h) if a.number_value > h.number_value => {
                    missing_between(&h.number_value, &a.number_value)
                }
                Some(_) => None,
                None if by.is_none() => first_gap(&a.number_value),
                None => None,
            };
            if let Some((from, to)) = range {
                let all = range_numbers(&from, &to);
                let complete = all.len() < 50;
                let missing: Vec<ArticleNumber> =
                    all.into_iter().filter(|n| !present.contains(n)).collect();
                if !missing.is_empty() || !complete {
                    out.push(Gap {
                        from,
                        to,
                        missing,
                        before: high,
                        after: a,
                    });
                }
            }
            if high.is_none_or(|h| a.number_value > h.number_value) {
                high = Some(a);
            }
        }
    }
    out
}

/// The numbers in a missing range (at most 50).
fn range_numbers(from: &ArticleNumber, to: &ArticleNumber) -> Vec<ArticleNumber> {
    let k = from.parts.len();
    let (Some(a), Some(b)) = (from.parts.last(), to.parts.last()) else {
        return Vec::new();
    };
    let prefix = from
        .parts
        .get(..k.saturating_sub(1))
        .unwrap_or(&[])
        .to_vec();
    (*a..=*b)
        .take(50)
        .map(|n| {
            let mut p = prefix.clone();
            p.push(n);
            from.with_parts(p)
        })
        .collect()
}

/// Every number missing from a sequence, for the glued-marker repair.
pub(crate) fn missing_numbers(d: &Draft) -> Vec<ArticleNumber> {
    gaps(d)
        .into_iter()
        .flat_map(|g| g.missing)
        .take(500)
        .collect()
}

/// The notes about the sequence of article numbers: duplicates, out of order, missing.
pub(crate) fn sequence_notes(d: &Draft, lines: &[Line], ctx: &Ctx) -> Vec<ImportNote> {
    let mut notes = Vec::new();
    for (_, arts) in scopes(d) {
        let mut seen: HashMap<&ArticleNumber, usize> = HashMap::new();
        let mut prev: Option<&Article> = None;
        for a in arts {
            if let Some(first) = seen.get(&a.number_value) {
                notes.push(duplicate(a, *first));
            } else if let Some(p) = prev.filter(|p| a.number_value < p.number_value) {
                notes.push(out_of_order(a, p));
            }
            seen.entry(&a.number_value).or_insert(a.line);
            prev = Some(a);
        }
    }
    let gaps = gaps(d);
    if gaps.is_empty() {
        return notes;
    }
    let lost = lost_markers(d, lines, ctx);
    for g in gaps {
        notes.push(missing(&g, &lost));
    }
    notes
}

fn duplicate(a: &Article, first: usize) -> ImportNote {
    ImportNote {
        line: a.line,
        kind: NoteKind::Duplicate,
        message: format!("article {} appears again (first on line {first})", a.number),
        hint: Some(
            "a numbering error in the source, or an article quoted by an amending law: quote it with « » or end the amending sentence with ':'"
                .to_string(),
        ),
    }
}

fn out_of_order(a: &Article, p: &Article) -> ImportNote {
    ImportNote {
        line: a.line,
        kind: NoteKind::OutOfOrder,
        message: format!(
            "article {} comes after article {} (line {})",
            a.number, p.number, p.line
        ),
        hint: Some(
            "a reference at the start of a line read as a marker, or pages in the wrong order"
                .to_string(),
        ),
    }
}

fn missing(g: &Gap<'_>, lost: &HashMap<ArticleNumber, Vec<String>>) -> ImportNote {
    // Where the missing articles' markers may hide (glued to a sentence, read as text).
    let hints: Vec<String> = g
        .missing
        .iter()
        .filter_map(|n| lost.get(n))
        .flatten()
        .take(3)
        .cloned()
        .collect();
    let Some(b) = g.before else {
        // The text starts partway through its numbering: most often an extract (a code's
        // chapter, the part of a law that concerns trafficking), sometimes a lost first page.
        let what = if g.from == g.to {
            format!("article {} is", g.from)
        } else {
            format!("articles {} to {} are", g.from, g.to)
        };
        let hint = if hints.is_empty() {
            "an extract (a code's chapter, part of a law) is imported as incomplete, so what \
             compare does not find in it is \"not verified\", not missing; if the whole law \
             should be here, check the source for a lost first page"
                .to_string()
        } else {
            hints.join("; ")
        };
        return ImportNote {
            line: g.after.line,
            kind: NoteKind::Missing,
            message: format!(
                "{what} not in the text: it starts at article {} (line {})",
                g.after.number, g.after.line
            ),
            hint: Some(hint),
        };
    };
    let listed: Vec<String> = g.missing.iter().map(ArticleNumber::to_string).collect();
    let what = match listed.as_slice() {
        [one] if g.missing.len() < 50 => format!("article {one} is missing"),
        many if many.len() <= 10 && !many.is_empty() => {
            format!("articles {} are missing", many.join(", "))
        }
        _ => format!("articles {} to {} are missing", g.from, g.to),
    };
    let place = format!(
        "between article {} (line {}) and article {} (line {})",
        b.number, b.line, g.after.number, g.after.line
    );
    let hint = if hints.is_empty() {
        "check the source: an article lost in extraction, or numbered differently".to_string()
    } else {
        hints.join("; ")
    };
    ImportNote {
        line: g.after.line,
        kind: NoteKind::Missing,
        message: format!("{what} {place}"),
        hint: Some(hint),
    }
}

fn excerpt(s: &str) -> String {
    let t: String = s.trim().chars().take(40).collect();
    if s.trim().chars().count() > 40 {
        format!("{t}…")
    } else {
        t
    }
}

/// Where markers hide, by number: glued to the end of a sentence, inside a line, or at the
/// start of a line that was read as text. One pass over the lines.
fn lost_markers(d: &Draft, lines: &[Line], ctx: &Ctx) -> HashMap<ArticleNumber, Vec<String>> {
    let marker_lines: HashSet<usize> = d
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Article(a) => Some(a.line),
            Item::Heading(_) => None,
        })
        .collect();
    let mut found: HashMap<ArticleNumber, Vec<String>> = HashMap::new();
    for line in lines {
        if let Some(m) = line_marker(&line.text, ctx)
            && !marker_lines.contains(&line.no)
        {
            let at = excerpt(line.text.get(m.start..).unwrap_or(""));
            found.entry(m.number).or_default().push(format!(
                "line {} starts with “{at}” but was read as text (no separator after the number, or it continues the sentence before)",
                line.no
            ));
        }
        for (m, glued) in inline_markers(&line.text, ctx) {
            if !(glued || m.strong) {
                continue;
            }
            let at = excerpt(line.text.get(m.start..).unwrap_or(""));
            found.entry(m.number).or_default().push(if glued {
                format!("line {}: “{at}” is glued to the end of a sentence; --repair splits the line there", line.no)
            } else {
                format!("line {} has “{at}” inside the line", line.no)
            });
        }
    }
    found
}
