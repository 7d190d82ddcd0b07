//! The intake form's parsing, field by field.

use chrono::NaiveDate;

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn minimal() -> RawIntake {
    RawIntake {
        narrative: "  Two men followed me after the vigil.  ".into(),
        ..Default::default()
    }
}

#[test]
fn only_the_narrative_is_required() {
    let r = NewReport::parse(&minimal(), today()).unwrap();
    assert_eq!(
        r.content.narrative.expose(),
        "Two men followed me after the vigil."
    );
    assert_eq!(r.contact_method, ContactMethod::None);
    assert!(!r.consent_referral && !r.consent_police && !r.consent_stats);
    assert_eq!(r.language, Language::En);
}

#[test]
fn an_empty_narrative_is_refused() {
    let raw = RawIntake {
        narrative: " \n ".into(),
        ..Default::default()
    };
    let e = NewReport::parse(&raw, today()).unwrap_err();
    assert_eq!(e.for_field("narrative"), Some("error-narrative-required"));
}

#[test]
fn every_field_parses() {
    let raw = RawIntake {
        kinds: vec![
            "surveillance".into(),
            "family_threats".into(),
            "surveillance".into(),
        ],
        reporter_role: "witness".into(),
        occurred_on: "2026-10".into(),
        city: "Montréal".into(),
        province: "QC".into(),
        community: "uyghur".into(),
        channels: vec!["wechat".into()],
        state_link: "embassy".into(),
        demands: vec!["inform".into()],
        involved: "a man who said he was from the consulate".into(),
        family_affected: true,
        prior_reports: "RCMP 2026-123".into(),
        immediate_danger: true,
        support: vec!["legal".into(), "digital_security".into()],
        contact_method: "signal".into(),
        contact_value: "ana.42".into(),
        consent_referral: true,
        consent_stats: true,
        lang: "ug".into(),
        ..minimal()
    };
    let r = NewReport::parse(&raw, today()).unwrap();
    assert_eq!(
        r.kinds,
        vec![IncidentKind::Surveillance, IncidentKind::FamilyThreats]
    );
    assert_eq!(r.reporter_role, Some(ReporterRole::Witness));
    assert_eq!(
        r.occurred_on.unwrap().month_start(),
        NaiveDate::from_ymd_opt(2026, 10, 1)
    );
    assert_eq!(r.province, Some(Province::QC));
    assert_eq!(r.community, Some(Community::Uyghur));
    assert_eq!(r.state_link, Some(StateLink::Embassy));
    assert_eq!(r.contact_method, ContactMethod::Signal);
    assert_eq!(r.content.contact_value.expose(), "ana.42");
    assert!(r.family_affected && r.immediate_danger && r.consent_referral && r.consent_stats);
    assert_eq!(r.language, Language::Ug);
}

#[test]
fn unknown_choices_are_refused_per_field() {
    let raw = RawIntake {
        kinds: vec!["alien_abduction".into()],
        province: "XX".into(),
        reporter_role: "boss".into(),
        lang: "de".into(),
        ..minimal()
    };
    let e = NewReport::parse(&raw, today()).unwrap_err();
    for field in ["kinds", "province", "reporter_role", "lang"] {
        assert_eq!(e.for_field(field), Some("error-invalid-choice"), "{field}");
    }
}

#[test]
fn dates_in_the_future_or_malformed_are_refused() {
    for bad in ["2026-12", "2026-11-27", "26-11", "2026-13", "1900-01"] {
        let raw = RawIntake {
            occurred_on: bad.into(),
            ..minimal()
        };
        assert!(NewReport::parse(&raw, today()).is_err(), "{bad}");
    }
    for good in ["2026-11", "2026-11-26", "2001-02-28", "2026/11/01"] {
        let raw = RawIntake {
            occurred_on: good.into(),
            ..minimal()
        };
        assert!(NewReport::parse(&raw, today()).is_ok(), "{good}");
    }
}

