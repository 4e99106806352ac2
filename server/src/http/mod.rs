//! Non-Leptos HTTP concerns: security headers and the same-origin check, health, metrics, and
//! file downloads and uploads, caching of the built files.

pub mod certificate_files;
pub mod download;
pub mod filing_documents;
pub mod health;
pub mod metrics;
pub mod security;
pub mod staff_export;
pub mod static_files;
