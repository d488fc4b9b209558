//! `render --format docx`: the Word document opened as Word would read it (zip + XML):
//! styles, right-to-left paragraphs and runs, language tags, digits, bookmarks and links,
//! escaping, determinism; and LibreOffice turning it into a PDF whose text reads in logical
//! order (ignored by default: it needs `soffice`; `.ci/run` installs LibreOffice and runs it).

use crate::support::{Project, repo, run_in};
use qanun::load::load_project;
use qanun::model::Lang;
use qanun::variant::plain;
use roxmltree::{Document, Node};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Runs qanun in `root` with `args` and `-o out` (a Word document); returns `out`.
fn write_docx(root: &Path, out: PathBuf, args: &[&str]) -> PathBuf {
    let mut all = args.to_vec();
    all.extend(["--format", "docx", "-o", out.to_str().unwrap()]);
    let r = run_in(root, &all);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "{}", r.stderr);
    out
}

/// Renders `target` in `lang` as DOCX into `dir` and returns the file's path.
fn render(root: &Path, dir: &Path, target: &str, lang: &str) -> PathBuf {
    let out = dir.join(format!("{target}-{lang}.docx"));
    write_docx(root, out, &["render", target, "--lang", lang])
}

/// The parts of a DOCX file, by name.
fn parts(path: &Path) -> BTreeMap<String, String> {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("a zip package");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        out.insert(f.name().unwrap().to_string(), s);
    }
    out
}

fn w<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| c.has_tag_name((W, name)))
}

fn attr<'a>(n: Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
}

/// The paragraphs of document.xml: (style, has w:bidi, text).
fn paragraphs(doc: &Document) -> Vec<(String, bool, String)> {
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let ppr = w(p, "pPr");
            let style = ppr
                .and_then(|x| w(x, "pStyle"))
                .and_then(|s| attr(s, "val"))
                .unwrap_or_default()
                .to_string();
            let bidi = ppr.and_then(|x| w(x, "bidi")).is_some();
            let text: String = p
                .descendants()
                .filter(|t| t.has_tag_name((W, "t")))
                .filter_map(|t| t.text())
                .collect();
            (style, bidi, text)
        })
        .collect()
}

