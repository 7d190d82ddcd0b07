//! Who may name the client, and who must sign in with a second factor.
//!
//! - `HAVEN_TRUSTED_PROXIES` addresses or CIDR blocks (IPv4 and IPv6, comma-
//!   or space-separated) of the reverse proxies allowed to name the client
//!   in `X-Forwarded-For` / `Forwarded`; empty by default.
//! - `HAVEN_REQUIRE_2FA`     `all` (default) or `admins`.

use std::net::IpAddr;

use anyhow::bail;
use ipnet::IpNet;

/// One address block, such as `10.0.0.0/8`, `::1` or `2001:db8::/32`; a
/// bare address is a block of one. IPv4-mapped IPv6 addresses count as
/// IPv4, whichever way they are written.
fn block(text: &str) -> Option<IpNet> {
    let net = match text.parse::<IpNet>() {
        Ok(net) => net,
        Err(_) => IpNet::from(text.parse::<IpAddr>().ok()?),
    };
    Some(match net.network().to_canonical() {
        IpAddr::V4(v4) if net.network().is_ipv6() => {
            IpNet::new(IpAddr::V4(v4), net.prefix_len().saturating_sub(96)).ok()?
        }
        _ => net.trunc(),
    })
}

/// The reverse proxies whose forwarding headers are believed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    pub fn parse(text: &str) -> anyhow::Result<Self> {
        let mut blocks = Vec::new();
        for item in text.split([',', ' ', '\t', '\n']).filter(|s| !s.is_empty()) {
            match block(item) {
                Some(c) => blocks.push(c),
                None => bail!(
                    "HAVEN_TRUSTED_PROXIES must list IP addresses or CIDR blocks \
                     (such as 127.0.0.1, 10.0.0.0/8 or ::1), not {item:?}"
                ),
            }
        }
        Ok(Self(blocks))
    }

    pub fn contains(&self, addr: IpAddr) -> bool {
        let addr = addr.to_canonical();
        self.0.iter().any(|net| net.contains(&addr))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Which staff roles must sign in with a second factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TwoFactorRule {
    /// Every staff account (the default).
    All,
    /// Admins only; others may turn it on.
    Admins,
}

impl TwoFactorRule {
    pub fn parse(value: Option<&str>) -> anyhow::Result<Self> {
        match value.map(str::trim) {
            None | Some("all") => Ok(Self::All),
            Some("admins") => Ok(Self::Admins),
            Some(other) => bail!("HAVEN_REQUIRE_2FA must be all or admins, not {other:?}"),
        }
    }
}

/// Which staff roles must sign in with a passkey or security key
/// (`HAVEN_REQUIRE_PASSKEY`): once such an account has one, a code from an
/// authenticator app no longer signs it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasskeyRule {
    /// Nobody must (the default): passkeys are there for whoever adds one.
    Nobody,
    /// Admins must.
    Admins,
    /// Every staff account must.
    All,
}

impl PasskeyRule {
    pub fn parse(value: Option<&str>) -> anyhow::Result<Self> {
        match value.map(str::trim) {
            None | Some("") | Some("none") => Ok(Self::Nobody),
            Some("admins") => Ok(Self::Admins),
            Some("all") => Ok(Self::All),
            Some(other) => {
                bail!("HAVEN_REQUIRE_PASSKEY must be none, admins or all, not {other:?}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn blocks_contain_their_addresses_only() {
        let p = TrustedProxies::parse("10.0.0.0/8, 192.0.2.7 2001:db8::/32").unwrap();
        assert!(p.contains(ip("10.200.3.4")));
        assert!(p.contains(ip("192.0.2.7")));
        assert!(!p.contains(ip("192.0.2.8")));
        assert!(p.contains(ip("2001:db8:1::9")));
        assert!(!p.contains(ip("2001:db9::1")));
        assert!(
            p.contains(ip("::ffff:10.1.1.1")),
            "IPv4-mapped addresses count as IPv4"
        );
        assert!(
            TrustedProxies::parse("0.0.0.0/0")
                .unwrap()
                .contains(ip("8.8.8.8"))
        );
        assert!(TrustedProxies::parse("").unwrap().is_empty());
    }

    #[test]
    fn bad_blocks_are_refused() {
        for bad in [
            "10.0.0.0/33",
            "example.org",
            "10.0.0.1/",
            "::1/129",
            "10.0.0.0/-1",
        ] {
            assert!(TrustedProxies::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_two_factor_rule_defaults_to_all() {
        assert_eq!(TwoFactorRule::parse(None).unwrap(), TwoFactorRule::All);
        assert_eq!(
            TwoFactorRule::parse(Some("admins")).unwrap(),
            TwoFactorRule::Admins
        );
        assert!(TwoFactorRule::parse(Some("none")).is_err());
    }

    #[test]
    fn the_passkey_rule_defaults_to_nobody() {
        assert_eq!(PasskeyRule::parse(None).unwrap(), PasskeyRule::Nobody);
        assert_eq!(
            PasskeyRule::parse(Some("admins")).unwrap(),
            PasskeyRule::Admins
        );
        assert_eq!(PasskeyRule::parse(Some("all")).unwrap(), PasskeyRule::All);
        assert!(PasskeyRule::parse(Some("yes")).is_err());
    }
}