#[test]
fn contact_values_are_checked_against_the_method() {
    let case = |m: &str, v: &str| {
        NewReport::parse(
            &RawIntake {
                contact_method: m.into(),
                contact_value: v.into(),
                ..minimal()
            },
            today(),
        )
    };
    assert!(case("email", "ana@example.org").is_ok());
    assert!(case("phone", "+1 (514) 555-0100").is_ok());
    assert!(case("signal", "+15145550100").is_ok());
    assert_eq!(
        case("email", "").unwrap_err().for_field("contact_value"),
        Some("error-contact-value-required")
    );
    assert_eq!(
        case("email", "not an email")
            .unwrap_err()
            .for_field("contact_value"),
        Some("error-contact-value-invalid")
    );
    assert_eq!(
        case("phone", "call me")
            .unwrap_err()
            .for_field("contact_value"),
        Some("error-contact-value-invalid")
    );
    assert_eq!(
        case("pigeon", "x").unwrap_err().for_field("contact_method"),
        Some("error-invalid-choice")
    );
    // A contact typed while "Do not contact me" is chosen is asked about,
    // not silently thrown away.
    assert_eq!(
        case("none", "me@example.org")
            .unwrap_err()
            .for_field("contact_method"),
        Some("error-contact-while-none")
    );
    assert!(case("none", "  ").unwrap().content.contact_value.is_empty());
}

#[test]
fn overlong_text_is_refused() {
    let raw = RawIntake {
        narrative: "x".repeat(MAX_NARRATIVE_CHARS + 1),
        ..Default::default()
    };
    assert_eq!(
        NewReport::parse(&raw, today())
            .unwrap_err()
            .for_field("narrative"),
        Some("error-too-long")
    );
}

#[test]
fn a_checkbox_is_yes_only_with_its_own_value() {
    for no in ["no", "false", "0", "off", "", "YES", " yes"] {
        let mut raw = minimal();
        raw.set_checkbox("consent_police", no);
        assert!(!raw.consent_police);
        assert_eq!(
            NewReport::parse(&raw, today())
                .unwrap_err()
                .for_field("consent_police"),
            Some("error-checkbox-value"),
            "{no:?}"
        );
    }
    for yes in [CHECKBOX_VALUE, "on"] {
        let mut raw = minimal();
        raw.set_checkbox("consent_police", yes);
        assert!(NewReport::parse(&raw, today()).unwrap().consent_police);
    }
}

#[test]
fn control_characters_and_invisible_narratives_are_refused() {
    let e = |raw: RawIntake| NewReport::parse(&raw, today()).unwrap_err();
    let raw = RawIntake {
        city: "Rich\u{0}mond".into(),
        involved: "a\u{1b}b".into(),
        ..minimal()
    };
    let errors = e(raw);
    assert_eq!(errors.for_field("city"), Some("error-control-characters"));
    assert_eq!(
        errors.for_field("involved"),
        Some("error-control-characters")
    );
    let raw = RawIntake {
        narrative: "\u{200b}\u{feff}\u{2060} \u{200e}".into(),
        ..Default::default()
    };
    assert_eq!(
        e(raw).for_field("narrative"),
        Some("error-narrative-required")
    );
}

#[test]
fn repeated_single_value_fields_are_refused_and_controls_not_shown_again() {
    let raw = RawIntake {
        repeated: vec!["province"],
        ..minimal()
    };
    assert_eq!(
        NewReport::parse(&raw, today())
            .unwrap_err()
            .for_field("province"),
        Some("error-repeated-field")
    );
    let shown = RawIntake {
        narrative: "a\u{0}b\nc".into(),
        ..Default::default()
    }
    .without_controls();
    assert_eq!(shown.narrative, "ab\nc");
}

