//! Stage: compare. A country's variant of the model law × one of its national laws →
//! [`GapReport`]: which model provisions the national law has, has in part, or lacks.
//!
//! Pure: no I/O, no printing. Explicit `model:` mappings are trusted first; the remaining
//! national articles are aligned by text similarity (tf-idf cosine over normalised word terms
//! and character trigrams, see [`align`]); the best pairs get a word diff ([`worddiff`]); the
//! missing elements come from the model article's structure and curated checklists
//! ([`elements`]). [`coverage`] builds the regional matrix from several reports. The
//! displays under [`display`] only render; they never compute.

pub mod align;
pub mod concepts;
pub mod coverage;
pub mod display;
pub mod elements;
pub mod features;
pub mod region;
pub mod worddiff;

use crate::model::{
    ClauseId, Country, Lang, Law, Legislation, LegislationArticle, LegislationKind, NO_MODEL,
    Status, pick,
};
use crate::variant::{self, Piece, VArticle, Variant};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The themes the alliance follows on their own, in the order reports show them.
pub const PRIORITY_THEMES: [&str; 8] = [
    "early-marriage",
    "domestic-work",
    "non-punishment",
    "shelter",
    "referral",
    "re-trafficking",
    "identification",
    "children",
];

/// Weight of a mandatory provision in the coverage score (optional ones weigh 1).
pub const MANDATORY_WEIGHT: f64 = 2.0;
/// Credit of a partly covered provision in the coverage score (covered 1, missing 0).
pub const PARTIAL_CREDIT: f64 = 0.5;

/// How far the national legislation covers one model provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    Covered,
    Partial,
    /// Not found in a body of legislation that holds every article of every law in force:
    /// only complete official texts can show this.
    Missing,
    /// Not found in the available text, which is a summary or an extract: the law may have it
    /// in an article we did not read.
    NotVerified,
}

impl Coverage {
    /// The word used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Coverage::Covered => "covered",
            Coverage::Partial => "partial",
            Coverage::Missing => "missing",
            Coverage::NotVerified => "not-verified",
        }
    }

    /// The credit this status earns in the verified coverage score (what the text shows).
    pub fn credit(self) -> f64 {
        match self {
            Coverage::Covered => 1.0,
            Coverage::Partial => PARTIAL_CREDIT,
            Coverage::Missing | Coverage::NotVerified => 0.0,
        }
    }

    /// The most this provision can be worth once the unread articles are read: a provision
    /// not verified may be covered; in a text that is not complete, so may a partial one.
    pub fn credit_at_most(self, complete: bool) -> f64 {
        match self {
            Coverage::NotVerified => 1.0,
            Coverage::Partial if !complete => 1.0,
            s => s.credit(),
        }
    }

    /// Whether the provision is a verified gap: absent or incomplete in a text that can show it.
    pub fn is_gap(self) -> bool {
        matches!(self, Coverage::Partial | Coverage::Missing)
    }
}

/// Where a match comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchSource {
    /// A `model:` line of the legislation file.
    Explicit,
    /// Text similarity.
    Auto,
}

impl MatchSource {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchSource::Explicit => "explicit",
            MatchSource::Auto => "auto",
        }
    }
}

/// A national article matched to a model provision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// The national law's id.
    pub law: String,
    /// The national article's number, as the law writes it.
    pub article: String,
    /// Text similarity, 0 to 1 (computed for explicit matches too; 0 without a shared language).
    pub score: f64,
    pub source: MatchSource,
}

/// One piece of a word diff: text and whether the other side has it too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    /// True when the other side has these words too (after normalisation).
    pub same: bool,
}

/// The best pair of a provision, for side-by-side display.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub article: String,
    /// Whether an analyst's `model:` line or the alignment matched this article.
    pub source: MatchSource,
    /// The language of the national text shown.
    pub national_lang: Lang,
    /// The language of the model text shown.
    pub model_lang: Lang,
    pub national: Vec<Span>,
    pub model: Vec<Span>,
}

/// One model provision and what the national law has of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provision {
    pub clause: ClauseId,
    /// The article's number in the country's variant: "12", or "annex 3".
    pub number: String,
    /// The title in the report's language.
    pub title: String,
    pub status: Coverage,
    pub mandatory: bool,
    pub tags: Vec<String>,
    /// The instrument articles the provision implements (`palermo:3(a)`).
    pub instruments: Vec<String>,
    /// Explicit matches first, then automatic ones, each by score.
    pub matches: Vec<Match>,
    /// What the matched national text lacks, in the report's language (empty when missing).
    pub missing: Vec<elements::Lack>,
    /// Where the national text holds each element it has: the element and the national
    /// article (with its law) that holds most of it.
    pub found: Vec<FoundElement>,
    /// The best match and the model text, word-diffed.
    pub pair: Option<Pair>,
    /// For a provision not verified that no article matches, the national articles that
    /// resemble it (align::DOUBT_RELATIVE), at most three, best first: where to read before
    /// calling it absent. In a text that can show an absence, they are why it is not
    /// verified rather than missing.
    pub resembles: Vec<Match>,
}

/// An element of a model provision and the national article that holds it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FoundElement {
    /// "paragraph 2(b)", or a concept's label, in the report's language.
    pub element: String,
    pub law: String,
    pub article: String,
    /// For a paragraph or point of the model article, the paragraph's place in it, from 1
    /// (none for a concept of the lexicon).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// The item of the national article that holds it, by the law's own labels ("(2)",
    /// "(a)(3)", "(ب)"), when its items are labelled: the report prints `1592(a)(3)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

/// How a priority theme fares.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeSummary {
    pub theme: String,
    pub clauses: Vec<ClauseId>,
    pub covered: usize,
    pub partial: usize,
    pub missing: usize,
    pub not_verified: usize,
    /// The coverage score over the theme's provisions.
    pub score: f64,
}

/// A national article, as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NationalArticle {
    /// The national law's id.
    pub law: String,
    pub number: String,
    pub title: String,
    /// Model provisions it was matched to.
    pub clauses: Vec<ClauseId>,
    /// Whether an analyst's `model:` line settles what it enacts (false with explicit
    /// mappings off): its matches are then explicit, never automatic.
    pub settled: bool,
    /// The legislation file that holds it, relative to the project root.
    pub file: String,
    /// The line of its heading in that file (where its `model:` line goes), from 1.
    pub line: usize,
    /// Provisions among its best automatic candidates ([`align::LEADS`]) that it was not
    /// matched to, with their scores: what else an analyst settling it should read. Empty for
    /// a settled article.
    pub also: Vec<(ClauseId, f64)>,
}

/// One national law of the body a report compares with, and how much of it we have.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LawUsed {
    pub id: String,
    /// The title in the report's language.
    pub title: String,
    /// The file holds the official text (false: a summary).
    pub official: bool,
    /// The file holds every article of the law.
    pub complete: bool,
    /// Articles in the file.
    pub articles: usize,
    /// Articles of the whole law, when known.
    pub total_articles: Option<u32>,
    /// The year of the law (as the file gives it: `2009`, `various`).
    pub year: String,
    /// Its amendments, as the file lists them.
    pub amendments: Vec<String>,
    /// Where the text comes from, as the file says.
    pub source: String,
}

/// National articles about one subject outside the model law ([`GapReport::outside`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutsideArticles {
    /// The subject's id in the lexicon (`migrant-smuggling`).
    pub subject: String,
    /// Its label in the report's language.
    pub label: String,
    /// The articles, named as in the report's other lists.
    pub articles: Vec<String>,
}

/// The gap analysis of a country's legislation against its variant of the model law.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapReport {
    /// The country code (or `model`).
    pub country: String,
    /// The national laws' ids, joined by ", " (`none` without any).
    pub law: String,
    /// The national laws' titles in the report's language, joined by "; ".
    pub law_title: String,
    /// Whether every national text is the official one (false when one is a summary).
    pub official: bool,
    /// The laws compared with, in the order of the country's profile.
    pub laws: Vec<LawUsed>,
    /// Whether an absence can be verified: every law compared is a complete official text
    /// (and, for a country's default body, every law in force that its profile lists has a
    /// file). When false, a provision not found is [`Coverage::NotVerified`], never missing;
    /// when true, it is missing unless a national article resembles it (align::DOUBT_RELATIVE).
    pub verified: bool,
    /// The language the report shows text in.
    pub lang: Lang,
    /// The verified coverage score, 0 to 1: see [`coverage_score`] (not verified counts 0).
    pub coverage: f64,
    /// The most the coverage can be once the unread articles are read (equal to `coverage`
    /// when `verified`): see [`Coverage::credit_at_most`].
    pub coverage_max: f64,
    /// Every article of the variant, in order.
    pub provisions: Vec<Provision>,
    /// National articles in order, with what they matched.
    pub national: Vec<NationalArticle>,
    /// Numbers of the national articles that match nothing (and that no analyst settled).
    pub unmatched_articles: Vec<String>,
    /// Numbers of the national articles an analyst marked `model: none`: they enact no model
    /// provision ([`crate::model::NO_MODEL`]; empty with explicit mappings off).
    pub settled_none: Vec<String>,
    /// The national articles about a subject outside the model law (the smuggling of
    /// migrants: [`crate::model::Concept::outside`]), by subject: not matched automatically.
    /// An analyst's `model:` line still maps such an article.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outside: Vec<OutsideArticles>,
    /// The priority themes, in [`PRIORITY_THEMES`] order (themes no provision carries are left out).
    pub themes: Vec<ThemeSummary>,
    /// Provisions of the model's annex (rules states lay down in regulations) found nowhere
    /// while no national regulation was among the texts: not looked for in laws, so not
    /// verified ([`crate::model::LegislationKind`]). 0 when a regulation was compared.
    pub annex_not_compared: usize,
    /// Why the country's body of legislation is not known to be whole (the profile lists no
    /// law in force, or some have no file); `None` when it is whole, or for one law alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_gap: Option<BodyGap>,
}

/// The warning every report gives when an absence cannot be verified: the national text is a
/// summary, an extract, or the body lacks a law in force. A provision not found is then "not
/// verified", and a reader in parliament must know that. The last sentence says what to do:
/// import the official text, for the alliance's analysts, who run qanun; check the official
/// text, for readers of a packet, who do not. `None` when every absence is verified.
pub fn caveat(r: &GapReport, reader: Reader) -> Option<String> {
    let base = absence_caveat(r, reader);
    let text = match (base, unconfirmed(r)) {
        (base, 0) => base,
        (None, n) => Some(format!(
            "{}{}",
            caution(r.lang),
            auto_caveat(r.lang, n, reader)
        )),
        (Some(b), n) => Some(format!("{b} {}", auto_caveat(r.lang, n, reader))),
    };
    match r.lang {
        Lang::Fr => text.map(|t| crate::text::typography::french_spacing(&t)),
        Lang::Ar | Lang::En => text,
    }
}

/// Whether a provision's verdict (covered or partial) rests only on automatic matches: no
/// `model:` line of an analyst confirms any of them.
pub fn is_unconfirmed(p: &Provision) -> bool {
    !p.matches.is_empty() && p.matches.iter().all(|m| m.source == MatchSource::Auto)
}

/// How many provisions' verdicts rest only on automatic matches ([`is_unconfirmed`]).
pub fn unconfirmed(r: &GapReport) -> usize {
    r.provisions.iter().filter(|p| is_unconfirmed(p)).count()
}

