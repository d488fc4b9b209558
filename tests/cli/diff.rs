//! `qanun diff`: fixture pairs under tests/fixtures/diff/<case>/{old,new}, git revisions in a
//! temporary repository, hostile text, broken pipes and exit statuses.

use crate::support::{Project, Run, fixtures, qanun, run_in};
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn case_dir(case: &str, side: &str) -> PathBuf {
    fixtures().join("diff").join(case).join(side)
}

/// Runs `qanun diff <case>/old <case>/new <args…>` with the new side as root.
fn diff_case(case: &str, args: &[&str]) -> Run {
    let old = case_dir(case, "old");
    let new = case_dir(case, "new");
    let mut all = vec!["diff", path_str(&old), path_str(&new)];
    all.extend_from_slice(args);
    let run = run_in(&new, &all);
    run.assert_no_panic();
    run
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("fixture paths are UTF-8")
}

fn json_case(case: &str, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let run = diff_case(case, &all);
    assert_eq!(run.code, 1, "{case}: {}", run.stderr);
    run.json()
}

/// The change with this id.
fn change<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["changes"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["id"] == id))
        .unwrap_or_else(|| panic!("no change for {id}: {v:#}"))
}

fn kinds(v: &Value, id: &str) -> Vec<String> {
    change(v, id)["kind"]
        .as_array()
        .map(|k| {
            k.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn identical_drafts_exit_0() {
    let dir = case_dir("added", "old");
    let run = run_in(&dir, &["diff", path_str(&dir), path_str(&dir)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("no differences"), "{}", run.stdout);
}

#[test]
fn an_added_clause_is_added_and_the_following_ones_renumbered() {
    let v = json_case("added", &[]);
    assert_eq!(kinds(&v, "support-line"), ["added"]);
    assert_eq!(change(&v, "support-line")["new_number"], "3");
    assert!(change(&v, "support-line")["old_number"].is_null());
    assert_eq!(kinds(&v, "consent"), ["renumbered"]);
    assert_eq!(change(&v, "consent")["old_number"], "3");
    assert_eq!(change(&v, "consent")["new_number"], "4");
    assert_eq!(v["summary"]["added"], 1);
    assert_eq!(v["summary"]["moved"], 0);
    let text = &change(&v, "support-line")["text"];
    assert_eq!(text["ar"][0]["op"], "insert");
    assert!(
        text["en"][0]["text"]
            .as_str()
            .unwrap_or("")
            .contains("telephone line")
    );
}

#[test]
fn a_removed_clause_is_removed() {
    let v = json_case("removed", &[]);
    assert_eq!(kinds(&v, "consent"), ["removed"]);
    assert_eq!(change(&v, "consent")["text"]["ar"][0]["op"], "delete");
    assert_eq!(kinds(&v, "non-punishment"), ["renumbered"]);
    assert_eq!(v["summary"]["removed"], 1);
}

#[test]
fn arabic_changed_alone_flags_the_english_as_stale() {
    let v = json_case("modified-ar", &[]);
    let c = change(&v, "offence");
    assert_eq!(kinds(&v, "offence"), ["modified"]);
    assert_eq!(c["fields"], serde_json::json!(["text.ar"]));
    assert_eq!(c["stale_translations"], serde_json::json!(["en"]));
    let ops: Vec<(&str, &str)> = c["text"]["ar"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| {
                    (
                        s["op"].as_str().unwrap_or(""),
                        s["text"].as_str().unwrap_or(""),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert!(ops.contains(&("insert", "أو شرع في ارتكاب ")), "{ops:?}");
    assert!(c["text"]["en"].is_null());
}

#[test]
fn english_changed_alone_flags_the_arabic_as_stale() {
    let v = json_case("modified-en", &[]);
    let c = change(&v, "non-punishment");
    assert_eq!(c["fields"], serde_json::json!(["text.en"]));
    assert_eq!(c["stale_translations"], serde_json::json!(["ar"]));
    let run = diff_case("modified-en", &[]);
    assert!(
        run.stdout.contains("translation may be stale: ar"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("prosecuted{+, detained+} or punished"),
        "{}",
        run.stdout
    );
}

#[test]
fn both_languages_changed_flags_nothing_stale() {
    let v = json_case("modified-both", &[]);
    let c = change(&v, "shelter");
    assert_eq!(c["fields"], serde_json::json!(["text.ar", "text.en"]));
    assert_eq!(c["stale_translations"], serde_json::json!([]));
}

#[test]
fn a_clause_under_a_new_id_with_the_same_text_is_renamed() {
    let v = json_case("renamed", &[]);
    let c = change(&v, "consent-irrelevant");
    assert_eq!(kinds(&v, "consent-irrelevant"), ["renamed"]);
    assert_eq!(c["old_id"], "consent");
    assert_eq!(c["similarity"], 1.0);
    assert_eq!(v["summary"]["renamed"], 1);
    assert_eq!(v["summary"]["added"], 0);
    assert_eq!(v["summary"]["removed"], 0);
}

#[test]
fn a_clause_that_changed_chapter_is_moved_even_with_the_same_number() {
    let v = json_case("moved-chapter", &[]);
    let c = change(&v, "consent");
    assert_eq!(kinds(&v, "consent"), ["moved"]);
    assert_eq!(c["old_number"], c["new_number"]);
    assert_eq!(c["chapter"]["old"], "general");
    assert_eq!(c["chapter"]["new"], "protection");
}

#[test]
fn a_clause_whose_order_changed_is_moved_and_the_others_only_renumbered() {
    let v = json_case("moved-order", &[]);
    assert_eq!(kinds(&v, "definitions"), ["moved"]);
    assert_eq!(kinds(&v, "offence"), ["renumbered"]);
    assert_eq!(kinds(&v, "consent"), ["renumbered"]);
    assert_eq!(v["summary"]["moved"], 1);
}

#[test]
fn a_clause_renumbered_because_one_came_before_it_has_not_moved() {
    let v = json_case("renumbered", &[]);
    for id in [
        "definitions",
        "offence",
        "consent",
        "non-punishment",
        "shelter",
    ] {
        assert_eq!(kinds(&v, id), ["renumbered"], "{id}");
    }
    assert_eq!(v["summary"]["moved"], 0);
    assert_eq!(v["summary"]["modified"], 0);
    let run = diff_case("renumbered", &[]);
    assert!(run.stdout.contains("renumbered only"), "{}", run.stdout);
}

#[test]
fn for_a_country_references_and_terms_are_compared_as_rendered() {
    let v = json_case("renumbered", &["--country", "jo"]);
    assert_eq!(v["country"], "jo");
    // The reference to `definitions` now reads Article 2: the text changed for Jordan.
    assert_eq!(kinds(&v, "offence"), ["modified", "renumbered"]);
    let en: String = change(&v, "offence")["text"]["en"]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["text"].as_str()).collect())
        .unwrap_or_default();
    assert!(en.contains("temporary hard labour"), "{en}");
    let bad = diff_case("renumbered", &["--country", "zz"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("no country `zz`"), "{}", bad.stderr);
}

#[test]
fn a_status_change_is_flagged_prominently() {
    let v = json_case("status", &[]);
    let c = change(&v, "shelter");
    assert_eq!(c["fields"], serde_json::json!(["status"]));
    assert_eq!(c["status"]["old"], "optional");
    assert_eq!(c["status"]["new"], "mandatory");
    let text = diff_case("status", &[]).stdout;
    assert!(
        text.contains("!! status changed: optional → mandatory !!"),
        "{text}"
    );
    let md = diff_case("status", &["--format", "md"]).stdout;
    assert!(
        md.contains("**⚠ Status changed: optional → mandatory**"),
        "{md}"
    );
    let html = diff_case("status", &["--format", "html"]).stdout;
    assert!(html.contains("<p class=\"flag\">⚠ Status changed: optional → mandatory</p>"));
}

#[test]
fn instrument_and_tag_changes_are_listed() {
    let v = json_case("instruments", &[]);
    assert_eq!(
        change(&v, "offence")["instruments"]["added"],
        serde_json::json!(["untoc:5"])
    );
    assert_eq!(
        change(&v, "definitions")["instruments"]["removed"],
        serde_json::json!(["palermo:3(a)"])
    );
    assert_eq!(
        change(&v, "offence")["fields"],
        serde_json::json!(["instruments"])
    );
    assert_eq!(change(&v, "consent")["fields"], serde_json::json!(["tags"]));
    assert_eq!(
        change(&v, "consent")["tags"]["added"],
        serde_json::json!(["children"])
    );
}

#[test]
fn hostile_text_stays_text_in_every_format() {
    let text = diff_case("hostile", &[]);
    assert_eq!(text.code, 1);
    assert!(
        text.stdout
            .contains(r#"<script>alert(1)</script> #read("/etc/passwd") *x*"#)
    );

    let html = diff_case("hostile", &["--format", "html"]).stdout;
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("#read(&quot;/etc/passwd&quot;) *x*"));
    assert!(html.contains("&lt;b&gt;offence&lt;/b&gt;"));

    let md = diff_case("hostile", &["--format", "md"]).stdout;
    assert!(!md.contains("<script"), "{md}");
    assert!(!md.contains("<b>"), "{md}");
    assert!(
        md.contains(r#"&lt;script&gt;alert\(1\)&lt;/script&gt; \#read\("/etc/passwd"\) \*x\*"#),
        "{md}"
    );

    let v = json_case("hostile", &[]);
    let ar: String = change(&v, "offence")["text"]["ar"]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["text"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        ar.ends_with(r#" <script>alert(1)</script> #read("/etc/passwd") *x*"#),
        "{ar}"
    );
    assert_eq!(
        change(&v, "offence")["titles"]["en"]["new"],
        "The <b>offence</b> of trafficking"
    );
}

#[test]
fn the_html_is_a_self_contained_right_to_left_redline_with_a_change_list() {
    let html = diff_case("modified-ar", &["--format", "html"]).stdout;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("src="));
    assert!(!html.contains("href=\"http"));
    assert!(html.contains("<a href=\"#c-offence\">"));
    assert!(html.contains("id=\"c-offence\""));
    assert!(html.contains("class=\"sbs\""));
    assert!(html.contains("<div class=\"old\" lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("<ins>أو شرع في ارتكاب </ins>"), "{html}");
}

#[test]
fn the_markdown_redline_links_each_change_and_marks_arabic_rtl() {
    let md = diff_case("removed", &["--format", "md"]).stdout;
    assert!(md.contains("](#c-removed-consent)"), "{md}");
    assert!(md.contains("<a id=\"c-removed-consent\"></a>"), "{md}");
    assert!(md.contains("<div lang=\"ar\" dir=\"rtl\">"), "{md}");
    assert!(md.contains("<del>لا يُعتدّ برضا"), "{md}");
    assert!(
        md.contains("## <a id=\"renumbered\"></a>Renumbered only"),
        "{md}"
    );
}

#[test]
fn the_language_option_limits_the_comparison() {
    let run = diff_case("modified-en", &["--lang", "ar"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let run = diff_case("modified-en", &["--lang", "en", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.json()["langs"], serde_json::json!(["en"]));
}

#[test]
fn diacritics_can_be_ignored() {
    let old = Project::from_fixtures(&["diff/modified-ar/old"]);
    let new = Project::from_fixtures(&["diff/modified-ar/old"]);
    let rel = "law/clauses/offence.md";
    let text = std::fs::read_to_string(old.path().join(rel)).expect("read");
    new.write(rel, text.replace("كلُّ", "كل").replace("يُعاقب", "يعاقب"));
    let args = |extra: &[&'static str]| -> Vec<String> {
        let mut v = vec![
            "diff".to_string(),
            old.path().display().to_string(),
            new.path().display().to_string(),
        ];
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    let plain: Vec<String> = args(&[]);
    let run = new.run(&plain.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(run.code, 1, "{}", run.stdout);
    let ignoring = args(&["--ignore-diacritics"]);
    let run = new.run(&ignoring.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn context_limits_the_unchanged_words_shown() {
    let wide = diff_case("modified-ar", &["--context", "50"]).stdout;
    assert!(wide.contains("وفق [[definitions]]."), "{wide}");
    let narrow = diff_case("modified-ar", &["--context", "1"]).stdout;
    assert!(
        narrow.contains("ارتكب {+أو شرع في ارتكاب +}جريمة …"),
        "{narrow}"
    );
    assert!(!narrow.contains("[[definitions]]"), "{narrow}");
}

#[test]
fn colour_marks_changes_with_styles_instead_of_brackets() {
    let old = case_dir("modified-ar", "old");
    let new = case_dir("modified-ar", "new");
    let out = qanun()
        .args(["--color", "always", "diff", path_str(&old), path_str(&new)])
        .output()
        .expect("run");
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("\u{1b}["), "{s}");
    assert!(!s.contains("{+"), "{s}");
    let plain = diff_case("modified-ar", &[]).stdout;
    assert!(!plain.contains('\u{1b}'));
    assert!(plain.contains("{+أو شرع في ارتكاب +}"));
}

#[test]
fn two_article_files_are_compared_directly() {
    let old = case_dir("modified-ar", "old").join("law/clauses/offence.md");
    let new = case_dir("modified-ar", "new").join("law/clauses/offence.md");
    let run = run_in(
        &case_dir("modified-ar", "new"),
        &["diff", "--format", "json", path_str(&old), path_str(&new)],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let v = run.json();
    assert_eq!(kinds(&v, "offence"), ["modified"]);
    // An article file against a whole draft: compared with that draft's article of that id.
    let whole = case_dir("modified-ar", "new");
    let run = run_in(
        &whole,
        &["diff", "--format", "json", path_str(&old), path_str(&whole)],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.json()["changes"].as_array().map(Vec::len), Some(1));
    // Two different articles are paired whatever their ids.
    let other = case_dir("modified-ar", "new").join("law/clauses/shelter.md");
    let run = run_in(
        &whole,
        &["diff", "--format", "json", path_str(&old), path_str(&other)],
    );
    assert_eq!(kinds(&run.json(), "shelter"), ["modified", "renamed"]);
}

#[test]
fn a_draft_that_does_not_load_is_trouble_with_its_diagnostics() {
    let broken = Project::from_fixtures(&["diff/modified-ar/old"]);
    broken.write(
        "law/clauses/consent.md",
        "+++\nid = \"consent\"\nstatus = \n+++\n",
    );
    let new = case_dir("modified-ar", "new");
    let run = broken.run(&["diff", &broken.path().display().to_string(), path_str(&new)]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("in OLD"), "{}", run.stderr);
    assert!(
        run.stderr.contains("law/clauses/consent.md"),
        "{}",
        run.stderr
    );
    let missing = run_in(&new, &["diff", "/nonexistent/qanun-draft", path_str(&new)]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("neither a file nor a folder"),
        "{}",
        missing.stderr
    );
}

#[test]
fn pdf_redline_holds_the_changed_words_and_keeps_hostile_text_literal() {
    let out = tempfile::tempdir().expect("temp dir");
    let path = out.path().join("redline.pdf");
    let run = diff_case("modified-ar", &["--format", "pdf", "-o", path_str(&path)]);
    assert_eq!(run.code, 1, "differences found: {}", run.stderr);
    let bytes = std::fs::read(&path).expect("written");
    assert!(bytes.starts_with(b"%PDF-"));
    let hostile = out.path().join("hostile.pdf");
    let run = diff_case("hostile", &["--format", "pdf", "-o", path_str(&hostile)]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    if let Some(text) = crate::render::pdf_text(&hostile) {
        assert!(text.contains("Redline"), "{text}");
        assert!(
            text.contains("<script>"),
            "hostile text shown literally: {text}"
        );
    }
}

#[test]
fn output_goes_to_a_file_when_asked() {
    let out = tempfile::tempdir().expect("temp dir");
    let path = out.path().join("redline/diff.html");
    let run = diff_case("status", &["--format", "html", "-o", path_str(&path)]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let html = std::fs::read_to_string(&path).expect("written");
    assert!(html.contains("Status changed"));
}

/// Runs git in `dir` with a fixed identity.
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=qanun tests",
            "-c",
            "user.email=tests@qanun.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn copy_law(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to.join("law"));
    for rel in ["law/law.toml", "law/variables.toml"] {
        copy(&from.join(rel), &to.join(rel));
    }
    let clauses = from.join("law/clauses");
    for e in std::fs::read_dir(&clauses).expect("clauses").flatten() {
        copy(&e.path(), &to.join("law/clauses").join(e.file_name()));
    }
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
    std::fs::copy(from, to).expect("copy");
}

#[test]
fn git_revisions_are_read_from_the_repository() {
    let repo = tempfile::tempdir().expect("temp dir");
    // The project sits in a sub-folder of the repository.
    let proj = repo.path().join("drafts");
    git(repo.path(), &["init", "-q"]);
    copy_law(&case_dir("moved-order", "old"), &proj);
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-q", "-m", "first draft"]);
    copy_law(&case_dir("moved-order", "new"), &proj);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "second draft"]);

    let run = run_in(
        &proj,
        &["diff", "--format", "json", "git:HEAD~1", "git:HEAD"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let v = run.json();
    assert!(
        v["old"].as_str().unwrap_or("").starts_with("git:HEAD~1 ("),
        "{v}"
    );
    assert_eq!(kinds(&v, "definitions"), ["moved"]);

    let same = run_in(&proj, &["diff", "git:HEAD", path_str(&proj)]);
    assert_eq!(same.code, 0, "{}{}", same.stdout, same.stderr);

    let bad = run_in(&proj, &["diff", "git:no-such-rev", "git:HEAD"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("is not a revision"), "{}", bad.stderr);
    bad.assert_no_panic();

    let outside = tempfile::tempdir().expect("temp dir");
    let run = run_in(outside.path(), &["diff", "git:HEAD", path_str(&proj)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("git"), "{}", run.stderr);
}

#[test]
fn piping_into_head_ends_quietly() {
    let proj = Project::from_fixtures(&["diff/added/old"]);
    let mut list = Vec::new();
    for i in 0..400 {
        let id = format!("extra-{i}");
        proj.write(
            &format!("law/clauses/{id}.md"),
            format!(
                "+++\nid = \"{id}\"\nstatus = \"optional\"\n+++\n\n## ar\n\n{}\n\n## en\n\n{}\n",
                "نص إضافي طويل للمادة رقم {i} يتكرر لملء المخرجات. ".repeat(6),
                "Long additional text for this article, repeated to fill the output. ".repeat(6)
            ),
        );
        list.push(format!("\"{id}\""));
    }
    let toml = std::fs::read_to_string(proj.path().join("law/law.toml")).expect("law.toml");
    proj.write(
        "law/law.toml",
        toml.replace(
            "clauses = [\"non-punishment\", \"shelter\"]",
            &format!(
                "clauses = [\"non-punishment\", \"shelter\", {}]",
                list.join(", ")
            ),
        ),
    );
    let old = case_dir("added", "old");
    let mut child = qanun()
        .args(["--color", "never", "diff", path_str(&old)])
        .arg(proj.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 64];
    let mut stdout = child.stdout.take().expect("stdout");
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("internal error"), "{stderr}");
    assert!(stderr.trim().is_empty(), "{stderr}");
    // The drafts differ: a reader that stopped early does not turn that into "no differences".
    assert_eq!(out.status.code(), Some(1), "{:?}", out.status);
}

#[test]
fn with_one_language_headings_name_articles_in_that_language() {
    let run = diff_case("modified-both", &["--lang", "en", "--color", "never"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let heading = run
        .stdout
        .lines()
        .find(|l| l.starts_with('~'))
        .expect("a change");
    assert!(
        !heading
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{heading}"
    );
    let run = diff_case("modified-both", &["--color", "never"]);
    let heading = run
        .stdout
        .lines()
        .find(|l| l.starts_with('~'))
        .expect("a change");
    assert!(
        heading
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "the primary language by default: {heading}"
    );
}

#[test]
fn a_country_is_compared_in_its_own_languages_only() {
    // The shipped law has French; Jordan's version does not, Morocco's does.
    let (root, old, new, _keep) = crate::support::shipped_drafts();
    let jo = run_in(
        &root,
        &["diff", &old, &new, "--country", "jo", "--format", "json"],
    );
    assert_eq!(jo.code, 1, "{}", jo.stderr);
    assert_eq!(jo.json()["langs"], serde_json::json!(["ar", "en"]));
    let ma = run_in(
        &root,
        &["diff", &old, &new, "--country", "ma", "--format", "json"],
    );
    assert_eq!(ma.code, 1, "{}", ma.stderr);
    assert_eq!(ma.json()["langs"], serde_json::json!(["ar", "en", "fr"]));
}