#[test]
fn an_arabic_document_is_right_to_left_with_styles_tags_bookmarks_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = render(&repo(), dir.path(), "jo", "ar");
    let parts = parts(&path);
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/header1.xml",
        "word/footer1.xml",
        "word/_rels/document.xml.rels",
        "docProps/core.xml",
        "docProps/app.xml",
    ] {
        let text = parts
            .get(name)
            .unwrap_or_else(|| panic!("{name} is in the package"));
        Document::parse(text).unwrap_or_else(|e| panic!("{name} is well-formed: {e}"));
    }
    // Styles staff can restyle, headings in the navigation pane.
    let styles = Document::parse(&parts["word/styles.xml"]).unwrap();
    let outline: BTreeMap<String, Option<String>> = styles
        .descendants()
        .filter(|n| n.has_tag_name((W, "style")))
        .map(|s| {
            let lvl = w(s, "pPr")
                .and_then(|p| w(p, "outlineLvl"))
                .and_then(|o| attr(o, "val"))
                .map(str::to_string);
            (attr(s, "styleId").unwrap().to_string(), lvl)
        })
        .collect();
    for s in [
        "Title",
        "Heading1",
        "Heading2",
        "AnnexHeading",
        "LawParagraph",
        "LawPoint",
        "LawSubPoint",
        "CommentaryHeading",
        "Commentary",
        "Header",
        "Footer",
    ] {
        assert!(outline.contains_key(s), "style {s}");
    }
    assert_eq!(outline["Heading1"].as_deref(), Some("0"));
    assert_eq!(outline["Heading2"].as_deref(), Some("1"));
    assert_eq!(outline["AnnexHeading"].as_deref(), Some("0"));
    let fonts = styles
        .descendants()
        .find(|n| n.has_tag_name((W, "rFonts")))
        .unwrap();
    assert_eq!(
        attr(fonts, "cs"),
        Some("Amiri"),
        "the Arabic font in the complex-script slot"
    );

    let doc = Document::parse(&parts["word/document.xml"]).unwrap();
    let paras = paragraphs(&doc);
    assert!(
        paras.iter().all(|(_, bidi, _)| *bidi),
        "every paragraph is right to left"
    );
    // Runs are marked right to left, except number groups; each carries its language.
    let runs: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "r")))
        .collect();
    let mut ltr = 0;
    for r in &runs {
        let rpr = w(*r, "rPr").expect("run properties");
        let lang = w(rpr, "lang").expect("w:lang on every run");
        assert_eq!(attr(lang, "bidi"), Some("ar-JO"));
        let text: String = r.descendants().filter_map(|t| t.text()).collect();
        if w(rpr, "rtl").is_none() {
            ltr += 1;
            assert!(
                !text.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)),
                "an Arabic run is rtl: {text}"
            );
        }
    }
    assert!(ltr > 0, "number groups such as 1.0.0 are runs of their own");
    // Title block, chapters and articles, in order, with the law's own words.
    assert_eq!(paras[0].0, "Title");
    assert_eq!(
        paras[0].2,
        "القانون النموذجي لمنع الاتجار بالبشر وحماية ضحاياه"
    );
    assert_eq!(paras[1].2, "المملكة الأردنية الهاشمية");
    let project = load_project(&repo());
    let jo = project.country("jo").unwrap();
    let (variant, _) = qanun::variant::build(&project.law, Some(jo), &[Lang::Ar]);
    let headings: Vec<&String> = paras
        .iter()
        .filter(|p| p.0 == "Heading2")
        .map(|p| &p.2)
        .collect();
    assert_eq!(headings.len(), variant.articles().count());
    let law_text: Vec<&String> = paras
        .iter()
        .filter(|p| p.0 == "LawParagraph")
        .map(|p| &p.2)
        .collect();
    for a in variant.articles() {
        for p in &a.text[&Lang::Ar] {
            let text = plain(&p.pieces);
            assert!(
                law_text.iter().any(|t| t.ends_with(&text)),
                "{}: {text}",
                a.id
            );
        }
    }
    // A bookmark per article, named after its clause id; every reference links to one.
    let bookmarks: BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "bookmarkStart")))
        .map(|b| attr(b, "name").unwrap())
        .collect();
    for a in variant.articles() {
        assert!(
            bookmarks.contains(qanun::render::view::bookmark(a.id.as_str()).as_str()),
            "{}",
            a.id
        );
    }
    let links: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "hyperlink")))
        .map(|h| attr(h, "anchor").unwrap())
        .collect();
    assert!(links.len() > 10, "references are links");
    assert!(
        links.iter().all(|l| bookmarks.contains(l)),
        "every link lands on a bookmark"
    );
    // Running header with the country and the title, page numbers in the footer.
    assert!(parts["word/header1.xml"].contains("المملكة الأردنية الهاشمية — القانون النموذجي"));
    assert!(parts["word/footer1.xml"].contains("w:instr=\" PAGE \""));
    assert!(
        parts["word/document.xml"].contains("<w:pgNumType w:fmt=\"decimal\"/><w:bidi/></w:sectPr>")
    );
    assert!(
        parts["docProps/core.xml"]
            .contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-29T00:00:00Z")
    );
    // Deviations are listed at the end.
    assert!(
        paras
            .iter()
            .any(|p| p.0 == "Deviation" && p.2.contains("المقرر الوطني"))
    );
}

#[test]
fn english_is_left_to_right_and_egypt_counts_in_arabic_indic_digits() {
    let dir = tempfile::tempdir().unwrap();
    let en = parts(&render(&repo(), dir.path(), "jo", "en"));
    let doc = Document::parse(&en["word/document.xml"]).unwrap();
    assert!(paragraphs(&doc).iter().all(|(_, bidi, _)| !bidi));
    assert!(!en["word/document.xml"].contains("<w:rtl/>"));
    assert!(en["word/document.xml"].contains("w:val=\"en-GB\""));
    assert!(
        paragraphs(&doc)
            .iter()
            .any(|p| p.0 == "Heading2" && p.2 == "Article 1 — Short title")
    );

    let eg = parts(&render(&repo(), dir.path(), "eg", "ar"));
    let doc = Document::parse(&eg["word/document.xml"]).unwrap();
    let paras = paragraphs(&doc);
    let heading = &paras.iter().find(|p| p.0 == "Heading2").unwrap().2;
    assert!(heading.starts_with("المادة (١)"), "{heading}");
    assert!(
        !paras
            .iter()
            .filter(|p| p.0 == "Heading2")
            .any(|p| p.2.chars().any(|c| c.is_ascii_digit()))
    );
    assert!(eg["word/document.xml"].contains("w:fmt=\"hindiNumbers\""));
    assert!(eg["word/document.xml"].contains("w:bidi=\"ar-EG\""));
}

