//! Non-Leptos HTTP concerns: security headers and the same-origin check, health, metrics, and
//! file downloads.

pub mod certificate_files;
pub mod download;
pub mod health;
pub mod metrics;
pub mod security;
pub mod staff_export;
