//! A reporter's consents: the three a report is filed with, each explicit
//! and off by default, and a change the reporter asks for later on the
//! follow-up page (give one, or withdraw it).

use super::code_enum;

code_enum!(
    /// What a reporter may allow Haven to do with their report: referral
    /// to partner community groups and other helpers, sharing with police
    /// and national-security bodies, counting in the anonymous statistics.
    Consent {
        Referral = "referral",
        Police = "police",
        Stats = "stats",
    }
);

/// A change of one consent, as the follow-up form asks for it: field
/// `consent` (`referral`, `police`, `stats`) and field `given` (`yes` to
/// give it, `no` to withdraw it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConsentChange {
    pub consent: Consent,
    pub given: bool,
}

impl ConsentChange {
    /// Exactly the codes the form sends; anything else is refused rather
    /// than read as a choice.
    pub fn parse(consent: &str, given: &str) -> Option<Self> {
        let consent = match consent {
            "referral" => Consent::Referral,
            "police" => Consent::Police,
            "stats" => Consent::Stats,
            _ => return None,
        };
        let given = match given {
            "yes" => true,
            "no" => false,
            _ => return None,
        };
        Some(Self { consent, given })
    }
}

/// The three consents of a case, as they stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Consents {
    pub referral: bool,
    pub police: bool,
    pub stats: bool,
}

impl Consents {
    pub fn get(&self, consent: Consent) -> bool {
        match consent {
            Consent::Referral => self.referral,
            Consent::Police => self.police,
            Consent::Stats => self.stats,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_read_only_from_the_form_s_own_codes() {
        assert_eq!(
            ConsentChange::parse("referral", "no"),
            Some(ConsentChange {
                consent: Consent::Referral,
                given: false
            })
        );
        assert_eq!(
            ConsentChange::parse("police", "yes"),
            Some(ConsentChange {
                consent: Consent::Police,
                given: true
            })
        );
        for (consent, given) in [
            ("", "yes"),
            ("Referral", "yes"),
            (" referral", "no"),
            ("contact", "yes"),
            ("stats", ""),
            ("stats", "on"),
            ("stats", "true"),
            ("stats", "YES"),
            ("stats", "yes "),
        ] {
            assert_eq!(
                ConsentChange::parse(consent, given),
                None,
                "{consent:?} {given:?}"
            );
        }
    }
}
