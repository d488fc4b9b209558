//! `qanun report`: the regional report on the shipped data and on small fixtures. The numbers
//! of every chart are checked against `qanun coverage --format json`, in the HTML (their
//! data-* attributes) and in the PDF's Typst source (the labels of the heat maps); verified,
//! unverified and missing provisions are told apart; hostile names stay text.

use crate::render::pdf_text;
use crate::support::{Project, repo, run_in};
use serde_json::Value;
use std::collections::BTreeMap;

/// A score as the report prints it: "7.1%", or "7.1–100%" when the most it can be is higher.
fn score_text(score: f64, max: f64) -> String {
    let p = |x: f64| format!("{}%", (x * 1000.0).round() / 10.0);
    if max > score {
        format!("{}–{}", p(score).trim_end_matches('%'), p(max))
    } else {
        p(score)
    }
}

/// The value of attribute `name` in the tag text `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// Every opening tag of `html` that holds `marker` (e.g. `class="cell"`), as its text.
fn tags<'a>(html: &'a str, marker: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(marker) {
        let start = rest[..i].rfind('<').unwrap_or(0);
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e);
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

/// `(country, group) -> (score, max)` of every heat-map cell of the HTML: a cell belongs to
/// the last `<g data-country>` opened before it.
fn html_cells(html: &str) -> BTreeMap<(String, String), Vec<(f64, f64)>> {
    let mut out: BTreeMap<(String, String), Vec<(f64, f64)>> = BTreeMap::new();
    for chunk in html.split("<g data-country=\"").skip(1) {
        let code = chunk.split('"').next().unwrap_or_default().to_string();
        for tag in tags(chunk, "class=\"cell\"") {
            let f = |n| attr(tag, n).and_then(|v| v.parse::<f64>().ok()).expect(n);
            let group = attr(tag, "data-group").expect("group").to_string();
            out.entry((code.clone(), group))
                .or_default()
                .push((f("data-score"), f("data-max")));
        }
    }
    out
}

/// Runs `qanun report` in `root` with `args`, writing to a file `name` of a new temp folder;
/// asserts that it succeeded. The folder lives as long as the returned guard.
fn report_file(
    root: &std::path::Path,
    name: &str,
    args: &[&str],
) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(name);
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", out.to_str().unwrap()]);
    let r = run_in(root, &all);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "{}", r.stderr);
    (dir, out)
}

/// The HTML report of `root` in `lang`.
fn report_html(root: &std::path::Path, lang: &str) -> String {
    let (_dir, out) = report_file(root, "report.html", &["--lang", lang, "--format", "html"]);
    std::fs::read_to_string(out).unwrap()
}

