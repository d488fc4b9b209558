//! Stage: variant. Model law + a country → the country's law: articles omitted, replaced, added
//! and renumbered; options chosen; references written as article numbers; variables filled in;
//! the country's digits; and the list of deviations from the model.
//!
//! Pure: no I/O. `model` (no country) gives the unadapted law with visible placeholders.

use crate::diagnostics::Diagnostic;
use crate::load::Project;
use crate::model::{
    Clause, ClauseId, Country, DigitStyle, Inline, Lang, LangMap, Law, Origin, Paragraph, PartKind,
    Point, Status,
};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// A piece of resolved text, kept typed so each output can style references and placeholders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "lowercase")]
pub enum Piece {
    Text(String),
    /// A cross-reference written out ("المادة (12)"), and the article it points to.
    Ref(String, ClauseId),
    /// A country's term filled in for a variable, and the variable's name.
    Term(String, String),
    /// A variable left blank (model law, or a term the country lacks).
    Placeholder(String),
}

impl Piece {
    pub fn text(&self) -> &str {
        match self {
            Piece::Text(s) | Piece::Ref(s, _) | Piece::Term(s, _) | Piece::Placeholder(s) => s,
        }
    }
}

/// Plain text of resolved pieces.
pub fn plain(pieces: &[Piece]) -> String {
    pieces.iter().map(Piece::text).collect()
}

/// A resolved sub-point.
#[derive(Debug, Clone, Serialize)]
pub struct RPoint {
    /// "أ", "b", …
    pub label: String,
    pub pieces: Vec<Piece>,
    pub points: Vec<RPoint>,
}

/// A resolved paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct RParagraph {
    /// The paragraph number in the output's digits, empty for a single unnumbered paragraph.
    pub number: String,
    /// The same number as a figure, 1-based (also for an unnumbered paragraph): what concept
    /// links (`victims-fund/3`) and gap reports call the paragraph. Alternatives shown side by
    /// side share one ([`crate::model::Body::numbers`]).
    #[serde(skip)]
    pub index: u32,
    /// "Option A" when the model law shows alternatives.
    pub option: Option<String>,
    pub pieces: Vec<Piece>,
    pub points: Vec<RPoint>,
}

/// An article of the variant, resolved in each requested language.
#[derive(Debug, Clone, Serialize)]
pub struct VArticle {
    pub id: ClauseId,
    /// 1-based; counts the main body and each annex separately.
    pub number: usize,
    pub in_annex: bool,
    pub status: Status,
    pub tags: Vec<String>,
    pub instruments: Vec<String>,
    /// "المادة (12)", "Article 12", "Article 12" per language.
    pub label: LangMap<String>,
    pub title: LangMap<String>,
    pub text: LangMap<Vec<RParagraph>>,
    pub commentary: LangMap<Vec<Vec<Piece>>>,
    /// How this article came to be: model, replaced or added.
    pub source: ArticleSource,
    /// The clause as used (model text, or the country's replacement).
    #[serde(skip)]
    pub clause: Arc<Clause>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ArticleSource {
    Model,
    Replaced,
    Added,
}

/// A chapter or annex of the variant.
#[derive(Debug, Clone, Serialize)]
pub struct VPart {
    pub id: String,
    pub annex: bool,
    /// Chapter number (annexes count on their own).
    pub number: usize,
    pub label: LangMap<String>,
    pub title: LangMap<String>,
    pub articles: Vec<VArticle>,
}

/// A difference between the country's law and the model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Deviation {
    /// A model article left out: its title in the model (it has no number in the variant),
    /// and why, in the languages the reason is written in.
    Omitted {
        clause: ClauseId,
        title: LangMap<String>,
        reason: LangMap<String>,
    },
    Replaced {
        clause: ClauseId,
    },
    /// An article of the country's own, placed after (or before) `anchor`.
    Added {
        clause: ClauseId,
        after: bool,
        anchor: ClauseId,
    },
    Option {
        clause: ClauseId,
        option: String,
    },
}

