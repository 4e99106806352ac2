//! Route components, one folder per role; each page ends in `Page`.

pub mod account;
pub mod admin;
pub mod citizen;
pub mod employer;
pub mod helpdesk;
pub mod login;
pub mod not_found;
pub mod review;
pub mod sign_in_code;
pub mod verify;
pub mod welcome;
