//! View structs for templates: plain, serialisable, built for display from a [`Variant`].
//! Templates see these, never the domain model, so they can change without touching the model.

use crate::model::{Country, Lang, Law, pick};
use crate::text::bidi::split_ltr_numbers;
use crate::variant::{Deviation, Piece, RParagraph, RPoint, VArticle, Variant};
use serde::Serialize;

/// A run of text with how to show it: `text`, `ref`, `term`, `placeholder`, or `ltr` (a number
/// group to isolate left to right inside Arabic).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Run {
    pub kind: &'static str,
    pub text: String,
    /// For a `ref`: the Word bookmark of the article it points at ([`bookmark`]).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub target: String,
}

/// The name of the bookmark that marks an article in a Word document: `art_` and the clause
/// id, with `_` for `-` (Word allows letters, digits and `_`, at most 40 characters).
pub fn bookmark(id: &str) -> String {
    let name: String = format!("art_{id}")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    name.chars().take(40).collect()
}

/// Turns resolved pieces into runs; in Arabic, hyphenated numbers become `ltr` runs.
pub fn runs(pieces: &[Piece], lang: Lang) -> Vec<Run> {
    let mut out = Vec::new();
    for p in pieces {
        let kind = match p {
            Piece::Text(_) => "text",
            Piece::Ref(..) => "ref",
            Piece::Term(..) => "term",
            Piece::Placeholder(_) => "placeholder",
        };
        let target = match p {
            Piece::Ref(_, id) => bookmark(id.as_str()),
            _ => String::new(),
        };
        if lang.is_rtl() {
            for (ltr, s) in split_ltr_numbers(p.text()) {
                out.push(Run {
                    kind: if ltr { "ltr" } else { kind },
                    text: s.to_string(),
                    target: target.clone(),
                });
            }
        } else {
            out.push(Run {
                kind,
                text: p.text().to_string(),
                target,
            });
        }
    }
    out
}

