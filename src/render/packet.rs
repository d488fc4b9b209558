//! The view of a country's advocacy packet: cover, executive summary, international
//! obligations, gap table, recommended text, side by side, and the variant in full as annex.
//!
//! Built from the variant, the country profile and (when available) the gap analysis; the
//! template `packet.typ.tera` lays it out. Every string here is data: templates escape it.

use super::view::{ArticleView, LawView, Run, law_view};
use crate::model::{Country, InstrumentRef, Law, Origin, RatificationStatus, pick};
use crate::model::{Lang, Status};
use crate::text::bidi::split_ltr_numbers;
use crate::variant::{self, Variant};
use serde::Serialize;

use crate::compare::PRIORITY_THEMES;

/// The most asks a summary makes.
const MAX_ASKS: usize = 5;

/// How far national law covers one model provision (from the gap analysis).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapStatus {
    Covered,
    Partial,
    Missing,
    /// Not found in a summary or an extract: not a verified gap.
    NotVerified,
}

impl GapStatus {
    /// A verified gap: what the summary, the asks and the recommended text are built from.
    fn is_gap(self) -> bool {
        matches!(self, GapStatus::Partial | GapStatus::Missing)
    }
}

/// The spans of one side of a word diff: `(text, same as the other side)`.
pub type Spans = Vec<(String, bool)>;

/// One model provision as the gap analysis sees it.
#[derive(Debug, Clone)]
pub struct GapItem {
    pub clause: String,
    pub status: GapStatus,
    /// National article numbers matched, each with whether the match is automatic (no
    /// analyst's `model:` line confirms it).
    pub national: Vec<(String, bool)>,
    /// The verdict rests only on automatic matches ([`crate::compare::is_unconfirmed`]): the
    /// gap table marks them, and the summary and asks leave the provision out.
    pub unconfirmed: bool,
    /// For a provision not verified in a complete official text, the national article that
    /// resembles it without matching it (compare's `resembles`).
    pub resembles: Option<String>,
    /// Where the article's text goes beyond the national text: paragraphs and points by
    /// number, curated elements by name (the packet prints the article just above, so its
    /// words are not quoted again).
    pub missing: Vec<String>,
    /// The word diff of the best pair.
    pub pair: Option<GapPair>,
}

/// The national and model text of a pair, word-diffed, each span `(text, same)`, and the
/// language each is shown in (the national law's, when it is not in the packet's).
#[derive(Debug, Clone)]
pub struct GapPair {
    /// The national article shown, and whether its match is automatic (no analyst's `model:`
    /// line confirms it).
    pub article: String,
    pub auto: bool,
    pub national: Spans,
    pub model: Spans,
    pub national_lang: Lang,
    pub model_lang: Lang,
}

/// The gap analysis as the packet needs it.
#[derive(Debug, Clone)]
pub struct Gaps {
    /// Verified coverage score, 0 to 1.
    pub coverage: f64,
    /// The most the coverage can be once the unread articles are read (the same when every
    /// absence is verified).
    pub coverage_max: f64,
    /// The caveat for parliament when an absence cannot be verified.
    pub caveat: Option<String>,
    /// Whether the texts compared are complete and official, so that what a matched article
    /// lacks is lacking (even when some provisions are not verified: in doubt, or in the
    /// model's annex, which is compared with regulations only).
    pub verified: bool,
    /// The national law compared, in the packet's language.
    pub law_title: String,
    /// False when the national text is a summary rather than the official text.
    pub official: bool,
    /// How many national articles the text holds.
    pub national_articles: usize,
    pub items: Vec<GapItem>,
}

impl Gaps {
    /// The packet's view of a gap report.
    pub fn from_report(r: &crate::compare::GapReport) -> Gaps {
        use crate::compare::Coverage;
        let spans =
            |v: &[crate::compare::Span]| v.iter().map(|s| (s.text.clone(), s.same)).collect();
        Gaps {
            coverage: r.coverage,
            coverage_max: r.coverage_max,
            caveat: crate::compare::caveat(r, crate::compare::Reader::Parliament),
            verified: r.verified,
            law_title: r.law_title.clone(),
            official: r.official,
            national_articles: r.national.len(),
            items: r
                .provisions
                .iter()
                .map(|p| GapItem {
                    clause: p.clause.to_string(),
                    status: match p.status {
                        Coverage::Covered => GapStatus::Covered,
                        Coverage::Partial => GapStatus::Partial,
                        Coverage::Missing => GapStatus::Missing,
                        Coverage::NotVerified => GapStatus::NotVerified,
                    },
                    national: p
                        .matches
                        .iter()
                        .map(|m| {
                            let auto = m.source == crate::compare::MatchSource::Auto;
                            (m.article.clone(), auto)
                        })
                        .collect(),
                    unconfirmed: crate::compare::is_unconfirmed(p),
                    // A packet names the article that resembles a provision in doubt only
                    // in a text that can show an absence: in a summary, a parliament reads
                    // "not found in the available text" and nothing more.
                    resembles: p
                        .resembles
                        .first()
                        .filter(|_| r.verified)
                        .map(|m| m.article.clone()),
                    missing: crate::compare::elements::places(&p.missing),
                    pair: p.pair.as_ref().map(|x| GapPair {
                        article: x.article.clone(),
                        auto: x.source == crate::compare::MatchSource::Auto,
                        national: spans(&x.national),
                        model: spans(&x.model),
                        national_lang: x.national_lang,
                        model_lang: x.model_lang,
                    }),
                })
                .collect(),
        }
    }
}

/// One instrument and the country's status with respect to it.
#[derive(Debug, Clone, Serialize)]
pub struct ObligationView {
    pub name: String,
    pub short: String,
    pub status: String,
    pub date: Vec<Run>,
    pub requires: String,
}