fn coverage_json(root: &std::path::Path, lang: &str) -> Value {
    let r = run_in(root, &["coverage", "--format", "json", "--lang", lang]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.json()
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

#[test]
fn every_number_of_the_html_charts_is_the_coverage_jsons() {
    let html = report_html(&repo(), "en");
    let j = coverage_json(&repo(), "en");
    let cells = html_cells(&html);
    let countries = j["countries"].as_array().unwrap();
    assert_eq!(countries.len(), 11);
    let mut checked = 0;
    for c in countries {
        let code = c["code"].as_str().unwrap();
        for g in c["themes"]
            .as_array()
            .unwrap()
            .iter()
            .chain(c["parts"].as_array().unwrap())
        {
            let id = g["id"].as_str().unwrap().to_string();
            let got = cells
                .get(&(code.to_string(), id.clone()))
                .unwrap_or_else(|| panic!("no cell for {code} × {id}"));
            assert_eq!(
                got,
                &vec![(f(&g["score"]), f(&g["score_max"]))],
                "{code} × {id}"
            );
            checked += 1;
        }
        // The country's page shows its whole score.
        let page = html
            .split(&format!("id=\"country-{code}\""))
            .nth(1)
            .and_then(|s| s.split("</article>").next())
            .unwrap_or_else(|| panic!("no page for {code}"));
        let badge = tags(page, "class=\"badge")[0];
        assert_eq!(
            attr(badge, "data-score").unwrap().parse::<f64>().unwrap(),
            f(&c["coverage"])
        );
        assert_eq!(
            attr(badge, "data-max").unwrap().parse::<f64>().unwrap(),
            f(&c["coverage_max"])
        );
        assert!(
            page.contains(&score_text(f(&c["coverage"]), f(&c["coverage_max"]))),
            "{code}"
        );
    }
    assert_eq!(
        checked,
        11 * (8 + 9),
        "eight themes and nine parts per country"
    );
    // The bars of the rankings: one per country and theme, the same numbers.
    let bars = tags(&html, "class=\"bar\"");
    assert_eq!(bars.len(), 11 * 8);
    for bar in bars {
        let code = attr(bar, "data-country").unwrap();
        let theme = attr(bar, "data-group").unwrap();
        let c = countries.iter().find(|c| c["code"] == code).unwrap();
        let g = c["themes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["id"] == theme)
            .unwrap();
        assert_eq!(
            attr(bar, "data-score").unwrap().parse::<f64>().unwrap(),
            f(&g["score"])
        );
        assert_eq!(
            attr(bar, "data-max").unwrap().parse::<f64>().unwrap(),
            f(&g["score_max"])
        );
    }
    // The ratifications chart: every binding instrument of every country, as in the JSON.
    let mut rats = 0;
    for chunk in html.split("<g data-country=\"").skip(1) {
        let code = chunk.split('"').next().unwrap();
        for tag in tags(chunk, "class=\"rat\"") {
            let inst = attr(tag, "data-instrument").unwrap();
            assert_eq!(
                j["ratifications"][code][inst].as_str(),
                attr(tag, "data-status"),
                "{code} {inst}"
            );
            rats += 1;
        }
    }
    assert!(rats >= 11 * 12, "{rats} ratification marks");
    // The summary's figures are the region's.
    let median = f(&j["region"]["coverage"]["median"]);
    assert!(
        html.contains(&format!("median {}", score_text(median, median))),
        "median"
    );
    let in_force = j["region"]["dedicated_in_force"].as_array().unwrap().len();
    assert!(html.contains(&format!("{in_force} / 11")), "dedicated laws");
}

#[test]
fn every_heat_map_label_of_the_pdf_is_the_coverage_jsons() {
    let (_dir, out) = report_file(&repo(), "report.typ", &["--lang", "en", "--format", "typ"]);
    let typ = std::fs::read_to_string(&out).unwrap();
    let labels: Vec<&str> = typ
        .lines()
        .filter_map(|l| l.trim().strip_prefix("heatcell("))
        .filter_map(|l| l.split_once("[").map(|(_, rest)| rest))
        .filter_map(|l| l.rsplit_once("])").map(|(text, _)| text))
        .collect();
    // The source escapes Typst markup: "5\\.9–100\\%" prints "5.9–100%".
    let labels: Vec<String> = labels.iter().map(|l| l.replace('\\', "")).collect();
    let j = coverage_json(&repo(), "en");
    let mut expected = Vec::new();
    for key in ["themes", "parts"] {
        for c in j["countries"].as_array().unwrap() {
            for g in c[key].as_array().unwrap() {
                expected.push(score_text(f(&g["score"]), f(&g["score_max"])));
            }
        }
    }
    assert_eq!(labels, expected);
}

#[test]
fn heat_map_headers_and_chart_titles_are_headings_with_a_capital() {
    for lang in ["en", "fr"] {
        let (_dir, out) = report_file(&repo(), "report.typ", &["--lang", lang, "--format", "typ"]);
        let typ = std::fs::read_to_string(&out).unwrap();
        let headers: Vec<&str> = typ
            .lines()
            .filter_map(|l| l.trim().strip_prefix("text(size: 7pt, weight: \"bold\")["))
            .filter_map(|l| l.rsplit_once("],").map(|(t, _)| t))
            .collect();
        let j = coverage_json(&repo(), lang);
        let titles: Vec<String> = ["themes", "parts"]
            .iter()
            .flat_map(|k| j[k].as_array().unwrap().clone())
            .map(|g| g["title"].as_str().unwrap().to_string())
            .collect();
        assert!(headers.len() >= 8, "{lang}: {headers:?}");
        assert_eq!(headers.len(), titles.len(), "{lang}: {headers:?}");
        // "early marriage" in the coverage JSON (a label) heads its column as "Early marriage".
        assert!(
            titles.iter().any(|t| t.starts_with(char::is_lowercase)),
            "{lang}"
        );
        let capital = |t: &str| {
            let mut c = t.chars();
            let first = c.next().unwrap();
            first.to_uppercase().chain(c).collect::<String>()
        };
        for (h, t) in headers.iter().zip(&titles) {
            assert_eq!(h.replace('\\', ""), capital(t), "{lang}");
        }
        // So do the titles of the theme rankings.
        let charts: Vec<&str> = typ
            .lines()
            .filter_map(|l| {
                l.trim()
                    .strip_prefix("#text(size: 10.5pt, weight: \"bold\", fill: navy)[")
            })
            .filter_map(|l| l.strip_suffix(']'))
            .collect();
        let themes = j["themes"].as_array().unwrap();
        assert_eq!(charts.len(), themes.len(), "{lang}: {charts:?}");
        for (c, t) in charts.iter().zip(themes) {
            assert_eq!(
                c.replace('\\', ""),
                capital(t["title"].as_str().unwrap()),
                "{lang}"
            );
        }
    }
}

#[test]
fn the_pdf_is_deterministic_and_reads_in_arabic_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.pdf");
    let b = dir.path().join("b.pdf");
    for out in [&a, &b] {
        let r = run_in(&repo(), &["report", "-o", out.to_str().unwrap()]);
        r.assert_no_panic();
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let (x, y) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert!(x.starts_with(b"%PDF"));
    assert!(x == y, "two runs give the same bytes");
    let text = pdf_text(&a).expect("pdftotext (poppler-utils) is installed");
    for words in [
        "التقرير الإقليمي",
        "المنطقة في لمحة",
        "المصادر والتحفظات",
        "الأردن",
        "ملخص غير رسمي",
    ] {
        assert!(text.contains(words), "{words}");
    }
}

#[test]
fn html_is_one_offline_file_right_to_left_in_arabic() {
    for (lang, dir_attr) in [("ar", "rtl"), ("en", "ltr"), ("fr", "ltr")] {
        let html = report_html(&repo(), lang);
        assert!(
            html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir_attr}\">")),
            "{lang}"
        );
        // Nothing is fetched: no script, no external reference; the font is inside.
        assert!(!html.contains("<script"), "{lang}");
        for external in ["http://", "https://", "src=\"", "<link"] {
            let outside_sources = html.split("class=\"data\"").next().unwrap();
            assert!(!outside_sources.contains(external), "{lang}: {external}");
        }
        assert!(html.contains("url(data:font/ttf;base64,"), "{lang}");
        assert!(html.contains("@media print"), "{lang}");
        assert_eq!(report_html(&repo(), lang), html, "deterministic");
    }
}

