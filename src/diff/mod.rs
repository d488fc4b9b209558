//! Stage: diff. Two drafts of the law (or of a country's variant) → a [`LawDiff`]: clauses
//! matched by id, renamed, moved, renumbered, added and removed; front-matter changes;
//! word-level changes per language; translations that may have gone stale.
//!
//! Pure: no I/O and no printing. It computes the diff once; `display` renders it as text,
//! Markdown, HTML or JSON.

pub mod display;
mod draft;
mod matching;
pub mod redline;
mod words;

pub use draft::{Draft, DraftArticle};
pub use words::{similarity, word_diff};

use crate::model::{ClauseId, Lang, LangMap, Law, Status};
use serde::{Serialize, Serializer};
use std::fmt;

/// How to compare two drafts.
#[derive(Debug, Clone)]
pub struct DiffOptions {
    /// The languages to compare; empty: every language either draft has.
    pub langs: Vec<Lang>,
    /// Compare Arabic without harakat and tatweel (`--ignore-diacritics`).
    pub ignore_diacritics: bool,
    /// How similar (0 to 1) the primary-language text of a removed and an added clause must be
    /// for the pair to count as one renamed clause. 0 pairs them whatever their text.
    pub rename_threshold: f64,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            langs: Vec::new(),
            ignore_diacritics: false,
            rename_threshold: 0.75,
        }
    }
}

/// What happened to a clause. A clause can be, for example, moved and modified at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Added,
    Removed,
    Modified,
    Renamed,
    Moved,
    /// Its number changed only because clauses before it were added or removed.
    Renumbered,
}

impl Kind {
    /// The kind's name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Renamed => "renamed",
            Kind::Moved => "moved",
            Kind::Modified => "modified",
            Kind::Renumbered => "renumbered",
        }
    }
}

/// A part of a clause that changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Title(Lang),
    Status,
    Tags,
    Instruments,
    Text(Lang),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Title(l) => write!(f, "title.{l}"),
            Field::Status => f.write_str("status"),
            Field::Tags => f.write_str("tags"),
            Field::Instruments => f.write_str("instruments"),
            Field::Text(l) => write!(f, "text.{l}"),
        }
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// What a piece of text did between the drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Insert,
    Delete,
}

/// A run of text with what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub op: Op,
    pub text: String,
}

impl Segment {
    /// A run of `text` with `op`.
    pub fn new(op: Op, text: impl Into<String>) -> Segment {
        Segment {
            op,
            text: text.into(),
        }
    }
}

/// A value before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pair<T> {
    /// In the old draft.
    pub old: T,
    /// In the new draft.
    pub new: T,
}

