//! `render --format docx --review` and `qanun review import`: a review copy edited as Word
//! edits (tracked changes, comments), brought back as a review file; conflicts, bad input and
//! `check` on review files.

use crate::support::{Project, run_in};
use std::io::{Read, Write};
use std::path::Path;

fn parts(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().unwrap().to_string(), b)
        })
        .collect()
}

fn write_package(path: &Path, parts: &[(String, Vec<u8>)]) {
    let list: Vec<(&str, Vec<u8>)> = parts.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    let bytes = qanun::render::docx::package(&list).unwrap();
    std::fs::File::create(path)
        .unwrap()
        .write_all(&bytes)
        .unwrap();
}

const WHEN: &str = "2026-12-07T10:00:00Z";

/// Edits a review copy as Word would: the last run of `q_definitions__1` deleted and replaced,
/// and a comment on the last run of `q_non_punishment__1`.
fn edit_as_word(path: &Path) -> String {
    let mut all = parts(path);
    let doc = all
        .iter_mut()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap();
    let mut xml = String::from_utf8(doc.1.clone()).unwrap();
    let last_run = |xml: &str, anchor: &str| -> (usize, usize) {
        let start = xml.find(&format!("w:name=\"{anchor}\"")).expect(anchor);
        let end = start + xml[start..].find("</w:p>").unwrap();
        let run = start + xml[start..end].rfind("<w:r>").unwrap();
        let run_end = run + xml[run..].find("</w:r>").unwrap() + "</w:r>".len();
        (run, run_end)
    };
    let (a, b) = last_run(&xml, "q_definitions__1");
    let run = xml[a..b].to_string();
    let deleted = run
        .replace(
            "<w:t xml:space=\"preserve\">",
            "<w:delText xml:space=\"preserve\">",
        )
        .replace("</w:t>", "</w:delText>");
    let inserted = run.replace(
        &run[run.find("<w:t xml:space=\"preserve\">").unwrap()..run.find("</w:t>").unwrap()],
        "<w:t xml:space=\"preserve\">كلمات جديدة من المراجِعة",
    );
    let changed = format!(
        "<w:del w:id=\"901\" w:author=\"Reviewer One\" w:date=\"{WHEN}\">{deleted}</w:del><w:ins w:id=\"902\" w:author=\"Reviewer One\" w:date=\"{WHEN}\">{inserted}</w:ins>"
    );
    xml.replace_range(a..b, &changed);
    let (a, b) = last_run(&xml, "q_non_punishment__1");
    let quoted: String = {
        let r = &xml[a..b];
        let s = r.find("preserve\">").unwrap() + "preserve\">".len();
        r[s..r.find("</w:t>").unwrap()].to_string()
    };
    let commented = format!(
        "<w:commentRangeStart w:id=\"0\"/>{}<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>",
        &xml[a..b]
    );
    xml.replace_range(a..b, &commented);
    doc.1 = xml.into_bytes();
    all.push((
        "word/comments.xml".to_string(),
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:comment w:id=\"0\" w:author=\"Reviewer One\" w:date=\"{WHEN}\" w:initials=\"RO\"><w:p><w:r><w:t>يُرجى التحقق &amp; المراجعة</w:t></w:r></w:p></w:comment></w:comments>").into_bytes(),
    ));
    for (name, bytes) in all.iter_mut() {
        if name == "[Content_Types].xml" {
            *bytes = String::from_utf8(bytes.clone()).unwrap().replace("</Types>", "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/></Types>").into_bytes();
        }
        if name == "word/_rels/document.xml.rels" {
            *bytes = String::from_utf8(bytes.clone()).unwrap().replace("</Relationships>", "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/></Relationships>").into_bytes();
        }
    }
    write_package(path, &all);
    quoted
}

