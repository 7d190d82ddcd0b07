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

    /// The message `key` with two text arguments.
    pub fn t2(&self, key: &str, a: (&'static str, &str), b: (&'static str, &str)) -> String {
        let args: std::collections::HashMap<_, _> = [a, b]
            .into_iter()
            .map(|(name, value)| {
                (
                    std::borrow::Cow::Borrowed(name),
                    FluentValue::from(value.to_string()),
                )
            })
            .collect();
        LOCALES.lookup_with_args(id(self.lang), key, &args)
    }

    /// The message `key` with one number argument (for plurals).
    pub fn tn(&self, key: &str, name: &'static str, value: impl Count) -> String {
        self.with_args(key, vec![(name, FluentValue::from(value.count()))])
    }

    /// The message `key` with arguments.
    fn with_args(&self, key: &str, args: Vec<(&'static str, FluentValue<'static>)>) -> String {
        let args: std::collections::HashMap<std::borrow::Cow<'static, str>, FluentValue> = args
            .into_iter()
            .map(|(k, v)| (std::borrow::Cow::Borrowed(k), v))
            .collect();
        LOCALES.lookup_with_args(id(self.lang), key, &args)
    }

    /// Where a reporter is in the form: "Step 2 of 4: What happened".
    pub fn step(
        &self,
        n: impl std::borrow::Borrow<u8>,
        total: impl std::borrow::Borrow<u8>,
        title_key: &str,
    ) -> String {
        self.with_args(
            "step-of",
            vec![
                ("n", FluentValue::from(i64::from(*n.borrow()))),
                ("total", FluentValue::from(i64::from(*total.borrow()))),
                ("title", FluentValue::from(self.t(title_key))),
            ],
        )
    }

    /// One line of a form's list of problems: the question and what is
    /// wrong, in the order and with the punctuation of the language.
    pub fn error_item(&self, label_key: &str, message_key: &str) -> String {
        self.with_args(
            "error-summary-item",
            vec![
                ("field", FluentValue::from(self.t(label_key))),
                ("problem", FluentValue::from(self.t(message_key))),
            ],
        )
    }

    /// The same, for a question on another step of the form.
    pub fn error_elsewhere(
        &self,
        label_key: &str,
        message_key: &str,
        step: impl std::borrow::Borrow<u8>,
    ) -> String {
        self.with_args(
            "error-summary-elsewhere",
            vec![
                ("field", FluentValue::from(self.t(label_key))),
                ("problem", FluentValue::from(self.t(message_key))),
                ("n", FluentValue::from(i64::from(*step.borrow()))),
            ],
        )
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

    /// A month in this language's own form (`date-month`: "May 2026",
    /// "mai 2026", "2026年5月"…), like [`Tr::day`].
    pub fn month(&self, year: i32, month: u32) -> String {
        let mut args = std::collections::HashMap::new();
        args.insert(
            std::borrow::Cow::Borrowed("year"),
            FluentValue::from(i64::from(year)),
        );
        args.insert(
            std::borrow::Cow::Borrowed("month"),
            FluentValue::from(i64::from(month)),
        );
        LOCALES.lookup_with_args(id(self.lang), "date-month", &args)
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

/// A number a message counts (plurals choose their form by it), as
/// templates hand it over: by value or by reference, of any integer type.
pub trait Count {
    fn count(&self) -> i64;
}

macro_rules! count {
    ($($t:ty),*) => {
        $(impl Count for $t {
            fn count(&self) -> i64 {
                i64::try_from(*self).unwrap_or(i64::MAX)
            }
        })*
    };
}
count!(i64, i32, u32, u8, usize, u64);

impl<T: Count> Count for &T {
    fn count(&self) -> i64 {
        (*self).count()
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
        "tries",
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
        "problem",
        "title",
        "status",
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

    /// Runs of Latin words and numbers ("25 MB. JPEG, PNG") inside Uyghur
    /// text are wrapped in Unicode isolates, so that the right-to-left
    /// layout does not reorder them.
    #[test]
    fn uyghur_isolates_its_runs_of_latin_words_and_numbers() {
        let mut bare = Vec::new();
        for line in include_str!("../locales/ug/haven.ftl").lines() {
            if line.starts_with('#') {
                continue;
            }
            let value = match line.split_once(" = ") {
                Some((key, value)) if !key.starts_with(' ') => value,
                _ => line.split_once("] ").map_or(line, |(_, v)| v),
            };
            let (mut isolated, mut placeable) = (0, false);
            // The kind of what came last outside isolates and placeables:
            // a Latin word or number, then what separates it from another.
            // (A number alone, such as 10,000, needs no isolate.)
            let (mut word, mut letters, mut gap) = (false, false, false);
            for c in value.chars() {
                match c {
                    '\u{2068}' => isolated += 1,
                    '\u{2069}' => isolated -= 1,
                    '{' => placeable = true,
                    '}' => placeable = false,
                    _ if isolated > 0 || placeable => {}
                    c if c.is_ascii_alphanumeric() => {
                        if word && gap && (letters || c.is_ascii_alphabetic()) {
                            bare.push(line.to_string());
                            break;
                        }
                        if gap || !word {
                            letters = false;
                        }
                        (word, gap) = (true, false);
                        letters |= c.is_ascii_alphabetic();
                    }
                    ' ' | ',' | '.' | ':' | '/' | '-' if word => gap = true,
                    _ => (word, gap) = (false, false),
                }
            }
        }
        assert!(bare.is_empty(), "not isolated:\n{}", bare.join("\n"));
    }

    /// A number that counts something ("{ $minutes } minutes", "{ $count }
    /// reports") is given plural variants in the languages that have them
    /// (English and French here), never "minute(s)".
    #[test]
    fn counted_things_have_plural_variants() {
        // (`$n` numbers an entry or a step: "Entry { $n } was altered".)
        let numbers = [
            "count", "minutes", "hours", "days", "total", "files", "tries",
        ];
        let mut bare = Vec::new();
        for (lang, ftl) in [
            ("en", include_str!("../locales/en/haven.ftl")),
            ("fr", include_str!("../locales/fr/haven.ftl")),
        ] {
            assert!(!ftl.contains("(s)"), "{lang}: a glued plural");
            for line in ftl.lines() {
                let Some((key, value)) = line.split_once(" = ") else {
                    continue;
                };
                if key.starts_with(' ') || key.starts_with('#') || value.trim_end().ends_with("->")
                {
                    continue;
                }
                for number in numbers {
                    let placeable = format!("{{ ${number} }} ");
                    let counted = value.match_indices(&placeable).any(|(at, _)| {
                        value[at + placeable.len()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphabetic)
                    });
                    if counted {
                        bare.push(format!("{lang}: {key} counts ${number}"));
                    }
                }
            }
        }
        assert!(
            bare.is_empty(),
            "without plural variants:\n{}",
            bare.join("\n")
        );
    }

    /// The messages a reporter can see: every key named in the public
    /// pages' templates and in the code behind them, and every message of
    /// a family those pages choose from (`t.code("kind", …)`: `kind-*`).
    fn public_messages() -> std::collections::BTreeSet<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let english = include_str!("../locales/en/haven.ftl");
        let keys: std::collections::BTreeSet<&str> = english
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
            .filter(|k| !k.starts_with(' ') && !k.starts_with('#'))
            .collect();
        let mut sources = vec![
            root.join("templates/base.html"),
            root.join("templates/error.html"),
            root.join("templates/_macros.html"),
            root.join("templates/_public_header.html"),
            root.join("templates/_public_footer.html"),
            root.join("templates/_report_errors.html"),
            root.join("templates/_report_fields.html"),
            root.join("src/web/errors.rs"),
            root.join("src/domain/intake/parse.rs"),
            root.join("src/domain/intake/fields.rs"),
            root.join("src/domain/intake/mod.rs"),
            root.join("src/routes/intake_form/upload.rs"),
        ];
        for dir in [
            "templates/public",
            "src/routes/public",
            "src/cases/follow_up",
        ] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                sources.push(entry.unwrap().path());
            }
        }
        for n in 1..=4 {
            sources.push(root.join(format!("templates/_report_step_{n}.html")));
        }
        let mut found = std::collections::BTreeSet::new();
        let mut families = vec![
            "field-".to_string(),
            "date-".to_string(),
            "month-".to_string(),
        ];
        for path in sources {
            let text = std::fs::read_to_string(&path).unwrap();
            for literal in text.split('"').skip(1).step_by(2) {
                if keys.contains(literal) {
                    found.insert(literal.to_string());
                }
            }
            for (at, _) in text.match_indices("t.code(\"") {
                let rest = &text[at + 8..];
                if let Some(end) = rest.find('"') {
                    families.push(format!("{}-", &rest[..end]));
                }
            }
        }
        for helper in ["step-of", "error-summary-item", "error-summary-elsewhere"] {
            found.insert(helper.to_string());
        }
        for key in &keys {
            if families.iter().any(|f| key.starts_with(f.as_str())) {
                found.insert(key.to_string());
            }
        }
        // Staff's words that share a family's prefix, and the form's
        // hidden fields, which have no label a reporter sees.
        let staff = [
            "kind-short-",
            "role-staff-",
            "staff-",
            "field-csrf-",
            "field-lang",
        ];
        found.retain(|k| !staff.iter().any(|s| k.starts_with(s)));
        found
    }

    /// The README sends native reviewers to `locales/REVIEW-FIRST.md`,
    /// which lists the messages reporters see; it must list exactly them.
    #[test]
    fn the_review_list_names_every_message_reporters_see() {
        let expected = public_messages();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let file =
            std::fs::read_to_string(root.join("locales/REVIEW-FIRST.md")).unwrap_or_default();
        let listed: std::collections::BTreeSet<String> = file
            .lines()
            .filter_map(|l| l.strip_prefix("- `"))
            .filter_map(|l| l.split_once('`').map(|(k, _)| k.to_string()))
            .collect();
        if listed != expected || file.contains("Unknown localization") {
            // The English as written in its file (a message with variables
            // or plural variants shows them as they are).
            let english = include_str!("../locales/en/haven.ftl");
            let mut source = std::collections::HashMap::new();
            let mut current: Option<(&str, String)> = None;
            for line in english.lines().chain(std::iter::once("")) {
                match line.split_once(" = ") {
                    Some((key, value)) if !key.starts_with([' ', '#']) => {
                        if let Some((k, v)) = current.take() {
                            source.insert(k, v);
                        }
                        current = Some((key, value.trim().to_string()));
                    }
                    _ if line.starts_with(' ') || line == "}" => {
                        if let Some((_, v)) = current.as_mut() {
                            v.push(' ');
                            v.push_str(line.trim());
                        }
                    }
                    _ => {
                        if let Some((k, v)) = current.take() {
                            source.insert(k, v);
                        }
                    }
                }
            }
            let mut out = String::from(REVIEW_FIRST_HEAD);
            for key in &expected {
                let text = source.get(key.as_str()).cloned().unwrap_or_default();
                out.push_str(&format!("- `{key}` — {text}\n"));
            }
            let written = root.join("target/REVIEW-FIRST.md");
            std::fs::write(&written, out).unwrap();
            panic!(
                "locales/REVIEW-FIRST.md is out of date ({} listed, {} seen by reporters): \
                 the list as it should be is in {}",
                listed.len(),
                expected.len(),
                written.display()
            );
        }
    }

    const REVIEW_FIRST_HEAD: &str = "# Messages to review first\n\n\
        Every translation in `locales/` is machine-assisted and not yet reviewed by a native \
        speaker. A reviewer should start with the messages below: the ones reporters see (the \
        report form, the receipt, the follow-up pages, the errors they can meet). Each is \
        listed by its key, with the English text; the same key is in every language's \
        `haven.ftl`. The test suite fails when this list no longer matches the pages.\n\n";

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
    fn months_are_named_in_each_language_s_own_form() {
        let month = |lang| {
            Tr::new(lang, true)
                .month(2026, 5)
                .replace(['\u{2068}', '\u{2069}'], "")
        };
        assert_eq!(month(Language::En), "May 2026");
        assert_eq!(month(Language::Fr), "mai 2026");
        assert_eq!(month(Language::ZhHant), "2026年5月");
        for lang in Language::ALL {
            let text = month(*lang);
            assert!(
                text.contains("2026") && !text.contains("2,026"),
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
