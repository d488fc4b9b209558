//! The view of a variant as an Akoma Ntoso 3.0 document (OASIS LegalDocML), for the template
//! `akn.xml.tera`: one expression (language) of the model law (`act`) or of a country's
//! variant (`bill`). Everything the XML needs that is not plain text is computed here: FRBR
//! URIs, `eId`s by the AKN naming convention, `wId`s that keep the model's clause ids, the
//! targets of references and the TLC entries. The template only lays it out, and escapes every
//! value as XML text. docs/akn.md explains the choices.

use crate::model::{ClauseId, Country, InstrumentRef, Lang, Law, pick};
use crate::variant::{self, Piece, RParagraph, RPoint, VArticle, Variant};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The AKN jurisdiction of the model law, which belongs to no country: `xa`, a code ISO 3166-1
/// leaves to its users (XA–XZ), so it can never clash with a real country.
pub const MODEL_JURISDICTION: &str = "xa";

/// A run of an article's text and how it is marked up: `text`, `ref` (to `href`), `term`
/// (refers to `href`), `placeholder`, or `cite` (a reference to an instrument).
#[derive(Debug, Clone)]
pub struct AknRun {
    pub kind: &'static str,
    pub text: String,
    pub href: String,
}

/// Runs as AKN inline markup, every text and attribute escaped: written here rather than by a
/// template component, which Tera would call once per paragraph (a third of the render).
fn inline_xml(runs: &[AknRun]) -> String {
    let esc = super::escape::xml_string;
    let mut out = String::new();
    for r in runs {
        match r.kind {
            "ref" | "cite" => out.push_str(&format!(
                "<ref href=\"{}\">{}</ref>",
                esc(&r.href),
                esc(&r.text)
            )),
            "term" => out.push_str(&format!(
                "<term refersTo=\"{}\">{}</term>",
                esc(&r.href),
                esc(&r.text)
            )),
            "placeholder" => out.push_str(&format!("<placeholder>{}</placeholder>", esc(&r.text))),
            _ => out.push_str(&esc(&r.text)),
        }
    }
    out
}