fn review_copy(p: &Project) -> std::path::PathBuf {
    let out = p.path().join("review.docx");
    let r = p.run(&[
        "render",
        "jo",
        "--format",
        "docx",
        "--review",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    out
}

#[test]
fn a_review_copy_anchors_every_paragraph_and_says_what_it_is() {
    let p = Project::from_fixtures(&["check/valid"]);
    let path = review_copy(&p);
    let all = parts(&path);
    let doc = String::from_utf8(
        all.iter()
            .find(|(n, _)| n == "word/document.xml")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    for anchor in [
        "q_definitions__1",
        "q_definitions__2",
        "q_offence__1",
        "q_non_punishment__1",
        "q_shelter_rights__1",
    ] {
        assert!(doc.contains(&format!("w:name=\"{anchor}\"")), "{anchor}");
    }
    let custom = String::from_utf8(
        all.iter()
            .find(|(n, _)| n == "docProps/custom.xml")
            .expect("custom properties")
            .1
            .clone(),
    )
    .unwrap();
    assert!(
        custom.contains("name=\"qanun-review\"") && custom.contains("jo ar 0.1.0"),
        "{custom}"
    );
    // An ordinary document carries no paragraph anchors and no review property.
    let plain = p.path().join("plain.docx");
    assert_eq!(
        p.run(&[
            "render",
            "jo",
            "--format",
            "docx",
            "-o",
            plain.to_str().unwrap()
        ])
        .code,
        0
    );
    let plain = parts(&plain);
    assert!(!plain.iter().any(|(n, _)| n == "docProps/custom.xml"));
    assert!(
        !String::from_utf8_lossy(
            &plain
                .iter()
                .find(|(n, _)| n == "word/document.xml")
                .unwrap()
                .1
        )
        .contains("q_definitions__1")
    );
}

#[test]
fn comments_and_tracked_changes_come_back_anchored_to_their_articles() {
    let p = Project::from_fixtures(&["check/valid"]);
    let path = review_copy(&p);
    let quoted = edit_as_word(&path);
    let r = p.run(&["review", "import", path.to_str().unwrap()]);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("1 comment, 1 proposed edit"),
        "{}",
        r.stderr
    );
    let file = p.path().join("reviews/2026-12-07-reviewer-one.toml");
    let text = std::fs::read_to_string(&file).expect("reviews/<date>-<author>.toml");
    let review: qanun::review::ReviewFile = toml::from_str(&text).unwrap();
    assert_eq!(review.copy, "jo ar 0.1.0");
    assert_eq!(review.source, "review.docx");
    let c = &review.comments[0];
    assert_eq!((c.clause.as_str(), c.paragraph), ("non-punishment", 1));
    assert_eq!(c.text, "يُرجى التحقق & المراجعة");
    assert_eq!((c.author.as_str(), c.date.as_str()), ("Reviewer One", WHEN));
    assert_eq!(c.quote, quoted.trim());
    let e = &review.edits[0];
    assert_eq!((e.clause.as_str(), e.paragraph), ("definitions", 1));
    assert_eq!(e.authors, ["Reviewer One"]);
    assert!(e.new.contains("كلمات جديدة من المراجِعة") && !e.old.contains("كلمات جديدة"));
    assert!(
        e.old.starts_with("1- ") && e.new.starts_with("1- "),
        "{e:?}"
    );
    assert_eq!(e.current, None);
    // check reads review files and finds nothing wrong with this one …
    let r = p.run(&["check", "--strict", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    // … and warns, at the line, when an anchor no longer exists.
    std::fs::write(
        &file,
        text.replace("clause = \"non-punishment\"", "clause = \"gone-article\""),
    )
    .unwrap();
    let r = p.run(&["check", "--color", "never"]);
    assert!(
        r.stdout.contains("warning[review-anchor]") && r.stdout.contains("gone-article"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("reviews/2026-12-07-reviewer-one.toml:"),
        "file:line: {}",
        r.stdout
    );
    // An existing review file is not replaced without --force.
    let r = p.run(&["review", "import", path.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--force"));
}

#[test]
fn an_edit_to_a_paragraph_changed_since_the_copy_keeps_both_texts() {
    let p = Project::from_fixtures(&["check/valid"]);
    let path = review_copy(&p);
    edit_as_word(&path);
    let clause = "law/clauses/general/definitions.md";
    p.write(
        clause,
        p.read(clause).replace(
            "يُقصد بالطفل كل من لم يتم الثامنة عشرة من عمره.",
            "يُقصد بالطفل كل شخص دون الثامنة عشرة.",
        ),
    );
    let out = p.path().join("r.toml");
    let r = p.run(&[
        "review",
        "import",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("changed since the review copy"),
        "{}",
        r.stderr
    );
    let review: qanun::review::ReviewFile =
        toml::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let e = &review.edits[0];
    assert!(
        e.current
            .as_deref()
            .is_some_and(|c| c.contains("دون الثامنة عشرة")),
        "{e:?}"
    );
    assert!(e.new.contains("كلمات جديدة"), "the reviewer's text is kept");
}

#[test]
fn files_that_are_not_review_copies_are_refused_plainly() {
    let p = Project::from_fixtures(&["check/valid"]);
    p.write("notes.docx", "just text");
    let r = p.run(&[
        "review",
        "import",
        p.path().join("notes.docx").to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("not a Word document") && r.stderr.contains("hint:"),
        "{}",
        r.stderr
    );
    let other = p.path().join("other.docx");
    write_package(&other, &[("word/document.xml".to_string(), b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>".to_vec())]);
    let r = p.run(&["review", "import", other.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a qanun review copy"), "{}", r.stderr);
    // The law's own Word document, rendered without --review: its headings have bookmarks,
    // its paragraphs none, so no edit could be placed.
    let plain = p.path().join("plain.docx");
    let r = p.run(&[
        "render",
        "jo",
        "--format",
        "docx",
        "-o",
        plain.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = p.run(&["review", "import", plain.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("not a qanun review copy") && r.stderr.contains("--review"),
        "{}",
        r.stderr
    );
    let r = p.run(&[
        "review",
        "import",
        p.path().join("missing.docx").to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(!p.path().join("reviews").exists(), "nothing written");
}

#[test]
#[ignore = "needs LibreOffice (soffice)"]
fn anchors_survive_a_round_trip_through_libreoffice() {
    let p = Project::from_fixtures(&["check/valid"]);
    let path = review_copy(&p);
    let out = p.path().join("lo");
    let o = std::process::Command::new("soffice")
        .args([
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
        ])
        .arg(&out)
        .arg(&path)
        .env("HOME", p.path())
        .output()
        .expect("soffice");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let saved = out.join("review.docx");
    let r = run_in(
        p.path(),
        &[
            "review",
            "import",
            saved.to_str().unwrap(),
            "-o",
            p.path().join("lo.toml").to_str().unwrap(),
        ],
    );
    // The anchors are found again, and LibreOffice's copy reads as the project does today: no
    // edit and no conflict appears that nobody made.
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("0 comments, 0 proposed edits, 0 on paragraphs changed since"),
        "{}",
        r.stderr
    );
    let doc = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&saved).unwrap()).unwrap();
        let mut s = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    for anchor in [
        "q_definitions__1",
        "q_definitions__2",
        "q_non_punishment__1",
    ] {
        assert!(doc.contains(anchor), "{anchor} survives LibreOffice");
    }
}

#[test]
fn review_comments_show_beside_their_articles_in_html_and_in_redlines() {
    let p = Project::from_fixtures(&["check/valid"]);
    let path = review_copy(&p);
    edit_as_word(&path);
    assert_eq!(p.run(&["review", "import", path.to_str().unwrap()]).code, 0);
    let html = p.run(&["render", "jo", "--format", "html"]).stdout;
    let aside = html
        .find("<aside class=\"review\">")
        .expect("the comment is shown");
    assert!(
        html[aside..].contains("Reviewer One")
            && html[aside..].contains("يُرجى التحقق &amp; المراجعة")
    );
    let art = html.find("id=\"art-non-punishment\"").unwrap();
    assert!(aside > art, "under its article");
    // A redline of a change to that article shows the comment beside it.
    let old = p.path().join("old-law");
    std::fs::create_dir_all(&old).unwrap();
    let r = std::process::Command::new("cp")
        .arg("-r")
        .arg(p.path().join("law"))
        .arg(&old)
        .status()
        .unwrap();
    assert!(r.success());
    let clause = "law/clauses/protection/non-punishment.md";
    p.write(
        clause,
        p.read(clause)
            .replace("shall not be prosecuted", "shall never be prosecuted"),
    );
    let old_law = old.join("law");
    let new = p.path().to_str().unwrap();
    let r = p.run(&["diff", old_law.to_str().unwrap(), new, "--format", "html"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.contains("<aside class=\"review\">") && r.stdout.contains("Reviewer One"),
        "{}",
        r.stdout
    );
    let out = p.path().join("red.docx");
    let r = p.run(&[
        "diff",
        old_law.to_str().unwrap(),
        new,
        "--format",
        "docx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc = parts(&out)
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap()
        .1;
    let doc = String::from_utf8(doc).unwrap();
    assert!(
        doc.contains("w:val=\"ReviewComment\"") && doc.contains("Reviewer One"),
        "the redline carries the comment"
    );
}

#[test]
fn proposed_edits_become_clause_files_to_diff_or_are_applied_in_place() {
    let p = Project::from_fixtures(&["check/valid"]);
    let path = review_copy(&p);
    edit_as_word(&path);
    assert_eq!(p.run(&["review", "import", path.to_str().unwrap()]).code, 0);
    let review = p.path().join("reviews/2026-12-07-reviewer-one.toml");
    let clause = "law/clauses/general/definitions.md";
    let before = p.read(clause);
    // By default: a proposed copy of law/, never law/ itself.
    let r = p.run(&["review", "apply", review.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("1 edit") && r.stderr.contains("qanun diff law"),
        "{}",
        r.stderr
    );
    assert_eq!(p.read(clause), before, "law/ is untouched");
    let proposed = p.read(&format!("reviews/2026-12-07-reviewer-one/{clause}"));
    assert!(
        proposed.contains("1. كلمات جديدة من المراجِعة\n"),
        "{proposed}"
    );
    assert_eq!(
        proposed.replace(
            "1. كلمات جديدة من المراجِعة\n",
            "1. يُقصد بالطفل كل من لم يتم الثامنة عشرة من عمره.\n"
        ),
        before,
        "only that line changed"
    );
    // qanun diff shows it.
    let proposed_law = p.path().join("reviews/2026-12-07-reviewer-one/law");
    let r = p.run(&[
        "diff",
        p.path().join("law").to_str().unwrap(),
        proposed_law.to_str().unwrap(),
        "--color",
        "never",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.contains("definitions") && r.stdout.contains("كلمات"),
        "{}",
        r.stdout
    );
    // With --in-place, law/ itself; check still passes.
    let r = p.run(&["review", "apply", review.to_str().unwrap(), "--in-place"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(p.read(clause).contains("1. كلمات جديدة من المراجِعة\n"));
    let r = p.run(&["check", "--strict", "--color", "never"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn an_edit_that_touches_a_reference_or_a_changed_paragraph_is_left_for_a_person() {
    use qanun::model::{ClauseId, Inline, Origin};
    use qanun::review::{ReviewEdit, apply_edit};
    use qanun::variant::Piece;
    let edit = |old: &str, new: &str| ReviewEdit {
        clause: "x".into(),
        paragraph: 1,
        authors: vec![],
        date: String::new(),
        old: old.into(),
        new: new.into(),
        current: None,
    };
    let rendered = vec![
        Piece::Text("see ".into()),
        Piece::Ref("Article 12".into(), ClauseId("offence".into())),
        Piece::Text(" now".into()),
    ];
    let source = vec![
        Inline::Text {
            text: "see ".into(),
        },
        Inline::Ref {
            id: ClauseId("offence".into()),
            origin: Origin::new("", 0),
        },
        Inline::Text {
            text: " now".into(),
        },
    ];
    // Words around the reference: applied, the reference kept as [[offence]].
    assert_eq!(
        apply_edit(
            &edit("1- see Article 12 now", "1- read Article 12 today"),
            "1- ",
            &rendered,
            &source
        )
        .unwrap(),
        "read [[offence]] today"
    );
    // The whole reference removed: dropped from the source too.
    assert_eq!(
        apply_edit(
            &edit("1- see Article 12 now", "1- see now"),
            "1- ",
            &rendered,
            &source
        )
        .unwrap(),
        "see now"
    );
    // Inside the reference: for a person.
    assert!(
        apply_edit(
            &edit("1- see Article 12 now", "1- see Article 13 now"),
            "1- ",
            &rendered,
            &source
        )
        .is_err()
    );
    // The number or the points changed: for a person.
    assert!(
        apply_edit(
            &edit("1- see Article 12 now", "2- see Article 12 now"),
            "1- ",
            &rendered,
            &source
        )
        .is_err()
    );
    assert!(
        apply_edit(
            &edit("1- see Article 12 now\na- x", "1- see Article 12 now\na- y"),
            "1- ",
            &rendered,
            &source
        )
        .is_err()
    );
}

#[test]
fn a_deleted_anchor_is_said_plainly_and_a_big_file_is_read_whole() {
    let p = Project::from_fixtures(&["check/valid"]);
    let path = review_copy(&p);
    edit_as_word(&path);
    // Delete the anchor of paragraph 2 of `definitions`, as a reviewer might by retyping it.
    let mut all = parts(&path);
    let doc = all
        .iter_mut()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap();
    let xml = String::from_utf8(doc.1.clone()).unwrap();
    let start = xml
        .find("<w:bookmarkStart w:id=")
        .map(|_| ())
        .and(xml.find("w:name=\"q_definitions__2\""))
        .unwrap();
    let open = xml[..start].rfind("<w:bookmarkStart").unwrap();
    let close = start + xml[start..].find("/>").unwrap() + 2;
    let xml = format!("{}{}", &xml[..open], &xml[close..]);
    doc.1 = xml.into_bytes();
    // And make the file 50 MB, with an image-like part the import does not need.
    let mut noise = vec![0u8; 50 * 1024 * 1024];
    let mut x: u32 = 2_463_534_242;
    for b in noise.iter_mut() {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = x as u8;
    }
    all.push(("word/media/scan.bin".to_string(), noise));
    write_package(&path, &all);
    assert!(std::fs::metadata(&path).unwrap().len() > 50 * 1000 * 1000);
    let r = p.run(&["review", "import", path.to_str().unwrap()]);
    r.assert_no_panic();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("the anchor of paragraph 2 of `definitions` was deleted"),
        "{}",
        r.stderr
    );
    assert!(
        p.path()
            .join("reviews/2026-12-07-reviewer-one.toml")
            .is_file(),
        "the rest is imported"
    );
}

#[test]
fn a_warning_names_a_paragraph_as_the_copy_numbers_it() {
    // The model law shows two wordings of paragraph 1 of non-punishment, then paragraph 2: the
    // review file keeps each paragraph's place (1, 2, 3), a warning says what the copy shows.
    let p = Project::from_fixtures(&["check/valid"]);
    p.offer_alternatives();
    let edit = |place: usize, old: &str, new: &str| {
        format!(
            "[[edit]]\nclause = \"non-punishment\"\nparagraph = {place}\nauthors = [\"Reviewer One\"]\ndate = \"{WHEN}\"\nold = \"{old}\"\nnew = \"{new}\"\n"
        )
    };
    p.write(
        "reviews/r.toml",
        format!(
            "source = \"review.docx\"\ncopy = \"model en 1.0.0\"\n{}{}",
            edit(
                2,
                "1- A victim shall not be punished.",
                "1- A victim shall never be punished."
            ),
            edit(
                3,
                "2- Nor shall a victim be detained.",
                "2- Nor shall a victim be held."
            ),
        ),
    );
    let file = p.path().join("reviews/r.toml");
    let r = p.run(&["review", "apply", file.to_str().unwrap()]);
    r.assert_no_panic();
    assert!(
        r.stderr
            .contains("non-punishment paragraph 1 (Option B) was not applied"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("non-punishment paragraph 2 was not applied"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("alternative wordings"), "{}", r.stderr);
}