/// One row of the gap table.
#[derive(Debug, Clone, Serialize)]
pub struct GapRowView {
    pub label: String,
    pub title: String,
    pub status: &'static str,
    pub status_text: String,
    pub mandatory: bool,
    pub national: String,
}

/// An instrument article a recommended provision implements.
#[derive(Debug, Clone, Serialize)]
pub struct CitationView {
    pub reference: String,
    pub requires: String,
}

/// A provision recommended for adoption: the adapted article, why, and what it implements.
#[derive(Debug, Clone, Serialize)]
pub struct RecommendedView {
    pub article: ArticleView,
    pub status_text: String,
    pub missing: Vec<String>,
    pub citations: Vec<CitationView>,
}

/// A span of a word diff.
#[derive(Debug, Clone, Serialize)]
pub struct SpanView {
    pub text: String,
    pub same: bool,
    /// The span starts a new line (a paragraph or point of the model text).
    pub line: bool,
}

/// National and model text of a partly covered provision.
#[derive(Debug, Clone, Serialize)]
pub struct SideView {
    pub label: String,
    pub title: String,
    pub national_article: String,
    pub national: Vec<SpanView>,
    pub model: Vec<SpanView>,
    /// "in Arabic" (in the packet's language) when a side is not in the packet's language.
    pub national_in: String,
    pub model_in: String,
    /// Each side's language and direction, for the cell's paragraphs.
    pub national_lang: &'static str,
    pub national_dir: &'static str,
    pub model_lang: &'static str,
    pub model_dir: &'static str,
}

/// Words of the packet in its language.
#[derive(Debug, Clone, Serialize)]
pub struct PacketLabels {
    pub packet: &'static str,
    pub prepared_by: &'static str,
    pub language: &'static str,
    pub summary: &'static str,
    pub coverage: &'static str,
    pub key_gaps: &'static str,
    pub asks: &'static str,
    pub obligations: &'static str,
    pub party: &'static str,
    pub not_party: &'static str,
    pub instrument: &'static str,
    pub status: &'static str,
    pub date: &'static str,
    pub requires: &'static str,
    pub gap_table: &'static str,
    pub model_article: &'static str,
    pub national_articles: &'static str,
    pub recommended: &'static str,
    pub recommended_intro: &'static str,
    pub implements: &'static str,
    pub lacks: &'static str,
    /// Between the items of a run-in list: the Arabic semicolon in Arabic, a semicolon in
    /// English, and in French a semicolon after a no-break space.
    pub list_separator: &'static str,
    pub side_by_side: &'static str,
    pub national_text: &'static str,
    pub model_text: &'static str,
    pub diff_note: &'static str,
    pub annexes: &'static str,
    pub annex_law: &'static str,
    pub compared_with: &'static str,
    pub none: &'static str,
}

impl PacketLabels {
    /// The labels in `lang`.
    pub fn for_lang(lang: Lang) -> PacketLabels {
        match lang {
            Lang::Ar => PacketLabels {
                packet: "ملف المناصرة التشريعية",
                prepared_by: "إعداد",
                language: "اللغة",
                summary: "الملخص التنفيذي",
                coverage: "درجة التغطية",
                key_gaps: "أهم الثغرات",
                asks: "المطالب",
                obligations: "الالتزامات الدولية",
                party: "الصكوك التي انضمت إليها الدولة",
                not_party: "الصكوك التي لم تنضم إليها الدولة",
                instrument: "الصك",
                status: "الوضع",
                date: "التاريخ",
                requires: "ما يقتضيه من التشريع الوطني",
                gap_table: "جدول الثغرات",
                model_article: "مادة القانون النموذجي",
                national_articles: "المواد الوطنية المقابلة",
                recommended: "النصوص الموصى بها",
                recommended_intro: "فيما يلي مواد القانون النموذجي كما كُيّفت للدولة، مع شرحها والصكوك التي تنفذها.",
                implements: "تنفذ",
                lacks: "ما ينقص النص الوطني",
                list_separator: "؛ ",
                side_by_side: "مقارنة النصوص",
                national_text: "النص الوطني",
                model_text: "النص النموذجي",
                diff_note: "الكلمات المظللة لا مقابل لها في النص الآخر.",
                annexes: "الملاحق",
                annex_law: "القانون النموذجي كما كُيّف للدولة",
                compared_with: "التشريع الوطني المقارَن",
                none: "لا يوجد.",
            },
            Lang::En => PacketLabels {
                packet: "Legislative advocacy packet",
                prepared_by: "Prepared by",
                language: "Language",
                summary: "Executive summary",
                coverage: "Coverage score",
                key_gaps: "The gaps that matter most",
                asks: "Our asks",
                obligations: "International obligations",
                party: "Instruments the country is party to",
                not_party: "Instruments the country is not party to",
                instrument: "Instrument",
                status: "Status",
                date: "Date",
                requires: "What it requires of national law",
                gap_table: "Gap table",
                model_article: "Model article",
                national_articles: "National articles matched",
                recommended: "Recommended text",
                recommended_intro: "The model articles below are adapted for the country, with the drafters' commentary and the instrument articles they implement.",
                implements: "Implements",
                lacks: "What the national text lacks",
                list_separator: "; ",
                side_by_side: "Side by side",
                national_text: "National text",
                model_text: "Model text",
                diff_note: "Highlighted words have no counterpart in the other text.",
                annexes: "Annexes",
                annex_law: "The model law as adapted for the country",
                compared_with: "National law compared",
                none: "None.",
            },
            Lang::Fr => PacketLabels {
                packet: "Dossier de plaidoyer législatif",
                prepared_by: "Préparé par",
                language: "Langue",
                summary: "Résumé analytique",
                coverage: "Taux de couverture",
                key_gaps: "Les lacunes les plus importantes",
                asks: "Nos demandes",
                obligations: "Obligations internationales",
                party: "Instruments auxquels le pays est partie",
                not_party: "Instruments auxquels le pays n'est pas partie",
                instrument: "Instrument",
                status: "Statut",
                date: "Date",
                requires: "Ce qu'il exige du droit national",
                gap_table: "Tableau des lacunes",
                model_article: "Article de la loi type",
                national_articles: "Articles nationaux correspondants",
                recommended: "Texte recommandé",
                recommended_intro: "Les articles de la loi type ci-dessous sont adaptés au pays, avec le commentaire des rédacteurs et les articles des instruments qu'ils mettent en œuvre.",
                implements: "Met en œuvre",
                lacks: "Ce qui manque au texte national",
                list_separator: "\u{a0}; ",
                side_by_side: "Textes en regard",
                national_text: "Texte national",
                model_text: "Texte de la loi type",
                diff_note: "Les mots surlignés n'ont pas d'équivalent dans l'autre texte.",
                annexes: "Annexes",
                annex_law: "La loi type adaptée au pays",
                compared_with: "Loi nationale comparée",
                none: "Aucun.",
            },
        }
    }
}

