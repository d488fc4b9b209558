//! Akoma Ntoso: `render --format akn` (structure, FRBR, references, escaping, determinism),
//! `import` of AKN documents (ours and other tools' styles, bad input), the round trip of every
//! shipped country, and validation against the OASIS schema (ignored by default: it needs
//! `../shared/schemas/akn` and xmllint; `.ci/run` runs it).

use crate::support::{Project, repo, run_in};
use qanun::load::load_project;
use qanun::model::{Lang, pick};
use qanun::variant::{RParagraph, RPoint, plain};
use roxmltree::{Document, Node};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const AKN: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

fn render(p: &Path, args: &[&str]) -> String {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "akn"]);
    let r = run_in(p, &all);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "render {args:?}:\n{}", r.stderr);
    r.stdout
}

fn elements<'a, 'i>(doc: &'a Document<'i>, name: &str) -> Vec<Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == name)
        .collect()
}

fn text_of(n: Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect()
}

/// Checks what every AKN document qanun writes must satisfy, and returns the clause ids of its
/// articles (from their wIds) in order.
fn check_structure(xml: &str, doc_type: &str, country: &str, lang3: &str) -> Vec<String> {
    let doc = Document::parse(xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "akomaNtoso");
    assert_eq!(root.tag_name().namespace(), Some(AKN));
    let main = root.first_element_child().unwrap();
    assert_eq!(main.tag_name().name(), doc_type);
    let value = |name: &str| {
        elements(&doc, name)
            .first()
            .and_then(|n| n.attribute("value").or(n.attribute("language")))
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(value("FRBRcountry"), country);
    assert_eq!(value("FRBRlanguage"), lang3);
    let work = value("FRBRuri");
    assert!(
        work.starts_with(&format!("/akn/{country}/{doc_type}/")),
        "{work}"
    );
    // eIds are unique; every internal reference lands on one; every term on a TLCTerm.
    let mut eids = BTreeSet::new();
    for n in doc.descendants().filter(|n| n.is_element()) {
        if let Some(e) = n.attribute("eId") {
            assert!(eids.insert(e.to_string()), "eId {e} twice");
            assert!(!e.contains(char::is_whitespace), "{e}");
        }
    }
    for r in elements(&doc, "ref") {
        let href = r.attribute("href").unwrap();
        if let Some(target) = href.strip_prefix('#') {
            assert!(eids.contains(target), "ref to #{target} lands nowhere");
        } else {
            assert!(href.starts_with("/ontology/instrument/qanun/"), "{href}");
        }
    }
    for t in elements(&doc, "term") {
        let to = t.attribute("refersTo").unwrap().trim_start_matches('#');
        assert!(
            elements(&doc, "TLCTerm")
                .iter()
                .any(|x| x.attribute("eId") == Some(to)),
            "term refers to {to}"
        );
    }
    // Articles: eIds by the naming convention, wIds keep the clause id.
    let mut ids = Vec::new();
    for a in elements(&doc, "article") {
        let eid = a.attribute("eId").unwrap();
        assert!(eid.starts_with("chp_") || eid.starts_with("att_"), "{eid}");
        assert!(eid.contains("__art_"), "{eid}");
        let wid = a.attribute("wId").unwrap();
        ids.push(
            wid.strip_prefix("art_")
                .expect("wId art_<clause id>")
                .to_string(),
        );
        for sub in a.descendants().filter(|n| n.is_element()) {
            if let Some(e) = sub.attribute("eId") {
                assert!(e.starts_with(eid), "{e} inside {eid}");
            }
        }
    }
    ids
}

#[test]
fn akn_snapshots_of_a_small_project_in_arabic_and_english() {
    let p = Project::from_fixtures(&["check/valid"]);
    for (target, lang) in [("jo", "ar"), ("model", "en")] {
        let out = render(p.path(), &[target, "--lang", lang]);
        insta::assert_snapshot!(format!("akn_{target}_{lang}"), out);
    }
}

#[test]
fn every_shipped_article_is_in_the_document_with_its_clause_id() {
    let project = load_project(&repo());
    for (target, lang, lang3) in [
        ("jo", "ar", "ara"),
        ("model", "en", "eng"),
        ("ma", "fr", "fra"),
    ] {
        let xml = render(&repo(), &[target, "--lang", lang]);
        let (doc_type, country) = if target == "model" {
            ("act", "xa")
        } else {
            ("bill", target)
        };
        let ids = check_structure(&xml, doc_type, country, lang3);
        let c = project.countries.iter().find(|c| c.code == target);
        let (variant, _) =
            qanun::variant::build(&project.law, c, &[Lang::from_code(lang).unwrap()]);
        let expected: Vec<String> = variant.articles().map(|a| a.id.to_string()).collect();
        assert_eq!(ids, expected, "{target}");
        let doc = Document::parse(&xml).unwrap();
        // The annex is an attachment with its own numbering.
        let att = elements(&doc, "attachment");
        assert_eq!(att.len(), 1, "{target}: the shelter regulations");
        let first = att[0]
            .descendants()
            .find(|n| n.has_tag_name((AKN, "article")))
            .unwrap();
        assert_eq!(first.attribute("eId"), Some("att_1__art_1"));
        // Instruments: one TLCReference each, cited with the article in the fragment.
        let tlc: Vec<_> = elements(&doc, "TLCReference");
        assert!(
            tlc.iter()
                .any(|t| t.attribute("eId") == Some("ref_palermo"))
        );
        assert!(
            elements(&doc, "ref").iter().any(|r| r.attribute("href")
                == Some("/ontology/instrument/qanun/palermo#art_3__point_a")),
            "{target}: Palermo 3(a) is cited"
        );
        if target != "model" {
            // Omitted model articles are recorded, not dropped silently.
            let country = c.unwrap();
            let omitted: Vec<_> = elements(&doc, "note")
                .into_iter()
                .filter(|n| n.attribute("class") == Some("omitted"))
                .map(|n| n.attribute("title").unwrap().to_string())
                .collect();
            let expected: Vec<String> = country
                .variant
                .omit
                .iter()
                .map(|o| o.clause.to_string())
                .collect();
            assert_eq!(omitted, expected, "{target}");
        }
    }
}

#[test]
fn references_point_at_the_renumbered_article_and_digits_follow_the_country() {
    let p = Project::from_fixtures(&["check/valid", "render/arab-digits"]);
    let xml = render(p.path(), &["jo", "--lang", "ar"]);
    let doc = Document::parse(&xml).unwrap();
    let nums: Vec<String> = elements(&doc, "article")
        .iter()
        .map(|a| text_of(a.first_element_child().unwrap()))
        .collect();
    assert!(nums.iter().any(|n| n.contains('١')), "{nums:?}");
    assert!(
        !nums.iter().any(|n| n.chars().any(|c| c.is_ascii_digit())),
        "{nums:?}"
    );
    for r in elements(&doc, "ref") {
        let Some(target) = r.attribute("href").and_then(|h| h.strip_prefix('#')) else {
            continue;
        };
        let art = doc
            .descendants()
            .find(|n| n.attribute("eId") == Some(target))
            .unwrap();
        let num = text_of(art.first_element_child().unwrap());
        // "المادة (٣)" referred to as "المادة (٣)".
        assert_eq!(
            text_of(r),
            num,
            "a reference names the article it points at"
        );
    }
}

#[test]
fn hostile_clause_text_stays_text_in_the_xml() {
    let p = Project::from_fixtures(&["check/valid", "render/hostile"]);
    let path = "law/clauses/general/offence.md";
    let clause = p.read(path).replace(
        "<script>alert(1)</script> shall",
        "<script>alert(1)</script> <w:p>x</w:p> & ]]> <![CDATA[y]]> &amp; \u{1}\u{7} shall",
    );
    p.write(path, clause);
    let r = p.run(&["render", "jo", "--lang", "en", "--format", "akn"]);
    r.assert_no_panic();
    if r.code != 0 {
        // Control characters may be refused by the loader: then plainly, at the file.
        assert!(r.stderr.contains("offence.md"), "{}", r.stderr);
        p.write(path, p.read(path).replace("\u{1}\u{7}", ""));
    }
    let xml = render(p.path(), &["jo", "--lang", "en"]);
    let doc = Document::parse(&xml).expect("still well-formed XML");
    let all = text_of(doc.root_element());
    for h in [
        "<script>alert(1)</script>",
        "<w:p>x</w:p>",
        "& ]]>",
        "<![CDATA[y]]>",
        "&amp;",
        "#read(\"/etc/passwd\")",
    ] {
        assert!(all.contains(h), "{h} is shown literally");
    }
    assert!(
        elements(&doc, "script").is_empty()
            && elements(&doc, "p")
                .iter()
                .all(|p| p.tag_name().namespace() == Some(AKN))
    );
    assert!(!xml.contains("CDATA[y]]>") || xml.contains("&lt;![CDATA[y]]&gt;"));
}

#[test]
fn output_is_deterministic_and_commentary_can_be_left_out() {
    let a = render(&repo(), &["jo", "--lang", "ar"]);
    let b = render(&repo(), &["jo", "--lang", "ar"]);
    assert_eq!(a, b, "byte-identical");
    assert!(a.contains("class=\"commentary\""));
    let c = render(&repo(), &["jo", "--lang", "ar", "--no-commentary"]);
    assert!(!c.contains("class=\"commentary\""));
    assert!(c.contains("class=\"instruments\""), "citations stay");
    // -o writes the file (atomically) and says nothing on standard output.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("jo.xml");
    let r = run_in(
        &repo(),
        &[
            "render",
            "jo",
            "--lang",
            "ar",
            "--format",
            "akn",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), a);
}

/// Renders `cc`'s variant in `lang` as AKN inside the project at `dir`, then imports it back
/// as the national law `id`; both must succeed cleanly.
fn export_and_import(dir: &Path, cc: &str, lang: Lang, id: &str) {
    let xml = dir.join(format!("{cc}-{lang}-{id}.xml"));
    let xml = xml.to_str().unwrap();
    let r = run_in(
        dir,
        &[
            "render",
            cc,
            "--lang",
            lang.code(),
            "--format",
            "akn",
            "-o",
            xml,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run_in(dir, &["import", xml, "--country", cc, "--id", id]);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "{cc} {lang}: a clean import\n{}", r.stderr);
}

/// An article's text as the import writes it: one line per paragraph and point, "n- text".
fn lines_of(paragraphs: &[RParagraph]) -> String {
    fn point(p: &RPoint, out: &mut Vec<String>) {
        out.push(format!("{}- {}", p.label, plain(&p.pieces)));
        for q in &p.points {
            point(q, out);
        }
    }
    let mut out = Vec::new();
    for p in paragraphs {
        let text = plain(&p.pieces);
        if let Some(o) = &p.option {
            out.push(o.clone());
        }
        match (p.number.is_empty(), text.trim().is_empty()) {
            (_, true) if !p.number.is_empty() && !p.points.is_empty() => out.push(p.number.clone()),
            (true, _) => out.push(text),
            (false, _) => out.push(format!("{}- {text}", p.number)),
        }
        for q in &p.points {
            point(q, &mut out);
        }
    }
    out.iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn annex_words(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ar => format!("{n} من الملحق"),
        Lang::En => format!("{n} of the Annex"),
        Lang::Fr => format!("{n} de l'annexe"),
    }
}

#[test]
fn every_shipped_variant_comes_back_from_akn_with_the_same_articles_and_text() {
    let project = load_project(&repo());
    let dir = crate::support::shipped_project();
    let mut checked = 0;
    for c in &project.countries {
        for &lang in &c.languages {
            let id = format!("akn-{lang}");
            export_and_import(dir.path(), &c.code, lang, &id);
            let rel = format!("countries/{}/legislation/{id}.md", c.code);
            let text = std::fs::read_to_string(dir.path().join(&rel)).unwrap();
            let mut diags = Vec::new();
            let leg =
                qanun::load::parse_legislation(&rel, &c.code, &text, &mut diags).expect("it loads");
            assert!(diags.is_empty(), "{diags:?}");
            assert_eq!(leg.meta.language, Some(lang));
            assert!(
                leg.meta
                    .akn
                    .as_ref()
                    .is_some_and(|(w, _)| w.starts_with(&format!("/akn/{}/bill/", c.code)))
            );
            let (variant, _) =
                qanun::variant::build(&project.law, Some(c), &[lang, project.law.primary_lang()]);
            let got: Vec<_> = leg.articles().collect();
            let want: Vec<_> = variant.articles().collect();
            assert_eq!(got.len(), want.len(), "{} {lang}", c.code);
            for (g, w) in got.iter().zip(&want) {
                let number = if w.in_annex {
                    annex_words(lang, w.number)
                } else {
                    w.number.to_string()
                };
                assert_eq!(g.number, number, "{} {lang} {}", c.code, w.id);
                let title = pick(&w.title, lang).cloned().filter(|t| !t.is_empty());
                assert_eq!(g.title, title, "{} {lang} {}", c.code, w.id);
                let paras = w
                    .text
                    .get(&lang)
                    .or_else(|| w.text.get(&project.law.primary_lang()))
                    .unwrap();
                assert_eq!(g.text, lines_of(paras), "{} {lang} {}", c.code, w.id);
            }
            checked += 1;
        }
    }
    assert!(checked >= 11, "{checked}");
}

#[test]
fn a_country_compared_with_its_own_variant_through_akn_is_covered_everywhere_its_annex_as_a_regulation()
 {
    let project = load_project(&repo());
    let dir = crate::support::shipped_project();
    for c in &project.countries {
        let lang = c.languages[0];
        export_and_import(dir.path(), &c.code, lang, "own-variant");
        let compare = || {
            let r = run_in(
                dir.path(),
                &[
                    "compare",
                    &c.code,
                    "--law",
                    "own-variant",
                    "--format",
                    "json",
                ],
            );
            r.assert_no_panic();
            r.json()
        };
        let j = compare();
        // The file is a law: the model's annex (the shelter regulations) is compared with
        // regulations only, so its provisions are not verified, and the rest is covered.
        let annex = j["provisions"]
            .as_array()
            .expect("provisions")
            .iter()
            .filter(|p| p["number"].as_str().is_some_and(|n| n.starts_with("annex")))
            .count();
        assert!(annex > 0);
        assert_eq!(j["annex_not_compared"], annex, "{}", c.code);
        let statuses = |j: &serde_json::Value, in_annex: bool| -> BTreeMap<String, u64> {
            j["provisions"]
                .as_array()
                .expect("provisions")
                .iter()
                .filter(|p| p["number"].as_str().unwrap().starts_with("annex") == in_annex)
                .fold(BTreeMap::new(), |mut m, p| {
                    *m.entry(p["status"].as_str().unwrap().to_string())
                        .or_default() += 1;
                    m
                })
        };
        let main = statuses(&j, false);
        assert_eq!(
            main.keys().collect::<Vec<_>>(),
            ["covered"],
            "{}: {main:?}",
            c.code
        );
        let rest = statuses(&j, true);
        assert_eq!(
            rest.keys().collect::<Vec<_>>(),
            ["not-verified"],
            "{}: {rest:?}",
            c.code
        );
        // The same text declared a regulation: a regulation may enact any provision, so all
        // of it is covered.
        let rel = format!("countries/{}/legislation/own-variant.md", c.code);
        let text = std::fs::read_to_string(dir.path().join(&rel)).expect("imported");
        assert!(text.contains("\nkind = \"law\"\n"), "{text}");
        let text = text.replacen("\nkind = \"law\"\n", "\nkind = \"regulation\"\n", 1);
        std::fs::write(dir.path().join(&rel), text).expect("write");
        let j = compare();
        assert_eq!(j["annex_not_compared"], 0, "{}", c.code);
        for in_annex in [false, true] {
            let s = statuses(&j, in_annex);
            assert_eq!(
                s.keys().collect::<Vec<_>>(),
                ["covered"],
                "{}: {s:?}",
                c.code
            );
        }
    }
}

fn fixture(name: &str) -> PathBuf {
    crate::support::fixtures().join("akn").join(name)
}

/// Imports a fixture document into a fresh project; returns (exit code, stderr, file text).
fn import(name: &str, country: &str) -> (u8, String, String) {
    let p = Project::from_fixtures(&["check/valid"]);
    let out = p.path().join("out.md");
    let r = p.run(&[
        "import",
        fixture(name).to_str().unwrap(),
        "--country",
        country,
        "-o",
        out.to_str().unwrap(),
    ]);
    r.assert_no_panic();
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    (r.code as u8, r.stderr, text)
}

fn body(text: &str) -> &str {
    text.splitn(3, "+++\n").nth(2).unwrap_or_default()
}

#[test]
fn an_act_of_sections_in_the_common_law_style_imports_with_its_structure() {
    let (code, stderr, text) = import("sections-style.xml", "zz");
    assert_eq!(code, 1, "the skipped table is reported: {stderr}");
    assert!(stderr.contains("sections-style.xml:105"), "{stderr}");
    assert!(
        stderr.contains("a table (<table>) was left out"),
        "{stderr}"
    );
    assert!(text.contains("number = \"4\"\nyear = \"2019\""), "{text}");
    assert!(text.contains("en = \"Protection of Persons from Exploitation Act, 2019\""));
    assert!(text.contains("work = \"/akn/zz/act/2019/4/!main\""));
    assert_eq!(
        body(&text),
        "
# Part 1: Preliminary

## 1
title: Interpretation

(1) In this Act, unless the context indicates otherwise—
(a) \"child\" means a person under the age of eighteen years;
(b) \"victim\" means a person against whom an offence under section 3 was committed.
(2) Words in the singular include the plural.

## 2
title: Objects

The objects of this Act are to prevent exploitation and to protect victims.

# Part 2: Offences

# Exploitation of persons

## 3
title: Offence of exploitation

(1) Any person who recruits, moves or harbours another person by—
(a) force or threats; or
(b) deceit,
for the purpose of exploitation, commits an offence.
(2) The penalties are set out in the table below.

## 3A
title: Consent

The consent of a victim is no defence.
"
    );
}

#[test]
fn a_leos_style_bill_imports_its_articles_and_leaves_quoted_text_out() {
    let (code, stderr, text) = import("leos-style.xml", "zz");
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("quoted structure"), "{stderr}");
    assert!(
        text.contains("status = \"draft\"") && text.contains("language = \"fr\""),
        "{text}"
    );
    let b = body(&text);
    assert!(b.starts_with("\nvu le traité"), "the preamble is kept: {b}");
    assert!(b.contains("ONT ADOPTÉ LE PRÉSENT RÈGLEMENT:"));
    assert!(
        b.contains("## 1\ntitle: Objet\n\n1. Le présent règlement"),
        "{b}"
    );
    assert!(
        b.contains("b) aux enfants, notamment:\ni) non accompagnés;"),
        "{b}"
    );
    assert!(b.contains("## 2\ntitle: Non-sanction\n\nLes victimes ne sont pas poursuivies pour les infractions qu'elles ont été contraintes de commettre.\nLe présent article"), "{b}");
    assert!(
        !b.contains("Texte cité"),
        "quoted text is not the bill's own: {b}"
    );
}

#[test]
fn an_arabic_act_numbered_in_words_and_indic_digits_imports_in_ascii_numbers() {
    let (code, stderr, text) = import("arabic-alinea.xml", "zz");
    assert_eq!(code, 1, "the image is reported: {stderr}");
    assert!(stderr.contains("an image (<img>)"), "{stderr}");
    let numbers: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    assert_eq!(numbers, ["1", "2", "2 مكرر", "3"]);
    assert!(text.contains("# الباب الأول: أحكام عامة"));
    assert!(
        text.contains("## 1\n\nيُعمل بهذا القانون من تاريخ نشره.\nتُصدر اللائحة"),
        "{text}"
    );
    assert!(
        text.contains("لا يُسأل الضحية جنائياً عن أفعال أُكره عليها."),
        "the image's line keeps its text"
    );
    assert!(text.contains("١- تتولى اللجنة الوطنية التنسيق."));
    assert!(text.contains("ar = \"قانون حماية ضحايا الاستغلال رقم ١١ لسنة ٢٠٢٢\""));
}

#[test]
fn bad_akn_input_gets_a_plain_error_and_nothing_is_overwritten() {
    let p = Project::from_fixtures(&["check/valid"]);
    let out = p.path().join("out.md");
    let o = out.to_str().unwrap();
    let cases: &[(&str, &str, &str)] = &[
        ("a.xml", "just some words, not XML", "not well-formed XML"),
        ("b.xml", "<akomaNtoso><act><body>", "not well-formed XML"),
        (
            "c.xml",
            "<?xml version=\"1.0\"?>\n<html><body><p>x</p></body></html>",
            "root element is <html>",
        ),
        (
            "d.xml",
            "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><judgment/></akomaNtoso>",
            "a <judgment>, not a law",
        ),
        (
            "e.xml",
            "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act><meta/></act></akomaNtoso>",
            "has no <body>",
        ),
        (
            "f.xml",
            "<!DOCTYPE a [<!ENTITY x \"xx\">]><akomaNtoso/>",
            "not well-formed XML",
        ),
    ];
    for (name, content, says) in cases {
        p.write(name, content);
        std::fs::write(&out, "keep me").unwrap();
        let r = p.run(&[
            "import",
            p.path().join(name).to_str().unwrap(),
            "--country",
            "jo",
            "-o",
            o,
            "--force",
        ]);
        r.assert_no_panic();
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{name}: {}", r.stderr);
        assert!(
            r.stderr.contains(name),
            "{name}: the file is named: {}",
            r.stderr
        );
        assert!(r.stderr.contains("hint:"), "{}", r.stderr);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me", "{name}");
    }
    // A document the schema would refuse (no identification, another namespace, an unknown
    // element) is still imported when its structure can be read, with warnings.
    p.write(
        "g.xml",
        "<akomaNtoso xmlns=\"http://www.akomantoso.org/2.0\"><act><body><article><num>Article 1</num><content><p>One.</p></content></article><stray>loose words</stray><article><num>Article 2</num><content><p>Two.</p></content></article></body></act></akomaNtoso>",
    );
    let r = p.run(&[
        "import",
        p.path().join("g.xml").to_str().unwrap(),
        "--country",
        "jo",
        "-o",
        o,
        "--force",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("namespace"), "{}", r.stderr);
    assert!(
        r.stderr.contains("text outside any article (<stray>)"),
        "{}",
        r.stderr
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("## 1\n\nOne.") && text.contains("## 2\n\nTwo."),
        "{text}"
    );
    // Without --force an existing file is left alone.
    std::fs::write(&out, "keep me").unwrap();
    let r = p.run(&[
        "import",
        fixture("arabic-alinea.xml").to_str().unwrap(),
        "--country",
        "jo",
        "-o",
        o,
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
}

#[test]
fn a_fifty_megabyte_document_is_imported_whole() {
    let p = Project::from_fixtures(&["check/valid"]);
    let mut xml = String::from(
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act><meta><identification source=\"#x\"><FRBRExpression><FRBRlanguage language=\"eng\"/></FRBRExpression></identification></meta><body>\n",
    );
    let words = "The competent authority shall protect and assist every victim of trafficking without delay. ".repeat(20);
    let mut n = 0;
    while xml.len() < 50 * 1024 * 1024 {
        n += 1;
        xml.push_str(&format!("<article eId=\"art_{n}\"><num>Article {n}</num><paragraph eId=\"art_{n}__para_1\"><num>1</num><content><p>{words}</p></content></paragraph></article>\n"));
    }
    xml.push_str("</body></act></akomaNtoso>\n");
    p.write("big.xml", &xml);
    let out = p.path().join("big.md");
    let r = p.run(&[
        "import",
        p.path().join("big.xml").to_str().unwrap(),
        "--country",
        "jo",
        "-o",
        out.to_str().unwrap(),
    ]);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.matches("\n## ").count(), n);
    assert!(
        r.stderr.contains(&format!("({n} articles, en;")),
        "{}",
        r.stderr
    );
}

/// The schema's folder beside the repository (CI and the development machine have
/// `../shared`), or `None`.
fn schema() -> Option<PathBuf> {
    let p = repo().join("../shared/schemas/akn/akomantoso30.xsd");
    p.exists().then_some(p)
}

#[test]
#[ignore = "needs ../shared/schemas"]
fn every_shipped_document_and_the_fixtures_are_valid_against_the_oasis_schema() {
    let xsd = schema().expect("../shared/schemas/akn/akomantoso30.xsd");
    let project = load_project(&repo());
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let mut targets: Vec<(String, Vec<Lang>)> =
        vec![("model".into(), project.law.languages().collect())];
    targets.extend(
        project
            .countries
            .iter()
            .map(|c| (c.code.clone(), c.languages.clone())),
    );
    for (target, langs) in targets {
        for lang in langs {
            for extra in [None, Some("--no-commentary")] {
                let out = dir
                    .path()
                    .join(format!("{target}-{lang}-{}.xml", extra.is_some()));
                let mut args = vec![
                    "render",
                    &target,
                    "--lang",
                    lang.code(),
                    "--format",
                    "akn",
                    "-o",
                    out.to_str().unwrap(),
                ];
                args.extend(extra);
                let r = run_in(&repo(), &args);
                assert_eq!(r.code, 0, "{}", r.stderr);
                files.push(out);
            }
        }
    }
    // The small fixtures too (their hostile text and Arabic-Indic digits).
    for layers in [
        &["check/valid", "render/hostile"][..],
        &["check/valid", "render/arab-digits"],
    ] {
        let p = Project::from_fixtures(layers);
        let out = dir
            .path()
            .join(format!("fixture-{}.xml", layers[1].replace('/', "-")));
        let r = p.run(&[
            "render",
            "jo",
            "--lang",
            "ar",
            "--format",
            "akn",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        files.push(out);
    }
    for f in ["sections-style.xml", "leos-style.xml", "arabic-alinea.xml"] {
        files.push(fixture(f));
    }
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .args(&files)
        .output()
        .expect("xmllint (Debian's libxml2-utils) is installed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stderr.matches(" validates").count(),
        files.len(),
        "{stderr}"
    );
}