#[test]
fn hostile_clause_text_stays_text_in_word() {
    let p = Project::from_fixtures(&["check/valid", "render/hostile"]);
    let path = "law/clauses/general/offence.md";
    let clause = p.read(path).replace(
        "<script>alert(1)</script> shall",
        "<script>alert(1)</script> <w:p>x</w:p> & ]]> \u{1} shall",
    );
    p.write(path, clause);
    let out = p.path().join("h.docx");
    let r = p.run(&[
        "render",
        "jo",
        "--lang",
        "en",
        "--format",
        "docx",
        "-o",
        out.to_str().unwrap(),
    ]);
    r.assert_no_panic();
    if r.code != 0 {
        // Control characters may be refused by the loader: then plainly, at the file.
        assert!(r.stderr.contains("offence.md"), "{}", r.stderr);
        p.write(path, p.read(path).replace('\u{1}', ""));
        let r = p.run(&[
            "render",
            "jo",
            "--lang",
            "en",
            "--format",
            "docx",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let parts = parts(&out);
    let doc = Document::parse(&parts["word/document.xml"]).expect("still well-formed");
    let all: String = paragraphs(&doc).into_iter().map(|p| p.2).collect();
    for h in [
        "<script>alert(1)</script>",
        "<w:p>x</w:p>",
        "& ]]>",
        "#read(\"/etc/passwd\")",
    ] {
        assert!(all.contains(h), "{h} is shown literally: {all}");
    }
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name((W, "p")))
            .count(),
        paragraphs(&doc).len()
    );
    assert!(!parts["word/document.xml"].contains('\u{1}'));
}

#[test]
fn word_documents_are_byte_identical_and_go_to_out_by_default() {
    let p = Project::from_fixtures(&["check/valid"]);
    let r = p.run(&["render", "jo", "--format", "docx"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let default = p.path().join("out/jo/law-ar.docx");
    assert!(r.stderr.contains("law-ar.docx"), "{}", r.stderr);
    let first = std::fs::read(&default).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let r = p.run(&["render", "jo", "--format", "docx"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        std::fs::read(&default).unwrap(),
        first,
        "the same bytes a second later"
    );
    assert!(r.stdout.is_empty(), "nothing binary on standard output");
}

/// The text pdftotext reads from a PDF, with bidi controls removed and spaces collapsed.
fn pdf_text(path: &Path) -> String {
    crate::render::pdf_text(path).expect("pdftotext (poppler-utils) is installed")
}

#[test]
#[ignore = "needs LibreOffice (soffice)"]
fn libreoffice_opens_the_documents_and_reads_arabic_in_logical_order() {
    let dir = tempfile::tempdir().unwrap();
    let redline = dir.path().join("redline.docx");
    let (root, old, new, _keep) = crate::support::shipped_drafts();
    let r = run_in(
        &root,
        &[
            "diff",
            &old,
            &new,
            "--format",
            "docx",
            "-o",
            redline.to_str().unwrap(),
            "--date",
            "2026-12-06",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let files = [
        render(&repo(), dir.path(), "jo", "ar"),
        render(&repo(), dir.path(), "eg", "ar"),
        render(&repo(), dir.path(), "ma", "fr"),
        render(&repo(), dir.path(), "model", "en"),
        redline,
        packet_docx(dir.path(), "jo", "ar"),
    ];
    // One soffice call converts them all, with the embedded fonts of the PDFs (Amiri)
    // installed for it as a user's fonts.
    let home = dir.path().join("home");
    std::fs::create_dir_all(home.join(".fonts")).unwrap();
    for f in ["Amiri-Regular.ttf", "Amiri-Bold.ttf"] {
        std::fs::copy(
            repo().join("assets/fonts").join(f),
            home.join(".fonts").join(f),
        )
        .unwrap();
    }
    let out = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .args(&files)
        .env("HOME", &home)
        .output()
        .expect("soffice (LibreOffice) is installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = |name: &str| pdf_text(&dir.path().join(name));
    // pdftotext reads LibreOffice's lam-alef ligatures back to front and splits marks from
    // their letters, so the phrases avoid both; word order and number groups are what matter.
    let jo = text("jo-ar.pdf");
    let head = &jo[..jo.len().min(1500)];
    for phrase in [
        "القانون النموذجي لمنع",
        "بالبشر وحماية ضحاياه",
        "المملكة",
        "2026-11-29",
        "1.0.0",
        "اسم القانون",
    ] {
        assert!(
            jo.contains(phrase),
            "jo-ar.pdf reads “{phrase}” in logical order:\n{head}"
        );
    }
    assert!(
        !jo.contains("29-11-2026"),
        "the date is not reversed:\n{head}"
    );
    let eg = text("eg-ar.pdf");
    let head = &eg[..eg.len().min(1500)];
    assert!(
        eg.contains("المادة") && eg.contains('١') && eg.contains('٢'),
        "Egypt's Arabic-Indic digits:\n{head}"
    );
    assert!(
        eg.contains("٢٠٢٦") && eg.contains("١.٠.٠"),
        "the date and version in Egypt's digits:\n{head}"
    );
    let ma = text("ma-fr.pdf");
    assert!(ma.contains("Article 1"), "{}", &ma[..ma.len().min(800)]);
    // The redline opens, and shows its tracked changes (LibreOffice prints them by default).
    let red = text("redline.pdf");
    assert!(
        red.contains("النص العربي") && red.contains("English text"),
        "{}",
        &red[..red.len().min(800)]
    );
    // The Word packet opens, and its chapters read in logical order.
    let packet = text("packet-jo-ar.pdf");
    let head = &packet[..packet.len().min(1500)];
    for phrase in [
        "ملف المناصرة",
        "الملخص التنفيذي",
        "الالتزامات الدولية",
        "جدول الثغرات",
    ] {
        assert!(
            packet.contains(phrase),
            "packet-jo-ar.pdf reads “{phrase}” in logical order:\n{head}"
        );
    }
    // Its contents give each chapter's page: LibreOffice computes the PAGEREF fields.
    let page_text = |n: usize| -> String {
        let out = std::process::Command::new("pdftotext")
            .args(["-f", &n.to_string(), "-l", &n.to_string()])
            .arg(dir.path().join("packet-jo-ar.pdf"))
            .arg("-")
            .output()
            .expect("pdftotext");
        qanun::text::bidi::strip_bidi_controls(&String::from_utf8_lossy(&out.stdout))
    };
    let contents = page_text(2);
    let line = contents
        .lines()
        .find(|l| l.contains("جدول الثغرات"))
        .unwrap_or_else(|| panic!("the contents on page 2:\n{contents}"));
    let page: usize = line
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|_| panic!("no page number in “{line}”"));
    assert!(page > 2, "{line}");
    assert!(
        page_text(page).contains("جدول الثغرات"),
        "the gap table is not on page {page}"
    );
    let model = text("model-en.pdf");
    assert!(
        model.contains("Model Law on the Prevention of Trafficking in Persons"),
        "{}",
        &model[..model.len().min(800)]
    );
}

/// A paragraph of a redline as Word reads it: its style, what happens to its mark, and its
/// runs with what happens to them (`""`, `ins`, `del`, `moveFrom`, `moveTo`).
struct Tracked {
    style: String,
    mark: &'static str,
    runs: Vec<(&'static str, String)>,
}

fn track_of(n: Node) -> &'static str {
    ["ins", "del", "moveFrom", "moveTo"]
        .into_iter()
        .find(|t| n.has_tag_name((W, *t)))
        .unwrap_or("")
}

fn tracked(doc: &Document) -> Vec<Tracked> {
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let ppr = w(p, "pPr");
            let style = ppr
                .and_then(|x| w(x, "pStyle"))
                .and_then(|s| attr(s, "val"))
                .unwrap_or_default()
                .to_string();
            let mark = ppr
                .and_then(|x| w(x, "rPr"))
                .and_then(|r| r.children().map(track_of).find(|t| !t.is_empty()))
                .unwrap_or("");
            let runs = p
                .descendants()
                .filter(|r| r.has_tag_name((W, "r")))
                .map(|r| {
                    let track = r.parent().map(track_of).unwrap_or("");
                    let text: String = r
                        .children()
                        .filter(|t| t.has_tag_name((W, "t")) || t.has_tag_name((W, "delText")))
                        .filter_map(|t| t.text())
                        .collect();
                    (track, text)
                })
                .collect();
            Tracked { style, mark, runs }
        })
        .collect()
}

/// The text after accepting (or rejecting) every change, per language section: the articles
/// as (heading, lines). A paragraph whose mark goes away joins the next one, which keeps its
/// own style, as in Word.
fn resolve(paras: &[Tracked], accept: bool) -> Vec<Vec<(String, Vec<String>)>> {
    let keeps = |t: &str| match t {
        "" => true,
        "ins" | "moveTo" => accept,
        _ => !accept,
    };
    let mut merged: Vec<(String, String)> = Vec::new();
    let mut pending = String::new();
    for p in paras {
        let text: String = p
            .runs
            .iter()
            .filter(|(t, _)| keeps(t))
            .map(|(_, s)| s.as_str())
            .collect();
        pending.push_str(&text);
        if keeps(p.mark) {
            merged.push((p.style.clone(), std::mem::take(&mut pending)));
        }
    }
    let mut sections: Vec<Vec<(String, Vec<String>)>> = Vec::new();
    for (style, text) in merged {
        match style.as_str() {
            "Heading1" => sections.push(Vec::new()),
            "Heading2" => {
                if let Some(s) = sections.last_mut() {
                    s.push((text, Vec::new()));
                }
            }
            "Title" | "DocumentInfo" | "ReviewComment" => {}
            _ => {
                if let Some((_, lines)) = sections.last_mut().and_then(|s| s.last_mut()) {
                    lines.push(text.trim_start().to_string());
                }
            }
        }
    }
    sections
}

/// What a draft reads as, per language: the articles as (heading, lines).
fn expected(draft: &qanun::diff::Draft, langs: &[Lang]) -> Vec<Vec<(String, Vec<String>)>> {
    langs
        .iter()
        .map(|&lang| {
            draft
                .articles
                .iter()
                .map(|a| {
                    let lines = a
                        .text
                        .get(&lang)
                        .map(|t| t.split('\n').map(|l| l.trim_start().to_string()).collect())
                        .unwrap_or_default();
                    (qanun::diff::redline::heading(a, lang), lines)
                })
                .collect()
        })
        .collect()
}

/// Writes the redline of OLD → NEW (run in `root`) and checks that accepting every change
/// gives NEW and rejecting every change gives OLD, in every language.
fn accept_and_reject(root: &Path, old: &str, new: &str) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("redline.docx");
    let r = run_in(
        root,
        &[
            "diff",
            old,
            new,
            "--format",
            "docx",
            "-o",
            out.to_str().unwrap(),
            "--author",
            "Reviewer",
            "--date",
            "2026-12-06",
        ],
    );
    r.assert_no_panic();
    assert_eq!(r.code, 1, "{old} → {new}: the drafts differ\n{}", r.stderr);
    let parts = parts(&out);
    let doc = Document::parse(&parts["word/document.xml"]).expect("well-formed");
    let paras = tracked(&doc);
    let side = |spec: &str| qanun::load::input::load_side(spec, root);
    let (o, n) = (side(old), side(new));
    let langs: Vec<Lang> = o
        .law
        .languages()
        .filter(|l| n.law.languages().any(|m| m == *l))
        .collect();
    let od = qanun::diff::Draft::from_law(&o.law, "old");
    let nd = qanun::diff::Draft::from_law(&n.law, "new");
    assert_eq!(
        resolve(&paras, true),
        expected(&nd, &langs),
        "{old} → {new}: accept all gives NEW"
    );
    assert_eq!(
        resolve(&paras, false),
        expected(&od, &langs),
        "{old} → {new}: reject all gives OLD"
    );
    // Every change names its author and date.
    for n in doc.descendants().filter(|n| !track_of(*n).is_empty()) {
        assert_eq!(attr(n, "author"), Some("Reviewer"));
        assert_eq!(attr(n, "date"), Some("2026-12-06T00:00:00Z"));
    }
    paras
        .iter()
        .map(|p| p.runs.iter().filter(|(t, _)| !t.is_empty()).count())
        .sum()
}

#[test]
fn a_redline_accepted_gives_the_new_text_and_rejected_the_old_in_every_language() {
    let cases = crate::support::fixtures().join("diff");
    let mut names: Vec<String> = std::fs::read_dir(&cases)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for name in names {
        let old = cases.join(&name).join("old");
        let new = cases.join(&name).join("new");
        let changed = accept_and_reject(&new, old.to_str().unwrap(), new.to_str().unwrap());
        // A status, an instrument list or a clause id is not text of the law: those cases
        // show no tracked change (the text and Markdown redlines list them).
        let textual = !matches!(name.as_str(), "status" | "instruments" | "renamed");
        assert_eq!(changed > 0, textual, "{name}: tracked changes");
    }
}

#[test]
fn a_redline_shows_each_kind_of_change_as_word_does() {
    let cases = crate::support::fixtures().join("diff");
    let docx = |case: &str| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("r.docx");
        let new = cases.join(case).join("new");
        let old = cases.join(case).join("old");
        let r = run_in(
            &new,
            &[
                "diff",
                old.to_str().unwrap(),
                new.to_str().unwrap(),
                "--format",
                "docx",
                "-o",
                out.to_str().unwrap(),
                "--date",
                "2026-12-06",
            ],
        );
        assert_eq!(r.code, 1, "{}", r.stderr);
        let p = parts(&out);
        (p["word/document.xml"].clone(), dir)
    };
    let (added, _d) = docx("added");
    assert!(
        added.contains("<w:pPr><w:pStyle w:val=\"Heading2\"/><w:bidi/><w:rPr><w:ins "),
        "an added article is an inserted paragraph"
    );
    let (removed, _d) = docx("removed");
    assert!(
        removed.contains("<w:delText"),
        "a removed article's words are deleted text"
    );
    let (moved, _d) = docx("moved-order");
    assert!(
        moved.contains("<w:moveFromRangeStart") && moved.contains("<w:moveToRangeStart"),
        "a moved article is a move"
    );
    let names = |x: &str, tag: &str| -> Vec<String> {
        let doc = Document::parse(x).unwrap();
        doc.descendants()
            .filter(|n| n.has_tag_name((W, tag)))
            .map(|n| attr(n, "name").unwrap().to_string())
            .collect()
    };
    assert_eq!(
        names(&moved, "moveFromRangeStart"),
        names(&moved, "moveToRangeStart"),
        "Word pairs the two ends by name"
    );
    let (renumbered, _d) = docx("renumbered");
    let doc = Document::parse(&renumbered).unwrap();
    let heading_changes = tracked(&doc)
        .into_iter()
        .filter(|p| {
            p.style == "Heading2" && p.mark.is_empty() && p.runs.iter().any(|(t, _)| *t == "del")
        })
        .count();
    assert!(
        heading_changes > 0,
        "a renumbered article changes its heading only"
    );
    // The default author is git's user name or "qanun"; a bad date is refused.
    assert!(renumbered.contains("w:author="));
    let new = cases.join("added/new");
    let r = run_in(
        &new,
        &[
            "diff",
            cases.join("added/old").to_str().unwrap(),
            new.to_str().unwrap(),
            "--format",
            "docx",
            "--date",
            "6/12/2026",
            "-o",
            "/tmp/never.docx",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("YYYY-MM-DD"), "{}", r.stderr);
}

#[test]
fn a_redline_between_git_revisions_of_the_shipped_law_resolves_both_ways() {
    let (root, old, new, _keep) = crate::support::shipped_drafts();
    let changed = accept_and_reject(&root, &old, &new);
    assert!(changed > 10, "{changed}");
}

// ---- `packet --format docx`: the advocacy packet as a Word document ----

/// Builds country `cc`'s packet in `lang` as a Word document in `dir`; its path.
fn packet_docx(dir: &Path, cc: &str, lang: &str) -> PathBuf {
    let out = dir.join(format!("packet-{cc}-{lang}.docx"));
    write_docx(&repo(), out, &["packet", cc, "--lang", lang])
}

/// The style ids styles.xml defines.
fn style_ids(styles: &str) -> BTreeSet<String> {
    let doc = Document::parse(styles).expect("styles.xml is well-formed");
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "style")))
        .filter_map(|n| attr(n, "styleId").map(str::to_string))
        .collect()
}

