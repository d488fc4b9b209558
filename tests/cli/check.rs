//! `qanun check`: every kind of problem, on its own fixture, at its exact file:line:column.

use crate::support::{Project, run_in};
use serde_json::Value;

/// Runs `check --format json` on the valid fixture overlaid with an error case.
fn check_case(case: &str) -> (i32, Vec<Value>) {
    let p = Project::from_fixtures(&["check/valid", &format!("check/errors/{case}")]);
    let r = p.run(&["check", "--format", "json"]);
    r.assert_no_panic();
    let j = r.json();
    (
        r.code,
        j["diagnostics"].as_array().cloned().unwrap_or_default(),
    )
}

/// Asserts that a diagnostic with `code` exists at `file:line:column` and returns it.
fn expect(diags: &[Value], code: &str, file: &str, line: u64, column: u64) -> Value {
    diags
        .iter()
        .find(|d| {
            d["code"] == code && d["file"] == file && d["line"] == line && d["column"] == column
        })
        .cloned()
        .unwrap_or_else(|| panic!("no {code} at {file}:{line}:{column} in {diags:#?}"))
}

fn assert_error(case: &str, code: &str, file: &str, line: u64, column: u64) -> Value {
    let (exit, diags) = check_case(case);
    assert_eq!(exit, 1, "{case} must fail");
    let d = expect(&diags, code, file, line, column);
    assert_eq!(d["severity"], "error");
    assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()));
    d
}

const DEF: &str = "law/clauses/general/definitions.md";
const OFF: &str = "law/clauses/general/offence.md";

#[test]
fn the_valid_fixture_passes_strictly() {
    let p = Project::from_fixtures(&["check/valid"]);
    let r = p.run(&["check", "--strict"]);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("checked 4 articles and 1 countries: 0 errors, 0 warnings"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("translation: ar 4/4, en 4/4, fr 0/4 (optional)"),
        "{}",
        r.stdout
    );
}

#[test]
fn toml_syntax_error_is_placed_in_the_file_not_the_block() {
    let d = assert_error("toml-syntax", "toml-syntax", DEF, 3, 10);
    assert!(d["hint"].as_str().unwrap().contains("double quotes"));
}

#[test]
fn unknown_key_is_reported_at_the_key() {
    let d = assert_error("unknown-key", "unknown-key", DEF, 4, 1);
    assert!(d["message"].as_str().unwrap().contains("titel"));
}

#[test]
fn wrong_type_and_missing_key_and_invalid_value() {
    assert_error("wrong-type", "wrong-type", DEF, 4, 8);
    let (exit, diags) = check_case("missing-key");
    assert_eq!(exit, 1);
    assert!(diags.iter().any(|d| d["code"] == "missing-key"
        && d["file"] == DEF
        && d["message"].as_str().unwrap().contains("status")));
    assert_error("invalid-value", "invalid-value", DEF, 3, 10);
}

#[test]
fn id_must_equal_file_stem() {
    assert_error("id-mismatch", "id-mismatch", DEF, 2, 6);
}

#[test]
fn duplicate_ids_are_reported() {
    let (exit, diags) = check_case("duplicate-id");
    assert_eq!(exit, 1);
    assert!(
        diags.iter().any(|d| d["code"] == "duplicate-id"),
        "{diags:#?}"
    );
}

#[test]
fn listed_clause_without_file_and_file_listed_nowhere() {
    let d = assert_error(
        "missing-clause-file",
        "missing-clause-file",
        "law/law.toml",
        27,
        30,
    );
    assert!(d["message"].as_str().unwrap().contains("victims-fund"));
    assert_error(
        "unlisted-clause",
        "unlisted-clause",
        "law/clauses/general/scope.md",
        2,
        6,
    );
}

#[test]
fn unknown_reference_suggests_the_near_id() {
    let d = assert_error(
        "unknown-reference",
        "unknown-reference",
        "law/clauses/protection/non-punishment.md",
        14,
        76,
    );
    assert!(
        d["hint"].as_str().unwrap().contains("[[definitions]]"),
        "{d}"
    );
}

#[test]
fn unknown_instrument_article_and_paragraph() {
    assert_error("unknown-instrument", "unknown-instrument", OFF, 5, 16);
    assert_error("unknown-article", "unknown-article", OFF, 5, 16);
    let d = assert_error("unknown-paragraph", "unknown-paragraph", OFF, 5, 16);
    assert!(d["hint"].as_str().unwrap().contains("1, 2"));
}

#[test]
fn variables_undeclared_undefined_and_unused() {
    assert_error("undeclared-variable", "undeclared-variable", OFF, 18, 88);
    // A country that lacks a term: reported where the article uses the variable.
    let d = assert_error("undefined-variable", "undefined-variable", OFF, 18, 88);
    assert!(d["message"].as_str().unwrap().contains("Jordan"));
    assert!(d["hint"].as_str().unwrap().contains("[terms.en]"));
    let (exit, diags) = check_case("unused-term");
    assert_eq!(exit, 0, "a warning alone passes without --strict");
    let w = expect(&diags, "unused-term", "countries/jo/country.toml", 19, 17);
    assert_eq!(w["severity"], "warning");
}