/// Everything the packet template needs.
#[derive(Debug, Clone, Serialize)]
pub struct PacketView {
    pub plabels: PacketLabels,
    pub language_name: &'static str,
    pub coverage: Option<String>,
    /// What a range of scores means, under the score (none when the score is one figure).
    pub coverage_note: Option<String>,
    pub compared_with: Option<String>,
    /// A warning shown with the scores when an absence cannot be verified (a summary, an
    /// extract).
    pub caveat: Option<String>,
    /// In the recommended text: how many provisions could not be verified, and where their
    /// text is (the annex), instead of printing the law twice.
    pub unverified: Option<String>,
    pub key_gaps: Vec<String>,
    pub asks: Vec<String>,
    pub party: Vec<ObligationView>,
    pub not_party: Vec<ObligationView>,
    pub gap_rows: Vec<GapRowView>,
    pub recommended: Vec<RecommendedView>,
    pub sides: Vec<SideView>,
    /// The variant in full (also carries the title, country, digits and labels).
    pub law: LawView,
}

/// What a packet is built from.
pub struct PacketInput<'a> {
    pub law: &'a Law,
    pub country: &'a Country,
    pub variant: &'a Variant,
    pub lang: Lang,
    pub fallback: Option<Lang>,
    pub gaps: Option<&'a Gaps>,
}

/// Builds the packet view.
pub fn packet_view(input: &PacketInput) -> PacketView {
    let lang = input.lang;
    let mut labels = PacketLabels::for_lang(lang);
    if let Some(g) = input.gaps {
        labels.recommended_intro = recommended_intro(lang, !g.verified);
        if !g.verified {
            labels.lacks = not_shown_label(lang);
        }
    }
    let law = law_view(
        input.law,
        Some(input.country),
        input.variant,
        lang,
        input.fallback,
    );
    let recommended = recommended(input, &law);
    let (party, not_party) = obligations(input);
    let asks = asks(input, &not_party);
    PacketView {
        language_name: lang.native_name(),
        coverage: input.gaps.map(|g| score(input, g)),
        coverage_note: input.gaps.and_then(|g| range_note(input, g)),
        compared_with: input.gaps.map(|g| digits(input, &g.law_title)),
        caveat: input
            .gaps
            .and_then(|g| g.caveat.as_deref())
            .map(|c| digits(input, c)),
        unverified: unverified_note(input),
        key_gaps: key_gaps(input),
        asks,
        party,
        not_party,
        gap_rows: gap_rows(input),
        recommended,
        sides: sides(input),
        plabels: labels,
        law,
    }
}

/// A packet's key gaps and asks without the rest of the packet (the regional report lists
/// them on each country's page).
pub fn packet_summary(input: &PacketInput) -> super::report::CountryExtras {
    let (_, not_party) = obligations(input);
    super::report::CountryExtras {
        key_gaps: key_gaps(input),
        asks: asks(input, &not_party),
    }
}

/// The coverage as the summary box shows it: "12%" when verified, else the range "12–64%".
fn score(input: &PacketInput, g: &Gaps) -> String {
    let low = percent(input, g.coverage);
    if !is_range(g) {
        return low;
    }
    let high = percent(input, g.coverage_max);
    let sign = |c: char| c == '%' || c == '\u{066A}' || c == '\u{202F}';
    format!("{}–{high}", low.trim_end_matches(sign))
}

/// Whether the score is shown as a range: the text cannot verify every absence, and what it
/// does not show could raise the score.
fn is_range(g: &Gaps) -> bool {
    g.caveat.is_some() && g.coverage_max > g.coverage
}

/// Under a range, what its two figures mean, in words (so that neither the reading order of
/// a right-to-left line nor the dash has to carry the meaning).
fn range_note(input: &PacketInput, g: &Gaps) -> Option<String> {
    if !is_range(g) {
        return None;
    }
    let (low, high) = (percent(input, g.coverage), percent(input, g.coverage_max));
    if g.verified {
        // A complete official text: the range comes from the provisions not verified (in
        // doubt, or the annex's, compared with regulations only), not from unread articles.
        return Some(match input.lang {
            Lang::Ar => format!(
                "لا تقل عن {low} بحسب النص الرسمي، وقد تصل إلى {high} إن ثبت وجود الأحكام غير المتحقق منها."
            ),
            Lang::En => format!(
                "At least {low}, from the official text; up to {high}, if the provisions not verified are there."
            ),
            Lang::Fr => format!(
                "Au moins {low} d'après le texte officiel\u{a0}; jusqu'à {high} si les dispositions non vérifiées y figurent."
            ),
        });
    }
    Some(match input.lang {
        Lang::Ar => format!(
            "لا تقل عن {low} بحسب ما يُظهره النص الوطني المتاح، وقد تصل إلى {high} تبعًا لما يتضمنه النص الرسمي."
        ),
        Lang::En => format!(
            "At least {low}, from what the national text available shows; up to {high}, depending on what the official text holds."
        ),
        Lang::Fr => format!(
            "Au moins {low} d'après le texte national disponible\u{a0}; jusqu'à {high} selon ce que contient le texte officiel."
        ),
    })
}