/// One step of a paragraph's lists, in document order: points nest to any depth, which a
/// template writes by walking this sequence instead of recursing.
#[derive(Debug, Clone, Serialize)]
pub struct AknItem {
    /// `list` (opens `<list eId>`), `intro` (the text before the points), `leaf` (a point
    /// without sub-points), `branch` (opens a point that has sub-points: a `list` follows),
    /// `end_list`, `end_point`.
    pub tag: &'static str,
    pub eid: String,
    pub num: String,
    /// The text as AKN inline markup (escaped).
    pub runs: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AknParagraph {
    pub eid: String,
    /// The paragraph's number as printed (empty for an unnumbered paragraph).
    pub num: String,
    /// "Option A" when the model law offers this wording as one alternative.
    pub heading: String,
    /// Its text, when it has no points, as AKN inline markup (escaped).
    pub runs: String,
    /// Its text and points as lists, when it has points.
    pub items: Vec<AknItem>,
}

/// A note attached to an article: the drafters' commentary or its instrument citations.
#[derive(Debug, Clone, Serialize)]
pub struct AknNote {
    pub eid: String,
    /// `commentary` or `instruments`.
    pub class: &'static str,
    pub marker: &'static str,
    /// The note's language when it differs from the document's, else empty.
    pub lang: &'static str,
    /// Its paragraphs as AKN inline markup (escaped).
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AknArticle {
    pub eid: String,
    /// `art_<clause id>`: stays the same when the article is renumbered.
    pub wid: String,
    pub num: String,
    pub heading: String,
    /// The language of the text when the article is shown in a fallback language, else empty.
    pub lang: &'static str,
    /// A single unnumbered paragraph without points, written as the article's `content`
    /// (AKN inline markup, escaped).
    pub content: Option<String>,
    pub paragraphs: Vec<AknParagraph>,
    pub notes: Vec<AknNote>,
    /// `model`, `replaced` or `added` (as `class`, for systems that show the origin).
    pub source: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct AknPart {
    pub eid: String,
    pub wid: String,
    pub num: String,
    pub heading: String,
    pub articles: Vec<AknArticle>,
}

/// An annex, as an `attachment` holding a `doc` of its own with its own numbering.
#[derive(Debug, Clone, Serialize)]
pub struct AknAnnex {
    pub eid: String,
    pub name: String,
    pub num: String,
    pub heading: String,
    pub frbr: Frbr,
    pub articles: Vec<AknArticle>,
}

/// A TLC entry of `<references>`.
#[derive(Debug, Clone, Serialize)]
pub struct AknTlc {
    pub eid: String,
    pub href: String,
    pub show_as: String,
}

/// A deviation of the variant from the model law, as a `note` of the metadata.
#[derive(Debug, Clone, Serialize)]
pub struct AknDeviation {
    pub eid: String,
    /// `omitted`, `replaced`, `added` or `option`.
    pub class: &'static str,
    /// The model clause it concerns.
    pub clause: String,
    pub text: String,
    pub note: String,
    /// The language of `note` when it differs from the document's, else empty.
    pub note_lang: &'static str,
}

/// The FRBR identity of one expression, by the AKN naming convention.
#[derive(Debug, Clone, Serialize)]
pub struct Frbr {
    pub work_this: String,
    pub work_uri: String,
    pub expression_this: String,
    pub expression_uri: String,
    pub manifestation_this: String,
    pub manifestation_uri: String,
}

impl Frbr {
    /// `work` is `/akn/<jurisdiction>/<type>/<date>/<name>`; `component` is `main` or an
    /// annex's name.
    fn new(work: &str, lang3: &str, version: &str, component: &str) -> Frbr {
        let expression = format!("{work}/{lang3}@{version}");
        Frbr {
            work_this: format!("{work}/!{component}"),
            work_uri: work.to_string(),
            expression_this: format!("{expression}/!{component}"),
            expression_uri: expression.clone(),
            manifestation_this: format!("{expression}/!{component}.xml"),
            manifestation_uri: format!("{expression}.akn"),
        }
    }
}

/// Everything `akn.xml.tera` needs.
#[derive(Debug, Clone, Serialize)]
pub struct AknView {
    /// `act` (the model law) or `bill` (a country's variant).
    pub doc_type: &'static str,
    pub name: String,
    pub lang: &'static str,
    /// ISO 639-2 code, as AKN names languages (`ara`, `eng`, `fra`).
    pub lang3: &'static str,
    pub jurisdiction: String,
    pub title: String,
    pub author: String,
    pub country: String,
    pub date: String,
    /// The FRBR name of `date`: `adoption` for the model law, `draft` for a bill.
    pub date_name: &'static str,
    pub version: String,
    pub frbr: Frbr,
    pub instruments: Vec<AknTlc>,
    pub terms: Vec<AknTlc>,
    pub deviations: Vec<AknDeviation>,
    /// The colon before a deviation's reason, in the document's language.
    pub colon: &'static str,
    pub chapters: Vec<AknPart>,
    pub annexes: Vec<AknAnnex>,
}

/// The ISO 639-2 code AKN uses for a language.
pub fn lang3(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "ara",
        Lang::En => "eng",
        Lang::Fr => "fra",
    }
}

/// Builds the AKN view of `variant` in `lang`; articles lacking `lang` fall back to
/// `fallback` (marked with their language). `commentary` keeps the drafters' commentary.
pub fn akn_view(
    law: &Law,
    country: Option<&Country>,
    variant: &Variant,
    lang: Lang,
    fallback: Option<Lang>,
    commentary: bool,
) -> AknView {
    let jurisdiction = country.map_or(MODEL_JURISDICTION.to_string(), |c| c.code.clone());
    let doc_type = if country.is_some() { "bill" } else { "act" };
    let name = law.id.clone();
    let work = format!("/akn/{jurisdiction}/{doc_type}/{}/{name}", law.date);
    let l3 = lang3(lang);
    let frbr = Frbr::new(&work, l3, &law.version, "main");

    // Where each article is: its eId, in the body or in an annex (an attachment).
    let mut eids: BTreeMap<ClauseId, String> = BTreeMap::new();
    let (mut chapter_no, mut annex_no) = (0, 0);
    for part in variant.parts.iter().filter(|p| !p.articles.is_empty()) {
        let prefix = if part.annex {
            annex_no += 1;
            format!("att_{annex_no}__")
        } else {
            chapter_no += 1;
            format!("chp_{chapter_no}__")
        };
        for a in &part.articles {
            eids.insert(a.id.clone(), format!("{prefix}art_{}", a.number));
        }
    }
    let mut ctx = Ctx {
        law,
        lang,
        eids: &eids,
        terms: BTreeSet::new(),
        commentary,
    };

    let (mut chapters, mut annexes) = (Vec::new(), Vec::new());
    let (mut chapter_no, mut annex_no) = (0, 0);
    for part in variant.parts.iter().filter(|p| !p.articles.is_empty()) {
        let num = part.label.get(&lang).cloned().unwrap_or_default();
        let heading = pick(&part.title, lang).cloned().unwrap_or_default();
        let articles: Vec<AknArticle> = part
            .articles
            .iter()
            .map(|a| ctx.article(a, fallback))
            .collect();
        if part.annex {
            annex_no += 1;
            annexes.push(AknAnnex {
                eid: format!("att_{annex_no}"),
                name: part.id.clone(),
                num,
                heading,
                frbr: Frbr::new(&work, l3, &law.version, &format!("annex_{annex_no}")),
                articles,
            });
        } else {
            chapter_no += 1;
            chapters.push(AknPart {
                eid: format!("chp_{chapter_no}"),
                wid: format!("chp_{}", part.id),
                num,
                heading,
                articles,
            });
        }
    }

    let cited: BTreeSet<&str> = variant
        .articles()
        .flat_map(|a| a.clause.instruments.iter().map(|r| r.instrument.as_str()))
        .collect();
    let instruments = law
        .instruments
        .iter()
        .filter(|i| cited.contains(i.id.as_str()))
        .map(|i| AknTlc {
            eid: format!("ref_{}", i.id),
            href: instrument_uri(&i.id),
            show_as: pick(&i.name, lang).cloned().unwrap_or_else(|| i.id.clone()),
        })
        .collect();
    let terms = ctx
        .terms
        .iter()
        .map(|name| AknTlc {
            eid: format!("term_{name}"),
            href: format!("/ontology/term/qanun/{name}"),
            show_as: country
                .and_then(|c| c.term(lang, name))
                .map(str::to_string)
                .unwrap_or_else(|| name.clone()),
        })
        .collect();
    let deviations = variant
        .deviations
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let v = super::view::deviation_view(d, variant, lang);
            let clause = match d {
                variant::Deviation::Omitted { clause, .. }
                | variant::Deviation::Replaced { clause }
                | variant::Deviation::Added { clause, .. }
                | variant::Deviation::Option { clause, .. } => clause.to_string(),
            };
            AknDeviation {
                eid: format!("dvn_{}", i + 1),
                class: v.kind,
                clause,
                text: v.text,
                note_lang: if v.note_lang == lang.code() {
                    ""
                } else {
                    v.note_lang
                },
                note: v.note,
            }
        })
        .collect();

