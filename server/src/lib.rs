//! The `jinbao` server: CLI, typed config, startup, and the non-Leptos routes.

pub mod cli;
pub mod config;
pub mod http;
pub mod import;
pub mod progress;
pub mod seed;
pub mod startup;
pub mod telemetry;
