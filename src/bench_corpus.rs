//! A seeded, deterministic generator of realistic qanun projects, for benchmarks.
//!
//! [`generate`] writes (in memory, as a [`Corpus`] of files) a model law of N articles in Arabic
//! and English, with chapters and an annex, cross-references, instrument references, variables
//! and occasional alternative wordings; and M countries, each with a profile (a term for every
//! variable, a ratification record for every instrument) and a national law of K articles whose
//! text is partly derived from model articles (words dropped, swapped or replaced, line breaks,
//! stray page numbers and reversed lam-alef pairs as in text extracted from PDFs), so that
//! `qanun compare` has something real to align. [`revise`] makes a second draft of the same law
//! with a share of its articles changed in varied ways, for `qanun diff`.
//!
//! The same [`Spec`] always gives byte-identical files: the only source of variety is a
//! splitmix64 generator seeded from [`Spec::seed`]. The sentences are built from a vocabulary of
//! legal Arabic and English words; they read like legislation but are not drafted law.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// Articles of the model law (chapters and annex together; at least 2).
    pub articles: usize,
    /// Countries (at most [`MAX_COUNTRIES`]).
    pub countries: usize,
    /// Articles of each country's national law.
    pub national: usize,
    /// The seed: the same seed gives the same files.
    pub seed: u64,
}

impl Default for Spec {
    fn default() -> Self {
        Spec {
            articles: 100,
            countries: 3,
            national: 60,
            seed: 1,
        }
    }
}

/// The most countries [`generate`] can name with distinct two-letter codes.
pub const MAX_COUNTRIES: usize = ALLIANCE.len() + 3 * 26;

/// A deterministic pseudo-random generator (splitmix64): small, fast and good enough to vary
/// generated text; not for anything that needs real randomness.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5851_f42d_4c95_7f2d)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `p` (0.0 to 1.0).
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A generated project: file paths relative to the project root (with `/`), and their text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corpus {
    /// The files, sorted by path.
    pub files: BTreeMap<String, String>,
}

impl Corpus {
    /// Writes every file under `dir`, creating folders as needed. Existing files of the same
    /// names are replaced; other files are left alone.
    pub fn write_to(&self, dir: &Path) -> std::io::Result<()> {
        for (rel, text) in &self.files {
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, text)?;
        }
        Ok(())
    }

    /// Total size of the files in bytes.
    pub fn bytes(&self) -> usize {
        self.files.values().map(String::len).sum()
    }
}

/// Generates the project described by `spec`. Fails only when the spec cannot be met (fewer
/// than 2 articles, or more than [`MAX_COUNTRIES`] countries).
pub fn generate(spec: &Spec) -> Result<Corpus, String> {
    check_spec(spec)?;
    let mut rng = Rng::new(spec.seed);
    let draft = Draft::generate(spec.articles, &mut rng);
    let mut corpus = Corpus::default();
    draft.write(&mut corpus);
    for i in 0..spec.countries {
        let country = country_identity(i);
        write_country(&mut corpus, &draft, &country, spec.national, &mut rng);
    }
    Ok(corpus)
}

/// Generates the law of `spec` twice: as [`generate`] makes it, and as a second draft in which
/// about `changed` (0.0 to 1.0) of the articles differ in varied ways: words edited in both
/// languages or in one only (a stale translation), titles changed, status flipped, instrument
/// references added, articles renamed, moved to another chapter, removed and added. Only the
/// law is written (no countries). Returns (old, new).
pub fn revise(spec: &Spec, changed: f64) -> Result<(Corpus, Corpus), String> {
    check_spec(spec)?;
    let mut rng = Rng::new(spec.seed);
    let old = Draft::generate(spec.articles, &mut rng);
    let mut new = old.clone();
    let mut rng = Rng::new(spec.seed ^ 0xd1ff);
    new.revise(changed, &mut rng);
    let (mut a, mut b) = (Corpus::default(), Corpus::default());
    old.write(&mut a);
    new.write(&mut b);
    Ok((a, b))
}

fn check_spec(spec: &Spec) -> Result<(), String> {
    if spec.articles < 2 {
        return Err("a generated law needs at least 2 articles".into());
    }
    if spec.countries > MAX_COUNTRIES {
        return Err(format!(
            "at most {MAX_COUNTRIES} countries can be generated"
        ));
    }
    Ok(())
}

// ------------------------------------------------------------------------------------------
// Vocabulary: parallel (Arabic, English) phrases.

type Pair = (&'static str, &'static str);

const SUBJECTS: &[Pair] = &[
    ("الجهات المختصة", "the competent authorities"),
    ("النيابة العامة", "the public prosecution"),
    ("المحكمة المختصة", "the competent court"),
    ("وحدة مكافحة الاتجار بالبشر", "the anti-trafficking unit"),
    ("الوزارة المختصة", "the competent ministry"),
    ("هيئات تفتيش العمل", "the labour inspectorates"),
    ("دور الإيواء", "the shelters"),
    ("سلطات إنفاذ القانون", "the law enforcement authorities"),
    ("الدولة", "the State"),
    (
        "مؤسسات الرعاية الاجتماعية",
        "the social welfare institutions",
    ),
    (
        "سلطات الحدود والهجرة",
        "the border and migration authorities",
    ),
    ("الجهات القضائية", "the judicial authorities"),
];

const VERBS: &[Pair] = &[
    ("تكفل", "shall guarantee"),
    ("تتخذ", "shall take"),
    ("تضمن", "shall ensure"),
    ("تقدّم", "shall provide"),
    ("تتولى", "shall undertake"),
    ("تراعي", "shall take into account"),
    ("تنسّق", "shall coordinate"),
    ("تيسّر", "shall facilitate"),
    ("تعزّز", "shall strengthen"),
    ("تحترم", "shall respect"),
];

const OBJECTS: &[Pair] = &[
    (
        "حماية الضحايا والشهود",
        "the protection of victims and witnesses",
    ),
    ("الرعاية الصحية والنفسية", "health and psychological care"),
    ("المساعدة القانونية المجانية", "free legal aid"),
    (
        "سرية هوية الضحية وبياناتها",
        "the confidentiality of the victim's identity and data",
    ),
    ("الإيواء الآمن والملائم", "safe and suitable accommodation"),
    (
        "إعادة الإدماج الاجتماعي والاقتصادي",
        "social and economic reintegration",
    ),
    (
        "التعرف المبكر على الضحايا",
        "the early identification of victims",
    ),
    (
        "إحالة الضحايا إلى الخدمات المتخصصة",
        "the referral of victims to specialised services",
    ),
    ("حقوق العمال المنزليين", "the rights of domestic workers"),
    ("منع تزويج الأطفال", "the prevention of child marriage"),
    ("التعويض العادل والكافي", "fair and adequate compensation"),
    (
        "منع إعادة الاتجار بالناجين",
        "the prevention of the re-trafficking of survivors",
    ),
    (
        "إعادة الوثائق الثبوتية إلى أصحابها",
        "the return of identity documents to their holders",
    ),
    (
        "الترجمة الفورية بلغة تفهمها الضحية",
        "interpretation in a language the victim understands",
    ),
    ("فترة التعافي والتفكير", "a recovery and reflection period"),
    ("مصلحة الطفل الفضلى", "the best interests of the child"),
    (
        "عدم معاقبة الضحايا على أفعال أُكرهوا عليها",
        "the non-punishment of victims for acts they were compelled to commit",
    ),
    (
        "التدريب المتخصص للعاملين",
        "specialised training for officials",
    ),
];