/// The part of the caveat on verdicts that rest only on automatic matches: on statutes it had
/// never seen, about half to three quarters of the pairs the alignment proposed were right
/// (docs/compare.md), so a parliament must know which findings no analyst has confirmed.
fn auto_caveat(lang: Lang, n: usize, reader: Reader) -> String {
    match (reader, lang, n) {
        (Reader::Parliament, Lang::Ar, 1) => "نتيجة واحدة من النتائج الواردة هنا تقوم على مطابقة آلية بين النصوص بحسب تشابه ألفاظها لم يؤكدها محلل بعد (معلَّمة بالعلامة * في جدول الثغرات)، وقد تكون خاطئة.".to_string(),
        (Reader::Parliament, Lang::Ar, _) => format!("{n} من النتائج الواردة هنا تقوم على مطابقات آلية بين النصوص بحسب تشابه ألفاظها لم يؤكدها محلل بعد (معلَّمة بالعلامة * في جدول الثغرات)، وقد تكون خاطئة."),
        (Reader::Parliament, Lang::En, 1) => "1 of the findings here rests only on a match made automatically, by comparing wording, that an analyst has not yet confirmed (marked * in the gap table); it may be wrong.".to_string(),
        (Reader::Parliament, Lang::En, _) => format!("{n} of the findings here rest only on matches made automatically, by comparing wording, that an analyst has not yet confirmed (marked * in the gap table); they may be wrong."),
        (Reader::Parliament, Lang::Fr, 1) => "1 des constats présentés ici repose uniquement sur une correspondance établie automatiquement, par comparaison des termes, qu'aucun analyste n'a encore confirmée (marquée * dans le tableau des lacunes) : elle peut être erronée.".to_string(),
        (Reader::Parliament, Lang::Fr, _) => format!("{n} des constats présentés ici reposent uniquement sur des correspondances établies automatiquement, par comparaison des termes, qu'aucun analyste n'a encore confirmées (marquées * dans le tableau des lacunes) : elles peuvent être erronées."),
        (Reader::Analyst, Lang::Ar, 1) => "نتيجة واحدة تقوم على مطابقة آلية («آلي») لا يؤكدها سطر model:؛ يُستحسن تأكيدها أو تصحيحها بسطر model: قبل الاستناد إليها، والسطر المقترح في آخر التقرير.".to_string(),
        (Reader::Analyst, Lang::Ar, _) => format!("{n} من النتائج تقوم على مطابقات آلية («آلي») لا يؤكدها سطر model:؛ يُستحسن تأكيدها أو تصحيحها بسطور model: قبل الاستناد إليها، والأسطر المقترحة في آخر التقرير."),
        (Reader::Analyst, Lang::En, 1) => "1 finding rests only on an automatic match (“auto”) that no `model:` line confirms: confirm or correct it with a `model:` line before relying on it (the line to write is proposed at the end).".to_string(),
        (Reader::Analyst, Lang::En, _) => format!("{n} findings rest only on automatic matches (“auto”) that no `model:` line confirms: confirm or correct them with `model:` lines before relying on them (the lines to write are proposed at the end)."),
        (Reader::Analyst, Lang::Fr, 1) => "1 constat repose uniquement sur une correspondance automatique (« automatique ») qu'aucune ligne `model:` ne confirme : confirmez-la ou corrigez-la par une ligne `model:` avant de vous y fonder (la ligne à écrire est proposée à la fin).".to_string(),
        (Reader::Analyst, Lang::Fr, _) => format!("{n} constats reposent uniquement sur des correspondances automatiques (« automatique ») qu'aucune ligne `model:` ne confirme : confirmez-les ou corrigez-les par des lignes `model:` avant de vous y fonder (les lignes à écrire sont proposées à la fin)."),
    }
}

/// The caveat on absences (see [`caveat`]).
fn absence_caveat(r: &GapReport, reader: Reader) -> Option<String> {
    if r.laws.is_empty() {
        return Some(no_text_caveat(r.lang, reader));
    }
    if r.verified {
        let doubtful = r
            .provisions
            .iter()
            .filter(|p| p.status == Coverage::NotVerified)
            .count()
            .saturating_sub(r.annex_not_compared);
        let annex = r.annex_not_compared;
        return match (doubtful, annex) {
            (0, 0) => None,
            (0, n) => Some(format!(
                "{}{}",
                caution(r.lang),
                annex_caveat(r.lang, n, reader)
            )),
            (d, 0) => Some(doubt_caveat(r.lang, d, reader)),
            (d, n) => Some(format!(
                "{} {}",
                doubt_caveat(r.lang, d, reader),
                annex_caveat(r.lang, n, reader)
            )),
        };
    }
    let articles = r.national.len();
    let total: Option<u32> = r
        .laws
        .iter()
        .map(|l| l.total_articles)
        .try_fold(0u32, |acc, t| t.map(|t| acc + t));
    // Complete official texts that are not the whole body: the analyst is told what the
    // profile lacks (a reader in parliament, what it means).
    let complete_official = !r.laws.is_empty() && r.laws.iter().all(|l| l.official && l.complete);
    if let (Reader::Analyst, true, Some(gap)) = (reader, complete_official, &r.body_gap) {
        return Some(body_caveat(r.lang, &r.country, gap));
    }
    Some(if r.official || r.laws.is_empty() {
        extract_caveat(r.lang, articles, total, reader)
    } else {
        summary_caveat(r.lang, articles, total, reader)
    })
}

/// The caveat of a summary (see [`caveat`]).
fn summary_caveat(lang: Lang, articles: usize, total: Option<u32>, reader: Reader) -> String {
    let of = |lang: Lang| match (lang, total) {
        (Lang::Ar, Some(t)) => format!(" من أصل {t}"),
        (Lang::En, Some(t)) => format!(" of {t}"),
        (Lang::Fr, Some(t)) => format!(" sur {t}"),
        (_, None) => String::new(),
    };
    let facts = match lang {
        Lang::Ar => format!(
            "تنبيه: النص الوطني المعتمد هنا ملخص غير رسمي أعدّه التحالف ويشمل {}{}، وليس النص الرسمي؛ لذا فالأحكام التي لم نجدها فيه موصوفة بأنها «غير متحقق منها» لا بأنها غائبة، إذ قد ترد في مواد لم تُلخَّص.",
            articles_ar(articles),
            of(lang)
        ),
        Lang::En => format!(
            "Caution: the national text used here is an unofficial summary prepared by the alliance, covering {articles}{} articles, not the official text. Provisions not found in it are marked “not verified”, not missing: they may exist in articles the summary leaves out.",
            of(lang)
        ),
        Lang::Fr => format!(
            "Attention : le texte national utilisé ici est un résumé non officiel établi par l'alliance, couvrant {articles}{} articles, et non le texte officiel. Les dispositions qui n'y figurent pas sont marquées « non vérifié », et non absentes : elles peuvent figurer dans des articles non résumés.",
            of(lang)
        ),
    };
    format!("{facts} {}", advice(lang, reader))
}

/// The caveat of a country none of whose laws is in the project: nothing was looked for.
fn no_text_caveat(lang: Lang, reader: Reader) -> String {
    let facts = match lang {
        Lang::Ar => {
            "تنبيه: لا يتوفر هنا أي نص من التشريع الوطني، فلم يُبحث عن أي حكم من أحكام القانون النموذجي فيه؛ لذا وُصفت كلها بأنها «غير متحقق منها»، ولا يُعدّ أي منها غائباً."
        }
        Lang::En => {
            "Caution: no national legislation is available here, so no provision of the model law could be looked for in it: every one is marked “not verified”, and none is missing."
        }
        Lang::Fr => {
            "Attention : aucune législation nationale n'est disponible ici ; aucune disposition de la loi type n'a donc pu y être recherchée : toutes sont marquées « non vérifié », et aucune n'est absente."
        }
    };
    let advice = match (reader, lang) {
        (Reader::Analyst, Lang::Ar) => {
            "يُستحسن إدخال القوانين النافذة (qanun import) قبل الاستناد إلى هذه النتائج."
        }
        (Reader::Analyst, Lang::En) => {
            "Import the laws in force (qanun import) before relying on these findings."
        }
        (Reader::Analyst, Lang::Fr) => {
            "Importez les lois en vigueur (qanun import) avant de vous fonder sur ces constats."
        }
        (Reader::Parliament, _) => advice(lang, reader),
    };
    format!("{facts} {advice}")
}

/// The caveat of an official text that is not whole: an extract, or a body lacking a law.
fn extract_caveat(lang: Lang, articles: usize, total: Option<u32>, reader: Reader) -> String {
    let facts = match (lang, total) {
        (Lang::Ar, Some(t)) => format!(
            "تنبيه: النص الوطني المتاح هنا لا يضم إلا {} من أصل {t}؛ لذا فالأحكام التي لم نجدها فيه موصوفة بأنها «غير متحقق منها» لا بأنها غائبة.",
            articles_ar(articles)
        ),
        (Lang::Ar, None) => "تنبيه: النص الوطني المتاح هنا لا يضم كل مواد التشريع النافذ؛ لذا فالأحكام التي لم نجدها فيه موصوفة بأنها «غير متحقق منها» لا بأنها غائبة.".to_string(),
        (Lang::En, Some(t)) => format!(
            "Caution: the national text available here holds {articles} of {t} articles. Provisions not found in it are marked “not verified”, not missing."
        ),
        (Lang::En, None) => "Caution: the national text available here does not hold every article of the legislation in force. Provisions not found in it are marked “not verified”, not missing.".to_string(),
        (Lang::Fr, Some(t)) => format!(
            "Attention : le texte national disponible ici ne contient que {articles} articles sur {t}. Les dispositions qui n'y figurent pas sont marquées « non vérifié », et non absentes."
        ),
        (Lang::Fr, None) => "Attention : le texte national disponible ici ne contient pas tous les articles de la législation en vigueur. Les dispositions qui n'y figurent pas sont marquées « non vérifié », et non absentes.".to_string(),
    };
    format!("{facts} {}", advice(lang, reader))
}

/// The analyst's caveat when complete official texts are compared but the body of legislation
/// is not known to be whole ([`BodyGap`]): what the profile lacks, and what to do.
fn body_caveat(lang: Lang, country: &str, gap: &BodyGap) -> String {
    let profile = format!("countries/{country}/country.toml");
    match (gap, lang) {
        (BodyGap::Unlisted, Lang::Ar) => format!(
            "تنبيه: لا يذكر ملف البلد أي قانون نافذ، فلا يُعرف إن كانت القوانين المقارنة هنا هي كل تشريعه النافذ؛ لذا فالأحكام التي لم نجدها فيها موصوفة بأنها «غير متحقق منها» لا بأنها غائبة. يُستحسن إدراج القوانين النافذة تحت [[laws]] في {profile} (مع status = \"in-force\") قبل الاستناد إلى هذه النتائج."
        ),
        (BodyGap::Unlisted, Lang::En) => format!(
            "Caution: the country's profile lists no law in force, so it is not known whether the laws compared here are all of its legislation in force. Provisions not found in them are marked “not verified”, not missing. List the laws in force under [[laws]] in {profile} (with status = \"in-force\") before relying on these findings."
        ),
        (BodyGap::Unlisted, Lang::Fr) => format!(
            "Attention : le profil du pays ne mentionne aucune loi en vigueur ; on ne sait donc pas si les lois comparées ici forment toute sa législation en vigueur. Les dispositions qui n'y figurent pas sont marquées « non vérifié », et non absentes. Inscrivez les lois en vigueur sous [[laws]] dans {profile} (avec status = \"in-force\") avant de vous fonder sur ces constats."
        ),
        (BodyGap::Missing(ids), Lang::Ar) => format!(
            "تنبيه: من التشريع النافذ الذي يذكره ملف البلد قوانين ليست هنا ({})؛ لذا فالأحكام التي لم نجدها في القوانين المقارنة موصوفة بأنها «غير متحقق منها» لا بأنها غائبة، إذ قد ترد في تلك القوانين. يُستحسن إدخالها (qanun import) قبل الاستناد إلى هذه النتائج.",
            ids.join("، ")
        ),
        (BodyGap::Missing(ids), Lang::En) => format!(
            "Caution: the legislation in force that the country's profile lists includes laws that are not here ({}). Provisions not found in the laws compared are marked “not verified”, not missing: they may be in those laws. Import them (qanun import) before relying on these findings.",
            ids.join(", ")
        ),
        (BodyGap::Missing(ids), Lang::Fr) => format!(
            "Attention : la législation en vigueur que mentionne le profil du pays comprend des lois absentes ici ({}). Les dispositions introuvables dans les lois comparées sont marquées « non vérifié », et non absentes : elles peuvent figurer dans ces lois. Importez-les (qanun import) avant de vous fonder sur ces constats.",
            ids.join(", ")
        ),
    }
}

/// The caveat of a complete official text where some provisions are not verified: an article
/// resembles each of them without matching it (align::DOUBT_RELATIVE).
fn doubt_caveat(lang: Lang, n: usize, reader: Reader) -> String {
    let facts = match (lang, n) {
        (Lang::Ar, 1) => "تنبيه: حكم واحد من أحكام القانون النموذجي لم نجده في النص الرسمي على وجه اليقين: في النص مادة تشبهه دون أن تنص عليه بوضوح؛ لذا وُصف بأنه «غير متحقق منه» لا بأنه غائب.".to_string(),
        (Lang::Ar, _) => format!(
            "تنبيه: {n} من أحكام القانون النموذجي لم نجدها في النص الرسمي على وجه اليقين: في النص مادة تشبه كلاً منها دون أن تنص عليه بوضوح؛ لذا وُصفت بأنها «غير متحقق منها» لا بأنها غائبة."
        ),
        (Lang::En, 1) => "Caution: 1 provision of the model law was not found for certain in the official text: an article of the text resembles it without clearly enacting it. It is marked “not verified”, not missing.".to_string(),
        (Lang::En, _) => format!(
            "Caution: {n} provisions of the model law were not found for certain in the official text: an article of the text resembles each of them without clearly enacting it. They are marked “not verified”, not missing."
        ),
        (Lang::Fr, 1) => "Attention : 1 disposition de la loi type n'a pas été trouvée avec certitude dans le texte officiel : un article du texte lui ressemble sans l'énoncer clairement. Elle est marquée « non vérifié », et non absente.".to_string(),
        (Lang::Fr, _) => format!(
            "Attention : {n} dispositions de la loi type n'ont pas été trouvées avec certitude dans le texte officiel : un article du texte ressemble à chacune sans l'énoncer clairement. Elles sont marquées « non vérifié », et non absentes."
        ),
    };
    let advice = match (reader, lang) {
        (Reader::Analyst, Lang::Ar) => {
            "يُستحسن حسمها بربط المواد الوطنية بأحكام القانون النموذجي (سطور model:) قبل الاستناد إلى هذه النتائج."
        }
        (Reader::Analyst, Lang::En) => {
            "Settle them by mapping the national articles to the model law (`model:` lines) before relying on these findings."
        }
        (Reader::Analyst, Lang::Fr) => {
            "Tranchez-les en rattachant les articles nationaux à la loi type (lignes `model:`) avant de vous fonder sur ces constats."
        }
        (Reader::Parliament, _) => advice(lang, reader),
    };
    format!("{facts} {advice}")
}