/// Members of a list added and removed (tags, instrument references).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SetChange {
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl SetChange {
    /// Whether nothing was added or removed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }

    /// The additions then the removals, each marked by its format's `ins` and `del`, joined
    /// by spaces ("<ins>a</ins> <del>b</del>").
    pub fn marked(&self, ins: impl Fn(&str) -> String, del: impl Fn(&str) -> String) -> String {
        self.added
            .iter()
            .map(|a| ins(a))
            .chain(self.removed.iter().map(|r| del(r)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Everything that happened to one clause. Unchanged clauses have no `Change`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Change {
    /// Sorted; never empty.
    #[serde(rename = "kind")]
    pub kinds: Vec<Kind>,
    /// The clause's id (in the new draft; in the old one for a removed clause).
    pub id: ClauseId,
    /// The id in the old draft, for a renamed clause.
    pub old_id: Option<ClauseId>,
    /// The article number in the old draft (`12`, or `A3` in an annex); none when added.
    pub old_number: Option<String>,
    /// The article number in the new draft; none when removed.
    pub new_number: Option<String>,
    /// What changed inside the clause, in a fixed order.
    pub fields: Vec<Field>,
    /// Languages whose text may no longer match: the others changed and they did not.
    pub stale_translations: Vec<Lang>,
    /// Word-level changes per language, for each language whose text changed (the whole text
    /// inserted or deleted for an added or removed clause).
    pub text: LangMap<Vec<Segment>>,
    /// The clause's title (new draft; old for a removed clause), for headings.
    #[serde(skip_serializing_if = "LangMap::is_empty")]
    pub title: LangMap<String>,
    /// For a renamed clause: how similar its primary-language text is (0 to 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// The status, when it changed (mandatory ↔ optional).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Pair<Status>>,
    /// Titles that changed, per language (`None`: no title on that side).
    #[serde(skip_serializing_if = "LangMap::is_empty")]
    pub titles: LangMap<Pair<Option<String>>>,
    /// Tags added and removed.
    #[serde(skip_serializing_if = "SetChange::is_empty")]
    pub tags: SetChange,
    /// Instrument references added and removed (`palermo:3(a)`).
    #[serde(skip_serializing_if = "SetChange::is_empty")]
    pub instruments: SetChange,
    /// The chapter (or annex) id, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chapter: Option<Pair<String>>,
}

impl Change {
    /// Whether the change is of this kind (among others).
    pub fn has(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }

    /// Whether the status changed (a change reviewers must not miss).
    pub fn status_changed(&self) -> bool {
        self.status.is_some()
    }

    /// Whether the only change is the clause's number.
    pub fn renumbered_only(&self) -> bool {
        self.kinds == [Kind::Renumbered]
    }

    /// An anchor name for documents: `c-<id>` (ids are `[a-z0-9-]`).
    pub fn anchor(&self) -> String {
        let id: String = self
            .id
            .as_str()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        match self.kinds.first() {
            Some(Kind::Removed) => format!("c-removed-{id}"),
            _ => format!("c-{id}"),
        }
    }
}

/// Counts of clauses per kind of change. A clause moved and modified counts in both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub modified: usize,
    pub renamed: usize,
    pub moved: usize,
    pub renumbered: usize,
    pub unchanged: usize,
}

impl Summary {
    fn count(changes: &[Change], matched: usize) -> Summary {
        let n = |k: Kind| changes.iter().filter(|c| c.has(k)).count();
        let changed_matched = changes
            .iter()
            .filter(|c| !c.has(Kind::Added) && !c.has(Kind::Removed))
            .count();
        Summary {
            added: n(Kind::Added),
            removed: n(Kind::Removed),
            modified: n(Kind::Modified),
            renamed: n(Kind::Renamed),
            moved: n(Kind::Moved),
            renumbered: n(Kind::Renumbered),
            unchanged: matched.saturating_sub(changed_matched),
        }
    }
}

/// The comparison of two drafts.
#[derive(Debug, Clone, Serialize)]
pub struct LawDiff {
    /// How the old draft was named (`law`, `git:HEAD~1 (1a2b3c4)`, a file).
    pub old: String,
    pub new: String,
    /// The country whose rendering was compared, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The languages compared, the primary first.
    pub langs: Vec<Lang>,
    pub summary: Summary,
    /// In the new draft's order; removed clauses where they stood.
    pub changes: Vec<Change>,
    /// Review comments (`reviews/`) the HTML and Word redlines show beside their articles.
    #[serde(skip)]
    pub comments: Vec<crate::review::ReviewComment>,
}

impl LawDiff {
    /// Whether the drafts differ at all (diff(1) exit status 1).
    pub fn has_changes(&self) -> bool {
        !self.changes.is_empty()
    }

    /// The primary language (the first compared).
    pub fn primary(&self) -> Lang {
        self.langs.first().copied().unwrap_or(Lang::Ar)
    }
}

/// Compares two drafts.
pub fn diff(old: &Draft, new: &Draft, opts: &DiffOptions) -> LawDiff {
    let langs = compared_langs(old, new, &opts.langs);
    let m = matching::match_articles(old, new, opts);
    let ctx = matching::Compare {
        langs: &langs,
        primary: new.primary,
        ignore_diacritics: opts.ignore_diacritics,
    };
    let mut changes = matching::changes(old, new, &m, &ctx);
    // Headings name a clause in the languages compared (`--lang en` reads English titles).
    for c in &mut changes {
        if c.title.keys().any(|l| langs.contains(l)) {
            c.title.retain(|l, _| langs.contains(l));
        }
    }
    let summary = Summary::count(&changes, m.pairs.len());
    LawDiff {
        old: old.label.clone(),
        new: new.label.clone(),
        country: new.country.clone().or_else(|| old.country.clone()),
        langs,
        summary,
        changes,
        comments: Vec::new(),
    }
}

/// Compares two versions of the model law (source text: references as `[[id]]`, so
/// renumbering alone never changes a clause's text).
pub fn diff_laws(
    old: &Law,
    old_label: &str,
    new: &Law,
    new_label: &str,
    opts: &DiffOptions,
) -> LawDiff {
    diff(
        &Draft::from_law(old, old_label),
        &Draft::from_law(new, new_label),
        opts,
    )
}

/// The languages to compare: those asked for (or all) that either draft has, primary first.
fn compared_langs(old: &Draft, new: &Draft, wanted: &[Lang]) -> Vec<Lang> {
    let primary = new.primary;
    let mut langs: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|l| old.langs.contains(l) || new.langs.contains(l))
        .filter(|l| wanted.is_empty() || wanted.contains(l))
        .collect();
    langs.sort_by_key(|l| (*l != primary, *l));
    langs
}

#[cfg(test)]
mod tests;
