//! Stage: compare (curated checklists). For a few core provisions, the elements that the
//! alliance checks by name in every national law, with the word stems that show each is
//! present. Data only: no matching logic, no I/O.
//!
//! A stem is looked for inside the national text after normalisation for matching (so write
//! Arabic stems without harakat; hamza forms, ta marbuta and alef maqsura are folded). An
//! element is present when any of its stems in the comparison language occurs.

/// One element a provision must contain.
#[derive(Debug, Clone, Copy)]
pub struct Check {
    /// The model article it belongs to.
    pub clause: &'static str,
    /// What is missing when the element is absent: Arabic, English, French.
    pub label: [&'static str; 3],
    pub ar: &'static [&'static str],
    pub en: &'static [&'static str],
    pub fr: &'static [&'static str],
}

/// The curated checklists, grouped by clause.
pub const CHECKS: &[Check] = &[
    // trafficking-definition: the acts and the list of means.
    Check {
        clause: "trafficking-definition",
        label: [
            "الوسائل: استغلال حالة الضعف",
            "means: abuse of a position of vulnerability",
            "moyens : abus d'une situation de vulnérabilité",
        ],
        ar: &["ضعف", "استضعاف", "هشاش"],
        en: &["vulnerab"],
        fr: &["vulnerab"],
    },
    Check {
        clause: "trafficking-definition",
        label: [
            "الوسائل: التهديد بالقوة أو استعمالها أو القسر",
            "means: threat or use of force or coercion",
            "moyens : menace, recours à la force ou contrainte",
        ],
        ar: &["قوه", "قسر", "اكراه", "تهديد"],
        en: &["force", "coerc", "threat"],
        fr: &["force", "contrainte", "menace"],
    },
    Check {
        clause: "trafficking-definition",
        label: [
            "الوسائل: الاحتيال أو الخداع",
            "means: fraud or deception",
            "moyens : fraude ou tromperie",
        ],
        ar: &["احتيال", "خداع", "خدع", "تضليل"],
        en: &["fraud", "decept", "deceiv"],
        fr: &["fraude", "tromper"],
    },
    Check {
        clause: "trafficking-definition",
        label: [
            "الوسائل: إعطاء أو تلقي مبالغ أو مزايا لنيل موافقة من له سيطرة",
            "means: giving or receiving payments to obtain the consent of a person in control",
            "moyens : offre ou acceptation de paiements pour obtenir le consentement d'une personne ayant autorité",
        ],
        ar: &["مبالغ", "مزايا", "منافع", "مزيه"],
        en: &["payment", "benefit"],
        fr: &["paiement", "avantage"],
    },
    Check {
        clause: "trafficking-definition",
        label: [
            "الأفعال: النقل أو الإيواء أو الاستقبال",
            "acts: transport, harbouring or receipt",
            "actes : transport, hébergement ou accueil",
        ],
        ar: &["نقل", "ايواء", "استقبال"],
        en: &["transport", "harbour", "receiv", "receipt"],
        fr: &["transport", "heberge", "accueil"],
    },
    // exploitation-definition: the forms the alliance insists on.
    Check {
        clause: "exploitation-definition",
        label: [
            "الاستغلال: العمل أو الخدمة قسراً",
            "exploitation: forced labour or services",
            "exploitation : travail ou services forcés",
        ],
        ar: &["سخره", "قسرا", "جبري", "عمل القسري"],
        en: &["forced labour", "forced labor", "compulsory labour"],
        fr: &["travail force", "travail obligatoire", "services force"],
    },
    Check {
        clause: "exploitation-definition",
        label: [
            "الاستغلال: الاستعباد ومنه الاستعباد المنزلي",
            "exploitation: servitude, including domestic servitude",
            "exploitation : servitude, y compris domestique",
        ],
        ar: &["استعباد", "عبوديه"],
        en: &["servitude"],
        fr: &["servitude"],
    },
    Check {
        clause: "exploitation-definition",
        label: [
            "الاستغلال: الزواج المبكر أو القسري",
            "exploitation: early or forced marriage",
            "exploitation : mariage précoce ou forcé",
        ],
        ar: &["زواج", "تزويج"],
        en: &["marriage"],
        fr: &["mariage"],
    },
    Check {
        clause: "exploitation-definition",
        label: [
            "الاستغلال: التسول القسري",
            "exploitation: forced begging",
            "exploitation : mendicité forcée",
        ],
        ar: &["تسول"],
        en: &["begging"],
        fr: &["mendicite"],
    },
    // child-no-means: the means are not needed for a child; a child is under 18.
    Check {
        clause: "child-no-means",
        label: [
            "لا تُشترط الوسائل إذا كانت الضحية طفلاً",
            "no means required where the victim is a child",
            "aucun moyen n'est exigé lorsque la victime est un enfant",
        ],
        ar: &["طفل", "اطفال", "حدث", "قاصر", "ثامنه عشره", "18"],
        en: &["child", "minor", "under eighteen", "18"],
        fr: &["enfant", "mineur", "dix-huit", "18"],
    },
    // non-punishment: the alliance checks child victims and migration offences by name.
    Check {
        clause: "non-punishment",
        label: [
            "عدم معاقبة الضحايا من الأطفال",
            "non-punishment of child victims",
            "non-sanction des enfants victimes",
        ],
        ar: &["طفل", "اطفال", "حدث", "احداث", "قاصر"],
        en: &["child", "minor"],
        fr: &["enfant", "mineur"],
    },
    Check {
        clause: "non-punishment",
        label: [
            "عدم المعاقبة على مخالفات الدخول والإقامة والعمل",
            "no punishment for immigration, residence or labour offences",
            "pas de sanction pour les infractions d'entrée, de séjour ou de travail",
        ],
        ar: &["اقامه", "دخول", "هجره", "عمل"],
        en: &["residence", "immigration", "entry", "employment", "stay"],
        fr: &["sejour", "entree", "immigration", "travail"],
    },
    Check {
        clause: "non-punishment",
        label: [
            "عدم الاحتجاز أو الملاحقة، لا الإعفاء من العقوبة وحده",
            "no detention or prosecution, not only exemption from penalty",
            "ni détention ni poursuite, pas seulement une exemption de peine",
        ],
        ar: &["دعوي", "ملاحق", "احتجاز", "تحتجز", "توقيف", "لا تقام"],
        en: &["prosecut", "proceeding", "detain", "detention"],
        fr: &["poursuite", "detention", "detenu"],
    },
    // early-marriage: marriage as trafficking; the child's or guardian's consent irrelevant.
    Check {
        clause: "early-marriage",
        label: [
            "الزواج صورة من صور الاتجار متى توافرت أركانه",
            "marriage as a form of trafficking where its elements are present",
            "le mariage comme forme de traite lorsque ses éléments sont réunis",
        ],
        ar: &["زواج", "تزويج"],
        en: &["marriage", "marry"],
        fr: &["mariage", "marier"],
    },
    Check {
        clause: "early-marriage",
        label: [
            "لا يُعتدّ برضا الطفل أو وليه ولا بتوثيق العقد أو الإذن القضائي",
            "consent of the child or guardian, registration or judicial authorisation no defence",
            "ni le consentement de l'enfant ou du tuteur, ni l'enregistrement, ni l'autorisation judiciaire n'exonèrent",
        ],
        ar: &["رضا", "ولي", "توثيق", "اذن"],
        en: &["consent", "guardian", "registration", "authoris"],
        fr: &["consentement", "tuteur", "enregistrement", "autorisation"],
    },
    // domestic-work: the worker named, and kafala no defence.
    Check {
        clause: "domestic-work",
        label: [
            "العمال المنزليون مشمولون صراحة",
            "domestic workers covered expressly",
            "travailleurs domestiques visés expressément",
        ],
        ar: &["منزلي", "منازل", "خدم"],
        en: &["domestic"],
        fr: &["domestique", "maison"],
    },
    Check {
        clause: "domestic-work",
        label: [
            "حجز جواز السفر أو الوثائق مؤشر على الاتجار",
            "withholding passports or documents as an indicator",
            "rétention du passeport ou des documents comme indicateur",
        ],
        ar: &["جواز", "وثائق"],
        en: &["passport", "document"],
        fr: &["passeport", "document"],
    },
    // shelter: voluntary, never detention.
    Check {
        clause: "shelter",
        label: [
            "الإيواء بموافقة الضحية وليس احتجازاً",
            "shelter with the victim's consent, never detention",
            "hébergement avec le consentement de la victime, jamais une détention",
        ],
        ar: &["موافق", "رضا", "احتجاز"],
        en: &["consent", "detention", "detain"],
        fr: &["consentement", "detention"],
    },
    // re-trafficking: risk assessment.
    Check {
        clause: "re-trafficking",
        label: [
            "تقييم خطر إعادة الاتجار",
            "assessment of the risk of re-trafficking",
            "évaluation du risque de nouvelle traite",
        ],
        ar: &["خطر", "مخاطر", "تقييم"],
        en: &["risk"],
        fr: &["risque"],
    },
    // national referral mechanism: specific pathways.
    Check {
        clause: "national-referral-mechanism",
        label: [
            "مسارات خاصة للأطفال ولضحايا الزواج المبكر وللعمال المنزليين",
            "specific pathways for children, early-marriage victims and domestic workers",
            "parcours spécifiques pour les enfants, les victimes de mariage précoce et les travailleurs domestiques",
        ],
        ar: &["طفل", "اطفال", "زواج", "منزلي"],
        en: &["child", "marriage", "domestic"],
        fr: &["enfant", "mariage", "domestique"],
    },
];

/// The checks of one clause.
pub fn for_clause(clause: &str) -> impl Iterator<Item = &'static Check> {
    CHECKS.iter().filter(move |c| c.clause == clause)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_has_stems_in_every_language_and_labels() {
        for c in CHECKS {
            assert!(
                !c.ar.is_empty() && !c.en.is_empty() && !c.fr.is_empty(),
                "{}",
                c.clause
            );
            assert!(c.label.iter().all(|l| !l.is_empty()), "{}", c.clause);
        }
        assert_eq!(for_clause("non-punishment").count(), 3);
    }
}
