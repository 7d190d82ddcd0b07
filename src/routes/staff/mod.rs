//! Pages for staff. Every route here is listed in `auth::policy::RULES`,
//! and the staff gate has checked the session, the role and the CSRF token
//! before a handler runs.

pub mod account;
pub mod admin_audit;
pub mod admin_groups;
pub mod admin_outbox;
pub mod admin_users;
pub mod cases;
pub mod chart;
pub mod home;
pub mod intake;
pub mod links;
pub mod login;
pub mod packets;
pub mod password;
pub mod referrals;
pub mod stats;

use crate::auth::Staff;

/// What the staff header needs.
pub struct StaffNav {
    pub works_cases: bool,
    pub is_admin: bool,
    pub csrf_token: String,
    /// This person's keys could not be opened: every staff page says so,
    /// and what to do.
    pub keys_closed: bool,
}

impl StaffNav {
    pub fn for_staff(staff: &Staff) -> Option<Self> {
        Some(Self {
            works_cases: staff.role.works_cases(),
            is_admin: staff.role == crate::domain::StaffRole::Admin,
            csrf_token: staff.csrf_token.clone(),
            keys_closed: !staff.key.is_open(),
        })
    }
}