/// The introduction of the recommended text once the gap analysis has chosen its articles:
/// which articles it holds. Where the text cannot verify an absence, nothing is called
/// missing.
fn recommended_intro(lang: Lang, unverified: bool) -> &'static str {
    match (lang, unverified) {
        (Lang::Ar, false) => {
            "فيما يلي مواد القانون النموذجي، كما كُيّفت للدولة، التي يخلو منها التشريع الوطني أو لا يغطيها إلا جزئيًا، مع شرحها والصكوك التي تنفذها."
        }
        (Lang::Ar, true) => {
            "فيما يلي مواد القانون النموذجي، كما كُيّفت للدولة، التي لا يغطيها النص الوطني المتاح إلا جزئيًا، مع شرحها والصكوك التي تنفذها."
        }
        (Lang::En, false) => {
            "The model articles below, adapted for the country, are those that national law lacks or covers only in part, with the drafters' commentary and the instrument articles they implement."
        }
        (Lang::En, true) => {
            "The model articles below, adapted for the country, are those that the national text available covers only in part, with the drafters' commentary and the instrument articles they implement."
        }
        (Lang::Fr, false) => {
            "Les articles de la loi type ci-dessous, adaptés au pays, sont ceux que le droit national ne prévoit pas ou ne couvre qu'en partie, avec le commentaire des rédacteurs et les articles des instruments qu'ils mettent en œuvre."
        }
        (Lang::Fr, true) => {
            "Les articles de la loi type ci-dessous, adaptés au pays, sont ceux que le texte national disponible ne couvre qu'en partie, avec le commentaire des rédacteurs et les articles des instruments qu'ils mettent en œuvre."
        }
    }
}

/// The label of what a partly covered provision's text does not show, where the text is a
/// summary or an extract: the official text may have it, so it is not said to lack it.
fn not_shown_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "ما لا يُظهره النص الوطني المتاح",
        Lang::En => "What the national text available does not show",
        Lang::Fr => "Ce que le texte national disponible ne montre pas",
    }
}

/// The note of the recommended text on provisions not verified (none when all are): which
/// they are (the gap table marks them), and where their text is (the annexes).
fn unverified_note(input: &PacketInput) -> Option<String> {
    let g = input.gaps?;
    let n = g
        .items
        .iter()
        .filter(|i| i.status == GapStatus::NotVerified)
        .filter(|i| {
            input
                .variant
                .article(&i.clause)
                .is_some_and(|a| !a.in_annex)
        })
        .count();
    if n == 0 {
        return None;
    }
    let text = match (input.lang, n) {
        (Lang::Ar, 1) => "لا يعرض هذا القسم حكمًا واحدًا من أحكام القانون النموذجي تعذّر التحقق منه في النص الوطني المتاح (وهي المادة الموصوفة بأنها «غير متحقق منها» في جدول الثغرات)؛ ونصه الكامل في الملاحق، وينبغي مقارنته بالنص الرسمي.".to_string(),
        (Lang::Ar, _) => format!(
            "لا يعرض هذا القسم {n} من أحكام القانون النموذجي تعذّر التحقق منها في النص الوطني المتاح (وهي الموصوفة بأنها «غير متحقق منها» في جدول الثغرات)؛ ونصوصها الكاملة في الملاحق، وينبغي مقارنتها بالنص الرسمي."
        ),
        (Lang::En, 1) => "This section leaves out the one provision of the model law that could not be verified against the national text available (“not verified” in the gap table). Its full text is in the annexes; it should be checked against the official text.".to_string(),
        (Lang::En, _) => format!(
            "This section leaves out the {n} provisions of the model law that could not be verified against the national text available (“not verified” in the gap table). Their full text is in the annexes; they should be checked against the official text."
        ),
        (Lang::Fr, 1) => "Cette section omet la disposition de la loi type qui n'a pu être vérifiée au regard du texte national disponible («\u{a0}non vérifié\u{a0}» dans le tableau des lacunes). Son texte intégral figure dans les annexes\u{a0}; elle est à examiner au regard du texte officiel.".to_string(),
        (Lang::Fr, _) => format!(
            "Cette section omet les {n} dispositions de la loi type qui n'ont pu être vérifiées au regard du texte national disponible («\u{a0}non vérifié\u{a0}» dans le tableau des lacunes). Leur texte intégral figure dans les annexes\u{a0}; elles sont à examiner au regard du texte officiel."
        ),
    };
    Some(digits(input, &text))
}

fn digits(input: &PacketInput, s: &str) -> String {
    variant::digits(s, input.country.digits, input.lang)
}

/// A score as a percentage, in the country's digits (with the Arabic percent sign).
/// A score as a percentage: "7%", "٧٪" with Arabic-Indic digits, "7 %" in French (a narrow
/// no-break space before the sign).
fn percent(input: &PacketInput, score: f64) -> String {
    let sign = if input.lang == Lang::Fr {
        "\u{202F}%"
    } else {
        "%"
    };
    let text = digits(input, &format!("{:.0}{sign}", score * 100.0));
    if text.starts_with(|c: char| ('\u{0660}'..='\u{0669}').contains(&c)) {
        text.replace('%', "\u{066A}")
    } else {
        text
    }
}

