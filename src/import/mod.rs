//! Import stage: turns the pasted official text of a law into the structured legislation
//! format (countries/<cc>/legislation/<law-id>.md). Pure: it takes a string and returns plain
//! data; it must not read or write files, and without `repair` it must not change the text.
//!
//! The pipeline: split into numbered lines → `noise` (find, or with `repair` fix, PDF noise)
//! → `structure` (markers, headings, quoted articles of amending laws) → with `repair`, split
//! glued markers that fill gaps and join broken lines → `check` (duplicates, order, gaps) →
//! [`to_markdown`].

pub mod akn;
mod check;
pub mod identity;
mod markdown;
mod marker;
mod noise;
mod number;
mod scan;
mod structure;

pub use markdown::{LegislationMeta, to_markdown};
pub use number::ArticleNumber;

use crate::text::normalize::normalize_for_matching;
use marker::Ctx;
use serde::Serialize;

/// The language of a law text (the project's one language type).
pub use crate::model::Lang;

/// What `qanun import` was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// The text's language; `None` detects it from the text ([`detect_lang`]).
    pub lang: Option<Lang>,
    /// Repair PDF noise (each repaired line is listed in [`Imported::repairs`]).
    pub repair: bool,
    /// The country code ("ma", "jo" …). In Morocco and Tunisia "الفصل" numbers articles.
    pub country: String,
    /// The law's id, for the caller (file name and front matter); import does not use it.
    pub id: Option<String>,
}

/// The result of an import: the law, what could not be understood, and what was repaired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Imported {
    /// The language the text was read in.
    pub lang: Lang,
    pub law: ImportedLaw,
    /// Problems, by line; the command exits 1 when this is not empty.
    pub report: Vec<ImportNote>,
    /// Lines changed because repairs were asked for, by line.
    pub repairs: Vec<Repair>,
}

impl Imported {
    /// True when nothing was reported.
    pub fn is_clean(&self) -> bool {
        self.report.is_empty()
    }
}

/// The structure of an imported law.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportedLaw {
    /// Text before the first article or heading (title, enacting formula …).
    pub preamble: String,
    /// The input line where the preamble starts.
    pub preamble_line: Option<usize>,
    /// Headings and articles, in the order of the text.
    pub items: Vec<Item>,
}

impl ImportedLaw {
    /// The articles, in order (top-level and inserted).
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.items.iter().filter_map(|i| match i {
            Item::Article(a) => Some(a),
            Item::Heading(_) => None,
        })
    }
}

/// A heading or an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Item {
    Heading(Heading),
    Article(Article),
}

/// A part, chapter or section heading ("الفصل الأول: أحكام عامة", "TITRE II").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 1 book, 2 part/title/الباب, 3 chapter/الفصل, 4 section/القسم, 5 sub-section/الفرع,
    /// 6 paragraphe. Informational: the output writes every heading at level 1.
    pub level: u8,
    /// The heading line, with a title from the following line(s) appended after ": ".
    pub text: String,
    pub line: usize,
    /// Text between the heading and the next article (reported; normally empty).
    pub body: String,
}

/// An article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// The number as written in the output: ASCII digits, ordinal words as digits, suffixes
    /// normalised ("3", "3 مكرر", "3 مكرر (أ)", "448-1", "2 bis", "12A", "unique"), a French
    /// code's part letter joined to the digits ("L425-1" for "Article L. 425-1").
    pub number: String,
    /// The number as a value, for ordering and sequence checks.
    pub number_value: ArticleNumber,
    /// A title found on the marker line (or a short line right after it), or the heading line
    /// of a section numbered "3 Trafficking in persons" or "§ 1581. Peonage".
    pub title: Option<String>,
    /// The text, line by line as in the input (line ends trimmed).
    pub text: String,
    /// The input line of the marker.
    pub line: usize,
    /// For an article quoted by an amending article: that article's number.
    pub inserted_by: Option<String>,
}

/// What kind of problem an [`ImportNote`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// Text before the first article (kept as the preamble).
    Preamble,
    /// No article marker at all.
    NoArticles,
    /// The same article number twice.
    Duplicate,
    /// An article number lower than the one before it.
    OutOfOrder,
    /// Numbers missing from a sequence.
    Missing,
    /// Text between a heading and the next article.
    TextOutsideArticle,
    /// Lines holding only a page number.
    PageNumber,
    /// A line repeated on many pages.
    RunningHeader,
    /// Lam-alef extracted in the wrong order.
    ReversedLamAlef,
    /// Bidi controls or invisible characters.
    ForbiddenChar,
    /// Arabic presentation forms.
    PresentationForm,
    /// Lines indented by four or more spaces.
    Indentation,
    /// A line that Markdown would read as a heading.
    MarkdownSyntax,
    /// Content left out of the import (an AKN table, image or quoted structure).
    Skipped,
    /// Markup that is not what the format prescribes (an AKN namespace, say).
    Unexpected,
}

