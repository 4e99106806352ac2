//! The server's integration tests in one binary: the store conformance, HTTP and command-line
//! suites. Database tests run once per backend as separate cases (`name::sqlite`,
//! `name::postgres`), so a failure on one backend cannot hide the other's.

#[macro_use]
mod common;

mod account;
mod admin;
mod assist;
mod bad_input;
mod benefits;
mod certificates;
mod cli;
mod employer;
mod filings;
mod http;
mod import;
mod qualification;
mod records;
mod relatives;
mod schema;
mod storage;
mod store;
mod transfers;