fn article_label(input: &PacketInput, clause: &str) -> (String, String) {
    input
        .variant
        .article(clause)
        .map(|a| {
            (
                variant::standalone_label(a, input.lang),
                pick(&a.title, input.lang).cloned().unwrap_or_default(),
            )
        })
        .unwrap_or_else(|| (clause.to_string(), String::new()))
}

fn gap_item<'a>(input: &'a PacketInput, clause: &str) -> Option<&'a GapItem> {
    input
        .gaps
        .and_then(|g| g.items.iter().find(|i| i.clause == clause))
}

fn status_text(lang: Lang, s: GapStatus) -> String {
    let t = match (lang, s) {
        (Lang::Ar, GapStatus::Covered) => "مغطاة",
        (Lang::Ar, GapStatus::Partial) => "مغطاة جزئيًا",
        (Lang::Ar, GapStatus::Missing) => "غائبة",
        (Lang::En, GapStatus::Covered) => "covered",
        (Lang::En, GapStatus::Partial) => "partial",
        (Lang::En, GapStatus::Missing) => "missing",
        (Lang::Fr, GapStatus::Covered) => "couvert",
        (Lang::Fr, GapStatus::Partial) => "partiel",
        (Lang::Fr, GapStatus::Missing) => "absent",
        (Lang::Ar, GapStatus::NotVerified) => "غير متحقق منها",
        (Lang::En, GapStatus::NotVerified) => "not verified",
        (Lang::Fr, GapStatus::NotVerified) => "non vérifié",
    };
    t.to_string()
}

fn status_key(s: GapStatus) -> &'static str {
    match s {
        GapStatus::Covered => "covered",
        GapStatus::Partial => "partial",
        GapStatus::Missing => "missing",
        GapStatus::NotVerified => "not-verified",
    }
}

/// Whether a body article is recommended: missing or partial when the gap analysis is known,
/// every mandatory article otherwise.
fn is_recommended(input: &PacketInput, a: &variant::VArticle) -> bool {
    if a.in_annex {
        return false;
    }
    match input.gaps {
        Some(_) => gap_item(input, a.id.as_str()).is_some_and(|g| g.status.is_gap()),
        None => a.status == Status::Mandatory,
    }
}

fn recommended(input: &PacketInput, law: &LawView) -> Vec<RecommendedView> {
    let views = law.parts.iter().flat_map(|p| p.articles.iter());
    views
        .filter(|v| {
            input
                .variant
                .article(&v.id)
                .is_some_and(|a| is_recommended(input, a))
        })
        .map(|v| RecommendedView {
            article: v.clone(),
            status_text: gap_item(input, &v.id)
                .map(|g| status_text(input.lang, g.status))
                .unwrap_or_default(),
            missing: gap_item(input, &v.id)
                .map(|g| g.missing.clone())
                .unwrap_or_default(),
            citations: citations(input, &v.instruments),
        })
        .collect()
}

/// The instrument articles an article implements, one entry per instrument article:
/// paragraphs of the same article that require the same thing are cited together
/// ("art. 2(a), (b), (c)"), not as three entries repeating one sentence.
fn citations(input: &PacketInput, refs: &[String]) -> Vec<CitationView> {
    // Each citation with the (instrument, article) it cites paragraphs of, if it does.
    let mut out: Vec<(CitationView, Option<(&str, &str)>)> = Vec::new();
    let parsed: Vec<(&String, Option<InstrumentRef>)> = refs
        .iter()
        .map(|raw| (raw, InstrumentRef::parse(raw, Origin::new("", 0))))
        .collect();
    for (raw, r) in &parsed {
        let c = citation(input, raw, r.as_ref());
        let key = r
            .as_ref()
            .filter(|r| !r.paragraphs.is_empty())
            .map(|r| (r.instrument.as_str(), r.article.as_str()));
        let same = out
            .iter_mut()
            .find(|(prev, k)| key.is_some() && *k == key && prev.requires == c.requires);
        if let (Some(r), Some((prev, _))) = (r, same) {
            prev.reference.push_str(comma(input.lang));
            prev.reference.push(' ');
            prev.reference.push_str(&paragraphs(r, input.lang));
            continue;
        }
        out.push((c, key));
    }
    out.into_iter().map(|(c, _)| c).collect()
}

/// The paragraphs of a reference as cited: "(a)(ii)"; in Arabic, a lettered paragraph takes
/// the Arabic letter of the same rank ("(أ)"), as Arabic legal texts and the commentary write
/// them. A letter after a letter is a roman numeral ("(a)(ii)") and stays as it is.
fn paragraphs(r: &InstrumentRef, lang: Lang) -> String {
    let mut after_letter = false;
    let mut out = String::new();
    for p in &r.paragraphs {
        let letter = p.len() == 1 && p.chars().all(|c| c.is_ascii_lowercase());
        let shown = match arabic_letter(p) {
            Some(a) if lang == Lang::Ar && letter && !after_letter => a.to_string(),
            _ => p.clone(),
        };
        after_letter |= letter;
        out.push_str(&format!("({shown})"));
    }
    out
}

/// The Arabic letter of a Latin paragraph letter's rank, in the abjad order Arabic legal
/// texts number by (a → أ, b → ب, c → ج, d → د, e → هـ, …).
fn arabic_letter(latin: &str) -> Option<&'static str> {
    const ABJAD: [&str; 26] = [
        "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص",
        "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض",
    ];
    let mut chars = latin.chars();
    match (chars.next(), chars.next()) {
        (Some(c @ 'a'..='z'), None) => ABJAD.get(usize::from(c as u8 - b'a')).copied(),
        _ => None,
    }
}