#[test]
fn french_scores_have_a_decimal_comma_and_a_space_before_the_sign() {
    // How many scores read "<digit><sep><digit><space>%" (the scores have one decimal).
    let scores = |html: &str, sep: char, space: &str| {
        let sign = format!("{space}%");
        html.char_indices()
            .filter(|&(i, c)| {
                c == sep
                    && html[..i].ends_with(|d: char| d.is_ascii_digit())
                    && html[i + 1..].starts_with(|d: char| d.is_ascii_digit())
                    && html[i + 2..].starts_with(&sign)
            })
            .count()
    };
    let fr = report_html(&repo(), "fr");
    assert!(
        scores(&fr, ',', "\u{202F}") > 0,
        "no score like 7,1 % in the French report"
    );
    assert_eq!(
        scores(&fr, '.', "\u{202F}"),
        0,
        "a score like 7.1 % in the French report"
    );
    assert_eq!(
        scores(&fr, '.', ""),
        0,
        "a score like 7.1% in the French report"
    );
    let en = report_html(&repo(), "en");
    assert!(
        scores(&en, '.', "") > 0,
        "no score like 7.1% in the English report"
    );
}

/// A project of two countries: Jordan with the complete official text (every absence
/// verified), Egypt with a summary (absences not verified).
fn two_countries() -> Project {
    let p = Project::from_fixtures(&["check/valid"]);
    let leg = "countries/jo/legislation/law-9-2009.md";
    let text = p
        .read(leg)
        .replace("official = false", "official = true\ncomplete = true");
    p.write(leg, text);
    let law = |id: &str| {
        format!(
            "\n[[laws]]\nid = \"{id}\"\ntitle.en = \"The law\"\nstatus = \"in-force\"\nsource = \"fixture\"\nconfidence = \"high\"\n"
        )
    };
    let jo = p.read("countries/jo/country.toml");
    p.write(
        "countries/jo/country.toml",
        format!("{jo}{}", law("law-9-2009")),
    );
    let eg = jo
        .replace("code = \"jo\"", "code = \"eg\"")
        .replace("الأردن", "مصر")
        .replace("\"Jordan\"", "\"Egypt\"")
        .replace("Jordanie", "Égypte");
    p.write(
        "countries/eg/country.toml",
        format!("{eg}{}", law("law-64-2010")),
    );
    p.write(
        "countries/eg/legislation/law-64-2010.md",
        "+++\nid = \"law-64-2010\"\nnumber = \"64\"\nyear = \"2010\"\nstatus = \"in-force\"\nlanguage = \"ar\"\nofficial = false\nsource = \"fixture summary\"\n\n[title]\nar = \"قانون مكافحة الاتجار بالبشر\"\nen = \"Law on Combating Trafficking in Persons\"\n+++\n\n## 1\nmodel: offence\n\nيعاقب كل من ارتكب جريمة الاتجار بالبشر.\n",
    );
    p
}