impl NoteKind {
    /// A short stable code for diagnostics ("missing", "out-of-order" …).
    pub fn code(self) -> &'static str {
        match self {
            NoteKind::Preamble => "preamble",
            NoteKind::NoArticles => "no-articles",
            NoteKind::Duplicate => "duplicate",
            NoteKind::OutOfOrder => "out-of-order",
            NoteKind::Missing => "missing",
            NoteKind::TextOutsideArticle => "text-outside-article",
            NoteKind::PageNumber => "page-number",
            NoteKind::RunningHeader => "running-header",
            NoteKind::ReversedLamAlef => "reversed-lam-alef",
            NoteKind::ForbiddenChar => "forbidden-char",
            NoteKind::PresentationForm => "presentation-form",
            NoteKind::Indentation => "indentation",
            NoteKind::MarkdownSyntax => "markdown-syntax",
            NoteKind::Skipped => "skipped",
            NoteKind::Unexpected => "unexpected",
        }
    }
}

/// Something import could not fully understand, with the input line it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportNote {
    /// 1-based line in the input.
    pub line: usize,
    pub kind: NoteKind,
    pub message: String,
    pub hint: Option<String>,
}

/// A change made to the text because repairs were asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repair {
    /// 1-based line in the input.
    pub line: usize,
    pub message: String,
}

/// Guesses the language of a law's text: Arabic when Arabic letters outnumber Latin ones,
/// otherwise French or English by their most common words.
pub fn detect_lang(text: &str) -> Lang {
    let arabic = text
        .chars()
        .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
        .count();
    let latin = text.chars().filter(char::is_ascii_alphabetic).count();
    if arabic >= latin && arabic > 0 {
        return Lang::Ar;
    }
    const FR: &[&str] = &[
        "le", "la", "les", "des", "du", "est", "et", "dans", "par", "une", "sont", "aux", "l", "d",
    ];
    const EN: &[&str] = &[
        "the", "of", "and", "shall", "is", "to", "in", "by", "any", "be", "or", "this", "which",
    ];
    let norm = normalize_for_matching(text);
    let (mut fr, mut en) = (0, 0);
    for w in norm.split(' ').take(20_000) {
        fr += usize::from(FR.contains(&w));
        en += usize::from(EN.contains(&w));
    }
    if en > fr { Lang::En } else { Lang::Fr }
}

/// Imports the text of a law (see the module documentation). Never panics; everything it
/// could not understand is in [`Imported::report`].
pub fn import(text: &str, opts: &ImportOptions) -> Imported {
    let lang = opts.lang.unwrap_or_else(|| detect_lang(text));
    let country = opts.country.to_ascii_lowercase();
    let ctx = Ctx {
        lang,
        fasl_is_article: matches!(country.as_str(), "ma" | "tn"),
    };
    let mut cleaned = noise::clean(noise::split_lines(text), opts.repair, &ctx);
    let mut draft = structure::build(&cleaned.lines, &ctx);
    if opts.repair {
        for _ in 0..3 {
            let missing = check::missing_numbers(&draft);
            let (lines, splits) = noise::split_glued(&cleaned.lines, &missing, &ctx);
            if splits.is_empty() {
                break;
            }
            cleaned.lines = lines;
            cleaned.repairs.extend(splits);
            draft = structure::build(&cleaned.lines, &ctx);
        }
        if let Some(width) = noise::full_width(&cleaned.lines) {
            for body in draft
                .bodies
                .iter_mut()
                .chain(std::iter::once(&mut draft.preamble))
            {
                noise::join_broken(body, width, &mut cleaned.repairs);
            }
        }
    }
    let mut report = cleaned.notes;
    report.extend(draft.notes());
    report.extend(check::sequence_notes(&draft, &cleaned.lines, &ctx));
    report.extend(markdown_notes(&draft));
    report.sort_by_key(|n| n.line);
    cleaned.repairs.sort_by_key(|r| r.line);
    Imported {
        lang,
        law: draft.into_law(),
        report,
        repairs: cleaned.repairs,
    }
}