/// How a citation names the part of an instrument it cites: "art. 3", and for the OHCHR
/// Principles and Guidelines, whose parts are principles ("P1") and guidelines ("G2"),
/// "Principle 1" and "Guideline 2".
pub(crate) fn part_name(lang: Lang, number: &str) -> String {
    let numbered = |prefix: char| {
        number
            .strip_prefix(prefix)
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    match (lang, numbered('P'), numbered('G')) {
        (Lang::Ar, Some(n), _) => format!("المبدأ {n}"),
        (Lang::En, Some(n), _) => format!("Principle {n}"),
        (Lang::Fr, Some(n), _) => format!("principe {n}"),
        (Lang::Ar, None, Some(n)) => format!("المبدأ التوجيهي {n}"),
        (Lang::En, None, Some(n)) => format!("Guideline {n}"),
        (Lang::Fr, None, Some(n)) => format!("directive {n}"),
        (_, None, None) => format!("{} {number}", article_word(lang)),
    }
}

fn comma(lang: Lang) -> &'static str {
    if lang.is_rtl() { "،" } else { "," }
}

fn article_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "المادة",
        Lang::En | Lang::Fr => "art.",
    }
}

fn citation(input: &PacketInput, raw: &str, parsed: Option<&InstrumentRef>) -> CitationView {
    let Some(r) = parsed else {
        return CitationView {
            reference: raw.to_string(),
            requires: String::new(),
        };
    };
    let inst = input.law.instrument(&r.instrument);
    let requires = inst
        .and_then(|i| i.article(&r.article))
        .and_then(|a| pick(&a.requires, input.lang).or_else(|| pick(&a.title, input.lang)))
        .cloned()
        .unwrap_or_default();
    CitationView {
        reference: citation_text(input.law, input.lang, r),
        requires,
    }
}

/// A reference to an instrument as a reader cites it: "Palermo Protocol, art. 3(a)",
/// "بروتوكول باليرمو، المادة 3(أ)", "OHCHR Principles, Principle 2".
pub(crate) fn citation_text(law: &Law, lang: Lang, r: &InstrumentRef) -> String {
    let short = law
        .instrument(&r.instrument)
        .and_then(|i| pick(&i.short, lang))
        .cloned()
        .unwrap_or_else(|| r.instrument.clone());
    format!(
        "{short}{} {}{}",
        comma(lang),
        part_name(lang, &r.article),
        paragraphs(r, lang)
    )
}

fn status_word(lang: Lang, s: RatificationStatus) -> &'static str {
    match (lang, s) {
        (Lang::Ar, RatificationStatus::Party) => "دولة طرف",
        (Lang::Ar, RatificationStatus::Signatory) => "موقِّعة",
        (Lang::Ar, RatificationStatus::NotParty) => "غير طرف",
        (Lang::Ar, RatificationStatus::Unknown) => "لم يُتحقَّق من الوضع",
        (Lang::En, RatificationStatus::Party) => "party",
        (Lang::En, RatificationStatus::Signatory) => "signatory",
        (Lang::En, RatificationStatus::NotParty) => "not party",
        (Lang::En, RatificationStatus::Unknown) => "status not verified",
        (Lang::Fr, RatificationStatus::Party) => "partie",
        (Lang::Fr, RatificationStatus::Signatory) => "signataire",
        (Lang::Fr, RatificationStatus::NotParty) => "non partie",
        (Lang::Fr, RatificationStatus::Unknown) => "statut non vérifié",
    }
}

/// The date a country became party. A date the alliance has not verified says so: the
/// country is party (the table is of the instruments it has joined), only the date is open.
fn date_runs(input: &PacketInput, date: &str) -> Vec<Run> {
    let unknown = match input.lang {
        Lang::Ar => "لم يُتحقَّق من التاريخ",
        Lang::En => "date not verified",
        Lang::Fr => "date non vérifiée",
    };
    let text = if date.is_empty() || date == "unknown" {
        unknown.to_string()
    } else {
        digits(input, date)
    };
    split_ltr_numbers(&text)
        .into_iter()
        .map(|(ltr, s)| Run {
            kind: if ltr && input.lang.is_rtl() {
                "ltr"
            } else {
                "text"
            },
            text: s.to_string(),
            target: String::new(),
        })
        .collect()
}

/// The instruments the country is party to, and the others (signatory, not party, unknown).
fn obligations(input: &PacketInput) -> (Vec<ObligationView>, Vec<ObligationView>) {
    let (mut party, mut other) = (Vec::new(), Vec::new());
    for inst in &input.law.instruments {
        let rat = input.country.ratification(&inst.id);
        let status = rat.map_or(RatificationStatus::Unknown, |r| r.status);
        let view = ObligationView {
            name: pick(&inst.name, input.lang).cloned().unwrap_or_default(),
            short: pick(&inst.short, input.lang)
                .cloned()
                .unwrap_or_else(|| inst.id.clone()),
            status: status_word(input.lang, status).to_string(),
            date: date_runs(input, rat.map_or("", |r| r.date.as_str())),
            requires: pick(&inst.requires, input.lang)
                .cloned()
                .unwrap_or_default(),
        };
        if status == RatificationStatus::Party {
            party.push(view);
        } else if inst.binding {
            other.push(view);
        }
    }
    (party, other)
}

