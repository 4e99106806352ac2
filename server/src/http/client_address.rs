//! Who is asking. Behind a TLS proxy every connection comes from the proxy, so the client is
//! read from the forwarding headers (`Forwarded`, else `X-Forwarded-For`), but only when the
//! peer is one of the `trusted_proxies`: anyone else could write those headers. The chain is
//! read from the right (the hop nearest to us), skipping trusted proxies; the first address
//! that is not one is the client, so addresses a client puts on the left change nothing.

use app::server::ClientAddress;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use real_ip::IpNet;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Arc<[IpNet]>);

#[derive(Debug, thiserror::Error)]
#[error("`{0}` is neither an IP address nor a CIDR block")]
pub struct BadProxy(String);

impl TrustedProxies {
    /// CIDR blocks (`10.0.0.0/8`) or single addresses (`192.0.2.1`).
    pub fn parse(entries: &[String]) -> Result<Self, BadProxy> {
        entries
            .iter()
            .map(|e| {
                let e = e.trim();
                e.parse::<IpNet>()
                    .or_else(|_| e.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| BadProxy(e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|nets| Self(nets.into()))
    }

    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = peer.to_canonical();
        if self.0.is_empty() {
            return peer;
        }
        real_ip::real_ip(headers, peer, &self.0)
            .unwrap_or(peer)
            .to_canonical()
    }
}

/// Puts the client's address on the request for the handlers below.
pub async fn resolve(
    State(trusted): State<TrustedProxies>,
    mut req: Request,
    next: Next,
) -> Response {
    if let Some(ConnectInfo(peer)) = req.extensions().get::<ConnectInfo<SocketAddr>>().copied() {
        let client = trusted.client(peer.ip(), req.headers());
        req.extensions_mut().insert(ClientAddress(client));
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.append(*name, value.parse().unwrap());
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarding_headers_count_only_from_a_trusted_proxy() {
        let none = TrustedProxies::default();
        let proxy = TrustedProxies::parse(&["10.0.0.0/8".into(), " 192.0.2.1 ".into()]).unwrap();
        let xff = headers(&[("x-forwarded-for", "203.0.113.9, 198.51.100.7")]);
        // Nobody trusted, or an untrusted peer: the headers are the client's own words.
        assert_eq!(none.client(ip("10.0.0.1"), &xff), ip("10.0.0.1"));
        assert_eq!(proxy.client(ip("198.51.100.50"), &xff), ip("198.51.100.50"));
        // The hop the proxy added is the client; what the client wrote before it is not.
        assert_eq!(proxy.client(ip("10.0.0.1"), &xff), ip("198.51.100.7"));
        assert_eq!(proxy.client(ip("192.0.2.1"), &xff), ip("198.51.100.7"));
        // Proxies in a chain are skipped.
        let chain = headers(&[("x-forwarded-for", "198.51.100.7, 10.1.2.3")]);
        assert_eq!(proxy.client(ip("10.0.0.1"), &chain), ip("198.51.100.7"));
        // RFC 7239, and IPv4 clients seen through an IPv6 listener.
        let forwarded = headers(&[("forwarded", "for=\"[2001:db8::1]:4711\";proto=https")]);
        assert_eq!(proxy.client(ip("10.0.0.1"), &forwarded), ip("2001:db8::1"));
        assert_eq!(
            none.client(ip("::ffff:198.51.100.7"), &HeaderMap::new()),
            ip("198.51.100.7")
        );
        // A trusted proxy that forwards nothing is itself the client.
        assert_eq!(
            proxy.client(ip("10.0.0.1"), &HeaderMap::new()),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn a_bad_entry_is_named() {
        let e = TrustedProxies::parse(&["10.0.0.0/8".into(), "proxy.local".into()]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "`proxy.local` is neither an IP address nor a CIDR block"
        );
    }
}