const QUALIFIERS: &[Pair] = &[
    (
        "في جميع مراحل الإجراءات",
        "at every stage of the proceedings",
    ),
    ("دون أي تمييز", "without any discrimination"),
    ("وفقاً لأحكام هذا القانون", "in accordance with this Law"),
    (
        "مع مراعاة النوع الاجتماعي والسن",
        "with due regard to gender and age",
    ),
    (
        "خلال مدة لا تتجاوز ثلاثين يوماً",
        "within a period not exceeding thirty days",
    ),
    (
        "بالتنسيق مع منظمات المجتمع المدني",
        "in coordination with civil society organisations",
    ),
    (
        "بصرف النظر عن تعاون الضحية مع سلطات التحقيق",
        "regardless of the victim's cooperation with the investigating authorities",
    ),
    ("ولو تمّ ذلك برضا الضحية", "even where the victim consented"),
    (
        "على نحو يصون كرامة الضحية",
        "in a manner that preserves the victim's dignity",
    ),
    (
        "قبل الإعادة إلى بلد الأصل وبعدها",
        "before and after return to the country of origin",
    ),
];

const ACTS: &[Pair] = &[
    (
        "جنّد شخصاً أو نقله أو آواه بقصد استغلاله",
        "recruits, transports or harbours a person for the purpose of exploitation",
    ),
    (
        "احتجز الوثائق الثبوتية لعامل منزلي",
        "withholds the identity documents of a domestic worker",
    ),
    (
        "أبرم عقد زواج طفلة بقصد استغلالها",
        "concludes the marriage of a girl for the purpose of exploiting her",
    ),
    (
        "أفشى معلومات تكشف هوية الضحية",
        "discloses information revealing the identity of a victim",
    ),
    (
        "استعمل خدمات شخص مع علمه بأنه ضحية اتجار",
        "uses the services of a person knowing that the person is a victim of trafficking",
    ),
    (
        "حال دون وصول الضحية إلى العدالة",
        "prevents a victim from obtaining access to justice",
    ),
];

const TITLE_HEADS: &[Pair] = &[
    ("حماية", "Protection of"),
    ("تنظيم", "Regulation of"),
    ("ضمانات", "Safeguards for"),
    ("أحكام", "Provisions on"),
    ("إجراءات", "Procedures for"),
];

const TITLE_TAILS: &[Pair] = &[
    ("الضحايا", "victims"),
    ("الأطفال", "children"),
    ("العمال المنزليين", "domestic workers"),
    ("دور الإيواء", "shelters"),
    ("الإحالة", "referral"),
    ("التعرف على الضحايا", "identification of victims"),
    ("التعويض", "compensation"),
    ("التعاون الدولي", "international cooperation"),
    ("الزواج المبكر", "early marriage"),
    ("الشهود", "witnesses"),
];

const CHAPTER_TITLES: &[Pair] = &[
    ("أحكام عامة وتعاريف", "General provisions and definitions"),
    ("التجريم والعقاب", "Offences and penalties"),
    (
        "حماية الضحايا ومساعدتهم",
        "Protection and assistance of victims",
    ),
    ("الوقاية", "Prevention"),
    ("المؤسسات الوطنية", "National institutions"),
    ("الإجراءات", "Procedure"),
    ("التعاون الدولي", "International cooperation"),
    ("أحكام ختامية", "Final provisions"),
];

/// Arabic synonyms used to paraphrase national text (each way).
const AR_SYNONYMS: &[Pair] = &[
    ("الضحايا", "المجني عليهم"),
    ("تكفل", "تضمن"),
    ("المختصة", "المعنية"),
    ("تقدّم", "توفّر"),
    ("الإيواء", "الإقامة"),
    ("الأطفال", "القاصرين"),
    ("حماية", "صون"),
];

/// English synonyms used to paraphrase national text (each way).
const EN_SYNONYMS: &[Pair] = &[
    ("victims", "injured parties"),
    ("shall", "must"),
    ("competent", "relevant"),
    ("provide", "offer"),
    ("accommodation", "housing"),
    ("children", "minors"),
    ("protection", "safeguarding"),
];

/// The themes generated articles are tagged with: the loader's own list.
const TAGS: &[&str] = crate::load::TAGS;

/// A variable: its name, what it means in Arabic and English, and how a country's term is made.
struct Var {
    name: &'static str,
    ar: &'static str,
    en: &'static str,
    kind: VarKind,
}

enum VarKind {
    Body(Pair),
    Penalty { min_years: usize },
    Days,
}