    AknView {
        doc_type,
        name,
        lang: lang.code(),
        lang3: l3,
        jurisdiction,
        title: pick(&law.title, lang).cloned().unwrap_or_default(),
        author: pick(&law.author, lang).cloned().unwrap_or_default(),
        country: country
            .map(|c| {
                pick(&c.name, lang)
                    .cloned()
                    .unwrap_or_else(|| c.code.clone())
            })
            .unwrap_or_default(),
        date: law.date.clone(),
        date_name: if country.is_some() {
            "draft"
        } else {
            "adoption"
        },
        version: law.version.clone(),
        frbr,
        instruments,
        terms,
        deviations,
        colon: super::view::Labels::for_lang(lang).colon,
        chapters,
        annexes,
    }
}

/// The URI qanun gives an instrument (a TLCReference's `href`; a citation adds the cited
/// article as the fragment). Documented in docs/akn.md.
pub fn instrument_uri(id: &str) -> String {
    format!("/ontology/instrument/qanun/{id}")
}

/// A citation's fragment by the naming convention: `palermo:6(3)(d)` → `art_6__para_3__point_d`.
fn citation_fragment(r: &InstrumentRef) -> String {
    let mut out = format!("art_{}", r.article);
    for (i, p) in r.paragraphs.iter().enumerate() {
        let kind = if i == 0 && p.chars().all(|c| c.is_ascii_digit()) {
            "para"
        } else {
            "point"
        };
        out.push_str(&format!("__{kind}_{p}"));
    }
    out
}

