//! Loading `countries/<cc>/`: the profile, national legislation and the variant.

use super::clause::LangText;
use super::law::{load_clauses, markdown_files};
use super::toml_file::{parse_toml, split_front_matter};
use super::{Loaded, rel_path};
use crate::diagnostics::Diagnostic;
use crate::model::{
    ClauseId, Confidence, Country, Currency, DigitStyle, Lang, LangMap, LawRecord, LegItem,
    Legislation, LegislationArticle, LegislationKind, LegislationMeta, MarriageAge, NationalBody,
    Origin, Ratification, RatificationStatus, VariantAdd, VariantOmit, VariantSpec,
};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryToml {
    code: Spanned<String>,
    languages: Vec<Spanned<String>>,
    digits: DigitsDe,
    #[serde(default)]
    digits_source: String,
    #[serde(default)]
    digits_confidence: Option<ConfidenceDe>,
    name: LangText,
    /// The name charts and lists use ("Jordan"); the full name when absent.
    #[serde(default)]
    short_name: Option<LangText>,
    currency: CurrencyToml,
    #[serde(default)]
    terms: BTreeMap<String, Spanned<BTreeMap<String, Spanned<String>>>>,
    #[serde(default)]
    bodies: Vec<BodyToml>,
    #[serde(default)]
    ratifications: Vec<Spanned<RatificationToml>>,
    marriage_age: Option<MarriageToml>,
    #[serde(default)]
    laws: Vec<LawToml>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum DigitsDe {
    Arab,
    Latn,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum ConfidenceDe {
    High,
    Medium,
    Low,
}

impl From<ConfidenceDe> for Confidence {
    fn from(c: ConfidenceDe) -> Self {
        match c {
            ConfidenceDe::High => Confidence::High,
            ConfidenceDe::Medium => Confidence::Medium,
            ConfidenceDe::Low => Confidence::Low,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrencyToml {
    code: String,
    #[serde(default)]
    name: LangText,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyToml {
    name: LangText,
    #[serde(default)]
    role: String,
    source: String,
    confidence: ConfidenceDe,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "kebab-case")]
enum StatusDe {
    Party,
    Signatory,
    NotParty,
    Unknown,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RatificationToml {
    instrument: String,
    status: StatusDe,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    date: Option<Spanned<String>>,
    #[serde(default)]
    note: String,
    source: String,
    confidence: ConfidenceDe,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MarriageToml {
    minimum: String,
    #[serde(default)]
    note: String,
    source: String,
    confidence: ConfidenceDe,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LawToml {
    id: Spanned<String>,
    title: LangText,
    #[serde(default)]
    number: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    amendments: Vec<String>,
    status: Spanned<String>,
    /// `dedicated` (an anti-trafficking law, the default) or `related` (provisions of other
    /// laws applied to trafficking: a penal code).
    #[serde(default)]
    kind: LawKindDe,
    #[serde(default)]
    note: String,
    source: String,
    confidence: ConfidenceDe,
}

#[derive(Deserialize, Clone, Copy, Default)]
#[serde(rename_all = "lowercase")]
enum LawKindDe {
    #[default]
    Dedicated,
    Related,
}

/// The statuses a `[[laws]]` entry of a profile may have.
const LAW_STATUSES: [&str; 4] = ["in-force", "draft", "contested", "none"];

/// Checks one `[[laws]]` entry of a profile: a known status (a law that is "in force" with a
/// space would silently leave the country's body of legislation), and an id not listed
/// before (the law would be compared twice).
fn check_law_entry(l: &LawToml, rel: &str, seen: &mut Vec<String>, diags: &mut Vec<Diagnostic>) {
    let status = l.status.get_ref();
    if !LAW_STATUSES.contains(&status.as_str()) {
        let folded = status.trim().to_lowercase().replace([' ', '_'], "-");
        let hint = if LAW_STATUSES.contains(&folded.as_str()) {
            format!("write status = \"{folded}\"")
        } else {
            format!(
                "write one of {}: only a law \"in-force\" is part of the country's body of legislation that compare reads",
                LAW_STATUSES.map(|s| format!("\"{s}\"")).join(", ")
            )
        };
        diags.push(
            Diagnostic::error(
                "unknown-law-status",
                &Origin::new(rel, l.status.span().start),
                format!("unknown status `{status}` of the law `{}`", l.id.get_ref()),
            )
            .with_len(l.status.span().len())
            .with_hint(hint),
        );
    }
    let id = l.id.get_ref();
    if seen.contains(id) {
        diags.push(
            Diagnostic::error(
                "duplicate-law",
                &Origin::new(rel, l.id.span().start),
                format!("the law `{id}` is listed twice in [[laws]]"),
            )
            .with_len(l.id.span().len())
            .with_hint("keep one entry per law: compare would read its text twice"),
        );
    } else {
        seen.push(id.clone());
    }
}

/// A date of a fact as profiles write it: `YYYY-MM-DD` (a real day), `YYYY`, or `unknown`.
fn is_fact_date(s: &str) -> bool {
    if s == "unknown" {
        return true;
    }
    let num = |p: &str, n: usize| {
        (p.len() == n && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok())?
    };
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y] => num(y, 4).is_some(),
        [y, m, d] => match (num(y, 4), num(m, 2), num(d, 2)) {
            (Some(y), Some(m), Some(d)) => {
                let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
                let days = match m {
                    1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                    4 | 6 | 9 | 11 => 30,
                    2 if leap => 29,
                    2 => 28,
                    _ => 0,
                };
                (1..=days).contains(&d)
            }
            _ => false,
        },
        _ => false,
    }
}

/// Loads one country folder. `None` when its profile cannot be used at all.
pub fn load_country(root: &Path, code: &str, out: &mut Loaded) -> Option<Country> {
    let rel = format!("countries/{code}/country.toml");
    let text = out.read(root, &rel)?;
    let t = match parse_toml::<CountryToml>(&text, &rel, 0) {
        Ok(t) => t,
        Err(d) => {
            out.diags.push(d);
            return None;
        }
    };
    let origin = Origin::new(&rel, 0);
    if t.code.get_ref() != code {
        out.diags.push(
            Diagnostic::error(
                "country-code-mismatch",
                &Origin::new(&rel, t.code.span().start),
                format!(
                    "the code `{}` differs from the folder name `{code}`",
                    t.code.get_ref()
                ),
            )
            .with_hint(format!("set code = \"{code}\", or rename the folder")),
        );
    }
    let mut languages = Vec::new();
    for l in &t.languages {
        match Lang::from_code(l.get_ref()) {
            Some(lang) => languages.push(lang),
            None => out.diags.push(
                Diagnostic::error(
                    "unknown-language",
                    &Origin::new(&rel, l.span().start),
                    format!("unknown language `{}`", l.get_ref()),
                )
                .with_hint("qanun knows \"ar\", \"en\" and \"fr\""),
            ),
        }
    }
    let _ = (&t.digits_source, t.digits_confidence.map(Confidence::from));
    let mut terms = BTreeMap::new();
    for (lang_code, table) in t.terms {
        let table_origin = Origin::new(&rel, table.span().start);
        let Some(lang) = Lang::from_code(&lang_code) else {
            out.diags.push(
                Diagnostic::error(
                    "unknown-language",
                    &table_origin,
                    format!("unknown language `{lang_code}` in [terms.{lang_code}]"),
                )
                .with_hint("terms are given per language: [terms.ar], [terms.en], [terms.fr]"),
            );
            continue;
        };
        let map: BTreeMap<String, (String, Origin)> = table
            .into_inner()
            .into_iter()
            .map(|(k, v)| {
                let o = Origin::new(&rel, v.span().start);
                (k, (v.into_inner(), o))
            })
            .collect();
        terms.insert(lang, map);
    }
    let ratifications = t
        .ratifications
        .into_iter()
        .map(|r| {
            let origin = Origin::new(&rel, r.span().start);
            let r = r.into_inner();
            Ratification {
                instrument: r.instrument,
                status: match r.status {
                    StatusDe::Party => RatificationStatus::Party,
                    StatusDe::Signatory => RatificationStatus::Signatory,
                    StatusDe::NotParty => RatificationStatus::NotParty,
                    StatusDe::Unknown => RatificationStatus::Unknown,
                },
                kind: r.kind,
                date: match r.date {
                    None => "unknown".to_string(),
                    Some(d) => {
                        if !is_fact_date(d.get_ref()) {
                            out.diags.push(
                                Diagnostic::error(
                                    "bad-date",
                                    &Origin::new(&rel, d.span().start),
                                    format!("`{}` is not a date", d.get_ref()),
                                )
                                .with_len(d.span().len())
                                .with_hint("write the full date as \"2009-06-11\" (year, month, day), the year alone as \"2009\" when only the year is established, or \"unknown\""),
                            );
                        }
                        d.into_inner()
                    }
                },
                note: r.note,
                source: r.source,
                confidence: r.confidence.into(),
                origin,
            }
        })
        .collect();
    let mut seen_laws: Vec<String> = Vec::new();
    let mut country = Country {
        code: code.to_string(),
        languages,
        digits: match t.digits {
            DigitsDe::Arab => DigitStyle::Arab,
            DigitsDe::Latn => DigitStyle::Latn,
        },
        name: t.name.into_map(),
        short_name: t.short_name.map(LangText::into_map).unwrap_or_default(),
        currency: Currency {
            code: t.currency.code,
            name: t.currency.name.into_map(),
            note: t.currency.note,
        },
        terms,
        bodies: t
            .bodies
            .into_iter()
            .map(|b| NationalBody {
                name: b.name.into_map(),
                role: b.role,
                source: b.source,
                confidence: b.confidence.into(),
            })
            .collect(),
        ratifications,
        marriage_age: t.marriage_age.map(|m| MarriageAge {
            minimum: m.minimum,
            note: m.note,
            source: m.source,
            confidence: m.confidence.into(),
        }),
        laws: t
            .laws
            .into_iter()
            .inspect(|l| check_law_entry(l, &rel, &mut seen_laws, &mut out.diags))
            .map(|l| LawRecord {
                id: l.id.into_inner(),
                title: l.title.into_map(),
                number: l.number,
                year: l.year,
                amendments: l.amendments,
                status: l.status.into_inner(),
                dedicated: matches!(l.kind, LawKindDe::Dedicated),
                note: l.note,
                source: l.source,
                confidence: l.confidence.into(),
            })
            .collect(),
        origin,
        ..Country::default()
    };
    let dir = root.join("countries").join(code);
    for path in markdown_files(&dir.join("legislation")) {
        let rel = rel_path(root, &path);
        if let Some(text) = out.read(root, &rel)
            && let Some(l) = parse_legislation(&rel, code, &text, &mut out.diags)
        {
            country.legislation.push(l);
        }
    }
    country.variant = load_variant(root, code, out);
    Some(country)
}

fn load_variant(root: &Path, code: &str, out: &mut Loaded) -> VariantSpec {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct VariantToml {
        #[serde(default)]
        omit: Vec<Spanned<OmitToml>>,
        #[serde(default)]
        add: Vec<Spanned<AddToml>>,
        #[serde(default)]
        choices: BTreeMap<String, Spanned<String>>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct OmitToml {
        clause: String,
        #[serde(default)]
        reason: ReasonToml,
    }
    /// `reason = "…"`, or `reason.ar = "…"`, `reason.en = "…"`, `reason.fr = "…"`.
    #[derive(Deserialize, Default)]
    #[serde(
        untagged,
        expecting = "a text in quotes, or one text per language (reason.ar = \"…\", reason.en = \"…\", reason.fr = \"…\")"
    )]
    enum ReasonToml {
        #[default]
        None,
        Plain(String),
        ByLang(LangText),
    }
    impl ReasonToml {
        fn into_map(self) -> LangMap<String> {
            match self {
                ReasonToml::None => LangMap::new(),
                ReasonToml::Plain(text) if text.trim().is_empty() => LangMap::new(),
                ReasonToml::Plain(text) => {
                    let lang = if text.chars().any(crate::text::is_arabic_letter) {
                        Lang::Ar
                    } else {
                        Lang::En
                    };
                    LangMap::from([(lang, text)])
                }
                ReasonToml::ByLang(t) => t.into_map(),
            }
        }
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct AddToml {
        clause: String,
        after: Option<String>,
        before: Option<String>,
    }
    let dir = root.join("countries").join(code).join("variant");
    let mut spec = VariantSpec::default();
    let rel = format!("countries/{code}/variant/variant.toml");
    spec.origin = Origin::new(&rel, 0);
    if root.join(&rel).exists()
        && let Some(text) = out.read(root, &rel)
    {
        match parse_toml::<VariantToml>(&text, &rel, 0) {
            Ok(v) => {
                spec.omit = v
                    .omit
                    .into_iter()
                    .map(|o| {
                        let origin = Origin::new(&rel, o.span().start);
                        let o = o.into_inner();
                        VariantOmit {
                            clause: ClauseId(o.clause),
                            reason: o.reason.into_map(),
                            origin,
                        }
                    })
                    .collect();
                spec.add = v
                    .add
                    .into_iter()
                    .map(|a| {
                        let origin = Origin::new(&rel, a.span().start);
                        let a = a.into_inner();
                        VariantAdd {
                            clause: ClauseId(a.clause),
                            after: a.after.map(ClauseId),
                            before: a.before.map(ClauseId),
                            origin,
                        }
                    })
                    .collect();
                spec.choices = v
                    .choices
                    .into_iter()
                    .map(|(k, v)| {
                        let o = Origin::new(&rel, v.span().start);
                        (ClauseId(k), (v.into_inner(), o))
                    })
                    .collect();
            }
            Err(d) => out.diags.push(d),
        }
    }
    spec.clauses = load_clauses(&dir.join("clauses"), root, out);
    spec
}

/// Parses a national legislation file (see docs/format.md).
pub fn parse_legislation(
    rel: &str,
    country: &str,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Legislation> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Front {
        id: String,
        #[serde(default)]
        title: LangText,
        #[serde(default)]
        number: String,
        #[serde(default)]
        year: String,
        #[serde(default)]
        amendments: Vec<String>,
        #[serde(default)]
        status: String,
        language: Spanned<String>,
        official: bool,
        complete: Option<bool>,
        total_articles: Option<u32>,
        kind: Option<Spanned<String>>,
        source: Option<Spanned<String>>,
        #[serde(default)]
        confidence: String,
        akn: Option<Akn>,
    }
    /// The FRBR identity of the Akoma Ntoso document the text was imported from.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Akn {
        work: String,
        expression: String,
    }
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
    let language = Lang::from_code(front.language.get_ref());
    if language.is_none() {
        diags.push(
            Diagnostic::error(
                "unknown-language",
                &Origin::new(rel, fm.toml_offset + front.language.span().start),
                format!("unknown language `{}`", front.language.get_ref()),
            )
            .with_hint("the law's language is \"ar\", \"en\" or \"fr\""),
        );
    }
    let kind = match &front.kind {
        None => LegislationKind::Law,
        Some(k) => LegislationKind::from_name(k.get_ref()).unwrap_or_else(|| {
            diags.push(
                Diagnostic::error(
                    "unknown-kind",
                    &Origin::new(rel, fm.toml_offset + k.span().start),
                    format!("unknown kind of text `{}`", k.get_ref()),
                )
                .with_hint(
                    "write kind = \"law\" for an act, a code or a decree-law, or kind = \"regulation\" for a regulation, bylaw or instructions issued under a law (leave it out for a law)",
                ),
            );
            LegislationKind::Law
        }),
    };
    // Where the text comes from, and what it is called, are what a reader checks first: a
    // file `new law` or `import` left without them is pointed out (a warning: the text can
    // still be compared).
    let front_at = Origin::new(rel, fm.toml_offset);
    let source = front.source.map(|s| {
        (
            Origin::new(rel, fm.toml_offset + s.span().start),
            s.into_inner(),
        )
    });
    if source
        .as_ref()
        .is_none_or(|(_, s)| s.trim().is_empty() || s.trim().eq_ignore_ascii_case("unknown"))
    {
        let at = source.as_ref().map_or(&front_at, |(o, _)| o);
        diags.push(
            Diagnostic::warning(
                "no-source",
                at,
                format!(
                    "the law `{}` does not say where its text comes from",
                    front.id
                ),
            )
            .with_hint(
                "write source = \"…\": the official gazette and its issue, or the address of the page the text was taken from, so that a reader can check it",
            ),
        );
    }
    let title = front.title.into_map();
    if title.is_empty() {
        diags.push(
            Diagnostic::warning(
                "no-title",
                &front_at,
                format!(
                    "the law `{}` has no title: reports and packets will name it by its id",
                    front.id
                ),
            )
            .with_hint(format!(
                "write its title under [title], in the law's language: {} = \"…\"",
                language.map_or("ar", Lang::code)
            )),
        );
    }
    let meta = LegislationMeta {
        id: front.id,
        title,
        number: front.number,
        year: front.year,
        amendments: front.amendments,
        status: front.status,
        language,
        official: front.official,
        complete: front.official && front.complete.unwrap_or(true),
        total_articles: front.total_articles,
        kind,
        source: source.map(|(_, s)| s).unwrap_or_default(),
        confidence: front.confidence,
        akn: front.akn.map(|a| (a.work, a.expression)),
    };
    let first_line = text[..fm.body_offset].matches('\n').count() + 1;
    let items = parse_legislation_body(rel, fm.body, fm.body_offset, first_line, diags);
    Some(Legislation {
        country: country.to_string(),
        meta,
        items,
        origin: Origin::new(rel, 0),
    })
}

/// Parses headings (`# …`), articles (`## <number>`) with their `title:`, `model:` and
/// `inserted-by:` lines, and translations (`### en`). `base` is the body's byte offset in the
/// file and `first_line` the line it starts on.
pub fn parse_legislation_body(
    rel: &str,
    body: &str,
    base: usize,
    first_line: usize,
    diags: &mut Vec<Diagnostic>,
) -> Vec<LegItem> {
    let mut items: Vec<LegItem> = Vec::new();
    let mut current: Option<LegislationArticle> = None;
    let mut translation: Option<Lang> = None;
    let mut in_header = false;
    let mut buf: Vec<&str> = Vec::new();
    let mut pos = 0;

    fn flush(
        current: &mut Option<LegislationArticle>,
        translation: Option<Lang>,
        buf: &mut Vec<&str>,
    ) {
        let text = tidy(buf);
        buf.clear();
        if let Some(a) = current.as_mut() {
            match translation {
                Some(l) => {
                    a.translations.insert(l, text);
                }
                None => a.text = text,
            }
        }
    }

    for (index, line) in body.split_inclusive('\n').enumerate() {
        let at = base + pos;
        pos += line.len();
        let l = line.trim_end();
        if let Some(h) = l.strip_prefix("### ") {
            flush(&mut current, translation, &mut buf);
            in_header = false;
            translation = Lang::from_code(h.trim());
            if translation.is_none() || current.is_none() {
                diags.push(
                    Diagnostic::error("unknown-section", &Origin::new(rel, at), format!("`### {}` is not a translation section of an article", h.trim()))
                        .with_hint("under an article, `### en`, `### fr` or `### ar` opens its text in that language"),
                );
            }
            continue;
        }
        // `##` alone is a heading without its number; `##3` one without its space, which
        // Markdown reads as text: both would silently join the article to the one before.
        let heading = l.strip_prefix("## ").or_else(|| {
            let rest = l.strip_prefix("##")?;
            if rest.is_empty() {
                return Some("");
            }
            if rest.starts_with('#') {
                return None;
            }
            diags.push(
                Diagnostic::error(
                    "heading-space",
                    &Origin::new(rel, at),
                    format!("`{l}` has no space after `##`: it would be read as text, not as the heading of an article"),
                )
                .with_len(l.len())
                .with_hint(format!("write `## {}`", rest.trim())),
            );
            Some(rest)
        });
        if let Some(n) = heading {
            flush(&mut current, translation, &mut buf);
            if let Some(a) = current.take() {
                items.push(LegItem::Article(a));
            }
            translation = None;
            in_header = true;
            let number = n.trim().to_string();
            if number.is_empty() {
                diags.push(
                    Diagnostic::error(
                        "missing-article-number",
                        &Origin::new(rel, at),
                        "this article heading has no number",
                    )
                    .with_hint(
                        "write the number as the law writes it: `## 3`, `## 3 مكرر`, `## 448-1`",
                    ),
                );
            }
            current = Some(LegislationArticle {
                number,
                origin: Origin::new(rel, at),
                line: first_line + index,
                ..LegislationArticle::default()
            });
            continue;
        }
        if let Some(h) = l.strip_prefix("# ") {
            flush(&mut current, translation, &mut buf);
            if let Some(a) = current.take() {
                items.push(LegItem::Article(a));
            }
            translation = None;
            in_header = false;
            items.push(LegItem::Heading {
                text: h.trim().to_string(),
                origin: Origin::new(rel, at),
            });
            continue;
        }
        if in_header && let Some(a) = current.as_mut() {
            if let Some(t) = l.strip_prefix("title:") {
                a.title = Some(t.trim().to_string());
                continue;
            }
            if let Some(ins) = l.strip_prefix("inserted-by:") {
                a.inserted_by = Some(ins.trim().to_string());
                continue;
            }
            if let Some(m) = l.strip_prefix("model:") {
                let mstart = at + "model:".len();
                let mut off = 0;
                for part in m.split(',') {
                    let id = part.trim();
                    let lead = part.len() - part.trim_start().len();
                    if !id.is_empty() {
                        a.model.push((
                            ClauseId(id.to_string()),
                            Origin::new(rel, mstart + off + lead),
                        ));
                    }
                    off += part.len() + 1;
                }
                continue;
            }
            if !l.trim().is_empty() {
                in_header = false;
            }
        }
        if current.is_none() && !l.trim().is_empty() {
            // Text before the first article: a preamble, kept as a heading-less note.
            items.push(LegItem::Heading {
                text: l.trim().to_string(),
                origin: Origin::new(rel, at),
            });
            continue;
        }
        buf.push(l);
    }
    flush(&mut current, translation, &mut buf);
    if let Some(a) = current.take() {
        items.push(LegItem::Article(a));
    }
    items
}

/// Drops blank lines at both ends; keeps the lines in between as written.
fn tidy(lines: &[&str]) -> String {
    let start = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(start, |i| i + 1);
    lines[start..end].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legislation_articles_headings_mappings_and_translations() {
        let text = "+++\nid = \"law-1\"\nlanguage = \"ar\"\nofficial = false\nsource = \"test\"\n\n[title]\nar = \"قانون\"\n+++\n# الفصل الأول\n\n## 1\ntitle: تعريف\nmodel: trafficking-definition, scope\n\nنص المادة.\nسطر ثان.\n\n### en\n\nThe text.\n\n## 3 مكرر\nنص آخر.\n";
        let mut d = Vec::new();
        let l = parse_legislation("countries/jo/legislation/law-1.md", "jo", text, &mut d).unwrap();
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(l.items.len(), 3);
        let arts: Vec<_> = l.articles().collect();
        assert_eq!(arts[0].number, "1");
        assert_eq!(arts[0].title.as_deref(), Some("تعريف"));
        assert_eq!(arts[0].model.len(), 2);
        assert_eq!(arts[0].model[1].0.as_str(), "scope");
        assert!(text[arts[0].model[1].1.offset..].starts_with("scope"));
        assert_eq!(arts[0].text, "نص المادة.\nسطر ثان.");
        assert_eq!(arts[0].translations[&Lang::En], "The text.");
        assert_eq!(arts[1].number, "3 مكرر");
        assert_eq!(arts[1].text, "نص آخر.");
    }
}
