//! Stage: compare (concepts). Finds the concepts of the lexicon (`law/concepts.toml`, see
//! [`crate::model::Concept`]) in a text. An expression is normalised like the text it is
//! looked for in ([`features::terms`]: hamza forms, ta marbuta, alef maqsura, harakat and
//! tatweel folded, the article and clitics removed, Latin case, accents and plural `s`
//! dropped). Each of its words matches a word of the text that begins with it
//! ("vulnerab" → "vulnerability"; "إيواء" → "بالإيواء"), in order, with at most one other
//! word between two of them. An Arabic word may also carry one or two attached clitics
//! (و ف ب ل ك: "باستغلال", "وبإيواء") before the expression's word. Pure data in, data out.

use super::features;
use crate::model::{ClauseId, Concept, Lang, LangMap};

/// Words allowed between two words of an expression.
const MAX_GAP: usize = 1;

/// Per language, an expression's first term → (concept, the expression's terms).
type FirstTerms = super::features::FxMap<(Lang, String), Vec<(u32, Vec<String>)>>;

/// The lexicon compiled for matching.
#[derive(Debug, Default)]
pub struct Lexicon {
    concepts: Vec<Entry>,
    first: FirstTerms,
    /// The lengths (in characters) of the expressions' first terms: only prefixes of these
    /// lengths are looked up.
    lengths: Vec<usize>,
    /// The subjects outside the model law ([`Concept::outside`]): for subject k, entry 2k of
    /// this matcher holds its expressions and entry 2k + 1 those of `rather_than`.
    outside: Option<Box<Lexicon>>,
}

#[derive(Debug)]
struct Entry {
    id: String,
    label: LangMap<String>,
    /// (article, paragraph) the concept is linked to.
    articles: Vec<(ClauseId, Option<u32>)>,
    requires: Vec<(ClauseId, Option<u32>)>,
}

impl Lexicon {
    pub fn new(concepts: &[Concept]) -> Lexicon {
        let (outside, concepts): (Vec<&Concept>, Vec<&Concept>) =
            concepts.iter().partition(|c| c.outside.is_some());
        let mut lexicon = Lexicon::compile(&concepts);
        if !outside.is_empty() {
            let pairs: Vec<Concept> = outside
                .iter()
                .flat_map(|c| {
                    let rather = Concept {
                        id: format!("{}/rather-than", c.id),
                        expressions: c.outside.clone().unwrap_or_default(),
                        outside: None,
                        ..(*c).clone()
                    };
                    let subject = Concept {
                        outside: None,
                        ..(*c).clone()
                    };
                    [subject, rather]
                })
                .collect();
            lexicon.outside = Some(Box::new(Lexicon::compile(
                &pairs.iter().collect::<Vec<_>>(),
            )));
        }
        lexicon
    }

