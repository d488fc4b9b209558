//! `qanun packet`: PDF packets for every shipped country, their text and fonts, reproducible
//! bytes, hostile text shown literally, and a broken country that fails alone.

use crate::support::{Project, repo, run_in};
use std::path::Path;
use std::process::Command;

/// The shipped countries and a phrase of their name in their default language (Arabic).
const COUNTRIES: &[(&str, &str)] = &[
    ("bh", "البحرين"),
    ("eg", "مصر"),
    ("iq", "العراق"),
    ("jo", "الأردنية"),
    ("lb", "اللبنانية"),
    ("ly", "ليبيا"),
    ("ma", "المغربية"),
    ("ps", "فلسطين"),
    ("sd", "السودان"),
    ("sy", "السورية"),
    ("ye", "اليمنية"),
];

/// The text of a PDF (pdftotext), bidi marks and Arabic diacritics stripped, spaces collapsed.
fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    let text = String::from_utf8_lossy(&out.stdout);
    let clean: String = text
        .chars()
        .filter(|c| {
            !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
                    | '\u{064B}'..='\u{065F}'
                    | '\u{0670}' | '\u{2060}')
        })
        .collect();
    clean.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The last line of text of each page above its page number, letters only, Arabic marks
/// dropped (pdftotext's
/// placement of punctuation and bidi marks in right-to-left lines varies).
fn page_bottoms(path: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(|page| {
            let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
            let above_number = lines.len().saturating_sub(2);
            lines.get(above_number).map_or(String::new(), |l| {
                l.chars()
                    .filter(|c| {
                        c.is_alphabetic() && !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
                    })
                    .collect()
            })
        })
        .collect()
}

/// The Typst source of the shipped project's packet for `cc` in `lang` (option `--typ`: no
/// PDF compile, so these checks stay fast).
fn packet_typ(cc: &str, lang: &str) -> String {
    packet_typ_in(&repo(), cc, lang)
}