/// The law as adapted for one country (or the model law itself).
#[derive(Debug, Clone, Serialize)]
pub struct Variant {
    /// The country code, or `model`.
    pub country: String,
    pub langs: Vec<Lang>,
    pub digits_arab: bool,
    pub parts: Vec<VPart>,
    pub deviations: Vec<Deviation>,
    /// The law's concept lexicon, which `compare` reads (not shown by any output).
    #[serde(skip)]
    pub concepts: Vec<crate::model::Concept>,
}

impl Variant {
    /// Every article, body then annexes.
    pub fn articles(&self) -> impl Iterator<Item = &VArticle> {
        self.parts.iter().flat_map(|p| p.articles.iter())
    }

    pub fn article(&self, id: &str) -> Option<&VArticle> {
        self.articles().find(|a| a.id.as_str() == id)
    }

    pub fn is_model(&self) -> bool {
        self.country == "model"
    }
}

/// Builds the variants of every country for all their languages and returns their problems
/// (for `qanun check`), plus the checks of the variant folders themselves.
pub fn check_all(project: &Project) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for c in &project.countries {
        let langs: Vec<Lang> = c.languages.clone();
        let (_, diags) = build(&project.law, Some(c), &langs);
        out.extend(diags);
    }
    out
}

/// Arabic-Indic digits for `arab`, unchanged otherwise. Applies to Arabic text only.
pub fn digits(s: &str, style: DigitStyle, lang: Lang) -> String {
    if style == DigitStyle::Arab && lang == Lang::Ar {
        crate::text::digits::to_arab_indic(s)
    } else {
        s.to_string()
    }
}

/// How a language writes a reference to an article.
pub fn ref_label(lang: Lang, number: &str, in_annex: bool) -> String {
    match (lang, in_annex) {
        (Lang::Ar, false) => format!("المادة ({number})"),
        (Lang::Ar, true) => format!("المادة ({number}) من الملحق"),
        (Lang::En, false) => format!("Article {number}"),
        (Lang::En, true) => format!("Article {number} of the Annex"),
        (Lang::Fr, false) => format!("l'article {number}"),
        (Lang::Fr, true) => format!("l'article {number} de l'annexe"),
    }
}

/// How a language heads an article ("المادة (12)", "Article 12", "Article 12").
pub fn heading_label(lang: Lang, number: &str) -> String {
    match lang {
        Lang::Ar => format!("المادة ({number})"),
        Lang::En | Lang::Fr => format!("Article {number}"),
    }
}

/// An article's heading as a name that stands on its own, outside its chapter or annex (a
/// row of the gap table, the list of differences): an annex article says it is one, since
/// the annex counts from 1 again ("المادة (3) من الملحق", "Article 3 of the Annex").
pub fn standalone_label(a: &VArticle, lang: Lang) -> String {
    let label = crate::model::pick(&a.label, lang)
        .cloned()
        .unwrap_or_default();
    if !a.in_annex {
        return label;
    }
    let suffix = match lang {
        Lang::Ar => "من الملحق",
        Lang::En => "of the Annex",
        Lang::Fr => "de l'annexe",
    };
    format!("{label} {suffix}")
}

/// How a language heads a chapter or annex.
pub fn part_label(lang: Lang, number: &str, annex: bool) -> String {
    match (lang, annex) {
        (Lang::Ar, false) => format!("الفصل {}", ordinal_ar(number)),
        (Lang::Ar, true) => "الملحق".to_string(),
        (Lang::En, false) => format!("Chapter {number}"),
        (Lang::En, true) => "Annex".to_string(),
        (Lang::Fr, false) => format!("Chapitre {number}"),
        (Lang::Fr, true) => "Annexe".to_string(),
    }
}