#[test]
fn verified_unverified_and_missing_are_shown_apart() {
    let p = two_countries();
    let j = p
        .run(&["coverage", "--format", "json", "--lang", "en"])
        .json();
    let col = |cc: &str| {
        j["countries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == cc)
            .unwrap()
            .clone()
    };
    let (jo, eg) = (col("jo"), col("eg"));
    assert_eq!(jo["verified"], true);
    assert_eq!(eg["verified"], false);
    assert_eq!(jo["cells"]["non-punishment"]["status"], "missing");
    assert_eq!(eg["cells"]["non-punishment"]["status"], "not-verified");
    assert_eq!(j["region"]["verified"], 1);

    let html = report_html(p.path(), "en");
    let cells = html_cells(&html);
    // Jordan's missing theme is a settled 0%; Egypt's unread one is a range, drawn hatched.
    let np = |cc: &str| cells[&(cc.to_string(), "non-punishment".to_string())][0];
    assert_eq!(np("jo"), (0.0, 0.0));
    assert_eq!(np("eg"), (0.0, 1.0));
    let settled = |cc: &str| {
        html.split("<g data-country=\"")
            .find(|c| c.starts_with(&format!("{cc}\"")))
            .and_then(|c| tags(c, "data-group=\"non-punishment\"").first().copied())
            .and_then(|t| attr(t, "data-settled"))
            .map(str::to_string)
    };
    assert_eq!(settled("jo").as_deref(), Some("true"));
    assert_eq!(settled("eg").as_deref(), Some("false"));
    // The words say the same: Jordan's gap is a gap, Egypt's is not verified.
    assert!(
        html.contains("verified against complete official texts: 1 of 2 countries"),
        "share"
    );
    let jo_page = html
        .split("id=\"country-jo\"")
        .nth(1)
        .unwrap()
        .split("</article>")
        .next()
        .unwrap();
    // The fixture's law is a law: its one annex provision (the model's shelter regulations)
    // is compared with regulations only, and the page says so.
    assert!(
        jo_page.contains("every absence from the law is verified; 1 provision of the annex not compared: no national regulation among the texts"),
        "{jo_page}"
    );
    assert!(jo_page.contains("(missing)"), "{jo_page}");
    let eg_page = html
        .split("id=\"country-eg\"")
        .nth(1)
        .unwrap()
        .split("</article>")
        .next()
        .unwrap();
    assert!(eg_page.contains("not “missing”"), "{eg_page}");
    assert!(!eg_page.contains("(missing)"), "{eg_page}");
    assert!(
        html.contains("Caution: the national texts we hold for Egypt (1 of 2)"),
        "caveat"
    );
}

#[test]
fn hostile_names_and_titles_stay_text() {
    let p = two_countries();
    let hostile = "<script>alert(1)</script> #set page(fill: red) ] ) \\\" {{ x }} ${x}";
    let toml = p
        .read("countries/eg/country.toml")
        .replace("en = \"Egypt\"", &format!("en = {}", toml_string(hostile)));
    p.write("countries/eg/country.toml", toml);
    let law = p.read("law/law.toml");
    let title = law
        .lines()
        .find(|l| l.starts_with("en = "))
        .unwrap()
        .to_string();
    p.write(
        "law/law.toml",
        law.replacen(
            &title,
            &format!("en = {}", toml_string("Law </title><b>x</b> #pagebreak()")),
            1,
        ),
    );
    let html = report_html(p.path(), "en");
    assert!(!html.contains("<script>alert"), "escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !html.contains("</title><b>x</b>"),
        "the law's title is escaped too"
    );
    let pdf = p.path().join("r.pdf");
    let r = p.run(&["report", "--lang", "en", "-o", pdf.to_str().unwrap()]);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = pdf_text(&pdf).expect("pdftotext");
    assert!(
        text.contains("<script>alert(1)</script> #set page(fill: red)"),
        "{text}"
    );
    assert!(text.contains("Law </title><b>x</b> #pagebreak()"), "{text}");
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

#[test]
fn bad_projects_and_outputs_are_refused_plainly() {
    // No countries.
    let p = Project::from_fixtures(&["check/valid"]);
    std::fs::remove_dir_all(p.path().join("countries")).unwrap();
    let r = p.run(&["report", "--format", "html", "-o", "r.html"]);
    r.assert_no_panic();
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("no countries"), "{}", r.stderr);

    // A broken profile: the file and line, and nothing written.
    let p = two_countries();
    p.write(
        "countries/eg/country.toml",
        "code = \"eg\"\nlanguages = [\"ar\"\n",
    );
    let out = p.path().join("r.html");
    let r = p.run(&["report", "--format", "html", "-o", out.to_str().unwrap()]);
    r.assert_no_panic();
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("countries/eg/country.toml:"),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
    // … and the same words as the other commands on how to see the full list.
    assert!(
        r.stderr
            .contains("1 problem must be fixed first (run `qanun check` for the full list)"),
        "{}",
        r.stderr
    );

    // An output folder that cannot be written: an error, no file, no temp file left.
    let p = two_countries();
    p.write("blocked", "a file, not a folder");
    let out = p.path().join("blocked/r.pdf");
    let r = p.run(&["report", "-o", out.to_str().unwrap()]);
    r.assert_no_panic();
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("cannot write"), "{}", r.stderr);
    assert!(!out.exists());

    // An unknown language.
    let r = p.run(&["report", "--lang", "de"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("ar") && r.stderr.contains("fr"),
        "{}",
        r.stderr
    );
}

/// The regional matrix (computed for all countries at once, without the word diffs and in the
/// languages the texts use) gives every country the statuses and scores `qanun compare` gives
/// it on its own.
#[test]
fn the_regional_matrix_is_each_countrys_own_gap_analysis() {
    let cov = coverage_json(&repo(), "en");
    for c in cov["countries"].as_array().unwrap() {
        let code = c["code"].as_str().unwrap();
        let r = run_in(
            &repo(),
            &["compare", code, "--format", "json", "--lang", "en"],
        );
        assert_eq!(r.code, 0, "{code}: {}", r.stderr);
        let own = r.json();
        assert_eq!(own["coverage"], c["coverage"], "{code}");
        assert_eq!(own["coverage_max"], c["coverage_max"], "{code}");
        for p in own["provisions"].as_array().unwrap() {
            let clause = p["clause"].as_str().unwrap();
            if let Some(cell) = c["cells"].get(clause) {
                assert_eq!(cell["status"], p["status"], "{code} {clause}");
                // Marked `*` exactly when every match is automatic.
                let ms = p["matches"].as_array().unwrap();
                let auto_only = !ms.is_empty() && ms.iter().all(|m| m["source"] == "auto");
                assert_eq!(
                    cell.get("unconfirmed").is_some_and(|u| u == true),
                    auto_only,
                    "{code} {clause}"
                );
            }
        }
    }
}

#[test]
fn the_report_counts_the_findings_no_analyst_has_confirmed() {
    // The shipped summaries leave some articles without `model:` lines; what the alignment
    // matched them to is marked in the matrix and counted on the report's summary page.
    let cov = coverage_json(&repo(), "en");
    let total: usize = cov["countries"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["cells"].as_object().unwrap().values())
        .filter(|cell| cell.get("unconfirmed").is_some_and(|u| u == true))
        .count();
    assert!(total > 0, "the shipped data has automatic matches");
    let html = report_html(&repo(), "en");
    assert!(
        html.contains(&format!(
            "{total} findings in all rest only on matches made automatically"
        )),
        "the report does not count {total} unconfirmed findings"
    );
}

#[test]
fn a_template_that_typst_refuses_names_the_line_and_how_to_read_it() {
    let p = crate::support::shipped_project();
    crate::support::break_typst_template(&p, "report.typ.tera");
    let pdf = p.path().join("report.pdf");
    let r = p.run(&["report", "--lang", "en", "-o", &pdf.to_string_lossy()]);
    r.assert_no_panic();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("with --format typ writes it"),
        "{}",
        r.stderr
    );
    assert!(!pdf.exists(), "no PDF is written");
    let typ = p.path().join("report.typ");
    let written = p.run(&[
        "report",
        "--lang",
        "en",
        "--format",
        "typ",
        "-o",
        &typ.to_string_lossy(),
    ]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    let source = std::fs::read_to_string(&typ).expect("the Typst source");
    crate::support::assert_typst_error_at(&r.stderr, &source);
}