fn gap_rows(input: &PacketInput) -> Vec<GapRowView> {
    let Some(gaps) = input.gaps else {
        return Vec::new();
    };
    let none = "—";
    gaps.items
        .iter()
        .filter_map(|g| {
            let a = input.variant.article(&g.clause)?;
            let (label, title) = article_label(input, &g.clause);
            Some(GapRowView {
                label,
                title,
                status: status_key(g.status),
                status_text: status_text(input.lang, g.status),
                mandatory: a.status == Status::Mandatory,
                national: if let (true, Some(r)) = (g.national.is_empty(), &g.resembles) {
                    // A provision in doubt: the article that resembles it, to check first.
                    digits(
                        input,
                        &format!(
                            "{} {r}",
                            crate::compare::display::label(
                                input.lang,
                                crate::compare::display::Label::Resembles
                            )
                        ),
                    )
                } else if g.national.is_empty() {
                    none.to_string()
                } else {
                    // An automatic match no analyst has confirmed is marked "*" (the caveat
                    // above the table says what the mark means).
                    let list: Vec<String> = g
                        .national
                        .iter()
                        .map(|(n, auto)| if *auto { format!("{n}*") } else { n.clone() })
                        .collect();
                    digits(input, &list.join(&format!("{} ", comma(input.lang))))
                },
            })
        })
        .collect()
}

fn sides(input: &PacketInput) -> Vec<SideView> {
    let Some(gaps) = input.gaps else {
        return Vec::new();
    };
    gaps.items
        .iter()
        .filter(|g| g.status == GapStatus::Partial)
        .filter_map(|g| {
            let pair = g.pair.as_ref()?;
            let (label, title) = article_label(input, &g.clause);
            let other = |l: Lang| {
                if l == input.lang {
                    String::new()
                } else {
                    crate::render::view::written_in(l, input.lang)
                }
            };
            Some(SideView {
                label,
                title,
                // The article whose text is shown (marked "*" as in the gap table when only
                // an automatic match names it).
                national_article: digits(
                    input,
                    &format!("{}{}", pair.article, if pair.auto { "*" } else { "" }),
                ),
                national: merge_spans(&pair.national),
                model: merge_spans(&pair.model),
                national_in: other(pair.national_lang),
                model_in: other(pair.model_lang),
                national_lang: pair.national_lang.code(),
                national_dir: pair.national_lang.dir(),
                model_lang: pair.model_lang.code(),
                model_dir: pair.model_lang.dir(),
            })
        })
        .collect()
}

/// The spans of a diff side, neighbours with the same flag merged (fewer highlights to lay
/// out), and split where the text starts a new line (a paragraph or point: Typst would
/// otherwise run them into one block of text).
fn merge_spans(v: &[(String, bool)]) -> Vec<SpanView> {
    let mut out: Vec<SpanView> = Vec::new();
    for (text, same) in v {
        for (i, piece) in text.split('\n').enumerate() {
            let line = i > 0;
            match out.last_mut() {
                Some(last) if last.same == *same && !line => last.text.push_str(piece),
                _ => out.push(SpanView {
                    text: piece.to_string(),
                    same: *same,
                    line,
                }),
            }
        }
    }
    out.retain(|s| s.line || !s.text.is_empty());
    out
}

/// Priority order of a body article for the summary: mandatory first, then by the first
/// priority theme it carries.
fn priority(a: &variant::VArticle) -> (bool, usize) {
    let theme = a
        .tags
        .iter()
        .filter_map(|t| PRIORITY_THEMES.iter().position(|p| p == t))
        .min()
        .unwrap_or(PRIORITY_THEMES.len());
    (a.status != Status::Mandatory, theme)
}

/// The body articles that are gaps (missing before partial), most important first. Only a
/// provision of substance can be a key gap or an ask: a mandatory one, or an optional one
/// that carries a priority theme. An optional formality (the short title, the entry into
/// force) is left to the gap table, where it still shows.
fn ranked_gaps<'a>(input: &'a PacketInput) -> Vec<(&'a variant::VArticle, GapStatus)> {
    let themed = |a: &variant::VArticle| priority(a).1 < PRIORITY_THEMES.len();
    let mut out: Vec<(&variant::VArticle, GapStatus)> = input
        .variant
        .articles()
        .filter(|a| !a.in_annex)
        .filter_map(|a| match input.gaps {
            // A verdict that rests only on automatic matches is left to the gap table, where
            // it is marked: the summary speaks of what an analyst has confirmed.
            Some(_) => gap_item(input, a.id.as_str())
                .filter(|g| g.status.is_gap() && !g.unconfirmed)
                .filter(|_| a.status == Status::Mandatory || themed(a))
                .map(|g| (a, g.status)),
            None => (a.status == Status::Mandatory && themed(a)).then_some((a, GapStatus::Missing)),
        })
        .collect();
    out.sort_by_key(|(a, s)| {
        let (opt, theme) = priority(a);
        (opt, *s != GapStatus::Missing, theme, a.number)
    });
    out
}

fn key_gaps(input: &PacketInput) -> Vec<String> {
    ranked_gaps(input)
        .into_iter()
        .take(6)
        .map(|(a, s)| {
            let (label, title) = article_label(input, a.id.as_str());
            match input.gaps {
                Some(_) => format!("{label} — {title} ({})", status_text(input.lang, s)),
                None => format!("{label} — {title}"),
            }
        })
        .collect()
}

