//! `qanun init [DIR]`: a new model-law project that `check`, `render` and `packet` accept at
//! once; `qanun completions SHELL` and `qanun man`: shell completions and the manual page,
//! generated from the same clap definitions as the commands themselves.

use super::Context;
use crate::cli::{Cli, CompletionsArgs, InitArgs, ManArgs};
use crate::diagnostics::{EXIT_OK, EXIT_TROUBLE};
use crate::output::write_atomic;
use clap::CommandFactory;
use std::path::{Path, PathBuf};

/// The files of a new project (relative path, text). The wording is a short example for the
/// person who starts the project to replace; the structure is what a real law needs.
const FILES: &[(&str, &str)] = &[
    (
        "law/law.toml",
        r#"# The law: its identity and its structure. Chapters list their article ids in order; the
# articles are numbered in this order. See docs/format.md in qanun's repository.

id = "model-law"
version = "0.1.0"
date = "2026-01-01"

[title]
ar = "قانون نموذجي"
en = "Model law"

[author]
ar = "اسم الجهة الواضعة"
en = "Name of the drafting body"

[languages]
required = ["ar", "en"]
optional = ["fr"]

[[chapters]]
id = "general"
title.ar = "أحكام عامة"
title.en = "General provisions"
clauses = ["definitions", "non-punishment"]
"#,
    ),
    (
        "law/variables.toml",
        r#"# Blanks each country fills in with its own words, written {{ name }} in an article.

[competent_court]
ar = "المحكمة المختصة"
en = "the competent court"
fr = "la juridiction compétente"
"#,
    ),
    (
        "law/instruments.toml",
        r#"# The international instruments the law implements; articles cite them as
# instruments = ["palermo:3(a)"]. Keep a source and a confidence for every fact.

[[instruments]]
id = "palermo"
kind = "protocol"
year = 2000
name.ar = "بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص"
name.en = "Protocol to Prevent, Suppress and Punish Trafficking in Persons"
short.ar = "بروتوكول باليرمو"
short.en = "Palermo Protocol"
source = "UN General Assembly resolution 55/25"
confidence = "high"

[[instruments.articles]]
number = "3"
paragraphs = ["a", "b", "c", "d"]
title.ar = "المصطلحات المستخدمة"
title.en = "Use of terms"
"#,
    ),
    (
        "law/clauses/general/definitions.md",
        r#"+++
id = "definitions"
status = "mandatory"
tags = ["definition"]
instruments = ["palermo:3(d)"]

[title]
ar = "التعاريف"
en = "Definitions"
+++

## ar

1. الطفل: كل شخص لم يبلغ الثامنة عشرة من عمره.
2. الضحية: كل شخص طبيعي لحقه ضرر من جريمة يعاقب عليها هذا القانون.

## en

1. Child: any person under eighteen years of age.
2. Victim: any natural person harmed by an offence under this law.

## commentary.en

An example article: replace it with the law's own definitions.
"#,
    ),
    (
        "law/clauses/general/non-punishment.md",
        r#"+++
id = "non-punishment"
status = "mandatory"
tags = ["non-punishment"]
instruments = ["palermo:3(b)"]

[title]
ar = "عدم معاقبة الضحية"
en = "Non-punishment of victims"
+++

## ar

لا يُعاقب الضحية بالمعنى الوارد في [[definitions]] على فعل أُكره على ارتكابه، وتنظر {{ competent_court }} في كل ادعاء بخلاف ذلك.

## en

A victim within the meaning of [[definitions]] shall not be punished for an act they were compelled to commit; {{ competent_court }} hears any claim to the contrary.
"#,
    ),
    (
        "countries/xx/country.toml",
        r#"# An example country: copy this folder for each real country (or use `qanun new country`).
code = "xx"
languages = ["ar", "en"]
digits = "latn"

[name]
ar = "بلد المثال"
en = "Example country"

[currency]
code = "XXX"
name.en = "example currency"

[terms.ar]
competent_court = "محكمة الجنايات"

[terms.en]
competent_court = "the Criminal Court"

[[ratifications]]
instrument = "palermo"
status = "unknown"
source = "not yet checked"
confidence = "low"
"#,
    ),
];

pub fn init(ctx: &Context, args: &InitArgs) -> u8 {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let occupied = std::fs::read_dir(&dir)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false);
    if occupied && !args.force {
        eprintln!(
            "error: {} is not empty; nothing was written\nhint: choose a new folder (qanun init my-law), or pass --force to add the project's files (existing files of the same name are replaced)",
            dir.display()
        );
        return EXIT_TROUBLE;
    }
    let mut written: Vec<PathBuf> = Vec::new();
    let templates = crate::render::DEFAULT_TEMPLATES
        .iter()
        .chain(super::packet::PACKET_TEMPLATES)
        .chain(super::report::REPORT_TEMPLATES)
        .map(|(name, text)| (format!("templates/{name}"), *text));
    let files = FILES
        .iter()
        .map(|(p, t)| (p.to_string(), *t))
        .chain(templates);
    for (rel, text) in files {
        let path = dir.join(&rel);
        if let Err(e) = write_atomic(&path, text.as_bytes()) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return EXIT_TROUBLE;
        }
        written.push(PathBuf::from(rel));
    }
    for empty in ["countries/xx/legislation", "countries/xx/variant"] {
        let _ = std::fs::create_dir_all(dir.join(empty));
    }
    if !ctx.quiet {
        eprintln!("created a model-law project in {}:", dir.display());
        for group in ["law/", "countries/", "templates/"] {
            let n = written.iter().filter(|p| p.starts_with(group)).count();
            let what = match group {
                "law/" => {
                    "the law: law.toml, variables.toml, instruments.toml and one chapter of two example articles"
                }
                "countries/" => "an example country, xx (countries/xx/country.toml)",
                _ => "the default templates, to adapt the look of documents",
            };
            eprintln!(
                "  {group:<11} {n} file{} — {what}",
                if n == 1 { "" } else { "s" }
            );
        }
        let cd = if args.dir.is_some() {
            format!("cd {} && ", dir.display())
        } else {
            String::new()
        };
        eprintln!(
            "next: {cd}qanun check, then qanun render xx, qanun packet xx; add articles with qanun new article <id> --chapter general"
        );
    }
    EXIT_OK
}

pub fn completions(args: &CompletionsArgs) -> u8 {
    let mut cmd = Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "qanun", &mut std::io::stdout());
    EXIT_OK
}

/// The manual page `qanun.1`, and one page per command (`qanun-render.1` …) with `-o DIR`.
pub fn man(args: &ManArgs) -> u8 {
    let cmd = Cli::command();
    let Some(dir) = &args.output else {
        let mut out = Vec::new();
        if clap_mangen::Man::new(cmd).render(&mut out).is_err() {
            return EXIT_TROUBLE;
        }
        return super::finish_io(
            std::io::Write::write_all(&mut std::io::stdout(), &out).map(|_| EXIT_OK),
        );
    };
    let mut pages = vec![(PathBuf::from("qanun.1"), cmd.clone())];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("qanun-{}", sub.get_name());
        pages.push((
            PathBuf::from(format!("{name}.1")),
            sub.clone().display_name(name),
        ));
    }
    for (file, page) in pages {
        let mut out = Vec::new();
        if clap_mangen::Man::new(page).render(&mut out).is_err() {
            return EXIT_TROUBLE;
        }
        let path: PathBuf = dir.join(&file);
        if let Err(e) = write_atomic(Path::new(&path), &out) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return EXIT_TROUBLE;
        }
    }
    EXIT_OK
}