fn day(y: i32, m: u32, d: u32) -> OccurredOn {
    OccurredOn::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn month(y: i32, m: u32) -> OccurredOn {
    OccurredOn::Month(NaiveDate::from_ymd_opt(y, m, 1).unwrap())
}

fn read_date(input: &str) -> Option<OccurredOn> {
    OccurredOn::parse(input, today())
}

#[test]
fn a_year_a_month_or_a_day_is_read_as_people_type_it() {
    for (input, expected) in [
        // A year alone.
        ("2025", OccurredOn::Year(2025)),
        ("2026", OccurredOn::Year(2026)),
        ("1950", OccurredOn::Year(1950)),
        // A month, year first or year last.
        ("2025-05", month(2025, 5)),
        ("2025-5", month(2025, 5)),
        ("2025/05", month(2025, 5)),
        ("2025.05", month(2025, 5)),
        ("05/2025", month(2025, 5)),
        ("5/2025", month(2025, 5)),
        ("5.2025", month(2025, 5)),
        ("05-2025", month(2025, 5)),
        ("2026-11", month(2026, 11)),
        // A day, year first.
        ("2025-05-07", day(2025, 5, 7)),
        ("2025/5/7", day(2025, 5, 7)),
        ("2025/05/07", day(2025, 5, 7)),
        ("2025.05.07", day(2025, 5, 7)),
        ("2025-5-7", day(2025, 5, 7)),
        // A day, year last: always the day, then the month.
        ("07/05/2025", day(2025, 5, 7)),
        ("7/5/2025", day(2025, 5, 7)),
        ("7.5.2025", day(2025, 5, 7)),
        ("07.05.2025", day(2025, 5, 7)),
        ("7-5-2025", day(2025, 5, 7)),
        ("25/12/2024", day(2024, 12, 25)),
        ("29/2/2024", day(2024, 2, 29)),
        ("26/11/2026", day(2026, 11, 26)),
        // Spaces around the date and around its separators.
        ("  2025-05-07  ", day(2025, 5, 7)),
        ("\t2025\n", OccurredOn::Year(2025)),
        ("7 / 5 / 2025", day(2025, 5, 7)),
        ("\u{3000}2025-05\u{a0}", month(2025, 5)),
        // Dashes that phones and word processors put in.
        ("2025\u{2013}05\u{2013}07", day(2025, 5, 7)),
        ("2025\u{2010}05", month(2025, 5)),
        // Bidi marks carried along when copied from right-to-left text.
        ("\u{200f}2025-05-07\u{200f}", day(2025, 5, 7)),
        ("\u{2068}7/5/2025\u{2069}", day(2025, 5, 7)),
        // Chinese and Japanese forms.
        ("2025年", OccurredOn::Year(2025)),
        ("2025年5月", month(2025, 5)),
        ("2025年05月", month(2025, 5)),
        ("2025年5月7日", day(2025, 5, 7)),
        ("2025年5月7号", day(2025, 5, 7)),
        ("2025年5月7號", day(2025, 5, 7)),
        ("2025 年 5 月 7 日", day(2025, 5, 7)),
    ] {
        assert_eq!(read_date(input), Some(expected), "{input:?}");
    }
}

#[test]
fn the_reporter_s_own_digits_are_read() {
    for (input, expected) in [
        // Arabic-Indic.
        ("٢٠٢٥", OccurredOn::Year(2025)),
        ("٢٠٢٥-٠٥", month(2025, 5)),
        ("٢٠٢٥-٠٥-٠٧", day(2025, 5, 7)),
        ("٧/٥/٢٠٢٥", day(2025, 5, 7)),
        ("٢٠٢٥\u{060d}٥\u{060d}٧", day(2025, 5, 7)),
        ("\u{200f}٠٧/٠٥/٢٠٢٥\u{200f}", day(2025, 5, 7)),
        // Extended Arabic-Indic (Persian, Urdu).
        ("۲۰۲۵", OccurredOn::Year(2025)),
        ("۲۰۲۵/۰۵", month(2025, 5)),
        ("۲۰۲۵/۰۵/۰۷", day(2025, 5, 7)),
        ("۷.۵.۲۰۲۵", day(2025, 5, 7)),
        // Full-width digits and separators.
        ("２０２５", OccurredOn::Year(2025)),
        ("２０２５－０５", month(2025, 5)),
        ("２０２５／０５／０７", day(2025, 5, 7)),
        ("２０２５．５．７", day(2025, 5, 7)),
        ("７／５／２０２５", day(2025, 5, 7)),
        ("０５．２０２５", month(2025, 5)),
        ("２０２５年５月", month(2025, 5)),
        ("２０２５年５月７日", day(2025, 5, 7)),
        // Tibetan.
        ("༢༠༢༥", OccurredOn::Year(2025)),
        ("༢༠༢༥-༠༥", month(2025, 5)),
        ("༢༠༢༥-༠༥-༠༧", day(2025, 5, 7)),
        ("༧/༥/༢༠༢༥", day(2025, 5, 7)),
        ("༢༠༢༥年༥月", month(2025, 5)),
    ] {
        assert_eq!(read_date(input), Some(expected), "{input:?}");
    }
}

#[test]
fn the_future_old_years_impossible_dates_and_other_text_are_refused() {
    for bad in [
        // The future (today is 2026-11-26).
        "2027",
        "2026-12",
        "12/2026",
        "2026-11-27",
        "27/11/2026",
        "2026年12月",
        "٢٠٢٧",
        // Before 1950.
        "1949",
        "1949-12",
        "31/12/1949",
        "0000",
        // Dates that do not exist.
        "2025-02-30",
        "30/2/2025",
        "29.2.2025",
        "31.04.2025",
        "2025-13",
        "13/2025",
        "2025-00",
        "2025-05-00",
        "0/5/2025",
        "2025年13月",
        "2025年2月30日",
        // Month first (12/25/2024) is read day first, so it does not exist.
        "12/25/2024",
        // Not a date in any accepted form.
        "25",
        "26-11",
        "7/5/25",
        "2025-05/07",
        "2025--05",
        "2025-05-",
        "-2025",
        "20 25",
        "2025 05",
        "12345",
        "02025",
        "2025-005",
        "2025-05-07-01",
        "2025年5月7",
        "5月2025年",
        "yesterday",
        "May 2025",
        "2025-05-07T10:00",
        "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠١٢٣",
    ] {
        assert_eq!(read_date(bad), None, "{bad:?}");
        let raw = RawIntake {
            occurred_on: bad.into(),
            ..minimal()
        };
        assert_eq!(
            NewReport::parse(&raw, today())
                .unwrap_err()
                .for_field("occurred_on"),
            Some("error-occurred-on-invalid"),
            "{bad:?}"
        );
    }
}

#[test]
fn a_year_alone_is_counted_in_no_month() {
    assert_eq!(OccurredOn::Year(2025).month_start(), None);
    assert_eq!(OccurredOn::Year(2025).year(), 2025);
    assert_eq!(OccurredOn::Year(2025).to_form_value(), "2025");
    assert_eq!(
        day(2025, 5, 7).month_start(),
        NaiveDate::from_ymd_opt(2025, 5, 1)
    );
    assert_eq!(
        month(2025, 5).month_start(),
        NaiveDate::from_ymd_opt(2025, 5, 1)
    );
    let r = NewReport::parse(
        &RawIntake {
            occurred_on: "２０２５年".into(),
            ..minimal()
        },
        today(),
    )
    .unwrap();
    assert_eq!(r.occurred_on, Some(OccurredOn::Year(2025)));
    assert_eq!(r.occurred_on.and_then(OccurredOn::month_start), None);
    assert_eq!(r.content.occurred_on.as_deref(), Some("2025"));
}

#[test]
fn the_date_is_kept_in_the_contract_s_form() {
    for (typed, kept) in [
        ("7.5.2025", "2025-05-07"),
        ("٢٠٢٥/٥/٧", "2025-05-07"),
        ("2025年5月", "2025-05"),
        ("5/2025", "2025-05"),
        ("༢༠༢༥", "2025"),
        (" 2025-05-07 ", "2025-05-07"),
    ] {
        let r = NewReport::parse(
            &RawIntake {
                occurred_on: typed.into(),
                ..minimal()
            },
            today(),
        )
        .unwrap();
        assert_eq!(r.content.occurred_on.as_deref(), Some(kept), "{typed:?}");
        assert_eq!(
            OccurredOn::parse(kept, today()),
            r.occurred_on,
            "the kept form reads back the same"
        );
    }
}

#[test]
fn i_don_t_remember_exactly_is_kept_with_or_without_a_date() {
    let mut raw = minimal();
    raw.set_checkbox("occurred_unsure", CHECKBOX_VALUE);
    let r = NewReport::parse(&raw, today()).unwrap();
    assert!(r.content.occurred_unsure);
    assert_eq!(r.occurred_on, None);
    assert_eq!(r.content.occurred_on, None);

    raw.occurred_on = "2025".into();
    let r = NewReport::parse(&raw, today()).unwrap();
    assert!(r.content.occurred_unsure);
    assert_eq!(r.occurred_on, Some(OccurredOn::Year(2025)));

    // Unticked: no estimate.
    let r = NewReport::parse(
        &RawIntake {
            occurred_on: "2025-05-07".into(),
            ..minimal()
        },
        today(),
    )
    .unwrap();
    assert!(!r.content.occurred_unsure);

    // Ticked does not excuse a date that cannot be read.
    raw.occurred_on = "last spring".into();
    assert_eq!(
        NewReport::parse(&raw, today())
            .unwrap_err()
            .for_field("occurred_on"),
        Some("error-occurred-on-invalid")
    );

    // Only its own value ticks it.
    let mut raw = minimal();
    raw.set_checkbox("occurred_unsure", "no");
    assert_eq!(
        NewReport::parse(&raw, today())
            .unwrap_err()
            .for_field("occurred_unsure"),
        Some("error-checkbox-value")
    );
}

#[test]
fn a_date_of_only_invisible_marks_is_no_date() {
    for empty in ["", "   ", "\u{200f}", "\u{2068}\u{2069} \u{3000}"] {
        let r = NewReport::parse(
            &RawIntake {
                occurred_on: empty.into(),
                ..minimal()
            },
            today(),
        )
        .unwrap();
        assert_eq!(r.occurred_on, None, "{empty:?}");
    }
}

#[test]
fn cases_sealed_before_the_estimate_was_asked_still_open() {
    let content = ReportContent {
        occurred_on: Some("2025-05".into()),
        occurred_unsure: true,
        ..Default::default()
    };
    let mut json = serde_json::to_value(&content).unwrap();
    assert_eq!(json["occurred_unsure"], serde_json::Value::Bool(true));
    json.as_object_mut().unwrap().remove("occurred_unsure");
    let old: ReportContent = serde_json::from_value(json).unwrap();
    assert!(!old.occurred_unsure);
    assert_eq!(old.occurred_on.as_deref(), Some("2025-05"));
}

#[test]
fn a_step_takes_its_own_fields_and_not_one_sent_twice() {
    let mut held = RawIntake {
        narrative: "held words".into(),
        city: "Surrey".into(),
        ..RawIntake::default()
    };
    let posted = RawIntake {
        narrative: "other words".into(),
        city: "Burnaby".into(),
        immediate_danger: true,
        repeated: vec!["city"],
        ..RawIntake::default()
    };
    held.merge_from(&posted, |f| f == "city" || f == "immediate_danger");
    assert_eq!(held.narrative, "held words", "another step's answer stays");
    assert!(held.immediate_danger);
    assert_eq!(held.city, "Surrey", "a field sent twice is not taken");
    assert_eq!(held.repeated, vec!["city"], "and is refused on its step");
}
