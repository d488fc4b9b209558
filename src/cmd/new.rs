//! `qanun new article` and `qanun new country`: scaffolding that keeps the project consistent.
//! The article's file is written with its front matter and a placeholder per language, and its
//! id is inserted into law/law.toml where asked (the rest of the file, comments included, is
//! left as it is); a country's profile lists every variable the law uses and every instrument.

use super::Context;
use crate::cli::{NewArgs, NewArticleArgs, NewCommand, NewCountryArgs, NewLawArgs};
use crate::diagnostics::{EXIT_OK, EXIT_TROUBLE};
use crate::load::load_project;
use crate::model::{ClauseId, Lang, Law};
use crate::output::write_atomic;
use crate::validate::PLACEHOLDER;
use std::collections::BTreeMap;

pub fn run(ctx: &Context, args: &NewArgs) -> u8 {
    match &args.command {
        NewCommand::Article(a) => article(ctx, a),
        NewCommand::Country(c) => country(ctx, c),
        NewCommand::Law(l) => law_file(ctx, l),
    }
}

fn fail(message: String, hint: &str) -> u8 {
    eprintln!("error: {message}\nhint: {hint}");
    EXIT_TROUBLE
}

fn article(ctx: &Context, args: &NewArticleArgs) -> u8 {
    if let Err(code) = ctx.require_law() {
        return code;
    }
    let project = load_project(&ctx.root);
    let law = &project.law;
    if !ClauseId::is_valid(&args.id) {
        return fail(
            format!("`{}` is not a valid article id", args.id),
            "use lowercase words joined by `-`, e.g. victim-compensation",
        );
    }
    let id = ClauseId(args.id.clone());
    if let Some(c) = law.clauses.get(&id) {
        return fail(
            format!("an article `{id}` already exists: {}", c.origin.file),
            "choose another id; ids stay the same when articles are renumbered",
        );
    }
    // Listed in law.toml without a file (deleted, or never written): the file is written
    // where its chapter is, and the list is left as it is.
    let listed = law.parts().find(|p| p.clauses.contains(&id));
    if let Some(p) = listed
        && (p.id != args.chapter || args.after.is_some() || args.before.is_some())
    {
        return fail(
            format!(
                "the article `{id}` is listed in chapter `{}` of law/law.toml but has no file",
                p.id
            ),
            &format!(
                "write its file where it is listed: qanun new article {id} --chapter {} (no --after or --before: its place is kept)",
                p.id
            ),
        );
    }
    let Some(part) = law.parts().find(|p| p.id == args.chapter) else {
        let ids: Vec<&str> = law.parts().map(|p| p.id.as_str()).collect();
        return fail(
            format!("law/law.toml has no chapter `{}`", args.chapter),
            &format!("the chapters and annexes are: {}", ids.join(", ")),
        );
    };
    let anchor = args.after.as_ref().or(args.before.as_ref());
    if let Some(a) = anchor
        && !part.clauses.iter().any(|c| c.as_str() == a)
    {
        return fail(
            format!("chapter `{}` has no article `{a}`", part.id),
            &format!(
                "its articles are: {}",
                part.clauses
                    .iter()
                    .map(ClauseId::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    let rel = format!("law/clauses/{}/{id}.md", part.id);
    let path = ctx.root.join(&rel);
    if path.exists() {
        return fail(
            format!("{rel} already exists; it was left as it is"),
            "choose another id",
        );
    }
    let status = if args.optional {
        "optional"
    } else {
        "mandatory"
    };
    let langs: Vec<Lang> = law.languages().collect();
    let file = clause_file(id.as_str(), status, &langs);
    // law.toml first: if it cannot be edited, no file is left behind. An id already listed
    // keeps its place, and law.toml is left as it is.
    let toml_path = ctx.root.join("law/law.toml");
    let edited = match listed {
        Some(_) => None,
        None => match edit_listing(&toml_path, &part.id, id.as_str(), args) {
            Ok(t) => Some(t),
            Err(code) => return code,
        },
    };
    if let Err(e) = write_atomic(&path, file.as_bytes()) {
        return fail(
            format!("cannot write {rel}: {e}"),
            "check that you may write in law/clauses/",
        );
    }
    if let Some(edited) = &edited
        && let Err(e) = write_atomic(&toml_path, edited.as_bytes())
    {
        let _ = std::fs::remove_file(&path);
        return fail(
            format!("cannot write law/law.toml: {e}"),
            "check that you may write it",
        );
    }
    if !ctx.quiet {
        if edited.is_some() {
            let place = match (&args.after, &args.before) {
                (Some(a), _) => format!("after `{a}`"),
                (_, Some(b)) => format!("before `{b}`"),
                _ => "at its end".to_string(),
            };
            eprintln!(
                "wrote {rel} and listed `{id}` in chapter `{}` of law/law.toml, {place}",
                part.id
            );
        } else {
            eprintln!(
                "wrote {rel}; `{id}` was already listed in chapter `{}` of law/law.toml, where it stays",
                part.id
            );
        }
        next_steps(&rel);
    }
    EXIT_OK
}

/// law.toml's text with `id` listed in chapter `part` where the arguments say; `Err` with the
/// exit code (the problem printed) when it cannot be read or edited.
fn edit_listing(
    toml_path: &std::path::Path,
    part: &str,
    id: &str,
    args: &NewArticleArgs,
) -> Result<String, u8> {
    let text = std::fs::read_to_string(toml_path).map_err(|e| {
        fail(
            format!("cannot read law/law.toml: {e}"),
            "check that you may read and write it",
        )
    })?;
    insert_id(
        &text,
        part,
        id,
        args.after.as_deref(),
        args.before.as_deref(),
    )
    .map_err(|e| {
        fail(
            format!("law/law.toml could not be edited: {e}"),
            "run qanun check to see what is wrong with it",
        )
    })
}

/// What to write in a new article's file, printed after it is made.
fn next_steps(rel: &str) {
    eprintln!("next, in {rel}:");
    eprintln!("  - the title in every language under [title] (now \"{PLACEHOLDER}: …\")");
    eprintln!("  - the text under ## ar, ## en … (one numbered line per paragraph)");
    eprintln!("  - instruments = [\"palermo:5(1)\", …]: the instrument articles it implements");
    eprintln!("  - tags, from the list in docs/format.md");
    eprintln!("then run qanun check: it points at each placeholder still there");
}

/// law.toml with `id` inserted into the `clauses` of chapter (or annex) `part`, after or
/// before another id, or at the end. Everything else in the file is kept as written.
fn insert_id(
    text: &str,
    part: &str,
    id: &str,
    after: Option<&str>,
    before: Option<&str>,
) -> Result<String, String> {
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    let mut done = false;
    for key in ["chapters", "annexes"] {
        if done {
            break;
        }
        let Some(tables) = doc.get_mut(key).and_then(|t| t.as_array_of_tables_mut()) else {
            continue;
        };
        for t in tables.iter_mut() {
            if t.get("id").and_then(|v| v.as_str()) != Some(part) {
                continue;
            }
            let clauses = t
                .get_mut("clauses")
                .and_then(|c| c.as_array_mut())
                .ok_or("the chapter has no clauses = [ … ] list")?;
            let position = |name: &str| clauses.iter().position(|v| v.as_str() == Some(name));
            let at = match (after, before) {
                (Some(a), _) => position(a).map(|i| i + 1),
                (_, Some(b)) => position(b),
                _ => Some(clauses.len()),
            }
            .ok_or("the article to place it by is not in the list")?;
            // Keep the list's layout: a new line per id when the list is written that way.
            let decor = clauses
                .get(at.min(clauses.len().saturating_sub(1)))
                .map(|v| v.decor().clone());
            // The decor of an element that is not first (" " or "\n  "), for one pushed
            // off the front.
            let inner = clauses.iter().nth(1).map(|v| v.decor().clone());
            clauses.insert(at, id);
            if let (Some(d), Some(v)) = (decor, clauses.get_mut(at)) {
                *v.decor_mut() = d;
            }
            if at == 0
                && let Some(v) = clauses.get_mut(1)
            {
                match inner {
                    Some(d) => *v.decor_mut() = d,
                    None => v.decor_mut().set_prefix(" "),
                }
            }
            done = true;
            break;
        }
    }
    if done {
        Ok(doc.to_string())
    } else {
        Err(format!("no chapter `{part}`"))
    }
}

/// The new article's file: front matter to complete and a placeholder in every language.
fn clause_file(id: &str, status: &str, langs: &[Lang]) -> String {
    let mut s = format!(
        "+++\nid = \"{id}\"\nstatus = \"{status}\"\n# Themes of the article, from the list in docs/format.md, e.g. [\"shelter\", \"children\"].\ntags = []\n# The instrument articles it implements, e.g. [\"palermo:6(3)(b)\", \"untoc:25\"].\ninstruments = []\n\n[title]\n"
    );
    for l in langs {
        s.push_str(&format!(
            "{} = \"{PLACEHOLDER}: the title in {}\"\n",
            l.code(),
            l.english_name()
        ));
    }
    s.push_str("+++\n");
    for l in langs {
        s.push_str(&format!(
            "\n## {}\n\n1. {PLACEHOLDER}: the text in {}, one numbered line per paragraph.\n",
            l.code(),
            l.english_name()
        ));
    }
    s
}

fn country(ctx: &Context, args: &NewCountryArgs) -> u8 {
    let cc = args.code.to_lowercase();
    if cc.len() != 2 || !cc.chars().all(|c| c.is_ascii_lowercase()) {
        return fail(
            format!("`{}` is not a two-letter country code", args.code),
            "use the ISO code in lower case: jo, eg, ma …",
        );
    }
    if let Err(code) = ctx.require_law() {
        return code;
    }
    let project = load_project(&ctx.root);
    let law = &project.law;
    let dir = ctx.root.join("countries").join(&cc);
    let path = dir.join("country.toml");
    if path.exists() {
        return fail(
            format!("countries/{cc}/country.toml already exists; it was left as it is"),
            "edit it, or choose another code",
        );
    }
    let text = country_file(law, &cc, args);
    if let Err(e) = write_atomic(&path, text.as_bytes()) {
        return fail(
            format!("cannot write countries/{cc}/country.toml: {e}"),
            "check that you may write in countries/",
        );
    }
    for sub in ["legislation", "variant"] {
        let _ = std::fs::create_dir_all(dir.join(sub));
    }
    if !ctx.quiet {
        eprintln!(
            "wrote countries/{cc}/country.toml, with empty legislation/ and variant/ folders"
        );
        eprintln!(
            "next: fill in the {} term{} (each says which articles use it), the currency, the ratifications and the laws in force ([[laws]]); qanun check lists what is still empty",
            law.variables.len(),
            if law.variables.len() == 1 { "" } else { "s" }
        );
    }
    EXIT_OK
}

fn toml_str(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_string()
}

/// How a new profile lists the country's laws (as comments: none is known yet).
const LAWS_GUIDE: &str = "
# The laws in force on trafficking: the anti-trafficking law, and the penal code, labour,
# domestic-work or child laws that apply to it. One [[laws]] each; `qanun import` writes a
# law's text to legislation/<id>.md. compare reads every law listed as in force that has a
# file as one body, and only when each of them has a file can it call a provision missing.
# [[laws]]
# id = \"law-9-2009\"
# title.ar = \"…\"
# number = \"9\"
# year = \"2009\"
# status = \"in-force\"
# source = \"the official gazette, issue and date\"
# confidence = \"high\"
";

/// The profile of a new country: every variable the law uses, empty, with the articles that
/// use it; every instrument with its status unknown.
fn country_file(law: &Law, cc: &str, args: &NewCountryArgs) -> String {
    // Which articles use each variable.
    let mut users: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for part in law.parts() {
        for id in &part.clauses {
            if let Some(c) = law.clauses.get(id) {
                for (v, _) in c.vars() {
                    let list = users.entry(v).or_default();
                    if !list.contains(&id.as_str()) {
                        list.push(id.as_str());
                    }
                }
            }
        }
    }
    let digits = if args.digits == "arab" {
        "arab"
    } else {
        "latn"
    };
    let mut s = format!(
        "# The profile of {cc}: its languages, names, the words its law uses for each blank of the\n# model law, and the instruments it has joined. Every fact carries a source (docs/format.md).\ncode = \"{cc}\"\nlanguages = [\"ar\", \"en\"]\n# Digits of the Arabic text: \"arab\" (١٢٣) or \"latn\" (123).\ndigits = \"{digits}\"\n\n[name]\nar = {}\nen = {}\n\n[currency]\n# The ISO 4217 code and name of the currency fines are written in.\ncode = \"\"\nname.en = \"\"\n",
        toml_str(&args.name_ar),
        toml_str(&args.name_en)
    );
    for lang in [Lang::Ar, Lang::En] {
        s.push_str(&format!("\n[terms.{}]\n", lang.code()));
        for (name, var) in &law.variables {
            let used = users
                .get(name.as_str())
                .map(|u| u.join(", "))
                .unwrap_or_else(|| "no article yet".to_string());
            let what = var
                .description
                .get(&lang)
                .or_else(|| var.description.get(&Lang::En))
                .cloned()
                .unwrap_or_default();
            s.push_str(&format!("# {what} (used by: {used})\n{name} = \"\"\n"));
        }
    }
    s.push_str(LAWS_GUIDE);
    for inst in &law.instruments {
        s.push_str(&format!(
            "\n[[ratifications]]\ninstrument = \"{}\"\n# party, signatory, not-party or unknown; with kind and date once verified.\nstatus = \"unknown\"\nsource = \"not yet checked\"\nconfidence = \"low\"\n",
            inst.id
        ));
    }
    s
}

/// A national law's file with its front matter, for a text pasted by hand. `qanun import`
/// does better with an official text, and the command says so.
fn law_file(ctx: &Context, args: &NewLawArgs) -> u8 {
    if let Err(code) = ctx.require_law() {
        return code;
    }
    let cc = args.country.to_lowercase();
    if !ctx
        .root
        .join("countries")
        .join(&cc)
        .join("country.toml")
        .is_file()
    {
        return fail(
            format!("there is no country `{cc}` (countries/{cc}/country.toml)"),
            &format!("add it first: qanun new country {cc} --name-ar … --name-en …"),
        );
    }
    if !ClauseId::is_valid(&args.id) {
        return fail(
            format!("`{}` is not a valid law id", args.id),
            "use lowercase words and digits joined by `-`, e.g. law-9-2009",
        );
    }
    let rel = format!("countries/{cc}/legislation/{}.md", args.id);
    let path = ctx.root.join(&rel);
    if path.exists() {
        return fail(
            format!("{rel} already exists; it was left as it is"),
            "choose another id, or edit that file",
        );
    }
    let text = format!(
        "+++\nid = \"{id}\"\nnumber = \"unknown\"              # the law's number, as the gazette writes it\nyear = \"unknown\"\namendments = []\nstatus = \"in-force\"               # in-force, draft, contested or none\nlanguage = \"{lang}\"\n# true only when the text below is the official text; a summary is official = false, and\n# then nothing it leaves out is ever reported as missing (docs/compare.md).\nofficial = true\n# Uncomment when some articles of the law are not below: what compare does not find in it is\n# then \"not verified\", not missing.\n# complete = false\n# total_articles = 30\nsource = \"\"                        # where the text comes from: the gazette, a URL\nconfidence = \"medium\"\n\n[title]\n{lang} = \"\"\n+++\n\n# Paste the law below, one article per \"## <number>\" heading (docs/format.md).\n# Better, for an official text: qanun import FILE --country {cc} --id {id} --force\n# reads the articles and reports what it could not understand, line by line.\n\n## 1\n\n",
        id = args.id,
        lang = args.lang,
    );
    if let Err(e) = write_atomic(&path, text.as_bytes()) {
        return fail(
            format!("cannot write {rel}: {e}"),
            "check that you may write in countries/",
        );
    }
    if !ctx.quiet {
        eprintln!(
            "wrote {rel}: fill in its number, year, source and title, then paste the articles"
        );
        eprintln!(
            "hint: for an official text, `qanun import FILE --country {cc} --id {} --force` writes this file for you from the pasted text",
            args.id
        );
    }
    EXIT_OK
}
