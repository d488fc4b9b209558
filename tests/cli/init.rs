//! `qanun init`, `qanun new article`, `qanun new country`, `qanun completions`, `qanun man`.

use crate::support::run_in;
use std::path::Path;

fn q(dir: &Path, args: &[&str]) -> crate::support::Run {
    let r = run_in(dir, args);
    r.assert_no_panic();
    r
}

#[test]
fn a_new_project_passes_check_and_renders_and_packs_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my-law");
    let r = q(tmp.path(), &["init", dir.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("law/") && r.stderr.contains("templates/"),
        "says what it created: {}",
        r.stderr
    );
    for f in [
        "law/law.toml",
        "law/variables.toml",
        "law/instruments.toml",
        "countries/xx/country.toml",
        "templates/law.html.tera",
        "templates/packet.typ.tera",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    // Every template the tool uses is there to adapt, as in the shipped project.
    fn listed(root: &std::path::Path, dir: &str, out: &mut std::collections::BTreeSet<String>) {
        for e in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            let name = format!("{dir}/{}", e.file_name().to_string_lossy());
            if e.path().is_dir() {
                listed(root, &name, out);
            } else {
                out.insert(name);
            }
        }
    }
    let (mut made, mut shipped) = Default::default();
    listed(&dir, "templates", &mut made);
    listed(&crate::support::repo(), "templates", &mut shipped);
    let made: std::collections::BTreeSet<String> = made;
    assert_eq!(made, shipped);
    let r = q(&dir, &["check", "--strict", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let md = q(&dir, &["render", "xx", "--format", "md"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(
        md.stdout.contains("محكمة الجنايات"),
        "the country's term: {}",
        md.stdout
    );
    let r = q(&dir, &["render", "xx", "--format", "pdf"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(dir.join("out/xx/law-ar.pdf").is_file());
    let r = q(&dir, &["packet", "xx"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(dir.join("out/xx/packet-ar.pdf").is_file());
    let r = q(&dir, &["render", "model", "--lang", "en", "--format", "md"]);
    assert!(r.stdout.contains("Non-punishment of victims"));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_unless_forced() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let r = q(tmp.path(), &["init", tmp.path().to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("not empty") && r.stderr.contains("--force"),
        "{}",
        r.stderr
    );
    assert!(!tmp.path().join("law").exists(), "nothing written");
    let r = q(
        tmp.path(),
        &["init", tmp.path().to_str().unwrap(), "--force"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("notes.txt")).unwrap(),
        "mine"
    );
}

fn project() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(
        q(
            tmp.path(),
            &["init", tmp.path().to_str().unwrap(), "--force", "-q"]
        )
        .code,
        0
    );
    tmp
}

#[test]
fn a_new_article_is_placed_where_asked_and_check_points_at_its_placeholders_only() {
    let tmp = project();
    let dir = tmp.path();
    let before = std::fs::read_to_string(dir.join("law/law.toml")).unwrap();
    let r = q(
        dir,
        &[
            "new",
            "article",
            "victim-support",
            "--chapter",
            "general",
            "--after",
            "definitions",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("next"), "{}", r.stderr);
    let after = std::fs::read_to_string(dir.join("law/law.toml")).unwrap();
    assert!(
        after.contains(r#"clauses = ["definitions", "victim-support", "non-punishment"]"#),
        "{after}"
    );
    // Nothing else in law.toml changed, comments included.
    assert_eq!(after.replace(r#""victim-support", "#, ""), before);
    let file = std::fs::read_to_string(dir.join("law/clauses/general/victim-support.md")).unwrap();
    assert!(
        file.contains("status = \"mandatory\"") && file.contains("## ar") && file.contains("## en")
    );
    let r = q(dir, &["check", "--format", "json"]);
    let j = r.json();
    let codes: Vec<&str> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(!codes.is_empty());
    for (d, code) in j["diagnostics"].as_array().unwrap().iter().zip(&codes) {
        assert!(
            *code == "placeholder" || *code == "no-instruments",
            "only what was left to fill in: {d}"
        );
        assert!(d["hint"].as_str().is_some_and(|h| !h.is_empty()), "{d}");
        assert!(
            d["file"].as_str().unwrap().ends_with("victim-support.md"),
            "{d}"
        );
        // The empty list of instruments is pointed at where it is written.
        if *code == "no-instruments" {
            let line = d["line"].as_u64().unwrap() as usize;
            let text = file.lines().nth(line - 1).unwrap_or_default();
            assert!(
                text.starts_with("instruments = []"),
                "{d} points at “{text}”"
            );
        }
        // Each placeholder is reported at its own line, in English words only.
        if *code == "placeholder" {
            let line = d["line"].as_u64().unwrap() as usize;
            let text = file.lines().nth(line - 1).unwrap_or_default();
            assert!(text.contains("TODO"), "{d} points at “{text}”");
            let message = d["message"].as_str().unwrap();
            assert!(
                !message.contains("Français") && !message.contains("العربية"),
                "{message}"
            );
        }
    }
    let titles = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains(" title of "))
        })
        .count();
    assert_eq!(titles, 3, "one per language's title");
    // Before another article, and as optional.
    let r = q(
        dir,
        &[
            "new",
            "article",
            "first-one",
            "--chapter",
            "general",
            "--before",
            "definitions",
            "--optional",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let toml = std::fs::read_to_string(dir.join("law/law.toml")).unwrap();
    assert!(
        toml.contains(r#"clauses = ["first-one", "definitions""#),
        "{toml}"
    );
    assert!(
        std::fs::read_to_string(dir.join("law/clauses/general/first-one.md"))
            .unwrap()
            .contains("status = \"optional\"")
    );
}

#[test]
fn an_article_listed_without_its_file_gets_its_file_where_it_is_listed() {
    // The file was deleted: check says how to write it again, and `new article` does, in its
    // chapter, leaving law.toml as it is (never "already exists").
    let tmp = project();
    let dir = tmp.path();
    let file = dir.join("law/clauses/general/non-punishment.md");
    std::fs::remove_file(&file).unwrap();
    let toml = std::fs::read_to_string(dir.join("law/law.toml")).unwrap();
    let r = q(dir, &["check"]);
    assert!(
        r.stdout
            .contains("qanun new article non-punishment --chapter general"),
        "{}",
        r.stdout
    );
    for (args, says) in [
        (
            vec!["--chapter", "elsewhere"],
            "is listed in chapter `general`",
        ),
        (
            vec!["--chapter", "general", "--after", "definitions"],
            "its place is kept",
        ),
    ] {
        let r = q(
            dir,
            &[&["new", "article", "non-punishment"][..], &args].concat(),
        );
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
        assert!(!file.exists());
    }
    let r = q(
        dir,
        &["new", "article", "non-punishment", "--chapter", "general"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("already listed"), "{}", r.stderr);
    assert!(file.is_file());
    assert_eq!(
        std::fs::read_to_string(dir.join("law/law.toml")).unwrap(),
        toml
    );
    // Now only its placeholders are left to fill in.
    let r = q(dir, &["check", "--format", "json"]);
    let j: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let codes: std::collections::BTreeSet<&str> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["placeholder"].into(), "{}", r.stdout);
    let r = q(
        dir,
        &["new", "article", "non-punishment", "--chapter", "general"],
    );
    assert!(
        r.stderr
            .contains("already exists: law/clauses/general/non-punishment.md"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_new_article_with_a_wrong_id_chapter_or_place_is_refused_and_nothing_is_written() {
    let tmp = project();
    let dir = tmp.path();
    let toml = std::fs::read_to_string(dir.join("law/law.toml")).unwrap();
    for (args, says) in [
        (
            vec!["new", "article", "definitions", "--chapter", "general"],
            "already exists",
        ),
        (
            vec!["new", "article", "Bad Id", "--chapter", "general"],
            "not a valid article id",
        ),
        (
            vec!["new", "article", "x-y", "--chapter", "nowhere"],
            "has no chapter `nowhere`",
        ),
        (
            vec![
                "new",
                "article",
                "x-y",
                "--chapter",
                "general",
                "--after",
                "ghost",
            ],
            "has no article `ghost`",
        ),
    ] {
        let r = q(dir, &args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(
            r.stderr.contains(says) && r.stderr.contains("hint:"),
            "{args:?}: {}",
            r.stderr
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.join("law/law.toml")).unwrap(),
        toml
    );
    assert!(!dir.join("law/clauses/general/x-y.md").exists());
}

#[test]
fn a_new_country_lists_every_term_and_instrument_to_fill_in() {
    let tmp = project();
    let dir = tmp.path();
    let r = q(
        dir,
        &[
            "new",
            "country",
            "lb",
            "--name-ar",
            "لبنان",
            "--name-en",
            "Lebanon",
            "--digits",
            "arab",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(dir.join("countries/lb/country.toml")).unwrap();
    assert!(text.contains("digits = \"arab\"") && text.contains("ar = \"لبنان\""));
    assert!(
        text.contains("(used by: non-punishment)\ncompetent_court = \"\""),
        "{text}"
    );
    assert!(text.contains("instrument = \"palermo\"\n# party, signatory, not-party or unknown; with kind and date once verified.\nstatus = \"unknown\""), "{text}");
    // How to list the laws in force, as comments; the next step names them.
    assert!(
        r.stderr.contains("the laws in force ([[laws]])"),
        "{}",
        r.stderr
    );
    let guide_at = text.find("# [[laws]]\n").expect("the [[laws]] guide");
    let guide: Vec<&str> = text[guide_at..]
        .lines()
        .take_while(|l| l.starts_with("# "))
        .collect();
    assert!(
        guide.iter().any(|l| l.contains("status = \"in-force\"")),
        "{guide:?}"
    );
    assert!(
        dir.join("countries/lb/legislation").is_dir() && dir.join("countries/lb/variant").is_dir()
    );
    // check reads it, and asks only for the terms left empty.
    let j = q(dir, &["check", "--format", "json"]).json();
    for d in j["diagnostics"].as_array().unwrap() {
        assert!(
            d["file"].as_str().unwrap_or_default().contains("lb")
                || d["message"].as_str().unwrap().contains("lb")
                || d["message"].as_str().unwrap().contains("Lebanon"),
            "{d}"
        );
    }
    // Uncommented, the guide is a [[laws]] entry the profile reads without a problem.
    let body: Vec<&str> = guide.iter().map(|l| &l[2..]).collect();
    let listed = text.replacen(&guide.join("\n"), &body.join("\n"), 1);
    std::fs::write(dir.join("countries/lb/country.toml"), listed).unwrap();
    let after = q(dir, &["check", "--format", "json"]).json();
    assert_eq!(
        after["diagnostics"].as_array().map(Vec::len),
        j["diagnostics"].as_array().map(Vec::len),
        "{after}"
    );
    let r = q(
        dir,
        &["new", "country", "lb", "--name-ar", "x", "--name-en", "y"],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("already exists"));
}

#[test]
fn completions_and_the_manual_come_from_the_same_definitions() {
    let tmp = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let r = q(tmp.path(), &["completions", shell]);
        assert_eq!(r.code, 0, "{shell}");
        assert!(
            r.stdout.contains("render") && r.stdout.contains("packet"),
            "{shell}"
        );
    }
    let r = q(tmp.path(), &["man"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.starts_with(".ie") || r.stdout.contains(".TH qanun"),
        "{}",
        &r.stdout[..200.min(r.stdout.len())]
    );
    let out = tmp.path().join("man");
    let r = q(tmp.path(), &["man", "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for page in ["qanun.1", "qanun-render.1", "qanun-diff.1", "qanun-init.1"] {
        assert!(out.join(page).is_file(), "{page}");
    }
    assert!(
        !out.join("qanun-bench-corpus.1").exists(),
        "hidden commands have no page"
    );
}

/// Replaces the placeholders `new article` left with text, a title and an instrument.
fn fill(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let filled = text
        .replace("instruments = []", "instruments = [\"palermo:6(3)\"]")
        .replace("tags = []", "tags = [\"shelter\"]")
        .replace("\"TODO: the title in Arabic\"", "\"دعم الضحايا\"")
        .replace("\"TODO: the title in English\"", "\"Victim support\"")
        .replace("\"TODO: the title in French\"", "\"Soutien aux victimes\"")
        .replace(
            "TODO: the text in Arabic, one numbered line per paragraph.",
            "تقدم الدولة الدعم للضحايا وفق [[definitions]].",
        )
        .replace(
            "TODO: the text in English, one numbered line per paragraph.",
            "The State supports victims within the meaning of [[definitions]].",
        )
        .replace(
            "TODO: the text in French, one numbered line per paragraph.",
            "L'État soutient les victimes au sens de [[definitions]].",
        );
    assert!(!filled.contains("TODO"), "{filled}");
    std::fs::write(path, filled).unwrap();
}

#[test]
fn on_the_shipped_project_a_new_article_keeps_law_toml_as_written_and_renumbers_the_rest() {
    let tmp = crate::support::shipped_project();
    let dir = tmp.path();
    let before = std::fs::read_to_string(dir.join("law/law.toml")).unwrap();
    let r = q(
        dir,
        &[
            "new",
            "article",
            "victim-support",
            "--chapter",
            "general-provisions",
            "--after",
            "objectives",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let after = std::fs::read_to_string(dir.join("law/law.toml")).unwrap();
    // One line added, in the list's own layout; comments and everything else as written.
    assert_eq!(after.replace("  \"victim-support\",\n", ""), before);
    assert!(after.contains("  \"objectives\",\n  \"victim-support\",\n  \"definitions\","));
    fill(&dir.join("law/clauses/general-provisions/victim-support.md"));
    let r = q(dir, &["check", "--strict"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let md = q(dir, &["render", "jo", "--lang", "en"]).stdout;
    assert!(
        md.contains("### Article 3 — Victim support"),
        "the new article is number 3"
    );
    assert!(
        md.contains("### Article 4 — Definitions"),
        "the next one moved up to 4"
    );
}

#[test]
fn on_the_shipped_project_a_new_country_with_its_terms_filled_gets_a_packet() {
    let tmp = crate::support::shipped_project();
    let dir = tmp.path();
    let r = q(
        dir,
        &[
            "new",
            "country",
            "qa",
            "--name-ar",
            "دولة قطر",
            "--name-en",
            "State of Qatar",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let path = dir.join("countries/qa/country.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let project = qanun::load::load_project(&crate::support::repo());
    for name in project.law.variables.keys() {
        assert!(
            text.contains(&format!("\n{name} = \"\"\n")),
            "{name} is listed"
        );
    }
    assert_eq!(
        text.matches("[[ratifications]]").count(),
        project.law.instruments.len()
    );
    // Fill every term (a word per variable), and the currency.
    let filled: String = text
        .lines()
        .map(|l| match l.split_once(" = \"\"") {
            Some((k, _)) if !k.starts_with('#') && k != "code" && !k.starts_with("name") => format!("{k} = \"{k} term\""),
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        .replace("[currency]\n# The ISO 4217 code and name of the currency fines are written in.\ncode = \"\"\nname.en = \"\"", "[currency]\ncode = \"QAR\"\nname.en = \"Qatari riyal\"");
    std::fs::write(&path, filled).unwrap();
    let r = q(
        dir,
        &["packet", "qa", "-o", dir.join("dist").to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(dir.join("dist/qa/packet-ar.pdf").is_file());
    // It has no legislation yet: compare says that nothing can be verified, as its report
    // does (no provision "missing"), and how to add the laws.
    let r = q(dir, &["compare", "qa", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("holds no law") && r.stderr.contains("not verified"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("missing"), "{}", r.stderr);
    assert!(r.stderr.contains("qanun import"), "{}", r.stderr);
    let j: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let provisions = j["provisions"].as_array().unwrap();
    assert!(!provisions.is_empty());
    assert!(
        provisions.iter().all(|p| p["status"] == "not-verified"),
        "{}",
        r.stdout
    );
    // The report itself says there is no text, not that the text holds "0 of 0 articles".
    for (lang, title, caveat) in [
        (
            "en",
            "Gap analysis: qa — no national legislation yet\n",
            "no national legislation is available here",
        ),
        (
            "fr",
            "Analyse des lacunes\u{a0}: qa — aucune législation nationale pour l'instant\n",
            "aucune législation nationale n'est disponible",
        ),
        (
            "ar",
            "تحليل الفجوات: qa — لا تشريع وطني بعد\n",
            "لا يتوفر هنا أي نص من التشريع الوطني",
        ),
    ] {
        let r = q(dir, &["compare", "qa", "--lang", lang]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.starts_with(title), "{}", r.stdout);
        assert!(r.stdout.contains(caveat), "{}", r.stdout);
        assert!(
            !r.stdout.contains(" 0 "),
            "no count of nothing: {}",
            r.stdout
        );
    }
    let r = q(dir, &["compare", "qa", "--lang", "en", "--format", "html"]);
    assert!(
        r.stdout
            .contains("<h1>Gap analysis: qa — no national legislation yet</h1>"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_new_law_file_loads_and_says_how_to_import_instead() {
    let tmp = project();
    let dir = tmp.path();
    let r = q(dir, &["new", "law", "xx", "law-1-2020", "--lang", "ar"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("qanun import"), "{}", r.stderr);
    let text = std::fs::read_to_string(dir.join("countries/xx/legislation/law-1-2020.md")).unwrap();
    assert!(text.contains("official = true") && text.contains("language = \"ar\""));
    let r = q(dir, &["check", "--format", "json"]);
    assert_eq!(r.code, 0, "the new file loads: {}", r.stdout);
    for (args, says) in [
        (vec!["new", "law", "zz", "x"], "there is no country `zz`"),
        (vec!["new", "law", "xx", "Bad Id"], "not a valid law id"),
        (vec!["new", "law", "xx", "law-1-2020"], "already exists"),
    ] {
        let r = q(dir, &args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
    }
}