fn ordinal_ar(n: &str) -> String {
    const ORD: [&str; 12] = [
        "",
        "الأول",
        "الثاني",
        "الثالث",
        "الرابع",
        "الخامس",
        "السادس",
        "السابع",
        "الثامن",
        "التاسع",
        "العاشر",
        "الحادي عشر",
    ];
    let ascii: String = n
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    ascii
        .parse::<usize>()
        .ok()
        .and_then(|i| ORD.get(i).filter(|s| !s.is_empty()))
        .map_or_else(|| format!("({n})"), |s| s.to_string())
}

/// Labels of points: Arabic abjad order, Latin letters.
fn point_label(lang: Lang, i: usize, depth: usize) -> String {
    const ABJAD: [&str; 28] = [
        "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص",
        "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
    ];
    if depth > 0 {
        return (i + 1).to_string();
    }
    match lang {
        Lang::Ar => ABJAD
            .get(i)
            .map_or_else(|| (i + 1).to_string(), |s| s.to_string()),
        _ => char::from_u32('a' as u32 + (i % 26) as u32)
            .map_or_else(|| (i + 1).to_string(), |c| c.to_string()),
    }
}

fn option_label(lang: Lang, key: &str) -> String {
    let upper = key.to_uppercase();
    match lang {
        Lang::Ar => {
            let ar = match key {
                "a" => "أ",
                "b" => "ب",
                "c" => "ج",
                "d" => "د",
                _ => key,
            };
            format!("الخيار ({ar})")
        }
        Lang::En => format!("Option {upper}"),
        Lang::Fr => format!("Option {upper}"),
    }
}

/// The article that both ends `before` and opens `term` ("the" in "The " + "the Fund"), if
/// any: the text would read it twice.
fn doubled_article(before: &str, term: &str, lang: Lang) -> Option<String> {
    let articles: &[&str] = match lang {
        Lang::En => &["the", "a", "an"],
        Lang::Fr => &["le", "la", "les", "l'", "l’"],
        Lang::Ar => &[],
    };
    let last = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    articles.iter().find_map(|a| {
        let elided = a.ends_with(['\'', '’']);
        let ends = if elided {
            before.to_lowercase().ends_with(a)
        } else {
            before.ends_with(char::is_whitespace) && last.eq_ignore_ascii_case(a)
        };
        let opens = if elided {
            term.to_lowercase().starts_with(a)
        } else {
            term.split_whitespace()
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case(a))
        };
        (ends && opens).then(|| {
            if elided {
                before[before.len() - a.len()..].to_string()
            } else {
                last.to_string()
            }
        })
    })
}

/// A country's term that opens a sentence takes a capital in Latin-script languages: terms are
/// written for the middle of a sentence ("the National Committee", "la Commission nationale").
/// Arabic has no case, so it is left alone.
fn capitalise_terms(pieces: &mut [Piece], lang: Lang, mut at_start: bool) {
    if lang.is_rtl() {
        return;
    }
    for p in pieces.iter_mut() {
        match p {
            Piece::Term(t, _) | Piece::Placeholder(t) if at_start => {
                let mut chars = t.chars();
                if let Some(first) = chars.next().filter(|c| c.is_lowercase()) {
                    *t = first.to_uppercase().chain(chars).collect();
                }
                at_start = false;
            }
            Piece::Text(t) => {
                let end = t.trim_end();
                if !end.is_empty() {
                    at_start = end.ends_with(['.', '!', '?']) && t.ends_with(char::is_whitespace);
                }
            }
            _ => at_start = false,
        }
    }
}

struct Slot {
    id: ClauseId,
    part: usize,
    source: ArticleSource,
}