#[derive(Debug, Clone, Serialize)]
pub struct PointView {
    pub label: String,
    pub runs: Vec<Run>,
    pub points: Vec<PointView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParagraphView {
    pub number: String,
    pub option: Option<String>,
    pub runs: Vec<Run>,
    pub points: Vec<PointView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    pub id: String,
    pub anchor: String,
    /// The article's bookmark in a Word document ([`bookmark`]).
    pub bookmark: String,
    pub label: String,
    pub title: String,
    pub mandatory: bool,
    /// Set when the article is shown in another language because it lacks this one.
    pub fallback: Option<String>,
    /// The language (`ar`, `en`, `fr`) its text is shown in.
    pub text_lang: &'static str,
    pub paragraphs: Vec<ParagraphView>,
    pub commentary: Vec<Vec<Run>>,
    /// Set ("in English", in the output's language) when the commentary is shown in the
    /// fallback language because it is not written in this one.
    pub commentary_fallback: Option<String>,
    /// The language (`ar`, `en`, `fr`) and direction of the commentary shown.
    pub commentary_lang: &'static str,
    pub commentary_dir: &'static str,
    pub instruments: Vec<String>,
    pub source: &'static str,
    /// Review comments on the article (`reviews/`), shown by the HTML output.
    pub comments: Vec<crate::review::ReviewComment>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartView {
    pub id: String,
    pub label: String,
    pub title: String,
    pub annex: bool,
    pub articles: Vec<ArticleView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeviationView {
    pub kind: &'static str,
    /// What changed, naming the article.
    pub text: String,
    /// Why (an omission's reason), or empty.
    pub note: String,
    /// The language of `note` (`ar`, `en`, `fr`), which may differ from the output's.
    pub note_lang: &'static str,
    /// `rtl` or `ltr`: the direction of `note`.
    pub note_dir: &'static str,
}

impl LawView {
    /// Attaches review comments to the articles they are anchored to.
    pub fn attach_comments(&mut self, comments: &[crate::review::ReviewComment]) {
        for a in self.parts.iter_mut().flat_map(|p| p.articles.iter_mut()) {
            a.comments = comments
                .iter()
                .filter(|c| c.clause == a.id)
                .cloned()
                .collect();
        }
    }
}

/// Words of the interface in the output's language.
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    pub version: &'static str,
    pub date: &'static str,
    pub country: &'static str,
    pub model: &'static str,
    pub deviations: &'static str,
    pub no_deviations: &'static str,
    /// The colon after a label or before what a statement introduces (a deviation's reason):
    /// after a no-break space in French. Templates put the space after it.
    pub colon: &'static str,
    pub placeholder_note: &'static str,
    pub contents: &'static str,
    pub commentary: &'static str,
    pub mandatory: &'static str,
    pub optional: &'static str,
    pub instruments: &'static str,
}

impl Labels {
    pub fn for_lang(lang: Lang) -> Labels {
        match lang {
            Lang::Ar => Labels {
                version: "الإصدار",
                date: "التاريخ",
                country: "الدولة",
                model: "القانون النموذجي (دون تكييف)",
                deviations: "الفروق عن القانون النموذجي",
                no_deviations: "لا فروق عن القانون النموذجي.",
                colon: ":",
                placeholder_note: "العبارات بين معقوفين تملؤها كل دولة.",
                contents: "المحتويات",
                commentary: "شرح واضعي النص",
                mandatory: "إلزامية",
                optional: "اختيارية",
                instruments: "الصكوك الدولية",
            },
            Lang::En => Labels {
                version: "Version",
                date: "Date",
                country: "Country",
                model: "Model law (unadapted)",
                deviations: "Differences from the model law",
                no_deviations: "No differences from the model law.",
                colon: ":",
                placeholder_note: "Words in square brackets are filled in by each country.",
                contents: "Contents",
                commentary: "Drafters' commentary",
                mandatory: "mandatory",
                optional: "optional",
                instruments: "International instruments",
            },
            Lang::Fr => Labels {
                version: "Version",
                date: "Date",
                country: "Pays",
                model: "Loi type (non adaptée)",
                deviations: "Différences avec la loi type",
                no_deviations: "Aucune différence avec la loi type.",
                colon: "\u{a0}:",
                placeholder_note: "Les mots entre crochets sont à compléter par chaque pays.",
                contents: "Table des matières",
                commentary: "Commentaire des rédacteurs",
                mandatory: "obligatoire",
                optional: "facultatif",
                instruments: "Instruments internationaux",
            },
        }
    }
}

/// Everything a law template needs.
#[derive(Debug, Clone, Serialize)]
pub struct LawView {
    pub lang: &'static str,
    pub dir: &'static str,
    pub rtl: bool,
    pub title: String,
    pub author: String,
    pub version: String,
    pub date: String,
    pub country: String,
    pub country_code: String,
    pub is_model: bool,
    pub digits_arab: bool,
    /// Typst numbering pattern for pages ("1" or "١").
    pub page_numbering: &'static str,
    pub labels: Labels,
    pub parts: Vec<PartView>,
    pub deviations: Vec<DeviationView>,
}

/// Builds the view of a variant in `lang` (articles lacking `lang` fall back to `fallback`).
pub fn law_view(
    law: &Law,
    country: Option<&Country>,
    variant: &Variant,
    lang: Lang,
    fallback: Option<Lang>,
) -> LawView {
    let labels = Labels::for_lang(lang);
    let digits = |s: &str| {
        crate::variant::digits(s, country.map_or_else(Default::default, |c| c.digits), lang)
    };
    LawView {
        lang: lang.code(),
        dir: lang.dir(),
        rtl: lang.is_rtl(),
        title: pick(&law.title, lang).cloned().unwrap_or_default(),
        author: pick(&law.author, lang).cloned().unwrap_or_default(),
        version: digits(&law.version),
        date: digits(&law.date),
        country: match country {
            Some(c) => pick(&c.name, lang)
                .cloned()
                .unwrap_or_else(|| c.code.clone()),
            None => labels.model.to_string(),
        },
        country_code: variant.country.clone(),
        is_model: country.is_none(),
        digits_arab: variant.digits_arab && lang == Lang::Ar,
        page_numbering: if variant.digits_arab && lang == Lang::Ar {
            "١"
        } else {
            "1"
        },
        parts: variant
            .parts
            .iter()
            .filter(|p| !p.articles.is_empty())
            .map(|p| PartView {
                id: p.id.clone(),
                label: p.label.get(&lang).cloned().unwrap_or_default(),
                title: pick(&p.title, lang).cloned().unwrap_or_default(),
                annex: p.annex,
                articles: p
                    .articles
                    .iter()
                    .map(|a| article_view(a, lang, fallback, &labels))
                    .collect(),
            })
            .collect(),
        deviations: variant
            .deviations
            .iter()
            .map(|d| deviation_view(d, variant, lang))
            .collect(),
        labels,
    }
}

fn article_view(a: &VArticle, lang: Lang, fallback: Option<Lang>, _labels: &Labels) -> ArticleView {
    let (text_lang, used_fallback) = match (a.text.contains_key(&lang), fallback) {
        (true, _) | (false, None) => (lang, None),
        (false, Some(f)) => (f, Some(f.native_name().to_string())),
    };
    let commentary_lang = match fallback {
        Some(f) if !a.commentary.contains_key(&lang) && a.commentary.contains_key(&f) => f,
        _ => lang,
    };
    ArticleView {
        id: a.id.to_string(),
        anchor: format!("art-{}", a.id),
        bookmark: bookmark(a.id.as_str()),
        label: a.label.get(&lang).cloned().unwrap_or_default(),
        title: pick(&a.title, lang).cloned().unwrap_or_default(),
        mandatory: a.status == crate::model::Status::Mandatory,
        fallback: used_fallback,
        text_lang: text_lang.code(),
        paragraphs: a
            .text
            .get(&text_lang)
            .map(|ps| ps.iter().map(|p| paragraph_view(p, text_lang)).collect())
            .unwrap_or_default(),
        commentary: a
            .commentary
            .get(&commentary_lang)
            .map(|c| c.iter().map(|p| runs(p, commentary_lang)).collect())
            .unwrap_or_default(),
        commentary_fallback: (commentary_lang != lang).then(|| written_in(commentary_lang, lang)),
        commentary_lang: commentary_lang.code(),
        commentary_dir: commentary_lang.dir(),
        instruments: a.instruments.clone(),
        comments: Vec::new(),
        source: match a.source {
            crate::variant::ArticleSource::Model => "model",
            crate::variant::ArticleSource::Replaced => "replaced",
            crate::variant::ArticleSource::Added => "added",
        },
    }
}

fn paragraph_view(p: &RParagraph, lang: Lang) -> ParagraphView {
    ParagraphView {
        number: p.number.clone(),
        option: p.option.clone(),
        runs: runs(&p.pieces, lang),
        points: p.points.iter().map(|x| point_view(x, lang)).collect(),
    }
}

fn point_view(p: &RPoint, lang: Lang) -> PointView {
    PointView {
        label: p.label.clone(),
        runs: runs(&p.pieces, lang),
        points: p.points.iter().map(|x| point_view(x, lang)).collect(),
    }
}

/// "in English", "بالإنجليزية", "en anglais": the language `shown` named in the reader's.
pub(crate) fn written_in(shown: Lang, reader: Lang) -> String {
    match (reader, shown) {
        (Lang::Ar, Lang::Ar) => "بالعربية",
        (Lang::Ar, Lang::En) => "بالإنجليزية",
        (Lang::Ar, Lang::Fr) => "بالفرنسية",
        (Lang::En, Lang::Ar) => "in Arabic",
        (Lang::En, Lang::En) => "in English",
        (Lang::En, Lang::Fr) => "in French",
        (Lang::Fr, Lang::Ar) => "en arabe",
        (Lang::Fr, Lang::En) => "en anglais",
        (Lang::Fr, Lang::Fr) => "en français",
    }
    .to_string()
}

/// A deviation in words, in the output's language. Articles are named as a reader finds
/// them (number and title), never by their clause id; an omission's reason follows as `note`,
/// in the output's language when it is written in it, or else in another with its own
/// language and direction so that the template can isolate it.
pub fn deviation_view(d: &Deviation, variant: &Variant, lang: Lang) -> DeviationView {
    let quote = |title: &str| match lang {
        Lang::Ar => format!("«{title}»"),
        Lang::En => format!("“{title}”"),
        Lang::Fr => format!("«\u{a0}{title}\u{a0}»"),
    };
    let named = |id: &crate::model::ClauseId| match variant.article(id.as_str()) {
        Some(a) => {
            let label = crate::variant::standalone_label(a, lang);
            match pick(&a.title, lang) {
                Some(t) if !t.is_empty() => format!("{label} {}", quote(t)),
                _ => label,
            }
        }
        None => quote(id.as_str()),
    };
    let (kind, text) = match d {
        Deviation::Omitted { clause, title, .. } => {
            let title = quote(pick(title, lang).map_or(clause.as_str(), String::as_str));
            let text = match lang {
                Lang::Ar => format!("حُذفت مادة القانون النموذجي {title}"),
                Lang::En => format!("Model-law article {title} omitted"),
                Lang::Fr => format!("Article {title} de la loi type omis"),
            };
            ("omitted", text)
        }
        Deviation::Replaced { clause } => {
            let article = named(clause);
            let text = match lang {
                Lang::Ar => format!("{article}: نص وطني بدل نص القانون النموذجي"),
                Lang::En => format!("{article}: a national text replaces the model text"),
                Lang::Fr => {
                    format!("{article}\u{a0}: un texte national remplace celui de la loi type")
                }
            };
            ("replaced", text)
        }
        Deviation::Added {
            clause,
            after,
            anchor,
        } => {
            let (article, anchor) = (named(clause), named(anchor));
            let text = match (lang, after) {
                (Lang::Ar, true) => format!("أُضيفت {article} بعد {anchor}"),
                (Lang::Ar, false) => format!("أُضيفت {article} قبل {anchor}"),
                (Lang::En, true) => format!("{article} added after {anchor}"),
                (Lang::En, false) => format!("{article} added before {anchor}"),
                (Lang::Fr, true) => format!("{article} ajouté après {anchor}"),
                (Lang::Fr, false) => format!("{article} ajouté avant {anchor}"),
            };
            ("added", text)
        }
        Deviation::Option { clause, option } => {
            let article = named(clause);
            let text = match lang {
                Lang::Ar => format!("{article}: اختير الخيار ({option})"),
                Lang::En => format!("{article}: option {option} chosen"),
                Lang::Fr => format!("{article}\u{a0}: option {option} retenue"),
            };
            ("option", text)
        }
    };
    let (note_lang, note) = match d {
        Deviation::Omitted { reason, .. } => crate::model::pick_with_lang(reason, lang)
            .map_or((lang, String::new()), |(l, r)| (l, r.clone())),
        _ => (lang, String::new()),
    };
    // An item with a reason ends with the reason's own full stop; one without ends here.
    let text = if note.is_empty() {
        format!("{text}.")
    } else {
        text
    };
    DeviationView {
        kind,
        text,
        note,
        note_lang: note_lang.code(),
        note_dir: note_lang.dir(),
    }
}