/// The eId letter of the n-th point (0-based): a … z, then aa, ab, …, whatever letters or
/// numerals the text prints, so that eIds are the same in every language.
fn point_letter(n: usize) -> String {
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    if n < 26 {
        (letters[n] as char).to_string()
    } else {
        format!("{}{}", point_letter(n / 26 - 1), letters[n % 26] as char)
    }
}

struct Ctx<'a> {
    law: &'a Law,
    lang: Lang,
    eids: &'a BTreeMap<ClauseId, String>,
    /// The variables whose terms appear, for `TLCTerm`s.
    terms: BTreeSet<String>,
    commentary: bool,
}

impl Ctx<'_> {
    fn runs(&mut self, pieces: &[Piece]) -> Vec<AknRun> {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => AknRun {
                    kind: "text",
                    text: t.clone(),
                    href: String::new(),
                },
                Piece::Ref(t, id) => match self.eids.get(id) {
                    Some(eid) => AknRun {
                        kind: "ref",
                        text: t.clone(),
                        href: format!("#{eid}"),
                    },
                    None => AknRun {
                        kind: "text",
                        text: t.clone(),
                        href: String::new(),
                    },
                },
                Piece::Term(t, name) => {
                    self.terms.insert(name.clone());
                    AknRun {
                        kind: "term",
                        text: t.clone(),
                        href: format!("#term_{name}"),
                    }
                }
                Piece::Placeholder(t) => AknRun {
                    kind: "placeholder",
                    text: t.clone(),
                    href: String::new(),
                },
            })
            .collect()
    }

    fn article(&mut self, a: &VArticle, fallback: Option<Lang>) -> AknArticle {
        let lang = self.lang;
        let eid = self.eids.get(&a.id).cloned().unwrap_or_default();
        let text_lang = match fallback {
            Some(f) if !a.text.contains_key(&lang) => f,
            _ => lang,
        };
        let paras: &[RParagraph] = a.text.get(&text_lang).map_or(&[], Vec::as_slice);
        let single = match paras {
            [p] if p.number.is_empty() && p.points.is_empty() && p.option.is_none() => {
                Some(self.runs(&p.pieces))
            }
            _ => None,
        };
        let paragraphs = if single.is_some() {
            Vec::new()
        } else {
            paras
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let peid = format!("{eid}__para_{}", i + 1);
                    let runs = self.runs(&p.pieces);
                    let mut items = Vec::new();
                    if !p.points.is_empty() {
                        self.list(&runs, &p.points, &peid, &mut items);
                    }
                    AknParagraph {
                        runs: if items.is_empty() {
                            inline_xml(&runs)
                        } else {
                            String::new()
                        },
                        items,
                        num: p.number.clone(),
                        heading: p.option.clone().unwrap_or_default(),
                        eid: peid,
                    }
                })
                .collect()
        };
        let mut notes = Vec::new();
        if !a.clause.instruments.is_empty() {
            let cites = a
                .clause
                .instruments
                .iter()
                .map(|r| AknRun {
                    kind: "cite",
                    text: super::packet::citation_text(self.law, lang, r),
                    href: format!("{}#{}", instrument_uri(&r.instrument), citation_fragment(r)),
                })
                .collect::<Vec<_>>();
            notes.push(AknNote {
                eid: format!("{eid}__authorialNote_1"),
                class: "instruments",
                marker: "†",
                lang: "",
                paragraphs: cites
                    .iter()
                    .map(|c| inline_xml(std::slice::from_ref(c)))
                    .collect(),
            });
        }
        if self.commentary {
            let commentary_lang = match fallback {
                Some(f) if !a.commentary.contains_key(&lang) && a.commentary.contains_key(&f) => f,
                _ => lang,
            };
            if let Some(c) = a.commentary.get(&commentary_lang).filter(|c| !c.is_empty()) {
                let paragraphs = c.iter().map(|p| inline_xml(&self.runs(p))).collect();
                notes.push(AknNote {
                    eid: format!("{eid}__authorialNote_{}", notes.len() + 1),
                    class: "commentary",
                    marker: "*",
                    lang: if commentary_lang == lang {
                        ""
                    } else {
                        commentary_lang.code()
                    },
                    paragraphs,
                });
            }
        }
        AknArticle {
            wid: format!("art_{}", a.id),
            num: a.label.get(&lang).cloned().unwrap_or_default(),
            heading: pick(&a.title, lang).cloned().unwrap_or_default(),
            lang: if text_lang == lang {
                ""
            } else {
                text_lang.code()
            },
            content: single.map(|r| inline_xml(&r)),
            paragraphs,
            notes,
            source: match a.source {
                variant::ArticleSource::Model => "model",
                variant::ArticleSource::Replaced => "replaced",
                variant::ArticleSource::Added => "added",
            },
            eid,
        }
    }

    /// Appends the list of `points` (introduced by `intro`) under `parent` to `out`.
    fn list(&mut self, intro: &[AknRun], points: &[RPoint], parent: &str, out: &mut Vec<AknItem>) {
        let leid = format!("{parent}__list_1");
        let item = |tag, eid: &str, num: &str, runs: Vec<AknRun>| AknItem {
            tag,
            eid: eid.to_string(),
            num: num.to_string(),
            runs: inline_xml(&runs),
        };
        out.push(item("list", &leid, "", Vec::new()));
        if intro.iter().any(|r| !r.text.trim().is_empty()) {
            out.push(item("intro", "", "", intro.to_vec()));
        }
        for (i, p) in points.iter().enumerate() {
            let peid = format!("{leid}__point_{}", point_letter(i));
            let runs = self.runs(&p.pieces);
            if p.points.is_empty() {
                out.push(item("leaf", &peid, &p.label, runs));
            } else {
                out.push(item("branch", &peid, &p.label, Vec::new()));
                self.list(&runs, &p.points, &peid, out);
                out.push(item("end_point", "", "", Vec::new()));
            }
        }
        out.push(item("end_list", "", "", Vec::new()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    #[test]
    fn point_letters_continue_past_z() {
        assert_eq!(point_letter(0), "a");
        assert_eq!(point_letter(25), "z");
        assert_eq!(point_letter(26), "aa");
        assert_eq!(point_letter(27), "ab");
    }

    #[test]
    fn citations_name_the_cited_part_in_the_fragment() {
        let r = InstrumentRef::parse("palermo:6(3)(d)", Origin::new("", 0)).unwrap();
        assert_eq!(citation_fragment(&r), "art_6__para_3__point_d");
        let r = InstrumentRef::parse("palermo:3(a)", Origin::new("", 0)).unwrap();
        assert_eq!(citation_fragment(&r), "art_3__point_a");
    }
}
