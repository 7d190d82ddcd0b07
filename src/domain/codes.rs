//! The closed lists of the intake form. The codes are part of the public
//! contract: partner groups and external tests submit them.

use super::code_enum;

code_enum!(
    /// Kind of incident (one or more per report).
    IncidentKind {
        OnlineHarassment = "online_harassment",
        Surveillance = "surveillance",
        FamilyThreats = "family_threats",
        PressureToReturn = "pressure_to_return",
        PressureToInform = "pressure_to_inform",
        EventIntimidation = "event_intimidation",
        Hacking = "hacking",
        SmearCampaign = "smear_campaign",
        ProxyContact = "proxy_contact",
        LegalAbuse = "legal_abuse",
        Assault = "assault",
        Other = "other",
    }
);

code_enum!(
    /// Who is reporting.
    ReporterRole {
        Targeted = "targeted",
        Witness = "witness",
        OnBehalf = "on_behalf",
    }
);

code_enum!(
    /// How the incident reached the person.
    Channel {
        InPerson = "in_person",
        Phone = "phone",
        WeChat = "wechat",
        WhatsApp = "whatsapp",
        OtherMessaging = "other_messaging",
        Email = "email",
        SocialMedia = "social_media",
    }
);

code_enum!(
    /// The suspected link to a state.
    StateLink {
        Embassy = "embassy",
        Police = "police",
        Proxy = "proxy",
        Unknown = "unknown",
    }
);

code_enum!(
    /// What was demanded of the person.
    Demand {
        StopActivism = "stop_activism",
        Return = "return",
        Inform = "inform",
        Other = "other",
    }
);

code_enum!(
    /// Support the reporter asks for.
    Support {
        SafetyPlanning = "safety_planning",
        Legal = "legal",
        Immigration = "immigration",
        DigitalSecurity = "digital_security",
        MentalHealth = "mental_health",
        CommunityContact = "community_contact",
    }
);

code_enum!(
    /// How the reporter wants to be contacted.
    ContactMethod {
        None = "none",
        Email = "email",
        Phone = "phone",
        Signal = "signal",
    }
);

code_enum!(
    /// The community the report concerns (optional).
    Community {
        Uyghur = "uyghur",
        Tibetan = "tibetan",
        HongKong = "hong_kong",
        Chinese = "chinese",
        FalunGong = "falun_gong",
        SouthernMongolian = "southern_mongolian",
        Taiwanese = "taiwanese",
        Other = "other",
    }
);

code_enum!(
    /// Canadian provinces and territories, by postal abbreviation.
    Province {
        AB = "AB",
        BC = "BC",
        MB = "MB",
        NB = "NB",
        NL = "NL",
        NS = "NS",
        NT = "NT",
        NU = "NU",
        ON = "ON",
        PE = "PE",
        QC = "QC",
        SK = "SK",
        YT = "YT",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in IncidentKind::ALL {
            assert_eq!(IncidentKind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(IncidentKind::ALL.len(), 12);
        assert_eq!(Province::ALL.len(), 13);
        assert_eq!(Channel::parse(" wechat "), Some(Channel::WeChat));
        assert_eq!(Channel::parse("WeChat"), None);
    }
}
