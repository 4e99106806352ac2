//! Non-Leptos HTTP concerns: security headers and the same-origin check, health, metrics.

pub mod health;
pub mod metrics;
pub mod security;
