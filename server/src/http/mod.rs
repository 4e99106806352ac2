//! Non-Leptos HTTP concerns: the client's address behind proxies, security headers and the same-origin check, health, metrics, and
//! file downloads and uploads, caching of the built files.

pub mod certificate_files;
pub mod client_address;
pub mod download;
pub mod filing_documents;
pub mod health;
pub mod metrics;
pub mod security;
pub mod server_fn_errors;
pub mod staff_export;
pub mod static_files;
