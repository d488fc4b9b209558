//! `qanun check`: every kind of problem, on its own fixture, at its exact file:line:column.

use crate::support::{Project, run_in};
use serde_json::Value;

/// Runs `check --format json` on the valid fixture overlaid with an error case.
fn check_case(case: &str) -> (i32, Vec<Value>) {
    check_json(&Project::from_fixtures(&[
        "check/valid",
        &format!("check/errors/{case}"),
    ]))
}

/// Runs `check --format json` on a project: its exit code and diagnostics.
fn check_json(p: &Project) -> (i32, Vec<Value>) {
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
            .contains("checked 4 articles and 1 country: 0 errors, 0 warnings"),
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
fn a_law_toml_saved_as_utf16_is_named_so_and_its_articles_are_not_called_unlisted() {
    // Windows Notepad's "Unicode": one error, what the file is and how to save it; the
    // articles are not reported as listed nowhere, since the list could not be read.
    let p = Project::from_fixtures(&["check/valid"]);
    let text = p.read("law/law.toml");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    p.write("law/law.toml", bytes);
    let r = p.run(&["check", "--format", "json"]);
    r.assert_no_panic();
    assert_eq!(r.code, 1, "{}", r.stdout);
    let j = r.json();
    let errors: Vec<&Value> = j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["code"], "not-utf8");
    assert!(errors[0]["message"].as_str().unwrap().contains("UTF-16"));
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

// ---- law/concepts.toml, the concept lexicon (docs/concepts.md) ----

const CONCEPTS: &str = "law/concepts.toml";

/// A lexicon `check --strict` accepts on the valid fixture (whose articles are `definitions`
/// with two numbered paragraphs, `offence`, `non-punishment` and `shelter-rights`).
const GOOD_CONCEPT: &str = r#"[[concept]]
id = "victim"
label.ar = "الضحية"
label.en = "victim"
label.fr = "victime"
articles = ["definitions/2", "non-punishment"]
requires = ["non-punishment"]
ar = ["ضحية", "ضحايا"]
en = ["victim"]
fr = ["victime"]
"#;

/// Writes `law/concepts.toml` into the valid fixture and runs `check --format json`.
fn check_concepts(text: impl AsRef<[u8]>) -> (i32, Vec<Value>) {
    let p = Project::from_fixtures(&["check/valid"]);
    p.write(CONCEPTS, text);
    let r = p.run(&["check", "--format", "json"]);
    r.assert_no_panic();
    let j = r.json();
    (
        r.code,
        j["diagnostics"].as_array().cloned().unwrap_or_default(),
    )
}

/// The one error `code` in the lexicon at `line:column`, with a message and a hint.
fn concept_error(diags: &[Value], code: &str, line: u64, column: u64) -> Value {
    let d = expect(diags, code, CONCEPTS, line, column);
    assert_eq!(d["severity"], "error", "{d}");
    assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
    assert!(d["hint"].as_str().is_some_and(|h| !h.is_empty()), "{d}");
    d
}

fn concept_warning(diags: &[Value], code: &str, line: u64, column: u64) -> Value {
    let d = expect(diags, code, CONCEPTS, line, column);
    assert_eq!(d["severity"], "warning", "{d}");
    assert!(d["hint"].as_str().is_some_and(|h| !h.is_empty()), "{d}");
    d
}

fn text(d: &Value, key: &str) -> String {
    d[key].as_str().unwrap_or_default().to_string()
}

#[test]
fn a_project_without_a_concept_lexicon_passes() {
    let p = Project::from_fixtures(&["check/valid"]);
    assert!(!p.path().join(CONCEPTS).exists());
    let r = p.run(&["check", "--strict", "--format", "json"]);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let j = r.json();
    assert_eq!(j["errors"], 0, "{j}");
    assert_eq!(j["warnings"], 0, "{j}");
}

#[test]
fn a_good_concept_lexicon_passes_strictly() {
    let (exit, diags) = check_concepts(GOOD_CONCEPT);
    assert_eq!(exit, 0, "{diags:#?}");
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn concepts_broken_toml_is_placed_at_the_mistake() {
    let (exit, diags) = check_concepts("[[concept]]\nid = \"victim\"\nlabel.en = victim\n");
    assert_eq!(exit, 1);
    // `victim` (unquoted) begins at line 3, column 12.
    let d = concept_error(&diags, "toml-syntax", 3, 12);
    assert!(text(&d, "hint").contains("double quotes"), "{d}");
    assert_eq!(diags.len(), 1, "one mistake, one report: {diags:#?}");

    // A misspelt key, and a label language qanun does not know.
    let (exit, diags) = check_concepts(GOOD_CONCEPT.replace("articles =", "article ="));
    assert_eq!(exit, 1);
    let d = concept_error(&diags, "unknown-key", 6, 1);
    assert!(text(&d, "message").contains("article"), "{d}");
    let (exit, diags) = check_concepts(GOOD_CONCEPT.replace("label.fr", "label.de"));
    assert_eq!(exit, 1);
    let d = concept_error(&diags, "unknown-key", 5, 7);
    assert!(text(&d, "message").contains("`de`"), "{d}");
}

#[test]
fn concepts_unknown_article_suggests_the_near_id() {
    let (exit, diags) = check_concepts(GOOD_CONCEPT.replace(
        r#"["definitions/2", "non-punishment"]"#,
        r#"["definitons"]"#,
    ));
    assert_eq!(exit, 1);
    // articles = ["definitons"]: the string begins at line 6, column 13.
    let d = concept_error(&diags, "unknown-article", 6, 13);
    assert!(text(&d, "message").contains("`definitons`"), "{d}");
    assert!(text(&d, "message").contains("`victim`"), "{d}");
    assert!(
        text(&d, "hint").contains("did you mean `definitions`?"),
        "{d}"
    );
    assert_eq!(diags.len(), 1, "{diags:#?}");
}

#[test]
fn concepts_unknown_article_in_requires_is_reported_too() {
    let (exit, diags) = check_concepts(GOOD_CONCEPT.replace(
        r#"requires = ["non-punishment"]"#,
        r#"requires = ["non-punishment", "non-punishmnt", "extradition"]"#,
    ));
    assert_eq!(exit, 1);
    // requires = ["non-punishment", "non-punishmnt", "extradition"]
    //             ^ 13              ^ 31             ^ 48
    let d = concept_error(&diags, "unknown-article", 7, 31);
    assert!(
        text(&d, "hint").contains("did you mean `non-punishment`?"),
        "{d}"
    );
    let d = concept_error(&diags, "unknown-article", 7, 48);
    assert!(text(&d, "message").contains("`extradition`"), "{d}");
    assert!(
        !text(&d, "hint").contains("did you mean"),
        "no near id: {d}"
    );
    assert_eq!(diags.len(), 2, "{diags:#?}");
}

#[test]
fn concepts_unknown_article_reads_like_a_compiler_in_text() {
    let p = Project::from_fixtures(&["check/valid"]);
    p.write(
        CONCEPTS,
        GOOD_CONCEPT.replace(
            r#"["definitions/2", "non-punishment"]"#,
            r#"["definitons"]"#,
        ),
    );
    let r = p.run(&["check"]);
    r.assert_no_panic();
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("error[unknown-article]"), "{}", r.stdout);
    assert!(r.stdout.contains("law/concepts.toml:6:13"), "{}", r.stdout);
    assert!(
        r.stdout.contains(r#"articles = ["definitons"]"#),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("hint: did you mean `definitions`?"),
        "{}",
        r.stdout
    );
}

#[test]
fn concepts_paragraph_the_article_lacks_and_a_malformed_one() {
    // `shelter-rights` has a single (unnumbered) paragraph, `definitions` two.
    let (exit, diags) = check_concepts(GOOD_CONCEPT.replace(
        r#"["definitions/2", "non-punishment"]"#,
        r#"["shelter-rights/99", "shelter-rights/x", "definitions/3", "offence/0", "/2"]"#,
    ));
    assert_eq!(exit, 1);
    // articles = ["shelter-rights/99", "shelter-rights/x", "definitions/3", "offence/0", "/2"]
    //             ^ 13                 ^ 34                ^ 54             ^ 71         ^ 84
    let d = concept_error(&diags, "unknown-paragraph", 6, 13);
    assert!(text(&d, "message").contains("paragraph 99"), "{d}");
    assert!(text(&d, "message").contains("single paragraph"), "{d}");
    assert!(text(&d, "hint").contains(r#""shelter-rights""#), "{d}");
    let d = concept_error(&diags, "bad-concept-article", 6, 34);
    assert!(
        text(&d, "message").contains("`x` is not a paragraph number"),
        "{d}"
    );
    assert!(text(&d, "hint").contains(r#""shelter/2""#), "{d}");
    let d = concept_error(&diags, "unknown-paragraph", 6, 54);
    assert!(text(&d, "message").contains("2 paragraphs"), "{d}");
    assert!(text(&d, "hint").contains("from 1 to 2"), "{d}");
    concept_error(&diags, "bad-concept-article", 6, 71);
    let d = concept_error(&diags, "bad-concept-article", 6, 84);
    assert!(text(&d, "message").contains("names no article"), "{d}");
    assert_eq!(diags.len(), 5, "{diags:#?}");
}

#[test]
fn concepts_empty_expressions_are_errors() {
    let (exit, diags) = check_concepts(
        GOOD_CONCEPT.replace(r#"en = ["victim"]"#, r#"en = ["victim", "", "  ", "«…»"]"#),
    );
    assert_eq!(exit, 1);
    // en = ["victim", "", "  ", "«…»"]
    //                 ^ 17 ^ 21 ^ 27
    for column in [17, 21, 27] {
        let d = concept_error(&diags, "empty-expression", 9, column);
        assert!(
            text(&d, "message").contains("English list of `victim`"),
            "{d}"
        );
    }
    assert_eq!(diags.len(), 3, "{diags:#?}");
}

#[test]
fn concepts_expressions_made_only_of_words_matching_leaves_out_are_warned_of() {
    // Each would never be found: common words, a number, the law's own boilerplate. An
    // expression with one word that counts beside them is kept (the last). A warning, not an
    // error: the expression does no harm, and a lexicon written before the check must not
    // stop a packet.
    let (exit, diags) = check_concepts(GOOD_CONCEPT.replace(
        r#"en = ["victim"]"#,
        r#"en = ["victim", "of the", "12", "this Law", "the law of the victims"]"#,
    ));
    assert_eq!(exit, 0);
    // en = ["victim", "of the", "12", "this Law", "the law of the victims"]
    //                 ^ 17      ^ 27  ^ 33
    for (column, shown) in [(17, "of the"), (27, "12"), (33, "this Law")] {
        let d = concept_warning(&diags, "ignored-expression", 9, column);
        let message = text(&d, "message");
        assert!(message.contains(&format!("“{shown}”")), "{d}");
        assert!(message.contains("English list of `victim`"), "{d}");
        assert!(message.contains("never be found"), "{d}");
        assert!(
            text(&d, "hint").contains("words that carry the concept"),
            "{d}"
        );
    }
    assert_eq!(diags.len(), 3, "{diags:#?}");
    // Arabic too: prepositions and «المادة» are left out.
    let (exit, diags) = check_concepts(GOOD_CONCEPT.replace(
        r#"ar = ["ضحية", "ضحايا"]"#,
        r#"ar = ["ضحية", "في المادة", "ضحايا"]"#,
    ));
    assert_eq!(exit, 0);
    concept_warning(&diags, "ignored-expression", 8, 15);
    assert_eq!(diags.len(), 1, "{diags:#?}");
}

#[test]
fn concepts_expressions_that_differ_only_by_hamza_or_diacritics_are_duplicates() {
    let (exit, diags) = check_concepts(GOOD_CONCEPT.replace(
        r#"ar = ["ضحية", "ضحايا"]"#,
        r#"ar = ["إيواء", "ضحية", "ايواء", "ضحيّة", "ضحايا"]"#,
    ));
    assert_eq!(exit, 1);
    // Columns count characters, not bytes: `ar = [` (6), `"إيواء"` (7), `, ` (2), `"ضحية"` (6),
    // `, ` (2): `"ايواء"` begins at column 24; then 7 + 2 more: `"ضحيّة"` at 33 (its shadda is
    // a character of its own).
    let d = concept_error(&diags, "duplicate-expression", 8, 24);
    assert!(
        text(&d, "message").contains("“ايواء” repeats “إيواء”"),
        "{d}"
    );
    assert!(
        text(&d, "message").contains("Arabic list of `victim`"),
        "{d}"
    );
    let d = concept_error(&diags, "duplicate-expression", 8, 33);
    assert!(text(&d, "message").contains("“ضحيّة” repeats “ضحية”"), "{d}");
    assert_eq!(diags.len(), 2, "{diags:#?}");

    // Case and accents too.
    let (exit, diags) = check_concepts(GOOD_CONCEPT.replace(
        r#"fr = ["victime"]"#,
        r#"fr = ["victime", "Victime", "victimé"]"#,
    ));
    assert_eq!(exit, 1);
    concept_error(&diags, "duplicate-expression", 10, 18);
    concept_error(&diags, "duplicate-expression", 10, 29);
    assert_eq!(diags.len(), 2, "{diags:#?}");
}

#[test]
fn concepts_missing_label_language_is_reported_at_the_concept() {
    let two = format!(
        "{GOOD_CONCEPT}\n{}",
        GOOD_CONCEPT
            .replace(r#"id = "victim""#, r#"id = "child""#)
            .replace("label.fr = \"victime\"\n", "")
            .replace(r#"label.en = "victim""#, r#"label.en = " ""#)
    );
    let (exit, diags) = check_concepts(two);
    assert_eq!(exit, 1);
    // The second concept's `[[concept]]` is line 12 (ten lines, then a blank one); both
    // problems are reported there, the French label missing and the English one blank.
    let labels: Vec<String> = diags
        .iter()
        .filter(|d| d["code"] == "concept-label")
        .map(|d| text(d, "message"))
        .collect();
    assert_eq!(
        labels,
        [
            "the concept `child` has no label in English",
            "the concept `child` has no label in French"
        ],
        "{diags:#?}"
    );
    for d in &diags {
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(12), Some(1)),
            "{d}"
        );
        assert_eq!(d["severity"], "error", "{d}");
    }
    let d = concept_error(&diags, "concept-label", 12, 1);
    assert!(text(&d, "hint").starts_with("add label.en = "), "{d}");
    assert_eq!(diags.len(), 2, "{diags:#?}");
}

#[test]
fn concepts_language_without_expression_is_a_warning() {
    let (exit, diags) = check_concepts(GOOD_CONCEPT.replace(r#"fr = ["victime"]"#, "fr = []"));
    assert_eq!(exit, 0, "a warning alone passes: {diags:#?}");
    let d = expect(&diags, "concept-language", CONCEPTS, 1, 1);
    assert_eq!(d["severity"], "warning");
    assert!(text(&d, "message").contains("French"), "{d}");
    assert!(text(&d, "hint").contains("fr = ["), "{d}");
    let p = Project::from_fixtures(&["check/valid"]);
    p.write(
        CONCEPTS,
        GOOD_CONCEPT.replace(r#"fr = ["victime"]"#, "fr = []"),
    );
    assert_eq!(p.run(&["check", "--strict"]).code, 1);
}

/// A subject outside the model law, as `check --strict` accepts it.
const OUTSIDE: &str = r#"[[concept]]
id = "migrant-smuggling"
label.ar = "تهريب المهاجرين"
label.en = "smuggling of migrants"
label.fr = "trafic illicite de migrants"
outside = true
ar = ["تهريب المهاجرين"]
en = ["migrant smuggling"]
fr = ["trafic illicite de migrants"]
rather_than.ar = ["الاتجار"]
rather_than.en = ["traffick"]
rather_than.fr = ["traite des personnes"]
"#;

#[test]
fn concepts_a_subject_outside_the_model_law_is_checked_like_a_concept() {
    let (exit, diags) = check_concepts(format!("{GOOD_CONCEPT}\n{OUTSIDE}"));
    assert_eq!((exit, diags.len()), (0, 0), "{diags:#?}");
    // Linked to model articles: a contradiction, at the block.
    let (exit, diags) = check_concepts(
        OUTSIDE.replace("outside = true", "outside = true\narticles = [\"offence\"]"),
    );
    assert_eq!(exit, 1);
    let d = concept_error(&diags, "concept-articles", 1, 1);
    assert!(text(&d, "message").contains("outside the model law"), "{d}");
    // Without the words for trafficking it cannot be weighed against them.
    let no_rather: String = OUTSIDE
        .lines()
        .filter(|l| !l.starts_with("rather_than"))
        .map(|l| format!("{l}\n"))
        .collect();
    let (exit, diags) = check_concepts(no_rather);
    assert_eq!(exit, 1);
    concept_error(&diags, "concept-rather-than", 1, 1);
    // rather_than on a concept of the model law.
    let (exit, diags) = check_concepts(format!("{GOOD_CONCEPT}rather_than.en = [\"traffick\"]\n"));
    assert_eq!(exit, 1);
    let d = concept_error(&diags, "concept-rather-than", 11, 1);
    assert!(text(&d, "hint").contains("outside = true"), "{d}");
    // Its lists are checked like any: an empty and a repeated expression, a missing language.
    let (exit, diags) = check_concepts(
        OUTSIDE
            .replace(
                r#"rather_than.en = ["traffick"]"#,
                r#"rather_than.en = ["traffick", "Traffick", " "]"#,
            )
            .replace(
                r#"rather_than.fr = ["traite des personnes"]"#,
                "rather_than.fr = []",
            ),
    );
    assert_eq!(exit, 1);
    let d = concept_error(&diags, "duplicate-expression", 11, 31);
    assert!(
        text(&d, "message").contains("English rather_than list of `migrant-smuggling`"),
        "{d}"
    );
    concept_error(&diags, "empty-expression", 11, 43);
    let d = expect(&diags, "concept-language", CONCEPTS, 1, 1);
    assert!(text(&d, "hint").contains("rather_than.fr = ["), "{d}");
}

#[test]
fn concepts_duplicate_ids_are_reported_at_the_second() {
    let (exit, diags) = check_concepts(format!("{GOOD_CONCEPT}\n{GOOD_CONCEPT}"));
    assert_eq!(exit, 1);
    // The second `id = "victim"` is on line 13; the id's string begins at column 6.
    let d = concept_error(&diags, "duplicate-concept", 13, 6);
    assert!(
        text(&d, "message").contains("`victim` is defined twice"),
        "{d}"
    );
    assert_eq!(diags.len(), 1, "{diags:#?}");

    let (exit, diags) = check_concepts(GOOD_CONCEPT.replace(r#""victim""#, r#""Victim_1""#));
    assert_eq!(exit, 1);
    concept_error(&diags, "bad-concept-id", 2, 6);
}

#[test]
fn concepts_file_not_utf8_names_the_byte() {
    // Windows-1256 alef (0xC7) in the middle of the Arabic expressions of line 8.
    let mut bytes = GOOD_CONCEPT.as_bytes().to_vec();
    let at = GOOD_CONCEPT.find("ضحايا").unwrap();
    bytes.splice(at..at, [0xC7]);
    let (exit, diags) = check_concepts(bytes);
    assert_eq!(exit, 1);
    // ar = ["ضحية", "ضحايا"]: the bad byte comes before ض, the 16th character.
    let d = concept_error(&diags, "not-utf8", 8, 16);
    assert!(
        text(&d, "message").contains(&format!("byte offset {at}")),
        "{d}"
    );
    assert!(text(&d, "hint").contains("UTF-8"), "{d}");
    assert_eq!(diags.len(), 1, "a broken file is reported once: {diags:#?}");
}

#[test]
fn concepts_markup_in_expressions_and_labels_is_only_text() {
    let hostile = GOOD_CONCEPT
        .replace(
            r#"en = ["victim"]"#,
            r#"en = ["victim", "<script>alert('x')</script>", "{{ penalty_trafficking }}", "[[offence]]", "a & b; DROP TABLE"]"#,
        )
        .replace(
            r#"label.en = "victim""#,
            r#"label.en = "<b>victim</b> {% raw %}""#,
        );
    let (exit, diags) = check_concepts(hostile);
    assert_eq!(exit, 0, "{diags:#?}");
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn concepts_control_characters_in_expressions_are_refused_and_never_printed() {
    // TOML escapes: the file holds plain letters, the expression a terminal escape sequence, a
    // NUL and a right-to-left override.
    let hostile = GOOD_CONCEPT
        .replace(
            r#"en = ["victim"]"#,
            r#"en = ["victim", "\u001b[2J\u001b[31mred", "\u0000"]"#,
        )
        .replace(r#"label.fr = "victime""#, r#"label.fr = "victime\u202E""#);
    let (exit, diags) = check_concepts(&hostile);
    assert_eq!(exit, 1);
    // en = ["victim", "\u001b[2J\u001b[31mred", "\u0000"]
    //                 ^ 17                      ^ 43
    let d = concept_error(&diags, "forbidden-character", 9, 17);
    assert!(text(&d, "message").contains("U+001B"), "{d}");
    assert!(text(&d, "message").contains(r"\u{001B}[2J"), "{d}");
    concept_error(&diags, "forbidden-character", 9, 43);
    // label.fr = "victime\u202E"
    let d = concept_error(&diags, "forbidden-character", 5, 12);
    assert!(text(&d, "message").contains("French label"), "{d}");
    assert_eq!(diags.len(), 3, "{diags:#?}");

    // The text report carries none of them either.
    let p = Project::from_fixtures(&["check/valid"]);
    p.write(CONCEPTS, &hostile);
    let r = p.run(&["check"]);
    r.assert_no_panic();
    assert_eq!(r.code, 1);
    for c in ['\u{1b}', '\u{0}', '\u{202E}'] {
        assert!(
            !r.stdout.contains(c),
            "U+{:04X} printed: {}",
            c as u32,
            r.stdout
        );
    }

    // An id or an article id full of escapes is quoted harmlessly too.
    let (exit, diags) = check_concepts(
        GOOD_CONCEPT
            .replace(r#"id = "victim""#, r#"id = "\u001b]0;x\u0007""#)
            .replace(r#""non-punishment"]"#, r#""\u001b[1m"]"#),
    );
    assert_eq!(exit, 1);
    concept_error(&diags, "bad-concept-id", 2, 6);
    let d = concept_error(&diags, "unknown-article", 6, 30);
    for d in &diags {
        assert!(!d.to_string().contains("\\u001b"), "raw ESC in {d}");
    }
    assert!(text(&d, "message").contains(r"\u{001B}[1m"), "{d}");
}

#[test]
fn an_unknown_kind_of_national_text_is_placed_at_its_value_with_the_accepted_ones() {
    const LEG: &str = "countries/jo/legislation/law-9-2009.md";
    let p = Project::from_fixtures(&["check/valid"]);
    let text = std::fs::read_to_string(p.path().join(LEG)).expect("fixture");
    p.write(
        LEG,
        text.replacen(
            "official = false\n",
            "official = false\nkind = \"bylaw\"\n",
            1,
        ),
    );
    let r = p.run(&["check", "--format", "json"]);
    r.assert_no_panic();
    assert_eq!(r.code, 1, "{}", r.stdout);
    let diags = r.json()["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let d = expect(&diags, "unknown-kind", LEG, 8, 8);
    assert!(
        d["hint"]
            .as_str()
            .is_some_and(|h| h.contains("kind = \"law\"") && h.contains("kind = \"regulation\"")),
        "{d}"
    );
    // The accepted values pass.
    for kind in ["law", "regulation"] {
        p.write(
            LEG,
            text.replacen(
                "official = false\n",
                &format!("official = false\nkind = \"{kind}\"\n"),
                1,
            ),
        );
        let r = p.run(&["check", "--format", "json"]);
        assert_eq!(r.code, 0, "{kind}: {}", r.stdout);
    }
}

#[test]
fn a_variable_without_a_description_in_a_language_of_the_law_is_a_warning_at_it() {
    // The valid fixture's articles are written in Arabic and English; drop the English
    // description of one variable: the English model law would show it in another language.
    const VARS: &str = "law/variables.toml";
    let p = Project::from_fixtures(&["check/valid"]);
    let text = std::fs::read_to_string(p.path().join(VARS)).expect("fixture");
    let line = text
        .lines()
        .position(|l| l == "[penalty_trafficking]")
        .expect("the variable") as u64
        + 1;
    p.write(
        VARS,
        text.replacen("en = \"the penalty for trafficking\"\n", "", 1),
    );
    let r = p.run(&["check", "--format", "json"]);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "a warning only: {}", r.stdout);
    let diags = r.json()["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let d = diags
        .iter()
        .find(|d| d["code"] == "variable-description-missing")
        .unwrap_or_else(|| panic!("no warning in {diags:#?}"));
    assert_eq!(d["file"], VARS);
    assert!(
        d["line"]
            .as_u64()
            .is_some_and(|l| l == line || l == line + 1),
        "{d}"
    );
    assert_eq!(d["severity"], "warning");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("`penalty_trafficking`"),
        "{d}"
    );
    assert!(d["message"].as_str().unwrap().contains("English"), "{d}");
    assert!(d["hint"].as_str().unwrap().contains("en = "), "{d}");
    // French is an optional language no article of the fixture is written in: no warning
    // for it, though the variables have no French.
    assert_eq!(
        diags
            .iter()
            .filter(|d| d["code"] == "variable-description-missing")
            .count(),
        1,
        "{diags:#?}"
    );
    let strict = p.run(&["check", "--strict", "--format", "json"]);
    assert_eq!(strict.code, 1, "{}", strict.stdout);
}

// ---- `model: none`: an article an analyst found to enact no model provision ----

const LAW_9: &str = "countries/jo/legislation/law-9-2009.md";

#[test]
fn model_none_is_accepted_alone_and_refused_beside_ids() {
    let p = Project::from_fixtures(&["check/valid"]);
    let text = p.read(LAW_9);
    p.write(
        LAW_9,
        text.replace("model: definitions, offence", "model: none"),
    );
    let r = p.run(&["check", "--strict", "--format", "json"]);
    r.assert_no_panic();
    assert_eq!(r.code, 0, "{}", r.stdout);
    // `none` beside an id contradicts itself: said where, and how to fix it.
    p.write(
        LAW_9,
        text.replace("model: definitions, offence", "model: definitions, none"),
    );
    let r = p.run(&["check", "--format", "json"]);
    r.assert_no_panic();
    assert_eq!(r.code, 1);
    let diags = r.json()["diagnostics"].as_array().cloned().unwrap();
    let d = expect(&diags, "none-with-ids", LAW_9, 18, 21);
    assert!(
        d["hint"].as_str().unwrap().contains("`model: none` alone"),
        "{d}"
    );
    // `none` is not taken for an unknown article id.
    assert!(
        diags.iter().all(|d| d["code"] != "unknown-reference"),
        "{diags:#?}"
    );
}

#[test]
fn concepts_count_alternative_wordings_as_one_paragraph() {
    // non-punishment offers two wordings of paragraph 1, then paragraph 2: it has two
    // paragraphs, so "/2" is its second paragraph and "/3" names none.
    let p = Project::from_fixtures(&["check/valid"]);
    p.offer_alternatives();
    p.write(
        CONCEPTS,
        GOOD_CONCEPT.replace(
            r#"["definitions/2", "non-punishment"]"#,
            r#"["non-punishment/2", "non-punishment/3"]"#,
        ),
    );
    let r = p.run(&["check", "--format", "json"]);
    r.assert_no_panic();
    let j = r.json();
    let diags = j["diagnostics"].as_array().cloned().unwrap_or_default();
    // articles = ["non-punishment/2", "non-punishment/3"]
    //             ^ 13                ^ 33
    let d = concept_error(&diags, "unknown-paragraph", 6, 33);
    assert!(text(&d, "message").contains("2 paragraphs"), "{d}");
    assert_eq!(diags.len(), 1, "{diags:#?}");
}

#[test]
fn alternatives_numbered_apart_are_a_warning_with_the_number_to_write() {
    // "1. [option a]" then "2. [option b]": one paragraph in two wordings, typed as two.
    let p = Project::from_fixtures(&["check/valid"]);
    let path = "law/clauses/protection/non-punishment.md";
    let en = "## en\n\nA victim shall not be prosecuted for any act they were compelled to commit as a direct result of being a victim within the meaning of [[definitions]].\n";
    let original = p.read(path);
    assert!(original.contains(en), "fixture changed: {original}");
    let with = |typed: &str| {
        original.replace(
            en,
            &format!("## en\n\n1. [option a] A victim shall not be prosecuted.\n{typed}. [option b] A victim shall not be punished.\n3. Nor detained.\n"),
        )
    };
    p.write(path, with("2"));
    let r = p.run(&["check", "--format", "json"]);
    r.assert_no_panic();
    let j = r.json();
    let diags = j["diagnostics"].as_array().cloned().unwrap_or_default();
    let line = with("2")
        .lines()
        .position(|l| l.starts_with("2. [option b]"))
        .unwrap() as u64
        + 1;
    let d = expect(&diags, "option-number", path, line, 4);
    assert_eq!(d["severity"], "warning", "{d}");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("another wording of paragraph 1, but it is numbered 2"),
        "{d}"
    );
    assert!(d["hint"].as_str().unwrap().contains("number it 1"), "{d}");
    // Numbered alike: nothing to say about them.
    p.write(path, with("1"));
    let r = p.run(&["check", "--format", "json"]);
    let j = r.json();
    assert!(
        !j["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "option-number"),
        "{:#}",
        j["diagnostics"]
    );
}

#[test]
fn an_article_heading_without_its_number_or_its_space_is_an_error_not_text() {
    // `##` alone and `##4` would otherwise be read as text of article 3, and article 4 would
    // vanish from every comparison without a word.
    let p = Project::from_fixtures(&["check/valid"]);
    let text = p.read(LAW_9);
    for (heading, code, hint) in [
        ("##", "missing-article-number", "`## 3`"),
        ("##4", "heading-space", "write `## 4`"),
    ] {
        p.write(LAW_9, format!("{text}\n\n{heading}\n\nيعاقب على الشروع.\n"));
        let (exit, diags) = check_json(&p);
        assert_eq!(exit, 1, "{heading}: {diags:#?}");
        let line = text.lines().count() as u64 + 3;
        let d = expect(&diags, code, LAW_9, line, 1);
        assert!(d["hint"].as_str().unwrap().contains(hint), "{d}");
    }
    // `###` stays a translation heading, as before.
    p.write(LAW_9, format!("{text}\n\n### fr\n\nPunit la traite.\n"));
    assert_eq!(p.run(&["check"]).code, 0);
}

#[test]
fn a_control_character_in_a_clause_or_a_national_law_is_an_error_at_it() {
    // A NUL, or the form feed of a page break pasted from pdftotext: Word and Akoma Ntoso
    // (XML) cannot hold them, and a reader cannot see them.
    let p = Project::from_fixtures(&["check/valid"]);
    let text = p.read(LAW_9);
    p.write(LAW_9, text.replace("يعاقب كل من", "يعاقب \u{c}كل من"));
    let (code, diags) = check_json(&p);
    assert_eq!(code, 1, "{diags:#?}");
    let line = text
        .lines()
        .position(|l| l.starts_with("يعاقب كل من"))
        .expect("the article's text") as u64
        + 1;
    let d = expect(&diags, "forbidden-character", LAW_9, line, 7);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("a control character (U+000C)"),
        "{d}"
    );
    assert!(d["hint"].as_str().unwrap().contains("delete it"), "{d}");
    // In a clause of the model law too.
    let p = Project::from_fixtures(&["check/valid"]);
    let clause = "law/clauses/general/definitions.md";
    let text = p.read(clause);
    let (line, col) = text
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.strip_prefix("1. ").map(|_| (i as u64 + 1, 4)))
        .expect("a numbered paragraph");
    p.write(clause, text.replacen("\n1. ", "\n1. \u{0}", 1));
    let (code, diags) = check_json(&p);
    assert_eq!(code, 1, "{diags:#?}");
    expect(&diags, "forbidden-character", clause, line, col);
}

#[test]
fn a_section_heading_without_its_space_is_an_error_and_an_empty_section_a_warning() {
    const DEFS: &str = "law/clauses/general/definitions.md";
    let p = Project::from_fixtures(&["check/valid"]);
    let text = p.read(DEFS);
    let line = text
        .lines()
        .position(|l| l == "## en")
        .expect("the English section") as u64
        + 1;
    // `##en` would make the English text part of the Arabic section.
    p.write(DEFS, text.replace("## en", "##en"));
    let (code, diags) = check_json(&p);
    assert_eq!(code, 1, "{diags:#?}");
    let d = expect(&diags, "heading-space", DEFS, line, 1);
    assert!(d["message"].as_str().unwrap().contains("`##en`"), "{d}");
    assert!(d["hint"].as_str().unwrap().contains("write `## en`"), "{d}");
    // A French section with nothing under it: said at its heading; the article counts as not
    // translated into French (an optional language), and nothing else is wrong.
    p.write(DEFS, format!("{text}\n\n## fr\n\n"));
    let (code, diags) = check_json(&p);
    assert_eq!(code, 0, "a warning only: {diags:#?}");
    let fr = text.lines().count() as u64 + 3;
    let d = expect(&diags, "empty-section", DEFS, fr, 1);
    assert_eq!(d["severity"], "warning", "{d}");
    assert!(d["message"].as_str().unwrap().contains("`## fr`"), "{d}");
    assert_eq!(diags.len(), 1, "{diags:#?}");
}

#[test]
fn a_profile_s_law_status_date_and_repeated_law_are_checked_at_their_values() {
    const PROFILE: &str = "countries/jo/country.toml";
    let p = Project::from_fixtures(&["check/valid"]);
    let text = p.read(PROFILE);
    let law = |status: &str| {
        format!(
            "\n[[laws]]\nid = \"law-9-2009\"\ntitle.ar = \"قانون\"\nstatus = \"{status}\"\nsource = \"fixture\"\nconfidence = \"high\"\n"
        )
    };
    let first = text.lines().count() as u64 + 2;
    let run = |body: String| {
        p.write(PROFILE, body);
        check_json(&p)
    };
    // "in force" with a space would silently take the law out of the body compare reads.
    let (code, diags) = run(format!("{text}{}", law("in force")));
    assert_eq!(code, 1);
    let d = expect(&diags, "unknown-law-status", PROFILE, first + 3, 10);
    assert!(
        d["hint"]
            .as_str()
            .unwrap()
            .contains("status = \"in-force\""),
        "{d}"
    );
    let (_, diags) = run(format!("{text}{}", law("valid")));
    let d = expect(&diags, "unknown-law-status", PROFILE, first + 3, 10);
    assert!(d["hint"].as_str().unwrap().contains("\"contested\""), "{d}");
    // Listed twice: the second id is pointed at.
    let (code, diags) = run(format!("{text}{}{}", law("in-force"), law("in-force")));
    assert_eq!(code, 1);
    let d = expect(&diags, "duplicate-law", PROFILE, first + 8, 6);
    assert!(
        d["message"].as_str().unwrap().contains("`law-9-2009`"),
        "{d}"
    );
    assert_eq!(diags.len(), 1, "{diags:#?}");
    // A date that is no day of the calendar; a year alone and "unknown" are facts as known.
    let line = text
        .lines()
        .position(|l| l == "date = \"2009-06-11\"")
        .expect("a ratification date") as u64
        + 1;
    for bad in ["2009-13-45", "2009-02-29", "11/06/2009", "2009-6-11"] {
        let (code, diags) = run(text.replace("2009-06-11", bad));
        assert_eq!(code, 1, "{bad}");
        let d = expect(&diags, "bad-date", PROFILE, line, 8);
        assert!(d["hint"].as_str().unwrap().contains("\"unknown\""), "{d}");
    }
    for good in ["2008-02-29", "2009", "unknown"] {
        let (code, diags) = run(text.replace("2009-06-11", good));
        assert_eq!(code, 0, "{good}: {diags:#?}");
    }
}
