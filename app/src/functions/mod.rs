//! Server functions, one file per area, each with a stable URL under `/api/<area>/<verb_noun>`.
//! Bodies stay thin: principal → scope → validated input → service → typed error.

pub mod access_log;
pub mod account;
pub mod admin;
pub mod assist;
pub mod auth;
pub mod benefits;
pub mod certificates;
pub mod employer;
pub mod filings;
pub mod homes;
pub mod prefs;
pub mod qualification;
pub mod records;
pub mod relatives;
pub mod transfers;
