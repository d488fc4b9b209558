//! Tests of the pdf stage that look inside the laid-out document (text, metadata, glyphs).
//! Properties of the PDF file itself (fonts, extracted text) are in `tests/pdf_engine.rs`.

use std::collections::BTreeMap;
use std::error::Error;

use typst::model::Document;

use super::*;

type TestResult = Result<(), Box<dyn Error>>;

/// Original test text (not law text): "This is a test text for checking the shaping of Arabic
/// letters and the right-to-left writing direction."
const ARABIC: &str =
    "هذا نصٌّ تجريبي لاختبار تشكيل الحروف العربية واتجاه الكتابة من اليمين إلى اليسار.";

fn options(lang: &str) -> PdfOptions {
    PdfOptions {
        title: "وثيقة اختبار".into(),
        author: "qanun tests".into(),
        lang: lang.into(),
        date: Date {
            year: 2026,
            month: 11,
            day: 29,
        },
        ident: "qanun-test".into(),
        standard: None,
    }
}

fn no_files() -> BTreeMap<String, Vec<u8>> {
    BTreeMap::new()
}

fn session(engine: &Engine, source: &str, files: &BTreeMap<String, Vec<u8>>) -> Session {
    let mut session = engine.session(&options("ar")).expect("valid options");
    session.update(source, files).expect("valid file names");
    session
}

