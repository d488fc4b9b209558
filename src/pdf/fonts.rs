//! Stage pdf: the fonts a document may use — Amiri Regular and Bold embedded in the binary,
//! then optional font folders and system fonts. Reads font files only; knows nothing of laws.

use std::sync::{Arc, LazyLock};

use typst::foundations::Bytes;
use typst::text::Font;
use typst_kit::fonts::{self, FontPath, FontStore};

use super::options::EngineOptions;

/// The font family every document uses unless its template sets another one.
pub const DEFAULT_FAMILY: &str = "Amiri";

/// Amiri 0.113 (SIL OFL 1.1), see `assets/fonts/README.md`.
static AMIRI_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Amiri-Regular.ttf");
static AMIRI_BOLD: &[u8] = include_bytes!("../../assets/fonts/Amiri-Bold.ttf");

/// The embedded fonts, parsed once per process (no copy: they borrow the static bytes).
/// The embedded Amiri Regular as base64, for documents that carry their font (the HTML
/// report).
pub fn amiri_base64() -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(AMIRI_REGULAR)
}

static EMBEDDED: LazyLock<Vec<Font>> = LazyLock::new(|| {
    [AMIRI_REGULAR, AMIRI_BOLD]
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect()
});

/// The store of the default engine (embedded fonts only), shared by every such engine.
static EMBEDDED_STORE: LazyLock<Arc<FontStore>> = LazyLock::new(|| {
    let mut store = FontStore::new();
    push_embedded(&mut store);
    Arc::new(store)
});

/// The embedded fonts, as Typst fonts (cheap to clone).
pub(crate) fn embedded() -> &'static [Font] {
    &EMBEDDED
}

fn push_embedded(store: &mut FontStore) {
    store.extend(
        embedded()
            .iter()
            .map(|font| (font.clone(), font.info().clone())),
    );
}

/// The font store for these options: the shared embedded store when no extra fonts are asked
/// for, otherwise a new store with the embedded fonts first, then each font folder, then the
/// system fonts. Scanned fonts are sorted by path so the order (and Typst's choice between
/// equal candidates) does not depend on directory listing order.
pub(crate) fn store(options: &EngineOptions) -> Result<Arc<FontStore>, String> {
    if options.font_paths.is_empty() && !options.system_fonts {
        return Ok(Arc::clone(&EMBEDDED_STORE));
    }
    let mut store = FontStore::new();
    push_embedded(&mut store);
    for dir in &options.font_paths {
        if !dir.is_dir() {
            return Err(format!("font path {} is not a folder", dir.display()));
        }
        store.extend(sorted(fonts::scan(dir)));
    }
    if options.system_fonts {
        store.extend(sorted(fonts::system()));
    }
    Ok(Arc::new(store))
}

fn sorted<I, T>(found: I) -> Vec<(FontPath, T)>
where
    I: IntoIterator<Item = (FontPath, T)>,
{
    let mut found: Vec<_> = found.into_iter().collect();
    found.sort_by(|(a, _), (b, _)| (&a.path, a.index).cmp(&(&b.path, b.index)));
    found
}

/// The family names in a store, sorted and deduplicated.
pub(crate) fn families(store: &FontStore) -> Vec<String> {
    let mut names: Vec<String> = store
        .book()
        .families()
        .map(|(name, _)| name.to_string())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// `available font families: Amiri, …` for hints, at most ten names.
pub(crate) fn families_hint(store: &FontStore) -> String {
    const SHOWN: usize = 10;
    let names = families(store);
    let shown: Vec<&str> = names.iter().take(SHOWN).map(String::as_str).collect();
    let mut hint = format!("available font families: {}", shown.join(", "));
    if names.len() > SHOWN {
        hint.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    hint
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amiri_regular_and_bold_are_embedded() {
        let fonts = embedded();
        assert_eq!(fonts.len(), 2);
        for font in fonts {
            assert_eq!(font.info().family, DEFAULT_FAMILY);
        }
        let weights: Vec<u16> = fonts
            .iter()
            .map(|f| f.info().variant.weight.to_number())
            .collect();
        assert_eq!(weights, [400, 700]);
    }

    #[test]
    fn default_store_is_shared() {
        let options = EngineOptions::default();
        let a = store(&options);
        let b = store(&options);
        assert!(matches!((&a, &b), (Ok(a), Ok(b)) if Arc::ptr_eq(a, b)));
    }

    #[test]
    fn font_path_must_be_a_folder() {
        let options = EngineOptions {
            font_paths: vec!["/nonexistent/qanun-fonts".into()],
            ..EngineOptions::default()
        };
        let err = store(&options).err().unwrap_or_default();
        assert!(err.contains("/nonexistent/qanun-fonts"), "{err}");
    }

    #[test]
    fn font_path_adds_fonts_after_amiri() -> Result<(), String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        std::fs::write(dir.path().join("copy.ttf"), AMIRI_BOLD).map_err(|e| e.to_string())?;
        let options = EngineOptions {
            font_paths: vec![dir.path().to_path_buf()],
            ..EngineOptions::default()
        };
        let store = store(&options)?;
        assert_eq!(store.book().families().count(), 1);
        assert!(
            store.font(2).is_some(),
            "the scanned copy is the third font"
        );
        assert_eq!(families(&store), ["Amiri"]);
        Ok(())
    }
}
