//! Workflow and presentation rules over the store, taking scopes rather than raw ids.
//! No SQL here.

pub mod citizen_home;
pub mod estimate;
pub mod record;
pub mod staff_checks;
pub mod staff_homes;
pub mod staff_roster;
pub mod wages;
