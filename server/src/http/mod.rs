//! Non-Leptos HTTP concerns: the session behind a request and the audit of assisted ones, the
//! client's address behind proxies, security headers and the same-origin check, health,
//! metrics, file downloads and uploads, caching of the built files.

pub mod assisted_audit;
pub mod certificate_files;
pub mod client_address;
pub mod download;
pub mod filing_documents;
pub mod health;
pub mod metrics;
pub mod security;
pub mod server_fn_errors;
pub mod session;
pub mod staff_export;
pub mod static_files;