fn packet_typ_in(root: &Path, cc: &str, lang: &str) -> String {
    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().to_string_lossy().into_owned();
    let r = run_in(root, &["packet", cc, "--lang", lang, "--typ", "-o", &dir]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    std::fs::read_to_string(out.path().join(format!("{cc}/packet-{lang}.typ"))).expect("typ")
}

/// A copy of the shipped project in which country `cc`'s national texts are declared complete
/// official texts, so that what they lack is a verified gap.
fn shipped_with_official_texts(cc: &str) -> Project {
    let p = crate::support::shipped_project();
    let leg = p.path().join("countries").join(cc).join("legislation");
    for e in std::fs::read_dir(&leg).expect("legislation") {
        let path = e.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(
            &path,
            text.replacen("official = false", "official = true", 1),
        )
        .expect("write");
    }
    p
}

/// The lines of pdffonts for a PDF, header excluded.
fn pdf_fonts(path: &Path) -> Vec<String> {
    let out = Command::new("pdffonts")
        .arg(path)
        .output()
        .expect("pdffonts (poppler-utils) must be installed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn every_shipped_country_gets_a_packet_with_embedded_fonts_and_stable_bytes() {
    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().to_string_lossy().into_owned();
    let r = run_in(&repo(), &["packet", "--all", "-o", &dir]);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (cc, name) in COUNTRIES {
        let pdf = out.path().join(cc).join("packet-ar.pdf");
        assert!(pdf.is_file(), "no packet for {cc}: {}", r.stderr);
        let text = pdf_text(&pdf);
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            squeezed.contains(name),
            "{cc}: no country name in the packet"
        );
        assert!(text.contains("المادة"), "{cc}: no article number");
        let fonts = pdf_fonts(&pdf);
        assert!(!fonts.is_empty(), "{cc}: no fonts");
        for f in &fonts {
            assert!(f.contains("Amiri"), "{cc}: unexpected font {f}");
            assert!(f.contains(" yes "), "{cc}: font not embedded: {f}");
        }
        // No page ends on a label whose content is on the next page: the commentary's and
        // the instrument list's titles, or an article's status line under its heading.
        for (i, bottom) in page_bottoms(&pdf).iter().enumerate() {
            let orphan = ["شرحواضعيالنص", "تنفذ", "الوضعغائبة", "الوضعمغطاةجزئيا"]
                .iter()
                .any(|label| bottom.trim_start_matches('ـ') == *label);
            assert!(!orphan, "{cc}: page {} ends with the label {bottom}", i + 1);
        }
    }
    // A sentence of recommended text (the definitions article), in logical order.
    let jo = pdf_text(&out.path().join("jo/packet-ar.pdf"));
    assert!(
        jo.contains("يكون للكلمات والعبارات الآتية"),
        "no recommended text in the Jordanian packet"
    );
    // The same inputs give the same bytes.
    let again = tempfile::tempdir().expect("temp dir");
    let dir2 = again.path().to_string_lossy().into_owned();
    let r2 = run_in(&repo(), &["packet", "jo", "-o", &dir2]);
    assert_eq!(r2.code, 0, "{}", r2.stderr);
    let a = std::fs::read(out.path().join("jo/packet-ar.pdf")).expect("read");
    let b = std::fs::read(again.path().join("jo/packet-ar.pdf")).expect("read");
    assert!(a == b, "two runs gave different bytes");
}

#[test]
fn an_unknown_country_is_refused_before_any_packet_is_built() {
    // A typo among several countries stops the whole request (exit 2, as a usage error), and
    // no packet is written for the others; the hint lists the project's countries only
    // (`model` is not one: a packet argues for a country's law).
    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().join("out");
    let r = run_in(
        &repo(),
        &["packet", "jo", "zz", "-o", dir.to_str().unwrap()],
    );
    r.assert_no_panic();
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("unknown country `zz`: no countries/zz/country.toml"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("hint: packets are built for the project's countries: bh, eg")
    );
    assert!(!r.stderr.contains("`model`"), "{}", r.stderr);
    assert!(!dir.exists(), "something was written");
    for format in ["pdf", "docx"] {
        let r = run_in(
            &repo(),
            &[
                "packet",
                "model",
                "xx",
                "--format",
                format,
                "-o",
                dir.to_str().unwrap(),
            ],
        );
        assert_eq!(r.code, 2, "{format}: {}", r.stderr);
        assert!(
            r.stderr.contains("unknown countries `model`, `xx`"),
            "{format}: {}",
            r.stderr
        );
        assert!(!dir.exists(), "{format}: something was written");
    }
}

#[test]
fn hostile_clause_text_is_shown_literally() {
    let p = Project::from_fixtures(&["check/valid"]);
    let offence = p.read("law/clauses/general/offence.md").replace(
        "Whoever commits trafficking in persons",
        "Whoever writes #read(\"/etc/passwd\") or <script>alert(1)</script> or $x$ or #include \"law/law.toml\" commits trafficking in persons",
    );
    p.write("law/clauses/general/offence.md", offence);
    let r = p.run(&["packet", "jo", "--lang", "en"]);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = pdf_text(&p.path().join("out/jo/packet-en.pdf"));
    for needle in [
        "#read(\"/etc/passwd\")",
        "<script>alert(1)</script>",
        "$x$",
        "#include \"law/law.toml\"",
    ] {
        assert!(
            text.contains(needle),
            "`{needle}` not shown literally in: {text}"
        );
    }
    assert!(!text.contains("root:x:0"), "a file was read");
}

#[test]
fn a_broken_country_profile_fails_that_country_alone() {
    let p = Project::from_fixtures(&["check/valid"]);
    let jo = p.read("countries/jo/country.toml");
    p.write(
        "countries/bh/country.toml",
        jo.replace("code = \"jo\"", "code = \"bh\""),
    );
    p.write(
        "countries/xx/country.toml",
        "code = \"xx\"\nlanguages = [\n",
    );
    let r = p.run(&["packet", "--all"]);
    r.assert_no_panic();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        p.path().join("out/jo/packet-ar.pdf").is_file(),
        "{}",
        r.stderr
    );
    assert!(
        p.path().join("out/bh/packet-ar.pdf").is_file(),
        "{}",
        r.stderr
    );
    assert!(!p.path().join("out/xx").exists());
    assert!(r.stderr.contains("xx"), "{}", r.stderr);
    assert!(r.stderr.contains("1 failed"), "{}", r.stderr);
}