const VARS: &[Var] = &[
    Var {
        name: "national_committee",
        ar: "الهيئة الوطنية المنسقة لمكافحة الاتجار بالبشر",
        en: "the national body that coordinates action against trafficking",
        kind: VarKind::Body((
            "اللجنة الوطنية لمكافحة الاتجار بالبشر",
            "the National Committee against Trafficking in Persons",
        )),
    },
    Var {
        name: "national_rapporteur",
        ar: "المقرر الوطني المعني بالاتجار بالبشر",
        en: "the national rapporteur on trafficking",
        kind: VarKind::Body((
            "المقرر الوطني لشؤون الاتجار بالبشر",
            "the National Rapporteur on Trafficking",
        )),
    },
    Var {
        name: "minister_justice",
        ar: "الوزير المختص بشؤون العدل",
        en: "the minister responsible for justice",
        kind: VarKind::Body(("وزير العدل", "the Minister of Justice")),
    },
    Var {
        name: "minister_interior",
        ar: "الوزير المختص بشؤون الداخلية",
        en: "the minister responsible for the interior",
        kind: VarKind::Body(("وزير الداخلية", "the Minister of the Interior")),
    },
    Var {
        name: "minister_social",
        ar: "الوزير المختص بالتنمية الاجتماعية",
        en: "the minister responsible for social development",
        kind: VarKind::Body((
            "وزير التنمية الاجتماعية",
            "the Minister of Social Development",
        )),
    },
    Var {
        name: "minister_labour",
        ar: "الوزير المختص بشؤون العمل",
        en: "the minister responsible for labour",
        kind: VarKind::Body(("وزير العمل", "the Minister of Labour")),
    },
    Var {
        name: "public_prosecution",
        ar: "جهة الادعاء العام",
        en: "the public prosecution service",
        kind: VarKind::Body(("النيابة العامة", "the Public Prosecution")),
    },
    Var {
        name: "competent_court",
        ar: "المحكمة المختصة بجرائم الاتجار بالبشر",
        en: "the court competent for trafficking offences",
        kind: VarKind::Body(("محكمة الجنايات", "the Criminal Court")),
    },
    Var {
        name: "juvenile_authority",
        ar: "الجهة المختصة بشؤون الأحداث",
        en: "the authority competent for children",
        kind: VarKind::Body(("محكمة الأحداث", "the Juvenile Court")),
    },
    Var {
        name: "victims_fund",
        ar: "صندوق مساعدة الضحايا",
        en: "the fund that assists victims",
        kind: VarKind::Body((
            "صندوق مساعدة ضحايا الاتجار بالبشر",
            "the Fund for Victims of Trafficking",
        )),
    },
    Var {
        name: "recovery_period_days",
        ar: "مدة فترة التعافي والتفكير بالأيام",
        en: "the length of the recovery and reflection period in days",
        kind: VarKind::Days,
    },
    Var {
        name: "penalty_trafficking",
        ar: "عقوبة جريمة الاتجار بالبشر الأساسية",
        en: "the penalty for the basic trafficking offence",
        kind: VarKind::Penalty { min_years: 5 },
    },
    Var {
        name: "penalty_aggravated",
        ar: "عقوبة الاتجار بالبشر في الظروف المشددة",
        en: "the penalty for aggravated trafficking",
        kind: VarKind::Penalty { min_years: 10 },
    },
    Var {
        name: "penalty_disclosure",
        ar: "عقوبة إفشاء هوية الضحية",
        en: "the penalty for disclosing a victim's identity",
        kind: VarKind::Penalty { min_years: 1 },
    },
];

/// An instrument: id, kind, year, binding, names (ar, en), short names, articles and their
/// paragraphs.
struct Instrument {
    id: &'static str,
    kind: &'static str,
    year: u32,
    binding: bool,
    name: Pair,
    short: Pair,
    articles: &'static [(&'static str, &'static [&'static str])],
}

const INSTRUMENTS: &[Instrument] = &[
    Instrument {
        id: "palermo",
        kind: "protocol",
        year: 2000,
        binding: true,
        name: (
            "بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال",
            "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children",
        ),
        short: ("بروتوكول باليرمو", "Palermo Protocol"),
        articles: &[
            ("2", &["a", "b", "c"]),
            ("3", &["a", "b", "c", "d"]),
            ("5", &["1", "2"]),
            ("6", &["1", "2", "3", "4", "5", "6"]),
            ("9", &["1", "2", "3", "4", "5"]),
        ],
    },
    Instrument {
        id: "untoc",
        kind: "convention",
        year: 2000,
        binding: true,
        name: (
            "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
            "United Nations Convention against Transnational Organized Crime",
        ),
        short: ("اتفاقية الجريمة المنظمة", "UNTOC"),
        articles: &[("5", &[]), ("24", &[])],
    },
    Instrument {
        id: "cedaw",
        kind: "convention",
        year: 1979,
        binding: true,
        name: (
            "اتفاقية القضاء على جميع أشكال التمييز ضد المرأة",
            "Convention on the Elimination of All Forms of Discrimination against Women",
        ),
        short: ("سيداو", "CEDAW"),
        articles: &[("6", &[]), ("16", &["1", "2"])],
    },
    Instrument {
        id: "crc",
        kind: "convention",
        year: 1989,
        binding: true,
        name: (
            "اتفاقية حقوق الطفل",
            "Convention on the Rights of the Child",
        ),
        short: ("اتفاقية حقوق الطفل", "CRC"),
        articles: &[("3", &["1"]), ("34", &[]), ("35", &[])],
    },
    Instrument {
        id: "ilo-c189",
        kind: "convention",
        year: 2011,
        binding: true,
        name: (
            "اتفاقية العمل اللائق للعمال المنزليين",
            "Domestic Workers Convention",
        ),
        short: ("اتفاقية العمال المنزليين", "ILO C189"),
        articles: &[("9", &[]), ("15", &[])],
    },
    Instrument {
        id: "slavery-1956",
        kind: "convention",
        year: 1956,
        binding: true,
        name: (
            "الاتفاقية التكميلية لإبطال الرق",
            "Supplementary Convention on the Abolition of Slavery",
        ),
        short: (
            "الاتفاقية التكميلية لإبطال الرق",
            "Supplementary Slavery Convention",
        ),
        articles: &[("1", &["a", "b", "c", "d"])],
    },
    Instrument {
        id: "ohchr-rpg",
        kind: "soft-law",
        year: 2002,
        binding: false,
        name: (
            "المبادئ والمبادئ التوجيهية الموصى بها بشأن حقوق الإنسان والاتجار بالبشر",
            "Recommended Principles and Guidelines on Human Rights and Human Trafficking",
        ),
        short: ("المبادئ الموصى بها", "OHCHR Principles"),
        articles: &[("P1", &[]), ("P7", &[]), ("G2", &[]), ("G6", &[])],
    },
];

