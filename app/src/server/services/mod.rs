//! Workflow and presentation rules over the store, taking scopes rather than raw ids.
//! No SQL here.

pub mod access_history;
pub mod account;
pub mod assist;
pub mod benefits;
pub mod certificate_content;
pub mod certificate_document;
pub mod certificates;
pub mod citizen_home;
pub mod estimate;
pub mod filings;
pub mod helpdesk;
pub mod local_rules;
pub mod qualification;
pub mod read_model_deltas;
pub mod read_models;
pub mod record;
pub mod relatives;
pub mod review;
pub mod roster_id_search;
pub mod staff_admin;
pub mod staff_checks;
pub mod staff_homes;
pub mod staff_roster;
pub mod transfer_rules;
pub mod transfers;
pub mod wages;