/// Builds a country's variant (`None`: the model law) in the given languages.
pub fn build(law: &Law, country: Option<&Country>, langs: &[Lang]) -> (Variant, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut deviations = Vec::new();
    let empty = crate::model::VariantSpec::default();
    let spec = country.map_or(&empty, |c| &c.variant);
    let cname = country.map_or_else(
        || "the model law".to_string(),
        |c| {
            crate::model::pick(&c.name, Lang::En)
                .cloned()
                .unwrap_or_else(|| c.code.clone())
        },
    );
    let parts: Vec<&crate::model::Part> = law.parts().collect();

    // 1. The model's order, less omissions.
    let mut omitted: BTreeMap<&ClauseId, &crate::model::VariantOmit> = BTreeMap::new();
    for o in &spec.omit {
        match law.clauses.get(&o.clause) {
            None => diags.push(
                Diagnostic::error(
                    "unknown-reference",
                    &o.origin,
                    format!(
                        "cannot omit `{}`: the model law has no such article",
                        o.clause
                    ),
                )
                .with_hint("omit = the id of an article listed in law/law.toml"),
            ),
            Some(c) => {
                if c.status == Status::Mandatory && o.reason.is_empty() {
                    diags.push(
                        Diagnostic::error(
                            "omitted-without-reason",
                            &o.origin,
                            format!("the mandatory article `{}` is omitted for {cname} without a reason", o.clause),
                        )
                        .with_hint("add reason = \"…\" saying why (for example, which national law already provides it)"),
                    );
                }
                omitted.insert(&o.clause, o);
                deviations.push(Deviation::Omitted {
                    clause: o.clause.clone(),
                    title: c.title.clone(),
                    reason: o.reason.clone(),
                });
            }
        }
    }
    let mut slots: Vec<Slot> = Vec::new();
    for (pi, part) in parts.iter().enumerate() {
        for id in &part.clauses {
            if omitted.contains_key(id) || !law.clauses.contains_key(id) {
                continue;
            }
            let replaced = spec.clauses.contains_key(id);
            if replaced {
                deviations.push(Deviation::Replaced { clause: id.clone() });
            }
            slots.push(Slot {
                id: id.clone(),
                part: pi,
                source: if replaced {
                    ArticleSource::Replaced
                } else {
                    ArticleSource::Model
                },
            });
        }
    }

    // 2. Additions, at their place.
    let added_ids: BTreeSet<&ClauseId> = spec.add.iter().map(|a| &a.clause).collect();
    for (id, c) in &spec.clauses {
        if !law.clauses.contains_key(id) && !added_ids.contains(id) {
            diags.push(
                Diagnostic::error("unplaced-clause", &c.origin, format!("`{id}` is not an article of the model law, and variant.toml does not say where to add it"))
                    .with_hint(format!("add to variant.toml: [[add]] clause = \"{id}\" after = \"<id>\"; or rename the file to the id of the article it replaces")),
            );
        }
    }
    for a in &spec.add {
        if law.clauses.contains_key(&a.clause) {
            diags.push(
                Diagnostic::error("add-existing", &a.origin, format!("`{}` is already an article of the model law", a.clause))
                    .with_hint("to replace a model article, put its new text in variant/clauses/<id>.md without an [[add]] entry"),
            );
            continue;
        }
        if !spec.clauses.contains_key(&a.clause) {
            diags.push(
                Diagnostic::error(
                    "missing-clause-file",
                    &a.origin,
                    format!("the added article `{}` has no file", a.clause),
                )
                .with_hint(format!(
                    "create countries/<cc>/variant/clauses/{}.md",
                    a.clause
                )),
            );
            continue;
        }
        let (anchor, after) = match (&a.after, &a.before) {
            (Some(x), None) => (x, true),
            (None, Some(x)) => (x, false),
            _ => {
                diags.push(
                    Diagnostic::error("bad-position", &a.origin, format!("say where to add `{}`: give exactly one of after = \"…\" or before = \"…\"", a.clause))
                        .with_hint("for example: after = \"domestic-work-contracts\""),
                );
                continue;
            }
        };
        let Some(pos) = slots.iter().position(|s| &s.id == anchor) else {
            let why = if omitted.contains_key(anchor) {
                "is omitted in this variant"
            } else {
                "is not an article of this law"
            };
            diags.push(
                Diagnostic::error(
                    "bad-position",
                    &a.origin,
                    format!(
                        "cannot place `{}` next to `{anchor}`: `{anchor}` {why}",
                        a.clause
                    ),
                )
                .with_hint("place it next to an article the country keeps"),
            );
            continue;
        };
        let part = slots[pos].part;
        slots.insert(
            if after { pos + 1 } else { pos },
            Slot {
                id: a.clause.clone(),
                part,
                source: ArticleSource::Added,
            },
        );
        deviations.push(Deviation::Added {
            clause: a.clause.clone(),
            after,
            anchor: anchor.clone(),
        });
    }

    // 3. Numbers: the body counts on, each annex on its own.
    let mut numbers: BTreeMap<ClauseId, (usize, bool)> = BTreeMap::new();
    let mut body_n = 0;
    let mut annex_n: BTreeMap<usize, usize> = BTreeMap::new();
    for s in &slots {
        let annex = parts[s.part].kind == PartKind::Annex;
        let n = if annex {
            let e = annex_n.entry(s.part).or_insert(0);
            *e += 1;
            *e
        } else {
            body_n += 1;
            body_n
        };
        numbers.insert(s.id.clone(), (n, annex));
    }

    // 4. Choices.
    for (id, (key, origin)) in &spec.choices {
        let Some(c) = slots
            .iter()
            .find(|s| &s.id == id)
            .map(|s| clause_for(law, spec, &s.id))
        else {
            diags.push(
                Diagnostic::error(
                    "unknown-reference",
                    origin,
                    format!("cannot choose an option of `{id}`: this variant has no such article"),
                )
                .with_hint("[choices] names articles that offer [option a], [option b], …"),
            );
            continue;
        };
        let keys = c
            .text
            .values()
            .next()
            .map(|b| b.option_keys())
            .unwrap_or_default();
        if !keys.contains(key) {
            diags.push(
                Diagnostic::error(
                    "unknown-option",
                    origin,
                    format!("`{id}` offers no option `{key}`"),
                )
                .with_hint(if keys.is_empty() {
                    "this article offers no alternatives".to_string()
                } else {
                    format!("choose one of: {}", keys.join(", "))
                }),
            );
            continue;
        }
        deviations.push(Deviation::Option {
            clause: id.clone(),
            option: key.clone(),
        });
    }

    // 5. Resolve the text.
    // The ids a reference may name: the model's articles and the country's own.
    let known: BTreeSet<&ClauseId> = law.clauses.keys().chain(spec.clauses.keys()).collect();
    let mut r = Resolver {
        law,
        country,
        cname: &cname,
        numbers: &numbers,
        omitted: &omitted,
        known: &known,
        reported: BTreeSet::new(),
        diags: &mut diags,
    };
    let mut vparts: Vec<VPart> = Vec::new();
    let mut chapter_n = 0;
    for (pi, part) in parts.iter().enumerate() {
        let annex = part.kind == PartKind::Annex;
        if !annex {
            chapter_n += 1;
        }
        let style = country.map_or(DigitStyle::Latn, |c| c.digits);
        let mut articles = Vec::new();
        for s in slots.iter().filter(|s| s.part == pi) {
            let clause = clause_for(law, spec, &s.id);
            let chosen = spec.choices.get(&s.id).map(|(k, _)| k.as_str());
            articles.push(r.article(clause, s, chosen, langs, style));
        }
        vparts.push(VPart {
            id: part.id.clone(),
            annex,
            number: chapter_n,
            label: langs
                .iter()
                .map(|l| {
                    (
                        *l,
                        part_label(*l, &digits(&chapter_n.to_string(), style, *l), annex),
                    )
                })
                .collect(),
            title: part.title.clone(),
            articles,
        });
    }
    let variant = Variant {
        country: country.map_or_else(|| "model".to_string(), |c| c.code.clone()),
        langs: langs.to_vec(),
        digits_arab: country.is_some_and(|c| c.digits == DigitStyle::Arab),
        parts: vparts,
        deviations,
        concepts: law.concepts.clone(),
    };
    (variant, diags)
}