/// A country of the alliance: code, names (ar, en), currency (code, ar, en), digits.
type Member = (
    &'static str,
    Pair,
    (&'static str, &'static str, &'static str),
    &'static str,
);

const ALLIANCE: &[Member] = &[
    (
        "jo",
        ("المملكة الأردنية الهاشمية", "Hashemite Kingdom of Jordan"),
        ("JOD", "دينار أردني", "Jordanian dinar"),
        "latn",
    ),
    (
        "eg",
        ("جمهورية مصر العربية", "Arab Republic of Egypt"),
        ("EGP", "جنيه مصري", "Egyptian pound"),
        "arab",
    ),
    (
        "ma",
        ("المملكة المغربية", "Kingdom of Morocco"),
        ("MAD", "درهم مغربي", "Moroccan dirham"),
        "latn",
    ),
    (
        "lb",
        ("الجمهورية اللبنانية", "Lebanese Republic"),
        ("LBP", "ليرة لبنانية", "Lebanese pound"),
        "latn",
    ),
    (
        "bh",
        ("مملكة البحرين", "Kingdom of Bahrain"),
        ("BHD", "دينار بحريني", "Bahraini dinar"),
        "arab",
    ),
    (
        "ps",
        ("دولة فلسطين", "State of Palestine"),
        ("none", "", ""),
        "latn",
    ),
    (
        "sy",
        ("الجمهورية العربية السورية", "Syrian Arab Republic"),
        ("SYP", "ليرة سورية", "Syrian pound"),
        "arab",
    ),
    (
        "ye",
        ("الجمهورية اليمنية", "Republic of Yemen"),
        ("YER", "ريال يمني", "Yemeni rial"),
        "arab",
    ),
    (
        "sd",
        ("جمهورية السودان", "Republic of the Sudan"),
        ("SDG", "جنيه سوداني", "Sudanese pound"),
        "arab",
    ),
    (
        "iq",
        ("جمهورية العراق", "Republic of Iraq"),
        ("IQD", "دينار عراقي", "Iraqi dinar"),
        "arab",
    ),
    (
        "ly",
        ("دولة ليبيا", "State of Libya"),
        ("LYD", "دينار ليبي", "Libyan dinar"),
        "arab",
    ),
];

// ------------------------------------------------------------------------------------------
// The law as a structure, so that a second draft can be derived from it.

#[derive(Debug, Clone)]
struct Para {
    ar: String,
    en: String,
    points: Vec<(String, String)>,
    option: Option<char>,
}

#[derive(Debug, Clone)]
struct Article {
    id: String,
    mandatory: bool,
    tags: Vec<&'static str>,
    instruments: Vec<String>,
    title: (String, String),
    paras: Vec<Para>,
    commentary: Option<(String, String)>,
}

#[derive(Debug, Clone)]
struct Part {
    id: String,
    title: Pair,
    articles: Vec<String>,
}

#[derive(Debug, Clone)]
struct Draft {
    chapters: Vec<Part>,
    annex: Part,
    articles: BTreeMap<String, Article>,
}

fn sentence(rng: &mut Rng, ids: &[String], own: usize) -> (String, String) {
    let reference = |rng: &mut Rng| -> String {
        let mut j = rng.below(ids.len());
        if j == own {
            j = (j + 1) % ids.len();
        }
        format!("[[{}]]", ids[j])
    };
    let (s, v, o, q) = (
        *rng.pick(SUBJECTS),
        *rng.pick(VERBS),
        *rng.pick(OBJECTS),
        *rng.pick(QUALIFIERS),
    );
    match rng.below(10) {
        0 | 1 => {
            let var = rng.pick(&VARS[11..]);
            let a = *rng.pick(ACTS);
            (
                format!("يُعاقب بـ{{{{ {} }}}} كل من {} {}.", var.name, a.0, q.0),
                format!(
                    "Whoever {} {} shall be punished by {{{{ {} }}}}.",
                    a.1, q.1, var.name
                ),
            )
        }
        2 | 3 if ids.len() > 1 => {
            let r = reference(rng);
            (
                format!("مع مراعاة أحكام {r}، {} {} {} {}.", v.0, s.0, o.0, q.0),
                format!("Subject to {r}, {} {} {} {}.", s.1, v.1, o.1, q.1),
            )
        }
        4 => {
            let var = rng.pick(&VARS[..10]);
            (
                format!("{} {{{{ {} }}}} {} {}.", v.0, var.name, o.0, q.0),
                format!("{{{{ {} }}}} {} {} {}.", var.name, v.1, o.1, q.1),
            )
        }
        5 if ids.len() > 1 => {
            let r = reference(rng);
            (
                format!("لا يُعتدّ برضا الضحية متى استُخدمت أيٌّ من الوسائل المبيّنة في {r}."),
                format!(
                    "The consent of the victim shall be irrelevant where any of the means set out in {r} has been used."
                ),
            )
        }
        6 => (
            format!(
                "يُعدّ {} حقاً للضحية {}، ولا يجوز تقييده إلا بقرار مسبّب.",
                o.0, q.0
            ),
            format!(
                "{} shall be a right of the victim {}, and may be restricted only by a reasoned decision.",
                capitalise(o.1),
                q.1
            ),
        ),
        _ => (
            format!("{} {} {} {}.", v.0, s.0, o.0, q.0),
            format!("{} {} {} {}.", capitalise(s.1), v.1, o.1, q.1),
        ),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn paragraph(rng: &mut Rng, ids: &[String], own: usize) -> Para {
    let n = 1 + rng.below(3);
    let (mut ar, mut en) = (String::new(), String::new());
    for k in 0..n {
        let (a, e) = sentence(rng, ids, own);
        if k > 0 {
            ar.push(' ');
            en.push(' ');
        }
        ar.push_str(&a);
        en.push_str(&e);
    }
    let mut points = Vec::new();
    if rng.chance(0.12) {
        ar = format!("{} {} بما يأتي:", rng.pick(VERBS).0, rng.pick(SUBJECTS).0);
        en = "The following shall apply:".to_string();
        for _ in 0..2 + rng.below(3) {
            let (o, q) = (*rng.pick(OBJECTS), *rng.pick(QUALIFIERS));
            points.push((format!("{} {}؛", o.0, q.0), format!("{} {};", o.1, q.1)));
        }
    }
    Para {
        ar,
        en,
        points,
        option: None,
    }
}

fn instrument_ref(rng: &mut Rng) -> String {
    let inst = rng.pick(INSTRUMENTS);
    let (number, paras) = *rng.pick(inst.articles);
    if paras.is_empty() || rng.chance(0.3) {
        format!("{}:{number}", inst.id)
    } else {
        format!("{}:{number}({})", inst.id, rng.pick(paras))
    }
}

fn article(rng: &mut Rng, ids: &[String], own: usize) -> Article {
    let mut paras: Vec<Para> = (0..1 + rng.below(4))
        .map(|_| paragraph(rng, ids, own))
        .collect();
    if rng.chance(0.05) {
        let mut b = paragraph(rng, ids, own);
        b.points.clear();
        let mut a = paragraph(rng, ids, own);
        a.points.clear();
        a.option = Some('a');
        b.option = Some('b');
        let at = paras.len().min(1);
        paras.insert(at, b);
        paras.insert(at, a);
    }
    if let Some(var) = VARS.get(own) {
        // The first articles use every variable once, so that every term is used.
        let q = *rng.pick(QUALIFIERS);
        let (ar, en) = match var.kind {
            VarKind::Days => (
                format!(
                    "تُمنح الضحية فترة تعافٍ وتفكير مدتها {{{{ {} }}}} يوماً {}.",
                    var.name, q.0
                ),
                format!(
                    "The victim shall be granted a recovery and reflection period of {{{{ {} }}}} days {}.",
                    var.name, q.1
                ),
            ),
            VarKind::Penalty { .. } => {
                let a = *rng.pick(ACTS);
                (
                    format!("يُعاقب بـ{{{{ {} }}}} كل من {}.", var.name, a.0),
                    format!(
                        "Whoever {} shall be punished by {{{{ {} }}}}.",
                        a.1, var.name
                    ),
                )
            }
            VarKind::Body(_) => {
                let o = *rng.pick(OBJECTS);
                (
                    format!("يتولى {{{{ {} }}}} متابعة {} {}.", var.name, o.0, q.0),
                    format!("{{{{ {} }}}} shall follow up {} {}.", var.name, o.1, q.1),
                )
            }
        };
        paras.push(Para {
            ar,
            en,
            points: Vec::new(),
            option: None,
        });
    }
    let mandatory = rng.chance(0.6);
    let mut tags: Vec<&'static str> = (0..1 + rng.below(2)).map(|_| *rng.pick(TAGS)).collect();
    tags.sort_unstable();
    tags.dedup();
    let cited = rng.below(4).max(usize::from(mandatory));
    let mut instruments: Vec<String> = (0..cited).map(|_| instrument_ref(rng)).collect();
    instruments.sort();
    instruments.dedup();
    let (h, t) = (*rng.pick(TITLE_HEADS), *rng.pick(TITLE_TAILS));
    let commentary = rng.chance(0.3).then(|| {
        let (o, q) = (*rng.pick(OBJECTS), *rng.pick(QUALIFIERS));
        (
            format!(
                "تهدف هذه المادة إلى كفالة {} {}، تنفيذاً لالتزامات الدولة الدولية.",
                o.0, q.0
            ),
            format!(
                "This article secures {} {}, implementing the State's international obligations.",
                o.1, q.1
            ),
        )
    });
    Article {
        id: ids[own].clone(),
        mandatory,
        tags,
        instruments,
        title: (format!("{} {}", h.0, t.0), format!("{} {}", h.1, t.1)),
        paras,
        commentary,
    }
}

impl Draft {
    fn generate(n: usize, rng: &mut Rng) -> Draft {
        let annex_len = (n / 20).clamp(1, n - 1);
        let main_len = n - annex_len;
        let ids: Vec<String> = (0..n)
            .map(|i| {
                let t = TITLE_TAILS[i % TITLE_TAILS.len()].1;
                let word = t.split(' ').next_back().unwrap_or("article");
                format!("{word}-{:05}", i + 1)
            })
            .collect();
        let mut articles = BTreeMap::new();
        for own in 0..n {
            let a = article(rng, &ids, own);
            articles.insert(a.id.clone(), a);
        }
        let per_chapter = 20;
        let chapters = ids[..main_len]
            .chunks(per_chapter)
            .enumerate()
            .map(|(k, chunk)| Part {
                id: format!("chapter-{:03}", k + 1),
                title: CHAPTER_TITLES[k % CHAPTER_TITLES.len()],
                articles: chunk.to_vec(),
            })
            .collect();
        let annex = Part {
            id: "shelter-regulations".into(),
            title: ("تعليمات دور الإيواء", "Shelter regulations"),
            articles: ids[main_len..].to_vec(),
        };
        Draft {
            chapters,
            annex,
            articles,
        }
    }

    /// The article ids in order (chapters, then the annex).
    fn order(&self) -> Vec<&String> {
        self.chapters
            .iter()
            .chain(std::iter::once(&self.annex))
            .flat_map(|p| p.articles.iter())
            .collect()
    }

    fn replace_refs(&mut self, old: &str, new: &str) {
        let (from, to) = (format!("[[{old}]]"), format!("[[{new}]]"));
        for a in self.articles.values_mut() {
            for p in &mut a.paras {
                if p.ar.contains(&from) {
                    p.ar = p.ar.replace(&from, &to);
                    p.en = p.en.replace(&from, &to);
                }
            }
        }
    }

    fn revise(&mut self, changed: f64, rng: &mut Rng) {
        let ids: Vec<String> = self
            .chapters
            .iter()
            .flat_map(|p| p.articles.iter().cloned())
            .collect();
        let count = ((ids.len() as f64 * changed).round() as usize).min(ids.len());
        let mut chosen = BTreeSet::new();
        while chosen.len() < count {
            chosen.insert(rng.below(ids.len()));
        }
        let all: Vec<String> = self.order().into_iter().cloned().collect();
        for (k, i) in chosen.into_iter().enumerate() {
            let id = ids[i].clone();
            match k % 10 {
                0..=3 => self.edit_words(&id, rng, true),
                4 => self.edit_words(&id, rng, false),
                5 => {
                    if let Some(a) = self.articles.get_mut(&id) {
                        a.title.0.push_str(" وآثارها");
                        a.title.1.push_str(" and their effects");
                        a.mandatory = !a.mandatory;
                        if a.mandatory && a.instruments.is_empty() {
                            a.instruments.push("palermo:5(1)".into());
                        }
                    }
                }
                6 => {
                    let r = instrument_ref(rng);
                    if let Some(a) = self.articles.get_mut(&id) {
                        a.instruments.push(r);
                        a.instruments.sort();
                        a.instruments.dedup();
                    }
                }
                7 => {
                    let new = format!("{id}-revised");
                    if let Some(mut a) = self.articles.remove(&id) {
                        a.id = new.clone();
                        self.articles.insert(new.clone(), a);
                        for p in &mut self.chapters {
                            for x in &mut p.articles {
                                if *x == id {
                                    *x = new.clone();
                                }
                            }
                        }
                        self.replace_refs(&id, &new);
                    }
                }
                8 => {
                    // Move to the end of another chapter.
                    let nc = self.chapters.len();
                    if nc > 1 {
                        let from = self.chapters.iter().position(|p| p.articles.contains(&id));
                        if let Some(from) = from {
                            let to = (from + 1 + rng.below(nc - 1)) % nc;
                            self.chapters[from].articles.retain(|x| *x != id);
                            self.chapters[to].articles.push(id.clone());
                        }
                    }
                }
                _ => {
                    if rng.chance(0.5) {
                        // Remove, pointing references at a neighbour that stays.
                        let stay = all.iter().find(|x| **x != id).cloned();
                        if let Some(stay) = stay {
                            for p in &mut self.chapters {
                                p.articles.retain(|x| *x != id);
                            }
                            self.articles.remove(&id);
                            self.replace_refs(&id, &stay);
                        }
                    } else {
                        // Add a new article after this one.
                        let new = format!("{id}-bis");
                        let own_ids = vec![id.clone(), new.clone()];
                        let a = article(rng, &own_ids, 1);
                        self.articles.insert(new.clone(), a);
                        for p in &mut self.chapters {
                            if let Some(at) = p.articles.iter().position(|x| *x == id) {
                                p.articles.insert(at + 1, new.clone());
                            }
                        }
                    }
                }
            }
        }
        self.chapters.retain(|p| !p.articles.is_empty());
    }

    fn edit_words(&mut self, id: &str, rng: &mut Rng, both: bool) {
        let Some(a) = self.articles.get_mut(id) else {
            return;
        };
        let k = rng.below(a.paras.len());
        let p = &mut a.paras[k];
        let (o, q) = (*rng.pick(OBJECTS), *rng.pick(QUALIFIERS));
        p.ar = edit(&p.ar, rng, &format!("{} {}", o.0, q.0));
        if both {
            p.en = edit(&p.en, rng, &format!("{} {}", o.1, q.1));
        }
    }

    fn write(&self, corpus: &mut Corpus) {
        corpus.files.insert("law/law.toml".into(), self.law_toml());
        corpus
            .files
            .insert("law/variables.toml".into(), variables_toml());
        corpus
            .files
            .insert("law/instruments.toml".into(), instruments_toml());
        for part in self.chapters.iter().chain(std::iter::once(&self.annex)) {
            for id in &part.articles {
                if let Some(a) = self.articles.get(id) {
                    corpus
                        .files
                        .insert(format!("law/clauses/{}/{id}.md", part.id), article_md(a));
                }
            }
        }
    }

    fn law_toml(&self) -> String {
        let mut s = String::new();
        s.push_str("# Generated by `qanun bench-corpus`: a benchmark corpus, not a law.\n");
        s.push_str("id = \"generated-model-law\"\nversion = \"1.0.0\"\ndate = \"2026-11-29\"\n\n");
        s.push_str("[title]\nar = \"القانون النموذجي لمنع الاتجار بالبشر (نص مولَّد للقياس)\"\n");
        s.push_str("en = \"Model Law on Trafficking in Persons (generated for benchmarks)\"\n\n");
        s.push_str("[author]\nar = \"التحالف الإقليمي لمناهضة الاتجار بالنساء والفتيات\"\n");
        s.push_str("en = \"Regional Alliance against Trafficking in Women and Girls\"\n\n");
        s.push_str("[languages]\nrequired = [\"ar\", \"en\"]\noptional = [\"fr\"]\n");
        let part = |s: &mut String, kind: &str, p: &Part| {
            let _ = write!(
                s,
                "\n[[{kind}]]\nid = \"{}\"\ntitle.ar = \"{}\"\ntitle.en = \"{}\"\nclauses = [",
                p.id, p.title.0, p.title.1
            );
            for (k, id) in p.articles.iter().enumerate() {
                if k > 0 {
                    s.push_str(", ");
                }
                let _ = write!(s, "\"{id}\"");
            }
            s.push_str("]\n");
        };
        for c in &self.chapters {
            part(&mut s, "chapters", c);
        }
        part(&mut s, "annexes", &self.annex);
        s
    }
}

/// Replaces a run of words of `text` (before its final full stop) with `with`.
fn edit(text: &str, rng: &mut Rng, with: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() < 4 {
        return format!("{text} {with}");
    }
    // Words inside a `{{ variable }}` are never cut.
    let mut inside = false;
    let protected: Vec<bool> = words
        .iter()
        .map(|w| {
            let was = inside || w.contains("{{");
            if w.contains("{{") {
                inside = true;
            }
            if w.contains("}}") {
                inside = false;
            }
            was || w.contains("}}")
        })
        .collect();
    let len = 1 + rng.below(2);
    let at = (0..10)
        .map(|_| 1 + rng.below(words.len() - 3))
        .find(|&at| !protected[at..(at + len).min(words.len())].contains(&true));
    let Some(at) = at else {
        return format!("{text} {with}");
    };
    let mut out: Vec<&str> = words[..at].to_vec();
    out.push(with);
    out.extend_from_slice(&words[(at + len).min(words.len())..]);
    out.join(" ")
}

fn article_md(a: &Article) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "+++\nid = \"{}\"", a.id);
    let _ = writeln!(
        s,
        "status = \"{}\"",
        if a.mandatory { "mandatory" } else { "optional" }
    );
    let list = |v: &[String]| {
        v.iter()
            .map(|x| format!("\"{x}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let tags: Vec<String> = a.tags.iter().map(|t| t.to_string()).collect();
    let _ = writeln!(s, "tags = [{}]", list(&tags));
    let _ = writeln!(s, "instruments = [{}]", list(&a.instruments));
    let _ = writeln!(
        s,
        "\n[title]\nar = \"{}\"\nen = \"{}\"\n+++",
        a.title.0, a.title.1
    );
    for (lang, ar) in [("ar", true), ("en", false)] {
        let _ = write!(s, "\n## {lang}\n\n");
        // Alternatives of one paragraph share its number, as drafters type them.
        let (mut n, mut before) = (0, None);
        for p in &a.paras {
            let text = if ar { &p.ar } else { &p.en };
            if p.option.is_none() || before.is_none() || before == p.option {
                n += 1;
            }
            before = p.option;
            let option = p
                .option
                .map(|o| format!("[option {o}] "))
                .unwrap_or_default();
            let _ = writeln!(s, "{n}. {option}{text}");
            for (pa, pe) in &p.points {
                let _ = writeln!(s, "   - {}", if ar { pa } else { pe });
            }
        }
    }
    if let Some((ar, en)) = &a.commentary {
        let _ = write!(
            s,
            "\n## commentary.ar\n\n{ar}\n\n## commentary.en\n\n{en}\n"
        );
    }
    s
}

fn variables_toml() -> String {
    let mut s = String::from("# The variables of the generated law.\n");
    for v in VARS {
        let _ = write!(s, "\n[{}]\nen = \"{}\"\nar = \"{}\"\n", v.name, v.en, v.ar);
    }
    s
}

fn instruments_toml() -> String {
    let mut s = String::from("# The instruments the generated law cites.\n");
    for i in INSTRUMENTS {
        let _ = write!(
            s,
            "\n[[instruments]]\nid = \"{}\"\nkind = \"{}\"\nyear = {}\nbinding = {}\nname.ar = \"{}\"\nname.en = \"{}\"\nshort.ar = \"{}\"\nshort.en = \"{}\"\nsource = \"generated\"\nconfidence = \"high\"\n",
            i.id, i.kind, i.year, i.binding, i.name.0, i.name.1, i.short.0, i.short.1
        );
        for (number, paras) in i.articles {
            let _ = write!(s, "\n[[instruments.articles]]\nnumber = \"{number}\"\n");
            if !paras.is_empty() {
                let list: Vec<String> = paras.iter().map(|p| format!("\"{p}\"")).collect();
                let _ = writeln!(s, "paragraphs = [{}]", list.join(", "));
            }
            let _ = write!(
                s,
                "title.ar = \"المادة {number}\"\ntitle.en = \"Article {number}\"\n"
            );
        }
    }
    s
}

// ------------------------------------------------------------------------------------------
// Countries.

struct CountryId {
    code: String,
    name: (String, String),
    currency: (String, String, String),
    digits: &'static str,
}

fn country_identity(i: usize) -> CountryId {
    if let Some((code, name, cur, digits)) = ALLIANCE.get(i) {
        return CountryId {
            code: code.to_string(),
            name: (name.0.to_string(), name.1.to_string()),
            currency: (cur.0.to_string(), cur.1.to_string(), cur.2.to_string()),
            digits,
        };
    }
    let k = i - ALLIANCE.len();
    let first = ['q', 'x', 'z'][(k / 26).min(2)];
    let second = (b'a' + (k % 26) as u8) as char;
    CountryId {
        code: format!("{first}{second}"),
        name: (
            format!("الدولة رقم {}", i + 1),
            format!("State No. {}", i + 1),
        ),
        currency: ("XXX".into(), "وحدة نقدية".into(), "currency unit".into()),
        digits: if k.is_multiple_of(2) { "arab" } else { "latn" },
    }
}

fn write_country(
    corpus: &mut Corpus,
    draft: &Draft,
    c: &CountryId,
    national: usize,
    rng: &mut Rng,
) {
    let mut terms_ar = BTreeMap::new();
    let mut terms_en = BTreeMap::new();
    for v in VARS {
        let (ar, en) = match &v.kind {
            VarKind::Body(p) => (p.0.to_string(), p.1.to_string()),
            VarKind::Days => {
                let d = (30 + 30 * rng.below(3)).to_string();
                (d.clone(), d)
            }
            VarKind::Penalty { min_years } => {
                let y = min_years + rng.below(5);
                let fine = 1000 * (1 + rng.below(50));
                if c.currency.0 == "none" || c.currency.0 == "XXX" {
                    (
                        format!("السجن مدة لا تقل عن {y} سنوات"),
                        format!("imprisonment for not less than {y} years"),
                    )
                } else {
                    (
                        format!(
                            "السجن مدة لا تقل عن {y} سنوات وبغرامة لا تقل عن {fine} {}",
                            c.currency.1
                        ),
                        format!(
                            "imprisonment for not less than {y} years and a fine of not less than {fine} {}",
                            c.currency.2
                        ),
                    )
                }
            }
        };
        terms_ar.insert(v.name, ar);
        terms_en.insert(v.name, en);
    }
    let law_id = format!("law-{}-2010", 1 + rng.below(90));
    let mut s = String::new();
    let _ = write!(
        s,
        "# Generated by `qanun bench-corpus`: a benchmark profile, not facts.\ncode = \"{}\"\nlanguages = [\"ar\", \"en\"]\ndigits = \"{}\"\n\n[name]\nar = \"{}\"\nen = \"{}\"\n\n[currency]\ncode = \"{}\"\n",
        c.code, c.digits, c.name.0, c.name.1, c.currency.0
    );
    if c.currency.0 != "none" {
        let _ = writeln!(
            s,
            "name.ar = \"{}\"\nname.en = \"{}\"",
            c.currency.1, c.currency.2
        );
    }
    s.push_str("note = \"\"\n\n[terms.ar]\n");
    for (k, v) in &terms_ar {
        let _ = writeln!(s, "{k} = \"{v}\"");
    }
    s.push_str("\n[terms.en]\n");
    for (k, v) in &terms_en {
        let _ = writeln!(s, "{k} = \"{v}\"");
    }
    s.push_str("\n[[bodies]]\n");
    let _ = write!(
        s,
        "name.ar = \"{}\"\nname.en = \"{}\"\nrole = \"coordination\"\nsource = \"generated\"\nconfidence = \"low\"\n",
        terms_ar["national_committee"], terms_en["national_committee"]
    );
    for inst in INSTRUMENTS {
        let party = rng.chance(0.7);
        let _ = write!(
            s,
            "\n[[ratifications]]\ninstrument = \"{}\"\nstatus = \"{}\"\nkind = \"{}\"\ndate = \"{}\"\nsource = \"generated\"\nconfidence = \"low\"\n",
            inst.id,
            if party { "party" } else { "not-party" },
            if party { "accession" } else { "" },
            if party {
                format!("{}", inst.year + 5 + rng.below(15) as u32)
            } else {
                "unknown".into()
            }
        );
    }
    let _ = write!(
        s,
        "\n[marriage_age]\nminimum = \"{}\"\nnote = \"\"\nsource = \"generated\"\nconfidence = \"low\"\n",
        15 + rng.below(4)
    );
    let _ = write!(
        s,
        "\n[[laws]]\nid = \"{law_id}\"\ntitle.ar = \"قانون مكافحة الاتجار بالبشر (نص مولَّد)\"\ntitle.en = \"Anti-Trafficking Law (generated)\"\nnumber = \"{}\"\nyear = \"2010\"\nstatus = \"in-force\"\nsource = \"generated\"\nconfidence = \"low\"\n",
        law_id.split('-').nth(1).unwrap_or("1")
    );
    corpus
        .files
        .insert(format!("countries/{}/country.toml", c.code), s);
    if national > 0 {
        let leg = legislation(draft, c, &law_id, national, &terms_ar, &terms_en, rng);
        corpus
            .files
            .insert(format!("countries/{}/legislation/{law_id}.md", c.code), leg);
    }
    let optioned: Vec<&String> = draft
        .order()
        .into_iter()
        .filter(|id| {
            draft
                .articles
                .get(*id)
                .is_some_and(|a| a.paras.iter().any(|p| p.option.is_some()))
        })
        .collect();
    let mut v = String::from("# Generated variant.\n\n[choices]\n");
    for id in optioned.iter().take(5) {
        let _ = writeln!(v, "{id} = \"{}\"", if rng.chance(0.5) { "a" } else { "b" });
    }
    corpus
        .files
        .insert(format!("countries/{}/variant/variant.toml", c.code), v);
}

/// The text of a model article in one language as a country's law would print it: references
/// as article numbers, variables as the country's terms, options as the first alternative.
fn plain_text(
    a: &Article,
    ar: bool,
    numbers: &BTreeMap<&String, usize>,
    terms: &BTreeMap<&str, String>,
) -> String {
    let mut out = String::new();
    for p in &a.paras {
        if p.option == Some('b') {
            continue;
        }
        let mut t = if ar { p.ar.clone() } else { p.en.clone() };
        for (pa, pe) in &p.points {
            t.push(' ');
            t.push_str(if ar { pa } else { pe });
        }
        out.push_str(&t);
        out.push(' ');
    }
    let mut s = out.trim_end().to_string();
    while let Some(start) = s.find("[[") {
        let Some(len) = s[start..].find("]]") else {
            break;
        };
        let id = &s[start + 2..start + len];
        let n = numbers
            .iter()
            .find(|(k, _)| k.as_str() == id)
            .map_or(0, |(_, n)| *n);
        let r = if ar {
            format!("المادة ({n})")
        } else {
            format!("article {n}")
        };
        s.replace_range(start..start + len + 2, &r);
    }
    while let Some(start) = s.find("{{ ") {
        let Some(len) = s[start..].find(" }}") else {
            break;
        };
        let name = &s[start + 3..start + len];
        let term = terms.get(name).cloned().unwrap_or_default();
        s.replace_range(start..start + len + 3, &term);
    }
    s.replace("بـ", "ب")
}

/// Paraphrases `text`: drops, swaps and replaces words; with `pdf`, adds broken lines, a stray
/// page number and reversed lam-alef pairs.
fn paraphrase(text: &str, ar: bool, pdf: bool, rng: &mut Rng) -> String {
    let synonyms = if ar { AR_SYNONYMS } else { EN_SYNONYMS };
    let mut words: Vec<String> = Vec::new();
    for w in text.split(' ') {
        if rng.chance(0.07) {
            continue;
        }
        let mut w = w.to_string();
        if rng.chance(0.3)
            && let Some((a, b)) = synonyms.iter().find(|(a, b)| w == *a || w == *b)
        {
            w = if w == *a { b } else { a }.to_string();
        }
        if pdf && ar && rng.chance(0.2) && w.contains("لا") {
            w = w.replacen("لا", "ال", 1);
        }
        words.push(w);
    }
    for i in 0..words.len().saturating_sub(1) {
        if rng.chance(0.04) {
            words.swap(i, i + 1);
        }
    }
    if !pdf {
        return words.join(" ");
    }
    let mut out = String::new();
    let mut line = 0;
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            if line > 8 && rng.chance(0.25) {
                out.push('\n');
                line = 0;
                if rng.chance(0.05) {
                    let _ = writeln!(out, "{}", 2 + rng.below(60));
                }
            } else {
                out.push(' ');
            }
        }
        out.push_str(w);
        line += 1;
    }
    out
}

fn legislation(
    draft: &Draft,
    c: &CountryId,
    law_id: &str,
    k: usize,
    terms_ar: &BTreeMap<&str, String>,
    terms_en: &BTreeMap<&str, String>,
    rng: &mut Rng,
) -> String {
    let order = draft.order();
    let numbers: BTreeMap<&String, usize> = order
        .iter()
        .enumerate()
        .map(|(n, id)| (*id, n + 1))
        .collect();
    let mut s = String::new();
    let _ = write!(
        s,
        "+++\nid = \"{law_id}\"\nnumber = \"{}\"\nyear = \"2010\"\namendments = []\nstatus = \"in-force\"\nlanguage = \"ar\"\nofficial = false\nsource = \"generated for benchmarks: text derived from the generated model law, with noise\"\nconfidence = \"low\"\n\n[title]\nar = \"قانون مكافحة الاتجار بالبشر (نص مولَّد)\"\nen = \"Anti-Trafficking Law (generated)\"\n+++\n",
        law_id.split('-').nth(1).unwrap_or("1")
    );
    for n in 1..=k {
        if (n - 1) % 15 == 0 {
            let _ = write!(s, "\n# الفصل {}\n", (n - 1) / 15 + 1);
        }
        let _ = write!(s, "\n## {n}\n");
        if rng.chance(0.75) {
            let a = draft.articles.get(order[rng.below(order.len())]);
            let Some(a) = a else { continue };
            let pdf = rng.chance(0.3);
            let _ = writeln!(s, "title: {}", a.title.0);
            if rng.chance(0.3) {
                let _ = writeln!(s, "model: {}", a.id);
            }
            let ar = paraphrase(&plain_text(a, true, &numbers, terms_ar), true, pdf, rng);
            let en = paraphrase(&plain_text(a, false, &numbers, terms_en), false, pdf, rng);
            let _ = write!(s, "\n{ar}\n\n### en\n\n{en}\n");
        } else {
            let (o, q) = (*rng.pick(OBJECTS), *rng.pick(QUALIFIERS));
            let _ = write!(
                s,
                "\nتُحدَّد بنظام يصدره مجلس الوزراء في {} الرسوم المتعلقة ب{} {}.\n\n### en\n\nA regulation of the Council of Ministers of {} shall set the fees relating to {} {}.\n",
                c.name.0, o.0, q.0, c.name.1, o.1, q.1
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_files_other_seed_other_files() {
        let spec = Spec {
            articles: 60,
            countries: 2,
            national: 30,
            seed: 7,
        };
        let a = generate(&spec).unwrap();
        let b = generate(&spec).unwrap();
        assert_eq!(a, b);
        let c = generate(&Spec { seed: 8, ..spec }).unwrap();
        assert_ne!(a, c);
        assert!(a.files.contains_key("law/law.toml"));
        assert!(a.files.contains_key("countries/jo/country.toml"));
        assert_eq!(
            a.files
                .keys()
                .filter(|k| k.starts_with("law/clauses/"))
                .count(),
            60
        );
    }

    #[test]
    fn generated_projects_pass_check_without_a_warning() {
        let spec = Spec {
            articles: 80,
            countries: 13,
            national: 40,
            seed: 11,
        };
        let (old, new) = revise(
            &Spec {
                countries: 0,
                ..spec
            },
            0.1,
        )
        .unwrap();
        for corpus in [generate(&spec).unwrap(), old, new] {
            let dir = tempfile::tempdir().unwrap();
            corpus.write_to(dir.path()).unwrap();
            let project = crate::load::load_project(dir.path());
            let mut diags = project.loaded.diags.clone();
            diags.extend(crate::validate::validate(&project));
            diags.extend(crate::variant::check_all(&project));
            let shown: Vec<String> = diags
                .iter()
                .map(|d| format!("{} {} {}", d.code, d.file, d.message))
                .collect();
            assert!(shown.is_empty(), "{shown:#?}");
        }
    }

    #[test]
    fn rng_is_stable_across_versions() {
        let mut r = Rng::new(42);
        let first: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
        let mut r = Rng::new(42);
        assert_eq!(first, (0..3).map(|_| r.next_u64()).collect::<Vec<_>>());
        let mut r = Rng::new(1);
        for _ in 0..1000 {
            assert!(r.below(7) < 7);
        }
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn revision_changes_about_the_share_asked() {
        let spec = Spec {
            articles: 400,
            countries: 0,
            national: 0,
            seed: 3,
        };
        let (old, new) = revise(&spec, 0.05).unwrap();
        assert_eq!(old, generate(&spec).unwrap());
        let differing = old
            .files
            .iter()
            .filter(|(k, v)| new.files.get(*k) != Some(*v))
            .count();
        assert!((10..=40).contains(&differing), "{differing}");
        assert_eq!(revise(&spec, 0.05).unwrap().1, new);
    }

    #[test]
    fn impossible_specs_are_refused() {
        assert!(
            generate(&Spec {
                articles: 1,
                ..Spec::default()
            })
            .is_err()
        );
        assert!(
            generate(&Spec {
                countries: MAX_COUNTRIES + 1,
                ..Spec::default()
            })
            .is_err()
        );
    }

    #[test]
    fn many_countries_have_distinct_codes() {
        let codes: BTreeSet<String> = (0..MAX_COUNTRIES)
            .map(|i| country_identity(i).code)
            .collect();
        assert_eq!(codes.len(), MAX_COUNTRIES);
    }
}