/// The plain text of a laid-out document, text items in frame order.
fn text_of(document: &PagedDocument) -> String {
    let mut text = String::new();
    for page in document.pages() {
        visit_text(&page.frame, &mut |item| {
            text.push_str(&item.text);
            text.push(' ');
        });
    }
    text
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn sorted(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = squeeze(text).chars().collect();
    chars.sort_unstable();
    chars
}

/// The diagnostics of a compile that must fail.
fn errors(result: Result<Pdf, PdfError>) -> Vec<Diagnostic> {
    match result {
        Ok(_) => panic!("the compile should have failed"),
        Err(err) => err.diagnostics,
    }
}

#[test]
fn arabic_and_english_document_compiles() -> TestResult {
    let source = format!(
        "= العنوان\n\n{ARABIC}\n\n#text(lang: \"en\", dir: ltr)[An English sentence in Amiri.]\n"
    );
    let engine = Engine::default();
    let pdf = engine.compile(&source, &no_files(), &options("ar"))?;
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    let document = session(&engine, &source, &no_files()).document()?;
    // Frame order is visual order, split into runs, so check words rather than the sentence.
    let text = text_of(&document);
    for word in [
        "العنوان",
        "تجريبي",
        "لاختبار",
        "الحروف",
        "العربية",
        "اليسار.",
    ] {
        assert!(text.contains(word), "{word} missing from {text}");
    }
    assert!(
        squeeze(&text).contains("AnEnglishsentenceinAmiri."),
        "{text}"
    );
    Ok(())
}

#[test]
fn metadata_comes_from_the_options() -> TestResult {
    let document = session(&Engine::default(), ARABIC, &no_files()).document()?;
    let info = document.info();
    assert_eq!(info.title.as_deref(), Some("وثيقة اختبار"));
    assert_eq!(info.author, ["qanun tests"]);
    assert_eq!(
        info.locale
            .custom()
            .map(|l| l.lang.as_str().to_string())
            .as_deref(),
        Some("ar")
    );
    Ok(())
}

#[test]
fn template_set_rules_override_the_options() -> TestResult {
    let source = "#set document(title: [Own title])\n#set text(lang: \"fr\")\nBonjour.";
    let document = session(&Engine::default(), source, &no_files()).document()?;
    assert_eq!(document.info().title.as_deref(), Some("Own title"));
    Ok(())
}

#[test]
fn today_is_the_document_date() -> TestResult {
    let source = "#set text(lang: \"en\")\n#datetime.today().display()";
    let document = session(&Engine::default(), source, &no_files()).document()?;
    assert_eq!(text_of(&document).trim(), "2026-11-29");
    Ok(())
}

#[test]
fn output_is_identical_across_compiles_and_engines() -> TestResult {
    let source = format!("= عنوان\n\n{ARABIC}\n\n#lorem(200)\n");
    let first = Engine::default().compile(&source, &no_files(), &options("ar"))?;
    let second = Engine::default().compile(&source, &no_files(), &options("ar"))?;
    // An engine with its own font store (an empty font folder) loaded separately.
    let empty = tempfile::tempdir()?;
    let other = Engine::new(&EngineOptions {
        font_paths: vec![empty.path().to_path_buf()],
        ..EngineOptions::default()
    })?;
    let third = other.compile(&source, &no_files(), &options("ar"))?;
    let mut session = session(&other, &source, &no_files());
    let fourth = session.compile()?;
    assert!(first.bytes == second.bytes, "two compiles differ");
    assert!(first.bytes == third.bytes, "two engines differ");
    assert!(
        first.bytes == fourth.bytes,
        "a session differs from a one-shot compile"
    );
    Ok(())
}

#[test]
fn data_files_are_served_from_memory() -> TestResult {
    let files = BTreeMap::from([
        (
            "/data.json".to_string(),
            br#"{"clause": "*not bold* #not-code"}"#.to_vec(),
        ),
        (
            "parts/extra.typ".to_string(),
            b"#let greeting = [Hello]".to_vec(),
        ),
    ]);
    let source = "#import \"parts/extra.typ\": greeting\n#set text(lang: \"en\")\n\
                  #let data = json(\"/data.json\")\n#data.clause #greeting";
    let document = session(&Engine::default(), source, &files).document()?;
    assert_eq!(text_of(&document).trim(), "*not bold* #not-code Hello");
    Ok(())
}

#[test]
fn engines_and_sessions_can_move_between_threads() {
    fn send_sync<T: Send + Sync>() {}
    fn send<T: Send>() {}
    send_sync::<Engine>();
    send::<Session>();
}

#[test]
fn unknown_font_family_is_an_error() {
    let source = "#set text(lang: \"en\")\n#set text(font: \"No Such Family\")\nHello.";
    let errors = errors(Engine::default().compile(source, &no_files(), &options("en")));
    let error = errors
        .iter()
        .find(|d| d.message.contains("unknown font family"));
    let error = error.expect("an unknown-font-family error");
    assert!(
        error.message.contains("no such family"),
        "{}",
        error.message
    );
    assert_eq!(error.severity, Severity::Error);
    assert_eq!(
        (error.file.as_deref(), error.line),
        (Some("main.typ"), Some(2))
    );
    assert!(
        error.hints.iter().any(|h| h.contains("Amiri")),
        "{:?}",
        error.hints
    );
}

#[test]
fn a_character_no_font_has_is_an_error() {
    let source = "مرحبا\n\nكلمة 中 أخرى 😀 و中";
    let errors = errors(Engine::default().compile(source, &no_files(), &options("ar")));
    assert_eq!(
        errors.len(),
        2,
        "one error per distinct character: {errors:?}"
    );
    assert!(
        errors[0].message.contains("'中' (U+4E2D)"),
        "{}",
        errors[0].message
    );
    assert!(errors[0].message.contains("Amiri"), "{}", errors[0].message);
    assert_eq!((errors[0].line, errors[0].column), (Some(3), Some(6)));
    assert_eq!(errors[0].snippet.as_deref(), Some("كلمة 中 أخرى 😀 و中"));
    assert!(
        errors[1].message.contains("U+1F600"),
        "{}",
        errors[1].message
    );
}

#[test]
fn syntax_errors_are_located_in_the_generated_source() {
    let source = "#set text(lang: \"en\")\nfine\n#let x = (\n";
    let errors = errors(Engine::default().compile(source, &no_files(), &options("en")));
    let first = &errors[0];
    assert_eq!(first.file.as_deref(), Some("main.typ"));
    assert_eq!(first.line, Some(3));
    assert!(first.column.is_some());
    assert_eq!(first.snippet.as_deref(), Some("#let x = ("));
    let shown = PdfError {
        diagnostics: errors.clone(),
    }
    .to_string();
    assert!(shown.starts_with("main.typ:3:"), "{shown}");
}

#[test]
fn packages_are_refused() {
    let source = "#import \"@preview/example:0.1.0\": *\nText.";
    let errors = errors(Engine::default().compile(source, &no_files(), &options("en")));
    let shown = PdfError {
        diagnostics: errors,
    }
    .to_string();
    assert!(shown.contains("does not use Typst packages"), "{shown}");
    assert!(shown.contains("@preview/example:0.1.0"), "{shown}");
}

#[test]
fn without_a_root_nothing_is_read_from_disk() {
    let source = "#read(\"/etc/hostname\")";
    let errors = errors(Engine::default().compile(source, &no_files(), &options("en")));
    assert!(
        errors[0].message.contains("reading from disk is off"),
        "{:?}",
        errors[0]
    );
}

#[test]
fn disk_files_are_read_only_inside_the_root() -> TestResult {
    let root = tempfile::tempdir()?;
    std::fs::write(root.path().join("note.txt"), "inside the root")?;
    std::os::unix::fs::symlink("/etc", root.path().join("etclink"))?;
    std::os::unix::fs::symlink(root.path().join("note.txt"), root.path().join("inner-link"))?;
    let engine = Engine::new(&EngineOptions {
        root: Some(root.path().to_path_buf()),
        ..EngineOptions::default()
    })?;
    let read = |path: &str| {
        let source = format!("#set text(lang: \"en\")\n#read(\"{path}\")");
        let mut session = engine.session(&options("en"))?;
        session.update(&source, &no_files())?;
        session
            .document()
            .map(|document| text_of(&document).trim().to_string())
    };
    assert_eq!(read("/note.txt")?, "inside the root");
    assert_eq!(
        read("/inner-link")?,
        "inside the root",
        "a symlink within the root is fine"
    );
    // `/etc/passwd` resolves inside the root, where it does not exist.
    let err = read("/etc/passwd")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("file not found"), "{err}");
    let err = read("/etclink/passwd")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("leads outside the project folder"), "{err}");
    let err = read("../../../etc/passwd")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("escape"), "{err}");
    Ok(())
}

