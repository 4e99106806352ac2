//! Server-only code (feature `ssr`): authentication and scopes, services holding the workflow
//! rules, the store, and the shared state. None of it compiles into the browser bundle.

pub mod auth;
pub mod clock;
pub mod services;
pub mod state;
pub mod store;