    fn compile(concepts: &[&Concept]) -> Lexicon {
        let mut first: FirstTerms = FirstTerms::default();
        let mut entries = Vec::new();
        for (i, c) in concepts.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            for (lang, list) in &c.expressions {
                for e in list {
                    let terms = features::terms(e);
                    if let Some(head) = terms.first() {
                        first
                            .entry((*lang, head.clone()))
                            .or_default()
                            .push((i, terms.clone()));
                    }
                }
            }
            let pairs = |v: &[crate::model::ConceptTarget]| {
                v.iter().map(|t| (t.clause.clone(), t.paragraph)).collect()
            };
            entries.push(Entry {
                id: c.id.clone(),
                label: c.label.clone(),
                articles: pairs(&c.articles),
                requires: pairs(&c.requires),
            });
        }
        let mut lengths: Vec<usize> = first.keys().map(|(_, t)| t.chars().count()).collect();
        lengths.sort_unstable();
        lengths.dedup();
        Lexicon {
            concepts: entries,
            first,
            lengths,
            outside: None,
        }
    }

    /// The subject outside the model law that a national text (its `terms`, in `lang`) is
    /// about, if any, by its index ([`Lexicon::outside_id`], [`Lexicon::outside_label`]).
    /// A text is about such a subject when it
    /// names it (any of its expressions) more often than the model law's own subject (its
    /// `rather_than` expressions): "the offence of smuggling migrants" is; "victims of
    /// trafficking or of smuggling" is not.
    pub fn outside_subject(&self, lang: Lang, terms: &[String]) -> Option<usize> {
        let outside = self.outside.as_deref()?;
        let counts = outside.occurrences(lang, terms);
        (0..outside.concepts.len() / 2).find(|&k| {
            let subject = counts.get(2 * k).copied().unwrap_or(0);
            let rather = counts.get(2 * k + 1).copied().unwrap_or(0);
            subject > rather
        })
    }

    /// Whether a national text names no subject at all, neither one outside the model law nor
    /// the model law's own (no expression of an outside concept or of its `rather_than`): an
    /// article that only punishes "the offence of the preceding article" more severely.
    pub fn names_no_subject(&self, lang: Lang, terms: &[String]) -> bool {
        self.outside
            .as_deref()
            .is_none_or(|o| o.occurrences(lang, terms).iter().all(|&n| n == 0))
    }

    /// The id of subject `k` of [`Lexicon::outside_subject`].
    pub fn outside_id(&self, k: usize) -> &str {
        self.outside.as_deref().map_or("", |o| o.id(2 * k as u32))
    }

    /// The label of subject `k` of [`Lexicon::outside_subject`] in a language.
    pub fn outside_label(&self, k: usize, lang: Lang) -> String {
        self.outside
            .as_deref()
            .map_or_else(String::new, |o| o.label(2 * k as u32, lang))
    }

    /// The concept's id.
    pub fn id(&self, c: u32) -> &str {
        self.concepts.get(c as usize).map_or("", |e| e.id.as_str())
    }

    /// The concept's label in a language (its id when the label is missing).
    pub fn label(&self, c: u32, lang: Lang) -> String {
        self.concepts
            .get(c as usize)
            .map(|e| {
                crate::model::pick(&e.label, lang)
                    .cloned()
                    .unwrap_or_else(|| e.id.clone())
            })
            .unwrap_or_default()
    }

    /// The concepts linked to a model article: (concept, paragraph or `None` for the whole).
    pub fn linked(&self, clause: &str) -> Vec<(u32, Option<u32>)> {
        self.targets(clause, |e| &e.articles)
    }

    /// The concepts a model article requires, with the paragraph they belong to.
    pub fn required(&self, clause: &str) -> Vec<(u32, Option<u32>)> {
        self.targets(clause, |e| &e.requires)
    }

    fn targets(
        &self,
        clause: &str,
        list: impl Fn(&Entry) -> &Vec<(ClauseId, Option<u32>)>,
    ) -> Vec<(u32, Option<u32>)> {
        let mut out = Vec::new();
        for (i, e) in self.concepts.iter().enumerate() {
            for (c, p) in list(e) {
                if c.as_str() == clause {
                    out.push((u32::try_from(i).unwrap_or(u32::MAX), *p));
                }
            }
        }
        out
    }

    /// How many model articles a concept is linked to (a concept linked to many tells little).
    pub fn spread(&self, c: u32) -> usize {
        self.concepts.get(c as usize).map_or(0, |e| {
            let mut ids: Vec<&ClauseId> = e.articles.iter().map(|(c, _)| c).collect();
            ids.sort();
            ids.dedup();
            ids.len()
        })
    }

    /// The concepts whose expressions occur in `terms` (as [`features::terms`] gives them), in
    /// language `lang`; sorted, each once.
    pub fn find(&self, lang: Lang, terms: &[String]) -> Vec<u32> {
        let mut found = Vec::new();
        self.scan(lang, terms, |_, c, matches| {
            if !found.contains(&c) && matches() {
                found.push(c);
            }
        });
        found.sort_unstable();
        found
    }

    /// How many places of `terms` each concept's expressions occur at (an index per concept;
    /// two expressions of one concept starting at one word count once).
    fn occurrences(&self, lang: Lang, terms: &[String]) -> Vec<usize> {
        let mut at: Vec<(usize, u32)> = Vec::new();
        self.scan(lang, terms, |i, c, matches| {
            if matches() {
                at.push((i, c));
            }
        });
        at.sort_unstable();
        at.dedup();
        let mut counts = vec![0; self.concepts.len()];
        for (_, c) in at {
            if let Some(n) = counts.get_mut(c as usize) {
                *n += 1;
            }
        }
        counts
    }

    /// Calls `visit(word, concept, matches)` for each word of `terms` where the first term of
    /// an expression of a concept begins; `matches()` says whether the whole expression
    /// follows (the caller skips asking when the answer would not change anything).
    fn scan(
        &self,
        lang: Lang,
        terms: &[String],
        mut visit: impl FnMut(usize, u32, &dyn Fn() -> bool),
    ) {
        if self.first.is_empty() {
            return;
        }
        let mut key = (lang, String::new());
        for (i, t) in terms.iter().enumerate() {
            for stem in stems(lang, t) {
                // Every prefix of the word as long as some expression's first term (the
                // lengths are sorted): the prefix of n characters ends where character n + 1
                // begins.
                let mut lengths = self.lengths.iter().copied().peekable();
                let ends = stem
                    .char_indices()
                    .map(|(i, _)| i)
                    .skip(1)
                    .chain(std::iter::once(stem.len()));
                for (n, end) in ends.enumerate().map(|(k, end)| (k + 1, end)) {
                    while lengths.next_if(|&len| len < n).is_some() {}
                    if lengths.peek().is_none() {
                        break;
                    }
                    if lengths.next_if_eq(&n).is_none() {
                        continue;
                    }
                    key.1.clear();
                    key.1.push_str(&stem[..end]);
                    let Some(list) = self.first.get(&key) else {
                        continue;
                    };
                    for (c, expr) in list {
                        visit(i, *c, &|| follows(lang, terms, i, expr));
                    }
                }
            }
        }
    }
}

