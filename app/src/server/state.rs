//! Everything a request handler needs, cloned cheaply into each request's context.

use crate::server::auth::password::Passwords;
use crate::server::auth::sealed::SecretBox;
use crate::server::auth::session::SessionPolicy;
use crate::server::auth::throttle::ThrottlePolicy;
use crate::server::clock::Clock;
use crate::server::store::Store;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Cloned into every request several times (the router, the session middleware, each server
/// function's context), so it is one reference count, not a copy of every field.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub store: Store,
    pub passwords: Passwords,
    pub sessions: SessionPolicy,
    pub throttle: ThrottlePolicy,
    pub clock: Clock,
    /// Server secret for keyed hashes; from config, never logged.
    pub secret_key: Arc<[u8]>,
    /// Seals and opens the stored two-factor secrets (a key derived from `secret_key`).
    pub totp_secrets: SecretBox,
    /// The portal's public address, without a trailing slash (certificates link to it).
    pub public_url: Arc<str>,
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state of the current server-function call or page render.
pub fn app_state() -> Result<AppState, crate::error::AppError> {
    leptos::prelude::use_context::<AppState>()
        .ok_or_else(|| crate::error::AppError::internal("AppState missing from context"))
}