#[test]
fn pdf_standards_compile_for_an_arabic_document() -> TestResult {
    let source = format!("= عنوان\n\n{ARABIC}\n");
    for standard in [PdfStandard::Ua1, PdfStandard::A2b] {
        let options = PdfOptions {
            standard: Some(standard),
            ..options("ar")
        };
        let pdf = Engine::default().compile(&source, &no_files(), &options)?;
        assert!(pdf.bytes.starts_with(b"%PDF-"), "{standard:?}");
    }
    let untitled = PdfOptions {
        standard: Some(PdfStandard::Ua1),
        title: String::new(),
        ..options("ar")
    };
    let errors = errors(Engine::default().compile(&source, &no_files(), &untitled));
    assert!(errors[0].message.contains("title"), "{:?}", errors[0]);
    Ok(())
}

#[test]
fn invalid_options_and_names_are_errors() {
    let bad_lang = PdfOptions {
        lang: "arabic!".into(),
        ..options("ar")
    };
    assert!(
        Engine::default()
            .compile("x", &no_files(), &bad_lang)
            .is_err()
    );
    let bad_date = PdfOptions {
        date: Date {
            year: 2026,
            month: 2,
            day: 30,
        },
        ..options("ar")
    };
    assert!(
        Engine::default()
            .compile("x", &no_files(), &bad_date)
            .is_err()
    );
    let files = BTreeMap::from([("a\\b.json".to_string(), Vec::new())]);
    assert!(
        Engine::default()
            .compile("x", &files, &options("ar"))
            .is_err()
    );
    let missing_root = EngineOptions {
        root: Some("/nonexistent/qanun".into()),
        ..EngineOptions::default()
    };
    assert!(Engine::new(&missing_root).is_err());
}

#[test]
fn session_recompiles_after_an_edit() -> TestResult {
    let engine = Engine::default();
    let mut session = engine.session(&options("ar"))?;
    session.update(&format!("{ARABIC}\n\nالفقرة الأولى."), &no_files())?;
    let first = session.compile()?;
    session.update(&format!("{ARABIC}\n\nالفقرة الثانية."), &no_files())?;
    let second = session.compile()?;
    assert!(first.bytes != second.bytes);
    let text = squeeze(&text_of(&session.document()?));
    assert!(text.contains("الفقرةالثانية."), "{text}");
    session.set_options(&PdfOptions {
        lang: "en".into(),
        ..options("en")
    })?;
    let document = session.document()?;
    assert_eq!(
        document
            .info()
            .locale
            .custom()
            .map(|l| l.lang.as_str().to_string())
            .as_deref(),
        Some("en")
    );
    Ok(())
}

/// Each payload, escaped, must come out of the layout exactly as written.
#[test]
fn escaped_text_is_always_literal() -> TestResult {
    let payloads = [
        "#read(\"/etc/passwd\")",
        "#include \"x.typ\"",
        "$x^2$",
        "*bold*",
        "_it_",
        "@lbl",
        "<lbl>",
        "\\",
        "]",
        "// not a comment",
        "<script>alert(1)</script>",
        "1. item",
        "- item",
        "+ item",
        "= heading",
        "/ term: description",
        "\\u{41} and \\#",
        "`raw` and ```block```",
        "a -- b --- c ... ~",
        "\"quoted\" and 'single'",
        "https://example.org/a_b*c",
        "نص عربي: (المادة ٣) - 448-1 #x",
        "#{ panic() }",
        "#let x = 1",
        "#set text(font: \"x\")",
    ];
    let engine = Engine::default();
    let mut session = engine.session(&options("en"))?;
    for payload in payloads {
        let source = format!("#set text(lang: \"en\")\n{}\n", escape_typst(payload));
        session.update(&source, &no_files())?;
        let document = session.document().map_err(|e| format!("{payload}: {e}"))?;
        let text = text_of(&document);
        if payload.is_ascii() {
            assert_eq!(
                squeeze(&text),
                squeeze(payload),
                "payload {payload:?} rendered as {text:?}"
            );
        } else {
            // Right-to-left runs come out in visual order: compare the characters only.
            assert_eq!(
                sorted(&text),
                sorted(payload),
                "payload {payload:?} rendered as {text:?}"
            );
        }
        assert!(!text.contains("root:"));
    }
    // Lines keep their breaks: a blank line is still a paragraph break.
    session.update(&escape_typst("one *a*\n\ntwo _b_"), &no_files())?;
    let document = session.document()?;
    assert_eq!(squeeze(&text_of(&document)), "one*a*two_b_");
    Ok(())
}

#[test]
fn system_fonts_come_after_amiri() -> TestResult {
    let engine = Engine::new(&EngineOptions {
        system_fonts: true,
        ..EngineOptions::default()
    })?;
    assert!(engine.families().iter().any(|f| f == DEFAULT_FAMILY));
    let pdf = engine.compile(ARABIC, &no_files(), &options("ar"))?;
    let default = Engine::default().compile(ARABIC, &no_files(), &options("ar"))?;
    assert!(
        pdf.bytes == default.bytes,
        "the embedded Amiri must win over an installed copy"
    );
    Ok(())
}