#[test]
fn an_output_named_like_a_pdf_is_the_packet_file_for_one_country_and_refused_for_several() {
    let p = Project::from_fixtures(&["check/valid"]);
    let out = tempfile::tempdir().expect("temp dir");
    let file = out.path().join("briefs/jordan.pdf");
    let r = p.run(&["packet", "jo", "-o", &file.to_string_lossy()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bytes = std::fs::read(&file).expect("the packet is the file named");
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    assert!(!p.path().join("out").exists());
    // The Typst source (hidden --typ) goes beside it.
    let r = p.run(&["packet", "jo", "--typ", "-o", &file.to_string_lossy()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(out.path().join("briefs/jordan.typ").is_file());
    // Several packets cannot share one file: nothing is written, and the hint says what to do.
    // (A second country, for the request to name two the project has.)
    p.write(
        "countries/eg/country.toml",
        p.read("countries/jo/country.toml"),
    );
    let many = out.path().join("all.PDF");
    let r = p.run(&["packet", "jo", "eg", "-o", &many.to_string_lossy()]);
    r.assert_no_panic();
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("names one PDF file"), "{}", r.stderr);
    assert!(r.stderr.contains("hint: give a folder"), "{}", r.stderr);
    assert!(!many.exists());
}

#[test]
fn a_packet_built_on_a_summary_says_so() {
    let p = crate::support::Project::from_fixtures(&["check/valid"]);
    let r = p.run(&["packet", "jo", "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    if let Some(text) = crate::render::pdf_text(&p.path().join("out/jo/packet-en.pdf")) {
        assert!(
            text.contains("Caution: the national text used here is an unofficial summary"),
            "{text}"
        );
        // A reader in parliament is not told to run a command.
        assert!(!text.contains("qanun import"), "{text}");
        assert!(
            text.contains("should be checked against the official text"),
            "{text}"
        );
    }
}

#[test]
fn paragraphs_of_one_instrument_article_requiring_the_same_are_cited_once() {
    // Model article 2 implements Palermo 2(a), 2(b) and 2(c), whose requirement is one
    // sentence: the packet cites them together instead of repeating it three times. (With
    // Jordan's text declared official and complete, article 2 is a verified gap and printed in
    // the recommended text.)
    let jo = shipped_with_official_texts("jo");
    let typ = packet_typ_in(jo.path(), "jo", "en");
    assert!(
        typ.contains(r"Palermo Protocol\, art\. 2\(a\)\, \(b\)\, \(c\)]"),
        "no grouped citation of Palermo article 2"
    );
    assert!(
        !typ.contains(r"Palermo Protocol\, art\. 2\(b\)]"),
        "paragraph (b) cited on its own"
    );
    // The OHCHR Principles and Guidelines are cited by principle and guideline, not as
    // articles "P7" or "G2".
    assert!(typ.contains(r"OHCHR Principles and Guidelines\, Guideline 2]"));
    assert!(
        !typ.contains(r"art\. G2"),
        "a guideline cited as an article"
    );
    // In Arabic, lettered paragraphs take Arabic letters, as Arabic legal texts write them.
    let ar = packet_typ_in(jo.path(), "jo", "ar");
    assert!(
        ar.contains(r"بروتوكول باليرمو، المادة 2\(أ\)، \(ب\)، \(ج\)]"),
        "no Arabic letters in the Arabic citation"
    );
    assert!(ar.contains("مبادئ المفوضية السامية لحقوق الإنسان، المبدأ التوجيهي 2]"));
}

#[test]
fn a_summary_packet_builds_its_asks_and_recommended_text_on_verified_gaps_only() {
    let summary = packet_typ("jo", "en");
    let official = packet_typ_in(shipped_with_official_texts("jo").path(), "jo", "en");
    let recommended = |typ: &str| -> usize {
        typ.split("= Recommended text")
            .nth(1)
            .and_then(|t| t.split("\n= ").next())
            .map_or(0, |t| {
                t.matches("#heading(level: 2, outlined: false)").count()
            })
    };
    // On the summary, provisions it does not mention are "not verified": the recommended text
    // leaves them to the annex and says so; on a complete official text they are missing and
    // printed.
    assert!(summary.contains("could not be verified against the national text available"));
    assert!(!official.contains("could not be verified against the national text available"));
    assert!(
        recommended(&summary) < recommended(&official),
        "{} vs {}",
        recommended(&summary),
        recommended(&official)
    );
    assert!(summary.contains("not verified"));
    // The score is a range on the summary, one figure on the official text.
    assert!(summary.contains("%]") && summary.contains("–"), "no range");
    // The asks name no provision that was not verified: each ask's article is partial.
    let gap_rows: Vec<&str> = summary
        .lines()
        .filter(|l| l.contains("#text(fill: rgb(\"#a11d1d\")"))
        .collect();
    assert!(
        gap_rows.is_empty(),
        "a summary shows a provision as missing: {gap_rows:?}"
    );
}

/// The text of a packet's section, from its heading to the next heading.
fn section(typ: &str, title: &str) -> String {
    typ.split(title)
        .nth(1)
        .and_then(|t| t.split("\n=").next())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn an_optional_formality_is_never_a_key_gap_or_an_ask() {
    // Jordan's summary enacts the model's short title in part. The gap table says so, but a
    // short title is not one of "the gaps that matter most", nor something to ask a
    // parliament for: the key gaps and asks hold mandatory provisions and optional ones that
    // carry a priority theme only.
    let typ = packet_typ("jo", "en");
    assert!(
        typ.contains(
            "[Article 1], [Short title], [#text(fill: rgb(\"#9a5b00\"), weight: \"bold\")[partial]]"
        ),
        "the gap table no longer shows the short title as partial"
    );
    let key = section(&typ, "== The gaps that matter most");
    let asks = section(&typ, "== Our asks");
    assert!(key.matches("\n- ").count() >= 3, "{key}");
    assert!(!asks.trim().is_empty());
    for part in [&key, &asks] {
        assert!(!part.contains("Short title"), "{part}");
    }
}

#[test]
fn what_the_national_text_lacks_is_named_not_quoted_in_the_packets_language() {
    // The packet prints the recommended article just above, so the "lacks" line names
    // paragraphs and points (points of one paragraph together) instead of quoting their first
    // words again, and separates them as the packet's language does.
    // The shipped national texts are summaries: what a summary does not show is not said to
    // be lacking (see `what_a_summary_does_not_show_is_not_said_to_be_lacking`).
    for (lang, label, sep) in [
        // The separators as they appear in Typst source (ASCII punctuation escaped).
        (
            "en",
            "What the national text available does not show",
            "\\; ",
        ),
        (
            "fr",
            "Ce que le texte national disponible ne montre pas",
            "\u{a0}\\; ",
        ),
        ("ar", "ما لا يُظهره النص الوطني المتاح", "؛ "),
    ] {
        let typ = packet_typ("ma", lang);
        let lines: Vec<&str> = typ.lines().filter(|l| l.contains(label)).collect();
        // The label's colon as the language writes it (after a no-break space in French).
        let colon = if lang == "fr" { "\u{a0}\\:" } else { "\\:" };
        assert!(
            lines.iter().all(|l| l.contains(&format!("{label}{colon}"))),
            "{lang}: {lines:?}"
        );
        assert!(lines.len() > 5, "{lang}: {} lacks lines", lines.len());
        for line in &lines {
            assert!(!line.contains('…'), "{lang}: quotes text: {line}");
            let foreign = if lang == "ar" { "\\; " } else { "؛" };
            assert!(!line.contains(foreign), "{lang}: foreign separator: {line}");
        }
        assert!(
            lines.iter().any(|l| l.contains(sep)),
            "{lang}: no list of several lacks"
        );
    }
}

#[test]
fn what_a_summary_does_not_show_is_not_said_to_be_lacking() {
    // On a summary, the elements of a partly covered provision that it does not show may be in
    // the official text: the label says "does not show", and the recommended text's
    // introduction calls nothing missing. On a complete official text, they are lacking.
    let summary = packet_typ("ma", "en");
    let official = packet_typ_in(shipped_with_official_texts("ma").path(), "ma", "en");
    assert!(summary.contains("What the national text available does not show\\:"));
    assert!(!summary.contains("What the national text lacks"));
    assert!(official.contains("What the national text lacks\\:"));
    assert!(!official.contains("What the national text available does not show"));
    assert!(summary.contains("are those that the national text available covers only in part"));
    assert!(official.contains("are those that national law lacks or covers only in part"));
    for (lang, label) in [
        ("fr", "Ce que le texte national disponible ne montre pas"),
        ("ar", "ما لا يُظهره النص الوطني المتاح"),
    ] {
        let typ = packet_typ("ma", lang);
        assert!(typ.contains(label), "{lang}");
        for lacks in ["Ce qui manque au texte national", "ما ينقص النص الوطني"] {
            assert!(!typ.contains(lacks), "{lang}: {lacks}");
        }
    }
}

/// The lines of the executive summary's score box, from its opening to its closing bracket.
fn score_box(typ: &str) -> Vec<&str> {
    let mut lines = typ
        .lines()
        .skip_while(|l| !l.starts_with("#block(fill: rgb(\"#eef2f7\")"));
    let mut out: Vec<&str> = lines.by_ref().take_while(|l| *l != "]").collect();
    out.retain(|l| !l.trim().is_empty());
    out
}

#[test]
fn the_summary_box_puts_the_score_the_range_and_the_law_on_lines_of_their_own() {
    // The law compared used to follow the score on its line, after a `#h(1fr)` that shrinks
    // to nothing when the line is full: "8–100%National law compared" (Jordan, in English).
    for (cc, lang, range) in [
        ("jo", "en", "–100\\%]"),
        ("ma", "fr", "–100\u{202f}\\%]"),
        ("ma", "ar", "–100\\%]"),
        ("eg", "ar", "–١٠٠٪]"),
    ] {
        let typ = packet_typ(cc, lang);
        let lines = score_box(&typ);
        assert_eq!(lines.len(), 4, "{cc} {lang}: {lines:#?}");
        // The score is a box (a range never breaks at its dash) and takes the paragraph's
        // direction: forced left to right, Egypt's Arabic-Indic range came out reversed.
        assert!(
            lines[1].contains("#box(text(size: 20pt"),
            "{cc} {lang}: {}",
            lines[1]
        );
        assert!(
            lines[1].trim_end().ends_with(&format!("{range})")),
            "{cc} {lang}: {}",
            lines[1]
        );
        assert!(!lines[1].contains("dir: ltr") && !lines[1].contains("#h(1fr)"));
        // What the two figures mean, then the law, each a block of its own.
        assert!(lines[2].trim_start().starts_with("#block("), "{}", lines[2]);
        assert!(lines[3].trim_start().starts_with("#block("), "{}", lines[3]);
    }
    let en = packet_typ("jo", "en");
    let lines = score_box(&en);
    assert!(lines[2].contains("\\%\\, from what the national text available shows\\; up to 100\\%\\, depending on what the official text holds\\."), "{}", lines[2]);
    assert!(lines[3].contains("National law compared\\: "));
    // Egypt's note is in its digits.
    let eg = packet_typ("eg", "ar");
    assert!(
        score_box(&eg)[2].contains("٪ بحسب ما يُظهره النص الوطني المتاح، وقد تصل إلى ١٠٠٪"),
        "{:?}",
        score_box(&eg)
    );
    // A complete official law, and no regulation: the model's annex (compared with
    // regulations only) is not verified, so the score is a range, and its note does not
    // blame the text for what it holds.
    let p = shipped_with_official_texts("jo");
    let official = packet_typ_in(p.path(), "jo", "en");
    let lines = score_box(&official);
    assert_eq!(lines.len(), 4, "{lines:#?}");
    assert!(lines[1].contains('–'), "{}", lines[1]);
    assert!(
        lines[2].contains("from the official text\\; up to")
            && lines[2].contains("if the provisions not verified are there"),
        "{}",
        lines[2]
    );
    assert!(official.contains("annex"), "the caveat names the annex");
    // With a complete official regulation beside it, every absence is verified: one figure,
    // and no note.
    p.write(
        "countries/jo/legislation/shelter-regulation.md",
        "+++\nid = \"shelter-regulation\"\nlanguage = \"ar\"\nofficial = true\nkind = \"regulation\"\nsource = \"test\"\n\n[title]\nar = \"نظام دور الإيواء\"\nen = \"Shelter Regulation\"\n+++\n\n## 1\n\nيعمل بهذا النظام من تاريخ نشره في الجريدة الرسمية.\n",
    );
    let profile = p.path().join("countries/jo/country.toml");
    let mut toml = std::fs::read_to_string(&profile).expect("profile");
    toml.push_str("\n[[laws]]\nid = \"shelter-regulation\"\ntitle.ar = \"نظام دور الإيواء\"\ntitle.en = \"Shelter Regulation\"\nnumber = \"1\"\nyear = \"2012\"\nstatus = \"in-force\"\nsource = \"test\"\nconfidence = \"low\"\n");
    std::fs::write(&profile, toml).expect("write profile");
    let official = packet_typ_in(p.path(), "jo", "en");
    let lines = score_box(&official);
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(!lines[1].contains('–'), "{}", lines[1]);
    assert!(!official.contains("from what the national text available shows"));
    assert!(!official.contains("from the official text"));
}

#[test]
fn not_verified_in_the_gap_table_is_a_tinted_cell_not_an_italic_amiri_lacks() {
    // Amiri (the only font embedded) has no italic, and colour alone is lost in print: a
    // provision not verified gets a tinted cell, distinct from bold missing and partial.
    for (cc, lang, word) in [
        ("jo", "en", "not verified"),
        ("ma", "fr", "non vérifié"),
        ("eg", "ar", "غير متحقق منها"),
    ] {
        let typ = packet_typ(cc, lang);
        let table = typ
            .split("#table(\n  columns: (auto, 1fr, auto, 24%)")
            .nth(1)
            .and_then(|t| t.split("\n)\n").next())
            .expect("gap table");
        let rows: Vec<&str> = table.lines().filter(|l| l.contains(word)).collect();
        assert!(rows.len() > 10, "{cc} {lang}: {}", rows.len());
        let cell =
            format!("table.cell(fill: rgb(\"#e8eaf6\"))[#text(fill: rgb(\"#283593\"))[{word}]]");
        for row in rows {
            assert!(row.contains(&cell), "{cc} {lang}: {row}");
        }
        assert!(!table.contains("italic"), "{cc} {lang}");
    }
}

#[test]
fn the_recommended_text_says_which_provisions_it_leaves_out_and_where_they_are() {
    // The count (before the first part) depends on the alignment; the rest is the wording.
    for (cc, lang, before, after) in [
        (
            "jo",
            "en",
            "This section leaves out the ",
            " provisions of the model law that could not be verified against the national text available \\(“not verified” in the gap table\\)\\. Their full text is in the annexes\\; they should be checked against the official text\\.]]",
        ),
        (
            "ma",
            "fr",
            "Cette section omet les ",
            " dispositions de la loi type qui n\\'ont pu être vérifiées au regard du texte national disponible \\(«\u{a0}non vérifié\u{a0}» dans le tableau des lacunes\\)\\. Leur texte intégral figure dans les annexes\u{a0}\\; elles sont à examiner au regard du texte officiel\\.]]",
        ),
        (
            "eg",
            "ar",
            "لا يعرض هذا القسم ",
            " من أحكام القانون النموذجي تعذّر التحقق منها في النص الوطني المتاح \\(وهي الموصوفة بأنها «غير متحقق منها» في جدول الثغرات\\)؛ ونصوصها الكاملة في الملاحق، وينبغي مقارنتها بالنص الرسمي\\.]]",
        ),
    ] {
        let typ = packet_typ(cc, lang);
        let line = typ
            .lines()
            .find(|l| l.contains(before))
            .unwrap_or_else(|| panic!("{cc} {lang}: no note"));
        let rest = &line[line.find(before).unwrap() + before.len()..];
        let count: String = rest.chars().take_while(|c| !c.is_whitespace()).collect();
        assert!(
            count
                .chars()
                .all(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c)),
            "{cc} {lang}: {count}"
        );
        assert_eq!(&rest[count.len()..], after, "{cc} {lang}");
    }
}

#[test]
fn punctuation_in_a_country_name_reaches_the_pdf_title_as_typed() {
    // The title is a Typst string literal: markup escaping there would leave a backslash
    // before every punctuation mark ("d\'Ivoire"), and a bare quote could end the string.
    let p = Project::from_fixtures(&["check/valid"]);
    let toml = p.read("countries/jo/country.toml");
    let name = r#"Jordan (the "Hashemite" Kingdom) d'Ivoire\ #read("/etc/passwd")"#;
    let quoted = toml::Value::String(name.to_string()).to_string();
    p.write(
        "countries/jo/country.toml",
        toml.replacen(r#"en = "Jordan""#, &format!("en = {quoted}"), 1),
    );
    let r = p.run(&["packet", "jo", "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let info = Command::new("pdfinfo")
        .arg(p.path().join("out/jo/packet-en.pdf"))
        .output()
        .expect("pdfinfo (poppler-utils) must be installed");
    let info = String::from_utf8_lossy(&info.stdout);
    let title = info
        .lines()
        .find_map(|l| l.strip_prefix("Title:"))
        .map(str::trim)
        .expect("a title");
    assert_eq!(title, format!("Legislative advocacy packet — {name}"));
}

#[test]
fn annex_articles_are_named_as_annex_articles_outside_the_annex() {
    // The shelter regulations count from 1 again: in the gap table a bare "Article 1" after
    // "Article 57" would read as the law's own article 1.
    let typ = packet_typ("jo", "en");
    let gap_table = typ
        .split("= Gap table")
        .nth(1)
        .and_then(|t| t.split("= Recommended text").next())
        .expect("a gap table");
    assert!(
        gap_table.contains("[Article 1 of the Annex]"),
        "{gap_table}"
    );
    assert!(gap_table.contains("[Article 1]"), "{gap_table}");
}

#[test]
fn commentary_missing_in_the_packets_language_is_shown_in_the_fallback_marked_as_such() {
    // The model law's commentary is written in Arabic and English: a French packet shows the
    // English one, says so, and marks it as English for hyphenation and screen readers.
    let typ = packet_typ("ma", "fr");
    assert!(
        typ.contains("[Commentaire des rédacteurs (en anglais)]"),
        "no commentary, or not marked"
    );
    assert!(typ.contains("#text(size: 10.5pt, lang: \"en\", dir: ltr)["));
    // Morocco's national text is in Arabic, so the side by side compares Arabic with Arabic:
    // the headings say so and the cells are set right to left.
    assert!(
        typ.contains("[Texte de la loi type — en arabe]"),
        "side by side not marked"
    );
    assert!(typ.contains("[#set text(lang: \"ar\", dir: rtl)"));
    // An Arabic packet has its own commentary, unmarked.
    let ar = packet_typ("ma", "ar");
    assert!(ar.contains("[شرح واضعي النص]"));
    assert!(!ar.contains("شرح واضعي النص ("));
}

#[test]
fn a_provision_in_doubt_names_in_the_gap_table_the_article_that_resembles_it() {
    // Jordan's law as a complete official text without its `model:` lines: the alignment
    // decides alone, and what it cannot settle is "not verified" with an article that
    // resembles it. The gap table names that article where it would print "—".
    let p = shipped_with_official_texts("jo");
    let leg = p.path().join("countries/jo/legislation/law-9-2009.md");
    let text = std::fs::read_to_string(&leg).expect("law");
    let stripped: String = text
        .lines()
        .filter(|l| !l.starts_with("model:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&leg, stripped).expect("write");
    let j = run_in(p.path(), &["compare", "jo", "--format", "json"]).json();
    let mut expected: Vec<String> = j["provisions"]
        .as_array()
        .expect("provisions")
        .iter()
        .filter(|x| x["status"] == "not-verified")
        .filter_map(|x| x["resembles"][0]["article"].as_str().map(str::to_string))
        .collect();
    assert!(
        !expected.is_empty(),
        "no provision in doubt: the test shows nothing"
    );
    let typ = packet_typ_in(p.path(), "jo", "en");
    let table = typ
        .split("#table(\n  columns: (auto, 1fr, auto, 24%)")
        .nth(1)
        .and_then(|t| t.split("\n)\n").next())
        .expect("gap table");
    let mut named: Vec<String> = table
        .split("resembles article ")
        .skip(1)
        .map(|t| t.split(']').next().unwrap_or("").to_string())
        .collect();
    expected.sort();
    named.sort();
    assert_eq!(named, expected, "{table}");
    for row in table.lines().filter(|l| l.contains("resembles article")) {
        assert!(row.contains("not verified"), "{row}");
    }
}

#[test]
fn findings_resting_only_on_automatic_matches_are_marked_and_left_out_of_the_summary() {
    // Libya's summary maps two articles to the model law with `model:` lines; the alignment
    // matches the penal code's others by their wording alone, and on real statutes a third to a half of
    // such matches are wrong. The gap table marks them "*", the caveat says so, and the key
    // gaps and asks speak only of what an analyst has confirmed.
    let typ = packet_typ("ly", "en");
    let rows: Vec<&str> = typ
        .lines()
        .filter(|l| l.starts_with("  [Article ") && l.contains("#text(fill"))
        .collect();
    // A row's last cell lists the national articles; "419\*" is an automatic match.
    let national = |row: &str| row.rsplit("], [").next().unwrap_or("").to_string();
    let only_auto: Vec<&str> = rows
        .iter()
        .copied()
        .filter(|r| {
            let cell = national(r);
            let cell = cell.trim_end_matches("],");
            !cell.is_empty() && cell != "—" && cell.split("\\, ").all(|n| n.ends_with("\\*"))
        })
        .collect();
    // Two since the articles of Libya's law on illegal migration are set aside as outside
    // the model law (ten before): exploitation and child victims, matched by wording alone.
    assert!(only_auto.len() >= 2, "{rows:#?}");
    assert!(
        typ.contains(&format!(
            "{} of the findings here rest only on matches made automatically",
            only_auto.len()
        )) && typ.contains("\\(marked \\* in the gap table\\)"),
        "the caveat does not count the marked rows ({})",
        only_auto.len()
    );
    let key = section(&typ, "== The gaps that matter most");
    let asks = section(&typ, "== Our asks");
    assert!(!key.trim().is_empty(), "a confirmed gap remains");
    for row in &only_auto {
        // "  [Article 9], [Trafficking in children\: no means required], …"
        let label = row
            .trim_start()
            .trim_start_matches('[')
            .split(']')
            .next()
            .unwrap_or("");
        for part in [&key, &asks] {
            assert!(
                !part.contains(&format!("{label} —")) && !part.contains(&format!("as {label} ")),
                "{label} rests on an automatic match only, yet the summary names it: {part}"
            );
        }
    }
}

#[test]
fn french_asks_and_caveats_keep_their_marks_with_the_words() {
    // French puts a no-break space inside « » and before : ; so that a line never breaks
    // between a mark and its word (LibreOffice broke "« Hébergement »" after the «).
    let typ = packet_typ("ma", "fr");
    let asks: Vec<&str> = typ
        .lines()
        .filter(|l| {
            l.contains("Modifier l\\'article national") || l.contains("Adopter une disposition")
        })
        .collect();
    assert!(!asks.is_empty(), "no asks in\n{typ}");
    for l in &asks {
        assert!(l.contains("«\u{a0}") && l.contains("\u{a0}»"), "{l}");
        assert!(!l.contains("« ") && !l.contains(" »"), "{l}");
    }
    let caveats: Vec<&str> = typ.lines().filter(|l| l.contains("Attention")).collect();
    assert!(!caveats.is_empty(), "no caveat");
    for l in &caveats {
        assert!(l.contains("Attention\u{a0}\\:"), "{l}");
        for bad in [" \\:", " \\;", "« ", " »"] {
            assert!(!l.contains(bad), "{bad:?} in {l}");
        }
    }
}

#[test]
fn a_template_that_typst_refuses_names_the_line_and_how_to_read_it() {
    // A template change Typst cannot compile: the error names a line of the generated source,
    // and the hint says how to see that source.
    let p = crate::support::shipped_project();
    crate::support::break_typst_template(&p, "packet.typ.tera");
    let out = p.path().join("built");
    let dir = out.to_string_lossy().into_owned();
    let r = p.run(&["packet", "jo", "--lang", "en", "-o", &dir]);
    r.assert_no_panic();
    assert_eq!(r.code, 1, "{}", r.stderr);
    let typ = out.join("jo/packet-en.typ");
    assert!(
        r.stderr
            .contains(&format!("--typ writes it to {}", typ.display())),
        "{}",
        r.stderr
    );
    assert!(!out.join("jo/packet-en.pdf").exists(), "no PDF is written");
    let written = p.run(&["packet", "jo", "--lang", "en", "-o", &dir, "--typ"]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    let source = std::fs::read_to_string(&typ).expect("the Typst source");
    crate::support::assert_typst_error_at(&r.stderr, &source);
}