#[test]
fn strict_fails_on_warnings() {
    let p = Project::from_fixtures(&["check/valid", "check/errors/unused-term"]);
    assert_eq!(p.run(&["check"]).code, 0);
    assert_eq!(p.run(&["check", "--strict"]).code, 1);
}

#[test]
fn a_missing_required_language_is_an_error() {
    let d = assert_error("missing-translation", "missing-translation", OFF, 2, 6);
    assert!(d["message"].as_str().unwrap().contains("English"));
}

#[test]
fn bidi_controls_are_errors() {
    assert_error("forbidden-character", "forbidden-character", OFF, 14, 41);
}

#[test]
fn non_utf8_file_names_the_byte_offset() {
    let (exit, diags) = check_case("not-utf8");
    assert_eq!(exit, 1);
    let d = diags
        .iter()
        .find(|d| d["code"] == "not-utf8")
        .expect("not-utf8");
    assert_eq!(d["file"], OFF);
    assert_eq!(d["line"], 14);
    assert_eq!(d["column"], 42);
    assert_eq!(diags.len(), 1, "a broken file is reported once: {diags:#?}");
    assert!(
        d["message"].as_str().unwrap().contains("byte offset"),
        "{d}"
    );
}

#[test]
fn an_unreadable_file_is_reported() {
    let (exit, diags) = check_case("unreadable");
    assert_eq!(exit, 1);
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "unreadable" && d["file"] == "law/clauses/general/ghost.md"),
        "{diags:#?}"
    );
}

#[test]
fn unknown_sections_tags_and_unclosed_front_matter() {
    assert_error("unknown-section", "unknown-section", OFF, 16, 4);
    assert_error("unknown-tag", "unknown-tag", OFF, 4, 9);
    assert_error("unclosed-front-matter", "unclosed-front-matter", OFF, 1, 1);
}

#[test]
fn variant_omissions_are_checked() {
    let d = assert_error(
        "omitted-without-reason",
        "omitted-without-reason",
        "countries/jo/variant/variant.toml",
        1,
        1,
    );
    assert!(d["message"].as_str().unwrap().contains("non-punishment"));
    assert_error(
        "reference-to-omitted",
        "reference-to-omitted",
        "law/clauses/protection/non-punishment.md",
        14,
        76,
    );
}

#[test]
fn options_must_match_across_languages() {
    let (exit, diags) = check_case("option-mismatch");
    assert_eq!(exit, 1);
    assert!(
        diags.iter().any(|d| d["code"] == "option-mismatch"),
        "{diags:#?}"
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let p = Project::from_fixtures(&[
        "check/valid",
        "check/errors/unknown-key",
        "check/errors/unknown-article",
        "check/errors/forbidden-character",
    ]);
    let r = p.run(&["check", "--format", "json"]);
    let j = r.json();
    assert!(j["errors"].as_u64().unwrap() >= 2, "{j}");
}

#[test]
fn text_output_reads_like_a_compiler() {
    let p = Project::from_fixtures(&["check/valid", "check/errors/unknown-key"]);
    let r = p.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("error[unknown-key]"), "{}", r.stdout);
    assert!(r.stdout.contains(&format!("{DEF}:4:1")), "{}", r.stdout);
    assert!(
        r.stdout.contains("titel = \"x\""),
        "the line is quoted: {}",
        r.stdout
    );
    assert!(r.stdout.contains("hint:"), "{}", r.stdout);
    assert!(!r.stdout.contains('\u{1b}'), "no colour with --color never");
}

#[test]
fn colour_follows_the_flag() {
    let p = Project::from_fixtures(&["check/valid", "check/errors/unknown-key"]);
    let out = crate::support::qanun()
        .args(["--root"])
        .arg(p.path())
        .args(["--color", "always", "check"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn usage_errors_exit_2_and_a_missing_law_too() {
    let r = run_in(std::path::Path::new("/"), &["check", "--format", "yaml"]);
    assert_eq!(r.code, 2);
    let empty = tempfile::tempdir().unwrap();
    let r = run_in(empty.path(), &["check"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no law/law.toml"), "{}", r.stderr);
}

#[test]
fn a_country_replacement_article_is_checked_like_the_model() {
    let (exit, diags) = check_case("variant-clause");
    assert_eq!(exit, 1);
    expect(
        &diags,
        "unknown-reference",
        "countries/jo/variant/clauses/non-punishment.md",
        14,
        44,
    );
    expect(
        &diags,
        "missing-translation",
        "countries/jo/variant/clauses/non-punishment.md",
        2,
        6,
    );
}