/// Whether `expr[1..]` follows the term at `i`, each word beginning a text word, with at most
/// [`MAX_GAP`] words between two.
fn follows(lang: Lang, terms: &[String], i: usize, expr: &[String]) -> bool {
    let mut at = i;
    for e in expr.iter().skip(1) {
        let next = (at + 1..=at + 1 + MAX_GAP)
            .take_while(|&j| j < terms.len())
            .find(|&j| {
                terms
                    .get(j)
                    .is_some_and(|t| stems(lang, t).any(|s| s.starts_with(e.as_str())))
            });
        match next {
            Some(j) => at = j,
            None => return false,
        }
    }
    true
}

/// The Arabic clitic letters that attach before a word without the article.
const CLITICS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

/// A word and, in Arabic, the word without one or two leading clitic letters (leaving at
/// least three letters): "وباستغلال" → itself, "باستغلال", "استغلال".
fn stems(lang: Lang, t: &str) -> impl Iterator<Item = &str> {
    let mut out = [Some(t), None, None];
    if lang == Lang::Ar {
        let mut rest = t;
        for slot in out.iter_mut().skip(1) {
            let mut chars = rest.chars();
            match chars.next() {
                Some(c) if CLITICS.contains(&c) && chars.clone().count() >= 3 => {
                    rest = chars.as_str();
                    *slot = Some(rest);
                }
                _ => break,
            }
        }
    }
    out.into_iter().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ConceptTarget, Origin};

    fn concept(id: &str, ar: &[&str], en: &[&str]) -> Concept {
        Concept {
            id: id.into(),
            label: [(Lang::En, id.to_string())].into_iter().collect(),
            articles: vec![ConceptTarget {
                clause: ClauseId("shelter".into()),
                paragraph: Some(2),
                origin: Origin::default(),
            }],
            requires: Vec::new(),
            expressions: [
                (Lang::Ar, ar.iter().map(|s| s.to_string()).collect()),
                (Lang::En, en.iter().map(|s| s.to_string()).collect()),
            ]
            .into_iter()
            .collect(),
            outside: None,
            origin: Origin::default(),
        }
    }

    fn find(lx: &Lexicon, lang: Lang, text: &str) -> Vec<String> {
        lx.find(lang, &features::terms(text))
            .into_iter()
            .map(|c| lx.id(c).to_string())
            .collect()
    }

    #[test]
    fn a_text_is_about_an_outside_subject_when_it_names_it_more_than_trafficking() {
        let mut smuggling = concept(
            "migrant-smuggling",
            &["تهريب المهاجرين", "مهاجر غير شرعي"],
            &["migrant smuggling", "smuggling of migrants"],
        );
        smuggling.articles.clear();
        smuggling.outside = Some(
            [
                (Lang::Ar, vec!["الاتجار".to_string()]),
                (Lang::En, vec!["traffick".to_string()]),
            ]
            .into_iter()
            .collect(),
        );
        let lx = Lexicon::new(&[concept("shelter", &["مأوى"], &["shelter"]), smuggling]);
        let about = |lang, text: &str| lx.outside_subject(lang, &features::terms(text));
        assert_eq!(
            about(Lang::Ar, "يعاقب كل من ارتكب جريمة تهريب المهاجرين"),
            Some(0)
        );
        // Named as often as trafficking: compared as usual.
        assert_eq!(about(Lang::Ar, "ضحايا الاتجار أو تهريب المهاجرين"), None);
        // Two expressions, two places: more than the one mention of trafficking.
        assert_eq!(
            about(
                Lang::Ar,
                "يعاقب على تهريب المهاجرين، ولا يعد المهاجر غير الشرعي ضحية الاتجار"
            ),
            Some(0)
        );
        // Two expressions at one place count once ("migrant smuggling" within "… of migrants"
        // does not occur; "smuggling of migrants" alone is one place).
        assert_eq!(
            about(
                Lang::En,
                "smuggling of migrants, unlike trafficking in persons"
            ),
            None
        );
        assert_eq!(about(Lang::En, "a shelter for victims"), None);
        assert_eq!(lx.outside_id(0), "migrant-smuggling");
        assert_eq!(lx.outside_label(0, Lang::En), "migrant-smuggling");
        // The outside subject is not a concept of the model law: it is never found as one.
        assert!(find(&lx, Lang::Ar, "تهريب المهاجرين").is_empty());
    }

    #[test]
    fn expressions_match_across_spelling_clitics_and_endings() {
        let lx = Lexicon::new(&[
            concept(
                "shelter",
                &["دار إيواء", "مأوى"],
                &["shelter", "safe house"],
            ),
            concept("vulnerability", &["استغلال حالة ضعف"], &["vulnerab"]),
        ]);
        // Clitic and article on the second word, hamza and ta marbuta spelled otherwise.
        assert_eq!(find(&lx, Lang::Ar, "تنشأ داراً للإيواء المؤقت"), ["shelter"]);
        assert_eq!(find(&lx, Lang::Ar, "وتوفر المأوى"), ["shelter"]);
        assert_eq!(
            find(&lx, Lang::Ar, "باستغلال حالة الضعف لدى الضحية"),
            ["vulnerability"]
        );
        assert_eq!(
            find(&lx, Lang::En, "Shelters for the vulnerable."),
            ["shelter", "vulnerability"]
        );
        // One word may stand between two words of an expression, not two.
        assert_eq!(
            find(&lx, Lang::En, "a safe very secret house"),
            Vec::<String>::new()
        );
        assert_eq!(find(&lx, Lang::En, "a safe secret house"), ["shelter"]);
        // The other language's expressions do not apply.
        assert!(find(&lx, Lang::Fr, "shelter").is_empty());
    }

    #[test]
    fn first_terms_of_every_length_are_found_in_words_as_long_or_longer() {
        let lx = Lexicon::new(&[
            concept("abuse", &["سخرة"], &["abuse"]),
            concept("labour", &["العمل القسري"], &["forced labour"]),
            concept("vulnerability", &["استضعاف"], &["vulnerab"]),
            concept("servitude", &["الاستعباد"], &["servitude"]),
        ]);
        // Exactly as long as the first term, longer, and shorter (not found).
        assert_eq!(find(&lx, Lang::En, "abuse"), ["abuse"]);
        assert_eq!(
            find(&lx, Lang::En, "abuses of the vulnerable in servitudes"),
            ["abuse", "vulnerability", "servitude"]
        );
        assert!(find(&lx, Lang::En, "abus vulnera servitud forc").is_empty());
        assert_eq!(find(&lx, Lang::En, "forced labours"), ["labour"]);
        // Arabic words, with and without a clitic letter before the term.
        assert_eq!(
            find(&lx, Lang::Ar, "السخرة والاستعباد وباستضعاف"),
            ["abuse", "vulnerability", "servitude"]
        );
        assert_eq!(find(&lx, Lang::Ar, "بالعمل القسري"), ["labour"]);
        assert!(find(&lx, Lang::Ar, "سخر استعبا").is_empty());
    }

    #[test]
    fn links_are_read_per_article() {
        let lx = Lexicon::new(&[concept("shelter", &["مأوى"], &["shelter"])]);
        assert_eq!(lx.linked("shelter"), vec![(0, Some(2))]);
        assert!(lx.linked("assistance").is_empty());
        assert_eq!(lx.spread(0), 1);
    }
}