/// "Caution: ", the opening of a caveat.
/// The opening of every caveat: "Caution: " (with the no-break space French typography puts
/// before a colon).
pub fn caution(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "تنبيه: ",
        Lang::En => "Caution: ",
        Lang::Fr => "Attention\u{a0}: ",
    }
}

/// Part of the caveat of a complete official text compared without any national regulation:
/// the provisions of the model's annex, which states lay down in regulations, were not looked
/// for in laws (see [`crate::model::LegislationKind`]).
fn annex_caveat(lang: Lang, n: usize, reader: Reader) -> String {
    let facts = match (lang, n) {
        (Lang::Ar, 1) => "حكم واحد من أحكام ملحق القانون النموذجي قاعدةٌ تضعها الدول عادةً في الأنظمة والتعليمات لا في القوانين، وليس بين النصوص المقارنة نظام وطني؛ لذا وُصف بأنه «غير متحقق منه» لا بأنه غائب.".to_string(),
        (Lang::Ar, _) => format!(
            "{n} من أحكام ملحق القانون النموذجي قواعدُ تضعها الدول عادةً في الأنظمة والتعليمات لا في القوانين، وليس بين النصوص المقارنة نظام وطني؛ لذا وُصفت بأنها «غير متحقق منها» لا بأنها غائبة."
        ),
        (Lang::En, 1) => "1 provision of the model law's annex sets a rule that states usually lay down in regulations rather than in laws, and no national regulation is among the texts compared: it is marked “not verified”, not missing.".to_string(),
        (Lang::En, _) => format!(
            "{n} provisions of the model law's annex set rules that states usually lay down in regulations rather than in laws, and no national regulation is among the texts compared: they are marked “not verified”, not missing."
        ),
        (Lang::Fr, 1) => "1 disposition de l'annexe de la loi type fixe une règle que les États posent d'ordinaire par voie réglementaire plutôt que dans la loi, et aucun règlement national ne figure parmi les textes comparés : elle est marquée « non vérifié », et non absente.".to_string(),
        (Lang::Fr, _) => format!(
            "{n} dispositions de l'annexe de la loi type fixent des règles que les États posent d'ordinaire par voie réglementaire plutôt que dans la loi, et aucun règlement national ne figure parmi les textes comparés : elles sont marquées « non vérifié », et non absentes."
        ),
    };
    let advice = match (reader, lang) {
        (Reader::Analyst, Lang::Ar) => {
            "أضف الأنظمة الوطنية إلى تشريعات البلد (kind = \"regulation\" في ترويسة الملف) لمقارنتها بها."
        }
        (Reader::Analyst, Lang::En) => {
            "Add the national regulations to the country's legislation (kind = \"regulation\" in the file's front matter) to compare them."
        }
        (Reader::Analyst, Lang::Fr) => {
            "Ajoutez les règlements nationaux à la législation du pays (kind = \"regulation\" dans l'en-tête du fichier) pour les comparer."
        }
        (Reader::Parliament, Lang::Ar) => {
            "وينبغي الرجوع في هذه المسائل إلى الأنظمة والتعليمات الوطنية."
        }
        (Reader::Parliament, Lang::En) => {
            "The national regulations should be consulted on these points."
        }
        (Reader::Parliament, Lang::Fr) => {
            "Les règlements nationaux doivent être consultés sur ces points."
        }
    };
    format!("{facts} {advice}")
}

fn advice(lang: Lang, reader: Reader) -> &'static str {
    match (reader, lang) {
        (Reader::Analyst, Lang::Ar) => {
            "يُستحسن إدخال النص الرسمي الكامل (qanun import) قبل الاستناد إلى هذه النتائج."
        }
        (Reader::Analyst, Lang::En) => {
            "Import the complete official text (qanun import) before relying on these findings."
        }
        (Reader::Analyst, Lang::Fr) => {
            "Importez le texte officiel complet (qanun import) avant de vous fonder sur ces constats."
        }
        (Reader::Parliament, Lang::Ar) => {
            "وينبغي التحقق من هذه النتائج في ضوء النص الرسمي قبل الاستناد إليها."
        }
        (Reader::Parliament, Lang::En) => {
            "These findings should be checked against the official text before they are relied on."
        }
        (Reader::Parliament, Lang::Fr) => {
            "Ces constats doivent être vérifiés au regard du texte officiel avant qu'on s'y fonde."
        }
    }
}

/// Who reads a caveat, and so what it can ask of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The alliance's analysts, who run qanun (compare reports).
    Analyst,
    /// Members of parliament and ministries (advocacy packets).
    Parliament,
}

/// "مادة واحدة", "مادتين", "6 مواد", "11 مادة": Arabic counted nouns agree with the number
/// (the dual and accusative forms fit the sentence the caveat uses).
fn articles_ar(n: usize) -> String {
    match (n, n % 100) {
        (1, _) => "مادة واحدة".to_string(),
        (2, _) => "مادتين".to_string(),
        (_, 3..=10) => format!("{n} مواد"),
        _ => format!("{n} مادة"),
    }
}

/// Settings of one comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareOptions {
    /// Trust the legislation's `model:` lines (switched off to measure automatic alignment).
    pub explicit: bool,
    /// The language the report shows text in.
    pub lang: Lang,
    /// Word-diff each provision's best pair ([`Provision::pair`]), which the packet and the
    /// reports of `compare` show; the regional matrix and report do not need it.
    pub pairs: bool,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            explicit: true,
            lang: Lang::Ar,
            pairs: true,
        }
    }
}

/// The coverage score of a set of provisions, 0 to 1:
///
/// `coverage = Σ wᵢ·cᵢ / Σ wᵢ`, where `wᵢ` is [`MANDATORY_WEIGHT`] (2) for a mandatory
/// provision and 1 for an optional one, and `cᵢ` is 1 when covered, [`PARTIAL_CREDIT`] (½)
/// when partly covered, 0 when missing. No provisions give 0.
pub fn coverage_score<'a>(items: impl IntoIterator<Item = (bool, Coverage)> + 'a) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    for (mandatory, status) in items {
        let w = if mandatory { MANDATORY_WEIGHT } else { 1.0 };
        num += w * status.credit();
        den += w;
    }
    if den > 0.0 { round3(num / den) } else { 0.0 }
}

/// The highest coverage score the provisions can reach once the unread articles of an
/// incomplete text are read ([`Coverage::credit_at_most`]); the verified score when `complete`.
pub fn coverage_score_max<'a>(
    items: impl IntoIterator<Item = (bool, Coverage)> + 'a,
    complete: bool,
) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    for (mandatory, status) in items {
        let w = if mandatory { MANDATORY_WEIGHT } else { 1.0 };
        num += w * status.credit_at_most(complete);
        den += w;
    }
    if den > 0.0 { round3(num / den) } else { 0.0 }
}

/// Rounds to three decimals, so reports are stable and readable.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The national law `compare` names first by default: the first law of the profile's
/// `[[laws]]` list that is in force and has a legislation file, else the first legislation
/// file by id.
pub fn default_legislation(country: &Country) -> Option<&Legislation> {
    default_body(country).0.into_iter().next()
}

/// Why a country's default body of legislation is not known to be whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyGap {
    /// The profile lists no law in force (`[[laws]]` with `status = "in-force"`), so the laws
    /// compared may not be all of it.
    Unlisted,
    /// Laws in force that the profile lists and that have no legislation file (their ids).
    Missing(Vec<String>),
}

/// The body of legislation `compare` uses by default: every law of the profile's `[[laws]]`
/// list that is in force and has a legislation file, in the profile's order (else the first
/// legislation file by id); and, when the body is not whole (not every law in force that the
/// profile lists has a file, or it lists none), why.
pub fn default_body(country: &Country) -> (Vec<&Legislation>, Option<BodyGap>) {
    let by_id = |id: &str| country.legislation.iter().find(|l| l.meta.id == id);
    let in_force: Vec<&str> = country
        .laws
        .iter()
        .filter(|r| r.in_force())
        .map(|r| r.id.as_str())
        .collect();
    let body: Vec<&Legislation> = in_force.iter().filter_map(|id| by_id(id)).collect();
    let missing: Vec<String> = in_force
        .iter()
        .filter(|id| by_id(id).is_none())
        .map(|id| id.to_string())
        .collect();
    let gap = if in_force.is_empty() {
        Some(BodyGap::Unlisted)
    } else if missing.is_empty() {
        None
    } else {
        Some(BodyGap::Missing(missing))
    };
    if body.is_empty() {
        let first = country
            .legislation
            .iter()
            .min_by(|a, b| a.meta.id.cmp(&b.meta.id));
        return (first.into_iter().collect(), gap);
    }
    (body, gap)
}

/// Builds the country's variant and compares it with one of its laws (`law_id`), or by
/// default with its body of legislation in force ([`default_body`]); a country without
/// legislation is compared with an empty body, so no provision is verified. `Err` when
/// `law_id` names no legislation of the country.
pub fn compare_country(
    law: &Law,
    country: &Country,
    law_id: Option<&str>,
    opts: &CompareOptions,
) -> Result<GapReport, String> {
    let (body, gap) = match law_id {
        Some(id) => country
            .legislation
            .iter()
            .find(|l| l.meta.id == id)
            .ok_or_else(|| {
                let known: Vec<&str> = country
                    .legislation
                    .iter()
                    .map(|l| l.meta.id.as_str())
                    .collect();
                format!(
                    "countries/{}/legislation has no law `{id}` (it has: {})",
                    country.code,
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                )
            })
            .map(|l| (vec![l], None))?,
        None => default_body(country),
    };
    let (variant, _) = variant::build(law, Some(country), &Lang::ALL);
    let lexicon = concepts::Lexicon::new(&variant.concepts);
    Ok(with_gap(
        compare_body_with(&variant, &body, gap.is_none(), opts, &lexicon),
        gap,
    ))
}

/// Compares every country with its default body of legislation ([`default_body`]), in
/// parallel, building what they share (the concept lexicon) once: the regional matrix and
/// report. Each result comes with the variant it was compared as (in every language), so
/// that a caller does not build it again. In the order of `countries`.
pub fn compare_countries(
    law: &Law,
    countries: &[Country],
    opts: &CompareOptions,
) -> Vec<(GapReport, Variant)> {
    let lexicon = concepts::Lexicon::new(&law.concepts);
    countries
        .par_iter()
        .map(|country| {
            let (body, gap) = default_body(country);
            let (variant, _) =
                variant::build(law, Some(country), &compared_langs(&body, opts.lang));
            let report = compare_body_with(&variant, &body, gap.is_none(), opts, &lexicon);
            (with_gap(report, gap), variant)
        })
        .collect()
}

/// A report on a country's body with why the body is not whole, if it is not.
fn with_gap(report: GapReport, gap: Option<BodyGap>) -> GapReport {
    GapReport {
        body_gap: gap,
        ..report
    }
}

/// The languages a comparison with `body` can use: those its texts are written or translated
/// in (the only ones where both sides have text), the report's, and English (the fallback of
/// a report in French). Building the variant in these only gives the same comparison as in
/// every language.
fn compared_langs(body: &[&Legislation], display: Lang) -> Vec<Lang> {
    let mut langs = vec![display, Lang::En];
    for l in body {
        langs.extend(l.meta.language);
        for a in l.articles() {
            langs.extend(a.translations.keys().copied());
        }
    }
    let mut out: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|l| langs.contains(l))
        .collect();
    out.sort_by_key(|l| *l != display);
    out
}

/// The languages to compare in, most preferred first: the national law's language, English,
/// then the others.
fn lang_order(law_lang: Option<Lang>) -> Vec<Lang> {
    let mut order: Vec<Lang> = law_lang.into_iter().collect();
    for l in [Lang::En, Lang::Ar, Lang::Fr] {
        if !order.contains(&l) {
            order.push(l);
        }
    }
    order
}

/// Plain text of resolved pieces for matching: cross-references are left out (they read the
/// same in every article and say nothing of its subject); a placeholder keeps its words (the
/// variable's description, "the penalty for the basic trafficking offence").
pub(crate) fn matching_text(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .filter(|p| !matches!(p, Piece::Ref(..)))
        .map(Piece::text)
        .collect()
}

/// The texts a model article is matched by, in a language: its title, then each paragraph with
/// its points. Alignment scores the whole article and each paragraph (prefixed by the title).
pub fn model_units(a: &VArticle, lang: Lang) -> Option<Vec<String>> {
    let paras = a.text.get(&lang)?;
    let mut units = vec![a.title.get(&lang).cloned().unwrap_or_default()];
    for p in paras {
        let mut s = matching_text(&p.pieces);
        for pt in &p.points {
            push_point(&mut s, pt);
        }
        units.push(s);
    }
    Some(units)
}

