//! Who a case can be shared with: partner groups (with liaisons, the
//! existing kind) and official bodies; and which of the reporter's
//! consents each needs.

use super::code_enum;

code_enum!(
    /// What kind of recipient an organisation is.
    RecipientKind {
        Partner = "partner",
        Police = "police",
        NationalSecurity = "national_security",
        Legal = "legal",
        Other = "other",
    }
);

/// One of the reporter's consents to sharing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SharingConsent {
    /// `consent_referral`: to community groups and other helpers.
    Referral,
    /// `consent_police`: to police and national-security bodies.
    Police,
}

impl RecipientKind {
    /// The kinds of official body, as an admin chooses among them.
    pub const OFFICIAL: &'static [RecipientKind] = &[
        RecipientKind::Police,
        RecipientKind::NationalSecurity,
        RecipientKind::Legal,
        RecipientKind::Other,
    ];

    /// The consent a case must carry before anything of it reaches a
    /// recipient of this kind: police and national-security bodies need
    /// consent to the police; partner groups, lawyers and others need
    /// consent to referral.
    pub fn consent_needed(self) -> SharingConsent {
        match self {
            RecipientKind::Police | RecipientKind::NationalSecurity => SharingConsent::Police,
            RecipientKind::Partner | RecipientKind::Legal | RecipientKind::Other => {
                SharingConsent::Referral
            }
        }
    }

    /// Whether this is an official body (no liaisons, no group key).
    pub fn is_official(self) -> bool {
        self != RecipientKind::Partner
    }

    /// Whether a case with these consents may be shared with this kind.
    pub fn allowed(self, consent_referral: bool, consent_police: bool) -> bool {
        match self.consent_needed() {
            SharingConsent::Referral => consent_referral,
            SharingConsent::Police => consent_police,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn police_and_national_security_need_consent_to_the_police() {
        for kind in [RecipientKind::Police, RecipientKind::NationalSecurity] {
            assert!(kind.allowed(false, true));
            assert!(!kind.allowed(true, false));
            assert!(kind.is_official());
        }
    }

    #[test]
    fn groups_lawyers_and_others_need_consent_to_referral() {
        for kind in [
            RecipientKind::Partner,
            RecipientKind::Legal,
            RecipientKind::Other,
        ] {
            assert!(kind.allowed(true, false));
            assert!(!kind.allowed(false, true));
        }
        assert!(!RecipientKind::Partner.is_official());
        assert!(RecipientKind::Legal.is_official());
    }

    #[test]
    fn the_official_kinds_are_every_kind_but_partner_groups() {
        let official: Vec<_> = RecipientKind::ALL
            .iter()
            .copied()
            .filter(|k| k.is_official())
            .collect();
        assert_eq!(official, RecipientKind::OFFICIAL);
    }

    #[test]
    fn codes_round_trip() {
        for kind in RecipientKind::ALL {
            assert_eq!(RecipientKind::parse(kind.as_str()), Some(*kind));
        }
        assert_eq!(RecipientKind::parse("army"), None);
    }
}
