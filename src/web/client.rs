//! The address a request comes from, for throttling only: held in memory
//! while the request is handled, never logged, never stored.
//!
//! The TCP peer is the source unless it is one of `HAVEN_TRUSTED_PROXIES`;
//! then the proxy may name the client. `X-Forwarded-For` is read when
//! present, otherwise `Forwarded`; the right-most address that is not itself
//! a trusted proxy is the client (addresses to its left were written by the
//! client, who can write anything). IPv6 clients are counted by their /64,
//! the block one subscriber usually holds.

use std::net::{IpAddr, Ipv4Addr};

use actix_web::HttpRequest;

use crate::config::TrustedProxies;

/// The source of `req` for throttling.
pub fn client_address(req: &HttpRequest, trusted: &TrustedProxies) -> IpAddr {
    let peer = req
        .peer_addr()
        .map(|a| a.ip().to_canonical())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let client = if trusted.contains(peer) {
        forwarded_client(req, trusted).unwrap_or(peer)
    } else {
        peer
    };
    bucket(client)
}

/// IPv6 addresses count by their /64.
fn bucket(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V6(v6) => ipnet::Ipv6Net::new(v6, 64)
            .map(|net| IpAddr::V6(net.network()))
            .unwrap_or(addr),
        v4 => v4,
    }
}

fn forwarded_client(req: &HttpRequest, trusted: &TrustedProxies) -> Option<IpAddr> {
    let headers = req.headers();
    let values = |name: &str| -> Vec<String> {
        headers
            .get_all(name)
            .filter_map(|v| v.to_str().ok())
            .map(str::to_string)
            .collect()
    };
    let xff = values("x-forwarded-for");
    let chain: Vec<Option<IpAddr>> = if !xff.is_empty() {
        xff.iter()
            .flat_map(|v| v.split(','))
            .map(|item| parse_node(item.trim()))
            .collect()
    } else {
        values("forwarded")
            .iter()
            .flat_map(|v| v.split(','))
            .map(|element| {
                element
                    .split(';')
                    .filter_map(|pair| pair.split_once('='))
                    .find(|(k, _)| k.trim().eq_ignore_ascii_case("for"))
                    .and_then(|(_, v)| parse_node(v.trim().trim_matches('"')))
            })
            .collect()
    };
    right_most_untrusted(&chain, trusted)
}

/// Walks the chain from the right, past trusted proxies. An entry that is
/// not an address (`unknown`, an obfuscated name) ends the walk: what lies
/// beyond it cannot be believed, so the last trusted hop is the client.
fn right_most_untrusted(chain: &[Option<IpAddr>], trusted: &TrustedProxies) -> Option<IpAddr> {
    let mut last_trusted = None;
    for entry in chain.iter().rev() {
        match entry {
            Some(addr) if trusted.contains(*addr) => last_trusted = Some(*addr),
            Some(addr) => return Some(*addr),
            None => return last_trusted,
        }
    }
    last_trusted
}

/// One node of a forwarding chain: `192.0.2.1`, `192.0.2.1:4711`,
/// `2001:db8::1` or `[2001:db8::1]:4711`.
fn parse_node(node: &str) -> Option<IpAddr> {
    if let Ok(addr) = node.parse::<IpAddr>() {
        return Some(addr.to_canonical());
    }
    if let Some(rest) = node.strip_prefix('[') {
        let inside = rest.split(']').next()?;
        return inside.parse::<IpAddr>().ok().map(|a| a.to_canonical());
    }
    let (host, port) = node.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    host.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn trusted(s: &str) -> TrustedProxies {
        TrustedProxies::parse(s).unwrap()
    }

    fn peer(ip: &str) -> TestRequest {
        TestRequest::default().peer_addr(format!("{ip}:5000").parse().unwrap())
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn an_untrusted_peer_cannot_name_the_client() {
        let req = peer("203.0.113.9")
            .insert_header(("X-Forwarded-For", "198.51.100.1"))
            .insert_header(("Forwarded", "for=198.51.100.2"))
            .to_http_request();
        assert_eq!(
            client_address(&req, &trusted("10.0.0.0/8")),
            ip("203.0.113.9")
        );
        assert_eq!(
            client_address(&req, &TrustedProxies::default()),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn a_trusted_proxy_names_the_right_most_untrusted_address() {
        let req = peer("10.0.0.2")
            .insert_header(("X-Forwarded-For", "1.2.3.4, 198.51.100.7, 10.0.0.5"))
            .to_http_request();
        assert_eq!(
            client_address(&req, &trusted("10.0.0.0/8")),
            ip("198.51.100.7")
        );
        let req = peer("10.0.0.2")
            .insert_header((
                "Forwarded",
                "for=1.2.3.4, for=\"[2001:db8:cafe::17]:4711\";proto=https",
            ))
            .to_http_request();
        assert_eq!(
            client_address(&req, &trusted("10.0.0.0/8")),
            ip("2001:db8:cafe::"),
            "IPv6 clients count by their /64"
        );
        let req = peer("10.0.0.2")
            .insert_header(("X-Forwarded-For", "198.51.100.7:4711"))
            .to_http_request();
        assert_eq!(
            client_address(&req, &trusted("10.0.0.0/8")),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn without_a_usable_header_the_proxy_is_the_source() {
        let t = trusted("10.0.0.0/8");
        let req = peer("10.0.0.2").to_http_request();
        assert_eq!(client_address(&req, &t), ip("10.0.0.2"));
        let req = peer("10.0.0.2")
            .insert_header(("X-Forwarded-For", "198.51.100.7, unknown"))
            .to_http_request();
        assert_eq!(client_address(&req, &t), ip("10.0.0.2"));
    }
}