fn push_point(s: &mut String, p: &variant::RPoint) {
    s.push('\n');
    s.push_str(&matching_text(&p.pieces));
    for q in &p.points {
        push_point(s, q);
    }
}

/// Whether a national text refers to the article before it ("المادة السابقة", "the preceding
/// section", "l'article précédent"), the way an article on aggravation or attempt points at
/// the offence it concerns.
fn refers_to_preceding_article(text: &str) -> bool {
    const PHRASES: &[&str] = &[
        // Arabic, as normalised for matching (hamza, ta marbuta, alef maqsura folded).
        "الماده السابقه",
        "المادتين السابقتين",
        "المواد السابقه",
        "preceding section",
        "preceding article",
        "previous section",
        "foregoing section",
        "article precedent",
        "articles precedents",
        "article qui precede",
    ];
    let norm = crate::text::normalize::normalize_for_matching(text);
    let padded = format!(" {norm} ");
    PHRASES.iter().any(|p| padded.contains(&format!(" {p} ")))
}

/// A national article's text in a language: the original (with its title) when the law is in
/// that language, else a translation.
pub fn national_text(a: &LegislationArticle, law_lang: Option<Lang>, lang: Lang) -> Option<String> {
    let body = Legislation::article_text(a, law_lang, lang)?;
    match (&a.title, law_lang == Some(lang)) {
        (Some(t), true) => Some(format!("{t}\n{body}")),
        _ => Some(body.to_string()),
    }
}

/// Compares a variant with one national law. See the module documentation for the method.
pub fn compare(variant: &Variant, legislation: &Legislation, opts: &CompareOptions) -> GapReport {
    compare_body(variant, &[legislation], true, opts)
}

/// Several laws as one text to align with: the articles of every law in order, each
/// remembering its law; a law in another language than the first keeps its text as that
/// language's translation (the original language is the first law's).
fn merge(laws: &[&Legislation]) -> (Legislation, Vec<usize>) {
    let lang = laws.first().and_then(|l| l.meta.language);
    let mut merged = Legislation {
        meta: crate::model::LegislationMeta {
            language: lang,
            ..Default::default()
        },
        ..Legislation::default()
    };
    let mut owner = Vec::new();
    for (i, l) in laws.iter().enumerate() {
        for a in l.articles() {
            let mut a = a.clone();
            if l.meta.language != lang
                && let Some(own) = l.meta.language
            {
                let text = std::mem::take(&mut a.text);
                a.translations.insert(own, text);
            }
            merged.items.push(crate::model::LegItem::Article(a));
            owner.push(i);
        }
    }
    (merged, owner)
}

/// Compares a variant with a body of national laws (the first law's language leads). `whole`
/// says that the body holds every law in force: with it, and every law a complete official
/// text, a provision found nowhere is missing; otherwise it is not verified.
pub fn compare_body(
    variant: &Variant,
    laws: &[&Legislation],
    whole: bool,
    opts: &CompareOptions,
) -> GapReport {
    let lexicon = concepts::Lexicon::new(&variant.concepts);
    compare_body_with(variant, laws, whole, opts, &lexicon)
}

/// [`compare_body`] with the concept lexicon of the variant's law already built.
fn compare_body_with(
    variant: &Variant,
    laws: &[&Legislation],
    whole: bool,
    opts: &CompareOptions,
    lexicon: &concepts::Lexicon,
) -> GapReport {
    let (merged, owner) = merge(laws);
    let legislation = &merged;
    let law_ids: Vec<&str> = owner
        .iter()
        .map(|&i| laws.get(i).map_or("", |l| l.meta.id.as_str()))
        .collect();
    let verified = whole && !laws.is_empty() && laws.iter().all(|l| l.verifies_absence());
    let complete = laws.iter().all(|l| l.meta.complete);
    // The model's annex is matched only with national regulations (see LegislationKind).
    let regulation: Vec<bool> = owner
        .iter()
        .map(|&i| {
            laws.get(i)
                .is_some_and(|l| l.meta.kind == LegislationKind::Regulation)
        })
        .collect();
    let regulations = laws
        .iter()
        .any(|l| l.meta.kind == LegislationKind::Regulation);
    let law_lang = legislation.meta.language;
    let order = lang_order(law_lang);
    let articles: Vec<&VArticle> = variant.articles().collect();
    let nationals: Vec<&LegislationArticle> = legislation.articles().collect();
    let scorer = align::Scorer::new(&articles, &nationals, law_lang, &order, lexicon);

    let index: BTreeMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut found: Vec<Vec<(usize, f32, MatchSource)>> = vec![Vec::new(); articles.len()];
    let mut eligible = Vec::new();
    // National articles about a subject outside the model law (the smuggling of migrants):
    // not matched automatically, and listed apart.
    let settled = |a: &LegislationArticle| opts.explicit && !a.model.is_empty();
    let outside = outside_subjects(&scorer, &nationals, law_lang, lexicon, settled);
    for (n, a) in nationals.iter().enumerate() {
        if settled(a) {
            // `model: none` ([`crate::model::NO_MODEL`]) names no model article: the article
            // is settled, matches nothing and resembles nothing.
            let mut seen = BTreeSet::new();
            for (id, _) in &a.model {
                if let Some(&m) = index.get(id.as_str())
                    && seen.insert(m)
                    && let Some(list) = found.get_mut(m)
                {
                    list.push((n, scorer.pair(m, n).unwrap_or(0.0), MatchSource::Explicit));
                }
            }
        } else if outside.get(n).is_some_and(Option::is_none) {
            eligible.push(n);
        }
    }
    let annex: Vec<bool> = articles.iter().map(|a| a.in_annex).collect();
    let decided = align::decide(&scorer, &eligible, &|m, n| {
        looked_for_in(
            annex.get(m).copied().unwrap_or(false),
            regulation.get(n).copied().unwrap_or(false),
        )
    });
    for &(m, n, s) in &decided.pairs {
        if let Some(list) = found.get_mut(m) {
            list.push((n, s, MatchSource::Auto));
        }
    }

    let index = elements::NationalIndex::new(&order, nationals.len());
    let cx = Context {
        index: &index,
        lexicon,
        nationals: &nationals,
        law_ids: &law_ids,
        verified,
        regulations,
        resembling: &decided.resembling,
        scorer: &scorer,
        law_lang,
        order: &order,
        display: opts.lang,
        pairs: opts.pairs,
    };
    let (mut provisions, prepared): (Vec<Provision>, Vec<Option<worddiff::Prepared>>) = articles
        .par_iter()
        .enumerate()
        .map(|(m, a)| {
            let mut list = found.get(m).cloned().unwrap_or_default();
            list.sort_by(|x, y| x.2.cmp(&y.2).then(y.1.total_cmp(&x.1)).then(x.0.cmp(&y.0)));
            provision(a, m, &list, &cx)
        })
        .unzip();
    let keys = worddiff::Keys::for_texts(prepared.iter().flatten().flat_map(|p| p.texts()));
    provisions
        .par_iter_mut()
        .zip(prepared)
        .for_each(|(p, prep)| p.pair = prep.map(|x| x.finish(&keys)));

    let national = national_list(
        &nationals,
        &law_ids,
        &provisions,
        opts.explicit,
        &decided.leads,
    );
    let several = laws.len() > 1;
    // An article an analyst marked `model: none` is settled: listed apart, not among the
    // articles the alignment found nothing for (which an analyst still has to look at).
    let settled: Vec<bool> = nationals
        .iter()
        .map(|a| opts.explicit && a.model.iter().any(|(id, _)| id.as_str() == NO_MODEL))
        .collect();
    let name = |n: &NationalArticle| {
        if several {
            format!("{} {}", n.law, n.number)
        } else {
            n.number.clone()
        }
    };
    let (settled_none, unmatched_articles): (Vec<String>, Vec<String>) = {
        let (s, u): (Vec<_>, Vec<_>) = national
            .iter()
            .zip(&settled)
            .zip(&outside)
            .filter(|((n, _), o)| n.clauses.is_empty() && o.is_none())
            .map(|(x, _)| x)
            .partition(|(_, s)| **s);
        (
            s.into_iter().map(|(n, _)| name(n)).collect(),
            u.into_iter().map(|(n, _)| name(n)).collect(),
        )
    };
    let mut outside_articles: Vec<OutsideArticles> = Vec::new();
    for (n, k) in national
        .iter()
        .zip(&outside)
        .filter_map(|(n, k)| Some((n, (*k)?)))
    {
        let subject = lexicon.outside_id(k);
        match outside_articles.iter_mut().find(|o| o.subject == subject) {
            Some(o) => o.articles.push(name(n)),
            None => outside_articles.push(OutsideArticles {
                subject: subject.to_string(),
                label: lexicon.outside_label(k, opts.lang),
                articles: vec![name(n)],
            }),
        }
    }
    let coverage = coverage_score(provisions.iter().map(|p| (p.mandatory, p.status)));
    // Equal to the coverage when every absence is verified; higher when some provision was
    // not verified (a summary or extract, or a provision an article resembles).
    let coverage_max =
        coverage_score_max(provisions.iter().map(|p| (p.mandatory, p.status)), complete);
    let themes = themes(&provisions);
    let annex_not_compared = if regulations {
        0
    } else {
        articles
            .iter()
            .zip(&provisions)
            .filter(|(a, p)| a.in_annex && p.status == Coverage::NotVerified)
            .count()
    };
    let used: Vec<LawUsed> = laws
        .iter()
        .map(|l| LawUsed {
            id: l.meta.id.clone(),
            title: pick(&l.meta.title, opts.lang).cloned().unwrap_or_default(),
            official: l.meta.official,
            complete: l.meta.complete,
            articles: l.articles().count(),
            total_articles: l.meta.total_articles,
            year: l.meta.year.clone(),
            amendments: l.meta.amendments.clone(),
            source: l.meta.source.clone(),
        })
        .collect();
    GapReport {
        country: variant.country.clone(),
        law: if used.is_empty() || used.iter().all(|l| l.id.is_empty()) {
            "none".to_string()
        } else {
            used.iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        },
        // A law without a title in the report's language is named by its id, as `check`
        // warns it will be.
        law_title: used
            .iter()
            .map(|l| if l.title.is_empty() { &l.id } else { &l.title })
            .filter(|t| !t.is_empty())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        official: !used.is_empty() && used.iter().all(|l| l.official),
        laws: used,
        verified,
        lang: opts.lang,
        coverage,
        coverage_max,
        provisions,
        national,
        unmatched_articles,
        settled_none,
        outside: outside_articles,
        themes,
        annex_not_compared,
        body_gap: None,
    }
}

/// Whether a model provision is looked for in a national article: a provision of the model's
/// annex (the shelter regulations) only in a regulation; any other provision anywhere.
fn looked_for_in(in_annex: bool, regulation: bool) -> bool {
    !in_annex || regulation
}

/// The evidence of every pair of a model provision and a national article, for measuring the
/// alignment on real statutes: `evidence[n][m]` is national article `n` against model article
/// `m`, zero where the model article is not looked for in that text ([`looked_for_in`]) and
/// for a national article the comparison sets aside as about a subject outside the model law
/// (the smuggling of migrants): what the comparison itself could match.
pub struct PairEvidence {
    /// The model provisions' ids, in the law's order.
    pub models: Vec<String>,
    /// The national articles' numbers, in the text's order.
    pub nationals: Vec<String>,
    pub evidence: Vec<Vec<align::Evidence>>,
}

/// Scores every pair of `variant`'s provisions and `legislation`'s articles (see
/// [`PairEvidence`]).
pub fn pair_evidence(variant: &Variant, legislation: &Legislation) -> PairEvidence {
    let order = lang_order(legislation.meta.language);
    let articles: Vec<&VArticle> = variant.articles().collect();
    let nationals: Vec<&LegislationArticle> = legislation.articles().collect();
    let lexicon = concepts::Lexicon::new(&variant.concepts);
    let scorer = align::Scorer::new(
        &articles,
        &nationals,
        legislation.meta.language,
        &order,
        &lexicon,
    );
    let regulation = legislation.meta.kind == LegislationKind::Regulation;
    let allowed: Vec<bool> = articles
        .iter()
        .map(|a| looked_for_in(a.in_annex, regulation))
        .collect();
    let outside = outside_subjects(
        &scorer,
        &nationals,
        legislation.meta.language,
        &lexicon,
        |_| false,
    );
    let evidence = (0..nationals.len())
        .map(|n| {
            let mut row = scorer.evidence(n);
            let set_aside = outside.get(n).is_some_and(Option::is_some);
            for (e, ok) in row.iter_mut().zip(&allowed) {
                if !ok || set_aside {
                    *e = align::Evidence::default();
                }
            }
            row
        })
        .collect();
    PairEvidence {
        models: articles.iter().map(|a| a.id.to_string()).collect(),
        nationals: nationals.iter().map(|a| a.number.clone()).collect(),
        evidence,
    }
}