#[test]
fn the_word_packet_opens_on_its_contents_each_entry_a_link_with_its_page() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["ar", "en", "fr"] {
        let path = packet_docx(dir.path(), "ma", lang);
        let parts = parts(&path);
        let doc = Document::parse(&parts["word/document.xml"]).expect("well-formed");
        let style_of = |p: Node| -> String {
            w(p, "pPr")
                .and_then(|x| w(x, "pStyle"))
                .and_then(|s| attr(s, "val"))
                .unwrap_or_default()
                .to_string()
        };
        let text_of = |p: Node| -> String {
            p.descendants()
                .filter(|t| t.has_tag_name((W, "t")))
                .filter_map(|t| t.text())
                .collect()
        };
        let paras: Vec<Node> = doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "p")))
            .collect();
        // The contents come after the cover, before the first chapter, on a page of their own.
        let at = paras
            .iter()
            .position(|p| style_of(*p) == "ContentsHeading")
            .expect("a contents heading");
        let first_chapter = paras
            .iter()
            .position(|p| style_of(*p) == "Heading1")
            .unwrap();
        assert!(at > 0 && at < first_chapter, "{lang}: {at} {first_chapter}");
        let heading = paras[at];
        assert!(w(w(heading, "pPr").unwrap(), "pageBreakBefore").is_some());
        // One entry per chapter and section, in their order and at their level, each a link
        // to its heading's bookmark with a PAGEREF field to that bookmark.
        let entries: Vec<(String, String, String, String)> = paras
            .iter()
            .filter(|p| matches!(style_of(**p).as_str(), "TOC1" | "TOC2"))
            .map(|p| {
                let link = p
                    .descendants()
                    .find(|n| n.has_tag_name((W, "hyperlink")))
                    .expect("an entry is a link");
                let instr: String = p
                    .descendants()
                    .filter(|n| n.has_tag_name((W, "instrText")))
                    .filter_map(|n| n.text())
                    .collect();
                (
                    style_of(*p),
                    text_of(*p),
                    attr(link, "anchor").unwrap().to_string(),
                    instr,
                )
            })
            .collect();
        let headings: Vec<(String, String, String)> = paras
            .iter()
            .filter(|p| matches!(style_of(**p).as_str(), "Heading1" | "Heading2"))
            .map(|p| {
                let mark = p
                    .children()
                    .find(|n| n.has_tag_name((W, "bookmarkStart")))
                    .and_then(|b| attr(b, "name"))
                    .expect("a listed heading has a bookmark");
                (
                    style_of(*p).replace("Heading", "TOC"),
                    text_of(*p),
                    mark.to_string(),
                )
            })
            .collect();
        assert!(headings.len() > 10, "{lang}: {}", headings.len());
        assert_eq!(entries.len(), headings.len(), "{lang}");
        for ((style, text, anchor, instr), (hstyle, htext, mark)) in entries.iter().zip(&headings) {
            assert_eq!((style, text, anchor), (hstyle, htext, mark), "{lang}");
            assert_eq!(instr.trim(), format!("PAGEREF {mark} \\h"), "{lang}");
        }
        // An article's heading in the recommended text is not listed, as in the PDF.
        assert!(
            paras.iter().any(|p| style_of(*p) == "PacketArticle"),
            "{lang}: articles of the recommended text"
        );
        // Bookmark numbers stay unique with the headings' new bookmarks.
        let ids: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "bookmarkStart")))
            .map(|n| attr(n, "id").unwrap())
            .collect();
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{lang}: a bookmark id used twice");
    }
}