/// Text lines that Markdown would read as headings (they are escaped in the output).
fn markdown_notes(d: &structure::Draft) -> Vec<ImportNote> {
    d.bodies
        .iter()
        .chain(std::iter::once(&d.preamble))
        .flatten()
        .filter(|l| markdown::looks_like_heading(&l.text))
        .map(|l| ImportNote {
            line: l.no,
            kind: NoteKind::MarkdownSyntax,
            message: "the line starts with '#', which Markdown reads as a heading".to_string(),
            hint: Some("it is written as '\\#' in the output; check the source".to_string()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, lang: Lang) -> Imported {
        import(
            text,
            &ImportOptions {
                lang: Some(lang),
                repair: false,
                country: "xx".to_string(),
                id: None,
            },
        )
    }

    fn numbers(imp: &Imported) -> Vec<&str> {
        imp.law.articles().map(|a| a.number.as_str()).collect()
    }

    fn article<'a>(imp: &'a Imported, number: &str) -> &'a Article {
        imp.law
            .articles()
            .find(|a| a.number == number)
            .unwrap_or_else(|| panic!("no article {number}: {:?}", numbers(imp)))
    }

    fn kinds(imp: &Imported) -> Vec<NoteKind> {
        imp.report.iter().map(|n| n.kind).collect()
    }

    /// Sections headed by their number and title, the text restating the number (Singapore).
    const HEADED_SECTIONS: &str = "\
1 Short title
1. This Act is the Harbour Safety Act 2021.

2 Interpretation
2. In this Act — “officer” means a person appointed under section 4.

3 Harbouring of persons
3. —(1) A person who harbours another person for gain commits an offence.
(2) A person guilty of an offence under subsection (1) is liable to a fine.

4 Officers, returns, etc.
4. —(1) The Minister may appoint officers.
(2) An officer may require returns.
4. The Minister may also revoke an appointment.
";

    #[test]
    fn section_headings_open_sections_and_the_restated_number_does_not() {
        let imp = run(HEADED_SECTIONS, Lang::En);
        assert_eq!(numbers(&imp), ["1", "2", "3", "4"]);
        assert!(imp.is_clean(), "{:?}", imp.report);
        let three = article(&imp, "3");
        assert_eq!(three.title.as_deref(), Some("Harbouring of persons"));
        assert!(
            three.text.starts_with("(1) A person who harbours")
                && three.text.contains("\n(2) A person guilty"),
            "{}",
            three.text
        );
        assert_eq!(
            article(&imp, "1").text,
            "This Act is the Harbour Safety Act 2021."
        );
        let four = article(&imp, "4");
        assert_eq!(four.title.as_deref(), Some("Officers, returns, etc."));
        // Only the first line restates the number: a later "4." is text.
        assert!(
            four.text
                .ends_with("\n4. The Minister may also revoke an appointment."),
            "{}",
            four.text
        );
    }

    #[test]
    fn section_numbers_alone_do_not_open_sections_in_a_law_with_markers() {
        let text = "\
Section 1. Short title
This Act may be called the Harbour Act.

Section 2. Definitions
In this Act, the following words have these meanings.

3 Schedules to this Act
Section 3. Offences
A person who harbours another commits an offence.
";
        let imp = run(text, Lang::En);
        assert_eq!(numbers(&imp), ["1", "2", "3"]);
        assert!(
            !kinds(&imp).contains(&NoteKind::Duplicate),
            "{:?}",
            imp.report
        );
        assert!(article(&imp, "2").text.contains("3 Schedules to this Act"));
    }

    #[test]
    fn section_numbers_alone_must_follow_in_sequence() {
        let text = "\
1 Short title
1. This Act is the Harbour Act.

2 Interpretation
2. In this Act, a vessel includes any craft.

7 Schedules amended
5 Officers
5. The Minister may appoint officers.
";
        let imp = run(text, Lang::En);
        assert_eq!(numbers(&imp), ["1", "2"]);
    }

    #[test]
    fn section_sign_markers_with_long_titles() {
        let text = "\
§ 301. Holding a person in bondage; obstruction
(a) Whoever holds a person in bondage shall be fined under this title.

(b) Whoever obstructs the enforcement of this section shall be fined.

§ 302. Conduct relating to papers of persons held in bondage, to their travel, to their work, or to their wages
Whoever takes such papers shall be fined.

§ 302A. Profiting from bondage
Whoever profits shall be fined.
";
        let imp = run(text, Lang::En);
        assert_eq!(numbers(&imp), ["301", "302", "302A"]);
        assert_eq!(
            article(&imp, "301").title.as_deref(),
            Some("Holding a person in bondage; obstruction")
        );
        assert!(
            article(&imp, "301")
                .text
                .contains("\n\n(b) Whoever obstructs")
        );
        assert!(
            article(&imp, "302")
                .title
                .as_deref()
                .is_some_and(|t| t.ends_with("or to their wages"))
        );
        assert_eq!(
            article(&imp, "302A").text,
            "Whoever profits shall be fined."
        );
    }

    #[test]
    fn a_list_announced_inside_a_code_article_quotes_no_article() {
        // "… is punished when it is committed:" before a list is no amending formula: the
        // next articles of the code are its own, not articles it inserts.
        let text = "\
Article 10-1
Le crime est puni de vingt ans lorsqu'il est commis :
1° A l'égard d'un mineur ;
2° Par une personne ayant autorité.
Les dispositions de l'article 5 sont applicables.

Article 12-1
La traite est le fait de recruter une personne.

Article 12-2
Elle est punie de sept ans.
";
        let imp = run(text, Lang::Fr);
        assert_eq!(numbers(&imp), ["10-1", "12-1", "12-2"]);
        assert!(
            imp.law.articles().all(|a| a.inserted_by.is_none()),
            "an article taken as quoted"
        );
    }

    #[test]
    fn french_code_articles_keep_their_part_letter() {
        let text = "\
Article L. 12-1
Le préfet délivre une carte de séjour.

Article L. 12-2
La carte est renouvelée.

Article R. 12-1
La demande est déposée en préfecture.

Article R. 12-2
Un récépissé est remis au demandeur.

Article R. 12-10
La décision est motivée.
";
        let imp = run(text, Lang::Fr);
        assert_eq!(
            numbers(&imp),
            ["L12-1", "L12-2", "R12-1", "R12-2", "R12-10"]
        );
        let k = kinds(&imp);
        assert!(
            !k.contains(&NoteKind::Duplicate) && !k.contains(&NoteKind::OutOfOrder),
            "{:?}",
            imp.report
        );
        assert!(
            imp.report
                .iter()
                .any(|n| n.kind == NoteKind::Missing && n.message.contains("R12-3")),
            "{:?}",
            imp.report
        );
    }

    #[test]
    fn a_text_that_starts_partway_through_its_numbering_is_an_extract() {
        let missing = |text: &str| -> Vec<String> {
            run(text, Lang::Fr)
                .report
                .into_iter()
                .filter(|n| n.kind == NoteKind::Missing)
                .map(|n| n.message)
                .collect()
        };
        // A code's chapter (the first part is not 1) or a section's later articles.
        for (first, said) in [
            ("L. 425-1", "articles L1 to L424 are not in the text"),
            ("448-1", "articles 1 to 447 are not in the text"),
            ("2-1", "article 1 is not in the text"),
            ("1-3", "articles 1-1 to 1-2 are not in the text"),
            ("5", "articles 1 to 4 are not in the text"),
        ] {
            let text = format!("Article {first}\nLe texte.\n");
            let m = missing(&text);
            assert!(m.len() == 1 && m[0].contains(said), "{first}: {m:?}");
        }
        // A first article lost in extraction is pointed at, not taken for an extract.
        let imp = run(
            "Le présent texte est adopté.Article 1 : Le texte premier.\nArticle 2\nLe texte.\n",
            Lang::Fr,
        );
        let note = imp.report.iter().find(|n| n.kind == NoteKind::Missing);
        let hint = note.and_then(|n| n.hint.as_deref()).unwrap_or_default();
        assert!(
            hint.contains("glued to the end of a sentence"),
            "{:?}",
            imp.report
        );
        // A law that starts at its start.
        for first in ["1", "1-1", "L. 1", "premier"] {
            let text = format!("Article {first}\nLe texte.\n");
            assert!(missing(&text).is_empty(), "{first}: {:?}", missing(&text));
        }
    }

    #[test]
    fn consolidated_arabic_bis_articles_with_a_dash_and_a_note() {
        let text = "\
المادة 1
يعمل بهذا القانون من تاريخ نشره.
المادة 1 - مكرراً (أضيفت بموجب القانون رقم 2 لسنة 2019)
تنشأ لجنة وطنية للتنسيق.
المادة 1 - مكرراً 1 (أضيفت بموجب القانون رقم 2 لسنة 2019)
تختص اللجنة بإعداد الخطط.
المادة 2 - يعاقب كل من خالف أحكام هذا القانون.
";
        let imp = run(text, Lang::Ar);
        assert_eq!(numbers(&imp), ["1", "1 مكرر", "1 مكرر 1", "2"]);
        assert!(imp.is_clean(), "{:?}", imp.report);
        assert_eq!(article(&imp, "1 مكرر 1").text, "تختص اللجنة بإعداد الخطط.");
        assert_eq!(
            article(&imp, "2").text,
            "يعاقب كل من خالف أحكام هذا القانون."
        );
    }
}