/// The subject outside the model law that each national article is about, by its index in
/// the lexicon ([`concepts::Lexicon::outside_subject`]), or `None`: such an article is not
/// matched automatically. An article that names no subject and refers to the preceding
/// article ("the penalties of the preceding article are doubled where …") is about that
/// article's subject. The articles an analyst has `settled` with `model:` lines are `None`.
fn outside_subjects(
    scorer: &align::Scorer,
    nationals: &[&LegislationArticle],
    law_lang: Option<Lang>,
    lexicon: &concepts::Lexicon,
    settled: impl Fn(&LegislationArticle) -> bool,
) -> Vec<Option<usize>> {
    let order = lang_order(law_lang);
    let mut outside: Vec<Option<usize>> = vec![None; nationals.len()];
    for (n, a) in nationals.iter().enumerate() {
        if settled(a) {
            continue;
        }
        let subject = order
            .iter()
            .find_map(|&l| Some((l, scorer.national_terms(l, n)?)))
            .and_then(|(l, terms)| {
                lexicon.outside_subject(l, terms).or_else(|| {
                    let previous = n.checked_sub(1).and_then(|p| outside.get(p).copied())??;
                    let text = national_text(a, law_lang, l)?;
                    (lexicon.names_no_subject(l, terms) && refers_to_preceding_article(&text))
                        .then_some(previous)
                })
            });
        if let Some(slot) = outside.get_mut(n) {
            *slot = subject;
        }
    }
    outside
}

/// For each model provision, the national articles by their similarity with it, best first
/// (for measuring alignment: is the right article among the best few?).
pub fn rank_nationals(
    variant: &Variant,
    legislation: &Legislation,
) -> BTreeMap<String, Vec<String>> {
    let pe = pair_evidence(variant, legislation);
    pe.models
        .iter()
        .enumerate()
        .map(|(m, id)| {
            let mut v: Vec<(f32, usize)> = pe
                .evidence
                .iter()
                .enumerate()
                .filter_map(|(n, row)| {
                    let s = row.get(m).map_or(0.0, align::Evidence::score);
                    (s > 0.0).then_some((s, n))
                })
                .collect();
            v.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            let numbers = v
                .into_iter()
                .filter_map(|(_, n)| pe.nationals.get(n).cloned())
                .collect();
            (id.clone(), numbers)
        })
        .collect()
}

/// What every provision of one comparison is judged against.
struct Context<'a> {
    lexicon: &'a concepts::Lexicon,
    nationals: &'a [&'a LegislationArticle],
    /// The law each national article belongs to.
    law_ids: &'a [&'a str],
    /// Whether a provision found nowhere is missing (else not verified).
    verified: bool,
    /// Whether a national regulation is among the texts: without one, a provision of the
    /// model's annex found nowhere is not verified (it is not looked for in laws).
    regulations: bool,
    /// The national articles that resemble each model article (align::Decided::resembling):
    /// while one does, a provision no article matches is not verified rather than missing.
    resembling: &'a [Vec<usize>],
    scorer: &'a align::Scorer,
    law_lang: Option<Lang>,
    order: &'a [Lang],
    display: Lang,
    /// Prepare the best pair's word diff.
    pairs: bool,
    /// The national articles' terms for the element checks, built as first needed.
    index: &'a elements::NationalIndex,
}

/// The articles that resemble model article `m` as a report shows them: with their law and
/// the pair's score, highest first (the articles were chosen on the score without the model's
/// points, align::Decided::resembling; the score shown is the pair's whole score).
fn resembles_shown(articles: &[usize], m: usize, cx: &Context<'_>) -> Vec<Match> {
    let mut shown: Vec<Match> = articles
        .iter()
        .filter_map(|&n| {
            cx.nationals.get(n).map(|na| Match {
                law: cx.law_ids.get(n).copied().unwrap_or_default().to_string(),
                article: na.number.clone(),
                score: round3(f64::from(cx.scorer.pair(m, n).unwrap_or(0.0))),
                source: MatchSource::Auto,
            })
        })
        .collect();
    shown.sort_by(|a, b| b.score.total_cmp(&a.score));
    shown
}

/// One provision's matches, status and missing elements, and its best pair ready to diff.
fn provision(
    a: &VArticle,
    m: usize,
    list: &[(usize, f32, MatchSource)],
    cx: &Context<'_>,
) -> (Provision, Option<worddiff::Prepared>) {
    let Context {
        lexicon,
        nationals,
        law_ids,
        verified,
        regulations,
        resembling,
        scorer,
        law_lang,
        order,
        display,
        pairs,
        index,
    } = *cx;
    let matched: Vec<(usize, &LegislationArticle)> = list
        .iter()
        .filter_map(|(n, _, _)| nationals.get(*n).map(|a| (*n, *a)))
        .collect();
    let (status, missing, found) = if matched.is_empty() {
        // Missing only where the texts are whole and official and no article resembles the
        // provision (align::DOUBT_RELATIVE); otherwise its absence is not verified.
        let status = if verified
            && (regulations || !a.in_annex)
            && resembling.get(m).is_none_or(Vec::is_empty)
        {
            Coverage::Missing
        } else {
            Coverage::NotVerified
        };
        (status, Vec::new(), Vec::new())
    } else {
        let (missing, found) = elements::missing(
            a, m, &matched, scorer, lexicon, law_lang, order, display, index,
        );
        let status = if missing.is_empty() {
            Coverage::Covered
        } else {
            Coverage::Partial
        };
        let found = found
            .into_iter()
            .filter_map(|f| {
                nationals.get(f.national).map(|na| FoundElement {
                    element: f.element,
                    law: law_ids
                        .get(f.national)
                        .copied()
                        .unwrap_or_default()
                        .to_string(),
                    article: na.number.clone(),
                    paragraph: f.paragraph,
                    part: f.part,
                })
            })
            .collect();
        (status, missing, found)
    };
    // The pair shown side by side: an analyst's mapping before any automatic match (the
    // text a reader sees beside the model must be the one the analyst named), then the best
    // score.
    let explicit = |x: &(usize, f32, MatchSource)| x.2 == MatchSource::Explicit;
    let best = list
        .iter()
        .max_by(|x, y| {
            explicit(x)
                .cmp(&explicit(y))
                .then(x.1.total_cmp(&y.1))
                .then(y.0.cmp(&x.0))
        })
        .and_then(|(n, _, src)| nationals.get(*n).map(|na| (*na, *src)));
    let prepared = best
        .filter(|_| pairs)
        .and_then(|(n, src)| worddiff::prepare(a, n, src, law_lang, display));
    let p = Provision {
        clause: a.id.clone(),
        number: if a.in_annex {
            format!("annex {}", a.number)
        } else {
            a.number.to_string()
        },
        title: pick(&a.title, display).cloned().unwrap_or_default(),
        status,
        mandatory: a.status == Status::Mandatory,
        tags: a.tags.clone(),
        instruments: a.instruments.clone(),
        matches: list
            .iter()
            .filter_map(|(n, s, src)| {
                nationals.get(*n).map(|na| Match {
                    law: law_ids.get(*n).copied().unwrap_or_default().to_string(),
                    article: na.number.clone(),
                    score: round3(f64::from(*s)),
                    source: *src,
                })
            })
            .collect(),
        missing,
        found,
        pair: None,
        // Not verified: no article matches it.
        resembles: if status == Coverage::NotVerified {
            resembles_shown(resembling.get(m).map_or(&[], Vec::as_slice), m, cx)
        } else {
            Vec::new()
        },
    };
    (p, prepared)
}

fn national_list(
    nationals: &[&LegislationArticle],
    law_ids: &[&str],
    provisions: &[Provision],
    explicit: bool,
    leads: &[(usize, Vec<(usize, f32)>)],
) -> Vec<NationalArticle> {
    let leads: BTreeMap<usize, &[(usize, f32)]> =
        leads.iter().map(|(n, l)| (*n, l.as_slice())).collect();
    nationals
        .iter()
        .zip(law_ids)
        .enumerate()
        .map(|(i, (n, law))| {
            let clauses: Vec<ClauseId> = provisions
                .iter()
                .filter(|p| {
                    p.matches
                        .iter()
                        .any(|m| m.article == n.number && m.law == *law)
                })
                .map(|p| p.clause.clone())
                .collect();
            let also = leads
                .get(&i)
                .copied()
                .unwrap_or_default()
                .iter()
                .filter_map(|&(m, s)| {
                    let p = provisions.get(m)?;
                    (!clauses.contains(&p.clause)).then(|| (p.clause.clone(), round3(f64::from(s))))
                })
                .collect();
            NationalArticle {
                law: law.to_string(),
                number: n.number.clone(),
                title: n.title.clone().unwrap_or_default(),
                clauses,
                settled: explicit && !n.model.is_empty(),
                file: n.origin.file.clone(),
                line: n.line,
                also,
            }
        })
        .collect()
}

