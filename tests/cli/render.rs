//! `qanun render`: snapshots of each text format, variants, digits, injection, PDFs.

use crate::support::{Project, qanun};

const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "#include \"x.typ\"",
    "$x^2$",
    "*bold*",
    "_it_",
    "@lbl",
    "<lbl>",
    "\\ ]",
    "//",
    "<script>alert(1)</script>",
];

fn render(p: &Project, args: &[&str]) -> String {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    let r = p.run(&all);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "render {args:?} failed:\n{}", r.stderr);
    r.stdout
}

/// Plain text of a PDF, with the bidi marks pdftotext adds removed and spaces collapsed.
pub fn pdf_text(path: &std::path::Path) -> Option<String> {
    let out = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let stripped = qanun::text::bidi::strip_bidi_controls(&text);
    Some(stripped.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn markdown_html_and_typst_snapshots_in_arabic_and_english() {
    let p = Project::from_fixtures(&["check/valid"]);
    for lang in ["ar", "en"] {
        for format in ["md", "html", "typ"] {
            let out = render(&p, &["jo", "--lang", lang, "--format", format]);
            insta::assert_snapshot!(format!("render_jo_{lang}_{format}"), out);
        }
    }
}

#[test]
fn html_is_a_standalone_right_to_left_page_for_arabic() {
    let p = Project::from_fixtures(&["check/valid"]);
    let ar = render(&p, &["jo", "--lang", "ar", "--format", "html"]);
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(ar.contains("name=\"viewport\""));
    assert!(ar.contains("@media print"));
    assert!(
        !ar.contains("<link") && !ar.contains("<script"),
        "works offline, no scripts"
    );
    let en = render(&p, &["jo", "--lang", "en", "--format", "html"]);
    assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"));
}

#[test]
fn every_output_opens_with_the_title_block() {
    let p = Project::from_fixtures(&["check/valid"]);
    let md = render(&p, &["jo", "--lang", "en"]);
    let head: String = md.lines().take(3).collect::<Vec<_>>().join("\n");
    assert!(
        head.contains("# Fixture law") && head.contains("Jordan") && head.contains("0.1.0"),
        "{head}"
    );
}

#[test]
fn omission_and_addition_renumber_articles_and_references() {
    let p = Project::from_fixtures(&["check/valid", "render/variant"]);
    let en = render(&p, &["jo", "--lang", "en"]);
    assert!(en.contains("### Article 1 — Definitions"), "{en}");
    assert!(
        en.contains("### Article 2 — Additional national provision"),
        "{en}"
    );
    assert!(
        en.contains("### Article 3 — The offence of trafficking"),
        "{en}"
    );
    assert!(
        !en.contains("— Non-punishment of victims"),
        "omitted article is gone"
    );
    // References follow the new numbers, in each language's wording.
    assert!(
        en.contains("an act set out in Article 3 was committed."),
        "{en}"
    );
    assert!(
        en.contains("Article 3 applies to continuing offences"),
        "{en}"
    );
    // The annex is numbered on its own.
    assert!(en.contains("### Article 1 — Rights of residents"), "{en}");
    // Deviations name articles by number and title (never by clause id), the omission with
    // its reason.
    assert!(
        en.contains(
            "- Model-law article “Non-punishment of victims” omitted: Provided by article 14 of the national law."
        ),
        "{en}"
    );
    assert!(
        en.contains(
            "- Article 2 “Additional national provision” added after Article 1 “Definitions”"
        ),
        "{en}"
    );
    assert!(!en.contains("jo-extra"), "{en}");
    let ar = render(&p, &["jo", "--lang", "ar"]);
    assert!(ar.contains("المادة (3)"), "{ar}");
}

#[test]
fn arabic_indic_digits_in_numbers_references_and_terms() {
    let p = Project::from_fixtures(&["check/valid", "render/arab-digits"]);
    let ar = render(&p, &["jo", "--lang", "ar"]);
    assert!(ar.contains("### المادة (٢) — جريمة الاتجار بالبشر"), "{ar}");
    assert!(ar.contains("١- يُقصد بالطفل"), "{ar}");
    assert!(ar.contains("في المادة (٢)"), "{ar}");
    assert!(
        ar.contains("لا تقل عن ٧ سنوات"),
        "terms take the country's digits: {ar}"
    );
    let typ = render(&p, &["jo", "--lang", "ar", "--format", "typ"]);
    assert!(
        typ.contains("numbering: \"١\""),
        "page numbers in Arabic-Indic digits"
    );
    // English keeps Western digits.
    let en = render(&p, &["jo", "--lang", "en"]);
    assert!(
        en.contains("### Article 2 — The offence of trafficking"),
        "{en}"
    );
}

#[test]
fn the_model_law_shows_visible_placeholders() {
    let p = Project::from_fixtures(&["check/valid"]);
    let en = render(&p, &["model", "--lang", "en"]);
    assert!(
        en.contains("**\\[the competent criminal court\\]**"),
        "{en}"
    );
    assert!(en.contains("Model law (unadapted)"));
    let html = render(&p, &["model", "--lang", "en", "--format", "html"]);
    assert!(
        html.contains("<mark class=\"placeholder\">[the competent criminal court]</mark>"),
        "{html}"
    );
}

#[test]
fn hostile_clause_text_stays_text_in_every_format() {
    let p = Project::from_fixtures(&["check/valid", "render/hostile"]);
    let html = render(&p, &["jo", "--lang", "en", "--format", "html"]);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>"));
    let md = render(&p, &["jo", "--lang", "en", "--format", "md"]);
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
    assert!(md.contains("\\*bold\\*") && md.contains("\\_it\\_"), "{md}");
    let typ = render(&p, &["jo", "--lang", "en", "--format", "typ"]);
    assert!(
        typ.contains("\\#read\\(\\\"\\/etc\\/passwd\\\"\\)"),
        "{typ}"
    );
    assert!(!typ.contains(" #include"), "{typ}");
    let pdf = p.path().join("h.pdf");
    let r = p.run(&[
        "render",
        "jo",
        "--lang",
        "en",
        "--format",
        "pdf",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    if let Some(text) = pdf_text(&pdf) {
        for h in HOSTILE {
            assert!(text.contains(h), "PDF shows {h} literally: {text}");
        }
        assert!(!text.contains("root:x:0"), "no file was read");
    }
}

#[test]
fn pdfs_are_byte_identical_and_hold_the_law_text() {
    let p = Project::from_fixtures(&["check/valid"]);
    let a = p.path().join("a.pdf");
    let b = p.path().join("b.pdf");
    for out in [&a, &b] {
        let r = p.run(&[
            "render",
            "jo",
            "--lang",
            "ar",
            "--format",
            "pdf",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let (a_bytes, b_bytes) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert!(a_bytes.starts_with(b"%PDF-"));
    assert_eq!(a_bytes, b_bytes, "same inputs, same bytes");
    let en = p.path().join("en.pdf");
    assert_eq!(
        p.run(&[
            "render",
            "jo",
            "--lang",
            "en",
            "--format",
            "pdf",
            "-o",
            en.to_str().unwrap()
        ])
        .code,
        0
    );
    let (Some(ar_text), Some(en_text)) = (pdf_text(&a), pdf_text(&en)) else {
        eprintln!("pdftotext is not installed: skipping the text checks");
        return;
    };
    assert!(
        ar_text.contains("للمقيم في الدار حق الخروج منها متى شاء"),
        "{ar_text}"
    );
    assert!(
        en_text.contains("A resident may leave the shelter at any time."),
        "{en_text}"
    );
    assert!(en_text.contains("Jordan"), "{en_text}");
}

#[test]
fn pdf_goes_to_out_by_default_and_a_failed_render_keeps_the_old_file() {
    let p = Project::from_fixtures(&["check/valid"]);
    let r = p.run(&["render", "jo", "--format", "pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let path = p.path().join("out/jo/law-ar.pdf");
    let before = std::fs::read(&path).expect("default output");
    // Break an article: the render fails and the previous PDF is untouched.
    p.write(
        "law/clauses/general/offence.md",
        "+++\nid = \"offence\"\nstatus = mandatory\n+++\n",
    );
    let r = p.run(&["render", "jo", "--format", "pdf"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("law/clauses/general/offence.md:3:10"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(p.path().join("out/jo"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left");
}

#[test]
fn errors_of_the_variant_stop_the_render_with_file_and_line() {
    let p = Project::from_fixtures(&["check/valid", "check/errors/undefined-variable"]);
    let r = p.run(&["render", "jo", "--lang", "en"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("law/clauses/general/offence.md:18:88"),
        "{}",
        r.stderr
    );
    let p = Project::from_fixtures(&["check/valid", "check/errors/omitted-without-reason"]);
    let r = p.run(&["render", "jo"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("omitted-without-reason"), "{}", r.stderr);
}

#[test]
fn unknown_country_or_language_is_a_usage_error() {
    let p = Project::from_fixtures(&["check/valid"]);
    let r = p.run(&["render", "zz"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("unknown country `zz`") && r.stderr.contains("jo"),
        "{}",
        r.stderr
    );
    let r = p.run(&["render", "jo", "--lang", "fr"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--lang"), "{}", r.stderr);
}

#[test]
fn project_templates_replace_the_built_in_ones() {
    let p = Project::from_fixtures(&["check/valid"]);
    p.write(
        "templates/law.md.tera",
        "CUSTOM {{ title }} / {{ country }}\n",
    );
    let out = render(&p, &["jo", "--lang", "en"]);
    assert_eq!(out, "CUSTOM Fixture law / Jordan\n");
    // A broken template is reported, not a panic.
    p.write("templates/law.md.tera", "{% for x in %}\n");
    let r = p.run(&["render", "jo"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("template"), "{}", r.stderr);
    let _ = qanun();
}

#[test]
fn a_character_no_embedded_font_has_is_an_error_unless_other_fonts_are_asked_for() {
    let p = Project::from_fixtures(&["check/valid"]);
    let off = "law/clauses/general/offence.md";
    let text = std::fs::read_to_string(p.path().join(off)).unwrap();
    p.write(
        off,
        text.replace("has jurisdiction.", "has jurisdiction → always."),
    );
    let pdf = p.path().join("x.pdf");
    let r = p.run(&[
        "render",
        "jo",
        "--lang",
        "en",
        "--format",
        "pdf",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("U+2192"),
        "the missing character is named: {}",
        r.stderr
    );
    assert!(!pdf.exists(), "nothing written");
    // DejaVu (on Debian images) has the arrow: with system fonts the render succeeds.
    if std::path::Path::new("/usr/share/fonts/truetype/dejavu").is_dir() {
        let r = p.run(&[
            "render",
            "jo",
            "--lang",
            "en",
            "--format",
            "pdf",
            "--system-fonts",
            "-o",
            pdf.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let r = p.run(&[
            "render",
            "jo",
            "--lang",
            "en",
            "--format",
            "pdf",
            "--font-path",
            "/usr/share/fonts/truetype/dejavu",
            "-o",
            pdf.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
}

#[test]
fn a_broken_profile_of_another_country_does_not_stop_this_one() {
    let p = Project::from_fixtures(&["check/valid"]);
    p.write(
        "countries/xx/country.toml",
        "code = \"xx\"\nname = [broken\n",
    );
    let check = p.run(&["check"]);
    assert_eq!(
        check.code, 1,
        "check must still report xx: {}",
        check.stderr
    );
    assert!(
        check.stdout.contains("countries/xx/country.toml")
            || check.stderr.contains("countries/xx/country.toml")
    );
    let render = p.run(&["render", "jo"]);
    assert_eq!(render.code, 0, "{}", render.stderr);
    assert!(!render.stderr.contains("countries/xx"), "{}", render.stderr);
    let compare = p.run(&["compare", "jo", "--format", "json"]);
    assert_eq!(compare.code, 0, "{}", compare.stderr);
    // An unknown country still lists the country folders.
    let unknown = p.run(&["render", "zz"]);
    assert_eq!(unknown.code, 2, "{}", unknown.stderr);
    assert!(unknown.stderr.contains("jo, xx"), "{}", unknown.stderr);
}

#[test]
fn an_omission_reason_in_another_language_is_marked_with_its_language_and_direction() {
    let p = Project::from_fixtures(&["check/valid", "render/variant"]);
    // The fixture's reason is written in English only: the Arabic law shows it isolated as
    // English, left to right, in Typst and in HTML.
    let typ = render(&p, &["jo", "--lang", "ar", "--format", "typ"]);
    assert!(
        typ.contains(
            "حُذفت مادة القانون النموذجي «عدم معاقبة الضحية»\\: #text(lang: \"en\", dir: ltr)[Provided by article 14 of the national law\\.]"
        ),
        "{typ}"
    );
    let html = render(&p, &["jo", "--lang", "ar", "--format", "html"]);
    assert!(
        html.contains(
            "<span lang=\"en\" dir=\"ltr\">Provided by article 14 of the national law.</span>"
        ),
        "{html}"
    );
    // With a reason in each language, each output uses its own, unmarked.
    p.write(
        "countries/jo/variant/variant.toml",
        "[[omit]]\nclause = \"non-punishment\"\nreason.ar = \"تنص عليه المادة 14 من القانون الوطني.\"\nreason.en = \"Provided by article 14 of the national law.\"\n\n[[add]]\nclause = \"jo-extra\"\nafter = \"definitions\"\n",
    );
    let typ = render(&p, &["jo", "--lang", "ar", "--format", "typ"]);
    assert!(
        typ.contains("«عدم معاقبة الضحية»\\: تنص عليه المادة 14 من القانون الوطني\\."),
        "{typ}"
    );
    let en = render(&p, &["jo", "--lang", "en", "--format", "typ"]);
    assert!(
        en.contains("“Non\\-punishment of victims” omitted\\: Provided by article 14"),
        "{en}"
    );
}

#[test]
fn an_omission_reason_that_is_neither_text_nor_languages_is_refused_plainly() {
    let p = Project::from_fixtures(&["check/valid", "render/variant"]);
    p.write(
        "countries/jo/variant/variant.toml",
        "[[omit]]\nclause = \"non-punishment\"\nreason.de = \"Schon geregelt.\"\n",
    );
    let r = p.run(&["check"]);
    r.assert_no_panic();
    let out = format!("{}{}", r.stdout, r.stderr);
    assert_eq!(r.code, 1, "{out}");
    assert!(
        out.contains("countries/jo/variant/variant.toml:3:"),
        "{out}"
    );
    assert!(out.contains("one text per language (reason.ar"), "{out}");
}

#[test]
fn the_shipped_model_law_in_french_has_french_placeholders() {
    // Every variable of the shipped law describes itself in French, so the French model law
    // shows no English words in its placeholders (they were the English descriptions).
    let root = crate::support::repo();
    let vars: toml::Table =
        toml::from_str(&std::fs::read_to_string(root.join("law/variables.toml")).unwrap()).unwrap();
    let r = crate::support::run_in(
        &root,
        &["render", "model", "--lang", "fr", "--format", "md"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut shown = 0;
    for (name, v) in &vars {
        let fr = v["fr"]
            .as_str()
            .unwrap_or_else(|| panic!("{name} has no fr"));
        let en = v["en"].as_str().unwrap();
        let head = |d: &str| d.split(" (").next().unwrap().trim().to_string();
        if r.stdout.contains(&head(fr)) {
            shown += 1;
        }
        assert!(
            !r.stdout.contains(&head(en)),
            "{name}: English placeholder in French"
        );
    }
    assert!(shown >= 15, "{shown} French placeholders shown");
}

#[test]
fn alternatives_in_the_model_law_share_their_paragraph_number() {
    // Two wordings of paragraph 1, then paragraph 2: the model law shows both wordings as
    // paragraph 1 (as the drafters numbered them), and the paragraph after them as 2, not 3.
    let p = Project::from_fixtures(&["check/valid"]);
    p.offer_alternatives();
    let model = render(&p, &["model", "--lang", "en"]);
    assert!(
        model.contains("**Option A:** 1- A victim shall not be prosecuted."),
        "{model}"
    );
    assert!(
        model.contains("**Option B:** 1- A victim shall not be punished."),
        "{model}"
    );
    assert!(
        model.contains("2- Nor shall a victim be detained."),
        "{model}"
    );
    assert!(!model.contains("3- Nor shall"), "{model}");
    // A country's version keeps one wording and numbers what it keeps.
    let jo = render(&p, &["jo", "--lang", "en"]);
    assert!(jo.contains("1- A victim shall not be prosecuted."), "{jo}");
    assert!(!jo.contains("shall not be punished"), "{jo}");
    assert!(jo.contains("2- Nor shall a victim be detained."), "{jo}");
}