#[test]
fn the_word_packet_has_the_chapters_tables_and_links_of_the_pdf() {
    use qanun::render::packet::PacketLabels;
    let dir = tempfile::tempdir().unwrap();
    for (lang, rtl) in [("ar", true), ("en", false)] {
        let path = packet_docx(dir.path(), "jo", lang);
        let parts = parts(&path);
        let doc = Document::parse(&parts["word/document.xml"]).expect("well-formed");
        let styles = style_ids(&parts["word/styles.xml"]);
        // Every paragraph, character and table style used is defined, so Word's style list
        // offers each one to restyle.
        for n in doc.descendants() {
            for tag in ["pStyle", "rStyle", "tblStyle"] {
                if n.has_tag_name((W, tag)) {
                    let id = attr(n, "val").unwrap();
                    assert!(
                        styles.contains(id),
                        "{lang}: style {id} is not in styles.xml"
                    );
                }
            }
        }
        // The chapters, in order, each on a new page, as in the PDF.
        let l = PacketLabels::for_lang(Lang::from_code(lang).unwrap());
        let chapters: Vec<(String, bool)> = doc
            .descendants()
            .filter(|p| p.has_tag_name((W, "p")))
            .filter(|p| {
                w(*p, "pPr")
                    .and_then(|x| w(x, "pStyle"))
                    .and_then(|s| attr(s, "val"))
                    == Some("Heading1")
            })
            .map(|p| {
                let text: String = p
                    .descendants()
                    .filter(|t| t.has_tag_name((W, "t")))
                    .filter_map(|t| t.text())
                    .collect();
                let ppr = w(p, "pPr").unwrap();
                (text, w(ppr, "pageBreakBefore").is_some())
            })
            .collect();
        let titles: Vec<&str> = chapters.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            titles,
            [
                l.summary,
                l.obligations,
                l.gap_table,
                l.recommended,
                l.side_by_side,
                l.annexes
            ],
            "{lang}"
        );
        assert!(chapters.iter().all(|(_, b)| *b), "{lang}: {chapters:?}");
        // Tables: a header row repeated on every page; in Arabic the columns run from the right.
        let tables: Vec<Node> = doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "tbl")))
            .collect();
        assert!(tables.len() >= 4, "{lang}: {} tables", tables.len());
        for t in &tables {
            let first = w(*t, "tr").expect("a row");
            assert!(
                w(first, "trPr").and_then(|x| w(x, "tblHeader")).is_some(),
                "{lang}: the first row is a header"
            );
            let bidi = w(w(*t, "tblPr").unwrap(), "bidiVisual").is_some();
            assert_eq!(bidi, rtl, "{lang}: table direction");
        }
        // The gap table has a row per provision, and its statuses are the gap analysis's.
        let r = run_in(&repo(), &["compare", "jo", "--format", "json"]);
        let j = r.json();
        let provisions = j["provisions"].as_array().unwrap();
        let gap = tables
            .iter()
            .find(|t| {
                t.children().filter(|r| r.has_tag_name((W, "tr"))).count() == provisions.len() + 1
            })
            .expect("a table with a row per provision");
        let count_style = |style: &str| {
            gap.descendants()
                .filter(|n| n.has_tag_name((W, "rStyle")) && attr(*n, "val") == Some(style))
                .map(|n| n.parent().unwrap().parent().unwrap())
                .filter(|run| run.has_tag_name((W, "r")))
                .map(|run| {
                    run.ancestors()
                        .find(|a| a.has_tag_name((W, "tc")))
                        .unwrap()
                        .range()
                        .start
                })
                .collect::<BTreeSet<_>>()
                .len()
        };
        let status = |s: &str| provisions.iter().filter(|p| p["status"] == s).count();
        assert_eq!(count_style("StatusPartial"), status("partial"), "{lang}");
        assert_eq!(count_style("StatusMissing"), status("missing"), "{lang}");
        assert_eq!(
            count_style("StatusNotVerified"),
            status("not-verified"),
            "{lang}"
        );
        // A provision not verified has a tinted cell too: colour alone is lost in print.
        let tinted = gap
            .descendants()
            .filter(|n| n.has_tag_name((W, "shd")) && n.parent().unwrap().has_tag_name((W, "tcPr")))
            .filter(|n| attr(*n, "fill") == Some("E8EAF6"))
            .count();
        assert_eq!(tinted, status("not-verified"), "{lang}");
        // The annex holds the law: an article heading (Heading3) per provision, each with its
        // bookmark; every link of the document (the recommended text's references) lands on
        // one, and no bookmark is defined twice.
        let paras = paragraphs(&doc);
        let articles = paras.iter().filter(|(s, _, _)| s == "Heading3").count();
        assert_eq!(articles, provisions.len(), "{lang}");
        let names: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "bookmarkStart")))
            .map(|n| attr(n, "name").unwrap())
            .collect();
        let unique: BTreeSet<&str> = names.iter().copied().collect();
        assert_eq!(
            unique.len(),
            names.len(),
            "{lang}: a bookmark defined twice"
        );
        let links: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "hyperlink")))
            .map(|n| attr(n, "anchor").unwrap())
            .collect();
        assert!(
            !links.is_empty(),
            "{lang}: the recommended text links to the annex"
        );
        for a in &links {
            assert!(
                unique.contains(a),
                "{lang}: a link to {a}, which is not a bookmark"
            );
        }
        // The score, the key gaps and the asks are there, in the packet's direction.
        let score = paras
            .iter()
            .find(|(s, _, _)| s == "Score")
            .expect("the score");
        assert_eq!(score.1, rtl, "{lang}");
        assert!(score.2.contains('%'), "{lang}: {score:?}");
        let items = paras.iter().filter(|(s, _, _)| s == "ListItem").count();
        assert!(items >= 3, "{lang}: {items} list items");
    }
    // Egypt counts its asks in Arabic-Indic digits, as the rest of its packet.
    let eg = packet_docx(dir.path(), "eg", "ar");
    let doc = parts(&eg)["word/document.xml"].clone();
    let paras = paragraphs(&Document::parse(&doc).unwrap());
    let asks: Vec<&String> = paras
        .iter()
        .filter(|(s, _, t)| s == "ListItem" && !t.starts_with('•'))
        .map(|(_, _, t)| t)
        .collect();
    assert!(!asks.is_empty());
    assert!(asks[0].starts_with("١. "), "{:?}", asks[0]);
    assert!(
        asks.iter()
            .all(|t| !t.starts_with(|c: char| c.is_ascii_digit()))
    );
}

