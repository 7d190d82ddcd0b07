//! Staff roles.

use super::code_enum;

code_enum!(
    /// What a staff account may do; see `auth::policy` for the routes.
    StaffRole {
        Admin = "admin",
        Caseworker = "caseworker",
        Liaison = "liaison",
    }
);

impl StaffRole {
    /// Caseworkers and admins work the case queue; liaisons never see it.
    pub fn works_cases(self) -> bool {
        matches!(self, StaffRole::Admin | StaffRole::Caseworker)
    }
}
