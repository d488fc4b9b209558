//! Stage: diff display. The diff as JSON for other tools:
//! `{"old","new","summary":{…},"changes":[{"kind":[…],"id","old_id","old_number","new_number",
//! "fields":[…],"stale_translations":[…],"text":{"ar":[{"op","text"}]}, …}]}`.
//!
//! Pure: serialises the computed diff as it is; adds and drops nothing.

use crate::diff::LawDiff;

/// The diff as pretty-printed JSON, ending with a newline.
pub fn render(diff: &LawDiff) -> String {
    // Serialising plain structs with string keys cannot fail; keep a valid document regardless.
    let mut s = serde_json::to_string_pretty(diff)
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string());
    s.push('\n');
    s
}
