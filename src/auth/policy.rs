//! Who reaches which staff route: the one table that decides it, and the
//! gate that applies it to every request under `/staff`.
//!
//! A route that is registered but missing from [`RULES`] is refused (404):
//! forgetting a rule closes a route rather than opening it. The gate also
//! checks the CSRF token of every state-changing staff request, so no
//! handler can forget to.

use crate::config::{PasskeyRule, TwoFactorRule};
use crate::domain::StaffRole;

/// Who may use a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not (the sign-in form).
    Anyone,
    /// Any signed-in staff member.
    Staff,
    /// Caseworkers and admins.
    Casework,
    /// Admins only.
    Admin,
    /// Liaisons of a partner group only.
    Liaison,
}

impl Access {
    pub fn allows(self, role: StaffRole) -> bool {
        match self {
            Access::Anyone | Access::Staff => true,
            Access::Casework => role.works_cases(),
            Access::Admin => role == StaffRole::Admin,
            Access::Liaison => role == StaffRole::Liaison,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub method: &'static str,
    pub pattern: &'static str,
    pub access: Access,
}

const fn rule(method: &'static str, pattern: &'static str, access: Access) -> Rule {
    Rule {
        method,
        pattern,
        access,
    }
}

/// Every staff route. Tests walk this table to check each route against
/// every kind of visitor.
pub const RULES: &[Rule] = &[
    rule("GET", "/staff", Access::Staff),
    rule("GET", "/staff/login", Access::Anyone),
    rule("POST", "/staff/login", Access::Anyone),
    rule("GET", "/staff/login/verify", Access::Anyone),
    rule("POST", "/staff/login/verify", Access::Anyone),
    rule("POST", "/staff/logout", Access::Staff),
    rule("GET", "/staff/password/{token}", Access::Anyone),
    rule("POST", "/staff/password/{token}", Access::Anyone),
    rule("GET", "/staff/account", Access::Staff),
    rule("POST", "/staff/account/profile", Access::Staff),
    rule("POST", "/staff/account/duty", Access::Casework),
    rule("POST", "/staff/account/password", Access::Staff),
    rule("GET", "/staff/account/totp", Access::Staff),
    rule("GET", "/staff/account/totp/qr.svg", Access::Staff),
    rule("POST", "/staff/account/totp/start", Access::Staff),
    rule("POST", "/staff/account/totp/confirm", Access::Staff),
    rule("POST", "/staff/account/totp/recovery", Access::Staff),
    rule("POST", "/staff/account/totp/disable", Access::Staff),
    rule("POST", "/staff/account/passkeys/new", Access::Staff),
    rule("POST", "/staff/account/passkeys", Access::Staff),
    rule("GET", "/staff/account/passkeys/{id}/remove", Access::Staff),
    rule("POST", "/staff/account/passkeys/{id}/remove", Access::Staff),
    rule("GET", "/staff/cases", Access::Casework),
    rule("GET", "/staff/cases/{reference}", Access::Casework),
    rule(
        "GET",
        "/staff/cases/{reference}/evidence/{evidence_id}",
        Access::Casework,
    ),
    rule("POST", "/staff/cases/{reference}/status", Access::Casework),
    rule("POST", "/staff/cases/{reference}/risk", Access::Casework),
    rule("POST", "/staff/cases/{reference}/assign", Access::Casework),
    rule("POST", "/staff/cases/{reference}/triage", Access::Casework),
    rule("POST", "/staff/cases/{reference}/notes", Access::Casework),
    rule(
        "POST",
        "/staff/cases/{reference}/referrals",
        Access::Casework,
    ),
    rule(
        "POST",
        "/staff/cases/{reference}/messages",
        Access::Casework,
    ),
    rule("POST", "/staff/cases/{reference}/packets", Access::Casework),
    rule("GET", "/staff/packets/{id}", Access::Casework),
    rule("POST", "/staff/packets/{id}/download", Access::Casework),
    rule("POST", "/staff/cases/{reference}/purge", Access::Casework),
    rule(
        "POST",
        "/staff/cases/{reference}/links/{other}/confirm",
        Access::Casework,
    ),
    rule(
        "POST",
        "/staff/cases/{reference}/links/{other}/dismiss",
        Access::Casework,
    ),
    rule("GET", "/staff/links", Access::Casework),
    rule("GET", "/staff/referrals", Access::Liaison),
    rule("GET", "/staff/referrals/{id}", Access::Liaison),
    rule("POST", "/staff/referrals/{id}/accept", Access::Liaison),
    rule("POST", "/staff/referrals/{id}/decline", Access::Liaison),
    rule("POST", "/staff/referrals/{id}/updates", Access::Liaison),
    rule(
        "POST",
        "/staff/referrals/{id}/packets/{packet}/download",
        Access::Liaison,
    ),
    rule("GET", "/staff/intake", Access::Casework),
    rule("POST", "/staff/intake", Access::Casework),
    rule("GET", "/staff/stats", Access::Casework),
    rule("GET", "/staff/stats.csv", Access::Casework),
    rule("GET", "/staff/admin/users", Access::Admin),
    rule("POST", "/staff/admin/users", Access::Admin),
    rule("GET", "/staff/admin/users/{id}", Access::Admin),
    rule("POST", "/staff/admin/users/{id}/active", Access::Admin),
    rule("POST", "/staff/admin/users/{id}/role", Access::Admin),
    rule("POST", "/staff/admin/users/{id}/duty", Access::Admin),
    rule("POST", "/staff/admin/users/{id}/reset", Access::Admin),
    rule("POST", "/staff/admin/users/{id}/factors", Access::Admin),
    rule("GET", "/staff/admin/groups", Access::Admin),
    rule("POST", "/staff/admin/groups", Access::Admin),
    rule("GET", "/staff/admin/groups/{id}", Access::Admin),
    rule("POST", "/staff/admin/groups/{id}", Access::Admin),
    rule("GET", "/staff/admin/audit", Access::Admin),
    rule("GET", "/staff/admin/outbox", Access::Admin),
    rule("POST", "/staff/admin/outbox/{id}/retry", Access::Admin),
];

/// Whether `role` must sign in with a second factor under `rule`
/// (`HAVEN_REQUIRE_2FA`): such an account reaches nothing but enrolment
/// until it has one, and cannot turn it off.
pub fn must_use_second_factor(rule: TwoFactorRule, role: StaffRole) -> bool {
    match rule {
        TwoFactorRule::All => true,
        TwoFactorRule::Admins => role == StaffRole::Admin,
    }
}

/// Whether `role` must sign in with a passkey under `rule`
/// (`HAVEN_REQUIRE_PASSKEY`): such an account reaches nothing but adding
/// one until it has one, cannot remove its last, and once it has one, a
/// code from an authenticator app no longer signs it in.
pub fn must_use_passkey(rule: PasskeyRule, role: StaffRole) -> bool {
    match rule {
        PasskeyRule::Nobody => false,
        PasskeyRule::Admins => role == StaffRole::Admin,
        PasskeyRule::All => true,
    }
}

/// Routes an account that must use two-factor sign-in (or a passkey) may
/// reach before it has enrolled.
pub const ENROLMENT_ROUTES: &[&str] = &[
    "/staff/logout",
    "/staff/account/totp",
    "/staff/account/totp/qr.svg",
    "/staff/account/totp/start",
    "/staff/account/totp/confirm",
    "/staff/account/passkeys/new",
    "/staff/account/passkeys",
];

/// The rule for a request, if its route is listed.
pub fn rule_for(method: &str, pattern: &str) -> Option<&'static Rule> {
    let method = if method == "HEAD" { "GET" } else { method };
    RULES
        .iter()
        .find(|r| r.method == method && r.pattern == pattern)
}

/// The methods a listed pattern answers (`GET` brings `HEAD`), for the
/// `Allow` header of a 405; `None` when the pattern has no rule at all.
pub fn allowed_methods(pattern: &str) -> Option<String> {
    let mut methods: Vec<&str> = Vec::new();
    for rule in RULES.iter().filter(|r| r.pattern == pattern) {
        methods.push(rule.method);
        if rule.method == "GET" {
            methods.push("HEAD");
        }
    }
    (!methods.is_empty()).then(|| methods.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_unique() {
        for (i, a) in RULES.iter().enumerate() {
            for b in &RULES[i + 1..] {
                assert!(
                    !(a.method == b.method && a.pattern == b.pattern),
                    "{} {} twice",
                    a.method,
                    a.pattern
                );
            }
        }
    }

    #[test]
    fn passkeys_are_required_of_the_roles_the_rule_names() {
        use crate::config::PasskeyRule;
        for role in [StaffRole::Admin, StaffRole::Caseworker, StaffRole::Liaison] {
            assert!(!must_use_passkey(PasskeyRule::Nobody, role));
            assert!(must_use_passkey(PasskeyRule::All, role));
            assert_eq!(
                must_use_passkey(PasskeyRule::Admins, role),
                role == StaffRole::Admin
            );
        }
    }

    #[test]
    fn liaisons_never_reach_casework() {
        assert!(!Access::Casework.allows(StaffRole::Liaison));
        assert!(Access::Casework.allows(StaffRole::Caseworker));
        assert!(!Access::Admin.allows(StaffRole::Caseworker));
        assert!(!Access::Liaison.allows(StaffRole::Admin));
    }
}