fn clause_for<'a>(
    law: &'a Law,
    spec: &'a crate::model::VariantSpec,
    id: &ClauseId,
) -> &'a Arc<Clause> {
    spec.clauses
        .get(id)
        .or_else(|| law.clauses.get(id))
        .expect("slots only hold ids with a clause")
}

struct Resolver<'a, 'd> {
    law: &'a Law,
    country: Option<&'a Country>,
    cname: &'a str,
    numbers: &'a BTreeMap<ClauseId, (usize, bool)>,
    omitted: &'a BTreeMap<&'a ClauseId, &'a crate::model::VariantOmit>,
    known: &'a BTreeSet<&'a ClauseId>,
    /// (language, variable) pairs already reported as undefined.
    reported: BTreeSet<(Lang, String)>,
    diags: &'d mut Vec<Diagnostic>,
}

impl Resolver<'_, '_> {
    fn article(
        &mut self,
        clause: &Arc<Clause>,
        slot: &Slot,
        chosen: Option<&str>,
        langs: &[Lang],
        style: DigitStyle,
    ) -> VArticle {
        let (n, annex) = self.numbers.get(&slot.id).copied().unwrap_or((0, false));
        let mut text = LangMap::new();
        let mut commentary = LangMap::new();
        let mut label = LangMap::new();
        let default_option = clause
            .text
            .values()
            .next()
            .and_then(|b| b.option_keys().into_iter().next());
        let pick = if self.country.is_some() {
            chosen.map(str::to_string).or(default_option)
        } else {
            None
        };
        for &lang in langs {
            label.insert(
                lang,
                heading_label(lang, &digits(&n.to_string(), style, lang)),
            );
            if let Some(body) = clause.body(lang) {
                let mut paras = Vec::new();
                // A country's version keeps one wording of each paragraph and numbers what it
                // keeps; the model law shows every wording, alternatives sharing a number.
                let shared = body.numbers();
                let mut k = 0;
                for (p, &n) in body.paragraphs.iter().zip(&shared) {
                    if let (Some(want), Some(have)) = (&pick, &p.option)
                        && want != have
                    {
                        continue;
                    }
                    k += 1;
                    let number = if pick.is_none() { n } else { k };
                    paras.push(self.paragraph(
                        p,
                        number,
                        body.numbered,
                        lang,
                        style,
                        pick.is_none(),
                    ));
                }
                text.insert(lang, paras);
            }
            if let Some(c) = clause.commentary.get(&lang) {
                commentary.insert(
                    lang,
                    c.iter()
                        .map(|p| self.sentence(p, lang, style, false))
                        .collect(),
                );
            }
        }
        VArticle {
            id: slot.id.clone(),
            number: n,
            in_annex: annex,
            status: clause.status,
            tags: clause.tags.clone(),
            instruments: clause.instruments.iter().map(|r| r.raw.clone()).collect(),
            label,
            title: clause.title.clone(),
            text,
            commentary,
            source: slot.source,
            clause: Arc::clone(clause),
        }
    }