fn themes(provisions: &[Provision]) -> Vec<ThemeSummary> {
    PRIORITY_THEMES
        .iter()
        .filter_map(|theme| {
            let ps: Vec<&Provision> = provisions
                .iter()
                .filter(|p| p.tags.iter().any(|t| t == theme))
                .collect();
            if ps.is_empty() {
                return None;
            }
            let count = |s: Coverage| ps.iter().filter(|p| p.status == s).count();
            Some(ThemeSummary {
                theme: theme.to_string(),
                clauses: ps.iter().map(|p| p.clause.clone()).collect(),
                covered: count(Coverage::Covered),
                partial: count(Coverage::Partial),
                missing: count(Coverage::Missing),
                not_verified: count(Coverage::NotVerified),
                score: coverage_score(ps.iter().map(|p| (p.mandatory, p.status))),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{parse_clause, parse_legislation};
    use crate::model::Part;

    fn clause(id: &str, status: &str, tags: &str, ar: &str, en: &str) -> crate::model::Clause {
        let text = format!(
            "+++\nid = \"{id}\"\nstatus = \"{status}\"\ntags = [{tags}]\n\n[title]\nar = \"{id}\"\nen = \"{id}\"\n+++\n\n## ar\n\n{ar}\n\n## en\n\n{en}\n"
        );
        let mut d = Vec::new();
        let c = parse_clause(&format!("law/clauses/{id}.md"), &text, &mut d);
        assert!(d.is_empty(), "{d:?}");
        c.expect("clause parses")
    }

    fn law() -> Law {
        let clauses = [
            clause(
                "non-punishment",
                "mandatory",
                "\"non-punishment\"",
                "1. لا تُلاحق الضحية جزائياً ولا تُحتجز بسبب فعل أُكرهت على ارتكابه نتيجة الاتجار.\n2. إذا كانت الضحية طفلاً لا يلزم إثبات الإكراه.",
                "1. A victim shall not be prosecuted or detained for an act compelled by trafficking.\n2. Where the victim is a child, compulsion need not be proved.",
            ),
            clause(
                "shelter",
                "mandatory",
                "\"shelter\"",
                "تُنشئ الدولة دور إيواء آمنة للضحايا بموافقتهم، ولا تُعد دار الإيواء مكاناً للاحتجاز.",
                "The State shall establish safe shelters for victims with their consent; a shelter is never a place of detention.",
            ),
            clause(
                "awareness",
                "optional",
                "\"prevention\"",
                "تنظم الجهات المختصة حملات توعية بمخاطر الاتجار في المدارس ووسائل الإعلام.",
                "The competent authorities shall run awareness campaigns on the risks of trafficking in schools and the media.",
            ),
        ];
        let mut law = Law {
            id: "test-law".into(),
            chapters: vec![Part {
                id: "one".into(),
                clauses: clauses.iter().map(|c| c.id.clone()).collect(),
                ..Part::default()
            }],
            ..Law::default()
        };
        for c in clauses {
            law.clauses.insert(c.id.clone(), std::sync::Arc::new(c));
        }
        law.concepts = vec![
            concept(
                "np-child-victims",
                "non-punishment",
                "non-punishment of child victims",
                &["طفل", "أطفال", "حدث", "قاصر"],
                &["child", "minor"],
            ),
            concept(
                "shelter-consent",
                "shelter",
                "shelter with the victim's consent, never detention",
                &["موافقة", "رضا", "احتجاز"],
                &["consent", "detention"],
            ),
        ];
        law
    }

    /// A concept the provision `clause` requires.
    fn concept(
        id: &str,
        clause: &str,
        label: &str,
        ar: &[&str],
        en: &[&str],
    ) -> crate::model::Concept {
        let target = crate::model::ConceptTarget {
            clause: ClauseId(clause.into()),
            paragraph: None,
            origin: crate::model::Origin::default(),
        };
        crate::model::Concept {
            id: id.into(),
            label: [(Lang::En, label.to_string())].into_iter().collect(),
            articles: vec![target.clone()],
            requires: vec![target],
            expressions: [
                (Lang::Ar, ar.iter().map(|s| s.to_string()).collect()),
                (Lang::En, en.iter().map(|s| s.to_string()).collect()),
            ]
            .into_iter()
            .collect(),
            outside: None,
            origin: crate::model::Origin::default(),
        }
    }

    fn legislation(body: &str) -> Legislation {
        let text = format!(
            "+++\nid = \"law-1\"\nlanguage = \"ar\"\nofficial = true\nsource = \"test\"\n\n[title]\nar = \"قانون\"\n+++\n{body}"
        );
        let mut d = Vec::new();
        let l = parse_legislation("countries/xx/legislation/law-1.md", "xx", &text, &mut d);
        assert!(d.is_empty(), "{d:?}");
        l.expect("legislation parses")
    }

    fn report(body: &str, explicit: bool) -> GapReport {
        let law = law();
        let (variant, _) = variant::build(&law, None, &Lang::ALL);
        compare(
            &variant,
            &legislation(body),
            &CompareOptions {
                explicit,
                lang: Lang::En,
                pairs: true,
            },
        )
    }

    /// The test law's variant, and the options of an analyst's report in English.
    fn variant_and_options() -> (Variant, CompareOptions) {
        let (variant, _) = variant::build(&law(), None, &Lang::ALL);
        let opts = CompareOptions {
            explicit: true,
            lang: Lang::En,
            pairs: true,
        };
        (variant, opts)
    }

    fn provision<'a>(r: &'a GapReport, id: &str) -> &'a Provision {
        r.provisions
            .iter()
            .find(|p| p.clause.as_str() == id)
            .expect("provision")
    }

    const BODY: &str = "## 5\nmodel: shelter\n\nتنشئ الوزارة داراً لإيواء الضحايا.\n\n## 6\n\nلا تلاحق ضحية االتجار جزائيا\n١٢\nولا تحتجز عن فعل أكرهت على ارتكابه نتيجة الاتجار، ومنه مخالفة شروط الإقامة، وإذا كانت الضحية طفلا لا يلزم إثبات الإكراه.\n\n## 7\n\nيحدد الوزير رسوم تسجيل المركبات.\n";

    /// The test law's variant with the smuggling of migrants as a subject outside it (its
    /// Arabic expressions `ar`, trafficking as `rather_than`), and the options of these tests.
    fn with_smuggling(ar: &[&str]) -> (Variant, CompareOptions) {
        let mut law = law();
        let mut smuggling = concept(
            "migrant-smuggling",
            "shelter",
            "smuggling of migrants",
            ar,
            &["migrant smuggling"],
        );
        smuggling.articles.clear();
        smuggling.requires.clear();
        smuggling.outside = Some(
            [(Lang::Ar, vec!["الاتجار".to_string()])]
                .into_iter()
                .collect(),
        );
        law.concepts.push(smuggling);
        let (variant, _) = variant::build(&law, None, &Lang::ALL);
        let opts = CompareOptions {
            explicit: true,
            lang: Lang::En,
            pairs: true,
        };
        (variant, opts)
    }

    #[test]
    fn articles_about_smuggling_migrants_are_set_aside_unless_an_analyst_maps_them() {
        let (variant, opts) = with_smuggling(&["تهريب المهاجرين", "الهجرة غير المشروعة"]);
        // Article 8 shares the words of non-punishment but is about smuggling migrants (named
        // twice, trafficking never); article 6 names both as often and is compared as usual.
        let body = format!(
            "{BODY}\n## 8\n\nلا يلاحق المهاجر جزائيا عن تهريب المهاجرين، ولا يحتجز عن مخالفة شروط الإقامة بسبب الهجرة غير المشروعة.\n"
        );
        let r = compare(&variant, &legislation(&body), &opts);
        assert_eq!(r.outside.len(), 1, "{:?}", r.outside);
        assert_eq!(r.outside[0].subject, "migrant-smuggling");
        assert_eq!(r.outside[0].label, "smuggling of migrants");
        assert_eq!(r.outside[0].articles, ["8"]);
        assert!(!r.unmatched_articles.contains(&"8".to_string()));
        assert!(
            r.national
                .iter()
                .all(|n| n.number != "8" || n.clauses.is_empty())
        );
        assert!(
            provision(&r, "non-punishment")
                .matches
                .iter()
                .any(|m| m.article == "6")
        );
        // Nor is it among the articles a measure of the ranking ranks: the comparison could
        // not match it.
        let ranks = rank_nationals(&variant, &legislation(&body));
        assert!(
            ranks.values().all(|v| !v.contains(&"8".to_string())),
            "{ranks:?}"
        );
        assert!(ranks["non-punishment"].contains(&"6".to_string()));
        // Without the subject in the lexicon, the same article is compared.
        let plain = report(&body, true);
        assert!(plain.outside.is_empty());
        assert!(
            plain
                .national
                .iter()
                .any(|n| n.number == "8" && !n.clauses.is_empty()),
            "compared, article 8 is matched on shared words"
        );
        // An analyst's line maps it as the analyst says.
        let mapped = body.replace("## 8\n", "## 8\nmodel: non-punishment\n");
        let r = compare(&variant, &legislation(&mapped), &opts);
        assert!(r.outside.is_empty(), "{:?}", r.outside);
        assert!(
            provision(&r, "non-punishment")
                .matches
                .iter()
                .any(|m| m.article == "8" && m.source == MatchSource::Explicit)
        );
        // Every display lists it apart, under the subject's label.
        let r = compare(&variant, &legislation(&body), &opts);
        let text = display::text::render(&r);
        assert!(
            text.contains("National articles on subjects outside the model law, not compared with it: 8 (smuggling of migrants)"),
            "{text}"
        );
        assert!(display::json::render(&r).contains("\"subject\": \"migrant-smuggling\""));
    }

    #[test]
    fn an_article_that_only_refers_to_a_preceding_outside_article_shares_its_subject() {
        assert!(refers_to_preceding_article(
            "تُضاعف العقوبات المنصوص عليها في المادة السابقة إذا ارتكبت الجريمة"
        ));
        assert!(refers_to_preceding_article(
            "The penalty under the preceding section is doubled."
        ));
        assert!(refers_to_preceding_article(
            "Les peines prévues à l'article précédent sont portées au double."
        ));
        assert!(!refers_to_preceding_article("المادة 7 من هذا القانون"));
        assert!(!refers_to_preceding_article("the preceding year"));

        let (variant, opts) = with_smuggling(&["تهريب المهاجرين"]);
        // 8 is about smuggling; 9 aggravates "the preceding article" and names no subject;
        // 10 aggravates the preceding article but names trafficking: it is compared.
        let aggravate = "تضاعف العقوبة المنصوص عليها في المادة السابقة إذا كان الجاني موظفا عاما أو ارتكبت الجريمة جماعة منظمة";
        let body = format!(
            "{BODY}\n## 8\n\nيعاقب بالحبس كل من ارتكب جريمة تهريب المهاجرين.\n\n## 9\n\n{aggravate}.\n\n## 10\n\n{aggravate} في جريمة الاتجار.\n"
        );
        let r = compare(&variant, &legislation(&body), &opts);
        assert_eq!(r.outside.len(), 1, "{:?}", r.outside);
        assert_eq!(r.outside[0].articles, ["8", "9"]);
        // The same article after one that is not about smuggling is compared.
        let body = format!("{BODY}\n## 9\n\n{aggravate}.\n");
        let r = compare(&variant, &legislation(&body), &opts);
        assert!(r.outside.is_empty(), "{:?}", r.outside);
    }

    #[test]
    fn explicit_mappings_come_first_and_the_rest_is_aligned() {
        let r = report(BODY, true);
        let shelter = provision(&r, "shelter");
        assert_eq!(shelter.matches.len(), 1);
        assert_eq!(shelter.matches[0].article, "5");
        assert_eq!(shelter.matches[0].source, MatchSource::Explicit);
        let np = provision(&r, "non-punishment");
        assert_eq!(np.matches.len(), 1, "{:?}", np.matches);
        assert_eq!(np.matches[0].article, "6");
        assert_eq!(np.matches[0].source, MatchSource::Auto);
        assert_eq!(provision(&r, "awareness").status, Coverage::Missing);
        assert_eq!(r.unmatched_articles, ["7"]);
        assert_eq!(r.national.len(), 3);
    }

    #[test]
    fn an_article_an_analyst_says_enacts_nothing_is_neither_matched_nor_a_doubt() {
        // Article 6 resembles non-punishment and is matched to it automatically...
        let r = report(BODY, true);
        assert_ne!(provision(&r, "non-punishment").status, Coverage::Missing);
        // ... until an analyst writes that it enacts no model provision: then nothing in
        // this complete official text resembles non-punishment, and it is missing.
        let body = BODY.replace("## 6\n", "## 6\nmodel: none\n");
        let r = report(&body, true);
        let np = provision(&r, "non-punishment");
        assert!(np.matches.is_empty(), "{:?}", np.matches);
        assert_eq!(np.status, Coverage::Missing);
        assert!(
            r.provisions
                .iter()
                .all(|p| p.matches.iter().all(|m| m.article != "6"))
        );
        assert_eq!(r.unmatched_articles, ["7"]);
        assert_eq!(r.settled_none, ["6"]);
        // Measuring the alignment (explicit mappings off), the line is not read.
        let r = report(&body, false);
        assert_eq!(provision(&r, "non-punishment").matches[0].article, "6");
        assert!(r.settled_none.is_empty());
    }

    #[test]
    fn the_articles_to_confirm_are_those_whose_matches_are_all_automatic_with_their_line() {
        let r = report(BODY, true);
        let by = |n: &str| r.national.iter().find(|a| a.number == n).expect("article");
        // Nine lines of front matter, then "## 5" (line 10), its `model:` line, a blank, its
        // text, a blank, and "## 6" on line 15; its text runs over three lines, so "## 7" is
        // on line 21.
        assert_eq!((by("5").line, by("6").line, by("7").line), (10, 15, 21));
        assert!(by("5").settled && !by("6").settled && !by("7").settled);
        assert_eq!(by("6").file, "countries/xx/legislation/law-1.md");
        let confirm = display::to_confirm(&r);
        // 5 is settled by its `model:` line and 7 matches nothing: only 6 is left to confirm,
        // with the line that would confirm what the alignment proposes.
        assert_eq!(confirm.len(), 1, "{confirm:?}");
        assert_eq!(confirm[0].article, "6");
        assert_eq!(confirm[0].at, "countries/xx/legislation/law-1.md:15");
        let proposed: Vec<String> = provisions_of(&r, "6");
        assert!(
            proposed.contains(&"non-punishment".to_string()),
            "{proposed:?}"
        );
        assert_eq!(
            confirm[0].model_line,
            format!("model: {}", proposed.join(", "))
        );
        // Beside it, the other provisions among its best candidates: never one it was
        // matched to, each scoring at least the floor of a match.
        let also = &confirm[0].also;
        assert!(also.len() <= align::LEADS, "{also:?}");
        for lead in also {
            assert!(!proposed.contains(&lead.clause), "{lead:?}");
            assert!(lead.score >= f64::from(align::MIN_SCORE) - 1e-3, "{lead:?}");
        }
        assert!(by("5").also.is_empty(), "a settled article has no leads");
        // Every display lists it; once the analyst writes the line, nothing is left.
        let esc = crate::pdf::escape_typst;
        for (out, esc) in [
            (display::text::render(&r), None),
            (display::md::render(&r), None),
            (display::html::render(&r), None),
            (display::typ::render(&r), Some(esc)),
        ] {
            let shown = |x: &str| esc.map_or(x.to_string(), |e| e(x));
            assert!(out.contains(&shown("law-1.md:15")), "{out}");
            assert!(out.contains(&shown(&confirm[0].model_line)), "{out}");
        }
        let body = BODY.replace("## 6\n", &format!("## 6\n{}\n", confirm[0].model_line));
        let settled = report(&body, true);
        assert!(display::to_confirm(&settled).is_empty());
        assert!(!display::text::render(&settled).contains("law-1.md:"));
        // Measuring the alignment (explicit mappings off), no article is settled.
        let auto = report(BODY, false);
        assert!(auto.national.iter().all(|a| !a.settled));
        assert_eq!(display::to_confirm(&auto).len(), 2);
    }

    fn provisions_of(r: &GapReport, article: &str) -> Vec<String> {
        r.provisions
            .iter()
            .filter(|p| p.matches.iter().any(|m| m.article == article))
            .map(|p| p.clause.as_str().to_string())
            .collect()
    }

    #[test]
    fn without_explicit_mappings_everything_is_automatic() {
        let r = report(BODY, false);
        assert!(
            r.provisions
                .iter()
                .flat_map(|p| &p.matches)
                .all(|m| m.source == MatchSource::Auto)
        );
    }

    #[test]
    fn statuses_say_what_is_missing() {
        let r = report(BODY, true);
        let np = provision(&r, "non-punishment");
        assert_eq!(np.status, Coverage::Covered, "{:?}", np.missing);
        let shelter = provision(&r, "shelter");
        assert_eq!(shelter.status, Coverage::Partial);
        assert!(
            shelter
                .missing
                .iter()
                .any(|m| m.to_string().contains("shelter with the victim's consent")),
            "{:?}",
            shelter.missing
        );
        let adult_only =
            "## 6\n\nلا تلاحق الضحية جزائيا ولا تحتجز عن فعل أكرهت على ارتكابه نتيجة الاتجار.\n";
        let r = report(adult_only, false);
        let np = provision(&r, "non-punishment");
        assert_eq!(np.status, Coverage::Partial);
        assert!(
            np.missing
                .iter()
                .any(|m| *m == elements::Lack::Element("non-punishment of child victims".into())),
            "{:?}",
            np.missing
        );
    }

    #[test]
    fn a_matched_article_holds_at_least_the_element_closest_to_it() {
        // Article 9 words paragraph 1 of non-punishment its own way: a few of its key terms,
        // short of the share that makes an element present by its terms alone.
        let r = report(
            "## 9\nmodel: non-punishment\n\nلا تلاحق الضحية بسبب فعل.\n",
            true,
        );
        let np = provision(&r, "non-punishment");
        assert_eq!(np.status, Coverage::Partial);
        let held: Vec<_> = np.found.iter().filter_map(|f| f.paragraph).collect();
        assert_eq!(held, [1], "{:?}", np.found);
        assert_eq!(np.found[0].article, "9");
        assert!(
            np.missing
                .iter()
                .any(|m| matches!(m, elements::Lack::Text { paragraph: 2, .. })),
            "{:?}",
            np.missing
        );
        assert!(
            !np.missing
                .iter()
                .any(|m| matches!(m, elements::Lack::Text { paragraph: 1, .. })),
            "{:?}",
            np.missing
        );
        // An article that holds next to nothing of any paragraph holds none of them.
        let r = report(
            "## 9\nmodel: non-punishment\n\nيحدد الوزير رسوم تسجيل المركبات.\n",
            true,
        );
        let np = provision(&r, "non-punishment");
        assert!(
            np.found.iter().all(|f| f.paragraph.is_none()),
            "{:?}",
            np.found
        );
        assert_eq!(
            np.missing
                .iter()
                .filter(|m| matches!(m, elements::Lack::Text { .. }))
                .count(),
            2,
            "{:?}",
            np.missing
        );
    }

    #[test]
    fn an_element_several_matched_articles_hold_alike_is_found_in_the_best_match() {
        // Both articles express the consent the shelter provision requires; the report names
        // the first of the provision's matches (an analyst's, then the best scoring), not the
        // last.
        let body = "## 5\nmodel: shelter\n\nتنشئ الدولة دور إيواء آمنة للضحايا بموافقتهم، ولا تعد دار الإيواء مكاناً للاحتجاز.\n\n## 7\nmodel: shelter\n\nيكون الإيواء بموافقة الضحية.\n";
        let r = report(body, true);
        let shelter = provision(&r, "shelter");
        assert_eq!(shelter.matches.len(), 2, "{:?}", shelter.matches);
        let consent = shelter
            .found
            .iter()
            .find(|f| f.element.starts_with("shelter with the victim's consent"))
            .expect("the consent is found");
        assert_eq!(
            consent.article, shelter.matches[0].article,
            "{:?}",
            shelter.matches
        );
    }

    #[test]
    fn the_pair_shown_side_by_side_is_the_analysts_before_a_better_scoring_automatic_one() {
        // Article 5 is the analyst's mapping, in few words; article 8 words the provision
        // almost as the model does and is matched automatically, with a higher score.
        let body = "## 5\nmodel: shelter\n\nتنشئ الوزارة داراً.\n\n## 8\n\nتنشئ الدولة دور إيواء آمنة للضحايا بموافقتهم، ولا تعد دار الإيواء مكاناً للاحتجاز.\n";
        let r = report(body, true);
        let shelter = provision(&r, "shelter");
        let auto = shelter
            .matches
            .iter()
            .find(|m| m.article == "8")
            .expect("article 8 is matched automatically");
        assert_eq!(auto.source, MatchSource::Auto);
        assert!(
            auto.score > shelter.matches[0].score,
            "{:?}",
            shelter.matches
        );
        assert_eq!(shelter.pair.as_ref().expect("pair").article, "5");
    }

    #[test]
    fn findings_that_rest_only_on_automatic_matches_are_said_to_be_unconfirmed() {
        let (variant, opts) = variant_and_options();
        // Article 5 is mapped by an analyst; article 6 is matched to non-punishment by its
        // wording alone.
        let r = compare(
            &variant,
            &legislation_with("a", "official = true", BODY),
            &opts,
        );
        assert!(is_unconfirmed(provision(&r, "non-punishment")));
        assert!(!is_unconfirmed(provision(&r, "shelter")));
        assert!(
            !is_unconfirmed(provision(&r, "awareness")),
            "no match, no verdict to confirm"
        );
        assert_eq!(unconfirmed(&r), 1);
        let c = caveat(&r, Reader::Parliament).expect("a caveat");
        assert!(
            c.starts_with(
                "Caution: 1 of the findings here rests only on a match made automatically"
            ) && c.contains("(marked * in the gap table)"),
            "{c}"
        );
        assert!(
            caveat(&r, Reader::Analyst).is_some_and(|c| c.contains("`model:` line")),
            "{:?}",
            caveat(&r, Reader::Analyst)
        );
        // Once an analyst confirms it, nothing is left to say.
        let body = BODY.replace("## 6\n", "## 6\nmodel: non-punishment\n");
        let r = compare(
            &variant,
            &legislation_with("a", "official = true", &body),
            &opts,
        );
        assert_eq!(unconfirmed(&r), 0);
        assert_eq!(caveat(&r, Reader::Parliament), None);
        // In a summary, the sentence follows the one on absences.
        let r = compare(
            &variant,
            &legislation_with("a", "official = false", BODY),
            &opts,
        );
        let c = caveat(&r, Reader::Parliament).expect("a caveat");
        assert!(
            c.starts_with("Caution: the national text used here is an unofficial summary"),
            "{c}"
        );
        assert!(
            c.ends_with("they may be wrong.") || c.ends_with("it may be wrong."),
            "{c}"
        );
    }

    #[test]
    fn the_best_pair_is_diffed_in_the_report_language() {
        let r = report(BODY, true);
        let pair = provision(&r, "non-punishment").pair.as_ref().expect("pair");
        assert_eq!(pair.article, "6");
        assert_eq!(pair.national_lang, Lang::Ar);
        assert!(pair.national.iter().any(|s| s.same));
        assert!(pair.model.iter().any(|s| !s.same));
    }

    fn legislation_with(id: &str, front: &str, body: &str) -> Legislation {
        let text = format!(
            "+++\nid = \"{id}\"\nlanguage = \"ar\"\nsource = \"test\"\n{front}\n\n[title]\nar = \"قانون {id}\"\n+++\n{body}"
        );
        let mut d = Vec::new();
        let l = parse_legislation(
            &format!("countries/xx/legislation/{id}.md"),
            "xx",
            &text,
            &mut d,
        );
        assert!(d.is_empty(), "{d:?}");
        l.expect("legislation parses")
    }

    #[test]
    fn a_found_element_names_the_item_of_the_national_article_that_holds_it() {
        // Article 6 lists two items: fees for vehicles, then non-punishment of victims. What
        // the report finds of non-punishment is in item 2, and it says so: "6(2)".
        let body = "## 6\nmodel: non-punishment\n\n1- يحدد الوزير رسوم تسجيل المركبات وما يتصل بها من إجراءات ومواعيد.\n2- لا تلاحق ضحية الاتجار جزائيا ولا تحتجز عن فعل أكرهت على ارتكابه نتيجة الاتجار، ومنه مخالفة شروط الإقامة.\n";
        let r = report(body, true);
        let np = provision(&r, "non-punishment");
        assert!(!np.found.is_empty(), "{np:?}");
        let parts: Vec<Option<&str>> = np.found.iter().map(|f| f.part.as_deref()).collect();
        assert!(parts.contains(&Some("(2)")), "{:?}", np.found);
        assert!(!parts.contains(&Some("(1)")), "{:?}", np.found);
        let shown = display::found_text(Lang::En, &np.found, false);
        assert!(shown.contains("→ 6(2)"), "{shown}");
        // In Arabic the arrow points left, the way the line reads.
        let shown = display::found_text(Lang::Ar, &np.found, false);
        assert!(shown.contains("← 6(2)") && !shown.contains('→'), "{shown}");
        for out in [display::text::render(&r), display::html::render(&r)] {
            assert!(
                out.contains("Found in: ") && out.contains("→ 6(2)"),
                "{out}"
            );
        }
        // Without labels of the law's own, the report names the article alone.
        let body = body.replace("1- ", "").replace("2- ", "");
        let r = report(&body, true);
        let np = provision(&r, "non-punishment");
        assert!(np.found.iter().all(|f| f.part.is_none()), "{:?}", np.found);
    }

    #[test]
    fn a_french_caveat_keeps_its_marks_on_the_line_of_the_word_before() {
        // A summary, with an automatic match: the caveat has both parts, every sentence.
        let (variant, mut opts) = variant_and_options();
        opts.lang = Lang::Fr;
        let r = compare(
            &variant,
            &legislation_with("a", "official = false", BODY),
            &opts,
        );
        for reader in [Reader::Analyst, Reader::Parliament] {
            let c = caveat(&r, reader).expect("a caveat");
            assert!(c.starts_with("Attention\u{a0}: "), "{c}");
            for bad in [" :", " ;", "« ", " »"] {
                assert!(!c.contains(bad), "{bad:?} in {c}");
            }
        }
    }

    #[test]
    fn a_law_without_a_title_is_named_by_its_id() {
        // As `check` warns: "reports and packets will name it by its id".
        let (variant, opts) = variant_and_options();
        let text = "+++\nid = \"law-7-2020\"\nlanguage = \"ar\"\nsource = \"test\"\nofficial = true\n+++\n## 1\n\nنص.\n";
        let mut d = Vec::new();
        let l = parse_legislation("countries/xx/legislation/law-7-2020.md", "xx", text, &mut d);
        let l = l.unwrap_or_else(|| panic!("legislation parses: {d:?}"));
        let r = compare(&variant, &l, &opts);
        assert_eq!(r.law_title, "law-7-2020");
        let shown = display::text::render(&r);
        assert!(
            shown.starts_with("Gap analysis: model — law-7-2020\n"),
            "the id once, not \"law-7-2020 (law-7-2020)\": {shown}"
        );
    }

    #[test]
    fn with_no_national_text_every_reader_is_told_nothing_was_looked_for() {
        let (variant, mut opts) = variant_and_options();
        for lang in Lang::ALL {
            opts.lang = lang;
            let r = compare_body(&variant, &[], false, &opts);
            assert!(
                r.provisions
                    .iter()
                    .all(|p| p.status == Coverage::NotVerified)
            );
            for reader in [Reader::Analyst, Reader::Parliament] {
                let c = caveat(&r, reader).expect("a caveat");
                let (says, not) = match lang {
                    Lang::Ar => ("لا يتوفر هنا أي نص", "من أصل"),
                    Lang::En => ("no national legislation is available", " of 0"),
                    Lang::Fr => ("aucune législation nationale", " sur 0"),
                };
                assert!(c.contains(says) && !c.contains(not), "{c}");
                assert_eq!(
                    c.contains("qanun import"),
                    reader == Reader::Analyst,
                    "only the analyst is told to import: {c}"
                );
            }
        }
    }

    #[test]
    fn only_a_complete_official_text_shows_a_provision_missing() {
        let (variant, opts) = variant_and_options();
        let status = |r: &GapReport| provision(r, "awareness").status;
        let official = legislation_with("a", "official = true", BODY);
        let r = compare(&variant, &official, &opts);
        assert!(r.verified);
        assert_eq!(status(&r), Coverage::Missing);
        assert_eq!(r.coverage, r.coverage_max);
        assert_eq!(absence_caveat(&r, Reader::Parliament), None);
        for front in [
            "official = false",
            "official = true\ncomplete = false\ntotal_articles = 30",
        ] {
            let l = legislation_with("a", front, BODY);
            let r = compare(&variant, &l, &opts);
            assert!(!r.verified, "{front}");
            assert_eq!(status(&r), Coverage::NotVerified, "{front}");
            // Covered and partial provisions keep their status: they were read.
            assert_eq!(provision(&r, "non-punishment").status, Coverage::Covered);
            assert!(r.coverage_max > r.coverage, "{front}: {r:?}");
            let c = caveat(&r, Reader::Parliament).expect("a caveat");
            assert!(c.contains("not verified"), "{c}");
        }
        let extract = legislation_with(
            "a",
            "official = true\ncomplete = false\ntotal_articles = 30",
            BODY,
        );
        let c = caveat(&compare(&variant, &extract, &opts), Reader::Analyst).expect("caveat");
        assert!(c.contains("3 of 30 articles"), "{c}");
    }

    #[test]
    fn in_a_complete_official_text_a_provision_an_article_resembles_is_not_verified() {
        let (variant, opts) = variant_and_options();
        // One article: awareness campaigns, and a shelter in passing. It matches awareness;
        // shelter scores more than half as well without being matched, so its absence is not
        // certain. Nothing resembles non-punishment: that one is missing.
        let text = "## 8\n\nتنشئ الوزارة داراً آمنة لإيواء الضحايا وتنظم الجهات المختصة حملات في وسائل الإعلام.\n";
        let r = compare(
            &variant,
            &legislation_with("a", "official = true", text),
            &opts,
        );
        assert!(r.verified);
        assert_eq!(provision(&r, "awareness").matches.len(), 1);
        assert_eq!(provision(&r, "shelter").status, Coverage::NotVerified);
        assert_eq!(provision(&r, "non-punishment").status, Coverage::Missing);
        assert!(r.coverage_max > r.coverage, "{r:?}");
        let c = caveat(&r, Reader::Analyst).expect("a caveat");
        assert!(
            c.contains("1 provision of") && c.contains("not found for certain"),
            "{c}"
        );
        assert!(c.contains("model:"), "{c}");
        let shown = display::score_text(&r);
        assert!(
            shown.contains("if the provisions not verified are there"),
            "{shown}"
        );
        assert!(display::status_counts(&r).contains("not verified 1"));
        // Each format names the article that resembles it.
        let shelter = provision(&r, "shelter");
        let articles: Vec<&str> = shelter
            .resembles
            .iter()
            .map(|m| m.article.as_str())
            .collect();
        assert_eq!(articles, ["8"]);
        // A line of its own, not under a "Matches:" label, since article 8 does not match.
        let text = display::text::render(&r);
        assert!(text.contains("\n      Resembles article 8 ("), "{text}");
        assert!(!text.contains("Matches: resembles"), "{text}");
        assert!(display::json::render(&r).contains("\"resembles\": ["));
        assert!(provision(&r, "non-punishment").resembles.is_empty());
        // A provision matched or covered names none.
        assert!(provision(&r, "awareness").resembles.is_empty());
        // When what resembles it is matched to it, nothing is in doubt.
        let text = "## 8\n\nتنشئ الدولة دور إيواء آمنة للضحايا، وتعلن عنها في وسائل الإعلام.\n";
        let r = compare(
            &variant,
            &legislation_with("a", "official = true", text),
            &opts,
        );
        assert_eq!(provision(&r, "awareness").status, Coverage::Missing);
        assert_eq!(absence_caveat(&r, Reader::Analyst), None);
        assert_eq!(r.coverage, r.coverage_max);
    }

    #[test]
    fn a_body_not_known_to_be_whole_tells_the_analyst_what_the_profile_lacks() {
        let (variant, opts) = variant_and_options();
        let text = "## 8\n\nتنشئ الدولة دور إيواء آمنة للضحايا.\n";
        let law = legislation_with("a", "official = true", text);
        let whole = compare(&variant, &law, &opts);
        assert!(whole.verified);
        // As compare_country leaves it when the profile lists no law in force.
        let report = GapReport {
            verified: false,
            body_gap: Some(BodyGap::Unlisted),
            ..whole.clone()
        };
        let analyst = caveat(&report, Reader::Analyst).expect("a caveat");
        assert!(analyst.contains("[[laws]]"), "{analyst}");
        let profile = format!("countries/{}/country.toml", report.country);
        assert!(analyst.contains(&profile), "{analyst}");
        // A parliament is not sent to the profile: it reads what the gap means.
        let parliament = caveat(&report, Reader::Parliament).expect("a caveat");
        assert!(!parliament.contains("[[laws]]"), "{parliament}");
        assert!(parliament.contains("legislation in force"), "{parliament}");
        let missing = GapReport {
            body_gap: Some(BodyGap::Missing(vec!["penal-code".to_string()])),
            ..report
        };
        let analyst = caveat(&missing, Reader::Analyst).expect("a caveat");
        assert!(analyst.contains("(penal-code)"), "{analyst}");
        // A summary keeps the summary's caveat: the profile is not what limits it.
        let summary = compare(
            &variant,
            &legislation_with("a", "official = false", text),
            &opts,
        );
        let summary = GapReport {
            body_gap: Some(BodyGap::Unlisted),
            ..summary
        };
        let said = caveat(&summary, Reader::Analyst).expect("a caveat");
        assert!(!said.contains("[[laws]]"), "{said}");
    }

    #[test]
    fn in_an_extract_a_provision_not_verified_names_the_articles_to_read() {
        let (variant, opts) = variant_and_options();
        // An extract of two articles: awareness campaigns (with a shelter in passing), and a
        // penalty for forged travel documents. Each provision no article matches is not
        // verified, as in any extract; shelter, which article 8 resembles, names it, so that
        // an analyst knows where to read before calling it absent (align's own test shows
        // several, best first).
        let text = "## 8\n\nتنشئ الوزارة داراً آمنة لإيواء الضحايا وتنظم الجهات المختصة حملات في وسائل الإعلام.\n\n## 9\n\nيعاقب بالحبس مدة لا تقل عن سنة كل من زور وثيقة سفر.\n";
        let extract = legislation_with(
            "a",
            "official = true\ncomplete = false\ntotal_articles = 30",
            text,
        );
        let r = compare(&variant, &extract, &opts);
        assert!(!r.verified);
        let shelter = provision(&r, "shelter");
        assert_eq!(shelter.status, Coverage::NotVerified);
        assert!(shelter.matches.is_empty(), "{shelter:?}");
        let articles: Vec<&str> = shelter
            .resembles
            .iter()
            .map(|m| m.article.as_str())
            .collect();
        assert_eq!(articles.first(), Some(&"8"), "{shelter:?}");
        assert!(articles.len() <= align::LEADS);
        assert!(
            shelter
                .resembles
                .windows(2)
                .all(|w| w[0].score >= w[1].score),
            "{shelter:?}"
        );
        // Nothing in the extract resembles non-punishment: it names nothing, and is still
        // not verified, never missing.
        let np = provision(&r, "non-punishment");
        assert_eq!(np.status, Coverage::NotVerified);
        assert!(np.resembles.is_empty(), "{np:?}");
        // Every format shows them; the packet, read in parliament, does not (a summary or
        // extract says "not found in the available text" and nothing more).
        assert!(display::text::render(&r).contains("Resembles article"));
        assert!(display::json::render(&r).contains("\"resembles\": ["));
        assert!(display::html::render(&r).contains("<p>Resembles article"));
        assert!(display::md::render(&r).contains("resembles article"));
        let gaps = crate::render::packet::Gaps::from_report(&r);
        assert!(gaps.items.iter().all(|g| g.resembles.is_none()));
    }

    /// The test law with its shelter provision moved into an annex (rules laid down in
    /// regulations).
    fn law_with_annex() -> Law {
        let mut law = law();
        let shelter = ClauseId("shelter".into());
        for c in &mut law.chapters {
            c.clauses.retain(|x| *x != shelter);
        }
        law.annexes = vec![Part {
            id: "regulations".into(),
            kind: crate::model::PartKind::Annex,
            clauses: vec![shelter],
            ..Part::default()
        }];
        law
    }

    #[test]
    fn the_annex_is_compared_with_regulations_only() {
        let law = law_with_annex();
        let (variant, _) = variant::build(&law, None, &Lang::ALL);
        let opts = CompareOptions {
            explicit: true,
            lang: Lang::En,
            pairs: true,
        };
        let shelter_text = "## 4\n\nتنشئ الدولة دور إيواء آمنة للضحايا بموافقتهم، ولا تعد دار الإيواء مكاناً للاحتجاز.\n";
        // A complete official law that says what the annex says: the law is not where the
        // annex is looked for, so the provision is not verified, never missing, and the
        // caveat says why.
        let statute = legislation_with("a", "official = true", shelter_text);
        let r = compare(&variant, &statute, &opts);
        assert!(r.verified);
        let shelter = provision(&r, "shelter");
        assert_eq!(shelter.status, Coverage::NotVerified);
        assert!(shelter.matches.is_empty() && shelter.resembles.is_empty());
        assert_eq!(r.annex_not_compared, 1);
        assert_eq!(provision(&r, "awareness").status, Coverage::Missing);
        assert!(r.coverage_max > r.coverage);
        let c = caveat(&r, Reader::Analyst).expect("a caveat");
        assert!(
            c.starts_with("Caution: 1 provision of the model law's annex")
                && c.contains("kind = \"regulation\""),
            "{c}"
        );
        assert!(!c.contains("resembles"), "{c}");
        assert!(display::json::render(&r).contains("\"annex_not_compared\": 1"));
        // The drafters' own mapping is trusted wherever it is.
        let mapped = legislation_with(
            "a",
            "official = true",
            &shelter_text.replace("## 4\n", "## 4\nmodel: shelter\n"),
        );
        let r = compare(&variant, &mapped, &opts);
        assert_ne!(provision(&r, "shelter").status, Coverage::NotVerified);
        // A regulation beside the law: the annex is looked for there, and found.
        let regulation = legislation_with(
            "reg",
            "official = true\nkind = \"regulation\"",
            shelter_text,
        );
        let empty_law = legislation_with(
            "a",
            "official = true",
            "## 1\n\nتنظم الجهات المختصة حملات توعية بمخاطر الاتجار في المدارس ووسائل الإعلام.\n",
        );
        let r = compare_body(&variant, &[&empty_law, &regulation], true, &opts);
        let shelter = provision(&r, "shelter");
        assert_eq!(shelter.matches.len(), 1, "{shelter:?}");
        assert_eq!(shelter.matches[0].law, "reg");
        assert_eq!(r.annex_not_compared, 0);
        // A regulation that lacks it: now the absence is verified.
        let other = legislation_with(
            "reg",
            "official = true\nkind = \"regulation\"",
            "## 1\n\nيحدد الوزير رسوم الترخيص.\n",
        );
        let r = compare_body(&variant, &[&empty_law, &other], true, &opts);
        assert_eq!(provision(&r, "shelter").status, Coverage::Missing);
        assert_eq!(absence_caveat(&r, Reader::Analyst), None);
        assert_eq!(r.coverage, r.coverage_max);
    }

    #[test]
    fn an_unknown_kind_of_text_is_an_error_with_its_place_and_the_accepted_values() {
        let text = "+++\nid = \"a\"\nlanguage = \"ar\"\nofficial = true\nkind = \"bylaw\"\nsource = \"test\"\n\n[title]\nar = \"نظام\"\n+++\n## 1\n\nنص.\n";
        let mut d = Vec::new();
        let l = parse_legislation("countries/xx/legislation/a.md", "xx", text, &mut d);
        assert!(l.is_some());
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, "unknown-kind");
        assert_eq!(d[0].message, "unknown kind of text `bylaw`");
        assert!(
            d[0].hint
                .as_deref()
                .is_some_and(|h| h.contains("kind = \"regulation\"")),
            "{d:?}"
        );
    }

    #[test]
    fn a_body_of_laws_is_compared_as_one_and_each_match_names_its_law() {
        let (variant, opts) = variant_and_options();
        let penal = legislation_with(
            "penal",
            "official = true",
            "## 5\nmodel: shelter\n\nتنشئ الوزارة داراً لإيواء الضحايا.\n",
        );
        let tip = legislation_with(
            "tip",
            "official = true",
            "## 5\n\nتنظم الجهات المختصة حملات توعية بمخاطر الاتجار في المدارس ووسائل الإعلام.\n",
        );
        let r = compare_body(&variant, &[&penal, &tip], true, &opts);
        assert_eq!(r.law, "penal, tip");
        assert_eq!(r.laws.len(), 2);
        let shelter = provision(&r, "shelter");
        assert_eq!(
            (
                shelter.matches[0].law.as_str(),
                shelter.matches[0].article.as_str()
            ),
            ("penal", "5")
        );
        let awareness = provision(&r, "awareness");
        assert_eq!(awareness.matches.len(), 1, "{:?}", awareness.matches);
        assert_eq!(awareness.matches[0].law, "tip");
        // Two articles numbered 5, each listed under its law.
        assert_eq!(r.national.len(), 2);
        assert_eq!(r.national[0].clauses, [ClauseId("shelter".into())]);
        assert_eq!(r.national[1].clauses, [ClauseId("awareness".into())]);
        assert!(r.verified);
        // A body missing a law in force proves no absence.
        let r = compare_body(&variant, &[&penal, &tip], false, &opts);
        assert!(!r.verified);
        assert_eq!(
            provision(&r, "non-punishment").status,
            Coverage::NotVerified
        );
    }

    #[test]
    fn mandatory_provisions_weigh_double_and_partial_counts_half() {
        let s = coverage_score([
            (true, Coverage::Covered),
            (true, Coverage::Partial),
            (false, Coverage::Missing),
        ]);
        // (2·1 + 2·0.5 + 1·0) / 5
        assert!((s - 0.6).abs() < 1e-9, "{s}");
        assert_eq!(coverage_score([]), 0.0);
    }

    #[test]
    fn themes_and_empty_legislation() {
        let law = law();
        let (variant, _) = variant::build(&law, None, &Lang::ALL);
        let r = compare(
            &variant,
            &Legislation::default(),
            &CompareOptions::default(),
        );
        assert_eq!(r.law, "none");
        assert_eq!(r.coverage, 0.0);
        // A law without a text proves nothing absent: every provision is not verified, and the
        // coverage is a range from 0 to 1.
        assert!(!r.verified);
        assert!(
            r.provisions
                .iter()
                .all(|p| p.status == Coverage::NotVerified)
        );
        assert_eq!(r.coverage_max, 1.0);
        let themes: Vec<&str> = r.themes.iter().map(|t| t.theme.as_str()).collect();
        assert_eq!(themes, ["non-punishment", "shelter"]);
    }
}
