//! Unit tests of the diff stage on drafts built in memory.

use super::*;
use crate::model::Status;

fn art(id: &str, part: &str, ar: &str, en: &str) -> DraftArticle {
    let mut a = DraftArticle {
        id: ClauseId::new(id),
        part: part.to_string(),
        ..DraftArticle::default()
    };
    a.title.insert(Lang::Ar, format!("عنوان {id}"));
    a.title.insert(Lang::En, format!("Title {id}"));
    a.text.insert(Lang::Ar, ar.to_string());
    a.text.insert(Lang::En, en.to_string());
    a
}

fn draft(label: &str, mut arts: Vec<DraftArticle>) -> Draft {
    for (i, a) in arts.iter_mut().enumerate() {
        a.number = (i + 1).to_string();
    }
    Draft {
        label: label.to_string(),
        country: None,
        primary: Lang::Ar,
        langs: vec![Lang::Ar, Lang::En],
        articles: arts,
    }
}

/// Five clauses in two chapters, with distinct texts.
fn base() -> Vec<DraftArticle> {
    vec![
        art(
            "a",
            "one",
            "يُعاقب كل من ارتكب جريمة الاتجار بالبشر",
            "Whoever commits trafficking shall be punished",
        ),
        art(
            "b",
            "one",
            "لا يُعتدّ برضا المجني عليه",
            "The consent of the victim is irrelevant",
        ),
        art(
            "c",
            "one",
            "تُنشأ لجنة وطنية لمكافحة الاتجار",
            "A national committee is established",
        ),
        art(
            "d",
            "two",
            "تلتزم الدولة بتوفير دور إيواء آمنة للضحايا",
            "The State shall provide safe shelters for victims",
        ),
        art(
            "e",
            "two",
            "يُعمل بهذا القانون من تاريخ نشره",
            "This law enters into force on publication",
        ),
    ]
}

fn run(old: Vec<DraftArticle>, new: Vec<DraftArticle>) -> LawDiff {
    diff(
        &draft("old", old),
        &draft("new", new),
        &DiffOptions::default(),
    )
}

fn kinds(d: &LawDiff, id: &str) -> Vec<Kind> {
    d.changes
        .iter()
        .find(|c| c.id.as_str() == id)
        .map(|c| c.kinds.clone())
        .unwrap_or_default()
}

#[test]
fn identical_drafts_have_no_changes() {
    let d = run(base(), base());
    assert!(!d.has_changes());
    assert_eq!(d.summary.unchanged, 5);
}

#[test]
fn an_added_clause_renumbers_the_following_ones_without_moving_them() {
    let mut new = base();
    new.insert(
        1,
        art("x", "one", "نص جديد تماما هنا", "Entirely new text here"),
    );
    let d = run(base(), new);
    assert_eq!(kinds(&d, "x"), vec![Kind::Added]);
    for id in ["b", "c", "d", "e"] {
        assert_eq!(kinds(&d, id), vec![Kind::Renumbered], "{id}");
    }
    assert_eq!(d.summary.added, 1);
    assert_eq!(d.summary.renumbered, 4);
    assert_eq!(d.summary.moved, 0);
    assert_eq!(d.summary.unchanged, 1);
    let x = &d.changes[0];
    assert_eq!(x.id.as_str(), "x");
    assert_eq!(
        x.text[&Lang::Ar],
        vec![Segment::new(Op::Insert, "نص جديد تماما هنا")]
    );
}

#[test]
fn a_removed_clause_stands_where_it_was() {
    let mut new = base();
    new.remove(2);
    let d = run(base(), new);
    let ids: Vec<&str> = d.changes.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec!["c", "d", "e"]);
    assert_eq!(kinds(&d, "c"), vec![Kind::Removed]);
    assert_eq!(d.changes[0].old_number.as_deref(), Some("3"));
    assert_eq!(d.changes[0].new_number, None);
}

