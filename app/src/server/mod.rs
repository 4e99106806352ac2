//! Server-only code (feature `ssr`): authentication and scopes, services holding the workflow
//! rules, the store, and the shared state. None of it compiles into the browser bundle.

pub mod auth;
pub mod call;
pub mod clock;
pub mod cookies;
pub mod pdf;
pub mod services;
pub mod state;
pub mod store;
pub mod working_days;

/// The client's address: the peer, or the client a trusted proxy forwarded for. The server
/// puts it on every request; the throttles key on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::IpAddr);

/// Response header (internal, removed by the session middleware) telling the audit log that a
/// call failed even when a plain form post answers with a redirect.
pub const OUTCOME_HEADER: &str = "x-jinbao-outcome";

/// Whether this server-function call is a form posted by the browser itself (JavaScript off),
/// rather than a call of the hydrated app.
pub fn plain_form_post() -> bool {
    leptos::prelude::use_context::<http::request::Parts>().is_some_and(|p| {
        p.headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}
