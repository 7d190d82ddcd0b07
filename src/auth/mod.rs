//! Staff authentication and authorization: who is signed in (sessions),
//! whether their password is right (credentials), and which routes their
//! role reaches (policy — the only place that decides it).

pub mod credentials;
pub mod keys;
pub mod passkeys;
pub mod passwords;
pub mod policy;
pub mod session;
pub mod sign_in;
pub mod throttle;
pub mod totp;

pub use policy::{Access, RULES};
pub use session::{SESSION_ABSOLUTE_SECS, SESSION_IDLE_SECS, Staff};

/// Whether `next` is a path on this site (and so safe to redirect to after
/// sign-in): it must start with one `/`, and contain no scheme or backslash.
pub fn safe_next(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.contains("://")
        && next.chars().all(|c| !c.is_control());
    ok.then_some(next)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next("/staff/cases?x=1"), Some("/staff/cases?x=1"));
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "",
            "staff",
            "/x\r\nSet-Cookie: a",
        ] {
            assert_eq!(safe_next(bad), None, "{bad:?}");
        }
    }
}