    fn paragraph(
        &mut self,
        p: &Paragraph,
        k: u32,
        numbered: bool,
        lang: Lang,
        style: DigitStyle,
        show_options: bool,
    ) -> RParagraph {
        RParagraph {
            number: if numbered {
                digits(&k.to_string(), style, lang)
            } else {
                String::new()
            },
            index: k,
            option: if show_options {
                p.option.as_ref().map(|o| option_label(lang, o))
            } else {
                None
            },
            pieces: self.sentence(&p.text, lang, style, true),
            points: self.points(&p.points, lang, style, 0),
        }
    }

    fn points(
        &mut self,
        points: &[Point],
        lang: Lang,
        style: DigitStyle,
        depth: usize,
    ) -> Vec<RPoint> {
        points
            .iter()
            .enumerate()
            .map(|(i, p)| RPoint {
                label: digits(&point_label(lang, i, depth), style, lang),
                pieces: self.pieces(&p.text, lang, style, true),
                points: self.points(&p.points, lang, style, depth + 1),
            })
            .collect()
    }

    fn pieces(
        &mut self,
        inlines: &[Inline],
        lang: Lang,
        style: DigitStyle,
        law_text: bool,
    ) -> Vec<Piece> {
        let mut out = Vec::new();
        for i in inlines {
            match i {
                Inline::Text { text } => out.push(Piece::Text(digits(text, style, lang))),
                Inline::Ref { id, origin } => {
                    out.push(self.reference(id, origin, lang, style, law_text))
                }
                Inline::Var { name, origin } => {
                    let piece = self.variable(name, origin, lang, style);
                    if let (Some(Piece::Text(before)), Piece::Term(term, _)) = (out.last(), &piece)
                        && let Some(article) = doubled_article(before, term, lang)
                    {
                        self.diags.push(
                            Diagnostic::warning(
                                "doubled-article",
                                origin,
                                format!(
                                    "“{article} {term}”: {} writes {{{{ {name} }}}} in {} with its article already",
                                    self.cname,
                                    lang.english_name()
                                ),
                            )
                            .with_len(name.len() + 6)
                            .with_hint(format!(
                                "remove “{article}” before {{{{ {name} }}}} (a term that opens a sentence takes its capital by itself)"
                            )),
                        );
                    }
                    out.push(piece);
                }
            }
        }
        out
    }

