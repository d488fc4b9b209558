//! Unit tests of [`classify`] on synthetic notify events.

use super::*;
use notify::Event;
use notify::event::{AccessKind, AccessMode, CreateKind, DataChange, MetadataKind, RemoveKind};

const ROOT: &str = "/p";

fn scope() -> Scope {
    Scope::new(
        PathBuf::from(ROOT),
        vec![PathBuf::from("/p/law/own-output.md")],
    )
}

fn ev(kind: EventKind, paths: &[&str]) -> Event {
    paths
        .iter()
        .fold(Event::new(kind), |e, p| e.add_path(PathBuf::from(p)))
}

fn modify(p: &str) -> Event {
    ev(
        EventKind::Modify(ModifyKind::Data(DataChange::Content)),
        &[p],
    )
}

fn set(paths: &[&str]) -> BTreeSet<PathBuf> {
    paths.iter().map(PathBuf::from).collect()
}

fn run(events: &[Event]) -> ChangeSet {
    classify(&scope(), events)
}

#[test]
fn a_clause_edit_is_a_change() {
    let c = run(&[modify("/p/law/clauses/general/offence.md")]);
    assert_eq!(c.changed, set(&["law/clauses/general/offence.md"]));
    assert!(c.removed.is_empty());
}

#[test]
fn countries_and_templates_are_watched_too() {
    let c = run(&[
        modify("/p/countries/jo/country.toml"),
        ev(
            EventKind::Create(CreateKind::File),
            &["/p/templates/law.typ"],
        ),
    ]);
    assert_eq!(
        c.changed,
        set(&["countries/jo/country.toml", "templates/law.typ"])
    );
}

