//! The report form, shared by the public report page and phone intake by
//! staff: reading it from its multipart body, the values shown in it again,
//! and the closed lists it offers.

mod upload;

pub use upload::{IntakeUpload, read_intake};

use crate::domain::{
    Channel, Community, ContactMethod, Demand, IncidentKind, Province, RawIntake, ReporterRole,
    StateLink, Support,
};

pub use crate::domain::{STEP_TITLES, STEPS, step_of};

/// A file held with a report being written, as the form lists it (the
/// public form keeps files between its steps; phone intake holds none).
pub struct HeldView {
    pub label: String,
    pub name: String,
    pub kib: i64,
}

/// The values to show in the form again (the reporter's own words).
pub struct FormValues(RawIntake);

impl std::ops::Deref for FormValues {
    type Target = RawIntake;
    fn deref(&self) -> &RawIntake {
        &self.0
    }
}

impl FormValues {
    pub fn new(raw: RawIntake) -> Self {
        Self(raw)
    }

    /// Whether the repeated field `list` holds `code`.
    pub fn has(&self, list: &str, code: &str) -> bool {
        let values = match list {
            "kinds" => &self.0.kinds,
            "channels" => &self.0.channels,
            "demands" => &self.0.demands,
            "support" => &self.0.support,
            _ => return false,
        };
        values.iter().any(|v| v.trim() == code)
    }
}

/// The closed lists the report form offers, shared with phone intake.
pub struct Choices {
    pub kinds: &'static [IncidentKind],
    pub roles: &'static [ReporterRole],
    pub provinces: &'static [Province],
    pub communities: &'static [Community],
    pub channels: &'static [Channel],
    pub state_links: &'static [StateLink],
    pub demands: &'static [Demand],
    pub supports: &'static [Support],
    pub contact_methods: &'static [ContactMethod],
}

impl Choices {
    pub const ALL: Choices = Choices {
        kinds: IncidentKind::ALL,
        roles: ReporterRole::ALL,
        provinces: Province::ALL,
        communities: Community::ALL,
        channels: Channel::ALL,
        state_links: StateLink::ALL,
        demands: Demand::ALL,
        supports: Support::ALL,
        contact_methods: ContactMethod::ALL,
    };
}