#[test]
fn a_clause_moved_to_another_place_is_moved_not_removed_and_added() {
    let mut new = base();
    let a = new.remove(0);
    new.insert(2, a);
    let d = run(base(), new);
    assert_eq!(kinds(&d, "a"), vec![Kind::Moved]);
    // b and c shifted up by one because a left; they did not move.
    assert_eq!(kinds(&d, "b"), vec![Kind::Renumbered]);
    assert_eq!(kinds(&d, "c"), vec![Kind::Renumbered]);
    assert_eq!(d.summary.moved, 1);
}

#[test]
fn a_change_of_chapter_is_a_move_even_in_the_same_place() {
    let mut new = base();
    new[2].part = "two".into();
    let d = run(base(), new);
    assert_eq!(kinds(&d, "c"), vec![Kind::Moved]);
    let c = &d.changes[0];
    assert_eq!(c.chapter.as_ref().map(|p| p.new.as_str()), Some("two"));
}

#[test]
fn moved_and_modified_at_once() {
    let mut new = base();
    new[0].part = "two".into();
    new[0].text.insert(
        Lang::Ar,
        "يُعاقب بالحبس كل من ارتكب جريمة الاتجار بالبشر".into(),
    );
    let d = run(base(), new);
    assert_eq!(kinds(&d, "a"), vec![Kind::Modified, Kind::Moved]);
}

#[test]
fn a_near_identical_clause_under_a_new_id_is_renamed() {
    let mut new = base();
    new[1].id = ClauseId::new("consent-irrelevant");
    let d = run(base(), new);
    let c = &d.changes[0];
    assert_eq!(c.kinds, vec![Kind::Renamed]);
    assert_eq!(c.old_id.as_ref().map(ClauseId::as_str), Some("b"));
    assert_eq!(c.similarity, Some(1.0));
    assert_eq!(d.summary.renamed, 1);
    assert_eq!(d.summary.added + d.summary.removed, 0);
}

#[test]
fn a_different_clause_under_a_new_id_is_not_a_rename() {
    let mut new = base();
    new[1] = art(
        "z",
        "one",
        "نص مختلف كليا عن السابق",
        "A completely different text",
    );
    let d = run(base(), new);
    assert_eq!(kinds(&d, "z"), vec![Kind::Added]);
    assert_eq!(kinds(&d, "b"), vec![Kind::Removed]);
}

#[test]
fn word_changes_are_reported_per_language_with_stale_translations() {
    let mut new = base();
    new[3].text.insert(
        Lang::Ar,
        "تلتزم الدولة بتوفير دور إيواء آمنة ومجانية للضحايا".into(),
    );
    let d = run(base(), new);
    let c = &d.changes[0];
    assert_eq!(c.kinds, vec![Kind::Modified]);
    assert_eq!(c.fields, vec![Field::Text(Lang::Ar)]);
    assert_eq!(c.stale_translations, vec![Lang::En]);
    assert!(c.text[&Lang::Ar].contains(&Segment::new(Op::Insert, "ومجانية ")));
    assert!(!c.text.contains_key(&Lang::En));
}

#[test]
fn a_translation_changed_alone_flags_the_primary_text() {
    let mut new = base();
    new[4].text.insert(
        Lang::En,
        "This law shall enter into force on its publication".into(),
    );
    let d = run(base(), new);
    assert_eq!(d.changes[0].stale_translations, vec![Lang::Ar]);
    let mut both = base();
    both[4]
        .text
        .insert(Lang::En, "This law shall enter into force".into());
    both[4].text.insert(Lang::Ar, "يُعمل بهذا القانون".into());
    let d = run(base(), both);
    assert!(d.changes[0].stale_translations.is_empty());
}

#[test]
fn front_matter_changes_are_listed_in_order() {
    let mut new = base();
    new[0].status = Status::Optional;
    new[0].title.insert(Lang::Ar, "عنوان جديد".into());
    new[0].tags = vec!["penalties".into()];
    new[0].instruments = vec!["palermo:5".into()];
    let mut old = base();
    old[0].instruments = vec!["palermo:3(a)".into()];
    let d = run(old, new);
    let c = &d.changes[0];
    assert_eq!(
        c.fields,
        vec![
            Field::Title(Lang::Ar),
            Field::Status,
            Field::Tags,
            Field::Instruments
        ]
    );
    assert!(c.status_changed());
    assert_eq!(c.instruments.added, vec!["palermo:5"]);
    assert_eq!(c.instruments.removed, vec!["palermo:3(a)"]);
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(
        json["changes"][0]["fields"],
        serde_json::json!(["title.ar", "status", "tags", "instruments"])
    );
}

