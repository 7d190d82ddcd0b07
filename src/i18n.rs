//! Translations, with Project Fluent. The messages live in `locales/<lang>/`
//! as `.ftl` files that translators edit; they are compiled into the binary.
//! A message missing from a language falls back to English at run time, and
//! the test suite fails on any missing message.

use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

use crate::domain::Language;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
    };
}

static IDS: LazyLock<Vec<(Language, LanguageIdentifier)>> = LazyLock::new(|| {
    Language::ALL
        .iter()
        .map(|l| {
            (
                *l,
                l.as_str()
                    .parse()
                    .expect("language codes are valid identifiers"),
            )
        })
        .collect()
});

fn id(lang: Language) -> &'static LanguageIdentifier {
    &IDS.iter()
        .find(|(l, _)| *l == lang)
        .expect("every language has an identifier")
        .1
}

/// The translator handed to every template: a language, and whether the
/// visitor chose it explicitly (then every link and form carries `lang=`,
/// which is how the choice is remembered without a cookie).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr {
    pub lang: Language,
    pub explicit: bool,
}

impl Tr {
    pub fn new(lang: Language, explicit: bool) -> Self {
        Self { lang, explicit }
    }

    /// The same choice, limited to the languages staff pages exist in.
    pub fn for_staff(self) -> Self {
        if self.lang.has_staff_pages() {
            self
        } else {
            Self {
                lang: Language::En,
                explicit: false,
            }
        }
    }

    /// The message `key`.
    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(id(self.lang), key)
    }

    /// The message `key` with one text argument.
    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        let mut args = std::collections::HashMap::new();
        args.insert(
            std::borrow::Cow::Borrowed(name),
            FluentValue::from(value.to_string()),
        );
        LOCALES.lookup_with_args(id(self.lang), key, &args)
    }

    /// The message `key` with one number argument (for plurals).
    pub fn tn(
        &self,
        key: &str,
        name: &'static str,
        value: impl std::borrow::Borrow<i64>,
    ) -> String {
        let mut args = std::collections::HashMap::new();
        args.insert(
            std::borrow::Cow::Borrowed(name),
            FluentValue::from(*value.borrow()),
        );
        LOCALES.lookup_with_args(id(self.lang), key, &args)
    }

    /// A day in this language's own form (`date-day`: "7 December 2026",
    /// "7 décembre 2026", "2026年12月7日"…): the translators write the form
    /// and the month names, so that no date library is needed.
    pub fn day(&self, date: &chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let mut args = std::collections::HashMap::new();
        args.insert(
            std::borrow::Cow::Borrowed("year"),
            FluentValue::from(i64::from(date.year())),
        );
        args.insert(
            std::borrow::Cow::Borrowed("month"),
            FluentValue::from(i64::from(date.month())),
        );
        args.insert(
            std::borrow::Cow::Borrowed("day"),
            FluentValue::from(i64::from(date.day())),
        );
        LOCALES.lookup_with_args(id(self.lang), "date-day", &args)
    }

    /// The label of a code (`kind-surveillance`, `status-new`, ...).
    pub fn code(&self, prefix: &str, code: &str) -> String {
        self.t(&format!(
            "{prefix}-{}",
            code.replace('_', "-").to_lowercase()
        ))
    }

    pub fn code_str(&self) -> &'static str {
        self.lang.as_str()
    }

    pub fn dir(&self) -> &'static str {
        if self.lang.is_rtl() { "rtl" } else { "ltr" }
    }

    /// `path` with the language carried along when it was chosen explicitly.
    pub fn url(&self, path: &str) -> String {
        if !self.explicit {
            return path.to_string();
        }
        let sep = if path.contains('?') { '&' } else { '?' };
        format!("{path}{sep}lang={}", self.lang.as_str())
    }

    /// The languages to offer in the picker, with the link to each.
    pub fn choices(&self, path: &str) -> Vec<(Language, String)> {
        Language::ALL
            .iter()
            .map(|l| (*l, Tr::new(*l, true).url(path)))
            .collect()
    }
}

/// Whether `key` exists in `lang` itself, without falling back (for tests
/// and the translation check).
pub fn has_message(lang: Language, key: &str) -> bool {
    // Every variable a message may use, so that a message with arguments
    // resolves without error.
    let args: std::collections::HashMap<&str, FluentValue> = [
        "code",
        "count",
        "minutes",
        "reference",
        "kib",
        "name",
        "n",
        "total",
        "recipient",
        "when",
        "group",
        "days",
        "date",
        "hours",
        "field",
        "year",
        "month",
        "day",
    ]
    .into_iter()
    .map(|k| (k, FluentValue::from(1)))
    .collect();
    LOCALES
        .lookup_single_language(id(lang), key, Some(&args))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uyghur_names_the_chinese_community_and_wechat_as_the_diaspora_does() {
        let ug = Tr::new(Language::Ug, false);
        assert!(ug.t("community-chinese").starts_with("خىتاي"));
        assert!(ug.t("channel-wechat").starts_with("ئۈندىدار"));
        // The state's word for "Chinese" appears in no Uyghur message.
        assert!(!include_str!("../locales/ug/haven.ftl").contains("جۇڭگولۇق"));
    }

    #[test]
    fn urls_carry_an_explicit_language_only() {
        assert_eq!(
            Tr::new(Language::Fr, true).url("/report"),
            "/report?lang=fr"
        );
        assert_eq!(
            Tr::new(Language::Fr, true).url("/staff/cases?before=3"),
            "/staff/cases?before=3&lang=fr"
        );
        assert_eq!(Tr::new(Language::Fr, false).url("/report"), "/report");
    }

    /// The message keys of the reference (English) file.
    fn english_keys() -> Vec<&'static str> {
        include_str!("../locales/en/haven.ftl")
            .lines()
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k))
            .filter(|k| !k.is_empty() && !k.starts_with(['#', ' ']) && !k.contains(' '))
            .collect()
    }

    #[test]
    fn every_language_has_every_message() {
        let keys = english_keys();
        assert!(keys.len() > 100, "found {} keys", keys.len());
        let mut missing = Vec::new();
        for lang in Language::ALL {
            for key in &keys {
                if !has_message(*lang, key) {
                    missing.push(format!("{}: {key}", lang.as_str()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "missing translations:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn every_translation_says_whether_a_native_speaker_reviewed_it() {
        for lang in Language::ALL.iter().filter(|l| **l != Language::En) {
            let path = format!(
                "{}/locales/{}/haven.ftl",
                env!("CARGO_MANIFEST_DIR"),
                lang.as_str()
            );
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                text.starts_with("# REVIEW STATUS:"),
                "{path} must state its review status on its first line"
            );
        }
    }

    #[test]
    fn days_are_written_in_each_language_s_own_form() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let day = |lang| {
            Tr::new(lang, true)
                .day(&d)
                .replace(['\u{2068}', '\u{2069}'], "")
        };
        assert_eq!(day(Language::En), "7 December 2026");
        assert_eq!(day(Language::Fr), "7 décembre 2026");
        assert_eq!(day(Language::ZhHans), "2026年12月7日");
        let first = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let fr = Tr::new(Language::Fr, true).day(&first);
        assert_eq!(fr.replace(['\u{2068}', '\u{2069}'], ""), "1er mars 2026");
        for lang in Language::ALL {
            let text = day(*lang);
            assert!(
                text.contains("2026") && text.contains('7'),
                "{lang:?}: {text}"
            );
        }
    }

    #[test]
    fn staff_pages_exist_in_every_language() {
        for lang in Language::ALL {
            assert_eq!(Tr::new(*lang, true).for_staff().lang, *lang);
        }
    }
}