    /// As [`Self::pieces`], for text that opens with a sentence (a paragraph, commentary).
    fn sentence(
        &mut self,
        inlines: &[Inline],
        lang: Lang,
        style: DigitStyle,
        law_text: bool,
    ) -> Vec<Piece> {
        let mut out = self.pieces(inlines, lang, style, law_text);
        capitalise_terms(&mut out, lang, true);
        out
    }

    fn reference(
        &mut self,
        id: &ClauseId,
        origin: &Origin,
        lang: Lang,
        style: DigitStyle,
        law_text: bool,
    ) -> Piece {
        if let Some((n, annex)) = self.numbers.get(id) {
            return Piece::Ref(
                ref_label(lang, &digits(&n.to_string(), style, lang), *annex),
                id.clone(),
            );
        }
        if let Some(o) = self.omitted.get(id) {
            if law_text
                && self
                    .reported
                    .insert((lang, format!("ref:{id}:{}:{}", origin.file, origin.offset)))
            {
                self.diags.push(
                    Diagnostic::error("reference-to-omitted", origin, format!("this text refers to `{id}`, which {} omits", self.cname))
                        .with_hint(format!(
                            "replace this article in {} too (variant/clauses/<id>.md) without the reference, or keep `{id}`",
                            o.origin.file.rsplit_once('/').map_or("the variant folder", |(d, _)| d)
                        )),
                );
            }
            return Piece::Placeholder(format!("[{id}]"));
        }
        if !self.known.contains(id) {
            // Reported by validate (unknown-reference); keep the text visible.
            return Piece::Placeholder(format!("[[{id}]]"));
        }
        Piece::Placeholder(format!("[{id}]"))
    }

