//! `qanun import`: official text → structured legislation, with a report at FILE:line.

use crate::support::{Project, Run, fixtures};
use qanun::diagnostics::Diagnostic;
use qanun::model::Legislation;

fn fixture(name: &str) -> String {
    fixtures()
        .join("import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// What one import of a fixture into Jordan gave: the run, the file written, and that file as
/// the loader reads it, with the loader's diagnostics.
struct Imported {
    run: Run,
    md: String,
    law: Legislation,
    diags: Vec<Diagnostic>,
}

/// Imports fixture `file` as `countries/jo/legislation/<id>.md` (replacing it), with `extra`
/// arguments, and reads the result back.
fn import_jo(p: &Project, file: &str, id: &str, extra: &[&str]) -> Imported {
    let path = fixture(file);
    let mut args = vec!["import", "--force", &path, "--country", "jo", "--id", id];
    args.extend_from_slice(extra);
    let run = p.run(&args);
    run.assert_no_panic();
    assert!(run.code == 0 || run.code == 1, "{file}: {}", run.stderr);
    let md = std::fs::read_to_string(p.path().join(format!("countries/jo/legislation/{id}.md")))
        .expect("written");
    let mut diags = Vec::new();
    let law =
        qanun::load::parse_legislation(&format!("{id}.md"), "jo", &md, &mut diags).expect("loads");
    Imported {
        run,
        md,
        law,
        diags,
    }
}

#[test]
fn imports_into_the_country_folder_and_the_result_loads() {
    let p = Project::from_fixtures(&["check/valid"]);
    let r = p.run(&[
        "import",
        &fixture("ar-gazette.txt"),
        "--country",
        "jo",
        "--id",
        "gazette-law",
    ]);
    r.assert_no_panic();
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    let written = p.path().join("countries/jo/legislation/gazette-law.md");
    let md = std::fs::read_to_string(&written).expect("written");
    assert!(md.starts_with("+++\n"), "{md}");
    assert!(md.contains("\n## 1\n"), "{md}");
    assert!(md.contains("official = true"), "{md}");
    // The structured file is read back by the loader without errors.
    let check = p.run(&["check", "--format", "json"]);
    let j = check.json();
    let errs: Vec<_> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error" && d["file"].as_str().unwrap().contains("gazette-law"))
        .collect();
    assert!(errs.is_empty(), "{errs:#?}");
}

#[test]
fn the_number_year_and_title_the_text_writes_are_read_and_said() {
    let p = Project::from_fixtures(&["check/valid"]);
    for (file, number, year, title) in [
        // The title by which article 1 names the law.
        (
            "ar-gazette.txt",
            "7",
            "2024",
            "قانون مكافحة الاتجار بالبشر وحماية ضحاياه لسنة 2024",
        ),
        (
            "en-act.txt",
            "unknown",
            "2024",
            "Prevention of Trafficking in Persons Act, 2024",
        ),
        // The first line, which opens with the kind of law.
        (
            "fr-amending.txt",
            "41-23",
            "unknown",
            "Loi n° 41-23 modifiant et complétant le code pénal en matière de traite des êtres humains",
        ),
    ] {
        let i = import_jo(&p, file, "read", &[]);
        let (leg, r) = (&i.law, &i.run);
        assert_eq!(
            (leg.meta.number.as_str(), leg.meta.year.as_str()),
            (number, year),
            "{file}"
        );
        let lang = leg.meta.language.expect("language");
        assert_eq!(
            leg.meta.title.get(&lang).map(String::as_str),
            Some(title),
            "{file}"
        );
        assert!(
            r.stderr.contains("read from the text")
                && r.stderr.contains(&format!("title \"{title}\""))
                && r.stderr.contains("check them against the gazette"),
            "{file}: {}",
            r.stderr
        );
        // Read, the title is no longer asked for.
        assert!(
            !r.stderr.contains("the law's title"),
            "{file}: {}",
            r.stderr
        );
    }
    // A title given with --title is the one written, and nothing is said of another.
    let i = import_jo(&p, "en-act.txt", "read", &["--title", "Given Title Act"]);
    assert_eq!(
        i.law
            .meta
            .language
            .and_then(|l| i.law.meta.title.get(&l))
            .map(String::as_str),
        Some("Given Title Act")
    );
    assert!(!i.run.stderr.contains("title \""), "{}", i.run.stderr);
}

#[test]
fn a_regulation_is_imported_as_one_and_a_law_by_default() {
    let p = Project::from_fixtures(&["check/valid"]);
    for (args, kind) in [
        (vec![], "law"),
        (vec!["--kind", "regulation"], "regulation"),
    ] {
        let mut extra = vec![
            "--source",
            "Official Gazette No. 5000 (2024)",
            "--title",
            "قانون مكافحة الاتجار بالبشر",
        ];
        extra.extend(args.iter().copied());
        let Imported {
            md,
            law: leg,
            diags,
            ..
        } = import_jo(&p, "ar-gazette.txt", "text", &extra);
        assert!(md.contains(&format!("\nkind = \"{kind}\"\n")), "{md}");
        assert!(diags.is_empty(), "{diags:?}");
        let want = if kind == "law" {
            qanun::model::LegislationKind::Law
        } else {
            qanun::model::LegislationKind::Regulation
        };
        assert_eq!(leg.meta.kind, want);
        assert_eq!(leg.meta.source, "Official Gazette No. 5000 (2024)");
        assert_eq!(
            leg.meta
                .title
                .get(&qanun::model::Lang::Ar)
                .map(String::as_str),
            Some("قانون مكافحة الاتجار بالبشر")
        );
    }
    // Without them, and from a text that gives no title (a preamble citing another law
    // opens it), import says what is left to write, and check points at both.
    let Imported {
        run: r, md, diags, ..
    } = import_jo(&p, "ar-preamble.txt", "text", &[]);
    assert!(!r.stderr.contains("read from the text"), "{}", r.stderr);
    assert!(
        r.stderr.contains("next: write where the text comes from")
            && r.stderr.contains("the law's title"),
        "{}",
        r.stderr
    );
    let mut codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["no-source", "no-title"], "{diags:?}");
    // What the user types is text: quotes, backslashes and a front-matter fence in the title
    // or the source come back as typed and do not end the front matter.
    let (title, source) = ("قانون \"x\"\n+++\n## 9", "a \"b\" \\ c\n+++");
    let hostile = import_jo(
        &p,
        "ar-gazette.txt",
        "hostile",
        &["--title", title, "--source", source],
    );
    let (leg, d) = (&hostile.law, &hostile.diags);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(leg.meta.source, source);
    assert_eq!(
        leg.meta
            .title
            .get(&qanun::model::Lang::Ar)
            .map(String::as_str),
        Some(title)
    );
    assert_eq!(
        leg.articles().count(),
        12,
        "the fence in the title ended nothing"
    );
    // The source's warning points at its value.
    let d = diags.iter().find(|d| d.code == "no-source").unwrap();
    let (at, _) = d.span.expect("a place");
    assert!(md[at..].starts_with("\"unknown\""), "{d:?}");
    // Anything else is refused with the accepted values.
    let r = p.run(&[
        "import",
        &fixture("ar-gazette.txt"),
        "--country",
        "jo",
        "--kind",
        "bylaw",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("law") && r.stderr.contains("regulation"),
        "{}",
        r.stderr
    );
}

#[test]
fn problems_are_reported_at_their_line_and_exit_1() {
    let p = Project::from_fixtures(&["check/valid"]);
    let r = p.run(&["import", &fixture("ar-pdf-noise.txt"), "--country", "jo"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("warning[missing]"), "{}", r.stderr);
    assert!(r.stderr.contains("ar-pdf-noise.txt:25:1"), "{}", r.stderr);
    assert!(r.stderr.contains("--repair"), "{}", r.stderr);
}

#[test]
fn repairs_are_opt_in_and_reported() {
    let p = Project::from_fixtures(&["check/valid"]);
    let plain = p.path().join("plain.md");
    let repaired = p.path().join("repaired.md");
    p.run(&[
        "import",
        &fixture("ar-pdf-noise.txt"),
        "--country",
        "jo",
        "-o",
        plain.to_str().unwrap(),
    ]);
    let r = p.run(&[
        "import",
        &fixture("ar-pdf-noise.txt"),
        "--country",
        "jo",
        "--repair",
        "-o",
        repaired.to_str().unwrap(),
    ]);
    assert!(r.stderr.contains("warning[repaired]"), "{}", r.stderr);
    let (plain, repaired) = (
        std::fs::read_to_string(plain).unwrap(),
        std::fs::read_to_string(repaired).unwrap(),
    );
    assert!(
        plain.contains("االتجار") || plain.contains('\u{FEFB}') || plain.contains('\u{200F}'),
        "kept as it came"
    );
    assert_ne!(plain, repaired);
}

#[test]
fn an_existing_file_is_never_overwritten_without_force() {
    let p = Project::from_fixtures(&["check/valid"]);
    let out = p.path().join("x.md");
    std::fs::write(&out, "keep me").unwrap();
    let r = p.run(&[
        "import",
        &fixture("en-act.txt"),
        "--country",
        "jo",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let r = p.run(&[
        "import",
        &fixture("en-act.txt"),
        "--country",
        "jo",
        "--lang",
        "en",
        "-o",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert!(r.code <= 1, "{}", r.stderr);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("language = \"en\"")
    );
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_its_offset() {
    let p = Project::from_fixtures(&["check/valid"]);
    p.write("law.txt", b"Article 1\nOne \xE9t\xE9.\n");
    let r = p.run(&[
        "import",
        p.path().join("law.txt").to_str().unwrap(),
        "--country",
        "jo",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("byte offset 14"), "{}", r.stderr);
    assert!(!p.path().join("countries/jo/legislation/law.md").exists());
    // The gazette's PDF or a Word file given as it is: named, with how to get its text.
    for (file, bytes, says) in [
        (
            "law.pdf",
            &b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n"[..],
            "pdftotext",
        ),
        (
            "law.docx",
            &b"PK\x03\x04\x14\x00\x06\x00\x08\x00"[..],
            "Plain Text",
        ),
    ] {
        p.write(file, bytes);
        let r = p.run(&[
            "import",
            p.path().join(file).to_str().unwrap(),
            "--country",
            "jo",
        ]);
        assert_eq!(r.code, 2, "{file}");
        assert!(
            r.stderr.contains("not plain text") && r.stderr.contains(says),
            "{}",
            r.stderr
        );
        assert!(!r.stderr.contains("Windows-1256"), "{}", r.stderr);
        assert!(!p.path().join("countries/jo/legislation/law.md").exists());
    }
}

#[test]
fn section_headings_and_code_prefixes_become_articles_that_load() {
    let p = Project::from_fixtures(&["check/valid"]);
    // Sections headed by number and title, the text restating the number.
    p.write(
        "act.txt",
        "1 Short title\n1. This Act is the Harbour Act 2021.\n\n2 Harbouring of persons\n2. —(1) A person who harbours another for gain commits an offence.\n(2) The offence is punishable by a fine.\n".as_bytes(),
    );
    // A French code's legislative and regulatory articles.
    p.write(
        "code.txt",
        "Article L. 7-1\nLe préfet délivre une carte.\n\nArticle R. 7-1\nLa demande est déposée en préfecture.\n".as_bytes(),
    );
    for (src, lang, id, want) in [
        ("act.txt", "en", "harbour-act", &["1", "2"][..]),
        ("code.txt", "fr", "code-extract", &["L7-1", "R7-1"][..]),
    ] {
        let r = p.run(&[
            "import",
            p.path().join(src).to_str().unwrap(),
            "--country",
            "jo",
            "--lang",
            lang,
            "--id",
            id,
        ]);
        let md =
            std::fs::read_to_string(p.path().join(format!("countries/jo/legislation/{id}.md")))
                .expect("written");
        let heads: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("## ")).collect();
        assert_eq!(heads, want, "{md}");
        if src == "code.txt" {
            // A code's articles from L. 7-1 on are an extract: imported, said so (exit 1),
            // and marked incomplete so that compare reads "not verified", never "missing".
            assert_eq!(r.code, 1, "{}", r.stderr);
            assert!(
                r.stderr
                    .contains("articles L1 to L6 are not in the text: it starts at article L7-1"),
                "{}",
                r.stderr
            );
            assert!(md.contains("\ncomplete = false\n"), "{md}");
        } else {
            assert_eq!(r.code, 0, "{}", r.stderr);
            assert!(!md.contains("complete = false"), "{md}");
        }
        if src == "act.txt" {
            assert!(
                md.contains("## 2\ntitle: Harbouring of persons\n\n(1) A person who harbours"),
                "{md}"
            );
        }
    }
    let check = p.run(&["check", "--format", "json"]);
    let j = check.json();
    let errs: Vec<_> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["severity"] == "error" && {
                let f = d["file"].as_str().unwrap();
                f.contains("harbour-act") || f.contains("code-extract")
            }
        })
        .collect();
    assert!(errs.is_empty(), "{errs:#?}");
}

#[test]
fn a_text_with_articles_missing_is_imported_as_incomplete_and_compared_as_such() {
    // Articles 3 and 4 are missing: the file says `complete = false`, and compare then shows
    // what it does not find as "not verified", never "missing".
    let p = Project::from_fixtures(&["check/valid"]);
    let src = p.path().join("extract.txt");
    std::fs::write(
        &src,
        "المادة 1\nيسمى هذا القانون قانون منع الاتجار بالبشر.\n\nالمادة 2\nيعاقب كل من ارتكب جريمة الاتجار بالبشر بالسجن.\n\nالمادة 5\nيعمل بهذا القانون من تاريخ نشره.\n",
    )
    .expect("write");
    let r = p.run(&[
        "import",
        &src.to_string_lossy(),
        "--country",
        "jo",
        "--id",
        "extract",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let md = p.read("countries/jo/legislation/extract.md");
    assert!(md.contains("\ncomplete = false\n"), "{md}");
    let c = p.run(&["compare", "jo", "--law", "extract", "--format", "json"]);
    assert_eq!(c.code, 0, "{}", c.stderr);
    let j = c.json();
    assert_eq!(j["verified"], false);
    let statuses: Vec<&str> = j["provisions"]
        .as_array()
        .expect("provisions")
        .iter()
        .filter_map(|p| p["status"].as_str())
        .collect();
    assert!(!statuses.contains(&"missing"), "{statuses:?}");
    assert!(statuses.contains(&"not-verified"), "{statuses:?}");
    // A text whose numbering has no gap stays complete (no line at all: the default).
    let whole = p.path().join("whole.txt");
    std::fs::write(
        &whole,
        "المادة 1\nيسمى هذا القانون قانون منع الاتجار بالبشر.\n\nالمادة 2\nيعمل بهذا القانون من تاريخ نشره.\n",
    )
    .expect("write");
    let r = p.run(&[
        "import",
        &whole.to_string_lossy(),
        "--country",
        "jo",
        "--id",
        "whole",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        !p.read("countries/jo/legislation/whole.md")
            .contains("complete")
    );
}

#[test]
fn a_law_the_profile_does_not_list_as_in_force_is_pointed_out_after_the_import() {
    // Jordan's profile in the fixture lists no law: compare could not call anything missing
    // from the imported law, so import says what to add to the profile.
    let p = Project::from_fixtures(&["check/valid"]);
    let hint = "next: if it is in force, add it to countries/jo/country.toml";
    let first = import_jo(&p, "ar-gazette.txt", "gazette-law", &[]);
    assert!(first.run.stderr.contains(hint), "{}", first.run.stderr);
    // The entry it prints, pasted as it is, lists the law as in force.
    let entry: Vec<&str> = first
        .run
        .stderr
        .lines()
        .skip_while(|l| !l.starts_with(hint))
        .skip(1)
        .take_while(|l| l.starts_with("    "))
        .collect();
    assert_eq!(
        entry.first().map(|l| l.trim()),
        Some("[[laws]]"),
        "{}",
        first.run.stderr
    );
    assert!(entry.contains(&"    id = \"gazette-law\""), "{entry:?}");
    assert!(entry.contains(&"    status = \"in-force\""), "{entry:?}");
    let profile = p.read("countries/jo/country.toml");
    p.write(
        "countries/jo/country.toml",
        format!("{profile}\n{}\n", entry.join("\n")),
    );
    assert_eq!(p.run(&["check"]).code, 0, "the pasted entry does not check");
    let again = import_jo(&p, "ar-gazette.txt", "gazette-law", &[]);
    assert!(
        !again.run.stderr.contains("next: if it is in force"),
        "{}",
        again.run.stderr
    );
    // Written elsewhere with -o, the file is not the country's yet: no hint.
    let out = p.path().join("elsewhere.md");
    let r = p.run(&[
        "import",
        &fixture("ar-gazette.txt"),
        "--country",
        "jo",
        "--id",
        "other-law",
        "-o",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(
        !r.stderr.contains("next: if it is in force"),
        "{}",
        r.stderr
    );
    // A country without a profile: the profile comes first.
    let r = p.run(&[
        "import",
        &fixture("ar-gazette.txt"),
        "--country",
        "om",
        "--id",
        "om-law",
    ]);
    assert!(
        r.stderr
            .contains("next: the country has no profile yet: write it with qanun new country om"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_empty_file_is_an_error_and_writes_nothing() {
    // A scanned PDF gives pdftotext nothing to extract; importing the empty result must not
    // write a law of no articles (its language guessed) that compare would then read.
    let p = Project::from_fixtures(&["check/valid"]);
    for (name, text) in [("empty.txt", ""), ("blank.txt", " \n\n\t\n")] {
        p.write(name, text);
        let r = p.run(&[
            "import",
            &p.path().join(name).to_string_lossy(),
            "--country",
            "jo",
            "--id",
            "law-1-2020",
        ]);
        r.assert_no_panic();
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        assert!(r.stderr.contains("error[empty-file]"), "{}", r.stderr);
        assert!(r.stderr.contains("holds no text"), "{}", r.stderr);
        assert!(r.stderr.contains("OCR"), "{}", r.stderr);
        assert!(
            !p.path()
                .join("countries/jo/legislation/law-1-2020.md")
                .exists(),
            "{name}: nothing is written"
        );
    }
}