#[test]
fn the_language_filter_limits_what_is_compared() {
    let mut new = base();
    new[4].text.insert(Lang::En, "Changed English only".into());
    let opts = DiffOptions {
        langs: vec![Lang::Ar],
        ..DiffOptions::default()
    };
    let d = diff(&draft("o", base()), &draft("n", new), &opts);
    assert!(!d.has_changes());
    assert_eq!(d.langs, vec![Lang::Ar]);
}

#[test]
fn diacritics_can_be_ignored() {
    let mut new = base();
    new[0]
        .text
        .insert(Lang::Ar, "يعاقب كل من ارتكب جريمة الاتجار بالبشر".into());
    assert!(run(base(), new.clone()).has_changes());
    let opts = DiffOptions {
        ignore_diacritics: true,
        ..DiffOptions::default()
    };
    assert!(!diff(&draft("o", base()), &draft("n", new), &opts).has_changes());
}

#[test]
fn the_json_has_the_documented_shape() {
    let mut new = base();
    new[1].text.insert(Lang::Ar, "لا يُعتدّ برضا الضحية".into());
    let d = run(base(), new);
    let v = serde_json::to_value(&d).unwrap();
    for k in ["old", "new", "summary", "changes"] {
        assert!(v.get(k).is_some(), "{k}");
    }
    for k in [
        "added",
        "removed",
        "modified",
        "renamed",
        "moved",
        "unchanged",
    ] {
        assert!(v["summary"][k].is_u64(), "{k}");
    }
    let c = &v["changes"][0];
    assert_eq!(c["kind"], serde_json::json!(["modified"]));
    assert_eq!(c["id"], "b");
    assert!(c["old_id"].is_null());
    assert_eq!(c["old_number"], "2");
    assert_eq!(c["new_number"], "2");
    assert_eq!(c["stale_translations"], serde_json::json!(["en"]));
    assert_eq!(c["text"]["ar"][0]["op"], "equal");
    assert_eq!(c["text"]["ar"][1]["op"], "delete");
    assert_eq!(c["text"]["ar"][1]["text"], "المجني عليه");
    assert_eq!(c["text"]["ar"][2]["text"], "الضحية");
}

#[test]
fn drafts_are_built_from_a_law_with_source_text() {
    let mut diags = Vec::new();
    let text = "+++\nid = \"x\"\nstatus = \"mandatory\"\n+++\n\n## ar\n\n1. نص [[y]] و{{ court }}.\n   - بند\n2. [option a] خيار\n\n## en\n\nPlain.\n";
    let clause = crate::load::parse_clause("x.md", text, &mut diags).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    let law = crate::load::input::single_clause_law(clause);
    let d = Draft::from_law(&law, "law");
    assert_eq!(d.articles.len(), 1);
    assert_eq!(d.articles[0].number, "1");
    assert_eq!(
        d.articles[0].text[&Lang::Ar],
        "نص [[y]] و{{ court }}.\n   - بند\n[option a] خيار"
    );
    assert_eq!(d.articles[0].text[&Lang::En], "Plain.");
}

#[test]
fn two_single_clauses_pair_whatever_their_ids_with_threshold_zero() {
    let old = draft("o", vec![art("a", "", "نص أول", "First")]);
    let new = draft("n", vec![art("b", "", "كلام آخر", "Other")]);
    let opts = DiffOptions {
        rename_threshold: 0.0,
        ..DiffOptions::default()
    };
    let d = diff(&old, &new, &opts);
    assert_eq!(d.changes.len(), 1);
    assert_eq!(d.changes[0].kinds, vec![Kind::Modified, Kind::Renamed]);
}