    fn variable(&mut self, name: &str, origin: &Origin, lang: Lang, style: DigitStyle) -> Piece {
        let Some(country) = self.country else {
            let desc = self
                .law
                .variables
                .get(name)
                .and_then(|v| {
                    v.description
                        .get(&lang)
                        .or_else(|| v.description.get(&Lang::En))
                })
                .map(|d| d.split(" (").next().unwrap_or(d).trim().to_string())
                .unwrap_or_else(|| name.to_string());
            return Piece::Placeholder(format!("[{}]", digits(&desc, style, lang)));
        };
        match country.term(lang, name) {
            Some(t) if !t.trim().is_empty() => {
                Piece::Term(digits(t, style, lang), name.to_string())
            }
            _ => {
                if self.law.variables.contains_key(name)
                    && self.reported.insert((lang, name.to_string()))
                {
                    self.diags.push(
                        Diagnostic::error(
                            "undefined-variable",
                            origin,
                            format!(
                                "{} does not define {{{{ {name} }}}} in {}",
                                self.cname,
                                lang.english_name()
                            ),
                        )
                        .with_len(name.len() + 6)
                        .with_hint(format!(
                            "add `{name} = \"…\"` under [terms.{}] in countries/{}/country.toml",
                            lang.code(),
                            country.code
                        )),
                    );
                }
                Piece::Placeholder(format!("[{name}]"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_written_as_each_language_writes_them() {
        assert_eq!(ref_label(Lang::Ar, "12", false), "المادة (12)");
        assert_eq!(ref_label(Lang::En, "12", false), "Article 12");
        assert_eq!(ref_label(Lang::Fr, "12", false), "l'article 12");
        assert_eq!(ref_label(Lang::En, "3", true), "Article 3 of the Annex");
    }

    #[test]
    fn arabic_indic_digits_apply_to_arabic_text_only() {
        assert_eq!(
            digits("المادة (12)", DigitStyle::Arab, Lang::Ar),
            "المادة (١٢)"
        );
        assert_eq!(
            digits("Article 12", DigitStyle::Arab, Lang::En),
            "Article 12"
        );
        assert_eq!(
            digits("المادة (12)", DigitStyle::Latn, Lang::Ar),
            "المادة (12)"
        );
    }

    #[test]
    fn an_article_before_a_term_that_has_one_is_found() {
        let the = |b, t, l| doubled_article(b, t, l);
        assert_eq!(the("1. The ", "the Fund", Lang::En).as_deref(), Some("The"));
        assert_eq!(
            the("under the ", "the Fund", Lang::En).as_deref(),
            Some("the")
        );
        assert_eq!(the("under ", "the Fund", Lang::En), None);
        assert_eq!(the("bathe ", "the Fund", Lang::En), None);
        assert_eq!(the("the", "the Fund", Lang::En), None, "no space: one word");
        assert_eq!(
            the("saisit la ", "la commission", Lang::Fr).as_deref(),
            Some("la")
        );
        assert_eq!(the("de l'", "l'Instance", Lang::Fr).as_deref(), Some("l'"));
        assert_eq!(the("de la ", "Commission", Lang::Fr), None);
        assert_eq!(the("تتولى ", "اللجنة", Lang::Ar), None);
    }

    #[test]
    fn terms_opening_a_sentence_take_a_capital() {
        let mut p = vec![
            Piece::Term("la Commission".into(), "x".into()),
            Piece::Text(" publie. ".into()),
            Piece::Term("le ministère".into(), "x".into()),
            Piece::Text(" et ".into()),
            Piece::Term("la cour".into(), "x".into()),
        ];
        capitalise_terms(&mut p, Lang::Fr, true);
        let texts: Vec<&str> = p.iter().map(Piece::text).collect();
        assert_eq!(
            texts,
            vec![
                "La Commission",
                " publie. ",
                "Le ministère",
                " et ",
                "la cour"
            ]
        );
        let mut ar = vec![Piece::Term("اللجنة".into(), "x".into())];
        capitalise_terms(&mut ar, Lang::Ar, true);
        assert_eq!(ar[0].text(), "اللجنة");
    }

    #[test]
    fn chapter_labels_use_arabic_ordinals() {
        assert_eq!(part_label(Lang::Ar, "3", false), "الفصل الثالث");
        assert_eq!(part_label(Lang::Ar, "٣", false), "الفصل الثالث");
        assert_eq!(part_label(Lang::En, "3", false), "Chapter 3");
    }
}