#[test]
fn a_word_packet_goes_where_asked_and_a_mismatched_file_name_is_refused() {
    let p = crate::support::shipped_project();
    let out = tempfile::tempdir().unwrap();
    // By default beside the PDFs: out/<cc>/packet-<lang>.docx.
    let r = p.run(&["packet", "jo", "--format", "docx"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let file = p.path().join("out/jo/packet-ar.docx");
    assert!(
        std::fs::read(&file).unwrap().starts_with(b"PK"),
        "a zip package"
    );
    // A file named .docx is written as it is.
    let named = out.path().join("brief.docx");
    let r = p.run(&[
        "packet",
        "jo",
        "--format",
        "docx",
        "-o",
        named.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(named.is_file());
    // A file of the other format is a mistake: said, with the fix, and nothing is written.
    for (format, name) in [("docx", "brief.pdf"), ("pdf", "brief2.docx")] {
        let wrong = out.path().join(name);
        let r = p.run(&[
            "packet",
            "jo",
            "--format",
            format,
            "-o",
            wrong.to_str().unwrap(),
        ]);
        r.assert_no_panic();
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains("another format"), "{}", r.stderr);
        assert!(r.stderr.contains("hint:"), "{}", r.stderr);
        assert!(!wrong.exists());
    }
    // Several packets cannot share one Word file either.
    let many = out.path().join("all.docx");
    let r = p.run(&[
        "packet",
        "jo",
        "eg",
        "--format",
        "docx",
        "-o",
        many.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("names one Word file"), "{}", r.stderr);
    assert!(!many.exists());
}