fn ask_text(input: &PacketInput, a: &variant::VArticle, s: GapStatus) -> String {
    let (label, title) = article_label(input, a.id.as_str());
    let national = gap_item(input, a.id.as_str())
        .and_then(|g| g.national.first())
        .map(|n| digits(input, &n.0));
    match (input.lang, s, national) {
        (Lang::Ar, GapStatus::Partial, Some(n)) => format!(
            "تعديل المادة {n} من التشريع الوطني لتستوفي عناصر «{title}» على النحو الوارد في {label} من القانون النموذجي."
        ),
        (Lang::Ar, _, _) => format!(
            "إدراج نص بشأن «{title}» في التشريع الوطني، على غرار {label} من القانون النموذجي."
        ),
        (Lang::En, GapStatus::Partial, Some(n)) => format!(
            "Amend national article {n} so that it covers every element of “{title}” as {label} of the model law sets them out."
        ),
        (Lang::En, _, _) => {
            format!("Enact a provision on “{title}”, following {label} of the model law.")
        }
        (Lang::Fr, GapStatus::Partial, Some(n)) => format!(
            "Modifier l'article national {n} pour qu'il couvre tous les éléments de «\u{a0}{title}\u{a0}» énoncés à l'{} de la loi type.",
            label.replacen("Article", "article", 1)
        ),
        (Lang::Fr, _, _) => format!(
            "Adopter une disposition sur «\u{a0}{title}\u{a0}», sur le modèle de l'{} de la loi type.",
            label.replacen("Article", "article", 1)
        ),
    }
}

/// The ask to join an instrument, by its full name (the short ones are abbreviations such as
/// "ILO P29"). Arabic pronouns agree with the name's gender: "اتفاقية" (feminine, ending in
/// ta marbuta) takes "عليها", "بروتوكول" and "ميثاق" take "عليه"; French avoids the article
/// whose gender the name would decide.
fn ratify_text(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ar => {
            let feminine = name
                .split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with('ة'));
            let pronoun = if feminine { "عليها" } else { "عليه" };
            format!("الانضمام إلى {name} أو التصديق {pronoun}.")
        }
        Lang::En if name.starts_with("The ") => format!("Ratify or accede to {name}."),
        Lang::En => format!("Ratify or accede to the {name}."),
        Lang::Fr => format!("Ratifier l'instrument suivant ou y adhérer\u{a0}: {name}."),
    }
}

/// Three to five concrete asks: the most important gaps first, then ratifications.
fn asks(input: &PacketInput, not_party: &[ObligationView]) -> Vec<String> {
    let mut out: Vec<String> = ranked_gaps(input)
        .into_iter()
        .take(MAX_ASKS - 1)
        .map(|(a, s)| ask_text(input, a, s))
        .collect();
    for o in not_party {
        if out.len() >= MAX_ASKS {
            break;
        }
        out.push(ratify_text(input.lang, &o.name));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_to_ratify_name_the_instrument_in_full_and_agree_with_it() {
        assert_eq!(
            ratify_text(Lang::Ar, "اتفاقية العمل اللائق للعمال المنزليين"),
            "الانضمام إلى اتفاقية العمل اللائق للعمال المنزليين أو التصديق عليها."
        );
        assert_eq!(
            ratify_text(Lang::Ar, "بروتوكول عام 2014 لاتفاقية العمل الجبري"),
            "الانضمام إلى بروتوكول عام 2014 لاتفاقية العمل الجبري أو التصديق عليه."
        );
        assert_eq!(
            ratify_text(
                Lang::En,
                "Protocol of 2014 to the Forced Labour Convention, 1930"
            ),
            "Ratify or accede to the Protocol of 2014 to the Forced Labour Convention, 1930."
        );
        assert_eq!(
            ratify_text(Lang::Fr, "Charte arabe des droits de l'homme"),
            "Ratifier l'instrument suivant ou y adhérer\u{a0}: Charte arabe des droits de l'homme."
        );
    }

    #[test]
    fn side_by_side_spans_keep_the_model_texts_lines() {
        let spans = merge_spans(&[
            ("1. The ".to_string(), true),
            ("offence".to_string(), true),
            (" is\na) ".to_string(), false),
            ("b) x".to_string(), false),
        ]);
        let shown: Vec<(&str, bool, bool)> = spans
            .iter()
            .map(|s| (s.text.as_str(), s.same, s.line))
            .collect();
        assert_eq!(
            shown,
            [
                ("1. The offence", true, false),
                (" is", false, false),
                ("a) b) x", false, true)
            ]
        );
    }

    #[test]
    fn instrument_parts_are_named_as_the_instrument_names_them() {
        assert_eq!(part_name(Lang::En, "3"), "art. 3");
        assert_eq!(part_name(Lang::Ar, "3"), "المادة 3");
        assert_eq!(part_name(Lang::En, "P7"), "Principle 7");
        assert_eq!(part_name(Lang::Fr, "G10"), "directive 10");
        assert_eq!(part_name(Lang::Ar, "G2"), "المبدأ التوجيهي 2");
        assert_eq!(
            part_name(Lang::En, "Preamble"),
            "art. Preamble",
            "not a P-number"
        );
    }

    #[test]
    fn arabic_citations_letter_paragraphs_in_abjad_order_but_keep_roman_numerals() {
        let r = |paras: &[&str]| InstrumentRef {
            paragraphs: paras.iter().map(|p| p.to_string()).collect(),
            ..InstrumentRef::parse("palermo:3", Origin::new("", 0)).unwrap()
        };
        assert_eq!(paragraphs(&r(&["a"]), Lang::Ar), "(أ)");
        assert_eq!(paragraphs(&r(&["e"]), Lang::Ar), "(هـ)");
        assert_eq!(paragraphs(&r(&["1", "b"]), Lang::Ar), "(1)(ب)");
        assert_eq!(paragraphs(&r(&["a", "ii"]), Lang::Ar), "(أ)(ii)");
        assert_eq!(
            paragraphs(&r(&["a", "i"]), Lang::Ar),
            "(أ)(i)",
            "roman after a letter"
        );
        assert_eq!(paragraphs(&r(&["a"]), Lang::En), "(a)");
        assert_eq!(arabic_letter("z"), Some("ض"));
        assert_eq!(arabic_letter("ab"), None);
    }
}