#[test]
fn files_outside_the_watched_folders_are_ignored() {
    let c = run(&[
        modify("/p/README.md"),
        modify("/p/out/jo/law-ar.pdf"),
        modify("/p/law/out/x.md"),
        modify("/other/law/law.toml"),
        modify("/p/target/debug/qanun"),
        modify("/p/law/own-output.md"),
    ]);
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn editor_temp_and_swap_files_are_ignored() {
    let names = [
        ".offence.md.swp",
        ".offence.md.swx",
        "offence.md~",
        ".#offence.md",
        "#offence.md#",
        "4913",
        "offence.md.tmp",
        ".qanun-AbC123.tmp",
        ".DS_Store",
    ];
    let events: Vec<Event> = names
        .iter()
        .map(|n| modify(&format!("/p/law/clauses/general/{n}")))
        .collect();
    assert!(run(&events).is_empty());
}

#[test]
fn reads_and_metadata_changes_are_ignored() {
    let p = "/p/law/law.toml";
    let c = run(&[
        ev(EventKind::Access(AccessKind::Any), &[p]),
        ev(
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
            &[p],
        ),
    ]);
    assert!(c.is_empty());
}

#[test]
fn a_deleted_file_is_removed() {
    let c = run(&[ev(
        EventKind::Remove(RemoveKind::File),
        &["/p/law/clauses/a.md"],
    )]);
    assert_eq!(c.removed, set(&["law/clauses/a.md"]));
    assert!(c.changed.is_empty());
}

#[test]
fn save_by_rename_from_a_temp_file_is_a_change() {
    let c = run(&[
        ev(EventKind::Create(CreateKind::File), &["/p/law/a.md.tmp"]),
        modify("/p/law/a.md.tmp"),
        ev(
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            &["/p/law/a.md.tmp", "/p/law/a.md"],
        ),
    ]);
    assert_eq!(c.changed, set(&["law/a.md"]));
    assert!(c.removed.is_empty());
}

#[test]
fn rename_halves_reported_separately() {
    let c = run(&[
        ev(
            EventKind::Modify(ModifyKind::Name(RenameMode::From)),
            &["/p/law/old.md"],
        ),
        ev(
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            &["/p/law/new.md"],
        ),
    ]);
    assert_eq!(c.changed, set(&["law/new.md"]));
    assert_eq!(c.removed, set(&["law/old.md"]));
}

#[test]
fn a_backup_rename_then_new_file_is_a_change() {
    // vim with `backupcopy=no`: a.md → a.md~, then a new a.md is written.
    let c = run(&[
        ev(
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            &["/p/law/a.md", "/p/law/a.md~"],
        ),
        ev(EventKind::Create(CreateKind::File), &["/p/law/a.md"]),
        modify("/p/law/a.md"),
        ev(EventKind::Remove(RemoveKind::File), &["/p/law/a.md~"]),
    ]);
    assert_eq!(c.changed, set(&["law/a.md"]));
    assert!(c.removed.is_empty());
}

#[test]
fn create_then_delete_in_one_batch_is_a_removal() {
    let c = run(&[
        ev(EventKind::Create(CreateKind::File), &["/p/law/x.md"]),
        ev(EventKind::Remove(RemoveKind::File), &["/p/law/x.md"]),
    ]);
    assert_eq!(c.removed, set(&["law/x.md"]));
    assert!(c.changed.is_empty());
}

#[test]
fn merging_keeps_the_later_state() {
    let mut a = run(&[modify("/p/law/a.md")]);
    a.merge(run(&[ev(
        EventKind::Remove(RemoveKind::File),
        &["/p/law/a.md"],
    )]));
    assert_eq!(a.removed, set(&["law/a.md"]));
    assert_eq!(a.len(), 1);
}

#[test]
fn clock_formats_utc_time() {
    let t = UNIX_EPOCH + Duration::from_secs(86_400 * 3 + 3600 * 21 + 60 * 5 + 9);
    assert_eq!(clock(t), "21:05:09");
}

mod batcher {
    use super::*;

    const CLAUSE: &str = "/p/law/clauses/general/offence.md";

    fn close_write(p: &str) -> Event {
        ev(
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            &[p],
        )
    }

    fn at(t0: Instant, ms: u64) -> Instant {
        t0 + Duration::from_millis(ms)
    }

    #[test]
    fn a_save_that_closes_its_file_is_due_after_the_short_settle() {
        let (mut b, t0) = (Batcher::default(), Instant::now());
        b.push(&scope(), modify(CLAUSE), t0);
        assert_eq!(b.deadline(), Some(at(t0, 100)), "still open: full debounce");
        b.push(&scope(), close_write(CLAUSE), at(t0, 2));
        assert_eq!(b.deadline(), Some(at(t0, 2) + SETTLE));
        assert!(!b.due(at(t0, 3)));
        assert!(b.due(at(t0, 2) + SETTLE));
        let c = b.take(&scope());
        assert_eq!(c.changed, set(&["law/clauses/general/offence.md"]));
        assert_eq!(b.deadline(), None, "take starts a new batch");
    }

    #[test]
    fn a_file_still_open_waits_for_the_full_debounce() {
        let (mut b, t0) = (Batcher::default(), Instant::now());
        b.push(&scope(), modify(CLAUSE), t0);
        b.push(&scope(), modify("/p/countries/jo/country.toml"), at(t0, 5));
        b.push(&scope(), close_write(CLAUSE), at(t0, 6));
        // country.toml is still open for writing.
        assert_eq!(b.deadline(), Some(at(t0, 106)));
        b.push(
            &scope(),
            close_write("/p/countries/jo/country.toml"),
            at(t0, 8),
        );
        assert_eq!(b.deadline(), Some(at(t0, 8) + SETTLE));
        assert_eq!(b.take(&scope()).len(), 2);
    }

    #[test]
    fn a_save_by_rename_is_due_after_the_settle() {
        let (mut b, t0) = (Batcher::default(), Instant::now());
        let tmp = "/p/law/clauses/general/offence.md.tmp";
        b.push(
            &scope(),
            ev(EventKind::Create(CreateKind::File), &[tmp]),
            t0,
        );
        b.push(&scope(), modify(tmp), t0);
        b.push(&scope(), close_write(tmp), t0);
        assert_eq!(b.deadline(), None, "the editor's temp file is not a change");
        b.push(
            &scope(),
            ev(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &[tmp, CLAUSE],
            ),
            at(t0, 1),
        );
        assert_eq!(b.deadline(), Some(at(t0, 1) + SETTLE));
        assert_eq!(
            b.take(&scope()).changed,
            set(&["law/clauses/general/offence.md"])
        );
    }

    #[test]
    fn a_burst_that_keeps_going_is_cut_at_the_cap() {
        let (mut b, t0) = (Batcher::default(), Instant::now());
        for ms in (0..1000).step_by(50) {
            b.push(&scope(), modify(CLAUSE), at(t0, ms));
        }
        assert_eq!(b.deadline(), Some(t0 + BATCH_CAP));
    }

    #[test]
    fn reads_metadata_and_lone_closes_start_no_batch() {
        let (mut b, t0) = (Batcher::default(), Instant::now());
        b.push(
            &scope(),
            ev(EventKind::Access(AccessKind::Read), &[CLAUSE]),
            t0,
        );
        b.push(
            &scope(),
            ev(
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
                &[CLAUSE],
            ),
            t0,
        );
        b.push(&scope(), close_write(CLAUSE), t0);
        b.push(&scope(), modify("/p/out/jo/law-ar.pdf"), t0);
        assert_eq!(b.deadline(), None);
        assert!(b.take(&scope()).is_empty());
    }

    #[test]
    fn a_deleted_clause_is_a_finished_change() {
        let (mut b, t0) = (Batcher::default(), Instant::now());
        b.push(
            &scope(),
            ev(EventKind::Remove(RemoveKind::File), &[CLAUSE]),
            t0,
        );
        assert_eq!(b.deadline(), Some(t0 + SETTLE));
        assert_eq!(
            b.take(&scope()).removed,
            set(&["law/clauses/general/offence.md"])
        );
    }
}

#[test]
fn a_change_in_one_countrys_folder_concerns_that_country_alone() {
    let c = run(&[
        modify("/p/countries/jo/country.toml"),
        modify("/p/countries/ma/legislation/dahir-1-16-127.md"),
    ]);
    assert_eq!(
        affected_countries(&c),
        Some(["jo".to_string(), "ma".to_string()].into())
    );
    let gone = run(&[ev(
        EventKind::Remove(RemoveKind::File),
        &["/p/countries/eg/legislation/law-64-2010.md"],
    )]);
    assert_eq!(affected_countries(&gone), Some(["eg".to_string()].into()));
}

#[test]
fn the_law_the_templates_or_the_first_build_concern_every_country() {
    assert_eq!(affected_countries(&ChangeSet::default()), None);
    let law = run(&[
        modify("/p/countries/jo/country.toml"),
        modify("/p/law/clauses/general/offence.md"),
    ]);
    assert_eq!(affected_countries(&law), None);
    let template = run(&[modify("/p/templates/packet.typ.tera")]);
    assert_eq!(affected_countries(&template), None);
    // A file directly under countries/ is not one country's.
    let loose = run(&[modify("/p/countries/README.md")]);
    assert_eq!(affected_countries(&loose), None);
}
