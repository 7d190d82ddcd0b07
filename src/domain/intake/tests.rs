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
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()
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
    for bad in [
        "2026-12",
        "2026-11-27",
        "26-11",
        "2026/11/01",
        "2026-13",
        "1900-01",
    ] {
        let raw = RawIntake {
            occurred_on: bad.into(),
            ..minimal()
        };
        assert!(NewReport::parse(&raw, today()).is_err(), "{bad}");
    }
    for good in ["2026-11", "2026-11-26", "2001-02-28"] {
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
    let none = case("none", "ignored").unwrap();
    assert!(
        none.content.contact_value.is_empty(),
        "a value without a method is not kept"
    );
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
